"""Each phenomenon the move reader handles, in sentences written for these tests."""

from __future__ import annotations

from bot.timeline import MoveKind

from .helpers import moves_of, triples


def test_subject_verbs_with_their_organization() -> None:
    found = triples(moves_of("Karen Holloway has left Vantrix Systems after eight years."))
    assert ("Karen Holloway", "left", "Vantrix Systems") in found


def test_object_verbs_active_and_passive() -> None:
    active = moves_of("Orbital Freight Group appointed Marcus Oyelaran as chief executive.")
    assert [(m.person, m.kind, m.organization, m.role) for m in active] == [
        ("Marcus Oyelaran", MoveKind.APPOINTED, "Orbital Freight Group", "chief executive")
    ]
    passive = triples(moves_of("Dana Whitfield was fired by Orbital Freight Group over the audit."))
    assert ("Dana Whitfield", "fired", "Orbital Freight Group") in passive


def test_a_list_of_people_shares_the_verb() -> None:
    found = triples(
        moves_of("Researchers Ana Pereira, Tomas Lindqvist and Priya Raman have all left Quillon Labs.")
    )
    assert {p for p, k, _ in found if k == "left"} == {"Ana Pereira", "Tomas Lindqvist", "Priya Raman"}


def test_left_for_a_rival_is_two_moves() -> None:
    found = triples(moves_of("Oliver Brandt left Kestrel Robotics in May for rival Halvard Dynamics."))
    assert ("Oliver Brandt", "left", "Kestrel Robotics") in found
    assert ("Oliver Brandt", "joined", "Halvard Dynamics") in found


def test_returns_and_pronouns() -> None:
    found = moves_of(
        "Helen Marsh stepped down from Corvid Bank in 2021.",
        "She returned to Corvid Bank as chair this month.",
    )
    kinds = {(m.person, m.kind.value) for m in found}
    assert ("Helen Marsh", "left") in kinds and ("Helen Marsh", "returned") in kinds


def test_nouns_of_movement() -> None:
    found = triples(moves_of("Investors cheered the departure of Victor Szabo from Lumen Grid."))
    assert ("Victor Szabo", "left", "Lumen Grid") in found
    found = triples(moves_of("Lena Fischer's resignation from Arvo Health surprised staff."))
    assert ("Lena Fischer", "left", "Arvo Health") in found


def test_rumours_are_not_moves() -> None:
    assert moves_of("Rafael Ortega is reportedly in talks to join Pinecrest Capital.") == []
    assert moves_of("Rafael Ortega will leave Pinecrest Capital, people familiar with the matter said.") == []
    assert moves_of("The board is considering replacing Rafael Ortega at Pinecrest Capital.") == []


def test_denials_are_not_moves() -> None:
    assert moves_of("Pinecrest Capital denied reports that Rafael Ortega would step down.") == []
    assert moves_of("Rafael Ortega has no plans to leave Pinecrest Capital, a spokesman said.") == []
    assert moves_of("The board denied seeking a new CEO for Pinecrest Capital.") == []


def test_intent_and_pressure_are_not_moves() -> None:
    assert moves_of("Rafael Ortega threatened to quit Pinecrest Capital over the merger.") == []
    assert moves_of("Shareholders urged Rafael Ortega to resign from Pinecrest Capital.") == []


def test_announced_moves_carry_their_future_date() -> None:
    (move,) = moves_of("Grace Adeyemi plans to step down from Tessellate Foods at year end.")
    assert move.kind is MoveKind.LEFT and move.announced
    assert (move.date, move.date_from) == ("2025", "text")


def test_dates_from_the_text_else_the_article() -> None:
    (dated,) = moves_of("Ivan Petrov joined Northwind Aero on March 3.")
    assert (dated.date, dated.date_from) == ("2025-03-03", "text")
    (relative,) = moves_of("Ivan Petrov joined Northwind Aero last month.")
    assert relative.date == "2025-05"
    (undated,) = moves_of("Ivan Petrov joined Northwind Aero to run its engine unit.")
    assert (undated.date, undated.date_from) == ("2025-06-15", "article")


def test_each_date_goes_to_its_own_verb() -> None:
    found = {m.kind.value: m.date for m in moves_of("Ruth Abara joined Stellamar in 2009 and left in 2019.")}
    assert found == {"joined": "2009", "left": "2019"}


def test_the_company_is_the_organization_named_before() -> None:
    found = triples(
        moves_of(
            "Blue Heron Motors reported weaker sales.",
            "Its finance chief Nikhil Rao left the company on Friday.",
        )
    )
    assert ("Nikhil Rao", "left", "Blue Heron Motors") in found


