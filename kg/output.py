"""Writing a build's output folder without ever leaving it half-written.

Every file is written to a temporary name in the same folder and renamed into place when
complete, so an interrupted run leaves the previous outputs intact.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from kg.errors import InputError, OutputError
from kg.model import PRONOUNS, Actor, DocumentResult, Event

EVENTS = "events.jsonl"
ACTORS = "actors.jsonl"
DOCUMENTS = "documents.jsonl"
UNRESOLVED = "unresolved.jsonl"
GRAPHML = "graph.graphml"
HTML = "graph.html"


@contextmanager
def atomic_writer(path: Path) -> Iterator[IO[str]]:
    """A text file that appears at ``path`` only once it has been written completely."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp",
            delete=False)
    except OSError as error:
        raise OutputError(f"{path.parent}: cannot write here ({error.strerror or error})") \
            from error
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException as error:
        Path(handle.name).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(f"{path}: cannot be written ({error.strerror or error})") \
                from error
        raise


def dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=False)


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
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
    """Streams extraction results into events, documents and unresolved files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.actors = ActorTable()
        self.unresolved: Counter[str] = Counter()
        self.documents = self.sentences = self.events = 0
        self._stack: list[Any] = []
        self._files: dict[str, IO[str]] = {}

    def __enter__(self) -> ExtractionWriter:
        for name in (EVENTS, DOCUMENTS, UNRESOLVED):
            manager = atomic_writer(self.folder / name)
            self._files[name] = manager.__enter__()
            self._stack.append(manager)
        return self

    def __exit__(self, *exc: Any) -> None:
        # Close in reverse order; on an exception every temporary file is removed.
        error = exc
        while self._stack:
            manager = self._stack.pop()
            manager.__exit__(*error)

    def add(self, result: DocumentResult) -> None:
        self.documents += 1
        self.sentences += result.sentences
        self._files[DOCUMENTS].write(dumps({**result.document.to_dict(with_text=False),
                                            "sentences": result.sentences,
                                            "events": len(result.events)}) + "\n")
        for event in result.events:
            self._files[EVENTS].write(dumps(event.to_dict()) + "\n")
        self.events += len(result.events)
        self.actors.add_events(result.events)
        for unresolved in result.unresolved:
            self._files[UNRESOLVED].write(dumps(unresolved.to_dict()) + "\n")
            self.unresolved[unresolved.text] += 1
