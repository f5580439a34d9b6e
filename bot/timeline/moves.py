"""Moves: who joined, left, was appointed, fired or returned where, and when — from one article's text.

The reader works sentence by sentence over the core viewpoint and the points. In each sentence it finds the
people (the article's people and their aliases, pronouns, and Chinese names written beside a verb of movement),
the organizations (the article's, "the company" for the one named before, a capitalized name after "joined"),
the dates, and the verbs of movement. Each verb takes its person (the subject before "left", the object after
"appointed", the subject again in the passive "was appointed"), its organization and role, and the date written
nearest to it, else the article's date. A sentence that reports a rumour ("reportedly", "people familiar with")
or a denial yields nothing; a verb under intent, pressure, negation or possibility ("threatened to quit", "in
talks to join", "has no plans to step down") is no move, nor one someone demands ("demanded that X resign");
a future one ("will step down at year end") is an announced move with its future date.

A move happens at the organization of its own clause: one that only describes the person ("Acme chief
executive X will become its chair", "X, the former head of Y,") is not it, though it is the fallback when the
sentence names no other (and never when it says "former"). A relative clause between subject and verb ("A,
who opposed B's dismissal, is leaving") and a second verb after "and" ("X will hand over the post to Y and
retire") keep the subject; a Chinese clause without a person of its own goes on about the sentence's first person.

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
    CN_GENERIC_ORG,
    CN_LOCAL_HEDGE,
    CN_ORG_SUFFIX,
    CN_ROLE,
    CN_TRIGGER,
    CN_TRIGGER_INFO,
    EN_TRIGGER,
    EN_TRIGGER_INFO,
    FUTURE,
    GENERIC_ORG,
    GENERIC_ORG_NAME,
    LOCAL_HEDGE,
    PRESSURE,
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


_NOT_NAME_END = frozenset("后前时中内外间里上下")
# common surnames the article lexicon lacks ("许", "楚"), less the ones that are everyday words
_SURNAMES = CJK_SURNAMES | frozenset(
    "许谈匡惠荆冀郁胥储栗燕楚劳奚楼闻伊阚权帅屠朴廉祖漆巴卿狄索宣芮浦伏鹿薄雍辜裘亓邰赫况宿茹慕嵇湛戎尉檀昝衡尧"
)
_NAME_STOP = CJK_NAME_STOP | frozenset("请")  # "申请辞去…": the verb, not a name
_CN_NAME_JUNK = re.compile(
    r"^[^·]*(?:" + CN_TRIGGER.pattern + r"|人|者|责|务|官|长|席|事|监|总|给|为|由|任)(?=[^·]{2,4}·)"
)


def _person_ok(name: str) -> bool:
    """A name the article's list holds that is no name: "董事会", "时后" (from "数小时后")."""
    if _CJK.search(name) and not re.search(r"[A-Za-z·]", name):
        return not CN_GENERIC_ORG.fullmatch(name) and name[-1] not in _NOT_NAME_END
    return True


def _clean_cjk_name(alias: str) -> str:
    """A Chinese rendering with words stuck in front ("解除卡尔·维恩", "联合创始人彼得·罗"): the name."""
    if "·" not in alias:
        return alias
    m = _CN_NAME_JUNK.match(alias)
    return alias[m.end() :] if m else alias


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
    # organizations that only describe a person ("Acme chief executive Ada Brook", "X, the former CEO of
    # Y,"): mention index -> (person, former). They are not where a move of the sentence happens.
    desc: dict[int, tuple[str, bool]] = field(default_factory=dict)

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
    former_org: dict[str, set[str]] = field(default_factory=dict)
    known_people: set[str] = field(default_factory=set)
    context: _Context = field(default_factory=_Context)
    renamed: dict[str, str] = field(default_factory=dict)  # a short organization name to the full one
    not_people: set[str] = field(default_factory=set)  # "Heinz" of "HJ Heinz", listed as a person

    def __post_init__(self) -> None:
        self._widen_organizations()
        surnames = self._add_people()
        for surname, names in surnames.items():
            if len(names) == 1:  # "Gelsinger" for "Pat Gelsinger", unless two people share it
                self.people.add(surname, next(iter(names)))
        self._add_organizations()

    def _widen_organizations(self) -> None:
        """A name the article's list cut short: "Gamble Co" for "Procter & Gamble Co.", "andMe" for "23andMe",
        "HJ" with a person "Heinz" for "HJ Heinz", "Google-owned YouTube" for "YouTube", "GLOBEX" for "Globex".
        One pass over the text for each kind of clue (linear), then a look-up per listed name."""
        text = self.article.all_text()
        # what stands before a word: "Procter & " before "Gamble", "23" before "andMe"
        lead: dict[str, str] = {}
        for m in re.finditer(r"\b([A-Z][\w.\-]*\s*&\s*|\d+)([A-Za-z][\w\-]*)", text):
            lead.setdefault(m.group(2), m.group(1))
        cased: dict[str, str] = {}  # "globex" -> "Globex": a capitalized word as the text spells it
        for m in re.finditer(r"\b[A-Z][a-z][A-Za-z]+\b", text):
            cased.setdefault(m.group(0).lower(), m.group(0))
        for o in self.article.organizations:
            first = o.name.split()[0] if o.name.split() else ""
            if first in lead:
                self._rename_org(o.name, lead[first] + o.name)
            if o.name.isupper() and len(o.name) > 4 and o.name.lower() in cased:
                self._rename_org(o.name, cased[o.name.lower()])
            owned = re.match(r"\S+-(?:owned|backed|based|controlled)\s+(.+)$", o.name)
            if owned:
                self._rename_org(o.name, owned.group(1))
        # a round-up's headings, "NESTLE – MARK SCHNEIDER": the first part is the company
        headed = {m.group(1) for m in _HEADING.finditer(text)}
        pairs = {
            (m.group(1), m.group(2))
            for m in re.finditer(r"\b([A-Z][\w.\-]*)\s+(?=([A-Z][a-z][\w\-]*)\b)", text)
        }
        for p in self.article.people:
            if p.name.upper() in headed and p.name.upper() != p.name:
                self.orgs.add(p.name, p.name)
                self.orgs.add(p.name.upper(), p.name)
                self.not_people.add(p.name)
            elif " " not in p.name and p.organization and (p.organization, p.name) in pairs:
                self._rename_org(p.organization, f"{p.organization} {p.name}")
                self.not_people.add(p.name)

    def _rename_org(self, short: str, full: str) -> None:
        self.orgs.add(full, full)
        self.orgs.add(short, full)
        self.renamed[short] = full

    def _renderings(self) -> dict[str, str]:
        """ "丹尼斯·米伦伯格（Dennis A. Muilenburg）" listed twice, once under each script, is one person: the
        surname of each Chinese rendering of a Latin-script name, to that name."""
        rendered: dict[str, str] = {}
        for p in self.article.people:
            if _CJK.search(p.name):
                continue
            for alias in p.aliases:
                alias = alias.replace("•", "·")
                last = _clean_cjk_name(alias).split("·")[-1]
                if "·" in alias and len(last) >= 2:
                    rendered.setdefault(last, p.name)
        return rendered

    def _add_people(self) -> dict[str, set[str]]:
        """The article's people into the gazetteer; the surnames each could be known by."""
        surnames: dict[str, set[str]] = {}
        employers = {p.organization for p in self.article.people if p.organization}
        rendered = self._renderings()
        for p in self.article.people:
            if not _person_ok(p.name) or p.name in self.not_people:
                continue
            twin = rendered.get(p.name.replace("•", "·").split("·")[-1]) if "·" in p.name else None
            if twin and twin != p.name:
                self.people.add(p.name, twin)
                for alias in p.aliases:
                    self.people.add(_clean_cjk_name(alias), twin)
                continue
            if p.name in employers:
                # "X, the former chief executive of Lumen Rail": listed as a person and as X's employer
                self.orgs.add(p.name, p.name)
                continue
            self.people.add(p.name, p.name)
            for alias in p.aliases:
                self.people.add(_clean_cjk_name(alias), p.name)
            org = self.renamed.get(p.organization or "", p.organization)
            self.person_org[p.name] = None if org and org.lower() in _DEPARTMENTS else org
            if p.organization and p.role and _FORMER.search(p.role):
                self.former_org.setdefault(p.name, set()).add(p.organization)
            self.known_people.add(p.name)
            words = p.name.split()
            if len(words) >= 2 and words[-1][:1].isupper():
                surnames.setdefault(words[-1], set()).add(p.name)
            for alias in p.aliases:
                # "詹南德雷亚" for "约翰·詹南德雷亚": a transliterated name's surname, as in English
                last = _clean_cjk_name(alias).split("·")[-1]
                if "·" in alias and len(last) >= 2 and _CJK.match(last):
                    surnames.setdefault(last, set()).add(p.name)
        return surnames

    def _add_organizations(self) -> None:
        """The article's organizations into the gazetteer, less the words that only opened a sentence; a name in
        two scripts listed as an organization is a person."""
        for o in self.article.organizations:
            if GENERIC_ORG_NAME.fullmatch(o.name.strip()):
                continue  # "Board": read as "the board", the organization the article is about
            low = o.name.strip().casefold()
            if low in _NUMBERS or low in NOT_NAME_WORDS or low in COMMON_NOUNS:
                continue  # "Two veterans, ...": a word that opened a sentence, not an organization
            cjk_names = [a for a in map(_clean_cjk_name, o.aliases) if "·" in a and _CJK.search(a)]
            if cjk_names and not _CJK.search(o.name):
                # "卡尔·维恩（Carl Vane）" listed as an organization: a name in two scripts is a person
                self.people.add(o.name, o.name)
                for alias in cjk_names:
                    self.people.add(alias, o.name)
                self.known_people.add(o.name)
                continue
            name = self.renamed.get(o.name, o.name)
            self.orgs.add(o.name, name)
            for alias in o.aliases:
                self.orgs.add(alias, name)

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
        desc = _descriptors(text, found)
        # A pronoun is the nearest person named before it (in this sentence or the ones before); "the company"
        # the nearest organization. One pass, carrying the last of each; an organization that only describes
        # a person is not the one "the company" stands for.
        last = {"person": self.context.person, "org": self.context.org}
        names: list[str | None] = []
        for i, mention in enumerate(found):
            if mention.generic:
                names.append(last[mention.kind])
            else:
                names.append(mention.name)
                if i not in desc or (last[mention.kind] is None and not desc[i][1]):
                    last[mention.kind] = mention.name
        return _Sentence(text, found, names, find_dates(text, self.ref), desc=desc)

    def remember(self, sent: _Sentence) -> None:
        subject = None
        for i, (m, name) in enumerate(zip(sent.mentions, sent.names, strict=True)):
            if name is None or i in sent.desc:
                continue
            if m.kind == "person":
                # "He" in the next sentence is most often this one's subject: the first person it names (a
                # pronoun standing for someone counts as naming them)
                subject = subject or name
            elif m.generic or name.lower() in _DEPARTMENTS:
                continue
            else:
                self.context.org = name
                self.context.first_org = self.context.first_org or name
        if self.context.org is None:
            # "Acme's CTO X is leaving the company": the organization the person is described with
            for i, (_, former) in sent.desc.items():
                if not former and sent.names[i]:
                    self.context.org = self.context.first_org = sent.names[i]
                    break
        if subject is not None:
            self.context.person = subject


