"""A gathering the day's speaker spoke at, told without a date (etl.event_forums): an event of
the publication day, seen on real_dev, real_dev3, real_dev4, real_dev7 and dev_corpus."""

from __future__ import annotations

from datetime import date

from tests.test_event_unseen_pages import events_of, summary


def test_speaking_at_an_undated_conference_is_a_conference_of_the_publication_day(nlp):
    body = (
        "The Minister spoke at a two-day UNHCR conference, in Geneva, on the international "
        "response to the humanitarian crisis in Syria."
    )
    found = summary(events_of(nlp, body, date(2016, 3, 30)))
    assert found == [("conference", "2016-03-30", "day")]


def test_the_start_of_a_conference_a_speaker_spoke_at_dates_the_conference(nlp):
    body = (
        "Ban Ki-moon, at the start of a ministerial conference hosted by the UN refugee agency "
        'UNHCR in Geneva, said: "This demands an exponential increase in global solidarity."'
    )
    found = summary(events_of(nlp, body, date(2016, 3, 30)))
    assert ("conference", "2016-03-30", "day") in found


def test_telling_reporters_after_meeting_someone_is_a_meeting_of_the_day(nlp):
    body = (
        '"The talks were held in a friendly atmosphere," the minister told reporters after '
        "meeting Kyaw Tint Swe in Dhaka."
    )
    found = summary(events_of(nlp, body, date(2017, 10, 2)))
    assert found == [("meeting", "2017-10-02", "day")]


def test_a_gathering_with_its_own_date_keeps_that_date(nlp):
    body = "Lavrov said at a meeting in 2014 that nothing had changed."
    found = summary(events_of(nlp, body, date(2022, 9, 22)))
    assert ("meeting", "2022-09-22", "day") not in found


def test_a_page_dated_only_by_month_dates_no_gathering_from_its_speaker(nlp):
    body = "The Minister spoke at a two-day UNHCR conference in Geneva."
    assert events_of(nlp, body, date(2016, 3, 1), precision="month") == []


def test_a_gathering_still_to_come_is_not_the_day_s_news(nlp):
    body = "The Minister will speak at a UNHCR conference in Geneva."
    assert events_of(nlp, body, date(2016, 3, 30)) == []


def test_a_gathering_takes_the_day_the_lead_tells_its_news_on(nlp):
    body = (
        "Russia and Turkey on Thursday pledged to resettle refugees from the camps in a joint "
        "announcement.\n\nAt a high-level side event on the margins of the UN General Assembly "
        "in New York, Lavrov said the plan was a turning point."
    )
    found = summary(events_of(nlp, body, date(2022, 9, 23)))
    assert ("meeting", "2022-09-22", "day") in found
    assert ("meeting", "2022-09-23", "day") not in found
