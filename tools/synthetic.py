"""A deterministic synthetic corpus for the benchmark: summary-format and plain articles about generated people
and companies, so that the people index grows with the corpus as it would with real news."""

from __future__ import annotations

import random

from bot.article import Article, load_article

GIVEN = (
    "Anna Ben Carla David Elena Farid Grace Hiro Ines Jonas Kavya Leo Maria Nikhil Olga Pablo Qing Rosa Samir "
    "Tomas Uma Victor Wen Ximena Yusuf Zoe Amir Beatriz Chen Dmitri Eva Felix Gita Hans Ivan Julia Kenji Lena "
    "Marco Nadia Omar Petra Rafael Sofia Theo Ulrike Vera Wei Yara"
).split()
SYLLABLES = (
    "ka lo ri ben sto mar vel dun ash tor lin gre hal mon pes quin rad sel tam ver wol yor zan ell".split()
)
ORG_SUFFIX = ("Systems", "Labs", "Capital", "Technologies", "Group", "Holdings", "Networks", "Bank")
ROLES = ("CEO", "chief financial officer", "founder", "chief scientist", "president", "head of research")
TOPICS = ("chips", "cloud services", "AI models", "batteries", "payments", "satellites", "robots", "drugs")
STANCE_VERBS = (
    ("said", "asserted"),
    ("denied", "denied"),
    ("acknowledged", "acknowledged"),
    ("reportedly plans", "reported"),
)


def _surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _company(rng: random.Random) -> str:
    return f"{_surname(rng)} {rng.choice(ORG_SUFFIX)}"


def summary_text(i: int, seed: int = 7) -> str:
    """Article ``i`` in the summary format: 3-4 groups, citations, figures, people with roles."""
    rng = random.Random(seed * 1_000_003 + i)
    company = _company(rng)
    rival = _company(rng)
    people = [(f"{rng.choice(GIVEN)} {_surname(rng)}", rng.choice(ROLES)) for _ in range(rng.randint(2, 4))]
    topic = rng.choice(TOPICS)
    cite = iter(range(1, 60))
    groups = []
    for g in range(rng.randint(3, 4)):
        points = []
        for name, role in people[g % len(people) :] + people[: g % len(people)]:
            verb, _ = rng.choice(STANCE_VERBS)
            amount = rng.choice(("$", "€")) + f"{rng.randint(1, 900)} {rng.choice(('million', 'billion'))}"
            points.append(
                f"{company} {role} {name} {verb} that {topic} revenue could reach {amount} [{next(cite)}][{next(cite)}]."
            )
        points.append(f"{rival} shares rose about {rng.randint(1, 30)}% after the news [{next(cite)}].")
        groups.append(f"Group {g + 1}: {topic.title()} Outlook {g + 1} - " + " - ".join(points))
    title = f"{company} bets on {topic} as {people[0][0]} reshapes the business ({i})"
    return (
        f"{title}\nWire·2025-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}\n\n"
        f"Core Viewpoint - {company} is expanding in {topic} while {rival} competes for customers [1]. "
        + " ".join(groups)
        + f"\n\n{title} - Reportify\n"
    )


def plain_text(i: int, seed: int = 11) -> str:
    """Article ``i`` as plain news text: headline, byline, date, paragraphs."""
    rng = random.Random(seed * 1_000_003 + i)
    company = _company(rng)
    name = f"{rng.choice(GIVEN)} {_surname(rng)}"
    other = f"{rng.choice(GIVEN)} {_surname(rng)}"
    topic = rng.choice(TOPICS)
    return (
        f"{company} reports record demand for {topic}\nBy Staff Writer\n2025-{1 + i % 12:02d}-{1 + i % 28:02d}\n\n"
        f"{company} said on Tuesday that demand for its {topic} rose about {rng.randint(2, 40)}% in the quarter.\n\n"
        f"Chief executive {name} said the company would hire {rng.randint(100, 5000)} engineers. "
        f"Analysts at {_company(rng)} reportedly expect margins to improve.\n\n"
        f"{other}, the company's chief financial officer, denied that costs were rising faster than sales.\n"
    )


def scaled_corpus(n: int, pool: int = 200, seed: int = 7) -> list[Article]:
    """``n`` Article models: ``pool`` parsed summary articles, copied with every person renamed to a fresh
    generated name (so the people index grows with ``n``) and a fresh id and title. Parsing 100,000 texts would
    measure the parser again; this measures what the store and the library do with that many articles."""
    import hashlib

    templates = [load_article(summary_text(i, seed)) for i in range(pool)]
    out: list[Article] = []
    for i in range(n):
        base = templates[i % pool]
        if i < pool:
            out.append(base)
            continue
        rng = random.Random(seed * 7_919 + i)
        renames = {}
        for person in base.people:
            first = person.name.split()[0]
            renames[person.name] = f"{first} {_surname(rng)}{i}"
            for alias in person.aliases:
                if " " not in alias:
                    renames[alias] = renames[person.name].split()[-1]
        data = base.model_dump_json()
        for old, new in sorted(renames.items(), key=lambda kv: -len(kv[0])):
            data = data.replace(old, new)
        copy = type(base).model_validate_json(data)
        copy.id = hashlib.sha256(f"{seed}:{i}".encode()).hexdigest()[:16]
        copy.title = f"{copy.title.rsplit(' (', 1)[0]} ({i})"
        out.append(copy)
    return out
