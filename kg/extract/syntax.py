"""Walks over spaCy's dependency tree that every stage shares. Nothing here decides what
an event is: these functions find phrases, clauses and heads, and leave the meaning to
the stages that call them (who a thing belongs to: ``ownership``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from kg.actors.groups import OPPOSING_PREFIXES
from kg.tokens import token_table
from kg.words import words

# The parser's labels: dates and times, amounts, asides and clauses.
TIME_ENTITIES = {"DATE", "TIME"}
AMOUNT_ENTITIES = {"MONEY", "QUANTITY", "CARDINAL", "PERCENT", *TIME_ENTITIES}
ASIDE_DEPS = {"appos", "parataxis"}
CLAUSE_DEPS = {"acl", "relcl", "advcl", "xcomp", "ccomp", "appos"}
# How far up the tree a word looks for a subject, a negation or a modal.
MAX_CLIMB = 6

AGENT_PREPOSITIONS = words("agent preposition")
AMOUNT_WORDS = words("amount word")
CLAUSE_MARKS = words("clause mark")
CONDITIONAL_MARKS = words("conditional mark")
LOOSE_PREPOSITIONS = words("loose preposition")
OBLIGATION_AUXILIARIES = words("obligation auxiliary")
# "Japan should open its markets", "Japan needs to open them": what another is advised
ADVISING_MODALS = words("advising modal")
REPORTING_VERBS = words("reporting verb")
# "withdrew after Turkish jets raided villages": a clause these bring in tells an act
# done beside the verb's ("before" brings in one not yet done, "since" the background)
TOLD_CLAUSE_MARKS = words("told clause mark")
# what a speaker does in the breath they report with: "said ... and accused X of ..."
SPEAKER_ACTS = words("speaker act")
# "killed by shells", "injured in a blast", "armed with knives": what an act is done with
INSTRUMENT_PREPOSITIONS = words("instrument preposition")
WHERE_PREPOSITIONS = words("where preposition")


def set_off_participle(token: Token) -> bool:
    """"Merkel, touring a camp in Chad, urged ...": a participle set off by a comma
    between a subject and its verb tells an act of the subject's own, not what the verb
    says."""
    noun = token.head
    return token.dep_ in ("acl", "advcl") and token.tag_ in ("VBG", "VBN") and \
        noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in ("nsubj", "nsubjpass") and \
        noun.i < token.i < noun.head.i and token.doc[token.i - 1].text == ","


def set_off_relative(token: Token) -> bool:
    """"greeted Chavez, who paid a visit to Cuba": a relative clause set off by a comma
    whose subject is the noun it describes adds an act of the noun's own, not what the
    verb above it says."""
    start = token.left_edge.i
    return token.dep_ == "relcl" and start > 0 and token.doc[start - 1].text == "," and \
        any(child.dep_ == "nsubj" and child.tag_ in ("WP", "WDT") for child in token.children)


def told_beside(clause: Token) -> bool:
    """Whether ``clause`` is one of time with a subject of its own ("withdrew after
    Turkish jets raided villages"), which tells an act beside the verb's."""
    return clause.dep_ == "advcl" and \
        any(child.dep_ == "mark" and child.lower_ in TOLD_CLAUSE_MARKS
            for child in clause.children) and \
        any(child.dep_ in ("nsubj", "nsubjpass") for child in clause.children)


def speakers_act(verb: Token) -> Token | None:
    """The reporting verb whose speaker does the verb: "Israel said it believed Syrian
    forces had used gas and accused the world of ...", where the parser joins the
    accusation to what was said, is Israel's accusation; the verb must have no subject
    of its own."""
    if verb.dep_ != "conj" or verb.lemma_.lower() not in SPEAKER_ACTS or \
            any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children):
        return None
    clause = verb.head
    while clause.dep_ == "ccomp" and clause.head.i != clause.i:
        if clause.head.lemma_.lower() in REPORTING_VERBS:
            return clause.head
        clause = clause.head  # "said it believed X had used": what the speaker believes
    return None


