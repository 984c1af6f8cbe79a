"""Analysts' --relations and --actors files (project issue #14): every row is checked, and a
row kg cannot use stops the run with one line naming the file, the line and the field."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from conftest import build, write_file

from kg.actors.gazetteer import Gazetteer
from kg.datafiles import builtin_path, read_rows, set_aside_from_collector
from kg.errors import DataError
from kg.extract.depverb import DepVerbExtractor
from kg.lexicon import KINDS, Lexicon
from kg.model import quad_class

RELATIONS = "kind,lemma,prep,label,cameo\n"
ACTORS = "alias,id,name,type,country,sector,valid_from,valid_to\n"


def _lexicon(tmp_path: Path, rows: str) -> Lexicon:
    return Lexicon.load([write_file(tmp_path / "relations.csv", RELATIONS + rows)])


def _gazetteer(tmp_path: Path, rows: str) -> Gazetteer:
    return Gazetteer.load([write_file(tmp_path / "actors.csv", ACTORS + rows)])


@pytest.mark.parametrize(("row", "message"), [
    ("verb,call\n", "field 'label': '' must be upper-case A-Z and _"),
    ("verb,call,on,URGES\n", "field 'cameo': unknown CAMEO code ''"),
    ("verb\n", "field 'lemma': empty"),
    ("verbs,call,on,URGES,020\n", f"field 'kind': 'verbs' is not one of {', '.join(KINDS)}"),
    ("verb,call,on,urges,020\n", "field 'label': 'urges' must be upper-case A-Z and _"),
    ("verb,call,on,URGES,999\n", "field 'cameo': unknown CAMEO code '999'"),
    ("verb,call,on;,URGES,020\n", "field 'prep': 'on;' is not a preposition, '*' or empty"),
    ("reverse,lift,,EASES,081\n", "field 'lemma': a reverse row names the CAMEO root of the "
     "act it undoes, not 'lift'"),
    ("verb,call,on,URGES,020,extra\n", "6 fields, the header has 5 (quote values that hold "
     "a comma)"),
    ("verb,call\x1b[2J,on,URGES,020\n", "field 'lemma': control character in "
     "'call\\x1b[2J'"),
])
def test_bad_relation_rows_are_named(tmp_path: Path, row: str, message: str) -> None:
    with pytest.raises(DataError) as error:
        _lexicon(tmp_path, "verb,urge,,URGES,020\n" + row)
    assert str(error.value) == f"{tmp_path / 'relations.csv'}:3: {message}"


def test_a_line_separator_inside_a_row_is_a_space(tmp_path: Path) -> None:
    lexicon = _lexicon(tmp_path, "noun,call\u2028for,\u2028on,URGES,020\nlight,hold\n")
    assert lexicon.nouns["call for"]["on"].label == "URGES"
    assert "hold" in lexicon.light_verbs


@pytest.mark.parametrize(("row", "message"), [
    ("Kremlin\n", "field 'id': empty"),
    (",RUSGOV\n", "field 'alias': empty"),
    ("Kremlin,RUSGOV,,kingdom\n", "field 'type': 'kingdom' is not one of state, igo, ngo, "
     "group, person, bloc, other"),
    ("Kremlin,RUSGOV,,state,ZZZ\n", "field 'country': 'ZZZ' is no ISO 3166 alpha-3 code "
     "(RUS, SYR, USA, ...)"),
    ("Kremlin,RUSGOV,,state,RUS,government\n", "field 'sector': 'government' is no CAMEO "
     "sector code (GOV, MIL, REB, ...)"),
    ("Kremlin,RUSGOV,,state,RUS,GOV,2012/01/01\n", "field 'valid_from': '2012/01/01' is not a "
     "date: write YYYY-MM-DD (or YYYY-MM, YYYY)"),
    ("Kremlin,RUSGOV,,state,RUS,GOV,,banana\n", "field 'valid_to': 'banana' is not a date: "
     "write YYYY-MM-DD (or YYYY-MM, YYYY)"),
    ("Kremlin,RUSGOV,,state,RUS,GOV,01/01/2012\n", "field 'valid_from': '01/01/2012' is not "
     "a date: write YYYY-MM-DD (or YYYY-MM, YYYY)"),
    ("Kremlin,RUSGOV,,state,RUS,GOV,2012-02-30\n", "field 'valid_from': '2012-02-30' is not "
     "a date: write YYYY-MM-DD (or YYYY-MM, YYYY)"),
    ("Kremlin,RUSGOV,,state,RUS,GOV,2014-01-01,2012-12-31\n", "field 'valid_to': 2012-12-31 "
     "is before valid_from 2014-01-01"),
    ("Kremlin,RUSGOV,,state,RUS,GOV,,2012-13\n", "field 'valid_to': '2012-13' is not a date: "
     "write YYYY-MM-DD (or YYYY-MM, YYYY)"),
    ("Kremlin,RUSGOV,,state,RUS,GOV,2012-00\n", "field 'valid_from': '2012-00' is not a "
     "date: write YYYY-MM-DD (or YYYY-MM, YYYY)"),
    ("Kremlin\x07,RUSGOV\n", "field 'alias': control character in 'Kremlin\\x07'"),
])
def test_bad_alias_rows_are_named(tmp_path: Path, row: str, message: str) -> None:
    with pytest.raises(DataError) as error:
        _gazetteer(tmp_path, "Duma,RUSLEG,Russian parliament,state,RUS,LEG\n" + row)
    assert str(error.value) == f"{tmp_path / 'actors.csv'}:3: {message}"


def test_short_alias_rows_and_dates_by_year(tmp_path: Path) -> None:
    gazetteer = _gazetteer(tmp_path, "Black Sea Fleet,RUSNAV\n"
                                     "The Chief,person:chief,The Chief,person,SYR,GOV,2012,2013\n")
    (fleet,) = [entry for entry in gazetteer.aliases["Black Sea Fleet"] if entry.analyst]
    assert fleet.actor is not None and (fleet.actor.id, fleet.actor.type) == ("RUSNAV", "other")
    chief = gazetteer.aliases["The Chief"][0]
    # A year stands for all of its days: 2013 runs to its last.
    assert (chief.valid_from, chief.valid_to) == ("2012-01-01", "2013-12-31")
    assert chief.valid_on("2013-12-31") and not chief.valid_on("2014-01-01")


def test_names_may_hold_invisible_letters_of_their_script(tmp_path: Path) -> None:
    # a zero-width non-joiner is part of Persian spelling, a soft hyphen of many names
    gazetteer = _gazetteer(tmp_path, "Mohammad\u200cReza Aref,person:aref,,person,IRN,GOV\n"
                                     "Ober\u00adhausen Council,DEUGOV\n")
    assert "Mohammad\u200cReza Aref" in gazetteer.aliases
    assert "Ober\u00adhausen Council" in gazetteer.aliases


def test_a_bad_row_stops_a_build_with_one_line(tmp_path: Path) -> None:
    write_file(tmp_path / "in" / "a.txt", "Russia urged Syria to talk.")
    actors = write_file(tmp_path / "actors.csv", ACTORS + "Kremlin,RUSGOV,,kingdom\n")
    result = build(tmp_path / "in", "--actors", actors, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr == (f"kg: error: {actors}:2: field 'type': 'kingdom' is not one of "
                             "state, igo, ngo, group, person, bloc, other\n")
    relations = write_file(tmp_path / "relations.csv", RELATIONS + "verb,urge\u2028,,URGES\n")
    result = build(tmp_path / "in", "--relations", relations, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr == f"kg: error: {relations}:2: field 'cameo': unknown CAMEO code ''\n"


@pytest.mark.parametrize("actor_type", ["state", "group"])
def test_an_analyst_s_alias_resolves_whatever_its_type(tmp_path: Path, actor_type: str,
                                                        extractor: DepVerbExtractor) -> None:
    """The tagger reads "The Black Sea Fleet" as an organisation that takes in "The"; the
    alias covers the rest. A state-type match inside an organisation's name is taken for a
    country word in a name kg does not know ("the Syrian Observatory ..."), and was dropped
    as unresolved; an analyst's alias covering the whole name but its article is not."""
    write_file(tmp_path / "in" / "a.txt", "The Black Sea Fleet attacked Ukraine on Monday. "
               "Ukraine condemned the Black Sea Fleet.")
    actors = write_file(tmp_path / "actors.csv", ACTORS + f"Black Sea Fleet,RUSNAV,Black Sea "
                        f"Fleet,{actor_type},RUS,MIL\n")
    out = tmp_path / "out"
    result = build(tmp_path / "in", "--actors", actors, "-o", out, "--no-cache")
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in (out / "events.jsonl").read_text().splitlines()]
    assert sorted((e["source"]["id"], e["target"]["id"]) for e in events) == [
        ("RUSNAV", "UKR"), ("UKR", "RUSNAV")]
    assert (out / "unresolved.jsonl").read_text() == ""


