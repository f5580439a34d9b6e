-- Digest runs are claimed by the process posting them (several processes may share one database).
ALTER TABLE digest_runs ADD COLUMN claimed_by TEXT;
ALTER TABLE digest_runs ADD COLUMN claimed_until TEXT;   -- UTC ISO: the claim lapses after this

-- Members following a person or an organization; alerts go to a channel, or by direct message when none.
CREATE TABLE follows (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    kind        TEXT NOT NULL,          -- person | organization
    target_key  TEXT NOT NULL,          -- folded name: what articles are matched on
    target_name TEXT NOT NULL,          -- as shown
    channel_id  INTEGER,                -- NULL: direct message
    created_at  TEXT NOT NULL,          -- UTC ISO: only articles added after this alert
    UNIQUE (guild_id, user_id, kind, target_key)
);
CREATE INDEX follows_target ON follows (kind, target_key);

-- One row per follow and article: the alert is sent once, across restarts and re-ingests.
CREATE TABLE follow_alerts (
    follow_id   INTEGER NOT NULL REFERENCES follows (id) ON DELETE CASCADE,
    article_key TEXT NOT NULL,          -- the file or feed entry it came from, else the article id
    article_id  TEXT NOT NULL,
    status      TEXT NOT NULL,          -- pending | sent | failed
    created_at  TEXT NOT NULL,
    PRIMARY KEY (follow_id, article_key)
);

-- Feed entries already seen (by entry id and by content), so a feed that repeats itself adds nothing.
CREATE TABLE feed_entries (
    feed_url     TEXT NOT NULL,
    entry_key    TEXT NOT NULL,         -- the entry's id, else its link, else its content hash
    content_hash TEXT NOT NULL,
    article_id   TEXT,
    seen_at      TEXT NOT NULL,
    PRIMARY KEY (feed_url, entry_key)
);
CREATE INDEX feed_entries_hash ON feed_entries (content_hash);
CREATE INDEX articles_added_at ON articles (added_at);