def not_dates(tokens: Iterable[Token]) -> tuple[Token, ...]:
    """The tokens that are not part of a date or time: "agreed on Wednesday" names when,
    never whom, and a date controls nothing."""
    return tuple(token for token in tokens if token.ent_type_ not in TIME_ENTITIES)


def subtree_indices(token: Token) -> set[int]:
    return {each.i for each in token.subtree}


def phrase_head(doc: Doc, start: int, end: int) -> Token | None:
    """The head of the words between two character offsets (a mention's phrase)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def passive_instruments(verb: Token, deps: tuple[str, ...] = ("prep",)) -> list[Token]:
    """What a harm told in the passive was done in or with ("were injured in a
    motorcycle detonated by X", "were wounded by mortar shells"), also for the passive
    verb joined to it ("two were killed and ten wounded by shells"); ``deps`` are the
    phrases read: "prep", and "agent" where a by-phrase may name the weapon too."""
    return [obj for joined in (verb, *verb.conjuncts)
            if joined.pos_ == "VERB" and any(child.dep_ == "auxpass" for child in joined.children)
            for child in joined.children
            if child.dep_ in deps and child.lower_ in INSTRUMENT_PREPOSITIONS
            for obj in child.children if obj.dep_ == "pobj"]


def to_infinitive(clause: Token) -> bool:
    """Whether a clause is a to-infinitive: "to end the war", "to continue attacks"."""
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in clause.children)


def misread_main_verb(verb: Token) -> bool:
    """"The Iraqi air force carried out air strikes", "A car bomb killed 26 people": the
    parser may read a sentence's main verb as a participle describing the noun before it,
    leaving the sentence headed by that noun. A participle done to its noun takes no
    object of its own; one with an object, and no agent or auxiliary, is the noun's own
    act."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or head.dep_ != "ROOT" or \
            head.pos_ not in ("NOUN", "PROPN") or verb.i < head.i:
        return False
    deps = {child.dep_ for child in verb.children}
    return "dobj" in deps and deps.isdisjoint(("agent", "aux", "auxpass"))


def describes_its_noun(verb: Token) -> bool:
    """"rebels fighting to topple Assad", "groups who are battling to oust him": a
    participle or present relative clause after a noun tells who the noun is, an aim it
    keeps, not an act done on a day."""
    if verb.dep_ == "acl":
        return verb.tag_ == "VBG" and not misread_main_verb(verb)
    return verb.dep_ == "relcl" and verb.tag_ in ("VBG", "VBZ", "VBP")


def described_side(verb: Token) -> tuple[Token, ...] | None:
    """The side of "between X and Y" a participle after it describes: "clashes between
    regime forces and rebels backed by Z" (the parser hangs it on the first side) back
    only the rebels; none where the parser has read the other side into the participle's
    own phrase ("between Turkish forces backed by tanks and Kurdish fighters"). None
    for a participle on no such side."""
    side = verb.head
    if verb.dep_ != "acl" or side.dep_ != "pobj" or side.head.lower_ != "between":
        return None
    before = [token for token in side.conjuncts if token.i < verb.i]
    if before:
        return (max(before, key=lambda token: token.i),)
    if any(token.dep_ == "conj" for token in verb.subtree):
        return ()
    return None


def is_below(token: Token, top: Token) -> bool:
    """Whether ``token`` is ``top`` or below it: ``token.i in subtree_indices(top)``, by a
    walk up from the one token instead of gathering the whole subtree."""
    heads = token_table(token.doc).head
    current, top_index = token.i, top.i
    while current != top_index:
        if heads[current] == current:
            return False
        current = heads[current]
    return True


def prep_objects(head: Token, prep: str, depth: int = 1) -> Iterator[Token]:
    """Objects of ``prep`` under ``head``; with depth 2 also under its PP objects, where
    the parser tends to hang them ("veto with China of the resolutions")."""
    doc = head.doc
    table = token_table(doc)
    deps, lowers, children = table.dep, table.lower, table.children
    for child in children[head.i]:
        # "sent peacekeepers to Liberia": the parser may call "to" a dative
        if deps[child] in ("prep", "prt", "agent", "dative") and lowers[child] == prep:
            for obj in children[child]:
                if deps[obj] in ("pobj", "pcomp"):
                    yield doc[obj]
        elif deps[child] in ("prep", "prt") and \
                not any(deps[obj] == "pobj" for obj in children[child]):
            # "pulled out of Iraq", "ahead of the summit": a two-word preposition
            # hangs its object on its second word
            for inner in children[child]:
                if deps[inner] == "prep" and lowers[inner] == prep:
                    yield from (doc[obj] for obj in children[inner] if deps[obj] == "pobj")
    if depth > 1:
        for child in children[head.i]:
            if deps[child] == "prep":
                for obj in children[child]:
                    if deps[obj] == "pobj":
                        yield from prep_objects(doc[obj], prep, depth - 1)


def verb_prep_objects(verb: Token, prep: str) -> Iterator[Token]:
    """Objects of ``prep`` under the verb, a particle phrase or the direct object:
    "severed ties with Qatar", "pulled out of Syria"."""
    yield from prep_objects(verb, prep)
    for child in verb.children:
        if child.dep_ in ("dobj", "prt"):
            yield from prep_objects(child, prep)


def phrase_objects(verb: Token) -> Iterator[Token]:
    """The verb's direct objects, then the objects of its prepositional phrases, in
    reading order: where a fallback looks for the one acted on."""
    yield from (child for child in verb.children
                if child.dep_ == "dobj" or (child.dep_ == "dative" and child.pos_ != "ADP"))
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in LOOSE_PREPOSITIONS:
            yield from (obj for obj in child.children if obj.dep_ == "pobj")


def opposed_names(noun: Token) -> Iterator[Token]:
    """The words an "anti-" or "counter-" prefix before ``noun`` sets it against ("an
    anti-ISIS offensive": ISIS), read where the tokenizer splits the hyphen off."""
    modifiers = [child for child in noun.children
                 if child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i]
    for prefix in modifiers:
        after = prefix.i + 1
        if prefix.lower_ in OPPOSING_PREFIXES and after + 1 < noun.i and \
                prefix.doc[after].text == "-":
            yield prefix.doc[after + 1]


def light_verb_targets(verb: Token, prep: str) -> Iterator[Token]:
    """Objects of ``prep`` under a light verb, and its indirect object for "to"."""
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ == prep:
            yield from (obj for obj in child.children if obj.dep_ == "pobj")
        elif child.dep_ == "dative" and child.pos_ in ("PROPN", "NOUN", "PRON") \
                and prep == "to":
            yield child


def listed_speakers(head: Token) -> list[Token]:
    """The speakers that text stripped of its commas runs into a list before their verb:
    "between the militants and Kurdish fighters Syrian activists and the Observatory
    said" (the sides end at the first "and"; "said" has no subject of its own)."""
    listed = sorted([head, *head.conjuncts], key=lambda token: token.i)
    after = listed[-1].right_edge.i + 1
    if after >= len(head.doc):
        return []
    verb = head.doc[after]
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in REPORTING_VERBS or \
            any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children):
        return []
    joins = sorted((child for token in listed for child in token.children
                    if child.dep_ == "cc"), key=lambda token: token.i)
    if len(joins) < 2:
        return []
    second_side = next((token for token in listed if token.i > joins[0].i), None)
    return [token for token in listed if second_side is not None and token.i > second_side.i]


