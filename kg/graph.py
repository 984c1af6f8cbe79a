"""The event graph in networkx: actors as nodes, one edge per (source, relation, target).

An edge counts its events, and also what they amount to as evidence: copies of one
sentence (page furniture, wire copies) are one distinct sentence, and the documents of
one outlet are one source. Rankings and weights use those; ``count`` stays the raw tally.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from kg.model import Actor, Document, Event
from kg.output import atomic_writer

# The edge attributes GraphML holds as they are; the sets of documents, sentences and
# sources are written as their sizes, and the evidence list is left out (GraphML holds
# only scalars).
GRAPHML_ATTRIBUTES = ("relation", "cameo", "root", "quad", "goldstein", "count",
                      "negated_count")
GRAPHML_SIZES = ("documents", "sentences", "sources")


def outlet_of(doc_id: str, documents: Mapping[str, Document]) -> str:
    """What a document counts as among sources: its outlet, else the document itself
    (nothing says that two documents of unknown outlets are one source)."""
    document = documents.get(doc_id)
    return document.source if document is not None and document.source else doc_id


def build_graph(events: Iterable[Event],
                documents: Mapping[str, Document] | None = None) -> nx.MultiDiGraph:
    """Aggregate events into a directed multigraph keyed by relation label; ``documents``
    (by id) name the outlets that ``sources`` counts."""
    documents = documents or {}
    graph = nx.MultiDiGraph()
    for event in events:
        for actor in (event.source.actor, event.target.actor):
            if actor.id not in graph:
                graph.add_node(actor.id, **_node_attributes(actor))
        source, target, label = event.source.actor.id, event.target.actor.id, \
            event.relation.label
        if not graph.has_edge(source, target, key=label):
            relation = event.relation
            graph.add_edge(source, target, key=label, relation=label, cameo=relation.cameo,
                           root=relation.root, quad=relation.quad,
                           goldstein=relation.goldstein, count=0, negated_count=0,
                           documents=set(), sentences=set(), sources=set(), events=[])
        edge = graph.edges[source, target, label]
        edge["count"] += 1
        edge["negated_count"] += int(event.negated)
        edge["documents"].add(event.doc_id)
        edge["sentences"].add(event.sentence_key)
        edge["sources"].add(outlet_of(event.doc_id, documents))
        edge["events"].append(event)
    return graph


def _node_attributes(actor: Actor) -> dict[str, Any]:
    return {
        "name": actor.name,
        "type": actor.type,
        "country": actor.country or actor.state_country or "",
        "sector": actor.sector or "",
        "member_of": actor.member_of.id if actor.member_of else "",
        "member_of_name": actor.member_of.name if actor.member_of else "",
    }


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    """The graph for Gephi, its edges summarised to ``GRAPHML_ATTRIBUTES`` and the sizes
    of ``GRAPHML_SIZES`` (``sentences`` is the weight to use: copies count once)."""
    flat = nx.MultiDiGraph()
    flat.add_nodes_from(graph.nodes(data=True))
    for source, target, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(source, target, key=key,
                      **{name: data[name] for name in GRAPHML_ATTRIBUTES},
                      **{name: len(data[name]) for name in GRAPHML_SIZES})
    with atomic_writer(path) as handle:
        handle.write("\n".join(nx.generate_graphml(flat)) + "\n")
