"""Phase 'claims': one claim per statement with its stance, speaker (a person, an organization or an
outlet), citations and figures."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..casefree import CaseFree, lower_text
from ..lexicon import ROLE_HEADS, ROLE_MODIFIERS, SPEECH_VERBS
from ..model import Claim, Organization, Person, Stance
from ..names import _trie, find_mentions, fold, mentions
from ..traditional import fold_traditional
from .figures import figures_of
from .stance import stance_of
from .tokens import _DETERMINERS, _STOP, Statement

# Every alternative but the Chinese ones is a whole word ('\b' on both sides), so the span of a match does
# not depend on the order of the alternatives: they are written as tries (one branch per first letter).
_VERB_STEMS = "acknowledg admit conced refut reject dismiss apologis apologiz regrett".split()
_VERB_RE = re.compile(
    r"\b(?:"
    + _trie([*SPEECH_VERBS, "deny", "denies", "denied", "took responsibility", "concluded"], "")
    + r"\b|"
    + _trie(_VERB_STEMS, "")
    + r"\w*\b)|表示|称|认为|指出|强调|回应|否认|承认|透露|告诉|写道|辟谣|澄清"
    # '对记者说：“…”': 说 as a verb of saying only before the words it introduces (not '据说', '来说')
    + r"|(?<![据来是如话])说(?=[：:，,“「])",
    re.I,
)
_VERB = CaseFree(_VERB_RE)
_OUTLET_NAMES = (
    "New York Times|Financial Times|Wall Street Journal|Washington Post|Information|Economist|Guardian"
    "|Telegraph|Times|Bloomberg(?: News)?|Reuters|CNBC|CNN|BBC|Axios|Semafor|Nikkei(?: Asia)?|Caixin|Politico"
    "|South China Morning Post|Handelsblatt|Der Spiegel|Verge|TechCrunch|Business Insider|Yonhap|Kyodo|Xinhua"
    "|Associated Press|AFP|Dow Jones|WSJ|FT|SCMP|Journal|BuzzFeed(?: News)?|Variety|Fortune|Forbes|Economic Times"
    "|Anadolu|Sky News|Wired|Insider|Barron's|MarketWatch|Yahoo Finance|Nikkei Asian Review"
)
_OUTLETS = rf"(?:The\s+)?(?:{_OUTLET_NAMES})"
_CN_OUTLETS = "彭博|路透|华尔街日报|金融时报|纽约时报|财新|新华社"
# The outlet is the source: "first reported by The Information", "..., the Financial Times reported",
# "according to a report in the Financial Times", "The Times said".
_OUTLET_SOURCE = re.compile(
    rf"(?:\breported\s+(?:earlier\s+|first\s+)?by\s+|\baccording to\s+(?:a\s+(?:report|story)\s+(?:in|by|from)\s+)?)"
    rf"(?P<a>{_OUTLETS})\b|\b(?P<b>{_OUTLETS})(?:,[^,]{{1,40}},)?\s+(?:has\s+|had\s+)?(?:first\s+)?(?:reported|said|wrote|says|reports|claimed|claims|cited|quoted"
    rf"|alleged|alleges|revealed)\b"
    r"|(?P<c>彭博社?|路透社?|华尔街日报|金融时报|纽约时报|财新|新华社)(?:报道|称|援引)",
    re.I,
)
# Every match names an outlet, at the start of a word or in Chinese: the outlets are its gate.
_OUTLET_GATE = re.compile(
    r"\b(?:"
    + _trie([re.sub(r"\(\?:[^)]*\)\?", "", o).lower() for o in _OUTLET_NAMES.split("|")], "")
    + f")|{_CN_OUTLETS}"
)
_THE_IN_NAME = frozenset("information times economist guardian telegraph verge".split())


def _outlet_name(raw: str) -> str:
    """'the Financial Times' -> 'Financial Times'; 'the Information' -> 'The Information'."""
    name = re.sub(r"^the\s+", "", raw.strip(), flags=re.I)
    return f"The {name}" if name.lower() in _THE_IN_NAME else name


# Words before an outlet that make it a past event, not the source: "..., after earlier FT reports".
_OUTLET_NOT_SOURCE = re.compile(
    r"\b(?:after|following|earlier|recent|previous|prior|since|amid|denied|deny|denies)\s+$", re.I
)
_CAPS = r"(?:[A-Z][\w&'’.-]*\s+){0,3}?[A-Z][\w&'’.-]*"
# Outlets by their shape, whoever they are: "As Vox first reported", "a Daily Herald report ... that",
# "..., the Gazette reported." (case-sensitive: the outlet is a capitalised name).
_NAME_BEFORE = re.compile(r"(?<![\w&'’.-])((?:[A-Z][\w&'’.-]*\s+){1,3})$")
_PAPER_WORDS = (
    "Times|Journal|Post|News|Herald|Daily|Gazette|Tribune|Courier|Wire|Telegraph|Review|Magazine|Chronicle"
    "|Observer|Express|Mail|Press|Insider|Weekly|Ledger|Bulletin|Dispatch|Register|Sentinel|Inquirer|Examiner"
)
_PAPER_WORD = re.compile(_PAPER_WORDS)
_OUTLET_SHAPE = re.compile(
    rf"\b[Aa]s\s+(?:the\s+)?(?P<d>{_CAPS})\s+(?:first\s+|previously\s+|earlier\s+|originally\s+)?reported\b"
    rf"|\b(?:a|an)\s+(?P<e>{_CAPS})\s+(?:report|story|article|investigation)\b[^.;]{{0,30}}?\bthat\b"
    rf"|,\s+(?:the\s+)?(?P<f>{_CAPS})\s+(?:first\s+)?reported\b(?:\s+on\s+\w+|\s+\w+day)?\s*(?:[.,;]|$)"
    # a name that is a newspaper's by its last word, with a verb of reporting: "The Daily Ledger reported"
    rf"|\b(?P<g>(?:[A-Z][\w&'’.-]*\s+){{0,3}}(?:{_PAPER_WORDS}))\s+(?:has\s+|had\s+)?(?:first\s+)?"
    r"(?:reported|reports|wrote|claimed|alleged|revealed)\b"
)
# "according to state-run broadcaster Kestrel": the name after the lower-case words that describe it.
_ACCORDING_NAME = re.compile(
    rf"according to\s+(?:(?:the|a|state-run|state|official|local|media|outlet|news|agency|broadcaster|newspaper"
    rf"|daily|weekly|report|reports|in|by|from|financial|business)\s+)*(?P<n>{_CAPS})"
)
# "the report said": the outlet named before, if any.
_REPORT_REF = re.compile(
    r"\bthe\s+(?:report|story|article|paper|newspaper)\s+(?:said|says|added|adds|noted|claimed)\b", re.I
)
# A clause before the subject: its names are not the speaker ("After meeting Obama, the executive apologized").
_LEAD = re.compile(
    r"(?:(?:After|Before|While|When|Since|Upon|Following|Despite|Having|Meanwhile|However|Still|Separately"
    r"|Earlier|Later|On|In|At|Over|Last|This)\b[^,\"“”]{0,100},\s*)?"
)
_ROLE_REF = re.compile(
    r"(?:the|The)\s+(?:[A-Z][\w&.-]*\s+)?(?:former\s+|then\s+)?(?:executive|chief executive|chief|boss|chairman|chairwoman"
    r"|chair|ceo|founder|co-founder|president|billionaire|entrepreneur|editor|minister)\b"
)
_SPOKES = re.compile(
    r"\b(?:a|an|the|its|one)\s+(?:company\s+|firm\s+|group\s+)?(?:spokes(?:person|man|woman)|representative)\s+"
    r"(?:for\s+(?:the\s+)?[\w&.-]+\s+)?$",
    re.I,
)
# A verb of saying as a participle after the subject's own verb: "X backed up Y, saying ...".
_PARTICIPLE = re.compile(
    r",\s+(?:adding(?=\s+(?:that\b|[\"“:,]))|saying|telling|denying|noting|insisting|arguing|calling|writing|claiming|acknowledging"
    r"|admitting|conceding|apologi[sz]ing|explaining|warning|stressing)\b"
)
_AFTER_SUBJECT = re.compile(r"\s*(?:,|[a-z]|[\"“”‘’])")
_ROLE_WORDS = ROLE_HEADS | ROLE_MODIFIERS


def _role_gap(gap: str) -> bool:
    """Only role words between an organization and a person ("'s chief executive, ", " reporter ")."""
    words = gap.replace("’", "'").removeprefix("'s").replace(",", " ").split()
    return 0 < len(words) <= 4 and all(w.lower() in _ROLE_WORDS for w in words)


# A Chinese subject before its verb: a company's short name and its kind ('万辰集团', '某某股份').
_CJK_SUBJECT = re.compile(
    r"(?:[\u4e00-\u9fff]{2})(?:集团|公司|股份|医疗|科技|控股|银行|证券|汽车|电子)"
    # regulators and ministries, by their common short names
    r"|(?<![\u4e00-\u9fff])(?:证监会|银保监会|金融监管总局|交易所|上交所|深交所|港交所|发改委|工信部|商务部|外交部|财政部|国资委|央行)"
)
_CJK_NOT_SUBJECT = frozenset(
    "上市 控股 有限 投资 管理 实业 国有 民营 外资 合资 关联 相关 该家 这家 一家 多家 子公 母公 分公 总公".split()
)
_CJK_NOT_IN_SUBJECT = frozenset("的在和与为了是对向就将把被从于其我该此")
# 'the company' in Chinese, standing alone as a subject ('为此公司第一时间…', '，公司表示').
_CJK_COMPANY_REF = re.compile(
    r"(?:^|[，,。；;：:]|为此|对此|随后|同时)(?:本|该)?公司(?![\u4e00-\u9fff]{0,1}(?:股|集团|的|章程))"
)
# '据…报道' / '据…透露': the source after '据' (an outlet in 《》 or a short name).
_CJK_ACCORDING = re.compile(
    r"据(?:《([^》]{1,16})》|([\u4e00-\u9fffA-Za-z]{2,10}?))(报道|消息|透露|介绍|披露|援引)"
)
# A Chinese statement that answers with no subject of its own: '对此，明确表示，…', '对此回应称…'.
_CJK_ELIDED = re.compile(
    r"(?:对此|对于此事|就此)[,，]?(?:[\u4e00-\u9fff]{0,4})(?:表示|称|回应|指出|强调|否认)"
)
_CJK_VERB = re.compile(
    r"表示|称|认为|指出|强调|回应|否认|承认|透露|告诉|声明|公告|致歉|道歉|歉意|写道|辟谣|澄清"
)
# Acts that take a stance without a verb of saying: the subject who does them is the speaker.
_ACT = re.compile(
    r"\b(?:stood|stands?|standing)\s+(?:\w+\s+)?by\b|\bdisclos(?:ed|es)\b|\bpublish(?:ed|es)\b|\bissued\b"
)
_OUTLET_SHAPE_GATE = re.compile(r"report|stor(?:y|ies)|article|investigation|wrote|claimed|alleged|revealed")
_REPORT_REF_GATE = re.compile(r"report|story|article|paper")
_ACT_WORDS = ("stood", "stand", "disclos", "publish", "issued")
_ACT_SUBJECT = re.compile(
    rf"({_CAPS})\s+(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?(?:disclosed|published|issued|stood|stands)\b"
)
_CJK_VERBS_READ = 8  # the subject stands before one of the first verbs (linear time)
_OPENERS = '"“'
_OUTLET_FULL = re.compile(_OUTLETS, re.I)
_INVERTED_SPOKES = re.compile(
    r"\s+(?:a|an|the)\s+(?:company\s+|firm\s+)?spokes(?:person|man|woman)\b(?!\s+for\b)", re.I
)
_CLOSERS_Q = '"”'


def _inside(quotes: Sequence[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies inside one of ``quotes`` (spans in order, apart): one bisect."""
    i = bisect.bisect_right(quotes, (pos, 1 << 62)) - 1
    return i >= 0 and quotes[i][0] <= pos < quotes[i][1]


