-- claims_current: every claim with its article and its latest status event.
CREATE OR REPLACE VIEW claims_current AS
SELECT
    c.claim_id,
    c.article_id,
    a.title            AS article_title,
    c.ordinal,
    c.text,
    c.start_char,
    c.end_char,
    c.checkworthiness,
    c.speaker,
    c.fingerprint,
    coalesce(e.status, 'unverified') AS status,
    e.confidence,
    e.actor            AS status_actor,
    e.recorded_at      AS status_at
FROM claims AS c
JOIN articles AS a USING (article_id)
LEFT JOIN (
    SELECT * FROM claim_status_events
    QUALIFY row_number() OVER (PARTITION BY claim_id ORDER BY recorded_at DESC, event_id DESC) = 1
) AS e USING (claim_id);
