"""Daily digests end to end: a shifted digest clock (NEWSDESK_CLOCK_OFFSET_SECONDS), never sleeping until 09:00."""

from __future__ import annotations

import asyncio
import signal
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.store import open_store
from tests.e2e.conftest import BotProcess, start_bot, started
from tests.fakediscord import FakeDiscord

pytestmark = pytest.mark.asyncio(loop_scope="function")

LEAD = 3.0  # seconds from bot start until its digest clock reaches the scheduled minute


def clock_for(boundary: datetime) -> str:
    """An offset that puts the bot's digest clock LEAD seconds before ``boundary`` right now."""
    return str((boundary - timedelta(seconds=LEAD)).timestamp() - time.time())


def next_boundary() -> datetime:
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    return now + timedelta(minutes=2)


async def seed_schedule(
    workdir: Path, guild_id: int, channel_id: int, boundary: datetime, url: str | None = None
) -> None:
    """Write the server's schedule straight into the store (``url``, else the bot's SQLite file in ``workdir``),
    as /digest set would have done an hour earlier."""
    store = open_store(url or f"sqlite:///{workdir}/newsdesk.db")
    await store.open()
    await store.put_digest_settings(
        guild_id,
        {
            "channel_id": channel_id,
            "at": boundary.strftime("%H:%M"),
            "zone": "UTC",
            "max_articles": 5,
            "skip_empty": 1,
            "enabled": 1,
            "paused": 0,
            "failures": 0,
            "effective_from": (boundary - timedelta(hours=1)).isoformat(),
        },
    )
    await store.close()


async def launch(fake: FakeDiscord, workdir: Path, boundary: datetime) -> BotProcess:
    bot = await start_bot(
        fake, workdir, NEWSDESK_DIGEST_TICK_SECONDS="0.3", NEWSDESK_CLOCK_OFFSET_SECONDS=clock_for(boundary)
    )
    await started(fake, bot, syncs=0)
    return bot


def posts(fake: FakeDiscord) -> list[dict]:  # type: ignore[type-arg]
    return fake.channel_messages.get(fake.guild().channel_id, [])


async def test_scheduled_post_arrives_once_and_not_again_after_restart(
    fresh_fake: FakeDiscord, tmp_path: Path
) -> None:
    fake = fresh_fake
    boundary = next_boundary()
    await seed_schedule(tmp_path, fake.guild().id, fake.guild().channel_id, boundary)
    bot = await launch(fake, tmp_path, boundary)
    await fake.wait_for(lambda: len(posts(fake)) >= 1, 30)
    await asyncio.sleep(1.5)  # several more ticks: still one digest
    assert len(posts(fake)) == 1, bot.output()
    digest = posts(fake)[0]
    assert digest["content"].startswith("📰 **Daily digest**")
    assert "5 new article" in digest["content"] or "new articles" in digest["content"]
    assert len(digest["embeds"]) == 5  # max_articles 5
    assert digest["nonce"]
    assert await bot.stop() == 0

    fake.ready.clear()
    again = await launch(fake, tmp_path, boundary)  # right after, same local date
    await asyncio.sleep(2.0)
    assert len(posts(fake)) == 1, again.output()
    status = await fake.command("digest status", member="owner")
    assert "Digest: on" in status.text()
    assert "Last post" in status.text() and "5 articles" in status.text()
    assert await again.stop() == 0


async def test_killed_between_recording_and_posting_posts_exactly_once(
    fresh_fake: FakeDiscord, tmp_path: Path
) -> None:
    fake = fresh_fake
    boundary = next_boundary()
    await seed_schedule(tmp_path, fake.guild().id, fake.guild().channel_id, boundary)
    fake.post_delay = 30.0  # Discord stores the message but answers late...
    bot = await launch(fake, tmp_path, boundary)
    await fake.wait_for(lambda: len(posts(fake)) >= 1, 30)
    await bot.stop(signal.SIGKILL)  # ...and the bot dies before it can record the post
    fake.post_delay = 0.0
    fake.release_posts()
    fake.ready.clear()
    again = await launch(fake, tmp_path, boundary)
    await fake.wait_for(lambda: fake.deduplicated >= 1, 30)
    await asyncio.sleep(1.0)
    assert len(posts(fake)) == 1, again.output()
    assert "resuming interrupted digest" in again.output()
    assert await again.stop() == 0


