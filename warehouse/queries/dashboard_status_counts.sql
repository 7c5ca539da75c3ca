-- dashboard_status_counts: how many claims are in each status, every status listed even when zero.
SELECT s.status, count(c.claim_id) AS claims, count(c.claim_id) FILTER (WHERE c.reviewed) AS reviewed
FROM (VALUES ('unverified', 0), ('supported', 1), ('refuted', 2), ('conflicting', 3), ('not_enough_evidence', 4))
     AS s(status, ord)
LEFT JOIN claims_current AS c USING (status)
GROUP BY s.status, s.ord
ORDER BY s.ord;
