"""Phase 'cjk': names written in two scripts ('黄仁勋 (Jensen Huang)') and Chinese names in Chinese text."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable

from ..lexicon import (
    CJK_GIVEN_CHARS,
    CJK_NOT_NAMES,
    CJK_SURNAMES,
    CJK_TRANSLITERATION,
    ROLE_HEADS,
    ROLE_MODIFIERS,
)
from ..names import has_cjk, is_cjk_name, is_given_name, key
from ..traditional import fold_traditional
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
# Roles and kin before a name ('国务院总理李强', '董事会秘书陈某', '父亲黄某'): the name reads from where they end.
_CN_ROLES_BEFORE = "|".join(
    sorted(
        {
            *_CN_ROLES.split("|"),
            *"""董事会秘书 副董事长 执行董事 独立董事 董事 监事 总理 副总理 主任 秘书长 书记 省长 市长 局长 行长 院长
            校长 社长 主编 总编辑 编辑 记者 经理 合伙人 院士 律师 法定代表人 掌门人 牵头人 实际控制人 实控人 控股股东
            父亲 母亲 妈妈 爸爸 妻子
            丈夫 儿子 女儿 哥哥
            弟弟 姐姐 妹妹""".split(),
        },
        key=len,
        reverse=True,
    )
)
_CN_SPEECH = "表示|称|认为|指出|强调|回应|否认|承认|透露|坦言|介绍|说|宣布|驳斥|警告|预计|预测|告诉"
# Verbs that follow a person in news text: saying, and what executives do in filings ('沈某发布', '吴某辞去').
_CN_AFTER_NAME_VERBS = "|".join(
    sorted(
        {
            *_CN_SPEECH.split("|"),
            *"""建议 发言 发文 写道 直言 笑称 补充 辞去 辞任 辞职 递交 提交 出任 担任 接任 当选 发布 代为 代行 主持
            会见 访问 现身 先生 女士 小姐 博士 手中 暂时 申请 回应道 因工作 继任 兄弟 今日 今天 昨日 昨天 近日 日前 此前
            的父亲 的母亲 的妈妈 的爸爸 的妻子
            的丈夫
            的儿子 的女儿 拍摄 摄""".split(),
        },
        key=len,
        reverse=True,
    )
)
# Words before a name in filings: '收到某某的辞职报告', '选举某某为董事长'.
_CN_BEFORE_NAME = "收到|接到|选举|推举|任命|聘任|聘请|提名|感谢"
_HAN = r"[\u4e00-\u9fff]"
# A name after a role (with an optional '(CEO)' or '为' between), before a verb, after a filing word.
_CN_ROLE_NAME = re.compile(
    rf"(?:{_CN_ROLES_BEFORE})(?:\s*[(（][A-Za-z ]{{1,12}}[)）])?\s*(?:为|是)?\s*(?={_HAN})"
)
_CN_FILING_NAME = re.compile(rf"(?:{_CN_BEFORE_NAME})(?={_HAN})")
_CN_BY_NAME = re.compile(rf"由(?!于)(?={_HAN})")
_CN_VERB_AT = re.compile(rf"(?:{_CN_AFTER_NAME_VERBS})")
# At a word edge (not after a Han character, or after one that stands before names), a surname and two
# given-name characters.
_CN_EDGE_NAME = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[的和与及、由向对据被让请给跟在称说到于]))"
    rf"[{''.join(sorted(CJK_SURNAMES))}][{''.join(sorted(CJK_GIVEN_CHARS))}]{{2}}"
)
# A transliterated name: Han characters on both sides of a middle dot.
_CN_DOTTED = re.compile(rf"{_HAN}[·•・]{_HAN}")


# Single characters that follow a name and never end one; verbs are matched whole (_CN_VERB_AT), so '强' in
# '李克强' is not taken for the start of '强调'.
_AFTER_NAME = frozenset("在的和与对也将已于是被把向从为等则就都又还因")
# What may stand right before a name read from the verb after it (otherwise the name has no left edge:
# '同时一并辞去' is no name): anything but a Han character, or one of these.
_BEFORE_NAME = frozenset("的和与及、由向对据被让请给跟在称说到于")
# Words whose second character is a surname, after a character that may stand before names: '对方', '于是'.
_WORD_ENDING_IN_SURNAME = frozenset(
    "对方 双方 各方 官方 警方 校方 院方 资方 买方 卖方 甲方 乙方 一方 多方 军方 外方 中方 美方 我方 他方 对手 和平 与会".split()
)
_CN_ROLE_RE = re.compile(rf"(?:{_CN_ROLES}|官|长)")


def cjk_name_in(text: str) -> str | None:
    """The personal name at the end of a Chinese phrase: '英伟达首席财务官科莱特·克雷斯' -> '科莱特·克雷斯',
    '英伟达黄仁勋' -> '黄仁勋'."""
    roles = list(_CN_ROLE_RE.finditer(text))
    if roles:
        text = text[roles[-1].end() :]
    if "·" in text or "•" in text:
        dotted = _dotted_names(text)
        return dotted[-1] if dotted and text.endswith(dotted[-1]) else None
    for size in (3, 2, 4):
        if len(text) >= size and is_cjk_name(text[-size:]):
            return text[-size:]
    return None


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _chinese_name(name: str) -> bool:
    return is_cjk_name(name) and name not in CJK_NOT_NAMES and name[:2] not in CJK_NOT_NAMES


def _name_from(text: str, i: int) -> str | None:
    """The Chinese name that starts at ``text[i]``: three characters, or two when the third starts a word
    that follows names ('黄博先生', '沈某发布', '吴某辞去', '李强在')."""
    if text[i : i + 1] in _NOT_FIRST or _CN_ROLE_AT.match(text, i + 1):
        return None  # '董事长和首席执行官': no name starts with '和' or runs into a role
    three = text[i : i + 3]
    if len(three) == 3 and _chinese_name(three):
        rest = text[i + 2 : i + 6]
        if not (three[2] in _AFTER_NAME or _CN_VERB_AT.match(rest)):
            return three
    two = text[i : i + 2]
    return two if len(two) == 2 and _chinese_name(two) else None


_NOT_FIRST = frozenset("和与及或兼由")
_CN_HONOUR = re.compile("先生|女士|小姐")
_CN_ROLE_AT = re.compile(rf"(?:{_CN_ROLES_BEFORE}|首席)")


def _dotted_names(text: str) -> list[str]:
    """'埃隆·马斯克', '罗宾·德诺姆': each part runs as far as transliteration characters do, and a role word before
    the first part is not part of it."""
    found: list[str] = []
    done = 0
    for m in _CN_DOTTED.finditer(text):
        dot = m.start() + 1
        if dot < done:
            continue
        a = dot
        while a > max(done, dot - 6) and text[a - 1] in CJK_TRANSLITERATION:
            a -= 1
        parts = [text[a:dot]]
        b = dot
        while b < len(text) and text[b] in "·•・":
            c = b + 1
            while c < min(len(text), b + 7) and text[c] in CJK_TRANSLITERATION:
                c += 1
            if c == b + 1:
                break
            parts.append(text[b + 1 : c])
            b = c
        done = b
        name = "·".join(parts)
        if len(parts) >= 2 and all(len(p) >= 2 for p in parts) and is_cjk_name(name):
            found.append(name)
    return found


def _cn_names(text: str) -> list[str]:
    """Chinese names where a cue marks them: a role before ('总理李强'), a verb of saying or an executive's
    verb after ('黄某表示', '吴某辞去'), a filing word before ('收到某某的'), and transliterations ('埃隆·马斯克')."""
    found: list[str] = _dotted_names(text)
    for m in _CN_ROLE_NAME.finditer(text):
        i = m.end()
        if _CN_DOTTED.match(text, i + 1) or _CN_DOTTED.match(text, i + 2) or _CN_DOTTED.match(text, i + 3):
            continue  # a transliteration: found above
        verb = _CN_VERB_AT.match(text, i + 4)
        if (
            verb
            and all(_is_han(c) for c in text[i : i + 4])
            and text[i + 3] not in _AFTER_NAME
            and text[i] not in _NOT_FIRST
            and not (_CN_VERB_AT.match(text, i + 2) or _CN_VERB_AT.match(text, i + 3))
        ):
            # A foreign name of four characters without a dot, between a role and a verb: '首席执行官贝兰克梵表示'.
            if text[i : i + 4] not in CJK_NOT_NAMES:
                found.append(text[i : i + 4])
            continue
        name = _name_from(text, i)
        if name is None:
            # a surname beyond the common list, between a role and a title: '负责人茅某先生'
            for size in (2, 3):
                honour = _CN_HONOUR.match(text, i + size)
                word = text[i : i + size]
                if honour and all(_is_han(c) for c in word) and word not in CJK_NOT_NAMES:
                    name = word
                    break
        if name:
            found.append(name)
    for m in _CN_VERB_AT.finditer(text):
        v = m.start()
        for size in (3, 2):
            start = v - size
            if start < 0 or (start > 0 and _is_han(text[start - 1]) and text[start - 1] not in _BEFORE_NAME):
                continue
            if start > 0 and text[start - 1 : start + 1] in _WORD_ENDING_IN_SURNAME:
                continue  # '对方还透露', '双方表示': the surname character ends a word, no name starts there
            name = _name_from(text, start)
            if name and start + len(name) == v:
                found.append(name)
                break
    for m in _CN_FILING_NAME.finditer(text):
        name = _name_from(text, m.end())
        if name:
            found.append(name)
    for m in _CN_BY_NAME.finditer(text):
        # '由某某担任', '由某某博士担任', '由某某将…': '由' marks a name only when a verb or '将' follows it.
        name = _name_from(text, m.end())
        after = m.end() + len(name) if name else 0
        if name and (_CN_VERB_AT.match(text, after) or text[after : after + 1] == "将"):
            found.append(name)
    return found


def repeated_names(sentences: list[str]) -> list[str]:
    """Three-character names that no cue marks but that stand at a word edge twice or more: a surname, then
    two characters common in given names ('董明珠 … ，董明珠此刻')."""
    counts: Counter[str] = Counter()
    for text in sentences:
        if has_cjk(text):
            # Counted where the name reads the same from its first character ('张某先生' is '张某', not '张某先').
            counts.update(
                m.group() for m in _CN_EDGE_NAME.finditer(text) if _name_from(text, m.start()) == m.group()
            )
    return [n for n, k in counts.items() if k >= 2 and _chinese_name(n) and n[2] not in _AFTER_NAME]


def _in_original(find: Callable[[str], list[str]], text: str) -> list[str]:
    """``find`` run on ``text`` read as Simplified (the name cues are Simplified): each name as ``text``
    writes it ('董事長周明遠表示' -> '周明遠')."""
    folded = fold_traditional(text)
    found = find(folded)
    return found if folded is text else _back_to_original(found, [folded], [text])


def _back_to_original(names: list[str], folded: list[str], original: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        for f, o in zip(folded, original, strict=True):
            at = f.find(name) if f is not o else -1
            if at >= 0:
                out.append(o[at : at + len(name)])
                break
        else:
            out.append(name)
    return out


_CN_BYLINE_ROLE = re.compile(r"(?:记者|编辑|作者|撰文|责编|通讯员|摄影|特约撰稿)\s*[:：]?\s*")


def byline_names(byline: str) -> list[str]:
    """The writers named in a Chinese byline ('每经记者 张某 每经编辑 李某', '記者 陳某')."""
    folded = fold_traditional(byline)
    if not _CN_BYLINE_ROLE.search(folded):
        return []
    return _in_original(_cn_names, byline)


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
            # One Latin word ('开立(Carrier)', 'CES(国际电子消费展)') names a person only when the Chinese side
            # is a name by itself, not the tail of a longer phrase that happens to start with a surname.
            whole = cjk == raw_cjk or bool(_CN_ROLE_RE.search(raw_cjk[: len(raw_cjk) - len(cjk)]))
            if (is_cjk_name(cjk) and (whole or len(latin.split()) >= 2)) or (
                len(latin.split()) >= 2 and is_given_name(latin.split()[0])
            ):
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
            cn_people.extend(_in_original(_cn_names, text))
    folded = [fold_traditional(t) for t in sentences]
    cn_people.extend(_back_to_original(repeated_names(folded), folded, sentences))
    # Each pair adds to every candidate of its name; the first role and organization a pair gives fill gaps.
    for k, given in boosts.items():
        role = next((r for r, _ in given if r), None)
        org = next((o for _, o in given if o), None)
        for c in by_key[k]:
            c.score += 2 * len(given)
            c.role, c.org = c.role or role, c.org or org
    return pairs, org_pairs, cn_people
