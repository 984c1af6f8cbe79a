"""Cheap checks that keep documents the extractor cannot read well out of the parse."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path

from kg.display import shown
from kg.model import Document

# Longer texts are coded a piece at a time (kg/extract/pieces.py), so time and memory grow
# with the length; this bound only keeps a runaway file (a log, a dump) out of a build.
MAX_CHARS = 10_000_000
# English running text is about half function words; other languages share few of them.
MIN_ENGLISH_SHARE = 0.12
MIN_WORDS_TO_JUDGE = 25
SAMPLE_CHARS = 4000
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@cache
def english_stop_words() -> frozenset[str]:
    """spaCy's English stop words, read from their own module: importing
    ``spacy.lang.en`` would import all of spaCy, half a second that a rebuild served by the
    cache never needs."""
    package = importlib.util.find_spec("spacy")
    path = Path(package.origin).parent / "lang" / "en" / "stop_words.py" \
        if package is not None and package.origin is not None else None
    if path is not None and path.is_file():
        spec = importlib.util.spec_from_file_location("kg._english_stop_words", path)
        if spec is not None and spec.loader is not None:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return frozenset(module.STOP_WORDS)
    from spacy.lang.en.stop_words import STOP_WORDS  # laid out differently: the slow way

    return frozenset(STOP_WORDS)


def english_share(text: str) -> tuple[float, int]:
    """The share of English stop words among the words of a text sample, and the count."""
    words = WORD.findall(text[:SAMPLE_CHARS].lower())
    if not words:
        return 0.0, 0
    stop_words = english_stop_words()
    return sum(word in stop_words for word in words) / len(words), len(words)


def looks_english(text: str) -> bool:
    share, count = english_share(text)
    return count < MIN_WORDS_TO_JUDGE or share >= MIN_ENGLISH_SHARE


def screen(documents: Iterable[Document], warn: Callable[[str], None], *,
           max_chars: int = MAX_CHARS, english_only: bool = True) -> Iterator[Document]:
    """Pass the documents the English pipeline can code; name and skip the others."""
    for document in documents:
        where = shown(document.path or document.id)
        if len(document.text) > max_chars:
            warn(f"{where}: {len(document.text):,} characters, more than the {max_chars:,} "
                 "kg reads in one document, skipped")
        elif english_only and not looks_english(document.text):
            warn(f"{where}: does not look like English text, skipped")
        else:
            yield document
