"""The Catalog: one server's uploads and hidden articles change what that server sees, and nothing else."""

from __future__ import annotations

import pytest

from bot.article import Stance, load_article
from bot.library.catalog import Catalog, ScopedView

A, B = 1111, 2222

GLOBAL_1 = (
    "Nvidia reaches $5 trillion\nWire·2025-10-29 18:00\n\nCore Viewpoint - Nvidia became the first $5 trillion "
    "company [1]. - Chief executive Jensen Huang said demand is strong [2]. - Analyst Maya Okafor said the "
    "valuation is stretched [3].\n"
)
GLOBAL_2 = (
    "Chipmakers rally\nWire·2025-10-20 09:00\n\nCore Viewpoint - Chip stocks rose [1]. - Strategist Tomas Berg said "
    "the rally has room to run [2].\n"
)
UPLOAD_A = (
    "Huang hands over the keys\nRumour Mill·2025-11-02 10:00\n\nCore Viewpoint - Nvidia CEO 黄仁勋 (Jensen Huang) "
    "resigns, a blog claimed [1]. - Nvidia denied the report [2]. - Board member Lena Fischer said the search "
    "has begun [3].\n"
)


@pytest.fixture
def catalog() -> Catalog:
    g1, g2, up = (load_article(t) for t in (GLOBAL_1, GLOBAL_2, UPLOAD_A))
    return Catalog([g1, g2, up], owners={g1.id: {0}, g2.id: {0}, up.id: {A}}, hidden={B: {g2.id}})


def test_servers_without_uploads_or_hides_share_one_library(catalog: Catalog) -> None:
    assert catalog.view(None) is catalog.shared
    assert catalog.view(3333) is catalog.shared
    assert isinstance(catalog.view(A), ScopedView)
    assert catalog.view(A) is catalog.view(A)  # built once
    assert catalog.guilds() == {A, B}


def test_an_upload_is_seen_only_in_its_server(catalog: Catalog) -> None:
    mine, other = catalog.view(A), catalog.view(3333)
    assert [a.title for a in mine.articles] == [
        "Huang hands over the keys",
        "Nvidia reaches $5 trillion",
        "Chipmakers rally",
    ]
    assert len(other) == 2
    found = other.find_article("Huang hands over the keys")  # at most the closest global title
    assert found is None or found.title != "Huang hands over the keys"
    assert mine.find_article("huang hands over the keys").title == "Huang hands over the keys"  # type: ignore[union-attr]
    assert [t for t, _ in mine.autocomplete_articles("huang")] == ["Huang hands over the keys (2025-11-02)"]
    assert other.autocomplete_articles("hands") == []
    # People only the upload names exist only there.
    assert mine.person("Lena Fischer") is not None
    assert other.person("Lena Fischer") is None
    assert all(p.name != "Lena Fischer" for p in other.autocomplete_people("len"))
    assert [p.name for p in mine.autocomplete_people("lena")] == ["Lena Fischer"]


def test_a_person_in_both_is_one_person_with_both_articles(catalog: Catalog) -> None:
    mine, other = catalog.view(A), catalog.view(3333)
    here, there = mine.person("Jensen Huang"), other.person("Jensen Huang")
    assert here is not None and there is not None
    assert here.key == there.key
    assert len(here.article_ids) == 2 and len(there.article_ids) == 1
    assert "黄仁勋" in here.aliases and "黄仁勋" not in there.aliases
    assert mine.person("黄仁勋") is here
    assert other.person("黄仁勋") is None
    # The upload's claims about him are shown only in its server.
    assert any("resigns" in r.claim.text for r in [*mine.claims_by(here), *mine.claims_about(here)])
    assert not any("resigns" in r.claim.text for r in [*other.claims_by(there), *other.claims_about(there)])
    assert any("resigns" in r.claim.text for r in mine.claims(person="Jensen Huang"))
    assert not any("resigns" in r.claim.text for r in other.claims(person="Jensen Huang"))
    assert [r.claim.stance for r in mine.claims(stance="denied")] == [Stance.DENIED]
    assert other.claims(stance="denied") == []
    assert [p.name for p in mine.people_in(mine.articles[0].id)][:1] == ["Jensen Huang"]


