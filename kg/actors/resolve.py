"""Resolve the noun phrases in actor positions of a parsed document to canonical actors.

One ``DocumentActors`` per document keeps what was said before (for pronouns and
"the regime"-style short references) and the people already introduced (so that a later
"Lavrov" is the same person as "Russia's Foreign Minister Sergei Lavrov").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from kg.actors.gazetteer import Entry, Gazetteer, fold_place
from kg.model import Actor, Document, Mention, Unresolved

PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
GROUP_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
ORGANISATION_ANAPHORS = {"body", "organization", "organisation", "agency", "alliance", "bloc"}
STATE_ANAPHORS = {"country", "nation", "kingdom", "republic"}
DEFINITE_GOVERNMENT = {"regime", "government", "authorities", "administration", "army",
                       "military", "leadership", "cabinet", "junta"}
GROUP_SECTORS = {"REB", "OPP", "IMG", "INS", "UAF", "RAD"}
NAMED_ENTITY_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
MAX_PLACE_TOKENS = 3  # town names in the news run to three words ("Ras al Ain")
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos", "dative",
                 "attr", "agent", "npadvmod"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Where a capital is a place, not its government's seat: "a factory in Moscow"
PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "around", "inside", "throughout",
                      "across", "of", "within"}
LOCATION_PREPOSITIONS = {"in", "inside", "into", "to", "across", "throughout", "within"}
MAX_TERM_WORDS = 3
# How many tokens back a pronoun may look for its antecedent (about three sentences).
ANTECEDENT_WINDOW = 120
# "anti-Syria", "pro-Western": a stance towards a side, not a member of it
STANCE_PREFIXES = {"anti", "pro"}
NOT_PLACES = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE"}
STANCE_SUFFIXES = {"backed", "supported", "sponsored", "funded", "financed", "armed",
                   "trained", "based", "made", "built"}


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    entry: Entry


class ActorResolver:
    """Holds the gazetteer and its matcher; makes one DocumentActors per parsed document."""

    def __init__(self, gazetteer: Gazetteer, vocab: Vocab) -> None:
        self.gazetteer = gazetteer
        self.matcher = PhraseMatcher(vocab, attr="ORTH")
        self.vocab = vocab

    def add_patterns(self, make_doc: Callable[[str], Doc]) -> None:
        """Tokenise every alias with the pipeline's own tokenizer."""
        for alias in self.gazetteer.aliases:
            self.matcher.add(alias, [make_doc(alias)])

    def for_document(self, doc: Doc, document: Document) -> DocumentActors:
        return DocumentActors(self, doc, document)

    def alias(self, key: int) -> str:
        return self.vocab.strings[key]


