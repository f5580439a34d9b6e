"""Model -> Discord embeds. Every function returns pages; a page is the embeds of one message and always
fits Discord's limits (see limits.py). Article and user text is made inert with ``plain``; every label comes
from :mod:`bot.i18n` in the reader's language (the current locale)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

import discord

from bot.article import Article, Stance
from bot.article.names import fold
from bot.digest.rules import Digest, Schedule, Status
from bot.i18n import EXAMPLES, describe, example, get_locale, permissions, t
from bot.library.catalog import View
from bot.library.core import ClaimRef, PersonEntry
from bot.timeline import Move, MoveKind, Standing, shown_role
from bot.usage import UsageSummary

from . import limits
from .limits import clip, fit, in_code, one_line, plain

Page = list[discord.Embed]

COLOUR = discord.Colour.blurple()
STANCE_DOT = {Stance.ASSERTED: "🟢", Stance.REPORTED: "🟡", Stance.DENIED: "🔴", Stance.ACKNOWLEDGED: "🔵"}
PAGE_BUDGET = 5500  # characters per page, under the 6,000 total with room for the footer


def stance_mark(stance: Stance) -> str:
    return f"{STANCE_DOT[stance]} {t('stance_' + stance.value)}"


def cites(numbers: list[int]) -> str:
    return "".join(f"[{n}]" for n in numbers[:20])


def byline(article: Article) -> str:
    parts = [p for p in (article.source, (article.published_at or "").replace("T", " ")[:16]) if p]
    return " · ".join(parts) or t("unknown_source")


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def role_text(person: PersonEntry) -> str:
    """``Fed chair``, ``Nvidia founder and CEO``, ``美联储主席`` (Chinese writes no space between Chinese
    words, but keeps one beside a Latin word: ``Nvidia 首席执行官``); a role alone starts with a capital
    (``President``)."""
    if person.role and person.organization:
        org, role = person.organization, person.role
        text = t("role_at", role=role, org=org)
        if _latin(org[-1]) or _latin(role[0]):
            text = text.replace(org + role, f"{org} {role}", 1)
        return text
    if person.role:
        return person.role[:1].upper() + person.role[1:]
    return person.organization or ""


def source_and_date(article: Article) -> str:
    """``Reuters · 2025-10-29``, or whichever of the two is known, or that neither is."""
    parts = [p for p in (one_line(article.source or ""), (article.published_at or "")[:10]) if p]
    return " · ".join(parts) or t("unknown_source")


@dataclass
class Pager:
    """Accumulates fields into pages that each fit one message."""

    title: str
    description: str = ""
    footer: str = ""
    pages: list[discord.Embed] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.new_page(first=True)

    def new_page(self, first: bool = False) -> None:
        embed = discord.Embed(title=fit(self.title, limits.EMBED_TITLE), colour=COLOUR)
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
            label = name if i == 0 else fit(t("cont", name=name), limits.FIELD_NAME)
            size = limits.embed_size(self._current.to_dict()) + len(label) + len(chunk)
            if len(self._current.fields) >= limits.EMBED_FIELDS or size > PAGE_BUDGET:
                self.new_page()
            self._current.add_field(name=label, value=chunk, inline=False)

    def line(self, text: str) -> None:
        """Add a line to the description of the current page (used for lists)."""
        desc = self._current.description or ""
        addition = (("\n" if desc else "") + text)[: limits.EMBED_DESCRIPTION]
        size = limits.embed_size(self._current.to_dict()) + len(addition)
        if len(desc) + len(addition) > limits.EMBED_DESCRIPTION or size > PAGE_BUDGET:
            self.new_page()
            desc, addition = "", text[: limits.EMBED_DESCRIPTION]
        self._current.description = desc + addition

    def finish(self) -> list[Page]:
        total = len(self.pages)
        for i, embed in enumerate(self.pages, 1):
            footer = self.footer
            if total > 1:
                page = t("page", i=i, n=total)
                footer = f"{footer} · {page}" if footer else page
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


SHORT_POINT = 300  # characters of one point in a short summary


def summary_pages(article: Article, length: str = "short") -> list[Page]:
    """``full``: every point, paged. ``short``: every section's heading with its first point(s) (two while
    there are at most four sections, else one), and the hint to ask for the rest only when something was left
    out."""
    description = f"*{plain(byline(article))}*"
    if article.core_viewpoint:
        description += "\n\n" + plain(article.core_viewpoint)
    full = length == "full"
    per_section = 2 if len(article.sections) <= 4 else 1
    left_out = not full and any(len(s.points) > per_section for s in article.sections)
    footer = t("summary_full_hint") if left_out else ""
    pager = Pager(title=plain(one_line(article.title)), description=description, footer=footer)
    for number, section in enumerate(article.sections, 1):
        heading = section.heading or (t("part", n=number) if len(article.sections) > 1 else t("points"))
        points = section.points if full else section.points[:per_section]
        lines = [
            f"• {plain(one_line(p.text) if full else fit(one_line(p.text), SHORT_POINT))}"
            + (f" {cites(p.citations)}" if p.citations else "")
            for p in points
        ]
        if not full and len(section.points) > len(points):
            lines.append(t("n_more", n=len(section.points) - len(points)))
        pager.add(plain(heading), "\n".join(lines) or "—")
    pages = pager.finish()
    if article.url:
        pages[0][0].url = article.url  # the title links to the original
    return pages


_SNIPPET_MARK = re.compile("\x02([^\x02\x03]*)\x03")
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def snippet_line(snippet: str, limit: int = 180) -> str:
    """A search snippet made inert: the article's text escaped, the words that matched (between the store's
    \\x02 and \\x03 marks) in bold, one line of at most ``limit`` characters of text."""
    text = one_line(snippet)
    out: list[str] = []
    used = 0
    pos = 0
    for m in [*_SNIPPET_MARK.finditer(text), None]:
        before = _CONTROL.sub("", text[pos : m.start() if m else len(text)])
        piece = fit(before, max(0, limit - used)) if used + len(before) > limit else before
        out.append(plain(piece))
        used += len(piece)
        if m is None or used >= limit:
            break
        word = _CONTROL.sub("", m.group(1))
        if word.strip():
            out.append(f"**{plain(word)}**")
            used += len(word)
        pos = m.end()
    return "".join(out).strip()


LIST_MAX = 250  # articles a list shows at most (25 pages); the footer still counts them all


def article_list_pages(
    articles: Sequence[Article],
    heading: str,
    per_page: int = 10,
    snippets: dict[str, str] | None = None,
) -> list[Page]:
    """A numbered list of articles, each with its source and date (and, for search results, the passage
    that matched)."""
    pager = Pager(title=heading, footer=t("list_footer", n=len(articles)))
    listed = articles[:LIST_MAX]  # the newest; a body is read only for what is listed
    for i, article in enumerate(listed, 1):
        shown = snippet_line((snippets or {}).get(article.id, ""))
        pager.line(
            f"**{i}.** {clip(article.title, 200)}\n   {plain(source_and_date(article))}"
            + (f"\n   > {shown}" if shown else "")
        )
        if i % per_page == 0 and i < len(listed):
            pager.new_page()
    if len(articles) > len(listed):
        pager.line(t("and_more", n=len(articles) - len(listed)))
    return pager.finish()


def person_pages(
    person: PersonEntry,
    library: View,
    limit: int = 6,
    standing: Standing | None = None,
) -> list[Page]:
    """The card: role, where the person is now and their last moves (``standing``, from the timeline), other
    spellings, articles and claims. A role at an organization the moves say they left is not shown."""
    lines = []
    if standing is not None:
        org, role = shown_role(person.organization, person.role, standing)
        person = replace(person, organization=org, role=role)
    if person.role or person.organization:
        lines.append(plain(role_text(person)))
    if standing is not None and now_text(standing):
        lines.append(plain(now_text(standing)))
    if person.aliases:
        lines.append(t("also_written", names=plain(", ".join(sorted(person.aliases)))))
    pager = Pager(
        title=plain(person.name),
        description="\n".join(lines),
        footer=t("person_footer", n=person.mentions, name=fit(person.name, 60)),
    )
    if standing is not None and standing.moves:
        latest = list(reversed(standing.moves[-3:]))
        pager.add(t("moves_latest"), "\n".join(f"• {plain(move_text(m))}" for m in latest))
    articles = [a for a in (library.article(i) for i in person.article_ids) if a is not None]
    listed = "\n".join(
        f"• {clip(a.title, 150)} ({(a.published_at or '')[:10] or t('undated')})" for a in articles[:limit]
    )
    if len(articles) > limit:
        listed += "\n" + t("and_more", n=len(articles) - limit)
    pager.add(t("articles_newest"), listed)
    said = library.claims_by(person)
    if said:
        pager.add(
            t("claims_made"),
            _claim_lines(said[:limit], speaker=False, more=len(said) - limit),
        )
    about = library.claims_about(person)
    if about:
        pager.add(
            t("claims_about"),
            _claim_lines(about[:limit], speaker=True, more=len(about) - limit),
        )
    return pager.finish()


def now_text(standing: Standing) -> str:
    """``Now: CEO at Intel (since 2025-03)``, or ``Left Intel (2024-12)`` when no position is held."""
    now = standing.now
    if now is not None and now.organization:
        text = (
            t("now_at", role=now.role, org=now.organization)
            if now.role
            else t("now_in", org=now.organization)
        )
        return text + (t("now_since", date=now.since) if now.since else "")
    ended = next((m for m in reversed(standing.moves) if m.kind in (MoveKind.LEFT, MoveKind.FIRED)), None)
    if now is None and standing.former and ended is not None:
        org = ended.organization or standing.former[0].organization
        return t("now_left", org=org or "?", date=ended.date or t("undated"))
    return ""


def move_text(move: Move) -> str:
    """``2025-08 — left Quillmark as CEO``; a date that is only the article's is marked as such."""
    kind = move.kind.value
    what = t(f"move_{kind}", org=move.organization) if move.organization else t(f"move_{kind}_bare")
    if move.role:
        what += t("move_as", role=move.role)
    when = move.date or t("undated")
    if move.date and move.date_from == "article":
        when += t("move_article_date")
    flag = t("move_announced") if move.announced else ""
    return fit(f"{when} — {what}{flag}", 200)


def organization_pages(name: str, library: View, limit: int = 6, moves: Sequence[Move] = ()) -> list[Page]:
    """An organization's card: the people the articles place in it, its leadership ``moves`` (newest first, from
    the timeline), its recent claims, its articles (those of its moves too)."""
    key = fold(name)
    ids = library.article_ids()  # newest first; only the bodies shown are read
    moved = {m.article_id for m in moves if m.article_id}
    mentioning = [i for i in ids if key in library.organization_keys_in(i) or i in moved]
    pager = Pager(
        title=plain(fit(name, 200)),
        description=t("org_mentioned", n=len(mentioning)),
        footer=t("org_footer", name=fit(name, 60)),
    )
    people = [p for p in library.people if p.organization and library.organization(p.organization) == name]
    if people:
        lines = [
            f"**{plain(p.name)}**" + (f" — {plain(p.role)}" if p.role else "") for p in people[: limit * 2]
        ]
        if len(people) > limit * 2:
            lines.append(t("and_more", n=len(people) - limit * 2))
        pager.add(t("org_people"), "\n".join(lines))
    if moves:
        lines = [f"• **{plain(m.person)}**: {plain(move_text(m))}" for m in moves[: limit * 2]]
        if len(moves) > limit * 2:
            lines.append(t("and_more", n=len(moves) - limit * 2))
        pager.add(t("org_moves"), fit("\n".join(lines), limits.FIELD_VALUE))
    said = library.claims(organization=name)
    if said:
        order = {aid: i for i, aid in enumerate(ids)}
        said = sorted(said, key=lambda ref: order.get(ref.article_id, len(order)))
        pager.add(t("org_claims"), _claim_lines(said[:limit], speaker=True, more=len(said) - limit))
    listed = "\n".join(
        f"• {clip(a.title, 150)} ({(a.published_at or '')[:10] or t('undated')})"
        for a in (library.article(i) for i in mentioning[:limit])
        if a is not None
    )
    if len(mentioning) > limit:
        listed += "\n" + t("and_more", n=len(mentioning) - limit)
    pager.add(t("articles_newest"), listed)
    return pager.finish()


