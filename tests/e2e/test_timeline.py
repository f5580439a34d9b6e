"""The executive timeline through Discord: /person shows where someone is now and their latest moves."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import start_bot, started
from tests.fakediscord import FakeDiscord

pytestmark = pytest.mark.asyncio(loop_scope="function")

APPOINTED = (
    "Quillmark names Maria Lindqvist chief executive\nWire·2025-03-10 09:00\n\nCore Viewpoint - Quillmark "
    "appointed Maria Lindqvist as chief executive on March 10, 2025 [1]. - Quillmark CEO Maria Lindqvist said the "
    "company will grow [2].\n"
)
LEFT = (
    "Maria Lindqvist leaves Quillmark\nWire·2025-09-02 09:00\n\nCore Viewpoint - Maria Lindqvist left Quillmark in "
    "August 2025 [1]. - Quillmark said a search for a successor has begun [2].\n"
)


async def test_person_shows_the_later_state_and_both_moves(fresh_fake: FakeDiscord, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "appointed.txt").write_text(APPOINTED, encoding="utf-8")
    (folder / "left.txt").write_text(LEFT, encoding="utf-8")
    bot = await start_bot(fresh_fake, tmp_path, NEWSDESK_ARTICLES=str(folder))
    try:
        await started(fresh_fake, bot, syncs=0)
        reply = await fresh_fake.command("person", {"name": "Maria Lindqvist"})
        text = reply.text()
        assert "Left Quillmark (2025-08)" in text, text
        card = reply.embeds[0]["description"]  # the role line: no role at the company she left
        assert card.startswith("Left Quillmark (2025-08)"), card
        assert "CEO" not in card and "Now:" not in card, card
        assert "Latest moves" in text, text
        assert "2025-08 — left Quillmark" in text, text
        assert "2025-03-10 — appointed at Quillmark as chief executive" in text, text
        assert text.index("2025-08 — left") < text.index("2025-03-10 — appointed"), text  # latest first
        listed = (await fresh_fake.command("people")).text()  # the list agrees with the card
        line = next(x for x in listed.splitlines() if "Maria Lindqvist" in x)
        assert "CEO" not in line and "chief executive" not in line and "Quillmark" not in line, listed
        org = (await fresh_fake.command("org", {"name": "Quillmark"})).text()
        assert "Leadership moves" in org and "**Maria Lindqvist**: 2025-08 — left Quillmark" in org, org
    finally:
        assert await bot.stop() == 0, bot.output()


async def test_timeline_and_moves_read_the_stored_moves(fresh_fake: FakeDiscord, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "appointed.txt").write_text(APPOINTED, encoding="utf-8")
    (folder / "left.txt").write_text(LEFT, encoding="utf-8")
    bot = await start_bot(fresh_fake, tmp_path, NEWSDESK_ARTICLES=str(folder))
    try:
        await started(fresh_fake, bot, syncs=0)
        reply = await fresh_fake.command("person", {"name": "Maria Lindqvist", "show": "timeline"})
        text = reply.text()
        assert "Timeline: Maria Lindqvist" in text, text
        # both moves, oldest first, each with its date from the text
        assert text.index("2025-03-10 — appointed at Quillmark") < text.index("2025-08 — left Quillmark"), (
            text
        )
        assert "(article date)" not in text.split("2025-08 — left Quillmark")[1].split("\n")[0], text

        moves = await fresh_fake.command("moves", {"days": 3650})
        listed = moves.text()
        assert listed.index("2025-08 — left Quillmark") < listed.index("2025-03-10 — appointed"), listed
        assert "Maria Lindqvist" in listed, listed
        only_left = (await fresh_fake.command("moves", {"days": 3650, "kind": "left"})).text()
        assert "left Quillmark" in only_left and "appointed" not in only_left.split("\n", 1)[1], only_left
        typed = await fresh_fake.autocomplete("moves", {"organization": "quil"}, "organization")
        assert [c["value"] for c in typed.choices] == ["Quillmark"], typed.choices
        at = (await fresh_fake.command("moves", {"days": 3650, "organization": "Quillmark"})).text()
        assert "Leadership moves at Quillmark" in at, at
        none = (await fresh_fake.command("moves", {"days": 7})).text()  # the articles are older than a week
        assert "No leadership moves in the last 7 days" in none and "days:" in none, none
    finally:
        assert await bot.stop() == 0, bot.output()


async def test_a_follow_alert_leads_with_the_move(fresh_fake: FakeDiscord, tmp_path: Path) -> None:
    fake = fresh_fake
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "appointed.txt").write_text(APPOINTED, encoding="utf-8")
    bot = await start_bot(
        fake,
        tmp_path,
        NEWSDESK_ARTICLES=str(folder),
        NEWSDESK_SCAN_SECONDS="0.3",
        NEWSDESK_ALERT_SECONDS="0.3",
    )
    try:
        await started(fake, bot, syncs=0)
        channel = fake.guild().channel_id
        person = await fake.command(
            "follow", {"target": "p:Maria Lindqvist", "channel": str(channel)}, member="alice"
        )
        assert person.content.startswith("Following **Maria Lindqvist**"), person.content
        await fake.command("follow", {"target": "o:Quillmark"}, member="bob")  # by direct message
        (folder / "left.txt").write_text(LEFT, encoding="utf-8")
        await fake.wait_for(lambda: bool(fake.channel_messages.get(channel)) and bool(fake.dms("bob")), 20)
        [post] = fake.channel_messages[channel]
        value = post["embeds"][0]["fields"][0]["value"]
        assert value.startswith("🔀 Maria Lindqvist: 2025-08 — left Quillmark"), value
        [direct] = fake.dms("bob")
        org_value = direct["embeds"][0]["fields"][0]["value"]
        assert org_value.startswith("🔀 Maria Lindqvist: 2025-08 — left Quillmark"), org_value
    finally:
        assert await bot.stop() == 0, bot.output()
