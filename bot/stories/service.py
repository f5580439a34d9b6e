"""Stories while the bot runs: each article taken in joins a story or starts one, and what the commands ask.

The clustering itself is pure (:mod:`bot.stories`); this module keeps one :class:`StoryIndex` per scope (0: the
global articles, else one server's own uploads, which cluster among themselves), puts every article into it
once, and says which memberships are new so the caller writes them to the store (``story_articles``). After a
restart the stored memberships are restored, not clustered again, so a story keeps its members and its id.

A server's own article about an event that already has a global story joins that story in that server's view
only: it is matched against the global index without changing it, and held in the server's overlay (stored
with the server as owner, its story id written ``0:<global story id>``). The server's /story, digests and
alerts see it among the story's reports; no other server sees a trace of it, and removing it removes it.

Adding one article costs what the article costs, not what the index holds: the index finds its candidate
stories through shared people, organizations, figures and title words, bucketed by week (see
:mod:`bot.stories.cluster`). Queries take a server's :class:`~bot.library.catalog.View`, so a story shows only the
articles that server sees. No discord, no store: the caller does the I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from bot.article import Article, Stance
from bot.library.catalog import Catalog, View
from bot.stories import Story, StoryIndex
from bot.stories.contested import Subject, line_up
from bot.stories.features import day_of

GLOBAL = 0
JOINS_GLOBAL = f"{GLOBAL}:"  # a server's stored membership in a global story: "0:<story id>"


@dataclass(frozen=True, slots=True)
class Joined:
    """One membership to write: ``article_id`` is in story ``story_id`` of ``scope``."""

    scope: int
    article_id: str
    story_id: str
    new_article: bool  # the article was just taken in (False: it moved because two stories merged)
    new_story: bool  # the article started the story

    @property
    def thread_key(self) -> str:
        """The story as story threads name it: ``scope:story`` (a server's article in a global story: the global
        story's, so it is a line in that story's thread)."""
        if self.story_id.startswith(JOINS_GLOBAL):
            return self.story_id
        return f"{self.scope}:{self.story_id}"


@dataclass(slots=True)
class StoryCard:
    """One story as one server sees it."""

    scope: int
    id: str
    title: str
    articles: list[Article]  # oldest report first
    subjects: list[Subject]

    @property
    def contested(self) -> bool:
        """The one rule /story, /stories and /claims share: a denial meets an assertion or a report about the
        same subject, within the story (one article reporting a claim and its denial counts)."""
        return any(s.contested for s in self.subjects)

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(a.source for a in self.articles if a.source))

    @property
    def first(self) -> Article:
        return self.articles[0]

    @property
    def latest(self) -> Article:
        return self.articles[-1]


def _order(article: Article) -> tuple[bool, str]:
    return (article.published_at is None, article.published_at or "")


class StoryService:
    def __init__(self, aliases: Sequence[Sequence[str]] = ()) -> None:
        self._aliases = [list(group) for group in aliases]
        self._indexes: dict[int, StoryIndex] = {}
        self._saved: dict[int, dict[str, str]] = {}  # what the store holds: scope -> article -> story
        # a server's own articles in global stories, seen by that server only: guild -> article -> global story
        self._overlay: dict[int, dict[str, str]] = {}
        self._subjects: dict[tuple[int, str], tuple[tuple[str, ...], list[Subject]]] = {}

    def index(self, scope: int) -> StoryIndex:
        found = self._indexes.get(scope)
        if found is None:
            found = self._indexes[scope] = StoryIndex(aliases=self._aliases)
        return found

    # ------------------------------------------------------------------ taking articles in

    def sync(
        self,
        catalog: Catalog,
        stored: dict[int, dict[str, str]] | None = None,
        only: Iterable[int] | None = None,
    ) -> list[Joined]:
        """Put every article of the catalog (of the scopes ``only``, default all) not yet in its scope's index
        there: back into its stored story (``stored``, read once at start), else clustered. Returns the
        memberships to write. CPU only: the caller may run it in a thread."""
        if stored is not None:
            for scope, members in stored.items():
                self._saved.setdefault(scope, {}).update(members)
        wanted = set(only) if only is not None else {GLOBAL, *catalog.guilds()}
        scopes: dict[int, Sequence[Article]] = {GLOBAL: catalog.shared.articles} if GLOBAL in wanted else {}
        for guild_id in wanted - {GLOBAL}:
            own = catalog.own_articles(guild_id)
            if own:
                scopes[guild_id] = own
        for guild_id in wanted - {GLOBAL}:
            self._prune(guild_id, {a.id for a in scopes.get(guild_id, ())})
        out: list[Joined] = []
        for scope, articles in scopes.items():
            index = self.index(scope)
            saved = self._saved.setdefault(scope, {})
            overlay = self._overlay.setdefault(scope, {}) if scope != GLOBAL else {}
            fresh = sorted(
                (a for a in articles if index.story_of(a.id) is None and a.id not in overlay), key=_order
            )
            for article in fresh:
                if article.id in saved:
                    self._restore(scope, article, saved[article.id])
            for article in fresh:
                if article.id not in saved:
                    out.extend(self.take(scope, article))
        return out

    def _restore(self, scope: int, article: Article, story_id: str) -> None:
        if scope != GLOBAL and story_id.startswith(JOINS_GLOBAL):
            self._overlay.setdefault(scope, {})[article.id] = story_id[len(JOINS_GLOBAL) :]
        else:
            self.index(scope).restore(article, story_id)

    def _prune(self, guild_id: int, held: set[str]) -> None:
        """A server's upload it removed leaves the global story it joined."""
        overlay = self._overlay.get(guild_id)
        for article_id in [a for a in overlay or () if a not in held]:
            del self._overlay[guild_id][article_id]
            self._saved.get(guild_id, {}).pop(article_id, None)

    def take(self, scope: int, article: Article) -> list[Joined]:
        """One new article of ``scope`` into its story; the memberships to write (the article's, and its story's
        other members' when the article showed two stories to be one)."""
        index = self.index(scope)
        if index.story_of(article.id) is not None:
            return []
        if scope != GLOBAL:
            overlay = self._overlay.setdefault(scope, {})
            if article.id in overlay:
                return []
            shared = self._indexes.get(GLOBAL)
            joins = shared.match(article) if shared is not None else None
            if joins is not None:  # an event with a global story: that story, in this server's view only
                overlay[article.id] = joins
                self._saved.setdefault(scope, {})[article.id] = JOINS_GLOBAL + joins
                return [Joined(scope, article.id, JOINS_GLOBAL + joins, True, False)]
        story_id = index.add(article)
        story = index.story(story_id)
        saved = self._saved.setdefault(scope, {})
        members = story.article_ids if story is not None else [article.id]
        out = []
        for article_id in members:
            if saved.get(article_id) != story_id:
                saved[article_id] = story_id
                out.append(Joined(scope, article_id, story_id, article_id == article.id, len(members) == 1))
        return out

    # ------------------------------------------------------------------ what one server sees

    def _scopes(self, guild_id: int | None) -> list[int]:
        return [GLOBAL] if guild_id is None or guild_id not in self._indexes else [guild_id, GLOBAL]

    def story_of(self, guild_id: int | None, article_id: str) -> tuple[int, str] | None:
        """(scope, story id) of an article a server sees."""
        joined = self._overlay.get(guild_id, {}).get(article_id) if guild_id is not None else None
        if joined is not None:
            found = self._indexes.get(GLOBAL)
            story = found.current(joined) if found is not None else None
            return (GLOBAL, story.id) if story is not None else None
        for scope in self._scopes(guild_id):
            found = self._indexes.get(scope)
            sid = found.story_of(article_id) if found is not None else None
            if sid is not None:
                return scope, sid
        return None

    def card(self, view: View, scope: int, story_id: str, guild_id: int | None = None) -> StoryCard | None:
        """One story as the server ``guild_id`` sees it (``view``): a global story with that server's own
        articles that joined it."""
        index = self._indexes.get(scope)
        story = index.story(story_id) if index is not None else None
        if story is None:  # a merged story's id leads to the story it joined
            return None
        ids = list(story.article_ids)
        if scope == GLOBAL and guild_id is not None:
            ids += self._joined(guild_id, story)
        articles = sorted((a for aid in ids if (a := view.article(aid)) is not None), key=_order)
        if not articles:
            return None
        return StoryCard(
            scope, story.id, _title(story, articles), articles, self._lined_up(scope, story.id, articles)
        )

    def _joined(self, guild_id: int, story: Story) -> list[str]:
        """A server's own articles in a global story (a story merged since leads to the one it joined)."""
        overlay = self._overlay.get(guild_id)
        if not overlay:
            return []
        shared = self._indexes[GLOBAL]
        out = []
        for article_id, joined in overlay.items():
            now = shared.current(joined)
            if now is not None and now.id == story.id:
                out.append(article_id)
        return out

    def card_of_article(self, view: View, guild_id: int | None, article_id: str) -> StoryCard | None:
        found = self.story_of(guild_id, article_id)
        return self.card(view, *found, guild_id=guild_id) if found else None

    def recent(
        self,
        view: View,
        guild_id: int | None,
        days: int,
        contested: bool = False,
        today: date | None = None,
        limit: int = 50,
    ) -> list[StoryCard]:
        """Stories with a report in the last ``days`` days (by the articles' dates), most covered first."""
        since = (today or datetime.now(UTC).date()).toordinal() - days
        picked: list[tuple[int, Story]] = []
        for scope in self._scopes(guild_id):
            index = self._indexes.get(scope)
            if index is None:
                continue
            picked.extend(
                (scope, s) for s in index.stories() if s.last_day is not None and s.last_day >= since
            )
        picked.sort(key=lambda ss: (-len(ss[1].article_ids), -(ss[1].last_day or 0)))
        out: list[StoryCard] = []
        for scope, story in picked:
            card = self.card(view, scope, story.id, guild_id)
            if card is None or (contested and not card.contested):
                continue
            if any(day_of(a) is not None and (day_of(a) or 0) >= since for a in card.articles):
                out.append(card)
            if len(out) >= limit:
                break
        return out

    def contested_claims(
        self, view: View, guild_id: int | None, article_ids: Iterable[str]
    ) -> set[tuple[str, str]]:
        """(article id, claim text) of the claims that stand in a contested subject of their story."""
        out: set[tuple[str, str]] = set()
        seen: set[tuple[int, str]] = set()
        for article_id in dict.fromkeys(article_ids):
            found = self.story_of(guild_id, article_id)
            if found is None or found in seen:
                continue
            seen.add(found)
            index = self._indexes.get(found[0])
            story = index.story(found[1]) if index is not None else None
            if story is None:
                continue
            card = self.card(view, *found, guild_id=guild_id)
            if card is None:
                continue
            for subject in card.subjects:
                if subject.contested:
                    out.update((e.article_id, e.text) for e in subject.entries)
        return out

    def news_for(
        self, view: View, guild_id: int | None, article: Article, told: set[str]
    ) -> tuple[bool, list[tuple[Stance, str]]]:
        """Whether someone was already told about an earlier article of ``article``'s story (``told``: the
        article ids they were alerted about), and what ``article`` brings that those did not."""
        card = self.card_of_article(view, guild_id, article.id)
        earlier = [a for a in card.articles if a.id in told and a.id != article.id] if card else []
        if not earlier:
            return False, []
        return True, news_in(article, earlier)

    def _lined_up(self, scope: int, story_id: str, articles: list[Article]) -> list[Subject]:
        ids = tuple(a.id for a in articles)
        cached = self._subjects.get((scope, story_id))
        if cached is not None and cached[0] == ids:
            return cached[1]
        subjects = line_up(articles, [a.source or a.title for a in articles])
        self._subjects[(scope, story_id)] = (ids, subjects)
        return subjects


def _title(story: Story, articles: list[Article]) -> str:
    return story.title if any(a.title == story.title for a in articles) else articles[0].title


def news_in(article: Article, earlier: Sequence[Article]) -> list[tuple[Stance, str]]:
    """What ``article`` brings to a story whose ``earlier`` articles were already told about: its claims on a
    subject none of them had, or with a stance that subject did not have yet (a denial of a report, say)."""
    subjects = line_up([*earlier, article])
    out: list[tuple[Stance, str]] = []
    for subject in subjects:
        before = {e.stance for e in subject.entries if e.article_id != article.id}
        for entry in subject.entries:
            if entry.article_id == article.id and entry.stance not in before:
                out.append((entry.stance, entry.text))
    return out
