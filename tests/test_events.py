"""Specifications of dated events: which sentences are events, of what type, on what date."""

from __future__ import annotations

import re
from datetime import date

import pytest

from etl.context import ArticleContext
from etl.events import extract_events
from etl.nlp import load_nlp
from etl.pipeline import Analyser
from etl.types import Actor, Article, Event, Mention, Statement, stable_id

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


def events_of(nlp, body: str, published: date | None, precision: str | None = "day") -> list[Event]:
    mentions = []
    for name, (actor_id, _, _) in ACTORS.items():
        for m in re.finditer(r"\b" + re.escape(name) + r"\b", body):
            if not any(o.char_start <= m.start() < o.char_end for o in mentions):
                mentions.append(Mention("a1", actor_id, m.start(), m.end(), name))
    actors = {aid: Actor(aid, aid, kind, country) for aid, kind, country in ACTORS.values()}
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
        # agreeing to a truce is the agreement reached that day (gold convention: the truce is
        # dated by when it takes effect or holds)
        (
            "Israel and Hamas agreed to a truce on May 20, 2021, ending 11 days of fighting.",
            date(2021, 5, 21),
            [("agreement", "2021-05-20", "day")],
        ),
        (
            "A fragile truce between the two sides took effect on Friday.",
            date(2021, 5, 22),
            [("ceasefire", "2021-05-21", "day")],
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
def test_dated_sentences_from_other_crises(nlp, body: str, published: date, expected: list) -> None:
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
    body = (
        "Russia reported Friday that one of its airstrikes in Syria had killed a militant leader."
    )
    events = events_of(nlp, body, date(2017, 6, 16))
    assert [(e.event_type, e.event_date, e.participant_ids, e.location) for e in events] == [
        ("statement", date(2017, 6, 16), ("russia",), None)
    ]


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
        summary(events_of(nlp, body, date(2017, 6, 16))) == [("attack", "2017-04-01", "month")] * 2
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
    assert event.evidence == "The summit of NATO leaders opened in Madrid on June 28, 2022."
    assert event.event_id == stable_id("a1", event.char_start, "summit", "2022-06-28")
    assert event.description == event.evidence
    assert event.location == "Madrid"


def test_three_leaders_meeting_is_a_summit(nlp) -> None:
    body = (
        "At the news conference following a meeting with President of Iran Hassan Rouhani and "
        "President of Turkey Recep Tayyip Erdogan on September 7, 2018, he spoke."
    )
    assert summary(events_of(nlp, body, date(2018, 9, 10))) == [("summit", "2018-09-07", "day")]


# --- generalisation beyond the seeds: cue false friends, future dates, subordinate clauses ------


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # "according to" names a source, never an accord
        (
            "An attack on a market killed 12 people on Sunday, according to local officials.",
            date(2019, 7, 9),
            [("attack", "2019-07-07", "day")],
        ),
        # a strike on a place on a day is an attack; a natural disaster that "struck" is other
        (
            "Drone strikes hit the outskirts of Aden on Tuesday.",
            date(2019, 7, 11),
            [("attack", "2019-07-09", "day")],
        ),
        (
            "A powerful earthquake struck eastern Turkey on Jan. 24, 2020.",
            date(2020, 1, 27),
            [("other", "2020-01-24", "day")],
        ),
        # a date in a "since" clause with its own verb dates that verb
        (
            "Since rebels captured the city on March 3, 2019, thousands have fled.",
            date(2019, 6, 1),
            [("military_operation", "2019-03-03", "day")],
        ),
        (
            "Hundreds of families have fled since fighting broke out on June 2.",
            date(2019, 6, 20),
            [("military_operation", "2019-06-02", "day")],
        ),
        # the cue of the date's own clause beats a stronger cue elsewhere in the sentence
        (
            "Several truces have collapsed since clashes erupted on June 2.",
            date(2019, 6, 20),
            [("military_operation", "2019-06-02", "day")],
        ),
        # a counterfactual ("would have backed") is no event; the veto is
        (
            "Russia vetoed a draft on Tuesday that would have backed a truce tied to a prisoner deal.",
            date(2019, 9, 20),
            [("vote", "2019-09-17", "day")],
        ),
        # a year or month naming a document dates that document, even when it is only urged
        (
            "Ukraine urged Russia to honour a 2015 peace agreement.",
            date(2019, 9, 20),
            [("agreement", "2015-01-01", "year")],
        ),
        (
            "Turkey asked both sides to respect the Sochi declaration of October 2019.",
            date(2020, 2, 3),
            [("agreement", "2019-10-01", "month")],
        ),
        # a counted stretch of talks is a dated meeting; "years of fighting" stays background
        (
            "Three days of talks ended in Vienna on Friday.",
            date(2019, 9, 21),
            [("meeting", "2019-09-20", "day")],
        ),
        # a pledge of money is an act of giving, not a statement
        (
            "Japan pledged $300 million in new aid last month.",
            date(2019, 9, 21),
            [("other", "2019-08-01", "month")],
        ),
        # a gathering the report was made at takes the reported date
        (
            "Donors pledged $2 billion on Tuesday, Russia said at the end of a pledging conference in Geneva.",
            date(2019, 9, 26),
            [("conference", "2019-09-24", "day")],
        ),
        # a military campaign or evacuation operation dated to a month
        (
            "The army launched a crackdown in the north in May 2018.",
            date(2019, 9, 26),
            [("military_operation", "2018-05-01", "month")],
        ),
        (
            "France's evacuation operation from Kabul in August 2021 ended.",
            date(2021, 12, 1),
            [("military_operation", "2021-08-01", "month")],
        ),
        (
            "The ministry released a report on Tuesday on conditions in the camps.",
            date(2019, 9, 26),
            [("other", "2019-09-24", "day")],
        ),
    ],
)
def test_cues_and_clauses_generalise(nlp, body: str, published: date, expected: list) -> None:
    assert summary(events_of(nlp, body, published)) == expected


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # Wednesday 8 December 2021: "will" points to the coming Friday, not yet come (issue 9:
        # planned events are not recorded as having happened)
        (
            "Emmanuel Macron will meet aid agencies in Lyon on Friday.",
            date(2021, 12, 8),
            [],
        ),
        # scheduled, due, planned: forward too
        (
            "The summit is scheduled to open in Lisbon on Monday.",
            date(2021, 12, 8),
            [],
        ),
        (
            "The truce is due to take effect on Monday.",
            date(2021, 12, 8),
            [],
        ),
        # a present-tense timetable
        (
            "The talks resume in Vienna on Thursday.",
            date(2021, 12, 8),
            [],
        ),
        # future in a past report: "would meet again in March" after a December publication
        (
            "Josep Borrell said the envoys would meet again in early March.",
            date(2021, 12, 8),
            [],
        ),
        # the past stays past
        (
            "Emmanuel Macron met aid agencies in Lyon on Friday.",
            date(2021, 12, 8),
            [("meeting", "2021-12-03", "day")],
        ),
    ],
)
def test_planned_events_are_left_out_and_past_ones_kept(
    nlp, body: str, published: date, expected: list
) -> None:
    assert summary(events_of(nlp, body, published)) == expected


