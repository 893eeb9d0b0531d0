-- Which stories ran in several places (wire copies, near-duplicates)? One row per story
-- with more than one article: the outlets and wire agencies carrying it, how many
-- articles, the weakest match that joined one (estimated Jaccard of word 5-shingles),
-- and when it was first and last seen.
WITH article_rows AS (
    SELECT story_id, article_id, source, wire_agency, first_seen_at
    FROM articles
    WHERE story_id IS NOT NULL
),

memberships AS (
    SELECT article_id, jaccard
    FROM story_members
),

story_rows AS (
    SELECT story_id, title
    FROM stories
),

story_articles AS (
    SELECT a.story_id, a.article_id, a.source, a.wire_agency, a.first_seen_at, sm.jaccard
    FROM article_rows a
    JOIN memberships sm USING (article_id)
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
JOIN story_rows s USING (story_id)
GROUP BY s.story_id, s.title
HAVING count(*) > 1
ORDER BY articles DESC, first_seen_at, s.story_id
