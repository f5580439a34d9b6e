"""NewsdeskBot: opens the store, loads the library, loads the cogs and syncs commands in ``setup_hook``.

The client is wiring (settings, store, library, services, extensions), command sync and start/stop. Background
work lives in cogs as ``discord.ext.tasks`` loops (folder watch and feeds: ``cogs/intake.py``; forgetting
departed servers: ``cogs/retention.py``); app-command errors are answered by ``bot.discord.errors``."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
import signal
import time
from typing import Any

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from bot import i18n, memory, metrics
from bot.discord import api as discord_api
from bot.discord import errors
from bot.discord import services as composition
from bot.discord.translator import NewsdeskTranslator
from bot.ingest.feeds import FeedPoller
from bot.ingest.intake import PARSER, FolderWatch, IngestReport
from bot.library.catalog import Catalog, build_catalog, read_catalog
from bot.library.core import load_registry
from bot.settings import Settings
from bot.store import Store, open_store
from bot.store.base import now_iso
from bot.stories.service import GLOBAL, Joined, StoryService
from bot.usage import UsageEvent, UsageRecorder

log = logging.getLogger("newsdesk")

EXTENSIONS = (
    "cogs.articles",
    "cogs.people",
    "cogs.claims",
    "cogs.digest",
    "cogs.stats",
    "cogs.admin",
    "cogs.follows",
    "cogs.help",
    "cogs.setup",
    "cogs.stories",
    "cogs.feed",
    "cogs.filter",
    "cogs.intake",
    "cogs.retention",
)
IN_PLACE_MAX = 500  # more new articles than this at once: building the library whole is quicker
FIRST_RETRY_SECONDS, LAST_RETRY_SECONDS = 1.0, 300.0  # waits between tries to reach Discord, doubling
OTHERS_SECONDS = 60.0  # without folder scans, how often to look for articles other processes added
FEED_TICK_SECONDS = 60.0  # NEWSDESK_FEEDS are looked at least this often (each is polled when it comes due)
TOKEN_RE = re.compile(r"^[A-Za-z0-9_\-]{20,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{20,}$")


# Newsdesk never joins voice: say nothing about the voice libraries it does not install.
discord.VoiceClient.warn_nacl = False
discord.VoiceClient.warn_dave = False


class NewsdeskTree(app_commands.CommandTree["NewsdeskBot"]):
    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        i18n.set_locale(i18n.pick(interaction))  # the reply language for the rest of this interaction's task
        if interaction.type is discord.InteractionType.autocomplete:
            command = interaction.command.qualified_name if interaction.command else "?"
            self.client.usage.count_autocomplete(interaction.guild_id, command)
        return True

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        await errors.on_app_command_error(self.client, interaction, error)


class NewsdeskBot(commands.Bot):
    def __init__(self, settings: Settings, store: Store | None = None, **shards: Any) -> None:
        intents = discord.Intents.none()
        intents.guilds = True
        super().__init__(
            **shards,
            command_prefix=commands.when_mentioned,
            intents=intents,
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
            chunk_guilds_at_startup=False,
            max_messages=None,
            tree_cls=NewsdeskTree,
        )
        self.settings = settings
        self.store = store or open_store(settings.database_url)
        self.library = Catalog()  # every owner's articles; .view(guild_id) is what one server sees
        self.usage = UsageRecorder(self.store, retention_days=settings.usage_retention_days)
        self.watch = FolderWatch(list(settings.articles), prune=settings.prune_deleted)
        PARSER.seconds = settings.parse_seconds
        self.library_version = ""  # the store's articles_version the library was loaded at
        self._library_lock = (
            asyncio.Lock()
        )  # one change to the library at a time (loads, uploads, new articles)
        self.library_changed = asyncio.Event()  # set after each library load: follow alerts look at it
        self.stories: StoryService | None = None  # made at the first library load (it needs the registry)
        self.stories_changed = asyncio.Event()  # set when story posts were recorded: the story cog sends them
        self.stories_waiting: list[tuple[Joined, str]] = []  # taken in (when) before the gateway was ready
        # articles a server's feed took in as no news (its backlog at /feed add, or items long older than the
        # feed): like its feed posts, they make no story thread or line (server id, article id)
        self.story_backlog: set[tuple[int, str]] = set()
        self.feeds = FeedPoller(
            list(settings.feeds), settings.feed_minutes, allow_hosts=settings.feed_allow_hosts
        )
        self.metrics_server = (  # /healthz and /metrics when NEWSDESK_METRICS_PORT is set
            metrics.MetricsServer(self, settings.metrics_host, settings.metrics_port)
            if settings.metrics_port is not None
            else None
        )
        self.services = composition.build(self)  # the cogs use these; none of them holds the bot

    async def setup_hook(self) -> None:
        await self.store.open()
        if self.metrics_server is not None:
            self._watch_loops()
            await self.metrics_server.start()
        self.usage.start()
        await self.reload_articles()
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        await self.tree.set_translator(NewsdeskTranslator())
        await self.sync_commands()

    def _watch_loops(self) -> None:
        """The background loops /healthz expects to tick, each about every this many seconds."""
        metrics.watch_loop("folder_watch", self.settings.scan_seconds or OTHERS_SECONDS)
        if self.feeds.urls:
            metrics.watch_loop("feeds", min(FEED_TICK_SECONDS, self.feeds.interval))
        metrics.watch_loop("digests", self.settings.digest_tick_seconds)
        metrics.watch_loop("alerts", self.settings.alert_seconds)
        metrics.watch_loop("forgetting", 3600.0)

    async def reload_articles(self) -> None:
        """Ingest the configured folders into the store, then load the library from the store."""
        report, removed = await self.watch.scan(self.store)
        self.log_scan(report)
        await self.load_library(report.summary() + (f", {removed} removed" if removed else ""))

    @staticmethod
    def log_scan(report: IngestReport) -> None:
        metrics.ingested("folders", report.added, report.updated, len(report.failed))
        for path, reason in report.failed:
            log.warning("article %s skipped: %s", path, reason)
        for path in report.renewed:
            log.info(
                "article %s changed: the operator removed its earlier text; this new version is added", path
            )
        if report.skipped:
            log.info("%d article files hold texts the operator removed: not added again", report.skipped)

    async def take_in(self, report: IngestReport, removed: int, what: str = "") -> None:
        """New global articles join the library one at a time, in place (each costs what the article costs,
        not what the library holds); a changed file, a removal, a large batch or another process's change in
        between loads the whole library again."""
        async with self._library_lock:
            await self._take_in_locked(report, removed, what)

    async def _take_in_locked(self, report: IngestReport, removed: int, what: str) -> None:
        summary = what + report.summary() + (f", {removed} removed" if removed else "")
        before, version = self.library_version, await self.store.articles_version()
        in_place = (
            not report.updated
            and not removed
            and 0 < len(report.new) <= IN_PLACE_MAX
            and before.isdigit()
            and version.isdigit()
            and int(version) == int(before) + len(report.new)  # nobody else changed the store meanwhile
        )
        if in_place:
            t0 = time.perf_counter()
            joined: list[Joined] = []
            for article in report.new:
                if not self.library.add_global(article):
                    in_place = False
                    break
                if self.stories is not None:
                    joined.extend(self.stories.take(GLOBAL, article))
                await asyncio.sleep(0)  # commands are answered between two articles
            await self._stories_taken(joined)
        if not in_place:
            await self._load_library_locked(summary)
            return
        self.library_version = version
        self.library_changed.set()
        stats = self.library.stats()
        metrics.library_size(stats)
        log.info(
            "library loaded: %d articles, %d people, %d claims (%d added in place in %.1f ms; %s)",
            stats["articles"],
            stats["people"],
            stats["claims"],
            len(report.new),
            (time.perf_counter() - t0) * 1000,
            summary,
        )

    def _registry(self) -> list[Any]:
        try:
            return load_registry(self.settings.people_file)
        except ValueError as exc:
            log.warning("people registry ignored: %s", exc)
            return []

    async def load_library(self, summary: str) -> None:
        async with self._library_lock:
            await self._load_library_locked(summary)

    async def _load_library_locked(self, summary: str) -> None:
        """Read articles, owners and hidden rows as of one version of the store (read again when anything
        changed in between), build the catalog, and only then take it and that version."""
        registry = self._registry()
        for _ in range(5):
            version = await self.store.articles_version()
            inputs = await read_catalog(self.store)  # library rows; bodies stay in the store when it can
            if await self.store.articles_version() == version:
                break
        catalog = await asyncio.to_thread(build_catalog, inputs, registry)
        del inputs
        joined = await self._sync_stories(registry, catalog)  # before the catalog is live: no article is
        self.library = catalog  # seen (by follow alerts, say) before it is in its story
        self.library_version = version
        await self._stories_taken(joined)
        await asyncio.to_thread(memory.settle)
        self.library_changed.set()
        stats = self.library.stats()
        metrics.library_size(stats)
        log.info(
            "library loaded: %d articles, %d people, %d claims (%s)",
            stats["articles"],
            stats["people"],
            stats["claims"],
            summary,
        )

    async def reload_guild(self, guild_id: int) -> None:
        """One server added, removed or hid an article: rebuild only what that server sees."""
        async with self._library_lock:
            await self._reload_guild_locked(guild_id)

    async def _reload_guild_locked(self, guild_id: int) -> None:
        before = self.library_version
        own = await self.store.load_articles(guild_id, only_own=True)
        hidden = (await self.store.hidden_articles()).get(guild_id, set())
        # In a thread: a large upload takes a moment to index, and answers must not wait for it.
        await asyncio.to_thread(self.library.replace_guild, guild_id, own, hidden)
        if self.stories is not None:  # a server's own articles are few: clustered here, at once
            await self._stories_taken(self.stories.sync(self.library, only=[guild_id]))
        version = await self.store.articles_version()
        if before.isdigit() and version.isdigit() and int(version) == int(before) + 1:
            self.library_version = version  # only this change happened since the last load
        self.library_changed.set()
        log.info("server %s: %d articles of its own, %d hidden", guild_id, len(own), len(hidden))

    async def drop_guild(self, guild_id: int) -> None:
        """A forgotten server's own articles leave the library."""
        if guild_id in self.library.guilds():
            async with self._library_lock:
                self.library.replace_guild(guild_id, [], [])

    # ------------------------------------------------------------------ stories

    async def _sync_stories(self, registry: list[Any], catalog: Catalog) -> list[Joined]:
        """Every article of ``catalog`` in its story: stored memberships restored (the first time), new
        articles clustered; the memberships to write."""
        stored = None
        if self.stories is None:
            self.stories = StoryService([[e.name, *e.aliases] for e in registry])
            stored = await self.store.story_members()
        return await asyncio.to_thread(self.stories.sync, catalog, stored)

    async def _stories_taken(self, joined: list[Joined]) -> None:
        """Write new story memberships, and record the posts they make in servers' story channels (a thread
        for a new story, a line in its thread for a later article) before anything is sent."""
        if not joined:
            return
        await self.store.save_story_members((j.scope, j.article_id, j.story_id) for j in joined)
        taken = [(j, now_iso()) for j in joined if j.new_article]
        if not self.is_ready():  # which servers this process serves is known once connected
            self.stories_waiting.extend(taken)
            return
        await self.record_story_posts(taken)

    async def record_story_posts(self, taken: list[tuple[Joined, str]]) -> None:
        """Record the posts new articles (each with when it was taken in) make in the story channels set
        before they arrived (nothing is sent yet)."""
        channels = await self.store.story_channels_since()
        recorded = 0
        for j, taken_at in taken:
            if (j.scope, j.article_id) in self.story_backlog:
                self.story_backlog.discard((j.scope, j.article_id))
                continue  # a feed's backlog is not news: no thread, no line (the same rule as feed posts)
            guilds = (
                channels if j.scope == GLOBAL else {j.scope: channels[j.scope]} if j.scope in channels else {}
            )
            for guild_id, (channel_id, since) in guilds.items():
                if since > taken_at:
                    continue  # the channel was set after this article arrived
                if (
                    self.get_guild(guild_id) is None
                    or self.library.view(guild_id).article(j.article_id) is None
                ):
                    continue  # another process's server, or hidden there
                if await self.store.claim_story_post(guild_id, channel_id, j.thread_key, j.article_id):
                    recorded += 1
        if recorded:
            self.stories_changed.set()

    async def on_ready(self) -> None:
        log.info("ready: serving %d servers", len(self.guilds))

    def running_status(self, guild_id: int | None) -> list[str]:
        """Lines for /about: which shard answers here (when sharded) and the feeds' health."""
        lines: list[str] = []
        guild = self.get_guild(guild_id) if guild_id is not None else None
        if self.shard_count and self.shard_count > 1 and guild is not None:
            lines.append(i18n.t("about_shard", shard=guild.shard_id, count=self.shard_count))
        if self.feeds.urls:
            failing = self.feeds.failing()
            if not failing:
                lines.append(i18n.t("about_feeds_ok", n=len(self.feeds.urls)))
            for state in failing:
                wait = max(0, round((state.next_at - time.monotonic()) / 60))
                lines.append(
                    i18n.t(
                        "about_feed_failing",
                        url=state.url,
                        error=state.last_error or "?",
                        failures=state.failures,
                        wait=wait,
                    )
                )
        return lines

    # ------------------------------------------------------------------ command sync

    def _tree_payload(self, guild: discord.abc.Snowflake | None) -> list[dict[str, Any]]:
        return [cmd.to_dict(self.tree) for cmd in self.tree.get_commands(guild=guild)]

    async def sync_commands(self) -> None:
        """Sync to NEWSDESK_SYNC_GUILDS when set, else globally; only when the tree changed since the last
        sync (its hash is remembered in the store)."""
        scopes: list[discord.Object | None] = [discord.Object(id=g) for g in self.settings.sync_guilds] or [
            None
        ]
        for guild in scopes:
            if guild is not None:
                self.tree.copy_global_to(guild=guild)
            payload = self._tree_payload(guild)
            digest = hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()
            key = f"command_tree_hash:{guild.id if guild else 'global'}:{self.application_id}"
            if await self.store.get_meta(key) == digest:
                log.info("commands unchanged for %s; not syncing", guild.id if guild else "global")
                continue
            synced = await self.tree.sync(guild=guild)
            await self.store.set_meta(key, digest)
            log.info("synced %d commands to %s", len(synced), guild.id if guild else "global")

    # ------------------------------------------------------------------ usage

    async def on_app_command_completion(
        self,
        interaction: discord.Interaction,
        command: app_commands.Command[Any, ..., Any] | app_commands.ContextMenu,
    ) -> None:
        self.record_usage(interaction, "ok")

    def record_usage(
        self, interaction: discord.Interaction, outcome: str, error_type: str | None = None
    ) -> None:
        """One usage row for a slash command; never awaits, never raises."""
        try:
            if interaction.type is not discord.InteractionType.application_command:
                return
            first = interaction.extras.get("responded_at") or discord.utils.utcnow()
            command = interaction.command.qualified_name if interaction.command else "?"
            metrics.interaction(command, outcome, (first - interaction.created_at).total_seconds())
            self.usage.record(
                UsageEvent(
                    at=interaction.created_at,
                    guild_id=interaction.guild_id,
                    channel_id=interaction.channel_id,
                    # 0 once the member asked to be forgotten: the command is counted, naming nobody
                    user_id=0 if interaction.extras.get("forgotten") else interaction.user.id,
                    command=command,
                    options=dict(iter(interaction.namespace)),
                    latency_ms=round((first - interaction.created_at).total_seconds() * 1000, 2),
                    outcome=outcome,
                    error_type=error_type,
                    person=interaction.extras.get("person"),
                    article_id=interaction.extras.get("article"),
                )
            )
        except Exception:  # recording must never break a command
            log.exception("could not record usage")

    async def close(self) -> None:
        try:
            if self.metrics_server is not None:
                await self.metrics_server.stop()
            await super().close()
        finally:
            PARSER.close()  # the parse processes (a busy one is killed)
            try:
                await self.usage.close()
            finally:
                await self.store.close()