async def test_channel_without_permission_is_reported(fresh_fake: FakeDiscord, tmp_path: Path) -> None:
    fake = fresh_fake
    boundary = next_boundary()
    await seed_schedule(tmp_path, fake.guild().id, fake.guild().locked_channel_id, boundary)
    bot = await launch(fake, tmp_path, boundary)
    await fake.wait_for(lambda: "digest for guild" in bot.output() and "failed" in bot.output(), 30)
    status = await fake.command("digest status", member="owner")
    assert status.ephemeral
    assert "Recent failures" in status.text()
    assert "can't post in #locked" in status.text() and "Send Messages" in status.text()
    assert fake.channel_messages.get(fake.guild().locked_channel_id) is None
    assert await bot.stop() == 0


async def test_digest_commands(fresh_fake: FakeDiscord, tmp_path: Path) -> None:
    fake = fresh_fake
    bot = await start_bot(fake, tmp_path)
    await started(fake, bot)
    g = fake.guild()
    denied = await fake.command("digest status", member="alice")
    assert denied.ephemeral
    assert denied.content == "You need the Manage Server permission for this."
    none = await fake.command("digest status", member="owner")
    assert "No digest is scheduled here yet" in none.content
    bad_time = await fake.command(
        "digest set", {"channel": str(g.channel_id), "time": "25:00"}, member="owner"
    )
    assert "24-hour HH:MM" in bad_time.content
    bad_zone = await fake.command(
        "digest set",
        {"channel": str(g.channel_id), "time": "08:00", "timezone": "Mars/Base"},
        member="owner",
    )
    assert "not an IANA time zone" in bad_zone.content
    locked = await fake.command(
        "digest set", {"channel": str(g.locked_channel_id), "time": "08:00"}, member="owner"
    )
    assert locked.ephemeral
    assert locked.content.startswith("I can't post in #locked: I need the Send Messages")
    zones = await fake.autocomplete("digest set", {"timezone": "berl"}, "timezone", member="owner")
    assert zones.choices[0]["value"] == "Europe/Berlin"
    ok = await fake.command(
        "digest set",
        {
            "channel": str(g.channel_id),
            "time": "08:30",
            "timezone": "Asia/Shanghai",
            "max_articles": 3,
            "language": "zh-TW",
        },
        member="owner",
    )
    assert ok.ephemeral
    text = ok.text()
    assert "Digest scheduled" in text and "08:30 Asia/Shanghai" in text and "00:30 UTC" in text
    assert "Traditional Chinese" in text
    preview = await fake.command("digest preview", member="owner")
    assert preview.ephemeral
    assert len(preview.embeds) == 3
    assert not posts(fake)  # a preview posts nothing
    now = await fake.command("digest now", member="owner")
    assert now.ephemeral
    assert "Posted 3 articles" in now.content
    assert len(posts(fake)) == 1
    assert posts(fake)[0]["content"].startswith("📰 **每日簡報**")  # the server's digest language
    assert "**人物：**" in posts(fake)[0]["embeds"][0]["description"]
    assert posts(fake)[0]["nonce"].isdigit()  # a random nonce: an unscheduled digest is not tied to a date
    after = await fake.command("digest preview", member="owner")
    assert "Nothing new since the last digest" in after.content  # /digest now consumed them
    off = await fake.command("digest off", member="owner")
    assert "off" in off.content
    status = await fake.command("digest status", member="owner")
    assert "Digest: off" in status.text()
    assert await bot.stop() == 0
