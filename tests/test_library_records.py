"""A library built from stored records answers exactly as one that reads its articles' claims itself."""

from __future__ import annotations

import json
from pathlib import Path

from bot.article import load_article
from bot.catalog import Catalog
from bot.index import article_record
from bot.library import Library
from bot.synthetic import scaled_corpus

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
