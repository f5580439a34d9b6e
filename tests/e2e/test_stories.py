"""Stories end to end: three reports of one event from two sources in two languages make one story, one thread
with two follow-up lines and one follow alert; a contested story's card shows the denial beside the report; a
forum channel gets a post per story; a restart posts nothing twice."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.e2e.conftest import BotProcess, start_bot, started
from tests.fakediscord import FakeDiscord

pytestmark = pytest.mark.asyncio(loop_scope="function")

TODAY = datetime.now(UTC).date()
DAY = TODAY.isoformat()
EARLIER = (TODAY - timedelta(days=3)).isoformat()
YESTERDAY = (TODAY - timedelta(days=2)).isoformat()

# One event, three reports: Tidewire twice in English, a Chinese outlet once. Later reports say nothing new.
ONE = f"""Harbor Robotics agrees to buy Lumen Freight for $4.2 billion
Tidewire·{DAY} 08:00

Core Viewpoint - Harbor Robotics will buy the trucking software maker Lumen Freight for $4.2 billion in cash [1]. \
Group 1: The Deal - Dana Whitfield, chief executive of Harbor Robotics, said the $4.2 billion purchase of Lumen \
Freight would close by March [2].
"""
TWO = f"""港湾机器人以42亿美元收购Lumen Freight
财经快讯·{DAY} 12:00

核心观点：港湾机器人（Harbor Robotics）将以42亿美元现金收购货运软件公司Lumen Freight［1］。要点一：交易 - \
港湾机器人首席执行官黛娜·惠特菲尔德（Dana Whitfield）表示，对Lumen Freight的42亿美元收购将于3月前完成［2］。
"""
THREE = f"""Lumen Freight board backs $4.2 billion sale to Harbor Robotics
Tidewire·{DAY} 16:00

Core Viewpoint - Lumen Freight's board backed the $4.2 billion cash sale to Harbor Robotics [1]. Group 1: Timing - \
Dana Whitfield of Harbor Robotics said the $4.2 billion purchase of Lumen Freight would close by March [2].
"""
# A fourth report that brings a new stance: it alerts again, saying what is new.
FOUR = f"""Lumen Freight founder disputes Harbor Robotics timeline
Coastline News·{DAY} 20:00

Core Viewpoint - Omar Reyes, founder of Lumen Freight, denied that the $4.2 billion purchase by Harbor Robotics \
would close by March, as Dana Whitfield had said [1].
"""
# Another event, contested: a report and a denial.
REPORT = f"""Orchard Bank plans to cut 2,500 jobs, Daily Ledger reports
Daily Ledger·{EARLIER} 09:00

Core Viewpoint - Orchard Bank is preparing to cut 2,500 jobs across its branch network, the Daily Ledger reported \
[1]. Group 1: The Plan - The 2,500 job cuts would fall mostly on branch staff, according to people familiar with \
the matter [2].
"""
DENIAL = f"""Orchard Bank denies it will cut 2,500 jobs
Coastline News·{YESTERDAY} 10:00

Core Viewpoint - Orchard Bank denied a report that it will cut 2,500 jobs [1]. Group 1: The Denial - Marta Quill, \
chief executive of Orchard Bank, denied that the bank plans to cut 2,500 jobs, calling the report baseless [2].
"""
# A third event, for the forum.
FORUM = f"""Pinecrest Mining halts its Copper Ridge site after a flood
Tidewire·{DAY} 18:00

