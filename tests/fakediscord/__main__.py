"""Try the bot against the fake Discord: ``python -m tests.fakediscord [COMMAND ...]``.

Starts the fake on 127.0.0.1, runs ``python -m bot run`` against it with a throwaway store, sends the slash
commands given (default: a short tour) and prints what a member would see. For example::

    python -m tests.fakediscord "/person name:Jensen Huang" "/claims stance:denied"
    python -m tests.fakediscord --as-manager "/digest set channel:news time:08:30" "/digest status" "/stats"

Commands run as the plain member ``alice`` unless ``--as-manager`` is given: then as the server's owner, who
has Manage Server (``/digest``, ``/article`` and server-wide ``/stats`` need it). A channel option
takes ``news`` (the channel the bot may post in), ``announcements`` (an announcement channel) or ``locked`` (one
it may not); a role option takes ``readers``.

The fake has two servers; a command runs in the first unless it starts with ``@2``. A ``file:`` option
uploads that file from disk, and ``press:LABEL`` presses a button of the previous reply. For example, a
manager uploads an article in the first server and the second server does not see it::

    python -m tests.fakediscord --as-manager "/article add file:story.txt" "press:Add it" \
        "/articles list" "@2 /articles list"
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


def channel_ids(options: dict[str, str], fake: FakeDiscord, index: int = 0) -> dict[str, str]:
    """``channel:news`` or ``channel:#locked`` -> the channel's id in that server; ``file:PATH`` -> an
    attachment with the file's bytes."""
    guild = fake.guild(index)
    named = {
        "news": guild.channel_id,
        "locked": guild.locked_channel_id,
        "announcements": guild.announce_channel_id,
    }
    out: dict[str, str] = {}
    for k, v in options.items():
        if k == "file":
            out[k] = fake.attachment(Path(v).name, Path(v).expanduser().read_bytes())
        elif "channel" in k and v.lstrip("#") in named:
            out[k] = str(named[v.lstrip("#")])
        elif k == "role" and v.lstrip("@") == "readers":  # the fake's one mentionable role
            out[k] = str(guild.role_id)
        else:
            out[k] = v
    return out


async def main(lines: list[str], member: str = "alice") -> int:
    fake = FakeDiscord(guild_count=2)
    await fake.start()
    with tempfile.TemporaryDirectory() as tmp:
        bot = await start_bot(fake, Path(tmp))
        try:
            await started(fake, bot)
            reply, last = None, 0
            for line in lines:
                index = 1 if line.startswith("@2") else 0
                if line.startswith("press:"):
                    index = last  # a button belongs to the previous reply's server
                line = line.removeprefix("@2").strip()
                where = f"[{fake.guild(index).name}] "
                if line.startswith("press:") and reply is not None:
                    reply = await fake.press(reply, line.removeprefix("press:"), member=member, guild=index)
                    print(f"\n>>> {where}{line}")
                    print(reply.text())
                    continue
                name, options = parse(line)
                reply = await fake.command(
                    name, channel_ids(options, fake, index), member=member, guild=index
                )
                last = index
                line = where + line
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
    if {"-h", "--help"} & set(args):
        print(__doc__)
        sys.exit(0)
    manager = "--as-manager" in args
    args = [a for a in args if a != "--as-manager"]
    if manager:
        print("acting as the server's owner (Manage Server)")
    sys.exit(asyncio.run(main(args or (MANAGER_TOUR if manager else TOUR), "owner" if manager else "alice")))
