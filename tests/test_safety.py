"""Article text is data, never code (project issue #7): no Cypher is assembled from it,
the HTML map never runs it, and the Neo4j password never leaks into outputs or logs.

tests/test_neo4j.py stores four hostile names verbatim and tests/test_html.py opens a
map with hostile names, sentences and titles; this adds hostile text in every field,
the exact database contents, every query the driver was handed, the remaining map
fields (source, path/URL, mention text, actor details, map title), and credentials.
"""

from __future__ import annotations

import json
import logging
import secrets
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import write_output
from test_html import browser, opened  # noqa: F401  (the Chromium fixture and page helper)

from kg.cli import main
from kg.lexicon import Lexicon
from kg.model import Actor, Document, DocumentResult, Event, Mention, Relation
from kg.store import queries
from kg.store.neo4j import Connection, Neo4jStore

ROOT = Path(__file__).resolve().parent.parent

# Cypher breakouts of every quoting style, parameters, comments, statement separators,
# procedure calls and line breaks.
CYPHER = [
    "'}) DETACH DELETE n //",
    '"}) MATCH (n) DETACH DELETE n //',
    "`}) MATCH (n) DETACH DELETE n //`",
    "$rows $param {id: $id}",
    "\\'; MATCH (n) SET n.pwned = true; //",
    "line\nbreak\r\n// MATCH (n) DELETE n",
    "CALL dbms.killAnyQuery('x'); :param x => 1",
    "/* unterminated comment",
    "ʼ) RETURN 1 UNION MATCH (n) DETACH DELETE n //\u2028",
]


def _mention(text: str, actor: Actor, sentence_start: int, sentence: str) -> Mention:
    start = sentence_start + sentence.index(text)
    return Mention(text, start, start + len(text), actor)


def hostile_result() -> DocumentResult:
    """One document whose every field, and every field of its actors and events, is
    hostile; relation labels and CAMEO codes come from the lexicon, so they are not."""
    organisation = Actor(id=CYPHER[0], name=CYPHER[1], type="igo", country=CYPHER[2],
                         sector=CYPHER[3])
    person = Actor(id="person:" + CYPHER[4], name=CYPHER[5], type="person", sector=CYPHER[6],
                   member_of=organisation)
    other = Actor(id=CYPHER[7], name=CYPHER[8], type="other")
    sentences = [f"{CYPHER[5]} urged {CYPHER[8]} and {CYPHER[1]}.",
                 f"{CYPHER[8]} accused {CYPHER[5]}: {CYPHER[0]}"]
    text = " ".join(sentences)
    urges, accuses = Relation("URGES", "020", 3.0), Relation("ACCUSES", "112", -2.0)
    doc_id = CYPHER[0] + CYPHER[5]
    second = len(sentences[0]) + 1
    events = (
        Event(doc_id, sentences[0], 0, len(sentences[0]),
              _mention(CYPHER[5], person, 0, sentences[0]),
              _mention(CYPHER[8], other, 0, sentences[0]), urges, date=CYPHER[3],
              extractor=CYPHER[6]),
        Event(doc_id, sentences[0], 0, len(sentences[0]),
              _mention(CYPHER[5], person, 0, sentences[0]),
              _mention(CYPHER[1], organisation, 0, sentences[0]), urges, negated=True),
        Event(doc_id, sentences[1], second, second + len(sentences[1]),
              _mention(CYPHER[8], other, second, sentences[1]),
              _mention(CYPHER[5], person, second, sentences[1]), accuses,
              modality="hedged"),
    )
    document = Document(id=doc_id, text=text, title=CYPHER[2], date=CYPHER[3],
                        source=CYPHER[4], path=CYPHER[6])
    return DocumentResult(document, 2, events, ())


def _without_nulls(record: dict[str, Any]) -> dict[str, Any]:
    # Neo4j stores no property whose value is null.
    return {key: value for key, value in record.items() if value is not None}


