"""Who acts: the subject of a verb, inherited through control, coordination and purpose
clauses when it has none of its own, and the owner of an event noun ("Russia's veto",
"a visit by teams", "Russian criticism")."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.ownership import owners
from kg.extract.syntax import (
    MAX_CLIMB,
    could_name_actor,
    governing_verb,
    lemma_in,
    misread_main_verb,
    not_dates,
    prep_objects,
    speakers_act,
)
from kg.words import ordered_words, words

CONTROL_PREPOSITIONS = ordered_words("control preposition")
# "used tear gas to disperse them": the user acts, the thing used is its means.
INSTRUMENT_VERBS = words("instrument verb")
REPORTING_VERBS = words("reporting verb")
WITNESS_VERBS = words("witness verb")
# "families fled government air strikes", "survived the siege": who escapes an act is
# not who does it
ESCAPING_VERBS = words("escaping verb")
CASUALTY_VERBS = words("casualty verb")
# "died in an air strike", "perished in the shelling": who dies in an act undergoes it
PERISHING_VERBS = words("perishing verb")
# "hit a gathering killing dozens", "repelled an offensive killing 40 attackers": force
# dealt to what their object names, whose casualties are the verb's doer's
DEALING_VERBS = words("confronting verb") | words("striking verb")
AGENT_MODIFIERS = words("agent modifier")
# "could respond to an attack", "retaliated for the bombing": the act one reacts to is
# another's; what one responds with is one's own
REACTING_VERBS = words("reacting verb")
# "is expected to", "is scheduled to": passive verbs whose subject is who is to act
FUTURE_HEADS = words("future head")
# "France issued a statement urging Iran to ...": what a message says, who issued it says
ISSUED_MESSAGES = words("issued message")
ISSUING_VERBS = words("issuing verb")


def subjects(verb: Token, *, control: bool, depth: int = 0) -> tuple[list[Token], bool]:
    """The subject of ``verb`` and whether it was inherited from another clause."""
    own = [_named(child) for child in verb.children if child.dep_ == "nsubj"
           and not _object_read_as_subject(verb, child)]
    if own:
        return own, depth > 0
    head = verb.head
    if head.i == verb.i or depth >= MAX_CLIMB:
        return [], False
    dep = verb.dep_
    if dep == "xcomp" and control and head.lemma_.lower() not in INSTRUMENT_VERBS:
        controllers = _controllers(head)
        if controllers:
            return controllers, True
    if dep == "ccomp" and head.lemma_.lower() in REPORTING_VERBS:
        return [], False  # who reports an act is not who does it
    speech = speakers_act(verb)
    if speech is not None:
        return subjects(speech, control=control, depth=depth + 1)
    if dep == "xcomp" and head.pos_ == "VERB" and head.lemma_.lower() in FUTURE_HEADS:
        # "Kenya's president is expected to meet ...", "is scheduled to visit": the
        # subject of the passive verb is who is to act
        passive = [child for child in head.children if child.dep_ == "nsubjpass"]
        if passive:
            return passive, True
    if dep in ("xcomp", "conj", "advcl", "ccomp") and head.pos_ in ("VERB", "AUX"):
        return subjects(head, control=control, depth=depth + 1)
    if dep == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "ROOT"):
        # "Syria is willing to withdraw": the subject of the adjective's copula
        return subjects(head.head if head.dep_ == "acomp" else head,
                        control=False, depth=depth + 1)
    if dep == "pcomp" and head.dep_ == "prep":
        governor = head.head
        if governor.pos_ == "ADJ" and governor.dep_ == "oprd":
            governor = governor.head  # "were found guilty of"
        passive = [child for child in governor.children if child.dep_ == "nsubjpass"]
        if governor.pos_ == "VERB" and passive and not any(
                child.dep_ == "nsubj" for child in governor.children):
            # "were found guilty of torturing Afghans", "was charged with killing":
            # who undergoes the passive verb did what its gerund names
            return passive, True
        return subjects(governor, control=False, depth=depth + 1)
    # "Jack Straw, touring a camp, urged ...": the parser may call a participle set off
    # after its noun an adverbial clause; it still describes the noun
    if dep in ("acl", "advcl") and head.pos_ in ("NOUN", "PROPN"):
        return _participle_subjects(verb, head, depth)
    return [], False


def _object_read_as_subject(verb: Token, subject: Token) -> bool:
    """"fired rockets on Damascus killing three civilians": where the comma is lost, the
    parser makes the preposition's object the subject of the casualty it caused; the
    gerund is the firing's outcome, its doer the firing's."""
    preposition = verb.head
    return (verb.dep_ == "pcomp" and verb.tag_ == "VBG" and preposition.dep_ == "prep"
            and verb.lemma_.lower() in CASUALTY_VERBS
            and not any(child.dep_ == "pobj" for child in preposition.children)
            and subject.left_edge.i == preposition.i + 1 and subject.i == verb.i - 1
            # only where the firing has a doer of its own to hand on
            and any(child.dep_ == "nsubj" for child in preposition.head.children))


def _named(subject: Token) -> Token:
    """"Media watchdog Reporters Without Borders has labeled ...": a title the tagger
    reads as a verb, the name after it its object; the name is the subject."""
    if subject.pos_ != "VERB":
        return subject
    # "The Red Cross operating in Iraq said ...": a participle after its noun the parser
    # made the subject, and the noun the participle's; the noun is who speaks
    described = next((child for child in subject.children if child.dep_ == "nsubj"
                      and child.i < subject.i and subject.tag_ in ("VBG", "VBN")), None)
    if described is not None:
        return described
    return next((child for child in subject.children
                 if child.dep_ == "dobj" and child.i == subject.i + 1
                 and child.pos_ in ("PROPN", "NOUN") and child.text[:1].isupper()),
                subject)


def _controllers(head: Token) -> list[Token]:
    """Who is asked or told to act: "urged Syria to withdraw", "called on Iran to stop"."""
    found = [child for child in head.children if child.dep_ in ("dobj", "dative")]
    found += [obj for prep in CONTROL_PREPOSITIONS for obj in prep_objects(head, prep)]
    # "agreed on Saturday to provide": a date controls nothing.
    return list(not_dates(found))


def _participle_subjects(verb: Token, head: Token, depth: int) -> tuple[list[Token], bool]:
    """The subject of a verb that describes a noun: its agent, the noun, or the noun's
    owner or governing verb."""
    agents = [obj for child in verb.children if child.dep_ == "agent"
              for obj in child.children if obj.dep_ == "pobj"]
    if verb.tag_ == "VBN" and agents:
        return agents, True  # "a demonstration staged by students": the students
    if misread_main_verb(verb):
        return [head], False
    if verb.tag_ == "VBG" and not any(child.dep_ == "aux" for child in verb.children):
        issuer = head.head
        if verb.lemma_.lower() in CASUALTY_VERBS and head.dep_ == "dobj" and \
                issuer.lemma_.lower() in DEALING_VERBS:
            # the casualties a blow or a repulse caused, however the parser hangs them
            return subjects(issuer, control=False, depth=depth + 1)
        if head.lemma_.lower() in ISSUED_MESSAGES and head.dep_ == "dobj" and \
                issuer.lemma_.lower() in ISSUING_VERBS and not owners(head):
            # "France issued a statement urging Iran": France urges
            return subjects(issuer, control=False, depth=depth + 1)
        return [head], True  # "resolutions condemning him": the resolutions condemn
    found = owners(head)
    if found:
        return found, True
    governor = governing_verb(head)
    if governor is not None:
        return subjects(governor, control=False, depth=depth + 1)
    return [], False


def _reacted_to(noun: Token, governor: Token) -> bool:
    """Whether an act noun is what its verb reacts to ("respond to an attack")."""
    if governor.lemma_.lower() not in REACTING_VERBS:
        return False
    below = noun
    while below.head.i != governor.i and below.head.i != below.i:
        below = below.head
    return below.dep_ == "prep" and below.lower_ != "with"


def _undergone_in(governor: Token) -> bool:
    """"civilians killed in operations against IS": a participle after its noun tells
    what the noun underwent in the act, not who did it (the clause above it, "the
    group has reported", names no doer)."""
    return governor.dep_ == "acl" and governor.tag_ == "VBN" and \
        not any(child.dep_ == "agent" for child in governor.children) and \
        not misread_main_verb(governor)


def _harmed_subject(governor: Token) -> bool:
    """"The commander died in an air strike", "Meshaal killed in an air strike in
    Hasakeh composed hymns" (a passive the parser reads as the main verb): a casualty
    verb with no object of its own, nor one shared with a verb joined to it, has the one
    harmed for its subject, not the striker."""
    if lemma_in(governor, PERISHING_VERBS):
        return True
    return governor.lemma_.lower() in CASUALTY_VERBS and not any(
        child.dep_ in ("dobj", "agent", "cc", "conj") for child in governor.children)


def _could_own(owner: Token) -> bool:
    """Whether an act noun's owner may name who did it: a name ("Syrian forces"), or
    whoever its "by" phrase names ("a siege by regime forces", "an attack by gunmen"),
    which is the doer whatever words it uses; "of" may name a thing ("a suspension of
    air links")."""
    return could_name_actor(owner) or \
        (owner.dep_ == "pobj" and owner.head.lower_ == "by" and owner.pos_ == "NOUN")


def _behind(noun: Token) -> list[Token]:
    """"militants behind a deadly rocket attack", "the group behind the bombings": who
    stands behind an act is who did it. The parser may hang "behind" on the verb or on
    an earlier noun ("hunted the group behind the bombings"), so the doer is the noun
    just before it; "X was behind the attack" leaves the verb's subject."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "behind" or prep.i == 0:
        return []
    doer = noun.doc[prep.i - 1]
    return [doer] if doer.pos_ in ("NOUN", "PROPN", "PRON") and \
        doer.tag_ not in ("PRP$", "WP") else []


def noun_sources(noun: Token, target_prep: str) -> tuple[list[Token], bool]:
    """Who does what an event noun names, and whether it was inherited from its verb."""
    # "a suspension of air links": a thing, not who suspends
    found = [owner for owner in owners(noun, exclude_prep=target_prep)
             if _could_own(owner)]
    if not found and noun.dep_ == "conj":
        found = [owner for owner in owners(noun.head, exclude_prep=target_prep)
                 if _could_own(owner)]
    if not found and target_prep == "of":
        # "the arrest of two diplomats by Georgian police": the parser hangs the agent
        # on the nearest noun, but only the act has one ("protests against violations
        # by the army" are not the army's)
        found = [agent for patient in prep_objects(noun, target_prep)
                 for agent in prep_objects(patient, "by") if _could_own(agent)]
    if found:
        partners = [] if target_prep == "with" else list(prep_objects(noun, "with"))
        return found + partners, False
    behind = _behind(noun)
    if behind:
        return behind, False
    # "Russian criticism" names its source; "warm welcome" does not.
    # "government attacks on civilians", "rebel shelling": an agent word before the
    # act names who does it too
    modifiers = [child for child in noun.children
                 if child.dep_ in ("amod", "compound", "nmod") and
                 ((child.pos_ != "NOUN" and (child.pos_ == "PROPN" or child.ent_type_)) or
                  child.lemma_.lower() in AGENT_MODIFIERS)]
    # "a decade-long war", "a three-day siege": a span of time names when, never who
    modifiers = list(not_dates(modifiers))
    if modifiers:
        return modifiers, False
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return [], False
    governor = governing_verb(noun)
    # "the Observatory reported government bombardment": who tells of an act is not
    # who does it ("announced sanctions" are the announcer's own)
    if governor is None or governor.lemma_.lower() in WITNESS_VERBS or \
            lemma_in(governor, ESCAPING_VERBS) or _reacted_to(noun, governor) or \
            _undergone_in(governor) or _harmed_subject(governor):
        return [], False
    found, _ = subjects(governor, control=False)
    return found, True
