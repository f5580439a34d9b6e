"""Following people and organizations: what a follow targets, which articles match, and delivering alerts.

An alert is due when an article added after the follow was made mentions its target. Every due alert is first
recorded in the store (one row per follow and article, keyed by where the article came from, so a re-ingest or
a new version of the same file never alerts twice), then delivered, then marked sent. Alerts for one article
that go to the same place (a channel, or one member's direct messages) are grouped into one message. A message
carries a nonce derived from the article and the destination, so a delivery repeated after a crash is dropped
by Discord.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import discord

from bot import filters, metrics
from bot.article import Article
from bot.article.names import fold
from bot.article.names import key as name_key
from bot.errors import UserError
from bot.i18n import lang_of, t
from bot.library.catalog import View
from bot.render import embeds, limits
from bot.render.limits import fit, one_line, plain
from bot.timeline import Move
from bot.timeline.current import same_org

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot

log = logging.getLogger("newsdesk.follows")

PERSON, ORGANIZATION, NAME = "person", "organization", "name"  # NAME: not in any article yet
MAX_FOLLOWS = 25  # per member and server: what one /following page and one autocomplete list can show
ALERT_WINDOW = timedelta(days=2)  # an article older than this is news no more: it alerts nobody


@dataclass(frozen=True)
class Target:
    kind: str  # person | organization
    key: str  # what articles are matched on
    name: str  # as shown

    @classmethod
    def of(cls, row: dict[str, Any]) -> Target:
        """The target of a stored follow."""
        return cls(str(row["kind"]), str(row["target_key"]), str(row["target_name"]))

    @property
    def value(self) -> str:
        """How autocomplete hands the target back: kind and name, so a person and a company never mix."""
        return f"{self.kind[0]}:{self.name}"  # p:, o: or n:


def split_value(text: str) -> tuple[str | None, str]:
    """(kind or None, name) from an autocomplete value (``p:Name``) or a name as typed."""
    text = text.strip()
    kinds = {"p:": PERSON, "o:": ORGANIZATION, "n:": NAME}
    if text[:2] in kinds:
        return kinds[text[:2]], text[2:].strip()
    return None, text


def resolve(library: View, text: str, lang: str = "en") -> Target:
    """A person or an organization from what a member typed or picked; an error says what was meant."""
    kind, text = split_value(text)
    if kind in (None, PERSON):
        person = library.person(text)
        if person is not None:
            return Target(PERSON, person.key, person.name)
    if kind in (None, ORGANIZATION):
        org = library.organization(text)
        if org is not None:
            return Target(ORGANIZATION, fold(org), org)
    shown = plain(fit(one_line(text), 80))
    suggestions = [p.name for p in library.suggest_people(text, limit=3)]
    suggestions += library.autocomplete_organizations(text, limit=2)
    if suggestions:
        names = ", ".join(f"**{plain(fit(n, 80))}**" for n in suggestions)
        raise UserError("follow_unknown_dym", shown=shown, names=names)
    if not fold(text):
        raise UserError("follow_unknown", shown=shown)
    # Nobody by that name yet: follow the name itself, matched against people and organizations alike.
    return Target(NAME, fold(text), one_line(text)[:100])


def targets_like(library: View, current: str, limit: int = 25) -> list[tuple[str, str]]:
    """(label, value) for autocomplete: people first, then organizations."""
    people = [
        (p.label(), Target(PERSON, p.key, p.name).value) for p in library.autocomplete_people(current, limit)
    ]
    orgs = [
        (f"{name} · {t('organization', 'en')}", Target(ORGANIZATION, fold(name), name).value)
        for name in library.autocomplete_organizations(current, limit)
    ]
    half = max(limit // 2, limit - len(orgs))
    return (people[:half] + orgs)[:limit]


def mentions(library: View, article: Article, target: Target) -> bool:
    if target.kind == PERSON:
        return any(p.key == target.key for p in library.people_in(article.id))
    if target.kind == ORGANIZATION:
        return target.key in library.organization_keys_in(article.id)
    person = name_key(target.name)
    return any(p.key == person for p in library.people_in(article.id)) or (
        target.key in library.organization_keys_in(article.id)
    )


def passages(library: View, article: Article, target: Target, limit: int = 3) -> list[tuple[str, str]]:
    """(stance, sentence) for the claims of ``article`` by or about the target, at most ``limit``; when no claim
    names them, the points that do, with the stance ``""``."""
    refs = []
    if target.kind in (PERSON, NAME):
        refs = library.claims(article=article.id, person=target.name)
    if target.kind == ORGANIZATION or (target.kind == NAME and not refs):
        refs = library.claims(article=article.id, organization=target.name)
    if refs:
        return [(ref.claim.stance.value, ref.claim.text) for ref in refs[:limit]]
    person = library.person(target.name) if target.kind != ORGANIZATION else None
    names = {fold(n) for n in (person.all_names() if person else [target.name])}
    texts = [article.core_viewpoint, *(p.text for p in article.points())]
    return [("", text) for text in texts if any(n and n in fold(text) for n in names)][:limit]


MOVE = "move"  # the "stance" of a passage that is a move line (it leads the alert)


def moves_of_target(library: View, moves: list[Move], target: Target) -> list[Move]:
    """The moves (of one article) made by the followed person or at the followed organization."""
    names: set[str] = set()
    if target.kind in (PERSON, NAME):
        person = library.person(target.name)
        names = {name_key(n) for n in (person.all_names() if person else [target.name]) if name_key(n)}
    return [
        m
        for m in moves
        if (target.kind in (PERSON, NAME) and name_key(m.person) in names)
        or (target.kind in (ORGANIZATION, NAME) and m.organization and same_org(m.organization, target.name))
    ]


def with_moves(
    said: list[tuple[str, str]], moves: list[Move], lang: str = "en", limit: int = 3
) -> list[tuple[str, str]]:
    """The alert's passages with the target's moves first (``("move", "2025-08 — left Quillmark")``)."""
    lines = [(MOVE, f"{m.person}: {embeds.move_text(m, lang)}") for m in moves[:limit]]
    return lines + said


def nonce(article_key: str, destination: str) -> str:
    """At most 25 characters, the same for the same article and destination."""
    return hashlib.sha256(f"{article_key}|{destination}".encode()).hexdigest()[:25]


@dataclass
class Delivery:
    """One message: one article, one destination, every follow it answers."""

    destination: str  # "channel:<id>" or "dm:<user id>"
    article: Article
    article_key: str
    guild_id: int
    follows: list[dict[str, Any]]
    created_at: str = ""  # the oldest alert in it (UTC ISO)
    sent: set[int] = field(
        default_factory=set
    )  # follows whose message went out (one delivery may be several)

    def keys(self, follows: list[dict[str, Any]] | None = None) -> list[tuple[int, str]]:
        """The alert keys of ``follows`` (default: those not sent yet)."""
        chosen = (
            follows if follows is not None else [f for f in self.follows if int(f["id"]) not in self.sent]
        )
        return [(int(f["id"]), self.article_key) for f in chosen]


class AlertService:
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot

    @property
    def store(self) -> Any:
        return self.bot.store

    async def run_once(self) -> int:
        """Record the alerts that became due, then deliver every alert not yet sent. Returns messages sent."""
        metrics.tick("alerts")
        serving = {g.id for g in self.bot.guilds}
        follows = [f for f in await self.store.all_follows() if int(f["guild_id"]) in serving]
        if not follows:
            return 0
        await self._record_due(follows)
        return await self._deliver({int(f["id"]): f for f in follows})

    async def _record_due(self, follows: list[dict[str, Any]]) -> None:
        oldest = (datetime.now(UTC) - ALERT_WINDOW).isoformat()
        by_guild: dict[int, list[dict[str, Any]]] = {}
        for follow in follows:
            by_guild.setdefault(int(follow["guild_id"]), []).append(follow)
        for guild_id, mine in by_guild.items():
            since = max(oldest, min(str(f["created_at"]) for f in mine))
            await self._record_due_in(guild_id, mine, await self.store.added_since(since, guild_id))

    async def _record_due_in(
        self, guild_id: int, follows: list[dict[str, Any]], added: list[tuple[str, str]]
    ) -> None:
        """One server's follows against the articles that server can see."""
        library = self.bot.library.view(guild_id)
        added = [(aid, at) for aid, at in added if library.article(aid)]
        if not added:
            return
        rules = filters.rules_for(await self.store.filters(guild_id), "alerts")
        added = [(aid, at) for aid, at in added if filters.passes(library.article(aid) or _EMPTY, rules)]
        if not added:
            return
        keys = await self.store.article_keys([aid for aid, _ in added])
        stories = getattr(self.bot, "stories", None)  # a StoryService once the library is loaded
        for follow in follows:
            target = Target.of(follow)
            done = await self.store.alerted(int(follow["id"]))
            told: set[str] | None = None
            for article_id, added_at in added:
                article = library.article(article_id)
                if added_at <= str(follow["created_at"]) or keys[article_id] in done or article is None:
                    continue
                if mentions(library, article, target):
                    if stories is not None:
                        # a later article of a story already alerted about alerts only with something new
                        if told is None:
                            told = await self.store.alerted_articles(int(follow["id"]))
                        earlier, news = stories.news_for(library, guild_id, article, told)
                        if earlier and not news:
                            if await self.store.claim_alert(int(follow["id"]), keys[article_id], article_id):
                                await self.store.finish_alerts(
                                    [(int(follow["id"]), keys[article_id])], "grouped"
                                )
                            continue
                        told.add(article_id)
                    await self.store.claim_alert(int(follow["id"]), keys[article_id], article_id)

    async def _deliver(self, follows: dict[int, dict[str, Any]]) -> int:
        groups: dict[tuple[str, str], Delivery] = {}
        for alert in await self.store.pending_alerts():
            follow = follows.get(int(alert["follow_id"]))
            if follow is None:
                continue  # another process's server
            article = self.bot.library.view(int(follow["guild_id"])).article(str(alert["article_id"]))
            if article is None:
                await self.store.finish_alerts([(int(alert["follow_id"]), alert["article_key"])], "failed")
                continue  # the article was removed before its alert went out
            where = f"channel:{follow['channel_id']}" if follow["channel_id"] else f"dm:{follow['user_id']}"
            group = groups.setdefault(
                (str(alert["article_key"]), where),
                Delivery(where, article, str(alert["article_key"]), int(follow["guild_id"]), []),
            )
            group.follows.append(follow)
            group.created_at = min(group.created_at or str(alert["created_at"]), str(alert["created_at"]))
        sent = 0
        cutoff = (datetime.now(UTC) - ALERT_WINDOW).isoformat()  # older alerts are not retried any more
        for delivery in groups.values():
            delivery.follows.sort(key=lambda f: int(f["id"]))  # the same split (and nonces) on every pass
            try:
                await self._send(delivery)
            except (discord.HTTPException, _Undeliverable, OSError, TimeoutError) as exc:
                retry = _transient(exc) and delivery.created_at >= cutoff
                log.warning(
                    "alert to %s about %s %s: %s",
                    delivery.destination,
                    delivery.article.id,
                    "failed, trying again next pass" if retry else "not delivered",
                    exc,
                )
                metrics.alert("retry" if retry else "failed")
                if not retry:
                    await self.store.finish_alerts(delivery.keys(), "failed")
                continue
            if rest := delivery.keys():
                await self.store.finish_alerts(rest, "sent")
            sent += 1
            metrics.alert("sent")
        return sent

    async def _send(self, delivery: Delivery) -> None:
        """Send the alert in as many messages as Discord's limits need, marking each message's follows sent as
        soon as it is out; an error leaves the rest to the caller."""
        guild = self.bot.get_guild(delivery.guild_id)
        lang = lang_of(None, guild.preferred_locale if guild else None)
        library = self.bot.library.view(delivery.guild_id)
        found: list[tuple[str, list[tuple[str, str]]]] = []
        followers: dict[str, list[int]] = {}
        moves = (await self.store.article_moves([delivery.article.id])).get(delivery.article.id, [])
        for follow in delivery.follows:
            target = Target.of(follow)
            if target.name not in followers:
                said = passages(library, delivery.article, target)
                mine = moves_of_target(library, moves, target)
                found.append((target.name, with_moves(said, mine, lang)))
            followers.setdefault(target.name, []).append(int(follow["user_id"]))
        kind, _, ident = delivery.destination.partition(":")
        target_channel: discord.abc.Messageable
        if kind == "channel":
            from bot.digest.service import DigestService

            channel = guild.get_channel(int(ident)) if guild else None
            problem = DigestService.cannot_post(guild, channel, lang) if guild else t("not_in_server", lang)
            if problem or not isinstance(channel, discord.TextChannel):
                raise _Undeliverable(problem or "not a text channel")
            target_channel = channel
            parts = embeds.alert_messages(delivery.article, found, followers, None, lang)
        else:
            target_channel = await self.bot.create_dm(discord.Object(int(ident)))
            parts = embeds.alert_messages(delivery.article, found, None, guild.name if guild else None, lang)
        news = await self._story_news(delivery, library)
        for part in parts:
            if news:
                embeds.add_field_if_room(part.embed, t("story_news", lang), news)
            covered = [
                f
                for f in delivery.follows
                if Target.of(f).name in part.names and (kind != "channel" or int(f["user_id"]) in part.users)
            ]
            if not covered:
                continue
            ids = ",".join(str(f["id"]) for f in covered)
            roles = (
                sorted({int(f["role_id"]) for f in covered if f.get("role_id")}) if kind == "channel" else []
            )
            content = part.content
            if roles:  # a manager's follow pings its role: exactly that role is allowed, nothing else
                content = fit(" ".join(f"<@&{r}>" for r in roles[:5]) + " " + content, limits.CONTENT)
            await target_channel.send(
                content=content,
                embed=part.embed,
                nonce=nonce(delivery.article_key, f"{delivery.destination}|{ids}"),
                allowed_mentions=discord.AllowedMentions(
                    users=[discord.Object(u) for u in part.users],
                    everyone=False,
                    roles=[discord.Object(r) for r in roles[:5]] or False,
                ),
            )
            await self.store.finish_alerts(delivery.keys(covered), "sent")
            delivery.sent.update(int(f["id"]) for f in covered)

    async def _story_news(self, delivery: Delivery, library: View) -> str:
        """What the article adds to a story its followers were alerted about before (empty when none)."""
        stories = getattr(self.bot, "stories", None)  # a StoryService once the library is loaded
        if stories is None or not delivery.follows:
            return ""
        # only what was sent before: articles of one story recorded in the same pass are all pending, and the
        # first of them to go out is the story's first alert (nothing in it is "new in this story")
        told = await self.store.alerted_articles(int(delivery.follows[0]["id"]), sent_only=True)
        earlier, news = stories.news_for(library, delivery.guild_id, delivery.article, told)
        if not earlier or not news:
            return ""
        from bot.render.stories import news_lines

        guild = self.bot.get_guild(delivery.guild_id)
        return news_lines(news, lang_of(None, guild.preferred_locale if guild else None))


_EMPTY = Article(id="", title="")  # stands in for an article gone from the library (filtered out before)


def _transient(exc: BaseException) -> bool:
    """Worth another try later: Discord's own trouble (5xx, rate limits) or the network's."""
    if isinstance(exc, discord.HTTPException):
        return exc.status >= 500 or exc.status == 429
    return isinstance(exc, OSError | TimeoutError)


class _Undeliverable(Exception):
    """The destination cannot take the alert (channel gone, permissions missing)."""
