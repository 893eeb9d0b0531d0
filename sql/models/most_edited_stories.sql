-- Which stories were edited most after publication? One row per article with more than
-- one version: its versions, the sentence changes of every consecutive version pair
-- summed by NewsEdits label (addition, deletion, edit, refactor = moved), headline
-- changes, the lowest whole-text similarity between two versions, and when it changed.
WITH changes_per_article AS (
    SELECT
        article_id,
        count(*) AS version_pairs,
        sum(additions) AS additions,
        sum(deletions) AS deletions,
        sum(edits) AS edits,
        sum(refactors) AS refactors,
        count(*) FILTER (WHERE title_changed) AS title_changes,
        min(similarity) AS lowest_similarity
    FROM version_diff_stats
    GROUP BY article_id
),

version_times AS (
    SELECT article_id, count(*) AS versions, min(seen_at) AS first_seen_at, max(seen_at) AS last_seen_at
    FROM versions
    GROUP BY article_id
)

SELECT
    a.article_id,
    a.story_id,
    a.source,
    a.title,
    vt.versions,
    ca.additions + ca.deletions + ca.edits + ca.refactors AS sentence_changes,
    ca.additions,
    ca.deletions,
    ca.edits,
    ca.refactors,
    ca.title_changes,
    ca.lowest_similarity,
    vt.first_seen_at,
    vt.last_seen_at
FROM changes_per_article ca
JOIN version_times vt USING (article_id)
JOIN articles a USING (article_id)
ORDER BY sentence_changes + ca.title_changes DESC, vt.versions DESC, a.article_id
