"""Moves: who joined, left, was appointed, fired or returned where, and when — from one article's text.

The reader works sentence by sentence over the core viewpoint and the points. In each sentence it finds the
people (the article's people and their aliases, pronouns, and Chinese names written beside a verb of movement),
the organizations (the article's, "the company" for the one named before, a capitalized name after "joined"),
the dates, and the verbs of movement. Each verb takes its person (the subject before "left", the object after
"appointed", the subject again in the passive "was appointed"), its organization and role, and the date written
nearest to it, else the article's date. A sentence that reports a rumour ("reportedly", "people familiar with")
or a denial yields nothing; a verb under intent, pressure, negation or possibility ("threatened to quit", "in
talks to join", "has no plans to step down") is no move; a future one ("will step down at year end") is an
announced move with its future date.

Linear: each sentence is tokenized once, names are looked up by first token in dictionaries, and every verb finds
its person, organization and date by bisection over the sorted mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Literal

from bot.article import Article, Stance
from bot.article.extract import stance_of
from bot.article.lexicon import (
    CJK_NAME_STOP,
    CJK_SURNAMES,
    COMMON_NOUNS,
    GIVEN_NAMES,
    NOT_NAME_WORDS,
    ORG_WORDS,
)
from bot.article.sentences import split_sentences, strip_citations

from .dates import DateMention, find_dates, parse_article_date
from .lexicon import (
    AUXILIARY_BEFORE,
    BASE_FORM,
    CN_GENERIC_ORG,
    CN_LOCAL_HEDGE,
    CN_ORG_SUFFIX,
    CN_ROLE,
    CN_TRIGGER,
    CN_TRIGGER_INFO,
    DEMAND_BEFORE,
    EN_TRIGGER,
    EN_TRIGGER_INFO,
    FUTURE,
    GENERIC_ORG,
    GENERIC_ORG_NAME,
    LOCAL_HEDGE,
    ROLE_HEAD_WORDS,
    ROLE_WORDS,
    RUMOUR_BEFORE,
    SOURCE_HEDGE,
)


class MoveKind(StrEnum):
    JOINED = "joined"
    LEFT = "left"
    APPOINTED = "appointed"
    FIRED = "fired"
    RETURNED = "returned"


DateFrom = Literal["text", "article"]


@dataclass(frozen=True)
class Move:
    """One dated change of a person's position. ``date`` is "YYYY-MM-DD", "YYYY-MM", "YYYY" or None;
    ``date_from`` says whether the text gave it or it is the article's date; ``announced`` marks a move the
    text says is still to come ("will step down at year end")."""

    person: str
    kind: MoveKind
    organization: str | None
    role: str | None
    date: str | None
    date_from: DateFrom
    evidence: str
    announced: bool = False
    article_id: str | None = None
    article_date: str | None = None

    def as_record(self) -> dict[str, str | None]:
        """The public JSON form (``python -m bot moves --json`` adds ``file``)."""
        return {
            "person": self.person,
            "kind": self.kind.value,
            "organization": self.organization,
            "role": self.role,
            "date": self.date,
            "date_from": self.date_from,
            "evidence": self.evidence,
        }


# --- tokens and mentions ------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:[-.][A-Za-z0-9\u00c0-\u024f]+)*|[\u3400-\u9fff]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_MAX_NAME_TOKENS = 24  # a name or organization is at most this many tokens (Chinese: characters)


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0).casefold(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


class _Gazetteer:
    """Names looked up by their first token: one dictionary probe per token and length (linear)."""

    def __init__(self) -> None:
        self._longest: dict[str, int] = {}
        self._names: dict[tuple[str, ...], str] = {}

    def add(self, surface: str, canonical: str) -> None:
        key = tuple(t for t, _, _ in _tokens(surface))
        if not key or len(key) > _MAX_NAME_TOKENS:
            return
        if len(key) == 1 and len(key[0]) < 2:
            return
        self._names.setdefault(key, canonical)
        self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))

    def scan(self, toks: list[tuple[str, int, int]]) -> Iterator[tuple[int, int, str]]:
        i = 0
        while i < len(toks):
            longest = self._longest.get(toks[i][0], 0)
            hit = None
            for n in range(min(longest, len(toks) - i), 0, -1):
                name = self._names.get(tuple(t for t, _, _ in toks[i : i + n]))
                if name is not None:
                    hit = (n, name)
                    break
            if hit is None:
                i += 1
                continue
            n, name = hit
            yield toks[i][1], toks[i + n - 1][2], name
            i += n


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str | None  # None: a pronoun or "the company" not resolved yet
    kind: Literal["person", "org"]
    generic: bool = False  # a pronoun or "the company"


_PRONOUN = re.compile(r"\b(?:he|she|him|his|her)\b|[他她]", re.I)
_CAP_RUN = re.compile(
    r"(?:[A-Z][\w&.\-]*|[a-z]+[A-Z][\w\-]*)(?:['’]s\b)?(?:\s+(?:(?:of|for|and|de|&)\s+)?(?:[A-Z][\w&.\-]*|\d+))*"
)
_NOT_ORG_START = frozenset(
    "the a an he she his her its their it they we i this that these those in on at for as by of to from with and "
    "but or after before mr mrs ms dr chief ceo cfo cto coo president chairman".split()
)
_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)


@dataclass
class _Sentence:
    text: str
    mentions: list[_Mention]  # people and organizations, by position
    names: list[str | None]  # each mention's name, pronouns and "the company" resolved
    dates: list[DateMention]
    starts: list[int] = field(default_factory=list)
    persons: list[int] = field(default_factory=list)  # indexes of person mentions
    person_starts: list[int] = field(default_factory=list)
    orgs: list[int] = field(default_factory=list)
    org_starts: list[int] = field(default_factory=list)
    generic_orgs: list[int] = field(default_factory=list)  # "the company": named by the organization learned

    def __post_init__(self) -> None:
        self.starts = [m.start for m in self.mentions]
        self.persons = [i for i, m in enumerate(self.mentions) if m.kind == "person"]
        self.person_starts = [self.mentions[i].start for i in self.persons]
        self.orgs = [i for i, m in enumerate(self.mentions) if m.kind == "org"]
        self.org_starts = [self.mentions[i].start for i in self.orgs]
        self.generic_orgs = [i for i in self.orgs if self.mentions[i].generic]


class _Spans:
    """Spans asked whether any of them overlaps a given one, by bisection (the spans may overlap each other)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.max_end: list[int] = []
        top = -1
        for _, e in ordered:
            top = max(top, e)
            self.max_end.append(top)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)
        return i > 0 and self.max_end[i - 1] > start


@dataclass
class _Context:
    """What earlier sentences said: the last person and organization named (for "he", "the company")."""

    person: str | None = None
    org: str | None = None
    first_org: str | None = None


