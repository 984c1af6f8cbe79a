"""Loading kg's output into Neo4j, idempotently.

Documents and actors are MERGEd on stable ids; events are created only where a lookup of
their ids on the per-type index finds none. All of it runs in ``UNWIND $rows`` batches
inside managed transactions (which the driver retries on transient errors), so loading
the same output twice, or re-running an interrupted load, converges on the same graph.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from neo4j import Driver, GraphDatabase, ManagedTransaction, Session
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConstraintError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
)

from kg.errors import InputError, StoreError
from kg.lock import output_lock
from kg.model import Document, Event
from kg.output import ACTORS, DOCUMENTS, read_events, read_jsonl
from kg.store import queries
from kg.store.connection import DEFAULT_BATCH_SIZE, Connection, LoadStats, Tally
from kg.store.rows import actor_row, actors_of, document_row, event_row, membership_rows

T = TypeVar("T")
Work = Callable[[ManagedTransaction, list[dict[str, Any]]], int]
# The driver retries transient errors (deadlocks between two loads among them) but not a
# uniqueness-constraint failure, which two loads writing the same new node or event at the
# same moment can meet. Run again, the batch finds what the other load created.
CONFLICT_ATTEMPTS = 5
CONFLICT_PAUSE = 0.2  # seconds, times the attempt number, plus jitter

SCHEMA_ALREADY_THERE = frozenset({"Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
                                  "Neo.ClientError.Schema.IndexAlreadyExists",
                                  "Neo.ClientError.Schema.ConstraintAlreadyExists"})
# A constraint's index is created, and committed, before the constraint itself: a server
# killed in between keeps the index (POPULATING for ever, owned by no constraint), and
# every later CREATE CONSTRAINT of that name fails with this code until it is dropped.
NAME_TAKEN = "Neo.ClientError.Schema.IndexWithNameAlreadyExists"

# The driver logs each retry as a multi-line WARNING; with no logging configured Python
# would print it on stderr, where kg promises one-line messages. A NullHandler stops
# that fallback; an application that configures logging still receives the records.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class Neo4jStore:
    """kg's graph in Neo4j.

    Example:
        >>> with Neo4jStore.connect(Connection.from_env()) as store:
        ...     stats = store.load_folder(Path("kg-out"))
    """

    def __init__(self, driver: Driver, connection: Connection,
                 batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        self.driver = driver
        self.connection = connection
        self.batch_size = batch_size

    @classmethod
    def connect(cls, connection: Connection, batch_size: int = DEFAULT_BATCH_SIZE) -> Neo4jStore:
        try:
            return cls._connect(connection, batch_size)
        except StoreError as error:
            raise StoreError(connection.redact(str(error))) from None

    @classmethod
    def _connect(cls, connection: Connection, batch_size: int) -> Neo4jStore:
        where = connection.safe_uri
        auth = (connection.user, connection.password) if connection.password is not None \
            else None
        try:
            driver = GraphDatabase.driver(connection.uri, auth=auth, connection_timeout=10,
                                          max_transaction_retry_time=30)
        except (ValueError, DriverError) as error:
            raise StoreError(f"{where}: not a usable Neo4j URI ({_describe(error)})") from None
        store = cls(driver, connection, batch_size)
        try:
            driver.verify_connectivity()
            store._run("RETURN 1")
        except AuthError:
            driver.close()
            raise StoreError(f"{where}: Neo4j refused the credentials of user "
                             f"'{connection.user}'") from None
        except ServiceUnavailable:
            driver.close()
            raise StoreError(f"{where}: cannot reach Neo4j (is the server running?)") from None
        except (DriverError, Neo4jError, OSError, ValueError) as error:
            driver.close()
            raise StoreError(f"{where}: {_describe(error)}") from None
        return store

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- low level ------------------------------------------------------------------

    def _error(self, error: Exception, note: str = "") -> StoreError:
        return StoreError(self.connection.redact(
            f"{self.connection.safe_uri}: {_describe(error)}{note}"))

    def _run(self, query: str, **parameters: Any) -> list[dict[str, Any]]:
        try:
            records, _, _ = self.driver.execute_query(
                query, parameters_=parameters, database_=self.connection.database)
        except (DriverError, Neo4jError) as error:
            raise self._error(error) from None
        return [record.data() for record in records]

    def _write_batches(self, rows: Iterable[dict[str, Any]], work: Work,
                       tally: Tally | None = None) -> Tally:
        """``work`` on each batch of ``rows``, one retried transaction per batch."""
        tally = tally if tally is not None else Tally()
        try:
            with self.driver.session(database=self.connection.database) as session:
                for batch in batched(rows, self.batch_size):
                    tally.created += self._execute_write(session, work, batch)
                    tally.rows += len(batch)
        except (DriverError, Neo4jError) as error:
            raise self._error(error) from None
        return tally

    def _execute_write(self, session: Session, work: Work, batch: list[dict[str, Any]]) -> int:
        """One batch in one retried transaction, run again on a constraint conflict."""
        for attempt in range(1, CONFLICT_ATTEMPTS + 1):
            try:
                return int(session.execute_write(work, batch))
            except ConstraintError as error:
                if attempt == CONFLICT_ATTEMPTS:
                    raise self._error(error, f" (still failing after {attempt} attempts)") \
                        from None
                time.sleep(CONFLICT_PAUSE * attempt * (1 + random.random()))
        raise AssertionError("unreachable")

    # -- schema ---------------------------------------------------------------------

    def init_schema(self, labels: Iterable[str] = ()) -> None:
        """Constraints and indexes; idempotent. Event ids are unique per relation type."""
        for statement in queries.SCHEMA:
            self._run_schema(statement)
        existing = set(self._run(queries.EVENT_CONSTRAINT_NAMES)[0]["names"])
        try:
            missing = [queries.event_constraint(label) for label in sorted(set(labels))
                       if f"event_id_{label.lower()}" not in existing]
        except ValueError as error:
            raise InputError(str(error)) from None
        if not missing:
            return
        # One schema transaction costs about as much as one constraint; a concurrent load
        # creating the same rule, or an index a killed server left behind, fails it as a
        # whole, and then each rule goes on its own.
        try:
            with self.driver.session(database=self.connection.database) as session:
                session.execute_write(_run_all, missing)
        except ClientError as error:
            if error.code not in SCHEMA_ALREADY_THERE | {NAME_TAKEN}:
                raise self._error(error) from None
            for statement in missing:
                self._run_schema(statement)
        except (DriverError, Neo4jError) as error:
            raise self._error(error) from None

    def _run_schema(self, statement: str) -> None:
        """A CREATE ... IF NOT EXISTS. Two loads creating the same rule at the same moment
        can both pass the check, and the second is told the rule already exists, which
        is exactly what IF NOT EXISTS asks for. A constraint whose name is taken by an
        index no constraint owns (a creation cut short by a crash) gets that index
        dropped and is created again."""
        for attempt in (1, 2):
            try:
                self.driver.execute_query(statement, database_=self.connection.database)
                return
            except ClientError as error:
                if error.code in SCHEMA_ALREADY_THERE:
                    return
                if error.code != NAME_TAKEN or attempt == 2:
                    raise self._error(error) from None
            except (DriverError, Neo4jError) as error:
                raise self._error(error) from None
            self._drop_orphan_index(queries.schema_name(statement))

    def _drop_orphan_index(self, name: str) -> None:
        """Drop the index called ``name`` if no constraint owns it. A creation still in
        progress holds the schema lock, so a CREATE that met its index waited for it and
        found the constraint; the index met here is one nobody will finish."""
        if not self._run(queries.ORPHAN_INDEX, name=name):
            return
        try:
            self.driver.execute_query(queries.drop_index(name),
                                      database_=self.connection.database)
        except Neo4jError as error:
            # Another load dropped it first, or completed its constraint: either way the
            # next CREATE ... IF NOT EXISTS settles it.
            if not self._run(queries.ORPHAN_INDEX, name=name):
                return
            raise self._error(error) from None
        except DriverError as error:
            raise self._error(error) from None

    # -- loading --------------------------------------------------------------------

    def load(self, events: Sequence[Event], documents: Iterable[Document] = (),
             forms: dict[str, list[str]] | None = None) -> LoadStats:
        """Write documents, actors (with the surface ``forms`` seen for each), memberships
        and events; a failure says how to finish the job."""
        try:
            return self._load(events, documents, forms or {})
        except StoreError as error:
            raise StoreError(f"{error}; the load stopped part-way: re-run the same command "
                             "to finish it, nothing will be duplicated") from None

    def _load(self, events: Sequence[Event], documents: Iterable[Document],
              forms: dict[str, list[str]]) -> LoadStats:
        stats = LoadStats()
        self.init_schema({event.relation.label for event in events})
        stats.documents = self._write_batches(
            (document_row(document) for document in documents),
            _statement(queries.MERGE_DOCUMENTS, "nodes_created"))
        actors = actors_of(events)
        stats.actors = self._write_batches(
            (actor_row(actor, forms.get(actor.id, [])) for actor in actors.values()),
            _statement(queries.MERGE_ACTORS, "nodes_created"))
        stats.memberships = self._write_batches(
            membership_rows(actors.values()),
            _statement(queries.MERGE_MEMBERSHIPS, "relationships_created"))
        stats.events = self._write_events(events)
        return stats

    def _write_events(self, events: Sequence[Event]) -> Tally:
        """Events whose ids are not loaded yet, created; the rest counted as already there.

        One event id seen twice in the input (an article repeated under one id) is one
        relationship, as a MERGE would make it.
        """
        unique: dict[str, Event] = {}
        for event in events:
            unique.setdefault(event.id, event)
        tally = Tally(rows=len(events) - len(unique))
        # By type, so that a batch asks about few types: one lookup per type.
        by_label = sorted(unique.values(), key=lambda event: event.relation.label)
        return self._write_batches(map(event_row, by_label), _create_new_events, tally)

    def load_folder(self, folder: Path) -> LoadStats:
        """Load a kg output folder (events.jsonl, documents.jsonl)."""
        # Read while no build writes the folder: events and documents of one run.
        with output_lock(folder, shared=True):
            events, documents, forms = self._read_folder(folder)
        return self.load(events, documents, forms)

    def _read_folder(self, folder: Path) -> tuple[list[Event], list[Document],
                                                  dict[str, list[str]]]:
        events = list(read_events(folder))
        documents_path = folder / DOCUMENTS
        documents: list[Document] = []
        if documents_path.exists():
            for number, record in enumerate(read_jsonl(documents_path), start=1):
                try:
                    documents.append(Document.from_dict(record))
                except (KeyError, TypeError) as error:
                    raise InputError(f"{documents_path}:{number}: not a kg document "
                                     f"({error})") from error
        forms: dict[str, list[str]] = {}
        actors_path = folder / ACTORS
        if actors_path.exists():
            for record in read_jsonl(actors_path):
                if isinstance(record.get("id"), str) and isinstance(record.get("forms"), list):
                    forms[record["id"]] = [str(form) for form in record["forms"]]
        return events, documents, forms

    def counts(self) -> tuple[int, int]:
        row = self._run(queries.COUNTS)[0]
        return int(row["nodes"]), int(row["relationships"])

    def wipe(self) -> None:
        """Delete every node and relationship of the database (tests and --replace only)."""
        try:
            with self.driver.session(database=self.connection.database) as session:
                session.run(queries.WIPE).consume()
        except (DriverError, Neo4jError) as error:
            raise self._error(error) from None


def _statement(query: str, counter: str) -> Work:
    """A batch's work: run ``query`` over its rows and count what ``counter`` says."""
    def work(tx: ManagedTransaction, batch: list[dict[str, Any]]) -> int:
        summary = tx.run(query, rows=batch).consume()
        return int(getattr(summary.counters, counter))
    return work