_DESC_WORDS = ROLE_WORDS | frozenset(
    "former ex then and of the its longtime long-time outgoing departing ousted fired sacked ex-ceo".split()
)
_FORMER = re.compile(r"\b(?:former|ex|ousted|fired|sacked|ex-ceo|outgoing|departing)\b|前|原", re.I)
_DESC_AFTER = re.compile(
    r"^,\s+(?:(?:the|a|an)\s+)?(?:[\w\-]+\s+){0,5}?(?:of|at)\s+(?:(?:the|start-up|startup|rival)\s+)?$"
)
_CN_DESC_GAP = re.compile(
    r"^(?:的|前|原|现任)?(?:" + CN_ROLE.pattern + r"|[前原的兼]|[\u4e00-\u9fff]{0,6}(?:负责人|高管|主管))+$"
)


def _descriptors(text: str, found: list[_Mention]) -> dict[int, tuple[str, bool]]:
    """Organizations written as a description of a person: "Velora chief Adam Smith", "Acme's Adam Smith",
    "Adam Smith, the former head of Acme,", "Adam Smith, Acme's chief scientist,"; Chinese "甲公司首席执行官某某"."""
    out: dict[int, tuple[str, bool]] = {}
    for i, m in enumerate(found):
        if m.kind != "org" or m.generic:
            continue
        # the organization, then role words, then the person
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and nxt.kind == "person" and nxt.name and nxt.start - m.end <= 80:
            gap = text[m.end : nxt.start]
            words = re.findall(r"[\w\-]+", gap.replace("’", "'"))
            if _CJK.search(gap):
                if _CN_DESC_GAP.match(gap):
                    out[i] = (found[i + 1].name or "", bool(_FORMER.search(gap)))
                continue
            possessive = gap.startswith(("'s ", "’s ", "' ", "’ "))
            if words and words[0] == "s" and possessive:
                words = words[1:]
            role = any(w.lower() in ROLE_WORDS for w in words)
            if (
                (possessive or role)
                and len(words) <= 6
                and not re.search(r"[,;:()]", gap)
                and all(w.lower() in _DESC_WORDS for w in words)
            ):
                # "former Acme co-CEO X": the word before the organization counts too
                lead = text[max(0, m.start - 12) : m.start]
                former = bool(_FORMER.search(gap) or re.search(r"\b(?:former|ex)[\s-]+$", lead, re.I))
                out[i] = (found[i + 1].name or "", former)
                continue
        # the person, then ", the former chief executive of" the organization / ", Acme's chief scientist"
        if i > 0 and found[i - 1].kind == "person" and found[i - 1].name and m.start - found[i - 1].end <= 80:
            gap = text[found[i - 1].end : m.start]
            after = text[m.end : m.end + 90]
            if _DESC_AFTER.match(gap) and not re.search(r"\b(?:who|which|that|said|says)\b", gap):
                out[i] = (found[i - 1].name or "", bool(_FORMER.search(gap)))
            elif re.fullmatch(r",\s+", gap) and re.match(
                r"['’]s?\s+(?:[\w\-]+\s+){0,6}?[\w\-]+\s*[,.]", after
            ):
                words = re.findall(r"[\w\-]+", re.sub(r"^['’]s?", "", after).split(",")[0].split(".")[0])
                if any(w.lower() in ROLE_WORDS for w in words):
                    out[i] = (found[i - 1].name or "", False)
    return out


# --- persons, organizations and roles around a verb ------------------------------------------------------

