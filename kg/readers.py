"""Turn files and folders into Documents.

Text files are one article each; CSV and JSONL files hold one article per row. Bad
input is reported through ``warn`` and skipped, or raised as InputError under ``strict``,
so that one broken file does not cost an analyst the rest of a run.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateutil import parser as date_parser

from kg import csvrows
from kg.discover import HTML_SUFFIXES, KINDS, SUFFIXES, TEXT_SUFFIXES, find_files
from kg.display import shown
from kg.docids import unique_ids
from kg.encodings import decode, looks_binary
from kg.errors import InputError, Warn, ignore
from kg.errors import problem as _problem
from kg.model import Document
from kg.pages import read_page
from kg.screen import MAX_CHARS

__all__ = ["DEFAULT_FIELDS", "Fields", "decode", "find_files", "looks_binary", "meta_text",
           "normalise_date", "read_documents", "read_file"]

# Field names tried in order when the user names none; the second ones fit FA-KES.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "article_content", "content", "body"),
    "id": ("id", "unit_id", "doc_id"),
    "date": ("date", "published", "publication_date"),
    "title": ("title", "article_title", "headline"),
    "source": ("source", "outlet", "publisher"),
}

# Names a kept field cannot have: they are a document's own keys in documents.jsonl and
# properties of its node in Neo4j.
RESERVED_META = frozenset({"id", "text", "title", "date", "source", "path", "url", "meta",
                           "sentences", "events"})

# One article per file: UTF-8 takes at most 4 bytes a character, so a bigger text file
# holds more than kg reads in one document and is skipped unread; HTML gets room for markup.
MAX_TEXT_BYTES = 4 * MAX_CHARS + 4
MAX_HTML_BYTES = 16 * MAX_CHARS
# Python's csv module refuses fields over 128 Ki characters by default, far below what an
# article may hold; anything the screen would let through must fit, and no more: the
# module holds a field being read at four bytes a character.
csv.field_size_limit(max(csv.field_size_limit(), MAX_CHARS + 1))


@dataclass(frozen=True, slots=True)
class Fields:
    """Which row fields hold the article parts; None means: try the defaults."""

    text: str | None = None
    id: str | None = None
    date: str | None = None
    title: str | None = None
    source: str | None = None
    dayfirst: bool = False
    # Further fields kept with each document (--meta-field), e.g. FA-KES' fake/true label.
    meta: tuple[str, ...] = ()



def read_documents(paths: Iterable[str | Path], fields: Fields = Fields(), *,
                   warn: Warn = ignore, strict: bool = False) -> Iterator[Document]:
    """Every article found under ``paths``, each file read once and each id given out
    once (``kg.docids``); missing paths fail here, before any reading."""
    roots = [Path(p) for p in paths]
    files = find_files(roots, warn=warn, strict=strict)
    return unique_ids((document for path in files
                       for document in read_file(path, fields,
                                                 doc_id_root=_root_of(path, roots),
                                                 warn=warn, strict=strict)),
                      warn, strict)


def _root_of(path: Path, roots: list[Path]) -> Path | None:
    for root in roots:
        if root.is_dir() and root in path.parents:
            return root
    return None


def read_file(path: Path, fields: Fields = Fields(), *, doc_id_root: Path | None = None,
              warn: Warn = ignore, strict: bool = False) -> Iterator[Document]:
    """Yield the articles of one file, choosing the reader by the file's suffix."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        _problem(f"{shown(path)}: not a {KINDS} file", warn, strict)
        return
    text = _read_text(path, warn, strict)
    if text is None:
        return
    if suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
        relative = path.relative_to(doc_id_root) if doc_id_root else Path(path.name)
        doc_id = relative.with_suffix("").as_posix()
        if suffix in HTML_SUFFIXES:
            yield from _optional(_page_document(path, doc_id, text, warn, strict))
        else:
            yield Document(id=doc_id, text=text, path=str(path))
    elif suffix == ".csv":
        yield from _csv_documents(path, text, fields, warn, strict)
    else:
        yield from _jsonl_documents(path, text, fields, warn, strict)


