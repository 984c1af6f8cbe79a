"""Long documents coded in pieces: the parser's memory grows with the length of the text
it reads at once (about 3.5 KB a character), so a document of millions of characters is
read a piece at a time, cut where a paragraph or else a sentence ends, and its events keep
offsets into the whole document."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import pairwise

from kg.model import Document, DocumentResult, Event, Mention, Unresolved

# Long enough that no news article is cut (FA-KES' longest has 8,606 characters), short
# enough that a piece's parse stays under half a gigabyte.
PIECE_CHARS = 100_000
# The parser holds a whole batch at once: a batch closes at this many characters however
# few documents it has, so that the pieces of one long document are not parsed together.
BATCH_CHARS = 2 * PIECE_CHARS
PARAGRAPH_END = re.compile(r"\n[ \t\r\f\v]*\n")
SENTENCE_END = re.compile(r"[.!?][\"')\]\u201d\u2019]*\s+")
SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a document read as a document of its own."""

    document: Document
    whole: Document
    offset: int
    last: bool


def cut_points(text: str, size: int = PIECE_CHARS) -> list[int]:
    """Where to cut a text so that no piece is longer than ``size``: after the last
    paragraph break that fits, else the last sentence end, else the last space."""
    cuts, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        end = _last_end(PARAGRAPH_END, window) or _last_end(SENTENCE_END, window) or \
            _last_end(SPACE, window) or size
        start += end
        cuts.append(start)
    return cuts


def _last_end(pattern: re.Pattern[str], window: str) -> int:
    # A cut in the first half of the window would make pieces needlessly small.
    ends = [match.end() for match in pattern.finditer(window, len(window) // 2)]
    return ends[-1] if ends else 0


def pieces(documents: Iterable[Document], size: int = PIECE_CHARS) -> Iterator[Piece]:
    for document in documents:
        bounds = [0, *cut_points(document.text, size), len(document.text)]
        if len(bounds) == 2:
            yield Piece(document, document, 0, True)
            continue
        for number, (start, end) in enumerate(pairwise(bounds), 1):
            yield Piece(replace(document, text=document.text[start:end]), document, start,
                        number == len(bounds) - 1)


def batches(stretches: Iterable[Piece], size: int,
            chars: int = BATCH_CHARS) -> Iterator[list[Piece]]:
    """Pieces in batches of at most ``size``, closed early at ``chars`` characters."""
    batch: list[Piece] = []
    held = 0
    for piece in stretches:
        length = len(piece.document.text)
        if batch and (len(batch) == size or held + length > chars):
            yield batch
            batch, held = [], 0
        batch.append(piece)
        held += length
    if batch:
        yield batch


def joined(whole: Document, parts: list[tuple[Piece, DocumentResult]]) -> DocumentResult:
    """One result for the whole document, offsets moved from each piece into it."""
    events: dict[str, Event] = {}
    unresolved: list[Unresolved] = []
    for piece, result in parts:
        for event in result.events:
            moved = _moved_event(event, piece.offset)
            events.setdefault(moved.id, moved)
        unresolved.extend(replace(item, start=item.start + piece.offset,
                                  end=item.end + piece.offset) for item in result.unresolved)
    return DocumentResult(whole, sum(result.sentences for _, result in parts),
                          tuple(events.values()), tuple(unresolved))


def _moved_event(event: Event, offset: int) -> Event:
    # The id is made from the offsets, so it is made again.
    return replace(event, id="", sentence_start=event.sentence_start + offset,
                   sentence_end=event.sentence_end + offset,
                   source=_moved_mention(event.source, offset),
                   target=_moved_mention(event.target, offset))


def _moved_mention(mention: Mention, offset: int) -> Mention:
    return replace(mention, start=mention.start + offset, end=mention.end + offset)
