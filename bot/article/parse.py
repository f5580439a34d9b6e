"""Text -> structure: the Reportify-style summary format and its variants, plain news text, and Article JSON.

The summary format::

    Headline
    Source·2026-02-04 07:28

    Core Viewpoint - lead [1]. Group 1: Heading - point [2][3]. - point [4]. Group 2: ...

    Headline - Reportify

Feeds vary: other lead words, ``:`` instead of `` - ``, headings without ``Group N``, numbered headings,
bullets on their own lines, no groups, no dates, full-width punctuation. Everything that is not recognisably
a summary is read as plain news text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from pydantic import ValidationError

from .casefree import lower_text
from .links import link_line
from .model import Article, ArticleFormat, Point, Section
from .sentences import ends_sentence, split_sentences, strip_citations
from .text import ArticleError, content_id, detect_language, normalize

MAX_GROUPS = 2000
MAX_POINTS = 20000

LEAD_WORDS = (
    r"Core\s+Viewpoints?|Core\s+Views?|Key\s+Points?|Core\s+Insights?|Key\s+Insights?|Key\s+Takeaways?"
    r"|Core\s+Points?|Main\s+Points?|Summary|Overview|TL;?\s?DR|核心观点|核心要点|核心摘要|要点|摘要|概要"
)
# "文章核心观点", "报告的核心观点", "本文要点": a Chinese lead word may carry a short prefix.
_LEAD_PREFIX = r"(?:(?:文章|报告|本文|全文|研报)的?(?=核心|要点|摘要|概要))?"
LEAD_RE = re.compile(rf"^\s*{_LEAD_PREFIX}(?:{LEAD_WORDS})\s*(?:[-–—:]\s*|\s*\ue003\s*|$)", re.I)

_GROUP_WORD = r"(?:Group|Section|Part|Theme|Topic|Chapter|分组|要点|板块)"
_CN_NUM = "一二三四五六七八九十百零"
# "Group 1: Heading - ", "Group 2 - ", "第三部分：标题 - ". A heading is short (at most 120 characters are read
# for one), so a match never reads on to the end of the text (linear time).
INLINE_GROUP_RE = re.compile(
    rf"(?:(?<=[\s。！？；\]）)])|^)(?:{_GROUP_WORD}\s*(?P<n1>\d{{1,4}}|[{_CN_NUM}]+)|第\s*(?P<n2>\d{{1,4}}|[{_CN_NUM}]+)\s*(?:组|部分|点|节))"
    r"(?:\s*[:：]\s*(?P<head>[^\n\ue000-\ue003.!?。！？\[\]]{0,120}?)\s*(?:\s-\s|\s?[-–—]\s(?=\S)|(?=\s*[\ue002\ue003]))"
    r"|\s*(?:\s-\s|\s?[-–—]\s(?=\S)|[:：]\s+|$))",
    re.I,
)
# Every match of INLINE_GROUP_RE starts at one of these words (lower-cased): the pattern is tried only there,
# not at every character (a re.I alternation behind a look-behind cannot be skipped ahead by the engine).
_GROUP_CUE = re.compile(r"group|section|part|theme|topic|chapter|分组|要点|板块|第")


def _inline_groups(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``INLINE_GROUP_RE.finditer(text)``, found from the places a group word starts."""
    low = lower_text(text)
    if low is None:  # lower-casing changed the length: the plain scan
        yield from INLINE_GROUP_RE.finditer(text)
        return
    done = 0
    for cue in _GROUP_CUE.finditer(low):
        p = cue.start()
        if p < done:
            continue
        m = INLINE_GROUP_RE.match(text, p)
        if m:
            yield m
            done = m.end()


def _has_inline_group(text: str) -> bool:
    return next(_inline_groups(text), None) is not None


HEADING_LINE_RE = re.compile(
    rf"^(?:#+\s*)?(?:{_GROUP_WORD}\s*(?:\d{{1,4}}|[{_CN_NUM}]+)|第\s*(?:\d{{1,4}}|[{_CN_NUM}]+)\s*(?:组|部分|点|节))"
    r"\s*(?:[:：.]\s*(?P<head>[^.!?。！？\[\]]{0,90}?))?\s*[:：\-–—]?\s*$",
    re.I,
)
NUMBERED_LINE_RE = re.compile(r"^(?:#+\s*)?(?P<n>\d{1,2})[.)]\s+(?P<head>[^\d\s].{0,90}?)\s*[:：\-–—]?\s*$")
BULLET_RE = re.compile(r"^(?:[-*•·▪●◦–—]|\d{1,2}[.)](?=\s))\s+")
# "1. Heading - " inside a line; never "1.5" (no space after the dot).
INLINE_NUMBERED_RE = re.compile(
    r"(?:(?<=[.!?。！？\]]\s)|(?<=\ue003\s)|^)(?P<n>\d{1,2})\.\s+(?P<head>[^\s\d\ue000-\ue003][^\ue000-\ue003]{0,90}?)\s+-\s+(?=\S)"
)

