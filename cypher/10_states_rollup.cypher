// The state-level picture: every actor folded into its country (people through the body
// they are a member of), relations counted per country pair and label. Places already
// count as their state: an attack on a town is an attack on its country.
// No parameters.
MATCH (s:Actor)-[r]->(t:Actor)
WHERE r.cameo IS NOT NULL AND NOT r.negated
OPTIONAL MATCH (s)-[:MEMBER_OF]->(s_body:Actor)
OPTIONAL MATCH (t)-[:MEMBER_OF]->(t_body:Actor)
WITH coalesce(s.country, s_body.country) AS source, coalesce(t.country, t_body.country) AS target,
     type(r) AS relation, r
WHERE source IS NOT NULL AND target IS NOT NULL AND source <> target
RETURN source, relation, target, count(r) AS events, round(sum(r.goldstein), 1) AS goldstein
ORDER BY events DESC, source, relation, target;
