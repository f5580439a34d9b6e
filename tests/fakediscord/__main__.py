"""Try the bot against the fake Discord: python -m tests.fakediscord [OPTIONS] [COMMAND ...]

Starts the fake on 127.0.0.1, runs `python -m bot run` against it with a throwaway store, sends the slash
commands given (default: a short tour) and prints what a member would see. For example:

    python -m tests.fakediscord "/person name:Jensen Huang" "/claims stance:denied"
    python -m tests.fakediscord --as-manager "/digest set channel:news time:08:30" "/digest status" "/stats"
    python -m tests.fakediscord --locale zh-CN "/person name:黄仁勋"
    python -m tests.fakediscord "/stories days:3650 contested:true"
    python -m tests.fakediscord --as-manager --show-posts "/digest set channel:news time:08:30" "/digest now"

Commands run as the plain member alice unless --as-manager is given: then as the server's owner, who
has Manage Server (/digest, /article, /feed and server-wide /stats need it). --locale zh-CN (or zh-TW)
sends the commands as a member whose Discord speaks Chinese. A channel option takes news (the channel the
bot may post in), announcements (an announcement channel), stories (a forum), quiet (no threads allowed)
or locked (one it may not post in); a role option takes readers. Whole numbers, numbers and true/false
are sent with the type the bot registered for the option. Quote a value with double quotes when it holds
an option-like word: "/articles search query:\"ceo: resigns\"" (an apostrophe needs no quoting).

The fake has two servers; a command runs in the first unless it starts with @2. A file: option
uploads that file from disk, and press:LABEL presses a button of the previous reply. For example, a
manager uploads an article in the first server and the second server does not see it:

    python -m tests.fakediscord --as-manager "/article add file:story.txt" "press:Add it" \\
        "/articles list" "@2 /articles list"

--show-posts prints, at the end, what the bot posted in channels, threads and direct messages (digests,
feed posts, alerts, story threads), one line per embed title and field. The bot gets the caller's
NEWSDESK_* settings (not the database or the servers to sync), so a local feed can be tried with:

    NEWSDESK_FEED_ALLOW_HOSTS=127.0.0.1 python -m tests.fakediscord --as-manager \\
        "/feed test url:http://127.0.0.1:8765/rss.xml"
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shlex
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tests.fakediscord import FakeDiscord
from tests.fakediscord.process import start_bot, started

TOUR = [
    "/about",
    "/summary article:Intel turns to Lip-Bu Tan",
    "/person name:黄仁勋",
    "/person name:Jensen Hwang",
    "/claims stance:denied",
    "/articles search query:tariff",
]

MANAGER_TOUR = [
    "/help",
    "/digest set channel:news time:08:30 timezone:Europe/Berlin",
    "/digest status",
    "/stats",
]

# Settings the tour owns: the bot gets a throwaway database and syncs its commands to the fake's servers.
OWN_SETTINGS = ("NEWSDESK_DATABASE_URL", "NEWSDESK_SYNC_GUILDS")
OPTION = re.compile(r"([A-Za-z_][\w-]*):(.*)", re.DOTALL)
ANSWER_SECONDS = 30.0  # how long a command may take before the tour gives up on it (a slow feed)
TRUE = {"true", "yes", "on", "1"}
FALSE = {"false", "no", "off", "0"}


class TourError(Exception):
    """Something in a tour line that the user can fix; the message says what."""


def words_of(line: str) -> list[str]:
    """Split a line like a shell would; an unpaired apostrophe or quote is part of the word it is in."""
    try:
        return shlex.split(line)
    except ValueError:
        return line.split()


def parse(line: str) -> tuple[str, dict[str, str]]:
    """'/claims person:Jensen Huang stance:denied' -> ('claims', {...}); a subcommand is a second word."""
    name_parts: list[str] = []
    options: dict[str, str] = {}
    current: str | None = None
    for word in words_of(line.lstrip("/")):
        match = OPTION.fullmatch(word)
        if match:
            current = match.group(1)
            options[current] = match.group(2)
        elif current is not None:
            options[current] += " " + word
        else:
            name_parts.append(word)
    return " ".join(name_parts), options


def option_specs(fake: FakeDiscord, name: str, index: int = 0) -> list[dict[str, Any]]:
    """The options the bot registered for a command (``"digest set"`` for a subcommand), as synced."""
    top = name.split()[0] if name else ""
    try:
        schema = fake._command_schema(top, index)
    except KeyError:
        known = sorted({c["name"] for cmds in fake.commands.values() for c in cmds})
        raise TourError(f"there is no command /{top}; the bot has: /{', /'.join(known)}") from None
    specs: list[dict[str, Any]] = schema.get("options") or []
    path = top
    for sub in name.split()[1:]:
        group = next((o for o in specs if o["name"] == sub and o["type"] in (1, 2)), None)
        if group is None:
            subs = [o["name"] for o in specs if o["type"] in (1, 2)]
            raise TourError(f"/{path} has no subcommand {sub!r}; it has: {', '.join(subs) or 'none'}")
        path += f" {sub}"
        specs = group.get("options") or []
    if any(o["type"] in (1, 2) for o in specs):
        subs = [o["name"] for o in specs if o["type"] in (1, 2)]
        raise TourError(f"/{path} needs a subcommand: {', '.join(subs)}")
    return specs


def typed(key: str, value: str, kind: int) -> Any:
    """A value with the type Discord sends for the option: integer 4, boolean 5, number 10."""
    try:
        if kind == 4:
            return int(value)
        if kind == 10:
            return float(value)
    except ValueError:
        what = "a whole number" if kind == 4 else "a number"
        raise TourError(f"{key}: takes {what}, not {value!r}") from None
    if kind == 5:
        if value.lower() in TRUE:
            return True
        if value.lower() in FALSE:
            return False
        raise TourError(f"{key}: takes true or false, not {value!r}")
    return value


def value_of(fake: FakeDiscord, key: str, value: str, kind: int, index: int = 0) -> Any:
    """One option's value as Discord sends it: ``channel:news`` -> the channel's id in that server,
    ``role:readers`` -> the role's id, ``file:PATH`` -> an attachment with the file's bytes, numbers and
    true/false typed."""
    guild = fake.guild(index)
    if kind == 11:  # an attachment
        path = Path(value).expanduser()
        try:
            return fake.attachment(path.name, path.read_bytes())
        except OSError as exc:
            raise TourError(f"{key}:{value}: cannot read it ({exc.strerror or exc})") from None
    if kind == 7:  # a channel
        named = {
            "news": guild.channel_id,
            "locked": guild.locked_channel_id,
            "announcements": guild.announce_channel_id,
            "stories": guild.forum_channel_id,
            "quiet": guild.quiet_channel_id,
        }
        if value.lstrip("#") in named:
            return str(named[value.lstrip("#")])
        raise TourError(f"{key}: takes a channel of the fake: {', '.join(named)}, not {value!r}")
    if kind == 8:  # a role: the fake has one mentionable role
        if value.lstrip("@") == "readers":
            return str(guild.role_id)
        raise TourError(f"{key}: takes the fake's role readers, not {value!r}")
    return typed(key, value, kind)


def options_for(fake: FakeDiscord, name: str, options: dict[str, str], index: int = 0) -> dict[str, Any]:
    """The options of one command as Discord would send them, read from what the bot registered."""
    specs = {o["name"]: o for o in option_specs(fake, name, index)}
    for key in options:
        if key not in specs:
            raise TourError(f"/{name} has no option {key}:; it has: {', '.join(specs) or 'none'}")
    return {k: value_of(fake, k, v, specs[k]["type"], index) for k, v in options.items()}


def check_files(lines: list[str]) -> None:
    """Fail before starting anything when a ``file:`` option names a file that cannot be read."""
    for line in lines:
        _, options = parse(line.removeprefix("@2").strip())
        if "file" in options:
            path = Path(options["file"]).expanduser()
            if not path.is_file():
                raise TourError(f"file:{options['file']}: no such file (give a path to a text file on disk)")


def bot_env(environ: Mapping[str, str]) -> dict[str, str]:
    """The caller's NEWSDESK_* settings for the bot, except the database and the servers the tour sets."""
    return {k: v for k, v in environ.items() if k.startswith("NEWSDESK_") and k not in OWN_SETTINGS}


