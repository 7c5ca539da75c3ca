-- The claims table printed by `claimtrack claims` and `make run`: one row per claim with its elements.
-- kind: which checkable elements the claim has (quote, quantity, date), else attributed/statement.
WITH elements AS (
    SELECT
        c.claim_id,
        (SELECT string_agg(q.text, '; ' ORDER BY q.ordinal) FROM quantities AS q WHERE q.claim_id = c.claim_id) AS quantities,
        (SELECT string_agg(d.text || coalesce(' = ' || d.value, ''), '; ' ORDER BY d.ordinal)
           FROM dates AS d WHERE d.claim_id = c.claim_id) AS dates,
        EXISTS (SELECT 1 FROM quotes AS u WHERE u.claim_id = c.claim_id) AS has_quote
    FROM claims AS c
)
SELECT
    c.claim_id,
    c.article_id,
    c.text,
    coalesce(
        nullif(concat_ws('+',
            CASE WHEN e.has_quote THEN 'quote' END,
            CASE WHEN e.quantities IS NOT NULL THEN 'quantity' END,
            CASE WHEN e.dates IS NOT NULL THEN 'date' END), ''),
        CASE WHEN c.speaker IS NOT NULL THEN 'attributed' ELSE 'statement' END
    ) AS kind,
    coalesce(e.quantities, '') AS quantities,
    coalesce(e.dates, '') AS dates,
    coalesce(c.speaker, '') AS speaker,
    c.checkworthiness,
    c.status
FROM claims_current AS c
JOIN elements AS e USING (claim_id)
WHERE ($status IS NULL OR c.status = $status)
  AND ($article IS NULL OR c.article_id = $article)
ORDER BY c.article_id, c.ordinal;
