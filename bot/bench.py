"""``python -m bot bench``: figures measured side by side in one run, reported as ratios against baselines.

Sections so far: parse + extract throughput on the bundled corpus, and the usage recorder against plain
``sqlite3`` ``executemany`` into the same schema. Timing never appears in tests; this is the only place it lives.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.article import load_article
from bot.paths import BUNDLED_CONFIG_DIR
from bot.store import open_store
from bot.store.sqlite import SQLiteStore, migrations
from bot.usage import UsageEvent, UsageRecorder


def _events(n: int) -> list[UsageEvent]:
    now = datetime.now(UTC)
    return [
        UsageEvent(
            at=now + timedelta(milliseconds=i),
            guild_id=1 + i % 50,
            channel_id=1000 + i % 7,
            user_id=10_000 + i % 997,
            command=("person", "summary", "claims", "articles search")[i % 4],
            options={"name": f"Person {i % 300}", "length": "short"},
            latency_ms=float(i % 40),
            outcome="ok" if i % 20 else "user_error",
            person=f"Person {i % 300}" if i % 4 == 0 else None,
            article_id=f"{i % 1000:016x}" if i % 4 == 1 else None,
        )
        for i in range(n)
    ]


def _schema_db(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    for _, sql in migrations("sqlite"):
        db.executescript(sql)
    return db


def bench_recorder(n: int, batch: int = 500) -> dict[str, Any]:
    """Sustained events/s: the recorder (record + background batches + final flush) vs. raw executemany."""
    events = _events(n)
    rows = [e.row() for e in events]
    with tempfile.TemporaryDirectory() as tmp:
        db = _schema_db(Path(tmp) / "raw.db")
        cols = ", ".join(SQLiteStore.USAGE_COLUMNS)
        marks = ", ".join("?" for _ in SQLiteStore.USAGE_COLUMNS)
        start = time.perf_counter()
        for i in range(0, n, batch):
            db.execute("BEGIN")
            db.executemany(f"INSERT INTO usage_events ({cols}) VALUES ({marks})", rows[i : i + batch])
            db.execute("COMMIT")
        raw_seconds = time.perf_counter() - start
        db.close()

        async def recorder_run() -> tuple[float, list[float]]:
            store = open_store(f"sqlite:///{tmp}/recorder.db")
            await store.open()
            recorder = UsageRecorder(store, interval=2.0, batch=batch)  # type: ignore[arg-type]
            recorder.start()
            costs: list[float] = []
            t0 = time.perf_counter()
            for i, e in enumerate(events):
                c0 = time.perf_counter_ns()
                recorder.record(e)
                costs.append((time.perf_counter_ns() - c0) / 1000)
                if i % batch == batch - 1:
                    await asyncio.sleep(0)  # let the writer run, as a busy bot's event loop would
            await recorder.close()
            elapsed = time.perf_counter() - t0
            written = await store.count_usage()  # type: ignore[attr-defined]
            await store.close()
            assert written == n, f"recorder wrote {written} of {n}"
            return elapsed, costs

        rec_seconds, costs = asyncio.run(recorder_run())
    costs.sort()
    return {
        "events": n,
        "raw_executemany_per_s": round(n / raw_seconds),
        "recorder_per_s": round(n / rec_seconds),
        "ratio": round(raw_seconds / rec_seconds, 3),
        "record_call_p50_us": round(costs[len(costs) // 2], 2),
        "record_call_p99_us": round(costs[int(len(costs) * 0.99)], 2),
    }


def bench_parse(seconds: float = 2.0) -> dict[str, Any]:
    """Articles per second through decode + parse + extract, on the bundled corpus (one core)."""
    files = sorted((BUNDLED_CONFIG_DIR / "articles").glob("*.txt"))
    data = [p.read_bytes() for p in files]
    by_format: dict[str, list[bytes]] = {}
    for raw in data:
        by_format.setdefault(load_article(raw).format.value, []).append(raw)
    out: dict[str, Any] = {}
    for fmt, items in sorted(by_format.items()):
        n = 0
        start = time.perf_counter()
        while time.perf_counter() - start < seconds:
            for raw in items:
                load_article(raw)
                n += 1
        out[f"{fmt}_articles_per_s"] = round(n / (time.perf_counter() - start))
        out[f"{fmt}_mean_bytes"] = round(statistics.mean(len(x) for x in items))
    return out


def run(quick: bool, json_path: Path | None, echo: Callable[[str], None] = print) -> dict[str, Any]:
    n = 20_000 if quick else 200_000
    results: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": quick,
        "parse": bench_parse(1.0 if quick else 3.0),
        "usage_recorder": bench_recorder(n),
    }
    p = results["parse"]
    u = results["usage_recorder"]
    echo("section           figure                              value")
    for key, value in p.items():
        echo(f"parse + extract   {key:<35} {value}")
    echo(f"usage recorder    events                              {u['events']}")
    echo(f"usage recorder    raw sqlite3 executemany, events/s   {u['raw_executemany_per_s']}")
    echo(f"usage recorder    recorder, events/s                  {u['recorder_per_s']}")
    echo(f"usage recorder    ratio (goal >= 0.33)                {u['ratio']}")
    echo(
        f"usage recorder    record() p50 / p99, µs              {u['record_call_p50_us']} / {u['record_call_p99_us']}"
    )
    if json_path is not None:
        json_path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        echo(f"wrote {json_path}")
    return results
