"""How large a map stays usable: render a synthetic event graph and time it in Chromium.

    python3 benchmarks/html_map.py                    # 2,000 actors, 10,000 relations
    python3 benchmarks/html_map.py --nodes 500 --edges 2500 --no-record

Prints the file size, the Python render time and, in headless Chromium with the network
off, the time until the page is interactive (layout stabilised and physics stopped) and
the time one filter click takes to redraw. Records the figures in BENCHMARKS.md, with the
command, commit and machine, as the current table of its measure unless --no-record.
tests/test_html.py imports ``synthetic_events`` so that the test opens the same map this
measures.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import record  # noqa: E402
from kg.export.html import render_html  # noqa: E402
from kg.graph import build_graph  # noqa: E402
from kg.model import Actor, Event, Mention, Relation  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
RELATIONS = [
    Relation("STATES", "010", 0.0), Relation("EXPRESSES_CONCERN", "012", -0.4),
    Relation("URGES", "020", 3.0), Relation("OFFERS", "030", 4.0),
    Relation("MEETS", "040", 1.0), Relation("NEGOTIATES_WITH", "046", 7.0),
    Relation("SUPPORTS", "051", 3.4), Relation("SIGNS_AGREEMENT_WITH", "057", 8.0),
    Relation("AIDS", "070", 7.0), Relation("FUNDS", "071", 7.4),
    Relation("ALLOWS", "080", 5.0), Relation("INVESTIGATES", "090", -2.0),
    Relation("DEMANDS", "100", -5.0), Relation("CRITICIZES", "111", -2.0),
    Relation("ACCUSES", "112", -2.0), Relation("REJECTS", "120", -4.0),
    Relation("THREATENS", "130", -4.4), Relation("PROTESTS", "114", -2.0),
    Relation("SANCTIONS", "163", -8.0), Relation("ARRESTS", "173", -5.0),
    Relation("ATTACKS", "190", -10.0), Relation("BOMBS", "183", -10.0),
    Relation("SHELLS", "194", -10.0), Relation("OCCUPIES", "192", -9.2),
]
START = date(2015, 1, 1)


def _actors(count: int, rng: random.Random) -> list[Actor]:
    """About a tenth states and organisations; the rest people who are member_of one."""
    institutions: list[Actor] = []
    kinds = ["state"] * 6 + ["igo", "ngo", "group", "bloc"]
    for number in range(max(2, count // 10)):
        kind = kinds[number % len(kinds)]
        institutions.append(Actor(id=f"{kind[:3].upper()}{number:04d}",
                                  name=f"{kind.title()} {number}", type=kind,
                                  country=f"C{number:02d}" if kind == "state" else None))
    people = [Actor(id=f"person:p{number:05d}", name=f"Person {number}", type="person",
                    member_of=rng.choice(institutions))
              for number in range(count - len(institutions))]
    return institutions + people


def synthetic_events(nodes: int = 2000, edges: int = 10000, seed: int = 1) -> list[Event]:
    """Events whose graph has exactly ``nodes`` actors and ``edges`` asserted relations.

    Every relation has one to three asserted events; about one in ten also gets a negated
    one, which the map keeps hidden until asked.
    """
    rng = random.Random(seed)
    actors = _actors(nodes, rng)
    triples: set[tuple[int, int, int]] = set()
    # A ring first, so that every actor is drawn; then random pairs up to the count.
    for index in range(len(actors)):
        if len(triples) < edges:
            triples.add((index, (index + 1) % len(actors), rng.randrange(len(RELATIONS))))
    while len(triples) < edges:
        source, target = rng.sample(range(len(actors)), 2)
        triples.add((source, target, rng.randrange(len(RELATIONS))))
    events: list[Event] = []
    for source_index, target_index, relation_index in sorted(triples):
        source, target = actors[source_index], actors[target_index]
        relation = RELATIONS[relation_index]
        repeats = rng.choice((1, 1, 1, 2, 3))
        for repeat in range(repeats + (rng.random() < 0.1)):
            verb = relation.label.lower().replace("_", " ")
            negated = repeat == repeats
            sentence = (f"{source.name} {'did not ' if negated else ''}{verb} {target.name} "
                        f"on the question of item {rng.randrange(10_000)}, officials said.")
            offset = rng.randrange(0, 5000)
            target_at = sentence.index(target.name, len(source.name))
            events.append(Event(
                doc_id=f"doc-{rng.randrange(nodes * 2):05d}", sentence=sentence,
                sentence_start=offset, sentence_end=offset + len(sentence),
                source=Mention(source.name, offset, offset + len(source.name), source),
                target=Mention(target.name, offset + target_at,
                               offset + target_at + len(target.name), target),
                relation=relation, negated=negated,
                date=(START + timedelta(days=rng.randrange(730))).isoformat(),
                confidence=0.8, extractor="synthetic"))
    return events


@dataclass
class Figures:
    nodes: int
    edges: int
    events: int
    size_bytes: int
    render_seconds: float
    dom_ready_ms: float
    interactive_ms: float
    filter_click_ms: float
    drawn_nodes: int
    drawn_edges: int
    external_requests: int


def measure(nodes: int, edges: int, folder: Path) -> Figures:
    from playwright.sync_api import sync_playwright

    events = synthetic_events(nodes, edges)
    started = time.perf_counter()
    stats = render_html(build_graph(events), folder / "map.html", title="synthetic benchmark")
    render_seconds = time.perf_counter() - started
    external: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(offline=True, viewport={"width": 1600, "height": 1000})
            page = context.new_page()

            def gate(route: object) -> None:
                url = route.request.url  # type: ignore[attr-defined]
                if url.startswith(LOCAL_SCHEMES):
                    route.continue_()  # type: ignore[attr-defined]
                else:
                    external.append(url)
                    route.abort()  # type: ignore[attr-defined]

            page.route("**/*", gate)
            page.goto(stats.path.as_uri(), wait_until="domcontentloaded", timeout=120_000)
            # Function form throughout: the page's CSP forbids the eval a string would need.
            page.wait_for_function("() => window.kgMap && window.kgMap.ready", timeout=300_000,
                                   polling="raf")
            # Both are read from the page's own clock, from navigation start.
            dom_ready, interactive = page.evaluate("""() => [
                performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd,
                kgMap.readyAt]""")
            drawn = page.evaluate("[kgMap.network.body.nodeIndices.length,"
                                  " kgMap.network.body.edgeIndices.length]")
            click = page.evaluate("""async () => {
                const started = performance.now();
                document.querySelector('[data-quad="verbal cooperation"]').click();
                // Two frames: the one vis schedules its redraw in, and the one after it.
                await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                return performance.now() - started;
            }""")
        finally:
            browser.close()
    return Figures(nodes=nodes, edges=edges, events=len(events),
                   size_bytes=stats.path.stat().st_size, render_seconds=render_seconds,
                   dom_ready_ms=dom_ready, interactive_ms=interactive, filter_click_ms=click,
                   drawn_nodes=drawn[0], drawn_edges=drawn[1], external_requests=len(external))


def report(figures: Figures) -> str:
    return "\n".join([
        f"| actors / relations (asserted) / events | {figures.nodes:,} / {figures.edges:,}"
        f" / {figures.events:,} |",
        f"| file size | {figures.size_bytes / 2**20:.1f} MiB |",
        f"| render time (Python, render_html) | {figures.render_seconds:.2f} s |",
        f"| DOMContentLoaded | {figures.dom_ready_ms / 1000:.2f} s |",
        f"| time to interactive (layout done, physics off) | "
        f"{figures.interactive_ms / 1000:.2f} s |",
        f"| one filter click, to redrawn frame | {figures.filter_click_ms:.0f} ms |",
        f"| drawn at open: nodes / edges | {figures.drawn_nodes:,} / {figures.drawn_edges:,} |",
        f"| external requests | {figures.external_requests} |",
    ])


def record_figures(figures: Figures, command: str) -> Path:
    return record(f"HTML map, {figures.nodes:,} actors / {figures.edges:,} relations", command,
                  f"| measure | value |\n|---|---|\n{report(figures)}",
                  f"browser: headless Debian Chromium ({CHROMIUM}), network off")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=10000)
    parser.add_argument("--no-record", action="store_true", help="Do not record the "
                        "figures in BENCHMARKS.md.")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        figures = measure(arguments.nodes, arguments.edges, Path(folder))
    sys.stdout.write(report(figures) + "\n")
    if not arguments.no_record:
        command = "python3 benchmarks/html_map.py " + " ".join(sys.argv[1:])
        sys.stdout.write(f"recorded in {record_figures(figures, command.strip())}\n")


if __name__ == "__main__":
    main()
