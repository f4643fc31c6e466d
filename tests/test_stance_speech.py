"""What a call for contact says, and which "meetings" are no contact (issue 9, pooled over
real_dev … real_dev10; etl.stance_speech). A neutral edge needs actors who met, talked or
negotiated: contact only urged or owed ("urged Beirut to engage with Damascus", "must talk to the
Syrian government") and "meet" in the sense of fulfilling ("met its refugee goal") are none; a call
on one party to cooperate with a third is neutral toward the one called on, not supportive.
Sentences are written for these tests in the style of wire copy; the probes at the end look like
the rules' triggers and must keep their edges."""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from etl.types import Actor
from tests.test_stances import ACTORS, FORMS, make_context, statement, triples

_ACTORS = {
    **ACTORS,
    "lebanon": Actor("lebanon", "Lebanon", "country", None),
    "hezbollah": Actor("hezbollah", "Hezbollah", "armed_group", "lebanon"),
    "hassan-nasrallah": Actor("hassan-nasrallah", "Hassan Nasrallah", "person", "lebanon"),
    "taliban": Actor("taliban", "Taliban", "armed_group", "afghanistan"),
}
_FORMS = (
    *FORMS,
    ("Lebanon", "lebanon", "name"),
    ("Beirut", "lebanon", "capital"),
    ("Damascus", "syria", "capital"),
    ("Syrian", "syria", "demonym"),
    ("Lebanese", "lebanon", "demonym"),
    ("Hezbollah", "hezbollah", "name"),
    ("Nasrallah", "hassan-nasrallah", "surname"),
    ("Taliban", "taliban", "name"),
)


def _found(nlp, body: str, speaker: str | None = None) -> set[tuple[str, str, str]]:
    ctx = make_context(nlp, body, _ACTORS, _FORMS)
    said = [statement(body, speaker)] if speaker else []
    return triples(extract_stances(ctx, said), ctx)


# --- contact only called for --------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "speaker", "absent"),
    [
        pytest.param(
            "The cleric also pressed the cabinet in Beirut to engage with its Syrian counterpart "
            "on the return of refugees.",
            "hassan-nasrallah",
            {("lebanon", "syria", "neutral"), ("syria", "lebanon", "neutral")},
            id="urged-to-engage-with-is-no-contact",
        ),
        pytest.param(
            "“The Lebanese government must drop its stubbornness and talk to the Syrian "
            "government,” Nasrallah told supporters.",
            "hassan-nasrallah",
            {("lebanon", "syria", "neutral")},
            id="must-talk-to-is-no-contact",
        ),
        pytest.param(
            "He called on ministers in Beirut to work with Damascus on a joint return plan.",
            "hassan-nasrallah",
            {("lebanon", "syria", "neutral")},
            id="called-on-to-work-with-is-no-contact",
        ),
    ],
)
def test_contact_only_called_for_gives_no_neutral_edge(nlp, body, speaker, absent):
    assert not _found(nlp, body, speaker) & absent


def test_call_to_cooperate_with_a_third_party_is_neutral_toward_the_one_called_on(nlp):
    found = _found(
        nlp,
        "Hezbollah on Monday urged the Lebanese government to coordinate with Damascus on "
        "refugee returns.",
    )
    assert ("hezbollah", "lebanon", "neutral") in found
    assert ("hezbollah", "lebanon", "supportive") not in found
    assert ("hezbollah", "syria", "neutral") not in found


def test_call_to_cooperate_with_the_caller_stays_supportive(nlp):
    assert ("russia", "turkey", "supportive") in _found(
        nlp, "Russia urged Turkey to work with Moscow on a new ceasefire in Idlib."
    )
    assert ("russia", "canada", "supportive") in _found(
        nlp, "Russia asked Canada to join its coalition against the militants."
    )


# --- "meet" as fulfilling -----------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "Caption: families on a road, with a banner reading 'The U.S. has met its 2017 "
            "Syrian resettlement goal'",
            id="met-a-goal",
        ),
        pytest.param(
            "Russia has met Turkey's request for a pause and will keep its jets grounded.",
            id="met-a-request",
        ),
        pytest.param("Turkey met Russia's demands on the Idlib corridor.", id="met-demands"),
    ],
)
def test_meeting_a_goal_is_no_meeting(nlp, body):
    found = _found(nlp, body)
    assert not {f for f in found if f[2] == "neutral"}