def _claim_lines(refs: list[ClaimRef], speaker: bool, more: int = 0) -> str:
    lines = []
    for ref in refs:
        c = ref.claim
        who = f" — {plain(c.speaker)}" if speaker and c.speaker else ""
        lines.append(f"{stance_mark(c.stance)}{who}: {plain(fit(c.text, 300))} {cites(c.citations)}".rstrip())
    if more > 0:
        lines.append(t("n_more", n=more))
    return "\n".join(lines)


def people_pages(
    people: list[PersonEntry],
    heading: str,
    per_page: int = 15,
    standings: dict[str, Standing] | None = None,
) -> list[Page]:
    """A list of people with their role; ``standings`` (by person key, from the timeline) puts each one's role
    where the moves say they are now, as /person's card does, never at an organization they have left."""
    pager = Pager(title=heading, footer=t("people_footer"))
    for i, p in enumerate(people, 1):
        standing = (standings or {}).get(p.key)
        if standing is not None:
            org, held = shown_role(p.organization, p.role, standing)
            p = replace(p, organization=org, role=held)
        role = role_text(p)
        pager.line(
            f"**{plain(p.name)}**"
            + (f" — {plain(role)}" if role else "")
            + f" · {t('n_articles', n=p.mentions)}"
        )
        if i % per_page == 0 and i < len(people):
            pager.new_page()
    return pager.finish()


def claims_pages(refs: list[ClaimRef], library: View, heading: str, per_page: int = 6) -> list[Page]:
    pager = Pager(title=heading, footer=t("n_claims", n=len(refs)))
    for i, ref in enumerate(refs, 1):
        c = ref.claim
        article = library.article(ref.article_id)
        source = fit(one_line(article.title), 80) if article else ref.article_id
        name = f"{stance_mark(c.stance)} · {plain(c.speaker) if c.speaker else t('no_speaker')}"
        pager.add(name, f"{plain(c.text)} {cites(c.citations)}\n*{plain(source)}*")
        if i % per_page == 0 and i < len(refs):
            pager.new_page()
    return pager.finish()


