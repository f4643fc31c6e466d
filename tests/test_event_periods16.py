"""A happening dated by a relative period that ends before the publication day ("earlier this
month", "last week") is merged only with a happening of a day inside that period (events16,
`etl.event_periods`). Sentences written for these tests."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from etl import event_periods
from etl.dates import find_dates, relative_period
from etl.types import PartialDate
from tests.test_event_unseen_pages import events_of, summary

WEDNESDAY = date(2022, 3, 9)
FRIDAY = date(2022, 3, 11)


def test_earlier_this_month_is_not_the_publication_days_happening(nlp):
    body = (
        "Canada placed new sanctions on Syria on Friday. "
        "Canada had already imposed sanctions on 27 officials earlier this month."
    )
    assert sorted(summary(events_of(nlp, body, FRIDAY))) == [
        ("other", "2022-03-01", "month"),
        ("other", "2022-03-11", "day"),
    ]


def test_last_week_is_not_this_weeks_vote(nlp):
    body = (
        "The General Assembly voted on Tuesday in favour of a resolution on Gaza. "
        "Washington vetoed a similar resolution in the Security Council last week."
    )
    assert sorted(summary(events_of(nlp, body, WEDNESDAY))) == [
        ("vote", "2022-03-01", "month"),
        ("vote", "2022-03-08", "day"),
    ]


def test_a_day_inside_the_period_is_still_the_same_happening(nlp):
    body = (
        "Rebel fighters seized the airport on 2 March. "
        "The rebels seized the airport earlier this month, the army said."
    )
    found = [e for e in summary(events_of(nlp, body, WEDNESDAY)) if e[0] != "statement"]
    assert found == [("military_operation", "2022-03-02", "day")]


def test_this_week_holds_the_publication_day_and_parts_nothing(nlp):
    body = (
        "The ministers met in Geneva on Wednesday. "
        "The ministers met in Geneva this week to discuss the convoys."
    )
    assert summary(events_of(nlp, body, WEDNESDAY)) == [("meeting", "2022-03-09", "day")]


def test_the_switch_turns_the_rule_off(nlp, monkeypatch):
    monkeypatch.setattr(event_periods, "PERIOD_SPANS", False)
    body = (
        "Canada placed new sanctions on Syria on Friday. "
        "Canada had already imposed sanctions on 27 officials earlier this month."
    )
    assert summary(events_of(nlp, body, FRIDAY)) == [("other", "2022-03-11", "day")]


@pytest.mark.parametrize(
    "phrase",
    [
        "earlier this week",
        "last week",
        "earlier this month",
        "last month",
        "earlier this year",
        "last year",
    ],
)
@pytest.mark.parametrize("offset", range(0, 14))
def test_the_span_is_valued_as_the_date_finder_values_the_phrase(phrase, offset):
    # two weeks from a Thursday, over a month's end: weeks that straddle two months
    published = date(2022, 3, 24) + timedelta(days=offset)
    found = find_dates(f"They met {phrase}.", PartialDate(published, "day"))
    span = relative_period(phrase, published)
    if span is None:  # "earlier this week" on a Monday, "earlier this month" on the 1st
        return
    value, first, last = span
    assert [m.value for m in found] == [value]
    assert first <= last < published
