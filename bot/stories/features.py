"""What one article brings to story clustering, read once from the Article: its day, the identity keys of its
people and organizations (every spelling it gives, so 黄仁勋 and Jensen Huang are one person when the article
says so), its figures with normalized values, and the words of its title and text.

Pure: reads only the Article it is handed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from pypinyin import lazy_pinyin

from bot.article import Article, Claim, Figure, FigureKind
from bot.article.extract import figures_of  # the same reader the claims used
from bot.article.names import fold, has_cjk, key

# Figures: money and counts carry an event ("$97.4 billion", "433.3 million shares"); a percentage is far
# more often incidental ("shares rose 3%"), so it weighs less and a small round one hardly at all.
_MONEY_MIN = 1_000.0  # "$20.47 a share" is a price, not an event's figure
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LATIN_RE = re.compile(r"[a-z][a-z0-9'\-]+")

# Words that say nothing about which event an article is about. Deliberately general: no names, no topics.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are around as at be because been before being
    below between both but by can could did do does doing down during each early few for from further had has
    have having he her here hers him his how i if in into is it its itself just late later last like made make
    makes may me might more most much must my near nearly new next no nor not now of off on once one only or
    other our out over own per said same says say saying she should since so some still such than that the
    their them then there these they this those through to too under until up upon us very via was we were
    what when where which while who whom why will with within without would year years you your amid among
    according reported reportedly report reports told tells tell statement week weeks day days month months
    monday tuesday wednesday thursday friday saturday sunday january february march april june july august
    september october november december percent billion million trillion thousand dollars dollar company
    companies firm firms chief executive officer ceo cfo president group key points core viewpoint reportify
    news update updates first second third two three four five six ten plan plans planned set sets around
    amount announced announces announce announcement share shares people person public expected expects
    """.split()
)
# Chinese function characters: a bigram made only of these says nothing.
_CJK_FUNCTION = frozenset("的了是在和与及或也都就而对于将被把从向以为之其这那此该有个们称表示说据报道日月年")


# Kinds of event, each as English and Chinese reporting words it: across languages, where no other word can
# meet, two reports of one person that both tell of a rumour (or a resignation...) tell of one event more
# likely than two that share only the name. General news vocabulary: no names, no topics of one article.
EVENT_KINDS: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    # kind: (words as words_of gives them, phrases in the lower-cased text: English several words, Chinese)
    kind: (frozenset(words.split()), tuple(phrases.split("|")))
    for kind, words, phrases in (
        ("rumour", "rumour rumor", "传闻|谣言|辟谣"),
        (
            "resign",
            "resign resigned resigning resignation",
            "step down|steps down|stepped down|stepping down|辞职|辞去|请辞|卸任|离职",
        ),
        ("retire", "retire retired retirement", "退休"),
        ("acquire", "acquire acquired acquiring acquisition takeover merger", "收购|并购"),
        ("layoffs", "layoff", "lay off|laying off|job cuts|裁员"),
        ("lawsuit", "sue sues sued lawsuit", "起诉|诉讼"),
        ("probe", "probe investigate investigated investigation", "调查|立案"),
    )
}


# The words of business reporting in both languages, each line one notion: English words (as words_of gives
# them) | phrases found in the lower-cased text (Chinese, or English of several words). Across languages,
# where no word can meet, two reports that speak of the same notions (a court, a liquidation, a debt) are
# likelier one event. General vocabulary only: no names, no topics of one article.
_CONCEPT_TABLE = """
resign: resign resigned resigning resignation quit quitting | step down|steps down|stepped down|辞职|辞去|请辞|卸任|离职|下台
retire: retire retired retirement | 退休
dismiss: fired dismissed dismiss ousted ouster oust sacked | 解雇|免去|罢免|撤换|开除
appoint: appoint appointed successor succeed succeeded replace replaced replacing | 任命|接任|接替|出任|继任|接棒
interim: interim | 临时
board: board director | 董事会|董事
chairman: chairman chair | 董事长|主席
acquire: acquire acquired acquiring acquisition takeover merger | 收购|并购
invest: invest invested investing investment stake | 入股|投资|持股|股份
shareholder: shareholder investor | 股东|投资者
vote: vote voted voting approve approved approval | 投票|批准|赞成票
pay: pay compensation award salary | 薪酬|报酬
guilty: guilty plead pleaded plea | 认罪
fine: fine fined penalty | 罚款|罚金
settle: settle settlement settled | 和解
court: court judge ruling ruled | 法院|法官|裁定|判决|裁决
liquidation: liquidation liquidate liquidator | 清盘|清算
debt: debt liabilitie indebted creditor | 负债|债务|债权人
restructuring: restructuring | 重组
spinoff: spin-off spinoff split | 分拆|拆分
listing: listing ipo | 上市
cloud: cloud | 云业务|云计算|云服务|阿里云|云智能
chip: chip semiconductor chipmaker | 芯片|半导体
export: export curb restriction | 出口|限制|管制
government: government washington administration | 政府
grant: grant subsidy subsidie | 补贴|补助
outage: outage crash crashed meltdown disruption offline | 故障|宕机|蓝屏|瘫痪|死机
update: update software | 更新|软件
airline: airline flight | 航空公司|航班|航空
bank: bank | 银行
launch: launch launched unveil unveiled | 发布|推出
price: price priced pricing | 售价|价格|定价
order: order | 订单|锁单
car: electric sedan car vehicle carmaker automaker | 汽车|电动车|车型|轿车
plane: plane jet aircraft planemaker airplane fuselage | 飞机|客机|机身
hearing: hearing testify testified lawmaker congress | 听证会|国会|议员
data: data user | 数据|用户
ban: ban banned | 禁止|封禁
relationship: relationship romantic subordinate | 恋爱|恋情|下属
probe: probe investigation investigate investigated | 调查
earnings: earnings result quarter quarterly profit revenue sale | 财报|业绩|季度|利润|营收|销售|销量
stock: stock | 股价|股票
fall: fell fall drop dropped slump decline declined slid slide | 下跌|下滑|下降|大跌
rise: rose rise jumped jump gain surged | 上涨|大涨|涨幅
fund: fund | 基金
laundering: laundering | 洗钱
crypto: crypto bitcoin exchange | 加密|比特币|交易所
monitor: monitor oversee | 监察员|监督
fraud: fraud | 欺诈
safety: safety | 安全
supplier: supplier | 供应商
robot: robot | 机器人
valuation: valuation | 市值|估值
layoffs: layoff | lay off|job cuts|裁员
lawsuit: sue sued lawsuit | 起诉|诉讼
"""
CONCEPTS: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    name.strip(): (frozenset(words.split()), tuple(p.strip() for p in phrases.split("|") if p.strip()))
    for line in _CONCEPT_TABLE.strip().splitlines()
    for name, rest in [line.split(":", 1)]
    for words, phrases in [rest.split("|", 1)]
}


def concepts_of(words: Iterable[str], text: str) -> frozenset[str]:
    """The notions of :data:`CONCEPTS` the text speaks of; ``words`` are its words as :func:`words_of` gives."""
    present = set(words)
    low = text.lower()
    return frozenset(
        name
        for name, (concept_words, phrases) in CONCEPTS.items()
        if not present.isdisjoint(concept_words) or any(p in low for p in phrases)
    )


def event_kinds(words: Iterable[str], text: str) -> frozenset[str]:
    """The kinds of event the text tells of; ``words`` are its words as :func:`words_of` gives them."""
    present = set(words)
    low = text.lower()
    return frozenset(
        kind
        for kind, (kind_words, phrases) in EVENT_KINDS.items()
        if not present.isdisjoint(kind_words) or any(p in low for p in phrases)
    )


def day_of(article: Article) -> int | None:
    """The article's day as a proleptic ordinal (None when its date is missing or unreadable)."""
    text = (article.published_at or "")[:10]
    try:
        return date.fromisoformat(text).toordinal() if text else None
    except ValueError:
        return None


def figure_key(figure: Figure) -> str | None:
    """A normalized key: kind, unit and the value to three significant digits ('$100 billion' and '1000亿美元'
    give the same key); None for a figure too ordinary to tell events apart."""
    value = abs(figure.value)
    if value == 0 or math.isnan(value) or math.isinf(value):
        return None
    if figure.kind is FigureKind.MONEY and value < _MONEY_MIN:
        return None
    if figure.kind is FigureKind.COUNT and value < 10:
        return None
    digits = 2 - math.floor(math.log10(value))
    rounded = round(value, digits)
    unit = fold(figure.unit or "")
    return f"{figure.kind.value}:{unit}:{rounded:.6g}"


