"""The bot as a subprocess (``python -m bot run``, as a deployment runs it) against the fake Discord."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
import pytest_asyncio

from tests.fakediscord import FakeDiscord
from tests.fakediscord.process import TOKEN, BotProcess, kill_leftovers, start_bot, started

__all__ = ["TOKEN", "BotProcess", "start_bot", "started"]


@pytest.fixture(scope="session", autouse=True)
def no_bot_left_behind() -> Iterator[None]:
    """A test that fails half-way must not leave a bot reconnecting forever after the session."""
    yield
    kill_leftovers()


@pytest_asyncio.fixture(loop_scope="function")
async def fresh_fake() -> AsyncIterator[FakeDiscord]:
    """A fake Discord of its own, for a test that starts and restarts bots."""
    server = FakeDiscord()
    await server.start()
    yield server
    await server.stop()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def fake() -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord()
    await server.start()
    yield server
    await server.stop()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(fake: FakeDiscord, tmp_path_factory) -> AsyncIterator[BotProcess]:  # type: ignore[no-untyped-def]
    workdir = tmp_path_factory.mktemp("bot")
    process = await start_bot(fake, workdir)
    await started(fake, process)
    yield process
    code = await process.stop()
    assert code == 0, process.output()
    assert "stopped cleanly" in process.output()