@dataclass(frozen=True)
class CommandInfo:
    """One slash command as /help shows it: ``options`` are (name, English description, required)."""

    name: str
    description: str
    options: tuple[tuple[str, str, bool], ...] = ()
    manager: bool = False
    server_only: bool = False


def _command_line(command: CommandInfo) -> str:
    shown = example(EXAMPLES.get(command.name, (f"/{command.name}",))[0])
    return f"**/{command.name}** — {describe(command.description)}\n   {in_code(shown)}"


def help_pages(commands: list[CommandInfo]) -> list[Page]:
    """Every command the member can use here, with one example each; managers' commands apart."""
    pager = Pager(
        title=t("help_title"),
        description=t("help_intro"),
        footer=t("help_footer", n=len(commands)),
    )
    for heading, manager in (("help_everyone", False), ("help_managers", True)):
        lines = [_command_line(c) for c in commands if c.manager is manager]
        if lines:
            pager.add(t(heading), "\n".join(lines))
    return pager.finish()


def _option_name(name: str) -> str:
    shown = describe(name)
    return name if shown == name else f"{shown} ({name})"


def help_command_pages(command: CommandInfo) -> list[Page]:
    notes = [describe(command.description)]
    if command.manager:
        notes.append(t("help_manager_only"))
    elif command.server_only:
        notes.append(t("help_server_only"))
    pager = Pager(title=f"/{command.name}", description="\n".join(notes))
    options = [
        f"**{_option_name(name)}** ({t('help_required' if required else 'help_optional')}) — {describe(text)}"
        for name, text, required in command.options
    ]
    pager.add(t("help_options"), "\n".join(options) or t("help_no_options"))
    examples = EXAMPLES.get(command.name, (f"/{command.name}",))
    pager.add(t("help_examples"), "\n".join(in_code(example(e)) for e in examples))
    return pager.finish()


def about_pages(
    stats: dict[str, int],
    version: str,
    stances: Iterable[tuple[str, int]],
    running: Iterable[str] = (),
    commands: Iterable[CommandInfo] = (),
) -> list[Page]:
    pager = Pager(title="Newsdesk", description=t("about_text"), footer=f"Newsdesk {version}")
    counts = t("about_counts", **cast(dict[str, Any], stats))  # values, not a language
    pager.add(t("about_known"), counts + "\n" + ", ".join(f"{n} {t('stance_' + s)}" for s, n in stances))
    listed = list(commands)
    everyone = " · ".join(f"/{c.name}" for c in listed if not c.manager)
    managers = " · ".join(f"/{c.name}" for c in listed if c.manager)
    if listed:
        pager.add(
            t("about_commands"),
            everyone + ("\n" + t("about_managers", commands=managers) if managers else ""),
        )
    lines = [
        plain(line) for line in running
    ]  # plain lines (feed URLs, a feed server's error text): made inert
    if lines:
        pager.add(t("about_running"), "\n".join(lines))
    return pager.finish()


def digest_messages(
    digest: Digest, local_date: date, people_of: dict[str, list[str]] | None = None
) -> list[tuple[str, Page]]:
    """The digest as messages (content, embeds): one embed per article, as many messages as the limits need."""
    day = local_date.isoformat() if get_locale() != "en" else local_date.strftime("%A %d %B %Y")
    if digest.empty:
        return [(t("digest_quiet", day=day), [])]
    pages: list[tuple[str, Page]] = []
    current: Page = []
    size = 0
    for article in digest.articles:
        embed = _digest_embed(article, (people_of or {}).get(article.id), digest.also.get(article.id, []))
        esize = limits.embed_size(embed.to_dict())
        if current and (len(current) >= limits.EMBEDS_PER_MESSAGE or size + esize > PAGE_BUDGET):
            pages.append(("", current))
            current, size = [], 0
        current.append(embed)
        size += esize
    if digest.moves:  # the "People moves" section: one more embed, in a message of its own when full
        embed = digest_moves_embed(digest.moves)
        esize = limits.embed_size(embed.to_dict())
        if current and (len(current) >= limits.EMBEDS_PER_MESSAGE or size + esize > PAGE_BUDGET):
            pages.append(("", current))
            current = []
        current.append(embed)
    pages.append(("", current))
    count = len(digest.articles) + digest.more
    if digest.by_story and digest.in_window > count:  # some entries stand for several articles: say how many
        header = t("digest_header_stories", day=day, count=count, reports=digest.in_window)
        more = t("digest_more_stories", n=digest.more)
    else:
        header = t("digest_header", day=day, count=count)
        more = t("digest_more", n=digest.more)
    pages[0] = (header, pages[0][1])
    if digest.more:
        last_content, last_page = pages[-1]
        pages[-1] = ((last_content + "\n" + more).strip(), last_page)
    return pages


