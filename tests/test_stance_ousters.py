"""Demands that a leader go (etl.stance_ousters): the demanding side is critical of the leader."""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stances import make_context, triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Canada is demanding that Sergei Lavrov resign.",
            {("canada", "russia", "critical")},
            id="demanding-that-a-leader-resign",
        ),
        pytest.param(
            "France called for Sergei Lavrov to step down after the vote.",
            {("france", "russia", "critical")},
            id="calling-for-a-leader-to-step-down",
        ),
        pytest.param(
            "Canada demanded Sergei Lavrov's resignation.",
            {("canada", "russia", "critical")},
            id="demanding-a-leaders-resignation",
        ),
        pytest.param(
            "The European Union plan calling for Sergei Lavrov to step down was rejected.",
            {("european-union", "russia", "critical")},
            id="a-plan-calling-for-a-leader-to-go-is-its-owners-demand",
        ),
        pytest.param(
            "Sergei Lavrov said he would not resign.",
            set(),
            id="a-leader-refusing-to-resign-is-no-demand",
        ),
        pytest.param(
            "Canada did not call for Sergei Lavrov to step down.",
            set(),
            id="a-negated-demand-is-no-stance",
        ),
    ],
)
def test_demands_that_a_leader_go(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected
