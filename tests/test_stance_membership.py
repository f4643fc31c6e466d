"""Membership stated as a fact (etl.stance_membership): the member supports the body."""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stances import make_context, triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Canada has been working closely as a member of the G7.",
            {("canada", "g7", "supportive")},
            id="working-as-a-member",
        ),
        pytest.param(
            "Kenya, a member of ECOWAS, condemned Mali.",
            {("kenya", "ecowas", "supportive"), ("kenya", "mali", "critical")},
            id="a-member-in-apposition",
        ),
        pytest.param(
            "Egypt is a member of the European Union.",
            {("egypt", "european-union", "supportive")},
            id="being-a-member",
        ),
        pytest.param(
            "Canada met members of the G7.",
            {("canada", "g7", "neutral")},
            id="meeting-members-is-no-membership",
        ),
    ],
)
def test_memberships(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected
