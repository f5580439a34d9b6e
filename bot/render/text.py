"""The same answers the bot gives, for the terminal (rich renderables)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from bot.article import Article, Stance
from bot.digest.rules import Digest
from bot.library.catalog import View
from bot.library.core import ClaimRef, PersonEntry

STANCE_STYLE = {
    Stance.ASSERTED: "green",
    Stance.REPORTED: "yellow",
    Stance.DENIED: "red",
    Stance.ACKNOWLEDGED: "cyan",
}


def cites(numbers: list[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def byline(article: Article) -> str:
    parts = [p for p in (article.source, (article.published_at or "").replace("T", " ")[:16]) if p]
    return " · ".join(parts) or "source and date unknown"


def summary(article: Article, length: str = "full") -> RenderableType:
    body: list[RenderableType] = [Text(byline(article), style="dim")]
    if article.core_viewpoint:
        body.append(Text.assemble(("Core viewpoint: ", "bold"), article.core_viewpoint))
    sections = article.sections if length == "full" else article.sections[:2]
    for number, section in enumerate(sections, 1):
        heading = section.heading or (f"Part {number}" if len(article.sections) > 1 else "Points")
        lines = Text()
        lines.append(f"\n{heading}\n", style="bold underline")
        points = section.points if length == "full" else section.points[:2]
        for point in points:
            lines.append("  • " + point.text)
            if point.citations:
                lines.append(" " + cites(point.citations), style="dim")
            lines.append("\n")
        lines.rstrip()
        body.append(lines)
    hidden = len(article.sections) - len(sections)
    if hidden > 0:
        body.append(
            Text(f"… {hidden} more section{'' if hidden == 1 else 's'}; use length full", style="dim")
        )
    return Panel(Group(*body), title=escape(article.title), title_align="left", border_style="blue")


def person_card(person: PersonEntry, library: View, limit: int = 5) -> RenderableType:
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    if person.aliases:
        facts.add_row("Also written", ", ".join(sorted(person.aliases)))
    if person.role or person.organization:
        facts.add_row("Role", " at ".join(x for x in (person.role, person.organization) if x))
    titles = [library.article(i) for i in person.article_ids]
    facts.add_row(
        "Articles", "\n".join(f"{a.title} ({(a.published_at or '')[:10]})" for a in titles[:limit] if a)
    )
    parts: list[RenderableType] = [facts]
    said = library.claims_by(person)
    about = library.claims_about(person)
    if said:
        parts.append(Text("\nClaims made", style="bold"))
        parts.append(claims_table(said[:limit], library, show_speaker=False))
    if about:
        parts.append(Text("\nClaims about them", style="bold"))
        parts.append(claims_table(about[:limit], library))
    return Panel(Group(*parts), title=escape(person.name), title_align="left", border_style="magenta")


def claims_table(
    refs: list[ClaimRef], library: View, show_speaker: bool = True, show_article: bool = True
) -> Table:
    table = Table(show_header=True, header_style="bold", expand=True)
    table.add_column("Stance", no_wrap=True)
    if show_speaker:
        table.add_column("Speaker")
    table.add_column("Claim", ratio=4)
    if show_article:
        table.add_column("Article", ratio=2)
    for ref in refs:
        article = library.article(ref.article_id)
        claim = ref.claim
        row: list[RenderableType] = [Text(claim.stance.value, style=STANCE_STYLE[claim.stance])]
        if show_speaker:
            row.append(claim.speaker or "—")
        row.append(claim.text + (" " + cites(claim.citations) if claim.citations else ""))
        if show_article:
            row.append(article.title if article else ref.article_id)
        table.add_row(*row)
    return table


def digest(d: Digest, library: View) -> RenderableType:
    if d.empty:
        return Panel("Nothing new in this window.", title="Digest", border_style="green")
    parts: list[RenderableType] = []
    for article in d.articles:
        people = ", ".join(p.name for p in library.people_in(article.id)[:5])
        text = Text()
        text.append(article.title + "\n", style="bold")
        text.append(byline(article) + "\n", style="dim")
        lead = article.core_viewpoint
        text.append((lead if len(lead) <= 280 else lead[:279].rstrip() + "…") + "\n")
        if people:
            text.append("People: " + people + "\n", style="italic")
        parts.append(text)
    if d.more:
        parts.append(Text(f"+{d.more} more", style="dim"))
    parts.append(Text("Run /summary for the full story.", style="dim"))
    window = f"{d.since:%Y-%m-%d %H:%M} to {d.until:%Y-%m-%d %H:%M}"
    return Panel(Group(*parts), title=f"Digest · {window}", title_align="left", border_style="green")


def people_table(people: list[PersonEntry]) -> Table:
    table = Table(header_style="bold")
    table.add_column("Person")
    table.add_column("Role")
    table.add_column("Articles", justify="right")
    for p in people:
        table.add_row(
            p.label(), " at ".join(x for x in (p.role, p.organization) if x) or "—", str(p.mentions)
        )
    return table
