-- Stories: which story each article belongs to, per scope (guild_id 0: the global articles' stories; a server's
-- own uploads form stories of their own). Kept so a restart gives every article the story it had.
CREATE TABLE story_articles (
    guild_id   INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    story_id   TEXT NOT NULL,
    added_at   TEXT NOT NULL,
    PRIMARY KEY (guild_id, article_id)
);
CREATE INDEX story_articles_story ON story_articles (guild_id, story_id);

-- /story channel set: per server, where each new story becomes a thread (or a forum post).
CREATE TABLE story_channels (
    guild_id   INTEGER PRIMARY KEY,
    channel_id INTEGER NOT NULL,
    created_at TEXT NOT NULL            -- UTC ISO: only articles taken in after this are posted
);

-- One thread per server and story: recorded before it is created, finished when it exists.
CREATE TABLE story_threads (
    guild_id   INTEGER NOT NULL,
    story_id   TEXT NOT NULL,
    channel_id INTEGER NOT NULL,
    article_id TEXT NOT NULL,           -- the article that started it
    message_id INTEGER,                 -- the starter message (text channels), once sent
    thread_id  INTEGER,                 -- once created
    status     TEXT NOT NULL,           -- pending | sent | failed
    created_at TEXT NOT NULL,
    PRIMARY KEY (guild_id, story_id)
);

-- One line per server and later article of a story, in the story's thread: recorded before it is sent.
CREATE TABLE story_lines (
    guild_id   INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    story_id   TEXT NOT NULL,
    status     TEXT NOT NULL,           -- pending | sent | failed
    created_at TEXT NOT NULL,
    PRIMARY KEY (guild_id, article_id)
);
CREATE INDEX story_lines_status ON story_lines (status);