def _create_new_events(tx: ManagedTransaction, batch: list[dict[str, Any]]) -> int:
    """Look the batch's ids up per relation type, fill in what those found lack, then
    create the events not found."""
    ids_by_label: dict[str, list[str]] = {}
    for row in batch:
        ids_by_label.setdefault(row["relation"], []).append(row["id"])
    loaded: set[str] = set()
    for label, ids in ids_by_label.items():
        try:
            query = queries.existing_events(label)
        except ValueError as error:
            raise InputError(str(error)) from None
        loaded.update(record["id"] for record in tx.run(query, ids=ids))
    for label in ids_by_label:
        old_rows = [row for row in batch if row["relation"] == label and row["id"] in loaded]
        if old_rows:
            tx.run(queries.fill_missing(label), rows=old_rows).consume()
    new_rows = [row for row in batch if row["id"] not in loaded]
    if not new_rows:
        return 0
    summary = tx.run(queries.CREATE_EVENTS, rows=new_rows).consume()
    return int(summary.counters.relationships_created)


def _run_all(tx: ManagedTransaction, statements: list[str]) -> None:
    for statement in statements:
        tx.run(statement).consume()


def _describe(error: Exception) -> str:
    """The driver's message on one line."""
    if isinstance(error, Neo4jError):
        text = error.message or error.code or type(error).__name__
    else:
        text = str(error) or type(error).__name__
    return " ".join(text.split())


