"""kg's benchmarks, all from one command:

    python3 benchmarks/run.py                  # every benchmark, figures recorded in BENCHMARKS.md
    python3 benchmarks/run.py --only overhead --no-record

1. overhead     kg's extraction vs bare spaCy nlp.pipe (the model as spaCy loads it) on the
                same texts, same model and batch size, in one process and one run; the
                same taken in turn batch by batch (CPU seconds, steady under a changing
                load), with kg's parse alone beside them; the end-to-end `kg build`.
   startup      loading kg's data (lexicon, gazetteer, name patterns) in a fresh process.
2. parallel     `kg build --workers 2` vs `--workers 1`: throughput, same events, peak memory.
3. skip         how many sentences hold no actor candidate (could skip the parse).
4. incremental  a second `kg build` over the unchanged corpus, served by the cache.
5. neo4j        events/s into a real Neo4j: kg's idempotent MERGE load vs UNWIND CREATE.
6. html         map file size, render time and time to interactive for 500/2,000/10,000 edges.
7. scaling      corpus x1, x4, x16: time and memory of the stages after the parse.
8. long         one document of 50,000 to 3,000,000 characters: time and peak memory.

The corpus is ../shared/corpus/fakes.csv (FA-KES, 804 articles). Speed is never asserted in
tests; these figures are measured on a shared machine, so compare ratios taken in one run.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spacy.language import Language  # noqa: E402

from benchmarks.common import record  # noqa: E402
from kg.actors.gazetteer import Gazetteer  # noqa: E402
from kg.extract.base import Extractor  # noqa: E402
from kg.extract.depverb import DepVerbExtractor  # noqa: E402
from kg.extract.pieces import PIECE_CHARS  # noqa: E402
from kg.extract.spec import ExtractorSpec  # noqa: E402
from kg.graph import build_graph, write_graphml  # noqa: E402
from kg.lexicon import Lexicon  # noqa: E402
from kg.model import Document, DocumentResult, Event  # noqa: E402
from kg.nlp import load_model  # noqa: E402
from kg.output import ExtractionWriter, read_events  # noqa: E402
from kg.readers import read_documents  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "fakes.csv"
BATCH = 32
ROUNDS = 3  # Neo4j load rounds per batch size
Section = tuple[str, str, str]  # title, markdown body, notes


def _documents() -> list[Document]:
    if not CORPUS.exists():
        sys.exit(f"benchmarks/run.py: {CORPUS} is absent")
    return list(read_documents([CORPUS]))


def _words(documents: list[Document]) -> int:
    return sum(len(document.text.split()) for document in documents)


def _kg(*args: str) -> tuple[float, int]:
    """Run kg in a child process: wall seconds and the peak RSS (KiB) of it and its workers."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "code = subprocess.run(sys.argv[1:]).returncode; "
             "print(time.perf_counter() - t, "
             "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)")
    output = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "kg", *args],
                            capture_output=True, text=True, check=True).stdout.split()
    seconds, peak, code = float(output[-3]), int(output[-2]), int(output[-1])
    if code != 0:
        sys.exit(f"benchmarks/run.py: kg {' '.join(args)} exited {code}")
    return seconds, peak


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.1f}"


