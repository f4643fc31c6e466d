"""Specifications of date finding: explicit, weekday and relative dates against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from etl.dates import find_dates, parse_partial_date, resolve_forward, resolve_weekday
from etl.types import PartialDate

TUESDAY = PartialDate(date(2016, 12, 13), "day")  # a Tuesday
WEDNESDAY = PartialDate(date(2020, 11, 11), "day")


def only(text: str, published: PartialDate | None = TUESDAY) -> tuple[str, str, str]:
    found = find_dates(text, published)
    assert len(found) == 1, found
    mention = found[0]
    assert text[mention.char_start : mention.char_end] == mention.text
    return mention.text, mention.value.value.isoformat(), mention.value.precision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On September 7, 2018, the leaders met.",
            ("September 7, 2018", "2018-09-07", "day"),
        ),
        (
            "The talks opened on 7 September 2018 in Tehran.",
            ("7 September 2018", "2018-09-07", "day"),
        ),
        ("It was signed Nov. 11, 2020.", ("Nov. 11, 2020", "2020-11-11", "day")),
        ("Dated 2020-11-11 in the file.", ("2020-11-11", "2020-11-11", "day")),
        (
            "The conference ran Nov. 11-12, 2020.",
            ("Nov. 11-12, 2020", "2020-11-11", "day"),
        ),
        (
            "In this March 2012 file photo, Syrians protest.",
            ("March 2012", "2012-03-01", "month"),
        ),
        ("The accord was reached in June 2017.", ("June 2017", "2017-06-01", "month")),
        (
            "Monday, Nov. 9, 2020, was the day.",
            ("Monday, Nov. 9, 2020", "2020-11-09", "day"),
        ),
    ],
)
def test_explicit_dates_stand_alone(text: str, expected: tuple[str, str, str]) -> None:
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the government said Dec. 1.", ("Dec. 1", "2016-12-01", "day")),
        ("Rebels attacked on Sept. 6.", ("Sept. 6", "2016-09-06", "day")),
        ("A bomber struck in April.", ("April", "2016-04-01", "month")),
        # a month later than publication is last year's
        ("Elections were held in May and again", ("May", "2016-05-01", "month")),
        ("The siege began in mid-December.", ("December", "2016-12-01", "month")),
    ],
)
def test_dates_without_a_year_are_the_latest_not_after_publication(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert only(text) == expected


def test_a_day_shortly_after_publication_keeps_the_publication_year() -> None:
    assert only("Talks are planned for Dec. 20.") == ("Dec. 20", "2016-12-20", "day")
    assert only("They met on Dec. 20.", PartialDate(date(2017, 1, 5), "day"))[1] == "2016-12-20"


def test_a_month_after_publication_month_falls_in_the_previous_year() -> None:
    assert (
        only("The strikes began in August.", PartialDate(date(2015, 6, 3), "day"))[1]
        == "2014-08-01"
    )


@pytest.mark.parametrize(
    ("text", "expected_date"),
    [
        ("Sajjan said Tuesday.", "2016-12-13"),  # publication day itself
        ("the attack on Wednesday", "2016-12-07"),
        ("Thursday's meeting was short.", "2016-12-08"),
        ("It happened last Tuesday.", "2016-12-06"),
        ("They will meet next Friday.", "2016-12-16"),
    ],
)
def test_weekdays_resolve_to_the_most_recent_such_day(text: str, expected_date: str) -> None:
    assert only(text)[1] == expected_date


def test_weekdays_need_a_publication_day() -> None:
    assert (
        find_dates(
            "The airstrikes began on Wednesday.",
            PartialDate(date(2015, 10, 1), "month"),
        )
        == []
    )
    assert find_dates("The airstrikes began on Wednesday.", None) == []
    assert resolve_weekday("Wednesday", PartialDate(date(2015, 10, 1), "day")) == date(2015, 9, 30)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Officials met today.", WEDNESDAY, ("today", "2020-11-11", "day")),
        ("Officials met yesterday.", WEDNESDAY, ("yesterday", "2020-11-10", "day")),
        (
            "Last week, children were killed.",
            WEDNESDAY,
            ("Last week", "2020-11-01", "month"),
        ),
        (
            "the stabbing earlier this month",
            WEDNESDAY,
            ("earlier this month", "2020-11-01", "month"),
        ),
        ("the vote last month", WEDNESDAY, ("last month", "2020-10-01", "month")),
        ("the deal this year", WEDNESDAY, ("this year", "2020-01-01", "year")),
        # the week of Thursday 1 October 2015 had three of its four days in September
        (
            "Russia this week struck targets.",
            PartialDate(date(2015, 10, 1), "day"),
            ("this week", "2015-09-01", "month"),
        ),
    ],
)
def test_relative_dates_resolve_against_publication(
    text: str, published: PartialDate, expected: tuple[str, str, str]
) -> None:
    assert only(text, published) == expected


def test_nothing_relative_resolves_without_a_publication_date() -> None:
    text = "Last week in April, on Tuesday, Dec. 1, officials met today."
    assert find_dates(text, None) == []
    assert [m.text for m in find_dates(text + " The accord of 2 May 2014.", None)] == ["2 May 2014"]


@pytest.mark.parametrize(
    ("text", "expected_year"),
    [
        ("More than 5.6 million people have fled Syria since 2011.", "2011"),
        ("to bring in refugees by the end of 2016.", "2016"),
        ("In 2015, Russia intervened.", "2015"),
        ("In the spring of 2019, refugees said", "2019"),
    ],
)
def test_a_bare_year_counts_where_it_reads_as_a_date(text: str, expected_year: str) -> None:
    assert only(text) == (expected_year, f"{expected_year}-01-01", "year")


@pytest.mark.parametrize(
    "text",
    [
        "Duration 1:54",
        "at 13:07 local time",
        "for the first 24 weeks",
        "a four-year-old girl",
        "a 2-day visit",
        "25,000 government-sponsored refugees",
        "bring in 2015 refugees",
        "the 1990s",
        "over the past 12 months",
        "Prime Minister Theresa May said",
        "We may 5 times",
    ],
)
def test_numbers_times_and_names_are_not_dates(text: str) -> None:
    assert find_dates(text, TUESDAY) == []


def test_offsets_shift_spans_into_the_body() -> None:
    body = "Intro. Sajjan said Tuesday."
    [mention] = find_dates(body[7:], TUESDAY, offset=7)
    assert body[mention.char_start : mention.char_end] == "Tuesday"
    assert mention.relative


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018", PartialDate(date(2018, 1, 1), "year")),
        ("2018-09", PartialDate(date(2018, 9, 1), "month")),
        ("2018-09-07", PartialDate(date(2018, 9, 7), "day")),
        ("2018-02-30", None),
        ("September 2018", None),
        ("", None),
    ],
)
def test_parse_partial_date(text: str, expected: PartialDate | None) -> None:
    assert parse_partial_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They signed it in March this year.", ("March this year", "2016-03-01", "month")),
        ("Talks stalled in August last year.", ("August last year", "2015-08-01", "month")),
        # a year between a determiner and a noun dates the thing named
        ("under a 2014 bilateral agreement", ("2014", "2014-01-01", "year")),
        ("They rejected the 2012 communique.", ("2012", "2012-01-01", "year")),
    ],
)
def test_months_with_a_relative_year_and_years_before_a_noun(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert only(text) == expected


@pytest.mark.parametrize("text", ["the 2015 refugees arrived", "a 2015 of them"])
def test_a_year_before_a_count_noun_is_no_date(text: str) -> None:
    assert find_dates(text, TUESDAY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They will meet on Friday.", "2016-12-16"),  # Tuesday 13 December 2016
        ("They meet today, Tuesday.", "2016-12-13"),  # the publication day itself
        ("The vote is due on Dec. 2.", "2017-12-02"),  # a day already past is next year's
        ("Talks expected in late January.", "2017-01-01"),
        ("The summit opens in December.", "2016-12-01"),
    ],
)
def test_forward_reading_gives_the_coming_day_or_month(text: str, expected: str) -> None:
    mentions = [resolve_forward(m, TUESDAY) for m in find_dates(text, TUESDAY)]
    assert mentions[-1].value.value.isoformat() == expected


def test_forward_reading_keeps_explicit_dates_and_last_weekday() -> None:
    for text in ("It opens on Dec. 20, 2016.", "It met last Friday."):
        [mention] = find_dates(text, TUESDAY)
        assert resolve_forward(mention, TUESDAY) == mention
    assert resolve_weekday("Friday", TUESDAY, forward=True) == date(2016, 12, 16)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Thursday 10 November 2022: the coming Monday-to-Sunday lies in November
        ("The talks will resume next week.", ("next week", "2022-11-01", "month")),
        ("Ministers will meet again next month.", ("next month", "2022-12-01", "month")),
        ("Elections are due next year.", ("next year", "2023-01-01", "year")),
    ],
)
def test_next_week_month_and_year_look_forward(text: str, expected: tuple) -> None:
    [mention] = find_dates(text, PartialDate(date(2022, 11, 10), "day"))
    assert (mention.text, mention.value.value.isoformat(), mention.value.precision) == expected


def test_next_week_across_a_month_end_takes_the_month_of_most_of_its_days() -> None:
    # Thursday 27 April 2023: the next week is 1-7 May
    [mention] = find_dates("They meet next week.", PartialDate(date(2023, 4, 27), "day"))
    assert mention.value == PartialDate(date(2023, 5, 1), "month")


SATURDAY = PartialDate(date(2019, 3, 16), "day")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the Sunday a week before the most recent one (Tuesday 13 Dec 2016 → Sunday 11 → 4)
        ("The city fell a week ago Sunday, officials said.", TUESDAY, "2016-12-04"),
        ("The raid two weeks ago Friday killed six.", TUESDAY, "2016-11-25"),
        ("The convoy was hit two days ago.", TUESDAY, "2016-12-11"),
        ("Talks collapsed a week ago.", TUESDAY, "2016-12-06"),
    ],
)
def test_weeks_and_days_ago_count_back_from_publication(
    text: str, published: PartialDate, expected: str
) -> None:
    assert only(text, published)[1:] == (expected, "day")


def test_years_ago_stay_no_date() -> None:
    assert find_dates("The war began two years ago.", TUESDAY) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a weekend paper's weekend is its own day
        ("In a rare weekend sitting, the assembly voted.", SATURDAY, "2019-03-16"),
        ("Fighting flared this weekend.", SATURDAY, "2019-03-16"),
        # a weekday paper's weekend is the Saturday before
        ("Fighting flared over the weekend.", TUESDAY, "2016-12-10"),
        ("Protests spread last weekend.", SATURDAY, "2019-03-09"),
        # this weekend, seen from a weekday, is still to come
        ("Leaders gather this weekend.", TUESDAY, "2016-12-17"),
    ],
)
def test_the_weekend_is_that_of_publication(
    text: str, published: PartialDate, expected: str
) -> None:
    assert only(text, published)[1:] == (expected, "day")


def test_the_weekend_needs_a_publication_day() -> None:
    assert (
        find_dates("Fighting flared over the weekend.", PartialDate(date(2019, 3, 1), "month"))
        == []
    )
    assert find_dates("Fighting flared over the weekend.", None) == []
