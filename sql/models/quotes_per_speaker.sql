-- Who is quoted most, and how? One row per speaker actor with quote counts by kind,
-- the number of articles quoting them, and the first and last publication date.
WITH quotes_with_speaker AS (
    SELECT q.quote_id, q.kind, q.article_id, q.speaker_actor_id
    FROM quotes q
    WHERE q.speaker_actor_id IS NOT NULL
),

speaker_articles AS (
    SELECT qs.*, a.published_at
    FROM quotes_with_speaker qs
    JOIN articles a USING (article_id)
)

SELECT
    ac.actor_id,
    ac.canonical_name AS speaker,
    ac.actor_type,
    count(*) AS quotes,
    count(*) FILTER (WHERE sa.kind = 'direct') AS direct_quotes,
    count(*) FILTER (WHERE sa.kind = 'partial') AS partial_quotes,
    count(*) FILTER (WHERE sa.kind = 'indirect') AS indirect_quotes,
    count(DISTINCT sa.article_id) AS articles,
    min(sa.published_at) AS first_quoted_on,
    max(sa.published_at) AS last_quoted_on
FROM speaker_articles sa
JOIN actors ac ON ac.actor_id = sa.speaker_actor_id
GROUP BY ALL
ORDER BY quotes DESC, speaker
