"""The start of a war, a campaign or an operation told by its own verb, a few words after the noun
(issue 9, events10: recurs in real_dev6, real_dev7 and real_dev8): "the clearance operations
started on …", "a power struggle … burst into an all-out war", "the army launched a brutal
campaign … in August", "the conflict exploded in 2014", "the genocide … starting on …".
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_event_unseen_pages import events_of, summary


def test_operations_that_started_on_a_day_are_a_military_operation_of_that_day(nlp):
    body = (
        "A new survey estimated that some 9,000 villagers were killed since the army's "
        '"security operations" started on 12 March 2019.'
    )
    found = summary(events_of(nlp, body, date(2020, 6, 1)))
    assert ("military_operation", "2019-03-12", "day") in found


def test_a_rivalry_that_burst_into_war_on_a_day_is_the_war_s_start(nlp):
    body = (
        "On June 3, a long feud between the two generals burst into open war, killing hundreds "
        "in the capital."
    )
    found = summary(events_of(nlp, body, date(2022, 8, 20)))
    assert ("military_operation", "2022-06-03", "day") in found


def test_launching_a_campaign_in_a_month_is_a_military_operation_of_that_month(nlp):
    body = (
        "Hundreds of thousands have fled across the river since the army launched a fierce "
        "campaign against the villages of the north in March."
    )
    found = summary(events_of(nlp, body, date(2019, 9, 10)))
    assert ("military_operation", "2019-03-01", "month") in found


def test_a_conflict_that_exploded_in_a_year_is_its_start(nlp):
    body = "The conflict exploded in 2016, when the rebels marched on the capital."
    found = summary(events_of(nlp, body, date(2020, 1, 15)))
    assert ("military_operation", "2016-01-01", "year") in found


def test_a_campaign_that_began_only_in_a_plan_is_no_event(nlp):
    body = "Officials said a new campaign against the militants will begin on Friday."
    found = summary(events_of(nlp, body, date(2021, 5, 4)))
    assert not any(kind == "military_operation" for kind, _, _ in found)


def test_a_leader_who_fled_on_a_day_is_an_event_of_that_day(nlp):
    # a head of state's flight (real_dev5 hq27, real_dev7 hs19): `other`, dated by its clause
    body = "The country's president Adam Mensah flew out of the capital on Saturday night."
    found = summary(events_of(nlp, body, date(2022, 5, 9)))
    assert ("other", "2022-05-07", "day") in found


def test_people_who_fled_are_no_event_of_their_own(nlp):
    body = "Thousands of families fled the town on Saturday as the rains came."
    found = summary(events_of(nlp, body, date(2022, 5, 9)))
    assert not any(kind == "other" for kind, _, _ in found)


# Review of the events10 round: the onset cues start a war only when something armed is said
# of the campaign or operation (its own words, who starts it, or "against" a people or place).
@pytest.mark.parametrize(
    ("body", "published"),
    [
        pytest.param(
            "UNICEF launched a polio vaccination campaign across the north on 3 May.",
            date(2021, 5, 10),
            id="a-vaccination-campaign",
        ),
        pytest.param(
            "The charity launched a fundraising campaign for the families in March.",
            date(2021, 5, 10),
            id="a-fundraising-campaign",
        ),
        pytest.param(
            "The relief operation began on 2 May, when the first convoy reached the camps.",
            date(2021, 5, 10),
            id="a-relief-operation",
        ),
        pytest.param(
            "Airport operations started again on Sunday after the storm.",
            date(2021, 5, 10),
            id="airport-operations",
        ),
    ],
)  # fmt: skip
def test_a_civilian_campaign_or_operation_starts_no_war(nlp, body, published):
    found = summary(events_of(nlp, body, published))
    assert not any(kind == "military_operation" for kind, _, _ in found)


def test_rescue_operations_after_an_earthquake_are_the_earthquake(nlp):
    body = "Rescue operations started on Saturday after the earthquake struck the coastal towns."
    found = summary(events_of(nlp, body, date(2021, 5, 10)))
    assert not any(kind == "military_operation" for kind, _, _ in found)
    assert ("other", "2021-05-08", "day") in found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "In January 2018, Turkey launched a military campaign against Kurdish militias in "
            "the enclave.",
            ("military_operation", "2018-01-01", "month"),
            id="a-military-campaign",
        ),
        pytest.param(
            "Thousands have fled since the government launched a campaign against the rebels "
            "on 3 May.",
            ("military_operation", "2021-05-03", "day"),
            id="a-campaign-against-rebels",
        ),
    ],
)  # fmt: skip
def test_an_armed_campaign_still_starts_a_war(nlp, body, expected):
    assert expected in summary(events_of(nlp, body, date(2021, 5, 10)))
