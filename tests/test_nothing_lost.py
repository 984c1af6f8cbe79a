"""Inputs that used to lose or merge articles without a word (project issue #14): clashing
document ids, an unclosed CSV quote, unreadable folders, kg's own outputs read as
articles, UTF-16 without a byte-order mark, a CSV of a header only, and file names that
forge log lines.

Each case runs the real ``kg build`` through click's CliRunner, so that the warnings,
the summary and the outputs are what a user gets.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, build, unavailable, write_file

from kg.cli import main
from kg.display import one_line, shown
from kg.extract.depverb import DepVerbExtractor
from kg.readers import read_documents

RUSSIA = "Russia called on Syria on Monday to accept a truce."
TURKEY = "Turkey accused Iran of arming the rebels."
FRANCE = "France criticized Israel for the raid."
CHINA = "China vetoed the U.N. resolution on Syria."


@pytest.fixture(autouse=True)
def _model(extractor: DepVerbExtractor) -> None:
    """Every build here parses; without the model they skip locally and fail in CI."""


def records(out: Path, name: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in (out / name).read_text("utf-8").splitlines()]


def doc_ids(out: Path) -> list[object]:
    return [document["id"] for document in records(out, "documents.jsonl")]


def check_unique(out: Path) -> None:
    events = [event["id"] for event in records(out, "events.jsonl")]
    assert len(events) == len(set(events))
    assert len(doc_ids(out)) == len(set(doc_ids(out)))


# -- 1. document ids ---------------------------------------------------------------------

def test_same_file_name_in_two_folders_gives_two_documents(tmp_path: Path) -> None:
    first = write_file(tmp_path / "s1" / "art.txt", RUSSIA)
    second = write_file(tmp_path / "s2" / "art.txt", TURKEY)
    out = tmp_path / "out"
    result = build(first, second, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"kg: warning: {second}: document id 'art' is also the id of "
                             f"{first}; read as 'art#2'\n")
    assert doc_ids(out) == ["art", "art#2"]
    check_unique(out)
    assert {(e["doc_id"], e["relation"]) for e in records(out, "events.jsonl")} == \
        {("art", "URGES"), ("art#2", "ACCUSES")}
    # The ids stay as they were on a rebuild, and the graph counts both documents.
    assert build(first, second, "-o", out).exit_code == 0
    assert doc_ids(out) == ["art", "art#2"]
    exported = CliRunner().invoke(main, ["export", "neo4j-import", str(out)])
    assert exported.exit_code == 0, exported.output
    rows = list(csv.reader(io.StringIO((out / "neo4j-import" / "documents.csv").read_text())))
    assert sorted(row[0] for row in rows[1:]) == ["art", "art#2"]


def test_two_csv_files_numbering_rows_alike(tmp_path: Path) -> None:
    first = write_file(tmp_path / "a.csv", f"id,text\n1,{RUSSIA}\n2,{TURKEY}\n")
    second = write_file(tmp_path / "b.csv", f"id,text\n1,{FRANCE}\n2,{CHINA}\n")
    out = tmp_path / "out"
    result = build(first, second, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"kg: warning: {second}:2: document id '1' is also the id of {first}:2; read as '1#2'",
        f"kg: warning: {second}:3: document id '2' is also the id of {first}:3; read as '2#2'"]
    assert doc_ids(out) == ["1", "2", "1#2", "2#2"]
    assert len(records(out, "events.jsonl")) == 4
    check_unique(out)
    strict = build(first, second, "--strict", "-o", tmp_path / "strict")
    assert strict.exit_code == 1
    assert strict.stderr == (f"kg: error: {second}:2: document id '1' is also the id of "
                             f"{first}:2\n")


def test_a_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    article = write_file(folder / "a.txt", RUSSIA)
    write_file(folder / "b.txt", TURKEY)
    (folder / "c.txt").symlink_to(article)  # the same article by a second name
    out = tmp_path / "out"
    for args in ([article, article], [folder, article], [article, folder], [folder, folder]):
        result = build(*args, "-o", out)
        assert result.exit_code == 0 and result.stderr == "", result.output
        check_unique(out)
        assert len(doc_ids(out)) == (1 if args == [article, article] else 2)


def test_repeated_rows_of_one_article_are_read_once(tmp_path: Path) -> None:
    """FA-KES repeats rows of one article (under one id) for each event annotated in it."""
    rows = write_file(tmp_path / "news.csv",
                      f"unit_id,article_content,label\n7,{RUSSIA},1\n7,{RUSSIA},0\n"
                      f"8,{TURKEY},1\n7,{FRANCE},1\n7,{RUSSIA},1\n")
    out = tmp_path / "out"
    result = build(rows, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"kg: warning: {rows}:3: the same article as {rows}:2 (id '7'), skipped",
        f"kg: warning: {rows}:5: document id '7' is also the id of {rows}:2; read as '7#2'",
        f"kg: warning: {rows}:6: the same article as {rows}:2 (id '7'), skipped"]
    assert doc_ids(out) == ["7", "8", "7#2"]
    check_unique(out)


@pytest.mark.shared
def test_fakes_ids_are_unique(shared: Path, tmp_path: Path) -> None:
    corpus = shared / "corpus" / "fakes.csv"
    documents = list(read_documents([corpus]))
    assert len(documents) == len({document.id for document in documents}) == 793


@pytest.mark.neo4j
def test_a_load_keeps_every_article(neo4j: object, tmp_path: Path) -> None:
    from kg.store.neo4j import Connection

    assert isinstance(neo4j, Connection)
    first = write_file(tmp_path / "a.csv", f"id,text\n1,{RUSSIA}\n2,{TURKEY}\n")
    second = write_file(tmp_path / "b.csv", f"id,text\n1,{FRANCE}\n2,{CHINA}\n")
    out = tmp_path / "out"
    assert build(first, second, "-o", out).exit_code == 0
    loaded = CliRunner().invoke(main, ["load", str(out), "--neo4j", neo4j.uri],
                                env={"NEO4J_PASSWORD": str(neo4j.password)})
    assert loaded.exit_code == 0, loaded.output
    assert "documents 4 created, 0 already there" in loaded.stdout
    assert "events 4 created, 0 already there" in loaded.stdout


# -- 2. an unclosed quote ----------------------------------------------------------------

def test_an_unclosed_quote_swallows_no_rows(tmp_path: Path) -> None:
    rows = write_file(tmp_path / "news.csv",
                      "id,text,date\n"
                      f'1,"{RUSSIA},2016-05-01\n'                  # line 2: never closed
                      f'2,"{TURKEY}",2016-05-02\n'                 # line 3
                      f'3,"Officials met.\n\n{FRANCE}",2016-05-03\n'  # lines 4-6: a real one
                      f'4,"{CHINA}",2016-05-04\n')                 # line 7
    out = tmp_path / "out"
    result = build(rows, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"kg: warning: {rows}:2: malformed CSV row (a quote opened in "
                             "it runs on to line 3), skipped\n")
    assert [(d["id"], d["date"]) for d in records(out, "documents.jsonl")] == [
        ("2", "2016-05-02"), ("3", "2016-05-03"), ("4", "2016-05-04")]
    assert {(e["source"]["id"], e["target"]["id"]) for e in records(out, "events.jsonl")} \
        == {("TUR", "IRN"), ("FRA", "ISR"), ("CHN", "UN")}
    strict = build(rows, "--strict", "-o", tmp_path / "strict")
    assert strict.exit_code == 1
    assert strict.stderr == (f"kg: error: {rows}:2: malformed CSV row (a quote opened in it "
                             "runs on to line 3)\n")


def test_a_quote_that_swallows_to_the_end_of_the_file(tmp_path: Path) -> None:
    rows = write_file(tmp_path / "news.csv",
                      f'id,text\n1,"{RUSSIA}\n2,{TURKEY}\n3,{FRANCE}\n')
    out = tmp_path / "out"
    result = build(rows, "-o", out)
    assert result.stderr == (f"kg: warning: {rows}:2: malformed CSV row (a quote opened in "
                             "it runs on to line 4), skipped\n")
    assert doc_ids(out) == ["2", "3"]


# -- 3. unreadable folders ---------------------------------------------------------------

def _without_root_powers() -> list[str]:
    """A command prefix that runs without root's power to read any folder (CAP_DAC_*)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        unavailable("setpriv (util-linux) is needed to test unreadable folders as root")
    caps = "-dac_override,-dac_read_search"
    return [str(setpriv), f"--inh-caps={caps}", f"--bounding-set={caps}"]