@dataclass
class _Reader:
    article: Article
    ref: date | None
    people: _Gazetteer = field(default_factory=_Gazetteer)
    orgs: _Gazetteer = field(default_factory=_Gazetteer)
    person_org: dict[str, str | None] = field(default_factory=dict)
    known_people: set[str] = field(default_factory=set)
    context: _Context = field(default_factory=_Context)
    not_orgs: set[str] = field(default_factory=set)  # people's aliases, organizations read from a "·" name

    def __post_init__(self) -> None:
        surnames: dict[str, set[str]] = {}
        self.not_orgs = {a for p in self.article.people for a in p.aliases}
        self.not_orgs |= {o.name for o in self.article.organizations if any("·" in a for a in o.aliases)}
        for p in self.article.people:
            self.people.add(p.name, p.name)
            for alias in p.aliases:
                self.people.add(alias, p.name)
                if "·" in alias and _CJK.search(alias):  # "约翰·詹南德雷亚": "詹南德雷亚" is the surname
                    surnames.setdefault(alias.rsplit("·", 1)[1], set()).add(p.name)
            self.person_org[p.name] = p.organization
            self.known_people.add(p.name)
            words = p.name.split()
            if len(words) >= 2 and words[-1][:1].isupper():
                surnames.setdefault(words[-1], set()).add(p.name)
        for surname, names in surnames.items():
            if len(names) == 1:  # "Gelsinger" for "Pat Gelsinger", unless two people share it
                self.people.add(surname, next(iter(names)))
        for o in self.article.organizations:
            if GENERIC_ORG_NAME.fullmatch(o.name.strip()):
                continue  # "Board": read as "the board", the organization the article is about
            self.orgs.add(o.name, o.name)
            for alias in o.aliases:
                self.orgs.add(alias, o.name)

    def title_people(self, title: str) -> None:
        """A title often names the article's subject ("Who is Mira Murati?") when the body only uses the
        surname: a given name and one or two capitalized words there is a person, known by the surname too."""
        for m in re.finditer(_EN_NAME, title):
            name = m.group(1)
            words = name.replace(".", "").split()
            if words[0].lower() not in GIVEN_NAMES or name in self.known_people:
                continue
            if any(w.lower() in _NOT_IN_NAME or w.lower() in _MONTH_WORDS for w in words[1:]):
                continue
            if list(self.orgs.scan(_tokens(name))) or list(self.people.scan(_tokens(name))):
                continue
            self.people.add(name, name)
            self.people.add(words[-1], name)
            self.known_people.add(name)

    # -- mentions --------------------------------------------------------------------------------------------

    def sentence(self, text: str) -> _Sentence:
        toks = _tokens(text)
        found: list[_Mention] = [_Mention(s, e, n, "person") for s, e, n in self.people.scan(toks)]
        taken = _Spans(
            (m.start, m.end) for m in found
        )  # overlap checks by bisection: linear in a long sentence
        for s, e, n in self.orgs.scan(toks):
            if not taken.overlaps(s, e):
                found.append(_Mention(s, e, n, "org"))
        for m in _PRONOUN.finditer(text):
            if not taken.overlaps(m.start(), m.end()):
                found.append(_Mention(m.start(), m.end(), None, "person", generic=True))
        named = _Spans((x.start, x.end) for x in found)
        for rx in (GENERIC_ORG, CN_GENERIC_ORG):
            for m in rx.finditer(text):
                if not named.overlaps(m.start(), m.end()):
                    found.append(_Mention(m.start(), m.end(), None, "org", generic=True))
        found.sort(key=lambda m: m.start)
        # A pronoun is the nearest person named before it (in this sentence or the ones before); "the company"
        # the nearest organization. One pass, carrying the last of each.
        last = {"person": self.context.person, "org": self.context.org}
        names: list[str | None] = []
        for mention in found:
            if mention.generic:
                names.append(last[mention.kind])
            else:
                names.append(mention.name)
                last[mention.kind] = mention.name
        return _Sentence(text, found, names, find_dates(text, self.ref))

    def remember(self, sent: _Sentence) -> None:
        subject = None
        for m, name in zip(sent.mentions, sent.names, strict=True):
            if name is None:
                continue
            if m.kind == "person":
                # "He" in the next sentence is most often this one's subject: the first person it names (a
                # pronoun standing for someone counts as naming them)
                subject = subject or name
            elif m.generic or _describes(sent, m) is not None:
                continue  # "the company" is the context already; "Quora chief X" is X's, not the story's
            else:
                self.context.org = name
                self.context.first_org = self.context.first_org or name
        if subject is not None:
            self.context.person = subject


def _describes(s: _Sentence, org: _Mention) -> str | None:
    """The person an organization describes ("Quora chief Adam D'Angelo", "Chipotle's Brian Niccol"): its
    name followed by role words and then that person; None when it describes nobody."""
    k = bisect_left(s.person_starts, org.end)
    if k >= len(s.persons) or s.person_starts[k] > org.end + 60:
        return None
    gap = s.text[org.end : s.person_starts[k]]
    words = re.findall(r"[\w-]+", gap.lower())
    if not re.fullmatch(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,4}", gap) or len(words) > 5:
        return None
    if words and words[0] == "s":
        words = words[1:]
    if any(
        w.removeprefix("co-") not in ROLE_WORDS and w not in ("former", "interim", "acting") for w in words
    ):
        return None
    return s.mentions[s.persons[k]].name


# --- persons, organizations and roles around a verb ------------------------------------------------------

_CONJ = re.compile(
    r"^[)）]?\s*(?:,\s*(?:and\s+)?|and\s+|&\s+|、|和|与|及|以及)\s*(?:(?:(?i:"
    + "|".join(sorted((re.escape(w) for w in ROLE_WORDS), key=len, reverse=True))
    + ")"
    # a role between the names: "and vice president of research Y", "、联合创始人Y"
    + r"|of|[a-z][a-z-]*)\s+)*(?:"
    + CN_ROLE.pattern
    + r")*$",
)
_PASSIVE = re.compile(
    # "has hired X" is active: only a form of "be" or "get" makes a participle passive ("has been hired")
    r"\b(?:was|were|is|are|been|be|being|get|gets|got)\s+(?:\w+ly\s+|also\s+|then\s+|now\s+|later\s+|since\s+)?$",
    re.I,
)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|its|whose)\s+(?:\w+\s+)?$", re.I)
_POSSESSIVE_GAP = re.compile(r"^['’]s?\s+(?:[a-z\-]+\s+){0,2}$")
_OF_GAP = re.compile(r"^\s+(?:of|by)\s+(?:[\w\-'’]+\s+){0,4}$")
_CLAUSE_END = re.compile(
    r"[;:.!?。；！？]|,\s+(?:but|while|whereas|although|though|and\s+(?=\w+\s+(?:was|were|has|had|is|will)))\b"
    # "left A in May and joined B as CEO": a second verb of movement starts its own clause
    r"|\s+and\s+(?=(?:then\s+|later\s+|also\s+|subsequently\s+)?(?:joined|left|became|returned|rejoined|resigned"
    r"|retired|quit|stepped|moved|took\s+over|was\s+(?:named|appointed|hired|fired)|went\s+on)\b)"
)
_COORDINATED = re.compile(r"\s(?:and|but)\s+(?:then\s+|later\s+|also\s+|subsequently\s+)?$", re.I)
_SUBORDINATE = re.compile(
    r"\b(?:amid|after|following|before|because|since|despite|while|when|which|that|followed|than)\b", re.I
)
# Words that cannot stand between a verb and its object ("hire an investigator to look into the process that led")
_OBJECT_GAP_STOP = re.compile(r"\b(?:to|that|which|who|whom|into|after|before|because|led|following)\b", re.I)
_AS_IS = re.compile(r",\s+as\s+(?:is|are|was|were|did|does|do|has|have|had)\s+", re.I)
# A relative clause closed right before the verb: ", who backed X's removal, are (also) leaving"
_RELATIVE_BEFORE = re.compile(
    r",\s+(?:who|which|whose|whom)\b[^,;.]{0,120},\s*(?:(?:is|are|was|were|has|have|had|also|now|will|would)\s+){0,3}$",
    re.I,
)
_CLAUSE_WORDS = frozenset(
    "who whom whose which that had has have was were is are said says after before".split()
)