def digest_moves_embed(moves: list[Move]) -> discord.Embed:
    """The digest's "People moves": one line per move, ``**Name** — 2025-08 — left Quillmark``."""
    embed = discord.Embed(title=t("digest_people_moves"), colour=COLOUR)
    lines = [f"🔀 **{plain(fit(m.person, 100))}** — {plain(move_text(m))}" for m in moves]
    embed.description = fit("\n".join(lines), limits.EMBED_DESCRIPTION)
    return embed


_ALSO_NAMED = 3  # other sources of a story named under its entry; the rest are counted


def _safe_url(url: str | None) -> str | None:
    """A web address usable inside a Markdown link (None when it is not one)."""
    if not isinstance(url, str) or not url.startswith(("http://", "https://")) or len(url) > 500:
        return None
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def digest_also_line(others: list[Article]) -> str:
    """A story's other reports in one line: ``Also: [Source A](url), Source B +2`` — each source once (its newest
    report's link), at most three named."""
    by_source: dict[str, Article] = {}
    for other in others:  # newest first: the first report of a source is the one linked
        name = one_line(other.source or "") or fit(one_line(other.title), 60)
        by_source.setdefault(name, other)
    named = []
    for name, other in list(by_source.items())[:_ALSO_NAMED]:
        text = plain(fit(name, 60))  # brackets escaped: the link stays one link
        url = _safe_url(other.url)
        named.append(f"[{text}]({url})" if url else text)
    rest = len(by_source) - len(named)
    sources = ", ".join(named) + (f" +{rest}" if rest else "")
    return t("digest_also", sources=sources)


def _digest_embed(
    article: Article, people: list[str] | None, others: list[Article] | None = None
) -> discord.Embed:
    lead = one_line(article.core_viewpoint) or (
        one_line(article.points()[0].text) if article.points() else ""
    )
    embed = discord.Embed(
        title=fit(plain(one_line(article.title)), limits.EMBED_TITLE), colour=COLOUR, url=article.url
    )
    lines = [f"*{plain(byline(article))}*", plain(fit(lead, 300))]
    names = people if people is not None else [p.name for p in article.people]
    if names:
        lines.append(t("digest_people", names=plain(fit(", ".join(names[:8]), 300))))
    if others:
        lines.append(digest_also_line(others))
    lines.append(t("digest_more_link", title=in_code(fit(one_line(article.title), 60))))
    embed.description = fit("\n".join(lines), limits.EMBED_DESCRIPTION)
    return embed


@dataclass
class AlertPart:
    """One message of a follow alert: what it says and whom it answers (``names`` followed, ``users``
    mentioned), so the caller marks sent only the follows whose message went out."""

    content: str
    embed: discord.Embed
    names: list[str]
    users: list[int] = field(default_factory=list)


def alert_messages(
    article: Article,
    found: list[tuple[str, list[tuple[str, str]]]],
    followers: dict[str, list[int]] | None,
    server: str | None,
) -> list[AlertPart]:
    """A follow alert: who was mentioned (with what they said or what was said of them) in one new article, as
    as many messages as Discord's limits need.

    ``found`` is (followed name, [(stance or "", sentence)]). In a channel (``server`` None), ``followers`` maps
    each name to the members to mention; a message mentions at most 100 of them and its content stays within
    2,000 characters, so a crowd is mentioned over several messages, each with the article. ``server`` names the
    server in a direct message. Names go into fields, at most 25 and 6,000 characters of embeds per message."""
    fields = _alert_fields(found)

    def base() -> discord.Embed:
        embed = discord.Embed(
            title=fit(plain(one_line(article.title)), limits.EMBED_TITLE), colour=COLOUR, url=article.url
        )
        embed.description = fit(
            f"*{plain(byline(article))}*\n{clip(article.core_viewpoint, 300)}",
            limits.EMBED_DESCRIPTION,
        )
        # Footers show no markdown: the command is written plainly there.
        embed.set_footer(text=fit(t("more_plain", title=fit(one_line(article.title), 60)), limits.FOOTER))
        return embed

    groups = _alert_groups(fields, limits.embed_size(base().to_dict()))
    parts: list[AlertPart] = []
    for group in groups:
        if not group:
            continue
        names = [name for name, _, _ in group]
        shown = plain(fit(", ".join(names), 300))

        def embed_of(group: list[tuple[str, str, str]] = group) -> discord.Embed:
            embed = base()
            for _, label, value in group:
                embed.add_field(name=label, value=value, inline=False)
            return embed

        if server is not None:
            content = t("alert_dm", names=shown, server=plain(fit(server, 100)))
            parts.append(AlertPart(fit(content, limits.CONTENT), embed_of(), names))
            continue
        users = sorted({u for name in names for u in (followers or {}).get(name, [])})
        room = limits.CONTENT - len(t("alert_channel", names=shown, users=""))
        chunks = _mention_chunks(users, room)
        for chunk in chunks:
            content = t("alert_channel", names=shown, users=" ".join(f"<@{u}>" for u in chunk))
            parts.append(AlertPart(content, embed_of(), names, chunk))
    return parts


