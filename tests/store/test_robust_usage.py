"""One usage row the database cannot store never blocks the others (SQLite and PostgreSQL)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.store.sql import SQLStore
from bot.usage import UsageEvent, UsageRecorder

RECENT = datetime.now(UTC) - timedelta(hours=1)


def event(i: int, **kw: Any) -> UsageEvent:
    base: dict[str, Any] = {
        "at": RECENT + timedelta(seconds=i),
        "guild_id": 1,
        "channel_id": 2,
        "user_id": 100 + i,
        "command": "person",
        "options": {"name": f"n{i}"},
        "latency_ms": 5.0,
        "outcome": "ok",
    }
    base.update(kw)
    return UsageEvent(**base)


async def test_a_poisoned_row_is_repaired_or_dropped_and_the_rest_are_written(store: SQLStore) -> None:
    recorder = UsageRecorder(store, interval=60, batch=100)
    recorder.count_autocomplete(1, "person", RECENT)
    for i in range(20):
        recorder.record(event(i))
    recorder.record(event(20, options={"name": "lone \ud800 surrogate"}))  # not UTF-8: repaired
    recorder.record(event(21, person="nul\x00byte"))  # PostgreSQL text cannot hold NUL: repaired
    recorder.record(event(22, channel_id=2**70))  # fits no integer column: dropped, counted
    for i in range(23, 30):
        recorder.record(event(i))
    assert await recorder.flush() == 29
    assert recorder.pending == 0
    assert (recorder.repaired, recorder.rejected, recorder.dropped) == (2, 1, 1)
    rows = await store.usage_rows("2000-01-01")
    assert len(rows) == 29
    by_user = {r["user_id"]: r for r in rows}
    assert "lone \ufffd surrogate" in by_user[120]["options"]
    assert by_user[121]["person"] == "nul\ufffdbyte"
    assert 122 not in by_user
    assert await store.autocomplete_counts(RECENT.replace(second=0).isoformat()) == {"person": 1}
    # later events are not held up by it
    recorder.record(event(40))
    await recorder.close()
    assert await store.count_usage() == 30


class AwayAfter:
    """A store that accepts ``budget`` writes and is then away (OperationalError) until ``up`` is set; it refuses
    any row that mentions "poison" (a data error)."""

    def __init__(self, real: SQLStore, budget: int) -> None:
        self.real, self.budget, self.up = real, budget, False

    async def write_usage(self, rows: list[Any], autocomplete: list[Any]) -> None:
        if any("poison" in str(row) for row in rows):
            raise sqlite3.DataError("cannot store poison")
        if not self.up and self.budget <= 0:
            raise sqlite3.OperationalError("unable to open database file")
        self.budget -= 1
        await self.real.write_usage(rows, autocomplete)

    async def purge_usage(self, before: str) -> int:
        return 0


async def test_an_outage_during_the_row_by_row_pass_keeps_the_rest_and_counts_once(store: SQLStore) -> None:
    away = AwayAfter(store, budget=0)
    recorder = UsageRecorder(away, interval=60, batch=100)  # type: ignore[arg-type]
    recorder.count_autocomplete(1, "person", RECENT)
    for i in range(10):
        recorder.record(event(i, person="poison" if i == 0 else None))
    assert await recorder.flush() == 0 and recorder.pending == 10  # away: nothing dropped
    away.budget = 3  # the counts and two good rows go in, then the database goes away again
    assert await recorder.flush() == 2
    assert (recorder.rejected, recorder.dropped, recorder.pending) == (1, 1, 7)
    away.up = True
    await recorder.close()
    assert await store.count_usage() == 9
    assert await store.autocomplete_counts(RECENT.replace(second=0).isoformat()) == {"person": 1}


def test_what_counts_as_the_rows_fault() -> None:
    from bot.usage import is_data_error

    assert is_data_error(UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogate"))
    assert is_data_error(OverflowError("Python int too large to convert to SQLite INTEGER"))
    assert is_data_error(sqlite3.DataError("string or blob too big"))
    assert not is_data_error(sqlite3.OperationalError("database is locked"))
    assert not is_data_error(ValueError("no active connection"))  # aiosqlite after close: keep the rows
    assert not is_data_error(ConnectionResetError())
