"""Judgements aimed at an act reach the act's doer, as CAMEO coders read them:
"condemned the Israeli air strike on Gaza" is aimed at Israel, "condemned the attack by
rebels on the convoy" at the rebels, "praised Syria's withdrawal" at Syria; where nobody
is named for an irregular act ("condemned the beheading of a hostage in Iraq"), at the
armed groups of the place. Never at whom the act was done to."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.arguments import noun_sources, subjects
from kg.extract.context import SentenceContext, Trigger
from kg.extract.entries import noun_entries
from kg.extract.sides import others
from kg.extract.syntax import governing_verb, prep_objects, verb_lemma
from kg.extract.triggers import STATE_ACTS
from kg.extract.unattributed import scene, side_of
from kg.lexicon import Lexicon
from kg.model import Mention, Relation
from kg.words import cameo_codes, pronouns, words

JUDGING_CODES = cameo_codes("judgement")
# Assault, abduction, bombing: acts whose doer, when nobody is named, is the armed
# groups of the place, as CAMEO coders read "a car bomb killed three in Baghdad"
IRREGULAR_ROOTS = cameo_codes("irregular")
RELATIVE_PRONOUNS = pronouns("relative")
COMMITTING_VERBS = words("committing verb")
# "won an election", "launched a plan", "issued a decree": the subject makes the thing
MAKING_VERBS = words("making verb") | words("issuing verb") | COMMITTING_VERBS
MUTUAL_CODES = cameo_codes("mutual")
# investigations: aimed at whoever did the act they look into, where its phrase names them
INQUIRY_ROOTS = cameo_codes("inquiry")


def judging(relation: Relation) -> bool:
    """Whether a relation judges what it is aimed at: praise, criticism, condemnation."""
    return relation.root in JUDGING_CODES or relation.cameo in JUDGING_CODES


def judged_act(lexicon: Lexicon, noun: Token) -> bool:
    """Whether an act noun is what a judging verb is aimed at: "condemned the attack",
    "was criticised for its crackdown", or what an investigation looks into ("opened an
    investigation into the attack"); its doer is not the judge."""
    if _inquired(lexicon, noun):
        return True
    governor = governing_verb(noun)
    if governor is None:
        return False
    entries = lexicon.verbs.get(verb_lemma(governor), {})
    return any(judging(relation) or relation.root in INQUIRY_ROOTS
               for relation in entries.values())


def _inquired(lexicon: Lexicon, noun: Token) -> bool:
    """Whether an act noun is what an investigation noun looks into, its phrase hung on
    the noun or on the verb that carries it ("opened an investigation into the attack")."""
    if noun.dep_ != "pobj":
        return False
    holder = noun.head.head
    inquiries = [holder] if holder.pos_ == "NOUN" else \
        [child for child in holder.children if child.dep_ == "dobj"]
    return any(relation.root in INQUIRY_ROOTS
               for inquiry in inquiries for relation in noun_entries(lexicon, inquiry).values())


def inquired_doers(context: SentenceContext, trigger: Trigger, exclude: str | None,
                   sources: list[Mention]) -> list[Mention]:
    """"investigated crimes committed by Croat forces", "an inquiry into the army's
    conduct": an investigation of an act is aimed at its doer where the act's own
    phrase names one; otherwise at what it looks into ("investigating the killing of a
    Russian diplomat")."""
    if trigger.relation.root not in INQUIRY_ROOTS:
        return []
    mentions: list[Mention] = []
    for head in trigger.targets:
        found = _doers(context, head)
        if found:
            mentions += others(_named_doers(context, head, found, exclude), sources)
    return mentions


def judged_targets(context: SentenceContext, trigger: Trigger, exclude: str | None,
                   sources: list[Mention]) -> list[Mention] | None:
    """The doers of the acts a judgement is aimed at; None where it is aimed at no act."""
    if not judging(trigger.relation) or not trigger.targets or _blamed_on(context, trigger):
        return None
    introduced = _introducers(context, trigger, exclude, sources)
    if introduced:
        return introduced
    doers = [_doers(context, head) for head in trigger.targets]
    if any(found is None for found in doers):
        return None
    mentions: list[Mention] = []
    for head, found in zip(trigger.targets, doers, strict=True):
        named = others(_named_doers(context, head, found or [], exclude), sources)
        mentions += named or others(_unnamed_doers(context, head, sources), sources)
    # "protested to China over the arrests": whom the judgement is made to
    return mentions or others(context.actors.resolve_each(
        tuple(prep_objects(trigger.token, "to")), exclude), sources)


def _introducers(context: SentenceContext, trigger: Trigger, exclude: str | None,
                 sources: list[Mention]) -> list[Mention]:
    """"won an election condemned by Washington", "launched a plan that was criticised
    by the EU": a thing judged in a clause on the object of a verb that makes it is
    the maker's, where the thing's own phrase names nobody."""
    clause = trigger.token
    thing = introduced_thing(clause)
    if thing is None or any(
            head.i != thing.i and not (head.lower_ in RELATIVE_PRONOUNS and head.head == clause)
            for head in trigger.targets):
        return []  # "a statement condemning Israel": the clause judges someone else
    if context.actors.resolve(thing, exclude):
        return []  # "announced Israel's plan": the phrase names its owner
    makers, _ = subjects(thing.head, control=False)
    return others(context.actors.resolve_each(tuple(makers), exclude), sources)


def introduced_thing(clause: Token) -> Token | None:
    """The thing a clause on it says was judged ("an election condemned by rights
    groups", "a plan which was welcomed by Egypt", "sanctions which China condemned"),
    where a verb that makes it brings it in ("won an election"); None for any other
    clause."""
    thing = clause.head
    passive = clause.dep_ in ("acl", "relcl") and clause.tag_ == "VBN"
    relative_object = clause.dep_ == "relcl" and any(
        child.dep_ == "dobj" and child.lower_ in RELATIVE_PRONOUNS for child in clause.children)
    if not (passive or relative_object) or thing.pos_ != "NOUN" or thing.dep_ != "dobj" or \
            verb_lemma(thing.head) not in MAKING_VERBS:
        return None
    return thing


def judges_an_act(context: SentenceContext, trigger: Trigger) -> bool:
    """Whether a trigger judges an act ("condemned the air strikes on the town"): read,
    even where it names no doer, so no guess takes whom the act was done to."""
    return judging(trigger.relation) and not _blamed_on(context, trigger) and \
        any(_doers(context, head) is not None for head in trigger.targets)


def _named_doers(context: SentenceContext, head: Token, found: list[Token],
                 exclude: str | None) -> list[Mention]:
    """The actors the doers name; words before the act are read as one phrase with it
    ("Syrian government denials" are the Syrian government's)."""
    if found and all(token.i < head.i for token in found):
        before = [mention for mention in context.actors.resolve(head, exclude)
                  if mention.start < head.idx]
        if before:
            return before
    return context.actors.resolve_each(found, exclude)


def _blamed_on(context: SentenceContext, trigger: Trigger) -> bool:
    """"blamed the attack on the regime": a judgement whose noun is laid "on" someone
    names the doer itself, wherever the parser hangs the phrase."""
    verb = trigger.token
    if "on" not in context.lexicon.nouns.get(verb.lemma_.lower(), {}):
        return False
    return any(True for head in (verb, *trigger.targets) for _ in prep_objects(head, "on"))


def _doers(context: SentenceContext, head: Token) -> list[Token] | None:
    """Who the act noun's own phrase names as doing it (by-agent, owner, nationality
    word); None where the head is no act."""
    entries = noun_entries(context.lexicon, head)
    agents = context.gazetteer.agents
    if head.pos_ != "NOUN" or head.i in context.actors.matches or \
            head.lower_ in agents or head.lemma_.lower() in agents:
        return None  # "backed the Syrian opposition": a noun that names actors
    if not entries:
        # "condemned the crimes committed by the regime": what one commits is an act
        return _committers(head, COMMITTING_VERBS) or None
    if any(relation.cameo in MUTUAL_CODES for relation in entries.values()):
        return None  # "backed the agreement": an act of two sides, no one doer
    # "the killing of civilians": where "of" may name whom the act is done to, it never
    # names who does it
    for prep in ("of",) if "of" in entries else tuple(entries):
        found, inherited = noun_sources(head, prep)
        if found and not inherited:
            return found
    return _committers(head)


def _committers(act: Token, verbs: frozenset[str] | None = None) -> list[Token]:
    """Who a clause on the act says did it: "the massacre committed by ISIS", "the crime
    which was carried out by Russian aircraft", "the crimes the militias are committing"."""
    for clause in act.children:
        if clause.dep_ not in ("acl", "relcl") or clause.pos_ != "VERB" or \
                (verbs is not None and verb_lemma(clause) not in verbs):
            continue
        agents = [obj for agent in clause.children if agent.dep_ == "agent"
                  for obj in agent.children if obj.dep_ == "pobj"]
        if agents:
            return agents
        # the act is the object the clause leaves out, its subject who did it
        if clause.dep_ == "relcl" and not any(child.dep_ == "dobj" for child in clause.children):
            subjects = [child for child in clause.children if child.dep_ == "nsubj"
                        and child.lower_ not in RELATIVE_PRONOUNS]
            if subjects:
                return subjects
    return []


def _unnamed_doers(context: SentenceContext, head: Token,
                   sources: list[Mention]) -> list[Mention]:
    """Who did an act nobody is named for, as CAMEO coders read it: the state of the
    place arrests ("the arrest of journalists in Kenya"), its armed groups kidnap, bomb
    and behead, where the story is if no place is named."""
    entries = noun_entries(context.lexicon, head)
    # "the beheading of a hostage in Iraq": the place may hang on whom it was done to
    done_to = [obj for prep in head.children if prep.dep_ == "prep"
               for obj in prep.children if obj.dep_ == "pobj"]
    place = scene(context, [head, *done_to])
    body = next((STATE_ACTS[relation.cameo] for relation in entries.values()
                 if relation.cameo in STATE_ACTS), None)
    if body is not None:
        return [side_of(context, place, body)] if place is not None else []
    if not any(relation.root in IRREGULAR_ROOTS for relation in entries.values()):
        return []
    if place is not None:
        return [side_of(context, place, "UAF")]
    # "condemned the beheading of a hostage": the armed groups of where the story is,
    # unless it is the judge's or the victims' country ("of an American hostage")
    country = context.actors.focus_country()
    known = {mention.actor.state_country
             for mention in [*sources, *context.actors.resolve_each(done_to)]}
    if country is None or country in known:
        return []
    return [Mention(head.text, head.idx, head.idx + len(head.text),
                    context.gazetteer.state(country, "UAF"))]
