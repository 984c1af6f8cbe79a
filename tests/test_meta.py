"""Fields an analyst keeps with each document (--meta-field), such as FA-KES' fake/true
label: in documents.jsonl, on Neo4j's Document nodes and as a filter in the map."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import news_text, write_file
from test_html import (
    ATTACKS,
    RUSSIA,
    SYRIA,
    URGES,
    browser,  # noqa: F401  (the Chromium fixture)
    event,
    opened,
)

from kg.cli import main
from kg.export.html import render_html
from kg.graph import build_graph
from kg.model import Document
from kg.output import DOCUMENTS
from kg.store.neo4j import Connection, Neo4jStore

ARTICLE_ROWS = [("r1", news_text(0), "1", "world"), ("r2", news_text(1), "0", ""),
                ("r3", news_text(2), "1", "region")]


def _documents(out: Path) -> dict[str, dict[str, Any]]:
    lines = (out / DOCUMENTS).read_text(encoding="utf-8").splitlines()
    return {record["id"]: record for record in map(json.loads, lines)}


def _corpus(tmp_path: Path) -> tuple[Path, Path]:
    rows = write_file(tmp_path / "in" / "rows.csv",
                      "id,text,label,desk\n" + "".join(
                          f'{doc_id},"{text}",{label},{desk}\n'
                          for doc_id, text, label, desk in ARTICLE_ROWS))
    lines = write_file(tmp_path / "in" / "more.jsonl", json.dumps(
        {"id": "j1", "text": ARTICLE_ROWS[0][1], "label": 1, "desk": None}) + "\n")
    return rows, lines


def test_kept_fields_travel_to_documents_jsonl(tmp_path: Path) -> None:
    rows, lines = _corpus(tmp_path)
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(tmp_path / "in"), "-o", str(out),
                                  "--meta-field", "label", "--meta-field", "desk",
                                  "--workers", "1"])
    assert result.exit_code == 0, result.output
    documents = _documents(out)
    assert documents["r1"]["meta"] == {"label": "1", "desk": "world"}
    assert documents["r2"]["meta"] == {"label": "0"}  # an empty field is no field
    # A JSON number is kept as the text a CSV file would hold; a null is no field.
    assert documents["j1"]["meta"] == {"label": "1"}

    # Keeping other fields costs no extraction: the cache still serves every document.
    again = runner.invoke(main, ["extract", str(tmp_path / "in"), "-o", str(out),
                                 "--meta-field", "label", "--workers", "1"])
    assert again.exit_code == 0, again.output
    assert f"({len(documents)} documents from the cache)" in again.output
    assert _documents(out)["r1"]["meta"] == {"label": "1"}
    plain = runner.invoke(main, ["extract", str(tmp_path / "in"), "-o", str(out),
                                 "--workers", "1"])
    assert plain.exit_code == 0 and "meta" not in _documents(out)["r1"]


def test_a_kept_field_must_exist_and_not_shadow_a_document_field(tmp_path: Path) -> None:
    rows, _ = _corpus(tmp_path)
    runner = CliRunner()
    missing = runner.invoke(main, ["extract", str(rows), "-o", str(tmp_path / "out"),
                                   "--meta-field", "verdict"])
    assert (missing.exit_code, missing.stderr) == (
        1, f"kg: error: {rows}: no field 'verdict' to keep with --meta-field "
           "(fields: id, text, label, desk)\n")
    clash = runner.invoke(main, ["extract", str(rows), "--meta-field", "title"])
    assert clash.exit_code == 2 and "'title' is a document's own field" in clash.stderr


@pytest.mark.neo4j
def test_kept_fields_are_document_properties_in_neo4j(tmp_path: Path,
                                                      neo4j: Connection) -> None:
    _corpus(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "in"), "-o", str(out),
                                       "--meta-field", "label", "--workers", "1"])
    assert result.exit_code == 0, result.output
    with Neo4jStore.connect(neo4j) as store:
        store.load_folder(out)
        rows = store._run("MATCH (d:Document) RETURN d.id AS id, d.label AS label")
        # Re-run with a second field kept: added to the nodes already there.
        CliRunner().invoke(main, ["extract", str(tmp_path / "in"), "-o", str(out),
                                  "--meta-field", "label", "--meta-field", "desk",
                                  "--workers", "1"])
        stats = store.load_folder(out)
        desks = store._run("MATCH (d:Document) WHERE d.desk IS NOT NULL "
                           "RETURN d.id AS id, d.desk AS desk")
    assert {row["id"]: row["label"] for row in rows} == {"r1": "1", "r2": "0", "r3": "1",
                                                         "j1": "1"}
    assert stats.documents.created == 0
    assert {row["id"]: row["desk"] for row in desks} == {"r1": "world", "r3": "region"}


@pytest.mark.browser
def test_map_filters_events_by_a_kept_field(browser: Any, tmp_path: Path) -> None:  # noqa: F811
    events = [event(RUSSIA, URGES, SYRIA, doc="true-1", date="2016-01-01"),
              event(RUSSIA, URGES, SYRIA, doc="fake-1", date="2016-02-01"),
              event(SYRIA, ATTACKS, RUSSIA, doc="fake-2", date="2016-03-01"),
              event(SYRIA, URGES, RUSSIA, doc="unlabelled", date="2016-03-01")]
    documents = {"true-1": Document("true-1", "", meta=(("label", "1"),)),
                 "fake-1": Document("fake-1", "", meta=(("label", "0"),)),
                 "fake-2": Document("fake-2", "", meta=(("label", "0"),)),
                 "unlabelled": Document("unlabelled", "")}
    path = tmp_path / "meta.html"
    render_html(build_graph(events), path, documents=documents)
    with opened(browser, path) as page:
        assert page.drawn() == (2, 3)
        boxes = page.page.locator('#meta-filter input[data-meta="label"]')
        assert boxes.count() == 3  # 0, 1 and none
        assert page.page.locator("#meta-filter label").all_inner_texts() == \
            ["0 2", "1 1", "none 1"]
        # Leave out the documents labelled 0: the attack was only in those.
        boxes.nth(0).uncheck()
        assert page.drawn() == (2, 2)
        page.click_edge(page.edge_id("RUS", "SYR", "URGES"))
        items = page.page.locator("#panel ol.evidence li")
        assert items.count() == 1 and "true-1" in items.first.inner_text()
        assert "1 more outside the dates, confidence or document filters" in \
            page.page.locator("#panel").inner_text()
        boxes.nth(2).uncheck()
        assert page.drawn() == (2, 1)
        page.check_clean()
