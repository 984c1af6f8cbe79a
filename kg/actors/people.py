"""People: a named person is who the gazetteer says, or whom the words around the name
make them ("Russian Foreign Minister Sergei Lavrov" is a member of Russia's government);
once introduced, a later "Lavrov" is the same person."""

from __future__ import annotations

from dateutil.parser import parserinfo
from spacy.tokens import Span, Token

from kg.actors.context import ActorContext, Match
from kg.actors.places import LAND_NOUNS
from kg.actors.sectors import described_sector, title_sector
from kg.model import Actor
from kg.words import words

CALENDAR = parserinfo()
# nouns of a post that has no sector of its own: "head of the IICD", "chief of Interpol"
POST_NOUNS = words("post noun")


def person(actors: ActorContext, head: Token, phrase: Span, match: Match | None) -> Actor | None:
    """The person a name (or a name already introduced) stands for, if the text says
    whom they speak for."""
    known = actors.people.get(head.text)
    if known is not None and (match is None or match.entry.kind != "actor"):
        return known
    if head.ent_type_ != "PERSON" or head.pos_ != "PROPN":
        return None
    if match is not None and match.entry.kind == "actor" and match.entry.actor is not None \
            and match.entry.actor.type != "state":
        return None  # "Lebanese Shia militia Hizballah": a known organisation, no person
    name = _person_name(actors, head)
    if name is None or is_date(name) or names_a_place(head):
        return None
    known = actors.people.get(name.text)
    if known is not None:
        return known
    affiliation = _affiliation(actors, phrase, name, head) or _titled_at_home(actors, phrase)
    if affiliation is None:
        return None
    found = actors.gazetteer.person(name.text, affiliation)
    _remember(actors, name, found)
    return found


def introduce(actors: ActorContext, head: Token, phrase: Span, match: Match) -> Actor:
    """A person the gazetteer knows, as the text titles them."""
    known = match.entry.actor
    assert known is not None
    # A title in the text outranks the gazetteer's dated role ("former minister" aside),
    # and a state or body the text names outranks the gazetteer's state: "Jordan's King
    # Abdullah" is not the Saudi king of that name, and "U.N. mediator Diego Cordovez"
    # acts for the UN, not for the state he once served.
    affiliation = _affiliation(actors, phrase, actors.doc[match.start:match.end], head)
    if affiliation is not None and (known.member_of is None or
                                    _other_state(affiliation, known.member_of) or
                                    _body_for_state(affiliation, known.member_of)):
        known = actors.gazetteer.person(known.name, affiliation)
    _remember(actors, actors.doc[match.start:match.end], known)
    return known


def is_date(name: Span) -> bool:
    """"Thu Jul 30 2015 ...": a dateline's weekday and month, capitalised like a name
    ("May" or "June" alone may well be one)."""
    weekdays = [CALENDAR.weekday(token.text) is not None for token in name]
    months = [CALENDAR.month(token.text) is not None for token in name]
    calendar = all(weekday or month for weekday, month in zip(weekdays, months, strict=True))
    return calendar and (len(name) > 1 or any(weekdays))


def names_a_place(head: Token) -> bool:
    """"the Salah Eddin neighborhood", "the neighbourhoods of Sheikh Maqsoud and Bani
    Zeid": a name that a land noun makes a district is no person."""
    if head.dep_ == "compound" and head.head.lemma_.lower() in LAND_NOUNS:
        return True
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ != "pobj" or head.head.lower_ != "of":
        return False
    return head.head.head.lemma_.lower() in LAND_NOUNS


def _other_state(named: Actor, known: Actor) -> bool:
    return named.state_country is not None and known.state_country is not None and \
        named.state_country != known.state_country


def _body_for_state(named: Actor, known: Actor) -> bool:
    return named.type in ("igo", "ngo") and known.state_country is not None


def _person_name(actors: ActorContext, head: Token) -> Span | None:
    entity = actors.entities.get(head.i)
    if entity is None or entity.label_ != "PERSON":
        return None
    start = entity.start
    while start < entity.end - 1 and _is_title_word(actors, actors.doc[start]):
        start += 1
    return actors.doc[start:head.i + 1] if head.i >= start else None


def _is_title_word(actors: ActorContext, token: Token) -> bool:
    gazetteer = actors.gazetteer
    return token.lower_ in gazetteer.titles or token.lower_ in gazetteer.title_starts


def _remember(actors: ActorContext, name: Span, found: Actor) -> None:
    actors.people[name.text] = found
    actors.people[name[-1].text] = found
    actors.people[found.name] = found
    actors.people[found.name.split()[-1]] = found


def _affiliation(actors: ActorContext, phrase: Span, name: Span, head: Token) -> Actor | None:
    """Who a named person speaks for, from the words around the name."""
    sector = described_sector(actors.gazetteer, phrase)
    for index in range(phrase.start, name.start)[::-1]:
        match = actors.matches.get(index)
        if match is not None and match.entry.actor is not None and \
                match.entry.kind == "actor":
            return _member_of(actors, match.entry.actor, sector)
    for child in head.children:
        if child.dep_ == "poss":
            owners = actors.resolve(child)
            if owners:
                return _member_of(actors, owners[0].actor, sector)
        if child.dep_ == "appos":
            described = actors.phrase(child)
            sector = described_sector(actors.gazetteer, described)
            for index in range(described.start, described.end):
                match = actors.matches.get(index)
                if match is not None and match.entry.actor is not None:
                    return _member_of(actors, match.entry.actor, sector)
            if sector is not None or child.lemma_.lower() in POST_NOUNS:
                # "Peter Holm, the foreign minister of Norway": the post is of the body
                held = _post_of(actors, child, sector)
                if held is not None:
                    return held
    titled = title_sector(actors.gazetteer, phrase)
    # "President Peter Holm of Norway": a titled name of a state or body
    return _post_of(actors, head, titled) if titled is not None else None


def _post_of(actors: ActorContext, post: Token, sector: str | None) -> Actor | None:
    """Whom a post "of" a state or body is held for: its object's actor. A post with
    no sector of its own is a body's ("head of the Norwegian Refugee Council"): the
    head of a state's office ("head of Idlib's health authority") may be anyone's."""
    for prep in post.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for holder in prep.children:
                owners = actors.resolve(holder) if holder.dep_ == "pobj" else []
                if owners and (sector is not None or owners[0].actor.type != "state"):
                    return _member_of(actors, owners[0].actor, sector)
    return None


def _titled_at_home(actors: ActorContext, phrase: Span) -> Actor | None:
    """"Prime Minister Paul Martin" in a story about Canada: a state office named with
    no state is held in the country the story is about."""
    sector = title_sector(actors.gazetteer, phrase)
    if sector not in actors.gazetteer.state_sectors or sector is None:
        return None
    country = actors.focus_country()
    return actors.gazetteer.state(country, sector) if country else None


def _member_of(actors: ActorContext, actor: Actor, sector: str | None) -> Actor:
    if actor.type == "person":
        return actor.member_of or actor
    if actor.type == "state" and not actor.sector:
        return actors.gazetteer.state(actor.country or actor.id, sector or "GOV")
    return actor
