"""The small closed word classes the extraction rules reason with, read from package data.

``function_words.csv`` gives each word a ``role`` ("reversing verb": an act that undoes
another, "scene preposition": where an act happens); ``pronouns.csv`` what each pronoun
may refer to; ``cameo_classes.csv`` which CAMEO codes a rule treats alike (statements,
threats, violence, acts only a state does); ``regions.csv`` the regions that words such
as "Nordic" or "Middle Eastern" name. Keeping them in data puts every list a rule
reads in one place a reader can see and a test can check.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from kg.datafiles import builtin_path, fingerprint, read_rows
from kg.errors import DataError

FILES = ("function_words.csv", "pronouns.csv", "cameo_classes.csv", "regions.csv")
PRONOUN_KINDS = ("person", "thing", "group", "relative")


@cache
def _function_words() -> dict[str, tuple[str, ...]]:
    table: defaultdict[str, list[str]] = defaultdict(list)
    for _, row in read_rows(builtin_path("function_words.csv"), ("role", "word")):
        table[row["role"]].append(row["word"])
    return {role: tuple(found) for role, found in table.items()}


@cache
def _pronouns() -> dict[str, frozenset[str]]:
    path = builtin_path("pronouns.csv")
    table: defaultdict[str, set[str]] = defaultdict(set)
    for line, row in read_rows(path, ("pronoun", "refers_to")):
        if row["refers_to"] not in PRONOUN_KINDS:
            raise DataError(f"{path}:{line}: refers_to must be one of {', '.join(PRONOUN_KINDS)}")
        table[row["refers_to"]].add(row["pronoun"])
    return {kind: frozenset(found) for kind, found in table.items()}


@cache
def _cameo_classes() -> dict[str, dict[str, str]]:
    table: defaultdict[str, dict[str, str]] = defaultdict(dict)
    for _, row in read_rows(builtin_path("cameo_classes.csv"), ("role", "code", "sector")):
        table[row["role"]][row["code"]] = row["sector"]
    return dict(table)


@cache
def region_words() -> dict[str, frozenset[str]]:
    """A region's word, lower-case ("nordic", "middle eastern") -> the regions it names,
    lower-case, as the ``countryinfo`` package files states under them."""
    table: defaultdict[str, set[str]] = defaultdict(set)
    for _, row in read_rows(builtin_path("regions.csv"), ("word", "region")):
        table[row["word"].lower()].add(row["region"].lower())
    return {word: frozenset(found) for word, found in table.items()}


def words(role: str) -> frozenset[str]:
    """The words of one role in ``function_words.csv``."""
    return frozenset(ordered_words(role))


def every_function_word() -> frozenset[str]:
    """Every word of ``function_words.csv``, whatever its role, lower-cased."""
    return frozenset(word.lower() for found in _function_words().values() for word in found)


def ordered_words(role: str) -> tuple[str, ...]:
    """The words of one role in the order of the file, for rules that try them in turn."""
    try:
        return _function_words()[role]
    except KeyError:
        path = builtin_path("function_words.csv")
        raise DataError(f"{path}: no words of role {role!r}") from None


def pronouns(*kinds: str) -> frozenset[str]:
    """The pronouns that refer to any of ``kinds`` (all pronouns when none is given)."""
    table = _pronouns()
    return frozenset().union(*(table.get(kind, frozenset()) for kind in kinds or PRONOUN_KINDS))


def cameo_codes(role: str) -> frozenset[str]:
    """The CAMEO codes or roots of one role in ``cameo_classes.csv``."""
    return frozenset(_cameo_table(role))


def cameo_sectors(role: str) -> dict[str, str]:
    """Code -> sector for the roles whose codes name who does them ("state act")."""
    return dict(_cameo_table(role))


def _cameo_table(role: str) -> dict[str, str]:
    try:
        return _cameo_classes()[role]
    except KeyError:
        path = builtin_path("cameo_classes.csv")
        raise DataError(f"{path}: no codes of role {role!r}") from None


def words_fingerprint() -> str:
    return fingerprint([builtin_path(name) for name in FILES])