def _cjk_subject(
    text: str, end: int, quotes: Sequence[tuple[int, int]] = (), original: str | None = None
) -> str | None:
    """The last Chinese company name before ``end`` ('万辰集团(300972.SZ)发布公告,称' -> '万辰集团').

    ``text`` may be the Traditional-folded twin of ``original``: the name is read from ``original``."""
    found = None
    for m in _CJK_SUBJECT.finditer(text, max(0, end - 200), end):
        head = m.group(0)[:2]
        if _inside(quotes, m.start()):
            continue
        if head in _CJK_NOT_SUBJECT or any(c in _CJK_NOT_IN_SUBJECT for c in head):
            continue
        if m.start() and text[m.start() - 1] in _CJK_OBJECT_MARKS:
            continue  # '向青禾集团致歉': the company apologised to is not the speaker
        found = (original or text)[m.start() : m.end()]
    return found


# Before a noun that is the object, not the subject: '向…致歉', '对…表示', '给…'.
_CJK_OBJECT_MARKS = frozenset("向对给跟替")
# '《东岸日报》称', '《东岸日报》发文致歉': an outlet in title marks speaking for itself.
_CJK_OUTLET_SAYS = re.compile(
    r"(?:^|[，,。；;])《([^》]{2,16})》(?:[^，,。《》“”]{0,8}?)(?:称|表示|指出|声明|发文|致歉|道歉|回应|承认|否认)"
)
# Who issued a statement: '“青禾文传”发布声明称', '青禾埃安法务部官微深夜发布声明': the name at the head of the clause.
_CJK_ISSUER = re.compile(
    r"[“「]([^”」]{2,16})[”」](?:[\u4e00-\u9fff]{0,10}?)(?:发布|发表|发出)(?:了)?(?:一份|一则)?(?:澄清|严正|郑重|官方)?(?:声明|公告|通报)"
    r"|(?:^|[，,。；;])([\u4e00-\u9fff]{2,20}?)(?:发布|发表|发出)(?:了)?(?:一份|一则)?(?:澄清|严正|郑重|官方)?(?:声明|公告|通报)"
)
_CJK_ISSUER_TAIL = re.compile(
    r"(?:法务部|官方微博|官方微信公众号|官方微信|官方账号|公众号|官微|微博|账号|官方|深夜|当晚|晚间|当日|今日|昨日|日前|近日|午后|上午|下午|随即|迅速|在|也|还|则|已)+$"
)
_CJK_ISSUER_NOT = re.compile(
    r"^(?:公司|该公司|本公司|我司|对此|随后|同时|当天|当日|今天|今日|昨天|昨日|明天|近日|日前|今年|去年|本周|上周"
    r"|此前|此后|记者|媒体|网友|有人|该|此|这|那|其|[^\u4e00-\u9fff])"
)
# '该人士表示', '对方称', '上述人士透露': the source named in the statement before.
_CJK_BACKREF = re.compile(
    r"(?:^|[，,。；;])(?:该人士|上述人士|上述负责人|该负责人|该高管|对方|他|她|(?:该|上述|这份|此份)?(?:声明|公告)(?:中)?)"
    r"(?:还|也|则|进一步|同时|随后|最后)?"
    r"(?:表示|称|认为|指出|强调|回应|透露|说|坦言|告诉|补充|否认|承认|提到|写道)"
)


