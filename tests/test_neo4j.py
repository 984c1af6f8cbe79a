"""Loading into a real Neo4j server, the Cypher library, and every failure an analyst meets."""

from __future__ import annotations

import ast
import json
import re
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import HOSTILE, HOSTILE_DOC, hostile_ring, write_output

from kg.cli import main
from kg.errors import StoreError
from kg.model import Actor, Document, DocumentResult, Event, Mention, Relation
from kg.store import queries
from kg.store.neo4j import Connection, Neo4jStore

pytestmark = pytest.mark.neo4j
CYPHER = Path(__file__).resolve().parent.parent / "cypher"


@pytest.fixture
def seed_out(tmp_path: Path, seed_result: DocumentResult) -> Path:
    return write_output(tmp_path / "seed-out", seed_result)


def _store(connection: Connection) -> Neo4jStore:
    return Neo4jStore.connect(connection)


def test_loading_the_seed_twice_gives_identical_counts(neo4j: Connection, seed_out: Path) -> None:
    with _store(neo4j) as store:
        first = store.load_folder(seed_out)
        counts = store.counts()
        second = store.load_folder(seed_out)
        assert store.counts() == counts
    assert first.events.created == first.events.rows > 0
    assert second.events.created == 0 and second.events.existing == first.events.rows
    assert second.actors.created == 0 and second.documents.created == 0


def test_graph_shape(neo4j: Connection, seed_out: Path) -> None:
    with _store(neo4j) as store:
        store.load_folder(seed_out)
        rows = store._run("MATCH (s:Actor {id: 'RUS'})-[r:URGES]->(t:Actor {id: 'SYR'}) "
                          "RETURN labels(s) AS labels, r.cameo AS cameo, r.root AS root, "
                          "r.doc_id AS doc, r.negated AS negated")
        assert rows and rows[0]["root"] == "02" and "State" in rows[0]["labels"]
        assert rows[0]["doc"] == "000_691ff97bae76b2d3"
        people = store._run("MATCH (p:Person)-[:MEMBER_OF]->(b:Actor) "
                            "WHERE p.name ENDS WITH 'Lavrov' RETURN b.country AS country")
        assert [row["country"] for row in people] == ["RUS"]
        forms = store._run("MATCH (a:Actor {id: 'RUS'}) RETURN a.forms AS forms")[0]["forms"]
        written = {record["id"]: record["forms"] for record in map(
            json.loads, (seed_out / "actors.jsonl").read_text(encoding="utf-8").splitlines())}
        assert "Russia" in forms and sorted(forms) == sorted(written["RUS"])
        names = {row["name"] for row in store._run(
            "SHOW CONSTRAINTS YIELD name RETURN name")}
        assert {"actor_id", "document_id", "event_id_urges"} <= names


def _statements(path: Path) -> tuple[str, dict[str, object]]:
    """A Browser script's parameters (`:param name => value;`) and its one query."""
    parameters: dict[str, object] = {}
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        param = re.match(r"^:param\s+(\w+)\s*=>\s*(.+?);?\s*$", line)
        if param:
            value = param.group(2).strip()
            parameters[param.group(1)] = None if value == "null" else ast.literal_eval(value)
        elif not line.lstrip().startswith("//"):
            lines.append(line)
    return "\n".join(lines).strip().rstrip(";"), parameters


def _run_file(store: Neo4jStore, name: str, **overrides: object) -> list[dict[str, object]]:
    query, parameters = _statements(CYPHER / name)
    return store._run(query, **(parameters | overrides))


def test_goldstein_sums_are_rounded() -> None:
    # Floating-point sums print as 33.99999999999999 in Browser.
    for path in CYPHER.glob("*.cypher"):
        text = path.read_text(encoding="utf-8")
        assert text.count("sum(r.goldstein)") == text.count("round(sum(r.goldstein), 1)"), \
            path.name
        # Sums over distinct sentences (copies counted once) are reduced lists.
        assert text.count("reduce(total") == text.count("round(reduce(total"), path.name


def test_every_cypher_file_is_covered() -> None:
    names = {path.name for path in CYPHER.glob("*.cypher")} - {"schema.cypher"}
    assert len(names) >= 8
    assert names == set(EXPECTATIONS)


def test_schema_file_matches_what_kg_creates() -> None:
    text = (CYPHER / "schema.cypher").read_text(encoding="utf-8")
    statements = [s.strip() for s in re.sub(r"//.*", "", text).split(";") if s.strip()]
    assert statements == queries.SCHEMA


def _overview(rows: list[dict[str, object]]) -> None:
    ids = {row["id"] for row in rows}
    assert {"RUS", "SYR"} <= ids


def _urges(rows: list[dict[str, object]]) -> None:
    assert any(row["source"] == "Russia" and row["relation"] == "URGES"
               and row["target"] == "Syria" for row in rows)


def _actor(rows: list[dict[str, object]]) -> None:
    assert any(row["direction"] == "outgoing" and row["relation"] == "URGES"
               and row["other"] == "Syria" for row in rows)


