"""Feeds never reach the bot's own machine or its network: loopback, private, link-local and metadata addresses
are refused after DNS resolution and on every redirect, unless the operator allows the host."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.ingest.feeds import FeedPoller
from bot.settings import Settings, describe_settings_error
from bot.store.sql import SQLStore
from tests.feedserver import FeedServer


@pytest.fixture(autouse=True)
def no_allowance(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSDESK_FEED_ALLOW_HOSTS", raising=False)


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    s = FeedServer()
    await s.start()
    yield s
    await s.stop()


async def error_of(url: str, store: SQLStore, allow: list[str] | None = None) -> str:
    poller = FeedPoller([url], allow_hosts=allow or [])
    report = await poller.poll(store)
    assert report.added == 0
    state = poller.states[url]
    assert state.failures == 1
    return state.last_error or ""


async def test_loopback_is_refused_by_default(server: FeedServer, store: SQLStore) -> None:
    url = server.serve_file("tech.xml", "tech.rss.xml")
    error = await error_of(url, store)
    assert "refused" in error and "loopback" in error and "NEWSDESK_FEED_ALLOW_HOSTS" in error
    assert server.hits["tech.xml"] == 0  # never contacted


async def test_a_name_that_resolves_to_loopback_is_refused(server: FeedServer, store: SQLStore) -> None:
    server.serve_file("tech.xml", "tech.rss.xml")
    error = await error_of(f"http://localhost:{server.port}/tech.xml", store)
    assert "refused" in error and "localhost" in error and "loopback" in error
    assert server.hits["tech.xml"] == 0


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://10.1.2.3/feed", "private"),
        ("http://192.168.1.1/feed", "private"),
        ("http://[::1]:9/feed", "loopback"),
        ("http://[::ffff:127.0.0.1]:9/feed", "loopback"),
        ("http://0.0.0.0:9/feed", "address"),
        ("http://100.64.0.1/feed", "address"),
    ],
)
async def test_internal_addresses_are_refused_without_connecting(
    url: str, kind: str, store: SQLStore
) -> None:
    error = await error_of(url, store)
    assert error.startswith("refused:") and kind in error, error


async def test_every_redirect_is_checked(server: FeedServer, store: SQLStore) -> None:
    server.serve_file("secret.xml", "tech.rss.xml")
    server.redirects["hop.xml"] = server.url("secret.xml")  # localhost (allowed) -> 127.0.0.1 (not allowed)
    server.redirects["file.xml"] = "file:///etc/passwd"
    hop = f"http://localhost:{server.port}/hop.xml"
    error = await error_of(hop, store, allow=["localhost"])
    assert "refused" in error and "127.0.0.1" in error
    assert server.hits["hop.xml"] == 1 and server.hits["secret.xml"] == 0
    error = await error_of(f"http://localhost:{server.port}/file.xml", store, allow=["localhost"])
    assert "refused" in error and "file" in error


async def test_an_allowed_host_or_network_is_fetched_and_redirects_are_followed(
    server: FeedServer, store: SQLStore
) -> None:
    server.serve_file("tech.xml", "tech.rss.xml")
    server.redirects["old.xml"] = "/tech.xml"
    url = server.url("old.xml")
    poller = FeedPoller([url], allow_hosts=["127.0.0.0/8"])
    report = await poller.poll(store)
    assert (report.added, poller.states[url].failures) == (2, 0)
    server.redirects["loop.xml"] = "/loop.xml"
    looping = server.url("loop.xml")
    poller = FeedPoller([looping], allow_hosts=["127.0.0.1"])
    await poller.poll(store)
    assert "redirect" in (poller.states[looping].last_error or "")


def test_allow_hosts_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDESK_FEED_ALLOW_HOSTS", "127.0.0.1, feeds.internal 10.0.0.0/8")
    assert Settings().feed_allow_hosts == ["127.0.0.1", "feeds.internal", "10.0.0.0/8"]
    monkeypatch.setenv("NEWSDESK_FEED_ALLOW_HOSTS", "10.0.0.0/33")
    with pytest.raises(ValueError, match="is not a network") as info:
        Settings()
    assert describe_settings_error(info.value).startswith("NEWSDESK_FEED_ALLOW_HOSTS: '10.0.0.0/33' is not")
