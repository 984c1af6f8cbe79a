"""What the words of a phrase say of the actor it names: an agent word's sector ("army"
MIL, "rebels" REB) or a title's ("Foreign Minister" GOV)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Span

from kg.actors.gazetteer import Gazetteer
from kg.model import Actor
from kg.tokens import remembered, token_table
from kg.words import words

MAX_TERM_WORDS = 3
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# "bombers" carry a bomb by hand or fly one: the aircraft are an air force's
AIRCRAFT_AGENTS = words("aircraft agent")
# what names a bomber as an aircraft: "long-range", "strategic", "air force", "jet"
AIRCRAFT_WORDS = words("aircraft word") | words("air weapon")
AIR_FORCE = "MIL"


def terms(phrase: Span, ends: set[str] | None = None) -> Iterable[tuple[int, str]]:
    """(end index, lower-cased n-gram) of the phrase, right-most and longest first; with
    ``ends``, only the n-grams that end in a word or lemma among ``ends`` (or in a word
    holding a space, whose n-grams end otherwise)."""
    table = token_table(phrase.doc)
    words, lemmas, start = table.lower, table.lemma, phrase.start
    for end in range(phrase.end, start, -1):
        word, lemma = words[end - 1], lemmas[end - 1]
        if ends is not None and word not in ends and lemma not in ends and \
                " " not in word and " " not in lemma:
            continue
        for size in range(min(MAX_TERM_WORDS, end - start), 0, -1):
            yield end, " ".join(words[end - size:end])
            yield end, " ".join([*words[end - size:end - 1], lemma])


def _remembered(kind: str, find: Callable[[Gazetteer, Span], str | None],
                gazetteer: Gazetteer, phrase: Span) -> str | None:
    # a phrase's sector is asked for again and again as its words are resolved (about
    # twice a phrase on FA-KES)
    return remembered(phrase.doc, (kind, id(gazetteer), phrase.start, phrase.end),
                      lambda: find(gazetteer, phrase))


def agent_sector(gazetteer: Gazetteer, phrase: Span) -> str | None:
    return _remembered("agent", _agent_sector, gazetteer, phrase)


def _agent_sector(gazetteer: Gazetteer, phrase: Span) -> str | None:
    agents = gazetteer.agents
    for _, term in terms(phrase, gazetteer.sector_ends):
        if term in agents:
            return _aircraft(phrase) or agents[term]
    return _named_plural(gazetteer, phrase)


def _aircraft(phrase: Span) -> str | None:
    """"long-range Tu-22M3 bombers", "Syrian air force bombers": a bomber named by an
    aircraft's word or by a model's designation (letters and digits) is an aircraft,
    flown by an air force, not a bomb carried by a militant ("a suicide bomber")."""
    if not len(phrase) or phrase[-1].lemma_.lower() not in AIRCRAFT_AGENTS:
        return None
    named = any(token.lower_ in AIRCRAFT_WORDS or token.lemma_.lower() in AIRCRAFT_WORDS or
                (any(char.isdigit() for char in token.text) and
                 any(char.isalpha() for char in token.text))
                for token in phrase[:-1])
    return AIR_FORCE if named else None


def _named_plural(gazetteer: Gazetteer, phrase: Span) -> str | None:
    """"a U.S. Marine": the tagger keeps a capitalised word as a name and does not
    lemmatise it, while the dictionaries may list only the plural."""
    if not len(phrase):
        return None
    table, head = token_table(phrase.doc), phrase.end - 1
    if table.pos[head] == "PROPN" and table.is_alpha[head] and \
            table.ent_type[head] not in PLACE_ENTITIES:
        return gazetteer.agents.get(table.lower[head] + "s")
    return None


def group_sector(gazetteer: Gazetteer, phrase: Span) -> str | None:
    """The sector of the longest agent word or title that ends the phrase: "rebel
    leaders" are rebels (the title "rebel leader") before they are leaders (GOV)."""
    return _remembered("group", _group_sector, gazetteer, phrase)


def _group_sector(gazetteer: Gazetteer, phrase: Span) -> str | None:
    agents, titles = gazetteer.agents, gazetteer.titles
    for _, term in terms(phrase, gazetteer.sector_ends):
        sector = agents.get(term) or titles.get(term)
        if sector:
            return _aircraft(phrase) or sector
    return _named_plural(gazetteer, phrase)


def title_sector(gazetteer: Gazetteer, phrase: Span) -> str | None:
    return _remembered("title", _title_sector, gazetteer, phrase)


def _title_sector(gazetteer: Gazetteer, phrase: Span) -> str | None:
    for _, term in terms(phrase, gazetteer.sector_ends):
        if term in gazetteer.titles:
            return gazetteer.titles[term]
    return None


def described_sector(gazetteer: Gazetteer, phrase: Span) -> str | None:
    """A title's sector, else an agent word's: "Foreign Minister", "army chief"."""
    return title_sector(gazetteer, phrase) or agent_sector(gazetteer, phrase)


def sector_body(gazetteer: Gazetteer, phrase: Span) -> Actor | None:
    """The organisation of ``organisations.csv`` that stands for all the bodies of a
    sector with no state ("human rights groups", id HRI), when the phrase ends in one of
    its names."""
    for end, term in terms(phrase):
        if end != phrase.end:
            break
        for entry in gazetteer.aliases.get(term, ()):
            if entry.actor is not None and entry.actor.id in gazetteer.sector_names:
                return entry.actor
    return None
