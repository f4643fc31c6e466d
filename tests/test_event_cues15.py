"""Event recall classes of the events15 round (issue 9), pooled over real_dev … real_dev12.

Happenings told by words no cue knew: attacks told by their weapon, "shot down" or "carried out a
strike"; a named operation launched; fighting that "began"; control "taken" of a place; a cabinet
approving and a law "passed" (`etl/rules/event_types.txt`, events15 block; the named operation is
`etl.event_retyping._named_operation`, switch `NAMED_OPERATIONS`). The probes below them are the
words that must stay no event. Sentences written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from etl import event_retyping
from tests.test_event_unseen_pages import events_of, summary

DAY = date(2022, 3, 9)  # a Wednesday


def found(nlp, body: str) -> list[tuple[str, str, str]]:
    return summary(events_of(nlp, body, DAY))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Air defence units shot down two attack drones over the port on Monday.",
            ("attack", "2022-03-07", "day"),
        ),
        (
            "The navy launched a dozen cruise missiles at the airfield on 3 March.",
            ("attack", "2022-03-03", "day"),
        ),
        (
            "Militants fired several rockets at the border town on Sunday.",
            ("attack", "2022-03-06", "day"),
        ),
        (
            "Government aircraft carried out a strike on the rebel-held bridge on Tuesday.",
            ("attack", "2022-03-08", "day"),
        ),
        (
            "The army on Friday launched Operation Northern Shield to push the militants back.",
            ("military_operation", "2022-03-04", "day"),
        ),
        (
            "Many embassies closed their doors after the fighting began in 2014.",
            ("military_operation", "2014-01-01", "year"),
        ),
        (
            "The insurgents had taken control of the provincial capital on Monday.",
            ("military_operation", "2022-03-07", "day"),
        ),
        (
            "Rebel fighters took full control of the airport on 2 March.",
            ("military_operation", "2022-03-02", "day"),
        ),
        (
            "The country's cabinet approved the deployment plan on Tuesday.",
            ("vote", "2022-03-08", "day"),
        ),
        (
            "The Refugee Protection Act, which was passed on February 11, bars such transfers.",
            ("vote", "2022-02-11", "day"),
        ),
    ],
)
def test_happenings_told_by_new_cues(nlp, body, expected):
    assert expected in found(nlp, body)


@pytest.mark.parametrize(
    "body",
    [
        # an operation that nothing arms, named without a capital
        "The agency launched a relief operation in the camps on Monday.",
        "UNICEF launched a vaccination operation on Tuesday.",
        # a planned strike and a planned launch point forward
        "The coalition will carry out a strike on the depot on Friday.",
        "The government plans to launch Operation Safe Return on 20 March.",
    ],
)
def test_unarmed_or_planned_operations_stay_no_event(nlp, body):
    kinds = [k for k, _, _ in found(nlp, body)]
    assert "military_operation" not in kinds and "attack" not in kinds


def test_without_the_switch_a_named_operation_is_unarmed(nlp, monkeypatch):
    body = "Ankara on Friday launched Operation Northern Shield to push the militants back."
    assert "military_operation" in [k for k, _, _ in found(nlp, body)]
    monkeypatch.setattr(event_retyping, "NAMED_OPERATIONS", False)
    assert "military_operation" not in [k for k, _, _ in found(nlp, body)]


# --- an undated present perfect of taking a place or of fighting stopping is the day's news ------

NEWS = date(2022, 3, 9)


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Government troops have taken full control of the border town, state media said.",
         "military_operation"),
        ("Rebel fighters have seized the main airport after a night of heavy fighting.",
         "military_operation"),
        ("All military action in the northern district has stopped, the ministry said.",
         "ceasefire"),
    ],
)  # fmt: skip
def test_a_present_perfect_happening_verb_is_the_days_news(nlp, body, kind):
    assert (kind, "2022-03-09", "day") in found(nlp, body)


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Government troops have taken full control of the border town, state media said.",
         "military_operation"),
    ],
)  # fmt: skip
def test_without_the_switch_the_verb_takes_no_day(nlp, monkeypatch, body, kind):
    from etl import event_dates

    monkeypatch.setattr(event_dates, "NEWS_OWN_VERB", False)
    assert (kind, "2022-03-09", "day") not in found(nlp, body)


@pytest.mark.parametrize(
    "body",
    [
        # verbs of deciding, resigning or evacuating stay out (measured imprecise)
        "The two governments have agreed to cooperate on returns.",
        "The prime minister has resigned, and no successor has been named.",
        "Canada has evacuated 1,700 people from the capital so far.",
        # a record, not news
        "Rebels have repeatedly seized towns in the province since 2015.",
    ],
)
def test_other_present_perfects_stay_no_event(nlp, body):
    assert [k for k, d, _ in found(nlp, body) if d == "2022-03-09" and k != "statement"] == []


# --- journeys and summons --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The foreign minister had travelled to Geneva on Monday to defend the plan.",
         ("other", "2022-03-07", "day")),
        ("Having returned yesterday from a trip to Amman, the minister spoke to the press.",
         ("other", "2022-03-08", "day")),
        ("Ankara summoned the Russian ambassador on Tuesday to protest the shelling.",
         ("meeting", "2022-03-08", "day")),
    ],
)  # fmt: skip
def test_journeys_and_summons(nlp, body, expected):
    assert expected in found(nlp, body)


def test_refugees_arriving_are_no_event(nlp):
    body = "Last week, more than 900 families arrived in the valley after fleeing the fighting."
    assert [k for k, _, _ in found(nlp, body) if k == "other"] == []


# --- an operation told before its verb; embassies visited; road accidents -------------------------


def test_an_operation_named_before_its_launch_is_dated(nlp):
    body = (
        'She said the army\'s "clearance operations" launched in August 2017 answered attacks by '
        "militants."
    )
    assert ("military_operation", "2017-08-01", "month") in found(nlp, body)


def test_an_embassy_visited_is_a_place_visited(nlp):
    body = "The chargé d'affaires of Bahrain visited the embassy on Thursday."
    kinds = [k for k, _, _ in found(nlp, body)]
    assert "other" in kinds and "meeting" not in kinds


def test_a_road_accident_is_no_attack(nlp):
    body = "A supporter was struck by a vehicle outside the stadium on Sunday."
    assert "attack" not in [k for k, _, _ in found(nlp, body)]


def test_the_security_council_authorising_is_its_vote(nlp):
    body = "In 2016, the Security Council authorized a police mission to monitor the evacuation."
    assert ("vote", "2016-01-01", "year") in found(nlp, body)


def test_an_authorisation_expected_is_planned(nlp):
    body = "The Security Council is expected to authorize the mission on Friday."
    assert "vote" not in [k for k, _, _ in found(nlp, body)]
