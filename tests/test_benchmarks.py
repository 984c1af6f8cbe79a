"""BENCHMARKS.md keeps one current table per measure, with the tables it replaced below."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from benchmarks.common import HISTORY, parse, record  # noqa: E402


def test_recording_a_measure_again_replaces_its_table(tmp_path: Path) -> None:
    path = tmp_path / "BENCHMARKS.md"
    record("Load rate", "python3 run.py", "| rate |\n|---|\n| 1 |", path=path)
    record("Overhead", "python3 run.py", "| ratio |\n|---|\n| 1.1 |", path=path)
    record("Load rate", "python3 run.py", "| rate |\n|---|\n| 2 |", "second run", path=path)
    record("Load rate", "python3 run.py", "| rate |\n|---|\n| 3 |", path=path)
    text = path.read_text(encoding="utf-8")
    current, history = parse(text)
    assert [section.title for section in current] == ["Load rate", "Overhead"]
    assert "| 3 |" in current[0].body and "- command: `python3 run.py`" in current[0].body
    # The replaced tables, newest first, under the History heading.
    assert [section.title for section in history] == ["Load rate", "Load rate"]
    assert "| 2 |" in history[0].body and "- second run" in history[0].body
    assert "| 1 |" in history[1].body
    assert text.index(HISTORY) > text.index("## Overhead")
    assert parse(text) == parse(path.read_text(encoding="utf-8"))


def test_benchmarks_file_has_one_current_table_per_measure() -> None:
    current, history = parse((ROOT / "BENCHMARKS.md").read_text(encoding="utf-8"))
    titles = [section.title for section in current]
    assert len(titles) == len(set(titles)), titles
    assert {"Neo4j load rate", "Extraction overhead", "HTML export"} <= set(titles)
    assert history
