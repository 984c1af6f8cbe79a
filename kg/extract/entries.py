"""What the relation lexicon says of a word in its sentence: a verb with its particle or
object ("called off", "blocked roads"), a noun with its modifier ("hunger strike")."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import Entries, SentenceContext
from kg.extract.ownership import IMPOSED_ON, imposed_on, thing_owners
from kg.extract.syntax import (
    INSTRUMENT_PREPOSITIONS,
    lemma_forms,
    lemma_in,
    misread_main_verb,
    object_names,
    prep_objects,
    verb_lemma,
    verb_prep_objects,
)
from kg.lexicon import HOME, Lexicon
from kg.model import Relation
from kg.tokens import token_table
from kg.words import cameo_codes, words

REVERSING_VERBS = words("reversing verb")
# What someone is held as ("held two journalists hostage"), and where the parser puts it.
CAPTIVITY_WORDS = words("captivity complement")
CAPTIVITY_DEPS = ("dobj", "oprd", "ccomp", "xcomp", "npadvmod", "advmod")
APPEAL_ROOTS = cameo_codes("appeal")
THREAT_ROOTS = cameo_codes("threat")
STATEMENT_ROOTS = cameo_codes("statement")
VIOLENT_ROOTS = cameo_codes("violence")
# sanctions, embargoes, boycotts, bans, curfews: measures one imposes on another, whose
# owner ("the EU sanctions", "Israel's ban") is who imposed them
MEASURE_CODES = cameo_codes("measure")
# Verbs that code only when they hand something over: "returned the paintings to Brazil"
# gives them back (0842), "returned to Baghdad" comes back and does nothing to Iraq.
HANDING_VERBS = words("handing verb")
# what a verb acts on: its object, or the subject of its passive
OBJECT_DEPS = ("dobj", "nsubjpass")


def verb_entries(lexicon: Lexicon, verb: Token) -> Entries:
    """The lexicon's entries for a verb, or for the verb with its object where that
    codes otherwise: "blocked roads", "imposed a state of emergency"."""
    lemma = verb_lemma(verb)
    entries = _object_entries(lexicon, verb, lemma)
    if entries:
        return entries
    if lemma in lexicon.verbs:
        return lexicon.verbs[lemma] if lemma not in HANDING_VERBS or _handed(verb) else {}
    if lemma in REVERSING_VERBS:  # "called off a strike": the strike's word codes
        return {}
    return lexicon.verbs.get(verb.lemma_.lower(), {})


def _handed(verb: Token) -> bool:
    """Whether the verb has a thing it acts on: an object, a passive subject, or the noun
    a participle after it describes ("artifacts returned to Peru")."""
    return _has_object(verb) or (verb.dep_ == "acl" and verb.tag_ == "VBN")


def _has_object(verb: Token) -> bool:
    return any(child.dep_ in OBJECT_DEPS for child in verb.children)


def word_entries(context: SentenceContext, token: Token) -> Entries:
    """``verb_entries`` of a verb, ``noun_entries`` of a noun, read once per sentence."""
    known = context.entries.get(token.i)
    if known is None:
        known = verb_entries(context.lexicon, token) if token.pos_ in ("VERB", "AUX") \
            else noun_entries(context.lexicon, token)
        context.entries[token.i] = known
    return known


def held_as(verb: Token) -> list[Token]:
    """What the verb's object is held as ("hostage", "captive"), wherever the parser
    hangs it."""
    return [child for child in verb.children
            if child.dep_ in CAPTIVITY_DEPS and lemma_in(child, CAPTIVITY_WORDS)]


def object_entries(lexicon: Lexicon, verb: Token) -> Entries | None:
    """The lexicon's ``object`` rows for the verb with one of its objects, subjects or
    instruments, or with what a preposition of it names ("accuse of torture"), if any."""
    return _object_entries(lexicon, verb, verb_lemma(verb))


def _object_entries(lexicon: Lexicon, verb: Token, lemma: str) -> Entries | None:
    """``object_entries`` of a verb whose ``verb_lemma`` is ``lemma``."""
    # every key starts with the verb's lemma (its particle, if any, after a space)
    if not any(form.split(" ", 1)[0] in lexicon.object_verbs for form in lemma_forms(lemma)):
        return None
    children = list(verb.children)  # each pass over verb.children makes its tokens anew
    objects = [child for child in children if child.dep_ in OBJECT_DEPS]
    # "were taken hostage", "took them captive": what one is held as, however parsed
    objects += held_as(verb)
    # "a deal reached on Friday": a participle after its noun is done to the noun
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and \
            not any(child.dep_ in ("aux", "auxpass") for child in children) and \
            not misread_main_verb(verb):
        objects.append(verb.head)
    objects += [obj for child in children
                if child.dep_ in ("agent", "prep") and child.lower_ in INSTRUMENT_PREPOSITIONS
                for obj in child.children if obj.dep_ == "pobj"]
    # what the act is about, after its preposition: "accused X of torture" (1122)
    named = [(obj, f"{child.lower_} ") for child in children if child.dep_ == "prep"
             for obj in child.children if obj.dep_ == "pobj"]
    # "walked out of the talks", "walked away from the talks": a two-word preposition
    # hangs its object on its second word
    named += [(obj, f"{child.lower_} {inner.lower_} ") for child in children
              if child.dep_ in ("prep", "prt", "advmod")
              for inner in child.children if inner.dep_ == "prep"
              for obj in inner.children if obj.dep_ == "pobj"]
    # what violence was done with, as its subject: "suicide bombers killed"; but the
    # subject of "forces reduced" is who reduces, not what is reduced
    wielders = [(child, "") for child in children if child.dep_ == "nsubj"]
    for obj, prep in [(obj, "") for obj in objects] + named + wielders:
        for name in object_names(obj):
            for form in lemma_forms(lemma):
                entries = lexicon.objects.get(f"{form} {prep}{name}")
                # (the noun a participle describes may be a subject in its own clause)
                if entries and (obj.dep_ != "nsubj" or obj.head.i != verb.i
                                or (_violent(entries) and _framed_by(verb, entries))
                                or _moved(verb, entries)):
                    return entries
    return None


def _framed_by(verb: Token, entries: Entries) -> bool:
    """Whether the verb has a phrase the subject's entries are framed by: troops that
    "surged into the camp" attacked it; troops that "surged" did not."""
    return "" in entries or any(True for prep in entries
                                for _ in verb_prep_objects(verb, prep))


def _moved(verb: Token, entries: Entries) -> bool:
    """Whether the verb's subject is what it moves where the entries' preposition says:
    "peacekeepers arrived in Darfur" as "sent peacekeepers to Darfur"; a verb with an
    object moves that, not its subject."""
    return not _has_object(verb) and \
        any(True for prep in entries if prep for _ in verb_prep_objects(verb, prep))


def _violent(entries: Entries) -> bool:
    return all(relation.root in VIOLENT_ROOTS for relation in entries.values())


def noun_entries(lexicon: Lexicon, noun: Token) -> Entries:
    """The lexicon's entries for a noun, where a modifier before it may make a word of
    its own: a "hunger strike" is a protest, a "strike" alone an attack."""
    table = token_table(noun.doc)
    lemma = table.lemma[noun.i]
    for modifier in table.children[noun.i]:
        if modifier > noun.i:
            break  # the modifiers before it: ``noun.lefts``
        if table.dep[modifier] in ("compound", "amod"):
            entries = lexicon.nouns.get(f"{table.lemma[modifier]} {lemma}")
            if entries:
                return entries
    return lexicon.nouns.get(lemma, {})


def codes_itself(lexicon: Lexicon, verb: Token) -> bool:
    """Whether the lexicon codes the verb with the phrases it has: "suspended talks
    with X" does, "suspended aid deliveries" leaves it to the noun; "dropped barrel
    bombs", which the lexicon codes as the verb with its object, is no bombing undone."""
    if object_entries(lexicon, verb) is not None:
        return True
    entries = lexicon.verbs.get(verb_lemma(verb), {})
    return any(prep == "" or any(True for _ in verb_prep_objects(verb, prep))
               for prep in entries)


