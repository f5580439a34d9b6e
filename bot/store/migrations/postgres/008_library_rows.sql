-- What the library needs of each article beyond its body, derived at intake (bot.index.article_record): its
-- people, organizations and which of them each claim names. Start-up reads these instead of every article's
-- JSON. Rows of articles stored before this migration are written by the store once, at its next start.
CREATE TABLE library_rows (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    record     TEXT NOT NULL
);
