"""Event words and their frames: a verb, event noun or adjective the lexicon knows, with
the tokens that name who acts and whom the act is aimed at.

A verb's target is its object or the object of the preposition the lexicon names; where
that finds nothing, a demand is aimed at whom it asks to act, an agreement "with" is
reciprocal, an act the lexicon marks ``*`` is aimed at those in power where it happens,
and other acts at the nearest actor their phrases name. Event nouns and adjectives are
read in ``kg.extract.nouns``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Token

from kg.extract.arguments import subjects
from kg.extract.context import Entries, SentenceContext, Trigger
from kg.extract.entries import (
    REVERSING_VERBS,
    STATEMENT_ROOTS,
    held_as,
    noun_entries,
    object_entries,
)
from kg.extract.syntax import (
    clause_subjects,
    described_side,
    governing_verb,
    misread_main_verb,
    not_dates,
    phrase_objects,
    prep_objects,
    sides_of,
    verb_lemma,
    verb_prep_objects,
)
from kg.lexicon import HOME, Lexicon
from kg.model import Relation
from kg.words import cameo_codes, cameo_sectors, words

ADDRESSED_ROOTS = cameo_codes("addressed")
DISAPPROVAL_ROOTS = cameo_codes("disapproval")
VIOLENT_ROOTS = cameo_codes("violence")
VISIT_CODES = cameo_codes("visit")
# Acts only a state does (arrest, deport, convict): a passive with no agent still has one.
STATE_ACTS = cameo_sectors("state act")
# acts only armed men outside the state do: "journalists held hostage in Iraq"
KIDNAPPERS_ACTS = cameo_sectors("kidnappers' act")
# releases of people a state holds: the state that held them released them
CUSTODY_RELEASES = cameo_sectors("custody release")
GRIEVANCE_PREPOSITIONS = words("grievance preposition")
# the object of a verb that sums up the acts it is done by: "dealt a blow"
SUMMING_OBJECTS = words("summing object")
# verbs one cannot use without an object: "killed", "outlawed" with none after a noun
# are its participle ("a commander killed in an air strike", "Daesh, outlawed in Russia")
OBJECT_TAKING_VERBS = words("casualty verb") | words("object-taking verb")
# Verbs that name what their object is when a predicate follows: "called X a Y".
NAMING_VERBS = words("naming verb")
DISAPPROVING_WORDS = words("disapproving word")
# Verbs whose act is their preposition's: "stood by Assad" backs him, "stands accused"
# backs nobody; "marched against" protests, troops "marched from Tabqa" do not.
BOUND_VERBS = words("bound verb")


@dataclass(frozen=True, slots=True)
class VerbShape:
    """A verb's voice and the tokens its voice makes source and direct target."""

    passive: bool
    sources: tuple[Token, ...]
    inherited: bool
    direct: tuple[Token, ...]


