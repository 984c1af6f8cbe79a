"""Whether an act happened as told: negation ("did not", "denied that"), modality
(asserted, hedged, future, conditional), and what that does to the code — a promised act
is an intent, a threatened or conditional hostile one a threat, a protest carried out in
deeds a demonstration."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from kg.extract.syntax import (
    ancestors,
    condition_clause,
    speakers_act,
    to_infinitive,
    told_beside,
)
from kg.lexicon import Lexicon
from kg.model import Event, Modality, Relation
from kg.tokens import token_table
from kg.words import cameo_codes, words

DENIAL_VERBS = words("denial verb")
NEGATING_DETERMINERS = words("negating determiner")
NEGATING_PREPOSITIONS = words("negating preposition")
NEGATING_ADJECTIVES = words("negating adjective")
CONTRASTING_CONJUNCTIONS = words("contrasting conjunction")
FUTURE_AUXILIARIES = words("future auxiliary")
HEDGING_AUXILIARIES = words("hedging auxiliary")
FUTURE_HEADS = words("future head")
# "decided to": a planning word whose past tells the plan made, the act decided
DECISION_VERBS = words("decision verb")
FUTURE_TIMES = words("future time")
# Heads that make a planned act a threat: "threatened to shell X" threatens X (13x).
THREAT_HEADS = words("threat head")
THREAT_NOUNS = words("threat noun")
REPORTING_VERBS = words("reporting verb")
CONDITIONAL_MARKS = words("conditional mark")
# "a declaration demanding ...", "a statement condemning ...": what a message says
ISSUED_MESSAGES = words("issued message")
# how a planned act hangs from what plans it: "plans to attack", "agreed that they
# would", "plans and prepares to attack", "the truce intended to allow"
PLANNED_DEPS = ("xcomp", "ccomp", "conj", "acl", "dobj", "pobj", "prep", "pcomp")
THREAT_ROOTS = cameo_codes("threat")
# Verbal protest and demand (11x, 10x): carried out in deeds, they are demonstrations.
PROTEST_ROOTS = cameo_codes("protest")
# A town taken or besieged (192, 191) is a result of force; what is only tried for it
# ("an offensive to retake Aleppo", "attempting to capture al-Bab") is the fight (190).
FOUGHT_FOR = cameo_codes("fought for")
VIOLENT_ROOTS = cameo_codes("violence")
ATTEMPT_HEADS = words("attempt head")
# "the army prepared to resume shelling": forces readied for violence, not a promise
READYING_VERBS = words("readying verb")
# "accused of releasing", "suspected of arming", "believes X struck": what one alleges
ALLEGING_VERBS = words("alleging verb")
# "has yet to accede", "is yet to give permission": not done so far
PENDING_ADVERBS = words("pending adverb")
# "did not hesitate to strike", "spared no effort to repel": held back from nothing,
# the act was done
RESTRAINT_VERBS = words("restraint verb")
# "do not see eye to eye on X's support": what a denied verb is about is not denied
TOPIC_PREPOSITIONS = words("topic preposition")
CHARGE_PREPOSITIONS = ("of", "for")


def is_negated(trigger: Token) -> bool:
    """Negated or denied: "did not", "no plans to", "denied that", "without any call",
    "unable to"."""
    if any(child.dep_ == "neg" for child in trigger.children):
        return True
    if _has_negating_determiner(trigger) or trigger.head.lower_ in NEGATING_PREPOSITIONS:
        return True
    if _pending(trigger):
        return True
    below = trigger
    speech = speakers_act(trigger)
    if speech is not None:
        # "said it was not responsible and accused Britain": the speaker's act, not
        # denied by what they said
        return is_negated(speech)
    for ancestor in ancestors(trigger):
        if _outside_negation(trigger, below, ancestor):
            return False
        if _own_clause(below):
            # "won't be cool when Bush visits Canada": a clause of time or reason with
            # its own subject is told as it is, whatever the main clause denies
            return False
        # "did not say what was used but said the rebels had used it": a verb's "not"
        # is not that of a verb joined to it by "but" or with a subject or auxiliary of
        # its own; "did not attack Gaza or kill militants" denies both
        joined = below.dep_ == "conj" and below.head.i == ancestor.i and (
            any(child.dep_ == "cc" and child.lower_ in CONTRASTING_CONJUNCTIONS
                for child in ancestor.children) or
            any(child.dep_ in ("nsubj", "nsubjpass", "aux") for child in below.children))
        # "denied using gas, accusing the rebels", "denied it and warned the US": a
        # denial denies what it governs, not an act joined to it or done beside it (but
        # "rejected appeals to release her", an infinitive the parser hangs on the verb)
        beside = below.head.i == ancestor.i and (below.dep_ == "conj" or (
            below.dep_ == "advcl" and not to_infinitive(below)))
        below = ancestor
        if ancestor.lemma_.lower() in DENIAL_VERBS and ancestor.pos_ == "VERB" and \
                not (joined or beside):
            return True
        if ancestor.lower_ in NEGATING_ADJECTIVES and ancestor.pos_ == "ADJ":
            return True  # "has been unable to regain control"
        if ancestor.pos_ in ("VERB", "AUX") and not joined and any(
                child.dep_ == "neg" for child in ancestor.children):
            return True
        if ancestor.pos_ == "NOUN" and _has_negating_determiner(ancestor):
            return True
        if ancestor.lower_ in NEGATING_PREPOSITIONS and ancestor.dep_ == "prep":
            return True
    return False


def _outside_negation(trigger: Token, below: Token, ancestor: Token) -> bool:
    """Where a negation above stops: a participle or relative clause that describes a
    noun ("civilians besieged by regime forces", "the government, which has called for
    action, rejected ...") tells that noun as it is (not what a noun is needed for, "no
    guarantees needed to deliver aid", nor a clause with its own subject, "denied
    reports that its jets have hit X"); a topic is not the denied act ("do not see eye
    to eye on X's support"); and a restraint denied ("did not hesitate to strike") is an
    act affirmed; an act whose doer is named is not denied by failing ("the assault by
    the regime has failed to retake the city")."""
    if below.dep_ == "relcl" or (_participle_modifier(below) and not any(
            to_infinitive(token) for token in _path(trigger, below))):
        return True
    if below.dep_ == "nsubj" and ancestor.lemma_.lower() in DENIAL_VERBS and _doer_named(below):
        return True
    if below.dep_ == "prep" and below.lower_ in TOPIC_PREPOSITIONS and ancestor.pos_ == "VERB":
        return True
    # (by its form too: the parser's lemma of "spared" is "spar")
    return ancestor.pos_ == "VERB" and (
        ancestor.lemma_.lower() in RESTRAINT_VERBS or ancestor.lower_ in RESTRAINT_VERBS)


def _doer_named(act: Token) -> bool:
    """"Russia's offensive", "the assault by the regime": an act named with its doer,
    which was done whatever it then failed at, unlike "the summit between them"."""
    return any(child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "by")
               for child in act.children)


def _participle_modifier(clause: Token) -> bool:
    return clause.dep_ == "acl" and clause.tag_ in ("VBN", "VBG") and not any(
        child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark")
        for child in clause.children)


def _path(trigger: Token, top: Token) -> list[Token]:
    """The words from a trigger up to one of its ancestors, both included."""
    path = [trigger]
    while path[-1].i != top.i and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def _pending(verb: Token) -> bool:
    """"has yet to accede to demands", "is yet to give permission": an act still awaited
    has not happened."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in ("have", "be") and any(
        child.dep_ == "advmod" and child.lower_ in PENDING_ADVERBS for child in head.children)


def alleging(sentence: Span) -> set[int]:
    """The words of what is alleged, not told as done: the charge one is accused,
    suspected or blamed "of" or "for" ("Assad accused of releasing extremist
    prisoners"), and the clause one alleges or believes ("Russia believes the depot was
    struck by Syrian bombs"), even where nobody is named as alleging it, so that no
    accusation is coded. Not a verb joined to it, nor what the writer says "is believed
    to have been" (the writer's own account, hedged), nor the speaker's own act the
    parser joins to what they believe."""
    table = token_table(sentence.doc)
    alleged: set[int] = set()
    for index in range(sentence.start, sentence.end):
        if table.pos[index] != "VERB" or table.lemma[index] not in ALLEGING_VERBS:
            continue
        for child in table.children[index]:
            if table.dep[child] == "ccomp" or (
                    table.dep[child] == "prep" and table.lower[child] in CHARGE_PREPOSITIONS):
                alleged.update(token.i for token in sentence.doc[child].subtree)
    # "said it believed X had attacked and urged Syria to ...": the speaker's own act,
    # which the parser joins to what is believed
    spoken = [sentence.doc[index] for index in alleged if table.dep[index] == "conj"]
    for verb in spoken:
        if speakers_act(verb) is not None:
            alleged -= {token.i for token in verb.subtree}
    return alleged


def speculated(events: Iterable[Event]) -> bool:
    """"IS could launch attacks on Aleppo", "feared they would be targeted by rebels":
    force or coercion that only could, might or would be used, on no condition, is
    speculation, not an act told (on a condition it is a threat, 13x)."""
    return any(event.modality == "hedged" and not event.negated and
               event.relation.quad == "material conflict" for event in events)


def told_violence(relation: Relation, events: Iterable[Event]) -> bool:
    """Whether an act is violence told as done ("after Turkish jets raided villages";
    not "as they prepared to open fire"): told in a clause of time beside another act,
    it is news of its own, not that act's content."""
    return relation.root in VIOLENT_ROOTS and \
        all(event.modality == "asserted" for event in events)


def _own_clause(clause: Token) -> bool:
    """An adverbial clause that has its own subject and a subordinating word ("since",
    "when"; not "if" or "unless": a condition is not told as done)."""
    return clause.dep_ == "advcl" and any(
        (child.dep_ == "mark" and child.lower_ not in CONDITIONAL_MARKS) or
        (child.dep_ == "advmod" and child.tag_ == "WRB")  # "when", "where"
        for child in clause.children) and any(
        child.dep_ in ("nsubj", "nsubjpass") for child in clause.children)


def _has_negating_determiner(token: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ in NEGATING_DETERMINERS
               for child in token.children)


def modality_of(trigger: Token) -> Modality:
    """asserted, hedged ("could"), future ("will", "plans to") or conditional ("if")."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "dobj":
        # "will give Tanzania a grant", "prepares an offensive": the verb's mood
        if trigger.head.lemma_.lower() in FUTURE_HEADS:
            return "future"
        return modality_of(trigger.head)
    chain = [trigger, *ancestors(trigger)]
    table = token_table(trigger.doc)
    for token in chain:
        if any(table.dep[child] == "mark" and table.lower[child] in CONDITIONAL_MARKS
               for child in table.children[token.i]):
            return "conditional"
    # ("since 21 May have killed": the month the parser takes for "may" is no modal)
    auxiliaries = {child.lower_ for child in trigger.children if child.dep_ == "aux"
                   and not (child.text == "May" and child.i > child.sent.start)}
    if auxiliaries & FUTURE_AUXILIARIES:
        return "future"
    if "would" in auxiliaries and _reported(trigger):
        return "future"  # "said it would allow": the future of a reported statement
    if auxiliaries & HEDGING_AUXILIARIES:
        return "hedged"
    # (by its form too: the parser's lemma of "hoping" and "hopes" is "hop")
    if any((token.lemma_.lower() in FUTURE_HEADS or token.lower_ in FUTURE_HEADS)
           and not _decided(token) for token in _planned_by(chain)):
        return "future"
    if _present(trigger) and _future_time(trigger):
        return "future"  # "Bush visits Canada next week"
    return "asserted"


def _present(verb: Token) -> bool:
    """"visits", "is visiting": a verb in the present, which a time to come makes future."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBG" and any(child.dep_ == "aux" and child.tag_ in ("VBZ", "VBP")
                                      for child in verb.children)


def _future_time(verb: Token) -> bool:
    """Whether the verb's own clause names a time to come ("next week", "tomorrow"),
    not a clause of its own below it."""
    for token in verb.subtree:
        if token.ent_type_ != "DATE" or token.lower_ not in FUTURE_TIMES:
            continue
        head = token
        while head.i != verb.i and not (
                head.pos_ in ("VERB", "AUX") and head.dep_ in ("ccomp", "advcl", "relcl", "conj")):
            head = head.head
        if head.i == verb.i:
            return True
    return False


def _planned_by(chain: list[Token]) -> list[Token]:
    """The words up to two steps above an act that may plan it: those it is the
    complement of ("plans to attack", "is set to begin talks"), not a clause beside
    one ("the truce agreed as rebels continue to fight" plans no fighting)."""
    heads: list[Token] = []
    for below, token in zip(chain[:2], chain[1:3], strict=False):
        if below.dep_ not in PLANNED_DEPS and not (below.dep_ == "advcl" and to_infinitive(below)):
            break  # ("offered to send troops to help X": a purpose is planned too)
        heads.append(token)
    return heads


def _decided(verb: Token) -> bool:
    """"Japan decided to ease sanctions", "has decided to grant asylum": a decision
    taken is the act it decides, as the coders read it; one to be taken ("should
    decide", "will decide", "decides to") plans it."""
    if verb.lemma_.lower() not in DECISION_VERBS or verb.pos_ != "VERB":
        return False
    auxiliaries = [child for child in verb.children if child.dep_ == "aux"]
    if any(child.tag_ == "MD" for child in auxiliaries):
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        child.lemma_.lower() == "have" for child in auxiliaries))


