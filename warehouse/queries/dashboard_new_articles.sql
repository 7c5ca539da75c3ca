-- dashboard_new_articles: how many articles and claims were stored after $since (NULL: all).
SELECT count(DISTINCT a.article_id) AS articles, count(c.claim_id) AS claims
FROM articles AS a LEFT JOIN claims AS c USING (article_id)
WHERE $since IS NULL OR a.ingested_at > $since;
