-- Which actors appear together, and how closely? One row per pair of actors mentioned in
-- the same article: the sentences naming both (the same sentence in several versions of
-- an article counts once), the articles where they share a sentence, and the articles
-- naming both anywhere. Sorted by shared sentences, so pairs in the same breath come first.
-- A venue mention (label VENUE: the programme or outlet where something was said) is no
-- actor taking part in the story and does not count. stg_mentions is read once; names are
-- joined once per pair, after the counting.
WITH actor_sentences AS (
    SELECT DISTINCT article_id, sentence_hash, actor_id
    FROM stg_mentions
    WHERE label <> 'VENUE'
),

actor_articles AS (
    SELECT DISTINCT article_id, actor_id
    FROM actor_sentences
),

actor_names AS (
    SELECT actor_id, canonical_name AS actor_name
    FROM actors
),

sentence_pairs AS (
    SELECT
        first_actor.actor_id AS actor_a,
        second_actor.actor_id AS actor_b,
        count(*) AS sentences_together,
        count(DISTINCT first_actor.article_id) AS articles_sharing_a_sentence
    FROM actor_sentences AS first_actor
    JOIN actor_sentences AS second_actor
      ON second_actor.article_id = first_actor.article_id
     AND second_actor.sentence_hash = first_actor.sentence_hash
     AND first_actor.actor_id < second_actor.actor_id
    GROUP BY ALL
),

article_pairs AS (
    SELECT
        first_actor.actor_id AS actor_a,
        second_actor.actor_id AS actor_b,
        count(*) AS articles_together
    FROM actor_articles AS first_actor
    JOIN actor_articles AS second_actor
      ON second_actor.article_id = first_actor.article_id
     AND first_actor.actor_id < second_actor.actor_id
    GROUP BY ALL
)

SELECT
    article_pairs.actor_a,
    name_a.actor_name AS actor_a_name,
    article_pairs.actor_b,
    name_b.actor_name AS actor_b_name,
    coalesce(sentence_pairs.sentences_together, 0) AS sentences_together,
    coalesce(sentence_pairs.articles_sharing_a_sentence, 0) AS articles_sharing_a_sentence,
    article_pairs.articles_together
FROM article_pairs
JOIN actor_names AS name_a ON name_a.actor_id = article_pairs.actor_a
JOIN actor_names AS name_b ON name_b.actor_id = article_pairs.actor_b
LEFT JOIN sentence_pairs USING (actor_a, actor_b)
ORDER BY sentences_together DESC, articles_together DESC, actor_a_name, actor_b_name
