-- Per-server digest schedules and the record of every digest run.
CREATE TABLE guild_digest (
    guild_id       INTEGER PRIMARY KEY,
    channel_id     INTEGER NOT NULL,
    at             TEXT NOT NULL,      -- HH:MM local
    zone           TEXT NOT NULL,      -- IANA name
    max_articles   INTEGER NOT NULL,
    skip_empty     INTEGER NOT NULL,
    enabled        INTEGER NOT NULL,
    paused         INTEGER NOT NULL,
    failures       INTEGER NOT NULL,
    effective_from TEXT,               -- UTC ISO: no run is due before this instant
    updated_at     TEXT NOT NULL
);

CREATE TABLE digest_runs (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL,
    local_date  TEXT,                 -- set for scheduled runs: at most one per server and local date
    scheduled   INTEGER NOT NULL,
    status      TEXT NOT NULL,        -- pending | posted | empty | failed
    channel_id  INTEGER NOT NULL,
    nonce       TEXT,
    message_ids TEXT NOT NULL DEFAULT '[]',
    articles    INTEGER NOT NULL DEFAULT 0,
    window_end  TEXT,                 -- UTC ISO: articles added up to here were considered
    error       TEXT,
    started_at  TEXT NOT NULL,
    finished_at TEXT
);
CREATE UNIQUE INDEX digest_runs_once ON digest_runs (guild_id, local_date) WHERE scheduled = 1;
CREATE INDEX digest_runs_guild ON digest_runs (guild_id, started_at);
