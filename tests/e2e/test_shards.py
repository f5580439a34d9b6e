"""Two bot processes with one shard each, one PostgreSQL, one fake Discord with two shards.

Each server's commands reach only the process that owns its shard, and each server's digest is posted exactly
once. Needs NEWSDESK_TEST_POSTGRES_URL (``.ci/run`` sets it); skipped with that reason otherwise.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from bot.article import load_article
from bot.store import open_store
from bot.store.sql import SQLStore
from tests.e2e.conftest import BotProcess, start_bot
from tests.e2e.test_digest import clock_for, next_boundary, seed_schedule
from tests.fakediscord import FakeDiscord
from tests.store.conftest import drop, new_schema, postgres_url

pytestmark = pytest.mark.asyncio(loop_scope="function")


@pytest_asyncio.fixture(loop_scope="function")
async def pg_url() -> AsyncIterator[str]:
    url = postgres_url(new_schema())
    yield url
    store = open_store(url)
    assert isinstance(store, SQLStore)
    await store.open()
    await drop(store)


async def test_two_processes_split_the_servers_and_post_each_digest_once(tmp_path: Path, pg_url: str) -> None:
    fake = FakeDiscord(guild_count=2)
    await fake.start()
    try:
        shards = [fake.shard_of(g.id, 2) for g in fake.guilds]
        assert sorted(shards) == [0, 1]
        boundary = next_boundary()
        for g in fake.guilds:
            await seed_schedule(tmp_path, g.id, g.channel_id, boundary, url=pg_url)
        bots: list[BotProcess] = []
        for shard in (0, 1):
            bots.append(
                await start_bot(
                    fake,
                    tmp_path,
                    NEWSDESK_DATABASE_URL=pg_url,
                    NEWSDESK_SHARD_COUNT="2",
                    NEWSDESK_SHARD_IDS=str(shard),
                    NEWSDESK_DIGEST_TICK_SECONDS="0.3",
                    NEWSDESK_SCAN_SECONDS="0.5",
                    NEWSDESK_CLOCK_OFFSET_SECONDS=clock_for(boundary),
                )
            )
        try:
            await fake.wait_for(lambda: fake.identifies >= 2 and len(fake._sockets) == 2, 60)
        except TimeoutError:
            raise AssertionError("\n".join(b.output() for b in bots)) from None

        # Each server's /about is answered, by the shard (and so the process) that owns it.
        for index in range(len(fake.guilds)):
            about = await fake.command("about", guild=index, timeout=30)
            assert f"Shard {shards[index]} of 2 answers this server" in about.text(), about.text()
            summary = await fake.command("articles list", guild=index, timeout=30)
            assert summary.embeds, summary.callbacks

        # Each server's digest: posted once, by its own process, though both processes read every schedule.
        def posted(g_index: int) -> list[dict]:  # type: ignore[type-arg]
            return fake.channel_messages.get(fake.guilds[g_index].channel_id, [])

        await fake.wait_for(lambda: all(posted(i) for i in (0, 1)), 40)
        await asyncio.sleep(2.0)  # several more ticks of both schedulers
        for i in (0, 1):
            assert len(posted(i)) == 1, [b.output() for b in bots]
            assert posted(i)[0]["content"].startswith("📰 **Daily digest**")
        check = open_store(pg_url)
        await check.open()
        for g in fake.guilds:
            runs = await check.digest_runs(g.id)
            assert [(r["status"], r["scheduled"]) for r in runs] == [("posted", 1)]
        await check.close()
        # An upload belongs to its server: the other process reloads (shared store) and still does not show it.
        text = (
            "Orbital startup Skylark raises $80 million\nWire·2025-07-01 09:00\n\nCore Viewpoint - Skylark raised "
            "$80 million [1]. Group 1: Funding - CEO Maria Lindqvist said the money will fund launches [2].\n"
        )
        ask = await fake.command(
            "article add", {"file": fake.attachment("sky.txt", text.encode())}, member="owner"
        )
        added = await fake.press(ask, "Add it", member="owner")
        assert added.content.startswith("Added"), added.content
        here = await fake.command("summary", {"article": "Orbital startup Skylark"}, guild=0, timeout=30)
        assert "Maria Lindqvist" in here.text(), here.text()
        reader = bots[shards[1]]  # the process serving guild 1 (bots are in shard order)
        await fake.wait_for(lambda: "changed by another process" in reader.output(), 20)
        there = await fake.command("summary", {"article": "Orbital startup Skylark"}, guild=1, timeout=30)
        assert "No article matches" in there.text(), there.text()
        # A global article stored by another process (the operator's ingest) reaches both servers.
        loads = reader.output().count("changed by another process")
        writer = open_store(pg_url)
        await writer.open()
        await writer.upsert_article(
            load_article(text.replace("Skylark", "Meadowlark").replace("Maria", "Ines").encode())
        )
        await writer.close()
        await fake.wait_for(lambda: reader.output().count("changed by another process") > loads, 20)
        found = await fake.command("summary", {"article": "Orbital startup Meadowlark"}, guild=1, timeout=30)
        assert "Ines Lindqvist" in found.text(), found.text()
        for b, shard in zip(bots, (0, 1), strict=True):
            assert f"running shards [{shard}] of 2" in b.output()
            assert await b.stop() == 0, b.output()
    finally:
        await fake.stop()
