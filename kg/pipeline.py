"""The stages wired together: read -> extract -> write outputs (-> Neo4j, -> HTML)."""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from kg import __version__
from kg.actors.gazetteer import Gazetteer
from kg.cache import ExtractionCache
from kg.datafiles import builtin_path
from kg.errors import InputError
from kg.evaluate import Report, evaluate
from kg.export.page import ASSETS
from kg.extract.base import Extractor
from kg.extract.spec import ExtractorSpec
from kg.graph import build_graph, write_graphml
from kg.lexicon import Lexicon
from kg.lock import output_lock
from kg.model import Document, DocumentResult
from kg.output import (
    ACTORS,
    DOCUMENTS,
    EVENTS,
    GRAPH_STAMP,
    GRAPHML,
    HTML,
    ExtractionWriter,
    atomic_writer,
    read_document_index,
    read_events,
)
from kg.readers import Fields, read_documents
from kg.runner import Runner
from kg.screen import screen
from kg.store.connection import Connection, LoadStats

if TYPE_CHECKING:
    from kg.store.neo4j import Neo4jStore

# Below this many documents a progress bar is noise.
PROGRESS_AFTER_SECONDS = 2.0


@dataclass(frozen=True)
class ExtractOptions:
    """How to read the inputs, which extractor to run (``spec``) and where to run it."""

    spec: ExtractorSpec = ExtractorSpec()
    fields: Fields = Fields()
    strict: bool = False
    progress: bool = True
    english_only: bool = True
    workers: int = 1
    cache: bool = True
    # Where extraction runs: "local" (this machine, ``workers`` processes) or "dask"
    # (the Dask scheduler at ``scheduler``, or a local Dask cluster of ``workers``).
    executor: str = "local"
    scheduler: str | None = None


@dataclass
class Summary:
    """What a run did, for the one-screen report at the end."""

    out: Path
    documents: int = 0
    sentences: int = 0
    events: int = 0
    actors: int = 0
    unresolved: Counter[str] = field(default_factory=Counter)
    warnings: int = 0
    cached: int = 0
    seconds: float = 0.0


def extract_documents(documents: Iterable[Document], options: ExtractOptions,
                      extractor: Extractor | None = None,
                      cache: ExtractionCache | None = None) -> Iterator[DocumentResult]:
    """Run the extractor over documents (cached results first, the rest on
    ``options.workers`` processes or ``options.executor``), with a progress bar on long
    interactive runs."""
    runner = Runner(options.spec, workers=options.workers, executor=options.executor,
                    scheduler=options.scheduler, cache=cache, extractor=extractor)
    results: Iterable[DocumentResult] = runner.run(documents)
    if options.progress:
        results = tqdm(results, unit="doc", desc="extracting", delay=PROGRESS_AFTER_SECONDS,
                       disable=None, leave=False)
    yield from results


def extract(paths: Sequence[str | Path], out: Path, options: ExtractOptions,
            warn: Callable[[str], None], *, graph: bool = False) -> Summary:
    """Read articles under ``paths`` and write events, documents and unresolved mentions;
    with ``graph``, the graph outputs too, before another run may write the folder."""
    started = time.perf_counter()
    summary = Summary(out=out)

    def counted_warn(message: str) -> None:
        summary.warnings += 1
        warn(message)

    documents = screen(read_documents(paths, options.fields, warn=counted_warn,
                                      strict=options.strict),
                       counted_warn, english_only=options.english_only)
    # Read before the lock is taken: a missing input fails without creating ``out``.
    with output_lock(out, warn):
        with ExtractionWriter(out) as writer, _cache(out, options, warn) as cache:
            for result in extract_documents(documents, options, cache=cache):
                writer.add(result)
            summary.cached = cache.hits if cache else 0
            if writer.documents == 0:
                raise InputError(f"{', '.join(str(p) for p in paths)}: "
                                 "no readable articles found")
            writer.write_jsonl(out / ACTORS, writer.actors.records())
        if graph:
            write_graph_outputs(out, reuse=options.cache)
    summary.documents, summary.sentences, summary.events = \
        writer.documents, writer.sentences, writer.events
    summary.actors = len(writer.actors.actors)
    summary.unresolved = writer.unresolved
    summary.seconds = time.perf_counter() - started
    return summary


