"""The field's dictionaries as kg data: the converter (on a fixture of each format written
for these tests, and on the dictionaries themselves, whose tables it must reproduce), dated
roles by the article's date, kg's rows over the dictionaries' at load time, and a verb
from the converted table coding an event."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.matcher import PhraseMatcher

from kg import lexicon as lexicon_module
from kg.actors import gazetteer as gazetteer_module
from kg.actors.gazetteer import DICTIONARY_FILES, Gazetteer
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
    # labels are made from the CAMEO root's name; the lexicon gives kg's at load time
    assert rows[("verb", "denigrate", "")] == ("DISAPPROVES", "111")
    assert rows[("verb", "denigrate", "to")] == ("CONSULTS", "042")  # the first of 042:043
    assert rows[("object", "denigrate of torture", "")] == ("DISAPPROVES", "1122")
    assert rows[("object", "smuggle rifle", "")][1] == "1712"  # a synonym set, expanded
    lemmas = {lemma for _, lemma, _ in rows}
    assert "traduce" not in lemmas  # a synonym without a code of its own
    assert "call" not in lemmas  # a common verb of many senses
    assert not any(lemma.startswith("denigrate rifle") for lemma in lemmas)  # code ---


def test_dated_roles_become_iso_dates_and_the_default_fills_the_gaps(converted: Path) -> None:
    roles = [(row["sector"], row["valid_from"], row["valid_to"])
             for row in _rows(converted / "phoenix_people.csv") if row["name"] == "Zorban Kelvish"]
    assert roles == [("ELI", "", "1956-01-01"), ("ELI", "1956-01-01", "2003-12-12"),
                     ("GOV", "2003-12-12", "2006-02-06"), ("ELI", "2006-02-06", "")]


def test_codes_are_mapped_and_what_hurts_is_left_out(converted: Path) -> None:
    people = {row["name"]: row for row in _rows(converted / "phoenix_people.csv")}
    assert people["Mirela Tosk"]["organisation"] == "UNITED_NATIONS"  # IGOUNO's record
    assert "Hope" not in people  # a common word
    assert "Ardan Plovich" not in people  # last in office before 1990
    assert "Bashar al-Assad" in people  # kg's people.csv has him too: the loader decides
    organisations = {row["id"]: row for row in _rows(converted / "phoenix_organisations.csv")}
    assert organisations["GWA"]["part_of"] == "UN"  # a UN body
    assert organisations["UNITED_NATIONS"]["name"] == "United Nations"  # kg's, when loaded
    assert not any("Acme" in row["name"] for row in organisations.values())  # a company
    groups = _rows(converted / "phoenix_groups.csv")
    assert [(row["id"], row["country"], row["sector"], row["type"]) for row in groups] == \
        [("CWB", "CAN", "REB", "group")]
    bodies = {row["alias"]: (row["country"], row["sector"])
              for row in _rows(converted / "phoenix_countries.csv")}
    assert bodies["Widget House"] == ("CAN", "LEG")
    agents = {row["term"]: row["sector"] for row in _rows(converted / "phoenix_agents.csv")}
    assert agents["widgetmen"] == "REB" and agents["army"] == "MIL"  # kg's has it too
    notice = (converted / "LICENSE.petrarch2").read_text(encoding="utf-8")
    assert "openeventdata/petrarch2" in notice and "stand-in notice" in notice


def test_the_converter_is_rerunnable(converted: Path, tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(CONVERTER), str(FIXTURES / "dictionaries"),
                    "--out", str(tmp_path)], check=True, capture_output=True)
    for table in converted.iterdir():
        assert (tmp_path / table.name).read_bytes() == table.read_bytes()


def test_the_converter_reproduces_the_shipped_tables(shared: Path, tmp_path: Path) -> None:
    """The tables depend on the dictionaries alone, not on kg's own rows, which grow: kg's
    precedence is the loaders' (the two tests below)."""
    subprocess.run([sys.executable, str(CONVERTER), str(shared / "dictionaries"),
                    "--out", str(tmp_path)], check=True, capture_output=True)
    for table in (*DICTIONARY_FILES, DICTIONARY_VERBS, "LICENSE.petrarch2"):
        shipped = (ROOT / "kg" / "data" / table).read_bytes()
        assert (tmp_path / table).read_bytes() == shipped, f"{table}: re-run the converter"


def _tables(folder: Path, tables: dict[str, str]) -> Path:
    for name, text in tables.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_kgs_verbs_and_labels_win_over_the_dictionarys_rows(monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    folder = _tables(tmp_path, {DICTIONARY_VERBS: "kind,lemma,prep,label,cameo\n"
                                "verb,denigrate,,DISAPPROVES,111\n"
                                "object,denigrate of torture,,DISAPPROVES,1122\n"
                                "object,call truce,,DEMANDS,020\n"})
    builtin = lexicon_module.builtin_path
    monkeypatch.setattr(lexicon_module, "builtin_path", lambda name: folder / name
                        if name == DICTIONARY_VERBS else builtin(name))
    lexicon = Lexicon.load()
    assert lexicon.verbs["denigrate"][""].label == "CRITICIZES"  # kg's label for 111
    assert lexicon.objects["denigrate of torture"][""].label == "ACCUSES"  # kg's for 112
    assert "call truce" not in lexicon.objects  # kg codes "call" with its own rows alone


def test_kgs_actors_win_over_the_dictionarys(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    organisation = "id,name,type,country,sector,part_of,aliases\n"
    folder = _tables(tmp_path, {
        "phoenix_agents.csv": "term,sector,kind\nprime minister,REB,agent\n"
                              "widgetmen,REB,agent\n",
        "phoenix_countries.csv": "alias,country,sector\n",
        "phoenix_organisations.csv": f"{organisation}UNITED_NATIONS,United Nations,igo,,IGO,,"
                                     "United Nations|Uno\n",
        "phoenix_groups.csv": organisation,
        "phoenix_people.csv": "name,aliases,country,organisation,sector,role,valid_from,"
                              "valid_to\nBashar al-Assad,,SYR,,MIL,SYRMIL,1990-01-01,1999-12-31\n"
                              "Mirela Tosk,,,UNITED_NATIONS,,IGOUNO,2007-01-01,2016-12-31\n"})
    builtin = gazetteer_module.builtin_path
    monkeypatch.setattr(gazetteer_module, "builtin_path", lambda name: folder / name
                        if name in DICTIONARY_FILES else builtin(name))
    gazetteer = Gazetteer.load()
    assert "prime minister" not in gazetteer.agents  # a title of kg's
    assert gazetteer.agents["widgetmen"] == "REB"
    # the dictionary's United Nations is kg's, and so are its people's roles
    assert "UNITED_NATIONS" not in gazetteer.organisations
    assert {entry.actor.id for entry in gazetteer.aliases["Uno"] if entry.actor} == {"UN"}
    tosk = gazetteer.aliases["Mirela Tosk"][0].actor
    assert tosk is not None and tosk.member_of is not None and tosk.member_of.id == "UN"
    # kg's Assad, with kg's roles alone
    assert {entry.valid_from for entry in gazetteer.aliases["Bashar al-Assad"]
            if entry.kind == "person"} == {"2000-07-17"}


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
