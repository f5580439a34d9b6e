"""Who sees which article: owners (global or one server), tombstones, and forgetting a server.

An article is stored once (its id is a hash of its text) and held by one ``article_scopes`` row per owner:
guild 0 for the operator's folders and feeds, a server's id for its own uploads. A server sees the global
articles and its own, less the ones it hid. A tombstone in guild 0 means the operator removed that text: no
rescan, re-ingest or restart brings it back (a changed file is a new version, and is taken in). A tombstone in
a server hides a global article there only.
"""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass
from typing import Any

from .base import Conn, StoreCore, now_iso

GLOBAL = 0  # the owner of the operator's articles

# Every table that holds a server's own data, and the column that names the server.
GUILD_TABLES = (
    ("article_tombstones", "guild_id"),
    ("guild_digest", "guild_id"),
    ("digest_runs", "guild_id"),
    ("usage_events", "guild_id"),
    ("usage_autocomplete", "guild_id"),
    ("follows", "guild_id"),
    ("story_articles", "guild_id"),
    ("story_channels", "guild_id"),
    ("story_threads", "guild_id"),
    ("story_lines", "guild_id"),
    ("guild_departures", "guild_id"),
)


@dataclass(frozen=True)
class Tombstone:
    guild_id: int  # 0: removed by the operator; else hidden in that server
    article_id: str
    source_key: str | None
    title: str
    created_at: str


@dataclass(frozen=True)
class ScopedArticle:
    """One article as one owner holds it (``python -m bot article list``)."""

    article_id: str
    guild_id: int
    title: str
    source_key: str | None
    added_at: str


