"""The summary format and every variation feeds produce; plain text; JSON; bad input."""

from __future__ import annotations

import codecs
import json

import pytest

from bot.article import ArticleError, ArticleFormat, load_article
from bot.article.parse import find_date

BASE = (
    "Chipmaker shake-up as Lip-Bu Tan takes charge\n"
    "TechWire·2025-03-13 08:30\n"
    "\n"
    "Core Viewpoint - Intel named Lip-Bu Tan chief executive, betting on a long-term turnaround [1][2]. "
    "Group 1: The Appointment - Intel CEO Lip-Bu Tan replaces interim leaders after a difficult year [3]. "
    "- Tan said the company must win back customers [4][5]. "
    "Group 2: Market Reaction - Intel shares rose about 10% on the news [6]. "
    "- Analysts reportedly expect 1.5 times more foundry spending [7].\n"
    "\n"
    "Chipmaker shake-up as Lip-Bu Tan takes charge - Reportify\n"
)

EXPECTED_HEADINGS = ["The Appointment", "Market Reaction"]
EXPECTED_POINTS = [
    [
        "Intel CEO Lip-Bu Tan replaces interim leaders after a difficult year.",
        "Tan said the company must win back customers.",
    ],
    [
        "Intel shares rose about 10% on the news.",
        "Analysts reportedly expect 1.5 times more foundry spending.",
    ],
]


def shape(text: str | bytes) -> tuple[list[str | None], list[list[str]]]:
    article = load_article(text)
    return [s.heading for s in article.sections], [[p.text for p in s.points] for s in article.sections]


def test_base_format() -> None:
    a = load_article(BASE)
    assert a.format is ArticleFormat.SUMMARY
    assert a.title == "Chipmaker shake-up as Lip-Bu Tan takes charge"
    assert a.source == "TechWire"
    assert a.published_at == "2025-03-13T08:30:00"
    assert a.core_viewpoint == "Intel named Lip-Bu Tan chief executive, betting on a long-term turnaround."
    assert shape(BASE) == (EXPECTED_HEADINGS, EXPECTED_POINTS)
    assert [p.citations for s in a.sections for p in s.points] == [[3], [4, 5], [6], [7]]
    assert a.language == "en"


def test_seed_sample(seed_text: str) -> None:
    a = load_article(seed_text)
    assert a.format is ArticleFormat.SUMMARY
    assert a.published_at and a.published_at.startswith("20")
    assert len(a.sections) >= 3
    assert all(s.heading for s in a.sections)
    assert all(p.citations for s in a.sections for p in s.points)
    assert "Reportify" not in a.all_text()


@pytest.mark.parametrize(
    "lead",
    [
        "Core Viewpoint - ",
        "Core Viewpoints - ",
        "Key Points - ",
        "Core Insights - ",
        "核心观点 - ",
        "Core Viewpoint: ",
        "Key Points：",
        "核心观点：",
    ],
)
def test_lead_words(lead: str) -> None:
    text = BASE.replace("Core Viewpoint - ", lead)
    a = load_article(text)
    assert a.core_viewpoint.startswith("Intel named Lip-Bu Tan")
    assert shape(text) == (EXPECTED_HEADINGS, EXPECTED_POINTS)


def test_no_lead() -> None:
    text = BASE.replace("Core Viewpoint - ", "")
    a = load_article(text)
    assert a.core_viewpoint.startswith("Intel named Lip-Bu Tan")
    assert shape(text) == (EXPECTED_HEADINGS, EXPECTED_POINTS)


def test_group_without_heading() -> None:
    text = BASE.replace("Group 1: The Appointment - ", "Group 1 - ").replace(
        "Group 2: Market Reaction - ", "Group 2 - "
    )
    assert shape(text) == ([None, None], EXPECTED_POINTS)


def test_headings_without_group_word() -> None:
    text = BASE.replace("Group 1: ", "").replace("Group 2: ", "")
    assert shape(text) == (EXPECTED_HEADINGS, EXPECTED_POINTS)


def test_numbered_headings_and_decimals() -> None:
    text = BASE.replace("Group 1: ", "1. ").replace("Group 2: ", "2. ")
    headings, points = shape(text)
    assert headings == EXPECTED_HEADINGS
    assert points == EXPECTED_POINTS  # "1.5 times" stays inside its point


def test_no_groups_at_all() -> None:
    text = (
        "Title line\nWire·2025-01-02\n\nCore Viewpoint - The lead sentence [1]. - First point here [2]. "
        "- Second point about long-term plans [3].\n"
    )
    a = load_article(text)
    assert a.core_viewpoint == "The lead sentence."
    assert [p.text for p in a.points()] == ["First point here.", "Second point about long-term plans."]
    assert a.sections[0].heading is None


