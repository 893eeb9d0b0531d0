-- Warehouse schema. Column names in the issue's contract are fixed (other tools query
-- them); extra columns carry provenance (which version, which span, which extractor).
-- Applied idempotently at the start of every load: CREATE ... IF NOT EXISTS, and
-- ALTER TABLE ... ADD COLUMN IF NOT EXISTS for columns added later.
--
-- Keys: the large per-version tables (version_sentences, actor_links, mentions, quotes,
-- event_mentions) declare no PRIMARY KEY: DuckDB rewrites a table's whole key index at every
-- checkpoint, so a 20-row load into a built warehouse paid for every stored key. Their key
-- (sql/schema.yml) is kept unique by the load (MERGE on it, pipeline/load.py) and checked by
-- the batch checks and the whole-table suites; pipeline/schema_keys.py rebuilds a warehouse
-- built before without the constraint.

CREATE TABLE IF NOT EXISTS files (
    file_id      VARCHAR PRIMARY KEY,   -- hash of (inbox-relative path, sha256)
    path         VARCHAR NOT NULL,      -- inbox-relative path
    sha256       VARCHAR NOT NULL,
    format       VARCHAR NOT NULL,      -- text | html | json | jsonl | newssniffer | sidecar | unknown
    size_bytes   BIGINT,
    status       VARCHAR NOT NULL,      -- loaded | quarantined | duplicate | deleted (see below)
    reason       VARCHAR,               -- why it was quarantined (or a note)
    batch_key    VARCHAR,               -- the Dagster partition (inbox batch) that loaded it
    ingested_at  TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    article_id      VARCHAR PRIMARY KEY,
    source          VARCHAR,            -- outlet: from URL, NewsSniffer header, metadata or wire signature
    url             VARCHAR,
    canonical_url   VARCHAR,
    title           VARCHAR,            -- title of the latest version
    byline          VARCHAR,
    authors         VARCHAR[],
    dateline        VARCHAR,            -- place of the dateline ("Geneva")
    wire_agency     VARCHAR,            -- Reuters | AFP | AP | ...
    published_at    DATE,
    published_from  VARCHAR,            -- text | url | metadata: how published_at was found
    first_seen_at   TIMESTAMP,
    story_id        VARCHAR             -- near-duplicate / wire-copy group
);

CREATE TABLE IF NOT EXISTS versions (
    version_id        VARCHAR PRIMARY KEY,  -- hash of (article_id, content_hash)
    article_id        VARCHAR NOT NULL,
    version_no        INTEGER NOT NULL,
    title             VARCHAR,
    text              VARCHAR NOT NULL,     -- cleaned text: every span points into it
    content_hash      VARCHAR NOT NULL,
    seen_at           TIMESTAMP,
    source_file       VARCHAR NOT NULL,     -- input file name (inbox-relative)
    removed_text      VARCHAR,              -- chrome removed by the clean stage, for audit
    relative_timing   VARCHAR,              -- NewsSniffer "(about 7 hours later)"
    extractor_version VARCHAR
);

