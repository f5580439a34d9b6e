"""The store's core, shared by every feature module: the connection protocol, timestamps, migrations, and
:class:`StoreCore` (transactions, single writes, meta values) that each feature's queries build on."""

from __future__ import annotations

import contextlib
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from importlib import resources
from typing import Any, Protocol


class Conn(Protocol):
    """One connection (or pool) of a backend, with ``?`` placeholders and rows as dicts."""

    async def fetch(self, sql: str, *args: Any) -> list[dict[str, Any]]: ...

    async def fetchrow(self, sql: str, *args: Any) -> dict[str, Any] | None: ...

    async def fetchval(self, sql: str, *args: Any) -> Any: ...

    async def execute(self, sql: str, *args: Any) -> int:
        """Run one statement; the number of rows it changed."""
        ...

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def migrations(backend: str) -> list[tuple[int, str]]:
    """The numbered ``NNN_name.sql`` files of one backend, in order."""
    folder = resources.files("bot.store").joinpath("migrations", backend)
    found: list[tuple[int, str]] = []
    for entry in folder.iterdir():
        m = re.match(r"(\d+)_.*\.sql$", entry.name)
        if m:
            found.append((int(m.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


def statements(sql: str) -> list[str]:
    """Split a migration file into statements (no semicolons inside our SQL literals)."""
    cleaned = "\n".join(re.sub(r"--.*$", "", line) for line in sql.splitlines())
    return [s.strip() for s in cleaned.split(";") if s.strip()]


ARTICLES_VERSION = "articles_version"  # meta key: counts changes to the articles (other processes watch it)


class StoreCore(ABC):
    """What every feature's queries use: transactions, a reader, one-statement writes and meta values. A
    backend (SQLite, PostgreSQL) provides the first two; :class:`bot.store.sql.SQLStore` combines the
    features."""

    @abstractmethod
    def transaction(self) -> contextlib.AbstractAsyncContextManager[Conn]:
        """One write transaction, committed on success and rolled back on any error or cancellation."""

    @property
    @abstractmethod
    def reader(self) -> Conn:
        """Where single reads go (outside any transaction)."""

    @abstractmethod
    def _is_conflict(self, exc: BaseException) -> bool:
        """A unique-key race with another writer (worth one retry)."""

    async def _write(self, sql: str, *args: Any) -> int:
        async with self.transaction() as conn:
            return await conn.execute(sql, *args)

    async def get_meta(self, key: str) -> str | None:
        value = await self.reader.fetchval("SELECT value FROM meta WHERE key = ?", key)
        return str(value) if value is not None else None

    async def set_meta(self, key: str, value: str) -> None:
        await self._write(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            key,
            value,
        )

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
