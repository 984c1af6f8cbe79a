"""``dep-verb.v1``: dyadic events from spaCy dependency parses and the relation lexicon.

A verb (or an event noun such as "criticism" or "veto") that the lexicon knows triggers
an event; its source is the grammatical subject (inherited through control, coordination
and purpose clauses when the verb has none of its own) or, for nouns, the possessor or the
"by"/"from" phrase; its target is the direct object or the object of the preposition the
lexicon names for that word. Actors come from ``kg.actors.resolve``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.actors.gazetteer import Gazetteer
from kg.actors.resolve import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    THING_PRONOUNS,
    ActorResolver,
    DocumentActors,
)
from kg.extract.base import extractors
from kg.lexicon import Lexicon
from kg.model import Actor, Document, DocumentResult, Event, Mention, Relation

NAME = "dep-verb.v1"
REVERSING_VERBS = {"lift", "end", "cancel", "postpone", "call off", "drop", "ease", "suspend",
                   "revoke", "halt", "scrap", "remove", "withdraw", "relax", "rescind", "waive",
                   "abandon", "stop", "freeze", "cut", "reduce", "break"}
# Refusing an act rejects it (12x), aimed at whom the act would have been aimed at.
REFUSING_VERBS = {"refuse", "decline"}
DENIAL_VERBS = {"deny", "decline", "refuse", "fail", "reject", "dismiss"}
NEGATING_DETERMINERS = {"no"}
FUTURE_AUXILIARIES = {"will", "shall", "'ll", "wo"}
HEDGING_AUXILIARIES = {"would", "could", "might", "may", "should", "'d"}
FUTURE_HEADS = {"plan", "intend", "expect", "prepare", "aim", "intention", "agree", "offer",
                "pledge", "promise", "vow", "decide", "want", "hope", "seek", "ready", "set",
                "swear", "threaten", "willing", "prepared", "determined", "poised"}
# Heads that make a planned act a threat: "threatened to shell X" threatens X (13x).
THREAT_HEADS = {"threaten", "warn"}
# Verbal protest and demand (11x, 10x): carried out in deeds, they are demonstrations.
PROTEST_ROOTS = {"10", "11"}
REPORTING_HEADS = {"say", "announce", "declare", "state", "tell", "add", "confirm", "report",
                   "indicate", "insist", "reiterate", "stress", "affirm"}
THREAT_ROOT = "13"
# Appeals and demands whose addressee may be the subject of the demanded clause.
FRAMING_ROOTS = {"02"}
ADDRESSEE_ROOTS = {"02", "10"}
CLAUSE_MARKS = {"that", "for"}
TIME_ENTITIES = {"DATE", "TIME"}
ASIDE_DEPS = {"appos", "parataxis"}
AMOUNT_ENTITIES = {"MONEY", "QUANTITY", "CARDINAL", "PERCENT", *TIME_ENTITIES}
AMOUNT_WORDS = {"ton", "tonne", "worth", "amount", "package", "shipment", "consignment",
                "load", "convoy", "batch", "supply"}
CONDITIONAL_MARKS = {"if", "unless", "provided"}
CONTROL_PREPOSITIONS = {"on", "upon"}
STATEMENT_ROOT = "01"
# Prepositions that tie a thing to its owner or place: "aid to Iraq", "a ban on Hamas".
OWNER_PREPOSITIONS = {"of", "by", "in", "on", "against", "to", "for", "from", "over", "with",
                      "toward", "towards", "into"}
PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS
# How far up the tree a trigger looks for a subject, a negation or a modal.
MAX_CLIMB = 6
# Where an act's target may hang when the lexicon's preposition does not fit.
LOOSE_PREPOSITIONS = {"to", "for", "with", "against", "from", "into", "in", "on", "toward",
                      "towards", "at", "over", "upon", "onto"}
# The lexicon's mark for acts aimed, when no target is named, at the government of the
# place where they happen: a demonstration or strike is a protest against those in power.
HOME = "*"
INSTRUMENT_PREPOSITIONS = {"by", "in", "with"}
GRIEVANCE_PREPOSITIONS = {"about", "over", "against", "at"}
DISAPPROVAL_ROOT = "11"
CLAUSE_DEPS = {"acl", "relcl", "advcl", "xcomp", "ccomp", "appos"}
WHERE_PREPOSITIONS = {"on", "near", "at", "along", "in", "inside", "outside", "across"}
# "used tear gas to disperse them": the user acts, the thing used is its means.
INSTRUMENT_VERBS = {"use", "employ", "deploy", "send", "dispatch"}
# Acts only a state does, and the body that does them: arrest or charge, deport, convict.
STATE_ACTS = {"173": "COP", "174": "COP", "116": "JUD"}
# Artillery and tanks, aerial weapons: the arms of states.
STATE_WEAPON_CODES = {"194", "195"}
# Roots of violence: assault, fight, mass violence.
VIOLENT_ROOTS = {"18", "19", "20"}
OWN_POSSESSIVES = {"its", "their", "his", "her", "our"}
# Sectors that act for the state: with no target named, they act on the people.
STATE_SECTORS = {None, "GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
PLACE_PREPOSITIONS = {"in", "throughout", "across", "outside", "at", "near", "around",
                      "inside", "into"}


@dataclass(frozen=True, slots=True)
class Trigger:
    """An event word with the relation it codes and where its arguments come from."""

    token: Token
    relation: Relation
    sources: tuple[Token, ...]
    targets: tuple[Token, ...]
    inherited_source: bool
    nominal: bool
    statement: bool = False
    reciprocal: bool = False
    # Targets found by the fallback search (any preposition), not the lexicon's frame.
    loose: bool = False
    # No target named: aimed at the government where the act happens (``HOME``).
    home: bool = False
    # Where to look when the act names no target of its own: for such acts, the targets
    # of the act they are done for ("blocked roads to protest the embargo"); for a
    # one-sided agreement, the names in what was agreed ("to set up a centre in Tokyo").
    purpose: tuple[Token, ...] = ()


class DepVerbExtractor:
    """Rule-based event extraction over spaCy's dependency parse.

    Example:
        >>> extractor = DepVerbExtractor(load_model(), Lexicon.load(), Gazetteer.load())
        >>> for result in extractor.extract(documents): ...
    """

    name = NAME

    def __init__(self, nlp: Language, lexicon: Lexicon, gazetteer: Gazetteer,
                 batch_size: int = 32) -> None:
        self.nlp = nlp
        self.lexicon = lexicon
        self.resolver = ActorResolver(gazetteer, nlp.vocab)
        self.resolver.add_patterns(nlp.make_doc)
        self.batch_size = batch_size

    def extract(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        pairs = ((document.text, document) for document in documents)
        for doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            yield self.extract_doc(doc, document)

    def extract_doc(self, doc: Doc, document: Document) -> DocumentResult:
        actors = self.resolver.for_document(doc, document)
        events: dict[str, Event] = {}
        sentences = 0
        for sentence in doc.sents:
            if not sentence.text.strip():
                continue
            sentences += 1
            actors.scan(sentence)
            for event in self._sentence_events(sentence, actors, document):
                events.setdefault(event.id, event)
        return DocumentResult(document, sentences, tuple(events.values()),
                              tuple(actors.unresolved.values()))

    # -- triggers -------------------------------------------------------------------

    def _sentence_events(self, sentence: Span, actors: DocumentActors,
                         document: Document) -> Iterator[Event]:
        triggers: list[Trigger] = []
        statements: list[Token] = []
        threats: list[Token] = []
        refusals: list[Token] = []
        for token in sentence:
            lemma = token.lemma_.lower()
            verb_entries = self._verb_entries(token) if token.pos_ in ("VERB", "AUX") else {}
            if verb_entries:
                found = list(self._verb_triggers(token, verb_entries))
                triggers.extend(found)
                if not found and self._is_statement(lemma):
                    statements.append(token)
                elif not found and self._is_threat(lemma):
                    threats.append(token)
                elif not found and lemma in REFUSING_VERBS and lemma in self.lexicon.verbs:
                    refusals.append(token)
            elif token.pos_ in ("NOUN", "PROPN") and (noun_entries := self._noun_entries(token)):
                triggers.extend(self._noun_triggers(token, noun_entries))
            elif token.pos_ == "ADJ" and lemma in self.lexicon.adjectives:
                triggers.extend(self._adjective_triggers(token, self.lexicon.adjectives[lemma]))
        for speech in statements:
            triggers.extend(self._reported_speech(speech, triggers))
        for threat in threats:
            triggers.extend(self._threatened_content(threat, triggers))
        for refusal in refusals:
            triggers.extend(self._refused_act(refusal, triggers))
        triggers = [_with_purpose(trigger, triggers) if trigger.home else
                    _with_content(trigger, triggers) if trigger.reciprocal else trigger
                    for trigger in triggers]
        coded = [(trigger, list(self._events(trigger, sentence, actors, document)))
                 for trigger in triggers]
        # "Italy announced a suspension of links with X": what is announced is the act.
        # "wrote to Bush urging him to send troops": what is said is the act.
        coding = {trigger.token.i for trigger, events in coded
                  if events and trigger.relation.root != STATEMENT_ROOT}
        coded = [(trigger, events) for trigger, events in coded
                 if not (trigger.relation.root == STATEMENT_ROOT and not trigger.nominal
                         and any(token.i in coding for token in trigger.token.subtree))]
        # Like the CAMEO coders, code the sentence's main act: an act below another one
        # ("demanded an admission that forces murdered officers") is its content.
        acting = {trigger.token.i for trigger, events in coded if events}
        # An appeal frames what it asks for even when its own actor is unknown: "the
        # parties call for X and Y to agree" asserts no agreement. (Demands and threats
        # are left out: on the gold sets their inner acts carry the code.)
        acting |= {token.i for token in sentence if self._frames_an_act(token)}
        for trigger, events in coded:
            if not _embedded(trigger.token, acting):
                yield from events

    def _verb_entries(self, verb: Token) -> dict[str, Relation]:
        """The lexicon's entries for a verb, or for the verb with its object where that
        codes otherwise: "blocked roads", "imposed a state of emergency"."""
        entries = self._object_entries(verb)
        if entries:
            return entries
        lemma = _verb_lemma(verb)
        if lemma in self.lexicon.verbs:
            return self.lexicon.verbs[lemma]
        if lemma in REVERSING_VERBS:  # "called off a strike": the strike's word codes
            return {}
        return self.lexicon.verbs.get(verb.lemma_.lower(), {})

    def _object_entries(self, verb: Token) -> dict[str, Relation] | None:
        """The lexicon's ``object`` rows for the verb with one of its objects, subjects or
        instruments, if any."""
        lemma = _verb_lemma(verb)
        objects = [child for child in verb.children if child.dep_ in ("dobj", "nsubjpass")]
        # what the act was done with: "killed by a bomb", "killed in a car bombing",
        # "suicide bombers killed"
        objects += [child for child in verb.children if child.dep_ == "nsubj"]
        objects += [obj for child in verb.children
                    if child.dep_ in ("agent", "prep") and child.lower_ in INSTRUMENT_PREPOSITIONS
                    for obj in child.children if obj.dep_ == "pobj"]
        for obj in objects:
            for name in _object_names(obj):
                for verb_lemma in _lemma_forms(lemma):
                    entries = self.lexicon.objects.get(f"{verb_lemma} {name}")
                    if entries:
                        return entries
        return None

    def _codes_itself(self, verb: Token) -> bool:
        """Whether the lexicon codes the verb with the phrases it has: "suspended talks
        with X" does, "suspended aid deliveries" leaves it to the noun."""
        entries = self.lexicon.verbs.get(_verb_lemma(verb), {})
        return any(prep == "" or any(True for _ in _verb_prep_objects(verb, prep))
                   for prep in entries)

    def _noun_entries(self, noun: Token) -> dict[str, Relation]:
        """The lexicon's entries for a noun, where a modifier before it may make a word of
        its own: a "hunger strike" is a protest, a "strike" alone an attack."""
        lemma = noun.lemma_.lower()
        for modifier in noun.lefts:
            if modifier.dep_ in ("compound", "amod"):
                entries = self.lexicon.nouns.get(f"{modifier.lemma_.lower()} {lemma}")
                if entries:
                    return entries
        return self.lexicon.nouns.get(lemma, {})

    def _frames_an_act(self, token: Token) -> bool:
        entries = self.lexicon.verbs.get(token.lemma_.lower()) if token.pos_ == "VERB" \
            else self.lexicon.nouns.get(token.lemma_.lower()) if token.pos_ == "NOUN" else None
        return bool(entries) and any(relation.root in FRAMING_ROOTS
                                     for relation in (entries or {}).values())

    def _is_threat(self, lemma: str) -> bool:
        entry = self.lexicon.verbs.get(lemma, {}).get("")
        return entry is not None and entry.root == THREAT_ROOT

    def _threatened_content(self, verb: Token, triggers: list[Trigger]) -> Iterator[Trigger]:
        """"Hamas threatened to resume activities in Israel": where what is threatened
        codes nothing itself, the threat is aimed at the first actor it names."""
        for clause in verb.children:
            if clause.dep_ not in ("xcomp", "ccomp") or clause.i < verb.i:
                continue
            inside = {token.i for token in clause.subtree}
            if any(trigger.token.i in inside for trigger in triggers):
                continue
            sources, inherited = self._subjects(verb, control=False)
            targets = tuple(token for token in _phrase_objects(clause)
                            if token.ent_type_ not in TIME_ENTITIES)
            if sources and targets:
                yield Trigger(verb, self.lexicon.verbs[verb.lemma_.lower()][""],
                              tuple(sources), targets, inherited, nominal=False, loose=True)

    def _refused_act(self, verb: Token, triggers: list[Trigger]) -> Iterator[Trigger]:
        """"Israel refused to lift the curfew on Palestinians", "declined to meet Jordan's
        king": the refusal is a rejection aimed where the refused act was; where that act
        codes nothing, at the first actor it names."""
        rejection = self.lexicon.verbs[verb.lemma_.lower()].get("")
        sources, inherited = self._subjects(verb, control=False)
        if rejection is None or not sources:
            return
        for clause in verb.children:
            if clause.dep_ != "xcomp" or clause.i < verb.i or clause.lemma_.lower() == "comment":
                continue
            inside = {token.i for token in clause.subtree}
            refused = [trigger for trigger in triggers
                       if trigger.token.i in inside and trigger.targets]
            for trigger in refused:
                yield Trigger(verb, rejection, tuple(sources), trigger.targets, inherited,
                              nominal=False, loose=trigger.loose)
            targets = tuple(token for token in _phrase_objects(clause)
                            if token.ent_type_ not in TIME_ENTITIES)
            if not refused and targets:
                yield Trigger(verb, rejection, tuple(sources), targets, inherited,
                              nominal=False, loose=True)

    def _is_statement(self, lemma: str) -> bool:
        entry = self.lexicon.verbs.get(lemma, {}).get("")
        return entry is not None and entry.root == STATEMENT_ROOT

    def _verb_triggers(self, verb: Token, entries: dict[str, Relation]) -> Iterator[Trigger]:
        # "athletes killed at the Games": a participle after its noun is passive, and the
        # noun is who it was done to.
        reduced = verb.dep_ == "acl" and verb.tag_ == "VBN" and \
            not any(child.dep_ in ("aux", "auxpass") for child in verb.children)
        passive = reduced or any(child.dep_ in ("nsubjpass", "auxpass")
                                 for child in verb.children)
        if passive:
            sources = tuple(obj for child in verb.children if child.dep_ == "agent"
                            for obj in child.children if obj.dep_ == "pobj")
            inherited = False
            direct = (verb.head,) if reduced else \
                tuple(child for child in verb.children if child.dep_ == "nsubjpass")
        else:
            found, inherited = self._subjects(verb, control=True)
            sources = tuple(found)
            direct = tuple(child for child in verb.children if child.dep_ in ("dobj", "dative"))
        if not sources and not (passive and any(
                relation.root in VIOLENT_ROOTS or relation.cameo in STATE_ACTS
                for relation in entries.values())):
            return  # only violence or arrests nobody is named for have a source to find
        found_target = False
        framed: dict[str, tuple[Relation, tuple[Token, ...]]] = {}
        for prep, relation in entries.items():
            if prep == HOME:
                continue
            targets = direct if prep == "" else tuple(_verb_prep_objects(verb, prep))
            # "agreed on Wednesday": a date is when, never whom.
            targets = tuple(token for token in targets if token.ent_type_ not in TIME_ENTITIES)
            if targets:
                framed[prep] = (relation, targets)
        if any(prep in GRIEVANCE_PREPOSITIONS and relation.root == DISAPPROVAL_ROOT
               for prep, (relation, _) in framed.items()):
            # "complained to the UN about Israeli raids": the complaint is about Israel;
            # the UN only hears it
            framed.pop("to", None)
        for relation, targets in framed.values():
            found_target = True
            yield Trigger(verb, relation, sources, targets, inherited, nominal=False,
                          home=HOME in entries)
        if not found_target and not passive:
            addressees = tuple(_clause_subjects(verb))
            asking = entries.get("") or entries.get("for")
            if addressees and asking is not None and asking.root in ADDRESSEE_ROOTS:
                # "demanded that the US cancel", "called for Burma to reform": the one
                # asked to act is the subject of the clause that says what to do.
                found_target = True
                yield Trigger(verb, asking, sources, addressees, inherited, nominal=False)
        # "suspended aid deliveries": undoing an act the object names is that act's undoing
        undone = [self.lexicon.reversals[relation.root]
                  for obj in direct
                  for word in (obj, *(child for child in obj.children if child.dep_ == "compound"))
                  for relation in self._noun_entries(word).values()
                  if relation.root in self.lexicon.reversals] \
            if _verb_lemma(verb) in REVERSING_VERBS else []
        undoes = bool(undone)
        if not found_target and "with" in entries and not passive and not undoes:
            # "The United States and Jordan agreed": each side acts towards the other.
            found_target = True
            yield Trigger(verb, entries["with"], sources, (), inherited, nominal=False,
                          reciprocal=True)
        if not found_target and undoes:
            # the undone act's own words name no target; the verb's phrases may
            targets = tuple(token for token in _phrase_objects(verb)
                            if token.ent_type_ not in TIME_ENTITIES)
            if targets:
                yield Trigger(verb, undone[0], sources, targets, inherited, nominal=False,
                              loose=True)
            return
        if not found_target and not passive and HOME in entries and not direct:
            # "Iraqi Kurds demonstrated in Kirkuk": the protest is against the government
            # of the place, or of the protesters' own country.
            yield Trigger(verb, entries[HOME], sources, (), inherited, nominal=False, home=True)
            return
        relation = entries.get("") or next(iter(entries.values()))
        if not found_target and not passive and relation.root != STATEMENT_ROOT:
            # The lexicon's preposition is not the one used ("arrived in", "provided aid
            # for"): the nearest actor the verb's phrases name is who the act is aimed at,
            # as the CAMEO coders read it; statements stay out, they name any topic.
            targets = tuple(token for token in _phrase_objects(verb)
                            if token.ent_type_ not in TIME_ENTITIES)
            if targets:
                yield Trigger(verb, relation, sources, targets, inherited, nominal=False,
                              loose=True)

    def _noun_triggers(self, trigger: Token, entries: dict[str, Relation]) -> Iterator[Trigger]:
        # "a mediation effort between X and Y", "an aid convoy to X": the act word names
        # a plain noun, whose phrase carries the act's arguments.
        noun = trigger.head if trigger.dep_ == "compound" and trigger.head.pos_ == "NOUN" \
            and trigger.head.lemma_.lower() not in self.lexicon.nouns else trigger
        governor = _governing_verb(noun)
        if governor is not None and _verb_lemma(governor) in REVERSING_VERBS:
            # "lifted sanctions against X" is no sanction but easing them; "halted aid to
            # X" reduces aid. Where the verb codes itself, it alone speaks.
            if self._codes_itself(governor) or noun.head.i != governor.i:
                return
            entries = {prep: self.lexicon.reversals[relation.root]
                       for prep, relation in entries.items()
                       if relation.root in self.lexicon.reversals}
        carriers = self.lexicon.light_verbs | REVERSING_VERBS
        # "gave Ivory Coast 5 million dollars of aid": the amount carries the act word.
        held = _amount_holding(noun) or noun
        light = governor if governor is not None and held.head.i == governor.i and \
            held.dep_ == "dobj" and governor.lemma_.lower() in carriers else None
        found_target = False
        for prep, relation in entries.items():
            targets = tuple(_prep_objects(noun, prep, depth=2)) if prep and prep != HOME else ()
            if not targets and light is not None and prep:
                # "gave a warm welcome on Thursday to X", "gave Tanzania a grant": the
                # light verb carries the noun's target.
                targets = tuple(_light_verb_targets(light, prep))
            if not targets:
                continue
            sources, inherited = self._noun_sources(noun, prep)
            if sources:
                found_target = True
                yield Trigger(trigger, relation, tuple(sources), targets, inherited,
                              nominal=True)
        asking = next((relation for relation in entries.values()
                       if relation.root in ADDRESSEE_ROOTS), None)
        # the parser hangs the clause on the noun or on the verb that carries it
        verb_clauses = list(governor.children) if governor is not None and \
            noun.head.i == governor.i else []
        addressees = tuple(subject for clause in (*noun.children, *verb_clauses)
                           if clause.dep_ in ("acl", "ccomp") and clause.i > noun.i
                           and {child.lower_ for child in clause.children
                                if child.dep_ == "mark"} & CLAUSE_MARKS
                           for subject in clause.children if subject.dep_ == "nsubj")
        if not found_target and asking is not None and addressees:
            # "reiterated its demand that Israel ease restrictions": the one asked to act
            # is the subject of what is demanded
            sources, inherited = self._noun_sources(noun, "")
            if sources:
                found_target = True
                yield Trigger(trigger, asking, tuple(sources), addressees, inherited,
                              nominal=True)
        if not found_target and light is not None and "with" in entries:
            # "Israel and Lebanon renewed negotiations": each side acts towards the other.
            sources, inherited = self._noun_sources(noun, "with")
            yield Trigger(trigger, entries["with"], tuple(sources), (), inherited,
                          nominal=True, reciprocal=True)
        elif not found_target and HOME in entries and noun.i == trigger.i:
            # "students staged demonstrations", "began a hunger strike"; but "police
            # prevented the demonstration" is not theirs: only a verb that carries out
            # the act lends its subject.
            sources, inherited = self._noun_sources(noun, HOME)
            carriers = self.lexicon.light_verbs | {"organize", "organise", "join", "call"}
            carried = not inherited or (governor is not None and _lemma_in(governor, carriers))
            if sources and carried:
                yield Trigger(trigger, entries[HOME], tuple(sources), (), inherited,
                              nominal=True, home=True)

    def _adjective_triggers(self, adjective: Token,
                            entries: dict[str, Relation]) -> Iterator[Trigger]:
        """"Moscow was critical of Damascus", "he was skeptical over Moscow's will"."""
        if adjective.dep_ not in ("acomp", "ROOT", "ccomp", "conj"):
            return
        holder = adjective.head if adjective.dep_ == "acomp" else adjective
        sources, inherited = self._subjects(holder, control=False)
        if not sources:
            return
        for prep, relation in entries.items():
            targets = tuple(_prep_objects(adjective, prep)) if prep else \
                tuple(_clause_heads(adjective))
            if targets:
                yield Trigger(adjective, relation, tuple(sources), targets, inherited,
                              nominal=False)

    def _reported_speech(self, speech: Token, triggers: list[Trigger]) -> Iterator[Trigger]:
        """"X said Y ...": X speaks to Y only when nothing inside the clause is an event.

        A trailing attribution ("..., the White House announced") names where the news
        came from, not a statement to anyone, so it codes nothing.
        """
        for clause in speech.children:
            if clause.dep_ != "ccomp" or clause.i < speech.i:
                continue
            demand = self.lexicon.verbs.get("demand", {}).get("")
            if demand is not None and _obliges(clause):
                # "declared that China must drop barriers": saying what another must do
                # is a demand on them, and what they must do is its content.
                sources, inherited = self._subjects(speech, control=False)
                targets = tuple(child for child in clause.children
                                if child.dep_ in ("nsubj", "nsubjpass"))
                if targets and sources:
                    yield Trigger(speech, demand, tuple(sources), targets, inherited,
                                  nominal=False, statement=True)
                continue
            inside = {token.i for token in clause.subtree}
            if any(trigger.token.i in inside for trigger in triggers):
                continue
            sources, inherited = self._subjects(speech, control=False)
            # "Powell said NATO would need to remain strong": the statement is about the
            # clause's subject; other names deeper in the clause are what it talks of.
            targets = tuple(child for child in clause.children
                            if child.dep_ in ("nsubj", "nsubjpass"))
            if targets and sources:
                relation = self.lexicon.verbs[speech.lemma_.lower()][""]
                yield Trigger(speech, relation, tuple(sources), targets, inherited,
                              nominal=False, statement=True)

    # -- arguments ------------------------------------------------------------------

    def _subjects(self, verb: Token, *, control: bool, depth: int = 0) -> tuple[list[Token], bool]:
        """The subject of ``verb``, inherited from the clause it depends on when it has none."""
        own = [child for child in verb.children if child.dep_ == "nsubj"]
        if own:
            return own, depth > 0
        head = verb.head
        if head.i == verb.i or depth >= MAX_CLIMB:
            return [], False
        dep = verb.dep_
        if dep == "xcomp" and control and head.lemma_.lower() not in INSTRUMENT_VERBS:
            controllers = [child for child in head.children if child.dep_ in ("dobj", "dative")]
            controllers += [obj for prep in CONTROL_PREPOSITIONS
                            for obj in _prep_objects(head, prep)]
            # "agreed on Saturday to provide": a date controls nothing.
            controllers = [token for token in controllers
                           if token.ent_type_ not in TIME_ENTITIES]
            if controllers:
                return controllers, True
        if dep in ("xcomp", "conj", "advcl", "ccomp") and head.pos_ in ("VERB", "AUX"):
            return self._subjects(head, control=control, depth=depth + 1)
        if dep == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "ROOT"):
            # "Syria is willing to withdraw": the subject of the adjective's copula
            return self._subjects(head.head if head.dep_ == "acomp" else head,
                                  control=False, depth=depth + 1)
        if dep == "pcomp" and head.dep_ == "prep":
            return self._subjects(head.head, control=False, depth=depth + 1)
        if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
            agents = [obj for child in verb.children if child.dep_ == "agent"
                      for obj in child.children if obj.dep_ == "pobj"]
            if verb.tag_ == "VBN" and agents:
                return agents, True  # "a demonstration staged by students": the students
            if verb.tag_ == "VBG" and not any(child.dep_ == "aux" for child in verb.children):
                return [head], True  # "resolutions condemning him": the resolutions condemn
            owners = _owners(head)
            if owners:
                return owners, True
            governor = _governing_verb(head)
            if governor is not None:
                return self._subjects(governor, control=False, depth=depth + 1)
        return [], False

    def _noun_sources(self, noun: Token, target_prep: str) -> tuple[list[Token], bool]:
        # "a suspension of air links": a thing, not who suspends
        owners = [owner for owner in _owners(noun, exclude_prep=target_prep)
                  if _could_name_actor(owner)]
        if not owners and noun.dep_ == "conj":
            owners = [owner for owner in _owners(noun.head, exclude_prep=target_prep)
                      if _could_name_actor(owner)]
        if owners:
            partners = [] if target_prep == "with" else list(_prep_objects(noun, "with"))
            return owners + partners, False
        # "Russian criticism" names its source; "warm welcome" does not.
        modifiers = [child for child in noun.children
                     if child.dep_ in ("amod", "compound", "nmod") and child.pos_ != "NOUN"
                     and (child.pos_ == "PROPN" or child.ent_type_)]
        if modifiers:
            return modifiers, False
        if noun.dep_ in ("nsubj", "nsubjpass"):
            return [], False
        governor = _governing_verb(noun)
        if governor is None:
            return [], False
        subjects, _ = self._subjects(governor, control=False)
        return subjects, True

    def _intent(self, relation: Relation, modality: str, trigger: Token) -> Relation:
        """A promised or planned act codes as the intent to act (03x) or a threat (13x);
        under "threaten" even a cooperative-looking act ("to withdraw") is a threat, and
        so is an act promised on a condition: "will withdraw unless X", "may halt
        mediation if Y" (an intent to cooperate "if attacked" stays an intent)."""
        threat = self.lexicon.verbs.get("threaten", {}).get("")
        if threat is not None and relation.root != THREAT_ROOT and _under_threat(trigger):
            return threat  # "threatened to launch an offensive": the threat is the act
        if modality not in ("future", "hedged"):
            return relation
        condition = _condition(trigger)
        if threat is not None and (condition == "unless" or (
                condition == "if" and relation.quad.endswith("conflict"))):
            return threat
        if modality != "future":
            return relation
        return self.lexicon.intents.get(relation.root, relation)

    # -- events ---------------------------------------------------------------------

    def _events(self, trigger: Trigger, sentence: Span, actors: DocumentActors,
                document: Document) -> Iterator[Event]:
        source_mentions = [mention for head in trigger.sources
                           for token in actors.conjuncts(head)
                           for mention in actors.resolve(token)]
        if not source_mentions:
            source_mentions = self._source_owners(trigger.sources, actors)
        if not source_mentions:
            source_mentions = self._unattributed(trigger, actors)
        if not source_mentions:
            return
        negated = is_negated(trigger.token)
        modality = modality_of(trigger.token)
        countries = {mention.actor.state_country for mention in source_mentions}
        exclude = next(iter(countries)) if len(countries) == 1 else None
        if trigger.reciprocal:
            target_mentions = source_mentions
            if len({_speaks_for(source.actor).id for source in source_mentions}) < 2:
                # "APEC agreed to set up a centre in Tokyo": one side agreeing to a
                # plan agrees with the first other party the plan names.
                target_mentions = self._first_target(
                    [*trigger.purpose, *_condition_subjects(trigger.token)], actors, exclude,
                    source_mentions)[:1]
        elif trigger.home and not trigger.targets and not trigger.purpose:
            target_mentions = self._first_target(_condition_subjects(trigger.token), actors,
                                                 exclude, source_mentions) or \
                self._home_side(trigger.token, actors, source_mentions)
        else:
            target_mentions = [mention for head in trigger.targets
                               for token in actors.conjuncts(head)
                               for mention in actors.resolve(token, exclude_country=exclude)]
            if not target_mentions and not trigger.statement:
                target_mentions = self._owner_targets(trigger.targets, actors, exclude,
                                                      source_mentions)
            if not target_mentions and not trigger.statement and not trigger.nominal \
                    and trigger.relation.root != STATEMENT_ROOT:
                # "evacuated the wounded from the Bosnian town": the act's object names
                # no actor, a phrase of the verb does.
                taken = {token.i for token in trigger.targets}
                phrases = [token for token in _phrase_objects(trigger.token)
                           if token.i not in taken and token.ent_type_ not in TIME_ENTITIES]
                target_mentions = self._first_target(phrases, actors, exclude,
                                                     source_mentions)
            if not target_mentions and not trigger.statement and not trigger.nominal \
                    and not trigger.loose and trigger.relation.root != STATEMENT_ROOT:
                # "accepted a formula for ending its dispute with its partners": deeper
                # in what the act is done to
                inside = [token for head in trigger.targets for token in _within(head)
                          if token.pos_ in ("PROPN", "NOUN", "ADJ")
                          and token.ent_type_ not in TIME_ENTITIES]
                target_mentions = self._first_target(inside, actors, exclude,
                                                     source_mentions)[:1]
            if not _others(target_mentions, source_mentions) and \
                    trigger.relation.root in VIOLENT_ROOTS:
                # "bombers killed 23 people in Tel Aviv": victims named by no nation are
                # the people of the place
                people = self.resolver.gazetteer.agents
                if any(people.get(head.lower_) == "CVL" for head in trigger.targets):
                    # "... when they blew themselves up in Tel Aviv"
                    when = [clause for clause in trigger.token.children if clause.dep_ == "advcl"]
                    place = _place([trigger.token, *when], actors)
                    target_mentions = _others([self._side_of(place, "CVL")], source_mentions) \
                        if place is not None else []
            if not target_mentions and not trigger.statement and not trigger.home:
                # "threatened to stop negotiations if the United States goes ahead": an
                # act set on a condition with no target of its own is aimed at whom the
                # condition is set for.
                target_mentions = self._first_target(_condition_subjects(trigger.token),
                                                     actors, exclude, source_mentions)
            if trigger.loose:
                target_mentions = target_mentions[:1]
            if trigger.home:
                # "Yugoslavia lifted a curfew in Kosovo": a place of the source's own
                # country stands for those who live there.
                purposes = _others([mention for head in trigger.purpose
                                    for token in actors.conjuncts(head)
                                    for mention in actors.resolve(token, exclude_country=exclude)],
                                   source_mentions) or \
                    self._owner_targets(trigger.purpose, actors, exclude, source_mentions)
                purposes = purposes or self._first_target(_condition_subjects(trigger.token),
                                                          actors, exclude, source_mentions)
                target_mentions = _others(target_mentions, source_mentions) or purposes[:1] or \
                    self._home_side(trigger.token, actors, source_mentions)
        start, end = _sentence_bounds(sentence)
        if trigger.statement:
            # A statement is about the first other party the clause names; a demand
            # that "X and Y must agree" is made on both.
            target_mentions = [mention for mention in target_mentions
                               if mention.text.lower() not in PRONOUNS
                               and not any(same_side(source.actor, mention.actor)
                                           for source in source_mentions)]
            if trigger.relation.root == STATEMENT_ROOT:
                target_mentions = target_mentions[:1]
        relation = self._intent(trigger.relation, modality, trigger.token)
        if relation.root in PROTEST_ROOTS and _acted_out(trigger.token):
            # "started a hunger strike to protest X", "demonstrators protesting X",
            # "blocked roads to press demands": a protest carried by a deed is a
            # demonstration, not a statement.
            relation = self.lexicon.verbs.get("demonstrate", {}).get("against", relation)
        for source in source_mentions:
            for target in target_mentions:
                if same_side(source.actor, target.actor) or _own_forces(source, target):
                    continue
                yield Event(
                    doc_id=document.id,
                    sentence=sentence.doc.text[start:end],
                    sentence_start=start,
                    sentence_end=end,
                    source=source,
                    target=target,
                    relation=relation,
                    negated=negated,
                    modality=modality,
                    date=document.date,
                    confidence=_confidence(trigger, source, target),
                    extractor=NAME,
                )


    def _home_side(self, trigger: Token, actors: DocumentActors,
                   sources: list[Mention]) -> list[Mention]:
        """Who an act with no named target is aimed at: the other side of the state in
        the place it happens ("in Kirkuk", "throughout Indonesia"), else in the actors'
        own country. Protesters act against the government; a government or its forces
        act on the people."""
        state_side = any(source.actor.type == "state" and
                         source.actor.sector in STATE_SECTORS for source in sources)
        sector = "CVL" if state_side else "GOV"
        carriers = [trigger]
        governor = _governing_verb(trigger) if trigger.pos_ != "VERB" else None
        if governor is not None:
            carriers.append(governor)
        place = _place(carriers, actors)
        if place is not None:
            return [self._side_of(place, sector)]
        return [self._side_of(source, sector) for source in sources[:1]
                if source.actor.state_country]

    def _unattributed(self, trigger: Trigger, actors: DocumentActors) -> list[Mention]:
        """Acts nobody is named for, coded as CAMEO coders do to the place where they
        happened. Only a state arrests, tries or deports ("a missionary was arrested in
        Lebanon"); violence ("a car bomb killed three civilians in Baghdad", "servicemen
        were killed outside Basra") goes to the armed groups of the place, but not
        "athletes killed at the 1972 Games", a description of the past."""
        if trigger.nominal:
            return []
        state_body = STATE_ACTS.get(trigger.relation.cameo)
        if state_body is not None and not trigger.sources:
            place = _place([trigger.token], actors)
            return [self._side_of(place, state_body)] if place is not None else []
        if trigger.relation.root not in VIOLENT_ROOTS or trigger.token.dep_ == "acl":
            return []
        # Only where the weapon names the kind of attacker: a bomb or a mine, not an air
        # strike or a barrel bomb (a state's), nor a bare "were killed in Syria".
        by_weapon = self._object_entries(trigger.token) is not None
        if not by_weapon or trigger.relation.cameo[:3] in STATE_WEAPON_CODES:
            return []
        # "regime bombs", "Russian missiles": a weapon with an owner the resolver cannot
        # place is still somebody's, not the place's armed groups'
        agents = self.resolver.gazetteer.agents
        if any(modifier.lower_ in agents or modifier.ent_type_ or modifier.pos_ == "PROPN"
               for head in trigger.sources for modifier in head.children
               if modifier.dep_ in ("compound", "amod", "poss", "nmod")):
            return []
        place = _place([trigger.token, *trigger.sources], actors)
        return [self._side_of(place, "UAF")] if place is not None else []

    def _side_of(self, mention: Mention, sector: str) -> Mention:
        country = mention.actor.state_country
        assert country is not None
        side = self.resolver.gazetteer.state(country, sector)
        return Mention(mention.text, mention.start, mention.end, side)

    def _source_owners(self, heads: tuple[Token, ...],
                       actors: DocumentActors) -> list[Mention]:
        """Unnamed people acting for a named side: "U.S. border patrol agents", "Swiss
        doctors", "members of the Association of African Jurists", "representatives from
        Egyptian organisations", "thousands of Iraqi Kurds", "students throughout
        Indonesia". A crowd named only by its nation is its civilians, not its state."""
        found: list[Mention] = []
        for head in heads:
            if head.pos_ != "NOUN":
                continue
            for token in actors.conjuncts(head):
                owners = list(_owner_modifiers(token))
                # "US Predator attacks": the owner may modify the compound before the head
                owners += [owner for child in token.children if child.dep_ == "compound"
                           for owner in _owner_modifiers(child)]
                # "Russian air power" is Russia's; "thousands of Iraqi Kurds" are Iraqis
                direct = len(owners)
                for prep in ("of", "from", "in", "throughout", "across"):
                    for obj in _prep_objects(token, prep):
                        if obj.ent_type_ not in AMOUNT_ENTITIES:
                            # "thousands of Iraqi Kurds", not "rounds of Geneva talks"
                            named_by = [] if self._noun_entries(obj) else _owner_modifiers(obj)
                            owners += [obj, *named_by,
                                       *(inner for deeper in ("of", "from", "throughout")
                                         for inner in _prep_objects(obj, deeper))]
                for index, owner in enumerate(owners):
                    mentions = actors.resolve(owner)
                    if mentions:
                        found.extend(self._as_people(mention) if index >= direct else mention
                                     for mention in mentions)
                        break
        return found

    def _as_people(self, mention: Mention) -> Mention:
        actor = mention.actor
        if actor.type != "state" or actor.sector or not actor.country:
            return mention
        return Mention(mention.text, mention.start, mention.end,
                       self.resolver.gazetteer.state(actor.country, "CVL"))

    @staticmethod
    def _first_target(heads: list[Token], actors: DocumentActors, exclude: str | None,
                      sources: list[Mention]) -> list[Mention]:
        """The actors of the first phrase that names any, itself or by its owners."""
        for head in heads:
            found = _others([mention for token in actors.conjuncts(head)
                             for mention in actors.resolve(token, exclude_country=exclude)],
                            sources)
            found = found or DepVerbExtractor._owner_targets((head,), actors, exclude, sources)
            if found:
                return found
        return []

    @staticmethod
    def _owner_targets(targets: tuple[Token, ...], actors: DocumentActors,
                       exclude: str | None, sources: list[Mention]) -> list[Mention]:
        """A thing acted on stands for whom it belongs to or where it is: "demolished
        Palestinian homes", "lifted a curfew in Kosovo", "rejected an offer from Kabul".
        The source's own things ("lifted its boycott on Namibia") point further on."""
        for head in targets:
            for token in actors.conjuncts(head):
                for owner in _thing_owners(token):
                    found = _others([mention for each in actors.conjuncts(owner)
                                     for mention in actors.resolve(each, exclude_country=exclude)],
                                    sources)
                    if found:
                        return found
        return []


