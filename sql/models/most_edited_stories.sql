-- Which stories were edited most after publication, and did their quotes change? One row
-- per article with more than one version: its versions, the sentence changes of every
-- consecutive version pair summed by NewsEdits label (addition, deletion, edit, refactor
-- = moved), headline changes, quotes added, removed and reworded between versions
-- (quote_changes), the lowest whole-text similarity between two versions, and when it changed.
WITH diff_stats AS (
    SELECT *
    FROM version_diff_stats
),

version_rows AS (
    SELECT article_id, seen_at
    FROM versions
),

quote_change_rows AS (
    SELECT article_id, change
    FROM quote_changes
),

article_facts AS (
    SELECT article_id, story_id, source, title
    FROM articles
),

changes_per_article AS (
    SELECT
        article_id,
        count(*) AS version_pairs,
        sum(additions) AS additions,
        sum(deletions) AS deletions,
        sum(edits) AS edits,
        sum(refactors) AS refactors,
        count(*) FILTER (WHERE title_changed) AS title_changes,
        min(similarity) AS lowest_similarity
    FROM diff_stats
    GROUP BY article_id
),

version_times AS (
    SELECT article_id, count(*) AS versions, min(seen_at) AS first_seen_at, max(seen_at) AS last_seen_at
    FROM version_rows
    GROUP BY article_id
),

quote_churn AS (
    SELECT
        article_id,
        count(*) FILTER (WHERE change = 'added') AS quotes_added,
        count(*) FILTER (WHERE change = 'removed') AS quotes_removed,
        count(*) FILTER (WHERE change = 'reworded') AS quotes_reworded
    FROM quote_change_rows
    GROUP BY article_id
)

SELECT
    article_facts.article_id,
    article_facts.story_id,
    article_facts.source,
    article_facts.title,
    version_times.versions,
    changes_per_article.additions + changes_per_article.deletions + changes_per_article.edits
        + changes_per_article.refactors AS sentence_changes,
    changes_per_article.additions,
    changes_per_article.deletions,
    changes_per_article.edits,
    changes_per_article.refactors,
    changes_per_article.title_changes,
    coalesce(quote_churn.quotes_added, 0) AS quotes_added,
    coalesce(quote_churn.quotes_removed, 0) AS quotes_removed,
    coalesce(quote_churn.quotes_reworded, 0) AS quotes_reworded,
    changes_per_article.lowest_similarity,
    version_times.first_seen_at,
    version_times.last_seen_at
FROM changes_per_article
JOIN version_times USING (article_id)
JOIN article_facts USING (article_id)
LEFT JOIN quote_churn USING (article_id)
ORDER BY sentence_changes + changes_per_article.title_changes DESC, version_times.versions DESC,
         article_facts.article_id
