"""Try the bot against the fake Discord: ``python -m tests.fakediscord [COMMAND ...]``.

Starts the fake on 127.0.0.1, runs ``python -m bot run`` against it with a throwaway store, sends the slash
commands given (default: a short tour) and prints what a member would see. For example::

    python -m tests.fakediscord "/person name:Jensen Huang" "/claims stance:denied"
    python -m tests.fakediscord --as-manager "/digest set channel:news time:08:30" "/digest status" "/stats"

Commands run as the plain member ``alice`` unless ``--as-manager`` is given: then as the server's owner, who
has Manage Server (``/digest``, ``/article`` and server-wide ``/stats`` need it). A channel option
takes ``news`` (the channel the bot may post in) or ``locked`` (one it may not).
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


MANAGER_TOUR = [
    "/help",
    "/digest set channel:news time:08:30 timezone:Europe/Berlin",
    "/digest status",
    "/stats",
]


def channel_ids(options: dict[str, str], fake: FakeDiscord) -> dict[str, str]:
    """``channel:news`` or ``channel:#locked`` -> the channel's id in the fake's first server."""
    guild = fake.guild()
    named = {"news": guild.channel_id, "locked": guild.locked_channel_id}
    return {
        k: str(named.get(v.lstrip("#"), v)) if "channel" in k and v.lstrip("#") in named else v
        for k, v in options.items()
    }


async def main(lines: list[str], member: str = "alice") -> int:
    fake = FakeDiscord()
    await fake.start()
    with tempfile.TemporaryDirectory() as tmp:
        bot = await start_bot(fake, Path(tmp))
        try:
            await started(fake, bot)
            for line in lines:
                name, options = parse(line)
                reply = await fake.command(name, channel_ids(options, fake), member=member)
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
    args = sys.argv[1:]
    manager = "--as-manager" in args
    args = [a for a in args if a != "--as-manager"]
    if manager:
        print("acting as the server's owner (Manage Server)")
    sys.exit(asyncio.run(main(args or (MANAGER_TOUR if manager else TOUR), "owner" if manager else "alice")))