def test_a_deal_taking_effect_is_the_truce_starting_and_its_signing_the_agreement(nlp) -> None:
    body = "The truce, signed on Saturday in Doha, is due to take effect on Monday."
    # the signing has happened; the truce starting on Monday is still planned
    assert summary(events_of(nlp, body, date(2021, 5, 23))) == [("agreement", "2021-05-22", "day")]


def test_sanctions_taking_effect_are_no_truce(nlp) -> None:
    assert events_of(nlp, "New sanctions took effect on Monday.", date(2021, 5, 25)) == []


def test_a_cue_used_as_a_time_reference_yields_to_the_statement(nlp) -> None:
    body = "Hours after the vote, Russia said on Friday that it would not comply."
    assert [
        (e.event_type, e.event_date.isoformat(), e.participant_ids)
        for e in events_of(nlp, body, date(2019, 9, 21))
    ] == [("statement", "2019-09-20", ("russia",))]


def test_state_media_is_no_reporting_verb(nlp) -> None:
    body = "Turkey's state media showed the convoy on Monday."
    assert events_of(nlp, body, date(2019, 9, 24)) == []


def test_a_planned_meeting_lends_its_date_to_no_later_sentence(nlp) -> None:
    body = (
        "Another round of talks expected in late January. "
        "Josep Borrell said the two sides would meet again in January. "
        "The delegations met for dinner."
    )
    assert summary(events_of(nlp, body, date(2018, 12, 14))) == []


