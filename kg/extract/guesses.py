"""Guesses: candidate events the rules' reading of a sentence does not propose.

Real news defeats the rules' frames often — a parse gone astray, an argument in an odd
place. For every word the lexicon knows, a guess pairs an actor named before it in its
clause (its subject first) with an actor named in what it governs (its objects first),
coded as the word codes. Guesses are never events by themselves: the judgement
(``kg.extract.judgement``) decides, knowing that they are guesses and how they were made.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.arguments import subjects
from kg.extract.context import Entries, Evidence, SentenceContext, Trigger
from kg.extract.entries import word_entries
from kg.extract.events import REFLEXIVE_PRONOUNS, Candidate, Mood, coded_event
from kg.extract.mood import coded_relation
from kg.extract.sides import own_forces, same_side, takes_sides
from kg.extract.syntax import governing_verb, is_below, phrase_head
from kg.extract.triggers import bound, describes, names_as, shows
from kg.model import Mention, Relation
from kg.tokens import token_table
from kg.words import cameo_codes, words

MAX_SOURCES = 2
MAX_TARGETS = 3
# the parts of speech ``_entries`` reads
GUESSED_TAGS = frozenset({"VERB", "AUX", "NOUN", "PROPN", "ADJ"})
VIOLENT_ROOTS = cameo_codes("violence")
# "dropped bombs on a village as France called for sanctions": a clause these bring in
# tells another act, at most at the same time, whose actors the act was not done to
SIDE_CLAUSE_MARKS = words("side clause mark")


def guessed_candidates(context: SentenceContext, evidence: Evidence, extractor: str,
                       read: set[int]) -> Iterator[Candidate]:
    """Guesses for the words the rules did not read as an event (``read``: those they
    did, by token index)."""
    sentence, known = context.sentence, context.actors.known
    doc, tags = sentence.doc, token_table(sentence.doc).pos
    # "a bomber blew herself up": a reflexive pronoun is its subject again, no actor of
    # its own for a guess to pair with another
    mentions = [(doc[index], mention) for index in range(sentence.start, sentence.end)
                for mention in known(index)
                if mention.text.lower() not in REFLEXIVE_PRONOUNS]
    if len(mentions) < 2:
        return
    # a guess's target is named after its word
    last_named = max(head.i for head, _ in mentions)
    for index in range(sentence.start, last_named):
        if index in read or tags[index] not in GUESSED_TAGS:
            continue
        token = doc[index]
        entries = _entries(context, token)
        if not entries:
            continue
        targets = _targets(token, mentions)
        sources = _sources(context, token, mentions) if targets else []
        if not sources:
            continue
        mood = Mood.of(token)
        for target_token, target in targets:
            if bound(context.lexicon, token) and not (
                    target_token.dep_ == "pobj" and target_token.head.lower_ in entries):
                continue  # "marched from Tabqa": only "against" makes the protest
            relation = _relation(entries, target_token)
            trigger = Trigger(token, relation, (), (target_token,), False,
                              nominal=token.pos_ != "VERB")
            coded = coded_relation(context.lexicon, relation, mood.modality, token)
            for source in sources:
                if _pairs(context, token, relation, source, target_token, target):
                    yield Candidate(coded_event(context, trigger, evidence, source, target,
                                                coded, mood, extractor), trigger, guessed=True)


def _pairs(context: SentenceContext, token: Token, relation: Relation, source: Mention,
           target_token: Token, target: Mention) -> bool:
    """Whether a guess may make ``source`` the doer of the word's act on ``target``."""
    if same_side(source.actor, target.actor) or own_forces(context, source, target):
        return False
    # "the Observatory reported air strikes on Idlib": a monitor, the press or the people
    # report violence, they do not do it
    if relation.root in VIOLENT_ROOTS and not takes_sides(context, source.actor):
        return False
    return not _in_phrase_of(token, target_token, source)