def expected_graph(result: DocumentResult) -> tuple[list[Any], list[Any]]:
    """Every node (labels, properties) and relationship (ends, type, properties) the
    database must hold, derived from the model, not from the loader."""
    document = result.document
    nodes = [(["Document"], _without_nulls({
        "id": document.id, "title": document.title, "date": document.date,
        "source": document.source, "path": document.path}))]
    actors: dict[str, Actor] = {}
    forms: dict[str, list[str]] = {}
    for event in result.events:
        for mention in (event.source, event.target):
            forms.setdefault(mention.actor.id, [])
            if mention.text not in forms[mention.actor.id]:
                forms[mention.actor.id].append(mention.text)
            actor: Actor | None = mention.actor
            while actor is not None:
                actors[actor.id] = actor
                actor = actor.member_of
    kinds = {"igo": "Organization", "person": "Person"}
    for actor in actors.values():
        nodes.append((sorted(["Actor", kinds.get(actor.type, "Other")]), _without_nulls({
            "id": actor.id, "name": actor.name, "type": actor.type, "country": actor.country,
            "sector": actor.sector, "forms": sorted(forms.get(actor.id, []))})))
    relationships = []
    for event in result.events:
        relationships.append((event.source.actor.id, event.relation.label,
                              event.target.actor.id, _without_nulls({
                                  "id": event.id, "cameo": event.relation.cameo,
                                  "root": event.relation.root, "quad": event.relation.quad,
                                  "goldstein": event.relation.goldstein, "date": event.date,
                                  "negated": event.negated, "modality": event.modality,
                                  "confidence": event.confidence, "sentence": event.sentence,
                                  "sentence_start": event.sentence_start,
                                  "sentence_end": event.sentence_end, "doc_id": event.doc_id,
                                  "extractor": event.extractor,
                                  "source_text": event.source.text,
                                  "target_text": event.target.text,
                                  "sentence_key": event.sentence_key})))
    for actor in actors.values():
        if actor.member_of is not None:
            relationships.append((actor.id, "MEMBER_OF", actor.member_of.id,
                                  _without_nulls({"role": actor.sector})))
    return sorted(nodes, key=repr), sorted(relationships, key=repr)


def database_graph(store: Neo4jStore) -> tuple[list[Any], list[Any]]:
    nodes = []
    for row in store._run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS p"):
        properties = dict(row["p"])
        if "forms" in properties:
            properties["forms"] = sorted(properties["forms"])
        nodes.append((sorted(row["labels"]), properties))
    relationships = []
    for row in store._run("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, "
                          "properties(r) AS p"):
        properties = dict(row["p"])
        loaded = properties.pop("loaded_at", None)
        assert loaded is not None or row["type"] == "MEMBER_OF"
        relationships.append((row["a"], row["type"], row["b"], properties))
    return sorted(nodes, key=repr), sorted(relationships, key=repr)


