"""Policy acts and thanks stated as facts, sourced by a country, a bloc or a body (issue 9,
stances12; pooled misses over real_dev … real_dev10): sanctions imposed or extended
(`etl.stance_sanctions`), a vote on a text drafted by a state (`etl.stance_votes`), the route a
vetoed text's aid takes (`etl.stance_vetoes`), thanks "to X and to Y" (a repeated preposition,
`etl.stance_actors.prep_objects`) and "with support from X" (`etl.stance_partners.backed_with`).
Sentences written for these tests; each class has look-alikes that must not fire."""

from __future__ import annotations

import pytest

from tests.test_stance_retaking import real_triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Brussels has prolonged the sanctions it first imposed on the Syrian regime in 2011.",
            {("european-union", "syria", "critical")},
            id="sanctions-named-in-a-relative-clause",
        ),
        pytest.param(
            "The European Union decided to impose restrictive measures on three generals in "
            "Myanmar.",
            {("european-union", "myanmar", "critical")},
            id="restrictive-measures-on-officials-in-a-country",
        ),
        pytest.param(
            "Fresh sanctions on two Venezuelan ministers were announced by Canada on Tuesday.",
            {("canada", "venezuela", "critical")},
            id="sanctions-announced-by-passive-agent",
        ),
        pytest.param(
            "The sanctions imposed on Iran were renewed by the European Union.",
            {("european-union", "iran", "critical")},
            id="sanctions-as-passive-subject",
        ),
        pytest.param(
            "Germany, Japan and Canada voted against the Russian text on Wednesday.",
            {
                ("germany", "russia", "critical"),
                ("japan", "russia", "critical"),
                ("canada", "russia", "critical"),
            },
            id="voting-against-a-drafters-text",
        ),
        pytest.param(
            "Only Russia and China voted in favour of the Russian draft.",
            {("china", "russia", "supportive")},
            id="voting-for-a-drafters-text",
        ),
        pytest.param(
            "Jordan expressed its thanks to the Emir and to Qatar's government for the aid.",
            {("jordan", "qatar", "supportive")},
            id="thanks-to-x-and-to-y",
        ),
        pytest.param(
            "UNICEF, with support from the United States, rebuilt two schools in Idlib.",
            {("united-states", "unicef", "supportive")},
            id="with-support-from-hung-on-the-subject",
        ),
    ],
)
def test_a_policy_act_of_a_state_or_body_is_a_stance(nlp, body, expected):
    assert expected <= real_triples(nlp, body)


@pytest.mark.parametrize(
    ("body", "unwanted"),
    [
        pytest.param(
            "Brussels could impose sanctions on Syria if the shelling continues.",
            ("european-union", "syria", "critical"),
            id="sanctions-only-possible",
        ),
        pytest.param(
            "The EU lifted the sanctions it had imposed on Syria in 2011.",
            ("european-union", "syria", "critical"),
            id="sanctions-lifted",
        ),
        pytest.param(
            "Syria faces sanctions from the European Union.",
            ("european-union", "syria", "critical"),
            id="sanctions-faced-not-imposed",
        ),
        pytest.param(
            "The ministers discussed whether to extend the sanctions on Iran.",
            ("european-union", "iran", "critical"),
            id="sanctions-debated",
        ),
        pytest.param(
            "The EU did not renew the sanctions on Belarus.",
            ("european-union", "belarus", "critical"),
            id="sanctions-not-renewed",
        ),
        pytest.param(
            "The health ministry of Turkey took new measures on the Syrian border to stop cholera.",
            ("turkey", "syria", "critical"),
            id="measures-that-are-no-sanctions",
        ),
        pytest.param(
            "The Russian delegation voted against the text.",
            ("russia", "russia", "critical"),
            id="a-vote-with-no-drafter",
        ),
        pytest.param(
            "On Friday, Russia vetoed a resolution that would have extended cross-border aid to "
            "Syria from Turkey.",
            ("russia", "turkey", "supportive"),
            id="the-route-of-vetoed-aid-is-no-party",
        ),
        pytest.param(
            "Russia vetoed a resolution to extend aid deliveries via Iraq.",
            ("russia", "iraq", "supportive"),
            id="aid-via-a-country",
        ),
        pytest.param(
            "UNICEF, with support from the United States, plans to rebuild two schools next year.",
            ("united-states", "unicef", "supportive"),
            id="support-for-a-plan",
        ),
        pytest.param(
            "UNICEF would work with support from Japan if funding allows.",
            ("japan", "unicef", "supportive"),
            id="support-only-hypothetical",
        ),
        pytest.param(
            "UNICEF, with help from volunteers, rebuilt two schools in Idlib.",
            ("united-states", "unicef", "supportive"),
            id="help-from-no-actor",
        ),
    ],
)
def test_look_alikes_of_policy_acts_yield_no_stance(nlp, body, unwanted):
    assert unwanted not in real_triples(nlp, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "The draft on Iran, which would have paved the way for sanctions against Iran, was "
            "tabled by Britain and Germany.",
            {("united-kingdom", "iran", "critical"), ("germany", "iran", "critical")},
            id="drafters-of-a-text-for-sanctions",
        ),
        pytest.param(
            "Canada sponsored a resolution condemning Myanmar for the crackdown.",
            {("canada", "myanmar", "critical")},
            id="sponsor-of-a-condemning-text",
        ),
    ],
)
def test_drafters_are_critical_of_whom_their_text_acts_against(nlp, body, expected):
    assert expected <= real_triples(nlp, body)


@pytest.mark.parametrize(
    ("body", "unwanted"),
    [
        pytest.param(
            "The resolution on Iran was submitted by Germany on Monday.",
            ("germany", "iran", "critical"),
            id="a-text-only-about-a-party",
        ),
        pytest.param(
            "The resolution, drafted by Norway, would extend aid deliveries to Syria.",
            ("norway", "syria", "critical"),
            id="a-text-granting-aid",
        ),
        pytest.param(
            "Germany may table a resolution condemning Iran if the talks fail.",
            ("germany", "iran", "critical"),
            id="drafting-only-possible",
        ),
        pytest.param(
            "Germany did not sponsor the resolution condemning Iran.",
            ("germany", "iran", "critical"),
            id="drafting-denied",
            # The act cue "condemning" climbs to the subject of "sponsor" and so takes its
            # negation (`stance_clauses._OBJECTS_LENDING`, round 14 fix14a).
        ),
        pytest.param(
            "Russia said Germany had drafted a text condemning Iran.",
            ("germany", "iran", "critical"),
            id="drafting-claimed-by-a-third-party-is-its-charge-not-a-fact",
        ),
    ],
)
def test_look_alikes_of_drafting_yield_no_stance(nlp, body, unwanted):
    assert unwanted not in real_triples(nlp, body)
