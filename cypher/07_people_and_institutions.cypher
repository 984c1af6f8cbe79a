// People and the institutions they speak for, with how many events each person is a
// party to. Useful to see who speaks for a state or an organisation.
// No parameters.
MATCH (p:Person)-[m:MEMBER_OF]->(body:Actor)
OPTIONAL MATCH (p)-[r]-(:Actor) WHERE r.cameo IS NOT NULL
RETURN p.name AS person, body.name AS speaks_for, body.type AS body_type, m.role AS sector,
       count(r) AS events
ORDER BY events DESC, person;
