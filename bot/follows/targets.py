"""What a follow targets (a person, an organization, or a name not seen yet) and which articles match it.

Pure: reads the library's view of one server and the articles; no store, no Discord.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.article import Article
from bot.article.names import fold
from bot.article.names import key as name_key
from bot.errors import UserError
from bot.i18n import t, use_locale
from bot.library.catalog import View
from bot.render.limits import clip, fit, one_line, plain
from bot.timeline import Move
from bot.timeline.current import same_org

PERSON, ORGANIZATION, NAME = "person", "organization", "name"  # NAME: not in any article yet
MAX_FOLLOWS = 25  # per member and server: what one /following page and one autocomplete list can show


@dataclass(frozen=True)
class Target:
    kind: str  # person | organization
    key: str  # what articles are matched on
    name: str  # as shown

    @classmethod
    def of(cls, row: dict[str, Any]) -> Target:
        """The target of a stored follow."""
        return cls(str(row["kind"]), str(row["target_key"]), str(row["target_name"]))

    @property
    def value(self) -> str:
        """How autocomplete hands the target back: kind and name, so a person and a company never mix."""
        return f"{self.kind[0]}:{self.name}"  # p:, o: or n:


def split_value(text: str) -> tuple[str | None, str]:
    """(kind or None, name) from an autocomplete value (``p:Name``) or a name as typed."""
    text = text.strip()
    kinds = {"p:": PERSON, "o:": ORGANIZATION, "n:": NAME}
    if text[:2] in kinds:
        return kinds[text[:2]], text[2:].strip()
    return None, text


def resolve(library: View, text: str) -> Target:
    """A person or an organization from what a member typed or picked; an error says what was meant."""
    kind, text = split_value(text)
    if kind in (None, PERSON):
        person = library.person(text)
        if person is not None:
            return Target(PERSON, person.key, person.name)
    if kind in (None, ORGANIZATION):
        org = library.organization(text)
        if org is not None:
            return Target(ORGANIZATION, fold(org), org)
    shown = clip(text, 80)
    suggestions = [p.name for p in library.suggest_people(text, limit=3)]
    suggestions += library.autocomplete_organizations(text, limit=2)
    if suggestions:
        names = ", ".join(f"**{plain(fit(n, 80))}**" for n in suggestions)
        raise UserError("follow_unknown_dym", shown=shown, names=names)
    if not fold(text):
        raise UserError("follow_unknown", shown=shown)
    # Nobody by that name yet: follow the name itself, matched against people and organizations alike.
    return Target(NAME, fold(text), one_line(text)[:100])


def targets_like(library: View, current: str, limit: int = 25) -> list[tuple[str, str]]:
    """(label, value) for autocomplete: people first, then organizations."""
    people = [
        (p.label(), Target(PERSON, p.key, p.name).value) for p in library.autocomplete_people(current, limit)
    ]
    with use_locale("en"):  # autocomplete labels are matched as typed: the kind stays in English
        kind = t("organization")
    orgs = [
        (f"{name} · {kind}", Target(ORGANIZATION, fold(name), name).value)
        for name in library.autocomplete_organizations(current, limit)
    ]
    half = max(limit // 2, limit - len(orgs))
    return (people[:half] + orgs)[:limit]


def mentions(library: View, article: Article, target: Target) -> bool:
    if target.kind == PERSON:
        return any(p.key == target.key for p in library.people_in(article.id))
    if target.kind == ORGANIZATION:
        return target.key in library.organization_keys_in(article.id)
    person = name_key(target.name)
    return any(p.key == person for p in library.people_in(article.id)) or (
        target.key in library.organization_keys_in(article.id)
    )


def passages(library: View, article: Article, target: Target, limit: int = 3) -> list[tuple[str, str]]:
    """(stance, sentence) for the claims of ``article`` by or about the target, at most ``limit``; when no claim
    names them, the points that do, with the stance ``""``."""
    refs = []
    if target.kind in (PERSON, NAME):
        refs = library.claims(article=article.id, person=target.name)
    if target.kind == ORGANIZATION or (target.kind == NAME and not refs):
        refs = library.claims(article=article.id, organization=target.name)
    if refs:
        return [(ref.claim.stance.value, ref.claim.text) for ref in refs[:limit]]
    person = library.person(target.name) if target.kind != ORGANIZATION else None
    names = {fold(n) for n in (person.all_names() if person else [target.name])}
    texts = [article.core_viewpoint, *(p.text for p in article.points())]
    return [("", text) for text in texts if any(n and n in fold(text) for n in names)][:limit]


MOVE = "move"  # the "stance" of a passage that is a move line (it leads the alert)


def moves_of_target(library: View, moves: list[Move], target: Target) -> list[Move]:
    """The moves (of one article) made by the followed person or at the followed organization."""
    names: set[str] = set()
    if target.kind in (PERSON, NAME):
        person = library.person(target.name)
        names = {name_key(n) for n in (person.all_names() if person else [target.name]) if name_key(n)}
    return [
        m
        for m in moves
        if (target.kind in (PERSON, NAME) and name_key(m.person) in names)
        or (target.kind in (ORGANIZATION, NAME) and m.organization and same_org(m.organization, target.name))
    ]
