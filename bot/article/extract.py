"""People, organizations, claims, stance, speaker and figures, from the article text alone.

The extractor weighs evidence the way a careful reader does: a given name or a Chinese surname, a role
before the name (``Intel CEO Lip-Bu Tan``), an apposition after it (``Mark Chen, OpenAI's chief research
officer``), a verb of saying, a name given in two scripts, a list of names. Words that make a capitalized
phrase an organization, product or place count against it. Nothing here knows any particular article.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .lexicon import (
    COMMON_NOUNS,
    HONORIFICS,
    NOT_NAME_WORDS,
    ORG_WORDS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SPEECH_VERBS,
)
from .model import (
    MAX_NAME_WORDS,
    MAX_ORG_CHARS,
    MAX_ORG_WORDS,
    Claim,
    Figure,
    FigureKind,
    Organization,
    Person,
    Stance,
    name_fits,
)
from .names import (
    PARTICLES,
    fold,
    has_cjk,
    is_cjk_name,
    is_given_name,
    is_pinyin_name,
    key,
    mention_pattern,
    surname,
)
from .sentences import split_sentences, strip_citations

_STOP = NOT_NAME_WORDS | COMMON_NOUNS

# ---------------------------------------------------------------------------------------------------------
# Statements: one sentence of the core viewpoint or of a point, with its own citations


@dataclass
class Statement:
    text: str  # without citation markers
    citations: list[int]
    section: int  # -1 for the core viewpoint


def statements_of(core_raw: str, raw_sections: list[tuple[str | None, list[str]]]) -> list[Statement]:
    out: list[Statement] = []
    blocks: list[tuple[int, str]] = [(-1, core_raw)] if core_raw else []
    for i, (_, points) in enumerate(raw_sections):
        blocks.extend((i, p) for p in points)
    for section, raw in blocks:
        pieces = [strip_citations(s) for s in split_sentences(raw)]
        # Markers at the end of a point cover its earlier, unmarked sentences.
        pending: list[int] = []
        for i in range(len(pieces) - 1, -1, -1):
            text, cites = pieces[i]
            if cites:
                pending = cites
            else:
                pieces[i] = (text, list(pending))
        for text, cites in pieces:
            if _is_statement(text):
                out.append(Statement(text=text, citations=cites, section=section))
    return out


def _is_statement(text: str) -> bool:
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    latin = len(re.findall(r"[A-Za-zÀ-ÖØ-öø-ɏ]+", text))
    return cjk >= 4 or latin >= 3


# ---------------------------------------------------------------------------------------------------------
# Tokens

_TOKEN_RE = re.compile(
    r"(?P<word>(?:[A-Za-z]\.){2,}|[A-Za-zÀ-ÖØ-öø-ɏ](?:[A-Za-zÀ-ÖØ-öø-ɏ0-9'’\-]*[A-Za-zÀ-ÖØ-öø-ɏ0-9])?(?:\.(?=[A-Za-z]\.))?\.?)"
    r"|(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<cjk>[\u3400-\u4dbf\u4e00-\u9fff]+)"
    r"|(?P<punct>[^\w\s])"
)

_ACRONYM_STOP = frozenset(
    """AI AGI LLM LLMS GPU GPUS CPU CPUS TPU IPO API APIS CEO CFO CTO COO CIO CRO CMO CPO CSO VP SVP EVP US USA
    UK EU UN GDP IT PR HR R&D ML NLP AR VR XR EV EVS IOT SAAS B2B B2C ESG ETF ETFS Q1 Q2 Q3 Q4 H1 H2 FY YOY
    OK TV PC PCS OS HBM DRAM NAND ASIC ASICS FPGA RAM SSD TSX PM AM GMT UTC ET PT RMB USD EUR GBP CHF JPY CNY
    HKD TLDR FAQ PDF URL BBC""".split()
)
_PRODUCT_RE = re.compile(r"GPT|^i[A-Z]|\d$|^[A-Z][a-z]+\d|Pro$|Max$|Ultra$")


class Tok:
    """One token: ``text`` as written, without a trailing period or possessive; ``kind`` is word, num, cjk or
    punct; ``low``, ``cap`` and ``shape`` are worked out once here."""

    __slots__ = ("cap", "end", "kind", "low", "poss", "shape", "start", "text")

    def __init__(self, text: str, start: int, end: int, kind: str, poss: bool = False) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.poss = poss
        self.low = text.lower()
        self.cap = kind == "word" and text[:1].isupper()
        self.shape = _shape(text, kind)

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.kind}, {self.shape})"


_INITIAL_RE = re.compile(r"[A-Z]\.?|(?:[A-Z]\.){2,}")
_NOT_LETTER_RE = re.compile(r"[^A-Za-zÀ-ÖØ-öø-ɏ]")
_PLURAL_ACRONYM_RE = re.compile(r"[A-Z]{2,}s")
_UPPER_RE = re.compile(r"[A-Z]")
_NAME_PREFIX_RE = re.compile(r"(?:Mc|Mac|O'|O’|D'|D’|De|Di|Da|Du|La|Le|Van|Von)[A-Z]")
_HYPHEN_NAME_RE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)+")
_DOTTED_RE = re.compile(r"(?:[A-Za-z]\.)+")


def _shape(t: str, kind: str) -> str:
    """word shapes: initial ("J."), acronym ("NVIDIA"), camel ("OpenAI"), name ("Huang"), lower."""
    if kind != "word":
        return kind
    if t.islower():
        return "lower"  # the common case: no capital anywhere, so no initial, acronym or camel shape
    if _INITIAL_RE.fullmatch(t if len(t) < 3 or t.endswith(".") else t + "."):
        return "initial"
    letters = _NOT_LETTER_RE.sub("", t)
    if len(letters) >= 2 and (letters.isupper() or _PLURAL_ACRONYM_RE.fullmatch(letters)):
        return "acronym"
    inner_upper = _UPPER_RE.search(t, 1) is not None
    if not t[:1].isupper():
        return "camel" if inner_upper else "lower"
    if inner_upper:
        return "name" if _NAME_PREFIX_RE.match(t) or _HYPHEN_NAME_RE.fullmatch(t) else "camel"
    return "name"


def tokenize(text: str) -> list[Tok]:
    toks: list[Tok] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        raw = m.group(0)
        start, end = m.start(), m.end()
        poss = False
        if kind == "word":
            if raw.endswith(".") and not _DOTTED_RE.fullmatch(raw) and raw[:-1].lower() not in HONORIFICS:
                raw = raw[:-1]
                end -= 1
            for suffix in ("'s", "’s", "'", "’"):
                if raw.endswith(suffix) and len(raw) > len(suffix) + 1:
                    raw = raw[: -len(suffix)]
                    poss = True
                    break
        toks.append(Tok(raw, start, start + len(raw), kind, poss))
    return toks


def _is_role_word(tok: Tok) -> bool:
    if tok.kind != "word":
        return False
    low = tok.low
    if low in ROLE_HEADS or low.rstrip("s") in ROLE_HEADS:
        return True
    # "co-founder", "ex-CEO", "Vice-President", "President-elect", "CEO-designate"
    if "-" in low:
        first, last = low.split("-", 1)[0], low.rsplit("-", 1)[1]
        return last.rstrip("s") in ROLE_HEADS or (
            first in ROLE_HEADS and last in ("elect", "designate", "nominee")
        )
    return False


def _role_continues(toks: list[Tok], i: int) -> bool:
    """'General' in 'Attorney General', 'Secretary General': a modifier that follows its role word."""
    return i > 0 and toks[i].low in _POST_MODIFIERS and _is_role_word(toks[i - 1])


_POST_MODIFIERS = frozenset({"general"})


def _role_word(tok: Tok) -> str:
    """How a role word is written in a role: acronyms as they are ('CEO', 'co-CEO'), other words lower-case."""
    return tok.text if _TWO_CAPITALS.search(tok.text) else tok.low


_TWO_CAPITALS = re.compile(r"[A-Z]{2}")


def _is_role_mod(tok: Tok) -> bool:
    return tok.kind == "word" and tok.low in ROLE_MODIFIERS


def _is_orgish(tok: Tok) -> bool:
    if tok.kind != "word" or not tok.text[:1].isalpha() or _is_role_word(tok):
        return False
    shape = tok.shape
    if shape == "camel":
        return not _PRODUCT_RE.search(tok.text)
    if shape == "acronym":
        return tok.text.upper().rstrip("S") not in _ACRONYM_STOP and tok.text.upper() not in _ACRONYM_STOP
    return shape == "name" and tok.low in ORG_WORDS


# ---------------------------------------------------------------------------------------------------------
# Candidates


@dataclass
class Candidate:
    tokens: list[Tok]
    sentence: int
    score: float = 0.0
    role: str | None = None
    org: str | None = None
    cues: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        return " ".join(t.text for t in self.tokens)


_SKIP_AFTER = frozenset(
    "has had have also later previously reportedly recently repeatedly publicly was is has been then once "
    "had already further openly privately quickly firmly strongly swiftly separately".split()
)
_FOLLOWING_NOT_PERSON = frozenset(
    """analysts economists strategists shares stock stocks shareholders customers employees board unit
    subsidiary division platform platforms model models chip chips superchip superchips gpu gpus app apps
    index fund funds architecture system systems device devices processor processors series brand campus
    headquarters stadium award prize act law bill program programme initiative report reports research lab
    labs team group""".split()
)
_PLACE_PREPS = frozenset({"in", "at", "near"})
_SUCCESSION = frozenset("succeed succeeds succeeded succeeding replace replaces replaced replacing".split())
_LED_BY = frozenset(
    "chaired led headed founded co-founded cofounded run managed directed hosted chaired".split()
)
_DETERMINERS = frozenset("the a an this that these those its his her their our".split())
_FOLLOWING_ORG = frozenset(
    """shares stock stocks shareholders customers employees executives board unit subsidiary division
    spokesperson spokesman spokeswoman headquarters investors staff""".split()
)
_ORG_CONTEXT_BEFORE = frozenset(
    """like including include includes such at from by with rival rivals competitor competitors partner
    partners company companies firm firms startup startups giant giants maker makers versus vs against
    join joined joins joining""".split()
)
_ORG_VERBS_AFTER = frozenset(
    """is was has had said says will would plans planned announced reported agreed signed launched expects
    invested acquired raised posted released unveiled introduced faces faced is reportedly aims aimed
    became remains continues fell rose dropped jumped gained lost shed climbed slid tumbled surged plunged
    soared sank rallied""".split()
)


_HONORIFIC_STEMS = frozenset(h.rstrip(".") for h in HONORIFICS)
_ROLE_REACH = 12


def _role_before(toks: list[Tok], i: int) -> tuple[str | None, str | None, bool]:
    """Role and organization written before the name starting at token ``i`` ("Intel CEO", "former
    OpenAI researcher", "Meta's chief AI scientist"). Returns (role, organization, honorific)."""
    j = i - 1
    if j >= 0 and toks[j].kind == "word" and toks[j].low.rstrip(".") in _HONORIFIC_STEMS:
        return None, None, True
    stop = i - _ROLE_REACH  # a role and its organization are a few words: the walk left is bounded
    if j >= 0 and toks[j].text == "," and j - 1 >= 0 and _is_role_word(toks[j - 1]):
        j -= 1  # "OpenAI's chief executive, Sam Altman"
    role: list[str] = []
    org: list[str] = []
    has_head = False
    while j >= 0 and j > stop:
        t = toks[j]
        if (_is_role_word(t) or _role_continues(toks, j)) and not t.poss:
            role.insert(0, _role_word(t))
            has_head = True
        elif _is_role_mod(t) and (role or t.low in ("former", "then")) and not (t.cap and org):
            if t.low in ("the", "of", "at", "for"):
                break
            role.insert(0, _role_word(t))
        elif (
            t.low in ("and", "&")
            and role
            and j > 0
            and (_is_role_word(toks[j - 1]) or _is_role_mod(toks[j - 1]))
        ):
            role.insert(0, "and")
        elif (t.cap or t.shape in ("camel", "acronym")) and (t.low not in _STOP or org) and has_head:
            org.insert(0, t.text)
            if t.poss:
                j -= 1
                # "OpenAI's" ends the phrase on the left.
                break
        else:
            break
        j -= 1
    while role and role[0] == "and":
        role.pop(0)
    if not has_head:
        return None, None, False
    return _singular_role(" ".join(role)), (" ".join(org) or None), False


def _singular_role(role: str) -> str | None:
    """'researchers' -> 'researcher', 'interim co-CEOs' -> 'interim co-CEO' (a role in a list of names)."""
    role = role.strip()
    if not role:
        return None
    words = role.split()
    last = words[-1]
    if last.endswith("s") and (last[:-1].lower() in ROLE_HEADS or last[:-1] in ROLE_HEADS):
        words[-1] = last[:-1]
    return " ".join(words)


def _role_after(toks: list[Tok], k: int) -> tuple[str | None, str | None, bool]:
    """Apposition after the name ending before token ``k``: ", OpenAI's chief research officer" or
    ", the CEO of OpenAI" or ", who ...". Returns (role, organization, who-clause)."""
    if k >= len(toks) or toks[k].text not in (",", "("):
        return None, None, False
    j = k + 1
    if j < len(toks) and toks[j].low == "who":
        return None, None, True
    role, org = _role_phrase(toks, j)
    return role, org, False


_PREDICATE_AUX = frozenset("will would was is has had to also then later".split())
_PREDICATE_VERBS = frozenset(
    "became becomes become named appointed elected serve serves served act acts acted resigned resigns quit "
    "remains remained stepped took takes joined joins retired retires returned returns".split()
)


def _role_predicate(toks: list[Tok], k: int) -> tuple[str | None, str | None]:
    """'X became chief executive of Y', 'X will serve as vice chairperson', 'X resigned as commissioner'."""
    j = k
    while j < len(toks) and toks[j].low in _PREDICATE_AUX and j - k < 3:
        j += 1
    if j >= len(toks) or toks[j].low not in _PREDICATE_VERBS:
        return None, None
    j += 1
    while j < len(toks) and toks[j].low in ("as", "down", "over", "the", "a", "an", "its", "new", "up"):
        j += 1
    return _role_phrase(toks, j)


def _role_phrase(toks: list[Tok], j: int) -> tuple[str | None, str | None]:
    # Read up to the next punctuation: "[the|its] [Org's] <role words ending in a role head> [of|at Org]".
    window: list[Tok] = []
    while j < len(toks) and len(window) < 12 and toks[j].kind in ("word", "cjk"):
        window.append(toks[j])
        j += 1
    start = 0
    org: list[str] = []
    while start < len(window) and window[start].low in (
        "the",
        "a",
        "an",
        "its",
        "his",
        "her",
        "their",
        "then",
        "now",
    ):
        start += 1
    while (
        start < len(window)
        and (window[start].cap or window[start].shape in ("camel", "acronym"))
        and not _is_role_word(window[start])
        and not _is_role_mod(window[start])
    ):
        org.append(window[start].text)
        start += 1
        if window[start - 1].poss:
            break
    heads = [
        i
        for i in range(start, min(len(window), start + 7))
        if _is_role_word(window[i]) and not window[i].poss
    ]
    if not heads:
        return None, None
    # The role ends at its last head before "of"/"at"/"for" (or the first head if a verb follows).
    end = heads[0]
    for i in heads[1:]:
        if all(w.low not in ("of", "at", "for", "who", "which", "that") for w in window[end + 1 : i]):
            end = i
    role_words = window[start : end + 1]
    if any(w.low in ("who", "which", "that", "said", "says") or w.low in SPEECH_VERBS for w in role_words):
        return None, None
    rest = window[end + 1 :]
    if rest and rest[0].low in ("of", "at", "for") and not org:
        tail: list[str] = []
        for w in rest[1:]:
            if w.low in ("the",) and not tail:
                continue
            if w.cap or w.shape in ("camel", "acronym") or (w.low == "of" and tail):
                tail.append(w.text)
            else:
                break
        org = tail
    return _singular_role(" ".join(_role_word(w) for w in role_words)), " ".join(org) or None


def _speech_after(toks: list[Tok], k: int) -> bool:
    j = k
    steps = 0
    while j < len(toks) and steps < 4:
        t = toks[j]
        if t.kind != "word":
            return False
        if t.low in SPEECH_VERBS:
            return True
        if t.low not in _SKIP_AFTER:
            return False
        j += 1
        steps += 1
    return False


def _runs(toks: list[Tok]) -> list[tuple[int, int]]:
    """Maximal runs of capitalized tokens (particles allowed inside): [start, end) token indexes."""
    runs: list[tuple[int, int]] = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if t.kind == "word" and (t.cap or t.shape == "camel"):
            j = i + 1
            while j < n:
                u = toks[j]
                if toks[j - 1].poss:
                    break
                if u.kind == "word" and (u.cap or u.shape == "camel"):
                    j += 1
                elif u.low == "of" and toks[j - 1].low in ORG_WORDS and j + 1 < n and toks[j + 1].cap:
                    j += 2  # "Department of Energy", "Bank of America"
                elif u.kind == "word" and u.low in PARTICLES:
                    # "von der Leyen", "de la Cruz": particles up to the next capitalized word
                    k = j
                    while k < n and toks[k].kind == "word" and toks[k].low in PARTICLES:
                        k += 1
                    if k < n and toks[k].cap and toks[k].kind == "word" and k - j <= 3:
                        j = k + 1
                    else:
                        break
                else:
                    break
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _name_shaped(t: Tok, first: bool = True) -> bool:
    """A word that can be part of a person's name; generic nouns only after the first word ("Stan Deal")."""
    if (
        t.kind != "word"
        or t.shape not in ("name", "initial")
        or t.low in NOT_NAME_WORDS
        or t.low in ORG_WORDS
        or t.low in HONORIFICS
    ):
        return False
    return not (first and t.low in COMMON_NOUNS)


def _candidates_in(toks: list[Tok], sentence: int, text: str) -> tuple[list[Candidate], list[list[Tok]]]:
    people: list[Candidate] = []
    orgs: list[list[Tok]] = []
    for start, end in _runs(toks):
        # Split the run into name chunks and context (role words, organization words, stop words).
        i = start
        chunk: list[int] = []
        org_chunk: list[int] = []

        def close_chunk(chunk: list[int] = chunk) -> None:
            # A run of more words than any name has is not a person (and is never scored: linear time).
            if chunk and len(chunk) <= MAX_NAME_WORDS:
                people.append(_score(toks, chunk, sentence, text))
            chunk.clear()

        org_open = False
        prefix: list[int] = []  # "European", "U.S.": may start an organization's name, never a person's
        ahead: list[bool] = []

        def org_later(k: int, start: int = start, end: int = end, ahead: list[bool] = ahead) -> bool:
            """Whether an organization word comes at or after token ``k`` of this run before any role word
            ("... Manufacturing Co."); worked out once per run, right to left (linear time)."""
            if k >= end:
                return False
            if not ahead:
                state = False
                ahead.extend([False] * (end - start))
                for j in range(end - 1, start - 1, -1):
                    if _is_role_word(toks[j]):
                        state = False
                    elif _is_orgish(toks[j]):
                        state = True
                    ahead[j - start] = state
            return ahead[k - start]

        def close_org() -> None:
            nonlocal org_open, org_chunk
            if org_open and org_chunk:
                orgs.append([toks[x] for x in sorted(set(org_chunk))])
            org_open = False
            org_chunk = []

        while i < end:
            t = toks[i]
            lowp = t.low
            if org_open and (
                lowp == "of"
                or _is_orgish(t)
                or (
                    t.shape == "name"
                    and not _is_role_word(t)
                    and lowp not in _STOP
                    and toks[i - 1].low == "of"
                )
                or (t.shape == "name" and org_later(i + 1))
            ):
                org_chunk.append(i)  # "Department of Energy", "OpenAI Group PBC"
            elif t.kind == "word" and lowp in PARTICLES and chunk:
                chunk.append(i)
            elif _name_shaped(t, first=not chunk) and not _is_role_word(t) and not _role_continues(toks, i):
                close_org()
                chunk.append(i)
            elif _is_orgish(t) or (t.text in ("AI", "Labs") and chunk):
                # "Google DeepMind", "Goldman Sachs Group", "Scale AI": the name chunk belongs to the org.
                org_chunk.extend(prefix)  # order does not matter: close_org sorts the indexes
                org_chunk.extend(chunk)
                chunk.clear()
                org_chunk.append(i)
                org_open = True
                prefix = []
            else:
                close_chunk()
                close_org()
                prefix = (
                    [i]
                    if (t.cap and lowp in _STOP and lowp not in _DETERMINERS and not _is_role_word(t))
                    else []
                )
            if t.poss:
                close_chunk()
                close_org()
            i += 1
        close_chunk()
        close_org()
    return people, orgs


def _score(toks: list[Tok], idx: list[int], sentence: int, text: str) -> Candidate:
    # Drop particles at the edges and a leading stop word that only sentence case capitalized.
    while idx and toks[idx[-1]].low in PARTICLES:
        idx = idx[:-1]
    ts = [toks[i] for i in idx]
    cand = Candidate(tokens=ts, sentence=sentence)
    if not ts:
        return cand
    first, last = idx[0], idx[-1]
    words = [t.text for t in ts if t.shape != "initial"]
    if not words:
        return cand
    role, org, honor = _role_before(toks, first)
    role2, org2, who = _role_after(toks, last + 1)
    if not role2:
        role2, org2 = _role_predicate(toks, last + 1)
    if role or honor:
        cand.cues.add("role" if role else "honorific")
    if role2:
        cand.cues.add("apposition")
    if who:
        cand.cues.add("who")
    cand.role = role or role2
    cand.org = org or org2
    score = 0.0
    if len(words) >= 2:
        if is_given_name(words[0]):
            score += 2
            cand.cues.add("given")
        elif is_pinyin_name(words):
            score += 2
            cand.cues.add("pinyin")
    score += 2.5 if (role or honor) else 0
    score += 2 if role2 else 0
    score += 1.5 if who else 0
    if _speech_after(toks, last + 1):
        score += 1.5
        cand.cues.add("speech")
    nxt = toks[last + 1] if last + 1 < len(toks) else None
    prev = toks[first - 1] if first > 0 else None
    if (
        nxt is not None
        and nxt.kind == "punct"
        and nxt.text == "("
        and last + 2 < len(toks)
        and toks[last + 2].kind == "cjk"
    ) and is_cjk_name(toks[last + 2].text):
        score += 2
        cand.cues.add("cjk-pair")
    if nxt is not None and nxt.kind == "word" and not ts[-1].poss and nxt.low in _FOLLOWING_NOT_PERSON:
        score -= 3
    if prev is not None and prev.low in _SUCCESSION:
        score += 2  # "to succeed Jakob Stausholm", "replacing X"
        cand.cues.add("succession")
    if prev is not None and prev.low == "by" and first >= 2 and toks[first - 2].low in _LED_BY:
        score += 2  # "chaired by X", "founded by X"
        cand.cues.add("led-by")
    if prev is not None and prev.text in ('"', "“", "'", "‘", "«", "「"):
        score -= 3
    if prev is not None and prev.low == "the":
        score -= 3
    if prev is not None and prev.low in _PLACE_PREPS and not (role or role2 or honor):
        score -= 1.5
    if len(words) > 4:
        score -= 2
    if words[0].lower() in _STOP or any(w.lower() in NOT_NAME_WORDS or w.lower() in ORG_WORDS for w in words):
        score -= 3
    elif any(w.lower() in COMMON_NOUNS for w in words[1:]):
        score -= 1
    if len(words) == 1 and not (role or honor):
        score = min(score, 0.5)  # a lone word is a person only with a role or title before it
    cand.score = score
    return cand


# ---------------------------------------------------------------------------------------------------------
# Chinese names written beside their Latin spelling, and Chinese names in Chinese text

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


# ---------------------------------------------------------------------------------------------------------
# Stance, speaker, figures

_DENY = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial)|refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?|push(?:ed|es|ing)? back"
    r"|(?:reject|dismiss|disput|contest|counter)\w*\s+(?:[\w'’]+\s+){0,3}?(?:claims?|allegations?|reports?|accusations?"
    r"|rumou?rs?|speculation|suggestions?|criticism|concerns?|the (?:idea|notion|characteri[sz]ation|narrative)"
    r"|notions?|assertions?|charges?|that|as)"
    r"|call(?:s|ed|ing)?\s+(?:\w+\s+){0,8}?(?:false|untrue|baseless|inaccurate|unfounded|misleading|fake|nonsense|wrong)"
    r"|(?:is|was|are|were)\s+(?:not true|untrue|false|baseless|unfounded)|no truth)\b"
    # Denials without a deny-word: what the answer calls the report.
    r"|\b(?:reject\w*\s+what\b|(?:entirely |completely |totally |wholly )?without merit|no (?:factual )?basis"
    r"|baseless|unfounded|made[- ]up|fabricat(?:ed|ion)|(?:is|was|are|were)(?:n't| not)\s+(?:\w+\s+)?accurate"
    r"|replete with inaccuracies|false and misleading|categorically|never (?:been|happened)"
    r"|(?:allegations?|claims?|reports?|rumou?rs?|suggestions?|accusations?|story)\b[^.;]{0,80}?\b(?:is|are|was|were)\s+"
    r"(?:\w+\s+)?(?:incorrect|wrong|false|inaccurate|untrue|misleading|nonsense|fiction))\b"
    r"|否认|驳斥|辟谣|不实|失实|不属实|纯属|空穴来风|造谣|谣言|子虚乌有|无中生有|毫无根据|并非事实|没有此事",
    re.I,
)
# "has no plans to ..." denies only when it answers a report ("... reported. X has no plans to ...").
_DENY_IF_REPORTED = re.compile(
    r"\b(?:ha(?:s|ve|d) no (?:plans?|intention) to|(?:is|are|was|were) not in talks|no such (?:plans?|talks|deal))\b"
    r"|并无|没有(?:相关)?计划|暂无计划",
    re.I,
)
_ACK = re.compile(
    r"\b(?:acknowledg\w*|admit(?:s|ted|ting)?|conced(?:e|es|ed|ing)|recogni[sz](?:e|es|ed)\s+that|regrett?(?:ed|s)?"
    # Admissions without an admit-word: apologies, responsibility taken, mistakes owned.
    r"|apologi[sz](?:e|es|ed|ing)|apolog(?:y|ies)|sorry|mea culpa|(?:took|takes|take|taking) (?:full |personal )?responsibility"
    r"|fell on (?:his|her|their) swords?|wrongly assumed|(?:I|we) (?:clearly |simply )?failed|(?:made|make) (?:a |some |many )?mistakes?"
    r"|my (?:fault|mistake)|confirm(?:s|ed|ing)?\s+(?:the\s+)?(?:reports?|layoffs?|job cuts|departures?|resignations?|breach|leak|losses))\b"
    r"|承认|坦承|道歉|致歉|歉意|检讨",
    re.I,
)
_REPORTED = re.compile(
    r"\b(?:reportedly|according to|(?:is|are|was|were) (?:said|reported|rumou?red|believed|understood) to"
    r"|(?:has|have|had)? ?been reported|(?:was|were|is|are) reported|sources?\s+(?:familiar|close|said|say|told)"
    r"|people (?:familiar|close|briefed)|reports? (?:suggest|indicate|say|said|claim)\w*|rumou?r\w*|allegedly|alleged"
    r"|purportedly|it is understood|(?:did|does|do) not (?:deny|confirm)|media reports|reported that"
    r"|(?:citing|cited)\s+(?:people|sources|unnamed|a person|documents|a report))\b|\breported[.!]?\s*$"
    r"|据报道|据悉|据称|传闻|消息人士|知情人士|报道称",
    re.I,
)
_NEGATED_ACK = re.compile(
    r"\b(?:(?:did|does|do|has|have|had|would|will)\s+not\s+(?:admit|acknowledge|concede)|without\s+(?:admitting|acknowledging|conceding)|no admission)\b",
    re.I,
)
_NEGATED_DENY = re.compile(
    r"\b(?:did|does|do|has|have|had|would|could)\s+not\s+(?:deny|denied|refute|dispute)\b", re.I
)


