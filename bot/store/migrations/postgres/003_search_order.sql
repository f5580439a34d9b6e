-- Full-text results come newest first: the order articles were indexed in.
ALTER TABLE article_search ADD COLUMN seq BIGSERIAL;
CREATE INDEX article_search_seq ON article_search (seq);
