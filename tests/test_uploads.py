"""/article add accepts the files a folder scan reads, judged by name, and says which kinds when it refuses."""

from __future__ import annotations

import pytest

from bot.errors import UserError
from bot.i18n import use_locale
from bot.ingest.intake import ARTICLE_SUFFIXES
from bot.ingest.uploads import check_upload_name, is_article_name


@pytest.mark.parametrize("name", ["fed.txt", "Fed Cut.MD", "feed.json", "notes.text", "a.b.txt"])
def test_article_files_are_accepted(name: str) -> None:
    assert is_article_name(name)
    check_upload_name(name)  # no refusal


@pytest.mark.parametrize("name", ["pyproject.toml", "report.pdf", "README", ".txt", "fed.txt.exe", "x.html"])
def test_other_files_are_refused_naming_the_accepted_kinds(name: str) -> None:
    assert not is_article_name(name)
    with pytest.raises(UserError) as refused:
        check_upload_name(name)
    assert refused.value.key == "upload_wrong_kind"
    for lang in ("en", "zh-CN", "zh-TW"):
        with use_locale(lang):
            text = refused.value.text()
        assert all(suffix in text for suffix in ARTICLE_SUFFIXES), text
    with use_locale("en"):
        assert "isn't an article file" in refused.value.text()
