-- digest_counts: how many articles and claims were stored in the digest's window ($since, $until].
SELECT count(DISTINCT a.article_id) AS articles, count(c.claim_id) AS claims
FROM articles AS a LEFT JOIN claims AS c USING (article_id)
WHERE a.ingested_at > $since AND a.ingested_at <= $until;