def _within(head: Token) -> Iterator[Token]:
    """The words of a noun phrase below its head in reading order, without its clauses
    ("staged by students to protest ...") or where it lies ("on the Thai border")."""
    for child in head.children:
        if child.dep_ in CLAUSE_DEPS or \
                (child.dep_ == "prep" and child.lower_ in WHERE_PREPOSITIONS):
            continue
        yield child
        yield from _within(child)


def _place(carriers: list[Token], actors: DocumentActors) -> Mention | None:
    """The state of the first place the carriers' phrases name: "in Kirkuk", "near the
    town of Samarra", "at this jail in northern Israel"."""
    for carrier in carriers:
        for prep in carrier.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPOSITIONS:
                continue
            # "outside of the city": the place hangs from the second preposition
            places = [obj for child in prep.children
                      for obj in (child.children if child.dep_ == "prep" else (child,))
                      if obj.dep_ == "pobj"]
            for place in places:
                for token in (place, *(obj for inner in place.children
                                       if inner.dep_ == "prep"
                                       for obj in inner.children if obj.dep_ == "pobj")):
                    for mention in actors.resolve(token):
                        if mention.actor.state_country:
                            return mention
                for modifier in _owner_modifiers(place):  # "the Iraqi city of Basra"
                    for mention in actors.resolve(modifier):
                        if mention.actor.state_country:
                            return mention
    return None


