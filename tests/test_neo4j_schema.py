"""Neo4j's schema after a crash, and the foreground server script's way out.

A uniqueness constraint's index is created and committed before the constraint itself,
so a server killed while kg creates its schema keeps indexes that no constraint owns,
under the constraints' names. Schema creation must converge from any such state.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import ROOT, unavailable, write_output

from kg.cli import main
from kg.errors import StoreError
from kg.lexicon import Lexicon
from kg.model import Actor, Document, DocumentResult, Event, Mention, Relation
from kg.store.neo4j import Connection, Neo4jStore

pytestmark = pytest.mark.neo4j

RELATIONS = [Relation("URGES", "020", 3.0), Relation("ABDUCTS", "181", -9.0),
             Relation("ACCUSES", "112", -2.0), Relation("MEETS", "040", 1.0)]


def _folder(folder: Path) -> dict[str, str]:
    """An output folder with events of several relation types; returns their ids and
    relation labels."""
    actors = [Actor(f"A{i}", f"Actor {i}", "state") for i in range(6)]
    events = [Event(doc_id=f"d{i % 3}", sentence=f"sentence {i}", sentence_start=i,
                    sentence_end=i + 1, source=Mention("a", 0, 1, actors[i % 6]),
                    target=Mention("b", 0, 1, actors[(i + 1) % 6]),
                    relation=RELATIONS[i % len(RELATIONS)]) for i in range(40)]
    write_output(folder, *(DocumentResult(Document(doc_id, "x"), 1,
                                          tuple(e for e in events if e.doc_id == doc_id), ())
                           for doc_id in ("d0", "d1", "d2")))
    return {event.id: event.relation.label for event in events}


def _empty_schema(store: Neo4jStore) -> None:
    for row in store._run("SHOW CONSTRAINTS YIELD name RETURN name"):
        store._run(f"DROP CONSTRAINT {row['name']}")
    for row in store._run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' "
                          "RETURN name"):
        store._run(f"DROP INDEX {row['name']}")


def _orphans(store: Neo4jStore) -> list[str]:
    return [row["name"] for row in store._run(
        "SHOW INDEXES YIELD name, owningConstraint WHERE owningConstraint IS NULL "
        "AND (name STARTS WITH 'event_id_' OR name IN ['actor_id', 'document_id']) "
        "RETURN name ORDER BY name")]


def _constraints(store: Neo4jStore) -> set[str]:
    return {row["name"] for row in store._run("SHOW CONSTRAINTS YIELD name RETURN name")}


def _expected_constraints() -> set[str]:
    return {"actor_id", "document_id"} | {f"event_id_{label.lower()}"
                                          for label in Lexicon.load().labels}


def _kg(connection: Connection, *args: str) -> Any:
    return CliRunner().invoke(main, [*args, "--neo4j", connection.uri],
                              env={"NEO4J_PASSWORD": str(connection.password),
                                   "NEO4J_USER": connection.user})


def _loaded_events(store: Neo4jStore) -> list[str]:
    return [row["id"] for row in store._run(
        "MATCH ()-[r]->() WHERE r.id IS NOT NULL RETURN r.id AS id")]


def test_indexes_left_without_their_constraints_are_replaced(neo4j: Connection,
                                                             tmp_path: Path) -> None:
    expected = _folder(tmp_path / "out")
    with Neo4jStore.connect(neo4j) as store:
        _empty_schema(store)
        # What a kill between an index and its constraint leaves: the index alone, under
        # the constraint's name; beside it one constraint that was completed.
        store._run("CREATE INDEX event_id_abducts FOR ()-[r:ABDUCTS]-() ON (r.id)")
        store._run("CREATE INDEX actor_id FOR (a:Actor) ON (a.id)")
        store._run("CREATE CONSTRAINT event_id_urges FOR ()-[r:URGES]-() REQUIRE r.id IS UNIQUE")
        assert _orphans(store) == ["actor_id", "event_id_abducts"]

    done = _kg(neo4j, "init-db")
    assert done.exit_code == 0, done.output
    loaded = _kg(neo4j, "load", str(tmp_path / "out"))
    assert loaded.exit_code == 0, loaded.output
    with Neo4jStore.connect(neo4j) as store:
        assert _orphans(store) == []
        assert _constraints(store) >= _expected_constraints()
        assert sorted(_loaded_events(store)) == sorted(expected)
        # The constraint is real: a second event with a loaded id is refused.
        abducts = next(event for event, label in expected.items() if label == "ABDUCTS")
        with pytest.raises(StoreError, match="already exists"):
            store._run("MATCH (a:Actor {id: 'A0'}) CREATE (a)-[:ABDUCTS {id: $id}]->(a)",
                       id=abducts)


def _wait_for_schema_creation(store: Neo4jStore, process: subprocess.Popen[str]) -> None:
    """Until the first of the events' constraint indexes exists: schema creation runs."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        if store._run("SHOW INDEXES YIELD name WHERE name STARTS WITH 'event_id_' "
                      "RETURN name LIMIT 1"):
            return
        time.sleep(0.005)
    raise AssertionError("kg never started creating the schema")


