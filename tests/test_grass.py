"""cypher/style.grass, the Neo4j Browser style: up to date, read by Browser's own GraSS
parsers (taken from the neo4j-browser jar the tests' server runs), and naming every node
label and relationship type kg creates."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import ROOT, unavailable
from test_html import browser  # noqa: F401  (the Chromium fixture)

from kg.cli import main
from kg.export.grass import MEMBERSHIP, node_labels, relation_quads
from kg.export.style import QUAD_COLOURS, TYPE_STYLES
from kg.lexicon import Lexicon
from kg.model import DocumentResult
from kg.store.neo4j import Connection, Neo4jStore

STYLE = ROOT / "cypher" / "style.grass"


def _browser_parsers() -> dict[str, str]:
    """The source of Browser's two GraSS parsers: the one for dropped files and the one
    behind its style editor, cut from the minified bundle of the jar Neo4j serves."""
    home = os.environ.get("KG_NEO4J_HOME")
    if not home:
        unavailable("KG_NEO4J_HOME is not set; scripts/test sets it")
    (jar,) = Path(str(home), "lib").glob("*neo4j-browser-*.jar")
    with zipfile.ZipFile(jar) as archive:
        (name,) = [n for n in archive.namelist() if re.fullmatch(r"browser/app-\w+\.js", n)]
        bundle = archive.read(name).decode("utf-8")
    dropped = re.search(r"\.parseGrass=(function\(e\)\{.*?\}),t\.objToCss=", bundle, re.S)
    editor = re.search(r"this\.parse=(function\(e\)\{const t=e\.split\(\"\"\).*?return s\}),",
                       bundle, re.S)
    assert dropped and editor, "Browser's GraSS parsers not found in its bundle"
    return {"dropped file": dropped.group(1), "style editor": editor.group(1)}


def test_style_file_is_kgs_lexicon_style() -> None:
    result = CliRunner().invoke(main, ["export", "style"])
    assert result.exit_code == 0, result.output
    assert STYLE.read_text(encoding="utf-8") == result.output, \
        "cypher/style.grass is out of date: kg export style -o cypher/style.grass"


def test_an_analysts_relations_get_their_quadclass_colour(tmp_path: Path) -> None:
    extra = tmp_path / "relations.csv"
    extra.write_text("kind,lemma,prep,label,cameo\nverb,berate,,BERATES,111\n",
                     encoding="utf-8")
    out = tmp_path / "mine.grass"
    result = CliRunner().invoke(main, ["export", "style", "-o", str(out), "--relations",
                                       str(extra)])
    assert result.output == f"kg: wrote {out}; drag it onto Neo4j Browser to apply it\n"
    assert "relationship.BERATES {\n  color: #fb8c00;" in out.read_text(encoding="utf-8")


@pytest.mark.browser
def test_browser_parses_it_and_it_names_every_label_and_type(
        browser: Any) -> None:  # noqa: F811
    parsers = _browser_parsers()
    text = STYLE.read_text(encoding="utf-8")
    page = browser.new_page()
    try:
        parsed = {name: page.evaluate("([source, text]) => (0, eval)('(' + source + ')')(text)",
                                      [source, text]) for name, source in parsers.items()}
    finally:
        page.close()
    assert parsed["dropped file"] == parsed["style editor"]
    rules = parsed["dropped file"]
    quads = relation_quads(Lexicon.load())
    expected = {"node", "relationship", *(f"node.{label}" for label in node_labels()),
                f"relationship.{MEMBERSHIP}", *(f"relationship.{label}" for label in quads)}
    assert set(rules) == expected
    assert rules["node.Actor"]["caption"] == "{name}"
    assert rules["relationship"]["caption"] == "<type>"
    assert rules["node.State"]["color"] == TYPE_STYLES["state"][1]
    assert rules["node.Person"]["color"] == TYPE_STYLES["person"][1]
    for label, quad in quads.items():
        assert rules[f"relationship.{label}"]["color"] == QUAD_COLOURS[quad], label
    sizes = {label: int(rules[f"node.{label}"]["diameter"].removesuffix("px"))
             for label in ("State", "Organization", "Person")}
    assert sizes["State"] > sizes["Organization"] > sizes["Person"]


@pytest.mark.neo4j
def test_what_a_load_creates_is_styled(neo4j: Connection,
                                       seed_result: DocumentResult) -> None:
    text = STYLE.read_text(encoding="utf-8")
    selectors = set(re.findall(r"^(\S+) \{$", text, re.M))
    with Neo4jStore.connect(neo4j) as store:
        store.load(list(seed_result.events), [seed_result.document])
        labels = store._run("CALL db.labels() YIELD label RETURN collect(label) AS all")
        types = store._run("CALL db.relationshipTypes() YIELD relationshipType "
                           "RETURN collect(relationshipType) AS all")
    assert {f"node.{label}" for label in labels[0]["all"]} <= selectors
    assert {f"relationship.{kind}" for kind in types[0]["all"]} <= selectors
    assert len(types[0]["all"]) > 3
