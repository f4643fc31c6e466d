"""Stance classes missed on unseen pages (issue 9, pooled over real_dev … real_dev8): a vetoed
text that names no party is the resolution the article names elsewhere, and an appeal or request
acted on is the responder's support for whoever made it."""

from __future__ import annotations

import pytest

from etl.context import ArticleContext
from etl.stances import extract_stances
from etl.types import Actor
from tests.test_stances import ACTORS, FORMS, make_context, statement, triples

_ACTORS = {
    **ACTORS,
    **{
        a.actor_id: a
        for a in (
            Actor("unhcr", "UNHCR", "intergovernmental", None),
            Actor("united-nations", "United Nations", "intergovernmental", None),
            Actor("new-zealand", "New Zealand", "country", None),
            Actor("yemen", "Yemen", "country", None),
            Actor("sweden", "Sweden", "country", None),
            Actor("japan", "Japan", "country", None),
            Actor("iaea", "IAEA", "intergovernmental", None),
            Actor("joe-biden", "Joe Biden", "person", "united-states"),
            Actor("vladimir-putin", "Vladimir Putin", "person", "russia"),
        )
    },
}
_FORMS = (
    *FORMS,
    ("UNHCR", "unhcr", "name"),
    ("United Nations", "united-nations", "name"),
    ("New Zealand", "new-zealand", "name"),
    ("Security Council", "unsc", "name"),
    ("Damascus", "syria", "capital"),
    ("Yemen", "yemen", "name"),
    ("Ukraine", "ukraine", "name"),
    ("Ukrainian", "ukraine", "demonym"),
    ("Sweden", "sweden", "name"),
    ("Japan", "japan", "name"),
    ("IAEA", "iaea", "name"),
    ("UN", "united-nations", "alias"),
    ("Biden", "joe-biden", "surname"),
    ("Putin", "vladimir-putin", "surname"),
)


def _context(nlp, body: str) -> ArticleContext:
    return make_context(nlp, body, _ACTORS, _FORMS)


def _found(nlp, body: str) -> set[tuple[str, str, str]]:
    ctx = _context(nlp, body)
    return triples(extract_stances(ctx, []), ctx)


# --- a vetoed text that names no party -----------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "The Security Council met on Friday to vote on a draft resolution on Syria. "
            "China and Russia vetoed the text, while eleven members voted in favour.",
            {("china", "syria", "supportive"), ("russia", "syria", "supportive")},
            id="the-text-is-the-earlier-draft-on-a-country",
        ),
        pytest.param(
            "Council split over Libya resolution\n\n"
            "Russia vetoed the draft late on Tuesday, diplomats said.",
            {("russia", "libya", "supportive")},
            id="the-headline-names-the-drafts-country",
        ),
    ],
)  # fmt: skip
def test_vetoed_text_takes_the_articles_resolution(nlp, body, expected):
    assert expected <= _found(nlp, body)


def test_a_vetoed_text_naming_its_own_party_keeps_it(nlp):
    body = (
        "A draft resolution on Libya was tabled last month. "
        "Russia vetoed a resolution on Syria on Tuesday."
    )
    found = _found(nlp, body)
    assert ("russia", "syria", "supportive") in found
    assert ("russia", "libya", "supportive") not in found


def test_a_vetoed_move_carries_no_resolution_from_elsewhere(nlp):
    # Only resolutions, drafts and texts carry an aim named elsewhere; a "move" or a "bid" does not.
    body = (
        "Diplomats discussed a draft resolution on Syria on Monday. "
        "Russia blocked the move on Tuesday."
    )
    assert ("russia", "syria", "supportive") not in _found(nlp, body)


def test_a_vetoed_text_with_a_topic_of_its_own_carries_no_other_resolution(nlp):
    # Review of the stances8 round: the text on access is not the resolution on Yemen.
    body = (
        "The Security Council adopted a resolution on Yemen last week. On Tuesday, Russia vetoed "
        "a text on humanitarian access to the border crossings."
    )
    assert ("russia", "yemen", "supportive") not in _found(nlp, body)
    body = (
        "The Security Council adopted a resolution on Yemen last week. On Tuesday, Russia vetoed "
        "a draft calling for a ceasefire in the capital."
    )
    assert ("russia", "yemen", "supportive") not in _found(nlp, body)


def test_a_veto_with_no_resolution_in_the_article_shields_no_one(nlp):
    body = "Russia vetoed the text on Tuesday, while eleven members voted in favour."
    assert not {t for t in _found(nlp, body) if t[0] == "russia" and t[2] == "supportive"}


# --- appeals answered ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "New Zealand responds to UNHCR request and agrees to take 300 Syrian refugees",
            ("new-zealand", "unhcr", "supportive"),
            id="responds-to-a-request-and-acts",
        ),
        pytest.param(
            "In response to the UNHCR's appeal for more places, Canada will resettle 400 "
            "vulnerable Syrian refugees this year.",
            ("canada", "unhcr", "supportive"),
            id="an-act-in-response-to-an-appeal",
        ),
        pytest.param(
            "Australia heeded the call of the United Nations and sent doctors to the camps.",
            ("australia", "united-nations", "supportive"),
            id="heeding-a-call-is-compliance",
        ),
    ],
)  # fmt: skip
def test_an_appeal_acted_on_supports_the_appealer(nlp, body, expected):
    assert expected in _found(nlp, body)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "The Kremlin responded to Turkey's appeal on Friday, with its spokesman insisting "
            "that Russia complies with the deal.",
            id="a-reply-is-no-compliance",
        ),
        pytest.param(
            "Canada did not respond to the UNHCR's request for more resettlement places.",
            id="a-negated-response-is-none",
        ),
        pytest.param(
            "Russia responded to the demands of the United States and moved troops to the border.",
            id="complying-with-a-demand-is-no-appeal",
        ),
    ],
)  # fmt: skip
def test_a_reply_or_refusal_is_no_support(nlp, body):
    found = _found(nlp, body)
    assert not {
        t for t in found if t[2] == "supportive" and t[1] in ("turkey", "unhcr", "united-states")
    }


# Review of the stances8 round: a refusal or defiance done "in response to" an appeal, or beside
# "responded to", is no compliance; a "call" with nothing called for may be a telephone call.
@pytest.mark.parametrize(
    ("body", "wrong"),
    [
        pytest.param(
            "In response to Hamas's request for a longer truce, Israel rejected the proposal on "
            "Friday.",
            ("israel", "hamas", "supportive"),
            id="a-rejection-in-response-is-no-support",
        ),
        pytest.param(
            "In response to the UN's appeal for more aid, Russia said it would send no further "
            "funds.",
            ("russia", "united-nations", "supportive"),
            id="sending-no-funds-in-response-is-no-support",
        ),
        pytest.param(
            "Iran responded to the request of the IAEA and denied inspectors access to the site.",
            ("iran", "iaea", "supportive"),
            id="a-denial-beside-the-response-is-no-support",
        ),
        pytest.param(
            "Biden responded to Putin's call and warned him of severe consequences.",
            ("united-states", "russia", "supportive"),  # people stand for their countries
            id="a-warning-after-a-telephone-call-is-no-support",
        ),
    ],
)  # fmt: skip
def test_a_refusal_in_response_to_an_appeal_is_no_support(nlp, body, wrong):
    assert wrong not in _found(nlp, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "In response to the UN's appeal for more aid, Japan said it would send $10 million "
            "to the camps.",
            ("japan", "united-nations", "supportive"),
            id="said-it-would-send-in-response",
        ),
        pytest.param(
            "Sweden responded to the UN's call for more places and agreed to take 500 refugees.",
            ("sweden", "united-nations", "supportive"),
            id="a-call-for-something-answered-by-agreeing",
        ),
        pytest.param(
            "The commitment to resettle the refugees was made by Sweden in response to the "
            "UN's request.",
            ("sweden", "united-nations", "supportive"),
            id="a-commitment-to-resettle-made-in-response",
        ),
    ],
)  # fmt: skip
def test_a_compliance_told_beside_the_response_still_supports(nlp, body, expected):
    assert expected in _found(nlp, body)


def test_a_call_answered_with_nothing_called_for_is_no_appeal(nlp):
    # "responded to Putin's call": a telephone call, whatever the answer does
    body = "Biden responded to Putin's call and agreed to meet him in Geneva."
    assert ("united-states", "russia", "supportive") not in _found(nlp, body)


# --- "the government" and backing told with its setting --------------------------------------


def test_the_bare_government_is_the_storys_government(nlp):
    body = (
        "Syria's army pressed on around Damascus. The Syrian government has besieged the area "
        "for months. The government, backed by Russia and Iran, retook the town on Sunday."
    )
    found = _found(nlp, body)
    assert ("russia", "syria", "supportive") in found
    assert ("iran", "syria", "supportive") in found


def test_backers_named_in_the_sentence_are_not_the_government(nlp):
    # Russia is named most before the sentence, but it is one of the backers there.
    body = (
        "Russia sent more jets. Russia said the strikes would go on. Syria's army pressed on. "
        "The government, backed by Russia and Iran, retook the town on Sunday."
    )
    found = _found(nlp, body)
    assert ("russia", "syria", "supportive") in found
    assert not {t for t in found if t[1] == "russia" and t[0] == "iran"}


def test_the_government_said_by_a_countrys_speaker_is_its_own(nlp):
    quote = "The government will keep supporting the UNHCR,"
    body = f'Syria\'s army pressed on around Damascus. "{quote}" Mélanie Joly said.'
    ctx = _context(nlp, body)
    found = triples(extract_stances(ctx, [statement(body, "melanie-joly", quote)]), ctx)
    assert {("canada", "unhcr", "supportive"), ("melanie-joly", "unhcr", "supportive")} & found
    assert ("syria", "unhcr", "supportive") not in found


def test_the_regime_is_never_the_speakers_own_government(nlp):
    body = "Canada condemned the regime on Monday."
    # No other country is named before: "the regime" names no one, and Canada does not condemn itself.
    assert not {t for t in _found(nlp, body) if t[1] == "canada"}


def test_the_bare_government_is_the_government_just_named_with_its_seat(nlp):
    # Review of the stances8 round: Russia is named most, but the government just named is the
    # one in Kyiv (a capital after "in" is a place, read through the gazetteer's capitals).
    body = (
        "Russia pressed its offensive in Ukraine. Russia's army shelled Kharkiv. The government "
        "in Kyiv condemned the attack, and the government thanked the United States for its help."
    )
    found = _found(nlp, body)
    assert ("russia", "united-states", "supportive") not in found
    assert ("ukraine", "united-states", "supportive") in found


def test_the_bare_government_after_a_government_named_by_its_country(nlp):
    body = (
        "Russia pressed its offensive in Ukraine. Russia's army shelled Kharkiv. The Ukrainian "
        "government condemned the attack. The government also thanked the United States."
    )
    found = _found(nlp, body)
    assert ("russia", "united-states", "supportive") not in found
    assert ("ukraine", "united-states", "supportive") in found


def test_backing_with_its_setting_before_the_agent(nlp):
    body = (
        "Syria's army pressed on around Damascus. "
        "Syria's army, backed in the war by Russia and Iran, retook the town on Sunday."
    )
    found = _found(nlp, body)
    assert ("russia", "syria", "supportive") in found
    assert ("iran", "syria", "supportive") in found


def test_proximity_talks_are_no_contact_between_the_parties(nlp):
    def contacts(found):
        return {t for t in found if t[2] == "neutral" and "rsf" in (t[0], t[1])}

    body = "Geneva hosts {}talks between Sudan's army and the Rapid Support Forces."
    assert not contacts(_found(nlp, body.format("proximity ")))
    assert contacts(_found(nlp, body.format("")))  # direct talks are contact
