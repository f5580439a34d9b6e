"""``python -m bot soak --minutes N``: the bot as a subprocess against the fake Discord, under steady load and
trouble, for N minutes; reports what a long run shows and a test cannot.

Two servers; operator feeds that answer, fail (500), stall (longer than the feed timeout) and truncate; a
digest that falls due; a follow whose alert is set off by a new article; interactions at a steady rate from
both servers; a few gateway drops and injected 5xx and 429 answers on the interaction routes. The report:
interactions sent and answered, late acknowledgements (over 3 s, Discord's limit), the bot's memory (RSS)
over time, whether the digest and the alert arrived, and every ERROR line of the bot's log. Like the bench's
end-to-end section it needs a source checkout: the fake Discord lives in ``tests/``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.paths import BUNDLED_CONFIG_DIR

LATE = 3.0  # seconds: Discord drops an interaction not acknowledged by then
RATE = 2.0  # interactions per second
REPLY_TIMEOUT = 30.0
COMMANDS: list[tuple[str, dict[str, Any]]] = [
    ("about", {}),
    ("person", {"name": "Jensen Huang"}),
    ("summary", {"article": "Intel turns to Lip-Bu Tan"}),
    ("ping", {}),
    ("person", {"name": "黄仁勋"}),
    ("person", {"name": "Qqqqzz"}),  # not found: an answer too
]
NEW_ARTICLE = (
    "Nvidia founder answers chip export questions\nWire·{date}\n\nCore Viewpoint - Nvidia chief executive "
    "Jensen Huang said the company would keep selling to every market it may [1]. Group 1: Exports - Jensen "
    "Huang denied that new rules had hurt demand [2]. - Analysts reportedly expect $5 billion in sales [3].\n"
)
ERROR_LINE = re.compile(r"\b(ERROR|CRITICAL)\b|Traceback")


def _fake_discord() -> Any:
    checkout = Path(__file__).resolve().parent.parent  # the fake ships with the tests of a source checkout
    if (checkout / "tests" / "fakediscord").is_dir() and str(checkout) not in sys.path:
        sys.path.insert(0, str(checkout))
    try:
        from tests import fakediscord, feedserver
        from tests.fakediscord import process
    except ImportError:
        return None
    return fakediscord, process, feedserver


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


async def _seed_digest(db: str, guild_id: int, channel_id: int, at: datetime) -> None:
    """A daily digest at ``at`` (UTC), set an hour earlier, as /digest set would have stored it."""
    from bot.store import open_store

    store = open_store(db)
    await store.open()
    try:
        await store.put_digest_settings(
            guild_id,
            {
                "channel_id": channel_id,
                "at": at.strftime("%H:%M"),
                "zone": "UTC",
                "max_articles": 5,
                "skip_empty": 0,
                "enabled": 1,
                "paused": 0,
                "failures": 0,
                "effective_from": (at - timedelta(hours=1)).isoformat(),
            },
        )
    finally:
        await store.close()


def _first_title(message: dict[str, Any]) -> str:
    """What an alert was about: its first embed's title, else the start of its text."""
    embeds = message.get("embeds") or []
    title = embeds[0].get("title") if embeds else None
    return str(title or message.get("content") or "")[:120]


async def _usage_rows(db: str) -> int:
    """How many usage rows the bot left in the store (read after it stopped: its final flush is in)."""
    from bot.store import open_store

    store = open_store(db)
    await store.open()
    try:
        return len(await store.usage_rows("0000"))
    finally:
        await store.close()


