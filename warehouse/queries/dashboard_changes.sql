-- dashboard_changes: status events recorded after $since (NULL: all), newest first, initial 'unverified' events left out.
SELECT e.recorded_at, e.claim_id, c.text, e.status, e.confidence, e.actor, e.actor <> 'pipeline' AS human, e.note
FROM claim_status_events AS e
JOIN claims AS c USING (claim_id)
WHERE ($since IS NULL OR e.recorded_at > $since)
  AND NOT (e.status = 'unverified' AND e.actor = 'pipeline' AND e.confidence IS NULL)
ORDER BY e.recorded_at DESC, e.event_id DESC
LIMIT $limit;
