"""Start-up and shutdown: sync only when the command tree changed, clean stops, bad tokens."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.e2e.conftest import start_bot, started
from tests.fakediscord import FakeDiscord

pytestmark = pytest.mark.asyncio(loop_scope="function")


async def test_restart_does_not_resync_and_signals_stop_cleanly(
    fresh_fake: FakeDiscord, tmp_path: Path
) -> None:
    fake = fresh_fake
    first = await start_bot(fake, tmp_path)
    await started(fake, first)
    assert await first.stop(signal.SIGTERM) == 0, first.output()
    assert "stopped cleanly" in first.output()

    fake.ready.clear()
    second = await start_bot(fake, tmp_path)
    await started(fake, second, syncs=1)
    reply = await fake.command("about")
    assert "12 articles" in reply.text()
    assert await second.stop(signal.SIGINT) == 0, second.output()
    assert fake.syncs == [str(fake.guild().id)]  # the second start found the same tree hash
    assert "commands unchanged" in second.output()
    assert "12 unchanged" in second.output()  # articles were not parsed into the store twice
    assert fake.identifies == 2


async def test_global_sync_without_guilds(fresh_fake: FakeDiscord, tmp_path: Path) -> None:
    fake = fresh_fake
    bot = await start_bot(fake, tmp_path, NEWSDESK_SYNC_GUILDS="")
    await started(fake, bot)
    assert fake.syncs == ["global"]
    reply = await fake.command("about")
    assert "Newsdesk" in reply.text()
    assert await bot.stop() == 0


async def test_rejected_token_exits_2(fresh_fake: FakeDiscord, tmp_path: Path) -> None:
    fake = fresh_fake
    fake.token_ok = lambda token: False
    bot = await start_bot(fake, tmp_path)
    code = await bot.proc.wait()
    assert code == 2, bot.output()
    assert "DISCORD_TOKEN was rejected" in bot.output()
    assert "Traceback" not in bot.output()


async def test_token_never_logged(fresh_fake: FakeDiscord, tmp_path: Path) -> None:
    fake = fresh_fake
    bot = await start_bot(fake, tmp_path, NEWSDESK_LOG_LEVEL="DEBUG")
    await started(fake, bot)
    await bot.stop()
    from tests.e2e.conftest import TOKEN

    assert TOKEN not in bot.output()
    assert TOKEN.split(".")[2] not in bot.output()


async def test_new_and_changed_files_are_served_without_a_restart(
    fresh_fake: FakeDiscord, tmp_path: Path
) -> None:
    fake = fresh_fake
    folder = tmp_path / "news"
    folder.mkdir()
    base = "Quantum chip startup raises funds\nWire·2025-06-01 09:00\n\nCore Viewpoint - Qubitron raised $50 million [1].\n"
    (folder / "first.txt").write_text(base, encoding="utf-8")
    bot = await start_bot(fake, tmp_path, NEWSDESK_ARTICLES=str(folder), NEWSDESK_SCAN_SECONDS="0.3")
    await started(fake, bot)
    assert "1 article" in (await fake.command("articles list")).text()
    (folder / "second.txt").write_text(
        base.replace("Quantum chip", "Fusion energy").replace("Qubitron", "Heliox"), encoding="utf-8"
    )
    await fake.wait_for(lambda: "library loaded: 2 articles" in bot.output(), 20)
    found = await fake.command("articles search", {"query": "Heliox"})
    assert "Fusion energy startup raises funds" in found.text()
    (folder / "first.txt").write_text(base.replace("$50 million", "$70 million"), encoding="utf-8")
    await fake.wait_for(lambda: "1 updated" in bot.output(), 20)
    summary = await fake.command("summary", {"article": "Quantum chip startup"})
    assert "$70 million" in summary.text()
    assert await bot.stop() == 0


async def test_article_add_and_remove_by_upload(fresh_fake: FakeDiscord, tmp_path: Path) -> None:
    fake = fresh_fake
    bot = await start_bot(fake, tmp_path)
    await started(fake, bot)
    text = (
        "Orbital startup Skylark raises $80 million\nWire·2025-07-01 09:00\n\nCore Viewpoint - Skylark raised "
        "$80 million [1]. Group 1: Funding - CEO Maria Lindqvist said the money will fund launches [2].\n"
    )
    good = fake.attachment("skylark.txt", text.encode())
    denied = await fake.command("article add", {"file": good}, member="alice")
    assert denied.content == "You need the Manage Server permission for this."
    ask = await fake.command("article add", {"file": good}, member="owner")
    assert ask.ephemeral
    assert ask.content.startswith("Add this article? 1 section, 2 claims; people named: 1.")
    assert "Orbital startup Skylark raises $80 million" in ask.text()
    added = await fake.press(ask, "Add it", member="owner")
    assert added.content == "Added “Orbital startup Skylark raises $80 million”."
    summary = await fake.command("summary", {"article": "Orbital startup"})
    assert "Maria Lindqvist" in summary.text()
    assert (await fake.command("person", {"name": "Lindqvist"})).text().startswith("Maria Lindqvist")

    bad = await fake.command(
        "article add", {"file": fake.attachment("x.txt", b"\x00\x01binary\x00")}, member="owner"
    )
    assert bad.ephemeral
    assert (
        bad.content
        == "That file can't be used: file looks binary (it contains NUL bytes); expected UTF-8 text."
    )

    ask = await fake.command("article remove", {"article": "Orbital startup"}, member="owner")
    removed = await fake.press(ask, "Remove it", member="owner")
    assert removed.content == "Removed “Orbital startup Skylark raises $80 million”."
    gone = await fake.command("summary", {"article": "Orbital startup Skylark"})
    assert gone.ephemeral
    assert await bot.stop() == 0