def _listed(gap: str) -> bool:
    """Between two names of one list: a conjunction and at most a role ("and vice president of research"),
    never a clause ("who backed ...")."""
    words = [w for w in re.findall(r"[a-z][a-z-]*", gap) if w not in ("and", "of")]
    if not words:
        return True
    return not any(w in _CLAUSE_WORDS for w in words) and any(
        w.removeprefix("co-") in ROLE_WORDS for w in words
    )


# A month that reads like a modal verb ("in May", "May 3"), taken out before the hedges are looked for
_MONTH_MAY = re.compile(
    r"\b(?:in|on|by|since|until|from|to|last|early|late|mid|of|this|next|until)\s+May\b|\bMay\s+\d", re.I
)
_LEAVE_OK_NEXT = frozenset(
    "for to after in on at last earlier this shortly abruptly quietly and as when following amid over his her their its "
    "the a effective immediately from last month year week".split()
)
_POSTS = frozenset(
    "post job role position seat board helm company firm group bank startup start-up lab business team chair".split()
)
_ROLE_SKIP = frozenset("the a an its his her their new next first permanent full-time".split())
_CN_SUBJECT_GAP = re.compile(
    r"(?:先生|女士)?(?:将于?[^，。；,;]{0,14}?|已经?|正式|也|则|随后|于[^，。；,;]{0,14}?|在[^，。；,;]{0,14}?|因[^，。；,;]{0,12}?"
    r"|曾|亦|今日|近日|日前|宣布|本人|同时|还|又|现)*$"
)
_CN_NAME_BEFORE = re.compile(
    rf"(?:^|[^\u3400-\u9fff]|由|和|与|、|及|称|宣布|[官长裁理席事监书人总师])([{''.join(sorted(CJK_SURNAMES))}][\u4e00-\u9fff]{{1,2}}?)"
    + _CN_SUBJECT_GAP.pattern
)
_CN_NAME_AFTER = re.compile(
    rf"^(?:了|原)?([{''.join(sorted(CJK_SURNAMES))}][\u4e00-\u9fff]{{1,2}}?)"
    r"(?=为|担任|出任|的|先生|女士|同志|[，,。；、]|职务|公司|集团|董事|总|副|首席|$)"
)
_CN_SUBJECT_ORG = re.compile(
    r"^(?:\d{1,2}月\d{1,2}日[，,]?)?([\u4e00-\u9fffA-Za-z]{2,16}?)(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日)?"
    r"(?:在|宣布|称|表示|发布|公告|完成|今日|近日|日前|正式|发表|回应|澄清|任命|聘任|免去|选举|董事会|换帅|高管|人事|拟|将|已|"
    + CN_ROLE.pattern
    + ")"
)
_SUBJECT_ORG = re.compile(
    r"^(?:The\s+)?([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,4})(?:['’]s\s+board)?"
    r"(?:\s+(?:on\s+\w+day|has|have|had|also|today|yesterday|formally|officially))*$"
)
_EN_NAME = r"([A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’\-]+){1,2})"
_EN_NAME_BEFORE = re.compile(
    _EN_NAME + r"(?:,[^,]{1,60},)?\s+(?:(?:has|have|had|will|would|was|is|also|then|later|now)\s+)*$"
)
_EN_NAME_AFTER = re.compile(r"^\s+(?:(?:its|the|former|[a-z\-]+)\s+){0,3}?" + _EN_NAME + r"\b")
_NOT_IN_NAME = NOT_NAME_WORDS | ORG_WORDS | COMMON_NOUNS | ROLE_WORDS
_CN_STOP = re.compile(r"[，。；、,;.!?！？：:（(）)]|职务|一职|职位|的职|等职|后|并|而|之后|以来|期间")
_CN_ROLE_AFTER = re.compile(r"(?:担任|出任|接任|升任|任|为|成为)")


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the last strong break before it, at most 80 chars back)."""
    lo = max(0, pos - 80)
    last = lo
    for m in re.finditer(r"[,;:，；：]", text[lo:pos]):
        last = lo + m.end()
    return last


def _clause_end(text: str, pos: int) -> int:
    m = _CLAUSE_END.search(text, pos, min(len(text), pos + 200))
    return m.start() if m else min(len(text), pos + 200)


def _cjk_name_ok(name: str) -> bool:
    return 2 <= len(name) <= 3 and not any(c in CJK_NAME_STOP for c in name) and not CN_ROLE.search(name)


def _role_at(text: str, pos: int) -> tuple[str | None, int]:
    """A role phrase starting at ``pos`` ("the company's new chief executive"); returns it and where it ends."""
    words: list[tuple[str, int]] = []
    stop = re.search(r"[,.;:()，。；]", text[pos : pos + 120])
    for m in re.finditer(r"[A-Za-z][\w\-]*(?:['’]s)?", text[pos : pos + (stop.start() if stop else 120)]):
        words.append((m.group(0), pos + m.end()))
        if len(words) >= 9:
            break
    i = 0
    while i < len(words) and (
        words[i][0].lower() in _ROLE_SKIP or words[i][0].lower().endswith(("'s", "’s"))
    ):
        i += 1
    role: list[str] = []
    end = pos
    j = i
    while j < len(words):
        w = words[j][0]
        low = w.lower()
        if low.endswith("s") and low not in ROLE_WORDS and low[:-1] in ROLE_WORDS:
            w, low = w[:-1], low[:-1]  # "interim co-CEOs" -> "interim co-CEO"
        if low in ROLE_WORDS or (low in ("and", "of") and role):
            role.append(w)
            if low in ROLE_HEAD_WORDS:
                end = words[j][1]
            j += 1
            continue
        break
    while role and (role[-1].lower() not in ROLE_HEAD_WORDS):
        role.pop()
    if not role:
        return None, pos
    return " ".join(role), end


def _org_run_at(text: str, pos: int) -> tuple[str, int] | None:
    """A capitalized name starting at ``pos`` that the article's organizations do not list ("Safe
    Superintelligence"); not a month, a pronoun or a role."""
    m = _CAP_RUN.match(text, pos)
    if not m:
        return None
    run = re.sub(r"['’]s$", "", m.group(0)).strip()
    if run.endswith(".") and not re.search(r"\b(?:Inc|Co|Corp|Ltd|Bros|S\.A|N\.V)\.$", run):
        run = run[:-1]  # the sentence's full stop
    words = run.split()
    while words and words[-1].lower() in ("of", "for", "and", "de", "&"):
        words.pop()
    if not words or words[0].lower() in _NOT_ORG_START or words[0].lower() in _MONTH_WORDS:
        return None
    if words[0].lower() in ROLE_WORDS:
        return None
    return " ".join(words), m.end()


