"""One person's timeline at query time: their moves matched by name or alias, the latest state, the cache."""

from __future__ import annotations

from bot.article import load_article
from bot.render.embeds import now_text
from bot.timeline import MoveKind, moves_of, person_now, shown_role

APPOINTED = (
    "Quillmark names Maria Lindqvist chief executive\nWire·2025-03-10 09:00\n\nCore Viewpoint - Quillmark "
    "appointed Maria Lindqvist as chief executive on March 10, 2025 [1].\n"
)
LEFT = (
    "Maria Lindqvist leaves Quillmark\nWire·2025-09-02 09:00\n\nCore Viewpoint - Maria Lindqvist left Quillmark in "
    "August 2025 [1].\n"
)


def test_appointed_then_left() -> None:
    first, second = load_article(APPOINTED), load_article(LEFT)
    moves = [*moves_of(second), *moves_of(first)]  # articles in any order: the dates decide
    st = person_now(moves, ["Maria Lindqvist"])
    assert st is not None
    assert [(m.kind, m.organization, m.date) for m in st.moves] == [
        (MoveKind.APPOINTED, "Quillmark", "2025-03-10"),
        (MoveKind.LEFT, "Quillmark", "2025-08"),
    ]
    assert st.now is None and st.former[0].organization == "Quillmark"
    assert shown_role("Quillmark", "chief executive", st) == (None, None)
    assert now_text(st) == "Left Quillmark (2025-08)"
    # before the second article: she is the CEO
    before = person_now(moves_of(first), ["Maria Lindqvist"])
    assert before is not None and now_text(before) == "Now: chief executive at Quillmark (since 2025-03-10)"


def test_matched_by_any_name_and_no_one_else() -> None:
    moves = moves_of(load_article(APPOINTED))
    assert person_now(moves, ["M. Lindqvist", "maria lindqvist"]) is not None  # an alias, any case
    assert person_now(moves, ["Someone Else"]) is None


def test_moves_are_extracted_once_per_article_id() -> None:
    article = load_article(APPOINTED)
    assert moves_of(article) is moves_of(article.model_copy())