def test_hyphenated_words_stay_whole() -> None:
    a = load_article(BASE)
    assert "long-term" in a.core_viewpoint
    assert any("Lip-Bu" in p.text for p in a.points())


def test_dash_inside_a_sentence_is_not_a_separator() -> None:
    text = "T\nW·2025-01-02\n\nCore Viewpoint - Lead [1]. Group 1: Plans - The plan - which few expected - won approval [2]. - Next point [3].\n"
    a = load_article(text)
    assert [p.text for p in a.points()] == ["The plan - which few expected - won approval.", "Next point."]


def test_line_breaks_between_groups_and_bullets() -> None:
    text = (
        "Title\nWire·2025-03-13 08:30\n\nCore Viewpoint: Intel named Lip-Bu Tan chief executive, betting on a long-term turnaround [1][2].\n\n"
        "Group 1: The Appointment\n- Intel CEO Lip-Bu Tan replaces interim leaders after a difficult year [3].\n- Tan said the company must win back customers [4][5].\n\n"
        "Group 2: Market Reaction\n- Intel shares rose about 10% on the news [6].\n- Analysts reportedly expect 1.5 times more foundry spending [7].\n"
    )
    assert shape(text) == (EXPECTED_HEADINGS, EXPECTED_POINTS)


def test_heading_lines_without_group_word() -> None:
    text = BASE.replace(" Group 1: The Appointment - ", "\nThe Appointment - ").replace(
        " Group 2: Market Reaction - ", "\nMarket Reaction - "
    )
    assert shape(text) == (EXPECTED_HEADINGS, EXPECTED_POINTS)


@pytest.mark.parametrize(
    ("line", "source", "date"),
    [
        ("TechWire·2025-03-13 08:30", "TechWire", "2025-03-13T08:30:00"),
        ("TechWire·2025-03-13", "TechWire", "2025-03-13"),
        ("TechWireÂ·2025-03-13 08:30", "TechWire", "2025-03-13T08:30:00"),
        ("TechWire?2025-03-13 08:30", "TechWire", "2025-03-13T08:30:00"),
        ("TechWire | 2025/03/13", "TechWire", "2025-03-13"),
        ("量子位·2026年2月4日 07:28", "量子位", "2026-02-04T07:28:00"),
        ("TechWire", "TechWire", None),
    ],
)
def test_source_and_date_lines(line: str, source: str, date: str | None) -> None:
    a = load_article(BASE.replace("TechWire·2025-03-13 08:30", line))
    assert (a.source, a.published_at) == (source, date)
    assert shape(BASE) == (EXPECTED_HEADINGS, EXPECTED_POINTS)


def test_missing_source_line() -> None:
    a = load_article(BASE.replace("TechWire·2025-03-13 08:30\n", ""))
    assert a.source is None and a.published_at is None
    assert a.core_viewpoint.startswith("Intel named")


def test_full_width_punctuation() -> None:
    text = (
        BASE.replace("[", "［")
        .replace("]", "］")
        .replace("Group 1: ", "Group 1： ")
        .replace("Core Viewpoint - ", "Core Viewpoint：")
    )
    a = load_article(text)
    assert shape(text) == (EXPECTED_HEADINGS, EXPECTED_POINTS)
    assert [p.citations for p in a.points()] == [[3], [4, 5], [6], [7]]


def test_no_citation_markers() -> None:
    import re

    text = re.sub(r"\[\d+\]", "", BASE)
    a = load_article(text)
    assert shape(text) == (EXPECTED_HEADINGS, EXPECTED_POINTS)
    assert all(p.citations == [] for p in a.points())


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.replace("\n", "\r\n").encode("utf-8"),
        lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),
        lambda s: s.encode("utf-16-be").join([codecs.BOM_UTF16_BE, b""]),
        lambda s: s.encode("gb18030"),
    ],
    ids=["crlf", "utf8-bom", "utf16-bom", "utf16be-bom", "gb18030"],
)
def test_encodings_and_line_endings(encode) -> None:  # type: ignore[no-untyped-def]
    text = BASE.replace("TechWire", "科技新闻")  # non-ASCII, so every encoding differs from UTF-8
    data = encode(text)
    assert shape(data) == (EXPECTED_HEADINGS, EXPECTED_POINTS)
    article = load_article(data)
    assert article.id == load_article(text).id
    assert article.source == "科技新闻"


def test_trailer_absent_or_present() -> None:
    without = BASE.replace("\nChipmaker shake-up as Lip-Bu Tan takes charge - Reportify\n", "\n")
    assert shape(without) == (EXPECTED_HEADINGS, EXPECTED_POINTS)
    assert "Reportify" not in load_article(BASE).all_text()