def test_not_every_leave_or_join_is_a_move() -> None:
    assert moves_of("Mei Tanaka left the meeting early.") == []
    assert moves_of("Mei Tanaka joined forces with regulators on the probe.") == []


def test_chinese_moves() -> None:
    found = moves_of(
        "周明远将于9月1日卸任星河科技首席执行官。",
        "星河科技任命林晓为首席执行官。",
        "陈嘉于2019年加入云图智能，担任首席技术官。",
        "王立新重返星河科技。",
        title="星河科技管理层调整",
        core="星河科技宣布管理层交接。",
    )
    got = {(m.person, m.kind.value, m.organization, m.date) for m in found}
    assert ("周明远", "left", "星河科技", "2025-09-01") in got
    assert ("林晓", "appointed", "星河科技", "2025-06-15") in got
    assert ("陈嘉", "joined", "云图智能", "2019") in got
    assert ("王立新", "returned", "星河科技", "2025-06-15") in got


def test_chinese_rumours_and_denials() -> None:
    assert moves_of("据传周明远将离开星河科技。", title="星河科技") == []
    assert moves_of("星河科技否认周明远离职的传闻。", title="星河科技") == []
    assert moves_of("周明远表示不会离开星河科技。", title="星河科技") == []


def test_evidence_is_the_sentence() -> None:
    (move,) = moves_of("Karen Holloway has left Vantrix Systems.")
    assert move.evidence == "Karen Holloway has left Vantrix Systems."


def test_the_same_move_twice_is_kept_once() -> None:
    found = moves_of("Karen Holloway has left Vantrix Systems.", "Holloway left Vantrix Systems in April.")
    assert len(found) == 1 and found[0].date == "2025-04"


def test_the_title_names_the_subject_the_body_calls_by_surname() -> None:
    found = moves_of(
        "Okafor joined Bellweather Insurance in 2011.",
        "She left Bellweather Insurance in 2020.",
        title="Who is Miriam Okafor?",
    )
    assert {(m.person, m.kind.value, m.date) for m in found} == {
        ("Miriam Okafor", "joined", "2011"),
        ("Miriam Okafor", "left", "2020"),
    }


def test_he_is_the_subject_of_the_sentence_before() -> None:
    found = triples(
        moves_of(
            "Karl Jansen returned to Ostrava Steel as chief executive, replacing Jiri Novak.",
            "He retired from Ostrava Steel in 2024.",
        )
    )
    assert ("Karl Jansen", "left", "Ostrava Steel") in found
    assert not any(p == "Jiri Novak" for p, _, _ in found)


def test_the_same_move_on_another_date_is_another_move() -> None:
    found = moves_of(
        "Karl Jansen left Ostrava Steel in 2009.", "Karl Jansen left Ostrava Steel again in 2024."
    )
    assert sorted(m.date or "" for m in found) == ["2009", "2024"]


def test_a_demand_that_someone_go_is_no_move() -> None:
    assert (
        moves_of("Senator Ada Quill demanded on Monday that Orbital Freight chief Dana Whitfield resign.")
        == []
    )
    assert moves_of("The letter followed a call a day earlier for Dana Whitfield to step down.") == []
    assert (
        moves_of("Weeks after investors called on Dana Whitfield to quit Orbital Freight, she stayed.") == []
    )
    # an agreement for someone to come back is an announced move, not a demand
    (back,) = moves_of("Orbital Freight reached a deal for Dana Whitfield to return as chief executive.")
    assert back.kind.value == "returned"


def test_an_unnamed_sources_word_is_no_move() -> None:
    assert moves_of("Dana Whitfield resigns from Orbital Freight, a blog said.") == []
    assert moves_of("Dana Whitfield has left Orbital Freight, according to a newsletter.") == []
    named = triples(moves_of("Dana Whitfield resigned from Orbital Freight, Orbital Freight said."))
    assert named == {("Dana Whitfield", "left", "Orbital Freight")}


def _cn(
    body: str, organizations: list[tuple[str, list[str]]] | None = None
) -> list[tuple[str, str, str | None]]:
    from bot.article import load_article
    from bot.article.model import Organization
    from bot.timeline import extract_moves

    article = load_article(f"高管变动\n新闻社·2025-07-09 06:40\n\n{body}\n")
    if organizations is not None:  # as the article extractor may (mis)read them
        orgs = [Organization(name=n, aliases=a) for n, a in organizations]
        people = [p for p in article.people if p.name not in {n for n, _ in organizations}]
        article = article.model_copy(update={"organizations": orgs, "people": people})
    return [(m.person, m.kind.value, m.organization) for m in extract_moves(article)]


def test_a_chinese_subject_organization_followed_by_a_date() -> None:
    found = _cn("星河科技12月2日宣布，首席执行官周明远已于12月1日退休。")
    assert found == [("周明远", "left", "星河科技")], found


