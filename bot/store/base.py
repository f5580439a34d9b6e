"""The store's core, shared by every feature module: the connection protocol, timestamps, migrations."""

from __future__ import annotations

import re
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
