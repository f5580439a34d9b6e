"""The background loops (discord.ext.tasks in cogs): a pass that raises is logged and the loop keeps running."""

from __future__ import annotations

import asyncio
import logging
from types import SimpleNamespace
from typing import Any

import pytest

from bot.ingest.intake import IngestReport
from cogs.follows import Follows
from cogs.intake import Intake
from cogs.retention import Retention
from cogs.stories import Stories


class FlakyCall:
    """Raises on its first call, then returns ``result``; counts calls."""

    def __init__(self, result: Any) -> None:
        self.result = result
        self.calls = 0

    async def __call__(self, *args: Any) -> Any:
        self.calls += 1
        if self.calls == 1:
            raise RuntimeError("boom")
        return self.result


def fake_bot(**store: Any) -> Any:
    async def ready() -> None:
        return None

    async def version() -> str:
        return "1"

    return SimpleNamespace(
        settings=SimpleNamespace(scan_seconds=0.01, forget_guild_days=30.0),
        feeds=SimpleNamespace(
            interval=0.01, urls=["https://feeds.example/rss"], poll=FlakyCall(IngestReport())
        ),
        watch=SimpleNamespace(scan=FlakyCall((IngestReport(), 0))),
        store=SimpleNamespace(articles_version=version, **store),
        library_version="1",
        log_scan=lambda report: None,
        wait_until_ready=ready,
    )


async def until(check: Any, seconds: float = 5.0) -> None:
    for _ in range(int(seconds / 0.01)):
        if check():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("timed out")


async def test_folder_watch_and_feed_polling_log_a_failed_pass_and_go_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot = fake_bot()
    cog = Intake(bot)
    with caplog.at_level(logging.ERROR, logger="newsdesk"):
        await cog.cog_load()
        try:
            await until(lambda: bot.watch.scan.calls >= 3 and bot.feeds.poll.calls >= 3)
            assert cog.folder_watch.is_running() and cog.feed_polling.is_running()
            assert not cog.folder_watch.failed() and not cog.feed_polling.failed()
        finally:
            await cog.cog_unload()
    messages = [r.getMessage() for r in caplog.records]
    assert "looking for new articles failed; trying again in 0.01 s" in messages
    assert "feed polling failed" in messages
    assert all(r.exc_info and str(r.exc_info[1]) == "boom" for r in caplog.records)


async def test_forgetting_logs_a_failed_pass_and_goes_on(caplog: pytest.LogCaptureFixture) -> None:
    departed = FlakyCall([])
    bot = fake_bot(departed_before=departed)
    cog = Retention(bot)
    cog.forget_departed.change_interval(seconds=0.01)
    with caplog.at_level(logging.ERROR, logger="newsdesk"):
        await cog.cog_load()
        try:
            await until(lambda: departed.calls >= 3)
            assert cog.forget_departed.is_running() and not cog.forget_departed.failed()
        finally:
            await cog.cog_unload()
    assert [r.getMessage() for r in caplog.records] == [
        "forgetting departed servers failed; trying again in an hour"
    ]


@pytest.mark.parametrize(
    ("cls", "loop", "service", "message"),
    [
        (Follows, "deliver", "alerts", "follow alerts failed"),
        (Stories, "post", "poster", "story threads failed"),
    ],
)
async def test_alerts_and_story_threads_log_a_failed_pass_and_go_on(
    cls: Any, loop: str, service: str, message: str, caplog: pytest.LogCaptureFixture
) -> None:
    bot = fake_bot()
    bot.settings.alert_seconds = 0.01
    bot.library_changed, bot.stories_changed, bot.stories_waiting = asyncio.Event(), asyncio.Event(), []

    async def record_story_posts(taken: list[Any]) -> None:
        return None

    bot.record_story_posts = record_story_posts
    run_once = FlakyCall(0)
    cog = cls.__new__(cls)  # the loop only: the service is a stand-in
    cog.bot = bot
    setattr(cog, service, SimpleNamespace(run_once=run_once))
    task = getattr(cog, loop)
    with caplog.at_level(logging.ERROR, logger="newsdesk"):
        await cog.cog_load()
        try:
            await until(lambda: run_once.calls >= 3)
            assert task.is_running() and not task.failed()
        finally:
            await cog.cog_unload()
    assert [r.getMessage() for r in caplog.records] == [message]