def _with_purpose(trigger: Trigger, triggers: list[Trigger]) -> Trigger:
    """An act with no named target done for another act ("blocked roads to protest the
    embargo", "began a hunger strike to demand reforms") is aimed where that act is."""
    scope = trigger.token
    if trigger.nominal:
        scope = _governing_verb(trigger.token) or scope
    inside = {token.i for token in scope.subtree} - {scope.i, trigger.token.i}
    for other in triggers:
        if other.token.i in inside and other.targets and not other.home and \
                not other.statement and other.relation.root != STATEMENT_ROOT:
            return replace(trigger, purpose=other.targets)
    return trigger


def _with_content(trigger: Trigger, triggers: list[Trigger]) -> Trigger:
    """What a one-sided agreement is about, where no act inside it codes itself: the
    names in its clause ("agreed to set up a centre in Tokyo") or its "to" phrase
    ("agreed to an extension of the force in Lebanon")."""
    verb = trigger.token
    contents = [child for child in verb.children
                if (child.dep_ in ("xcomp", "ccomp") and child.i > verb.i)
                or (child.dep_ == "prep" and child.lower_ in ("to", "on"))]
    names: list[Token] = []
    for content in contents:
        inside = {token.i for token in content.subtree}
        if any(other.token.i in inside for other in triggers if other is not trigger):
            continue
        names += [token for token in content.subtree
                  if token.pos_ in ("PROPN", "NOUN", "ADJ")
                  and token.ent_type_ not in TIME_ENTITIES]
    return replace(trigger, purpose=tuple(names)) if names else trigger


