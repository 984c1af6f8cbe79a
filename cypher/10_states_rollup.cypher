// The state-level picture: every actor folded into its country (people through the body
// they are a member of), relations counted per country pair and label. Places already
// count as their state: an attack on a town is an attack on its country. Copies of one
// sentence (page furniture, wire copies) count once in `sentences`, the ranking and the
// Goldstein sum; `events` counts every copy.
// No parameters.
MATCH (s:Actor)-[r]->(t:Actor)
WHERE r.cameo IS NOT NULL AND NOT r.negated
OPTIONAL MATCH (s)-[:MEMBER_OF]->(s_body:Actor)
OPTIONAL MATCH (t)-[:MEMBER_OF]->(t_body:Actor)
OPTIONAL MATCH (d:Document {id: r.doc_id})
WITH coalesce(s.country, s_body.country) AS source, coalesce(t.country, t_body.country) AS target,
     type(r) AS relation, r, d
WHERE source IS NOT NULL AND target IS NOT NULL AND source <> target
WITH source, relation, target, count(DISTINCT r.sentence_key) AS sentences,
     count(DISTINCT coalesce(d.source, r.doc_id)) AS sources, count(r) AS events,
     collect(DISTINCT [r.sentence_key, r.goldstein]) AS scored
RETURN source, relation, target, sentences, sources, events,
       round(reduce(total = 0.0, one IN scored | total + one[1]), 1) AS goldstein
ORDER BY sentences DESC, sources DESC, events DESC, source, relation, target;
