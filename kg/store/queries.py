"""Every Cypher statement kg sends. All are parameterised; none contains article text.

Relationship types come from the relation label, which the lexicon restricts to A-Z and
underscores; they are set with Cypher's dynamic types (Neo4j 5.26+), so no query text is
ever assembled from data.
"""

from __future__ import annotations

import re

from kg.lexicon import LABEL

# Actor labels by actor type: code constants, never data.
ACTOR_LABELS = {
    "state": "State",
    "igo": "Organization",
    "ngo": "Organization",
    "group": "Group",
    "person": "Person",
    "bloc": "Bloc",
    "other": "Other",
}

SCHEMA = [
    "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE",
    "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE",
    "CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name)",
    "CREATE INDEX actor_country IF NOT EXISTS FOR (a:Actor) ON (a.country)",
    "CREATE INDEX document_date IF NOT EXISTS FOR (d:Document) ON (d.date)",
]



def event_constraint(label: str) -> str:
    """The uniqueness constraint on event ids of one relationship type.

    Schema commands take no parameters or dynamic types, so the statement carries the
    type in its text: a lexicon label, checked against LABEL first.
    """
    label = _checked(label)
    return (f"CREATE CONSTRAINT event_id_{label.lower()} IF NOT EXISTS "
            f"FOR ()-[r:{label}]-() REQUIRE r.id IS UNIQUE")

EVENT_CONSTRAINT_NAMES = "SHOW CONSTRAINTS YIELD name WHERE name STARTS WITH 'event_id_' " \
                         "RETURN collect(name) AS names"

# An index owned by no constraint although it bears the name of one of kg's constraints.
ORPHAN_INDEX = "SHOW INDEXES YIELD name, owningConstraint " \
               "WHERE name = $name AND owningConstraint IS NULL RETURN name"

_SCHEMA_NAME = re.compile(r"CREATE (?:CONSTRAINT|INDEX) ([a-z][a-z_]*) IF NOT EXISTS ")


def schema_name(statement: str) -> str:
    """The name of the rule one of kg's schema statements creates."""
    match = _SCHEMA_NAME.match(statement)
    if match is None:
        raise ValueError(f"not one of kg's schema statements: {statement!r}")
    return match[1]


def drop_index(name: str) -> str:
    """DROP INDEX for one of kg's own rule names (schema commands take no parameters; the
    name comes from kg's statements, checked by ``schema_name``)."""
    if not re.fullmatch(r"[a-z][a-z_]*", name):
        raise ValueError(f"not one of kg's index names: {name!r}")
    return f"DROP INDEX {name} IF EXISTS"

MERGE_DOCUMENTS = """
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
ON CREATE SET d.title = row.title, d.date = row.date, d.source = row.source,
              d.path = row.path, d.url = row.url
SET d += row.meta
"""

MERGE_ACTORS = """
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a.name = row.name, a.type = row.type, a.country = row.country,
              a.sector = row.sector
SET a:$(row.label),
    a.forms = reduce(forms = coalesce(a.forms, []), form IN row.forms |
                     CASE WHEN form IN forms THEN forms ELSE forms + form END)
"""

MERGE_MEMBERSHIPS = """
UNWIND $rows AS row
MATCH (p:Actor {id: row.person}), (o:Actor {id: row.organisation})
MERGE (p)-[m:MEMBER_OF]->(o)
ON CREATE SET m.role = row.role
"""

def existing_events(label: str) -> str:
    """Which of ``$ids`` are already loaded as ``label`` relationships.

    A MERGE on a dynamically typed relationship cannot use the per-type id index and
    walks every relationship between the two actors instead, which grows with the graph;
    a lookup with the type written out is one index seek per id. The type is a lexicon
    label, checked against LABEL, never article text.
    """
    return f"UNWIND $ids AS id MATCH ()-[r:{_checked(label)} {{id: id}}]->() RETURN r.id AS id"


def fill_missing(label: str) -> str:
    """Properties an already loaded ``label`` event lacks, taken from ``$rows``; what it
    has is kept. An event loaded by an earlier kg gains what kg writes since (such as
    ``sentence_key``, which the ready-made queries count by), and nothing is written to
    an event that lacks nothing."""
    return (f"UNWIND $rows AS row MATCH ()-[r:{_checked(label)} {{id: row.id}}]->() "
            "WITH r, row, properties(r) AS old "
            "WHERE any(key IN keys(row.properties) "
            "WHERE old[key] IS NULL AND row.properties[key] IS NOT NULL) "
            "SET r += row.properties, r += old")


def _checked(label: str) -> str:
    if not LABEL.match(label):
        raise ValueError(f"not a relation label: {label!r}")
    return label


# Only rows whose ids existing_events did not find, in the same transaction; the per-type
# uniqueness constraint turns a concurrent load's duplicate into a ConstraintError, and
# the retried batch then finds the other load's relationship.
CREATE_EVENTS = """
UNWIND $rows AS row
MATCH (s:Actor {id: row.source}), (t:Actor {id: row.target})
CREATE (s)-[r:$(row.relation)]->(t)
SET r = row.properties, r.loaded_at = datetime()
"""

WIPE = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"

COUNTS = """
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
"""
