"""Stance classes missed or misread on unseen pages (issue 9, pooled over real_dev2 … real_dev7):
a country's sovereignty upheld, relative clauses that each describe their own part of a list,
names written after "anti-" that say whom a group opposes, and an armed group's takeover of a
country's capital or land."""

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
            Actor("jordan", "Jordan", "country", None),
            Actor("afghanistan", "Afghanistan", "country", None),
            Actor("taliban", "Taliban", "armed_group", "afghanistan"),
            Actor("syrian-army", "Syrian Army", "government", "syria"),
            Actor("syrian-opposition", "Syrian opposition", "armed_group", "syria"),
            Actor("un-security-council", "UN Security Council", "intergovernmental", None),
        )
    },
}
_FORMS = (
    *FORMS,
    ("Jordan", "jordan", "name"),
    ("Afghanistan", "afghanistan", "name"),
    ("Kabul", "afghanistan", "capital"),
    ("Taliban", "taliban", "name"),
    ("Syrian forces", "syrian-army", "alias"),
    ("Aleppo", "syria", "capital"),
    ("Damascus", "syria", "capital"),
    ("the Syrian government", "syria", "alias"),
    ("militant groups", "syrian-opposition", "reference"),
    ("the militants", "syrian-opposition", "reference"),
    ("Security Council", "un-security-council", "name"),
)


def _context(nlp, body: str) -> ArticleContext:
    return make_context(nlp, body, _ACTORS, _FORMS)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Russia, Iran and Turkey affirmed their firm commitment to Syria's sovereignty, "
            "independence and territorial integrity.",
            {("russia", "syria", "supportive"), ("iran", "syria", "supportive"),
             ("turkey", "syria", "supportive")},
            id="a-commitment-to-a-countrys-sovereignty-supports-the-country",
        ),
        pytest.param(
            "The Security Council said it remained unequivocally committed to the sovereignty, "
            "unity and territorial integrity of Sudan.",
            {("un-security-council", "sudan", "supportive")},
            id="committed-to-the-territorial-integrity-of-a-country-supports-it",
        ),
        pytest.param(
            "Russia and Iran, which support the Syrian government, and Turkey, which backs "
            "anti-Damascus militant groups, seek to find a mechanism.",
            {("russia", "syria", "supportive"), ("iran", "syria", "supportive"),
             ("turkey", "syrian-opposition", "supportive")},
            id="each-relative-clause-of-a-list-describes-its-own-names-and-anti-names-no-party",
        ),
        pytest.param(
            "The details had to be agreed with the United States and Jordan, which support the "
            "militants in the area.",
            {("united-states", "syrian-opposition", "supportive"),
             ("jordan", "syrian-opposition", "supportive")},
            id="backers-of-the-militants-in-a-relative-clause-support-the-opposition",
        ),
    ],
)  # fmt: skip
def test_stance_stated_as_policy_or_background(nlp, body, expected):
    ctx = _context(nlp, body)
    assert expected <= triples(extract_stances(ctx, []), ctx)


def test_a_commitment_without_a_subject_is_the_speakers(nlp):
    body = "1. Reaffirmed their strong commitment to the sovereignty and territorial integrity of Syria."
    ctx = _context(nlp, body)
    found = triples(extract_stances(ctx, [statement(body, "iran")]), ctx)
    assert ("iran", "syria", "supportive") in found


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "Turkey did not respect Syria's sovereignty.",
            id="a-negated-respect-is-no-support",
        ),
        pytest.param(
            "Canada urged Turkey to respect the territorial integrity of Syria.",
            id="respect-only-demanded-of-someone-is-not-their-support",
        ),
        pytest.param(
            "Turkey violated Syria's sovereignty and territorial integrity.",
            id="a-violated-sovereignty-is-not-upheld",
        ),
    ],
)
def test_sovereignty_not_upheld_gives_no_support(nlp, body):
    ctx = _context(nlp, body)
    found = triples(extract_stances(ctx, []), ctx)
    assert ("turkey", "syria", "supportive") not in found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "The Taliban took Kabul less than two weeks ago after a surge across the country.",
            ("taliban", "afghanistan", "critical"),
            id="an-armed-group-taking-a-capital-is-critical-of-its-country",
        ),
        pytest.param(
            "Afghanistan's president fled. The Taliban took control of the presidential palace.",
            ("taliban", "afghanistan", "critical"),
            id="the-seat-of-government-taken-is-the-groups-own-country",
        ),
        pytest.param(
            "Yemen's war went on. The Houthis seized control of much of the country's north.",
            ("houthis", "yemen", "critical"),
            id="control-of-the-countrys-land-seized",
        ),
    ],
)
def test_a_takeover_by_an_armed_group_is_critical_of_the_country(nlp, body, expected):
    ctx = _context(nlp, body)
    assert expected in triples(extract_stances(ctx, []), ctx)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("The Taliban will take Kabul within weeks.", id="a-takeover-to-come"),
        pytest.param(
            "Syrian forces retook Aleppo from the rebels.", id="a-government-retaking-its-own-city"
        ),
    ],
)
def test_no_takeover_stance_when_planned_or_by_a_government(nlp, body):
    ctx = _context(nlp, body)
    found = triples(extract_stances(ctx, []), ctx)
    assert not {t for t in found if t[1] in ("afghanistan", "syria") and t[2] == "critical"}
