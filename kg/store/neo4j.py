"""Loading kg's output into Neo4j, idempotently.

Everything is MERGEd on stable ids in ``UNWIND $rows`` batches inside managed
transactions (which the driver retries on transient errors), so loading the same output
twice, or re-running an interrupted load, converges on the same graph.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j.exceptions import AuthError, ClientError, DriverError, Neo4jError, ServiceUnavailable

from kg.errors import InputError, StoreError
from kg.model import Actor, Document, Event
from kg.output import ACTORS, DOCUMENTS, read_events, read_jsonl
from kg.store import queries

T = TypeVar("T")
DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_BATCH_SIZE = 2000


@dataclass(frozen=True)
class Connection:
    """Where and as whom to connect; the password is never part of any message."""

    uri: str = DEFAULT_URI
    user: str = "neo4j"
    password: str | None = None
    database: str | None = None

    @classmethod
    def from_env(cls, uri: str | None = None, user: str | None = None,
                 password: str | None = None, database: str | None = None) -> Connection:
        """Options first, then NEO4J_URI, NEO4J_USER/NEO4J_USERNAME, NEO4J_PASSWORD and
        NEO4J_DATABASE."""
        env = os.environ
        return cls(
            uri=uri or env.get("NEO4J_URI") or DEFAULT_URI,
            user=user or env.get("NEO4J_USER") or env.get("NEO4J_USERNAME") or "neo4j",
            password=password if password is not None else env.get("NEO4J_PASSWORD"),
            database=database or env.get("NEO4J_DATABASE") or None,
        )

    @property
    def safe_uri(self) -> str:
        """The URI without any credentials embedded in it."""
        parts = urlsplit(self.uri)
        if parts.password is None and parts.username is None:
            return self.uri
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
        return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


@dataclass
class Tally:
    """Rows written, split into created and already there."""

    rows: int = 0
    created: int = 0

    @property
    def existing(self) -> int:
        return self.rows - self.created


@dataclass
class LoadStats:
    documents: Tally = field(default_factory=Tally)
    actors: Tally = field(default_factory=Tally)
    memberships: Tally = field(default_factory=Tally)
    events: Tally = field(default_factory=Tally)


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
        where = connection.safe_uri
        auth = (connection.user, connection.password) if connection.password is not None \
            else None
        try:
            driver = GraphDatabase.driver(connection.uri, auth=auth, connection_timeout=10,
                                          max_transaction_retry_time=30)
        except (ValueError, DriverError) as error:
            raise StoreError(f"{where}: not a usable Neo4j URI ({error})") from None
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
        except ClientError as error:
            driver.close()
            raise StoreError(f"{where}: {error.message or error.code}") from None
        except (DriverError, Neo4jError, OSError) as error:
            driver.close()
            raise StoreError(f"{where}: {error}") from None
        return store

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- low level ------------------------------------------------------------------

    def _run(self, query: str, **parameters: Any) -> list[dict[str, Any]]:
        try:
            records, _, _ = self.driver.execute_query(
                query, parameters_=parameters, database_=self.connection.database)
        except (DriverError, Neo4jError) as error:
            raise StoreError(f"{self.connection.safe_uri}: {_describe(error)}") from None
        return [record.data() for record in records]

    def _write_batches(self, query: str, rows: Iterable[dict[str, Any]],
                       counter: str) -> Tally:
        tally = Tally()

        def work(tx: ManagedTransaction, batch: list[dict[str, Any]]) -> int:
            summary = tx.run(query, rows=batch).consume()
            return int(getattr(summary.counters, counter))

        try:
            with self.driver.session(database=self.connection.database) as session:
                for batch in batched(rows, self.batch_size):
                    tally.created += session.execute_write(work, batch)
                    tally.rows += len(batch)
        except (DriverError, Neo4jError) as error:
            raise StoreError(f"{self.connection.safe_uri}: {_describe(error)}") from None
        return tally

    # -- schema ---------------------------------------------------------------------

    def init_schema(self, labels: Iterable[str] = ()) -> None:
        """Constraints and indexes; idempotent. Event ids are unique per relation type."""
        for statement in queries.SCHEMA:
            self._run(statement)
        existing = set(self._run(queries.EVENT_CONSTRAINT_NAMES)[0]["names"])
        for label in sorted(set(labels)):
            if f"event_id_{label.lower()}" not in existing:
                try:
                    statement = queries.event_constraint(label)
                except ValueError as error:
                    raise InputError(str(error)) from None
                self._run(statement)

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
            queries.MERGE_DOCUMENTS, (_document_row(document) for document in documents),
            "nodes_created")
        actors = _actors_of(events)
        stats.actors = self._write_batches(
            queries.MERGE_ACTORS, (_actor_row(actor, forms.get(actor.id, []))
                                   for actor in actors.values()),
            "nodes_created")
        stats.memberships = self._write_batches(
            queries.MERGE_MEMBERSHIPS, _membership_rows(actors.values()),
            "relationships_created")
        stats.events = self._write_batches(
            queries.MERGE_EVENTS, (_event_row(event) for event in events),
            "relationships_created")
        return stats

    def load_folder(self, folder: Path) -> LoadStats:
        """Load a kg output folder (events.jsonl, documents.jsonl)."""
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
        return self.load(events, documents, forms)

    def counts(self) -> tuple[int, int]:
        row = self._run(queries.COUNTS)[0]
        return int(row["nodes"]), int(row["relationships"])

    def wipe(self) -> None:
        """Delete every node and relationship of the database (tests and --replace only)."""
        try:
            with self.driver.session(database=self.connection.database) as session:
                session.run(queries.WIPE).consume()
        except (DriverError, Neo4jError) as error:
            raise StoreError(f"{self.connection.safe_uri}: {_describe(error)}") from None


def _describe(error: Exception) -> str:
    """The driver's message on one line."""
    if isinstance(error, Neo4jError):
        text = error.message or error.code or type(error).__name__
    else:
        text = str(error) or type(error).__name__
    return " ".join(text.split())


def _document_row(document: Document) -> dict[str, Any]:
    return document.to_dict(with_text=False)


def _actors_of(events: Iterable[Event]) -> dict[str, Actor]:
    actors: dict[str, Actor] = {}
    for event in events:
        for mention in (event.source, event.target):
            actor: Actor | None = mention.actor
            while actor is not None:
                actors.setdefault(actor.id, actor)
                actor = actor.member_of
    return actors


def _actor_row(actor: Actor, forms: list[str]) -> dict[str, Any]:
    return {"id": actor.id, "name": actor.name, "type": actor.type, "country": actor.country,
            "sector": actor.sector, "label": queries.ACTOR_LABELS.get(actor.type, "Other"),
            "forms": forms}


def _membership_rows(actors: Iterable[Actor]) -> Iterator[dict[str, Any]]:
    for actor in actors:
        if actor.member_of is not None:
            yield {"person": actor.id, "organisation": actor.member_of.id,
                   "role": actor.sector}


def _event_row(event: Event) -> dict[str, Any]:
    record = event.to_dict()
    return {
        "id": event.id,
        "source": event.source.actor.id,
        "target": event.target.actor.id,
        "relation": event.relation.label,
        "properties": {key: record[key] for key in (
            "id", "cameo", "root", "quad", "goldstein", "date", "negated", "modality",
            "confidence", "sentence", "sentence_start", "sentence_end", "doc_id",
            "extractor")} | {"source_text": event.source.text, "target_text": event.target.text},
    }