def test_a_schedule_told_in_the_past_keeps_the_last_such_day(nlp) -> None:
    # published Thursday 12 November 2020: the conference began the day before
    body = "The two-day conference was scheduled to begin Wednesday in Vienna."
    assert summary(events_of(nlp, body, date(2020, 11, 12))) == [
        ("conference", "2020-11-11", "day")
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Rebels captured the town of Kidal on Monday.",
            [("military_operation", "2021-12-06", "day")],
        ),
        ("Police captured a suspect on Monday.", []),  # no place taken
        (
            "Kabul was seized by the Taliban on August 15.",
            [("military_operation", "2021-08-15", "day")],
        ),
        ("Arrivals fell to 2,000 in March.", []),  # a count moving
        (
            "Government forces took control of the airport on Sunday.",
            [("military_operation", "2021-12-05", "day")],
        ),
    ],
)
def test_taking_a_place_is_an_operation_taking_anything_else_is_not(
    nlp, body: str, expected: list
) -> None:
    assert summary(events_of(nlp, body, date(2021, 12, 8))) == expected


# --- a blind set of news-wire sentences from many crises, run through the real actor resolver ---
# Written before the rules were tuned on them; the expected events follow the gold convention of
# GOLD.md: (type, date to the gold's precision: YYYY-MM-DD, YYYY-MM or YYYY).


@pytest.fixture(scope="session")
def analyser(nlp):
    return Analyser(nlp=nlp)


def wire_events(analyser, body: str, published: str) -> list[tuple[str, str]]:
    article = Article(
        "w1", "w1.txt", None, None, None, date.fromisoformat(published), "day", "en", body, "x"
    )
    extraction = analyser.extract(article, analyser.nlp(body))
    widths = {"day": 10, "month": 7, "year": 4}
    return sorted(
        (e.event_type, e.event_date.isoformat()[: widths[e.date_precision]])
        for e in extraction.events
    )


