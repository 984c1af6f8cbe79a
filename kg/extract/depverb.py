"""``dep-verb.v1``: dyadic events from spaCy dependency parses and the relation lexicon.

The pipeline, sentence by sentence (``docs/extraction.md`` is the map):

1. ``triggers``: words the lexicon knows, with the tokens that name their arguments
   (``arguments`` finds who acts; ``entries`` what the lexicon says of a word);
2. ``frames``: acts about other acts — what is said, threatened, refused, done for;
3. ``attribution``: the tokens resolved to actors (``kg.actors``), with the fallbacks
   CAMEO coders use when a sentence names no target;
4. ``events``: an Event per source and target, in its mood (``mood``), keeping only
   the sentence's main acts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.actors.gazetteer import Gazetteer
from kg.actors.resolve import ActorResolver, DocumentActors
from kg.datafiles import collector_paused
from kg.extract.base import extractors
from kg.extract.claims import claimed_acts
from kg.extract.context import Evidence, SentenceContext, Trigger
from kg.extract.datelines import blanked, find_dateline
from kg.extract.entries import is_statement, is_threat, word_entries
from kg.extract.events import Candidate, main_acts, trigger_candidates
from kg.extract.frames import (
    answered_acts,
    bombing_victims,
    refused_act,
    reported_speech,
    threatened_content,
    with_content,
    with_purpose,
)
from kg.extract.furniture import is_furniture
from kg.extract.guesses import guessed_candidates
from kg.extract.judged import judges_an_act
from kg.extract.judgement import Features, Judgement, candidate_features
from kg.extract.judicial import sought_charges
from kg.extract.nouns import adjective_triggers, noun_triggers
from kg.extract.pieces import PIECE_CHARS, Piece, batches, joined, pieces
from kg.extract.runins import COMPONENT, TITLE_KEY
from kg.extract.syntax import evidence_span
from kg.extract.triggers import disapproving_name, verb_triggers
from kg.extract.undergone import censured, undergone_acts
from kg.lexicon import Lexicon
from kg.model import Document, DocumentResult, Event
from kg.tokens import token_table
from kg.words import words

NAME = "dep-verb.v1"
REFUSING_VERBS = words("refusing verb")
# "Kenya's refusal to release the pilots": what is refused is no act done
REFUSING_NOUNS = words("refusing noun")


class DepVerbExtractor:
    """Rule-based event extraction over spaCy's dependency parse, with the rules'
    candidates judged by a learned model when one is given (``judgement``; its own
    threshold unless ``min_confidence`` says otherwise).

    Example:
        >>> extractor = DepVerbExtractor(load_model(), Lexicon.load(), Gazetteer.load())
        >>> for result in extractor.extract(documents): ...
    """

    name = NAME
    piece_chars = PIECE_CHARS

    def __init__(self, nlp: Language, lexicon: Lexicon, gazetteer: Gazetteer,
                 batch_size: int = 32, judgement: Judgement | None = None,
                 min_confidence: float | None = None) -> None:
        self.nlp = nlp
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.resolver = ActorResolver(gazetteer, nlp.vocab)
        self.resolver.add_patterns(nlp.tokenizer)
        if COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
            # boundaries set before the parser are kept by it
            nlp.add_pipe(COMPONENT, before="parser",
                         config={"outlets": sorted(gazetteer.outlet_names)})
        self.batch_size = batch_size
        self.judgement = judgement
        self.min_confidence = min_confidence

    def extract(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        parts: list[tuple[Piece, DocumentResult]] = []
        for doc, piece in self._parse(pieces(documents, self.piece_chars)):
            result = self.extract_doc(doc, piece.document)
            if piece.document is piece.whole:
                yield result
                continue
            parts.append((piece, result))
            if piece.last:
                yield joined(piece.whole, parts)
                parts = []

    def parse(self, documents: Iterable[Document]) -> Iterator[tuple[Doc, Document]]:
        """Each document parsed whole, however long (for documents known to be short)."""
        for doc, piece in self._parse(Piece(document, document, 0, True)
                                      for document in documents):
            yield doc, piece.document

    def _parse(self, stretches: Iterable[Piece]) -> Iterator[tuple[Doc, Piece]]:
        for batch in batches(stretches, self.batch_size):
            # The parser reads the text without its dateline, offsets unchanged.
            pairs = [(self._unparsed(piece.document), piece) for piece in batch]
            yield from self.nlp.pipe(pairs, as_tuples=True, batch_size=len(pairs))

    def _unparsed(self, document: Document) -> Doc:
        """The document's text tokenised, without its dateline (offsets unchanged), with
        its title for the run-in furniture component (``runins``) to find in it."""
        doc = self.nlp.make_doc(blanked(document.text, find_dateline(document.text)))
        doc.user_data[TITLE_KEY] = document.title
        return doc

    def extract_doc(self, doc: Doc, document: Document) -> DocumentResult:
        # The rules make hundreds of thousands of short-lived objects that hold no
        # cycles; the collector's passes among them free nothing (BENCHMARKS.md).
        with collector_paused():
            return self._extract_doc(doc, document)

    def _extract_doc(self, doc: Doc, document: Document) -> DocumentResult:
        events: dict[str, Event] = {}
        sentences = readable(doc)
        actors = self._actors(doc, document)
        for context in self._sentences(sentences, document, actors):
            candidates = list(sentence_candidates(context))
            chosen = [candidate.event for candidate in candidates if candidate.kept] \
                if self.judgement is None else \
                self.judgement.choose(context, candidates, self.min_confidence)
            for event in chosen:
                events.setdefault(event.id, event)
        return DocumentResult(document, len(sentences), tuple(events.values()),
                              tuple(actors.unresolved.values()))

    def candidates(self, doc: Doc, document: Document) -> Iterator[tuple[Candidate, Features]]:
        """Every candidate of a document with what the judgement would weigh: the
        material ``scripts/train-judgement`` learns from."""
        for context in self._sentences(readable(doc), document, self._actors(doc, document)):
            found = list(sentence_candidates(context))
            for candidate in found:
                yield candidate, candidate_features(context, candidate, len(found))

    def _actors(self, doc: Doc, document: Document) -> DocumentActors:
        actors = self.resolver.for_document(doc, document)
        dateline = find_dateline(document.text)
        if dateline is not None:
            actors.dateline_country = next(
                (country for place in reversed(dateline.places)
                 if (country := self.gazetteer.country_of_place(place))), None)
        return actors

    def _sentences(self, sentences: list[tuple[Span, str]], document: Document,
                   actors: DocumentActors) -> Iterator[SentenceContext]:
        """The sentences to read; page furniture is passed over, also as a place
        where pronouns could find an antecedent."""
        for sentence, text in sentences:
            if not is_furniture(sentence, text):
                actors.scan(sentence)
                yield SentenceContext(sentence, document, actors, self.lexicon,
                                      self.gazetteer, text)


def readable(doc: Doc) -> list[tuple[Span, str]]:
    """The sentences that hold more than white space, each with its text, cut from the
    document's text once (``Span.text`` joins the sentence's tokens anew on every call)."""
    table = token_table(doc)
    return [(sentence, words) for sentence in doc.sents
            if (words := table.span_text(sentence.start, sentence.end)).strip()]


def sentence_candidates(context: SentenceContext) -> Iterator[Candidate]:
    """Every event the rules find in one sentence, kept or not."""
    triggers = find_triggers(context)
    evidence = Evidence.of(evidence_span(context.sentence), context)
    coded = [(trigger, list(trigger_candidates(context, trigger, evidence, NAME)))
             for trigger in triggers]
    # acts judged ("condemned the attack on the town") are read even where they name no
    # doer, so no guess takes whom the act was done to
    judged = {trigger.token.i for trigger, _ in coded if judges_an_act(context, trigger)}
    yield from main_acts(context, coded, judged)
    read = {trigger.token.i for trigger, candidates in coded if candidates} | judged
    yield from guessed_candidates(context, evidence, NAME, read)


def find_triggers(context: SentenceContext) -> list[Trigger]:
    """Every event word of the sentence, then the acts about other acts, each with where
    an act without a target of its own should look for one."""
    lexicon = context.lexicon
    triggers: list[Trigger] = []
    statements: list[Token] = []
    threats: list[Token] = []
    refusals: list[Token] = []
    consumed: set[int] = set()  # act nouns read as undergone by the verb before them
    sentence = context.sentence
    doc, table = sentence.doc, token_table(sentence.doc)
    tags, lemmas = table.pos, table.lemma
    for index in range(sentence.start, sentence.end):
        pos = tags[index]
        if pos in ("VERB", "AUX", "NOUN", "PROPN"):
            token = doc[index]
            blamed = censured(context, token)
            triggers.extend(blamed)
            consumed.update(trigger.token.i for trigger in blamed)
        if pos in ("VERB", "AUX"):
            # "the towns have been under rebel siege": the copula undergoes too
            undergone = undergone_acts(context, token) \
                if pos == "VERB" or (lemmas[index] == "be" and token.dep_ == "ROOT") else None
            if undergone is not None:
                triggers.extend(undergone)
                consumed.update(trigger.token.i for trigger in undergone)
                continue
            named = disapproving_name(context, token) if pos == "VERB" else None
            if named is not None:
                triggers.append(named)
                continue
            entries = word_entries(context, token)
            if entries:
                found = list(verb_triggers(context, token, entries))
                triggers.extend(found)
                if not found:
                    _frame_word(lexicon, token, statements, threats, refusals)
        elif pos in ("NOUN", "PROPN") and index not in consumed and \
                (nouns := word_entries(context, token)):
            triggers.extend(noun_triggers(context, token, nouns))
            if lemmas[index] in REFUSING_NOUNS:
                refusals.append(token)
        elif pos == "ADJ" and (lemma := lemmas[index]) in lexicon.adjectives:
            triggers.extend(adjective_triggers(doc[index], lexicon.adjectives[lemma]))
    for speech in statements:
        triggers.extend(reported_speech(context, speech, triggers))
    for threat in threats:
        triggers.extend(threatened_content(context, threat, triggers))
    for refusal in refusals:
        triggers.extend(refused_act(context, refusal, triggers))
    triggers.extend(list(answered_acts(context, triggers)))
    triggers.extend(list(sought_charges(context, triggers)))
    triggers = bombing_victims(context, claimed_acts(context, triggers))
    return [with_purpose(trigger, triggers) if trigger.home else
            with_content(trigger, triggers) if trigger.reciprocal else trigger
            for trigger in triggers]


def _frame_word(lexicon: Lexicon, verb: Token, statements: list[Token], threats: list[Token],
                refusals: list[Token]) -> None:
    """A verb the lexicon knows that codes no act of its own here: one that may frame
    another act (a statement, a threat, a refusal), read once the sentence's acts are."""
    lemma = verb.lemma_.lower()
    if is_statement(lexicon, lemma):
        statements.append(verb)
    elif is_threat(lexicon, lemma):
        threats.append(verb)
    elif lemma in REFUSING_VERBS and lemma in lexicon.verbs:
        refusals.append(verb)


@extractors.register(NAME)  # type: ignore[untyped-decorator]
def make_dep_verb(nlp: Language, lexicon: Lexicon, gazetteer: Gazetteer,
                  batch_size: int = 32, min_confidence: float | None = None) -> DepVerbExtractor:
    """The extractor kg builds: the rules' candidates judged by the shipped model."""
    return DepVerbExtractor(nlp, lexicon, gazetteer, batch_size, Judgement.load(),
                            min_confidence)
