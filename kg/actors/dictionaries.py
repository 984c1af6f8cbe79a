"""The Phoenix actor dictionaries, converted (scripts/convert-dictionaries), under kg's own
actor data.

The converter keeps every name the dictionaries give, whatever kg's files hold, so that
re-running it reproduces the shipped tables; kg's rows win here, at load time: an agent
word kg's sectors.csv has is kg's alone, a dictionary organisation with one of the names
of one of kg's (or its id) is kg's organisation, to which it only adds names, and a
person kg's people.csv names is kg's alone, with kg's roles.
"""

from __future__ import annotations

import re
from pathlib import Path

from kg.actors.gazetteer import Entry, Gazetteer, _validity, article_forms
from kg.datafiles import read_rows

ORGANISATION_COLUMNS = ("id", "name", "type", "country", "sector", "part_of", "aliases")
PEOPLE_COLUMNS = ("name", "aliases", "country", "organisation", "sector", "role",
                  "valid_from", "valid_to")


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


def load_organisations(gazetteer: Gazetteer, paths: list[Path], kg_file: Path) -> dict[str, str]:
    """The dictionaries' organisations and groups; returns dictionary id -> kg's id for
    those that are kg's, for the people whose roles name them."""
    kg_by_name: dict[str, str] = {}
    for _, row in read_rows(kg_file, ORGANISATION_COLUMNS):
        for name in names_of(row):
            kg_by_name.setdefault(fold(name), row["id"])
    kg_ids: dict[str, str] = {}
    for path in paths:
        rows = list(read_rows(path, ORGANISATION_COLUMNS))
        # Parents first, so that a UN body can be part of "United Nations".
        rows.sort(key=lambda numbered: bool(numbered[1]["part_of"]))
        for line, row in rows:
            names = row["aliases"].split("|") if row["aliases"] else names_of(row)
            known = next((kg_by_name[fold(name)] for name in names
                          if fold(name) in kg_by_name), None)
            actor = gazetteer.organisations.get(known or row["id"])
            if actor is not None:
                kg_ids[row["id"]] = actor.id
            else:
                actor = gazetteer._organisation(path, line, row)
            for name in names_of(row):
                for form in article_forms(name):
                    gazetteer._add(form, Entry("actor", actor), dictionary=True)
    return kg_ids


def load_people(gazetteer: Gazetteer, path: Path, kg_file: Path,
                kg_ids: dict[str, str]) -> None:
    """The dictionaries' people with their dated roles, but for those kg's people.csv has."""
    kg_names = {fold(name) for _, row in read_rows(kg_file, PEOPLE_COLUMNS)
                for name in names_of(row)}
    for line, row in read_rows(path, PEOPLE_COLUMNS):
        names = names_of(row)
        if any(fold(name) in kg_names for name in names):
            continue
        row["organisation"] = kg_ids.get(row["organisation"], row["organisation"])
        person = gazetteer.person(row["name"], gazetteer._affiliation(path, line, row))
        entry = Entry("person", person, *_validity(path, line, row))
        for name in names:
            gazetteer._add(name, entry, dictionary=True)
