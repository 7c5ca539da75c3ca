-- claim_appearances: every appearance of a canonical claim across articles.
CREATE OR REPLACE VIEW claim_appearances AS
SELECT
    coalesce(l.canonical_id, c.claim_id) AS canonical_id,
    c.claim_id,
    c.article_id,
    a.source,
    a.title,
    a.published,
    c.text,
    coalesce(l.method, 'self')           AS method
FROM claims AS c
JOIN articles AS a USING (article_id)
LEFT JOIN claim_links AS l USING (claim_id)
ORDER BY canonical_id, a.published NULLS LAST, c.claim_id;
