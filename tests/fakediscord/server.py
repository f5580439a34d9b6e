"""The fake Discord: enough REST and gateway for a discord.py bot, plus a test API to drive it.

Protocol details that trip fakes up (see shared/DESIGN.md): JSON must be served as exactly
``application/json``; interaction callbacks arrive with ``?with_response=1`` and expect
``{"interaction": ..., "resource": ...}``; a 429 is retried by discord.py only with a ``Via`` header and a
JSON ``retry_after``; GUILD_CREATE's ``member_count`` must equal the members sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

API = "/api/v10"
DISCORD_EPOCH_MS = 1420070400000
EPHEMERAL = 64
ALL_PERMISSIONS = str((1 << 41) - 1)
CREATE_PUBLIC_THREADS = 1 << 35
SEND_MESSAGES_IN_THREADS = 1 << 38
MEMBER_PERMISSIONS = str(
    0x400
    | 0x800
    | 0x4000
    | 0x8000
    | 0x10000
    | 0x40
    | 0x80000000
    | CREATE_PUBLIC_THREADS
    | SEND_MESSAGES_IN_THREADS
)  # view, send, embed, ..., and threads (as Discord's default @everyone role)
THREAD_EXISTS = 160004  # "A thread has already been created for this message"

_ids = itertools.count(1)


def snowflake() -> int:
    ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
    return (ms << 22) | (next(_ids) % 4096)


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


# Discord's limits on a message it creates (https://discord.com/developers/docs/resources/message and
# .../channel#embed-object-embed-limits). Kept here on their own, not imported from bot.render.limits, so a
# wrong number in the bot cannot make the fake agree with it.
MAX_CONTENT = 2000
MAX_EMBEDS = 10
MAX_EMBED_TOTAL = 6000
MAX_ALLOWED_MENTIONS = 100  # allowed_mentions.users and .roles, each
EMBED_LIMITS = {"title": 256, "description": 4096}
MAX_FIELDS = 25
FIELD_LIMITS = {"name": 256, "value": 1024}
FOOTER_TEXT = 2048
AUTHOR_NAME = 256


def _too_long(limit: int) -> dict[str, Any]:
    return {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": f"Must be {limit} or fewer in length."}]}


_REQUIRED = {"_errors": [{"code": "BASE_TYPE_REQUIRED", "message": "This field is required"}]}


def form_errors(body: dict[str, Any]) -> dict[str, Any]:
    """What Discord says is wrong with a message body, in its nested ``errors`` shape; empty when it fits.

    Checked as Discord does on message create: content length, the number of embeds, each embed's parts and
    fields, all embeds together, and the ids in allowed_mentions."""
    errors: dict[str, Any] = {}
    content = body.get("content")
    if isinstance(content, str) and len(content) > MAX_CONTENT:
        errors["content"] = _too_long(MAX_CONTENT)
    embeds = body.get("embeds") or []
    if len(embeds) > MAX_EMBEDS:
        errors["embeds"] = _too_long(MAX_EMBEDS)
    total = 0
    embed_errors: dict[str, Any] = {}
    for i, embed in enumerate(embeds[:MAX_EMBEDS]):
        mine: dict[str, Any] = {}
        for key, limit in EMBED_LIMITS.items():
            text = embed.get(key) or ""
            total += len(text)
            if len(text) > limit:
                mine[key] = _too_long(limit)
        footer = (embed.get("footer") or {}).get("text") or ""
        total += len(footer)
        if len(footer) > FOOTER_TEXT:
            mine["footer"] = {"text": _too_long(FOOTER_TEXT)}
        author = (embed.get("author") or {}).get("name") or ""
        total += len(author)
        if len(author) > AUTHOR_NAME:
            mine["author"] = {"name": _too_long(AUTHOR_NAME)}
        fields = embed.get("fields") or []
        if len(fields) > MAX_FIELDS:
            mine["fields"] = _too_long(MAX_FIELDS)
        else:
            field_errors: dict[str, Any] = {}
            for j, f in enumerate(fields):
                wrong: dict[str, Any] = {}
                for key, limit in FIELD_LIMITS.items():
                    text = f.get(key) or ""
                    total += len(text)
                    if not text.strip():
                        wrong[key] = _REQUIRED
                    elif len(text) > limit:
                        wrong[key] = _too_long(limit)
                if wrong:
                    field_errors[str(j)] = wrong
            if field_errors:
                mine["fields"] = field_errors
        if mine:
            embed_errors[str(i)] = mine
    if embed_errors:
        errors["embeds"] = embed_errors
    if total > MAX_EMBED_TOTAL and "embeds" not in errors:
        errors["embeds"] = {
            "_errors": [
                {
                    "code": "MAX_EMBED_SIZE_EXCEEDED",
                    "message": f"Embed size exceeds maximum size of {MAX_EMBED_TOTAL}",
                }
            ]
        }
    allowed = body.get("allowed_mentions") or {}
    for kind in ("users", "roles"):
        if len(allowed.get(kind) or []) > MAX_ALLOWED_MENTIONS:
            errors.setdefault("allowed_mentions", {})[kind] = _too_long(MAX_ALLOWED_MENTIONS)
    return errors


@dataclass
class Member:
    id: int
    name: str
    permissions: str = MEMBER_PERMISSIONS

    def user(self, bot: bool = False) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "username": self.name,
            "global_name": self.name,
            "discriminator": "0",
            "avatar": None,
            "bot": bot,
            "public_flags": 0,
        }

    def member(self) -> dict[str, Any]:
        return {
            "user": self.user(),
            "roles": [],
            "joined_at": now_iso(),
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "nick": None,
            "avatar": None,
            "permissions": self.permissions,
        }


@dataclass
class Guild:
    id: int
    name: str
    channel_id: int
    members: list[Member]
    locale: str = "en-US"
    locked_channel_id: int = field(default_factory=snowflake)  # the bot may not post here
    forum_channel_id: int = field(default_factory=snowflake)  # a forum (type 15): posts are threads
    quiet_channel_id: int = field(default_factory=snowflake)  # the bot may post here but make no threads
    bot_id: int = 0
    announce_channel_id: int = field(default_factory=snowflake)  # an announcement channel (type 5)
    role_id: int = field(default_factory=snowflake)  # a mentionable role, "readers"

    def channels(self) -> list[dict[str, Any]]:
        others = (self.locked_channel_id, self.forum_channel_id, self.quiet_channel_id)
        return [self.channel(), *(self.channel(c) for c in others), self.announcement()]

    def channel_ids(self) -> set[int]:
        return {
            self.channel_id, self.locked_channel_id, self.forum_channel_id, self.quiet_channel_id,
            self.announce_channel_id,
        }  # fmt: skip

    def announcement(self) -> dict[str, Any]:
        """An announcement (news) channel: its messages can be crossposted to following servers."""
        return self.channel() | {
            "id": str(self.announce_channel_id),
            "type": 5,
            "name": "announcements",
            "position": 2,
        }

    def role(self) -> dict[str, Any]:
        return {
            "id": str(self.role_id), "name": "readers", "permissions": "0", "position": 1, "color": 0,
            "hoist": False, "managed": False, "mentionable": True, "flags": 0,
        }  # fmt: skip

    def channel(self, channel_id: int | None = None) -> dict[str, Any]:
        channel_id = channel_id or self.channel_id
        locked = channel_id == self.locked_channel_id
        denied = 0x800 if locked else 0
        if channel_id == self.quiet_channel_id:
            denied = CREATE_PUBLIC_THREADS | SEND_MESSAGES_IN_THREADS
        overwrites = (
            [{"id": str(self.bot_id), "type": 1, "allow": "0", "deny": str(denied)}] if denied else []
        )
        names = {
            self.locked_channel_id: "locked",
            self.forum_channel_id: "stories",
            self.quiet_channel_id: "quiet",
        }
        positions = {self.locked_channel_id: 1, self.forum_channel_id: 2, self.quiet_channel_id: 3}
        payload: dict[str, Any] = {
            "id": str(channel_id),
            "type": 0,
            "guild_id": str(self.id),
            "name": names.get(channel_id, "news"),
            "position": positions.get(channel_id, 0),
            "permission_overwrites": overwrites,
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
        }
        if channel_id == self.forum_channel_id:
            payload |= {
                "type": 15,
                "available_tags": [],
                "default_reaction_emoji": None,
                "default_thread_rate_limit_per_user": 0,
                "default_sort_order": None,
                "default_forum_layout": 0,
                "flags": 0,
            }
        return payload

    def denied(self, channel_id: int) -> int:
        """The permissions the bot is denied in one of this server's channels."""
        for overwrite in self.channel(channel_id)["permission_overwrites"]:
            if overwrite["id"] == str(self.bot_id):
                return int(overwrite["deny"])
        return 0

    def payload(self, bot: Member) -> dict[str, Any]:
        members = [m.member() for m in self.members] + [{**bot.member(), "user": bot.user(bot=True)}]
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "owner_id": str(self.members[0].id),
            "roles": [
                {
                    "id": str(self.id),
                    "name": "@everyone",
                    "permissions": MEMBER_PERMISSIONS,
                    "position": 0,
                    "color": 0,
                    "hoist": False,
                    "managed": False,
                    "mentionable": False,
                    "flags": 0,
                },
                self.role(),
            ],
            "channels": self.channels(),
            "members": members,
            "member_count": len(members),
            "large": False,
            "unavailable": False,
            "features": [],
            "emojis": [],
            "stickers": [],
            "threads": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "voice_states": [],
            "presences": [],
            "premium_tier": 0,
            "preferred_locale": self.locale,
            "system_channel_id": None,
            "joined_at": now_iso(),
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "afk_timeout": 300,
        }


