"""Feed entries already taken in, by entry id and by content."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.filters import StoredRule

from .base import Conn, StoreCore, now_iso


class FeedQueries(StoreCore):
    async def feed_entry_seen(self, feed_url: str, entry_key: str, content_hash: str) -> bool:
        """Whether this entry (by id) or this content (from any feed) was taken in already."""
        return bool(
            await self.reader.fetchval(
                "SELECT 1 FROM feed_entries WHERE (feed_url = ? AND entry_key = ?) OR content_hash = ? LIMIT 1",
                feed_url,
                entry_key,
                content_hash,
            )
        )

    async def record_feed_entry(
        self, feed_url: str, entry_key: str, content_hash: str, article_id: str | None
    ) -> None:
        await self._write(
            "INSERT INTO feed_entries (feed_url, entry_key, content_hash, article_id, seen_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (feed_url, entry_key) DO UPDATE SET content_hash = excluded.content_hash,"
            " article_id = excluded.article_id",
            feed_url,
            entry_key,
            content_hash,
            article_id,
            now_iso(),
        )


# ---------------------------------------------------------------------------------------------------------
# A server's own feeds (/feed add), what they gave, and every post made from them.

FEED_POST_MODES = ("none", "each", "digest-only")


@dataclass(frozen=True)
class ServerFeed:
    id: int
    guild_id: int
    url: str
    channel_id: int | None
    post: str  # none | each | digest-only
    crosspost: bool
    added_by: int
    added_at: str
    primed: bool
    last_fetch_at: str | None
    last_ok_at: str | None
    last_error: str | None
    failures: int
    failing_since: str | None
    notified: bool
    next_at: str
    etag: str | None
    modified: str | None
    story_threads: bool = False  # a later article of a story with a thread goes into that thread

    @classmethod
    def of(cls, row: dict[str, Any]) -> ServerFeed:
        return cls(
            id=int(row["id"]),
            guild_id=int(row["guild_id"]),
            url=str(row["url"]),
            channel_id=int(row["channel_id"]) if row["channel_id"] is not None else None,
            post=str(row["post"]),
            crosspost=bool(row["crosspost"]),
            added_by=int(row["added_by"]),
            added_at=str(row["added_at"]),
            primed=bool(row["primed"]),
            last_fetch_at=row["last_fetch_at"],
            last_ok_at=row["last_ok_at"],
            last_error=row["last_error"],
            failures=int(row["failures"]),
            failing_since=row["failing_since"],
            notified=bool(row["notified"]),
            next_at=str(row["next_at"]),
            etag=row["etag"],
            modified=row["modified"],
            story_threads=bool(row.get("story_threads") or 0),
        )


@dataclass(frozen=True)
class FeedPost:
    id: int
    guild_id: int
    channel_id: int
    feed_id: int | None
    article_id: str
    kind: str  # post | more
    status: str  # pending | sent | folded | failed
    nonce: str
    detail: str | None
    created_at: str

    @classmethod
    def of(cls, row: dict[str, Any]) -> FeedPost:
        return cls(
            id=int(row["id"]),
            guild_id=int(row["guild_id"]),
            channel_id=int(row["channel_id"]),
            feed_id=int(row["feed_id"]) if row["feed_id"] is not None else None,
            article_id=str(row["article_id"]),
            kind=str(row["kind"]),
            status=str(row["status"]),
            nonce=str(row["nonce"]),
            detail=row["detail"],
            created_at=str(row["created_at"]),
        )


class ServerFeedQueries(StoreCore):
    async def add_server_feed(
        self,
        guild_id: int,
        url: str,
        channel_id: int | None,
        post: str,
        crosspost: bool,
        added_by: int,
        limit: int,
        next_at: str | None = None,
        story_threads: bool = False,
    ) -> tuple[ServerFeed | None, bool]:
        """(the feed, whether it is new). Adding a URL the server has already changes its channel and options;
        None when the server holds ``limit`` feeds already."""
        now = now_iso()
        async with self.transaction() as conn:
            existing = await conn.fetchval(
                "SELECT id FROM server_feeds WHERE guild_id = ? AND url = ?", guild_id, url
            )
            if existing is not None:
                await conn.execute(
                    "UPDATE server_feeds SET channel_id = ?, post = ?, crosspost = ?, story_threads = ? WHERE id = ?",
                    channel_id,
                    post,
                    int(crosspost),
                    int(story_threads),
                    existing,
                )
                row = await conn.fetchrow("SELECT * FROM server_feeds WHERE id = ?", existing)
                assert row is not None
                return ServerFeed.of(row), False
            held = int(await conn.fetchval("SELECT COUNT(*) FROM server_feeds WHERE guild_id = ?", guild_id))
            if held >= limit:
                return None, False
            feed_id = await conn.fetchval(
                "INSERT INTO server_feeds (guild_id, url, channel_id, post, crosspost, added_by, added_at, next_at,"
                " story_threads) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                guild_id,
                url,
                channel_id,
                post,
                int(crosspost),
                added_by,
                now,
                next_at or now,
                int(story_threads),
            )
            row = await conn.fetchrow("SELECT * FROM server_feeds WHERE id = ?", feed_id)
            assert row is not None
            return ServerFeed.of(row), True

    async def remove_server_feed(self, guild_id: int, url: str) -> bool:
        """Stop fetching a feed; the articles it gave stay the server's (``/article remove`` removes them)."""
        async with self.transaction() as conn:
            feed_id = await conn.fetchval(
                "SELECT id FROM server_feeds WHERE guild_id = ? AND url = ?", guild_id, url
            )
            if feed_id is None:
                return False
            await conn.execute("DELETE FROM server_feed_entries WHERE feed_id = ?", feed_id)
            await conn.execute("DELETE FROM server_filters WHERE feed_id = ?", feed_id)  # its own rules
            await conn.execute("DELETE FROM server_feeds WHERE id = ?", feed_id)
            return True

    async def server_feeds(self, guild_id: int | None = None) -> list[ServerFeed]:
        """One server's feeds (every server's without ``guild_id``), in the order they were added."""
        if guild_id is None:
            rows = await self.reader.fetch("SELECT * FROM server_feeds ORDER BY id")
        else:
            rows = await self.reader.fetch(
                "SELECT * FROM server_feeds WHERE guild_id = ? ORDER BY id", guild_id
            )
        return [ServerFeed.of(r) for r in rows]

    async def due_server_feeds(self, now: str) -> list[ServerFeed]:
        rows = await self.reader.fetch("SELECT * FROM server_feeds WHERE next_at <= ? ORDER BY next_at", now)
        return [ServerFeed.of(r) for r in rows]

    async def feed_fetched(
        self,
        feed_id: int,
        *,
        error: str | None,
        next_at: str,
        etag: str | None = None,
        modified: str | None = None,
    ) -> ServerFeed | None:
        """Record one fetch: success (``error`` None) clears the failures; a failure counts and keeps when the
        run of failures began. Returns the feed as it is now (None when it was removed meanwhile)."""
        now = now_iso()
        async with self.transaction() as conn:
            if error is None:
                await conn.execute(
                    "UPDATE server_feeds SET primed = 1, last_fetch_at = ?, last_ok_at = ?, last_error = NULL,"
                    " failures = 0, failing_since = NULL, notified = 0, next_at = ?,"
                    " etag = COALESCE(?, etag), modified = COALESCE(?, modified) WHERE id = ?",
                    now,
                    now,
                    next_at,
                    etag,
                    modified,
                    feed_id,
                )
            else:
                await conn.execute(
                    "UPDATE server_feeds SET last_fetch_at = ?, last_error = ?, failures = failures + 1,"
                    " failing_since = COALESCE(failing_since, ?), next_at = ? WHERE id = ?",
                    now,
                    error,
                    now,
                    next_at,
                    feed_id,
                )
            row = await conn.fetchrow("SELECT * FROM server_feeds WHERE id = ?", feed_id)
            return ServerFeed.of(row) if row else None

    async def feed_notified(self, feed_id: int) -> bool:
        """Mark this run of failures as told; False when another process told it first."""
        return (
            await self._write("UPDATE server_feeds SET notified = 1 WHERE id = ? AND notified = 0", feed_id)
            > 0
        )

    async def server_entry_seen(self, feed_id: int, guild_id: int, entry_key: str, content_hash: str) -> bool:
        """Whether this feed gave this entry, or any feed of this server gave the same text, already."""
        return bool(
            await self.reader.fetchval(
                "SELECT 1 FROM server_feed_entries WHERE (feed_id = ? AND entry_key = ?)"
                " OR (guild_id = ? AND content_hash = ?) LIMIT 1",
                feed_id,
                entry_key,
                guild_id,
                content_hash,
            )
        )

    async def record_server_entry(
        self, feed_id: int, guild_id: int, entry_key: str, content_hash: str, article_id: str | None
    ) -> None:
        await self._write(
            "INSERT INTO server_feed_entries (feed_id, guild_id, entry_key, content_hash, article_id, seen_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id, entry_key) DO UPDATE SET"
            " content_hash = excluded.content_hash, article_id = excluded.article_id",
            feed_id,
            guild_id,
            entry_key,
            content_hash,
            article_id,
            now_iso(),
        )

    async def unposted_feed_articles(self, guild_id: int) -> set[str]:
        """Articles this server took in only from its feeds set to ``post: none``: left out of its digests."""
        rows = await self.reader.fetch(
            "SELECT e.article_id FROM server_feed_entries e JOIN server_feeds f ON f.id = e.feed_id"
            " WHERE f.guild_id = ? AND f.post = 'none' AND e.article_id IS NOT NULL"
            " AND e.article_id NOT IN (SELECT e2.article_id FROM server_feed_entries e2"
            " JOIN server_feeds f2 ON f2.id = e2.feed_id WHERE f2.guild_id = ? AND f2.post != 'none'"
            " AND e2.article_id IS NOT NULL)"
            " AND e.article_id NOT IN (SELECT article_id FROM article_scopes WHERE guild_id = 0)",
            guild_id,
            guild_id,
        )
        return {str(r["article_id"]) for r in rows}

    async def _forget_feed_adder(self, conn: Conn, user_id: int) -> int:
        """A member who asked to be forgotten is no longer named as the one who added a feed (the feed stays
        the server's; its failure notice then goes to its channel only)."""
        return await conn.execute("UPDATE server_feeds SET added_by = 0 WHERE added_by = ?", user_id)

    # ------------------------------------------------------------------ filters

    async def add_filter(
        self,
        guild_id: int,
        destination: str,
        rule: str,
        limit: int,
        channel_id: int | None = None,
        feed_id: int | None = None,
    ) -> bool | None:
        """True when added, False when it was there already, None when the server holds ``limit`` rules. With
        ``channel_id`` or ``feed_id`` the rule applies only there (see :class:`bot.filters.StoredRule`)."""
        async with self.transaction() as conn:
            held = int(
                await conn.fetchval("SELECT COUNT(*) FROM server_filters WHERE guild_id = ?", guild_id)
            )
            if held >= limit:
                return None
            return (
                await conn.execute(
                    "INSERT INTO server_filters (guild_id, destination, channel_id, feed_id, rule, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, destination, channel_id, feed_id, rule)"
                    " DO NOTHING",
                    guild_id,
                    destination,
                    channel_id or 0,
                    feed_id or 0,
                    rule,
                    now_iso(),
                )
                > 0
            )

    async def remove_filter(
        self,
        guild_id: int,
        destination: str,
        rule: str,
        channel_id: int | None = None,
        feed_id: int | None = None,
    ) -> bool:
        return (
            await self._write(
                "DELETE FROM server_filters WHERE guild_id = ? AND destination = ? AND channel_id = ?"
                " AND feed_id = ? AND rule = ?",
                guild_id,
                destination,
                channel_id or 0,
                feed_id or 0,
                rule,
            )
            > 0
        )

    async def filters(self, guild_id: int) -> list[tuple[str, str]]:
        """(destination, rule) of one server's rules for every channel and feed, in the order they were added
        (for callers that know no channel or feed: the follow alerts)."""
        return [
            (r.destination, r.rule)
            for r in await self.filter_rules(guild_id)
            if not (r.channel_id or r.feed_id)
        ]

    async def filter_rules(self, guild_id: int) -> list[StoredRule]:
        """Every rule of one server with where it applies, in the order they were added."""
        rows = await self.reader.fetch(
            "SELECT destination, rule, channel_id, feed_id FROM server_filters WHERE guild_id = ?"
            " ORDER BY created_at, rule",
            guild_id,
        )
        return [
            StoredRule(str(r["destination"]), str(r["rule"]), int(r["channel_id"]), int(r["feed_id"]))
            for r in rows
        ]

    # ------------------------------------------------------------------ posts

    async def claim_feed_post(
        self,
        guild_id: int,
        channel_id: int,
        feed_id: int | None,
        article_id: str,
        kind: str,
        status: str,
        nonce: str,
        detail: str | None = None,
    ) -> bool:
        """Record a post before it is sent (``pending``) or a fold (``folded``); False when this article was
        already posted, folded or recorded in that channel."""
        return (
            await self._write(
                "INSERT INTO feed_posts (guild_id, channel_id, feed_id, article_id, kind, status, nonce, detail,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (guild_id, channel_id, article_id) DO NOTHING",
                guild_id,
                channel_id,
                feed_id,
                article_id,
                kind,
                status,
                nonce,
                detail,
                now_iso(),
            )
            > 0
        )

    async def finish_feed_post(
        self, post_id: int, status: str, message_id: int | None = None, detail: str | None = None
    ) -> None:
        await self._write(
            "UPDATE feed_posts SET status = ?, message_id = ?, detail = COALESCE(?, detail), sent_at = ?"
            " WHERE id = ?",
            status,
            message_id,
            detail,
            now_iso(),
            post_id,
        )

    async def feed_post(self, guild_id: int, channel_id: int, article_id: str) -> FeedPost | None:
        row = await self.reader.fetchrow(
            "SELECT * FROM feed_posts WHERE guild_id = ? AND channel_id = ? AND article_id = ?",
            guild_id,
            channel_id,
            article_id,
        )
        return FeedPost.of(row) if row else None

    async def feed_post_message_ids(self, channel_id: int) -> set[int]:
        """The messages (forum posts) the sent feed posts of a channel are."""
        rows = await self.reader.fetch(
            "SELECT message_id FROM feed_posts WHERE channel_id = ? AND message_id IS NOT NULL", channel_id
        )
        return {int(r["message_id"]) for r in rows}

    async def pending_feed_posts(self, guild_ids: set[int] | None = None) -> list[FeedPost]:
        """Posts recorded but not known to be sent (the process stopped in between), oldest first."""
        rows = await self.reader.fetch("SELECT * FROM feed_posts WHERE status = 'pending' ORDER BY id")
        posts = [FeedPost.of(r) for r in rows]
        return [p for p in posts if guild_ids is None or p.guild_id in guild_ids]

    async def feed_posts_since(self, channel_id: int, since: str) -> int:
        """Article posts made (or being made) in a channel since ``since``: what the hourly cap counts."""
        return int(
            await self.reader.fetchval(
                "SELECT COUNT(*) FROM feed_posts WHERE channel_id = ? AND kind = 'post'"
                " AND status IN ('pending', 'sent') AND created_at > ?",
                channel_id,
                since,
            )
            or 0
        )
