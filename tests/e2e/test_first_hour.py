"""Issue 20 through the fake Discord: what a new member and a new manager see in their first hour."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import BotProcess
from tests.fakediscord import FakeDiscord

ROOT = Path(__file__).resolve().parents[2]


def tour(*args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSDESK_", "DISCORD_"))}
    out = subprocess.run(
        [sys.executable, "-m", "tests.fakediscord", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout


def test_the_tour_can_act_as_a_manager() -> None:
    member = tour("/digest status")
    assert "You need the" in member
    manager = tour("--as-manager", "/digest set channel:news time:08:30", "/digest status")
    assert "You need the" not in manager
    assert "Digest scheduled" in manager and "Digest: on" in manager


@pytest.mark.asyncio(loop_scope="module")
async def test_help_lists_what_each_member_can_use(fake: FakeDiscord, bot: BotProcess) -> None:
    member = (await fake.command("help")).text()
    assert "/summary" in member and "/claims stance:denied" in member and "/stats" in member
    assert "/digest set" not in member and "/article add" not in member
    manager = await fake.command("help", member="owner")
    assert manager.ephemeral
    assert "/digest set" in manager.text() and "For server managers (Manage Server)" in manager.text()
    chinese = (await fake.command("help", locale="zh-CN")).text()
    assert "所有成员可用" in chinese and "文章讲了什么：核心观点和要点" in chinese
    taiwan = (await fake.command("help", locale="zh-TW")).text()
    assert "所有成員可用" in taiwan


@pytest.mark.asyncio(loop_scope="module")
async def test_help_for_one_command_shows_its_options(fake: FakeDiscord, bot: BotProcess) -> None:
    text = (await fake.command("help", {"command": "digest set"})).text()
    assert "/digest set" in text and "max_articles" in text and "(optional)" in text
    assert "Server managers only" in text
    text = (await fake.command("help", {"command": "claims"}, locale="zh-TW")).text()
    assert "立場 (stance)" in text and "選填" in text
    assert "There is no command called" in (await fake.command("help", {"command": "nope"})).text()
    choices = await fake.autocomplete("help", {"command": "dig"}, "command")
    assert choices.choices == []  # a plain member is not offered the managers' commands
    choices = await fake.autocomplete("help", {"command": "dig"}, "command", member="owner")
    assert "/digest set" in [c["name"] for c in choices.choices]


@pytest.mark.asyncio(loop_scope="module")
async def test_about_lists_every_command(fake: FakeDiscord, bot: BotProcess) -> None:
    text = (await fake.command("about")).text()
    for name in ("/stats", "/privacy forget-me", "/unfollow", "/following", "/help", "/ping", "/digest set"):
        assert name in text, name


@pytest.mark.asyncio(loop_scope="module")
async def test_digest_set_keeps_what_is_not_given_and_edit_changes_one_thing(
    fake: FakeDiscord, bot: BotProcess
) -> None:
    owner = {"member": "owner"}
    # Refused for what was typed: no cooldown used up (/digest now allows one use a minute).
    for _ in range(2):
        refused = await fake.command("digest now", **owner)
        assert "Set a channel first" in refused.text(), refused.text()
    assert "/digest set" in (await fake.command("digest edit", {"max_articles": 3}, **owner)).text()
    news = fake.guild().channel_id
    await fake.command(
        "digest set",
        {"channel": news, "time": "08:30", "timezone": "Asia/Tokyo", "max_articles": 5, "language": "zh-TW"},
        **owner,
    )
    again = (await fake.command("digest set", {"channel": news, "time": "09:15"}, **owner)).text()
    assert "up to 5" in again and "Asia/Tokyo" in again and "09:15" in again
    assert "Traditional Chinese" in again
    edited = (await fake.command("digest edit", {"max_articles": 3}, **owner)).text()
    assert "Digest changed" in edited and "up to 3" in edited and "09:15 Asia/Tokyo" in edited
    status = (await fake.command("digest status", **owner)).text()
    assert "up to 3" in status and f"<#{news}>" in status
    locked = fake.guild().locked_channel_id
    refused = (await fake.command("digest edit", {"channel": locked}, **owner)).text()
    assert "Send Messages" in refused


@pytest.mark.asyncio(loop_scope="module")
async def test_cancelling_an_upload_says_nothing_was_added(fake: FakeDiscord, bot: BotProcess) -> None:
    text = (
        "Skylark raises $80 million\nWire·2025-07-01 09:00\n\nCore Viewpoint - Skylark raised money [1]. "
        "Group 1: Funding - CEO Maria Lindqvist said the money will fund launches [2].\n"
    )
    ask = await fake.command("article add", {"file": fake.attachment("s.txt", text.encode())}, member="owner")
    assert "1 section" in ask.content and "1 sections" not in ask.content
    cancelled = await fake.press(ask, "Cancel", member="owner")
    assert cancelled.content == "Nothing was added."
    ask = await fake.command("article remove", {"article": "Intel turns to Lip-Bu Tan"}, member="owner")
    assert (await fake.press(ask, "Cancel", member="owner")).content == "Nothing was removed."


@pytest.mark.asyncio(loop_scope="module")
async def test_plain_members_running_stats_get_their_own_view(fake: FakeDiscord, bot: BotProcess) -> None:
    mine = await fake.command("stats", member="bob")
    assert mine.ephemeral and "Usage · you" in mine.text() and "You need" not in mine.text()


@pytest.mark.asyncio(loop_scope="module")
async def test_an_organization_typed_as_a_person_offers_its_card(fake: FakeDiscord, bot: BotProcess) -> None:
    reply = await fake.command("person", {"name": "Nvidia"})
    assert reply.ephemeral and "is an organization, not a person" in reply.text()
    card = await fake.press(reply, "/org NVIDIA")
    assert "Jensen Huang" in card.text() and "Mentioned in 4 articles" in card.text()
    fed = (await fake.command("org", {"name": "Fed"})).text()
    assert "Jerome Powell" in fed and "Recent claims" in fed and "Mentioned in 1 article\n" in fed + "\n"
    assert "No organization called" in (await fake.command("org", {"name": "Zzqx"})).text()
    choices = await fake.autocomplete("org", {"name": "nvi"}, "name")
    assert [c["name"] for c in choices.choices] == ["NVIDIA"]


@pytest.mark.asyncio(loop_scope="module")
async def test_did_you_mean_and_several_titles_are_buttons(fake: FakeDiscord, bot: BotProcess) -> None:
    reply = await fake.command("person", {"name": "Jensen Hwang"})
    assert "Did you mean" in reply.text()
    other = await fake.press(reply, "Jensen Huang", member="bob")
    assert "This question is for someone else." in other.text()
    card = await fake.press(reply, "Jensen Huang")
    assert card.text().startswith("Jensen Huang")
    several = await fake.command("summary", {"article": "Meta"})
    assert "Several articles match “Meta”" in several.text()
    label = next(
        c["label"]
        for row in several.components
        for c in row["components"]
        if c["label"].startswith("Meta takes")
    )
    summary = await fake.press(several, label)
    assert summary.text().startswith("Meta takes a 49% stake in Scale AI")
    for typed in ("Intel turns to Lip-Bu Tan", "Intel"):  # "Intel" is a word of one title only
        direct = await fake.command("summary", {"article": typed})
        assert not direct.ephemeral and direct.text().startswith("Intel"), direct.text()