def test_plain_text_falls_back() -> None:
    text = (
        "Nvidia becomes the first company worth $5 trillion\n"
        "By Jane Roe, Example Wire\n"
        "October 29, 2025\n\n"
        "Nvidia on Wednesday became the first company to reach a market value of $5 trillion. The rally continued.\n\n"
        "Chief executive Jensen Huang said demand was strong. Shares rose about 3%.\n"
    )
    a = load_article(text)
    assert a.format is ArticleFormat.PLAIN
    assert a.published_at == "2025-10-29"
    assert a.source == "Example Wire"
    assert a.core_viewpoint.startswith("Nvidia on Wednesday became")
    assert [p.text for p in a.points()] == [
        "Chief executive Jensen Huang said demand was strong.",
        "Shares rose about 3%.",
    ]
    assert [p.name for p in a.people] == ["Jensen Huang"]  # the byline is not a person in the article


def test_json_round_trip() -> None:
    a = load_article(BASE)
    dumped = json.dumps(a.model_dump(mode="json"), ensure_ascii=False)
    b = load_article(dumped)
    assert b == a
    # The JSON Lines form from `parse --json` carries an extra "file" key; it loads too.
    c = load_article(json.dumps({"file": "x.txt", **a.model_dump(mode="json")}))
    assert c == a


def test_json_field_names_are_the_contract() -> None:
    data = load_article(BASE).model_dump(mode="json")
    assert list(data) == [
        "id", "title", "source", "published_at", "language", "format", "core_viewpoint",
        "sections", "people", "organizations", "claims",
    ]  # fmt: skip
    assert set(data["sections"][0]) == {"heading", "points"}
    assert set(data["sections"][0]["points"][0]) == {"text", "citations"}
    assert set(data["people"][0]) == {"name", "aliases", "organization", "role"}
    assert set(data["claims"][0]) == {"text", "stance", "speaker", "citations", "figures"}
    figure = next(f for c in data["claims"] for f in c["figures"])
    assert set(figure) == {"text", "kind", "value", "unit"}


def test_id_is_stable_and_content_based() -> None:
    assert load_article(BASE).id == load_article(BASE.replace("\n", "\r\n")).id
    assert load_article(BASE).id != load_article(BASE.replace("10%", "11%")).id


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t\n  ", "empty"),
        (b"\x00\x01\x02\x03binary\x00\xff\xfe\x00", "binary"),
        (bytes([0x80, 0x81, 0xFE, 0xFF, 0x90]) * 50, "not valid UTF-8"),
        (b"x" * 1_000_001, "limit is 1,000,000 bytes"),
        (b"{not json", "not valid JSON"),
        (b'{"title": "x", "claims": [{"text": "a", "stance": "maybe"}]}', "invalid at 'claims.0.stance'"),
        (b"Just a headline\n", "no article text"),
    ],
    ids=[
        "empty",
        "whitespace",
        "binary",
        "undecodable",
        "too-large",
        "bad-json",
        "bad-article-json",
        "headline-only",
    ],
)
def test_bad_input_gets_one_line_error(data: bytes, message: str) -> None:
    with pytest.raises(ArticleError) as info:
        load_article(data)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_truncated_mid_sentence_is_best_effort() -> None:
    text = BASE[: BASE.index("on the news")]
    a = load_article(text)
    assert a.sections[-1].heading == "Market Reaction"
    assert a.points()[-1].text == "Intel shares rose about 10%"


def test_thousands_of_groups() -> None:
    groups = " ".join(
        f"Group {i}: Heading {i} - Point number {i} is here [{i % 90 + 1}]." for i in range(1, 1501)
    )
    a = load_article(f"Many groups\nWire·2025-01-01\n\nCore Viewpoint - Lead [1]. {groups}\n")
    assert len(a.sections) == 1500
    assert a.sections[-1].heading == "Heading 1500"


def test_too_many_groups_is_refused() -> None:
    groups = " ".join(f"Group {i}: H - P {i} x y." for i in range(1, 2105))
    with pytest.raises(ArticleError, match="more than 2,000 groups"):
        load_article(f"Many\nW·2025-01-01\n\nCore Viewpoint - Lead. {groups}\n")


def test_one_very_long_point() -> None:
    long_point = "word " * 1000 + "end."
    a = load_article(f"T\nW·2025-01-01\n\nCore Viewpoint - Lead [1]. Group 1: Long - {long_point} [2].\n")
    assert len(a.points()[0].text) >= 5000


