-- Articles, the people they mention, their claims, and full-text search.
CREATE TABLE articles (
    id           TEXT PRIMARY KEY,
    source_key   TEXT UNIQUE,            -- the file (or upload) it came from; NULL for articles added directly
    title        TEXT NOT NULL,
    source       TEXT,
    published_at TEXT,
    language     TEXT NOT NULL,
    format       TEXT NOT NULL,
    data         TEXT NOT NULL,          -- the Article as JSON: what the library loads
    added_at     TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX articles_published_at ON articles (published_at);

CREATE TABLE people (
    id   INTEGER PRIMARY KEY,
    key  TEXT NOT NULL UNIQUE,           -- folded name: one row per person across articles
    name TEXT NOT NULL
);

CREATE TABLE mentions (
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    person_id    INTEGER NOT NULL REFERENCES people (id),
    name         TEXT NOT NULL,
    aliases      TEXT NOT NULL,          -- JSON list
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
    citations  TEXT NOT NULL,            -- JSON list of ints
    figures    TEXT NOT NULL,            -- JSON list of figures
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX claims_speaker ON claims (speaker);
CREATE INDEX claims_stance ON claims (stance);

CREATE VIRTUAL TABLE article_fts USING fts5 (
    article_id UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
