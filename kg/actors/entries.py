"""What a surface form may stand for (``Entry``), and the readings of a data row that
kg's own tables and the converted dictionaries share: a row's dates of validity, and a
name's writings of the Arabic article."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.datafiles import data_date, field_error
from kg.model import Actor

# the article inside a name, after its first word: "Jaish al-Fatah", "Ahrar Al Sham"
ARTICLE_INSIDE = re.compile(r"(?<=\w )(?:[Aa]l-|[Aa]l )(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Entry:
    """What one surface form may stand for."""

    kind: str  # "actor", "person", "outlet"
    actor: Actor | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    capital: bool = False
    analyst: bool = False  # from an --actors file
    town: bool = False  # a town's name, standing for its state as the place it is

    def valid_on(self, date: str | None) -> bool:
        if date is None:
            return True
        return (self.valid_from or "0000") <= date <= (self.valid_to or "9999")


def validity(path: Path, line: int, row: dict[str, str]) -> tuple[str | None, str | None]:
    """A row's dates of validity, checked: ISO dates compare as text, so "2012/01/01" or
    "01/01/2012" would silently apply to the wrong years."""
    start = data_date(row.get("valid_from", ""), path, line, "valid_from")
    end = data_date(row.get("valid_to", ""), path, line, "valid_to", end=True)
    if start is not None and end is not None and start > end:
        raise field_error(path, line, "valid_to", f"{end} is before valid_from {start}")
    return start, end


def article_forms(name: str) -> list[str]:
    """A name and its other writings of the Arabic article: "Jaish al-Fatah" is also
    written "Jaish Al-Fatah", "Jaish al Fatah" and "Jaish Al Fatah"."""
    if ARTICLE_INSIDE.search(name) is None:
        return [name]
    forms = [ARTICLE_INSIDE.sub(article, name)
             for article in ("al-", "Al-", "al ", "Al ")]
    return [name, *(form for form in dict.fromkeys(forms) if form != name)]