def _reported(verb: Token) -> bool:
    """Whether a verb heads the clause of a reporting verb ("Iraq said it would ...")."""
    clause = verb
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in REPORTING_VERBS


def coded_relation(lexicon: Lexicon, relation: Relation, modality: Modality,
                   trigger: Token) -> Relation:
    """What an act codes as in its mood: the intent to act, a threat, a demonstration."""
    if relation.cameo in FOUGHT_FOR and modality == "asserted" and _attempted(trigger):
        return lexicon.rules["attempted force"]
    if relation.root in VIOLENT_ROOTS and modality == "future" and _readied(trigger):
        # CAMEO codes forces made ready to strike as a show of force (150), not a
        # threat (138): nobody is told anything; "is prepared to" stays a promise
        return lexicon.rules["readied force"]
    coded = _intent(lexicon, relation, modality, trigger)
    if coded.root in PROTEST_ROOTS and _acted_out(trigger):
        # "started a hunger strike to protest X", "demonstrators protesting X",
        # "blocked roads to press demands": a protest carried by a deed is a
        # demonstration, not a statement.
        return lexicon.rules["demonstration"]
    return coded


def _readied(trigger: Token) -> bool:
    """"prepared to resume shelling", "were preparing to attack": violence planned by a
    verb of readying (the adjective of "is prepared to" is willingness, not readiness)."""
    return any(token.pos_ == "VERB" and token.lemma_.lower() in READYING_VERBS
               for token in _planned_by([trigger, *ancestors(trigger)]))