async def soak(minutes: float, echo: Callable[[str], None] = print) -> dict[str, Any]:
    found = _fake_discord()
    if found is None:
        return {"skipped": "run from a source checkout: the fake Discord lives in tests/fakediscord"}
    fakediscord, process, feedserver = found
    seconds = max(10.0, minutes * 60)
    fake = fakediscord.FakeDiscord(extra_members=10, guild_count=2)
    feeds = feedserver.FeedServer()
    await fake.start()
    await feeds.start()
    tmp = Path(tempfile.mkdtemp(prefix="newsdesk-soak-"))
    report: dict[str, Any] = {"minutes": round(seconds / 60, 2)}
    try:
        news = tmp / "news"
        shutil.copytree(BUNDLED_CONFIG_DIR / "articles", news)
        tech = (feedserver.FEEDS / "tech.rss.xml").read_bytes()
        urls = [
            feeds.serve("ok.xml", tech),
            feeds.serve("fails.xml", b"server trouble", status=500),
            feeds.serve("stalls.xml", tech),
            feeds.serve("cut.xml", tech),
        ]
        feeds.delays["stalls.xml"] = 60.0  # longer than the feed timeout
        feeds.cut["cut.xml"] = len(tech) // 2
        # The digest falls due a little after start: the digest clock is shifted to just before a minute.
        boundary = datetime.now(UTC).replace(second=0, microsecond=0) + timedelta(minutes=2)
        offset = (boundary - timedelta(seconds=8)).timestamp() - time.time()
        db = f"sqlite:///{tmp}/newsdesk.db"
        g1 = fake.guild(1)
        await _seed_digest(db, g1.id, g1.channel_id, boundary)
        bot = await process.start_bot(
            fake,
            tmp,
            NEWSDESK_ARTICLES=str(news),
            NEWSDESK_SCAN_SECONDS="1",
            NEWSDESK_ALERT_SECONDS="1",
            NEWSDESK_DIGEST_TICK_SECONDS="1",
            NEWSDESK_CLOCK_OFFSET_SECONDS=str(offset),
            NEWSDESK_FEEDS=",".join(urls),
            NEWSDESK_FEED_MINUTES="0.1",
            **feedserver.ALLOW,
        )
        pid = bot.proc.pid
        t0 = time.monotonic()
        memory: list[list[float | None]] = []  # [seconds since start, RSS in MB]
        acks: list[float] = []
        sent = answered = 0
        unanswered: list[str] = []
        drops = faults = 0
        reconnects: list[float] = []  # seconds from each gateway drop to the bot's return
        try:
            await process.started(fake, bot)
            follow = await fake.command("follow", {"target": "p:Jensen Huang"}, member="alice", timeout=30)
            followed = "Jensen Huang" in follow.text()

            async def one(i: int) -> None:
                nonlocal sent, answered
                name, options = COMMANDS[i % len(COMMANDS)]
                guild = i % 2
                sent += 1
                try:
                    reply = await fake.command(
                        name, options, member=f"member-{i % 10}", guild=guild, timeout=REPLY_TIMEOUT
                    )
                except TimeoutError:
                    unanswered.append(f"/{name} in server {guild}")
                    return
                answered += 1
                acks.append(reply.ack_seconds or 0.0)

            tasks: list[asyncio.Task[None]] = []
            i = 0
            next_sample = next_fault = 0.0
            wrote_article = False
            while (elapsed := time.monotonic() - t0) < seconds:
                if elapsed >= next_sample:
                    memory.append([round(elapsed, 1), rss_mb(pid)])
                    next_sample += max(1.0, seconds / 30)
                if elapsed >= next_fault and elapsed > 2:
                    kind = faults % 3
                    if kind == 0:  # Discord delivers nothing while the bot is away: wait for it to return
                        before = fake.identifies + fake.resumes
                        await fake.drop_connection()
                        drops += 1
                        t_drop = time.monotonic()
                        with contextlib.suppress(TimeoutError):
                            await fake.wait_for(lambda b=before: fake.identifies + fake.resumes > b, 60)
                        reconnects.append(round(time.monotonic() - t_drop, 2))
                    else:
                        status = 500 if kind == 1 else 429
                        fake.fail("POST", r"^/interactions/\d+/[^/]+/callback$", status, retry_after=0.3)
                    faults += 1
                    next_fault = elapsed + max(3.0, seconds / 8)
                if not wrote_article and elapsed > seconds / 3:
                    day = datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
                    (news / "soak-new.txt").write_text(NEW_ARTICLE.format(date=day), encoding="utf-8")
                    wrote_article = True
                tasks.append(asyncio.create_task(one(i)))
                i += 1
                await asyncio.sleep(1 / RATE)
            await asyncio.gather(*tasks)
            memory.append([round(time.monotonic() - t0, 1), rss_mb(pid)])
            # The digest and the alert may still be on their way when the load stops.
            digest_posts = lambda: fake.channel_messages.get(g1.channel_id, [])  # noqa: E731
            alerts = lambda: fake.dms("alice")  # noqa: E731
            with contextlib.suppress(TimeoutError):
                await fake.wait_for(lambda: bool(digest_posts()) and bool(alerts()), 30)
        finally:
            code = await bot.stop()
        lines = bot.output().splitlines()
        recorded = await _usage_rows(db)
        answered_all = answered + 1  # the /follow before the load
        sizes = [m[1] for m in memory if m[1] is not None]
        warm = sizes[len(sizes) // 3 :] or sizes
        report.update(
            {
                "servers": 2,
                "interactions": {
                    "sent": sent,
                    "answered": answered,
                    "unanswered": unanswered,
                    "late_acks": sum(1 for a in acks if a > LATE),
                    "ack_p50_s": round(statistics.median(acks), 3) if acks else None,
                    "ack_max_s": round(max(acks), 3) if acks else None,
                },
                "memory": {
                    "samples_s_mb": memory,
                    "growth_after_warmup": round(warm[-1] / warm[0] - 1, 3) if len(warm) > 1 else None,
                },
                "usage": {
                    "interactions_answered": answered_all,
                    "rows_recorded": recorded,
                    "lost": max(0, answered_all - recorded),
                },
                "digest_posted": len(fake.channel_messages.get(g1.channel_id, [])),
                "follow": {
                    "set": followed,
                    "alerts": len(fake.dms("alice")),
                    "alert_titles": [_first_title(m) for m in fake.dms("alice")],
                },
                "duplicates_dropped_by_nonce": fake.deduplicated,
                "gateway_drops": drops,
                "reconnect_s": reconnects,
                "faults_injected": faults - drops,
                "feed_requests": dict(feeds.hits),
                "exit_code": code,
                "errors": [line for line in lines if ERROR_LINE.search(line)],
                "log_lines": len(lines),
            }
        )
    finally:
        with contextlib.suppress(TimeoutError):  # a stalled feed answer would hold the server's cleanup
            await asyncio.wait_for(feeds.stop(), 2)
        await fake.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return report


def run(minutes: float, json_path: Path | None, echo: Callable[[str], None] = print) -> dict[str, Any]:
    report = asyncio.run(soak(minutes, echo))
    text = json.dumps(report, indent=1, ensure_ascii=False)
    echo(text)
    if json_path is not None:
        json_path.write_text(text + "\n", encoding="utf-8")
    return report