@dataclass
class Fault:
    method: str
    pattern: re.Pattern[str]
    status: int
    times: int
    retry_after: float = 0.2


@dataclass
class Reply:
    """What the bot answered to one interaction."""

    interaction_id: int
    dispatched_at: float
    callbacks: list[dict[str, Any]] = field(default_factory=list)
    followups: list[dict[str, Any]] = field(default_factory=list)  # messages sent through the webhook
    edits: list[dict[str, Any]] = field(default_factory=list)  # edits of the original response
    acked_at: float | None = None
    message: dict[str, Any] | None = None  # the visible message, as the fake stored it
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def ack_seconds(self) -> float | None:
        return None if self.acked_at is None else self.acked_at - self.dispatched_at

    @property
    def kind(self) -> int | None:
        return self.callbacks[0]["type"] if self.callbacks else None

    def visible(self) -> dict[str, Any] | None:
        """The message a user sees now: the last edit, else the first followup, else the callback message."""
        if self.edits:
            return self.edits[-1]
        if self.followups:
            return self.followups[0]
        if self.callbacks and self.callbacks[0]["type"] in (4, 7):
            return self.callbacks[0].get("data") or {}
        return None

    @property
    def content(self) -> str:
        return (self.visible() or {}).get("content") or ""

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return (self.visible() or {}).get("embeds") or []

    @property
    def components(self) -> list[dict[str, Any]]:
        return (self.visible() or {}).get("components") or []

    @property
    def ephemeral(self) -> bool:
        data = self.visible() or {}
        flags = data.get("flags") or 0
        first = self.callbacks[0].get("data") if self.callbacks else None
        return bool(flags & EPHEMERAL) or bool(first and (first.get("flags") or 0) & EPHEMERAL)

    @property
    def choices(self) -> list[dict[str, Any]]:
        for cb in self.callbacks:
            if cb["type"] == 8:
                return list(cb["data"]["choices"])
        return []

    def text(self) -> str:
        """Everything visible as one string: content, embed titles, descriptions, fields, footers."""
        parts = [self.content]
        for e in self.embeds:
            parts += [e.get("title") or "", e.get("description") or ""]
            parts += [f"{f['name']}\n{f['value']}" for f in e.get("fields") or []]
            parts.append((e.get("footer") or {}).get("text") or "")
            parts.append((e.get("author") or {}).get("name") or "")
        return "\n".join(p for p in parts if p)

    def button(self, label: str) -> dict[str, Any]:
        for row in self.components:
            for c in row.get("components", []):
                if c.get("label") == label or c.get("custom_id") == label:
                    return dict(c)
        raise KeyError(f"no button {label!r} in {self.components}")