def _attempted(trigger: Token) -> bool:
    """"launched an offensive to retake X", "in a bid to capture X", "fighting to
    recapture X": the act is the aim of an effort or an operation, not yet its result,
    also where the parser hangs the aim on the verb that carries the effort ("launched
    their assault to recapture X", "stepped up its campaign to retake X")."""
    return any(token.lemma_.lower() in ATTEMPT_HEADS or
               any(child.dep_ == "dobj" and child.lemma_.lower() in ATTEMPT_HEADS
                   for child in token.children)
               for token in _planned_by([trigger, *ancestors(trigger)]))


def _intent(lexicon: Lexicon, relation: Relation, modality: Modality,
            trigger: Token) -> Relation:
    """A promised or planned act codes as the intent to act (03x) or a threat (13x);
    under "threaten" even a cooperative-looking act ("to withdraw") is a threat, and
    so is an act promised on a condition: "will withdraw unless X", "may halt
    mediation if Y" (an intent to cooperate "if attacked" stays an intent). A friendly
    act that could or would be done on a condition is offered: "could cut its forces if
    the militants accept an amnesty" is an intent (03x), as a promise is."""
    threat = lexicon.rules["threat"]
    if relation.root not in THREAT_ROOTS and _under_threat(trigger):
        return threat  # "threatened to launch an offensive": the threat is the act
    if modality not in ("future", "hedged"):
        return relation
    found = condition_clause(trigger)
    condition = found[0] if found else None
    if condition == "unless" or (condition == "if" and relation.quad.endswith("conflict")):
        return threat
    if modality != "future" and condition != "if":
        return relation
    return lexicon.intents.get(relation.root, relation)


