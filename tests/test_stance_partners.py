"""Acts under a pact with a partner (etl.stance_partners)."""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stances import make_context, triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Turkey established 12 observation posts under a September 2018 deal with Russia, a "
            "major ally of Syria, to prevent an offensive.",
            {
                ("turkey", "russia", "supportive"),
                ("russia", "turkey", "supportive"),
                ("russia", "syria", "supportive"),
            },
            id="acting-under-a-deal-with-a-partner-binds-both-not-the-partners-ally",
        ),
        pytest.param(
            "Egypt was ready to take back refugees who had been verified under an agreement with "
            "Sudan.",
            set(),
            id="a-passive-act-under-a-pact-names-no-party",
        ),
        pytest.param(
            "Canada urged Turkey to open its border under a deal with Greece.",
            {("canada", "turkey", "critical")},
            id="an-act-only-asked-for-is-no-pact",
        ),
    ],
)
def test_under_pacts(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "The Israeli offensive continues in Gaza with American backing.",
            {("united-states", "israel", "supportive")},
            id="a-backer-named-on-with-backing-supports-the-subject",
        ),
        pytest.param(
            "The Iran-backed offensive by the Houthis has killed hundreds of civilians.",
            {("iran", "houthis", "supportive")},
            id="an-act-backed-by-a-patron-is-support-of-its-doer",
        ),
    ],
)
def test_backing(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert expected <= triples(extract_stances(ctx, []), ctx)


def test_a_led_campaign_with_backing_supports_the_led_force(nlp):
    from datetime import date

    from etl.actors import Gazetteer, resolve_mentions
    from etl.context import ArticleContext
    from etl.types import Article

    body = (
        "The Saudi-led coalition struck Sanaa on Monday. "
        "The Saudi-led bombing campaign continues in Yemen with US backing."
    )
    gazetteer = Gazetteer.load()
    doc = nlp(body)
    mentions, new = resolve_mentions(doc, "a1", gazetteer)
    article = Article("a1", "a1.txt", None, None, None, date(2024, 1, 1), "day", "en", body, "s")
    actors = {**gazetteer.actors, **{a.actor_id: a for a in new}}
    ctx = ArticleContext(article=article, doc=doc, mentions=tuple(mentions), actors=actors)
    found = {(s.source_id, s.target_id, s.polarity) for s in extract_stances(ctx, [])}
    assert ("united-states", "saudi-led-coalition", "supportive") in found
    assert ("united-states", "saudi-arabia", "supportive") not in found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Saudi Arabia has been at war with the Houthis since March 2015.",
            {("saudi-arabia", "houthis", "critical"), ("houthis", "saudi-arabia", "critical")},
            id="at-war-with-is-critical-both-ways",
        ),
        pytest.param(
            "Saudi Arabia could soon be at war with the Houthis.",
            set(),
            id="a-war-that-may-come-is-none-yet",
        ),
    ],
)
def test_at_war_with(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected
