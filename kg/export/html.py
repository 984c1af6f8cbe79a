"""The interactive map: one self-contained HTML file that opens offline.

pyvis builds the vis-network node and edge records and options, and its installed package
supplies vis-network's JavaScript and CSS. The page around them is kg's own (kg/data/map.js,
kg/data/map.css) because pyvis' templates load Bootstrap and more from CDNs even with
``cdn_resources="in_line"``. Everything is inlined; a Content-Security-Policy that allows
only the page's own scripts (by hash) and no network at all backs that up in the browser.

Article text reaches the page only as JSON in a ``<script type="application/json">`` block
with ``<``, ``>``, ``&`` and U+2028/9 escaped, and map.js puts it into the DOM with
``textContent``; vis-network draws labels on a canvas and shows string tooltips as text.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from kg.errors import InputError
from kg.export.style import QUAD_COLOURS, TYPE_STYLES
from kg.graph import build_graph
from kg.lock import output_lock
from kg.model import Actor, Document, Event, Mention
from kg.output import DOCUMENTS, HTML, atomic_writer, read_events, read_jsonl

DEFAULT_TITLE = "kg: diplomatic events"
VIS_VERSION = "9.1.2"
PARTNERS_SHOWN = 5
# Above these sizes edge labels and hover effects cost more frame time than they help.
LABELLED_EDGES = 300
BIG_GRAPH = 1500
PEOPLE, INSTITUTIONS = "p", "i"
# A kept document field with more values than this is filtered by text, not by boxes.
META_CHOICES = 30
# Longest name drawn on the canvas, and shown in a tooltip: the fit zooms out to show the
# widest label whole, so one name of thousands of characters shrank the rest to dots.
# The panel shows the full name.
LABEL_CHARS = 40
TOOLTIP_CHARS = 160
_SINCE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_URL = re.compile(r"https?://[^\s]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class MapStats:
    """What a map holds: actors and relations drawn when it opens, and events behind them."""

    path: Path
    nodes: int
    edges: int
    events: int


def export_html(folder: Path, out: Path | None = None, *, top: int | None = None,
                min_count: int = 1, since: str | None = None,
                title: str | None = None) -> MapStats:
    """``kg export html``: the map of an output folder's events (titles from documents)."""
    # Read while no build writes the folder: events and documents of one run.
    with output_lock(folder, shared=True):
        graph = build_graph(read_events(folder))
        documents = read_document_index(folder / DOCUMENTS)
    return render_html(graph, out or folder / HTML, top=top, min_count=min_count,
                       since=since, title=title or f"kg: {folder.resolve().name}",
                       documents=documents)