_CONJ = re.compile(
    r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+|、|和|与|及|以及)\s*(?:[a-z\-]+\s+(?=(?:"
    + "|".join(sorted((re.escape(w) for w in ROLE_HEAD_WORDS), key=len, reverse=True))
    + r")\b))?(?:(?:of|"
    + "|".join(sorted((re.escape(w) for w in ROLE_WORDS), key=len, reverse=True))
    + r")\s+)*$",
    re.I,
)
_COMMA_AND = re.compile(r"^\s*,\s*and\s")
_CN_CONJ = re.compile(r"^[)）]?\s*(?:、|和|与|及|以及)[^，。；,;、()（）]{0,24}$")
_PASSIVE = re.compile(
    r"\b(?:was|were|is|are|been|be|being|get|gets|got)\s+(?:\w+ly\s+|also\s+|then\s+|now\s+|later\s+|since\s+)?$",
    re.I,
)
# words that cannot stand between an object verb and its person ("hire an outside lawyer to review the vote
# that led to X's firing", "welcomed the decision by X")
_OBJECT_GAP_STOP = re.compile(
    r"[,;:()]|\b(?:to|that|who|which|into|by|for|on|with|about|after|over|against|than|when|while|the\s+process"
    r"|an?\s+(?!former\b)[a-z]+\s+[a-z]+)\b"
)
_RELATIVE_BEFORE = re.compile(
    r",\s+(?:who|which|whose)\b[^,;]*,\s+(?:(?:also|too|now|then)\s+)?(?:[a-z]+\s+){0,2}$"
)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|its|whose)\s+(?:\w+\s+)?$", re.I)
_POSSESSIVE_GAP = re.compile(r"^['’]s?\s+(?:[a-z\-]+\s+){0,2}$")
_OF_GAP = re.compile(r"^\s+(?:of|by)\s+(?:[\w\-'’]+\s+){0,4}$")
_CLAUSE_END = re.compile(
    r"[;:!?。；！？]|(?<!\b[A-Z])(?<!\bMrs)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bJr)(?<!\bSr)(?<!\bInc)(?<!\bCo)(?<!\bCorp)(?<!\bLtd)\.|,\s+(?:but|while|whereas|although|though|and\s+(?=\w+\s+(?:was|were|has|had|is|will)))\b"
)
_FAR_GAP = re.compile(
    r"\b(?:amid|after|because|that|which|who|following|over|while|when|before|since|despite|than|said|says|"
    r"(?:to|and)\s+(?!join\b|become\b|lead\b|head\b|run\b|the\b|its\b|a\b)[a-z]+)\b|[;:(]",
    re.I,
)
_LEAVE_OK_NEXT = frozenset(
    "for to after in on at last earlier this shortly abruptly quietly and as when following amid over his her their its "
    "the a it effective immediately from last month year week".split()
)
_POSTS = frozenset(
    "post job role position seat board helm company firm group bank startup start-up lab business team chair".split()
)
_DEPARTMENTS = frozenset(
    "communications marketing sales engineering operations finance product products research technology strategy"
    " design policy legal people talent communication hardware software manufacturing".split()
) | {"human resources", "corporate affairs", "public affairs", "investor relations", "global affairs"}
_ROLE_SKIP = frozenset("the a an its his her their new next first permanent full-time".split())
_CN_SUBJECT_GAP = re.compile(
    r"(?:先生|女士)?(?:将于?[^，。；,;]{0,14}?|已经?|正式|也|则|随后|于[^，。；,;]{0,14}?|在[^，。；,;]{0,14}?|因[^，。；,;]{0,12}?"
    r"|曾|亦|今日|近日|日前|宣布|本人|同时|还|又|现)*$"
)
_CN_NAME_BEFORE = re.compile(
    rf"(?:^|[^\u3400-\u9fff]|由|和|与|、|及|称|宣布|的|高管|[官长裁理席事监书人总师])([{''.join(sorted(_SURNAMES))}][\u4e00-\u9fff]{{1,2}}?)"
    + _CN_SUBJECT_GAP.pattern
)
_CN_ROLE_NAME_BEFORE = re.compile(
    r"(?:"
    + CN_ROLE.pattern
    + r"|社长|会长)([^\W\d以已将于在是的了为从自而并也又还即后前来曾兼等及和与a-zA-Z][\u4e00-\u9fff]{1,2}?)"
    + _CN_SUBJECT_GAP.pattern
)
_CN_DESCRIBED = re.compile(
    r"(?:^|(?<=[，,。；、\s]))([A-Z][A-Za-z0-9&\-]*(?:\s[A-Z][A-Za-z0-9&\-]*)*|[\u4e00-\u9fff]{2,8}?)(?:现任)?"
    r"[\u4e00-\u9fff]{0,4}?(?:" + CN_ROLE.pattern + r"|负责人|高管|主管)+"
)
_CN_DATE_NAME_BEFORE = re.compile(
    r"(?:\d月|\d日|\d年|月底|月初)([^\W\d以已将于在是的了为从自而并也又还即后前来曾兼等及和与a-zA-Z][\u4e00-\u9fff]{1,3}?)"
    r"(?:已经?|正式|也|则|随后|宣布)?$"
)
_CN_MORE_NAMES = re.compile(
    rf"(?:先生|女士)?[、和及与]\s*([{''.join(sorted(_SURNAMES))}][\u4e00-\u9fff]{{1,2}}?)(?:先生|女士)?"
    r"(?=[、和及与为]|担任|出任)"
)
_CN_NAME_AFTER = re.compile(
    rf"^(?:了|原)?([{''.join(sorted(_SURNAMES))}][\u4e00-\u9fff]{{1,2}}?)"
    r"(?=为|担任|出任|的|先生|女士|同志|[，,。；、]|职务|公司|集团|董事|总|副|首席|$)"
)
_CN_SUBJECT_ORG = re.compile(
    r"^(?:\d{1,2}月\d{1,2}日[，,]?)?([\u4e00-\u9fffA-Za-z]{2,16}?)(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日)?"
    r"(?:在|宣布|称|表示|发布|公告|完成|今日|近日|日前|正式|发表|回应|澄清|任命|聘任|免去|选举|董事会|换帅|高管|人事|拟|将|已|"
    + CN_ROLE.pattern
    + ")"
)
_SUBJECT_ORG = re.compile(
    r"^(?:The\s+board\s+of\s+|The\s+)?([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,4})(?:['’]s\s+board)?"
    r"(?:\s+(?:on\s+\w+day|has|have|had|also|already|today|yesterday|formally|officially"
    r"|in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4})"
    r"|last\s+(?:week|month|year)|this\s+(?:week|month|year)))*$"
)
_HEADING = re.compile(
    r"(?:^|\s)([A-Z][A-Z0-9&.\-]+(?:\s+[A-Z0-9&.\-]+){0,3})\s+[–—]\s+[A-Z][A-Z.\-]+\s+[A-Z][A-Z.\-]+"
)
_ROUNDUP_HEAD = re.compile(
    r"\s*[A-Z0-9&.\-]+(?:\s+[A-Z0-9&.\-]+)*\s+[–—-]\s+[A-Z.\-]+(?:\s+[A-Z.\-]+)+\s+(?=[A-Z][a-z])"
)
_EN_NAME = r"([A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’\-]+){1,2})"
_EN_NAME_BEFORE = re.compile(
    _EN_NAME + r"(?:,[^,]{1,60},)?\s+(?:(?:has|have|had|will|would|was|were|is|are|also|then|later|now)\s+)*$"
)
_EN_NAME_AFTER = re.compile(r"^\s+(?:(?:its|the|former|[a-z\-]+)\s+){0,3}?" + _EN_NAME + r"\b")
_NOT_IN_NAME = NOT_NAME_WORDS | ORG_WORDS | COMMON_NOUNS | ROLE_WORDS
_CN_STOP = re.compile(
    r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])|[，。；、,;.!?！？：:（(）)]|职务|一职|职位|的职|等职|后|并|而|之后|以来|期间"
)
_CN_UNIT_TAIL = re.compile(
    r"(.+?"
    + CN_ORG_SUFFIX.pattern.removesuffix("$")
    + r")[\u4e00-\u9fff]{1,5}?(?:区|部|分公司|事业部|中心|地区|业务|板块|分行)$"
)
_CN_JUNK_ORG = re.compile(r"先生|女士|报告|申请|公告|APP|^[、和与及为去所]|[和与及为]$|^[\d\s]+$")
_CN_FOUNDER = re.compile(
    r"(?:^|(?<=[，,。；、\s年月日]))([\u4e00-\u9fffA-Za-z]{2,10}?)的?(?:联合)?(?:创始人|创办人)(?:兼[\u4e00-\u9fff]{1,6})?"
)
_CN_ROLE_AFTER = re.compile(r"(?:担任|出任|接任|升任|任|为|成为)")


def _conj(gap: str) -> bool:
    """Whether ``gap`` joins two people in a list: "and", a comma, 、 or 与 with role words between; a name
    written in two scripts ("甲（A）") is one person, its two mentions joined by nothing."""
    if gap in ("（", "(", " (", "", " "):
        return True
    if _CONJ.match(gap):
        return True
    return bool(_CJK.search(gap)) and bool(_CN_CONJ.match(gap))


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
    return 2 <= len(name) <= 3 and not any(c in _NAME_STOP for c in name) and not CN_ROLE.search(name)


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


# What one English trigger found: (people, role, organization).
_EnFound = tuple[list[str], str | None, str | None]


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
    successors: list[str] = field(default_factory=list)  # "replaced X with Y": Y appointed where X left
    also: list[tuple[str, str | None]] = field(
        default_factory=list
    )  # "appointed A as CEO and B as CFO": B, CFO


