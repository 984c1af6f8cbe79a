"""The interactive map: one self-contained HTML file that opens offline.

pyvis builds the vis-network node and edge records and options, and its installed package
supplies vis-network's JavaScript and CSS. The page around them is kg's own (kg/data/map.js,
kg/data/map.css, put together by kg.export.page) because pyvis' templates load Bootstrap
and more from CDNs even with ``cdn_resources="in_line"``.

Copies of one sentence (page furniture, wire copies) are one piece of evidence: an edge's
width, the minimum count, the strongest partners and the counts beside the filters go by
distinct sentences, and the evidence panel lists the copies under the sentence they repeat.

Article text reaches the page only as JSON in a ``<script type="application/json">`` block
with ``<``, ``>``, ``&`` and U+2028/9 escaped, and map.js puts it into the DOM with
``textContent``; vis-network draws labels on a canvas and shows string tooltips as text.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from kg.errors import InputError
from kg.export.page import map_page
from kg.export.style import QUAD_COLOURS, TYPE_STYLES
from kg.graph import build_graph, outlet_of
from kg.lock import output_lock
from kg.model import Actor, Document, Event, Mention
from kg.output import DOCUMENTS, HTML, atomic_writer, read_document_index, read_events

DEFAULT_TITLE = "kg: diplomatic events"
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
        documents = read_document_index(folder / DOCUMENTS)
        graph = build_graph(read_events(folder), documents)
    return render_html(graph, out or folder / HTML, top=top, min_count=min_count,
                       since=since, title=title or f"kg: {folder.resolve().name}",
                       documents=documents)


def render_html(graph: nx.MultiDiGraph, path: Path, *, top: int | None = None,
                min_count: int = 1, since: str | None = None, title: str = DEFAULT_TITLE,
                documents: Mapping[str, Document] | None = None) -> MapStats:
    """Write the map of a ``build_graph`` graph to ``path``.

    ``since`` (YYYY, YYYY-MM or YYYY-MM-DD) drops older and undated events, ``min_count``
    drops relations seen in fewer distinct sentences, and ``top`` keeps the most central
    actors; the people view and the institution roll-up are trimmed each on its own terms.
    ``documents`` give titles, links, outlets and kept fields.
    """
    if since is not None and not _SINCE.fullmatch(since):
        raise InputError(f"since {since!r}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
    if top is not None and top < 1:
        raise InputError(f"top {top}: expected at least 1 actor")
    events = [event for _, _, data in graph.edges(data=True) for event in data["events"]
              if since is None or (event.date is not None and event.date >= since)]
    documents = documents or {}
    views = {
        PEOPLE: _trim(build_graph(events, documents), min_count, top),
        INSTITUTIONS: _trim(build_graph(_rolled_up(events), documents), min_count, top),
    }
    page = _MapData(views, events, documents)
    payload = page.payload(title)
    with atomic_writer(path) as handle:
        handle.write(map_page(payload, title))
    return MapStats(path=path, nodes=page.default_nodes, edges=page.default_edges,
                    events=len(payload["events"]))


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
    weak = [(s, t, k) for s, t, k, sentences in graph.edges(keys=True, data="sentences")
            if len(sentences) < min_count]
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
        # Sentences and sources travel as numbers: which events are copies of one
        # sentence, which documents come from one outlet.
        self.sentence_index: dict[str, int] = {}
        self.source_index: dict[str, int] = {}
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

    def _edge_records(self) -> list[dict[str, Any]]:
        """Each view's edges, asserted and negated events apart. An edge is shared by both
        views when folding people changed nothing about it; otherwise each view gets its
        own, so switching views is a visibility change."""
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
        return list(records.values())

    def _add_edges(self) -> None:
        records = self._edge_records()
        self.big = len(self.network.nodes) + len(records) > BIG_GRAPH
        labelled = len(records) <= LABELLED_EDGES
        pairs: Counter[frozenset[str]] = Counter()
        for number, record in enumerate(records):
            data, events = record["data"], record["events"]
            source, target = record["source"], record["target"]
            counts = {"docs": len({event.doc_id for event in events}),
                      "sents": len({event.sentence_key for event in events}),
                      "srcs": len({outlet_of(event.doc_id, self.documents)
                                   for event in events})}
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
                extra["title"] = self._edge_title(record, len(events), counts)
            self.network.add_edge(
                source, target, id=f"e{number}", width=_width(counts["sents"]),
                color=QUAD_COLOURS[data["quad"]], rel=data["relation"], cameo=data["cameo"],
                quad=data["quad"], views=record["views"], count=len(events), **counts,
                ev=[self._event(event) for event in newest], **extra)

    def _edge_title(self, record: dict[str, Any], events: int, counts: dict[str, int]) -> str:
        relation = f"{'not ' if record['negated'] else ''}{record['data']['relation']}"
        return (f"{clipped(self._name(record['source']), TOOLTIP_CHARS)} \u2192 "
                f"{clipped(self._name(record['target']), TOOLTIP_CHARS)}: "
                f"{relation} \u00d7{events}: {_counted(counts['sents'], 'sentence')} from "
                f"{_counted(counts['srcs'], 'source')}, {_counted(counts['docs'], 'document')}")

    def _name(self, node: str) -> str:
        for graph in self.views.values():
            if node in graph:
                return str(graph.nodes[node]["name"])
        return node

    def _event(self, event: Event) -> int:
        """The event's row: [document, date, sentence pieces, modality, goldstein,
        confidence, sentence]; the last numbers distinct sentences, so that copies of
        one sentence share it."""
        if event.id not in self.event_index:
            self.event_index[event.id] = len(self.event_rows)
            # Goldstein per event: one label may carry several CAMEO codes and scores.
            sentence = self.sentence_index.setdefault(event.sentence_key,
                                                      len(self.sentence_index))
            self.event_rows.append([self._document(event.doc_id), event.date,
                                    _segments(event), event.modality,
                                    event.relation.goldstein, round(event.confidence, 3),
                                    sentence])
        return self.event_index[event.id]

    def _document(self, doc_id: str) -> int:
        """The document's row: [id, title, url, outlet, source, kept fields]; source
        numbers what counts as one source (``outlet_of``)."""
        if doc_id not in self.doc_index:
            document = self.documents.get(doc_id)
            title = document.title if document else None
            outlet = document.source if document else None
            # A saved page's canonical URL first; feeds may give one as outlet or path.
            url = next((value for value in (document.url, outlet, document.path)
                        if value and _URL.fullmatch(value)), None) if document else None
            self.doc_index[doc_id] = len(self.doc_rows)
            source = self.source_index.setdefault(outlet_of(doc_id, self.documents),
                                                  len(self.source_index))
            self.doc_rows.append([doc_id, title, url, None if outlet == url else outlet,
                                  source])
            self.doc_meta.append(dict(document.meta) if document else {})
        return self.doc_index[doc_id]

    def payload(self, title: str) -> dict[str, Any]:
        self.network.options = _vis_options(len(self.network.nodes), self.big)
        nodes, edges, _, _, _, options = self.network.get_network_data()
        # Counts beside the filters: asserted events as the map first shows them, copies
        # of a sentence counted once.
        relations: Counter[str] = Counter()
        quads: dict[str, str] = {}
        for edge in edges:
            shown = PEOPLE in edge["views"] and not edge.get("neg")
            relations[edge["rel"]] += edge["sents"] if shown else 0
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
    # A partner's strength: the distinct sentences relating the two, either way.
    pairs: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for source, target, sentences in graph.edges(data="sentences"):
        if source != target:
            pairs[source][target] |= sentences
            pairs[target][source] |= sentences
    partners = {node: Counter({partner: len(sentences) for partner, sentences
                               in pairs[node].items()}) for node in pairs}
    stats = {}
    for node in graph:
        # Square root: the drawn area, not the radius, grows with centrality.
        share = ((centrality[node] - low) / (high - low)) ** 0.5 if high > low else 0.3
        stats[node] = {"v": round(centrality[node], 4), "size": round(8 + 28 * share, 1),
                       "font": round(12 + 12 * share, 1), "in": graph.in_degree(node),
                       "out": graph.out_degree(node),
                       "top": partners.get(node, Counter()).most_common(PARTNERS_SHOWN)}
    return stats


def _counted(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _width(sentences: int) -> float:
    # Sizes are set here rather than through vis' "value" scaling: with scaling, vis
    # recomputes every item's label fonts on each visibility change, a visible stall at
    # 10,000 edges. Log scale, so one busy pair does not flatten all others to hairlines.
    return round(min(9.0, 1 + 1.5 * math.log2(max(sentences, 1))), 2)


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
