"""etl.figures: failure classes of figures on unseen pages (issue 9, real_dev6).

One test per class, each named for the behaviour it holds. The sentences are written for the
test in the genre of the corpus, not copied from a development page: what is counted decides
the category (GOLD.md), read from the number's own noun and verb, not from one page's words.
"""

from __future__ import annotations

import pytest

from etl.clean import clean_text
from etl.numbers import find_quantities
from tests.test_figures import found


def test_a_citation_mark_after_a_sentence_is_no_figure(nlp):
    body = (
        "More than 700,000 Rohingya have fled to Bangladesh since 2017.[4] Many live in camps.[5]"
    )
    assert found(nlp, body) == [(700_000, "refugees")]


def test_thousands_grouped_by_spaces_are_one_number():
    values = [q.value for q in find_quantities("More than 600 000 migrants now live in Peru.")]
    assert values == [600_000]
    # a telephone number stays out, as before
    assert find_quantities("Call 613 288 2529 for details.") == []


def test_migrants_counted_in_a_country_are_refugees(nlp):
    assert found(nlp, "More than 600 000 migrants now live in Peru.") == [(600_000, "refugees")]


def test_a_bulleted_list_of_numbers_by_place_is_kept_by_cleaning_and_read_row_by_row(nlp):
    page = (
        "The agency published its latest figures on Tuesday, and said the number of people "
        "crossing the border had grown every week since the start of the year.\n\n"
        "Registered refugees\n\n- Jordan - 120,500\n\n- Iraq - 40,200\n\n- North Africa - 6,100\n\n"
        "No comments:\n\nPost a Comment"
    )
    body = clean_text(page)
    assert "- North Africa - 6,100" in body
    assert found(nlp, body) == [(120_500, "refugees"), (40_200, "refugees"), (6_100, "refugees")]


def test_a_sum_restated_in_other_currencies_is_one_figure():
    text = "Germany has spent $300m (270m euros; £230m) on camps, and (separately) $4m on roads."
    assert [q.value_text for q in find_quantities(text)] == ["$300m", "$4m"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The government will spend $20 million supplying 50,000 refugees with food and "
            "blankets in Iraq.",
            [(20_000_000, "aid_money"), (50_000, "refugees")],
        ),
        (
            "Jordan has spent more than $300m setting up 9 refugee camps.",
            [(300_000_000, "aid_money")],
        ),
        # money spent on anything else is no assistance
        (
            "The army has trained only 50 soldiers after spending over $400 million.",
            [(50, "troops"), (400_000_000, "other")],
        ),
    ],
)
def test_money_spent_on_people_who_fled_is_aid(nlp, body, expected):
    assert found(nlp, body) == expected


def test_displaced_people_given_aid_are_counted_as_beneficiaries(nlp):
    body = "120,000 newly displaced people assisted with food rations since June."
    assert found(nlp, body) == [(120_000, "other")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "A Russian plane has landed in Kabul but evacuated only 12 people.",
            [(12, "resettled")],
        ),
        # evacuated by nobody named from another country: moved inside their own
        (
            "More than 1,000 children have been evacuated in the last 24 hours.",
            [(1_000, "displaced")],
        ),
    ],
)
def test_people_a_foreign_aircraft_evacuates_are_resettled(nlp, body, expected):
    assert found(nlp, body) == expected


def test_people_who_left_a_named_country_are_refugees(nlp):
    body = "The agency counted more than 150,000 people who have left Sudan since April."
    assert found(nlp, body) == [(150_000, "refugees")]


def test_people_who_applied_for_international_protection_are_refugees(nlp):
    body = "Some 4,100 people applied for international protection in Ireland last year."
    assert found(nlp, body) == [(4_100, "refugees")]


def test_a_count_that_became_refugees_counts_refugees(nlp):
    assert found(nlp, "More than 300,000 have become refugees since January.") == [
        (300_000, "refugees")
    ]


def test_facts_listed_under_a_line_ending_in_a_dash_are_figures(nlp):
    body = (
        "The High Commissioner said -\n\n"
        "- Half of the refugees were children\n\n"
        "- more than 300,000 have become refugees since January\n\n"
        "- Some 50,000 of them live in camps"
    )
    assert (300_000, "refugees") in found(nlp, body)


def test_people_before_a_flight_verb_read_as_a_noun_are_counted(nlp):
    body = "The UN said the offensive could see 300,000 people flee."
    assert [value for value, _ in found(nlp, body)] == [300_000]


def test_a_count_of_displacements_counts_displaced_people(nlp):
    body = "More than 400,000 displacements have been recorded since May, the cluster said."
    assert found(nlp, body) == [(400_000, "displaced")]


def test_a_table_row_and_a_sentence_near_its_value_are_two_figures(nlp):
    body = (
        "Turkey, providing a home for some 184,000 refugees, is building new camps.\n\n"
        "Refugee numbers\n\n- Turkey - 185,205\n\n- Iraq - 105,326"
    )
    assert found(nlp, body) == [
        (184_000, "refugees"),
        (185_205, "refugees"),
        (105_326, "refugees"),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "According to the latest figures, about 45,000 individuals are now in camps and "
            "reception centres.",
            [(45_000, "displaced")],
        ),
        # refugees in camps stay refugees
        (
            "About 45,000 refugees are now in camps near the border.",
            [(45_000, "refugees")],
        ),
    ],
)
def test_people_counted_in_camps_or_shelters_are_displaced(nlp, body, expected):
    assert found(nlp, body) == expected


def test_a_link_line_naming_a_web_address_is_page_furniture(nlp):
    body = (
        "The rebuilding will take years, the president said in the interview.\n\n"
        "More than 40 thousand dead and the rescue work on the example.com: how two countries "
        "cope with the quake\n\n"
        "Some 2,000 soldiers were deployed to the region."
    )
    assert found(nlp, body) == [(2_000, "troops")]


def test_a_peoples_name_counted_as_people_once_is_people_in_the_article(nlp):
    body = (
        "A survey estimated that more than 9,000 Rohingya were killed by soldiers. It also "
        "estimated that at least 12,000 Rohingya women were raped, 16,000 Rohingya were beaten, "
        "and 20,000 Rohingya were thrown into fires."
    )
    assert found(nlp, body) == [
        (9_000, "killed"),
        (12_000, "other"),
        (16_000, "other"),
        (20_000, "other"),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a flight that names no place, border or country crossed is displacement
        ("The UN said the offensive could see 300,000 people flee.", [(300_000, "displaced")]),
        (
            "The UN said the offensive could see 300,000 people flee the country.",
            [(300_000, "refugees")],
        ),
        ("More than 40,000 refugees have fled, the agency said.", [(40_000, "refugees")]),
    ],
)
def test_a_flight_that_names_no_country_crossed_is_displacement(nlp, body, expected):
    assert found(nlp, body) == expected


def test_a_count_that_sums_up_the_words_before_it_takes_their_cue(nlp):
    body = (
        "The group is calling for a tenth of the refugees to be resettled by the end of next "
        "year (this amounts to 250,000 people)."
    )
    assert found(nlp, body) == [(250_000, "resettled")]
