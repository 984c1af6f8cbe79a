"""The HTML map, in a real headless Chromium with the network off.

Each map is opened from a file:// URL in an offline context that records every request
whose URL is not file:, data:, blob: or about: (there must be none), every failed request,
console error, page error and dialog. The page exposes ``window.kgMap`` (vis DataSets,
the network, counts) and the tests click the real canvas where vis drew an edge or node.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import ROOT, unavailable

from kg.errors import InputError
from kg.export.html import QUAD_COLOURS, MapStats, render_html
from kg.export.page import script_json
from kg.graph import build_graph
from kg.model import Actor, Document, DocumentResult, Event, Mention, Relation
from kg.output import DOCUMENTS, EVENTS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
ARTIFACTS = ROOT / "test-artifacts"
FIRST_SENTENCE = "Russia called on Syria Monday to immediately accept demands"
XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_SENTENCE_TAIL = "</script><script>alert(2)</script> said <b>nobody</b>\u2028."


def _benchmark() -> Any:
    """benchmarks/html_map.py, whose synthetic map the large-map test opens too."""
    spec = importlib.util.spec_from_file_location("html_map", ROOT / "benchmarks" / "html_map.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("html_map", module)
    spec.loader.exec_module(module)
    return module


# -- helpers -------------------------------------------------------------------------------

RUSSIA = Actor("RUS", "Russia", "state", country="RUS")
SYRIA = Actor("SYR", "Syria", "state", country="SYR")
RUSGOV = Actor("RUSGOV", "Russian government", "state", country="RUS", sector="GOV")
LAVROV = Actor("person:sergei-lavrov", "Sergei Lavrov", "person", member_of=RUSGOV)
URGES = Relation("URGES", "020", 3.0)
ATTACKS = Relation("ATTACKS", "190", -10.0)


def event(source: Actor, relation: Relation, target: Actor, *, doc: str = "d1",
          date: str | None = "2016-05-01", negated: bool = False, offset: int = 100,
          tail: str = " over the talks.") -> Event:
    """An event whose sentence names both actors, with document offsets as kg writes them."""
    sentence = f"{source.name} {relation.label.lower()} {target.name}{tail}"
    target_at = len(source.name) + len(relation.label) + 2
    return Event(doc_id=doc, sentence=sentence, sentence_start=offset,
                 sentence_end=offset + len(sentence),
                 source=Mention(source.name, offset, offset + len(source.name), source),
                 target=Mention(target.name, offset + target_at,
                                offset + target_at + len(target.name), target),
                 relation=relation, negated=negated, date=date)


def asserted_edges(events: list[Event]) -> set[tuple[str, str, str]]:
    return {(e.source.actor.id, e.target.actor.id, e.relation.label)
            for e in events if not e.negated}


def endpoints(edges: set[tuple[str, str, str]]) -> set[str]:
    return {node for source, target, _ in edges for node in (source, target)}


def rolled_up(events: list[Event]) -> list[Event]:
    """The institution view, computed independently of kg.export.html."""

    def top(actor: Actor) -> Actor:
        return top(actor.member_of) if actor.member_of else actor

    return [replace(e, source=replace(e.source, actor=top(e.source.actor)),
                    target=replace(e.target, actor=top(e.target.actor))) for e in events]


@dataclass
class Opened:
    page: Any
    external: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def evaluate(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def wait_ready(self, timeout: float = 60_000) -> None:
        # Function form: a string expression would need eval, which the page's CSP forbids.
        self.page.wait_for_function("() => window.kgMap && window.kgMap.ready",
                                    timeout=timeout, polling="raf")

    def drawn(self) -> tuple[int, int]:
        """What vis itself draws: its visible node and edge indices."""
        nodes, edges = self.evaluate("() => [kgMap.network.body.nodeIndices.length,"
                                     " kgMap.network.body.edgeIndices.length]")
        counts = self.evaluate("() => kgMap.counts")
        assert (counts["nodes"], counts["edges"]) == (nodes, edges)
        return nodes, edges

    def click_edge(self, edge_id: str) -> None:
        x, y = self.evaluate("""(id) => {
            const network = kgMap.network;
            const point = network.canvasToDOM(network.body.edges[id].edgeType.getPoint(0.5));
            const box = document.getElementById("map").getBoundingClientRect();
            return [box.left + point.x, box.top + point.y];
        }""", edge_id)
        self.page.mouse.click(x, y)
        assert self.evaluate("() => kgMap.network.getSelectedEdges()") == [edge_id]

    def click_node(self, node_id: str) -> None:
        x, y = self.evaluate("""(id) => {
            const network = kgMap.network;
            const point = network.canvasToDOM(network.getPositions([id])[id]);
            const box = document.getElementById("map").getBoundingClientRect();
            return [box.left + point.x, box.top + point.y];
        }""", node_id)
        self.page.mouse.click(x, y)
        assert self.evaluate("() => kgMap.network.getSelectedNodes()") == [node_id]

    def edge_id(self, source: str, target: str, relation: str, negated: bool = False) -> str:
        found = self.evaluate("""([source, target, relation, negated]) => kgMap.edges
            .get({filter: (e) => e.from === source && e.to === target && e.rel === relation
                  && Boolean(e.neg) === negated && e.views.includes(kgMap.state.view)})
            .map((e) => e.id)""", [source, target, relation, negated])
        assert len(found) == 1, found
        return str(found[0])

    def check_clean(self) -> None:
        assert self.external == [], "requests left the page"
        assert self.failed == [], "requests failed"
        assert self.errors == [], "console errors or page errors"
        assert self.dialogs == [], "a dialog opened"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright is not installed (pip install playwright)")
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is absent (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def opened(browser: Any, path: Path, timeout: float = 60_000) -> Iterator[Opened]:
    context = browser.new_context(offline=True, viewport={"width": 1600, "height": 1000})
    try:
        page = context.new_page()
        result = Opened(page)

        def gate(route: Any) -> None:
            if route.request.url.startswith(LOCAL_SCHEMES):
                route.continue_()
            else:
                result.external.append(route.request.url)
                route.abort()

        def dialog(box: Any) -> None:
            result.dialogs.append(box.message)
            box.dismiss()

        page.route("**/*", gate)
        page.on("requestfailed", lambda request: result.failed.append(request.url))
        page.on("console", lambda message: result.errors.append(message.text)
                if message.type == "error" else None)
        page.on("pageerror", lambda error: result.errors.append(str(error)))
        page.on("dialog", dialog)
        page.goto(path.as_uri(), wait_until="load", timeout=timeout)
        result.wait_ready(timeout)
        yield result
    finally:
        context.close()


def screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path))
    return path


# -- the page as text: no browser needed ---------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_page_loads_nothing_from_anywhere(tmp_path: Path) -> None:
    path = tmp_path / "map.html"
    render_html(build_graph([event(RUSSIA, URGES, SYRIA)]), path)
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    tags = parser.tags
    assert not [tag for tag, attrs in tags if "src" in attrs or "href" in attrs]
    assert not [tag for tag, _ in tags if tag in ("link", "iframe", "img", "object", "embed")]
    scripts = [attrs for tag, attrs in tags if tag == "script"]
    assert [attrs.get("type") for attrs in scripts] == ["application/json", None, None, None,
                                                       None]
    policy = next(attrs["content"] for tag, attrs in tags
                  if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy")
    assert policy is not None and "default-src 'none'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_script_json_cannot_close_its_element() -> None:
    value = {"s": "</script><!-- & \u2028\u2029 >", "n": [1, 2.5, None]}
    text = script_json(value)
    assert not any(char in text for char in "<>&\u2028\u2029")
    assert json.loads(text) == value


def test_empty_graph(tmp_path: Path) -> None:
    path = tmp_path / "map.html"
    assert render_html(build_graph([]), path) == MapStats(path, 0, 0, 0)
    assert "kg-data" in path.read_text(encoding="utf-8")


def test_trimming_since_min_count_top(tmp_path: Path) -> None:
    egypt = Actor("EGY", "Egypt", "state", country="EGY")
    events = [event(RUSSIA, URGES, SYRIA, doc="a", date="2015-01-01"),
              event(RUSSIA, URGES, SYRIA, doc="b", date="2016-02-01", tail=" again."),
              event(SYRIA, ATTACKS, egypt, doc="c", date="2016-03-01"),
              event(egypt, URGES, RUSSIA, doc="d", date=None),
              event(SYRIA, ATTACKS, RUSSIA, doc="e", date="2014-01-01")]
    graph = build_graph(events)
    path = tmp_path / "map.html"
    assert render_html(graph, path) == MapStats(path, nodes=3, edges=4, events=5)
    # Undated events cannot be shown to be recent enough.
    assert render_html(graph, path, since="2016") == MapStats(path, 3, 2, 2)
    assert render_html(graph, path, since="2016-02-15") == MapStats(path, 2, 1, 1)
    assert render_html(graph, path, min_count=2) == MapStats(path, 2, 1, 2)
    # Russia and Syria are the best connected; Egypt's relations go with it.
    assert render_html(graph, path, top=2) == MapStats(path, 2, 2, 3)
    with pytest.raises(InputError, match="since '5/7/16'"):
        render_html(graph, path, since="5/7/16")


def test_cli_export_html(tmp_path: Path) -> None:
    from kg.cli import main

    folder = tmp_path / "out"
    folder.mkdir()
    events = [event(RUSSIA, URGES, SYRIA, doc="a", date="2015-01-01"),
              event(LAVROV, ATTACKS, SYRIA, doc="b", date="2016-02-01")]
    (folder / EVENTS).write_text("".join(json.dumps(e.to_dict()) + "\n" for e in events),
                                 encoding="utf-8")
    (folder / DOCUMENTS).write_text(json.dumps(Document("b", "", title="Lavrov & Syria")
                                               .to_dict(with_text=False)) + "\n",
                                    encoding="utf-8")
    out = tmp_path / "map.html"
    result = CliRunner().invoke(main, ["export", "html", str(folder), "-o", str(out),
                                       "--since", "2016-01-01", "--top", "5", "--min-count",
                                       "1", "--title", "Since 2016"])
    assert result.exit_code == 0, result.output
    assert result.output == f"kg: wrote {out} (2 actors, 1 relations drawn from 1 events)\n"
    page = out.read_text(encoding="utf-8")
    assert "<title>Since 2016</title>" in page
    assert "Lavrov \\u0026 Syria" in page
    bad = CliRunner().invoke(main, ["export", "html", str(folder), "--since", "May 2016"])
    assert bad.exit_code == 2


# -- in the browser ------------------------------------------------------------------------


@pytest.mark.browser
def test_seed_map(browser: Any, seed_result: DocumentResult, tmp_path: Path) -> None:
    events = list(seed_result.events)
    first = next(e for e in events if e.source.actor.id == "RUS"
                 and e.target.actor.id == "SYR" and e.sentence.startswith(FIRST_SENTENCE))
    path = tmp_path / "seed.html"
    stats = render_html(build_graph(events), path, title="Seed article")
    edges = asserted_edges(events)
    assert (stats.nodes, stats.edges) == (len(endpoints(edges)), len(edges))

    with opened(browser, path) as page:
        assert page.drawn() == (len(endpoints(edges)), len(edges))
        assert page.evaluate("() => kgMap.network.physics.options.enabled") is False
        assert page.evaluate("() => document.title") == "Seed article"

        # The legend names each QuadClass with its colour, and each entry is a filter.
        legend = page.page.locator("#legend label.quad")
        assert legend.all_inner_texts() and [text.rsplit(" ", 1)[0] for text in
                                            legend.all_inner_texts()] == list(QUAD_COLOURS)
        assert page.page.locator("#type-legend li").count() == 7

        # Hiding verbal conflict removes exactly those relations and the actors left alone.
        page.page.locator('[data-quad="verbal conflict"]').click()
        kept = {edge for edge in edges
                if next(e for e in events if (e.source.actor.id, e.target.actor.id,
                                              e.relation.label) == edge
                        ).relation.quad != "verbal conflict"}
        assert kept != edges
        assert page.drawn() == (len(endpoints(kept)), len(kept))
        page.page.locator('[data-quad="verbal conflict"]').click()
        assert page.drawn() == (len(endpoints(edges)), len(edges))

        # Negated events appear only on demand, dashed.
        negated = {(e.source.actor.id, e.target.actor.id, e.relation.label)
                   for e in events if e.negated}
        page.page.locator("#show-negated").check()
        assert page.drawn()[1] == len(edges) + len(negated)
        assert page.evaluate("() => kgMap.edges.get({filter: (e) => e.neg && !e.hidden})"
                             ".every((e) => e.dashes === true)")
        page.page.locator("#show-negated").uncheck()

        # Evidence: the first sentence of the seed, both actors marked, in the side panel.
        page.click_edge(page.edge_id("RUS", "SYR", first.relation.label))
        panel = page.page.locator("#panel")
        assert panel.is_visible()
        assert panel.locator("h2").inner_text() == "Russia \u2192 Syria"
        item = panel.locator("ol.evidence li").first
        assert item.locator(".sentence").inner_text().startswith(FIRST_SENTENCE)
        assert item.locator("mark.src").inner_text() == "Russia"
        assert item.locator("mark.tgt").inner_text() == "Syria"
        assert "000_691ff97bae76b2d3" in item.locator(".meta").inner_text()
        assert "null" not in panel.inner_text() and "undefined" not in panel.inner_text()
        screenshot(page.page, "seed-map.png")

        # An actor: its type, country, degree and strongest partners.
        page.page.keyboard.press("Escape")
        page.click_node("RUS")
        assert panel.locator("h2").inner_text() == "Russia"
        facts = panel.locator("dl").inner_text()
        assert "state" in facts and "RUS" in facts and "Degree" in facts
        assert "Syria" in panel.locator("ol.partners").inner_text()

        # The search box finds a person; the panel names what they are member of.
        page.page.keyboard.press("Escape")
        page.page.locator("#search").fill("sergei lavrov")
        page.page.locator("#search").press("Enter")
        assert panel.locator("h2").inner_text() == "Sergei Lavrov"
        assert "Member of" in panel.locator("dl").inner_text()

        # The institution roll-up: no people, their relations folded into their bodies.
        page.page.locator("input[name=view][value=i]").check()
        page.wait_ready()
        rolled = asserted_edges(rolled_up(events))
        assert page.drawn() == (len(endpoints(rolled)), len(rolled))
        assert page.evaluate("() => kgMap.nodes.get({filter: (n) => !n.hidden"
                             " && n.kind === 'person'}).length") == 0
        # Sizes follow the centralities of the view on show.
        assert page.evaluate("() => kgMap.nodes.get({filter: (n) => !n.hidden})"
                             ".every((n) => n.size === n.i.size)")
        page.check_clean()


@pytest.mark.browser
def test_large_map_opens_and_responds(browser: Any, tmp_path: Path) -> None:
    benchmark = _benchmark()
    events = benchmark.synthetic_events(2000, 10000)
    path = tmp_path / "large.html"
    stats = render_html(build_graph(events), path, title="2,000 actors")
    assert (stats.nodes, stats.edges) == (2000, 10000)
    with opened(browser, path, timeout=240_000) as page:
        assert page.drawn() == (2000, 10000)
        assert page.evaluate("() => kgMap.network.physics.options.enabled") is False
        screenshot(page.page, "large-map.png")
        kept = {(e.source.actor.id, e.target.actor.id, e.relation.label) for e in events
                if not e.negated and e.relation.quad != "material conflict"}
        took = page.evaluate("""async () => {
            const started = performance.now();
            document.querySelector('[data-quad="material conflict"]').click();
            await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
            return performance.now() - started;
        }""")
        assert page.drawn() == (len(endpoints(kept)), len(kept))
        assert took < 10_000, f"a filter click took {took:.0f} ms"
        page.check_clean()


@pytest.mark.browser
def test_text_from_articles_never_runs(browser: Any, tmp_path: Path) -> None:
    evil = Actor("EVIL", XSS_NAME, "group")
    doc_id = '"><svg onload=alert(3)>'
    events = [event(evil, ATTACKS, SYRIA, doc=doc_id, tail=" " + XSS_SENTENCE_TAIL),
              event(RUSSIA, URGES, evil, doc="safe")]
    documents = {doc_id: Document(doc_id, "", title="</title><script>alert(4)</script>",
                                  source="javascript:alert(5)"),
                 "safe": Document("safe", "", title="A <i>title</i>",
                                  source="https://example.org/a?b=<c>&d")}
    path = tmp_path / "xss.html"
    render_html(build_graph(events), path, title="</title><script>alert(6)</script>",
                documents=documents)
    raw = path.read_text(encoding="utf-8")
    assert "<img" not in raw and "<svg" not in raw and "alert(6)</script>" not in raw

    with opened(browser, path) as page:
        assert page.drawn() == (3, 2)
        assert page.evaluate("() => document.title") == "</title><script>alert(6)</script>"
        assert page.evaluate("() => kgMap.nodes.get('EVIL').label") == XSS_NAME
        page.click_edge(page.edge_id("EVIL", "SYR", "ATTACKS"))
        panel = page.page.locator("#panel")
        assert panel.locator("h2").inner_text() == f"{XSS_NAME} \u2192 Syria"
        item = panel.locator("ol.evidence li").first
        assert item.locator("mark.src").inner_text() == XSS_NAME
        assert "</script><script>alert(2)</script> said <b>nobody</b>" in \
            item.locator(".sentence").inner_text()
        assert doc_id in item.locator(".meta").inner_text()
        assert "</title><script>alert(4)</script>" in item.locator(".meta").inner_text()
        # The chart by month is the page's own SVG; nothing else may be markup.
        assert page.evaluate("() => document.querySelectorAll("
                             "'img, svg:not(.timeline > svg), iframe, object, embed, b, i')"
                             ".length") == 0
        # A javascript: URL is shown nowhere as a link; an https one is.
        page.page.keyboard.press("Escape")
        page.click_edge(page.edge_id("RUS", "EVIL", "URGES"))
        assert page.evaluate("() => [...document.querySelectorAll('a')].map((a) => a.href)") \
            == ["https://example.org/a?b=%3Cc%3E&d"]
        page.page.locator("#search").fill(XSS_NAME)
        page.page.locator("#search").press("Enter")
        assert panel.locator("h2").inner_text() == XSS_NAME
        assert page.evaluate("() => document.querySelectorAll('a[href^=\"javascript\"]')"
                             ".length") == 0
        page.check_clean()


@pytest.mark.browser
def test_dates_relations_and_evidence_order(browser: Any, tmp_path: Path) -> None:
    events = [event(RUSSIA, URGES, SYRIA, doc="old", date="2015-01-01"),
              event(RUSSIA, URGES, SYRIA, doc="new", date="2016-04-01", tail=" again."),
              event(RUSSIA, URGES, SYRIA, doc="undated", date=None, tail=" at some point."),
              event(SYRIA, ATTACKS, RUSSIA, doc="mid", date="2015-06-01"),
              event(LAVROV, URGES, SYRIA, doc="new", date="2016-04-01")]
    path = tmp_path / "dates.html"
    render_html(build_graph(events), path)
    with opened(browser, path) as page:
        assert page.drawn() == (3, 3)
        page.click_edge(page.edge_id("RUS", "SYR", "URGES"))
        dates = page.page.locator("#panel ol.evidence .meta").all_inner_texts()
        assert [text.split(" ")[0] for text in dates] == ["2016-04-01", "2015-01-01", "undated"]

        page.page.locator("#date-from").fill("2016-01-01")
        assert page.drawn() == (3, 2)
        page.page.locator("#date-to").fill("2016-03-31")
        assert page.drawn() == (0, 0)
        page.page.locator("#date-clear").click()
        assert page.drawn() == (3, 3)

        page.page.locator('[data-relation="URGES"]').uncheck()
        assert page.drawn() == (2, 1)
        page.page.locator("#rel-none").click()
        assert page.drawn() == (0, 0)
        page.page.locator("#rel-all").click()
        assert page.drawn() == (3, 3)
        page.check_clean()

    empty = tmp_path / "empty.html"
    render_html(build_graph([]), empty)
    with opened(browser, empty) as page:
        assert page.drawn() == (0, 0)
        page.check_clean()


@pytest.mark.browser
def test_a_very_long_name_is_clipped_on_the_map_and_whole_in_the_panel(
        browser: Any, tmp_path: Path) -> None:
    egypt = Actor("EGY", "Egypt", "state", country="EGY")
    long_name = ("Committee for the Defence of the Rights of " * 120)[:5000]
    long = Actor("LONG", long_name, "group")
    normal = [event(RUSSIA, URGES, SYRIA), event(SYRIA, ATTACKS, egypt),
              event(egypt, URGES, RUSSIA)]
    scales = {}
    for name, events in (("short", normal), ("long", [*normal, event(long, URGES, SYRIA)])):
        path = tmp_path / f"{name}.html"
        render_html(build_graph(events), path)
        with opened(browser, path) as page:
            scales[name] = page.evaluate("() => kgMap.network.getScale()")
            if name == "long":
                label = page.evaluate("() => kgMap.nodes.get('LONG').label")
                assert len(label) <= 40 and label.endswith("\u2026")
                assert long_name.startswith(label[:-1])
                assert len(page.evaluate("() => kgMap.nodes.get('LONG').title")) < 200
                page.click_node("LONG")
                heading = page.page.locator("#panel h2")
                assert heading.inner_text() == long_name
                panel = page.page.locator("#panel").bounding_box()
                box = heading.bounding_box()
                assert box["x"] + box["width"] <= panel["x"] + panel["width"] + 1
                screenshot(page.page, "long-name-map.png")
                page.check_clean()
    # One long name must not shrink the map: the fit zooms as for names of usual length.
    assert scales["long"] > scales["short"] / 3, scales
