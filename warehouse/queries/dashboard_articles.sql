-- dashboard_articles: one row per article with its claim counts by status and last change, newest ingested first.
SELECT
    a.article_id,
    a.title,
    a.source,
    a.published,
    a.ingested_at,
    count(c.claim_id)                                                AS claims,
    count(c.claim_id) FILTER (WHERE c.status = 'unverified')          AS unverified,
    count(c.claim_id) FILTER (WHERE c.status = 'supported')           AS supported,
    count(c.claim_id) FILTER (WHERE c.status = 'refuted')             AS refuted,
    count(c.claim_id) FILTER (WHERE c.status = 'conflicting')         AS conflicting,
    count(c.claim_id) FILTER (WHERE c.status = 'not_enough_evidence') AS not_enough_evidence,
    count(c.claim_id) FILTER (WHERE c.reviewed)                       AS reviewed,
    greatest(a.ingested_at, any_value(ev.last_event_at))               AS last_change_at
FROM articles AS a
LEFT JOIN claims_current AS c USING (article_id)
LEFT JOIN (
    SELECT k.article_id, max(e.recorded_at) AS last_event_at
    FROM claim_status_events AS e JOIN claims AS k USING (claim_id)
    GROUP BY k.article_id
) AS ev USING (article_id)
GROUP BY a.article_id, a.title, a.source, a.published, a.ingested_at
ORDER BY a.ingested_at DESC, a.article_id
LIMIT $limit;