def _kg(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*_without_root_powers(), sys.executable, "-m", "kg",
                           *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_unreadable_folders_are_named(tmp_path: Path) -> None:
    news = tmp_path / "news"
    write_file(news / "good.txt", RUSSIA)
    write_file(news / "locked" / "lost.txt", TURKEY)
    locked = news / "locked"
    alone = tmp_path / "alone"
    write_file(alone / "x.txt", FRANCE)
    locked.chmod(0)
    alone.chmod(0)
    try:
        result = _kg("build", news, "-o", tmp_path / "out", "--workers", "1")
        assert result.returncode == 0, result.stderr
        assert result.stderr == (f"kg: warning: {locked}: cannot be read (Permission denied), "
                                 "skipped\n")
        assert "1 warnings (inputs skipped or re-encoded)" in result.stdout
        strict = _kg("build", news, "-o", tmp_path / "strict", "--strict")
        assert strict.returncode == 1
        assert strict.stderr == f"kg: error: {locked}: cannot be read (Permission denied)\n"
        given = _kg("build", alone, news, "-o", tmp_path / "given", "--workers", "1")
        assert given.returncode == 0, given.stderr
        assert given.stderr.splitlines() == [
            f"kg: warning: {alone}: cannot be read (Permission denied), skipped",
            f"kg: warning: {locked}: cannot be read (Permission denied), skipped"]
        nothing = _kg("build", alone, "-o", tmp_path / "nothing")
        assert nothing.returncode == 1
        assert nothing.stderr.splitlines()[-1] == \
            f"kg: error: {alone}: no readable articles found"
    finally:
        locked.chmod(0o755)
        alone.chmod(0o755)


# -- 5. kg's own outputs -----------------------------------------------------------------

def test_a_build_never_reads_its_own_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    write_file(tmp_path / "a.txt", RUSSIA)
    write_file(tmp_path / "b.txt", TURKEY)
    monkeypatch.chdir(tmp_path)
    for _ in range(2):  # the second run finds kg-out/ with events, documents, the map
        result = CliRunner().invoke(main, ["build", ".", "--workers", "1"])
        assert result.exit_code == 0, result.output
        assert result.stderr == ""
        assert doc_ids(Path("kg-out")) == ["a", "b"]
    # A folder used as --out elsewhere, with kg's files in it and nothing else.
    other = CliRunner().invoke(main, ["build", "a.txt", "-o", "maps/first", "--workers", "1"])
    assert other.exit_code == 0
    assert build(".", "-o", "kg-out").stderr == ""
    assert doc_ids(Path("kg-out")) == ["a", "b"]


def test_articles_kept_in_an_output_folder_are_not_passed_over_in_silence(
        tmp_path: Path) -> None:
    news = tmp_path / "news"
    write_file(news / "a.txt", RUSSIA)
    write_file(news / "b.txt", TURKEY)
    # Outputs written next to the articles: the folder is read, kg's files in it are not.
    for _ in range(2):
        result = build(news, "-o", news)
        assert result.exit_code == 0 and result.stderr == "", result.output
        assert doc_ids(news) == ["a", "b"]
    # Inside a folder given, that output folder is skipped, and said to hold other files.
    write_file(tmp_path / "c.txt", FRANCE)
    result = build(tmp_path, "-o", tmp_path / "out")
    assert result.stderr == (f"kg: warning: {news}: a kg output folder (2 other files in it "
                             "not read), skipped\n")
    assert doc_ids(tmp_path / "out") == ["c"]
    only = build(tmp_path / "out", "-o", tmp_path / "again")
    assert only.exit_code == 1
    assert only.stderr == (f"kg: error: {tmp_path / 'out'}: no .txt, .md, .html, .csv or "
                           ".jsonl files in this folder besides kg's outputs\n")


# -- 9. smaller ones ---------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    text = f"{RUSSIA} Talks went on in Genève.\n"
    article = write_file(tmp_path / "in" / "a.txt", text.encode(encoding))
    table = write_file(tmp_path / "in" / "b.csv",
                       f"id,text\nt1,{TURKEY}\n".encode(encoding))
    out = tmp_path / "out"
    result = build(tmp_path / "in", "-o", out)
    assert result.exit_code == 0, result.output
    order = "little" if encoding.endswith("le") else "big"
    assert result.stderr.splitlines() == [
        f"kg: warning: {path}: no byte-order mark, read as UTF-16 ({order}-endian)"
        for path in (article, table)]
    assert doc_ids(out) == ["a", "t1"]
    (event, _) = records(out, "events.jsonl")
    assert event["sentence"] == RUSSIA
    assert text[event["sentence_start"]:event["sentence_end"]] == RUSSIA  # type: ignore[misc]


def test_a_csv_file_with_a_header_only_is_named(tmp_path: Path) -> None:
    write_file(tmp_path / "in" / "a.txt", RUSSIA)
    empty = write_file(tmp_path / "in" / "b.csv", "id,text,date\r\n")
    blank = write_file(tmp_path / "in" / "c.csv", "id,text\n\n\n")
    result = build(tmp_path / "in", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"kg: warning: {empty}: a CSV header without rows, skipped",
        f"kg: warning: {blank}: a CSV header without rows, skipped"]
    strict = build(empty, "--strict", "-o", tmp_path / "strict")
    assert strict.stderr == f"kg: error: {empty}: a CSV header without rows\n"


def test_file_names_cannot_forge_lines_or_send_escapes(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_file(inputs / "good.txt", RUSSIA)
    forged = write_file(inputs / "x.txt\nkg: error: everything is lost.txt", b"")
    painted = write_file(inputs / "\x1b[2J\x1b[31mred.txt", b"%PDF-1.4")
    result = build(inputs, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"kg: warning: {str(painted)!r}: binary file, skipped",
        f"kg: warning: {str(forged)!r}: empty file, skipped"]
    assert "\x1b" not in result.stderr


def test_messages_stay_one_line() -> None:
    assert shown("news/a.txt") == "news/a.txt"
    assert shown("news/it's here.txt") == "news/it's here.txt"
    assert shown("a\nkg: error: b") == "'a\\nkg: error: b'"
    assert shown(" padded ") == "' padded '"
    assert shown("\u202etxt.exe") == "'\\u202etxt.exe'"
    # Whatever reaches the CLI unquoted (a driver's message, a mention in an article).
    assert one_line("Mosc\x1b[2Jow\r\nkg: error: x\u2028y") == \
        "Mosc\\x1b[2Jow\\r\\nkg: error: x\\u2028y"
    assert one_line("Genève – Damascus") == "Genève – Damascus"
