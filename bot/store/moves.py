"""Moves: the executive moves read from each article at intake, one row per move, deleted with the article.

A move has no owner of its own: who sees it is its article's scope, joined at query time (the global articles
and a server's own, less the ones it hid), so hiding, removing or forgetting an article takes its moves along
without a second copy of the scope. ``MOVES_VERSION`` names the reader that wrote the rows; when the reader
changes, ``refresh_moves`` reads every stored article again (``migrate`` does it once).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot.article import Article
from bot.article.names import key as name_key
from bot.timeline import Move, MoveKind, extract_moves, moves_of
from bot.timeline.current import org_key

from .base import Conn, StoreCore

MOVES_VERSION_KEY = "moves_version"  # meta key: which reader wrote the moves rows
# Raised whenever the reader (bot/timeline) changes what it finds, so stored articles are read again at start.
MOVES_VERSION = "15"

_COLUMNS = (
    "article_id, idx, person, person_key, kind, organization, org_key, role, date, date_from, evidence,"
    " announced, article_date"
)


def move_rows(article: Article, moves: Iterable[Move] | None = None) -> list[tuple[Any, ...]]:
    """The rows of one article's moves (given, else those its parse worker read, else read from its text now)."""
    found = moves_of(article) if moves is None else moves
    return [
        (
            article.id,
            i,
            m.person,
            name_key(m.person) or m.person.casefold(),
            m.kind.value,
            m.organization,
            org_key(m.organization) or None,
            m.role,
            m.date,
            m.date_from,
            m.evidence,
            1 if m.announced else 0,
            m.article_date,
        )
        for i, m in enumerate(found)
    ]


def _move(row: dict[str, Any]) -> Move:
    return Move(
        person=str(row["person"]),
        kind=MoveKind(str(row["kind"])),
        organization=row["organization"],
        role=row["role"],
        date=row["date"],
        date_from="text" if row["date_from"] == "text" else "article",
        evidence=str(row["evidence"]),
        announced=bool(row["announced"]),
        article_id=str(row["article_id"]),
        article_date=row["article_date"],
    )


def _seen_by(guild_id: int | None) -> tuple[str, tuple[Any, ...]]:
    """The condition (on ``m.article_id``) for the moves a server sees: its articles' scope, not a copy."""
    if guild_id is None:
        return "1 = 1", ()
    return (
        "m.article_id IN (SELECT article_id FROM article_scopes WHERE guild_id IN (0, ?))"
        " AND m.article_id NOT IN (SELECT article_id FROM article_tombstones WHERE guild_id = ?)",
        (guild_id, guild_id),
    )


class MoveQueries(StoreCore):
    """Moves written with their article and read on behalf of one server."""

    async def _insert_moves(self, conn: Conn, article: Article) -> None:
        """Called inside the article's own insert: the moves are stored all-or-nothing with it."""
        rows = move_rows(article)
        if rows:
            await conn.executemany(
                f"INSERT INTO moves ({_COLUMNS}) VALUES ({', '.join('?' for _ in range(13))})", rows
            )
        await conn.execute(  # a store whose first article this is was read by this reader
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
            MOVES_VERSION_KEY,
            MOVES_VERSION,
        )

    async def refresh_moves(self) -> int:
        """Read every stored article's moves again (after the reader changed); the number of moves stored."""
        total = 0
        async with self.transaction() as conn:
            await conn.execute("DELETE FROM moves")
            for row in await conn.fetch("SELECT data FROM articles ORDER BY added_at, id"):
                article = Article.model_validate_json(row["data"])
                rows = move_rows(article, extract_moves(article))  # by this reader, whatever is remembered
                if rows:
                    await conn.executemany(
                        f"INSERT INTO moves ({_COLUMNS}) VALUES ({', '.join('?' for _ in range(13))})", rows
                    )
                total += len(rows)
            await conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                MOVES_VERSION_KEY,
                MOVES_VERSION,
            )
        return total

    async def _moves_current(self) -> bool:
        if await self.get_meta(MOVES_VERSION_KEY) == MOVES_VERSION:
            return True
        # nothing stored yet: nothing to read again (the first article's insert records the version)
        return not await self.reader.fetchval("SELECT 1 FROM articles LIMIT 1")

    async def person_moves(self, guild_id: int | None, names: Iterable[str]) -> list[Move]:
        """Every move of the person known by ``names`` (name and aliases) that the server sees, in the order
        of their articles' dates and then as written (``standings`` puts them in date order)."""
        keys = sorted({name_key(n) or n.casefold() for n in names if n})
        if not keys:
            return []
        where, args = _seen_by(guild_id)
        rows = await self.reader.fetch(
            f"SELECT * FROM moves m WHERE m.person_key IN ({', '.join('?' for _ in keys)}) AND {where}"
            " ORDER BY m.article_date, m.article_id, m.idx",
            *keys,
            *args,
        )
        return [_move(r) for r in rows]

    async def recent_moves(
        self,
        guild_id: int | None,
        since: str,
        kind: str | None = None,
        org_keys: Iterable[str] | None = None,
        limit: int = 500,
    ) -> list[Move]:
        """The moves dated ``since`` (YYYY-MM-DD) or later that the server sees, newest first; with ``kind``,
        only that kind; with ``org_keys`` (folded by ``org_key``), only at those organizations. A month or a
        year counts when it ends on or after ``since``."""
        where, args = _seen_by(guild_id)
        sql = f"SELECT * FROM moves m WHERE m.date >= ? AND {where}"
        params: list[Any] = [since[:4], *args]
        if kind:
            sql += " AND m.kind = ?"
            params.append(kind)
        wanted = sorted({k for k in org_keys or () if k})
        if org_keys is not None:
            if not wanted:
                return []
            sql += f" AND m.org_key IN ({', '.join('?' for _ in wanted)})"
            params += wanted
        sql += " ORDER BY m.date DESC, m.article_date DESC, m.article_id, m.idx LIMIT ?"
        rows = await self.reader.fetch(sql, *params, limit)
        # "2025" >= "2025-03-01" is false in text order but the year may still reach it: compare by span
        return [_move(r) for r in rows if _ends_on_or_after(str(r["date"]), since)]

    async def article_moves(self, article_ids: Iterable[str]) -> dict[str, list[Move]]:
        """article id -> its moves, as written (for alerts and digests about articles already chosen)."""
        ids = sorted(set(article_ids))
        out: dict[str, list[Move]] = {i: [] for i in ids}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = await self.reader.fetch(
                f"SELECT * FROM moves m WHERE m.article_id IN ({', '.join('?' for _ in chunk)})"
                " ORDER BY m.article_id, m.idx",
                *chunk,
            )
            for r in rows:
                out[str(r["article_id"])].append(_move(r))
        return out

    async def move_organizations(self, guild_id: int | None, limit: int = 2000) -> list[tuple[str, int]]:
        """(organization as written, moves) of the organizations the server's moves name, most moves first."""
        where, args = _seen_by(guild_id)
        rows = await self.reader.fetch(
            f"SELECT m.organization AS organization, COUNT(*) AS n FROM moves m WHERE m.organization IS NOT NULL"
            f" AND {where} GROUP BY m.organization ORDER BY n DESC, m.organization LIMIT ?",
            *args,
            limit,
        )
        return [(str(r["organization"]), int(r["n"])) for r in rows]


def _ends_on_or_after(value: str, since: str) -> bool:
    """A date of any precision whose span reaches ``since``: "2025" reaches "2025-06-01", "2025-05" does not."""
    return value >= since[: len(value)]
