"""clip: outside text for one line of a reply."""

from __future__ import annotations

from bot.render.limits import clip, fit, one_line, plain


def test_clip_is_one_line_cut_and_inert() -> None:
    text = "**Nvidia**\n  buys   @everyone <@123> [a](http://x)"
    assert clip(text, 20) == plain(fit(one_line(text), 20))
    assert "\n" not in clip(text, 200)
    assert clip(text, 200).startswith("\\*\\*Nvidia\\*\\* buys @\u200beveryone")
    assert clip("a" * 50, 10) == "a" * 9 + "…"
    assert clip("", 10) == ""
