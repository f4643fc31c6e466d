"""Event precision class of the events14 round (issue 9), pooled over real_dev … real_dev12.

A reporting verb is dated only by a date of its own clause: a sentence with both a happening and
a report of it ("Russian forces targeted the port on Monday, …, the United Nations said …"; "the
crossing opened on Tuesday, a decision welcomed by Jordan") dates the happening, never the report
or the welcome (real_dev7 hs25, real_dev12 hx26). `etl.event_scopes._date_of_another_verb` and the
clause tail of `_claim_clause_tails`; switch `etl.event_sentences.REPORT_OWN_CLAUSE`. The second
half holds the self-review probes: reports whose date is their own, which must keep it. Sentences
written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from etl import event_anchors, event_sentences
from tests.test_event_unseen_pages import events_of, summary

DAY = date(2022, 3, 9)  # a Wednesday


def found(nlp, body: str) -> list[tuple[str, str, str]]:
    return summary(events_of(nlp, body, DAY))


# --- a report takes no date of another verb's clause --------------------------------------------

TAKEN_BY_ANOTHER_CLAUSE = [
    # the date sits in the reported clause written before the reporting verb's subject
    "Russian forces also targeted the Odesa port, the country's largest grain terminal, on Monday, "
    "which halted exports, the United Nations said the strikes threatened food supplies.",
    # the reporting verb is a participle describing a noun in apposition to the dated clause
    "The new crossing opened on Tuesday, a decision welcomed by Jordan and the United Nations.",
    "A new aid corridor opened on Tuesday, a step praised by the United Nations and Turkey.",
]


@pytest.mark.parametrize("body", TAKEN_BY_ANOTHER_CLAUSE)
def test_a_report_takes_no_date_of_another_clause(nlp, body):
    assert "statement" not in [k for k, _, _ in found(nlp, body)]


@pytest.mark.parametrize("body", TAKEN_BY_ANOTHER_CLAUSE)
def test_without_the_rule_the_report_takes_the_date(nlp, monkeypatch, body):
    monkeypatch.setattr(event_sentences, "REPORT_OWN_CLAUSE", False)
    assert "statement" in [k for k, _, _ in found(nlp, body)]


def test_the_happening_of_the_dated_clause_keeps_its_date(nlp):
    body = (
        "The ceasefire took hold on Sunday, a truce hailed by the United Nations as a first step."
    )
    assert ("ceasefire", "2022-03-06", "day") in found(nlp, body)


# --- probes: reports whose date is their own keep it ----------------------------------------------


@pytest.mark.parametrize(
    ("body", "when"),
    [
        (
            "Emmanuel Macron said on Sunday that France had sent a frigate to the region.",
            "2022-03-06",
        ),
        (
            "On Tuesday, the Turkish foreign ministry said three soldiers had been killed.",
            "2022-03-08",
        ),
        (
            "The Turkish foreign ministry, on Tuesday, said three soldiers had been killed.",
            "2022-03-08",
        ),
        (
            "The Turkish foreign ministry said in a statement on Tuesday that three soldiers had "
            "been killed.",
            "2022-03-08",
        ),
        (
            "In remarks published in Monday's edition of Le Monde, Emmanuel Macron said the talks "
            "had stalled.",
            "2022-03-07",
        ),
        # a clause hung on the date itself dates the report in it
        (
            "Talks have stalled since January, when Turkey announced it would boycott them.",
            "2022-01-01",
        ),
        (
            "Antonio Guterres on Monday condemned the strike, which killed 12 civilians.",
            "2022-03-07",
        ),
    ],
)
def test_a_report_of_its_own_date_keeps_it(nlp, body, when):
    assert "statement" in [k for k, d, _ in found(nlp, body) if d == when]


@pytest.mark.parametrize(
    ("body", "kind", "when"),
    [
        # a happening reported by someone keeps its own date and type
        (
            "Ukraine said Russian forces shelled Kharkiv on Monday, killing five people.",
            "attack",
            "2022-03-07",
        ),
        ("Kharkiv was shelled on Monday, Ukraine said.", "attack", "2022-03-07"),
        (
            "Geir Pedersen, who visited Damascus on Monday, said the talks had made progress.",
            "meeting",
            "2022-03-07",
        ),
        (
            "Ayman Safadi met Bashar al-Assad in Damascus on Monday and said the border crossing "
            "had reopened.",
            "meeting",
            "2022-03-07",
        ),
        ("Turkey says jets struck Kurdish positions on Sunday", "attack", "2022-03-06"),
        ('"We struck the depot on Sunday," the Turkish army said.', "attack", "2022-03-06"),
        (
            "The talks collapsed on Monday, Turkey's foreign ministry said, blaming the rebels.",
            "other",
            "2022-03-07",
        ),
    ],
)
def test_a_reported_happening_keeps_its_date(nlp, body, kind, when):
    assert (kind, when, "day") in found(nlp, body)


# --- a dated caption in a page with no publication date is no timetable ---------------------------
#
# In a page without a publication date a present-tense clause with a date used to be read as a
# timetable ("the summit opens Monday") and its happening dropped as planned. A caption or a
# timeline line that sets a scene during or after the happening, dated with its year, tells the
# past (real_dev rd42, real_dev8 ht16; `CAPTION_SCENES`).

CAPTIONS = [
    (
        "Rescuers search the rubble after an airstrike on the market in Idlib on 4 July 2019.",
        "attack",
        "2019-07-04",
    ),
    (
        "Displaced families gather at the border crossing during the talks in Astana on 15 May "
        "2017.",
        "meeting",
        "2017-05-15",
    ),
]


@pytest.mark.parametrize(("body", "kind", "when"), CAPTIONS)
def test_a_dated_caption_in_an_undated_page_is_the_past(nlp, body, kind, when):
    assert (kind, when, "day") in summary(events_of(nlp, body, None))


@pytest.mark.parametrize(("body", "kind", "when"), CAPTIONS)
def test_without_the_rule_the_caption_reads_as_a_timetable(nlp, monkeypatch, body, kind, when):
    monkeypatch.setattr(event_anchors, "CAPTION_SCENES", False)
    assert summary(events_of(nlp, body, None)) == []


@pytest.mark.parametrize(
    "body",
    [
        # probes: timetables of an undated page stay planned
        "The donors' conference opens in Brussels on March 14, 2024.",
        "Talks between the two delegations resume in Geneva on 3 May 2024.",
        "Leaders meet in Brussels on June 5, 2024 to discuss the refugee quota.",
        "The ceasefire takes effect at midnight on 1 April 2024.",
        "The Security Council votes on the draft resolution on 12 March 2024.",
        "Erdogan travels to Moscow on 5 March 2024 for talks with Putin.",
        "The foreign ministers of Russia, Iran and Turkey gather in Astana on 20 June 2024 for a "
        "new round of talks.",
        "Ministers fly to Geneva on 2 February 2024 to sign the agreement.",
        "Refugees arrive at the camp ahead of the summit on 10 May 2024.",
    ],
)
def test_a_timetable_of_an_undated_page_stays_planned(nlp, body):
    assert summary(events_of(nlp, body, None)) == []


def test_a_dated_page_keeps_its_own_timetable_rule(nlp):
    # with a publication date the date's place before or after it decides, as before
    body = "Rescuers search the rubble after an airstrike on the market in Idlib on 4 July 2024."
    assert summary(events_of(nlp, body, date(2024, 6, 1))) == []
