"""Issue 9 stance classes: military operations told by their purpose, ground taken or positions
hit (etl.stance_operations); contact between a conjoined subject and talks "with" a party are
neutral both ways; a backer named by "its"; a denial does not negate its own subject; a credited
outlet is no party of a joint act."""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stances import make_context, statement, triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Turkey launched a military operation into northern Syria to remove ISIS.",
            {("turkey", "isis", "critical")},
            id="an-operation-is-critical-of-whom-its-purpose-removes",
        ),
        pytest.param(
            "Turkey will launch an operation to remove ISIS.",
            set(),
            id="an-operation-still-to-come-is-no-stance",
        ),
        pytest.param(
            "By April, Syria had retaken the city from ISIS.",
            {("syria", "isis", "critical")},
            id="retaking-ground-from-a-force-is-critical-of-it",
        ),
        pytest.param(
            "Yemen's government forces are trying to retake the city from the rebels, known as "
            "the Houthis.",
            {("yemen", "houthis", "critical")},
            id="trying-to-retake-from-a-force-known-by-its-name",
        ),
        pytest.param(
            "Syria plans to retake the city from ISIS.",
            set(),
            id="a-planned-retaking-is-no-stance-yet",
        ),
        pytest.param(
            "Turkey said it hit over 200 targets belonging to the government forces of Syria.",
            {("turkey", "syria", "critical")},
            id="hitting-targets-belonging-to-a-force-is-critical-of-its-owner",
        ),
        pytest.param(
            "Canada and Russia have spoken by phone.",
            {("canada", "russia", "neutral"), ("russia", "canada", "neutral")},
            id="a-call-between-a-conjoined-subject-is-neutral-both-ways",
        ),
        pytest.param(
            "Canada and Russia spoke to reporters on Monday.",
            set(),
            id="speaking-to-someone-else-is-no-contact-between-the-subjects",
        ),
        pytest.param(
            "Canada and Russia will meet next week.",
            set(),
            id="a-planned-meeting-is-no-contact-yet",
        ),
        pytest.param(
            "Canada held talks with Russia on Syria.",
            {("canada", "russia", "neutral"), ("russia", "canada", "neutral")},
            id="talks-with-a-party-are-neutral-both-ways",
        ),
        pytest.param(
            "Syria's government and its backer Russia deny the attack.",
            {("russia", "syria", "supportive")},
            id="its-backer-backs-the-conjunct-before-even-under-a-denial",
        ),
        pytest.param(
            "Canada hosted talks with Russia on Syria.",
            {("canada", "russia", "neutral")},
            id="hosted-talks-are-not-returned-by-the-guest",
        ),
        pytest.param(
            "A ceasefire negotiated by Russia and Turkey halted the fighting.",
            {("russia", "turkey", "supportive"), ("turkey", "russia", "supportive")},
            id="a-pact-negotiated-by-two-parties-is-supportive-both-ways",
        ),
        pytest.param(
            "Hamas and ISIS are known to be enemies.",
            {("hamas", "isis", "critical"), ("isis", "hamas", "critical")},
            id="a-conjoined-subject-called-enemies-is-critical-both-ways",
        ),
        pytest.param(
            "Venezuela, which maintains the support of Russia and China, rejected the vote.",
            {("russia", "venezuela", "supportive"), ("china", "venezuela", "supportive")},
            id="whose-support-is-maintained-backs-the-holder",
        ),
        pytest.param(
            "Russia offered condolences to Turkey.",
            {("russia", "turkey", "supportive")},
            id="condolences-are-supportive",
        ),
        pytest.param(
            "Sergei Lavrov spoke with Dmytro Kuleba on Friday.",
            {("russia", "ukraine", "neutral"), ("ukraine", "russia", "neutral")},
            id="speaking-with-someone-is-neutral-both-ways",
        ),
        pytest.param(
            "Canada condemned the killings committed by the RSF in El Fasher.",
            {("canada", "rsf", "critical")},
            id="condemning-a-deed-is-critical-of-its-doer",
        ),
        pytest.param(
            "Canada condemned the attack on Israel.",
            set(),
            id="condemning-an-attack-is-not-hostility-toward-its-victim",
        ),
        pytest.param(
            "Canada said it was appalled by an attack on an Israeli school.",
            set(),
            id="the-owner-of-an-attacked-school-is-a-victim",
        ),
        pytest.param(
            "Ukraine's foreign minister Dmytro Kuleba spoke on Monday.",
            set(),
            id="a-possessor-and-its-official-are-no-two-parties-in-contact",
        ),
        pytest.param(
            "Canada and its allies have called for Sergei Lavrov to step down.",
            {("canada", "russia", "critical")},
            id="calling-for-a-leader-to-step-down-with-for-on-the-clause",
        ),
        pytest.param(
            "The strike by Israel hit a depot.",
            set(),
            id="a-strike-told-by-narration-charges-no-one",
        ),
        pytest.param(
            "The U.S.-backed government of Ukraine spoke.",
            {("united-states", "ukraine", "supportive")},
            id="a-patron-fused-with-its-participle-backs-the-noun",
        ),
        pytest.param(
            "Canada called on Russia to withdraw its troops.",
            {("canada", "russia", "critical")},
            id="a-call-to-withdraw-is-still-critical",
        ),
    ],
)
def test_issue9_stance_classes(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected


def test_strikes_told_with_their_doers_in_someones_words_are_a_charge(nlp):
    body = "Canada said: the violence goes on, with air strikes by Syria and Russia."
    ctx = make_context(nlp, body)
    quote = statement(body, "canada", "the violence goes on, with air strikes by Syria and Russia.")
    assert triples(extract_stances(ctx, [quote]), ctx) == {
        ("canada", "syria", "critical"),
        ("canada", "russia", "critical"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The response by Poland has been remarkable.",
            {("canada", "poland", "supportive")},
            id="remarkable-conduct-of-an-actor-is-praise",
        ),
        pytest.param(
            "Poland has mounted a commendable welcome.",
            {("canada", "poland", "supportive")},
            id="a-commendable-act-praises-its-doer",
        ),
        pytest.param(
            "The response by Poland has not been remarkable.",
            set(),
            id="denied-praise-is-no-support",
        ),
    ],
)
def test_praise_of_conduct_in_someones_words(nlp, text, expected):
    body = f"Canada said: {text}"
    ctx = make_context(nlp, body)
    quote = statement(body, "canada", text)
    assert triples(extract_stances(ctx, [quote]), ctx) == expected


