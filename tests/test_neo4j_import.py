"""CSV files for neo4j-admin database import: headers, hostile text that survives the
round trip, and (with Neo4j) the same graph as kg load."""

from __future__ import annotations

import csv
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import HOSTILE, HOSTILE_DOC, hostile_ring, unavailable, write_output

from kg.cli import main
from kg.export.neo4j_import import (
    ACTOR_HEADER,
    ARRAY_DELIMITER,
    DOCUMENT_HEADER,
    EVENT_HEADER,
    MEMBERSHIP_HEADER,
    export_neo4j_import,
)
from kg.model import Actor, Document, DocumentResult, Event, Mention, Relation
from kg.store.neo4j import Connection, Neo4jStore

MINISTRY = Actor(id="RUSGOV", name="Russian government", type="state", country="RUS",
                 sector="GOV")
MINISTER = Actor(id="person:x", name='Sergei "the, minister"', type="person",
                 sector="GOV", member_of=MINISTRY)


def _results() -> list[DocumentResult]:
    events = hostile_ring(varied=True)
    events.append(Event(doc_id=HOSTILE_DOC, sentence="Minister, \"X\" met X0.",
                        sentence_start=9, sentence_end=30,
                        source=Mention("he", 0, 2, MINISTER),
                        target=Mention("X0", 3, 5, events[0].source.actor),
                        relation=Relation("MEETS", "040", 1.0), modality="hedged"))
    first = DocumentResult(Document(id=HOSTILE_DOC, text="...", title=HOSTILE[-1],
                                    source='Outlet, "Quoted"', url="https://example.org/a?b,c",
                                    meta=(("label", HOSTILE[1]), ("fake news", "1"))),
                           1, tuple(events), ())
    # The same document again (a re-read input): kg load would MERGE it away.
    return [first, first]


def _output(folder: Path) -> Path:
    return write_output(folder, *_results())


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def test_csv_files_hold_every_event_verbatim(tmp_path: Path) -> None:
    files = export_neo4j_import(_output(tmp_path / "out"), tmp_path / "csv")
    events = list(_results()[0].events)
    # the hostile ring's actors, the minister and his government; its events and his
    assert (files.actors, files.documents, files.events, files.memberships) == \
        (len(HOSTILE) + 2, 1, len(HOSTILE) + 1, 1)
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == \
        ["actors.csv", "documents.csv", "events.csv", "memberships.csv"]

    header, rows = _rows(tmp_path / "csv" / "events.csv")
    assert header == EVENT_HEADER
    assert "negated:boolean" in header and "goldstein:float" in header
    assert "confidence:float" in header and header[:3] == [
        ":START_ID(Actor)", ":END_ID(Actor)", ":TYPE"]
    assert len(rows) == len(events)
    for row, event in zip(rows, events, strict=True):
        assert row[":START_ID(Actor)"] == event.source.actor.id
        assert row[":END_ID(Actor)"] == event.target.actor.id
        assert row[":TYPE"] == event.relation.label
        assert row["id"] == event.id and row["sentence"] == event.sentence
        assert row["source_text"] == event.source.text
        assert row["target_text"] == event.target.text
        assert row["negated:boolean"] == ("true" if event.negated else "false")
        assert float(row["goldstein:float"]) == event.relation.goldstein
        assert float(row["confidence:float"]) == event.confidence
        assert int(row["sentence_start:int"]) == event.sentence_start
        assert row["cameo"] == event.relation.cameo and row["root"] == event.relation.root
        assert row["date"] == _text(event.date) and row["modality"] == event.modality

    header, rows = _rows(tmp_path / "csv" / "actors.csv")
    assert header == ACTOR_HEADER
    actors = {row["id:ID(Actor)"]: row for row in rows}
    assert sorted(actors) == ["RUSGOV", *(f"X{i}" for i in range(len(HOSTILE))), "person:x"]
    assert [actors[f"X{i}"]["name"] for i in range(len(HOSTILE))] == HOSTILE
    assert actors["X2"]["forms:string[]"].split(ARRAY_DELIMITER) == [HOSTILE[2]]
    assert actors["X0"][":LABEL"].split(ARRAY_DELIMITER) == ["Actor", "Group"]
    assert actors["RUSGOV"][":LABEL"].split(ARRAY_DELIMITER) == ["Actor", "State"]
    assert actors["RUSGOV"]["country"] == "RUS" and actors["RUSGOV"]["forms:string[]"] == ""
    assert actors["person:x"][":LABEL"].split(ARRAY_DELIMITER) == ["Actor", "Person"]
    assert actors["person:x"]["name"] == MINISTER.name
    # "he" is how the text referred to him, not one of his names.
    assert actors["person:x"]["forms:string[]"] == ""

    header, rows = _rows(tmp_path / "csv" / "memberships.csv")
    assert header == MEMBERSHIP_HEADER
    assert rows == [{":START_ID(Actor)": "person:x", ":END_ID(Actor)": "RUSGOV",
                     ":TYPE": "MEMBER_OF", "role": "GOV"}]

    header, rows = _rows(tmp_path / "csv" / "documents.csv")
    # The fields kept with --meta-field are columns of their own.
    assert header == DOCUMENT_HEADER[:-1] + ["label", "fake news", ":LABEL"]
    assert rows == [{"id:ID(Document)": HOSTILE_DOC, "title": HOSTILE[-1], "date": "",
                     "source": 'Outlet, "Quoted"', "path": "",
                     "url": "https://example.org/a?b,c", "label": HOSTILE[1],
                     "fake news": "1", ":LABEL": "Document"}]


