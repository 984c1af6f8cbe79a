"""Page furniture run into sentences: scraped articles that lost their line breaks glue
the headline, the outlet's masthead and the publication date to the first sentence
("US-led strikes kill 56 civilians in Syria Monitor AFP Tuesday 19 Jul 2016 Children
were among ...", "Date of publication 11 October 2017 Three suicide bombers ...").

Read as one sentence, the parser takes the headline's words as the body's subject or
object. So before the parser runs, these joints are marked as sentence boundaries (the
parser keeps boundaries set before it): a publication date, with the words that
introduce it and its weekday, is a sentence of its own; an agency's masthead closing the
headline ("... in Syria Monitor AFP Children were ...") ends it; and the document's own
title, where the text opens with it, is a sentence of its own. The text is unchanged:
the date and the masthead are still there for whatever reads them.
"""

from __future__ import annotations

import re

from dateutil.parser import parserinfo
from spacy.language import Language
from spacy.tokens import Doc

from kg.tokens import TokenTable
from kg.words import ordered_words

COMPONENT = "kg_run_in_furniture"
TITLE_KEY = "kg_title"
CALENDAR = parserinfo()
YEAR = re.compile(r"(?:19|20)\d\d")
DAY = re.compile(r"0?[1-9]|[12]\d|3[01]")
NUMERIC_SEPARATORS = frozenset("-./")
# "Published", "Date of publication", "Posted on": the words a publication date follows
LEADS = tuple(tuple(lead.split()) for lead in ordered_words("publication lead"))
# the part of speech of a headline's last word before an agency's masthead
HEADLINE_ENDS = frozenset(("NN", "NNS", "NNP", "NNPS", "CD"))
SENTENCE_ENDS = frozenset(".!?")
# an opening no longer than this is a headline's furniture and a first sentence (all
# but three FA-KES articles end their first sentence within 100 words)
MAX_OPENING = 150
# a shorter title ("Syria", "Aleppo") is found in text that is no headline
MIN_TITLE_WORDS = 4


@Language.factory(COMPONENT, default_config={"outlets": []})
def make_component(nlp: Language, name: str, outlets: list[str]) -> RunInFurniture:
    return RunInFurniture(outlets)


class RunInFurniture:
    """A pipeline component, placed before the parser, that marks where furniture run
    into the text begins and ends as sentence boundaries."""

    def __init__(self, outlets: list[str]) -> None:
        self.outlets = frozenset(tuple(name.split()) for name in outlets)
        self.longest = max((len(name) for name in self.outlets), default=0)

    def __call__(self, doc: Doc) -> Doc:
        cuts: set[int] = set()
        kept: set[int] = set()
        # the words' texts, read once (a fresh table: the parse is yet to come); the
        # checks below run over every word of every text
        texts = TokenTable(doc).text
        for start, end in date_runs(doc, texts):
            cuts.update((start, end))
            kept.update(range(start + 1, end))
        opening = opening_end(texts)
        mastheads = self._mastheads(doc, texts, opening)
        cuts.update(end for _, end in mastheads)
        title = doc.user_data.get(TITLE_KEY)
        if isinstance(title, str):
            # a title that ends where a masthead's agency begins keeps its masthead
            cuts.update(edge for edge in title_edges(doc, title, opening)
                        if all(edge != start for start, _ in mastheads))
        if any(0 < index <= opening for index in cuts):
            # the joints of an opening with furniture are its only boundaries, not where
            # the parser, misled by it, would cut ("... 56 civilians in | Syria"); of a
            # text that never ends a sentence, only up to where its furniture ends
            last = opening + 1 if opening < MAX_OPENING else max(cuts & set(range(opening)))
            kept.update(index for index in range(1, min(last, len(doc))) if index not in cuts)
        for index in sorted(cuts - kept):
            if 0 < index < len(doc) and not doc[index].is_space:
                doc[index].is_sent_start = True
        for index in kept:
            doc[index].is_sent_start = False
        return doc

    def _mastheads(self, doc: Doc, texts: list[str], opening: int) -> list[tuple[int, int]]:
        """(start, end) of each agency named at the end of the opening's headline ("...
        kill 56 civilians in Syria Monitor AFP Children were among ...")."""
        ends = []
        for index in range(1, opening):
            for size in range(self.longest, 0, -1):
                words = tuple(texts[index:index + size])
                end = index + size
                if len(words) == size and words in self.outlets and end < len(doc) and \
                        doc[index - 1].tag_ in HEADLINE_ENDS and starts_anew(doc, end):
                    ends.append((index, end))
                    break
        return ends


