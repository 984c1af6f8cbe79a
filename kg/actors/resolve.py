"""Resolve the noun phrases in actor positions of a parsed document to canonical actors.

The order of the readings (``docs/extraction.md`` is the map): a pronoun is what it
refers back to (``coreference``); a news outlet is never an actor; a person is who the
gazetteer or the words around the name say (``people``); a gazetteer name is its actor,
unless where it is changes who it is (``places``); a phrase can name an actor through
another ("Syria's rebels", "the regime": ``groups``); "members of NATO" are NATO's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import chain

from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from kg.actors.backers import backed_government
from kg.actors.context import ActorContext, Match
from kg.actors.coreference import pronoun
from kg.actors.gazetteer import Gazetteer
from kg.actors.groups import (
    GROUP_ANAPHORS,
    coordinated_owners,
    coordinated_sectors,
    group_phrase,
    located_group,
    right_attachment,
    sector_only,
)
from kg.actors.matching import NameIndex, find_matches
from kg.actors.people import CALENDAR, introduce, names_a_place, person
from kg.actors.places import capital_as_place, located_body, residence, unknown_organisation
from kg.actors.sectors import agent_sector, group_sector
from kg.datafiles import collector_paused
from kg.model import Actor, Document, Mention, Unresolved
from kg.tokens import token_table
from kg.words import pronouns, words

PERSONAL_PRONOUNS = pronouns("person", "thing", "group")
NAMED_ENTITY_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos", "dative",
                 "attr", "agent", "npadvmod"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
MINORITY_WORDS = words("minority word")
PATRON_NOUNS = words("patron noun")
PLAIN_ALIAS = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


class ActorResolver:
    """Holds the gazetteer and its matcher; makes one DocumentActors per parsed document."""

    def __init__(self, gazetteer: Gazetteer, vocab: Vocab) -> None:
        self.gazetteer = gazetteer
        self.matcher = PhraseMatcher(vocab, attr="ORTH")
        self.plain_names = NameIndex(())
        self.vocab = vocab

    def add_patterns(self, tokenizer: Callable[[str], Doc]) -> None:
        """Tokenise every alias as the pipeline's own tokenizer does. For spaCy's
        tokenizer, an alias of plain words that are no special case of it (most names)
        is those words: such names are looked up by their words instead, so start-up
        stays short with the dictionaries' tens of thousands of names (BENCHMARKS.md)."""
        special = tokenizer.rules or {} if isinstance(tokenizer, Tokenizer) else None
        plain = []
        with collector_paused():
            for alias in self.gazetteer.aliases:
                if special is not None and PLAIN_ALIAS.fullmatch(alias) and \
                        not any(word in special for word in alias.split(" ")):
                    plain.append(alias)
                else:
                    self.matcher.add(alias, [tokenizer(alias)])
            self.plain_names = NameIndex(plain)

    def for_document(self, doc: Doc, document: Document) -> DocumentActors:
        actors = DocumentActors(self.gazetteer, doc, document)
        aliases = self.gazetteer.aliases
        matched = ((start, end, aliases[self.vocab.strings[key]])
                   for key, start, end in self.matcher(doc))
        named = ((start, end, aliases[name]) for start, end, name in self.plain_names.find(doc))
        find_matches(actors, chain(matched, named))
        return actors


