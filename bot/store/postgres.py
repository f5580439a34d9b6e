"""The PostgreSQL store (asyncpg): for several bot processes, on several machines, sharing one database.

Chosen by ``NEWSDESK_DATABASE_URL=postgresql://user@host:5432/db``; ``?schema=name`` keeps Newsdesk's tables
in a schema of their own (created when missing). The queries are in :mod:`bot.store.sql`; this module adds the
connection pool, PostgreSQL's text search and an advisory lock so that two processes never migrate at once.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import AsyncIterator, Iterable, Sequence
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import asyncpg

from . import StoreError, redact_url
from .articles import MARK_END, MARK_START, parse_search
from .sql import Conn, SQLStore

# ts_headline's options: one passage of about 16 words around the match, the match between the marks.
_HEADLINE = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=16, MinWords=6, ShortWord=1, MaxFragments=1"

SCHEMA_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
SERIAL_TABLES = ("people", "digest_runs", "usage_events", "follows", "server_feeds", "feed_posts")


def split_url(url: str) -> tuple[str, str | None]:
    """(DSN for asyncpg, schema or None): ``?schema=`` is ours, every other parameter goes to asyncpg."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in query if k == "schema"), None)
    if schema is not None and not SCHEMA_RE.match(schema):
        raise StoreError(
            f"schema={schema!r} in NEWSDESK_DATABASE_URL is not a plain name (letters, digits, _)"
        )
    rest = urlencode([(k, v) for k, v in query if k != "schema"])
    scheme = "postgresql" if parts.scheme == "postgres" else parts.scheme
    return urlunsplit((scheme, parts.netloc, parts.path, rest, parts.fragment)), schema


@functools.lru_cache(maxsize=512)
def numbered(sql: str) -> str:
    """``?`` placeholders -> ``$1, $2, ...`` (our SQL has no ``?`` inside literals)."""
    counter = iter(range(1, 10_000))
    return re.sub(r"\?", lambda _m: f"${next(counter)}", sql)


def _changed(status: str) -> int:
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


def _as(data_type: str, value: Any) -> Any:
    if value is None:
        return None
    if data_type in ("text", "character varying"):
        return value if isinstance(value, str) else str(value)
    if data_type in ("bigint", "integer", "smallint"):
        return int(value)
    if data_type in ("double precision", "real"):
        return float(value)
    return value


class _PgConn:
    """:class:`Conn` over an asyncpg connection or pool."""

    def __init__(self, target: asyncpg.Connection | asyncpg.Pool) -> None:
        self.target = target

    async def fetch(self, sql: str, *args: Any) -> list[dict[str, Any]]:
        return [dict(r) for r in await self.target.fetch(numbered(sql), *args)]

    async def fetchrow(self, sql: str, *args: Any) -> dict[str, Any] | None:
        row = await self.target.fetchrow(numbered(sql), *args)
        return dict(row) if row is not None else None

    async def fetchval(self, sql: str, *args: Any) -> Any:
        return await self.target.fetchval(numbered(sql), *args)

    async def execute(self, sql: str, *args: Any) -> int:
        return _changed(await self.target.execute(numbered(sql), *args))

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            await self.target.executemany(numbered(sql), rows)


