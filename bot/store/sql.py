"""What SQLite and PostgreSQL share: every query of the store, written once.

A backend supplies a :class:`Conn` (``?`` placeholders, rows as dicts), its transactions, its full-text search
and its migrations folder; everything else (articles, people, claims, digests, usage, follows) lives here, so
the two backends cannot drift apart. Times are UTC ISO strings in both, so they compare and copy as text.
"""

from __future__ import annotations

import contextlib
import json
import re
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.article import Article
from bot.article.names import key as name_key
from bot.memory import bulk_load

from . import IngestOutcome
from .base import Conn, migrations, now_iso, statements
from .scope import GLOBAL, ScopeQueries

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
    "guild_digest",
    "digest_runs",
    "usage_events",
    "usage_autocomplete",
    "follows",
    "follow_alerts",
    "feed_entries",
)

USAGE_COLUMNS = (
    "at", "guild_id", "channel_id", "user_id", "command", "options",
    "latency_ms", "outcome", "error_type", "person", "article_id",
)  # fmt: skip

DIGEST_COLUMNS = (
    "channel_id", "at", "zone", "max_articles", "skip_empty", "enabled",
    "paused", "failures", "effective_from", "language",
)  # fmt: skip

ARTICLES_VERSION = "articles_version"


def search_words(query: str) -> list[str]:
    """The words of a full-text query; punctuation and operators are never passed to the engine."""
    return re.findall(r"\w+", query)


def search_body(article: Article) -> str:
    return "\n".join(
        [article.core_viewpoint, *(p.text for p in article.points()), *(c.text for c in article.claims)]
    )


_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
TEXT_INDEX = "text_index_version"  # meta key: how the stored articles' text was indexed
TEXT_INDEX_VERSION = "2"  # 2: Chinese indexed as overlapping character pairs


def fts_text(text: str) -> str:
    """Text as both full-text engines index it: neither splits Chinese into words, so a run of Han characters
    becomes its overlapping pairs (黄仁勋表示 -> 黄仁 仁勋 勋表 表示), which any two-character query matches."""

    def pairs(m: re.Match[str]) -> str:
        run = m.group()
        return " " + " ".join(run[i : i + 2] for i in range(max(1, len(run) - 1))) + " "

    return _CJK_RUN.sub(pairs, text)


def search_terms(query: str) -> list[str]:
    """The terms of a full-text query (Chinese as pairs); punctuation and operators never reach the engine."""
    return search_words(fts_text(query))[:32]


