"""Running digests: schedules in the store, the exactly-once record, composing and posting.

The pure rules (when a server is due, what goes in) are in :mod:`bot.digest.rules`; this module does the I/O. Every
scheduled run is recorded before anything is posted and completed after, and each message carries a nonce
derived from the server and the local date, so a crash between the two posts nothing twice.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from bot import filters, metrics
from bot.delivery import Mentions, Post, Poster, SendError
from bot.digest import rules
from bot.digest.rules import Digest, Schedule, ScheduleError, Status
from bot.errors import UserError
from bot.i18n import SUPPORTED, t, use_locale
from bot.library.catalog import Catalog
from bot.render import embeds, limits
from bot.render.limits import fit

if TYPE_CHECKING:
    from bot.stories.service import StoryService
    from bot.timeline import Move

log = logging.getLogger("newsdesk.digest")


class DigestStore(Protocol):
    """The store methods the digest service uses."""

    async def get_digest_settings(self, guild_id: int) -> dict[str, Any] | None: ...
    async def all_digest_settings(self) -> list[dict[str, Any]]: ...
    async def put_digest_settings(self, guild_id: int, values: dict[str, Any]) -> None: ...
    async def begin_digest(
        self,
        guild_id: int,
        channel_id: int,
        local_date: str | None,
        nonce: str | None,
        window_end: str,
        owner: str = "",
        lease_seconds: float = 300.0,
    ) -> tuple[int, str]: ...
    async def finish_digest(
        self, run_id: int, status: str, message_ids: list[int], articles: int, error: str | None = None
    ) -> None: ...
    async def digest_runs(self, guild_id: int, limit: int = 10) -> list[dict[str, Any]]: ...
    async def last_scheduled_digest(self, guild_id: int) -> dict[str, Any] | None: ...
    async def last_window_end(self, guild_id: int) -> str | None: ...
    async def unposted_feed_articles(self, guild_id: int) -> set[str]: ...
    async def filter_rules(self, guild_id: int) -> list[filters.StoredRule]: ...
    async def added_since(self, since: str, guild_id: int | None = None) -> list[tuple[str, str]]: ...
    async def article_moves(self, article_ids: Iterable[str]) -> dict[str, list[Move]]: ...


class Clock:
    """UTC now, optionally shifted (``NEWSDESK_CLOCK_OFFSET_SECONDS``) for dry runs and tests."""

    def __init__(self, offset_seconds: float = 0.0) -> None:
        self.offset = timedelta(seconds=offset_seconds)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset


def _to_schedule(row: dict[str, Any]) -> Schedule:
    hh, mm = (int(x) for x in str(row["at"]).split(":"))
    effective = row.get("effective_from")
    return Schedule(
        channel_id=int(row["channel_id"]),
        at=time(hh, mm),
        zone=str(row["zone"]),
        max_articles=int(row["max_articles"]),
        skip_empty=bool(row["skip_empty"]),
        enabled=bool(row["enabled"]),
        paused=bool(row["paused"]),
        failures=int(row["failures"]),
        effective_from=datetime.fromisoformat(effective) if effective else None,
        language=str(row.get("language") or "en"),
        role_id=int(row["role_id"]) if row.get("role_id") else None,
        people_moves=bool(row.get("people_moves") or 0),
    )


def _to_row(s: Schedule) -> dict[str, Any]:
    return {
        "channel_id": s.channel_id,
        "at": s.at.strftime("%H:%M"),
        "zone": s.zone,
        "max_articles": s.max_articles,
        "skip_empty": int(s.skip_empty),
        "enabled": int(s.enabled),
        "paused": int(s.paused),
        "failures": s.failures,
        "effective_from": s.effective_from.isoformat() if s.effective_from else None,
        "language": s.language,
        "role_id": s.role_id,
        "people_moves": int(s.people_moves),
    }


@dataclass
class Outcome:
    status: str  # posted | empty | failed | already
    message_ids: list[int]
    articles: int
    error: str | None = None
    jump_url: str | None = None


class DigestService:
    """``library`` and ``stories`` are asked each time: the bot replaces its catalog on a reload and makes its
    story service at the first load (None before). ``owner`` names this process in the run records."""

    def __init__(
        self,
        store: DigestStore,
        poster: Poster,
        library: Callable[[], Catalog],
        *,
        clock: Callable[[], datetime],
        grace: timedelta = timedelta(hours=6),
        owner: str = "",
        stories: Callable[[], StoryService | None] = lambda: None,
    ) -> None:
        self.store = store
        self.poster = poster
        self.library = library
        self.now = clock
        self.grace = grace
        self.owner = owner
        self.stories = stories

    # ------------------------------------------------------------------ settings

    async def schedule(self, guild_id: int) -> Schedule | None:
        row = await self.store.get_digest_settings(guild_id)
        return _to_schedule(row) if row else None

    async def set(
        self,
        guild_id: int,
        channel_id: int | None,
        at: str | None,
        zone: str | None = None,
        max_articles: int | None = None,
        skip_empty: bool | None = None,
        language: str | None = None,
        *,
        editing: bool = False,
        role_id: int | None = None,
        people_moves: bool | None = None,
    ) -> tuple[Schedule, datetime | None]:
        """Save a schedule. An option left out (None) keeps what is set, or its default on a first schedule.
        ``language`` is the digest's (replies are in the current locale, the setter's). ``editing`` (/digest
        edit) needs a schedule already and leaves a digest that was turned off, off. ``role_id``: the role the
        digest mentions (None keeps what is set, 0 removes it)."""
        current = await self.schedule(guild_id)
        if current is None and (editing or channel_id is None or at is None):
            raise UserError("digest_edit_none")
        try:
            when = rules.parse_time(at) if at is not None else current.at if current else None
            tz = (
                rules.parse_zone(zone)
                if zone is not None
                else current.tz
                if current
                else rules.parse_zone("UTC")
            )
        except ScheduleError as exc:
            raise UserError(exc.key, **exc.values) from exc
        assert when is not None
        if channel_id is None:
            assert current is not None
            channel_id = current.channel_id
        problem = self.poster.cannot_post(guild_id, channel_id)
        if problem:
            raise UserError("refusal", text=problem)
        kept = current or Schedule(channel_id=channel_id, at=when)
        if language is not None and language not in SUPPORTED:
            language = "en"
        schedule = Schedule(
            channel_id=channel_id,
            at=when,
            zone=str(tz.key),
            max_articles=max(1, min(25, max_articles if max_articles is not None else kept.max_articles)),
            skip_empty=skip_empty if skip_empty is not None else kept.skip_empty,
            enabled=kept.enabled if editing and current is not None else True,
            effective_from=self.now(),
            language=language or kept.language,
            role_id=kept.role_id if role_id is None else (role_id or None),
            people_moves=people_moves if people_moves is not None else kept.people_moves,
        )
        await self.store.put_digest_settings(guild_id, _to_row(schedule))
        return schedule, rules.next_run(schedule, await self._last_date(guild_id), self.now())

    async def off(self, guild_id: int) -> bool:
        current = await self.schedule(guild_id)
        if current is None or not current.enabled:
            return False
        await self.store.put_digest_settings(guild_id, _to_row(replace(current, enabled=False)))
        return True

    async def status(self, guild_id: int) -> Status:
        schedule = await self.schedule(guild_id)
        runs = await self.store.digest_runs(guild_id, limit=20)
        posted = next((r for r in runs if r["status"] == "posted"), None)
        failures = [r for r in runs if r["status"] == "failed"][:3]
        upcoming = rules.next_run(schedule, await self._last_date(guild_id), self.now()) if schedule else None
        return Status(schedule, upcoming, posted, failures)

    async def _last_date(self, guild_id: int) -> date | None:
        row = await self.store.last_scheduled_digest(guild_id)
        return date.fromisoformat(row["local_date"]) if row and row["local_date"] else None

    # ------------------------------------------------------------------ content

    async def compose(self, guild_id: int, until: datetime, limit: int, moves: bool = False) -> Digest:
        """Articles added since this server's previous digest (the first time: the last 24 hours); with
        ``moves``, the leadership moves they state as a "People moves" section."""
        previous = await self.store.last_window_end(guild_id)
        since = datetime.fromisoformat(previous) if previous else until - rules.FIRST_WINDOW
        added = []
        library = self.library().view(guild_id)
        unposted = await self.store.unposted_feed_articles(guild_id)  # from feeds set to post: none
        posted_in = (await self.store.get_digest_settings(guild_id) or {}).get("channel_id")
        chosen = filters.rules_for(await self.store.filter_rules(guild_id), "digest", channel_id=posted_in)
        for article_id, added_at in await self.store.added_since(since.isoformat(), guild_id):
            if article_id in unposted:
                continue
            article = library.article(article_id)
            if article is not None and filters.passes(article, chosen):
                added.append((article, datetime.fromisoformat(added_at)))
        digest = rules.compose(added, since, until, limit, self._story_of(guild_id))
        if moves and digest.articles:
            found = await self.store.article_moves([a.id for a in digest.reports])
            digest = replace(digest, moves=rules.people_moves(digest, found))
        return digest

    def _story_of(self, guild_id: int) -> Callable[[str], str | None] | None:
        """An article's story as this server sees it (its own uploads' stories, then the global ones); None
        while the bot has no stories yet."""
        stories = self.stories()  # a StoryService once the library is loaded
        if stories is None:
            return None

        def story_of(article_id: str) -> str | None:
            found = stories.story_of(guild_id, article_id)
            return f"{found[0]}:{found[1]}" if found else None

        return story_of

    async def preview(self, guild_id: int) -> Digest:
        schedule = await self.schedule(guild_id)
        limit = schedule.max_articles if schedule else rules.DEFAULT_MAX_ARTICLES
        moves = schedule.people_moves if schedule else False
        return await self.compose(guild_id, self.now(), limit, moves)

    # ------------------------------------------------------------------ running

    async def tick(self) -> None:
        """One pass of the scheduler over every server this process serves."""
        metrics.tick("digests")
        now = self.now()
        serving = self.poster.servers()
        for row in await self.store.all_digest_settings():
            guild_id = int(row["guild_id"])
            if guild_id not in serving:
                continue  # another shard's server, or one we left
            schedule = _to_schedule(row)
            local_date = rules.due(schedule, await self._last_date(guild_id), now, self.grace)
            if local_date is None:
                continue
            try:
                await self.run(guild_id, schedule, local_date)
            except Exception:  # one server's trouble never stops the others
                log.exception("digest for guild %s (%s) failed", guild_id, local_date)

    async def run(self, guild_id: int, schedule: Schedule, local_date: date | None) -> Outcome:
        """Post one digest. ``local_date`` set: the scheduled one for that date (exactly once); None: now."""
        outcome = await self._run(guild_id, schedule, local_date)
        metrics.digest(outcome.status)
        return outcome

    async def _run(self, guild_id: int, schedule: Schedule, local_date: date | None) -> Outcome:
        until = self.now()
        run_nonce = rules.nonce(guild_id, local_date) if local_date else None
        run_id, state = await self.store.begin_digest(
            guild_id,
            schedule.channel_id,
            local_date.isoformat() if local_date else None,
            run_nonce,
            until.isoformat(),
            owner=self.owner,
        )
        if state in ("posted", "empty", "failed"):
            return Outcome("already", [], 0)
        if state == "busy":  # another process sharing the database is posting this very digest
            log.info("digest for guild %s (%s) is being posted by another process", guild_id, local_date)
            return Outcome("already", [], 0)
        if state == "pending":
            # A crash interrupted this run after it was recorded: post it again with the same nonces and the
            # same window, and Discord drops whatever part already arrived.
            row = next(r for r in await self.store.digest_runs(guild_id, 50) if r["id"] == run_id)
            until = datetime.fromisoformat(row["window_end"])
            log.info("resuming interrupted digest for guild %s (%s)", guild_id, local_date)
        digest = await self.compose(guild_id, until, schedule.max_articles, schedule.people_moves)
        if digest.empty and schedule.skip_empty and local_date is not None:
            await self.store.finish_digest(run_id, "empty", [], 0)
            await self._record_success(guild_id, schedule)
            return Outcome("empty", [], 0)
        with use_locale(schedule.language):
            problem = self.poster.cannot_post(guild_id, schedule.channel_id)
            if problem is None:
                try:
                    day = local_date or until.astimezone(schedule.tz).date()
                    ids, url = await self._post(
                        schedule.channel_id, digest, day, guild_id, local_date is not None
                    )
                except SendError as exc:
                    problem = t("discord_refused", status=exc.status, text=exc.text or exc.name)
                else:
                    await self.store.finish_digest(run_id, "posted", ids, len(digest.articles))
                    await self._record_success(guild_id, schedule)
                    return Outcome("posted", ids, len(digest.articles), jump_url=url)
        assert problem is not None
        await self.store.finish_digest(run_id, "failed", [], 0, problem)
        if local_date is not None:
            await self._record_failure(guild_id, schedule, problem)
        return Outcome("failed", [], 0, problem)

    async def _post(
        self,
        channel_id: int,
        digest: Digest,
        local_date: date,
        guild_id: int,
        scheduled: bool,
    ) -> tuple[list[int], str | None]:
        messages = embeds.digest_messages(digest, local_date)
        ids: list[int] = []
        first_url: str | None = None
        schedule = await self.schedule(guild_id)
        role_id = schedule.role_id if schedule else None
        for part, (content, page) in enumerate(messages):
            # A scheduled part's nonce is derived from server and date; otherwise discord.py picks a random one.
            part_nonce = rules.nonce(guild_id, local_date, part) if scheduled else secrets.randbits(63)
            mentions = Mentions()
            # the first part pings the role (only that role may ping); a quiet day's notice pings nobody
            if role_id and part == 0 and not digest.empty:
                mentions = Mentions(roles=(role_id,))
                content = fit(f"<@&{role_id}> {content}", limits.CONTENT)
            sent = await self.poster.send(
                channel_id, Post(content=content, embeds=page, nonce=part_nonce, mentions=mentions)
            )
            ids.append(sent.id)
            first_url = first_url or sent.jump_url or None
        return ids, first_url

    async def _record_success(self, guild_id: int, schedule: Schedule) -> None:
        if schedule.failures:
            current = await self.schedule(guild_id) or schedule
            await self.store.put_digest_settings(guild_id, _to_row(replace(current, failures=0)))

    async def _record_failure(self, guild_id: int, schedule: Schedule, problem: str) -> None:
        current = await self.schedule(guild_id) or schedule
        failures = current.failures + 1
        paused = failures >= rules.FAILURES_TO_PAUSE
        await self.store.put_digest_settings(
            guild_id, _to_row(replace(current, failures=failures, paused=paused))
        )
        log.warning(
            "digest for guild %s failed (%d in a row%s): %s",
            guild_id,
            failures,
            ", paused" if paused else "",
            problem,
        )
