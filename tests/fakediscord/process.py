"""Run ``python -m bot run`` against a fake Discord (used by the end-to-end tests and the benchmark)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

from .server import FakeDiscord

RUNNING: list[asyncio.subprocess.Process] = []  # every bot started, so a failed test cannot leave one behind


def kill_leftovers() -> None:
    for proc in RUNNING:
        if proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                proc.kill()


TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OTA.GaBcDe.abcdefghijklmnopqrstuvwxyz012345"


@dataclass
class BotProcess:
    proc: asyncio.subprocess.Process
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    async def stop(self, sig: int = signal.SIGTERM, timeout: float = 20.0) -> int:
        if self.proc.returncode is None:
            self.proc.send_signal(sig)
            try:
                await asyncio.wait_for(self.proc.wait(), timeout)
            except TimeoutError:
                self.proc.kill()
                await self.proc.wait()
        assert self.proc.returncode is not None
        return self.proc.returncode


async def start_bot(fake: FakeDiscord, workdir: Path, **env: str) -> BotProcess:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSDESK_", "DISCORD_"))}
    full.update(
        {
            "DISCORD_TOKEN": TOKEN,
            "DISCORD_API_BASE": fake.base_url,
            "NEWSDESK_DATABASE_URL": f"sqlite:///{workdir}/newsdesk.db",
            "NEWSDESK_SYNC_GUILDS": ",".join(str(g.id) for g in fake.guilds),
            "NEWSDESK_LOG_LEVEL": "INFO",
        }
    )
    full.update(env)
    log = workdir / f"bot-{len(list(workdir.glob('bot-*.log')))}.log"
    handle = log.open("w")
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        cwd=workdir,
        env=full,
        stdout=handle,
        stderr=asyncio.subprocess.STDOUT,
    )
    handle.close()
    RUNNING.append(proc)
    return BotProcess(proc, log)


async def started(fake: FakeDiscord, bot: BotProcess, syncs: int = 1) -> None:
    """Wait until the bot is connected and (when expected) has synced its commands."""
    try:
        await fake.wait_ready(60)
        await fake.wait_for(lambda: len(fake.syncs) >= syncs, 30)
    except TimeoutError:
        raise AssertionError(f"the bot did not start:\n{bot.output()}") from None