def test_counted_parties_are_the_last_list_of_that_many(nlp):
    body = (
        "Iran, Russia and Turkey met in Moscow. Lavrov and Kuleba also spoke. "
        "The three foreign ministers issued a joint statement."
    )
    ctx = make_context(nlp, body)
    found = {t for t in triples(extract_stances(ctx, []), ctx) if t[2] == "supportive"}
    assert found == {
        (a, b, "supportive")
        for a in ("iran", "russia", "turkey")
        for b in ("iran", "russia", "turkey")
        if a != b
    }


def test_a_backer_named_as_background_in_someones_words_still_backs(nlp):
    body = "Canada said Syria's government and its backer Russia must be held accountable."
    ctx = make_context(nlp, body)
    quote = statement(body, "canada", "Syria's government and its backer Russia must be held")
    found = triples(extract_stances(ctx, [quote]), ctx)
    assert ("russia", "syria", "supportive") in found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "The town changed hands on Sunday after an offensive by Syria and Russia aimed at "
            "taking back the ISIS stronghold.",
            {("syria", "isis", "critical"), ("russia", "isis", "critical")},
            id="an-offensive-by-its-doers-aimed-at-a-stronghold",
        ),
        pytest.param(
            "Russian air strikes on ISIS-held villages near the river killed nine fighters.",
            {("russia", "isis", "critical")},
            id="strikes-named-by-a-demonym-on-a-place-a-group-holds",
        ),
        pytest.param(
            "Israeli strikes on Hamas positions continued through the night.",
            {("israel", "hamas", "critical")},
            id="strikes-on-a-groups-positions",
        ),
        pytest.param(
            "The crisis deepened after attacks by the Houthis on Saudi border posts in March.",
            {("houthis", "saudi-arabia", "critical")},
            id="attacks-by-a-doer-on-a-countrys-posts",
        ),
        pytest.param(
            "Air strikes by Israel on southern Syria killed four people.",
            set(),
            id="a-place-struck-by-its-own-name-is-no-target",
        ),
        pytest.param(
            "Syria vowed to respond to any attack by Israel on its positions.",
            {("syria", "israel", "critical")},  # the vow; no deed of Israel's toward Syria
            id="any-attack-is-no-deed",
        ),
        pytest.param(
            "Air strikes by Saudi Arabia on a crowded hospital killed 20 people.",
            set(),
            id="strikes-on-protected-places-name-no-actor-target",
        ),
        pytest.param(
            "An attack on ISIS positions left four fighters dead.",
            set(),
            id="an-attack-with-no-doer-is-no-stance",
        ),
    ],
)
def test_deeds_told_as_nouns_are_critical_of_their_target(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Israeli drone strikes have killed 14 Russian soldiers since May.",
            {("israel", "russia", "critical")},
            id="strikes-that-killed-a-countrys-soldiers",
        ),
        pytest.param(
            "Nine Saudi troops died as a result of an attack carried out by ISIS.",
            {("isis", "saudi-arabia", "critical")},
            id="soldiers-who-died-of-an-attack-by-its-doer",
        ),
        pytest.param(
            "Israeli drone strikes have killed 14 Russian civilians since May.",
            set(),
            id="civilians-killed-name-no-actor-target",
        ),
        pytest.param(
            "Turkey sent troops to help the rebels hold back an offensive by Russia aimed at "
            "taking the ISIS stronghold.",
            {("russia", "isis", "critical")},
            id="a-doer-the-parser-hangs-on-the-verb",
        ),
    ],
)
def test_deeds_killing_soldiers_and_doers_after_the_object(nlp, body, expected):
    ctx = make_context(nlp, body)
    got = triples(extract_stances(ctx, []), ctx)
    assert {t for t in got if t[2] == "critical"} == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Yemen's war goes on. The Saudi-led coalition fighting the Houthis has lost a jet.",
            {("saudi-arabia", "houthis", "critical")},  # the test gazetteer: its leader
            id="a-force-described-by-whom-it-fights",
        ),
        pytest.param(
            "Egypt's navy, fighting ISIS along the coast, seized two boats.",
            {("egypt", "isis", "critical")},
            id="a-force-fighting-a-group-set-off-by-commas",
        ),
        pytest.param(
            "The coalition of nations fighting in Syria met in Paris.",
            set(),
            id="fighting-somewhere-names-no-foe",
        ),
    ],
)
def test_forces_described_by_whom_they_fight(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert {t for t in triples(extract_stances(ctx, []), ctx) if t[2] == "critical"} == expected
