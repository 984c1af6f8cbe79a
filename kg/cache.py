"""A per-output-folder cache of extraction results, so that re-running a build over an
unchanged corpus costs a lookup per document instead of a parse.

A result is keyed on the document's content (text, id, title, date, source) and on the
extractor's fingerprint (``ExtractorSpec.fingerprint``): its name, the spaCy model and
version, the lexicon and actor data versions, kg's own version and the source of its
extraction rules. Change any of them and the affected documents are extracted again.

The cache is disposable: a file that is not a kg cache, or results that cannot be read,
are replaced with a warning, never a failed run. After a complete run only the results
of that run's documents are kept, so the file does not grow with every corpus ever built
into the folder.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from kg.cachefile import is_corrupt, open_cache, prune_results, replace_cache
from kg.errors import OutputError, ignore
from kg.model import Document, DocumentResult

CACHE_FILE = ".kg-cache.sqlite"


def document_key(document: Document) -> str:
    fields = document.to_dict(with_text=True)
    # Fields kept with --meta-field never reach the extractor: keeping one more must not
    # cost a corpus its cached results.
    fields.pop("meta", None)
    record = json.dumps(fields, sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(record.encode("utf-8")).hexdigest()



class ExtractionCache:
    """SQLite store of DocumentResult payloads for one extractor fingerprint."""

    def __init__(self, folder: Path, fingerprint: str,
                 warn: Callable[[str], None] = ignore) -> None:
        self.path = folder / CACHE_FILE
        self.fingerprint = fingerprint
        self.warn = warn
        self.hits = self.misses = 0
        self._bad_results = 0
        self.connection = open_cache(self.path, warn)

    def _failed(self, error: sqlite3.Error) -> OutputError:
        # On a full disk the cache is usually what fails first; name the file, no traceback.
        return OutputError(f"{self.path}: cannot keep the extraction cache here ({error})")

    def _replaced(self, error: sqlite3.Error) -> bool:
        """After a read or write found the file corrupt: an empty cache in its place."""
        if not is_corrupt(error):
            return False
        self.connection = replace_cache(self.connection, self.path, str(error), self.warn)
        return True

    def get(self, document: Document) -> DocumentResult | None:
        key = document_key(document)
        try:
            row = self.connection.execute(
                "SELECT payload FROM results WHERE document = ? AND extractor = ?",
                (key, self.fingerprint)).fetchone()
            self._used(key)
        except sqlite3.Error as error:
            if not self._replaced(error):
                raise self._failed(error) from None
            row = None
        result = self._result(document, row[0]) if row is not None else None
        if result is None:
            self.misses += 1
            return None
        self.hits += 1
        return result

    def _result(self, document: Document, payload: object) -> DocumentResult | None:
        """A stored payload read back; one that cannot be (edited, or written by a broken
        kg) is extracted again, with one warning for the whole run."""
        try:
            return DocumentResult.from_payload(document, json.loads(str(payload)))
        except (ValueError, KeyError, TypeError, AttributeError):
            self._bad_results += 1
            if self._bad_results == 1:
                self.warn(f"{self.path}: cached results that cannot be read; their "
                          "documents are extracted again")
            return None

    def _used(self, key: str) -> None:
        self.connection.execute("INSERT OR IGNORE INTO temp.used (document) VALUES (?)", (key,))

    def put(self, result: DocumentResult) -> None:
        key = document_key(result.document)
        payload = json.dumps(result.payload(), ensure_ascii=False)
        for attempt in (1, 2):
            try:
                self.connection.execute(
                    "INSERT OR REPLACE INTO results (document, extractor, payload) "
                    "VALUES (?, ?, ?)", (key, self.fingerprint, payload))
                self._used(key)
                return
            except sqlite3.Error as error:
                if attempt == 2 or not self._replaced(error):
                    raise self._failed(error) from None

    def close(self, *, prune: bool = True) -> None:
        """Commit; after a complete run, drop every result this run did not use: older
        extractor versions' and documents no longer among the inputs, which can never hit
        again in this folder."""
        try:
            if prune:
                prune_results(self.connection, self.fingerprint)
            self.connection.commit()
        except sqlite3.Error as error:
            raise self._failed(error) from None
        finally:
            self.connection.close()

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        # Results already extracted are kept even when the run fails part-way.
        self.close(prune=kind is None)
