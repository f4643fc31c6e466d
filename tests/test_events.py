"""Specifications of dated events: which sentences are events, of what type, on what date."""

from __future__ import annotations

import re
from datetime import date

import pytest

from etl.context import ArticleContext
from etl.events import extract_events
from etl.nlp import load_nlp
from etl.types import Actor, Article, Event, Mention, stable_id

# name as written → (actor_id, kind, country_id); a tiny stand-in for the actor resolver
ACTORS = {
    "Russian": ("russia", "country", None),
    "Russia": ("russia", "country", None),
    "Ukraine": ("ukraine", "country", None),
    "France": ("france", "country", None),
    "Germany": ("germany", "country", None),
    "Turkey": ("turkey", "country", None),
    "Israel": ("israel", "country", None),
    "Hamas": ("hamas", "armed_group", None),
    "Houthi": ("houthis", "armed_group", "yemen"),
    "Dmytro Kuleba": ("dmytro-kuleba", "person", "ukraine"),
    "Emmanuel Macron": ("emmanuel-macron", "person", "france"),
    "Olaf Scholz": ("olaf-scholz", "person", "germany"),
    "Josep Borrell": ("josep-borrell", "person", "eu"),
    "he": ("josep-borrell", "person", "eu"),
}


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def events_of(
    nlp, body: str, published: date | None, precision: str | None = "day"
) -> list[Event]:
    mentions = []
    for name, (actor_id, _, _) in ACTORS.items():
        for m in re.finditer(r"\b" + re.escape(name) + r"\b", body):
            if not any(o.char_start <= m.start() < o.char_end for o in mentions):
                mentions.append(Mention("a1", actor_id, m.start(), m.end(), name))
    actors = {
        aid: Actor(aid, aid, kind, country) for aid, kind, country in ACTORS.values()
    }
    article = Article(
        "a1",
        "a1.txt",
        None,
        None,
        None,
        published,
        precision if published else None,
        "en",
        body,
        "x",
    )
    ctx = ArticleContext(
        article=article,
        doc=nlp(body),
        mentions=tuple(sorted(mentions, key=lambda m: m.char_start)),
        actors=actors,
    )
    return extract_events(ctx, [])


def summary(events: list[Event]) -> list[tuple[str, str, str]]:
    return [(e.event_type, e.event_date.isoformat(), e.date_precision) for e in events]


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # a Ukrainian invasion dated by a weekday, published the next day
        (
            "Russian forces launched a full-scale invasion of Ukraine on Thursday.",
            date(2022, 2, 25),
            [("military_operation", "2022-02-24", "day")],
        ),
        (
            "A car bomb exploded in Kabul on Aug. 26, killing dozens.",
            date(2021, 8, 30),
            [("attack", "2021-08-26", "day")],
        ),
        # the truce outranks the agreement that made it
        (
            "Israel and Hamas agreed to a truce on May 20, 2021, ending 11 days of fighting.",
            date(2021, 5, 21),
            [("ceasefire", "2021-05-20", "day")],
        ),
        # the ceasefire is only demanded: the event is the vote
        (
            "The UN Security Council voted Wednesday on a resolution demanding a ceasefire in Gaza.",
            date(2023, 12, 8),
            [("vote", "2023-12-06", "day")],
        ),
        (
            "Leaders of France, Germany, Russia and Ukraine met in Paris on Dec. 9, 2019.",
            date(2019, 12, 10),
            [("meeting", "2019-12-09", "day")],
        ),
        (
            "Thousands of people joined a protest in Hong Kong on Sunday.",
            date(2019, 6, 10),
            [("other", "2019-06-09", "day")],
        ),
        (
            "The summit of NATO leaders opened in Madrid on June 28, 2022.",
            date(2022, 6, 29),
            [("summit", "2022-06-28", "day")],
        ),
        (
            "In a telephone call on Tuesday, Emmanuel Macron and Olaf Scholz discussed the crisis.",
            date(2022, 3, 3),
            [("meeting", "2022-03-01", "day")],
        ),
        (
            "The agreement was signed in Doha on Feb. 29, 2020.",
            date(2020, 3, 2),
            [("agreement", "2020-02-29", "day")],
        ),
        (
            "In this June 2013 file photo, protesters rally in Istanbul's Taksim Square.",
            date(2013, 7, 1),
            [("other", "2013-06-01", "month")],
        ),
        (
            "Last month, a Houthi drone attack hit an oil depot in Jeddah.",
            date(2022, 4, 12),
            [("attack", "2022-03-01", "month")],
        ),
        (
            "Foreign Minister Dmytro Kuleba said Monday that peace talks would continue.",
            date(2022, 3, 2),
            [("statement", "2022-02-28", "day")],
        ),
    ],
)
def test_dated_sentences_from_other_crises(
    nlp, body: str, published: date, expected: list
) -> None:
    assert summary(events_of(nlp, body, published)) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Since 2014, the conflict in eastern Ukraine has killed more than 13,000 people.",
        "Canada aims to resettle the refugees by the end of 2017.",
        "The coalition airstrikes began more than a year ago.",
        "Russia said the attack on the convoy never happened.",  # no date at all
        "On Friday, Turkey proposed a ceasefire in Idlib.",  # a ceasefire only proposed
        "Refugees living near the border with Turkey told reporters on Monday that they would stay.",
    ],
)
def test_bounds_wishes_and_undated_cues_are_not_events(nlp, body: str) -> None:
    # (the refugees are no actor, so the border country named after them does not speak)
    assert events_of(nlp, body, date(2018, 9, 10)) == []


def test_a_reported_event_without_its_own_date_dates_only_the_report(nlp) -> None:
    body = "Russia reported Friday that one of its airstrikes in Syria had killed a militant leader."
    events = events_of(nlp, body, date(2017, 6, 16))
    assert [
        (e.event_type, e.event_date, e.participant_ids, e.location) for e in events
    ] == [("statement", date(2017, 6, 16), ("russia",), None)]


def test_the_same_day_takes_the_previous_date(nlp) -> None:
    body = "Defence ministers met in Brussels on Oct. 24, 2019. Turkey announced a pause in its offensive the same day."
    events = events_of(nlp, body, date(2019, 10, 25))
    assert summary(events) == [
        ("meeting", "2019-10-24", "day"),
        ("statement", "2019-10-24", "day"),
    ]
    assert events[0].location == "Brussels"
    assert events[1].participant_ids == ("turkey",)


def test_one_statement_per_speaker_and_date(nlp) -> None:
    body = (
        "Josep Borrell said Tuesday that the conference was premature. "
        '"No one should be forced to go back," he told reporters Tuesday.'
    )
    events = events_of(nlp, body, date(2020, 11, 10))
    assert [(e.event_type, e.participant_ids) for e in events] == [
        ("statement", ("josep-borrell",))
    ]


def test_repeated_mentions_of_one_happening_merge(nlp) -> None:
    body = "Officials held talks Thursday in Geneva. Thursday's meeting was tense, a diplomat said."
    events = events_of(nlp, body, date(2017, 6, 16))
    assert summary(events) == [("meeting", "2017-06-15", "day")]
    assert events[0].location == "Geneva"


def test_two_vague_attacks_in_one_month_stay_apart(nlp) -> None:
    body = (
        "A suicide bomber struck the subway system in Minsk in April. "
        "The regime used chemical weapons in an attack against a town in April."
    )
    assert (
        summary(events_of(nlp, body, date(2017, 6, 16)))
        == [("attack", "2017-04-01", "month")] * 2
    )


def test_page_furniture_dated_after_publication_is_ignored(nlp) -> None:
    body = "Related: Trudeau meets with Rwandan president at a summit in Kigali, June 24, 2022."
    assert events_of(nlp, body, date(2017, 6, 16)) == []


def test_weekday_events_need_a_publication_day(nlp) -> None:
    body = "The airstrikes began on Wednesday, targeting central Syria."
    assert events_of(nlp, body, date(2015, 10, 1), "month") == []
    [event] = events_of(nlp, body, date(2015, 10, 1), "day")
    assert (event.event_type, event.event_date, event.location) == (
        "military_operation",
        date(2015, 9, 30),
        "Syria",
    )


def test_event_rows_carry_their_sentence_and_a_stable_id(nlp) -> None:
    body = "Background first. The summit of NATO leaders opened in Madrid on June 28, 2022.  "
    [event] = events_of(nlp, body, date(2022, 6, 29))
    assert body[event.char_start : event.char_end] == event.evidence
    assert (
        event.evidence
        == "The summit of NATO leaders opened in Madrid on June 28, 2022."
    )
    assert event.event_id == stable_id("a1", event.char_start, "summit", "2022-06-28")
    assert event.description == event.evidence
    assert event.location == "Madrid"


def test_three_leaders_meeting_is_a_summit(nlp) -> None:
    body = (
        "At the news conference following a meeting with President of Iran Hassan Rouhani and "
        "President of Turkey Recep Tayyip Erdogan on September 7, 2018, he spoke."
    )
    assert summary(events_of(nlp, body, date(2018, 9, 10))) == [
        ("summit", "2018-09-07", "day")
    ]
