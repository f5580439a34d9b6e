"""Usage end to end: one row per command with the right outcome, /stats with its chart, /privacy, SIGTERM flush."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.e2e.conftest import start_bot, started
from tests.fakediscord import FakeDiscord

pytestmark = pytest.mark.asyncio(loop_scope="function")


async def test_usage_rows_stats_privacy_and_flush_on_sigterm(fresh_fake: FakeDiscord, tmp_path: Path) -> None:
    fake = fresh_fake
    bot = await start_bot(fake, tmp_path)
    await started(fake, bot)
    await fake.command("about", member="alice")
    await fake.command("person", {"name": "Qqqqzz"}, member="alice")
    await fake.command("digest status", member="alice")
    await fake.command("summary", {"article": "Intel turns to Lip-Bu Tan"}, member="alice")
    await fake.command("person", {"name": "黄仁勋"}, member="bob")
    for typed in ("hu", "hua", "huan"):
        await fake.autocomplete("person", {"name": typed}, "name", member="bob")

    own = await fake.command("stats", member="alice")  # a plain member gets their own figures, privately
    assert own.ephemeral and "Usage · you" in own.text()
    assert (
        "need the Manage Server permission, so these are your own" in own.text()
    )  # told, not switched silently
    stats = await fake.command("stats", {"days": 7}, member="owner")
    assert not stats.ephemeral
    text = stats.text()
    assert "**6** commands: 4 answered, 1 not found, 1 denied, 0 errors" in text  # before this /stats
    assert "1 × Jensen Huang" in text
    assert "1 × Intel turns to Lip-Bu Tan" in text
    assert "/person 3" in text  # autocomplete, counted per minute
    assert "p50" in text and "p95" in text
    message = stats.visible() or {}
    [(name, png)] = fake.files[int(message["id"])]
    assert name == "usage.png"
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    mine = await fake.command("stats", {"scope": "me"}, member="bob")
    assert mine.ephemeral
    assert "**1** command:" in mine.text()

    info = await fake.command("privacy info", member="bob")
    assert info.ephemeral
    assert "90 days" in info.text()
    assert "mentions every follower by design" in info.text() and "after 30 days" in info.text()
    ask = await fake.command("privacy forget-me", member="bob")
    assert ask.ephemeral
    assert "all your follows" in ask.text() and "feeds you added" in ask.text()
    done = await fake.press(ask, "Delete my records", member="bob")
    assert done.content.startswith(
        "Done: 3 records of your use and your follows were deleted."
    )  # /person, /stats me, /privacy info

    await fake.command("about", member="alice")  # the last one: only in memory when SIGTERM arrives
    assert await bot.stop() == 0, bot.output()

    db = sqlite3.connect(tmp_path / "newsdesk.db")
    rows = db.execute(
        "SELECT command, outcome, error_type, person, article_id, user_id FROM usage_events ORDER BY id"
    ).fetchall()
    commands = [(r[0], r[1]) for r in rows]
    assert commands == [
        ("about", "ok"),
        ("person", "user_error"),
        ("digest status", "denied"),
        ("summary", "ok"),
        ("stats", "ok"),  # alice's own figures
        ("stats", "ok"),
        ("privacy forget-me", "ok"),
        ("about", "ok"),
    ]  # bob's earlier rows were forgotten; his /privacy forget-me itself completes (and is recorded) after
    assert rows[1][2] == "UserError" and rows[2][2] == "MissingPermissions"
    assert rows[3][4] is not None  # the summarized article is queryable
    latencies = [r[0] for r in db.execute("SELECT latency_ms FROM usage_events")]
    assert all(v is not None and v >= 0 for v in latencies)
    db.close()
