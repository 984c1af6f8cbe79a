"""kg export table: one row per event, ICEWS' columns first, as CSV or Parquet."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT
from test_html import LAVROV, RUSSIA, SYRIA, URGES, event

from kg.cli import main
from kg.export.table import COLUMNS, NAMES
from kg.model import Actor, Document, Relation
from kg.output import DOCUMENTS, EVENTS

UN = Actor("UN", "United Nations", "igo")
CRITICIZES = Relation("CRITICIZES", "111", -2.0)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    events = [event(LAVROV, URGES, SYRIA, doc="a", date="2016-05-01"),
              event(RUSSIA, CRITICIZES, UN, doc="b", date=None, negated=True,
                    tail=', "a comma", and\nnewline.')]
    (folder / EVENTS).write_text("".join(json.dumps(e.to_dict()) + "\n" for e in events),
                                 encoding="utf-8")
    documents = [Document("a", "", title="Talks", source="Levant Wire",
                          url="https://example.org/a", meta=(("label", "1"),
                                                              ("Publisher", "x"))),
                 Document("b", "")]
    (folder / DOCUMENTS).write_text("".join(json.dumps(d.to_dict(with_text=False)) + "\n"
                                            for d in documents), encoding="utf-8")
    return folder


def _csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def test_csv_rows_have_icews_columns_then_kgs(tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = CliRunner().invoke(main, ["export", "table", str(_folder(tmp_path)), "-o",
                                       str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"kg: wrote {out} (2 events, 36 columns)\n"
    header, (lavrov, russia) = _csv(out)
    assert header[:13] == ["Event ID", "Event Date", "Source Name", "Source Sectors",
                           "Source Country", "Event Text", "CAMEO Code", "Intensity",
                           "Target Name", "Target Sectors", "Target Country", "Story ID",
                           "Publisher"]
    # Fields kept with the documents come last; one named like a column is the story's.
    assert header == NAMES + ["label", "Story Publisher"]
    assert {key: lavrov[key] for key in ("Source Name", "Source Sectors", "Source Country",
                                         "Source Country Code", "Source ID", "Event Text",
                                         "CAMEO Code", "Intensity", "Target Country",
                                         "Publisher", "Story Title", "Story URL",
                                         "QuadClass", "Negated", "Event Date", "label",
                                         "Story Publisher")} == {
        "Source Name": "Sergei Lavrov", "Source Sectors": "government",
        "Source Country": "Russia", "Source Country Code": "RUS",
        "Source ID": "person:sergei-lavrov", "Event Text": "Appeal, not specified below",
        "CAMEO Code": "020", "Intensity": "3.0", "Target Country": "Syria",
        "Publisher": "Levant Wire", "Story Title": "Talks",
        "Story URL": "https://example.org/a", "QuadClass": "verbal cooperation",
        "Negated": "false", "Event Date": "2016-05-01", "label": "1", "Story Publisher": "x"}
    assert (russia["Negated"], russia["Event Date"], russia["Target Country"],
            russia["Target Type"], russia["label"]) == ("true", "", "", "igo", "")
    assert russia["Sentence"].endswith(', "a comma", and\nnewline.')


def test_csv_cells_a_spreadsheet_would_run_are_quoted(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    formula = Actor("=HYPERLINK(\"http://example.org\")", "=HYPERLINK(\"http://example.org\")",
                    "group")
    (folder / EVENTS).write_text(json.dumps(event(formula, URGES, SYRIA).to_dict()) + "\n",
                                 encoding="utf-8")
    out = tmp_path / "events.csv"
    result = CliRunner().invoke(main, ["export", "table", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    _, (row,) = _csv(out)
    # text read from an article never starts a formula when the CSV opens in a spreadsheet
    assert row["Source Name"] == "'=HYPERLINK(\"http://example.org\")"
    assert row["Sentence"].startswith("'=HYPERLINK(")
    assert row["Intensity"] == "3.0"


def test_parquet_holds_the_same_rows_typed(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    folder = _folder(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["export", "table", str(folder), "-o",
                                str(tmp_path / "t.csv")]).exit_code == 0
    result = runner.invoke(main, ["export", "table", str(folder), "-o",
                                  str(tmp_path / "t.parquet")])
    assert result.exit_code == 0, result.output
    table = pq.read_table(tmp_path / "t.parquet")
    kinds = dict(COLUMNS)
    assert table.column_names == NAMES + ["label", "Story Publisher"]
    assert str(table.schema.field("Event Date").type) == "date32[day]"
    assert str(table.schema.field("Negated").type) == "bool"
    assert str(table.schema.field("Intensity").type) == "double"
    assert str(table.schema.field("Sentence Start").type) == "int64"
    _, rows = _csv(tmp_path / "t.csv")
    for row, record in zip(rows, table.to_pylist(), strict=True):
        for column, value in record.items():
            kind = kinds.get(column, "string")
            text = "" if value is None else "true" if value is True else \
                "false" if value is False else str(value)
            assert row[column] == text, (column, kind)
    assert table.column("Event Date").to_pylist() == [date(2016, 5, 1), None]


def test_parquet_without_pyarrow_names_the_extra(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if it were not installed
    out = tmp_path / "t.parquet"
    result = CliRunner().invoke(main, ["export", "table", str(_folder(tmp_path)), "-o",
                                       str(out)])
    assert (result.exit_code, result.stderr) == (
        1, "kg: error: writing Parquet needs the 'pyarrow' package: "
           "pip install 'kg[parquet]'\n")
    assert not out.exists()


def test_other_suffixes_and_missing_events_are_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(main, ["export", "table", str(_folder(tmp_path)), "-o",
                               str(tmp_path / "t.xlsx")])
    assert (bad.exit_code, bad.stderr) == (
        1, f"kg: error: {tmp_path / 't.xlsx'}: the table is written as .csv or .parquet; "
           "name the file with one of these\n")
    empty = runner.invoke(main, ["export", "table", str(tmp_path), "-o",
                                 str(tmp_path / "t.csv")])
    assert (empty.exit_code, empty.stderr) == (
        1, f"kg: error: {tmp_path / EVENTS}: no such file; run kg build or kg extract "
           "first\n")
    assert runner.invoke(main, ["export", "table", str(tmp_path)]).exit_code == 2


def test_readme_documents_every_column() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [name for name in NAMES if f"| `{name}` |" not in readme] == []
