"""Following people and organizations end to end: alerts once per article per follow, across restarts and
re-ingests, grouped per destination; feeds from a loopback HTTP server reach the bot and /about reports them."""

from __future__ import annotations

import asyncio
import shutil
import signal
from pathlib import Path

import pytest

from tests.e2e.conftest import BotProcess, start_bot, started
from tests.fakediscord import FakeDiscord
from tests.feedserver import ALLOW, FEEDS, FeedServer

pytestmark = pytest.mark.asyncio(loop_scope="function")

OLD = (
    "Chip stocks slip\nWire·2025-05-01 09:00\n\nCore Viewpoint - Mark Chen of OpenAI said nothing new [1].\n"
)
NEW = (
    "OpenAI research chief answers critics\nWire·2026-02-04 07:28\n\nCore Viewpoint - OpenAI faces questions "
    "about its research priorities [1]. Group 1: The Answer - Mark Chen, OpenAI's chief research officer, denied "
    "that the company had abandoned foundational research [2]. - Several researchers reportedly left [3].\n"
)
OTHER = "Fed holds rates\nWire·2026-03-01 18:00\n\nCore Viewpoint - Chair Jerome Powell said the Fed would wait [1].\n"


async def launch(fake: FakeDiscord, tmp_path: Path, folder: Path, **env: str) -> BotProcess:
    bot = await start_bot(
        fake,
        tmp_path,
        NEWSDESK_ARTICLES=str(folder),
        NEWSDESK_SCAN_SECONDS="0.3",
        NEWSDESK_ALERT_SECONDS="0.3",
        **env,
    )
    await started(fake, bot, syncs=0)
    return bot


def channel_posts(fake: FakeDiscord) -> list[dict]:  # type: ignore[type-arg]
    return fake.channel_messages.get(fake.guild().channel_id, [])


async def test_follow_alerts_once_across_restarts_and_reingests(
    fresh_fake: FakeDiscord, tmp_path: Path
) -> None:
    fake = fresh_fake
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "old.txt").write_text(OLD, encoding="utf-8")
    bot = await launch(fake, tmp_path, folder)
    g = fake.guild()

    choices = await fake.autocomplete("follow", {"target": "mark"}, "target", member="alice")
    assert any(c["value"] == "p:Mark Chen" for c in choices.choices), choices.choices
    orgs = await fake.autocomplete("follow", {"target": "open"}, "target", member="owner")
    assert any(c["value"] == "o:OpenAI" for c in orgs.choices), orgs.choices

    dm = await fake.command("follow", {"target": "p:Mark Chen"}, member="alice")
    assert dm.ephemeral and dm.content.startswith("Following **Mark Chen**. When a new article mentions them")
    assert "direct message" in dm.content
    ch = await fake.command("follow", {"target": "Mark Chen", "channel": str(g.channel_id)}, member="bob")
    assert ch.content.startswith("Following **Mark Chen**") and f"<#{g.channel_id}>" in ch.content
    org = await fake.command("follow", {"target": "o:OpenAI", "channel": str(g.channel_id)}, member="owner")
    assert org.content.startswith("Following **OpenAI**")
    unknown = await fake.command("follow", {"target": "Mark Chenn"}, member="alice")
    assert unknown.ephemeral and "Did you mean **Mark Chen**" in unknown.content
    locked = await fake.command(
        "follow", {"target": "OpenAI", "channel": str(g.locked_channel_id)}, member="owner"
    )
    assert locked.ephemeral and "locked" in locked.content
    listed = await fake.command("following", member="alice")
    assert "Mark Chen" in listed.text() and "direct message" in listed.text()

    await asyncio.sleep(1.5)  # several alert passes: the article from before the follows alerts nobody
    assert channel_posts(fake) == [] and fake.dms("alice") == []

    (folder / "new.txt").write_text(NEW, encoding="utf-8")
    await fake.wait_for(lambda: len(channel_posts(fake)) >= 1 and len(fake.dms("alice")) >= 1, 20)
    await asyncio.sleep(1.0)
    [post] = channel_posts(fake)  # bob's Mark Chen and the owner's OpenAI: one message, not two
    assert post["content"].startswith("🔔 A new article mentions Mark Chen, OpenAI")
    assert (
        f"<@{fake.member('bob').id}>" in post["content"]
        and f"<@{fake.member('owner').id}>" in post["content"]
    )
    embed = post["embeds"][0]
    assert embed["title"] == "OpenAI research chief answers critics"
    assert (
        "🔴 denied — " in embed["fields"][0]["value"]
        and "foundational research" in embed["fields"][0]["value"]
    )
    assert "/summary" in embed["footer"]["text"]
    [direct] = fake.dms("alice")
    assert direct["content"] == "🔔 A new article mentions Mark Chen, whom you follow in Test Server."

    # a restart, then a re-ingest of a new version of the same file: nobody is alerted again
    assert await bot.stop() == 0
    fake.ready.clear()
    bot = await launch(fake, tmp_path, folder)
    (folder / "new.txt").write_text(NEW.replace("Several researchers", "Some researchers"), encoding="utf-8")
    await fake.wait_for(lambda: "1 updated" in bot.output(), 20)
    shutil.copy(folder / "new.txt", folder / "copy-of-new.txt")  # the same article in a second file
    await asyncio.sleep(1.0)  # several scans read it: the store already holds that article
    (folder / "other.txt").write_text(OTHER, encoding="utf-8")  # mentions nobody followed
    await fake.wait_for(lambda: "library loaded: 3 articles" in bot.output(), 20)
    await asyncio.sleep(1.5)
    assert len(channel_posts(fake)) == 1 and len(fake.dms("alice")) == 1, bot.output()

    gone = await fake.command("unfollow", {"target": "p:Mark Chen"}, member="alice")
    assert gone.content == "You no longer follow **Mark Chen**."
    again = await fake.command("unfollow", {"target": "Mark Chen"}, member="alice")
    assert again.content.startswith("You do not follow **Mark Chen** here.")
    assert (await fake.command("following", member="alice")).content.startswith("You follow nobody here yet")
    assert await bot.stop() == 0


