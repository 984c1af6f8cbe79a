"""Definite descriptions that stand for a state the story named before: "the country",
"the island", "the Nordic country", "the city-state", "the African nation".

News names a state once and then describes it. The description is the latest state named
before it that fits what it says: a region's word ("the Nordic country", "the Gulf
state", ``regions.csv``) must be the state's region, as the ``countryinfo`` package files
it; a city-state is small; an island is an island state (one with no land border) before
any other. Where no fitting state was named, one named only by its people's word ("an
Egyptian facility") is, if it is the only one; else the description is nobody.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from countryinfo import all_countries
from spacy.tokens import Span, Token

from kg.actors.context import ActorContext
from kg.actors.coreference import REFERENCE_WINDOW
from kg.model import Actor
from kg.words import region_words, words

STATE_ANAPHORS = words("state anaphor")
PLURAL_TAGS = ("NNS", "NNPS")
# "state" stands for a country only where the phrase says which kind ("the Gulf state",
# "the city-state"); alone it is as often a US state, a condition or the government
QUALIFIED_STATE_ANAPHORS = words("qualified state anaphor")
CITY_WORDS = words("city-state word")
ISLAND_WORDS = words("island word")
# the area of a state a city-state can be, in square kilometres: Singapore, Monaco,
# San Marino, the Vatican, Bahrain
CITY_STATE_AREA = 1_000
# the longest region's name in tokens ("South-East Asian")
MAX_REGION_TOKENS = 4


def described_state(actors: ActorContext, head: Token, phrase: Span,
                    exclude_country: str | None) -> Actor | None:
    """The state a description headed by ``head`` refers back to, or None."""
    lemma = head.lemma_.lower()
    qualified = lemma in QUALIFIED_STATE_ANAPHORS
    # "the two countries" are several; "the republic of Slovenia" is named after it
    if lemma not in STATE_ANAPHORS and not qualified or head.tag_ in PLURAL_TAGS or \
            _named_by_of(head):
        return None
    regions = _regions([token for token in phrase if token.i < head.i])
    city = _city_state(head)
    if qualified and not regions and not city:
        return None
    geography = _geography()

    def fits(actor: Actor) -> bool:
        country = actor.state_country
        return actor.type == "state" and country is not None \
            and (not regions or bool(regions & geography.regions.get(country, frozenset()))) \
            and (not city or geography.areas.get(country, CITY_STATE_AREA) < CITY_STATE_AREA)

    # the states named before, latest first; where none fits, the one named only by its
    # people's word ("an Egyptian nuclear facility ... the country's atomic activities"),
    # but not for a capitalised word in mid-sentence, a title's ("In Defense of the
    # Nation"). A state acting on it is not what it refers to.
    named = _named_states(actors, head, fits)
    if not named and (head.is_lower or head.is_sent_start):
        named = _modifier_states(actors, head, fits)
    named = [actor for actor in named if actor.state_country != exclude_country]
    if lemma in ISLAND_WORDS:
        # "Taiwan's minister visited Russia, becoming the island's highest official":
        # an island state (one with no land border) before any other
        named = [actor for actor in named if actor.state_country in geography.islands] or named
    return named[0] if named else None


def _named_states(actors: ActorContext, head: Token,
                  fits: Callable[[Actor], bool]) -> list[Actor]:
    """The fitting actors of the story before ``head``, latest first."""
    return [mention.actor for index, mention, _ in reversed(actors.history)
            if index < head.i and head.i - index <= REFERENCE_WINDOW and fits(mention.actor)]


def _modifier_states(actors: ActorContext, head: Token,
                     fits: Callable[[Actor], bool]) -> list[Actor]:
    """The state named before ``head`` as a modifier only ("Ukrainian TV"), where one
    state alone is: of "U.S. President Trump accepted a Turkish invitation to visit the
    country" the words do not say which."""
    found = {match.entry.actor.state_country: match.entry.actor
             for match in actors.matches.values()
             if match.entry.actor is not None and match.end <= head.i and
             head.i - match.start <= REFERENCE_WINDOW and
             actors.doc[match.end - 1].dep_ in ("amod", "compound") and fits(match.entry.actor)}
    return list(found.values()) if len(found) == 1 else []


def _named_by_of(head: Token) -> bool:
    """"the island nation of Nauru", "the republic of Slovenia": the phrase names its
    state after "of"; the description refers to nothing before it."""
    return any(child.dep_ == "prep" and child.lower_ == "of" and
               any(obj.dep_ == "pobj" and obj.pos_ == "PROPN" for obj in child.children)
               for child in head.children)


def _city_state(head: Token) -> bool:
    """"the city-state", "the city state"."""
    return any(child.dep_ == "compound" and child.lower_ in CITY_WORDS
               for child in head.children)


def _regions(modifiers: list[Token]) -> frozenset[str]:
    """The regions the words before the head name: "Middle Eastern", "sub-Saharan"."""
    table = region_words()
    found: set[str] = set()
    start = 0
    while start < len(modifiers):
        for end in range(min(len(modifiers), start + MAX_REGION_TOKENS), start, -1):
            words_ = "".join(token.text_with_ws for token in modifiers[start:end])
            named = table.get(words_.strip().lower())
            if named:
                found |= named
                start = end - 1
                break
        start += 1
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class Geography:
    """What ``countryinfo`` says of each state that a description can name: its regions
    (its region, subregion and intermediate region, lower-case), its area and whether
    it has no land border."""

    regions: dict[str, frozenset[str]]
    areas: dict[str, float]
    islands: frozenset[str]


@cache
def _geography() -> Geography:
    regions: dict[str, frozenset[str]] = {}
    areas: dict[str, float] = {}
    islands: set[str] = set()
    for country in all_countries():
        info = country.info()
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if not iso3 or iso3 in regions:
            continue
        # the package's typing leaves out the intermediate region its data has
        fields: dict[str, object] = dict(info)
        regions[iso3] = frozenset(str(fields[key]).lower() for key in
                                  ("region", "subregion", "intermediateregion")
                                  if fields.get(key))
        area = info.get("area")
        if isinstance(area, (int, float)):
            areas[iso3] = float(area)
        if info.get("borders") == []:
            islands.add(iso3)
    return Geography(regions, areas, frozenset(islands))
