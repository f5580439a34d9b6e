"""Command names, descriptions, options and choices for Discord's Chinese clients (replies are localized by
bot.i18n from the interaction's locale; discord.py's Translator only translates this metadata)."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.i18n import command_text

_LANGS = {discord.Locale.chinese: "zh-CN", discord.Locale.taiwan_chinese: "zh-TW"}


class NewsdeskTranslator(app_commands.Translator):
    """zh-CN and zh-TW from the catalogs' ``[commands]``; English stays the default."""

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        lang = _LANGS.get(locale)
        return command_text(string.message, lang) if lang else None
