"""The extraction cache when it is broken or grows (project issue #14): a cache file that
is not kg's, or holds results that cannot be read, is rebuilt with a warning; after a
complete run it keeps only what that run used."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import build, news_text

from kg.cache import CACHE_FILE
from kg.extract.depverb import DepVerbExtractor


@pytest.fixture(autouse=True)
def _model(extractor: DepVerbExtractor) -> None:
    """Every build here parses; without the model they skip locally and fail in CI."""


def _corpus(folder: Path, count: int, start: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(start, start + count):
        (folder / f"doc-{number:03d}.txt").write_text(news_text(number), encoding="utf-8")
    return folder


def outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in
            ("events.jsonl", "documents.jsonl", "unresolved.jsonl", "actors.jsonl")}


def rows(out: Path) -> int:
    with sqlite3.connect(out / CACHE_FILE) as connection:
        return int(connection.execute("SELECT count(*) FROM results").fetchone()[0])


def _garbage(path: Path) -> str:
    path.write_bytes(b"this is no database\n" * 100)
    return "file is not a database"


def _other_schema(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE results")
        connection.execute("CREATE TABLE results (key TEXT, value BLOB)")
    return "its results table has the columns key, value"


def _damaged_pages(path: Path) -> str:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    assert len(data) > 3 * page  # the first page (the schema) stays readable
    data[page:] = b"\xff" * (len(data) - page)
    path.write_bytes(bytes(data))
    return "database disk image is malformed"


@pytest.mark.parametrize("damage", [_garbage, _other_schema, _damaged_pages])
def test_a_cache_that_is_not_kg_s_is_rebuilt_with_a_warning(tmp_path: Path,
                                                              damage: object) -> None:
    corpus = _corpus(tmp_path / "in", 30)
    out = tmp_path / "out"
    assert build(corpus, "-o", out).exit_code == 0
    clean = outputs(out)
    assert callable(damage)
    reason = damage(out / CACHE_FILE)
    result = build(corpus, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"kg: warning: {out / CACHE_FILE}: not a usable kg extraction "
                             f"cache ({reason}); replaced by an empty one, so its documents "
                             "are extracted again\n")
    assert "from the cache" not in result.stdout
    assert outputs(out) == clean
    again = build(corpus, "-o", out)
    assert again.stderr == "" and "(30 documents from the cache)" in again.stdout


def test_cached_results_that_cannot_be_read_are_extracted_again(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in", 5)
    out = tmp_path / "out"
    assert build(corpus, "-o", out).exit_code == 0
    clean = outputs(out)
    with sqlite3.connect(out / CACHE_FILE) as connection:
        payloads = ['{"sentences": 1}', "not json", '{"sentences": "x", "events": 3}', "[]"]
        for payload, (key,) in zip(payloads, connection.execute(
                "SELECT document FROM results ORDER BY document").fetchall(), strict=False):
            connection.execute("UPDATE results SET payload = ? WHERE document = ?",
                               (payload, key))
    result = build(corpus, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"kg: warning: {out / CACHE_FILE}: cached results that cannot "
                             "be read; their documents are extracted again\n")
    assert "(1 documents from the cache)" in result.stdout
    assert outputs(out) == clean
    assert "(5 documents from the cache)" in build(corpus, "-o", out).stdout


def test_the_cache_keeps_only_what_the_last_complete_run_used(tmp_path: Path) -> None:
    big = _corpus(tmp_path / "big", 300)
    small = _corpus(tmp_path / "small", 3, start=1000)
    out = tmp_path / "out"
    assert build(big, "-o", out).exit_code == 0
    assert rows(out) == 300
    full = (out / CACHE_FILE).stat().st_size
    assert build(small, "-o", out).exit_code == 0
    assert rows(out) == 3
    assert (out / CACHE_FILE).stat().st_size < full / 4
    # A run that stops part-way prunes nothing: what it extracted is kept for the next,
    # and so is what the run before it used.
    (big / "zz-broken.txt").write_bytes(b"\x00\x01\x02")
    failed = build(big, "--strict", "-o", out)
    assert failed.exit_code == 1
    assert rows(out) > 3
    assert "(3 documents from the cache)" in build(small, "-o", out).stdout
