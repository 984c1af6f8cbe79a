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

from kg.actors.gazetteer import Gazetteer
from kg.extract.depverb import DepVerbExtractor
from kg.lexicon import Lexicon
from kg.model import Document, DocumentResult

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
    from kg.errors import ModelMissing
    from kg.nlp import load_model

    try:
        nlp = load_model()
    except ModelMissing as error:
        unavailable(str(error))
        raise
    return DepVerbExtractor(nlp, Lexicon.load(), Gazetteer.load())


@pytest.fixture(scope="session")
def seed_result(extractor: DepVerbExtractor) -> DocumentResult:
    path = ROOT / "seeds" / "000_691ff97bae76b2d3.txt"
    document = Document(id=path.stem, text=path.read_text(encoding="utf-8"), path=str(path))
    return next(iter(extractor.extract([document])))


ExtractText = Callable[..., DocumentResult]


@pytest.fixture
def extract_text(extractor: DepVerbExtractor) -> ExtractText:
    """Run the real pipeline on one text given inline."""

    def run(text: str, doc_id: str = "t", date: str | None = None) -> DocumentResult:
        return next(iter(extractor.extract([Document(id=doc_id, text=text, date=date)])))

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