_APPOSED_SUBJECT = re.compile(r"((?:[A-Z][\w&.'’-]*\s+){0,3}[A-Z][\w&.'’-]*),\s+(?:a|an|the|which|whose)\s")
_CAPITALISED_RUN = re.compile(
    r"(?:[A-Z][\w.&'’-]*|and|of|for|the|on)(?:\s+(?:[A-Z][\w.&'’-]*|and|of|for|the|on)){0,8}"
)


def _public_body(text: str, start: int) -> bool:
    """The name at ``start`` (read on through 'and'/'of': 'Securities and Exchange Commission') is a
    public body, not a company."""
    run = _CAPITALISED_RUN.match(text, start)
    return bool(run and _PUBLIC_BODY.search(run.group(0)))


def _cjk_issuer(ztext: str, text: str, quotes: Sequence[tuple[int, int]]) -> str | None:
    """The name heading a clause that issues a statement ('“青禾文传”发布声明', '青禾法务部官微发布声明')."""
    m = _CJK_ISSUER.search(ztext)
    if m is None:
        return None
    if m.group(1):
        return text[m.start(1) : m.end(1)]
    start, end = m.start(2), m.end(2)
    if _inside(quotes, start):
        return None
    head = ztext[start : m.end()]
    tail = _CJK_ISSUER_TAIL.search(ztext[:end], start)
    if tail:
        end = tail.start()
    # the name ends where the words of the act begin ('…集团于3月…发布')
    name = ztext[start:end]
    if len(name) < 2 or len(name) > 10 or _CJK_ISSUER_NOT.match(name) or not head:
        return None
    return text[start:end]


def _opens_quote(text: str) -> bool:
    """The statement opens a quotation it does not close (the quote goes on in the next statement)."""
    if "“" in text:
        return text.rfind("“") > text.rfind("”")
    return text.count('"') % 2 == 1 and text.lstrip().startswith('"')


def _in_quotes(text: str, close: int | None = None) -> bool:
    """The statement is (part of) a quotation: it starts or ends with a quotation mark."""
    t = text.strip()
    return bool(t) and (
        t[0] in _OPENERS
        or t[-1] in _CLOSERS_Q
        or t.endswith(("”。", '"。', "”!", "”！"))
        or (close if close is not None else _continued_quote(t)) > 0
    )