class PostgresStore(SQLStore):
    backend = "postgres"

    def __init__(self, url: str, pool_size: int = 10) -> None:
        self.url = url
        self.dsn, self.schema = split_url(url)
        self.pool_size = pool_size
        self._pool: asyncpg.Pool | None = None

    @property
    def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            raise StoreError("the store is not open")
        return self._pool

    @property
    def reader(self) -> Conn:
        return _PgConn(self.pool)

    async def open(self) -> None:
        settings = {"search_path": self.schema} if self.schema else {}
        try:
            if self.schema:
                first = await asyncpg.connect(self.dsn, timeout=10)
                try:
                    await first.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
                except asyncpg.UniqueViolationError:
                    pass  # another process created it at the same moment
                finally:
                    await first.close()
            self._pool = await asyncpg.create_pool(
                self.dsn,
                min_size=1,
                max_size=self.pool_size,
                server_settings=settings,
                timeout=10,
                command_timeout=60,
            )
            await self.migrate()
        except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            await self.close()
            raise StoreError(
                f"cannot open PostgreSQL database {redact_url(self.url)}: {exc}. "
                "Check NEWSDESK_DATABASE_URL (host, port, user, database) and that the server is running."
            ) from exc

    async def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await pool.close()

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[Conn]:
        async with self.pool.acquire() as con, con.transaction():
            yield _PgConn(con)

    async def _lock_migrations(self, conn: Conn) -> None:
        await conn.fetchval("SELECT pg_advisory_xact_lock(hashtext('newsdesk-migrate:' || current_schema()))")

    def _is_conflict(self, exc: BaseException) -> bool:
        return isinstance(exc, asyncpg.UniqueViolationError)

    async def _index_text(self, conn: Conn, article_id: str, title: str, body: str) -> None:
        await conn.execute(
            "INSERT INTO article_search (article_id, document, body) VALUES (?,"
            " setweight(to_tsvector('simple', ?::text), 'A') || setweight(to_tsvector('simple', ?::text), 'B'),"
            " ?::text)",
            article_id,
            title,
            body,
            title + "\n" + body,
        )

    async def _unindex_text(self, conn: Conn, article_id: str) -> None:
        await conn.execute("DELETE FROM article_search WHERE article_id = ?", article_id)

    async def _search(self, query: str, limit: int, guild_id: int | None, snippets: bool) -> list[Any]:
        parsed = parse_search(query)
        if parsed is None:
            return []
        sql = (
            "SELECT article_id, seq, body FROM article_search WHERE document @@ to_tsquery('simple', ?::text)"
        )
        args: list[Any] = [parsed.tsquery()]
        if guild_id is not None:
            sql += (
                " AND EXISTS (SELECT 1 FROM article_scopes s WHERE s.article_id = article_search.article_id"
                " AND s.guild_id IN (0, ?)) AND NOT EXISTS (SELECT 1 FROM article_tombstones t"
                " WHERE t.guild_id = ? AND t.guild_id <> 0 AND t.article_id = article_search.article_id)"
            )
            args += [guild_id, guild_id]
        sql += " ORDER BY seq DESC LIMIT ?"
        args.append(limit)
        if snippets:  # ts_headline for the rows returned only
            sql = (
                "SELECT article_id, ts_headline('simple', body, to_tsquery('simple', ?::text), ?::text) AS snippet"
                f" FROM ({sql}) AS hits ORDER BY seq DESC"
            )
            args = [parsed.tsquery(), _HEADLINE, *args]
        return list(await self.reader.fetch(sql, *args))

    async def columns(self, table: str) -> list[str]:
        rows = await self.reader.fetch(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND table_name = ? ORDER BY ordinal_position",
            table,
        )
        return [r["column_name"] for r in rows]

    async def load_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        """As in SQLStore, with each value made the column's type (SQLite is loose about types, asyncpg is not)."""
        types = {
            r["column_name"]: r["data_type"]
            for r in await self.reader.fetch(
                "SELECT column_name, data_type FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name = ?",
                table,
            )
        }
        await super().load_rows(table, [{k: _as(types.get(k, ""), v) for k, v in r.items()} for r in rows])

    async def after_copy(self) -> None:
        await super().after_copy()
        async with self.transaction() as conn:
            for table in SERIAL_TABLES:  # copied rows kept their ids: new rows must start after them
                await conn.fetchval(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                )

    async def integrity_check(self) -> str:
        return "ok" if await self.reader.fetchval("SELECT 1") == 1 else "no answer"

    async def drop_schema(self) -> None:
        """Remove this store's schema and everything in it (tests and ``db`` tooling only)."""
        if not self.schema:
            raise StoreError("refusing to drop a store without its own ?schema=")
        async with self.pool.acquire() as con:
            await con.execute(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')
