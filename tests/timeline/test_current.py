"""The current-role rule over moves from several articles."""

from __future__ import annotations

from bot.timeline import Move, MoveKind, shown_role, standings


def mv(
    person: str, kind: str, org: str | None, date: str, role: str | None = None, announced: bool = False
) -> Move:
    return Move(person, MoveKind(kind), org, role, date, "text", "…", announced, None, date)


def test_latest_move_wins() -> None:
    st = standings(
        [
            mv("Ana Ruiz", "appointed", "Kestrel", "2021-02", "CFO"),
            mv("Ana Ruiz", "appointed", "Kestrel", "2024-05-01", "CEO"),
        ]
    )
    now = st["ana ruiz"].now
    assert now is not None and (now.organization, now.role, now.since) == ("Kestrel", "CEO", "2024-05-01")


def test_a_person_who_left_is_not_shown_with_the_role() -> None:
    moves = [
        mv("Ana Ruiz", "appointed", "Kestrel", "2021", "CEO"),
        mv("Ana Ruiz", "left", "Kestrel", "2024-03"),
    ]
    st = standings(moves)["ana ruiz"]
    assert st.now is None and st.former[0].organization == "Kestrel"
    # an article that still calls her Kestrel's CEO does not bring the role back
    assert shown_role("Kestrel", "CEO", st) == (None, None)


def test_a_later_move_gives_it_back() -> None:
    moves = [
        mv("Ana Ruiz", "returned", "Kestrel", "2025-01", "chair"),
        mv("Ana Ruiz", "left", "Kestrel", "2024-03"),  # order of input does not matter: dates do
        mv("Ana Ruiz", "appointed", "Kestrel", "2021", "CEO"),
    ]
    now = standings(moves)["ana ruiz"].now
    assert now is not None and (now.organization, now.role) == ("Kestrel", "chair")


def test_moves_in_other_spellings_of_an_organization() -> None:
    moves = [
        mv("Tom Reyes", "appointed", "The Walt Disney Company", "2020-02"),
        mv("Tom Reyes", "fired", "Disney", "2022-11"),
    ]
    assert standings(moves)["tom reyes"].now is None


def test_announced_moves_wait_for_their_date() -> None:
    moves = [
        mv("Ana Ruiz", "appointed", "Kestrel", "2021", "CEO"),
        mv("Ana Ruiz", "left", "Kestrel", "2025-12", announced=True),
    ]
    st = standings(moves, today="2025-06-15")["ana ruiz"]
    assert st.now is not None and st.now.organization == "Kestrel"
    assert [m.kind for m in st.upcoming] == [MoveKind.LEFT]
    assert standings(moves, today="2026-01-02")["ana ruiz"].now is None


def test_resigned_without_an_organization_ends_the_one_position() -> None:
    moves = [mv("Ana Ruiz", "joined", "Kestrel", "2021"), mv("Ana Ruiz", "left", None, "2023")]
    assert standings(moves)["ana ruiz"].now is None


def test_the_newest_of_several_positions_is_now() -> None:
    moves = [
        mv("Li Wei", "appointed", "Alpha", "2020", "CEO"),
        mv("Li Wei", "joined", "Beta", "2023", "director"),
    ]
    st = standings(moves)["li wei"]
    assert st.now is not None and st.now.organization == "Beta" and len(st.held) == 2


def test_identity_is_the_callers() -> None:
    moves = [mv("黄仁勋", "appointed", "Nvidia", "1993", "CEO"), mv("Jensen Huang", "left", "Nvidia", "2030")]
    same = {"黄仁勋": "jensen", "Jensen Huang": "jensen"}
    assert standings(moves, key=same.__getitem__)["jensen"].now is None


def test_unknown_person_keeps_the_articles_role() -> None:
    assert shown_role("Kestrel", "CEO", None) == ("Kestrel", "CEO")


def test_a_new_post_elsewhere_ends_the_old_one_but_not_a_board_seat() -> None:
    moves = [
        mv("Ana Ruiz", "joined", "Kestrel", "2016", "vice president"),
        mv("Ana Ruiz", "joined", "Lumen", "2018", "vice president"),
        mv("Ana Ruiz", "joined", "Orca Trust", "2019", "board member"),
    ]
    st = standings(moves)["ana ruiz"]
    assert {p.organization for p in st.held} == {"Lumen", "Orca Trust"}
    assert [p.organization for p in st.former] == ["Kestrel"]
