"""Writing a build's output folder without ever leaving it half-written.

Every file is written to a hidden temporary name in the same folder and renamed into
place when complete, so an interrupted run leaves the previous outputs intact. A run
that is killed outright (SIGKILL, power loss) can leave those hidden temporaries behind;
the next run into the folder removes the ones whose writer is gone.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from kg.errors import InputError, OutputError
from kg.model import Actor, Document, DocumentResult, Event
from kg.words import pronouns

PRONOUNS = pronouns()

EVENTS = "events.jsonl"
ACTORS = "actors.jsonl"
DOCUMENTS = "documents.jsonl"
UNRESOLVED = "unresolved.jsonl"
GRAPHML = "graph.graphml"
HTML = "graph.html"
# What graph.graphml and graph.html were last drawn from (kg build redraws only on change).
GRAPH_STAMP = ".kg-graph-stamp.json"
OUTPUTS = (EVENTS, ACTORS, DOCUMENTS, UNRESOLVED, GRAPHML, HTML)
TEMPORARY_SUFFIX = ".tmp"


def _read_umask() -> int:
    # os.umask can only be read by setting it; done once, at import, before any threads.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# mkstemp creates files readable by their owner only; outputs are meant to be shared
# (the map is mailed, Neo4j's import folder is read by another user), so they get the
# permissions any other file the user creates would get.
_FILE_MODE = 0o666 & ~_read_umask()


def _cannot_write(path: Path, error: OSError) -> OutputError:
    return OutputError(f"{path}: cannot be written ({error.strerror or error})")


class AtomicFile:
    """One output file: written under a hidden temporary name, then ``finish``ed (flushed
    to disk) and ``publish``ed (renamed into place), or ``discard``ed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # The pid in the name lets a later run tell a dead writer's leftovers from a
            # file another run is still writing.
            self.handle: IO[str] = tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=path.parent,
                prefix=f".{path.name}.{os.getpid()}.", suffix=TEMPORARY_SUFFIX, delete=False)
        except OSError as error:
            raise OutputError(f"{path.parent}: cannot write here "
                              f"({error.strerror or error})") from error
        self.temporary = Path(self.handle.name)

    def write(self, text: str) -> None:
        try:
            self.handle.write(text)
        except OSError as error:
            raise _cannot_write(self.path, error) from error

    def finish(self) -> None:
        """Make the content durable; after this only the rename is left."""
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            os.chmod(self.temporary, _FILE_MODE)
            self.handle.close()
        except OSError as error:
            raise _cannot_write(self.path, error) from error

    def publish(self) -> None:
        try:
            os.replace(self.temporary, self.path)
        except OSError as error:
            raise _cannot_write(self.path, error) from error

    def discard(self) -> None:
        try:
            self.handle.close()
        except OSError:
            pass  # a failed flush of data that is being thrown away anyway
        self.temporary.unlink(missing_ok=True)


@contextmanager
def atomic_writer(path: Path) -> Iterator[IO[str]]:
    """A text file that appears at ``path`` only once it has been written completely."""
    target = AtomicFile(path)
    try:
        yield target.handle
        target.finish()
        target.publish()
    except BaseException as error:
        target.discard()
        if isinstance(error, OSError):
            raise _cannot_write(path, error) from error
        raise


def write_bytes(path: Path, data: bytes) -> None:
    """A binary file (a chart, a Parquet table) that appears whole or not at all."""
    target = AtomicFile(path)
    try:
        try:
            target.handle.buffer.write(data)  # type: ignore[attr-defined]
        except OSError as error:
            raise _cannot_write(path, error) from error
        target.finish()
        target.publish()
    except BaseException:
        target.discard()
        raise


