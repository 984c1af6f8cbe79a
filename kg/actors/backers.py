"""Armed men named by whom they back: "pro-government fighters", "pro-regime
militiamen", "pro-Assad gunmen", "pro-Damascus forces" fight for that government, as
its forces do, as do "government fighters" and "regime militiamen", though "fighters"
alone are rebels; "anti-government fighters" stay rebels."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.actors.context import ActorContext
from kg.actors.groups import governed_country
from kg.model import Actor
from kg.words import words

BACKING_PREFIXES = words("backing prefix")
GOVERNMENT_OWNERS = words("government owner")
# the sectors of agent words whose side their backing tells ("fighters", "gunmen",
# "militiamen", "forces"), not police or spies, who are a state's whoever they back
PARTISAN_SECTORS = words("partisan sector")
# what a government's leader is a member of
GOVERNING_SECTORS = words("governing sector")


def backed_government(actors: ActorContext, head: Token, phrase: Span,
                      exclude_country: str | None) -> Actor | None:
    """The forces of the government that armed men are named as backing."""
    if actors.gazetteer.agents.get(head.lower_) not in PARTISAN_SECTORS:
        return None
    before = [token for token in phrase if token.i < head.i and token.text != "-"]
    for prefix, backed in zip(before, before[1:], strict=False):
        if prefix.lower_ in BACKING_PREFIXES:
            country = _government_country(actors, head, backed, exclude_country)
            return actors.gazetteer.state(country, "MIL") if country else None
    # "government fighters", "30 regime militiamen": the story's government's own armed
    # men, as "pro-government" ones are; not "anti-government fighters", nor "Iraqi
    # government forces", which name their state themselves
    owner = before[-1] if before else None
    if owner is not None and owner.i == head.i - 1 and owner.lower_ in GOVERNMENT_OWNERS and \
            all(token.pos_ in ("DET", "NUM") for token in before[:-1]):
        country = governed_country(actors, head, exclude_country)
        return actors.gazetteer.state(country, "MIL") if country else None
    return None


def _government_country(actors: ActorContext, head: Token, backed: Token,
                        exclude_country: str | None) -> str | None:
    """Whose government a word names: "government" or "regime" that of the story, a
    capital ("Damascus") its state's, a head of state or government ("Assad") the state
    he governs; but those two only in that state's own story, since men abroad backing
    it ("pro-Moscow rebels" in Ukraine, "pro-Tehran militias" in Iraq) are no part of
    its forces."""
    governed = governed_country(actors, head, exclude_country)
    if backed.lower_ in GOVERNMENT_OWNERS:
        return governed
    country = _capital_country(actors, backed) or _leader_country(actors, backed)
    return country if country is not None and country == governed else None


def _capital_country(actors: ActorContext, backed: Token) -> str | None:
    gazetteer = actors.gazetteer
    return gazetteer.country_of_place(backed.text) if gazetteer.is_capital(backed.text) else None


def _leader_country(actors: ActorContext, backed: Token) -> str | None:
    for entry in actors.gazetteer.aliases.get(backed.text, []):
        body = entry.actor.member_of if entry.actor is not None else None
        if entry.kind == "person" and body is not None and body.type == "state" and \
                body.sector in GOVERNING_SECTORS:
            return body.state_country
    return None
