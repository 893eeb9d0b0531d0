-- Who is quoted most, and how? One row per named speaker: distinct quotes (cue_type
-- 'speech', each quote counted once however many versions of its article repeat it) by
-- kind, stance statements (what they are said to believe, want or support) counted
-- apart, the articles and outlets quoting them and the first and last publication date.
WITH distinct_quotes AS (
    SELECT *
    FROM stg_quotes
    WHERE speaker_actor_id IS NOT NULL
),

speaker_totals AS (
    SELECT
        speaker_actor_id,
        any_value(speaker) AS speaker,
        any_value(speaker_type) AS speaker_type,
        count(*) FILTER (WHERE cue_type = 'speech') AS quotes,
        count(*) FILTER (WHERE cue_type = 'speech' AND kind = 'direct') AS direct_quotes,
        count(*) FILTER (WHERE cue_type = 'speech' AND kind = 'partial') AS partial_quotes,
        count(*) FILTER (WHERE cue_type = 'speech' AND kind = 'indirect') AS indirect_quotes,
        count(*) FILTER (WHERE cue_type = 'stance') AS stance_statements,
        count(DISTINCT article_id) FILTER (WHERE cue_type = 'speech') AS articles,
        count(DISTINCT source) FILTER (WHERE cue_type = 'speech') AS outlets,
        min(published_at) FILTER (WHERE cue_type = 'speech') AS first_quoted_on,
        max(published_at) FILTER (WHERE cue_type = 'speech') AS last_quoted_on
    FROM distinct_quotes
    GROUP BY speaker_actor_id
)

SELECT
    speaker_actor_id AS actor_id,
    speaker,
    speaker_type AS actor_type,
    quotes,
    direct_quotes,
    partial_quotes,
    indirect_quotes,
    stance_statements,
    articles,
    outlets,
    first_quoted_on,
    last_quoted_on
FROM speaker_totals
ORDER BY quotes DESC, stance_statements DESC, speaker