def labels_of(components: list[dict[str, Any]]) -> list[str]:
    return [str(c.get("label")) for row in components for c in row.get("components", []) if c.get("label")]


def short(text: str, width: int = 100) -> str:
    one = " ".join(text.split())
    return one if len(one) <= width else one[: width - 1] + "…"


def post_lines(message: dict[str, Any]) -> list[str]:
    """One line for a posted message's text, and one per embed title and field."""
    out = [f"  {short(message['content'])}"] if message.get("content") else []
    for embed in message.get("embeds") or []:
        if embed.get("title"):
            out.append(f"  # {short(embed['title'])}")
        elif embed.get("description"):
            out.append(f"  {short(embed['description'])}")
        for f in embed.get("fields") or []:
            out.append(f"  - {short(f['name'], 40)}: {short(f['value'], 80)}")
    for a in message.get("attachments") or []:
        out.append(f"  [file: {a.get('filename')}]")
    return out or ["  (empty)"]


def posts(fake: FakeDiscord) -> list[str]:
    """What the bot posted outside interactions: server channels, threads and direct messages."""
    places: dict[int, str] = {}
    for g in fake.guilds:
        for ch in g.channels():
            places[int(ch["id"])] = f"[{g.name}] #{ch['name']}"
    for thread_id, thread in fake.threads.items():
        parent = places.get(int(thread.get("parent_id") or 0), "?")
        places[thread_id] = f"{parent} > thread {thread.get('name')!r}"
    for user_id, channel_id in fake.dm_channels.items():
        who = next((m.name for g in fake.guilds for m in g.members if m.id == user_id), str(user_id))
        places[channel_id] = f"[direct message to {who}]"
    out: list[str] = []
    for channel_id, messages in fake.channel_messages.items():
        for message in messages:
            out.append(places.get(channel_id, f"[channel {channel_id}]"))
            out += post_lines(message)
    return out


