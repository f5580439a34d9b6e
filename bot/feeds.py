"""RSS/Atom feeds -> articles: fetched with aiohttp, read with feedparser, stored like files.

Each entry becomes one article: the entry's text when it is a structured summary on its own (headline, source
line, Core Viewpoint ...), else the entry's title, the feed's name and date, then its text (summary format if
the text is one, plain otherwise). Entries are de-duplicated by entry id and by content hash, across feeds. A
failing feed waits longer after each failure (up to ``MAX_BACKOFF``) and never stops the others.
"""

from __future__ import annotations

import asyncio
import calendar
import hashlib
import html
import logging
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

import aiohttp
import feedparser

from bot.article import MAX_BYTES, ArticleError, load_article
from bot.ingest import IngestReport
from bot.settings import redact_secrets
from bot.store import Store

log = logging.getLogger("newsdesk.feeds")

MAX_FEED_BYTES = 8 * MAX_BYTES  # a feed holds many articles; its body is refused past this
MAX_BACKOFF = 6 * 3600.0  # seconds: a feed that keeps failing is still tried four times a day
USER_AGENT = "Newsdesk feed reader (+https://github.com/; a Discord news bot)"

_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "section",
}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    """Readable text from an entry's HTML: paragraphs and list items on lines of their own."""
    if "<" not in markup:
        return html.unescape(markup).strip()
    parser = _Text()
    parser.feed(markup)
    parser.close()
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(parser.parts).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def entry_text(entry: Any, feed_title: str) -> str:
    """The article text for one feed entry."""
    contents = entry.get("content") or []
    body = html_text(contents[0].get("value", "")) if contents else ""
    if not body:
        body = html_text(entry.get("summary", "") or "")
    title = " ".join(html_text(entry.get("title", "") or "").split())
    first = body.splitlines()[0].strip() if body else ""
    if title and first == title:
        return body  # the entry is a whole article already (a structured summary with its headline)
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    when = (
        datetime.fromtimestamp(calendar.timegm(published), UTC).strftime("%Y-%m-%d %H:%M")
        if published
        else ""
    )
    source = " ".join(feed_title.split()) or "Feed"
    header = f"{title}\n{source}·{when}" if when else f"{title}\n{source}"
    return f"{header}\n\n{body}\n" if title else f"{body}\n"


def entry_key(entry: Any, text: str) -> str:
    return str(entry.get("id") or entry.get("link") or content_hash(text))


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


@dataclass
class FeedState:
    fetch_url: str  # the URL as configured, secrets included: only for fetching and the store's keys
    url: str = ""  # the URL as shown in /about, messages and logs: a password or token redacted
    failures: int = 0
    last_error: str | None = None
    next_at: float = 0.0  # time.monotonic() when it is due
    last_ok: datetime | None = None
    etag: str | None = None
    modified: str | None = None
    entries: int = 0

    def __post_init__(self) -> None:
        self.url = redact_secrets(self.fetch_url)


class FeedError(Exception):
    """One feed could not be read; the message says why, in a line."""


async def read_body(resp: aiohttp.ClientResponse, limit: int) -> bytes:
    """The whole body, however many pieces the server sends it in, refused past ``limit`` bytes.

    A body that ends before its announced ``Content-Length`` (or an unfinished chunked body) raises
    :class:`FeedError`: the feed is tried again later, and no entry of the half is taken or marked failed.
    """
    announced = resp.content_length
    if resp.headers.get("Content-Encoding", "identity").lower() != "identity":
        announced = None  # the announced length is of the compressed body; aiohttp checks that one itself
    if announced is not None and announced > limit:
        raise FeedError(f"the feed is larger than {limit // 1_000_000} MB")
    parts: list[bytes] = []
    size = 0
    try:
        while chunk := await resp.content.read(65536):
            size += len(chunk)
            if size > limit:
                raise FeedError(f"the feed is larger than {limit // 1_000_000} MB")
            parts.append(chunk)
    except aiohttp.ClientPayloadError as exc:
        raise FeedError(f"cannot fetch: the answer was cut short after {size:,} bytes") from exc
    if announced is not None and size != announced:
        raise FeedError(f"cannot fetch: the answer was cut short ({size:,} of {announced:,} bytes)")
    return b"".join(parts)


