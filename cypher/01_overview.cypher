// Overview: the most active actors, ranked by the distinct sentences they take part in
// and the distinct sources (outlets) that report them: copies of one sentence (page
// furniture, wire copies) count once. `events` is the raw count, copies included. Start
// here to see what a graph holds.
// No parameters.
MATCH (a:Actor)-[r]-(:Actor)
WHERE r.cameo IS NOT NULL
OPTIONAL MATCH (d:Document {id: r.doc_id})
RETURN a.id AS id, a.name AS actor, a.type AS type, a.country AS country,
       count(DISTINCT r.sentence_key) AS sentences,
       count(DISTINCT coalesce(d.source, r.doc_id)) AS sources,
       count(DISTINCT CASE WHEN startNode(r) = a THEN r END) AS as_source,
       count(DISTINCT CASE WHEN endNode(r) = a THEN r END) AS as_target,
       count(DISTINCT r) AS events
ORDER BY sentences DESC, sources DESC, events DESC, actor
LIMIT 50;
