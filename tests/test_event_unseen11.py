"""Event classes of the events11 round (issue 9), pooled over real_dev … real_dev9: acts typed
`other` that no cue caught (sanctions put in place, relief convoys and drop-offs;
`missed other` recurred on seven real sets) and a report's weekday or "today" in a page dated
only to its month (real_dev7, real_dev8). Sentences written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_event_unseen_pages import events_of, summary

# --- sanctions put in place ----------------------------------------------------------------------


def test_sanctions_placed_on_a_day_are_an_other_event(nlp):
    body = "Australia placed new sanctions on Myanmar's generals on Tuesday over rights abuses."
    assert summary(events_of(nlp, body, date(2022, 3, 4))) == [("other", "2022-03-01", "day")]


def test_restrictive_measures_decided_today_are_an_other_event_of_the_day(nlp):
    body = "Today the Council decided to impose restrictive measures on five militia commanders."
    assert summary(events_of(nlp, body, date(2021, 6, 10))) == [("other", "2021-06-10", "day")]


def test_sanctions_applied_earlier_this_month_are_an_other_event_of_the_month(nlp):
    body = "Britain had already applied sanctions against 14 army officers earlier this month."
    assert summary(events_of(nlp, body, date(2021, 6, 20))) == [("other", "2021-06-01", "month")]


# --- relief done on a date -----------------------------------------------------------------------


def test_a_humanitarian_convoy_reaching_a_town_is_an_other_event(nlp):
    body = "In May, three humanitarian convoys reached the besieged town of Madaya with flour."
    assert summary(events_of(nlp, body, date(2016, 6, 2))) == [("other", "2016-05-01", "month")]


def test_a_humanitarian_drop_off_on_a_day_is_an_other_event(nlp):
    body = "Twelve trucks made a humanitarian drop-off in the camp on Saturday."
    assert summary(events_of(nlp, body, date(2019, 3, 4))) == [("other", "2019-03-02", "day")]


# --- must not fire: other senses, negation, plans, threats -----------------------------------------

NOT_AN_ACT = [
    # the noun only modifies another noun
    "Officials placed the sanctions question on the agenda on Monday.",
    # a threat and a call are wished for, not done
    "The EU threatened on Monday to impose sanctions on Minsk.",
    "Lawmakers called on Friday for the government to impose sanctions on Russia.",
    # planned
    "Canada will impose new sanctions on Iran on Monday.",
    "An aid convoy was expected to reach Douma on Monday.",
    # negated inside a report
    "The minister said on Tuesday that the government had not imposed sanctions on anyone.",
    # a question the speaker declined to answer
    "Asked on Monday whether Ottawa would impose sanctions, the minister declined to comment.",
    # a convoy that brings no relief
    "A convoy of armoured vehicles reached the outskirts of the city on Tuesday.",
    # an office moving, and a repatriation that is only an adjective
    "The company relocated its headquarters to Dubai on Monday.",
    "Repatriated refugees said on Monday they had no homes to return to.",
    # a repatriation told as background of another date (the cue "repatriated" misfired so on
    # real_dev3 hn28 and was dropped)
    "Returns would follow the rules of 1993, when thousands of refugees were repatriated, she said.",
]


@pytest.mark.parametrize("body", NOT_AN_ACT)
def test_words_that_only_look_like_an_act_are_no_other_event(nlp, body):
    found = summary(events_of(nlp, body, date(2021, 8, 16)))
    assert not [row for row in found if row[0] == "other"]


# --- a page dated only to its month ----------------------------------------------------------------


def test_a_report_on_a_weekday_in_a_month_dated_page_is_that_months_statement(nlp):
    body = (
        "Foreign Minister Jean Dubois said in a statement issued from Rome on Saturday that the "
        "council had failed the people of Syria."
    )
    found = summary(events_of(nlp, body, date(2013, 5, 1), precision="month"))
    assert found == [("statement", "2013-05-01", "month")]


def test_a_report_told_the_press_on_a_weekday_in_a_month_dated_page_is_that_months(nlp):
    body = (
        "A UNHCR spokesperson, Maria Lenz, told reporters in Geneva on Friday that arrivals rose."
    )
    found = summary(events_of(nlp, body, date(2014, 2, 1), precision="month"))
    assert found == [("statement", "2014-02-01", "month")]


MONTH_PAGE_NO_REPORT = [
    # a happening's weekday may fall in the month before: it stays undated
    # "today" in a page filed under a month may be the last day of the month before (seed 002)
    "The State Department today disputed claims that the strikes hit only militants.",
    "The airstrikes began on Wednesday, targeting mainly central Syria.",
    # a report still to come
    "The minister will say on Monday that more aid is coming.",
    # a day inside a quotation is the speaker's own time
    '"We met the envoy on Tuesday and nothing changed," Hamid Rahimi said.',
    # a weekday that dates the reported happening, not the report
    "Jean Dubois said the convoy had been stopped at the border on Friday.",
]


@pytest.mark.parametrize("body", MONTH_PAGE_NO_REPORT)
def test_a_weekday_that_dates_no_report_stays_undated_in_a_month_dated_page(nlp, body):
    found = summary(events_of(nlp, body, date(2013, 5, 1), precision="month"))
    assert not [row for row in found if row[0] == "statement" and row[2] == "month"]


# --- fix11a: the sanctions noun must be what the cue's verb puts in place -----------------------

SANCTIONS_NOT_IMPOSED = [
    # applying for a waiver from sanctions imposes none
    "Iraq applied for a waiver from U.S. sanctions on Tuesday to keep buying Iranian gas.",
    # a bill to tighten sanctions is introduced; no sanctions are
    "Lawmakers introduced legislation on Tuesday to tighten sanctions on Russia.",
    # what is introduced is rationing; the sanctions are the subject of another clause
    "The government introduced rationing on Sunday as sanctions bit into fuel supplies.",
]


@pytest.mark.parametrize("body", SANCTIONS_NOT_IMPOSED)
def test_sanctions_the_cue_verb_does_not_impose_are_no_other_event(nlp, body):
    assert summary(events_of(nlp, body, date(2021, 3, 3))) == []


SANCTIONS_IMPOSED = [
    "Washington placed the central bank under sanctions on Friday.",
    "The EU imposed travel bans and sanctions on 12 officials on Monday.",
    "The EU on Monday imposed a new round of sanctions on Belarus.",
]


@pytest.mark.parametrize("body", SANCTIONS_IMPOSED)
def test_sanctions_imposed_through_and_of_or_under_stay_an_other_event(nlp, body):
    assert [row[0] for row in summary(events_of(nlp, body, date(2021, 3, 3)))] == ["other"]
