-- phonehome's own tables for PostgreSQL: the embedded store and the delivery outbox.
-- phonehome runs this very file at start-up under the postgres profile (it ships in the jar as ops/sql/).
-- PostgreSQL version of schema-h2.sql (keep them in step): the same tables and columns. Ids use COLLATE "C" so
-- that ORDER BY id is code-point order, as in H2 and Java (the payload's arrays are sorted by id as strings).

CREATE TABLE IF NOT EXISTS companies (
    id          VARCHAR(255) COLLATE "C" PRIMARY KEY,
    name        VARCHAR(10000),
    plan        VARCHAR(255),
    deactivated BOOLEAN NOT NULL,
    created_at  BIGINT,
    creator_id  VARCHAR(255) COLLATE "C"
);
CREATE TABLE IF NOT EXISTS teams (
    id                VARCHAR(255) COLLATE "C" PRIMARY KEY,
    name              VARCHAR(10000),
    company_id        VARCHAR(255) COLLATE "C",
    deactivated       BOOLEAN NOT NULL,
    created_at        BIGINT,
    creator_id        VARCHAR(255) COLLATE "C",
    xray              VARCHAR(255),
    review_approval   VARCHAR(255),
    review_assignment VARCHAR(255)
);
CREATE TABLE IF NOT EXISTS team_admins (
    team_id VARCHAR(255) COLLATE "C" NOT NULL,
    user_id VARCHAR(255) COLLATE "C" NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE TABLE IF NOT EXISTS users (
    id                 VARCHAR(255) COLLATE "C" PRIMARY KEY,
    email              VARCHAR(10000),
    is_registered      BOOLEAN NOT NULL,
    deactivated        BOOLEAN NOT NULL,
    registered_at      BIGINT,
    join_method        VARCHAR(10000),
    last_login         BIGINT,
    last_origin        VARCHAR(10000),
    last_origin_detail VARCHAR(10000),
    external_user_id   VARCHAR(10000)
);
CREATE TABLE IF NOT EXISTS user_teams (
    user_id VARCHAR(255) COLLATE "C" NOT NULL,
    team_id VARCHAR(255) COLLATE "C" NOT NULL,
    PRIMARY KEY (user_id, team_id)
);
-- Only the fact that a user holds a token for a provider (providerInfo rules); never the token.
CREATE TABLE IF NOT EXISTS user_providers (
    user_id  VARCHAR(255) COLLATE "C" NOT NULL,
    provider VARCHAR(255) COLLATE "C" NOT NULL,
    PRIMARY KEY (user_id, provider)
);
CREATE TABLE IF NOT EXISTS posts (
    id             VARCHAR(255) COLLATE "C" PRIMARY KEY,
    creator_id     VARCHAR(255) COLLATE "C",
    created_at     BIGINT,
    codemark_id    VARCHAR(255) COLLATE "C",
    review_id      VARCHAR(255) COLLATE "C",
    parent_post_id VARCHAR(255) COLLATE "C"
);
CREATE TABLE IF NOT EXISTS codemarks (
    id         VARCHAR(255) COLLATE "C" PRIMARY KEY,
    review_id  VARCHAR(255) COLLATE "C",
    created_at BIGINT
);
CREATE TABLE IF NOT EXISTS reviews (
    id          VARCHAR(255) COLLATE "C" PRIMARY KEY,
    team_id     VARCHAR(255) COLLATE "C",
    created_at  BIGINT,
    approved_at BIGINT,
    creator_id  VARCHAR(255) COLLATE "C"
);
-- The night's posts are found by creation time; reviews by creation or approval time.
CREATE INDEX IF NOT EXISTS posts_created_at ON posts (created_at, creator_id);
-- each user's posts of the night: a seek per user in the users query, not a scan of the whole night
CREATE INDEX IF NOT EXISTS posts_creator ON posts (creator_id, created_at);
CREATE INDEX IF NOT EXISTS reviews_created_at ON reviews (created_at);
CREATE INDEX IF NOT EXISTS reviews_approved_at ON reviews (approved_at);
CREATE INDEX IF NOT EXISTS team_admins_user ON team_admins (user_id);

-- Staging copies with the same keys: an import writes here, then publishes in one transaction.
CREATE TABLE IF NOT EXISTS import_companies (
    id          VARCHAR(255) COLLATE "C" PRIMARY KEY,
    name        VARCHAR(10000),
    plan        VARCHAR(255),
    deactivated BOOLEAN NOT NULL,
    created_at  BIGINT,
    creator_id  VARCHAR(255) COLLATE "C"
);
CREATE TABLE IF NOT EXISTS import_teams (
    id                VARCHAR(255) COLLATE "C" PRIMARY KEY,
    name              VARCHAR(10000),
    company_id        VARCHAR(255) COLLATE "C",
    deactivated       BOOLEAN NOT NULL,
    created_at        BIGINT,
    creator_id        VARCHAR(255) COLLATE "C",
    xray              VARCHAR(255),
    review_approval   VARCHAR(255),
    review_assignment VARCHAR(255)
);
CREATE TABLE IF NOT EXISTS import_team_admins (
    team_id VARCHAR(255) COLLATE "C" NOT NULL,
    user_id VARCHAR(255) COLLATE "C" NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE TABLE IF NOT EXISTS import_users (
    id                 VARCHAR(255) COLLATE "C" PRIMARY KEY,
    email              VARCHAR(10000),
    is_registered      BOOLEAN NOT NULL,
    deactivated        BOOLEAN NOT NULL,
    registered_at      BIGINT,
    join_method        VARCHAR(10000),
    last_login         BIGINT,
    last_origin        VARCHAR(10000),
    last_origin_detail VARCHAR(10000),
    external_user_id   VARCHAR(10000)
);
CREATE TABLE IF NOT EXISTS import_user_teams (
    user_id VARCHAR(255) COLLATE "C" NOT NULL,
    team_id VARCHAR(255) COLLATE "C" NOT NULL,
    PRIMARY KEY (user_id, team_id)
);
CREATE TABLE IF NOT EXISTS import_user_providers (
    user_id  VARCHAR(255) COLLATE "C" NOT NULL,
    provider VARCHAR(255) COLLATE "C" NOT NULL,
    PRIMARY KEY (user_id, provider)
);
CREATE TABLE IF NOT EXISTS import_posts (
    id             VARCHAR(255) COLLATE "C" PRIMARY KEY,
    creator_id     VARCHAR(255) COLLATE "C",
    created_at     BIGINT,
    codemark_id    VARCHAR(255) COLLATE "C",
    review_id      VARCHAR(255) COLLATE "C",
    parent_post_id VARCHAR(255) COLLATE "C"
);
CREATE TABLE IF NOT EXISTS import_codemarks (
    id         VARCHAR(255) COLLATE "C" PRIMARY KEY,
    review_id  VARCHAR(255) COLLATE "C",
    created_at BIGINT
);
CREATE TABLE IF NOT EXISTS import_reviews (
    id          VARCHAR(255) COLLATE "C" PRIMARY KEY,
    team_id     VARCHAR(255) COLLATE "C",
    created_at  BIGINT,
    approved_at BIGINT,
    creator_id  VARCHAR(255) COLLATE "C"
);

-- Delivery (dev.phonehome.delivery). The outbox: one row per real night whose payload was archived; it stays
-- PENDING until an HTTP 200 confirms it, and is never deleted. The idempotency key of a set that may have reached
-- the receiver unconfirmed is kept (key_fixed), so that set is re-sent as it was, under the same key.
CREATE TABLE IF NOT EXISTS phonehome_outbox (
    night             DATE PRIMARY KEY,
    execution_id      BIGINT NOT NULL,
    payload_path      VARCHAR(4000) NOT NULL,
    payload_sha256    VARCHAR(64) NOT NULL,
    payload_size      BIGINT NOT NULL,
    status            VARCHAR(20) NOT NULL,
    enqueued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    idempotency_key   VARCHAR(64),
    key_fixed         BOOLEAN DEFAULT FALSE NOT NULL,
    in_flight         BOOLEAN DEFAULT FALSE NOT NULL,
    attempts          INT DEFAULT 0 NOT NULL,
    last_attempt_at   TIMESTAMP WITH TIME ZONE,
    last_http_status  INT,
    last_error        VARCHAR(1000),
    delivered_at      TIMESTAMP WITH TIME ZONE,
    delivered_by      BIGINT,
    recorded          BOOLEAN DEFAULT FALSE NOT NULL,
    exported_at       TIMESTAMP WITH TIME ZONE
);
-- added after the first version: stores created by it gain the column
ALTER TABLE phonehome_outbox ADD COLUMN IF NOT EXISTS exported_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX IF NOT EXISTS phonehome_outbox_status ON phonehome_outbox (status, night);
-- Row locks: 'outbox' is held by the one process sending the backlog; a night's row by the process running it
-- (a lock dies with its connection, so a killed process never leaves a night locked).
CREATE TABLE IF NOT EXISTS phonehome_lock (
    name VARCHAR(100) PRIMARY KEY
);
INSERT INTO phonehome_lock (name) VALUES ('outbox') ON CONFLICT (name) DO NOTHING;
INSERT INTO phonehome_lock (name) VALUES ('chain') ON CONFLICT (name) DO NOTHING;

-- The record chain (dev.phonehome.verify): one entry per event of a record (an execution ended, was recovered after
-- its process died, was abandoned), appended in one order under the 'chain' row lock and never changed; each
-- entry's digest covers its text and the digest of the entry before it. `verify` walks it.
CREATE TABLE IF NOT EXISTS phonehome_chain (
    seq              BIGINT PRIMARY KEY,
    subject          VARCHAR(100) NOT NULL,
    event            VARCHAR(40) NOT NULL,
    entry_text       VARCHAR(20000) NOT NULL,
    previous_digest  VARCHAR(64) NOT NULL,
    digest           VARCHAR(64) NOT NULL,
    scheme           VARCHAR(20) NOT NULL,
    appended_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS phonehome_chain_subject ON phonehome_chain (subject, seq);

-- Console (dev.phonehome.console.access). The access log: every page view, download, approval and refusal of the
-- compliance console, by whom and when. Rows are only ever added.
CREATE TABLE IF NOT EXISTS phonehome_console_access (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    accessed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    username      VARCHAR(200) NOT NULL,
    action        VARCHAR(20) NOT NULL,
    target        VARCHAR(2000) NOT NULL,
    night         DATE,
    execution_id  BIGINT,
    http_status   INT NOT NULL
);
CREATE INDEX IF NOT EXISTS phonehome_console_access_night ON phonehome_console_access (night);

-- Nodes (dev.phonehome.home.ArchiveCopies, phonehome.archive.database-copies, on under the postgres profile): every
-- artefact a night records (payload, audit pdf and csv) is also kept here, in the transaction that records it, so
-- any node can send, export and verify any night. archive_path: its place under the archiving node's nights/ folder
-- (null when written elsewhere, --out). The bytes are split into chunks (one in memory at a time). Never changed.
CREATE TABLE IF NOT EXISTS phonehome_archive_copy (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    night         DATE NOT NULL,
    recorded_path VARCHAR(4000) NOT NULL,
    archive_path  VARCHAR(4000),
    size          BIGINT NOT NULL,
    sha256        VARCHAR(64) NOT NULL,
    stored_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS phonehome_archive_copy_sha256 ON phonehome_archive_copy (sha256);
CREATE INDEX IF NOT EXISTS phonehome_archive_copy_night ON phonehome_archive_copy (night);
CREATE TABLE IF NOT EXISTS phonehome_archive_chunk (
    copy_id BIGINT NOT NULL,
    seq     INT NOT NULL,
    bytes   BYTEA NOT NULL,
    PRIMARY KEY (copy_id, seq)
);
