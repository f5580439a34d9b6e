"""RSS/Atom feeds served on 127.0.0.1 for the feed tests: a feed's answer can be changed or broken at any time."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path

from aiohttp import web

FEEDS = Path(__file__).parent / "data" / "feeds"
# Feeds refuse loopback addresses unless the operator allows them: the tests allow this server explicitly.
ALLOW = {"NEWSDESK_FEED_ALLOW_HOSTS": "127.0.0.1"}


class FeedServer:
    def __init__(self) -> None:
        self.answers: dict[str, tuple[int, bytes]] = {}
        self.hits: Counter[str] = Counter()
        self.not_modified: Counter[str] = Counter()  # 304s answered
        self.etags: dict[str, str] = {}  # path -> ETag: conditional GETs are answered 304
        self.chunked: dict[str, int] = {}  # path -> chunk size: the body is streamed in pieces, with pauses
        self.redirects: dict[str, str] = {}  # path -> Location: answered 302
        self.cut: dict[str, int] = {}  # path -> bytes sent before the connection closes (all announced)
        self.delays: dict[str, float] = {}  # path -> seconds before the answer starts
        self.content_types: dict[str, str] = {}  # path -> Content-Type (default application/xml, no charset)
        self.in_flight = 0  # requests being answered now
        self.most_in_flight = 0  # the most answered at once
        self._runner: web.AppRunner | None = None
        self.port = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def serve(self, path: str, body: bytes | str, status: int = 200) -> str:
        self.answers[path] = (status, body.encode() if isinstance(body, str) else body)
        return self.url(path)

    def serve_file(self, path: str, name: str) -> str:
        return self.serve(path, (FEEDS / name).read_bytes())

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            path = request.match_info["path"]
            if path in self.delays:
                await asyncio.sleep(self.delays[path])
            return await self._answer(request, path)
        finally:
            self.in_flight -= 1

    async def _answer(self, request: web.Request, path: str) -> web.StreamResponse:
        self.hits[path] += 1
        if path in self.redirects:
            return web.Response(status=302, headers={"Location": self.redirects[path]})
        status, body = self.answers.get(path, (404, b"not here"))
        etag = self.etags.get(path)
        if etag is not None and request.headers.get("If-None-Match") == etag:
            self.not_modified[path] += 1
            return web.Response(status=304, headers={"ETag": etag})
        headers = {"ETag": etag} if etag is not None else {}
        if path in self.chunked or path in self.cut:
            return await self._stream(request, path, status, body, headers)
        headers["Content-Type"] = self.content_types.get(path, "application/xml")
        return web.Response(status=status, body=body, headers=headers)

    async def _stream(
        self, request: web.Request, path: str, status: int, body: bytes, headers: dict[str, str]
    ) -> web.StreamResponse:
        resp = web.StreamResponse(status=status, headers={**headers, "Content-Type": "application/xml"})
        resp.content_length = len(body)
        await resp.prepare(request)
        sent = body[: self.cut[path]] if path in self.cut else body
        size = self.chunked.get(path, 4096)
        try:
            for start in range(0, len(sent), size):
                await resp.write(sent[start : start + size])
                await asyncio.sleep(0.001)  # each piece reaches the reader on its own
        except ConnectionResetError:  # the reader hung up early (what the feed tests look for)
            return resp
        if path in self.cut:
            assert request.transport is not None
            request.transport.close()  # the announced length is never reached
            return resp
        await resp.write_eof()
        return resp

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/{path:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


def rss(channel: str, items: list[tuple[str, str, str, str, datetime]]) -> str:
    """An RSS 2.0 feed of (guid, link, title, text, published) items, newest first as feeds list them."""
    body = "".join(
        f"<item><guid>{escape(guid)}</guid><link>{escape(link)}</link><title>{escape(title)}</title>"
        f"<pubDate>{format_datetime(when)}</pubDate><description>{escape(text)}</description></item>"
        for guid, link, title, text, when in sorted(items, key=lambda i: i[4], reverse=True)
    )
    return f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{escape(channel)}</title>{body}</channel></rss>"


def harbour_item(
    n: int, when: datetime, base: str = "https://harbour.example"
) -> tuple[str, str, str, str, datetime]:
    """A made-up news item, different for every ``n``: a headline and two sentences with a person in them."""
    quays = ["north", "east", "south", "west", "inner", "outer", "old", "new", "grain", "ferry"]
    quay = quays[n % len(quays)]
    title = f"Quay {n} ({quay}) reopens after crane inspection"
    text = (
        f"The {quay} quay number {n} reopened on Tuesday after a week of crane inspections. "
        f"Northport chief executive Mara Quist denied that {n + 2} cranes had failed the checks."
    )
    return (f"harbour-{n}", f"{base}/quay-{n}", title, text, when)