def _alert_fields(found: list[tuple[str, list[tuple[str, str]]]]) -> list[tuple[str, str, str]]:
    """(name, field name, field value) for each followed name of a follow alert."""
    fields = []
    for name, said in found:
        lines = [
            ("🔀 " if stance == "move" else f"{stance_mark(Stance(stance))} — " if stance else "• ")
            + clip(text, 280)
            for stance, text in said
        ]
        fields.append(
            (
                name,
                fit(plain(one_line(name)) or "\u200b", limits.FIELD_NAME),
                fit("\n".join(lines) or t("alert_no_claims"), limits.FIELD_VALUE),
            )
        )
    return fields


def _alert_groups(fields: list[tuple[str, str, str]], base_size: int) -> list[list[tuple[str, str, str]]]:
    """The fields split into messages: at most 25 fields and 6,000 characters of embed (``base_size`` is the
    embed without fields) in each."""
    groups: list[list[tuple[str, str, str]]] = [[]]
    size = base_size
    for entry in fields:
        grown = size + len(entry[1]) + len(entry[2])
        if groups[-1] and (len(groups[-1]) >= limits.EMBED_FIELDS or grown > limits.EMBED_TOTAL):
            groups.append([])
            grown = base_size + len(entry[1]) + len(entry[2])
        groups[-1].append(entry)
        size = grown
    return groups


def _mention_chunks(users: list[int], room: int) -> list[list[int]]:
    """The members to mention split into messages: at most 100 mentions and ``room`` characters in each."""
    chunks: list[list[int]] = []
    used = 0
    for user in users:
        mention = len(f"<@{user}>")
        if not chunks or len(chunks[-1]) >= limits.MENTIONS or used + 1 + mention > room:
            chunks.append([])
            used = -1  # no space before the first mention
        chunks[-1].append(user)
        used += 1 + mention
    return chunks


def add_field_if_room(embed: discord.Embed, name: str, value: str) -> bool:
    """Add one more field when the embed still has room for it under Discord's limits."""
    name, value = fit(name, limits.FIELD_NAME), fit(value, limits.FIELD_VALUE)
    if len(embed.fields) >= limits.EMBED_FIELDS or not value.strip():
        return False
    if limits.embed_size(embed.to_dict()) + len(name) + len(value) > limits.EMBED_TOTAL:
        return False
    embed.add_field(name=name, value=value, inline=False)
    return True


def following_embed(rows: list[tuple[str, str, str, str]]) -> discord.Embed:
    """What a member follows here: (name, kind, where alerts go, since)."""
    embed = discord.Embed(title=t("following_title", n=len(rows)), colour=COLOUR)
    embed.description = fit(
        "\n".join(
            t(
                "following_line",
                name=plain(fit(name, 100)),
                kind=t("kind_" + kind),
                where=where,
                since=since,
            )
            for name, kind, where, since in rows
        ),
        limits.EMBED_DESCRIPTION,
    )
    return embed


def _when(at: datetime | None, zone: str) -> str:
    if at is None:
        return t("sched_none")
    local = at.astimezone(ZoneInfo(zone))
    shown = f"{local:%Y-%m-%d %H:%M} {zone}"
    if not _is_utc(zone, local):  # "08:30 UTC (08:30 UTC)" says nothing twice
        shown += f" ({at.astimezone(UTC):%H:%M} UTC)"
    return f"{shown} · <t:{int(at.timestamp())}:R>"


_UTC_NAMES = {"utc", "uct", "gmt", "gmt0", "gmt+0", "gmt-0", "zulu", "universal", "greenwich"}


def _is_utc(zone: str, local: datetime) -> bool:
    """Whether ``zone`` is a name of UTC itself (not a zone that is at UTC only part of the year)."""
    return local.utcoffset() == timedelta(0) and zone.rsplit("/", 1)[-1].lower() in _UTC_NAMES


def digest_schedule_embed(
    schedule: Schedule,
    upcoming: datetime | None,
    heading: str,
    digest_lang: str = "en",
) -> list[discord.Embed]:
    embed = discord.Embed(title=heading, colour=COLOUR)
    embed.add_field(name=t("sched_channel"), value=f"<#{schedule.channel_id}>", inline=True)
    embed.add_field(name=t("sched_time"), value=f"{schedule.at:%H:%M} {schedule.zone}", inline=True)
    embed.add_field(name=t("sched_articles"), value=t("sched_up_to", n=schedule.max_articles), inline=True)
    quiet = t("sched_quiet_skip") if schedule.skip_empty else t("sched_quiet_notice")
    embed.add_field(name=t("sched_quiet"), value=quiet, inline=True)
    embed.add_field(name=t("sched_language"), value=t(f"lang_{digest_lang}"), inline=True)
    if schedule.role_id:  # shown as a mention: the reply itself allows no mentions, so nobody is pinged
        embed.add_field(name=t("sched_role"), value=f"<@&{schedule.role_id}>", inline=True)
    embed.add_field(
        name=t("digest_people_moves"),
        value=t("switch_on" if schedule.people_moves else "switch_off"),
        inline=True,
    )
    embed.add_field(name=t("sched_next"), value=_when(upcoming, schedule.zone), inline=False)
    return [embed]


