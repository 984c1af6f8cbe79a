// One actor's relations in both directions, by relation label, with their Goldstein sum.
// The actor is matched by id, by country (so 'RUS' also finds RUSGOV, RUSMIL ...) or
// through its members. Places count as their state: as CAMEO codes them, strikes on
// Aleppo are acts against Syria, so 'SYR' includes what was done to its towns.
// Parameters:
:param actor => 'RUS';
MATCH (a:Actor)
WHERE a.id = $actor OR a.country = $actor
   OR EXISTS { (a)-[:MEMBER_OF]->(:Actor {country: $actor}) }
MATCH (a)-[r]-(other:Actor)
WHERE r.cameo IS NOT NULL
RETURN CASE WHEN startNode(r) = a THEN 'outgoing' ELSE 'incoming' END AS direction,
       type(r) AS relation, other.name AS other, other.type AS other_type,
       count(r) AS events, round(sum(r.goldstein), 1) AS goldstein
ORDER BY events DESC, direction, relation, other;