def test_an_organization_that_describes_someone_else_is_theirs() -> None:
    found = triples(
        moves_of(
            "Halden Bank said it named a new board, with former minister Ruth Abara joining and Corvel chief "
            "Tomas Reyes staying on."
        )
    )
    assert ("Ruth Abara", "joined", "Corvel") not in found, found


def test_its_role_belongs_to_the_organization_speaking() -> None:
    found = triples(
        moves_of(
            "Halden Bank said that Corvel chief executive Tomas Reyes will become its chairman and CEO in May."
        )
    )
    assert ("Tomas Reyes", "appointed", "Halden Bank") in found, found


def test_a_former_employer_is_not_where_someone_arrives() -> None:
    found = triples(
        moves_of(
            "The agreement brings in a new board chaired by former Corvel co-CEO Tomas Reyes.",
            title="Halden Bank",
        )
    )
    assert ("Tomas Reyes", "joined", "Corvel") not in found, found


def test_recruiting_is_not_being_recruited() -> None:
    assert moves_of("Tomas Reyes has been personally recruiting engineers for Halden Bank's new lab.") == []


def test_a_chinese_must_is_a_demand() -> None:
    assert _cn("某议员称，星河科技首席执行官周明远必须立即辞职。") == []


def test_a_role_before_a_role_is_not_learned_as_the_organization() -> None:
    found = _cn("星河科技3月11日宣布，由首席规划官周明远于4月1日接任社长兼首席执行官。")
    assert found == [("周明远", "appointed", "星河科技")], found


def test_a_list_of_names_may_carry_roles_but_not_clauses() -> None:
    found = triples(
        moves_of(
            "Later, research chief Tomas Reyes and vice president of research Ruth Abara were also departing Corvel."
        )
    )
    assert found == {("Tomas Reyes", "left", "Corvel"), ("Ruth Abara", "left", "Corvel")}, found
    found = triples(
        moves_of(
            "Directors Ruth Abara and Ada Quill, who backed Tomas Reyes's removal, are leaving the board of Corvel."
        )
    )
    assert ("Tomas Reyes", "left", "Corvel") not in found, found


def test_as_is_x_adds_x_to_the_same_move() -> None:
    found = triples(
        moves_of(
            "Ruth Abara and Ada Quill are leaving the board of Corvel, as is research chief Tomas Reyes."
        )
    )
    assert ("Tomas Reyes", "left", "Corvel") in found and ("Ruth Abara", "left", "Corvel") in found, found


def test_an_organization_past_a_subordinate_phrase_is_not_the_moves() -> None:
    found = triples(
        moves_of(
            "Ruth Abara said she would step down by the end of the year amid a crisis that followed a fire at a "
            "Halden Bank branch.",
            title="Corvel chief to go",
        )
    )
    assert ("Ruth Abara", "left", "Halden Bank") not in found, found


def test_has_hired_is_active() -> None:
    found = triples(moves_of("Corvel has hired Ruth Abara, co-founder of Halden Bank, to run its new unit."))
    assert ("Ruth Abara", "joined", "Corvel") in found, found
    passive = triples(moves_of("Ruth Abara has been hired by Corvel to run its new unit."))
    assert ("Ruth Abara", "joined", "Corvel") in passive, passive


def test_a_hire_whose_object_is_someone_else() -> None:
    found = triples(
        moves_of(
            "Ada Quill said she would hire an outside lawyer to look into the process that led to Ruth Abara's exit."
        )
    )
    assert all(kind != "joined" for _, kind, _ in found), found


def test_two_chinese_verbs_of_one_event_are_one_move_with_its_date() -> None:
    from bot.article import load_article
    from bot.timeline import extract_moves

    text = (
        "星河科技人事\n新闻社·2025-07-09 06:40\n\n首席执行官周明远（Ming Zhou）宣布退休。"
        "周明远1999年加入星河科技，2021年回归出任首席执行官。\n"
    )
    found = [(m.kind.value, m.date, m.role) for m in extract_moves(load_article(text))]
    assert ("returned", "2021", "首席执行官") in found and all(k != "appointed" for k, _, _ in found), found


def test_a_count_of_people_is_no_organization() -> None:
    found = _cn("星河科技宣布，首席执行官周明远退休，两位高管出任临时联席首席执行官。")
    assert all(org is None or not org.startswith("两位") for _, _, org in found), found


def test_a_chinese_appointment_is_at_the_organization_before_the_title() -> None:
    found = _cn("星河科技宣布，Corvel商务负责人周明远（Ming Zhou）出任临时首席执行官。")
    assert ("Ming Zhou", "appointed", "Corvel") in found, found