WIRE_SENTENCES = [
    (
        "2022-11-03",
        "Ethiopia's government and Tigrayan forces signed a permanent cessation of hostilities on Wednesday in Pretoria, South Africa.",
        [("agreement", "2022-11-02")],
    ),
    (
        "2023-10-03",
        "The UN Security Council voted 13-0 on Monday to authorise a Kenyan-led multinational security mission to Haiti, with China and Russia abstaining.",
        [("vote", "2023-10-02")],
    ),
    (
        "2023-09-28",
        "Azerbaijan launched a military offensive on Sept. 19, and the ethnic Armenian forces agreed to disarm a day later.",
        [("military_operation", "2023-09-19"), ("agreement", "2023-09-20")],
    ),
    (
        "2023-09-14",
        "The Derna dam burst on the night of Sept. 10, sending a wall of water through the city.",
        [("other", "2023-09-10")],
    ),
    (
        "2022-11-10",
        "The talks will resume in Nairobi next week, a mediator said.",
        [("meeting", "2022-11")],
    ),
    (
        "2018-09-05",
        "Foreign ministers from South American countries met in Quito on Monday and Tuesday to discuss the exodus of Venezuelans.",
        [("meeting", "2018-09-03")],
    ),
    (
        "2023-11-17",
        "Kenya's parliament approved the deployment of 1,000 police officers to Haiti on Thursday.",
        [("vote", "2023-11-16")],
    ),
    (
        "2023-09-20",
        "India expelled a senior Canadian diplomat on Tuesday, hours after Ottawa expelled an Indian official over the killing of a Sikh separatist leader.",
        [("other", "2023-09-19")],
    ),
    (
        "2024-01-29",
        "The military governments of Mali, Burkina Faso and Niger announced on Sunday that they would withdraw from ECOWAS with immediate effect.",
        [("statement", "2024-01-28")],
    ),
    (
        "2022-01-01",
        "Protesters marched through Khartoum on Thursday to demand civilian rule.",
        [("other", "2021-12-30")],
    ),
    (
        "2023-08-07",
        "ECOWAS leaders will hold an emergency summit in Abuja on Thursday to discuss the coup in Niger.",
        [],
    ),
    (
        "2023-09-26",
        "In a phone call on Sunday, Ukrainian President Volodymyr Zelenskiy and Polish President Andrzej Duda discussed grain exports.",
        [("meeting", "2023-09-24")],
    ),
    (
        "2023-10-05",
        "Prime Minister Justin Trudeau told a press conference in Ottawa on Oct. 3 that Canada would not escalate the dispute.",
        [("statement", "2023-10-03")],
    ),
    (
        "2023-10-21",
        "Foreign Minister Melanie Joly said in a statement Friday that Canada had relocated 41 diplomats from India.",
        [("statement", "2023-10-20")],
    ),
    (
        "2023-10-03",
        "Kenyan Foreign Minister Alfred Mutua told reporters on Monday that the force could deploy within weeks.",
        [("statement", "2023-10-02")],
    ),
    (
        "2023-04-25",
        "A military air strike on a village in Sagaing region killed more than 100 people earlier this month.",
        [("attack", "2023-04")],
    ),
    (
        "2023-07-20",
        "Russian missiles struck the port of Odesa overnight on Wednesday, damaging grain terminals.",
        [("attack", "2023-07-19")],
    ),
    (
        "2023-12-27",
        "Russian Defence Minister Sergei Shoigu said on Monday that his forces had captured the town of Marinka. A day later, Ukraine's military denied that the town had fallen.",
        [("statement", "2023-12-25"), ("statement", "2023-12-26")],
    ),
    (
        "2023-10-10",
        "Hamas fighters attacked southern Israel on Oct. 7. Israel's security cabinet voted the next day to formally declare war.",
        [("attack", "2023-10-07"), ("vote", "2023-10-08")],
    ),
    (
        "2018-08-05",
        "Venezuelan President Nicolas Maduro survived what officials described as a drone attack during a military parade in Caracas on Saturday.",
        [("attack", "2018-08-04")],
    ),
    (
        "2019-01-16",
        "Venezuela's National Assembly voted on Tuesday to declare Nicolas Maduro's re-election illegitimate.",
        [("vote", "2019-01-15")],
    ),
    (
        "2023-09-25",
        "Under a deal brokered by Russian peacekeepers, the separatist forces agreed on Sept. 20 to lay down their arms.",
        [("agreement", "2023-09-20")],
    ),
    (
        "2024-04-26",
        "Haitian Prime Minister Ariel Henry formally resigned on Thursday as a transitional council was sworn in.",
        [("other", "2024-04-25")],
    ),
    (
        "2023-09-19",
        "Justin Trudeau told the House of Commons on Monday that Canadian security agencies were pursuing credible allegations linking the government of India to the killing.",
        [("statement", "2023-09-18")],
    ),
    (
        "2023-07-02",
        "The UN Security Council voted unanimously on June 30 to end the peacekeeping mission in Mali.",
        [("vote", "2023-06-30")],
    ),
    (
        "2023-11-10",
        "Three ethnic armed groups launched a coordinated offensive against the military in northern Shan state on Oct. 27.",
        [("military_operation", "2023-10-27")],
    ),
    (
        "2024-01-13",
        "The military and the armed groups agreed to a ceasefire in talks mediated by China in Kunming, Chinese officials said on Friday.",
        [("statement", "2024-01-12")],
    ),
    (
        "2023-08-01",
        "Ukraine's counteroffensive began in early June.",
        [("military_operation", "2023-06")],
    ),
    (
        "2023-10-22",
        "Egypt hosted a peace summit in Cairo on Saturday, but leaders failed to agree on a joint statement.",
        [("summit", "2023-10-21")],
    ),
    (
        "2022-11-14",
        "Tigrayan leaders met Ethiopian army commanders in Nairobi last week to discuss how the peace deal would be implemented.",
        [("meeting", "2022-11")],
    ),
    (
        "2024-01-27",
        "Kenya's High Court ruled on Friday that the deployment of police officers to Haiti was unconstitutional.",
        [("other", "2024-01-26")],
    ),
    (
        "2023-12-04",
        "Venezuela held a referendum on Sunday on its claim to the Essequibo region of neighbouring Guyana.",
        [("vote", "2023-12-03")],
    ),
    (
        "2019-01-11",
        "The Organization of American States held an emergency session in Washington on Wednesday to discuss the crisis in Venezuela.",
        [("meeting", "2019-01-09")],
    ),
    (
        "2023-09-01",
        "Since the war began in April, more than 5 million people have fled their homes in Sudan.",
        [("military_operation", "2023-04")],
    ),
    (
        "2023-05-02",
        "Aid agencies have called for a ceasefire since October, and neither side has shown interest in talks.",
        [],
    ),
    (
        "2023-09-21",
        'Canada\'s foreign minister Melanie Joly spoke to reporters in Ottawa. "We will not be intimidated," she said on Wednesday.',
        [("statement", "2023-09-20")],
    ),
    (
        "2023-07-20",
        "A spokesman for Ilham Aliyev said Tuesday's talks in Brussels had been constructive.",
        [("meeting", "2023-07-18")],
    ),
    (
        "2022-11-04",
        "Speaking at a news conference in Addis Ababa on Thursday, the African Union envoy Olusegun Obasanjo said both sides had agreed to stop fighting.",
        [("statement", "2022-11-03")],
    ),
    (
        "2024-01-08",
        "The bombing, which killed 12 people, happened on Saturday near the border with Niger.",
        [("attack", "2024-01-06")],
    ),
    (
        "2023-10-03",
        "On Sept. 18, Justin Trudeau said there were credible allegations of a link between India and the killing.",
        [("statement", "2023-09-18")],
    ),
    (
        "2023-12-20",
        "The Security Council is scheduled to vote on the draft resolution on Friday.",
        [],
    ),
    (
        "2023-09-22",
        "Sudan's army chief Abdel Fattah al-Burhan addressed the UN General Assembly on Thursday.",
        [("statement", "2023-09-21")],
    ),
    (
        "2023-09-10",
        "Ukraine's air force said on Sunday that its forces had shot down 30 of 35 drones launched by Russia overnight.",
        [("statement", "2023-09-10")],
    ),
    (
        "2023-10-14",
        "The ministers held a second round of talks in Washington on Thursday and Friday.",
        [("meeting", "2023-10-12")],
    ),
]


