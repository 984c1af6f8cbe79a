"""Event nouns and adjectives and their frames: a noun takes its arguments from its
owner and prepositions, or from the light verb that carries it ("held talks with",
"launched an offensive in Gaza"); an adjective from the subject it is said of ("critical
of Damascus")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from kg.extract.arguments import AGENT_MODIFIERS, noun_sources, subjects
from kg.extract.context import Entries, SentenceContext, Trigger
from kg.extract.entries import REVERSING_VERBS, codes_itself
from kg.extract.judged import judged_act
from kg.extract.ownership import CONTROLLING_VERBS
from kg.extract.syntax import (
    amount_holding,
    clause_heads,
    governing_verb,
    lemma_in,
    light_verb_targets,
    marked_clause_subjects,
    not_dates,
    opposed_names,
    phrase_objects,
    prep_objects,
    purpose_clauses,
    verb_lemma,
)
from kg.lexicon import HOME, Lexicon
from kg.words import cameo_codes, words

ADDRESSED_ROOTS = cameo_codes("addressed")
ANSWERABLE_ROOTS = cameo_codes("answerable")
# the words that plan an act, and how an act hangs below them ("prepare for X")
FUTURE_HEADS = words("future head")
PLANNED_DEPS = ("xcomp", "ccomp", "conj", "acl", "dobj", "pobj", "prep", "pcomp")
AWAITING_PREPOSITIONS = ("for", "to", "toward", "towards", "at")
DISAPPROVAL_ROOTS = cameo_codes("disapproval")
VIOLENT_ROOTS = cameo_codes("violence")
UNDERGONE_PREPOSITIONS = words("undergone preposition")
HOLDING_PREPOSITIONS = words("holding preposition")
CARRYING_VERBS = words("carrying verb")
DELIBERATION_VERBS = words("deliberation verb")
# "walked out of the talks", "pulled out of negotiations with X": leaving an act is its
# undoing (talks left are negotiations halted, 164)
LEAVING_VERBS = words("leaving verb")
LEAVING_PREPOSITIONS = ("from", "of")
# "a pause in strikes", "a moratorium on air strikes", "the lifting of sanctions": an
# act named as what a noun and its preposition halt is undone, as by a reversing verb
REVERSING_NOUNS = words("reversing noun")
# "repelled an attack by IS", "ended a siege by former soldiers": force another made
CONFRONTING_VERBS = words("confronting verb")
# "signed it despite objections from the US": the objections are told as made, beside
# the act, not as its content
CONCESSION_PREPOSITIONS = words("concession preposition")
# the prepositions that may name whom a demand comes from, or whom it is asked of
ASKER_PREPOSITIONS = ("from", "of")
# force a confronting verb's object names: made by another (its phrase names who, and
# the verb tells it as done), or only confronted
MADE, CONFRONTED = "made", "confronted"


def noun_triggers(context: SentenceContext, trigger: Token,
                  entries: Entries) -> Iterator[Trigger]:
    lexicon = context.lexicon
    # "a mediation effort between X and Y", "an aid convoy to X": the act word names
    # a plain noun, whose phrase carries the act's arguments.
    noun = trigger.head if trigger.dep_ == "compound" and trigger.head.pos_ == "NOUN" \
        and trigger.head.lemma_.lower() not in lexicon.nouns else trigger
    if noun.dep_ == "pobj" and noun.head.lower_ in HOLDING_PREPOSITIONS and \
            noun.lemma_.lower() in CONTROLLING_VERBS:
        # "towns under the control of the army", "fighters remain in control of the
        # mosque": who holds a place, no act of taking it
        return
    governor = governing_verb(noun)
    if governor is not None and verb_lemma(governor) in DELIBERATION_VERBS:
        return  # "discussed sanctions", "will reconsider its intervention": talked of
    if _halted(noun):
        entries = _reversed(lexicon, entries)
    confronted = _confronted(noun, governor, entries)
    # "ended a siege by former soldiers": their siege, not its lifting
    if confronted != MADE and governor is not None:
        if verb_lemma(governor) in REVERSING_VERBS:
            # "lifted sanctions against X" is no sanction but easing them; "halted aid
            # to X" reduces aid. Where the verb codes itself, it alone speaks.
            if codes_itself(lexicon, governor) or noun.head.i != governor.i:
                return
            entries = _reversed(lexicon, entries)
        elif _left(noun, governor):
            entries = _reversed(lexicon, entries)
    light = _light_verb(lexicon, noun, governor)
    framed = list(_noun_framed(trigger, noun, entries, light))
    if not framed:
        framed = list(_noun_unframed(lexicon, trigger, noun, entries, governor, light))
    if not framed and confronted == MADE and governor is not None:
        framed = list(_owned_force(trigger, entries, governor))
    if confronted:
        # force another repels or breaks is never theirs ("rebels battled to break a
        # siege of Aleppo"); told as repelled, it was made ("could repel" tells of none)
        framed = [replace(found, presupposed=confronted == MADE) for found in framed
                  if not found.inherited_source]
    # "condemned the beheading of a hostage": who judges an act did not do it
    judged = judged_act(lexicon, noun)
    yield from (found for found in framed if not (judged and found.inherited_source)
                and not _awaited(context, found))



def _confronted(noun: Token, governor: Token | None, entries: Entries) -> str | None:
    """Whether the noun names force the verb's subject confronts ("repelled an attack
    by IS on the town", "ended a three-day siege by former soldiers"): ``MADE`` where
    its own phrase names who made it and the verb tells it as done, ``CONFRONTED``
    where it names no one or the verb could, would or did not ("could repel an
    attack"; a verb that ends what names no other doer, "the army ended its siege",
    is the subject's own act undone)."""
    if governor is None or noun.dep_ != "dobj" or noun.head.i != governor.i or \
            verb_lemma(governor) not in CONFRONTING_VERBS or \
            not any(relation.root in VIOLENT_ROOTS for relation in entries.values()):
        return None
    if _own_doers(noun) and _plainly_done(governor):
        return MADE
    return None if verb_lemma(governor) in REVERSING_VERBS else CONFRONTED


def _own_doers(noun: Token) -> list[Token]:
    """Who a force noun's own phrase names as doing it: its "by" phrase, a named owner
    or an agent word before it ("a rebel attack", "an Islamic State attack")."""
    return [*prep_objects(noun, "by"),
            # "a siege of the city by the regime": the parser hangs the agent on the
            # nearest noun
            *(agent for patient in prep_objects(noun, "of")
              for agent in prep_objects(patient, "by")),
            *(child for child in noun.children if child.dep_ == "poss"
              and child.tag_ != "PRP$"),
            *not_dates(child for child in noun.children
                       if child.dep_ in ("amod", "compound", "nmod") and
                       ((child.pos_ == "PROPN" or child.ent_type_) or
                        child.lemma_.lower() in AGENT_MODIFIERS))]


def _plainly_done(verb: Token) -> bool:
    """Whether a verb (or the one it is joined to) is told as done, not as what could,
    would or did not happen ("could repel an attack by X" tells of no attack)."""
    heads = (verb, verb.head) if verb.dep_ == "conj" else (verb,)
    return not any(child.tag_ == "MD" or child.dep_ == "neg"
                   for head in heads for child in head.children)


def _awaited(context: SentenceContext, found: Trigger) -> bool:
    """"the Palestinians prepare for an Israeli withdrawal", "Kurds brace for a Turkish
    offensive": an act whose own phrase names its doer, that others plan, prepare or
    hope for, is neither done nor the doer's intent (what is answered, a proposal or a
    demand, is left to the frames that read answers)."""
    if found.inherited_source or found.relation.root in ANSWERABLE_ROOTS:
        return False
    below = found.token
    for _ in range(2):
        if below.dep_ not in PLANNED_DEPS or \
                (below.dep_ == "prep" and below.lower_ not in AWAITING_PREPOSITIONS):
            return False  # ("pledged support despite the Houthis' attack": it was made)
        head = below.head
        if head.pos_ in ("VERB", "ADJ") and \
                (head.lemma_.lower() in FUTURE_HEADS or head.lower_ in FUTURE_HEADS):
            planners = subjects(head, control=False)[0]
            return bool(planners) and not _same_actor(context, planners, found.sources)
        below = head
    return False


def _same_actor(context: SentenceContext, some: list[Token],
                others: tuple[Token, ...]) -> bool:
    """Whether two groups of phrases name one actor (where kg knows none of the first,
    whether they are the same words)."""
    ids = {mention.actor.id for token in some for mention in context.actors.resolve(token)}
    if not ids:
        return any(token.i == other.i for token in some for other in others)
    return any(mention.actor.id in ids for token in others
               for mention in context.actors.resolve(token))


def _reversed(lexicon: Lexicon, entries: Entries) -> Entries:
    return {prep: lexicon.reversals[relation.root] for prep, relation in entries.items()
            if relation.root in lexicon.reversals}


def _halted(noun: Token) -> bool:
    """Whether the noun names what another noun halts: "a halt to Moscow's bombing",
    "declared a pause in strikes"."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.head.pos_ == "NOUN" and \
        f"{prep.head.lemma_.lower()} {prep.lower_}" in REVERSING_NOUNS


def _left(noun: Token, governor: Token) -> bool:
    """Whether the noun names what the verb leaves: "walked away from the talks",
    "pulled out of the negotiations", "withdrew from the talks"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in LEAVING_PREPOSITIONS or \
            governor.lemma_.lower() not in LEAVING_VERBS:
        return False
    return prep.head.i == governor.i or \
        (prep.head.head.i == governor.i and prep.head.dep_ in ("prep", "prt", "advmod"))


def _light_verb(lexicon: Lexicon, noun: Token, governor: Token | None) -> Token | None:
    """The verb that carries an act noun as its object: "held talks", "lifted sanctions"."""
    carriers = lexicon.light_verbs | REVERSING_VERBS
    # "gave Ivory Coast 5 million dollars of aid": the amount carries the act word.
    held = amount_holding(noun) or noun
    if held.dep_ == "conj" and held.head.pos_ == "NOUN":
        held = held.head  # "launched air and artillery strikes": both are launched
    return governor if governor is not None and held.head.i == governor.i and \
        held.dep_ == "dobj" and lemma_in(governor, carriers) else None


def _noun_framed(trigger: Token, noun: Token, entries: Entries,
                 light: Token | None) -> Iterator[Trigger]:
    for prep, relation in entries.items():
        targets = tuple(prep_objects(noun, prep, depth=2)) if prep and prep != HOME else ()
        if not targets and prep and prep != HOME and noun.dep_ == "conj":
            # "air and artillery strikes on X": the parser hangs the phrase the
            # coordinated words share on the first
            targets = tuple(prep_objects(noun.head, prep))
        if not targets and light is not None and prep:
            # "gave a warm welcome on Thursday to X", "gave Tanzania a grant": the
            # light verb carries the noun's target ("launched an offensive on Monday"
            # names when, not whom).
            targets = not_dates(light_verb_targets(light, prep)) or \
                tuple(_after_date(light, noun, prep))
        if not targets:
            continue
        sources, inherited = noun_sources(noun, prep)
        if prep in ASKER_PREPOSITIONS and relation.root in ADDRESSED_ROOTS and \
                (inherited or not sources):
            # "accepted demands from the rebels", "the demands of the inmates": with no
            # other doer named, whom a demand or request comes from made it ("Iraq's
            # request for troops from NATO" is asked of NATO)
            continue
        if relation.root in DISAPPROVAL_ROOTS and (inherited or not sources):
            # "objections to the tribunal from the US", "criticism of the plan from
            # Russia": the parser hangs the critic on what is criticised; the verb the
            # noun hangs from ("signed it despite objections") is not theirs
            critics = [critic for target in targets
                       for critic in not_dates(prep_objects(target, "from"))]
            sources, inherited = (critics, False) if critics else (sources, inherited)
        if sources:
            conceded = relation.root in DISAPPROVAL_ROOTS and noun.dep_ == "pobj" and \
                noun.head.lower_ in CONCESSION_PREPOSITIONS
            yield Trigger(trigger, relation, tuple(sources), targets, inherited, nominal=True,
                          presupposed=conceded)


def _after_date(light: Token, noun: Token, prep: str) -> Iterator[Token]:
    """"intensified their bombing on Saturday of a rebel-held area": the parser hangs
    the noun's phrase on the date that follows the noun."""
    for child in light.children:
        if child.dep_ == "prep" and child.i > noun.i:
            for date in child.children:
                if date.dep_ == "pobj" and not not_dates((date,)):
                    yield from prep_objects(date, prep)


def _noun_unframed(lexicon: Lexicon, trigger: Token, noun: Token, entries: Entries,
                   governor: Token | None, light: Token | None) -> Iterator[Trigger]:
    asking = next((relation for relation in entries.values()
                   if relation.root in ADDRESSED_ROOTS or relation.root in DISAPPROVAL_ROOTS),
                  None)
    addressees = marked_clause_subjects(noun, governor)
    if asking is not None and addressees:
        # "reiterated its demand that Israel ease restrictions": the one asked to act
        # is the subject of what is demanded; "accusations that Tehran meddled": the
        # one accused, of what is alleged
        sources, inherited = noun_sources(noun, "")
        if sources:
            yield Trigger(trigger, asking, tuple(sources), addressees, inherited,
                          nominal=True)
            return
    # the parser may hang the sides on the verb: "fighting erupted between X and Y"
    between = list(prep_objects(noun, "between")) or \
        (list(prep_objects(noun.head, "between")) if noun.dep_ == "nsubj" else [])
    if "with" in entries and between:
        # "clashes between US forces and Shia militiamen": each side acts towards the other.
        yield Trigger(trigger, entries["with"], tuple(between), (), False, nominal=True,
                      reciprocal=True)
    elif light is not None and "with" in entries and noun.i == trigger.i:
        # (where the act word only names a plain noun's kind, "launched war games",
        # the light verb carries that noun, not the act)
        # "Israel and Lebanon renewed negotiations": each side acts towards the other.
        sources, inherited = noun_sources(noun, "with")
        if governor is not None and sources and all(source.tag_ == "PRP$" for source in sources):
            # "... renewed their negotiations": the sides the pronoun stands for are the
            # verb's subjects, which the pronoun alone cannot name both of
            sources, inherited = subjects(governor, control=False)[0] or sources, True
        yield Trigger(trigger, entries["with"], tuple(sources), (), inherited,
                      nominal=True, reciprocal=True)
    elif "with" in entries and governor is not None and _shared_by_subjects(noun, governor):
        # "A and B entered a critical week in their negotiations": talks both subjects
        # own are held between them, whatever the verb does to the talks
        yield Trigger(trigger, entries["with"], tuple(subjects(governor, control=False)[0]),
                      (), True, nominal=True, reciprocal=True)
    elif HOME in entries and noun.i == trigger.i:
        # "students staged demonstrations", "began a hunger strike"; but "police
        # prevented the demonstration" is not theirs: only a verb that carries out
        # the act lends its subject.
        sources, inherited = noun_sources(noun, HOME)
        carried = not inherited or (governor is not None and
                                    lemma_in(governor, lexicon.light_verbs | CARRYING_VERBS))
        if sources and carried:
            yield Trigger(trigger, entries[HOME], tuple(sources), (), inherited,
                          nominal=True, home=True)
    elif light is not None and noun.i == trigger.i:
        yield from _carried_force(trigger, entries, light)
    elif noun.i == trigger.i:
        yield from _owned_force(trigger, entries)


def _shared_by_subjects(noun: Token, governor: Token) -> bool:
    """Whether ``noun`` is owned by "their" that stands for the coordinated subjects of
    the verb it hangs from."""
    if not any(child.dep_ == "poss" and child.lower_ == "their" for child in noun.children):
        return False
    sides = subjects(governor, control=False)[0]
    return len(sides) + sum(len(side.conjuncts) for side in sides) >= 2


def _carried_force(trigger: Token, entries: Entries, light: Token) -> Iterator[Trigger]:
    """"launched an offensive in the Gaza Strip", "continued their crackdown in Iraq":
    force carried out with no target of its own is aimed at whom an "anti-" prefix sets
    it against, else at the nearest actor the noun's phrases, its verb's or what it is
    done for name (a loose target)."""
    relation = next((relation for relation in entries.values()
                     if relation.root in VIOLENT_ROOTS), None)
    if relation is None:
        return
    opposed = tuple(opposed_names(trigger))
    targets = [*phrase_objects(trigger),
               *(obj for obj in phrase_objects(light) if obj.i != trigger.i),
               *(obj for clause in purpose_clauses(light) for obj in phrase_objects(clause))]
    sources, inherited = noun_sources(trigger, "")
    if sources and (opposed or targets):
        # "launched an anti-ISIS offensive in Anbar": whom the prefix sets it against
        # comes before the place
        yield Trigger(trigger, relation, tuple(sources), opposed + not_dates(targets),
                      inherited, nominal=True, loose=True)


def _owned_force(trigger: Token, entries: Entries,
                 confronter: Token | None = None) -> Iterator[Trigger]:
    """"Israel's offensive in the Gaza Strip", "Russia's air offensive, the fiercest in
    Idlib": force whose owner the noun names, with no target of its own and no verb
    that carries it, is aimed at the nearest actor its phrases, or those of the clause
    or apposition that describes it, name (a loose target)."""
    relation = next((relation for relation in entries.values()
                     if relation.root in VIOLENT_ROOTS), None)
    if relation is None:
        return
    if trigger.dep_ == "pobj" and trigger.head.lower_ in UNDERGONE_PREPOSITIONS:
        return  # "areas under its control", "under rebel siege": a state one is in
    sources, inherited = noun_sources(trigger, "of")
    if not sources or inherited:
        return
    # (a clause with an object of its own is an act of its own, or the parser's
    # reading of "an air strike killed civilians" as "a strike [that was] killed")
    described = [child for child in trigger.children if child.dep_ in ("acl", "appos")
                 and not any(inner.dep_ == "dobj" for inner in child.children)]
    targets = [*phrase_objects(trigger),
               *(obj for clause in described for obj in phrase_objects(clause))]
    if confronter is not None:
        # "ended a siege by former soldiers in a southern town": the parser may hang
        # where the force was on the verb that ends it
        targets += [obj for obj in phrase_objects(confronter) if obj.i != trigger.i]
    opposed = tuple(opposed_names(trigger))
    targets = list(not_dates(targets))
    if opposed or targets:
        yield Trigger(trigger, relation, tuple(sources), opposed + tuple(targets),
                      False, nominal=True, loose=True)


def adjective_triggers(adjective: Token, entries: Entries) -> Iterator[Trigger]:
    """"Moscow was critical of Damascus", "he was skeptical over Moscow's will"."""
    if adjective.dep_ not in ("acomp", "ROOT", "ccomp", "conj"):
        return
    holder = adjective.head if adjective.dep_ == "acomp" else adjective
    sources, inherited = subjects(holder, control=False)
    if not sources:
        return
    for prep, relation in entries.items():
        targets = tuple(prep_objects(adjective, prep)) if prep else \
            tuple(clause_heads(adjective))
        if targets:
            yield Trigger(adjective, relation, tuple(sources), targets, inherited,
                          nominal=False)