-- Where each sentence of a version is (pipeline/sentence_spans.py, sql/sentence_spans.sql):
-- split once in the load's transaction, so the stg_sentences model only joins.
CREATE TABLE IF NOT EXISTS version_sentences (
    version_id    VARCHAR NOT NULL,
    sentence_no   INTEGER NOT NULL,
    start_char    INTEGER NOT NULL,
    end_char      INTEGER NOT NULL,
    sentence_hash VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS actors (
    actor_id        VARCHAR PRIMARY KEY,
    canonical_name  VARCHAR NOT NULL,
    actor_type      VARCHAR NOT NULL,       -- person | organization | place | group
    first_seen_at   TIMESTAMP
);

CREATE TABLE IF NOT EXISTS actor_aliases (
    actor_id  VARCHAR NOT NULL,
    alias     VARCHAR NOT NULL,
    PRIMARY KEY (actor_id, alias)
);

CREATE TABLE IF NOT EXISTS actor_roles (
    actor_id     VARCHAR NOT NULL,
    role         VARCHAR NOT NULL,
    affiliation  VARCHAR,
    first_seen   DATE,
    last_seen    DATE,
    version_id   VARCHAR NOT NULL,
    PRIMARY KEY (actor_id, role, version_id)
);

-- A merge decided after both actors existed ("Kerry" seen alone, later "John Kerry"):
-- both rows stay, later mentions go to to_actor_id; `actor_identity` follows the chain.
CREATE TABLE IF NOT EXISTS actor_merges (
    from_actor_id  VARCHAR NOT NULL,
    to_actor_id    VARCHAR NOT NULL,
    reason         VARCHAR,
    merged_at      TIMESTAMP,
    PRIMARY KEY (from_actor_id, to_actor_id)
);

-- Why each entity of a version got its actor: the evidence of cross-document resolution.
CREATE TABLE IF NOT EXISTS actor_links (
    version_id   VARCHAR NOT NULL,
    entity_key   VARCHAR NOT NULL,          -- the version-local entity (pipeline.nlp.entities)
    actor_id     VARCHAR NOT NULL,
    local_name   VARCHAR NOT NULL,          -- the entity's name in that version
    method       VARCHAR NOT NULL,          -- new | same_name | alias | name_variant | surname | acronym | short_name
    confidence   DOUBLE NOT NULL,           -- 0..1
    evidence     VARCHAR                    -- e.g. "same surname, compatible given names; same role foreign minister"
);

-- One row per actor, role and affiliation with the dates it was first and last seen
-- (actor_roles keeps one row per version, the evidence).
CREATE OR REPLACE VIEW actor_role_periods AS
SELECT actor_id, role, affiliation, min(first_seen) AS first_seen, max(last_seen) AS last_seen,
       count(DISTINCT version_id) AS versions
FROM actor_roles GROUP BY actor_id, role, affiliation;

-- Every actor ID with the actor it finally resolves to after recorded merges.
CREATE OR REPLACE VIEW actor_identity AS
WITH RECURSIVE chain(actor_id, resolved_id, depth) AS (
    SELECT actor_id, actor_id, 0 FROM actors
    UNION ALL
    SELECT c.actor_id, m.to_actor_id, c.depth + 1
    FROM chain c JOIN actor_merges m ON m.from_actor_id = c.resolved_id
    WHERE c.depth < 10
)
SELECT actor_id, arg_max(resolved_id, depth) AS resolved_id FROM chain GROUP BY actor_id;

CREATE TABLE IF NOT EXISTS mentions (
    mention_id        VARCHAR NOT NULL,     -- hash of (version_id, start_char, end_char)
    version_id        VARCHAR NOT NULL,
    actor_id          VARCHAR NOT NULL,
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    text              VARCHAR NOT NULL,
    label             VARCHAR,              -- NER label after correction
    extractor_version VARCHAR
);

CREATE TABLE IF NOT EXISTS quotes (
    quote_id          VARCHAR NOT NULL,     -- hash of (version_id, start_char, end_char)
    version_id        VARCHAR NOT NULL,
    article_id        VARCHAR NOT NULL,
    text              VARCHAR NOT NULL,     -- without quotation marks; = version text[start_char:end_char]
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    kind              VARCHAR NOT NULL,     -- direct | partial | indirect
    speaker_actor_id  VARCHAR,
    speaker_text      VARCHAR,
    cue               VARCHAR,
    speaker_start     INTEGER,
    speaker_end       INTEGER,
    cue_start         INTEGER,
    cue_end           INTEGER,
    is_anonymous      BOOLEAN,
    extractor_version VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    event_id          VARCHAR PRIMARY KEY,
    article_id        VARCHAR NOT NULL,
    version_id        VARCHAR NOT NULL,
    event_type        VARCHAR NOT NULL,     -- PLOVER type
    mode              VARCHAR,
    status            VARCHAR,              -- occurred | planned | hypothetical | denied
    actor1_id         VARCHAR,
    actor2_id         VARCHAR,
    actor1_text       VARCHAR,
    actor2_text       VARCHAR,
    place             VARCHAR,
    event_date        DATE,
    date_granularity  VARCHAR,              -- day | week | month | season | quarter | half | year | decade | century
    date_text         VARCHAR,
    sentence          VARCHAR NOT NULL,
    start_char        INTEGER,              -- sentence span in the version text
    end_char          INTEGER,
    trigger           VARCHAR,
    extractor_version VARCHAR
);

-- Events (above) hold one row per real-world event: a dated event is keyed by PLOVER type,
-- actors (sorted for symmetric types such as meetings) and date, so several articles
-- reporting it share it; its article/version/sentence columns are its first report. An
-- undated event stays per article. Every report is an event mention (GDELT's Mentions).
CREATE TABLE IF NOT EXISTS event_mentions (
    event_mention_id  VARCHAR NOT NULL,
    event_id          VARCHAR NOT NULL,     -- the event (events.event_id) this report is of
    article_id        VARCHAR NOT NULL,
    version_id        VARCHAR NOT NULL,
    event_type        VARCHAR NOT NULL,
    mode              VARCHAR,
    status            VARCHAR,              -- occurred | planned | hypothetical | denied, as this report says
    actor1_id         VARCHAR,
    actor2_id         VARCHAR,
    actor1_text       VARCHAR,
    actor2_text       VARCHAR,
    place             VARCHAR,
    event_date        DATE,                 -- start of the period the date expression names
    date_granularity  VARCHAR,              -- day | week | month | season | quarter | half | year | decade | century
    date_text         VARCHAR,              -- the date expression as written
    sentence          VARCHAR NOT NULL,
    start_char        INTEGER,              -- sentence span in the version text
    end_char          INTEGER,
    trigger           VARCHAR,
    trigger_start     INTEGER,              -- trigger span in the version text
    trigger_end       INTEGER,
    published_at      DATE,                 -- the anchor the date was resolved against
    extractor_version VARCHAR
);

CREATE OR REPLACE VIEW quarantine AS
SELECT file_id, path, sha256, format, reason, ingested_at
FROM files
WHERE status = 'quarantined';

-- ---------------------------------------------------------------- versions and stories
-- (pipeline.versions) Sentence-level changes between consecutive versions of an article,
-- NewsEdits labels. Only changes are stored; unchanged sentences are counted in
-- version_diff_stats. The headline is unit 'title' with sentence index -1.
CREATE TABLE IF NOT EXISTS version_diffs (
    diff_id       VARCHAR PRIMARY KEY,  -- hash of (article_id, from_version, to_version, unit, from_sent, to_sent)
    article_id    VARCHAR NOT NULL,
    from_version  INTEGER NOT NULL,
    to_version    INTEGER NOT NULL,
    unit          VARCHAR NOT NULL,     -- sentence | title
    from_sent     INTEGER,              -- sentence index in the older version (NULL for an addition; -1 = title)
    to_sent       INTEGER,              -- sentence index in the newer version (NULL for a deletion; -1 = title)
    label         VARCHAR NOT NULL,     -- addition | deletion | edit | refactor (moved)
    similarity    DOUBLE,               -- word-level similarity of the aligned pair (0 when unaligned)
    from_text     VARCHAR,
    to_text       VARCHAR
);

-- One row per consecutive version pair: how much changed.
CREATE TABLE IF NOT EXISTS version_diff_stats (
    article_id      VARCHAR NOT NULL,
    from_version    INTEGER NOT NULL,
    to_version      INTEGER NOT NULL,
    from_sentences  INTEGER,
    to_sentences    INTEGER,
    unchanged       INTEGER,
    additions       INTEGER,
    deletions       INTEGER,
    edits           INTEGER,
    refactors       INTEGER,
    title_changed   BOOLEAN,
    similarity      DOUBLE,             -- word-level similarity of the two whole texts
    PRIMARY KEY (article_id, from_version, to_version)
);

-- Near-duplicate and wire copies across outlets: one story, many articles.
CREATE TABLE IF NOT EXISTS stories (
    story_id          VARCHAR PRIMARY KEY,  -- hash of the first article of the story
    first_article_id  VARCHAR NOT NULL,
    title             VARCHAR,
    first_seen_at     TIMESTAMP
);

-- Why each article is in its story, and its fingerprint (bottom-k MinHash of word 5-shingles).
CREATE TABLE IF NOT EXISTS story_members (
    article_id          VARCHAR PRIMARY KEY,
    story_id            VARCHAR NOT NULL,
    matched_article_id  VARCHAR,            -- the earlier article it matched (NULL: it founded the story)
    jaccard             DOUBLE,             -- estimated Jaccard of the shingle sets with that article
    containment         DOUBLE,             -- estimated share of the shorter text's shingles in the other
    shingle_count       INTEGER NOT NULL,
    sketch              BIGINT[] NOT NULL   -- refreshed by each new version
);

-- Version-aware extraction: the same quote (normalized text + speaker) or event (type +
-- trigger + actors) across an article's versions shares a key; first/last version it occurs in.
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS quote_key VARCHAR;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS first_version_no INTEGER;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS last_version_no INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS event_key VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS first_version_no INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS last_version_no INTEGER;

-- The CAMEO code of the trigger sense that typed the event (PETRARCH-2 verb dictionary; a hand-written
-- trigger keeps its PLOVER type's two-digit cue category): audit and filter by CAMEO code.
ALTER TABLE events ADD COLUMN IF NOT EXISTS cameo_code VARCHAR;
ALTER TABLE event_mentions ADD COLUMN IF NOT EXISTS cameo_code VARCHAR;

-- speech: someone is said to have said it (quotation marks, "said that", "according to");
-- stance: content under a verb of thinking, wanting or support ("believes that", "praised").
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS cue_type VARCHAR;
-- body | title: the text start_char/end_char index, the version's text or its title (headline quotes)
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS field VARCHAR;

-- The version-local entity behind each actor link (type, other names, roles, honorific
-- gender), so every load can resolve all versions again in an order fixed by the data
-- (pipeline.actor_resolution): the same files give the same actors in any arrival order.
ALTER TABLE actor_links ADD COLUMN IF NOT EXISTS entity_type VARCHAR;
ALTER TABLE actor_links ADD COLUMN IF NOT EXISTS aliases VARCHAR[];
ALTER TABLE actor_links ADD COLUMN IF NOT EXISTS roles VARCHAR;     -- JSON list of [role, affiliation]
ALTER TABLE actor_links ADD COLUMN IF NOT EXISTS gender VARCHAR;    -- m | f | NULL
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS entity_key VARCHAR;   -- the version-local entity (actor_links)

-- The lookup keys of every actor link (pipeline/actor_keys.py), so a load reads only the
-- stored links its new entities can reach; written in the load's transaction.
-- One row per key; no key constraint: written only there. The table's COMMENT holds the
-- fingerprint of the name rules the keys come from (actor_keys.keys_fingerprint): a load that
-- finds another one reads every link and rebuilds the keys in its transaction.
CREATE TABLE IF NOT EXISTS actor_link_keys (
    version_id   VARCHAR NOT NULL,
    entity_key   VARCHAR NOT NULL,
    key          VARCHAR NOT NULL,           -- "kind:value"
    role         TINYINT NOT NULL            -- 1: a key the link has, 2: a key it looks up, 3: both
);

-- How often two actors are named together (pipeline/actor_pairs.py, sql/actor_pairs.sql):
-- the sum over every article of its pair counts, kept by the load, re-annotation and purge in
-- their transactions (they subtract the counts of the articles they touch and add them back
-- after their writes), read by the actor_cooccurrence model. No key constraint: written only
-- there. The table's COMMENT holds the fingerprint of the counting SQL
-- (actor_pairs.pairs_fingerprint): without it every article is counted once.
CREATE TABLE IF NOT EXISTS actor_pairs (
    actor_a                      VARCHAR NOT NULL,   -- the smaller actor ID (after merges)
    actor_b                      VARCHAR NOT NULL,
    sentences_together           BIGINT NOT NULL,
    articles_sharing_a_sentence  BIGINT NOT NULL,
    articles_together            BIGINT NOT NULL
);

-- The latest result of every data-quality check (pipeline.quality_log copies it from the
-- Dagster instance after each load), so SQL and the data_quality_summary model can see it.
CREATE TABLE IF NOT EXISTS check_results (
    check_name    VARCHAR PRIMARY KEY,
    table_name    VARCHAR NOT NULL,
    passed        BOOLEAN NOT NULL,
    rows_checked  BIGINT,
    checked_at    TIMESTAMP,
    run_id        VARCHAR
);

-- ---------------------------------------------------------------- bad input (issue 12)
-- How each file's bytes were read (pipeline.decode), and which file it duplicates.
-- files.status: loaded | quarantined | duplicate (same bytes as duplicate_of, not parsed
-- again) | deleted (gone from the inbox; the row and what it loaded stay).
ALTER TABLE files ADD COLUMN IF NOT EXISTS encoding VARCHAR;      -- utf-8, cp1252, ... (NULL: never decoded)
ALTER TABLE files ADD COLUMN IF NOT EXISTS lossy BOOLEAN;         -- undecodable bytes were replaced by U+FFFD
ALTER TABLE files ADD COLUMN IF NOT EXISTS duplicate_of VARCHAR;  -- inbox path of the file with the same bytes

-- Records of a multi-record file (JSONL line, JSON array item) that were quarantined
-- while the file's other records loaded.
CREATE TABLE IF NOT EXISTS quarantined_records (
    file_id    VARCHAR NOT NULL,
    record_no  INTEGER NOT NULL,        -- 0-based; for JSONL the line index (reason says the line number)
    path       VARCHAR NOT NULL,
    reason     VARCHAR NOT NULL,
    batch_key  VARCHAR,
    PRIMARY KEY (file_id, record_no)
);

-- Everything quarantined: whole files (record_no NULL) and single records.
CREATE OR REPLACE VIEW quarantine AS
SELECT file_id, path, sha256, format, reason, ingested_at, NULL::INTEGER AS record_no
FROM files
WHERE status = 'quarantined'
UNION ALL
SELECT r.file_id, r.path, f.sha256, f.format, r.reason, f.ingested_at, r.record_no
FROM quarantined_records r JOIN files f USING (file_id);
