"""Copies of one sentence are one piece of evidence; every event shows its confidence.

A sentence pasted into several documents (page furniture, wire copies) keeps every
occurrence — in events.jsonl, Neo4j and the map's evidence list — but counts once in
GraphML weights, the Cypher rankings, the map's widths, counts and charts and the
timeline file. Expected figures are counted here from the corpus as written.
"""

from __future__ import annotations

import csv
import json
import math
import xml.etree.ElementTree as ElementTree
from dataclasses import replace
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import build, write_output
from test_html import (
    ATTACKS,
    RUSSIA,
    SYRIA,
    URGES,
    browser,  # noqa: F401  (the Chromium fixture)
    event,
    opened,
    screenshot,
)
from test_neo4j import _run_file

from kg.cli import main
from kg.export.html import render_html
from kg.export.timeline import dyad_timeline
from kg.graph import build_graph
from kg.model import Document, DocumentResult, Event, sentence_digest
from kg.output import EVENTS, read_events
from kg.store.neo4j import Connection, Neo4jStore

PASTED = "Russia called on Syria on Monday to accept a truce."
# (id, date, outlet, text): the pasted sentence in four documents of two outlets, once in
# capitals; a fifth document says something else to Syria; France criticizes Israel in
# three sentences of three outlets.
CORPUS = [
    ("a1", "2016-05-02", "Outlet A", f"{PASTED} Fighting went on near the border."),
    ("a2", "2016-05-03", "Outlet A", f"Shelling hit two villages overnight. {PASTED}"),
    ("a3", "2016-05-04", "Outlet A", f"An aid convoy reached the town. {PASTED.upper()}"),
    ("b1", "2016-06-10", "Outlet B", f"{PASTED} Diplomats met in Geneva."),
    ("c1", "2016-07-01", "Outlet C", "Russia urged Syria to release the prisoners. "
                                     "The talks ended late."),
    ("f1", "2016-05-05", "Outlet A", "France criticized Israel for the raid."),
    ("f2", "2016-05-06", "Outlet B", "France criticized Israel for the blockade."),
    ("f3", "2016-05-07", "Outlet C", "France criticized Israel for the arrests."),
]
COPIES = ["a1", "a2", "a3", "b1"]
# Russia URGES Syria: 5 events in 5 documents, 2 distinct sentences from 3 outlets;
# France CRITICIZES Israel: 3 events, 3 sentences, 3 outlets.
RUSSIA_SYRIA = {"events": 5, "documents": 5, "sentences": 2, "sources": 3}
FRANCE_ISRAEL = {"events": 3, "documents": 3, "sentences": 3, "sources": 3}


@pytest.fixture(scope="module")
def copies_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus, built by ``kg build`` as an analyst would."""
    folder = tmp_path_factory.mktemp("copies")
    with (folder / "wire.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "date", "source", "text"])
        writer.writerows(CORPUS)
    out = folder / "out"
    result = build(folder / "wire.csv", "--out", out)
    assert result.exit_code == 0, result.output
    urges = [e for e in read_events(out) if (e.source.actor.id, e.relation.label,
                                             e.target.actor.id) == ("RUS", "URGES", "SYR")]
    assert sorted(e.doc_id for e in urges) == COPIES + ["c1"], "the extractor missed a copy"
    return out


def test_a_sentence_digest_ignores_case_spacing_and_punctuation() -> None:
    same = [PASTED, PASTED.upper(), "  Russia called  on Syria on Monday\nto accept a truce ",
            "\u201cRussia called on Syria on Monday to accept a truce\u201d"]
    assert len({sentence_digest(text) for text in same}) == 1
    assert sentence_digest(PASTED) != sentence_digest(PASTED.replace("truce", "deal"))


def test_events_files_without_the_key_are_read() -> None:
    current = event(RUSSIA, URGES, SYRIA).to_dict()
    assert current["sentence_key"] == sentence_digest(current["sentence"])
    older = {name: value for name, value in current.items() if name != "sentence_key"}
    assert Event.from_dict(older).to_dict() == current


def _edges(graphml: Path) -> dict[tuple[str, str, str], dict[str, Any]]:
    graph = nx.read_graphml(graphml, force_multigraph=True)
    return {(source, data["relation"], target): data
            for source, target, data in graph.edges(data=True)}


def test_graphml_weighs_by_distinct_sentences_and_sources(copies_out: Path) -> None:
    # Every copy stays an event, with its own document.
    events = [json.loads(line) for line in
              (copies_out / EVENTS).read_text(encoding="utf-8").splitlines()]
    urges = [e for e in events if e["relation"] == "URGES"]
    assert len(urges) == 5
    assert len({e["sentence_key"] for e in urges if e["doc_id"] in COPIES}) == 1
    edges = _edges(copies_out / "graph.graphml")
    for key, expected in ((("RUS", "URGES", "SYR"), RUSSIA_SYRIA),
                          (("FRA", "CRITICIZES", "ISR"), FRANCE_ISRAEL)):
        assert {name: edges[key][name] for name in ("count", "documents", "sentences",
                                                    "sources")} == \
            {"count": expected["events"], "documents": expected["documents"],
             "sentences": expected["sentences"], "sources": expected["sources"]}


def test_table_and_timeline_file_count_copies_once(copies_out: Path, tmp_path: Path) -> None:
    table = tmp_path / "events.csv"
    assert CliRunner().invoke(main, ["export", "table", str(copies_out), "-o",
                                     str(table)]).exit_code == 0
    with table.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["Relation"] == "URGES"]
    assert len(rows) == 5 and len({row["Sentence Key"] for row in rows}) == 2

    timeline = dyad_timeline(read_events(copies_out), "RUS", "SYR")
    # The pasted sentence counts once, in the month of its first copy (2016-05-02).
    assert [(month.month, month.events) for month in timeline.months] == \
        [("2016-05", 1), ("2016-06", 0), ("2016-07", 1)]
    assert (timeline.events, timeline.copies, timeline.goldstein) == (2, 3, 6.0)
    result = CliRunner().invoke(main, ["export", "timeline", str(copies_out), "--source",
                                       "RUS", "--target", "SYR", "-o",
                                       str(tmp_path / "chart.svg")])
    assert result.exit_code == 0, result.output
    assert "2 events in 3 months" in result.output
    assert "3 copies of a sentence counted once" in result.output
    svg = ElementTree.parse(tmp_path / "chart.svg")
    assert any("3 copies of a sentence counted once" in (text.text or "")
               for text in svg.iter("{http://www.w3.org/2000/svg}text"))


# -- Neo4j ---------------------------------------------------------------------------------


def _row(rows: list[dict[str, Any]], **match: Any) -> dict[str, Any]:
    found = [row for row in rows if all(row[key] == value for key, value in match.items())]
    assert len(found) == 1, (match, rows)
    return found[0]


@pytest.mark.neo4j
def test_cypher_rankings_count_distinct_sentences_and_sources(
        neo4j: Connection, copies_out: Path) -> None:
    with Neo4jStore.connect(neo4j) as store:
        store.load_folder(copies_out)
        urges = _run_file(store, "02_who_urges_whom.cypher")
        overview = _run_file(store, "01_overview.cypher")
        relations = _run_file(store, "03_actor_relations.cypher", actor="RUS")
        balance = _run_file(store, "05_cooperation_conflict_balance.cypher")
        states = _run_file(store, "10_states_rollup.cypher")
        evidence = _run_file(store, "08_edge_evidence.cypher")
        keys = store._run("MATCH ()-[r:URGES]->() RETURN r.sentence_key AS key")
    # Russia -> Syria has the most events, France -> Israel the most distinct sentences.
    assert [(row["source"], row["relation"], row["target"]) for row in urges] == \
        [("France", "CRITICIZES", "Israel"), ("Russia", "URGES", "Syria")]
    for expected, row in zip((FRANCE_ISRAEL, RUSSIA_SYRIA), urges, strict=True):
        assert {name: row[name] for name in expected} == expected
    russia = _row(overview, id="RUS")
    assert (russia["sentences"], russia["sources"], russia["events"]) == (2, 3, 5)
    assert [row["id"] for row in overview][:2] == ["FRA", "ISR"]
    assert _row(relations, relation="URGES", other="Syria") | {} == {
        "direction": "outgoing", "relation": "URGES", "other": "Syria",
        "other_type": "state", "sentences": 2, "sources": 3, "events": 5, "goldstein": 6.0}
    pair = _row(balance, source="Russia", target="Syria")
    assert (pair["sentences"], pair["events"], pair["goldstein"],
            pair["verbal_cooperation"]) == (2, 5, 6.0, 2)
    assert _row(states, source="RUS", target="SYR")["goldstein"] == 6.0
    # The busiest edge by distinct sentences, every copy listed with how many there are.
    assert {(row["source"], row["relation"], row["target"]) for row in evidence} == \
        {("France", "CRITICIZES", "Israel")}
    assert len({row["key"] for row in keys}) == 2
    with Neo4jStore.connect(neo4j) as store:
        copies = _run_file(store, "08_edge_evidence.cypher", source="RUS")
    assert sorted((row["document"], row["copies"]) for row in copies) == \
        [("a1", 4), ("a2", 4), ("a3", 4), ("b1", 4), ("c1", 1)]


def _confident_events() -> list[Event]:
    return [replace(event(RUSSIA, URGES, SYRIA, doc="d1", date="2016-01-01",
                          tail=" to talk."), confidence=0.25),
            replace(event(RUSSIA, URGES, SYRIA, doc="d2", date="2016-02-01",
                          tail=" to stop."), confidence=0.6),
            replace(event(RUSSIA, URGES, SYRIA, doc="d3", date="2016-03-01",
                          tail=" to sign."), confidence=0.9),
            replace(event(SYRIA, ATTACKS, RUSSIA, doc="d4", date="2016-03-02"),
                    confidence=0.3)]


@pytest.mark.neo4j
def test_confidence_is_a_property_the_evidence_query_filters_on(
        neo4j: Connection, tmp_path: Path) -> None:
    events = _confident_events()
    folder = write_output(tmp_path / "out", DocumentResult(
        Document("d1", "x"), 1, tuple(events), ()))
    with Neo4jStore.connect(neo4j) as store:
        store.load_folder(folder)
        stored = store._run("MATCH ()-[r]->() RETURN r.doc_id AS doc, r.confidence AS c")
        picked = {threshold: _run_file(store, "08_edge_evidence.cypher", source="RUS",
                                       min_confidence=threshold)
                  for threshold in (None, 0.0, 0.5, 0.95)}
    assert {row["doc"]: row["c"] for row in stored} == {"d1": 0.25, "d2": 0.6, "d3": 0.9,
                                                        "d4": 0.3}
    assert [row["confidence"] for row in picked[None]] == [0.9, 0.6, 0.25]
    assert picked[0.0] == picked[None]
    assert [row["confidence"] for row in picked[0.5]] == [0.9, 0.6]
    assert picked[0.95] == []


@pytest.mark.neo4j
def test_a_reload_gives_events_of_an_older_graph_their_sentence_key(
        neo4j: Connection, copies_out: Path) -> None:
    with Neo4jStore.connect(neo4j) as store:
        store.load_folder(copies_out)
        # A graph loaded by a kg that wrote no sentence_key.
        before = store._run("MATCH ()-[r]->() WHERE r.cameo IS NOT NULL "
                            "REMOVE r.sentence_key RETURN r.id AS id, r.loaded_at AS at")
        stats = store.load_folder(copies_out)
        after = store._run("MATCH ()-[r]->() WHERE r.cameo IS NOT NULL "
                           "RETURN r.id AS id, r.loaded_at AS at, r.sentence_key AS key")
        ranked = _run_file(store, "02_who_urges_whom.cypher")
    assert stats.events.created == 0
    expected = {e.id: e.sentence_key for e in read_events(copies_out)}
    assert {row["id"]: row["key"] for row in after} == expected
    assert {row["id"]: row["at"] for row in after} == {row["id"]: row["at"] for row in before}
    assert _row(ranked, source="Russia")["sentences"] == 2


# -- the map -------------------------------------------------------------------------------


def _edge(page: Any, source: str, target: str, relation: str) -> dict[str, Any]:
    edge: dict[str, Any] = page.evaluate("(id) => kgMap.edges.get(id)",
                                         page.edge_id(source, target, relation))
    return edge


@pytest.mark.browser
def test_map_weighs_copies_once_and_lists_every_one(browser: Any,  # noqa: F811
                                                   copies_out: Path) -> None:
    with opened(browser, copies_out / "graph.html") as page:
        russia, france = _edge(page, "RUS", "SYR", "URGES"), _edge(page, "FRA", "ISR",
                                                                   "CRITICIZES")
        assert (russia["count"], russia["sents"], russia["srcs"], russia["docs"]) == (5, 2, 3, 5)
        assert (france["count"], france["sents"]) == (3, 3)
        # Width grows with distinct sentences: five copies of two are thinner than three.
        assert russia["width"] == pytest.approx(1 + 1.5 * math.log2(2), abs=0.01)
        assert france["width"] > russia["width"]
        assert page.page.locator('#relation-filter label:has([data-relation="URGES"]) '
                                 '.count').inner_text() == "2"

        page.click_edge(russia["id"])
        panel = page.page.locator("#panel")
        facts = dict(zip(panel.locator("dt").all_inner_texts(),
                         panel.locator("dd").all_inner_texts(), strict=True))
        assert {name: facts[name] for name in ("Events", "Sentences", "Sources",
                                               "Documents")} == \
            {"Events": "5", "Sentences": "2", "Sources": "3", "Documents": "5"}
        # Two sentences listed; the pasted one with its four copies, every one listed.
        rows = panel.locator("ol.evidence > li")
        assert rows.count() == 2
        pasted = panel.locator("ol.evidence > li[data-copies]")
        assert pasted.get_attribute("data-copies") == "4"
        assert pasted.locator("summary").inner_text() == "4 copies"
        assert pasted.locator("details li").count() == 3
        # Collapsed copies are not rendered, so their text is read from the DOM.
        listed = page.evaluate("() => [...document.querySelectorAll('#panel ol.evidence "
                               ".meta')].map((meta) => meta.textContent)")
        assert sorted(doc for doc in COPIES + ["c1"] if any(doc in text for text in listed)) \
            == sorted(COPIES + ["c1"])
        assert "Evidence, newest first (2 sentences, 5 events)" in panel.inner_text()
        # The chart counts the pasted sentence once, in the month of its first copy.
        months = page.evaluate("() => [...document.querySelectorAll('#panel g.month')]"
                               ".map((g) => [g.dataset.month, Number(g.dataset.events)])")
        assert months == [["2016-05", 1], ["2016-07", 1]]
        assert "3 copies of a sentence counted once" in \
            panel.locator(".timeline-caption").inner_text()
        pasted.locator("summary").click()
        screenshot(page.page, "copies-panel.png")

        # An actor's partners are as strong as the distinct sentences between them.
        page.page.keyboard.press("Escape")
        page.click_node("RUS")
        assert panel.locator("ol.partners li").first.inner_text().startswith(
            "Syria \u00b7 2 sentences")
        page.check_clean()


@pytest.mark.browser
def test_map_shows_each_events_confidence_and_filters_on_it(browser: Any,  # noqa: F811
                                                            tmp_path: Path) -> None:
    path = tmp_path / "confidence.html"
    render_html(build_graph(_confident_events()), path)
    with opened(browser, path) as page:
        assert page.drawn() == (2, 2)
        page.click_edge(page.edge_id("RUS", "SYR", "URGES"))
        panel = page.page.locator("#panel")
        assert panel.locator("ol.evidence .conf").all_inner_texts() == ["0.90", "0.60", "0.25"]
        slider = page.page.locator("#min-confidence")
        assert page.page.locator("#min-confidence-value").inner_text() == "all events"

        slider.fill("50")
        assert page.page.locator("#min-confidence-value").inner_text() == "at least 0.50"
        # Syria's attack (0.30) is gone from the map, the 0.25 row from the evidence.
        assert page.drawn() == (2, 1)
        assert panel.locator("ol.evidence .conf").all_inner_texts() == ["0.90", "0.60"]
        assert "1 more outside the dates, confidence or document filters" in \
            panel.inner_text()
        # A row printed 0.60 stays with the filter at 0.60.
        slider.fill("60")
        assert panel.locator("ol.evidence .conf").all_inner_texts() == ["0.90", "0.60"]
        slider.fill("95")
        assert page.drawn() == (0, 0)
        slider.fill("0")
        assert page.drawn() == (2, 2)
        page.check_clean()
