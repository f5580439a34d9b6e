"""Newsdesk: a Discord bot that turns article summaries into answers."""

__version__ = "0.1.0"