def between_sides(heads: Iterable[Token]) -> list[Token]:
    """The sides of the first "between X and Y" in the phrases of the heads, their
    clauses included: "a truce between X and Y", "deals to end the fighting between X
    and Y"."""
    for head in heads:
        for token in head.subtree:
            if token.dep_ == "pobj" and token.head.lower_ == "between":
                return sides_of(token)
    return []


def sides_of(head: Token) -> list[Token]:
    """The sides a "between" phrase names, also where the parser hangs the first on the
    last ("the government and opposition groups": "government" modifies "groups")."""
    # each found head stands for its own conjuncts too (resolve_each adds them)
    paired = [token.head for token in head.subtree
              if token.dep_ == "conj" and token.head.dep_ != "conj"]
    return list(dict.fromkeys([head, *paired]))


def purpose_clauses(verb: Token) -> list[Token]:
    """The clauses that say what an act is done for: "brokered deals to end the war"."""
    return [child for child in verb.children
            if child.dep_ in ("advcl", "xcomp") and to_infinitive(child)]


def journey_ends(clause: Token) -> list[Token]:
    """Where the journey a purpose clause is made for goes: "sent experts to Bosnia to
    investigate", "will travel to Kabul to investigate" (none for a clause of no verb's
    purpose)."""
    journey = clause.head
    if clause.dep_ not in ("advcl", "xcomp") or not to_infinitive(clause) or \
            journey.pos_ != "VERB" or journey.i == clause.i:
        return []
    return [obj for child in journey.children
            if child.dep_ == "prep" and child.lower_ in ("to", "into", "in")
            for obj in child.children if obj.dep_ == "pobj"]


