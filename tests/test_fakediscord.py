"""The fake Discord refuses what Discord refuses: a message over its limits is a 400 'Invalid Form Body'."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest

from tests.fakediscord import FakeDiscord
from tests.fakediscord.process import TOKEN
from tests.fakediscord.server import form_errors


def embed(**parts: Any) -> dict[str, Any]:
    return {"title": "t", "description": "d", **parts}


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"content": "x" * 2001}, {"content"}),
        ({"embeds": [embed() for _ in range(11)]}, {"embeds"}),
        ({"embeds": [embed(title="x" * 257)]}, {"embeds"}),
        ({"embeds": [embed(description="x" * 4097)]}, {"embeds"}),
        ({"embeds": [embed(fields=[{"name": "n", "value": "v"}] * 26)]}, {"embeds"}),
        ({"embeds": [embed(fields=[{"name": "n", "value": "x" * 1025}])]}, {"embeds"}),
        ({"embeds": [embed(fields=[{"name": "x" * 257, "value": "v"}])]}, {"embeds"}),
        ({"embeds": [embed(fields=[{"name": "n", "value": " "}])]}, {"embeds"}),
        ({"embeds": [embed(footer={"text": "x" * 2049})]}, {"embeds"}),
        ({"embeds": [embed(description="x" * 4000), embed(description="x" * 2001)]}, {"embeds"}),
        (
            {"content": "hi", "allowed_mentions": {"users": [str(i) for i in range(101)]}},
            {"allowed_mentions"},
        ),
    ],
)
def test_every_limit_is_checked(body: dict[str, Any], where: set[str]) -> None:
    assert set(form_errors(body)) == where


def test_a_message_at_the_limits_fits() -> None:
    fields = [{"name": "n" * 256, "value": "v" * 200}] * 10
    body = {
        "content": "x" * 2000,
        "embeds": [embed(title="t" * 256, fields=fields, footer={"text": "f" * 100})],
        "allowed_mentions": {"users": [str(i) for i in range(100)]},
    }
    assert form_errors(body) == {}


@pytest.mark.asyncio(loop_scope="function")
async def test_an_oversize_message_gets_discords_400() -> None:
    fake = FakeDiscord()
    await fake.start()
    try:
        url = f"{fake.base_url}/channels/{fake.guild().channel_id}/messages"
        headers = {"Authorization": f"Bot {TOKEN}"}
        async with aiohttp.ClientSession() as session:
            async with session.post(url, json={"content": "x" * 2001}, headers=headers) as resp:
                assert resp.status == 400
                body = await resp.json()
            async with session.post(url, json={"content": "fits"}, headers=headers) as resp:
                assert resp.status == 200
        assert body["code"] == 50035 and body["message"] == "Invalid Form Body"
        assert body["errors"]["content"]["_errors"][0]["code"] == "BASE_TYPE_MAX_LENGTH"
        assert len(fake.channel_messages[fake.guild().channel_id]) == 1 and len(fake.rejected) == 1
    finally:
        await fake.stop()
