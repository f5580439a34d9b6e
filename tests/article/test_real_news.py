"""Claims and people as real news writes them (sentences written here, not copied from any article)."""

from __future__ import annotations

import pytest

from bot.article import Stance, load_article


def claim_of(body: str, start: str):  # type: ignore[no-untyped-def]
    article = load_article(
        "Headline for the story\n\nThe lead paragraph sets the scene for readers.\n\n" + body
    )
    return next(c for c in article.claims if c.text.startswith(start))


@pytest.mark.parametrize(
    "sentence",
    [
        "Orbital said there was no basis to the report.",
        "A spokesperson for Orbital said the story was made up.",
        "Orbital said the article isn't accurate in any way.",
        "Orbital called the lawsuit entirely without merit.",
        "The company described the allegations as baseless.",
        "Orbital said the filing was replete with inaccuracies.",
        "Orbital said the claims in the short seller's note are incorrect.",
        "Orbital rejected what it called a self-serving campaign by the fund.",
        "公司回应称，相关传闻纯属谣言。",
        "对于上述报道，公司表示消息不属实。",
        "知情人士称该说法空穴来风。",
        "公司表示，有关报道严重失实，系恶意造谣。",
    ],
)
def test_denials_without_a_deny_word(sentence: str) -> None:
    assert claim_of(sentence, sentence[:8]).stance is Stance.DENIED


def test_no_plans_denies_only_in_answer_to_a_report() -> None:
    body = (
        "Orbital is reportedly weighing a sale of its cloud unit.\n\nOrbital has no plans to sell the unit."
    )
    assert claim_of(body, "Orbital has no plans").stance is Stance.DENIED
    plain = "Orbital opened a new office in Lyon.\n\nOrbital has no plans to open more offices this year."
    assert claim_of(plain, "Orbital has no plans").stance is Stance.ASSERTED


@pytest.mark.parametrize(
    "sentence",
    [
        "Dana Whitfield apologized to customers for the outage.",
        '"I clearly failed our users," Whitfield said.',
        "Whitfield took responsibility for the failed launch.",
        "In a memo, Whitfield offered a mea culpa for the delays.",
        "Whitfield said she wrongly assumed the backlog would clear.",
        "Orbital confirmed the layoffs on Tuesday.",
        "公司董事长向投资者道歉。",
    ],
)
def test_admissions_without_an_admit_word(sentence: str) -> None:
    assert claim_of(sentence, sentence[:8]).stance is Stance.ACKNOWLEDGED


def test_confirming_there_was_no_basis_is_a_denial() -> None:
    assert claim_of("Orbital confirms there was no basis to the rumor.", "Orbital").stance is Stance.DENIED


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("Orbital is in talks to buy Lumen, the Financial Times reported on Sunday.", "Financial Times"),
        ("The deal was first reported by The Information.", "The Information"),
        (
            "Orbital plans to cut 500 jobs, according to a report in the Wall Street Journal.",
            "Wall Street Journal",
        ),
    ],
)
def test_outlets_as_the_source(sentence: str, outlet: str) -> None:
    claim = claim_of(sentence, sentence[:8])
    assert claim.stance is Stance.REPORTED
    assert claim.speaker == outlet


def test_a_dateline_is_never_the_speaker() -> None:
    claim = claim_of("SEOUL (Reuters) - Orbital rejected the union's claims on Tuesday.", "Orbital")
    assert claim.speaker == "Orbital"
    assert claim.stance is Stance.DENIED
    claim = claim_of("(AP) — Orbital chief executive Dana Whitfield said sales rose.", "Orbital")
    assert claim.speaker == "Dana Whitfield"


def test_inverted_and_quoted_attribution() -> None:
    body = '"We reject these claims outright," Orbital said.'
    assert claim_of(body, '"We reject').speaker == "Orbital"
    body = '"The market will recover," said Whitfield in a note.'
    assert claim_of(body, '"The market').speaker == "Whitfield"


def test_he_said_is_the_last_named_person_not_the_last_company() -> None:
    body = (
        "Orbital chief executive Dana Whitfield met Lumen's board.\n\n"
        "Lumen declined to comment.\n\n"
        "He said the talks were friendly."
    )
    assert claim_of(body, "He said").speaker == "Dana Whitfield"


def test_a_surname_alone_that_speaks_and_is_he_or_she_is_a_person() -> None:
    article = load_article(
        "Headline\n\nThe lead paragraph sets the scene.\n\nKowalczyk said he would step down next year."
    )
    assert [p.name for p in article.people] == ["Kowalczyk"]
    article = load_article(
        "Headline\n\nThe lead paragraph sets the scene.\n\nOrbital said it would cut prices."
    )
    assert article.people == []


def test_chinese_names_with_honorifics_and_verbs_of_telling() -> None:
    article = load_article(
        "标题\n\n导语一句。\n\n网络上关于刘德明先生身体状况的信息不实。\n\n张伟告诉记者，公司运营正常。"
    )
    names = {p.name for p in article.people}
    assert {"刘德明", "张伟"} <= names
