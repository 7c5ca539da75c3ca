-- The sources in use with the outcome of their latest fetch (`claimtrack source list`);
-- $failed: only those whose latest fetch failed (`source list --failed`). Removed sources are not listed.
SELECT
    s.source_id,
    s.location,
    s.label,
    coalesce(s.article_id, '(all)') AS article,
    f.fetched_at                    AS last_fetched,
    f.http_status,
    f.error                         AS last_error
FROM sources AS s
LEFT JOIN (
    SELECT * FROM source_fetches
    QUALIFY row_number() OVER (PARTITION BY source_id ORDER BY fetched_at DESC, fetch_id DESC) = 1
) AS f USING (source_id)
WHERE s.removed_at IS NULL
  AND (NOT coalesce($failed, false) OR f.error IS NOT NULL)
ORDER BY s.source_id;
