"""A server's own feeds (/feed): adding (fetched once first, so a bad or refused address is said at once),
testing (nothing stored), polling when due, posting new articles, and telling the server once when a feed has
failed for a day.

Articles from a server's feed belong to that server's scope (source key ``feed:<guild>:<feed id>#<entry>``); a
feed's entries are remembered per feed (and by text within the server), never across servers. The first fetch
of a new feed takes in what the feed holds without posting any of it; after that, each new entry is posted
when the feed says ``post: each`` (see :mod:`bot.feeds.posting`).
"""

from __future__ import annotations

import asyncio
import calendar
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from yarl import URL

from bot import filters
from bot.article import MAX_BYTES, Article, ArticleError
from bot.delivery import Post, Poster, SendError
from bot.errors import UserError
from bot.feeds.posting import FeedPoster
from bot.i18n import feed_error, use_locale
from bot.ingest.feeds import (
    MAX_BACKOFF,
    FeedError,
    FeedPoller,
    FeedState,
    content_hash,
    entry_key,
    entry_text,
    with_link,
)
from bot.ingest.intake import parse_bytes
from bot.render import posts
from bot.render.limits import fit, one_line
from bot.settings import redact_secrets
from bot.store import IngestOutcome
from bot.store.feeds import ServerFeed

log = logging.getLogger("newsdesk.serverfeeds")

MAX_URL = 500  # characters of a feed address
TEST_ITEMS = 3  # items /feed test shows
NOTICE_AFTER = timedelta(days=1)  # a feed failing this long is told to its server, once
OLD_SLACK = timedelta(hours=1)
FIRST_READ_LEASE = timedelta(
    minutes=10
)  # an entry dated this much before its feed was added is old: not posted


@dataclass
class Taken:
    """What one fetch of a server's feed brought."""

    new: list[Article] = field(default_factory=list)  # stored now, newest entries last
    to_post: list[Article] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # entries that could not be read, with the reason
    newest: Article | None = None  # the stored entry with the latest date (the sample /feed add can post)
    newest_at: datetime | None = None


def _for_managers(error: str) -> str:
    """A fetch error as a server manager reads it: the operator's setting that would allow an address is not
    theirs to change, so it is left out."""
    return re.sub(r"\s*\(allow it with \w+\)", "", error)


def _published(entry: Any) -> datetime | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime.fromtimestamp(calendar.timegm(stamp), UTC) if stamp else None


class FeedStore(Protocol):
    """The store methods a server's feeds use (beside those of posting, :class:`bot.feeds.posting.PostStore`)."""

    async def server_feeds(self, guild_id: int | None = None) -> list[ServerFeed]: ...
    async def add_server_feed(
        self,
        guild_id: int,
        url: str,
        channel_id: int | None,
        post: str,
        crosspost: bool,
        added_by: int,
        limit: int,
        next_at: str | None = None,
        story_threads: bool = False,
    ) -> tuple[ServerFeed | None, bool]: ...
    async def remove_server_feed(self, guild_id: int, url: str) -> bool: ...
    async def due_server_feeds(self, now: str) -> list[ServerFeed]: ...
    async def feed_fetched(
        self,
        feed_id: int,
        *,
        error: str | None,
        next_at: str,
        etag: str | None = None,
        modified: str | None = None,
    ) -> ServerFeed | None: ...
    async def feed_notified(self, feed_id: int) -> bool: ...
    async def server_entry_seen(
        self, feed_id: int, guild_id: int, entry_key: str, content_hash: str
    ) -> bool: ...
    async def record_server_entry(
        self, feed_id: int, guild_id: int, entry_key: str, content_hash: str, article_id: str | None
    ) -> None: ...
    async def upsert_article(
        self, article: Article, source_key: str | None = None, guild_id: int = ...
    ) -> IngestOutcome: ...
    async def filter_rules(self, guild_id: int) -> list[filters.StoredRule]: ...
    async def get_digest_settings(self, guild_id: int) -> dict[str, Any] | None: ...


