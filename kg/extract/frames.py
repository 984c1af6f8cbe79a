"""Acts about other acts: what is said, threatened or refused, and what an act is done
for. These readings look at the triggers already found in the sentence: a statement
codes only when nothing it reports is an event, a refusal is aimed where the refused act
was, an act with no target of its own borrows the target of the act it serves.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from kg.extract.arguments import noun_sources, subjects
from kg.extract.context import SentenceContext, Trigger, triggers_under
from kg.extract.entries import STATEMENT_ROOTS, acts_on_measures, measure_aims, noun_entries
from kg.extract.ownership import owner_modifiers, proposers
from kg.extract.syntax import (
    TIME_ENTITIES,
    advised_act,
    could_name_actor,
    describes_its_noun,
    governing_verb,
    not_dates,
    obliges,
    phrase_objects,
    prep_objects,
    subtree_indices,
)
from kg.extract.triggers import disapproves
from kg.extract.undergone import names_actor
from kg.tokens import token_table
from kg.words import cameo_codes, words

CONTENT_PREPOSITIONS = words("content preposition")
# "declined to comment" refuses nobody anything.
UNREFUSED_VERBS = words("unrefused verb")
BLAME_WORDS = words("blame word")
# "said the rebels were behind the attack": who stands behind an act did it
BLAME_PREPOSITIONS = words("blame preposition")
CLAIMED_ACTS = words("claimed act")
# "says it believes Russian jets were behind the strikes": a belief the speaker states
BELIEF_VERBS = words("belief verb")
# "is out of the question": what rules the act its clause's subject names out
RULING_OUT = words("ruling-out phrase")
VIOLENT_ROOTS = cameo_codes("violence")
# Acts asked of another that the other answers: appeals, offers, demands, ultimatums.
ANSWERABLE_ROOTS = cameo_codes("answerable")
# Bombs set off: their objects are devices, their targets whom they hurt.
BOMBING_CODES = cameo_codes("bombing")
DELIBERATION_VERBS = words("deliberation verb")
# What a bomb does to its victims; an attack it is part of stays an act of its own.
CASUALTY_VERBS = words("casualty verb")
# "should decide to pull out": what one is advised to plan is planned, not asked for
FUTURE_HEADS = words("future head")


def reported_speech(context: SentenceContext, speech: Token,
                    triggers: list[Trigger]) -> Iterator[Trigger]:
    """"X said Y ...": X speaks to Y only when nothing inside the clause is an event.

    A trailing attribution ("..., the White House announced") names where the news
    came from, not a statement to anyone, so it codes nothing.
    """
    for clause in map(_believed, speech.children):
        ruled_out = _ruled_out(clause) if clause.dep_ == "ccomp" else None
        if ruled_out is not None:
            yield from _refused_in_speech(context, speech, clause, ruled_out)
            continue
        # (but "Syria must withdraw, Russia said" is a demand wherever the speaker
        # stands, and "the vote was a sham, the opposition said" a criticism)
        asks = obliges(clause) or _advised(clause, triggers)
        if clause.dep_ != "ccomp" or (clause.i < speech.i and not asks
                                      and not _judges(clause)):
            continue
        # ('"it is a war crime," he said': before the speaker, a pronoun is the act
        # the story told of, not an actor)
        said_of = tuple(child for child in clause.children
                        if child.dep_ in ("nsubj", "nsubjpass")
                        and not (clause.i < speech.i and child.pos_ == "PRON"
                                 and not asks))
        if obliges(clause):
            # "declared that China must drop barriers": saying what another must do
            # is a demand on them, and what they must do is its content.
            relation = context.lexicon.rules["demand"]
        elif asks:
            # "said China should drop barriers": what another is advised to do is
            # asked of them, an appeal, not an act told
            relation = context.lexicon.rules["appeal"]
        elif _blames(clause):
            # "said the Syrian government was responsible for the attack"
            relation = context.lexicon.rules["accusation"]
        elif _disapproved(clause):
            # "said the US-led war was illegal": judging what another did
            relation = context.lexicon.rules["criticism"]
        elif triggers_under(subtree_indices(clause), triggers):
            yield from _reported_violence(context, speech, clause, triggers)
            continue
        else:
            # "Powell said NATO would need to remain strong": the statement is about
            # the clause's subject; other names deeper in the clause are what it
            # talks of.
            relation = context.lexicon.verbs[speech.lemma_.lower()][""]
        sources, inherited = subjects(speech, control=False)
        if clause.i < speech.i:
            # '..." said MP Hywel Williams': a trailing attribution's speaker is its
            # last subject (the parser may take a word of the quote for another)
            sources = sources[-1:]
        if said_of and sources:
            # a criticism is aimed, like any act, at whom its object names or owns it
            # ("the US-led war"); a statement only at whom it names
            yield Trigger(speech, relation, tuple(sources), said_of, inherited,
                          nominal=False,
                          statement=relation is not context.lexicon.rules["criticism"])


def _advised(clause: Token, triggers: list[Trigger]) -> bool:
    """Whether a clause says what its subject should do and the lexicon codes what that
    is ("Israel should withdraw", "needs to stop bombing"): not a state to keep ("NATO
    would need to remain strong") nor a decision to take ("Poland should decide when to
    pull out" plans the act, as "should decide to" does)."""
    act = advised_act(clause)
    return act is not None and act.lemma_.lower() not in FUTURE_HEADS and \
        bool(triggers_under(subtree_indices(act), triggers))


def _ruled_out(clause: Token) -> Token | None:
    """The act a clause rules out ("removing the sanctions is out of the question",
    "talks with Iran are out of the question"): the subject of a copula whose phrase
    is a ``RULING_OUT`` phrase."""
    if clause.lemma_ != "be" or not any(
            child.dep_ == "prep" and
            " ".join(token.lower_ for token in child.subtree) in RULING_OUT
            for child in clause.children):
        return None
    return next((child for child in clause.children if child.dep_ in ("csubj", "nsubj")), None)


def _refused_in_speech(context: SentenceContext, speech: Token, clause: Token,
                       act: Token) -> Iterator[Trigger]:
    """"US authorities said removing the sanctions on Burma is out of the question":
    saying an act (``act``) is ruled out refuses it, aimed where the act would be."""
    sources, inherited = subjects(speech, control=False)
    if clause.i < speech.i:
        sources = sources[-1:]  # as for any trailing attribution
    targets = tuple(not_dates(phrase_objects(act)))
    if sources and targets:
        yield Trigger(clause, context.lexicon.rules["refusal"], tuple(sources), targets,
                      inherited, nominal=False)


def _reported_violence(context: SentenceContext, speech: Token, clause: Token,
                       triggers: list[Trigger]) -> Iterator[Trigger]:
    """"The opposition says government forces target hospitals": saying that another
    used force is accusing them of it (112). The reported act stays the event where it
    names whom it was aimed at (``yields``). Only a verb with its own subject says who
    did it: "rebel bombardment killed 84" or "clashes between X and Y" blame nobody."""
    doers = tuple(token for trigger in triggers_under(subtree_indices(clause), triggers)
                  if trigger.relation.root in VIOLENT_ROOTS and not trigger.nominal
                  and not trigger.inherited_source and not trigger.reciprocal
                  for token in trigger.sources
                  if not noun_entries(context.lexicon, token))
    sources, inherited = subjects(speech, control=False)
    if doers and sources:
        yield Trigger(speech, context.lexicon.rules["accusation"], tuple(sources), doers,
                      inherited, nominal=False, statement=True, yields=True)


def _believed(clause: Token) -> Token:
    """"Washington said it believed Moscow was responsible": a judgement the speaker
    says it holds is the speaker's own (not one it reports of others, "said analysts
    believe ...")."""
    if clause.dep_ != "ccomp" or clause.lemma_.lower() not in BELIEF_VERBS or \
            not all(child.pos_ == "PRON" for child in clause.children if child.dep_ == "nsubj"):
        return clause
    held = next((child for child in clause.children if child.dep_ == "ccomp"), None)
    return held if held is not None and _judges(held) else clause


def _judges(clause: Token) -> bool:
    """A clause that blames its subject or judges it with a word of disapproval."""
    return _blames(clause) or _disapproved(clause)


def _disapproved(clause: Token) -> bool:
    """A clause judging its subject with a word of disapproval ("was illegal"), not
    one denying it ("was not illegal")."""
    return not _denied(clause) and any(child.dep_ in ("acomp", "attr") and disapproves(child)
                                       for child in clause.children)


def _denied(clause: Token) -> bool:
    """"said Turkey was not behind the attack": a judgement the speaker denies is none."""
    return any(child.dep_ == "neg" for child in clause.children)


def _blames(clause: Token) -> bool:
    """A clause saying its subject is to blame: "X was responsible for", "X is guilty",
    "X was behind the attack" (behind an act, not "behind the lines")."""
    return not _denied(clause) and any(
        (child.dep_ in ("acomp", "attr") and child.lemma_.lower() in BLAME_WORDS)
        or (child.dep_ == "xcomp" and f"to {child.lemma_.lower()}" in BLAME_WORDS)
        or (child.dep_ == "prep" and child.lower_ in BLAME_PREPOSITIONS
            and any(act.dep_ == "pobj" and act.lemma_.lower() in CLAIMED_ACTS
                    for act in child.children))
        for child in clause.children)


def threatened_content(context: SentenceContext, verb: Token,
                       triggers: list[Trigger]) -> Iterator[Trigger]:
    """"Hamas threatened to resume activities in Israel": where what is threatened
    codes nothing itself, the threat is aimed at the first actor it names."""
    for clause in verb.children:
        if clause.dep_ not in ("xcomp", "ccomp") or clause.i < verb.i:
            continue
        if triggers_under(subtree_indices(clause), triggers):
            continue
        sources, inherited = subjects(verb, control=False)
        targets = not_dates(phrase_objects(clause))
        if sources and targets:
            yield Trigger(verb, context.lexicon.verbs[verb.lemma_.lower()][""],
                          tuple(sources), targets, inherited, nominal=False, loose=True)


def refused_act(context: SentenceContext, verb: Token,
                triggers: list[Trigger]) -> Iterator[Trigger]:
    """"Israel refused to lift the curfew on Palestinians", "declined to meet Jordan's
    king", "Kenya's refusal to release the pilots": the refusal is a rejection aimed
    where the refused act was; where that act codes nothing, at the first actor it
    names."""
    nominal = verb.pos_ in ("NOUN", "PROPN")
    table = context.lexicon.nouns if nominal else context.lexicon.verbs
    rejection = table.get(verb.lemma_.lower(), {}).get("")
    sources, inherited = noun_sources(verb, "") if nominal else \
        subjects(verb, control=False)
    if rejection is None or not sources:
        return
    for clause in verb.children:
        if clause.dep_ != ("acl" if nominal else "xcomp") or clause.i < verb.i or \
                clause.lemma_.lower() in UNREFUSED_VERBS:
            continue
        refused = [trigger for trigger in triggers_under(subtree_indices(clause), triggers)
                   if trigger.targets]
        if nominal:
            # "the US refusal to coordinate with Russia its fight against ...": what is
            # refused is the clause's own act where it codes one
            refused = [trigger for trigger in refused if trigger.token.i == clause.i] or \
                refused
        for trigger in refused:
            yield Trigger(verb, rejection, tuple(sources), _refused_targets(context, trigger),
                          inherited, nominal=nominal, loose=trigger.loose)
        targets = not_dates(phrase_objects(clause))
        if not refused and targets:
            yield Trigger(verb, rejection, tuple(sources), targets, inherited,
                          nominal=nominal, loose=True)


def _refused_targets(context: SentenceContext, refused: Trigger) -> tuple[Token, ...]:
    """Where the refused act was aimed: its targets, or whom the measure it would
    impose or lift falls on ("refused to lift the EU sanctions on Iran"), or, where they
    name nobody, the phrases of its verb ("refused to lift sanctions on Iran", the
    parser hanging "on Iran" on the verb)."""
    targets = refused.targets
    if acts_on_measures(context.lexicon, refused.relation):
        targets = tuple(aimed for target in targets
                        for aimed in _measure_aims(context, target))
    if refused.nominal or context.actors.resolve_each(targets, None):
        return targets
    taken = {token.i for token in refused.targets}
    return (*targets, *(token for token in not_dates(phrase_objects(refused.token))
                        if token.i not in taken))


def _measure_aims(context: SentenceContext, target: Token) -> list[Token]:
    """Whom a measure falls on, for a measure (no one, where it names no one; its
    owner imposed it); any other target stands for itself."""
    aims = measure_aims(context.lexicon, target)
    return [target] if aims is None else aims


def answered_acts(context: SentenceContext, triggers: list[Trigger]) -> Iterator[Trigger]:
    """"Sudan rejected the rebels' demand", "Syria welcomed the Russian proposal": a
    demand, plea, offer or ultimatum that one answers is its owner's act towards the one
    who answers, where it names no addressee of its own."""
    answers = [(trigger.sources, trigger.targets) for trigger in triggers
               if not trigger.nominal and trigger.sources]
    # "the commission will study a call by top leaders to delay the polls": one weighs
    # what was asked of it, so the asking was done, and the one weighing was asked
    answering = {trigger.token.i for trigger in triggers if not trigger.nominal}
    sentence, table = context.sentence, token_table(context.sentence.doc)
    answers += [(tuple(subjects(verb, control=True)[0]), tuple(_objects(verb)))
                for verb in (sentence.doc[index] for index in range(sentence.start, sentence.end)
                             if table.pos[index] == "VERB" and index not in answering
                             and table.lemma[index] in DELIBERATION_VERBS)]
    for answerers, asked_nouns in answers:
        for asked in asked_nouns:
            relation = noun_entries(context.lexicon, asked).get("to") \
                if asked.pos_ == "NOUN" else None
            if relation is None or relation.root not in ANSWERABLE_ROOTS or \
                    any(child.dep_ == "prep" and child.lower_ == "to"
                        for child in asked.children):
                continue
            # "a call by top leaders": the agent of the asking owns it too, whatever
            # words name it, and so does whoever put it forward ("a step EU diplomats
            # are proposing")
            owners = (*owner_modifiers(asked),
                      *(agent for agent in prep_objects(asked, "by")
                        if could_name_actor(agent) or agent.pos_ == "NOUN"),
                      *proposers(asked))
            if owners and answerers:
                yield Trigger(asked, relation, owners, answerers, False, nominal=True,
                              presupposed=True)


def _objects(verb: Token) -> Iterator[Token]:
    return (child for child in verb.children if child.dep_ == "dobj")


def with_purpose(trigger: Trigger, triggers: list[Trigger]) -> Trigger:
    """An act with no named target done for another act ("blocked roads to protest the
    embargo", "began a hunger strike to demand reforms") is aimed where that act is."""
    scope = trigger.token
    if trigger.nominal:
        scope = governing_verb(trigger.token) or scope
    inside = subtree_indices(scope) - {scope.i, trigger.token.i}
    for other in triggers_under(inside, triggers):
        if other.targets and not other.home and not other.statement and \
                other.relation.root not in STATEMENT_ROOTS:
            return replace(trigger, purpose=other.targets)
    return trigger


def with_content(trigger: Trigger, triggers: list[Trigger]) -> Trigger:
    """What a one-sided agreement is about, where no act inside it codes itself: the
    names in its clause ("agreed to set up a centre in Tokyo") or its "to" phrase
    ("agreed to an extension of the force in Lebanon")."""
    verb = trigger.token
    if describes_its_noun(verb):
        return trigger  # "rebels fighting to topple Assad": whom they aim at, not a side
    contents = [child for child in verb.children
                if (child.dep_ in ("xcomp", "ccomp") and child.i > verb.i)
                or (child.dep_ == "prep" and child.lower_ in CONTENT_PREPOSITIONS)]
    others = [other for other in triggers if other is not trigger]
    names: list[Token] = []
    for content in contents:
        inner = triggers_under(subtree_indices(content), others)
        if content.dep_ != "prep" and inner:
            continue  # "agreed to withdraw from X": the withdrawal codes itself
        # "agreed to a request of Arab nations to host the summit": the request's
        # owner, not who is in the act it asks for
        coded = set().union(*(subtree_indices(other.token) for other in inner))
        names += [token for token in content.subtree
                  if token.pos_ in ("PROPN", "NOUN", "ADJ") and token.i not in coded
                  and token.ent_type_ not in TIME_ENTITIES]
    return replace(trigger, purpose=tuple(names)) if names else trigger


def bombing_victims(context: SentenceContext, triggers: list[Trigger]) -> list[Trigger]:
    """A bomb set off names a device or the bomber ("detonated a motorcycle", "blew
    himself up"); its target is whom it killed or wounded, told by the act it caused
    ("..., injuring three citizens") or the one it explains ("30 people were killed
    after a bomber blew himself up"). That harm is the bombing's, not an act of its own."""
    taken: set[int] = set()
    read: list[Trigger] = []
    for trigger in triggers:
        harm = _bombing_harm(context, trigger, triggers) \
            if trigger.relation.cameo in BOMBING_CODES else None
        if harm is None:
            read.append(trigger)
            continue
        taken.add(id(harm))
        read.append(replace(trigger, targets=harm.targets, loose=False))
    return [trigger for trigger in read if id(trigger) not in taken]


def _bombing_harm(context: SentenceContext, bombing: Trigger,
                  triggers: list[Trigger]) -> Trigger | None:
    if any(names_actor(context, target) for target in bombing.targets):
        return None
    bomb = bombing.token
    for harm in triggers:
        if harm is bombing or harm.token.lemma_.lower() not in CASUALTY_VERBS or \
                not harm.targets:
            continue
        caused = harm.token.tag_ == "VBG" and bomb in harm.token.ancestors
        explained = bomb.dep_ == "advcl" and harm.token in _clause_heads(bomb.head)
        if caused or explained:
            return harm
    return None


def _clause_heads(verb: Token) -> tuple[Token, ...]:
    """A verb and, when it is conjoined, the verb it is conjoined to ("were killed and
    others were injured after ...")."""
    return (verb, verb.head) if verb.dep_ == "conj" else (verb,)