# "1.1 Heading - " after a finished point (report outlines); "1.5 times" never matches (no dash after a
# short heading).
INLINE_DECIMAL_RE = re.compile(
    r"(?:(?<=[.!?。！？\]]\s)|(?<=\ue003\s)|^)(?P<n>\d{1,2}\.\d{1,2})\s+"
    r"(?P<head>[^\s\d\ue000-\ue003\[\]][^\ue000-\ue003\[\].!?。！？]{0,40}?)\s+-\s+(?=\S)"
)

HEAD_OPEN, HEAD_CLOSE, BULLET, LINEBREAK = "\ue000", "\ue001", "\ue002", "\ue003"
# Markers and separators of the stream. Every match begins with one of the characters of the first class,
# so the engine skips to those characters in one fast scan instead of trying each alternative at every
# character; what the first character was is read back by a look-behind.
_TOKEN_RE = re.compile(
    r"[\s\ue000\ue002\ue003\-－]"
    r"(?:(?<=\ue000)(?P<head>.*?)\ue001|(?<=\ue002)(?P<bullet>)"
    r"|(?<=\s)(?P<dash>\s*[-－]\s+)|(?<=[。！？；][-－])(?P<cjk_dash>\s+)"
    r"|(?<=\s)(?P<line>\s*\ue003\s*)|(?<=\ue003)(?P<line_end>\s*))"
)

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_TIME = (
    r"(?:[ T,]+(?:at\s+)?(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?)?"
)
DATE_PATTERNS = (
    re.compile(
        r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<mo>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?:\s*日)?" + _TIME
    ),
    re.compile(
        rf"(?P<mon>{_MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})" + _TIME,
        re.I,
    ),
    re.compile(
        rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH_ALT})\.?,?\s+(?P<y>(?:19|20)\d{{2}})" + _TIME,
        re.I,
    ),
)
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
TRAILER_RE = re.compile(r"^(?P<title>.*)\s+[-–—|]\s+(?P<via>Reportify|[\w .&'-]{2,30})$")


@dataclass
class Skeleton:
    """What the parser finds; the extractor adds people, organizations and claims."""

    id: str
    title: str
    source: str | None
    published_at: str | None
    language: str
    format: ArticleFormat
    core_raw: str
    raw_sections: list[tuple[str | None, list[str]]] = field(default_factory=list)
    byline: str | None = None
    url: str | None = None  # the original's address: a link line at the top (bot.article.links)

    @property
    def core_viewpoint(self) -> str:
        return strip_citations(self.core_raw)[0]

    @property
    def sections(self) -> list[Section]:
        return [_section(heading, points) for heading, points in self.raw_sections]


def find_date(text: str) -> tuple[str | None, re.Match[str] | None]:
    """The first date in ``text`` as an ISO string (date, or date and time), with its match."""
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            iso = _iso(m)
            if iso:
                return iso, m
    return None, None


