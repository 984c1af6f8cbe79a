"""Page furniture: the menus, "Related News" lists and tag clouds that saved or scraped
pages carry into a text, which the sentence splitter reads as sentences of headlines
("Related News Iraqs vote violations | The global gag rule | Slovenian elections ...").

They are told by their shape: long runs of capitalised words, or items split by bars.
No sentence of the development gold sets looks like this; headlines alone, being short,
are read as sentences.
"""

from __future__ import annotations

from spacy.tokens import Span

MIN_WORDS = 20
MIN_CAPITALISED = 0.7
MAX_BARS = 1


def is_furniture(sentence: Span) -> bool:
    words = [token for token in sentence if token.is_alpha]
    bars = sum(1 for token in sentence if token.text == "|")
    if bars > MAX_BARS:
        return True
    if len(words) < MIN_WORDS:
        return False
    capitalised = sum(1 for token in words if token.is_title or token.is_upper)
    return capitalised / len(words) >= MIN_CAPITALISED
