-- Who is mentioned where? One row per entity mention with its actor resolved through
-- merges, its article, version and the sentence it sits in (stg_sentences), so models can
-- count actors per sentence and the same sentence across versions once (sentence_hash).
WITH mention_spans AS (
    SELECT mention_id, version_id, actor_id, start_char, end_char, text, label
    FROM mentions
),

sentences AS (
    SELECT version_id, article_id, version_no, sentence_no, start_char, end_char, sentence_hash
    FROM stg_sentences
),

resolved_actors AS (
    SELECT actor_id, resolved_id, actor_name, actor_type
    FROM stg_actors
)

SELECT
    mention_spans.mention_id,
    mention_spans.version_id,
    sentences.article_id,
    sentences.version_no,
    sentences.sentence_no,
    sentences.sentence_hash,
    resolved_actors.resolved_id AS actor_id,
    resolved_actors.actor_name,
    resolved_actors.actor_type,
    mention_spans.start_char,
    mention_spans.end_char,
    mention_spans.text,
    mention_spans.label
FROM mention_spans
JOIN sentences
  ON sentences.version_id = mention_spans.version_id
 AND mention_spans.start_char >= sentences.start_char
 AND mention_spans.start_char < sentences.end_char
JOIN resolved_actors ON resolved_actors.actor_id = mention_spans.actor_id
