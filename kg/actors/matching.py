"""Finding the gazetteer's names in a document: the forms the phrase matcher found,
dated by the article, minus names inside people's names and names used as a stance
("US-backed"); town names among the proper nouns; one match per token, longest first."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import cached_property

from spacy.tokens import Doc

from kg.actors.context import ActorContext, Match
from kg.actors.entries import Entry
from kg.actors.gazetteer import fold_place
from kg.model import Actor
from kg.tokens import token_table
from kg.words import words

MAX_PLACE_TOKENS = 3  # town names in the news run to three words ("Ras al Ain")
# A town that shares a capital's name stands for its own state in a story naming that
# state only if it is a city (Tripoli, Lebanon), not a small town (Moscow, Idaho).
RIVAL_CITY = 100_000
# "US" and "UN" are matched as written; shorter words in capitals are initials.
MIN_CAPITALS = 3
NAME_TAGS = ("PROPN", "NOUN", "ADJ")
# "anti-Syria", "pro-Western": a stance towards a side, not a member of it
STANCE_PREFIXES = words("stance prefix")
STANCE_SUFFIXES = words("stance suffix")
LOCATION_PREPOSITIONS = words("location preposition")
STREET_WORDS = words("street word")
# "the town of X", "X village": a word that calls the name next to it a settlement
SETTLEMENT_NOUNS = words("settlement noun")
LANDMARKS = {"FAC", "LOC"}
NOT_PLACES = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE"}


class NameIndex:
    """Names of plain words, found by their words: the same matches as spaCy's phrase
    matcher gives for them, without tokenising tens of thousands of names at start-up."""

    def __init__(self, names: Iterable[str]) -> None:
        # first word -> number of words -> the names' words -> the name's place in
        # ``names``: a common first word ("Al", "National") begins thousands of names,
        # and one look-up per length finds the one that can be there
        self.by_first: dict[str, dict[int, dict[tuple[str, ...], int]]] = \
            defaultdict(dict)
        for index, name in enumerate(names):
            words = tuple(name.split(" "))
            self.by_first[words[0]].setdefault(len(words), {}).setdefault(words, index)

    def find(self, doc: Doc) -> Iterator[tuple[int, int, str]]:
        """(start, end, name) of every name in the document, overlapping ones included,
        at each start in the order of the names given."""
        texts = token_table(doc).text
        for start, text in enumerate(texts):
            lengths = self.by_first.get(text)
            if lengths is None:
                continue
            found = []
            for size, names in lengths.items():
                words = tuple(texts[start:start + size])
                index = names.get(words)
                if index is not None:
                    found.append((index, start + size, words))
            for _, end, words in sorted(found):
                yield start, end, " ".join(words)


def find_matches(actors: ActorContext, candidates: Iterable[tuple[int, int, list[Entry]]]) -> None:
    """Fill ``actors.matches`` from the matcher's (start, end, entries) and the towns,
    then count how much the story is about each country."""
    candidates = list(candidates)
    covered = {index for start, end, _ in candidates for index in range(start, end)}
    found = []
    for start, end, entries in [*candidates, *_upper_case_names(actors, covered),
                                 *_lost_apostrophes(actors, covered)]:
        entry = _choose(actors, entries)
        if entry is None or _sector_body(actors, entry) or \
                _inside_person_name(actors, start, end, entry) or \
                _inside_landmark(actors, start, end, entry):
            continue
        if stance(actors, start, end):
            actors.stance_matches.update(dict.fromkeys(range(start, end), Match(start, end, entry)))
            continue
        found.append(Match(start, end, entry))
    towns = list(_places(actors, found))
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
            actors.matches[index] = match
    actors.outlets = {index for index, match in actors.matches.items()
                      if match.entry.kind == "outlet"}
    actors.country_counts = _count_countries(actors)


def _upper_case_names(actors: ActorContext,
                      covered: set[int]) -> Iterator[tuple[int, int, list[Entry]]]:
    """Names written in capitals ("BRITAIN has warned Sudan", "PAKISTANI troops"), as
    headlines and some wires print them: the gazetteer's form in title case."""
    doc, aliases = actors.doc, actors.gazetteer.aliases
    # the words' flags in one array: a token object per word and flag costs more
    flags = doc.to_array(["IS_UPPER", "IS_ALPHA", "LENGTH"]).tolist()
    capital = [bool(upper and alpha and length >= MIN_CAPITALS) and index not in covered
               for index, (upper, alpha, length) in enumerate(flags)]
    start = 0
    while start < len(doc):
        if not capital[start]:
            start += 1
            continue
        for end in range(min(len(doc), start + MAX_PLACE_TOKENS), start, -1):
            if all(capital[start:end]):
                entries = aliases.get(" ".join(token.text.title() for token in doc[start:end]))
                if entries:
                    yield start, end, entries
                    start = end - 1
                    break
        start += 1