class _SentenceReader:
    def __init__(self, reader: _Reader, sent: _Sentence) -> None:
        self.r = reader
        self.s = sent
        self.text = sent.text
        self.fallback_person: str | None = None
        # the people moved as objects and the subject of the last verb: "X will hand over the post to Y and
        # retire at year end" (X retires, not Y)
        self.objects: set[str] = set()
        self.last_subject: list[str] = []
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
        if _CN_JUNK_ORG.search(org) or re.search(r"公告|消息|声明|报道|讯$", org):
            return  # "公告称，…": the announcement, not a company
        if any(a.endswith(org) for p in self.r.article.people for a in (p.name, *p.aliases)):
            return  # "卡尔霍恩将…": the surname of "大卫·卡尔霍恩"
        by_role = CN_ROLE.match(self.text, m.end(1)) is not None
        unit = _CN_UNIT_TAIL.match(org)
        if by_role and unit:
            org = unit.group(1)  # "澄川科技华南区总经理": the company, less its region
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
            gap = self.text[prev.end : cur.start]
            if not _conj(gap):
                break
            if _COMMA_AND.match(gap) and not self._comma_listed(k - 1):
                break  # "ousted A, and B was appointed": two clauses, not a list
            k -= 1
            names.insert(0, s.names[s.persons[k]])
            cur = prev
        return [n for n in names if n]

    def _subject_before(self, start: int) -> list[str]:
        persons = self._persons_before(self._subject_end(start))
        if (
            not persons
            and self.last_subject
            and _AND_BEFORE.search(self.text, max(0, start - 40), start)  # a bounded look-back: linear
        ):
            return self.last_subject  # "X left Acme in May and joined Beta": X joined too
        if persons and self.last_subject and all(p in self.objects for p in persons):
            k = bisect_left(self.s.person_starts, start) - 1
            gap = self.text[self.s.mentions[self.s.persons[k]].end : start] if k >= 0 else ""
            if re.search(
                r"\band\s+(?:(?:will|would|then|also|later|is|are|to)\s+)*$|[，,]\s*(?:并|且|同时|随后|之后)",
                gap,
            ):
                return self.last_subject
        return persons

    def _as_is(self, end: int) -> list[str]:
        """ "A and B are leaving the board, as is chief scientist C": C shares the verb."""
        m = _AS_IS.search(self.text, end, min(len(self.text), end + 120))
        if m is None:
            return []
        persons, _ = self._persons_after(m.end(), m.end() + 40)
        return [p for p in persons if self._object_gap_ok(m.end(), p)]

    def _object_gap_ok(self, pos: int, person: str) -> bool:
        k = bisect_left(self.s.person_starts, pos)
        if k >= len(self.s.persons) or self.s.names[self.s.persons[k]] != person:
            return False
        gap = self.text[pos : self.s.person_starts[k]]
        return all(w.lower() in _DESC_WORDS for w in re.findall(r"[\w\-]+", gap))

    def _listed_after(self, start: int) -> list[str]:
        """ "A and head of design Carl Vane were departing": a name the article's people
        missed, joined to the list of known people before the verb."""
        k = bisect_left(self.s.person_starts, start) - 1
        if k < 0:
            return []
        gap = self.text[self.s.mentions[self.s.persons[k]].end : start]
        nm = _EN_NAME_BEFORE.search(gap)
        if nm is None or not _CONJ.match(gap[: nm.start(1)]):
            return []
        return self._en_name(nm)

    def _subject_end(self, start: int) -> int:
        """Where the subject of the verb at ``start`` ends: before a relative clause that stands between them
        ("A and B, who opposed C's dismissal, are leaving": A and B leave, not C)."""
        lo = max(0, start - 160)
        m = _RELATIVE_BEFORE.search(self.text, lo, start)
        return m.start() if m else start

    def _object_gap(self, end: int, pend: int) -> bool:
        """Whether the person found after an object verb is its object: only descriptive words stand between
        ("hired former Acme researcher X"), and the person is not a possessive ("led to X's firing")."""
        k = bisect_left(self.s.person_starts, end)
        if k >= len(self.s.persons):
            return False
        first = self.s.mentions[self.s.persons[k]]
        gap = self.text[end : first.start]
        if re.fullmatch(r"\s*:\s*", gap):
            return True  # "named two new directors: X and Y"
        including = re.match(r"[^;:()]{0,60},\s+(?:including|among\s+them)\s+", gap)
        if including:
            gap = gap[including.end() :]  # "hired 30 engineers from Acme, including its chief X"
        appos = re.fullmatch(r"\s+((?:[\w\-]+\s+){0,3}[\w\-]+),\s+", gap)
        if appos and re.match(r",", self.text[pend : pend + 1]):
            # "named current chairman, David Calhoun, as CEO": a description set off by commas
            words = appos.group(1).lower().split()
            if all(w in _DESC_WORDS or w in ("current", "board", "member") for w in words):
                return True
        if _OBJECT_GAP_STOP.search(gap):
            return False
        return not re.match(r"['’]s?\b", self.text[pend : pend + 2])

    def _comma_listed(self, k: int) -> bool:
        """Whether the k-th person is joined to the one before by a comma ("A, B, and C")."""
        if k <= 0:
            return False
        gap = self.text[self.s.mentions[self.s.persons[k - 1]].end : self.s.mentions[self.s.persons[k]].start]
        return _conj(gap) and gap.strip().startswith(",")

    def _persons_after(self, pos: int, limit: int) -> tuple[list[str], int]:
        s = self.s
        k = bisect_left(s.person_starts, pos)
        if k >= len(s.persons) or s.mentions[s.persons[k]].start > limit:
            return [], pos
        names = [s.names[s.persons[k]]]
        cur = s.mentions[s.persons[k]]
        while k + 1 < len(s.persons) and len(names) < self._MAX_LIST:
            nxt = s.mentions[s.persons[k + 1]]
            gap = self.text[cur.end : nxt.start]
            if not _conj(gap):
                break
            if _COMMA_AND.match(gap) and len(names) == 1:
                break  # "A, and B was appointed": two clauses, not a list
            k += 1
            names.append(s.names[s.persons[k]])
            cur = nxt
        return list(dict.fromkeys(n for n in names if n)), cur.end

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

    def _org_mentions(self, lo: int, hi: int, places: bool = True) -> list[tuple[_Mention, str | None]]:
        """The organizations written between ``lo`` and ``hi``; ``places=False`` leaves out the ones that
        only describe a person (where they work or worked, not where the move happens)."""
        s = self.s
        i = bisect_left(s.org_starts, lo)
        j = bisect_right(s.org_starts, hi)
        return [
            (s.mentions[x], s.names[x])
            for x in s.orgs[i:j]
            if s.mentions[x].end <= hi and (places or x not in s.desc)
        ]

    def _org_after(self, pos: int, hi: int) -> tuple[str | None, str | None, int]:
        """The organization a verb of movement points at: "left OpenAI", "joined the company", "resigned from
        X", "returned to X as CEO"; and the destination in "left ... for Y" / "to join Y"."""
        source: str | None = None
        dest: str | None = None
        source_end = pos
        k = bisect_right(self.s.person_starts, pos)
        if k < len(self.s.persons):
            hi = min(hi, self.s.person_starts[k])  # another person starts another clause
        for m, name in self._org_mentions(pos, hi, places=False):
            if _FAR_GAP.search(self.text, pos, m.start):
                break  # "step down by year end amid a crisis on an Acme jet": another clause's organization
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
            m2 = re.match(r"\s+(?:(?:from|at|to|with|by|the\s+board\s+of)\s+)?", self.text[pos:hi])
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
        head = _ROUNDUP_HEAD.match(self.text, lo, hi)
        if head:
            lo = head.end()  # "NESTLE – MARK SCHNEIDER Nestle in August replaced …": a round-up's heading
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

    def _nearest_org(self, pos: int, exclude: set[str]) -> str | None:
        """The organization acting in the clause before ``pos`` ("Acme said that X will become its CEO"): the
        nearest one before it that does not only describe a person."""
        s = self.s
        k = bisect_left(s.org_starts, pos)
        for x in range(k - 1, max(-1, k - 9), -1):
            name = s.names[s.orgs[x]]
            if name and name not in exclude and s.orgs[x] not in s.desc:
                return name
        return None

    def _described_org(self, persons: list[str], kind: MoveKind) -> str | None:
        """The organization the sentence describes the person with ("Acme chief executive X"): where a move
        without another organization happens, unless the text says "former" (or the move is to elsewhere)."""
        for x, (person, former) in self.s.desc.items():
            if person in persons and not former:
                return self.s.names[x]
        return None

    def _role_and_org_after(self, pos: int, hi: int) -> tuple[str | None, str | None]:
        """ "as chief executive of X", "to CEO", "X's CEO", "CEO" right after the person."""
        window = self.text[pos:hi]
        m = re.match(
            r"\s*(?:as|to\s+the\s+(?:[\w\-]+\s+){0,3}?(?:role|post|position)\s+of|to|to\s+be|to\s+become|to\s+lead|to\s+head|to\s+run)?\s*",
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
                    if org and org.lower() in _DEPARTMENTS:
                        org = None  # "vice president of Communications": a department
                else:
                    run = _org_run_at(self.text, end + om.end())
                    org = run[0] if run and run[0].lower() not in _DEPARTMENTS else None
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
        first = re.match(r"[A-Za-z]+", self.text[start:])
        # a plain form ("that X resign", "for X to step down") asked for by someone earlier in the sentence
        plain = first is not None and not re.search(r"(?:s|ed|ing|ft)$", first.group(0).lower())
        if plain and PRESSURE.search(self.text, max(lo, start - 160), start):
            return True
        lo = max(_clause_start(self.text, start), start - 60)
        window = self.text[lo:start]
        present = plain or (first is not None and first.group(0).lower().endswith("s"))
        if present and re.search(r"\b(?:until|till|unless|once)\s+(?:\w+\s+)?$", window, re.I):
            return True  # "until he retires, X will ...": a condition, not the move
        # only the last few words before the verb speak for it
        words = window.split()[-6:]
        return bool(LOCAL_HEDGE.search(" ".join(words)))

    def future(self, start: int) -> bool:
        lo = max(_clause_start(self.text, start), start - 40)
        return bool(FUTURE.search(self.text[lo:start]))

    def english(self, m: re.Match[str]) -> _Found | None:
        kind_s, mode = EN_TRIGGER_INFO[int((m.lastgroup or "t0")[1:])]
        kind = MoveKind(kind_s)
        start, end = m.start(), m.end()
        colon = re.match(r"\s*:", self.text[end:])
        hi = _clause_end(self.text, end + colon.end() if colon else end)  # "named two directors: A and B"
        if mode.startswith("subj") and _DETERMINER_BEFORE.search(self.text[max(0, start - 30) : start]):
            mode = "noun"  # "the departure of X", "his exit"
        if self.hedged(start, chinese=False):
            return None
        future = self.future(start)
        extra: list[tuple[MoveKind, str]] = []
        if mode == "noun":
            got = self._en_noun(kind, start, end, hi, extra)
        elif mode in ("obj", "obj_role"):
            got = self._en_object(m, mode, start, end, hi)
        else:
            got = self._en_subject(m, mode, kind, start, end, hi, extra)
        if got is None or not got[0]:
            return None
        persons, role, org = got
        successors: list[str] = []
        if m.group(0).lower().startswith(("replac", "succeed")):
            persons, successors = self._replaced(persons, start, end, hi)
            if not persons:
                return None
        if org is None:
            org = self._fallback_org(persons, start, {d for _, d in extra}, kind)
        also = self._also_as(persons, end, hi) if mode in ("obj", "obj_role") else []
        self._note_roles(mode, persons, start)
        return _Found(persons, kind, org, role, start, end, future, extra, successors, also)

    def _replaced(self, persons: list[str], start: int, end: int, hi: int) -> tuple[list[str], list[str]]:
        """ "replaced X with Y", "X will be succeeded by Y", "named Y, succeeding X": who leaves, and who
        comes in when the sentence says so here (a successor named before the verb has its own verb)."""
        after = self.text[end:hi]
        by = re.match(r"(?:\s+[\w\-]+){0,5}?\s+by\s+", after)
        if by and persons == self._persons_before(start):  # passive: the subject leaves, "by" names who comes
            comers, _ = self._persons_after(end + by.end(), end + by.end() + 30)
            return persons, [p for p in comers if p not in persons]
        with_ = re.search(r"\bwith\s+", after)
        comers = []
        if with_:
            comers, _ = self._persons_after(end + with_.end(), end + with_.end() + 60)
        return persons, [p for p in comers if p not in persons]

    def _en_noun(
        self, kind: MoveKind, start: int, end: int, hi: int, extra: list[tuple[MoveKind, str]]
    ) -> _EnFound | None:
        """ "X's departure from Acme", "the exit of X"."""
        persons, pend = self._noun_persons(start, end, hi)
        if not persons:
            return None
        role, org = self._role_and_org_after(pend, hi)
        src, dest, _ = self._org_after(pend, hi)
        org = org or src
        if dest and kind is MoveKind.LEFT:
            extra.append((MoveKind.JOINED, dest))
        return persons, role, org

    def _en_object(self, m: re.Match[str], mode: str, start: int, end: int, hi: int) -> _EnFound | None:
        """ "Acme appointed X as CEO", "X was fired by Acme"; ``obj_role`` triggers need the role."""
        before = self.text[max(0, start - 40) : start]
        if re.search(r"\b(?:a|an|the)\s+$", before, re.I):
            return None  # "a fire on board", "the pick of": a noun
        participle = not m.group(0).lower().endswith("ing")
        passive = participle and (
            bool(_PASSIVE.search(before)) or bool(re.match(r"\s+by\b", self.text[end:hi]))
        )
        if passive:
            persons = self._passive_subject(start)
            role, org = self._role_and_org_after(end, hi)
            if org is None and re.match(r"\s+by\b", self.text[end:hi]):
                org = self._org_after(end, hi)[0]  # "was fired by Acme"
        else:
            got = self._en_active_object(start, end, hi)
            if got is None:
                return None
            persons, role, org = got
        if (
            mode == "obj_role"
            and role is None
            and not re.search(r"\bas\b|\bto\s+(?:lead|head|run)\b", self.text[end:hi])
        ):
            return None
        return persons, role, org

    def _also_as(self, persons: list[str], end: int, hi: int) -> list[tuple[str, str | None]]:
        """ "appointed A as CEO and B as CFO": the objects after the first one, each with its own role."""
        more: list[tuple[str, str | None]] = []
        k = bisect_left(self.s.person_starts, end)
        while k < len(self.s.persons) and self.s.person_starts[k] < hi:
            m = self.s.mentions[self.s.persons[k]]
            name = self.s.names[self.s.persons[k]]
            before = self.text[max(end, m.start - 6) : m.start]
            if (
                name
                and name not in persons
                and re.search(r"\band\s+$", before)
                and re.match(r"\s+as\s", self.text[m.end : m.end + 5])
            ):
                more.append((name, _role_at(self.text, m.end + 4)[0]))
            k += 1
        return more

    def _passive_subject(self, start: int) -> list[str]:
        """Who a passive verb moves: the people before it, though not an earlier verb's agent ("X was picked
        by Y and was appointed CEO": X)."""
        persons = self._persons_before(start)
        k = bisect_left(self.s.person_starts, start) - 1
        if not persons or k <= 0:
            return persons
        while k > 0 and self.s.mentions[self.s.persons[k]].generic:
            k -= 1  # "by Y as his successor": the pronoun is Y again
        m = self.s.mentions[self.s.persons[k]]
        agent = re.search(
            r"\bby\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?$", self.text[max(0, m.start - 12) : m.start]
        )
        later = re.search(r"\band\s+(?:was|were|is|has\s+been)\s+$", self.text[m.end : start])
        first = self.s.names[self.s.persons[0]]
        return [first] if agent and later and first else persons

    def _en_active_object(self, start: int, end: int, hi: int) -> _EnFound | None:
        """The object after an active verb ("appointed X"), and the organization: after X, else the subject's."""
        persons, pend = self._persons_after(end, min(hi, end + 110))
        if persons and not self._object_gap(end, pend):
            persons = []
        if not persons:
            nm = _EN_NAME_AFTER.match(self.text[end:hi])
            if nm and _OBJECT_GAP_STOP.search(self.text, end, end + nm.start(1)):
                nm = None  # "welcomed the decision by X": X is no object
            persons = self._en_name(nm)
            pend = end + nm.end() if nm and persons else end
        if not persons:
            return None
        role, org = self._role_and_org_after(pend, hi)
        if org is None:
            cs = _clause_start(self.text, start)
            subj = [x for x in self._org_mentions(cs, start, places=False) if x[1]]
            org = subj[-1][1] if subj else self._subject_org(cs, start)
        return persons, role, org

    def _en_subject(
        self,
        m: re.Match[str],
        mode: str,
        kind: MoveKind,
        start: int,
        end: int,
        hi: int,
        extra: list[tuple[MoveKind, str]],
    ) -> _EnFound | None:
        """ "X left Acme", "X joined Acme as CFO", "X became CEO of Acme"."""
        persons = self._en_subjects(start, end)
        if not persons:
            return None
        after = self.text[end:hi]
        word = m.group(0).lower()
        if (
            kind is MoveKind.LEFT
            and word.startswith(("le", "quit", "exit"))
            and not self._leaves_a_post(end, after)
        ):
            return None
        to_be = re.match(r"\s+to\s+(?:become|be|join|lead|head|run)\s+", after)
        if kind is MoveKind.LEFT and to_be:
            # "left to become CEO of Beta": Beta is where the person goes, not what they left
            _, dest_org = self._role_and_org_after(end + to_be.end(), hi)
            ahead = self._org_mentions(end + to_be.end(), hi, places=False)
            dest_org = dest_org or (ahead[0][1] if ahead else None)
            if dest_org:
                extra.append((MoveKind.APPOINTED, dest_org))
                return persons, None, None
        src, dest, _ = self._org_after(end, hi)
        role, org_in_role = self._role_and_org_after(end, hi)
        if mode == "subj_role" and role is None:
            return None
        if kind is MoveKind.JOINED and src is None and dest is None and role is None:
            joined_board = re.match(r"\s+the\s+board\b", after, re.I)
            joining_last = (  # "..., joining Smith and ...": the verb closes a clause of its own
                word == "joining"
                and re.search(r"[A-Z][\w'’\-]+\s+$", self.text[:start])
                and re.match(r"\s*(?:[,.;]|and\b|$)", after)
            )
            if not joined_board and not joining_last:
                return None
        if word.startswith(("mov", "relocat")) and not any(
            n == (dest or src) for _, n in self._org_mentions(end, hi)
        ):
            return None  # "will move to Lisbon": a place, unless the article knows it as an organization
        org = org_in_role or src  # "became CEO of X" names its organization in the role
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
        return persons, role, org

    def _en_subjects(self, start: int, end: int) -> list[str]:
        """The subject of a verb: the people before it (and those listed with them), or a name just before."""
        lo = max(0, start - 48)
        rel = re.search(
            r"\bwho\s+(?:(?:also|then|later|previously|had|has|have|was|were|is|will)\s+){0,2}$",
            self.text[lo:start],
        )
        if rel:
            # "a letter from the directors who resigned": "who" stands for the noun just before it
            who = lo + rel.start()
            k = bisect_left(self.s.person_starts, who) - 1
            if k < 0 or not re.fullmatch(
                r"\s*,?\s*", self.text[self.s.mentions[self.s.persons[k]].end : who]
            ):
                return []
        persons = self._subject_before(start)
        if not persons:
            persons = self._en_name(_EN_NAME_BEFORE.search(self.text[max(0, start - 90) : start]))
        elif self.last_subject != persons:
            persons = persons + self._listed_after(start)
        if persons:
            persons = persons + self._as_is(end)
        return persons

    def _leaves_a_post(self, end: int, after: str) -> bool:
        """ "X left Acme", "X quit as CEO", not "X left the meeting early": what follows "left" or "quit"."""
        nxt = re.match(r"\s*([\w,.]+)", after)
        word = nxt.group(1).lower().strip(",.") if nxt else ""
        det = re.match(r"\s*(?:the|a|an|his|her|their|its)\s+([\w\-]+)", after, re.I)
        if det and det.group(1).lower().startswith("non-"):
            return False  # "exits his non-Acme commitments"
        if (
            det
            and det.group(1).lower() not in _POSTS
            and not self._org_mentions(end, end + det.end() + 1)
            and not _org_run_at(self.text, end + det.start(1))
        ):
            return False  # "left the meeting early"
        return not (
            nxt
            and word not in _LEAVE_OK_NEXT
            and not self._org_mentions(end, end + len(nxt.group(0)) + 2)
            and not _org_run_at(self.text, end + (len(nxt.group(0)) - len(nxt.group(1))))
        )

    def _note_roles(self, mode: str, persons: list[str], start: int) -> None:
        if mode.startswith(("obj", "cn_obj")) and persons != self._persons_before(start):
            self.objects.update(persons)
            subject = self._persons_before(start)
            if subject:
                self.last_subject = subject
        else:
            self.last_subject = persons

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

    def _fallback_org(self, persons: list[str], pos: int, exclude: set[str], kind: MoveKind) -> str | None:
        near = self._nearest_org(pos, exclude)
        if near:
            return near
        described = self._described_org(persons, kind)
        if described and described not in exclude:
            return described
        for p in persons:
            org = self.r.person_org.get(p)
            if org and org not in exclude and org not in self.r.former_org.get(p, ()):
                return org
        if self.r.context.org or self.r.context.first_org:
            return self.r.context.org or self.r.context.first_org
        # "Acme chair X said treasurer Y was departing": the organization the speaker is described with
        return next((self.s.names[x] for x, (_, former) in self.s.desc.items() if not former), None)

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
        got = self._cn_object(end) if mode == "cn_obj" else self._cn_subject(start, end, hi)
        if got is None:
            return None
        persons, org, role = got
        if org is None and mode == "cn_subj" and kind is not MoveKind.JOINED:
            org = self._cn_described_org(start)
        if org is None:
            org = self._fallback_org(persons, start, set(), kind)
        self._note_roles(mode, persons, start)
        return _Found(persons, kind, org, role, start, end, future)

    def _cn_object(self, end: int) -> tuple[list[str], str | None, str | None] | None:
        """ "任命甲为首席执行官": the people after the verb, then their organization and role."""
        persons, pend = self._persons_after(end, end + 4)
        if not persons:
            k = bisect_left(self.s.person_starts, end)
            gap_end = self.s.person_starts[k] if k < len(self.s.persons) else end
            gap = self.text[end:gap_end]
            if 0 < len(gap) <= 16 and not _CN_STOP.search(gap) and not re.search(r"[为·\s]|担任", gap):
                persons, pend = self._persons_after(end, gap_end)
        if not persons:
            nm = _CN_NAME_AFTER.match(self.text[end : end + 12])
            if not nm or not _cjk_name_ok(nm.group(1)):
                return None
            persons, pend = [self._cn_name(nm.group(1))], end + nm.end()
        pend += len(self.text[pend:]) - len(self.text[pend:].lstrip(")） "))
        while len(persons) < self._MAX_LIST:
            # "聘任甲、乙为副总经理": the names listed after the first one
            more = _CN_MORE_NAMES.match(self.text, pend)
            if not more or not _cjk_name_ok(more.group(1)):
                break
            persons = [*persons, self._cn_name(more.group(1))]
            pend = more.end()
        rest_hi = _CN_STOP.search(self.text, pend + 1)
        span_start = pend
        wm = re.match(r"为|担任|出任|的", self.text[pend:])
        if wm:
            span_start = pend + wm.end()
        span_end = rest_hi.start() if rest_hi else len(self.text)
        org, role = self._cn_org_role(span_start, span_end)
        return persons, org, role

    def _cn_subject(self, start: int, end: int, hi: int) -> tuple[list[str], str | None, str | None] | None:
        """ "甲辞去首席执行官职务": the subject before the verb, then the organization and role after it."""
        persons = self._cn_subjects(start)
        if not persons:
            return None
        org, role = self._cn_org_role(end, hi)
        if role is None:
            rm = _CN_ROLE_AFTER.search(self.text, hi, min(len(self.text), hi + 4))
            if rm:
                stop = _CN_STOP.search(self.text, rm.end())
                org2, role = self._cn_org_role(rm.end(), stop.start() if stop else len(self.text))
                org = org or org2
        return persons, org, role

    def _cn_subjects(self, start: int) -> list[str]:
        """The subject of a Chinese verb: the person before it in its own clause, the sentence's topic, or a
        name written just before."""
        persons = self._subject_before(start)
        cut = max(
            self.text.rfind("，", max(0, start - 60), start),
            self.text.rfind(",", max(0, start - 60), start),
        )
        k = bisect_left(self.s.person_starts, start) - 1
        if persons and cut >= 0 and (k < 0 or self.s.person_starts[k] < cut):
            own = _CN_NAME_BEFORE.search(self.text, cut, start)
            if own and _cjk_name_ok(own.group(1)):
                persons = [self._cn_name(own.group(1))]  # "甲表示，乙将于明年退休": 乙
        topic = self._cn_topic(start)
        if topic and persons and not set(persons) & self.objects:
            persons = topic
        if not persons:
            window = self.text[max(0, start - 30) : start]
            nm = (
                _CN_NAME_BEFORE.search(window)
                or _CN_ROLE_NAME_BEFORE.search(window)
                or _CN_DATE_NAME_BEFORE.search(window)  # "自去年5月韦伯特离任以来"
            )
            if not nm or not _cjk_name_ok(nm.group(1)):
                return []
            persons = [self._cn_name(nm.group(1))]
        return persons

    def _cn_topic(self, start: int) -> list[str]:
        """A Chinese clause without a person of its own ("甲2009年与乙共同创办某公司，2016年离开") goes on about
        the sentence's first person (甲), not the nearest one."""
        s = self.s
        lo = max(0, start - 120)
        cut = max(self.text.rfind("，", lo, start), self.text.rfind(",", lo, start))
        if cut < 0 or not s.persons:
            return []
        k = bisect_left(s.person_starts, cut)
        if k < len(s.persons) and s.person_starts[k] < start:
            return []  # the clause names its own subject
        first = s.mentions[s.persons[0]]
        if first.start >= cut or _REPORTED.search(self.text, first.end, cut):
            return []  # "甲表示，…": the first person speaks, the clause after is about someone else
        if _CN_NAME_BEFORE.search(self.text, cut, start):
            return []  # the clause names a person the article's list missed
        name = s.names[s.persons[0]]
        return [name] if name else []

    def _cn_described_org(self, start: int) -> str | None:
        """ "Velora销售负责人卡尔·维恩出任临时CEO": an unlisted organization written before the subject's role."""
        s = self.s
        k = bisect_left(s.person_starts, start) - 1
        if k < 0:
            return None
        first = s.mentions[s.persons[k]]
        fm = _CN_FOUNDER.search(self.text, max(0, first.start - 24), first.start)
        if fm and fm.end() == first.start and not _CN_JUNK_ORG.search(fm.group(1)):
            return fm.group(1)  # "字节跳动创始人张一鸣": the company the founder founded
        while k > 0 and self.text[s.mentions[s.persons[k - 1]].end : first.start].strip() in ("(", "（"):
            k -= 1
            first = s.mentions[s.persons[k]]
        m = _CN_DESCRIBED.search(self.text, max(0, first.start - 30), first.start)
        if m is None or m.end() != first.start:
            return None
        org = m.group(1)
        if _CJK.search(org) and (not CN_ORG_SUFFIX.search(org) or CN_GENERIC_ORG.fullmatch(org)):
            return None
        return org

    def _generic_org(self, pos: int) -> str | None:
        """What "公司" stands for at ``pos``: the organization named last before it in this sentence."""
        before = [name for m, name in self._org_mentions(0, pos) if name and m.end <= pos]
        return before[-1] if before else None

    def _cn_name(self, name: str) -> str:
        self.r.known_people.add(name)
        return name

    def _cn_org_role(self, lo: int, hi: int) -> tuple[str | None, str | None]:
        span = self.text[lo:hi].strip()
        span = re.sub(r"^(?:了|在|于|到|至)", "", span)
        span = re.sub(r"(?:近|逾|超过)?\d+(?:多)?年.*$", "", span)  # "执掌远航集团9年": a duration
        span = re.sub(r"(?:的|之)$", "", span)
        if not span:
            return None, None
        mentions = self._org_mentions(lo, hi)
        org: str | None = None
        rest = span
        lead = len(self.text[lo:hi]) - len(self.text[lo:hi].lstrip())
        lead += len(re.match(r"(?:了|在|于|到|至)?", self.text[lo + lead : hi]).group(0))  # type: ignore[union-attr]
        if mentions and mentions[0][0].start <= lo + lead:
            org = mentions[0][1]
            rest = self.text[mentions[0][0].end : hi]
        else:
            rm = CN_ROLE.search(span)
            prefix = span[: rm.start()] if rm else span
            rest = span[rm.start() :] if rm else ""
            prefix = re.sub(r"(?:的|之)$", "", prefix)
            if prefix.casefold() in ROLE_WORDS or re.fullmatch(r"[A-Za-z]{1,2}", prefix):
                prefix = ""  # "出任AI副总裁": a kind of role, not an organization
            if CN_TRIGGER.search(prefix):
                prefix = ""  # "回归出任董事长": the next verb, not an organization
            generic = CN_GENERIC_ORG.match(prefix) if prefix else None
            if generic:
                # "公司第十届董事会董事长": the company the article is about, then a board's description
                org = self._generic_org(lo) or self.r.context.org
            elif prefix and _CN_JUNK_ORG.search(prefix):
                org = None  # "辞职报告", "先生为公司": words of the sentence, not a name
            elif prefix and 2 <= len(prefix) <= 16:
                org = prefix
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


_REPORTED = re.compile(
    r"\b(?:said|says|announced|announces|told|confirmed|reported|wrote)\b|宣布|表示|公告|称|透露"
)


def _date_for(
    sent: _Sentence, owners: dict[int, list[DateMention]], start: int, future: bool, kind: MoveKind
) -> tuple[str | None, bool]:
    """The date of the verb at ``start``: of the dates it owns, the one on the side the language writes it
    (English after the verb: "co-founded it in 2009 and left in 2016"; Chinese before it), then the nearest.
    A date of the announcement ("said on Friday that X will join") is a past one even for a future move; it
    comes back marked as such (weak: another verb of the same move in the sentence may give its own date)."""
    best: tuple[int, int, str, bool] | None = None
    chinese = bool(_CJK.search(sent.text[max(0, start - 1) : start + 1]))
    for d in owners.get(start, []):
        if d.since and kind in (MoveKind.LEFT, MoveKind.FIRED):
            continue
        before = d.end <= start
        announced_on = before and bool(_REPORTED.search(sent.text, max(0, d.start - 25, start - 160), start))
        value = d.future if future and not announced_on else d.past
        if value is None:
            continue
        dist = d.start - start if d.start >= start else start - d.end + 1
        side = 0 if before == chinese else 1
        if best is None or (side, dist) < best[:2]:
            best = (side, dist, value, announced_on)
    return (best[2], best[3]) if best else (None, False)


_BREAK = re.compile(r"[,;，；]")
_AS_IS = re.compile(r",\s+as\s+(?:is|are|was|were|did|does|do|has|have|had|will)\s+(?:also\s+)?", re.I)
_AFTER_CLAUSE = re.compile(
    r"(?:\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>year|month)s?\s+)?"
    r"\bafter\s+(?:[\w'’]+\s+){0,4}$",
    re.I,
)
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
}
_NUMBERS |= {"nine": 9, "ten": 10}


