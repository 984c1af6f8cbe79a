"""What pronouns and short references point back to: the most recent fitting actor the
document mentioned, preferring subjects for subjects ("Russia said it would ...")."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.actors.context import ActorContext
from kg.model import Actor, Mention
from kg.words import pronouns, words

PERSON_PRONOUNS = pronouns("person")
GROUP_PRONOUNS = pronouns("thing", "group")
RELATIVE_PRONOUNS = pronouns("relative")
REPORTING_VERBS = words("reporting verb")
# How many tokens back a pronoun may look for its antecedent (about three sentences).
ANTECEDENT_WINDOW = 120
# A short reference ("the organisation", "the regime") may look three times as far.
REFERENCE_WINDOW = ANTECEDENT_WINDOW * 3


def pronoun(actors: ActorContext, head: Token) -> list[Mention]:
    lower = head.lower_
    if lower in RELATIVE_PRONOUNS:
        clause = head.head
        if clause.dep_ == "relcl":
            return actors.resolve(clause.head)
        return []
    if lower in PERSON_PRONOUNS:
        wanted = "person"
    elif lower in GROUP_PRONOUNS:
        wanted = "group"
    else:
        return []
    later = _main_subject(head)
    if later is not None:
        # "Since it intervened in Syria, Russia has ...": the pronoun looks forward
        found = [mention.actor for mention in actors.resolve(later)
                 if (mention.actor.type == "person") == (wanted == "person")]
        if found:
            return [_mention(head, found[0])]
    speaker = _speaker(head) if wanted == "person" else None
    speakers = _speaker(head, named=False) if wanted == "group" else None
    if speakers is not None:
        # "Residents said they ...": those who say it, whom kg may not know
        spoken = [mention.actor for mention in actors.resolve(speakers)
                  if mention.actor.type != "person"]
        if spoken or speakers.tag_ == "NNS":
            return [_mention(head, spoken[0])] if spoken else []
    if speaker is not None:
        # "Kubis said he would send": the one who says it, known or not
        spoken = [mention.actor for mention in actors.resolve(speaker)
                  if mention.actor.type == "person"]
        antecedent = spoken[0] if spoken else None
    else:
        antecedent = _antecedent(actors, head, wanted)
    if antecedent is None or (wanted == "person" and _someone_nearer(actors, head, antecedent)):
        return []
    return [_mention(head, antecedent)]


def _antecedent(actors: ActorContext, head: Token, wanted: str) -> Actor | None:
    """Subjects and possessives refer back to an earlier subject by preference; an
    object pronoun ("condemning him") to anyone but its own clause's subject."""

    def fits(actor: Actor) -> bool:
        return (actor.type == "person") == (wanted == "person")

    candidates = [(index, mention, subject) for index, mention, subject in actors.history
                  if index < head.i and head.i - index <= ANTECEDENT_WINDOW
                  and fits(mention.actor)]
    if head.dep_ in ("nsubj", "nsubjpass", "poss"):
        for _, mention, subject in reversed(candidates):
            if subject:
                return mention.actor
        return candidates[-1][1].actor if candidates else None
    own_subjects = {child.i for child in head.head.children
                    if child.dep_ in ("nsubj", "nsubjpass")}
    for index, mention, _ in reversed(candidates):
        if index not in own_subjects:
            return mention.actor
    return None


def _main_subject(pronoun: Token) -> Token | None:
    """The subject of the main clause that a fronted subordinate clause's subject
    pronoun stands for: "Russia" in "Since it intervened in Syria, Russia has ..."."""
    clause = pronoun.head
    if pronoun.dep_ != "nsubj" or clause.dep_ != "advcl" or clause.i > clause.head.i or \
            not any(child.dep_ == "mark" for child in clause.children):
        return None
    subject = next((child for child in clause.head.children if child.dep_ == "nsubj"), None)
    if subject is None or subject.i < clause.i or subject.pos_ not in ("PROPN", "NOUN"):
        return None
    return subject


def _speaker(pronoun: Token, named: bool = True) -> Token | None:
    """The subject of the reporting verb whose clause the pronoun is the subject of:
    "Kubis" in "Kubis said he would send" (a name, for a person's pronoun)."""
    clause = pronoun.head
    if pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp":
        return None
    speaker = next((child for child in clause.head.children if child.dep_ == "nsubj"), None)
    if speaker is None or speaker.pos_ not in (("PROPN",) if named else ("PROPN", "NOUN")) or \
            speaker.i > pronoun.i or \
            clause.head.lemma_.lower() not in REPORTING_VERBS:
        return None
    return speaker


def _someone_nearer(actors: ActorContext, head: Token, antecedent: Actor) -> bool:
    """Whether a person kg could not place was named after ``antecedent`` and before the
    pronoun: "Ban said he would send" is Ban's promise, not an earlier Assad's."""
    named_at = max((index for index, mention, _ in actors.history
                    if mention.actor.id == antecedent.id and index < head.i), default=-1)
    between = [actors.entities[index] for index in range(named_at + 1, head.i)
               if index in actors.entities]
    people = {entity.start: entity for entity in between if entity.label_ == "PERSON"}
    placed = {index for index, _, _ in actors.history if named_at < index < head.i}
    return any(entity.end - 1 not in placed for entity in people.values())


def recent(actors: ActorContext, accept: Callable[[Actor], bool], head: Token) -> Actor | None:
    """The latest actor before ``head`` that ``accept`` takes: what "the organisation"
    or "the country" refers to."""
    for index, mention, _ in reversed(actors.history):
        if index < head.i and head.i - index <= REFERENCE_WINDOW and accept(mention.actor):
            return mention.actor
    return None


def _mention(pronoun: Token, antecedent: Actor) -> Mention:
    return Mention(text=pronoun.text, start=pronoun.idx, end=pronoun.idx + len(pronoun.text),
                   actor=antecedent)