def verb_triggers(context: SentenceContext, verb: Token, entries: Entries) -> Iterator[Trigger]:
    if describes(verb) or names_as(verb):
        return
    if verb.dep_ == "xcomp" and verb.tag_ == "VBG" and verb_lemma(verb.head) in REVERSING_VERBS:
        # "had stopped bombing Aleppo", "halted shelling the town": the act stopped is
        # undone, as "halted the shelling" is; an act with no undoing is not told
        entries = {prep: context.lexicon.reversals[relation.root]
                   for prep, relation in entries.items()
                   if relation.root in context.lexicon.reversals}
        if not entries:
            return
    visit = entries.get("")
    if visit is not None and visit.cameo in VISIT_CODES and verb.tag_ == "VBG":
        visitor = _visitor(verb)
        if visitor is not None:
            yield from _visited(verb, visit, visitor)
            return
    shape = _held(verb, verb_shape(verb))
    side = described_side(verb)
    if side == ():
        return
    if side:
        shape = replace(shape, direct=side)
    if not shape.passive and not shape.direct and (
            all(relation.cameo in KIDNAPPERS_ACTS for relation in entries.values()) or
            _harms_nobody(verb)):
        # "two engineers kidnapped last week in Nigeria are alive", "a commander killed
        # in an air strike had led the group": one cannot kidnap or kill nobody, so such
        # a verb with no object after its noun is a participle
        taken = _reduced_captive(verb, [])
        if taken is not None:
            shape = VerbShape(True, _agents(verb), False, (taken,))
    sides = tuple(side for head in prep_objects(verb, "between") for side in sides_of(head)) \
        if shape.passive and "with" in entries else ()
    if sides and not shape.sources:
        # "a deal was reached between the government and the rebels": each side acts
        # towards the other
        yield Trigger(verb, entries["with"], sides, (), False, nominal=False, reciprocal=True)
        return
    if not shape.sources and not (shape.passive and any(
            relation.root in VIOLENT_ROOTS or relation.cameo in STATE_ACTS or
            relation.cameo in CUSTODY_RELEASES for relation in entries.values())):
        return  # only violence, arrests, releases nobody is named for have a source to find
    found = list(_framed(verb, entries, shape)) or \
        list(_unframed(context.lexicon, verb, entries, shape))
    # "dealt a blow to ISIS by capturing a town": the blow sums up the act it is dealt
    # by, which is the event where it codes one
    summing = any(child.dep_ == "dobj" and child.lemma_.lower() in SUMMING_OBJECTS
                  for child in verb.children)
    yield from (replace(trigger, yields=True) for trigger in found) if summing else found


def _visitor(verb: Token) -> Token | None:
    """Who "visiting" describes: "a visiting U.N. official", and "met visiting Premier
    Wen", which the parser reads as the meeting's purpose with Wen its object."""
    if verb.dep_ == "amod" and verb.head.pos_ in ("NOUN", "PROPN") and verb.i < verb.head.i:
        return verb.head
    if verb.dep_ == "xcomp" and verb.i == verb.head.i + 1 and \
            not any(child.dep_ in ("aux", "dobj") for child in verb.head.children):
        return next((child for child in verb.children if child.dep_ == "dobj"), None)
    return None


def _visited(verb: Token, visit: Relation, visitor: Token) -> Iterator[Trigger]:
    """The visitor visits whom the clause's subject is: "Putin met visiting Premier Wen"
    (in Moscow or not, the host is who receives the guest)."""
    clause = verb.head if verb.dep_ == "xcomp" else governing_verb(visitor)
    hosts = [] if clause is None else \
        [child for child in clause.children if child.dep_ == "nsubj"]
    if hosts:
        yield Trigger(verb, visit, (visitor,), tuple(hosts), False, nominal=True)


def describes(verb: Token) -> bool:
    """"the Observatory, which monitors violence in Syria": a relative clause in the
    simple present tells what someone does habitually, not an act that took place."""
    return verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP") and \
        not any(child.dep_ in ("aux", "auxpass", "neg") for child in verb.children)


def names_as(verb: Token) -> bool:
    """"calling him a political idiot", "called the rebels terrorists": what one is
    called is a name, not an appeal."""
    # (a date is no name: "CALLED ON SYRIA ON MONDAY" in capitals parses as one)
    deps = {child.dep_ for child in verb.children
            if child.ent_type_ not in ("DATE", "TIME")}
    return verb_lemma(verb) in NAMING_VERBS and "oprd" in deps and "dobj" in deps


