"""Following people and organizations end to end: alerts once per article per follow, across restarts and
re-ingests, grouped per destination; feeds from a loopback HTTP server reach the bot and /about reports them."""

from __future__ import annotations

import asyncio
import re
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


FIRST = "Jonathan Margaret Thomas Eleanor Richard Catherine William Victoria Edward Charlotte Henry Beatrice George"
FIRST += " Rosalind Frederick Imogen Arthur Penelope Lionel Harriet Oliver Josephine Walter Cordelia Desmond"
LAST = "Whitfield Ashcombe Kingsley Pemberton Hollings Thornbury Fairbairn Castleton Drummond Ellsworth Blackwood"
LAST += (
    " Radcliffe Sutherland Wexford Harrington Langford Merriweather Stanhope Beaumont Carrington Davenport"
)
LAST += " Everleigh Granville Hawthorne Ingleby"
SPEAKERS = [f"{f} {last}" for f, last in zip(FIRST.split(), LAST.split(), strict=True)]  # 25: a member's most


def crowded_article() -> str:
    """25 people with three long statements each: one alert about all of them is ~22,000 characters."""
    points = []
    for i, name in enumerate(SPEAKERS):
        for k in range(3):
            points.append(
                f"{name}, chief executive of Firm{chr(65 + i)}{k} Holdings, said that the company would expand its "
                "regional factories, hire several thousand engineers, and review every supplier contract before "
                f"the end of the fiscal year, adding that demand remained strong across all markets [{len(points) + 2}]."
            )
    return (
        "Twenty-five executives speak\nWire·2026-02-04 07:28\n\nCore Viewpoint - Executives spoke about demand "
        "[1]. Group 1: Remarks - " + " - ".join(points) + "\n"
    )


async def test_alerts_for_many_followers_and_many_names_are_split_within_discords_limits(
    tmp_path: Path,
) -> None:
    """Issue 21 item 7: 119 members following one name in a channel are all mentioned (at most 100 per message,
    content within 2,000 characters) and a member following 25 names gets them all by direct message, in messages
    whose embeds stay within 6,000 characters; the fake Discord refuses anything over a limit, as Discord does."""
    from bot.article.names import fold
    from bot.follows.targets import NAME
    from bot.store import open_store

    fake = FakeDiscord(extra_members=117)
    await fake.start()
    try:
        folder = tmp_path / "news"
        folder.mkdir()
        bot = await launch(fake, tmp_path, folder)
        g = fake.guild()
        store = open_store(f"sqlite:///{tmp_path}/newsdesk.db")
        await store.open()
        try:
            for member in g.members:  # 120 members follow the first speaker in the channel...
                await store.add_follow(g.id, member.id, NAME, fold(SPEAKERS[0]), SPEAKERS[0], g.channel_id)
            alice = fake.member("alice")
            for name in SPEAKERS:  # ...and alice all 25 by direct message (the first one moves there)
                await store.add_follow(g.id, alice.id, NAME, fold(name), name, None)
            await asyncio.sleep(0.05)
            (folder / "crowded.txt").write_text(crowded_article(), encoding="utf-8")

            def mentioned() -> set[str]:
                return {m for post in channel_posts(fake) for m in re.findall(r"<@(\d+)>", post["content"])}

            everyone = {str(m.id) for m in g.members if m is not alice}  # following again moved hers to DMs
            await fake.wait_for(lambda: mentioned() == everyone, 30)
            await fake.wait_for(
                lambda: sum(len(d["embeds"][0]["fields"]) for d in fake.dms("alice")) >= 25, 30
            )
            await asyncio.sleep(1.0)  # further passes send nothing more
            assert fake.rejected == [], fake.rejected
            posts = channel_posts(fake)
            assert len(posts) >= 2 and all(len(re.findall(r"<@\d+>", p["content"])) <= 100 for p in posts)
            assert sum(len(re.findall(r"<@\d+>", p["content"])) for p in posts) == 119  # each member once
            shown = [f["name"] for d in fake.dms("alice") for e in d["embeds"] for f in e["fields"]]
            assert sorted(shown) == sorted(SPEAKERS), shown
            rows = await store.reader.fetch("SELECT status FROM follow_alerts")
            assert len(rows) == 144 and {r["status"] for r in rows} == {"sent"}
        finally:
            await store.close()
        assert await bot.stop() == 0
    finally:
        await fake.stop()