def stance_of(text: str, context: str = "") -> Stance:
    """The stance of one statement; ``context`` is the statement before it (a report it may answer)."""
    if _DENY.search(text) and not _NEGATED_DENY.search(text):
        return Stance.DENIED
    if _DENY_IF_REPORTED.search(text) and (_REPORTED.search(text) or _REPORTED.search(context)):
        return Stance.DENIED
    if _ACK.search(text) and not _NEGATED_ACK.search(text):
        return Stance.ACKNOWLEDGED
    if _REPORTED.search(text) or _NEGATED_DENY.search(text):
        return Stance.REPORTED
    return Stance.ASSERTED


_VERB_RE = re.compile(
    r"\b(?:"
    + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
    + r"|acknowledg\w*|admit\w*|conced\w*|refut\w*"
    r"|reject\w*|dismiss\w*|den(?:y|ies|ied)|apologi[sz]\w*|regrett\w*|took responsibility|concluded)\b"
    r"|表示|称|认为|指出|强调|回应|否认|承认|透露|告诉",
    re.I,
)
# "LONDON (Reuters) - ", "MADRID, Jan 11 (Reuters) - ", "(AP) — ": a dateline is never a speaker.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'\- ]{1,30}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*)?\([^()]{2,25}\)\s*[-–—]+\s*"
)
_OUTLETS = (
    r"(?:The\s+)?(?:New York Times|Financial Times|Wall Street Journal|Washington Post|Information|Economist|Guardian"
    r"|Telegraph|Times|Bloomberg(?: News)?|Reuters|CNBC|CNN|BBC|Axios|Semafor|Nikkei(?: Asia)?|Caixin|Politico"
    r"|South China Morning Post|Handelsblatt|Der Spiegel|Verge|TechCrunch|Business Insider|Yonhap|Kyodo|Xinhua"
    r"|Associated Press|AFP|Dow Jones|WSJ|FT|SCMP)"
)
# The outlet is the source: "first reported by The Information", "..., the Financial Times reported",
# "according to a report in the Financial Times", "The Times said".
_OUTLET_SOURCE = re.compile(
    rf"(?:\breported\s+(?:earlier\s+|first\s+)?by\s+|\baccording to\s+(?:a\s+(?:report|story)\s+(?:in|by|from)\s+)?)"
    rf"(?P<a>{_OUTLETS})\b|\b(?P<b>{_OUTLETS})\s+(?:has\s+|had\s+)?(?:reported|said|wrote|says|reports)\b"
    r"|(?P<c>彭博社?|路透社?|华尔街日报|金融时报|纽约时报|财新|新华社)(?:报道|称|援引)",
    re.I,
)
_THE_IN_NAME = frozenset("information times economist guardian telegraph verge".split())


