"""The article's own news (present-tense headlines) and operations told by verbs."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_events import events_of, summary


@pytest.fixture(scope="module")
def nlp():
    from etl.nlp import load_nlp

    return load_nlp()


def test_a_present_tense_headline_verb_is_an_event_of_the_publication_day(nlp):
    body = (
        "Turkey invades northern Iraq\n\n"
        "Troops crossed the border before dawn, the defence ministry said."
    )
    assert summary(events_of(nlp, body, date(2019, 10, 9))) == [
        ("military_operation", "2019-10-09", "day")
    ]


def test_a_headline_noun_is_not_the_news_of_the_day(nlp):
    body = "France slams Russia over vetoes\n\nThe envoy spoke to reporters in New York."
    assert summary(events_of(nlp, body, date(2017, 4, 13))) == []


def test_a_headline_repeating_the_bodys_dated_event_of_the_day_before_is_dropped(nlp):
    body = (
        "France and Germany agree to a gas deal\n\n"
        "France and Germany agreed on Thursday to share gas supplies through the winter."
    )
    assert summary(events_of(nlp, body, date(2022, 9, 9))) == [("agreement", "2022-09-08", "day")]


def test_a_sentence_with_a_full_stop_is_not_a_headline(nlp):
    body = "Turkey invades northern Iraq, the opposition claims.\n\nNothing else is known."
    assert [e for e in events_of(nlp, body, date(2019, 10, 9)) if e.event_type != "statement"] == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Government forces regained control of the airport on Thursday.",
            ("military_operation", "2021-08-19", "day"),
        ),
        (
            "Rebel forces began an assault on the port city in early June.",
            ("military_operation", "2021-06-01", "month"),
        ),
        (
            "On 15 April, armed clashes between the army and the militia were reported.",
            ("military_operation", "2021-04-15", "day"),
        ),
        (
            "Aerial bombardment of a market on 3 May killed twelve people.",
            ("attack", "2021-05-03", "day"),
        ),
        (
            "Emmanuel Macron and Olaf Scholz held phone consultations on Tuesday.",
            ("meeting", "2021-08-17", "day"),
        ),
        (
            "Under a presidential decree from 9 October 2018, deserters were pardoned.",
            ("other", "2018-10-09", "day"),
        ),
    ],
)
def test_operations_and_acts_told_by_verbs_and_nouns(nlp, body, expected):
    assert summary(events_of(nlp, body, date(2021, 8, 23))) == [expected]


def test_a_cue_under_a_stretch_of_time_is_background_through_coordination(nlp):
    body = (
        "Resistance in the city ended Tuesday after years of fighting and months of siege "
        "and bombardment that culminated in a collapse this week."
    )
    types = [e.event_type for e in events_of(nlp, body, date(2016, 12, 13))]
    assert "attack" not in types


def test_a_present_under_a_past_verb_is_no_timetable(nlp):
    body = (
        "The minister's remarks came as the two delegations hold talks in Geneva on Monday "
        "in an attempt to end the fighting."
    )
    assert summary(events_of(nlp, body, date(2023, 5, 9))) == [("meeting", "2023-05-08", "day")]


def test_a_report_in_the_present_dates_a_month_behind_it(nlp):
    body = (
        "The report details attacks in January and February 2020, in which the army targeted "
        "medical facilities."
    )
    dates = {e.event_date.isoformat() for e in events_of(nlp, body, date(2020, 5, 11))}
    assert "2020-01-01" in dates


def test_two_coordinated_months_date_two_occurrences(nlp):
    body = (
        "Unlawful attacks in the north, the majority in January and February 2020, in which "
        "the army targeted medical facilities."
    )
    dates = sorted(e.event_date.isoformat() for e in events_of(nlp, body, date(2020, 5, 11)))
    assert dates == ["2020-01-01", "2020-02-01"]


def test_a_present_timetable_of_the_coming_days_is_still_planned(nlp):
    body = "The talks move to Geneva on Friday, where the envoys meet again."
    assert summary(events_of(nlp, body, date(2014, 1, 22))) == []


def test_discussing_something_with_someone_is_a_meeting(nlp):
    body = "Olaf Scholz said he had discussed the crisis with Emmanuel Macron yesterday."
    assert ("meeting", "2019-05-28", "day") in summary(events_of(nlp, body, date(2019, 5, 29)))


def test_seizing_the_capital_named_by_an_unlabelled_name_is_an_operation(nlp):
    body = "The rebels, who seized the capital Zorvath in 2014, still hold the north."
    assert summary(events_of(nlp, body, date(2018, 6, 11))) == [
        ("military_operation", "2014-01-01", "year")
    ]
