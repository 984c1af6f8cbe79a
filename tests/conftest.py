"""Shared fixtures. Heavy resources (the spaCy pipeline, Neo4j) load once per session.

Tests that need the spaCy model, Neo4j, Chromium or ../shared skip when those are
absent on a developer's machine, but in CI (CI=true) a missing one is a failure.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import main
from kg.extract.depverb import DepVerbExtractor
from kg.extract.spec import ExtractorSpec
from kg.model import Actor, Document, DocumentResult, Event, Mention, Relation
from kg.output import ExtractionWriter, write_jsonl

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def unavailable(reason: str) -> None:
    """Skip on a developer's machine; fail in CI, where skipping would hide a failure."""
    if IN_CI:
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        unavailable(f"{SHARED} is absent")
    return SHARED


@pytest.fixture(scope="session")
def extractor() -> DepVerbExtractor:
    """The extractor as kg builds it: the rules' candidates judged by the model."""
    from kg.errors import ModelMissing

    try:
        built = ExtractorSpec().make()
    except ModelMissing as error:
        unavailable(str(error))
        raise
    assert isinstance(built, DepVerbExtractor)
    return built


@pytest.fixture(scope="session")
def rules(extractor: DepVerbExtractor) -> DepVerbExtractor:
    """The rules alone, without the judgement: what a rule's test is about."""
    return DepVerbExtractor(extractor.nlp, extractor.lexicon, extractor.gazetteer)


@pytest.fixture(scope="session")
def seed_result(extractor: DepVerbExtractor) -> DocumentResult:
    path = ROOT / "seeds" / "000_691ff97bae76b2d3.txt"
    document = Document(id=path.stem, text=path.read_text(encoding="utf-8"), path=str(path))
    return next(iter(extractor.extract([document])))


ExtractText = Callable[..., DocumentResult]


def dyads_of(result: DocumentResult) -> set[tuple[str, str, str]]:
    """(source country or id, CAMEO root, target country or id) of the asserted events."""
    return {(event.source.actor.state_country or event.source.actor.id, event.relation.root,
             event.target.actor.state_country or event.target.actor.id)
            for event in result.events if not event.negated}


@pytest.fixture
def extract_text(rules: DepVerbExtractor) -> ExtractText:
    """Run the real parse and the rules on one text given inline."""

    def run(text: str, doc_id: str = "t", date: str | None = None) -> DocumentResult:
        return next(iter(rules.extract([Document(id=doc_id, text=text, date=date)])))

    return run


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[object]:
    """One real Neo4j server for the session, from the jars scripts/test fetched."""
    home = os.environ.get("KG_NEO4J_HOME")
    if not home:
        unavailable("KG_NEO4J_HOME is not set; scripts/test sets it")
    if shutil.which("java") is None and not os.environ.get("KG_NEO4J_JAVA"):
        unavailable("no java to run Neo4j")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from neo4j_server import Neo4jServer

    server = Neo4jServer(Path(str(home)))
    server.start()
    server.wait_ready()
    try:
        yield server
    finally:
        server.cleanup()


@pytest.fixture
def neo4j(neo4j_server: object) -> Iterator[object]:
    """A Connection to the test server's database, emptied before the test."""
    from kg.store.neo4j import Connection, Neo4jStore

    user, password = neo4j_server.auth  # type: ignore[attr-defined]
    connection = Connection(uri=neo4j_server.bolt_uri, user=user,  # type: ignore[attr-defined]
                            password=password)
    with Neo4jStore.connect(connection) as store:
        store.wipe()
    yield connection


# News-like sentences with known actors, for tests that need many small documents.
NEWS_SENTENCES = [
    "Russia called on Syria on Monday to accept a truce.",
    "Turkey accused Iran of arming the rebels.",
    "The United States and Jordan agreed on a new trade pact.",
    "France criticized Israel for the raid.",
    "China vetoed the U.N. resolution on Syria.",
    "Egypt urged Libya to release the hostages.",
    "Germany praised Greece for the reforms.",
    "India and Pakistan did not sign the ceasefire.",
]


def news_text(number: int, sentences: int = 3) -> str:
    """A short article made of ``sentences`` of NEWS_SENTENCES, different per number."""
    return " ".join(NEWS_SENTENCES[(number * 3 + k) % len(NEWS_SENTENCES)]
                    for k in range(sentences))


def write_file(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


# Article-shaped corpora: varied pairs of states and acts, one article per file.
PAIRS = [("Russia", "Syria"), ("Iran", "Iraq"), ("Turkey", "Greece"), ("France", "Germany"),
         ("China", "Japan")]
ACTS = ["called on {t} to accept a truce", "criticized {t} for the attacks",
        "accused {t} of violating the ceasefire", "met officials from {t} in Geneva"]


def write_corpus(folder: Path, count: int, start: int = 0) -> Path:
    """``count`` short articles doc-NNNN.txt (numbered from ``start``), each with events."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + count):
        source, target = PAIRS[i % len(PAIRS)]
        act = ACTS[i % len(ACTS)].format(t=target)
        (folder / f"doc-{i:04d}.txt").write_text(
            f"{source} {act} on Monday, the ministry said. Officials from {target} said "
            f"they would answer {source} within a week. Talks on item {i} went on.",
            encoding="utf-8")
    return folder


def build(*args: str | Path) -> Result:
    """``kg build ARGS`` in this process, on one worker."""
    return CliRunner().invoke(main, ["build", "--workers", "1", *map(str, args)])


def write_output(folder: Path, *results: DocumentResult) -> Path:
    """An output folder as ``kg extract`` would leave it, holding ``results``."""
    with ExtractionWriter(folder) as writer:
        for result in results:
            writer.add(result)
        write_jsonl(folder / "actors.jsonl", writer.actors.records())
    return folder


# Text that would break a store or a page that built queries or markup from it.
HOSTILE = [
    "'}) DETACH DELETE n //",
    'Robert"); MATCH (n) DETACH DELETE n; //',
    "`backtick` {brace} $param \\ new\nline",
    "<img src=x onerror=alert(1)>",
    'comma, "quote", and\r\nCRLF; semicolon|pipe',
]
HOSTILE_DOC = "doc '}) //"


def hostile_ring(varied: bool = False) -> list[Event]:
    """Actors named by HOSTILE, each accusing the next; ``varied`` gives the events
    differing negation, confidence and dates."""
    actors = [Actor(id=f"X{i}", name=name, type="group") for i, name in enumerate(HOSTILE)]
    relation = Relation("ACCUSES", "112", -2.0)
    return [Event(doc_id=HOSTILE_DOC, sentence=HOSTILE[i], sentence_start=i,
                  sentence_end=i + 1, source=Mention(HOSTILE[i], 0, 1, actors[i]),
                  target=Mention(HOSTILE[(i + 1) % len(HOSTILE)], 0, 1,
                                 actors[(i + 1) % len(HOSTILE)]),
                  relation=relation,
                  **({"negated": i % 2 == 1, "confidence": 0.25 * i,
                      "date": "2016-05-01" if i else None} if varied else {}))
            for i in range(len(HOSTILE))]
