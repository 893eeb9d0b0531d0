-- Which quotes changed between consecutive versions of an article? One row per change:
-- a quote (same normalized text and speaker = same quote_key) present in one version and
-- gone from the next is 'removed', or 'reworded' when the next version has a new quote by
-- the same speaker sharing at least half of its distinct words; a quote first appearing
-- in a later version is 'added'.
WITH quote_rows AS (
    SELECT article_id, version_id, quote_key, speaker_actor_id, speaker_text, text
    FROM quotes
),

version_rows AS (
    SELECT article_id, version_id, version_no
    FROM versions
),

version_pairs AS (
    SELECT older.article_id, older.version_no AS from_version, newer.version_no AS to_version
    FROM version_rows older
    JOIN version_rows newer ON newer.article_id = older.article_id AND newer.version_no = older.version_no + 1
),

quotes_by_version AS (
    SELECT
        q.article_id,
        v.version_no,
        q.quote_key,
        any_value(coalesce(q.speaker_actor_id, lower(q.speaker_text), '')) AS speaker_key,
        any_value(q.speaker_text) AS speaker_text,
        any_value(q.text) AS quote_text,
        any_value(list_filter(list_distinct(string_split_regex(lower(q.text), '\W+')), lambda w: w <> '')) AS words
    FROM quote_rows q
    JOIN version_rows v USING (version_id)
    WHERE q.article_id IN (SELECT article_id FROM version_pairs)  -- only articles with a next version can change
    GROUP BY ALL
),

gone_in_next AS (
    SELECT p.article_id, p.from_version, p.to_version, qb.quote_key, qb.speaker_key, qb.speaker_text,
           qb.quote_text, qb.words
    FROM version_pairs p
    JOIN quotes_by_version qb ON qb.article_id = p.article_id AND qb.version_no = p.from_version
    WHERE NOT EXISTS (SELECT 1 FROM quotes_by_version n
                      WHERE n.article_id = p.article_id AND n.version_no = p.to_version AND n.quote_key = qb.quote_key)
),

new_in_next AS (
    SELECT p.article_id, p.from_version, p.to_version, qb.quote_key, qb.speaker_key, qb.speaker_text,
           qb.quote_text, qb.words
    FROM version_pairs p
    JOIN quotes_by_version qb ON qb.article_id = p.article_id AND qb.version_no = p.to_version
    WHERE NOT EXISTS (SELECT 1 FROM quotes_by_version o
                      WHERE o.article_id = p.article_id AND o.version_no = p.from_version AND o.quote_key = qb.quote_key)
),

rewordings AS (
    SELECT
        g.article_id, g.from_version, g.to_version, g.quote_key AS old_quote_key, n.quote_key AS new_quote_key,
        g.speaker_text, g.quote_text AS old_text, n.quote_text AS new_text,
        len(list_intersect(g.words, n.words)) / greatest(len(list_distinct(list_concat(g.words, n.words))), 1)
            AS word_overlap
    FROM gone_in_next g
    JOIN new_in_next n USING (article_id, from_version, to_version, speaker_key)
    WHERE len(list_intersect(g.words, n.words)) >= 0.5 * greatest(len(g.words), 1)
    QUALIFY row_number() OVER (PARTITION BY g.article_id, g.to_version, g.quote_key ORDER BY word_overlap DESC) = 1
)

SELECT article_id, from_version, to_version, 'reworded' AS change, speaker_text, old_text, new_text,
       old_quote_key, new_quote_key, round(word_overlap, 3) AS word_overlap
FROM rewordings
UNION ALL
SELECT g.article_id, g.from_version, g.to_version, 'removed', g.speaker_text, g.quote_text, NULL,
       g.quote_key, NULL, NULL
FROM gone_in_next g
WHERE NOT EXISTS (SELECT 1 FROM rewordings r WHERE r.article_id = g.article_id AND r.to_version = g.to_version
                                               AND r.old_quote_key = g.quote_key)
UNION ALL
SELECT n.article_id, n.from_version, n.to_version, 'added', n.speaker_text, NULL, n.quote_text,
       NULL, n.quote_key, NULL
FROM new_in_next n
WHERE NOT EXISTS (SELECT 1 FROM rewordings r WHERE r.article_id = n.article_id AND r.to_version = n.to_version
                                               AND r.new_quote_key = n.quote_key)
ORDER BY article_id, to_version, change, old_text, new_text
