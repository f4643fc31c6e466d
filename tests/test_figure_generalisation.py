"""Figure rules that carry to pages nobody tuned on: lists of numbers under a heading or a
colon, counts listed after place names, countries of first asylum, evacuations out of a
country, flight from homes or fighting, and the tagger's misreadings of short clauses.

Every sentence here is written for the test (none is taken from a corpus).
"""

from __future__ import annotations

import pytest

from etl.clean import clean_text
from etl.figure_asylum import crisis_countries, hosted_by_neighbours, load_neighbours
from etl.figures import extract_figures
from etl.types import Figure
from tests.test_figures import make_context


def found(nlp, body: str) -> list[tuple[float, str]]:
    return [(f.value, f.category) for f in extract_figures(make_context(nlp, body), ())]


def test_bulleted_fact_lines_under_a_colon_are_figures_not_furniture(nlp):
    body = (
        "Most of them live in the region, in three countries:\n"
        "- Lebanon hosts 900,000 refugees registered with UNHCR, about a fifth of its population\n"
        "- Jordan hosts 650,000 registered refugees, about a tenth of its population\n"
        "- Iraq hosts 250,000 registered refugees, a small share of its population\n"
    )
    assert found(nlp, body) == [(900_000, "refugees"), (650_000, "refugees"), (250_000, "refugees")]


def test_a_column_of_short_headlines_stays_furniture(nlp):
    body = (
        "The talks resumed in Geneva on Monday after a pause of two months.\n\n"
        "Most read\n"
        "Floods leave 2,000 people homeless in a northern province\n"
        "Election officials count the last ballots in the capital city\n"
    )
    assert found(nlp, body) == []


def test_counts_listed_after_place_names_take_the_lists_category(nlp):
    body = (
        "Poland has received 900,000 Ukrainian refugees, Slovakia 140,000, Romania 85,000 "
        "and Moldova 95,000, the agency said."
    )
    figures = extract_figures(make_context(nlp, body), ())
    assert [(f.value, f.category) for f in figures] == [
        (900_000, "refugees"),
        (140_000, "refugees"),
        (85_000, "refugees"),
        (95_000, "refugees"),
    ]
    assert [f.location for f in figures[1:]] == ["Slovakia", "Romania", "Moldova"]


def test_rows_under_a_heading_counting_a_nations_people_abroad_are_refugees(nlp):
    body = (
        "The crisis has spread across the region.\n\n"
        "Eritreans are now spread over these countries (estimates as of March):\n\n"
        "Ethiopia: 170,000\n\n"
        "Sudan: 126,000\n\n"
        "Uganda 32,000\n\n"
        "Egypt: 21,400\n"
    )
    assert found(nlp, body) == [
        (170_000, "refugees"),
        (126_000, "refugees"),
        (32_000, "refugees"),
        (21_400, "refugees"),
    ]


def test_a_garbled_row_does_not_end_its_list(nlp):
    body = (
        "Eritreans are now spread over these countries:\n\n"
        "Ethiopia: 170,000\n\n"
        "Sudan: 126,000 Sudan\n\n"
        "Uganda: 32,000\n"
    )
    assert (32_000, "refugees") in found(nlp, body)


def test_cleaning_keeps_a_list_of_numbers_that_ends_the_page():
    page = (
        "Officials published new estimates of people who left the country this year, "
        "broken down by the country that now hosts them.\n\n"
        "The estimates are approximate:\n\n"
        "Colombia: 1.2 million\n\nPeru: 800,000\n\nChile 450,000\n\nAruba: 17,000\n"
    )
    assert clean_text(page).endswith("Aruba: 17,000")


def test_cleaning_still_drops_trailing_links():
    page = (
        "Officials published new estimates of people who left the country this year, "
        "broken down by the country that now hosts them.\n\n"
        "Related\nTop 10 cities to visit\nContact us\nPrivacy policy\n"
    )
    assert "Privacy" not in clean_text(page)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Over the past month almost 200,000 people fled from their homes in the south.",
            [(200_000, "displaced")],
        ),
        (
            "The offensive has forced nearly 400,000 civilians fleeing the fighting toward the "
            "border.",
            [(400_000, "displaced")],
        ),
        ("Aid agencies say some 3,000 flee the country every week.", [(3_000, "refugees")]),
        (
            "Officials drew up a list of 900 Rohingya who are to be repatriated next month.",
            [(900, "other")],
        ),
    ],
)
def test_flight_from_homes_or_fighting_and_repatriation(nlp, body, expected):
    assert found(nlp, body) == expected


def test_people_evacuated_out_of_a_country_are_resettled_out_of_a_town_displaced(nlp):
    assert found(nlp, "Canada evacuated roughly 2,500 people from Sudan last week.") == [
        (2_500, "resettled")
    ]
    assert found(nlp, "Rescuers evacuated 2,500 residents from the flooded town.") == [
        (2_500, "displaced")
    ]


def test_neighbours_that_take_people_in_host_refugees_third_countries_resettle(nlp):
    body = (
        "The war in Syria has driven millions abroad. Neighbouring countries have been "
        "generous: Jordan has taken in more than 600,000 and Turkey has taken in 2 million. "
        "Germany has taken in 40,000."
    )
    assert found(nlp, body) == [
        (600_000, "refugees"),
        (2_000_000, "refugees"),
        (40_000, "resettled"),
    ]


def _figure(category: str, location: str | None, evidence: str) -> Figure:
    return Figure("f", "a", 1000.0, "1,000", category, "", location, None, None, evidence, 0, 1)


def test_a_resettlement_pledge_in_a_neighbour_stays_resettled():
    body = "Refugees from Syria wait in Jordan."
    figures = [
        _figure("resettled", "Jordan", "Jordan welcomed 1,000 people"),
        _figure("resettled", "Jordan", "1,000 submitted for resettlement from Jordan"),
        _figure("resettled", "Canada", "Canada welcomed 1,000 people"),
    ]
    assert [f.category for f in hosted_by_neighbours(body, figures)] == [
        "refugees",
        "resettled",
        "resettled",
    ]


def test_the_neighbours_table_names_crisis_countries_an_article_mentions():
    table = load_neighbours()
    assert "lebanon" in table["syria"] and "poland" in table["ukraine"]
    assert crisis_countries("Fighting in Sudan and Yemen.", table) == {"sudan", "yemen"}


def test_refugees_from_a_war_country_are_not_resettled_there(nlp):
    body = (
        "Resettlement offers remain few. Around 190,000 people have been killed in Syria.\n\n"
        "Some 3.8 million refugees from Syria are in just five countries.\n\n"
        "Resettlement places offered by rich states are few, and resettlement is slow. "
        "Syria is at war."
    )
    assert (3_800_000, "refugees") in found(nlp, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Shells fell overnight on the city of just under 2 million.", [(2_000_000, "civilians")]),
        ("The storm swept through a town of about 40,000 people.", [(40_000, "civilians")]),
        ("An army of 20,000 soldiers crossed the river.", [(20_000, "troops")]),
    ],
)
def test_the_size_of_a_place_is_its_civilian_population(nlp, body, expected):
    assert found(nlp, body) == expected


def test_bulleted_summary_points_under_a_summary_heading_are_figures(nlp):
    body = (
        "Summary\n\n"
        "  • Convoys leaving the besieged district came under fire on the main road\n\n"
        "  • At least 4,000 people have left the city since Monday\n\n"
        "  • Talks on a wider truce are expected to resume in the capital\n"
    )
    assert found(nlp, body) == [(4_000, "displaced")]