def _own_forces(source: Mention, target: Mention) -> bool:
    """"Israel withdrew its troops": a state's own forces or government, named by a
    possessive, are the state acting, not whom it acts on."""
    words = target.text.lower().split()
    return bool(words) and words[0] in OWN_POSSESSIVES and \
        target.actor.sector in STATE_SECTORS and \
        target.actor.state_country == source.actor.state_country


def _others(mentions: list[Mention], sources: list[Mention]) -> list[Mention]:
    """The mentions that are not on the side of any source."""
    return [mention for mention in mentions
            if not any(same_side(source.actor, mention.actor) for source in sources)]


def same_side(source: Actor, target: Actor) -> bool:
    """An actor and itself, or a person and the body they speak for: no dyad between
    them. Two actors of one country are a dyad (a government and its parliament, police
    and protesters): CAMEO codes domestic events like any other."""
    source, target = _speaks_for(source), _speaks_for(target)
    if source.id == target.id:
        return True
    return False


def _speaks_for(actor: Actor) -> Actor:
    return actor.member_of if actor.type == "person" and actor.member_of else actor


def _prep_objects(head: Token, prep: str, depth: int = 1) -> Iterator[Token]:
    """Objects of ``prep`` under ``head``; with depth 2 also under its PP objects, where
    the parser tends to hang them ("veto with China of the resolutions")."""
    for child in head.children:
        # "sent peacekeepers to Liberia": the parser may call "to" a dative
        if child.dep_ in ("prep", "prt", "agent", "dative") and child.lower_ == prep:
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    yield obj
    if depth > 1:
        for child in head.children:
            if child.dep_ == "prep":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        yield from _prep_objects(obj, prep, depth - 1)


