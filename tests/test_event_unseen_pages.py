"""Event failure classes seen on pages nobody tuned on (tests/real_dev4, issue 9).

Each test names a class of sentence, not a page: quotations that carry their own dates, planned
gatherings named by a noun, recent periods, speakers the parser loses, documents released on a
day, relative clauses, and the rest added below.
"""

from __future__ import annotations

import re
from datetime import date

from etl.context import ArticleContext
from etl.events import extract_events
from etl.types import Actor, Article, Event, Mention, Statement

# name as written → (actor_id, kind, country_id)
ACTORS = {
    "Sweden": ("sweden", "country", "sweden"),
    "Morgan Johansson": ("morgan-johansson", "person", "sweden"),
    "World Health Organization": ("who", "organization", None),
    "Antonio Guterres": ("antonio-guterres", "person", None),
    "Guterres": ("antonio-guterres", "person", None),
    "Iran": ("iran", "country", "iran"),
    "Russia": ("russia", "country", "russia"),
    "Turkey": ("turkey", "country", "turkey"),
    "Lavrov": ("sergei-lavrov", "person", "russia"),
    "Mevlut Cavusoglu": ("mevlut-cavusoglu", "person", "turkey"),
    "Security Council": ("un-security-council", "intergovernmental", None),
    "Rapid Support Forces": ("rsf", "armed_group", "sudan"),
    "United Nations": ("united-nations", "intergovernmental", None),
    "Ban Ki-moon": ("ban-ki-moon", "person", None),
    "Washington": ("united-states", "country", "united-states"),
    "Hamas": ("hamas", "armed_group", None),
    "Myanmar": ("myanmar", "country", "myanmar"),
}


def events_of(
    nlp,
    body: str,
    published: date | None,
    precision: str = "day",
    statements: tuple[Statement, ...] = (),
    url: str | None = None,
) -> list[Event]:
    mentions: list[Mention] = []
    for name in sorted(ACTORS, key=len, reverse=True):
        actor_id = ACTORS[name][0]
        for m in re.finditer(r"\b" + re.escape(name) + r"\b", body):
            if not any(o.char_start < m.end() and m.start() < o.char_end for o in mentions):
                mentions.append(Mention("a1", actor_id, m.start(), m.end(), name))
    actors = {aid: Actor(aid, aid, kind, country) for aid, kind, country in ACTORS.values()}
    article = Article(
        "a1", "a1.txt", None, None, url, published, precision if published else None, "en",
        body, "x",
    )  # fmt: skip
    ctx = ArticleContext(
        article=article,
        doc=nlp(body),
        mentions=tuple(sorted(mentions, key=lambda m: m.char_start)),
        actors=actors,
    )
    return extract_events(ctx, list(statements))


def quote_of(body: str, quote: str, speaker_id: str) -> Statement:
    """The statement extractor's row for a quotation of the body."""
    start = body.index(quote)
    return Statement(
        "s1", "a1", speaker_id, speaker_id, quote, True, None, start, start + len(quote),
        cue="said",
    )  # fmt: skip


def summary(events: list[Event]) -> list[tuple[str, str, str]]:
    return [(e.event_type, e.event_date.isoformat(), e.date_precision) for e in events]


# --- quotations ----------------------------------------------------------------------------------


def test_a_date_inside_a_quotation_does_not_date_the_verb_reporting_it(nlp):
    quote = (
        "Sweden has continued to provide a safe haven for people fleeing the war. Last year "
        "over 163,000 people, 51,000 of those from Syria, applied for asylum in our country "
        "\u2014 the highest number per capita in all of Europe,"
    )
    body = f"\u201c{quote}\u201d said Sweden\u2019s Migration Minister Morgan Johansson."
    spoken = quote_of(body, quote, "morgan-johansson")
    assert summary(events_of(nlp, body, date(2016, 3, 30), statements=(spoken,))) == []


def test_a_reporting_verb_inside_a_quotation_is_no_statement_event(nlp):
    quote = "A study in 2022 said the dams were at risk. Nobody listened,"
    body = f'Morgan Johansson said the warnings were ignored. "{quote}" he said.'
    spoken = quote_of(body, quote, "morgan-johansson")
    found = events_of(nlp, body, date(2023, 9, 14), statements=(spoken,))
    assert [e for e in found if e.event_type == "statement"] == []