_INVERTED = re.compile(r"\s+((?:[A-Z][\w'’.-]+\s){0,3}[A-Z][\w'’.-]+)")
_SUBJECT = re.compile(
    r"(?:^|[\s\"”“,])((?:[A-Z][\w&'’.-]*\s+){0,3}[A-Z][\w&'’.-]*)\s+(?:(?:on|last|this)\s+[A-Z]?\w+day\s+|also\s+)?$"
)
_SUBJECT_REACH = 200  # four capitalised words before the verb: read from a bounded window (linear time)


def _subject_before(text: str, end: int) -> re.Match[str] | None:
    """The capitalised words right before ``end`` ('Debenhams' in '"...," Debenhams said')."""
    # '^' matches only at the real start of the text, so a cut window still needs a separator before the name.
    return _SUBJECT.search(text, max(0, end - _SUBJECT_REACH), end)


_INVERTED_REACH = (
    60  # '"...," said Chief Executive Ada Brook': the name stands within a few words of the verb
)
_INVERTED_GAP = re.compile(r"^(?:\s|[A-Z][\w&'’.-]*|[a-z-]+)*$")


def _inverted_speaker(text: str, end: int, spans: Sequence[tuple[int, int, str, str]]) -> str | None:
    """The speaker named right after an inverted verb of saying: the first person within reach, with only
    role words and names between (an organization there is hers); else the organization right after it."""
    near = [s for s in spans if end <= s[0] < end + _INVERTED_REACH]
    for s in near:
        gap = text[end : s[0]]
        if "," in gap:
            break
        if s[3] == "person" and len(gap.split()) <= 4 and _INVERTED_GAP.match(gap):
            return s[2]
    if near and not text[end : near[0][0]].strip():
        return near[0][2]
    return None


_ACCORDING = re.compile(r"\baccording to\s+", re.I)
# A lawsuit, complaint or filing as the source: what it says is the plaintiffs', reported, by nobody named.
_DOCUMENTS = r"(?:lawsuit|suit|complaint|indictment|petition|court\s+(?:papers|documents|filings?)|legal\s+filings?|class\s+action)"
_DOCUMENT_SOURCE = re.compile(
    rf"^(?:[^,]{{0,60}},\s*)?(?:the|a|an|their|his|her)\s+(?:[\w-]+\s+){{0,3}}?{_DOCUMENTS}\s+"
    r"(?:(?:filed|brought|lodged)\s+(?:[\w.'’-]+\s+){1,8}?)?(?:alleges?|alleged|claims?|claimed|says|said|contends?|contended"
    r"|accuses|accused|argues?|argued|asserts?|asserted|states?|stated)\b"
    rf"|\baccording\s+to\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?{_DOCUMENTS}\b",
    re.I,
)
_DOCUMENT_GATE = re.compile(r"suit|complaint|indictment|petition|court|filing|class action")
# Bodies that are no company: 'the company' never refers back to them.
_PUBLIC_BODY = re.compile(
    r"\b(?:Commission|Agency|Court|Department|Ministry|Authority|Administration|Bureau|Council|Parliament"
    r"|Congress|Senate|Police|Regulator|Office|Government|Reserve|Tribunal|Committee)\b"
)
_COMPANY_REF = re.compile(
    r"\b(?:the|its)\s+(?:[a-z-]+\s+|[A-Z][\w.]*-based\s+){0,2}?(?:company|firm|startup|group|bank|chipmaker|lab|giant|maker|organization|organisation"
    r"|airline|carrier|retailer|automaker|carmaker|insurer|lender|conglomerate|manufacturer|operator|developer"
    r"|platform|network|broadcaster|newspaper|publisher|utility|miner|brewer|supplier)\b",
    re.I,
)
_PRONOUN = re.compile(r"^(?:He|She)\b")
_PRONOUN_BEFORE = re.compile(
    r"\b(?:he|she|He|She)\s+$|(?:^|[，,。；;：:])[他她](?:最后|还|也|则|又|再次|随后|进一步|同时|当时|此前)?$"
)
# A trailing attribution: ", a blog said", ", the newsletter wrote", ", Vantrix said" right before the verb. Its
# words, not a name earlier in the sentence, are the speaker; a source with no name reports the statement.
_TRAILING_SOURCE = re.compile(r",[\"”’]?\s*((?:[\w'’&.-]+\s+){1,5})$")
_SAYING = ("said", "say", "report", "wrote", "write", "add", "told", "tell", "claim", "state", "note")
_UNNAMED_SOURCE = re.compile(
    r"^(?:(?:a|an|one|some|another)\s(?!(?:spokes\w*|company|firm|group)\b)"
    r"|the\s+(?:[\w-]+\s+)?(?:blog|newsletter|post|site|website|outlet|paper|newspaper|magazine|tabloid|podcast"
    r"|account|forum)\b"
    # 'people involved in the matter said', 'two sources said': sources the text does not name
    r"|(?:(?:two|three|four|five|several|multiple|many|other)\s+)?(?:people|persons|sources|insiders|officials|bankers"
    r"|executives)\b)",
    re.I,
)

# A quotation ends before the next opening mark of its kind, so an opening mark never makes the scan read on
# to the end of the text (thousands of unclosed '“' are read in linear time).
_QUOTED = re.compile(r"\"[^\"]{3,}\"|“[^“”]{3,}”|「[^「」]{2,}」")


def _verb_outside_quotes(
    text: str, low: str | None = None, quotes: list[tuple[int, int]] | None = None
) -> re.Match[str] | None:
    """The first verb of saying outside quotation marks: in '"We reject it," Debenhams said' it is 'said'."""
    quoted = [m.span() for m in _QUOTED.finditer(text)] if quotes is None else quotes  # in order and apart
    starts = [a for a, _ in quoted]
    for m in _VERB.finditer(text, low):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0 or m.start() >= quoted[i][1]:
            return m
    return None


