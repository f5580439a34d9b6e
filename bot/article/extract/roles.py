"""Phase helpers 'roles': a role and organization written before a name ('Intel CEO'), after it (', OpenAI's
chief research officer'), as a predicate ('became chief executive of'), and a verb of saying after it."""

from __future__ import annotations

from ..lexicon import HONORIFICS, ROLE_HEADS, SPEECH_VERBS
from .tokens import _STOP, Tok, _is_orgish, _is_role_mod, _is_role_word, _role_continues, _role_word

_SKIP_AFTER = frozenset(
    "has had have also later previously reportedly recently repeatedly publicly was is has been then once "
    "had already further openly privately quickly firmly strongly swiftly separately".split()
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
    # "President and CEO of BlackBerry Thorsten Heins": the organization after 'of' stands between role and name.
    k = j
    while (
        k >= 0
        and k > i - 4
        and (toks[k].cap or toks[k].shape in ("camel", "acronym"))
        and not _is_role_word(toks[k])
    ):
        k -= 1
    if (
        k < j
        and k >= 1
        and toks[k].low == "of"
        and _is_role_word(toks[k - 1])
        and any(_is_orgish(t) for t in toks[k + 1 : j + 1])  # "BlackBerry", not "New" of "New Zealand"
    ):
        role_of, _, _ = _role_before(toks, k)
        role_words = [_role_word(t) for t in toks[max(0, k - 3) : k] if _is_role_word(t) or _is_role_mod(t)]
        return role_of or " ".join(role_words) or None, " ".join(t.text for t in toks[k + 1 : j + 1]), False
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
