"""Saved news pages: the article's text and metadata, never the page around it.

The pages in tests/fixtures/pages are written like real news sites (a WordPress theme, a
big outlet's story template, an old table layout, a JSON-LD @graph, a single-page app)
with navigation, tickers, sidebars, related stories, newsletter boxes, cookie banners,
comments and footers, many of which are sentences the extractor would code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.extract.depverb import DepVerbExtractor
from kg.model import Document, Event
from kg.pages import read_page, visible_text
from kg.readers import read_documents

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"

# title, date, canonical URL, site name; the March page has its date only in <time>.
METADATA = {
    "2016-01-geneva-talks": (
        "Russia urges Syria to join Geneva talks", "2016-01-11",
        "https://www.levantwire.example/2016/01/11/russia-urges-syria-geneva-talks/",
        "Levant Wire"),
    "2016-02-stalling": (
        "Russia accuses Syria of stalling peace talks", "2016-02-08",
        "https://news.easterndispatch.example/world/middle-east/"
        "russia-syria-talks-stalling-20160208", "Eastern Dispatch"),
    "2016-03-ceasefire": (
        "Gulf Courier :: Moscow welcomes Syrian truce", "2016-03-14", None, None),
    "2016-04-aleppo-strikes": (
        "Russian strikes hit Aleppo as Moscow warns Damascus", "2016-04-21",
        "https://meridianpost.example/news/world/2016/apr/21/russia-warns-syria-aleppo-offensive",
        "The Meridian Post"),
    "2016-06-elections": (
        "Russia threatens to scale back Syria support", "2016-06-07",
        "https://www.thecapitalnews.example/world/2016/06/07/russia-threatens-syria-support",
        "The Capital News"),
}

# The opening words of each paragraph of the article itself.
ARTICLE = {
    "2016-01-geneva-talks": ["Russia called on Syria on Monday", "The Russian foreign ministry",
                             "Russia pledged humanitarian aid", "Diplomats in Geneva said"],
    "2016-02-stalling": ["Moscow says Damascus is dragging", "Russia accused Syria on Monday",
                         "Russia demanded that Syria", "The diplomat said the convoys",
                         "Syrian state television"],
    "2016-03-ceasefire": ["Moscow welcomes Syrian truce", "Russia praised Syria",
                          "Russia and Syria signed", "Residents of several towns"],
    "2016-04-aleppo-strikes": ["Russia warned Syria on Thursday", "Hours later, Russia launched",
                               "Russia did not criticize Syria", "Aid agencies said"],
    "2016-06-elections": ["Russia threatened to cut", "Russia rejected Syria's proposal",
                          "The government in Damascus", "Western officials said"],
}

# Page furniture, much of it phrased like news, none of it the article.
FURNITURE = ["cookies", "Turkey accuses Iran", "France criticizes Israel", "Egypt urges Libya",
             "China condemns Japan", "Iran threatens Saudi Arabia", "Reuters and AFP",
             "Turkey accuses Russia", "China warns the United States", "Germany praises",
             "Sign up", "Share", "Qatar condemns Bahrain", "Kuwait pledges", "Iran attacked",
             "Hezbollah criticized", "Israel strikes Hezbollah", "Britain condemns Iran",
             "Ukraine accuses Russia", "Turkey bombed", "Photo:", "Most read", "Advertisement",
             "Skip to main content", "truce is hanging by a thread", "covers the Middle East",
             "Live updates", "Subscribe", "Topics"]


def _article_lines(document: Document) -> list[tuple[int, int]]:
    """Character spans of the document's lines that are the article's own paragraphs."""
    spans, start = [], 0
    for line in document.text.split("\n"):
        if any(line.startswith(opening) for opening in ARTICLE[document.id]):
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _from_article(event: Event, spans: list[tuple[int, int]]) -> bool:
    """Whether both actors of the event were read in the article's own paragraphs."""
    return all(any(start <= mention.start and mention.end <= end for start, end in spans)
               for mention in (event.source, event.target))


def test_pages_give_the_article_and_its_metadata() -> None:
    documents = {document.id: document for document in read_documents([PAGES])}
    assert set(documents) == set(METADATA)
    for doc_id, (title, date, url, site) in METADATA.items():
        document = documents[doc_id]
        assert (document.title, document.date, document.url, document.source) == \
            (title, date, url, site), doc_id
        lines = document.text.split("\n")
        for opening in ARTICLE[doc_id]:
            assert sum(line.startswith(opening) for line in lines) == 1, (doc_id, opening)
        assert not [phrase for phrase in FURNITURE if phrase in document.text], doc_id
        # The headline is the title, not a sentence of the text to code a second time.
        assert title not in lines


def test_no_sentence_of_page_furniture_yields_an_event(extractor: DepVerbExtractor) -> None:
    documents = list(read_documents([PAGES]))
    results = list(extractor.extract(documents))
    events = [event for result in results for event in result.events]
    assert len(events) >= 12
    for result in results:
        spans = _article_lines(result.document)
        assert [e.sentence for e in result.events if not _from_article(e, spans)] == []
    # The same pages read whole, as kg read them before, do code the furniture: the
    # pages are a real test.
    for document in documents:
        _, everything = visible_text((PAGES / f"{document.id}.html").read_text("utf-8"))
        whole = Document(document.id, everything)
        (result,) = extractor.extract([whole])
        assert [e for e in result.events if not _from_article(e, _article_lines(whole))], \
            document.id


def test_build_of_saved_pages_keeps_their_links(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["extract", str(PAGES), "-o", str(out), "--workers",
                                       "1"])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    records = [json.loads(line) for line in
               (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    by_id = {record["id"]: record for record in records}
    assert by_id["2016-01-geneva-talks"]["url"] == METADATA["2016-01-geneva-talks"][2]
    assert by_id["2016-01-geneva-talks"]["source"] == "Levant Wire"
    assert "url" not in by_id["2016-03-ceasefire"]
    events = [json.loads(line) for line in
              (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    # Events carry the page's date, which dated roles and the map's dates use.
    assert {event["date"] for event in events} == {date for _, date, _, _ in METADATA.values()}


@pytest.mark.parametrize("markup", [
    "<html><body><p>Russia urged Syria to accept the truce.</p></body></html>",
    "<?xml version='1.0' encoding='utf-8'?><html><body><p>Russia urged Syria.</p></body></html>",
    "<html><head><meta property='og:url' content='javascript:alert(1)'>"
    "<link rel='canonical' href='javascript:alert(2)'></head>"
    "<body><p>Russia urged Syria to accept the truce.</p></body></html>",
    "<p>\x00\x01 <<<>>> &&& <p",
    "",
])
def test_odd_pages_never_fail(markup: str) -> None:
    page = read_page(markup)
    assert page.url is None
    assert isinstance(page.text, str)