def claims(statements: list[Statement], people: list[Person], orgs: list[Organization]) -> list[Claim]:
    person_forms: list[tuple[str, str]] = []
    for p in people:
        person_forms.append((p.name, p.name))
        person_forms.extend((a, p.name) for a in p.aliases)
    org_forms: list[tuple[str, str]] = []
    for o in orgs:
        org_forms.append((o.name, o.name))
        org_forms.extend((a, o.name) for a in o.aliases)
    person_forms.sort(key=lambda x: -len(x[0]))
    org_forms.sort(key=lambda x: -len(x[0]))

    # One alternation for every spelling, longest first, so "Mark Chen" wins over "Chen" and people over
    # organizations of the same length; matches do not overlap.
    forms: dict[str, tuple[str, str]] = {}
    for form, canonical in person_forms:
        forms.setdefault(form, (canonical, "person"))
    for form, canonical in org_forms:
        forms.setdefault(form, (canonical, "org"))
    finder = mentions(forms)

    def mentioned(text: str) -> list[tuple[int, int, str, str]]:
        return [(a, b, *forms[form]) for a, b, form in find_mentions(finder, text)]

    person_of = {fold(form): canonical for form, canonical in person_forms}
    person_names = {p.name for p in people}

    def named(run: str) -> str | None:
        words = run.split()
        if len(words) > 1 and _PAPER_WORD.fullmatch(words[-1]):
            # a newspaper by its last word ('the New York Post'): its place words are part of its name
            while words and words[0].lower() in _DETERMINERS:
                words.pop(0)
            return " ".join(words).strip(" ,.'’") or None
        while words and (words[0].lower() in _STOP or words[0].lower() in _DETERMINERS):
            words.pop(0)
        if not words or any(w.lower() in _STOP for w in words):
            return None
        name = " ".join(words).strip(" ,.'’")
        return person_of.get(fold(name), name) if name else None

    def subject_at(text: str, start: int, spans: list[tuple[int, int, str, str]]) -> str | None:
        """The name that begins the clause at ``start``: 'Veltro', 'Veltro founder Ada Brook' -> Ada Brook."""
        first = next((s for s in spans if s[0] >= start), None)
        if first is None or first[0] != start or not _AFTER_SUBJECT.match(text, first[1]):
            return None
        for nxt in spans:  # 'FT reporter Dan McCrum', "Acme's chief executive Ada Brook": the person
            if (
                nxt[0] > first[1]
                and nxt[3] == "person"
                and _role_gap(text[first[1] : nxt[0]])
                and _AFTER_SUBJECT.match(text, nxt[1])
            ):
                return nxt[2]
            if nxt[0] > first[1]:
                break
        return first[2]

    claims: list[Claim] = []
    # (in quotes, opens a quote, attributed in itself, attributed by a verb of saying)
    quoted_flags: list[tuple[bool, bool, bool, bool]] = []
    last_person: str | None = None
    last_org: str | None = None
    last_outlet: str | None = None
    last_cjk_org: str | None = None
    last_company: str | None = None  # the last organization that is not a public body: 'the company'
    previous = ""
    open_quote = False  # a quotation opened in an earlier statement of the section is still open
    section = None
    for st in statements:
        statements_section_same = st.section == section
        if st.section != section:
            section, open_quote = st.section, False
        text = st.text
        ztext = fold_traditional(text)  # the Chinese cues read Traditional characters as Simplified
        all_spans = mentioned(text)
        low = lower_text(text)
        stance = stance_of(text, previous, low)
        previous = text
        speaker: str | None = None
        resolved = False
        said = False
        # Names inside quotation marks are what the speaker talks about, never the speaker.
        # A quotation opened in an earlier statement closes first ('...exist," said Ada Brook, "and ..."').
        marks = '"' in text or "“" in text or "”" in text or "「" in text or "」" in text
        close = _continued_quote(text, open_quote) if marks else 0
        open_quote = _quote_state(text, open_quote) if marks else open_quote
        quoted_here = marks and _in_quotes(text, close)
        quotes = [(0, close)] if close else []
        if '"' in text or "“" in text:
            quotes.extend(m.span() for m in _QUOTED.finditer(text, close + 1 if close else 0))
        spans = [
            s
            for s in all_spans
            if not (s[0] and text[s[0] - 1] in ".0123456789") and not (quotes and _inside(quotes, s[0]))
        ]
        outlet = _OUTLET_SOURCE.search(text) if low is None or _OUTLET_GATE.search(low) else None
        if outlet and _OUTLET_NOT_SOURCE.search(text, max(0, outlet.start() - 30), outlet.start()):
            outlet = None
        if outlet:
            speaker = _outlet_name(outlet.group("a") or outlet.group("b") or outlet.group("c"))
            if outlet.group("b"):  # 'The Harbour Times wrote': the whole name, not the outlet it ends like
                longer = _NAME_BEFORE.search(text, max(0, outlet.start("b") - 60), outlet.start("b"))
                if longer and outlet.group("b")[:4].lower() != "the ":
                    speaker = named(longer.group(1) + outlet.group("b")) or speaker
        else:
            shape = _OUTLET_SHAPE.search(text) if _OUTLET_SHAPE_GATE.search(text) else None
            if shape and not _OUTLET_NOT_SOURCE.search(text, max(0, shape.start() - 30), shape.start()):
                speaker = named(shape.group("d") or shape.group("e") or shape.group("f") or shape.group("g"))
        # A denial after the report ("..., the Journal reported, but a spokesperson denied it") is the denier's.
        if speaker and stance is Stance.DENIED:
            speaker = None
        elif speaker:
            last_outlet = speaker
            resolved = True
            if stance is Stance.ASSERTED:
                stance = Stance.REPORTED
        cn_acc = None if resolved or "据" not in ztext else _CJK_ACCORDING.search(ztext)
        if cn_acc and not _inside(quotes, cn_acc.start()):
            g = 1 if cn_acc.group(1) else 2
            speaker, resolved = (
                text[cn_acc.start(g) : cn_acc.end(g)],
                True,
            )  # '据《晚报》报道', '据青禾集团透露'
            if cn_acc.group(g).endswith(("人士", "网友", "消息", "方面", "部门")) or cn_acc.group(
                g
            ).startswith(("相关", "有关")):
                speaker = None  # '据知情人士透露', '据相关方面介绍': a source the text does not name
                if stance is Stance.ASSERTED:
                    stance = Stance.REPORTED
            said = True
            if cn_acc.group(3) in ("报道", "消息") and stance is Stance.ASSERTED:
                stance = Stance.REPORTED
        if not resolved and not text.isascii() and "《" in text:
            own = _CJK_OUTLET_SAYS.search(ztext)
            if own and not _inside(quotes, own.start()):
                speaker, resolved, said = text[own.start(1) : own.end(1)], True, True
        folded = low if low is not None else text.lower()
        if not resolved and _DOCUMENT_GATE.search(folded):
            document = _DOCUMENT_SOURCE.search(text)
            if document and not (quotes and _inside(quotes, document.start())):
                # 'The lawsuit alleges …', 'according to the complaint, …': a document says it; nobody is named
                speaker, resolved = None, True
                if stance is Stance.ASSERTED:
                    stance = Stance.REPORTED
        acc = None if resolved or "according" not in folded else _ACCORDING.search(text)
        if acc:
            after = [s for s in spans if s[0] >= acc.end() and s[0] - acc.end() < 40]
            if after:
                speaker = after[0][2]
            else:
                name = _ACCORDING_NAME.match(text, acc.start())
                speaker = named(name.group("n")) if name else None
            resolved = speaker is not None
        if not resolved and _REPORT_REF_GATE.search(folded) and _REPORT_REF.search(text):
            speaker, resolved = last_outlet, True
            if speaker and stance is Stance.ASSERTED:
                stance = Stance.REPORTED  # 'the paper added': what the outlet reports
        verb = None if resolved else _verb_outside_quotes(text, low, quotes)
        # "..., a blog said" / "..., Vantrix reported": a source named after the statement, by a verb of saying
        trailing = (
            _TRAILING_SOURCE.search(text, max(0, verb.start() - 60), verb.start())
            if verb and verb.group(0).lower().startswith(_SAYING)
            else None
        )
        if verb and trailing and _COMPANY_REF.match(trailing.group(1)):
            # '..., the business information company said': the organization the statement names, or the last
            orgs_named = [
                s
                for s in spans
                if s[3] == "org" and s[1] <= trailing.start() and not _public_body(text, s[0])
            ]
            company = orgs_named[0][2] if orgs_named else last_company or last_org
            if company and not _OUTLET_FULL.fullmatch(company):
                speaker, resolved, said, verb = company, True, True, None
        elif verb and trailing:
            inside = [s for s in spans if s[0] >= trailing.start(1) and s[1] <= verb.start()]
            words = trailing.group(1).split()
            if words[-1][:1].isupper() and (
                _PAPER_WORD.fullmatch(words[-1]) or _OUTLET_FULL.fullmatch(" ".join(words))
            ):
                # '..., the Post said': an outlet named after the statement reports it ('the New York Post
                # reported ...', then 'the Post said': the outlet named before)
                if last_outlet and last_outlet.split()[-1] == words[-1]:
                    speaker = last_outlet
                else:
                    speaker = inside[-1][2] if inside else named(trailing.group(1))
                resolved, said = True, True
                if stance is Stance.ASSERTED:
                    stance = Stance.REPORTED
            elif inside:
                speaker, resolved, said = (
                    inside[-1][2],
                    True,
                    True,
                )  # "..., Vantrix said": not the person before
            elif trailing.group(1)[:1].isupper() and not _UNNAMED_SOURCE.match(trailing.group(1)):
                speaker, resolved, said = (
                    named(trailing.group(1)),
                    True,
                    True,
                )  # a name the article did not list
            elif _UNNAMED_SOURCE.match(trailing.group(1)) and any(x[1] <= trailing.start() for x in spans):
                resolved = True  # "..., a blog said": nobody named says it
                if stance is Stance.ASSERTED:
                    stance = Stance.REPORTED
            if resolved:
                verb = None
        participle = None if resolved or ", " not in text else _PARTICIPLE.search(text)
        acts = not resolved and any(word in text for word in _ACT_WORDS)
        start = 0
        subject: str | None = None
        if verb or participle or acts or (not resolved and stance in (Stance.DENIED, Stance.ACKNOWLEDGED)):
            # The subject of the statement, past a leading clause whose names are not it.
            lead = _LEAD.match(text)
            start = lead.end() if lead else 0
            if start and (_VERB.search(text[:start]) or any(s[0] < start < s[1] for s in spans)):
                start = 0
            if (_PRONOUN.match(text, start) and not (quotes and _inside(quotes, start))) or (
                _ROLE_REF.match(text, start)
                and last_person
                and not any(s[3] == "person" and start <= s[0] < start + 60 for s in spans)
            ):
                subject = last_person
            elif _COMPANY_REF.match(text, start) and (last_company or last_org):
                subject = last_company or last_org
            else:
                subject = subject_at(text, start, spans)
            if start:
                spans = [s for s in spans if s[0] >= start]
        said_by_participle = False
        if participle and subject and (verb is None or participle.start() < verb.start()):
            speaker, resolved = subject, True
            said_by_participle = True
        said = said or said_by_participle
        if not resolved and verb:
            said = True
            before = [s for s in spans if s[1] <= verb.start() and verb.start() - s[1] <= 90]
            head = text[: verb.start()]
            cjk_verb = not verb.group(0).isascii()
            # The subject is the nearest name before the verb, unless a person stands between it and a
            # company reference ("OpenAI's leadership, particularly Mark Chen, has refuted").
            people_before = [s for s in before if s[3] == "person"]
            pronoun = _PRONOUN_BEFORE.search(head, max(0, len(head) - 8))
            earlier = (
                [
                    x
                    for x in all_spans
                    if x[3] == "person" and x[1] <= verb.start() and not _inside(quotes, x[0])
                ]
                if pronoun
                else []
            )
            last_speaker = (
                next((c.speaker for c in reversed(claims[-3:]) if c.speaker in person_names), None)
                if pronoun and cjk_verb and not earlier
                else None
            )
            if last_speaker:
                # '张某称，…实际控制人为王某。他表示，…': '他' is the one speaking before, not the last name
                speaker = last_speaker
            elif pronoun and (earlier or last_person):
                # 'In a post by Ada Brook, head of Acme, she admitted': the person named last, not the company
                speaker = earlier[-1][2] if earlier else last_person
            elif ("spokes" in head or "representative" in head) and _SPOKES.search(
                head
            ):  # "a spokesperson denied": the company named before
                orgs_before = [
                    s
                    for s in spans
                    if s[3] == "org" and s[1] <= verb.start() and not _OUTLET_FULL.fullmatch(s[2])
                ]
                speaker = orgs_before[-1][2] if orgs_before else last_org
            elif _INVERTED_SPOKES.match(text, verb.end()) and re.search(r"[,\"”]\s*$", head):
                speaker = None  # '"...," said the spokesperson': whose, the text does not say here
            elif (
                subject
                and (_PRONOUN.match(text, start) or _ROLE_REF.match(text, start))
                and not people_before
            ):
                speaker = subject
            elif (
                head.rstrip().endswith(",")
                and (appositive := _APPOSED_SUBJECT.match(text, start)) is not None
                and verb.start() - appositive.end() <= 160
                and named(appositive.group(1))
            ):
                # 'PRWeb, a service owned by Vocus Inc., said': the subject, not a name inside its apposition
                first = spans[0] if spans and spans[0][0] == start else None
                speaker = first[2] if first else named(appositive.group(1))
            elif people_before:
                speaker = people_before[-1][2]
            elif before:
                speaker = before[-1][2]
            elif cjk_verb and _cjk_subject(text, verb.start(), quotes):
                speaker = _cjk_subject(text, verb.start(), quotes)
            elif not cjk_verb:
                inverted = _INVERTED.match(text, verb.end())
                subj = _subject_before(text, verb.start())
                after_quote = re.search(r"[,\"”]\s*$", head) is not None
                inv = _inverted_speaker(text, verb.end(), spans) if after_quote else None
                if inv:
                    speaker = inv  # '"...," said GE spokeswoman Ada Brook': the person, not her company
                elif (
                    (_PRONOUN.match(text) and not close) or re.search(r"\b(?:he|she)\s+$", head, re.I)
                ) and last_person:
                    speaker = last_person
                elif _COMPANY_REF.search(head) and (last_company or last_org):
                    speaker = last_company or last_org
                elif inverted and after_quote:
                    speaker = named(inverted.group(1))  # '"...," said Nadella'
                elif subj:
                    speaker = named(subj.group(1))  # '"...," Debenhams said', 'Bezos admitted'
                if speaker and any(s[3] == "person" and s[2] == speaker for s in all_spans):
                    last_person = speaker
        if (
            speaker is None
            and not resolved
            and subject
            and not quoted_here
            and (stance in (Stance.DENIED, Stance.ACKNOWLEDGED) or (acts and _ACT.search(text)))
        ):
            speaker = subject  # 'Bloomberg has stood by its story': the subject speaks by its acts
        if speaker is None and acts and subject is None:
            act = _ACT_SUBJECT.match(text, start)
            if act:
                speaker = named(
                    act.group(1)
                )  # 'Kestrel disclosed the breach': a name the text gives no other way
        if speaker is None and not resolved and claims and not text.isascii() and _CJK_BACKREF.search(ztext):
            speaker = next((c.speaker for c in reversed(claims) if c.speaker), None)
            said = speaker is not None  # '该人士表示': the source of the statement before
        if speaker is None and not resolved and claims and not text.isascii() and _CJK_ELIDED.match(ztext):
            speaker, said = (
                claims[-1].speaker,
                True,
            )  # '对此，明确表示，…': the subject of the statement before
        if (
            speaker is None
            and not resolved
            and last_cjk_org
            and _CJK_COMPANY_REF.search(ztext)
            and (stance in (Stance.DENIED, Stance.ACKNOWLEDGED) or _CJK_VERB.search(ztext))
        ):
            speaker = last_cjk_org  # '为此公司…证实…不属实': the company named before
            said = True
        if speaker is None and not resolved and not text.isascii():
            for _, cjk in zip(range(_CJK_VERBS_READ), _CJK_VERB.finditer(ztext), strict=False):
                speaker = _cjk_subject(ztext, cjk.start(), quotes, text)
                if speaker is None:
                    # '记者李某在社媒就此致歉': the person right before the verb
                    near = [
                        x
                        for x in all_spans
                        if x[3] == "person"
                        and x[1] <= cjk.start()
                        and cjk.start() - x[1] <= 30
                        and not _inside(quotes, x[0])
                        and (x[0] == 0 or text[x[0] - 1] not in _CJK_OBJECT_MARKS)
                    ]
                    speaker = near[-1][2] if near else None
                if speaker is None:
                    issuer = _cjk_issuer(ztext, text, quotes)
                    speaker = issuer
                if speaker:
                    said = True
                    break
        if (
            speaker is None
            and not resolved
            and not text.isascii()
            and stance in (Stance.DENIED, Stance.ACKNOWLEDGED)
            and claims
            and claims[-1].speaker
            and statements_section_same
        ):
            speaker = claims[-1].speaker  # a denial with no subject goes on from the statement before
        if speaker and not speaker.isascii() and _CJK_SUBJECT.fullmatch(speaker):
            last_cjk_org = speaker
        if speaker and speaker not in person_names and speaker != last_outlet and speaker.isascii():
            last_org = speaker  # 'Kestrel Air said ...' then 'the airline': a name the organizations missed
        for s in all_spans:
            if s[3] == "person":
                last_person = s[2]
            elif not _OUTLET_FULL.fullmatch(s[2]):
                last_org = s[2]  # an outlet that reports is never 'the company'
        # 'the company' in a later statement: the company this one is about (its first, the subject), not one
        # it names in passing ('… filed a suit against Bean in Texas'); never a public body.
        companies = [
            s
            for s in all_spans
            if s[3] == "org" and not _OUTLET_FULL.fullmatch(s[2]) and not _public_body(text, s[0])
        ]
        if (
            speaker
            and speaker not in person_names
            and speaker != last_outlet
            and not _public_body(speaker, 0)
        ):
            last_company = speaker
        elif companies:
            last_company = companies[0][2]

        quoted_flags.append(
            (quoted_here, marks and _opens_quote(text), speaker is not None or resolved, said)
        )
        claims.append(
            Claim(text=text, stance=stance, speaker=speaker, citations=st.citations, figures=figures_of(text))
        )
    _split_quotes(claims, quoted_flags, [st.section for st in statements])
    return [c for c in claims if not _no_comment(c.text)]