# ---------------------------------------------------------------------------------------------------------


class TokenError(ValueError):
    pass


def check_token(settings: Settings) -> str:
    token = settings.discord_token.get_secret_value().strip() if settings.discord_token else ""
    if not token:
        raise TokenError(
            "DISCORD_TOKEN is not set: put the bot token from the Discord developer portal in it"
        )
    if not TOKEN_RE.match(token):
        raise TokenError(
            "DISCORD_TOKEN is malformed: expected three dot-separated parts, as the developer portal shows"
        )
    return token


class ShardedNewsdeskBot(NewsdeskBot, commands.AutoShardedBot):
    """Several shards on one process; ``NEWSDESK_SHARD_IDS`` picks which of ``NEWSDESK_SHARD_COUNT``."""


def make_bot(settings: Settings) -> NewsdeskBot:
    """One connection by default; with NEWSDESK_SHARD_COUNT, an AutoShardedBot for this process's shards."""
    if settings.shard_count is None:
        return NewsdeskBot(settings)
    ids = settings.shard_ids or list(range(settings.shard_count))
    log.info("running shards %s of %d as %s", ids, settings.shard_count, settings.instance)
    return ShardedNewsdeskBot(settings, shard_count=settings.shard_count, shard_ids=ids)


def setup_logging(level: str) -> None:
    """discord.py's log handler on the root logger, at ``level`` (a logging level name), with our format."""
    discord.utils.setup_logging(
        level=getattr(logging, level),
        formatter=logging.Formatter("%(asctime)s %(levelname)-8s %(name)s: %(message)s"),
        root=True,
    )