def _lost_apostrophes(actors: ActorContext,
                      covered: set[int]) -> Iterator[tuple[int, int, list[Entry]]]:
    """"Syrias army", "Assads forces": a name with its possessive's apostrophe lost, as
    texts scraped through some encodings print them."""
    aliases = actors.gazetteer.aliases
    table = token_table(actors.doc)
    for index, (text, pos) in enumerate(zip(table.text, table.pos, strict=True)):
        # the tagger, not knowing the word, often calls it a noun or an adjective
        # ("Assads forces", "Russias air force"); a capital still marks it a name
        if index in covered or pos not in NAME_TAGS or not text[0].isupper() or \
                not text.endswith("s") or len(text) <= MIN_CAPITALS or text in aliases:
            continue
        entries = aliases.get(text[:-1])
        if entries and not any(entry.kind == "outlet" for entry in entries):
            yield index, index + 1, entries


def stance(actors: ActorContext, start: int, end: int) -> bool:
    """"anti-Syria journalist", "pro-Western party", "Iranian-backed militia",
    "Damascus-based group": a stance, a backer or a seat, not a membership."""
    table = token_table(actors.doc)
    texts, lowers = table.text, table.lower
    before = start >= 2 and texts[start - 1] == "-" and lowers[start - 2] in STANCE_PREFIXES
    after = end + 1 < len(texts) and texts[end] == "-" and lowers[end + 1] in STANCE_SUFFIXES
    # "Turkish backed groups", as some sites print it: the hyphen lost, the participle
    # still describes the noun ("Afghan armed forces" are Afghanistan's)
    after = after or (end < len(texts) and lowers[end] in STANCE_SUFFIXES and
                      table.dep[end] == "amod" and actors.doc[end].tag_ == "VBN")
    if before or after:
        actors.stances.update(range(start, end))
    return before or after


def _town_modifier(actors: ActorContext, match: Match) -> bool:
    """"his Baghdad home", "a Gaza warehouse": a town before a noun says where things
    happen, as "in Baghdad" does; "a Lebanese contractor", "U.S. troops" say only who."""
    name = actors.doc[match.start:match.end].text
    gazetteer = actors.gazetteer
    # the town's own state: "Thai" is also a town in Malaysia, yet here it says who
    return actors.doc[match.end - 1].pos_ == "PROPN" and \
        (gazetteer.is_capital(name) or match.entry.actor in gazetteer.places.get(name, ()))


def _count_countries(actors: ActorContext) -> Counter[str]:
    """How much the story is about each country; "in Syria" says more than "Russian"."""
    counts: Counter[str] = Counter()
    for match in {match.start: match for match in actors.matches.values()}.values():
        actor = match.entry.actor
        if actor is None or actor.type != "state" or not actor.country:
            continue
        head = actors.doc[match.end - 1]
        weight = 1
        if head.dep_ == "pobj" and head.head.lower_ in LOCATION_PREPOSITIONS:
            weight = 2
        elif head.dep_ in ("amod", "compound") and not _town_modifier(actors, match):
            weight = 0
            actors.modified_countries.setdefault(actor.country, match.start)
        counts[actor.country] += weight
    return +counts


class StoryStates(dict[tuple[int, int], str | None]):
    """The states a story names, by the words (start, end) that name them. The town
    look-ups ask, name by name, which states the story names elsewhere and most often;
    for a name that is not one of these words the answer is the story's, read once."""

    def elsewhere(self, start: int, end: int) -> set[str | None]:
        """The states the story names other than at ``start:end``."""
        if (start, end) in self:
            return {country for span, country in self.items() if span != (start, end)}
        return self._all

    def most_named(self, start: int, end: int) -> list[str]:
        """The states the story names most often other than at ``start:end``."""
        if (start, end) in self:
            return _most_often(country for span, country in self.items()
                               if span != (start, end))
        return self._most

    @cached_property
    def _all(self) -> set[str | None]:
        return set(self.values())

    @cached_property
    def _most(self) -> list[str]:
        return _most_often(self.values())


def _most_often(countries: Iterable[str | None]) -> list[str]:
    named = Counter(country for country in countries if country)
    most = max(named.values(), default=0)
    return [country for country, times in named.items() if times == most]


