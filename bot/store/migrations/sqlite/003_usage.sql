-- One row per slash command; autocomplete counted per command per minute.
CREATE TABLE usage_events (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,          -- UTC ISO
    guild_id   INTEGER,
    channel_id INTEGER,
    user_id    INTEGER NOT NULL,
    command    TEXT NOT NULL,          -- qualified name, e.g. "articles search"
    options    TEXT NOT NULL,          -- JSON, values cut to 100 characters
    latency_ms REAL,
    outcome    TEXT NOT NULL,          -- ok | user_error | denied | error
    error_type TEXT,
    person     TEXT,                   -- the person looked up, when there was one
    article_id TEXT                    -- the article summarized, when there was one
);
CREATE INDEX usage_events_at ON usage_events (at);
CREATE INDEX usage_events_guild_at ON usage_events (guild_id, at);
CREATE INDEX usage_events_user ON usage_events (user_id);

CREATE TABLE usage_autocomplete (
    minute   TEXT NOT NULL,            -- UTC, YYYY-MM-DDTHH:MM
    guild_id INTEGER NOT NULL,         -- 0 outside servers
    command  TEXT NOT NULL,
    count    INTEGER NOT NULL,
    PRIMARY KEY (minute, guild_id, command)
);
