"""Phase 'claims': one claim per statement with its stance, speaker (a person, an organization or an
outlet), citations and figures."""

from __future__ import annotations

import bisect
import re

from ..casefree import CaseFree, lower_text
from ..lexicon import SPEECH_VERBS
from ..model import Claim, Organization, Person, Stance
from ..names import _trie, find_mentions, fold, mentions
from .figures import figures_of
from .stance import stance_of
from .tokens import _DETERMINERS, _STOP, Statement

# Every alternative but the Chinese ones is a whole word ('\b' on both sides), so the span of a match does
# not depend on the order of the alternatives: they are written as tries (one branch per first letter).
_VERB_STEMS = "acknowledg admit conced refut reject dismiss apologis apologiz regrett".split()
_VERB_RE = re.compile(
    r"\b(?:"
    + _trie([*SPEECH_VERBS, "deny", "denies", "denied", "took responsibility", "concluded"], "")
    + r"\b|"
    + _trie(_VERB_STEMS, "")
    + r"\w*\b)|表示|称|认为|指出|强调|回应|否认|承认|透露|告诉",
    re.I,
)
_VERB = CaseFree(_VERB_RE)
_OUTLET_NAMES = (
    "New York Times|Financial Times|Wall Street Journal|Washington Post|Information|Economist|Guardian"
    "|Telegraph|Times|Bloomberg(?: News)?|Reuters|CNBC|CNN|BBC|Axios|Semafor|Nikkei(?: Asia)?|Caixin|Politico"
    "|South China Morning Post|Handelsblatt|Der Spiegel|Verge|TechCrunch|Business Insider|Yonhap|Kyodo|Xinhua"
    "|Associated Press|AFP|Dow Jones|WSJ|FT|SCMP"
)
_OUTLETS = rf"(?:The\s+)?(?:{_OUTLET_NAMES})"
_CN_OUTLETS = "彭博|路透|华尔街日报|金融时报|纽约时报|财新|新华社"
# The outlet is the source: "first reported by The Information", "..., the Financial Times reported",
# "according to a report in the Financial Times", "The Times said".
_OUTLET_SOURCE = re.compile(
    rf"(?:\breported\s+(?:earlier\s+|first\s+)?by\s+|\baccording to\s+(?:a\s+(?:report|story)\s+(?:in|by|from)\s+)?)"
    rf"(?P<a>{_OUTLETS})\b|\b(?P<b>{_OUTLETS})\s+(?:has\s+|had\s+)?(?:reported|said|wrote|says|reports)\b"
    r"|(?P<c>彭博社?|路透社?|华尔街日报|金融时报|纽约时报|财新|新华社)(?:报道|称|援引)",
    re.I,
)
# Every match names an outlet, at the start of a word or in Chinese: the outlets are its gate.
_OUTLET_GATE = re.compile(
    r"\b(?:"
    + _trie([re.sub(r"\(\?:[^)]*\)\?", "", o).lower() for o in _OUTLET_NAMES.split("|")], "")
    + f")|{_CN_OUTLETS}"
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
# A trailing attribution: ", a blog said", ", the newsletter wrote", ", Vantrix said" right before the verb. Its
# words, not a name earlier in the sentence, are the speaker; a source with no name reports the statement.
_TRAILING_SOURCE = re.compile(r",\s*((?:[\w'’&.-]+\s+){1,5})$")
_UNNAMED_SOURCE = re.compile(
    r"^(?:(?:a|an|one|some|another)\s(?!(?:spokes\w*|company|firm|group)\b)"
    r"|the\s+(?:[\w-]+\s+)?(?:blog|newsletter|post|site|website|outlet|paper|newspaper|magazine|tabloid|podcast"
    r"|account|forum)\b)",
    re.I,
)

# A quotation ends before the next opening mark of its kind, so an opening mark never makes the scan read on
# to the end of the text (thousands of unclosed '“' are read in linear time).
_QUOTED = re.compile(r"\"[^\"]{3,}\"|“[^“”]{3,}”|「[^「」]{2,}」")


def _verb_outside_quotes(text: str, low: str | None = None) -> re.Match[str] | None:
    """The first verb of saying outside quotation marks: in '"We reject it," Debenhams said' it is 'said'."""
    quoted = [m.span() for m in _QUOTED.finditer(text)]  # in order and apart: one bisect per verb
    starts = [a for a, _ in quoted]
    for m in _VERB.finditer(text, low):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0 or m.start() >= quoted[i][1]:
            return m
    return None


def claims(statements: list[Statement], people: list[Person], orgs: list[Organization]) -> list[Claim]:
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
    finder = mentions(forms)

    def mentioned(text: str) -> list[tuple[int, int, str, str]]:
        return [(a, b, *forms[form]) for a, b, form in find_mentions(finder, text)]

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
        spans = mentioned(text)
        low = lower_text(text)
        stance = stance_of(text, previous, low)
        previous = text
        speaker: str | None = None
        outlet = _OUTLET_SOURCE.search(text) if low is None or _OUTLET_GATE.search(low) else None
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
            verb = _verb_outside_quotes(text, low)
            trailing = (
                _TRAILING_SOURCE.search(text, max(0, verb.start() - 60), verb.start()) if verb else None
            )
            if verb and trailing and not _COMPANY_REF.match(trailing.group(1)):
                inside = [s for s in spans if s[0] >= trailing.start(1) and s[1] <= verb.start()]
                if inside:
                    speaker = inside[-1][2]  # "..., Vantrix said": the organization, not the person before
                elif trailing.group(1)[:1].isupper() and not _UNNAMED_SOURCE.match(trailing.group(1)):
                    speaker = named(trailing.group(1))  # a name the article did not list as anyone's
                elif _UNNAMED_SOURCE.match(trailing.group(1)) and any(
                    x[1] <= trailing.start() for x in spans
                ):
                    verb = None  # "..., a blog said": nobody named says it
                    if stance is Stance.ASSERTED:
                        stance = Stance.REPORTED
            if speaker is None and verb:
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
