"""Event failure classes of tests/real_dev6 (issue 9), each told by a sentence of its own.

Reports nobody is named for, cues still to come at a caption's date, "earlier in the day",
wars and withdrawals told by verbs, numbered sittings of UN meetings coverage, the present
perfect in a page dated by month, and a named announcement of something planned.
"""

from __future__ import annotations

from datetime import date

from tests.test_event_unseen_pages import events_of, summary


def test_a_passive_report_without_an_agent_is_no_statement(nlp):
    body = (
        "So far in August, more than 72,000 displacements have been reported across the "
        "north-west of the country."
    )
    assert events_of(nlp, body, date(2019, 8, 22)) == []


def test_a_passive_report_by_a_named_agent_stays_a_statement(nlp):
    body = "On Monday, the figures were reported by Sweden in Stockholm."
    assert ("statement", "2019-08-19", "day") in summary(events_of(nlp, body, date(2019, 8, 22)))


def test_talks_still_ahead_at_a_captions_date_are_no_event(nlp):
    body = (
        "Police patrol in front of the hotel where the delegation stays ahead of the start of a "
        "new round of peace talks at the United Nations in Geneva, Switzerland, April 12, 2016"
    )
    assert [e for e in events_of(nlp, body, date(2017, 3, 1)) if e.event_type == "meeting"] == []


def test_a_meeting_earlier_in_the_day_takes_the_day_of_the_sentence_before(nlp):
    body = (
        "The delegation focused on a political transition, its head said on Wednesday.\n\n"
        "Hamas and Guterres met earlier in the day."
    )
    found = summary(events_of(nlp, body, date(2017, 3, 2)))
    assert ("meeting", "2017-03-01", "day") in found


def test_a_conflict_which_began_on_a_day_is_a_military_operation_of_that_day(nlp):
    body = (
        "The UN puts at a thousand dead and a million displaced the toll of this conflict "
        "which began on April 15."
    )
    found = summary(events_of(nlp, body, date(2023, 5, 23)))
    assert ("military_operation", "2023-04-15", "day") in found


def test_forces_that_withdrew_from_a_town_on_a_day_are_a_military_operation(nlp):
    body = (
        "On 20 August, armed group forces reportedly withdrew from the strategic town of "
        "Khan Sheikhoun and nearby villages."
    )
    found = summary(events_of(nlp, body, date(2019, 8, 22)))
    assert ("military_operation", "2019-08-20", "day") in found


def test_a_numbered_sitting_heading_is_a_meeting_of_the_publication_date(nlp):
    body = (
        "Meetings Coverage\n\n9659th Meeting (AM)\n\nSecurity Council Hears of Famine Risk\n\n"
        "Speakers told the Council that millions of people faced hunger in the region."
    )
    found = summary(events_of(nlp, body, date(2024, 1, 1), precision="year"))
    assert found == [("meeting", "2024-01-01", "year")]


def test_a_sentence_numbering_a_meeting_is_no_sitting_heading(nlp):
    body = "The council held its 9659th meeting to discuss the famine, which speakers deplored."
    assert events_of(nlp, body, date(2024, 1, 1), precision="year") == []


def test_has_just_voted_in_a_page_dated_by_month_is_that_months_vote(nlp):
    body = "The Security Council has just voted on a draft resolution on the violence in Syria."
    found = summary(events_of(nlp, body, date(2012, 2, 1), precision="month"))
    assert found == [("vote", "2012-02-01", "month")]


def test_a_named_announcement_of_something_planned_is_the_days_statement(nlp):
    body = (
        "Sweden will resettle 12,000 refugees and begin air strikes within the week, Prime "
        "Minister Morgan Johansson has announced."
    )
    found = summary(events_of(nlp, body, date(2015, 9, 9)))
    assert found == [("statement", "2015-09-09", "day")]


def test_an_unnamed_report_of_something_planned_is_no_event(nlp):
    body = "Talks will resume within the week, sources have said."
    assert events_of(nlp, body, date(2015, 9, 9)) == []


def test_a_lead_announcement_is_not_echoed_by_another_speakers_statement_that_day(nlp):
    body = (
        "Sweden will resettle 12,000 refugees within the week, Prime Minister Morgan Johansson "
        "has announced.\n\n"
        "In a statement on Wednesday, Guterres said the United Nations welcomed the decision."
    )
    found = [
        (e.event_type, e.event_date.isoformat(), e.participant_ids)
        for e in events_of(nlp, body, date(2015, 9, 9))
    ]
    assert ("statement", "2015-09-09", ("morgan-johansson",)) in found
    assert ("statement", "2015-09-09", ("antonio-guterres",)) in found
