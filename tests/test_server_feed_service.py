"""The server-feed service without Discord: /feed add's first read and the polling loop never read one feed
together (issue 19: under load the loop took the entries the add then missed, and its sample was not the
newest)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.article import Article
from bot.delivery import Channel, Server
from bot.feeds.service import ServerFeedService
from bot.ingest.feeds import FeedPoller
from bot.ingest.intake import parse_bytes
from bot.store.feeds import ServerFeed
from bot.store.sql import SQLStore
from tests.fakes import FakePoster
from tests.feedserver import FeedServer, harbour_item, rss

GUILD, CHANNEL = 1, 10


class Posts:
    """Records what would be posted, per feed."""

    def __init__(self) -> None:
        self.posted: list[tuple[int, list[str]]] = []

    async def post(self, feed: ServerFeed, articles: list[Article], lang: str = "en") -> dict[str, int]:
        self.posted.append((feed.id, [a.title for a in articles]))
        return {"sent": len(articles), "folded": 0, "failed": 0}

    async def resume(self, guilds: set[int]) -> None:
        return None


class SlowParse:
    """Parses as usual, but the first article waits at a gate until the test opens it."""

    def __init__(self) -> None:
        self.entered = asyncio.Event()
        self.gate = asyncio.Event()
        self.calls = 0

    async def __call__(self, data: bytes) -> Article:
        self.calls += 1
        if self.calls == 1:
            self.entered.set()
            await self.gate.wait()
        return await parse_bytes(data)


@pytest.fixture
async def feeds() -> Any:
    server = FeedServer()
    await server.start()
    yield server
    await server.stop()


async def test_the_loop_waits_for_the_first_read_of_a_new_feed(store: SQLStore, feeds: FeedServer) -> None:
    start = datetime.now(UTC)
    clock = [start]
    old = [harbour_item(n, start - timedelta(days=5 + n)) for n in range(3)]
    url = feeds.serve("h.xml", rss("Harbour Desk", old))
    posts, parse = Posts(), SlowParse()
    service = ServerFeedService(
        store,
        FakePoster(guilds={GUILD: Server(GUILD, "Harbour")}, channels={CHANNEL: Channel(CHANNEL, "text")}),
        posts,  # type: ignore[arg-type]
        FeedPoller([], 0.02, allow_hosts=["127.0.0.1"]),
        clock=lambda: clock[0],
        limit=20,
        reload_guild=lambda guild_id: asyncio.sleep(0),
        parse=parse,
    )
    adding = asyncio.create_task(service.add(GUILD, CHANNEL, url, "each", False, 7, sample=True))
    await asyncio.wait_for(
        parse.entered.wait(), 10
    )  # the add has stored the feed and is reading its first entry
    clock[0] = start + timedelta(hours=1)  # long after the feed's interval
    ticking = asyncio.create_task(service.tick())
    done, _ = await asyncio.wait({ticking}, timeout=1.0)
    assert not done  # the loop waits for the add's first read instead of reading the feed too
    parse.gate.set()
    feed, new, taken = await asyncio.wait_for(adding, 10)
    await asyncio.wait_for(ticking, 10)
    assert new and taken == 3
    # the sample is the newest item, and the loop posted nothing after (the feed was not due any more)
    assert posts.posted == [(feed.id, ["Quay 0 (north) reopens after crane inspection"])]
    assert parse.calls == 3  # every entry read once, by the add
    (now,) = await store.server_feeds(GUILD)
    assert now.primed and now.next_at > clock[0].isoformat()


async def test_a_new_feed_is_not_due_while_its_first_read_is_under_way(
    store: SQLStore, feeds: FeedServer
) -> None:
    """Another process's loop (no lock shared) does not find the feed due before the first read is stored."""
    start = datetime.now(UTC)
    clock = [start]
    url = feeds.serve("h.xml", rss("Harbour Desk", [harbour_item(1, start - timedelta(days=2))]))
    parse = SlowParse()
    service = ServerFeedService(
        store,
        FakePoster(guilds={GUILD: Server(GUILD, "Harbour")}, channels={CHANNEL: Channel(CHANNEL, "text")}),
        Posts(),  # type: ignore[arg-type]
        FeedPoller([], 0.02, allow_hosts=["127.0.0.1"]),
        clock=lambda: clock[0],
        limit=20,
        reload_guild=lambda guild_id: asyncio.sleep(0),
        parse=parse,
    )
    adding = asyncio.create_task(service.add(GUILD, CHANNEL, url, "each", False, 7))
    await asyncio.wait_for(parse.entered.wait(), 10)
    later = start + timedelta(minutes=5)  # many intervals of 1.2 s, well within the first read's lease
    assert await store.due_server_feeds(later.isoformat()) == []
    parse.gate.set()
    await asyncio.wait_for(adding, 10)