def _owner_modifiers(noun: Token) -> Iterator[Token]:
    """A noun's possessor and nationality or name modifiers: "Syria's", "Palestinian"."""
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod")
                                    and child.pos_ in ("ADJ", "PROPN")):
            yield child


def _thing_owners(thing: Token, depth: int = 2) -> Iterator[Token]:
    """Who a non-actor noun belongs to, nearest first: its possessor or nationality
    adjective, then the objects of its prepositions ("a curfew in the town of Cizre")."""
    if thing.pos_ not in ("NOUN", "PROPN"):
        return
    for owner in _owner_modifiers(thing):
        yield owner
        if owner.dep_ == "poss" and depth > 1:  # "a Lebanese millionaire's assets"
            yield from _owner_modifiers(owner)
    for child in thing.children:
        if child.dep_ == "prep" and child.lower_ in OWNER_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield obj
                    if depth > 1:
                        yield from _thing_owners(obj, depth - 1)


def _phrase_objects(verb: Token) -> Iterator[Token]:
    """The verb's direct objects, then the objects of its prepositional phrases, in
    reading order: where a fallback looks for the one acted on."""
    yield from (child for child in verb.children
                if child.dep_ == "dobj" or (child.dep_ == "dative" and child.pos_ != "ADP"))
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in LOOSE_PREPOSITIONS:
            yield from (obj for obj in child.children if obj.dep_ == "pobj")


