"""Running the extractor over many documents: cached results first, the rest in this
process, in local worker processes or on a Dask cluster, always yielded in input order.

``Runner`` is the one place that decides where work runs; an ``Executor`` only knows how
to send a chunk of documents somewhere and hand back a handle to its results.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from multiprocessing.pool import AsyncResult, Pool
from typing import TYPE_CHECKING, Protocol

from kg.cache import ExtractionCache
from kg.errors import KgError
from kg.extract.spec import ExtractorSpec
from kg.model import Document, DocumentResult
from kg.workerexit import exit_with_parent, quiet_dask_processes, quiet_resource_tracker

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

    from kg.extract.base import Extractor

# Documents per task sent to a worker: large enough to amortise pickling, small enough
# to spread the work evenly over the workers.
CHUNK = 8
# Fewer uncached documents than this are not worth starting local workers for.
MIN_PARALLEL = 24
# Chunks queued per worker process: enough that a worker never waits for the parent
# between tasks, few enough that results held for in-order delivery stay small.
IN_FLIGHT_PER_WORKER = 3
# Documents looked up in the cache before deciding whether workers are worth starting.
WINDOW = 256
EXECUTORS = ("local", "dask")
DASK_MISSING = "--executor dask needs the 'distributed' package: pip install 'kg[dask]'"

_worker_extractor: Extractor | None = None
_parent_pid: int | None = None
_worker_spec: ExtractorSpec | None = None
# Dask workers may run several task threads in one process; they share one extractor
# (one model in memory) and take turns, since a spaCy pipeline is not thread-safe.
_worker_lock = threading.Lock()


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _start_worker(spec: ExtractorSpec) -> None:
    global _worker_extractor, _worker_spec
    _worker_extractor = spec.make()
    _worker_spec = spec


def _start_pool_worker(spec: ExtractorSpec, parent: int) -> None:
    # Ctrl-C is the parent's to handle: it stops the pool and reports one line.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent(parent)
    global _parent_pid
    _parent_pid = parent
    _start_worker(spec)


def _extract_chunk(documents: list[Document]) -> list[DocumentResult]:
    if _parent_pid is not None and os.getppid() != _parent_pid:
        # The parent was killed outright (OOM killer, SIGKILL): nobody wants the result.
        os._exit(0)
    assert _worker_extractor is not None
    return list(_worker_extractor.extract(documents))


def _extract_chunk_with(spec: ExtractorSpec,
                        documents: list[Document]) -> list[DocumentResult]:
    """A Dask task: the model loads on a worker's first task and stays for the next ones
    (and for later runs with the same spec on a long-lived cluster; runs that differ
    only in, say, --workers share a model)."""
    with _worker_lock:
        if _worker_extractor is None or _worker_spec != spec:
            _start_worker(spec)
        return _extract_chunk(documents)


class Pending(Protocol):
    """A chunk of documents being extracted elsewhere."""

    def result(self) -> list[DocumentResult]:
        """Its results, in the chunk's order, waiting for them if need be."""
        ...


class Executor(Protocol):
    """Somewhere other than this process that extracts chunks of documents."""

    @property
    def parallelism(self) -> int:
        """How many chunks it works on at once."""
        ...

    def submit(self, chunk: list[Document]) -> Pending: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class _PoolTask:
    handle: AsyncResult[list[DocumentResult]]

    def result(self) -> list[DocumentResult]:
        return self.handle.get()


class LocalPool:
    """``workers`` spawned processes on this machine, each loading the model once."""

    def __init__(self, spec: ExtractorSpec, workers: int) -> None:
        # spawn, not fork: the parent may hold threads (progress bar, drivers).
        context = multiprocessing.get_context("spawn")
        quiet_resource_tracker()
        self._pool: Pool = context.Pool(workers, initializer=_start_pool_worker,
                                        initargs=(spec, os.getpid()))
        self.parallelism = workers

    def submit(self, chunk: list[Document]) -> Pending:
        return _PoolTask(self._pool.apply_async(_extract_chunk, (chunk,)))

    def close(self) -> None:
        self._pool.terminate()


@dataclass(frozen=True)
class _DaskTask:
    future: Future[list[DocumentResult]]
    chunk: list[Document]

    def result(self) -> list[DocumentResult]:
        from distributed import KilledWorker

        try:
            return self.future.result()
        except KilledWorker:
            raise KgError(f"Dask workers died extracting documents {self.chunk[0].id} to "
                          f"{self.chunk[-1].id} (out of memory?); see the worker logs") from None