def render_html(graph: nx.MultiDiGraph, path: Path, *, top: int | None = None,
                min_count: int = 1, since: str | None = None, title: str = DEFAULT_TITLE,
                documents: Mapping[str, Document] | None = None) -> MapStats:
    """Write the map of a ``build_graph`` graph to ``path``.

    ``since`` (YYYY, YYYY-MM or YYYY-MM-DD) drops older and undated events, ``min_count``
    drops relations seen fewer times, and ``top`` keeps the most central actors; the
    people view and the institution roll-up are trimmed each on its own terms.
    """
    if since is not None and not _SINCE.fullmatch(since):
        raise InputError(f"since {since!r}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
    if top is not None and top < 1:
        raise InputError(f"top {top}: expected at least 1 actor")
    events = [event for _, _, data in graph.edges(data=True) for event in data["events"]
              if since is None or (event.date is not None and event.date >= since)]
    views = {
        PEOPLE: _trim(build_graph(events), min_count, top),
        INSTITUTIONS: _trim(build_graph(_rolled_up(events)), min_count, top),
    }
    page = _MapData(views, events, documents or {})
    payload = page.payload(title)
    with atomic_writer(path) as handle:
        handle.write(_page(payload, title))
    return MapStats(path=path, nodes=page.default_nodes, edges=page.default_edges,
                    events=len(payload["events"]))


def read_document_index(path: Path) -> dict[str, Document]:
    if not path.exists():
        return {}
    return {str(record["id"]): Document.from_dict(record) for record in read_jsonl(path)
            if "id" in record}


def _rolled_up(events: Iterable[Event]) -> list[Event]:
    """Each event again with people replaced by the state or organisation they speak for."""

    def fold(mention: Mention) -> Mention:
        actor: Actor = mention.actor
        while actor.member_of is not None:
            actor = actor.member_of
        return mention if actor is mention.actor else replace(mention, actor=actor)

    return [replace(event, source=fold(event.source), target=fold(event.target))
            for event in events]


def _trim(graph: nx.MultiDiGraph, min_count: int, top: int | None) -> nx.MultiDiGraph:
    weak = [(s, t, k) for s, t, k, count in graph.edges(keys=True, data="count")
            if count < min_count]
    graph.remove_edges_from(weak)
    graph.remove_nodes_from([node for node, degree in graph.degree() if degree == 0])
    if top is not None and len(graph) > top:
        centrality = nx.degree_centrality(graph)
        ranked = sorted(graph, key=lambda node: (-centrality[node], node))
        graph = graph.subgraph(ranked[:top]).copy()
        graph.remove_nodes_from([node for node, degree in graph.degree() if degree == 0])
    return graph


class _MapData:
    """Both views' nodes and edges as pyvis records, plus the evidence they point to."""

    def __init__(self, views: dict[str, nx.MultiDiGraph], events: list[Event],
                 documents: Mapping[str, Document]) -> None:
        self.views = views
        self.documents = documents
        # Only pyvis' records are used, never its HTML templates (they load CDN files).
        self.network = Network(directed=True)
        self.members: dict[str, set[str]] = defaultdict(set)
        for event in events:
            for actor in (event.source.actor, event.target.actor):
                if actor.member_of is not None:
                    self.members[actor.member_of.id].add(actor.name)
        self.event_index: dict[str, int] = {}
        self.event_rows: list[list[Any]] = []
        self.doc_index: dict[str, int] = {}
        self.doc_rows: list[list[Any]] = []
        self.doc_meta: list[dict[str, str]] = []
        self.big = False
        self._add_nodes()
        self._add_edges()
        people = views[PEOPLE]
        self.default_edges = sum(1 for _, _, data in people.edges(data=True)
                                 if data["count"] > data["negated_count"])
        self.default_nodes = len({node for s, t, data in people.edges(data=True)
                                  if data["count"] > data["negated_count"] for node in (s, t)})

    def _add_nodes(self) -> None:
        stats = {view: _node_stats(graph) for view, graph in self.views.items()}
        seen: dict[str, dict[str, Any]] = {}
        for graph in self.views.values():
            for node, data in graph.nodes(data=True):
                seen.setdefault(node, data)
        for node in sorted(seen):
            data = seen[node]
            kind = data["type"] if data["type"] in TYPE_STYLES else "other"
            shape, colour = TYPE_STYLES[kind]
            per_view = {view: stats[view].get(node) for view in self.views}
            first = per_view[PEOPLE] or per_view[INSTITUTIONS]
            assert first is not None
            members = sorted(self.members.get(node, ()))
            self.network.add_node(
                node, label=clipped(data["name"], LABEL_CHARS), shape=shape, color=colour,
                title=_tooltip(data),
                size=first["size"], font={"size": first["font"]},
                kind=kind, name=data["name"], country=data["country"],
                sector=data["sector"], memberOf=data["member_of"],
                memberOfName=data["member_of_name"], members=members, **per_view)

    def _add_edges(self) -> None:
        # An edge is shared by both views when folding people changed nothing about it;
        # otherwise each view gets its own, so switching views is a visibility change.
        records: dict[tuple[str, str, str, bool, frozenset[str]], dict[str, Any]] = {}
        for view, graph in self.views.items():
            for source, target, data in graph.edges(data=True):
                for negated in (False, True):
                    events = [e for e in data["events"] if e.negated == negated]
                    if not events:
                        continue
                    key = (source, target, data["relation"], negated,
                           frozenset(e.id for e in events))
                    if key in records:
                        records[key]["views"] += view
                        continue
                    records[key] = {"source": source, "target": target, "data": data,
                                    "negated": negated, "events": events, "views": view}
        self.big = len(self.network.nodes) + len(records) > BIG_GRAPH
        labelled = len(records) <= LABELLED_EDGES
        pairs: Counter[frozenset[str]] = Counter()
        for number, record in enumerate(records.values()):
            data, events = record["data"], record["events"]
            source, target = record["source"], record["target"]
            documents = {event.doc_id for event in events}
            newest = sorted(events, key=lambda event: event.date or "", reverse=True)
            extra: dict[str, Any] = {}
            # Each further edge between one pair, either way, bends further out so that it
            # stays visible and clickable; big maps draw the first one straight (cheaper).
            bend = pairs[frozenset((source, target))]
            pairs[frozenset((source, target))] += 1
            if bend:
                extra["smooth"] = {"enabled": True, "type": "curvedCW",
                                   "roundness": (0.0 if self.big else 0.12) + 0.14 * bend}
            if record["negated"]:
                extra.update(dashes=True, neg=True)
            if labelled:
                extra["label"] = data["relation"]
            if not self.big:
                extra["title"] = (f"{clipped(self._name(source), TOOLTIP_CHARS)} \u2192 "
                                  f"{clipped(self._name(target), TOOLTIP_CHARS)}: "
                                  f"{'not ' if record['negated'] else ''}{data['relation']} "
                                  f"\u00d7{len(events)} ({len(documents)} documents)")
            self.network.add_edge(
                source, target, id=f"e{number}", width=_width(len(documents)),
                color=QUAD_COLOURS[data["quad"]], rel=data["relation"], cameo=data["cameo"],
                quad=data["quad"], views=record["views"], count=len(events),
                docs=len(documents), ev=[self._event(event) for event in newest], **extra)

    def _name(self, node: str) -> str:
        for graph in self.views.values():
            if node in graph:
                return str(graph.nodes[node]["name"])
        return node

    def _event(self, event: Event) -> int:
        if event.id not in self.event_index:
            self.event_index[event.id] = len(self.event_rows)
            # Goldstein per event: one label may carry several CAMEO codes and scores.
            self.event_rows.append([self._document(event.doc_id), event.date,
                                    _segments(event), event.modality,
                                    event.relation.goldstein])
        return self.event_index[event.id]

    def _document(self, doc_id: str) -> int:
        if doc_id not in self.doc_index:
            document = self.documents.get(doc_id)
            title = document.title if document else None
            outlet = document.source if document else None
            # A saved page's canonical URL first; feeds may give one as outlet or path.
            url = next((value for value in (document.url, outlet, document.path)
                        if value and _URL.fullmatch(value)), None) if document else None
            self.doc_index[doc_id] = len(self.doc_rows)
            self.doc_rows.append([doc_id, title, url, None if outlet == url else outlet])
            self.doc_meta.append(dict(document.meta) if document else {})
        return self.doc_index[doc_id]

    def payload(self, title: str) -> dict[str, Any]:
        self.network.options = _vis_options(len(self.network.nodes), self.big)
        nodes, edges, _, _, _, options = self.network.get_network_data()
        # Counts beside the filters: asserted events as the map first shows them.
        relations: Counter[str] = Counter()
        quads: dict[str, str] = {}
        for edge in edges:
            shown = PEOPLE in edge["views"] and not edge.get("neg")
            relations[edge["rel"]] += edge["count"] if shown else 0
            quads[edge["rel"]] = edge["quad"]
        dates = sorted(row[1] for row in self.event_rows if row[1])
        meta = self._meta_filters()
        return {
            "title": title,
            "options": json.loads(options),
            "nodes": nodes,
            "edges": edges,
            "events": self.event_rows,
            "documents": self.doc_rows,
            "quads": [[quad, colour] for quad, colour in QUAD_COLOURS.items()],
            "types": [[kind, shape, colour] for kind, (shape, colour) in TYPE_STYLES.items()],
            "relations": [[label, quads[label], count]
                          for label, count in relations.most_common()],
            "dates": [dates[0], dates[-1]] if dates else None,
            "meta": meta,
        }

    def _meta_filters(self) -> list[list[Any]]:
        """[field, [[value, documents], ...] or None] for each field kept with the
        documents; each document row gains its values, in the same order. None: too many
        values for boxes to tick, so the map offers a text filter instead."""
        names = list(dict.fromkeys(name for meta in self.doc_meta for name in meta))
        filters: list[list[Any]] = []
        for name in names:
            counts = Counter(meta.get(name) for meta in self.doc_meta)
            values = sorted(counts.items(), key=lambda item: (item[0] is None, item[0] or ""))
            filters.append([name, [[value, count] for value, count in values]
                            if len(values) <= META_CHOICES else None])
        if names:
            for row, meta in zip(self.doc_rows, self.doc_meta, strict=True):
                row.append([meta.get(name) for name in names])
        return filters


def _node_stats(graph: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    """Per actor: centrality, the size it is drawn at, degree and strongest partners."""
    centrality = nx.degree_centrality(graph) if len(graph) > 1 else dict.fromkeys(graph, 1.0)
    low, high = min(centrality.values(), default=0.0), max(centrality.values(), default=0.0)
    partners: dict[str, Counter[str]] = defaultdict(Counter)
    for source, target, count in graph.edges(data="count"):
        if source != target:
            partners[source][target] += count
            partners[target][source] += count
    stats = {}
    for node in graph:
        # Square root: the drawn area, not the radius, grows with centrality.
        share = ((centrality[node] - low) / (high - low)) ** 0.5 if high > low else 0.3
        stats[node] = {"v": round(centrality[node], 4), "size": round(8 + 28 * share, 1),
                       "font": round(12 + 12 * share, 1), "in": graph.in_degree(node),
                       "out": graph.out_degree(node),
                       "top": partners[node].most_common(PARTNERS_SHOWN)}
    return stats


def _width(documents: int) -> float:
    # Sizes are set here rather than through vis' "value" scaling: with scaling, vis
    # recomputes every item's label fonts on each visibility change, a visible stall at
    # 10,000 edges. Log scale, so one busy pair does not flatten all others to hairlines.
    return round(min(9.0, 1 + 1.5 * math.log2(max(documents, 1))), 2)


def _tooltip(data: Mapping[str, Any]) -> str:
    details = ", ".join(clipped(part, TOOLTIP_CHARS) for part in
                        (data["type"], data["country"], data["member_of_name"]) if part)
    return f"{clipped(data['name'], TOOLTIP_CHARS)} ({details})"


def clipped(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, an ellipsis marking the cut."""
    if len(text) <= limit:
        return text
    return text[:limit - 1].rstrip() + "\u2026"


def _segments(event: Event) -> list[list[Any]]:
    """The sentence cut into [text, role] pieces; role 1 = source actor, 2 = target actor.

    Offsets are cut here rather than in the browser because JavaScript counts UTF-16 units
    and Python code points, which differ for any character outside the BMP.
    """
    sentence = event.sentence
    spans = []
    for role, mention in ((1, event.source), (2, event.target)):
        start, end = mention.start - event.sentence_start, mention.end - event.sentence_start
        if 0 <= start < end <= len(sentence):
            spans.append((start, end, role))
    pieces: list[list[Any]] = []
    position = 0
    for start, end, role in sorted(spans):
        if start < position:  # overlapping mentions: keep the first
            continue
        if start > position:
            pieces.append([sentence[position:start], 0])
        pieces.append([sentence[start:end], role])
        position = end
    if position < len(sentence) or not pieces:
        pieces.append([sentence[position:], 0])
    return pieces


def _vis_options(nodes: int, big: bool) -> dict[str, Any]:
    return {
        "autoResize": True,
        # improvedLayout clusters and runs Kamada-Kawai first: seconds on large graphs.
        "layout": {"randomSeed": 7, "improvedLayout": nodes <= 150},
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 14, "face": "system-ui, sans-serif", "color": "#1a1a1a",
                     "strokeWidth": 4, "strokeColor": "#ffffff"},
            # Small labels vanish when zoomed out, so a dense map stays legible.
            "scaling": {"label": {"drawThreshold": 9 if big else 5, "maxVisible": 28}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"size": 11, "align": "middle", "color": "#333333", "strokeWidth": 3},
            "smooth": {"enabled": not big, "type": "curvedCW", "roundness": 0.12},
            "selectionWidth": 2,
            "hoverWidth": 1,
        },
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110,
                                 "avoidOverlap": 0.2, "theta": 0.9 if big else 0.5},
            "stabilization": {"enabled": True, "iterations": 150 if big else 1000,
                              "updateInterval": 20, "fit": True},
            "minVelocity": 1.5,
        },
        "interaction": {
            "hover": not big,
            "tooltipDelay": 250,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": False,
        },
    }


def _package_text(package: str, *names: str) -> str:
    """The first of ``names`` that the installed ``package`` ships, read as text."""
    root = resources.files(package)
    found = next((root.joinpath(name) for name in names if root.joinpath(name).is_file()),
                 None)
    if found is None:
        raise FileNotFoundError(f"{package} ships none of {', '.join(names)}")
    text = found.read_text(encoding="utf-8")
    # The HTML parser turns CRLF into LF before CSP hashes the script, so hash LF text.
    return text.replace("\r\n", "\n")


def _inline_script(text: str) -> str:
    # A source map comment would make an open DevTools fetch a file next to the page.
    text = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", text)
    if re.search(r"</script|<!--", text, re.IGNORECASE):
        raise ValueError("script text would end or confuse its <script> element")
    return text


def script_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element or break a JavaScript parser."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _page(payload: dict[str, Any], title: str) -> str:
    # pyvis ships vis-network twice, under lib/ and under templates/lib/.
    vis = [f"{folder}/vis-{VIS_VERSION}/vis-network" for folder in ("lib", "templates/lib")]
    vis_js = _inline_script(_package_text("pyvis", *(f"{name}.min.js" for name in vis)))
    timeline_js = _inline_script(_package_text("kg", "data/timeline.js"))
    map_js = _inline_script(_package_text("kg", "data/map.js"))
    styles = [_package_text("pyvis", *(f"{name}.css" for name in vis)),
              _package_text("kg", "data/map.css")]
    if any("</style" in style.lower() for style in styles):
        raise ValueError("style text would end its <style> element")
    # Only these scripts may run: an injected one would fail its hash, and with
    # default-src 'none' nothing the page does can reach the network.
    scripts = (vis_js, timeline_js, map_js)
    policy = ("default-src 'none'; script-src " + " ".join(map(_csp_hash, scripts))
              + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
              "form-action 'none'")
    # The page around the scripts, kg/data/map.html: its only braces are these fields.
    return _package_text("kg", "data/map.html").format(
        csp=html.escape(policy), title=html.escape(title), styles="\n".join(styles),
        data=script_json(payload), vis_js=vis_js, timeline_js=timeline_js, map_js=map_js)
