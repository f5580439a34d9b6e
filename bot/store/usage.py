"""Usage rows (one per slash command) and autocomplete counts."""

from __future__ import annotations

from typing import Any

from .base import Conn, StoreCore

USAGE_COLUMNS = (
    "at", "guild_id", "channel_id", "user_id", "command", "options",
    "latency_ms", "outcome", "error_type", "person", "article_id",
)  # fmt: skip


class UsageQueries(StoreCore):
    async def write_usage(
        self, rows: list[tuple[Any, ...]], autocomplete: list[tuple[str, int, str, int]]
    ) -> None:
        """Write a batch in one transaction: usage rows (USAGE_COLUMNS order) and autocomplete counts."""
        async with self.transaction() as conn:
            if rows:
                await conn.executemany(
                    f"INSERT INTO usage_events ({', '.join(USAGE_COLUMNS)})"
                    f" VALUES ({', '.join('?' for _ in USAGE_COLUMNS)})",
                    rows,
                )
            if autocomplete:
                await conn.executemany(
                    "INSERT INTO usage_autocomplete (minute, guild_id, command, count) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (minute, guild_id, command)"
                    " DO UPDATE SET count = usage_autocomplete.count + excluded.count",
                    autocomplete,
                )

    async def usage_rows(
        self, since: str, guild_id: int | None = None, user_id: int | None = None
    ) -> list[dict[str, Any]]:
        sql = "SELECT * FROM usage_events WHERE at >= ?"
        args: list[Any] = [since]
        if guild_id is not None:
            sql += " AND guild_id = ?"
            args.append(guild_id)
        if user_id is not None:
            sql += " AND user_id = ?"
            args.append(user_id)
        return await self.reader.fetch(sql + " ORDER BY at, id", *args)

    async def autocomplete_counts(self, since: str, guild_id: int | None = None) -> dict[str, int]:
        sql = "SELECT command, SUM(count) AS n FROM usage_autocomplete WHERE minute >= ?"
        args: list[Any] = [since[:16]]
        if guild_id is not None:
            sql += " AND guild_id = ?"
            args.append(guild_id)
        return {r["command"]: int(r["n"]) for r in await self.reader.fetch(sql + " GROUP BY command", *args)}

    async def purge_usage(self, before: str) -> int:
        deleted = await self._write("DELETE FROM usage_events WHERE at < ?", before)
        await self._write("DELETE FROM usage_autocomplete WHERE minute < ?", before[:16])
        return deleted

    async def count_usage(self) -> int:
        return int(await self.reader.fetchval("SELECT COUNT(*) FROM usage_events") or 0)

    async def _forget_usage(self, conn: Conn, user_id: int) -> int:
        return await conn.execute("DELETE FROM usage_events WHERE user_id = ?", user_id)
