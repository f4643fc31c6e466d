"""etl.figures: failure classes of figures on pages nobody tuned on (issue 9, real_dev4).

One test per class. Each sentence is written for the test in the genre of the corpus, not
copied from a development page: the tests hold the class (what is counted decides the
category, GOLD.md), not one page's wording.
"""

from __future__ import annotations

import pytest

from tests.test_figures import found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The minister said Norway would receive 1,500 Eritrean refugees from Sudan.",
            [(1_500, "resettled")],
        ),
        (
            "Chad has received 600,000 Sudanese refugees from Sudan since April.",
            [(600_000, "refugees")],
        ),
    ],
)
def test_people_received_from_a_country_that_is_not_theirs_are_resettled(nlp, body, expected):
    assert found(nlp, body) == expected


def test_an_admitting_verb_beats_what_the_people_were_before(nlp):
    body = "The government said New Zealand would welcome 4,000 displaced Afghans next year."
    assert found(nlp, body) == [(4_000, "resettled")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Spain and Portugal made pledges to resettle refugees, an annual increase of some "
            "2,500 and 800 refugees respectively.",
            [(2_500, "resettled"), (800, "resettled")],
        ),
        (
            "Officials were open to taking more than the 5,000 Afghan nationals they initially "
            "pledged to accommodate.",
            [(5_000, "resettled")],
        ),
        (
            "Canada has welcomed 40,000 people arriving under its humanitarian program since 1980.",
            [(40_000, "resettled")],
        ),
    ],
)
def test_pledges_and_humanitarian_programmes_are_resettlement(nlp, body, expected):
    assert found(nlp, body) == expected


def test_people_who_applied_for_asylum_are_refugees(nlp):
    body = "Last year 80,000 people, 20,000 of them from Iraq, applied for asylum in Germany."
    assert found(nlp, body) == [(80_000, "refugees"), (20_000, "refugees")]


def test_a_clause_describing_a_noun_takes_that_nouns_cue(nlp):
    assert found(nlp, "An evacuation flight carrying 210 refugees landed in Ottawa.") == [
        (210, "resettled")
    ]
    body = "New Zealand doubled its refugee quota, which is capped at 1,500."
    assert found(nlp, body) == [(1_500, "resettled")]


def test_a_count_in_an_aside_is_not_read_by_the_main_verb(nlp):
    body = "With almost 80 million refugees worldwide, the world is facing a crisis of hunger."
    assert found(nlp, body) == [(80_000_000, "refugees")]


def test_a_count_after_a_dash_is_read_by_its_verb(nlp):
    body = "The war has displaced over 6 million - a third of the country's population."
    assert found(nlp, body) == [(6_000_000, "displaced")]


def test_people_an_agency_registers_are_refugees_and_a_range_counts_its_lower_bound(nlp):
    body = "In Mafraq we are registering about 900 to 1,000 people per day, an officer said."
    assert found(nlp, body) == [(900, "refugees")]


def test_people_enrolled_for_aid_and_the_whole_they_are_counted_out_of_are_other(nlp):
    body = "Over 45,000 refugees enrolled for cash assistance out of 90,000 targeted this year."
    assert found(nlp, body) == [(45_000, "other"), (90_000, "other")]


def test_a_count_of_border_crossings_counts_the_people_crossing(nlp):
    body = "2.1 million cross-border movements of refugees from Ukraine since the war began."
    assert found(nlp, body) == [(2_100_000, "refugees")]


def test_a_handful_owned_by_someone_is_no_figure(nlp):
    body = "Amina, who arrived in March with her three children, is here to register."
    assert found(nlp, body) == []


def test_a_group_that_numbers_a_count_refers_back(nlp):
    body = (
        "The agency said 250 Syrian refugees have registered in Tripoli since last week. "
        "The remainder, who number over 120, are housed in schools."
    )
    assert found(nlp, body) == [(250, "refugees"), (120, "refugees")]


def test_leaders_included_in_a_count_of_people_are_part_of_it(nlp):
    body = "The meeting was attended by over 60 people, including 9 local leaders."
    assert found(nlp, body) == [(60, "other"), (9, "other")]


