"""Relations stated in epithets: "Government ally Russia", "the friendly Russian Federation"
(etl.stance_epithets), acts done "jointly", and titles in capitals (etl.stances)."""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stances import make_context, statement, triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Syria's war entered its tenth year. Government ally Russia sent more jets.",
            {("russia", "syria", "supportive")},
            id="government-ally-is-the-story-countrys-ally",
        ),
        pytest.param(
            "Kremlin ally Hungary objected to the plan.",
            {("hungary", "russia", "supportive")},
            id="an-actor-named-before-the-role",
        ),
        pytest.param(
            "Hungary, a member of the alliance, objected.",
            set(),
            id="no-role-no-epithet",
        ),
        pytest.param(
            "Russia and Turkey jointly brokered the deal.",
            {("russia", "turkey", "supportive"), ("turkey", "russia", "supportive")},
            id="an-act-done-jointly",
        ),
        pytest.param(
            "Russia and China jointly blocked Security Council action on Syria.",
            {("russia", "syria", "supportive"), ("china", "syria", "supportive")},
            id="co-vetoers-shield-a-third-party-not-each-other",
        ),
        pytest.param(
            "Canada Welcomes 4,000 Israeli Refugees Across Provinces",
            set(),
            id="a-demonym-on-refugees-in-a-title-names-people",
        ),
    ],
)
def test_epithets(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected


def test_a_friendly_country_in_a_speakers_words(nlp):
    body = "I welcome the President of the friendly Republic of Turkey and our guests."
    ctx = make_context(nlp, body)
    found = triples(extract_stances(ctx, [statement(body, "iran")]), ctx)
    assert ("iran", "turkey", "supportive") in found


def test_a_friendly_country_in_narration_is_no_stance(nlp):
    body = "Relations between the two friendly countries, Turkey and Egypt, improved."
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == set()
