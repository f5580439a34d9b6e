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
import ipaddress
import logging
import os
import re
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

import aiohttp
import charset_normalizer
import feedparser
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver
from yarl import URL

from bot.article import MAX_BYTES, Article, ArticleError
from bot.article.links import clean_url
from bot.ingest.intake import IngestReport, parse_bytes
from bot.settings import redact_secrets, split_hosts
from bot.store import Store

log = logging.getLogger("newsdesk.feeds")

MAX_FEED_BYTES = 8 * MAX_BYTES  # a feed holds many articles; its body is refused past this
MAX_BACKOFF = 6 * 3600.0  # seconds: a feed that keeps failing is still tried four times a day
MAX_FETCHES = 10  # feeds fetched at once; a feed's time limit starts when its own request starts
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


_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_SEPARATORS = re.compile(r"\s+[-|–—:·•]\s+|\s*[|·•]\s*")
SOURCE_WORDS, SOURCE_CHARS = 8, 90  # a source line of more is not read as one


def source_name(feed_title: str) -> str:
    """The feed's name as an article's source: one short line (a long feed title keeps its first part)."""
    name = " ".join(feed_title.replace("·", "-").split()) or "Feed"
    if len(re.findall(r"\w+", name)) <= SOURCE_WORDS and len(name) <= SOURCE_CHARS:
        return name
    head = _SEPARATORS.split(name, maxsplit=1)[0].strip()
    if head and len(re.findall(r"\w+", head)) <= SOURCE_WORDS and len(head) <= SOURCE_CHARS:
        return head
    words = name.split()
    while len(words) > 1 and (
        len(re.findall(r"\w+", " ".join(words))) > SOURCE_WORDS or len(" ".join(words)) > SOURCE_CHARS - 1
    ):
        words.pop()
    return " ".join(words)[: SOURCE_CHARS - 1].rstrip(" ,;:-") + "…"


def _only_links(text: str) -> bool:
    """Nothing but web addresses (a title-only entry that is its own link, or the feed's)."""
    return not _URL.sub("", text).strip(" \t\n-–—|·:")


def title_from(body: str) -> str:
    """A headline for an entry that has none: its first sentence, cut at a word within 100 characters."""
    first = re.split(r"(?<=[.!?。！？])\s+|\n", body.strip(), maxsplit=1)[0].strip()
    if len(first) <= 100:
        return first
    cut = first[:100].rsplit(" ", 1)[0] if " " in first[:100] else first[:100]
    return cut.rstrip(" ,;:-") + "…"


def entry_text(entry: Any, feed_title: str) -> str:
    """The article text for one feed entry; "" when it has no text to read (skipped, not a failure): no body,
    or a body or title that is only a link."""
    contents = entry.get("content") or []
    body = html_text(contents[0].get("value", "")) if contents else ""
    if not body:
        body = html_text(entry.get("summary", "") or "")
    title = " ".join(html_text(entry.get("title", "") or "").split())
    if _only_links(title):
        title = ""
    if not body or _only_links(body):
        return ""  # a headline alone, a link alone or nothing: no article to read
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    if title and lines[0] == title and len(lines) > 1:
        return body  # the entry is a whole article already (a structured summary with its headline)
    if not title and (body.lstrip().startswith("{") or (len(lines) > 1 and len(lines[0]) <= 120)):
        return f"{body}\n"  # an article on its own: Article JSON, or a headline with text under it
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    when = (
        datetime.fromtimestamp(calendar.timegm(published), UTC).strftime("%Y-%m-%d %H:%M")
        if published
        else ""
    )
    title = title or title_from(body)  # RSS 2.0 makes titles optional
    if " ".join(title.split()) == " ".join(body.split()):  # the whole entry is its title: say it once
        words = title.split()
        title = (
            " ".join(words[:8]) + "…" if len(words) > 8 else f"{source_name(feed_title)} {when[:10]}".strip()
        )
    source = source_name(feed_title)
    header = f"{title}\n{source}·{when}" if when else f"{title}\n{source}"
    return f"{header}\n\n{body}\n"