def _outlet_name(raw: str) -> str:
    """'the Financial Times' -> 'Financial Times'; 'the Information' -> 'The Information'."""
    name = re.sub(r"^the\s+", "", raw.strip(), flags=re.I)
    return f"The {name}" if name.lower() in _THE_IN_NAME else name


_INVERTED = re.compile(r"\s+((?:[A-Z][\w'’.-]+\s){0,3}[A-Z][\w'’.-]+)")
_SUBJECT = re.compile(
    r"(?:^|[\s\"”“,])((?:[A-Z][\w&'’.-]*\s+){0,3}[A-Z][\w&'’.-]*)\s+(?:(?:on|last|this)\s+[A-Z]?\w+day\s+|also\s+)?$"
)
_SUBJECT_REACH = 200  # four capitalised words before the verb: read from a bounded window (linear time)


def _subject_before(text: str, end: int) -> re.Match[str] | None:
    """The capitalised words right before ``end`` ('Debenhams' in '"...," Debenhams said')."""
    # '^' matches only at the real start of the text, so a cut window still needs a separator before the name.
    return _SUBJECT.search(text, max(0, end - _SUBJECT_REACH), end)


_ACCORDING = re.compile(r"\baccording to\s+", re.I)
_COMPANY_REF = re.compile(
    r"\b(?:the|its)\s+(?:company|firm|startup|group|bank|chipmaker|lab|giant|maker|organization|organisation)\b",
    re.I,
)
_PRONOUN = re.compile(r"^(?:He|She)\b")

