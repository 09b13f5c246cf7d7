-- The embedded store: the six collections of shared/contract/installation-dump.md, only the listed fields.
-- Live tables are read by phoneHomeJob; import_* tables receive a dump and are published in one transaction,
-- so a failed import never touches what was stored before. Ids are compared as strings (H2: code-point order).

CREATE TABLE IF NOT EXISTS companies (
    id          VARCHAR(255) PRIMARY KEY,
    name        VARCHAR(10000),
    plan        VARCHAR(255),
    deactivated BOOLEAN NOT NULL,
    created_at  BIGINT,
    creator_id  VARCHAR(255)
);
CREATE TABLE IF NOT EXISTS teams (
    id                VARCHAR(255) PRIMARY KEY,
    name              VARCHAR(10000),
    company_id        VARCHAR(255),
    deactivated       BOOLEAN NOT NULL,
    created_at        BIGINT,
    creator_id        VARCHAR(255),
    xray              VARCHAR(255),
    review_approval   VARCHAR(255),
    review_assignment VARCHAR(255)
);
CREATE TABLE IF NOT EXISTS team_admins (
    team_id VARCHAR(255) NOT NULL,
    user_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE TABLE IF NOT EXISTS users (
    id                 VARCHAR(255) PRIMARY KEY,
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
    user_id VARCHAR(255) NOT NULL,
    team_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (user_id, team_id)
);
-- Only the fact that a user holds a token for a provider (providerInfo rules); never the token.
CREATE TABLE IF NOT EXISTS user_providers (
    user_id  VARCHAR(255) NOT NULL,
    provider VARCHAR(255) NOT NULL,
    PRIMARY KEY (user_id, provider)
);
CREATE TABLE IF NOT EXISTS posts (
    id             VARCHAR(255) PRIMARY KEY,
    creator_id     VARCHAR(255),
    created_at     BIGINT,
    codemark_id    VARCHAR(255),
    review_id      VARCHAR(255),
    parent_post_id VARCHAR(255)
);
CREATE TABLE IF NOT EXISTS codemarks (
    id         VARCHAR(255) PRIMARY KEY,
    review_id  VARCHAR(255),
    created_at BIGINT
);
CREATE TABLE IF NOT EXISTS reviews (
    id          VARCHAR(255) PRIMARY KEY,
    team_id     VARCHAR(255),
    created_at  BIGINT,
    approved_at BIGINT,
    creator_id  VARCHAR(255)
);
-- The night's posts are found by creation time; reviews by creation or approval time.
CREATE INDEX IF NOT EXISTS posts_created_at ON posts (created_at, creator_id);
-- The users query counts each user's posts of the night by seeking (creator_id, window): without it H2 scans the
-- whole night once per user (1,000 users x 2,000 posts took 2.6 s; 100,000 x 200,000 would take hours).
CREATE INDEX IF NOT EXISTS posts_creator ON posts (creator_id, created_at);
CREATE INDEX IF NOT EXISTS reviews_created_at ON reviews (created_at);
CREATE INDEX IF NOT EXISTS reviews_approved_at ON reviews (approved_at);
CREATE INDEX IF NOT EXISTS team_admins_user ON team_admins (user_id);

-- Staging copies with the same keys: an import writes here, then publishes in one transaction.
CREATE TABLE IF NOT EXISTS import_companies (
    id          VARCHAR(255) PRIMARY KEY,
    name        VARCHAR(10000),
    plan        VARCHAR(255),
    deactivated BOOLEAN NOT NULL,
    created_at  BIGINT,
    creator_id  VARCHAR(255)
);
CREATE TABLE IF NOT EXISTS import_teams (
    id                VARCHAR(255) PRIMARY KEY,
    name              VARCHAR(10000),
    company_id        VARCHAR(255),
    deactivated       BOOLEAN NOT NULL,
    created_at        BIGINT,
    creator_id        VARCHAR(255),
    xray              VARCHAR(255),
    review_approval   VARCHAR(255),
    review_assignment VARCHAR(255)
);
CREATE TABLE IF NOT EXISTS import_team_admins (
    team_id VARCHAR(255) NOT NULL,
    user_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE TABLE IF NOT EXISTS import_users (
    id                 VARCHAR(255) PRIMARY KEY,
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
    user_id VARCHAR(255) NOT NULL,
    team_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (user_id, team_id)
);
CREATE TABLE IF NOT EXISTS import_user_providers (
    user_id  VARCHAR(255) NOT NULL,
    provider VARCHAR(255) NOT NULL,
    PRIMARY KEY (user_id, provider)
);
CREATE TABLE IF NOT EXISTS import_posts (
    id             VARCHAR(255) PRIMARY KEY,
    creator_id     VARCHAR(255),
    created_at     BIGINT,
    codemark_id    VARCHAR(255),
    review_id      VARCHAR(255),
    parent_post_id VARCHAR(255)
);
CREATE TABLE IF NOT EXISTS import_codemarks (
    id         VARCHAR(255) PRIMARY KEY,
    review_id  VARCHAR(255),
    created_at BIGINT
);
CREATE TABLE IF NOT EXISTS import_reviews (
    id          VARCHAR(255) PRIMARY KEY,
    team_id     VARCHAR(255),
    created_at  BIGINT,
    approved_at BIGINT,
    creator_id  VARCHAR(255)
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
-- Inserts that read without locking: a MERGE would update the row, and so wait for (and time out on) the lock a
-- running night's sender (or chain appender) holds on it while another process (the console, a second run) starts.
INSERT INTO phonehome_lock (name) SELECT 'outbox' WHERE NOT EXISTS (SELECT 1 FROM phonehome_lock WHERE name = 'outbox');
INSERT INTO phonehome_lock (name) SELECT 'chain' WHERE NOT EXISTS (SELECT 1 FROM phonehome_lock WHERE name = 'chain');

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

-- Nodes (dev.phonehome.home.ArchiveCopies): the database copy of the archive; off on the embedded store (one node),
-- the table is here so that both schemas stay the same.
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
    bytes   VARBINARY NOT NULL,
    PRIMARY KEY (copy_id, seq)
);