Core Viewpoint - Pinecrest Mining stopped work at its Copper Ridge site after a flood damaged 14 pumps [1].
"""


async def launch(fake: FakeDiscord, tmp_path: Path, folder: Path) -> BotProcess:
    bot = await start_bot(
        fake,
        tmp_path,
        NEWSDESK_ARTICLES=str(folder),
        NEWSDESK_SCAN_SECONDS="0.3",
        NEWSDESK_ALERT_SECONDS="0.3",
    )
    await started(fake, bot, syncs=0)
    return bot


async def test_one_event_makes_one_story_one_thread_two_lines_one_alert(
    fresh_fake: FakeDiscord, tmp_path: Path
) -> None:
    fake = fresh_fake
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    (folder / "denial.txt").write_text(DENIAL, encoding="utf-8")
    bot = await launch(fake, tmp_path, folder)
    g = fake.guild()

    # The contested story: the denial stands beside the report, in one subject.
    card = await fake.command("story", {"article": "Orchard Bank denies"}, member="alice")
    [embed] = card.embeds
    assert "contested" in embed["title"], embed
    lined = [f for f in embed["fields"] if "🟡 reported" in f["value"] and "🔴 denied" in f["value"]]
    assert lined and "Daily Ledger" in lined[0]["value"] and "Coastline News" in lined[0]["value"], embed
    assert "Daily Ledger" in embed["description"] and "Coastline News" in embed["description"]
    contested = await fake.command("stories", {"contested": True}, member="alice")
    assert "Orchard Bank" in contested.text()
    claims = await fake.command("claims", {"contested": True}, member="alice")
    assert "denied" in claims.text() and "reported" in claims.text() and "branch staff" not in claims.text()
    nothing = await fake.command("story", {"query": "zeppelin"}, member="alice")
    assert nothing.ephemeral and "/stories" in nothing.content

    # Setting the channel: a manager only, and a channel where the bot may make threads.
    member = await fake.command("story-channel set", {"channel": str(g.channel_id)}, member="alice")
    assert member.ephemeral and "Manage Server" in member.content
    quiet = await fake.command("story-channel set", {"channel": str(g.quiet_channel_id)}, member="owner")
    assert quiet.ephemeral and "Create Public Threads" in quiet.content, quiet.content
    ok = await fake.command("story-channel set", {"channel": str(g.channel_id)}, member="owner")
    assert (
        ok.content.startswith("Each new story now becomes a thread in") and f"<#{g.channel_id}>" in ok.content
    )
    follow = await fake.command("follow", {"target": "Dana Whitfield"}, member="alice")
    assert "**Dana Whitfield**" in follow.content

    (folder / "one.txt").write_text(ONE, encoding="utf-8")
    await fake.wait_for(lambda: len(fake.threads) == 1 and len(fake.dms("alice")) == 1, 20)
    [thread_id] = list(fake.threads)
    starter = fake.messages[thread_id]  # a thread made from a message has the message's id
    assert starter["channel_id"] == str(g.channel_id) and "Harbor Robotics" in starter["content"]
    assert fake.threads[thread_id]["name"] == "Harbor Robotics agrees to buy Lumen Freight for $4.2 billion"

    (folder / "two.txt").write_text(TWO, encoding="utf-8")
    await fake.wait_for(lambda: len(fake.thread_posts(thread_id)) == 1, 20)
    (folder / "three.txt").write_text(THREE, encoding="utf-8")
    await fake.wait_for(lambda: len(fake.thread_posts(thread_id)) == 2, 20)
    await asyncio.sleep(1.5)  # several alert and thread passes
    lines = [m["content"] for m in fake.thread_posts(thread_id)]
    assert "财经快讯" in lines[0] and "Lumen Freight board backs" in lines[1], lines
    assert len(fake.threads) == 1 and len(fake.dms("alice")) == 1, bot.output()  # one story, one alert

    story = await fake.command("story", {"person": "Dana Whitfield"}, member="alice")
    assert "3 article" in story.embeds[0]["footer"]["text"] and "财经快讯" in story.embeds[0]["description"]

    # The digest groups by story: five articles, two entries, each naming its story's other reports.
    preview = await fake.command("digest preview", member="owner")
    assert preview.ephemeral and len(preview.embeds) == 2, preview.embeds
    harbor, orchard = preview.embeds
    assert harbor["title"].startswith("Lumen Freight board backs"), harbor
    assert "**Also:** 财经快讯, Tidewire" in harbor["description"], harbor
    assert orchard["title"] == "Orchard Bank denies it will cut 2,500 jobs", orchard
    assert "**Also:** Daily Ledger" in orchard["description"], orchard

    # Something new (a denial of the timeline): one more line, and an alert that says what is new.
    (folder / "four.txt").write_text(FOUR, encoding="utf-8")
    await fake.wait_for(lambda: len(fake.thread_posts(thread_id)) == 3 and len(fake.dms("alice")) == 2, 20)
    news = [f for f in fake.dms("alice")[1]["embeds"][0]["fields"] if f["name"] == "New in this story"]
    assert news and "🔴 denied" in news[0]["value"] and "Omar Reyes" in news[0]["value"]

    # A forum: each new story is a post with its first message.
    forum = await fake.command("story-channel set", {"channel": str(g.forum_channel_id)}, member="owner")
    assert forum.content.startswith("Each new story now becomes a post in the forum")
    (folder / "forum.txt").write_text(FORUM, encoding="utf-8")
    await fake.wait_for(lambda: len(fake.threads) == 2, 20)
    post = next(t for t in fake.threads.values() if t["parent_id"] == str(g.forum_channel_id))
    [first] = fake.thread_posts(int(post["id"]))
    assert "Pinecrest Mining" in first["content"]

    # A restart: nothing is posted again, and a report that arrived while the bot was away is one more line.
    posted = sum(len(v) for v in fake.channel_messages.values())
    assert await bot.stop() == 0
    away = THREE.replace("Tidewire·", "Harbor Daily·").replace("16:00", "17:00")
    (folder / "away.txt").write_text(away, encoding="utf-8")
    fake.ready.clear()
    bot = await launch(fake, tmp_path, folder)
    await fake.wait_for(lambda: len(fake.thread_posts(thread_id)) == 4, 20)
    await asyncio.sleep(2.0)
    assert "Harbor Daily" in fake.thread_posts(thread_id)[3]["content"]
    assert sum(len(v) for v in fake.channel_messages.values()) == posted + 1 and len(fake.threads) == 2
    assert len(fake.dms("alice")) == 2  # it said nothing new
    off = await fake.command("story-channel off", member="owner")
    assert off.content == "Stories are no longer posted in a channel here."
    assert await bot.stop() == 0


async def test_a_crash_while_making_a_thread_makes_no_second_message_or_thread(
    fresh_fake: FakeDiscord, tmp_path: Path
) -> None:
    """Killed after Discord stored the first message (the repeat is dropped by its nonce), then killed after
    Discord made the thread (Discord refuses a second thread on that message; its id is the message's)."""
    import signal

    fake = fresh_fake
    folder = tmp_path / "news"
    folder.mkdir()
    g = fake.guild()
    bot = await launch(fake, tmp_path, folder)
    ok = await fake.command("story-channel set", {"channel": str(g.channel_id)}, member="owner")
    assert "thread" in ok.content

    fake.post_delay = 30.0  # Discord stores the first message but answers late...
    (folder / "one.txt").write_text(ONE, encoding="utf-8")
    await fake.wait_for(lambda: len(fake.channel_messages.get(g.channel_id, [])) == 1, 20)
    await bot.stop(signal.SIGKILL)  # ...and the bot dies before it learns the message's id
    fake.post_delay, fake.thread_delay = 0.0, 30.0  # next: Discord makes the thread but answers late
    fake.release_posts()
    fake.ready.clear()
    bot = await launch(fake, tmp_path, folder)
    await fake.wait_for(lambda: len(fake.threads) == 1, 20)
    assert fake.deduplicated >= 1
    await bot.stop(signal.SIGKILL)  # ...and the bot dies before it records the thread
    fake.thread_delay = 0.0
    fake.release_posts()
    fake.ready.clear()
    bot = await launch(fake, tmp_path, folder)
    (folder / "two.txt").write_text(TWO, encoding="utf-8")
    [thread_id] = list(fake.threads)
    await fake.wait_for(lambda: len(fake.thread_posts(thread_id)) == 1, 20)
    await asyncio.sleep(1.0)
    assert len(fake.channel_messages[g.channel_id]) == 1 and len(fake.threads) == 1, bot.output()
    assert "财经快讯" in fake.thread_posts(thread_id)[0]["content"]
    assert await bot.stop() == 0


async def test_a_crash_after_a_forum_post_is_made_adopts_it_instead_of_posting_again(
    fresh_fake: FakeDiscord, tmp_path: Path
) -> None:
    """A forum post takes no nonce: killed after Discord made the post but before the bot recorded it, the
    restarted bot finds its post among the server's active threads and adopts it; later reports are lines in it."""
    import signal

    fake = fresh_fake
    folder = tmp_path / "news"
    folder.mkdir()
    g = fake.guild()
    bot = await launch(fake, tmp_path, folder)
    ok = await fake.command("story-channel set", {"channel": str(g.forum_channel_id)}, member="owner")
    assert ok.content.startswith("Each new story now becomes a post in the forum")

    fake.thread_delay = 30.0  # Discord makes the forum post but answers late...
    (folder / "one.txt").write_text(ONE, encoding="utf-8")
    await fake.wait_for(lambda: len(fake.threads) == 1, 20)
    await bot.stop(signal.SIGKILL)  # ...and the bot dies before it records the post
    fake.thread_delay = 0.0
    fake.release_posts()
    fake.ready.clear()
    bot = await launch(fake, tmp_path, folder)
    [thread_id] = list(fake.threads)
    (folder / "two.txt").write_text(TWO, encoding="utf-8")
    await fake.wait_for(lambda: len(fake.thread_posts(thread_id)) == 2, 20)
    await asyncio.sleep(1.0)  # several thread passes
    assert len(fake.threads) == 1, (fake.threads, bot.output())
    assert any(m == "GET" and p.endswith("/threads/active") for m, p, _ in fake.requests)
    starter, line = fake.thread_posts(thread_id)
    assert "Harbor Robotics" in starter["content"] and "财经快讯" in line["content"]
    assert await bot.stop() == 0


async def test_the_first_alert_of_a_new_story_says_nothing_is_new_in_it(
    fresh_fake: FakeDiscord, tmp_path: Path
) -> None:
    """Two articles of a new story arrive together (both alerts recorded in one pass): the first alert sent is
    the story's first, with no "New in this story" field; the second one says what it adds."""
    fake = fresh_fake
    folder = tmp_path / "news"
    folder.mkdir()
    staging = tmp_path / "staging"
    staging.mkdir()
    bot = await launch(fake, tmp_path, folder)
    follow = await fake.command("follow", {"target": "Harbor Robotics"}, member="alice")
    assert "**Harbor Robotics**" in follow.content
    (staging / "one.txt").write_text(ONE, encoding="utf-8")
    (staging / "four.txt").write_text(FOUR, encoding="utf-8")
    (staging / "one.txt").rename(folder / "one.txt")
    (staging / "four.txt").rename(folder / "four.txt")
    await fake.wait_for(lambda: len(fake.dms("alice")) == 2, 20)
    first, second = fake.dms("alice")
    fields = [[f["name"] for f in m["embeds"][0].get("fields", [])] for m in (first, second)]
    assert "New in this story" not in fields[0], fields
    assert "New in this story" in fields[1], fields
    assert await bot.stop() == 0


async def test_a_feeds_backlog_makes_no_story_thread_and_its_next_item_does(
    fresh_fake: FakeDiscord, tmp_path: Path
) -> None:
    """What a feed holds when /feed add adds it is not posted, and it is not news for story threads either;
    an item that arrives later is (the same rule as feed posts)."""
    from tests.feedserver import FeedServer, harbour_item, rss

    fake = fresh_fake
    g = fake.guild()
    feeds = FeedServer()
    await feeds.start()
    try:
        folder = tmp_path / "news"
        folder.mkdir()
        bot = await start_bot(
            fake,
            tmp_path,
            NEWSDESK_ARTICLES=str(folder),
            NEWSDESK_ALERT_SECONDS="0.3",
            NEWSDESK_FEED_ALLOW_HOSTS="127.0.0.1",
            NEWSDESK_FEED_MINUTES="0.02",
        )
        await started(fake, bot, syncs=0)
        ok = await fake.command("story-channel set", {"channel": str(g.channel_id)}, member="owner")
        assert "thread" in ok.content
        now = datetime.now(UTC)
        held = [harbour_item(n, now - timedelta(hours=n + 1)) for n in range(2)]
        url = feeds.serve("harbour.xml", rss("Harbour Desk", held))
        added = await fake.command("feed add", {"url": url}, member="owner", timeout=30)
        assert added.content.startswith("Added <" + url), added.content
        await asyncio.sleep(2.0)  # several story passes
        assert fake.threads == {}, fake.threads

        fresh = [harbour_item(7, now + timedelta(seconds=1))]
        feeds.serve("harbour.xml", rss("Harbour Desk", held + fresh))
        await fake.wait_for(lambda: len(fake.threads) == 1, 30)
        [thread] = fake.threads.values()
        assert thread["name"].startswith("Quay 7 "), thread
        assert await bot.stop() == 0
    finally:
        await feeds.stop()