@dataclass
class _Found:
    persons: list[str]
    kind: MoveKind
    org: str | None
    role: str | None
    start: int
    end: int
    future: bool
    extra: list[tuple[MoveKind, str]] = field(default_factory=list)  # "left X for Y": joined Y


class _SentenceReader:
    def __init__(self, reader: _Reader, sent: _Sentence) -> None:
        self.r = reader
        self.s = sent
        self.text = sent.text
        self.fallback_person: str | None = None
        self.last_persons: list[str] = []  # the subject of the sentence's last move ("left A and joined B")
        # rumour words and semicolons, found once: each verb asks by bisection whether one stands before it
        self.rumours = [m.start() for m in RUMOUR_BEFORE.finditer(sent.text)]
        self.semicolons = [i for i, c in enumerate(sent.text) if c in ";；"]
        if _CJK.search(sent.text):
            self._cn_subject_org()

    def _cn_subject_org(self) -> None:
        """ "百度宣布…", "中炬高新在…": the organization a Chinese sentence opens with."""
        m = _CN_SUBJECT_ORG.match(self.text)
        if not m:
            return
        org = m.group(1)
        if org in self.r.known_people or CN_ROLE.search(org) or CN_GENERIC_ORG.match(org):
            return
        if _NOT_AN_ORG_CN.search(org):
            return  # "美国总统特朗普8月7日…": a person by their title, not an organization
        by_role = CN_ROLE.match(self.text, m.end(1)) is not None
        if (by_role and not CN_ORG_SUFFIX.search(org)) or re.search(r"[的了]", org):
            return  # "上市公司失联总经理": a description, not a name
        if len(org) <= 3 and org[0] in CJK_SURNAMES and not CN_ORG_SUFFIX.search(org):
            return  # reads like a name
        if any(m.kind == "person" and m.start < len(org) for m in self.s.mentions):
            return
        self._learn(org)

    # persons ------------------------------------------------------------------------------------------------

    _MAX_LIST = 8  # "A, B and C left": at most this many people share one verb

    def _persons_before(self, pos: int) -> list[str]:
        s = self.s
        lo = max(0, pos - 160)
        rel = _RELATIVE_BEFORE.search(self.text, lo, pos)
        if rel is not None:
            pos = rel.start()  # "A and B, who backed C's removal, are leaving": the subject is before "who"
        k = bisect_left(s.person_starts, pos) - 1
        while k >= 0 and s.mentions[s.persons[k]].end > pos:
            k -= 1
        if k < 0:
            return []
        names = [s.names[s.persons[k]]]
        cur = s.mentions[s.persons[k]]
        # "Jerry Tworek, Andrea Vallone and Tom Cunningham have left"
        while k > 0 and len(names) < self._MAX_LIST:
            prev = s.mentions[s.persons[k - 1]]
            if not _CONJ.match(self.text[prev.end : cur.start]) or not _listed(
                self.text[prev.end : cur.start]
            ):
                break
            k -= 1
            names.insert(0, s.names[s.persons[k]])
            cur = prev
        return [n for n in names if n]

    def _persons_after(self, pos: int, limit: int) -> tuple[list[str], int]:
        s = self.s
        k = bisect_left(s.person_starts, pos)
        if k >= len(s.persons) or s.mentions[s.persons[k]].start > limit:
            return [], pos
        names = [s.names[s.persons[k]]]
        cur = s.mentions[s.persons[k]]
        while k + 1 < len(s.persons) and len(names) < self._MAX_LIST:
            nxt = s.mentions[s.persons[k + 1]]
            if not _CONJ.match(self.text[cur.end : nxt.start]):
                break
            k += 1
            names.append(s.names[s.persons[k]])
            cur = nxt
        return [n for n in names if n], cur.end

    def _en_name(self, m: re.Match[str] | None) -> list[str]:
        """A name the article's people missed, written right beside the verb ("Niel Golightly")."""
        if m is None:
            return []
        name = m.group(1)
        words = name.replace(".", "").split()
        if any(w.lower() in _NOT_IN_NAME or w.lower() in _MONTH_WORDS for w in words):
            return []
        if list(self.r.orgs.scan(_tokens(name))):
            return []
        self.r.people.add(name, name)
        self.r.people.add(words[-1], name)
        self.r.known_people.add(name)
        self.fallback_person = name
        return [name]

    # organizations ----------------------------------------------------------------------------------------

    def _org_mentions(self, lo: int, hi: int) -> list[tuple[_Mention, str | None]]:
        s = self.s
        i = bisect_left(s.org_starts, lo)
        j = bisect_right(s.org_starts, hi)
        return [(s.mentions[x], s.names[x]) for x in s.orgs[i:j] if s.mentions[x].end <= hi]

    def _org_after(self, pos: int, hi: int) -> tuple[str | None, str | None, int]:
        """The organization a verb of movement points at: "left OpenAI", "joined the company", "resigned from
        X", "returned to X as CEO"; and the destination in "left ... for Y" / "to join Y"."""
        source: str | None = None
        dest: str | None = None
        source_end = pos
        k = bisect_right(self.s.person_starts, pos)
        if k < len(self.s.persons):
            hi = min(hi, self.s.person_starts[k])  # another person starts another clause
        sub = _SUBORDINATE.search(self.text, pos, hi)
        if sub is not None:
            hi = (
                sub.start()
            )  # "step down ... amid a crisis on an Alaska Airlines jet": not where they step down
        for m, name in self._org_mentions(pos, hi):
            if not m.generic and self._describes(m) is not None:
                continue  # "... and Quora chief Adam D'Angelo": the next person's organization
            lead = self.text[max(pos, m.start - 12) : m.start].lower()
            is_dest = bool(re.search(r"\b(?:for|to\s+join|to|into)\s+(?:rival\s+|the\s+)?$", lead))
            if is_dest and name and not m.generic:
                dest = dest or name
            elif source is None and name:
                source, source_end = name, m.end
            if source and dest:
                break
        if source is None:
            # an organization the article did not list, right after the verb or a preposition
            m2 = re.match(r"\s+(?:(?:from|at|to|with|the\s+board\s+of)\s+)?", self.text[pos:hi])
            start = pos + (m2.end() if m2 else 0)
            run = _org_run_at(self.text, start)
            if run and not self._person_at(start):
                source, source_end = run[0], run[1]
                self._learn(run[0])
        return source, dest, source_end

    def _learn(self, org: str) -> None:
        """An organization the article's list missed: known from here on, and "the company" after it."""
        self.r.orgs.add(org, org)
        self.r.context.org = org
        for x in self.s.generic_orgs:
            if self.s.names[x] is None:
                self.s.names[x] = org

    def _subject_org(self, lo: int, hi: int) -> str | None:
        """ "Orbital Freight appointed …": an organization the article's list missed, as the verb's subject."""
        m = _SUBJECT_ORG.match(self.text[lo:hi].strip())
        if not m or self._person_at(lo + self.text[lo:hi].index(m.group(1))):
            return None
        run = _org_run_at(m.group(1), 0)
        if run is None or run[0] != m.group(1) or run[0] in self.r.known_people:
            return None
        self._learn(run[0])
        return run[0]

    def _person_at(self, pos: int) -> bool:
        k = bisect_left(self.s.person_starts, pos)
        return k < len(self.s.persons) and self.s.person_starts[k] == pos

    def _describes(self, org: _Mention) -> str | None:
        return _describes(self.s, org)

    def _sentence_subject_org(self, pos: int) -> str | None:
        """The first organization of the sentence before ``pos`` that describes nobody: what "its" refers to."""
        for m, name in self._org_mentions(0, pos):
            if name and not m.generic and self._describes(m) is None:
                return name
        return None

    def _nearest_org(
        self, pos: int, exclude: set[str], persons: list[str] | None = None, arriving: bool = False
    ) -> str | None:
        """The organization written nearest to ``pos``; one that describes another person ("Quora chief Adam
        D'Angelo") is theirs, not the mover's; one the mover is "former" of is not where they arrive."""
        s = self.s
        k = bisect_left(s.org_starts, pos)
        best: tuple[int, str] | None = None
        for step in range(4):  # a few on each side: the nearest usable one is among them
            for x in (k - 1 - step, k + step):
                if 0 <= x < len(s.orgs):
                    name = s.names[s.orgs[x]]
                    described = self._describes(s.mentions[s.orgs[x]]) if persons is not None else None
                    if described is not None and described not in (persons or ()):
                        continue
                    start = s.org_starts[x]
                    if start > pos + 300 or (start > pos and _SUBORDINATE.search(self.text, pos, start)):
                        continue  # "... would step down amid a crisis on an Alaska Airlines jet": not its org
                    if (
                        arriving
                        and described is not None
                        and self.text[max(0, start - 8) : start].lower().endswith("former ")
                    ):
                        continue  # "former Salesforce co-CEO Bret Taylor" joins somewhere else
                    if name and name not in exclude:
                        d = abs(s.org_starts[x] - pos)
                        if best is None or d < best[0]:
                            best = (d, name)
        return best[1] if best else None

    def _role_and_org_after(self, pos: int, hi: int) -> tuple[str | None, str | None]:
        """ "as chief executive of X", "to CEO", "X's CEO", "CEO" right after the person."""
        window = self.text[pos:hi]
        m = re.match(
            r"\s*(?:as|to|to\s+the\s+(?:role|post|position)\s+of|to\s+be|to\s+become|to\s+lead|to\s+head|to\s+run)?\s*",
            window,
        )
        start = pos + (m.end() if m else 0)
        role, end = (None, start) if window.lstrip().startswith(",") else _role_at(self.text, start)
        if role is None:
            am = re.search(r"\bas\s+", window)
            if am:
                start = pos + am.end()
                role, end = _role_at(self.text, start)
        org = None
        if role is not None:
            # the organization written inside or after the role: "Intel's CEO", "CEO of Intel Products"
            om = re.match(r"\s+(?:of|at|for)\s+(?:the\s+)?", self.text[end:hi])
            if om:
                mentions = self._org_mentions(end, hi)
                if mentions and mentions[0][0].start <= end + om.end() + 1:
                    org = mentions[0][1]
                else:
                    run = _org_run_at(self.text, end + om.end())
                    org = run[0] if run else None
                    if org:
                        self._learn(org)
            if org is None:
                for _, name in self._org_mentions(start, end):
                    org = name
        return role, org

    # the verbs ---------------------------------------------------------------------------------------------

    def hedged(self, start: int, chinese: bool) -> bool:
        k = bisect_left(self.semicolons, start) - 1
        lo = self.semicolons[k] + 1 if k >= 0 else 0
        r = bisect_left(self.rumours, lo)
        if r < len(self.rumours) and self.rumours[r] < start:
            return True
        if chinese:
            lo = max(_clause_start(self.text, start), start - 8)
            return bool(CN_LOCAL_HEDGE.search(self.text[lo:start]))
        lo = max(_clause_start(self.text, start), start - 60)
        window = _MONTH_MAY.sub(" ", self.text[lo:start])
        # only the last few words before the verb speak for it
        words = window.split()[-6:]
        return bool(LOCAL_HEDGE.search(" ".join(words)))

    def _demanded(self, m: re.Match[str]) -> bool:
        """A bare verb after its person, introduced by "for", "on" or "that" with no auxiliary between: what
        someone demands or wishes ("called on Tan to resign", "demanded that Tan resign"), not a move."""
        if not BASE_FORM.fullmatch(m.group(0)):
            return False
        k = bisect_left(self.s.person_starts, m.start()) - 1
        if k < 0:
            return False
        person = self.s.mentions[self.s.persons[k]]
        gap = self.text[person.end : m.start()]
        if not re.fullmatch(r"\s+(?:to\s+)?", gap):
            return False
        if AUXILIARY_BEFORE.search(self.text[person.end : m.start()]) and not gap.strip().startswith("to"):
            return False
        before = self.text[max(0, person.start - 80) : person.start]
        return bool(DEMAND_BEFORE.search(before))

    def future(self, start: int) -> bool:
        lo = max(_clause_start(self.text, start), start - 40)
        return bool(FUTURE.search(self.text[lo:start]))

    def english(self, m: re.Match[str]) -> _Found | None:
        kind_s, mode = EN_TRIGGER_INFO[int((m.lastgroup or "t0")[1:])]
        kind = MoveKind(kind_s)
        start, end = m.start(), m.end()
        hi = _clause_end(self.text, end)
        if mode.startswith("subj") and _DETERMINER_BEFORE.search(self.text[max(0, start - 30) : start]):
            mode = "noun"  # "the departure of X", "his exit"
        if self.hedged(start, chinese=False) or (mode == "subj" and self._demanded(m)):
            return None
        future = self.future(start)
        role: str | None = None
        org: str | None = None
        extra: list[tuple[MoveKind, str]] = []
        if mode == "noun":
            persons, pend = self._noun_persons(start, end, hi)
            if not persons:
                return None
            role, org = self._role_and_org_after(pend, hi)
            src, dest, _ = self._org_after(pend, hi)
            org = org or src
            if dest and kind is MoveKind.LEFT:
                extra.append((MoveKind.JOINED, dest))
        elif mode in ("obj", "obj_role"):
            before = self.text[max(0, start - 40) : start]
            passive = bool(_PASSIVE.search(before)) or bool(re.match(r"\s+by\b", self.text[end:hi]))
            passive = passive and not m.group(0).lower().endswith("ing")  # "has been recruiting": active
            if passive:
                persons = self._persons_before(start)
                role, org = self._role_and_org_after(end, hi)
            else:
                persons, pend = self._persons_after(end, min(hi, end + 70))
                first = bisect_left(self.s.person_starts, end)
                if persons and _OBJECT_GAP_STOP.search(self.text, end, self.s.person_starts[first]):
                    persons = []  # "would hire an investigator to look into ... Altman's firing": not the object
                if not persons:
                    nm = _EN_NAME_AFTER.match(self.text[end:hi])
                    persons = self._en_name(nm)
                    pend = end + nm.end() if nm and persons else end
                if not persons:
                    return None
                role, org = self._role_and_org_after(pend, hi)
                if org is None:
                    cs = _clause_start(self.text, start)
                    subj = self._org_mentions(cs, start)
                    org = subj[-1][1] if subj else self._subject_org(cs, start)
            if (
                mode == "obj_role"
                and role is None
                and not re.search(r"\bas\b|\bto\s+(?:lead|head|run)\b", self.text[end:hi])
            ):
                return None
        else:
            persons = self._persons_before(start)
            if not persons:
                persons = self._en_name(_EN_NAME_BEFORE.search(self.text[max(0, start - 90) : start]))
            if (
                not persons
                and self.last_persons
                and _COORDINATED.search(self.text, max(0, start - 20), start)
            ):
                persons = list(self.last_persons)  # "X left A earlier this year and joined B": X again
            if not persons:
                return None
            after = self.text[end:hi]
            if kind is MoveKind.LEFT and m.group(0).lower().startswith(("le", "quit")):
                nxt = re.match(r"\s*([\w,.]+)", after)
                word = nxt.group(1).lower().strip(",.") if nxt else ""
                det = re.match(r"\s*(?:the|a|an|his|her|their|its)\s+([\w\-]+)", after, re.I)
                if (
                    det
                    and det.group(1).lower() not in _POSTS
                    and not self._org_mentions(end, end + det.end() + 1)
                    and not _org_run_at(self.text, end + det.start(1))
                ):
                    return None  # "left the meeting early"
                if (
                    nxt
                    and word not in _LEAVE_OK_NEXT
                    and not self._org_mentions(end, end + len(nxt.group(0)) + 2)
                    and not _org_run_at(self.text, end + (len(nxt.group(0)) - len(nxt.group(1))))
                ):
                    return None
            src, dest, _ = self._org_after(end, hi)
            if src is None and dest is None and m.group(0).lower().startswith(("walk", "bow")):
                return (
                    None  # "walked out having given ...": a figure of speech unless it walks out of somewhere
                )
            role, org_in_role = self._role_and_org_after(end, hi)
            if mode == "subj_role" and role is None:
                return None
            if (
                kind is MoveKind.JOINED
                and src is None
                and dest is None
                and role is None
                and not re.match(r"\s+the\s+board\b", after, re.I)
            ):
                return None
            org = org_in_role or src  # "became CEO of X" names its organization in the role
            if org is None and re.match(r"\s+(?:as\s+)?(?:its|their)\s", after, re.I):
                org = self._sentence_subject_org(start)  # "Starbucks said X will become its CEO"
            if kind is MoveKind.JOINED and org is None and dest:
                org, dest = dest, None
            if dest and kind is MoveKind.LEFT:
                extra.append((MoveKind.JOINED, dest))
            if (
                kind is MoveKind.JOINED
                and role is None
                and re.match(r"\s+(?:the|its|\w+['’]s)\s+board\b", after, re.I)
            ):
                role = "board member"
        if not persons:
            return None
        if org is None:
            org = self._fallback_org(persons, start, {d for _, d in extra}, kind)
        also = _AS_IS.search(self.text, end, min(len(self.text), end + 160))
        if also is not None and mode != "noun":  # "are leaving the board, as is chief scientist X"
            more, _ = self._persons_after(also.end(), also.end() + 60)
            persons = persons + [p for p in more if p not in persons]
        self.last_persons = persons
        return _Found(persons, kind, org, role, start, end, future, extra)

    def _noun_persons(self, start: int, end: int, hi: int) -> tuple[list[str], int]:
        """ "X's departure", "his exit", "the departure of X": the people and where the phrase ends."""
        s = self.s
        k = bisect_left(s.person_starts, start) - 1
        if k >= 0:
            m = s.mentions[s.persons[k]]
            gap = self.text[m.end : start]
            if _POSSESSIVE_GAP.match(gap):
                return self._persons_before(start), end
            his = m.generic and self.text[m.start : m.end].lower() in ("his", "her")
            if his and re.match(r"^\s+(?:[a-z\-]+\s+){0,2}$", gap):
                return self._persons_before(start), end
        k = bisect_left(s.person_starts, end)
        near = k < len(s.persons) and s.person_starts[k] <= end + 60
        if near and _OF_GAP.match(self.text[end : s.person_starts[k]]):
            return self._persons_after(end, end + 60)
        return [], end

    def _fallback_org(
        self, persons: list[str], pos: int, exclude: set[str], kind: MoveKind | None = None
    ) -> str | None:
        arriving = kind in (MoveKind.JOINED, MoveKind.APPOINTED, MoveKind.RETURNED)
        near = self._nearest_org(pos, exclude, persons, arriving)
        if near:
            return near
        for p in persons:
            org = self.r.person_org.get(p)
            if org and not (arriving and re.search(rf"\bformer\s+{re.escape(org)}\b", self.text, re.I)):
                return org  # not the organization the text calls their former one, for an arrival
        return self.r.context.org or self.r.context.first_org

    # Chinese -------------------------------------------------------------------------------------------------

    def chinese(self, m: re.Match[str]) -> _Found | None:
        kind_s, mode = CN_TRIGGER_INFO[int((m.lastgroup or "c0")[1:])]
        kind = MoveKind(kind_s)
        start, end = m.start(), m.end()
        if self.hedged(start, chinese=True):
            return None
        future = self.future(start)
        stop = _CN_STOP.search(self.text, end)
        hi = stop.start() if stop else len(self.text)
        if mode == "cn_obj":
            persons, pend = self._persons_after(end, end + 4)
            if not persons:
                nm = _CN_NAME_AFTER.match(self.text[end : end + 12])
                if not nm or not _cjk_name_ok(nm.group(1)):
                    return None
                persons, pend = [self._cn_name(nm.group(1))], end + nm.end()
            rest_hi = _CN_STOP.search(self.text, pend + 1)
            span_start = pend
            wm = re.match(r"为|担任|出任|的", self.text[pend:])
            if wm:
                span_start = pend + wm.end()
            span_end = rest_hi.start() if rest_hi else len(self.text)
            org, role = self._cn_org_role(span_start, span_end)
        else:
            persons = self._persons_before(start)
            if not persons:
                # searched in place: a window cut mid-sentence has no start of text for "^" to match
                nm = _CN_NAME_BEFORE.search(self.text, max(0, start - 30), start)
                if not nm or not _cjk_name_ok(nm.group(1)):
                    return None
                persons = [self._cn_name(nm.group(1))]
            org, role = self._cn_org_role(end, hi)
            if role is None:
                rm = _CN_ROLE_AFTER.search(self.text, hi, min(len(self.text), hi + 4))
                if rm:
                    stop = _CN_STOP.search(self.text, rm.end())
                    org2, role = self._cn_org_role(rm.end(), stop.start() if stop else len(self.text))
                    org = org or org2
            if org is None and kind is MoveKind.APPOINTED:
                org = self._cn_descriptor_org(start)  # "Windsurf商务负责人杰夫·王出任临时CEO": at Windsurf
        if org is None:
            org = self._fallback_org(persons, start, set(), kind)
        return _Found(persons, kind, org, role, start, end, future)

    def _cn_descriptor_org(self, pos: int) -> str | None:
        """The organization written before the person's title at the start of the clause ("Windsurf商务负责人X",
        "星河科技首席财务官X"): where someone named to a post without an organization already works."""
        k = bisect_left(self.s.person_starts, pos) - 1
        if k < 0:
            return None
        lo = _clause_start(self.text, self.s.person_starts[k])
        head = self.text[lo : self.s.person_starts[k]].strip()
        m = _CN_DESCRIPTOR.match(head)
        if m is None or not CN_ROLE.search(head[m.end() :]):
            return None
        org = m.group(1)
        if CN_GENERIC_ORG.fullmatch(org) or _NOT_AN_ORG_CN.search(org) or not _org_ok(org, self.r):
            return None  # "公司首席技术官X": the company named before, which the fallback finds
        return org

    def _cn_name(self, name: str) -> str:
        self.r.known_people.add(name)
        return name

    def _cn_org_role(self, lo: int, hi: int) -> tuple[str | None, str | None]:
        span = self.text[lo:hi].strip()
        span = re.sub(r"^(?:了|在|于|到|至)", "", span)
        span = re.sub(r"(?:的|之)$", "", span)
        if not span:
            return None, None
        mentions = self._org_mentions(lo, hi)
        org: str | None = None
        rest = span
        if mentions and mentions[0][0].start <= lo + 2:
            org = mentions[0][1]
            rest = self.text[mentions[0][0].end : hi]
        else:
            rm = CN_ROLE.search(span)
            prefix = span[: rm.start()] if rm else span
            rest = span[rm.start() :] if rm else ""
            prefix = re.sub(r"(?:出任|担任|升任|接任|任职|任|为|的|之)$", "", prefix)  # "加入星河科技出任CEO"
            named = _CN_DESCRIBED_NAME.search(prefix)
            if named:
                prefix = named.group(1)  # "芯片设计软件公司Cadence": the name after what it is
            if (
                prefix
                and not CN_GENERIC_ORG.fullmatch(prefix)
                and 2 <= len(prefix) <= 16
                and not _NOT_AN_ORG_CN.search(prefix)
            ):
                org = prefix
            elif prefix and CN_GENERIC_ORG.fullmatch(prefix):
                org = self.r.context.org
        role = rest.strip().strip("的") or None
        if role is not None and not CN_ROLE.search(role):
            role = None
        if org is not None and _CJK.search(org) and len(org) > 12 and not CN_ORG_SUFFIX.search(org):
            org = None
        if org is not None and _CJK.search(org) and not mentions:
            self._learn(org)
        return org, role


