"""Events17 (issue 9): an actor's dated deed that no cue names is an event of its date.

`etl.event_deeds.dated_deed`, switch `DATED_DEEDS`. A sentence that yields no event but holds a
date of its own gives an `other` event (a `military_operation` when the subject is armed) when
the date hangs on the main verb written in the simple past (or the past perfect) and the verb's
subject is an actor the page mentions. Reports, states, plans, negations, quotations and bounds
("since 2011") give none. Sentences written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from etl import event_deeds
from tests.test_event_unseen_pages import events_of, summary

DAY = date(2021, 1, 6)  # a Wednesday


def found(nlp, body: str) -> list[tuple[str, str, str]]:
    return summary(events_of(nlp, body, DAY))


DEEDS = [
    ("Lavrov arrived in Tehran on Monday at the invitation of the speaker.", "2021-01-04", "day"),
    (
        "Myanmar invoked the emergency law in November to take over the camps.",
        "2020-11-01",
        "month",
    ),
    (
        "Later, Sweden relocated a second group of refugees to Malmo in December.",
        "2020-12-01",
        "month",
    ),
    ("Turkey closed its embassy in the capital on Tuesday.", "2021-01-05", "day"),
]


@pytest.mark.parametrize(("body", "day", "precision"), DEEDS)
def test_an_actors_dated_deed_is_an_event(nlp, body, day, precision):
    assert ("other", day, precision) in found(nlp, body)


@pytest.mark.parametrize(("body", "day", "precision"), DEEDS)
def test_without_the_rule_no_event(nlp, monkeypatch, body, day, precision):
    monkeypatch.setattr(event_deeds, "DATED_DEEDS", False)
    assert found(nlp, body) == []


def test_an_armed_subjects_deed_is_a_military_operation(nlp):
    body = "Rapid Support Forces fighters had driven the army out of the town in December."
    assert ("military_operation", "2020-12-01", "month") in found(nlp, body)


NO_DEED = [
    # a bound, not the deed's day
    "Since 2011, Turkey has opened its border to refugees.",
    # a plan, a negation
    "Turkey will close its embassy on Friday.",
    "Turkey did not close its embassy on Tuesday.",
    # a present perfect with a written past date tells a record
    "In 2019, the World Health Organization has vaccinated two million children.",
    # a state
    "In December, Myanmar remained closed to journalists.",
    # a speech act the statement rules leave out
    "In March, Lavrov referred to the blockade as a crime.",
    # no actor for subject
    "The convoy arrived in the town on Monday.",
    # inside a quotation
    '"We relocated the families on Monday," an official at the camp told reporters.',
]


@pytest.mark.parametrize("body", NO_DEED)
def test_no_deed(nlp, body):
    assert [k for k, _, _ in found(nlp, body) if k in {"other", "military_operation"}] == []


def test_weapons_fired_are_an_attack(nlp):
    body = "Hamas fighters fired 40 rockets at the town on Tuesday."
    assert ("attack", "2021-01-05", "day") in found(nlp, body)


def test_a_talk_with_someone_is_a_meeting(nlp):
    body = "Lavrov discussed the fighting around the port with aid groups on Tuesday."
    assert ("meeting", "2021-01-05", "day") in found(nlp, body)


def test_a_deed_coordinated_with_the_main_verb_is_left_out(nlp):
    body = "Under pressure, Turkey relented and opened the crossing on Tuesday."
    assert [k for k, _, _ in found(nlp, body) if k == "other"] == []


def test_a_deed_whose_object_is_a_rejected_cue_is_none(nlp):
    # the rules judge a proposed ceasefire a wish, no event; the deed does not bring it back
    assert found(nlp, "On Tuesday, Turkey proposed a ceasefire in the north.") == []
