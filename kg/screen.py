"""Cheap checks that keep documents the extractor cannot read well out of the parse."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from kg.model import Document

# spaCy refuses longer texts (nlp.max_length); the parser's memory grows with length.
MAX_CHARS = 1_000_000
# English running text is about half function words; other languages share few of them.
MIN_ENGLISH_SHARE = 0.12
MIN_WORDS_TO_JUDGE = 25
SAMPLE_CHARS = 4000
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def english_share(text: str) -> tuple[float, int]:
    """The share of English stop words among the words of a text sample, and the count."""
    words = WORD.findall(text[:SAMPLE_CHARS].lower())
    if not words:
        return 0.0, 0
    return sum(word in STOP_WORDS for word in words) / len(words), len(words)


def looks_english(text: str) -> bool:
    share, count = english_share(text)
    return count < MIN_WORDS_TO_JUDGE or share >= MIN_ENGLISH_SHARE


def screen(documents: Iterable[Document], warn: Callable[[str], None], *,
           max_chars: int = MAX_CHARS, english_only: bool = True) -> Iterator[Document]:
    """Pass the documents the English pipeline can code; name and skip the others."""
    for document in documents:
        where = document.path or document.id
        if len(document.text) > max_chars:
            warn(f"{where}: {len(document.text):,} characters, more than the {max_chars:,} "
                 "the parser takes, skipped")
        elif english_only and not looks_english(document.text):
            warn(f"{where}: does not look like English text, skipped")
        else:
            yield document
