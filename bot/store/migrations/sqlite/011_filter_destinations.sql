-- A filter rule may name where it applies beyond its kind (issue 19, "per server and per destination"): a
-- channel (feed posts in that channel; the digest when it is posted there) and/or one of the server's feeds
-- (posts from that feed only). 0: any channel, any feed. The key now includes both, so the same rule can be set
-- for two channels.
CREATE TABLE server_filters_new (
    guild_id    INTEGER NOT NULL,
    destination TEXT NOT NULL,         -- all | feeds | digest | alerts
    channel_id  INTEGER NOT NULL DEFAULT 0,
    feed_id     INTEGER NOT NULL DEFAULT 0,
    rule        TEXT NOT NULL,         -- kind:value, -kind:value to exclude (bot.filters)
    created_at  TEXT NOT NULL,
    PRIMARY KEY (guild_id, destination, channel_id, feed_id, rule)
);
INSERT INTO server_filters_new (guild_id, destination, rule, created_at)
    SELECT guild_id, destination, rule, created_at FROM server_filters;
DROP TABLE server_filters;
ALTER TABLE server_filters_new RENAME TO server_filters;
