"""``python -m bot db copy SRC DST``: move a deployment between stores (SQLite -> PostgreSQL) without losing a row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import StoreError, open_store
from .sql import TABLES, SQLStore


@dataclass
class CopyReport:
    source: dict[str, int] = field(default_factory=dict)
    destination: dict[str, int] = field(default_factory=dict)

    @property
    def mismatches(self) -> list[str]:
        return [t for t in TABLES if self.source.get(t) != self.destination.get(t)]


async def _open(url: str) -> SQLStore:
    store = open_store(url)
    if not isinstance(store, SQLStore):  # pragma: no cover - every backend is an SQLStore today
        raise StoreError(f"cannot copy from or to {url!r}")
    await store.open()
    return store


def _source_exists(url: str) -> None:
    """A SQLite source must be there already: opening a mistyped path would create an empty database."""
    if url.startswith("sqlite:"):
        from .sqlite import sqlite_path

        path = sqlite_path(url)
        if path != ":memory:" and not Path(path).is_file():
            raise StoreError(f"the source database {path} does not exist; check the path in {url}")


async def copy_store(
    source_url: str, destination_url: str, step: Callable[[str, int], None] | None = None
) -> CopyReport:
    """Copy every table; the destination must be empty. Counts are compared at the end (see the report)."""
    if source_url == destination_url:
        raise StoreError("the source and the destination are the same database")
    _source_exists(source_url)
    source = await _open(source_url)
    try:
        destination = await _open(destination_url)
        try:
            already = {t: n for t, n in (await destination.table_counts()).items() if n}
            if already:
                held = ", ".join(f"{n} {t}" for t, n in already.items())
                raise StoreError(
                    f"the destination already holds rows ({held}); copy into an empty database or schema"
                )
            report = CopyReport(source=await source.table_counts())
            for table in TABLES:
                async for rows in source.dump_table(table):
                    await destination.load_rows(table, rows)
                    if step is not None:
                        step(table, len(rows))
            await destination.after_copy()
            report.destination = await destination.table_counts()
            return report
        finally:
            await destination.close()
    finally:
        await source.close()
