"""Event precision classes of the events13b round (issue 9), pooled over real_dev … real_dev11.

The end of a happening is no happening of the cue's type: talks that "collapsed" or "were
suspended" on a date are that breakdown, an `other` event (real_dev6, real_dev10,
holdout_corpus); a truce that "broke" is fighting resumed, a `military_operation` (real_dev10);
"violated ceasefires" are none (real_dev7). A cue noun compounded to another noun that is no cue
("the blast site", real_dev11) names a thing, not a happening; a resolution named by its number
("envisaged by resolution 2254", real_dev3, real_dev8) is a document referred to, no vote, unless
a verb of adopting governs it. `etl.event_endings`; switches `etl.event_retyping.ENDED_HAPPENINGS`,
`MODIFIER_NOUNS` and `NUMBERED_RESOLUTIONS`. The second half holds the self-review probes:
sentences that look like the triggers and must not fire. Sentences written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from etl import event_retyping
from tests.test_event_unseen_pages import events_of, summary

DAY = date(2022, 3, 9)  # a Wednesday


def kinds(nlp, body: str) -> list[str]:
    return [k for k, _, _ in summary(events_of(nlp, body, DAY))]


# --- the end of a happening ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "when"),
    [
        (
            "The coalition stepped up air raids after the peace talks collapsed on February 6.",
            "2022-02-06",
        ),
        ("Trade talks between the two neighbours were suspended in January.", "2022-01-01"),
        ("Negotiations on the border dispute broke down on Monday.", "2022-03-07"),
        ("The government called off the talks with the rebels on Monday.", "2022-03-07"),
        ("The grain deal collapsed on Monday after both sides walked out.", "2022-03-07"),
    ],
)
def test_a_breakdown_of_talks_is_an_other_event_not_a_meeting(nlp, body, when):
    found = summary(events_of(nlp, body, DAY))
    assert ("other", when) in [(k, d) for k, d, _ in found]
    assert [k for k, _, _ in found if k in {"meeting", "agreement"}] == []


def test_without_the_rule_collapsed_talks_are_a_meeting(nlp, monkeypatch):
    monkeypatch.setattr(event_retyping, "ENDED_HAPPENINGS", False)
    body = "Negotiations on the border dispute broke down on Monday."
    assert kinds(nlp, body) == ["meeting"]


def test_a_truce_that_broke_is_fighting_resumed(nlp):
    found = summary(events_of(nlp, "That truce broke on Monday, residents said.", DAY))
    assert ("military_operation", "2022-03-07", "day") in found
    assert "ceasefire" not in [k for k, _, _ in found]


def test_violated_ceasefires_are_no_ceasefire_of_the_date(nlp):
    body = "Mediators adjourned the process last month after a series of violated ceasefires."
    assert "ceasefire" not in kinds(nlp, body)


def test_without_the_rule_violated_ceasefires_are_a_ceasefire(nlp, monkeypatch):
    monkeypatch.setattr(event_retyping, "ENDED_HAPPENINGS", False)
    body = "Mediators adjourned the process last month after a series of violated ceasefires."
    assert "ceasefire" in kinds(nlp, body)


@pytest.mark.parametrize(
    "body",
    [
        "Asked about the rupture in the ceasefire this week, the minister said nothing.",
        "Monitors reported a breach of the truce on Sunday near the border.",
    ],
)
def test_a_truce_a_noun_of_ending_speaks_of_is_no_ceasefire(nlp, body):
    assert "ceasefire" not in kinds(nlp, body)


def test_the_collapse_of_talks_is_other(nlp):
    body = "The collapse of the talks on Monday left both delegations angry."
    assert kinds(nlp, body) == ["other"]


# --- a cue noun that modifies a thing ------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "This picture taken on March 2, 2022, shows burned cars opposite the blast site.",
        "Attack helicopters flew low over the town on Monday.",
        "The summit venue was sealed off by police on Monday.",
    ],
)
def test_a_cue_noun_that_names_a_thing_dates_no_happening(nlp, body):
    assert events_of(nlp, body, DAY) == []


def test_without_the_rule_the_blast_site_is_an_attack(nlp, monkeypatch):
    monkeypatch.setattr(event_retyping, "MODIFIER_NOUNS", False)
    body = "This picture taken on March 2, 2022, shows burned cars opposite the blast site."
    assert kinds(nlp, body) == ["attack"]


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        # the cue noun heads its own phrase, or modifies another cue
        ("A car bomb blast killed five soldiers in Kabul on Monday.", "attack"),
        ("A bombing campaign began on Monday against rebel positions.", "military_operation"),
        ("The ministers held ceasefire talks in Geneva on Monday.", "meeting"),
    ],
)
def test_cue_nouns_that_head_their_phrase_still_fire(nlp, body, kind):
    assert kind in kinds(nlp, body)


# --- a resolution named by its number -------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "The ministers agreed on Monday to work for the settlement envisaged by resolution 2254.",
        "In accordance with resolution 2336 of 2016, aid deliveries continued through the crossing.",
    ],
)
def test_a_numbered_resolution_referred_to_is_no_vote(nlp, body):
    assert "vote" not in kinds(nlp, body)


def test_without_the_rule_a_numbered_resolution_is_a_vote(nlp, monkeypatch):
    monkeypatch.setattr(event_retyping, "NUMBERED_RESOLUTIONS", False)
    body = (
        "In accordance with resolution 2336 of 2016, aid deliveries continued through the crossing."
    )
    assert "vote" in kinds(nlp, body)


@pytest.mark.parametrize(
    "body",
    [
        "The Council unanimously adopted resolution 2401 on Saturday.",
        "On Friday, Russia vetoed resolution 2165 on cross-border aid.",
        "The Security Council voted on a resolution on Yemen on Monday.",
    ],
)
def test_a_resolution_adopted_or_vetoed_is_still_a_vote(nlp, body):
    assert "vote" in kinds(nlp, body)


# --- self-review probes: look like the triggers, must not fire -------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        # planned, future and negated breakdowns
        "The talks are expected to collapse on Friday if neither side moves.",
        "Union leaders said wage talks would be suspended on Friday.",
        "Negotiators said the talks had not collapsed on Monday despite the walkout.",
        # other senses: a market collapsing, a head breaking news, talks breaking a deadlock
        "Shares in the mining group collapsed on Monday after the merger talks.",
        "The minister broke the news to reporters on Monday.",
        "The talks broke the deadlock on Monday.",
        # compounds of a cue word that name things
        "A blast furnace at the steel plant was shut down on Tuesday.",
        "The attack dog bit a postman on Monday.",
        "Protest songs were banned from state radio on Monday.",
        # a headline in the present and a planned truce still to hold
        "Peace talks collapse in Geneva as envoy walks out\n\nThe envoy left the room.",
        "Mediators hope the ceasefire, violated twice last week, will hold.",
    ],
)
def test_probes_that_look_like_an_ending_or_a_modifier_add_no_breakdown(nlp, body):
    found = kinds(nlp, body)
    assert "other" not in found
    assert "attack" not in found
    assert "ceasefire" not in found


@pytest.mark.parametrize(
    "body",
    [
        # a numbered resolution cited, or the frame of talks: the document, no vote of the day
        "The envoy on Monday cited resolution 2254 as the basis for any settlement.",
        "Talks under resolution 2254 resumed in Geneva on Monday.",
    ],
)
def test_probes_that_cite_a_numbered_resolution_add_no_vote(nlp, body):
    assert "vote" not in kinds(nlp, body)
