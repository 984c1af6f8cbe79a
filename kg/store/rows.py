"""kg's actors and events as the rows written to Neo4j, by the loader and by the
neo4j-admin import export alike."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from kg.model import Actor, Document, Event
from kg.store.queries import ACTOR_LABELS


def document_row(document: Document) -> dict[str, Any]:
    record = document.to_dict(with_text=False)
    # The fields an analyst kept (--meta-field) become properties of the node; never
    # one of its own, which a hand-edited documents.jsonl could otherwise overwrite.
    meta = {name: value for name, value in document.meta if name not in record}
    return {**record, "url": document.url, "meta": meta}


def actors_of(events: Iterable[Event]) -> dict[str, Actor]:
    actors: dict[str, Actor] = {}
    for event in events:
        for mention in (event.source, event.target):
            actor: Actor | None = mention.actor
            while actor is not None:
                actors.setdefault(actor.id, actor)
                actor = actor.member_of
    return actors


def actor_row(actor: Actor, forms: list[str]) -> dict[str, Any]:
    return {"id": actor.id, "name": actor.name, "type": actor.type, "country": actor.country,
            "sector": actor.sector, "label": ACTOR_LABELS.get(actor.type, "Other"),
            "forms": forms}


def membership_rows(actors: Iterable[Actor]) -> Iterator[dict[str, Any]]:
    for actor in actors:
        if actor.member_of is not None:
            yield {"person": actor.id, "organisation": actor.member_of.id,
                   "role": actor.sector}


def event_row(event: Event) -> dict[str, Any]:
    return {"id": event.id, "source": event.source.actor.id, "target": event.target.actor.id,
            "relation": event.relation.label, "properties": event.properties()}
