"""Persistence behind one Store (bot.store.sql.SQLStore): SQLite (aiosqlite) by default, PostgreSQL (asyncpg)."""

from __future__ import annotations

from enum import StrEnum

from ..settings import redact_url


class IngestOutcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"  # the operator removed this text: it stays removed
    RENEWED = "renewed"  # added: a new version of a file whose earlier text the operator removed


class StoreError(RuntimeError):
    """The store cannot do what was asked (bad URL, unreadable database); the message says what to do."""


def open_store(url: str) -> SQLStore:
    """The store for a database URL (not yet opened): ``sqlite:///path``, ``sqlite:///:memory:``,
    ``postgresql://user@host:5432/db[?schema=name]``."""
    if url.startswith("sqlite:"):
        from .sqlite import SQLiteStore

        return SQLiteStore(url)
    if url.startswith(("postgres://", "postgresql://")):
        try:
            from .postgres import PostgresStore
        except ModuleNotFoundError as exc:
            if exc.name != "asyncpg":
                raise
            raise StoreError(
                "PostgreSQL needs asyncpg: install Newsdesk with the postgres extra (pip install -e '.[postgres]')"
            ) from exc
        return PostgresStore(url)
    raise StoreError(
        f"unsupported database URL {url!r}: use sqlite:///path/to/newsdesk.db or postgresql://user@host/db"
    )


# Every backend is an SQLStore: the store's one definition (its queries are written once in sql.py).
from .sql import SQLStore  # noqa: E402  (after IngestOutcome and StoreError, which sql.py imports)

Store = SQLStore

__all__ = ["IngestOutcome", "SQLStore", "Store", "StoreError", "open_store", "redact_url"]