def _places(actors: ActorContext, named_matches: list[Match]) -> Iterator[Match]:
    """Town names among the proper nouns that name no person ("Split" the verb and
    "Hamilton" the person are no towns). A name several states share goes to one the
    story names ("Tripoli, the north Lebanese port"), else to the most populous."""
    doc, gazetteer = actors.doc, actors.gazetteer
    states_at = StoryStates({(match.start, match.end): match.entry.actor.country
                             for match in named_matches
                             if match.entry.actor is not None
                             and match.entry.actor.type == "state"})
    # "Tripoli" is Libya's capital, but in a story about Lebanon it is Lebanon's town.
    capitals = {(match.start, match.end) for match in named_matches
                if gazetteer.is_capital(token_table(doc).span_text(match.start, match.end))}
    taken = {(match.start, match.end) for match in named_matches}
    # the tagger reads some towns as nouns ("shelled Homs"); a capitalised noun inside
    # a sentence is looked up too, one that opens it is not
    strings = doc.vocab.strings
    propn, noun = strings["PROPN"], strings["NOUN"]
    # nor a date's month: "in March 2011" is no town in England
    no_places = {strings["DATE"], strings["TIME"]}
    person = strings["PERSON"]
    rows = doc.to_array(["POS", "IS_TITLE", "SENT_START", "ENT_TYPE"]).tolist()
    named = [(pos == propn or (pos == noun and title and start != 1)) and entity not in no_places
             for pos, title, start, entity in rows]
    table = token_table(doc)
    # a hyphen between two names joins them into one: "Al-Bab", "Deir ez-Zor"
    texts = table.text
    for index in range(1, len(doc) - 1):
        named[index] = named[index] or (texts[index] == "-" and named[index - 1]
                                        and named[index + 1])
    people = [entity == person for *_, entity in rows]
    lowers = table.lower
    for start in range(len(doc)):
        if not named[start]:
            continue
        for end in range(min(len(doc), _place_reach(doc, start)), start, -1):
            if not all(named[start:end]) or _inside_longer_name(actors, start, end) or \
                    (end < len(doc) and lowers[end] in STREET_WORDS):
                continue  # "the Castello Road" is a road in Aleppo, no town in Brazil
            name = table.span_text(start, end)
            states = _town_states(actors, start, end, name, states_at, any(people[start:end]))
            if not states or stance(actors, start, end):
                continue
            elsewhere = states_at.elsewhere(start, end)
            chosen = next((state for state in states if state.country in elsewhere), None)
            if (start, end) not in taken:
                yield Match(start, end, Entry("actor", chosen or states[0], town=True))
            elif (start, end) in capitals and chosen is not None and \
                    states_at.get((start, end)) not in elsewhere and \
                    gazetteer.rival_towns.get((name, chosen.country or ""), 0) >= RIVAL_CITY:
                yield Match(start, end, Entry("actor", chosen, town=True))
            break


def _place_reach(doc: Doc, start: int) -> int:
    """Where a town name from ``start`` may end: three words, the hyphens between them
    not counted ("Deir ez-Zor")."""
    texts = token_table(doc).text
    end, words = start, 0
    while end < len(texts) and words < MAX_PLACE_TOKENS:
        words += texts[end] != "-"
        end += 1
    return end


def _town_states(actors: ActorContext, start: int, end: int, name: str,
                 states_at: StoryStates,
                 person: bool) -> tuple[Actor, ...]:
    """The states with a town of this name. A smaller town's other spelling ("Douma",
    "Palmyra") is a town only of a state the story names; so is a name the tagger reads
    as a person's all by itself ("Khan Sheikhun"), and one inside a person's longer
    name is none."""
    gazetteer = actors.gazetteer
    entity = actors.entities.get(start)
    if person and (entity is None or (entity.start, entity.end) != (start, end)):
        return ()
    states = gazetteer.places.get(name) or gazetteer.folded_places.get(fold_place(name))
    if states and not person:
        return states
    if not states and start > 0 and actors.doc[start - 1].lower_ == "the":
        return ()  # "the North", "the Center": a region or a thing, never a small town
    candidates = states or gazetteer.local_places.get(name) or \
        gazetteer.folded_local_places.get(fold_place(name), ()) or \
        _transliterated(actors, start, end, name, person, states_at) or \
        _settlement(actors, start, end, person, states_at)
    if not candidates:
        return ()
    elsewhere = states_at.elsewhere(start, end)
    return tuple(state for state in candidates if state.country in elsewhere)


