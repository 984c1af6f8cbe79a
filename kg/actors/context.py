"""What actor resolution knows of one document while it reads it: the gazetteer's matches,
the actors already mentioned (for pronouns and "the regime"), the people introduced (so
that a later "Lavrov" is the "Foreign Minister Sergei Lavrov" of an earlier sentence) and
the names it could not resolve.

The resolution steps (``matching``, ``people``, ``groups``, ``places``, ``coreference``)
are functions over this state; ``kg.actors.resolve.DocumentActors`` ties them together
and supplies ``resolve``, which the steps call back for the phrases inside a phrase.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.actors.entries import Entry
from kg.actors.gazetteer import Gazetteer
from kg.model import Actor, Document, Mention, Unresolved
from kg.tokens import token_table
from kg.words import words

# What a dateline counts for towards the story's country: as much as one place named
# "in" it (kg.actors.matching weighs those 2).
DATELINE_WEIGHT = 2
# the words before a head that are not part of the phrase's name
PHRASE_OPENERS = frozenset({"det", "predet", "preconj", "punct", "cc", "advmod", "nummod",
                            "quantmod"})
# "eastern", "rural": words that name a part of a land
LAND_MODIFIERS = words("land modifier")


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer form found in the text, over tokens start..end."""

    start: int
    end: int
    entry: Entry


