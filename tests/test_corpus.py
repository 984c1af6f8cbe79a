"""Real news from ../shared: the whole FA-KES corpus goes through without a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.extract.depverb import DepVerbExtractor

pytestmark = pytest.mark.shared


def test_fakes_corpus_builds_end_to_end(shared: Path, tmp_path: Path,
                                        extractor: DepVerbExtractor) -> None:
    corpus = shared / "corpus" / "fakes.csv"
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    warnings = result.stderr.splitlines()
    assert warnings[0] == f"kg: warning: {corpus}: not UTF-8, read as Windows-1252"
    # 804 rows, 792 ids: 11 rows repeat an article under its id (one row for each event
    # annotated in it), and one other article reuses an id.
    assert sum(" the same article as " in line for line in warnings) == 11
    assert [line for line in warnings if "read as '" in line] == [
        f"kg: warning: {corpus}:492: document id '1926479112' is also the id of "
        f"{corpus}:491; read as '1926479112#2'"]
    assert len(warnings) == 13
    assert "kg: 793 documents" in result.stdout
    documents = [json.loads(line) for line in
                 (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(documents) == len({document["id"] for document in documents}) == 793
    assert all(document["date"] for document in documents)
    events = [json.loads(line) for line in
              (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert events
    assert len(events) == len({event["id"] for event in events})
    for event in events:
        assert event["date"] is not None
        assert event["source"]["id"] != event["target"]["id"]
