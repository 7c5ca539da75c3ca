-- claimtrack warehouse schema: the product's public data model.
-- Applied idempotently by warehouse.connect(); later changes are numbered migrations
-- (warehouse/migrations.py) recorded in schema_migrations.
-- Offsets (start_char, end_char) always index articles.text exactly:
--   substring(a.text, start_char + 1, end_char - start_char) = the span's text.

-- Which migrations have run on this file.
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,   -- migration number (1 = this schema)
    name        VARCHAR NOT NULL,      -- migration name, e.g. 'm001_initial'
    applied_at  TIMESTAMP NOT NULL     -- when it ran (UTC)
);

-- One row per ingested article. An article is identified by the hash of its normalised text,
-- so re-ingesting the same text (from any path or URL) adds nothing.
CREATE TABLE IF NOT EXISTS articles (
    article_id   VARCHAR PRIMARY KEY,  -- first 16 hex digits of sha256(normalised text)
    source       VARCHAR NOT NULL,     -- the path or URL it was read from (first time seen)
    title        VARCHAR,              -- title from HTML <title>/og:title, or the first line of a text file
    published    VARCHAR,              -- publication date as an ISO prefix ('2021-10', '2021-10-18'), or NULL
    text         VARCHAR NOT NULL,     -- the article text exactly as read; every offset indexes it
    ingested_at  TIMESTAMP NOT NULL    -- when it was stored (UTC)
);

-- One row per claim: one checkable assertion (a sentence, or a clause of one).
CREATE TABLE IF NOT EXISTS claims (
    claim_id         BIGINT PRIMARY KEY,  -- stable integer id, unique across articles
    article_id       VARCHAR NOT NULL REFERENCES articles (article_id),
    ordinal          INTEGER NOT NULL,    -- 0-based position of the claim within its article
    sentence         INTEGER NOT NULL,    -- 0-based index of the sentence it comes from
    text             VARCHAR NOT NULL,    -- the claim's text (= articles.text[start_char:end_char])
    start_char       INTEGER NOT NULL,
    end_char         INTEGER NOT NULL,
    checkworthiness  DOUBLE NOT NULL,     -- model score in [0, 1]; >= 0.5 means worth checking
    speaker          VARCHAR,             -- who asserted it (quote speaker or reported-speech source)
    fingerprint      VARCHAR NOT NULL     -- order-insensitive key of its entities and values, to match the same claim across articles
);

-- Numbers with what they count, found in a claim.
CREATE TABLE IF NOT EXISTS quantities (
    claim_id    BIGINT NOT NULL REFERENCES claims (claim_id),
    ordinal     INTEGER NOT NULL,     -- position within the claim
    text        VARCHAR NOT NULL,     -- surface text, e.g. 'more than 100 Russian diplomats'
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    value       DOUBLE NOT NULL,      -- normalised value: '£1.2bn' -> 1200000000, '20 percent' -> 20
    kind        VARCHAR NOT NULL,     -- count | percent | money | ratio | range | measure | fraction
    unit        VARCHAR,              -- what it counts ('diplomats'), a currency code, or a measure unit
    bound       VARCHAR NOT NULL,     -- = | ~ | > | < | >= | <=  ('more than 100' -> '>')
    "of"        DOUBLE,               -- denominator of a ratio ('20 out of 30' -> 30)
    upper       DOUBLE                -- top of a range ('between 3 and 5' -> 5)
);

-- Date and time references found in a claim.
CREATE TABLE IF NOT EXISTS dates (
    claim_id    BIGINT NOT NULL REFERENCES claims (claim_id),
    ordinal     INTEGER NOT NULL,
    text        VARCHAR NOT NULL,     -- surface text, e.g. 'November 1st', 'in 2008'
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    value       VARCHAR,              -- ISO prefix ('2008', '2021-11-01'), NULL when unresolvable
    "precision" VARCHAR NOT NULL      -- year | quarter | month | week | day
);

-- Direct quotations in a claim, with their speaker.
CREATE TABLE IF NOT EXISTS quotes (
    claim_id    BIGINT NOT NULL REFERENCES claims (claim_id),
    text        VARCHAR NOT NULL,     -- the words inside the quotation marks
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    speaker     VARCHAR               -- who said it, NULL when unknown
);

-- Documents trusted for checking claims: a URL or a local file, for every article or for one.
CREATE TABLE IF NOT EXISTS sources (
    source_id   BIGINT PRIMARY KEY,
    location    VARCHAR NOT NULL,     -- URL or local path, as registered
    label       VARCHAR,              -- human label, e.g. 'NATO press release'
    article_id  VARCHAR,              -- NULL: a candidate source for every article
    added_at    TIMESTAMP NOT NULL
);