def _before(dated: str, n: str | None, unit: str | None) -> str:
    """The date of a move told as happening some time before ``dated``: its month, or N years / months back."""
    if n is None or unit is None:
        return dated[:7]
    count = _NUMBERS.get(n.lower()) or int(n)
    if unit.lower() == "year":
        return f"{int(dated[:4]) - count:04d}"
    if len(dated) < 7:
        return dated[:4]
    total = int(dated[:4]) * 12 + int(dated[5:7]) - 1 - count
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


_INTRO = re.compile(r"^\W*(?:\w+(?:\W+|$)){0,3}$")


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


def _dateline(article: Article) -> date | None:
    """A plain news text without a date line of its own often opens with one ("OSLO, March 3,
    2025 — ..."): a full date in its first words is the article's date."""
    head = (article.core_viewpoint or "")[:160]
    for d in find_dates(head, None):
        if d.past and len(d.past) == 10:
            return parse_article_date(d.past)
    return None


_AND_BEFORE = re.compile(r"\band\s+(?:(?:then|also|later)\s+)?$")


_CN_ORG_RUN = r"([\u4e00-\u9fffA-Za-z]{2,30})"
_CN_NAMED_ORG = re.compile(
    _CN_ORG_RUN + r"[(（](?:以下)?简称[“\"「『]?([\u4e00-\u9fffA-Za-z]{2,10})[”\"」』]?[)）]"
    r"|" + _CN_ORG_RUN + r"[(（]\d{4,6}\.(?:SZ|SH|HK|sz|sh|hk)[)）]"
    r"|据([\u4e00-\u9fff]{2,8}?)(?:官网|官方|官微|内部)"
)
_CN_ANNOUNCER = re.compile(
    r"(?:^|[，,。；;\s])([\u4e00-\u9fff]{2,8}?)(?:今日|今晚|日前|近日|当天|同日)?(?:晚间|早间)?"
    r"(?:在[\u4e00-\u9fff]{2,5})?(?:(?:发布|发)?公告|宣布)"
)
_CN_TITLE_ORG = re.compile(r"^([\u4e00-\u9fffA-Za-z]{2,8})(?:公告)?[:：]")
_CN_RUN_LEAD = re.compile(r"^.*(?:[日社网报]讯|APP讯|称|日|公告|宣布|消息|同时|此外|另外|其中)")
_CN_NOT_ORG = re.compile(r"公告|消息|记者|报道|声明|报告|申请|先生|女士|董事会|^公司$|^本公司$|^该公司$")


