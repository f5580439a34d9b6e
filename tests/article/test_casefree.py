"""Case-free twins of re.I patterns and their gates find exactly what the patterns find."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.article.casefree import CaseFree, lower_text
from bot.article.extract import claims, figures, stance
from bot.article.extract.tokens import statements_of
from bot.article.parse import Skeleton, parse
from bot.article.text import ArticleError, decode

ROOT = Path(__file__).resolve().parents[2]

# One phrase (at least) for every alternative of the gated patterns, in several spellings below.
PHRASES = """
The company denied the report. It denies it. They were denying everything. A flat denial.
She refuted the claims; he rebutted them; the firm pushed back on the story.
It rejected the allegations. He dismissed the reports as noise. They disputed that notion.
It contested the characterization. The bank countered the idea that it failed.
He called the story completely false. She called it baseless. They called the claims fake news.
The claim is not true. That was untrue. There is no truth to it. It is baseless.
He rejected what he called a smear. The suit is entirely without merit. There was no factual basis.
The report is made up; a made-up story; a fabrication; fabricated quotes.
The article isn't accurate in any way. It was not entirely accurate. Replete with inaccuracies.
False and misleading. He categorically ruled it out. That has never happened. It has never been so.
The allegations, first aired on Monday, are simply incorrect. Reports that it left are wrong.
The rumours about a sale were false. The story is fiction. The claims are nonsense.
The company has no plans to sell. It has no intention to leave. They are not in talks. No such deal.
He acknowledged the error. She admits it. They conceded defeat. He recognized that it failed.
I regret it. He regretted the remarks. She apologized. We apologise. An apology. Apologies to all.
Sorry. Mea culpa. He took full responsibility. She takes personal responsibility. Fell on his sword.
I wrongly assumed it. I clearly failed. We simply failed. He made some mistakes. My fault. My mistake.
The firm confirmed the layoffs. It confirms reports of job cuts. It confirmed the breach.
It did not admit wrongdoing. Without admitting fault. No admission of guilt. He would not concede.
He did not deny it. She does not dispute the figures. They could not refute it.
It reportedly left. According to people familiar. He is said to be leaving. It was reported to be.
She is rumoured to be. He was believed to be. It is understood to be. It has been reported.
Sources familiar with the matter. Source close to him said. People briefed on it. Reports suggest so.
Rumors swirl. Allegedly. The alleged fraud. Purportedly so. It is understood. He did not confirm it.
Media reports said so. It reported that sales fell. Citing people familiar. Cited documents show it.
The deal was reported. Bloomberg reported. Reuters said on Monday. The Financial Times reported Sunday.
It was first reported by The Information. According to a report in the Wall Street Journal, it fell.
According to the New York Times it did. The Times said so. Nikkei Asia wrote. Bloomberg News says so.
He said. She says. They told reporters. Analysts noted. He added. It took responsibility. Nadella concluded.
It raised $5 billion; about US$3 m; EUR 40 mln; nearly 12 million dollars; 300 Swiss francs; HK$2bn.
Sales rose about 3.5 percent, 2 percentage points, 7% and 4 per cent; it cut 10,000 jobs and 1.2 million users.
Some 400 Nvidia chips; at least 5 billion parameters; Llama 4 models; 2025 models; more than 30 ASML machines.
It is utterly false. The claim was absolutely untrue. He flatly rejected it. The story is fake news.
The charges are groundless. There is no foundation to it. The note lacks any substance. We found nothing.
The audit found no evidence of fraud. The data does not support the claims. It spread false claims.
She never threatened anyone. He has not paid the fee. They disagree with the findings of the panel.
He "flatly rejected" allegations. It called the note "false and misleading." The memo was defamatory.
She walked back the remarks. I was wrong. My comments were inappropriate. We spoke clumsily that day.
Our policy was not consistent with our values. He backed down from the plan.
The report said sales fell. The story added that he left. The article claimed it was sold.
He called the claim "complete nonsense." She called the story "a lie." They called it "absurd."
The note was without foundation. Nothing could be further from the truth. We are not aware of any deal.
It mischaracterized the talks. It misrepresents our plan. It distorted the facts. It contained inaccuracies.
He has never engaged in it. We accept full responsibility. He owned up to it. We got it wrong. We fell short.
I should not have said it. We should have known. People with knowledge of the talks. The newspaper reported.
该说法不存在。纯属虚构。虚假信息。没有任何依据。对不起大家。深刻反省。自我批评。我的失误。
有媒体报道称。另有报道指出。路透援引消息人士。有自媒体发文称。网帖称。网友爆料。
该报道与事实不符。此事并非如此。他从未说过。公司未曾收到。有人散播谣言。纯属捏造。恶意抹黑。
市场传言公司将被收购。网传他已离职。对方声称已达成协议。有消息称他将离职。据某报报道，公司将裁员。
公司未对外披露也未回应。该公司并未收到通知。监管部门未对企业出台政策。个人失误。认识不足。发表不当言论。
公司否认了报道。他驳斥传闻。纯属谣言。消息不实。报道失实。空穴来风。据报道，公司将裁员。
据悉他将离职。知情人士称。他承认错误并道歉。公司并无相关计划。暂无计划。彭博社报道称。路透援引消息。
""".split("\n")

SPECIAL = ["He dıd not deny it.", "It waſ reported that.", "İt was denied.", "The KELVIN denied it."]


def _corpus_statements() -> list[str]:
    out: list[str] = []
    files = sorted((ROOT / "config" / "articles").glob("*.txt")) + sorted(
        (ROOT / "tests" / "data").rglob("*.txt")
    )
    for path in files:
        try:
            parsed = parse(decode(path.read_bytes()))
        except ArticleError:
            continue
        if isinstance(parsed, Skeleton):
            out.extend(s.text for s in statements_of(parsed.core_raw, parsed.raw_sections))
    return out


def _texts() -> list[str]:
    texts = [p.strip() for p in PHRASES if p.strip()]
    sentences = [s for t in texts for s in re.split(r"(?<=[.;。])\s*", t) if s]
    variants = [v for s in sentences for v in (s, s.upper(), s.title(), s.swapcase())]
    return variants + SPECIAL + _corpus_statements()


TEXTS = _texts()
GATED = {
    **{name: getattr(stance, name) for name in dir(stance) if isinstance(getattr(stance, name), CaseFree)},
    "_VERB": claims._VERB,
    **{f"figures {p.pattern[-12:]}": twin for p, twin in figures._TWINS.items()},
}


def spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(GATED))
def test_twin_and_gate_find_what_the_pattern_finds(name: str) -> None:
    cf = GATED[name]
    hits = 0
    for text in TEXTS:
        want = spans(cf.pattern.finditer(text))
        assert spans(cf.finditer(text)) == want, (name, text)
        assert spans(cf.finditer(text, lower_text(text))) == want, (name, text)
        first = cf.search(text)
        assert (first.span() if first else None) == (want[0] if want else None), (name, text)
        hits += bool(want)
    assert hits >= 3, name  # the phrases above exercise every pattern


def test_outlet_gate_is_necessary() -> None:
    for text in TEXTS:
        if claims._OUTLET_SOURCE.search(text):
            low = lower_text(text)
            assert low is None or claims._OUTLET_GATE.search(low), text


def test_verb_tries_keep_the_old_alternation() -> None:
    from bot.article.lexicon import SPEECH_VERBS

    old = re.compile(
        r"\b(?:"
        + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
        + r"|acknowledg\w*|admit\w*|conced\w*|refut\w*"
        r"|reject\w*|dismiss\w*|den(?:y|ies|ied)|apologi[sz]\w*|regrett\w*|took responsibility|concluded)\b"
        r"|表示|称|认为|指出|强调|回应|否认|承认|透露|告诉",
        re.I,
    )
    for text in TEXTS:
        assert spans(claims._VERB_RE.finditer(text)) == spans(old.finditer(text)), text


def test_lower_text_keeps_positions() -> None:
    assert lower_text("Mr. ABC") == "mr. abc"
    assert lower_text("dıd waſ") == "did was"
    assert lower_text("İstanbul") is None
    with pytest.raises(ValueError, match="IGNORECASE"):
        CaseFree(re.compile("x"))
