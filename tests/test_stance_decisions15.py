"""A decision named as a noun with its maker (`etl/stance_decisions.py`; round of stances15,
real_dev4, real_dev8, real_dev10, real_dev11): the maker takes the decided act's stance toward its
object, and whoever welcomes or condemns a decision "by" its maker takes that stance toward it.
The parser hangs the "by" phrase and the "to" clause on the welcoming verb as often as on the noun.
Sentences written for these tests in the style of the missed ones."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("body", "speaker", "expected"),
    [
        (
            "We welcome the decision today by Germany, France and Poland to recognize Israel.",
            "united-states",
            {
                ("germany", "israel", "supportive"),
                ("france", "israel", "supportive"),
                ("poland", "israel", "supportive"),
                ("united-states", "germany", "supportive"),
                ("united-states", "france", "supportive"),
                ("united-states", "poland", "supportive"),
            },
        ),
        (
            "Canada welcomed the decision by Germany to send aid to Ukraine.",
            None,
            {("canada", "germany", "supportive")},
        ),
        (
            "Canada welcomed Germany's decision to recognize Israel.",
            None,
            {("canada", "germany", "supportive"), ("germany", "israel", "supportive")},
        ),
        (
            "Canada deplored the move by Russia and China to veto the resolution.",
            None,
            {("canada", "russia", "critical"), ("canada", "china", "critical")},
        ),
        (
            "France praised the decision by Qatar to condemn Iran.",
            None,
            {("france", "qatar", "supportive"), ("qatar", "iran", "critical")},
        ),
    ],
)
def test_decision_maker_and_judge(stances_of, body, speaker, expected):
    assert expected <= stances_of(body, speaker)


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        # still to come: no decision made yet
        (
            "Canada would welcome a decision by Germany to recognize Israel.",
            {("germany", "israel", "supportive"), ("canada", "germany", "supportive")},
        ),
        # a decision not to act is no act
        (
            "Canada welcomed the decision by Germany not to recognize Israel.",
            {("germany", "israel", "supportive"), ("germany", "israel", "critical")},
        ),
    ],
)
def test_decision_not_made(stances_of, body, absent):
    assert not absent & stances_of(body)
