"""Where kg's Neo4j is and what a load did: plain Python, importable without the driver,
so commands that never touch Neo4j do not pay for importing it."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

DEFAULT_URI = "bolt://localhost:7687"
# Fewer, larger transactions write faster (BENCHMARKS.md, "Neo4j load rate"); 10,000 event
# rows stay well inside a 1 GB server heap.
DEFAULT_BATCH_SIZE = 10_000


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
        """The URI without any credentials embedded in it; never fails, whatever the URI."""
        return _USERINFO.sub(r"\1", self.uri)

    def redact(self, text: str) -> str:
        """``text`` (a driver's message, say) with the URI's credentials and the password
        taken out: drivers quote the URI they were given, userinfo included."""
        text = _USERINFO_ANYWHERE.sub(r"\1", text.replace(self.uri, self.safe_uri))
        # Shorter passwords would blank out ordinary words; they are quoted by nobody.
        if self.password and len(self.password) >= 4:
            text = text.replace(self.password, "***")
        return text


# scheme://user:password@ (the password may itself hold an '@'; the last one ends it).
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\s]*@")
_USERINFO_ANYWHERE = re.compile(r"\b([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\s'\"]*@")


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
