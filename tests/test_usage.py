"""The usage recorder: batches, clean stops, a database that goes away, the bound, summaries and the chart."""

from __future__ import annotations

import asyncio
import sqlite3
import struct
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.render import embeds
from bot.render.chart import daily_usage_png
from bot.render.limits import violations
from bot.store import open_store
from bot.store.sqlite import SQLiteStore
from bot.store.usage import USAGE_COLUMNS
from bot.usage import UsageEvent, UsageRecorder, cut_options, percentile, summarize

T0 = datetime(2026, 6, 10, 12, 0, tzinfo=UTC)
RECENT = datetime.now(UTC) - timedelta(hours=1)  # inside the retention window, so the daily purge keeps it


def event(i: int, **kw: Any) -> UsageEvent:
    base: dict[str, Any] = {
        "at": RECENT + timedelta(seconds=i),
        "guild_id": 1,
        "channel_id": 2,
        "user_id": 100 + i % 3,
        "command": "person",
        "options": {"name": f"n{i}"},
        "latency_ms": float(i % 50),
        "outcome": "ok",
    }
    base.update(kw)
    return UsageEvent(**base)


@pytest.fixture
async def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = open_store(f"sqlite:///{tmp_path}/usage.db")
    await s.open()
    yield s
    await s.close()


async def test_clean_stop_after_10000_events_loses_none(store: SQLiteStore) -> None:
    recorder = UsageRecorder(store, interval=60, batch=500)
    recorder.start()
    for i in range(10_000):
        recorder.record(event(i))
    await recorder.close()
    assert await store.count_usage() == 10_000
    assert recorder.pending == 0


async def test_batches_are_written_by_the_background_task(store: SQLiteStore) -> None:
    recorder = UsageRecorder(store, interval=0.05, batch=500)
    recorder.start()
    for i in range(120):
        recorder.record(event(i))
    for _ in range(100):
        if await store.count_usage() == 120:
            break
        await asyncio.sleep(0.02)
    assert await store.count_usage() == 120
    await recorder.close()


class FlakyStore:
    """A store whose database is away until ``up`` is set."""

    def __init__(self, real: SQLiteStore) -> None:
        self.real = real
        self.up = False
        self.attempts = 0

    async def write_usage(self, rows: list[Any], autocomplete: list[Any]) -> None:
        self.attempts += 1
        if not self.up:
            raise sqlite3.OperationalError("unable to open database file")
        await self.real.write_usage(rows, autocomplete)

    async def purge_usage(self, before: str) -> int:
        return 0


async def test_database_that_disappears_and_returns_loses_nothing_within_the_bound(
    store: SQLiteStore,
) -> None:
    flaky = FlakyStore(store)
    recorder = UsageRecorder(flaky, interval=60, batch=100, bound=5_000)  # type: ignore[arg-type]
    for i in range(3_000):
        recorder.record(event(i))
    assert await recorder.flush() == 0  # the database is away: nothing written, nothing lost
    assert recorder.pending == 3_000
    for i in range(3_000, 4_500):
        recorder.record(event(i))
    flaky.up = True
    await recorder.close()
    assert await store.count_usage() == 4_500
    assert recorder.dropped == 0


async def test_past_the_bound_the_oldest_are_dropped_and_counted(store: SQLiteStore) -> None:
    flaky = FlakyStore(store)
    recorder = UsageRecorder(flaky, interval=60, batch=100, bound=1_000)  # type: ignore[arg-type]
    for i in range(1_500):
        recorder.record(event(i))
        if i == 700:
            await recorder.flush()  # fails; the batch goes back in front
    assert recorder.dropped == 500
    flaky.up = True
    await recorder.close()
    rows = await store.usage_rows("2000-01-01")
    assert len(rows) == 1_000
    assert rows[0]["options"] == '{"name": "n500"}'  # the 500 oldest were dropped, the newest kept


async def test_autocomplete_counted_per_command_per_minute(store: SQLiteStore) -> None:
    recorder = UsageRecorder(store)
    minute = RECENT.replace(second=0, microsecond=0)
    for s in range(90):
        recorder.count_autocomplete(1, "person", minute + timedelta(seconds=s))
    recorder.count_autocomplete(1, "summary", minute)
    await recorder.close()
    assert await store.autocomplete_counts(minute.isoformat()) == {"person": 90, "summary": 1}
    async with store.db.execute("SELECT COUNT(*) FROM usage_autocomplete") as cur:
        assert (await cur.fetchone())[0] == 3  # person in two minutes, summary in one


async def test_retention_purge_and_forget(store: SQLiteStore) -> None:
    recorder = UsageRecorder(store, retention_days=90)
    recorder.record(event(0, at=datetime.now(UTC) - timedelta(days=120)))
    recorder.record(event(1, at=datetime.now(UTC), user_id=7))
    recorder.record(event(2, at=datetime.now(UTC), user_id=8))
    await recorder.flush(everything=True)
    await recorder._maybe_purge()
    assert await store.count_usage() == 2
    assert await store.forget_user(7) == 1
    assert await store.count_usage() == 1


def test_options_are_cut_to_100_characters() -> None:
    class Channel:
        id = 55

    assert cut_options({"q": "x" * 500, "n": 3, "c": Channel(), "b": True, "none": None}) == {
        "q": "x" * 100, "n": 3, "c": 55, "b": True, "none": None,
    }  # fmt: skip


def test_summary_figures() -> None:
    rows = [event(i, at=T0 + timedelta(seconds=i)) for i in range(100)]
    rows_d = [dict(zip(USAGE_COLUMNS, e.row(), strict=True)) for e in rows]
    rows_d[0]["outcome"] = "error"
    rows_d[1]["outcome"] = "user_error"
    rows_d[2]["person"] = "Jensen Huang"
    rows_d[3]["person"] = "Jensen Huang"
    s = summarize(rows_d, days=7, now=T0)
    assert s.total == 100
    assert s.by_outcome == {"ok": 98, "user_error": 1, "denied": 0, "error": 1}
    assert s.error_rate == 0.01
    assert s.top_people == [("Jensen Huang", 2)]
    assert s.per_day[-1] == ("2026-06-10", 100)
    assert len(s.per_day) == 7
    assert s.p50_ms == percentile([float(i % 50) for i in range(100)], 50) == 24.0
    assert s.p95_ms == 47.0


def test_chart_is_a_png_and_the_card_fits() -> None:
    s = summarize([], days=30, now=T0)
    png = daily_usage_png(s.per_day, "Commands per day (Test Server)")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (800, 300)
    card = embeds.stats_embed(s, "Test Server")
    assert violations(None, [card.to_dict()]) == []
    assert card.image.url == "attachment://usage.png"
