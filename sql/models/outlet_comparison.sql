-- Whom does each outlet quote? One row per outlet and named speaker: distinct speech
-- quotes (once per article across versions), the share of the outlet's named quotes they
-- make up, the speaker's rank within the outlet and across all outlets, and the outlet's
-- article count. Articles whose outlet is unknown are grouped as '(unknown)'.
WITH speech_quotes AS (
    SELECT coalesce(source, '(unknown)') AS outlet, speaker_actor_id, speaker, article_id
    FROM stg_quotes
    WHERE cue_type = 'speech' AND speaker_actor_id IS NOT NULL
),

outlet_articles AS (
    SELECT coalesce(source, '(unknown)') AS outlet, count(*) AS outlet_articles
    FROM articles
    GROUP BY ALL
),

outlet_speakers AS (
    SELECT
        outlet,
        speaker_actor_id,
        any_value(speaker) AS speaker,
        count(*) AS quotes,
        count(DISTINCT article_id) AS articles_quoting
    FROM speech_quotes
    GROUP BY outlet, speaker_actor_id
),

overall_ranks AS (
    SELECT speaker_actor_id, rank() OVER (ORDER BY sum(quotes) DESC) AS overall_rank
    FROM outlet_speakers
    GROUP BY speaker_actor_id
)

SELECT
    outlet_speakers.outlet,
    outlet_speakers.speaker_actor_id AS actor_id,
    outlet_speakers.speaker,
    outlet_speakers.quotes,
    outlet_speakers.articles_quoting,
    round(outlet_speakers.quotes / sum(outlet_speakers.quotes) OVER (PARTITION BY outlet_speakers.outlet), 3)
        AS share_of_outlet_quotes,
    rank() OVER (PARTITION BY outlet_speakers.outlet ORDER BY outlet_speakers.quotes DESC) AS rank_in_outlet,
    overall_ranks.overall_rank,
    outlet_articles.outlet_articles
FROM outlet_speakers
JOIN overall_ranks USING (speaker_actor_id)
JOIN outlet_articles USING (outlet)
ORDER BY outlet_speakers.outlet, rank_in_outlet, outlet_speakers.speaker
