"""Reading kg's CSV data files: the built-in ones in the package and users' additions.

Analysts' files (``--relations``, ``--actors``) are read as strictly as the built-in
ones: any row kg cannot use is an error naming the file, the line and the field, never
a traceback and never a row that silently does nothing.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from importlib import resources
from pathlib import Path

from kg.errors import DataError

# Dates in data files: a day, or a month or year standing for all of its days.
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# Unicode's control characters (category Cc), as one pattern: the dictionaries' tens of
# thousands of rows are checked at every start-up, and a character-by-character test of
# each value's category cost a noticeable share of it.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def builtin_path(name: str) -> Path:
    return Path(str(resources.files("kg") / "data" / name))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Loading the data builds hundreds of thousands of objects that live as long as the
    run and hold no cycles: the cyclic collector's passes over them while they are built
    free nothing and cost a fifth of the start-up."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def set_aside_from_collector() -> None:
    """Take every object alive now out of the cyclic collector's reach, once a process.

    Once the model and the data are loaded, they are most of the objects in the process
    and live as long as it does; the collector's full passes, which a long run makes
    every so often, would walk all of them each time and free none (BENCHMARKS.md).
    Only the first extractor of a process is set aside: a later one (a test's, a
    notebook's) may be dropped, and what is set aside is never collected."""
    if not gc.get_freeze_count():
        gc.freeze()


def read_rows(path: Path, required: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) of a CSV data file, checking its header first.

    Every column of the header is in every row: a short row's missing fields are empty.
    Values have their whitespace collapsed (a line or paragraph separator pasted into a
    cell is a space); a row with more fields than the header, or a value holding a
    control character, is an error.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"{path}: cannot be read as a UTF-8 CSV file ({error})") from error
    # newline="": only the csv module splits lines, and only at \r and \n (str.splitlines
    # would also cut a row at U+2028 and other separators inside a field).
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip() for name in next(reader, [])]
        missing = [column for column in required if column not in header]
        if missing:
            raise DataError(f"{path}: missing column(s) {', '.join(missing)} "
                            f"(header: {', '.join(header) or 'none'})")
        for fields in reader:
            if not fields:
                continue  # a blank line
            yield reader.line_num, _row(path, reader.line_num, header, fields)
    except csv.Error as error:
        raise DataError(f"{path}:{reader.line_num}: malformed CSV ({error})") from error


def _row(path: Path, line: int, header: list[str], fields: list[str]) -> dict[str, str]:
    if len(fields) > len(header):
        raise DataError(f"{path}:{line}: {len(fields)} fields, the header has {len(header)} "
                        "(quote values that hold a comma)")
    row = dict.fromkeys(header, "")
    for name, value in zip(header, fields, strict=False):
        cleaned = " ".join(value.split())
        # control characters only: a zero-width joiner or a soft hyphen belongs in names
        if _CONTROL.search(cleaned):
            raise field_error(path, line, name, f"control character in {cleaned!r}")
        row[name] = cleaned
    return row


def field_error(path: Path, line: int, name: str, message: str) -> DataError:
    """The one-line error for a bad value: file, line and field."""
    return DataError(f"{path}:{line}: field '{name}': {message}")


def data_date(value: str, path: Path, line: int, name: str, *, end: bool = False) -> str | None:
    """An ISO date (YYYY-MM-DD) from a data file's date field; YYYY or YYYY-MM stand for
    their first day, or with ``end`` their last. Empty is None."""
    if not value:
        return None
    match = _DATE.fullmatch(value)
    try:
        if match is None:
            raise ValueError(value)
        year, month, day = int(match[1]), int(match[2] or (12 if end else 1)), match[3]
        parsed = date(year, month, int(day) if day else 1)  # a bad month or day stops here
        if day is None and end:
            following = date(year + month // 12, month % 12 + 1, 1)
            parsed = date.fromordinal(following.toordinal() - 1)
    except ValueError:
        raise field_error(path, line, name, f"{value!r} is not a date: write YYYY-MM-DD "
                          "(or YYYY-MM, YYYY)") from None
    return parsed.isoformat()


def fingerprint(paths: Sequence[Path]) -> str:
    """A short hash of data files' content, to key caches and record what coded an event."""
    digest = hashlib.sha1()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
