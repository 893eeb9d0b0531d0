-- Which actor does each actor ID stand for today? One row per actor ID with the actor it
-- resolves to after recorded merges ("Obama" -> "Barack Obama") and that actor's name and
-- type, so every model counts a merged actor once.
WITH identities AS (
    SELECT actor_id, resolved_id
    FROM actor_identity
),

actor_names AS (
    SELECT actor_id, canonical_name, actor_type
    FROM actors
)

SELECT
    identities.actor_id,
    identities.resolved_id,
    actor_names.canonical_name AS actor_name,
    actor_names.actor_type
FROM identities
JOIN actor_names ON actor_names.actor_id = identities.resolved_id
