-- claims_current: every claim with its current status, evidence count, last check and review state.
-- Status: the latest human event's when a reviewer has decided, else the latest machine event's.
-- needs_rereview: a machine event after the latest human decision disagrees with it.
-- The state comes from claim_state, which the pipeline keeps in the transaction that appends each
-- event, check or evidence row (warehouse/state.py, computed by warehouse/queries/claim_state.sql);
-- the history in claim_status_events stays the truth.
CREATE OR REPLACE VIEW claims_current AS
SELECT
    c.claim_id,
    c.article_id,
    s.article_title,
    c.ordinal,
    c.text,
    c.start_char,
    c.end_char,
    c.checkworthiness,
    c.speaker,
    c.fingerprint,
    s.canonical_id,
    s.status,
    s.confidence,
    s.status_actor,
    s.status_at,
    s.reviewed,
    s.machine_status,
    s.machine_confidence,
    s.needs_rereview,
    s.rereview_reason,
    s.evidence_count,
    s.last_checked_at
FROM claims AS c
JOIN claim_state AS s USING (claim_id);
