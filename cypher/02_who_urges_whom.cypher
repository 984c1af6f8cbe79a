// Who urges, criticizes or accuses whom: the dyads behind the chosen relation labels,
// people rolled up to the state or organisation they speak for. Negated events excluded.
// Ranked by distinct sentences, then distinct sources (outlets; a document of unknown
// outlet is its own): a sentence pasted into many documents counts once. `events` and
// `documents` count every copy.
// Parameters:
:param relations => ['URGES', 'CALLS_FOR', 'CRITICIZES', 'ACCUSES', 'CONDEMNS'];
MATCH (s:Actor)-[r]->(t:Actor)
WHERE type(r) IN $relations AND NOT r.negated
OPTIONAL MATCH (s)-[:MEMBER_OF]->(s_body:Actor)
OPTIONAL MATCH (t)-[:MEMBER_OF]->(t_body:Actor)
OPTIONAL MATCH (d:Document {id: r.doc_id})
WITH coalesce(s_body, s) AS source, type(r) AS relation, coalesce(t_body, t) AS target, r, d
RETURN source.name AS source, relation, target.name AS target,
       count(DISTINCT r.sentence_key) AS sentences,
       count(DISTINCT coalesce(d.source, r.doc_id)) AS sources,
       count(r) AS events, count(DISTINCT r.doc_id) AS documents
ORDER BY sentences DESC, sources DESC, events DESC, source, relation, target;
