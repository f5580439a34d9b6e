"""The Library: every article the bot knows right now, with the indexes every command needs.

Synchronous and in memory, so that autocomplete and lookups never wait on the database. People are merged
across articles by name key and by their other-script or multi-word spellings; a surname alone finds a person
but never merges two.
"""

from __future__ import annotations

import bisect
import heapq
import json
import re
import tomllib
from array import array
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from pypinyin import lazy_pinyin

from bot.article import Article, Claim, Stance
from bot.article.names import fold as _fold
from bot.article.names import has_cjk, surname
from bot.article.names import key as _key
from bot.library.index import RECORD_VERSION, FuzzyIndex, PrefixIndex, record_data
from bot.memory import bulk_load
from bot.timeline.current import same_org

if TYPE_CHECKING:
    from bot.store.articles import LibraryRow


# The same names come back again and again (speakers of many claims, organizations of many articles): their
# folded forms are remembered rather than worked out each time.
fold: Callable[[str], str] = lru_cache(maxsize=1 << 16)(_fold)
key: Callable[[str], str] = lru_cache(maxsize=1 << 16)(_key)


@dataclass(slots=True)  # hundreds of thousands of them: no per-instance dict
class PersonEntry:
    key: str
    name: str
    aliases: set[str] = field(default_factory=set)
    organization: str | None = None
    role: str | None = None
    article_ids: list[str] = field(default_factory=list)
    pinyin: list[str] = field(default_factory=list)  # how a Chinese name is typed in Latin letters

    @property
    def mentions(self) -> int:
        return len(self.article_ids)

    def all_names(self) -> list[str]:
        return [self.name, *sorted(self.aliases)]

    def label(self) -> str:
        """'Name (other spelling) — Organization', as autocomplete shows it (at most 100 characters)."""
        other = next(
            (a for a in sorted(self.aliases) if has_cjk(a) != has_cjk(self.name) and len(a.split()) > 0), None
        )
        if other is None and self.pinyin:
            other = self.pinyin[0].title()  # 雷军 (Lei Jun)
        text = self.name + (f" ({other})" if other else "")
        if self.organization:
            text += f" — {self.organization}"
        return text[:100]


class ClaimRef:
    """One claim of one article: which, and its stance; the claim itself (text, speaker, citations, figures) is
    read from the article's body when asked."""

    __slots__ = ("_read", "article_id", "index", "stance")

    def __init__(
        self, article_id: str, index: int, stance: str, read: Callable[[str], Article | None]
    ) -> None:
        self.article_id = article_id
        self.index = index
        self.stance = stance
        self._read = read

    @property
    def claim(self) -> Claim:
        article = self._read(self.article_id)
        if article is None or self.index >= len(article.claims):
            raise LookupError(f"claim {self.index} of article {self.article_id} is no longer stored")
        return article.claims[self.index]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ClaimRef):
            return NotImplemented
        return (self.article_id, self.index) == (other.article_id, other.index)

    def __hash__(self) -> int:
        return hash((self.article_id, self.index))

    def __repr__(self) -> str:
        return f"ClaimRef({self.article_id!r}, {self.index})"


@dataclass
class RegistryEntry:
    name: str
    aliases: list[str]
    organization: str | None = None
    role: str | None = None


def load_registry(path: Path | None) -> list[RegistryEntry]:
    """Read ``people.toml``; a missing file is an empty registry, a malformed one an error naming the file."""
    if path is None or not Path(path).is_file():
        return []
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: not valid TOML ({exc})") from exc
    out: list[RegistryEntry] = []
    for item in data.get("person", []):
        if not isinstance(item, dict) or not item.get("name"):
            raise ValueError(f"{path}: every [[person]] needs a name")
        out.append(
            RegistryEntry(
                name=str(item["name"]),
                aliases=[str(a) for a in item.get("aliases", [])],
                organization=item.get("organization"),
                role=item.get("role"),
            )
        )
    return out


_COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 司徒 东方 皇甫 令狐 慕容 尉迟 长孙 夏侯 公孙 端木".split()
)