# --- probes: look like the triggers, must keep their edges -------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Trudeau, who had urged restraint, met Lavrov in Geneva on Tuesday.",
            {("canada", "russia", "neutral"), ("russia", "canada", "neutral")},
            id="urge-in-a-relative-clause-leaves-the-meeting",
        ),
        pytest.param(
            "Canada has continued to work with Turkey despite calls to stop.",
            {("canada", "turkey", "neutral")},
            id="continued-work-is-contact",
        ),
        pytest.param(
            "Canada said it met with Turkey on Friday after the UN urged both sides to talk.",
            {("canada", "turkey", "neutral")},
            id="met-after-an-urging-is-contact",
        ),
        pytest.param(
            "Turkey met with Russian diplomats to meet the demands of displaced families.",
            {("turkey", "russia", "neutral"), ("russia", "turkey", "neutral")},
            id="met-with-and-meet-demands-in-one-sentence",
        ),
        pytest.param(
            "Joly met the Russian delegation in Vienna on Thursday.",
            {("canada", "russia", "neutral"), ("russia", "canada", "neutral")},
            id="met-a-delegation",
        ),
        pytest.param(
            "A delegation of the armed forces has returned to Geneva to resume negotiations "
            "with Russia, Turkey told AFP.",
            {("turkey", "russia", "neutral"), ("russia", "turkey", "neutral")},
            id="verb-of-saying-above-is-no-demand",
        ),
        pytest.param(
            "Photo: Trudeau meets Lavrov in Geneva (Reuters)",
            {("canada", "russia", "neutral")},
            id="caption-of-a-real-meeting",
        ),
    ],
)
def test_probes_keep_real_contact(nlp, body, expected):
    assert expected <= _found(nlp, body)


# --- working with a partner, done or going on ---------------------------------------------


@pytest.mark.parametrize(
    ("body", "speaker", "expected"),
    [
        pytest.param(
            "Canada has been working with Turkey to identify transit sites for the families.",
            None,
            {("canada", "turkey", "supportive")},
            id="has-been-working-with",
        ),
        pytest.param(
            "“We worked jointly with Turkey and Iran to open the corridor,” Lavrov said.",
            "sergei-lavrov",
            {("russia", "turkey", "supportive"), ("russia", "iran", "supportive")},
            id="worked-jointly-with",
        ),
    ],
)
def test_work_with_a_partner_done_or_going_on_is_supportive(nlp, body, speaker, expected):
    found = _found(nlp, body, speaker)
    assert expected <= found
    assert not {(s, t, "neutral") for s, t, _p in expected} & found


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        pytest.param(
            "Canada would continue to work with Turkey on safe passage.",
            ("canada", "turkey", "supportive"),
            id="future-work-stays-contact",
        ),
        pytest.param(
            "Ottawa asked how provinces can work with Washington.",
            ("canada", "united-states", "supportive"),
            id="possible-work-is-none",
        ),
        pytest.param(
            "Canada said it is ready to work with Turkey.",
            ("canada", "turkey", "supportive"),
            id="offered-work-is-none",
        ),
        pytest.param(
            "Canada refused to work with Russia.",
            ("canada", "russia", "supportive"),
            id="refused-work-is-none",
        ),
        pytest.param(
            "Canada does not work with Russia on the issue.",
            ("canada", "russia", "supportive"),
            id="negated-work-is-none",
        ),
        pytest.param(
            "Turkey's workers worked with Russian engineers on the pipeline.",
            ("turkey", "russia", "supportive"),
            id="people-of-a-country-are-not-its-state",
        ),
        pytest.param(
            "Washington urged Ukraine to work with Moscow on the grain corridor.",
            ("ukraine", "russia", "supportive"),
            id="urged-work-is-not-done",
        ),
    ],
)
def test_work_not_done_is_no_partnership(nlp, body, absent):
    assert absent not in _found(nlp, body)


# --- more probes from the self-review: headlines, reports, third parties' words ---------


@pytest.mark.parametrize(
    ("body", "expected", "absent"),
    [
        pytest.param(
            "Canada meets Turkey over refugee crisis",
            {("canada", "turkey", "neutral")},
            set(),
            id="headline-meeting-stays",
        ),
        pytest.param(
            "Reuters reported that Canada had met with Turkey in Geneva.",
            {("canada", "turkey", "neutral")},
            set(),
            id="reported-meeting-stays",
        ),
        pytest.param(
            "Canada, which must meet its resettlement target, met Turkey on Monday.",
            {("canada", "turkey", "neutral")},
            set(),
            id="owed-target-beside-a-real-meeting",
        ),
        pytest.param(
            "“Russia has worked with the Taliban for years,” Ukraine alleged on Monday.",
            set(),
            {("russia", "taliban", "supportive")},
            id="a-third-partys-charge-is-no-partnership",
        ),
        pytest.param(
            "The resettlement scheme worked with support from Turkey.",
            set(),
            {("canada", "turkey", "supportive")},
            id="work-in-the-sense-of-function",
        ),
        pytest.param(
            "Canada should have worked with Turkey, critics said.",
            set(),
            {("canada", "turkey", "supportive")},
            id="counterfactual-work",
        ),
    ],
)
def test_self_review_probes(nlp, body, expected, absent):
    found = _found(nlp, body)
    assert expected <= found
    assert not absent & found
