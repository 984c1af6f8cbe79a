"""Document ids that are unique within a build.

Events are keyed on their document's id, and Neo4j merges documents on it, so two
articles sharing an id would merge silently: the same file name in two folders given
apart, two CSV files numbering their rows alike, a corpus with repeated ids (FA-KES
repeats 12 of its 804). The first document keeps its id. A later one with the same id
and the same article (text, title, date, outlet, URL and kept fields) is a repeat, read
once; a later one with other content is read under the id with ``#2`` (``#3``, ...)
added, both with a warning naming the two sources. Under --strict either stops the run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from kg.display import shown
from kg.errors import InputError, problem
from kg.model import Document


def unique_ids(documents: Iterable[Document], warn: Callable[[str], None],
               strict: bool = False) -> Iterator[Document]:
    """The documents, each id used once: repeats dropped, clashing ids numbered."""
    owners: dict[str, str] = {}  # id given out -> where its document was read
    # id as read -> (content digest, where) of every article read under it
    versions: dict[str, list[tuple[bytes, str]]] = {}
    for document in documents:
        digest = _content(document)
        where = document.path or document.id
        if document.id not in owners:
            owners[document.id] = where
            versions.setdefault(document.id, []).append((digest, where))
            yield document
            continue
        repeated = next((first for seen, first in versions.get(document.id, ())
                         if seen == digest), None)
        if repeated is not None:
            problem(f"{shown(where)}: the same article as {shown(repeated)} "
                    f"(id {document.id!r})", warn, strict)
            continue
        first = owners[document.id]
        if strict:
            raise InputError(f"{shown(where)}: document id {document.id!r} is also the id "
                             f"of {shown(first)}")
        renamed = _free(document.id, owners)
        warn(f"{shown(where)}: document id {document.id!r} is also the id of "
             f"{shown(first)}; read as {renamed!r}")
        owners[renamed] = where
        versions.setdefault(document.id, []).append((digest, where))
        yield replace(document, id=renamed)


def _content(document: Document) -> bytes:
    """Everything a document holds but its id and where it was read: two rows that agree
    on it are one article (fields kept with --meta-field included, so that rows which
    differ there are both kept)."""
    digest = hashlib.sha1()
    parts = (document.text, document.title, document.date, document.source, document.url,
             *(part for pair in document.meta for part in pair))
    for part in parts:
        digest.update(b"\x00" if part is None else b"\x01" + part.encode("utf-8", "replace"))
        digest.update(b"\x1f")
    return digest.digest()


def _free(doc_id: str, taken: dict[str, str]) -> str:
    number = 2
    while f"{doc_id}#{number}" in taken:
        number += 1
    return f"{doc_id}#{number}"
