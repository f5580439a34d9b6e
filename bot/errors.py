"""Errors a user can fix. Their message is shown to the user as it is, privately."""

from __future__ import annotations


class UserError(Exception):
    """Something the user asked for does not exist or cannot be done; ``str(err)`` says what to do."""
