"""Event classes that recur across the real sets (real_dev4 … real_dev7, issue 9): the page's own
news told in the present perfect beside dates that belong to something else, and a war whose
start is given by "since" on the verb that tells it.
"""

from __future__ import annotations

from datetime import date

from tests.test_event_unseen_pages import events_of, summary


def test_present_perfect_news_is_dated_by_the_page_when_other_dates_sit_inside_nouns(nlp):
    body = (
        "NEW YORK: Russia has vetoed a draft resolution at the UN Security Council that would "
        "have condemned last week's alleged chemical attack in Syria."
    )
    found = summary(events_of(nlp, body, date(2017, 4, 13)))
    assert ("vote", "2017-04-13", "day") in found


def test_present_perfect_without_a_happening_for_object_takes_no_page_date(nlp):
    body = (
        "More than 20,000 people have fled Idlib amid a ferocious bombing campaign by the regime "
        "and Russian forces that began in early 2018."
    )
    found = summary(events_of(nlp, body, date(2018, 5, 1)))
    assert not any(day == "2018-05-01" for _, day, _ in found)


def test_a_date_of_the_main_verb_keeps_the_present_perfect_off_the_page_date(nlp):
    body = "Russia has vetoed a draft resolution on Syria on Wednesday."
    found = summary(events_of(nlp, body, date(2017, 4, 13)))
    assert found == [("vote", "2017-04-12", "day")]


def test_being_at_war_since_a_date_is_the_war_starting_then(nlp):
    body = "The Saudi-led coalition has been at war with the rebels since March 2015."
    assert summary(events_of(nlp, body, None)) == [("military_operation", "2015-03-01", "month")]


def test_launching_an_aggression_since_a_date_is_a_military_operation_of_that_date(nlp):
    body = "The coalition has since March 2015 launched a military aggression against Yemen."
    assert summary(events_of(nlp, body, None)) == [("military_operation", "2015-03-01", "month")]


def test_since_alone_stays_a_bound(nlp):
    body = "Thousands of refugees have arrived in Lebanon since 2011."
    assert events_of(nlp, body, date(2018, 5, 1)) == []


def test_war_that_erupted_on_a_day_apart_from_its_verb_is_its_start(nlp):
    body = "At least 21,672 people have been killed in Gaza since war with Israel erupted on October 7."
    found = summary(events_of(nlp, body, date(2023, 12, 31)))
    assert found == [("military_operation", "2023-10-07", "day")]


def test_talks_agreed_to_be_resumed_on_a_date_are_planned_not_held(nlp):
    body = (
        "Iran, Russia and Turkey have agreed to resume the next round of Syrian peace talks in "
        "Astana in late August."
    )
    found = summary(events_of(nlp, body, date(2017, 7, 1), precision="month"))
    assert not any(kind == "meeting" for kind, _, _ in found)


def test_agreeing_on_a_day_to_do_something_is_still_dated_that_day(nlp):
    body = "Russia and Turkey agreed on Thursday to set up a joint working group."
    found = summary(events_of(nlp, body, date(2017, 10, 6)))
    assert ("agreement", "2017-10-05", "day") in found


def test_a_present_tense_report_takes_no_written_date_of_what_it_tells(nlp):
    body = (
        "The report covers the period from the start of the March 2011 uprising to December "
        "2015, when Amnesty says between 5,000 and 13,000 people were hanged."
    )
    found = summary(events_of(nlp, body, date(2017, 2, 7)))
    assert not any(kind == "statement" for kind, _, _ in found)


def test_a_present_tense_report_keeps_its_relative_day(nlp):
    body = "Ukraine's foreign minister Dmytro Kuleba says Monday that talks will go on."
    found = summary(events_of(nlp, body, date(2022, 3, 1)))
    assert found == [("statement", "2022-02-28", "day")]


def test_a_past_tense_report_keeps_its_written_date(nlp):
    body = "Amnesty said on 7 February 2017 that thousands of prisoners were hanged."
    found = summary(events_of(nlp, body, date(2017, 2, 8)))
    assert ("statement", "2017-02-07", "day") in found


def test_an_onslaught_dated_last_month_is_a_military_operation_of_that_month(nlp):
    body = (
        "Lavrentyev referred to groups in Eastern Ghouta who had struggled against the Syrian "
        "regime's onslaught last month."
    )
    found = summary(events_of(nlp, body, date(2018, 5, 15)))
    assert found == [("military_operation", "2018-04-01", "month")]


def test_forces_that_launched_an_operation_last_month_began_a_military_operation(nlp):
    body = "Last month Syrian government forces launched an operation to take control of Eastern Ghouta."
    found = summary(events_of(nlp, body, date(2018, 3, 9)))
    assert found == [("military_operation", "2018-02-01", "month")]
