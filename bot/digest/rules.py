"""Daily digests. Pure: whether a server is due, when it runs next, and what goes in its digest.

A server's schedule is a local wall-clock time in an IANA zone. "Due" is a function of the schedule, the local
date of the last scheduled digest and the current time, nothing else, so it can be tested across zones and
daylight-saving changes without waiting for a clock:

* the digest for local date D is due from D at the scheduled time until ``grace`` later;
* a scheduled time that does not exist on D (the spring-forward gap) runs at the first instant after the gap;
  one that exists twice (fall-back) runs at the first occurrence;
* a schedule set or changed at time T never fires for an instant before T (setting 08:00 at 10:00 does not post
  at once; today's digest is tomorrow's);
* after ``failures_to_pause`` failures in a row a schedule pauses itself.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.article import Article
from bot.timeline import Move

DEFAULT_MAX_ARTICLES = 10
DEFAULT_GRACE = timedelta(hours=6)
FAILURES_TO_PAUSE = 3
FIRST_WINDOW = timedelta(hours=24)

_TIME_RE = re.compile(r"^\s*([01]?\d|2[0-3])[:.h]([0-5]\d)\s*$")


class ScheduleError(ValueError):
    """A schedule value a user typed cannot be used; the message says why (``key`` and ``values`` let the
    bot say it in the reader's language)."""

    def __init__(self, message: str, key: str, **values: Any) -> None:
        super().__init__(message)
        self.key = key
        self.values = values


def parse_time(text: str) -> time:
    m = _TIME_RE.match(text or "")
    if not m:
        raise ScheduleError(
            f"“{text}” is not a time of day: use 24-hour HH:MM, for example 08:30 or 18:05",
            "time_bad",
            text=text,
        )
    return time(int(m.group(1)), int(m.group(2)))


COMMON_ZONES = (
    "UTC", "Europe/London", "Europe/Berlin", "Europe/Paris", "America/New_York", "America/Chicago",
    "America/Los_Angeles", "America/Sao_Paulo", "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Tokyo",
    "Asia/Singapore", "Asia/Kolkata", "Africa/Lagos", "Australia/Sydney", "Pacific/Auckland",
)  # fmt: skip


@lru_cache(maxsize=1)
def _zones() -> dict[str, str]:
    """Every IANA zone name by its lower-case form."""
    return {name.lower(): name for name in available_timezones() | {"UTC"}}


def zone_examples(typed: str, n: int = 3) -> list[str]:
    """A few full zone names close to what was typed (a region such as ``Europe`` gives its main cities)."""
    key = typed.strip().lower().replace(" ", "_").strip("/")
    found = [z for z in COMMON_ZONES if key and z.lower().startswith(key)] if "/" not in key else []
    found += [z for z in zone_names(key) if z not in found] if key else []
    return (found or ["Europe/London", "America/New_York", "Asia/Shanghai"])[:n]


def parse_zone(name: str) -> ZoneInfo:
    cleaned = (name or "").strip()
    if not cleaned:
        raise ScheduleError(
            "a time zone is needed, for example Europe/Berlin, Asia/Shanghai or UTC", "zone_missing"
        )
    canonical = _zones().get(cleaned.lower().replace(" ", "_"))
    try:
        if canonical is None:  # a region (a folder of zones), a typo, a path: never handed to the file system
            raise ZoneInfoNotFoundError(cleaned)
        return ZoneInfo(canonical)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        examples = ", ".join(zone_examples(cleaned))
        raise ScheduleError(
            f"“{cleaned}” is not an IANA time zone: give a full Area/City name from the list, for example "
            f"{examples}",
            "zone_bad",
            name=cleaned,
            examples=examples,
        ) from exc


def zone_names(current: str, limit: int = 25) -> list[str]:
    """Zone names for autocomplete: prefix of the whole name or of the city, then substring."""
    typed = current.strip().lower().replace(" ", "_")
    names = sorted(available_timezones())
    if not typed:
        common = ["UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles",
                  "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Tokyo", "Asia/Singapore", "Australia/Sydney"]  # fmt: skip
        return [n for n in common if n in names or n == "UTC"][:limit]
    starts = [
        n for n in names if n.lower().startswith(typed) or n.lower().rsplit("/", 1)[-1].startswith(typed)
    ]
    contains = [n for n in names if typed in n.lower() and n not in starts]
    return (starts + contains)[:limit]


@dataclass(frozen=True)
class Schedule:
    channel_id: int
    at: time
    zone: str = "UTC"
    max_articles: int = DEFAULT_MAX_ARTICLES
    skip_empty: bool = True
    enabled: bool = True
    paused: bool = False
    failures: int = 0
    effective_from: datetime | None = None  # UTC; no run is due for an instant before this
    language: str = "en"  # what the digest is written in: en, zh-CN or zh-TW
    role_id: int | None = None  # a role the digest mentions (set by a manager); None: no ping
    people_moves: bool = False  # a "People moves" section: the leadership moves in the digest's articles

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zone)


@dataclass
class Status:
    """What /digest status shows: the schedule, the next run, the last post and recent failures."""

    schedule: Schedule | None
    next_run: datetime | None
    last_posted: dict[str, Any] | None
    failures: list[dict[str, Any]] = field(default_factory=list)


def scheduled_instant(schedule: Schedule, local_date: date) -> datetime:
    """The UTC instant of the digest for ``local_date`` (gap times move forward, repeated times run once)."""
    tz = schedule.tz
    naive = datetime.combine(local_date, schedule.at)
    first = naive.replace(tzinfo=tz, fold=0)
    instant = first.astimezone(UTC)
    # A time inside a spring-forward gap does not exist: it round-trips to another wall time. Run at the
    # first instant after the gap instead.
    if instant.astimezone(tz).replace(tzinfo=None) != naive:
        later = naive.replace(tzinfo=tz, fold=1).astimezone(UTC)
        instant = min(instant, later)
        while instant.astimezone(tz).replace(tzinfo=None) < naive:
            instant += timedelta(minutes=1)
    return instant