class ScopeQueries(StoreCore):
    """Owners, tombstones and server departures."""

    @abstractmethod
    async def _drop_scope(self, conn: Conn, article_id: str, guild_id: int) -> bool:
        """Take an article out of one owner (the article goes when no owner holds it any more)."""

    # ------------------------------------------------------------------ owners

    async def unlist(self, article_id: str, guild_id: int) -> bool:
        """Take an article out of one owner without a tombstone (its file was deleted)."""
        async with self.transaction() as conn:
            dropped = await self._drop_scope(conn, article_id, guild_id)
            if dropped:
                await self._bump_version(conn)
            return dropped

    async def article_owners(self) -> dict[str, set[int]]:
        """article id -> the owners holding it (0 for global)."""
        out: dict[str, set[int]] = {}
        for r in await self.reader.fetch("SELECT article_id, guild_id FROM article_scopes"):
            out.setdefault(str(r["article_id"]), set()).add(int(r["guild_id"]))
        return out

    async def owners_of(self, article_id: str) -> set[int]:
        rows = await self.reader.fetch("SELECT guild_id FROM article_scopes WHERE article_id = ?", article_id)
        return {int(r["guild_id"]) for r in rows}

    async def scoped_articles(self, guild_id: int | None = None) -> list[ScopedArticle]:
        """Every article as each owner holds it (one owner's with ``guild_id``), newest first."""
        sql = (
            "SELECT s.article_id, s.guild_id, a.title, s.source_key, s.added_at FROM article_scopes s"
            " JOIN articles a ON a.id = s.article_id"
        )
        args: tuple[Any, ...] = ()
        if guild_id is not None:
            sql += " WHERE s.guild_id = ?"
            args = (guild_id,)
        rows = await self.reader.fetch(sql + " ORDER BY s.added_at DESC, s.article_id", *args)
        return [
            ScopedArticle(
                str(r["article_id"]), int(r["guild_id"]), str(r["title"]), r["source_key"], str(r["added_at"])
            )
            for r in rows
        ]

    async def source_keys(self, guild_id: int = GLOBAL) -> dict[str, str]:
        """source key -> article id, of one owner (the folders' files for the global owner)."""
        rows = await self.reader.fetch(
            "SELECT source_key, article_id FROM article_scopes WHERE guild_id = ? AND source_key IS NOT NULL",
            guild_id,
        )
        return {r["source_key"]: r["article_id"] for r in rows}

    async def added_since(self, since: str, guild_id: int | None = None) -> list[tuple[str, str]]:
        """(article id, added_at) of the articles that reached a server after ``since`` (UTC ISO), newest first:
        the global ones and its own, by when it could first see them, less the ones it hid. Without
        ``guild_id``: every article that reached any owner, by when it was first stored."""
        if guild_id is None:
            rows = await self.reader.fetch(
                "SELECT article_id, MIN(added_at) AS added_at FROM article_scopes GROUP BY article_id"
                " HAVING MIN(added_at) > ? ORDER BY added_at DESC, article_id",
                since,
            )
        else:
            rows = await self.reader.fetch(
                "SELECT article_id, MIN(added_at) AS added_at FROM article_scopes WHERE guild_id IN (0, ?)"
                " AND article_id NOT IN (SELECT article_id FROM article_tombstones WHERE guild_id = ?)"
                " GROUP BY article_id HAVING MIN(added_at) > ? ORDER BY added_at DESC, article_id",
                guild_id,
                guild_id,
                since,
            )
        return [(str(r["article_id"]), str(r["added_at"])) for r in rows]

    # ------------------------------------------------------------------ removing, hiding, restoring

    async def remove_article(self, article_id: str, guild_id: int) -> str | None:
        """What a server manager's (or, with guild 0, the operator's) removal does: a server's own copy is
        deleted; a global article is hidden in that server only; the operator's removal deletes the global copy
        and leaves a tombstone. Returns ``"deleted"``, ``"hidden"``, ``"removed"``, or None when the article is
        not there to remove."""
        async with self.transaction() as conn:
            title = await conn.fetchval("SELECT title FROM articles WHERE id = ?", article_id)
            if title is None:
                return None
            owners = {
                int(r["guild_id"]): r["source_key"]
                for r in await conn.fetch(
                    "SELECT guild_id, source_key FROM article_scopes WHERE article_id = ?", article_id
                )
            }
            if guild_id != GLOBAL and guild_id in owners and GLOBAL not in owners:
                await self._drop_scope(conn, article_id, guild_id)
                result = "deleted"
            elif GLOBAL in owners:
                if guild_id != GLOBAL and guild_id in owners:  # the server's copy of a global text: both go
                    await self._drop_scope(conn, article_id, guild_id)
                await self._tombstone(conn, guild_id, article_id, owners[GLOBAL], str(title))
                if guild_id == GLOBAL:
                    await self._drop_scope(conn, article_id, GLOBAL)
                result = "removed" if guild_id == GLOBAL else "hidden"
            else:
                return None
            await self._bump_version(conn)
            return result

    async def hide_article(self, article_id: str, guild_id: int) -> bool:
        """Hide a global article in one server (the operator's ``article hide``); False when it is not global."""
        async with self.transaction() as conn:
            row = await conn.fetchrow(
                "SELECT a.title, s.source_key FROM articles a JOIN article_scopes s ON s.article_id = a.id"
                " WHERE a.id = ? AND s.guild_id = 0",
                article_id,
            )
            if row is None or guild_id == GLOBAL:
                return False
            await self._tombstone(conn, guild_id, article_id, row["source_key"], str(row["title"]))
            await self._bump_version(conn)
            return True

    async def _tombstone(
        self, conn: Conn, guild_id: int, article_id: str, source_key: str | None, title: str
    ) -> None:
        await conn.execute(
            "INSERT INTO article_tombstones (guild_id, article_id, source_key, title, created_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (guild_id, article_id) DO NOTHING",
            guild_id,
            article_id,
            source_key,
            title,
            now_iso(),
        )

    async def restore_article(self, article_id: str, guild_id: int) -> Tombstone | None:
        """Lift a tombstone; returns it (its source key says where the text can be read again), or None."""
        async with self.transaction() as conn:
            row = await conn.fetchrow(
                "SELECT * FROM article_tombstones WHERE guild_id = ? AND article_id = ?", guild_id, article_id
            )
            if row is None:
                return None
            await conn.execute(
                "DELETE FROM article_tombstones WHERE guild_id = ? AND article_id = ?", guild_id, article_id
            )
            await self._bump_version(conn)
            return _tombstone(row)

    async def tombstones(self, guild_id: int | None = None) -> list[Tombstone]:
        sql, args = "SELECT * FROM article_tombstones", tuple[int, ...]()
        if guild_id is not None:
            sql, args = sql + " WHERE guild_id = ?", (guild_id,)
        rows = await self.reader.fetch(sql + " ORDER BY created_at DESC, article_id", *args)
        return [_tombstone(r) for r in rows]

    async def hidden_articles(self) -> dict[int, set[str]]:
        """server -> the global articles it hid."""
        out: dict[int, set[str]] = {}
        for r in await self.reader.fetch(
            "SELECT guild_id, article_id FROM article_tombstones WHERE guild_id <> 0"
        ):
            out.setdefault(int(r["guild_id"]), set()).add(str(r["article_id"]))
        return out

    # ------------------------------------------------------------------ servers the bot left

    async def guild_left(self, guild_id: int) -> None:
        await self._write(
            "INSERT INTO guild_departures (guild_id, left_at) VALUES (?, ?) ON CONFLICT (guild_id) DO NOTHING",
            guild_id,
            now_iso(),
        )

    async def guild_joined(self, guild_id: int) -> bool:
        """The bot is (back) in a server: its data is kept. True when a pending forgetting was called off."""
        return await self._write("DELETE FROM guild_departures WHERE guild_id = ?", guild_id) > 0

    async def departed_before(self, before: str) -> list[int]:
        rows = await self.reader.fetch("SELECT guild_id FROM guild_departures WHERE left_at < ?", before)
        return [int(r["guild_id"]) for r in rows]

    async def forget_guild(self, guild_id: int) -> dict[str, int]:
        """Delete every row a server owns: its articles (the ones no other owner holds), hidden articles,
        digest schedule and runs, usage, follows with their alerts, and its departure record. Rows deleted per
        table."""
        if guild_id == GLOBAL:
            raise ValueError("guild 0 is the global owner, not a server")
        counts: dict[str, int] = {}
        async with self.transaction() as conn:
            own = [
                str(r["article_id"])
                for r in await conn.fetch(
                    "SELECT article_id FROM article_scopes WHERE guild_id = ?", guild_id
                )
            ]
            for article_id in own:
                await self._drop_scope(conn, article_id, guild_id)
            counts["article_scopes"] = len(own)
            for table, column in GUILD_TABLES:
                counts[table] = await conn.execute(f"DELETE FROM {table} WHERE {column} = ?", guild_id)
            if own:
                await self._bump_version(conn)
        return counts


def _tombstone(row: dict[str, Any]) -> Tombstone:
    return Tombstone(
        int(row["guild_id"]),
        str(row["article_id"]),
        row["source_key"],
        str(row["title"]),
        str(row["created_at"]),
    )
