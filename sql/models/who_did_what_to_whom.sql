-- Who did what to whom? One row per source actor and target actor (the target NULL when
-- the event names none, "protesters rallied"): the number of real-world events between
-- them in total and by PLOVER type, one column per type (a type added later than this
-- model is counted in other_types), the reports behind them and the period they span.
WITH named_events AS (
    SELECT *
    FROM stg_events
    WHERE actor1 IS NOT NULL
),

pair_counts AS (
    SELECT
        coalesce(actor1_id, 'text:' || lower(actor1)) AS source_key,
        any_value(actor1) AS source_actor,
        coalesce(actor2_id, 'text:' || lower(actor2)) AS target_key,
        any_value(actor2) AS target_actor,
        count(*) AS events,
        sum(mention_count) AS reports,
        count(*) FILTER (WHERE event_type = 'AGREE') AS agree,
        count(*) FILTER (WHERE event_type = 'CONSULT') AS consult,
        count(*) FILTER (WHERE event_type = 'SUPPORT') AS support,
        count(*) FILTER (WHERE event_type = 'COOPERATE') AS cooperate,
        count(*) FILTER (WHERE event_type = 'AID') AS aid,
        count(*) FILTER (WHERE event_type = 'CONCEDE') AS concede,
        count(*) FILTER (WHERE event_type = 'RETREAT') AS retreat,
        count(*) FILTER (WHERE event_type = 'INVESTIGATE') AS investigate,
        count(*) FILTER (WHERE event_type = 'DEMAND') AS demand,
        count(*) FILTER (WHERE event_type = 'DISAPPROVE') AS disapprove,
        count(*) FILTER (WHERE event_type = 'REJECT') AS reject,
        count(*) FILTER (WHERE event_type = 'THREATEN') AS threaten,
        count(*) FILTER (WHERE event_type = 'PROTEST') AS protest,
        count(*) FILTER (WHERE event_type = 'MOBILIZE') AS mobilize,
        count(*) FILTER (WHERE event_type = 'SANCTION') AS sanction,
        count(*) FILTER (WHERE event_type = 'COERCE') AS coerce,
        count(*) FILTER (WHERE event_type = 'ASSAULT') AS assault,
        count(*) FILTER (WHERE event_type = 'FIGHT') AS fight,
        count(*) FILTER (WHERE event_type = 'CRIME') AS crime,
        count(*) FILTER (WHERE event_type NOT IN ('AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'CONCEDE',
            'RETREAT', 'INVESTIGATE', 'DEMAND', 'DISAPPROVE', 'REJECT', 'THREATEN', 'PROTEST', 'MOBILIZE',
            'SANCTION', 'COERCE', 'ASSAULT', 'FIGHT', 'CRIME')) AS other_types,
        min(timeline_date) AS first_date,
        max(timeline_date) AS last_date
    FROM named_events
    GROUP BY coalesce(actor1_id, 'text:' || lower(actor1)), coalesce(actor2_id, 'text:' || lower(actor2))
)

SELECT *
FROM pair_counts
ORDER BY events DESC, reports DESC, source_actor, target_actor
