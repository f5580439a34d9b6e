-- The indexed text kept beside its vector, so a search result can show the passage that matched
-- (ts_headline). Filled for every article when the text is indexed again (text_index_version 3).
ALTER TABLE article_search ADD COLUMN body TEXT NOT NULL DEFAULT '';
