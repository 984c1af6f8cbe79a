"""What the extraction stages pass each other: the sentence being read with everything
the rules consult, and the triggers found in it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg.actors.gazetteer import Gazetteer
from kg.actors.resolve import DocumentActors
from kg.lexicon import Lexicon
from kg.model import Document, Relation

Entries = dict[str, Relation]  # the preposition that introduces the target -> relation


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """One sentence of a parsed document, with the lexicon, the gazetteer and the
    document's actor resolution (which remembers earlier sentences for pronouns)."""

    sentence: Span
    document: Document
    actors: DocumentActors
    lexicon: Lexicon
    gazetteer: Gazetteer
    # the sentence's text, cut from the document's once (``Span.text`` joins its tokens)
    text: str
    # what the lexicon says of each verb and noun, by token index: the triggers read it
    # first, the guesses read it again for the words no trigger took
    entries: dict[int, Entries] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence as quoted (``syntax.evidence_span``), read once per sentence: every
    event of the sentence carries the same text and offsets."""

    text: str
    start: int
    end: int

    @classmethod
    def of(cls, span: Span, context: SentenceContext) -> Evidence:
        """The evidence ``span``, a part of the context's sentence."""
        offset = context.sentence.start_char
        return cls(context.text[span.start_char - offset:span.end_char - offset],
                   span.start_char, span.end_char)


@dataclass(frozen=True, slots=True)
class Trigger:
    """An event word with the relation it codes and where its arguments come from."""

    token: Token
    relation: Relation
    sources: tuple[Token, ...]
    targets: tuple[Token, ...]
    inherited_source: bool
    nominal: bool
    statement: bool = False
    reciprocal: bool = False
    # Targets found by the fallback search (any preposition), not the lexicon's frame.
    loose: bool = False
    # No target named: aimed at the government where the act happens (lexicon.HOME).
    home: bool = False
    # Where to look when the act names no target of its own: for such acts, the targets
    # of the act they are done for ("blocked roads to protest the embargo"); for a
    # one-sided agreement, the names in what was agreed ("to set up a centre in Tokyo").
    purpose: tuple[Token, ...] = ()
    # An accusation read from the violence a statement reports ("said the rebels had
    # used chemical weapons"): it stands only where the reported act codes nothing
    # itself; where it does, the act is the event and the speaker only its reporter.
    yields: bool = False
    # An act told as done whatever the verb above it says: an appeal, offer or demand
    # another answers ("rejected the EU proposal"), an attack one comes under. It stands
    # beside that verb's act, not as its content, and is asserted.
    presupposed: bool = False


def triggers_under(indices: set[int], triggers: Iterable[Trigger]) -> list[Trigger]:
    """The triggers whose word is among ``indices`` (a clause's subtree)."""
    return [trigger for trigger in triggers if trigger.token.i in indices]
