-- Every article has owners: global (guild_id 0: the operator's folders and feeds) or one server (its uploads).
CREATE TABLE article_scopes (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    guild_id   BIGINT NOT NULL,
    source_key TEXT,
    added_at   TEXT NOT NULL,
    PRIMARY KEY (article_id, guild_id)
);
CREATE UNIQUE INDEX article_scopes_source ON article_scopes (guild_id, source_key);
CREATE INDEX article_scopes_added ON article_scopes (added_at);
CREATE INDEX article_scopes_guild ON article_scopes (guild_id, added_at);

-- Removed (guild_id 0) or hidden in one server: the same text never comes back by itself.
CREATE TABLE article_tombstones (
    guild_id   BIGINT NOT NULL,
    article_id TEXT NOT NULL,
    source_key TEXT,
    title      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (guild_id, article_id)
);

-- Servers the bot left: their data is deleted after NEWSDESK_FORGET_GUILD_DAYS unless the bot is back by then.
CREATE TABLE guild_departures (
    guild_id BIGINT PRIMARY KEY,
    left_at  TEXT NOT NULL
);

INSERT INTO article_scopes (article_id, guild_id, source_key, added_at)
SELECT id,
       CASE WHEN source_key LIKE 'upload:%:%' THEN CAST(split_part(source_key, ':', 2) AS BIGINT) ELSE 0 END,
       source_key,
       added_at
FROM articles;
