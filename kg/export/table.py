"""One row per event, with the columns event-data users already script against.

The first columns are those of ICEWS' event files (Event ID, Event Date, Source Name ...
Publisher), so that pandas and R code written for ICEWS reads kg's events too; kg's own
columns follow, then the fields kept with the documents (--meta-field). Written as CSV,
or as Parquet with pyarrow (``pip install 'kg[parquet]'``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kg.datafiles import builtin_path, read_rows
from kg.errors import InputError, KgError
from kg.lock import output_lock
from kg.model import Actor, Document, Event
from kg.output import DOCUMENTS, EVENTS, atomic_writer, read_events, read_jsonl, write_bytes

FORMATS = (".csv", ".parquet")
PARQUET_MISSING = "writing Parquet needs the 'pyarrow' package: pip install 'kg[parquet]'"

# (column, Parquet type) in file order; README.md documents each.
COLUMNS: list[tuple[str, str]] = [
    ("Event ID", "string"), ("Event Date", "date"), ("Source Name", "string"),
    ("Source Sectors", "string"), ("Source Country", "string"), ("Event Text", "string"),
    ("CAMEO Code", "string"), ("Intensity", "float"), ("Target Name", "string"),
    ("Target Sectors", "string"), ("Target Country", "string"), ("Story ID", "string"),
    ("Publisher", "string"),
    # kg's own
    ("QuadClass", "string"), ("Negated", "bool"), ("Modality", "string"),
    ("Confidence", "float"), ("Sentence", "string"), ("Relation", "string"),
    ("Root Code", "string"), ("Source ID", "string"), ("Source Type", "string"),
    ("Source Country Code", "string"), ("Source Text", "string"), ("Target ID", "string"),
    ("Target Type", "string"), ("Target Country Code", "string"), ("Target Text", "string"),
    ("Sentence Start", "int"), ("Sentence End", "int"), ("Story Title", "string"),
    ("Story URL", "string"), ("Extractor", "string"), ("Sentence Key", "string"),
]
NAMES = [name for name, _ in COLUMNS]


@dataclass(frozen=True)
class TableStats:
    path: Path
    rows: int
    columns: int


class _Names:
    """What the codes in an event stand for: CAMEO codes, sectors, countries."""

    def __init__(self) -> None:
        self.cameo = {row["code"]: row["name"] for _, row in
                      read_rows(builtin_path("cameo.csv"), ("code", "name"))}
        self.sectors = {row["sector"]: row["name"] for _, row in
                        read_rows(builtin_path("sector_names.csv"), ("sector", "name"))}
        self.countries = _country_names()

    def sectors_of(self, actor: Actor) -> str | None:
        """A person's sector is their role, else that of what they are a member of."""
        sector = actor.sector or (actor.member_of.sector if actor.member_of else None)
        return self.sectors.get(sector, sector) if sector else None

    def country(self, code: str | None) -> str | None:
        return self.countries.get(code, code) if code else None


def _country_names() -> dict[str, str]:
    from countryinfo import all_countries

    names: dict[str, str] = {}
    for country in all_countries():
        info = country.info()
        iso3, name = (info.get("ISO") or {}).get("alpha3"), info.get("name")
        if iso3 and name:
            names.setdefault(iso3, name)  # the sovereign state comes first (GBR, Wales)
    return names


def rows(events: Iterable[Event], documents: Mapping[str, Document],
         kept: list[str]) -> Iterator[dict[str, Any]]:
    """Each event as a row of COLUMNS, then the documents' ``kept`` fields."""
    names = _Names()
    for event in events:
        document = documents.get(event.doc_id)
        source, target = event.source.actor, event.target.actor
        row: dict[str, Any] = dict(zip(NAMES, [
            event.id, event.date, source.name, names.sectors_of(source),
            names.country(source.state_country), names.cameo.get(event.relation.cameo),
            event.relation.cameo, event.relation.goldstein, target.name,
            names.sectors_of(target), names.country(target.state_country), event.doc_id,
            document.source if document else None,
            event.relation.quad, event.negated, event.modality, event.confidence,
            event.sentence, event.relation.label, event.relation.root, source.id,
            source.type, source.state_country, event.source.text, target.id, target.type,
            target.state_country, event.target.text, event.sentence_start,
            event.sentence_end, document.title if document else None,
            document.url if document else None, event.extractor, event.sentence_key],
            strict=True))
        meta = dict(document.meta) if document else {}
        for name in kept:
            row[_kept_column(name)] = meta.get(name)
        yield row


def _kept_column(name: str) -> str:
    # A kept field named like one of the columns is told apart as the story's.
    return f"Story {name}" if name in NAMES else name


def export_table(folder: Path, out: Path) -> TableStats:
    """``kg export table``: FOLDER's events as ``out`` (.csv or .parquet)."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"{out}: the table is written as .csv or .parquet; name the file "
                         "with one of these")
    if suffix == ".parquet":
        _require_pyarrow()
    with output_lock(folder, shared=True):  # events and documents of one run
        events = list(read_events(folder))
        documents = _documents(folder / DOCUMENTS)
    kept = list(dict.fromkeys(name for document in documents.values()
                              for name, _ in document.meta))
    table = list(rows(events, documents, kept))
    columns = NAMES + [_kept_column(name) for name in kept]
    if suffix == ".csv":
        _write_csv(out, columns, table)
    else:
        try:
            data = _parquet(columns, table)
        except InputError as error:
            raise InputError(f"{folder / EVENTS}: {error}") from None
        write_bytes(out, data)
    return TableStats(out, len(table), len(columns))


def _documents(path: Path) -> dict[str, Document]:
    documents: dict[str, Document] = {}
    if not path.exists():
        return documents
    for number, record in enumerate(read_jsonl(path), start=1):
        try:
            document = Document.from_dict(record)
        except (KeyError, TypeError, AttributeError) as error:
            raise InputError(f"{path}:{number}: not a kg document ({error})") from error
        documents.setdefault(document.id, document)
    return documents


def _write_csv(path: Path, columns: list[str], table: list[dict[str, Any]]) -> None:
    with atomic_writer(path) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in table:
            writer.writerow([_csv_value(row[column]) for column in columns])


# A cell a spreadsheet would read as a formula: a sentence or a name from an article
# that begins with one of these could run when an analyst opens the CSV.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(value: Any) -> Any:
    # pandas and R read true/false as booleans; Python would write True/False.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise KgError(PARQUET_MISSING) from None


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise InputError(f"event date {value!r} is not a YYYY-MM-DD date") from None


def _parquet(columns: list[str], table: list[dict[str, Any]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "date": pa.date32(), "float": pa.float64(),
             "bool": pa.bool_(), "int": pa.int64()}
    kinds = dict(COLUMNS)
    arrays = []
    for column in columns:
        kind = kinds.get(column, "string")
        values = [row[column] for row in table]
        if kind == "date":
            values = [_date(value) for value in values]
        arrays.append(pa.array(values, type=types[kind]))
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_arrays(arrays, names=columns), buffer)
    return buffer.getvalue()
