-- review_queue: claims no reviewer has decided yet, most worth a human's time first:
-- check-worthiness × uncertainty (1 - confidence of the machine's verdict; 1 when unverified).
-- best_evidence / best_source / best_explanation: the deciding evidence of the claim's latest check
-- (the evidence rows of one check share found_at): a non-neutral stance first, then the latest.
CREATE OR REPLACE VIEW review_queue AS
WITH latest AS (
    SELECT e.claim_id, e.passage, e.explanation, e.stance, e.found_at, e.score, e.evidence_id, s.location
    FROM evidence AS e JOIN sources AS s USING (source_id)
    QUALIFY e.found_at = max(e.found_at) OVER (PARTITION BY e.claim_id)
),
best AS (
    SELECT * FROM latest
    QUALIFY row_number() OVER (
        PARTITION BY claim_id ORDER BY stance = 'neutral', found_at DESC, score DESC, evidence_id) = 1
)
SELECT
    c.claim_id,
    c.article_id,
    c.article_title,
    c.text,
    c.status                         AS suggested_status,
    c.confidence,
    c.checkworthiness,
    round(c.checkworthiness * (1 - coalesce(c.confidence, 0)), 4) AS priority,
    b.passage                        AS best_evidence,
    b.location                       AS best_source,
    b.explanation                    AS best_explanation
FROM claims_current AS c
LEFT JOIN best AS b ON b.claim_id = c.canonical_id
WHERE NOT c.reviewed
ORDER BY priority DESC, c.claim_id;
