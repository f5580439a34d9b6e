"""A library built from stored records answers exactly as one that reads its articles' claims itself."""

from __future__ import annotations

import json
from pathlib import Path

from bot.article import load_article
from bot.library.catalog import Catalog
from bot.library.core import Library
from bot.library.index import article_record
from tools.synthetic import scaled_corpus

CORPUS = Path(__file__).resolve().parents[1] / "config" / "articles"


def _articles() -> list:  # type: ignore[type-arg]
    bundled = [load_article(p.read_bytes()) for p in sorted(CORPUS.glob("*.txt"))]
    return bundled + scaled_corpus(300)


def _claims_index(library: Library) -> dict[str, list[tuple[str, int]]]:
    out: dict[str, list[tuple[str, int]]] = {}
    for person in library.people:
        out["by " + person.key] = [(r.article_id, r.index) for r in library.claims_by(person)]
        out["about " + person.key] = [(r.article_id, r.index) for r in library.claims_about(person)]
    for name, _ in library.organizations():
        out["org " + name] = [(r.article_id, r.index) for r in library.claims(organization=name)]
    return out


def test_records_give_the_same_claims_as_reading_the_text() -> None:
    articles = _articles()
    records = {a.id: article_record(a) for a in articles}
    plain, loaded = Library(articles), Library(articles, records=records)
    expected = _claims_index(plain)
    assert any(refs for k, refs in expected.items() if k.startswith("about ")) and expected
    assert _claims_index(loaded) == expected
    assert loaded.stats() == plain.stats()
    catalog = Catalog(articles, records=records)
    assert _claims_index(catalog.shared) == expected


def test_a_record_that_does_not_fit_its_article_is_not_trusted() -> None:
    articles = _articles()
    stale = {a.id: json.dumps({"v": 1, "people": [], "orgs": [], "claims": []}) for a in articles}
    assert _claims_index(Library(articles, records=stale)) == _claims_index(Library(articles))


def test_a_library_of_rows_answers_as_one_of_articles_and_reads_bodies_only_when_asked() -> None:
    from bot.store.articles import LibraryRow

    articles = _articles()
    by_id = {a.id: a for a in articles}
    reads: list[str] = []

    def load(article_id: str):  # type: ignore[no-untyped-def]
        reads.append(article_id)
        return by_id.get(article_id)

    rows = [LibraryRow(a.id, a.title, a.published_at, article_record(a)) for a in articles]
    held, lazy = Library(articles), Library.from_rows(rows, load)
    assert reads == []  # built without reading a single body
    assert lazy.lazy and not held.lazy
    assert _claims_index(lazy) == _claims_index(held)
    assert lazy.stats() == held.stats() and lazy.stance_counts() == held.stance_counts()
    assert [(p.key, p.name, p.mentions, p.article_ids) for p in lazy.people] == [
        (p.key, p.name, p.mentions, p.article_ids) for p in held.people
    ]
    assert lazy.article_ids() == [a.id for a in held.articles]
    assert lazy.organizations() == held.organizations()
    for word in ("open", "intel", "chips", "bets", "nvidia"):
        assert lazy.autocomplete_articles(word) == held.autocomplete_articles(word)
        assert [p.key for p in lazy.autocomplete_people(word)] == [
            p.key for p in held.autocomplete_people(word)
        ]
    assert reads == []  # autocomplete and people: still no body
    first = held.articles[0]
    assert lazy.find_article(first.title) == first
    assert [p.key for p in lazy.people_in(first.id)] == [p.key for p in held.people_in(first.id)]
    assert lazy.organization_keys_in(first.id) == held.organization_keys_in(first.id)
    person = held.people[0]
    assert [r.claim for r in lazy.claims(person=person.name)] == [
        r.claim for r in held.claims(person=person.name)
    ]
    denied = lazy.claims(stance="denied")
    assert denied == held.claims(stance="denied")  # which claims: no body needed
    assert [r.claim for r in denied[:20]] == [r.claim for r in held.claims(stance="denied")[:20]]
    page = lazy.articles[:10]
    assert page == held.articles[:10] and len(lazy.articles) == len(held.articles)
    assert 0 < len(set(reads)) <= 200  # only what was looked at


def test_bodies_read_on_demand_are_kept_in_a_bounded_cache() -> None:
    from bot.store.articles import LibraryRow

    articles = _articles()
    by_id = {a.id: a for a in articles}
    reads: list[str] = []

    def load(article_id: str):  # type: ignore[no-untyped-def]
        reads.append(article_id)
        return by_id.get(article_id)

    lazy = Library.from_rows(
        [LibraryRow(a.id, a.title, a.published_at, None) for a in articles], load, cache=10
    )
    assert len(set(reads)) == len(articles)  # no record stored: each body read once to derive it
    reads.clear()
    for a in articles[:30]:
        assert lazy.article(a.id) == a
    assert len(lazy._cache) <= 10
    assert len(reads) >= 20  # most were read again: the cache keeps only the last 10
    before = len(reads)
    assert lazy.article(articles[29].id) == articles[29] and len(reads) == before  # the last read is kept
    assert lazy.article("no-such-id") is None


def test_the_index_rows_benchmark_reports_its_shape() -> None:
    # Output shape only; its figures are never asserted.
    from tools.bench import bench_index_rows

    figures = bench_index_rows(300, repeat=20)
    assert "failed" not in figures, figures
    assert {"build_cpu_s", "build_s", "rss_mb", "peak_rss_mb", "people", "articles"} <= set(figures)
    assert (figures["articles"], figures["people"]) == (300, 300)
    assert set(figures["queries"]) == {
        "person_exact",
        "autocomplete_person",
        "autocomplete_summary",
        "person_fuzzy",
    }
