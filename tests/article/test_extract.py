"""People, organizations, claims, stance, speaker and figures."""

from __future__ import annotations

import pytest

from bot.article import FigureKind, Stance, load_article
from bot.article.extract import figures_of, stance_of


def article(body: str, title: str = "A headline about the news") -> object:
    return load_article(f"{title}\nWire·2025-05-01 10:00\n\nCore Viewpoint - {body}\n")


def people(body: str) -> dict[str, tuple[list[str], str | None, str | None]]:
    a = load_article(f"Headline\nWire·2025-05-01 10:00\n\nCore Viewpoint - {body}\n")
    return {p.name: (p.aliases, p.organization, p.role) for p in a.people}


def test_role_and_organization_before_the_name() -> None:
    found = people(
        "Intel CEO Lip-Bu Tan said the plan is working [1]. Tan added that margins will improve [2]."
    )
    assert found == {"Lip-Bu Tan": (["Tan"], "Intel", "CEO")}


def test_apposition_after_the_name() -> None:
    found = people("Mark Chen, OpenAI's chief research officer, rejected the claims [1].")
    assert found == {"Mark Chen": ([], "OpenAI", "chief research officer")}


def test_role_of_organization_after_the_name() -> None:
    found = people("Sam Altman, the chief executive of OpenAI, spoke on Monday [1].")
    assert found["Sam Altman"][1:] == ("OpenAI", "chief executive")


def test_name_in_two_scripts_is_one_person() -> None:
    found = people("Nvidia CEO 黄仁勋 (Jensen Huang) spoke in Taipei [1]. Huang said demand is strong [2].")
    assert list(found) == ["Jensen Huang"]
    aliases, org, role = found["Jensen Huang"]
    assert set(aliases) == {"黄仁勋", "Huang"}
    assert (org, role) == ("Nvidia", "CEO")


def test_latin_name_with_chinese_in_brackets() -> None:
    found = people("Founder Liang Wenfeng (梁文锋) rarely gives interviews [1].")
    assert found["Liang Wenfeng"][0] == ["梁文锋"]


def test_particles_accents_and_hyphens() -> None:
    found = people(
        "Commission President Ursula von der Leyen met Stéphane Séjourné and José Manuel Barroso in Brussels [1]. "
        "Karin Keller-Sutter said the rules were needed [2]."
    )
    assert {"Ursula von der Leyen", "Stéphane Séjourné", "José Manuel Barroso", "Karin Keller-Sutter"} <= set(
        found
    )


def test_pinyin_names_surname_first() -> None:
    found = people("BYD chairman Wang Chuanfu spoke, and Xiaomi founder Lei Jun responded [1].")
    assert {"Wang Chuanfu", "Lei Jun"} == set(found)


def test_list_of_names_shares_evidence() -> None:
    found = people("Departures include Jerry Tworek, Andrea Vallone, and Tomasz Wierzbowski [1].")
    assert set(found) == {"Jerry Tworek", "Andrea Vallone", "Tomasz Wierzbowski"}


@pytest.mark.parametrize(
    "body",
    [
        'The company has acknowledged the "Scaling Law," linking compute to revenue [1].',
        "Executive Departures and Internal Dynamics dominated the Core Viewpoint [1].",
        "Morgan Stanley analysts said Goldman Sachs shares fell in New York and Hong Kong [1].",
        "Nvidia's Grace Blackwell chips shipped from Silicon Valley to the White House [1].",
        "The Federal Reserve and the European Commission met in Washington on Monday [1].",
        "ChatGPT and GPT-5 models run on Microsoft Azure [1].",
    ],
)
def test_things_that_are_not_people(body: str) -> None:
    assert people(body) == {}


