"""Speakers and hearsay in English news, round 2 (issue 16): sentences written here, names made up."""

from __future__ import annotations

import pytest

from bot.article import Stance
from tests.article.test_stance_real import claims_of


@pytest.mark.parametrize(
    "sentence",
    [
        "The lawsuit alleges that Tarnow hid losses from investors for two years.",
        "According to the complaint, Tarnow's managers destroyed records.",
        "The suit claims the firm overcharged customers.",
        "A class action filed in Delaware alleges that the board ignored warnings.",
    ],
)
def test_a_lawsuit_as_the_source_is_hearsay_with_no_speaker(sentence: str) -> None:
    claim = claims_of(sentence)[-1]
    assert (claim.speaker, claim.stance) == (None, Stance.REPORTED), sentence


def test_unnamed_people_after_the_statement_are_hearsay() -> None:
    claim = claims_of("Tarnow will cut 500 jobs, people involved in the matter said.")[-1]
    assert claim.stance is Stance.REPORTED
    assert claim.speaker is None


def test_nested_reporting_is_the_outlets() -> None:
    for body in (
        "The Daily Ledger reported that Ada Brook told staff in an email that the plant would close.",
        "Ada Brook told staff in an email that the plant would close, the Daily Ledger reported.",
    ):
        claim = claims_of(body)[-1]
        assert (claim.speaker, claim.stance) == ("Daily Ledger", Stance.REPORTED), body


def test_the_company_is_the_one_the_statement_before_was_about() -> None:
    claims = claims_of(
        "Tarnow Inc said on Monday it had filed its own suit against Bellcourt in a Texas court.\n\n"
        "Later that day, the Ohio-based company described the rival's case as sham litigation."
    )
    assert (claims[-1].speaker, claims[-1].stance) == ("Tarnow Inc", Stance.DENIED)


def test_the_company_is_never_a_public_body_named_in_passing() -> None:
    claims = claims_of(
        "Tarnow Inc disclosed the inquiry in a filing with the Securities and Exchange Commission.\n\n"
        '"We believe the claims are entirely without merit," the company said.'
    )
    assert claims[-1].speaker == "Tarnow Inc"


def test_the_subject_not_a_name_inside_its_apposition_speaks() -> None:
    claims = claims_of(
        "Newsline, a wire service owned by Harbor Media Group and based in Ohio, said in a statement that it had "
        "removed the release."
    )
    assert claims[-1].speaker == "Newsline"
