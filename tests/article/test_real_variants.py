"""Variants of the summary format seen on real published pages (inputs written here, not copied)."""

from __future__ import annotations

from bot.article import ArticleFormat, load_article


def shape(text: str) -> list[tuple[str | None, list[str]]]:
    return [(s.heading, [p.text for p in s.points]) for s in load_article(text).sections]


def test_first_line_is_already_the_body() -> None:
    text = (
        "Core Viewpoint - Acme is moving its chip work to a new plant, expecting lower costs [1][3]. "
        "Group 1: Practical Models - Acme ships two smaller models this year [2]. - Costs fall by a third [4]. "
        "Group 2: Outlook - Analysts expect steady growth [5]."
    )
    a = load_article(text)
    assert a.format is ArticleFormat.SUMMARY
    assert a.title.startswith("Acme is moving its chip work")
    assert [s.heading for s in a.sections] == ["Practical Models", "Outlook"]


def test_body_first_with_the_headline_printed_underneath() -> None:
    text = (
        "Group 1 - Acme's board met to settle the plan for the year [2] - The plan moves money to research [3] "
        "Group 2 - Rivals are expected to answer within months [4]\n"
        "Acme bets on research"
    )
    a = load_article(text)
    assert a.format is ArticleFormat.SUMMARY
    assert a.title == "Acme bets on research"
    assert shape(text) == [
        (None, ["Acme's board met to settle the plan for the year", "The plan moves money to research"]),
        (None, ["Rivals are expected to answer within months"]),
    ]


def test_lead_word_with_a_prefix() -> None:
    for lead in ("文章核心观点 - ", "报告的核心观点 - ", "本文要点："):
        text = f"标题\n财经日报·2025-03-01 10:00\n\n{lead}公司业绩稳步增长 [1]。 第一组：业务进展 - 新工厂投产 [2]。\n"
        a = load_article(text)
        assert a.core_viewpoint == "公司业绩稳步增长。", lead
        assert [s.heading for s in a.sections] == ["业务进展"], lead


def test_bullets_after_the_lead_belong_to_the_core_viewpoint() -> None:
    text = (
        "Acme at a glance\nWire·2025-03-01\n\n"
        "Core Insights - Acme grew sales by 12% [1] - Its margins held steady [2] - The shares rose [3] "
        "Group 1: Sales - Europe led the growth [4] Group 2: Costs - Energy costs fell [5]"
    )
    a = load_article(text)
    assert a.core_viewpoint == "Acme grew sales by 12% Its margins held steady The shares rose"
    assert [s.heading for s in a.sections] == ["Sales", "Costs"]
    assert a.sections[0].points[0].citations == [4]


def test_lead_and_bullets_without_groups_stay_a_section() -> None:
    text = "T\nW·2025-01-02\n\nCore Viewpoint - The lead [1]. - First point [2]. - Second point [3].\n"
    a = load_article(text)
    assert a.core_viewpoint == "The lead."
    assert [p.text for p in a.points()] == ["First point.", "Second point."]


def test_excerpt_cut_inside_a_heading() -> None:
    text = "Core Viewpoint - Lead sentence here [1]. Group 1: Alpha Beta - First point [2]. - Second [3]. Group 2: Ma"
    assert shape(text) == [("Alpha Beta", ["First point.", "Second."])]
    assert shape(text.replace("Group 2: Ma", "Group 2")) == [("Alpha Beta", ["First point.", "Second."])]


def test_heading_at_the_end_of_a_line_with_bullets_below() -> None:
    text = (
        "Core Viewpoint - Lead [1]. Group 1: Alpha Beta\n- First point [2].\nGroup 2: Outlook\n- Second [3]."
    )
    assert shape(text) == [("Alpha Beta", ["First point."]), ("Outlook", ["Second."])]


def test_spaces_stripped_and_dashes_rendered_as_minus_signs() -> None:
    text = (
        "Core Insights - Acme is seeing strong demand for its parts [1]\u2212Therecentdipinthesharesisabuyingchance[2]"
        "Group1:PartsDemand\u2212Newcarsneedtwiceasmanypartsaslastyear[3]\u2212Ordersforone\u2212yearcontractsrose[4]"
        "Group2:Outlook\u2212Pricesmayfallby\u22125%nextyear[5]"
    )
    a = load_article(text)
    assert [s.heading for s in a.sections] == ["PartsDemand", "Outlook"]
    assert [len(s.points) for s in a.sections] == [2, 1]
    assert a.sections[0].points[1].text == "Ordersforone-yearcontractsrose"
    assert "\u22125%" in a.sections[1].points[0].text
    assert [c for s in a.sections for p in s.points for c in p.citations] == [3, 4, 5]
    assert a.core_viewpoint.startswith("Acme is seeing strong demand")


def test_source_separator_as_thai_mojibake() -> None:
    a = load_article("标题一则\n量子位\u0e22\u0e172026-02-04 07:28\n\n核心观点 - 公司发布新模型 [1]。")
    assert a.source == "量子位"
    assert a.published_at == "2026-02-04T07:28:00"


def test_paragraph_starting_with_a_date_is_text() -> None:
    text = "公司治理的二十年\n\n自2006年5月8日起，公司一直由同一位董事长掌舵，并推动了多项改革。\n\n第二段写其他事情。"
    a = load_article(text)
    assert a.published_at is None
    assert a.core_viewpoint.startswith("自2006年5月8日起")


def test_dash_inside_parentheses_is_not_a_separator() -> None:
    text = "T\nW·2025-01-02\n\nCore Viewpoint - Lead [1]. Group 1: Valuation - The ratio (PE - TTM) is 22 times [2]."
    assert shape(text) == [("Valuation", ["The ratio (PE - TTM) is 22 times."])]


def test_decimal_numbered_outline_headings() -> None:
    text = (
        "周报\n证券研究·2024-09-17\n\n核心观点 - 行业估值回落 [1]。 "
        "1.1 行业策略 - 指数本周下跌 [2]。 1.2 组合分析 - 组合跑赢大盘 [3]。 - 科创板组合下跌1.5% [4]。"
    )
    assert shape(text) == [
        ("行业策略", ["指数本周下跌。"]),
        ("组合分析", ["组合跑赢大盘。", "科创板组合下跌1.5%。"]),
    ]