def _page_document(path: Path, doc_id: str, markup: str, warn: Warn,
                   strict: bool) -> Document | None:
    page = read_page(markup)
    if not page.text.strip():
        _problem(f"{shown(path)}: HTML page without text", warn, strict)
        return None
    if not page.main_text:
        warn(f"{shown(path)}: no article text found in the page, read all of its visible "
             "text")
    return Document(id=doc_id, text=page.text, title=page.title, date=page.date,
                    source=page.site, path=str(path), url=page.url)


def _read_text(path: Path, warn: Warn, strict: bool) -> str | None:
    try:
        info = path.stat()
    except OSError as error:
        _problem(f"{shown(path)}: cannot be read ({error.strerror or error})", warn, strict)
        return None
    if stat.S_ISDIR(info.st_mode):
        _problem(f"{shown(path)}: cannot be read ({os.strerror(errno.EISDIR)})", warn, strict)
        return None
    # A FIFO or device named like an article would block or never end.
    if not stat.S_ISREG(info.st_mode):
        _problem(f"{shown(path)}: not a regular file", warn, strict)
        return None
    suffix = path.suffix.lower()
    limit = MAX_TEXT_BYTES if suffix in TEXT_SUFFIXES else \
        MAX_HTML_BYTES if suffix in HTML_SUFFIXES else None
    if limit is not None and info.st_size > limit:
        _problem(f"{shown(path)}: {info.st_size:,} bytes, more than the {MAX_CHARS:,} characters "
                 "kg reads in one document", warn, strict)
        return None
    try:
        data = path.read_bytes()
    except OSError as error:
        _problem(f"{shown(path)}: cannot be read ({error.strerror or error})", warn, strict)
        return None
    if not data or data.isspace():
        _problem(f"{shown(path)}: empty file", warn, strict)
        return None
    if looks_binary(data):
        _problem(f"{shown(path)}: binary file", warn, strict)
        return None
    text = decode(data, path, warn)
    del data  # a large file is held once, not twice, from here on
    if "\x00" in text:
        # Stray NULs (a broken export, a padded record) in what is otherwise text.
        count = text.count("\x00")
        text = text.replace("\x00", "")
        warn(f"{shown(path)}: {count:,} NUL characters removed")
    if not text or text.isspace():
        _problem(f"{shown(path)}: empty file", warn, strict)
        return None
    return text


def _pick(available: Iterable[str], chosen: str | None, kind: str, path: Path,
          required: bool) -> str | None:
    names = list(available)
    if chosen is not None:
        if chosen not in names:
            raise InputError(
                f"{shown(path)}: no {kind} field '{chosen}' (fields: {', '.join(names) or 'none'})")
        return chosen
    for candidate in DEFAULT_FIELDS[kind]:
        if candidate in names:
            return candidate
    if required:
        raise InputError(
            f"{shown(path)}: no {kind} field found (fields: {', '.join(names) or 'none'}); "
            f"name one with --{kind}-field")
    return None


def _csv_documents(path: Path, text: str, fields: Fields, warn: Warn,
                   strict: bool) -> Iterator[Document]:
    rows = csvrows.records(text)
    header_record = next(rows, None)
    if isinstance(header_record, csvrows.Broken):
        _problem(f"{shown(path)}: malformed CSV header ({header_record.reason})", warn, strict)
        return
    header = header_record.fields if header_record is not None else []
    names = _field_names(header, fields, path, warn, strict)
    if names is None:
        return
    row_number = 0
    any_rows = False
    for record in rows:
        if isinstance(record, csvrows.Broken):
            any_rows = True
            _broken_row(path, record, warn, strict)
            continue
        if not record.fields:
            continue  # a blank line
        any_rows = True
        row_number += 1
        if len(record.fields) > len(header):
            # More fields than the header names: an unquoted comma has shifted the
            # columns, so no field can be trusted to be what its header says.
            _problem(f"{shown(path)}:{record.last_line}: CSV row has {len(record.fields)} "
                     f"fields, the header {len(header)}", warn, strict)
            continue
        # A short row's missing fields are absent, as csv.DictReader would leave them None.
        row = dict(zip(header[:len(record.fields)], record.fields, strict=True))
        document = _row_document(row, names, path, record.last_line, row_number, fields,
                                 warn, strict)
        if document is not None:
            yield document
    if not any_rows:
        _problem(f"{shown(path)}: a CSV header without rows", warn, strict)


