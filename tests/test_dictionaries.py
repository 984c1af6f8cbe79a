"""The field's dictionaries as kg data: the converter (on a fixture of each format written
for these tests), dated roles by the article's date, kg's rows over the dictionaries', and
a verb from the converted table coding an event."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.matcher import PhraseMatcher

from kg import lexicon as lexicon_module
from kg.actors.gazetteer import Gazetteer
from kg.actors.matching import NameIndex
from kg.extract.depverb import DepVerbExtractor
from kg.lexicon import DICTIONARY_VERBS, Lexicon
from tests.conftest import FIXTURES, ROOT, ExtractText

CONVERTER = ROOT / "scripts" / "convert-dictionaries"


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tables")
    subprocess.run([sys.executable, str(CONVERTER), str(FIXTURES / "dictionaries"),
                    "--out", str(out)], check=True, capture_output=True, text=True)
    return out


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_verb_patterns_become_relation_rows(converted: Path) -> None:
    rows = {(row["kind"], row["lemma"], row["prep"]): (row["label"], row["cameo"])
            for row in _rows(converted / "cameo_verbs.csv")}
    assert rows[("verb", "denigrate", "")] == ("CRITICIZES", "111")  # kg's label for 111
    assert rows[("verb", "denigrate", "to")] == ("VISITS", "042")  # the first of 042:043
    assert rows[("object", "denigrate of torture", "")] == ("ACCUSES", "1122")
    assert rows[("object", "smuggle rifle", "")][1] == "1712"  # a synonym set, expanded
    lemmas = {lemma for _, lemma, _ in rows}
    assert "traduce" not in lemmas  # a synonym without a code of its own
    assert "call" not in lemmas  # kg's relations.csv has the verb: kg's rows win
    assert not any(lemma.startswith("denigrate rifle") for lemma in lemmas)  # code ---


def test_dated_roles_become_iso_dates_and_the_default_fills_the_gaps(converted: Path) -> None:
    roles = [(row["sector"], row["valid_from"], row["valid_to"])
             for row in _rows(converted / "phoenix_people.csv") if row["name"] == "Zorban Kelvish"]
    assert roles == [("ELI", "", "1956-01-01"), ("ELI", "1956-01-01", "2003-12-12"),
                     ("GOV", "2003-12-12", "2006-02-06"), ("ELI", "2006-02-06", "")]


def test_codes_are_mapped_and_what_hurts_is_left_out(converted: Path) -> None:
    people = {row["name"]: row for row in _rows(converted / "phoenix_people.csv")}
    assert people["Mirela Tosk"]["organisation"] == "UN"  # IGOUNO
    assert "Hope" not in people  # a common word
    assert "Ardan Plovich" not in people  # last in office before 1990
    assert not any("Assad" in name for name in people)  # kg's people.csv has him
    organisations = {row["id"]: row for row in _rows(converted / "phoenix_organisations.csv")}
    assert organisations["GWA"]["part_of"] == "UN"  # a UN body kg does not know
    assert organisations["UN"]["name"] == "United Nations"  # kg's organisation
    assert not any("Acme" in row["name"] for row in organisations.values())  # a company
    groups = _rows(converted / "phoenix_groups.csv")
    assert [(row["id"], row["country"], row["sector"], row["type"]) for row in groups] == \
        [("CWB", "CAN", "REB", "group")]
    bodies = {row["alias"]: (row["country"], row["sector"])
              for row in _rows(converted / "phoenix_countries.csv")}
    assert bodies["Widget House"] == ("CAN", "LEG")
    agents = {row["term"]: row["sector"] for row in _rows(converted / "phoenix_agents.csv")}
    assert agents["widgetmen"] == "REB" and "army" not in agents  # kg's sectors.csv has it
    notice = (converted / "LICENSE.petrarch2").read_text(encoding="utf-8")
    assert "openeventdata/petrarch2" in notice and "stand-in notice" in notice


def test_the_converter_is_rerunnable(converted: Path, tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(CONVERTER), str(FIXTURES / "dictionaries"),
                    "--out", str(tmp_path)], check=True, capture_output=True)
    for table in converted.iterdir():
        assert (tmp_path / table.name).read_bytes() == table.read_bytes()


def test_the_shipped_tables_are_package_data() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"data/*.csv"' in pyproject and '"data/LICENSE.*"' in pyproject
    assert (ROOT / "kg" / "data" / "LICENSE.petrarch2").is_file()


def _member(extract_text: ExtractText, text: str, date: str | None) -> str | None:
    result = extract_text(text, date=date)
    sources = [event.source.actor for event in result.events]
    member = sources[0].member_of if sources else None
    return member.id if member else None


def test_dated_roles_apply_by_the_articles_date(extract_text: ExtractText,
                                                tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.csv"
    aliases.write_text(
        "alias,id,name,type,country,sector,valid_from,valid_to\n"
        "Zorban Kelvish,person:zk,Zorban Kelvish,person,DEU,GOV,2005-01-01,\n"
        "Zorban Kelvish,person:zk,Zorban Kelvish,person,FRA,GOV,1990-01-01,1999-12-31\n",
        encoding="utf-8")
    from kg.nlp import load_model

    nlp = load_model()
    extractor = DepVerbExtractor(nlp, Lexicon.load(), Gazetteer.load([aliases]))

    def member(date: str | None) -> str | None:
        from kg.model import Document

        result = next(iter(extractor.extract([Document(
            id="t", text="Zorban Kelvish criticized Iran.", date=date)])))
        actors = [event.source.actor for event in result.events]
        return actors[0].member_of.id if actors and actors[0].member_of else None

    assert member("1995-06-01") == "FRAGOV"
    assert member("2010-06-01") == "DEUGOV"
    # undated: the latest role, though the analyst's file (rows added first) puts the
    # older one first
    assert member(None) == "DEUGOV"


def test_a_converted_persons_role_follows_the_date(extract_text: ExtractText) -> None:
    # Phoenix: Paul Martin, Canada's prime minister 2003-12-12 to 2006-02-06, an elite before
    assert _member(extract_text, "Paul Martin criticized Iran.", "2004-06-01") == "CANGOV"
    assert _member(extract_text, "Paul Martin criticized Iran.", "1995-06-01") == "CANELI"


def test_kgs_relation_rows_replace_the_dictionarys(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    table = tmp_path / DICTIONARY_VERBS
    table.write_text("kind,lemma,prep,label,cameo\nverb,call,,ASSAULTS,180\n"
                     "verb,denigrate,,CRITICIZES,111\n", encoding="utf-8")
    builtin = lexicon_module.builtin_path
    monkeypatch.setattr(lexicon_module, "builtin_path",
                        lambda name: table if name == DICTIONARY_VERBS else builtin(name))
    lexicon = Lexicon.load()
    assert "" not in lexicon.verbs["call"]  # kg codes "call on", never "call" alone
    assert lexicon.verbs["call"]["on"].label == "URGES"
    assert lexicon.verbs["denigrate"][""].cameo == "111"


def test_kgs_names_outrank_the_dictionaries() -> None:
    gazetteer = Gazetteer.load()
    # kg's country_aliases.csv: Western Sahara is itself; Phoenix files it under Morocco
    entries = gazetteer.aliases["Western Sahara"]
    assert entries[0].actor is not None and entries[0].actor.id == "ESH"
    assert any(entry.actor is not None and entry.actor.id == "MAR" for entry in entries)
    # a Phoenix row for kg's organisation adds names and changes nothing else
    assert gazetteer.organisations["UN"].name == "United Nations"


def test_a_verb_from_the_converted_table_codes_an_event(extract_text: ExtractText) -> None:
    assert "denigrate" not in {row["lemma"] for row in _rows(ROOT / "kg" / "data" /
                                                              "relations.csv")}
    events = extract_text("Iran denigrated Saudi Arabia.").events
    assert [(e.source.actor.id, e.relation.cameo, e.target.actor.id) for e in events] == \
        [("IRN", "111", "SAU")]


def test_plain_names_are_found_as_the_phrase_matcher_finds_them(
        extractor: DepVerbExtractor) -> None:
    nlp = extractor.nlp
    names = ["Paul Martin", "Martin", "United Nations", "Freedonia Canada"]
    doc = nlp.make_doc("Paul Martin told the United Nations that Martin and Freedonia Canada "
                       "and the Paul Martin Foundation agreed.")
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for name in names:
        matcher.add(name, [nlp.make_doc(name)])
    expected = sorted((start, end, nlp.vocab.strings[key]) for key, start, end in matcher(doc))
    assert sorted(NameIndex(names).find(doc)) == expected
    assert len(expected) == 7