_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "t": 1e12,
    "万": 1e4,
    "亿": 1e8,
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "十亿": 1e9,
    "千万": 1e7,
    "百万": 1e6,
}
_CURRENCY = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euros": "EUR",
    "euro": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pounds": "GBP",
    "¥": "JPY",
    "jpy": "JPY",
    "yen": "JPY",
    "chf": "CHF",
    "swiss francs": "CHF",
    "francs": "CHF",
    "cny": "CNY",
    "rmb": "CNY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "元": "CNY",
    "人民币": "CNY",
    "美元": "USD",
    "欧元": "EUR",
    "港元": "HKD",
    "日元": "JPY",
    "英镑": "GBP",
    "hk$": "HKD",
    "hkd": "HKD",
    "a$": "AUD",
    "c$": "CAD",
    "s$": "SGD",
    "₹": "INR",
    "inr": "INR",
    "rupees": "INR",
    "krw": "KRW",
    "won": "KRW",
}
_APPROX = r"(?:(?:about|around|approximately|roughly|nearly|almost|over|more than|less than|fewer than|up to|at least|some|an estimated|close to|just over|just under|below|above)\s+)?"
# A number starts where no digit, comma or point precedes it and is read atomically: a run of 10,000 digits
# is tried once, not once per digit (linear time).
_NUM = r"(?<![\d,.])(?>\d+(?:,\d{3})*(?:\.\d+)?)"
_SCALE_WORDS = r"trillion|billion|million|thousand|bn|bln|mln|mn|tn|k|m|b|t"
_CUR_PREFIX = r"US\$|HK\$|A\$|C\$|S\$|\$|€|£|¥|₹|\b(?:USD|EUR|GBP|CHF|JPY|CNY|RMB|HKD|INR|KRW)"
_MONEY_PREFIX = re.compile(
    rf"(?P<approx>{_APPROX})(?P<cur>{_CUR_PREFIX})\s?(?P<num>{_NUM})(?:\s*(?P<scale>{_SCALE_WORDS})\b)?", re.I
)
_MONEY_SUFFIX = re.compile(
    rf"(?P<approx>{_APPROX})(?P<num>{_NUM})\s*(?P<scale>trillion|billion|million|thousand)?\s+(?P<cur>Swiss francs|dollars|euros|yuan|renminbi|yen|pounds|francs|rupees|won|USD|EUR|GBP|CHF|JPY|CNY|RMB|HKD)\b",
    re.I,
)
_MONEY_CN = re.compile(
    rf"(?P<approx>(?:约|近|超过|超|逾|达)?)(?P<num>{_NUM})\s*(?P<scale>万亿|千亿|百亿|十亿|千万|百万|亿|万)?\s*(?P<cur>美元|人民币|元|欧元|港元|日元|英镑)"
)
_PERCENT = re.compile(
    rf"(?P<approx>{_APPROX})(?P<num>-?{_NUM})\s*(?P<unit>%|percent(?:age points?)?|per cent|个百分点|百分点)",
    re.I,
)
_PERCENT_CN = re.compile(rf"百分之(?P<num>{_NUM})")
_COUNT = re.compile(
    rf"(?P<approx>{_APPROX})(?P<num>{_NUM})(?:\s*(?P<scale>trillion|billion|million|thousand)\b)?\s+(?:[A-Z][\w\-]*\s+)?(?P<noun>(?:[A-Za-z][\w\-]*?)s)\b",
    re.I,
)
_CURRENCY_CODES = ("usd", "eur", "gbp", "chf", "jpy", "cny", "rmb", "hkd", "inr", "krw")
_CURRENCY_WORDS = ("franc", "dollar", "euro", "yuan", "renminbi", "yen", "pound", "rupee", "won")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_NOT_COUNT_NOUNS = frozenset(
    "years months weeks days hours minutes seconds times decades centuries percent points basis bps".split()
)


