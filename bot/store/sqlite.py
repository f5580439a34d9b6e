"""The SQLite store (aiosqlite, WAL, numbered migrations). One article is written in one transaction."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import aiosqlite

from bot.article import Article
from bot.article.names import key as name_key

from . import IngestOutcome, StoreError


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


def migrations(backend: str) -> list[tuple[int, str]]:
    folder = resources.files("bot.store").joinpath("migrations", backend)
    found: list[tuple[int, str]] = []
    for entry in folder.iterdir():
        m = re.match(r"(\d+)_.*\.sql$", entry.name)
        if m:
            found.append((int(m.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


def _make_parent(path: str) -> None:
    Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteStore:
    def __init__(self, url: str) -> None:
        self.url = url
        self.path = sqlite_path(url)
        self._db: aiosqlite.Connection | None = None
        self._lock = asyncio.Lock()  # one writer at a time on the shared connection

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise StoreError("the store is not open")
        return self._db

    async def open(self) -> None:
        if self.path != ":memory:":
            await asyncio.to_thread(_make_parent, self.path)
        try:
            self._db = await aiosqlite.connect(self.path, isolation_level=None)
            await self.db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                await self.db.execute("PRAGMA journal_mode = WAL")
            await self.db.execute("PRAGMA synchronous = NORMAL")
            await self.db.execute("PRAGMA busy_timeout = 5000")
            await self.migrate()
        except aiosqlite.DatabaseError as exc:
            await self.close()
            raise StoreError(f"cannot open SQLite database {self.path}: {exc}") from exc

    async def close(self) -> None:
        if self._db is not None:
            await self._db.close()
            self._db = None

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """One write transaction at a time on the shared connection, rolled back on any error or cancellation.

        Every coroutine of the bot shares this connection; without the lock a digest record could start inside
        a usage batch's transaction and be rolled back with it."""
        async with self._lock:
            await self._rollback_stale()
            try:
                await self.db.execute("BEGIN IMMEDIATE")
                yield self.db
            except BaseException:
                if self.db.in_transaction:
                    await self.db.execute("ROLLBACK")
                raise
            await self.db.execute("COMMIT")

    async def _rollback_stale(self) -> None:
        # A caller cancelled while its BEGIN was running leaves a transaction open with no owner.
        if self.db.in_transaction:
            await self.db.execute("ROLLBACK")

    async def _write(self, sql: str, args: tuple[Any, ...] = ()) -> int:
        """A single-statement write, serialized with the transactions; returns the rows changed."""
        async with self._lock:
            await self._rollback_stale()
            cur = await self.db.execute(sql, args)
            changed = cur.rowcount
            await cur.close()
            return int(changed)

    async def migrate(self) -> list[int]:
        """Apply the numbered migrations not yet applied; returns the versions applied now."""
        await self.db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        async with self.db.execute("SELECT version FROM schema_migrations") as cur:
            done = {row[0] for row in await cur.fetchall()}
        applied: list[int] = []
        for version, sql in migrations("sqlite"):
            if version in done:
                continue
            async with self.transaction() as db:
                for statement in _statements(sql):
                    await db.execute(statement)
                await db.execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", (version, _now())
                )
            applied.append(version)
        return applied

    async def upsert_article(self, article: Article, source_key: str | None = None) -> IngestOutcome:
        async with self.transaction():
            return await self._upsert(article, source_key)

    async def _upsert(self, article: Article, source_key: str | None) -> IngestOutcome:
        db = self.db
        async with db.execute("SELECT id, source_key FROM articles WHERE id = ?", (article.id,)) as cur:
            same = await cur.fetchone()
        previous = None
        if source_key is not None:
            async with db.execute("SELECT id FROM articles WHERE source_key = ?", (source_key,)) as cur:
                row = await cur.fetchone()
                previous = row[0] if row else None
        if same is not None:
            if source_key is not None and same[1] is None:
                await db.execute("UPDATE articles SET source_key = ? WHERE id = ?", (source_key, article.id))
            return IngestOutcome.UNCHANGED
        outcome = IngestOutcome.ADDED
        added_at = _now()
        if previous is not None:
            async with db.execute("SELECT added_at FROM articles WHERE id = ?", (previous,)) as cur:
                row = await cur.fetchone()
                added_at = row[0] if row else added_at
            await self._delete(previous)
            outcome = IngestOutcome.UPDATED
        await self._insert(article, source_key, added_at)
        return outcome

    async def _insert(self, article: Article, source_key: str | None, added_at: str) -> None:
        db = self.db
        data = article.model_dump_json()
        await db.execute(
            "INSERT INTO articles (id, source_key, title, source, published_at, language, format, data, added_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                source_key,
                article.title,
                article.source,
                article.published_at,
                article.language,
                article.format.value,
                data,
                added_at,
                _now(),
            ),
        )
        for person in article.people:
            k = name_key(person.name) or person.name
            await db.execute("INSERT OR IGNORE INTO people (key, name) VALUES (?, ?)", (k, person.name))
            async with db.execute("SELECT id FROM people WHERE key = ?", (k,)) as cur:
                row = await cur.fetchone()
            assert row is not None
            await db.execute(
                "INSERT OR IGNORE INTO mentions (article_id, person_id, name, aliases, organization, role)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    row[0],
                    person.name,
                    json.dumps(person.aliases, ensure_ascii=False),
                    person.organization,
                    person.role,
                ),
            )
        await db.executemany(
            "INSERT INTO claims (article_id, idx, text, stance, speaker, citations, figures) VALUES (?, ?, ?, ?, ?, ?, ?)",
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
        body = "\n".join(
            [article.core_viewpoint, *(p.text for p in article.points()), *(c.text for c in article.claims)]
        )
        await db.execute(
            "INSERT INTO article_fts (article_id, title, body) VALUES (?, ?, ?)",
            (article.id, article.title, body),
        )

    async def _delete(self, article_id: str) -> bool:
        db = self.db
        await db.execute("DELETE FROM article_fts WHERE article_id = ?", (article_id,))
        cur = await db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        deleted = cur.rowcount > 0
        await cur.close()
        await db.execute("DELETE FROM people WHERE id NOT IN (SELECT person_id FROM mentions)")
        return deleted

    async def delete_article(self, article_id: str) -> bool:
        async with self.transaction():
            return await self._delete(article_id)

    async def get_article(self, article_id: str) -> Article | None:
        async with self.db.execute("SELECT data FROM articles WHERE id = ?", (article_id,)) as cur:
            row = await cur.fetchone()
        return Article.model_validate_json(row[0]) if row else None

    async def load_articles(self) -> list[Article]:
        async with self.db.execute(
            "SELECT data FROM articles ORDER BY published_at DESC, added_at DESC"
        ) as cur:
            rows = await cur.fetchall()
        return [Article.model_validate_json(r[0]) for r in rows]

    async def source_keys(self) -> dict[str, str]:
        async with self.db.execute("SELECT source_key, id FROM articles WHERE source_key IS NOT NULL") as cur:
            return {r[0]: r[1] for r in await cur.fetchall()}

    async def search(self, query: str, limit: int = 25) -> list[str]:
        words = re.findall(r"\w+", query)
        if not words:
            return []
        match = " AND ".join('"' + w.replace('"', "") + '"' for w in words)
        async with self.db.execute(
            "SELECT article_id FROM article_fts WHERE article_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        ) as cur:
            return [r[0] for r in await cur.fetchall()]

    async def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for table in ("articles", "people", "mentions", "claims"):
            async with self.db.execute(f"SELECT COUNT(*) FROM {table}") as cur:
                row = await cur.fetchone()
                out[table] = int(row[0]) if row else 0
        return out

    async def get_meta(self, key: str) -> str | None:
        async with self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)) as cur:
            row = await cur.fetchone()
        return row[0] if row else None

    async def set_meta(self, key: str, value: str) -> None:
        await self._write(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # ------------------------------------------------------------------ articles by time added

    async def added_since(self, since: str) -> list[tuple[str, str]]:
        """(article id, added_at) for articles added after ``since`` (UTC ISO), newest first."""
        async with self.db.execute(
            "SELECT id, added_at FROM articles WHERE added_at > ? ORDER BY added_at DESC", (since,)
        ) as cur:
            return [(r[0], r[1]) for r in await cur.fetchall()]

    # ------------------------------------------------------------------ digest schedules and runs

    async def get_digest_settings(self, guild_id: int) -> dict[str, Any] | None:
        async with self.db.execute("SELECT * FROM guild_digest WHERE guild_id = ?", (guild_id,)) as cur:
            row = await cur.fetchone()
            return dict(zip([c[0] for c in cur.description], row, strict=True)) if row else None

    async def all_digest_settings(self) -> list[dict[str, Any]]:
        async with self.db.execute("SELECT * FROM guild_digest") as cur:
            rows = await cur.fetchall()
            return [dict(zip([c[0] for c in cur.description], r, strict=True)) for r in rows]

    async def put_digest_settings(self, guild_id: int, values: dict[str, Any]) -> None:
        cols = [
            "channel_id",
            "at",
            "zone",
            "max_articles",
            "skip_empty",
            "enabled",
            "paused",
            "failures",
            "effective_from",
            "language",
        ]
        row = [values.get(c, "en") if c == "language" else values[c] for c in cols]
        await self._write(
            f"INSERT INTO guild_digest (guild_id, {', '.join(cols)}, updated_at) VALUES (?, {', '.join('?' for _ in cols)}, ?)"
            f" ON CONFLICT (guild_id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in cols)}, updated_at = excluded.updated_at",
            (guild_id, *row, _now()),
        )

    async def begin_digest(
        self, guild_id: int, channel_id: int, local_date: str | None, nonce: str | None, window_end: str
    ) -> tuple[int, str]:
        """Record a run before posting. For a scheduled run (``local_date`` set) an existing record for that
        server and date is returned instead: (run id, status) — 'pending' means a crash interrupted it."""
        async with self.transaction() as db:
            if local_date is not None:
                async with db.execute(
                    "SELECT id, status FROM digest_runs WHERE guild_id = ? AND local_date = ? AND scheduled = 1",
                    (guild_id, local_date),
                ) as cur:
                    row = await cur.fetchone()
                if row is not None:
                    return int(row[0]), str(row[1])
            cur2 = await db.execute(
                "INSERT INTO digest_runs (guild_id, local_date, scheduled, status, channel_id, nonce, window_end, started_at)"
                " VALUES (?, ?, ?, 'pending', ?, ?, ?, ?)",
                (
                    guild_id,
                    local_date,
                    1 if local_date is not None else 0,
                    channel_id,
                    nonce,
                    window_end,
                    _now(),
                ),
            )
            run_id = int(cur2.lastrowid or 0)
            await cur2.close()
        return run_id, "new"

    async def finish_digest(
        self, run_id: int, status: str, message_ids: list[int], articles: int, error: str | None = None
    ) -> None:
        await self._write(
            "UPDATE digest_runs SET status = ?, message_ids = ?, articles = ?, error = ?, finished_at = ? WHERE id = ?",
            (status, json.dumps(message_ids), articles, error, _now(), run_id),
        )

    async def digest_runs(self, guild_id: int, limit: int = 10) -> list[dict[str, Any]]:
        async with self.db.execute(
            "SELECT * FROM digest_runs WHERE guild_id = ? ORDER BY id DESC LIMIT ?", (guild_id, limit)
        ) as cur:
            rows = await cur.fetchall()
            names = [c[0] for c in cur.description]
        out = [dict(zip(names, r, strict=True)) for r in rows]
        for r in out:
            r["message_ids"] = json.loads(r["message_ids"] or "[]")
        return out

    async def last_scheduled_digest(self, guild_id: int) -> dict[str, Any] | None:
        """The latest finished scheduled run; an interrupted ('pending') one does not count, so it is resumed."""
        async with self.db.execute(
            "SELECT * FROM digest_runs WHERE guild_id = ? AND scheduled = 1 AND status != 'pending'"
            " ORDER BY local_date DESC LIMIT 1",
            (guild_id,),
        ) as cur:
            row = await cur.fetchone()
            return dict(zip([c[0] for c in cur.description], row, strict=True)) if row else None

    async def last_window_end(self, guild_id: int) -> str | None:
        """Where the previous successful digest (scheduled or not) stopped looking for articles."""
        async with self.db.execute(
            "SELECT MAX(window_end) FROM digest_runs WHERE guild_id = ? AND status IN ('posted', 'empty')",
            (guild_id,),
        ) as cur:
            row = await cur.fetchone()
            return row[0] if row and row[0] else None

    # ------------------------------------------------------------------ usage

    USAGE_COLUMNS = (
        "at", "guild_id", "channel_id", "user_id", "command", "options",
        "latency_ms", "outcome", "error_type", "person", "article_id",
    )  # fmt: skip

    async def write_usage(
        self, rows: list[tuple[Any, ...]], autocomplete: list[tuple[str, int, str, int]]
    ) -> None:
        """Write a batch in one transaction: usage rows (USAGE_COLUMNS order) and autocomplete counts."""
        async with self.transaction() as db:
            if rows:
                await db.executemany(
                    f"INSERT INTO usage_events ({', '.join(self.USAGE_COLUMNS)}) VALUES ({', '.join('?' for _ in self.USAGE_COLUMNS)})",
                    rows,
                )
            if autocomplete:
                await db.executemany(
                    "INSERT INTO usage_autocomplete (minute, guild_id, command, count) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (minute, guild_id, command) DO UPDATE SET count = count + excluded.count",
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
        async with self.db.execute(sql + " ORDER BY at", args) as cur:
            names = [c[0] for c in cur.description]
            return [dict(zip(names, r, strict=True)) for r in await cur.fetchall()]

    async def autocomplete_counts(self, since: str, guild_id: int | None = None) -> dict[str, int]:
        sql = "SELECT command, SUM(count) FROM usage_autocomplete WHERE minute >= ?"
        args: list[Any] = [since[:16]]
        if guild_id is not None:
            sql += " AND guild_id = ?"
            args.append(guild_id)
        async with self.db.execute(sql + " GROUP BY command", args) as cur:
            return {r[0]: int(r[1]) for r in await cur.fetchall()}

    async def forget_user(self, user_id: int) -> int:
        return await self._write("DELETE FROM usage_events WHERE user_id = ?", (user_id,))

    async def purge_usage(self, before: str) -> int:
        deleted = await self._write("DELETE FROM usage_events WHERE at < ?", (before,))
        await self._write("DELETE FROM usage_autocomplete WHERE minute < ?", (before[:16],))
        return deleted

    async def count_usage(self) -> int:
        async with self.db.execute("SELECT COUNT(*) FROM usage_events") as cur:
            row = await cur.fetchone()
            return int(row[0]) if row else 0

    async def integrity_check(self) -> str:
        async with self.db.execute("PRAGMA integrity_check") as cur:
            row = await cur.fetchone()
        return str(row[0]) if row else "no answer"


def _statements(sql: str) -> list[str]:
    """Split a migration file into statements (no semicolons inside our SQL literals)."""
    cleaned = "\n".join(re.sub(r"--.*$", "", line) for line in sql.splitlines())
    return [s.strip() for s in cleaned.split(";") if s.strip()]