def overhead(work: Path) -> Section:
    documents = _documents()
    texts = [document.text for document in documents]
    words = _words(documents)
    nlp = load_model(quick=False)  # spaCy's own components, not kg's quicker ones
    extractor = ExtractorSpec(batch_size=BATCH).make()  # as kg builds it, judgement included
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH):
        pass
    bare = time.perf_counter() - started
    started = time.perf_counter()
    events = sum(len(result.events) for result in extractor.extract(documents))
    ours = time.perf_counter() - started
    bare_cpu, parse_cpu, ours_cpu = _interleaved(nlp, extractor, documents)
    build, peak = _kg("build", str(CORPUS), "-o", str(work / "one"), "--workers", "1",
                      "--no-cache")
    rows = [
        "| run | seconds | docs/s | words/s | ratio to bare |",
        "|---|---|---|---|---|",
        f"| bare `nlp.pipe` | {bare:.1f} | {_rate(len(texts), bare)} | {_rate(words, bare)} "
        "| 1.00 |",
        f"| kg extractor (parse + events) | {ours:.1f} | {_rate(len(texts), ours)} | "
        f"{_rate(words, ours)} | {ours / bare:.2f} |",
        f"| `kg build --workers 1 --no-cache` (read, extract, write, graph, map) | "
        f"{build:.1f} | {_rate(len(texts), build)} | {_rate(words, build)} | "
        f"{build / bare:.2f} |",
        f"| batch by batch, CPU seconds: bare `nlp.pipe` | {bare_cpu:.1f} | "
        f"{_rate(len(texts), bare_cpu)} | {_rate(words, bare_cpu)} | 1.00 |",
        f"| batch by batch, CPU seconds: kg's parse alone | {parse_cpu:.1f} | "
        f"{_rate(len(texts), parse_cpu)} | {_rate(words, parse_cpu)} | "
        f"{parse_cpu / bare_cpu:.2f} |",
        f"| batch by batch, CPU seconds: kg extractor | {ours_cpu:.1f} | "
        f"{_rate(len(texts), ours_cpu)} | {_rate(words, ours_cpu)} | "
        f"{ours_cpu / bare_cpu:.2f} |",
    ]
    notes = (f"{len(texts)} documents, {words:,} words, {events:,} events; model "
             f"{nlp.meta.get('name')} {nlp.meta.get('version')}, batch size {BATCH}; "
             f"peak RSS of the build {peak / 1024:.0f} MiB")
    return "Extraction overhead", "\n".join(rows), notes


def _interleaved(nlp: Language, extractor: Extractor,
                 documents: list[Document]) -> tuple[float, float, float]:
    """CPU seconds of bare ``nlp.pipe``, of kg's parse alone and of kg's extractor, taken
    in turn on each batch of the same documents: on a shared machine whose load comes
    and goes, the two runs above are minutes apart, these a second apart."""
    assert isinstance(extractor, DepVerbExtractor)
    bare = parse = ours = 0.0
    for start in range(0, len(documents), BATCH):
        batch = documents[start:start + BATCH]
        texts = [document.text for document in batch]
        started = time.process_time()
        for _ in nlp.pipe(texts, batch_size=BATCH):
            pass
        bare += time.process_time() - started
        started = time.process_time()
        for _ in extractor.nlp.pipe(texts, batch_size=BATCH):
            pass
        parse += time.process_time() - started
        started = time.process_time()
        for _ in extractor.extract(batch):
            pass
        ours += time.process_time() - started
    return bare, parse, ours


STARTUP_PROBE = """
import time
from kg.nlp import load_model
nlp = load_model()
wall, cpu = time.perf_counter(), time.process_time()
from kg.actors.gazetteer import Gazetteer
from kg.actors.resolve import ActorResolver
from kg.lexicon import Lexicon
Lexicon.load()
resolver = ActorResolver(Gazetteer.load(), nlp.vocab)
resolver.add_patterns(nlp.tokenizer)
print(time.perf_counter() - wall, time.process_time() - cpu, len(resolver.gazetteer.aliases))
"""


def startup(work: Path) -> Section:
    """Loading the data every run pays before the first document: the relation lexicon,
    the gazetteer (with the converted dictionaries) and the name patterns."""
    runs = []
    for _ in range(ROUNDS):
        output = subprocess.run([sys.executable, "-c", STARTUP_PROBE], capture_output=True,
                                text=True, check=True, cwd=ROOT).stdout.split()
        runs.append((float(output[0]), float(output[1]), int(output[2])))
    wall = statistics.median(run[0] for run in runs)
    cpu = statistics.median(run[1] for run in runs)
    rows = ["| what | wall seconds | CPU seconds |", "|---|---|---|",
            f"| lexicon + gazetteer + name patterns | {wall:.2f} | {cpu:.2f} |"]
    return ("Start-up", "\n".join(rows),
            f"medians of {ROUNDS} fresh processes (the spaCy model loaded before timing); "
            f"{runs[0][2]:,} names")


