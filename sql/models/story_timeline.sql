-- How did each story unfold? One row per event of a story (a wire-copy / near-duplicate
-- group of articles) in date order: its place in the story (event 1, 2, ...), the days
-- since the story's first event, what happened between whom, and how many of the story's
-- articles and outlets report it. Stories with at least one event only.
WITH mention_rows AS (
    SELECT event_id, article_id
    FROM event_mentions
),

article_rows AS (
    SELECT article_id, story_id, source
    FROM articles
    WHERE story_id IS NOT NULL
),

story_events AS (
    SELECT DISTINCT mention_rows.event_id, article_rows.story_id
    FROM mention_rows
    JOIN article_rows USING (article_id)
),

events_with_names AS (
    SELECT event_id, timeline_date, date_text, event_type, status, actor1, actor2, place, sentence
    FROM stg_events
),

story_reports AS (
    SELECT
        article_rows.story_id,
        mention_rows.event_id,
        count(DISTINCT mention_rows.article_id) AS story_articles_reporting,
        count(DISTINCT article_rows.source) AS story_outlets_reporting
    FROM mention_rows
    JOIN article_rows USING (article_id)
    GROUP BY ALL
),

story_titles AS (
    SELECT story_id, title AS story_title
    FROM stories
)

SELECT
    story_events.story_id,
    story_titles.story_title,
    row_number() OVER (PARTITION BY story_events.story_id
                       ORDER BY events_with_names.timeline_date, events_with_names.event_id) AS event_no,
    events_with_names.timeline_date,
    events_with_names.timeline_date - min(events_with_names.timeline_date)
        OVER (PARTITION BY story_events.story_id) AS days_since_story_start,
    events_with_names.date_text,
    events_with_names.event_type,
    events_with_names.status,
    events_with_names.actor1,
    events_with_names.actor2,
    events_with_names.place,
    events_with_names.sentence,
    story_reports.story_articles_reporting,
    story_reports.story_outlets_reporting,
    events_with_names.event_id
FROM story_events
JOIN events_with_names USING (event_id)
JOIN story_reports USING (story_id, event_id)
LEFT JOIN story_titles USING (story_id)
ORDER BY story_events.story_id, event_no