async def run_bot(settings: Settings, token: str) -> int:
    """Run until SIGTERM/SIGINT or a fatal error; close cleanly (store closed, pending writes flushed)."""
    await discord_api.configure(settings.discord_api_base, settings.discord_gateway_url)
    bot = make_bot(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with bot:
        delay = FIRST_RETRY_SECONDS
        while True:
            runner = asyncio.create_task(bot.start(token), name="discord")
            waiter = asyncio.create_task(stop.wait(), name="signals")
            done, _ = await asyncio.wait({runner, waiter}, return_when=asyncio.FIRST_COMPLETED)
            if waiter in done:
                log.info("stopping: signal received")
                await bot.close()
            waiter.cancel()
            try:
                await runner
            except discord.LoginFailure:
                log.error("DISCORD_TOKEN was rejected by Discord; check the token in the developer portal")
                return 2
            except asyncio.CancelledError:
                pass
            except (OSError, aiohttp.ClientError, discord.GatewayNotFound, TimeoutError) as exc:
                # No network, DNS failing, Discord unreachable: one line, then try again later.
                log.warning(
                    "cannot reach Discord (%s: %s); trying again in %.0f s",
                    type(exc).__name__,
                    str(exc) or "no detail",
                    delay,
                )
                try:
                    await asyncio.wait_for(stop.wait(), delay)
                except TimeoutError:
                    delay = min(delay * 2, LAST_RETRY_SECONDS)
                    continue
                log.info("stopping: signal received")
            break
    log.info("stopped cleanly")
    return 0
