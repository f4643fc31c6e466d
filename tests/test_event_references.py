"""Events named by what refers to them: a war's start, a deal by its date, a truce in passing,
and relative dates inside a quotation (issue 9, real_dev5 failure classes)."""

from __future__ import annotations

from datetime import date

from tests.test_events import events_of, summary


def test_the_beginning_of_a_conflict_with_its_date_is_a_military_operation(nlp):
    body = "Casualties have exceeded 16,200 since the beginning of the conflict in March 2015."
    assert ("military_operation", "2015-03-01", "month") in summary(
        events_of(nlp, body, date(2019, 1, 10))
    )


def test_a_date_after_since_alone_stays_a_bound(nlp):
    body = "Casualties have exceeded 16,200 since March 2015."
    assert summary(events_of(nlp, body, date(2019, 1, 10))) == []


def test_a_deal_named_by_its_month_is_an_agreement_of_that_month(nlp):
    body = "Turkey set up 12 observation posts in Idlib under a September 2018 deal with Russia."
    assert summary(events_of(nlp, body, date(2020, 1, 28))) == [
        ("agreement", "2018-09-01", "month")
    ]


def test_deal_with_as_a_verb_is_no_agreement(nlp):
    body = "France and Germany met on Monday to deal with the crisis."
    found = summary(events_of(nlp, body, date(2022, 9, 9)))
    assert ("meeting", "2022-09-05", "day") in found
    assert not [e for e in found if e[0] == "agreement"]


def test_a_truce_referred_to_by_despite_yields_to_the_sentences_news(nlp):
    body = (
        "Despite a ceasefire arranged by Russia and Turkey, the deadly offensive has sparked "
        "an exodus of thousands of civilians toward the border."
    )
    found = summary(events_of(nlp, body, date(2020, 1, 28)))
    assert [e for e in found if e[0] == "ceasefire"] == []


def test_a_relative_day_inside_a_quotation_is_not_counted_from_the_articles_date(nlp):
    body = (
        "Turkey said on Monday that seven soldiers died in Idlib. "
        "“The attack on our soldiers the day before was a turning point,” Olaf Scholz said."
    )
    found = summary(events_of(nlp, body, date(2020, 2, 5)))
    assert ("attack", "2020-02-02", "day") not in found


def test_the_announced_beginning_of_an_operation_is_a_military_operation(nlp):
    body = (
        "Earlier on Wednesday, Turkey announced the beginning of its operation in northern Syria."
    )
    found = summary(events_of(nlp, body, date(2019, 10, 10)))
    assert found == [("military_operation", "2019-10-09", "day")]


def test_a_storm_that_struck_is_no_attack(nlp):
    body = "Storm Daniel struck the coast of Libya late on Sunday."
    assert summary(events_of(nlp, body, date(2023, 9, 14))) == [("other", "2023-09-10", "day")]


def test_fighting_that_stopped_on_a_day_is_a_ceasefire(nlp):
    body = "On Tuesday evening, all military action in eastern Aleppo stopped."
    assert summary(events_of(nlp, body, date(2016, 12, 14))) == [("ceasefire", "2016-12-13", "day")]


def test_fighting_that_resumed_on_a_day_is_a_military_operation(nlp):
    body = "Ground fighting between the two sides resumed on 19 December in southern Idlib."
    assert summary(events_of(nlp, body, date(2020, 1, 2))) == [
        ("military_operation", "2019-12-19", "day")
    ]


def test_a_dated_resolution_after_through_is_a_vote_not_a_bound(nlp):
    body = (
        "Canada has called for accountability, including through its General Assembly "
        "resolution in December 2016."
    )
    assert summary(events_of(nlp, body, date(2017, 4, 21))) == [("vote", "2016-12-01", "month")]


def test_the_start_of_a_year_after_since_stays_a_bound(nlp):
    body = "More than 300 people were killed since the start of 2015."
    assert summary(events_of(nlp, body, date(2016, 1, 10))) == []


def test_a_named_speaker_the_actors_do_not_know_still_dates_a_statement(nlp):
    body = "Only on Friday, the HNC said it would boycott the process."
    assert summary(events_of(nlp, body, date(2016, 2, 1))) == [("statement", "2016-01-29", "day")]


def test_an_anonymous_source_dates_no_statement(nlp):
    body = "A source said on Friday that the talks had stalled."
    assert summary(events_of(nlp, body, date(2016, 2, 1))) == []
