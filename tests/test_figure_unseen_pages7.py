"""etl.figures: failure classes of figures on unseen pages (issue 9, real_dev7 pooled with the
earlier sets).

One test per class, each named for the behaviour it holds. The sentences are written for the
test, not copied from a development page: what is counted decides the category (GOLD.md), read
from the number's own noun, verb and clause.
"""

from __future__ import annotations

import pytest

from etl.numbers import find_quantities
from tests.test_figures import found


def test_a_scale_word_written_against_the_digits_is_read():
    quantities = find_quantities("Donors pledged over $6billion and 4million doses.")
    assert [(q.value, q.is_money) for q in quantities] == [
        (6_000_000_000, True),
        (4_000_000, False),
    ]


def test_a_sum_in_billions_with_no_currency_is_money_and_aid_only_where_aid_words_say(nlp):
    body = "Donors pledged $4billion in Brussels, and Norway raised its pledge to 1.2 billion."
    assert found(nlp, body) == [(4_000_000_000, "aid_money"), (1_200_000_000, "aid_money")]
    # a sum needed to rebuild, with no aid word, stays `other`, as before
    body = "Rebuilding the province will require about 30 billion, the governor said."
    assert found(nlp, body) == [(30_000_000_000, "other")]


@pytest.mark.parametrize(
    "body",
    [
        "About 90,000 people are trapped in the old city, which convoys cannot reach.",
        "Before the war, 600,000 people lived there.",
        "The hamlet, which has about 120 houses and 2,300 residents, lies on the river.",
    ],
)
def test_a_population_living_in_or_trapped_in_a_place_is_civilians(nlp, body):
    assert [c for _, c in found(nlp, body)] == ["civilians"]


def test_people_trapped_in_a_besieged_place_stay_besieged(nlp):
    body = "Some 40,000 people remain trapped in the besieged town."
    assert found(nlp, body) == [(40_000, "besieged")]


def test_asylum_applications_and_first_time_asylum_seekers_are_refugees(nlp):
    body = (
        "In 2016 812,000 first time asylum seekers applied for protection in the Union. "
        "Austria received 4,120 asylum applications in 2016, compared to 2,300 in 2015."
    )
    assert found(nlp, body) == [
        (812_000, "refugees"),
        (4_120, "refugees"),
        (2_300, "refugees"),
    ]


def test_refugees_said_to_be_displaced_stay_refugees(nlp):
    body = (
        "There are 3 million people displaced internally and 2 million displaced refugees "
        "outside the country. Two million Sudanese refugees are now displaced by the war."
    )
    assert found(nlp, body) == [
        (3_000_000, "displaced"),
        (2_000_000, "refugees"),
        (2_000_000, "refugees"),
    ]


def test_counts_after_the_same_verb_as_a_count_of_refugees_are_refugees(nlp):
    body = (
        "Germany has taken some 600,000 refugees.\n\n"
        "Sweden has taken approximately 450,000, Austria has taken about 300,000 and we "
        "have committed to taking 2,000."
    )
    assert found(nlp, body) == [
        (600_000, "refugees"),
        (450_000, "refugees"),
        (300_000, "refugees"),
        (2_000, "resettled"),
    ]


def test_people_hanged_are_killed_and_people_disabled_are_injured(nlp):
    assert found(nlp, "Between 2,000 and 7,000 prisoners were hanged, the report says.") == [
        (2_000, "killed"),
        (7_000, "killed"),
    ]
    assert found(nlp, "Some 90,000 people were disabled by their wounds.") == [(90_000, "injured")]


def test_refugee_programme_places_are_resettled(nlp):
    body = "There are 6,500 places in the humanitarian and refugee programs this year."
    assert found(nlp, body) == [(6_500, "resettled")]


@pytest.mark.parametrize(
    "body",
    [
        "The strikes killed nearly a dozen civilians and wounded about a dozen people.",
        "The camp is the most crowded place in the region, with 30,000 people per square "
        "kilometre.",
        "The minister announced the plan on Tuesday (9).",
    ],
)
def test_a_dozen_a_density_and_a_weekdays_date_are_no_figures(nlp, body):
    assert found(nlp, body) == []


