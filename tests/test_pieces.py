"""Long documents are coded in pieces with offsets into the whole document."""

from __future__ import annotations

from itertools import pairwise

from kg.extract.depverb import DepVerbExtractor
from kg.extract.pieces import batches, cut_points, pieces
from kg.model import Document

PARAGRAPHS = [
    "Russia urged Syria to accept a truce in Aleppo. Moscow also criticized Turkey.",
    "Iran condemned Israel over the strikes near Damascus.",
    "France met Germany in Paris on Monday. The United States accused Iran of arming rebels.",
    "Egypt praised Jordan for hosting the talks.",
]


def test_cuts_fall_after_paragraph_ends_and_keep_pieces_short() -> None:
    text = "\n\n".join(PARAGRAPHS * 10)
    cuts = cut_points(text, 300)
    assert cuts
    bounds = [0, *cuts, len(text)]
    assert all(end - start <= 300 for start, end in pairwise(bounds))
    assert all(text[cut - 2:cut] == "\n\n" for cut in cuts)


def test_a_paragraph_longer_than_a_piece_is_cut_after_a_sentence_or_a_space() -> None:
    sentences = " ".join(PARAGRAPHS) * 5
    cuts = cut_points(sentences, 200)
    assert cuts and all(sentences[cut - 2:cut] in (". ", "? ", "! ") for cut in cuts)
    unbroken = "word " * 100
    assert all(unbroken[cut - 1] == " " for cut in cut_points(unbroken, 64))
    assert cut_points("x" * 250, 100) == [100, 200]  # no break at all: cut where it must


def test_pieces_cover_the_text_once_and_short_documents_stay_whole() -> None:
    long = Document("long", "\n\n".join(PARAGRAPHS * 10), date="2016-05-01")
    short = Document("short", PARAGRAPHS[0])
    found = list(pieces([short, long], 300))
    assert found[0].document is short and found[0].last
    parts = found[1:]
    assert "".join(part.document.text for part in parts) == long.text
    assert all(long.text[part.offset:].startswith(part.document.text) for part in parts)
    assert [part.last for part in parts] == [False] * (len(parts) - 1) + [True]
    assert {(part.document.id, part.document.date) for part in parts} == {("long", "2016-05-01")}


def test_a_long_document_gives_the_events_of_its_pieces_at_their_place_in_it(
        rules: DepVerbExtractor) -> None:
    text = "\n\n".join(PARAGRAPHS * 3)
    whole = Document("long", text)
    pieced = DepVerbExtractor(rules.nlp, rules.lexicon, rules.gazetteer)
    pieced.piece_chars = 200
    [result] = pieced.extract([whole])
    assert result.document is whole
    events = result.events
    for event in events:
        assert event.doc_id == "long"
        assert text[event.sentence_start:event.sentence_end] == event.sentence
        for mention in (event.source, event.target):
            assert text[mention.start:mention.end] == mention.text
    # the same events as each paragraph read as a document of its own, moved to its place
    expected = set()
    offset = 0
    for paragraph in text.split("\n\n"):
        [alone] = rules.extract([Document("long", paragraph)])
        expected |= {(e.sentence_start + offset, e.source.actor.id, e.relation.label,
                      e.target.actor.id) for e in alone.events}
        offset += len(paragraph) + 2
    assert {(e.sentence_start, e.source.actor.id, e.relation.label, e.target.actor.id)
            for e in events} == expected
    assert len(expected) >= 12 and len({e.id for e in events}) == len(events)
    assert result.sentences == sum(
        r.sentences for r in rules.extract(
            [Document(str(n), p) for n, p in enumerate(text.split("\n\n"))]))


def test_unresolved_mentions_point_into_the_whole_document(rules: DepVerbExtractor) -> None:
    paragraph = "The Zorblatt Council condemned Syria on Monday."
    text = "\n\n".join([PARAGRAPHS[1]] * 6 + [paragraph])
    pieced = DepVerbExtractor(rules.nlp, rules.lexicon, rules.gazetteer)
    pieced.piece_chars = 150
    [result] = pieced.extract([Document("d", text)])
    assert result.unresolved
    for item in result.unresolved:
        assert text[item.start:item.end] == item.text
    assert max(item.start for item in result.unresolved) > 150


def test_batches_close_at_their_size_or_their_characters() -> None:
    long = Document("long", "\n\n".join(PARAGRAPHS * 10))
    short = [Document(str(n), PARAGRAPHS[n % 4]) for n in range(7)]
    stream = list(pieces([*short, long, *short], 300))
    found = list(batches(stream, 4, chars=600))
    assert [piece for batch in found for piece in batch] == stream
    assert all(len(batch) <= 4 for batch in found)
    assert all(sum(len(p.document.text) for p in batch) <= 600 for batch in found)
    # the long document's pieces (about 300 characters each) go two at a time at most
    assert max(sum(p.whole is long for p in batch) for batch in found) <= 2
