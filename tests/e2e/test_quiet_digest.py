"""A quiet day's digest notice through the fake Discord: posted when quiet days get a notice, and never with the
digest's role mention (a role is pinged for news, not for 'nothing new')."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import BotProcess, start_bot, started
from tests.fakediscord import FakeDiscord

pytestmark = pytest.mark.asyncio(loop_scope="function")


async def launch(fake: FakeDiscord, workdir: Path, **env: str) -> BotProcess:
    bot = await start_bot(fake, workdir, **env)
    await started(fake, bot, syncs=0)
    return bot


async def post_quiet_digest(fake: FakeDiscord) -> dict[str, Any]:
    g = fake.guild()
    role = str(g.role_id)
    digest = await fake.command(
        "digest set",
        {"channel": str(g.channel_id), "time": "08:30", "skip_empty": False, "role": role},
        member="owner",
    )
    assert f"<@&{role}>" in digest.text(), digest.text()
    await fake.command("digest now", member="owner", timeout=30)
    [notice] = fake.channel_messages.get(g.channel_id, [])
    return notice


def assert_no_ping(fake: FakeDiscord, notice: dict[str, Any]) -> None:
    role = str(fake.guild().role_id)
    assert "nothing new since the last digest" in notice["content"], notice["content"]
    assert f"<@&{role}>" not in notice["content"]
    assert notice["mention_roles"] == []
    allowed = fake.allowed_mentions[int(notice["id"])] or {}
    assert not allowed.get("roles") and not allowed.get("parse")


async def test_nothing_new_posts_the_notice_without_the_role(fresh_fake: FakeDiscord, tmp_path: Path) -> None:
    empty = tmp_path / "articles"
    empty.mkdir()
    bot = await launch(fresh_fake, tmp_path, NEWSDESK_ARTICLES=str(empty))
    assert_no_ping(fresh_fake, await post_quiet_digest(fresh_fake))
    assert await bot.stop() == 0


async def test_a_filter_that_blocks_everything_posts_the_notice_without_the_role(
    fresh_fake: FakeDiscord, tmp_path: Path
) -> None:
    bot = await launch(fresh_fake, tmp_path)  # the bundled articles, every one kept out by the filter
    added = await fresh_fake.command("filter add", {"rule": "word:qqzzxxnothing"}, member="owner")
    assert "qqzzxxnothing" in added.text(), added.text()
    assert_no_ping(fresh_fake, await post_quiet_digest(fresh_fake))
    assert await bot.stop() == 0
