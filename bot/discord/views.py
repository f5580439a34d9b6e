"""What the cogs show and how they answer: the pager (pages bot/render built, with buttons only the invoker can
press, disabled on timeout), the confirm question, the "did you mean" buttons, and the respond/defer helpers
that keep one reply path (a followup once the interaction was acknowledged; mentions never ping)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import discord

from bot.i18n import pick, set_locale, t
from bot.render.embeds import Page
from bot.render.limits import fit

log = logging.getLogger(__name__)

PAGE_TIMEOUT = 300.0


class Paginator(discord.ui.View):
    def __init__(self, pages: list[Page], owner_id: int, timeout: float = PAGE_TIMEOUT) -> None:
        super().__init__(timeout=timeout)
        self.pages = pages
        self.owner_id = owner_id
        self.index = 0
        self.message: discord.Message | discord.InteractionMessage | None = None
        self._sync()

    def _sync(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1
        self.previous.label = t("previous")
        self.next.label = t("next")
        self.position.label = f"{self.index + 1}/{len(self.pages)}"

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        set_locale(pick(interaction))  # a press runs in a task of its own: reply in the presser's language
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(t("pages_not_yours"), ephemeral=True)
        return False

    async def _show(self, interaction: discord.Interaction) -> None:
        self._sync()
        await interaction.response.edit_message(embeds=self.pages[self.index], view=self)

    @discord.ui.button(label="◀ Previous", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button[Paginator]) -> None:
        self.index = max(0, self.index - 1)
        await self._show(interaction)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, disabled=True)
    async def position(self, interaction: discord.Interaction, button: discord.ui.Button[Paginator]) -> None:
        await interaction.response.defer()

    @discord.ui.button(label="Next ▶", style=discord.ButtonStyle.primary)
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button[Paginator]) -> None:
        self.index = min(len(self.pages) - 1, self.index + 1)
        await self._show(interaction)

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        if self.message is not None:
            try:
                await self.message.edit(view=self)
            except discord.HTTPException as exc:  # the message may be gone, or the token expired
                log.debug("could not disable paginator: %s", exc)


async def send_pages(interaction: discord.Interaction, pages: list[Page], *, ephemeral: bool = False) -> None:
    """Answer with the first page; more than one page gets Previous/Next buttons."""
    if not pages:
        raise ValueError("nothing to send")
    if len(pages) == 1:
        await respond(interaction, embeds=pages[0], ephemeral=ephemeral)
        return
    view = Paginator(pages, owner_id=interaction.user.id)
    await respond(interaction, embeds=pages[0], view=view, ephemeral=ephemeral)
    view.message = await interaction.original_response()


async def defer(interaction: discord.Interaction, *, ephemeral: bool = True) -> None:
    """Acknowledge now ("thinking…") when the answer may take longer than Discord's 3 seconds; the answer then
    goes through :func:`respond` as a followup. The latency recorded for the command ends here."""
    await interaction.response.defer(ephemeral=ephemeral, thinking=True)
    interaction.extras["responded_at"] = discord.utils.utcnow()


async def respond(
    interaction: discord.Interaction,
    content: str | None = None,
    *,
    embeds: list[discord.Embed] | None = None,
    view: discord.ui.View | None = None,
    ephemeral: bool = False,
    files: list[discord.File] | None = None,
) -> None:
    """Send the response, or a followup when the interaction was already acknowledged (deferred)."""
    none = discord.AllowedMentions.none()
    interaction.extras.setdefault("responded_at", discord.utils.utcnow())
    if interaction.response.is_done():
        await interaction.followup.send(
            content or "",
            embeds=embeds or [],
            files=files or [],
            view=view if view is not None else discord.utils.MISSING,
            ephemeral=ephemeral,
            allowed_mentions=none,
        )
        return
    await interaction.response.send_message(
        content,
        embeds=embeds or [],
        files=files or [],
        view=view if view is not None else discord.utils.MISSING,
        ephemeral=ephemeral,
        allowed_mentions=none,
    )


async def ask(
    interaction: discord.Interaction,
    question: str,
    confirm_label: str,
    embeds: list[discord.Embed] | None = None,
    nothing: str = "forget",
) -> discord.Interaction | None:
    """Ask the invoker to confirm (privately). Returns the button's interaction on yes; on no or timeout it
    says nothing was done (``{nothing}_cancelled``, ``{nothing}_timeout``: deleted, added, removed) and
    returns None."""
    view = Confirm(interaction.user.id, confirm_label)
    await respond(interaction, question, embeds=embeds, view=view, ephemeral=True)
    await view.wait()
    if view.answer is not None and view.result:
        return view.answer
    if view.answer is None:
        await interaction.edit_original_response(content=t(f"{nothing}_timeout"), embeds=[], view=None)
    else:
        await view.answer.response.edit_message(content=t(f"{nothing}_cancelled"), embeds=[], view=None)
    return None


class Confirm(discord.ui.View):
    """A yes/no question only its asker can answer; ``result`` is True, False, or None on timeout."""

    def __init__(self, owner_id: int, confirm_label: str, timeout: float = 120.0) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.result: bool | None = None
        self.answer: discord.Interaction | None = None
        self.yes.label = confirm_label
        self.no.label = t("cancel")

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        set_locale(pick(interaction))  # a press runs in a task of its own: reply in the presser's language
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(t("confirm_not_yours"), ephemeral=True)
        return False

    def _finish(self, interaction: discord.Interaction, result: bool) -> None:
        self.result = result
        self.answer = interaction
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        self.stop()

    @discord.ui.button(label="Confirm", style=discord.ButtonStyle.danger)
    async def yes(self, interaction: discord.Interaction, button: discord.ui.Button[Confirm]) -> None:
        self._finish(interaction, True)

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary)
    async def no(self, interaction: discord.Interaction, button: discord.ui.Button[Confirm]) -> None:
        self._finish(interaction, False)


class Choices(discord.ui.View):
    """Up to 25 buttons ("did you mean", several matching titles) only the asker can press; a press runs
    ``on_pick(interaction, value)`` and disables the buttons."""

    def __init__(
        self,
        owner_id: int,
        options: list[tuple[str, str]],
        on_pick: Callable[[discord.Interaction, str], Awaitable[None]],
        timeout: float = 120.0,
    ) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.on_pick = on_pick
        for i, (label, value) in enumerate(options[:25]):
            button: discord.ui.Button[Choices] = discord.ui.Button(
                label=fit(label, 80) or "?",
                style=discord.ButtonStyle.primary,
                custom_id=f"pick:{i}:{value[:80]}",
            )
            button.callback = self._pressed(value)  # type: ignore[method-assign,assignment]
            self.add_item(button)

    def _pressed(self, value: str) -> Callable[[discord.Interaction], Awaitable[None]]:
        async def pressed(interaction: discord.Interaction) -> None:
            for item in self.children:
                if isinstance(item, discord.ui.Button):
                    item.disabled = True
            self.stop()
            await self.on_pick(interaction, value)

        return pressed

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        set_locale(pick(interaction))  # a press runs in a task of its own: reply in the presser's language
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(t("confirm_not_yours"), ephemeral=True)
        return False
