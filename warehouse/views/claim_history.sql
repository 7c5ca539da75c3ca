-- claim_history: every status event of every claim, oldest first, with the claim's text.
CREATE OR REPLACE VIEW claim_history AS
SELECT
    e.claim_id,
    e.event_id,
    e.recorded_at,
    e.status,
    e.confidence,
    e.actor,
    e.actor <> 'pipeline' AS human,
    e.note,
    e.evidence_ids,
    c.text AS claim_text
FROM claim_status_events AS e
JOIN claims AS c USING (claim_id)
ORDER BY e.claim_id, e.recorded_at, e.event_id;