def _obliges(clause: Token) -> bool:
    """A clause saying its subject must act: "China must drop", "Libya has to hand over"."""
    if any(child.dep_ == "aux" and child.lower_ == "must" for child in clause.children):
        return True
    return clause.lemma_ == "have" and any(child.dep_ == "xcomp" and
                                           any(grand.dep_ == "aux" and grand.lower_ == "to"
                                               for grand in child.children)
                                           for child in clause.children)


def _light_verb_targets(verb: Token, prep: str) -> Iterator[Token]:
    """Objects of ``prep`` under a light verb, and its indirect object for "to"."""
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ == prep:
            yield from (obj for obj in child.children if obj.dep_ == "pobj")
        elif child.dep_ == "dative" and child.pos_ in ("PROPN", "NOUN", "PRON") \
                and prep == "to":
            yield child


def _clause_subjects(verb: Token) -> Iterator[Token]:
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


def _clause_heads(clause: Token) -> Iterator[Token]:
    """Noun phrase heads of a clause in reading order: where a statement's target is."""
    for token in clause.subtree:
        if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "poss", "attr") \
                and token.pos_ in ("PROPN", "NOUN", "PRON"):
            yield token


def _verb_prep_objects(verb: Token, prep: str) -> Iterator[Token]:
    """Objects of ``prep`` under the verb, a particle phrase or the direct object:
    "severed ties with Qatar", "pulled out of Syria"."""
    yield from _prep_objects(verb, prep)
    for child in verb.children:
        if child.dep_ in ("dobj", "prt"):
            yield from _prep_objects(child, prep)


