-- /feed add story_threads:true: a feed post of an article whose story has a thread in the server's story channel
-- goes into that thread (the first article of a story is posted in the feed's channel as before).
ALTER TABLE server_feeds ADD COLUMN story_threads INTEGER NOT NULL DEFAULT 0;
