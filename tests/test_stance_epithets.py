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
            "Russia, Ukraine's former ally, rejected the criticism.",
            set(),
            id="a-former-ally-is-no-ally",
        ),
        pytest.param(
            "Iran, Syria's main regional ally, sent more advisers.",
            {("iran", "syria", "supportive")},
            id="a-current-ally-set-off-after-a-name",
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


def test_a_terrorist_label_in_a_spokeswomans_words(nlp):
    body = (
        "Russia said its officers had met the commanders of the terrorist organizations of "
        "Hamas and ISIS."
    )
    ctx = make_context(nlp, body)
    found = triples(extract_stances(ctx, [statement(body, "sergei-lavrov")]), ctx)
    assert {("russia", "hamas", "critical"), ("russia", "isis", "critical")} <= found


def test_a_terrorist_label_in_narration_is_no_stance(nlp):
    body = "The terrorist group ISIS claimed the attack."
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == set()


def test_an_alliance_stated_as_context_inside_someones_words(nlp):
    body = (
        '"Canada urges Russia and Iran, as supporters of Syria, to join the international '
        'community," Justin Trudeau said.'
    )
    ctx = make_context(nlp, body)
    found = triples(extract_stances(ctx, [statement(body, "justin-trudeau")]), ctx)
    assert {("russia", "syria", "supportive"), ("iran", "syria", "supportive")} <= found


def test_a_partner_hung_on_the_object_of_discuss(nlp):
    body = "Mélanie Joly said she had discussed the crisis with Sergei Lavrov on Monday."
    ctx = make_context(nlp, body)
    assert ("canada", "russia", "neutral") in triples(extract_stances(ctx, []), ctx)


def test_a_label_word_inside_a_name_is_no_label(nlp):
    body = "Canada would back the International Criminal Court's inquiry into Russia."
    ctx = make_context(nlp, body)
    found = triples(extract_stances(ctx, [statement(body, "justin-trudeau")]), ctx)
    assert not any(polarity == "critical" for _s, _t, polarity in found)
