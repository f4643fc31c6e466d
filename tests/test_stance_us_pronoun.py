""" "US" in capitals is the United States, not the pronoun "us" (issue 9): the stance walks skipped
first-person subjects ("we", "us", "our") by their lower-case form, so "The US condemned …" gave no
edge at all (found by stances14 on real_dev9). "us" and "we" in a speaker's own words still stand for
the speaker, not for a country named "US".
"""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stances import ACTORS, FORMS, make_context, statement, triples

_FORMS = (*FORMS, ("US", "united-states", "alias"))


@pytest.fixture
def stances_of(nlp):
    def run(body: str, speaker: str | None = None) -> set[tuple[str, str, str]]:
        ctx = make_context(nlp, body, ACTORS, _FORMS)
        statements = [statement(body, speaker)] if speaker else []
        return triples(extract_stances(ctx, statements), ctx)

    return run


@pytest.mark.parametrize(
    "body",
    [
        "The US condemned Syria's use of chemical weapons on Tuesday.",
        "On Monday the US sharply criticised Russia over the strikes.",
    ],
)
def test_the_us_in_capitals_is_a_source(stances_of, body):
    found = stances_of(body)
    assert any(src == "united-states" and pol == "critical" for src, _, pol in found), found


def test_lower_case_us_is_still_the_speaker(stances_of):
    found = stances_of("Russia has lied to us about the attack.", "canada")
    assert all(src != "united-states" for src, _, _ in found), found
