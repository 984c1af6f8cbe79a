"""Extraction on a Dask cluster gives the same events, in the same order, as one process;
the cluster is gone afterwards."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import news_text, unavailable

from kg.cli import main
from kg.errors import KgError
from kg.extract.depverb import DepVerbExtractor
from kg.extract.spec import ExtractorSpec
from kg.model import Document
from kg.runner import DASK_MISSING, Runner


@pytest.fixture
def dask_installed() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        unavailable("distributed is not installed (pip install 'kg[dask]')")


def _documents(count: int) -> list[Document]:
    return [Document(id=f"doc-{number:03d}", date="2016-05-0" + str(1 + number % 9),
                     text=news_text(number, 1 + number % 3))
            for number in range(count)]


def _events(runner: Runner, documents: list[Document]) -> list[dict[str, object]]:
    return [event.to_dict() for result in runner.run(documents) for event in result.events]


def _worker_processes() -> set[int]:
    import psutil  # a dependency of distributed

    # multiprocessing's resource tracker stays for the life of this process by design.
    return {child.pid for child in psutil.Process().children(recursive=True)
            if "resource_tracker" not in " ".join(child.cmdline())}


def test_a_local_dask_cluster_gives_the_events_of_one_process(
        extractor: DepVerbExtractor, dask_installed: None) -> None:
    documents = _documents(30)
    local = _events(Runner(ExtractorSpec(), workers=1, extractor=extractor), documents)
    before = _worker_processes()
    runner = Runner(ExtractorSpec(), workers=2, executor="dask")
    results = list(runner.run(documents))
    assert [result.document.id for result in results] == [doc.id for doc in documents]
    dask = [event.to_dict() for result in results for event in result.events]
    assert len(local) > len(documents) and dask == local
    # The cluster's worker processes go with the run.
    deadline = time.monotonic() + 10
    while _worker_processes() - before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _worker_processes() - before


def test_cli_dask_run_writes_the_same_events(tmp_path: Path, extractor: DepVerbExtractor,
                                            dask_installed: None) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for document in _documents(12):
        (corpus / f"{document.id}.txt").write_text(document.text, encoding="utf-8")
    runner = CliRunner()
    one = runner.invoke(main, ["extract", str(corpus), "-o", str(tmp_path / "one"),
                               "--workers", "1", "--no-cache"])
    dask = runner.invoke(main, ["extract", str(corpus), "-o", str(tmp_path / "dask"),
                                "--executor", "dask", "--workers", "1", "--no-cache"])
    assert one.exit_code == 0 and dask.exit_code == 0, one.stderr + dask.stderr
    assert dask.stderr == ""  # no dashboard port or shutdown noise

    def events(out: Path) -> list[object]:
        lines = (out / "events.jsonl").read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines]

    assert events(tmp_path / "one") and events(tmp_path / "one") == events(tmp_path / "dask")


def test_scheduler_needs_executor_dask(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--scheduler",
                                       "tcp://127.0.0.1:1"])
    assert result.exit_code == 2 and "--scheduler needs --executor dask" in result.stderr


def test_unreachable_scheduler_is_one_line(tmp_path: Path, extractor: DepVerbExtractor,
                                           dask_installed: None) -> None:
    import dask

    (tmp_path / "a.txt").write_text("Russia urged Syria to talk.", encoding="utf-8")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = CliRunner().invoke(main, ["extract", str(tmp_path), "-o",
                                           str(tmp_path / "o"), "--executor", "dask",
                                           "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: error: tcp://127.0.0.1:1: cannot reach the Dask "
                                    "scheduler (")
    assert result.stderr.count("\n") == 1


def test_missing_distributed_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes the import fail as if the package were not installed.
    monkeypatch.setitem(sys.modules, "distributed", None)
    runner = Runner(ExtractorSpec(), executor="dask")
    with pytest.raises(KgError) as error:
        list(runner.run([Document(id="a", text="Russia urged Syria to talk.")]))
    assert str(error.value) == DASK_MISSING
