"""Plain news that starts straight into the story: no headline line above the first paragraph."""

from __future__ import annotations

from bot.article import ArticleFormat, load_article


def test_a_dateline_first_line_is_body_not_title() -> None:
    text = (
        "LISBON (Reuters) - Harbour operator Portmar said on Friday it had never agreed to sell its terminals.\n\n"
        '"The report is simply wrong," chief executive Marta Sousa said.'
    )
    a = load_article(text)
    assert a.format is ArticleFormat.PLAIN
    assert a.title.startswith("Harbour operator Portmar said on Friday")
    assert "LISBON" not in a.title
    assert any("never agreed to sell" in c.text for c in a.claims)
    assert any("simply wrong" in c.text for c in a.claims)


def test_a_long_finished_first_paragraph_is_body() -> None:
    text = (
        "A lawsuit filed against the grain trader Vellmark over its storage fees is entirely baseless, the company "
        "said in a filing with regulators on Tuesday.\n\n"
        "The trader added that it would defend itself in court."
    )
    a = load_article(text)
    assert a.title.startswith("A lawsuit filed against the grain trader Vellmark")
    assert len(a.title) <= 120
    assert any("entirely baseless" in c.text for c in a.claims)


def test_a_chinese_first_paragraph_is_body() -> None:
    text = (
        "5月2日上午，青禾食品发布消息称，近期网络上出现有关其工厂停产的说法，对公司声誉造成误导，公司生产经营一切正常。\n\n"
        "青禾食品表示，将保留追究法律责任的权利。"
    )
    a = load_article(text)
    assert a.title.startswith("5月2日上午")
    assert any("生产经营一切正常" in c.text for c in a.claims)


def test_a_chinese_wire_dateline_is_body() -> None:
    for opening in ("新华网上海6月3日电 ", "【本报讯】", "9月9日讯 "):
        text = opening + "云帆科技当天表示，关于裁员的传言不实。\n\n该公司还称，业务运转正常。"
        a = load_article(text)
        assert not a.title.startswith(("新华", "【", "9月9日讯")), a.title
        assert any("传言不实" in c.text for c in a.claims), opening


def test_a_first_line_broken_mid_sentence_runs_on() -> None:
    text = (
        "The transport ministry confirmed on Monday that the new ferry line would open in May, said minister Ana\n"
        "maria Costa, who added that tickets would go on sale next week.\n\n"
        "Operators welcomed the decision."
    )
    a = load_article(text)
    assert a.title.startswith("The transport ministry confirmed")
    assert any("new ferry line" in c.text for c in a.claims)


def test_real_headlines_stay_titles() -> None:
    for headline in (
        "Portmar denies it will sell its terminals",
        "Vellmark calls lawsuit over storage fees baseless as shares slide on the news",
        "Is the grain trade heading for a fall?",
        "青禾食品回应停产传闻",
    ):
        a = load_article(headline + "\n\nThe company said on Friday that its plants were running as normal.")
        assert a.title == headline
