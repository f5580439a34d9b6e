-- Feeds a server added itself (/feed add): their articles belong to that server; health per feed.
CREATE TABLE server_feeds (
    id            INTEGER PRIMARY KEY,
    guild_id      INTEGER NOT NULL,
    url           TEXT NOT NULL,
    channel_id    INTEGER,               -- where posts and the failure notice go (NULL: none; notice by DM)
    post          TEXT NOT NULL,       -- none | each | digest-only
    crosspost     INTEGER NOT NULL DEFAULT 0,  -- publish posts made in an announcement channel
    added_by      INTEGER NOT NULL,      -- the manager who added it (told by DM when there is no channel)
    added_at      TEXT NOT NULL,
    primed        INTEGER NOT NULL DEFAULT 0,  -- 1 after the first fetch: what it held then is never posted
    last_fetch_at TEXT,
    last_ok_at    TEXT,
    last_error    TEXT,
    failures      INTEGER NOT NULL DEFAULT 0,
    failing_since TEXT,                -- first failure of the current run of failures
    notified      INTEGER NOT NULL DEFAULT 0,  -- the server was told of this run of failures
    next_at       TEXT NOT NULL,       -- UTC ISO: when it is fetched next
    etag          TEXT,
    modified      TEXT,
    UNIQUE (guild_id, url)
);
CREATE INDEX server_feeds_next ON server_feeds (next_at);

-- Entries a server's feed already gave (by entry id; by content within the same server).
CREATE TABLE server_feed_entries (
    feed_id      INTEGER NOT NULL REFERENCES server_feeds (id) ON DELETE CASCADE,
    guild_id     INTEGER NOT NULL,
    entry_key    TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    article_id   TEXT,
    seen_at      TEXT NOT NULL,
    PRIMARY KEY (feed_id, entry_key)
);
CREATE INDEX server_feed_entries_hash ON server_feed_entries (guild_id, content_hash);

-- Every post of a feed article (and every "and N more" note), recorded before it is sent: the nonce makes a
-- resend after a crash a no-op at Discord, and the rows count the posts per channel and hour.
CREATE TABLE feed_posts (
    id         INTEGER PRIMARY KEY,
    guild_id   INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    feed_id    INTEGER,
    article_id TEXT NOT NULL,          -- the article, or more:<hash> for an overflow note
    kind       TEXT NOT NULL,          -- post | more
    status     TEXT NOT NULL,          -- pending | sent | folded | failed
    nonce      TEXT NOT NULL,
    message_id INTEGER,
    detail     TEXT,                   -- the folded article ids of a note; the reason of a failure
    created_at TEXT NOT NULL,
    sent_at    TEXT,
    UNIQUE (guild_id, channel_id, article_id)
);
CREATE INDEX feed_posts_channel ON feed_posts (channel_id, status, created_at);

-- Filter rules a server set (/filter add): what its feed posts, digest and follow alerts let through.
CREATE TABLE server_filters (
    guild_id    INTEGER NOT NULL,
    destination TEXT NOT NULL,         -- all | feeds | digest | alerts
    rule        TEXT NOT NULL,         -- kind:value, -kind:value to exclude (bot.filters)
    created_at  TEXT NOT NULL,
    PRIMARY KEY (guild_id, destination, rule)
);

-- A role the digest or a follow's alerts mention (Manage Server sets it).
ALTER TABLE guild_digest ADD COLUMN role_id INTEGER;
ALTER TABLE follows ADD COLUMN role_id INTEGER;
