-- The current state of a set of claims, computed from the append-only history: what claims_current shows.
-- {appearances} is a query of (claim_id, canonical_id, article_title): the claims to compute, each with
-- the canonical claim whose events, checks and evidence it shares, and its article's title (kept here so
-- that claims_current needs no join with articles); warehouse/state.py fills it in.
-- Status: the latest human event's when a reviewer has decided, else the latest machine event's.
-- needs_rereview: a machine event after the latest human decision disagrees with it.
WITH appearances AS ({appearances}),
targets AS (SELECT DISTINCT canonical_id AS claim_id FROM appearances),
events AS (
    SELECT claim_id, event_id, status, confidence, actor, note, recorded_at, actor <> 'pipeline' AS human
    FROM claim_status_events
    WHERE claim_id IN (SELECT claim_id FROM targets)
),
latest_human AS (
    SELECT * FROM events WHERE human
    QUALIFY row_number() OVER (PARTITION BY claim_id ORDER BY recorded_at DESC, event_id DESC) = 1
),
latest_machine AS (
    SELECT * FROM events WHERE NOT human
    QUALIFY row_number() OVER (PARTITION BY claim_id ORDER BY recorded_at DESC, event_id DESC) = 1
),
last_checks AS (
    SELECT claim_id, max(checked_at) AS last_checked_at
    FROM claim_checks WHERE claim_id IN (SELECT claim_id FROM targets)
    GROUP BY claim_id
),
target_evidence AS (
    SELECT claim_id, found_at FROM evidence WHERE claim_id IN (SELECT claim_id FROM targets)
),
latest_evidence AS (  -- the evidence rows of a check share found_at: count those of the latest check
    SELECT claim_id, count(*) AS evidence_count
    FROM target_evidence
    WHERE (claim_id, found_at) IN (SELECT claim_id, max(found_at) FROM target_evidence GROUP BY claim_id)
    GROUP BY claim_id
)
SELECT
    a.claim_id,
    a.canonical_id,
    a.article_title,
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
    coalesce(e.evidence_count, 0)                      AS evidence_count,
    k.last_checked_at
FROM appearances AS a
LEFT JOIN latest_human AS h ON h.claim_id = a.canonical_id
LEFT JOIN latest_machine AS m ON m.claim_id = a.canonical_id
LEFT JOIN latest_evidence AS e ON e.claim_id = a.canonical_id
LEFT JOIN last_checks AS k ON k.claim_id = a.canonical_id
