-- How often are two actors named together in the articles listed in the temp table
-- pair_articles? One row per pair of actors (a < b by ID, after recorded merges) with the
-- sentences naming both (the same sentence in several versions of an article counts once),
-- the articles where they share a sentence and the articles naming both anywhere. The load
-- keeps table actor_pairs as the sum of these counts over every article
-- (pipeline/actor_pairs.py): it subtracts the counts of the articles a batch touches before
-- its writes and adds them after. A venue mention (label VENUE) is no actor taking part. The
-- mentions are read from the stg_mentions model (placed in sentences, resolved through
-- merges: one definition; pipeline/actor_pairs.py creates the staging views when the load
-- runs before the models step); pairs are counted on numbers (actors numbered in ID order,
-- a pair is one BIGINT) in one group-by over a row per article naming both and a row per
-- article and shared sentences.
WITH actor_sentences AS (
    SELECT DISTINCT article_id, sentence_hash, actor_id
    FROM stg_mentions
    WHERE label <> 'VENUE'
      AND article_id IN (SELECT article_id FROM pair_articles)
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
)

SELECT
    first_actor.actor_id AS actor_a,
    second_actor.actor_id AS actor_b,
    pair_counts.sentences_together,
    pair_counts.articles_sharing_a_sentence,
    pair_counts.articles_together
FROM pair_counts
JOIN actor_numbers AS first_actor ON first_actor.actor_no = pair_counts.actor_a_no
JOIN actor_numbers AS second_actor ON second_actor.actor_no = pair_counts.actor_b_no
