"""kill -9 at the worst moments: the database stays sound and nothing is half-written."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import start_bot, started
from tests.fakediscord import FakeDiscord

pytestmark = pytest.mark.asyncio(loop_scope="function")


async def test_kill_9_while_usage_pours_in_loses_at_most_one_flush_window(
    fresh_fake: FakeDiscord, tmp_path: Path
) -> None:
    fake = fresh_fake
    bot = await start_bot(fake, tmp_path)
    await started(fake, bot)
    gate = asyncio.Semaphore(20)

    async def one(i: int) -> None:
        async with gate:
            await fake.command("about", member=("alice", "bob", "owner")[i % 3])

    await asyncio.gather(*(one(i) for i in range(300)))
    await asyncio.sleep(3.0)  # more than one flush interval (2 s): these 300 are on disk now
    last_window = 150
    await asyncio.gather(*(one(i) for i in range(last_window)))
    await bot.stop(signal.SIGKILL)

    db = sqlite3.connect(tmp_path / "newsdesk.db")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = db.execute("SELECT COUNT(*) FROM usage_events").fetchone()[0]
    db.close()
    assert 300 <= rows <= 300 + last_window


def _articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        people = ", ".join(f"Person{i}x{j} Family{j}" for j in range(3))
        (folder / f"a{i:04d}.txt").write_text(
            f"Article number {i}\nWire·2025-01-{1 + i % 28:02d} 10:00\n\n"
            f"Core Viewpoint - Company{i} Inc said revenue rose {i}% [1]. "
            f"Group 1: People - CEO Anna Lindqvist{i} said the plan is on track [2]. - Analysts such as {people} "
            f"reportedly expect {i} million units [3]. - The firm denied claims of delays [4].\n",
            encoding="utf-8",
        )


async def test_kill_9_during_ingest_stores_each_article_whole_or_not_at_all(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    _articles(folder, 400)
    db_path = tmp_path / "ingest.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSDESK_", "DISCORD_"))}
    env["NEWSDESK_DATABASE_URL"] = f"sqlite:///{db_path}"
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "ingest", str(folder), env=env, cwd=tmp_path,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    stored = 0
    for _ in range(600):
        await asyncio.sleep(0.02)
        if db_path.exists():
            try:
                check = sqlite3.connect(db_path, timeout=0.1)
                stored = check.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                check.close()
            except sqlite3.Error:
                continue
            if stored >= 40:
                break
    proc.send_signal(signal.SIGKILL)
    await proc.wait()
    assert 0 < stored < 400, "the kill must land in the middle of the ingest"

    db = sqlite3.connect(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for article_id, data in db.execute("SELECT id, data FROM articles"):
        article = json.loads(data)
        claims = db.execute("SELECT COUNT(*) FROM claims WHERE article_id = ?", (article_id,)).fetchone()[0]
        mentions = db.execute("SELECT COUNT(*) FROM mentions WHERE article_id = ?", (article_id,)).fetchone()[
            0
        ]
        fts = db.execute("SELECT COUNT(*) FROM article_fts WHERE article_id = ?", (article_id,)).fetchone()[0]
        assert claims == len(article["claims"]) > 0
        assert mentions == len(article["people"]) > 0
        assert fts == 1
    orphans = db.execute(
        "SELECT COUNT(*) FROM claims WHERE article_id NOT IN (SELECT id FROM articles)"
    ).fetchone()[0]
    assert orphans == 0
    db.close()

    again = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "ingest", str(folder), env=env, cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    out, _ = await again.communicate()
    assert again.returncode == 0
    assert "0 failed" in out.decode()
    db = sqlite3.connect(db_path)
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 400
    db.close()
