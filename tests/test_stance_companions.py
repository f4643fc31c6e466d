"""Companions of a subject (etl.stance_companions): those named "along with", "together with" or
"alongside" a subject act with it, and a name opening a list the parser cut off is a subject."""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stances import make_context, triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Canada, along with France and Egypt, condemned Russia.",
            {
                ("canada", "russia", "critical"),
                ("france", "russia", "critical"),
                ("egypt", "russia", "critical"),
            },
            id="along-with-companions-share-the-act",
        ),
        pytest.param(
            "Canada, together with France, backed Ukraine.",
            {("canada", "ukraine", "supportive"), ("france", "ukraine", "supportive")},
            id="together-with-companions-share-the-act",
        ),
        pytest.param(
            "Blinken, Sergei Lavrov and Justin Trudeau held phone consultations on Tuesday.",
            {
                (a, b, "neutral")
                for a in ("united-states", "russia", "canada")
                for b in ("united-states", "russia", "canada")
                if a != b
            },
            id="a-name-opening-a-cut-off-list-is-one-of-those-who-spoke",
        ),
        pytest.param(
            "Kenya said that Kenya — along with Egypt and Qatar — condemned Russia.",
            {
                ("kenya", "russia", "critical"),
                ("egypt", "russia", "critical"),
                ("qatar", "russia", "critical"),
            },
            id="companions-set-off-by-dashes-in-the-claimants-own-account",
        ),
        pytest.param(
            "Kenya said that Egypt, along with Qatar, condemned Russia.",
            set(),
            id="a-claim-about-others-acting-together-is-still-only-a-claim",
        ),
        pytest.param(
            "Canada met with France and condemned Russia.",
            {
                ("canada", "france", "neutral"),
                ("france", "canada", "neutral"),
                ("canada", "russia", "critical"),
            },
            id="meeting-with-a-partner-does-not-make-it-a-companion",
        ),
    ],
)
def test_companions_act_with_the_subject(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected
