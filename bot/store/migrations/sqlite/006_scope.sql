-- Every article has owners: global (guild_id 0: the operator's folders and feeds) or one server (its uploads).
-- An article is stored once (its id is a hash of its text); each owner holds it through one row here.
CREATE TABLE article_scopes (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    guild_id   INTEGER NOT NULL,        -- 0: global; else the server that added it
    source_key TEXT,                    -- the file, upload or feed entry it came from, in that scope
    added_at   TEXT NOT NULL,           -- when it reached this scope (digests and alerts count from here)
    PRIMARY KEY (article_id, guild_id)
);
CREATE UNIQUE INDEX article_scopes_source ON article_scopes (guild_id, source_key);
CREATE INDEX article_scopes_added ON article_scopes (added_at);
CREATE INDEX article_scopes_guild ON article_scopes (guild_id, added_at);

-- Removed or hidden articles. guild_id 0: the operator removed it (no rescan, re-ingest or restart brings that
-- text back; a changed file is a new version); else hidden in that server only.
CREATE TABLE article_tombstones (
    guild_id   INTEGER NOT NULL,
    article_id TEXT NOT NULL,           -- the content hash: the same text stays removed
    source_key TEXT,
    title      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (guild_id, article_id)
);

-- Servers the bot left: their data is deleted after NEWSDESK_FORGET_GUILD_DAYS unless the bot is back by then.
CREATE TABLE guild_departures (
    guild_id INTEGER PRIMARY KEY,
    left_at  TEXT NOT NULL
);

-- Today's articles: uploads (source key upload:<guild>:<file>) belong to that server, everything else is global.
INSERT INTO article_scopes (article_id, guild_id, source_key, added_at)
SELECT id,
       CASE WHEN source_key LIKE 'upload:%:%'
            THEN CAST(substr(source_key, 8, instr(substr(source_key, 8), ':') - 1) AS INTEGER)
            ELSE 0 END,
       source_key,
       added_at
FROM articles;