# --- the article --------------------------------------------------------------------------------------------


def _sentences(article: Article) -> Iterable[str]:
    if article.core_viewpoint:
        yield from split_sentences(article.core_viewpoint)
    for point in article.points():
        yield from split_sentences(point.text)


def _date_for(
    sent: _Sentence, owners: dict[int, list[DateMention]], start: int, future: bool, kind: MoveKind
) -> str | None:
    best: tuple[int, str] | None = None
    for d in owners.get(start, []):
        if d.since and kind in (MoveKind.LEFT, MoveKind.FIRED):
            continue
        value = d.future if future else d.past
        if value is None:
            continue
        dist = d.start - start if d.start >= start else start - d.end + 1
        if best is None or dist < best[0]:
            best = (dist, value)
    return best[1] if best else None


_BREAK = re.compile(r"[,;，；]")
_INTRO = re.compile(r"^\W*(?:\w+\W+){0,3}$")


def _assign_dates(sent: _Sentence, spans: list[tuple[int, int]]) -> dict[int, list[DateMention]]:
    """Each date belongs to the verb nearest to it (a tie goes to the verb before it), when nothing but words
    stand between them: a date across a comma is another clause's ("the start-up he founded in 2024, after
    its CEO left"), unless it opens the sentence ("In March, ...") or says "effective"."""
    owners: dict[int, list[DateMention]] = {}
    if not spans:
        return owners
    text = sent.text
    breaks = [0]
    for ch in text:
        breaks.append(breaks[-1] + (1 if ch in ",;，；" else 0))
    order = sorted(spans)
    keys = [s for s, _ in order]
    for d in sent.dates:
        intro = bool(_INTRO.match(text[: d.start])) or len(text[: d.start].strip()) <= 2
        effective = (
            text[max(0, d.start - 12) : d.start].rstrip().lower().endswith(("effective", "starting", "from"))
        )
        i = bisect_left(keys, d.start)
        cands = []
        if i > 0:
            s, e = order[i - 1]
            if breaks[d.start] - breaks[min(e, d.start)] == 0 or effective:
                cands.append((max(0, d.start - e), 0, s))
        if i < len(order):
            s, e = order[i]
            if breaks[s] - breaks[min(d.end, s)] == 0 or intro:
                cands.append((max(0, s - d.end), 1, s))
        if cands:
            # English writes the date after the verb ("joined Intel in 1979 and left in 2009"), Chinese before
            # it ("于2017年1月加入"): when both verbs may take it, that side wins.
            after_verb = 1 if _CJK.search(text[d.start : d.end]) else 0
            pick = [c for c in cands if c[1] == after_verb] if len(cands) == 2 else cands
            owners.setdefault(min(pick)[2], []).append(d)
    return owners


