"""Stance ends that were no actor of the article (round of stances17): the coalitions fighting
ISIS and the Syrian Arab Red Crescent named the ways pages name them, and "the rebels" never a
foreign armed group named last. Sentences written for these tests in the style of the misses."""

from __future__ import annotations

import pytest

from tests.test_stance_retaking import real_triples


def ids(mentions):
    return [m.actor_id for m in mentions]


@pytest.mark.parametrize(
    "text",
    [
        "Russia said the illegal International coalition had killed civilians in Raqqa.",
        "The camp lies near a base used by the international coalition fighting ISIS.",
        "Officials of the Global Coalition met in Rome on Tuesday.",
    ],
)
def test_the_international_coalition_is_an_actor(resolve, text):
    mentions, _ = resolve(text)
    assert "international-coalition" in ids(mentions)


def test_the_us_led_coalition_stays_the_united_states(resolve):
    # Gold reads "U.S.-led coalition airstrikes" as the United States (seed 002) and names the
    # same edge "US-led coalition" elsewhere (real_dev9): the alias serves both.
    mentions, _ = resolve("U.S.-led coalition airstrikes hit Raqqa on Monday.")
    assert ids(mentions)[:1] == ["united-states"]
    assert mentions[0].text == "U.S.-led coalition"


def test_the_coalition_leaves_the_group_it_fights_named(resolve):
    mentions, _ = resolve(
        "The international coalition fighting ISIS struck a convoy in Deir ez-Zor."
    )
    assert ids(mentions)[:2] == ["international-coalition", "isis"]


@pytest.mark.parametrize(
    "text",
    [
        "Aid reached Douma with the Syrian Arab Red Crescent on Tuesday.",
        "UNHCR teams, alongside the Syrian Red Crescent, assisted new arrivals.",
        "Supplies were delivered to SARC and other partners in Homs.",
    ],
)
def test_the_syrian_red_crescent_has_one_name(resolve, text):
    mentions, _ = resolve(text)
    assert "syrian-arab-red-crescent" in ids(mentions)


def test_rebels_after_a_foreign_armed_group_are_the_storys_opposition(resolve):
    mentions, _ = resolve(
        "Syrian troops took the town of Qusayr. Syria's army was backed by fighters from the "
        "Lebanese group Hezbollah. Syrian state TV said many rebels had surrendered."
    )
    rebels = [m.actor_id for m in mentions if m.text == "rebels"]
    assert rebels == ["syrian-opposition"]


def test_rebels_called_so_by_name_are_still_that_group(resolve):
    mentions, _ = resolve(
        "Saudi Arabia struck Sanaa on Monday. The Houthis said the strikes hit a market in "
        "Yemen. The rebels said 20 people were killed."
    )
    rebels = [m.actor_id for m in mentions if m.text.lower() == "the rebels"]
    assert rebels == ["houthis"]


def test_the_coalitions_war_on_isis_is_its_stance(nlp):
    found = real_triples(
        nlp,
        "The camp lies near the al-Tanf base used by the international coalition fighting ISIS.",
    )
    assert ("international-coalition", "isis", "critical") in found


def test_the_coalition_attacked_is_the_target(nlp):
    found = real_triples(
        nlp, "Russia said the illegal International coalition has killed thousands of Syrians."
    )
    assert ("russia", "international-coalition", "critical") in found


def test_the_coalition_answers_to_both_names_gold_gives_it():
    # Annotators name the coalition "International coalition" (real_dev11, 12) or "US-led
    # coalition" (real_dev4, 9); the text form "US-led coalition" stays the United States'
    # because that row comes first in the gazetteer.
    from etl.actors import Gazetteer

    gazetteer = Gazetteer.load(None)
    coalition = gazetteer.actors["international-coalition"]
    assert "US-led coalition" in coalition.aliases
    assert "US-led coalition" in gazetteer.actors["united-states"].aliases


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        (
            "Moscow has criticised the Joint Investigative Mechanism, known as the JIM.",
            "joint-investigative-mechanism",
        ),
        (
            "Libyan National Army chief Khalifa Haftar met the envoy in Benghazi.",
            "libyan-national-army",
        ),
        ("Washington held talks with the Kurdish Democratic Union Party on Sunday.", "pyd"),
        ("Turkey launched an operation to clear PYD/PKK forces from Afrin.", "pyd"),
        ("Kurdish People's Protection Units defended the town of Kobani.", "ypg"),
    ],
)
def test_named_bodies_of_the_crises_are_actors(resolve, text, actor_id):
    mentions, _ = resolve(text)
    assert actor_id in ids(mentions)


def test_the_opposition_of_a_country_its_sentence_names(resolve):
    mentions, _ = resolve(
        "Russia and China vetoed the draft. Russia said the vote was wrong. Russian-backed "
        "Syrian forces have gained ground against the opposition territory in Syria's northwest."
    )
    assert [m.actor_id for m in mentions if m.text == "the opposition"] == ["syrian-opposition"]


def test_the_opposition_of_a_country_without_such_a_group_is_no_actor(resolve):
    mentions, _ = resolve(
        "Russia and China vetoed the draft. Russia said the vote was wrong. The opposition in "
        "Venezuela protested."
    )
    assert not [m for m in mentions if m.text.lower() == "the opposition"]


def test_a_parliaments_opposition_is_no_armed_group(resolve):
    mentions, _ = resolve(
        "Britain and France spoke first. Britain said it would act. I thank the Opposition for "
        "their support on Syria."
    )
    assert not [m for m in mentions if m.text.lower() == "the opposition"]
