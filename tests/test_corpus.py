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
    assert result.stderr == f"kg: warning: {corpus}: not UTF-8, read as Windows-1252\n"
    assert "kg: 804 documents" in result.stdout
    documents = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(documents) == 804
    assert all(json.loads(line)["date"] for line in documents)
    events = [json.loads(line) for line in
              (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert events
    for event in events:
        assert event["date"] is not None
        assert event["source"]["id"] != event["target"]["id"]
