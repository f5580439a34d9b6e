"""Who said what about one story: its claims lined up by subject, with their stances, speakers, sources and
dates; whether the story is contested (a denial meets an assertion or a report about the same subject); and
how many independent sources carry each subject (the same wire text reprinted by two outlets counts once).

A subject is a group of claims from the story's articles that are about the same thing: they quote the same
figure (normalized, so $97.4 billion meets 974亿美元), or they name the same person or organization (in any
spelling an article of the story gives) and share words, or they share many words. Pure: reads Articles only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.article import Article, Claim, Stance
from bot.article.names import fold, key

from .features import claim_figure_keys, entity_groups, figure_weight, words_of

_JOIN = 0.5  # how alike a claim must be to a subject to join it
_ANSWER = 0.35  # ... when one of them is a denial and the other not
_REPRINT = 0.8  # word overlap from which two claims are the same text reprinted
_LABEL_CHARS = 120
_COMMON = 0.34  # a name in more than this share of a story's claims is what the story is about


@dataclass(frozen=True, slots=True)
class StanceEntry:
    """One claim of one article about a subject."""

    stance: Stance
    speaker: str | None
    text: str
    article_id: str
    label: str  # how the caller names the article (a file path, a title): the id when none was given
    source: str | None
    published_at: str | None


@dataclass(slots=True)
class Subject:
    """Claims of a story about the same thing, in the order of their articles."""

    subject: str
    entries: list[StanceEntry] = field(default_factory=list)
    corroboration: int = 0  # independent sources carrying it

    @property
    def stances(self) -> set[Stance]:
        return {e.stance for e in self.entries}

    @property
    def articles(self) -> int:
        return len({e.article_id for e in self.entries})

    @property
    def contested(self) -> bool:
        """A denial meets an assertion or a report."""
        s = self.stances
        return Stance.DENIED in s and bool(s & {Stance.ASSERTED, Stance.REPORTED})

    @property
    def lined_up(self) -> bool:
        """Worth showing side by side: carried by more than one article, or held with more than one stance."""
        return self.articles > 1 or len(self.stances) > 1


@dataclass(slots=True)
class _Item:
    entry: StanceEntry
    entities: frozenset[str]
    figures: frozenset[str]
    words: frozenset[str]


def _alias_roots(articles: Sequence[Article]) -> dict[str, str]:
    """Every spelling the story's articles give for one person or organization -> one root spelling."""
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    for article in articles:
        for group in entity_groups(article):
            head = find(group[0])
            parent.setdefault(head, head)
            for k in group[1:]:
                r = find(k)
                if r != head:
                    parent[r] = head
    return {k: find(k) for k in parent}


def _mentions(article: Article) -> list[tuple[str, str]]:
    """(folded spelling as it may appear in a claim, identity key) for the article's people and organizations,
    surnames included (inside one article 'Tan' is Lip-Bu Tan)."""
    out: list[tuple[str, str]] = []
    for person in article.people:
        k = key(person.name)
        for form in [person.name, *person.aliases]:
            out.append((fold(form), k))
    for org in article.organizations:
        k = key(org.name)
        for form in [org.name, *org.aliases]:
            out.append((fold(form), k))
    return [(f, k) for f, k in out if len(f) >= 2]


def _item(
    claim: Claim, article: Article, label: str, mentions: list[tuple[str, str]], roots: dict[str, str]
) -> _Item:
    folded = f" {fold(claim.text)} "
    entities = set()
    for form, k in mentions:
        if f" {form} " in folded or (not form.isascii() and form in folded):
            entities.add(roots.get(k, k))
    if claim.speaker:
        entities.add(roots.get(key(claim.speaker), key(claim.speaker)))
    figures = frozenset(k for k in claim_figure_keys(claim) if figure_weight(k) >= 1.0)
    entry = StanceEntry(
        stance=claim.stance,
        speaker=claim.speaker,
        text=claim.text,
        article_id=article.id,
        label=label,
        source=article.source,
        published_at=article.published_at,
    )
    return _Item(entry, frozenset(entities), figures, frozenset(_stem(w) for w in words_of(claim.text)))


