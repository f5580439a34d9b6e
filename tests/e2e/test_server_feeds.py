"""A server's own feeds end to end (issue 19): the real bot against the fake Discord and a loopback feed server.

A server's feed posts only in that server; /feed test stores nothing; a private address, and a redirect to
one, are refused with the reason; posts per channel and hour stay under the cap with the rest summarised in one
note; a restart (even one in the middle of a post) posts nothing twice and nothing old; the announcement channel
option publishes posts.
"""

from __future__ import annotations

import asyncio
import signal
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import BotProcess, start_bot, started
from tests.fakediscord import FakeDiscord
from tests.feedserver import FeedServer, harbour_item, rss

pytestmark = pytest.mark.asyncio(loop_scope="function")

CAP = 3  # posts per channel and hour in these tests


async def launch(fake: FakeDiscord, workdir: Path, **env: str) -> BotProcess:
    empty = workdir / "articles"
    empty.mkdir(exist_ok=True)
    fake.ready.clear()  # a restart: wait for this bot's own connection, not the last one's
    bot = await start_bot(
        fake,
        workdir,
        NEWSDESK_ARTICLES=str(empty),
        NEWSDESK_FEED_ALLOW_HOSTS="127.0.0.1",  # the loopback feed server only: the refusal stays on otherwise
        NEWSDESK_FEED_MINUTES="0.02",
        NEWSDESK_FEED_POSTS_PER_HOUR=str(CAP),
        **env,
    )
    await started(fake, bot, syncs=0)
    return bot