@pytest.mark.parametrize(("published", "body", "expected"), WIRE_SENTENCES)
def test_wire_sentences_from_many_crises(analyser, published: str, body: str, expected) -> None:
    assert wire_events(analyser, body, published) == sorted(expected)


def test_a_day_later_counts_from_the_date_before_it_in_the_same_sentence(analyser) -> None:
    body = "Rebels seized the airport on March 3, and the two sides agreed to a truce a day later."
    assert wire_events(analyser, body, "2024-03-10") == [
        ("agreement", "2024-03-04"),
        ("military_operation", "2024-03-03"),
    ]


def test_relative_dates_chain_from_sentence_to_sentence(analyser) -> None:
    body = (
        "The envoys met in Doha on Monday. The next day they signed a framework deal. "
        "Two days later, the truce took effect."
    )
    assert wire_events(analyser, body, "2024-03-10") == [
        ("agreement", "2024-03-05"),
        ("ceasefire", "2024-03-07"),
        ("meeting", "2024-03-04"),
    ]


def test_a_tied_date_goes_to_the_cue_it_modifies(analyser) -> None:
    body = (
        "Ministers met in Paris on Sept. 18. Turkey recalled its ambassador the next day "
        "and on Sept. 21 suspended flights to the country."
    )
    assert wire_events(analyser, body, "2023-10-04") == [
        ("meeting", "2023-09-18"),
        ("other", "2023-09-19"),
        ("other", "2023-09-21"),
    ]