def _timeline(rows: list[dict[str, object]]) -> None:
    assert any(row["relation"] == "URGES" and str(row["sentence"]).startswith(
        "Russia called on Syria") for row in rows)
    assert any(row["negated"] for row in rows)


def _balance(rows: list[dict[str, object]]) -> None:
    russia_syria = [row for row in rows if row["source"] == "Russia"
                    and row["target"] == "Syria"]
    assert russia_syria and int(str(russia_syria[0]["verbal_cooperation"])) >= 1


def _criticized(rows: list[dict[str, object]]) -> None:
    assert rows and all(int(str(row["events"])) >= 1 for row in rows)
    assert any("Syria" in str(row["target"]) or "Assad" in str(row["target"]) for row in rows)


def _people(rows: list[dict[str, object]]) -> None:
    assert any(str(row["person"]).endswith("Lavrov") and "Russia" in str(row["speaks_for"])
               for row in rows)


def _evidence(rows: list[dict[str, object]]) -> None:
    # One edge, newest first (test_edge_evidence_picks_the_busiest_edge says which).
    assert len({(row["source"], row["relation"], row["target"]) for row in rows}) == 1
    dates = [str(row["date"] or "") for row in rows]
    assert dates == sorted(dates, reverse=True)


def test_edge_evidence_picks_the_busiest_edge(neo4j: Connection, seed_out: Path) -> None:
    with _store(neo4j) as store:
        store.load_folder(seed_out)
        busiest = _run_file(store, "08_edge_evidence.cypher")
        chosen = _run_file(store, "08_edge_evidence.cypher", source="RUS", relation="URGES",
                           target="SYR")
        none = _run_file(store, "08_edge_evidence.cypher", source="NOBODY")
    # With its parameters left null, the query shows the edge with the most events.
    edges = Counter((event["source"]["name"], event["relation"], event["target"]["name"])
                    for event in map(json.loads, (seed_out / "events.jsonl").read_text(
                        encoding="utf-8").splitlines()))
    (shown,) = {(row["source"], row["relation"], row["target"]) for row in busiest}
    assert edges[shown] == max(edges.values()) == len(busiest)
    assert str(chosen[0]["sentence"]).startswith("Russia called on Syria Monday")
    assert chosen[0]["document"] == "000_691ff97bae76b2d3"
    assert {(row["source"], row["relation"], row["target"]) for row in chosen} == \
        {("Russia", "URGES", "Syria")}
    assert none == []


def _new(rows: list[dict[str, object]]) -> None:
    assert any(row["relation"] == "URGES" for row in rows)


def _states(rows: list[dict[str, object]]) -> None:
    assert any(row["source"] == "RUS" and row["target"] == "SYR" for row in rows)


EXPECTATIONS = {
    "01_overview.cypher": _overview,
    "02_who_urges_whom.cypher": _urges,
    "03_actor_relations.cypher": _actor,
    "04_dyad_timeline.cypher": _timeline,
    "05_cooperation_conflict_balance.cypher": _balance,
    "06_most_criticized.cypher": _criticized,
    "07_people_and_institutions.cypher": _people,
    "08_edge_evidence.cypher": _evidence,
    "09_new_since.cypher": _new,
    "10_states_rollup.cypher": _states,
}


@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_cypher_file_runs_and_finds_the_seed(name: str, neo4j: Connection,
                                             seed_out: Path) -> None:
    with _store(neo4j) as store:
        store.load_folder(seed_out)
        rows = _run_file(store, name)
    assert rows, f"{name} returned nothing"
    EXPECTATIONS[name](rows)


# -- failures -------------------------------------------------------------------------

def _cli_load(folder: Path, uri: str, env: dict[str, str]) -> object:
    return CliRunner().invoke(main, ["load", str(folder), "--neo4j", uri], env=env)


def test_unreachable_server(seed_out: Path) -> None:
    result = _cli_load(seed_out, "bolt://127.0.0.1:9", {"NEO4J_PASSWORD": "secret-pw-1"})
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert result.stderr == ("kg: error: bolt://127.0.0.1:9: cannot reach Neo4j "  # type: ignore[attr-defined]
                             "(is the server running?)\n")


def test_wrong_password_is_named_but_never_printed(neo4j: Connection, seed_out: Path) -> None:
    result = _cli_load(seed_out, neo4j.uri, {"NEO4J_PASSWORD": "not-the-password-42"})
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert result.stderr == (f"kg: error: {neo4j.uri}: Neo4j refused the credentials "  # type: ignore[attr-defined]
                             "of user 'neo4j'\n")
    assert "not-the-password-42" not in result.output  # type: ignore[attr-defined]
    with _store(neo4j) as store:
        assert store.counts() == (0, 0)


def test_unknown_database(neo4j: Connection, seed_out: Path) -> None:
    env = {"NEO4J_PASSWORD": str(neo4j.password), "NEO4J_DATABASE": "nosuchdb"}
    result = _cli_load(seed_out, neo4j.uri, env)
    assert result.exit_code == 1  # type: ignore[attr-defined]
    stderr = result.stderr  # type: ignore[attr-defined]
    assert stderr.startswith(f"kg: error: {neo4j.uri}: ") and "nosuchdb" in stderr
    assert stderr.count("\n") == 1


