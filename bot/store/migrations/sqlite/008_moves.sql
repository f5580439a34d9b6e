-- Executive moves, read from each article's text at intake (bot/timeline). A move belongs to its article: who
-- sees it is the article's scope (article_scopes, article_tombstones), joined at query time, never copied here.
CREATE TABLE moves (
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,       -- the order written in the article
    person       TEXT NOT NULL,          -- as the article names them
    person_key   TEXT NOT NULL,          -- folded name: what /person and follows match on
    kind         TEXT NOT NULL,          -- joined | left | appointed | fired | returned
    organization TEXT,
    org_key      TEXT,                   -- folded organization: what /moves and follows match on
    role         TEXT,
    date         TEXT,                   -- YYYY-MM-DD, YYYY-MM or YYYY
    date_from    TEXT NOT NULL,          -- text | article
    evidence     TEXT NOT NULL,          -- the sentence
    announced    INTEGER NOT NULL,       -- 1: still to come when written ("will step down at year end")
    article_date TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX moves_person ON moves (person_key);
CREATE INDEX moves_org ON moves (org_key);
CREATE INDEX moves_date ON moves (date);

-- A per-server switch: the daily digest's "People moves" section (off by default).
ALTER TABLE guild_digest ADD COLUMN people_moves INTEGER NOT NULL DEFAULT 0;