def test_a_bulleted_list_written_as_one_sentence_keeps_its_last_rows(nlp):
    body = (
        "The largest numbers of asylum seekers were recorded in:\n"
        "- Germany: 441,800 (35% of overall applicants)\n"
        "- Italy: 83,200, (7%) and\n"
        "- France: 70,600 (6%).\n"
    )
    assert found(nlp, body) == [
        (441_800, "refugees"),
        (83_200, "refugees"),
        (70_600, "refugees"),
    ]


def test_a_list_heading_naming_only_people_takes_the_line_above_it(nlp):
    body = (
        "Key figures for Ireland:\n"
        "Ireland received 3,275 asylum applications in 2015.\n"
        "The main countries of citizenship of applicants in 2015 were:\n"
        "- Pakistan: 1,350 (41% of overall applicants)\n"
        "- Albania: 215 (7%)\n"
    )
    assert found(nlp, body) == [(3_275, "refugees"), (1_350, "refugees"), (215, "refugees")]


def test_the_whole_of_a_share_is_read_by_its_own_relative_clause(nlp):
    body = "Those covered are 56% of the 1.7 million who arrived in Peru, fleeing the crisis."
    assert found(nlp, body) == [(1_700_000, "refugees")]
    # the whole of a count's part keeps no cue of the part, as before
    body = "About 1.7 million of Gaza's 2.3 million people have been displaced."
    assert found(nlp, body) == [(1_700_000, "displaced"), (2_300_000, "civilians")]


def test_people_cleared_at_border_crossings_and_the_total_they_bring_are_refugees(nlp):
    body = (
        "Border guards cleared as many as 80,000 people at border crossings on Friday, "
        "bringing the total to 650,000."
    )
    assert found(nlp, body) == [(80_000, "refugees"), (650_000, "refugees")]


def test_a_total_of_forces_brought_to_a_level_is_troops(nlp):
    body = "The new units will bring the total number of authorized military in the city to 4,000."
    assert found(nlp, body) == [(4_000, "troops")]
    # "military" modifying another noun in a table label counts no troops
    body = "Estimated people in the zone prior to military operations | 310,000 |"
    assert found(nlp, body) != [(310_000, "troops")]


def test_a_resettlement_target_or_intake_stated_against_a_count_is_resettled(nlp):
    # "paltry" read as the noun, a copula joined to a first one, a negated verb over the intake
    for body in (
        "The government’s target for resettlement was — and remains — a paltry 2,500 by the end "
        "of the year.",
        "Ottawa's target for resettlement was — and remains — a modest 2,500 by December.",
    ):
        assert found(nlp, body) == [(2_500, "resettled")]
    for body in (
        "She will not raise the annual humanitarian intake beyond the paltry 9,000 that was set "
        "last year.",
        "He will not increase the current humanitarian intake beyond the 9,000 that was agreed "
        "in May.",
    ):
        assert found(nlp, body) == [(9_000, "resettled")]


def test_a_negated_verb_still_negates_a_cue_that_is_not_its_counts_object(nlp):
    body = (
        "The number of registered refugees has risen by about 1,900 a day, including those who "
        "had not sought help."
    )
    assert found(nlp, body) == [(1_900, "refugees")]


def test_bare_people_in_a_sentence_whose_subject_is_refugees_are_refugees(nlp):
    body = (
        "Record numbers of refugees headed into Moldova with the total expected to surpass "
        "400,000 people later on Monday."
    )
    assert found(nlp, body) == [(400_000, "refugees")]
    # bare people under any other subject stay `other`
    assert found(nlp, "The ministry expects 400,000 people at the festival.") == [
        (400_000, "other")
    ]


def test_a_level_stated_with_an_approximator_after_a_second_copula_counts_the_subjects_noun(nlp):
    body = (
        'The number of refugees in Niger who have fled the fighting is "rising fast" and is '
        "around 45,000, the agency said."
    )
    assert found(nlp, body) == [(45_000, "refugees")]


def test_an_estimate_of_people_named_by_a_pronoun_takes_the_figure_before(nlp):
    body = (
        "More than 30,000 refugees have crossed into Chad since Monday. Officials estimated "
        "them at 12,000 on Friday."
    )
    assert found(nlp, body) == [(30_000, "refugees"), (12_000, "refugees")]
