"""RSS/Atom feeds served on 127.0.0.1 for the feed tests: a feed's answer can be changed or broken at any time."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from aiohttp import web

FEEDS = Path(__file__).parent / "data" / "feeds"


class FeedServer:
    def __init__(self) -> None:
        self.answers: dict[str, tuple[int, bytes]] = {}
        self.hits: Counter[str] = Counter()
        self.not_modified: Counter[str] = Counter()  # 304s answered
        self.etags: dict[str, str] = {}  # path -> ETag: conditional GETs are answered 304
        self._runner: web.AppRunner | None = None
        self.port = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def serve(self, path: str, body: bytes | str, status: int = 200) -> str:
        self.answers[path] = (status, body.encode() if isinstance(body, str) else body)
        return self.url(path)

    def serve_file(self, path: str, name: str) -> str:
        return self.serve(path, (FEEDS / name).read_bytes())

    async def _handle(self, request: web.Request) -> web.Response:
        path = request.match_info["path"]
        self.hits[path] += 1
        status, body = self.answers.get(path, (404, b"not here"))
        etag = self.etags.get(path)
        if etag is not None and request.headers.get("If-None-Match") == etag:
            self.not_modified[path] += 1
            return web.Response(status=304, headers={"ETag": etag})
        headers = {"ETag": etag} if etag is not None else {}
        return web.Response(status=status, body=body, content_type="application/xml", headers=headers)

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
