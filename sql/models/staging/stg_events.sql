-- What happened, with names? One row per real-world event with both actors resolved
-- through merges and named, the story and outlet of its first report, and how many
-- reports (event mentions), articles and outlets it has.
WITH event_rows AS (
    SELECT *
    FROM events
),

mention_rows AS (
    SELECT event_id, article_id
    FROM event_mentions
),

article_facts AS (
    SELECT article_id, source, published_at, first_seen_at, story_id, title AS article_title
    FROM articles
),

actor_names AS (
    SELECT actor_id, resolved_id, actor_name
    FROM stg_actors
),

report_counts AS (
    SELECT
        mention_rows.event_id,
        count(*) AS mention_count,
        count(DISTINCT mention_rows.article_id) AS article_count,
        count(DISTINCT article_facts.source) AS outlet_count
    FROM mention_rows
    JOIN article_facts USING (article_id)
    GROUP BY mention_rows.event_id
)

SELECT
    event_rows.event_id,
    event_rows.event_type,
    event_rows.mode,
    event_rows.status,
    source_actor.resolved_id AS actor1_id,
    coalesce(source_actor.actor_name, event_rows.actor1_text) AS actor1,
    target_actor.resolved_id AS actor2_id,
    coalesce(target_actor.actor_name, event_rows.actor2_text) AS actor2,
    event_rows.place,
    event_rows.event_date,
    event_rows.date_granularity,
    event_rows.date_text,
    coalesce(event_rows.event_date, article_facts.published_at)
        AS timeline_date,
    event_rows.sentence,
    event_rows.trigger,
    event_rows.article_id,
    event_rows.version_id,
    article_facts.source,
    article_facts.story_id,
    article_facts.article_title,
    article_facts.published_at,
    coalesce(report_counts.mention_count, 0) AS mention_count,
    coalesce(report_counts.article_count, 0) AS article_count,
    coalesce(report_counts.outlet_count, 0) AS outlet_count
FROM event_rows
JOIN article_facts USING (article_id)
LEFT JOIN actor_names AS source_actor ON source_actor.actor_id = event_rows.actor1_id
LEFT JOIN actor_names AS target_actor ON target_actor.actor_id = event_rows.actor2_id
LEFT JOIN report_counts USING (event_id)
