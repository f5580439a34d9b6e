"""Issue 21 item 2, found again in verification: an article naming thousands of people in thousands of claims
(a 1 MB Article JSON upload) was indexed in time claims x spellings, on the event loop, and /about went
unanswered for 9 s. Claims are now scanned once each when an article has many spellings; these tests hold the
scan to the per-spelling search it replaces (time is the bench's business, not asserted here)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.article import load_article
from bot.library.core import Library
from bot.library.index import _SCAN_FROM, _FormScan, _mentioned
from bot.library.index import mentions as _mentions

_ALPHABET = "ab -_.(黄仁"
texts = st.text(alphabet=_ALPHABET, max_size=40)
forms = st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=6).map(str.strip), max_size=12)


@settings(max_examples=400, deadline=None)
@given(text=texts, spellings=forms)
def test_one_scan_finds_what_the_search_per_spelling_finds(text: str, spellings: list[str]) -> None:
    expected = {f for f in spellings if f and f in text and _mentions(text, f)}
    assert _mentioned(text, _FormScan(spellings)) == expected


def test_whole_words_and_chinese_spellings_in_one_scan() -> None:
    scan = _FormScan(["Mark Chen", "Chen", "Open", "黄仁勋", "-x", "Mark"])
    assert _mentioned("Mark Chen met Cheng at OpenAI; 黄仁勋说 a-x", scan) == {
        "Mark Chen",
        "Mark",
        "Chen",
        "黄仁勋",
    }
    assert _mentioned("", scan) == set()


def _many_people(n: int) -> str:
    people = [{"name": f"Pera{i}x Quin{i}y", "aliases": [f"Quin{i}y"]} for i in range(n)]
    claims = [
        {
            "text": f"Pera{i}x Quin{i}y told Quin{(i + 1) % n}y and Quin{i}yz so.",
            "speaker": f"Pera{i}x Quin{i}y",
        }
        for i in range(n)
    ]
    return json.dumps({"id": "many", "title": "Many people", "people": people, "claims": claims})


def test_an_article_with_many_spellings_links_claims_as_one_with_few() -> None:
    many = Library([load_article(_many_people(_SCAN_FROM))])  # 2 spellings each: the scan
    person = many.person("Pera7x Quin7y")
    about = many.person("Pera8x Quin8y")
    assert person is not None and about is not None
    assert [r.claim.text for r in many.claims_by(person)] == ["Pera7x Quin7y told Quin8y and Quin7yz so."]
    assert [r.claim.text for r in many.claims_about(about)] == ["Pera7x Quin7y told Quin8y and Quin7yz so."]

    few = Library([load_article(_many_people(3))])  # 6 spellings: searched one by one
    third = few.person("Pera2x Quin2y")
    assert third is not None
    assert [r.claim.text for r in few.claims_about(third)] == ["Pera1x Quin1y told Quin2y and Quin1yz so."]