_HAS_DIGIT = re.compile(r"\d")
# "Llama 4 models": a capitalised word right before the number (read from a short window: linear time).
_VERSION_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][\w\-]*\s$")


def _value(num: str, scale: str | None) -> float:
    value = float(num.replace(",", ""))
    if scale:
        value *= _SCALE.get(scale.lower(), _SCALE.get(scale, 1.0))
    return value


def figures_of(text: str) -> list[Figure]:
    found: list[tuple[int, int, Figure]] = []
    if not _HAS_DIGIT.search(text):
        return []
    low = text.lower()
    # Each pattern runs only when a word or sign it needs is in the text (most statements have none).
    money_prefix = any(c in text for c in "$€£¥₹") or any(c in low for c in _CURRENCY_CODES)
    money_suffix = any(w in low for w in _CURRENCY_WORDS)
    money_cn = "元" in text or "人民币" in text or "英镑" in text
    percent = "%" in text or "per" in low or "百分点" in text
    taken = bytearray(len(text) + 1)  # characters already inside a figure: overlap checks cost the span only

    def free(a: int, b: int) -> bool:
        if 1 in taken[a:b]:
            return False
        taken[a:b] = b"\x01" * (b - a)
        return True

    wanted = (
        (_MONEY_PREFIX, money_prefix),
        (_MONEY_SUFFIX, money_suffix or money_prefix),
        (_MONEY_CN, money_cn),
    )
    for pattern in (p for p, want in wanted if want):
        for m in pattern.finditer(text):
            scale = m.group("scale")
            if pattern is _MONEY_PREFIX and scale and scale.lower() in ("m", "b", "k", "t"):
                # "$5 m" is a scale; "$5 more" is not: \b after the letter already ensures a word end.
                pass
            cur = m.group("cur").strip().lower()
            unit = _CURRENCY.get(cur) or _CURRENCY.get(cur.upper(), cur.upper())
            start = m.start("cur") if pattern is _MONEY_PREFIX else m.start("num")
            if m.group("approx"):
                start = m.start("approx")
            if free(start, m.end()):
                found.append(
                    (
                        start,
                        m.end(),
                        Figure(
                            text=text[start : m.end()].strip(),
                            kind=FigureKind.MONEY,
                            value=_value(m.group("num"), scale),
                            unit=unit,
                        ),
                    )
                )
    for m in _PERCENT.finditer(text) if percent else ():
        start = m.start("approx") if m.group("approx") else m.start("num")
        if free(start, m.end()):
            unit_raw = m.group("unit").lower()
            unit = "percentage points" if "point" in unit_raw or "百分点" in unit_raw else "%"
            found.append(
                (
                    start,
                    m.end(),
                    Figure(
                        text=text[start : m.end()].strip(),
                        kind=FigureKind.PERCENT,
                        value=float(m.group("num").replace(",", "")),
                        unit=unit,
                    ),
                )
            )
    for m in _PERCENT_CN.finditer(text) if "百分之" in text else ():
        if free(m.start(), m.end()):
            found.append(
                (
                    m.start(),
                    m.end(),
                    Figure(
                        text=m.group(0),
                        kind=FigureKind.PERCENT,
                        value=float(m.group("num").replace(",", "")),
                        unit="%",
                    ),
                )
            )
    for m in _COUNT.finditer(text):
        noun = m.group("noun")
        num = m.group("num")
        if noun.lower() in _NOT_COUNT_NOUNS:
            continue
        if _YEAR.fullmatch(num) and not m.group("scale"):
            continue  # a year: "2025 models"
        before = text[max(0, m.start("num") - 1) : m.start("num")]
        if before in ("-", "[", "$", "€", "£", "¥", ".") or _LATIN_LETTER.match(before):
            continue  # "GPT-5 models", citation numbers, prices
        if not m.group("approx") and _VERSION_BEFORE.search(
            text, max(0, m.start("num") - 48), m.start("num")
        ):
            continue  # "Llama 4 models": a product's version, not a count
        start = m.start("approx") if m.group("approx") else m.start("num")
        if free(start, m.end()):
            found.append(
                (
                    start,
                    m.end(),
                    Figure(
                        text=text[start : m.end()].strip(),
                        kind=FigureKind.COUNT,
                        value=_value(num, m.group("scale")),
                        unit=noun,
                    ),
                )
            )
    found.sort(key=lambda x: x[0])
    return [f for _, _, f in found]


# ---------------------------------------------------------------------------------------------------------
# The whole article


@dataclass
class Extraction:
    people: list[Person]
    organizations: list[Organization]
    claims: list[Claim]


def extract(title: str, statements: list[Statement], language: str = "en") -> Extraction:
    statements = [
        Statement(text=_DATELINE.sub("", s.text, count=1) or s.text, citations=s.citations, section=s.section)
        for s in statements
    ]
    sentences = [s.text for s in statements]
    tokens = [tokenize(s) for s in sentences]

    # 1. Candidates and their evidence
    cands: list[Candidate] = []
    org_mentions: list[list[Tok]] = []
    for i, (text, toks) in enumerate(zip(sentences, tokens, strict=True)):
        people, orgs = _candidates_in(toks, i, text)
        cands.extend(people)
        org_mentions.extend(orgs)

    # Names given in two scripts: "黄仁勋 (Jensen Huang)", "Jensen Huang (黄仁勋)".
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

    # Lists: "such as A B, C D, and E F" share evidence: one person in a list makes its name-shaped peers people.
    by_sentence: dict[int, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_sentence[c.sentence].append(c)
    for i, group in by_sentence.items():
        if i < 0:
            continue
        toks = tokens[i]
        ordered = sorted(group, key=lambda c: c.tokens[0].start if c.tokens else 0)
        for a, b in itertools.pairwise(ordered):
            if not a.tokens or not b.tokens:
                continue
            between = sentences[i][a.tokens[-1].end : b.tokens[0].start].strip().lower()
            if (
                between in (",", ", and", "and", ", or", "or", "、", "&")
                and len(a.tokens) >= 2
                and len(b.tokens) >= 2
            ):
                if a.score >= 2 and b.score >= 0:
                    b.score = max(b.score, 2.0)
                    b.cues.add("list")
                if b.score >= 2 and a.score >= 0:
                    a.score = max(a.score, 2.0)
                    a.cues.add("list")
        del toks

    # A surname alone whose full name is not in the text ("Dimon said he ...", "Armstrong apologized for his
    # remarks"): a lone name-shaped word that speaks and is then referred to as he or she is a person.
    last_pronoun: dict[int, int] = {}  # sentence -> where its last he/she/his/her starts (-1: none)
    for c in cands:
        if len(c.tokens) != 1 or c.score >= 2 or c.sentence < 0 or c.tokens[0].low in _STOP:
            continue
        text = sentences[c.sentence]
        verb = _LONE_SPEAKER.match(text, c.tokens[-1].end)
        if verb is None:
            continue
        if c.sentence not in last_pronoun:
            last_pronoun[c.sentence] = max((m.start() for m in _PERSONAL_PRONOUN.finditer(text)), default=-1)
        if last_pronoun[c.sentence] >= verb.end():
            c.score = 2.0
            c.cues.add("pronoun")

    # Family names: "Nita Ambani" beside "Reliance chairman Mukesh Ambani".
    strong_surnames = {fold(c.tokens[-1].text) for c in cands if c.score >= 2 and len(c.tokens) >= 2}
    for c in cands:
        if (
            0 <= c.score < 2
            and len(c.tokens) in (2, 3)
            and fold(c.tokens[-1].text) in strong_surnames
            and all(t.shape == "name" for t in c.tokens)
            and c.tokens[0].low not in _STOP
        ):
            c.score += 2
            c.cues.add("family")

    # 2. Organizations: shapes and contexts
    org_names: Counter[str] = Counter()
    for mention in org_mentions:
        words = [t.text for t in mention]
        while words and (words[0].lower() in _DETERMINERS or words[0].lower() in ("of", "and")):
            words.pop(0)
        while words and words[-1].lower() in ("of", "and"):
            words.pop()
        name = " ".join(words)
        if name and not _PRODUCT_RE.search(words[-1]) and name_fits(name, MAX_ORG_CHARS, MAX_ORG_WORDS):
            org_names[name] += 1
    for toks in tokens:
        for j, t in enumerate(toks):
            if t.kind != "word" or t.shape != "name" or t.low in _STOP or re.search(r"\d", t.text):
                continue
            prev = toks[j - 1] if j > 0 else None
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if nxt is not None and nxt.kind == "word" and nxt.cap and not t.poss and not _is_role_word(nxt):
                continue  # part of a longer capitalized run; handled above
            if (
                prev is not None
                and prev.kind == "word"
                and prev.cap
                and not prev.poss
                and prev.low not in _STOP
            ):
                continue
            orgish = False
            if t.low in ROLE_MODIFIERS:
                orgish = False  # "Finance Minister"
            elif nxt is not None and _is_role_word(nxt) and not t.poss:
                orgish = True  # "Intel CEO", "Nvidia founder"
            elif t.poss and nxt is not None and nxt.kind == "word" and not nxt.cap:
                orgish = True  # "Google's models"; people are removed below
            elif nxt is not None and nxt.kind == "word" and nxt.low in _FOLLOWING_ORG:
                orgish = True  # "Intel shares", "Nvidia executives"
            elif (prev is not None and prev.low in _ORG_CONTEXT_BEFORE and j >= 1) or (
                nxt is not None and nxt.low in _ORG_VERBS_AFTER and (j == 0 or not prev or not prev.cap)
            ):
                orgish = True
            if orgish:
                org_names[t.text] += 1

    # 3. People: accept, merge, and attach surname-only mentions
    frequent_orgs = {key(o) for o in org_names if org_names[o] >= 2}
    drafts: dict[str, _Draft] = {}  # name key -> person, in order of first mention
    for c in cands:
        if not c.tokens or c.score < 2:
            continue
        name = _tidy_name(c.name)
        if not name_fits(name):
            continue
        k = key(name)
        if not k or (k in frequent_orgs and not c.cues & {"role", "apposition"}):
            continue
        draft = drafts.setdefault(k, _Draft(name))
        if len(name) > len(draft.name):
            draft.aliases.add(draft.name)
            draft.name = name
        elif name != draft.name:
            draft.aliases.add(name)
        draft.prefer_role(c.role, c.org)

    # Single-word people ("CEO Altman") merge into the full name with that surname.
    surnames: dict[str, list[str]] = defaultdict(list)
    for k, draft in drafts.items():
        s = surname(draft.name)
        if s:
            surnames[fold(s)].append(k)
    for k, draft in list(drafts.items()):
        if len(draft.name.split()) == 1 and not has_cjk(draft.name):
            owners = [o for o in surnames.get(fold(draft.name), []) if o != k]
            if len(owners) == 1:
                target = drafts[owners[0]]
                target.aliases.add(draft.name)
                target.prefer_role(draft.role, draft.org)
                del drafts[k]

    # Surname-only mentions in the text (and the headline) become aliases.
    # One scan of the text for every such person's forms and surname, longest first (linear time): a surname
    # inside a full name is read as part of that name, one standing alone is a mention.
    by_surname: dict[str, _Draft] = {}
    scan_forms: list[str] = []
    for owners in surnames.values():
        if len(owners) != 1 or owners[0] not in drafts:
            continue
        draft = drafts[owners[0]]
        sn = surname(draft.name)
        if sn:
            by_surname[sn] = draft
            scan_forms.extend([sn, draft.name, *draft.aliases])
    scan = mention_pattern(scan_forms)
    if scan is not None:
        for m in scan.finditer("\n".join([title, *sentences])):
            owner = by_surname.get(m.group(0))
            if owner is not None and m.group(0) != owner.name and m.group(0) not in owner.aliases:
                owner.aliases.add(m.group(0))

    for k, spellings in pairs.items():
        if k in drafts:
            drafts[k].aliases.update(spellings)
    known_aliases = {a for d in drafts.values() for a in d.aliases}
    for name in cn_people:
        if name not in known_aliases:
            drafts.setdefault(key(name), _Draft(name))

    # Organizations never include people or their surnames.
    person_words = set(drafts)
    for draft in drafts.values():
        person_words.update(key(a) for a in draft.aliases)
        s = surname(draft.name)
        if s:
            person_words.add(key(s))
    organizations = _merge_orgs(org_names, person_words, org_pairs, [d.org for d in drafts.values() if d.org])

    org_index = _org_index(organizations)
    found_people = [
        Person(
            name=d.name,
            aliases=sorted(a for a in d.aliases if a != d.name),
            organization=_canonical_org(d.org, org_index),
            role=d.role,
        )
        for d in drafts.values()
    ]

    # 4. Claims
    claims = _claims(statements, found_people, organizations)
    return Extraction(people=found_people, organizations=organizations, claims=claims)


@dataclass
class _Draft:
    """A person being assembled from the candidates that name them."""

    name: str
    aliases: set[str] = field(default_factory=set)
    role: str | None = None
    org: str | None = None

    def prefer_role(self, role: str | None, org: str | None) -> None:
        """Keep the first role the text gives, but a current role beats a former one."""
        if not role and not org:
            return
        current = self.role or ""
        if not current or (
            current.startswith(("former", "then")) and role and not role.startswith(("former", "then"))
        ):
            self.org = org or (self.org if not current else None)
            self.role = role or self.role
        elif org and not self.org:
            self.org = org


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


def _tidy_name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" ,.;:'’\"")


_LEGAL_SUFFIXES = frozenset(
    "ai inc corp corporation co ltd llc plc ag sa se nv gmbh labs technologies holdings".split()
)


def _merge_orgs(
    names: Counter[str], person_words: set[str], pairs: dict[str, set[str]], from_roles: Iterable[str]
) -> list[Organization]:
    for org in from_roles:
        names[org] += 1
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        k = key(name)
        if not k or k in person_words or len(k) < 2:
            continue
        groups[k].append(name)
    # "Scale" and "Scale AI", "Nvidia" and "Nvidia Corp": one organization under its most used name. Each
    # group is filed under every shorter form it has once legal suffixes are taken off its end, so a group
    # finds the longer one it belongs to by one lookup (linear time, not every pair of groups).
    extends: dict[str, list[str]] = defaultdict(list)  # folded shorter form -> group keys, in group order
    for other, variants in groups.items():
        words = fold(variants[0]).split()
        j = len(words)
        while j > 1 and words[j - 1] in _LEGAL_SUFFIXES:
            j -= 1
            extends[" ".join(words[:j])].append(other)
    for k in sorted(groups, key=len):
        for other in extends.get(fold(groups[k][0]), ()):
            if other != k and other in groups:
                groups[other].extend(groups.pop(k))
                break
    out: list[Organization] = []
    for variants in groups.values():
        variants.sort(key=lambda v: (-names[v], v.isupper(), v))
        canonical = variants[0]
        aliases = set(variants[1:])
        for latin, cjk in pairs.items():
            if key(latin) == key(canonical):
                aliases |= cjk
        out.append(Organization(name=canonical, aliases=sorted(aliases)))
    for latin, cjk in pairs.items():
        if key(latin) not in groups and key(latin) not in person_words:
            out.append(Organization(name=latin, aliases=sorted(cjk)))
    return out


