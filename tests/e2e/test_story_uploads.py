"""A server's upload about an event that has a global story joins that story in that server only: its /story
shows the upload among the reports, another server's /story shows the story without it, and removing the upload
takes it out again."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import start_bot, started
from tests.e2e.test_stories import ONE, THREE, TWO
from tests.fakediscord import FakeDiscord

pytestmark = pytest.mark.asyncio(loop_scope="function")

A, B = 0, 1  # the two servers, by index in the fake


async def card(fake: FakeDiscord, guild: int) -> dict[str, object]:
    story = await fake.command("story", {"person": "Dana Whitfield"}, member="alice", guild=guild)
    [embed] = story.embeds
    return embed


async def test_an_upload_joins_the_global_story_in_its_server_only(tmp_path: Path) -> None:
    fake = FakeDiscord(guild_count=2)
    await fake.start()
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "one.txt").write_text(ONE, encoding="utf-8")
    (folder / "two.txt").write_text(TWO, encoding="utf-8")
    bot = await start_bot(fake, tmp_path, NEWSDESK_ARTICLES=str(folder), NEWSDESK_SCAN_SECONDS="0.3")
    try:
        await started(fake, bot, syncs=0)
        before = await card(fake, A)
        assert "2 article" in str(before["footer"]), before

        upload = THREE.replace("Tidewire·", "Harbor Gazette·")
        ask = await fake.command(
            "article add", {"file": fake.attachment("mine.txt", upload.encode())}, member="owner", guild=A
        )
        added = await fake.press(ask, "Add it", member="owner", guild=A)
        assert added.content.startswith("Added"), added.content

        mine = await card(fake, A)  # A: the global story, with A's upload among its reports
        assert "3 article" in str(mine["footer"]) and "Harbor Gazette" in str(mine["description"]), mine
        theirs = await card(fake, B)  # B: the same story, no trace of A's upload
        assert "2 article" in str(theirs["footer"]) and "Harbor Gazette" not in str(theirs), theirs
        assert theirs["title"] == mine["title"]

        ask = await fake.command(
            "article remove", {"article": "Lumen Freight board"}, member="owner", guild=A
        )
        removed = await fake.press(ask, "Remove it", member="owner", guild=A)
        assert removed.content.startswith("Removed"), removed.content
        again = await card(fake, A)
        assert "2 article" in str(again["footer"]) and "Harbor Gazette" not in str(again), again
        assert await bot.stop() == 0
    finally:
        await fake.stop()
