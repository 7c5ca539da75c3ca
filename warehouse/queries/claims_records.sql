-- `claimtrack claims --format json`: the claims table's rows with their figures and dates as lists of
-- records (every column of `quantities` and `dates`), not as the joined text the table prints.
SELECT
    t.claim_id,
    t.article_id,
    t.text,
    t.kind,
    -- In element order: a sorted list of (ordinal, record), unwrapped (faster than an ordered aggregate).
    coalesce((SELECT list_transform(list_sort(list({'o': q.ordinal, 'r': {'text': q.text, 'value': q.value,
                           'kind': q.kind, 'unit': q.unit, 'bound': q.bound, 'of': q."of", 'upper': q.upper}})), x -> x.r)
              FROM quantities AS q WHERE q.claim_id = t.claim_id), []) AS quantities,
    coalesce((SELECT list_transform(list_sort(list({'o': d.ordinal, 'r': {'text': d.text, 'value': d.value,
                           'precision': d."precision"}})), x -> x.r)
              FROM dates AS d WHERE d.claim_id = t.claim_id), []) AS dates,
    t.speaker,
    t.checkworthiness,
    t.status
FROM (
