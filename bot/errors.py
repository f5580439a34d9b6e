"""Errors a user can fix. They are shown to the user privately, in the interaction's language."""

from __future__ import annotations

from typing import Any

from bot.i18n import REPLIES, t


class UserError(Exception):
    """Something the user asked for does not exist or cannot be done, as a reply key of bot/i18n and its values:
    ``UserError("no_article", shown=...)``. The app-command error handler translates it once, in the
    interaction's language (:meth:`text`); ``str(err)`` is the text in the current locale. A value may be text
    already in the reader's words (a permission list); a whole refusal built for the reader by a check is
    ``UserError("refusal", text=...)``."""

    def __init__(self, key: str, /, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = values

    def text(self) -> str:
        """What the user is told, in the current locale (the interaction's language)."""
        if (
            self.key not in REPLIES
        ):  # text from before UserError took keys (a branch merged later): as written;
            return self.key  # tests/test_i18n_locale.py fails on any such raise left in bot/ or cogs/
        return t(self.key, **self.values)

    def __str__(self) -> str:
        return self.text()
