"""Phase 'tokens': statements (one sentence with its citations), datelines taken off, one tokenizer pass
per sentence, and the word shapes and word classes every later phase reads."""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from ..lexicon import (
    COMMON_NOUNS,
    HONORIFICS,
    NAME_SUFFIXES,
    NOT_NAME_WORDS,
    ORG_WORDS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
)
from ..sentences import split_sentences, strip_citations

_STOP = NOT_NAME_WORDS | COMMON_NOUNS
_DETERMINERS = frozenset("the a an this that these those its his her their our".split())


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
    """Four Chinese characters or three Latin words."""
    if not text.isascii() and len(_HAN.findall(text)) >= 4:
        return True
    return sum(1 for _ in itertools.islice(_LATIN_WORD.finditer(text), 3)) >= 3  # stops at the third


_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]+")


_TOKEN_RE = re.compile(
    r"(?P<word>(?:[A-Za-z]\.){2,}|[A-Za-zÀ-ÖØ-öø-ɏ](?:[A-Za-zÀ-ÖØ-öø-ɏ0-9'’\-]*[A-Za-zÀ-ÖØ-öø-ɏ0-9])?"
    r"(?:(?<=s)['’](?![A-Za-z0-9])|(?:\.(?=[A-Za-z]\.))?\.?))"  # a plural possessive: "Reuters' Karen"
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
        self.low = low = text.lower()
        if kind != "word":
            self.cap = False
            self.shape = kind
        elif low == text:  # the common case: a lower-case word (no capital anywhere)
            self.cap = False
            self.shape = "lower"
        else:
            self.cap = text[:1].isupper()
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


@functools.lru_cache(maxsize=65536)  # capitalised words recur (names, companies): worked out once each
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
    append = toks.append
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        raw = m.group()
        start = m.start()
        poss = False
        if kind == "word":
            last = raw[-1]
            if (
                last == "."
                and not _DOTTED_RE.fullmatch(raw)
                and raw[:-1].lower() not in HONORIFICS
                and raw[:-1].lower() not in NAME_SUFFIXES
            ):
                raw = raw[:-1]
                last = raw[-1]
            if last in _QUOTE_ENDS and not raw[0].isupper():
                # "'the costs'": a closing quote after a lower-case word, not a possessive.
                append(Tok(raw[:-1], start, start + len(raw) - 1, kind))
                append(Tok(last, start + len(raw) - 1, start + len(raw), "punct"))
                continue
            if last in _POSSESSIVE_ENDS:
                for suffix in ("'s", "’s", "'", "’"):
                    if raw.endswith(suffix) and len(raw) > len(suffix) + 1:
                        raw = raw[: -len(suffix)]
                        poss = True
                        break
        append(Tok(raw, start, start + len(raw), kind, poss))
    return toks


_POSSESSIVE_ENDS = frozenset("s'’")
_QUOTE_ENDS = frozenset("'’")


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


# "LONDON (Reuters) - ", "MADRID, Jan 11 (Reuters) - ", "(AP) — ": a dateline is never a speaker.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'\- ]{1,30}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*)?\([^()]{2,25}\)\s*[-–—]+\s*"
)


def tokens(statements: list[Statement]) -> tuple[list[Statement], list[str], list[list[Tok]]]:
    """Statements without their datelines, their texts, and each text's tokens (one pass per sentence)."""
    statements = [
        Statement(text=_DATELINE.sub("", s.text, count=1) or s.text, citations=s.citations, section=s.section)
        for s in statements
    ]
    sentences = [s.text for s in statements]
    return statements, sentences, [tokenize(s) for s in sentences]