# --- planned gatherings named by a noun ----------------------------------------------------------


def test_a_meeting_due_to_be_held_is_not_an_event_of_the_day_its_date_was_set(nlp):
    body = (
        "Lavrov disclosed that the date of a meeting on Syria between presidents of Russia, Iran "
        "and Turkey due to be held in Tehran has been set and will be announced very soon."
    )
    assert [e for e in events_of(nlp, body, date(2018, 8, 25)) if e.event_type == "meeting"] == []


def test_an_upcoming_summit_is_not_an_event(nlp):
    body = "The upcoming summit in Paris was discussed on Monday."
    assert [e for e in events_of(nlp, body, date(2018, 8, 25)) if e.event_type == "summit"] == []


# --- recent periods ------------------------------------------------------------------------------


def test_attacks_in_recent_days_are_dated_to_the_publication_month(nlp):
    body = (
        "The members of the Security Council condemned the repeated attacks on El Fasher in "
        "recent days by the Rapid Support Forces."
    )
    assert ("attack", "2025-04-01", "month") in summary(events_of(nlp, body, date(2025, 4, 17)))


def test_recent_days_early_in_a_month_are_the_month_before(nlp):
    body = "Airstrikes hit the city in recent days, residents said."
    assert ("attack", "2019-02-01", "month") in summary(events_of(nlp, body, date(2019, 3, 2)))


# --- speakers the parser loses -------------------------------------------------------------------


def test_a_speaker_named_just_before_a_closing_said_speaks_though_the_parse_lost_the_subject(nlp):
    body = (
        "At least 264 people were killed and 1,266 wounded in an offensive to seize Libya's "
        "capital Tripoli, the World Health Organization said yesterday."
    )
    found = [e for e in events_of(nlp, body, date(2019, 4, 24)) if e.event_type == "statement"]
    assert [(e.event_date.isoformat(), e.participant_ids) for e in found] == [
        ("2019-04-23", ("who",))
    ]


def test_a_statement_released_on_a_day_is_a_statement_of_that_day(nlp):
    body = (
        "In a statement released by his spokesperson on 2 February 2021, Antonio Guterres "
        "welcomed the positive engagement of the government during recent visits by UN officials."
    )
    assert summary(events_of(nlp, body, date(2021, 2, 3))) == [("statement", "2021-02-02", "day")]


# --- relative clauses ----------------------------------------------------------------------------


def test_a_date_in_a_relative_clause_does_not_date_the_main_verb(nlp):
    body = (
        "Ban Ki-moon, who has been in the region this week to express solidarity, again "
        "stressed to all sides that they must stop the fighting."
    )
    assert summary(events_of(nlp, body, date(2014, 7, 30))) == []


def test_a_date_in_a_relative_clause_dates_the_happening_it_describes(nlp):
    body = (
        "Russia, Turkey and Iran are the guarantors of the Astana negotiations, which kicked "
        "off in January 2017."
    )
    assert summary(events_of(nlp, body, date(2019, 5, 1))) == [("meeting", "2017-01-01", "month")]


# --- attacks told by their toll or by "strikes" --------------------------------------------------


def test_people_killed_on_a_day_are_an_attack_of_that_day(nlp):
    body = "On Saturday, more than 100 people were killed in and around demonstrations."
    assert summary(events_of(nlp, body, date(2021, 3, 29))) == [("attack", "2021-03-27", "day")]


def test_a_death_toll_is_not_dated_by_a_neighbouring_clause(nlp):
    body = (
        "More than 2,400 people were killed in gang violence between January and mid-August "
        "this year, according to the United Nations, and nearly 200,000 Haitians have been "
        "driven from their homes."
    )
    assert [e for e in events_of(nlp, body, date(2023, 10, 3)) if e.event_type == "attack"] == []


