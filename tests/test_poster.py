"""The Poster over discord.py maps the services' plain mentions to exactly what the bot sent before the seam."""

from __future__ import annotations

import discord

from bot.delivery import Mentions, SendError, transient
from bot.discord.poster import allowed
from bot.render.posts import role_ping


def test_no_mentions_ping_nobody_and_a_role_ping_allows_that_role_alone() -> None:
    assert allowed(Mentions()).to_dict() == discord.AllowedMentions.none().to_dict() == {"parse": []}
    assert allowed(Mentions(roles=(5,))).to_dict() == role_ping([5])[1].to_dict()
    both = allowed(Mentions(users=(7, 8), roles=(5,))).to_dict()
    assert both == {"parse": [], "users": [7, 8], "roles": [5]}  # never @everyone


def test_discords_trouble_is_worth_another_try_and_a_refusal_is_not() -> None:
    assert transient(SendError(503, "down")) and transient(SendError(429, "slow down"))
    assert not transient(SendError(403, "Missing Access", 50001, "Forbidden"))
    assert transient(TimeoutError()) and transient(OSError()) and not transient(ValueError())
