-- Which actors appear together? One row per pair of actors mentioned in the same
-- version, with the number of versions and articles they share.
WITH actors_per_version AS (
    SELECT DISTINCT m.version_id, v.article_id, m.actor_id
    FROM mentions m
    JOIN versions v USING (version_id)
),

pairs AS (
    SELECT a.version_id, a.article_id, a.actor_id AS actor_a, b.actor_id AS actor_b
    FROM actors_per_version a
    JOIN actors_per_version b
      ON a.version_id = b.version_id AND a.actor_id < b.actor_id
)

SELECT
    p.actor_a,
    aa.canonical_name AS actor_a_name,
    p.actor_b,
    ab.canonical_name AS actor_b_name,
    count(DISTINCT p.version_id) AS versions_together,
    count(DISTINCT p.article_id) AS articles_together
FROM pairs p
JOIN actors aa ON aa.actor_id = p.actor_a
JOIN actors ab ON ab.actor_id = p.actor_b
GROUP BY ALL
ORDER BY articles_together DESC, versions_together DESC, actor_a_name, actor_b_name
