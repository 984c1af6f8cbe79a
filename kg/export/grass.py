"""A Graph Style Sheet (GraSS) for Neo4j Browser: kg's graph looks right at once.

Actors are captioned by name and coloured and sized by type, with the colours of the
HTML map; each relation type takes the colour of its QuadClass. cypher/style.grass is
this file for kg's own lexicon; ``kg export style --relations FILE`` writes one that
also covers an analyst's relation labels.

Browser reads the file with a small hand-written parser (neo4j-browser's
``parseGrass``): it knows no comments, splits each property at ':' and ';', and treats
quotes as string delimiters, so captions are quoted and no value holds a ':'.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from kg.export.style import QUAD_COLOURS, TYPE_STYLES
from kg.lexicon import Lexicon
from kg.model import Relation
from kg.output import atomic_writer
from kg.store.queries import ACTOR_LABELS

MEMBERSHIP = "MEMBER_OF"
# Node label -> (the actor type whose map colour it takes, diameter in pixels).
NODE_STYLES = {
    "State": ("state", 70), "Organization": ("igo", 60), "Bloc": ("bloc", 60),
    "Group": ("group", 50), "Person": ("person", 45), "Other": ("other", 45),
}
DOCUMENT_COLOUR = "#cfd8dc"
MEMBERSHIP_COLOUR = "#90a4ae"


def relation_quads(lexicon: Lexicon) -> dict[str, str]:
    """Every relation label the lexicon can code (rule, intent and reversal rows too),
    with its QuadClass."""
    relations: list[Relation] = [
        relation for table in (lexicon.verbs, lexicon.nouns, lexicon.adjectives,
                               lexicon.objects)
        for entries in table.values() for relation in entries.values()]
    relations += [*lexicon.intents.values(), *lexicon.rules.values(),
                  *lexicon.reversals.values()]
    return {relation.label: relation.quad for relation in
            sorted(relations, key=lambda relation: (relation.label, relation.cameo))}


def _darker(colour: str, share: float = 0.82) -> str:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(value * share):02x}" for value in (red, green, blue))


def _rule(selector: str, properties: Sequence[tuple[str, str]]) -> str:
    body = "".join(f"  {name}: {value};\n" for name, value in properties)
    return f"{selector} {{\n{body}}}\n"


def grass_style(relations: Mapping[str, str]) -> str:
    """The style sheet for these relation labels (label -> QuadClass)."""
    rules = [
        _rule("node", [("diameter", "50px"), ("color", "#A5ABB6"),
                       ("border-color", "#9AA1AC"), ("border-width", "2px"),
                       ("text-color-internal", "#FFFFFF"), ("font-size", "10px")]),
        _rule("relationship", [("color", "#A5ABB6"), ("shaft-width", "2px"),
                               ("font-size", "8px"), ("padding", "3px"),
                               ("text-color-external", "#000000"),
                               ("text-color-internal", "#FFFFFF"), ("caption", "'<type>'")]),
        # Every actor has the label Actor and one label of its type, whose rule follows
        # and sets the colour and size; Browser applies matching rules in file order.
        _rule("node.Actor", [("caption", "'{name}'"), ("color", "#A5ABB6")]),
    ]
    for label, (kind, diameter) in NODE_STYLES.items():
        colour = TYPE_STYLES[kind][1]
        rules.append(_rule(f"node.{label}", [
            ("color", colour), ("border-color", _darker(colour)),
            ("text-color-internal", "#FFFFFF"), ("diameter", f"{diameter}px")]))
    rules.append(_rule("node.Document", [
        ("caption", "'{id}'"), ("color", DOCUMENT_COLOUR),
        ("border-color", _darker(DOCUMENT_COLOUR)), ("text-color-internal", "#263238"),
        ("diameter", "35px")]))
    rules.append(_rule(f"relationship.{MEMBERSHIP}", [
        ("color", MEMBERSHIP_COLOUR), ("shaft-width", "1px")]))
    for label in sorted(relations):
        quad = relations[label]
        rules.append(_rule(f"relationship.{label}", [
            ("color", QUAD_COLOURS[quad]),
            ("shaft-width", "3px" if quad.startswith("material") else "2px")]))
    return "".join(rules)


def node_labels() -> list[str]:
    """Every node label kg creates."""
    return ["Actor", *dict.fromkeys(ACTOR_LABELS.values()), "Document"]


def export_style(relations: Sequence[Path] = (), out: Path | None = None) -> str:
    """``kg export style``: the style sheet for kg's lexicon and ``relations`` files,
    also written to ``out`` when given."""
    style = grass_style(relation_quads(Lexicon.load(relations)))
    if out is not None:
        with atomic_writer(out) as handle:
            handle.write(style)
    return style