async def settle(fake: FakeDiscord, quiet: float = 1.0, limit: float = 10.0) -> None:
    """Wait until the bot has posted nothing new for ``quiet`` seconds (at most ``limit``)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + limit
    count, since = -1, loop.time()
    while loop.time() < end:
        now = sum(len(m) for m in fake.channel_messages.values())
        if now != count:
            count, since = now, loop.time()
        elif loop.time() - since >= quiet:
            return
        await asyncio.sleep(0.1)


async def main(
    lines: list[str],
    member: str = "alice",
    *,
    locale: str = "en-US",
    show_posts: bool = False,
    env: Mapping[str, str] | None = None,
) -> int:
    fake = FakeDiscord(guild_count=2)
    await fake.start()
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        bot = await start_bot(fake, Path(tmp), **bot_env(os.environ if env is None else env))
        try:
            await started(fake, bot)
            reply, last = None, 0
            for line in lines:
                index = 1 if line.startswith("@2") else 0
                if line.startswith("press:"):
                    index = last  # a button belongs to the previous reply's server
                line = line.removeprefix("@2").strip()
                where = f"[{fake.guild(index).name}] "
                try:
                    if line.startswith("press:"):
                        label = line.removeprefix("press:").strip()
                        if reply is None:
                            raise TourError(f"{line}: there is no reply before it to press a button of")
                        labels = labels_of(reply.components)
                        if label not in labels:
                            has = " | ".join(labels) if labels else "none"
                            raise TourError(
                                f"{line}: the previous reply has no button {label!r}; it has: {has}"
                            )
                        reply = await fake.press(
                            reply, label, member=member, guild=index, locale=locale, timeout=ANSWER_SECONDS
                        )
                        print(f"\n>>> {where}{line}")
                        print(reply.text())
                        continue
                    name, options = parse(line)
                    sent = options_for(fake, name, options, index)
                    reply = await fake.command(
                        name, sent, member=member, guild=index, locale=locale, timeout=ANSWER_SECONDS
                    )
                except (TourError, KeyError) as exc:  # KeyError: the fake cannot find what the line names
                    failed += 1
                    print(f"\n>>> {where}{line}\nnot sent: {exc}")
                    continue
                except TimeoutError:
                    failed += 1
                    print(
                        f"\n>>> {where}{line}\nno answer in {ANSWER_SECONDS:.0f} s; the bot's log:\n{bot.output()[-2000:]}"
                    )
                    continue
                last = index
                private = " (only you can see this)" if reply.ephemeral else ""
                print(
                    f"\n>>> {where}{line}{private}   [acknowledged in {(reply.ack_seconds or 0) * 1000:.0f} ms]"
                )
                print(reply.text())
                if reply.components:
                    print(f"[buttons: {' | '.join(labels_of(reply.components))}]")
            if show_posts:
                await settle(fake)
                print("\n=== posted in channels, threads and direct messages ===")
                print("\n".join(posts(fake)) or "(nothing)")
        finally:
            code = await bot.stop()
            await fake.stop()
            print(f"\nbot exited with {code}; requests to unknown routes: {fake.unknown_routes or 'none'}")
    return 1 if failed else 0


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.fakediscord",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "commands", nargs="*", metavar="COMMAND", help='a slash command, "press:LABEL" or "@2 /..."'
    )
    parser.add_argument("--as-manager", action="store_true", help="act as the server's owner (Manage Server)")
    parser.add_argument(
        "--locale", default="en-US", help="the member's Discord language, e.g. zh-CN or zh-TW"
    )
    parser.add_argument(
        "--show-posts", action="store_true", help="print what the bot posted in channels, threads and DMs"
    )
    return parser.parse_intermixed_args(argv)


def run(argv: list[str]) -> int:
    args = arguments(argv)
    lines = args.commands or (MANAGER_TOUR if args.as_manager else TOUR)
    try:
        check_files(lines)
    except TourError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.as_manager:
        print("acting as the server's owner (Manage Server)")
    member = "owner" if args.as_manager else "alice"
    return asyncio.run(main(lines, member, locale=args.locale, show_posts=args.show_posts))


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