def within(head: Token) -> Iterator[Token]:
    """The words of a noun phrase below its head in reading order, without its clauses
    ("staged by students to protest ...") or where it lies ("on the Thai border")."""
    for child in head.children:
        if child.dep_ in CLAUSE_DEPS or \
                (child.dep_ == "prep" and child.lower_ in WHERE_PREPOSITIONS):
            continue
        yield child
        yield from within(child)


def clause_subjects(verb: Token) -> Iterator[Token]:
    """Subjects of the clauses a verb governs after it: "that the US cancel ...",
    "for Burma to institute ..."."""
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "advcl") or clause.i < verb.i:
            continue
        marks = {child.lower_ for child in clause.children if child.dep_ == "mark"}
        if clause.dep_ == "advcl" and not marks & CLAUSE_MARKS:
            continue
        if marks - CLAUSE_MARKS:
            continue
        yield from (child for child in clause.children if child.dep_ == "nsubj")


def clause_heads(clause: Token) -> Iterator[Token]:
    """Noun phrase heads of a clause in reading order: where a statement's target is."""
    for token in clause.subtree:
        if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "poss", "attr") \
                and token.pos_ in ("PROPN", "NOUN", "PRON"):
            yield token


def marked_clause_subjects(noun: Token, governor: Token | None) -> tuple[Token, ...]:
    """Subjects of "that"/"for" clauses after a noun, which the parser hangs on the noun
    or on the verb that carries it: "its demand that Israel ease restrictions"."""
    verb_clauses = list(governor.children) if governor is not None and \
        noun.head.i == governor.i else []
    return tuple(subject for clause in (*noun.children, *verb_clauses)
                 if clause.dep_ in ("acl", "ccomp") and clause.i > noun.i
                 and {child.lower_ for child in clause.children
                      if child.dep_ == "mark"} & CLAUSE_MARKS
                 for subject in clause.children if subject.dep_ == "nsubj")


def obliges(clause: Token) -> bool:
    """A clause saying its subject must act: "China must drop", "Libya has to hand over"."""
    if any(child.dep_ == "aux" and child.lower_ in OBLIGATION_AUXILIARIES
           for child in clause.children):
        return True
    return clause.lemma_ == "have" and any(child.dep_ == "xcomp" and
                                           any(grand.dep_ == "aux" and grand.lower_ == "to"
                                               for grand in child.children)
                                           for child in clause.children)


def advised_act(clause: Token) -> Token | None:
    """The verb of what a clause says its subject should do: "China should drop",
    "China ought to drop", "China needs to drop"; not what it should have done (a
    reproach), nor what should be done to it ("Russia should be investigated" asks
    nothing of Russia)."""
    children = list(clause.children)
    if not any(child.dep_ == "nsubj" for child in children) or any(
            child.dep_ == "aux" and child.lemma_ == "have" for child in children):
        return None
    if any(child.dep_ == "aux" and child.lower_ in ADVISING_MODALS for child in children):
        return clause
    if clause.lemma_.lower() not in ADVISING_MODALS:
        return None
    return next((child for child in children if child.dep_ == "xcomp" and any(
        grand.dep_ == "aux" and grand.lower_ == "to" for grand in child.children)
        and not any(grand.dep_ == "auxpass" for grand in child.children)), None)


