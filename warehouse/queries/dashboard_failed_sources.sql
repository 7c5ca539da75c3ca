-- dashboard_failed_sources: sources whose latest fetch failed, with the error and when.
SELECT s.source_id, s.location, s.label, f.error, f.http_status, f.fetched_at
FROM source_fetches AS f
JOIN sources AS s USING (source_id)
QUALIFY row_number() OVER (PARTITION BY f.source_id ORDER BY f.fetched_at DESC, f.fetch_id DESC) = 1
    AND f.error IS NOT NULL
ORDER BY f.fetched_at DESC;
