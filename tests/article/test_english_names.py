"""English names from real-news patterns: suffixes, family-name-first names, title words that are family
names, companies after job words. Every sentence here is written for this test."""

from __future__ import annotations

from bot.article import load_article


def people(body: str) -> dict[str, list[str]]:
    article = load_article(f"Headline here\n\n{body}\n")
    return {p.name: p.aliases for p in article.people}


def test_a_generational_suffix_stays_with_the_name_and_the_family_name_is_an_alias() -> None:
    found = people(
        "The board named Edmund Carver III as chairman. Carver III said he would keep the strategy. "
        "Carver said costs would fall."
    )
    assert found == {"Edmund Carver III": ["Carver", "Carver III"]}


def test_jr_keeps_its_person_together() -> None:
    found = people(
        "Chief executive Harold T. Winslow Jr. said demand was strong. Winslow added that it would last."
    )
    assert list(found) == ["Harold T. Winslow Jr"]
    assert "Winslow" in found["Harold T. Winslow Jr"]


def test_a_korean_name_is_family_name_first() -> None:
    found = people(
        "Vice chairman Kwon Min-jae resigned on Friday. Kwon said the company needed new leadership. "
        "Chief executive Park Ji-hoon said talks were at an early stage."
    )
    assert found == {"Kwon Min-jae": ["Kwon"], "Park Ji-hoon": []}


def test_a_company_after_a_job_word_is_no_person() -> None:
    assert (
        people("Shipments to chip designer Tornvik were halted. Tornvik said it had done nothing wrong.")
        == {}
    )


def test_a_title_word_after_a_given_name_is_a_family_name() -> None:
    found = people("The bank denied that CEO Charles Prince would step down; Prince has the board's support.")
    assert "Charles Prince" in found
    assert "Charles" not in found


def test_a_name_after_a_plural_possessive() -> None:
    found = people("Reuters' Karen Holloway and Fanny Brisk reported the suspension on Sunday.")
    assert set(found) == {"Karen Holloway", "Fanny Brisk"}


def test_a_representative_s_title_is_not_part_of_the_name() -> None:
    assert set(people("Investigators will brief Rep. Billy Thornton on the records.")) == {"Billy Thornton"}


def test_a_title_inside_a_company_name_and_a_word_before_a_role_are_no_people() -> None:
    found = people(
        "The chief executive of Northern King Trout, Paul Steed, will step down. "
        "King Trout chairman, Tom Sturby, thanked him."
    )
    assert set(found) == {"Paul Steed", "Tom Sturby"}


def test_a_role_of_a_company_before_the_name() -> None:
    article = load_article(
        "Headline here\n\nPresident and CEO of NorthwindSoft Thorsten Kell said sales were on plan. "
        "Kell said returns were low.\n"
    )
    assert [(p.name, p.aliases) for p in article.people] == [("Thorsten Kell", ["Kell"])]


def test_a_suffix_ends_the_name_and_a_hyphenated_place_is_no_given_name() -> None:
    found = people(
        "Mike Halloran writes that Bristol-Myers Squibb changed its release. He was Walter E. Hussman Sr. "
        "Distinguished Professor at the school."
    )
    assert set(found) == {"Mike Halloran", "Walter E. Hussman Sr"}


def test_a_name_after_a_subordinating_word_at_the_start_of_a_sentence() -> None:
    found = people("When Satya Nadella took over in 2014, sales were flat. Once Mark Chen left, shares fell.")
    assert set(found) == {"Satya Nadella", "Mark Chen"}


def test_a_company_whose_name_reads_like_a_chinese_surname_and_a_word() -> None:
    # 'Auto' is no pinyin given name: after its first syllable, pinyin starts each syllable with a consonant.
    assert people("Li Auto delivered more cars in May, the company said.") == {}