def _owners(noun: Token, exclude_prep: str = "") -> list[Token]:
    """Who a noun belongs to: "Russia's veto", "a visit by teams", "a call from Russia",
    "the withdrawal of Syrian forces" (where "of" does not introduce the target)."""
    owners = [child for child in noun.children if child.dep_ == "poss"]
    for prep in ("by", "from", "of"):
        if prep != exclude_prep:
            # "a grant of 580 million shillings": an amount, not an owner
            owners.extend(obj for obj in _prep_objects(noun, prep)
                          if obj.ent_type_ not in AMOUNT_ENTITIES)
    return owners


def _could_name_actor(token: Token) -> bool:
    """A name, a pronoun, or a noun with a named modifier ("Syrian forces")."""
    if token.pos_ in ("PROPN", "PRON") or token.ent_type_:
        return True
    return any(child.dep_ in ("amod", "compound", "nmod", "poss")
               and (child.pos_ in ("PROPN", "PRON") or child.ent_type_)
               for child in token.children)


def _governing_verb(token: Token) -> Token | None:
    """The verb a noun phrase hangs from, through prepositions and quantities."""
    current = token
    for _ in range(MAX_CLIMB):
        head = current.head
        if head.i == current.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        current = head
    return None


def _amount_holding(noun: Token) -> Token | None:
    """The amount a noun is measured in: "dollars" in "5 million dollars of aid"."""
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ != "of" or of.head.i == of.i:
        return None
    amount = of.head
    return amount if amount.ent_type_ in AMOUNT_ENTITIES or \
        amount.lemma_.lower() in AMOUNT_WORDS else None