def _writer_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # no cheap liveness check elsewhere: keep the file, it is hidden
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, but belongs to another user
    return True


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete the hidden temporary files that killed runs left in an output folder; files
    of a writer that is still running are kept. Returns what was removed."""
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed  # missing or unreadable: creating the outputs will say so
    for entry in entries:
        name = entry.name
        output = next((output for output in OUTPUTS if name.startswith(f".{output}.")), None)
        if output is None or not name.endswith(TEMPORARY_SUFFIX):
            continue
        middle = name[len(output) + 2:-len(TEMPORARY_SUFFIX)].split(".")
        # ".NAME.PID.RANDOM.tmp" now; ".NAME.RANDOM.tmp" from kg versions before the pid.
        if len(middle) == 2 and middle[0].isdigit() and _writer_alive(int(middle[0])):
            continue
        if len(middle) not in (1, 2):
            continue
        try:
            entry.unlink()
        except OSError:
            continue
        removed.append(entry)
    return removed


# Characters str.splitlines() (and other line readers) break lines at, which JSON leaves
# raw inside strings; escaped, one record stays one line for every reader. They can only
# occur inside JSON strings, so replacing them in the dumped text is exact.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029",
                              "\x85": "\\u0085"})


def dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=False).translate(_LINE_BREAKS)


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    """Write records as a JSONL file that appears whole or not at all."""
    count = 0
    with atomic_writer(path) as handle:
        for record in records:
            handle.write(dumps(record) + "\n")
            count += 1
    return count


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a kg JSONL output file; a broken line is an error naming file and line."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from error
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{path}:{number}: malformed JSON line ({error.msg})") from error
            if not isinstance(record, dict):
                raise InputError(f"{path}:{number}: JSON line is not an object")
            yield record


def read_events(folder: Path) -> Iterator[Event]:
    path = folder / EVENTS
    if not path.exists():
        raise InputError(f"{path}: no such file; run kg build or kg extract first")
    for number, record in enumerate(read_jsonl(path), start=1):
        try:
            yield Event.from_dict(record)
        except (KeyError, TypeError, ValueError) as error:
            raise InputError(f"{path}:{number}: not a kg event ({error})") from error


def read_document_index(path: Path) -> dict[str, Document]:
    """The documents of a documents.jsonl by id; none when there is no such file."""
    if not path.exists():
        return {}
    return {str(record["id"]): Document.from_dict(record) for record in read_jsonl(path)
            if "id" in record}


class ActorTable:
    """Canonical actors seen in events, with their surface forms and mention counts."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.forms: dict[str, Counter[str]] = {}
        self.mentions: Counter[str] = Counter()

    def add_events(self, events: Iterable[Event]) -> None:
        for event in events:
            for mention in (event.source, event.target):
                self.actors.setdefault(mention.actor.id, mention.actor)
                self.mentions[mention.actor.id] += 1
                forms = self.forms.setdefault(mention.actor.id, Counter())
                # "he" and "its" are how the text referred to the actor, not its names.
                if mention.text.lower() not in PRONOUNS:
                    forms[mention.text] += 1

    def records(self) -> Iterator[dict[str, Any]]:
        for actor_id in sorted(self.actors):
            forms = self.forms[actor_id]
            yield {**self.actors[actor_id].to_dict(),
                   "forms": [form for form, _ in forms.most_common()],
                   "count": self.mentions[actor_id]}


class ExtractionWriter:
    """Streams extraction results into events, documents and unresolved files, which
    replace the previous ones together (with any file added by ``write_jsonl``, such as
    actors.jsonl) when the block ends without an error."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.actors = ActorTable()
        self.unresolved: Counter[str] = Counter()
        self.documents = self.sentences = self.events = 0
        self._files: dict[str, AtomicFile] = {}

    def __enter__(self) -> ExtractionWriter:
        remove_stale_temporaries(self.folder)
        try:
            for name in (EVENTS, DOCUMENTS, UNRESOLVED):
                self._files[name] = AtomicFile(self.folder / name)
        except BaseException:
            self._discard()
            raise
        return self

    def write_jsonl(self, path: Path, records: Iterable[dict[str, Any]]) -> int:
        """A further JSONL file in this folder, published with the others."""
        if path.name in self._files:
            raise ValueError(f"{path.name} is already being written")
        file = AtomicFile(path)
        self._files[path.name] = file
        count = 0
        for record in records:
            file.write(dumps(record) + "\n")
            count += 1
        return count

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is not None:
            self._discard()
            return
        # Everything is flushed to disk before anything is renamed, so a full disk
        # leaves the previous events, documents, unresolved and actors files in place.
        try:
            for file in self._files.values():
                file.finish()
            for file in self._files.values():
                file.publish()
        finally:
            self._discard()  # the published ones have no temporary left to remove

    def _discard(self) -> None:
        for file in self._files.values():
            file.discard()
        self._files.clear()

    def add(self, result: DocumentResult) -> None:
        self.documents += 1
        self.sentences += result.sentences
        self._files[DOCUMENTS].write(dumps({**result.document.to_dict(with_text=False),
                                            "sentences": result.sentences,
                                            "events": len(result.events)}) + "\n")
        events = self._files[EVENTS]
        for event in result.events:
            events.write(dumps(event.to_dict()) + "\n")
        self.events += len(result.events)
        self.actors.add_events(result.events)
        unresolved = self._files[UNRESOLVED]
        for mention in result.unresolved:
            unresolved.write(dumps(mention.to_dict()) + "\n")
            self.unresolved[mention.text] += 1
