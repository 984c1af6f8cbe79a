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
THING_PRONOUNS = pronouns("thing")
RELATIVE_PRONOUNS = pronouns("relative")
PLURAL_PRONOUNS = pronouns("group")
REPORTING_VERBS = words("reporting verb")
PLURAL_TAGS = ("NNS", "NNPS")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
OBJECT_DEPS = ("dobj", "pobj", "dative", "nsubjpass")
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
    holder = _holder(head, plural=wanted == "group")
    if holder is not None:
        found = [mention.actor for mention in actors.resolve(holder)
                 if _one_person(actors, holder, mention.actor) == (wanted == "person")]
        if found:
            return [_mention(head, found[0])]
    later = _main_subject(head)
    if later is not None:
        # "Since it intervened in Syria, Russia has ...": the pronoun looks forward
        found = [mention.actor for mention in actors.resolve(later)
                 if _one_person(actors, later, mention.actor) == (wanted == "person")]
        if found:
            return [_mention(head, found[0])]
    speaker = _speaker(actors, head) if wanted == "person" else None
    speakers = _speaker(actors, head, named=False) if wanted == "group" else None
    if speakers is not None:
        # "Residents said they ...": those who say it, whom kg may not know
        spoken = [mention.actor for mention in actors.resolve(speakers)
                  if not _one_person(actors, speakers, mention.actor)]
        if spoken or speakers.tag_ == "NNS":
            return [_mention(head, spoken[0])] if spoken else []
    if speaker is not None:
        # "Kubis said he would send": the one who says it, known or not
        spoken = [mention.actor for mention in actors.resolve(speaker)
                  if _one_person(actors, speaker, mention.actor)]
        antecedent = spoken[0] if spoken else None
    else:
        antecedent = _antecedent(actors, head, wanted)
        if wanted == "person":
            antecedent = _unnamed_person(actors, head, antecedent) or antecedent
    if antecedent is None or (wanted == "person" and _someone_nearer(actors, head, antecedent)):
        return []
    if lower in THING_PRONOUNS and _something_nearer(actors, head, antecedent):
        return []
    if lower in PLURAL_PRONOUNS and _others_nearer(actors, head, antecedent):
        return []
    return [_mention(head, antecedent)]


def _antecedent(actors: ActorContext, head: Token, wanted: str) -> Actor | None:
    """Subjects and possessives refer back to an earlier subject by preference; an
    object pronoun ("condemning him") to anyone but its own clause's subject."""

    candidates = [(index, mention, subject) for index, mention, subject in actors.history
                  if index < head.i and head.i - index <= ANTECEDENT_WINDOW
                  and _one_person(actors, actors.doc[index], mention.actor) ==
                  (wanted == "person") and _agrees(head, actors.doc[index])]
    if head.dep_ in ("nsubj", "nsubjpass", "poss"):
        for index, mention, subject in reversed(candidates):
            if subject:
                return _reporter(actors, head, candidates, index) or mention.actor
        return candidates[-1][1].actor if candidates else None
    # "Syria, Britain and France have informed it": none of the clause's own subjects
    clause = head.head.head if head.dep_ == "pobj" else head.head  # "called on it"
    own_subjects = {token.i for child in clause.children
                    if child.dep_ in ("nsubj", "nsubjpass")
                    for token in child.subtree}
    for index, mention, _ in reversed(candidates):
        if index not in own_subjects:
            return mention.actor
    return None


def _reporter(actors: ActorContext, head: Token,
              candidates: list[tuple[int, Mention, bool]], nearest: int) -> Actor | None:
    """Who reported the clause the nearest subject acts in, when the pronoun reports
    too: "The monitor said rebel shelling killed two. It also said ..." is the
    monitor's saying, not the rebels'."""
    if head.dep_ != "nsubj" or not _reports(head):
        return None
    subject = actors.doc[nearest]
    if _reports(subject):
        return None
    for index, mention, _ in reversed(candidates):
        token = actors.doc[index]
        if subject.sent.start <= index < nearest and token.dep_ == "nsubj" and \
                _reports(token) and token.head.i in {ancestor.i for ancestor in subject.ancestors}:
            return mention.actor
    return None


