"""Datelines and bylines: "BAGHDAD --", "KHARTOUM, Sudan --", "TEHRAN (IRNA) --",
"CAIRO, Dec 17 (AFP) --", "By Jane Doe. KUALA LUMPUR :".

A dateline says where a story was filed; it is not part of the first sentence. Left in,
the parser reads "BAGHDAD -- Kidnappers seized ..." as a sentence about Baghdad. So the
extractor hands spaCy the text with the dateline blanked (spaces, so that every offset
still points into the document) and keeps the place as a hint of the story's country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BYLINE = r"(?:By [^.\n]{3,80}\.\s+)?"
_UPPER_WORD = r"[A-Z][A-Z.'’-]*"
_PLACE = rf"(?P<place>{_UPPER_WORD}(?:[ /]{_UPPER_WORD}){{0,4}})"
_TITLE_PLACE = r"(?P<titled>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
_REGION = r"(?:\s*,\s*(?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}))?"
_DATE = r"(?:\s*,?\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?))"
_AGENCY = r"(?:\s*\((?P<agency>[^()\n]{1,60})\))"
_SEPARATOR = r"\s*(?:--|—|–|-|:)\s+"
# An upper-case place, then its region, date and agency as wires give them, then a dash
# or colon; or a place in title case, which is a dateline only with a date and an agency.
DATELINES = (
    re.compile(rf"{_BYLINE}{_PLACE}{_REGION}{_DATE}?{_AGENCY}?{_SEPARATOR}"),
    re.compile(rf"{_BYLINE}{_TITLE_PLACE}{_REGION}{_DATE}{_AGENCY}\s*(?:(?:--|—|–|-|:)\s+)?"),
)
# "US NAVAL BASE GUANTANAMO BAY" is a place; "BRITAIN has warned" is a sentence.
MIN_PLACE_LETTERS = 3


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where the dateline ends in the text, and the places it names, most specific last."""

    end: int
    places: tuple[str, ...]


def find_dateline(text: str) -> Dateline | None:
    found = next((match for pattern in DATELINES if (match := pattern.match(text))), None)
    if found is None:
        return None
    groups = found.groupdict()
    place = groups.get("place") or groups.get("titled") or ""
    if sum(char.isalpha() for char in place) < MIN_PLACE_LETTERS:
        return None
    # "DUBAI/PARIS": each place of a dateline shared by two bureaus
    names = [name.strip().title() for name in place.split("/") if name.strip()]
    if groups.get("region"):
        names.append(groups["region"])
    return Dateline(found.end(), tuple(names))


def blanked(text: str, dateline: Dateline | None) -> str:
    """The text with the dateline turned to spaces: same length, same offsets."""
    if dateline is None:
        return text
    return " " * dateline.end + text[dateline.end:]
