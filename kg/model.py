"""The records that flow between kg's stages: Document -> Mention -> Event -> Graph.

Every record is a frozen dataclass with ``to_dict``/``from_dict`` so that each stage's
output round-trips through JSONL and ``kg extract``, ``kg load`` and ``kg export`` can run
apart. The dict shapes are the public file formats documented in the README.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal, TypeVar, get_args

ActorType = Literal["state", "igo", "ngo", "group", "person", "bloc", "other"]
Modality = Literal["asserted", "hedged", "future", "conditional"]
QuadClass = Literal["verbal cooperation", "material cooperation", "verbal conflict",
                    "material conflict"]
ACTOR_TYPES: tuple[ActorType, ...] = get_args(ActorType)
MODALITIES: tuple[Modality, ...] = get_args(Modality)
# An event's properties where it is one relationship between two actors (Neo4j, the
# neo4j-admin import files): the relation is the relationship's type, the actors its
# ends, and these travel with it, in this order, with these types.
EVENT_PROPERTIES: tuple[tuple[str, type], ...] = (
    ("id", str), ("cameo", str), ("root", str), ("quad", str), ("goldstein", float),
    ("date", str), ("negated", bool), ("modality", str), ("confidence", float),
    ("sentence", str), ("sentence_start", int), ("sentence_end", int), ("doc_id", str),
    ("extractor", str), ("source_text", str), ("target_text", str), ("sentence_key", str),
)
_WORD = re.compile(r"\w+")

Choice = TypeVar("Choice", bound=str)


def one_of(value: object, choices: tuple[Choice, ...], what: str) -> Choice:
    """``value`` as one of ``choices``, or a ValueError naming what it should have been."""
    if value not in choices:
        raise ValueError(f"{what} must be one of {', '.join(choices)}, not {value!r}")
    return value


@dataclass(frozen=True, slots=True)
class Document:
    """One article: the unit the extractor reads and the evidence points back to."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    path: str | None = None
    # The page's own (canonical) address, for a saved web page.
    url: str | None = None
    # Fields of the input row an analyst asked to keep (--meta-field), as text.
    meta: tuple[tuple[str, str], ...] = ()

    def to_dict(self, *, with_text: bool = True) -> dict[str, Any]:
        record: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "path": self.path,
        }
        # Only when present, so that outputs of inputs without them stay as they were.
        if self.url is not None:
            record["url"] = self.url
        if self.meta:
            record["meta"] = dict(self.meta)
        if with_text:
            record["text"] = self.text
        return record

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Document:
        meta = record.get("meta")
        return cls(
            id=str(record["id"]),
            text=str(record.get("text") or ""),
            title=record.get("title"),
            date=record.get("date"),
            source=record.get("source"),
            path=record.get("path"),
            url=record.get("url"),
            meta=tuple((str(key), str(value)) for key, value in meta.items()
                       if value is not None) if isinstance(meta, dict) else (),
        )


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor: a state (or one of its sectors), organisation, bloc or person."""

    id: str
    name: str
    type: ActorType
    country: str | None = None
    sector: str | None = None
    member_of: Actor | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "sector": self.sector,
            "member_of": self.member_of.to_dict() if self.member_of else None,
        }

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Actor:
        parent = record.get("member_of")
        return cls(
            id=str(record["id"]),
            name=str(record["name"]),
            type=one_of(record.get("type") or "other", ACTOR_TYPES, "actor type"),
            country=record.get("country"),
            sector=record.get("sector"),
            member_of=cls.from_dict(parent) if parent else None,
        )

    @property
    def state_country(self) -> str | None:
        """The country this actor speaks for, directly or through ``member_of``."""
        if self.country:
            return self.country
        return self.member_of.state_country if self.member_of else None

    def compatriot(self, other: Actor) -> bool:
        """Whether both speak for the same country."""
        return self.state_country is not None and self.state_country == other.state_country


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor as written in a document, with character offsets into the document text."""

    text: str
    start: int
    end: int
    actor: Actor

    def to_dict(self) -> dict[str, Any]:
        return {**self.actor.to_dict(), "text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Mention:
        return cls(
            text=str(record["text"]),
            start=int(record["start"]),
            end=int(record["end"]),
            actor=Actor.from_dict(record),
        )


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation label with its CAMEO coding, as the relation lexicon defines it."""

    label: str
    cameo: str
    goldstein: float

    @property
    def root(self) -> str:
        return self.cameo[:2]

    @property
    def quad(self) -> QuadClass:
        return quad_class(self.root)


def quad_class(root: str) -> QuadClass:
    """The CAMEO QuadClass of a two-digit root code."""
    number = int(root)
    if number <= 5:
        return "verbal cooperation"
    if number <= 8:
        return "material cooperation"
    if number <= 13:
        return "verbal conflict"
    return "material conflict"


def event_id(doc_id: str, sentence_start: int, sentence_end: int,
             source_id: str, relation: str, target_id: str) -> str:
    """A stable id, so that re-running a build or a load never duplicates an event."""
    key = "\x1f".join([doc_id, str(sentence_start), str(sentence_end),
                       source_id, relation, target_id])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


# The events of a sentence share its text, and the writer, the graph and the map each ask
# for its digest: the last few thousand sentences' digests are kept.
@lru_cache(maxsize=4096)
def sentence_digest(sentence: str) -> str:
    """The same digest for every copy of a sentence: page furniture and wire copies
    repeat a sentence verbatim across documents, give or take case, spacing, quotes and
    dashes, and such copies are one piece of evidence however often they are read."""
    words = _WORD.findall(unicodedata.normalize("NFKC", sentence).casefold())
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Event:
    """One dyadic event with its evidence: who did what to whom, where it was read."""

    doc_id: str
    sentence: str
    sentence_start: int
    sentence_end: int
    source: Mention
    target: Mention
    relation: Relation
    negated: bool = False
    modality: Modality = "asserted"
    date: str | None = None
    confidence: float = 0.5
    extractor: str = ""
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", event_id(
                self.doc_id, self.sentence_start, self.sentence_end,
                self.source.actor.id, self.relation.label, self.target.actor.id))

    @property
    def sentence_key(self) -> str:
        """``sentence_digest`` of the sentence: what counts copies of it once."""
        return sentence_digest(self.sentence)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "sentence_key": self.sentence_key,
            "source": self.source.to_dict(),
            "target": self.target.to_dict(),
            "relation": self.relation.label,
            "cameo": self.relation.cameo,
            "root": self.relation.root,
            "quad": self.relation.quad,
            "goldstein": self.relation.goldstein,
            "negated": self.negated,
            "modality": self.modality,
            "date": self.date,
            "confidence": self.confidence,
            "extractor": self.extractor,
        }

    def properties(self) -> dict[str, Any]:
        """The event's ``EVENT_PROPERTIES``, as a relationship carries them."""
        record = self.to_dict() | {"source_text": self.source.text,
                                   "target_text": self.target.text}
        return {name: record[name] for name, _ in EVENT_PROPERTIES}

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Event:
        return cls(
            id=str(record["id"]),
            doc_id=str(record["doc_id"]),
            sentence=str(record["sentence"]),
            sentence_start=int(record["sentence_start"]),
            sentence_end=int(record["sentence_end"]),
            source=Mention.from_dict(record["source"]),
            target=Mention.from_dict(record["target"]),
            relation=Relation(str(record["relation"]), str(record["cameo"]),
                              float(record["goldstein"])),
            negated=bool(record.get("negated", False)),
            modality=one_of(record.get("modality") or "asserted", MODALITIES, "modality"),
            date=record.get("date"),
            confidence=float(record.get("confidence", 0.5)),
            extractor=str(record.get("extractor") or ""),
        )


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A mention in an actor position that resolved to no actor: reported, never dropped."""

    doc_id: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Unresolved:
        return cls(str(record["doc_id"]), str(record["text"]), int(record["start"]),
                   int(record["end"]))


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """What the extractor read in one document."""

    document: Document
    sentences: int
    events: tuple[Event, ...]
    unresolved: tuple[Unresolved, ...]

    def payload(self) -> dict[str, Any]:
        """Everything but the document itself, which the reader supplies again."""
        return {"sentences": self.sentences,
                "events": [event.to_dict() for event in self.events],
                "unresolved": [item.to_dict() for item in self.unresolved]}

    @classmethod
    def from_payload(cls, document: Document, payload: dict[str, Any]) -> DocumentResult:
        return cls(document, int(payload["sentences"]),
                   tuple(Event.from_dict(event) for event in payload["events"]),
                   tuple(Unresolved.from_dict(item) for item in payload["unresolved"]))