# 'X declined to comment' says nothing: it is no claim by X (issue 20). The sentence is dropped only when the
# refusal is all it says: no quotation and no other verb of saying ('declined to comment but said ...').
_NO_COMMENT = re.compile(
    r"\b(?:declined|declines|refused|refuses|declining)\s+(?:to\s+)?(?:immediately\s+)?"
    r"(?:comment|elaborate|discuss\s+(?:it|the\s+(?:matter|report|details)))"
    r"|\b(?:did|does|do)\s+not\s+(?:immediately\s+)?(?:respond|reply)\s+to\s+(?:an?\s+|repeated\s+|several\s+)?"
    r"(?:requests?|messages?|calls?|emails?|e-mails?|inquiries)\s+(?:for|seeking)\s+comment"
    r"|\b(?:had|has|have|offered)\s+no\s+(?:immediate\s+)?comment"
    r"|\bcould\s+not\s+(?:immediately\s+)?be\s+reached\s+for\s+comment"
    r"|\b(?:was|were|is|are)\s+not\s+(?:immediately\s+)?available\s+(?:for|to)\s+comment"
    r"|拒绝(?:置评|评论|回应)|不予(?:置评|评论|回应)|未予(?:置评|回应)|暂未(?:回应|回复)|未(?:作|做)(?:回应|评论)"
    r"|(?:并)?未(?:就此)?(?:回应|回复)(?:记者|置评请求|采访)?",
    re.I,
)
_OTHER_SAYING = re.compile(r"\b(?:but|while|though|although|saying|adding|describing|calling)\b|但|称|表示")


def _no_comment(text: str) -> bool:
    m = _NO_COMMENT.search(text)
    if m is None or any(q in text for q in '"“”「'):
        return False
    rest = text[: m.start()] + " " + text[m.end() :]
    return _OTHER_SAYING.search(rest) is None and _VERB.search(rest) is None


def _continued_quote(text: str, open_before: bool = True) -> int:
    """Where a quotation opened in an earlier statement closes in this one ('...exist," said Ada Brook'): 0 if
    it does not. A straight mark closes only a quotation still open ('Ada Brook said: "We ...' opens one)."""
    close = text.find("”")
    if close > 0 and (text.find("“") < 0 or text.find("“") > close):
        return close
    if open_before and text.count('"') % 2 == 1 and not text.lstrip().startswith('"'):
        return text.find('"')
    return 0


def _quote_state(text: str, open_before: bool) -> bool:
    """Whether a quotation is still open after ``text``, given whether one was open before it."""
    last_open = max(text.rfind("“"), text.rfind("「"))
    last_close = max(text.rfind("”"), text.rfind("」"))
    if last_open != last_close:  # both -1 only when there are none
        return last_open > last_close
    return open_before != (text.count('"') % 2 == 1)


def _split_quotes(
    claims: list[Claim], flags: list[tuple[bool, bool, bool, bool]], sections: list[int]
) -> None:
    """A quoted statement with no attribution of its own takes the speaker of the attribution next to it: the
    statement that closes the quotation with one ('..." said Ada Brook'), a bare attribution right after it, or
    else the statement before, when a verb of saying attributes it ('X called it wrong. "It lacks substance."').
    A statement inside a quotation that runs over several statements counts as quoted."""
    n = len(claims)
    open_before = [False] * n
    open_after = [False] * n
    for i in range(n):
        open_before[i] = i > 0 and sections[i - 1] == sections[i] and open_after[i - 1]
        text = claims[i].text
        marks = '"' in text or "“" in text or "”" in text or "「" in text or "」" in text
        open_after[i] = _quote_state(text, open_before[i]) if marks else open_before[i]
    in_q = [flags[i][0] or open_before[i] for i in range(n)]

    def bare(j: int, i: int) -> bool:  # 'Ada Brook said in a statement.' after the quotation
        if not (j < n and sections[j] == sections[i] and not in_q[j] and flags[j][3]):
            return False
        text = claims[j].text
        return len(text) < 60 and _VERB.search(text[-25:]) is not None

    for i in range(n):
        if flags[i][2] or not in_q[i]:
            continue
        found: str | None = None
        j = i
        while open_after[j] and j + 1 < n and j - i < 6 and sections[j + 1] == sections[i]:
            j += 1  # the quotation goes on: its attribution closes it, or stands right after it
            if flags[j][2]:
                found = claims[j].speaker
                break
        else:
            if bare(j + 1, i):
                found = claims[j + 1].speaker
        k = i - 1
        while found is None and k >= 0 and i - k <= 6 and sections[k] == sections[i]:
            if flags[k][2]:
                found = claims[k].speaker if flags[k][3] else None
                break
            if not in_q[k]:
                break
            k -= 1
        if found:
            claims[i] = claims[i].model_copy(update={"speaker": found})
