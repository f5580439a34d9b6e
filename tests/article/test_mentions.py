"""The dictionary scanner finds exactly what the mention pattern finds."""

from __future__ import annotations

import random

import pytest

from bot.article.names import Mentions, find_mentions, mention_pattern, mentions

PIECES = [
    "Mark",
    "Chen",
    "Mark Chen",
    "Open",
    "OpenAI",
    "Tan",
    "Lip-Bu Tan",
    "黄仁勋",
    "英伟达",
    "A股",
    "Li",
    "Li Wei",
]
NOISE = [" ", "-", "_", ", ", "'s ", "9", "x", "\n", "黄", "仁", "(", "Mc", "é", " said "]


def _pattern_finds(forms: list[str], text: str) -> list[tuple[int, int, str]]:
    pattern = mention_pattern(forms)
    return [] if pattern is None else [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def _random_form(rng: random.Random) -> str:
    letters = "AaBbCé黄仁勋-_ 9"
    first = rng.choice("ABCabé黄仁9")
    return first + "".join(rng.choice(letters) for _ in range(rng.randint(0, 6))).rstrip()


@pytest.mark.parametrize("size", [3, 12, 48, 49, 120])
def test_scanner_equals_pattern_on_random_texts(size: int) -> None:
    rng = random.Random(size)
    for _ in range(150):
        forms = list(dict.fromkeys([*rng.sample(PIECES, k=min(size, len(PIECES)))]))
        while len(forms) < size:
            forms.append(_random_form(rng))
        forms = list(dict.fromkeys(forms))
        text = "".join(rng.choice([*forms, *NOISE, *NOISE]) for _ in range(rng.randint(0, 60)))
        finder = mentions(forms)
        assert isinstance(finder, Mentions)
        assert list(find_mentions(finder, text)) == _pattern_finds(forms, text), (forms, text)


def test_a_longer_form_cut_by_the_end_of_the_text() -> None:
    for text in ("Mark", "x Mark", "Mark Ch", "黄仁", "Mark Chen"):
        forms = ["Mark Chen", "Mark", "黄仁勋"]
        assert list(find_mentions(mentions(forms), text)) == _pattern_finds(forms, text), text


def test_forms_not_starting_with_a_word_character_use_the_pattern() -> None:
    forms = ["(Mark)", "Chen"]
    finder = mentions(forms)
    assert not isinstance(finder, Mentions)
    text = "(Mark) and Chen"
    assert list(find_mentions(finder, text)) == _pattern_finds(forms, text)
    assert list(find_mentions(mentions([]), "Mark")) == []
