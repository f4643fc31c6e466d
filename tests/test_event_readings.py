"""How a cue reads in its clause: denied by "no", a shared view, an unnamed official speaking."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_events import events_of, summary


@pytest.fixture(scope="module")
def nlp():
    from etl.nlp import load_nlp

    return load_nlp()


def test_no_exchange_of_gunfire_is_no_attack(nlp):
    body = "Witnesses said there was no exchange of gunfire in the capital on Saturday."
    assert [e for e in events_of(nlp, body, date(2023, 5, 7)) if e.event_type == "attack"] == []


def test_agreeing_that_something_is_so_is_a_statement(nlp):
    body = "France and Germany agreed on Monday that the attack bore the marks of a state actor."
    assert summary(events_of(nlp, body, date(2018, 4, 11))) == [("statement", "2018-04-09", "day")]


def test_agreeing_to_something_on_a_day_is_still_an_agreement(nlp):
    body = "France and Germany agreed on Monday to a joint patrol of the border."
    assert summary(events_of(nlp, body, date(2018, 4, 11))) == [("agreement", "2018-04-09", "day")]


def test_unnamed_officials_speaking_on_a_day_make_a_statement_event(nlp):
    body = "In a technical briefing Monday, officials said 1,700 people had been flown out."
    events = events_of(nlp, body, date(2021, 8, 23))
    assert summary(events) == [("statement", "2021-08-23", "day")]
    assert events[0].participant_ids == ()


def test_calling_a_veto_disappointing_is_a_statement_not_a_vote(nlp):
    body = "Officials on Sunday called the veto of the resolution deeply disappointing."
    assert summary(events_of(nlp, body, date(2019, 12, 22))) == [("statement", "2019-12-22", "day")]


def test_an_election_is_a_vote(nlp):
    body = "Turkey held parliamentary elections on June 7, 2015."
    assert summary(events_of(nlp, body, date(2015, 6, 9))) == [("vote", "2015-06-07", "day")]


def test_a_speech_noun_used_as_a_verb_is_no_statement(nlp):
    body = (
        "Aid agencies work to address the needs of families displaced in a wave that began "
        "on 1 December 2019."
    )
    types = [e.event_type for e in events_of(nlp, body, date(2020, 1, 28))]
    assert "statement" not in types


def test_a_speech_noun_is_still_a_statement(nlp):
    body = "In an address to parliament on Tuesday, Emmanuel Macron defended the reform."
    assert summary(events_of(nlp, body, date(2023, 3, 22))) == [("statement", "2023-03-21", "day")]


def test_a_document_issued_on_a_day_is_a_statement_event(nlp):
    body = "The report covers the fighting in the north. It was issued on 11 May."
    assert ("statement", "2015-05-11", "day") in summary(events_of(nlp, body, date(2015, 5, 12)))


def test_a_person_released_on_a_day_is_no_statement(nlp):
    body = "The journalist was released on 11 May."
    assert [e for e in events_of(nlp, body, date(2015, 5, 12)) if e.event_type == "statement"] == []


def test_a_cue_inside_a_press_conferences_phrase_yields_to_it(nlp):
    body = (
        "Emmanuel Macron made his remarks during a press conference of the guarantors of the "
        "truce in Geneva on Friday."
    )
    assert summary(events_of(nlp, body, date(2018, 3, 16))) == [("statement", "2018-03-16", "day")]


def test_a_cue_with_its_own_verb_is_not_inside_another(nlp):
    body = "Russia attacked the city on Friday, a week after the talks in Geneva."
    assert ("attack", "2018-03-16", "day") in summary(events_of(nlp, body, date(2018, 3, 17)))


def test_a_dated_reaction_dates_the_happening_that_prompted_it(nlp):
    body = (
        "France issued a sharp rebuke on Thursday after Russia vetoed another resolution "
        "on the crisis."
    )
    assert sorted(summary(events_of(nlp, body, date(2012, 7, 20)))) == [
        ("statement", "2012-07-19", "day"),
        ("vote", "2012-07-19", "day"),
    ]


def test_a_prompting_clause_with_its_own_date_keeps_it(nlp):
    body = "France issued a rebuke on Thursday after Russia vetoed a resolution on Monday."
    assert sorted(summary(events_of(nlp, body, date(2012, 7, 20)))) == [
        ("statement", "2012-07-19", "day"),
        ("vote", "2012-07-16", "day"),
    ]