class DocumentActors(ActorContext):
    """Actor resolution for one document, phrase by phrase, remembering what it found."""

    def __init__(self, gazetteer: Gazetteer, doc: Doc, document: Document) -> None:
        super().__init__(gazetteer, doc, document)
        self._cache: dict[tuple[int, str | None], list[Mention] | None] = {}

    def scan(self, sentence: Span) -> None:
        """Resolve every actor-like phrase of a sentence in reading order, for later pronouns."""
        table = token_table(self.doc)
        deps, tags = table.dep, table.pos
        for index in range(sentence.start, sentence.end):
            if deps[index] in ARGUMENT_DEPS and tags[index] in ("PROPN", "NOUN", "PRON"):
                self.resolve(self.doc[index])

    def resolve(self, head: Token, exclude_country: str | None = None) -> list[Mention]:
        """The actors a phrase headed by ``head`` stands for (several through "of X and Y")."""
        key = (head.i, exclude_country)
        if key not in self._cache:
            self._cache[key] = None  # guards against cycles through appositions
            mentions = self._resolve(head, exclude_country)
            self._cache[key] = mentions
            if mentions and exclude_country is None:
                for mention in mentions:
                    self.history.append((head.i, mention, head.dep_ in SUBJECT_DEPS))
            elif not mentions and self._names_something(head):
                self._record_unresolved(head)
        return self._cache[key] or []

    def known(self, head: int) -> list[Mention]:
        """What the phrase headed by the token at index ``head`` was already resolved
        to, without resolving it (which would leave its mark on later pronouns and the
        unresolved report)."""
        return self._cache.get((head, None)) or []

    def _resolve(self, head: Token, exclude_country: str | None) -> list[Mention]:
        if head.pos_ == "PRON" or head.lower_ in PERSONAL_PRONOUNS:
            return pronoun(self, head)
        phrase = self.phrase(head)
        if not self.outlets.isdisjoint(range(phrase.start, phrase.end)):
            return []  # "the ITAR-TASS news agency": a source of reports, never an actor
        if self._masthead_attribution(phrase):
            return []
        match = self.matches.get(head.i)
        if match is not None and match.entry.kind == "person":
            if names_a_place(head):
                return []  # "the Bani Zeid district" is not Zeid Ra'ad al-Hussein
            return [self.mention(phrase, introduce(self, head, phrase, match))]
        named = person(self, head, phrase, match)
        if named is not None:
            return [self.mention(phrase, named)]
        if match is not None and match.entry.actor is not None:
            return self._matched(head, phrase, match)
        if head.lower_ in PATRON_NOUNS:
            # "rebel backer Qatar", "Syria's ally": a patron is neither what it backs nor
            # whose it is, only the actor its apposition names
            return self._apposition(head)
        beside = self._named_beside(head, phrase)
        if beside:
            return beside
        group = backed_government(self, head, phrase, exclude_country) or \
            group_phrase(self, head, phrase, exclude_country)
        if group is not None:
            partners = coordinated_owners(self, head, phrase, group) or \
                coordinated_sectors(self, head, phrase, group, exclude_country) or \
                self._other_places(head, phrase, group)
            return [self.mention(phrase, actor) for actor in (group, *partners)]
        return right_attachment(self, head)

    def _other_places(self, head: Token, phrase: Span, group: Actor) -> list[Actor]:
        """"people in Somalia and Kenya": the bodies of the other places named, where
        the group is the first place's (not "the Islamic State group in Syria and Iraq",
        named by its owner)."""
        located = located_group(self, head, phrase, group_sector(self.gazetteer, phrase))
        return located[1:] if located and located[0].id == group.id else []

    def _masthead_attribution(self, phrase: Span) -> bool:
        """"... kills 12 NGO AFP Wednesday 18 Jun 2014", "... in Aleppo Monitor AFP":
        the words before the outlet of a headline's masthead say whom the headline
        quotes; no actor."""
        index = phrase.end
        if index not in self.outlets or self._names_a_state(phrase.root):
            return False  # "... rebel assault on Aleppo AFP Sunday": the headline's place
        while index in self.outlets:
            index += 1
        # the masthead ends the headline: a date follows, or the next sentence
        return index == len(self.doc) or bool(self.doc[index].is_sent_start) or \
            CALENDAR.weekday(self.doc[index].text) is not None

    def _names_a_state(self, head: Token) -> bool:
        match = self.matches.get(head.i)
        return match is not None and match.entry.actor is not None and \
            match.entry.actor.type == "state" and not match.entry.actor.sector

    def _apposition(self, head: Token) -> list[Mention]:
        """"regime ally Iran", "its key backer, Russia": a patron named by its
        apposition is the actor named."""
        return [mention for child in head.children
                if child.dep_ == "appos" and child.pos_ == "PROPN"
                for mention in self.resolve(child)]

    def _named_beside(self, head: Token, phrase: Span) -> list[Mention]:
        """"The rebel group Jaish al-Islam", "the terrorist Jabhat al-Nusra": a group's
        word with the group's name in apposition is the group named, not the story's
        armed groups."""
        if head.lemma_.lower() not in GROUP_ANAPHORS and \
                group_sector(self.gazetteer, phrase) not in self.gazetteer.local_sectors:
            return []
        named = self._apposition(head)
        return named if named and all(mention.actor.type == "group" and
                                      not sector_only(mention.actor)
                                      for mention in named) else []

    def _matched(self, head: Token, phrase: Span, match: Match) -> list[Mention]:
        """A gazetteer name, as where and how it is named makes it."""
        actor = match.entry.actor
        assert actor is not None
        if unknown_organisation(self, head, match):
            return []
        if actor.type == "state" and any(token.lower_ in MINORITY_WORDS for token in phrase):
            # "ethnic Albanians in south Serbia": a minority is coded by where it
            # lives, never as its kin state.
            return residence(self, head, phrase)
        located = located_body(self, head, actor)
        if located is not None:
            return [self.mention(phrase, located)]
        if actor.type == "state" and head.tag_ in ("NNPS", "NNS"):
            # "the Albanians of southern Serbia": a people named with another
            # state's land live there.
            lived = residence(self, head, phrase, own_phrase=True)
            if lived and lived[0].actor.country != actor.country:
                return lived
        if capital_as_place(self, head, match):
            # "a company of Tehran", "talks in Moscow": the city, not the government
            return [self.mention(phrase, self.gazetteer.state(actor.country or actor.id))]
        # "rebel backer Qatar", "regime ally Iran": the words before a patron's role
        # say whom it backs, not what part of it acts
        roles = [token.i for token in phrase if token.lower_ in PATRON_NOUNS and token.i < head.i]
        if roles:
            phrase = self.doc[roles[-1] + 1:phrase.end]
        sector = agent_sector(self.gazetteer, phrase) if len(phrase) else None
        return [self.mention(phrase, self.gazetteer.with_sector(actor, sector))]

    def _names_something(self, head: Token) -> bool:
        # "Britain-based", "US-backed": a known name used as a stance or a seat
        stance = head.i in self.stances
        return head.pos_ == "PROPN" and head.ent_type_ in NAMED_ENTITY_TYPES and not stance \
            and any(char.isalpha() for char in head.text) and not self.is_outlet(head)

    def _record_unresolved(self, head: Token) -> None:
        phrase = self.phrase(head)
        self.unresolved.setdefault(head.i, Unresolved(
            self.document.id, phrase.text, phrase.start_char, phrase.end_char))
