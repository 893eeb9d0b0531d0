-- How trustworthy is the warehouse right now? One row per measure: files loaded and
-- quarantined (by reason, the text before the first colon), the share of articles without
-- a date or outlet, of distinct quotes without a named speaker or anonymous, of events
-- without a date or target, of actors seen once, and the latest result of every data
-- quality check (check_results, written after each load). share = count / total.
WITH file_rows AS (
    SELECT status, reason
    FROM files
),

article_rows AS (
    SELECT published_at, source
    FROM articles
),

distinct_quotes AS (
    SELECT speaker_actor_id, is_anonymous, cue_type
    FROM stg_quotes
),

event_rows AS (
    SELECT event_date, actor2_id, actor2_text
    FROM events
),

actor_mention_counts AS (
    SELECT actor_id, count(*) AS mentions
    FROM mentions
    GROUP BY actor_id
),

latest_checks AS (
    SELECT check_name, table_name, passed, rows_checked, checked_at
    FROM check_results
),

measures AS (
    SELECT 'files' AS area, 'status: ' || status AS measure, count(*) AS count,
           (SELECT count(*) FROM file_rows) AS total
    FROM file_rows GROUP BY status
    UNION ALL
    SELECT 'files', 'quarantined: ' || coalesce(split_part(reason, ':', 1), 'no reason'), count(*),
           (SELECT count(*) FROM file_rows)
    FROM file_rows WHERE status = 'quarantined' GROUP BY ALL
    UNION ALL
    SELECT 'articles', 'without publication date', count(*) FILTER (WHERE published_at IS NULL), count(*)
    FROM article_rows
    UNION ALL
    SELECT 'articles', 'without outlet', count(*) FILTER (WHERE source IS NULL), count(*)
    FROM article_rows
    UNION ALL
    SELECT 'quotes', 'speech quotes without a named speaker',
           count(*) FILTER (WHERE cue_type = 'speech' AND speaker_actor_id IS NULL),
           count(*) FILTER (WHERE cue_type = 'speech')
    FROM distinct_quotes
    UNION ALL
    SELECT 'quotes', 'speech quotes from anonymous sources',
           count(*) FILTER (WHERE cue_type = 'speech' AND is_anonymous),
           count(*) FILTER (WHERE cue_type = 'speech')
    FROM distinct_quotes
    UNION ALL
    SELECT 'quotes', 'stance statements (not quotes)', count(*) FILTER (WHERE cue_type = 'stance'), count(*)
    FROM distinct_quotes
    UNION ALL
    SELECT 'events', 'without a date', count(*) FILTER (WHERE event_date IS NULL), count(*)
    FROM event_rows
    UNION ALL
    SELECT 'events', 'without a target actor',
           count(*) FILTER (WHERE actor2_id IS NULL AND actor2_text IS NULL), count(*)
    FROM event_rows
    UNION ALL
    SELECT 'actors', 'mentioned once', count(*) FILTER (WHERE mentions = 1), count(*)
    FROM actor_mention_counts
    UNION ALL
    SELECT 'checks', CASE WHEN passed THEN 'passed' ELSE 'failed' END, count(*),
           (SELECT count(*) FROM latest_checks)
    FROM latest_checks GROUP BY passed
    UNION ALL
    SELECT 'checks', 'failed: ' || check_name || ' on ' || table_name, 1, 1
    FROM latest_checks WHERE NOT passed
)

SELECT
    area,
    measure,
    count,
    total,
    round(count / nullif(total, 0), 3) AS share
FROM measures
ORDER BY
    CASE area WHEN 'files' THEN 1 WHEN 'checks' THEN 2 WHEN 'articles' THEN 3
              WHEN 'quotes' THEN 4 WHEN 'events' THEN 5 ELSE 6 END,
    measure
