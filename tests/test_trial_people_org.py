"""/people shows each person's role where the moves say they are now (as /person's Now line does); /org finds
organizations named only by the people in an article or by its moves. Every sentence here was written for
these tests."""

from __future__ import annotations

from collections.abc import Iterable

from bot.article import load_article
from bot.library.core import Library
from bot.render import embeds
from bot.timeline import Move, MoveKind, extract_moves
from bot.timeline import service as timelines

TEXT = (
    "Quiet Harbor Robotics names a new chief\nThe Ledger·2026-07-03 09:00\n\n"
    "Core Viewpoint - Maren Holt said she will become chief executive of Quiet Harbor Robotics, the drone "
    "start-up she co-founded in 2023, after co-founder and CEO Tobias Wren left the company [1]. "
    "Group 1: Departures - Wren departed at the end of June to join Larkspur [2].\n"
)


class Moves:
    """The store's move queries over a fixed list (one server sees them all)."""

    def __init__(self, moves: list[Move]) -> None:
        self.moves = moves
        self.reads = 0

    async def person_moves(self, guild_id: int | None, names: Iterable[str]) -> list[Move]:
        self.reads += 1
        wanted = {n.casefold() for n in names}
        return [m for m in self.moves if m.person.casefold() in wanted]

    async def recent_moves(self, *args: object, **kw: object) -> list[Move]:
        return []

    async def move_organizations(self, guild_id: int | None, limit: int = 2000) -> list[tuple[str, int]]:
        return []


async def test_people_list_shows_the_role_the_moves_say_is_current() -> None:
    article = load_article(TEXT)
    library = Library([article])
    store = Moves(extract_moves(article))
    wren = next(p for p in library.people if p.name == "Tobias Wren")
    assert wren.role == "co-founder and CEO"  # what the article's first sentence says he was

    found = await timelines.standings_of(store, 1, library.people, "2026-08-01")
    card = await timelines.standing(store, 1, wren, "2026-08-01")
    assert store.reads == 2  # one read for the whole list
    assert card is not None and found[wren.key].now == card.now
    listed = str(
        [e.to_dict() for page in embeds.people_pages(library.people, "People", standings=found) for e in page]
    )
    assert "co-founder and ceo" not in listed.lower()  # a role he has left
    assert "**Tobias Wren** — Larkspur" in listed
    without = str([e.to_dict() for page in embeds.people_pages(library.people, "People") for e in page])
    assert "co-founder and ceo" in without.lower()  # what the list said before it read the moves


PLACED = (
    "Ferry operator widens its routes\nThe Ledger·2026-07-04 09:00\n\n"
    "Core Viewpoint - Bluewake Ferries chief executive Ottilie Marsh said the new routes start in May [1]. "
    "Group 1: Plans - Marsh said the Walt Disney Company would charter two boats [2]. "
    "Disney declined to comment [3].\n"
)


def test_an_organization_named_only_as_a_persons_is_found() -> None:
    """An article (say, article JSON as given) that places a person in an organization it does not list."""
    read = load_article(PLACED)
    article = read.model_copy(
        update={"organizations": [o for o in read.organizations if o.name != "Bluewake Ferries"]}
    )
    marsh = next(p for p in article.people if p.name == "Ottilie Marsh")
    assert marsh.organization == "Bluewake Ferries"
    library = Library([article])
    assert library.organization("bluewake ferries") == "Bluewake Ferries"
    assert "Bluewake Ferries" in library.autocomplete_organizations("blue")
    card = str([e.to_dict() for page in embeds.organization_pages("Bluewake Ferries", library) for e in page])
    assert "Ottilie Marsh" in card and "Ferry operator widens its routes" in card


class OrgMoves(Moves):
    async def recent_moves(
        self,
        guild_id: int | None,
        since: str,
        kind: str | None = None,
        org_keys: Iterable[str] | None = None,
        limit: int = 500,
    ) -> list[Move]:
        keys = set(org_keys or ())
        found = [m for m in self.moves if not keys or timelines.org_key(m.organization) in keys]
        return sorted(found, key=lambda m: m.date or "", reverse=True)[:limit]

    async def move_organizations(self, guild_id: int | None, limit: int = 2000) -> list[tuple[str, int]]:
        return [(o, 1) for o in dict.fromkeys(m.organization for m in self.moves if m.organization)]


async def test_an_organization_only_the_moves_name_has_a_card() -> None:
    """The move reader may name an organization the article's list lacks (the trial's "Safe
    Superintelligence"): /org finds it through the store's moves and shows them."""
    article = load_article(TEXT)
    library = Library([article])
    gone = Move(
        "Tobias Wren", MoveKind.LEFT, "Saltmarsh Aerial Systems", "chair", "2026-05", "text", "stepped down",
        article_id=article.id,
    )  # fmt: skip
    store = OrgMoves([*extract_moves(article), gone])
    assert library.organization("saltmarsh aerial systems") is None
    found = await timelines.organization_named(store, 1, "saltmarsh aerial systems")
    assert found == "Saltmarsh Aerial Systems"
    assert (
        await timelines.organization_named(store, 1, "Saltmarsh") == "Saltmarsh Aerial Systems"
    )  # short form
    assert await timelines.organization_named(store, 1, "Aerial Harbor") is None
    moves = await timelines.organization_moves(store, 1, found, "2026-08-01")
    card = str([e.to_dict() for page in embeds.organization_pages(found, library, moves=moves) for e in page])
    assert "**Tobias Wren**: 2026-05 — left Saltmarsh Aerial Systems as chair" in card
    assert "Quiet Harbor Robotics names a new chief" in card  # the article of its move