def test_organizations_found_and_merged() -> None:
    a = load_article(
        "H\nW·2025-01-01\n\nCore Viewpoint - OpenAI is seeking a partnership with NVIDIA, while competitors like Google "
        "advance [1]. Nvidia shares rose, and Scale AI said Scale founder Alexandr Wang left [2].\n"
    )
    names = {o.name: o.aliases for o in a.organizations}
    assert "OpenAI" in names
    assert "Google" in names
    nvidia = [n for n in names if n.lower() == "nvidia"]
    assert len(nvidia) == 1
    assert [x.lower() for x in names[nvidia[0]]] == ["nvidia"]
    assert any(n.startswith("Scale") for n in names)


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("The company is reportedly seeking a partnership.", Stance.REPORTED),
        ("According to Bloomberg, the deal is near.", Stance.REPORTED),
        ("Sources familiar with the matter said talks stalled.", Stance.REPORTED),
        ("Apple proposed an exit, the Wall Street Journal reported.", Stance.REPORTED),
        ("Mark Chen refuted claims that research was neglected.", Stance.DENIED),
        ("The firm denied any wrongdoing.", Stance.DENIED),
        ("Altman rejected Musk's claim.", Stance.DENIED),
        ("She dismissed concerns about the deal.", Stance.DENIED),
        ("He called the report false.", Stance.DENIED),
        ("The company has acknowledged the problem.", Stance.ACKNOWLEDGED),
        ("The CEO admitted mistakes were made.", Stance.ACKNOWLEDGED),
        ("He conceded that costs were high.", Stance.ACKNOWLEDGED),
        ("Anthropic did not admit wrongdoing.", Stance.ASSERTED),
        ("The board rejected the offer.", Stance.ASSERTED),
        ("Nvidia reported revenue of $30 billion.", Stance.ASSERTED),
        ("OpenAI is facing significant resource constraints.", Stance.ASSERTED),
    ],
)
def test_stance(sentence: str, stance: Stance) -> None:
    assert stance_of(sentence) is stance


def test_one_claim_per_statement_with_speaker_and_citations() -> None:
    a = load_article(
        "H\nW·2025-01-01\n\nCore Viewpoint - OpenAI faces turnover [1]. Group 1: Response - OpenAI's leadership, "
        "particularly Mark Chen, has publicly refuted claims that research is neglected. Chen said the lab still "
        "funds long-term work [6][7]. - The company is reportedly seeking a $100 billion partnership with NVIDIA [8].\n"
    )
    got = [(c.text[:20], c.stance, c.speaker, c.citations) for c in a.claims]
    assert got == [
        ("OpenAI faces turnove", Stance.ASSERTED, None, [1]),
        ("OpenAI's leadership,", Stance.DENIED, "Mark Chen", [6, 7]),
        ("Chen said the lab st", Stance.ASSERTED, "Mark Chen", [6, 7]),
        ("The company is repor", Stance.REPORTED, None, [8]),
    ]


def test_company_reference_resolves_to_the_last_organization() -> None:
    a = load_article(
        "H\nW·2025-01-01\n\nCore Viewpoint - OpenAI is short of compute [1]. - The company has acknowledged the "
        "problem [2].\n"
    )
    assert a.claims[-1].speaker == "OpenAI"
    assert a.claims[-1].stance is Stance.ACKNOWLEDGED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a $100 billion partnership", [("$100 billion", FigureKind.MONEY, 100e9, "USD")]),
        ("up about 10% on the day", [("about 10%", FigureKind.PERCENT, 10.0, "%")]),
        ("a fine of €10 billion", [("€10 billion", FigureKind.MONEY, 10e9, "EUR")]),
        ("paying CHF 3 billion for it", [("CHF 3 billion", FigureKind.MONEY, 3e9, "CHF")]),
        ("it bought 433.3 million shares", [("433.3 million shares", FigureKind.COUNT, 433.3e6, "shares")]),
        ("priced at 215,900 yuan", [("215,900 yuan", FigureKind.MONEY, 215900.0, "CNY")]),
        ("投资1000亿美元", [("1000亿美元", FigureKind.MONEY, 1000e8, "USD")]),
        ("rates fell 25 basis points in 2025", []),
        ("the GPT-5 models and Llama 4 models", []),
        (
            "more than 700 employees signed",
            [("more than 700 employees", FigureKind.COUNT, 700.0, "employees")],
        ),
        # Figures are tried only at a currency sign or code and at a number's first digit; the word of
        # approximation is read back from there.
        (
            "roughly US$3 m and HK$2bn later",
            [("roughly US$3 m", FigureKind.MONEY, 3e6, "USD"), ("HK$2bn", FigureKind.MONEY, 2e9, "HKD")],
        ),
        (
            "margins moved -2.5% while usd40 million left",
            [("-2.5%", FigureKind.PERCENT, -2.5, "%"), ("usd40 million", FigureKind.MONEY, 40e6, "USD")],
        ),
        ("营收约30亿元", [("约30亿元", FigureKind.MONEY, 30e8, "CNY")]),
        ("version 1.2,5 of 3,000 units", [("3,000 units", FigureKind.COUNT, 3000.0, "units")]),
    ],
)
def test_figures(text: str, expected: list[tuple[str, FigureKind, float, str]]) -> None:
    got = [(f.text, f.kind, f.value, f.unit) for f in figures_of(text)]
    assert got == expected


def test_extraction_does_not_need_the_registry(seed_text: str) -> None:
    a = load_article(seed_text)
    names = {p.name for p in a.people}
    assert "Mark Chen" in names
    assert all(" " in n for n in names)  # full names, no stray single words
    assert not {"Scaling Law", "Core Viewpoint", "Executive Departures"} & names
    denial = next(c for c in a.claims if c.stance is Stance.DENIED)
    assert denial.speaker == "Mark Chen"
    assert any(f.text == "$100 billion" for c in a.claims for f in c.figures)
    assert {c.stance for c in a.claims} >= {
        Stance.ASSERTED,
        Stance.DENIED,
        Stance.ACKNOWLEDGED,
        Stance.REPORTED,
    }


def test_headline_mentions_known_people_only() -> None:
    a = load_article(
        "Intel Names Lip-Bu Tan As Chief Executive In Big Bet\nW·2025-01-01\n\nCore Viewpoint - Intel named "
        "Lip-Bu Tan CEO [1]. - Tan said the turnaround will take time [2].\n"
    )
    assert [p.name for p in a.people] == ["Lip-Bu Tan"]


def orgs(body: str) -> dict[str, list[str]]:
    a = load_article(f"Headline\nWire·2025-05-01 10:00\n\nCore Viewpoint - {body}\n")
    return {o.name: o.aliases for o in a.organizations}


@pytest.mark.parametrize(
    ("body", "name", "alias"),
    [
        (
            "The Federal Reserve held rates steady [1]. The Fed said inflation is easing [2].",
            "Federal Reserve",
            "Fed",
        ),
        (
            "The European Commission fined Apple [1]. The Commission said Apple broke the rules [2].",
            "European Commission",
            "Commission",
        ),
        (
            "The European Central Bank held rates [1]. The ECB said prices are stable [2].",
            "European Central Bank",
            "ECB",
        ),
        ("The Bank of England held rates [1]. The Bank said growth is slow [2].", "Bank of England", "Bank"),
    ],
)
def test_short_forms_join_the_long_name(body: str, name: str, alias: str) -> None:
    found = orgs(body)
    assert alias not in found
    assert alias in found[name]


def test_short_form_speaker_and_member_take_the_long_name() -> None:
    a = load_article(
        "Headline\nWire·2025-05-01 10:00\n\nCore Viewpoint - The Federal Reserve held rates [1]. "
        "Fed Chair Jerome Powell said the Fed is patient [2]. The Fed said prices are easing [3].\n"
    )
    assert {p.name: p.organization for p in a.people}["Jerome Powell"] == "Federal Reserve"
    assert "Federal Reserve" in {c.speaker for c in a.claims}
    assert "Fed" not in {c.speaker for c in a.claims}


@pytest.mark.parametrize(
    ("body", "short"),
    [
        ("The World Bank and the Bank of England met [1]. The Bank said growth is slow [2].", "Bank"),
        ("Intel and the Central Intelligence Agency met [1]. Intel said the deal is near [2].", "Intel"),
    ],
)
def test_short_forms_stay_apart_when_they_could_be_either(body: str, short: str) -> None:
    found = orgs(body)
    assert not any(short in aliases for aliases in found.values()), found


@pytest.mark.parametrize(
    "body",
    [
        "The European Commission fined Apple under the Digital Markets Act [1].",
        "Intel benefits from the CHIPS Act and the Inflation Reduction Act, Intel said [1].",
        "Companies like Meta oppose the Online Safety Bill and the AI Act [1].",
        "Apple said the Digital Markets Act (《数字市场法》) hurts users [1].",
        "欧盟委员会依据《数字市场法》对苹果罚款，苹果公司表示将上诉[1]。",
    ],
)
def test_laws_are_not_organizations(body: str) -> None:
    found = orgs(body)
    for name, aliases in found.items():
        for form in (name, *aliases):
            assert not form.endswith(("Act", "Bill", "法", "》")), (form, found)


def test_a_statement_keeps_its_first_figures_in_text_order() -> None:
    from bot.article.extract.figures import MAX_FIGURES

    text = " ".join(f"{i}% and ${i}" for i in range(1, 400))
    got = figures_of(text)
    assert len(got) == MAX_FIGURES
    assert [f.text for f in got[:4]] == ["1%", "$1", "2%", "$2"]
    assert [f.value for f in got if f.kind is FigureKind.PERCENT] == [float(i) for i in range(1, 51)]


def test_a_verb_after_many_unclosed_quotation_marks_is_outside_quotes() -> None:
    from bot.article.extract.claims import _verb_outside_quotes

    text = "“" * 2000 + " Shares fell, “this is a long quote” Maria Lund said."
    verb = _verb_outside_quotes(text)
    assert verb is not None and verb.group(0) == "said"
