"""Who a thing belongs to, walking spaCy's dependency tree: its possessor, nationality
or name modifier, who leads or sponsors it, who put it forward, who holds it and whom it
is imposed on. Like ``syntax``, these walks find phrases and decide nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.syntax import AMOUNT_ENTITIES, prep_objects, verb_lemma
from kg.words import pronouns, words

OWNER_PREPOSITIONS = words("owner preposition")
HOLDING_VERBS = words("holding verb")
# who holds a place, as a state rather than an act: "rebel-held", "controlled by the army"
CONTROLLING_VERBS = words("controlling verb")
# "sanctions imposed on Eritrea", "a ban placed on Chadian citizens": whom a measure is on
IMPOSING_VERBS = words("imposing verb")
IMPOSED_ON = ("on", "against")
LEADING_PARTICIPLES = words("leading participle")
# "a plan proposed by Egypt", "a step EU diplomats are proposing": who put a thing forward
PROPOSING_VERBS = words("proposing verb")
RELATIVE_WORDS = pronouns("relative")
# "Syria's war", "Iraq's conflict": a state of strife its owner is the land of
STRIFE_NOUNS = words("strife noun")
# "Russia's war in Ukraine", "the US war on terror": a strife aimed somewhere is its owner's
STRIFE_AIMS = ("in", "on", "against", "with")
# "the Syrian capital", "Turkish territory", "a Syrian village": a nation word before a
# place says where the place lies, not who acts there
PLACE_NOUNS = words("place noun") | words("land noun") | words("settlement noun")


def leaders(noun: Token) -> Iterator[Token]:
    """Who leads or sponsors what a noun names: "the US" in "the US-led war", "a
    US-sponsored resolution"."""
    for participle in noun.children:
        if participle.dep_ == "amod" and participle.tag_ == "VBN" \
                and participle.lemma_.lower() in LEADING_PARTICIPLES:
            yield from (child for child in participle.children
                        if child.dep_ in ("npadvmod", "compound", "nmod")
                        and child.pos_ in ("PROPN", "ADJ"))


def owned_as_land(noun: Token) -> bool:
    """Whether a noun's owner names where it happens, not who does it: a war or conflict
    aimed nowhere ("Syria's war has killed 280,000", "Iraq's civil war") is fought in
    its owner's land, by nobody the sentence names; a place ("the Syrian capital",
    which the parser may make the subject of an act done there) is its owner's land."""
    if noun.lemma_.lower() in PLACE_NOUNS:
        return True
    return noun.lemma_.lower() in STRIFE_NOUNS and not any(
        child.dep_ == "prep" and child.lower_ in STRIFE_AIMS for child in noun.children)


def in_owner(thing: Token, token: Token) -> bool:
    """Whether ``token`` is in the thing's owner ("the EU sanctions", "Israel's ban")."""
    return any(token.i in {inner.i for inner in owner.subtree}
               for owner in owner_modifiers(thing))


def proposers(thing: Token) -> Iterator[Token]:
    """Who put a thing forward, told in a clause on it: the agent of its participle ("a
    resolution presented by Britain"), the subject of its relative clause ("a plan Egypt
    proposed"), also of an appositive that renames the thing or what it asks for ("any
    proposal to halt enrichment, a step EU diplomats are proposing")."""
    named = [thing, *(obj for clause in thing.children if clause.dep_ == "acl"
                      for obj in clause.children if obj.dep_ == "dobj")]
    for noun in [thing, *(aside for each in named for aside in each.children
                          if aside.dep_ == "appos")]:
        for clause in noun.children:
            # "put forward": the parser may call the particle an adverb
            said = {verb_lemma(clause), *(f"{clause.lemma_} {adverb.lower_}"
                                          for adverb in clause.children
                                          if adverb.dep_ == "advmod")}
            if clause.dep_ not in ("acl", "relcl") or said.isdisjoint(PROPOSING_VERBS):
                continue
            for child in clause.children:
                if child.dep_ == "agent":
                    yield from (obj for obj in child.children if obj.dep_ == "pobj")
                elif child.dep_ == "nsubj" and clause.dep_ == "relcl" and \
                        child.lower_ not in RELATIVE_WORDS:
                    yield child


