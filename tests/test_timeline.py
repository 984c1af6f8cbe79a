"""How a dyad evolves: the monthly series, the chart files of ``kg export timeline``, and the
chart in the map's evidence panel, read back from the page in headless Chromium.

Expected figures are counted here from the events themselves, independently of kg's code.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_html import (
    ATTACKS,
    LAVROV,
    RUSGOV,
    RUSSIA,
    SYRIA,
    URGES,
    browser,  # noqa: F401  (the Chromium fixture)
    event,
    opened,
    screenshot,
)
from test_pages import PAGES

from kg.cli import main
from kg.errors import InputError
from kg.export.html import render_html
from kg.export.timeline import Options, dyad_timeline
from kg.extract.depverb import DepVerbExtractor
from kg.graph import build_graph
from kg.model import Event, Relation
from kg.output import (
    DOCUMENTS,
    EVENTS,
    ExtractionWriter,
    read_document_index,
    read_events,
    write_jsonl,
)
from kg.readers import read_documents

PRAISES = Relation("PRAISES", "051", 3.4)
QUADS = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"]


def _events() -> list[Event]:
    return [
        event(RUSSIA, URGES, SYRIA, doc="a", date="2016-01-05"),
        event(RUSSIA, URGES, SYRIA, doc="b", date="2016-01-20", offset=300, tail=" again."),
        event(RUSSIA, ATTACKS, SYRIA, doc="b", date="2016-01-20", offset=500),
        event(RUSSIA, PRAISES, SYRIA, doc="c", date="2016-04-02"),
        event(RUSSIA, ATTACKS, SYRIA, doc="d", date="2016-04-30", negated=True),
        event(RUSSIA, URGES, SYRIA, doc="e", date=None, tail=" once more."),
        event(LAVROV, URGES, SYRIA, doc="f", date="2016-02-11"),
        event(RUSGOV, ATTACKS, SYRIA, doc="g", date="2016-03-01"),
        event(SYRIA, ATTACKS, RUSSIA, doc="h", date="2016-03-03"),
    ]


def _series(timeline: Any) -> list[tuple[str, int, float]]:
    return [(month.month, month.events, month.goldstein) for month in timeline.months]


def test_months_quads_and_goldstein_sums() -> None:
    events = _events()
    plain = dyad_timeline(events, "rus", "Syria")
    # Every month from first to last, empty ones included; negated events are no events.
    assert _series(plain) == [("2016-01", 3, -4.0), ("2016-02", 0, 0.0),
                              ("2016-03", 0, 0.0), ("2016-04", 1, 3.4)]
    assert plain.months[0].counts == (2, 0, 0, 1)
    assert (plain.source, plain.target, plain.undated, plain.events) == \
        ("Russia", "Syria", 1, 4)
    # People folded into their bodies: Lavrov's urging is the Russian government's.
    bodies = dyad_timeline(events, "RUSGOV", "SYR", Options(institutions=True))
    assert _series(bodies) == [("2016-02", 1, 3.0), ("2016-03", 1, -10.0)]
    # Everything folded into countries: Russia, its government and its minister.
    countries = dyad_timeline(events, "RUS", "SYR", Options(countries=True))
    assert _series(countries) == [("2016-01", 3, -4.0), ("2016-02", 1, 3.0),
                                  ("2016-03", 1, -10.0), ("2016-04", 1, 3.4)]
    only = dyad_timeline(events, "RUS", "SYR", Options(relations=frozenset({"URGES"}),
                                                       since="2016-01-10"))
    assert _series(only) == [("2016-01", 1, 3.0)] and only.undated == 0
    with pytest.raises(InputError, match=r"no actor 'RUSS' .*did you mean RUS"):
        dyad_timeline(events, "RUSS", "SYR")


def _bars(svg: Path) -> dict[tuple[str, str], float]:
    """Height of each bar drawn in a matplotlib SVG, by (month, QuadClass)."""
    heights = {}
    for group in ElementTree.parse(svg).iter("{http://www.w3.org/2000/svg}g"):
        found = re.fullmatch(r"bar-(\d{4}-\d{2})-(.+)", group.get("id", ""))
        if found:
            path = next(group.iter("{http://www.w3.org/2000/svg}path"))
            ys = [float(y) for y in re.findall(r"[ML] [\d.]+ ([\d.]+)", path.get("d", ""))]
            heights[(found.group(1), found.group(2).replace("-", " "))] = max(ys) - min(ys)
    return heights


def test_cli_draws_the_chart_as_png_and_svg(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / EVENTS).write_text("".join(json.dumps(e.to_dict()) + "\n" for e in _events()),
                                 encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["export", "timeline", str(folder), "--source", "RUS",
                                  "--target", "SYR"])
    assert result.exit_code == 0, result.output
    png = folder / "timeline-russia-syria.png"
    assert result.output == (f"kg: wrote {png} (Russia \u2192 Syria: 4 events in 4 months, "
                             "Goldstein sum -0.6, 1 undated not charted)\n")
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")

    svg = tmp_path / "chart.svg"
    result = runner.invoke(main, ["export", "timeline", str(folder), "--source", "Russia",
                                  "--target", "Syria", "-o", str(svg), "--countries"])
    assert result.exit_code == 0, result.output
    counts: Counter[tuple[str, str]] = Counter()
    for e in _events():
        if not e.negated and e.date and e.target.actor.id == "SYR":
            counts[(e.date[:7], e.relation.quad)] += 1
    heights = _bars(svg)
    drawn = {key for key, height in heights.items() if height > 0}
    assert drawn == set(counts)
    per_event = {round(heights[key] / count, 3) for key, count in counts.items()}
    assert len(per_event) == 1, "bar heights are not proportional to the events"
    first = svg.read_bytes()
    assert runner.invoke(main, ["export", "timeline", str(folder), "--source", "Russia",
                                "--target", "Syria", "-o", str(svg), "--countries"]
                         ).exit_code == 0
    assert svg.read_bytes() == first, "the same events should give the same file"

    bad = runner.invoke(main, ["export", "timeline", str(folder), "--source", "RUS",
                               "--target", "SYR", "-o", str(tmp_path / "chart.jpg")])
    assert (bad.exit_code, bad.stderr) == (1, f"kg: error: {tmp_path / 'chart.jpg'}: the "
                                           "chart is written as .png, .svg, .pdf; name the "
                                           "file with one of these\n")
    both = runner.invoke(main, ["export", "timeline", str(folder), "--source", "RUS",
                                "--target", "SYR", "--institutions", "--countries"])
    assert both.exit_code == 2
    none = runner.invoke(main, ["export", "timeline", str(folder), "--source", "IRN",
                                "--target", "SYR"])
    assert none.exit_code == 1 and none.stderr.startswith(
        f"kg: error: {folder / EVENTS}: no actor 'IRN' in an asserted event")
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


# -- in the map ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pages_out(tmp_path_factory: pytest.TempPathFactory, extractor: DepVerbExtractor) -> Path:
    """The saved news pages of tests/fixtures/pages, extracted as kg build does."""
    folder = tmp_path_factory.mktemp("pages")
    with ExtractionWriter(folder) as writer:
        for result in extractor.extract(list(read_documents([PAGES]))):
            writer.add(result)
        write_jsonl(folder / "actors.jsonl", writer.actors.records())
    return folder


def _expected(events: list[Event], source: str, target: str) -> dict[str, dict[str, Any]]:
    months: dict[str, dict[str, Any]] = defaultdict(lambda: {"quads": Counter(), "sum": 0.0})
    for e in events:
        if (e.source.actor.id, e.target.actor.id) == (source, target) and not e.negated \
                and e.date:
            months[e.date[:7]]["quads"][e.relation.quad] += 1
            months[e.date[:7]]["sum"] += e.relation.goldstein
    return months


CHART = """() => {
    const svg = document.querySelector('#panel .timeline svg');
    const number = (name) => Number(svg.getAttribute(name));
    return {
        perEvent: number('data-per-event'), high: number('data-gold-high'),
        low: number('data-gold-low'), top: number('data-plot-top'),
        height: number('data-plot-height'),
        months: [...svg.querySelectorAll('g.month')].map((g) => ({
            month: g.dataset.month, events: Number(g.dataset.events),
            goldstein: Number(g.dataset.goldstein),
            bars: [...g.querySelectorAll('rect.bar')].map((r) => ({quad: r.dataset.quadclass,
                count: Number(r.dataset.count), height: Number(r.getAttribute('height'))})),
        })),
        points: [...svg.querySelectorAll('circle.point')].map((c) => ({
            month: c.dataset.month, y: Number(c.getAttribute('cy'))})),
        line: (svg.querySelector('polyline.gold-line')?.getAttribute('points') || '')
            .split(' ').filter(Boolean).map((point) => Number(point.split(',')[1])),
    };
}"""


def _check_chart(chart: dict[str, Any], expected: dict[str, dict[str, Any]]) -> None:
    assert [m["month"] for m in chart["months"]] == sorted(expected)
    for month in chart["months"]:
        wanted = expected[month["month"]]
        assert month["events"] == sum(wanted["quads"].values())
        assert month["goldstein"] == pytest.approx(round(wanted["sum"], 1))
        assert {bar["quad"]: bar["count"] for bar in month["bars"]} == dict(wanted["quads"])
        assert [bar["quad"] for bar in month["bars"]] == \
            [quad for quad in QUADS if wanted["quads"][quad]]
        for bar in month["bars"]:
            assert bar["height"] == pytest.approx(bar["count"] * chart["perEvent"])
    scale = chart["height"] / (chart["high"] - chart["low"])

    def y(goldstein: float) -> float:
        return float(chart["top"] + (chart["high"] - goldstein) * scale)

    for point in chart["points"]:
        assert point["y"] == pytest.approx(y(expected[point["month"]]["sum"]))
    # The line runs through every month of the range; a month without events sums to 0.
    first, last = (int(m[:4]) * 12 + int(m[5:]) for m in (min(expected), max(expected)))
    months = [f"{i // 12}-{i % 12:02d}" if i % 12 else f"{i // 12 - 1}-12"
              for i in range(first, last + 1)]
    if len(months) > 1:
        assert chart["line"] == pytest.approx(
            [y(expected[m]["sum"] if m in expected else 0.0) for m in months])


@pytest.mark.browser
def test_map_charts_a_dyad_and_filters_its_evidence_by_month(
        browser: Any, pages_out: Path, tmp_path: Path) -> None:  # noqa: F811
    events = list(read_events(pages_out))
    documents = read_document_index(pages_out / DOCUMENTS)
    path = tmp_path / "pages.html"
    render_html(build_graph(events), path, title="Saved pages", documents=documents)
    everything = _expected(events, "RUS", "SYR")
    urges = _expected([e for e in events if e.relation.label == "URGES"], "RUS", "SYR")
    assert len(everything) >= 5 and len(urges) == 1

    with opened(browser, path) as page:
        page.click_edge(page.edge_id("RUS", "SYR", "URGES"))
        panel = page.page.locator("#panel")
        assert panel.locator("h2").inner_text() == "Russia \u2192 Syria"
        _check_chart(page.evaluate(CHART), urges)
        # Its evidence links to the page's canonical URL.
        assert page.evaluate("() => [...document.querySelectorAll('#panel ol.evidence a')]"
                             ".map((a) => a.href)") == [
            "https://www.levantwire.example/2016/01/11/russia-urges-syria-geneva-talks/"]

        panel.locator(".scope button", has_text="All relations").click()
        _check_chart(page.evaluate(CHART), everything)
        total = sum(sum(m["quads"].values()) for m in everything.values())
        assert panel.locator("ol.evidence li").count() == total
        box = page.page.locator("#map").bounding_box()
        assert box is not None  # an empty corner of the map: no tooltip in the picture
        page.page.mouse.move(box["x"] + 8, box["y"] + box["height"] - 8)
        screenshot(page.page, "timeline-panel.png")

        # A month is a button: the evidence list keeps that month's events only.
        april = sum(everything["2016-04"]["quads"].values())
        panel.locator('g.month[data-month="2016-04"] rect.hit').click()
        dates = panel.locator("ol.evidence .meta").all_inner_texts()
        assert len(dates) == april and all(text.startswith("2016-04") for text in dates)
        assert panel.locator("h3", has_text="Evidence from 2016-04").count() == 1
        assert panel.locator("g.month.dimmed").count() == len(everything) - 1
        panel.locator("button.all-months").click()
        assert panel.locator("ol.evidence li").count() == total

        # The map's filters apply: without conflict, only cooperation is charted.
        page.page.locator('[data-quad="verbal conflict"]').click()
        page.page.locator('[data-quad="material conflict"]').click()
        cooperation = _expected([e for e in events if "cooperation" in e.relation.quad],
                                "RUS", "SYR")
        _check_chart(page.evaluate(CHART), cooperation)
        page.page.locator('[data-quad="verbal conflict"]').click()
        page.page.locator('[data-quad="material conflict"]').click()

        # A node pair: from an actor's partners to the two actors' timeline.
        page.page.keyboard.press("Escape")
        page.click_node("RUS")
        panel.locator("ol.partners li", has_text="Syria").locator("button.pair").click()
        assert panel.locator("h2").inner_text() == "Russia \u2192 Syria"
        _check_chart(page.evaluate(CHART), everything)
        page.check_clean()
