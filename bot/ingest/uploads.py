"""What ``/article add`` accepts: the files a folder scan reads (:data:`bot.ingest.intake.ARTICLE_SUFFIXES`),
judged by name before anything is downloaded, so a stray ``pyproject.toml`` is refused with the kinds that are
accepted instead of becoming an article titled ``[build-system]``."""

from __future__ import annotations

from pathlib import PurePath

from bot.errors import UserError
from bot.ingest.intake import ARTICLE_SUFFIXES


def accepted_kinds() -> str:
    """``.txt, .md, .json, .text``: the suffixes an upload may have, as a reply lists them."""
    return ", ".join(ARTICLE_SUFFIXES)


def is_article_name(filename: str) -> bool:
    """Whether a file of this name is read as an article (its suffix, in any case, is one the scan reads)."""
    return PurePath(filename).suffix.lower() in ARTICLE_SUFFIXES


def check_upload_name(filename: str) -> None:
    """Refuse an upload whose name is not an article file's, saying which kinds are accepted."""
    if not is_article_name(filename):
        raise UserError("upload_wrong_kind", kinds=accepted_kinds())
