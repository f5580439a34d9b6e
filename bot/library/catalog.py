"""Every server sees the global articles and its own: the Catalog holds one Library per owner.

The shared :class:`Library` indexes the global articles (the operator's folders and feeds) and answers for
every server that added and hid nothing, exactly as before. A server with uploads of its own gets a small
Library of just those, and a server that hid global articles gets them filtered out; its :class:`ScopedView`
merges the two (a person in both is one person). Nothing one server adds or hides reaches another server's
answers, and an upload rebuilds only its server's small library.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from rapidfuzz import fuzz

from bot.article import Article, Stance
from bot.article.names import fold, has_cjk
from bot.library.core import ArticleList, ClaimRef, Library, PersonEntry, RegistryEntry

if TYPE_CHECKING:
    from bot.store.articles import LibraryRow
    from bot.store.sql import SQLStore

GLOBAL = 0  # the owner of the operator's articles (as in the store)


class View(Protocol):
    """What commands, digests and alerts ask of the articles one server can see."""

    def __len__(self) -> int: ...

    @property
    def articles(self) -> Sequence[Article]: ...

    def article_ids(self) -> list[str]: ...

    @property
    def people(self) -> list[PersonEntry]: ...

    def article(self, article_id: str) -> Article | None: ...

    def find_article(self, text: str) -> Article | None: ...

    def autocomplete_articles(self, text: str, limit: int = 25) -> list[tuple[str, str]]: ...

    def person(self, name: str) -> PersonEntry | None: ...

    def person_by_key(self, pkey: str) -> PersonEntry | None: ...

    def suggest_people(self, name: str, limit: int = 5) -> list[PersonEntry]: ...

    def autocomplete_people(self, text: str, limit: int = 25) -> list[PersonEntry]: ...

    def people_in(self, article_id: str) -> list[PersonEntry]: ...

    def claims(
        self,
        article: str | None = None,
        person: str | None = None,
        organization: str | None = None,
        stance: Stance | str | None = None,
        about: str | None = None,
    ) -> list[ClaimRef]: ...

    def claims_by(self, person: PersonEntry) -> list[ClaimRef]: ...

    def claims_about(self, person: PersonEntry) -> list[ClaimRef]: ...

    def organizations(self) -> list[tuple[str, int]]: ...

    def organization(self, text: str) -> str | None: ...

    def organization_keys_in(self, article_id: str) -> set[str]: ...

    def autocomplete_organizations(self, text: str, limit: int = 25) -> list[str]: ...

    def stats(self) -> dict[str, int]: ...

    def stance_counts(self) -> Counter[str]: ...


def _dedupe(entries: Iterable[PersonEntry | None]) -> list[PersonEntry]:
    out: list[PersonEntry] = []
    seen: set[str] = set()
    for e in entries:
        if e is not None and e.key not in seen:
            seen.add(e.key)
            out.append(e)
    return out


class ScopedView:
    """One server's articles: the shared library less what the server hid, plus the server's own library."""

    def __init__(self, shared: Library, own: Library | None, hidden: frozenset[str] = frozenset()) -> None:
        self.shared = shared
        self.own = own if own is not None else Library()
        self.hidden = frozenset(h for h in hidden if shared.when(h) is not None)
        self._ids: list[str] | None = None
        self._people: list[PersonEntry] | None = None
        self._orgs: list[tuple[str, int]] | None = None
        self._merge_people()

    # ------------------------------------------------------------------ people, merged once per view

    def _merge_people(self) -> None:
        self._entries: dict[str, PersonEntry] = {}  # view key -> an entry that differs from the shared one
        self._gone: set[str] = set()  # shared keys whose every article is hidden here
        self._parts: dict[str, tuple[str | None, list[str]]] = {}  # view key -> (shared key, own keys)
        self._from_own: dict[str, str] = {}  # own key -> view key
        for article_id in self.hidden:
            for entry in self.shared.people_in(article_id):
                visible = [i for i in entry.article_ids if i not in self.hidden]
                if visible:
                    self._entries[entry.key] = replace(entry, aliases=set(entry.aliases), article_ids=visible)
                else:
                    self._gone.add(entry.key)
        for mine in self.own.people:
            names = [n for n in mine.all_names() if has_cjk(n) or len(n.split()) > 1] or [mine.name]
            skey = next(
                (k for k in (self.shared.person_key_for(n) for n in names) if k and k not in self._gone), None
            )
            if skey is None:
                view_key = mine.key
                self._gone.discard(view_key)
                self._entries[view_key] = replace(
                    mine, aliases=set(mine.aliases), article_ids=list(mine.article_ids)
                )
                self._parts[view_key] = (None, [mine.key])
            else:
                view_key = skey
                base = self._entries.get(skey) or self.shared.person_by_key(skey)
                assert base is not None
                ids = sorted(
                    dict.fromkeys([*base.article_ids, *mine.article_ids]),
                    key=self._when,
                    reverse=True,
                )
                self._entries[skey] = replace(
                    base,
                    aliases=(base.aliases | set(mine.all_names())) - {base.name},
                    organization=base.organization or mine.organization,
                    role=base.role or mine.role,
                    article_ids=ids,
                    pinyin=list(dict.fromkeys([*base.pinyin, *mine.pinyin])),
                )
                # Several people of the server's own articles may be one shared person (黄仁勋, Jensen Huang).
                self._parts[skey] = (skey, [*self._parts.get(skey, (skey, []))[1], mine.key])
            self._from_own[mine.key] = view_key

    def _when(self, article_id: str) -> tuple[str, str]:
        """How an article of either library is ordered (published_at, title), without reading its body."""
        found = self.own.when(article_id) or self.shared.when(article_id)
        return found if found is not None else ("", "")

    def _shared_entry(self, entry: PersonEntry | None) -> PersonEntry | None:
        if entry is None or entry.key in self._gone:
            return None
        return self._entries.get(entry.key, entry)

    def _own_entry(self, entry: PersonEntry | None) -> PersonEntry | None:
        return self._entries[self._from_own[entry.key]] if entry is not None else None

    def _keys(self, view_key: str) -> tuple[str | None, list[str]]:
        return self._parts.get(view_key, (view_key, []))

    def _own_refs(self, refs: Iterable[ClaimRef]) -> list[ClaimRef]:
        """Claims from several own people, each once, newest article first."""
        unique = {(r.article_id, r.index): r for r in refs}
        return sorted(unique.values(), key=lambda r: self._when(r.article_id), reverse=True)

    # ------------------------------------------------------------------ articles

    def __len__(self) -> int:
        return len(self.article_ids())

    def article_ids(self) -> list[str]:
        """Newest first (no body is read)."""
        if self._ids is None:
            shared = (i for i in self.shared.article_ids() if i not in self.hidden)
            self._ids = list(heapq.merge(self.own.article_ids(), shared, key=self._when, reverse=True))
        return self._ids

    @property
    def articles(self) -> Sequence[Article]:
        """Newest first; a body is read when its article is looked at."""
        listed = ArticleList(self.article_ids(), self.article)
        return listed if self.shared.lazy else list(listed)

    def article(self, article_id: str) -> Article | None:
        found = self.own.article(article_id)
        if found is None and article_id not in self.hidden:
            found = self.shared.article(article_id)
        return found

    def find_article(self, text: str) -> Article | None:
        text = text.strip()
        if not text:
            return None
        for library in (self.own, self.shared):
            found = library.find_exact(text)
            if found is not None and found.id not in self.hidden:
                return found
        hits = self.autocomplete_articles(text, limit=1)
        return self.article(hits[0][1]) if hits else None

    def autocomplete_articles(self, text: str, limit: int = 25) -> list[tuple[str, str]]:
        limit = min(limit, 25)
        mine = self.own.autocomplete_articles(text, limit)
        shared = [hit for hit in self.shared.autocomplete_articles(text, 25) if hit[1] not in self.hidden]
        return [*mine, *shared][:limit]

    # ------------------------------------------------------------------ people

    @property
    def people(self) -> list[PersonEntry]:
        """Most mentioned first."""
        if self._people is None:
            merged = _dedupe(
                [
                    *(self._shared_entry(e) for e in self.shared.people),
                    *(self._own_entry(e) for e in self.own.people),
                ]
            )
            self._people = sorted(merged, key=lambda e: (-e.mentions, e.name))
        return self._people

    def person_key_for(self, name: str | None) -> str | None:
        shared = self.shared.person_key_for(name)
        if shared is not None and shared not in self._gone:
            return shared
        own = self.own.person_key_for(name)
        return self._from_own[own] if own is not None else None

    def person(self, name: str) -> PersonEntry | None:
        pkey = self.person_key_for(name.split(" — ")[0].strip())
        return self.person_by_key(pkey) if pkey else None

    def person_by_key(self, pkey: str) -> PersonEntry | None:
        if pkey in self._entries:
            return self._entries[pkey]
        return None if pkey in self._gone else self.shared.person_by_key(pkey)

    def _merged(
        self, shared: Sequence[PersonEntry], own: Sequence[PersonEntry], limit: int
    ) -> list[PersonEntry]:
        return _dedupe([*(self._shared_entry(e) for e in shared), *(self._own_entry(e) for e in own)])[:limit]

    def suggest_people(self, name: str, limit: int = 5) -> list[PersonEntry]:
        found = self._merged(
            self.shared.suggest_people(name, limit + len(self._gone)),
            self.own.suggest_people(name, limit),
            50,
        )
        folded = fold(name) or name
        # The closest first, whichever library it came from.
        return sorted(found, key=lambda e: -max(fuzz.WRatio(folded, fold(n) or n) for n in e.all_names()))[
            :limit
        ]

    def autocomplete_people(self, text: str, limit: int = 25) -> list[PersonEntry]:
        limit = min(limit, 25)
        found = self._merged(
            self.shared.autocomplete_people(text, 25), self.own.autocomplete_people(text, 25), 50
        )
        folded = fold(text)
        if folded:  # names that start with what was typed before typo matches, wherever they came from

            def starts(e: PersonEntry) -> bool:
                return any(w.startswith(folded) for n in e.all_names() for w in [fold(n), *fold(n).split()])

            found.sort(key=lambda e: not starts(e))
        return found[:limit]

    def people_in(self, article_id: str) -> list[PersonEntry]:
        if self.own.article(article_id) is not None:
            return _dedupe(self._own_entry(e) for e in self.own.people_in(article_id))
        if article_id in self.hidden:
            return []
        return _dedupe(self._shared_entry(e) for e in self.shared.people_in(article_id))

    # ------------------------------------------------------------------ claims

    def _visible(self, refs: Iterable[ClaimRef]) -> list[ClaimRef]:
        return [r for r in refs if r.article_id not in self.hidden]

    def _newest_first(self, shared: list[ClaimRef], own: list[ClaimRef]) -> list[ClaimRef]:
        if not own:
            return self._visible(shared)
        if not shared:
            return own

        def when(ref: ClaimRef) -> tuple[str, str]:
            return self._when(ref.article_id)

        return list(heapq.merge(own, self._visible(shared), key=when, reverse=True))

    def claims(
        self,
        article: str | None = None,
        person: str | None = None,
        organization: str | None = None,
        stance: Stance | str | None = None,
        about: str | None = None,
    ) -> list[ClaimRef]:
        if person is not None:
            pkey = self.person_key_for(person)
            if pkey is None:
                return []
            skey, okeys = self._keys(pkey)
            shared = self.shared.claims(article, None, None, stance, about, person_key=skey) if skey else []
            own = self._own_refs(
                r for k in okeys for r in self.own.claims(article, None, None, stance, about, person_key=k)
            )
            return self._newest_first(shared, own)
        return self._newest_first(
            self.shared.claims(article, None, organization, stance, about),
            self.own.claims(article, None, organization, stance, about),
        )

    def claims_by(self, person: PersonEntry) -> list[ClaimRef]:
        skey, okeys = self._keys(person.key)
        own = self._own_refs(r for k in okeys for r in self.own.claims_by_key(k))
        return self._newest_first(self.shared.claims_by_key(skey) if skey else [], own)

    def claims_about(self, person: PersonEntry) -> list[ClaimRef]:
        skey, okeys = self._keys(person.key)
        own = self._own_refs(r for k in okeys for r in self.own.claims_about_key(k))
        return self._newest_first(self.shared.claims_about_key(skey) if skey else [], own)

    # ------------------------------------------------------------------ organizations

    def organizations(self) -> list[tuple[str, int]]:
        """(name, articles mentioning it) over what this server sees: its own, the shared less the hidden."""
        if self._orgs is None:
            counts: Counter[str] = Counter()
            names: dict[str, str] = {}
            for library in (self.own, self.shared):
                for name, n in library.organizations():
                    names.setdefault(fold(name), name)
                    counts[fold(name)] += n
            for article_id in self.hidden:
                counts.subtract(self.shared.organization_keys_in(article_id))
            self._orgs = [
                (names[k], n)
                for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], names[kv[0]]))
                if n > 0
            ]
        return self._orgs

    def organization(self, text: str) -> str | None:
        found = self.own.organization(text) or self.shared.organization(text)
        return found if found and any(fold(n) == fold(found) for n, _ in self.organizations()) else None

    def organization_keys_in(self, article_id: str) -> set[str]:
        if self.own.article(article_id) is not None:
            return self.own.organization_keys_in(article_id)
        return set() if article_id in self.hidden else self.shared.organization_keys_in(article_id)

    def autocomplete_organizations(self, text: str, limit: int = 25) -> list[str]:
        seen = {fold(n) for n, _ in self.organizations()}
        found = [
            *self.own.autocomplete_organizations(text, limit),
            *self.shared.autocomplete_organizations(text, limit + len(self.hidden)),
        ]
        return [n for n in dict.fromkeys(found) if fold(n) in seen][:limit]

    def stats(self) -> dict[str, int]:
        return {
            "articles": len(self.article_ids()),
            "people": len(self.people),
            "claims": sum(self.stance_counts().values()),
            "organizations": len(self.organizations()),
        }

    def stance_counts(self) -> Counter[str]:
        counts = self.shared.stance_counts() + self.own.stance_counts()
        for article_id in self.hidden:
            article = self.shared.article(article_id)
            if article is not None:
                counts.subtract(c.stance.value for c in article.claims)
        return +counts


class Catalog:
    """The articles of every owner: the shared library, each server's own, and what each server hid."""

    def __init__(
        self,
        articles: Iterable[Article] = (),
        owners: dict[str, set[int]] | None = None,
        hidden: dict[int, set[str]] | None = None,
        registry: list[RegistryEntry] | None = None,
        records: dict[str, str] | None = None,
        shared_rows: Iterable[LibraryRow] | None = None,
        load: Callable[[str], Article | None] | None = None,
    ) -> None:
        """``records``: the stored record of each article (``SQLStore.library_records``), when at hand. With
        ``shared_rows`` (the global articles' library rows) and ``load`` (a body reader), the shared library
        keeps no article body in memory and ``articles`` need hold only the servers' own ones."""
        self.registry = registry or []
        shared: list[Article] = []
        own: dict[int, list[Article]] = {}
        for article in articles:
            held = {GLOBAL} if owners is None else owners.get(article.id, set())  # no owner: shown nowhere
            if GLOBAL in held:
                shared.append(article)
            else:
                for guild_id in held:
                    own.setdefault(guild_id, []).append(article)
        if shared_rows is not None and load is not None:
            self.shared = Library.from_rows(shared_rows, load, self.registry)
        else:
            self.shared = Library(shared, self.registry, records)
        self._own = {g: Library(a, self.registry, records) for g, a in own.items()}
        self._hidden = {g: frozenset(ids) for g, ids in (hidden or {}).items() if ids}
        self._views: dict[int, ScopedView] = {}

    def view(self, guild_id: int | None) -> View:
        """What one server sees (outside servers, and in servers that added and hid nothing: the shared library)."""
        if guild_id is None or (guild_id not in self._own and guild_id not in self._hidden):
            return self.shared
        found = self._views.get(guild_id)
        if found is None:
            found = self._views[guild_id] = ScopedView(
                self.shared, self._own.get(guild_id), self._hidden.get(guild_id, frozenset())
            )
        return found

    def replace_guild(self, guild_id: int, own: Iterable[Article], hidden: Iterable[str]) -> None:
        """One server's uploads or hidden articles changed: rebuild its small library only."""
        articles = list(own)
        if articles:
            self._own[guild_id] = Library(articles, self.registry)
        else:
            self._own.pop(guild_id, None)
        hidden = frozenset(hidden)
        if hidden:
            self._hidden[guild_id] = hidden
        else:
            self._hidden.pop(guild_id, None)
        self._views.pop(guild_id, None)

    def add_global(self, article: Article) -> bool:
        """A new global article joins the shared library in place; False (nothing changed) when a server holds
        it as its own already (the caller loads everything again)."""
        if any(library.article(article.id) is not None for library in self._own.values()):
            return False
        self.shared.add(article)
        self._views.clear()  # merged views are rebuilt on their next use
        return True

    def owns(self, guild_id: int, article_id: str) -> bool:
        """Whether the article is the server's own (an upload), not a global one."""
        library = self._own.get(guild_id)
        return library is not None and library.article(article_id) is not None

    def own_articles(self, guild_id: int) -> Sequence[Article]:
        """A server's own articles (its uploads), newest first."""
        library = self._own.get(guild_id)
        return library.articles if library is not None else []

    def guilds(self) -> set[int]:
        """Servers with articles of their own or hidden ones."""
        return set(self._own) | set(self._hidden)

    def stats(self) -> dict[str, int]:
        """The shared library's figures, plus every server's own articles, claims and people (a person of an
        upload who is also in the shared library counts once; the same new person in two servers' uploads
        counts once per server, as each server sees its own)."""
        stats = self.shared.stats()
        for library in self._own.values():
            mine = library.stats()
            stats["articles"] += mine["articles"]
            stats["claims"] += mine["claims"]
            stats["people"] += sum(
                1
                for entry in library.people
                if not any(
                    self.shared.person_key_for(n)
                    for n in entry.all_names()
                    if has_cjk(n) or len(n.split()) > 1
                )
            )
        return stats


@dataclass
class CatalogInputs:
    """What a catalog is built from, read from the store at one version of it."""

    articles: list[Article]  # every article, or (with shared_rows) only the servers' own
    owners: dict[str, set[int]]
    hidden: dict[int, set[str]]
    records: dict[str, str] | None = None
    shared_rows: list[LibraryRow] | None = None
    load: Callable[[str], Article | None] | None = None


async def read_catalog(store: SQLStore) -> CatalogInputs:
    """The store's articles as the catalog needs them: with a body reader (SQLite), the global articles' library
    rows and the servers' own articles; without one (PostgreSQL), every article whole with its record."""
    owners, hidden = await store.article_owners(), await store.hidden_articles()
    load = store.body_reader()
    if load is not None:
        rows = await store.load_library_rows(GLOBAL)
        return CatalogInputs(await store.load_own_articles(), owners, hidden, shared_rows=rows, load=load)
    return CatalogInputs(await store.load_articles(), owners, hidden, records=await store.library_records())


def build_catalog(inputs: CatalogInputs, registry: list[RegistryEntry] | None = None) -> Catalog:
    return Catalog(
        inputs.articles,
        inputs.owners,
        inputs.hidden,
        registry,
        inputs.records,
        inputs.shared_rows,
        inputs.load,
    )
