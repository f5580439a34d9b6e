"""Issue 21 item 2: one input freezes nothing. Articles are parsed in separate processes with a time limit; an
article that never finishes is refused with its reason, its worker is replaced, and /about is answered in time
meanwhile (the slowness is injected by a test-only parser, tests/e2e/slowparse.py, in the parse workers)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from tests.e2e.conftest import start_bot, started
from tests.fakediscord import FakeDiscord

pytestmark = pytest.mark.asyncio(loop_scope="function")

ROOT = Path(__file__).resolve().parents[2]
GOOD = "Fed holds rates\nWire·2026-03-01 18:00\n\nCore Viewpoint - Chair Jerome Powell said the Fed would wait [1].\n"
SLOW = "Slow one\nWire·2026-03-01 18:00\n\nCore Viewpoint - SLOW-ARTICLE never finishes [1].\n"


async def test_a_slow_article_delays_no_answer_and_is_refused_with_its_reason(
    fresh_fake: FakeDiscord, tmp_path: Path
) -> None:
    fake = fresh_fake
    folder = tmp_path / "news"
    folder.mkdir()
    bot = await start_bot(
        fake,
        tmp_path,
        NEWSDESK_ARTICLES=str(folder),
        NEWSDESK_SCAN_SECONDS="0.3",
        NEWSDESK_PARSE_SECONDS="6",
        NEWSDESK_TEST_PARSER="tests.e2e.slowparse:parse",
        PYTHONPATH=str(ROOT),
    )
    await started(fake, bot)
    (folder / "slow.txt").write_text(SLOW, encoding="utf-8")
    await asyncio.sleep(1.0)  # the scan has found it: a worker is spinning on it now
    for _ in range(3):  # answered in time while the slow article is being read
        about = await fake.command("about")
        assert about.ack_seconds is not None and about.ack_seconds < 3.0, about.ack_seconds
        assert "Newsdesk" in about.text()
        await asyncio.sleep(0.5)
    await fake.wait_for(lambda: "took longer than 6 s to read" in bot.output(), 30)
    assert "slow.txt skipped: took longer than 6 s to read" in bot.output(), bot.output()

    (folder / "good.txt").write_text(GOOD, encoding="utf-8")  # the stuck worker was replaced
    await fake.wait_for(lambda: "1 added" in bot.output(), 30)
    await asyncio.sleep(1.0)  # more scans: the slow file is not read again while it is unchanged
    assert bot.output().count("took longer than") == 1

    upload = fake.attachment("slow.txt", SLOW.encode())
    refused = await fake.command("article add", {"file": upload}, member="owner", timeout=30)
    assert refused.ephemeral
    assert refused.content == "That file can't be used: took longer than 6 s to read.", refused.content
    assert await bot.stop() == 0, bot.output()


def many_people(n: int) -> bytes:
    """Article JSON naming n people, each the speaker of one claim that names five others."""
    people = [{"name": f"Pera{i}x Quin{i}y", "aliases": [f"Quin{i}y"]} for i in range(n)]
    claims = [
        {
            "text": " ".join(f"Pera{(i * 7 + k) % n}x Quin{(i * 7 + k) % n}y" for k in range(5))
            + " said so.",
            "speaker": f"Pera{i}x Quin{i}y",
        }
        for i in range(n)
    ]
    return json.dumps({"id": "many", "title": "Many people", "people": people, "claims": claims}).encode()


async def test_an_upload_naming_thousands_of_people_delays_no_answer(
    fresh_fake: FakeDiscord, tmp_path: Path
) -> None:
    """Found in the verification of issue 21: indexing such an upload took claims x spellings on the event loop
    (/about waited 9 s); it is one scan per claim now."""
    fake = fresh_fake
    bot = await start_bot(fake, tmp_path)
    await started(fake, bot)
    data = many_people(4600)
    assert 900_000 < len(data) < 1_000_000  # under the upload cap
    ask = await fake.command(
        "article add", {"file": fake.attachment("many.json", data)}, member="owner", timeout=60
    )
    assert ask.button("Add it")
    pressed = asyncio.create_task(fake.press(ask, "Add it", member="owner", timeout=60))
    answered = 0
    while not pressed.done() or answered < 3:
        about = await fake.command("about", timeout=30)
        assert about.ack_seconds is not None and about.ack_seconds < 3.0, about.ack_seconds
        answered += 1
    assert (await pressed).content == "Added “Many people”."
    person = await fake.command("person", {"name": "Pera7x Quin7y"})
    assert "Pera7x Quin7y" in person.text()
    assert await bot.stop() == 0, bot.output()