def test_people_buried_in_a_mass_grave_are_killed(nlp):
    body = "He took us to a mass grave where 14 members of his family were being buried."
    assert found(nlp, body) == [(14, "killed")]


def test_arrivals_are_refugees_outside_a_resettlement_article(nlp):
    body = (
        "Community leaders said at least 2,700 had arrived since then. "
        "They included more than 40,000 who arrived in the months that followed."
    )
    assert found(nlp, body) == [(2_700, "refugees"), (40_000, "refugees")]


RESETTLEMENT_ARTICLE = (
    "Canada to resettle refugees\n\n"
    "The agency welcomed Canada's decision to resettle 300 refugees in 2015. Canada will "
    "resettle them through its resettlement programme, officials said.\n\n"
    '"Some 3.1 million people have fled Syria since the conflict began," she said. '
    '"That figure will rise to 4.5 million by the end of the year."\n\n'
    "So far 120 refugees have arrived in Canada under the resettlement programme."
)


def test_in_a_resettlement_article_people_who_fled_stay_refugees(nlp):
    assert found(nlp, RESETTLEMENT_ARTICLE) == [
        (300, "resettled"),
        (3_100_000, "refugees"),
        (4_500_000, "refugees"),
        (120, "resettled"),
    ]


def test_people_brought_over_here_to_the_country_are_resettled(nlp):
    body = (
        "It is right for Canada to bring 8,000 people hit by the horrors of war over here to "
        "our welcoming country of Canada."
    )
    assert found(nlp, body) == [(8_000, "resettled")]


def test_a_nations_people_who_have_left_are_refugees(nlp):
    body = "More than 1.1 million Eritreans, about a sixth of the population, have left since 2018."
    assert found(nlp, body) == [(1_100_000, "refugees")]


def test_a_country_home_to_a_community_counts_civilians_and_home_to_refugees_counts_refugees(nlp):
    assert found(nlp, "Canada is home to about 400,000 Hindus, according to the census.") == [
        (400_000, "civilians")
    ]
    assert found(nlp, "Turkey is home to 3.6 million refugees.") == [(3_600_000, "refugees")]


def test_children_of_a_named_family_are_no_figure(nlp):
    body = "Since arriving in Jordan with her husband and three children, she has lost 9 relatives."
    assert (3, "refugees") not in found(nlp, body)


def test_a_nations_people_placed_nowhere_in_a_resettlement_article_are_resettled(nlp):
    body = (
        "Canada to resettle refugees\n\n"
        "Canada reached its target to resettle 1,000 Syrian refugees. Canada will resettle a "
        "further 9,000 Syrians through the resettlement scheme.\n\n"
        "We offer protection and a new start to a total of 10,000 vulnerable Syrians."
    )
    assert found(nlp, body)[-1] == (10_000, "resettled")


def test_a_line_in_another_script_above_a_story_is_no_furniture_label(nlp):
    body = (
        "Norway agrees to resettle 600 Syrian refugees\n\n"
        "پناهجویان سوری\n\n"
        "The Government has announced it will resettle 600 Syrian refugees this year\n\n"
        "The places come within the existing annual refugee quota, which is capped at 3,000\n\n"
        "Officials say the UN asked for the places in a letter to the ministry last month\n"
    )
    assert (3_000, "resettled") in found(nlp, body)


def test_a_people_the_tagger_takes_for_an_organisation_is_counted_when_cued(nlp):
    body = '"In the camp alone, some 3,000 Rohingya arrived from their villages," he said.'
    assert found(nlp, body) == [(3_000, "refugees")]


def test_a_count_put_at_a_level_counts_the_people_it_is_of(nlp):
    assert found(nlp, "The Red Cross put the number of missing at about 4,000.") == [
        (4_000, "other")
    ]
    assert found(nlp, "Officials put the number of dead at 3,000.") == [(3_000, "killed")]


def test_the_subject_of_a_copula_says_what_its_count_is(nlp):
    assert found(nlp, "The death toll is 500.") == [(500, "killed")]


def test_aid_workers_who_arrive_are_not_refugees(nlp):
    assert found(nlp, "About 300 aid workers arrived in Goma.") == [(300, "other")]
