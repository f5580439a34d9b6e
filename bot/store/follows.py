"""Members' follows of people and organizations, and the alert recorded per follow and article."""

from __future__ import annotations

from typing import Any

from .base import Conn, StoreCore, now_iso


class FollowQueries(StoreCore):
    async def add_follow(
        self,
        guild_id: int,
        user_id: int,
        kind: str,
        key: str,
        name: str,
        channel_id: int | None,
        role_id: int | None = None,
    ) -> tuple[int, bool]:
        """(follow id, whether it is new). Following again only moves the alerts to ``channel_id`` (and sets
        the role they mention, ``role_id``)."""
        async with self.transaction() as conn:
            existing = await conn.fetchval(
                "SELECT id FROM follows WHERE guild_id = ? AND user_id = ? AND kind = ? AND target_key = ?",
                guild_id,
                user_id,
                kind,
                key,
            )
            if existing is not None:
                await conn.execute(
                    "UPDATE follows SET channel_id = ?, role_id = ? WHERE id = ?",
                    channel_id,
                    role_id,
                    existing,
                )
                return int(existing), False
            follow_id = await conn.fetchval(
                "INSERT INTO follows (guild_id, user_id, kind, target_key, target_name, channel_id, created_at,"
                " role_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                guild_id,
                user_id,
                kind,
                key,
                name,
                channel_id,
                now_iso(),
                role_id,
            )
            return int(follow_id), True

    async def remove_follow(self, guild_id: int, user_id: int, kind: str, key: str) -> bool:
        return (
            await self._write(
                "DELETE FROM follows WHERE guild_id = ? AND user_id = ? AND kind = ? AND target_key = ?",
                guild_id,
                user_id,
                kind,
                key,
            )
            > 0
        )

    async def follows_of(self, guild_id: int, user_id: int) -> list[dict[str, Any]]:
        return await self.reader.fetch(
            "SELECT * FROM follows WHERE guild_id = ? AND user_id = ? ORDER BY target_name, id",
            guild_id,
            user_id,
        )

    async def all_follows(self) -> list[dict[str, Any]]:
        return await self.reader.fetch("SELECT * FROM follows ORDER BY id")

    async def claim_alert(self, follow_id: int, article_key: str, article_id: str) -> bool:
        """Record an alert before sending it; False when this follow was already alerted about this article."""
        return (
            await self._write(
                "INSERT INTO follow_alerts (follow_id, article_key, article_id, status, created_at)"
                " VALUES (?, ?, ?, 'pending', ?) ON CONFLICT (follow_id, article_key) DO NOTHING",
                follow_id,
                article_key,
                article_id,
                now_iso(),
            )
            > 0
        )

    async def finish_alerts(self, keys: list[tuple[int, str]], status: str) -> None:
        async with self.transaction() as conn:
            await conn.executemany(
                "UPDATE follow_alerts SET status = ? WHERE follow_id = ? AND article_key = ?",
                [(status, f, k) for f, k in keys],
            )

    async def pending_alerts(self) -> list[dict[str, Any]]:
        """Alerts recorded but not known to be sent (the process stopped in between): sent again, same nonce."""
        return await self.reader.fetch(
            "SELECT * FROM follow_alerts WHERE status = 'pending' ORDER BY created_at"
        )

    async def alerted(self, follow_id: int) -> set[str]:
        rows = await self.reader.fetch("SELECT article_key FROM follow_alerts WHERE follow_id = ?", follow_id)
        return {r["article_key"] for r in rows}

    async def article_keys(self, article_ids: list[str]) -> dict[str, str]:
        """article id -> the key alerts are recorded under: where it came from (file, feed entry), else its id."""
        out = {article_id: article_id for article_id in article_ids}
        for start in range(0, len(article_ids), 500):  # one query per 500 ids, well under any parameter limit
            chunk = article_ids[start : start + 500]
            rows = await self.reader.fetch(
                "SELECT article_id, MIN(source_key) AS source_key FROM article_scopes"
                f" WHERE article_id IN ({', '.join('?' for _ in chunk)}) GROUP BY article_id",
                *chunk,
            )
            out.update({r["article_id"]: r["source_key"] for r in rows if r["source_key"]})
        return out

    async def _forget_follows(self, conn: Conn, user_id: int) -> int:
        await conn.execute(
            "DELETE FROM follow_alerts WHERE follow_id IN (SELECT id FROM follows WHERE user_id = ?)", user_id
        )
        return await conn.execute("DELETE FROM follows WHERE user_id = ?", user_id)
