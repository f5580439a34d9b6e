"""Try the bot against the fake Discord: ``python -m tests.fakediscord [COMMAND ...]``.

Starts the fake on 127.0.0.1, runs ``python -m bot run`` against it with a throwaway store, sends the slash
commands given (default: a short tour) and prints what a member would see. For example::

    python -m tests.fakediscord "/person name:Jensen Huang" "/claims stance:denied"
"""

from __future__ import annotations

import asyncio
import shlex
import sys
import tempfile
from pathlib import Path

from tests.e2e.conftest import start_bot, started
from tests.fakediscord import FakeDiscord

TOUR = [
    "/about",
    "/summary article:Intel turns to Lip-Bu Tan",
    "/person name:黄仁勋",
    "/person name:Jensen Hwang",
    "/claims stance:denied",
    "/articles search query:tariff",
]


def parse(line: str) -> tuple[str, dict[str, str]]:
    """'/claims person:Jensen Huang stance:denied' -> ('claims', {...}); a subcommand is a second word."""
    words = shlex.split(line.lstrip("/"))
    name_parts: list[str] = []
    options: dict[str, str] = {}
    current: str | None = None
    for word in words:
        if ":" in word and not word.startswith(":"):
            current, value = word.split(":", 1)
            options[current] = value
        elif current is not None:
            options[current] += " " + word
        else:
            name_parts.append(word)
    return " ".join(name_parts), options


async def main(lines: list[str]) -> int:
    fake = FakeDiscord()
    await fake.start()
    with tempfile.TemporaryDirectory() as tmp:
        bot = await start_bot(fake, Path(tmp))
        try:
            await started(fake, bot)
            for line in lines:
                name, options = parse(line)
                reply = await fake.command(name, options)
                private = " (only you can see this)" if reply.ephemeral else ""
                print(f"\n>>> {line}{private}   [acknowledged in {reply.ack_seconds * 1000:.0f} ms]")
                print(reply.text())
                if reply.components:
                    labels = [c.get("label") for row in reply.components for c in row.get("components", [])]
                    print(f"[buttons: {' | '.join(str(x) for x in labels)}]")
        finally:
            code = await bot.stop()
            await fake.stop()
            print(f"\nbot exited with {code}; requests to unknown routes: {fake.unknown_routes or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:] or TOUR)))