def disapproving_name(context: SentenceContext, verb: Token) -> Trigger | None:
    """"labelled North Korea the worst country", "described the attack as a war crime",
    "the vote was branded a farce by the opposition": to name another or their act with a
    word of disapproval is to criticise them (111), whatever the naming verb codes."""
    if verb_lemma(verb) not in NAMING_VERBS:
        return None
    shape = verb_shape(verb)
    named = [token for token in shape.direct if token.dep_ != "dative"]
    holders = [verb, *named]
    predicates = [child for holder in holders for child in holder.children
                  if child.dep_ == "oprd"] + \
        [obj for holder in holders for obj in prep_objects(holder, "as")]
    objects = [token for token in named if token.dep_ == "dobj"]
    if not predicates and len(objects) > 1:
        # "labeled Kenya the worst country": the parser may read the name given as a
        # second object
        predicates, named = objects[-1:], [token for token in named
                                           if token is not objects[-1]]
    if not (named and shape.sources and any(disapproves(word) for word in predicates)):
        return None
    return Trigger(verb, context.lexicon.rules["criticism"], shape.sources, tuple(named),
                   shape.inherited, nominal=False)


def disapproves(predicate: Token) -> bool:
    """"a war crime", "the worst countries", "seriously flawed", "a band of thugs": the
    predicate, a word that qualifies it or what it is "of" is one of disapproval (as
    written or as its lemma: the lemmatizer makes "worst" "bad")."""
    return any(word.lemma_.lower() in DISAPPROVING_WORDS or word.lower_ in DISAPPROVING_WORDS
               for word in
               (predicate, *(child for child in predicate.children
                             if child.dep_ in ("amod", "compound", "acomp")),
                *prep_objects(predicate, "of")))


def verb_shape(verb: Token) -> VerbShape:
    # "athletes killed at the Games": a participle after its noun is passive, and the
    # noun is who it was done to.
    reduced = verb.dep_ == "acl" and verb.tag_ == "VBN" and \
        not any(child.dep_ in ("aux", "auxpass") for child in verb.children) and \
        not misread_main_verb(verb)
    # "were attacked and killed by gunmen": a participle joined to a passive verb is
    # passive too; the two share their subject and their agent
    joined = verb.dep_ == "conj" and verb.tag_ == "VBN" and \
        not any(child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")
                for child in verb.children) and \
        any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.head.children)
    # "was arrested on Monday, charged with fraud": a participle set off after a passive
    # verb is done to the same people
    trailing = verb.dep_ == "advcl" and verb.tag_ == "VBN" and \
        verb.doc[verb.i - 1].text == "," and \
        not any(child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark")
                for child in verb.children) and \
        any(child.dep_ == "nsubjpass" for child in verb.head.children)
    joined = joined or trailing
    if reduced or joined or \
            any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children):
        agents = _agents(verb) or tuple(agent for other in verb.conjuncts
                                        if other.tag_ == "VBN" for agent in _agents(other))
        clause = verb.head if joined else verb
        direct = (verb.head,) if reduced else _passive_subjects(clause)
        return VerbShape(True, agents, False, direct)
    found, inherited = subjects(verb, control=True)
    direct = tuple(child for child in verb.children if child.dep_ in ("dobj", "dative"))
    return VerbShape(False, tuple(found), inherited, direct or _named_object(verb))


def _named_object(verb: Token) -> tuple[Token, ...]:
    """"condemned what it called the Israeli aggression", "rejected what it described
    as interference": the thing a free relative names is the verb's object."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or verb_lemma(clause) not in NAMING_VERBS or \
                not any(child.dep_ == "dobj" and child.tag_ == "WP" for child in clause.children):
            continue
        named = [child for child in clause.children if child.dep_ == "oprd"]
        return tuple([*named, *prep_objects(clause, "as")][:1])
    return ()


def _passive_subjects(clause: Token) -> tuple[Token, ...]:
    """Who a passive verb's act is done to. After a parenthetical ("Three nationals,
    believed to be civilians, were snatched by gunmen") the parser may call that subject
    an active one, or hang it on the parenthetical's participle, although the verb has its
    passive auxiliary: still the one it is done to."""
    found = tuple(child for child in clause.children if child.dep_ == "nsubjpass")
    if found or not any(child.dep_ == "auxpass" for child in clause.children):
        return found
    found = tuple(child for child in clause.children if child.dep_ == "nsubj")
    if found:
        return found
    asides = [child for child in clause.children if child.dep_ == "advcl" and
              child.i < clause.i and child.tag_ in ("VBN", "VBD") and
              child.i > 0 and child.doc[child.i - 1].text == "," and
              not any(grand.dep_ in ("aux", "auxpass", "mark") for grand in child.children)]
    return tuple(subject for aside in asides for subject in aside.children
                 if subject.dep_ == "nsubj" and subject.i < aside.i)


def _held(verb: Token, shape: VerbShape) -> VerbShape:
    """"holding two journalists hostage", "the journalists they were holding hostage",
    "took two aid workers hostage" (which the parser reads as one noun): the act is
    aimed at the people held, not at the word that says what they are held as."""
    captivity = held_as(verb)
    if not captivity:
        return shape
    held = [child for child in shape.direct if child not in captivity]
    held += [modifier for word in captivity for modifier in word.children
             if modifier.dep_ == "compound" and modifier.pos_ in ("NOUN", "PROPN")]
    if not held and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        held = [verb.head]
    if not held and not shape.passive:
        taken = _reduced_captive(verb, captivity)
        if taken is not None:
            return VerbShape(True, _agents(verb), False, (taken,))
    return replace(shape, direct=tuple(held)) if held else shape


def _harms_nobody(verb: Token) -> bool:
    """A verb that takes an object with none of its own nor one it shares with a verb
    joined to it ("killed and wounded dozens")."""
    return verb.lemma_.lower() in OBJECT_TAKING_VERBS and verb.tag_ in ("VBD", "VBN") and \
        not any(child.dep_ in ("dobj", "ccomp", "xcomp") or
                (child.dep_ == "conj" and child.lemma_.lower() in OBJECT_TAKING_VERBS)
                for child in verb.children)


def _reduced_captive(verb: Token, captivity: list[Token]) -> Token | None:
    """"two journalists held hostage in Iraq were freed", "troops taken hostage at an
    airbase": the parser may read a participle after its noun as the noun's own verb.
    With no auxiliary and a bare complement ("took hostages" has the captives as its
    object), the noun just before the verb is the one held."""
    if verb.i == 0 or any(child.dep_ in ("aux", "auxpass") for child in verb.children):
        return None
    if any(word.lower_ != word.lemma_.lower() or
           any(child.dep_ == "det" for child in word.children) for word in captivity):
        return None
    noun = verb.doc[verb.i - 1]
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def _agents(verb: Token) -> tuple[Token, ...]:
    phrases = [child for child in verb.children if child.dep_ == "agent"]
    # "condemned by rights groups and by Washington": agent phrases joined by "and"
    phrases += [other for phrase in phrases for other in phrase.conjuncts
                if other.lower_ == phrase.lower_]
    return tuple(obj for phrase in phrases for obj in phrase.children if obj.dep_ == "pobj")


def _framed(verb: Token, entries: Entries, shape: VerbShape) -> Iterator[Trigger]:
    """The act as the lexicon frames it: its target behind the preposition it names."""
    framed: dict[str, tuple[Relation, tuple[Token, ...]]] = {}
    for prep, relation in entries.items():
        if prep == HOME:
            continue
        targets = not_dates(shape.direct if prep == "" else
                            tuple(verb_prep_objects(verb, prep)) or _sought(verb, prep))
        if targets:
            framed[prep] = (relation, targets)
    if any(prep in GRIEVANCE_PREPOSITIONS and relation.root in DISAPPROVAL_ROOTS
           for prep, (relation, _) in framed.items()):
        # "complained to the UN about Israeli raids": the complaint is about Israel;
        # the UN only hears it
        framed.pop("to", None)
    for relation, targets in framed.values():
        yield Trigger(verb, relation, shape.sources, targets, shape.inherited, nominal=False,
                      home=HOME in entries)


def _sought(verb: Token, prep: str) -> tuple[Token, ...]:
    """"called for sanctions against Iran": what an appeal is for carries whom it is
    aimed at."""
    return tuple(obj for sought in prep_objects(verb, "for") for obj in prep_objects(sought, prep))


def _unframed(lexicon: Lexicon, verb: Token, entries: Entries,
              shape: VerbShape) -> Iterator[Trigger]:
    """Where the lexicon's frame finds no target: the first of the readings below that
    applies."""
    sources, inherited = shape.sources, shape.inherited
    if not shape.passive:
        addressees = tuple(clause_subjects(verb))
        asking = entries.get("") or entries.get("for")
        if addressees and asking is not None and asking.root in ADDRESSED_ROOTS:
            # "demanded that the US cancel", "called for Burma to reform": the one
            # asked to act is the subject of the clause that says what to do.
            yield Trigger(verb, asking, sources, addressees, inherited, nominal=False)
            return
    # "suspended aid deliveries": undoing an act the object names is that act's undoing
    undone = _undone(lexicon, verb, shape.direct)
    if undone:
        # the undone act's own words name no target; the verb's phrases may
        targets = not_dates(phrase_objects(verb))
        if targets:
            yield Trigger(verb, undone[0], sources, targets, inherited, nominal=False,
                          loose=True)
        return
    if shape.passive or bound(lexicon, verb):
        return
    relation = entries.get("") or next(iter(entries.values()))
    if "with" in entries:
        # "The United States and Jordan agreed": each side acts towards the other.
        yield Trigger(verb, entries["with"], sources, (), inherited, nominal=False,
                      reciprocal=True)
    elif HOME in entries and not shape.direct:
        # "Iraqi Kurds demonstrated in Kirkuk": the protest is against the government
        # of the place, or of the protesters' own country; what "demonstrated that ..."
        # shows is no protest.
        if not shows(verb, entries):
            yield Trigger(verb, entries[HOME], sources, (), inherited, nominal=False,
                          home=True)
    elif relation.root not in STATEMENT_ROOTS and \
            not (relation.root in DISAPPROVAL_ROOTS and "" in entries):
        # The lexicon's preposition is not the one used ("arrived in", "provided aid
        # for"): the nearest actor the verb's phrases name is who the act is aimed at,
        # as the CAMEO coders read it; statements stay out, they name any topic.
        targets = not_dates(phrase_objects(verb))
        if relation.cameo in VISIT_CODES:
            # "mercenaries arriving from Iraq": where one comes from is not visited
            targets = tuple(target for target in targets if target.head.lower_ != "from")
        if targets:
            yield Trigger(verb, relation, sources, targets, inherited, nominal=False,
                          loose=True)


def bound(lexicon: Lexicon, verb: Token) -> bool:
    """Whether the verb's act is only that of the prepositions the lexicon names for it
    (``BOUND_VERBS``), its object naming no sense of its own ("Egypt and Iran broke
    ties" is still a break)."""
    return verb.pos_ in ("VERB", "AUX") and verb_lemma(verb) in BOUND_VERBS and \
        object_entries(lexicon, verb) is None


def shows(verb: Token, entries: Entries) -> bool:
    """"The strikes demonstrated that Russia is determined": a protest verb with a
    clause says what something shows, not that anyone took to the streets."""
    return HOME in entries and any(child.dep_ == "ccomp" for child in verb.children)


def _undone(lexicon: Lexicon, verb: Token, direct: tuple[Token, ...]) -> list[Relation]:
    """What undoing the acts the verb's objects name codes as: "halted aid deliveries"."""
    # ("dropped bombs": where the verb with its object codes itself, nothing is undone)
    if verb_lemma(verb) not in REVERSING_VERBS or object_entries(lexicon, verb) is not None:
        return []
    return [lexicon.reversals[relation.root]
            for obj in direct
            for word in (obj, *(child for child in obj.children if child.dep_ == "compound"))
            for relation in noun_entries(lexicon, word).values()
            if relation.root in lexicon.reversals]