_MONTHS = {m[:3]: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_EN_DATE = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{3})"
)
_ZH_DATE = re.compile(r"(\d{1,2})月(\d{1,2})日")
DATE_WEIGHT = 0.5  # a day named in the text ('on October 13', '10月13日'): an effective date, a meeting


def date_keys(text: str) -> set[str]:
    """The days of the year the text names, as figure keys that meet across scripts: 'October 13' and
    '10月13日' both give 'date::10-13'. A date with a year after it is left out (a past event recalled)."""
    out: set[str] = set()
    for m in _EN_DATE.finditer(text):
        month, day = _MONTHS[m.group(1).lower()[:3]], int(m.group(2))
        if 1 <= day <= 31:
            out.add(f"date::{month:02d}-{day:02d}")
    for m in _ZH_DATE.finditer(text):
        month, day = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12 and 1 <= day <= 31:
            out.add(f"date::{month:02d}-{day:02d}")
    return out


def figure_weight(figure_key_: str) -> float:
    kind, _, value = figure_key_.split(":", 2)
    if kind == "date":
        return DATE_WEIGHT
    if kind == FigureKind.PERCENT.value:
        v = float(value)
        return 0.5 if v != round(v) or v >= 10 else 0.25
    return 1.0


def words_of(text: str) -> list[str]:
    """Content words: Latin words (lower case, a plural 's' dropped) and Chinese character pairs."""
    out: list[str] = []
    low = text.lower()
    for w in _LATIN_RE.findall(low):
        w = w.strip("'-")
        if len(w) < 3 or w in STOPWORDS:
            continue
        if w.endswith("s") and len(w) > 4 and not w.endswith("ss"):
            w = w[:-1]
        out.append(w)
    for run in _CJK_RE.findall(text):
        for i in range(len(run) - 1):
            pair = run[i : i + 2]
            if pair[0] in _CJK_FUNCTION and pair[1] in _CJK_FUNCTION:
                continue
            out.append(pair)
    return out


_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
_COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 司徒 东方 皇甫 令狐 慕容 尉迟 长孙 夏侯 公孙 端木".split()
)


def pinyin_keys(name: str) -> list[str]:
    """A Chinese personal name as English reporting spells it (董明珠 -> 'dongmingzhu', and given name first,
    'mingzhudong'), so a Chinese article that gives no Latin name still meets the English coverage."""
    han = name.strip()
    if not _HAN_NAME.fullmatch(han):
        return []
    syllables = lazy_pinyin(han, errors="ignore")
    if len(syllables) != len(han):
        return []
    cut = 2 if han[:2] in _COMPOUND_SURNAMES and len(han) > 2 else 1
    family, given = "".join(syllables[:cut]), "".join(syllables[cut:])
    return [family + given, given + family]


# Sounds: a Western name in Chinese reporting is written by its sound (Dave Calhoun = 戴夫·卡尔霍恩, Musk = 马斯克),
# so the consonants of its pinyin meet the consonants of the Latin spelling. Both are read into the same few
# classes; l and r are left out (Chinese writes them as 尔 or not at all), vowels too, and a run of one class is
# one consonant. Only a skeleton of three consonants or more is kept: shorter ones name too many people.
_SOUND_MIN = 3
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{1,8}")
_PINYIN_INITIAL = {
    **dict.fromkeys("bp", "P"),
    **dict.fromkeys("dt", "T"),
    **dict.fromkeys("gkh", "K"),
    **dict.fromkeys("jqxzcs", "S"),
    **dict.fromkeys("fw", "F"),
    "m": "M",
    "n": "N",
}
_LATIN_PAIRS = {
    "sh": "S",
    "zh": "S",
    "th": "T",
    "ph": "F",
    "ck": "K",
    "gh": "",
    "tz": "S",
    "ts": "S",
    "qu": "K",
}
_LATIN_ONE = {
    **dict.fromkeys("bp", "P"),
    **dict.fromkeys("dt", "T"),
    **dict.fromkeys("kq", "K"),
    **dict.fromkeys("jsz", "S"),
    **dict.fromkeys("fvw", "F"),
    "m": "M",
    "n": "N",
    "x": "KS",
}
_VOWELS = frozenset("aeiouy")