@dataclass
class FeedPoller:
    """Polls every feed when it is due; ``poll`` returns what entered the store."""

    urls: list[str]
    minutes: float = 15.0
    timeout: float = 20.0
    states: dict[str, FeedState] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.states = {u: FeedState(u) for u in self.urls}

    @property
    def interval(self) -> float:
        return self.minutes * 60.0

    def due(self, now: float | None = None) -> list[FeedState]:
        now = time.monotonic() if now is None else now
        return [s for s in self.states.values() if s.next_at <= now]

    async def poll(self, store: Store, only_due: bool = True) -> IngestReport:
        """Fetch the due feeds at once; a feed's failure is recorded on its state and never raised."""
        states = self.due() if only_due else list(self.states.values())
        report = IngestReport()
        if not states:
            return report
        timeout = aiohttp.ClientTimeout(total=self.timeout)
        async with aiohttp.ClientSession(timeout=timeout, headers={"User-Agent": USER_AGENT}) as session:
            results = await asyncio.gather(*(self._fetch(session, s) for s in states), return_exceptions=True)
        for state, result in zip(states, results, strict=True):
            if isinstance(result, BaseException):
                self._failed(state, result)
                continue
            if result is None:  # 304 Not Modified
                self._succeeded(state)
                continue
            try:
                await self._take(store, state, result, report)
            except Exception as exc:  # one feed's trouble is reported, the others go on
                self._failed(state, exc)
            else:
                self._succeeded(state)
        return report

    async def _fetch(self, session: aiohttp.ClientSession, state: FeedState) -> Any:
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.modified:
            headers["If-Modified-Since"] = state.modified
        try:
            async with session.get(state.fetch_url, headers=headers) as resp:
                if resp.status == 304:
                    return None
                if resp.status != 200:
                    reason = " ".join((resp.reason or "").split())[:80]  # the server's words: short, one line
                    raise FeedError(f"HTTP {resp.status} {reason}".strip())
                data = await read_body(resp, MAX_FEED_BYTES)
                etag, modified = resp.headers.get("ETag"), resp.headers.get("Last-Modified")
        except aiohttp.ClientError as exc:
            raise FeedError(f"cannot fetch: {exc.__class__.__name__} {exc}".strip()) from exc
        except TimeoutError as exc:
            raise FeedError(f"no answer within {self.timeout:.0f} s") from exc
        parsed = await asyncio.to_thread(feedparser.parse, data)
        if parsed.get("bozo") and not parsed.get("entries"):
            problem = parsed.get("bozo_exception")
            raise FeedError(f"not an RSS or Atom feed ({' '.join(str(problem).split())[:120]})")
        state.etag, state.modified = etag, modified  # only a feed that was read may answer "not modified"
        return parsed

    async def _take(self, store: Store, state: FeedState, parsed: Any, report: IngestReport) -> None:
        feed_title = str(parsed.get("feed", {}).get("title") or state.url)
        source = state.fetch_url  # the store's keys stay those of the URL as configured
        entries: Iterable[Any] = parsed.get("entries") or []
        for entry in entries:
            text = entry_text(entry, feed_title)
            key = entry_key(entry, text)
            digest = content_hash(text)
            if await store.feed_entry_seen(source, key, digest):
                continue
            try:
                article = load_article(text)
            except Exception as exc:  # one entry fails alone, whatever the parser ran into
                reason = (
                    str(exc)
                    if isinstance(exc, ArticleError)
                    else f"cannot be read ({exc.__class__.__name__})"
                )
                report.failed.append((state.url, f"entry {key}: {reason}"))
                await store.record_feed_entry(source, key, digest, None)
                continue
            report.count(await store.upsert_article(article, f"feed:{source}#{key}"))
            report.articles.append(article)
            await store.record_feed_entry(source, key, digest, article.id)
            state.entries += 1

    def _succeeded(self, state: FeedState) -> None:
        state.failures, state.last_error = 0, None
        state.last_ok = datetime.now(UTC)
        state.next_at = time.monotonic() + self.interval

    def _failed(self, state: FeedState, exc: BaseException) -> None:
        state.failures += 1
        error = str(exc) if isinstance(exc, FeedError) else f"{exc.__class__.__name__}: {exc}"
        state.last_error = redact_secrets(error.replace(state.fetch_url, state.url))
        delay = min(self.interval * 2 ** (state.failures - 1), max(MAX_BACKOFF, self.interval))
        state.next_at = time.monotonic() + delay
        log.warning(
            "feed %s failed (%d in a row, next try in %.0f s): %s",
            state.url,
            state.failures,
            delay,
            state.last_error,
        )

    def failing(self) -> list[FeedState]:
        return [s for s in self.states.values() if s.failures]
