"""Phase 'organizations': organization names from their shapes and contexts, merged with their legal
suffixes ('Nvidia' and 'Nvidia Corp') and with the short forms an article uses for them ('the Fed' for the
Federal Reserve, 'the Commission' for the European Commission, 'ECB' for the European Central Bank), never a
person's name nor a law ('Digital Markets Act', 《数字市场法》)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..lexicon import ROLE_MODIFIERS
from ..model import MAX_ORG_CHARS, MAX_ORG_WORDS, Organization, name_fits
from ..names import fold, key
from .tokens import _DETERMINERS, _PRODUCT_RE, _STOP, Tok, _is_role_word

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


_DIGIT = re.compile(r"\d")


def mentioned(org_mentions: list[list[Tok]], tokens: list[list[Tok]]) -> Counter[str]:
    """Organization name -> how often it is mentioned (runs with organization words, and single words in
    organization contexts: 'Intel CEO', 'Nvidia shares', 'rivals like Groq')."""
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
            if (
                t.kind != "word"
                or t.shape != "name"
                or t.low in _STOP
                or (not t.text.isalpha() and _DIGIT.search(t.text))
            ):
                continue
            prev = toks[j - 1] if j > 0 else None
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if nxt is not None and nxt.kind == "word" and nxt.cap and not t.poss and not _is_role_word(nxt):
                continue  # part of a longer capitalized run; handled above
            if prev is not None and prev.low in _DETERMINERS:
                prev = None  # 'The Fed said': a sentence's capitalized 'The' starts no name
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
    return org_names


def definite(tokens: list[list[Tok]]) -> set[str]:
    """Capitalized words written after 'the' ('the Fed', 'the Commission'): the way a text names an
    institution it has already named in full."""
    found: set[str] = set()
    for toks in tokens:
        for j in range(1, len(toks)):
            t = toks[j]
            if t.kind == "word" and t.cap and toks[j - 1].low == "the":
                found.add(t.text)
    return found


def merge(
    org_names: Counter[str],
    person_words: set[str],
    org_pairs: dict[str, set[str]],
    from_roles: Iterable[str],
    short_forms: set[str] | frozenset[str] = frozenset(),
) -> list[Organization]:
    """One organization per name the article gives, short forms and legal suffixes merged into the long
    name; ``short_forms`` are the words written after 'the' (see ``definite``)."""
    return _merge_orgs(org_names, person_words, org_pairs, from_roles, short_forms)


# The last word of a law's name ('Digital Markets Act', 'Inflation Reduction Act', 'GENIUS Act', 'Online
# Safety Bill', 'AI Act'): these are laws and bills, never organizations, whatever their context.
_LAW_WORDS = frozenset("act acts bill bills directive regulation treaty statute ordinance law".split())
# A title in Chinese book-title marks, or a Chinese name ending as laws do (法, 法案, 条例 / 條例).
_CJK_LAW_RE = re.compile(r"^《.*》$|(?:法|法案|条例|條例|规定|規定)$")
# Words left out of an acronym ('SEC' for 'Securities and Exchange Commission').
_ACRONYM_SKIP = frozenset("of and the for on in & de".split())


def is_law(name: str) -> bool:
    """Whether a name is a law's or bill's name, not an organization's."""
    words = fold(name).split()
    if len(words) >= 2 and words[-1] in _LAW_WORDS:
        return True
    return bool(_CJK_LAW_RE.search(name.strip()))


def _short_form_of(short: str, long: str, short_forms: set[str] | frozenset[str]) -> bool:
    """Whether ``short`` (one word) is how the article names the organization ``long`` for short: its
    initials ('ECB' for 'European Central Bank'), its first word clipped as acronyms are ('Fed' for 'Federal
    Reserve', with or without 'the'), or, written after 'the', its head word ('the Commission' for 'European
    Commission'), its first word ('the Bank' for 'Bank of England') or the start of it."""
    words = long.split()
    if len(words) < 2 or " " in short:
        return False
    if short.isupper() and len(short) >= 2:
        initials = "".join(w[0] for w in words if w.lower() not in _ACRONYM_SKIP and w[:1].isalpha())
        if short == initials.upper() and len(initials) == len(short):
            return True
    s, first, last = fold(short), fold(words[0]), fold(words[-1])
    if _clipped(short, first):
        return True
    if short not in short_forms:
        return False
    return s in (last, first) or (len(s) >= 3 and first.startswith(s))