def parallel(work: Path) -> Section:
    one, peak_one = _kg("build", str(CORPUS), "-o", str(work / "w1"), "--workers", "1",
                        "--no-cache")
    two, peak_two = _kg("build", str(CORPUS), "-o", str(work / "w2"), "--workers", "2",
                        "--no-cache")
    same = (work / "w1" / "events.jsonl").read_bytes() == \
        (work / "w2" / "events.jsonl").read_bytes()
    rows = [
        "| workers | seconds | speed-up | peak RSS of one process |",
        "|---|---|---|---|",
        f"| 1 | {one:.1f} | 1.00 | {peak_one / 1024:.0f} MiB |",
        f"| 2 | {two:.1f} | {one / two:.2f} | {peak_two / 1024:.0f} MiB |",
    ]
    return ("Parallel extraction", "\n".join(rows),
            f"events.jsonl identical between 1 and 2 workers: {same}")


def skip(work: Path) -> Section:
    """Sentences with no actor candidate by a cheap first pass (tokenizer, sentencizer and
    the gazetteer matcher, no parse): the share a parse could be spared."""
    documents = _documents()
    nlp = load_model()
    extractor = DepVerbExtractor(nlp, Lexicon.load(), Gazetteer.load())
    cheap = load_model()
    cheap.disable_pipes(*[name for name in cheap.pipe_names])
    cheap.add_pipe("sentencizer")
    started = time.perf_counter()
    sentences = candidates = characters = spared = 0
    for doc in cheap.pipe((document.text for document in documents), batch_size=BATCH):
        matches = {start for _, start, _ in extractor.resolver.matcher(doc)}
        for sentence in doc.sents:
            if not sentence.text.strip():
                continue
            sentences += 1
            characters += len(sentence.text)
            has_candidate = any(
                token.i in matches or (token.is_title and token.i != sentence.start)
                or token.lower_ in ("he", "she", "it", "they", "his", "her", "its", "their")
                for token in sentence)
            if has_candidate:
                candidates += 1
            else:
                spared += len(sentence.text)
    seconds = time.perf_counter() - started
    rows = [
        "| measure | value |", "|---|---|",
        f"| sentences | {sentences:,} |",
        f"| sentences without any actor candidate | {sentences - candidates:,} "
        f"({(sentences - candidates) / sentences:.1%}) |",
        f"| characters in them | {spared / characters:.1%} of the text |",
        f"| cost of the first pass | {seconds:.1f} s for the corpus |",
    ]
    return ("Sentences a parse could skip", "\n".join(rows),
            "measured only, not implemented: skipping could save at most the parse of these "
            "characters, and parsing the remaining sentences apart changes their parses")


def incremental(work: Path) -> Section:
    out = work / "cache"
    first, _ = _kg("build", str(CORPUS), "-o", str(out), "--workers", "2")
    second, _ = _kg("build", str(CORPUS), "-o", str(out), "--workers", "2")
    rows = [
        "| run | seconds | share of the first |", "|---|---|---|",
        f"| first `kg build` (empty cache) | {first:.1f} | 100% |",
        f"| second `kg build`, unchanged corpus | {second:.1f} | {second / first:.1%} |",
    ]
    return "Incremental rebuild", "\n".join(rows), "cache: kg-out/.kg-cache.sqlite"


def neo4j(work: Path) -> Section:
    sys.path.insert(0, str(ROOT / "tests"))
    from neo4j_server import Neo4jServer, neo4j_home

    from kg.store.neo4j import Connection, Neo4jStore

    out = work / "cache"
    if not (out / "events.jsonl").exists():
        _kg("build", str(CORPUS), "-o", str(out), "--workers", "2")
    # FA-KES repeats a few articles under one id; their events are one event each.
    base = list({event.id: event for event in read_events(out)}.values())
    events = [_copy(event, copy) for copy in range(10) for event in base]
    labels = {event.relation.label for event in events}
    rows_out = ["| load | batch size | events | seconds | events/s | share of CREATE |",
                "|---|---|---|---|---|---|"]
    with Neo4jServer(neo4j_home()) as server:
        user, password = server.auth
        connection = Connection(uri=server.bolt_uri, user=user, password=password)
        with Neo4jStore.connect(connection) as store:
            started = time.perf_counter()
            store.init_schema(labels)
            schema_seconds = time.perf_counter() - started
            # The server's JIT compiles its write paths during the first loads; one untimed
            # round of each kind keeps that out of the comparison.
            for batch in (2000, 10000, 20000):
                _timed_loads(store, events, batch)
            store.wipe()
        for batch in (2000, 10000, 20000):
            with Neo4jStore.connect(connection, batch_size=batch) as store:
                rounds = [_timed_loads(store, events, batch) for _ in range(ROUNDS)]
            timings = {name: statistics.median(round_[name] for round_ in rounds)
                       for name in rounds[0]}
            create = timings["plain UNWIND CREATE, same rows"]
            for name, seconds in timings.items():
                rows_out.append(f"| {name} | {batch:,} | {len(events):,} | {seconds:.2f} | "
                                f"{_rate(len(events), seconds)} | {create / seconds:.2f} |")
    title = "Neo4j load rate"
    try:
        encoder = f"Rust encoder (neo4j-rust-ext {version('neo4j-rust-ext')})"
        # A measure of its own: the two encoders' figures are not one table's history.
        title += ", Rust encoder"
    except PackageNotFoundError:
        encoder = "pure-Python encoder"
    return (title, "\n".join(rows_out),
            f"driver: neo4j {version('neo4j')}, {encoder}; corpus events x10 (distinct ids, "
            f"{len(labels)} relation types), real Neo4j "
            "5.26 Community from Maven jars (1 GB heap, 256 MB page cache) on the same machine, "
            f"same server for every row, after one untimed warm-up round; median of {ROUNDS} "
            "rounds (single runs vary up to 2x with the server's garbage collection); every "
            "load starts "
            "from an empty graph with the schema in place (creating the schema for the "
            f"{len(labels)} types took {schema_seconds:.1f} s once, in one transaction). "
            "'same rows' writes kg's 17 event properties; 'four properties' writes only id, "
            "cameo, sentence and doc_id")


def _timed_loads(store: object, events: list[Event], batch: int) -> dict[str, float]:
    """kg's load into an empty graph, kg's load again (everything already there), and
    plain CREATE of the same rows and of four properties per event, in seconds."""
    from kg.store.neo4j import Neo4jStore

    assert isinstance(store, Neo4jStore)
    timings: dict[str, float] = {}
    store.wipe()
    started = time.perf_counter()
    stats = store.load(events)
    timings["kg load (idempotent), empty graph"] = time.perf_counter() - started
    assert stats.events.created == len(events), stats
    started = time.perf_counter()
    stats = store.load(events)
    timings["kg load again, all already there"] = time.perf_counter() - started
    assert stats.events.created == 0, stats
    for name, full in (("plain UNWIND CREATE, same rows", True),
                       ("plain UNWIND CREATE, four properties", False)):
        store.wipe()
        started = time.perf_counter()
        _create_baseline(store, events, batch, full)
        timings[name] = time.perf_counter() - started
    store.wipe()
    return timings


def _copy(event: Event, copy: int) -> Event:
    return replace(event, id=f"{event.id}-{copy}", doc_id=f"{event.doc_id}-{copy}")


def _create_baseline(store: object, events: list[Event], batch: int, full: bool) -> None:
    from kg.store.neo4j import Neo4jStore, batched
    from kg.store.rows import event_row

    assert isinstance(store, Neo4jStore)
    actors = {m.actor.id for e in events for m in (e.source, e.target)}
    store._run("UNWIND $ids AS id CREATE (:Actor {id: id})", ids=sorted(actors))
    properties = "r = row.properties" if full else \
        "r.id = row.id, r.cameo = row.properties.cameo, r.sentence = row.properties.sentence, " \
        "r.doc_id = row.properties.doc_id"
    query = ("UNWIND $rows AS row MATCH (s:Actor {id: row.source}), (t:Actor {id: row.target}) "
             f"CREATE (s)-[r:$(row.relation)]->(t) SET {properties}")
    for rows in batched((event_row(event) for event in events), batch):
        store._run(query, rows=rows)


def html(work: Path) -> Section:
    import html_map

    rows = ["| relations | actors | file size | render (Python) | time to interactive "
            "| filter click |", "|---|---|---|---|---|---|"]
    for nodes, edges in ((250, 500), (1000, 2000), (2000, 10000)):
        figures = html_map.measure(nodes, edges, work)
        rows.append(f"| {edges:,} | {nodes:,} | {figures.size_bytes / 2**20:.1f} MiB | "
                    f"{figures.render_seconds:.2f} s | {figures.interactive_ms / 1000:.2f} s | "
                    f"{figures.filter_click_ms:.0f} ms |")
    return ("HTML export", "\n".join(rows), "headless Debian Chromium, network off")


