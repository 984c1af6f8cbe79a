"""The one error tree of kg: every failure a user can cause or meet is a KgError.

The CLI turns each into a single line on stderr and a non-zero exit code, so library
code raises these with a message that names the file, row or URI at fault.
"""

from __future__ import annotations

from collections.abc import Callable


class KgError(Exception):
    """Base class of every error kg reports to a user."""

    exit_code = 1


class InputError(KgError):
    """An input path, file, row or field cannot be read as articles."""


class DataError(KgError):
    """A lexicon or actor data file (built-in or user-supplied) is malformed."""


class ModelMissing(KgError):
    """No spaCy English pipeline is installed."""


class StoreError(KgError):
    """Neo4j cannot be reached, refuses the credentials, or a write failed."""


class OutputError(KgError):
    """The output folder cannot be written."""


# Where a caller takes warnings: a function of one line of text.
Warn = Callable[[str], None]


def ignore(_: str) -> None:
    """The warning sink of callers that want none."""


def problem(message: str, warn: Callable[[str], None], strict: bool) -> None:
    """A bad input file, folder or row: under --strict it stops the run as an InputError;
    otherwise it is named in a warning and skipped, so that one broken file does not cost
    an analyst the rest of a run."""
    if strict:
        raise InputError(message)
    warn(f"{message}, skipped")
