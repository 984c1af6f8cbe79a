"""Which side an actor is on: a person speaks for the body they belong to, a state's
own forces are the state acting, and whose word about violence is blame."""

from __future__ import annotations

from kg.extract.context import SentenceContext
from kg.model import Actor, Mention
from kg.words import words

OWN_POSSESSIVES = words("own possessive")
ARMED_SECTORS = words("armed sector")
# what joins the sides one phrase may name: "Syrian and Lebanese forces"
COORDINATORS = ("and", "or")


def own_forces(context: SentenceContext, source: Mention, target: Mention) -> bool:
    """"Israel withdrew its troops": a state's own forces or government, named by a
    possessive, are the state acting, not whom it acts on."""
    words_ = target.text.lower().split()
    return bool(words_) and words_[0] in OWN_POSSESSIVES and \
        target.actor.sector in context.gazetteer.state_sectors and \
        target.actor.state_country == source.actor.state_country


def one_phrase(source: Mention, target: Mention, allied: bool = False) -> bool:
    """"eight killed in a terrorist bombing": the phrase that names who acted does not
    name an armed group they acted on, unless it names coordinated sides ("clashes
    between rebel and regime fighters"); ``allied``: where a clash names another side
    besides, the phrase's coordinated names are one side ("clashes between the Syrian
    and Lebanese forces and militants"). (A place's phrase may name both its armed
    groups and its people: "a bomber killed ten outside a Moscow station".)"""
    if (source.start, source.end) != (target.start, target.end):
        return False
    coordinated = any(word in COORDINATORS for word in source.text.lower().split())
    return allied if coordinated else target.actor.sector in ARMED_SECTORS


def others(mentions: list[Mention], sources: list[Mention]) -> list[Mention]:
    """The mentions that are not on the side of any source."""
    return [mention for mention in mentions
            if not any(same_side(source.actor, mention.actor) for source in sources)]


def guess_ranks(context: SentenceContext, guesses: list[Mention]) -> list[int]:
    """Each guessed target's place among the guesses, the actors coordinated with the
    first sharing its place: "suspended aid to El Salvador, Guatemala and Honduras" is
    aimed at all three, as "to El Salvador" alone would be at the one."""
    if not guesses:
        return []
    doc = context.sentence.doc
    first = doc.char_span(guesses[0].start, guesses[0].end, alignment_mode="expand")
    joined = {token.i for token in first.root.conjuncts} if first is not None else set()
    ranks = []
    for rank, mention in enumerate(guesses):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        ranks.append(0 if span is not None and span.root.i in joined else rank)
    return ranks


def same_side(source: Actor, target: Actor) -> bool:
    """An actor and itself, or a person and the body they speak for: no dyad between
    them. Two actors of one country are a dyad (a government and its parliament, police
    and protesters): CAMEO codes domestic events like any other."""
    return speaks_for(source).id == speaks_for(target).id


def takes_sides(context: SentenceContext, actor: Actor) -> bool:
    """Whether an actor's word about another's violence is blame: a state and its
    bodies, an international body, a political or armed group; not a monitor, the press
    or the people, whose word is a report."""
    body = speaks_for(actor)
    if body.type in ("igo", "bloc", "group"):
        return True
    sector_type = context.gazetteer.sector_names.get(body.sector or "", ("", "state"))[1]
    return body.type == "state" and sector_type in ("state", "group")


def speaks_for(actor: Actor) -> Actor:
    return actor.member_of if actor.type == "person" and actor.member_of else actor