def _transliterated(actors: ActorContext, start: int, end: int, name: str, person: bool,
                    states_at: StoryStates) -> tuple[Actor, ...]:
    """The towns another transliteration of ``name`` names ("Raqa" for Raqqa, "Deir
    el-Zour" for Deir ez-Zor), of the state the story names most; never a person's
    name, nor the end of a longer name ("Ahrar al-Sham" is a group, not Damascus)."""
    if person or (start > 0 and actors.doc[start - 1].pos_ == "PROPN"):
        return ()
    return tuple(state for country in states_at.most_named(start, end)
                 for state in actors.gazetteer.transliterated_places(name, country))


def _settlement(actors: ActorContext, start: int, end: int, person: bool,
                states_at: StoryStates) -> tuple[Actor, ...]:
    """A name the gazetteer lacks that a settlement's word calls one ("the towns of
    Mesraba and Harasta", "Jarez village"): a place of the state the story names most."""
    doc = actors.doc
    if person:
        return ()
    head = doc[end - 1]
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        noun = head.head.head
    elif end < len(doc) and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end:
        noun = doc[end]
    else:
        return ()
    # only a settlement acted on ("struck the village of X"); one where people were
    # ("killed civilians in the village of X") is where, not whom
    if noun.lemma_.lower() not in SETTLEMENT_NOUNS or \
            (noun.dep_ == "pobj" and noun.head.lower_ in LOCATION_PREPOSITIONS):
        return ()
    return tuple(actors.gazetteer.state(country)
                 for country in states_at.most_named(start, end))


def _inside_longer_name(actors: ActorContext, start: int, end: int) -> bool:
    """"Liberal" in "the Liberal Democratic Party" is no town in Kansas: inside a
    longer name of an organisation, a work or a law, a town's name is a word."""
    for index in (start, end - 1):
        entity = actors.entities.get(index)
        if entity is not None and entity.label_ in NOT_PLACES and \
                (entity.start < start or entity.end > end):
            return True
    return False


def _sector_body(actors: ActorContext, entry: Entry) -> bool:
    """"rights groups": a body that stands for a whole sector is named by its sector's
    words, which say whose it is ("a Syrian rights group"), or what it refers back to
    ("the rights group"), before they name the body (``sectors.sector_body``)."""
    return entry.actor is not None and entry.actor.id in actors.gazetteer.sector_names


def _choose(actors: ActorContext, entries: list[Entry]) -> Entry | None:
    """The first entry valid on the article's date; for an undated article, the first
    entry's actor in its latest role (Paul Martin after 2006, not in 1956)."""
    date = actors.document.date
    if date is None and entries:
        first = entries[0].actor
        roles = [entry for entry in entries if first is not None and entry.actor is not None
                 and entry.actor.id == first.id]
        return max(roles or entries[:1], key=_latest)
    valid = [entry for entry in entries if entry.valid_on(date)]
    if valid:
        return valid[0]
    people = [entry for entry in entries if entry.kind == "person"]
    return max(people, key=lambda entry: entry.valid_from or "") if people else None


def _latest(entry: Entry) -> tuple[str, str]:
    # an open-ended role is the latest; among those, the one that began last
    return entry.valid_to or "9999-12-31", entry.valid_from or ""


def _inside_landmark(actors: ActorContext, start: int, end: int, entry: Entry) -> bool:
    """"the Jabal al-Turkmen Mountain", "the Gulf of Mexico": a people's or a state's
    name inside a longer name of a mountain, a sea or a building names the place only."""
    if entry.kind != "actor" or entry.actor is None or entry.actor.type != "state":
        return False
    entity = actors.entities.get(start)
    # the name goes on after the state's word: "Western Cambodia" is still Cambodia
    return entity is not None and entity.label_ in LANDMARKS and entity.end > end and \
        actors.doc[entity.end - 1].pos_ == "PROPN" and actors.doc[end].text != "'s"


def _inside_person_name(actors: ActorContext, start: int, end: int, entry: Entry) -> bool:
    """A capital or country inside a person's name ("Victoria Nuland") is no country."""
    if entry.kind != "actor":
        return False
    entity_types = token_table(actors.doc).ent_type
    if not all(entity_types[index] == "PERSON" for index in range(start, end)):
        return False
    # A name the tagger marked as a person all by itself ("Ugandan" in "Ugandan
    # opposition candidates") is a mistagged country word, not part of a name.
    entity = actors.entities.get(start)
    return entity is None or entity.start < start or entity.end > end
