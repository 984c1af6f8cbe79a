"""Claims of responsibility: whoever claims an attack did it. "IS claimed responsibility
for the attack on the checkpoint", "the bombing was claimed by Al-Qaeda": the claim is a
statement about the attack's victims (015), and the attack is the claimant's act, told
as done whatever the claim says of it (its own phrases may name no doer, or only a date:
"Tuesday's attacks"). To claim that one attacked ("UNITA claimed that they had attacked
the base") is the claim alone: the attack is only what the claimant says it did."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from kg.actors.sectors import PLACE_ENTITIES
from kg.extract.context import SentenceContext, Trigger
from kg.extract.entries import noun_entries
from kg.extract.syntax import prep_objects
from kg.extract.undergone import names_actor
from kg.words import words

# "claimed responsibility", "took responsibility": not "denied responsibility"
RESPONSIBILITY_VERBS = words("responsibility verb")
CLAIMING_VERBS = words("claiming verb")
# the acts a claim names: "claimed the attack", "the bombing was claimed by"
CLAIMED_ACTS = words("claimed act")
NEGATING_DETERMINERS = words("negating determiner")


def claimed_acts(context: SentenceContext, triggers: list[Trigger]) -> list[Trigger]:
    """Each claim of responsibility aimed at whom the claimed act was aimed at, and the
    claimed act done by the claimant where nobody else is named for it."""
    read = _own_claims(context, triggers)
    triggers = list(read)
    for index, claim in enumerate(triggers):
        acts = _claimed(context, claim)
        if not acts or not claim.sources or _denied(claim):
            continue
        # the act claimed, and what it did, told in its relative clause ("the attack,
        # which killed dozens", "attacks in which 30 Alawites were shot dead")
        done = [position for position, trigger in enumerate(read)
                if trigger is not claim and (trigger.token in acts or
                                             any(_told_of(trigger.token, act) for act in acts))]
        targets: list[Token] = []
        for position in done:
            act = read[position]
            targets += act.targets
            # the act claimed was done, whatever the claim above it is
            sources = act.sources if any(_doer(context, source) for source in act.sources) \
                else claim.sources
            read[position] = replace(act, sources=sources, inherited_source=False,
                                     presupposed=True)
        if targets:
            relation = claim.relation if claim.relation.cameo == "015" else \
                context.lexicon.rules["claim"]
            # a claim stands beside the act it claims, not as a statement of it
            read[index] = replace(read[index], relation=relation, targets=tuple(targets),
                                  loose=False, statement=False, presupposed=True)
    return read


def _own_claims(context: SentenceContext, triggers: list[Trigger]) -> list[Trigger]:
    """"UNITA claimed that they had attacked the base": a claiming verb's accusation of
    its own speaker is a claim of the act, aimed where the act was, and the act is its
    content."""
    read = list(triggers)
    for claim in triggers:
        if not claim.yields or claim.token.lemma_.lower() not in CLAIMING_VERBS:
            continue
        speakers = {mention.actor.id for mention in context.actors.resolve_each(claim.sources)}
        accused = {mention.actor.id for mention in context.actors.resolve_each(claim.targets)}
        if not speakers or accused != speakers:
            continue
        # (only the verb of what is claimed: "claims its campaign is aimed at X, it has
        # targeted Y" does not claim Y, however the parser hangs it)
        clauses = [clause for child in claim.token.children if child.dep_ == "ccomp"
                   for clause in (child, *child.conjuncts)]
        acts = [trigger for trigger in read if trigger is not claim and trigger.targets
                and trigger.token in clauses
                and any(source in claim.targets for source in trigger.sources)]
        if not acts:
            continue
        read = [trigger for trigger in read if trigger not in acts]
        read[read.index(claim)] = replace(
            claim, relation=context.lexicon.rules["claim"], yields=False, statement=False,
            targets=tuple(target for act in acts for target in act.targets))
    return read


def _claimed(context: SentenceContext, claim: Trigger) -> list[Token]:
    """The acts a trigger claims: "responsibility for the attack" after a verb that
    takes it on, or the act a claiming verb names ("claimed the attack", "the attack
    was claimed by IS")."""
    token = claim.token
    named = list(claim.targets)
    if claim.relation.cameo == "015" and claim.nominal:
        if token.dep_ != "dobj" or token.head.lemma_.lower() not in RESPONSIBILITY_VERBS:
            return []
    elif token.pos_ == "VERB" and token.lemma_.lower() in RESPONSIBILITY_VERBS and any(
            child.dep_ == "dobj" and _responsibility(context, child) for child in token.children):
        # "claimed responsibility on Saturday for attacks": the parser may hang the act
        # on the verb
        named = list(prep_objects(token, "for"))
    elif token.pos_ != "VERB" or token.lemma_.lower() not in CLAIMING_VERBS:
        return []
    return [target for target in named if target.pos_ == "NOUN"
            and target.lemma_.lower() in CLAIMED_ACTS]


def _responsibility(context: SentenceContext, noun: Token) -> bool:
    """Whether a noun is the lexicon's word for responsibility taken (015)."""
    return any(relation.cameo == "015" for relation in noun_entries(context.lexicon, noun).values())


def _doer(context: SentenceContext, source: Token) -> bool:
    """Whether an act's own source names who did it: not where it came from ("attacks
    on Israeli troops from Jordan") nor when ("Tuesday's attacks")."""
    return source.ent_type_ not in PLACE_ENTITIES and names_actor(context, source)


def _told_of(token: Token, act: Token) -> bool:
    """Whether a word lies in the relative clause of an act noun."""
    return any(clause.dep_ == "relcl" and token in clause.subtree for clause in act.children)


def _denied(claim: Trigger) -> bool:
    """"has not claimed responsibility for the attack", "no group claimed it": nobody is
    named for the attack."""
    verb = claim.token.head if claim.nominal else claim.token
    return any(child.dep_ == "neg" for child in verb.children) or any(
        child.dep_ == "det" and child.lower_ in NEGATING_DETERMINERS
        for source in claim.sources for child in source.children)
