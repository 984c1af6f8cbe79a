"""CSV files for ``neo4j-admin database import full``: the graph ``kg load`` builds, filled
into a new database offline instead of MERGEd over Bolt batch by batch.

The rows come from the same functions as ``kg load`` (kg.store.neo4j), so both paths
give the same nodes, labels, relationship types and properties; only ``loaded_at`` is
missing, since nothing is loaded through a transaction. The import tool cannot MERGE,
so duplicates that a load would fold together are dropped here, keeping the first as
``MERGE ... ON CREATE`` does.

Values are quoted by the csv module (RFC 4180: embedded quotes doubled), which is how
the import tool reads them; newlines inside values need its ``--multiline-fields=true``.
An empty field is read as "no property": that is how ``kg load`` stores a None, but an
empty string or list, which ``kg load`` would store as such, is no property here too.
"""

from __future__ import annotations

import csv
import shlex
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import IO, Any

from kg.errors import InputError
from kg.lock import output_lock
from kg.model import EVENT_PROPERTIES, Actor, Document
from kg.output import ACTORS, DOCUMENTS, atomic_writer, read_events, read_jsonl
from kg.store.rows import actor_row, actors_of, event_row, membership_rows

ACTORS_CSV = "actors.csv"
DOCUMENTS_CSV = "documents.csv"
EVENTS_CSV = "events.csv"
MEMBERSHIPS_CSV = "memberships.csv"
DEFAULT_FOLDER = "neo4j-import"
# Separates the surface forms of an actor, and the labels of a node (the import tool
# splits both on its --array-delimiter). A control character that no name contains, so
# that forms with ';' or ',' survive; a form holding it loses it.
ARRAY_DELIMITER = "\x1f"

ACTOR_HEADER = ["id:ID(Actor)", "name", "type", "country", "sector", "forms:string[]",
                ":LABEL"]
# Then the fields kept with --meta-field, each its own column, before the label.
DOCUMENT_HEADER = ["id:ID(Document)", "title", "date", "source", "path", "url", ":LABEL"]
# How the import tool names the types of kg's event properties (strings are the default).
IMPORT_TYPES = {str: "", float: ":float", bool: ":boolean", int: ":int"}
EVENT_HEADER = [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE"] + [
    f"{name}{IMPORT_TYPES[kind]}" for name, kind in EVENT_PROPERTIES]
MEMBERSHIP_HEADER = [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "role"]


@dataclass
class ImportFiles:
    """What ``export_neo4j_import`` wrote, and how to import it."""

    folder: Path
    actors: int = 0
    documents: int = 0
    events: int = 0
    memberships: int = 0
    paths: dict[str, Path] = field(default_factory=dict)

    def command(self, database: str = "neo4j") -> str:
        """The ``neo4j-admin`` command line that imports these files into ``database``."""
        arguments = ["neo4j-admin", "database", "import", "full",
                     f"--nodes={self.paths[ACTORS_CSV]}",
                     f"--nodes={self.paths[DOCUMENTS_CSV]}",
                     f"--relationships={self.paths[EVENTS_CSV]}",
                     f"--relationships={self.paths[MEMBERSHIPS_CSV]}",
                     "--multiline-fields=true", "--array-delimiter=U+001F", database]
        return " ".join(shlex.quote(argument) for argument in arguments)


def export_neo4j_import(folder: Path, out: Path | None = None) -> ImportFiles:
    """Write actors.csv, documents.csv, events.csv and memberships.csv for ``folder``'s
    events to ``out`` (default FOLDER/neo4j-import); all four appear together or none."""
    out = out if out is not None else folder / DEFAULT_FOLDER
    # Events, documents and actors of one run: no build writes the folder meanwhile.
    with output_lock(folder, shared=True):
        return _write_import_files(folder, out)