-- Every attempt to fetch or read a source; a dead source is a row here, not a crash.
CREATE TABLE IF NOT EXISTS source_fetches (
    fetch_id       BIGINT PRIMARY KEY,
    source_id      BIGINT NOT NULL REFERENCES sources (source_id),
    url            VARCHAR NOT NULL,  -- what was asked for
    final_url      VARCHAR,           -- after redirects
    http_status    INTEGER,           -- NULL for local files and network failures
    bytes          BIGINT,            -- size of the body read
    content_hash   VARCHAR,           -- sha256 of the body; same hash = same snapshot
    etag           VARCHAR,           -- for conditional re-fetch
    last_modified  VARCHAR,
    not_modified   BOOLEAN NOT NULL,  -- true when the server answered 304: the stored snapshot stands
    fetched_at     TIMESTAMP NOT NULL,
    error          VARCHAR            -- one line when the fetch failed, else NULL
);

-- The text of each distinct snapshot of a source, split into passages with offsets into it.
CREATE TABLE IF NOT EXISTS source_snapshots (
    content_hash  VARCHAR PRIMARY KEY,
    source_id     BIGINT NOT NULL REFERENCES sources (source_id),
    title         VARCHAR,
    text          VARCHAR NOT NULL,   -- the passages joined by blank lines; passage offsets index it
    stored_at     TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS passages (
    passage_id    BIGINT PRIMARY KEY,
    content_hash  VARCHAR NOT NULL REFERENCES source_snapshots (content_hash),
    source_id     BIGINT NOT NULL REFERENCES sources (source_id),
    ordinal       INTEGER NOT NULL,
    kind          VARCHAR NOT NULL,   -- paragraph | heading | list_item | table_row
    context       VARCHAR,            -- the heading above it, or the table's caption
    text          VARCHAR NOT NULL,   -- a table row reads 'Header: cell | Header: cell'
    start_char    INTEGER NOT NULL,   -- offsets into source_snapshots.text
    end_char      INTEGER NOT NULL
);

-- Passages of sources retrieved as evidence for a claim, one set per check.
CREATE TABLE IF NOT EXISTS evidence (
    evidence_id BIGINT PRIMARY KEY,
    claim_id    BIGINT NOT NULL REFERENCES claims (claim_id),
    source_id   BIGINT NOT NULL REFERENCES sources (source_id),
    passage_id  BIGINT,               -- the passage (NULL for ad-hoc checks)
    passage     VARCHAR NOT NULL,     -- the passage text
    start_char  INTEGER,              -- offsets into the source snapshot's text
    end_char    INTEGER,
    score       DOUBLE NOT NULL,      -- retrieval score (BM25 plus boosts for shared values and names)
    stance      VARCHAR NOT NULL,     -- supports | refutes | neutral
    found_at    TIMESTAMP NOT NULL
);

-- Links a claim to the canonical claim it repeats (same fingerprint or near-identical text with
-- the same values), so a verdict applies to every appearance. A canonical claim links to itself.
CREATE TABLE IF NOT EXISTS claim_links (
    claim_id      BIGINT PRIMARY KEY REFERENCES claims (claim_id),
    canonical_id  BIGINT NOT NULL,
    method        VARCHAR NOT NULL,   -- self | fingerprint | text
    linked_at     TIMESTAMP NOT NULL
);

-- Every verification of a claim, whether or not it changed anything (for staleness).
CREATE TABLE IF NOT EXISTS claim_checks (
    claim_id    BIGINT NOT NULL REFERENCES claims (claim_id),
    verdict     VARCHAR NOT NULL,
    confidence  DOUBLE,
    checked_at  TIMESTAMP NOT NULL
);

-- Append-only history of every claim's verification status. Never updated or deleted.
-- The pipeline appends an event only when its verdict or confidence changes; a reviewer's
-- event always. A human decision outranks the machine: once a claim has a human event, its
-- current status is the latest human event's (view claims_current), and a later machine event
-- that disagrees raises needs_rereview instead of changing the status.
CREATE TABLE IF NOT EXISTS claim_status_events (
    event_id      BIGINT PRIMARY KEY,
    claim_id      BIGINT NOT NULL REFERENCES claims (claim_id),
    status        VARCHAR NOT NULL,   -- unverified | supported | refuted | conflicting | not_enough_evidence
    confidence    DOUBLE,             -- in [0, 1], NULL for the initial event
    actor         VARCHAR NOT NULL,   -- 'pipeline' or a reviewer's name
    evidence_ids  BIGINT[],           -- evidence rows that decided it
    note          VARCHAR,
    recorded_at   TIMESTAMP NOT NULL  -- when (UTC)
);
