"""bot.metrics without Discord: /healthz's verdict from shards, store and loops; recording never raises."""

from __future__ import annotations

import time
from types import SimpleNamespace
from typing import Any

import pytest
from prometheus_client import generate_latest

from bot import metrics


class Store:
    def __init__(self, fail: bool = False) -> None:
        self.fail = fail

    async def articles_version(self) -> str:
        if self.fail:
            raise ConnectionError("database is down")
        return "7"


class Shard:
    def __init__(self, closed: bool) -> None:
        self.closed = closed

    def is_closed(self) -> bool:
        return self.closed


def bot(store: Store, shards: dict[int, Shard]) -> Any:
    return SimpleNamespace(store=store, shards=shards)


@pytest.fixture(autouse=True)
def fresh_loops(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(metrics, "LOOPS", {})


async def test_healthy_when_shards_store_and_loops_are() -> None:
    metrics.watch_loop("digests", 30)
    metrics.tick("digests")
    ok, body = await metrics.health(bot(Store(), {0: Shard(False), 1: Shard(False)}))
    assert ok and body["ok"]
    assert body["gateway"] == {"0": True, "1": True}
    assert body["loops"]["digests"]["alive"] and body["loops"]["digests"]["seconds_since"] is not None


async def test_a_closed_shard_a_failing_store_or_a_stale_loop_is_unhealthy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ok, body = await metrics.health(bot(Store(), {0: Shard(False), 1: Shard(True)}))
    assert not ok and body["gateway"] == {"0": True, "1": False}

    ok, body = await metrics.health(bot(Store(fail=True), {0: Shard(False)}))
    assert not ok and body["store"]["ok"] is False and "database is down" in body["store"]["error"]

    metrics.watch_loop("alerts", 30)
    metrics.tick("alerts")
    metrics.LOOPS["alerts"].last_tick = time.time() - (3 * 30 + metrics.SLACK + 1)
    ok, body = await metrics.health(bot(Store(), {0: Shard(False)}))
    assert not ok and body["loops"]["alerts"]["alive"] is False


def test_recording_shows_in_the_text_format() -> None:
    metrics.interaction("unit-test", "ok", 0.2)
    metrics.interaction("unit-test", "error", -1)  # a clock step backwards is not a negative latency
    metrics.ingested("feeds", 2, 0, 1)
    metrics.digest("posted")
    metrics.alert("retry")
    metrics.library_size({"articles": 12, "people": 30, "claims": 99})
    text = generate_latest(metrics.REGISTRY).decode()
    assert 'newsdesk_interactions_total{command="unit-test",outcome="error"} 1.0' in text
    assert 'newsdesk_answer_latency_seconds_bucket{command="unit-test",le="0.25"} 2.0' in text
    assert 'newsdesk_ingest_articles_total{result="failed",source="feeds"}' in text
    assert 'newsdesk_library{kind="people"} 30.0' in text
    assert "claims" not in text
