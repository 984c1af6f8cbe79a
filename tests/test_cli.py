"""The command line: exit codes and the exact one-line messages a user sees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.extract.depverb import DepVerbExtractor


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_missing_path(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    result = runner.invoke(main, ["build", str(missing), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr == f"kg: error: {missing}: no such file or folder\n"
    assert not (tmp_path / "out").exists()


def test_empty_folder(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = runner.invoke(main, ["build", str(tmp_path / "empty"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.stderr == (f"kg: error: {tmp_path / 'empty'}: "
                             "no .txt, .md, .html, .csv or .jsonl files in this folder\n")


def test_unknown_text_field(runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "news.csv"
    corpus.write_text("id,text\n1,Iran met Iraq.\n", encoding="utf-8")
    result = runner.invoke(main, ["build", str(corpus), "--text-field", "body",
                                  "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.stderr == f"kg: error: {corpus}: no text field 'body' (fields: id, text)\n"


def test_binary_file_alone(runner: CliRunner, tmp_path: Path,
                           extractor: DepVerbExtractor) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF-1.4\x00\x01\x02\x03")
    result = runner.invoke(main, ["build", str(binary), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.stderr == (f"kg: warning: {binary}: binary file, skipped\n"
                             f"kg: error: {binary}: no readable articles found\n")


def test_binary_file_among_articles_is_skipped(runner: CliRunner, tmp_path: Path,
                                               extractor: DepVerbExtractor) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Russia urged Syria to talk.", encoding="utf-8")
    binary = tmp_path / "in" / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02\x03")
    result = runner.invoke(main, ["build", str(tmp_path / "in"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"kg: warning: {binary}: binary file, skipped\n"
    assert "kg: 1 documents" in result.stdout


def test_malformed_jsonl_line(runner: CliRunner, tmp_path: Path,
                              extractor: DepVerbExtractor) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"id": "a", "text": "Russia urged Syria to talk."}\n{oops\n',
                    encoding="utf-8")
    result = runner.invoke(main, ["build", str(rows), "-o", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert result.stderr == (f"kg: warning: {rows}:2: malformed JSON line "
                             "(Expecting property name enclosed in double quotes), skipped\n")
    strict = runner.invoke(main, ["build", str(rows), "--strict", "-o", str(tmp_path / "o2")])
    assert strict.exit_code == 1
    assert strict.stderr == (f"kg: error: {rows}:2: malformed JSON line "
                             "(Expecting property name enclosed in double quotes)\n")
    assert not (tmp_path / "o2" / "events.jsonl").exists()


def test_build_writes_every_output_and_is_idempotent(runner: CliRunner, tmp_path: Path,
                                                     extractor: DepVerbExtractor) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Russia called on Syria on Monday to accept a truce.", encoding="utf-8")
    out = tmp_path / "out"
    first = runner.invoke(main, ["build", str(tmp_path / "in"), "-o", str(out)])
    assert first.exit_code == 0, first.stderr
    names = {p.name for p in out.iterdir()}
    assert {"events.jsonl", "actors.jsonl", "documents.jsonl", "unresolved.jsonl",
            "graph.graphml", "graph.html"} <= names
    assert not [name for name in names if name.endswith(".tmp")]
    events = [json.loads(line) for line in (out / "events.jsonl").read_text().splitlines()]
    assert [(e["source"]["id"], e["relation"], e["target"]["id"]) for e in events] == \
        [("RUS", "URGES", "SYR")]
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.suffix == ".jsonl"}
    second = runner.invoke(main, ["build", str(tmp_path / "in"), "-o", str(out)])
    assert second.exit_code == 0
    assert before == {p.name: p.read_bytes() for p in out.iterdir() if p.suffix == ".jsonl"}


def test_help_lists_every_command(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("build", "extract", "load", "init-db", "export"):
        assert command in result.stdout