def test_cli_prints_the_import_command(tmp_path: Path) -> None:
    folder = _output(tmp_path / "my out")
    result = CliRunner().invoke(main, ["export", "neo4j-import", str(folder)])
    assert result.exit_code == 0, result.stderr
    target = folder / "neo4j-import"
    assert result.stdout.splitlines()[0] == (
        f"kg: wrote {target}/ ({len(HOSTILE) + 2} actors, 1 documents, "
        f"{len(HOSTILE) + 1} events, 1 memberships)")
    assert (f"  neo4j-admin database import full '--nodes={target}/actors.csv' "
            f"'--nodes={target}/documents.csv' '--relationships={target}/events.csv' "
            f"'--relationships={target}/memberships.csv' --multiline-fields=true "
            "--array-delimiter=U+001F neo4j\n") in result.stdout
    assert not [p for p in target.iterdir() if p.name.endswith(".tmp")]


def test_a_folder_without_events_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "neo4j-import", str(tmp_path),
                                       "-o", str(tmp_path / "csv")])
    assert result.exit_code == 1
    assert result.stderr == (f"kg: error: {tmp_path / 'events.jsonl'}: no such file; "
                             "run kg build or kg extract first\n")
    assert not (tmp_path / "csv").exists()


# -- the real import tool -------------------------------------------------------------

def _graph(connection: Connection) -> tuple[list[Any], list[Any]]:
    """Every node and relationship with its properties, comparable across databases."""
    with Neo4jStore.connect(connection) as store:
        nodes = store._run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS p")
        relationships = store._run(
            "MATCH (s)-[r]->(t) RETURN s.id AS s, type(r) AS type, t.id AS t, "
            "properties(r) AS p")
    for row in nodes + relationships:
        # What the import cannot say: an empty list or string is the same as no value.
        row["p"] = {key: value for key, value in row["p"].items()
                    if value not in ("", []) and key != "loaded_at"}
        if "labels" in row:
            row["labels"] = sorted(row["labels"])
    return nodes, relationships


@pytest.mark.neo4j
def test_neo4j_admin_import_gives_the_graph_of_kg_load(
        tmp_path: Path, neo4j: Connection, seed_result: DocumentResult) -> None:
    home = os.environ.get("KG_NEO4J_HOME")
    if not home:
        unavailable("KG_NEO4J_HOME is not set; scripts/test sets it")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from neo4j_server import Neo4jServer

    folder = write_output(tmp_path / "out", *_results(), seed_result)
    files = export_neo4j_import(folder)
    with Neo4jStore.connect(neo4j) as store:
        store.load_folder(folder)
    loaded = _graph(neo4j)

    # A server of its own, so the shared one keeps its data; the import has to run
    # before its first start, which creates the database.
    server = Neo4jServer(Path(home))
    try:
        server._prepare()
        command = shlex.split(files.command())
        assert command[:4] == ["neo4j-admin", "database", "import", "full"]
        env = {**os.environ, "NEO4J_HOME": str(server.home),
               "NEO4J_CONF": str(server.run_dir / "conf")}
        done = subprocess.run(
            [server.java, "-Xmx512m", "-cp", f"{server.home / 'lib'}/*",
             "org.neo4j.cli.AdminTool", *command[1:]],
            env=env, cwd=server.run_dir, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, check=False)
        assert done.returncode == 0, done.stdout[-3000:]
        assert "IMPORT DONE" in done.stdout and "bad entries" not in done.stdout.lower()
        server.start()
        server.wait_ready()
        user, password = server.auth
        imported = _graph(Connection(uri=server.bolt_uri, user=user, password=password))
    finally:
        server.cleanup()
    for mine, theirs in zip(imported, loaded, strict=True):
        # Listed both ways, so that a failure shows exactly which rows differ.
        assert [x for x in mine if x not in theirs] == [x for x in theirs if x not in mine]
        assert len(mine) == len(theirs)
    assert len(loaded[0]) == files.actors + files.documents
    assert len(loaded[1]) == files.events + files.memberships
