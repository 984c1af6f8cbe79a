"""Hostile and broken inputs (project issue #7): every one is named in a one-line warning,
skipped or re-encoded, counted in the summary, and the rest of the run goes on.

Most cases run the real ``kg build`` through click's CliRunner so that the exact
warnings, the summary line and the exit code are what a user sees.
"""

from __future__ import annotations

import gzip
import json
import os
import time
import tracemalloc
from pathlib import Path

import pytest
from click.testing import Result
from conftest import build, write_file
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract.depverb import DepVerbExtractor
from kg.model import Document, Event
from kg.output import dumps
from kg.readers import read_documents, read_file
from kg.screen import screen

ARTICLE = ("Russia called on Syria on Monday to accept a daily truce, and the ministry said "
           "that it was ready to help with the talks.")
FRENCH = ("La Russie a appelé lundi la Syrie à accepter les demandes du Comité international "
          "de la Croix-Rouge pour une trêve humanitaire quotidienne de deux heures après des "
          "entretiens avec le chef de l'organisation basée à Genève, selon un communiqué.")
GERMAN = ("Russland hat Syrien am Montag aufgefordert, die Forderungen des Internationalen "
          "Komitees vom Roten Kreuz nach einer täglichen Feuerpause anzunehmen, teilte das "
          "Ministerium mit, das nach den Gesprächen in Genf zu helfen bereit sei und die "
          "Lage in der Stadt weiter beobachte.")


@pytest.fixture(autouse=True)
def _model(extractor: DepVerbExtractor) -> None:
    """Every build here parses; without the model they skip locally and fail in CI."""



def warnings_of(result: Result) -> list[str]:
    return result.stderr.splitlines()


def events_of(out: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (out / "events.jsonl").read_text("utf-8").splitlines()]


def triples(out: Path) -> list[tuple[object, object, object]]:
    return [(e["source"]["id"], e["relation"], e["target"]["id"])  # type: ignore[index]
            for e in events_of(out)]


def summary_counts(result: Result, documents: int, warnings: int) -> None:
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"kg: {documents} documents, ")
    line = f"kg: {warnings} warnings (inputs skipped or re-encoded), see above"
    assert (line in result.stdout.splitlines()) == (warnings > 0)
    assert len(warnings_of(result)) == warnings


