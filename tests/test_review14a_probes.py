"""Self-review probes of round 14's merged rules (issue 9, reviewer fix14a): sentences in the
style of wire copy, captions and live blogs from other crises that look like each rule's trigger
but must not fire, and a few that must. Written for these tests, not copied from a dev page.

- events14 `CAPTION_SCENES`: a scene link ("following the talks") written after the clause's own
  date leaves the date to the clause's verb, a timetable: "Delegations return to Vienna on June 5,
  2026, following the ceasefire talks in Cairo" misfired (the talks recorded on June 5) before
  the link had to precede the date (`etl.event_anchors._dated_scene`).
- events14 `REPORT_OWN_CLAUSE`: reports dated in their own clause keep their date.
- figures14 (`etl.figure_peoples`): a name written before a noun of people, then before a count
  of things or a number of its own, is no count of people.
- figures14 (`etl.numbers`): a name numbered in words is no figure.
"""

from __future__ import annotations

from datetime import date

import pytest

from etl import event_sentences
from tests.test_event_unseen_pages import events_of, summary
from tests.test_figures import found as figures_found

DAY = date(2022, 3, 9)  # a Wednesday

# --- CAPTION_SCENES ------------------------------------------------------------------------------

UNDATED_TIMETABLES = [
    "Delegations return to Vienna on June 5, 2026, following the ceasefire talks in Cairo.",
    "The ministers meet again in Geneva on 12 March 2026 after the talks in Doha.",
    "The envoy travels to Riyadh on 3 May 2026 for talks after the summit in Jeddah.",
    "Voting takes place on 14 November 2026 after the campaign, amid fears of an attack.",
    "The tribunal hears the case on January 20, 2026, during the summit in Brussels.",
    "The vote follows on 2 July 2026 after the negotiations in New York.",
]


@pytest.mark.parametrize("body", UNDATED_TIMETABLES)
def test_an_undated_timetable_with_a_scene_link_stays_planned(nlp, body):
    assert summary(events_of(nlp, body, None)) == []


def test_a_caption_dated_after_its_link_is_still_the_past(nlp):
    body = "Smoke rises over Kharkiv after a missile strike on 4 March 2022."
    assert ("attack", "2022-03-04", "day") in summary(events_of(nlp, body, None))


def test_a_caption_dated_in_its_subject_dates_the_scene_it_shows(nlp):
    """The date of the picture ("This photo taken on …") is the date of the scene it shows (a
    wire caption of real_dev the link-before-date condition lost)."""
    body = (
        "This file photo taken on November 15, 2016 shows United Nations Secretary-General Ban "
        "Ki-moon during the UN climate conference in Marrakesh."
    )
    assert ("conference", "2016-11-15", "day") in summary(events_of(nlp, body, None))


# --- REPORT_OWN_CLAUSE ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Russia shelled Kharkiv on Sunday, Ukraine's defence ministry said on Monday.",
            ("statement", "2022-03-07", "day"),
        ),
        (
            "In a statement released on Friday, Amnesty International said the camp had been "
            "shelled.",
            ("statement", "2022-03-04", "day"),
        ),
        (
            "Aid trucks crossed into Tigray on Tuesday, and the WFP said on Tuesday more would "
            "follow.",
            ("statement", "2022-03-08", "day"),
        ),
        (
            "The rebels seized Goma on Monday; the UN Security Council condemned the offensive on "
            "Tuesday.",
            ("statement", "2022-03-08", "day"),
        ),
    ],
)
def test_a_report_dated_in_its_own_clause_keeps_its_date(nlp, body, expected):
    assert expected in summary(events_of(nlp, body, DAY))
    assert event_sentences.REPORT_OWN_CLAUSE


# --- figures14: peoples named by the article's own modifier --------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Wagner fighters were seen near Bakhmut. The group has lost 20,000 Wagner since the "
        "spring, Prigozhin claimed in a video.",
        "Airbus passengers were stranded overnight. The carrier grounded its 320 Airbus jets "
        "after the fault.",
        "Oxfam workers handed out water. Oxfam raised 2,000 pounds at the Bristol event.",
        "Taliban fighters patrolled Kabul. The 1996 Taliban government was recognised by three "
        "states.",
        "Hezbollah fighters fired rockets. Israel said it struck 150 Hezbollah targets overnight.",
        "Pfizer employees walked out in protest. The firm shipped 40 million Pfizer doses to "
        "Africa.",
        "Bedouin herders lost their flocks. Some 70 Bedouin tents were torn down by the army on "
        "Sunday.",
        "Mapuche activists marched in Santiago. Some 400 Mapuche families were evicted from the "
        "estate.",
        "Sunday worshippers fled the church. Witnesses said 40 Sunday were hurt.",
    ],
)
def test_a_name_before_people_then_before_things_counts_no_people(nlp, body):
    assert figures_found(nlp, body) == []


# --- figures14: names numbered in words --------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Formula One drivers were evacuated from the Jeddah circuit after the missile strike.",
        "Air Force One landed in Kyiv with the president and his aides on board.",
        "Channel Four reporters were detained at the checkpoint for six hours.",
        "Apollo Eleven astronauts were honoured at the ceremony.",
        "The Big Three aid agencies sent staff to the border.",
        "Radio Four listeners heard the minister deny the report.",
    ],
)
def test_a_name_numbered_in_words_gives_no_figure(nlp, body):
    assert figures_found(nlp, body) == []
