-- digest_events: status events recorded in ($since, $until] with the claim's status before and after each,
-- for one section of the digest ($section), newest first, at most $limit rows; `total` counts them all.
--   'changes': events that changed a claim's status (whoever made them), and machine verdicts that now
--              disagree with a reviewer's (`disagrees`: the reviewer's status stands, the claim needs re-review);
--   'reviews': every reviewer decision, changed or confirmed.
-- A claim's status is the one claims_current shows: the latest reviewer decision, else the latest machine
-- verdict, else 'unverified'; the initial 'unverified' event of a new claim changes nothing and is not shown.
WITH touched AS (
    SELECT DISTINCT claim_id FROM claim_status_events
    WHERE recorded_at > $since AND recorded_at <= $until
),
timeline AS (
    SELECT
        e.*,
        e.actor <> 'pipeline' AS human,
        last_value(CASE WHEN e.actor <> 'pipeline' THEN e.status END IGNORE NULLS) OVER (
            PARTITION BY e.claim_id ORDER BY e.recorded_at, e.event_id
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS reviewer_status  -- the reviewer's decision standing after this event, if any
    FROM claim_status_events AS e
    JOIN touched USING (claim_id)
    WHERE e.recorded_at <= $until
),
steps AS (
    SELECT
        *,
        coalesce(reviewer_status, status) AS new_status,
        coalesce(lag(coalesce(reviewer_status, status)) OVER (
            PARTITION BY claim_id ORDER BY recorded_at, event_id
        ), 'unverified') AS old_status,
        NOT human AND reviewer_status IS NOT NULL AND status <> reviewer_status AS disagrees
    FROM timeline
)
SELECT
    s.recorded_at,
    s.event_id,
    s.claim_id,
    c.text,
    a.title        AS article_title,
    a.source       AS article_source,
    s.old_status,
    s.new_status,
    s.status       AS event_status,
    s.confidence,
    s.actor,
    s.human,
    s.disagrees,
    s.note,
    count(*) OVER () AS total
FROM steps AS s
JOIN claims AS c USING (claim_id)
JOIN articles AS a USING (article_id)
WHERE s.recorded_at > $since
  AND CASE $section
        WHEN 'changes' THEN s.old_status <> s.new_status OR s.disagrees
        WHEN 'reviews' THEN s.human
      END
ORDER BY s.recorded_at DESC, s.event_id DESC
LIMIT $limit;
