// The evidence behind one edge: each sentence, its document and date, newest first.
// Parameters (ids as in actors.jsonl; the relation is a label such as URGES):
:param source => 'RUS';
:param relation => 'URGES';
:param target => 'SYR';
MATCH (s:Actor {id: $source})-[r]->(t:Actor {id: $target})
WHERE type(r) = $relation
OPTIONAL MATCH (d:Document {id: r.doc_id})
RETURN r.sentence AS sentence, r.source_text AS source_text, r.target_text AS target_text,
       r.negated AS negated, r.modality AS modality, r.confidence AS confidence,
       r.doc_id AS document, d.title AS title, coalesce(r.date, d.date) AS date, d.path AS path
ORDER BY date DESC, document, r.sentence_start;
