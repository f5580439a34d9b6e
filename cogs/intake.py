"""The operator's articles while running: the folder watch and NEWSDESK_FEEDS polling, into the library.

No commands: two background loops (``discord.ext.tasks``, started when the cog loads, waiting for the gateway to
be ready, cancelled when it unloads). The work is ``bot.ingest`` (``FolderWatch.scan``, ``FeedPoller.poll``); the
library takes in what they stored (``NewsdeskBot.take_in``). A pass that fails is logged and the loop goes on.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from discord.ext import commands, tasks

from bot import metrics
from bot.discord.client import FEED_TICK_SECONDS, OTHERS_SECONDS
from bot.ingest.intake import IngestReport

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot

log = logging.getLogger("newsdesk")


class Intake(commands.Cog):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot
        self.scan_seconds = bot.settings.scan_seconds
        self.folder_watch.change_interval(seconds=self.scan_seconds or OTHERS_SECONDS)
        self.feed_polling.change_interval(seconds=min(FEED_TICK_SECONDS, bot.feeds.interval))

    async def cog_load(self) -> None:
        self.folder_watch.start()
        if self.bot.feeds.urls:
            self.feed_polling.start()

    async def cog_unload(self) -> None:
        self.folder_watch.cancel()
        self.feed_polling.cancel()

    @tasks.loop(seconds=OTHERS_SECONDS)
    async def folder_watch(self) -> None:
        """Pick up new and changed article files while running (every NEWSDESK_SCAN_SECONDS; 0: folders are read
        at start-up only), and articles another process sharing the store added (at the same pace, at least
        once a minute)."""
        metrics.tick("folder_watch")
        bot, scan = self.bot, self.scan_seconds
        try:
            report, removed = await bot.watch.scan(bot.store) if scan else (IngestReport(), 0)
            bot.log_scan(report)
            if report.added or report.updated or removed:
                await bot.take_in(report, removed)
            elif await bot.store.articles_version() != bot.library_version:
                await bot.load_library("changed by another process")
        except Exception:
            log.exception("looking for new articles failed; trying again in %s s", scan or OTHERS_SECONDS)

    @folder_watch.before_loop
    async def _before_watch(self) -> None:
        await self.bot.wait_until_ready()
        # The folders were read at start-up (setup_hook): the first look is one interval later.
        await asyncio.sleep(self.scan_seconds or OTHERS_SECONDS)

    @tasks.loop(seconds=FEED_TICK_SECONDS)
    async def feed_polling(self) -> None:
        """Poll NEWSDESK_FEEDS as each comes due (every NEWSDESK_FEED_MINUTES, later after failures)."""
        metrics.tick("feeds")
        try:
            report = await self.bot.feeds.poll(self.bot.store)
            for url, reason in report.failed:
                log.warning("feed %s: %s", url, reason)
            metrics.ingested("feeds", report.added, report.updated, len(report.failed))
            if report.added or report.updated:
                await self.bot.take_in(report, 0, "feeds: ")
        except Exception:  # a bug, not a feed's failure (those are recorded per feed): try again later
            log.exception("feed polling failed")

    @feed_polling.before_loop
    async def _before_feeds(self) -> None:
        await self.bot.wait_until_ready()


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(Intake(bot))