def extract_moves(article: Article) -> list[Move]:
    """Every move the article states, in the order written; the same move said twice is kept once."""
    sentences = list(_sentences(article))
    if not any(EN_TRIGGER.search(s) or CN_TRIGGER.search(s) for s in sentences):
        return []  # no verb or noun of movement anywhere (most articles): nothing else needs reading
    ref = parse_article_date(article.published_at)
    reader = _Reader(article, ref)
    article_day = ref.isoformat() if ref else None
    out = _Kept()
    reader.title_people(article.title)
    # The title names what the article is about: its organizations and people are the context of the first
    # sentences ("the company"), though its verbs make no moves of their own (the body says them again).
    title = reader.sentence(article.title)
    title_reader = _SentenceReader(reader, title)
    for m in CN_TRIGGER.finditer(article.title):
        title_reader.chinese(m)
    for m in EN_TRIGGER.finditer(article.title):
        title_reader.english(m)
    reader.remember(title)
    reader.context.first_org = reader.context.org
    for raw in sentences:
        text, _ = strip_citations(raw)
        if not text:
            continue
        sent = reader.sentence(text)
        if SOURCE_HEDGE.search(text) or stance_of(text) is Stance.DENIED:
            reader.remember(sent)
            continue
        sr = _SentenceReader(reader, sent)
        matches: list[tuple[re.Match[str], bool]] = [(m, False) for m in EN_TRIGGER.finditer(text)]
        matches += [(m, True) for m in CN_TRIGGER.finditer(text)]
        owners = _assign_dates(sent, [(m.start(), m.end()) for m, _ in matches])
        last: tuple[int, list[str], str | None] | None = None  # the previous move's end, people and date
        last_made: list[Move] = []
        for m, chinese in sorted(matches, key=lambda x: x[0].start()):
            found = sr.chinese(m) if chinese else sr.english(m)
            if found is None:
                continue
            when = _date_for(sent, owners, found.start, found.future, found.kind)
            adjacent = (
                last is not None
                and last[1] == found.persons
                and (found.start - last[0] <= 2 or bool(_JOINED_THEN.fullmatch(text, last[0], found.start)))
            )
            if adjacent and when is None and last is not None:
                when = last[2]  # "2021年回归出任CEO": two verbs of one event share its date
            if adjacent and found.kind is MoveKind.APPOINTED and last_made:
                for earlier in last_made:  # "回归出任CEO", "joined as CEO": one move, with the role
                    out.add(replace(earlier, role=earlier.role or found.role))
                continue
            last = (found.end, found.persons, when)
            last_made = []
            announced = found.future or bool(when and article_day and when > article_day[: len(when)])
            if announced and when is None:
                when = _date_for(sent, owners, found.start, True, found.kind)
            background = when is None and _BACKGROUND.search(text, max(0, found.start - 12), found.start)
            org = found.org if _org_ok(found.org, reader) else _context_org(reader)
            moves = [(found.kind, org, found.role)] + [
                (k, o, None) for k, o in found.extra if _org_ok(o, reader)
            ]
            for person in found.persons:
                for kind, org, role in moves:
                    move = Move(
                        person=person,
                        kind=kind,
                        organization=org,
                        role=role,
                        # "此前曾执掌…", "previously ran …": an earlier post, not dated by the article
                        date=when or (None if background else article_day),
                        date_from="text" if when else "article",
                        evidence=text,
                        announced=announced,
                        article_id=article.id,
                        article_date=article_day,
                    )
                    out.add(move)
                    if found.kind in (MoveKind.RETURNED, MoveKind.JOINED) and kind is found.kind:
                        last_made.append(move)
        reader.remember(sent)
        if sr.fallback_person and not any(m.kind == "person" and not m.generic for m in sent.mentions):
            reader.context.person = sr.fallback_person
    return list(out.moves.values())


_JOINED_THEN = re.compile(r"[^，。；,;]{1,16}[，,]")  # "加入苹果，出任AI副总裁": the same arrival
_CN_DESCRIPTOR = re.compile(
    r"([A-Za-z][A-Za-z0-9&.\-]*(?:\s[A-Za-z][A-Za-z0-9&.\-]*){0,2}|[\u4e00-\u9fff]{2,8}?)(?=[\u4e00-\u9fff])"
)
_BACKGROUND = re.compile(
    r"此前|曾经?|以前|之前|早年|\b(?:previously|formerly|once|earlier|had\s+long)\b", re.I
)
_CN_DESCRIBED_NAME = re.compile(
    r"(?:公司|集团|企业|机构|银行|基金|平台|厂商)\s*([A-Za-z][\w&.\-]*(?:\s[A-Za-z][\w&.\-]*){0,3})$"
)
_NOT_AN_ORG_CN = re.compile(
    r"^[一二两三四五六七八九十几数\d]+[位名个]|总统|总理|部长|议员|市长|州长|先生|女士|[称说表示回应认为，,、“”\"]|兼$|^(?:社长|会长|董事长|总经理|首席)"
)


def _org_ok(org: str | None, reader: _Reader) -> bool:
    """An organization as read is not a person of the article ("把职务交给萨比·汗(Sabih Khan)"), nor a Chinese
    clause or role ("陈立武回应称…", "社长兼")."""
    if org is None:
        return True
    if org in reader.known_people or org in reader.not_orgs:
        return False  # a person's name or alias; or "萨比·汗" (foreign personal names are written with "·")
    return not (_CJK.search(org) and _NOT_AN_ORG_CN.search(org))


