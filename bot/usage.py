"""Usage recording: every slash command becomes one row, written in batches off the command path.

``UsageRecorder.record`` is synchronous and only appends to memory, so a command never waits for the database.
A background task writes what is held every ``interval`` seconds or as soon as ``batch`` events wait, in one
transaction with ``executemany``. ``close`` writes everything that is left (a clean stop loses nothing). While
the database is unavailable events wait in a buffer of at most ``bound`` events; past it the oldest are dropped
and counted.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import math
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

log = logging.getLogger("newsdesk.usage")

OUTCOMES = ("ok", "user_error", "denied", "error")
OPTION_VALUE_LIMIT = 100


class UsageStore(Protocol):
    async def write_usage(
        self, rows: list[tuple[Any, ...]], autocomplete: list[tuple[str, int, str, int]]
    ) -> None: ...

    async def purge_usage(self, before: str) -> int: ...


@dataclass(slots=True)
class UsageEvent:
    at: datetime
    guild_id: int | None
    channel_id: int | None
    user_id: int
    command: str
    options: dict[str, Any] = field(default_factory=dict)
    latency_ms: float | None = None
    outcome: str = "ok"
    error_type: str | None = None
    person: str | None = None
    article_id: str | None = None

    def row(self) -> tuple[Any, ...]:
        return (
            self.at.astimezone(UTC).isoformat(timespec="milliseconds"),
            self.guild_id,
            self.channel_id,
            self.user_id,
            self.command,
            json.dumps(cut_options(self.options), ensure_ascii=False, sort_keys=True),
            self.latency_ms,
            self.outcome,
            self.error_type,
            self.person,
            self.article_id,
        )


def cut_options(options: dict[str, Any]) -> dict[str, Any]:
    """Option values as JSON-friendly scalars cut to 100 characters (channels and users become their ids)."""
    out: dict[str, Any] = {}
    for key, value in options.items():
        if value is None or isinstance(value, bool | int | float):
            out[key] = value
        elif hasattr(value, "id") and not isinstance(value, str):
            out[key] = int(value.id)
        else:
            out[key] = str(value)[:OPTION_VALUE_LIMIT]
    return out


def storable(value: Any) -> Any:
    """Text any database can hold: lone surrogates and NUL become U+FFFD (a surrogate pair is joined)."""
    if not isinstance(value, str) or (value.isascii() and "\x00" not in value):
        return value
    value = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return value.replace("\x00", "\ufffd")


def storable_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(storable(v) for v in row)


def is_data_error(exc: BaseException) -> bool:
    """A value the database refuses (this row's fault), as opposed to the database being unavailable."""
    if isinstance(exc, UnicodeError | OverflowError | TypeError):  # raised while binding the row's values
        return True
    # sqlite3 and asyncpg: the value was refused by the database (not "no connection", which keeps the rows)
    names = ("DataError", "IntegrityError", "IntegrityConstraintViolationError")
    return any(c.__name__ in names for c in type(exc).__mro__)


class UsageRecorder:
    def __init__(
        self,
        store: UsageStore,
        *,
        interval: float = 2.0,
        batch: int = 500,
        bound: int = 100_000,
        retention_days: int = 90,
    ) -> None:
        self.store = store
        self.interval = interval
        self.batch = batch
        self.bound = bound
        self.retention = timedelta(days=retention_days)
        self.dropped = 0  # events never written: the buffer overflowed, or the database refused the row
        self.rejected = 0  # of those, rows the database refused (a value it cannot store)
        self.repaired = 0  # rows written after their text was made storable
        self.written = 0
        self._events: deque[UsageEvent] = deque()
        self._autocomplete: Counter[tuple[str, int, str]] = Counter()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self._last_purge: datetime | None = None
        self._failing = False
        self._stopping = False

    # ------------------------------------------------------------------ the command path (never awaits)

    def record(self, event: UsageEvent) -> None:
        if len(self._events) >= self.bound:
            self._events.popleft()
            self._note_drop(1)
        self._events.append(event)
        if len(self._events) >= self.batch:
            self._wake.set()

    def count_autocomplete(self, guild_id: int | None, command: str, at: datetime | None = None) -> None:
        minute = (at or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M")
        self._autocomplete[(minute, guild_id or 0, command)] += 1

    @property
    def pending(self) -> int:
        return len(self._events)

    def _note_drop(self, n: int, why: str | None = None) -> None:
        before = self.dropped
        self.dropped += n
        if why is not None:
            log.warning("usage: %d event(s) dropped, %s; %d dropped so far", n, why, self.dropped)
        # Log the first drop and then every 1,000, so a long outage does not flood the log.
        elif before == 0 or before // 1000 != self.dropped // 1000:
            log.warning(
                "usage buffer full (%d events): %d oldest events dropped so far", self.bound, self.dropped
            )

    # ------------------------------------------------------------------ background writing

    def start(self) -> None:
        """Start the background writer: a plain asyncio task, not a ``discord.ext.tasks`` loop like the bot's
        periodic work. The recorder is not Discord work: it runs in the CLI and tests without a bot (and
        ``bot.usage`` imports no ``discord``), it must write from the first command on rather than wait for
        the gateway to be ready, it is woken early when a batch fills, and it stops by finishing the batch
        being written and flushing the rest (``close``), never by being cancelled mid-transaction."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="usage-recorder")

    async def _run(self) -> None:
        while not self._stopping:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.interval)
            self._wake.clear()
            if self._stopping:
                break
            await self.flush()
            await self._maybe_purge()

    async def flush(self, everything: bool = False) -> int:
        """Write what is held (in batches); returns how many events were written. Never raises."""
        total = 0
        async with self._lock:
            while self._events or self._autocomplete:
                size = len(self._events) if everything else min(len(self._events), max(self.batch, 1))
                taken = [self._events.popleft() for _ in range(size)]
                counts = self._autocomplete
                self._autocomplete = Counter()
                rows = [e.row() for e in taken]
                auto = [(m, g, c, n) for (m, g, c), n in counts.items()]
                try:
                    await self.store.write_usage(rows, auto)
                    handled = written = len(rows)
                except Exception:
                    handled, written, auto_done, exc = await self._write_carefully(rows, auto)
                    if exc is not None:  # the database is away: what was not handled goes back in front
                        self._restore(taken[handled:], Counter() if auto_done else counts)
                        if not self._failing:
                            log.warning(
                                "usage not written, will retry (%d events held): %s", len(self._events), exc
                            )
                        self._failing = True
                        total += written
                        self.written += written
                        break
                if self._failing:
                    log.info("usage writing recovered")
                    self._failing = False
                total += written
                self.written += written
                if not everything and len(self._events) < self.batch:
                    break
        return total

    async def _write_carefully(
        self, rows: list[tuple[Any, ...]], auto: list[tuple[str, int, str, int]]
    ) -> tuple[int, int, bool, Exception | None]:
        """After a failed batch: the batch again with every value made storable, then row by row, so one row the
        database refuses cannot hold up the others. A row still refused with a data error is dropped and
        counted. Returns (rows handled, rows written, autocomplete handled, None), or with the error when the
        database itself is failing: the caller keeps what was not handled for later."""
        clean = [storable_row(r) for r in rows]
        repaired = sum(1 for a, b in zip(rows, clean, strict=True) if a != b)
        if repaired:
            try:
                await self.store.write_usage(clean, auto)
            except Exception:
                pass
            else:
                self._note_repaired(repaired)
                return len(rows), len(rows), True, None
        if auto:
            try:
                await self.store.write_usage([], auto)
            except Exception as exc:
                if not is_data_error(exc):
                    return 0, 0, False, exc
                log.warning("usage: autocomplete counts dropped, the database refused them: %s", exc)
        handled = written = 0
        for row, fixed in zip(rows, clean, strict=True):
            try:
                await self.store.write_usage([fixed], [])
            except Exception as exc:
                if not is_data_error(exc):
                    return handled, written, True, exc
                self.rejected += 1
                self._note_drop(1, f"a row the database refused ({exc.__class__.__name__}: {exc})")
            else:
                written += 1
                if fixed != row:
                    self._note_repaired(1)
            handled += 1
        return handled, written, True, None

    def _note_repaired(self, n: int) -> None:
        self.repaired += n
        log.warning("usage: %d row(s) with text the database cannot store were repaired (U+FFFD)", n)

    def _restore(self, taken: list[UsageEvent], counts: Counter[tuple[str, int, str]]) -> None:
        """Put a batch that could not be written back in front, keeping the newest ``bound`` events."""
        combined = taken + list(self._events)
        overflow = len(combined) - self.bound
        if overflow > 0:
            combined = combined[overflow:]
            self._note_drop(overflow)
        self._events = deque(combined)
        self._autocomplete.update(counts)

    async def _maybe_purge(self) -> None:
        now = datetime.now(UTC)
        if self._last_purge is not None and now - self._last_purge < timedelta(days=1):
            return
        self._last_purge = now
        try:
            purged = await self.store.purge_usage((now - self.retention).isoformat())
        except Exception as exc:
            log.warning("usage retention purge failed: %s", exc)
            return
        if purged:
            log.info("purged %d usage rows older than %d days", purged, self.retention.days)

    async def close(self) -> None:
        """Stop the background task and write everything that is held."""
        if self._task is not None:
            # Let a batch that is being written finish (cancelling it mid-transaction helps no one).
            self._stopping = True
            self._wake.set()
            try:
                await asyncio.wait_for(self._task, timeout=30)
            except (TimeoutError, asyncio.CancelledError):
                self._task.cancel()
            self._task = None
        for _ in range(3):
            await self.flush(everything=True)
            if not self._events and not self._autocomplete:
                break
        if self._events:
            log.error("usage: %d events could not be written at shutdown", len(self._events))


# ---------------------------------------------------------------------------------------------------------
# Summaries for /stats and `python -m bot stats`


@dataclass
class UsageSummary:
    days: int
    total: int
    by_outcome: dict[str, int]
    top_commands: list[tuple[str, int]]
    top_people: list[tuple[str, int]]
    top_articles: list[tuple[str, int]]
    p50_ms: float | None
    p95_ms: float | None
    per_day: list[tuple[str, int]]
    autocomplete: dict[str, int]
    dropped: int = 0

    @property
    def error_rate(self) -> float:
        return self.by_outcome.get("error", 0) / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "days": self.days,
            "total": self.total,
            "by_outcome": self.by_outcome,
            "error_rate": round(self.error_rate, 4),
            "p50_ms": self.p50_ms,
            "p95_ms": self.p95_ms,
            "top_commands": self.top_commands,
            "top_people": self.top_people,
            "top_articles": self.top_articles,
            "per_day": self.per_day,
            "autocomplete": self.autocomplete,
            "dropped": self.dropped,
        }


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def summarize(
    rows: Iterable[dict[str, Any]],
    days: int,
    now: datetime,
    autocomplete: dict[str, int] | None = None,
    top: int = 5,
) -> UsageSummary:
    rows = list(rows)
    outcomes = Counter(r["outcome"] for r in rows)
    latencies = [float(r["latency_ms"]) for r in rows if r.get("latency_ms") is not None]
    per_day_counter = Counter(str(r["at"])[:10] for r in rows)
    start = (now - timedelta(days=days - 1)).date()
    per_day = [((start + timedelta(days=i)).isoformat(), 0) for i in range(days)]
    per_day = [(d, per_day_counter.get(d, 0)) for d, _ in per_day]
    return UsageSummary(
        days=days,
        total=len(rows),
        by_outcome={o: outcomes.get(o, 0) for o in OUTCOMES},
        top_commands=Counter(r["command"] for r in rows).most_common(top),
        top_people=Counter(r["person"] for r in rows if r.get("person")).most_common(top),
        top_articles=Counter(r["article_id"] for r in rows if r.get("article_id")).most_common(top),
        p50_ms=percentile(latencies, 50),
        p95_ms=percentile(latencies, 95),
        per_day=per_day,
        autocomplete=dict(sorted((autocomplete or {}).items(), key=lambda kv: -kv[1])),
    )


async def usage_summary(
    store: Any, days: int, now: datetime, guild_id: int | None = None, user_id: int | None = None
) -> UsageSummary:
    since = (now - timedelta(days=days - 1)).replace(hour=0, minute=0, second=0, microsecond=0)
    rows = await store.usage_rows(since.isoformat(), guild_id=guild_id, user_id=user_id)
    auto = await store.autocomplete_counts(since.isoformat(), guild_id=guild_id) if user_id is None else {}
    return summarize(rows, days, now, auto)