def test_credentials_in_the_uri_are_not_echoed() -> None:
    connection = Connection(uri="neo4j://alice:s3cret@db.example:7687")
    assert connection.safe_uri == "neo4j://db.example:7687"


def _hostile_result() -> DocumentResult:
    return DocumentResult(Document(id=HOSTILE_DOC, text=" ".join(HOSTILE), title=HOSTILE[0]),
                          1, tuple(hostile_ring()), ())


def test_hostile_text_is_stored_verbatim(neo4j: Connection, tmp_path: Path) -> None:
    folder = write_output(tmp_path / "hostile", _hostile_result())
    with _store(neo4j) as store:
        store.load_folder(folder)
        store.load_folder(folder)
        assert store.counts() == (len(HOSTILE) + 1, len(HOSTILE))
        names = sorted(row["name"] for row in
                       store._run("MATCH (a:Actor) RETURN a.name AS name"))
        sentences = sorted(row["s"] for row in
                           store._run("MATCH ()-[r]->() RETURN r.sentence AS s"))
        title = store._run("MATCH (d:Document) RETURN d.title AS t, d.id AS id")
    assert names == sorted(HOSTILE) and sentences == sorted(HOSTILE)
    assert title == [{"t": HOSTILE[0], "id": HOSTILE_DOC}]


def _bulk_result(count: int) -> DocumentResult:
    actors = [Actor(id=f"A{i}", name=f"Actor {i}", type="state", country=None)
              for i in range(200)]
    relations = [Relation("URGES", "020", 3.0), Relation("ACCUSES", "112", -2.0)]
    events = tuple(
        Event(doc_id="bulk", sentence=f"sentence {i}", sentence_start=i, sentence_end=i + 1,
              source=Mention("a", 0, 1, actors[i % 200]),
              target=Mention("b", 0, 1, actors[(i * 7 + 1) % 200]),
              relation=relations[i % 2])
        for i in range(count))
    return DocumentResult(Document(id="bulk", text="bulk"), count, events, ())


def test_server_killed_mid_load_then_rerun_converges(neo4j_server: object, neo4j: Connection,
                                                     tmp_path: Path) -> None:
    folder = write_output(tmp_path / "bulk", _bulk_result(20000))
    with Neo4jStore.connect(neo4j, batch_size=500) as store:
        store.load_folder(folder)
        clean = store.counts()
        store.wipe()
    def kill_once_writing() -> None:
        with Neo4jStore.connect(neo4j) as watcher:
            deadline = time.monotonic() + 120
            while watcher.counts()[1] < 2000 and time.monotonic() < deadline:
                time.sleep(0.05)
        neo4j_server.kill()  # type: ignore[attr-defined]

    killer = threading.Thread(target=kill_once_writing)
    failed = False
    store = Neo4jStore.connect(neo4j, batch_size=500)
    killer.start()
    try:
        store.load_folder(folder)
    except StoreError as error:
        failed = True
        assert "re-run the same command" in str(error) and "\n" not in str(error)
    finally:
        killer.join()
        store.close()
    assert failed, "the load finished before the server was killed; make it bigger"
    neo4j_server.restart()  # type: ignore[attr-defined]
    deadline = time.monotonic() + 60
    while True:
        try:
            with Neo4jStore.connect(neo4j, batch_size=500) as store:
                partial = store.counts()
                store.load_folder(folder)
                assert store.counts() == clean
            break
        except StoreError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)
    assert 2000 <= partial[1] < clean[1]


def test_readme_cypher_examples_run(neo4j: Connection, seed_out: Path) -> None:
    readme = (CYPHER.parent / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```cypher\n(.*?)```", readme, flags=re.S)
    statements = [s.strip() for block in blocks
                  for s in re.sub(r"//.*", "", block).split(";") if s.strip()]
    assert len(statements) >= 2
    with _store(neo4j) as store:
        store.load_folder(seed_out)
        for statement in statements:
            assert store._run(statement), statement


def test_build_with_neo4j_loads_and_reports(neo4j: Connection, tmp_path: Path,
                                            extractor: object) -> None:
    seeds = CYPHER.parent / "seeds"
    env = {"NEO4J_PASSWORD": str(neo4j.password), "NEO4J_USER": neo4j.user}
    args = ["build", str(seeds), "-o", str(tmp_path / "out"), "--neo4j", neo4j.uri]
    first = CliRunner().invoke(main, args, env=env)
    assert first.exit_code == 0, first.stderr
    assert "kg: loaded into Neo4j: documents 1 created, 0 already there" in first.stdout
    second = CliRunner().invoke(main, args, env=env)
    assert second.exit_code == 0, second.stderr
    assert "events 0 created" in second.stdout
    assert str(neo4j.password) not in first.output + second.output
