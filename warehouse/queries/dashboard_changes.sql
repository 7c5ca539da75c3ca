-- dashboard_changes: status events recorded after $since (NULL: all), newest first, initial 'unverified' events left out.
-- article: the title (else the source) of the claim's article, so that two appearances can be told apart.
SELECT e.recorded_at, e.claim_id, c.text, coalesce(a.title, a.source) AS article, e.status, e.confidence, e.actor,
       e.actor <> 'pipeline' AS human, e.note
FROM claim_status_events AS e
JOIN claims AS c USING (claim_id)
JOIN articles AS a ON a.article_id = c.article_id
WHERE ($since IS NULL OR e.recorded_at > $since)
  AND NOT (e.status = 'unverified' AND e.actor = 'pipeline' AND e.confidence IS NULL)
ORDER BY e.recorded_at DESC, e.event_id DESC
LIMIT $limit;
