"""The invite URL: the scopes and exactly the permissions Newsdesk's features need (no privileged intents)."""

from __future__ import annotations

import base64
import binascii
from urllib.parse import urlencode

SCOPES = ("bot", "applications.commands")

# Each permission the bot needs (discord.py's name, its bit, what Discord shows), and why. Replies to slash commands are interaction responses, which need none
# of these; posting on its own (digests, follow alerts in a channel) needs the first three.
NEEDED: tuple[tuple[str, int, str, str], ...] = (
    ("view_channel", 10, "View Channels", "see the digest and alert channels"),
    ("send_messages", 11, "Send Messages", "post the daily digest and follow alerts"),
    ("embed_links", 14, "Embed Links", "digests and alerts are embeds"),
    ("attach_files", 15, "Attach Files", "the /stats chart"),
    ("create_public_threads", 35, "Create Public Threads", "a thread per story (/story-channel set)"),
    (
        "send_messages_in_threads",
        38,
        "Send Messages in Threads",
        "each later article of a story in its thread",
    ),
)
# Channel permissions a posting feature needs (what /setup checks in the chosen channel).
POSTING = ("view_channel", "send_messages", "embed_links")


def permissions_value() -> int:
    return sum(1 << bit for _, bit, _, _ in NEEDED)


def invite_url(application_id: int) -> str:
    query = urlencode(
        {"client_id": application_id, "permissions": permissions_value(), "scope": " ".join(SCOPES)}
    )
    return f"https://discord.com/oauth2/authorize?{query}"


def application_id_of(token: str) -> int | None:
    """A bot token's first part is its user id in base64, and a bot's user id is its application's id."""
    first = token.split(".", 1)[0]
    if not first:
        return None
    try:
        text = base64.b64decode(first + "=" * (-len(first) % 4), validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return int(text) if text.isdigit() else None


def permission_lines() -> list[str]:
    value = permissions_value()
    lines = [f"permissions {value}: " + ", ".join(shown for _, _, shown, _ in NEEDED)]
    lines += [f"  {shown}: {why}" for _, _, shown, why in NEEDED]
    lines.append("privileged intents: none (the bot asks only for the guilds intent)")
    return lines