def _context_org(reader: _Reader) -> str | None:
    """The organization the article is about, for a move whose own organization was not one."""
    for org in (reader.context.first_org, reader.context.org):
        if org and _org_ok(org, reader):
            return org
    return None


class _Kept:
    """Moves kept once per (person, kind, organization); a move without an organization is the same as one
    with it, said less precisely."""

    def __init__(self) -> None:
        self.moves: dict[tuple[str, MoveKind, str], Move] = {}
        self.orgs: dict[tuple[str, MoveKind], int] = {}

    def add(self, move: Move) -> None:
        pk = (move.person, move.kind)
        key = (*pk, (move.organization or "").casefold())
        old = self.moves.get(key)
        if (
            old is not None
            and old.date_from == move.date_from == "text"
            and old.date
            and move.date
            and not (old.date.startswith(move.date) or move.date.startswith(old.date))
        ):
            # the same kind of move at the same place on another date is another event ("left Intel in 2009
            # ... retired from Intel in 2024")
            key = (*pk, f"{key[2]}@{move.date}")
            old = self.moves.get(key)
        if old is None:
            if move.organization and (*pk, "") in self.moves:
                del self.moves[(*pk, "")]
                self.orgs[pk] -= 1
            elif not move.organization and self.orgs.get(pk):
                return
            self.moves[key] = move
            self.orgs[pk] = self.orgs.get(pk, 0) + 1
            return
        if old.date_from == "article" and move.date_from == "text":
            self.moves[key] = replace(old, date=move.date, date_from="text", announced=move.announced)
        elif old.role is None and move.role is not None:
            self.moves[key] = replace(old, role=move.role)