def owner_modifiers(noun: Token) -> Iterator[Token]:
    """A noun's possessor and nationality or name modifiers: "Syria's", "Palestinian"."""
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod")
                                    and child.pos_ in ("ADJ", "PROPN")):
            yield child


def agents_of(thing: Token, verbs: frozenset[str] | set[str]) -> list[Token]:
    """Who one of the verbs is done by, where its participle follows the thing: "blasts
    claimed by ISIS"."""
    return [obj for verb in thing.children
            if verb.dep_ == "acl" and verb.lemma_.lower() in verbs
            for agent in verb.children if agent.dep_ == "agent"
            for obj in agent.children if obj.dep_ == "pobj"]


def thing_owners(thing: Token, depth: int = 2) -> Iterator[Token]:
    """Who a non-actor noun belongs to, nearest first: its possessor or nationality
    adjective, then the objects of its prepositions ("a curfew in the town of Cizre")."""
    if thing.pos_ not in ("NOUN", "PROPN"):
        return
    yield from leaders(thing)
    yield from proposers(thing)
    for owner in owner_modifiers(thing):
        yield owner
        if owner.dep_ == "poss" and depth > 1:  # "a Lebanese millionaire's assets"
            yield from owner_modifiers(owner)
    yield from holders(thing)
    yield from imposed_on(thing)
    # "a speech on China policy by Taiwan's president": who made a thing before what
    # it is about
    for child in sorted(thing.children, key=lambda child: child.lower_ != "by"):
        if child.dep_ == "prep" and child.lower_ in OWNER_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield obj
                    if depth > 1:
                        yield from thing_owners(obj, depth - 1)


def imposed_on(thing: Token) -> Iterator[Token]:
    """Whom a measure is imposed on: "Eritrea" in "sanctions imposed on Eritrea"."""
    for clause in thing.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN" and \
                clause.lemma_.lower() in IMPOSING_VERBS:
            for prep in clause.children:
                if prep.dep_ == "prep" and prep.lower_ in IMPOSED_ON:
                    yield from (obj for obj in prep.children if obj.dep_ == "pobj")


def holders(thing: Token) -> Iterator[Token]:
    """Who holds a place or a thing: "Kurdish forces" in "positions held by Kurdish
    forces", "areas controlled by the rebels"."""
    for clause in thing.children:
        if clause.dep_ == "acl" and clause.lemma_.lower() in HOLDING_VERBS:
            for agent in clause.children:
                if agent.dep_ == "agent":
                    yield from (obj for obj in agent.children if obj.dep_ == "pobj")


def held_place(token: Token) -> Token | None:
    """The place a word names the holder of: "the IS group" in "a village controlled by
    the IS group", "rebel" in "rebel-held Idlib"."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "held by rebels and jihadists"
    clause = token.head
    if token.dep_ == "pobj" and clause.dep_ == "agent":
        clause = clause.head
    elif token.dep_ not in ("npadvmod", "compound", "nsubj") or clause.dep_ != "amod":
        return None
    held = clause.dep_ in ("acl", "amod") and clause.lemma_.lower() in CONTROLLING_VERBS
    return clause.head if held and clause.head.i != clause.i else None


def names_holder(token: Token) -> bool:
    """Whether a word names who holds a place, or the place by its holder ("rebel-held
    areas", "a town controlled by the army"): who holds a place is not who acts there."""
    if held_place(token) is not None:
        return True
    return any(held_place(holder) is not None for clause in token.children
               if clause.dep_ in ("acl", "amod") for holder in clause.children)


def owners(noun: Token, exclude_prep: str = "") -> list[Token]:
    """Who a noun belongs to: "Russia's veto", "a visit by teams", "a call from Russia",
    "the withdrawal of Syrian forces" (where "of" does not introduce the target)."""
    found = [child for child in noun.children if child.dep_ == "poss"]
    found.extend(leaders(noun))
    for prep in ("by", "from", "of"):
        if prep != exclude_prep:
            # "a grant of 580 million shillings": an amount, not an owner
            found.extend(obj for obj in prep_objects(noun, prep)
                         if obj.ent_type_ not in AMOUNT_ENTITIES)
    return found
