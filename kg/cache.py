"""A per-output-folder cache of extraction results, so that re-running a build over an
unchanged corpus costs a lookup per document instead of a parse.

A result is keyed on the document's content (text, id, title, date, source) and on the
extractor's fingerprint (``ExtractorSpec.fingerprint``): its name, the spaCy model and
version, the lexicon and actor data versions, kg's own version and the source of its
extraction rules. Change any of them and the affected documents are extracted again.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from types import TracebackType

from kg.errors import OutputError
from kg.model import Document, DocumentResult

CACHE_FILE = ".kg-cache.sqlite"
SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    document TEXT NOT NULL,
    extractor TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (document, extractor)
)
"""


def document_key(document: Document) -> str:
    fields = document.to_dict(with_text=True)
    # Fields kept with --meta-field never reach the extractor: keeping one more must not
    # cost a corpus its cached results.
    fields.pop("meta", None)
    record = json.dumps(fields, sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(record.encode("utf-8")).hexdigest()


class ExtractionCache:
    """SQLite store of DocumentResult payloads for one extractor fingerprint."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.path = folder / CACHE_FILE
        self.fingerprint = fingerprint
        self.hits = self.misses = 0
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.connection = sqlite3.connect(self.path)
            self.connection.execute(SCHEMA)
        except sqlite3.DatabaseError as error:
            # A cache is disposable: a corrupt one is replaced, not reported as fatal.
            self.path.unlink(missing_ok=True)
            try:
                self.connection = sqlite3.connect(self.path)
                self.connection.execute(SCHEMA)
            except sqlite3.Error as again:
                raise OutputError(f"{self.path}: cannot keep a cache here ({again})") from error
        except (OSError, sqlite3.Error) as error:
            raise OutputError(f"{self.path}: cannot keep a cache here ({error})") from error

    def _failed(self, error: sqlite3.Error) -> OutputError:
        # On a full disk the cache is usually what fails first; name the file, no traceback.
        return OutputError(f"{self.path}: cannot keep the extraction cache here ({error})")

    def get(self, document: Document) -> DocumentResult | None:
        try:
            row = self.connection.execute(
                "SELECT payload FROM results WHERE document = ? AND extractor = ?",
                (document_key(document), self.fingerprint)).fetchone()
        except sqlite3.Error as error:
            raise self._failed(error) from None
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return DocumentResult.from_payload(document, json.loads(row[0]))

    def put(self, result: DocumentResult) -> None:
        try:
            self.connection.execute(
                "INSERT OR REPLACE INTO results (document, extractor, payload) "
                "VALUES (?, ?, ?)", (document_key(result.document), self.fingerprint,
                                     json.dumps(result.payload(), ensure_ascii=False)))
        except sqlite3.Error as error:
            raise self._failed(error) from None

    def close(self, *, prune: bool = True) -> None:
        """Commit; drop what older extractor versions left, which can never hit again."""
        try:
            if prune:
                self.connection.execute("DELETE FROM results WHERE extractor != ?",
                                        (self.fingerprint,))
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