@lru_cache(maxsize=65536)
def pinyin_forms(name: str) -> tuple[str, ...]:
    """Latin spellings of a Chinese personal name: 黄仁勋 -> ('huang renxun', 'huangrenxun', 'renxun huang')."""
    han = name.strip()
    if not han or not all("\u4e00" <= ch <= "\u9fff" for ch in han) or not 2 <= len(han) <= 4:
        return ()
    syllables = lazy_pinyin(han, errors="ignore")
    if len(syllables) != len(han):
        return ()
    cut = 2 if han[:2] in _COMPOUND_SURNAMES and len(han) > 2 else 1
    family, given = "".join(syllables[:cut]), "".join(syllables[cut:])
    return (f"{family} {given}", f"{family}{given}", f"{given} {family}")


def _words(text: str) -> list[str]:
    """Search tokens: folded Latin words and CJK character bigrams."""
    out = [w for w in fold(text).split() if not has_cjk(w)]
    for run in re.findall(r"[\u3400-\u9fff]+", text):
        out.extend(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    return out


def _when(article: Article) -> tuple[str, str]:
    """How articles are ordered: published date, then title (newest first is this, descending)."""
    return (article.published_at or "", article.title)


def _epoch_of(published_at: str) -> float:
    """The publication time as a number, for the title index's newest-first top-k."""
    try:
        return datetime.fromisoformat(published_at).timestamp()
    except ValueError:
        return 0.0


_STANCES = [s.value for s in Stance]  # a claim's stance is stored as its number here
_STANCE_CODE = {s: i for i, s in enumerate(_STANCES)}


_TITLE_TYPO_CUTOFF = 75  # rapidfuzz WRatio a misspelt title must reach to be offered
ABOUT_SCAN = 3000  # claims whose text /claims about: reads, newest first, when bodies stay in the store
_TITLE_SCAN = 2000  # the substring fallback of title autocomplete looks at this many newest titles at most


def _with_people_orgs(facts: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """An article record's organizations (name, other spellings) and those its people are placed in."""
    orgs = [(str(name), list(aliases)) for name, aliases in facts["orgs"]]
    for _, _, org, _ in facts["people"]:
        org = " ".join(str(org or "").split())
        if not org:
            continue
        same = next((o for o in orgs if any(same_org(org, n) for n in (o[0], *o[1]))), None)
        if same is None:
            orgs.append((org, []))
        elif fold(org) not in {fold(n) for n in (same[0], *same[1])}:
            same[1].append(org)
    return orgs


class Library:
    """The articles of one owner with the indexes every command needs. Built whole (oldest first, so canonical
    names are stable), then kept up to date one article at a time by :meth:`add`; removing or replacing an
    article rebuilds.

    Built from Article objects (``Library(articles)``: bodies kept in memory), or from the store's library rows
    (:meth:`from_rows`): then only the indexes are in memory, and an article's body is read on demand by id
    through ``load`` with a small LRU cache."""

    def __init__(
        self,
        articles: Iterable[Article] = (),
        registry: list[RegistryEntry] | None = None,
        records: dict[str, str] | None = None,
    ) -> None:
        """``records``: article id -> its stored record (``bot.library.index.article_record``), so the build reads which
        people and organizations each claim names instead of scanning the claims' text again."""
        self.registry = registry or []
        self._records: dict[str, str] = records or {}  # read (never changed) while building
        self._people_cache: list[PersonEntry] | None = None
        self._articles: dict[str, Article] = {}  # bodies held in memory
        self._head: dict[str, tuple[str, str]] = {}  # every article: id -> (published_at, title)
        self._load: Callable[[str], Article | None] | None = None
        self._cache: OrderedDict[str, Article] = OrderedDict()
        self.cache_size = 0
        for article in articles:
            self._articles[article.id] = article
            self._head[article.id] = _when(article)
        self._rebuild()

    @classmethod
    def from_rows(
        cls,
        rows: Iterable[LibraryRow],
        load: Callable[[str], Article | None],
        registry: list[RegistryEntry] | None = None,
        cache: int = 512,
    ) -> Library:
        """A library of the store's library rows (no article body in memory); ``load`` reads one body by id,
        and the last ``cache`` bodies read are kept."""
        library = cls.__new__(cls)
        library.cache_size = cache
        library.registry = registry or []
        library._records = {}
        library._people_cache = None
        library._articles = {}
        library._head = {}
        library._load = load
        library._cache = OrderedDict()
        for row in rows:
            library._head[row.article_id] = (row.published_at or "", row.title)
            if row.record is not None:
                library._records[row.article_id] = row.record
        library._rebuild()
        return library

    # ------------------------------------------------------------------ building

    def _facts(self, article_id: str) -> dict[str, Any]:
        """The article's record: stored, else derived from its body."""
        stored = self._records.get(article_id)
        held = self._articles.get(article_id)
        if stored is not None:
            data: dict[str, Any] = json.loads(stored)
            fits = held is None or (
                len(data.get("claims", ())) == len(held.claims)
                and len(data.get("people", ())) == len(held.people)
            )
            if data.get("v") == RECORD_VERSION and fits:
                return data
        article = held or self.article(article_id)
        return record_data(article) if article is not None else {"people": [], "orgs": [], "claims": []}

    def add(self, article: Article) -> None:
        """Add one article: its title, people, claims and organizations join the indexes in place (the cost
        depends on the article, not on the library). A new version of a known id rebuilds."""
        if article.id in self._head:
            self._articles[article.id] = article
            self._cache.pop(article.id, None)
            # An id is the hash of the text: a lazy library's indexes stand as they are (a rebuild reads every body).
            if not self.lazy:
                self._head[article.id] = _when(article)
                self._rebuild()
            return
        self._articles[article.id] = article
        self._head[article.id] = _when(article)
        bisect.insort(self._order, (*_when(article), article.id))
        self._people_cache = None
        self._index_title(article.id)
        facts = record_data(article)
        touched = {
            e.key: e
            for e in (
                self._merge_person(name, aliases, org, role) for name, aliases, org, role in facts["people"]
            )
        }
        for entry in touched.values():
            if article.id not in entry.article_ids:
                keys = [self._head[i] for i in entry.article_ids]
                entry.article_ids.insert(_insert_at(keys, _when(article)), article.id)
            for reg in self.registry:
                self._apply_registry(reg)
            self._index_names(entry)
            self._index_person(entry)
        self._index_claims(article.id, facts)
        self._index_organizations(article.id, facts)

    def remove(self, article_id: str) -> bool:
        found = self._head.pop(article_id, None) is not None
        if found:
            self._articles.pop(article_id, None)
            self._cache.pop(article_id, None)
            self._rebuild()
        return found

    def _rebuild(self) -> None:
        with bulk_load():  # millions of objects that all stay alive: nothing for the collector to find
            self._build_indexes()

    def _build_indexes(self) -> None:
        self._order: list[tuple[str, str, str]] = sorted((*when, aid) for aid, when in self._head.items())
        self._people_cache = None
        newest = self._newest_ids()
        # Titles: every folded word of every title, newest first within a word.
        self._anum: dict[str, int] = {}
        self._aids: list[str] = []
        self._title_fold: dict[str, str] = {}
        self._title_exact: dict[str, str] = {}
        self._titles = PrefixIndex()
        self._title_scores: list[float] = []
        pairs: list[tuple[str, int]] = []
        for aid in reversed(newest):  # oldest first: a later number is a newer article (ties in top())
            num = self._number(aid)
            pairs.extend((w, num) for w in set(self._title_fold[aid].split()))
        self._titles = PrefixIndex(pairs)
        self._titles.set_scores(self._title_scores)
        self._title_fuzzy = FuzzyIndex(self._title_fold[i] for i in self._aids)  # typos in titles
        # People, merged oldest first.
        # Each article's record is read twice (people first, oldest first; then claims, newest first) rather than
        # held parsed for every article at once: the parsed records of a large library would be its peak memory.
        self._people: dict[str, PersonEntry] = {}
        self._alias_index: dict[str, str] = {}  # key of a full name or other-script spelling -> person key
        self._surname_index: dict[str, set[str]] = defaultdict(set)
        self._given_index: dict[str, set[str]] = defaultdict(set)  # first word of a Latin full name -> people
        self._article_people: dict[str, tuple[str, ...]] = {}  # article -> its people's names
        for aid in reversed(newest):
            names = []
            for name, aliases, org, role in self._facts(aid)["people"]:
                entry = self._merge_person(name, aliases, org, role)
                names.append(name)
                if aid not in entry.article_ids:
                    entry.article_ids.append(aid)
            self._article_people[aid] = tuple(names)
        for reg in self.registry:
            self._apply_registry(reg)
        rank = {aid: i for i, aid in enumerate(newest)}
        self._pnum: dict[str, int] = {}
        self._pkeys: list[str] = []
        name_pairs: list[tuple[str, int]] = []
        fuzzy: list[str] = []
        self._fuzzy_keys: list[str] = []
        self._fuzzy_seen: set[tuple[str, str]] = set()
        for entry in self._people.values():
            entry.article_ids.sort(key=lambda i: rank.get(i, 0))
            self._index_names(entry)
            num = self._pnum.setdefault(entry.key, len(self._pkeys))
            if num == len(self._pkeys):
                self._pkeys.append(entry.key)
            for n in [*entry.all_names(), *entry.pinyin]:
                name_pairs.extend((tok, num) for tok in self._name_prefixes(n))
                choice = fold(n) or n
                if (entry.key, choice) not in self._fuzzy_seen:
                    self._fuzzy_seen.add((entry.key, choice))
                    fuzzy.append(choice)
                    self._fuzzy_keys.append(entry.key)
        self._names = PrefixIndex(name_pairs)
        self._names.set_scores(self._people[k].mentions for k in self._pkeys)
        self._fuzzy = FuzzyIndex(fuzzy)
        # Claims (as columns: article, index in it, stance), with who said them and whom they mention.
        self._claim_article: list[str] = []
        self._claim_index = array("i")
        self._claim_stance = bytearray()
        self._claims_by_speaker: dict[str, list[int]] = defaultdict(list)
        self._claims_about: dict[str, list[int]] = defaultdict(list)
        self._claims_by_org: dict[str, list[int]] = defaultdict(list)
        self._stances: Counter[str] = Counter()
        self._org_counts: Counter[str] = Counter()
        self._org_names: dict[str, str] = {}
        self._org_forms: dict[str, str] = {}
        self._article_orgs: dict[str, tuple[str, ...]] = {}
        for aid in newest:
            facts = self._facts(aid)
            if self.lazy:
                self._records.pop(aid, None)  # read for the last time (the library's own copy)
            self._index_claims(aid, facts)
            self._index_organizations(aid, facts)
        self._records = {}
        self._built_claims = len(self._claim_article)  # claims after this were added one article at a time

    def _number(self, article_id: str) -> int:
        """The article's row in the title index (new rows at the end)."""
        num = len(self._aids)
        self._anum[article_id] = num
        self._aids.append(article_id)
        published, title = self._head[article_id]
        self._title_scores.append(_epoch_of(published))
        folded = fold(title)
        self._title_fold[article_id] = folded
        known = self._title_exact.get(folded)
        if known is None or self._head[known] <= self._head[article_id]:  # the newest of equal titles
            self._title_exact[folded] = article_id
        return num

    def _index_title(self, article_id: str) -> None:
        num = self._number(article_id)
        self._title_fuzzy.add(self._title_fold[article_id])
        self._titles.set_score(num, self._title_scores[num])
        for w in set(self._title_fold[article_id].split()):
            self._titles.add(w, num)

    def _index_person(self, entry: PersonEntry) -> None:
        """A person's spellings into the name index and the fuzzy index; their mention count as the score."""
        num = self._pnum.get(entry.key)
        if num is None:
            num = self._pnum[entry.key] = len(self._pkeys)
            self._pkeys.append(entry.key)
        for n in [*entry.all_names(), *entry.pinyin]:
            for tok in self._name_prefixes(n):
                self._names.add(tok, num)
            choice = fold(n) or n
            if (entry.key, choice) not in self._fuzzy_seen:
                self._fuzzy_seen.add((entry.key, choice))
                self._fuzzy.add(choice)
                self._fuzzy_keys.append(entry.key)
        self._names.set_score(num, entry.mentions)

    def _index_claims(self, article_id: str, facts: dict[str, Any]) -> None:
        """Each claim under its speaker, the people it is about and the organizations it names (which of the
        article's people and organizations a claim's text names is in the article's record)."""
        people = [self.person_key_for(p[0]) for p in facts["people"]]
        orgs = [fold(o[0]) for o in facts["orgs"]]
        if article_id not in self._article_people:
            self._article_people[article_id] = tuple(p[0] for p in facts["people"])
        speakers: dict[str, str | None] = {}  # the article's speakers, each looked up once
        refs, stance_code, stances = self._claim_article, _STANCE_CODE, self._stances
        by_speaker, about, by_org = self._claims_by_speaker, self._claims_about, self._claims_by_org
        for i, (stance, speaker_name, who, which) in enumerate(facts["claims"]):
            ref = len(refs)
            refs.append(article_id)
            self._claim_index.append(i)
            self._claim_stance.append(stance_code[stance])
            stances[stance] += 1
            speaker = None
            if speaker_name:
                if speaker_name not in speakers:
                    speakers[speaker_name] = self.person_key_for(speaker_name)
                speaker = speakers[speaker_name]
                if speaker:
                    by_speaker[speaker].append(ref)
                else:
                    by_org[fold(speaker_name)].append(ref)
            if who:
                for pkey in {people[p] for p in who if p < len(people)}:
                    if pkey is not None and pkey != speaker:
                        about[pkey].append(ref)
            if which:
                for org in {orgs[p] for p in which if p < len(orgs)}:
                    by_org[org].append(ref)

    def _index_organizations(self, article_id: str, facts: dict[str, Any]) -> None:
        """Counts per organization; names as the newest article spells them. An organization the article
        names only as a person's ("Tobias Wren of Quiet Harbor Robotics") counts too, and a person's spelling
        of one the article already names ("Walt Disney Company" beside "Disney") is another of its forms."""
        newest = self._order[-1][2] == article_id if self._order else True
        for name, aliases in _with_people_orgs(facts):
            k = fold(name)
            if newest or k not in self._org_names:
                self._org_names[k] = name
            for n in [name, *aliases]:
                if newest or fold(n) not in self._org_forms:
                    self._org_forms[fold(n)] = name
        keys = tuple(dict.fromkeys(fold(o[0]) for o in _with_people_orgs(facts)))
        self._article_orgs[article_id] = keys
        for k in keys:
            self._org_counts[k] += 1

    def _merge_person(
        self, name: str, aliases: list[str], organization: str | None, role: str | None
    ) -> PersonEntry:
        keys = [key(name)] + [key(a) for a in aliases if has_cjk(a) or len(a.split()) > 1]
        found = next((self._alias_index[k] for k in keys if k in self._alias_index), None)
        if found is None:
            found = next((k for k in keys if k in self._people), None)
        if found is None:
            entry = PersonEntry(key=key(name) or name, name=name)
            self._people[entry.key] = entry
        else:
            entry = self._people[found]
            if name != entry.name:
                entry.aliases.add(name)
        entry.aliases.update(a for a in aliases if a != entry.name)
        if role and (not entry.role or entry.role.startswith("former")):
            entry.role = role
            entry.organization = organization or entry.organization
        elif organization and not entry.organization:
            entry.organization = organization
        for k in keys:
            self._alias_index.setdefault(k, entry.key)
        return entry

    def _apply_registry(self, reg: RegistryEntry) -> None:
        names = [reg.name, *reg.aliases]
        target = next((self._alias_index[key(n)] for n in names if key(n) in self._alias_index), None)
        if target is None:
            return  # the registry only adds to people the articles mention
        entry = self._people[target]
        for n in names:
            if n != entry.name:
                entry.aliases.add(n)
            self._alias_index.setdefault(key(n), entry.key)
        entry.organization = entry.organization or reg.organization
        entry.role = entry.role or reg.role

    def _index_names(self, entry: PersonEntry) -> None:
        spelled = list(
            dict.fromkeys(p for n in entry.all_names() for p in pinyin_forms(n))
        )  # family name first
        entry.pinyin = spelled
        for form in spelled:
            self._alias_index.setdefault(key(form), entry.key)
        for n in entry.all_names():
            k = key(n)
            if has_cjk(n) or len(n.split()) > 1:
                self._alias_index.setdefault(k, entry.key)
            else:
                self._surname_index[k].add(entry.key)
        s = surname(entry.name)
        if s:
            self._surname_index[key(s)].add(entry.key)
        words = entry.name.split()
        if len(words) > 1 and not has_cjk(entry.name):
            self._given_index[key(words[0])].add(entry.key)

    @staticmethod
    def _name_prefixes(name: str) -> list[str]:
        """Tokens a typed prefix can match: each folded word, the whole folded name, and CJK characters."""
        folded = fold(name)
        toks = folded.split()
        out = [*toks, folded.replace(" ", "")]
        if has_cjk(name):
            out.append(name)
            out.extend(name[i:] for i in range(1, len(name)))
        return out

    # ------------------------------------------------------------------ articles

    def __len__(self) -> int:
        return len(self._head)

    def _newest_ids(self) -> list[str]:
        return [i for *_, i in reversed(self._order)]

    def article_ids(self) -> list[str]:
        """Every article's id, newest first (no body is read)."""
        return self._newest_ids()

    def when(self, article_id: str) -> tuple[str, str] | None:
        """(published_at, title) of an article, how articles are ordered; None for one the library lacks."""
        return self._head.get(article_id)

    @property
    def lazy(self) -> bool:
        """Whether bodies are read on demand (built from library rows) rather than held."""
        return self._load is not None

    @property
    def articles(self) -> Sequence[Article]:
        """Newest first: a list when the bodies are held, else a sequence that reads a body when looked at."""
        listed = ArticleList(self._newest_ids(), self.article)
        return listed if self.lazy else list(listed)

    def article(self, article_id: str) -> Article | None:
        found = self._articles.get(article_id)
        if found is not None or self._load is None or article_id not in self._head:
            return found
        found = self._cache.get(article_id)
        if found is not None:
            self._cache.move_to_end(article_id)
            return found
        found = self._load(article_id)
        if found is not None:
            self._cache[article_id] = found
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return found

    def find_exact(self, text: str) -> Article | None:
        """By id or exact title (any case)."""
        text = text.strip()
        if text in self._head:
            return self.article(text)
        found = self._title_exact.get(fold(text))
        return self.article(found) if found else None

    def find_article(self, text: str) -> Article | None:
        """By id, exact title, or the best title match."""
        text = text.strip()
        if not text:
            return None
        found = self.find_exact(text)
        if found is not None:
            return found
        hits = self.autocomplete_articles(text, limit=1)
        return self.article(hits[0][1]) if hits else None

    def _label(self, article_id: str) -> str:
        published, title = self._head[article_id]
        return _label_of(title, published)

    def autocomplete_articles(self, text: str, limit: int = 25) -> list[tuple[str, str]]:
        """(title label, article id) for the /summary autocomplete: every typed word the start of a title
        word, newest first; then titles holding what was typed anywhere (among the newest); empty input lists
        the newest articles."""
        limit = min(limit, 25)
        folded = fold(text)
        if not folded:
            return [(self._label(i), i) for *_, i in reversed(self._order[-limit:])] if limit > 0 else []
        words = folded.split()
        # The rarest word picks the candidates (newest first); every other word must start a title word too.
        rarest = min(words, key=lambda w: self._titles.count(w) if len(w) > 1 else len(self._titles))
        found: list[str] = []
        for num in self._titles.top(rarest, 8 * limit if len(words) > 1 else limit):
            aid = self._aids[num]
            title_words = self._title_fold[aid].split()
            if aid in self._head and all(any(t.startswith(w) for t in title_words) for w in words):
                found.append(aid)
        # A title that starts with what was typed comes first ("Meta" -> "Meta takes a 49% stake …").
        found.sort(key=lambda aid: not self._title_fold[aid].startswith(folded))
        found = found[:limit]
        if len(found) < limit:
            seen = set(found)
            for *_, aid in reversed(self._order[-_TITLE_SCAN:]):
                if aid not in seen and folded in self._title_fold[aid]:
                    found.append(aid)
                    seen.add(aid)
                    if len(found) >= limit:
                        break
        if not found and len(folded) >= 4:  # nothing by words or letters: typos ("opneai veterns")
            for num, _ in self._title_fuzzy.search(folded, limit, cutoff=_TITLE_TYPO_CUTOFF):
                aid = self._aids[num]
                if aid in self._head and aid not in found:
                    found.append(aid)
        return [(self._label(i), i) for i in found[:limit]]

    # ------------------------------------------------------------------ people

    @property
    def people(self) -> list[PersonEntry]:
        """Most mentioned first."""
        if self._people_cache is None:
            self._people_cache = sorted(self._people.values(), key=lambda e: (-e.mentions, e.name))
        return list(self._people_cache)

    def person_key_for(self, name: str | None) -> str | None:
        if not name:
            return None
        k = key(name)
        if k in self._people:
            return k
        if k in self._alias_index:
            return self._alias_index[k]
        owners = self._surname_index.get(k)
        if owners and len(owners) == 1:
            return next(iter(owners))
        if not owners:  # a first name that only one person has ("Jensen")
            given = self._given_index.get(k)
            if given and len(given) == 1:
                return next(iter(given))
        return None

    def person(self, name: str) -> PersonEntry | None:
        """Exact name, any spelling, or an unambiguous surname; None when nothing matches exactly."""
        pkey = self.person_key_for(name.split(" — ")[0].strip())
        return self._people.get(pkey) if pkey else None

    def person_by_key(self, pkey: str) -> PersonEntry | None:
        return self._people.get(pkey)

    def suggest_people(self, name: str, limit: int = 5) -> list[PersonEntry]:
        """The closest names for 'did you mean' (typos, other word order, partial names)."""
        folded = fold(name) or name
        if not folded:
            return []
        out: list[PersonEntry] = []
        hits = self._fuzzy.search(folded, limit * 4, cutoff=60)
        # Equal scores in a fixed order (by key), however the index was built.
        hits.sort(key=lambda hit: (-hit[1], self._fuzzy_keys[hit[0]]))
        for idx, _ in hits:
            entry = self._people[self._fuzzy_keys[idx]]
            if entry not in out:
                out.append(entry)
            if len(out) >= limit:
                break
        return out

    def autocomplete_people(self, text: str, limit: int = 25) -> list[PersonEntry]:
        """Prefix of any name word or spelling (surnames, other scripts), then typos; most mentioned first."""
        limit = min(limit, 25)
        folded = fold(text)
        if not folded and not has_cjk(text):
            return self.people[:limit]
        probe = text.strip() if has_cjk(text) else folded.replace(" ", "")
        words = folded.split()
        probes = {probe, *words} if folded else {probe}
        nums: list[int] = []
        for p in sorted(probes, key=len, reverse=True):  # the most specific probe first
            nums.extend(self._names.top(p, 8 * limit if len(words) > 1 else limit))
        keys = [self._pkeys[n] for n in dict.fromkeys(nums)]
        if len(words) > 1:
            # Every typed word must match some word of the name.
            keys = [
                k
                for k in keys
                if all(
                    any(fold(n).replace(" ", "").find(w) >= 0 for n in self._people[k].all_names())
                    for w in words
                )
            ] or keys
        found = sorted((self._people[k] for k in keys), key=lambda e: (-e.mentions, e.name))
        if len(found) < limit:
            for entry in self.suggest_people(text, limit=limit):
                if entry not in found:
                    found.append(entry)
        return found[:limit]

    def people_in(self, article_id: str) -> list[PersonEntry]:
        out: list[PersonEntry] = []
        for name in self._article_people.get(article_id, ()):
            pkey = self.person_key_for(name)
            if pkey and self._people[pkey] not in out:
                out.append(self._people[pkey])
        return out

    # ------------------------------------------------------------------ claims

    def _in_order(self, refs: Iterable[int]) -> list[int]:
        """Claim numbers newest article first: those indexed at build already are; later additions are merged
        in by their article's date."""
        refs = sorted(set(refs))
        cut = bisect.bisect_left(refs, self._built_claims)
        if cut == len(refs):
            return refs

        def when(r: int) -> tuple[str, str]:
            return self._head[self._claim_article[r]]

        later = sorted(refs[cut:], key=when, reverse=True)
        return list(heapq.merge(later, refs[:cut], key=when, reverse=True))

    def claims(
        self,
        article: str | None = None,
        person: str | None = None,
        organization: str | None = None,
        stance: Stance | str | None = None,
        about: str | None = None,
        person_key: str | None = None,
    ) -> list[ClaimRef]:
        """Claims filtered by article id, person (said by or about; by name, or by ``person_key``),
        organization, stance and text (in a library that keeps no bodies, text alone searches the newest
        ``ABOUT_SCAN`` claims of those the other filters leave)."""
        refs: Iterable[int]
        if person is not None or person_key is not None:
            pkey = person_key or self.person_key_for(person)
            if pkey is None:
                return []
            refs = self._in_order([*self._claims_by_speaker.get(pkey, []), *self._claims_about.get(pkey, [])])
        elif organization is not None:
            refs = self._in_order(self._claims_by_org.get(fold(organization), []))
        else:
            refs = self._in_order(range(len(self._claim_article)))
        if about and self.lazy and article is None:
            # Matching text reads bodies: over a library that keeps none, only the newest claims are searched.
            refs = list(refs)[:ABOUT_SCAN]
        want_stance = _STANCE_CODE[Stance(stance).value] if stance else None
        about_words = _words(about) if about else []
        out: list[ClaimRef] = []
        for r in refs:
            if article is not None and self._claim_article[r] != article:
                continue
            if want_stance is not None and self._claim_stance[r] != want_stance:
                continue
            ref = self._ref(r)
            if about_words:
                words = set(_words(ref.claim.text))
                if not all(w in words or any(x.startswith(w) for x in words) for w in about_words):
                    continue
            out.append(ref)
        return out

    def _ref(self, r: int) -> ClaimRef:
        return ClaimRef(
            self._claim_article[r], self._claim_index[r], _STANCES[self._claim_stance[r]], self.article
        )

    def claims_by(self, person: PersonEntry) -> list[ClaimRef]:
        return self.claims_by_key(person.key)

    def claims_about(self, person: PersonEntry) -> list[ClaimRef]:
        return self.claims_about_key(person.key)

    def claims_by_key(self, pkey: str) -> list[ClaimRef]:
        return [self._ref(i) for i in self._in_order(self._claims_by_speaker.get(pkey, []))]

    def claims_about_key(self, pkey: str) -> list[ClaimRef]:
        return [self._ref(i) for i in self._in_order(self._claims_about.get(pkey, []))]

    # ------------------------------------------------------------------ organizations

    def organizations(self) -> list[tuple[str, int]]:
        """(name, articles mentioning it), most mentioned first; one entry per folded name."""
        names = self._org_names
        return [
            (names[k], n) for k, n in sorted(self._org_counts.items(), key=lambda kv: (-kv[1], names[kv[0]]))
        ]

    def organization(self, text: str) -> str | None:
        """The organization named ``text`` (its name or an alias, any case), as articles spell it."""
        wanted = fold(text)
        return self._org_forms.get(wanted) if wanted else None

    def organization_keys_in(self, article_id: str) -> set[str]:
        """The folded names of the organizations an article mentions."""
        return set(self._article_orgs.get(article_id, ()))

    def autocomplete_organizations(self, text: str, limit: int = 25) -> list[str]:
        wanted = fold(text)
        found = [name for name, _ in self.organizations() if not wanted or wanted in fold(name)]
        found.sort(key=lambda name: not fold(name).startswith(wanted))  # stable: prefix matches first
        return found[:limit]

    def stats(self) -> dict[str, int]:
        return {
            "articles": len(self._head),
            "people": len(self._people),
            "claims": len(self._claim_article),
            "organizations": len(self._org_counts),
        }

    def stance_counts(self) -> Counter[str]:
        return Counter(self._stances)


def _insert_at(keys: list[tuple[str, str]], when: tuple[str, str]) -> int:
    """Where an article goes in a newest-first list whose articles have these (date, title) keys."""
    lo, hi = 0, len(keys)
    while lo < hi:
        mid = (lo + hi) // 2
        if keys[mid] > when:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _label_of(title: str, published_at: str | None) -> str:
    date = (published_at or "")[:10]
    label = title if not date else f"{title} ({date})"
    if len(label) > 100:
        suffix = f" ({date})" if date else ""
        label = title[: 99 - len(suffix)].rstrip() + "…" + suffix
    return label


def _label(article: Article) -> str:
    return _label_of(article.title, article.published_at)


class ArticleList(Sequence[Article]):
    """Articles by id, newest first, each body read when it is looked at (``library.articles``): its length and
    a page of it cost nothing like the whole."""

    def __init__(self, ids: list[str], read: Callable[[str], Article | None]) -> None:
        self.ids = ids
        self._read = read

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, i: int) -> Article: ...

    @overload
    def __getitem__(self, i: slice) -> list[Article]: ...

    def __getitem__(self, i: int | slice) -> Article | list[Article]:
        if isinstance(i, slice):
            return [a for a in (self._read(x) for x in self.ids[i]) if a is not None]
        found = self._read(self.ids[i])
        if found is None:
            raise IndexError(f"article {self.ids[i]} is no longer stored")
        return found

    def __iter__(self) -> Iterator[Article]:
        for aid in self.ids:
            found = self._read(aid)
            if found is not None:
                yield found

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ArticleList):
            return self.ids == other.ids
        if isinstance(other, list):
            return list(self) == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]
