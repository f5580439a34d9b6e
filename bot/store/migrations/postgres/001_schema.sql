-- The same tables as SQLite's migrations 001-005; times are UTC ISO text in both, so rows copy as they are.
CREATE TABLE articles (
    id           TEXT PRIMARY KEY,
    source_key   TEXT UNIQUE,
    title        TEXT NOT NULL,
    source       TEXT,
    published_at TEXT,
    language     TEXT NOT NULL,
    format       TEXT NOT NULL,
    data         TEXT NOT NULL,
    added_at     TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX articles_published_at ON articles (published_at);
CREATE INDEX articles_added_at ON articles (added_at);

CREATE TABLE people (
    id   BIGSERIAL PRIMARY KEY,
    key  TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE mentions (
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    person_id    BIGINT NOT NULL REFERENCES people (id),
    name         TEXT NOT NULL,
    aliases      TEXT NOT NULL,
    organization TEXT,
    role         TEXT,
    PRIMARY KEY (article_id, person_id)
);
CREATE INDEX mentions_person ON mentions (person_id);

CREATE TABLE claims (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    stance     TEXT NOT NULL,
    speaker    TEXT,
    citations  TEXT NOT NULL,
    figures    TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX claims_speaker ON claims (speaker);
CREATE INDEX claims_stance ON claims (stance);

-- PostgreSQL's own text search: title weighted above body, the 'simple' configuration (no stemming, any language).
CREATE TABLE article_search (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    document   TSVECTOR NOT NULL
);
CREATE INDEX article_search_document ON article_search USING GIN (document);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE guild_digest (
    guild_id       BIGINT PRIMARY KEY,
    channel_id     BIGINT NOT NULL,
    at             TEXT NOT NULL,
    zone           TEXT NOT NULL,
    max_articles   INTEGER NOT NULL,
    skip_empty     INTEGER NOT NULL,
    enabled        INTEGER NOT NULL,
    paused         INTEGER NOT NULL,
    failures       INTEGER NOT NULL,
    effective_from TEXT,
    updated_at     TEXT NOT NULL,
    language       TEXT NOT NULL DEFAULT 'en'
);

CREATE TABLE digest_runs (
    id            BIGSERIAL PRIMARY KEY,
    guild_id      BIGINT NOT NULL,
    local_date    TEXT,
    scheduled     INTEGER NOT NULL,
    status        TEXT NOT NULL,
    channel_id    BIGINT NOT NULL,
    nonce         TEXT,
    message_ids   TEXT NOT NULL DEFAULT '[]',
    articles      INTEGER NOT NULL DEFAULT 0,
    window_end    TEXT,
    error         TEXT,
    started_at    TEXT NOT NULL,
    finished_at   TEXT,
    claimed_by    TEXT,
    claimed_until TEXT
);
CREATE UNIQUE INDEX digest_runs_once ON digest_runs (guild_id, local_date) WHERE scheduled = 1;
CREATE INDEX digest_runs_guild ON digest_runs (guild_id, started_at);

CREATE TABLE usage_events (
    id         BIGSERIAL PRIMARY KEY,
    at         TEXT NOT NULL,
    guild_id   BIGINT,
    channel_id BIGINT,
    user_id    BIGINT NOT NULL,
    command    TEXT NOT NULL,
    options    TEXT NOT NULL,
    latency_ms DOUBLE PRECISION,
    outcome    TEXT NOT NULL,
    error_type TEXT,
    person     TEXT,
    article_id TEXT
);
CREATE INDEX usage_events_at ON usage_events (at);
CREATE INDEX usage_events_guild_at ON usage_events (guild_id, at);
CREATE INDEX usage_events_user ON usage_events (user_id);

CREATE TABLE usage_autocomplete (
    minute   TEXT NOT NULL,
    guild_id BIGINT NOT NULL,
    command  TEXT NOT NULL,
    count    INTEGER NOT NULL,
    PRIMARY KEY (minute, guild_id, command)
);

CREATE TABLE follows (
    id          BIGSERIAL PRIMARY KEY,
    guild_id    BIGINT NOT NULL,
    user_id     BIGINT NOT NULL,
    kind        TEXT NOT NULL,
    target_key  TEXT NOT NULL,
    target_name TEXT NOT NULL,
    channel_id  BIGINT,
    created_at  TEXT NOT NULL,
    UNIQUE (guild_id, user_id, kind, target_key)
);
CREATE INDEX follows_target ON follows (kind, target_key);

CREATE TABLE follow_alerts (
    follow_id   BIGINT NOT NULL REFERENCES follows (id) ON DELETE CASCADE,
    article_key TEXT NOT NULL,
    article_id  TEXT NOT NULL,
    status      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (follow_id, article_key)
);

CREATE TABLE feed_entries (
    feed_url     TEXT NOT NULL,
    entry_key    TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    article_id   TEXT,
    seen_at      TEXT NOT NULL,
    PRIMARY KEY (feed_url, entry_key)
);
CREATE INDEX feed_entries_hash ON feed_entries (content_hash);
