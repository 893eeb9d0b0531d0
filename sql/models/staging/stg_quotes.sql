-- What was quoted, once per article? One row per distinct quote of an article (the same
-- quote_key across its versions counts once, taken from the first version it occurs in),
-- with the speaker resolved through merges, the outlet, story and publication date.
-- cue_type 'speech' is what someone said; 'stance' (believes, wants, praised) is kept so
-- models can count it apart.
WITH quotes_in_versions AS (
    SELECT *
    FROM quotes
),

versions_of_quotes AS (
    SELECT version_id, version_no
    FROM versions
),

article_facts AS (
    SELECT article_id, source, published_at, first_seen_at, story_id, title AS article_title
    FROM articles
),

speakers AS (
    SELECT actor_id, resolved_id, actor_name, actor_type
    FROM stg_actors
),

first_occurrences AS (
    SELECT
        quotes_in_versions.*,
        versions_of_quotes.version_no,
        count(*) OVER (PARTITION BY quotes_in_versions.article_id,
                       coalesce(quotes_in_versions.quote_key, quotes_in_versions.quote_id)) AS versions_quoted_in
    FROM quotes_in_versions
    JOIN versions_of_quotes USING (version_id)
    QUALIFY row_number() OVER (
        PARTITION BY quotes_in_versions.article_id, coalesce(quotes_in_versions.quote_key, quotes_in_versions.quote_id)
        ORDER BY versions_of_quotes.version_no, quotes_in_versions.start_char) = 1
)

SELECT
    first_occurrences.quote_id,
    coalesce(first_occurrences.quote_key, first_occurrences.quote_id) AS quote_key,
    first_occurrences.article_id,
    first_occurrences.version_id,
    first_occurrences.version_no,
    first_occurrences.versions_quoted_in,
    first_occurrences.kind,
    coalesce(first_occurrences.cue_type, 'speech') AS cue_type,
    first_occurrences.cue,
    first_occurrences.text,
    speakers.resolved_id AS speaker_actor_id,
    speakers.actor_name AS speaker,
    speakers.actor_type AS speaker_type,
    first_occurrences.speaker_text,
    first_occurrences.is_anonymous,
    article_facts.source,
    article_facts.story_id,
    article_facts.article_title,
    article_facts.published_at
FROM first_occurrences
JOIN article_facts USING (article_id)
LEFT JOIN speakers ON speakers.actor_id = first_occurrences.speaker_actor_id
