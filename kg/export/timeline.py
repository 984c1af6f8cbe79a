"""How a dyad's relations evolve: events per month by QuadClass and the monthly sum of
their Goldstein scores, the chart the map's evidence panel draws, as a file for reports.

A dyad is directed (source -> target), as in CAMEO event data. Negated events are not
events and are left out; undated ones cannot be placed in a month and are counted apart.
Copies of one sentence (page furniture, wire copies) under one relation count once, in the
month of their first dated copy, as in the map's chart.
"""

from __future__ import annotations

import difflib
import io
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import InputError
from kg.export.style import GOLDSTEIN_COLOUR, QUAD_COLOURS
from kg.lock import output_lock
from kg.model import Actor, Event, Mention
from kg.output import EVENTS, read_events, write_bytes

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FORMATS = (".png", ".svg", ".pdf")
QUADS = tuple(QUAD_COLOURS)


@dataclass(frozen=True, slots=True)
class Month:
    """One month of a dyad: events per QuadClass (in QUADS order) and the Goldstein sum."""

    month: str  # YYYY-MM
    counts: tuple[int, ...]
    goldstein: float

    @property
    def events(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class Timeline:
    """Every month from the dyad's first dated event to its last, empty ones included."""

    source: str
    target: str
    months: list[Month] = field(default_factory=list)
    undated: int = 0
    copies: int = 0  # events not counted: copies of a sentence already counted

    @property
    def events(self) -> int:
        return sum(month.events for month in self.months)

    @property
    def goldstein(self) -> float:
        return round(sum(month.goldstein for month in self.months), 1)


@dataclass(frozen=True)
class Options:
    """Which events make the dyad (``kg export timeline`` options)."""

    institutions: bool = False  # people folded into what they are members of
    countries: bool = False  # every actor folded into its country
    relations: frozenset[str] = frozenset()  # only these labels; empty: all
    since: str | None = None
    until: str | None = None


def dyad_timeline(events: Iterable[Event], source: str, target: str,
                  options: Options = Options()) -> Timeline:
    """The monthly series of ``source`` -> ``target``: actor ids or names (country codes
    or names with ``options.countries``)."""
    folded = [_fold(event, options) for event in events if not event.negated]
    actors = _actors(folded)
    source_id, source_name = _resolve(source, actors)
    target_id, target_name = _resolve(target, actors)
    chosen = [event for event in folded
              if event.source.actor.id == source_id and event.target.actor.id == target_id
              and (not options.relations or event.relation.label in options.relations)
              and _in_range(event.date, options)]
    counted = _one_per_sentence(chosen)
    by_month: dict[str, list[Event]] = {}
    undated = 0
    for event in counted:
        if event.date is None:
            undated += 1
        else:
            by_month.setdefault(event.date[:7], []).append(event)
    return Timeline(source_name, target_name, _months(by_month), undated,
                    len(chosen) - len(counted))


def _one_per_sentence(events: list[Event]) -> list[Event]:
    """The first dated copy of each sentence under each relation (or its first copy)."""
    first: dict[tuple[str, str], Event] = {}
    for event in events:
        key = (event.relation.label, event.sentence_key)
        known = first.get(key)
        if known is None or (event.date is not None
                             and (known.date is None or event.date < known.date)):
            first[key] = event
    return list(first.values())


def _months(by_month: dict[str, list[Event]]) -> list[Month]:
    if not by_month:
        return []
    first, last = (_index(month) for month in (min(by_month), max(by_month)))
    months = []
    for index in range(first, last + 1):
        name = f"{index // 12:04d}-{index % 12 + 1:02d}"
        events = by_month.get(name, [])
        counts = tuple(sum(1 for event in events if event.relation.quad == quad)
                       for quad in QUADS)
        months.append(Month(name, counts,
                            round(sum(event.relation.goldstein for event in events), 1)))
    return months


def _index(month: str) -> int:
    year, number = month.split("-")
    return int(year) * 12 + int(number) - 1


def _in_range(date: str | None, options: Options) -> bool:
    if options.since is None and options.until is None:
        return True
    # A date range cannot place an undated event, so it leaves it out, as the map does.
    return date is not None and (options.since is None or date >= options.since) and \
        (options.until is None or date <= options.until)


def _fold(event: Event, options: Options) -> Event:
    if not (options.institutions or options.countries):
        return event
    return replace(event, source=_fold_mention(event.source, options),
                   target=_fold_mention(event.target, options))


def _fold_mention(mention: Mention, options: Options) -> Mention:
    actor: Actor = mention.actor
    if options.countries:
        country = actor.state_country
        if country is None:
            return mention
        name = actor.name if actor.id == country else country
        return replace(mention, actor=Actor(country, name, "state", country=country))
    while actor.member_of is not None:
        actor = actor.member_of
    return mention if actor is mention.actor else replace(mention, actor=actor)


def _actors(events: list[Event]) -> dict[str, str]:
    """Actor id -> name; a country stands for itself by the name of its state actor."""
    names: dict[str, str] = {}
    for event in events:
        for actor in (event.source.actor, event.target.actor):
            if actor.name != actor.id or actor.id not in names:
                names[actor.id] = actor.name
    return names


def _resolve(wanted: str, actors: dict[str, str]) -> tuple[str, str]:
    """(id, name) of the actor named by id or name, in any case."""
    key = wanted.strip().casefold()
    for actor_id, name in actors.items():
        if key in (actor_id.casefold(), name.casefold()):
            return actor_id, name
    choices = [*actors, *actors.values()]
    close = difflib.get_close_matches(wanted, choices, n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise InputError(f"no actor {wanted!r} in an asserted event{hint}")


def draw(timeline: Timeline, title: str | None = None) -> Figure:
    """The chart as a matplotlib Figure: stacked bars per month, Goldstein line on the right."""
    # matplotlib loads slowly; only charts need it.
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(9, 4.2), layout="constrained")
    bars = figure.subplots()
    positions = list(range(len(timeline.months)))
    base = [0] * len(positions)
    for number, quad in enumerate(QUADS):
        heights = [month.counts[number] for month in timeline.months]
        if any(heights):
            drawn = bars.bar(positions, heights, bottom=base, width=0.6,
                             color=QUAD_COLOURS[quad], label=quad)
            # Named in an SVG file, so that what a bar says can be read back from it.
            for month, patch in zip(timeline.months, drawn.patches, strict=True):
                patch.set_gid(f"bar-{month.month}-{quad.replace(' ', '-')}")
            base = [low + height for low, height in zip(base, heights, strict=True)]
    bars.set_ylabel("events")
    bars.set_ylim(0, max(base, default=1) * 1.1)
    bars.yaxis.set_major_locator(MaxNLocator(integer=True))
    _month_ticks(bars, timeline.months)
    line = bars.twinx()
    # A month without events sums to 0, so the line runs through every month; dots mark
    # the months with events.
    sums = [month.goldstein for month in timeline.months]
    line.plot(positions, sums, color=GOLDSTEIN_COLOUR, linewidth=1.5, label="Goldstein sum",
              marker="o", markersize=4, gid="goldstein",
              markevery=[p for p, month in zip(positions, timeline.months, strict=True)
                         if month.events])
    line.axhline(0, color="#90a4ae", linestyle="--", linewidth=0.8)
    line.set_ylabel("Goldstein sum")
    low, high = min(0.0, *sums), max(0.0, *sums)
    pad = (high - low) * 0.08 or 1.0
    line.set_ylim(low - pad if low < 0 else low, high + pad if high > 0 else high + pad)
    handles = bars.get_legend_handles_labels()[0] + line.get_legend_handles_labels()[0]
    figure.legend(handles=handles, loc="outside lower center", fontsize=8, frameon=False,
                  ncols=len(handles))
    figure.suptitle(title or f"{timeline.source} \u2192 {timeline.target}", fontsize=12)
    undated = f"; {timeline.undated} undated not charted" if timeline.undated else ""
    copies = f"; {_copies(timeline.copies)} counted once" if timeline.copies else ""
    bars.set_title(f"{timeline.events} events by month and QuadClass, Goldstein sum "
                   f"{timeline.goldstein:+.1f}{undated}{copies}", fontsize=9,
                   color="#555555")
    return figure


def _copies(number: int) -> str:
    return f"{number} cop{'y' if number == 1 else 'ies'} of a sentence"


def _month_ticks(axes: Axes, months: list[Month]) -> None:
    """Every month when few; else the first of each quarter, or of each year (by year)."""
    if len(months) <= 12:
        ticks = [(p, month.month) for p, month in enumerate(months)]
    elif len(months) <= 36:
        ticks = [(p, month.month) for p, month in enumerate(months)
                 if month.month[5:] in ("01", "04", "07", "10")]
    else:
        ticks = [(p, month.month[:4]) for p, month in enumerate(months)
                 if month.month.endswith("-01")]
    slanted = len(ticks) > 8 and len(months) <= 36
    axes.set_xticks([p for p, _ in ticks], [label for _, label in ticks],
                    rotation=45 if slanted else 0, ha="right" if slanted else "center")


def chart_bytes(timeline: Timeline, suffix: str, title: str | None = None) -> bytes:
    """The chart as PNG, SVG or PDF; the same events give the same bytes."""
    figure = draw(timeline, title)
    buffer = io.BytesIO()
    form = suffix.lstrip(".")
    # No dates or versions in the file: the same events give the same bytes.
    metadata: dict[str, dict[str, str | None]] = {
        "svg": {"Date": None}, "pdf": {"CreationDate": None}, "png": {"Software": None}}
    from matplotlib import rc_context

    with rc_context({"svg.hashsalt": "kg", "svg.fonttype": "none"}):
        figure.savefig(buffer, format=form, dpi=150, metadata=metadata[form])
    return buffer.getvalue()


@dataclass(frozen=True)
class ChartStats:
    path: Path
    timeline: Timeline


def export_timeline(folder: Path, source: str, target: str, out: Path | None = None,
                    options: Options = Options(), title: str | None = None) -> ChartStats:
    """``kg export timeline``: the dyad's chart from FOLDER/events.jsonl."""
    if out is not None and out.suffix.lower() not in FORMATS:
        raise InputError(f"{out}: the chart is written as {', '.join(FORMATS)}; name the "
                         "file with one of these")
    with output_lock(folder, shared=True):
        events = list(read_events(folder))
    try:
        timeline = dyad_timeline(events, source, target, options)
    except InputError as error:
        raise InputError(f"{folder / EVENTS}: {error}") from None
    if not timeline.months:
        raise InputError(f"{folder}: no dated events from {timeline.source} to "
                         f"{timeline.target}" + (f" ({timeline.undated} undated)"
                                                  if timeline.undated else ""))
    path = out or folder / f"timeline-{_slug(timeline.source)}-{_slug(timeline.target)}.png"
    write_bytes(path, chart_bytes(timeline, path.suffix.lower(), title))
    return ChartStats(path, timeline)


def _slug(name: str) -> str:
    return "".join(char if char.isalnum() else "-" for char in name.lower()).strip("-") or "x"