class FakeDiscord:
    def __init__(
        self, guilds: list[Guild] | None = None, extra_members: int = 0, guild_count: int = 1
    ) -> None:
        self.bot = Member(snowflake(), "Newsdesk")
        self.application_id = self.bot.id
        members = [
            Member(snowflake(), "owner", ALL_PERMISSIONS),
            Member(snowflake(), "alice"),
            Member(snowflake(), "bob"),
            *(Member(snowflake(), f"member-{i}") for i in range(extra_members)),
        ]
        # Consecutive guilds land on consecutive shards: (id >> 22) % shard_count differs by one.
        first = snowflake()
        self.guilds = guilds or [
            Guild(
                first + (i << 22), "Test Server" if i == 0 else f"Test Server {i + 1}", snowflake(), members
            )
            for i in range(guild_count)
        ]
        for g in self.guilds:
            g.bot_id = self.bot.id
        self.token_ok: Callable[[str], bool] = lambda token: token.startswith("Bot ") and len(token) > 20
        self.requests: list[tuple[str, str, dict[str, Any] | list[Any] | None]] = []
        self.unknown_routes: list[tuple[str, str]] = []
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.syncs: list[str] = []
        self.messages: dict[int, dict[str, Any]] = {}
        self.threads: dict[int, dict[str, Any]] = {}  # thread id -> its channel payload (type 11)
        self.channel_messages: dict[int, list[dict[str, Any]]] = {}
        self.replies: dict[int, Reply] = {}
        self.by_token: dict[str, Reply] = {}
        self.faults: list[Fault] = []
        self.identifies = 0
        self.deduplicated = 0
        self.rejected: list[tuple[str, dict[str, Any]]] = []  # (path, errors) of bodies refused as invalid
        self.uploads: dict[str, tuple[str, bytes]] = {}
        self.dm_channels: dict[int, int] = {}  # user id -> DM channel id
        self.dms_closed: set[int] = set()  # users who do not accept direct messages from the bot
        self.files: dict[int, list[tuple[str, bytes]]] = {}  # message id -> attachments (name, bytes)
        self.post_delay = 0.0  # seconds to hold channel posts (after storing them) to let tests crash the bot
        self.thread_delay = 0.0  # the same for threads made from messages and forum posts
        self._held = asyncio.Event()
        self.resumes = 0
        self.left_guilds: list[Guild] = []  # servers the bot was removed from (kick_bot)
        self.crossposts: list[int] = []  # message ids published from announcement channels
        self.allowed_mentions: dict[int, dict[str, Any] | None] = {}  # message id -> what the bot allowed
        self.ready = asyncio.Event()
        self._sockets: list[web.WebSocketResponse] = []
        self._shards: dict[web.WebSocketResponse, tuple[int, int]] = {}  # socket -> (shard id, shard count)
        self._session_shards: dict[str, tuple[int, int]] = {}
        self._seq = 0
        self._session = "fake-session"
        self._runner: web.AppRunner | None = None
        self.port = 0

    # ------------------------------------------------------------------ lifecycle

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{API}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def start(self) -> None:
        app = web.Application(middlewares=[self._middleware])
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/attachments/{id}/{name}", self._attachment)
        app.router.add_route("*", API + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        self._held.set()
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # ------------------------------------------------------------------ test API

    def fail(
        self, method: str, path_regex: str, status: int, times: int = 1, retry_after: float = 0.2
    ) -> None:
        """Make the next ``times`` requests matching ``method`` and the path regex answer ``status``."""
        self.faults.append(Fault(method.upper(), re.compile(path_regex), status, times, retry_after))

    def attachment(self, name: str, data: bytes) -> str:
        """Upload a file the way a member does with a slash command; returns its id for the option value."""
        attachment_id = str(snowflake())
        self.uploads[attachment_id] = (name, data)
        return attachment_id

    async def _attachment(self, request: web.Request) -> web.Response:
        found = self.uploads.get(request.match_info["id"])
        if found is None:
            return web.Response(status=404)
        return web.Response(body=found[1], content_type="application/octet-stream")

    def release_posts(self) -> None:
        """Answer every channel post that ``post_delay`` is holding."""
        self._held.set()

    async def kick_bot(self, index: int) -> Guild:
        """The bot is removed from a server (a member kicks it): GUILD_DELETE without ``unavailable``, and the
        server is no longer in READY on later connections. Returns it, for :meth:`invite_bot`."""
        guild = self.guilds.pop(index)
        self.left_guilds.append(guild)
        await self._dispatch_event("GUILD_DELETE", {"id": str(guild.id)}, guild_id=guild.id)
        return guild

    async def invite_bot(self, guild: Guild) -> None:
        """The bot is added to a server (again): GUILD_CREATE, as Discord sends on a join."""
        if guild in self.left_guilds:
            self.left_guilds.remove(guild)
        self.guilds.append(guild)
        payload = guild.payload(self.bot)
        payload.pop(
            "unavailable", None
        )  # a join carries no 'unavailable' (False means: back after an outage)
        await self._dispatch_event("GUILD_CREATE", payload, guild_id=guild.id)

    async def drop_connection(self, code: int = 4000) -> None:
        """Close the gateway socket as Discord does on a transient fault; the bot should resume."""
        self.ready.clear()
        for ws in list(self._sockets):
            await ws.close(code=code, message=b"fake drop")

    async def send_op(self, op: int, d: Any) -> None:
        for ws in list(self._sockets):
            await ws.send_str(json.dumps({"op": op, "d": d, "s": None, "t": None}))

    def guild(self, index: int = 0) -> Guild:
        return self.guilds[index]

    def member(self, name: str, guild: int = 0) -> Member:
        return next(m for m in self.guilds[guild].members if m.name == name)

    async def command(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        member: str = "alice",
        guild: int = 0,
        locale: str = "en-US",
        timeout: float = 10.0,
    ) -> Reply:
        """Run a slash command (``"articles search"`` for a subcommand) and wait for a visible reply."""
        data = self._command_data(name, options or {}, None, guild)
        reply = await self._dispatch(2, data, member=member, guild=guild, locale=locale)
        await self._wait(reply, lambda r: r.visible() is not None, timeout)
        return reply

    async def autocomplete(
        self,
        name: str,
        options: dict[str, Any],
        focused: str,
        *,
        member: str = "alice",
        guild: int = 0,
        timeout: float = 10.0,
    ) -> Reply:
        data = self._command_data(name, options, focused, guild)
        reply = await self._dispatch(4, data, member=member, guild=guild)
        await self._wait(reply, lambda r: bool(r.callbacks), timeout)
        return reply

    async def press(
        self,
        reply: Reply,
        label: str,
        *,
        member: str = "alice",
        guild: int = 0,
        locale: str = "en-US",
        timeout: float = 10.0,
    ) -> Reply:
        """Press a button on the message a reply produced; returns the reply to the button's interaction."""
        button = reply.button(label)
        message = self._message_of(reply)
        data = {"custom_id": button["custom_id"], "component_type": 2}
        pressed = await self._dispatch(3, data, member=member, guild=guild, locale=locale, message=message)
        await self._wait(
            pressed, lambda r: r.visible() is not None or any(c["type"] == 6 for c in r.callbacks), timeout
        )
        return pressed

    async def wait_ready(self, timeout: float = 30.0) -> None:
        await asyncio.wait_for(self.ready.wait(), timeout)

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise TimeoutError("condition not met in time")
            await asyncio.sleep(0.02)

    def all_sent_payloads(self) -> list[dict[str, Any]]:
        """Every message body the bot sent (callbacks, followups, edits, channel messages)."""
        out: list[dict[str, Any]] = []
        for method, path, body in self.requests:
            if not isinstance(body, dict):
                continue
            if "/callback" in path and body.get("type") in (4, 7):
                out.append(body.get("data") or {})
            elif method in ("POST", "PATCH") and (
                path.startswith("/webhooks/")
                or (path.startswith("/channels/") and path.endswith("/messages"))
            ):
                out.append(body)
        return out

    # ------------------------------------------------------------------ interactions

    def _command_schema(self, name: str, guild: int) -> dict[str, Any]:
        top = name.split()[0]
        for scope in (str(self.guilds[guild].id), "global"):
            for cmd in self.commands.get(scope, []):
                if cmd["name"] == top:
                    return cmd | {"_scope": scope}
        raise KeyError(f"command /{top} was never synced (synced: {self.commands})")

    def _command_data(
        self, name: str, options: dict[str, Any], focused: str | None, guild: int
    ) -> dict[str, Any]:
        schema = self._command_schema(name, guild)
        parts = name.split()
        option_defs = schema.get("options") or []
        for sub in parts[1:]:
            group = next(o for o in option_defs if o["name"] == sub)
            option_defs = group.get("options") or []
        built = []
        resolved: dict[str, Any] = {}
        for key, value in options.items():
            spec = next((o for o in option_defs if o["name"] == key), None)
            if spec is None:
                raise KeyError(f"/{name} has no option {key!r}")
            opt: dict[str, Any] = {"name": key, "type": spec["type"], "value": value}
            if key == focused:
                opt["focused"] = True
            if spec["type"] == 11:  # an attachment: Discord sends its metadata and a CDN url in data.resolved
                name, blob = self.uploads[str(value)]
                url = f"http://127.0.0.1:{self.port}/attachments/{value}/{name}"
                resolved.setdefault("attachments", {})[str(value)] = {
                    "id": str(value), "filename": name, "size": len(blob), "url": url, "proxy_url": url,
                    "content_type": "text/plain",
                }  # fmt: skip
            if spec["type"] == 7:  # a channel: Discord sends the channel itself in data.resolved
                g = self.guilds[guild]
                channel = g.announcement() if int(value) == g.announce_channel_id else g.channel(int(value))
                opt["value"] = str(value)
                resolved.setdefault("channels", {})[str(value)] = channel | {"permissions": ALL_PERMISSIONS}
            if spec["type"] == 8:  # a role: Discord sends the role itself in data.resolved
                opt["value"] = str(value)
                resolved.setdefault("roles", {})[str(value)] = self.guilds[guild].role()
            built.append(opt)
        for sub in reversed(parts[1:]):
            built = [{"name": sub, "type": 1, "options": built}]
        data: dict[str, Any] = {"id": schema["id"], "name": parts[0], "type": 1, "options": built}
        if resolved:
            data["resolved"] = resolved
        if schema["_scope"] != "global":
            data["guild_id"] = schema["_scope"]
        return data

    async def _dispatch(
        self,
        kind: int,
        data: dict[str, Any],
        *,
        member: str,
        guild: int,
        locale: str = "en-US",
        message: dict[str, Any] | None = None,
    ) -> Reply:
        g = self.guilds[guild]
        m = self.member(member, guild)
        interaction_id = snowflake()
        token = f"itoken-{interaction_id}"
        payload: dict[str, Any] = {
            "id": str(interaction_id),
            "application_id": str(self.application_id),
            "type": kind,
            "data": data,
            "guild_id": str(g.id),
            "channel_id": str(g.channel_id),
            "channel": g.channel(),
            "member": m.member(),
            "token": token,
            "version": 1,
            "locale": locale,
            "guild_locale": g.locale,
            "app_permissions": ALL_PERMISSIONS,
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(g.id)},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if message is not None:
            payload["message"] = message
        reply = Reply(interaction_id=interaction_id, dispatched_at=time.monotonic())
        if message is not None:
            reply.message = self.messages[int(message["id"])]  # @original of a component interaction
        self.replies[interaction_id] = reply
        self.by_token[token] = reply
        await self._dispatch_event("INTERACTION_CREATE", payload, guild_id=g.id)
        return reply

    async def _wait(self, reply: Reply, done: Callable[[Reply], bool], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not done(reply):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no reply to interaction {reply.interaction_id}: {reply.callbacks}")
            reply.changed.clear()
            try:
                await asyncio.wait_for(reply.changed.wait(), remaining)
            except TimeoutError:
                continue

    def _message_of(self, reply: Reply) -> dict[str, Any]:
        """The message a reply's buttons are on: the first followup after a deferral, else the response."""
        if reply.kind == 5 and reply.followups and not reply.edits:
            return self.messages[int(reply.followups[0]["id"])]
        if reply.message is None:
            raise KeyError("that reply has no stored message")
        return self.messages[int(reply.message["id"])]

    def _store_message(
        self, channel_id: int, body: dict[str, Any], ephemeral: bool = False
    ) -> dict[str, Any]:
        message = {
            "id": str(snowflake()),
            "channel_id": str(channel_id),
            "type": 0,
            "content": body.get("content") or "",
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "attachments": [
                {
                    "id": str(snowflake()),
                    "filename": name,
                    "size": len(data),
                    "url": f"https://cdn.fake/{name}",
                    "proxy_url": f"https://cdn.fake/{name}",
                }
                for name, data in body.get("_files", [])
            ],
            "author": self.bot.user(bot=True),
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": False,
            "timestamp": now_iso(),
            "edited_timestamp": None,
            "flags": (body.get("flags") or 0) | (EPHEMERAL if ephemeral else 0),
            "application_id": str(self.application_id),
        }
        if body.get("nonce") is not None:
            message["nonce"] = body["nonce"]
        self._mentions(message, body)
        self.messages[int(message["id"])] = message
        if body.get("_files"):
            self.files[int(message["id"])] = list(body["_files"])
        return message

    def _mentions(self, message: dict[str, Any], body: dict[str, Any]) -> None:
        """Record the allowed mentions, and which roles the message pings as Discord decides it: a role named in
        the content pings only when allowed_mentions lets it (``parse`` with "roles", or its id in ``roles``)."""
        allowed = body.get("allowed_mentions")
        self.allowed_mentions[int(message["id"])] = allowed
        named = re.findall(r"<@&(\d+)>", message["content"])
        if allowed is None:
            message["mention_roles"] = named
            return
        message["mention_roles"] = [
            r
            for r in named
            if "roles" in (allowed.get("parse") or []) or r in {str(x) for x in allowed.get("roles") or []}
        ]

    async def _crosspost(
        self, request: web.Request, body: Any, channel_id: str, message_id: str
    ) -> web.Response:
        """POST /channels/{id}/messages/{id}/crosspost: publish a message of an announcement channel."""
        target = self.messages.get(int(message_id))
        if target is None or target["channel_id"] != channel_id:
            return self._json({"message": "Unknown Message", "code": 10008}, 404)
        if not any(int(channel_id) == g.announce_channel_id for g in self.guilds):
            return self._json({"message": "Cannot execute action on this channel type", "code": 50024}, 403)
        if target.get("flags", 0) & 1:
            return self._json({"message": "This message has already been crossposted.", "code": 40033}, 400)
        target["flags"] = target.get("flags", 0) | 1  # CROSSPOSTED
        self.crossposts.append(int(message_id))
        return self._json(target)

    # ------------------------------------------------------------------ gateway

    def shard_of(self, guild_id: int, shard_count: int) -> int:
        """Discord's rule: a guild belongs to shard (guild_id >> 22) % shard_count."""
        return (guild_id >> 22) % shard_count

    def _receives(self, ws: web.WebSocketResponse, guild_id: int | None) -> bool:
        shard_id, count = self._shards.get(ws, (0, 1))
        return guild_id is None or self.shard_of(guild_id, count) == shard_id

    async def _dispatch_event(
        self, event: str, data: Any, *, guild_id: int | None = None, to: web.WebSocketResponse | None = None
    ) -> None:
        """Send an event to ``to``, else to the socket of the shard that owns ``guild_id``, else to all."""
        self._seq += 1
        frame = json.dumps({"op": 0, "t": event, "s": self._seq, "d": data})
        targets = [to] if to is not None else [ws for ws in self._sockets if self._receives(ws, guild_id)]
        if not targets:
            raise RuntimeError(
                f"no bot shard is connected to the fake gateway for {event} (guild {guild_id})"
            )
        for ws in targets:
            await ws.send_str(frame)

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}, "s": None, "t": None}))
        try:
            async for msg in ws:
                if msg.type in (WSMsgType.TEXT, WSMsgType.BINARY):
                    await self._on_gateway_message(ws, json.loads(msg.data))
        finally:
            if ws in self._sockets:
                self._sockets.remove(ws)
            self._shards.pop(ws, None)
        return ws

    async def _on_gateway_message(self, ws: web.WebSocketResponse, msg: dict[str, Any]) -> None:
        op = msg.get("op")
        if op == 1:
            await ws.send_str(json.dumps({"op": 11, "d": None, "s": None, "t": None}))
        elif op == 2:
            self.identifies += 1
            self._sockets.append(ws)
            self._session = f"fake-session-{self.identifies}"
            shard_id, count = msg["d"].get("shard") or [0, 1]
            self._shards[ws] = (int(shard_id), int(count))
            self._session_shards[self._session] = self._shards[ws]
            mine = [g for g in self.guilds if self._receives(ws, g.id)]
            ready = {
                "v": 10,
                "user": self.bot.user(bot=True),
                "guilds": [{"id": str(g.id), "unavailable": True} for g in mine],
                "session_id": self._session,
                "resume_gateway_url": self.gateway_url,
                "application": {"id": str(self.application_id), "flags": 0},
                "shard": msg["d"].get("shard", [0, 1]),
                "private_channels": [],
                "relationships": [],
            }
            await self._dispatch_event("READY", ready, to=ws)
            for g in mine:
                await self._dispatch_event("GUILD_CREATE", g.payload(self.bot), to=ws)
            self.ready.set()
        elif op == 6:
            self.resumes += 1
            self._sockets.append(ws)
            self._shards[ws] = self._session_shards.get(str(msg["d"].get("session_id")), (0, 1))
            await self._dispatch_event("RESUMED", {}, to=ws)
            self.ready.set()

    # ------------------------------------------------------------------ REST

    @web.middleware
    async def _middleware(
        self, request: web.Request, handler: Callable[[web.Request], Any]
    ) -> web.StreamResponse:
        response: web.StreamResponse = await handler(request)
        return response

    def _invalid(self, request: web.Request, body: Any) -> web.Response | None:
        """Discord's 400 for a message body over its limits, or None when the body fits."""
        errors = form_errors(body) if isinstance(body, dict) else {}
        if not errors:
            return None
        self.rejected.append((request.path, errors))
        return self._json({"message": "Invalid Form Body", "code": 50035, "errors": errors}, 400)

    def _json(self, data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
        # discord.py decodes JSON only when Content-Type is exactly application/json.
        resp = web.Response(status=status, body=json.dumps(data).encode(), headers=headers or {})
        resp.headers["Content-Type"] = "application/json"
        return resp

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        method = request.method
        body: Any = None
        if request.can_read_body:
            if request.content_type == "application/json":
                body = await request.json()
            elif request.content_type.startswith("multipart/"):
                reader = await request.multipart()
                files: list[tuple[str, bytes]] = []
                async for part in reader:
                    if part.name == "payload_json":  # type: ignore[union-attr]
                        body = json.loads(await part.text())  # type: ignore[union-attr]
                    elif getattr(part, "filename", None):
                        files.append((part.filename, bytes(await part.read())))  # type: ignore[union-attr]
                if isinstance(body, dict) and files:
                    body["_files"] = files
        self.requests.append((method, path, body))
        auth = request.headers.get("Authorization", "")
        if not path.startswith(("/interactions/", "/webhooks/", "/gateway")) and not self.token_ok(auth):
            return self._json({"message": "401: Unauthorized", "code": 0}, 401)
        for fault in self.faults:
            if fault.times > 0 and fault.method == method and fault.pattern.search(path):
                fault.times -= 1
                if fault.status == 429:
                    return self._json(
                        {
                            "message": "You are being rate limited.",
                            "retry_after": fault.retry_after,
                            "global": False,
                        },
                        429,
                        {
                            "Via": "1.1 google",
                            "Retry-After": str(fault.retry_after),
                            "X-RateLimit-Scope": "user",
                        },
                    )
                return self._json({"message": "Server error", "code": 0}, fault.status)
        for pattern, want, handler in self._routes():
            m = re.fullmatch(pattern, path)
            if m and method == want:
                return await handler(request, body, *m.groups())
        self.unknown_routes.append((method, path))
        return self._json({"message": "404: Not Found", "code": 0}, 404)

    def _routes(self) -> list[tuple[str, str, Callable[..., Any]]]:
        return [
            (r"/gateway", "GET", self._get_gateway),
            (r"/gateway/bot", "GET", self._get_gateway_bot),
            (r"/users/@me", "GET", self._get_me),
            (r"/oauth2/applications/@me", "GET", self._get_app),
            (r"/applications/@me", "GET", self._get_app),
            (r"/applications/(\d+)/commands", "PUT", self._put_commands),
            (r"/applications/(\d+)/commands", "GET", self._get_commands),
            (r"/applications/(\d+)/guilds/(\d+)/commands", "PUT", self._put_commands),
            (r"/applications/(\d+)/guilds/(\d+)/commands", "GET", self._get_commands),
            (r"/interactions/(\d+)/([^/]+)/callback", "POST", self._callback),
            (r"/webhooks/(\d+)/([^/]+)", "POST", self._followup),
            (r"/webhooks/(\d+)/([^/]+)/messages/(@original|\d+)", "PATCH", self._edit),
            (r"/webhooks/(\d+)/([^/]+)/messages/(@original|\d+)", "GET", self._get_webhook_message),
            (r"/webhooks/(\d+)/([^/]+)/messages/(@original|\d+)", "DELETE", self._delete_webhook_message),
            (r"/channels/(\d+)", "GET", self._get_channel),
            (r"/channels/(\d+)/messages", "POST", self._post_message),
            (r"/channels/(\d+)/messages/(\d+)", "PATCH", self._patch_message),
            (r"/channels/(\d+)/messages/(\d+)/threads", "POST", self._thread_from_message),
            (r"/channels/(\d+)/threads", "POST", self._thread_in_channel),
            (r"/channels/(\d+)/messages/(\d+)/crosspost", "POST", self._crosspost),
            (r"/guilds/(\d+)", "GET", self._get_guild),
            (r"/guilds/(\d+)/threads/active", "GET", self._active_threads),
            (r"/users/@me/channels", "POST", self._open_dm),
        ]

    async def _get_gateway(self, request: web.Request, body: Any) -> web.Response:
        return self._json({"url": self.gateway_url})

    async def _get_gateway_bot(self, request: web.Request, body: Any) -> web.Response:
        return self._json(
            {
                "url": self.gateway_url,
                "shards": 1,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 999,
                    "reset_after": 0,
                    "max_concurrency": 1,
                },
            }
        )

    async def _get_me(self, request: web.Request, body: Any) -> web.Response:
        return self._json(self.bot.user(bot=True) | {"verified": True, "mfa_enabled": False, "flags": 0})

    async def _get_app(self, request: web.Request, body: Any) -> web.Response:
        return self._json(
            {
                "id": str(self.application_id),
                "name": "Newsdesk",
                "icon": None,
                "description": "",
                "bot_public": True,
                "bot_require_code_grant": False,
                "verify_key": "0" * 64,
                "owner": self.guilds[0].members[0].user(),
                "flags": 0,
                "team": None,
                "summary": "",
                "interactions_endpoint_url": None,
                "bot": self.bot.user(bot=True),
            }
        )

    async def _put_commands(
        self, request: web.Request, body: Any, app_id: str, guild_id: str | None = None
    ) -> web.Response:
        scope = guild_id or "global"
        stored = []
        for cmd in body or []:
            stored.append(
                {
                    **cmd,
                    "id": str(snowflake()),
                    "application_id": app_id,
                    "version": str(snowflake()),
                    "guild_id": guild_id,
                    "default_member_permissions": cmd.get("default_member_permissions"),
                    "type": cmd.get("type", 1),
                }
            )
        self.commands[scope] = stored
        self.syncs.append(scope)
        return self._json(stored)

    async def _get_commands(
        self, request: web.Request, body: Any, app_id: str, guild_id: str | None = None
    ) -> web.Response:
        return self._json(self.commands.get(guild_id or "global", []))

    async def _callback(
        self, request: web.Request, body: Any, interaction_id: str, token: str
    ) -> web.Response:
        reply = self.replies.get(int(interaction_id))
        if reply is None or self.by_token.get(token) is not reply:
            return self._json({"message": "Unknown interaction", "code": 10062}, 404)
        if reply.callbacks:
            return self._json({"message": "Interaction has already been acknowledged.", "code": 40060}, 400)
        if body.get("type") in (4, 7) and (invalid := self._invalid(request, body.get("data") or {})):
            return invalid
        reply.callbacks.append(body)
        reply.acked_at = time.monotonic()
        kind = body["type"]
        g = self.guilds[0]
        interaction = {
            "id": interaction_id,
            "type": 2,
            "response_message_loading": kind == 5,
            "response_message_ephemeral": bool(((body.get("data") or {}).get("flags") or 0) & EPHEMERAL),
        }
        resource: dict[str, Any] = {"type": kind}
        if kind in (4, 5):
            data = body.get("data") or {}
            message = self._store_message(
                g.channel_id, data, ephemeral=bool((data.get("flags") or 0) & EPHEMERAL)
            )
            reply.message = message
            interaction["response_message_id"] = message["id"]
            resource["message"] = message
        elif kind == 7 and reply.message is not None:
            # UPDATE_MESSAGE: a button press edits the message the button is on.
            reply.message.update(
                {
                    k: v
                    for k, v in (body.get("data") or {}).items()
                    if k in ("content", "embeds", "components")
                }
            )
            reply.edits.append(dict(reply.message))
            resource["message"] = reply.message
            interaction["response_message_id"] = reply.message["id"]
        reply.changed.set()
        if request.query.get("with_response") in ("1", "true"):
            return self._json({"interaction": interaction, "resource": resource})
        return web.Response(status=204)

    async def _followup(self, request: web.Request, body: Any, app_id: str, token: str) -> web.Response:
        reply = self.by_token.get(token)
        if reply is None:
            return self._json({"message": "Unknown Webhook", "code": 10015}, 404)
        if invalid := self._invalid(request, body):
            return invalid
        ephemeral = bool(((body or {}).get("flags") or 0) & EPHEMERAL)
        message = self._store_message(self.guilds[0].channel_id, body or {}, ephemeral)
        reply.followups.append(message)
        if reply.message is None:
            reply.message = message
        reply.changed.set()
        return self._json(message)

    async def _edit(
        self, request: web.Request, body: Any, app_id: str, token: str, which: str
    ) -> web.Response:
        reply = self.by_token.get(token)
        if reply is None:
            return self._json({"message": "Unknown Webhook", "code": 10015}, 404)
        target = reply.message if which == "@original" else self.messages.get(int(which))
        if target is None:
            return self._json({"message": "Unknown Message", "code": 10008}, 404)
        if invalid := self._invalid(request, body):
            return invalid
        for k in ("content", "embeds", "components", "flags"):
            if body is not None and k in body and body[k] is not None:
                target[k] = body[k]
        target["edited_timestamp"] = now_iso()
        if which == "@original" or (reply.message is not None and target["id"] == reply.message["id"]):
            reply.edits.append(dict(target))
        reply.changed.set()
        return self._json(target)

    async def _get_webhook_message(
        self, request: web.Request, body: Any, app_id: str, token: str, which: str
    ) -> web.Response:
        reply = self.by_token.get(token)
        target = (reply.message if reply else None) if which == "@original" else self.messages.get(int(which))
        if target is None:
            return self._json({"message": "Unknown Message", "code": 10008}, 404)
        return self._json(target)

    async def _delete_webhook_message(
        self, request: web.Request, body: Any, app_id: str, token: str, which: str
    ) -> web.Response:
        return web.Response(status=204)

    async def _get_channel(self, request: web.Request, body: Any, channel_id: str) -> web.Response:
        for g in self.guilds:
            if int(channel_id) == g.announce_channel_id:
                return self._json(g.announcement())
            if int(channel_id) in g.channel_ids():
                return self._json(g.channel(int(channel_id)))
        if int(channel_id) in self.threads:
            return self._json(self.threads[int(channel_id)])
        return self._json({"message": "Unknown Channel", "code": 10003}, 404)

    async def _open_dm(self, request: web.Request, body: Any) -> web.Response:
        user_id = int((body or {}).get("recipient_id", 0))
        member = next((m for g in self.guilds for m in g.members if m.id == user_id), None)
        if member is None:
            return self._json({"message": "Unknown User", "code": 10013}, 404)
        channel_id = self.dm_channels.setdefault(user_id, snowflake())
        return self._json(
            {"id": str(channel_id), "type": 1, "last_message_id": None, "recipients": [member.user()]}
        )

    def dms(self, name: str, guild: int = 0) -> list[dict[str, Any]]:
        """The direct messages the bot sent to a member."""
        channel_id = self.dm_channels.get(self.member(name, guild).id)
        return self.channel_messages.get(channel_id, []) if channel_id else []

    async def _post_message(self, request: web.Request, body: Any, channel_id: str) -> web.Response:
        body = body or {}
        if any(int(channel_id) == g.locked_channel_id for g in self.guilds):
            return self._json({"message": "Missing Permissions", "code": 50013}, 403)
        dm_of = next((u for u, c in self.dm_channels.items() if c == int(channel_id)), None)
        if dm_of is not None and dm_of in self.dms_closed:
            return self._json({"message": "Cannot send messages to this user", "code": 50007}, 403)
        if dm_of is None and not any(int(channel_id) in g.channel_ids() for g in self.guilds):
            thread = self.threads.get(int(channel_id))
            if thread is None:
                return self._json({"message": "Unknown Channel", "code": 10003}, 404)
            parent = self._guild_of_channel(int(thread["parent_id"]))
            if parent is not None and parent.denied(int(thread["parent_id"])) & SEND_MESSAGES_IN_THREADS:
                return self._json({"message": "Missing Permissions", "code": 50013}, 403)
        elif any(int(channel_id) == g.forum_channel_id for g in self.guilds):
            return self._json({"message": "Cannot send messages in a forum channel", "code": 50008}, 400)
        if invalid := self._invalid(request, body):
            return invalid
        nonce = body.get("nonce")
        if nonce is not None and body.get("enforce_nonce"):
            # Discord returns the earlier message for a repeated nonce (within a few minutes) instead of a copy.
            for earlier in self.channel_messages.get(int(channel_id), []):
                if earlier.get("nonce") == nonce:
                    self.deduplicated += 1
                    return self._json(earlier)
        message = self._store_message(int(channel_id), body)
        self.channel_messages.setdefault(int(channel_id), []).append(message)
        if self.post_delay:
            # Stored, but the answer is late: a window in which a test can crash the bot.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._held.wait(), self.post_delay)
        return self._json(message)

    def _guild_of_channel(self, channel_id: int) -> Guild | None:
        return next((g for g in self.guilds if channel_id in g.channel_ids()), None)

    def _new_thread(
        self, guild: Guild, parent_id: int, thread_id: int, name: str, body: dict[str, Any]
    ) -> dict[str, Any]:
        thread = {
            "id": str(thread_id),
            "type": 11,
            "guild_id": str(guild.id),
            "parent_id": str(parent_id),
            "owner_id": str(self.bot.id),
            "name": name,
            "last_message_id": None,
            "rate_limit_per_user": body.get("rate_limit_per_user") or 0,
            "message_count": 0,
            "member_count": 1,
            "total_message_sent": 0,
            "flags": 0,
            "applied_tags": body.get("applied_tags") or [],
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": body.get("auto_archive_duration") or 4320,
                "archive_timestamp": now_iso(),
                "locked": False,
                "create_timestamp": now_iso(),
            },
        }
        self.threads[thread_id] = thread
        self.channel_messages.setdefault(thread_id, [])
        return thread

    def _thread_name_error(self, body: dict[str, Any]) -> web.Response | None:
        name = str(body.get("name") or "")
        if not 1 <= len(name) <= 100:
            errors = {
                "name": _too_long(100)
                if name
                else {"_errors": [{"code": "BASE_TYPE_REQUIRED", "message": "This field is required"}]}
            }
            self.rejected.append(("threads", errors))
            return self._json({"message": "Invalid Form Body", "code": 50035, "errors": errors}, 400)
        return None

    async def _thread_from_message(
        self, request: web.Request, body: Any, channel_id: str, message_id: str
    ) -> web.Response:
        """POST /channels/{id}/messages/{id}/threads: a public thread from a message; its id is the message's."""
        body = body or {}
        guild = self._guild_of_channel(int(channel_id))
        message = self.messages.get(int(message_id))
        if guild is None:
            return self._json({"message": "Unknown Channel", "code": 10003}, 404)
        if message is None or message["channel_id"] != channel_id:
            return self._json({"message": "Unknown Message", "code": 10008}, 404)
        if guild.denied(int(channel_id)) & (CREATE_PUBLIC_THREADS | 0x800):
            return self._json({"message": "Missing Permissions", "code": 50013}, 403)
        if int(message_id) in self.threads:
            return self._json(
                {"message": "A thread has already been created for this message", "code": THREAD_EXISTS}, 400
            )
        if invalid := self._thread_name_error(body):
            return invalid
        thread = self._new_thread(guild, int(channel_id), int(message_id), str(body["name"]), body)
        message["thread"] = thread
        if self.thread_delay:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._held.wait(), self.thread_delay)
        return self._json(thread, 201)

    async def _thread_in_channel(self, request: web.Request, body: Any, channel_id: str) -> web.Response:
        """POST /channels/{id}/threads: in a forum, a post (a thread with its first message, ``message`` in the
        body); in a text channel, a thread without a message."""
        body = body or {}
        guild = self._guild_of_channel(int(channel_id))
        if guild is None:
            return self._json({"message": "Unknown Channel", "code": 10003}, 404)
        forum = int(channel_id) == guild.forum_channel_id
        needed = 0x800 if forum else CREATE_PUBLIC_THREADS
        if guild.denied(int(channel_id)) & needed:
            return self._json({"message": "Missing Permissions", "code": 50013}, 403)
        if invalid := self._thread_name_error(body):
            return invalid
        first = body.get("message")
        if forum and not isinstance(first, dict):
            errors = {
                "message": {"_errors": [{"code": "BASE_TYPE_REQUIRED", "message": "This field is required"}]}
            }
            return self._json({"message": "Invalid Form Body", "code": 50035, "errors": errors}, 400)
        if isinstance(first, dict) and (invalid := self._invalid(request, first)):
            return invalid
        thread = self._new_thread(guild, int(channel_id), snowflake(), str(body["name"]), body)
        if not forum:
            return self._json(thread, 201)
        assert isinstance(first, dict)
        message = self._store_message(int(thread["id"]), first)
        self.channel_messages[int(thread["id"])].append(message)
        if self.thread_delay:  # made, but the answer is late: a window in which a test can crash the bot
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._held.wait(), self.thread_delay)
        return self._json(thread | {"message": message}, 201)

    def thread_posts(self, thread_id: int) -> list[dict[str, Any]]:
        """The messages in one thread (a forum post's first message included)."""
        return self.channel_messages.get(thread_id, [])

    async def _patch_message(
        self, request: web.Request, body: Any, channel_id: str, message_id: str
    ) -> web.Response:
        target = self.messages.get(int(message_id))
        if target is None:
            return self._json({"message": "Unknown Message", "code": 10008}, 404)
        if invalid := self._invalid(request, body):
            return invalid
        target.update({k: v for k, v in (body or {}).items() if k in ("content", "embeds", "components")})
        return self._json(target)

    async def _active_threads(self, request: web.Request, body: Any, guild_id: str) -> web.Response:
        """GET /guilds/{id}/threads/active: the server's threads that are not archived, newest first, and the
        bot's thread member object in each it joined (it joins the threads it makes)."""
        guild = next((g for g in self.guilds if str(g.id) == guild_id), None)
        if guild is None:
            return self._json({"message": "Unknown Guild", "code": 10004}, 404)
        threads = sorted(
            (
                t
                for t in self.threads.values()
                if t["guild_id"] == guild_id and not t["thread_metadata"]["archived"]
            ),
            key=lambda t: int(t["id"]),
            reverse=True,
        )
        members = [
            {
                "id": t["id"],
                "user_id": str(self.bot.id),
                "join_timestamp": t["thread_metadata"]["create_timestamp"],
                "flags": 1,
            }
            for t in threads
            if t["owner_id"] == str(self.bot.id)
        ]
        return self._json({"threads": threads, "members": members})

    async def _get_guild(self, request: web.Request, body: Any, guild_id: str) -> web.Response:
        for g in self.guilds:
            if str(g.id) == guild_id:
                return self._json(g.payload(self.bot))
        return self._json({"message": "Unknown Guild", "code": 10004}, 404)
