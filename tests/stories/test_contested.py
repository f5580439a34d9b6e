"""Claims lined up by subject within a story, contested stories, and corroboration by independent sources."""

from __future__ import annotations

from pathlib import Path

from bot.article import Stance, load_article
from bot.stories.contested import StanceEntry, contested, corroboration, line_up

DATA = Path(__file__).resolve().parent / "data"


def art(name: str):  # type: ignore[no-untyped-def]
    return load_article((DATA / name).read_bytes())


def test_a_denial_meets_an_assertion_across_articles() -> None:
    demand, reply = art("b1-tan-en.txt"), art("b2-tan-en.txt")
    subjects = line_up([demand, reply], ["b1.txt", "b2.txt"])
    assert contested(subjects)
    hot = next(s for s in subjects if s.contested)
    stances = {(e.stance, e.label) for e in hot.entries}
    assert (Stance.DENIED, "b2.txt") in stances
    assert any(
        stance in (Stance.ASSERTED, Stance.REPORTED) and label == "b1.txt" for stance, label in stances
    )
    denial = next(e for e in hot.entries if e.stance is Stance.DENIED)
    assert denial.speaker == "Lip-Bu Tan"
    assert (
        denial.source == "Tech Ledger"
        and denial.published_at
        and denial.published_at.startswith("2025-08-08")
    )


def test_same_subject_across_scripts_by_figure() -> None:
    en, zh = art("h1-muskbid-en.txt"), art("h5-muskbid-zh.txt")
    subjects = line_up([en, zh], ["en", "zh"])
    bid = next(s for s in subjects if "97.4" in s.subject)
    assert {e.label for e in bid.entries} == {"en", "zh"}
    assert bid.lined_up and not bid.contested
    assert not contested(subjects)


def test_one_claim_per_article_in_a_subject() -> None:
    subjects = line_up([art("h1-muskbid-en.txt")])
    assert all(s.articles == 1 and len(s.entries) == 1 for s in subjects)
    assert not any(s.lined_up for s in subjects)


def test_a_reprinted_wire_text_counts_once() -> None:
    original, reprint, other = art("h2-muskbid-en.txt"), art("h3-muskbid-en.txt"), art("h1-muskbid-en.txt")
    assert original.source != reprint.source
    subjects = line_up([original, reprint, other])
    reply = max(subjects, key=lambda s: s.articles)
    assert reply.articles == 3
    assert reply.corroboration == 2  # the two outlets printing one text count once


def test_corroboration_counts_sources_not_articles() -> None:
    def entry(text: str, source: str | None, article: str) -> StanceEntry:
        return StanceEntry(Stance.ASSERTED, None, text, article, article, source, None)

    assert corroboration([]) == 0
    same_outlet = [entry("Nvidia will invest", "Wire", "a"), entry("A different sentence here", "wire", "b")]
    assert corroboration(same_outlet) == 1
    independent = [
        entry("Nvidia will invest in OpenAI", "A", "a"),
        entry("OpenAI gets money from its supplier", "B", "b"),
    ]
    assert corroboration(independent) == 2
