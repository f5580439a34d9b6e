"""The in-memory library: articles, people across articles and scripts, claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.article import Stance, load_article
from bot.ingest.intake import article_files, read_article
from bot.library.core import Library, RegistryEntry, load_registry

A1 = (
    "Nvidia and OpenAI sign a deal\nWire·2025-09-23 08:00\n\nCore Viewpoint - Nvidia plans to invest up to $100 billion [1]. "
    "Group 1: Deal - Nvidia founder and CEO 黄仁勋 (Jensen Huang) called it the next leap [2]. - OpenAI CEO Sam Altman "
    "said compute is everything [3]. - Some analysts reportedly questioned the financing [4].\n"
)
A2 = (
    "Nvidia reaches $5 trillion\nWire·2025-10-29 18:00\n\nCore Viewpoint - Nvidia became the first $5 trillion company [1]. "
    "- Chief executive Jensen Huang said demand is strong [2]. - Huang rejected the idea that AI is a bubble [3].\n"
)
A3 = "黄仁勋谈AI需求\n新浪·2025-11-01\n\nCore Viewpoint - 英伟达CEO黄仁勋表示，人工智能需求依然强劲 [1]。\n"


@pytest.fixture
def lib() -> Library:
    return Library([load_article(A1), load_article(A2), load_article(A3)])


def test_articles_newest_first_and_lookup(lib: Library) -> None:
    titles = [a.title for a in lib.articles]
    assert titles == ["黄仁勋谈AI需求", "Nvidia reaches $5 trillion", "Nvidia and OpenAI sign a deal"]
    assert lib.find_article("nvidia reaches $5 trillion").title == "Nvidia reaches $5 trillion"
    first = lib.articles[1]
    assert lib.find_article(first.id) is first
    assert lib.find_article("sign a").title == "Nvidia and OpenAI sign a deal"
    assert lib.find_article("zzz nothing") is None


def test_article_autocomplete(lib: Library) -> None:
    labels = [label for label, _ in lib.autocomplete_articles("nvi")]
    assert labels == ["Nvidia reaches $5 trillion (2025-10-29)", "Nvidia and OpenAI sign a deal (2025-09-23)"]
    assert len(lib.autocomplete_articles("")) == 3
    assert all(len(label) <= 100 for label, _ in lib.autocomplete_articles(""))


def test_person_across_articles_and_scripts(lib: Library) -> None:
    by_latin = lib.person("Jensen Huang")
    assert by_latin is not None
    assert lib.person("黄仁勋") is by_latin
    assert lib.person("huang") is by_latin  # unambiguous surname
    assert lib.person("JENSEN HUANG") is by_latin
    assert len(by_latin.article_ids) == 3
    assert by_latin.article_ids[0] == lib.articles[0].id  # newest first
    assert (by_latin.organization, by_latin.role) == ("Nvidia", "founder and CEO")
    assert "黄仁勋" in by_latin.aliases
    assert by_latin.label() == "Jensen Huang (黄仁勋) — Nvidia"


def test_unknown_person_and_suggestions(lib: Library) -> None:
    assert lib.person("Jensen Hwang") is None
    assert [p.name for p in lib.suggest_people("Jensen Hwang")][:1] == ["Jensen Huang"]
    assert [p.name for p in lib.suggest_people("Altmann")][:1] == ["Sam Altman"]
    assert lib.suggest_people("qqqqqqqq") == []


def test_people_autocomplete_surname_script_typo(lib: Library) -> None:
    assert [p.name for p in lib.autocomplete_people("hua")][:1] == ["Jensen Huang"]
    assert [p.name for p in lib.autocomplete_people("黄")][:1] == ["Jensen Huang"]
    assert [p.name for p in lib.autocomplete_people("altm")] == ["Sam Altman"]
    assert [p.name for p in lib.autocomplete_people("jensn")][:1] == ["Jensen Huang"]
    assert [p.name for p in lib.autocomplete_people("")][:1] == ["Jensen Huang"]  # most mentioned first
    assert len(lib.autocomplete_people("a", limit=50)) <= 25


def test_claims_filters(lib: Library) -> None:
    huang = lib.person("Jensen Huang")
    assert huang is not None
    said = lib.claims_by(huang)
    assert {r.claim.stance for r in said} == {Stance.ASSERTED, Stance.DENIED}
    denied = lib.claims(person="Jensen Huang", stance="denied")
    assert [r.claim.text for r in denied] == ["Huang rejected the idea that AI is a bubble."]
    assert lib.claims(stance=Stance.REPORTED)[0].claim.text.startswith("Some analysts reportedly")
    assert [r.claim.text for r in lib.claims(about="bubble")] == [
        "Huang rejected the idea that AI is a bubble."
    ]
    a1 = lib.find_article("Nvidia and OpenAI sign a deal")
    assert a1 is not None
    assert len(lib.claims(article=a1.id)) == 4
    assert lib.claims(person="Nobody Atall") == []
    assert lib.claims(organization="OpenAI")


async def test_search_runs_in_the_store(lib: Library) -> None:
    """Full-text search is the store's (the library keeps no text index): same words, same answers."""
    from bot.store import open_store

    store = open_store("sqlite:///:memory:")
    await store.open()
    try:
        for article in reversed(lib.articles):  # oldest first, as they would have arrived
            await store.upsert_article(article)

        async def titles(query: str) -> list[str]:
            return [lib.article(i).title for i in await store.search(query)]  # type: ignore[union-attr]

        assert await titles("bubble") == ["Nvidia reaches $5 trillion"]
        assert await titles("compute everyth") == ["Nvidia and OpenAI sign a deal"]
        assert await titles("人工智能") == ["黄仁勋谈AI需求"]
        assert await titles("") == []
    finally:
        await store.close()


