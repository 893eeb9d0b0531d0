-- Which actors appear together, and how closely? One row per pair of actors mentioned in
-- the same article: the sentences naming both (the same sentence in several versions of
-- an article counts once), the articles where they share a sentence, and the articles
-- naming both anywhere. Sorted by shared sentences, so pairs in the same breath come first.
-- A venue mention (label VENUE: the programme or outlet where something was said) is no
-- actor taking part in the story and does not count. stg_mentions is read once; the pairs
-- are counted on numbers (actors numbered in ID order, so a < b holds for the numbers as for
-- the IDs; a pair is one BIGINT) in one group-by over a row per article naming both and a row
-- per article and shared sentences (no DISTINCT count, no join of two counts), and sorted on
-- name ranks; IDs and names are joined once per pair, after the counting.
WITH actor_sentences AS (
    SELECT DISTINCT article_id, sentence_hash, actor_id
    FROM stg_mentions
    WHERE label <> 'VENUE'
),

actor_numbers AS (
    SELECT actor_id, row_number() OVER (ORDER BY actor_id) AS actor_no
    FROM (SELECT DISTINCT actor_id FROM actor_sentences)
),

article_numbers AS (
    SELECT article_id, row_number() OVER (ORDER BY article_id) AS article_no
    FROM (SELECT DISTINCT article_id FROM actor_sentences)
),

numbered_sentences AS (
    SELECT article_numbers.article_no, actor_sentences.sentence_hash, actor_numbers.actor_no
    FROM actor_sentences
    JOIN actor_numbers USING (actor_id)
    JOIN article_numbers USING (article_id)
),

actor_articles AS (
    SELECT DISTINCT article_no, actor_no
    FROM numbered_sentences
),

sentence_pairs AS (
    SELECT
        first_actor.article_no,
        first_actor.actor_no * 4294967296 + second_actor.actor_no AS pair,
        count(*) AS sentences
    FROM numbered_sentences AS first_actor
    JOIN numbered_sentences AS second_actor
      ON second_actor.article_no = first_actor.article_no
     AND second_actor.sentence_hash = first_actor.sentence_hash
     AND first_actor.actor_no < second_actor.actor_no
    GROUP BY ALL
),

article_pairs AS (
    SELECT
        first_actor.article_no,
        first_actor.actor_no * 4294967296 + second_actor.actor_no AS pair,
        NULL::BIGINT AS sentences
    FROM actor_articles AS first_actor
    JOIN actor_articles AS second_actor
      ON second_actor.article_no = first_actor.article_no
     AND first_actor.actor_no < second_actor.actor_no
),

pair_rows AS (
    SELECT article_no, pair, sentences FROM article_pairs
    UNION ALL
    SELECT article_no, pair, sentences FROM sentence_pairs
),

pair_counts AS (
    SELECT
        pair // 4294967296 AS actor_a_no,
        pair % 4294967296 AS actor_b_no,
        coalesce(sum(sentences), 0)::BIGINT AS sentences_together,
        count(sentences) AS articles_sharing_a_sentence,
        count(*) FILTER (WHERE sentences IS NULL) AS articles_together
    FROM pair_rows
    GROUP BY pair
),

actor_names AS (
    SELECT
        actor_numbers.actor_no,
        actors.actor_id,
        actors.canonical_name AS actor_name,
        dense_rank() OVER (ORDER BY actors.canonical_name) AS name_rank
    FROM actor_numbers
    JOIN actors USING (actor_id)
)

SELECT
    name_a.actor_id AS actor_a,
    name_a.actor_name AS actor_a_name,
    name_b.actor_id AS actor_b,
    name_b.actor_name AS actor_b_name,
    pair_counts.sentences_together,
    pair_counts.articles_sharing_a_sentence,
    pair_counts.articles_together
FROM pair_counts
JOIN actor_names AS name_a ON name_a.actor_no = pair_counts.actor_a_no
JOIN actor_names AS name_b ON name_b.actor_no = pair_counts.actor_b_no
ORDER BY pair_counts.sentences_together DESC, pair_counts.articles_together DESC, name_a.name_rank, name_b.name_rank
