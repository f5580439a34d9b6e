"""The store: every feature's queries, written once for both backends, combined into :class:`SQLStore`.

One module per feature over a shared core (``base.py``): ``articles.py`` (articles, people, claims, full-text
rows), ``scope.py`` (owners, tombstones, forgetting a server), ``digests.py``, ``usage.py``, ``follows.py``,
``feeds.py``, ``moves.py``. A backend (``sqlite.py``, ``postgres.py``) supplies a :class:`Conn` (``?`` placeholders, rows as
dicts), its transactions, its full-text search and its migrations folder, so the two cannot drift apart. Times
are UTC ISO strings in both, so they compare and copy as text. This module keeps what spans the features:
migrations, forgetting a member, and copying a whole deployment.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Callable
from typing import Any

from bot.article import Article

from .articles import (
    TEXT_INDEX,
    TEXT_INDEX_VERSION,
    ArticleQueries,
    SearchHit,
    unpair,
)
from .base import Conn, migrations, now_iso, statements
from .digests import DigestQueries
from .feeds import FeedQueries, ServerFeedQueries
from .follows import FollowQueries
from .moves import MoveQueries
from .scope import ScopeQueries
from .stories import StoryQueries
from .usage import UsageQueries

log = logging.getLogger(__name__)

# Every table a deployment holds, in an order that satisfies the foreign keys (used by ``db copy``).
TABLES = (
    "meta",
    "articles",
    "article_scopes",
    "article_tombstones",
    "guild_departures",
    "people",
    "mentions",
    "claims",
    "library_rows",
    "moves",
    "guild_digest",
    "digest_runs",
    "usage_events",
    "usage_autocomplete",
    "follows",
    "follow_alerts",
    "feed_entries",
    "story_articles",
    "story_channels",
    "story_threads",
    "story_lines",
    "server_feeds",
    "server_feed_entries",
    "feed_posts",
    "server_filters",
)


class SQLStore(
    MoveQueries,
    ArticleQueries,
    ScopeQueries,
    DigestQueries,
    UsageQueries,
    FollowQueries,
    FeedQueries,
    ServerFeedQueries,
    StoryQueries,
    ABC,
):
    """The Store protocol over any :class:`Conn`; a backend implements the abstract methods."""

    backend: str  # the migrations folder
    url: str

    # ------------------------------------------------------------------ what a backend provides

    @abstractmethod
    async def open(self) -> None: ...

    @abstractmethod
    async def close(self) -> None: ...

    @abstractmethod
    async def _search(self, query: str, limit: int, guild_id: int | None, snippets: bool) -> list[Any]:
        """Rows (``article_id``, and ``snippet`` when asked) of the backend's own full-text engine."""

    async def search(self, query: str, limit: int = 25, guild_id: int | None = None) -> list[str]:
        """Article ids matching every word of a full-text query (the last word as a prefix, as typed so far;
        "quoted words" side by side; ``OR`` between two words or phrases for either; see ``parse_search``),
        newest indexed first; with ``guild_id``, only what that server sees (0: the global articles)."""
        return [r["article_id"] for r in await self._search(query, limit, guild_id, snippets=False)]

    async def search_hits(self, query: str, limit: int = 25, guild_id: int | None = None) -> list[SearchHit]:
        """As ``search``, each article with a short passage around what matched."""
        rows = await self._search(query, limit, guild_id, snippets=True)
        return [SearchHit(r["article_id"], unpair(r["snippet"] or "")) for r in rows]

    def body_reader(self) -> Callable[[str], Article | None] | None:
        """A synchronous reader of one article's body by id, for a library that keeps no bodies in memory; None
        when the backend has none (PostgreSQL: asyncpg only reads asynchronously, so its library keeps them)."""
        return None

    @abstractmethod
    async def _lock_migrations(self, conn: Conn) -> None:
        """Keep two processes from migrating at once (inside the migration transaction)."""

    # ------------------------------------------------------------------ migrations

    async def migrate(self) -> list[int]:
        """Apply the numbered migrations not yet applied; returns the versions applied now."""
        async with self.transaction() as conn:
            await self._lock_migrations(conn)
            await conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
        applied: list[int] = []
        for version, sql in migrations(self.backend):
            async with self.transaction() as conn:
                await self._lock_migrations(conn)
                if await conn.fetchval("SELECT 1 FROM schema_migrations WHERE version = ?", version):
                    continue
                for statement in statements(sql):
                    await conn.execute(statement)
                await conn.execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", version, now_iso()
                )
            applied.append(version)
        if await self.get_meta(TEXT_INDEX) != TEXT_INDEX_VERSION and await self.reader.fetchval(
            "SELECT 1 FROM articles LIMIT 1"
        ):
            await self.reindex_text()  # articles indexed by an older version
        missing = await self.missing_library_rows() if await self.columns("library_rows") else 0
        if missing:  # articles stored before library rows existed, or derived by an older version: once
            log.info("writing the library rows of %d stored articles (once, after an upgrade)", missing)
            await self.backfill_library_rows()
        if not await self._moves_current():
            await self.refresh_moves()  # articles stored before moves were, or read by an older reader
        return applied

    async def schema_versions(self) -> list[int]:
        rows = await self.reader.fetch("SELECT version FROM schema_migrations ORDER BY version")
        return [int(r["version"]) for r in rows]

    # ------------------------------------------------------------------ articles

    async def table_counts(self) -> dict[str, int]:
        """Rows in every table (``db copy`` compares these)."""
        return {t: int(await self.reader.fetchval(f"SELECT COUNT(*) FROM {t}") or 0) for t in TABLES}

    async def forget_user(self, user_id: int) -> int:
        """Delete every row that names a member, feature by feature (usage; follows with their alerts)."""
        async with self.transaction() as conn:
            return (
                await self._forget_usage(conn, user_id)
                + await self._forget_follows(conn, user_id)
                + await self._forget_feed_adder(conn, user_id)
            )

    # ------------------------------------------------------------------ copying between deployments

    async def dump_table(self, table: str, batch: int = 2000) -> AsyncIterator[list[dict[str, Any]]]:
        """Every row of one table, in batches (for ``db copy``)."""
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}")
        columns = await self.columns(table)
        order = ", ".join(columns)  # a total order, so pages neither skip nor repeat rows
        offset = 0
        while True:
            rows = await self.reader.fetch(
                f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order} LIMIT ? OFFSET ?", batch, offset
            )
            if not rows:
                return
            yield rows
            offset += len(rows)

    @abstractmethod
    async def columns(self, table: str) -> list[str]:
        """The column names of one table, in order."""

    async def load_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Insert rows copied from another deployment (ids kept); a row already present is left as it is."""
        if not rows:
            return
        columns = list(rows[0])
        async with self.transaction() as conn:
            await conn.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
                " ON CONFLICT DO NOTHING",
                [tuple(r[c] for c in columns) for r in rows],
            )

    async def after_copy(self) -> None:
        """Rebuild what ``load_rows`` does not copy (the full-text index, id sequences)."""
        await self.reindex_text()