def _squeeze(classes: str) -> str:
    return re.sub(r"(.)\1+", r"\1", classes)


def _pinyin_sound(han: str) -> str:
    out = []
    for syl in lazy_pinyin(han, errors="ignore"):
        out.append("S" if syl[:2] in ("zh", "ch", "sh") else _PINYIN_INITIAL.get(syl[0], ""))
        if syl.endswith("n") and len(syl) > 1:  # -n and -ng; the syllable 'n' aside
            out.append("N")
    return _squeeze("".join(out))


def _latin_sounds(word: str) -> list[str]:
    """The consonant skeletons of one Latin word, one per reading of its ambiguous letters ('ch' as in
    Richard or as in Schumacher)."""
    outs = [""]
    w = re.sub(r"(.)\1+", r"\1", word)
    i = 0
    while i < len(w):
        c, two, nxt = w[i], w[i : i + 2], w[i + 1 : i + 2]
        step, options = 1, [""]
        if w.startswith("sch", i):
            step, options = 3, ["S"]
        elif two == "ch":
            step, options = 2, ["S", "K"]
        elif two == "ng":
            step, options = 2, ["N"]
        elif two in _LATIN_PAIRS:
            step, options = 2, [_LATIN_PAIRS[two]]
        elif c == "c":
            options = ["S"] if nxt and nxt in "eiy" else ["K"]
        elif c == "g":
            options = ["S", "K"] if nxt and nxt in "eiy" else ["K"]
        elif c == "h":
            options = (["K", "S"] if nxt == "i" else ["K"]) if nxt and nxt in _VOWELS else [""]
        elif c not in _VOWELS:
            options = [_LATIN_ONE.get(c, "")]
        outs = [o + opt for o in outs for opt in options][:4]
        i += step
    return list(dict.fromkeys(_squeeze(o) for o in outs))


def sound_keys(name: str) -> list[str]:
    """The sound skeletons of a person's name, whole and family name alone, for meeting the same name in
    the other script: 'Dave Calhoun' and '戴夫·卡尔霍恩' both give 'T-KN' ... 'TF-KN'. Empty for a name too short
    to tell anyone apart; a part with no consonant (Isla's 'S' has one, 'Ai' none) spoils the whole name."""
    if has_cjk(name):
        parts = [p for p in re.split(r"[·•・\s]", name.strip()) if p]
        if not parts or not all(_HAN_RUN.fullmatch(p) for p in parts):
            return []
        sounds = [_pinyin_sound(p) for p in parts]
        whole, family = ["-".join(sounds)], [sounds[-1]]
    else:
        words = [w for w in fold(name).split() if w.isalpha() and len(w) > 1]
        if not words:
            return []
        per_word = [_latin_sounds(w) for w in words]
        whole = [""]
        for i, options in enumerate(per_word):
            whole = [a + ("-" if i else "") + b for a in whole for b in options][:4]
        family = per_word[-1]
    # the whole name keeps its parts apart ('P-PK': Paul Bulcke, 保罗·薄凯); a one-part name is no whole name
    keys = [k for k in whole if "-" in k and "--" not in k and not k.startswith("-") and not k.endswith("-")]
    keys += family
    return [k for k in dict.fromkeys(keys) if len(k.replace("-", "")) >= _SOUND_MIN]


def entity_groups(article: Article) -> list[list[str]]:
    """Identity keys per person and organization: every spelling the article gives for one of them is one
    group (a Chinese name also as its pinyin). A surname alone ('Tan', 'Huang') is left out: it names too many
    people to join stories on; so is a piece of a Chinese name read as a name of its own (罗宾 and 霍姆 beside
    罗宾德霍姆)."""
    people: list[list[str]] = []
    for person in article.people:
        names = [person.name] + [a for a in person.aliases if has_cjk(a) or len(fold(a).split()) >= 2]
        people.append(list(dict.fromkeys(names)))
    cjk = {key(n) for names in people for n in names if has_cjk(n)}

    def fragment(names: list[str]) -> bool:
        return all(has_cjk(n) and any(key(n) != o and key(n) in o for o in cjk) for n in names)

    groups: list[list[str]] = []
    for names in people:
        if fragment(names):
            continue
        keys = [k for n in names for k in (key(n), *pinyin_keys(n))]
        groups.append([k for k in dict.fromkeys(keys) if len(k) >= 2])
    for org in article.organizations:
        keys = [key(org.name)] + [key(a) for a in org.aliases]
        groups.append([k for k in dict.fromkeys(keys) if len(k) >= 2])
    return [g for g in groups if g]