def test_a_summit_on_whose_sidelines_leaders_met_yields_to_the_meeting(analyser) -> None:
    body = "The two leaders met on the sidelines of the NATO summit in Vilnius on July 11."
    assert wire_events(analyser, body, "2023-07-14") == [("meeting", "2023-07-11")]


def test_a_purpose_clause_does_not_make_the_cue_a_wish(analyser) -> None:
    body = "Thousands marched through Bamako on Friday to demand the release of detainees."
    assert wire_events(analyser, body, "2023-07-16") == [("other", "2023-07-14")]


# The held-back check: written with the set above, run once only after the rules were tuned on it
# (10 of 15 sentences, 11 of 16 events, right first time). Known misses are strict xfails:
# fixing one makes its test fail, so move it up when it passes.
HELD_BACK_SENTENCES = [
    (
        "2023-09-14",
        "Storm Daniel hit eastern Libya on Sept. 10, triggering floods that killed thousands of people.",
        [("other", "2023-09-10")],
    ),
    (
        "2023-10-15",
        "Ministers from the Group of Seven will meet in Tokyo next month.",
        [],
    ),
    (
        "2023-11-02",
        "The Pretoria agreement, signed on Nov. 2, 2022, ended two years of war in northern Ethiopia.",
        [("agreement", "2022-11-02")],
    ),
    pytest.param(
        "2023-09-19",
        "Protesters set fire to the mayor's house in Derna on Monday evening, demanding accountability for the collapse of the dams.",
        [("other", "2023-09-18")],
        marks=pytest.mark.xfail(
            strict=True, reason="no cue for protesters acting (only protests, marches)"
        ),
    ),
    (
        "2023-12-23",
        "France completed the withdrawal of its troops from Niger on Friday.",
        [("military_operation", "2023-12-22")],
    ),
    (
        "2023-12-01",
        "Kenya's parliament will vote on the mission next week, the Kenyan interior minister Kithure Kindiki told reporters in Nairobi on Thursday.",
        [("statement", "2023-11-30")],
    ),
    (
        "2023-09-22",
        "India suspended visa services for Canadians on Thursday, escalating the diplomatic row.",
        [("other", "2023-09-21")],
    ),
    (
        "2019-01-05",
        "The Lima Group of regional nations issued a statement on Friday urging Nicolas Maduro not to take office.",
        [("statement", "2019-01-04")],
    ),
    # an unnamed government speaking is a statement event without a named participant
    (
        "2023-09-29",
        "The separatist government of Nagorno-Karabakh said on Thursday that the republic would cease to exist by January 1, 2024.",
        [("statement", "2023-09-28")],
    ),
    pytest.param(
        "2024-06-26",
        "Kenya deployed the first 400 police officers to Haiti on Tuesday.",
        [("military_operation", "2024-06-25")],
        marks=pytest.mark.xfail(strict=True, reason="only 'deployed troops' is a deployment cue"),
    ),
    (
        "2023-11-24",
        "The four-day truce between Israel and Hamas took effect at 7 a.m. on Friday.",
        [("ceasefire", "2023-11-24")],
    ),
    (
        "2023-10-20",
        "Venezuela's government and the opposition signed an electoral roadmap in Barbados on Tuesday.",
        [("agreement", "2023-10-17")],
    ),
    (
        "2025-12-01",
        "Presidents Paul Kagame and Felix Tshisekedi are expected to sign the accord in Washington on Thursday.",
        [],
    ),
    pytest.param(
        "2023-05-02",
        "Both sides accused each other of violating the 2018 Addis Ababa peace agreement.",
        [("agreement", "2018")],
        marks=pytest.mark.xfail(
            strict=True,
            reason="a year before a capitalised name ('the 2018 Addis Ababa agreement') is not read as a date",
        ),
    ),
    (
        "2023-07-17",
        "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev met in Brussels on Saturday for talks hosted by Charles Michel.",
        [("meeting", "2023-07-15")],
    ),
]


