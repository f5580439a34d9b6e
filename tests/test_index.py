"""The compact indexes: prefix top-k by score and the trigram shortlist for fuzzy matching."""

from __future__ import annotations

import random

from rapidfuzz import fuzz, process

from bot.library.index import FuzzyIndex, PrefixIndex


def test_prefix_top_k_small_and_large_ranges() -> None:
    names = [f"name{i:05d}" for i in range(5000)]
    index = PrefixIndex((n, i) for i, n in enumerate(names))
    index.set_scores(float(i % 97) for i in range(5000))
    # A large range: the best scores, ties to the later item, exactly as a full sort gives.
    full = sorted(range(5000), key=lambda i: (-(i % 97), -i))
    assert index.top("name", 25) == full[:25]
    assert index.top("name0001", 5) == sorted(range(10, 20), key=lambda i: (-(i % 97), -i))[:5]  # small range
    assert index.top("zzz", 5) == []
    assert index.exact("name00042") == [42]
    # Scores change one item at a time; entries added in place keep the order.
    index.set_score(4999, 1000.0)
    assert index.top("name", 1) == [4999]
    index.add("aardvark", 5000)
    index.add("name00042", 5000)  # a second token for the new item
    index.add("name00042", 5000)  # added twice: still once
    index.set_score(5000, 2000.0)
    assert index.top("aard", 3) == [5000]
    assert index.exact("name00042") == [42, 5000]
    assert index.top("name", 2) == [5000, 4999]  # an item found under several tokens counts once
    # Equal scores and one item under many tokens: still k distinct items, in a fixed order.
    flat = PrefixIndex([*((f"x{i:03d}", i) for i in range(300)), *((f"x{j:03d}y", 0) for j in range(300))])
    flat.set_scores([1.0] * 300)
    assert flat.top("x", 10) == list(range(299, 289, -1))
    for n in range(PrefixIndex.PENDING + 10):  # pending pairs, then folded in: answers unchanged
        flat.add(f"z{n:05d}", 300 + n % 7)
    flat.set_scores([1.0] * 307)
    assert flat.top("x", 3) == [299, 298, 297] and flat.top("z0000", 7) == list(range(306, 299, -1))
    assert flat.exact("x005") == [5] and len(flat) == 600 + PrefixIndex.PENDING + 10


def test_fuzzy_shortlist_finds_what_a_full_scan_finds() -> None:
    rng = random.Random(3)
    syllables = "ka lo ri ben sto mar vel dun ash tor lin gre hal mon pes quin rad sel".split()
    given = "anna ben carla david elena farid grace hiro ines jonas".split()
    names = sorted(
        {f"{rng.choice(given)} {''.join(rng.choice(syllables) for _ in range(3))}" for _ in range(8000)}
    )
    index = FuzzyIndex(names)
    assert len(index) > FuzzyIndex.SMALL  # the shortlist is in use
    for name in rng.sample(names, 40):
        typo = name[:-2] + "xq"
        best = index.search(typo, 5)
        full = process.extract(typo, names, scorer=fuzz.WRatio, limit=1)
        assert best and best[0][1] == full[0][1], (typo, best[:2], full)
    # Added later: found before and after it is folded in.
    at = index.add("zelda quintessa")
    assert index.search("zelda quintesa", 1)[0][0] == at
    for i in range(FuzzyIndex.PENDING + 1):
        index.add(f"filler {i}")
    assert index.search("zelda quintesa", 1)[0][0] == at
    assert index.search("", 3) == []