def feed_bytes(data: bytes, content_type: str | None) -> bytes:
    """The feed's bytes as feedparser reads them right. An encoding declared by HTTP, a byte-order mark or the
    XML declaration is left to feedparser; undeclared bytes that are not UTF-8 are recognised with
    charset-normalizer (KOI8-R, EUC-JP, EUC-KR, GB2312 ...) and given as UTF-8. A Western single-byte guess is
    left to feedparser's own fallback (windows-1252), which is what such feeds mean."""
    if "charset=" in (content_type or "").lower() or data.startswith(
        (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
    ):
        return data
    if re.match(rb"\s*<\?xml[^>]*\bencoding\s*=", data[:300]):
        return data
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return data
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding in _WESTERN:
        return data
    return str(best).encode("utf-8")


_WESTERN = {"cp1250", "cp1252", "latin_1", "iso8859_2", "iso8859_15", "cp1257", "mac_roman", "mac_latin2"}


def with_link(article: Article, entry: Any) -> Article:
    """The article with the entry's link as its address, when its text named none."""
    link = clean_url(str(entry.get("link") or ""))
    if article.url or not link:
        return article
    return article.model_copy(update={"url": link})


def entry_key(entry: Any, text: str) -> str:
    return str(entry.get("id") or entry.get("link") or content_hash(text))


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _check_feed(parsed: Any) -> None:
    """Raise :class:`FeedError` unless ``parsed`` (feedparser's result) is an RSS or Atom feed."""
    if parsed.get("bozo") and not parsed.get("entries"):
        problem = parsed.get("bozo_exception")
        raise FeedError(f"not an RSS or Atom feed ({' '.join(str(problem).split())[:120]})")
    if not parsed.get("version") and not parsed.get("entries"):  # well-formed, but a web page, not a feed
        raise FeedError("not an RSS or Atom feed (no feed or entries in it)")


def _parse_feed(data: bytes, content_type: str | None) -> Any:
    headers = {"content-type": content_type} if content_type else {}
    return feedparser.parse(feed_bytes(data, content_type), response_headers=headers)


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


class AddressRefused(OSError):
    """A feed's host is (or resolves to) an address feeds may not reach; the message says which and why."""


ALLOW_HOSTS_VARIABLE = "NEWSDESK_FEED_ALLOW_HOSTS"
MAX_REDIRECTS = 5


class AddressGuard:
    """Which addresses a feed may reach: public ones, and whatever the operator allows by host name, address or
    network (``NEWSDESK_FEED_ALLOW_HOSTS``). Loopback, private, link-local (cloud metadata), shared, multicast
    and reserved addresses are refused, after DNS resolution and on every redirect."""

    def __init__(self, allow: Iterable[str] = ()) -> None:
        self.hosts: set[str] = set()
        self.networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
        for item in allow:
            item = item.strip().lower().strip("[]").rstrip(".")
            if not item:
                continue
            try:
                self.networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                self.hosts.add(item)

    def host_allowed(self, host: str) -> bool:
        return host.lower().strip("[]").rstrip(".") in self.hosts

    def refusal(self, address: str) -> str | None:
        """Why ``address`` may not be reached (e.g. "a loopback address"), or None when it may."""
        try:
            ip = ipaddress.ip_address(address.split("%", 1)[0].strip("[]"))
        except ValueError:
            return "not an IP address"
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if any(ip in network for network in self.networks):
            return None
        if ip.is_loopback:
            return "a loopback address"
        if ip.is_link_local:
            return "a link-local address (cloud metadata lives there)"
        if ip.is_multicast:
            return "a multicast address"
        if ip.is_unspecified or ip.is_reserved:
            return "a reserved address"
        if ip.is_private:
            return "a private address"
        if not ip.is_global:
            return "a non-public address"
        return None

    def check_url(self, url: URL) -> None:
        """Refuse a URL before connecting: only http(s), and a literal address must be one feeds may reach (host
        names are checked by :class:`GuardedResolver` on the addresses they resolve to)."""
        if url.scheme not in ("http", "https"):
            raise FeedError(f"refused: {url.scheme or 'scheme-less'} URLs are not fetched, only http(s)")
        host = url.host
        if not host:
            raise FeedError("refused: the URL has no host")
        if self.host_allowed(host):
            return
        try:
            ipaddress.ip_address(host.split("%", 1)[0])
        except ValueError:
            return  # a name: checked after resolution
        why = self.refusal(host)
        if why is not None:
            raise FeedError(f"refused: {host} is {why} (allow it with {ALLOW_HOSTS_VARIABLE})")


class GuardedResolver(AbstractResolver):
    """DNS resolution that keeps only the addresses feeds may reach: the connection goes to an address that was
    checked, so a name cannot be pointed at an internal address between the check and the connection."""

    def __init__(self, guard: AddressGuard) -> None:
        self.guard = guard
        self._inner = DefaultResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        found = await self._inner.resolve(host, port, family)
        if self.guard.host_allowed(host):
            return found
        kept = [r for r in found if self.guard.refusal(r["host"]) is None]
        if not kept:
            why = self.guard.refusal(found[0]["host"]) if found else "no address"
            address = found[0]["host"] if found else "nothing"
            raise AddressRefused(
                f"{host} resolves to {address}, {why} (allow it with {ALLOW_HOSTS_VARIABLE})"
            )
        return kept

    async def close(self) -> None:
        await self._inner.close()


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
    # Hosts, addresses or networks a feed may reach although they are not public (Settings.feed_allow_hosts).
    # None: read NEWSDESK_FEED_ALLOW_HOSTS from the environment (for callers that do not pass the settings).
    allow_hosts: list[str] | None = None
    states: dict[str, FeedState] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.states = {u: FeedState(u) for u in self.urls}
        if self.allow_hosts is None:
            self.allow_hosts = split_hosts(os.environ.get(ALLOW_HOSTS_VARIABLE, ""))
        self.guard = AddressGuard(self.allow_hosts)

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
        # At most MAX_FETCHES at once, each with its own clock: a feed waiting for its turn (or for a free
        # connection) is not timed; its limit runs from when its request starts.
        turns = asyncio.Semaphore(MAX_FETCHES)
        connector = aiohttp.TCPConnector(resolver=GuardedResolver(self.guard), limit=MAX_FETCHES)

        async def fetch(state: FeedState) -> Any:
            async with turns:
                return await self._fetch(session, state)

        async with aiohttp.ClientSession(headers={"User-Agent": USER_AGENT}, connector=connector) as session:
            results = await asyncio.gather(*(fetch(s) for s in states), return_exceptions=True)
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

    async def fetch_now(self, state: FeedState) -> Any:
        """Fetch one feed now, guarded as every poll is (address checks after DNS and on each redirect, size,
        time and redirect caps); the parsed feed, or None when it answered "not modified". Raises
        :class:`FeedError` with a one-line reason."""
        connector = aiohttp.TCPConnector(resolver=GuardedResolver(self.guard), limit=1)
        async with aiohttp.ClientSession(headers={"User-Agent": USER_AGENT}, connector=connector) as session:
            return await self._fetch(session, state)

    async def _fetch(self, session: aiohttp.ClientSession, state: FeedState) -> Any:
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.modified:
            headers["If-Modified-Since"] = state.modified
        try:
            got = await self._download(session, URL(state.fetch_url), headers)
        except aiohttp.ClientConnectorError as exc:
            if isinstance(exc.os_error, AddressRefused):
                raise FeedError(f"refused: {exc.os_error}") from exc
            raise FeedError(f"cannot fetch: {exc.__class__.__name__} {exc}".strip()) from exc
        except ValueError as exc:  # a Location that is not a URL
            raise FeedError(f"cannot fetch: bad redirect ({' '.join(str(exc).split())[:80]})") from exc
        except aiohttp.ClientError as exc:
            raise FeedError(f"cannot fetch: {exc.__class__.__name__} {exc}".strip()) from exc
        except TimeoutError as exc:
            raise FeedError(f"no answer within {self.timeout:.0f} s") from exc
        if got is None:
            return None
        data, etag, modified, content_type = got
        parsed = await asyncio.to_thread(_parse_feed, data, content_type)
        _check_feed(parsed)
        state.etag, state.modified = etag, modified  # only a feed that was read may answer "not modified"
        return parsed

    async def _download(
        self, session: aiohttp.ClientSession, url: URL, headers: dict[str, str]
    ) -> tuple[bytes, str | None, str | None, str | None] | None:
        """The body, ETag, Last-Modified and Content-Type of ``url``, following redirects (each one checked
        by the guard); None when the server answered "not modified"."""
        for _ in range(MAX_REDIRECTS + 1):  # redirects are followed here, so each one is checked
            self.guard.check_url(url)
            async with session.get(
                url,
                headers=headers,
                allow_redirects=False,
                timeout=aiohttp.ClientTimeout(total=self.timeout),
            ) as resp:
                if resp.status in (301, 302, 303, 307, 308):
                    location = resp.headers.get("Location")
                    if not location:
                        raise FeedError(f"HTTP {resp.status} redirect without a Location")
                    url = resp.url.join(URL(location))
                    continue
                if resp.status == 304:
                    return None
                if resp.status != 200:
                    reason = " ".join((resp.reason or "").split())[:80]  # the server's words: one short line
                    raise FeedError(f"HTTP {resp.status} {reason}".strip())
                data = await read_body(resp, MAX_FEED_BYTES)
                return (
                    data,
                    resp.headers.get("ETag"),
                    resp.headers.get("Last-Modified"),
                    resp.headers.get("Content-Type"),
                )
        raise FeedError(f"more than {MAX_REDIRECTS} redirects")

    async def _take(self, store: Store, state: FeedState, parsed: Any, report: IngestReport) -> None:
        """Store the feed's new entries; an entry without text is skipped (not a failure), one that cannot be
        read fails alone."""
        feed_title = str(parsed.get("feed", {}).get("title") or state.url)
        source = state.fetch_url  # the store's keys stay those of the URL as configured
        entries: Iterable[Any] = parsed.get("entries") or []
        for entry in entries:
            text = entry_text(entry, feed_title)
            if not text:
                continue
            key = entry_key(entry, text)
            digest = content_hash(text)
            if await store.feed_entry_seen(source, key, digest):
                continue
            try:
                data = text.encode("utf-8", "surrogatepass")
                if len(data) > MAX_BYTES:  # the same cap as a file's
                    raise ArticleError(
                        f"entry is {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes (1 MB)"
                    )
                article = with_link(await parse_bytes(data), entry)
            except Exception as exc:  # one entry fails alone, whatever the parser ran into
                reason = (
                    str(exc)
                    if isinstance(exc, ArticleError)
                    else f"cannot be read ({exc.__class__.__name__})"
                )
                report.failed.append((state.url, f"entry {key}: {reason}"))
                await store.record_feed_entry(source, key, digest, None)
                continue
            report.count(await store.upsert_article(article, f"feed:{source}#{key}"), article)
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