def test_empty_files(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_file(inputs / "good.txt", ARTICLE)
    empty = write_file(inputs / "a-empty.txt", b"")
    blank = write_file(inputs / "b-blank.md", " \n\t\r\n")
    bom = write_file(inputs / "c-bom-only.txt", b"\xef\xbb\xbf\r\n")
    table = write_file(inputs / "d-empty.csv", b"")
    result = build(inputs, "-o", tmp_path / "out")
    assert warnings_of(result) == [f"kg: warning: {path}: empty file, skipped"
                                   for path in (empty, blank, bom, table)]
    summary_counts(result, documents=1, warnings=4)
    assert triples(tmp_path / "out") == [("RUS", "URGES", "SYR")]


def test_binary_files(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_file(inputs / "good.txt", ARTICLE)
    # A PDF whose first bytes look like text: its signature alone gives it away.
    pdf = write_file(inputs / "report.txt", b"%PDF-1.7\n" + ARTICLE.encode() * 20)
    png = write_file(inputs / "photo.md",
                     b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    archive = write_file(inputs / "story.txt", gzip.compress(ARTICLE.encode() * 50))
    outside = write_file(tmp_path / "scan.pdf", b"%PDF-1.4\n")
    result = build(inputs, outside, "-o", tmp_path / "out")
    assert warnings_of(result) == [
        f"kg: warning: {png}: binary file, skipped",
        f"kg: warning: {pdf}: binary file, skipped",
        f"kg: warning: {archive}: binary file, skipped",
        f"kg: warning: {outside}: not a .txt, .md, .html, .csv or .jsonl file, skipped"]
    summary_counts(result, documents=1, warnings=4)


def test_nul_bytes_inside_text_are_removed(tmp_path: Path) -> None:
    article = ARTICLE.replace("on Monday", "on\x00 Monday\x00")
    path = write_file(tmp_path / "nul.txt", article.encode())
    result = build(path, "-o", tmp_path / "out")
    assert warnings_of(result) == [f"kg: warning: {path}: 2 NUL characters removed"]
    summary_counts(result, documents=1, warnings=1)
    (event,) = events_of(tmp_path / "out")
    assert event["sentence"] == ARTICLE and "\\u0000" not in json.dumps(event)


def test_invalid_utf8_and_utf16_with_bom(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    latin = write_file(inputs / "a-latin.txt", ("Café: " + ARTICLE).encode("cp1252"))
    write_file(inputs / "b-utf16le.txt", ARTICLE.encode("utf-16"))  # BOM, little-endian here
    write_file(inputs / "c-utf16be.txt", b"\xfe\xff" + ARTICLE.encode("utf-16-be"))
    broken = write_file(inputs / "d-utf16-odd.txt", ARTICLE.encode("utf-16") + b"\x00")
    write_file(inputs / "e-utf8-bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode())
    out = tmp_path / "out"
    result = build(inputs, "-o", out)
    assert warnings_of(result) == [
        f"kg: warning: {latin}: not UTF-8, read as Windows-1252",
        f"kg: warning: {broken}: broken UTF-16, undecodable bytes replaced"]
    summary_counts(result, documents=5, warnings=2)
    assert triples(out) == [("RUS", "URGES", "SYR")] * 5
    documents = {doc.id: doc for doc in read_documents([inputs])}
    for event in events_of(out):
        text = documents[str(event["doc_id"])].text
        assert text[int(event["sentence_start"]):int(event["sentence_end"])] == event["sentence"]  # type: ignore[call-overload]


def test_windows_line_endings_keep_offsets_right(tmp_path: Path) -> None:
    text = "Talks in Geneva\r\n\r\nOfficials met on Sunday.\r\n" + ARTICLE + "\r\n"
    path = write_file(tmp_path / "crlf.txt", text.encode())
    out = tmp_path / "out"
    result = build(path, "-o", out)
    summary_counts(result, documents=1, warnings=0)
    (document,) = read_file(path)
    assert document.text == text  # kept as written: offsets are into the file's text
    (event,) = events_of(out)
    assert event["sentence"] == ARTICLE
    assert text[event["sentence_start"]:event["sentence_end"]] == ARTICLE  # type: ignore[misc]
    for role in ("source", "target"):
        mention = event[role]
        assert text[mention["start"]:mention["end"]] == mention["text"]  # type: ignore[index]


def test_fifty_megabyte_single_line_file_is_skipped_quickly(tmp_path: Path) -> None:
    size = 50_000_000
    huge = tmp_path / "in" / "huge.txt"
    huge.parent.mkdir()
    with huge.open("wb") as handle:
        handle.write((ARTICLE.encode() + b" ") * (size // (len(ARTICLE) + 1)))
        handle.write(b"x" * (size - handle.tell()))
    write_file(tmp_path / "in" / "good.txt", ARTICLE)

    # The reader never loads a text file that cannot fit under the parser's limit.
    warnings: list[str] = []
    tracemalloc.start()
    started = time.perf_counter()
    kept = list(screen(read_documents([tmp_path / "in"], warn=warnings.append),
                       warnings.append))
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [d.id for d in kept] == ["good"]
    assert warnings == [f"{huge}: 50,000,000 bytes, more than the 10,000,000 characters "
                        "kg reads in one document, skipped"]
    assert seconds < 2 and peak < 5_000_000, (seconds, peak)

    started = time.perf_counter()
    result = build(tmp_path / "in", "-o", tmp_path / "out")
    assert time.perf_counter() - started < 60
    assert warnings_of(result) == [f"kg: warning: {w}" for w in warnings]
    summary_counts(result, documents=1, warnings=1)


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_fifty_megabyte_row_is_skipped_with_sane_memory(tmp_path: Path, suffix: str) -> None:
    body = "Russia urged Syria to talk. " * (50_000_000 // 28)
    path = tmp_path / f"huge{suffix}"
    if suffix == ".jsonl":
        path.write_text(json.dumps({"id": "big", "text": body}) + "\n"
                        + json.dumps({"id": "small", "text": ARTICLE}) + "\n")
    else:
        path.write_text(f'id,text\nbig,"{body}"\nsmall,"{ARTICLE}"\n')
    warnings: list[str] = []
    tracemalloc.start()
    started = time.perf_counter()
    kept = list(screen(read_file(path, warn=warnings.append), warnings.append))
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [d.id for d in kept] == ["small"]
    line = 1 if suffix == ".jsonl" else 2
    assert len(warnings) == 1 and warnings[0].startswith(f"{path}:{line}: "), warnings
    # Rows are read from the file held in memory, so a few copies of the file is the bound.
    assert seconds < 20 and peak < 5 * path.stat().st_size, (seconds, peak)


def test_html_pages_through_build(tmp_path: Path) -> None:
    page = write_file(tmp_path / "in" / "page.html", f"""<!doctype html>
<html><head><title>Truce  talks</title>
<style>body {{ font: 12px serif }} .x::after {{ content: "Iran attacked Iraq." }}</style>
<script>var story = "Turkey attacked Greece on Monday.";</script></head>
<body><nav><noscript>China criticized Japan.</noscript></nav>
<article><h1>Truce talks</h1><p>{ARTICLE.replace(" and ", " &amp; ")}</p></article>
<script type="application/ld+json">{{"text": "France accused Germany."}}</script>
</body></html>""")
    empty = write_file(tmp_path / "in" / "shell.htm",
                   "<html><head><script>app()</script></head><body></body></html>")
    out = tmp_path / "out"
    result = build(tmp_path / "in", "-o", out)
    assert warnings_of(result) == [f"kg: warning: {empty}: HTML page without text, skipped"]
    summary_counts(result, documents=1, warnings=1)
    assert triples(out) == [("RUS", "URGES", "SYR")]
    (document,) = [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()]
    assert (document["id"], document["title"], document["path"]) == ("page", "Truce talks",
                                                                      str(page))
    names = (out / "unresolved.jsonl").read_text() + (out / "actors.jsonl").read_text()
    assert not any(word in names for word in ("Iran", "Turkey", "China", "France"))


def test_csv_embedded_newlines_missing_columns_ragged_rows(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    rows = write_file(inputs / "rows.csv",
                  "id,title,text,date\n"
                  f'r1,Quoted,"Officials met.\n\n{ARTICLE}",2016-05-01\n'  # lines 2-4
                  "r2,Shifted,Iran urged Iraq, to talk,2016-05-02\n"      # line 5: 5 fields
                  "r3,No text\n"                                         # line 6: 2 fields
                  f'r4,Short,"{ARTICLE}"\n'                              # line 7: no date
                  f'"r5,Unclosed,"{ARTICLE}\n')                          # to the end
    meta = write_file(inputs / "meta.csv", "name,value\nversion,3\n")
    out = tmp_path / "out"
    result = build(inputs, "-o", out)
    assert warnings_of(result) == [
        f"kg: warning: {meta}: no text field found (fields: name, value); name one with "
        "--text-field, skipped",
        f"kg: warning: {rows}:5: CSV row has 5 fields, the header 4, skipped",
        f"kg: warning: {rows}:6: row has no text in field 'text', skipped",
        f"kg: warning: {rows}:8: row has no text in field 'text', skipped"]
    summary_counts(result, documents=2, warnings=4)
    documents = [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()]
    assert [(d["id"], d["date"], d["path"]) for d in documents] == [
        ("r1", "2016-05-01", f"{rows}:4"), ("r4", None, f"{rows}:7")]
    assert [e["sentence"] for e in events_of(out)] == [ARTICLE, ARTICLE]
    strict = build(inputs, "--strict", "-o", tmp_path / "strict")
    assert strict.exit_code == 1
    assert strict.stderr == (f"kg: error: {meta}: no text field found (fields: name, value); "
                             "name one with --text-field\n")


def test_jsonl_with_a_broken_line_in_the_middle(tmp_path: Path) -> None:
    rows = write_file(tmp_path / "rows.jsonl", "\n".join([
        json.dumps({"id": "a", "text": ARTICLE}),
        '{"id": "b", "text": "Iran urged',
        "[1, 2, 3]",
        json.dumps({"id": "c", "text": "Turkey urged\u2028Greece to talk.\rThen it left."},
                   ensure_ascii=False),
        "[" * 100_000,
        json.dumps({"id": "d", "text": ARTICLE.replace("Russia", "France")}),
    ]) + "\n")
    out = tmp_path / "out"
    result = build(rows, "-o", out)
    assert warnings_of(result) == [
        f"kg: warning: {rows}:2: malformed JSON line (Unterminated string starting at), "
        "skipped",
        f"kg: warning: {rows}:3: JSON line is not an object, skipped",
        f"kg: warning: {rows}:5: JSON nested too deeply, skipped"]
    summary_counts(result, documents=3, warnings=3)
    documents = [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()]
    assert [(d["id"], d["path"]) for d in documents] == [
        ("a", f"{rows}:1"), ("c", f"{rows}:4"), ("d", f"{rows}:6")]
    assert ("FRA", "URGES", "SYR") in triples(out)


def test_non_english_articles_are_skipped(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_file(inputs / "en.txt", ARTICLE)
    french = write_file(inputs / "fr.txt", FRENCH)
    german = write_file(inputs / "de.txt", GERMAN)
    result = build(inputs, "-o", tmp_path / "out")
    assert warnings_of(result) == [
        f"kg: warning: {german}: does not look like English text, skipped",
        f"kg: warning: {french}: does not look like English text, skipped"]
    summary_counts(result, documents=1, warnings=2)
    every = build(inputs, "--any-language", "-o", tmp_path / "all")
    summary_counts(every, documents=3, warnings=0)


def test_symlink_loops(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_file(inputs / "news" / "good.txt", ARTICLE)
    (inputs / "news" / "up").symlink_to(inputs)            # a folder loop
    (inputs / "a.txt").symlink_to(inputs / "b.txt")        # a file loop
    (inputs / "b.txt").symlink_to(inputs / "a.txt")
    (inputs / "gone.md").symlink_to(tmp_path / "missing")  # dangling
    result = build(inputs, "-o", tmp_path / "out")
    assert warnings_of(result) == [
        f"kg: warning: {inputs / 'a.txt'}: cannot be read (Too many levels of symbolic "
        "links), skipped",
        f"kg: warning: {inputs / 'b.txt'}: cannot be read (Too many levels of symbolic "
        "links), skipped",
        f"kg: warning: {inputs / 'gone.md'}: cannot be read (No such file or directory), "
        "skipped"]
    summary_counts(result, documents=1, warnings=3)


def test_unreadable_files(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_file(inputs / "good.txt", ARTICLE)
    fifo = inputs / "pipe.txt"
    os.mkfifo(fifo)  # reading it would block the run for ever
    expected = [f"kg: warning: {fifo}: not a regular file, skipped"]
    if os.geteuid() != 0:  # root reads through any mode bits
        locked = write_file(inputs / "locked.txt", ARTICLE)
        locked.chmod(0)
        expected.insert(0, f"kg: warning: {locked}: cannot be read (Permission denied), "
                        "skipped")
    result = build(inputs, "-o", tmp_path / "out")
    assert warnings_of(result) == expected
    summary_counts(result, documents=1, warnings=len(expected))


# -- property-based ---------------------------------------------------------------------

SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".csv", ".jsonl"])
FAST = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


def _read_any(tmp_path: Path, suffix: str, data: bytes) -> list[Document]:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    warnings: list[str] = []
    documents = list(screen(read_file(path, warn=warnings.append), warnings.append))
    assert all("\n" not in warning for warning in warnings)
    for document in documents:
        assert document.text.strip() and "\x00" not in document.text
        json.loads(json.dumps(document.to_dict()))
    return documents


@FAST
@given(suffix=SUFFIXES, data=st.binary(max_size=3000))
def test_reader_survives_random_bytes(tmp_path: Path, suffix: str, data: bytes) -> None:
    _read_any(tmp_path, suffix, data)


@FAST
@given(suffix=SUFFIXES, text=st.text(max_size=2000),
       encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "cp1252"]))
def test_reader_survives_random_text(tmp_path: Path, suffix: str, text: str,
                                     encoding: str) -> None:
    _read_any(tmp_path, suffix, text.encode(encoding, errors="replace"))


WORDS = st.sampled_from(["Russia", "Syria", "the U.N.", "Lavrov", "urged", "did not",
                         "criticized", "accused", "of", "to", "\n", "\r\n", ",", ".", "'s",
                         "Iran's", "\u2028", "\t", "—", "said", "he", "it", "(", ")", '"'])
TEXTS = st.one_of(st.text(max_size=400),
                  st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=80).map(" ".join))


@FAST
@given(text=TEXTS)
def test_extractor_survives_random_text(extractor: DepVerbExtractor, text: str) -> None:
    (result,) = extractor.extract([Document(id="random", text=text)])
    for event in result.events:
        line = dumps(event.to_dict())  # exactly what events.jsonl holds
        assert "\n" not in line and "\r" not in line
        assert Event.from_dict(json.loads(line)) == event
        assert text[event.sentence_start:event.sentence_end] == event.sentence
        for mention in (event.source, event.target):
            assert text[mention.start:mention.end] == mention.text
    for mention in result.unresolved:
        json.loads(json.dumps(mention.to_dict()))