@contextmanager
def _cache(out: Path, options: ExtractOptions,
           warn: Callable[[str], None]) -> Iterator[ExtractionCache | None]:
    if not options.cache:
        yield None
        return
    with ExtractionCache(out, options.spec.fingerprint(), warn) as cache:
        yield cache


def write_graph_outputs(out: Path, html: bool = True, reuse: bool = False) -> None:
    """graph.graphml and graph.html from the events already in ``out``.

    With ``reuse``, outputs drawn earlier from byte-identical events and documents by the
    same kg are kept: redrawing the map is most of what a rebuild served by the cache
    would otherwise spend.
    """
    # A folder that is not there has no events either: reading them will say so.
    with output_lock(out) if out.is_dir() else nullcontext():
        _write_graph_outputs(out, html, reuse)


def _write_graph_outputs(out: Path, html: bool, reuse: bool) -> None:
    drawn = [out / GRAPHML, *([out / HTML] if html else [])]
    stamp = _graph_stamp(out, drawn) if reuse else None
    if stamp is not None and _read_stamp(out) == _stamp_record(stamp, drawn):
        return
    documents = read_document_index(out / DOCUMENTS)
    graph = build_graph(read_events(out), documents)
    write_graphml(graph, out / GRAPHML)
    if html:
        # Imported here: pyvis is slow to import (it imports IPython).
        from kg.export.html import render_html

        render_html(graph, out / HTML, title=f"kg: {out.resolve().name}",
                    documents=documents)
    if stamp is not None:
        with atomic_writer(out / GRAPH_STAMP) as handle:
            json.dump(_stamp_record(stamp, drawn), handle)


def _graph_stamp(out: Path, drawn: list[Path]) -> str:
    """What the graph outputs are drawn from: events, documents, kg and its map assets."""
    digest = hashlib.sha1(f"{__version__}|{out.resolve().name}|{len(drawn)}".encode())
    for path in (out / EVENTS, out / DOCUMENTS):
        digest.update(path.read_bytes() if path.exists() else b"-")
    for asset in ASSETS:
        digest.update(builtin_path(Path(asset).name).read_bytes())
    return digest.hexdigest()


def _stamp_record(stamp: str, drawn: list[Path]) -> dict[str, object]:
    """The stamp with the size and time of each output, so that an output removed or
    edited since is drawn again."""
    files: dict[str, list[int] | None] = {}
    for path in drawn:
        try:
            status = path.stat()
            files[path.name] = [status.st_size, status.st_mtime_ns]
        except OSError:
            files[path.name] = None
    return {"inputs": stamp, "outputs": files}


def _read_stamp(out: Path) -> object:
    try:
        return json.loads((out / GRAPH_STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def build(paths: Sequence[str | Path], out: Path, options: ExtractOptions,
          warn: Callable[[str], None]) -> Summary:
    """The main job: extract, then write the graph outputs."""
    started = time.perf_counter()
    summary = extract(paths, out, options, warn, graph=True)
    summary.seconds = time.perf_counter() - started
    return summary


def load_folder(folder: Path, connection: Connection, batch_size: int) -> LoadStats:
    """Load an output folder into Neo4j."""
    with _store().connect(connection, batch_size) as store:
        return store.load_folder(folder)


def init_database(connection: Connection, relations: Sequence[Path] = ()) -> int:
    """Create the schema for every relation label the lexicon knows; returns their number."""
    labels = Lexicon.load(relations).labels
    with _store().connect(connection) as store:
        store.init_schema(labels)
    return len(labels)


def evaluate_gold(gold: Path, options: ExtractOptions) -> Report:
    """Score the extractor on a gold JSONL file (``kg eval``)."""
    gazetteer = Gazetteer.load(options.spec.actors)
    extractor = options.spec.make(gazetteer)
    return evaluate(gold, lambda documents: extract_documents(documents, options, extractor),
                    gazetteer)


def _store() -> type[Neo4jStore]:
    # The Neo4j driver takes a fifth of a second to import; only loads need it.
    from kg.store.neo4j import Neo4jStore

    return Neo4jStore
