"""People, organizations, claims, stance, speaker and figures, from the article text alone.

The extractor weighs evidence the way a careful reader does: a given name or a Chinese surname, a role
before the name (``Intel CEO Lip-Bu Tan``), an apposition after it (``Mark Chen, OpenAI's chief research
officer``), a verb of saying, a name given in two scripts, a list of names. Words that make a capitalized
phrase an organization, product or place count against it. Nothing here knows any particular article.

This module is the pipeline; each phase is a module taking and returning plain data (lists, dicts, the
model's types), and every phase is linear in the text it reads:

    tokens -> people.candidates -> cjk.pairs -> people.weigh -> organizations.mentioned -> people.accept
           -> organizations.merge -> people.finish -> claims

``roles`` (role and organization around a name), ``stance`` and ``figures`` are read by the phases above.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Claim, Organization, Person
from . import cjk, claims, organizations, people, tokens
from .cjk import cjk_name_in
from .figures import figures_of
from .stance import stance_of
from .tokens import Statement, Tok, statements_of, tokenize

__all__ = [
    "Extraction",
    "Statement",
    "Tok",
    "cjk_name_in",
    "extract",
    "figures_of",
    "stance_of",
    "statements_of",
    "tokenize",
]


@dataclass
class Extraction:
    people: list[Person]
    organizations: list[Organization]
    claims: list[Claim]


def extract(
    title: str, statements: list[Statement], language: str = "en", byline: str | None = None
) -> Extraction:
    statements, sentences, toks = tokens.tokens(statements)
    # 1. Person candidates and organization mentions, then the evidence they share.
    cands, org_mentions = people.candidates(sentences, toks)
    pairs, org_pairs, cn_people = cjk.pairs(sentences, toks, cands)
    if byline:
        cn_people.extend(cjk.byline_names(byline))  # '记者 张某 编辑 李某': the writers are people too
    people.weigh(cands, sentences)
    # 2. Organizations by shape and context; 3. people accepted, merged and given their aliases.
    org_names = organizations.mentioned(org_mentions, toks)
    drafts = people.accept(cands, org_names, pairs, cn_people, title, sentences)
    found_orgs = organizations.merge(
        org_names,
        people.person_words(drafts),
        org_pairs,
        [d.org for d in drafts.values() if d.org],
        organizations.definite(toks),
    )
    found_people = people.finish(drafts, found_orgs)
    # 4. One claim per statement.
    return Extraction(
        people=found_people,
        organizations=found_orgs,
        claims=claims.claims(statements, found_people, found_orgs),
    )
