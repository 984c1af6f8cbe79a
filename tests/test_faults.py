"""Faults during a run (project issue #7): interrupts and kills, a full disk, an output
folder that cannot be written, two loads into Neo4j at once, a load that keeps failing.

Whatever happens, the output folder holds either the previous complete outputs or none,
the error is one line naming the path, and running the same command again finishes the
job with the same result as one clean run.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import build, write_corpus, write_output
from neo4j import Session
from neo4j.exceptions import ConstraintError

from kg.cli import main
from kg.extract.depverb import DepVerbExtractor
from kg.model import Actor, Document, DocumentResult, Event, Mention, Relation
from kg.output import OUTPUTS, ExtractionWriter
from kg.store import neo4j as store_module
from kg.store.neo4j import Connection, Neo4jStore

ROOT = Path(__file__).resolve().parent.parent
INTERRUPTED = "kg: interrupted; outputs already in place were left as they were"


# ``python -m kg`` as a terminal starts it. A process started with SIGINT ignored (a
# background job of a non-interactive shell, nohup, some CI runners) passes that on to
# its children, and Python then installs no Ctrl-C handler: the test suite run that way
# would see kg finish despite the signal. Ctrl-C's own handler is put back first.
AS_FROM_A_TERMINAL = ("import runpy, signal; "
                      "signal.signal(signal.SIGINT, signal.default_int_handler); "
                      "runpy.run_module('kg', run_name='__main__', alter_sys=True)")


def kg_process(*args: str | Path, **options: Any) -> subprocess.Popen[str]:
    # Its own session, so that a signal to its process group reaches only kg and the
    # workers it started, as Ctrl-C in a terminal would.
    return subprocess.Popen([sys.executable, "-c", AS_FROM_A_TERMINAL, *map(str, args)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True, **options)


def run_kg(*args: str | Path, **options: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, **options)


def visible(folder: Path) -> dict[str, bytes]:
    """The outputs a user sees (hidden caches and temporaries left out), by name."""
    if not folder.exists():
        return {}
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())
            if not path.name.startswith(".")}


def temporaries(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def catches_sigint(pid: int) -> bool:
    """Whether the process has a handler for SIGINT installed (Linux: /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) & (1 << (signal.SIGINT - 1)))
    return False


