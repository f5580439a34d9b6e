"""The SQLite store (aiosqlite, WAL, numbered migrations, FTS5). The queries are in :mod:`bot.store.sql`."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import aiosqlite

from bot.article import Article

from . import StoreError
from .articles import parse_search
from .sql import Conn, SQLStore


def sqlite_path(url: str) -> str:
    """``sqlite:///data/x.db`` -> ``data/x.db``; ``sqlite:////abs/x.db`` -> ``/abs/x.db``; memory stays memory."""
    if not url.startswith("sqlite:"):
        raise StoreError(f"not a SQLite URL: {url!r}")
    rest = url[len("sqlite:") :]
    if rest.startswith("///"):
        rest = rest[3:]
    elif rest.startswith("//"):
        rest = rest[2:]
    rest = rest.split("?", 1)[0]
    if rest in ("", ":memory:"):
        return ":memory:"
    return rest


def _make_parent(path: str) -> None:
    Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)


class _SQLiteConn:
    """:class:`Conn` over one aiosqlite connection; each call is one trip to aiosqlite's thread."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self.db = db

    async def fetch(self, sql: str, *args: Any) -> list[dict[str, Any]]:
        return [dict(r) for r in await self.db.execute_fetchall(sql, args)]

    async def fetchrow(self, sql: str, *args: Any) -> dict[str, Any] | None:
        rows = list(await self.db.execute_fetchall(sql, args))
        return dict(rows[0]) if rows else None

    async def fetchval(self, sql: str, *args: Any) -> Any:
        rows = list(await self.db.execute_fetchall(sql, args))
        return rows[0][0] if rows else None

    async def execute(self, sql: str, *args: Any) -> int:
        cur = await self.db.execute(sql, args)
        return max(0, int(cur.rowcount))  # the cursor is not closed: that would be one more trip

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        await self.db.executemany(sql, rows)


class BodyReader:
    """Reads one article's body by id, synchronously, on a read-only connection of its own (WAL lets it read
    beside the store's writer): what the library calls when a command looks at an article it does not hold.
    Opened on first use, and again after :meth:`close`."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def __call__(self, article_id: str) -> Article | None:
        with self._lock:
            if self._conn is None:
                self._conn = sqlite3.connect(
                    f"{Path(self.path).resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
                )
            row = self._conn.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Article.model_validate_json(row[0]) if row else None

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


class SQLiteStore(SQLStore):
    backend = "sqlite"

    def __init__(self, url: str) -> None:
        self.url = url
        self.path = sqlite_path(url)
        self._db: aiosqlite.Connection | None = None
        self._lock = asyncio.Lock()  # one writer at a time on the shared connection
        self._bodies = BodyReader(self.path) if self.path != ":memory:" else None

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise StoreError("the store is not open")
        return self._db

    @property
    def reader(self) -> Conn:
        return _SQLiteConn(self.db)

    async def open(self) -> None:
        if self.path != ":memory:":
            await asyncio.to_thread(_make_parent, self.path)
        try:
            self._db = await aiosqlite.connect(self.path, isolation_level=None)
            self._db.row_factory = sqlite3.Row  # rows by name, as asyncpg's records
            await self.db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                await self.db.execute("PRAGMA journal_mode = WAL")
            await self.db.execute("PRAGMA synchronous = NORMAL")
            await self.db.execute("PRAGMA busy_timeout = 5000")
            await self.migrate()
        except aiosqlite.DatabaseError as exc:
            await self.close()
            raise StoreError(f"cannot open SQLite database {self.path}: {exc}") from exc

    def body_reader(self) -> Callable[[str], Article | None] | None:
        return self._bodies

    async def close(self) -> None:
        if self._bodies is not None:
            self._bodies.close()
        if self._db is not None:
            await self._db.close()
            self._db = None

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[Conn]:
        """One write transaction at a time on the shared connection, rolled back on any error or cancellation.

        Every coroutine of the bot shares this connection; without the lock a digest record could start inside
        a usage batch's transaction and be rolled back with it."""
        async with self._lock:
            # A caller cancelled while its BEGIN was running leaves a transaction open with no owner.
            if self.db.in_transaction:
                await self.db.execute("ROLLBACK")
            try:
                await self.db.execute("BEGIN IMMEDIATE")
                yield _SQLiteConn(self.db)
            except BaseException:
                if self.db.in_transaction:
                    await self.db.execute("ROLLBACK")
                raise
            await self.db.execute("COMMIT")

    async def _lock_migrations(self, conn: Conn) -> None:
        return None  # BEGIN IMMEDIATE already keeps every other writer out

    def _is_conflict(self, exc: BaseException) -> bool:
        return False  # one writer at a time: SQLite never races itself

    async def _index_text(self, conn: Conn, article_id: str, title: str, body: str) -> None:
        await conn.execute(
            "INSERT INTO article_fts (article_id, title, body) VALUES (?, ?, ?)", article_id, title, body
        )

    async def _unindex_text(self, conn: Conn, article_id: str) -> None:
        await conn.execute("DELETE FROM article_fts WHERE article_id = ?", article_id)

    async def _search(self, query: str, limit: int, guild_id: int | None, snippets: bool) -> list[Any]:
        parsed = parse_search(query)
        if parsed is None:
            return []
        # FTS5 walks its matches newest rowid first and stops at the limit: cheap however common the word.
        # snippet() is worked out for the rows returned only.
        shown = ", snippet(article_fts, -1, char(2), char(3), '…', 16) AS snippet" if snippets else ""
        sql = f"SELECT article_id{shown} FROM article_fts WHERE article_fts MATCH ?"
        args: list[Any] = [parsed.fts5()]
        if guild_id is not None:
            sql += (
                " AND EXISTS (SELECT 1 FROM article_scopes s WHERE s.article_id = article_fts.article_id"
                " AND s.guild_id IN (0, ?)) AND NOT EXISTS (SELECT 1 FROM article_tombstones t"
                " WHERE t.guild_id = ? AND t.guild_id <> 0 AND t.article_id = article_fts.article_id)"
            )
            args += [guild_id, guild_id]
        return list(await self.reader.fetch(sql + " ORDER BY rowid DESC LIMIT ?", *args, limit))

    async def columns(self, table: str) -> list[str]:
        rows = await self.reader.fetch(f"PRAGMA table_info({table})")
        return [r["name"] for r in rows]

    async def integrity_check(self) -> str:
        return str(await self.reader.fetchval("PRAGMA integrity_check") or "no answer")


__all__ = ["SQLiteStore", "sqlite_path"]
