"""Phase 'people': candidates in capitalised runs and their evidence (roles, given names, speech, lists,
family names, pronouns), then the accepted people with aliases, roles and organizations."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..lexicon import COMMON_NOUNS, COMPANY_ROLE_HEADS, HONORIFICS, NAME_SUFFIXES, NOT_NAME_WORDS, ORG_WORDS
from ..model import MAX_NAME_WORDS, Organization, Person, name_fits
from ..names import (
    PARTICLES,
    find_mentions,
    fold,
    has_cjk,
    is_cjk_name,
    is_given_name,
    is_pinyin_name,
    key,
    mentions,
    surname,
)
from .organizations import canonical_org, org_index
from .roles import _role_after, _role_before, _role_phrase, _role_predicate, _speech_after
from .tokens import _DETERMINERS, _STOP, Tok, _is_orgish, _is_role_word, _role_continues


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


_FOLLOWING_NOT_PERSON = frozenset(
    """analysts economists strategists shares stock stocks shareholders customers employees board unit
    subsidiary division platform platforms model models chip chips superchip superchips gpu gpus app apps
    index fund funds architecture system systems device devices processor processors series brand campus
    headquarters stadium award prize act law bill program programme initiative report reports research lab
    labs team group""".split()
)
_PLACE_PREPS = frozenset({"in", "at", "near"})
_CN_ROLE_END = re.compile(
    r"(?:首席执行官|首席财务官|首席技术官|首席科学家|董事长|副总裁|总裁|总经理|联合创始人|创始人|主席|部长|发言人|负责人"
    r"|分析师|董事|总监|经理|教授|研究员)$"
)
_NAMED = frozenset(
    "named appointed elected hired tapped picked chose chosen selected promoted nominated installed reappointed".split()
)
_ROYAL = frozenset("king queen prince princess lord lady".split())
_SUCCESSION = frozenset("succeed succeeds succeeded succeeding replace replaces replaced replacing".split())
_LED_BY = frozenset(
    "chaired led headed founded co-founded cofounded run managed directed hosted chaired".split()
)


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


def _name_word_after(toks: list[Tok], chunk: list[int], t: Tok) -> bool:
    """A suffix ("Jr.", "III") or, after a given name, a title word that is a family name ("Chuck Prince")."""
    return t.low in NAME_SUFFIXES or (
        t.low in HONORIFICS and t.shape == "name" and len(chunk) == 1 and is_given_name(toks[chunk[0]].text)
    )


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
            elif chunk and t.kind == "word" and (lowp in PARTICLES or _name_word_after(toks, chunk, t)):
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
            if t.poss or (chunk and chunk[-1] == i and t.low in NAME_SUFFIXES):
                close_chunk()  # a possessive or a suffix ("Walter Hussman Sr. Distinguished Professor") ends a name
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
    words = [t.text for t in ts if t.shape != "initial" and t.low not in NAME_SUFFIXES]
    if not words:
        return cand
    role, org, honor = _role_before(toks, first)
    if not (role or honor) and first and toks[first - 1].kind == "cjk":
        cn_role = _CN_ROLE_END.search(toks[first - 1].text)
        if cn_role:
            role = cn_role.group()  # a Latin name after a Chinese role: '特斯拉董事长Robyn Denholm'
    role2, org2, who = _role_after(toks, last + 1)
    if not role2:
        role2, org2 = _role_predicate(toks, last + 1)
    if (
        not role2
        and last + 1 < len(toks)
        and toks[last + 1].low == "as"
        and first
        and toks[first - 1].low in _NAMED
    ):
        role2, org2 = _role_phrase(toks, last + 2)  # "named Edmund Carver III as chairman"
    if (
        honor
        and first >= 2
        and toks[first - 1].low in _ROYAL
        and toks[first - 2].kind == "word"
        and toks[first - 2].cap
        and not _is_role_word(toks[first - 2])
    ):
        honor = False  # "New Zealand King Salmon": a title inside a longer name is no title
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
        # a name that opens a quotation is a word of it; after a closing straight mark ('...," George Brook
        # said') it stands outside it
        closing = prev.text in ('"', "'") and prev.start > 0 and text[prev.start - 1] in ",.!?"
        score -= 0 if closing else 3
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
    if len(words) == 1 and not is_given_name(words[0]):
        if role and role.split()[-1].lower() in COMPANY_ROLE_HEADS:
            score = min(score, 0.5)  # "chip designer Sophgo": a company
        if nxt is not None and not ts[-1].poss and _is_role_word(nxt) and nxt.low not in HONORIFICS:
            score = min(score, 0.5)  # "King Salmon chairman": the word names the company of the role
    cand.score = score
    return cand


_LONE_SPEAKER = re.compile(
    r"\s+(?:(?:has|had|also|later|then)\s+)?(?:said|says|told|added|admitted|apologi[sz]ed|acknowledged|insisted|argued"
    r"|emphasi[sz]ed|stressed|conceded|denied|wrote|explained|regretted|conceded)\b",
    re.I,
)
_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|himself|herself)\b", re.I)


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


def _tidy_name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" ,.;:'’\"")


def candidates(sentences: list[str], tokens: list[list[Tok]]) -> tuple[list[Candidate], list[list[Tok]]]:
    """Every person candidate and organization mention, sentence by sentence."""
    cands: list[Candidate] = []
    org_mentions: list[list[Tok]] = []
    for i, (text, toks) in enumerate(zip(sentences, tokens, strict=True)):
        people, orgs = _candidates_in(toks, i, text)
        cands.extend(people)
        org_mentions.extend(orgs)
    return cands, org_mentions


def weigh(cands: list[Candidate], sentences: list[str]) -> None:
    """Evidence shared between candidates: lists of names, a lone surname that speaks, family names."""
    # Lists: "such as A B, C D, and E F" share evidence: one person in a list makes its name-shaped peers people.
    by_sentence: dict[int, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_sentence[c.sentence].append(c)
    for i, group in by_sentence.items():
        if i < 0:
            continue
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

    # A surname alone whose full name is not in the text ("Dimon said he ...", "Armstrong apologized for his
    # remarks"): a lone name-shaped word that speaks and is then referred to as he or she is a person.
    last_pronoun: dict[int, int] = {}  # sentence -> where its last he/she/his/her starts (-1: none)
    for c in cands:
        named = [t for t in c.tokens if t.low not in NAME_SUFFIXES]  # "Carver III said he ..."
        if len(named) != 1 or c.score >= 2 or c.sentence < 0 or c.tokens[0].low in _STOP:
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


def accept(
    cands: list[Candidate],
    org_names: Counter[str],
    pairs: dict[str, set[str]],
    cn_people: list[str],
    title: str,
    sentences: list[str],
) -> dict[str, _Draft]:
    """The people: candidates with enough evidence, merged by name key, with surname-only mentions and
    other-script spellings as aliases (name key -> person, in order of first mention)."""
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
    # Longer names by their first word and by each of their shorter tails (a name has a few words: linear).
    by_first: dict[str, list[str]] = defaultdict(list)
    by_tail: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for k, draft in drafts.items():
        words = [fold(w) for w in draft.name.split()]
        if len(words) > 1 and not has_cjk(draft.name):
            by_first[words[0]].append(k)
            for n in range(2, len(words)):
                by_tail[tuple(words[-n:])].append(k)
    for k, draft in list(drafts.items()):
        base = [w for w in draft.name.split() if w.lower().rstrip(".") not in NAME_SUFFIXES]  # "Carver III"
        if len(base) == 1 and not has_cjk(draft.name):
            owners = [o for o in surnames.get(fold(base[0]), []) if o != k]
            if not owners:
                # 'Sir Christopher' after 'Christopher Hogg': a given name alone is the one person who has it
                owners = [o for o in by_first.get(fold(base[0]), []) if o != k and o in drafts]
            if len(owners) == 1:
                target = drafts[owners[0]]
                target.aliases.add(draft.name)
                target.prefer_role(draft.role, draft.org)
                del drafts[k]
        elif len(base) > 1 and not has_cjk(draft.name):
            # 'Mr. Fogh Rasmussen' after 'Anders Fogh Rasmussen': the last words of one longer name
            longer = [o for o in by_tail.get(tuple(fold(w) for w in base), []) if o != k and o in drafts]
            if len(longer) == 1:
                target = drafts[longer[0]]
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
    for _, _, form in find_mentions(mentions(scan_forms), "\n".join([title, *sentences])):
        owner = by_surname.get(form)
        if owner is not None and form != owner.name and form not in owner.aliases:
            owner.aliases.add(form)

    for k, spellings in pairs.items():
        if k in drafts:
            drafts[k].aliases.update(spellings)
    # A transliteration's family name alone ('马斯克' of '埃隆·马斯克') is that person when only one has it.
    by_last: dict[str, list[str]] = defaultdict(list)
    for name in dict.fromkeys(cn_people):
        if "·" in name:
            by_last[name.rsplit("·", 1)[1]].append(name)
    # ... and it is also read where no cue marks it ('卡尔森表示' after '安娜·卡尔森'): one scan for the full names
    # and the family names, longest first, so the family name inside the full name is not counted.
    dotted = [*by_last, *(n for names in by_last.values() for n in names)]
    text = "\n".join([title, *sentences])
    cn_people = [*cn_people, *(f for _, _, f in find_mentions(mentions(dotted), text) if f in by_last)]
    alias_of = {a: d for d in drafts.values() for a in d.aliases}
    for name in cn_people:
        owners = by_last.get(name, [])
        if len(owners) == 1:
            owner = alias_of.get(owners[0]) or drafts.setdefault(key(owners[0]), _Draft(owners[0]))
            owner.aliases.add(name)
            alias_of[name] = owner
        elif name not in alias_of:
            drafts.setdefault(key(name), _Draft(name))
    return drafts


def person_words(drafts: dict[str, _Draft]) -> set[str]:
    """Keys of every name, alias and surname: organizations never include them."""
    person_words = set(drafts)
    for draft in drafts.values():
        person_words.update(key(a) for a in draft.aliases)
        s = surname(draft.name)
        if s:
            person_words.add(key(s))
    return person_words


def finish(drafts: dict[str, _Draft], organizations: list[Organization]) -> list[Person]:
    index = org_index(organizations)
    return [
        Person(
            name=d.name,
            aliases=sorted(a for a in d.aliases if a != d.name),
            organization=canonical_org(d.org, index),
            role=d.role,
        )
        for d in drafts.values()
    ]