def wait_until_writing(process: subprocess.Popen[str], out: Path) -> None:
    """Until extraction is under way: kg handles Ctrl-C and has written events (a flushed
    buffer in the temporary events file), with most of the corpus still ahead of it."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, "kg finished before it could be interrupted"
        if any(path.stat().st_size > 0 for path in out.glob(".events.jsonl.*.tmp")):
            assert catches_sigint(process.pid), "kg would not see Ctrl-C"
            return
        time.sleep(0.02)
    raise AssertionError("kg never started writing events")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # About 1,000 short articles: several seconds of parsing on one core.
    return write_corpus(tmp_path_factory.mktemp("corpus") / "news", 1000)


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory,
          extractor: DepVerbExtractor) -> dict[str, bytes]:
    """The outputs of one uninterrupted run (always into a folder named ``out``: the
    map's title carries the folder's name)."""
    out = tmp_path_factory.mktemp("clean") / "out"
    done = run_kg("build", corpus, "-o", out, "--workers", "1")
    assert done.returncode == 0, done.stderr
    outputs = visible(out)
    assert set(outputs) == set(OUTPUTS) and not temporaries(out)
    return outputs


@pytest.mark.parametrize("how", ["SIGINT", "SIGKILL"])
def test_interrupted_build_leaves_no_half_written_outputs(how: str, corpus: Path,
                                                          clean: dict[str, bytes],
                                                          tmp_path: Path) -> None:
    out = tmp_path / "out"
    # Ctrl-C reaches kg and its worker processes; a kill (the OOM killer, kill -9) only kg.
    workers = "2" if how == "SIGINT" else "1"
    process = kg_process("build", corpus, "-o", out, "--workers", workers)
    wait_until_writing(process, out)
    if how == "SIGINT":
        os.killpg(process.pid, signal.SIGINT)
    else:
        process.kill()
    _, stderr = process.communicate(timeout=60)
    if how == "SIGINT":
        assert process.returncode == 130
        assert stderr.splitlines()[-1] == INTERRUPTED
        assert temporaries(out) == []
    else:
        assert process.returncode == -signal.SIGKILL
        # What a kill leaves: hidden temporaries only, named for the dead process.
        left = temporaries(out)
        assert left and all(name.startswith((".events.jsonl.", ".documents.jsonl.",
                                             ".unresolved.jsonl."))
                            and f".{process.pid}." in name for name in left)
    assert visible(out) == {}

    again = run_kg("build", corpus, "-o", out, "--workers", "1")
    assert again.returncode == 0, again.stderr
    assert temporaries(out) == []
    assert visible(out) == clean
    if how == "SIGINT":  # what was extracted before Ctrl-C was kept
        assert "documents from the cache)" in again.stdout.splitlines()[0]

    # Interrupted again, now with complete outputs in place: they stay as they were.
    process = kg_process("build", corpus, "-o", out, "--workers", "1", "--no-cache")
    wait_until_writing(process, out)
    os.killpg(process.pid, getattr(signal, how))
    process.communicate(timeout=60)
    assert visible(out) == clean


@pytest.mark.parametrize("executor", ["local", "dask"])
def test_a_killed_build_leaves_nothing_on_the_terminal(executor: str, corpus: Path,
                                                       tmp_path: Path) -> None:
    """Workers go with a killed kg: no BrokenPipeError tracebacks, no resource tracker
    warnings, no workers left parsing for nobody."""
    out = tmp_path / "out"
    process = kg_process("build", corpus, "-o", out, "--workers", "2", "--executor", executor)
    wait_until_writing(process, out)
    process.kill()
    # The workers share kg's stderr: it reaches its end only when every one has exited.
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert stderr == ""


def test_a_writer_that_is_still_running_keeps_its_temporaries(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = out / f".events.jsonl.{sleeper.pid}.abcd1234.tmp"
        dead = out / f".events.jsonl.{2 ** 22 + 7}.abcd1234.tmp"   # above any pid_max
        legacy = out / ".graph.html.x1y2z3w4.tmp"                 # before pids were named
        unrelated = out / ".notes.txt.123.abcd1234.tmp"
        for path in (live, dead, legacy, unrelated):
            path.write_text("partial")
        with ExtractionWriter(out):
            pass
        names = {path.name for path in out.iterdir()}
        assert live.name in names and unrelated.name in names
        assert dead.name not in names and legacy.name not in names
    finally:
        sleeper.kill()
        sleeper.wait()


# -- disk full, read-only ------------------------------------------------------------------

def _mount(*args: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextlib.contextmanager
def small_filesystem(path: Path, size: str) -> Iterator[bool]:
    """A tmpfs of ``size`` at ``path`` when this machine lets us mount one (root with
    CAP_SYS_ADMIN); else an ordinary folder, and False."""
    path.mkdir()
    mounted = _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path))
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(path)], check=True)


def _limit_file_size(limit: int) -> Callable[[], None]:
    def apply() -> None:
        # Without SIGXFSZ ignored the kernel kills the process instead of failing the write.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def _fill(folder: Path) -> None:
    stats = os.statvfs(folder)
    with (folder / "filler").open("wb") as handle:
        handle.write(b"\0" * max(0, stats.f_bavail * stats.f_frsize - 8192))


def check_one_line_error(stderr: str, out: Path, *reasons: str) -> None:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"kg: error: {out}") and any(r in lines[0] for r in reasons), \
        lines[0]


def test_disk_full(tmp_path: Path, extractor: DepVerbExtractor) -> None:
    first = write_corpus(tmp_path / "first", 1)
    more = write_corpus(tmp_path / "more", 300, start=1)
    with small_filesystem(tmp_path / "fs", "4m") as mounted:
        out = tmp_path / "fs" / "out"
        done = run_kg("build", first, "-o", out, "--workers", "1")
        assert done.returncode == 0, done.stderr
        before = visible(out)
        if mounted:  # a real full disk
            _fill(tmp_path / "fs")
            failed = run_kg("build", first, more, "-o", out, "--workers", "1")
            reasons = ("No space left on device", "database or disk is full")
        else:  # no mount here: a file size limit fails the writes the same way
            failed = run_kg("build", first, more, "-o", out, "--workers", "1",
                            preexec_fn=_limit_file_size(64 * 1024))
            reasons = ("File too large", "database or disk is full")
        assert failed.returncode == 1
        check_one_line_error(failed.stderr, out, *reasons)
        assert visible(out) == before and temporaries(out) == []
        (tmp_path / "fs" / "filler").unlink(missing_ok=True)
        recovered = run_kg("build", first, more, "-o", out, "--workers", "1")
        assert recovered.returncode == 0, recovered.stderr
        assert recovered.stdout.startswith("kg: 301 documents")


def test_file_size_limit_during_final_flush(tmp_path: Path,
                                            extractor: DepVerbExtractor) -> None:
    """The limit hit by the last, buffered bytes (not by a write in the loop): still all
    or nothing, and without the cache in the way."""
    first = write_corpus(tmp_path / "first", 2)
    out = tmp_path / "out"
    assert run_kg("build", first, "-o", out, "--workers", "1").returncode == 0
    before = visible(out)
    events = len(before["events.jsonl"])
    more = write_corpus(tmp_path / "more", 3, start=2)
    failed = run_kg("build", first, more, "-o", out, "--workers", "1", "--no-cache",
                    preexec_fn=_limit_file_size(events + 100))
    assert failed.returncode == 1
    check_one_line_error(failed.stderr, out, "File too large")
    assert visible(out) == before and temporaries(out) == []


def test_output_folder_cannot_be_written(tmp_path: Path, extractor: DepVerbExtractor) -> None:
    corpus = write_corpus(tmp_path / "news", 2)
    # Root (what CI runs as) writes through mode bits; a folder under a file stops anyone.
    blocker = tmp_path / "report.txt"
    blocker.write_text("not a folder")
    out = blocker / "out"
    result = build(corpus, "-o", out)
    assert result.exit_code == 1
    assert result.stderr == f"kg: error: {out}: cannot write here (Not a directory)\n"
    assert blocker.read_text() == "not a folder"

    # A read-only file system, with outputs of an earlier run in it, where one can be mounted.
    with small_filesystem(tmp_path / "fs", "4m") as mounted:
        out = tmp_path / "fs" / "out"
        assert build(corpus, "-o", out).exit_code == 0
        before = visible(out)
        if mounted:
            assert _mount("-o", "remount,ro", str(tmp_path / "fs"))
            result = build(corpus, "-o", out, "--no-cache")
            assert result.exit_code == 1
            assert result.stderr == (f"kg: error: {out}: cannot write here "
                                     "(Read-only file system)\n")
            assert visible(out) == before
            assert _mount("-o", "remount,rw", str(tmp_path / "fs"))


# -- Neo4j ---------------------------------------------------------------------------------

@dataclass
class Expected:
    events: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    memberships: set[tuple[str, str]] = field(default_factory=set)

    def __or__(self, other: Expected) -> Expected:
        return Expected(self.events | other.events, self.documents | other.documents,
                        self.actors | other.actors, self.memberships | other.memberships)


def _overlapping(folder: Path, seed: int, count: int = 3000) -> Expected:
    """An output folder whose first 70% of events every seed shares."""
    actors = [Actor(id=f"A{i}", name=f"Actor {i}", type="state") for i in range(600)]
    people = [Actor(id=f"person:p{i}", name=f"Person {i}", type="person",
                    member_of=actors[i]) for i in range(50)]
    everyone = actors + people
    relations = [Relation("URGES", "020", 3.0), Relation("ACCUSES", "112", -2.0),
                 Relation("MEETS", "040", 1.0)]
    shared, own = random.Random(0), random.Random(seed)
    events: dict[str, list[Event]] = {}
    expected = Expected()
    for i in range(count):
        tag, pick = ("shared", shared) if i < count * 0.7 else (f"own{seed}", own)
        source, target = pick.choice(everyone), pick.choice(everyone)
        event = Event(doc_id=f"{tag}-{i % 40}", sentence=f"{tag} sentence {i}",
                      sentence_start=i, sentence_end=i + 1, source=Mention("a", 0, 1, source),
                      target=Mention("b", 0, 1, target), relation=relations[i % 3])
        events.setdefault(event.doc_id, []).append(event)
        expected.events.add(event.id)
        expected.documents.add(event.doc_id)
        for actor in (source, target):
            expected.actors.add(actor.id)
            if actor.member_of is not None:
                expected.actors.add(actor.member_of.id)
                expected.memberships.add((actor.id, actor.member_of.id))
    write_output(folder, *(DocumentResult(Document(id=doc_id, text="x", title=doc_id), 1,
                                          tuple(events[doc_id]), ())
                           for doc_id in sorted(events)))
    return expected


def _graph_counts(store: Neo4jStore) -> dict[str, int]:
    row = store._run("""
        CALL () { MATCH (a:Actor) RETURN count(a) AS actors, count(DISTINCT a.id) AS ids }
        CALL () { MATCH (d:Document) RETURN count(d) AS documents }
        CALL () { MATCH ()-[r]->() WHERE r.id IS NOT NULL
                  RETURN count(r) AS events, count(DISTINCT r.id) AS event_ids }
        CALL () { MATCH ()-[m:MEMBER_OF]->() RETURN count(m) AS memberships }
        RETURN actors, ids, documents, events, event_ids, memberships""")[0]
    return {key: int(value) for key, value in row.items()}


@pytest.mark.neo4j
def test_two_loads_at_once_make_no_duplicates(neo4j: Connection, tmp_path: Path) -> None:
    first = _overlapping(tmp_path / "a", seed=1)
    second = _overlapping(tmp_path / "b", seed=2)
    with Neo4jStore.connect(neo4j) as store:
        # From an empty schema, so that both loads also race to create the constraints.
        for row in store._run("SHOW CONSTRAINTS YIELD name RETURN name"):
            store._run(f"DROP CONSTRAINT {row['name']}")
    env = {**os.environ, "NEO4J_PASSWORD": str(neo4j.password), "NEO4J_USER": neo4j.user}
    both = first | second
    # Twice: into an empty database, then both again into the graph they made.
    for _ in range(2):
        loads = [kg_process("load", folder, "--neo4j", neo4j.uri, "--load-batch-size",
                            "200", env=env) for folder in (tmp_path / "a", tmp_path / "b")]
        for process in loads:
            stdout, stderr = process.communicate(timeout=300)
            assert process.returncode == 0, stderr
            assert stderr == "", "retries must not reach the terminal"
            assert stdout.startswith("kg: loaded into Neo4j: ")
        with Neo4jStore.connect(neo4j) as store:
            counts = _graph_counts(store)
        assert counts["actors"] == counts["ids"] == len(both.actors)
        assert counts["events"] == counts["event_ids"] == len(both.events)
        assert counts["documents"] == len(both.documents)
        assert counts["memberships"] == len(both.memberships)
    again = CliRunner().invoke(main, ["load", str(tmp_path / "a"), "--neo4j", neo4j.uri],
                               env={"NEO4J_PASSWORD": str(neo4j.password)})
    assert again.exit_code == 0 and "events 0 created" in again.stdout


def _constraint_error(store: Neo4jStore) -> ConstraintError:
    """A real ConstraintValidationFailed from the server, to replay."""
    store.init_schema()
    store.driver.execute_query("CREATE (:Actor {id: 'twice'})")
    try:
        store.driver.execute_query("CREATE (:Actor {id: 'twice'})")
    except ConstraintError as error:
        return error
    finally:
        store.wipe()
    raise AssertionError("the server accepted a duplicate id")


@pytest.mark.neo4j
def test_constraint_conflicts_are_retried(neo4j: Connection, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _overlapping(tmp_path / "a", seed=1, count=300)
    with Neo4jStore.connect(neo4j, batch_size=50) as store:
        error = _constraint_error(store)
        real = Session.execute_write
        calls = {"failed": 0}

        def conflicting(self: Session, work: Any, *args: Any) -> Any:
            if calls["failed"] < 3:  # the first batches meet a concurrent load's node
                calls["failed"] += 1
                raise error
            return real(self, work, *args)

        monkeypatch.setattr(store_module, "CONFLICT_PAUSE", 0.0)
        monkeypatch.setattr(Session, "execute_write", conflicting)
        stats = store.load_folder(tmp_path / "a")
        assert calls["failed"] == 3 and stats.events.created == len(expected.events)
        counts = _graph_counts(store)
    assert counts["events"] == counts["event_ids"] == len(expected.events)
    assert counts["actors"] == counts["ids"] == len(expected.actors)


@pytest.mark.neo4j
def test_a_load_that_keeps_failing_exits_with_one_line(neo4j: Connection, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _overlapping(tmp_path / "a", seed=1, count=30)
    with Neo4jStore.connect(neo4j) as store:
        error = _constraint_error(store)
    attempts: list[int] = []

    def always(self: Session, work: Any, *args: Any) -> Any:
        attempts.append(1)
        raise error

    monkeypatch.setattr(store_module, "CONFLICT_PAUSE", 0.0)
    monkeypatch.setattr(Session, "execute_write", always)
    result = CliRunner().invoke(main, ["load", str(tmp_path / "a"), "--neo4j", neo4j.uri],
                                env={"NEO4J_PASSWORD": str(neo4j.password)})
    assert result.exit_code == 1
    message = " ".join(str(error.message).split())
    assert result.stderr == (
        f"kg: error: {neo4j.uri}: {message} (still failing after "
        f"{store_module.CONFLICT_ATTEMPTS} attempts); the load stopped part-way: re-run the "
        "same command to finish it, nothing will be duplicated\n")
    assert len(attempts) == store_module.CONFLICT_ATTEMPTS


def test_clean_outputs_are_valid_jsonl(clean: dict[str, bytes]) -> None:
    for name in ("events.jsonl", "documents.jsonl", "actors.jsonl", "unresolved.jsonl"):
        for line in clean[name].decode("utf-8").splitlines():
            assert isinstance(json.loads(line), dict)
