"""etl.numbers: which numbers in news text are quantities, and what they are worth."""

from __future__ import annotations

import pytest

from etl.numbers import find_quantities, parse_number, words_to_number


def quantities(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.value_text) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "value", "value_text"),
    [
        ("3 million civilians", 3_000_000, "3 million"),
        ("5.6 million people", 5_600_000, "5.6 million"),
        ("forced 3.73 million to flee", 3_730_000, "3.73 million"),
        ("bring in 25,000 refugees", 25_000, "25,000"),
        ("82 people dead", 82, "82"),
        ("1,500 troops", 1_500, "1,500"),
        ("1.2m people", 1_200_000, "1.2m"),
        ("six million people", 6_000_000, "six million"),
        ("twenty-five thousand migrants", 25_000, "twenty-five thousand"),
        ("one hundred and twenty soldiers", 120, "one hundred and twenty"),
        ("two dozen fighters", 24, "two dozen"),
        ("half a million people", 500_000, "half a million"),
        ("a dozen journalists", 12, "a dozen"),
    ],
)
def test_counts_in_digits_and_words_are_read_with_their_scale(text, value, value_text):
    assert quantities(text) == [(value, value_text)]


@pytest.mark.parametrize(
    ("text", "value", "value_text", "currency"),
    [
        ("after spending over $500 million.", 500_000_000, "$500 million", "USD"),
        ("a US$1.2 billion appeal", 1_200_000_000, "US$1.2 billion", "USD"),
        ("C$20 million in aid", 20_000_000, "C$20 million", "CAD"),
        ("€3bn for Turkey", 3_000_000_000, "€3bn", "EUR"),
        ("£250,000 raised", 250_000, "£250,000", "GBP"),
        ("300 million euros in funding", 300_000_000, "300 million euros", "EUR"),
        ("a $1.2-billion aid package", 1_200_000_000, "$1.2-billion", "USD"),
        ("50 million dollars", 50_000_000, "50 million dollars", "USD"),
    ],
)
def test_money_keeps_its_currency_in_the_text_and_code(text, value, value_text, currency):
    [quantity] = find_quantities(text)
    assert (quantity.value, quantity.value_text, quantity.currency) == (
        value,
        value_text,
        currency,
    )
    assert quantity.is_money


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("More than 5.6 million people", "more than"),
        ("about 34,000 refugees", "about"),
        ("nearly 8 million people", "nearly"),
        ("at least 40 civilians", "at least"),
        ("only 50 soldiers", "only"),
        ("up to 2,000 troops", "up to"),
        ("an estimated 100,000 fighters", "an estimated"),
        ("just over 300 people", "just over"),
        ("3,000 refugees", None),
    ],
)
def test_the_qualifier_written_before_a_number_is_kept(text, qualifier):
    [quantity] = find_quantities(text)
    assert quantity.qualifier == qualifier


@pytest.mark.parametrize(
    "text",
    [
        "more than 90 per cent of airstrikes",
        "75% of the population",
        "a rise of 3 percentage points",
        "a four-year-old girl",
        "a 30-year-old man",
        "a boy aged 12",
        "children 5 years old",
        "over the past 12 months",
        "a two-day conference",
        "a 12-month mission",
        "since 2011",
        "on Nov. 11, 2020",
        "June 16, 2017",
        "16 June",
        "its 14th veto",
        "Duration 13:07",
        "at 9 a.m.",
        "the council voted 13 to 2",
        "a 13-2 vote",
        "Just $1.99per week for the first 24weeks",
        "$4.99 a month",
        "Phone: (613) 288-2529",
        "Charitable Registration No. 87982 7913 RR0001",
        "Resolution 2254",
        "8 York Street",
        "  1. Follow topics",
        "2. Check your feed",
        "one Russian official",
        "one of the worst crises",
        "a soldier",
        "thousands of Syrians",
        "tens of thousands of people",
        "hundreds of thousands",
        "dozens of people",
        "millions of Syrians",
        "several hundred migrants",
        "a few thousand troops",
        "a 5km convoy",
        "the G7 summit",
        "1 in 5 children",
        "one in five Syrians",
        "nine out of 10 people",
        "three quarters of the population",
        "the 1990s",
        "COVID-19 cases",
        "F-16 jets",
    ],
)
def test_numbers_that_are_not_quantities_are_left_out(text):
    assert quantities(text) == []


def test_a_number_followed_by_in_and_a_year_is_still_a_quantity():
    assert quantities("revenue of $3 billion in 2022") == [(3_000_000_000, "$3 billion")]
    assert quantities("200 people killed in 10 days") == [(200, "200")]


def test_a_range_of_spelled_numbers_yields_its_upper_bound_only():
    assert quantities("between two and three million people") == [(3_000_000, "three million")]


def test_spans_index_the_text_and_shift_by_the_offset():
    text = "Officials said 1,200 people were killed."
    [quantity] = find_quantities(text, offset=100)
    assert (quantity.start, quantity.end) == (115, 120)
    assert text[quantity.start - 100 : quantity.end - 100] == "1,200"


def test_spelled_quantities_are_marked_as_spelled():
    spelled, digits = find_quantities("six million people and 5 million others")
    assert spelled.spelled and not digits.spelled


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("three hundred thousand", 300_000),
        ("twenty-one", 21),
        ("a million", 1_000_000),
        ("two dozen", 24),
    ],
)
def test_spelled_numbers_are_valued_like_arithmetic(words, value):
    assert words_to_number(words) == value


def test_parse_number_reads_abbreviated_scales():
    assert parse_number("2.5bn") == 2_500_000_000
    assert parse_number("40k") == 40_000
    assert parse_number("not a number") is None


def test_decimal_values_are_exact():
    assert parse_number("34.2 billion") == 34_200_000_000
    assert parse_number("3.73 million") == 3_730_000


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("North Darfur 241,102", 241_102),  # a row label before a grouped number, not a name
        ("Returnees Jan-June 2021 88,400", 88_400),  # a grouped number after a year
        ("People in need of assistance 4.3 M", 4_300_000),  # a fact box's capital M
    ],
)
def test_numbers_in_table_rows_and_fact_boxes_are_quantities(text, value):
    assert [q.value for q in find_quantities(text)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Paragraphs 12 to 14 of the resolution set out the mandate.",
        "The motion needed 9 out of the 15 votes in the council.",
    ],
)
def test_section_ranges_and_vote_shares_are_not_quantities(text):
    assert find_quantities(text) == []


def test_a_range_of_people_is_read_as_its_lower_bound():
    assert [q.value for q in find_quantities("Shelling killed 30-45 people overnight.")] == [30]
    assert find_quantities("The council voted 13-2 on Friday.") == []


@pytest.mark.parametrize(
    ("text", "value", "value_text"),
    [
        ("a quarter of a million Syrians", 250_000, "a quarter of a million"),
        ("nearly half-a-million refugees", 500_000, "half-a-million"),
        ("three quarters of a million people", 750_000, "three quarters of a million"),
    ],
)
def test_fractions_of_a_scale_word_are_read_as_their_share(text, value, value_text):
    assert quantities(text) == [(value, value_text)]


def test_a_range_written_with_to_is_read_as_its_lower_bound():
    assert quantities("registering about 1,200 to 1,300 people per day") == [(1_200, "1,200")]
    assert [q.value for q in find_quantities("some 2.5 to 3 million people fled")] == [2_500_000]


def test_a_level_from_one_count_to_another_keeps_both_counts():
    assert [q.value for q in find_quantities("rose from 36,000 to 150,000 refugees")] == [
        36_000,
        150_000,
    ]
