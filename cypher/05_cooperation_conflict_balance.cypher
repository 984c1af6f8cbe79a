// Cooperation against conflict for every dyad: the sum of Goldstein scores and the count
// of events in each QuadClass. People are rolled up to what they speak for; negated
// events are left out. Places count as their state, so a dyad's material conflict
// includes attacks on its target's towns ("shelled Aleppo" is against Syria).
// No parameters.
MATCH (s:Actor)-[r]->(t:Actor)
WHERE r.cameo IS NOT NULL AND NOT r.negated
OPTIONAL MATCH (s)-[:MEMBER_OF]->(s_body:Actor)
OPTIONAL MATCH (t)-[:MEMBER_OF]->(t_body:Actor)
WITH coalesce(s_body, s) AS source, coalesce(t_body, t) AS target, r
RETURN source.name AS source, target.name AS target, count(r) AS events,
       round(sum(r.goldstein), 1) AS goldstein,
       sum(CASE r.quad WHEN 'verbal cooperation' THEN 1 ELSE 0 END) AS verbal_cooperation,
       sum(CASE r.quad WHEN 'material cooperation' THEN 1 ELSE 0 END) AS material_cooperation,
       sum(CASE r.quad WHEN 'verbal conflict' THEN 1 ELSE 0 END) AS verbal_conflict,
       sum(CASE r.quad WHEN 'material conflict' THEN 1 ELSE 0 END) AS material_conflict
ORDER BY events DESC, goldstein;