def _cn_org_name_ok(reader: _Reader, name: str) -> bool:
    if len(name) < 2 or _CN_NOT_ORG.search(name) or name in reader.known_people:
        return False
    if len(name) <= 3 and name[0] in _SURNAMES and not CN_ORG_SUFFIX.search(name):
        return False  # "许晓东宣布…": reads like a name
    return not list(reader.people.scan(_tokens(name)))


def _cn_main_orgs(reader: _Reader, title: str, sentences: list[str]) -> None:
    """A Chinese announcement names its company once ("X股份有限公司（以下简称“公司”）", "X（000423.SZ）",
    "X公告，…", a title "X：…") and then says 公司: those names become organizations the sentences know, the
    first of them the company "公司" stands for until another is named."""
    if not _CJK.search(title) and not any(_CJK.search(x) for x in sentences[:3]):
        return
    found: list[str] = []

    def add(name: str, alias: str | None = None) -> None:
        name = _CN_RUN_LEAD.sub("", name)
        if _cn_org_name_ok(reader, name):
            reader.orgs.add(name, name)
            if alias and not CN_GENERIC_ORG.fullmatch(alias) and alias != name:
                reader.orgs.add(alias, name)
            found.append(name)

    tm = _CN_TITLE_ORG.match(title.strip())
    if tm and _CJK.search(tm.group(1)) and not CN_TRIGGER.search(tm.group(1)):
        add(tm.group(1))
    for text in sentences:
        for m in _CN_NAMED_ORG.finditer(text):
            add(m.group(1) or m.group(3) or m.group(4), m.group(2))
        lead = re.match(r"([\u4e00-\u9fff]{2,6}(?:公司|集团))(?!董事|股东)", text)
        if lead and not CN_GENERIC_ORG.fullmatch(lead.group(1)):
            add(lead.group(1))
        for m in _CN_ANNOUNCER.finditer(text):
            name = m.group(1)
            if CN_ROLE.search(name) or CN_TRIGGER.search(name) or re.search(r"[的了在于也还已将]", name):
                continue
            add(name)
    if found and reader.context.org is None:
        reader.context.org = reader.context.first_org = found[0]


