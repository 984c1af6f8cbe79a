// Who urges, criticizes or accuses whom: the dyads behind the chosen relation labels,
// people rolled up to the state or organisation they speak for. Negated events excluded.
// Parameters:
:param relations => ['URGES', 'CALLS_FOR', 'CRITICIZES', 'ACCUSES', 'CONDEMNS'];
MATCH (s:Actor)-[r]->(t:Actor)
WHERE type(r) IN $relations AND NOT r.negated
OPTIONAL MATCH (s)-[:MEMBER_OF]->(s_body:Actor)
OPTIONAL MATCH (t)-[:MEMBER_OF]->(t_body:Actor)
WITH coalesce(s_body, s) AS source, type(r) AS relation, coalesce(t_body, t) AS target, r
RETURN source.name AS source, relation, target.name AS target,
       count(r) AS events, count(DISTINCT r.doc_id) AS documents
ORDER BY events DESC, source, relation, target;
