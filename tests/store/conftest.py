"""One store fixture for both backends: every contract test runs on SQLite and on PostgreSQL.

PostgreSQL runs when ``NEWSDESK_TEST_POSTGRES_URL`` is set (``.ci/run`` sets it to the build machines' server);
each test gets a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.store import open_store
from bot.store.sql import SQLStore

POSTGRES_URL = os.environ.get("NEWSDESK_TEST_POSTGRES_URL", "")
NO_POSTGRES = (
    "PostgreSQL tests skipped: set NEWSDESK_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test "
    "(.ci/run does) to run it"
)


def postgres_url(schema: str) -> str:
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    joiner = "&" if "?" in POSTGRES_URL else "?"
    return f"{POSTGRES_URL}{joiner}schema={schema}"


def new_schema() -> str:
    return f"nd_test_{uuid.uuid4().hex[:12]}"


@pytest.fixture(params=["sqlite", "postgres"])
async def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/db/newsdesk.db"
        return
    schema = new_schema()
    yield postgres_url(schema)
    import asyncpg  # the schema goes whatever the test did (a failed test included)

    conn = await asyncpg.connect(POSTGRES_URL)
    try:
        await conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    finally:
        await conn.close()


@pytest.fixture
async def store(store_url: str) -> AsyncIterator[SQLStore]:
    s = open_store(store_url)
    assert isinstance(s, SQLStore)
    await s.open()
    yield s
    await drop(s)


async def drop(s: SQLStore) -> None:
    drop_schema: Callable[[], object] | None = getattr(s, "drop_schema", None)
    if drop_schema is not None and s.backend == "postgres":
        await drop_schema()  # type: ignore[misc]
    await s.close()