def _verb_lemma(verb: Token) -> str:
    """A verb with its particle, where it has one: "call off", "turn down"."""
    lemma = verb.lemma_.lower()
    particles = [child.lower_ for child in verb.children if child.dep_ == "prt"]
    return f"{lemma} {particles[0]}" if particles else lemma


def _object_names(obj: Token) -> Iterator[str]:
    """How an object may be named in the lexicon, longest first: "state of emergency",
    "martial law", "curfew"."""
    lemma = obj.lemma_.lower()
    amount = obj.ent_type_ in AMOUNT_ENTITIES or lemma in AMOUNT_WORDS
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for inner in prep.children:
                if inner.dep_ == "pobj":
                    yield f"{lemma} of {inner.lemma_.lower()}"
                    if amount:  # "700 kg of medicine" is medicine
                        yield inner.lemma_.lower()
    for modifier in obj.lefts:
        if modifier.dep_ in ("compound", "amod"):
            yield f"{modifier.lemma_.lower()} {lemma}"
    yield lemma


def _lemma_forms(lemma: str) -> tuple[str, str]:
    # The lemmatizer sometimes drops a final "e": "staged" -> "stag".
    return lemma, f"{lemma}e"


def _lemma_in(token: Token, lemmas: set[str]) -> bool:
    return any(form in lemmas for form in _lemma_forms(token.lemma_.lower()))


def _ancestors(token: Token) -> Iterator[Token]:
    current = token
    for _ in range(MAX_CLIMB):
        if current.head.i == current.i:
            return
        current = current.head
        yield current


def is_negated(trigger: Token) -> bool:
    """Negated or denied: "did not", "no plans to", "denied that", "without any call"."""
    if any(child.dep_ == "neg" for child in trigger.children):
        return True
    if _has_negating_determiner(trigger) or trigger.head.lower_ == "without":
        return True
    for ancestor in _ancestors(trigger):
        if ancestor.lemma_.lower() in DENIAL_VERBS and ancestor.pos_ == "VERB":
            return True
        if ancestor.pos_ in ("VERB", "AUX") and any(
                child.dep_ == "neg" for child in ancestor.children):
            return True
        if ancestor.pos_ == "NOUN" and _has_negating_determiner(ancestor):
            return True
        if ancestor.lower_ == "without" and ancestor.dep_ == "prep":
            return True
    return False


def _has_negating_determiner(token: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ in NEGATING_DETERMINERS
               for child in token.children)


def modality_of(trigger: Token) -> str:
    """asserted, hedged ("could"), future ("will", "plans to") or conditional ("if")."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "dobj":
        # "will give Tanzania a grant", "prepares an offensive": the verb's mood
        if trigger.head.lemma_.lower() in FUTURE_HEADS:
            return "future"
        return modality_of(trigger.head)
    chain = [trigger, *_ancestors(trigger)]
    for token in chain:
        if any(child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS
               for child in token.children):
            return "conditional"
    auxiliaries = {child.lower_ for child in trigger.children if child.dep_ == "aux"}
    if auxiliaries & FUTURE_AUXILIARIES:
        return "future"
    if "would" in auxiliaries and _reported(trigger):
        return "future"  # "said it would allow": the future of a reported statement
    if auxiliaries & HEDGING_AUXILIARIES:
        return "hedged"
    if any(token.lemma_.lower() in FUTURE_HEADS for token in chain[1:3]):
        return "future"
    return "asserted"


def _acted_out(trigger: Token) -> bool:
    """Whether a protest or demand is the purpose of a deed ("blocked roads to press
    demands") or what protesters are doing ("demonstrators protesting the results")."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        return trigger.dep_ == "pobj" and trigger.head.lower_ == "in"  # "in protest of X"
    if trigger.dep_ == "advcl" and any(child.dep_ == "aux" and child.lower_ == "to"
                                       for child in trigger.children):
        head = trigger.head
        return head.pos_ == "VERB" and not any(child.dep_ == "ccomp" for child in head.children)
    return trigger.dep_ == "acl" and trigger.tag_ == "VBG"


def _reported(verb: Token) -> bool:
    """Whether a verb heads the clause of a reporting verb ("Iraq said it would ...")."""
    clause = verb
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in REPORTING_HEADS


def _embedded(token: Token, acting: set[int]) -> bool:
    """Whether ``token`` sits below another word that codes an event, other than in an
    aside ("..., one of the factors behind Russia's veto")."""
    current = token
    while current.head.i != current.i:
        if current.dep_ in ASIDE_DEPS:
            return False
        current = current.head
        if current.i in acting:
            return True
    return False


def _condition(trigger: Token) -> str | None:
    """"if" or "unless" where a clause of the act's verb sets a condition on it."""
    found = _condition_clause(trigger)
    return found[0] if found else None


def _condition_clause(trigger: Token) -> tuple[str, Token] | None:
    verb = trigger.head if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "dobj" \
        else trigger
    for clause in (*verb.children, *(verb.head.children if verb.dep_ == "xcomp" else ())):
        if clause.dep_ == "advcl":
            marks = {child.lower_ for child in clause.children if child.dep_ == "mark"}
            for mark in ("unless", "if"):
                if mark in marks:
                    return mark, clause
    return None


def _condition_subjects(trigger: Token) -> list[Token]:
    """Who a condition is set for: "unless Israel rescinds", "if the US goes ahead"."""
    found = _condition_clause(trigger)
    if found is None:
        return []
    return [child for child in found[1].children if child.dep_ in ("nsubj", "nsubjpass")]


def _under_threat(trigger: Token) -> bool:
    """"threatened to impose restrictions", "threatened to launch an offensive": the act
    hangs from a threatening verb (through a light verb for a noun)."""
    reach = 3 if trigger.pos_ in ("NOUN", "PROPN") else 2
    return any(token.lemma_.lower() in THREAT_HEADS and token.pos_ == "VERB"
               for token in list(_ancestors(trigger))[:reach])


def _sentence_bounds(sentence: Span) -> tuple[int, int]:
    """Character bounds without the white space and the stray closing quote that the
    sentence splitter leaves at the start of a line."""
    words = [token for token in sentence if not token.is_space]
    while len(words) > 1 and words[0].is_punct and words[0].nbor(1).is_space:
        words.pop(0)
    first, last = words[0], words[-1]
    return first.idx, last.idx + len(last.text)


def _confidence(trigger: Trigger, source: Mention, target: Mention) -> float:
    score = 0.9
    if trigger.nominal:
        score -= 0.1
    if trigger.inherited_source:
        score -= 0.1
    for mention in (source, target):
        if mention.text.lower() in PRONOUNS:
            score -= 0.15
    return round(max(score, 0.1), 2)


@extractors.register(NAME)  # type: ignore[untyped-decorator]
def make_dep_verb(nlp: Language, lexicon: Lexicon, gazetteer: Gazetteer,
                  batch_size: int = 32) -> DepVerbExtractor:
    return DepVerbExtractor(nlp, lexicon, gazetteer, batch_size)