class DaskExecutor:
    """A Dask distributed cluster: the one at ``scheduler``, or a local one of
    ``workers`` single-threaded processes that lives as long as this executor."""

    def __init__(self, spec: ExtractorSpec, workers: int,
                 scheduler: str | None = None) -> None:
        try:
            import distributed
        except ImportError:
            raise KgError(DASK_MISSING) from None
        self.spec = spec
        self._cluster: LocalCluster | None = None
        if scheduler is None:
            quiet_resource_tracker()
            # No dashboard: nobody looks at it for a local run, and binding :8787 warns
            # when a second run or another tool already holds the port.
            with quiet_dask_processes():
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

    def submit(self, chunk: list[Document]) -> Pending:
        # pure=False: hashing every document for a task key buys nothing here.
        return _DaskTask(self._client.submit(_extract_chunk_with, self.spec, chunk,
                                             pure=False), chunk)

    def close(self) -> None:
        self._client.close()  # type: ignore[no-untyped-call]
        if self._cluster is not None:
            self._cluster.close()


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


Entry = tuple[Document, "DocumentResult | None"]  # a document and its cached result


@dataclass
class Runner:
    """Extraction over a stream of documents with a cache and ``workers`` processes,
    local or (``executor == "dask"``) on a Dask cluster, the one at ``scheduler`` or a
    local one; results come out in the order the documents went in."""

    spec: ExtractorSpec
    workers: int = 1
    executor: str = "local"
    scheduler: str | None = None
    cache: ExtractionCache | None = None
    extractor: Extractor | None = None
    _executor: Executor | None = None

    def run(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        if self.executor not in EXECUTORS:
            raise ValueError(f"unknown executor {self.executor!r}")
        iterator = iter(documents)
        try:
            while batch := list(islice(iterator, WINDOW)):
                entries = [(document, self._cached(document)) for document in batch]
                missing = [document for document, found in entries if found is None]
                if self._runs_elsewhere(len(missing)):
                    rest = ((document, self._cached(document)) for document in iterator)
                    yield from self._stream(chain(entries, rest))
                    return
                yield from self._here(entries, missing)
        finally:
            if self._executor is not None:
                self._executor.close()
                self._executor = None

    def _cached(self, document: Document) -> DocumentResult | None:
        return self.cache.get(document) if self.cache is not None else None

    def _fresh(self, result: DocumentResult) -> DocumentResult:
        if self.cache is not None:
            self.cache.put(result)
        return result

    def _here(self, entries: list[Entry], missing: list[Document]) -> Iterator[DocumentResult]:
        """One window extracted in this process."""
        fresh: Iterator[DocumentResult] = iter(())
        if missing:
            if self.extractor is None:
                self.extractor = self.spec.make()
            fresh = iter(self.extractor.extract(missing))
        for _, found in entries:
            yield found if found is not None else self._fresh(next(fresh))

    def _stream(self, entries: Iterator[Entry]) -> Iterator[DocumentResult]:
        """Everything from here on through the executor, a few chunks ahead of the one
        awaited, so that no worker waits for the slowest chunk of a batch (a
        window-at-a-time loop left one core idle at the end of every window)."""
        executor = self._started_executor()
        limit = executor.parallelism * IN_FLIGHT_PER_WORKER
        queued: deque[tuple[list[Entry], Pending | None]] = deque()
        in_flight = 0
        group: list[Entry] = []
        missing: list[Document] = []
        for entry in entries:
            group.append(entry)
            if entry[1] is None:
                missing.append(entry[0])
            if len(missing) < CHUNK and len(group) < WINDOW:
                continue
            queued.append((group, executor.submit(missing) if missing else None))
            in_flight += bool(missing)
            group, missing = [], []
            # Cached groups count too, so that a long cached stretch is not all held.
            while in_flight >= limit or len(queued) > limit * 4:
                done, task = queued.popleft()
                in_flight -= task is not None
                yield from self._merged(done, task)
        if group:
            queued.append((group, executor.submit(missing) if missing else None))
        while queued:
            yield from self._merged(*queued.popleft())

    def _merged(self, group: list[Entry], task: Pending | None) -> Iterator[DocumentResult]:
        fresh = iter(task.result() if task is not None else ())
        for _, found in group:
            yield found if found is not None else self._fresh(next(fresh))

    def _runs_elsewhere(self, count: int) -> bool:
        # A Dask run always sends the work out, however small: the user asked for the
        # cluster, and a remote one was sized for the model, not this machine.
        if self.executor == "dask":
            return count > 0
        return self.workers > 1 and count >= MIN_PARALLEL

    def _started_executor(self) -> Executor:
        if self._executor is None:
            if self.executor == "dask":
                self._executor = DaskExecutor(self.spec, self.workers, self.scheduler)
            else:
                self._executor = LocalPool(self.spec, self.workers)
        return self._executor