def extract_moves(article: Article) -> list[Move]:
    """Every move the article states, in the order written; the same move said twice is kept once."""
    sentences = list(_sentences(article))
    if not any(EN_TRIGGER.search(s) or CN_TRIGGER.search(s) for s in sentences):
        return []  # no verb or noun of movement anywhere (most articles): nothing else needs reading
    ref = parse_article_date(article.published_at) or _dateline(article)
    reader = _Reader(article, ref)
    article_day = ref.isoformat() if ref else None
    out = _Kept()
    _cn_main_orgs(reader, article.title, sentences)
    _read_title(reader, article.title)
    for raw in sentences:
        text, _ = strip_citations(raw)
        if not text:
            continue
        sent = reader.sentence(text)
        if SOURCE_HEDGE.search(text) or stance_of(text) is Stance.DENIED:
            reader.remember(sent)
            continue
        sr = _SentenceReader(reader, sent)
        for move in _sentence_moves(sr, article, article_day):
            out.add(move)
        reader.remember(sent)
        if sr.fallback_person and not any(m.kind == "person" and not m.generic for m in sent.mentions):
            reader.context.person = sr.fallback_person
    return list(out.moves.values())


def _read_title(reader: _Reader, title: str) -> None:
    """The title names what the article is about: its organizations and people are the context of the first
    sentences ("the company"), though its verbs make no moves of their own (the body says them again)."""
    reader.title_people(title)
    sent = reader.sentence(title)
    title_reader = _SentenceReader(reader, sent)
    for m in CN_TRIGGER.finditer(title):
        title_reader.chinese(m)
    for m in EN_TRIGGER.finditer(title):
        title_reader.english(m)
    reader.remember(sent)
    reader.context.first_org = reader.context.org


