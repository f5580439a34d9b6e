"""A server's own feeds in the store (both backends): the limit, health, entries seen, posts recorded once."""

from __future__ import annotations

from bot.store.sql import SQLStore

FEED = "https://wire.example/rss"


async def test_feeds_are_per_server_with_a_limit(store: SQLStore) -> None:
    first, new = await store.add_server_feed(1, FEED, 10, "each", False, 7, limit=2)
    assert new and first is not None and (first.post, first.channel_id, first.primed) == ("each", 10, False)
    again, new_again = await store.add_server_feed(1, FEED, 11, "none", True, 7, limit=2)
    assert (
        not new_again
        and again is not None
        and (again.id, again.channel_id, again.crosspost)
        == (
            first.id,
            11,
            True,
        )
    )
    assert (await store.add_server_feed(1, FEED + "2", None, "none", False, 7, limit=2))[0] is not None
    full, _ = await store.add_server_feed(1, FEED + "3", None, "none", False, 7, limit=2)
    assert full is None  # the third feed is over the limit of two
    other, _ = await store.add_server_feed(2, FEED, None, "each", False, 8, limit=2)
    assert other is not None and other.id != first.id
    assert [f.url for f in await store.server_feeds(2)] == [FEED]
    assert await store.remove_server_feed(1, FEED)
    assert not await store.remove_server_feed(1, FEED)
    assert [f.url for f in await store.server_feeds(1)] == [FEED + "2"]
    assert [f.guild_id for f in await store.server_feeds(2)] == [2]  # the other server's copy stays


async def test_health_and_entries(store: SQLStore) -> None:
    feed, _ = await store.add_server_feed(1, FEED, None, "each", False, 7, limit=20)
    assert feed is not None
    assert [f.id for f in await store.due_server_feeds("9999")] == [feed.id]
    failed = await store.feed_fetched(feed.id, error="HTTP 500", next_at="2100-01-01")
    assert failed is not None and failed.failures == 1 and failed.failing_since and not failed.primed
    twice = await store.feed_fetched(feed.id, error="HTTP 502", next_at="2100-01-01")
    assert twice is not None and twice.failing_since == failed.failing_since and twice.failures == 2
    assert await store.feed_notified(feed.id) and not await store.feed_notified(feed.id)
    assert await store.due_server_feeds("2099") == []
    ok = await store.feed_fetched(feed.id, error=None, next_at="2000-01-01", etag='"e1"')
    assert ok is not None and ok.primed and ok.failures == 0 and not ok.notified and ok.etag == '"e1"'
    assert not await store.server_entry_seen(feed.id, 1, "e-1", "h1")
    await store.record_server_entry(feed.id, 1, "e-1", "h1", None)
    assert await store.server_entry_seen(feed.id, 1, "e-1", "other")
    assert await store.server_entry_seen(feed.id, 1, "e-2", "h1")  # the same text under another id
    assert not await store.server_entry_seen(feed.id, 2, "e-2", "h1")  # another server is not affected


async def test_posts_are_recorded_once_and_counted(store: SQLStore) -> None:
    assert await store.claim_feed_post(1, 10, None, "a1", "post", "pending", "n1")
    assert not await store.claim_feed_post(1, 10, None, "a1", "post", "pending", "n1")
    assert await store.claim_feed_post(1, 10, None, "a2", "post", "folded", "n2")
    assert await store.feed_posts_since(10, "2000") == 1  # a fold is not a post
    pending = await store.pending_feed_posts({1})
    assert [p.article_id for p in pending] == ["a1"] and await store.pending_feed_posts({2}) == []
    await store.finish_feed_post(pending[0].id, "sent", 555)
    assert await store.pending_feed_posts() == []
    post = await store.feed_post(1, 10, "a1")
    assert post is not None and post.status == "sent"
    assert (await store.forget_guild(1))["feed_posts"] == 2


async def test_forgetting_a_member_unnames_the_feeds_they_added(store: SQLStore) -> None:
    await store.add_server_feed(1, FEED, None, "none", False, 77, limit=20)
    assert await store.forget_user(77) == 1
    assert [f.added_by for f in await store.server_feeds(1)] == [0]


async def test_articles_of_unposted_feeds_are_left_out_of_digests(store: SQLStore) -> None:
    quiet, _ = await store.add_server_feed(1, FEED, None, "none", False, 7, limit=20)
    loud, _ = await store.add_server_feed(1, FEED + "2", None, "digest-only", False, 7, limit=20)
    assert quiet is not None and loud is not None
    await store.record_server_entry(quiet.id, 1, "q1", "h1", "only-quiet")
    await store.record_server_entry(quiet.id, 1, "q2", "h2", "both")
    await store.record_server_entry(loud.id, 1, "l1", "h3", "both")
    assert await store.unposted_feed_articles(1) == {"only-quiet"}
    assert await store.unposted_feed_articles(2) == set()


async def test_filter_rules_per_server_with_a_limit(store: SQLStore) -> None:
    assert await store.add_filter(1, "feeds", "-word:rumour", limit=2) is True
    assert await store.add_filter(1, "feeds", "-word:rumour", limit=2) is False
    assert await store.add_filter(1, "all", "stance:denied", limit=2) is True
    assert await store.add_filter(1, "digest", "person:Mara Quist", limit=2) is None  # over the limit
    assert await store.filters(1) == [("feeds", "-word:rumour"), ("all", "stance:denied")]
    assert await store.filters(2) == []
    assert await store.remove_filter(1, "feeds", "-word:rumour")
    assert not await store.remove_filter(1, "digest", "stance:denied")
    assert (await store.forget_guild(1))["server_filters"] == 1


async def test_filter_rules_kept_to_a_channel_or_a_feed(store: SQLStore) -> None:
    feed, _ = await store.add_server_feed(1, FEED, 10, "each", False, 7, limit=20)
    assert feed is not None
    assert await store.add_filter(1, "feeds", "-word:rumour", limit=9) is True
    # the same rule for one channel, and for one feed, is another rule
    assert await store.add_filter(1, "feeds", "-word:rumour", limit=9, channel_id=10) is True
    assert await store.add_filter(1, "feeds", "-word:rumour", limit=9, feed_id=feed.id) is True
    assert await store.add_filter(1, "feeds", "-word:rumour", limit=9, channel_id=10) is False
    assert [(r.destination, r.rule, r.channel_id, r.feed_id) for r in await store.filter_rules(1)] == [
        ("feeds", "-word:rumour", 0, 0),
        ("feeds", "-word:rumour", 10, 0),
        ("feeds", "-word:rumour", 0, feed.id),
    ]
    assert await store.filters(1) == [("feeds", "-word:rumour")]  # those kept nowhere in particular
    assert await store.remove_filter(1, "feeds", "-word:rumour", channel_id=10)
    assert not await store.remove_filter(1, "feeds", "-word:rumour", channel_id=10)
    assert await store.remove_server_feed(1, FEED)  # its rules go with it
    assert [(r.channel_id, r.feed_id) for r in await store.filter_rules(1)] == [(0, 0)]
