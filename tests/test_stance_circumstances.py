"""Acts named as circumstances are not the clause subject's (etl.stance_circumstances)."""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stances import make_context, triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Canada pledged additional sanctions against Russia in response to an unprovoked "
            "attack on Ukraine.",
            {("canada", "russia", "critical")},
            id="an-attack-answered-is-not-the-answerers",
        ),
        pytest.param(
            "Canada imposed sanctions on Russia after the invasion of Ukraine.",
            {("canada", "russia", "critical")},
            id="an-invasion-after-which-one-acts-is-not-ones-own",
        ),
        pytest.param(
            "Russia launched an attack on Ukraine.",
            {("russia", "ukraine", "critical")},
            id="an-attack-launched-is-the-subjects",
        ),
    ],
)
def test_circumstances(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected
