"""Model -> Discord embeds. Every function returns pages; a page is the embeds of one message and always
fits Discord's limits (see limits.py). Article and user text is made inert with ``plain``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import discord

from bot.article import Article, Stance
from bot.digest import Digest, Schedule, Status
from bot.library import ClaimRef, Library, PersonEntry
from bot.usage import UsageSummary

from . import limits
from .limits import fit, one_line, plain

Page = list[discord.Embed]

COLOUR = discord.Colour.blurple()
STANCE_MARK = {
    Stance.ASSERTED: "🟢 asserted",
    Stance.REPORTED: "🟡 reported",
    Stance.DENIED: "🔴 denied",
    Stance.ACKNOWLEDGED: "🔵 acknowledged",
}
PAGE_BUDGET = 5500  # characters per page, under the 6,000 total with room for the footer


def cites(numbers: list[int]) -> str:
    return "".join(f"[{n}]" for n in numbers[:20])


def byline(article: Article) -> str:
    parts = [p for p in (article.source, (article.published_at or "").replace("T", " ")[:16]) if p]
    return " · ".join(parts) or "source and date unknown"


@dataclass
class Pager:
    """Accumulates fields into pages that each fit one message."""

    title: str
    description: str = ""
    footer: str = ""
    pages: list[discord.Embed] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._new_page(first=True)

    def _new_page(self, first: bool = False) -> None:
        title = fit(self.title, limits.EMBED_TITLE)
        embed = discord.Embed(title=title, colour=COLOUR)
        if first and self.description:
            embed.description = fit(self.description, limits.EMBED_DESCRIPTION)
        self.pages.append(embed)

    @property
    def _current(self) -> discord.Embed:
        return self.pages[-1]

    def add(self, name: str, value: str) -> None:
        """Add a field; a value over 1,024 characters continues in further fields, pages break as needed."""
        name = fit(one_line(name) or "\u200b", limits.FIELD_NAME)
        chunks = _chunks(value.strip() or "—", limits.FIELD_VALUE)
        for i, chunk in enumerate(chunks):
            label = name if i == 0 else fit(f"{name} (cont.)", limits.FIELD_NAME)
            size = limits.embed_size(self._current.to_dict()) + len(label) + len(chunk)
            if len(self._current.fields) >= limits.EMBED_FIELDS or size > PAGE_BUDGET:
                self._new_page()
            self._current.add_field(name=label, value=chunk, inline=False)

    def line(self, text: str) -> None:
        """Add a line to the description of the current page (used for lists)."""
        desc = self._current.description or ""
        addition = (("\n" if desc else "") + text)[: limits.EMBED_DESCRIPTION]
        size = limits.embed_size(self._current.to_dict()) + len(addition)
        if len(desc) + len(addition) > limits.EMBED_DESCRIPTION or size > PAGE_BUDGET:
            self._new_page()
            desc, addition = "", text[: limits.EMBED_DESCRIPTION]
        self._current.description = desc + addition

    def finish(self) -> list[Page]:
        total = len(self.pages)
        for i, embed in enumerate(self.pages, 1):
            footer = self.footer
            if total > 1:
                footer = f"{footer} · page {i}/{total}" if footer else f"page {i}/{total}"
            if footer:
                embed.set_footer(text=fit(footer, limits.FOOTER))
        return [[e] for e in self.pages]


def _chunks(text: str, size: int) -> list[str]:
    """Split at line ends (or spaces) so each chunk fits ``size``."""
    out: list[str] = []
    rest = text
    while len(rest) > size:
        cut = rest.rfind("\n", 0, size)
        if cut < size // 2:
            cut = rest.rfind(" ", 0, size)
        if cut < size // 2:
            cut = size
        out.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    out.append(rest)
    return [c for c in out if c] or ["—"]


# ---------------------------------------------------------------------------------------------------------


def summary_pages(article: Article, length: str = "short") -> list[Page]:
    description = f"*{plain(byline(article))}*"
    if article.core_viewpoint:
        description += "\n\n" + plain(article.core_viewpoint)
    full = length == "full"
    footer = "" if full else "Run /summary with length: full for every point"
    pager = Pager(title=plain(one_line(article.title)), description=description, footer=footer)
    sections = article.sections if full else article.sections[:3]
    for number, section in enumerate(sections, 1):
        heading = section.heading or (f"Part {number}" if len(article.sections) > 1 else "Points")
        points = section.points if full else section.points[:2]
        lines = [
            f"• {plain(one_line(p.text))}" + (f" {cites(p.citations)}" if p.citations else "") for p in points
        ]
        if not full and len(section.points) > len(points):
            lines.append(f"… {len(section.points) - len(points)} more")
        pager.add(plain(heading), "\n".join(lines) or "—")
    if not full and len(article.sections) > len(sections):
        pager.add("More", f"{len(article.sections) - len(sections)} more section(s)")
    return pager.finish()


def article_list_pages(articles: list[Article], heading: str, per_page: int = 10) -> list[Page]:
    pager = Pager(title=heading, footer=f"{len(articles)} article(s) · /summary for one of them")
    for i, article in enumerate(articles, 1):
        date = (article.published_at or "")[:10] or "undated"
        pager.line(
            f"**{i}.** {plain(fit(one_line(article.title), 200))}\n   {plain(article.source or '—')} · {date}"
        )
        if i % per_page == 0 and i < len(articles):
            pager._new_page()
    return pager.finish()


def person_pages(person: PersonEntry, library: Library, limit: int = 6) -> list[Page]:
    lines = []
    if person.role or person.organization:
        lines.append(plain(" at ".join(x for x in (person.role, person.organization) if x)))
    if person.aliases:
        lines.append("Also written: " + plain(", ".join(sorted(person.aliases))))
    pager = Pager(
        title=plain(person.name),
        description="\n".join(lines),
        footer=f"Mentioned in {person.mentions} article(s) · /claims person:{fit(person.name, 60)} for every claim",
    )
    articles = [a for a in (library.article(i) for i in person.article_ids) if a is not None]
    pager.add(
        "Articles (newest first)",
        "\n".join(
            f"• {plain(fit(one_line(a.title), 150))} ({(a.published_at or '')[:10] or 'undated'})"
            for a in articles[:limit]
        )
        + (f"\n… and {len(articles) - limit} more" if len(articles) > limit else ""),
    )
    said = library.claims_by(person)
    if said:
        pager.add(
            "Claims they made", _claim_lines(said[:limit], library, speaker=False, more=len(said) - limit)
        )
    about = library.claims_about(person)
    if about:
        pager.add(
            "Claims about them", _claim_lines(about[:limit], library, speaker=True, more=len(about) - limit)
        )
    return pager.finish()


def _claim_lines(refs: list[ClaimRef], library: Library, speaker: bool, more: int = 0) -> str:
    lines = []
    for ref in refs:
        c = ref.claim
        who = f" — {plain(c.speaker)}" if speaker and c.speaker else ""
        lines.append(f"{STANCE_MARK[c.stance]}{who}: {plain(fit(c.text, 300))} {cites(c.citations)}".rstrip())
    if more > 0:
        lines.append(f"… and {more} more")
    return "\n".join(lines)


def people_pages(people: list[PersonEntry], heading: str, per_page: int = 15) -> list[Page]:
    pager = Pager(title=heading, footer="/person name:<name> for a person's card")
    for i, p in enumerate(people, 1):
        role = " at ".join(x for x in (p.role, p.organization) if x)
        pager.line(
            f"**{plain(p.name)}**" + (f" — {plain(role)}" if role else "") + f" · {p.mentions} article(s)"
        )
        if i % per_page == 0 and i < len(people):
            pager._new_page()
    return pager.finish()


def claims_pages(refs: list[ClaimRef], library: Library, heading: str, per_page: int = 6) -> list[Page]:
    pager = Pager(title=heading, footer=f"{len(refs)} claim(s)")
    for i, ref in enumerate(refs, 1):
        c = ref.claim
        article = library.article(ref.article_id)
        source = fit(one_line(article.title), 80) if article else ref.article_id
        name = f"{STANCE_MARK[c.stance]} · {plain(c.speaker) if c.speaker else 'no named speaker'}"
        pager.add(name, f"{plain(c.text)} {cites(c.citations)}\n*{plain(source)}*")
        if i % per_page == 0 and i < len(refs):
            pager._new_page()
    return pager.finish()


def about_pages(stats: dict[str, int], version: str, stances: Iterable[tuple[str, int]]) -> list[Page]:
    pager = Pager(
        title="Newsdesk",
        description=(
            "I turn article summaries into answers: what an article says, who the people in it are, and which "
            "claims were made, denied, acknowledged or only reported."
        ),
        footer=f"Newsdesk {version}",
    )
    pager.add(
        "What I know",
        f"{stats['articles']} articles · {stats['people']} people · {stats['organizations']} organizations · "
        f"{stats['claims']} claims\n" + ", ".join(f"{n} {s}" for s, n in stances),
    )
    pager.add(
        "Commands",
        "/summary · /articles list · /articles search · /person · /people · /claims · /about\n"
        "Server managers: /digest set · status · preview · now · off",
    )
    return pager.finish()


def digest_messages(
    digest: Digest, local_date: date, people_of: dict[str, list[str]] | None = None
) -> list[tuple[str, Page]]:
    """The digest as messages (content, embeds): one embed per article, as many messages as the limits need."""
    day = local_date.strftime("%A %d %B %Y")
    if digest.empty:
        return [(f"📰 **Daily digest** · {day}: nothing new since the last digest.", [])]
    pages: list[tuple[str, Page]] = []
    current: Page = []
    size = 0
    for article in digest.articles:
        embed = _digest_embed(article, (people_of or {}).get(article.id))
        esize = limits.embed_size(embed.to_dict())
        if current and (len(current) >= limits.EMBEDS_PER_MESSAGE or size + esize > PAGE_BUDGET):
            pages.append(("", current))
            current, size = [], 0
        current.append(embed)
        size += esize
    pages.append(("", current))
    count = len(digest.articles) + digest.more
    header = f"📰 **Daily digest** · {day} · {count} new article{'s' if count != 1 else ''}"
    pages[0] = (header, pages[0][1])
    if digest.more:
        last_content, last_page = pages[-1]
        more = f"+{digest.more} more — `/articles list` shows them all"
        pages[-1] = ((last_content + "\n" + more).strip(), last_page)
    return pages


def _digest_embed(article: Article, people: list[str] | None) -> discord.Embed:
    lead = one_line(article.core_viewpoint) or (
        one_line(article.points()[0].text) if article.points() else ""
    )
    embed = discord.Embed(title=fit(plain(one_line(article.title)), limits.EMBED_TITLE), colour=COLOUR)
    lines = [f"*{plain(byline(article))}*", plain(fit(lead, 300))]
    names = people if people is not None else [p.name for p in article.people]
    if names:
        lines.append("**People:** " + plain(fit(", ".join(names[:8]), 300)))
    lines.append(f"More: `/summary article:{fit(one_line(article.title), 60)}`")
    embed.description = fit("\n".join(lines), limits.EMBED_DESCRIPTION)
    return embed


def _when(at: datetime | None, zone: str) -> str:
    if at is None:
        return "not scheduled"
    local = at.astimezone(ZoneInfo(zone))
    return f"{local:%a %d %b %Y %H:%M} {zone} ({at.astimezone(UTC):%H:%M} UTC) · <t:{int(at.timestamp())}:R>"


def digest_schedule_embed(schedule: Schedule, upcoming: datetime | None, heading: str) -> list[discord.Embed]:
    embed = discord.Embed(title=heading, colour=COLOUR)
    embed.add_field(name="Channel", value=f"<#{schedule.channel_id}>", inline=True)
    embed.add_field(name="Time", value=f"{schedule.at:%H:%M} {schedule.zone}", inline=True)
    embed.add_field(name="Articles", value=f"up to {schedule.max_articles}", inline=True)
    embed.add_field(
        name="Quiet days",
        value="post nothing" if schedule.skip_empty else "post a one-line notice",
        inline=True,
    )
    embed.add_field(name="Next run", value=_when(upcoming, schedule.zone), inline=False)
    return [embed]


def digest_status_embed(info: Status, guild_id: int) -> list[discord.Embed]:
    schedule = info.schedule
    assert schedule is not None
    if not schedule.enabled:
        state = "off"
    elif schedule.paused:
        state = f"paused after {schedule.failures} failed posts in a row: fix the channel, then run /digest set again"
    else:
        state = "on"
    embed = digest_schedule_embed(schedule, info.next_run, f"Digest: {state}")[0]
    last = info.last_posted
    if last:
        ids = last.get("message_ids") or []
        link = f"https://discord.com/channels/{guild_id}/{last['channel_id']}/{ids[0]}" if ids else ""
        when = str(last.get("finished_at") or last["started_at"])[:16].replace("T", " ")
        embed.add_field(
            name="Last post",
            value=fit(f"{when} UTC · {last['articles']} article(s) {link}", limits.FIELD_VALUE),
            inline=False,
        )
    else:
        embed.add_field(name="Last post", value="none yet", inline=False)
    if info.failures:
        lines = [
            f"{str(f['started_at'])[:16].replace('T', ' ')} UTC: {plain(str(f['error']))}"
            for f in info.failures
        ]
        embed.add_field(name="Recent failures", value=fit("\n".join(lines), limits.FIELD_VALUE), inline=False)
    return [embed]


def stats_embed(summary: UsageSummary, scope: str, names: dict[str, str] | None = None) -> discord.Embed:
    """The /stats card; ``names`` maps article ids to titles."""
    embed = discord.Embed(
        title=fit(f"Usage · {scope} · last {summary.days} day(s)", limits.EMBED_TITLE), colour=COLOUR
    )
    o = summary.by_outcome
    embed.description = (
        f"**{summary.total}** command(s): {o.get('ok', 0)} answered, {o.get('user_error', 0)} not found, "
        f"{o.get('denied', 0)} denied, {o.get('error', 0)} errors ({summary.error_rate:.1%} error rate)"
    )

    def listing(pairs: list[tuple[str, int]], fmt: dict[str, str] | None = None) -> str:
        rows = [f"{n} × {plain(fit((fmt or {}).get(k, k), 80))}" for k, n in pairs]
        return fit("\n".join(rows), limits.FIELD_VALUE) or "—"

    embed.add_field(
        name="Top commands", value=listing([(f"/{k}", n) for k, n in summary.top_commands]), inline=True
    )
    embed.add_field(name="People looked up", value=listing(summary.top_people), inline=True)
    embed.add_field(name="Articles summarized", value=listing(summary.top_articles, names), inline=False)
    latency = "—" if summary.p50_ms is None else f"p50 {summary.p50_ms:.0f} ms · p95 {summary.p95_ms:.0f} ms"
    embed.add_field(name="Time to answer", value=latency, inline=True)
    if summary.autocomplete:
        auto = ", ".join(f"/{k} {n}" for k, n in list(summary.autocomplete.items())[:5])
        embed.add_field(name="Autocomplete requests", value=fit(auto, limits.FIELD_VALUE), inline=True)
    if summary.dropped:
        embed.add_field(
            name="Not recorded",
            value=f"{summary.dropped} event(s) dropped while the database was away",
            inline=False,
        )
    embed.set_image(url="attachment://usage.png")
    return embed


PRIVACY_TEXT = (
    "**What Newsdesk stores about you**\n"
    "For every slash command you run: the time, the server and channel, your user id, the command and the "
    "options you typed (each cut to 100 characters), how long the answer took, and whether it worked. "
    "Autocomplete is only counted per command per minute, without your id.\n\n"
    "**Why**: server managers see what their members look up (`/stats`), and we see errors and speed.\n\n"
    "**How long**: {days} days, then the records are deleted automatically.\n\n"
    "**Your control**: `/stats scope: me` shows your own use; `/privacy forget-me` deletes every record of your "
    "use now. Articles, people and claims come from the news, not from you."
)


def privacy_embed(retention_days: int) -> discord.Embed:
    return discord.Embed(title="Privacy", description=PRIVACY_TEXT.format(days=retention_days), colour=COLOUR)
