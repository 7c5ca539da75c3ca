-- dashboard_top_unverified: the most check-worthy claims still unverified.
SELECT claim_id, checkworthiness, text, article_title
FROM claims_current
WHERE status = 'unverified'
ORDER BY checkworthiness DESC, claim_id
LIMIT $limit;