@pytest.fixture
def sent_queries(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of every query handed to the driver, whichever way it was sent."""
    from neo4j import Session
    from neo4j._sync.work.transaction import TransactionBase

    sent: list[str] = []

    def spy(original: Any) -> Any:
        def run(self: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
            sent.append(str(getattr(query, "text", query)))
            return original(self, query, *args, **kwargs)
        return run

    monkeypatch.setattr(TransactionBase, "run", spy(TransactionBase.run))
    monkeypatch.setattr(Session, "run", spy(Session.run))
    return sent


def known_statements() -> set[str]:
    labels = Lexicon.load().labels
    return {*queries.SCHEMA, *(queries.event_constraint(label) for label in labels),
            *(queries.existing_events(label) for label in labels),
            *(queries.fill_missing(label) for label in labels),
            queries.EVENT_CONSTRAINT_NAMES, queries.MERGE_DOCUMENTS, queries.MERGE_ACTORS,
            queries.MERGE_MEMBERSHIPS, queries.CREATE_EVENTS, queries.WIPE, queries.COUNTS,
            queries.ORPHAN_INDEX, "RETURN 1",
            *(queries.drop_index(queries.schema_name(statement)) for statement in
              [*queries.SCHEMA, *(queries.event_constraint(label) for label in labels)])}


@pytest.mark.neo4j
def test_hostile_text_in_every_field_is_stored_exactly(neo4j: Connection, tmp_path: Path,
                                                       sent_queries: list[str]) -> None:
    result = hostile_result()
    folder = write_output(tmp_path / "out", result)
    env = {"NEO4J_PASSWORD": str(neo4j.password), "NEO4J_USER": neo4j.user}
    for _ in range(2):  # the second load must find everything and change nothing
        loaded = CliRunner().invoke(main, ["load", str(folder), "--neo4j", neo4j.uri], env=env)
        assert loaded.exit_code == 0, loaded.output
    assert "events 0 created, 3 already there" in loaded.stdout
    sent = set(sent_queries)
    known = known_statements()
    assert sent and sent <= known, sent - known
    assert not [query for query in sent for text in CYPHER if text in query]

    with Neo4jStore.connect(neo4j) as store:
        assert database_graph(store) == expected_graph(result)


@pytest.mark.neo4j
def test_a_relation_label_that_is_not_a_label_is_refused(neo4j: Connection,
                                                         tmp_path: Path) -> None:
    folder = write_output(tmp_path / "out", hostile_result())
    events = folder / "events.jsonl"
    record = json.loads(events.read_text(encoding="utf-8").splitlines()[0])
    record["relation"] = "URGES]->() MATCH (n) DETACH DELETE n //"
    events.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with Neo4jStore.connect(neo4j) as store:
        store._run("CREATE (:Actor {id: 'keep'})")
    result = CliRunner().invoke(main, ["load", str(folder), "--neo4j", neo4j.uri],
                                env={"NEO4J_PASSWORD": str(neo4j.password)})
    assert result.exit_code == 1
    assert result.stderr == ("kg: error: not a relation label: "
                             "'URGES]->() MATCH (n) DETACH DELETE n //'\n")
    with Neo4jStore.connect(neo4j) as store:
        assert store.counts() == (1, 0)


def test_an_actor_type_that_is_not_kgs_is_refused(neo4j: Connection, tmp_path: Path) -> None:
    folder = write_output(tmp_path / "out", hostile_result())
    events = folder / "events.jsonl"
    record = json.loads(events.read_text(encoding="utf-8").splitlines()[0])
    record["target"]["type"] = CYPHER[2]
    events.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["load", str(folder), "--neo4j", neo4j.uri],
                                env={"NEO4J_PASSWORD": str(neo4j.password)})
    assert result.exit_code == 1
    assert result.stderr == (f"kg: error: {events}:1: not a kg event (actor type must be one "
                             "of state, igo, ngo, group, person, bloc, other, not "
                             f"{CYPHER[2]!r})\n")
    with Neo4jStore.connect(neo4j) as store:
        assert store.counts() == (0, 0)


# -- the HTML map ----------------------------------------------------------------------------

# Each payload would set window.__pwned if it ever ran, wherever it landed.
XSS = [
    '<img src=x onerror="window.__pwned=1">',
    "</script><script>window.__pwned=2</script>",
    '"><svg onload="window.__pwned=3">',
    "' onmouseover='window.__pwned=4' data-x='",
    "${window.__pwned=5}{{constructor.constructor('window.__pwned=6')()}}",
    '<iframe srcdoc="<script>parent.__pwned=7</script>"></iframe>',
    "<style>*{background:url(javascript:window.__pwned=8)}</style>",
    "&lt;img src=x onerror=window.__pwned=9&gt;\u2028<!--",
]
JS_URLS = ["javascript:window.__pwned=10", " JaVaScRiPt:window.__pwned=11",
           "data:text/html,<script>parent.__pwned=12</script>",
           "javascript://example.org/%0Awindow.__pwned=13"]
HTTPS_URL = 'https://example.org/a?b="onmouseover="window.__pwned=14'


def xss_folder(folder: Path) -> list[Event]:
    organisation = Actor(id=XSS[3], name=XSS[1], type="igo", country=XSS[2], sector=XSS[4])
    person = Actor(id="person:" + XSS[5], name=XSS[0], type="person", sector=XSS[6],
                   member_of=organisation)
    other = Actor(id=XSS[7], name=XSS[2] + XSS[7], type="group", country=XSS[6])
    urges, attacks = Relation("URGES", "020", 3.0), Relation("ATTACKS", "190", -10.0)
    documents = [
        Document(id=XSS[2] + XSS[3], text="", title=XSS[1] + XSS[0], source=JS_URLS[0],
                 path=JS_URLS[1]),
        Document(id=XSS[4], text="", title=None, source=JS_URLS[2], path=JS_URLS[3]),
        Document(id=XSS[5], text="", title=XSS[6], source=XSS[7], path=HTTPS_URL),
    ]
    pairs = [(person, urges, other, "mentioned as", documents[0]),
             (other, attacks, organisation, "and", documents[1]),
             (organisation, urges, person, "told", documents[2])]
    results = []
    for source, relation, target, verb, document in pairs:
        # The mention texts differ from the names: both reach the page.
        source_text, target_text = XSS[(len(results) + 4) % 8], XSS[(len(results) + 5) % 8]
        sentence = f"{source_text} {verb} {target_text} {XSS[len(results)]}"
        event = Event(document.id, sentence, 10, 10 + len(sentence),
                      Mention(source_text, 10, 10 + len(source_text), source),
                      Mention(target_text, 10 + sentence.index(target_text),
                              10 + sentence.index(target_text) + len(target_text), target),
                      relation, date="2016-05-0" + str(len(results) + 1))
        results.append(DocumentResult(document, 1, (event,), ()))
    write_output(folder, *results)
    return [result.events[0] for result in results]


@pytest.mark.browser
def test_map_runs_no_text_from_any_field(browser: Any, tmp_path: Path) -> None:  # noqa: F811
    folder = tmp_path / "out"
    events = xss_folder(folder)
    path = tmp_path / "map.html"
    exported = CliRunner().invoke(main, ["export", "html", str(folder), "-o", str(path),
                                         "--title", XSS[1] + XSS[0]])
    assert exported.exit_code == 0, exported.output
    raw = path.read_text(encoding="utf-8")
    for payload in XSS[:3] + XSS[5:7]:
        assert payload not in raw

    with opened(browser, path) as page:
        own_elements = page.evaluate(
            "() => document.querySelectorAll('script, style, iframe, img, svg').length")
        assert page.evaluate("() => document.title") == XSS[1] + XSS[0]
        panel = page.page.locator("#panel")
        links: list[str] = []
        for event in events:
            page.click_edge(page.edge_id(event.source.actor.id, event.target.actor.id,
                                         event.relation.label))
            text = panel.inner_text()
            assert event.source.text in text and event.target.text in text
            links += page.evaluate("() => [...document.querySelectorAll('a[href]')]"
                                   ".map((a) => a.getAttribute('href'))")
            page.page.mouse.move(5, 5)
            page.page.keyboard.press("Escape")
        # Only the https URL is a link; javascript: and data: ones are text at most.
        assert links == [HTTPS_URL]
        for actor in {e.source.actor.id: e.source.actor for e in events}.values():
            page.click_node(actor.id)
            assert actor.name in panel.locator("h2").inner_text()
            page.page.mouse.move(5, 5)
            page.page.keyboard.press("Escape")
        for name in (XSS[0], XSS[2] + XSS[7]):
            page.page.locator("#search").fill(name)
            page.page.locator("#search").press("Enter")
            assert panel.locator("h2").inner_text() == name
        page.page.locator("input[name=view][value=i]").check()
        page.wait_ready()
        page.page.wait_for_timeout(300)

        assert page.evaluate("() => window.__pwned") is None
        assert page.evaluate("() => document.querySelectorAll("
                             "'script, style, iframe, img, svg').length") == own_elements
        handlers = page.evaluate("""() => [...document.querySelectorAll('*')].flatMap((el) =>
            [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name))""")
        assert handlers == []
        page.check_clean()


# -- credentials -------------------------------------------------------------------------------

@pytest.fixture
def fresh_user(neo4j: Connection) -> Any:
    """A user with a password made for this test, so that any trace of it is a leak."""
    from neo4j import GraphDatabase

    password = "pw-" + secrets.token_hex(12)
    user = "kg_leak_" + secrets.token_hex(4)
    with GraphDatabase.driver(neo4j.uri, auth=(neo4j.user, str(neo4j.password))) as driver:
        driver.execute_query("CREATE USER $user SET PASSWORD $password CHANGE NOT REQUIRED",
                             user=user, password=password, database_="system")
        try:
            yield user, password
        finally:
            driver.execute_query("DROP USER $user IF EXISTS", user=user, database_="system")


@pytest.mark.neo4j
def test_password_never_reaches_outputs_or_logs(neo4j: Connection, fresh_user: Any,
                                                tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                capfd: pytest.CaptureFixture[str]) -> None:
    user, password = fresh_user
    out = tmp_path / "out"
    caplog.set_level(logging.DEBUG)  # every logger, the driver's wire log included
    caplog.set_level(logging.DEBUG, logger="neo4j")
    env = {"NEO4J_PASSWORD": password, "NEO4J_USER": user}
    result = CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "-o", str(out),
                                       "--workers", "1", "--neo4j", neo4j.uri], env=env)
    assert result.exit_code == 0, result.output
    assert "kg: loaded into Neo4j" in result.stdout
    assert any("LOGON" in record.getMessage() for record in caplog.records), \
        "the driver's debug log was not captured"
    # Asked for at the prompt instead: typed, not echoed.
    prompted = CliRunner().invoke(main, ["load", str(out), "--neo4j", neo4j.uri, "--user",
                                         user, "--ask-password"], input=password + "\n")
    assert prompted.exit_code == 0, prompted.output
    assert prompted.stdout.startswith("Neo4j password: \n")
    # And a wrong one: refused, named, not printed.
    wrong = CliRunner().invoke(main, ["load", str(out), "--neo4j", neo4j.uri],
                               env={"NEO4J_PASSWORD": password + "x", "NEO4J_USER": user})
    assert wrong.exit_code == 1 and password not in wrong.output

    captured = capfd.readouterr()
    texts = {"output": result.output, "prompted": prompted.output, "stderr": captured.err,
             "stdout": captured.out, "log": caplog.text,
             "log records": "\n".join(repr(record.__dict__) for record in caplog.records)}
    leaks = [name for name, text in texts.items() if password in text]
    files = sorted(path for path in out.rglob("*") if path.is_file())
    assert {path.name for path in files} >= {"events.jsonl", "graph.html", ".kg-cache.sqlite"}
    leaks += [str(path) for path in files if password.encode() in path.read_bytes()]
    assert leaks == []


@pytest.mark.parametrize("uri", [
    "foo://alice:s3cr3t-pw@db.example",          # a scheme the driver refuses
    "bolt://alice:s3cr3t-pw@127.0.0.1:9",        # the driver quotes the URI it was given
    "neo4j://alice:s3cr3t@pw@127.0.0.1:9",       # an unencoded '@' in the password
    "bolt://alice:s3cr3t-pw@db.example:noport",  # unparseable port
    "neo4j://alice:s3cr3t-pw@[::1",              # unparseable host
])
def test_credentials_in_a_bad_uri_are_never_echoed(uri: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["load", str(tmp_path), "--neo4j", uri],
                                env={"NEO4J_PASSWORD": "env-pw-7f3a"})
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: error: ") and result.stderr.count("\n") == 1
    assert "s3cr3t" not in result.output and "env-pw-7f3a" not in result.output
    assert "alice" not in result.output