def could_name_actor(token: Token) -> bool:
    """A name, a pronoun, or a noun with a named modifier ("Syrian forces")."""
    if token.pos_ in ("PROPN", "PRON") or token.ent_type_:
        return True
    return any(child.dep_ in ("amod", "compound", "nmod", "poss")
               and (child.pos_ in ("PROPN", "PRON") or child.ent_type_)
               for child in token.children)


def governing_verb(token: Token) -> Token | None:
    """The verb a noun phrase hangs from, through prepositions and quantities."""
    table = token_table(token.doc)
    heads, tags = table.head, table.pos
    current = token.i
    for _ in range(MAX_CLIMB):
        head = heads[current]
        if head == current:
            return None
        if tags[head] in ("VERB", "AUX"):
            return token.doc[head]
        current = head
    return None


def ancestors(token: Token) -> Iterator[Token]:
    current = token
    for _ in range(MAX_CLIMB):
        if current.head.i == current.i:
            return
        current = current.head
        yield current


def amount_holding(noun: Token) -> Token | None:
    """The amount a noun is measured in: "dollars" in "5 million dollars of aid"."""
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ != "of" or of.head.i == of.i:
        return None
    amount = of.head
    return amount if amount.ent_type_ in AMOUNT_ENTITIES or \
        amount.lemma_.lower() in AMOUNT_WORDS else None


def verb_lemma(verb: Token) -> str:
    """A verb with its particle, where it has one: "call off", "turn down"."""
    table = token_table(verb.doc)
    lemma = table.lemma[verb.i]
    particles = [table.lower[child] for child in table.children[verb.i]
                 if table.dep[child] == "prt"]
    return f"{lemma} {particles[0]}" if particles else lemma


def object_names(obj: Token) -> Iterator[str]:
    """How an object may be named in the lexicon, longest first: "state of emergency",
    "martial law", "curfew"."""
    lemma = obj.lemma_.lower()
    amount = obj.ent_type_ in AMOUNT_ENTITIES or lemma in AMOUNT_WORDS
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for inner in prep.children:
                if inner.dep_ == "pobj":
                    yield f"{lemma} of {inner.lemma_.lower()}"
                    if amount:  # "700 kg of medicine" is medicine, and "a contingent
                        # of peacekeeping troops" peacekeeping troops
                        yield from object_names(inner)
    for modifier in obj.lefts:
        if modifier.dep_ in ("compound", "amod"):
            yield f"{modifier.lemma_.lower()} {lemma}"
    yield lemma
    if obj.ent_type_ == "MONEY":  # "gave $2 million to X" hands over money
        yield "money"


def lemma_forms(lemma: str) -> tuple[str, str]:
    # The lemmatizer sometimes drops a final "e": "staged" -> "stag".
    return lemma, f"{lemma}e"


def lemma_in(token: Token, lemmas: set[str] | frozenset[str]) -> bool:
    return any(form in lemmas for form in lemma_forms(token.lemma_.lower()))


def condition_clause(trigger: Token) -> tuple[str, Token] | None:
    """("if" or "unless", the clause) where a clause of the act's verb sets a condition."""
    verb = trigger.head if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "dobj" \
        else trigger
    for clause in (*verb.children, *(verb.head.children if verb.dep_ == "xcomp" else ())):
        if clause.dep_ == "advcl":
            marks = {child.lower_ for child in clause.children if child.dep_ == "mark"}
            for mark in ("unless", "if"):
                if mark in marks:
                    return mark, clause
    return None


def condition_subjects(trigger: Token) -> list[Token]:
    """Who a condition is set for: "unless Israel rescinds", "if the US goes ahead"."""
    found = condition_clause(trigger)
    if found is None:
        return []
    return [child for child in found[1].children if child.dep_ in ("nsubj", "nsubjpass")]


def evidence_span(sentence: Span) -> Span:
    """The sentence without the white space and the stray closing quote that the
    sentence splitter leaves at the start of a line."""
    doc = sentence.doc
    spaces = token_table(doc).is_space
    words_ = [index for index in range(sentence.start, sentence.end) if not spaces[index]]
    while len(words_) > 1 and doc[words_[0]].is_punct and spaces[words_[0] + 1]:
        words_.pop(0)
    return doc[words_[0]:words_[-1] + 1]