def digest_status_embed(info: Status, guild_id: int, digest_lang: str = "en") -> list[discord.Embed]:
    schedule = info.schedule
    assert schedule is not None
    if not schedule.enabled:
        state = t("status_off")
    elif schedule.paused:
        state = t("status_paused", n=schedule.failures)
    else:
        state = t("status_on")
    embed = digest_schedule_embed(schedule, info.next_run, t("status_title", state=state), digest_lang)[0]
    last = info.last_posted
    if last:
        ids = last.get("message_ids") or []
        link = f"https://discord.com/channels/{guild_id}/{last['channel_id']}/{ids[0]}" if ids else ""
        when = str(last.get("finished_at") or last["started_at"])[:16].replace("T", " ")
        value = t("status_last_value", when=when, n=last["articles"], link=link)
        embed.add_field(name=t("status_last"), value=fit(value, limits.FIELD_VALUE), inline=False)
    else:
        embed.add_field(name=t("status_last"), value=t("status_none"), inline=False)
    if info.failures:
        lines = [
            f"{str(f['started_at'])[:16].replace('T', ' ')} UTC: {plain(str(f['error']))}"
            for f in info.failures
        ]
        embed.add_field(
            name=t("status_failures"), value=fit("\n".join(lines), limits.FIELD_VALUE), inline=False
        )
    return [embed]


def stats_embed(summary: UsageSummary, scope: str, names: dict[str, str] | None = None) -> discord.Embed:
    """The /stats card; ``names`` maps article ids to titles."""
    title = t("stats_title", scope=scope, days=summary.days)
    embed = discord.Embed(title=fit(title, limits.EMBED_TITLE), colour=COLOUR)
    o = summary.by_outcome
    embed.description = t(
        "stats_summary",
        total=summary.total,
        ok=o.get("ok", 0),
        user_error=o.get("user_error", 0),
        denied=o.get("denied", 0),
        error=o.get("error", 0),
        rate=f"{summary.error_rate:.1%}",
    )

    def listing(pairs: list[tuple[str, int]], fmt: dict[str, str] | None = None) -> str:
        rows = [f"{n} × {plain(fit((fmt or {}).get(k, k), 80))}" for k, n in pairs]
        return fit("\n".join(rows), limits.FIELD_VALUE) or "—"

    embed.add_field(
        name=t("stats_top_commands"),
        value=listing([(f"/{k}", n) for k, n in summary.top_commands]),
        inline=True,
    )
    embed.add_field(name=t("stats_people"), value=listing(summary.top_people), inline=True)
    titles = {k: (names or {}).get(k) or t("stats_removed_article") for k, _ in summary.top_articles}
    embed.add_field(name=t("stats_articles"), value=listing(summary.top_articles, titles), inline=False)
    latency = "—" if summary.p50_ms is None else f"p50 {summary.p50_ms:.0f} ms · p95 {summary.p95_ms:.0f} ms"
    embed.add_field(name=t("stats_latency"), value=latency, inline=True)
    if summary.autocomplete:
        auto = ", ".join(f"/{k} {n}" for k, n in list(summary.autocomplete.items())[:5])
        embed.add_field(name=t("stats_autocomplete"), value=fit(auto, limits.FIELD_VALUE), inline=True)
    if summary.dropped:
        embed.add_field(
            name=t("stats_dropped"),
            value=t("stats_dropped_value", n=summary.dropped),
            inline=False,
        )
    embed.set_image(url="attachment://usage.png")
    return embed


def privacy_embed(retention_days: int, forget_days: float) -> discord.Embed:
    return discord.Embed(
        title=t("privacy_title"),
        description=t("privacy_text", days=retention_days, forget_days=f"{forget_days:g}"),
        colour=COLOUR,
    )


@dataclass
class SetupReport:
    """What /setup found in one server (the cog gathers it; ``*_missing`` None: a channel not known)."""

    server: str
    digest: Status
    digest_problem: str | None
    digest_missing: list[str] | None
    here_id: int | None
    here_missing: list[str] | None
    follows: int
    followers: int
    own_articles: int
    readable: int
    # (url, channel id or None, post mode, last error when failing) of the server's own feeds
    feeds: list[tuple[str, int | None, str, str | None]] = field(default_factory=list)
    feed_missing: dict[int, list[str] | None] = field(default_factory=dict)  # feed channel -> what I lack
    filters: dict[str, int] = field(default_factory=dict)  # destination -> rules
    story_channel: int | None = None
    story_problem: str | None = None


