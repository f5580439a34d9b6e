"""A trailing attribution names the speaker: "X resigns, a blog said" is reported by the blog, not said by X."""

from __future__ import annotations

from bot.article import Stance, load_article


def claims_of(sentence: str) -> list[tuple[Stance, str | None]]:
    text = f"Shake-up at Orbital Freight\nWire·2025-09-02 09:00\n\nCore Viewpoint - {sentence} [1].\n"
    return [(c.stance, c.speaker) for c in load_article(text).claims]


def test_an_unnamed_source_reports_and_the_person_does_not_speak() -> None:
    assert claims_of("Dana Whitfield resigns from Orbital Freight, a blog said") == [(Stance.REPORTED, None)]
    assert claims_of("Dana Whitfield quit Orbital Freight, the trade newsletter wrote") == [
        (Stance.REPORTED, None)
    ]


def test_a_named_trailing_source_is_the_speaker() -> None:
    assert claims_of("Dana Whitfield resigned from Orbital Freight, Orbital Freight said") == [
        (Stance.ASSERTED, "Orbital Freight")
    ]
    # the person speaking for themselves is unchanged
    assert claims_of("Dana Whitfield said she would leave Orbital Freight") == [
        (Stance.ASSERTED, "Dana Whitfield")
    ]
