"""The composition root of the services: each gets the store, the Poster, the library and a clock, never the bot.

The bot replaces its catalog on a reload and makes its story service at the first load, so those two are handed
on as functions that read the bot's current ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.digest.service import Clock, DigestService
from bot.discord.poster import DiscordPoster
from bot.feeds.posting import FeedPoster
from bot.feeds.service import ServerFeedService
from bot.follows.alerts import AlertService
from bot.follows.service import FollowService
from bot.ingest.feeds import FeedPoller
from bot.stories.threads import StoryPoster, thread_of_story

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot


@dataclass
class Services:
    poster: DiscordPoster
    digests: DigestService
    follows: FollowService
    alerts: AlertService
    story_threads: StoryPoster
    feeds: ServerFeedService


def build(bot: NewsdeskBot) -> Services:
    settings = bot.settings
    poster = DiscordPoster(bot)
    clock = Clock(settings.clock_offset_seconds).now
    return Services(
        poster=poster,
        digests=DigestService(
            bot.store,
            poster,
            lambda: bot.library,
            clock=clock,
            grace=timedelta(hours=settings.digest_grace_hours),
            owner=settings.instance,
            stories=lambda: bot.stories,
        ),
        follows=FollowService(bot.store, poster, lambda: bot.library),
        alerts=AlertService(bot.store, poster, lambda: bot.library, stories=lambda: bot.stories),
        story_threads=StoryPoster(bot.store, poster, lambda: bot.library),
        feeds=ServerFeedService(
            bot.store,
            poster,
            FeedPoster(
                bot.store,
                poster,
                lambda: bot.library,
                settings.feed_posts_per_hour,
                thread_of=lambda guild_id, article_id: thread_of_story(
                    bot.store, lambda: bot.stories, guild_id, article_id
                ),
            ),
            FeedPoller([], settings.feed_minutes, allow_hosts=settings.feed_allow_hosts),
            clock=clock,
            limit=settings.feed_server_limit,
            reload_guild=bot.reload_guild,
            backlog=bot.story_backlog,
        ),
    )
