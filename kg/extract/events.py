"""Events from triggers: each pair of source and target actors becomes an Event with its
mood, its code in that mood, its evidence and a confidence; then, like the CAMEO coders,
only the sentence's main acts are kept, not acts that are the content of another."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.attribution import same_side, source_mentions, speaks_for, target_mentions
from kg.extract.context import SentenceContext, Trigger
from kg.extract.entries import STATEMENT_ROOTS, frames_an_act
from kg.extract.mood import coded_relation, is_negated, modality_of
from kg.extract.syntax import ASIDE_DEPS
from kg.model import Event, Mention, Relation
from kg.words import cameo_codes, pronouns, words

PRONOUNS = pronouns()
MILITARY_ROOTS = cameo_codes("military force")
OWN_POSSESSIVES = words("own possessive")


def trigger_events(context: SentenceContext, trigger: Trigger, evidence: Span,
                   extractor: str) -> Iterator[Event]:
    """The events one trigger codes, evidence being the sentence as it is quoted."""
    sources = source_mentions(context, trigger)
    if not sources:
        return
    negated = is_negated(trigger.token)
    modality = modality_of(trigger.token)
    targets = target_mentions(context, trigger, sources)
    if trigger.statement:
        # A statement is about the first other party the clause names; a demand
        # that "X and Y must agree" is made on both.
        targets = [mention for mention in targets
                   if mention.text.lower() not in PRONOUNS
                   and not any(same_side(source.actor, mention.actor) for source in sources)]
        if trigger.relation.root in STATEMENT_ROOTS:
            targets = targets[:1]
    relation = coded_relation(context.lexicon, trigger.relation, modality, trigger.token)
    for source in sources:
        for target in targets:
            if same_side(source.actor, target.actor) or \
                    _own_forces(context, source, target):
                continue
            yield Event(
                doc_id=context.document.id,
                sentence=evidence.text,
                sentence_start=evidence.start_char,
                sentence_end=evidence.end_char,
                source=source,
                target=target,
                relation=_by_whom(context, relation, source),
                negated=negated,
                modality=modality,
                date=context.document.date,
                confidence=_confidence(trigger, source, target),
                extractor=extractor,
            )


def _by_whom(context: SentenceContext, relation: Relation, source: Mention) -> Relation:
    """Military force (19) used by armed groups, crowds or anyone but a state or an
    international force is irregular violence (18), as CAMEO codes "gunmen killed"; the
    verb's label stays."""
    if relation.root not in MILITARY_ROOTS:
        return relation
    actor = speaks_for(source.actor)
    if actor.type in ("igo", "bloc") or \
            (actor.type == "state" and actor.sector in context.gazetteer.state_sectors):
        return relation
    irregular = context.lexicon.rules["irregular violence"]
    return Relation(relation.label, irregular.cameo, irregular.goldstein)


def _own_forces(context: SentenceContext, source: Mention, target: Mention) -> bool:
    """"Israel withdrew its troops": a state's own forces or government, named by a
    possessive, are the state acting, not whom it acts on."""
    words_ = target.text.lower().split()
    return bool(words_) and words_[0] in OWN_POSSESSIVES and \
        target.actor.sector in context.gazetteer.state_sectors and \
        target.actor.state_country == source.actor.state_country


def _confidence(trigger: Trigger, source: Mention, target: Mention) -> float:
    score = 0.9
    if trigger.nominal:
        score -= 0.1
    if trigger.inherited_source:
        score -= 0.1
    for mention in (source, target):
        if mention.text.lower() in PRONOUNS:
            score -= 0.15
    return round(max(score, 0.1), 2)


def main_acts(context: SentenceContext,
              coded: list[tuple[Trigger, list[Event]]]) -> Iterator[Event]:
    """The events of the sentence's main acts: an act below another one ("demanded an
    admission that forces murdered officers") is that act's content."""
    # "Italy announced a suspension of links with X": what is announced is the act.
    # "wrote to Bush urging him to send troops": what is said is the act.
    coding = {trigger.token.i for trigger, events in coded
              if events and trigger.relation.root not in STATEMENT_ROOTS}
    coded = [(trigger, events) for trigger, events in coded
             if not (trigger.relation.root in STATEMENT_ROOTS and not trigger.nominal
                     and any(token.i in coding for token in trigger.token.subtree))]
    acting = {trigger.token.i for trigger, events in coded if events}
    # An appeal frames what it asks for even when its own actor is unknown: "the
    # parties call for X and Y to agree" asserts no agreement. (Demands and threats
    # are left out: on the gold sets their inner acts carry the code.)
    acting |= {token.i for token in context.sentence if frames_an_act(context.lexicon, token)}
    for trigger, events in coded:
        if not _embedded(trigger.token, acting):
            yield from events


def _embedded(token: Token, acting: set[int]) -> bool:
    """Whether ``token`` sits below another word that codes an event, other than in an
    aside ("..., one of the factors behind Russia's veto")."""
    current = token
    while current.head.i != current.i:
        if current.dep_ in ASIDE_DEPS:
            return False
        current = current.head
        if current.i in acting:
            return True
    return False