def test_the_weekend_strikes_are_an_attack_not_the_crackdown_they_escalate(nlp):
    body = (
        "The weekend strikes represented another escalation in the violent crackdown by "
        "Myanmar's junta on protests of its Feb. 1 takeover."
    )
    assert summary(events_of(nlp, body, date(2021, 3, 29))) == [
        ("attack", "2021-03-27", "day"),
        ("other", "2021-02-01", "day"),  # a takeover of power, not of a place, is a coup
    ]


def test_a_takeover_of_a_city_stays_a_military_operation(nlp):
    body = "The takeover of Kabul by the Taliban on August 15 shocked the world."
    assert summary(events_of(nlp, body, date(2021, 8, 22))) == [
        ("military_operation", "2021-08-15", "day")
    ]


def test_workers_on_strike_are_no_attack(nlp):
    assert summary(events_of(nlp, "Workers went on strikes on Monday.", date(2021, 3, 29))) == []


def test_a_military_build_up_announced_earlier_this_month_is_an_operation_of_that_month(nlp):
    body = (
        "Thousands have crossed into Bangladesh since Myanmar announced a military build-up in "
        "Rakhine state earlier this month, community leaders said Wednesday."
    )
    assert ("military_operation", "2017-08-01", "month") in summary(
        events_of(nlp, body, date(2017, 8, 24))
    )


# --- the page's own document ---------------------------------------------------------------------


def test_a_joint_statement_on_a_meeting_spanning_days_is_issued_on_its_last_day(nlp):
    body = (
        "Joint Statement by Iran, Russia and Turkey on the International Meeting on Syria in "
        "Astana (Nor Sultan, 25-26 April 2019)\n\nThe three guarantors reaffirmed their commitment."
    )
    found = [e for e in events_of(nlp, body, date(2019, 4, 27)) if e.event_type == "statement"]
    assert [(e.event_date.isoformat(), e.participant_ids[:1]) for e in found] == [
        ("2019-04-26", ("iran",))
    ]


def test_a_debate_heading_dates_the_sitting_as_a_statement(nlp):
    body = (
        "UNHCR: Admission Pathways for Syrian Refugees\n\n"
        "Volume 607: debated on Wednesday 16 March 2016\n\n"
        "I beg to move, That this House has considered the UNHCR and pathways for admission."
    )
    assert ("statement", "2016-03-16", "day") in summary(events_of(nlp, body, date(2016, 3, 16)))


def test_a_page_whose_address_names_a_fact_sheet_is_a_statement_of_its_date(nlp):
    body = (
        "There are 1.2 million refugees from Ukraine recorded in Poland.\n\n"
        "UNHCR is supporting government-led efforts through a multisectoral response."
    )
    url = (
        "https://reliefweb.int/report/poland/ukraine-emergency-unhcr-poland-factsheet-10-june-2022"
    )
    assert summary(events_of(nlp, body, date(2022, 6, 10), url=url)) == [
        ("statement", "2022-06-10", "day")
    ]
    assert summary(events_of(nlp, body, date(2022, 6, 10), url="https://example.org/news/1")) == []


# --- judgements dated on their verb --------------------------------------------------------------


def test_blaming_a_party_for_a_breakdown_in_talks_is_a_statement_not_a_meeting(nlp):
    body = "On Friday, Washington blamed Hamas for the breakdown in talks to extend the pause."
    assert summary(events_of(nlp, body, date(2023, 12, 2))) == [("statement", "2023-12-01", "day")]


def test_a_press_conference_with_a_counterpart_is_also_their_meeting(nlp):
    body = (
        "During a press conference with his Turkish counterpart Mevlut Cavusoglu in Moscow on "
        "Friday, Lavrov said the ministers discussed Syria."
    )
    found = events_of(nlp, body, date(2018, 8, 25))
    assert sorted(summary(found)) == [
        ("meeting", "2018-08-24", "day"),
        ("statement", "2018-08-24", "day"),
    ]
    assert "mevlut-cavusoglu" in next(e for e in found if e.event_type == "meeting").participant_ids


def test_a_press_conference_alone_is_only_a_statement(nlp):
    body = "At a press conference in Moscow on Friday, Lavrov said the ministers discussed Syria."
    assert summary(events_of(nlp, body, date(2018, 8, 25))) == [("statement", "2018-08-24", "day")]