def _broken_row(path: Path, record: csvrows.Broken, warn: Warn, strict: bool) -> None:
    if record.unclosed:
        _problem(f"{shown(path)}:{record.first_line}: malformed CSV row (a quote opened in "
                 f"it runs on to line {record.last_line})", warn, strict)
    else:
        _problem(f"{shown(path)}:{record.last_line}: malformed CSV row ({record.reason})",
                 warn, strict)


def _jsonl_documents(path: Path, text: str, fields: Fields, warn: Warn,
                     strict: bool) -> Iterator[Document]:
    names: dict[str, str | None] | None = None
    for line_number, line in enumerate(_lines(text), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as error:
            _problem(f"{shown(path)}:{line_number}: malformed JSON line ({error.msg})",
                     warn, strict)
            continue
        except RecursionError:
            _problem(f"{shown(path)}:{line_number}: JSON nested too deeply", warn, strict)
            continue
        if not isinstance(row, dict):
            _problem(f"{shown(path)}:{line_number}: JSON line is not an object", warn, strict)
            continue
        if names is None:
            names = _field_names(list(row), fields, path, warn, strict)
            if names is None:
                return
        yield from _optional(_row_document(row, names, path, line_number, line_number,
                                           fields, warn, strict))


def _lines(text: str, end_of_line: str = "\n") -> Iterator[str]:
    """Lines, each with its line end, split at ``end_of_line`` only: JSON strings may hold
    U+2028 or \\r, which splitlines() would cut, and slicing keeps a long file from
    being copied whole."""
    start = 0
    while start < len(text):
        end = text.find(end_of_line, start)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


def _optional(document: Document | None) -> Iterator[Document]:
    if document is not None:
        yield document


def _field_names(available: Sequence[str], fields: Fields, path: Path, warn: Warn,
                 strict: bool) -> dict[str, str | None] | None:
    """Which field holds what; None (with a warning) for a file with no text field
    when none was named, which is another kind of table beside the articles."""
    try:
        text = _pick(available, fields.text, "text", path, required=True)
    except InputError as error:
        if fields.text is not None:
            raise  # the user named a field: every file must have it
        _problem(str(error), warn, strict)
        return None
    for name in fields.meta:
        if name not in available:
            raise InputError(f"{shown(path)}: no field '{name}' to keep with --meta-field "
                             f"(fields: {', '.join(available) or 'none'})")
    return {
        "text": text,
        "id": _pick(available, fields.id, "id", path, required=False),
        "date": _pick(available, fields.date, "date", path, required=False),
        "title": _pick(available, fields.title, "title", path, required=False),
        "source": _pick(available, fields.source, "source", path, required=False),
    }


def _row_document(row: dict[str, Any], names: dict[str, str | None], path: Path,
                  line_number: int, row_number: int, fields: Fields, warn: Warn,
                  strict: bool) -> Document | None:
    def value(kind: str) -> str | None:
        name = names[kind]
        raw = row.get(name) if name else None
        if raw is None:
            return None
        text = raw if isinstance(raw, str) else str(raw)
        return text.strip() or None

    text = value("text")
    if text is None:
        _problem(f"{shown(path)}:{line_number}: row has no text in field '{names['text']}'",
                 warn, strict)
        return None
    doc_id = value("id") or f"{path.stem}-{row_number}"
    date = value("date")
    return Document(
        id=doc_id,
        text=text,
        title=value("title"),
        date=normalise_date(date, dayfirst=fields.dayfirst) if date else None,
        source=value("source"),
        path=f"{path}:{line_number}",
        meta=tuple((name, kept) for name in fields.meta
                   if (kept := meta_text(row.get(name))) is not None),
    )


def meta_text(value: Any) -> str | None:
    """A kept field as text, the way a CSV file holds it: JSON numbers, booleans, lists
    and objects as their JSON; empty values as none."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    return json.dumps(value, ensure_ascii=False)


def normalise_date(raw: str, *, dayfirst: bool = False) -> str | None:
    """An ISO date (YYYY-MM-DD) from whatever a feed wrote, or None when it is no date."""
    try:
        parsed = date_parser.parse(raw, dayfirst=dayfirst, fuzzy=False)
    except (ValueError, OverflowError):
        return None
    return str(parsed.date().isoformat())

