"""Where a named actor is, when that changes who it is: a state body named with another
state is that state's ("Congress in the Philippines"), a people named with a place lives
there ("ethnic Albanians in south Serbia"), a capital after "in" is the town, not its
government ("talks in Moscow"), and a country word inside an unknown organisation's name
does not make the organisation that country."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.actors.context import LAND_MODIFIERS, ActorContext, Match
from kg.actors.sectors import agent_sector
from kg.model import Actor, Mention
from kg.words import words

# Where a capital is a place, not its government's seat: "a factory in Moscow"
TOWN_PREPOSITIONS = words("town preposition")
LAND_NOUNS = words("land noun")


def located_body(actors: ActorContext, head: Token, body: Actor) -> Actor | None:
    """"Congress in the Philippines", "the parliament of Kenya": a state body named
    with another state is that state's body."""
    if body.type != "state" or not body.sector:
        return None
    doc = actors.doc
    following = doc[head.i + 1] if head.i + 1 < len(doc) else None
    # the parser often hangs the phrase on the verb: "urged Congress in the Philippines"
    attached = [following] if following is not None and following.dep_ == "prep" and \
        following.head.i == head.head.i and head.dep_ in ("dobj", "nsubj") else []
    # "Kenya's Liberal Democratic Party", "Congress in the Philippines"
    owners = [child for child in head.children if child.dep_ == "poss"]
    owners += [place for child in [*head.children, *attached]
               if child.dep_ == "prep" and child.lower_ in ("in", "of")
               for place in child.children if place.dep_ == "pobj"]
    for owner in owners:
        for mention in actors.resolve(owner):
            country = mention.actor.state_country
            if mention.actor.type == "state" and country and country != body.country:
                return actors.gazetteer.state(country, body.sector)
    return None


def residence(actors: ActorContext, head: Token, phrase: Span,
              own_phrase: bool = False) -> list[Mention]:
    """The people of the state a people is named with: "Albanians in Serbia", or where
    they act: "Albanians demonstrated in Serbia"."""
    places = [*head.children,
              *(head.head.children if head.dep_ == "nsubj" and not own_phrase else ())]
    for child in places:
        if child.dep_ == "prep" and child.lower_ in ("in", "of") and \
                (child.head.i == head.i or child.lower_ == "in"):
            for place in child.children:
                if place.dep_ != "pobj":
                    continue
                states = [mention.actor for mention in actors.resolve(place)
                          if mention.actor.type == "state"]
                if states:
                    # its people, not the state they live in
                    people = actors.gazetteer.state(states[0].state_country or states[0].id,
                                                    "CVL")
                    return [actors.mention(phrase, people)]
    return []


def capital_as_place(actors: ActorContext, head: Token, match: Match) -> bool:
    """"talks in Moscow", "the Damascus countryside", "rural Damascus": the city or the
    land around it, not the government seated there."""
    actor = match.entry.actor
    if actor is None or actor.type != "state" or actor.sector != "GOV":
        return False
    located = head.dep_ == "pobj" and head.head.lower_ in TOWN_PREPOSITIONS
    land = (head.dep_ == "compound" and head.head.lemma_.lower() in LAND_NOUNS) or \
        any(child.dep_ in ("amod", "compound") and child.lower_ in LAND_MODIFIERS
            for child in head.children)
    if not located and not land:
        return False
    return actors.gazetteer.is_capital(actors.doc[match.start:match.end].text)


def unknown_organisation(actors: ActorContext, head: Token, match: Match) -> bool:
    """"Syrian" inside an organisation the gazetteer lacks does not make it Syria."""
    if head.ent_type_ != "ORG" or match.entry.actor is None:
        return False
    if match.entry.actor.type != "state":
        return False
    entity = actors.entities.get(head.i)
    if entity is None:
        return False
    if head.dep_ == "pobj" and head.head.lower_ in TOWN_PREPOSITIONS and \
            entity.start <= head.head.i:
        return False  # "the Castello Road in Aleppo" read as one name: Aleppo is a place
    # "Egypt & Jordan": names joined by a conjunction are the names, not a company's.
    # An analyst's alias names the whole organisation: in "The Black Sea Fleet" only
    # the article, which the tagger takes into the entity, is outside it.
    # A land's word ("Eastern Ghouta", "Rural Damascus", which the tagger may take for
    # an organisation) says which part of the place, not whose body it is.
    covered = all(index in actors.matches or actors.doc[index].pos_ in ("CCONJ", "PUNCT")
                  or (match.entry.analyst and actors.doc[index].pos_ == "DET")
                  or actors.doc[index].lower_ in LAND_MODIFIERS
                  for index in range(entity.start, entity.end))
    return not covered and agent_sector(actors.gazetteer, entity) is None
