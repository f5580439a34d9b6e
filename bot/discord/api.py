"""The DISCORD_API_BASE seam: where REST calls and the gateway go. Nothing else lives here.

Large deployments put an HTTP proxy in front of Discord's rate limits; our tests point the bot at a fake
Discord on 127.0.0.1. discord.py takes its REST base from ``discord.http.Route.BASE`` and a plain
``commands.Bot`` dials ``DiscordWebSocket.DEFAULT_GATEWAY`` (and returns to it after an invalid session), so
both are set here, before the client connects.
"""

from __future__ import annotations

import aiohttp
import discord
import yarl
from discord.gateway import DiscordWebSocket

DEFAULT_API_BASE = "https://discord.com/api/v10"


class ApiSeamError(RuntimeError):
    """The configured API base or gateway cannot be used; the message says which setting to fix."""


async def configure(api_base: str | None, gateway_url: str | None = None) -> str | None:
    """Point discord.py at ``api_base`` (and its gateway). Returns the gateway URL in use, or None for
    Discord's own defaults."""
    if not api_base:
        discord.http.Route.BASE = DEFAULT_API_BASE
        if gateway_url:
            DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)
        return gateway_url
    base = api_base.rstrip("/")
    if not base.startswith(("http://", "https://")):
        raise ApiSeamError(f"DISCORD_API_BASE must be an http(s) URL, got {api_base!r}")
    discord.http.Route.BASE = base
    if not gateway_url:
        gateway_url = await _ask_gateway(base)
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)
    return gateway_url


async def _ask_gateway(base: str) -> str:
    try:
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session,
            session.get(f"{base}/gateway") as resp,
        ):
            if resp.status != 200:
                raise ApiSeamError(f"GET {base}/gateway answered {resp.status}; set DISCORD_GATEWAY_URL")
            data = await resp.json(content_type=None)
    except (aiohttp.ClientError, TimeoutError) as exc:
        raise ApiSeamError(f"cannot reach DISCORD_API_BASE {base}: {exc}") from exc
    url = data.get("url") if isinstance(data, dict) else None
    if not url:
        raise ApiSeamError(f"GET {base}/gateway gave no url; set DISCORD_GATEWAY_URL")
    return str(url)