class SQLStore(ScopeQueries, ABC):
    """The Store protocol over any :class:`Conn`; a backend implements the abstract methods."""

    backend: str  # the migrations folder
    url: str

    # ------------------------------------------------------------------ what a backend provides

    @abstractmethod
    async def open(self) -> None: ...

    @abstractmethod
    async def close(self) -> None: ...

    @abstractmethod
    def transaction(self) -> contextlib.AbstractAsyncContextManager[Conn]:
        """One write transaction, committed on success and rolled back on any error or cancellation."""

    @property
    @abstractmethod
    def reader(self) -> Conn:
        """Where single reads go (outside any transaction)."""

    @abstractmethod
    async def _index_text(self, conn: Conn, article_id: str, title: str, body: str) -> None: ...

    @abstractmethod
    async def _unindex_text(self, conn: Conn, article_id: str) -> None: ...

    @abstractmethod
    async def search(self, query: str, limit: int = 25, guild_id: int | None = None) -> list[str]:
        """Article ids matching every word of a full-text query (the last word as a prefix, as typed so far),
        newest indexed first; with ``guild_id``, only what that server sees (0: the global articles)."""

    @abstractmethod
    async def _lock_migrations(self, conn: Conn) -> None:
        """Keep two processes from migrating at once (inside the migration transaction)."""

    @abstractmethod
    def _is_conflict(self, exc: BaseException) -> bool:
        """A unique-key race with another writer (worth one retry)."""

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
        return applied

    async def reindex_text(self) -> None:
        """Index every article's text again, oldest first (so the newest-first order holds)."""
        async with self.transaction() as conn:
            for row in await conn.fetch("SELECT id, data FROM articles ORDER BY added_at, id"):
                article = Article.model_validate_json(row["data"])
                await self._unindex_text(conn, article.id)
                await self._index_text(
                    conn, article.id, fts_text(article.title), fts_text(search_body(article))
                )
            await conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                TEXT_INDEX,
                TEXT_INDEX_VERSION,
            )

    async def schema_versions(self) -> list[int]:
        rows = await self.reader.fetch("SELECT version FROM schema_migrations ORDER BY version")
        return [int(r["version"]) for r in rows]

    # ------------------------------------------------------------------ articles

    async def upsert_article(
        self, article: Article, source_key: str | None = None, guild_id: int = GLOBAL
    ) -> IngestOutcome:
        """Store an article for one owner (global, or the server that added it). A source key already held
        by another article of that owner is a new version of it; a text the operator removed is skipped."""
        try:
            async with self.transaction() as conn:
                return await self._upsert(conn, article, source_key, guild_id)
        except Exception as exc:
            if not self._is_conflict(exc):
                raise
        # Another process stored the same article (or file) a moment ago: look again, once.
        async with self.transaction() as conn:
            return await self._upsert(conn, article, source_key, guild_id)

    async def _upsert(
        self, conn: Conn, article: Article, source_key: str | None, guild_id: int
    ) -> IngestOutcome:
        if guild_id == GLOBAL and await conn.fetchval(
            "SELECT 1 FROM article_tombstones WHERE guild_id = 0 AND article_id = ?", article.id
        ):
            return IngestOutcome.SKIPPED
        previous = None
        if source_key is not None:
            previous = await conn.fetchrow(
                "SELECT article_id, added_at FROM article_scopes WHERE guild_id = ? AND source_key = ?",
                guild_id,
                source_key,
            )
        if previous is not None and previous["article_id"] == article.id:
            return IngestOutcome.UNCHANGED
        outcome, added_at = IngestOutcome.ADDED, now_iso()
        renewed = previous is None and source_key is not None and guild_id == GLOBAL
        if renewed and await conn.fetchval(
            "SELECT 1 FROM article_tombstones WHERE guild_id = 0 AND source_key = ?", source_key
        ):
            outcome = IngestOutcome.RENEWED
        if previous is not None:  # a new version of the same file or upload
            added_at = str(previous["added_at"])
            await self._drop_scope(conn, str(previous["article_id"]), guild_id)
            outcome = IngestOutcome.UPDATED
        if not await conn.fetchval("SELECT 1 FROM articles WHERE id = ?", article.id):
            await self._insert(conn, article, added_at)
        held = await conn.fetchrow(
            "SELECT source_key FROM article_scopes WHERE article_id = ? AND guild_id = ?",
            article.id,
            guild_id,
        )
        if held is None:
            await conn.execute(
                "INSERT INTO article_scopes (article_id, guild_id, source_key, added_at) VALUES (?, ?, ?, ?)",
                article.id,
                guild_id,
                source_key,
                added_at,
            )
        elif outcome is not IngestOutcome.UPDATED:
            # The same text already held by this owner (another file with the same text: stored once).
            if held["source_key"] is None and source_key is not None:
                await conn.execute(
                    "UPDATE article_scopes SET source_key = ? WHERE article_id = ? AND guild_id = ?",
                    source_key,
                    article.id,
                    guild_id,
                )
            return IngestOutcome.UNCHANGED
        if guild_id != GLOBAL:  # a server adding a text it had hidden wants to see it
            await conn.execute(
                "DELETE FROM article_tombstones WHERE guild_id = ? AND article_id = ?", guild_id, article.id
            )
        await self._bump_version(conn)
        return outcome

    async def _insert(self, conn: Conn, article: Article, added_at: str) -> None:
        await conn.execute(
            "INSERT INTO articles (id, source_key, title, source, published_at, language, format, data, added_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            article.id,
            None,  # owners and their source keys are in article_scopes
            article.title,
            article.source,
            article.published_at,
            article.language,
            article.format.value,
            article.model_dump_json(),
            added_at,
            now_iso(),
        )
        for person in article.people:
            k = name_key(person.name) or person.name
            await conn.execute(
                "INSERT INTO people (key, name) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", k, person.name
            )
            person_id = await conn.fetchval("SELECT id FROM people WHERE key = ?", k)
            await conn.execute(
                "INSERT INTO mentions (article_id, person_id, name, aliases, organization, role)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, person_id) DO NOTHING",
                article.id,
                person_id,
                person.name,
                json.dumps(person.aliases, ensure_ascii=False),
                person.organization,
                person.role,
            )
        await conn.executemany(
            "INSERT INTO claims (article_id, idx, text, stance, speaker, citations, figures)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article.id,
                    i,
                    c.text,
                    c.stance.value,
                    c.speaker,
                    json.dumps(c.citations),
                    json.dumps([f.model_dump(mode="json") for f in c.figures], ensure_ascii=False),
                )
                for i, c in enumerate(article.claims)
            ],
        )
        await self._index_text(conn, article.id, fts_text(article.title), fts_text(search_body(article)))
        await conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
            TEXT_INDEX,
            TEXT_INDEX_VERSION,
        )

    async def _delete(self, conn: Conn, article_id: str) -> bool:
        people = [
            r["person_id"]
            for r in await conn.fetch("SELECT person_id FROM mentions WHERE article_id = ?", article_id)
        ]
        await self._unindex_text(conn, article_id)
        deleted = await conn.execute("DELETE FROM articles WHERE id = ?", article_id) > 0
        for person_id in people:  # a person no other article mentions goes with the article
            await conn.execute(
                "DELETE FROM people WHERE id = ? AND NOT EXISTS (SELECT 1 FROM mentions WHERE person_id = ?)",
                person_id,
                person_id,
            )
        return deleted

    async def delete_article(self, article_id: str) -> bool:
        async with self.transaction() as conn:
            deleted = await self._delete(conn, article_id)
            if deleted:
                await self._bump_version(conn)
            return deleted

    async def _bump_version(self, conn: Conn) -> None:
        """Count changes to the articles, so every process sharing the database notices them."""
        await conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE"
            " SET value = CAST(CAST(meta.value AS BIGINT) + 1 AS TEXT)",
            ARTICLES_VERSION,
        )

    async def articles_version(self) -> str:
        """Changes whenever an article is added, replaced or removed by any process."""
        return await self.get_meta(ARTICLES_VERSION) or "0"

    async def get_article(self, article_id: str) -> Article | None:
        data = await self.reader.fetchval("SELECT data FROM articles WHERE id = ?", article_id)
        return Article.model_validate_json(data) if data else None

    async def load_articles(self, guild_id: int | None = None, only_own: bool = False) -> list[Article]:
        """Every stored article, or those one owner holds (0: the global ones), newest first; ``only_own``:
        a server's articles that are not global too."""
        sql = "SELECT data FROM articles"
        args: tuple[Any, ...] = ()
        if guild_id is not None:
            sql += " WHERE id IN (SELECT article_id FROM article_scopes WHERE guild_id = ?)"
            args = (guild_id,)
            if only_own:
                sql += " AND id NOT IN (SELECT article_id FROM article_scopes WHERE guild_id = 0)"
        rows = await self.reader.fetch(
            sql + " ORDER BY published_at DESC NULLS LAST, added_at DESC, id", *args
        )
        with bulk_load():
            return [Article.model_validate_json(r["data"]) for r in rows]

    async def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for table in ("articles", "people", "mentions", "claims"):
            out[table] = int(await self.reader.fetchval(f"SELECT COUNT(*) FROM {table}") or 0)
        return out

    async def table_counts(self) -> dict[str, int]:
        """Rows in every table (``db copy`` compares these)."""
        return {t: int(await self.reader.fetchval(f"SELECT COUNT(*) FROM {t}") or 0) for t in TABLES}

    async def get_meta(self, key: str) -> str | None:
        value = await self.reader.fetchval("SELECT value FROM meta WHERE key = ?", key)
        return str(value) if value is not None else None

    async def set_meta(self, key: str, value: str) -> None:
        await self._write(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            key,
            value,
        )

    # ------------------------------------------------------------------ digest schedules and runs

    async def get_digest_settings(self, guild_id: int) -> dict[str, Any] | None:
        return await self.reader.fetchrow("SELECT * FROM guild_digest WHERE guild_id = ?", guild_id)

    async def all_digest_settings(self) -> list[dict[str, Any]]:
        return await self.reader.fetch("SELECT * FROM guild_digest ORDER BY guild_id")

    async def put_digest_settings(self, guild_id: int, values: dict[str, Any]) -> None:
        row = [values.get(c, "en") if c == "language" else values[c] for c in DIGEST_COLUMNS]
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

    # ------------------------------------------------------------------ usage

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

    async def _write(self, sql: str, *args: Any) -> int:
        async with self.transaction() as conn:
            return await conn.execute(sql, *args)

    async def forget_user(self, user_id: int) -> int:
        """Delete every row that names a member: their usage, their follows and the follows' alerts."""
        async with self.transaction() as conn:
            deleted = await conn.execute("DELETE FROM usage_events WHERE user_id = ?", user_id)
            await conn.execute(
                "DELETE FROM follow_alerts WHERE follow_id IN (SELECT id FROM follows WHERE user_id = ?)",
                user_id,
            )
            return deleted + await conn.execute("DELETE FROM follows WHERE user_id = ?", user_id)

    async def purge_usage(self, before: str) -> int:
        deleted = await self._write("DELETE FROM usage_events WHERE at < ?", before)
        await self._write("DELETE FROM usage_autocomplete WHERE minute < ?", before[:16])
        return deleted

    async def count_usage(self) -> int:
        return int(await self.reader.fetchval("SELECT COUNT(*) FROM usage_events") or 0)

    # ------------------------------------------------------------------ follows and their alerts

    async def add_follow(
        self, guild_id: int, user_id: int, kind: str, key: str, name: str, channel_id: int | None
    ) -> tuple[int, bool]:
        """(follow id, whether it is new). Following again only moves the alerts to ``channel_id``."""
        async with self.transaction() as conn:
            existing = await conn.fetchval(
                "SELECT id FROM follows WHERE guild_id = ? AND user_id = ? AND kind = ? AND target_key = ?",
                guild_id,
                user_id,
                kind,
                key,
            )
            if existing is not None:
                await conn.execute("UPDATE follows SET channel_id = ? WHERE id = ?", channel_id, existing)
                return int(existing), False
            follow_id = await conn.fetchval(
                "INSERT INTO follows (guild_id, user_id, kind, target_key, target_name, channel_id, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                guild_id,
                user_id,
                kind,
                key,
                name,
                channel_id,
                now_iso(),
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

    # ------------------------------------------------------------------ feed entries

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
