// Cooperation against conflict for every dyad: the sum of Goldstein scores and the
// distinct sentences in each QuadClass. People are rolled up to what they speak for;
// negated events are left out. Copies of one sentence (page furniture, wire copies) count
// once: a relation read in a sentence adds its score once however many documents repeat
// it; `events` counts every copy. Places count as their state, so a dyad's material
// conflict includes attacks on its target's towns ("shelled Aleppo" is against Syria).
// No parameters.
MATCH (s:Actor)-[r]->(t:Actor)
WHERE r.cameo IS NOT NULL AND NOT r.negated
OPTIONAL MATCH (s)-[:MEMBER_OF]->(s_body:Actor)
OPTIONAL MATCH (t)-[:MEMBER_OF]->(t_body:Actor)
OPTIONAL MATCH (d:Document {id: r.doc_id})
WITH coalesce(s_body, s) AS source, coalesce(t_body, t) AS target, r, d
WITH source, target, count(DISTINCT r.sentence_key) AS sentences,
     count(DISTINCT coalesce(d.source, r.doc_id)) AS sources, count(r) AS events,
     collect(DISTINCT [type(r), r.sentence_key, r.goldstein]) AS scored,
     count(DISTINCT CASE r.quad WHEN 'verbal cooperation' THEN r.sentence_key END)
       AS verbal_cooperation,
     count(DISTINCT CASE r.quad WHEN 'material cooperation' THEN r.sentence_key END)
       AS material_cooperation,
     count(DISTINCT CASE r.quad WHEN 'verbal conflict' THEN r.sentence_key END)
       AS verbal_conflict,
     count(DISTINCT CASE r.quad WHEN 'material conflict' THEN r.sentence_key END)
       AS material_conflict
RETURN source.name AS source, target.name AS target, sentences, sources, events,
       round(reduce(total = 0.0, one IN scored | total + one[2]), 1) AS goldstein,
       verbal_cooperation, material_cooperation, verbal_conflict, material_conflict
ORDER BY sentences DESC, sources DESC, goldstein;
