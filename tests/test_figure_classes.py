"""etl.figures: failure classes of figures seen on real pages (issue 9), one test per class.

Each sentence is written in the genre of the corpus, not copied from a development page, so the
tests hold the class (what is counted decides the category, GOLD.md), not one page's wording.
"""

from __future__ import annotations

import pytest

from etl.figure_tables import find_rows
from etl.numbers import find_quantities
from tests.test_figures import found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Some 84,000 Afghans are registered in Pakistan's northern provinces.",
            [(84_000, "refugees")],
        ),
        (
            "About 61,300 Sudanese are already registered or awaiting registration in Chad.",
            [(61_300, "refugees")],
        ),
        (
            "Some 120,500 are registered and another 9,300 are in the process of being registered.",
            [(120_500, "refugees"), (9_300, "refugees")],
        ),
    ],
)
def test_people_registered_in_a_host_country_are_refugees(nlp, body, expected):
    assert found(nlp, body) == expected


def test_a_nations_people_counted_in_another_country_are_refugees(nlp):
    body = "The agency said 2.9 million Venezuelans are in Colombia, while 1.5 million are in Peru."
    assert found(nlp, body) == [(2_900_000, "refugees"), (1_500_000, "refugees")]


def test_the_relative_clause_of_a_level_says_what_is_counted(nlp):
    body = "The number of Sudanese who have left their country since April has passed 1.2 million."
    assert found(nlp, body) == [(1_200_000, "refugees")]


def test_a_negated_cue_does_not_decide_the_category(nlp):
    body = "Jordan hosts 650,000 Syrian refugees who cannot return home, the minister said."
    assert found(nlp, body) == [(650_000, "refugees")]


def test_a_subgroup_introduced_by_including_takes_the_count_it_belongs_to(nlp):
    body = "Jordan hosts 750,000 refugees, including 60,000 Iraqis, the agency said."
    assert found(nlp, body) == [(750_000, "refugees"), (60_000, "refugees")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The party promised to bring yet in another 5,000 refugees next year.",
            [(5_000, "resettled")],
        ),
        (
            "Ministers will discuss the goal of bringing 20,000 Afghan refugees to Canada, and the "
            "province's call to bring 3,000 to Canada by the spring.",
            [(20_000, "resettled"), (3_000, "resettled")],
        ),
    ],
)
def test_people_a_country_brings_in_or_brings_to_itself_are_resettled(nlp, body, expected):
    assert found(nlp, body) == expected


def test_people_another_country_evacuates_from_a_capital_are_resettled(nlp):
    body = "Officials said the US has evacuated more than 45,000 people from Kabul since Sunday."
    assert found(nlp, body) == [(45_000, "resettled")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("More than 90,000 people have fled Eastern Ghouta since March.", [(90_000, "displaced")]),
        ("More than 90,000 people have fled Syria since March.", [(90_000, "refugees")]),
        ("Some 20,000 people fled Mosul to Syria in a week.", [(20_000, "refugees")]),
        ("Some 40,000 people have fled South Ossetia for Russia.", [(40_000, "refugees")]),
    ],
)
def test_fleeing_a_town_or_region_is_displacement_and_fleeing_a_country_is_flight(
    nlp, body, expected
):
    assert found(nlp, body) == expected


def test_counts_of_families_are_not_figures_but_their_individuals_are(nlp):
    body = (
        "Aid reached the remaining 22 families (131 individuals) who were evacuated from the town."
    )
    assert found(nlp, body) == [(131, "displaced")]


def test_counts_of_beneficiaries_homicides_and_prisoners_are_figures(nlp):
    assert found(nlp, "The agency will expand cash grants to 9,000 beneficiaries.") == [
        (9_000, "other")
    ]
    assert found(nlp, "Police recorded more than 2,400 homicides this year.") == [(2_400, "killed")]
    assert found(nlp, "There are at least 870 ISIS members in our prisons, he said.") == [
        (870, "other")
    ]


def test_a_list_of_places_and_numbers_separated_by_semicolons_takes_the_sentences_category(nlp):
    body = (
        "The registered Afghan refugees in each country are: Pakistan, 1,320,000; Iran, 780,000; "
        "and Tajikistan, 11,740."
    )
    assert found(nlp, body) == [
        (1_320_000, "refugees"),
        (780_000, "refugees"),
        (11_740, "refugees"),
    ]


def test_a_daily_count_of_people_is_a_figure(nlp):
    body = (
        "More than 300,000 Sudanese have crossed into Chad, and the numbers are climbing by "
        "more than 2,000 per day."
    )
    assert found(nlp, body) == [(300_000, "refugees"), (2_000, "refugees")]


def test_a_daily_sum_of_money_is_still_a_price(nlp):
    assert found(nlp, "Families in the camp live on less than $3 a day.") == []


def test_a_bullet_inside_a_line_starts_a_new_sentence(nlp):
    body = (
        "Power will take days to return to the city • More than 96,000 people, including "
        "40,000 children, have been displaced from the district."
    )
    assert found(nlp, body) == [(96_000, "displaced"), (40_000, "displaced")]


TABLE = (
    "Impact of the offensive | |\n"
    "Displacement | |\n"
    "Cumulative displacement | Over 95,000 people, including up to 41,000 children |\n"
    "Number of people crossing into Iraq | 8,210 people – IOM |\n"
    "Response | |\n"
    "Aid in the north | 730,000 ppl reached/month\n"
)


def test_a_table_cell_with_a_number_and_words_is_a_row(nlp):
    assert found(nlp, TABLE) == [
        (95_000, "displaced"),
        (41_000, "displaced"),
        (8_210, "refugees"),
        (730_000, "other"),
    ]


def test_a_section_row_of_a_table_heads_the_rows_below_it():
    rows = find_rows(TABLE, find_quantities(TABLE))
    heading = rows[TABLE.index("730,000")].heading
    assert heading is not None and TABLE[heading[0] : heading[1]] == "Response"


def test_a_fact_sheets_headline_points_above_its_first_paragraph_are_figures(nlp):
    body = (
        "June 3, 2019\n\n"
        "Fighting in Idlib kills more than 900 people and displaces 270,000 others\n\n"
        "WFP resumes deliveries in the northeast after a suspension\n\n"
        "The government continues its offensive in the south of Idlib Governorate, where "
        "humanitarian agencies report heavy shelling of towns and villages and the closure of "
        "many health facilities across the area this month."
    )
    assert found(nlp, body) == [(900, "killed"), (270_000, "displaced")]
