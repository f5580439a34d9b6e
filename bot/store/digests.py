"""Digest schedules per server and the record of every digest run (claimed per process)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from .base import StoreCore, now_iso

DIGEST_COLUMNS = (
    "channel_id", "at", "zone", "max_articles", "skip_empty", "enabled",
    "paused", "failures", "effective_from", "language", "role_id", "people_moves",
)  # fmt: skip
_DEFAULTS = {
    "language": "en",
    "role_id": None,
    "people_moves": 0,
}  # columns added later: a caller may leave them out


class DigestQueries(StoreCore):
    async def get_digest_settings(self, guild_id: int) -> dict[str, Any] | None:
        return await self.reader.fetchrow("SELECT * FROM guild_digest WHERE guild_id = ?", guild_id)

    async def all_digest_settings(self) -> list[dict[str, Any]]:
        return await self.reader.fetch("SELECT * FROM guild_digest ORDER BY guild_id")

    async def put_digest_settings(self, guild_id: int, values: dict[str, Any]) -> None:
        row = [values.get(c, _DEFAULTS[c]) if c in _DEFAULTS else values[c] for c in DIGEST_COLUMNS]
        cols = ", ".join(DIGEST_COLUMNS)
        marks = ", ".join("?" for _ in DIGEST_COLUMNS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in DIGEST_COLUMNS)
        await self._write(
            f"INSERT INTO guild_digest (guild_id, {cols}, updated_at) VALUES (?, {marks}, ?)"
            f" ON CONFLICT (guild_id) DO UPDATE SET {updates}, updated_at = excluded.updated_at",
            guild_id,
            *row,
            now_iso(),
        )

    async def begin_digest(
        self,
        guild_id: int,
        channel_id: int,
        local_date: str | None,
        nonce: str | None,
        window_end: str,
        owner: str = "",
        lease_seconds: float = 300.0,
    ) -> tuple[int, str]:
        """Record a run before posting: (run id, state).

        A scheduled run (``local_date`` set) is recorded at most once per server and date. When that record
        exists, its status is returned: 'pending' means a crash interrupted it and this caller may resume it;
        'busy' means another process (another ``owner``) claimed it less than ``lease_seconds`` ago and is
        posting it now, so this caller must leave it alone."""
        now = datetime.now(UTC)
        until = (now + timedelta(seconds=lease_seconds)).isoformat(timespec="seconds")
        scheduled = 1 if local_date is not None else 0
        for _ in range(2):
            try:
                async with self.transaction() as conn:
                    if local_date is not None:
                        row = await conn.fetchrow(
                            "SELECT id, status FROM digest_runs WHERE guild_id = ? AND local_date = ? AND scheduled = 1",
                            guild_id,
                            local_date,
                        )
                        if row is not None:
                            if row["status"] != "pending":
                                return int(row["id"]), str(row["status"])
                            took = await conn.execute(
                                "UPDATE digest_runs SET claimed_by = ?, claimed_until = ? WHERE id = ?"
                                " AND (claimed_by IS NULL OR claimed_by = ? OR claimed_until IS NULL"
                                " OR claimed_until < ?)",
                                owner,
                                until,
                                row["id"],
                                owner,
                                now.isoformat(timespec="seconds"),
                            )
                            return int(row["id"]), "pending" if took else "busy"
                    run_id = await conn.fetchval(
                        "INSERT INTO digest_runs (guild_id, local_date, scheduled, status, channel_id, nonce,"
                        " window_end, started_at, claimed_by, claimed_until)"
                        " VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?) RETURNING id",
                        guild_id,
                        local_date,
                        scheduled,
                        channel_id,
                        nonce,
                        window_end,
                        now_iso(),
                        owner,
                        until,
                    )
                    return int(run_id), "new"
            except Exception as exc:
                if not self._is_conflict(exc):
                    raise
                # Another process recorded this server's run for that date between our look and our insert.
        raise RuntimeError("digest run record kept conflicting")  # pragma: no cover - two conflicts in a row

    async def finish_digest(
        self, run_id: int, status: str, message_ids: list[int], articles: int, error: str | None = None
    ) -> None:
        await self._write(
            "UPDATE digest_runs SET status = ?, message_ids = ?, articles = ?, error = ?, finished_at = ?,"
            " claimed_until = NULL WHERE id = ?",
            status,
            json.dumps(message_ids),
            articles,
            error,
            now_iso(),
            run_id,
        )

    async def digest_runs(self, guild_id: int, limit: int = 10) -> list[dict[str, Any]]:
        rows = await self.reader.fetch(
            "SELECT * FROM digest_runs WHERE guild_id = ? ORDER BY id DESC LIMIT ?", guild_id, limit
        )
        for r in rows:
            r["message_ids"] = json.loads(r["message_ids"] or "[]")
        return rows

    async def last_scheduled_digest(self, guild_id: int) -> dict[str, Any] | None:
        """The latest finished scheduled run; an interrupted ('pending') one does not count, so it is resumed."""
        return await self.reader.fetchrow(
            "SELECT * FROM digest_runs WHERE guild_id = ? AND scheduled = 1 AND status != 'pending'"
            " ORDER BY local_date DESC LIMIT 1",
            guild_id,
        )

    async def last_window_end(self, guild_id: int) -> str | None:
        """Where the previous successful digest (scheduled or not) stopped looking for articles."""
        value = await self.reader.fetchval(
            "SELECT MAX(window_end) FROM digest_runs WHERE guild_id = ? AND status IN ('posted', 'empty')",
            guild_id,
        )
        return str(value) if value else None
