// What is new since a date: events whose article is dated on or after it, or, for
// undated articles, that were loaded into the graph on or after it.
// Parameters (an ISO date):
:param since => '2000-01-01';
MATCH (s:Actor)-[r]->(t:Actor)
WHERE r.cameo IS NOT NULL
  AND (r.date >= $since OR (r.date IS NULL AND r.loaded_at >= datetime($since)))
RETURN coalesce(r.date, toString(date(r.loaded_at))) AS date, s.name AS source,
       type(r) AS relation, t.name AS target, r.negated AS negated, r.doc_id AS document
ORDER BY date DESC, source, relation, target;