def due(
    schedule: Schedule, last_scheduled: date | None, now: datetime, grace: timedelta = DEFAULT_GRACE
) -> date | None:
    """The local date whose scheduled digest should be posted now, or None."""
    if not schedule.enabled or schedule.paused:
        return None
    now = now.astimezone(UTC)
    today = now.astimezone(schedule.tz).date()
    for local_date in (today, today - timedelta(days=1)):
        if last_scheduled is not None and local_date <= last_scheduled:
            continue
        at = scheduled_instant(schedule, local_date)
        if schedule.effective_from is not None and at < schedule.effective_from:
            continue
        if at <= now <= at + grace:
            return local_date
    return None


def next_run(schedule: Schedule, last_scheduled: date | None, now: datetime) -> datetime | None:
    """The UTC instant of the next scheduled digest (None when off or paused)."""
    if not schedule.enabled or schedule.paused:
        return None
    now = now.astimezone(UTC)
    local_date = now.astimezone(schedule.tz).date() - timedelta(days=1)
    for _ in range(4):
        at = scheduled_instant(schedule, local_date)
        fresh = last_scheduled is None or local_date > last_scheduled
        allowed = schedule.effective_from is None or at >= schedule.effective_from
        if fresh and allowed and at >= now - timedelta(seconds=1):
            return at
        local_date += timedelta(days=1)
    return scheduled_instant(schedule, local_date)


def nonce(guild_id: int, local_date: date, part: int = 0) -> str:
    """A message nonce (at most 25 characters) that is the same for the same server, date and part, so that
    a retry after a crash is de-duplicated by Discord."""
    digest = hashlib.sha256(f"{guild_id}:{local_date.isoformat()}".encode()).hexdigest()
    return f"{digest[:21]}{part:02d}"


@dataclass(frozen=True)
class Digest:
    since: datetime
    until: datetime
    articles: list[Article]  # one per story: the story's newest report in the window
    more: int  # stories in the window beyond the cap
    moves: list[Move] = field(default_factory=list)  # the "People moves" section, when the server has it
    also: dict[str, list[Article]] = field(
        default_factory=dict
    )  # shown article id -> its story's other reports
    by_story: bool = False  # entries are stories (a story lookup was given), ``more`` counts stories
    in_window: int = 0  # every article in the window, shown or not

    @property
    def empty(self) -> bool:
        return not self.articles

    @property
    def reports(self) -> list[Article]:
        """Every article the digest's entries stand for: each shown report, then its story's others."""
        return [r for a in self.articles for r in (a, *self.also.get(a.id, []))]


def published(article: Article) -> datetime | None:
    if not article.published_at:
        return None
    try:
        return datetime.fromisoformat(article.published_at)
    except ValueError:
        return None


def compose(
    added: Iterable[tuple[Article, datetime]],
    since: datetime,
    until: datetime,
    limit: int = DEFAULT_MAX_ARTICLES,
    story_of: Callable[[str], str | None] | None = None,
) -> Digest:
    """The articles added in ``(since, until]``, one entry per story (``story_of`` gives an article's story; None
    or unknown: a story of its own), newest news first, at most ``limit`` stories. Each entry shows its story's
    newest report; the story's other reports in the window are in ``also``, newest first."""
    window = [a for a, at in added if since < at <= until]
    window.sort(key=lambda a: (a.published_at or "", a.title), reverse=True)
    entries: dict[str, list[Article]] = {}
    for article in window:  # newest first, so each story's first report is its newest
        story = story_of(article.id) if story_of is not None else None
        entries.setdefault(f"s:{story}" if story is not None else f"a:{article.id}", []).append(article)
    shown = list(entries.values())[:limit]
    return Digest(
        since=since,
        until=until,
        articles=[group[0] for group in shown],
        more=max(0, len(entries) - limit),
        also={group[0].id: group[1:] for group in shown if len(group) > 1},
        by_story=story_of is not None,
        in_window=len(window),
    )


MAX_DIGEST_MOVES = 10


def people_moves(digest: Digest, moves: dict[str, list[Move]], limit: int = MAX_DIGEST_MOVES) -> list[Move]:
    """The "People moves" section: the moves stated in the digest's articles, every report of each story
    (``moves`` by article id), newest first, the same person, kind and organization once, at most ``limit``."""
    seen: set[tuple[str, str, str]] = set()
    found: list[Move] = []
    for article in digest.reports:
        for move in moves.get(article.id, []):
            key = (move.person.casefold(), move.kind.value, (move.organization or "").casefold())
            if key not in seen:
                seen.add(key)
                found.append(move)
    found.sort(key=lambda m: (m.date or "", m.article_date or ""), reverse=True)
    return found[:limit]


def latest_day(articles: Iterable[Article], limit: int = DEFAULT_MAX_ARTICLES) -> Digest:
    """The 24 hours up to the newest dated article, by publication date (what the offline demo shows)."""
    dated = [(a, p.replace(tzinfo=UTC) if p.tzinfo is None else p) for a in articles if (p := published(a))]
    if not dated:
        now = datetime(1970, 1, 2, tzinfo=UTC)
        return Digest(since=now - FIRST_WINDOW, until=now, articles=[], more=0)
    until = max(p for _, p in dated)
    return compose(dated, until - FIRST_WINDOW, until, limit)
