// The timeline of one dyad: every event from source to target, oldest first, with the
// sentence that says it. Source and target are matched by id or country, people included.
// Places count as their state: "Russia ATTACKS Syria" includes air strikes on towns in
// Syria, as CAMEO codes them.
// Parameters:
:param source => 'RUS';
:param target => 'SYR';
MATCH (s:Actor)-[r]->(t:Actor)
WHERE r.cameo IS NOT NULL
  AND (s.id = $source OR s.country = $source
       OR EXISTS { (s)-[:MEMBER_OF]->(:Actor {country: $source}) })
  AND (t.id = $target OR t.country = $target
       OR EXISTS { (t)-[:MEMBER_OF]->(:Actor {country: $target}) })
OPTIONAL MATCH (d:Document {id: r.doc_id})
RETURN coalesce(r.date, d.date) AS date, s.name AS source, type(r) AS relation,
       t.name AS target, r.cameo AS cameo, r.negated AS negated, r.sentence AS sentence,
       r.doc_id AS document
ORDER BY date, document, r.sentence_start;