class ServerFeedService:
    """``fetcher`` fetches and reads the feeds (its guard refuses private addresses); ``posts`` posts their
    articles; ``reload_guild`` brings a server's new articles into the library; ``backlog`` collects the
    articles taken in as no news (no story thread is made for them); ``limit``: feeds per server."""

    def __init__(
        self,
        store: FeedStore,
        poster: Poster,
        posts: FeedPoster,
        fetcher: FeedPoller,
        *,
        clock: Callable[[], datetime],
        limit: int,
        reload_guild: Callable[[int], Awaitable[None]],
        backlog: set[tuple[int, str]] | None = None,
        parse: Callable[[bytes], Awaitable[Article]] = parse_bytes,
    ) -> None:
        self.store = store
        self.discord = poster
        self.poster = posts
        self.fetcher = fetcher
        self.now = clock
        self.limit = limit
        self.reload_guild = reload_guild
        self.backlog = backlog
        self.parse = parse
        # one read of a feed at a time in this process: /feed add's first read and the polling loop never take
        # the same feed's entries in together (by server and address: the add's feed has no id before it)
        self._reading: dict[tuple[int, str], asyncio.Lock] = {}

    def _lock(self, guild_id: int, url: str) -> asyncio.Lock:
        return self._reading.setdefault((guild_id, url), asyncio.Lock())

    # ------------------------------------------------------------------ commands

    def check_url(self, url: str) -> str:
        """The address as given, when it may be a feed: http(s), a host, not a refused literal address."""
        url = url.strip().strip("<>")
        try:
            parsed = URL(url)
        except ValueError:
            parsed = None
        if parsed is None or len(url) > MAX_URL or parsed.scheme not in ("http", "https") or not parsed.host:
            raise UserError("feed_bad_url", url=url[:100].replace("`", "ˋ"))
        try:
            self.fetcher.guard.check_url(parsed)
        except FeedError as exc:
            raise UserError("feed_refused", error=feed_error(_for_managers(str(exc)))) from exc
        return url

    async def fetch(self, url: str) -> Any:
        """Fetch and read the feed now; a failure is a :class:`UserError` with the reason."""
        try:
            return await self.fetcher.fetch_now(FeedState(url))
        except FeedError as exc:
            raise UserError(
                "feed_refused", error=feed_error(_for_managers(redact_secrets(str(exc))))
            ) from exc

    async def test(self, url: str) -> tuple[list[Article], int]:
        """The first items as they would be posted, and how many items had no text; nothing is stored."""
        url = self.check_url(url)
        parsed = await self.fetch(url)
        title = str(parsed.get("feed", {}).get("title") or url)
        shown: list[Article] = []
        skipped = 0
        for entry in parsed.get("entries") or []:
            if len(shown) >= TEST_ITEMS:
                break
            text = entry_text(entry, title)
            if not text:
                skipped += 1
                continue
            try:
                shown.append(with_link(await self.parse(text.encode("utf-8", "surrogatepass")), entry))
            except Exception:  # an entry that cannot be read is left out, as polling would
                skipped += 1
        return shown, skipped

    async def add(
        self,
        guild_id: int,
        channel_id: int | None,
        url: str,
        post: str | None,
        crosspost: bool | None,
        user_id: int,
        sample: bool = False,
        story_threads: bool | None = None,
    ) -> tuple[ServerFeed, bool, int]:
        """(the feed, whether it is new, articles taken in now). A new feed is fetched first: what it holds is
        added to the server's library and none of it is posted (but its newest item, with ``sample``)."""
        url = self.check_url(url)
        async with self._lock(guild_id, url):
            return await self._add(guild_id, channel_id, url, post, crosspost, user_id, sample, story_threads)

    async def _add(
        self,
        guild_id: int,
        channel_id: int | None,
        url: str,
        post: str | None,
        crosspost: bool | None,
        user_id: int,
        sample: bool,
        story_threads: bool | None,
    ) -> tuple[ServerFeed, bool, int]:
        feeds = await self.store.server_feeds(guild_id)
        before = next((f for f in feeds if f.url == url), None)
        channel_id, post, crosspost = self._options(guild_id, before, channel_id, post, crosspost)
        if story_threads is None:  # left out: as the feed has it
            story_threads = before.story_threads if before is not None else False
        known = {f.url for f in feeds}
        if url not in known and len(known) >= self.limit:
            raise UserError("feed_limit", limit=self.limit)
        parsed = None
        if url not in known:
            parsed = await self.fetch(url)  # refused, unreachable or not a feed: nothing is stored
        feed, new = await self.store.add_server_feed(
            guild_id,
            url,
            channel_id,
            post,
            crosspost,
            user_id,
            self.limit,
            # not due before this first fetch is taken in (it is then due one interval later): besides the lock,
            # a loop in another process must not take it in at the same time
            next_at=self._first_read_lease() if parsed is not None else None,
            story_threads=story_threads,
        )
        if feed is None:
            raise UserError("feed_limit", limit=self.limit)
        taken = 0
        if new and parsed is not None:
            got = await self._take(feed, parsed, prime=True)
            await self.store.feed_fetched(feed.id, error=None, next_at=self._next(0))
            taken = len(got.new)
            if got.new:
                await self.reload_guild(guild_id)
            if sample and got.newest is not None and post == "each":
                with use_locale(await self._language(guild_id)):
                    await self.poster.post(feed, [got.newest])
        return feed, new, taken

    def _options(
        self,
        guild_id: int,
        before: ServerFeed | None,
        channel_id: int | None,
        post: str | None,
        crosspost: bool | None,
    ) -> tuple[int | None, str, bool]:
        """(channel, post mode, crosspost) for /feed add: options left out keep what the feed has when the server
        added it already, as /digest set does; the bot must be able to post in the channel."""
        if before is not None and channel_id is None and before.channel_id is not None:
            # the channel it had, while it is there
            channel_id = before.channel_id if self.discord.channel(guild_id, before.channel_id) else None
        if post is None:
            kept = before.post if before is not None else None
            post = kept if kept is not None and (kept != "digest-only" or channel_id is None) else None
            post = post or ("each" if channel_id is not None else "digest-only")
        if crosspost is None:
            crosspost = before.crosspost if before is not None else False
        if post == "each" and channel_id is None:
            raise UserError("feed_need_channel")
        if channel_id is not None:
            channel = self.discord.channel(guild_id, channel_id)
            # a forum: a post per article, as story threads do
            forum = channel is not None and channel.kind == "forum"
            problem = self.discord.cannot_post(guild_id, channel_id, threads=forum)
            if problem:
                raise UserError("refusal", text=problem)
        return channel_id, post, crosspost

    async def feeds(self, guild_id: int) -> list[ServerFeed]:
        """A server's feeds."""
        return await self.store.server_feeds(guild_id)

    async def remove(self, guild_id: int, url: str) -> bool:
        return bool(await self.store.remove_server_feed(guild_id, url.strip().strip("<>")))

    # ------------------------------------------------------------------ polling

    def _first_read_lease(self) -> str:
        """When a new feed falls due should its first read never be stored (the process ended meanwhile)."""
        return (self.now() + max(FIRST_READ_LEASE, timedelta(seconds=self.fetcher.interval))).isoformat()

    def _next(self, failures: int) -> str:
        interval = self.fetcher.interval
        delay = interval if not failures else min(interval * 2**failures, max(MAX_BACKOFF, interval))
        return (self.now() + timedelta(seconds=delay)).isoformat()

    async def tick(self) -> None:
        """Resend interrupted posts, then fetch every due feed of the servers this process serves."""
        serving = self.discord.servers()
        if not serving:
            return
        try:
            await self.poster.resume(serving)
        except Exception:
            log.exception("resending interrupted feed posts failed")
        for due in await self.store.due_server_feeds(self.now().isoformat()):
            if due.guild_id not in serving:
                continue  # another shard's server, or one we left
            try:
                async with self._lock(due.guild_id, due.url):
                    # as it is now: a /feed add that held the lock may have read it (then it is not due)
                    feed = next(
                        (f for f in await self.store.server_feeds(due.guild_id) if f.id == due.id), None
                    )
                    if feed is None or feed.next_at > self.now().isoformat():
                        continue
                    await self.poll(feed)
            except Exception:  # one feed's trouble never stops the others
                log.exception("server %s: feed %s failed", due.guild_id, redact_secrets(due.url))

    async def poll(self, feed: ServerFeed) -> Taken:
        state = FeedState(feed.url, etag=feed.etag, modified=feed.modified)
        try:
            parsed = await self.fetcher.fetch_now(state)
        except Exception as exc:
            error = str(exc) if isinstance(exc, FeedError) else f"{exc.__class__.__name__}: {exc}"
            await self._failed(feed, redact_secrets(error))
            return Taken()
        taken = Taken() if parsed is None else await self._take(feed, parsed, prime=not feed.primed)
        await self.store.feed_fetched(
            feed.id, error=None, next_at=self._next(0), etag=state.etag, modified=state.modified
        )
        if taken.new:
            await self.reload_guild(feed.guild_id)
        if taken.to_post and feed.post == "each":
            rules = filters.rules_for(
                await self.store.filter_rules(feed.guild_id),
                "feeds",
                channel_id=feed.channel_id,
                feed_id=feed.id,
            )
            chosen = [a for a in taken.to_post if filters.passes(a, rules)]
            if chosen:
                with use_locale(await self._language(feed.guild_id)):
                    await self.poster.post(feed, chosen)
        return taken

    async def _take(self, feed: ServerFeed, parsed: Any, prime: bool) -> Taken:
        """Store the entries this feed has not given before, in the server's scope; on the first fetch
        (``prime``) none is to be posted, and later an entry dated well before the feed was added is not."""
        title = str(parsed.get("feed", {}).get("title") or feed.url)
        added = datetime.fromisoformat(feed.added_at)
        taken = Taken()
        for entry in reversed(list(parsed.get("entries") or [])):  # feeds list the newest first
            text = entry_text(entry, title)
            if not text:
                continue
            key, digest = entry_key(entry, text), content_hash(text)
            if await self.store.server_entry_seen(feed.id, feed.guild_id, key, digest):
                continue
            try:
                data = text.encode("utf-8", "surrogatepass")
                if len(data) > MAX_BYTES:
                    raise ArticleError(
                        f"entry is {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes (1 MB)"
                    )
                article = with_link(await self.parse(data), entry)
            except Exception as exc:
                reason = str(exc) if isinstance(exc, ArticleError) else exc.__class__.__name__
                taken.failed.append(f"entry {key}: {reason}")
                await self.store.record_server_entry(feed.id, feed.guild_id, key, digest, None)
                continue
            when = _published(entry)
            news = not prime and (when is None or when >= added - OLD_SLACK)
            if not news and self.backlog is not None:
                # no story threads for what is not news either; marked before it is stored, since a library
                # reload (another poll's, a scan's) may put it in its story as soon as it is stored
                self.backlog.add((feed.guild_id, article.id))
            outcome = await self.store.upsert_article(
                article, f"feed:{feed.guild_id}:{feed.id}#{key}", guild_id=feed.guild_id
            )
            await self.store.record_server_entry(feed.id, feed.guild_id, key, digest, article.id)
            if outcome is IngestOutcome.SKIPPED:
                continue
            taken.new.append(article)
            if taken.newest is None or (
                when is not None and (taken.newest_at is None or when > taken.newest_at)
            ):
                taken.newest, taken.newest_at = article, when
            if news:
                taken.to_post.append(article)
        for reason in taken.failed:
            log.warning("server %s: feed %s: %s", feed.guild_id, redact_secrets(feed.url), reason)
        return taken

    async def _failed(self, feed: ServerFeed, error: str) -> None:
        now = await self.store.feed_fetched(feed.id, error=error, next_at=self._next(feed.failures + 1))
        log.warning(
            "server %s: feed %s failed (%d in a row): %s",
            feed.guild_id,
            redact_secrets(feed.url),
            feed.failures + 1,
            error,
        )
        if now is None or now.notified or now.failing_since is None:
            return
        if self.now() - datetime.fromisoformat(now.failing_since) < NOTICE_AFTER:
            return
        if not await self.store.feed_notified(feed.id):
            return  # told already (by another process)
        await self._notify(now)

    async def _notify(self, feed: ServerFeed) -> None:
        """Tell the server once: in the feed's channel, else the manager who added it by direct message."""
        with use_locale(await self._language(feed.guild_id)):
            text = posts.failing_notice(feed)
        channel = self.discord.channel(feed.guild_id, feed.channel_id) if feed.channel_id else None
        try:
            if channel is not None and channel.kind in ("text", "news"):
                await self.discord.send(channel.id, Post(content=text))
                return
            if channel is not None and channel.kind == "forum":
                await self.discord.create_thread(
                    feed.guild_id, channel.id, fit(one_line(text), 100), post=Post(content=text)
                )
                return
            if not feed.added_by:
                return  # the manager who added it asked to be forgotten, and there is no channel
            await self.discord.send_dm(feed.added_by, Post(content=text))
        except SendError as exc:
            log.warning("could not tell server %s that feed %s fails: %s", feed.guild_id, feed.url, exc)

    async def _language(self, guild_id: int) -> str:
        row = await self.store.get_digest_settings(guild_id)
        return str(row.get("language") or "en") if row else "en"
