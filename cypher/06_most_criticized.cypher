// The most criticized actors: targets of disapproval, accusation, rejection and threats
// (CAMEO roots 11, 12 and 13), with who criticized them. Negated events are left out.
// Ranked by distinct sentences, then distinct sources (outlets): copies of one sentence
// (page furniture, wire copies) count once; `events` and `documents` count every copy.
// Parameters:
:param roots => ['11', '12', '13'];
MATCH (s:Actor)-[r]->(t:Actor)
WHERE r.root IN $roots AND NOT r.negated
OPTIONAL MATCH (d:Document {id: r.doc_id})
RETURN t.name AS target, t.type AS type, count(DISTINCT r.sentence_key) AS sentences,
       count(DISTINCT coalesce(d.source, r.doc_id)) AS sources, count(r) AS events,
       count(DISTINCT r.doc_id) AS documents, collect(DISTINCT s.name)[..10] AS critics
ORDER BY sentences DESC, sources DESC, events DESC, target;