async def test_feeds_reach_the_bot_and_a_broken_feed_is_reported(
    fresh_fake: FakeDiscord, tmp_path: Path
) -> None:
    fake = fresh_fake
    feeds = FeedServer()
    await feeds.start()
    try:
        tech = feeds.serve("tech.xml", (FEEDS / "tech.rss.xml").read_bytes())
        broken = feeds.serve("broken.xml", "<html>not a feed", status=200)
        folder = tmp_path / "empty"
        folder.mkdir()
        bot = await launch(
            fake, tmp_path, folder, NEWSDESK_FEEDS=f"{broken},{tech}", NEWSDESK_FEED_MINUTES="0.01", **ALLOW
        )
        await fake.wait_for(lambda: "feeds: 2 added" in bot.output(), 20)
        found = await fake.command("articles search", {"query": "Blackwell"})
        assert "Nvidia beats estimates" in found.text()
        about = await fake.command("about")
        assert f"⚠ {broken}: not an RSS or Atom feed" in about.text(), about.text()
        assert feeds.hits["tech.xml"] >= 1
        await asyncio.sleep(2.0)  # polled again (0.6 s interval), the repeated entries add nothing
        assert feeds.hits["tech.xml"] >= 2
        assert (
            "library loaded: 2 articles" in bot.output() and "library loaded: 4 articles" not in bot.output()
        )
        assert await bot.stop() == 0
    finally:
        await feeds.stop()


async def test_alert_interrupted_by_a_crash_is_sent_once(fresh_fake: FakeDiscord, tmp_path: Path) -> None:
    fake = fresh_fake
    folder = tmp_path / "news"
    folder.mkdir()
    bot = await launch(fake, tmp_path, folder)
    g = fake.guild()
    await fake.command("follow", {"target": "OpenAI", "channel": str(g.channel_id)}, member="bob")
    await fake.command("follow", {"target": "Mark Chen"}, member="alice")
    fake.dms_closed.add(fake.member("alice").id)  # alice accepts no direct messages
    (folder / "new.txt").write_text(NEW, encoding="utf-8")  # added right after the follows: alerts are due
    fake.post_delay = 30.0  # Discord stores the alert but answers late...
    await fake.wait_for(lambda: len(channel_posts(fake)) >= 1, 20)
    await bot.stop(signal.SIGKILL)  # ...and the bot dies before it can mark the alert sent
    fake.post_delay = 0.0
    fake.release_posts()
    fake.ready.clear()
    again = await launch(fake, tmp_path, folder)
    await fake.wait_for(lambda: fake.deduplicated >= 1, 20)  # sent again with the same nonce: dropped
    await asyncio.sleep(1.0)
    assert len(channel_posts(fake)) == 1, again.output()
    assert "not delivered" in again.output() + bot.output()  # alice's closed DMs: logged, not retried
    assert again.output().count("not delivered") <= 1
    assert await again.stop() == 0