def test_a_load_converges_after_the_server_was_killed_creating_the_schema(
        neo4j: Connection, neo4j_server: Any, tmp_path: Path) -> None:
    expected = _folder(tmp_path / "out")
    env = {**os.environ, "NEO4J_PASSWORD": str(neo4j.password), "NEO4J_USER": neo4j.user}
    orphans: list[str] = []
    # A kill lands after the first index and before the last constraint almost always;
    # where it lands after all of them, the state is complete and the test kills again.
    for _ in range(3):
        with Neo4jStore.connect(neo4j) as store:
            _empty_schema(store)
            load = subprocess.Popen(
                [sys.executable, "-m", "kg", "load", str(tmp_path / "out"), "--neo4j",
                 neo4j.uri], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, text=True)
            try:
                _wait_for_schema_creation(store, load)
                neo4j_server.kill()
            finally:
                load.communicate(timeout=120)
        neo4j_server.start()
        neo4j_server.wait_ready()
        with Neo4jStore.connect(neo4j) as store:
            orphans = _orphans(store)
        if orphans:
            break
    assert orphans, "three kills left no index without its constraint"

    for command in (["load", str(tmp_path / "out")], ["init-db"]):
        again = _kg(neo4j, *command)
        assert again.exit_code == 0, again.output
    with Neo4jStore.connect(neo4j) as store:
        assert _orphans(store) == []
        assert _constraints(store) >= _expected_constraints()
        assert sorted(_loaded_events(store)) == sorted(expected)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "zombie" in status.read_text())


@pytest.mark.parametrize("how", ["SIGTERM"])
def test_the_server_script_stops_neo4j_when_it_is_terminated(how: str) -> None:
    home = os.environ.get("KG_NEO4J_HOME")
    if not home:
        unavailable("KG_NEO4J_HOME is not set; scripts/test sets it")
    script = subprocess.Popen([sys.executable, str(ROOT / "tests" / "neo4j_server.py"),
                               "--home", str(home)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    assert script.stdout is not None
    printed = ""
    pid, run_dir = 0, Path()
    try:
        for line in script.stdout:
            printed += line
            if line.startswith("Ctrl-C to stop"):
                break
        found = re.search(r"\(pid (\d+)\)", printed)
        folder = re.search(r"run dir:\s+(\S+)", printed)
        assert found and folder, printed
        pid, run_dir = int(found[1]), Path(folder[1])
        assert _alive(pid) and run_dir.is_dir()
        script.send_signal(getattr(signal, how))
        assert script.wait(timeout=120) == 0
        deadline = time.monotonic() + 30
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(pid), "Neo4j outlived the script"
        assert not run_dir.exists(), "the server's folder was left behind"
    finally:
        script.kill()
        script.communicate()
        if pid and _alive(pid):  # what the script should have stopped
            os.kill(pid, signal.SIGKILL)
        if run_dir.parts and run_dir.name.startswith("kg-neo4j-"):
            subprocess.run(["rm", "-rf", str(run_dir)], check=False)


def test_only_kg_s_own_names_reach_a_drop_index() -> None:
    from kg.store import queries

    assert queries.schema_name(queries.event_constraint("ABDUCTS")) == "event_id_abducts"
    assert [queries.schema_name(statement) for statement in queries.SCHEMA] == [
        "actor_id", "document_id", "actor_name", "actor_country", "document_date"]
    assert queries.drop_index("event_id_abducts") == "DROP INDEX event_id_abducts IF EXISTS"
    for bad in ("x`; MATCH (n) DETACH DELETE n //", "Event_Id", ""):
        with pytest.raises(ValueError):
            queries.drop_index(bad)
    with pytest.raises(ValueError):
        queries.schema_name("MATCH (n) RETURN n")