def _under_threat(trigger: Token) -> bool:
    """"threatened to impose restrictions", "threatened to launch an offensive": the act
    hangs from a threatening verb (through a light verb for a noun)."""
    reach = 3 if trigger.pos_ in ("NOUN", "PROPN") else 2
    path = [trigger, *list(ancestors(trigger))[:reach]]
    # "threatened sanctions after its parliament called on US troops to leave": an act
    # told beside the threat is no part of it
    beside = next((index for index, token in enumerate(path) if told_beside(token)), None)
    path = path if beside is None else path[:beside + 1]
    return any((token.lemma_.lower() in THREAT_HEADS and token.pos_ == "VERB") or
               (token.lemma_.lower() in THREAT_NOUNS and token.pos_ == "NOUN") or
               (below.dep_ in ("advcl", "xcomp", "acl") and to_infinitive(below)
                and _carries_threat(token))
               for below, token in zip(path, path[1:], strict=False))


def _carries_threat(verb: Token) -> bool:
    """"renewed its threats to continue attacks", "issued a warning to strike": a verb
    whose object is a threat frames the act its infinitive names."""
    return any(child.dep_ == "dobj" and child.lemma_.lower() in THREAT_NOUNS
               for child in verb.children)


def _acted_out(trigger: Token) -> bool:
    """Whether a protest or demand is the purpose of a deed ("blocked roads to press
    demands") or what protesters are doing ("demonstrators protesting the results")."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        return trigger.dep_ == "pobj" and trigger.head.lower_ == "in"  # "in protest of X"
    if trigger.dep_ == "advcl" and any(child.dep_ == "aux" and child.lower_ == "to"
                                       for child in trigger.children):
        head = trigger.head
        return head.pos_ == "VERB" and not any(child.dep_ == "ccomp" for child in head.children)
    # ("with the opposition accusing the government": what goes on beside, not
    # protesters; "a declaration demanding X": what a message says, not a deed)
    return trigger.dep_ == "acl" and trigger.tag_ == "VBG" and \
        not (trigger.head.dep_ == "pobj" and trigger.head.head.lower_ == "with") and \
        trigger.head.lemma_.lower() not in ISSUED_MESSAGES
