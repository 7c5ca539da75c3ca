-- claimreview_export: reviewed claims with their latest human decision and every appearance (for ClaimReview JSON-LD).
WITH decision AS (
    SELECT claim_id, status, actor, note, recorded_at
    FROM claim_status_events
    WHERE actor <> 'pipeline'
    QUALIFY row_number() OVER (PARTITION BY claim_id ORDER BY recorded_at DESC, event_id DESC) = 1
)
SELECT
    c.canonical_id                                       AS claim_id,
    any_value(c.text ORDER BY c.claim_id = c.canonical_id DESC, c.claim_id) AS text,
    any_value(c.speaker ORDER BY c.claim_id = c.canonical_id DESC, c.claim_id) AS speaker,
    any_value(d.status)                                  AS status,
    any_value(d.actor)                                   AS reviewer,
    any_value(d.note)                                    AS note,
    any_value(d.recorded_at)                             AS reviewed_at,
    list(DISTINCT a.source ORDER BY a.source)            AS appearances,
    min(a.published)                                     AS first_published,
    min(a.ingested_at)                                   AS first_seen
FROM claims_current AS c
JOIN decision AS d ON d.claim_id = c.canonical_id
JOIN articles AS a USING (article_id)
GROUP BY c.canonical_id
ORDER BY c.canonical_id;
