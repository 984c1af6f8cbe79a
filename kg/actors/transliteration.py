"""One key for the many English spellings of an Arabic town name.

News agencies transliterate the same name differently: "Raqqa", "Raqa" and "Raqqah",
"Deir ez-Zor", "Deir el-Zour" and "Deir Ezzor", "Al Tabqah" and "Tabqa". The key drops
what they disagree on: case, diacritics and marks, spaces and hyphens, the article and
its assimilated forms (al-, el-, ar-, az-, ez-...), doubled letters, a final "h" after a
vowel, and the English and French spellings of one vowel ("ou", "oo" and "o" for "u",
"ee" for "i"). Such a key is looser than a name, so a town found by it alone is taken
only in a story mostly about the town's state (``kg.actors.matching``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from kg.model import Actor
from kg.words import words

ARTICLES = words("arabic article")
# an article as its own word, joined to the next by a space or a hyphen: "Deir ez-Zor"
_ARTICLE = re.compile(rf"(?:^|(?<=[ -]))(?:{'|'.join(sorted(ARTICLES, key=len, reverse=True))})"
                      r"[ -]+(?=[a-z])")
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")
# in this order: "ou" before "o"
_VOWELS = (("ou", "u"), ("oo", "u"), ("o", "u"), ("ee", "i"))
_NOT_LETTER = re.compile(r"[^a-z -]")
_NOT_ALPHA = re.compile(r"[^a-z]")
_DOUBLED = re.compile(r"([a-z])\1+")
# below this many letters a key is a syllable, and matches words as often as towns
MIN_KEY_LENGTH = 4
MAX_NAMES_KEYED = 100_000  # names of a corpus whose keys are kept


# a story names the same few towns over and over
@lru_cache(maxsize=65536)
def transliteration_key(name: str) -> str:
    """The key of a town name's spellings: "Deir el-Zour" and "Deir ez-Zor" ->
    "deirzur", "Raqa", "Raqqah" and "Ar-Raqqa" -> "raqa"; "" for a name too short
    to key."""
    letters = name.lower() if name.isascii() else \
        unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
    letters = _NOT_LETTER.sub("", letters)
    without = _ARTICLE.sub("", letters)
    core = _NOT_ALPHA.sub("", _FINAL_H.sub("", without if without.strip(" -") else letters))
    for spelling, vowel in _VOWELS:
        core = core.replace(spelling, vowel)
    key = _DOUBLED.sub(r"\1", core)
    return key if len(key) >= MIN_KEY_LENGTH else ""


class TransliteratedTowns:
    """Towns by their key, state by state: a state's keys are made at the first look-up
    in it, as keying all of GeoNames' 125,000 names takes seconds a run may not need."""

    def __init__(self, towns: Iterable[tuple[str, tuple[Actor, ...]]]) -> None:
        self._by_state: dict[str, list[tuple[str, Actor]]] = {}
        for town, states in towns:
            for state in states:
                self._by_state.setdefault(state.country or "", []).append((town, state))
        self._keyed: dict[str, dict[str, tuple[Actor, ...]]] = {}
        # a story names the same few towns again and again
        self._keys_of_names: dict[str, str] = {}

    def states(self, name: str, country: str) -> tuple[Actor, ...]:
        """``country``'s actors with a town ``name`` is another spelling of."""
        keyed = self._keyed.get(country)
        if keyed is None:
            found: dict[str, dict[Actor, None]] = {}
            for town, state in self._by_state.get(country, []):
                key = transliteration_key(town)
                if key:
                    found.setdefault(key, {})[state] = None
            keyed = self._keyed[country] = {key: tuple(states)
                                            for key, states in found.items()}
        return keyed.get(self._key_of(name), ())

    def _key_of(self, name: str) -> str:
        known = self._keys_of_names.get(name)
        if known is not None:
            return known
        if len(self._keys_of_names) > MAX_NAMES_KEYED:
            self._keys_of_names.clear()
        key = self._keys_of_names[name] = transliteration_key(name)
        return key