@pytest.mark.parametrize(
    ("fragment", "cites", "text"),
    [
        ("Shares rose [1][2.", [1, 2], "Shares rose."),
        ("Shares rose [3, 4].", [3, 4], "Shares rose."),
        ("Shares rose [5-7].", [5, 6, 7], "Shares rose."),
        ("Shares rose 8].", [8], "Shares rose."),
        ("Shares rose [9", [9], "Shares rose"),
    ],
)
def test_unbalanced_citation_brackets(fragment: str, cites: list[int], text: str) -> None:
    a = load_article(f"T\nW·2025-01-01\n\nCore Viewpoint - Lead [1]. Group 1: H - {fragment}\n")
    assert a.points()[0].citations == cites
    assert a.points()[0].text == text


def test_zero_width_and_rtl_characters_are_removed() -> None:
    text = BASE.replace("Lip-Bu Tan", "Lip\u200b-Bu\u200f Tan\u200d")
    assert shape(text) == (EXPECTED_HEADINGS, EXPECTED_POINTS)


def test_find_date_variants() -> None:
    assert find_date("Feb 4, 2026 7:28 pm")[0] == "2026-02-04T19:28:00"
    assert find_date("4 February 2026")[0] == "2026-02-04"
    assert find_date("2026-13-45")[0] is None


def test_a_300_kb_article_parses() -> None:
    point = "Revenue at the unit rose about 3% as the company said demand for chips held up [1]. "
    groups = " ".join(f"Group {i}: Heading {i} - {point * 3}- {point}" for i in range(1, 820))
    text = f"Big one\nWire·2025-01-01\n\nCore Viewpoint - Lead [1]. {groups}\n"
    assert 290_000 < len(text.encode()) < 1_000_000
    a = load_article(text)
    assert len(a.sections) == 819
    assert len(a.claims) > 2000


@pytest.mark.parametrize("n", [60, 1000])
def test_many_groups(n: int) -> None:
    groups = " ".join(
        f"Group {i}: Part {i} - Point {i} is stated here [{i % 999 + 1}]." for i in range(1, n + 1)
    )
    a = load_article(f"T\nW·2025-01-01\n\nCore Viewpoint - Lead [1]. {groups}\n")
    assert len(a.sections) == n
    assert a.points()[-1].citations == [n % 999 + 1]  # citation numbers go up to 999


def test_malformed_brackets_do_not_break_the_point() -> None:
    a = load_article(
        "T\nW·2025-01-01\n\nCore Viewpoint - Lead [1]. Group 1: H - Odd ]] brackets [[ and [x] stay [2.\n"
    )
    assert a.points()[0].text.startswith("Odd")
    assert 2 in a.points()[0].citations


def test_language_by_script() -> None:
    from bot.article.text import detect_language

    assert detect_language("Shares rose after the chief executive spoke.") == "en"
    assert detect_language("英伟达首席执行官表示需求依然强劲，股价上涨。") == "zh"
    assert detect_language("Акции компании выросли после заявления генерального директора.") == "ru"
    assert detect_language("社長は、需要は依然として強いと述べた。") == "ja"
    assert detect_language("회사의 주가는 최고경영자의 발언 이후 상승했다.") == "ko"
    assert detect_language("Η εταιρεία ανακοίνωσε νέα διοίκηση.") == "el"
    assert detect_language("Nvidia 的 CEO Jensen Huang said demand is strong across every region.") == "en"
    assert (
        detect_language("Café société: les actions ont progressé.") == "en"
    )  # Latin languages are not told apart


def test_a_point_with_many_dashes_inside_its_sentence_stays_one_point() -> None:
    # The dash rules read only the end of the point being built, so this is read in linear time; what they
    # decide is the same as reading all of it: a dash before a lower-case word is part of the sentence.
    body = "step - " * 3000
    article = load_article(
        f"Title\nW·2025-01-01\n\nCore Viewpoint - Lead [1]. Group 1: Steps - the {body}end [2].\n"
    )
    assert [len(s.points) for s in article.sections] == [1]
    point = article.sections[0].points[0].text
    assert point.startswith("the step - step") and point.endswith("step - end.")
    assert point.count(" - ") == 3000


def test_many_unclosed_citation_markers_leave_clean_text() -> None:
    from bot.article.sentences import strip_citations

    text, cites = strip_citations("Sales rose " + "[7 " * 5000 + "in May.")
    assert text == "Sales rose in May."
    assert cites == [7]


def test_a_heading_is_read_only_as_far_as_a_heading_can_run() -> None:
    # "Group 1: <heading> - ": at most 120 characters are read for the heading, so a group word that starts no
    # heading does not make the parser read on to the end of the text from it.
    long = "word " * 40
    article = load_article(
        f"Title\nW·2025-01-01\n\nCore Viewpoint - Lead [1]. Group 1: Short Head - point one [2]. "
        f"Group 2: {long}- point two [3].\n"
    )
    assert article.sections[0].heading == "Short Head"
    assert all(len(s.heading or "") <= 120 for s in article.sections)
