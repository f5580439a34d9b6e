"""What a follow targets and which articles match it (bot/follows/service.py, no Discord)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.article import load_article
from bot.errors import UserError
from bot.follows.targets import (
    NAME,
    ORGANIZATION,
    PERSON,
    mentions,
    passages,
    resolve,
    split_value,
    targets_like,
)
from bot.library.catalog import Catalog
from bot.library.core import Library
from bot.store import Store

CHEN = (
    "OpenAI research chief answers critics\nWire·2026-02-04 07:28\n\nCore Viewpoint - OpenAI faces questions [1]. "
    "Group 1: The Answer - Mark Chen, OpenAI's chief research officer, denied that the company had abandoned "
    "research [2]. - Nvidia chief Jensen Huang said demand was strong [3].\n"
)
POWELL = "Fed holds rates\nWire·2026-03-01 18:00\n\nCore Viewpoint - Chair Jerome Powell said the Fed would wait [1].\n"


@pytest.fixture
def library() -> Library:
    return Library([load_article(CHEN), load_article(POWELL)])


def test_split_value() -> None:
    assert split_value(" p:Mark Chen ") == (PERSON, "Mark Chen")
    assert split_value("o:OpenAI") == (ORGANIZATION, "OpenAI")
    assert split_value("Lisa Su") == (None, "Lisa Su")


def test_resolve_people_organizations_and_unknown_names(library: Library) -> None:
    chen = resolve(library, "p:Mark Chen")
    assert (chen.kind, chen.name) == (PERSON, "Mark Chen")
    assert resolve(library, "chen").name == "Mark Chen"  # a surname finds the person
    openai = resolve(library, "openai")
    assert (openai.kind, openai.name) == (ORGANIZATION, "OpenAI")
    with pytest.raises(UserError, match=r"Did you mean \*\*Mark Chen\*\*"):
        resolve(library, "Mark Chenn")
    lisa = resolve(library, "Lisa Su")  # nobody yet: the name itself is followed
    assert (lisa.kind, lisa.name) == (NAME, "Lisa Su")
    with pytest.raises(UserError, match="I know no person or organization"):
        resolve(library, "!!!")


def test_matching_and_what_they_said(library: Library) -> None:
    chen_article, powell_article = (
        library.article(load_article(CHEN).id),
        library.article(load_article(POWELL).id),
    )
    assert chen_article is not None and powell_article is not None
    chen = resolve(library, "Mark Chen")
    assert mentions(library, chen_article, chen) and not mentions(library, powell_article, chen)
    [(stance, text)] = passages(library, chen_article, chen)
    assert stance == "denied" and "abandoned research" in text
    openai = resolve(library, "o:OpenAI")
    assert mentions(library, chen_article, openai) and not mentions(library, powell_article, openai)
    later = Library(
        [load_article(CHEN), load_article(POWELL), load_article(CHEN.replace("Mark Chen", "Lisa Su"))]
    )
    lisa = resolve(library, "Lisa Su")  # followed before any article named her
    assert [a.title for a in later.articles if mentions(later, a, lisa)] == [
        "OpenAI research chief answers critics"
    ]


def test_autocomplete_offers_people_then_organizations(library: Library) -> None:
    values = [v for _, v in targets_like(library, "")]
    assert "p:Mark Chen" in values and "o:OpenAI" in values
    assert values.index("p:Mark Chen") < values.index("o:OpenAI")
    assert [v for _, v in targets_like(library, "powe")] == ["p:Jerome Powell"]


def test_a_name_without_claims_is_shown_in_the_points_that_carry_it() -> None:
    from bot.render.embeds import alert_messages

    text = (
        "Chip deal\nWire·2026-03-02 09:00\n\nCore Viewpoint - Analysts expect Broadcom margins to widen next "
        "year [1]. Group 1: Terms - Broadcom racks ship in May [2]. - Prices rose [3].\n"
    )
    article = load_article(text)
    lib = Library([article])
    broadcom = resolve(lib, "o:Broadcom")
    said = passages(lib, article, broadcom)
    assert [s for s, _ in said] == ["", ""] and all("Broadcom" in sentence for _, sentence in said)
    [part] = alert_messages(article, [(broadcom.name, said)], {broadcom.name: [8, 7]}, None)
    assert part.content == "🔔 A new article mentions Broadcom · <@7> <@8>"
    assert (part.names, part.users) == (["Broadcom"], [7, 8])
    assert (
        part.embed.fields[0].value
        == "• Analysts expect Broadcom margins to widen next year.\n• Broadcom racks ship in May."
    )


async def test_delivery_retries_discord_trouble_and_gives_up_on_refusals(tmp_path: Path) -> None:
    """The alert loop without Discord: a 503 leaves the alert pending, a 403 fails it, a success sends it."""
    from bot.store import open_store

    store = open_store(f"sqlite:///{tmp_path}/alerts.db")
    await store.open()
    try:
        await _delivery_outcomes(store)
    finally:
        await store.close()  # an open aiosqlite connection would keep the test process alive


async def _delivery_outcomes(store: Store) -> None:
    import asyncio

    from bot.delivery import SendError, Server
    from bot.follows.alerts import AlertService
    from tests.fakes import FakePoster

    guild = 2**60 + 1
    await store.add_follow(guild, 7, PERSON, "markchen", "Mark Chen", None)
    await asyncio.sleep(0.01)
    article = load_article(CHEN)
    await store.upsert_article(article, "/chen.txt")
    catalogs = [Catalog([article])]
    poster = FakePoster(guilds={guild: Server(guild, "Test Server")})
    service = AlertService(store, poster, lambda: catalogs[-1])
    poster.failures = [SendError(503, "down", name="DiscordServerError"), None]
    assert await service.run_once() == 0
    [pending] = await store.pending_alerts()
    assert pending["article_key"].endswith("chen.txt")  # still pending: tried again next pass
    assert await service.run_once() == 1
    assert await store.pending_alerts() == []
    assert await service.run_once() == 0  # sent once: never again

    await store.add_follow(guild, 8, PERSON, "markchen", "Mark Chen", None)
    other = load_article(CHEN.replace("critics", "its critics again"))
    await store.upsert_article(other, "/chen-2.txt")
    catalogs.append(Catalog([article, other]))
    poster.failures = [SendError(403, "no DMs", 50007, "Forbidden"), None]
    assert await service.run_once() == 1  # two members' DMs: one refused, one sent
    rows = await store.reader.fetch("SELECT status FROM follow_alerts WHERE article_key = '/chen-2.txt'")
    assert sorted(r["status"] for r in rows) == ["failed", "sent"]  # the refusal is not retried
    assert await store.pending_alerts() == []


def test_an_alert_for_a_crowd_and_many_names_is_split_within_discords_limits() -> None:
    """Issue 21 item 7: 250 followers and 30 names with long passages; every message fits, each follower is
    mentioned once per name group, and every name is carried."""
    from bot.render import limits
    from bot.render.embeds import alert_messages

    article = load_article(CHEN)
    long = "Mark Chen said the company would keep funding research for years, " * 6
    found = [(f"Person {i}", [("asserted", long), ("denied", long), ("", long)]) for i in range(30)]
    followers = {name: list(range(10**17, 10**17 + 250)) for name, _ in found}
    parts = alert_messages(article, found, followers, None)
    assert len(parts) > 3
    for part in parts:
        assert limits.violations(part.content, [part.embed.to_dict()]) == []
        assert 0 < len(part.users) <= limits.MENTIONS
        assert sorted(f"<@{u}>" for u in part.users) == sorted(part.content.split(" · ", 1)[1].split())
    assert sorted({n for p in parts for n in p.names}) == sorted(n for n, _ in found)
    for name, _ in found:
        assert sorted(u for p in parts if name in p.names for u in p.users) == followers[name]
    dms = alert_messages(article, found, None, "Test Server")
    assert len(dms) >= 5 and all(limits.violations(p.content, [p.embed.to_dict()]) == [] for p in dms)
    assert [n for p in dms for n in p.names] == [n for n, _ in found]


async def test_unfollow_takes_any_name_follow_took(tmp_path: Path) -> None:
    """/follow resolves a surname or another script's spelling to the person; /unfollow accepts the same."""
    from bot.follows.service import FollowService
    from bot.store import open_store
    from tests.fakes import FakePoster

    text = (
        "Chip maker's chief speaks\nWire·2026-02-04 07:28\n\nCore Viewpoint - Nvidia chief Jensen Huang "
        "(黄仁勋) said demand was strong [1]. Huang added that supply would follow [2].\n"
    )
    store = open_store(f"sqlite:///{tmp_path}/follows.db")
    await store.open()
    try:
        catalog = Catalog([load_article(text)])
        service = FollowService(store, FakePoster(), lambda: catalog)
        for typed in ("Huang", "黄仁勋", "jensen huang"):
            target = service.resolve(1, "Jensen Huang")
            assert await service.follow(1, 7, target, None, None)
            assert await service.unfollow(1, 7, typed) == "Jensen Huang"
            assert await service.mine(1, 7) == []
        with pytest.raises(UserError):
            await service.unfollow(1, 7, "Huang")  # nothing followed any more
    finally:
        await store.close()
