// The evidence behind one edge: each sentence, its document and date, newest first.
// Left null, the parameters pick the busiest edge of the graph (the most distinct
// sentences); set any of them to narrow the choice: source and target are actor ids as in
// actors.jsonl (e.g. 'RUS', 'SYR'), the relation a label such as 'URGES'. Every copy of a
// sentence is listed, `copies` saying how many events of the edge share its words.
// `confidence` is the probability that kg read the event right; min_confidence leaves
// out those below it (0.0 or null: all). Negated events are listed too, negated = true.
// Parameters:
:param source => null;
:param relation => null;
:param target => null;
:param min_confidence => 0.0;
MATCH (s:Actor)-[r]->(t:Actor)
WHERE r.cameo IS NOT NULL
  AND ($source IS NULL OR s.id = $source) AND ($target IS NULL OR t.id = $target)
  AND ($relation IS NULL OR type(r) = $relation)
  AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)
WITH s, type(r) AS relation, t, collect(r) AS events,
     count(DISTINCT r.sentence_key) AS sentences
ORDER BY sentences DESC, size(events) DESC, s.id, relation, t.id
LIMIT 1
UNWIND events AS r
OPTIONAL MATCH (d:Document {id: r.doc_id})
RETURN s.name AS source, relation, t.name AS target, r.sentence AS sentence,
       r.source_text AS source_text, r.target_text AS target_text, r.negated AS negated,
       r.modality AS modality, r.confidence AS confidence,
       size([other IN events WHERE other.sentence_key = r.sentence_key]) AS copies,
       r.doc_id AS document, d.title AS title, d.source AS outlet,
       coalesce(r.date, d.date) AS date, coalesce(d.url, d.path) AS link
ORDER BY date DESC, document, r.sentence_start;
