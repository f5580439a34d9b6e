"""Phase 'organizations': organization names from their shapes and contexts, merged with their legal
suffixes ('Nvidia' and 'Nvidia Corp'), never a person's name."""

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
    return org_names


def merge(
    org_names: Counter[str], person_words: set[str], org_pairs: dict[str, set[str]], from_roles: Iterable[str]
) -> list[Organization]:
    return _merge_orgs(org_names, person_words, org_pairs, from_roles)


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
