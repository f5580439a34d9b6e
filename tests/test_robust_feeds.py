"""Feeds against a hostile or unlucky network: whole bodies read, short reads retried, not entries lost."""

from __future__ import annotations

from bot.ingest.feeds import FeedPoller
from bot.store.sql import SQLStore
from tests.feedserver import FeedServer


def big_feed(n: int) -> str:
    items = "".join(
        f"""<item><guid>big-{i}</guid><title>Company {i} reports record quarterly revenue</title>
<pubDate>Wed, 26 Feb 2025 21:00:00 GMT</pubDate>
<description><![CDATA[<p>Company {i} said revenue rose {i % 90 + 5}% to ${i + 1}.5 billion in the quarter.</p>
<p>Chief executive Alex Example{i} said demand was strong. Analysts reportedly expect margins to dip.</p>]]>
</description></item>
"""
        for i in range(n)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Big Wire</title>'
        f"<link>http://127.0.0.1/</link><description>many items</description>{items}</channel></rss>"
    )


async def test_a_large_feed_sent_in_many_chunks_is_read_whole(server: FeedServer, store: SQLStore) -> None:
    body = big_feed(400)
    assert len(body) > 100_000
    url = server.serve("big.xml", body)
    server.chunked["big.xml"] = 1024
    poller = FeedPoller([url])
    report = await poller.poll(store)
    assert (report.added, report.failed) == (400, [])
    assert poller.states[url].failures == 0


async def test_a_short_read_is_a_failure_that_is_retried(server: FeedServer, store: SQLStore) -> None:
    body = big_feed(40)
    url = server.serve("cut.xml", body)
    server.cut["cut.xml"] = len(body) // 2  # the connection closes halfway through the announced length
    poller = FeedPoller([url])
    report = await poller.poll(store)
    state = poller.states[url]
    assert report.added == 0 and report.failed == []  # nothing half-read is taken, nothing marked failed
    assert state.failures == 1 and "cannot fetch" in (state.last_error or "")
    # the server recovers: every entry comes in, the one that was cut included
    del server.cut["cut.xml"]
    again = await poller.poll(store, only_due=False)
    assert (again.added, again.failed) == (40, [])
    assert state.failures == 0


async def test_a_hostile_entry_fails_alone_and_later_entries_come_in(
    server: FeedServer, store: SQLStore
) -> None:
    poison = '{"title": "Big", "n": ' + "7" * 5_000 + "}"
    body = big_feed(3).replace(
        "<item>", f"<item><guid>poison</guid><description>{poison}</description></item><item>", 1
    )
    url = server.serve("poison.xml", body)
    poller = FeedPoller([url])
    report = await poller.poll(store)
    assert report.added == 3
    assert [reason.split(":")[0] for _, reason in report.failed] == ["entry poison"]
    assert "not valid article JSON" in report.failed[0][1]
    assert poller.states[url].failures == 0
