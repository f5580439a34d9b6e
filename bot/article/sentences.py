"""Sentence splitting and citation markers, shared by the parser and the extractor."""

from __future__ import annotations

import re

# [1], [1][4], [1, 2], [1-3]; the parser has already turned full-width brackets and digits into ASCII.
CITE_GROUP = re.compile(r"\[\s*(\d{1,3}(?:\s*[,;、\-–]\s*\d{1,3})*)\s*\]")
# Malformed markers left over after the well-formed ones are gone: "[12" without its "]", "12]" without "[".
_CITE_OPEN = re.compile(r"\[\s*(\d{1,3})(?=[\s.,;:!?。]|$)")
_CITE_CLOSE = re.compile(r"(?<=[\s.。,;:!?\]])(\d{1,3})\](?!\()")
_STRAY = re.compile(r"(?<!\S)[\[\]](?!\S)|\[\s*\]")


def _expand(group: str) -> list[int]:
    if group.isdigit():  # the usual "[3]": the group is at most three digits
        return [int(group)]
    out: list[int] = []
    for part in _LIST_SEP.split(group.strip()):
        if not part:
            continue
        if _RANGE.fullmatch(part):
            lo, hi = (int(x) for x in _RANGE_SEP.split(part))
            if lo <= hi and hi - lo <= 50:
                out.extend(range(lo, hi + 1))
                continue
        digits = _NUMBER.findall(part)
        out.extend(int(d) for d in digits)
    return out


_LIST_SEP = re.compile(r"\s*[,;、]\s*")
_RANGE = re.compile(r"\d{1,3}\s*[\-–]\s*\d{1,3}")
_RANGE_SEP = re.compile(r"\s*[\-–]\s*")
_NUMBER = re.compile(r"\d{1,3}")


def strip_citations(text: str) -> tuple[str, list[int]]:
    """Remove citation markers (well-formed or not); return the clean text and the numbers in order."""
    found: list[int] = []

    def take(match: re.Match[str]) -> str:
        found.extend(_expand(match.group(1)))
        return ""

    if "[" in text or "]" in text:  # every marker, whole or broken, has a bracket
        text = CITE_GROUP.sub(take, text)
        if "[" in text or "]" in text:  # broken markers and stray brackets: rare once the whole ones are gone
            text = _CITE_OPEN.sub(take, text)
            text = _CITE_CLOSE.sub(take, text)
            text = _STRAY.sub("", text)
    # Runs of spaces folded first: then the space before punctuation is one character, and a long run left by
    # removed markers is not read again from each of its positions (linear time; the same result).
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text).strip()
    return text, list(dict.fromkeys(found))


_SPACE_BEFORE_PUNCT = re.compile(r"\s\s*([.,;:!?。，；：！？])")
_SPACES = re.compile(r"\s\s+")


ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt inc corp co ltd plc llc vs etc e.g i.e approx dept est fig gen gov
    jan feb mar apr jun jul aug sep sept oct nov dec no nos vol op rep sen u.s u.k u.n e.u a.m p.m
    ph.d mss sgt capt col lt cmdr adm rev hon""".split()
)

_COUNTRY_INITIALS = frozenset({"u.s", "u.k", "u.n", "e.u", "u.s.a", "p.r.c"})

# Each pattern below starts with a character class (not an alternation or a repeat), so the engine skips
# ahead to where it can match in one fast scan instead of trying it at every character.
_TERMINATOR = re.compile(
    r"(?P<end>[.!?…。！？](?:(?<=[.!?…])[.!?…]*|(?<=[。！？])[。！？!?]*))"  # the terminator itself
    r"(?P<close>[\"'”’」』)\]]*)"  # closing quotes and brackets
    r"(?P<cites>(?:\s*\[\s*\d{1,3}(?:\s*[,;、\-–]\s*\d{1,3})*\s*\])*)"  # trailing citation markers
)


_WORD_WINDOW = 64  # the word before a period is read from at most this many characters (linear time)
_ONE_LETTER = re.compile(r"[a-z]")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
_NEXT_VISIBLE = re.compile(r"\s*(\S)")


def _word_before(text: str, start: int, hi: int) -> str:
    """The word (letters, digits, dots) of ``text[start:hi]`` that ends at ``hi``, lower-cased; '' when it is
    longer than the window (no abbreviation or initial is that long)."""
    lo = max(start, hi - _WORD_WINDOW)
    # Read backwards from ``hi`` (what ``[\w.]+$`` finds, without trying it at every position of the window).
    k = hi
    while k > lo and (text[k - 1].isalnum() or text[k - 1] in "._"):
        k -= 1
    if k == hi:
        return ""
    if k == lo and lo > start and (text[lo - 1].isalnum() or text[lo - 1] in "._"):
        return ""
    return text[k:hi].lower()


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences; citation markers stay with the sentence they close."""
    text = text.strip()
    if not text:
        return []
    sentences: list[str] = []
    start = 0
    for m in _TERMINATOR.finditer(text):
        end = m.end()
        term = m.group("end")
        after = text[end : end + 1]
        cjk_end = term[0] in "。！？"
        if not cjk_end:
            if after and not after.isspace():
                continue  # "1.5", "U.S.-based", "e.g.,"
            if term.startswith(".") and len(term) == 1:
                prev = _word_before(text, start, m.start())
                if prev in ABBREVIATIONS or _ONE_LETTER.fullmatch(prev):
                    continue
                if _INITIALS.fullmatch(prev) and prev not in _COUNTRY_INITIALS:
                    continue  # "C.C. Wei", "J.P. Morgan": initials, not the end of a sentence
                after_space = _NEXT_VISIBLE.match(text, end)
                nxt = after_space.group(1) if after_space else ""
                if nxt and (nxt.islower() or nxt in ",;:"):
                    continue
        piece = text[start:end].strip()
        if piece:
            sentences.append(piece)
        start = end
    rest = text[start:].strip()
    if rest:
        if sentences and not re.search(r"\w", strip_citations(rest)[0]):
            sentences[-1] = f"{sentences[-1]} {rest}".strip()
        else:
            sentences.append(rest)
    return sentences


def ends_sentence(text: str) -> bool:
    """Whether the text ends like a finished sentence or point (terminator and/or citation markers)."""
    # Read from the right (what '([.!?…。！？][quotes]*|\])$' after rstrip() finds, without a scan of the text).
    i = len(text)
    while i and text[i - 1].isspace():
        i -= 1
    if not i:
        return False
    if text[i - 1] == "]":
        return True
    while i and text[i - 1] in _CLOSERS:
        i -= 1
    return bool(i) and text[i - 1] in _TERMINATORS


_CLOSERS = frozenset("\"'”’」』)")
_TERMINATORS = frozenset(".!?…。！？")
