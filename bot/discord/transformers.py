"""Command parameters that arrive resolved: an article or a person, looked up in the library of the server that
asked (by :mod:`bot.discord.lookup`), each with its autocomplete.

A cog writes ``article: ArticleOption`` and gets an :class:`~bot.article.Article`; what the member typed that
matches nothing is refused before the command runs, with the same "did you mean" the command used to raise."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import discord
from discord import app_commands

from bot.article import Article
from bot.errors import UserError
from bot.library.catalog import View
from bot.library.core import PersonEntry
from bot.render.limits import CHOICE_NAME, CHOICE_VALUE, CHOICES, fit

from . import lookup

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot


class Refused(app_commands.AppCommandError):
    """A parameter the member typed that resolves to nothing. discord.py wraps any other exception from a
    transformer in ``TransformerError``; this one carries the :class:`UserError` as ``original``, as
    ``CommandInvokeError`` does, so the error handler answers both the same way."""

    def __init__(self, original: UserError) -> None:
        super().__init__(str(original))
        self.original = original


def library_of(interaction: discord.Interaction) -> View:
    """The library as the server (or the DM) the interaction came from sees it."""
    return cast("NewsdeskBot", interaction.client).library.view(interaction.guild_id)


async def article_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Titles matching what was typed (label: the title, value: the article id)."""
    return [
        app_commands.Choice(name=fit(label, CHOICE_NAME), value=article_id[:CHOICE_VALUE])
        for label, article_id in library_of(interaction).autocomplete_articles(current, limit=CHOICES)
    ]


async def person_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """People matching what was typed (label: name, other spelling, organization; value: the name)."""
    return [
        app_commands.Choice(name=fit(p.label(), CHOICE_NAME), value=fit(p.name, CHOICE_VALUE))
        for p in library_of(interaction).autocomplete_people(current, limit=CHOICES)
    ]


class _StringTransformer(app_commands.Transformer):
    """A string option, optionally with a length range (as ``app_commands.Range[str, low, high]`` gives)."""

    def __init__(self, min_length: int | None = None, max_length: int | None = None) -> None:
        self._min = min_length
        self._max = max_length

    @property
    def min_value(self) -> int | None:
        return self._min

    @property
    def max_value(self) -> int | None:
        return self._max


class ArticleTransformer(_StringTransformer):
    """An article by id or title (:func:`lookup.article`); with ``choose``, several matching titles are offered
    as buttons rather than guessed."""

    def __init__(self, *, choose: bool = False) -> None:
        super().__init__()
        self.choose = choose

    async def transform(self, interaction: discord.Interaction, value: Any, /) -> Article:
        try:
            return lookup.article(library_of(interaction), str(value), choose=self.choose)
        except UserError as exc:
            raise Refused(exc) from exc

    async def autocomplete(  # type: ignore[override]  # discord.py's stub is wider than the str we declare
        self, interaction: discord.Interaction, value: str, /
    ) -> list[app_commands.Choice[str]]:
        return await article_choices(interaction, value)


class PersonTransformer(_StringTransformer):
    """A person by name, alias, other spelling or near miss (:func:`lookup.person`)."""

    async def transform(self, interaction: discord.Interaction, value: Any, /) -> PersonEntry:
        try:
            return lookup.person(library_of(interaction), str(value))
        except UserError as exc:
            raise Refused(exc) from exc

    async def autocomplete(  # type: ignore[override]  # discord.py's stub is wider than the str we declare
        self, interaction: discord.Interaction, value: str, /
    ) -> list[app_commands.Choice[str]]:
        return await person_choices(interaction, value)


ArticleOption = app_commands.Transform[Article, ArticleTransformer()]
"""An article; several matching titles: the library's best match."""
ChosenArticle = app_commands.Transform[Article, ArticleTransformer(choose=True)]
"""An article; several matching titles: offered as buttons."""
PersonOption = app_commands.Transform[PersonEntry, PersonTransformer()]
PersonName = app_commands.Transform[PersonEntry, PersonTransformer(1, 100)]
"""A person, typed in 1-100 characters."""