def _iso(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    try:
        year, day = int(g["y"]), int(g["d"])
        month = _MONTHS[g["mon"].lower().rstrip(".")] if g.get("mon") else int(g["mo"])
        if g.get("H") is None:
            return datetime(year, month, day).date().isoformat()
        hour, minute, second = int(g["H"]), int(g["M"]), int(g["S"] or 0)
        ampm = (g.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        return datetime(year, month, day, hour, minute, second).isoformat()
    except (ValueError, KeyError):
        return None


def _clean_source(raw: str) -> str | None:
    # Whatever stood between the source and the date: "·", a mojibake "Â·" or "ยท", "?", "|", "-", "�".
    # "ยท" is the UTF-8 "·" read as Thai (cp874/TIS-620), "Â·" the same read as Latin-1.
    s = re.sub(r"(?:[\s\W_]|Â|Ã|â€.|ยท)+$", "", raw.strip())
    s = re.sub(r"^(?:[\s\W_])+", "", s)
    s = re.sub(r"^(?:by|source|via|来源)\s*[:：]?\s*", "", s, flags=re.I)
    return s or None


def _split_source_line(line: str) -> tuple[str | None, str | None] | None:
    """``Source·YYYY-MM-DD HH:MM`` and its variants; None when the line is not one."""
    if len(line) > 120 or LEAD_RE.match(line):
        return None
    iso, m = find_date(line)
    if m is None:
        return None
    before, after = line[: m.start()], line[m.end() :]
    rest = before + " " + after
    if len(re.findall(r"\w+", rest)) > 10:
        return None
    # "自2006年5月8日起，公司……。" is a sentence that starts with a date, not a source line: Chinese has
    # no spaces to count words by, so count characters and look for sentence punctuation instead.
    if len(_CJK_CHAR.findall(rest)) > 16 or re.search(r"[。！？；，]", rest):
        return None
    source = _clean_source(before) or _clean_source(after)
    return source, iso


def _is_source_only(line: str, rest: list[str]) -> bool:
    if not rest or len(line) > 60 or LEAD_RE.match(line) or _has_inline_group(line):
        return False
    return not (ends_sentence(line) or " - " in line or len(line.split()) > 6)


def parse(text: str) -> Skeleton | Article:
    """Parse normalized or raw text. Returns an :class:`Article` directly for Article JSON."""
    norm = normalize(text)
    if not norm:
        raise ArticleError("file is empty (only whitespace)")
    if norm.startswith("{"):
        return _parse_json(norm)
    if not re.search(r"\w", norm):
        raise ArticleError("file has no words in it")
    lines = norm.split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    lines, url = _take_link(lines)
    if not lines:
        raise ArticleError("file has only a link in it, no article text")

    cn_byline: str | None = None
    if len(lines) > 1 and CN_BYLINE_RE.match(lines[0].strip()):
        # An excerpt that opens with its byline ('每经记者 张某 每经编辑 李某'): the headline or story follows.
        cn_byline = lines[0].strip()
        lines = lines[1:]
        while len(lines) > 1 and not lines[0].strip():
            lines = lines[1:]
    title = lines[0].strip()
    body_lines = lines[1:]
    title_was_body = False
    closing_title: str | None = None
    news_start = _starts_news(title, lines[1:])
    if news_start:
        # Plain news that starts straight into the story (a dateline, a long finished paragraph, a first
        # line broken mid-sentence): the first line is body; the title is made from its first sentence.
        body_lines = lines
        title_was_body = True
    elif _starts_body(title, len(lines)):
        # No headline line: the whole text is the body; the title is the closing headline line when there
        # is one (pages that print the headline under the summary), else made from the first sentence.
        body_lines = lines
        title_was_body = True

    trailer = False
    non_empty = [i for i, line in enumerate(body_lines) if line.strip()]
    if non_empty:
        last = body_lines[non_empty[-1]].strip()
        m = TRAILER_RE.match(last)
        if news_start:
            pass
        elif title_was_body:
            if len(non_empty) > 1 and (last.lower() in ("reportify", "- reportify") or _is_headline(last)):
                if m and m.group("via").lower() == "reportify":
                    last = m.group("title").strip()
                closing_title = None if last.lower() in ("reportify", "- reportify") else last
                body_lines = body_lines[: non_empty[-1]]
                trailer = True
        elif (
            last == title
            or last.lower() in ("reportify", "- reportify")
            or (m and (_same_title(m.group("title"), title) or m.group("via").lower() == "reportify"))
        ):
            body_lines = body_lines[: non_empty[-1]]
            trailer = True

    source: str | None = None
    published: str | None = None
    byline: str | None = None
    content = list(body_lines)
    while content and not content[0].strip():
        content.pop(0)
    # Up to three short metadata lines under the headline: source and date, byline, date.
    for _ in range(3):
        if not content or title_was_body:
            break
        head = content[0].strip()
        split = _split_source_line(head)
        link = link_line(head)
        if link is not None:
            url = url or link
        elif split is not None:
            src, iso = split
            source = source or src
            published = published or iso
        elif CN_BYLINE_RE.match(head):
            byline = head
        elif re.match(r"^(?:by|作者)\s*[:：]?\s+\S", head, re.I) and len(head) < 120:
            byline = re.sub(r"^(?:by|作者)\s*[:：]?\s+", "", head, flags=re.I)
            parts = [p.strip() for p in re.split(r"\s*[,|·/;]\s*|\s+-\s+", byline) if p.strip()]
            if len(parts) > 1 and not source:
                source = _clean_source(parts[-1])
        elif source is None and published is None and _is_source_only(head, content[1:]):
            source = _clean_source(head)
        else:
            break
        content.pop(0)
        while content and not content[0].strip():
            content.pop(0)

    if "\u2212" in "".join(content):
        content = [_math_dashes_to_text(line) for line in content]
    body = "\n".join(content).strip()
    if not body:
        if title_was_body or not title:
            raise ArticleError("file has no article body")
        body = ""

    is_summary = bool(
        LEAD_RE.match(body)
        or _has_inline_group(body)
        or trailer
        or (re.search(r"\[\d{1,3}\]", body) and re.search(r"\s-\s", body))
        or _has_heading_lines(content)
    )
    if is_summary:
        core, sections = _parse_summary_body(content)
        fmt = ArticleFormat.SUMMARY
    else:
        core, sections = _parse_plain_body(content)
        fmt = ArticleFormat.PLAIN
    if title_was_body and closing_title:
        title = closing_title
    elif title_was_body:
        first = split_sentences(core or (sections[0][1][0] if sections and sections[0][1] else ""))
        head = first[0] if first else "Untitled"
        if news_start:
            head = DATELINE_RE.sub("", head, count=1).strip() or head
        title = _shorten(head, 120)
    if not core and not any(points for _, points in sections):
        raise ArticleError("file has a headline but no article text under it")

    return Skeleton(
        id=content_id(norm),
        title=title,
        source=source,
        published_at=published,
        language=detect_language(body or title),
        format=fmt,
        core_raw=core,
        raw_sections=sections,
        byline=byline or cn_byline,
        url=url,
    )


def _take_link(lines: list[str]) -> tuple[list[str], str | None]:
    """A link on the first line(s) of the text (a bare URL, or ``Source: URL``) is the article's address, not
    its title: taken off with the blank lines after it."""
    url: str | None = None
    rest = list(lines)
    while rest and not rest[0].strip():
        rest.pop(0)
    for _ in range(2):  # a bare URL and a "Source:" line may both stand there
        link = link_line(rest[0]) if rest else None
        if link is None:
            break
        url = url or link
        rest.pop(0)
        while rest and not rest[0].strip():
            rest.pop(0)
    return rest, url


_CITATION = re.compile(r"\[\d{1,3}\]")
_MATH_DASH_SEPARATOR = re.compile(r"(?<=[\].。!?])\s*\u2212\s*|(?<=\w)\u2212(?=[A-Z\"“])|\s\u2212\s")
_GLUED_GROUP = re.compile(rf"(?<=[.\]])(?={_GROUP_WORD}\s?\d)", re.I)


def _math_dashes_to_text(line: str) -> str:
    """Undo a web page's math rendering: ``…[1]−Therecent…Group1:AIandGPUDemand−New…``.

    The page turned `` - `` into U+2212 and dropped the spaces. A minus after a citation or a sentence end, or
    between a word and a capitalised word, was a point separator; one between two words was a hyphen;
    one before a digit stays a minus.
    """
    line = _MATH_DASH_SEPARATOR.sub(" - ", line)
    line = re.sub(r"(?<=[^\W\d])\u2212(?=[^\W\d])", "-", line)
    return _GLUED_GROUP.sub(" ", line)


# "BRUSSELS (Reuters) -", "Oct 26 (Reuters) -", "(AP) —", "人民网北京4月18日电", "11月8日讯", "【本报讯】".
DATELINE_RE = re.compile(
    r"^\s*(?:[A-Z][\w.,'/ -]{0,40}?\s*)?\((?:Reuters|AP|AFP|Bloomberg|Xinhua|UPI|CNN|dpa|IANS|PTI|AAP|CP)\)"
    r"\s*[-–—:]+\s*"
    r"|^\s*[【\[][^】\]\n]{1,20}[讯訊电電][】\]]\s*"
    r"|^\s*[\u4e00-\u9fff·]{0,12}\d{1,2}月\d{1,2}日\s*[电電讯訊]\s*(?:[(（][^)）\n]{1,20}[)）])?\s*"
)
# A Chinese byline line: '每经记者 张某 每经编辑 李某', '记者：王某', '(本报记者 陈某)'.
CN_BYLINE_RE = re.compile(
    r"^[(（]?(?:[\u4e00-\u9fff]{0,4}(?:记者|記者|编辑|編輯|责编|責編|作者|撰文|通讯员|通訊員|实习生|實習生)\s*[:：]?\s*"
    r"[\u4e00-\u9fff·]{2,5}(?:\s+|[、，,]|(?=[)）]?$)))+[)）]?$"
)
_NEWS_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _starts_news(line: str, rest: list[str]) -> bool:
    """The first line is already the body of a plain news text, not a headline.

    A dateline opens a story, never a headline. A headline is short and unfinished; a long paragraph that ends
    a sentence (many words, or many Chinese characters) is the story itself. A first line that stops mid-word
    or mid-sentence and runs on in the next line (no blank line between) is a broken paragraph.
    """
    if LEAD_RE.match(line) or _CITATION.search(line) or INLINE_GROUP_RE.match(line):
        return False
    if DATELINE_RE.match(line):
        return True
    stripped = line.rstrip(" \"'”’)）」』")
    finished = stripped.endswith((".", "!", "?", "。", "！", "？"))
    words = len(_NEWS_WORDS.findall(line))
    han = len(_HAN.findall(line))
    if finished and (words >= 25 or han >= 45):
        return True
    if stripped.endswith((".", "。")) and (words >= 15 or han >= 30):
        return True  # a headline never closes with a full stop after this many words
    following = rest[0].strip() if rest else ""
    if following and not finished and (words >= 12 or han >= 25):
        # "... said chief executive Jo" / "hn Smith on Monday ...": the line runs on into the next one.
        return bool(re.match(r"[a-z]", following))
    return False


def _starts_body(line: str, n_lines: int) -> bool:
    """The first line is already the summary body (no headline above it)."""
    if LEAD_RE.match(line) or (len(line) > 300 and n_lines == 1):
        return True
    if n_lines == 1 and len(split_sentences(line)) > 1:
        return True  # the whole file is one paragraph of several sentences: a headline is never that
    if INLINE_GROUP_RE.match(line) and len(line) > 120:
        return True  # "Group 1 - point [2] - point [3] Group 2 - ..."
    # A headline never carries citation markers; a body line with several of them is no headline.
    return len(line) > 150 and len(_CITATION.findall(line)) >= 2


def _is_headline(line: str) -> bool:
    """A short closing line that reads as a headline (no citations, no lead word, no finished sentence)."""
    return bool(
        len(line) <= 150
        and not _CITATION.search(line)
        and not LEAD_RE.match(line)
        and not _has_inline_group(line)
        and not BULLET_RE.match(line)
        and not line.endswith((".", "。", ":", "："))
    )


def _same_title(a: str, b: str) -> bool:
    fa, fb = re.sub(r"\W+", "", a).lower(), re.sub(r"\W+", "", b).lower()
    if not fa or not fb:
        return False
    short, long = sorted((fa, fb), key=len)
    return long.startswith(short) and len(short) >= 0.6 * len(long)


def _shorten(text: str, limit: int) -> str:
    text, _ = strip_citations(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _parse_json(text: str) -> Article:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ArticleError(
            f"file looks like JSON but is not valid JSON (line {exc.lineno}: {exc.msg})"
        ) from exc
    except RecursionError as exc:
        raise ArticleError("not valid article JSON: nested too deeply") from exc
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise ArticleError(f"not valid article JSON: {' '.join(str(exc).split())[:120]}") from exc
    if not isinstance(data, dict) or "title" not in data:
        raise ArticleError("JSON file is not an article (expected an object with at least a 'title')")
    data.pop("file", None)
    data.setdefault("format", ArticleFormat.JSON.value)
    if not data.get("id"):
        data["id"] = content_id(text)
    try:
        return Article.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise ArticleError(f"JSON article is invalid at '{where}': {first['msg']}") from exc


def _has_heading_lines(lines: list[str]) -> bool:
    return any(HEADING_LINE_RE.match(line.strip()) for line in lines if line.strip())


# ---------------------------------------------------------------------------------------------------------
# Summary bodies


def _looks_like_heading(text: str) -> bool:
    t = text.strip().strip(":：").strip()
    if not t or len(t) > 90 or re.search(r"[.!?。！？;；\[\]]", t.rstrip(".")):
        return False
    if re.search(r"[\u4e00-\u9fff]", t):
        return len(t) <= 30
    words = t.split()
    if len(words) > 10 or not (t[0].isupper() or t[0].isdigit() or t[0] in "\"“'"):
        return False
    if t.endswith((",", "，")) or re.search(r"\d+(?:\.\d+)?\s*%", t):
        return False
    content_words = [w for w in words if len(w) > 3 and w.lower() not in _SMALL_WORDS]
    if not content_words:
        return len(words) <= 3
    caps = sum(1 for w in content_words if w[0].isupper() or w[0].isdigit())
    return caps / len(content_words) >= 0.6 or len(words) <= 3


_SMALL_WORDS = frozenset(
    "with from into over under about amid after before between versus their this that".split()
)


def _heading_from_line(line: str) -> str | None:
    """The heading text when a whole line is a heading (``Group 1: X``, ``1. X``, ``## X``, ``X:``)."""
    m = HEADING_LINE_RE.match(line)
    if m:
        return (m.group("head") or "").strip(" :-–—")
    m = NUMBERED_LINE_RE.match(line)
    if m and _looks_like_heading(m.group("head")):
        return m.group("head").strip(" :-–—")
    if line.startswith("#"):
        return line.lstrip("#").strip(" :") or None
    if line.endswith((":", "：")) and _looks_like_heading(line[:-1]):
        return line[:-1].strip()
    return None


def _canonical_stream(lines: list[str]) -> str:
    """Turn line structure into one stream with explicit heading, bullet and line-break markers."""
    out: list[str] = []
    previous_open = False  # previous line did not finish its sentence (hard-wrapped paragraph)
    for raw in lines:
        line = raw.strip()
        if not line:
            previous_open = False
            continue
        heading = _heading_from_line(line)
        lead = LEAD_RE.match(line)
        if lead and out and not line[lead.end() :].strip():
            heading = line.strip(" :：-–—")  # "Key Points:" on its own line after the lead
        if heading is not None and (not lead or out):
            out.append(f"{LINEBREAK} {HEAD_OPEN}{heading}{HEAD_CLOSE} ")
            previous_open = False
            continue
        bullet = BULLET_RE.match(line)
        if bullet:
            out.append(f"{BULLET}{line[bullet.end() :]}")
        elif previous_open and out and line[:1].islower():
            out.append(f" {line}")
        else:
            if out:
                out.append(f" {LINEBREAK} ")
            # "Heading - first point" on its own line: the heading closes at the first dash.
            out.append(line)
        previous_open = not ends_sentence(line)
    stream = "".join(out)
    return re.sub(rf"^\s*{LINEBREAK}\s*", "", stream)


# Where INLINE_DECIMAL_RE and INLINE_NUMBERED_RE can match: a run of one or two digits (their look-behinds
# want no digit before it), a point, and a digit or a space.
_DECIMAL_CUE = re.compile(r"\d\d*\.\d")  # '\d\d*', not '\d+': a class first lets the engine skip ahead
_NUMBERED_CUE = re.compile(r"\d\d*\.\s")


def _at_numbers(pattern: re.Pattern[str], cue: re.Pattern[str], stream: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(stream)``, tried only where ``cue`` finds a short number."""
    done = 0
    for c in cue.finditer(stream):
        p = c.start()
        if p < done or c.end() - p > 4:  # at most two digits and the point and what follows
            continue
        m = pattern.match(stream, p)
        if m:
            yield m
            done = m.end()


def _mark_inline_headings(stream: str) -> str:
    def group_sub(m: re.Match[str]) -> str:
        head = (m.group("head") or "").strip(" :-–—")
        return f"{HEAD_OPEN}{head}{HEAD_CLOSE}"

    grouped: list[str] = []
    last = 0
    for m in _inline_groups(stream):
        grouped.append(stream[last : m.start()])
        grouped.append(group_sub(m))
        last = m.end()
    stream = "".join(grouped) + stream[last:] if grouped else stream

    # Each pattern only where its number can be: a run of digits, a point and a digit or a space (one fast
    # scan for those), never at every character.
    decimal = [
        m
        for m in _at_numbers(INLINE_DECIMAL_RE, _DECIMAL_CUE, stream)
        if _looks_like_heading(m.group("head"))
    ]
    if len(decimal) >= 2:
        marked: list[str] = []
        last = 0
        for m in _at_numbers(INLINE_DECIMAL_RE, _DECIMAL_CUE, stream):
            marked.append(stream[last : m.start()])
            head = m.group("head")
            marked.append(
                f"{HEAD_OPEN}{head.strip()}{HEAD_CLOSE}" if _looks_like_heading(head) else m.group(0)
            )
            last = m.end()
        stream = "".join(marked) + stream[last:]

    matches = [
        m
        for m in _at_numbers(INLINE_NUMBERED_RE, _NUMBERED_CUE, stream)
        if _looks_like_heading(m.group("head"))
    ]
    numbers = [int(m.group("n")) for m in matches]
    if matches and numbers == list(range(numbers[0], numbers[0] + len(numbers))) and numbers[0] in (0, 1):
        pieces: list[str] = []
        last = 0
        for m in matches:
            pieces.append(stream[last : m.start()])
            pieces.append(f"{HEAD_OPEN}{m.group('head').strip()}{HEAD_CLOSE}")
            last = m.end()
        pieces.append(stream[last:])
        stream = "".join(pieces)
    return stream


_TAIL_END = re.compile(r"[.!?…。！？][\"'”’」』)]*(?:\s*\[[\d,;\s\-–]+\])*|(?:\[[\d,;\s\-–]+\])+")


class _Buffer:
    """The text of the point being read, kept as pieces: adding one costs its own length, and what the dash
    rules read (the bracket balance, whether the text ends a sentence, the unfinished tail after the last
    sentence end) costs at most the last ``_REACH`` characters, so a long point of many dashes ('x - x - …')
    is read in linear time. Only a tail shorter than a heading matters (``_looks_like_heading`` takes at most
    90 characters), so reading the recent characters gives the same split as reading the whole text."""

    __slots__ = ("_parts", "_recent", "open_brackets", "size")
    _REACH = 240  # a heading (at most 90 characters) and the sentence end before it

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._recent = ""  # the last _REACH characters, kept as the text grows
        self.size = 0
        self.open_brackets = 0  # '(' less ')': a dash inside parentheses ("(PE - TTM)") separates nothing

    def add(self, piece: str) -> None:
        self._parts.append(piece)
        self.size += len(piece)
        self.open_brackets += piece.count("(") - piece.count(")")
        self._recent = (self._recent + piece)[-self._REACH :]

    def clear(self) -> None:
        self._parts.clear()
        self._recent = ""
        self.size = self.open_brackets = 0

    def replace(self, text: str) -> None:
        self.clear()
        self.add(text)

    def text(self) -> str:
        text = "".join(self._parts)
        self._parts[:] = [text] if text else []
        return text

    def ends_sentence(self) -> bool:
        recent = self._recent
        if len(recent) < self.size and not recent.strip(" \"'”’」』)"):
            return ends_sentence(self.text())  # nothing but spaces and quotes in reach: read it all
        return ends_sentence(recent)

    def split_tail(self) -> tuple[str, str]:
        """``_split_tail`` of the text when its tail can be a heading. When the recent characters are not the
        whole text, the text before them is finished text, so 'done' is not empty ('…' stands for it until
        ``done()`` is asked for, which reads the whole text once, right before it is cleared)."""
        recent = self._recent
        done, tail = _split_tail(recent)
        if len(recent) == self.size:
            return done, tail
        return (done or "…"), tail

    def done(self) -> str:
        return _split_tail(self.text())[0]


def _split_tail(text: str) -> tuple[str, str]:
    """Split ``"...last point [3]. Next Heading"`` into the finished text and the unfinished tail."""
    last_end = None
    for m in _TAIL_END.finditer(text):
        after = text[m.end() : m.end() + 1]
        if after == "" or after.isspace() or m.group(0)[0] in "。！？":
            last_end = m.end()
    if last_end is None:
        return "", text.strip()
    return text[:last_end].strip(), text[last_end:].strip()


RawSections = list[tuple[str | None, list[str]]]


def _parse_summary_body(lines: list[str]) -> tuple[str, RawSections]:
    stream = _canonical_stream(lines)
    lead = LEAD_RE.match(stream)
    had_lead = bool(lead)
    if lead:
        stream = stream[lead.end() :]
    # An excerpt cut inside a heading ("... [9]. Group 5: Mark"): the cut heading has no points; drop it.
    # The pattern ends the stream: looked for in its last characters only (it spans fewer than 100).
    cut = _CUT_HEADING_RE.search(stream, max(0, len(stream) - _CUT_REACH))
    if cut:
        stream = stream[: cut.start()] + stream[cut.end() :]
    stream = _mark_inline_headings(stream)

    # Tokens: ("text", s) | ("head", h) | ("sep", kind)
    tokens: list[tuple[str, str]] = []
    pos = 0
    for m in _TOKEN_RE.finditer(stream):
        if m.start() > pos:
            tokens.append(("text", stream[pos : m.start()]))
        if m.group("head") is not None:
            tokens.append(("head", m.group("head")))
        elif m.group("bullet") is not None:
            tokens.append(("sep", "bullet"))
        elif m.group("dash") is not None or m.group("cjk_dash") is not None:
            tokens.append(("sep", "dash"))
        else:
            tokens.append(("sep", "line"))
        pos = m.end()
    if pos < len(stream):
        tokens.append(("text", stream[pos:]))

    core_parts: list[str] = []
    sections: RawSections = []
    unnamed_first = False  # the first section was opened by bullets after the lead, not by a heading
    current: list[str] | None = None  # point texts of the open section; None while in the core viewpoint
    current_heading: str | None = None
    buffer = _Buffer()
    fresh_line = True  # the buffer started a new line (or the body): "Heading - point" may follow

    def flush() -> None:
        text = buffer.text().strip()
        buffer.clear()
        if not text or not re.search(r"\w", text):
            return
        if current is None:
            core_parts.append(text)
        else:
            current.append(text)

    def open_section(heading: str | None) -> None:
        nonlocal current, current_heading
        flush()
        if current is not None and (current or current_heading is not None):
            sections.append((current_heading, current))
        if len(sections) >= MAX_GROUPS:
            raise ArticleError(f"article has more than {MAX_GROUPS:,} groups; split it into several files")
        current, current_heading = [], (heading or None)

    # The text after each token up to the next heading ('' if a heading or nothing comes first): one pass from
    # the right (linear time).
    following_text: list[str] = [""] * len(tokens)
    after = ""
    for i in range(len(tokens) - 1, -1, -1):
        following_text[i] = after
        kind, value = tokens[i]
        if kind == "text" and value.strip():
            after = value.strip()
        elif kind == "head":
            after = ""

    for i, (kind, value) in enumerate(tokens):
        if kind == "head":
            open_section(value)
        elif kind == "text":
            buffer.add(f" {value}" if buffer.size else value)
        else:  # a separator: value is "dash", "bullet" or "line"
            kind = value
            following = following_text[i]
            starts_lower = bool(following) and following[0].islower()
            if kind == "dash":
                if (starts_lower and not buffer.ends_sentence()) or buffer.open_brackets > 0:
                    buffer.add(" - ")  # a dash inside a sentence: "the plan - which ..."
                    continue
                done, tail = buffer.split_tail()
                at_start = not core_parts and current is None and not done
                heading_ok = tail and _looks_like_heading(tail) and not starts_lower
                whole = not done and (
                    (at_start and not had_lead)
                    or (fresh_line and (core_parts or current is not None))
                    or (current is not None and _is_whole_heading(tail, current))
                )
                if heading_ok and (done or whole):
                    buffer.replace(buffer.done())
                    open_section(tail)
                    fresh_line = False
                    continue
            flush()
            fresh_line = kind == "line"
            if current is None and kind in ("bullet", "line") and (core_parts or had_lead):
                # Bullets or new lines after the lead: the points of an unnamed section.
                if core_parts:
                    open_section(None)
                    unnamed_first = True
            elif current is None and kind == "dash" and core_parts:
                open_section(None)
                unnamed_first = True
    flush()
    if current is not None and (current or current_heading is not None):
        sections.append((current_heading, current))
    if unnamed_first and len(sections) > 1 and sections[0][0] is None:
        # "Core Insights - lead [1] - more [2] - more [3] Group 1: ...": the bullets between the lead and
        # the first heading belong to the core viewpoint, not to a section without a heading.
        core_parts.extend(sections.pop(0)[1])
    sections = [(h, [p for p in pts if _has_words(p)]) for h, pts in sections]
    if sum(len(p) for _, p in sections) > MAX_POINTS:
        raise ArticleError(f"article has more than {MAX_POINTS:,} points; split it into several files")
    sections = [(h, pts) for h, pts in sections if pts or h]
    return _clean_core(" ".join(core_parts)), sections


# A word character that is not a digit survives citation stripping (markers are digits, brackets, separators).
_LETTER = re.compile(r"[^\W\d]")


def _has_words(point: str) -> bool:
    """Whether a point has a word character outside its citation markers."""
    return bool(_LETTER.search(point) or re.search(r"\w", strip_citations(point)[0]))


_CUT_REACH = 200
_CUT_HEADING_RE = re.compile(
    rf"(?:(?<=[\s\]。.])|^){_GROUP_WORD}\s*(?:\d{{1,4}}|[{_CN_NUM}]+)\s*(?:[:：][^\[\].!?。！？\-–—\ue000-\ue003]{{0,60}})?\s*$",
    re.I,
)


def _is_whole_heading(tail: str, points: list[str]) -> bool:
    # A short title-case phrase standing alone between two dashes, right after a finished point.
    return bool(points) and ends_sentence(points[-1]) and len(tail.split()) <= 8


def _clean_core(core: str) -> str:
    return re.sub(r"\s{2,}", " ", core).strip()


def _section(heading: str | None, texts: list[str]) -> Section:
    points: list[Point] = []
    for text in texts:
        clean, cites = strip_citations(text.strip().lstrip("-–—").strip())
        clean = clean.strip()
        if clean and re.search(r"\w", clean):
            points.append(Point(text=clean, citations=cites))
    return Section(heading=heading, points=points)


# ---------------------------------------------------------------------------------------------------------
# Plain news text


def _parse_plain_body(lines: list[str]) -> tuple[str, RawSections]:
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        bullet = BULLET_RE.match(line)
        if bullet:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            line = line[bullet.end() :]
        current.append(line)
        if ends_sentence(line) and len(line) > 200:
            # One paragraph per line in most feeds; long finished lines end their paragraph.
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    paragraphs = [p for p in paragraphs if re.search(r"\w", p)]
    if not paragraphs:
        return "", []
    lead, rest = paragraphs[0], paragraphs[1:]
    points: list[str] = []
    for paragraph in rest:
        points.extend(split_sentences(paragraph))
    return lead, ([(None, points)] if points else [])
