"""Filter rules for what a server lets through (feed posts, digests, alerts): pure, on Article models only.

A rule is ``kind:value``, or ``-kind:value`` to exclude: ``word`` (a word or phrase, any script: Latin words
match whole words, case- and accent-free; Chinese, Japanese and Korean text matches as written), ``person``
(a person in the article or a claim's speaker, by any of their spellings), ``org`` (an organization), ``stance``
(asserted, reported, denied, acknowledged: some claim has it) and ``source`` (the outlet's name). An article
passes when no exclude rule matches it and, for every kind that has include rules, at least one of them
matches (rules of one kind are alternatives; different kinds must all hold).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from bot.article import Article, Stance
from bot.article.names import fold, has_cjk, key

MAX_VALUE = 100  # characters of a rule's value


class Kind(StrEnum):
    WORD = "word"
    PERSON = "person"
    ORG = "org"
    STANCE = "stance"
    SOURCE = "source"


class RuleError(ValueError):
    """A rule that cannot be used; the message says how to write one. ``key`` and ``values`` name the reason
    for a translated reply (``filter_rule_<key>`` in :mod:`bot.i18n`)."""

    def __init__(self, message: str, key: str = "", **values: object) -> None:
        super().__init__(message)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Rule:
    kind: Kind
    value: str
    exclude: bool = False

    def __str__(self) -> str:
        return f"{'-' if self.exclude else ''}{self.kind.value}:{self.value}"


KINDS = ", ".join(f"{k.value}:" for k in Kind)


def parse_rule(text: str) -> Rule:
    """``word:tariff``, ``-word:rumour``, ``person:Jensen Huang``, ``stance:denied``, ``source:Reuters``. A rule
    without a known kind is refused with a hint (``tariff`` -> "use word:tariff") rather than silently taken as
    a word, so a mistyped kind (``peson:Ada``) is not stored as a word nobody meant."""
    raw = " ".join((text or "").split())
    exclude = raw.startswith("-")
    raw = raw[1:].strip() if exclude else raw
    kind_text, sep, value = raw.partition(":")
    if not sep or kind_text.strip().lower() not in Kind._value2member_map_:
        if not raw or not re.search(r"\w", raw):
            raise RuleError(
                "a rule needs a value: for example word:tariff, -word:rumour, person:Jensen Huang", "empty"
            )
        hint = f"{'-' if exclude else ''}word:{raw}"
        raise RuleError(
            f"a rule starts with its kind ({KINDS}): to match the words, use {hint}",
            "no_kind",
            kinds=KINDS,
            hint=hint,
        )
    kind = Kind(kind_text.strip().lower())
    value = value.strip()
    if not value or not re.search(r"\w", value):
        raise RuleError(
            "a rule needs a value: for example word:tariff, -word:rumour, person:Jensen Huang", "empty"
        )
    if len(value) > MAX_VALUE:
        raise RuleError(f"a rule's value is at most {MAX_VALUE} characters", "long", n=MAX_VALUE)
    if kind is Kind.STANCE:
        value = value.lower()
        if value not in Stance._value2member_map_:
            raise RuleError("stance is one of: asserted, reported, denied, acknowledged", "stance")
    return Rule(kind, value, exclude)


def _text_of(article: Article) -> str:
    parts = [article.all_text(), *(c.text for c in article.claims)]
    return "\n".join(parts)


def _word_matches(value: str, text: str) -> bool:
    if has_cjk(value):  # no spaces between words: as written
        return value in text
    wanted = fold(value)
    return bool(wanted) and f" {wanted} " in f" {fold(text)} "


def _names(forms: Iterable[str]) -> set[str]:
    return {k for f in forms if f and (k := key(f))}


def matches(article: Article, rule: Rule) -> bool:
    """Whether ``article`` has what ``rule`` names (its include or exclude sign aside)."""
    if rule.kind is Kind.WORD:
        return _word_matches(rule.value, _text_of(article))
    if rule.kind is Kind.PERSON:
        forms = [f for p in article.people for f in (p.name, *p.aliases)]
        forms += [c.speaker for c in article.claims if c.speaker]
        return key(rule.value) in _names(forms)
    if rule.kind is Kind.ORG:
        forms = [f for o in article.organizations for f in (o.name, *o.aliases)]
        forms += [p.organization for p in article.people if p.organization]
        return key(rule.value) in _names(forms)
    if rule.kind is Kind.STANCE:
        return any(c.stance.value == rule.value for c in article.claims)
    return _word_matches(rule.value, article.source or "")  # Kind.SOURCE


DESTINATIONS = ("all", "feeds", "digest", "alerts")  # where a server's rule applies


class StoredRule(NamedTuple):
    """A server's rule as stored: where it applies (``destination``), and optionally only in one channel (feed
    posts in that channel, the digest when it is posted there) and/or for one feed's posts (0: any)."""

    destination: str
    rule: str
    channel_id: int = 0
    feed_id: int = 0


def rules_for(
    rows: Iterable[tuple[str, str] | StoredRule],
    destination: str,
    *,
    channel_id: int | None = None,
    feed_id: int | None = None,
) -> list[Rule]:
    """The rules that apply to ``destination`` (its own and those for ``all``) from stored rows, a rule for one
    channel only when posting into ``channel_id`` and a rule for one feed only for ``feed_id``'s posts; a stored
    rule that no longer parses is left out."""
    out = []
    for row in rows:
        where, text = row[0], row[1]
        channel = row[2] if len(row) > 2 else 0
        feed = row[3] if len(row) > 3 else 0
        if where not in ("all", destination):
            continue
        if (channel and channel != channel_id) or (feed and feed != feed_id):
            continue
        try:
            out.append(parse_rule(text))
        except RuleError:
            continue
    return out


def passes(article: Article, rules: Iterable[Rule]) -> bool:
    """Whether ``article`` gets through ``rules`` (no rules: everything does)."""
    wanted: dict[Kind, bool] = {}
    for rule in rules:
        hit = matches(article, rule)
        if rule.exclude:
            if hit:
                return False
        else:
            wanted[rule.kind] = wanted.get(rule.kind, False) or hit
    return all(wanted.values())
