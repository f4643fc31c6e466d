"""Stance classes missed on unseen pages (issue 9, real_dev5): joint statements named through
their issuers' office or in a title-case heading, meetings of several parties, calls on "all
parties" to a conflict, and the capitalised "The Council" of house styles."""

from __future__ import annotations

import pytest

from etl.actors import Gazetteer, resolve_mentions
from etl.stances import extract_stances
from tests.test_stances import make_context, statement, triples

_ALL_WAYS = {
    (a, b, "supportive")
    for a in ("iran", "russia", "turkey")
    for b in ("iran", "russia", "turkey")
    if a != b
}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Joint Statement by Iran, Russia and Turkey on the International Meeting on Syria",
            _ALL_WAYS,
            id="a-title-case-joint-statement-heading-binds-its-issuers",
        ),
        pytest.param(
            "A joint statement by the foreign ministers of the three countries (Russia, Iran and "
            "Turkey) in Astana said the next round would be held in May.",
            _ALL_WAYS,
            id="a-joint-statement-issued-through-the-parties-ministers",
        ),
        pytest.param(
            "Iran held a meeting with the foreign ministers of Turkey and Russia in Astana.",
            {
                (a, b, "neutral")
                for a in ("iran", "russia", "turkey")
                for b in ("iran", "russia", "turkey")
                if a != b
            },
            id="those-met-together-at-one-meeting-met-each-other",
        ),
        pytest.param(
            "The UN Security Council urged all parties involved in the conflict to protect "
            "civilians. The fighting between the RSF and Sudan's army has killed thousands.",
            {
                ("unsc", "rsf", "neutral"),
                ("unsc", "sudan", "neutral"),
                ("rsf", "sudan", "critical"),
                ("sudan", "rsf", "critical"),
            },
            id="all-parties-to-the-conflict-are-its-warring-forces",
        ),
    ],
)
def test_unseen_page_classes(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected


def test_a_meeting_setting_a_quote_is_not_the_speakers_claim(nlp):
    body = (
        "During the meeting with the foreign ministers of Turkey and Russia in Astana on Friday, "
        'Lavrov added: "The talks have made progress."'
    )
    ctx = make_context(nlp, body)
    quote = statement(body, "sergei-lavrov", "The talks have made progress.")
    found = triples(extract_stances(ctx, [quote]), ctx)
    assert {("turkey", "russia", "neutral"), ("russia", "turkey", "neutral")} <= found


def test_a_body_named_before_is_not_a_party_of_all_parties(nlp):
    body = (
        "The Council President and the UN Security Council envoy spoke on Thursday. "
        "The UN Security Council urged all parties to protect civilians."
    )
    ctx = make_context(nlp, body)
    found = triples(extract_stances(ctx, []), ctx)
    assert not {t for t in found if t[0] == "unsc" and t[1] == "unsc"}
    assert all(t[1] != "unsc" for t in found)


def test_the_capitalised_council_refers_back_to_the_security_council(nlp):
    body = (
        "The United Nations Security Council met on Thursday on Sudan. "
        "The Council urged all parties involved in the conflict to protect civilians."
    )
    mentions, _ = resolve_mentions(nlp(body), "a1", Gazetteer.load())
    at = body.index("The Council")
    assert any(m.actor_id == "un-security-council" and m.char_start == at for m in mentions)


@pytest.mark.parametrize(
    ("body", "speaker", "cue"),
    [
        pytest.param(
            "An airstrike by the Houthis struck a vehicle on Tuesday, Reuters said.",
            "reuters",
            "said",
            id="a-news-agency-reporting-a-strike",
        ),
        pytest.param(
            "According to Yemeni officials, the Houthis launched an airstrike on Tuesday.",
            "yemen",
            "according to",
            id="an-account-cited-with-according-to",
        ),
    ],
)
def test_a_strike_told_as_news_is_no_stance_of_the_teller(nlp, body, speaker, cue):
    from dataclasses import replace

    from etl.types import Actor

    ctx = make_context(nlp, body)
    actors = {
        **ctx.actors,
        "reuters": Actor("reuters", "Reuters", "media", None),
        "yemen": Actor("yemen", "Yemen", "country", None),
    }
    ctx = replace(ctx, actors=actors)
    said = replace(statement(body, speaker, body, direct=False), cue=cue)
    assert all(s.source_id != speaker for s in extract_stances(ctx, [said]))


def test_a_strike_a_government_tells_in_its_own_words_stays_its_charge(nlp):
    body = "Canada said the airstrike by Russia killed dozens of civilians."
    ctx = make_context(nlp, body)
    said = statement(body, "canada", body, direct=False)
    assert ("canada", "russia", "critical") in triples(extract_stances(ctx, [said]), ctx)


@pytest.mark.parametrize(
    ("body", "noun", "group"),
    [
        pytest.param(
            "Russia blocked a statement on Syria. Russia said the talks would go on. "
            "Rebels in Syria's battered south said they were returning to talks with Russia.",
            "Rebels",
            "syrian-opposition",
            id="bare-rebels-are-the-story-countrys-rebel-group",
        ),
        pytest.param(
            "Saudi Arabia said the war in Yemen would end. The coalition struck the port on "
            "Monday, killing fighters of the rebels.",
            "the rebels",
            "houthis",
            id="rebels-in-a-story-about-yemen",
        ),
        pytest.param(
            "Amnesty described the government's bombardment of opposition-held areas of Syria.",
            "opposition",
            "syrian-opposition",
            id="opposition-held-names-the-opposition",
        ),
    ],
)
def test_a_group_named_by_a_common_noun(nlp, body, noun, group):
    mentions, _ = resolve_mentions(nlp(body), "a1", Gazetteer.load())
    at = body.index(noun)
    assert any(m.actor_id == group and m.char_start == at for m in mentions)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "Kurdish rebels clashed with Syrian troops near the border of Syria.",
            id="a-capitalised-word-before-names-another-group",
        ),
        pytest.param(
            "Opposition groups in Syria and parties of Syria's parliament met on Monday.",
            id="plain-opposition-groups-may-be-political",
        ),
    ],
)
def test_a_common_noun_that_names_no_known_group(nlp, body):
    mentions, _ = resolve_mentions(nlp(body), "a1", Gazetteer.load())
    assert all(m.actor_id != "syrian-opposition" for m in mentions)


def test_a_veto_of_a_draft_is_critical_of_its_drafter_and_shields_no_victim(nlp):
    body = (
        "Russia vetoed a French draft resolution demanding a halt to the bombing campaign by "
        "Syria against Hamas."
    )
    ctx = make_context(nlp, body)
    found = triples(extract_stances(ctx, []), ctx)
    assert ("russia", "france", "critical") in found
    assert ("russia", "hamas", "supportive") not in found
    assert ("russia", "france", "supportive") not in found


def test_the_hnc_under_its_variant_names_is_one_actor(nlp):
    body = (
        "Representatives of the Saudi-backed Higher Negotiation Committee (HNC) said on Friday "
        "that the HNC would stay. The High Negotiations Committee met the envoy."
    )
    mentions, _ = resolve_mentions(nlp(body), "a1", Gazetteer.load())
    assert {m.actor_id for m in mentions if "N" in m.text} == {"high-negotiations-committee"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Russia on Thursday blocked the UN Security Council from adopting a statement.",
            ("russia", "unsc", "critical"),
            id="blocking-a-body-from-acting-is-critical-of-it",
        ),
        pytest.param(
            "Canada said there were corroborated reports of Iran's culpability in the massacres.",
            ("canada", "iran", "critical"),
            id="culpability-laid-on-its-holder",
        ),
        pytest.param(
            "Canada today acknowledged the enormous support of Poland and its people.",
            ("canada", "poland", "supportive"),
            id="acknowledging-a-partys-support-is-support-of-it",
        ),
    ],
)
def test_policy_acts_and_faults_without_a_speech_verb(nlp, body, expected):
    ctx = make_context(nlp, body)
    said = statement(body, "canada", body, direct=False) if body.startswith("Canada") else None
    assert expected in triples(extract_stances(ctx, [said] if said else []), ctx)
