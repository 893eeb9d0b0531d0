-- Which actors appear together, and how closely? One row per pair of actors mentioned in
-- the same article: the sentences naming both (the same sentence in several versions of
-- an article counts once), the articles where they share a sentence, and the articles
-- naming both anywhere. Sorted by shared sentences, so pairs in the same breath come first.
-- A venue mention (label VENUE: the programme or outlet where something was said) is no
-- actor taking part in the story and does not count. The pairs are counted when articles
-- are written (table actor_pairs: every load, re-annotation and purge keeps the counts of
-- the articles it touches, by sql/actor_pairs.sql, which reads the mentions as stg_mentions
-- does); here only named and sorted (on name ranks: integers sort faster than names).
WITH pair_counts AS (
    SELECT actor_a, actor_b, sentences_together, articles_sharing_a_sentence, articles_together
    FROM actor_pairs
),

actor_names AS (
    SELECT actor_id, canonical_name AS actor_name, dense_rank() OVER (ORDER BY canonical_name) AS name_rank
    FROM actors
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
JOIN actor_names AS name_a ON name_a.actor_id = pair_counts.actor_a
JOIN actor_names AS name_b ON name_b.actor_id = pair_counts.actor_b
ORDER BY pair_counts.sentences_together DESC, pair_counts.articles_together DESC, name_a.name_rank, name_b.name_rank
