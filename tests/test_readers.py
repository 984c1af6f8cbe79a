"""Reading articles from text, CSV and JSONL files, and what happens to bad ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_file

from kg.errors import InputError
from kg.readers import Fields, find_files, normalise_date, read_documents, read_file


def test_text_file_is_one_document_named_by_its_file(tmp_path: Path) -> None:
    write_file(tmp_path / "a" / "story-1.txt", "Russia urged Syria to talk.")
    docs = list(read_documents([tmp_path]))
    assert [d.id for d in docs] == ["a/story-1"]
    assert docs[0].text == "Russia urged Syria to talk."


def test_cp1252_text_is_read_with_a_warning(tmp_path: Path) -> None:
    path = write_file(tmp_path / "old.txt", "Café talks – Moscow’s view".encode("cp1252"))
    warnings: list[str] = []
    docs = list(read_documents([path], warn=warnings.append))
    assert docs[0].text == "Café talks – Moscow’s view"
    assert warnings == [f"{path}: not UTF-8, read as Windows-1252"]


def test_utf16_with_bom_is_text(tmp_path: Path) -> None:
    path = write_file(tmp_path / "u16.txt", "Syria and Turkey met.".encode("utf-16"))
    assert [d.text for d in read_documents([path])] == ["Syria and Turkey met."]


def test_binary_and_empty_files_are_skipped_with_warnings(tmp_path: Path) -> None:
    write_file(tmp_path / "good.txt", "Russia urged Syria to talk.")
    binary = write_file(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    empty = write_file(tmp_path / "empty.md", "  \n")
    warnings: list[str] = []
    docs = list(read_documents([tmp_path], warn=warnings.append))
    assert [d.id for d in docs] == ["good"]
    assert sorted(warnings) == sorted([f"{binary}: binary file, skipped",
                                       f"{empty}: empty file, skipped"])


def test_strict_turns_a_skip_into_an_error(tmp_path: Path) -> None:
    binary = write_file(tmp_path / "image.txt", b"\x00\x01\x02")
    with pytest.raises(InputError, match="binary file"):
        list(read_documents([binary], strict=True))
    assert binary.exists()


def test_csv_defaults_fit_the_fakes_columns(tmp_path: Path) -> None:
    path = write_file(tmp_path / "news.csv",
                  'unit_id,article_title,article_content,source,date\n'
                  '17,"Talks","Turkey met Iran.\nThen Iran left.",SANA,7/5/16\n')
    (doc,) = read_documents([path])
    assert (doc.id, doc.title, doc.source, doc.date) == ("17", "Talks", "SANA", "2016-07-05")
    assert doc.text == "Turkey met Iran.\nThen Iran left."


def test_csv_named_fields_and_dayfirst(tmp_path: Path) -> None:
    path = write_file(tmp_path / "news.csv", "key,body,when\nk1,Iran met Iraq.,5/7/16\n")
    fields = Fields(text="body", id="key", date="when", dayfirst=True)
    (doc,) = read_documents([path], fields)
    assert (doc.id, doc.date) == ("k1", "2016-07-05")


def test_unknown_text_field_names_the_file_and_the_fields(tmp_path: Path) -> None:
    path = write_file(tmp_path / "news.csv", "id,text\n1,Iran met Iraq.\n")
    with pytest.raises(InputError) as error:
        list(read_documents([path], Fields(text="body")))
    assert str(error.value) == f"{path}: no text field 'body' (fields: id, text)"


def test_malformed_jsonl_line_is_skipped_and_named(tmp_path: Path) -> None:
    path = write_file(tmp_path / "rows.jsonl",
                  '{"id": "a", "text": "Iran met Iraq."}\n{"id": "b", "text": \n'
                  '{"id": "c", "text": "Iraq met Iran."}\n')
    warnings: list[str] = []
    docs = list(read_documents([path], warn=warnings.append))
    assert [d.id for d in docs] == ["a", "c"]
    assert warnings == [f"{path}:2: malformed JSON line (Expecting value), skipped"]


def test_rows_without_ids_get_stable_ones(tmp_path: Path) -> None:
    path = write_file(tmp_path / "rows.jsonl", '{"text": "Iran met Iraq."}\n{"text": "Again."}\n')
    assert [d.id for d in read_documents([path])] == ["rows-1", "rows-2"]


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        find_files([tmp_path / "nope"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no .txt, .md, .html, .csv or .jsonl files"):
        find_files([tmp_path / "empty"])


@pytest.mark.parametrize(("raw", "iso"), [("7/5/16", "2016-07-05"), ("2012-03-31", "2012-03-31"),
                                          ("March 31, 2012", "2012-03-31"), ("not a date", None)])
def test_dates(raw: str, iso: str | None) -> None:
    assert normalise_date(raw) == iso


def test_html_page_without_main_text_gives_its_visible_text(tmp_path: Path) -> None:
    # trafilatura finds no article in a page that is one layout table; kg's own reader
    # then takes every visible line, and says so.
    page = write_file(tmp_path / "page.html",
                  "<html><head><title>Talks</title><style>p {color: red}</style>"
                  "<script>alert('x')</script></head><body><table><tr><td>Russia urged "
                  "Syria &amp; Iran.</td></tr><tr><td>Second <b>paragraph</b>.</td></tr>"
                  "</table></body></html>")
    warnings: list[str] = []
    (doc,) = read_documents([page], warn=warnings.append)
    assert doc.title == "Talks"
    assert doc.text == "Russia urged Syria & Iran.\nSecond paragraph."
    assert warnings == [f"{page}: no article text found in the page, read all of its "
                        "visible text"]


def test_symlink_loops_are_not_followed(tmp_path: Path) -> None:
    write_file(tmp_path / "news" / "a.txt", "Iran met Iraq.")
    (tmp_path / "news" / "loop").symlink_to(tmp_path / "news")
    assert [d.id for d in read_documents([tmp_path / "news"])] == ["a"]


def test_unreadable_file_is_skipped(tmp_path: Path) -> None:
    # A folder with a file's name fails to read as a file for any user, root included.
    path = tmp_path / "secret.txt"
    path.mkdir()
    warnings: list[str] = []
    assert list(read_file(path, warn=warnings.append)) == []
    assert warnings == [f"{path}: cannot be read (Is a directory), skipped"]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".txt"])
def test_documents_over_a_million_characters_are_read_whole(tmp_path: Path,
                                                             suffix: str) -> None:
    from kg.screen import screen

    body = "Russia urged Syria to talk. " * 60_000  # 1,680,000 characters
    path = tmp_path / f"long{suffix}"
    if suffix == ".csv":
        path.write_text(f'id,text\nlong,"{body}"\n', encoding="utf-8")
    elif suffix == ".jsonl":
        path.write_text('{"id": "long", "text": "' + body + '"}\n', encoding="utf-8")
    else:
        path.write_text(body, encoding="utf-8")
    warnings: list[str] = []
    [document] = list(screen(read_file(path, warn=warnings.append), warnings.append))
    assert document.text.strip() == body.strip() and warnings == []


def test_screen_skips_other_languages_and_oversized_texts() -> None:
    from kg.model import Document
    from kg.screen import screen

    english = Document("en", "Russia called on Syria on Monday to accept the demands of the "
                       "Red Cross for a daily truce after talks with the head of the body in "
                       "Geneva, and the ministry said that it was ready to help.")
    french = Document("fr", "La Russie a appelé lundi la Syrie à accepter les demandes du "
                      "Comité international de la Croix-Rouge pour une trêve humanitaire "
                      "quotidienne de deux heures après des entretiens avec le chef de "
                      "l'organisation basée à Genève, selon un communiqué officiel.")
    huge = Document("big", "word " * 2_100_000)
    warnings: list[str] = []
    kept = list(screen([english, french, huge], warnings.append))
    assert [d.id for d in kept] == ["en"]
    assert warnings == ["fr: does not look like English text, skipped",
                        "big: 10,500,000 characters, more than the 10,000,000 kg reads in "
                        "one document, skipped"]
