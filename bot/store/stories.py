"""Stories in the store: each article's story per scope, and the threads and thread lines posted per server.

Every delivery is recorded before it is sent (a thread per server and story, a line per server and article), so
a restart sends what was left pending and never sends anything twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .base import StoreCore, now_iso


class StoryQueries(StoreCore):
    # ------------------------------------------------------------------ membership

    async def story_members(self) -> dict[int, dict[str, str]]:
        """scope (0: global, else a server) -> article id -> story id."""
        out: dict[int, dict[str, str]] = {}
        for row in await self.reader.fetch("SELECT guild_id, article_id, story_id FROM story_articles"):
            out.setdefault(int(row["guild_id"]), {})[str(row["article_id"])] = str(row["story_id"])
        return out

    async def save_story_members(self, rows: Iterable[tuple[int, str, str]]) -> None:
        """(scope, article id, story id): new members, or members of a story merged into another."""
        batch = [(g, a, s, now_iso()) for g, a, s in rows]
        if not batch:
            return
        async with self.transaction() as conn:
            await conn.executemany(
                "INSERT INTO story_articles (guild_id, article_id, story_id, added_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (guild_id, article_id) DO UPDATE SET story_id = excluded.story_id",
                batch,
            )

    # ------------------------------------------------------------------ the story channel of a server

    async def set_story_channel(self, guild_id: int, channel_id: int) -> None:
        """Set (or move) a server's story channel; articles taken in from now on are posted there."""
        await self._write(
            "INSERT INTO story_channels (guild_id, channel_id, created_at) VALUES (?, ?, ?)"
            " ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id",
            guild_id,
            channel_id,
            now_iso(),
        )

    async def clear_story_channel(self, guild_id: int) -> bool:
        return await self._write("DELETE FROM story_channels WHERE guild_id = ?", guild_id) > 0

    async def story_channels(self) -> dict[int, int]:
        return {g: c for g, (c, _) in (await self.story_channels_since()).items()}

    async def story_channels_since(self) -> dict[int, tuple[int, str]]:
        """server -> (story channel, when it was first set: UTC ISO)."""
        rows = await self.reader.fetch("SELECT guild_id, channel_id, created_at FROM story_channels")
        return {int(r["guild_id"]): (int(r["channel_id"]), str(r["created_at"])) for r in rows}

    # ------------------------------------------------------------------ deliveries

    async def claim_story_post(
        self, guild_id: int, channel_id: int, story_id: str, article_id: str
    ) -> str | None:
        """Record one article's post in a server's story channel before it is sent: 'thread' when the story
        has no thread there yet (this article starts it), 'line' for a later article, None when this article
        was recorded already."""
        now = now_iso()
        async with self.transaction() as conn:
            if await conn.fetchval(
                "SELECT 1 FROM story_threads WHERE guild_id = ? AND article_id = ?", guild_id, article_id
            ) or await conn.fetchval(
                "SELECT 1 FROM story_lines WHERE guild_id = ? AND article_id = ?", guild_id, article_id
            ):
                return None
            started = await conn.execute(
                "INSERT INTO story_threads (guild_id, story_id, channel_id, article_id, status, created_at)"
                " VALUES (?, ?, ?, ?, 'pending', ?) ON CONFLICT (guild_id, story_id) DO NOTHING",
                guild_id,
                story_id,
                channel_id,
                article_id,
                now,
            )
            if started:
                return "thread"
            await conn.execute(
                "INSERT INTO story_lines (guild_id, article_id, story_id, status, created_at)"
                " VALUES (?, ?, ?, 'pending', ?) ON CONFLICT (guild_id, article_id) DO NOTHING",
                guild_id,
                article_id,
                story_id,
                now,
            )
            return "line"

    async def pending_story_threads(self) -> list[dict[str, Any]]:
        return await self.reader.fetch(
            "SELECT * FROM story_threads WHERE status = 'pending' ORDER BY created_at"
        )

    async def pending_story_lines(self) -> list[dict[str, Any]]:
        """Lines not known to be sent, with their story's thread (None while it is not created yet)."""
        return await self.reader.fetch(
            "SELECT l.guild_id, l.article_id, l.story_id, l.created_at, t.thread_id, t.status AS thread_status"
            " FROM story_lines l LEFT JOIN story_threads t ON t.guild_id = l.guild_id AND t.story_id = l.story_id"
            " WHERE l.status = 'pending' ORDER BY l.created_at"
        )

    async def story_thread_started(self, guild_id: int, story_id: str, message_id: int) -> None:
        """The starter message is out (a retry makes the thread from it, never a second message)."""
        await self._write(
            "UPDATE story_threads SET message_id = ? WHERE guild_id = ? AND story_id = ?",
            message_id,
            guild_id,
            story_id,
        )

    async def finish_story_thread(
        self, guild_id: int, story_id: str, status: str, thread_id: int | None = None
    ) -> None:
        await self._write(
            "UPDATE story_threads SET status = ?, thread_id = COALESCE(?, thread_id)"
            " WHERE guild_id = ? AND story_id = ?",
            status,
            thread_id,
            guild_id,
            story_id,
        )

    async def finish_story_line(self, guild_id: int, article_id: str, status: str) -> None:
        await self._write(
            "UPDATE story_lines SET status = ? WHERE guild_id = ? AND article_id = ?",
            status,
            guild_id,
            article_id,
        )

    async def story_thread_ids(self, guild_id: int) -> set[int]:
        """The threads (forum posts) a server's stories already have."""
        rows = await self.reader.fetch(
            "SELECT thread_id FROM story_threads WHERE guild_id = ? AND thread_id IS NOT NULL", guild_id
        )
        return {int(r["thread_id"]) for r in rows}

    async def story_thread(self, guild_id: int, story_id: str) -> dict[str, Any] | None:
        return await self.reader.fetchrow(
            "SELECT * FROM story_threads WHERE guild_id = ? AND story_id = ?", guild_id, story_id
        )

    # ------------------------------------------------------------------ follow alerts grouped by story

    async def alerted_articles(self, follow_id: int, sent_only: bool = False) -> set[str]:
        """The articles a follow was alerted about (sent, or recorded and about to be; ``sent_only``: sent)."""
        statuses = "('sent')" if sent_only else "('pending', 'sent')"
        rows = await self.reader.fetch(
            f"SELECT article_id FROM follow_alerts WHERE follow_id = ? AND status IN {statuses}",
            follow_id,
        )
        return {str(r["article_id"]) for r in rows}
