"""The Phoenix actor dictionaries, converted (scripts/convert-dictionaries), under kg's own
actor data.

The converter keeps every name the dictionaries give, whatever kg's files hold, so that
re-running it reproduces the shipped tables; kg's rows win at load time, and this module
says where: an agent word kg's sectors.csv has is kg's alone, a dictionary organisation
with one of the names of one of kg's (or its id) is kg's organisation, to which it only
adds names, and a person kg's people.csv names is kg's alone, with kg's roles. The
gazetteer reads the rows it hands on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from kg.datafiles import read_rows

ORGANISATION_COLUMNS = ("id", "name", "type", "country", "sector", "part_of", "aliases")
PEOPLE_COLUMNS = ("name", "aliases", "country", "organisation", "sector", "role",
                  "valid_from", "valid_to")
# (file, line, row, the id it goes by: kg's organisation's where it is one of kg's)
OrganisationRow = tuple[Path, int, dict[str, str], str]


def fold(text: str) -> str:
    """A name as the dictionaries and kg's files both write it: "The U.N." and "UN" differ,
    "Human Rights Watch" and "human rights watch" agree."""
    text = re.sub(r"[^a-z0-9 ]+", " ", text.lower().replace("'", ""))
    return " ".join(word for word in text.split() if word != "the")


def names_of(row: dict[str, str]) -> list[str]:
    return [name.strip() for name in [row["name"], *row["aliases"].split("|")] if name.strip()]


def kg_terms(path: Path) -> frozenset[str]:
    """The agent and title words of kg's sectors.csv: the dictionary's rows for them are
    left out, whichever kind kg gives them."""
    return frozenset(row["term"].lower() for _, row in read_rows(path, ("term",)))


def organisation_rows(paths: list[Path], kg_file: Path) -> Iterator[OrganisationRow]:
    """The dictionaries' organisations and groups, parents first (so that a UN body can be
    part of "United Nations"), each with the id of kg's organisation it is, found by one of
    its names, or its own id where kg has none."""
    kg_by_name: dict[str, str] = {}
    for _, row in read_rows(kg_file, ORGANISATION_COLUMNS):
        for name in names_of(row):
            kg_by_name.setdefault(fold(name), row["id"])
    for path in paths:
        rows = sorted(read_rows(path, ORGANISATION_COLUMNS),
                      key=lambda numbered: bool(numbered[1]["part_of"]))
        for line, row in rows:
            names = row["aliases"].split("|") if row["aliases"] else names_of(row)
            known = next((kg_by_name[fold(name)] for name in names
                          if fold(name) in kg_by_name), None)
            yield path, line, row, known or row["id"]


def people_rows(path: Path, kg_file: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """The dictionaries' people, but for those kg's people.csv names: kg's are kg's alone,
    with kg's roles."""
    kg_names = {fold(name) for _, row in read_rows(kg_file, PEOPLE_COLUMNS)
                for name in names_of(row)}
    for line, row in read_rows(path, PEOPLE_COLUMNS):
        if not any(fold(name) in kg_names for name in names_of(row)):
            yield line, row
