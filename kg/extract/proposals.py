"""Whose a proposal, resolution, plea or offer is: an answer to one is aimed at
whoever put it forward ("rejected a US-sponsored UN Security Council draft resolution":
the US beside the council), and one nobody is named for at what it asks for ("rejected a
call for its troops to be deployed in Somalia")."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from kg.extract.context import SentenceContext
from kg.extract.ownership import leaders, proposers
from kg.extract.sides import others, speaks_for
from kg.extract.syntax import within
from kg.model import Mention
from kg.words import words

# what one answers, whose owner the answer is aimed at: "rejected a US-sponsored draft"
PROPOSAL_NOUNS = words("proposal noun")
# a resolution is the act of the body that votes on it, not of what it asks for
RESOLUTION_WORDS = words("resolution word")


def proposal_owners(context: SentenceContext, heads: tuple[Token, ...], exclude: str | None,
                     sources: list[Mention], named: list[Mention]) -> list[Mention]:
    """"Rejected a US-sponsored UN Security Council draft resolution": an answer to a
    proposal, resolution, plea or offer is aimed at whoever put it forward as well as at
    the body its phrase names; the owner is not a word of the phrase, so the phrase
    alone never finds them."""
    owners = [owner for head in heads if head.lemma_.lower() in PROPOSAL_NOUNS
              for owner in (*leaders(head), *proposers(head))]
    found = others([mention for owner in owners
                    for mention in context.actors.resolve_each((owner,), exclude) or
                    _stance_name(context, owner)], sources)
    have = {speaks_for(mention.actor).id for mention in named}
    return [mention for mention in found if speaks_for(mention.actor).id not in have]


def asked_for(head: Token) -> Iterable[Token]:
    """The words of what is acted on, where nobody is named for it; for a plea, call or
    invitation, also those of the act it asks for ("rejected a call for its troops to be
    deployed in Somalia": Somalia)."""
    if head.lemma_.lower() not in PROPOSAL_NOUNS - RESOLUTION_WORDS:
        return within(head)
    return [token for token in head.subtree if token.i != head.i]


def _stance_name(context: SentenceContext, name: Token) -> list[Mention]:
    """The state a name before "-sponsored" or "-backed" stands for: matched as a stance
    ("US-backed militia": no member of it), it is still whom the sponsored thing is
    from."""
    states = [entry.actor for entry in context.gazetteer.aliases.get(name.text, [])
              if entry.actor is not None and entry.actor.type == "state"]
    if not states or not states[0].country:
        return []
    return [Mention(name.text, name.idx, name.idx + len(name.text),
                    context.gazetteer.state(states[0].country))]
