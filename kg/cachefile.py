"""The extraction cache's SQLite file: opened and checked, replaced when it is not a kg
cache (or is damaged), and pruned to what the last complete run used.

A cache only saves time, so nothing in it is worth a failed run: a file with another
schema, one that is not SQLite at all or one whose pages are damaged is replaced by an
empty cache, with a warning naming it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kg.errors import OutputError, Warn

SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    document TEXT NOT NULL,
    extractor TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (document, extractor)
)
"""
COLUMNS = ["document", "extractor", "payload"]
# The documents this run looked up or stored, for pruning the rest when it ends.
USED = "CREATE TEMP TABLE IF NOT EXISTS used (document TEXT PRIMARY KEY)"
CORRUPT = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})
# Rebuild the file when pruning left more than this share of its pages empty.
MAX_FREE_SHARE = 0.25



def is_corrupt(error: sqlite3.Error) -> bool:
    """Whether ``error`` says the file is damaged or no database (not a full disk)."""
    return getattr(error, "sqlite_errorname", "") in CORRUPT


def open_cache(path: Path, warn: Warn) -> sqlite3.Connection:
    """A connection to the cache at ``path``, created or replaced as need be."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path)
    except (OSError, sqlite3.Error) as error:
        raise OutputError(f"{path}: cannot keep a cache here ({error})") from error
    try:
        problem = _schema_problem(connection)
    except sqlite3.DatabaseError as error:
        if not is_corrupt(error):
            connection.close()
            raise OutputError(f"{path}: cannot keep a cache here ({error})") from error
        problem = str(error)
    if problem is not None:
        return replace_cache(connection, path, problem, warn)
    return _ready(connection, path)


def replace_cache(connection: sqlite3.Connection, path: Path, problem: str,
                  warn: Warn) -> sqlite3.Connection:
    """Close ``connection`` and put an empty cache in place of the file at ``path``."""
    connection.close()
    warn(f"{path}: not a usable kg extraction cache ({problem}); replaced by an empty one, "
         "so its documents are extracted again")
    try:
        for leftover in (path, path.with_name(path.name + "-journal")):
            leftover.unlink(missing_ok=True)
        fresh = sqlite3.connect(path)
        _schema_problem(fresh)
    except (OSError, sqlite3.Error) as error:
        raise OutputError(f"{path}: cannot keep a cache here ({error})") from error
    return _ready(fresh, path)


def _schema_problem(connection: sqlite3.Connection) -> str | None:
    """What makes this no kg cache, or None (creating the table in a new file)."""
    tables = {name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "results" not in tables:
        connection.execute(SCHEMA)
        return None
    columns = [row[1] for row in connection.execute("PRAGMA table_info(results)")]
    if sorted(columns) != sorted(COLUMNS):
        return f"its results table has the columns {', '.join(columns) or 'none'}"
    return None


def _ready(connection: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    try:
        connection.execute(USED)
    except sqlite3.Error as error:
        connection.close()
        raise OutputError(f"{path}: cannot keep a cache here ({error})") from error
    return connection


def prune_results(connection: sqlite3.Connection, fingerprint: str) -> int:
    """Delete what this run did not use; compact the file when that freed much of it.
    Returns the number of results deleted."""
    removed = connection.execute(
        "DELETE FROM results WHERE extractor != ? "
        "OR document NOT IN (SELECT document FROM temp.used)", (fingerprint,)).rowcount
    if removed > 0:
        connection.commit()
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        free = connection.execute("PRAGMA freelist_count").fetchone()[0]
        if free > pages * MAX_FREE_SHARE:
            connection.execute("VACUUM")
    return max(removed, 0)