def scaling(work: Path) -> Section:
    """The stages after the parse over the corpus repeated (with distinct ids), so that any
    step that grows faster than the input shows; the parse itself is linear per document."""
    out = work / "cache"
    if not (out / "events.jsonl").exists():
        _kg("build", str(CORPUS), "-o", str(out), "--workers", "2")
    base = list(read_events(out))
    documents = {event.doc_id for event in base}
    rows = ["| scale | events | write JSONL | aggregate graph | GraphML | map | peak RSS |",
            "|---|---|---|---|---|---|---|"]
    for scale in (1, 4, 16):
        events = [_copy(event, copy) for copy in range(scale) for event in base]
        folder = work / f"scale-{scale}"
        timings = []
        started = time.perf_counter()
        with ExtractionWriter(folder) as writer:
            for doc_id in sorted({event.doc_id for event in events}):
                writer.add(DocumentResult(Document(doc_id, ""), 1, (), ()))
            writer.add(DocumentResult(Document("all", ""), 1, tuple(events), ()))
        timings.append(time.perf_counter() - started)
        started = time.perf_counter()
        graph = build_graph(read_events(folder))
        timings.append(time.perf_counter() - started)
        started = time.perf_counter()
        write_graphml(graph, folder / "graph.graphml")
        timings.append(time.perf_counter() - started)
        from kg.export.html import render_html

        started = time.perf_counter()
        render_html(graph, folder / "graph.html")
        timings.append(time.perf_counter() - started)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append(f"| x{scale} | {len(events):,} | " +
                    " | ".join(f"{seconds:.2f} s" for seconds in timings) +
                    f" | {peak:.0f} MiB |")
    return ("Scaling of the stages after the parse", "\n".join(rows),
            f"{len(documents)} documents' events repeated with distinct ids; peak RSS is "
            "the benchmark process's high-water mark so far")


LONG_SIZES = (50_000, 200_000, 400_000, 1_000_000, 2_000_000, 3_000_000)


def long_documents(work: Path) -> Section:
    """One document of growing length (FA-KES articles run together, a blank line apart)
    through `kg build`: time and memory should grow in step with the characters."""
    text = "\n\n".join(document.text for document in _documents())
    rows = ["| characters | seconds | seconds per 100,000 characters | peak RSS | events |",
            "|---|---|---|---|---|"]
    for size in LONG_SIZES:
        path = work / "long" / f"long-{size}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text((text * (size // len(text) + 1))[:size], encoding="utf-8")
        out = work / "long" / f"out-{size}"
        seconds, peak = _kg("build", str(path), "-o", str(out), "--workers", "1",
                            "--no-cache")
        events = sum(1 for _ in read_events(out))
        rows.append(f"| {size:,} | {seconds:.1f} | {seconds / size * 100_000:.2f} | "
                    f"{peak / 1024:.0f} MiB | {events:,} |")
    return ("Long documents", "\n".join(rows),
            "one text file per row, each built in a fresh process; documents over "
            f"{PIECE_CHARS:,} characters are parsed in pieces cut at paragraph ends")


BENCHMARKS: dict[str, Callable[[Path], Section]] = {
    "overhead": overhead, "startup": startup, "parallel": parallel, "skip": skip,
    "incremental": incremental, "neo4j": neo4j, "html": html, "scaling": scaling,
    "long": long_documents,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", action="append", choices=sorted(BENCHMARKS),
                        help="Run only this benchmark (repeatable).")
    parser.add_argument("--no-record", action="store_true",
                        help="Print the figures without recording them in BENCHMARKS.md.")
    arguments = parser.parse_args()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    command = "python3 benchmarks/run.py " + " ".join(sys.argv[1:])
    with tempfile.TemporaryDirectory() as folder:
        for name in arguments.only or list(BENCHMARKS):
            title, body, notes = BENCHMARKS[name](Path(folder))
            sys.stdout.write(f"\n{title}\n{body}\n{notes}\n")
            sys.stdout.flush()
            if not arguments.no_record:
                record(title, command.strip(), body, notes)
    if not arguments.no_record:
        sys.stdout.write(json.dumps({"recorded in": str(ROOT / "BENCHMARKS.md")}) + "\n")


if __name__ == "__main__":
    main()