def test_add_and_remove(lib: Library) -> None:
    extra = load_article(A2.replace("$5 trillion", "$6 trillion"))
    lib.add(extra)
    assert len(lib) == 4
    assert lib.remove(extra.id)
    assert not lib.remove(extra.id)
    assert len(lib) == 3


def test_registry_adds_spellings(tmp_path: Path) -> None:
    path = tmp_path / "people.toml"
    path.write_text(
        '[[person]]\nname = "Sam Altman"\naliases = ["萨姆·奥尔特曼"]\nrole = "CEO"\n', encoding="utf-8"
    )
    registry = load_registry(path)
    assert registry == [RegistryEntry(name="Sam Altman", aliases=["萨姆·奥尔特曼"], role="CEO")]
    lib = Library([load_article(A1)], registry)
    assert lib.person("萨姆·奥尔特曼") is lib.person("Sam Altman")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[person]]\nnot toml = = =", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid TOML"):
        load_registry(bad)
    assert load_registry(tmp_path / "missing.toml") == []


def test_bundled_corpus_loads(corpus_dir: Path) -> None:
    articles = [read_article(p) for p in article_files([corpus_dir])]
    lib = Library(articles)
    assert len(lib) >= 10
    assert lib.stats()["people"] >= 20
    formats = {a.format.value for a in articles}
    assert formats == {"summary", "plain"}
    altman = lib.person("Sam Altman")
    assert altman is not None
    assert altman.mentions >= 3


def test_adding_one_at_a_time_answers_like_building_whole(corpus_dir: Path) -> None:
    """The incremental path (a new article joins the indexes in place) and the bulk build agree."""
    articles = sorted(
        (read_article(p) for p in article_files([corpus_dir])), key=lambda a: a.published_at or ""
    )
    registry = load_registry(corpus_dir.parent / "people.toml")
    whole = Library(articles, registry)
    grown = Library([], registry)
    for article in articles:  # oldest first, as news arrives
        grown.add(article)
    assert [a.id for a in grown.articles] == [a.id for a in whole.articles]

    def person_view(lib: Library) -> dict[str, tuple]:  # type: ignore[type-arg]
        return {
            p.key: (p.name, sorted(p.aliases), p.organization, p.role, p.article_ids, p.pinyin)
            for p in lib.people
        }

    assert person_view(grown) == person_view(whole)
    for p in whole.people:
        assert [r.claim.text for r in grown.claims_by(p)] == [r.claim.text for r in whole.claims_by(p)]
        assert sorted(r.claim.text for r in grown.claims_about(p)) == sorted(
            r.claim.text for r in whole.claims_about(p)
        )
    assert grown.organizations() == whole.organizations()
    assert grown.stats() == whole.stats() and grown.stance_counts() == whole.stance_counts()
    assert [r.claim.text for r in grown.claims(stance="denied")] == [
        r.claim.text for r in whole.claims(stance="denied")
    ]
    for typed in ("jen", "huang", "黄", "powel", "nvidia", "open ai"):
        assert [p.key for p in grown.autocomplete_people(typed)] == [
            p.key for p in whole.autocomplete_people(typed)
        ]
        assert grown.autocomplete_articles(typed) == whole.autocomplete_articles(typed)
    assert [p.key for p in grown.suggest_people("Jensne Haung")] == [
        p.key for p in whole.suggest_people("Jensne Haung")
    ]


def test_first_names_title_typos_and_titles_that_start_with_the_words(corpus_dir: Path) -> None:
    lib = Library([read_article(p) for p in article_files([corpus_dir])])
    assert lib.person("Jensen").name == "Jensen Huang"  # type: ignore[union-attr]  # the only Jensen
    assert lib.person("Zelda") is None
    titles = [t for t, _ in lib.autocomplete_articles("opneai veterns")]
    assert titles and titles[0].startswith("OpenAI veterans walk out")
    assert lib.find_article("fed cutts rates").title.startswith("Fed cuts rates")  # type: ignore[union-attr]
    assert lib.autocomplete_articles("xxxxyyyy") == [] and lib.find_article("zzz nothing") is None
    assert lib.autocomplete_articles("Meta")[0][0].startswith("Meta takes a 49% stake")


def test_a_one_letter_word_never_picks_the_title_candidates() -> None:
    """The rarest typed word chooses the candidates; a lone letter matches nearly everything, so it must not be
    the one even when an old title is what both words describe."""
    old = load_article(
        "Intel ships Xeon chips\nWire·2020-01-01 08:00\n\nCore Viewpoint - Intel shipped chips [1].\n"
    )
    many = [
        load_article(
            f"X marks the spot {i}\nWire·2025-01-{1 + i % 28:02d} 08:00\n\nCore Viewpoint - Item {i} [1].\n"
        )
        for i in range(400)
    ]
    lib = Library([old, *many])

    class NoTypos:  # found by its words, not rescued by the typo search
        def search(self, *args: object, **kwargs: object) -> list[tuple[int, float]]:
            raise AssertionError("the typo search was needed")

    lib._title_fuzzy = NoTypos()  # type: ignore[assignment]
    assert [t for t, _ in lib.autocomplete_articles("x intel")][:1] == ["Intel ships Xeon chips (2020-01-01)"]