def _entries(context: SentenceContext, token: Token) -> Entries:
    if token.pos_ in ("VERB", "AUX"):
        if describes(token) or names_as(token):
            return {}
        entries = word_entries(context, token)
        return {} if shows(token, entries) else entries
    if token.pos_ in ("NOUN", "PROPN"):
        return word_entries(context, token)
    if token.pos_ == "ADJ":
        return context.lexicon.adjectives.get(token.lemma_.lower(), {})
    return {}


def _clause(token: Token) -> Token:
    return token if token.pos_ in ("VERB", "AUX") else governing_verb(token) or token


def _sources(context: SentenceContext, token: Token,
             mentions: list[tuple[Token, Mention]]) -> list[Mention]:
    """The actors of the word's subject, else those named before it in its clause,
    nearest first."""
    heads, _ = subjects(_clause(token), control=True)
    found = [mention for head in heads for mention in context.actors.known(head.i)]
    if not found:
        clause = _clause(token)
        found = [mention for head, mention in sorted(mentions, key=lambda m: -m[0].i)
                 if head.i < token.i and is_below(head, clause)]
    # a town is where things happen, not who does them
    return [mention for mention in found if not context.actors.names_town(mention)][:MAX_SOURCES]


def _targets(token: Token, mentions: list[tuple[Token, Mention]]) -> list[tuple[Token, Mention]]:
    """The actors named in what the word governs, after it, nearest first."""
    # "agreed to destroy its weapons under a deal brokered by Moscow": the agent of
    # another act below the word did that act, it is not acted on
    found = [(head, mention) for head, mention in mentions
             if head.i > token.i and is_below(head, token) and not _agent_of_another(head, token)
             and not _own_agent(head, token) and not _side_clause(head, token)]
    return sorted(found, key=lambda found: found[0].i)[:MAX_TARGETS]


def _agent_of_another(head: Token, token: Token) -> bool:
    while head.dep_ == "conj":
        head = head.head
    return head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.i != token.i


def _relation(entries: Entries, target: Token) -> Relation:
    # the relation of the preposition that introduces the target, where the lexicon has one
    prep = target.head.lower_ if target.dep_ == "pobj" else ""
    return entries.get(prep) or entries.get("") or next(iter(entries.values()))


def _own_agent(head: Token, token: Token) -> bool:
    """Whether ``head`` is in the word's own by-phrase ("were killed by US-led air strikes",
    "a deal brokered by Iran and Qatar", "a visit by Arafat"): its doer, not its target."""
    table = token_table(head.doc)
    heads = table.head
    current = head.i
    while heads[current] != token.i:
        if heads[current] == current:
            return False
        current = heads[current]
    return table.dep[current] == "agent" or \
        (table.dep[current] == "prep" and table.lower[current] == "by")


def _side_clause(head: Token, token: Token) -> bool:
    """Whether ``head`` is in a clause that "as", "while", "after" set beside the word's
    ("shelled the town while Turkey held talks with Russia"): another act's actors."""
    table = token_table(head.doc)
    heads, deps, lowers = table.head, table.dep, table.lower
    current = head.i
    while current != token.i and heads[current] != current:
        if deps[current] == "advcl" and any(deps[child] == "mark" and lowers[child] in
                                            SIDE_CLAUSE_MARKS
                                            for child in table.children[current]):
            return True
        current = heads[current]
    return False


def _in_phrase_of(token: Token, target: Token, source: Mention) -> bool:
    """"militias from Iraq", "Assad regime and Russian air strikes": an actor named in the
    doer's own phrase is who the doer is, not whom it acts on; a clause on the doer
    ("Russia, which is helping the regime") tells an act of its own."""
    head = phrase_head(token.doc, source.start, source.end)
    if head is None or head.i == target.i:
        return False
    current = target
    while current.i != head.i:
        if current.head.i == current.i or current.head.i == token.i or \
                current.head.pos_ in ("VERB", "AUX"):
            return False
        current = current.head
    return True
