"""Referrals to a court or council (etl.stance_referrals): critical of the actor referred."""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stances import make_context, triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Canada referred the human rights abuses in Venezuela to the International Criminal "
            "Court in September.",
            {("canada", "venezuela", "critical")},
            id="referring-abuses-in-a-country-to-a-court",
        ),
        pytest.param(
            "France referred Syria to the UN Security Council.",
            {("france", "syria", "critical")},
            id="referring-a-country-to-a-council",
        ),
        pytest.param(
            "The case of Myanmar was referred to the court by Canada.",
            {("canada", "myanmar", "critical")},
            id="a-passive-referral-is-the-agents",
        ),
        pytest.param(
            "Canada referred the question to its experts.",
            set(),
            id="a-referral-to-no-court-or-council-is-no-stance",
        ),
        pytest.param(
            "Canada urged France to refer Syria to the court.",
            set(),
            id="a-referral-only-asked-for-is-not-made",
        ),
    ],
)
def test_referrals(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected
