-- article_claims: an article's claims in order with their current status and review state.
SELECT claim_id, ordinal, text, checkworthiness, status, confidence, status_actor, reviewed, needs_rereview,
       evidence_count, last_checked_at
FROM claims_current
WHERE article_id = $article
ORDER BY ordinal;