def _org_index(organizations: list[Organization]) -> dict[str, str]:
    """Name or alias key -> the organization's name; the first organization to claim a key keeps it."""
    index: dict[str, str] = {}
    for o in organizations:
        for form in (o.name, *o.aliases):
            index.setdefault(key(form), o.name)
    return index


def _canonical_org(org: str | None, index: dict[str, str]) -> str | None:
    if not org:
        return None
    return index.get(key(org), org)


_LONE_SPEAKER = re.compile(
    r"\s+(?:(?:has|had|also|later|then)\s+)?(?:said|says|told|added|admitted|apologi[sz]ed|acknowledged|insisted|argued"
    r"|emphasi[sz]ed|stressed|conceded|denied|wrote|explained|regretted|conceded)\b",
    re.I,
)
_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|himself|herself)\b", re.I)
_QUOTED = re.compile(r"\"[^\"]{3,}\"|“[^”]{3,}”|「[^」]{2,}」")


def _verb_outside_quotes(text: str) -> re.Match[str] | None:
    """The first verb of saying outside quotation marks: in '"We reject it," Debenhams said' it is 'said'."""
    quoted = [m.span() for m in _QUOTED.finditer(text)]  # in order and apart: one bisect per verb
    starts = [a for a, _ in quoted]
    for m in _VERB_RE.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0 or m.start() >= quoted[i][1]:
            return m
    return None


def _claims(statements: list[Statement], people: list[Person], orgs: list[Organization]) -> list[Claim]:
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
    mention_re = mention_pattern(forms)

    def mentions(text: str) -> list[tuple[int, int, str, str]]:
        if mention_re is None:
            return []
        return [(m.start(), m.end(), *forms[m.group(0)]) for m in mention_re.finditer(text)]

    person_of = {fold(form): canonical for form, canonical in person_forms}

    def named(run: str) -> str | None:
        words = run.split()
        while words and (words[0].lower() in _STOP or words[0].lower() in _DETERMINERS):
            words.pop(0)
        if not words or any(w.lower() in _STOP for w in words):
            return None
        name = " ".join(words).strip(" ,.'’")
        return person_of.get(fold(name), name) if name else None

    claims: list[Claim] = []
    last_person: str | None = None
    last_org: str | None = None
    previous = ""
    for st in statements:
        text = st.text
        spans = mentions(text)
        stance = stance_of(text, previous)
        previous = text
        speaker: str | None = None
        outlet = _OUTLET_SOURCE.search(text)
        if outlet:
            speaker = _outlet_name(outlet.group("a") or outlet.group("b") or outlet.group("c"))
            if stance is Stance.ASSERTED:
                stance = Stance.REPORTED
        acc = None if speaker else _ACCORDING.search(text)
        if acc:
            after = [s for s in spans if s[0] >= acc.end() and s[0] - acc.end() < 40]
            if after:
                speaker = after[0][2]
        if speaker is None:
            verb = _verb_outside_quotes(text)
            if verb:
                before = [s for s in spans if s[1] <= verb.start() and verb.start() - s[1] <= 90]
                # The subject is the nearest name before the verb, unless a person stands between it and a
                # company reference ("OpenAI's leadership, particularly Mark Chen, has refuted").
                people_before = [s for s in before if s[3] == "person"]
                if people_before:
                    speaker = people_before[-1][2]
                elif before:
                    speaker = before[-1][2]
                else:
                    head = text[: verb.start()]
                    inverted = _INVERTED.match(text, verb.end())
                    subject = _subject_before(text, verb.start())
                    if (_PRONOUN.match(text) or re.search(r"\b(?:he|she)\s+$", head, re.I)) and last_person:
                        speaker = last_person
                    elif _COMPANY_REF.search(head) and last_org:
                        speaker = last_org
                    elif inverted and re.search(r"[,\"”]\s*$", head):
                        speaker = named(inverted.group(1))  # '"...," said Nadella'
                    elif subject:
                        speaker = named(subject.group(1))  # '"...," Debenhams said', 'Bezos admitted'
                    if speaker and any(s[3] == "person" and s[2] == speaker for s in spans):
                        last_person = speaker
        for s in spans:
            if s[3] == "person":
                last_person = s[2]
            else:
                last_org = s[2]
        claims.append(
            Claim(text=text, stance=stance, speaker=speaker, citations=st.citations, figures=figures_of(text))
        )
    return claims
