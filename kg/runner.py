"""Running the extractor over many documents: cached results first, the rest in this
process or in worker processes, always yielded in input order."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from multiprocessing.pool import Pool
from typing import TYPE_CHECKING

from kg.cache import ExtractionCache
from kg.model import Document, DocumentResult

if TYPE_CHECKING:
    from kg.extract.base import Extractor
    from kg.pipeline import ExtractOptions

# Documents per task sent to a worker: large enough to amortise pickling, small enough
# to keep both cores busy to the end of a window.
CHUNK = 8
# Fewer uncached documents than this are not worth starting workers for.
MIN_PARALLEL = 24

_worker_extractor: Extractor | None = None


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _start_worker(options: ExtractOptions) -> None:
    from kg.pipeline import make_extractor

    global _worker_extractor
    _worker_extractor = make_extractor(options)


def _extract_chunk(documents: list[Document]) -> list[DocumentResult]:
    assert _worker_extractor is not None
    return list(_worker_extractor.extract(documents))


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


@dataclass
class Runner:
    """Extraction over a stream of documents with a cache and ``workers`` processes."""

    options: ExtractOptions
    workers: int = 1
    cache: ExtractionCache | None = None
    extractor: Extractor | None = None
    _pool: Pool | None = None

    def run(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        window = max(64, self.workers * CHUNK * 4)
        try:
            for batch in _chunks(documents, window):
                yield from self._window(batch)
        finally:
            if self._pool is not None:
                self._pool.terminate()
                self._pool = None

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
        if self.workers > 1 and (self._pool is not None or len(documents) >= MIN_PARALLEL):
            pool = self._worker_pool()
            return (result for chunk in pool.imap(_extract_chunk, _chunks(documents, CHUNK))
                    for result in chunk)
        if self.extractor is None:
            from kg.pipeline import make_extractor

            self.extractor = make_extractor(self.options)
        return iter(self.extractor.extract(documents))

    def _worker_pool(self) -> Pool:
        if self._pool is None:
            # spawn, not fork: the parent may hold threads (progress bar, drivers).
            context = multiprocessing.get_context("spawn")
            self._pool = context.Pool(self.workers, initializer=_start_worker,
                                      initargs=(self.options,))
        return self._pool
