"""Ground retaken (issue 9, policy acts stated as facts; real_dev3, real_dev5, real_dev6,
real_dev9): a state that moves to retake a place is critical of whoever holds it - the holder its
words name, else, on its own ground, its country's armed opposition (`etl.stance_retaking`)."""

from __future__ import annotations

from datetime import date

import pytest

from etl.actors import Gazetteer, resolve_mentions
from etl.context import ArticleContext
from etl.stances import extract_stances
from etl.statements import extract_statements
from etl.types import Article


def real_triples(nlp, body: str) -> set[tuple[str, str, str]]:
    """Country-level (source, target, polarity) of a text read with the shipped gazetteer."""
    gazetteer = Gazetteer.load(None)
    doc = nlp(body)
    mentions, new_actors = resolve_mentions(doc, "a1", gazetteer)
    actors = {**gazetteer.actors, **{a.actor_id: a for a in new_actors}}
    article = Article("a1", "a1.txt", None, None, None, date(2024, 1, 1), "day", "en", body, "sha")
    ctx = ArticleContext(article, doc, tuple(mentions), actors, gazetteer=gazetteer)
    rows = extract_stances(ctx, extract_statements(ctx))

    def country(actor_id: str) -> str:
        actor = actors.get(actor_id)
        if actor is not None and actor.kind in ("person", "government") and actor.country_id:
            return actor.country_id
        return actor_id

    return {(country(r.source_id), country(r.target_id), r.polarity) for r in rows}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Syrian rebels still hold the city. In March, President Bashar al-Assad's renewed drive "
            "to retake control of Homs began.",
            ("syria", "syrian-opposition", "critical"),
            id="a-push-to-retake-a-city-of-ones-own-country",
        ),
        pytest.param(
            "Government troops advanced on Monday as Syria seeks to recapture rebel-held villages "
            "in the south.",
            ("syria", "syrian-opposition", "critical"),
            id="seeking-to-recapture-rebel-held-ground",
        ),
        pytest.param(
            "Syrian rebels hold the south. Damascus is massing troops for a major assault to "
            "recover Deraa province from the rebels.",
            ("syria", "syrian-opposition", "critical"),
            id="an-assault-to-recover-ground-from-rebels",
        ),
        pytest.param(
            "Yemen's government launched an offensive to retake the port city of Mokha, one of "
            "the last areas controlled by the Houthis.",
            ("yemen", "houthis", "critical"),
            id="an-offensive-to-retake-an-area-controlled-by-a-named-group",
        ),
    ],
)
def test_a_state_retaking_ground_is_critical_of_its_holder(nlp, body, expected):
    assert expected in real_triples(nlp, body)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Syria plans to retake Homs before the end of the year.", id="only-a-plan"),
        pytest.param("Syria did not retake Homs, despite weeks of shelling.", id="negated"),
        pytest.param(
            "Ukraine's army retook Kherson in November.",
            id="a-country-with-no-armed-opposition-in-the-gazetteer",
        ),
        pytest.param(
            "Turkey retook the Syrian border town of Afrin after a two-month campaign.",
            id="ground-of-another-country",
        ),
        pytest.param(
            "Myanmar said it was ready to take back refugees verified under the deal.",
            id="taking-back-people-is-no-ground",
        ),
        pytest.param("Syria has regained its dignity, the minister said.", id="regaining-no-place"),
        pytest.param("Syria hopes to regain Idlib by spring.", id="only-a-hope"),
        pytest.param(
            "Syria's army recaptured Palmyra, a Syrian government statement said.",
            id="an-article-that-names-no-opposition-may-be-about-another-holder",
        ),
        pytest.param(
            "Syria's economy has recovered strongly since 2020.", id="recovering-in-another-sense"
        ),
        pytest.param(
            "The rebels are trying to retake Homs from the army.",
            id="an-armed-group-retaking-is-left-to-other-rules",
        ),
    ],
)
def test_retaking_that_is_no_states_act_on_its_ground_yields_no_opposition_edge(nlp, body):
    assert not any(
        t == "syrian-opposition" or t == "houthis" for _, t, _ in real_triples(nlp, body)
    )
