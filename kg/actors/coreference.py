"""What pronouns and short references point back to: the most recent fitting actor the
document mentioned, preferring subjects for subjects ("Russia said it would ...")."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.actors.context import ActorContext
from kg.model import Actor, Mention
from kg.words import pronouns

PERSON_PRONOUNS = pronouns("person")
GROUP_PRONOUNS = pronouns("thing", "group")
RELATIVE_PRONOUNS = pronouns("relative")
# How many tokens back a pronoun may look for its antecedent (about three sentences).
ANTECEDENT_WINDOW = 120
# A short reference ("the organisation", "the regime") may look three times as far.
REFERENCE_WINDOW = ANTECEDENT_WINDOW * 3


def pronoun(actors: ActorContext, head: Token) -> list[Mention]:
    lower = head.lower_
    if lower in RELATIVE_PRONOUNS:
        clause = head.head
        if clause.dep_ == "relcl":
            return actors.resolve(clause.head)
        return []
    if lower in PERSON_PRONOUNS:
        wanted = "person"
    elif lower in GROUP_PRONOUNS:
        wanted = "group"
    else:
        return []
    antecedent = _antecedent(actors, head, wanted)
    if antecedent is None:
        return []
    return [Mention(text=head.text, start=head.idx, end=head.idx + len(head.text),
                    actor=antecedent)]


def _antecedent(actors: ActorContext, head: Token, wanted: str) -> Actor | None:
    """Subjects and possessives refer back to an earlier subject by preference; an
    object pronoun ("condemning him") to anyone but its own clause's subject."""

    def fits(actor: Actor) -> bool:
        return (actor.type == "person") == (wanted == "person")

    candidates = [(index, mention, subject) for index, mention, subject in actors.history
                  if index < head.i and head.i - index <= ANTECEDENT_WINDOW
                  and fits(mention.actor)]
    if head.dep_ in ("nsubj", "nsubjpass", "poss"):
        for _, mention, subject in reversed(candidates):
            if subject:
                return mention.actor
        return candidates[-1][1].actor if candidates else None
    own_subjects = {child.i for child in head.head.children
                    if child.dep_ in ("nsubj", "nsubjpass")}
    for index, mention, _ in reversed(candidates):
        if index not in own_subjects:
            return mention.actor
    return None


def recent(actors: ActorContext, accept: Callable[[Actor], bool], head: Token) -> Actor | None:
    """The latest actor before ``head`` that ``accept`` takes: what "the organisation"
    or "the country" refers to."""
    for index, mention, _ in reversed(actors.history):
        if index < head.i and head.i - index <= REFERENCE_WINDOW and accept(mention.actor):
            return mention.actor
    return None
