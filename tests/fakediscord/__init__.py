"""A fake Discord on 127.0.0.1 (REST + gateway) that the real discord.py library connects to."""

from .server import FakeDiscord, Guild, Member, Reply

__all__ = ["FakeDiscord", "Guild", "Member", "Reply"]
