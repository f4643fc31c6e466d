"""Event classes of the events12b round (issue 9), pooled over real_dev … real_dev10.

A strike told as the answer to an attack, with no date of its own ("Turkey retaliated against
the attack", "In response, Turkish forces attacked …"; real_dev3, real_dev8, real_dev10) is an
`attack` of the page's news day, never merged with the attack it answers
(`etl.event_retaliations`, `RETALIATIONS`); and a verb cue written in the past ("seized",
"retook") matches its present in a dated timeline entry or caption ("On April 5, the army seizes
the airport"; `PRESENT_FORMS`). The second half holds the self-review probes: sentences that look
like the triggers and must not fire. Sentences written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from etl import event_cues, events
from tests.test_event_unseen_pages import events_of, summary

DAY = date(2021, 6, 9)

# --- retaliations ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Israel retaliated against the rocket attack, the army said.",
        "In response, Israeli jets struck militant positions in the south of the strip.",
        "In retaliation, the army shelled rebel positions near the town.",
        "Iran retaliated with missile strikes on a base in western Iraq.",
    ],
)
def test_an_undated_retaliation_is_an_attack_of_the_page_day(nlp, body):
    assert summary(events_of(nlp, body, DAY)) == [("attack", "2021-06-09", "day")]


def test_without_the_rule_an_undated_retaliation_dates_nothing(nlp, monkeypatch):
    monkeypatch.setattr(events, "RETALIATIONS", False)
    body = "In response, Israeli jets struck militant positions in the south of the strip."
    assert events_of(nlp, body, DAY) == []


def test_a_retaliation_is_not_merged_with_the_attack_it_answers(nlp):
    body = (
        "Two soldiers were killed in a drone strike near the border, Thursday, June 8, 2021.\n\n"
        "In response, the army struck launch sites across the frontier."
    )
    found = summary(events_of(nlp, body, DAY))
    assert found.count(("attack", "2021-06-08", "day")) == 2


def test_a_retaliation_after_a_date_long_before_is_history(nlp):
    body = (
        "In 2014, government jets bombed the market for weeks. "
        "In response, rebels attacked army posts on the hills."
    )
    assert ("attack", "2021-06-09", "day") not in summary(events_of(nlp, body, DAY))


# --- present-tense timelines and captions --------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("March 3, 2021 - Rebel fighters seize the airport of the provincial capital.",
         ("military_operation", "2021-03-03", "day")),
        ("On May 2, the army recaptures the town after a week of fighting.",
         ("military_operation", "2021-05-02", "day")),
        ("On May 20, the militia deals a blow to the army by capturing the border crossing.",
         ("military_operation", "2021-05-20", "day")),
    ],
)  # fmt: skip
def test_a_dated_timeline_entry_in_the_present_is_its_event(nlp, body, expected):
    assert expected in summary(events_of(nlp, body, DAY))


def test_without_present_forms_the_timeline_entry_is_missed(nlp, monkeypatch):
    monkeypatch.setattr(event_cues, "PRESENT_FORMS", False)
    body = "March 3, 2021 - Rebel fighters seize the airport of the provincial capital."
    assert events_of(nlp, body, DAY) == []


# --- self-review probes: look like the triggers, must not fire -----------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Russia bombs hospitals and schools, the report says.",  # undated present prose
        "The army seizes weapons from smugglers every week.",  # habitual, undated
        "Analysts fear that rebels will seize the airport on Monday.",  # future
        "Turkey vowed to retaliate against the attack.",  # a vow, not a strike
        "Turkey did not retaliate against the attack.",  # negated
        "\u201cWe retaliated against the attack,\u201d the commander said.",  # inside a quotation
        "In response, the ministry issued a statement condemning the attack.",  # no strike
        "In response to the attack, the EU called an emergency meeting.",
        "Iran retaliated by expelling two British diplomats.",  # a means that strikes nothing
        "The company retaliated against the union with layoffs.",  # no attack cue
        "On Monday, the museum captures the mood of the city in a new exhibition.",  # no place
    ],
)
def test_look_alikes_of_the_new_rules_do_not_fire(nlp, body):
    assert events_of(nlp, body, DAY) == []
