// One actor's relations in both directions, by relation label, with their Goldstein sum.
// The actor is matched by id, by country (so 'RUS' also finds RUSGOV, RUSMIL ...) or
// through its members. Places count as their state: as CAMEO codes them, strikes on
// Aleppo are acts against Syria, so 'SYR' includes what was done to its towns.
// Copies of one sentence (page furniture, wire copies) count once in `sentences`, in the
// ranking and in the Goldstein sum; `events` counts every copy.
// Parameters:
:param actor => 'RUS';
MATCH (a:Actor)
WHERE a.id = $actor OR a.country = $actor
   OR EXISTS { (a)-[:MEMBER_OF]->(:Actor {country: $actor}) }
MATCH (a)-[r]-(other:Actor)
WHERE r.cameo IS NOT NULL
OPTIONAL MATCH (d:Document {id: r.doc_id})
WITH CASE WHEN startNode(r) = a THEN 'outgoing' ELSE 'incoming' END AS direction,
     type(r) AS relation, other, r, d
WITH direction, relation, other, count(DISTINCT r.sentence_key) AS sentences,
     count(DISTINCT coalesce(d.source, r.doc_id)) AS sources, count(DISTINCT r) AS events,
     collect(DISTINCT [r.sentence_key, r.goldstein]) AS scored
RETURN direction, relation, other.name AS other, other.type AS other_type, sentences,
       sources, events, round(reduce(total = 0.0, one IN scored | total + one[1]), 1) AS goldstein
ORDER BY sentences DESC, sources DESC, events DESC, direction, relation, other;
