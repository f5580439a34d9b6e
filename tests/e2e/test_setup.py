"""/setup through the fake Discord: one private checklist for a manager, in their language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.e2e.conftest import start_bot, started
from tests.e2e.test_digest import seed_schedule
from tests.fakediscord import FakeDiscord

pytestmark = pytest.mark.asyncio(loop_scope="function")


async def test_setup_checklist_for_a_new_server(fresh_fake: FakeDiscord, tmp_path: Path) -> None:
    fake = fresh_fake
    bot = await start_bot(fake, tmp_path)
    await started(fake, bot)
    g = fake.guild()
    denied = await fake.command("setup", member="alice")
    assert denied.ephemeral and "Manage Server" in denied.content
    first = await fake.command("setup", member="owner")
    assert first.ephemeral
    text = first.text()
    assert "Newsdesk setup" in text
    assert "Not scheduled" in text and "/digest set channel:#news time:08:30" in text
    assert f"This channel: ✅ <#{g.channel_id}>: everything I need." in text
    assert "No one here follows" in text
    assert "None of your own yet" in text and "/article add" in text and "/help" in text
    # After /digest set and a follow, the checklist says so and stops asking for them.
    await fake.command("digest set", {"channel": str(g.channel_id), "time": "08:30"}, member="owner")
    await fake.command("follow", {"target": "Jensen Huang"}, member="alice")
    done = (await fake.command("setup", member="owner")).text()
    assert f"✅ Posts in <#{g.channel_id}> every day at 08:30; next:" in done
    assert f"Digest channel: ✅ <#{g.channel_id}>: everything I need." in done
    assert "1 follow by 1 member." in done
    assert "/digest set channel" not in done
    chinese = (await fake.command("setup", member="owner", locale="zh-CN")).text()
    assert "Newsdesk 设置" in chinese and "每天 08:30 在" in chinese and "接下来可以运行" in chinese
    assert "/setup" in (await fake.command("help", member="owner")).text()
    assert "/setup" not in (await fake.command("help", member="alice")).text()
    taiwan = (await fake.command("setup", member="owner", locale="zh-TW")).text()
    assert "Newsdesk 設定" in taiwan and "接下來可以執行" in taiwan
    assert await bot.stop() == 0


async def test_setup_names_what_is_missing_in_the_digest_channel(
    fresh_fake: FakeDiscord, tmp_path: Path
) -> None:
    fake = fresh_fake
    g = fake.guild()
    await seed_schedule(tmp_path, g.id, g.locked_channel_id, datetime.now(UTC) + timedelta(hours=3))
    bot = await start_bot(fake, tmp_path)
    await started(fake, bot)
    text = (await fake.command("setup", member="owner")).text()
    assert f"Set for <#{g.locked_channel_id}>, but I can't post there" in text
    assert f"Digest channel: ❌ <#{g.locked_channel_id}>: I need" in text and "Send Messages" in text
    assert (
        f"Give me View Channels, Send Messages, Embed Links and Attach Files in <#{g.locked_channel_id}>"
        in text
    )
    assert f"This channel: ✅ <#{g.channel_id}>" in text
    assert await bot.stop() == 0
