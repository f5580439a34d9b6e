"""/article add and /article remove (server managers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.article import MAX_BYTES, ArticleError
from bot.discord.checks import manage_server
from bot.discord.transformers import ArticleOption
from bot.discord.views import ask, defer
from bot.errors import UserError
from bot.i18n import t
from bot.ingest.intake import parse_bytes
from bot.ingest.uploads import check_upload_name
from bot.render import embeds
from bot.render.limits import clip, plain
from bot.store import IngestOutcome

if TYPE_CHECKING:
    from bot.discord.client import NewsdeskBot


@manage_server()
class ArticleAdmin(
    commands.GroupCog, group_name="article", group_description="Add or remove an article (server managers)"
):
    def __init__(self, bot: NewsdeskBot) -> None:
        self.bot = bot
        super().__init__()

    @app_commands.command(
        name="add", description="Add an article from a file (summary or plain text, up to 1 MB)"
    )
    @app_commands.describe(file="A .txt, .md or .json file")
    async def add(self, interaction: discord.Interaction, file: discord.Attachment) -> None:
        check_upload_name(file.filename)  # a .toml or .pdf is refused before it is downloaded
        if file.size > MAX_BYTES:
            raise UserError("upload_too_big", size=file.size, limit=MAX_BYTES)
        await defer(interaction, ephemeral=True)
        data = await file.read()
        try:
            article = await parse_bytes(data)
        except ArticleError as exc:
            raise UserError("upload_bad", reason=str(exc)) from exc
        question = t(
            "upload_preview",
            people=len(article.people),
            claims=len(article.claims),
            sections=len(article.sections),
        )
        preview = embeds.summary_pages(article, "short")[0]
        answer = await ask(interaction, question, t("upload_confirm"), preview, nothing="upload")
        if answer is None:
            return
        assert interaction.guild_id is not None  # guild_only
        key = f"upload:{interaction.guild_id}:{plain(file.filename)[:100]}"
        outcome = await self.bot.store.upsert_article(article, key, guild_id=interaction.guild_id)
        await self.bot.reload_guild(interaction.guild_id)
        title = clip(article.title, 80)
        done = (
            t("upload_same", title=title)
            if outcome is IngestOutcome.UNCHANGED
            else t("upload_added", title=title)
        )
        interaction.extras["article"] = article.id
        await answer.response.edit_message(content=done, embeds=[], view=None)

    @app_commands.command(name="remove", description="Remove an article")
    @app_commands.describe(article="The article to remove")
    async def remove(self, interaction: discord.Interaction, article: ArticleOption) -> None:
        found = article
        title = clip(found.title, 80)
        assert interaction.guild_id is not None  # guild_only
        own = self.bot.library.owns(interaction.guild_id, found.id)
        question = t("remove_ask" if own else "hide_ask", title=title)
        answer = await ask(interaction, question, t("remove_confirm"), nothing="remove")
        if answer is None:
            return
        # The server's own copy is deleted; a global article is hidden in this server only.
        done = await self.bot.store.remove_article(found.id, interaction.guild_id)
        await self.bot.reload_guild(interaction.guild_id)
        key = "removed_hidden" if done == "hidden" else "removed"
        await answer.response.edit_message(content=t(key, title=title), view=None)


async def setup(bot: NewsdeskBot) -> None:
    await bot.add_cog(ArticleAdmin(bot))