def frames_an_act(lexicon: Lexicon, lemma: str, pos: str) -> bool:
    """An appeal, whose content is what it asks for, not an act that happened: a verb
    or noun of lower-cased lemma ``lemma`` and part of speech ``pos``."""
    entries = lexicon.verbs.get(lemma) if pos == "VERB" \
        else lexicon.nouns.get(lemma) if pos == "NOUN" else None
    return bool(entries) and any(relation.root in APPEAL_ROOTS
                                 for relation in (entries or {}).values())


def is_threat(lexicon: Lexicon, lemma: str) -> bool:
    entry = lexicon.verbs.get(lemma, {}).get("")
    return entry is not None and entry.root in THREAT_ROOTS


def is_statement(lexicon: Lexicon, lemma: str) -> bool:
    entry = lexicon.verbs.get(lemma, {}).get("")
    return entry is not None and entry.root in STATEMENT_ROOTS


def _measure(relation: Relation) -> bool:
    return any(relation.cameo.startswith(code) for code in MEASURE_CODES)


def measure_aims(lexicon: Lexicon, measure: Token) -> list[Token] | None:
    """Whom a measure falls on ("the EU sanctions against Iran", "its boycott of trade
    in oil on Namibia"), never its owner, who imposed it; None for a word that names no
    measure."""
    entries = noun_entries(lexicon, measure)
    if not any(_measure(relation) for relation in entries.values()):
        return None
    preps = [*(prep for prep in entries if prep and prep != HOME), *IMPOSED_ON]
    aimed = [*(obj for prep in preps for obj in prep_objects(measure, prep)),
             *imposed_on(measure)]
    # "sanctions against gold from South Africa": what a measure falls on stands for
    # whom it belongs to
    return [found for obj in aimed for found in (obj, *thing_owners(obj))]


def acts_on_measures(lexicon: Lexicon, relation: Relation) -> bool:
    """Whether an act done to a measure is aimed where the measure falls: imposing,
    enforcing, easing or lifting it ("lifted the EU sanctions against Iran" is aimed at
    Iran); breaking or condemning a measure is aimed at whoever imposed it."""
    return _measure(relation) or any(
        relation.cameo == eased.cameo for code in MEASURE_CODES
        if (eased := lexicon.reversals.get(code[:2])) is not None)
