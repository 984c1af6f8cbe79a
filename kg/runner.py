"""Running the extractor over many documents: cached results first, the rest in this
process, in local worker processes or on a Dask cluster, always yielded in input order.

``Runner`` is the one place that decides where work runs; an ``Executor`` only knows how
to get chunks of documents extracted somewhere and hand the results back in order.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from multiprocessing.pool import Pool
from typing import TYPE_CHECKING, Protocol

from kg.cache import ExtractionCache
from kg.errors import KgError
from kg.model import Document, DocumentResult

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

    from kg.extract.base import Extractor
    from kg.pipeline import ExtractOptions

# Documents per task sent to a worker: large enough to amortise pickling, small enough
# to keep both cores busy to the end of a window.
CHUNK = 8
# Fewer uncached documents than this are not worth starting local workers for.
MIN_PARALLEL = 24
# Chunks queued per Dask worker process: enough that a worker never waits for the
# client between tasks, few enough that results held for in-order delivery stay small.
IN_FLIGHT_PER_WORKER = 2
EXECUTORS = ("local", "dask")
DASK_MISSING = "--executor dask needs the 'distributed' package: pip install 'kg[dask]'"

_worker_extractor: Extractor | None = None
_parent_pid: int | None = None
_worker_key: tuple[object, ...] | None = None
# Dask workers may run several task threads in one process; they share one extractor
# (one model in memory) and take turns, since a spaCy pipeline is not thread-safe.
_worker_lock = threading.Lock()


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _start_worker(options: ExtractOptions) -> None:
    from kg.pipeline import make_extractor

    global _worker_extractor, _worker_key
    _worker_extractor = make_extractor(options)
    _worker_key = _extractor_key(options)


def _extractor_key(options: ExtractOptions) -> tuple[object, ...]:
    """What make_extractor reads: runs that differ only in, say, --workers share a model."""
    return (options.extractor, options.model, tuple(options.relations),
            tuple(options.actors), options.batch_size)


def _start_pool_worker(options: ExtractOptions, parent: int) -> None:
    # Ctrl-C is the parent's to handle: it stops the pool and reports one line.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _parent_pid
    _parent_pid = parent
    _start_worker(options)


def _extract_chunk(documents: list[Document]) -> list[DocumentResult]:
    if _parent_pid is not None and os.getppid() != _parent_pid:
        # The parent was killed outright (OOM killer, SIGKILL): nobody wants the result.
        os._exit(0)
    assert _worker_extractor is not None
    return list(_worker_extractor.extract(documents))


def _extract_chunk_with(options: ExtractOptions,
                        documents: list[Document]) -> list[DocumentResult]:
    """A Dask task: the model loads on a worker's first task and stays for the next ones
    (and for later runs with the same options on a long-lived cluster)."""
    with _worker_lock:
        if _worker_extractor is None or _worker_key != _extractor_key(options):
            _start_worker(options)
        return _extract_chunk(documents)


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class Executor(Protocol):
    """Somewhere other than this process that extracts chunks of documents."""

    @property
    def parallelism(self) -> int:
        """How many chunks it works on at once."""
        ...

    def map(self, chunks: Iterator[list[Document]]) -> Iterator[list[DocumentResult]]:
        """The results of each chunk, in the order of ``chunks``."""
        ...

    def close(self) -> None: ...


class LocalPool:
    """``workers`` spawned processes on this machine, each loading the model once."""

    def __init__(self, options: ExtractOptions, workers: int) -> None:
        # spawn, not fork: the parent may hold threads (progress bar, drivers).
        context = multiprocessing.get_context("spawn")
        self._pool: Pool = context.Pool(workers, initializer=_start_pool_worker,
                                        initargs=(options, os.getpid()))
        self.parallelism = workers

    def map(self, chunks: Iterator[list[Document]]) -> Iterator[list[DocumentResult]]:
        return self._pool.imap(_extract_chunk, chunks)

    def close(self) -> None:
        self._pool.terminate()


class DaskExecutor:
    """A Dask distributed cluster: the one at ``scheduler``, or a local one of
    ``workers`` single-threaded processes that lives as long as this executor."""

    def __init__(self, options: ExtractOptions, workers: int,
                 scheduler: str | None = None) -> None:
        try:
            import distributed
        except ImportError:
            raise KgError(DASK_MISSING) from None
        self.options = options
        self._cluster: LocalCluster | None = None
        if scheduler is None:
            # No dashboard: nobody looks at it for a local run, and binding :8787 warns
            # when a second run or another tool already holds the port.
            self._cluster = distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                dashboard_address=None, worker_dashboard_address=None)  # type: ignore[no-untyped-call]
            self._client: Client = distributed.Client(self._cluster)  # type: ignore[no-untyped-call]
        else:
            try:
                self._client = distributed.Client(scheduler)  # type: ignore[no-untyped-call]
            except (OSError, TimeoutError) as error:
                raise KgError(f"{scheduler}: cannot reach the Dask scheduler "
                              f"({_one_line(error)})") from None
        # Processes, not threads, set the pace: a worker's threads share one model.
        # nthreads(), not scheduler_info(): some releases list only the first 5 workers.
        workers_now: dict[str, int] = self._client.nthreads()  # type: ignore[no-untyped-call]
        self.parallelism = max(1, len(workers_now))

    def map(self, chunks: Iterator[list[Document]]) -> Iterator[list[DocumentResult]]:
        pending: deque[tuple[Future[list[DocumentResult]], list[Document]]] = deque()
        limit = self.parallelism * IN_FLIGHT_PER_WORKER
        for chunk in chunks:
            # pure=False: hashing every document for a task key buys nothing here.
            pending.append((self._client.submit(_extract_chunk_with, self.options, chunk,
                                                pure=False), chunk))
            if len(pending) >= limit:
                yield _dask_result(*pending.popleft())
        while pending:
            yield _dask_result(*pending.popleft())

    def close(self) -> None:
        self._client.close()  # type: ignore[no-untyped-call]
        if self._cluster is not None:
            self._cluster.close()


def _dask_result(future: Future[list[DocumentResult]],
                 chunk: list[Document]) -> list[DocumentResult]:
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker:
        raise KgError(f"Dask workers died extracting documents {chunk[0].id} to "
                      f"{chunk[-1].id} (out of memory?); see the worker logs") from None


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


@dataclass
class Runner:
    """Extraction over a stream of documents with a cache and ``workers`` processes,
    local or (``options.executor == "dask"``) on a Dask cluster."""

    options: ExtractOptions
    workers: int = 1
    cache: ExtractionCache | None = None
    extractor: Extractor | None = None
    _executor: Executor | None = None

    def run(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        if self.options.executor not in EXECUTORS:
            raise ValueError(f"unknown executor {self.options.executor!r}")
        iterator = iter(documents)
        try:
            # The window follows the executor once it runs: a cluster may have more
            # workers than --workers says.
            while batch := list(islice(iterator, self._window_size())):
                yield from self._window(batch)
        finally:
            if self._executor is not None:
                self._executor.close()
                self._executor = None

    def _window_size(self) -> int:
        parallelism = self._executor.parallelism if self._executor else self.workers
        return max(256, parallelism * CHUNK * 16)

    def _window(self, batch: list[Document]) -> Iterator[DocumentResult]:
        found = [self.cache.get(document) if self.cache else None for document in batch]
        missing = [document for document, result in zip(batch, found, strict=True)
                   if result is None]
        fresh = self._extract(missing)
        for result in found:
            if result is None:
                result = next(fresh)
                if self.cache is not None:
                    self.cache.put(result)
            yield result

    def _extract(self, documents: list[Document]) -> Iterator[DocumentResult]:
        if not documents:
            return iter(())
        if self._runs_elsewhere(len(documents)):
            executor = self._started_executor()
            return (result for chunk in executor.map(_chunks(documents, CHUNK))
                    for result in chunk)
        if self.extractor is None:
            from kg.pipeline import make_extractor

            self.extractor = make_extractor(self.options)
        return iter(self.extractor.extract(documents))

    def _runs_elsewhere(self, count: int) -> bool:
        # A Dask run always sends the work out, however small: the user asked for the
        # cluster, and a remote one was sized for the model, not this machine.
        if self.options.executor == "dask":
            return True
        return self.workers > 1 and (self._executor is not None or count >= MIN_PARALLEL)

    def _started_executor(self) -> Executor:
        if self._executor is None:
            if self.options.executor == "dask":
                self._executor = DaskExecutor(self.options, self.workers,
                                              self.options.scheduler)
            else:
                self._executor = LocalPool(self.options, self.workers)
        return self._executor
