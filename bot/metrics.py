"""Health and metrics for operators: ``/healthz`` (JSON) and ``/metrics`` (Prometheus text) on a local port.

Served only when ``NEWSDESK_METRICS_PORT`` is set (bound to ``NEWSDESK_METRICS_HOST``, loopback by default).
Recording is always on and costs a dictionary lookup: the rest of the bot calls the functions at the bottom
(``interaction``, ``ingested``, ``digest``, ``alert``, ``library_size``, ``tick``), which never raise.

``/healthz`` answers 200 when every shard's gateway is connected, the store answers a trivial query within
a few seconds and every background loop has ticked recently (or is still within its first interval); 503
otherwise, with the same JSON saying what is wrong.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)

log = logging.getLogger("newsdesk.metrics")

STORE_TIMEOUT = 3.0  # seconds the store may take to answer /healthz's query
STALE_AFTER = 3  # a loop is stale after this many of its intervals without a tick (plus SLACK)
SLACK = 60.0

REGISTRY = CollectorRegistry(auto_describe=True)
INTERACTIONS = Counter(
    "newsdesk_interactions",
    "Slash commands answered, by command and outcome (ok, user_error, denied, error)",
    ["command", "outcome"],
    registry=REGISTRY,
)
LATENCY = Histogram(
    "newsdesk_answer_latency_seconds",
    "Time from the interaction to the bot's first response (Discord allows 3 s)",
    ["command"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0),
    registry=REGISTRY,
)
INGEST = Counter(
    "newsdesk_ingest_articles",
    "Articles taken in from folders and feeds, by source and result (added, updated, failed)",
    ["source", "result"],
    registry=REGISTRY,
)
FEEDS = Gauge("newsdesk_feeds", "Feeds configured by the operator", registry=REGISTRY)
FEEDS_FAILING = Gauge(
    "newsdesk_feeds_failing", "Operator feeds whose last poll failed (backing off)", registry=REGISTRY
)
DIGESTS = Counter(
    "newsdesk_digests",
    "Digest runs by outcome (posted, empty, failed, already)",
    ["outcome"],
    registry=REGISTRY,
)
ALERTS = Counter(
    "newsdesk_alerts",
    "Follow alert deliveries by outcome (sent, retry, failed)",
    ["outcome"],
    registry=REGISTRY,
)
LIBRARY = Gauge(
    "newsdesk_library", "What the library holds, by kind (articles, people)", ["kind"], registry=REGISTRY
)
LAST_TICK = Gauge(
    "newsdesk_loop_last_tick_timestamp_seconds",
    "Unix time of each background loop's last pass",
    ["loop"],
    registry=REGISTRY,
)
GATEWAY = Gauge(
    "newsdesk_gateway_connected", "1 when the shard's gateway is connected", ["shard"], registry=REGISTRY
)


@dataclass
class LoopState:
    interval: float  # seconds between passes when all is well
    last_tick: float | None = None  # time.time() of the last pass


LOOPS: dict[str, LoopState] = {}
STARTED = time.time()


# ------------------------------------------------------------------ recording (never raises)


def watch_loop(name: str, interval: float) -> None:
    """Declare a background loop that /healthz expects to tick about every ``interval`` seconds."""
    LOOPS.setdefault(name, LoopState(interval)).interval = interval


def tick(name: str) -> None:
    now = time.time()
    LOOPS.setdefault(name, LoopState(60.0)).last_tick = now
    LAST_TICK.labels(name).set(now)


def interaction(command: str, outcome: str, latency_s: float) -> None:
    try:
        INTERACTIONS.labels(command, outcome).inc()
        LATENCY.labels(command).observe(max(0.0, latency_s))
    except Exception:  # metrics must never break a command
        log.exception("could not record an interaction")


def ingested(source: str, added: int, updated: int, failed: int) -> None:
    for result, n in (("added", added), ("updated", updated), ("failed", failed)):
        if n:
            INGEST.labels(source, result).inc(n)


def feeds(configured: int, failing: int) -> None:
    FEEDS.set(configured)
    FEEDS_FAILING.set(failing)


def digest(outcome: str) -> None:
    DIGESTS.labels(outcome).inc()


def alert(outcome: str) -> None:
    ALERTS.labels(outcome).inc()


def library_size(stats: dict[str, int]) -> None:
    for kind in ("articles", "people"):
        LIBRARY.labels(kind).set(stats.get(kind, 0))


# ------------------------------------------------------------------ health


def gateways(bot: Any) -> dict[str, bool]:
    """Shard id -> connected. A single connection is shard 0."""
    shards = getattr(bot, "shards", None)
    if isinstance(shards, dict) and shards:
        return {str(i): not info.is_closed() for i, info in sorted(shards.items())}
    ws = getattr(bot, "ws", None)
    return {"0": bool(ws is not None and ws.open and not bot.is_closed())}


async def health(bot: Any) -> tuple[bool, dict[str, Any]]:
    shards = gateways(bot)
    for shard, up in shards.items():
        GATEWAY.labels(shard).set(1 if up else 0)
    try:
        await asyncio.wait_for(bot.store.articles_version(), STORE_TIMEOUT)
        store: dict[str, Any] = {"ok": True}
    except Exception as exc:
        store = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:200]}
    now = time.time()
    loops: dict[str, Any] = {}
    for name, state in sorted(LOOPS.items()):
        since = state.last_tick if state.last_tick is not None else STARTED
        alive = now - since <= STALE_AFTER * state.interval + SLACK
        loops[name] = {
            "alive": alive,
            "last_tick": state.last_tick,
            "seconds_since": None if state.last_tick is None else round(now - state.last_tick, 1),
            "interval": state.interval,
        }
    ok = all(shards.values()) and store["ok"] and all(v["alive"] for v in loops.values())
    return ok, {"ok": ok, "gateway": shards, "store": store, "loops": loops}


# ------------------------------------------------------------------ the server


class MetricsServer:
    def __init__(self, bot: Any, host: str, port: int) -> None:
        self.bot = bot
        self.host = host
        self.port = port
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        if self._runner is not None:
            return
        app = web.Application()
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/metrics", self._metrics)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        await site.start()
        self._runner = runner
        sockets = getattr(site._server, "sockets", None)
        if self.port == 0 and sockets:  # port 0: the system picked one (tests); the log line names it
            self.port = sockets[0].getsockname()[1]
        log.info("health and metrics on http://%s:%d/healthz and /metrics", self.host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()

    async def _healthz(self, request: web.Request) -> web.Response:
        ok, body = await health(self.bot)
        return web.json_response(body, status=200 if ok else 503)

    async def _metrics(self, request: web.Request) -> web.Response:
        await health(self.bot)  # refreshes the gateway gauges
        feeds_of = getattr(self.bot, "feeds", None)
        if feeds_of is not None:
            feeds(len(feeds_of.urls), len(feeds_of.failing()))
        body = generate_latest(REGISTRY)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})
