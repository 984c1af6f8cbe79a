// People and the institutions they speak for, with the distinct sentences each person is
// a party to (copies of one sentence count once) and all their events. Useful to see who
// speaks for a state or an organisation.
// No parameters.
MATCH (p:Person)-[m:MEMBER_OF]->(body:Actor)
OPTIONAL MATCH (p)-[r]-(:Actor) WHERE r.cameo IS NOT NULL
RETURN p.name AS person, body.name AS speaks_for, body.type AS body_type, m.role AS sector,
       count(DISTINCT r.sentence_key) AS sentences, count(r) AS events
ORDER BY sentences DESC, events DESC, person;
