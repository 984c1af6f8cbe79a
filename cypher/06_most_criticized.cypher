// The most criticized actors: targets of disapproval, accusation, rejection and threats
// (CAMEO roots 11, 12 and 13), with who criticized them. Negated events are left out.
// Parameters:
:param roots => ['11', '12', '13'];
MATCH (s:Actor)-[r]->(t:Actor)
WHERE r.root IN $roots AND NOT r.negated
RETURN t.name AS target, t.type AS type, count(r) AS events,
       count(DISTINCT r.doc_id) AS documents, collect(DISTINCT s.name)[..10] AS critics
ORDER BY events DESC, target;
