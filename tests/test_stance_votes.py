"""Votes on a text aimed at a party (etl.stance_votes)."""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stances import make_context, triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Canada voted in favour of a resolution condemning Russia.",
            {("canada", "russia", "critical")},
            id="voting-for-a-text-against-a-party-is-critical-of-it",
        ),
        pytest.param(
            "China voted against a draft resolution condemning Syria.",
            {("china", "syria", "supportive")},
            id="voting-against-such-a-text-shields-the-party",
        ),
        pytest.param(
            "Ten members of the UN Security Council, including France and Kenya, voted for a "
            "resolution condemning Russia.",
            {("france", "russia", "critical"), ("kenya", "russia", "critical")},
            id="listed-members-vote-not-the-body-they-sit-in",
        ),
        pytest.param(
            "Canada voted for the resolution.",
            set(),
            id="a-text-aimed-at-nobody-gives-no-stance",
        ),
        pytest.param(
            "Canada should vote for a resolution condemning Russia.",
            set(),
            id="a-vote-only-wished-for-is-none",
        ),
    ],
)
def test_votes_on_texts(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected
