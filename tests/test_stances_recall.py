"""Roles set off with "as", calls to join the international community, the topic of talks, and
valenced pairs that are not also neutral (etl.stances)."""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stances import make_context, triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Canada urged Russia and Iran, as supporters of Syria, to join the international "
            "community in condemning the attack.",
            {
                ("canada", "russia", "critical"),
                ("canada", "iran", "critical"),
                ("russia", "syria", "supportive"),
                ("iran", "syria", "supportive"),
            },
            id="as-supporters-and-a-call-to-join-the-international-community",
        ),
        pytest.param(
            "Germany urged Turkey to cooperate with the investigation.",
            {("germany", "turkey", "neutral")},
            id="cooperating-with-a-thing-stays-neutral",
        ),
        pytest.param(
            "Russia held talks on Syria in Doha on Monday.",
            set(),
            id="talks-on-a-country-do-not-address-it",
        ),
        pytest.param(
            "Canada held talks with Russia on Syria.",
            {("canada", "russia", "neutral"), ("russia", "canada", "neutral")},
            id="talks-with-a-country-address-it-both-ways",
        ),
        pytest.param(
            "The United States launched a military operation against Syria.",
            {("united-states", "syria", "critical")},
            id="an-operation-against-a-country",
        ),
        pytest.param(
            "Blinken said Washington was deeply grateful to Kenya for agreeing to lead the force.",
            {("united-states", "kenya", "supportive")},
            id="grateful-to-a-country",
        ),
        pytest.param(
            "The Chemical Weapons Convention binds Syria, Canada said.",
            set(),
            id="a-name-in-capitals-is-no-blame-cue",
        ),
        pytest.param(
            "Russia said all sides must abide by the deal, especially Turkey, which continues to "
            "support the terrorists in Idlib.",
            {("russia", "turkey", "critical")},
            id="a-fault-laid-on-the-antecedent-of-which",
        ),
        pytest.param(
            "Kenya expressed its gratitude to Qatar for the talks.",
            {("kenya", "qatar", "supportive")},
            id="gratitude-to-a-country",
        ),
    ],
)
def test_recall_rules(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "She added that Canada and France would meet the European Union in Brussels on June 3.",
            set(),
            id="a-meeting-still-to-come",
        ),
        pytest.param(
            "Canada plans to hold talks with Russia next month.",
            set(),
            id="planned-talks",
        ),
        pytest.param(
            "She said Canada would continue to work with Egypt on safe passage.",
            {("canada", "egypt", "neutral")},
            id="work-that-continues-is-going-on",
        ),
        pytest.param(
            "Canada met Russia on Monday.",
            {("canada", "russia", "neutral"), ("russia", "canada", "neutral")},
            id="a-meeting-that-happened-is-neutral-both-ways",
        ),
        pytest.param(
            "Saudi Arabia and the United States welcomed the start of the talks between Sudan's "
            "army and its rival, the paramilitary Rapid Support Forces, a joint statement said.",
            set(),
            id="an-apposition-misread-as-a-second-object-is-not-welcomed",
        ),
    ],
)
def test_what_is_not_a_stance(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected


def test_a_talk_with_a_radio_host_is_no_diplomatic_contact(nlp):
    from dataclasses import replace

    from etl.types import Actor, Mention

    body = "Justin Trudeau held talks with Rick Cluff on Monday. Justin Trudeau met Egypt."
    ctx = make_context(nlp, body)
    start = body.index("Rick Cluff")
    host = Actor("rick-cluff", "Rick Cluff", "person", None, source="discovered")
    ctx = replace(
        ctx,
        actors={**ctx.actors, host.actor_id: host},
        mentions=tuple(
            sorted(
                (*ctx.mentions, Mention("a1", "rick-cluff", start, start + 10, "Rick Cluff")),
                key=lambda m: m.char_start,
            )
        ),
    )
    assert triples(extract_stances(ctx, []), ctx) == {
        ("canada", "egypt", "neutral"),
        ("egypt", "canada", "neutral"),
    }
