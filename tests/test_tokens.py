"""kg.tokens: the plain lists the rules read must say what spaCy's Token objects say."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from kg import tokens
from kg.actors.sectors import agent_sector, group_sector, title_sector
from kg.extract.depverb import DepVerbExtractor
from kg.model import Document
from kg.tokens import token_table

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_691ff97bae76b2d3.txt"
# white space of several kinds, a capitalised headline, a bar and a name in capitals
ODD_TEXT = ("  BRITAIN has warned Sudan.\n\nRelated News | Syria | Iraq\t \n"
            "\"Foreign Minister Sergei Lavrov met U.S. envoys,\" it said.  ")


def test_every_list_is_the_tokens_annotation(extractor: DepVerbExtractor) -> None:
    for text in (SEED.read_text(encoding="utf-8"), ODD_TEXT):
        doc = extractor.nlp(text)
        table = token_table(doc)
        assert table.text == [token.text for token in doc]
        assert table.lower == [token.lower_ for token in doc]
        assert table.lemma == [token.lemma_.lower() for token in doc]
        assert table.pos == [token.pos_ for token in doc]
        assert table.dep == [token.dep_ for token in doc]
        assert table.ent_type == [token.ent_type_ for token in doc]
        assert table.is_space == [token.is_space for token in doc]
        assert table.is_alpha == [token.is_alpha for token in doc]
        assert table.is_title == [token.is_title for token in doc]
        assert table.is_upper == [token.is_upper for token in doc]
        assert table.head == [token.head.i for token in doc]
        assert table.children == [[child.i for child in token.children] for token in doc]
        assert table.idx == [token.idx for token in doc]
        assert table.chars == doc.text


def test_span_text_is_the_spans_text(extractor: DepVerbExtractor) -> None:
    doc = extractor.nlp(ODD_TEXT)
    table = token_table(doc)
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 6) + 1):
            span = doc[start:end]
            assert table.span_text(start, end) == span.text
            assert table.end_char(end - 1) == span.end_char
    for sentence in doc.sents:
        assert table.span_text(sentence.start, sentence.end) == sentence.text


def test_the_table_is_made_anew_for_another_document(extractor: DepVerbExtractor) -> None:
    first, second = extractor.nlp("Russia urged Syria."), extractor.nlp("Iran warned Iraq.")
    assert token_table(first) is token_table(first)
    assert token_table(second).text == ["Iran", "warned", "Iraq", "."]
    assert token_table(first).text == ["Russia", "urged", "Syria", "."]


def test_title_starts_are_the_first_words_of_longer_titles(
        extractor: DepVerbExtractor) -> None:
    gazetteer = extractor.gazetteer
    assert gazetteer.title_starts == {term.split()[0] for term in gazetteer.titles
                                      if " " in term}
    assert "foreign" in gazetteer.title_starts


def test_strings_stay_right_when_the_kept_strings_are_dropped(
        extractor: DepVerbExtractor, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokens, "MAX_NAMES", 3)
    for text in ("Russia urged Syria.", "Iran warned Iraq on Tuesday.", ODD_TEXT):
        doc = extractor.nlp(text)
        table = token_table(doc)
        assert table.text == [token.text for token in doc]
        assert table.lemma == [token.lemma_.lower() for token in doc]


def test_a_phrases_sector_is_its_own_documents(extractor: DepVerbExtractor) -> None:
    """The sectors kept for the document being read are never another document's."""
    gazetteer = extractor.gazetteer
    rebels, army = extractor.nlp("The rebels fled."), extractor.nlp("The army fled.")
    assert group_sector(gazetteer, rebels[0:2]) == "REB"
    assert group_sector(gazetteer, army[0:2]) == "MIL"
    assert group_sector(gazetteer, rebels[0:2]) == "REB"
    assert agent_sector(gazetteer, army[0:2]) == "MIL"
    assert title_sector(gazetteer, army[0:2]) is None


def test_the_rules_leave_the_collector_as_they_found_it(extractor: DepVerbExtractor) -> None:
    doc, document = next(extractor.parse([Document(id="t", text="Russia urged Syria.")]))
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            assert extractor.extract_doc(doc, document).events
            assert gc.isenabled() is enabled
        finally:
            gc.enable()
