"""A deed named bare and judged after its doer was told (`etl/stance_deeds.py`; round of
stances16b): "Russia criticised the strikes" after "The United States struck ..." is critical of
the United States. Sentences written for these tests in the style of the missed ones."""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stances import make_context, triples


@pytest.fixture
def stances_of(nlp):
    def run(body: str) -> set[tuple[str, str, str]]:
        ctx = make_context(nlp, body)
        return triples(extract_stances(ctx, []), ctx)

    return run


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The United States launched missile strikes on an air base in Syria on Friday. "
            "Russia criticised the strikes.",
            ("russia", "united-states", "critical"),
        ),
        (
            "Russia vetoed a draft resolution on Thursday. Canada condemned the veto.",
            ("canada", "russia", "critical"),
        ),
        (
            "Turkey's airstrikes hit Kurdish positions near the border overnight. "
            "Germany condemned the airstrikes.",
            ("germany", "turkey", "critical"),
        ),
    ],
)
def test_bare_deed_points_back_at_its_doer(stances_of, body, expected):
    assert expected in stances_of(body)


def test_a_telling_with_no_doer_is_passed_over(stances_of):
    body = (
        "The United States launched missile strikes on an air base on Friday. Nine people were "
        "killed in the strike against the base. Russia criticised the missile strikes."
    )
    assert ("russia", "united-states", "critical") in stances_of(body)


@pytest.mark.parametrize(
    "body",
    [
        # the doer was told too long before
        "Russia struck a market in the town last month. The market was busy with shoppers "
        "that day. Many people died in the town that week. Aid came very late to the town. "
        "Canada condemned the airstrikes.",
        # a deed of another kind is not the one judged
        "Russia vetoed a draft resolution on Thursday. Canada condemned the attack.",
    ],
)
def test_no_doer_no_edge(stances_of, body):
    assert not any(t == "russia" for _, t, _ in stances_of(body))
