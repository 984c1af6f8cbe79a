"""Colours and shapes shared by every view of the graph: the HTML map, the timeline
charts and the Neo4j Browser style, so that a QuadClass or an actor type looks the same
wherever an analyst meets it."""

from __future__ import annotations

QUAD_COLOURS = {
    "verbal cooperation": "#43a047",
    "material cooperation": "#1b5e20",
    "verbal conflict": "#fb8c00",
    "material conflict": "#c62828",
}

# Shape and colour both carry the actor type, so the map still reads in greyscale.
TYPE_STYLES = {
    "state": ("dot", "#1e88e5"),
    "igo": ("diamond", "#8e24aa"),
    "ngo": ("triangle", "#00897b"),
    "group": ("square", "#6d4c41"),
    "person": ("star", "#d81b60"),
    "bloc": ("hexagon", "#546e7a"),
    "other": ("triangleDown", "#9e9e9e"),
}

# The line of Goldstein sums in the timeline charts.
GOLDSTEIN_COLOUR = "#263238"
