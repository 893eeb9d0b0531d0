-- What happened when? One row per real-world event in date order with its actors' names,
-- place, status, the article it was first reported in and how many reports (event
-- mentions, articles) it has (undated events last, by publication date).
WITH events_with_article AS (
    SELECT e.*, a.published_at, a.source, a.title AS article_title
    FROM events e
    JOIN articles a USING (article_id)
),

reports AS (
    SELECT event_id, count(*) AS mention_count, count(DISTINCT article_id) AS article_count
    FROM event_mentions
    GROUP BY event_id
)

SELECT
    coalesce(ea.event_date, ea.published_at) AS timeline_date,
    ea.event_date,
    ea.date_granularity,
    ea.date_text,
    ea.event_type,
    ea.mode,
    ea.status,
    a1.canonical_name AS actor1,
    a2.canonical_name AS actor2,
    ea.place,
    ea.sentence,
    ea.source,
    ea.article_title,
    ea.published_at,
    ea.event_id,
    ea.version_id,
    coalesce(r.mention_count, 0) AS mention_count,
    coalesce(r.article_count, 0) AS article_count
FROM events_with_article ea
LEFT JOIN actors a1 ON a1.actor_id = ea.actor1_id
LEFT JOIN actors a2 ON a2.actor_id = ea.actor2_id
LEFT JOIN reports r ON r.event_id = ea.event_id
ORDER BY ea.event_date IS NULL, timeline_date, ea.event_type, ea.event_id
