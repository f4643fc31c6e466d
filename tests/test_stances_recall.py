"""Roles set off with "as", calls to join the international community, the topic of talks, and
valenced pairs that are not also neutral (etl.stances)."""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stances import make_context, triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Canada urged Russia and Iran, as supporters of Syria, to join the international "
            "community in condemning the attack.",
            {
                ("canada", "russia", "critical"),
                ("canada", "iran", "critical"),
                ("russia", "syria", "supportive"),
                ("iran", "syria", "supportive"),
            },
            id="as-supporters-and-a-call-to-join-the-international-community",
        ),
        pytest.param(
            "Germany urged Turkey to cooperate with the investigation.",
            {("germany", "turkey", "neutral")},
            id="cooperating-with-a-thing-stays-neutral",
        ),
        pytest.param(
            "Russia held talks on Syria in Doha on Monday.",
            set(),
            id="talks-on-a-country-do-not-address-it",
        ),
        pytest.param(
            "Canada held talks with Russia on Syria.",
            {("canada", "russia", "neutral")},
            id="talks-with-a-country-address-it",
        ),
        pytest.param(
            "The United States launched a military operation against Syria.",
            {("united-states", "syria", "critical")},
            id="an-operation-against-a-country",
        ),
        pytest.param(
            "Blinken said Washington was deeply grateful to Kenya for agreeing to lead the force.",
            {("united-states", "kenya", "supportive")},
            id="grateful-to-a-country",
        ),
        pytest.param(
            "The Chemical Weapons Convention binds Syria, Canada said.",
            set(),
            id="a-name-in-capitals-is-no-blame-cue",
        ),
        pytest.param(
            "Kenya expressed its gratitude to Qatar for the talks.",
            {("kenya", "qatar", "supportive")},
            id="gratitude-to-a-country",
        ),
    ],
)
def test_recall_rules(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected
