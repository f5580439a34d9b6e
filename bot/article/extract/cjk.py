"""Phase 'cjk': names written in two scripts ('黄仁勋 (Jensen Huang)') and Chinese names in Chinese text."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict

from ..lexicon import ROLE_HEADS, ROLE_MODIFIERS
from ..names import has_cjk, is_cjk_name, is_given_name, key
from .people import Candidate
from .roles import _role_before
from .tokens import _STOP, Tok, tokenize

_PAIR_CJK_FIRST = re.compile(
    r"([\u4e00-\u9fff·•]{2,16})\s*\(\s*([A-Z][\w'’\-.]*(?:\s+[A-Z][\w'’\-.]*){0,3})\s*\)"
)
# Starts only at the start of a word, so a long word is read once, not once per letter (linear time).
_PAIR_LATIN_FIRST = re.compile(
    r"(?<![\w'’\-.])([A-Z][\w'’\-.]*(?:\s+[A-Z][\w'’\-.]*){0,3})\s*\(\s*([\u4e00-\u9fff·•]{2,8})\s*\)"
)
_CN_ROLES = (
    "创始人兼CEO|联合创始人|创始人|董事长|首席执行官|首席科学家|首席研究官|首席技术官|首席财务官|总裁|CEO|CTO|CFO|COO"
    "|总经理|副总裁|主席|部长|研究员|科学家|分析师|教授|负责人|高管|发言人"
)
_CN_SPEECH = "表示|称|认为|指出|强调|回应|否认|承认|透露|坦言|介绍|说|宣布|驳斥|警告|预计|预测|告诉"
# "万隆先生", "董明珠女士": an honorific after a name.
_CN_NAME_HONORIFIC = re.compile(r"([\u4e00-\u9fff]{2,3})(?=先生|女士)")
_CN_ROLE_NAME = re.compile(rf"(?:{_CN_ROLES})\s*([\u4e00-\u9fff]{{2,3}})")
_CN_NAME_SPEECH = re.compile(rf"([\u4e00-\u9fff]{{2,3}})(?={_CN_SPEECH})")


_AFTER_NAME = frozenset("在的和与对也将已于是被把向从为说称表认指强回否承透坦介宣驳警预等则就都又还")
_CN_ROLE_RE = re.compile(rf"(?:{_CN_ROLES}|官|长)")


def cjk_name_in(text: str) -> str | None:
    """The personal name at the end of a Chinese phrase: '英伟达首席财务官科莱特·克雷斯' -> '科莱特·克雷斯',
    '英伟达黄仁勋' -> '黄仁勋'."""
    roles = list(_CN_ROLE_RE.finditer(text))
    if roles:
        text = text[roles[-1].end() :]
    if "·" in text or "•" in text:
        return text if is_cjk_name(text) else None
    for size in (3, 2, 4):
        if len(text) >= size and is_cjk_name(text[-size:]):
            return text[-size:]
    return None


def _cn_names(text: str) -> list[str]:
    found: list[str] = []
    for m in _CN_ROLE_NAME.finditer(text):
        name = m.group(1)
        rest = text[m.end(1) :]
        if len(name) == 3 and (
            not is_cjk_name(name) or name[2] in _AFTER_NAME or re.match(_CN_SPEECH, name[2:] + rest)
        ):
            name = name[:2]
        if is_cjk_name(name):
            found.append(name)
    for m in itertools.chain(_CN_NAME_SPEECH.finditer(text), _CN_NAME_HONORIFIC.finditer(text)):
        name = m.group(1)
        for cut in (name, name[1:]):
            if is_cjk_name(cut):
                found.append(cut)
                break
    return found


def _pair_latin(latin: str, best: dict[str, float]) -> str:
    """The name part of 'Founder Liang Wenfeng' in 'Founder Liang Wenfeng (梁文锋)'; ``best`` is the best
    score of each name key found so far."""
    words = latin.split()
    for i in range(len(words)):
        if best.get(key(" ".join(words[i:])), 0.0) >= 2:
            return " ".join(words[i:])
    while len(words) > 2 and (
        words[0].lower() in _STOP or words[0].lower() in ROLE_HEADS or words[0].lower() in ROLE_MODIFIERS
    ):
        words.pop(0)
    return " ".join(words)


def pairs(
    sentences: list[str], tokens: list[list[Tok]], cands: list[Candidate]
) -> tuple[dict[str, set[str]], dict[str, set[str]], list[str]]:
    """Latin name key -> its Chinese spellings, organization name -> Chinese spellings, and Chinese names
    found in Chinese text. A pair adds evidence (and a role) to the candidates of its name, or a candidate."""
    pairs: dict[str, set[str]] = defaultdict(set)  # Latin name key -> CJK spellings
    org_pairs: dict[str, set[str]] = defaultdict(set)
    cn_people: list[str] = []
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_key[key(c.name)].append(c)
    # The best score per name key, kept current as pairs add evidence (what _pair_latin calls "known").
    best: dict[str, float] = {k: max(c.score for c in group) for k, group in by_key.items()}
    boosts: dict[str, list[tuple[str | None, str | None]]] = defaultdict(list)
    for text, stoks in zip(sentences, tokens, strict=True):
        first_at: dict[str, int] | None = None
        for raw_cjk, latin in [(m.group(1), m.group(2)) for m in _PAIR_CJK_FIRST.finditer(text)] + [
            (m.group(2), m.group(1)) for m in _PAIR_LATIN_FIRST.finditer(text)
        ]:
            cjk = cjk_name_in(raw_cjk) or raw_cjk[-8:]
            latin = _pair_latin(latin.strip(), best)
            if is_cjk_name(cjk) or (len(latin.split()) >= 2 and is_given_name(latin.split()[0])):
                k = key(latin)
                pairs[k].add(cjk)
                # The role before the name in whichever script comes first: "Nvidia CEO 黄仁勋 (Jensen Huang)".
                if first_at is None:
                    first_at = {}
                    for ti, t in enumerate(stoks):
                        first_at.setdefault(t.text, ti)
                at = [first_at[w] for w in (cjk, latin.split()[0]) if w in first_at]
                role, org, _ = _role_before(stoks, min(at)) if at else (None, None, False)
                if k not in by_key:
                    by_key[k].append(
                        Candidate(tokens=tokenize(latin), sentence=-1, score=0.5, cues={"cjk-pair"})
                    )
                    cands.extend(by_key[k])
                    best[k] = 0.5
                boosts[k].append((role, org))
                best[k] += 2
            else:
                org_pairs[latin].add(cjk)
        if has_cjk(text):
            cn_people.extend(_cn_names(text))
    # Each pair adds to every candidate of its name; the first role and organization a pair gives fill gaps.
    for k, given in boosts.items():
        role = next((r for r, _ in given if r), None)
        org = next((o for _, o in given if o), None)
        for c in by_key[k]:
            c.score += 2 * len(given)
            c.role, c.org = c.role or role, c.org or org
    return pairs, org_pairs, cn_people