def _write_import_files(folder: Path, out: Path) -> ImportFiles:
    files = ImportFiles(out)
    forms = _read_forms(folder / ACTORS)
    # Read the first event before creating anything, so that a folder without events
    # leaves no empty output folder behind.
    events = read_events(folder)
    first = next(events, None)
    documents = list(_unique_documents(folder / DOCUMENTS))
    kept = _kept_fields(documents, folder / DOCUMENTS)
    with ExitStack() as stack:
        writers: dict[str, _Writer] = {}
        for name, header in ((ACTORS_CSV, ACTOR_HEADER),
                             (DOCUMENTS_CSV, DOCUMENT_HEADER[:-1] + kept + [":LABEL"]),
                             (EVENTS_CSV, EVENT_HEADER),
                             (MEMBERSHIPS_CSV, MEMBERSHIP_HEADER)):
            files.paths[name] = out / name
            writers[name] = _Writer(stack.enter_context(atomic_writer(out / name)))
            writers[name].writerow(header)
        actors: dict[str, Actor] = {}
        seen: set[str] = set()
        for event in chain([first] if first else [], events):
            if event.id in seen:
                continue
            seen.add(event.id)
            for actor_id, actor in actors_of([event]).items():
                actors.setdefault(actor_id, actor)
            writers[EVENTS_CSV].writerow(_event_csv_row(event_row(event)))
            files.events += 1
        for actor in actors.values():
            writers[ACTORS_CSV].writerow(_actor_csv_row(actor, forms.get(actor.id, [])))
        files.actors = len(actors)
        pairs: set[tuple[str, str]] = set()
        for row in membership_rows(actors.values()):
            if (row["person"], row["organisation"]) not in pairs:
                pairs.add((row["person"], row["organisation"]))
                writers[MEMBERSHIPS_CSV].writerow(
                    [row["person"], row["organisation"], "MEMBER_OF", row["role"]])
        files.memberships = len(pairs)
        for document in documents:
            meta = dict(document.meta)
            writers[DOCUMENTS_CSV].writerow([document.id, document.title, document.date,
                                             document.source, document.path, document.url,
                                             *(meta.get(name) for name in kept), "Document"])
            files.documents += 1
    return files


class _Writer:
    """The csv writer's one method we use, typed."""

    def __init__(self, handle: IO[str]) -> None:
        # "\n", not the default "\r\n": the import tool would keep the "\r" in the last
        # column; values with newlines are quoted either way.
        self._writer = csv.writer(handle, lineterminator="\n")

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow(row)


def _event_csv_row(row: dict[str, Any]) -> list[Any]:
    properties = row["properties"]
    return [row["source"], row["target"], row["relation"]] + [
        _value(properties[name]) for name, _ in EVENT_PROPERTIES]


def _actor_csv_row(actor: Actor, forms: list[str]) -> list[Any]:
    row = actor_row(actor, forms)
    packed = ARRAY_DELIMITER.join(form.replace(ARRAY_DELIMITER, "") for form in row["forms"])
    return [row["id"], row["name"], row["type"], row["country"], row["sector"],
            packed or None, ARRAY_DELIMITER.join(["Actor", row["label"]])]


def _value(value: Any) -> Any:
    # The import tool reads booleans as true/false; Python would write True/False.
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _read_forms(path: Path) -> dict[str, list[str]]:
    forms: dict[str, list[str]] = {}
    if path.exists():
        for record in read_jsonl(path):
            if isinstance(record.get("id"), str) and isinstance(record.get("forms"), list):
                forms[record["id"]] = [str(form) for form in record["forms"]]
    return forms


def _kept_fields(documents: list[Document], path: Path) -> list[str]:
    """The --meta-field names the documents carry, in the order first seen."""
    names = list(dict.fromkeys(name for document in documents for name, _ in document.meta))
    for name in names:
        if ":" in name or name in DOCUMENT_HEADER:
            raise InputError(f"{path}: the kept field '{name}' cannot be a column of "
                             "neo4j-admin's CSV files; load with kg load instead")
    return names


def _unique_documents(path: Path) -> Iterator[Document]:
    if not path.exists():
        return
    seen: set[str] = set()
    for number, record in enumerate(read_jsonl(path), start=1):
        try:
            document = Document.from_dict(record)
        except (KeyError, TypeError) as error:
            raise InputError(f"{path}:{number}: not a kg document ({error})") from error
        if document.id not in seen:
            seen.add(document.id)
            yield document
