"""Blocs as subjects (etl.stance_blocs): a definite bloc noun stands for the body named before it,
and the members its phrase lists act with it."""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stances import make_context, triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "The G7 will meet in Japan next month, officials said. The grouping of seven "
            "countries, including Canada and France, condemned Russia on Friday.",
            {
                ("g7", "russia", "critical"),
                ("canada", "russia", "critical"),
                ("france", "russia", "critical"),
            },
            id="a-bloc-noun-is-the-body-named-before-and-its-listed-members",
        ),
        pytest.param(
            "ECOWAS leaders gathered in Abuja on Monday. The bloc backed Mali on Friday.",
            {("ecowas", "mali", "supportive")},
            id="the-bloc-after-a-body-is-that-body",
        ),
        pytest.param(
            "The bloc condemned Russia on Friday.",
            set(),
            id="a-bloc-noun-with-no-body-named-before-is-nobody",
        ),
        pytest.param(
            "The G7 met in Japan. A bloc of poorer states condemned Russia.",
            set(),
            id="an-indefinite-bloc-is-not-the-body-named-before",
        ),
    ],
)
def test_bloc_subjects(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected
