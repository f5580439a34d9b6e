"""What the cogs share: resolving an article or a person from what a user typed, and autocomplete choices."""

from __future__ import annotations

from discord import app_commands

from bot.article import Article
from bot.errors import UserError
from bot.i18n import t
from bot.library import Library, PersonEntry
from bot.render.limits import CHOICE_NAME, CHOICE_VALUE, CHOICES, fit, one_line, plain


def article(library: Library, text: str, lang: str = "en") -> Article:
    found = library.find_article(text)
    if found is None:
        shown = plain(fit(one_line(text), 80))
        raise UserError(t("no_article", lang, shown=shown))
    return found


def person(library: Library, name: str, lang: str = "en") -> PersonEntry:
    found = library.person(name)
    if found is not None:
        return found
    shown = plain(fit(one_line(name), 80))
    suggestions = library.suggest_people(name, limit=5)
    if suggestions:
        names = ", ".join(f"**{plain(fit(p.name, 80))}**" for p in suggestions)
        raise UserError(t("no_person_dym", lang, shown=shown, names=names))
    raise UserError(t("no_person", lang, shown=shown))


def article_choices(library: Library, current: str) -> list[app_commands.Choice[str]]:
    return [
        app_commands.Choice(name=fit(label, CHOICE_NAME), value=article_id[:CHOICE_VALUE])
        for label, article_id in library.autocomplete_articles(current, limit=CHOICES)
    ]


def person_choices(library: Library, current: str) -> list[app_commands.Choice[str]]:
    return [
        app_commands.Choice(name=fit(p.label(), CHOICE_NAME), value=fit(p.name, CHOICE_VALUE))
        for p in library.autocomplete_people(current, limit=CHOICES)
    ]