@pytest.mark.parametrize(("published", "body", "expected"), HELD_BACK_SENTENCES)
def test_held_back_wire_sentences(analyser, published: str, body: str, expected) -> None:
    assert wire_events(analyser, body, published) == sorted(expected)


# --- whole-article behaviours: references back, names, relative clauses, second dates ----------


def test_a_sentence_looking_back_takes_the_date_that_dated_nothing_before_it(analyser) -> None:
    body = (
        "Southern African leaders on Saturday ordered a mediation team to Maputo. "
        "The decision came at an extraordinary summit of the regional bloc in Harare."
    )
    assert wire_events(analyser, body, "2024-03-18") == [("summit", "2024-03-16")]


def test_a_fresh_subject_does_not_borrow_the_previous_sentences_date(analyser) -> None:
    body = (
        "Photo taken on March 3, 2024. "
        "The Kenyan government has urged both sides to attend talks in Nairobi."
    )
    assert wire_events(analyser, body, "2024-03-18") == []


def test_a_cue_word_inside_an_organisation_name_is_no_event(analyser) -> None:
    body = "Georgia left the Commonwealth of Independent States Treaty Organization in March."
    assert ("agreement", "2024-03") not in wire_events(analyser, body, "2024-05-02")


def test_a_name_headed_by_the_cue_still_is_the_event(analyser) -> None:
    body = "Ministers gathered for the Halifax Security Conference on Friday."
    assert wire_events(analyser, body, "2023-11-20") == [("conference", "2023-11-17")]


def test_a_participle_title_is_not_a_happening(analyser) -> None:
    body = (
        "Crowds marched in Conakry on Sunday to demand the release of ousted President Alpha Conde."
    )
    assert wire_events(analyser, body, "2021-09-14") == [("other", "2021-09-12")]


def test_a_relative_clause_does_not_take_the_main_clauses_date(analyser) -> None:
    body = (
        "Regional leaders on Thursday urged restraint, after the officers who seized power "
        "in the capital refused to set an election date."
    )
    assert wire_events(analyser, body, "2024-05-17") == []


def test_a_when_clause_dates_a_bound_it_follows(analyser) -> None:
    body = (
        "The two factions have been at war since March 2022, when a dispute over oil revenue "
        "erupted into open fighting in the capital."
    )
    assert wire_events(analyser, body, "2024-01-10") == [("military_operation", "2022-03")]


def test_a_bound_kept_for_its_when_clause_dates_nothing_else(analyser) -> None:
    body = "The town has been under siege since May, when the rebels launched their offensive."
    assert wire_events(analyser, body, "2024-09-01") == [("military_operation", "2024-05")]


def test_a_second_date_of_the_same_verb_is_a_second_occurrence(analyser) -> None:
    body = "Earlier rounds of talks were held in Doha in June 2022 and in Cairo in late January."
    assert wire_events(analyser, body, "2023-04-02") == [
        ("meeting", "2022-06"),
        ("meeting", "2023-01"),
    ]


def test_a_meeting_hosted_by_a_third_leader_stays_a_meeting(analyser) -> None:
    body = (
        "President Felix Tshisekedi and President Paul Kagame met in Luanda in July, "
        "in a meeting hosted by President Joao Lourenco."
    )
    assert wire_events(analyser, body, "2022-09-01") == [("meeting", "2022-07")]


