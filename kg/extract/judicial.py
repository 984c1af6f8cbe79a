"""Charges told through another's appeal: "an Italian prosecutor asked a court to
sentence Berlusconi", "the prosecutor demanded that Bashir stand trial"."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from kg.extract.context import SentenceContext, Trigger
from kg.extract.triggers import STATE_ACTS
from kg.model import Relation
from kg.words import cameo_codes, words

# appeals and demands, whose content may be a court's act
SEEKING_ROOTS = cameo_codes("seeking")
JUDICIARY = "JUD"
DETENTION_CODES = cameo_codes("detention")
# "arrested for collaborating with Israel", "jailed on allegations of treason"
TREASON_WORDS = words("treason word")
GROUND_PREPOSITIONS = ("for", "on", "over")


def sought_charges(context: SentenceContext, triggers: list[Trigger]) -> Iterator[Trigger]:
    """To ask a court to convict, jail or try someone, or for a prosecutor to demand it,
    is to charge them (1121), as the coders code "a prosecutor asked a court to
    sentence Silvio Berlusconi to eight years": the asker's act against the accused,
    told as done, whatever the court does."""
    seeking = {trigger.token.i: trigger for trigger in triggers
               if trigger.relation.root in SEEKING_ROOTS and trigger.sources
               and not trigger.nominal}
    for act in triggers:
        if act.relation.cameo not in STATE_ACTS or act.nominal or not act.targets:
            continue
        clause = act.token if act.token.pos_ in ("VERB", "AUX") else act.token.head
        # (the parser may read "asked the court on Monday to jail" as a purpose)
        appeal = seeking.get(clause.head.i) \
            if clause.dep_ in ("xcomp", "ccomp", "advcl") else None
        if appeal is None or not (_judiciary(context, appeal.targets) or
                                  _judiciary(context, appeal.sources)):
            continue
        # the asking is the charge
        yield Trigger(appeal.token, context.lexicon.rules["trial"], appeal.sources, act.targets,
                      appeal.inherited_source, nominal=False, presupposed=True)


def _judiciary(context: SentenceContext, tokens: Iterable[Token]) -> bool:
    """Whether the tokens name a court, judge or prosecutor."""
    agents = context.gazetteer.agents
    return any(agents.get(token.lower_) == JUDICIARY or
               agents.get(token.lemma_.lower()) == JUDICIARY for token in tokens)


def accused_of_treason(context: SentenceContext, trigger: Trigger,
                       relation: Relation) -> Relation:
    """"A missionary was arrested in Lebanon for collaborating with Israel", "jailed 52
    members on allegations of treason": an arrest for spying or treason is the
    accusation of it (1125), as CAMEO codes it."""
    verb = trigger.token
    if relation.cameo not in DETENTION_CODES or trigger.nominal:
        return relation
    grounds = [word for prep in verb.children
               if prep.dep_ == "prep" and prep.lower_ in GROUND_PREPOSITIONS
               for word in prep.subtree]
    if not any(word.lemma_.lower() in TREASON_WORDS or word.lower_ in TREASON_WORDS
               for word in grounds):
        return relation
    return context.lexicon.rules["treason"]
