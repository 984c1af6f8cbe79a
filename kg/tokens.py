"""A parsed document's per-word annotations as plain lists, read out of spaCy once.

Every ``doc[i]``, ``token.head`` or ``token.children`` makes a new spaCy ``Token``, and
every ``token.pos_`` looks its string up anew; the rules read the same few annotations of
every word of every sentence several times over. The loops that only test words read
them here by index and make a ``Token`` only of the words they keep (BENCHMARKS.md).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import cached_property
from typing import TypeVar, cast

from spacy.tokens import Doc

# spaCy's string hashes and their strings, kept from document to document (a hash is
# its string's, whatever the vocabulary), up to a bound: a corpus has a few tens of
# thousands of words
MAX_NAMES = 500_000
_NAMES: dict[int, str] = {}
_LOWERED_NAMES: dict[int, str] = {}  # lemmas, lower-cased
Kept = TypeVar("Kept")


class TokenTable:
    """The annotations of one document's words, by token index; each list is read out
    of the document the first time it is asked for."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # what the rules ask of the document again and again, worked out once
        # (``remembered``)
        self.kept: dict[tuple[Hashable, ...], object] = {}

    def _strings(self, attribute: str, lowered: bool = False) -> list[str]:
        keys = self.doc.to_array(attribute).tolist()
        names = _LOWERED_NAMES if lowered else _NAMES
        missing = set(keys).difference(names)
        if missing:
            if len(names) > MAX_NAMES:
                names.clear()
                missing = set(keys)
            strings = self.doc.vocab.strings
            names.update((key, strings[key].lower() if lowered else strings[key])
                         for key in missing)
        return list(map(names.__getitem__, keys))

    @cached_property
    def text(self) -> list[str]:
        """``token.text``"""
        return self._strings("ORTH")

    @cached_property
    def lower(self) -> list[str]:
        """``token.lower_``"""
        return self._strings("LOWER")

    @cached_property
    def lemma(self) -> list[str]:
        """``token.lemma_.lower()``: the rules compare lemmas lower-cased"""
        return self._strings("LEMMA", lowered=True)

    @cached_property
    def pos(self) -> list[str]:
        """``token.pos_``"""
        return self._strings("POS")

    @cached_property
    def dep(self) -> list[str]:
        """``token.dep_``"""
        return self._strings("DEP")

    @cached_property
    def ent_type(self) -> list[str]:
        """``token.ent_type_``"""
        return self._strings("ENT_TYPE")

    def _flags(self, attribute: str) -> list[bool]:
        return [bool(flag) for flag in self.doc.to_array(attribute).tolist()]

    @cached_property
    def is_space(self) -> list[bool]:
        """``token.is_space``"""
        return self._flags("IS_SPACE")

    @cached_property
    def is_alpha(self) -> list[bool]:
        """``token.is_alpha``"""
        return self._flags("IS_ALPHA")

    @cached_property
    def is_title(self) -> list[bool]:
        """``token.is_title``"""
        return self._flags("IS_TITLE")

    @cached_property
    def is_upper(self) -> list[bool]:
        """``token.is_upper``"""
        return self._flags("IS_UPPER")

    @cached_property
    def head(self) -> list[int]:
        """``token.head.i``; a root is its own head"""
        # to_array gives each word's head as an offset from the word
        offsets = self.doc.to_array("HEAD").view("int64").tolist()
        return [index + offset for index, offset in enumerate(offsets)]

    @cached_property
    def children(self) -> list[list[int]]:
        """The indices of ``token.children``, in their order (reading order)."""
        found: list[list[int]] = [[] for _ in range(len(self.doc))]
        for index, head in enumerate(self.head):
            if head != index:
                found[head].append(index)
        return found

    @cached_property
    def chars(self) -> str:
        """``doc.text``, which spaCy joins from the words' objects anew on every call"""
        spaced = self.doc.to_array("SPACY").tolist()
        return "".join([f"{text} " if space else text
                        for text, space in zip(self.text, spaced, strict=True)])

    @cached_property
    def idx(self) -> list[int]:
        """``token.idx``: where each word starts in ``chars``"""
        return list(self.doc.to_array("IDX").tolist())

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (``start < end``): the words with the spaces between
        them, without the last word's."""
        return self.chars[self.idx[start]:self.end_char(end - 1)]

    def end_char(self, index: int) -> int:
        """Where the word at ``index`` ends in ``chars``."""
        return self.idx[index] + len(self.text[index])


_last: TokenTable | None = None


def token_table(doc: Doc) -> TokenTable:
    """The table of ``doc``. Documents are read one at a time, so the last table made
    is kept (with its document, whose identity therefore cannot be reused)."""
    global _last
    if _last is None or _last.doc is not doc:
        _last = TokenTable(doc)
    return _last


def remembered(doc: Doc, key: tuple[Hashable, ...], work: Callable[[], Kept]) -> Kept:
    """``work()``, done once for ``key`` while ``doc`` is the document being read: a
    phrase's sector, a sentence's speakers."""
    kept = token_table(doc).kept
    if key not in kept:
        kept[key] = work()
    return cast(Kept, kept[key])