class ActorContext:
    """Actor resolution state for one document."""

    def __init__(self, gazetteer: Gazetteer, doc: Doc, document: Document) -> None:
        self.gazetteer = gazetteer
        self.doc = doc
        self.document = document
        self.matches: dict[int, Match] = {}
        self.outlets: set[int] = set()  # the tokens of the news outlets' names matched
        # (token index, mention, whether it was a subject), in reading order
        self.history: list[tuple[int, Mention, bool]] = []
        self.people: dict[str, Actor] = {}
        self.unresolved: dict[int, Unresolved] = {}
        self.stances: set[int] = set()  # tokens of names used as a stance: "US-backed"
        # the gazetteer names used as a stance, by token: whom "anti-ISIS" is against
        self.stance_matches: dict[int, Match] = {}
        # doc.ents builds new Span objects on every access; look them up once.
        self.entities: dict[int, Span] = {index: entity for entity in doc.ents
                                          for index in range(entity.start, entity.end)}
        self.country_counts: Counter[str] = Counter()
        # where the story was filed, from its dateline ("BAGHDAD --"): a hint of its country
        self.dateline_country: str | None = None
        # states named only as modifiers ("the Baghdad governor"), by first token: what a
        # story is about when it names no state otherwise
        self.modified_countries: dict[str, int] = {}
        # where the names of places and actors begin, by character: whether each is a town
        self._places: list[tuple[int, bool, Actor]] | None = None

    def resolve(self, head: Token, exclude_country: str | None = None) -> list[Mention]:
        """The actors a phrase headed by ``head`` stands for."""
        raise NotImplementedError

    def resolve_each(self, heads: Iterable[Token], exclude_country: str | None = None,
                     opposed: Collection[int] = ()) -> list[Mention]:
        """The actors of several phrases and of every phrase coordinated with them;
        ``opposed``: the heads that are names a stance is against (``resolve_opposed``)."""
        return [mention for head in heads for token in self.conjuncts(head)
                for mention in (self.resolve_opposed(token) if token.i in opposed
                                else self.resolve(token, exclude_country))]

    def resolve_opposed(self, name: Token) -> list[Mention]:
        """Whom a stance word stands against ("an anti-ISIS offensive": ISIS), though
        a stance is never a member of the side it names."""
        match = self.stance_matches.get(name.i)
        if match is None or match.entry.actor is None:
            return self.resolve(name)
        return [self.mention(self.doc[match.start:match.end], match.entry.actor)]

    def conjuncts(self, token: Token) -> list[Token]:
        """Coordinated heads, also where the parser hangs "and Y" inside a name
        ("the Organization of Islamic Cooperation and United Nations")."""
        match = self.matches.get(token.i)
        tokens = [self.doc[i] for i in range(match.start, match.end)] if match else [token]
        found = [token]
        for inside in tokens:
            for child in inside.children:
                if child.dep_ == "conj" and not (match and match.start <= child.i < match.end):
                    found.extend(self.conjuncts(child))
        if match is None or not self._country_name(match):
            return found
        # "Saudi Arabia Turkey and Qatar": in text stripped of its commas the parser
        # reads a country before a country as a modifier; no state modifies a state
        for child in token.lefts:
            listed = self.matches.get(child.i)
            if child.dep_ == "compound" and listed is not None and \
                    listed.end <= match.start and self._country_name(listed) and \
                    listed.entry.actor != match.entry.actor:
                found.extend(self.conjuncts(child))
        # "Russia a Syrian ally and China", "The United States, India, Israel and others":
        # the parser hangs the rest of a list of states on an apposition to the first (not
        # so "the EU trio (France, Germany and Britain)", a body and its members)
        for aside in token.children:
            if aside.dep_ == "appos":
                rest = [other for child in aside.children
                        if child.dep_ == "conj" and child.pos_ == "PROPN"
                        for other in self.conjuncts(child)]
                # the apposition heads the rest of the list where it is a state too
                # ("The United States, India, Israel and Pakistan")
                named = self.matches.get(aside.i)
                if rest and named is not None and self._country_name(named):
                    found.append(aside)
                found.extend(rest)
        return found

    def _country_name(self, match: Match) -> bool:
        """Whether a match is a state's own name ("Turkey"), not a town, capital or body."""
        actor = match.entry.actor
        return actor is not None and actor.type == "state" and actor.sector is None and \
            not match.entry.capital and self.doc[match.end - 1].pos_ == "PROPN" and \
            match.entry in self.gazetteer.aliases.get(self.doc[match.start:match.end].text, ())

    def focus_country(self) -> str | None:
        """The country a story is about: "armed groups" with no country are its groups.
        Its dateline counts as much as a place named in the story; a story that names
        states only as modifiers is about the first of them."""
        counts = self.country_counts.copy()
        if self.dateline_country is not None:
            counts[self.dateline_country] += DATELINE_WEIGHT
        if counts:
            return counts.most_common(1)[0][0]
        # "Gunmen killed the Baghdad governor": the first state the story names at all
        modified = self.modified_countries
        return min(modified, key=modified.__getitem__) if modified else None

    def names_town(self, mention: Mention) -> bool:
        """Whether a mention is a town's, as the place it is ("Qamishli", "the town of
        Azaz"): a state's name with no sector, holding a town's name."""
        if mention.actor.sector is not None or mention.actor.type != "state":
            return False
        # "Eastern Ghouta", "rural Idlib": a part of a land is a place ("South Korea",
        # whose name holds the word, is a state)
        parts = LAND_MODIFIERS.intersection(mention.text.lower().split())
        if parts and parts.isdisjoint(mention.actor.name.lower().split()):
            return True
        if self._places is None:
            self._places = list({(self.doc[match.start].idx, match.entry.town,
                                  match.entry.actor) for match in self.matches.values()
                                 if match.entry.actor is not None})
        # "Young Algerians": a town of another state ("Young", Uruguay) is a word
        named = [town for start, town, actor in self._places
                 if mention.start <= start < mention.end and actor == mention.actor]
        return bool(named) and all(named)

    def is_outlet(self, head: Token) -> bool:
        return head.i in self.outlets

    def phrase(self, head: Token) -> Span:
        """The words before the head that describe it, and the rest of a name it is in."""
        start = head.left_edge.i
        table = token_table(self.doc)
        spaces, deps = table.is_space, table.dep
        while start < head.i and (spaces[start] or deps[start] in PHRASE_OPENERS):
            start += 1
        # "(Reuters) Ukrainian government forces": a bracket that opens the sentence
        # holds its credit, never part of the phrase ("Daesh (IS) terrorists" is one)
        opening = head.sent.start
        if table.text[opening] == "(" and opening <= start < head.i:
            closing = next((index for index in range(opening, head.i)
                            if table.text[index] == ")"), None)
            start = max(start, closing + 1) if closing is not None else start
        end = head.i + 1
        match = self.matches.get(head.i)
        if match is not None:
            start, end = min(start, match.start), max(end, match.end)
        return Span(self.doc, start, end)  # (slicing the document checks bounds anew)

    @staticmethod
    def mention(phrase: Span, actor: Actor) -> Mention:
        if not len(phrase):
            return Mention(text=phrase.text, start=phrase.start_char, end=phrase.end_char,
                           actor=actor)
        table = token_table(phrase.doc)
        return Mention(text=table.span_text(phrase.start, phrase.end),
                       start=table.idx[phrase.start], end=table.end_char(phrase.end - 1),
                       actor=actor)