def _perm_line(channel_id: int | None, missing: list[str] | None) -> str:
    if missing is None:
        return t("setup_perms_unknown", channel=f"<#{channel_id}>")
    if missing:
        return t("setup_perms_missing", channel=f"<#{channel_id}>", missing=permissions(missing))
    return t("setup_perms_ok", channel=f"<#{channel_id}>")


def _setup_feeds(embed: discord.Embed, report: SetupReport, steps: list[str]) -> None:
    """/setup's feeds, filters and story threads, each with the step that would set it up."""
    if report.feeds:
        posting = sum(1 for _, channel, post, _ in report.feeds if channel and post == "each")
        lines = [t("setup_feeds_value", n=len(report.feeds), posting=posting)]
        for url, _, _, error in report.feeds:
            if error:
                lines.append(t("setup_feeds_failing", url=plain(fit(url, 80)), error=plain(fit(error, 120))))
        for channel_id, missing in report.feed_missing.items():
            lines.append(t("setup_in_feed") + " " + _perm_line(channel_id, missing))
            if missing:
                steps.append(t("setup_next_perms", channel=f"<#{channel_id}>"))
    else:
        lines = [t("setup_feeds_none")]
        steps.append(t("setup_next_feed"))
    embed.add_field(name=t("setup_feeds"), value=fit("\n".join(lines), limits.FIELD_VALUE), inline=False)
    if report.filters:
        where = ", ".join(f"{plain(d)}: {n}" for d, n in sorted(report.filters.items()))
        filters = t("setup_filters_value", n=sum(report.filters.values()), where=where)
    else:
        filters = t("setup_filters_none")
        if report.feeds:
            steps.append(t("setup_next_filter"))
    embed.add_field(name=t("setup_filters"), value=fit(filters, limits.FIELD_VALUE), inline=False)
    if report.story_channel is None:
        stories = t("setup_stories_none")
        steps.append(t("setup_next_stories"))
    elif report.story_problem:
        stories = t(
            "setup_stories_problem",
            channel=f"<#{report.story_channel}>",
            problem=plain(report.story_problem),
        )
    else:
        stories = t("setup_stories_on", channel=f"<#{report.story_channel}>")
    embed.add_field(name=t("setup_stories"), value=fit(stories, limits.FIELD_VALUE), inline=False)


def setup_embed(report: SetupReport) -> Page:
    """The /setup checklist: each part marked done (✅), to look at (⚠️) or missing (❌), then what to run."""
    embed = discord.Embed(title=fit(t("setup_title", server=plain(report.server)), 256), colour=COLOUR)
    schedule = report.digest.schedule
    steps: list[str] = []
    if schedule is None:
        digest = t("setup_digest_none")
        steps.append(t("setup_next_digest"))
    else:
        when = _when(report.digest.next_run, schedule.zone)
        if not schedule.enabled:
            digest = t("setup_digest_off", channel=f"<#{schedule.channel_id}>")
            steps.append(t("setup_next_digest"))
        elif schedule.paused or report.digest_problem:
            digest = t("setup_digest_problem", channel=f"<#{schedule.channel_id}>")
            if report.digest_problem:
                digest += "\n" + plain(report.digest_problem)
        else:
            digest = t(
                "setup_digest_on",
                channel=f"<#{schedule.channel_id}>",
                time=f"{schedule.at:%H:%M}",
                next=when,
            )
    embed.add_field(name=t("setup_digest"), value=fit(digest, limits.FIELD_VALUE), inline=False)
    perms = []
    if schedule is not None:
        perms.append(t("setup_in_digest") + " " + _perm_line(schedule.channel_id, report.digest_missing))
        if report.digest_missing:
            steps.append(t("setup_next_perms", channel=f"<#{schedule.channel_id}>"))
    if report.here_id is not None:
        perms.append(t("setup_in_here") + " " + _perm_line(report.here_id, report.here_missing))
        if report.here_missing:
            steps.append(t("setup_next_perms", channel=f"<#{report.here_id}>"))
    if perms:
        embed.add_field(name=t("setup_perms"), value=fit("\n".join(perms), limits.FIELD_VALUE), inline=False)
    if report.follows:
        follows = t("setup_follows_value", n=report.follows, members=report.followers)
    else:
        follows = t("setup_follows_none")
    embed.add_field(name=t("setup_follows"), value=follows, inline=False)
    if report.own_articles:
        own = t("setup_articles_value", n=report.own_articles, readable=report.readable)
    else:
        own = t("setup_articles_none", readable=report.readable)
        steps.append(t("setup_next_article"))
    embed.add_field(name=t("setup_articles"), value=own, inline=False)
    _setup_feeds(embed, report, steps)
    steps.append(t("setup_next_help"))
    embed.add_field(
        name=t("setup_next"),
        value=fit("\n".join(f"{i}. {s}" for i, s in enumerate(steps, 1)), limits.FIELD_VALUE),
        inline=False,
    )
    return [embed]
