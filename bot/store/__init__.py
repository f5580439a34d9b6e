"""Persistence behind one Store protocol. SQLite (aiosqlite) is the default backend."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Protocol

from bot.article import Article


class IngestOutcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


class StoreError(RuntimeError):
    """The store cannot do what was asked (bad URL, unreadable database); the message says what to do."""


class Store(Protocol):
    url: str

    async def open(self) -> None: ...

    async def close(self) -> None: ...

    async def upsert_article(self, article: Article, source_key: str | None = None) -> IngestOutcome:
        """Store one article all-or-nothing. The same content again is UNCHANGED; new content under a known
        ``source_key`` replaces the old version (UPDATED)."""
        ...

    async def delete_article(self, article_id: str) -> bool: ...

    async def get_article(self, article_id: str) -> Article | None: ...

    async def load_articles(self) -> list[Article]: ...

    async def source_keys(self) -> dict[str, str]:
        """source_key -> article id, for every article that came from a file."""
        ...

    async def search(self, query: str, limit: int = 25) -> list[str]:
        """Article ids matching a full-text query, best first."""
        ...

    async def counts(self) -> dict[str, int]: ...

    async def articles_version(self) -> str:
        """Changes whenever any process adds, replaces or removes an article."""
        ...

    async def feed_entry_seen(self, feed_url: str, entry_key: str, content_hash: str) -> bool: ...

    async def record_feed_entry(
        self, feed_url: str, entry_key: str, content_hash: str, article_id: str | None
    ) -> None: ...

    async def get_meta(self, key: str) -> str | None: ...

    async def set_meta(self, key: str, value: str) -> None: ...


def redact_url(url: str) -> str:
    """A database URL without its password, for messages and logs."""
    return re.sub(r"(//[^:/@]+):[^@/]*@", r"\1:***@", url)


def open_store(url: str) -> Store:
    """The store for a database URL (not yet opened): ``sqlite:///path``, ``sqlite:///:memory:``,
    ``postgresql://user@host:5432/db[?schema=name]``."""
    if url.startswith("sqlite:"):
        from .sqlite import SQLiteStore

        return SQLiteStore(url)
    if url.startswith(("postgres://", "postgresql://")):
        try:
            from .postgres import PostgresStore
        except ImportError as exc:
            raise StoreError(
                "PostgreSQL needs asyncpg: install Newsdesk with the postgres extra (pip install -e '.[postgres]')"
            ) from exc
        return PostgresStore(url)
    raise StoreError(
        f"unsupported database URL {url!r}: use sqlite:///path/to/newsdesk.db or postgresql://user@host/db"
    )


__all__ = ["IngestOutcome", "Store", "StoreError", "open_store", "redact_url"]
