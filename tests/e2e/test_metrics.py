"""Health and metrics end to end: the bot with NEWSDESK_METRICS_PORT, a command, both endpoints scraped."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import aiohttp
import pytest

from tests.e2e.conftest import start_bot, started
from tests.fakediscord import FakeDiscord

pytestmark = pytest.mark.asyncio(loop_scope="function")


async def test_healthz_and_metrics_on_loopback(fresh_fake: FakeDiscord, tmp_path: Path) -> None:
    fake = fresh_fake
    bot = await start_bot(fake, tmp_path, NEWSDESK_METRICS_PORT="0")  # 0: the system picks a free port
    try:
        await started(fake, bot)
        found = re.search(r"health and metrics on http://127\.0\.0\.1:(\d+)/healthz", bot.output())
        assert found, bot.output()
        base = f"http://127.0.0.1:{found.group(1)}"
        await fake.command("about", member="alice")
        await fake.command("person", {"name": "Qqqqzz"}, member="alice")  # not found: a user error

        async with aiohttp.ClientSession() as http:

            async def healthz() -> tuple[int, dict]:
                async with http.get(f"{base}/healthz") as resp:
                    return resp.status, await resp.json()

            for _ in range(100):  # the digest and alert loops start once the bot is ready
                status, health = await healthz()
                if health["loops"]["digests"]["last_tick"] and health["loops"]["alerts"]["last_tick"]:
                    break
                await asyncio.sleep(0.1)
            assert status == 200, health
            assert health["ok"] is True
            assert health["gateway"] == {"0": True}
            assert health["store"] == {"ok": True}
            assert set(health["loops"]) == {"folder_watch", "digests", "alerts", "forgetting"}
            assert all(loop["alive"] for loop in health["loops"].values())
            assert health["loops"]["digests"]["last_tick"] is not None
            assert health["loops"]["folder_watch"]["last_tick"] is None  # first pass after 60 s: not yet

            async with http.get(f"{base}/metrics") as resp:
                assert resp.status == 200
                assert resp.headers["Content-Type"].startswith("text/plain")
                text = await resp.text()
            identifies = fake.identifies + fake.resumes
            await fake.drop_connection()  # the gateway comes back by itself, and /healthz with it
            await fake.wait_for(lambda: fake.identifies + fake.resumes > identifies, 30)
            for _ in range(100):
                status, health = await healthz()
                if status == 200:
                    break
                await asyncio.sleep(0.1)
            assert status == 200, health
        assert 'newsdesk_interactions_total{command="about",outcome="ok"} 1.0' in text
        assert 'newsdesk_interactions_total{command="person",outcome="user_error"} 1.0' in text
        assert 'newsdesk_answer_latency_seconds_count{command="about"} 1.0' in text
        assert re.search(r'newsdesk_ingest_articles_total\{result="added",source="folders"\} [1-9]', text)
        assert re.search(r'newsdesk_library\{kind="articles"\} [1-9]', text)
        assert re.search(r'newsdesk_library\{kind="people"\} [1-9]', text)
        assert 'newsdesk_gateway_connected{shard="0"} 1.0' in text
        assert "newsdesk_loop_last_tick_timestamp_seconds" in text
    finally:
        assert await bot.stop() == 0, bot.output()