@pytest.mark.parametrize(
    ("published", "body", "expected"),
    [
        (
            "2024-02-12",
            "Medecins Sans Frontieres said on Sunday that its clinic had closed after gunmen stormed it the previous day.",
            [("attack", "2024-02-10"), ("statement", "2024-02-11")],
        ),
        (
            "2024-02-12",
            "Residents reported heavy artillery fire in the port on Wednesday night.",
            [("attack", "2024-02-07")],
        ),
        (
            "2024-02-12",
            "Soldiers opened fire on protesters in the capital on Saturday.",
            [("attack", "2024-02-10")],
        ),
        (
            "2023-08-01",
            "Soldiers detained the prime minister on July 26, and their leader was named head of state two days later.",
            [("other", "2023-07-26"), ("other", "2023-07-28")],
        ),
        (
            "2024-02-12",
            "Mediators said negotiations would resume in Doha on Friday.",
            [],
        ),
    ],
)
def test_whole_article_cues(analyser, published: str, body: str, expected) -> None:
    assert wire_events(analyser, body, published) == sorted(expected)


def test_a_transcript_published_on_a_day_is_a_statement_event_of_that_day(nlp) -> None:
    body = "Speaking notes for the minister.\n\nThank you. Today we are announcing our plan."
    article = Article("a1", "a1.txt", None, None, None, date(2015, 11, 24), "day", "en", body, "x")
    ctx = ArticleContext(article=article, doc=nlp(body), mentions=(), actors={})
    start = body.index("Thank you")
    spoken = Statement(
        stable_id("a1", start), "a1", "john-roe", "John Roe", body[start:], True,
        date(2015, 11, 24), start, len(body), "day", "transcript",
    )  # fmt: skip
    rows = extract_events(ctx, [spoken])
    assert [(e.event_type, e.event_date, e.participant_ids) for e in rows] == [
        ("statement", date(2015, 11, 24), ("john-roe",))
    ]


def test_an_evacuation_is_an_operation(nlp) -> None:
    body = "The evacuation of Kabul airport ended on Thursday."
    assert summary(events_of(nlp, body, date(2021, 8, 27))) == [
        ("military_operation", "2021-08-26", "day")
    ]


def test_a_headline_infinitive_is_a_planned_event(nlp) -> None:
    body = "Kyiv and Moscow to resume talks in Istanbul in October"
    assert events_of(nlp, body, date(2022, 9, 23)) == []


def test_a_speech_published_on_a_day_is_a_statement_event_of_that_day(nlp) -> None:
    body = "Speaking notes for the minister.\n\nThank you. Today we are announcing our plan."
    article = Article("a1", "a1.txt", None, None, None, date(2015, 12, 1), "day", "en", body, "x")
    ctx = ArticleContext(article=article, doc=nlp(body), mentions=(), actors={})
    start = body.index("Thank you")
    spoken = Statement(
        stable_id("a1", start), "a1", "jane-roe", "Jane Roe", body[start:], True,
        date(2015, 12, 1), start, len(body), "day", "document",
    )  # fmt: skip
    rows = extract_events(ctx, [spoken])
    assert [(e.event_type, e.event_date, e.participant_ids) for e in rows] == [
        ("statement", date(2015, 12, 1), ("jane-roe",))
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Joint statement by Russia and Turkey on Syria, 25 April 2019.",
        "Press conference of Russia and Turkey in Moscow on 25 April 2019.",
    ],
)
def test_a_statement_heading_without_a_verb_is_read_in_bounded_time(nlp, body):
    # The speaker search climbed from the noun to a verb; a sentence whose root is a noun has
    # none, and comparing spaCy tokens by identity never saw the root, so it climbed forever.
    import threading

    found: list[list[Event]] = []
    reader = threading.Thread(
        target=lambda: found.append(events_of(nlp, body, date(2019, 4, 26))), daemon=True
    )
    reader.start()
    reader.join(timeout=30)
    assert found, "event extraction did not finish"
    assert all(isinstance(e, Event) for e in found[0])
