"""Mediators named inside the phrase of the talks they broker (issue 9, stances13; pooled misses
over real_dev … real_dev11: real_dev10 hv24, real_dev11 hw05): "talks brokered by X", "X-led
negotiations between A and B", "the X-brokered talks" are X's `neutral` stance toward each party
(`etl.stance_brokers`). Sentences written for these tests; the look-alikes below (talks still to
come, asked for, denied, led by one of the parties, hosted, a truce brokered) must not fire."""

from __future__ import annotations

import pytest

from tests.test_stance_retaking import real_triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Negotiations between Israel and Hamas mediated by Qatar and Egypt resumed in Doha on "
            "Sunday.",
            {
                ("qatar", "israel", "neutral"),
                ("qatar", "hamas", "neutral"),
                ("egypt", "israel", "neutral"),
                ("egypt", "hamas", "neutral"),
            },
            id="participle-agents-are-the-go-betweens",
        ),
        pytest.param(
            "The deal capped months of indirect Egyptian-led negotiations between Israel and "
            "Hamas.",
            {("egypt", "israel", "neutral"), ("egypt", "hamas", "neutral")},
            id="demonym-before-led",
        ),
        pytest.param(
            "The Qatar-brokered talks between Israel and Hamas resumed on Monday.",
            {("qatar", "israel", "neutral"), ("qatar", "hamas", "neutral")},
            id="name-fused-with-brokered",
        ),
        pytest.param(
            "The talks between Sudan's army and the Rapid Support Forces, mediated by Saudi "
            "Arabia and the United States, stalled in Jeddah.",
            {("saudi-arabia", "rsf", "neutral"), ("united-states", "rsf", "neutral")},
            id="participle-set-off-by-commas",
        ),
    ],
)
def test_a_mediator_named_on_the_talks_addresses_each_party(nlp, body, expected):
    assert expected <= real_triples(nlp, body)


def test_without_the_rule_the_go_between_is_lost(nlp, monkeypatch):
    """The edges above come from `talks_brokers`, not from another rule."""
    from etl import stance_brokers

    body = "The Qatar-brokered talks between Israel and Hamas resumed on Monday."
    monkeypatch.setattr(stance_brokers, "talks_brokers", lambda finder, noun, edge: iter(()))
    assert ("qatar", "israel", "neutral") not in real_triples(nlp, body)


@pytest.mark.parametrize(
    ("body", "unwanted"),
    [
        pytest.param(
            "Talks brokered by Qatar between Israel and Hamas are due to resume next week.",
            ("qatar", "israel", "neutral"),
            id="talks-still-to-come",
        ),
        pytest.param(
            "Talks brokered by Egypt between Israel and Hamas could resume if the fighting stops.",
            ("egypt", "israel", "neutral"),
            id="talks-only-possible",
        ),
        pytest.param(
            "Qatar denied that it had brokered talks between Israel and Hamas.",
            ("qatar", "israel", "neutral"),
            id="brokering-denied",
        ),
        pytest.param(
            "Negotiations between Israel and Hamas, not brokered by Egypt this time, resumed in "
            "Doha.",
            ("egypt", "israel", "neutral"),
            id="participle-negated",
        ),
        pytest.param(
            "The UN envoy called for Qatari-led talks between Israel and Hamas.",
            ("qatar", "israel", "neutral"),
            id="talks-called-for",
        ),
        pytest.param(
            "The UN envoy called for Syrian-led talks between the government and the opposition "
            "in Geneva.",
            ("syria", "syrian-opposition", "neutral"),
            id="led-by-the-parties-themselves",
        ),
        pytest.param(
            "The talks between Russia and Ukraine, led by Russian aide Vladimir Medinsky, ended "
            "after an hour.",
            ("vladimir-medinsky", "ukraine", "neutral"),
            id="led-by-a-partys-own-delegate",
        ),
        pytest.param(
            "The talks between Israel and Hamas, hosted by Qatar, resumed on Monday.",
            ("qatar", "israel", "neutral"),
            id="a-host-is-no-mediator",
        ),
        pytest.param(
            "Qatar-Led Talks Between Israel and Hamas Stall",
            ("qatar", "hamas", "critical"),
            id="headline",
        ),
    ],
)
def test_look_alikes_of_brokered_talks_yield_no_stance(nlp, body, unwanted):
    assert unwanted not in real_triples(nlp, body)


def test_a_brokered_truce_stays_the_pact_it_was(nlp):
    """A truce "brokered by" a state is left as before (GOLD conventions: open, hq15 vs hp25)."""
    triples = real_triples(
        nlp, "The ceasefire between Israel and Hamas, brokered by Egypt, held through the night."
    )
    assert ("egypt", "israel", "neutral") not in triples


@pytest.mark.parametrize(
    "body",
    [
        "Calls led by Egypt for a truce between Israel and Hamas grew louder on Monday.",
        "A call led by Egypt for talks between Israel and Hamas went unanswered.",
    ],
)
def test_calls_for_something_led_by_a_state_are_appeals_not_brokered_contact(nlp, body):
    """Review of the events13 round (fix13a): "call" is a contact noun (a phone call), but a call
    "for" a truce or talks is an appeal; its leader brokers nothing."""
    triples = real_triples(nlp, body)
    assert ("egypt", "israel", "neutral") not in triples
    assert ("egypt", "hamas", "neutral") not in triples
