"""Issue 21 item 4 through the running bot (its parse and ingest parts have their own tests): hostile Article
JSON in the article folder, at start and dropped in while running, fails alone; the bot connects and its
folder watcher carries on with the next file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import start_bot, started
from tests.fakediscord import FakeDiscord

pytestmark = pytest.mark.asyncio(loop_scope="function")

GOOD = "Rates held\nWire·2026-03-01 18:00\n\nCore Viewpoint - Chair Ana Ruiz said the bank would wait [1].\n"
LATER = "Rates cut\nWire·2026-03-02 18:00\n\nCore Viewpoint - Chair Ana Ruiz said the bank would act [1].\n"
DEEP = '{"title": "Deep", "x": ' + "[" * 200_000 + "]" * 200_000 + "}"
BIG = '{"title": "Big", "n": ' + "7" * 5_000 + "}"


async def test_hostile_json_in_the_folder_fails_alone_at_start_and_while_running(
    fresh_fake: FakeDiscord, tmp_path: Path
) -> None:
    fake = fresh_fake
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "deep.json").write_text(DEEP, encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    bot = await start_bot(fake, tmp_path, NEWSDESK_ARTICLES=str(folder), NEWSDESK_SCAN_SECONDS="0.3")
    await started(fake, bot)  # connected, although one file in the folder is hostile
    listed = await fake.command("articles list")
    assert "Rates held" in listed.text()

    (folder / "big.json").write_text(BIG, encoding="utf-8")
    await fake.wait_for(lambda: "big.json" in bot.output(), 30)
    (folder / "later.txt").write_text(LATER, encoding="utf-8")  # the watcher is still running
    await fake.wait_for(lambda: "1 added" in bot.output().split("big.json", 1)[1], 30)
    assert "Rates cut" in (await fake.command("articles list")).text()
    assert "Traceback" not in bot.output(), bot.output()
    for name in ("deep.json", "big.json"):
        line = next(x for x in bot.output().splitlines() if name in x)
        assert "not valid article JSON" in line, line
    assert await bot.stop() == 0, bot.output()
