"""Incremental story clustering: each added article joins the story it is most like, or starts one.

Evidence, all read from the articles themselves (see :mod:`bot.stories.features`): the people and organizations
they share (every spelling an article gives joins one identity, and identities learnt from one article hold for
all the others: an article that writes 黄仁勋 (Jensen Huang) lets a later one that only writes 黄仁勋 meet the
English coverage), the figures they share with values normalized ($100 billion = 1000亿美元), the words they
share (title and claims), and their dates. Articles more than ``window_days`` apart never meet, so the same
people in another event (an ouster in one year, a takeover bid in another) stay apart; within the window, a
story needs more than shared names: shared figures or shared words. One or two names in common with no figure and
hardly a word beyond the names themselves (one chief executive's different news on one day) weigh half; across
languages, where words cannot meet, the same kind of event told in both (a rumour, a resignation: see
:data:`~bot.stories.features.EVENT_KINDS`) stands in for the words.

The cost of one ``add`` does not grow with the number of stories: candidates come from inverted indexes keyed
by (identity, figure or title word, week), each list holding its most recent stories only, and an article is
compared with at most ``max_candidates`` stories and, in each, with its ``max_compared`` latest members.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.article import Article
from bot.article.names import key

from .features import Features, features_of

_WEEK = 7
UNDATED_WEEKS = 8  # an undated article is compared with the stories of each of its keys' latest weeks
_UNDATED = -1


@dataclass(slots=True)
class Story:
    """One event: the articles that report it, in the order they were added."""

    id: str
    article_ids: list[str] = field(default_factory=list)
    title: str = ""
    first_day: int | None = None
    last_day: int | None = None
    members: list[Features] = field(default_factory=list)  # the latest ones only (see max_compared)
    vectors: list[dict[str, float]] = field(default_factory=list)  # their weighted word vectors
    title_day: int | None = None
    keys: set[str] = field(default_factory=set)  # every identity and figure key its articles carried
    merged_into: int | None = None  # set when a later article showed it was part of another story


@dataclass(frozen=True, slots=True)
class Evidence:
    """How alike one article is to one earlier article."""

    entities: float  # weight of the people and organizations in common over the smaller side's, 0..1
    figures: float  # summed weight of the figures in common
    text: float  # cosine of the weighted words, 0..1
    shared_entities: int
    conflict: bool  # both put a figure in the headline and share none of them
    same_language: bool = True
    cites: bool = (
        False  # one names the other's outlet (a response to a report: "denied the Journal's report")
    )
    event_text: float | None = None  # the cosine's part from words beyond the names (None: as ``text``)
    same_kind: bool = False  # both tell of the same kind of event (a rumour, a resignation ...)

    @property
    def score(self) -> float:
        return score_of(self)


def score_of(ev: Evidence) -> float:
    """One number from the evidence; an article joins a story at :data:`JOIN` or more."""
    s = 0.6 * ev.entities + 1.0 * ev.text + 0.3 * min(ev.figures, 2.0)
    if not ev.same_language:
        s += CROSS_LANGUAGE * ev.entities  # words cannot meet across languages: the names carry the match
    if ev.cites and ev.shared_entities:
        s += CITES
    if ev.shared_entities == 0 and ev.figures == 0:
        s *= 0.6  # words alone: only a close match
    elif (
        ev.figures == 0
        and not ev.cites
        and (ev.shared_entities == 1 or (ev.same_language and ev.shared_entities == 2))
        and not (ev.same_kind and not ev.same_language)
        and (ev.text if ev.event_text is None else ev.event_text)
        < (EVENT_TEXT if ev.same_language else EVENT_CONCEPTS)
    ):
        # one or two names in common (a company and its chief) and nothing else: no figure, hardly a word
        # beyond the names. The same people in another event; across languages, where words cannot meet,
        # two names still count (a report and its translation share little else)
        s *= ONE_NAME
    if ev.conflict:
        s -= 0.3
    return s


JOIN = 0.42
CONCEPTS_SAME_LANGUAGE = 0.5
FIGURES_FOR_NOTIONS = 0.3  # across languages, figures in common that let notions count without a name
CONCEPTS = 0.6  # the weight of notions in common across languages, against words in common within one
CROSS_LANGUAGE = 0.4
CITES = 0.15
EVENT_TEXT = 0.05  # word overlap below which two articles share no event words
ONE_NAME = 0.5
EVENT_CONCEPTS = 0.3  # across languages, notions in common below which two articles share no event notions


class _Aliases:
    """Union-find over identity keys: spellings of one person or organization, learnt from the articles."""

    def __init__(self, cap: int = 32) -> None:
        self._parent: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}
        self._cap = cap

    def find(self, k: str) -> str:
        parent = self._parent.get(k)
        if parent is None:
            return k
        root = k
        while (up := self._parent.get(root)) is not None and up != root:
            root = up
        while k != root:  # path compression
            nxt = self._parent[k]
            self._parent[k] = root
            k = nxt
        return root

    def union(self, keys: Iterable[str]) -> None:
        roots = list(dict.fromkeys(self.find(k) for k in keys))
        if len(roots) < 2:
            for k in roots:
                self._members.setdefault(k, [k])
            return
        # the biggest class absorbs the others, and a class stays small (a name shared by too many
        # spellings is not one identity worth following further)
        roots.sort(key=lambda r: -len(self._members.get(r, [r])))
        head = roots[0]
        members = self._members.setdefault(head, [head])
        for r in roots[1:]:
            if len(members) >= self._cap:
                break
            self._parent[r] = head
            self._parent.setdefault(head, head)
            members.extend(self._members.pop(r, [r])[: self._cap - len(members)])

    def spellings(self, k: str) -> list[str]:
        return self._members.get(self.find(k), [k])


class StoryIndex:
    """Stories built one article at a time. ``add`` returns the story id the article belongs to."""

    def __init__(
        self,
        *,
        window_days: int = 10,
        aliases: Iterable[Iterable[str]] = (),
        max_candidates: int = 24,
        max_compared: int = 12,
        posting_cap: int = 64,
        join: float = JOIN,
    ) -> None:
        self.window_days = window_days
        self.max_candidates = max_candidates
        self.max_compared = max_compared
        self.posting_cap = posting_cap
        self.join = join
        self._aliases = _Aliases()
        for group in aliases:
            self._aliases.union(k for k in (key(n) for n in group) if len(k) >= 2)
        self._stories: list[Story] = []
        self._live_count = 0
        self._by_id: dict[str, int] = {}
        self._article_story: dict[str, str] = {}
        self._postings: dict[tuple[str, int], list[int]] = {}
        self._key_weeks: dict[str, list[int]] = {}  # key -> the weeks it has postings in (an undated article
        # looks there: it may belong to any time)
        self._entity_stories: Counter[str] = Counter()  # key -> how many stories carry it
        self._figure_stories: Counter[str] = Counter()
        self._word_df: Counter[str] = Counter()  # word -> how many articles carry it
        self._concept_df: Counter[str] = Counter()  # notion -> how many articles speak of it
        self._articles = 0
        self._latest_day: int | None = None

    # ------------------------------------------------------------------ queries

    def __len__(self) -> int:
        return self._live_count

    def stories(self) -> list[Story]:
        """The stories, in the order they were started (stories merged into others left out)."""
        return [s for s in self._stories if s.merged_into is None]

    def story(self, story_id: str) -> Story | None:
        i = self._by_id.get(story_id)
        return None if i is None else self._stories[i]

    def story_of(self, article_id: str) -> str | None:
        return self._article_story.get(article_id)

    def current(self, story_id: str) -> Story | None:
        """The story ``story_id`` is now part of (itself, or the story it was merged into)."""
        i = self._by_id.get(story_id)
        return None if i is None else self._stories[self._live(i)]

    def match(self, article: Article) -> str | None:
        """The story ``article`` would join, changing nothing (None: it would start one). Another scope's
        article (a server's upload) is matched against these stories this way, without becoming part of them."""
        known = self._article_story.get(article.id)
        if known is not None:
            return known
        feats = features_of(article)
        best: tuple[float, int] | None = None
        for idx in self._candidates(feats):
            story = self._stories[idx]
            if not self._in_window(feats.day, story):
                continue
            s = self.similarity(feats, story)
            if s >= self.join and (best is None or (-s, idx) < (-best[0], best[1])):
                best = (s, idx)
        return None if best is None else self._stories[best[1]].id

    # ------------------------------------------------------------------ adding

    def add(self, article: Article) -> str:
        """Put one article into its story (a new one when nothing is close enough); returns the story id.
        Adding an article already added returns its story and changes nothing."""
        known = self._article_story.get(article.id)
        if known is not None:
            return known
        feats = features_of(article)
        for group in feats.groups:
            self._aliases.union(group)
        joined: list[tuple[float, int]] = []
        for idx in self._candidates(feats):
            story = self._stories[idx]
            if not self._in_window(feats.day, story):
                continue
            s = self.similarity(feats, story)
            if s >= self.join:
                joined.append((s, idx))
        self._count(feats)
        if not joined:
            idx = self._new_story(article)
        else:
            joined.sort(key=lambda t: (-t[0], t[1]))
            idx = joined[0][1]
            # an article that belongs to two stories shows they were one event reported before the
            # article that links them arrived (say, a Chinese report before the one giving both spellings);
            # an undated one does not: without a date it may be like two events of the same people
            for _, other in joined[1:] if feats.day is not None else []:
                idx = self._merge(idx, other)
        self._join(idx, feats, article)
        return self._stories[idx].id

    def restore(self, article: Article, story_id: str) -> str:
        """Put an article back into the story it was given before (read from the store after a restart):
        no scoring, so a story keeps its members whatever later articles changed in the statistics."""
        known = self._article_story.get(article.id)
        if known is not None:
            return known
        feats = features_of(article)
        for group in feats.groups:
            self._aliases.union(group)
        found = self._by_id.get(story_id)
        if found is None:
            self._stories.append(Story(id=story_id, title=article.title))
            self._live_count += 1
            found = self._by_id[story_id] = len(self._stories) - 1
        idx = self._live(found)
        self._count(feats)
        self._join(idx, feats, article)
        return self._stories[idx].id

    def similarity(self, feats: Features, story: Story) -> float:
        """The best score of the article against the story's latest members."""
        vector = self._vector(feats)
        return max(
            (
                score_of(self.evidence(feats, vector, m, v))
                for m, v in zip(story.members, story.vectors, strict=True)
            ),
            default=0.0,
        )

    def evidence(self, a: Features, va: dict[str, float], b: Features, vb: dict[str, float]) -> Evidence:
        ra = self._roots(a)
        rb = self._roots(b)
        shared = ra.keys() & rb.keys()
        heard = self._heard(a, b, shared) if a.language != b.language else set()
        smaller = min(sum(ra.values()), sum(rb.values()))
        in_common = sum(ra[k] for k in shared) + sum(ra.get(k, 0.0) for k in heard)
        entities = in_common / (smaller + 0.5) if in_common else 0.0
        common_figures = a.figures.keys() & b.figures.keys()
        figures = sum(a.figures[k] * self._generality(self._figure_stories[k]) for k in common_figures)
        text = _cosine(va, vb)
        # a headline figure the other does not carry though it gives figures of the same kind and unit, no
        # figure in common, and parties of its own: another event of the same people (a $2 billion stake and
        # an $8.9 billion one). Figures in other units ($300 billion, 2.39万亿元) do not clash.
        weighty = {k for k, w in a.figures.items() if w >= 1.0} & {
            k for k, w in b.figures.items() if w >= 1.0
        }
        conflict = bool(
            not weighty
            and (_clash(a.headline_figures, b.figures) or _clash(b.headline_figures, a.figures))
            and (ra.keys() - rb.keys() or rb.keys() - ra.keys())
        )
        if not conflict and (
            shared or heard or (figures >= FIGURES_FOR_NOTIONS and a.language != b.language)
        ):
            # across languages words cannot meet, and within one two outlets tell an event in their own words
            # (a crash, a meltdown, an outage): the notions both speak of stand in for the words. Only beside a
            # name in common (or, across languages, a figure): two companies' results told alike are two
            # events; and not when the headline figures clash (the same kind of deal for another amount)
            weight = CONCEPTS if a.language != b.language else CONCEPTS_SAME_LANGUAGE
            text = max(text, weight * self._concept_cosine(a.concepts, b.concepts))
        cites = (a.source_key is not None and a.source_key in b.entity_keys) or (
            b.source_key is not None and b.source_key in a.entity_keys
        )
        # the part of the cosine the words beyond the names make (looked at only where one or two names are
        # all that may be shared)
        event_text = text
        if not figures and not cites and 1 <= len(shared) <= 2 and a.language == b.language:
            names = a.name_words | b.name_words
            event_text -= sum(va[w] * vb[w] for w in names if w in va and w in vb)
        return Evidence(
            entities,
            figures,
            text,
            len(shared) + len(heard),
            conflict,
            a.language == b.language,
            cites,
            event_text,
            bool(a.kinds & b.kinds),
        )

    # ------------------------------------------------------------------ internals

    @staticmethod
    def _generality(stories: int) -> float:
        """The weight of a name or figure seen in ``stories`` stories: 1 for a new one, less the more events
        it has been part of ('Nvidia' weighs less than 'Pat Gelsinger'). Absolute, so it does not drift
        as the index grows."""
        return 1.0 / (1.0 + 0.5 * math.log1p(stories))

    def _heard(self, a: Features, b: Features, shared: set[str]) -> set[str]:
        """The people of ``a`` (as its roots) whose names sound like a person of ``b`` written in the other
        script, beyond those the two already share: 'Dave Calhoun' and '戴夫·卡尔霍恩'."""
        out: set[str] = set()
        for sound, ident in a.sounds.items():
            other = b.sounds.get(("H:" if sound[0] == "L" else "L:") + sound[2:])
            if other is None:
                continue
            ra, rb = self._aliases.find(ident), self._aliases.find(other)
            if ra not in shared and rb not in shared:
                out.add(ra)
        return out

    def _concept_cosine(self, a: frozenset[str], b: frozenset[str]) -> float:
        both = a & b
        if not both:
            return 0.0
        n = self._articles + 1

        def weight(c: str) -> float:
            # an article not yet counted counts itself, as one already counted does
            return math.log((n + 1) / (max(self._concept_df[c], 1) + 0.5)) ** 2

        return sum(weight(c) for c in both) / math.sqrt(sum(map(weight, a)) * sum(map(weight, b)))

    def _roots(self, f: Features) -> dict[str, float]:
        out: dict[str, float] = {}
        for group in f.groups:
            root = self._aliases.find(group[0])
            seen = max(self._entity_stories[k] for k in group)
            out[root] = max(out.get(root, 0.0), self._generality(seen))
        return out

    def _vector(self, f: Features) -> dict[str, float]:
        n = self._articles + 1
        vec = {
            w: (1 + math.log(c)) * math.log((n + 1) / (self._word_df[w] + 0.5)) for w, c in f.words.items()
        }
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    def _keys(self, f: Features) -> set[str]:
        keys: set[str] = set()
        for k in f.entity_keys:
            keys.update("e:" + s for s in self._aliases.spellings(k))
        keys.update("f:" + k for k in f.figures if f.figures[k] >= 1.0)
        keys.update("w:" + w for w in f.title_words)
        keys.update("s:" + s[2:] for s in f.sounds)
        keys.update("c:" + c for c in f.concepts)  # across languages, often the only thing two reports share
        return keys

    def _buckets(self, day: int | None) -> list[int]:
        around = day if day is not None else self._latest_day
        out = [_UNDATED]
        if around is not None:
            out.extend(range((around - self.window_days) // _WEEK, (around + self.window_days) // _WEEK + 1))
        return out

    def _live(self, idx: int) -> int:
        while (up := self._stories[idx].merged_into) is not None:
            idx = up
        return idx

    def _merge(self, keep: int, other: int) -> int:
        """Put two stories together; the one with more articles (or the older) keeps its id. Costs the size
        of the smaller one."""
        a, b = self._stories[keep], self._stories[other]
        if (len(b.article_ids), -other) > (len(a.article_ids), -keep):
            keep, other, a, b = other, keep, b, a
        b.merged_into = keep
        self._by_id[b.id] = keep
        a.article_ids.extend(b.article_ids)
        for aid in b.article_ids:
            self._article_story[aid] = a.id
        pairs = sorted(
            zip(a.members + b.members, a.vectors + b.vectors, strict=True),
            key=lambda mv: mv[0].day if mv[0].day is not None else -1,
        )[-self.max_compared :]
        a.members = [m for m, _ in pairs]
        a.vectors = [v for _, v in pairs]
        for k in b.keys & a.keys:  # the key is now in one story fewer
            counter = self._entity_stories if k in self._entity_stories else self._figure_stories
            counter[k] = max(0, counter[k] - 1)
        a.keys |= b.keys
        days = [d for d in (a.first_day, a.last_day, b.first_day, b.last_day) if d is not None]
        if days:
            a.first_day, a.last_day = min(days), max(days)
        if b.title_day is not None and (a.title_day is None or b.title_day < a.title_day):
            a.title, a.title_day = b.title, b.title_day
        b.article_ids, b.members, b.vectors, b.keys = [], [], [], set()
        self._live_count -= 1
        return keep

    def _candidates(self, f: Features) -> list[int]:
        hits: dict[int, float] = {}
        buckets = self._buckets(f.day)
        for k in self._keys(f):
            # a notion in common says little beside a name or a figure: it ranks a story only where nothing
            # else brings one (a report and its translation that share no spelling)
            weight = 2.0 if k.startswith(("e:", "f:")) else 0.25 if k.startswith("c:") else 1.0
            if f.day is None:  # undated: the key's latest weeks, whenever they were
                buckets = [_UNDATED, *self._key_weeks.get(k, [])[-UNDATED_WEEKS:]]
            for b in buckets:
                for idx in self._postings.get((k, b), ()):
                    live = self._live(idx)
                    hits[live] = hits.get(live, 0.0) + weight
        ranked = sorted(hits.items(), key=lambda t: -t[1])  # stable: ties keep their first-seen order
        return [idx for idx, _ in ranked[: self.max_candidates]]

    def _in_window(self, day: int | None, story: Story) -> bool:
        if day is None or story.first_day is None or story.last_day is None:
            return True
        return story.first_day - self.window_days <= day <= story.last_day + self.window_days

    def _count(self, f: Features) -> None:
        self._articles += 1
        for w in f.words:
            self._word_df[w] += 1
        for c in f.concepts:
            self._concept_df[c] += 1
        if f.day is not None and (self._latest_day is None or f.day > self._latest_day):
            self._latest_day = f.day

    def _new_story(self, article: Article) -> int:
        sid = article.id[:12] or f"story{len(self._stories) + 1}"
        base, n = sid, 1
        while sid in self._by_id:
            n += 1
            sid = f"{base}-{n}"
        self._stories.append(Story(id=sid, title=article.title))
        self._live_count += 1
        self._by_id[sid] = len(self._stories) - 1
        return len(self._stories) - 1

    def _join(self, idx: int, f: Features, article: Article) -> None:
        story = self._stories[idx]
        story.article_ids.append(article.id)
        self._article_story[article.id] = story.id
        story.members.append(f)
        for k in f.entity_keys - story.keys:
            self._entity_stories[k] += 1
            story.keys.add(k)
        for k in f.figures.keys() - story.keys:
            self._figure_stories[k] += 1
            story.keys.add(k)
        story.vectors.append(self._vector(f))
        if len(story.members) > self.max_compared:
            del story.members[0], story.vectors[0]
        if f.day is not None:
            story.first_day = f.day if story.first_day is None else min(story.first_day, f.day)
            story.last_day = f.day if story.last_day is None else max(story.last_day, f.day)
            # the story is named by its earliest report
            if story.title_day is None or f.day < story.title_day:
                story.title, story.title_day = article.title, f.day
        bucket = (f.day // _WEEK) if f.day is not None else _UNDATED
        for k in self._keys(f):
            if bucket != _UNDATED:
                weeks = self._key_weeks.setdefault(k, [])
                if bucket not in weeks[-UNDATED_WEEKS:]:
                    weeks.append(bucket)
                    weeks.sort()
                    del weeks[: -UNDATED_WEEKS * 2]
            posting = self._postings.setdefault((k, bucket), [])
            if not posting or posting[-1] != idx:
                if idx in posting:
                    posting.remove(idx)
                posting.append(idx)
                if len(posting) > self.posting_cap:
                    del posting[: len(posting) - self.posting_cap]


def _clash(headline: frozenset[str], figures: dict[str, float]) -> bool:
    """A headline figure missing from ``figures`` though they hold one of the same kind and unit."""
    units = {k.rsplit(":", 1)[0] for k in figures}
    return any(k not in figures and k.rsplit(":", 1)[0] in units for k in headline)


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())
