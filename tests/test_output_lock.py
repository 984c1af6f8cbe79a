"""Two runs into one output folder (project issue #14): the second waits for the first,
and the folder ends with the complete outputs of one run, never a mix of both."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import write_corpus
from test_faults import kg_process, run_kg, visible, wait_until_writing

from kg.extract.depverb import DepVerbExtractor
from kg.lock import LOCK_FILE, is_output_folder, output_lock


@pytest.fixture(autouse=True)
def _model(extractor: DepVerbExtractor) -> None:
    """Every build here parses; without the model they skip locally and fail in CI."""


def test_a_second_build_waits_for_the_first(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "first", 600)
    second = write_corpus(tmp_path / "second", 40, start=600)
    clean = tmp_path / "clean" / "out"  # the same folder name: the map's title carries it
    assert run_kg("build", second, "-o", clean, "--workers", "1").returncode == 0
    out = tmp_path / "out"
    one = kg_process("build", first, "-o", out, "--workers", "1")
    wait_until_writing(one, out)
    two = kg_process("build", second, "-o", out, "--workers", "1")
    _, waited = two.communicate(timeout=600)
    _, stderr = one.communicate(timeout=600)
    assert one.returncode == 0, stderr
    assert two.returncode == 0, waited
    # The first run is still writing when the second asks: it says so, once.
    assert waited == (f"kg: warning: {out}: another kg run (pid {one.pid}) is using this "
                      "folder; waiting for it to finish\n")
    # The second run, which finished last, leaves its own complete outputs.
    assert visible(out) == visible(clean)


def test_the_lock_goes_with_a_killed_run_and_marks_the_folder(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "news", 600)
    out = tmp_path / "out"
    killed = kg_process("build", corpus, "-o", out, "--workers", "1")
    wait_until_writing(killed, out)
    killed.kill()
    killed.communicate(timeout=60)
    started = time.monotonic()
    with output_lock(out, lambda message: pytest.fail(f"waited: {message}")):
        assert time.monotonic() - started < 5
    assert (out / LOCK_FILE).exists() and is_output_folder(out)
    assert not is_output_folder(corpus)


def test_nested_holders_in_one_process(tmp_path: Path) -> None:
    with output_lock(tmp_path / "out"), output_lock(tmp_path / "out"), \
            output_lock(tmp_path / "out", shared=True):
        pass
    # A reader of a folder it may not write to reads it unguarded, with no error.
    missing = tmp_path / "nowhere"
    with output_lock(missing, shared=True):
        assert not missing.exists()


def test_a_failed_export_leaves_no_lock_file_in_a_folder_of_articles(tmp_path: Path) -> None:
    articles = write_corpus(tmp_path / "articles", 2)
    result = run_kg("export", "html", articles)
    assert result.returncode != 0
    assert not (articles / LOCK_FILE).exists() and not is_output_folder(articles)
