"""etl.figures: failure classes of figures on unseen pages (issue 9, real_dev8 pooled with the
earlier sets).

One test per class, each named for the behaviour it holds. The sentences and layouts are written
for the test, not copied from a development page: what is counted decides the category
(GOLD.md), and each row of a table or list under a heading is a figure.
"""

from __future__ import annotations

import pytest

from etl.figure_tables import find_rows
from etl.numbers import find_quantities
from tests.test_figures import found


@pytest.mark.parametrize(
    "body",
    [
        "Renewed violence endangers 2 million people in the south.",
        "After a year of siege, the lives of 600,000 people hang in the balance.",
    ],
)
def test_a_population_a_threat_hangs_over_is_civilians(nlp, body):
    assert [c for _, c in found(nlp, body)] == ["civilians"]


def test_a_section_title_over_its_own_paragraph_is_no_headline_furniture(nlp):
    body = (
        "Situation update\n\n"
        "Analysis\n\n"
        "Renewed shelling endangers 2 million people in the south\n\n"
        "The agency remains deeply concerned by the escalation of violence in the south, which "
        "has damaged schools and clinics and hindered the delivery of aid to the villages there "
        "since the fighting resumed in the spring.\n"
    )
    assert (2_000_000, "civilians") in found(nlp, body)


def test_a_column_of_headlines_keeps_its_numbers_out(nlp):
    body = (
        "The agency remains deeply concerned by the escalation of violence in the south.\n\n"
        "Related\n\n"
        "Storm leaves 40,000 people without shelter in the delta\n"
        "Talks on the border crossing stall for a second week\n"
    )
    assert found(nlp, body) == []


def test_a_nations_people_counted_in_another_country_are_refugees(nlp):
    body = (
        "Syrian refugees have crossed every border of the region since the war began. "
        "In Canada, the number of Syrians at the end of the year was 31,000, officials said."
    )
    assert found(nlp, body) == [(31_000, "refugees")]


def test_foreigners_living_in_a_country_with_no_word_of_flight_stay_other(nlp):
    body = "In Canada, the number of Russians at the end of the year was 31,000, officials said."
    assert found(nlp, body) == [(31_000, "other")]


@pytest.mark.parametrize(
    "body, expected",
    [
        # the return is done to them, or only named: they are still refugees
        ("Few believe the government will repatriate 2 million Syrian refugees.", "refugees"),
        ("Officials handed over a list of 6,500 refugees to start the repatriation.", "refugees"),
        # they went back: returnees
        ("More than 90,000 refugees have returned home since January.", "other"),
    ],
)
def test_refugees_whose_return_is_only_planned_stay_refugees(nlp, body, expected):
    assert [c for _, c in found(nlp, body)] == [expected]


def test_an_admitting_verb_straight_before_the_count_admits_it_whatever_the_parse(nlp):
    body = (
        "The minister has announced that Canada will accept 12,000 Iraqi and Syrian refugees "
        "and the provinces will be charged with assisting new arrivals, the agency reports."
    )
    assert found(nlp, body) == [(12_000, "resettled")]


def test_a_count_in_brackets_with_a_scale_word_is_a_row_of_the_list(nlp):
    body = (
        "Most Syrian refugees live in Turkey, which is followed by Lebanon (1.5 million), "
        "Jordan (660,000) and Iraq (250,000)."
    )
    assert found(nlp, body) == [
        (1_500_000, "refugees"),
        (660_000, "refugees"),
        (250_000, "refugees"),
    ]


KEY_FIGURES = (
    "Crisis overview\n\n"
    "Key Figures\n\n"
    "4.2M\n"
    "People in need of humanitarian assistance\n"
    "1.9M\n"
    "Internally displaced people (as of May)\n"
    "85,300\n"
    "Returnees (Jan-May)\n\n"
    "Funding\n\n"
    "$1.8B\n"
    "Required\n"
    "$0.9B\n"
    "Received\n"
)


def test_key_figures_laid_out_as_number_over_label_are_rows_read_by_the_label():
    quantities = find_quantities(KEY_FIGURES)
    rows = find_rows(KEY_FIGURES, quantities)
    labels = {
        KEY_FIGURES[q.start : q.end]: KEY_FIGURES[slice(*rows[q.start].label)]
        for q in quantities
        if q.start in rows
    }
    assert labels == {
        "4.2M": "People in need of humanitarian assistance",
        "1.9M": "Internally displaced people (as of May)",
        "85,300": "Returnees (Jan-May)",
        "$1.8B": "Required",
        "$0.9B": "Received",
    }


def test_key_figures_take_their_labels_category_and_funding_is_aid(nlp):
    assert sorted(found(nlp, KEY_FIGURES)) == [
        (85_300, "other"),
        (1_900_000, "displaced"),
        (4_200_000, "other"),
        (900_000_000, "aid_money"),
        (1_800_000_000, "aid_money"),
    ]


def test_a_count_of_people_with_a_fraction_has_lost_its_scale_and_is_no_figure(nlp):
    body = "Key Figures\n\n13.4\nPeople in need of humanitarian assistance\n"
    assert found(nlp, body) == []


def test_a_list_row_opening_a_paragraph_of_comment_is_a_row(nlp):
    body = (
        "Where Syrian refugees have found shelter\n\n"
        "Lebanon: 1.5 million – Lebanon hosts more Syrian refugees per head than any other "
        "country, and its services are stretched.\n\n"
        "Jordan: 660,000 – Jordan gives shelter to refugees from Syria and Iraq, many of whom "
        "live outside the camps.\n"
    )
    assert found(nlp, body) == [(1_500_000, "refugees"), (660_000, "refugees")]


def test_a_sentence_opening_on_of_them_counts_a_part_of_the_figure_before(nlp):
    body = (
        "An estimated 300,000 Rohingyas have arrived in Bangladesh since August, fleeing violence. "
        "Of them, 120,000 Rohingyas are living in makeshift settlements near the border."
    )
    assert found(nlp, body) == [(300_000, "refugees"), (120_000, "refugees")]


def test_a_part_with_a_cue_of_its_own_keeps_its_category(nlp):
    body = (
        "More than 9 million Syrians have been forced from their homes. "
        "Of those, 5 million have sought refuge in other countries."
    )
    assert found(nlp, body) == [(9_000_000, "displaced"), (5_000_000, "refugees")]


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "About 300 Canadian officials were sent to Jordan to screen applicants.",
            [(300, "other")],
        ),
        ("Police say 2,100 ISIS members are held in their prisons.", [(2_100, "other")]),
        # a vote tally is no figure
        ("The other 13 members of the council voted in favour of the text.", []),
    ],
)
def test_people_counted_by_their_office_are_a_count_outside_a_vote(nlp, body, expected):
    assert found(nlp, body) == expected


def test_a_countrys_population_counted_by_the_noun_population_is_civilians(nlp):
    body = "The arrivals amount to a fifth of the country's 5.9 million population."
    assert found(nlp, body) == [(5_900_000, "civilians")]


def test_a_refugee_population_stays_refugees(nlp):
    body = "The country's refugee population of 1.2 million is the largest in the region."
    assert found(nlp, body) == [(1_200_000, "refugees")]


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Hundreds of people were killed, including 40 children.", [(40, "killed")]),
        (
            "The shelling left scores of people wounded, including at least 12 women.",
            [(12, "injured")],
        ),
    ],
)
def test_a_part_of_a_vague_count_takes_what_happened_to_the_whole(nlp, body, expected):
    assert found(nlp, body) == expected
