"""Page furniture: the menus, "Related News" lists and tag clouds that saved or scraped
pages carry into a text, which the sentence splitter reads as sentences of headlines
("Related News Iraqs vote violations | The global gag rule | Slovenian elections ...").

They are told by their shape: long runs of capitalised words, items split by bars, or
the words such lists open with ("Tags", "Related News", "Get short URL").
No sentence of the development gold sets looks like this; headlines alone, being short,
are read as sentences.
"""

from __future__ import annotations

from spacy.tokens import Span

from kg.tokens import token_table
from kg.words import ordered_words

MIN_WORDS = 20
MIN_CAPITALISED = 0.7
MAX_BARS = 1
# how the furniture of the news sites kg has read opens: "Tags", "Related News"
OPENERS = ordered_words("furniture opener")


def is_furniture(sentence: Span, text: str) -> bool:
    """Whether ``sentence`` (whose text is ``text``) is page furniture."""
    text = text.lstrip()
    if any(text.startswith(f"{opener} ") for opener in OPENERS):
        return True  # "Tags Belgium Syria coalition ...", "Get short URL Topic ..."
    table = token_table(sentence.doc)
    indices = range(sentence.start, sentence.end)
    words = [index for index in indices if table.is_alpha[index]]
    bars = sum(1 for index in indices if table.text[index] == "|") if "|" in text else 0
    if bars > MAX_BARS:
        return True
    if len(words) < MIN_WORDS:
        return False
    capitalised = sum(1 for index in words if table.is_title[index] or table.is_upper[index])
    return capitalised / len(words) >= MIN_CAPITALISED
