"""CSV records with their line numbers, and a record that an unclosed quote ran on
through the lines after it found and cut short.

A quote opened and never closed makes a CSV field run on through the following lines
until some later quote, swallowing the rows in between without any error from the csv
module. A field may span lines only inside quotes that close properly, so a record that
spans lines is read again strictly: where that fails, the quote that opened it never
closed as it should. That record is reported and left out, and reading starts again on
the line after its first, so that the rows it swallowed are read after all.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Record:
    """One CSV record: its fields, and the lines it was read from (1-based)."""

    fields: list[str]
    first_line: int
    last_line: int


@dataclass(frozen=True, slots=True)
class Broken:
    """A record the csv module could not read, or one an unclosed quote ran on through
    the lines ``first_line`` to ``last_line``."""

    first_line: int
    last_line: int
    reason: str
    unclosed: bool


class _Lines:
    """The lines of ``text`` from ``offset`` on, each with its line end, counting lines and
    where the next one starts. Lines are sliced from the text, not io.StringIO, which would
    hold a copy of four bytes a character; old Mac files end lines with a lone \\r."""

    def __init__(self, text: str, end_of_line: str, offset: int, line: int) -> None:
        self.text = text
        self.end_of_line = end_of_line
        self.offset = offset  # where the next line starts
        self.line = line  # lines read so far

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if self.offset >= len(self.text):
            raise StopIteration
        end = self.text.find(self.end_of_line, self.offset)
        end = len(self.text) if end < 0 else end + 1
        line = self.text[self.offset:end]
        self.offset = end
        self.line += 1
        return line


def records(text: str) -> Iterator[Record | Broken]:
    """Every record of a CSV text in order, the header first; blank lines give empty
    records, as the csv module reads them."""
    end_of_line = "\n" if "\n" in text else "\r"
    lines = _Lines(text, end_of_line, 0, 0)
    reader = csv.reader(lines)
    while True:
        start, first = lines.offset, lines.line + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Broken(first, lines.line, str(error), unclosed=False)
            continue
        if lines.line == first or _strictly_one_record(text[start:lines.offset], end_of_line):
            yield Record(fields, first, lines.line)
            continue
        yield Broken(first, lines.line, "a quote opened here is never closed", unclosed=True)
        # Start again on the line after the record's first: the rows it swallowed.
        next_line = text.find(end_of_line, start)
        lines = _Lines(text, end_of_line, len(text) if next_line < 0 else next_line + 1,
                       first)
        reader = csv.reader(lines)


def _strictly_one_record(lines: str, end_of_line: str) -> bool:
    """Whether a record's lines read as one record in strict mode: each quoted field
    closed, and closed by a quote followed by a delimiter or the end of the line."""
    try:
        return len(list(csv.reader(_Lines(lines, end_of_line, 0, 0), strict=True))) == 1
    except csv.Error:
        return False
