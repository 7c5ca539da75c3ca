-- review_batch: the next claims for a reviewer from review_queue, optionally from one article.
-- One row per canonical claim (a decision covers every appearance): its most urgent appearance,
-- with the article's date and in how many other articles the claim appears too.
WITH queued AS (
    SELECT q.*, c.canonical_id, a.published AS article_published
    FROM review_queue AS q
    JOIN claims_current AS c USING (claim_id)
    JOIN articles AS a ON a.article_id = q.article_id
    WHERE $article IS NULL OR q.article_id = $article
    QUALIFY row_number() OVER (PARTITION BY c.canonical_id ORDER BY q.priority DESC, q.claim_id) = 1
), spread AS (
    SELECT canonical_id, count(DISTINCT article_id) AS articles
    FROM claim_appearances
    WHERE canonical_id IN (SELECT canonical_id FROM queued)
    GROUP BY canonical_id
)
SELECT q.claim_id, q.article_id, q.article_title, q.text, q.suggested_status, q.confidence, q.checkworthiness,
       q.priority, q.best_evidence, q.best_source, q.best_explanation,
       q.article_published, q.canonical_id, greatest(coalesce(s.articles, 1) - 1, 0) AS other_articles
FROM queued AS q
LEFT JOIN spread AS s USING (canonical_id)
ORDER BY q.priority DESC, q.claim_id
LIMIT $limit;