@dataclass(slots=True)
class Features:
    """One article as the clustering sees it."""

    article_id: str
    day: int | None
    language: str
    source: str | None
    groups: list[list[str]]  # identity keys, one list per person or organization
    figures: dict[str, float]  # figure key -> weight
    headline_figures: frozenset[str]  # the figures of the title and core viewpoint
    title_words: frozenset[str]
    words: dict[str, float] = field(default_factory=dict)  # word -> count (title counted twice)
    source_key: str | None = None  # the outlet, as an identity key (another article may name it)
    name_words: frozenset[str] = frozenset()  # the words of its people's and organizations' names
    kinds: frozenset[str] = frozenset()  # the kinds of event its text tells of (see EVENT_KINDS)
    concepts: frozenset[str] = frozenset()  # the notions it speaks of, in either language (see CONCEPTS)
    sounds: dict[str, str] = field(default_factory=dict)  # script + sound skeleton -> the person's key

    @property
    def entity_keys(self) -> set[str]:
        return {k for g in self.groups for k in g}


def claim_figure_keys(claim: Claim) -> set[str]:
    return {k for f in claim.figures if (k := figure_key(f)) is not None}


def _figures(article: Article, body: list[str]) -> tuple[dict[str, float], set[str]]:
    """The article's figure keys with their weights, the days it names among them, and its headline's."""
    figures: dict[str, float] = {}
    for claim in article.claims:
        for k in claim_figure_keys(claim):
            figures[k] = figure_weight(k)
    for text in body:
        for k in date_keys(text):
            figures.setdefault(k, DATE_WEIGHT)
    headline: set[str] = set()
    for text in (article.title, article.core_viewpoint):
        for fig in figures_of(text):
            if (hk := figure_key(fig)) is not None:
                figures.setdefault(hk, figure_weight(hk))
                if figure_weight(hk) >= 1.0:  # a percentage in a headline is rarely what the event is
                    headline.add(hk)
    return figures, headline


def features_of(article: Article) -> Features:
    title_words = words_of(article.title)
    counts: dict[str, float] = {}
    for w in title_words:
        counts[w] = counts.get(w, 0.0) + 2.0
    body = [article.core_viewpoint] + [c.text for c in article.claims]
    if not article.claims:
        body += [p.text for p in article.points()]
    for text in body:
        for w in words_of(text):
            counts[w] = counts.get(w, 0.0) + 1.0
    figures, headline = _figures(article, body)
    return Features(
        article_id=article.id,
        day=day_of(article),
        language=article.language,
        source=article.source,
        groups=entity_groups(article),
        figures=figures,
        headline_figures=frozenset(headline),
        title_words=frozenset(title_words),
        words=counts,
        source_key=key(article.source) if article.source and len(key(article.source)) >= 2 else None,
        name_words=_name_words(article),
        kinds=event_kinds(counts, "\n".join([article.title, *body])),
        concepts=concepts_of(counts, "\n".join([article.title, *body])),
        sounds=_sounds(article),
    )


def _sounds(article: Article) -> dict[str, str]:
    """Each person's name as sound skeletons ('L:' for a Latin spelling, 'H:' for a Chinese one), mapped to the
    person's identity key."""
    out: dict[str, str] = {}
    for person in article.people:
        ident = key(person.name)
        if len(ident) < 2:
            continue
        for name in (person.name, *person.aliases):
            script = "H:" if has_cjk(name) else "L:"
            for k in sound_keys(name):
                out.setdefault(script + k, ident)
    return out


def _name_words(article: Article) -> frozenset[str]:
    names = [n for p in article.people for n in (p.name, *p.aliases)]
    names += [n for o in article.organizations for n in (o.name, *o.aliases)]
    return frozenset(w for n in names for w in words_of(n))
