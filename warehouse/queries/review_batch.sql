-- review_batch: the next claims for a reviewer from review_queue, optionally from one article.
SELECT claim_id, article_id, article_title, text, suggested_status, confidence, checkworthiness, priority,
       best_evidence, best_source, best_explanation
FROM review_queue
WHERE $article IS NULL OR article_id = $article
ORDER BY priority DESC, claim_id
LIMIT $limit;