def opening_end(texts: list[str]) -> int:
    """Where the text's first sentence mark is: the stretch before it is the opening."""
    return next((index for index, text in enumerate(texts) if text in SENTENCE_ENDS),
                len(texts))


def starts_anew(doc: Doc, index: int) -> bool:
    """Whether the word at ``index`` could open a sentence: capitalised or a number."""
    token = doc[index]
    return token.is_title or token.is_upper or token.like_num or token.text in "\"'“‘"


def date_runs(doc: Doc, texts: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each publication date standing between sentences: a full date
    with its year, its weekday and the words that introduce it, not read into the text
    ("on July 10 2016 after the regime closed the road" is no boundary). ``texts`` are
    the words' texts."""
    runs = []
    index = 0
    while index < len(texts):
        # a date opens with its weekday, its day (a number) or its month (a capital);
        # most words are none, and this runs over every word of every text
        text = texts[index].rstrip(".,")
        could_open = text[:1].isdigit() or CALENDAR.weekday(text) is not None or \
            _month(text)
        end = _date_end(texts, index) if could_open else None
        if end is None:
            index += 1
            continue
        start = _lead_start(doc, index)
        before = doc[start - 1] if start > 0 else None
        free_before = before is None or not before.is_lower or before.text in SENTENCE_ENDS
        if free_before and (end == len(texts) or starts_anew(doc, end)):
            runs.append((start, end))
        index = end
    return runs


def _date_end(texts: list[str], index: int) -> int | None:
    """The end of a full date starting at word ``index`` (its weekday included), if one
    does."""
    words = [text.rstrip(".,") for text in texts[index:index + 7]]
    offset = 1 if words and CALENDAR.weekday(words[0]) is not None else 0
    rest = words[offset:]
    spans = (
        # "30 Jun 2016", "7 July 2016"
        3 if len(rest) >= 3 and DAY.fullmatch(rest[0]) and _month(rest[1])
        and YEAR.fullmatch(rest[2]) else 0,
        # "Jul 7 2016", "September 23, 2016" (the comma its own token)
        3 if len(rest) >= 3 and _month(rest[0]) and DAY.fullmatch(rest[1])
        and YEAR.fullmatch(rest[2]) else 0,
        4 if len(rest) >= 4 and _month(rest[0]) and DAY.fullmatch(rest[1]) and
        rest[2] == "" and YEAR.fullmatch(rest[3]) else 0,
        # "23-04-2016", "01.10.2017"
        5 if len(rest) >= 5 and DAY.fullmatch(rest[0]) and rest[1] in NUMERIC_SEPARATORS and
        re.fullmatch(r"\d{1,2}", rest[2]) and rest[3] == rest[1] and
        YEAR.fullmatch(rest[4]) else 0,
    )
    size = max(spans)
    return index + offset + size if size else None


def _month(text: str) -> bool:
    return bool(text) and text[0].isupper() and CALENDAR.month(text) is not None


def _lead_start(doc: Doc, index: int) -> int:
    """Where the words that introduce a date ("Date of publication") begin, if any do."""
    for lead in LEADS:
        start = index - len(lead)
        if start >= 0 and tuple(token.lower_ for token in doc[start:index]) == \
                tuple(word.lower() for word in lead):
            return start
    return index


def title_edges(doc: Doc, title: str, end_token: int) -> list[int]:
    """Where the document's own title begins and ends, where the text's opening (up to
    ``end_token``) holds it run into the first sentence."""
    title = " ".join(title.split())
    if len(title.split()) < MIN_TITLE_WORDS:
        return []
    # the text up to the opening's end, without joining the whole text
    opening = "".join(token.text_with_ws for token in doc[:end_token])
    found = opening.find(title)
    if found < 0:
        return []
    span = doc.char_span(found, found + len(title))
    if span is None or span.end >= len(doc) or not starts_anew(doc, span.end):
        return []  # not at word edges, or followed by its own full stop or nothing
    return [span.start, span.end]
