-- Which stories ran in several places (wire copies, near-duplicates)? One row per story
-- with more than one article: the outlets and wire agencies carrying it, how many
-- articles, the weakest match that joined one (estimated Jaccard of word 5-shingles),
-- and when it was first and last seen.
WITH story_articles AS (
    SELECT a.story_id, a.article_id, a.source, a.wire_agency, a.first_seen_at, sm.jaccard
    FROM articles a
    JOIN story_members sm USING (article_id)
    WHERE a.story_id IS NOT NULL
)

SELECT
    s.story_id,
    s.title,
    count(*) AS articles,
    count(DISTINCT sa.source) AS outlets,
    list(DISTINCT sa.source ORDER BY sa.source) FILTER (WHERE sa.source IS NOT NULL) AS sources,
    list(DISTINCT sa.wire_agency ORDER BY sa.wire_agency) FILTER (WHERE sa.wire_agency IS NOT NULL) AS wire_agencies,
    min(sa.jaccard) AS weakest_match,
    min(sa.first_seen_at) AS first_seen_at,
    max(sa.first_seen_at) AS last_seen_at
FROM story_articles sa
JOIN stories s USING (story_id)
GROUP BY s.story_id, s.title
HAVING count(*) > 1
ORDER BY articles DESC, first_seen_at, s.story_id
