-- dashboard_failed_sources: sources in use whose latest fetch failed, with the error and when.
SELECT s.source_id, s.location, s.label, f.error, f.http_status, f.fetched_at
FROM source_fetches AS f
JOIN sources AS s USING (source_id)
WHERE s.removed_at IS NULL
QUALIFY row_number() OVER (PARTITION BY f.source_id ORDER BY f.fetched_at DESC, f.fetch_id DESC) = 1
    AND f.error IS NOT NULL
ORDER BY f.fetched_at DESC;
