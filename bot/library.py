"""The Library: every article the bot knows right now, with the indexes every command needs.

Synchronous and in memory, so that autocomplete and lookups never wait on the database. People are merged
across articles by name key and by their other-script or multi-word spellings; a surname alone finds a person
but never merges two.
"""

from __future__ import annotations

import bisect
import heapq
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from pypinyin import lazy_pinyin

from bot.article import Article, Claim, Stance
from bot.article.names import fold, has_cjk, key, surname
from bot.index import FuzzyIndex, PrefixIndex
from bot.memory import bulk_load


@dataclass
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


@dataclass(frozen=True)
class ClaimRef:
    article_id: str
    index: int
    claim: Claim


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


def _epoch(article: Article) -> float:
    """The publication time as a number, for the title index's newest-first top-k."""
    try:
        return datetime.fromisoformat(article.published_at or "").timestamp()
    except ValueError:
        return 0.0


_TITLE_TYPO_CUTOFF = 75  # rapidfuzz WRatio a misspelt title must reach to be offered
_TITLE_SCAN = 2000  # the substring fallback of title autocomplete looks at this many newest titles at most


class Library:
    """The articles of one owner with the indexes every command needs. Built whole from a list of articles
    (oldest first, so canonical names are stable), then kept up to date one article at a time by :meth:`add`;
    removing or replacing an article rebuilds."""

    def __init__(self, articles: Iterable[Article] = (), registry: list[RegistryEntry] | None = None) -> None:
        self.registry = registry or []
        self._newest_cache: list[Article] | None = None
        self._people_cache: list[PersonEntry] | None = None
        self._articles: dict[str, Article] = {}
        for article in articles:
            self._articles[article.id] = article
        self._rebuild()

    # ------------------------------------------------------------------ building

    def add(self, article: Article) -> None:
        """Add one article: its title, people, claims and organizations join the indexes in place (the cost
        depends on the article, not on the library). A new version of a known id rebuilds."""
        if article.id in self._articles:
            self._articles[article.id] = article
            self._rebuild()
            return
        self._articles[article.id] = article
        bisect.insort(self._order, (*_when(article), article.id))
        self._newest_cache = None
        self._people_cache = None
        self._index_title(article)
        touched = {
            e.key: e
            for e in (self._merge_person(p.name, p.aliases, p.organization, p.role) for p in article.people)
        }
        for entry in touched.values():
            if article.id not in entry.article_ids:
                keys = [_when(self._articles[i]) for i in entry.article_ids]
                entry.article_ids.insert(_insert_at(keys, _when(article)), article.id)
            for reg in self.registry:
                self._apply_registry(reg)
            self._index_names(entry)
            self._index_person(entry)
        self._index_claims(article)
        self._index_organizations(article)

    def remove(self, article_id: str) -> bool:
        found = self._articles.pop(article_id, None) is not None
        if found:
            self._rebuild()
        return found

    def _rebuild(self) -> None:
        with bulk_load():  # millions of objects that all stay alive: nothing for the collector to find
            self._build_indexes()

    def _build_indexes(self) -> None:
        self._order: list[tuple[str, str, str]] = sorted((*_when(a), a.id) for a in self._articles.values())
        self._newest_cache = None
        self._people_cache = None
        newest = self._newest
        # Titles: every folded word of every title, newest first within a word.
        self._anum: dict[str, int] = {}
        self._aids: list[str] = []
        self._title_fold: dict[str, str] = {}
        self._title_exact: dict[str, str] = {}
        self._titles = PrefixIndex()
        self._title_scores: list[float] = []
        pairs: list[tuple[str, int]] = []
        for article in reversed(newest):  # oldest first: a later number is a newer article (ties in top())
            num = self._number(article)
            pairs.extend((w, num) for w in set(self._title_fold[article.id].split()))
        self._titles = PrefixIndex(pairs)
        self._titles.set_scores(self._title_scores)
        self._title_fuzzy = FuzzyIndex(self._title_fold[i] for i in self._aids)  # typos in titles
        # People, merged oldest first.
        self._people: dict[str, PersonEntry] = {}
        self._alias_index: dict[str, str] = {}  # key of a full name or other-script spelling -> person key
        self._surname_index: dict[str, set[str]] = defaultdict(set)
        self._given_index: dict[str, set[str]] = defaultdict(set)  # first word of a Latin full name -> people
        for article in reversed(newest):
            for person in article.people:
                entry = self._merge_person(person.name, person.aliases, person.organization, person.role)
                if article.id not in entry.article_ids:
                    entry.article_ids.append(article.id)
        for reg in self.registry:
            self._apply_registry(reg)
        rank = {a.id: i for i, a in enumerate(newest)}
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
        # Claims, with who said them and whom they mention; organizations.
        self._claims: list[ClaimRef] = []
        self._claims_by_speaker: dict[str, list[int]] = defaultdict(list)
        self._claims_about: dict[str, list[int]] = defaultdict(list)
        self._claims_by_org: dict[str, list[int]] = defaultdict(list)
        self._stances: Counter[str] = Counter()
        self._org_counts: Counter[str] = Counter()
        self._org_names: dict[str, str] = {}
        self._org_forms: dict[str, str] = {}
        for article in newest:
            self._index_claims(article)
            self._index_organizations(article)
        self._built_claims = len(self._claims)  # claims after this were added one article at a time

    def _number(self, article: Article) -> int:
        """The article's row in the title index (new rows at the end)."""
        num = len(self._aids)
        self._anum[article.id] = num
        self._aids.append(article.id)
        self._title_scores.append(_epoch(article))
        folded = fold(article.title)
        self._title_fold[article.id] = folded
        known = self._title_exact.get(folded)
        if known is None or _when(self._articles[known]) <= _when(article):  # the newest of equal titles
            self._title_exact[folded] = article.id
        return num

    def _index_title(self, article: Article) -> None:
        num = self._number(article)
        self._title_fuzzy.add(self._title_fold[article.id])
        self._titles.set_score(num, self._title_scores[num])
        for w in set(self._title_fold[article.id].split()):
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

    def _index_claims(self, article: Article) -> None:
        # One pass per article for all its people and organizations, run once per claim.
        targets: dict[str, tuple[str, str]] = {}  # spelling -> ("person", key) | ("org", folded name)
        for form, pkey in self._forms_for(article):
            targets.setdefault(form, ("person", pkey))
        for org in article.organizations:
            for n in [org.name, *org.aliases]:
                targets.setdefault(n, ("org", fold(org.name)))
        # Few spellings: each is looked for in each claim. Many (an article naming thousands of people, as a
        # hostile upload can): one scan of each claim's text instead, so the work grows with the text, not with
        # claims x spellings (that product froze the bot for seconds on a 1 MB upload).
        scan = _FormScan(targets) if len(targets) > _SCAN_FROM else None
        for i, claim in enumerate(article.claims):
            ref = len(self._claims)
            self._claims.append(ClaimRef(article.id, i, claim))
            self._stances[claim.stance.value] += 1
            speaker = self.person_key_for(claim.speaker) if claim.speaker else None
            if speaker:
                self._claims_by_speaker[speaker].append(ref)
            elif claim.speaker:
                self._claims_by_org[fold(claim.speaker)].append(ref)
            text = claim.text
            found = (
                _mentioned(text, scan)
                if scan is not None
                else (f for f in targets if f in text and _mentions(text, f))
            )
            for kind, target in {targets[f] for f in found}:
                if kind == "person" and target != speaker:
                    self._claims_about[target].append(ref)
                elif kind == "org":
                    self._claims_by_org[target].append(ref)

    def _index_organizations(self, article: Article) -> None:
        """Counts per organization; names as the newest article spells them."""
        newest = self._order[-1][2] == article.id if self._order else True
        for org in article.organizations:
            k = fold(org.name)
            if newest or k not in self._org_names:
                self._org_names[k] = org.name
            for n in [org.name, *org.aliases]:
                if newest or fold(n) not in self._org_forms:
                    self._org_forms[fold(n)] = org.name
        for k in {fold(o.name) for o in article.organizations}:
            self._org_counts[k] += 1

    def _forms_for(self, article: Article) -> list[tuple[str, str]]:
        forms: list[tuple[str, str]] = []
        for person in article.people:
            pkey = self.person_key_for(person.name)
            if pkey:
                forms.extend((n, pkey) for n in [person.name, *person.aliases])
        return forms

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
        return len(self._articles)

    @property
    def _newest(self) -> list[Article]:
        if self._newest_cache is None:
            self._newest_cache = [self._articles[i] for *_, i in reversed(self._order)]
        return self._newest_cache

    @property
    def articles(self) -> list[Article]:
        """Newest first."""
        return list(self._newest)

    def article(self, article_id: str) -> Article | None:
        return self._articles.get(article_id)

    def find_exact(self, text: str) -> Article | None:
        """By id or exact title (any case)."""
        text = text.strip()
        if text in self._articles:
            return self._articles[text]
        found = self._title_exact.get(fold(text))
        return self._articles[found] if found else None

    def find_article(self, text: str) -> Article | None:
        """By id, exact title, or the best title match."""
        text = text.strip()
        if not text:
            return None
        found = self.find_exact(text)
        if found is not None:
            return found
        hits = self.autocomplete_articles(text, limit=1)
        return self._articles[hits[0][1]] if hits else None

    def autocomplete_articles(self, text: str, limit: int = 25) -> list[tuple[str, str]]:
        """(title label, article id) for the /summary autocomplete: every typed word the start of a title
        word, newest first; then titles holding what was typed anywhere (among the newest); empty input lists
        the newest articles."""
        limit = min(limit, 25)
        folded = fold(text)
        if not folded:
            return [(_label(a), a.id) for a in self._newest[:limit]]
        words = folded.split()
        # The rarest word picks the candidates (newest first); every other word must start a title word too.
        rarest = min(words, key=lambda w: self._titles.count(w) if len(w) > 1 else len(self._titles))
        found: list[str] = []
        for num in self._titles.top(rarest, 8 * limit if len(words) > 1 else limit):
            aid = self._aids[num]
            title_words = self._title_fold[aid].split()
            if aid in self._articles and all(any(t.startswith(w) for t in title_words) for w in words):
                found.append(aid)
        # A title that starts with what was typed comes first ("Meta" -> "Meta takes a 49% stake …").
        found.sort(key=lambda aid: not self._title_fold[aid].startswith(folded))
        found = found[:limit]
        if len(found) < limit:
            seen = set(found)
            for a in self._newest[:_TITLE_SCAN]:
                if a.id not in seen and folded in self._title_fold[a.id]:
                    found.append(a.id)
                    seen.add(a.id)
                    if len(found) >= limit:
                        break
        if not found and len(folded) >= 4:  # nothing by words or letters: typos ("opneai veterns")
            for num, _ in self._title_fuzzy.search(folded, limit, cutoff=_TITLE_TYPO_CUTOFF):
                aid = self._aids[num]
                if aid in self._articles and aid not in found:
                    found.append(aid)
        return [(_label(self._articles[i]), i) for i in found[:limit]]

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
        article = self._articles.get(article_id)
        if article is None:
            return []
        out: list[PersonEntry] = []
        for p in article.people:
            pkey = self.person_key_for(p.name)
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
            return _when(self._articles[self._claims[r].article_id])

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
        organization, stance and text."""
        refs: Iterable[int]
        if person is not None or person_key is not None:
            pkey = person_key or self.person_key_for(person)
            if pkey is None:
                return []
            refs = self._in_order([*self._claims_by_speaker.get(pkey, []), *self._claims_about.get(pkey, [])])
        elif organization is not None:
            refs = self._in_order(self._claims_by_org.get(fold(organization), []))
        else:
            refs = self._in_order(range(len(self._claims)))
        want_stance = Stance(stance) if stance else None
        about_words = _words(about) if about else []
        out: list[ClaimRef] = []
        for r in refs:
            ref = self._claims[r]
            if article is not None and ref.article_id != article:
                continue
            if want_stance is not None and ref.claim.stance != want_stance:
                continue
            if about_words:
                words = set(_words(ref.claim.text))
                if not all(w in words or any(x.startswith(w) for x in words) for w in about_words):
                    continue
            out.append(ref)
        return out

    def claims_by(self, person: PersonEntry) -> list[ClaimRef]:
        return self.claims_by_key(person.key)

    def claims_about(self, person: PersonEntry) -> list[ClaimRef]:
        return self.claims_about_key(person.key)

    def claims_by_key(self, pkey: str) -> list[ClaimRef]:
        return [self._claims[i] for i in self._in_order(self._claims_by_speaker.get(pkey, []))]

    def claims_about_key(self, pkey: str) -> list[ClaimRef]:
        return [self._claims[i] for i in self._in_order(self._claims_about.get(pkey, []))]

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
        article = self._articles.get(article_id)
        return {fold(o.name) for o in article.organizations} if article else set()

    def autocomplete_organizations(self, text: str, limit: int = 25) -> list[str]:
        wanted = fold(text)
        found = [name for name, _ in self.organizations() if not wanted or wanted in fold(name)]
        found.sort(key=lambda name: not fold(name).startswith(wanted))  # stable: prefix matches first
        return found[:limit]

    def stats(self) -> dict[str, int]:
        return {
            "articles": len(self._articles),
            "people": len(self._people),
            "claims": len(self._claims),
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


# From this many spellings in one article, claims are scanned once rather than searched spelling by spelling.
_SCAN_FROM = 64


class _FormScan:
    """Every prefix of a set of spellings (each at most 120 characters, the model's bound), so that one pass
    over a text finds every spelling in it, extending each start only while it is a prefix of some spelling."""

    def __init__(self, forms: Iterable[str]) -> None:
        self.forms = {f for f in forms if f}
        self.prefixes = {f[:k] for f in self.forms for k in range(1, len(f) + 1)}
        self.longest = max((len(f) for f in self.forms), default=0)


def _mentioned(text: str, scan: _FormScan) -> set[str]:
    """The spellings of ``scan`` that :func:`_mentions` finds in ``text``, in time linear in the text."""
    found: set[str] = set()
    n = len(text)
    for i in range(n):
        if text[i] not in scan.prefixes:
            continue
        for j in range(i + 1, min(n, i + scan.longest) + 1):
            part = text[i:j]
            if part not in scan.prefixes:
                break
            if part in scan.forms and part not in found and (has_cjk(part) or _whole_word(text, i, j)):
                found.add(part)
    return found


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-")


def _mentions(text: str, form: str) -> bool:
    """Whether ``form`` occurs in ``text`` as a whole word (Chinese spellings: anywhere)."""
    if not form:
        return False
    start = text.find(form)
    if start < 0 or has_cjk(form):
        return start >= 0
    while start >= 0:
        end = start + len(form)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
            return True
        start = text.find(form, start + 1)
    return False


def _label(article: Article) -> str:
    date = (article.published_at or "")[:10]
    label = article.title if not date else f"{article.title} ({date})"
    if len(label) > 100:
        suffix = f" ({date})" if date else ""
        label = article.title[: 99 - len(suffix)].rstrip() + "…" + suffix
    return label
