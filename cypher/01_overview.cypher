// Overview: the most active actors, with how many events they take part in as source
// and as target. Start here to see what a graph holds.
// No parameters.
MATCH (a:Actor)
OPTIONAL MATCH (a)-[out]->(:Actor) WHERE out.cameo IS NOT NULL
WITH a, count(out) AS as_source
OPTIONAL MATCH (a)<-[in]-(:Actor) WHERE in.cameo IS NOT NULL
WITH a, as_source, count(in) AS as_target
WHERE as_source + as_target > 0
RETURN a.id AS id, a.name AS actor, a.type AS type, a.country AS country,
       as_source, as_target, as_source + as_target AS events
ORDER BY events DESC, actor
LIMIT 50;
