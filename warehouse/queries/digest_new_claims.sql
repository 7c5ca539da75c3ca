-- digest_new_claims: the most check-worthy claims of the articles stored in ($since, $until], at most $limit.
-- One row per canonical claim (a claim repeated across new articles is shown once, by its most check-worthy
-- new appearance); `appearances` counts its new appearances, `total` every new canonical claim.
WITH fresh AS (
    SELECT
        c.claim_id,
        c.text,
        c.checkworthiness,
        c.status,
        c.article_id,
        a.title                                          AS article_title,
        a.source                                         AS article_source,
        a.published                                      AS article_published,
        count(*) OVER (PARTITION BY c.canonical_id)      AS appearances
    FROM claims_current AS c
    JOIN articles AS a USING (article_id)
    WHERE a.ingested_at > $since AND a.ingested_at <= $until
    QUALIFY row_number() OVER (PARTITION BY c.canonical_id ORDER BY c.checkworthiness DESC, c.claim_id) = 1
)
SELECT *, count(*) OVER () AS total
FROM fresh
ORDER BY checkworthiness DESC, claim_id
LIMIT $limit;
