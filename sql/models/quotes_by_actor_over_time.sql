-- How often is each actor quoted, month by month? One row per named speaker and month of
-- publication: distinct speech quotes (once per article across versions), direct ones,
-- stance statements apart, articles, and the running total of quotes up to that month.
-- Articles without a publication date fall in month NULL (listed last).
WITH distinct_quotes AS (
    SELECT speaker_actor_id, speaker, article_id, kind, cue_type, published_at
    FROM stg_quotes
    WHERE speaker_actor_id IS NOT NULL
),

monthly AS (
    SELECT
        speaker_actor_id,
        any_value(speaker) AS speaker,
        date_trunc('month', published_at) AS month,
        count(*) FILTER (WHERE cue_type = 'speech') AS quotes,
        count(*) FILTER (WHERE cue_type = 'speech' AND kind = 'direct') AS direct_quotes,
        count(*) FILTER (WHERE cue_type = 'stance') AS stance_statements,
        count(DISTINCT article_id) AS articles
    FROM distinct_quotes
    GROUP BY speaker_actor_id, date_trunc('month', published_at)
)

SELECT
    speaker_actor_id AS actor_id,
    speaker,
    CAST(month AS DATE) AS month,
    quotes,
    direct_quotes,
    stance_statements,
    articles,
    sum(quotes) OVER (PARTITION BY speaker_actor_id ORDER BY month NULLS LAST
                      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS quotes_to_date
FROM monthly
ORDER BY month NULLS LAST, quotes DESC, speaker
