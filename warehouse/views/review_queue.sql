-- review_queue: claims no reviewer has decided yet, most worth a human's time first:
-- check-worthiness × uncertainty (1 - confidence of the machine's verdict; 1 when unverified).
CREATE OR REPLACE VIEW review_queue AS
SELECT
    c.claim_id,
    c.article_id,
    c.article_title,
    c.text,
    c.status                         AS suggested_status,
    c.confidence,
    c.checkworthiness,
    round(c.checkworthiness * (1 - coalesce(c.confidence, 0)), 4) AS priority,
    (SELECT e.passage FROM evidence AS e WHERE e.claim_id = c.canonical_id ORDER BY e.score DESC LIMIT 1)
                                     AS best_evidence,
    (SELECT s.location FROM evidence AS e JOIN sources AS s USING (source_id)
      WHERE e.claim_id = c.canonical_id ORDER BY e.score DESC LIMIT 1)
                                     AS best_source
FROM claims_current AS c
WHERE NOT c.reviewed
ORDER BY priority DESC, c.claim_id;
