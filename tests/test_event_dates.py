"""Relative anchors of events: the weekend, weeks ago, and page labels that date nothing."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_events import events_of, summary


@pytest.fixture(scope="module")
def nlp():
    from etl.nlp import load_nlp

    return load_nlp()


def test_a_weekend_session_of_a_saturday_paper_is_that_saturday(nlp):
    body = (
        "In a rare weekend session, members of the assembly voted in favour of a resolution "
        "on the border dispute."
    )
    assert summary(events_of(nlp, body, date(2019, 3, 16))) == [("vote", "2019-03-16", "day")]


def test_a_capture_a_week_ago_sunday_is_the_sunday_before_last(nlp):
    body = "Families fled after the rebels captured the capital a week ago Sunday."
    assert summary(events_of(nlp, body, date(2021, 3, 9))) == [
        ("military_operation", "2021-02-28", "day")
    ]


def test_a_page_date_label_does_not_date_the_sentence_after_it(nlp):
    body = "date 2022-03-03 Emmanuel Macron on Tuesday announced new sanctions against Russia."
    assert summary(events_of(nlp, body, date(2022, 3, 3))) == [("statement", "2022-03-01", "day")]


def test_a_ceasefire_being_negotiated_is_no_ceasefire(nlp):
    body = (
        "Fighting intensified near the port over the weekend as mediators tried to negotiate "
        "a ceasefire."
    )
    assert [e for e in events_of(nlp, body, date(2018, 6, 11)) if e.event_type == "ceasefire"] == []
