"""Issue 9 (stances11c): vetoes told as nouns with their effect ("vetoes by Russia prevented ...",
"used its veto to block ..."; real_dev3, 7, 8, 9), members listed by "including" acting for a
plural subject ("Countries including ... expressed support"; real_dev8, real_dev9), forces fighting
"together with" each other (real_dev9). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.test_stance_retaking import real_triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Since 2011, vetoes by Russia and China have prevented the Security Council from "
            "adopting a resolution on Syria.",
            {("russia", "syria", "supportive"), ("china", "syria", "supportive")},
            id="vetoes-by-holders-stopped-a-resolution",
        ),
        pytest.param(
            "Moscow wielded its veto on Thursday to block a draft resolution on Syria.",
            {("russia", "syria", "supportive")},
            id="wielded-its-veto-to-block-a-draft",
        ),
        pytest.param(
            "Russia again used its veto to halt an inquiry into the Syrian government's use of "
            "chlorine.",
            {("russia", "syria", "supportive")},
            id="used-its-veto-to-halt-an-inquiry",
        ),
        pytest.param(
            "Governments including Canada, Australia and Germany voiced support for the French "
            "strikes.",
            {
                ("canada", "france", "supportive"),
                ("australia", "france", "supportive"),
                ("germany", "france", "supportive"),
            },
            id="governments-including-members-voiced-support",
        ),
        pytest.param(
            "Several countries, such as Japan and Italy, condemned Iran on Monday.",
            {("japan", "iran", "critical"), ("italy", "iran", "critical")},
            id="countries-such-as-members-condemned",
        ),
        pytest.param(
            "Turkish troops, together with the Syrian National Army, pushed into the town of Ras "
            "al-Ain on Sunday.",
            {
                ("turkey", "free-syrian-army", "supportive"),
                ("free-syrian-army", "turkey", "supportive"),
            },
            id="troops-together-with-an-armed-group",
        ),
    ],
)
def test_new_stances_found(nlp, body, expected):
    assert expected <= real_triples(nlp, body)


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        pytest.param(
            "Diplomats said Russia could use its veto to block any resolution on Syria.",
            ("russia", "syria", "supportive"),
            id="a-veto-that-could-be-used",
        ),
        pytest.param(
            "Russia did not use its veto to block the resolution on Syria, and the text passed.",
            ("russia", "syria", "supportive"),
            id="a-veto-not-used",
        ),
        pytest.param(
            "Britain urged Russia not to use its veto against the resolution on Syria.",
            ("russia", "syria", "supportive"),
            id="a-veto-someone-is-urged-not-to-use",
        ),
        pytest.param(
            "The veto power of the five permanent members prevented reform of the council on "
            "Syria for decades.",
            ("russia", "syria", "supportive"),
            id="the-veto-power-as-an-institution",
        ),
        pytest.param(
            "Countries including Britain, Japan and Turkey have yet to decide on their response "
            "to Russia.",
            ("united-kingdom", "russia", "critical"),
            id="listed-countries-undecided",
        ),
        pytest.param(
            "France, together with Germany, condemned the attack on the convoy in Syria.",
            ("france", "germany", "supportive"),
            id="diplomats-together-are-no-comrades-in-arms",
        ),
        pytest.param(
            "The Turkish army, together with the Syrian National Army, did not launch the "
            "offensive.",
            ("turkey", "free-syrian-army", "supportive"),
            id="forces-together-negated",
        ),
        pytest.param(
            "Turkey's army would, together with the Syrian National Army, launch an offensive, "
            "officials said.",
            ("turkey", "free-syrian-army", "supportive"),
            id="forces-together-hypothetical",
        ),
        pytest.param(
            "Journalists together with aid workers from Turkey and Syria crossed the border.",
            ("turkey", "syria", "supportive"),
            id="civilians-together-are-no-forces",
        ),
    ],
)
def test_look_alikes_do_not_fire(nlp, body, absent):
    assert absent not in real_triples(nlp, body)
