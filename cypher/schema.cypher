// kg schema: constraints and indexes. `kg init-db` (and every `kg load`) creates these;
// this file is the same list, for reading or for pasting into Neo4j Browser.
// Event ids are also unique per relationship type: kg adds one constraint per relation
// label it loads, named event_id_<label>, e.g.
//   CREATE CONSTRAINT event_id_urges IF NOT EXISTS FOR ()-[r:URGES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name);
CREATE INDEX actor_country IF NOT EXISTS FOR (a:Actor) ON (a.country);
CREATE INDEX document_date IF NOT EXISTS FOR (d:Document) ON (d.date);