def _sentence_moves(sr: _SentenceReader, article: Article, article_day: str | None) -> list[Move]:
    """The moves one sentence states, each verb's dated by the dates it owns."""
    sent = sr.s
    text = sent.text
    matches: list[tuple[re.Match[str], bool]] = [(m, False) for m in EN_TRIGGER.finditer(text)]
    matches += [(m, True) for m in CN_TRIGGER.finditer(text)]
    owners = _assign_dates(sent, [(m.start(), m.end()) for m, _ in matches])
    here: dict[tuple[str, MoveKind, str], tuple[Move, bool]] = {}
    dated: list[str] = []
    prev_end = -1
    for m, chinese in sorted(matches, key=lambda x: x[0].start()):
        if chinese and m.start() == prev_end:
            continue  # "回归出任董事长": the second verb says the role of the first
        found = sr.chinese(m) if chinese else sr.english(m)
        if found is None:
            continue
        prev_end = m.end()
        when, weak, announced = _when(sent, owners, found, dated, article_day)
        moves = [(found.kind, found.org, found.role)] + [(k, o, None) for k, o in found.extra]
        plan = [(p, moves) for p in found.persons]
        plan += [(p, [(MoveKind.APPOINTED, found.org, None)]) for p in found.successors]
        plan += [(p, [(found.kind, found.org, r)]) for p, r in found.also]
        for person, person_moves in plan:
            for kind, org, role in person_moves:
                move = Move(
                    person=person,
                    kind=kind,
                    organization=org,
                    role=role,
                    date=when or article_day,
                    date_from="text" if when else "article",
                    evidence=text,
                    announced=announced,
                    article_id=article.id,
                    article_date=article_day,
                )
                key = (person, kind, (org or "").casefold())
                old = here.get(key)
                if old is None or (old[1] and when and not weak):
                    # "will step down, and retire next spring": one move, dated by its own date
                    here[key] = (move if old is None else replace(move, role=move.role or old[0].role), weak)
    return [move for move, _ in here.values()]


def _when(
    sent: _Sentence,
    owners: dict[int, list[DateMention]],
    found: _Found,
    dated: list[str],
    article_day: str | None,
) -> tuple[str | None, bool, bool]:
    """The date of one found move (None: the article's), whether that date is weak (inferred), and whether the
    move is announced (still to come); ``dated`` collects the sentence's dates so far."""
    text = sent.text
    when, weak = _date_for(sent, owners, found.start, found.future, found.kind)
    announced = found.future or bool(when and article_day and when > article_day[: len(when)])
    if announced and when is None:
        when, weak = _date_for(sent, owners, found.start, True, found.kind)
    after = _AFTER_CLAUSE.search(text, max(0, found.start - 60), found.start) if dated else None
    if when is None and after is not None:
        # "X returned on Friday, a week after the board fired him": no later than that, so its
        # month (which sorts before the day); "two years after" goes back two years
        when, weak = _before(dated[-1], after.group("n"), after.group("unit")), True
    elif when:
        dated.append(when)
    return when, weak, announced


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