def rows(workdir: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(workdir / "newsdesk.db") as db:
        return db.execute(sql, args).fetchall()


def posts_in(fake: FakeDiscord, channel_id: int) -> list[dict[str, Any]]:
    return fake.channel_messages.get(channel_id, [])


def titles(messages: list[dict[str, Any]]) -> list[str]:
    return [e.get("title", "") for m in messages for e in m.get("embeds", [])]


@pytest.fixture
async def feeds() -> Any:
    server = FeedServer()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def two_servers() -> Any:
    fake = FakeDiscord(guild_count=2)
    await fake.start()
    yield fake
    await fake.stop()


async def test_a_servers_feed_posts_in_that_server_only_and_within_the_cap(
    two_servers: FakeDiscord, feeds: FeedServer, tmp_path: Path
) -> None:
    fake = two_servers
    bot = await launch(fake, tmp_path)
    one, two = fake.guild(0), fake.guild(1)
    now = datetime.now(UTC)
    old = [harbour_item(n, now - timedelta(days=30 + n)) for n in range(2)]
    url = feeds.serve("harbour.xml", rss("Harbour Desk", old))

    added = await fake.command(
        "feed add", {"url": url, "channel": str(one.channel_id)}, member="owner", timeout=30
    )
    assert added.ephemeral and added.content.startswith("Added <" + url), added.content
    assert "what it holds now (2 articles)" in added.content
    denied = await fake.command("feed add", {"url": url}, member="alice")
    assert "Manage Server" in denied.content  # managers only
    # Added again with an option left out: what was set stays (posting in the channel is not switched off).
    again = await fake.command("feed add", {"url": url, "crosspost": False}, member="owner", timeout=30)
    assert "was already a feed here" in again.content, again.content
    assert f"<#{one.channel_id}>" in again.content, again.content

    # New items arrive: each is posted once, in the first server's channel, the title linked to the item.
    fresh = [harbour_item(n, now + timedelta(seconds=n)) for n in range(10, 12)]
    feeds.serve("harbour.xml", rss("Harbour Desk", old + fresh))
    await fake.wait_for(lambda: len(posts_in(fake, one.channel_id)) >= 2, 30)
    await asyncio.sleep(3)  # a few more polls: nothing is posted again
    first = posts_in(fake, one.channel_id)
    assert titles(first) == [
        "Quay 10 (north) reopens after crane inspection",
        "Quay 11 (east) reopens after crane inspection",
    ]
    assert [m["embeds"][0]["url"] for m in first] == [
        "https://harbour.example/quay-10",
        "https://harbour.example/quay-11",
    ]
    embed = first[0]["embeds"][0]
    assert "Harbour Desk" in embed["description"] and any(f["name"] == "People" for f in embed["fields"])
    assert "Mara Quist" in next(f["value"] for f in embed["fields"] if f["name"] == "People")
    claims = next(f["value"] for f in embed["fields"] if f["name"] == "Key claims")
    assert "🔴 denied — Mara Quist: Northport chief executive Mara Quist denied" in claims
    assert all(
        fake.allowed_mentions[int(m["id"])] == {"parse": []} for m in first
    )  # article text never pings
    assert not any("Quay 0 " in t or "Quay 1 " in t for t in titles(first))  # nothing old
    assert posts_in(fake, two.channel_id) == []  # the other server sees nothing of it
    owners = {g for (g,) in rows(tmp_path, "SELECT DISTINCT guild_id FROM article_scopes")}
    assert owners == {one.id}

    # A burst of five: one more post fills the hour's cap of three, the other four are named in one note.
    burst = [harbour_item(n, now + timedelta(minutes=1, seconds=n)) for n in range(20, 25)]
    feeds.serve("harbour.xml", rss("Harbour Desk", old + fresh + burst))
    await fake.wait_for(
        lambda: any("more new article" in m["content"] for m in posts_in(fake, one.channel_id)), 30
    )
    await asyncio.sleep(2)
    messages = posts_in(fake, one.channel_id)
    article_posts = [m for m in messages if not m["content"]]
    notes = [m for m in messages if m["content"]]
    assert len(article_posts) == CAP and len(notes) == 1
    assert notes[0]["content"].startswith("…and 4 more new articles")
    assert notes[0]["embeds"][0]["description"].count("• [Quay 2") == 4

    listed = await fake.command("feed list", member="owner")
    assert url in listed.text() and "Last fetch" in listed.text() and f"<#{one.channel_id}>" in listed.text()

    # /feed test shows items as they would be posted and stores nothing.
    before = rows(tmp_path, "SELECT COUNT(*) FROM articles")[0][0]
    other = feeds.serve(
        "other.xml", rss("Ferry Desk", [harbour_item(n, now, "https://ferry.example") for n in range(40, 45)])
    )
    tested = await fake.command("feed test", {"url": other}, member="owner", timeout=30)
    assert tested.content.startswith("**Feed test**") and "Nothing was stored" in tested.content
    assert len(tested.embeds) == 3 and tested.embeds[0]["url"].startswith("https://ferry.example/quay-4")
    assert rows(tmp_path, "SELECT COUNT(*) FROM articles")[0][0] == before
    assert rows(tmp_path, "SELECT COUNT(*) FROM server_feeds")[0][0] == 1

    # Private, link-local and redirected-to-private addresses are refused with the reason; nothing is stored.
    private = await fake.command("feed add", {"url": "http://10.1.2.3/rss.xml"}, member="owner", timeout=30)
    assert "10.1.2.3 is a private address" in private.content, private.content
    feeds.redirects["hop.xml"] = "http://169.254.169.254/latest/meta-data"
    hop = await fake.command("feed add", {"url": feeds.url("hop.xml")}, member="owner", timeout=30)
    assert "169.254.169.254 is a link-local address" in hop.content, hop.content
    assert "NEWSDESK_FEED_ALLOW_HOSTS" not in hop.content  # the operator's setting, not the manager's
    tested_private = await fake.command(
        "feed test", {"url": "http://192.168.0.9/x"}, member="owner", timeout=30
    )
    assert "192.168.0.9 is a private address" in tested_private.content
    not_http = await fake.command("feed add", {"url": "file:///etc/passwd"}, member="owner")
    assert "not a feed address" in not_http.content
    assert rows(tmp_path, "SELECT COUNT(*) FROM server_feeds")[0][0] == 1

    removed = await fake.command("feed remove", {"url": url}, member="owner")
    assert removed.content.startswith("Removed")
    assert rows(tmp_path, "SELECT COUNT(*) FROM server_feeds")[0][0] == 0
    assert await bot.stop() == 0


async def test_a_restart_posts_nothing_twice_and_nothing_old(
    fresh_fake: FakeDiscord, feeds: FeedServer, tmp_path: Path
) -> None:
    fake = fresh_fake
    bot = await launch(fake, tmp_path)
    g = fake.guild()
    now = datetime.now(UTC)
    old = [harbour_item(n, now - timedelta(days=5 + n)) for n in range(3)]
    url = feeds.serve("h.xml", rss("Harbour Desk", old))
    added = await fake.command(
        "feed add",
        {"url": url, "channel": str(g.announce_channel_id), "crosspost": True, "sample": True},
        member="owner",
        timeout=30,
    )
    assert added.content.startswith("Added"), added.content
    await fake.wait_for(
        lambda: len(posts_in(fake, g.announce_channel_id)) == 1, 30
    )  # the newest, as a sample
    assert titles(posts_in(fake, g.announce_channel_id)) == ["Quay 0 (north) reopens after crane inspection"]

    fake.post_delay = 30.0  # the next post is stored at Discord but its answer never comes: the bot is killed
    feeds.serve("h.xml", rss("Harbour Desk", [*old, harbour_item(50, now)]))
    await fake.wait_for(lambda: len(posts_in(fake, g.announce_channel_id)) == 2, 30)
    await bot.stop(signal.SIGKILL)
    fake.release_posts()
    fake.post_delay = 0.0
    assert rows(tmp_path, "SELECT status FROM feed_posts ORDER BY id") == [("sent",), ("pending",)]

    bot = await launch(fake, tmp_path)
    await fake.wait_for(lambda: fake.deduplicated >= 1, 30)  # resent with the same nonce: Discord dropped it
    await fake.wait_for(lambda: rows(tmp_path, "SELECT status FROM feed_posts") == [("sent",)] * 2, 30)
    feeds.serve("h.xml", rss("Harbour Desk", [*old, harbour_item(50, now), harbour_item(51, now)]))
    await fake.wait_for(lambda: len(posts_in(fake, g.announce_channel_id)) == 3, 30)
    await bot.stop()
    bot = await launch(fake, tmp_path)  # a clean restart too
    await asyncio.sleep(4)
    messages = posts_in(fake, g.announce_channel_id)
    assert titles(messages) == [
        "Quay 0 (north) reopens after crane inspection",
        "Quay 50 (north) reopens after crane inspection",
        "Quay 51 (east) reopens after crane inspection",
    ]
    assert [int(m["id"]) for m in messages] == sorted(
        fake.crossposts
    )  # published from the announcement channel
    assert await bot.stop() == 0


async def test_role_pings_carry_only_that_role(
    fresh_fake: FakeDiscord, feeds: FeedServer, tmp_path: Path
) -> None:
    fake = fresh_fake
    bot = await launch(fake, tmp_path, NEWSDESK_ALERT_SECONDS="0.5")
    g = fake.guild()
    role = str(g.role_id)
    now = datetime.now(UTC)
    url = feeds.serve("h.xml", rss("Harbour Desk", [harbour_item(1, now - timedelta(days=3))]))
    added = await fake.command("feed add", {"url": url, "post": "digest-only"}, member="owner", timeout=30)
    assert "go into the digest only" in added.content, added.content

    # A digest with a role: its first message mentions that role, and only that role may ping.
    refused = await fake.command(
        "follow", {"target": "Mara Quist", "channel": str(g.channel_id), "role": role}, member="alice"
    )
    assert refused.content == "Mentioning a role needs the Manage Server permission."
    digest = await fake.command(
        "digest set", {"channel": str(g.channel_id), "time": "08:30", "role": role}, member="owner"
    )
    assert f"<@&{role}>" in digest.text()
    await fake.command("digest now", member="owner", timeout=30)
    first = posts_in(fake, g.channel_id)[0]
    assert first["content"].startswith(f"<@&{role}> ")
    assert fake.allowed_mentions[int(first["id"])] == {"parse": [], "roles": [g.role_id]}
    assert first["mention_roles"] == [role]

    # A manager's follow with a role: the alert mentions the follower and the role, nothing else.
    follow = await fake.command(
        "follow", {"target": "Mara Quist", "channel": str(g.channel_id), "role": role}, member="owner"
    )
    assert follow.content.startswith("Following **Mara Quist**"), follow.content
    before = len(posts_in(fake, g.channel_id))
    feeds.serve(
        "h.xml", rss("Harbour Desk", [harbour_item(1, now - timedelta(days=3)), harbour_item(2, now)])
    )
    await fake.wait_for(lambda: len(posts_in(fake, g.channel_id)) > before, 30)
    alert = posts_in(fake, g.channel_id)[-1]
    owner = str(fake.member("owner").id)
    assert alert["content"].startswith(f"<@&{role}> ") and f"<@{owner}>" in alert["content"]
    allowed = fake.allowed_mentions[int(alert["id"])] or {}
    assert allowed.get("roles") == [g.role_id] and allowed.get("users") == [int(owner)]
    assert "everyone" not in (allowed.get("parse") or []) and alert["mention_roles"] == [role]
    assert await bot.stop() == 0


async def test_a_feed_failing_for_a_day_is_told_once(
    fresh_fake: FakeDiscord, feeds: FeedServer, tmp_path: Path
) -> None:
    fake = fresh_fake
    bot = await launch(fake, tmp_path)
    g = fake.guild()
    now = datetime.now(UTC)
    posted = feeds.serve("a.xml", rss("Harbour Desk", [harbour_item(1, now)]))
    quiet = feeds.serve("b.xml", rss("Ferry Desk", [harbour_item(2, now, "https://ferry.example")]))
    await fake.command("feed add", {"url": posted, "channel": str(g.channel_id)}, member="owner", timeout=30)
    await fake.command("feed add", {"url": quiet, "post": "none"}, member="owner", timeout=30)
    feeds.serve("a.xml", "down for maintenance", status=503)
    feeds.serve("b.xml", "<html><body>a web page, not a feed</body></html>")
    failing = "SELECT COUNT(*) FROM server_feeds WHERE failures >= 2"
    await fake.wait_for(lambda: rows(tmp_path, failing)[0][0] == 2, 30)
    assert posts_in(fake, g.channel_id) == [] and fake.dms("owner") == []  # failing for seconds: not told yet
    listed = await fake.command("feed list", member="owner")
    assert "HTTP 503" in listed.text() and "not an RSS or Atom feed" in listed.text()
    assert await bot.stop() == 0

    bot = await launch(fake, tmp_path, NEWSDESK_CLOCK_OFFSET_SECONDS=str(25 * 3600))  # a day later
    await fake.wait_for(lambda: len(posts_in(fake, g.channel_id)) == 1 and len(fake.dms("owner")) == 1, 30)
    await fake.wait_for(lambda: rows(tmp_path, "SELECT MIN(failures) FROM server_feeds")[0][0] >= 4, 30)
    notice = posts_in(fake, g.channel_id)[0]["content"]
    assert notice.startswith(f"⚠ The feed {posted} has failed since") and "HTTP 503" in notice
    assert "`/feed test`" in notice
    dm = fake.dms("owner")[0]["content"]
    assert quiet in dm and "not an RSS or Atom feed" in dm
    assert (
        len(posts_in(fake, g.channel_id)) == 1 and len(fake.dms("owner")) == 1
    )  # once, for all the failures
    assert await bot.stop() == 0


async def test_a_filter_blocks_what_it_says(
    fresh_fake: FakeDiscord, feeds: FeedServer, tmp_path: Path
) -> None:
    fake = fresh_fake
    bot = await launch(fake, tmp_path)
    g = fake.guild()
    now = datetime.now(UTC)
    url = feeds.serve("h.xml", rss("Harbour Desk", [harbour_item(1, now - timedelta(days=2))]))
    await fake.command("feed add", {"url": url, "channel": str(g.channel_id)}, member="owner", timeout=30)
    bad = await fake.command("filter add", {"rule": "stance:perhaps"}, member="owner")
    assert bad.content.startswith("stance is one of: asserted, reported, denied, acknowledged")
    added = await fake.command("filter add", {"rule": "-word:South", "applies_to": "feeds"}, member="owner")
    assert added.content.startswith("Added `-word:South` for feeds.") and "would get through" in added.content
    assert "1 of the last 7 days' 1 article would get through" in added.content

    feeds.serve(
        "h.xml", rss("Harbour Desk", [harbour_item(n, now + timedelta(seconds=n)) for n in (1, 12, 13)])
    )
    await fake.wait_for(lambda: len(posts_in(fake, g.channel_id)) >= 1, 30)
    await asyncio.sleep(3)
    assert titles(posts_in(fake, g.channel_id)) == ["Quay 13 (west) reopens after crane inspection"]
    listed = await fake.command("filter list", member="owner")
    assert (
        "feeds: `-word:South`" in listed.content
        and "digest: 3 of the last 7 days' 3 articles" in listed.content
    )
    removed = await fake.command("filter remove", {"rule": "feeds · -word:South"}, member="owner")
    assert removed.content.startswith("Removed `-word:South` from feeds.")

    bogus = await fake.command("filter add", {"rule": "bogus"}, member="owner")  # not stored as word:bogus
    assert "use word:bogus" in bogus.content and "stance:" in bogus.content
    assert "bogus" not in (await fake.command("filter list", member="owner")).content
    zh = await fake.command(
        "filter add", {"rule": "stance:denied", "applies_to": "digest"}, member="owner", locale="zh-CN"
    )
    assert zh.content.startswith("已为 简报 添加 `stance:denied`。") and "digest" not in zh.content
    refused = await fake.command(
        "feed add", {"url": "http://10.20.30.40/feed.xml"}, member="owner", locale="zh-CN"
    )
    assert (
        "无法使用该订阅源：10.20.30.40 是内网地址。" in refused.content and "refused" not in refused.content
    )
    assert await bot.stop() == 0


async def test_setup_walks_a_manager_through_feeds_filters_and_story_threads(
    two_servers: FakeDiscord, feeds: FeedServer, tmp_path: Path
) -> None:
    fake = two_servers
    bot = await launch(fake, tmp_path)
    one = fake.guild(0)
    try:
        first = (await fake.command("setup", member="owner")).text()
        assert "This server's feeds" in first and "None yet" in first
        assert "/feed test url:" in first and "/story-channel set channel:#news" in first
        assert "Story threads" in first and "Off:" in first
        assert "/filter add" not in first  # a filter is offered once there is a feed to filter
        url = feeds.serve("harbour.xml", rss("Harbour Desk", [harbour_item(1, datetime.now(UTC))]))
        added = await fake.command(
            "feed add", {"url": url, "channel": str(one.channel_id)}, member="owner", timeout=30
        )
        assert "Added" in added.text() and "(1 article)" in added.text(), added.text()
        await fake.command("story-channel set", {"channel": str(one.channel_id)}, member="owner")
        with_feed = (await fake.command("setup", member="owner")).text()
        assert "1 feed; 1 post each new article in a channel." in with_feed
        assert f"Feed channel: ✅ <#{one.channel_id}>: everything I need." in with_feed
        assert f"Each new story becomes a thread in <#{one.channel_id}>" in with_feed
        assert "/filter add rule:-word:rumour" in with_feed  # now there is a feed to filter
        assert "/feed test url:" not in with_feed and "/story-channel set" not in with_feed
        await fake.command("filter add", {"rule": "-word:rumour"}, member="owner")
        filtered = (await fake.command("setup", member="owner")).text()
        assert "✅ 1 rule:" in filtered and "/filter add" not in filtered
        # the other server's checklist is its own
        other = (await fake.command("setup", member="owner", guild=1)).text()
        assert "None yet" in other and "Off:" in other and "1 rule" not in other
    finally:
        assert await bot.stop() == 0


async def test_a_feed_posting_into_a_forum_channel_makes_one_post_per_article(
    two_servers: FakeDiscord, feeds: FeedServer, tmp_path: Path
) -> None:
    fake = two_servers
    bot = await launch(fake, tmp_path)
    one = fake.guild(0)
    now = datetime.now(UTC)
    old = [harbour_item(1, now - timedelta(days=3))]
    url = feeds.serve("forum.xml", rss("Harbour Desk", old))
    try:
        added = await fake.command(
            "feed add", {"url": url, "channel": str(one.forum_channel_id)}, member="owner", timeout=30
        )
        assert added.content.startswith("Added <"), added.content
        fresh = [harbour_item(n, now + timedelta(seconds=n)) for n in (7, 8)]
        feeds.serve("forum.xml", rss("Harbour Desk", old + fresh))

        def forum_posts() -> list[dict[str, Any]]:
            return [t for t in fake.threads.values() if t["parent_id"] == str(one.forum_channel_id)]

        await fake.wait_for(lambda: len(forum_posts()) >= 2, 30)
        await asyncio.sleep(2)  # more polls: nothing is posted twice
        made = forum_posts()
        assert sorted(t["name"] for t in made) == [
            "Quay 7 (new) reopens after crane inspection",
            "Quay 8 (grain) reopens after crane inspection",
        ]
        for thread in made:
            first = fake.thread_posts(int(thread["id"]))
            assert len(first) == 1 and first[0]["embeds"][0]["url"].startswith("https://harbour.example/")
        sent = rows(
            tmp_path, "SELECT status, message_id FROM feed_posts WHERE channel_id = ?", one.forum_channel_id
        )
        assert [s for s, _ in sent] == ["sent", "sent"] and all(m for _, m in sent)
    finally:
        assert await bot.stop() == 0


async def test_a_filter_kept_to_a_channel_or_a_feed_applies_there_only(
    fresh_fake: FakeDiscord, feeds: FeedServer, tmp_path: Path
) -> None:
    fake = fresh_fake
    bot = await launch(fake, tmp_path)
    g = fake.guild()
    now = datetime.now(UTC)
    url = feeds.serve("h.xml", rss("Harbour Desk", [harbour_item(1, now - timedelta(days=2))]))
    try:
        await fake.command("feed add", {"url": url, "channel": str(g.channel_id)}, member="owner", timeout=30)
        # kept to another channel: the feed's posts here are not filtered by it
        other = await fake.command(
            "filter add", {"rule": "-word:South", "channel": str(g.announce_channel_id)}, member="owner"
        )
        assert other.content.startswith(f"Added `-word:South` for all in <#{g.announce_channel_id}>."), (
            other.content
        )
        mine = await fake.command("filter add", {"rule": "-word:east", "feed": url}, member="owner")
        assert mine.content.startswith(f"Added `-word:east` for feeds from <{url}>."), mine.content
        assert f"feeds from <{url}>: 0 of the last 7 days' 1 article would get through" in mine.content
        digest_of_feed = await fake.command(
            "filter add", {"rule": "-word:east", "feed": url, "applies_to": "digest"}, member="owner"
        )
        assert "applies to that feed's posts" in digest_of_feed.content

        feeds.serve(
            "h.xml",
            rss("Harbour Desk", [harbour_item(n, now + timedelta(seconds=n)) for n in (1, 11, 12, 13)]),
        )
        await fake.wait_for(lambda: len(posts_in(fake, g.channel_id)) >= 2, 30)
        await asyncio.sleep(3)
        assert titles(posts_in(fake, g.channel_id)) == [
            "Quay 12 (south) reopens after crane inspection",  # the rule for the other channel let it through
            "Quay 13 (west) reopens after crane inspection",
        ]  # Quay 11 (east) was kept out by the feed's own rule
        listed = (await fake.command("filter list", member="owner")).content
        assert f"• all in <#{g.announce_channel_id}>: `-word:South`" in listed
        assert f"• feeds from <{url}>: `-word:east`" in listed
        removed = await fake.command("filter remove", {"rule": "-word:east", "feed": url}, member="owner")
        assert removed.content.startswith(f"Removed `-word:east` from feeds from <{url}>."), removed.content
    finally:
        assert await bot.stop() == 0


def deal_item(n: int, title: str, text: str, when: datetime) -> tuple[str, str, str, str, datetime]:
    """A report of one event (Harbor Robotics buys Lumen Freight): reports of it make one story."""
    return (f"deal-{n}", f"https://tidewire.example/deal-{n}", title, text, when)


async def test_a_later_article_of_a_story_goes_into_the_storys_thread(
    fresh_fake: FakeDiscord, feeds: FeedServer, tmp_path: Path
) -> None:
    fake = fresh_fake
    bot = await launch(fake, tmp_path, NEWSDESK_ALERT_SECONDS="0.3")
    g = fake.guild()
    now = datetime.now(UTC)
    held = [harbour_item(1, now - timedelta(days=2))]
    url = feeds.serve("deal.xml", rss("Tidewire", held))
    first = deal_item(
        1,
        "Harbor Robotics agrees to buy Lumen Freight for $4.2 billion",
        "Harbor Robotics will buy the trucking software maker Lumen Freight for $4.2 billion in cash. "
        "Dana Whitfield, chief executive of Harbor Robotics, said the $4.2 billion purchase of Lumen Freight "
        "would close by March.",
        now + timedelta(seconds=1),
    )
    later = deal_item(
        2,
        "Lumen Freight board backs $4.2 billion sale to Harbor Robotics",
        "Lumen Freight's board backed the $4.2 billion cash sale to Harbor Robotics. Dana Whitfield of Harbor "
        "Robotics said the $4.2 billion purchase of Lumen Freight would close by March.",
        now + timedelta(seconds=2),
    )
    try:
        ok = await fake.command("story-channel set", {"channel": str(g.channel_id)}, member="owner")
        assert "thread" in ok.content
        added = await fake.command(
            "feed add",
            {"url": url, "channel": str(g.announce_channel_id), "story_threads": True},
            member="owner",
            timeout=30,
        )
        assert added.content.startswith("Added <"), added.content
        feeds.serve("deal.xml", rss("Tidewire", [*held, first]))
        # the first article of the story: posted in the feed's channel as always, and its story gets a thread
        await fake.wait_for(
            lambda: len(posts_in(fake, g.announce_channel_id)) == 1 and len(fake.threads) == 1, 30
        )
        [thread] = fake.threads.values()
        feeds.serve("deal.xml", rss("Tidewire", [*held, first, later]))
        thread_id = int(thread["id"])

        def in_thread() -> list[str]:
            return titles(fake.channel_messages.get(thread_id, []))

        await fake.wait_for(
            lambda: "Lumen Freight board backs $4.2 billion sale to Harbor Robotics" in in_thread(), 30
        )
        await asyncio.sleep(3)  # more polls and story passes: nothing twice
        assert titles(posts_in(fake, g.announce_channel_id)) == [
            "Harbor Robotics agrees to buy Lumen Freight for $4.2 billion"
        ]
        assert in_thread().count("Lumen Freight board backs $4.2 billion sale to Harbor Robotics") == 1
        # the story channel's own line for it stays (stories make it for every later article)
        lines = [m["content"] for m in fake.channel_messages.get(thread_id, []) if not m["embeds"]]
        assert len(lines) == 1 and "Lumen Freight board backs" in lines[0]
        sent = rows(tmp_path, "SELECT status, detail FROM feed_posts ORDER BY id")
        assert sent == [("sent", None), ("sent", f"thread:{thread_id}")]
    finally:
        assert await bot.stop() == 0
