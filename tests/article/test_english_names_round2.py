"""English people, round 2 (issue 16): later short forms of a name are that person; names made up."""

from __future__ import annotations

from bot.article import load_article


def people(text: str) -> dict[str, list[str]]:
    return {p.name: sorted(p.aliases) for p in load_article(text).people}


def test_the_last_words_of_a_longer_name_are_that_person() -> None:
    text = (
        "Harbour board meets\n\n"
        "Harbour chief Anders Vik Halvorsen said the port would reopen.\n\n"
        '"Mr. Vik Halvorsen has never met the buyer," spokeswoman Oda Lind said.'
    )
    found = people(text)
    assert "Vik Halvorsen" not in found
    assert "Vik Halvorsen" in found["Anders Vik Halvorsen"]


def test_a_title_and_given_name_later_is_the_one_person_with_it() -> None:
    text = (
        "Harbour board meets\n\n"
        "Harbour Group has begun a search for a successor to chairman Christopher Vane.\n\n"
        "Sir Christopher, 66, has led the board for ten years."
    )
    found = people(text)
    assert list(found) == ["Christopher Vane"]


def test_two_people_with_the_given_name_keep_it_apart() -> None:
    text = (
        "Harbour board meets\n\n"
        "Chairman Christopher Vane and director Christopher Hale met on Monday.\n\n"
        "Sir Christopher said the talks went well."
    )
    found = people(text)
    assert {"Christopher Vane", "Christopher Hale"} <= set(found)
    assert "Christopher" not in found["Christopher Vane"]