def test_a_hidden_article_is_gone_in_that_server_only(catalog: Catalog) -> None:
    hid, other = catalog.view(B), catalog.view(3333)
    rally = other.find_article("Chipmakers rally")
    assert rally is not None
    assert hid.article(rally.id) is None
    assert [a.title for a in hid.articles] == ["Nvidia reaches $5 trillion"]
    assert hid.person("Tomas Berg") is None  # his only article is hidden here
    assert other.person("Tomas Berg") is not None
    assert all(p.name != "Tomas Berg" for p in hid.people)
    assert hid.claims(article=rally.id) == []
    assert hid.people_in(rally.id) == []
    assert hid.stats()["articles"] == 1
    assert sum(hid.stance_counts().values()) == len(hid.claims())


def test_replacing_one_servers_articles_leaves_the_others(catalog: Catalog) -> None:
    shared = catalog.shared
    catalog.replace_guild(A, [], [])
    assert catalog.view(A) is shared  # nothing of its own any more
    assert isinstance(catalog.view(B), ScopedView)
    catalog.replace_guild(B, [load_article(UPLOAD_A)], [])
    assert catalog.view(B).person("Lena Fischer") is not None
    assert catalog.view(A).person("Lena Fischer") is None
    assert catalog.shared is shared  # the shared library was not rebuilt


def test_two_own_spellings_of_one_shared_person_keep_every_claim_once() -> None:
    """A server's uploads name 黄仁勋 and Jensen Huang separately; the shared library knows they are one."""
    g1 = load_article(GLOBAL_1)
    zh = load_article(
        "黄仁勋谈需求\n新浪·2025-11-03 09:00\n\nCore Viewpoint - 英伟达首席执行官黄仁勋表示，需求依然强劲 [1]。\n"
    )
    en = load_article(
        "Huang on supply\nWire·2025-11-04 09:00\n\nCore Viewpoint - Nvidia chief executive Jensen Huang said "
        "supply is tight [1].\n"
    )
    bridge = load_article(
        "Nvidia chief in Taipei\nWire·2025-10-30 09:00\n\nCore Viewpoint - Nvidia CEO 黄仁勋 (Jensen Huang) "
        "said Taiwan remains central [1].\n"
    )
    catalog = Catalog([g1, bridge, zh, en], owners={g1.id: {0}, bridge.id: {0}, zh.id: {A}, en.id: {A}})
    view = catalog.view(A)
    huang = view.person("Jensen Huang")
    assert huang is not None and view.person("黄仁勋") is huang
    assert len(huang.article_ids) == len(set(huang.article_ids)) == 4
    said = [r.claim.text for r in view.claims_by(huang)]
    assert any("supply is tight" in t for t in said) and any("需求依然强劲" in t for t in said)
    assert len(said) == len(set(said))
    assert len(view.claims(person="Jensen Huang")) == len(
        {(r.article_id, r.index) for r in view.claims(person="Jensen Huang")}
    )


def test_organizations_of_hidden_articles_are_not_counted(catalog: Catalog) -> None:
    hid, other = catalog.view(B), catalog.view(3333)  # B hid "Chipmakers rally", the only article naming Chip
    assert ("Chip", 1) in other.organizations() and other.organization("chip") == "Chip"
    assert all(name != "Chip" for name, _ in hid.organizations())
    assert hid.organization("chip") is None and "Chip" not in hid.autocomplete_organizations("chi")
    assert hid.stats()["organizations"] == len(hid.organizations()) == len(other.organizations()) - 1


def test_the_catalogs_figures_count_the_uploads_people_once(catalog: Catalog) -> None:
    shared = {p.key for p in catalog.shared.people}
    mine = {p.key for p in catalog.view(A).people}
    # Lena Fischer is only in A's upload; Jensen Huang is in both and counts once.
    assert "lenafischer" in mine - shared and "jensenhuang" in mine & shared
    assert catalog.stats()["people"] == len(shared | mine)
    assert catalog.stats()["articles"] == 3
