"""Mediators and helpers stated as facts (etl.stance_mediation)."""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stances import make_context, triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Qatar mediated talks between Israel and Hamas.",
            {
                ("qatar", "israel", "neutral"),
                ("qatar", "hamas", "neutral"),
                ("israel", "hamas", "neutral"),
                ("hamas", "israel", "neutral"),
            },
            id="a-mediator-addresses-each-party",
        ),
        pytest.param(
            "Saudi Arabia hosted talks between Sudan and the RSF in Jeddah.",
            {("sudan", "rsf", "neutral"), ("rsf", "sudan", "neutral")},
            id="a-host-is-no-mediator",
        ),
        pytest.param(
            "Egypt should mediate talks between Israel and Hamas.",
            # since round 10 talks only called for are no contact either (etl/stance_speech.py)
            set(),
            id="a-mediation-only-wished-for-is-none",
        ),
        pytest.param(
            "Sudan's army, with the help of Egypt, retook the city.",
            {("egypt", "sudan", "supportive")},
            id="a-helper-named-with-the-act-supports-the-actor",
        ),
        pytest.param(
            "Canada, with the backing of France, condemned Russia.",
            {("canada", "russia", "critical"), ("france", "canada", "supportive")},
            id="backing-named-with-a-condemnation-supports-the-condemner",
        ),
    ],
)
def test_mediators_and_helpers(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected
