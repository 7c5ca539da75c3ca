-- claims_current: every claim with its current status, evidence count, last check and review state.
-- Status: the latest human event's when a reviewer has decided, else the latest machine event's.
-- needs_rereview: a machine event after the latest human decision disagrees with it.
CREATE OR REPLACE VIEW claims_current AS
WITH ranked AS (
    SELECT *,
        actor <> 'pipeline' AS human,
        row_number() OVER (PARTITION BY claim_id ORDER BY recorded_at DESC, event_id DESC) AS newest
    FROM claim_status_events
),
latest_any AS (SELECT * FROM ranked WHERE newest = 1),
latest_human AS (
    SELECT * FROM ranked WHERE human
    QUALIFY row_number() OVER (PARTITION BY claim_id ORDER BY recorded_at DESC, event_id DESC) = 1
),
latest_machine AS (
    SELECT * FROM ranked WHERE NOT human
    QUALIFY row_number() OVER (PARTITION BY claim_id ORDER BY recorded_at DESC, event_id DESC) = 1
)
SELECT
    c.claim_id,
    c.article_id,
    a.title                                            AS article_title,
    c.ordinal,
    c.text,
    c.start_char,
    c.end_char,
    c.checkworthiness,
    c.speaker,
    c.fingerprint,
    coalesce(l.canonical_id, c.claim_id)               AS canonical_id,
    coalesce(h.status, m.status, 'unverified')         AS status,
    coalesce(h.confidence, m.confidence)               AS confidence,
    coalesce(h.actor, m.actor, 'pipeline')             AS status_actor,
    coalesce(h.recorded_at, m.recorded_at)             AS status_at,
    h.event_id IS NOT NULL                             AS reviewed,
    m.status                                           AS machine_status,
    m.confidence                                       AS machine_confidence,
    coalesce(h.event_id IS NOT NULL AND m.recorded_at > h.recorded_at AND m.status <> h.status, false)
                                                       AS needs_rereview,
    CASE WHEN h.event_id IS NOT NULL AND m.recorded_at > h.recorded_at AND m.status <> h.status
         THEN 'pipeline now says ' || m.status || ' (' || coalesce(m.note, 'no note') || '); reviewer said '
              || h.status END                          AS rereview_reason,
    (SELECT count(*) FROM evidence AS e WHERE e.claim_id = coalesce(l.canonical_id, c.claim_id)
        AND e.found_at = (SELECT max(f.found_at) FROM evidence AS f WHERE f.claim_id = e.claim_id))
                                                       AS evidence_count,  -- of the latest check
    (SELECT max(k.checked_at) FROM claim_checks AS k WHERE k.claim_id = coalesce(l.canonical_id, c.claim_id))
                                                       AS last_checked_at
FROM claims AS c
JOIN articles AS a USING (article_id)
LEFT JOIN claim_links AS l USING (claim_id)
LEFT JOIN latest_human AS h ON h.claim_id = coalesce(l.canonical_id, c.claim_id)
LEFT JOIN latest_machine AS m ON m.claim_id = coalesce(l.canonical_id, c.claim_id);
