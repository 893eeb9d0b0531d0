-- What happened when? One row per real-world event in date order with its actors' names
-- (resolved through merges), place, status, the article it was first reported in and how
-- many reports (event mentions, articles, outlets) it has; undated events follow by
-- publication date of their first report.
WITH events_with_names AS (
    SELECT *
    FROM stg_events
)

SELECT
    timeline_date,
    event_date,
    date_granularity,
    date_text,
    event_type,
    mode,
    status,
    actor1,
    actor2,
    place,
    sentence,
    source,
    article_title,
    published_at,
    event_id,
    version_id,
    mention_count,
    article_count,
    outlet_count
FROM events_with_names
ORDER BY event_date IS NULL, timeline_date, event_type, event_id