def _reports(subject: Token) -> bool:
    return subject.head.lemma_.lower() in REPORTING_VERBS


def _agrees(pronoun: Token, named: Token) -> bool:
    """Whether a phrase headed by ``named`` agrees in number with ``pronoun``: "it" and
    "its" stand for one actor, never for "the rebels" or "the militants" (but "United
    Nations planes ... its observers" are the United Nations')."""
    return pronoun.lower_ not in THING_PRONOUNS or named.tag_ not in PLURAL_TAGS or \
        any(child.dep_ == "compound" and child.pos_ == "PROPN" for child in named.children)


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


def _holder(pronoun: Token, plural: bool) -> Token | None:
    """Who acts on what the pronoun's relative clause describes: "urged the militants to
    free the journalists they were holding" (the militants hold them, whoever urges),
    "the rebels must give up the arms they seized"; when the two agree in number."""
    clause, described = pronoun.head, pronoun.head.head
    if pronoun.dep_ != "nsubj" or clause.dep_ != "relcl" or described.dep_ != "dobj":
        return None
    verb = described.head
    actor = next((child for child in verb.children if child.dep_ == "nsubj"), None)
    if actor is None and verb.dep_ == "xcomp":
        # "urged the militants to free": who is urged is who is to act
        actor = next((child for child in verb.head.children if child.dep_ == "dobj"), None)
    if actor is None or actor.pos_ not in ("NOUN", "PROPN"):
        return None
    several = actor.tag_ in ("NNS", "NNPS") or any(child.dep_ == "conj" for child in actor.children)
    return actor if several == plural else None


def _one_person(actors: ActorContext, head: Token, actor: Actor) -> bool:
    """Whether a phrase names one person, whom "he" or "she" may refer to: a person,
    or one holder of a title ("the Iranian foreign minister"), who is no "it" or "they"."""
    return actor.type == "person" or _titled(actors, head)


def _titled(actors: ActorContext, head: Token) -> bool:
    """A title alone, one holder of it: "the minister", "the Iranian foreign minister"."""
    return head.tag_ == "NN" and head.lower_ in actors.gazetteer.titles


def _speaker(actors: ActorContext, pronoun: Token, named: bool = True) -> Token | None:
    """The subject of the reporting verb whose clause the pronoun is the subject of:
    "Kubis" in "Kubis said he would send", "the minister said he would" (a name or one
    titled person, for a person's pronoun)."""
    clause = pronoun.head
    if pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp":
        return None
    speaker = next((child for child in clause.head.children if child.dep_ == "nsubj"), None)
    if speaker is None or (speaker.pos_ != "PROPN" and named and not _titled(actors, speaker)) or \
            speaker.pos_ not in ("PROPN", "NOUN") or speaker.i > pronoun.i or \
            clause.head.lemma_.lower() not in REPORTING_VERBS:
        return None
    return speaker


def _someone_nearer(actors: ActorContext, head: Token, antecedent: Actor) -> bool:
    """Whether a person kg could not place was named after ``antecedent`` and before the
    pronoun: "Ban said he would send" is Ban's promise, not an earlier Assad's."""
    named_at = _last_named(actors, head, antecedent)
    between = [actors.entities[index] for index in range(named_at + 1, head.i)
               if index in actors.entities]
    people = {entity.start: entity for entity in between if entity.label_ == "PERSON"}
    placed = {index for index, _, _ in actors.history if named_at < index < head.i}
    return any(entity.end - 1 not in placed for entity in people.values())


def _unnamed_person(actors: ActorContext, head: Token, antecedent: Actor | None) -> Actor | None:
    """One person named only by a nation, the subject of a clause of the pronoun's sentence
    after ``antecedent``: "The kidnapped Turkish engineer was found dead a day after he
    was abducted" is a Turkish civilian, whom kg cannot name."""
    named_at = _last_named(actors, head, antecedent)
    described = {index for index, _, _ in actors.history}
    for token in reversed(actors.doc[max(named_at + 1, head.sent.start):head.i]):
        if token.dep_ not in ("nsubj", "nsubjpass") or token.tag_ != "NN" or \
                token.i in described or token.ent_type_:
            continue
        for modifier in token.children:
            match = actors.matches.get(modifier.i)
            nation = match.entry.actor if match is not None and \
                modifier.dep_ in ("amod", "compound") else None
            if nation is not None and nation.type == "state" and nation.country:
                return actors.gazetteer.state(nation.country, "CVL")
    return None


def _something_nearer(actors: ActorContext, head: Token, antecedent: Actor) -> bool:
    """Whether a thing no actor stands for is the active subject of a clause of the
    pronoun's sentence after ``antecedent`` was named: "Trump said the attack was horrific
    and that it had killed children" is the attack's killing, not Trump's ("Russia claims
    its campaign is aimed at IS, but it has targeted ..." is still Russia's). An object
    "it" looks back a sentence, to any subject or object: "several countries condemned
    the attack; the White House considered it unacceptable" is the attack."""
    start = max(_last_named(actors, head, antecedent) + 1, head.sent.start)
    deps: tuple[str, ...] = ("nsubj",)
    if head.dep_ in OBJECT_DEPS:
        deps = ("nsubj", *OBJECT_DEPS)
        if head.dep_ != "nsubjpass":
            # a passive subject still continues the story's topic: "Idlib is an opposition
            # stronghold though radicals have a presence there. It has been hit by ..."
            start = max(_last_named(actors, head, antecedent) + 1, _previous_sentence(head))
    described = {index for index, _, _ in actors.history}
    return any(token.dep_ in deps and token.tag_ == "NN" and
               token.ent_type_ == "" and token.i not in described
               for token in actors.doc[start:head.i])


def _others_nearer(actors: ActorContext, head: Token, antecedent: Actor) -> bool:
    """Whether people no actor stands for (words the dictionaries name agents by:
    "civilians", "fighters"; not "advances") were named as a subject or object after
    ``antecedent`` and before "they", "them" or "their", in the pronoun's sentence or the
    one before: "killing civilians and committing crimes against them" are crimes
    against the civilians, not against whoever reports them."""
    start = max(_last_named(actors, head, antecedent) + 1, _previous_sentence(head))
    described = {index for index, _, _ in actors.history}
    clause = head.head
    # nor the relative clause's noun, nor its own verb's other arguments ("sent troops
    # to fight them"; a preposition's attachment is too loose a guide to say so)
    own = {child.i for child in clause.children} if head.dep_ == "dobj" else set()
    if clause.dep_ == "relcl":
        own.add(clause.head.i)
    # a subject looks back to subjects: "bombers killed 23 people when they blew themselves up"
    deps = SUBJECT_DEPS if head.dep_ in SUBJECT_DEPS else (*SUBJECT_DEPS, "dobj")
    return any(token.dep_ in deps and token.tag_ in PLURAL_TAGS
               and token.lower_ in actors.gazetteer.agents and token.ent_type_ == ""
               and token.i not in described and token.i not in own
               for token in actors.doc[start:head.i])


def _previous_sentence(head: Token) -> int:
    start = head.sent.start
    return head.doc[start - 1].sent.start if start > 0 else start


def _last_named(actors: ActorContext, head: Token, antecedent: Actor | None) -> int:
    """Where ``antecedent`` was last named before ``head`` (-1: not named before)."""
    if antecedent is None:
        return -1
    return max((index for index, mention, _ in actors.history
                if mention.actor.id == antecedent.id and index < head.i), default=-1)


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