class DocumentActors:
    """Actor resolution state for one document."""

    def __init__(self, resolver: ActorResolver, doc: Doc, document: Document) -> None:
        self.gazetteer = resolver.gazetteer
        self.doc = doc
        self.document = document
        self.matches: dict[int, Match] = {}
        self.history: list[tuple[int, Mention, bool]] = []
        self.people: dict[str, Actor] = {}
        self.unresolved: dict[int, Unresolved] = {}
        self.stances: set[int] = set()  # tokens of names used as a stance: "US-backed"
        self._cache: dict[tuple[int, str | None], list[Mention] | None] = {}
        # doc.ents builds new Span objects on every access; look them up once.
        self.entities: dict[int, Span] = {index: entity for entity in doc.ents
                                          for index in range(entity.start, entity.end)}
        self._find_matches(resolver)
        self.country_counts = self._count_countries()

    # -- matching -------------------------------------------------------------------

    def _find_matches(self, resolver: ActorResolver) -> None:
        found = []
        for key, start, end in resolver.matcher(self.doc):
            entry = self._choose(resolver.gazetteer.aliases[resolver.alias(key)])
            if entry is None or self._inside_person_name(start, end, entry) or \
                    self._stance(start, end):
                continue
            found.append(Match(start, end, entry))
        towns = list(self._places(resolver.gazetteer, found))
        overridden = {(town.start, town.end) for town in towns}
        found = [match for match in found if (match.start, match.end) not in overridden]
        found.extend(towns)
        found.sort(key=lambda match: (match.start, -(match.end - match.start)))
        taken_until = -1
        for match in found:
            if match.start < taken_until:
                continue
            taken_until = match.end
            for index in range(match.start, match.end):
                self.matches[index] = match

    def _stance(self, start: int, end: int) -> bool:
        """"anti-Syria journalist", "pro-Western party", "Iranian-backed militia",
        "Damascus-based group": a stance, a backer or a seat, not a membership."""
        doc = self.doc
        before = start >= 2 and doc[start - 1].text == "-" and \
            doc[start - 2].lower_ in STANCE_PREFIXES
        after = end + 1 < len(doc) and doc[end].text == "-" and \
            doc[end + 1].lower_ in STANCE_SUFFIXES
        if before or after:
            self.stances.update(range(start, end))
        return before or after

    def _count_countries(self) -> Counter[str]:
        """How much the story is about each country; "in Syria" says more than "Russian"."""
        counts: Counter[str] = Counter()
        for match in {match.start: match for match in self.matches.values()}.values():
            actor = match.entry.actor
            if actor is None or actor.type != "state" or not actor.country:
                continue
            head = self.doc[match.end - 1]
            weight = 1
            if head.dep_ == "pobj" and head.head.lower_ in LOCATION_PREPOSITIONS:
                weight = 2
            elif head.dep_ in ("amod", "compound"):
                weight = 0
            counts[actor.country] += weight
        return +counts

    def _places(self, gazetteer: Gazetteer, named_matches: list[Match]) -> Iterator[Match]:
        """Town names among the proper nouns that name no person ("Split" the verb and
        "Hamilton" the person are no towns). A name several states share goes to one the
        story names ("Tripoli, the north Lebanese port"), else to the most populous."""
        doc = self.doc
        states_at = {(match.start, match.end): match.entry.actor.country
                     for match in named_matches
                     if match.entry.actor is not None and match.entry.actor.type == "state"}
        # "Tripoli" is Libya's capital, but in a story about Lebanon it is Lebanon's town.
        capitals = {(match.start, match.end) for match in named_matches
                    if gazetteer.is_capital(self.doc[match.start:match.end].text)}
        taken = {(match.start, match.end) for match in named_matches}
        named = [token.pos_ == "PROPN" and token.ent_type_ != "PERSON" for token in doc]
        for start in range(len(doc)):
            if not named[start]:
                continue
            for end in range(min(len(doc), start + MAX_PLACE_TOKENS), start, -1):
                if not all(named[start:end]) or self._inside_longer_name(start, end):
                    continue
                name = doc[start:end].text
                states = gazetteer.places.get(name) or \
                    gazetteer.folded_places.get(fold_place(name))
                if not states or self._stance(start, end):
                    continue
                elsewhere = {country for span, country in states_at.items()
                             if span != (start, end)}
                chosen = next((state for state in states if state.country in elsewhere), None)
                if (start, end) not in taken:
                    yield Match(start, end, Entry("actor", chosen or states[0]))
                elif (start, end) in capitals and chosen is not None and \
                        states_at.get((start, end)) not in elsewhere:
                    yield Match(start, end, Entry("actor", chosen))
                break

    def _inside_longer_name(self, start: int, end: int) -> bool:
        """"Liberal" in "the Liberal Democratic Party" is no town in Kansas: inside a
        longer name of an organisation, a work or a law, a town's name is a word."""
        for index in (start, end - 1):
            entity = self.entities.get(index)
            if entity is not None and entity.label_ in NOT_PLACES and \
                    (entity.start < start or entity.end > end):
                return True
        return False

    def _choose(self, entries: list[Entry]) -> Entry | None:
        date = self.document.date
        valid = [entry for entry in entries if entry.valid_on(date)]
        if valid:
            return valid[0]
        people = [entry for entry in entries if entry.kind == "person"]
        return max(people, key=lambda entry: entry.valid_from or "") if people else None

    def _inside_person_name(self, start: int, end: int, entry: Entry) -> bool:
        """A capital or country inside a person's name ("Victoria Nuland") is no country."""
        if entry.kind != "actor":
            return False
        if not all(self.doc[index].ent_type_ == "PERSON" for index in range(start, end)):
            return False
        # A name the tagger marked as a person all by itself ("Ugandan" in "Ugandan
        # opposition candidates") is a mistagged country word, not part of a name.
        entity = self.entities.get(start)
        return entity is None or entity.start < start or entity.end > end

    # -- public ---------------------------------------------------------------------

    def scan(self, sentence: Span) -> None:
        """Resolve every actor-like phrase of a sentence in reading order, for later pronouns."""
        for token in sentence:
            if token.dep_ in ARGUMENT_DEPS and token.pos_ in ("PROPN", "NOUN", "PRON"):
                self.resolve(token)

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
        return found

    def is_outlet(self, head: Token) -> bool:
        match = self.matches.get(head.i)
        return match is not None and match.entry.kind == "outlet"

    # -- resolution -----------------------------------------------------------------

    def _resolve(self, head: Token, exclude_country: str | None) -> list[Mention]:
        lower = head.lower_
        if head.pos_ == "PRON" or lower in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS:
            return self._pronoun(head)
        phrase = self._phrase(head)
        if any(self.is_outlet(token) for token in phrase):
            return []  # "the ITAR-TASS news agency": a source of reports, never an actor
        match = self.matches.get(head.i)
        if match is not None:
            if match.entry.kind == "person":
                return [self._mention(phrase, self._introduce_person(head, phrase, match))]
        person = self._person(head, phrase, match)
        if person is not None:
            return [self._mention(phrase, person)]
        if match is not None and match.entry.actor is not None:
            if self._unknown_organisation(head, match):
                return []
            if match.entry.actor.type == "state" and any(token.lower_ == "ethnic"
                                                         for token in phrase):
                # "ethnic Albanians in south Serbia": a minority is coded by where it
                # lives, never as its kin state.
                return self._residence(head, phrase)
            located = self._located_body(head, match.entry.actor)
            if located is not None:
                return [self._mention(phrase, located)]
            if match.entry.actor.type == "state" and head.tag_ in ("NNPS", "NNS"):
                # "the Albanians of southern Serbia": a people named with another
                # state's land live there.
                lived = self._residence(head, phrase, own_phrase=True)
                if lived and lived[0].actor.country != match.entry.actor.country:
                    return lived
            if self._capital_as_place(head, match):
                # "a company of Tehran", "talks in Moscow": the city, not the government
                return [self._mention(phrase, self.gazetteer.state(match.entry.actor.country
                                                                   or match.entry.actor.id))]
            return [self._mention(phrase, self.gazetteer.with_sector(
                match.entry.actor, self._sector(phrase, exclude_head=False)))]
        group = self._group_phrase(head, phrase, exclude_country)
        if group is not None:
            partners = self._coordinated_owners(head, phrase, group)
            return [self._mention(phrase, actor) for actor in (group, *partners)]
        return self._right_attachment(head)

    def _capital_as_place(self, head: Token, match: Match) -> bool:
        actor = match.entry.actor
        if actor is None or actor.type != "state" or actor.sector != "GOV" or \
                head.dep_ != "pobj" or head.head.lower_ not in PLACE_PREPOSITIONS:
            return False
        return self.gazetteer.is_capital(self.doc[match.start:match.end].text)

    def _located_body(self, head: Token, body: Actor) -> Actor | None:
        """"Congress in the Philippines", "the parliament of Kenya": a state body named
        with another state is that state's body."""
        if body.type != "state" or not body.sector:
            return None
        following = self.doc[head.i + 1] if head.i + 1 < len(self.doc) else None
        # the parser often hangs the phrase on the verb: "urged Congress in the Philippines"
        attached = [following] if following is not None and following.dep_ == "prep" and \
            following.head.i == head.head.i and head.dep_ in ("dobj", "nsubj") else []
        # "Kenya's Liberal Democratic Party", "Congress in the Philippines"
        owners = [child for child in head.children if child.dep_ == "poss"]
        owners += [place for child in [*head.children, *attached]
                   if child.dep_ == "prep" and child.lower_ in ("in", "of")
                   for place in child.children if place.dep_ == "pobj"]
        for owner in owners:
            for mention in self.resolve(owner):
                country = mention.actor.state_country
                if mention.actor.type == "state" and country and country != body.country:
                    return self.gazetteer.state(country, body.sector)
        return None

    def _residence(self, head: Token, phrase: Span, own_phrase: bool = False) -> list[Mention]:
        # "Albanians in Serbia", or where they act: "Albanians demonstrated in Serbia"
        places = [*head.children,
                  *(head.head.children if head.dep_ == "nsubj" and not own_phrase else ())]
        for child in places:
            if child.dep_ == "prep" and child.lower_ in ("in", "of") and \
                    (child.head.i == head.i or child.lower_ == "in"):
                for place in child.children:
                    if place.dep_ != "pobj":
                        continue
                    states = [mention.actor for mention in self.resolve(place)
                              if mention.actor.type == "state"]
                    if states:
                        # its people, not the state they live in
                        people = self.gazetteer.state(states[0].state_country or states[0].id,
                                                      "CVL")
                        return [self._mention(phrase, people)]
        return []

    def _phrase(self, head: Token) -> Span:
        """The words before the head that describe it, and the rest of a name it is in."""
        start = head.left_edge.i
        while start < head.i and self.doc[start].dep_ in ("det", "predet", "preconj", "punct",
                                                          "cc", "advmod", "nummod", "quantmod"):
            start += 1
        end = head.i + 1
        match = self.matches.get(head.i)
        if match is not None:
            start, end = min(start, match.start), max(end, match.end)
        return self.doc[start:end]

    def _mention(self, phrase: Span, actor: Actor) -> Mention:
        return Mention(text=phrase.text, start=phrase.start_char, end=phrase.end_char,
                       actor=actor)

    def _unknown_organisation(self, head: Token, match: Match) -> bool:
        """"Syrian" inside an organisation the gazetteer lacks does not make it Syria."""
        if head.ent_type_ != "ORG" or match.entry.actor is None:
            return False
        if match.entry.actor.type != "state":
            return False
        entity = self.entities.get(head.i)
        if entity is None:
            return False
        covered = all(index in self.matches for index in range(entity.start, entity.end))
        return not covered and self._agent_sector(entity) is None

    # -- people ---------------------------------------------------------------------

    def _person_name(self, head: Token) -> Span | None:
        entity = self.entities.get(head.i)
        if entity is None or entity.label_ != "PERSON":
            return None
        start = entity.start
        while start < entity.end - 1 and self._is_title_word(self.doc[start]):
            start += 1
        return self.doc[start:head.i + 1] if head.i >= start else None

    def _is_title_word(self, token: Token) -> bool:
        return token.lower_ in self.gazetteer.titles or any(
            term.split()[0] == token.lower_ for term in self.gazetteer.titles if " " in term)

    def _person(self, head: Token, phrase: Span, match: Match | None) -> Actor | None:
        known = self.people.get(head.text)
        if known is not None and (match is None or match.entry.kind != "actor"):
            return known
        if head.ent_type_ != "PERSON" or head.pos_ != "PROPN":
            return None
        name = self._person_name(head)
        if name is None:
            return None
        known = self.people.get(name.text)
        if known is not None:
            return known
        affiliation = self._affiliation(phrase, name, head)
        if affiliation is None:
            return None
        person = self.gazetteer.person(name.text, affiliation)
        self._remember_person(name, person)
        return person

    def _introduce_person(self, head: Token, phrase: Span, match: Match) -> Actor:
        person = match.entry.actor
        assert person is not None
        # A title in the text outranks the gazetteer's dated role ("former minister" aside).
        affiliation = self._affiliation(phrase, self.doc[match.start:match.end], head)
        if affiliation is not None and person.member_of is None:
            person = self.gazetteer.person(person.name, affiliation)
        self._remember_person(self.doc[match.start:match.end], person)
        return person

    def _remember_person(self, name: Span, person: Actor) -> None:
        self.people[name.text] = person
        self.people[name[-1].text] = person
        self.people[person.name] = person
        self.people[person.name.split()[-1]] = person

    def _affiliation(self, phrase: Span, name: Span, head: Token) -> Actor | None:
        """Who a named person speaks for, from the words around the name."""
        sector = self._title_sector(phrase) or self._agent_sector(phrase)
        for index in range(phrase.start, name.start)[::-1]:
            match = self.matches.get(index)
            if match is not None and match.entry.actor is not None and \
                    match.entry.kind == "actor":
                return self._member_of(match.entry.actor, sector)
        for child in head.children:
            if child.dep_ == "poss":
                owners = self.resolve(child)
                if owners:
                    return self._member_of(owners[0].actor, sector)
            if child.dep_ == "appos":
                described = self._phrase(child)
                sector = self._title_sector(described) or self._agent_sector(described)
                for index in range(described.start, described.end):
                    match = self.matches.get(index)
                    if match is not None and match.entry.actor is not None:
                        return self._member_of(match.entry.actor, sector)
        return None

    def _member_of(self, actor: Actor, sector: str | None) -> Actor:
        if actor.type == "person":
            return actor.member_of or actor
        if actor.type == "state" and not actor.sector:
            return self.gazetteer.state(actor.country or actor.id, sector or "GOV")
        return actor

    # -- groups, sectors and short references ---------------------------------------

    def _terms(self, phrase: Span) -> Iterable[tuple[int, str]]:
        """(end index, lower-cased n-gram) of the phrase, right-most and longest first."""
        words = [token.lower_ for token in phrase]
        lemmas = [token.lemma_.lower() for token in phrase]
        for end in range(len(words), 0, -1):
            for size in range(min(MAX_TERM_WORDS, end), 0, -1):
                yield phrase.start + end, " ".join(words[end - size:end])
                yield phrase.start + end, " ".join([*words[end - size:end - 1], lemmas[end - 1]])

    def _agent_sector(self, phrase: Span) -> str | None:
        for _, term in self._terms(phrase):
            if term in self.gazetteer.agents:
                return self.gazetteer.agents[term]
        return None

    def _title_sector(self, phrase: Span) -> str | None:
        for _, term in self._terms(phrase):
            if term in self.gazetteer.titles:
                return self.gazetteer.titles[term]
        return None

    def _sector(self, phrase: Span, *, exclude_head: bool) -> str | None:
        span = phrase[:-1] if exclude_head else phrase
        return self._agent_sector(span) if len(span) else None

    def _group_phrase(self, head: Token, phrase: Span, exclude_country: str | None) -> Actor | None:
        """"Syria's rebel forces", "the Assad regime", "the body's head", "the regime"."""
        sector = self._agent_sector(phrase) or self._title_sector(phrase)
        lemma = head.lemma_.lower()
        # "ICRC access" or "Russia's concerns" are things, not actors; "U.N. resolutions",
        # "the Russian delegation" and "Syria's army" stand for who owns them.
        stands_for_owner = sector is not None or lemma in self.gazetteer.proxies \
            or head.lower_ in self.gazetteer.proxies
        owner = self._owner(head, phrase) if stands_for_owner else None
        if owner is not None:
            return self._owned(owner, sector)
        if not self._definite(head) and sector not in GROUP_SECTORS:
            return None
        if lemma in ORGANISATION_ANAPHORS:
            return self._recent(lambda actor: actor.type in ("igo", "ngo"), head)
        if lemma in STATE_ANAPHORS:
            return self._recent(lambda actor: actor.type == "state"
                                and actor.country != exclude_country, head)
        if sector in GROUP_SECTORS:
            country = self._sibling_country(head) or self._focus_country()
            return self.gazetteer.state(country, sector) if country else None
        if sector and lemma in DEFINITE_GOVERNMENT:
            recent = self._recent(lambda actor: actor.state_country is not None
                                  and actor.state_country != exclude_country, head)
            if recent is not None and recent.state_country:
                return self.gazetteer.state(recent.state_country, sector)
        return None

    def _owned(self, owner: Actor, sector: str | None) -> Actor | None:
        """What "<owner> <sector word>" stands for: "Syria's army", "Putin's government"."""
        if owner.type == "person":
            base = owner.member_of
            if base is None or not sector:
                return None
            return self.gazetteer.state(base.state_country, sector) \
                if base.state_country else base
        return self.gazetteer.with_sector(owner, sector) if sector else owner

    def _coordinated_owners(self, head: Token, phrase: Span, group: Actor) -> list[Actor]:
        """"Hungarian and Romanian officials", "U.S. and Soviet negotiators": each
        coordinated modifier names a side of its own (the cross product of the dyad)."""
        owners = [self.doc[index] for index in range(phrase.start, head.i)
                  if index in self.matches and self.doc[index].head.i != index]
        linked = {token.i for token in owners for other in owners
                  if token.dep_ == "conj" and token.head.i == other.i}
        linked |= {self.doc[index].head.i for index in linked}
        if len(linked) < 2:
            return []
        sector = self._agent_sector(phrase) or self._title_sector(phrase)
        found: list[Actor] = []
        for index in sorted(linked):
            actor = self.matches[index].entry.actor
            owned = self._owned(actor, sector) if actor is not None else None
            if owned is not None and owned.id != group.id and \
                    all(owned.id != seen.id for seen in found):
                found.append(owned)
        return found

    def _owner(self, head: Token, phrase: Span) -> Actor | None:
        """The actor named inside the phrase, nearest the head: "Syria's", "Russian", "ICRC"."""
        for index in range(phrase.start, head.i)[::-1]:
            match = self.matches.get(index)
            if match is not None and match.entry.actor is not None:
                return match.entry.actor
            token = self.doc[index]
            if token.dep_ == "poss" and token.head.i <= head.i:
                owners = self.resolve(token)
                if owners:
                    return owners[0].actor
            known = self.people.get(token.text)
            if known is not None:
                return known
        return None

    def _definite(self, head: Token) -> bool:
        return any(child.dep_ == "det" and child.lower_ in ("the", "this", "that", "these")
                   for child in head.children)

    def _recent(self, accept: Callable[[Actor], bool], head: Token) -> Actor | None:
        for index, mention, _ in reversed(self.history):
            if index < head.i and head.i - index <= ANTECEDENT_WINDOW * 3 and \
                    accept(mention.actor):
                return mention.actor
        return None

    def _focus_country(self) -> str | None:
        """The country a story is about: "armed groups" with no country are its groups."""
        if not self.country_counts:
            return None
        return self.country_counts.most_common(1)[0][0]

    def _sibling_country(self, head: Token) -> str | None:
        """"the Syrian government and armed groups": the groups share the sibling's country."""
        siblings = [*conjuncts(head.head)] if head.dep_ == "conj" else conjuncts(head)
        for sibling in siblings:
            if sibling.i == head.i:
                continue
            for index in range(sibling.left_edge.i, sibling.i + 1):
                match = self.matches.get(index)
                if match is not None and match.entry.actor is not None and \
                        match.entry.actor.state_country:
                    return match.entry.actor.state_country
        return None

    def _right_attachment(self, head: Token) -> list[Mention]:
        """"teams from the OIC and the UN", "members of NATO": the actor is in the PP."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return []
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return [mention for token in self.conjuncts(obj)
                                for mention in self.resolve(token)]
        return []

    # -- pronouns -------------------------------------------------------------------

    def _pronoun(self, head: Token) -> list[Mention]:
        lower = head.lower_
        if lower in RELATIVE_PRONOUNS:
            clause = head.head
            if clause.dep_ == "relcl":
                return self.resolve(clause.head)
            return []
        if lower in PERSON_PRONOUNS:
            wanted = "person"
        elif lower in THING_PRONOUNS | GROUP_PRONOUNS:
            wanted = "group"
        else:
            return []
        antecedent = self._antecedent(head, wanted)
        if antecedent is None:
            return []
        return [Mention(text=head.text, start=head.idx, end=head.idx + len(head.text),
                        actor=antecedent)]

    def _antecedent(self, head: Token, wanted: str) -> Actor | None:
        """Subjects and possessives refer back to an earlier subject by preference; an
        object pronoun ("condemning him") to anyone but its own clause's subject."""

        def fits(actor: Actor) -> bool:
            return (actor.type == "person") == (wanted == "person")

        candidates = [(index, mention, subject) for index, mention, subject in self.history
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

    # -- reporting ------------------------------------------------------------------

    def _names_something(self, head: Token) -> bool:
        # "Britain-based", "US-backed": a known name used as a stance or a seat
        stance = head.i in self.stances
        return head.pos_ == "PROPN" and head.ent_type_ in NAMED_ENTITY_TYPES and not stance \
            and any(char.isalpha() for char in head.text) and not self.is_outlet(head)

    def _record_unresolved(self, head: Token) -> None:
        phrase = self._phrase(head)
        self.unresolved.setdefault(head.i, Unresolved(
            self.document.id, phrase.text, phrase.start_char, phrase.end_char))


def conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ("Russia and China")."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj":
            found.extend(conjuncts(child))
    return found
