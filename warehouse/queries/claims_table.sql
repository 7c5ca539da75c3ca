-- The claims table printed by `claimtrack claims` and `make run`: one row per claim with its elements.
-- kind: which checkable elements the claim has (quote, quantity, date), else attributed/statement.
-- Claims are listed in the order they were stored: article by article, each article's in its order.
-- $from / $to (NULL: unbounded) bound the claim ids, so that a large warehouse is read in chunks, each
-- a small sort over a slice of every table (warehouse/read.py: stream_claims), in the same order.
WITH elements AS (
    SELECT
        c.claim_id,
        -- In element order: a sorted list of (ordinal, text), joined (five times faster than an ordered aggregate).
        (SELECT array_to_string(list_transform(list_sort(list({'o': q.ordinal, 't': q.text})), x -> x.t), '; ')
           FROM quantities AS q WHERE q.claim_id = c.claim_id) AS quantities,
        (SELECT array_to_string(list_transform(list_sort(list({'o': d.ordinal, 't': d.text || coalesce(' = ' || d.value, '')})),
                                               x -> x.t), '; ')
           FROM dates AS d WHERE d.claim_id = c.claim_id) AS dates,
        EXISTS (SELECT 1 FROM quotes AS u WHERE u.claim_id = c.claim_id) AS has_quote
    FROM claims AS c
    WHERE c.claim_id >= coalesce($from, 0) AND ($to IS NULL OR c.claim_id < $to)
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
  AND c.claim_id >= coalesce($from, 0) AND ($to IS NULL OR c.claim_id < $to)
ORDER BY c.claim_id;
