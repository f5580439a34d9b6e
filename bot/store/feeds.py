"""Feed entries already taken in, by entry id and by content."""

from __future__ import annotations

from .base import StoreCore, now_iso


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