# A clipped word used as a name ('Fed' for 'Federal', 'Gov' for 'Government') is short: three or four
# letters, at least two fewer than the word. Longer starts are words of their own ('Intel' is not short for
# 'Intelligence ...'), so they join only when written after 'the'.
_CLIPPED_LETTERS = (3, 4)


def _clipped(short: str, first: str) -> bool:
    """Whether ``short`` (capitalized, as written) is ``first`` (folded) cut short the way 'Fed' is."""
    s = fold(short)
    return (
        short[:1].isupper()
        and short.isalpha()
        and len(s) in _CLIPPED_LETTERS
        and len(first) - len(s) >= 2
        and first.startswith(s)
    )


_LEGAL_SUFFIXES = frozenset(
    "ai inc corp corporation co ltd llc plc ag sa se nv gmbh labs technologies holdings".split()
)


def _merge_orgs(
    names: Counter[str],
    person_words: set[str],
    pairs: dict[str, set[str]],
    from_roles: Iterable[str],
    short_forms: set[str] | frozenset[str] = frozenset(),
) -> list[Organization]:
    for org in from_roles:
        names[org] += 1
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        k = key(name)
        if not k or k in person_words or len(k) < 2 or is_law(name):
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
    # "Fed" and "Federal Reserve", "the Commission" and "European Commission", "ECB" and "European
    # Central Bank": the one-word short form joins the long name when exactly one long name fits it. Long
    # names are filed under their initials, head word and first word, so each short form is one lookup.
    by_word: dict[str, list[str]] = defaultdict(list)
    for k, variants in groups.items():
        words = variants[0].split()
        if len(words) < 2:
            continue
        initials = "".join(w[0] for w in words if w.lower() not in _ACRONYM_SKIP and w[:1].isalpha())
        first = fold(words[0])
        probes = {fold(initials), fold(words[-1])} | {first[:n] for n in range(3, len(first) + 1)}
        for probe in probes:
            by_word[probe].append(k)
    long_names: dict[str, str] = {}  # short group key -> long group key
    for k, variants in groups.items():
        short = variants[0]
        if " " in short:
            continue
        fits = {
            other
            for other in by_word.get(fold(short), ())
            if other != k and any(_short_form_of(v, groups[other][0], short_forms) for v in variants)
        }
        if len(fits) == 1:
            long_names[k] = fits.pop()
    long_aliases: dict[str, set[str]] = defaultdict(set)
    covered = {k: k for k in groups}  # group key -> the key of the group it now belongs to
    for k, long in long_names.items():
        if long in groups and long not in long_names:
            long_aliases[long].update(groups.pop(k))
            covered[k] = long
    cjk_of: dict[str, set[str]] = defaultdict(set)
    for latin, cjk in pairs.items():
        if key(latin) in covered:
            cjk_of[covered[key(latin)]] |= cjk
    out: list[Organization] = []
    for k, variants in groups.items():
        variants.sort(key=lambda v: (-names[v], v.isupper(), v))
        canonical = variants[0]
        aliases = set(variants[1:]) | long_aliases.get(k, set()) | cjk_of.get(k, set())
        out.append(Organization(name=canonical, aliases=sorted(aliases)))
    for latin, cjk in pairs.items():
        if key(latin) not in covered and key(latin) not in person_words and not is_law(latin):
            out.append(Organization(name=latin, aliases=sorted(cjk)))
    return out


def org_index(organizations: list[Organization]) -> dict[str, str]:
    """Name or alias key -> the organization's name; the first organization to claim a key keeps it."""
    index: dict[str, str] = {}
    for o in organizations:
        for form in (o.name, *o.aliases):
            index.setdefault(key(form), o.name)
    return index


def canonical_org(org: str | None, index: dict[str, str]) -> str | None:
    if not org:
        return None
    return index.get(key(org), org)
