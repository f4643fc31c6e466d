"""Stance classes missed or misread on unseen pages (issue 9, real_dev6): the demands of a vetoed
text, fighting told through a participle, backing set off by dashes or compounded into a group's
name, a country that only says whose a group is, contact that is mutual, leaders who failed to
agree, groups named terrorists in a relative clause, and "the coalition" that is a body of its
own."""

from __future__ import annotations

import pytest

from etl.context import ArticleContext
from etl.stances import extract_stances
from etl.types import Actor
from tests.test_stances import ACTORS, FORMS, make_context, triples

_ACTORS = {
    **ACTORS,
    **{
        a.actor_id: a
        for a in (
            Actor("bashar-al-assad", "Bashar al-Assad", "person", "syria"),
            Actor("hnc", "High Negotiations Committee", "organization", "syria"),
            Actor("jaish-al-islam", "Jaish al-Islam", "armed_group", "syria"),
            Actor("saudi-led-coalition", "Saudi-led coalition", "intergovernmental", None),
        )
    },
}
_FORMS = (
    *FORMS,
    ("Assad", "bashar-al-assad", "surname"),
    ("Damascus", "syria", "capital"),
    ("High Negotiations Committee", "hnc", "name"),
    ("HNC", "hnc", "alias"),
    ("Army of Islam", "jaish-al-islam", "alias"),
    ("Saudi-led coalition", "saudi-led-coalition", "name"),
)


def _context(nlp, body: str) -> ArticleContext:
    return make_context(nlp, body, _ACTORS, _FORMS)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Russia and China vetoed a UN Security Council resolution Saturday calling on Assad "
            "to step down amid a violent crackdown in Syria.",
            {("russia", "syria", "supportive"), ("china", "syria", "supportive")},
            id="vetoing-a-text-that-calls-on-a-leader-to-go-shields-him-and-demands-nothing",
        ),
        pytest.param(
            "On Saturday, China joined Russia to veto the UN Security Council's move for a "
            "tougher response to Syria.",
            {("china", "syria", "supportive"), ("russia", "syria", "supportive")},
            id="who-was-joined-to-veto-vetoes-too-and-the-council-is-the-forum-not-a-drafter",
        ),
        pytest.param(
            "With violations on the rise and fighting escalating between Sudan's army and the "
            "Rapid Support Forces, the world must act, Kenya told the UN Security Council.",
            {("sudan", "rsf", "critical"), ("rsf", "sudan", "critical")},
            id="a-war-told-in-a-governments-words-is-background-not-its-claim",
        ),
        pytest.param(
            "The presidents of Turkey, Iran and Russia failed to agree on a ceasefire.",
            {
                (a, b, "neutral")
                for a in ("iran", "russia", "turkey")
                for b in ("iran", "russia", "turkey")
                if a != b
            },
            id="leaders-who-failed-to-agree-still-met-each-neutral-toward-the-others",
        ),
        pytest.param(
            "Israel struck the Houthis, which the United States and Canada consider terrorists.",
            {
                ("israel", "houthis", "critical"),
                ("united-states", "houthis", "critical"),
                ("canada", "houthis", "critical"),
            },
            id="a-group-named-terrorists-in-a-relative-clause-is-the-namers-target",
        ),
        pytest.param(
            "Russia has exercised its right of veto over a UN Security Council draft "
            "resolution on Syria.",
            {("russia", "syria", "supportive")},
            id="a-veto-named-as-a-noun-shields-the-texts-target",
        ),
        pytest.param(
            "Russian and Israeli air strikes bombed residential areas in the Houthi-held "
            "districts.",
            {("russia", "houthis", "critical"), ("israel", "houthis", "critical")},
            id="striking-a-place-an-armed-group-holds-is-hostility-toward-the-holder",
        ),
        pytest.param(
            "There is fighting escalating between Sudan's army and the Rapid Support Forces.",
            {("sudan", "rsf", "critical"), ("rsf", "sudan", "critical")},
            id="fighting-whose-parties-hang-on-a-participle-is-a-war-both-ways",
        ),
        pytest.param(
            "Damascus objects to the inclusion in the HNC — backed by Washington and Saudi "
            "Arabia — of rebels.",
            {("united-states", "hnc", "supportive"), ("saudi-arabia", "hnc", "supportive")},
            id="backing-set-off-by-dashes-describes-the-name-before-it-whoever-speaks",
        ),
        pytest.param(
            "The powerful Saudi-backed armed rebel group Army of Islam joined the offensive.",
            {("saudi-arabia", "jaish-al-islam", "supportive")},
            id="a-backed-noun-compounded-into-a-name-is-that-named-group",
        ),
        pytest.param(
            "Sergei Lavrov met with Syria's High Negotiations Committee in Moscow.",
            {("russia", "hnc", "neutral"), ("hnc", "russia", "neutral")},
            id="a-country-that-only-says-whose-a-group-is-is-no-party",
        ),
        pytest.param(
            "Lavrov said that Moscow remained in contact with Washington on the situation.",
            {("russia", "united-states", "neutral"), ("united-states", "russia", "neutral")},
            id="being-in-contact-with-someone-is-mutual",
        ),
        pytest.param(
            "The Saudi-led coalition intervened in the war in 2015. The Houthis said coalition "
            "airstrikes killed 13 civilians.",
            {("houthis", "saudi-led-coalition", "critical")},
            id="the-coalition-after-a-led-coalition-of-its-own-is-that-body-not-its-leader",
        ),
    ],
)
def test_unseen_page_classes_of_real_dev6(nlp, body, expected):
    ctx = _context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected
