"""The extractor contract and the registry that names extractors by versioned names."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

import catalogue

from kg.model import Document, DocumentResult


class Extractor(Protocol):
    """Reads documents and yields, per document, its events and unresolved mentions."""

    name: str

    def extract(self, documents: Iterable[Document]) -> Iterator[DocumentResult]: ...


# Third-party extractors register under the entry-point group "kg_extractors".
extractors: catalogue.Registry = catalogue.create("kg", "extractors", entry_points=True)

ExtractorFactory = Callable[..., Extractor]

# The judgement's fitted model, a package data file: read by kg/extract/judgement.py and
# part of the spec's fingerprint, which must not import spaCy to compute it.
JUDGEMENT = "judgement.json"