async def test_a_post_into_a_storys_thread_is_resent_there_with_its_nonce(store: SQLStore) -> None:
    from bot.feeds.posting import FeedPoster, nonce

    article = await parse_bytes(
        b"Lumen Freight board backs sale\nTidewire\xc2\xb72026-03-04 09:00\n\nCore Viewpoint - The board backed it.\n"
    )
    await store.upsert_article(article, guild_id=GUILD)
    feed, _ = await store.add_server_feed(GUILD, "https://wire.example/rss", CHANNEL, "each", False, 7, 20)
    assert feed is not None and not feed.story_threads
    feed, _ = await store.add_server_feed(
        GUILD, "https://wire.example/rss", CHANNEL, "each", False, 7, 20, story_threads=True
    )
    assert feed is not None and feed.story_threads
    poster = FakePoster(
        guilds={GUILD: Server(GUILD, "Harbour")}, channels={CHANNEL: Channel(CHANNEL, "text")}
    )
    poster.failures = [OSError("connection reset")]  # the first send does not get through: resent later

    async def thread_of(guild_id: int, article_id: str) -> int | None:
        return 555 if (guild_id, article_id) == (GUILD, article.id) else None

    posting = FeedPoster(store, poster, lambda: None, cap=5, thread_of=thread_of)  # type: ignore[arg-type]
    assert (await posting.post(feed, [article]))["failed"] == 1
    [pending] = await store.pending_feed_posts({GUILD})
    assert pending.detail == "thread:555" and pending.channel_id == CHANNEL

    class Library:
        def view(self, guild_id: int) -> Any:
            return self

        def article(self, article_id: str) -> Article | None:
            return article if article_id == article.id else None

    posting.library = lambda: Library()  # type: ignore[assignment,return-value]
    assert await posting.resume({GUILD}) == 1
    assert [(kind, to, post.nonce) for kind, to, post in poster.sent] == [
        ("channel", 555, nonce(GUILD, CHANNEL, article.id))
    ]
    assert await store.pending_feed_posts({GUILD}) == []
    await posting.post(feed, [article])  # posted already: not again
    assert len(poster.sent) == 1


@pytest.mark.parametrize("made_before", [True, False])
async def test_a_forum_post_resent_after_a_restart_adopts_the_post_an_interrupted_try_made(
    store: SQLStore, made_before: bool
) -> None:
    """Discord takes no nonce for a forum post: a pending one is looked for among the bot's active posts of
    that forum (its name, made after it was recorded) before it is posted again."""
    import time

    from bot.delivery import DISCORD_EPOCH_MS, Thread
    from bot.feeds.posting import FeedPoster

    forum = 20
    article = await parse_bytes(
        b"Quayside cranes back in service\nTidewire\xc2\xb72026-03-04 09:00\n\nCore Viewpoint - They are back.\n"
    )
    await store.upsert_article(article, guild_id=GUILD)
    feed, _ = await store.add_server_feed(GUILD, "https://wire.example/rss", forum, "each", False, 7, 20)
    assert feed is not None
    poster = FakePoster(guilds={GUILD: Server(GUILD, "Harbour")}, channels={forum: Channel(forum, "forum")})
    poster.failures = [OSError("connection reset")]  # Discord made the post, its answer never came back
    posting = FeedPoster(store, poster, lambda: None, cap=5)  # type: ignore[arg-type]
    assert (await posting.post(feed, [article]))["failed"] == 1
    made = ((int(time.time() * 1000) + 1000 - DISCORD_EPOCH_MS) << 22) | 7
    if made_before:
        poster.threads = [Thread(made, forum, article.title), Thread(made + 1, forum + 1, article.title)]

    class Library:
        def view(self, guild_id: int) -> Any:
            return self

        def article(self, article_id: str) -> Article | None:
            return article if article_id == article.id else None

    posting.library = lambda: Library()  # type: ignore[assignment,return-value]
    assert await posting.resume({GUILD}) == 1
    assert await store.pending_feed_posts({GUILD}) == []
    if made_before:
        assert poster.sent == []  # adopted, not posted twice
        assert await store.feed_post_message_ids(forum) == {made}
    else:
        assert [(kind, to) for kind, to, _ in poster.sent] == [("thread", forum)]