def _stem(word: str) -> str:
    """'conflicted' and 'conflict', 'investments' and 'investment' alike (Latin words only)."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and word.isascii():
            return word[: -len(suffix)]
    return word


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def _alike(a: _Item, b: _Item, common: frozenset[str] = frozenset()) -> float:
    """How much two claims are about the same thing, from 0. Names in ``common`` (the story's protagonists,
    named in most of its claims) say nothing about which of its subjects a claim is about."""
    s = _overlap(a.words, b.words)
    if a.figures & b.figures:
        s += 0.6
    shared = a.entities & b.entities
    if shared - common:
        # a name alone is weak (one person says many things), a name and some words are a subject
        s += 0.25 + (0.25 if s > 0.1 else 0.0)
    elif shared:
        s += 0.1
    return s


def line_up(articles: Sequence[Article], labels: Sequence[str] | None = None) -> list[Subject]:
    """The story's claims grouped by subject, subjects in the order they were first reported."""
    labels = list(labels) if labels is not None else [a.id for a in articles]
    roots = _alias_roots(articles)
    items: list[_Item] = []
    for article, label in zip(articles, labels, strict=True):
        mentions = _mentions(article)
        items.extend(_item(claim, article, label, mentions, roots) for claim in article.claims)
    named: dict[str, int] = {}
    for item in items:
        for e in item.entities:
            named[e] = named.get(e, 0) + 1
    common = frozenset(e for e, n in named.items() if len(items) >= 4 and n > len(items) * _COMMON)
    groups: list[list[_Item]] = []
    for item in items:
        best: tuple[float, int] | None = None
        for i, group in enumerate(groups):
            # one claim per article and stance in a subject: an article does not repeat itself (but may
            # report an accusation and its denial)
            if any(
                o.entry.article_id == item.entry.article_id and o.entry.stance is item.entry.stance
                for o in group
            ):
                continue
            s = max(_alike(item, other, common) for other in group)
            # a denial answers something said elsewhere: it joins what it best matches at a lower bar
            answers = any(
                (o.entry.stance is Stance.DENIED) != (item.entry.stance is Stance.DENIED) for o in group
            )
            if s >= (_ANSWER if answers else _JOIN) and (best is None or s > best[0]):
                best = (s, i)
        if best is None:
            groups.append([item])
        else:
            groups[best[1]].append(item)
    subjects = []
    for group in groups:
        first = group[0].entry.text
        label = first if len(first) <= _LABEL_CHARS else first[: _LABEL_CHARS - 1].rstrip() + "…"
        subjects.append(Subject(label, [i.entry for i in group], corroboration(group)))
    return subjects


def corroboration(items: Sequence[_Item] | Sequence[StanceEntry]) -> int:
    """How many independent sources carry these claims: one per source, and one for a text that several
    sources print alike (a wire story reprinted)."""
    entries = [i.entry if isinstance(i, _Item) else i for i in items]
    words = [frozenset(words_of(e.text)) for e in entries]
    parent = list(range(len(entries)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(entries)):
        for j in range(i):
            same_source = (
                entries[i].source is not None
                and entries[j].source is not None
                and fold(entries[i].source or "") == fold(entries[j].source or "")
            ) or entries[i].article_id == entries[j].article_id
            union = words[i] | words[j]
            reprint = bool(union) and len(words[i] & words[j]) / len(union) >= _REPRINT
            if same_source or reprint:
                parent[find(i)] = find(j)
    return len({find(i) for i in range(len(entries))})


def contested(subjects: Sequence[Subject]) -> bool:
    """A story is contested when one of its subjects is."""
    return any(s.contested for s in subjects)
