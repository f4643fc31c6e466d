"""etl.figures: recall classes of figures on unseen pages (issue 9, real_dev5).

One test per class. Each text is written for the test in the genre of the corpus, not copied
from a development page: the tests hold the class (what is counted decides the category,
GOLD.md), not one page's wording.
"""

from __future__ import annotations

import pytest

from tests.test_figures import found


def test_list_rows_under_a_generic_line_take_the_question_heading_above_it(nlp):
    body = (
        "Rohingya numbers\n\n"
        "Which countries are hosting the most Rohingya refugees?\n\n"
        "These are the latest figures:\n\n"
        "Bangladesh: 960,000\n\n"
        "Malaysia: 103,000\n\n"
        "Which countries received the most Rohingya asylum requests?\n\n"
        "Australia: 4,100\n\n"
        "Canada: 2,300\n"
    )
    assert found(nlp, body) == [
        (960_000, "refugees"),
        (103_000, "refugees"),
        (4_100, "refugees"),
        (2_300, "refugees"),
    ]


def test_a_range_written_with_between_gives_both_ends(nlp):
    body = "The number of people expected to seek asylum in France is between 60,000 and 90,000."
    assert found(nlp, body) == [(60_000, "refugees"), (90_000, "refugees")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Canada set a quota of 20,000 refugee admissions for the coming year.",
            [(20_000, "resettled")],
        ),
        (
            "Ireland accepts an annual humanitarian quota of 500 urgent protection cases.",
            [(500, "resettled")],
        ),
    ],
)
def test_quotas_of_admissions_and_protection_cases_are_resettlement(nlp, body, expected):
    assert found(nlp, body) == expected


def test_cases_of_a_disease_are_no_figure(nlp):
    assert found(nlp, "The outbreak has grown to 1,200 cases in the province.") == []


def test_the_verb_of_what_happened_beats_a_description_of_who_is_counted(nlp):
    body = "Up to 250 Afghan refugees in need of protection will resettle in Ireland this year."
    assert found(nlp, body) == [(250, "resettled")]
    body = "Officials reported six internally displaced people dying from hunger in the camp."
    assert found(nlp, body) == [(6, "killed")]


def test_a_quotation_inside_the_subject_leaves_the_verb_to_decide(nlp):
    body = 'Up to 300 Sudanese refugees in "urgent need" of care will resettle in Norway.'
    assert found(nlp, body) == [(300, "resettled")]


def test_a_demonstrative_count_takes_the_category_of_the_figure_it_points_back_to(nlp):
    body = (
        "The government has offered to resettle up to 300 Afghans. "
        "Aid groups said these 300 frightened women and children deserve a safe future."
    )
    assert found(nlp, body) == [(300, "resettled"), (300, "resettled")]


def test_lives_in_danger_are_a_threatened_population_not_deaths(nlp):
    body = "An estimated 400,000 lives are in danger in the besieged south, the envoy said."
    assert [c for _, c in found(nlp, body)] == ["civilians"]


def test_people_awaiting_evacuation_and_sanctioned_officials_are_other(nlp):
    assert found(nlp, "The ministry says more than 8,000 people are awaiting evacuation.") == [
        (8_000, "other")
    ]
    body = "The EU announced sanctions against 35 senior officials of the junta."
    assert found(nlp, body) == [(35, "other")]


def test_money_committed_is_aid_money(nlp):
    assert found(nlp, "Japan has committed $2.5 billion to the region.") == [
        (2_500_000_000, "aid_money")
    ]


def test_a_country_that_has_another_nations_people_hosts_refugees(nlp):
    body = (
        "Peru's migration office said the country had more than 400,000 Venezuelans by March. "
        "Months later, it said the figure had risen to 650,000."
    )
    assert found(nlp, body) == [(400_000, "refugees"), (650_000, "refugees")]


def test_a_count_passing_a_mark_is_counted_by_its_subject(nlp):
    body = "The number of refugee arrivals in Moldova passed the one million mark in April."
    assert found(nlp, body) == [(1_000_000, "refugees")]


def test_the_strength_of_a_force_or_mission_counts_troops(nlp):
    assert found(nlp, "The alliance withdrew its 4,500-strong mission last year.") == [
        (4_500, "troops")
    ]
    assert found(nlp, "A 2,000-strong crowd marched on the palace.") == []


def test_casualties_counted_apart_from_the_injured_are_deaths(nlp):
    body = (
        "The war goes on, with casualty figures exceeding 9,000 people since 2016. "
        "A further 20,000 have been injured."
    )
    assert found(nlp, body) == [(9_000, "killed"), (20_000, "injured")]


def test_bullets_under_a_dated_summary_heading_are_the_storys_own_points(nlp):
    body = (
        "Live page\n\n"
        "Posted Tue 3 May 2022\n\n"
        "Summary for Tuesday, 3rd May\n\n"
        "• The airlift from the capital continues, officials say\n\n"
        "• The ministry says more than 8,000 people are still awaiting evacuation\n\n"
        "• Allies have pressed the president to extend the deadline\n\n"
        "The airlift went on through the night, officials said, as crowds grew at the gates."
    )
    assert found(nlp, body) == [(8_000, "other")]


def test_displaced_people_who_entered_another_country_are_refugees(nlp):
    body = "Some 3,000 displaced people crossed into Chad last week, officials said."
    assert found(nlp, body) == [(3_000, "refugees")]
    body = "Some 3,000 displaced people entered the camp last week, officials said."
    assert found(nlp, body) == [(3_000, "displaced")]


def test_a_nations_people_living_in_camps_in_another_country_are_refugees(nlp):
    body = "Nearly 900,000 Syrians are living in camps in Jordan near the border."
    assert found(nlp, body) == [(900_000, "refugees")]