def test_the_collector_paused_while_the_gazetteer_loads_runs_again_after_a_bad_file(
        tmp_path: Path) -> None:
    # The start-up pauses the cyclic garbage collector; a run that goes on after a data
    # error (a test session, a long-lived caller) must get it back.
    assert gc.isenabled()
    with pytest.raises(DataError):
        _gazetteer(tmp_path, "Kremlin\x07,RUSGOV\n")
    assert gc.isenabled()
    _gazetteer(tmp_path, "")
    assert gc.isenabled()


def test_the_first_extractor_is_set_aside_from_the_collector_and_no_later_one(
        extractor: DepVerbExtractor) -> None:
    # The model and the data outlive every document: the collector's full passes need
    # not walk them. What is set aside is never collected, so only the first extractor
    # of a process is; one made later may be dropped and must stay collectable.
    set_aside = gc.get_freeze_count()
    assert set_aside > 0
    made_since = [[index] for index in range(1000)]  # a second setting aside would take them
    set_aside_from_collector()
    assert gc.get_freeze_count() == set_aside
    assert made_since


def test_each_shipped_label_names_acts_of_one_quadclass() -> None:
    """A label is a relationship type in Neo4j and a colour in the map and in Browser's
    style: acts of two QuadClasses under one label would be drawn as one kind."""
    classes: dict[str, set[str]] = {}
    for name in ("relations.csv", "cameo_verbs.csv"):
        for _, row in read_rows(builtin_path(name), ("label", "cameo")):
            if row["cameo"]:
                classes.setdefault(row["label"], set()).add(quad_class(row["cameo"][:2]))
    assert {label: found for label, found in classes.items() if len(found) > 1} == {}
