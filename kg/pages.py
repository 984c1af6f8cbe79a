"""Saved web pages read the way a reader reads them: the article, not the page around it.

trafilatura finds the main text of a news page (menus, related stories, captions, cookie
banners, comments and footers left out) and reads its metadata: title, publication date
(JSON-LD, ``og:``/``article:`` tags, ``<time>`` elements), canonical URL and site name.
Where it finds no main text, kg's own reader takes every visible line of the page instead,
and the caller is told so.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from dateutil import parser as date_parser

_HTTP = re.compile(r"https?://\S+", re.IGNORECASE)

# trafilatura and its helpers log what they could not parse at ERROR level; with no
# logging configured Python would print that on stderr, where kg promises one-line
# messages. An application that configures logging still receives the records.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


@dataclass(frozen=True, slots=True)
class Page:
    """What a saved page holds for kg: its text and what its markup says about it."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    site: str | None = None
    # False when no main text was found and the page's visible text was taken whole.
    main_text: bool = True


def read_page(markup: str) -> Page:
    """The article in an HTML page: main text by trafilatura, else every visible line."""
    found = _trafilatura(markup)
    if found is not None and found.text.strip():
        return found
    title, text = visible_text(markup)
    if found is not None:
        return Page(text, title=found.title or title, date=found.date, url=found.url,
                    site=found.site, main_text=False)
    return Page(text, title=title, main_text=False)


def _trafilatura(markup: str) -> Page | None:
    # Imported here: trafilatura pulls in lxml and its helpers, which only pages need.
    import trafilatura

    try:
        result: Any = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, favor_precision=True,
            # The date the page was first published, from its markup only: a search of
            # the text would take any date an article mentions.
            date_extraction_params={"extensive_search": False, "original_date": True})
    # lxml and the metadata parsers raise many kinds of error on hostile markup; such a
    # page is read by kg's own reader instead.
    except Exception:
        return None
    if result is None:
        return None
    title = _clean(result.title)
    # The headline is the document's title, as a CSV row's title field is; coded again
    # as text it would count its event twice, once from the headline and once from the
    # sentence that reports it.
    headline = _comparable(title)
    text = "\n".join(line.strip() for line in (result.text or "").splitlines()
                     if line.strip() and _comparable(line) != headline)
    return Page(text, title=title, date=_iso_date(result.date), url=_http(result.url),
                site=_clean(result.sitename))


def _comparable(line: str | None) -> str:
    return " ".join((line or "").casefold().split()).rstrip(".!?:")


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _http(value: object) -> str | None:
    text = _clean(value)
    return text if text and _HTTP.fullmatch(text) else None


def _iso_date(value: object) -> str | None:
    text = _clean(value)
    if text is None:
        return None
    try:
        return date_parser.isoparse(text).date().isoformat()
    except (ValueError, OverflowError):
        return None


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page: scripts, styles and other non-text dropped."""

    SKIPPED = {"script", "style", "noscript", "template", "svg", "head"}
    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article",
              "section", "blockquote", "pre", "header", "footer", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skipping = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self.SKIPPED:
            self._skipping += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self.SKIPPED and self._skipping:
            self._skipping -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skipping:
            self.parts.append(data)


def visible_text(page: str) -> tuple[str | None, str]:
    """(title, text) of an HTML page, every visible line of it, one paragraph per line."""
    extractor = _TextExtractor()
    extractor.feed(page)
    extractor.close()
    lines = (" ".join(line.split()) for line in "".join(extractor.parts).splitlines())
    title = " ".join("".join(extractor.title).split()) or None
    return title, "\n".join(line for line in lines if line)
