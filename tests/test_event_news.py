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


# --- undated news of the publication day -----------------------------------------------------


def test_an_undated_present_perfect_is_the_news_of_the_publication_day(nlp):
    body = (
        "The presidents of Kenya and Ethiopia have reached an agreement on the disputed border "
        "after two days of talks."
    )
    assert summary(events_of(nlp, body, date(2021, 6, 4))) == [("agreement", "2021-06-04", "day")]


@pytest.mark.parametrize(
    "body",
    [
        "Russia has repeatedly vetoed resolutions on the war in the Security Council.",
        "Jordan has hosted refugees from the war since 2011.",
        "Moscow has continued to carry out air strikes on the province.",
        "Monitors say government forces have recently killed dozens of people in the city.",
    ],
)
def test_a_present_perfect_of_record_or_duration_dates_nothing(nlp, body):
    assert events_of(nlp, body, date(2021, 6, 4)) == []


def test_a_present_perfect_report_dates_the_report_not_what_it_reports(nlp):
    body = "The envoy has been holding talks with the rebels on the port, officials have said."
    assert [e[0] for e in summary(events_of(nlp, body, date(2021, 6, 4)))] in ([], ["statement"])


def test_a_present_report_in_the_lead_is_a_statement_of_the_datelines_day(nlp):
    body = (
        "Talks to resume in Geneva next month\n\n"
        "GENEVA, March 3. The next round of talks on the constitution will take place in Geneva "
        "before the end of this month, says Russia’s foreign ministry."
    )
    assert summary(events_of(nlp, body, date(2021, 3, 4))) == [("statement", "2021-03-03", "day")]


def test_a_present_report_deep_in_the_story_dates_nothing(nlp):
    body = (
        "The ministers met in Ankara on Monday to discuss the border crossings for aid.\n\n"
        "The talks lasted four hours and ended without a final communique from the host.\n\n"
        "Aid groups want two more crossings opened before the winter sets in.\n\n"
        "The situation in the camps is dire, says Emmanuel Macron."
    )
    assert [t for t, _d, _p in summary(events_of(nlp, body, date(2021, 3, 4)))] == ["meeting"]


def test_a_lead_report_of_unnamed_sources_is_no_statement_event(nlp):
    body = (
        "Rebels have blocked the evacuation of two towns in the north of the province, "
        "government sources say."
    )
    types = [t for t, _d, _p in summary(events_of(nlp, body, date(2016, 12, 15)))]
    assert "statement" not in types


def test_a_plan_for_later_this_month_is_planned_not_past(nlp):
    body = "The ministers will meet again in Geneva later this month to sign the accord."
    assert events_of(nlp, body, date(2021, 3, 10)) == []
