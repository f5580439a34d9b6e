"""Discord faults, load, hostile content and odd input, through the real discord.py against the fake."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from bot.render.limits import violations
from tests.conftest import CORPUS
from tests.e2e.conftest import BotProcess, start_bot, started
from tests.fakediscord import FakeDiscord, Reply

pytestmark = pytest.mark.asyncio(loop_scope="module")

HOSTILE = (
    "[Click here](https://evil.example) @everyone <@&123> ||spoiler|| **Bold** `code`\n"
    "Wire·2025-05-05 10:00\n\n"
    "Core Viewpoint - @here Ping <@456> and see [this](https://evil.example/x) ```rm -rf``` > quote [1]. "
    "Group 1: # Heading @everyone - Jane Doe said **everything** is fine [2]. - ||Hidden|| text with <#789> [3].\n"
)
ODD = "\u202eevil\u200b\u200f 🦄 黄仁勋 Z̷̧a̶l̵g̸o \ufeff" + "é" * 20


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def fake() -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord(extra_members=100)
    await server.start()
    yield server
    await server.stop()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(fake: FakeDiscord, tmp_path_factory) -> AsyncIterator[BotProcess]:  # type: ignore[no-untyped-def]
    workdir = tmp_path_factory.mktemp("faults")
    extra = workdir / "articles"
    extra.mkdir()
    (extra / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (extra / "empty.txt").write_text(
        "   \n", encoding="utf-8"
    )  # bad files at start-up are skipped, not fatal
    (extra / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 10)
    process = await start_bot(fake, workdir, NEWSDESK_ARTICLES=f"{CORPUS},{extra}")
    await started(fake, process)
    yield process
    assert await process.stop() == 0, process.output()


def assert_healthy(reply: Reply) -> None:
    assert "Something went wrong" not in reply.text(), reply.text()
    message = reply.visible() or {}
    assert violations(message.get("content"), message.get("embeds") or []) == []


async def test_callback_followup_and_channel_faults_are_retried_once_answered(
    fake: FakeDiscord, bot: BotProcess
) -> None:
    fake.fail("POST", r"^/interactions/\d+/[^/]+/callback$", 500, times=1)
    about = await fake.command("about", member="member-1")
    assert len(about.callbacks) == 1
    assert "Newsdesk" in about.text()

    fake.fail("POST", r"^/webhooks/\d+/[^/]+$", 500, times=1)
    fake.fail("POST", r"^/webhooks/\d+/[^/]+$", 429, times=1, retry_after=0.2)
    stats = await fake.command("stats", {"scope": "me"}, member="member-2")
    assert len(stats.followups) == 1
    assert "**0** commands" in stats.text()

    g = fake.guild()
    await fake.command("digest set", {"channel": str(g.channel_id), "time": "03:00"}, member="owner")
    fake.fail("POST", rf"^/channels/{g.channel_id}/messages$", 429, times=1, retry_after=0.2)
    fake.fail("POST", rf"^/channels/{g.channel_id}/messages$", 502, times=1)
    now = await fake.command("digest now", member="owner")
    assert "Posted" in now.content
    assert len(fake.channel_messages[g.channel_id]) == 1  # retried, posted once
    assert all(f.times == 0 for f in fake.faults)


async def test_reconnect_request_and_invalid_session(fake: FakeDiscord, bot: BotProcess) -> None:
    resumes, identifies = fake.resumes, fake.identifies
    fake.ready.clear()
    await fake.send_op(7, None)  # RECONNECT: the bot reconnects and resumes
    await fake.wait_ready(30)
    assert fake.resumes == resumes + 1
    assert "Newsdesk" in (await fake.command("about", member="member-3")).text()

    fake.ready.clear()
    await fake.send_op(9, False)  # INVALID_SESSION, not resumable: the bot identifies again
    await fake.wait_ready(30)
    assert fake.identifies == identifies + 1
    assert "Newsdesk" in (await fake.command("about", member="member-4")).text()


async def test_load_2000_interactions_at_concurrency_50(fake: FakeDiscord, bot: BotProcess) -> None:
    rng = random.Random(7)
    titles = ["Intel", "Fed cuts", "trillion", "Switzerland", "EU fines", "DeepSeek"]  # one title each
    people = ["Jensen Huang", "Sam Altman", "Lip-Bu Tan", "黄仁勋", "Powell", "Mark Chen"]
    gate = asyncio.Semaphore(50)

    async def one(i: int) -> Reply:
        member = f"member-{i % 100}"
        async with gate:
            kind = i % 5
            if kind == 0:
                return await fake.command(
                    "summary", {"article": rng.choice(titles)}, member=member, timeout=20
                )
            if kind == 1:
                return await fake.command("person", {"name": rng.choice(people)}, member=member, timeout=20)
            if kind == 2:
                return await fake.autocomplete(
                    "person", {"name": rng.choice(people)[:3]}, "name", member=member, timeout=20
                )
            if kind == 3:
                return await fake.command("people", member=member, timeout=20)
            return await fake.command("about", member=member, timeout=20)

    replies = await asyncio.gather(*(one(i) for i in range(2000)))
    acks = sorted(r.ack_seconds or 0.0 for r in replies)
    print(
        f"\nload: 2000 interactions, ack p50 {acks[1000] * 1000:.0f} ms, p99 {acks[1980] * 1000:.0f} ms, max {acks[-1] * 1000:.0f} ms"
    )
    late = [r.ack_seconds for r in replies if r.ack_seconds is None or r.ack_seconds >= 3.0]
    assert late == []  # Discord's 3-second acknowledgement deadline, under load
    assert all(len(r.callbacks) == 1 for r in replies)
    for r in replies:
        if r.kind == 8:
            assert r.choices
        else:
            assert not r.ephemeral, r.text()  # every lookup found its article or person
            assert_healthy(r)


async def test_hostile_article_is_inert(fake: FakeDiscord, bot: BotProcess) -> None:
    reply = await fake.command("summary", {"article": "Click here"}, member="member-5")
    text = reply.text()
    assert "\\[Click here\\](https://evil.example)" in text  # shown, but not a link
    assert "@\u200beveryone" in text and "@everyone" not in text.replace("@\u200beveryone", "")
    assert "<@456>" not in text and "<@&123>" not in text
    assert "\\|\\|spoiler\\|\\|" in text
    assert_healthy(reply)
    assert all(p.get("allowed_mentions") == {"parse": []} for p in fake.all_sent_payloads())


@pytest.mark.parametrize(
    ("command", "option", "length", "autocompletes"),
    [
        ("summary", "article", 100, True),
        ("articles search", "query", 200, False),
        ("person", "name", 100, True),
        ("people", "article", 100, True),
        ("claims", "about", 200, False),
        ("claims", "person", 100, True),
        ("claims", "article", 100, True),
    ],
)
async def test_maximum_length_odd_unicode_in_every_option(
    fake: FakeDiscord, bot: BotProcess, command: str, option: str, length: int, autocompletes: bool
) -> None:
    value = (ODD * 10)[:length]
    reply = await fake.command(command, {option: value}, member="member-6")
    assert_healthy(reply)
    assert reply.ephemeral  # nothing matches: a private, specific answer
    if autocompletes:
        choices = await fake.autocomplete(command, {option: value}, option, member="member-6")
        assert all(1 <= len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices.choices)


async def test_no_errors_logged(fake: FakeDiscord, bot: BotProcess) -> None:
    assert "empty.txt skipped: file is empty (only whitespace)" in bot.output()
    assert "binary.txt skipped: file looks binary" in bot.output()
    assert "unexpected error" not in bot.output()
    assert "Traceback" not in bot.output()
    assert fake.unknown_routes == []


async def test_cooldown_answers_privately_and_kindly(fake: FakeDiscord, bot: BotProcess) -> None:
    replies = [
        await fake.command("articles search", {"query": "Nvidia"}, member="member-7") for _ in range(11)
    ]
    assert all(not r.ephemeral for r in replies[:10])
    assert replies[10].ephemeral
    assert replies[10].content.startswith("You're going a bit fast: this command is free again in")
    other = await fake.command("articles search", {"query": "Nvidia"}, member="member-8")
    assert not other.ephemeral  # per user


async def test_digest_set_with_odd_input_is_refused_with_reasons(fake: FakeDiscord, bot: BotProcess) -> None:
    g = fake.guild()
    odd_time = await fake.command(
        "digest set", {"channel": str(g.channel_id), "time": ODD[:8]}, member="owner"
    )
    assert odd_time.ephemeral
    assert "24-hour HH:MM" in odd_time.content
    odd_zone = await fake.command(
        "digest set",
        {"channel": str(g.channel_id), "time": "08:00", "timezone": (ODD * 3)[:64]},
        member="owner",
    )
    assert odd_zone.ephemeral
    assert "not an IANA time zone" in odd_zone.content
    assert_healthy(odd_zone)
