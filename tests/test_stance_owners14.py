"""Names that only say whose something is are no party to a stance (issue 9, false rows pooled over
real_dev … real_dev12):

- a country named as the owner of protected people or things ("support for Ukraine refugees",
  "refugees from Syria", "Syria's children") is where they belong, not a party helped or harmed
  (`_ActorLookup._owns_protected`; real_dev6 hr26, real_dev8 ht05);
- a norm a fault breaks ("a violation of the Chemical Weapons Convention", "a breach of Security
  Council resolutions", "violations of the UN Charter") names no one at fault: its maker is not
  its violator (`[violated norm]` in etl/rules/stance_cues.txt; real_dev8 ht12, real_dev10 hv02).

The probes below the first two groups look like these triggers but must keep their edges.
"""

from __future__ import annotations

import pytest

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
            Actor("jordan", "Jordan", "country", None),
            Actor("iraq", "Iraq", "country", None),
            Actor("cwc", "Chemical Weapons Convention", "organization", None),
        )
    },
}
_FORMS = (
    *FORMS,
    ("UNHCR", "unhcr", "name"),
    ("United Nations", "united-nations", "name"),
    ("UN", "united-nations", "alias"),
    ("Security Council", "unsc", "name"),
    ("Jordan", "jordan", "name"),
    ("Iraq", "iraq", "name"),
    ("Ukraine", "ukraine", "name"),
    ("Chemical Weapons Convention", "cwc", "name"),
    ("Assad regime", "syria", "alias"),
)


@pytest.fixture
def stances_of(nlp):
    def run(body: str, speaker: str | None = None) -> set[tuple[str, str, str]]:
        ctx = make_context(nlp, body, _ACTORS, _FORMS)
        statements = [statement(body, speaker)] if speaker else []
        return triples(extract_stances(ctx, statements), ctx)

    return run


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        pytest.param(
            "UNHCR praised Poland's support for Ukraine refugees on Tuesday.",
            ("poland", "ukraine", "supportive"),
            id="refugees-named-by-their-country",
        ),
        pytest.param(
            "Jordan provides schooling to refugees from Syria and Iraq.",
            ("jordan", "syria", "supportive"),
            id="refugees-from-a-country",
        ),
        pytest.param(
            "Canada sent blankets to the children of Syria last winter.",
            ("canada", "syria", "supportive"),
            id="children-of-a-country",
        ),
    ],
)
def test_a_country_owning_protected_people_is_no_party(stances_of, body, absent):
    assert absent not in stances_of(body)


@pytest.mark.parametrize(
    ("body", "speaker", "absent"),
    [
        pytest.param(
            "Any such use is a clear violation of the Chemical Weapons Convention.",
            "france",
            ("france", "cwc", "critical"),
            id="a-convention-violated",
        ),
        pytest.param(
            "This is a flagrant breach of Security Council resolutions.",
            "canada",
            ("canada", "unsc", "critical"),
            id="resolutions-breached",
        ),
        pytest.param(
            "The strikes were a gross violation of the UN Charter.",
            "russia",
            ("russia", "united-nations", "critical"),
            id="a-charter-violated",
        ),
    ],
)
def test_a_norm_broken_is_no_one_at_fault(stances_of, body, speaker, absent):
    assert absent not in stances_of(body, speaker)


# Probes written to look like the two triggers above: each must keep its edge.
@pytest.mark.parametrize(
    ("body", "speaker", "expected"),
    [
        pytest.param(
            "Canada condemned Syria's attacks on hospitals in Idlib on Monday.",
            None,
            ("canada", "syria", "critical"),
            id="the-owner-of-an-attack-not-of-the-hospitals",
        ),
        pytest.param(
            "Canada will support Jordan, which hosts 600,000 refugees from Syria.",
            None,
            ("canada", "jordan", "supportive"),
            id="the-host-of-refugees-is-still-supported",
        ),
        pytest.param(
            "The EU stands with the people of Syria as they suffer at the hands of the Assad "
            "regime.",
            None,
            ("european-union", "syria", "critical"),
            id="the-people-of-a-country-are-left-to-the-peoples-rule",
        ),
        pytest.param(
            "Germany criticised Syria's violation of the ceasefire.",
            None,
            ("germany", "syria", "critical"),
            id="the-violator-named-as-possessor",
        ),
        pytest.param(
            "France denounced the crimes of the Assad regime.",
            None,
            ("france", "syria", "critical"),
            id="crimes-of-a-doer-not-a-norm",
        ),
        pytest.param(
            "The failure of Russia's policy is plain.",
            "united-kingdom",
            ("united-kingdom", "russia", "critical"),
            id="a-policy-is-no-norm",
        ),
        pytest.param(
            "Turkey accused Russia of violating the agreement on Idlib.",
            None,
            ("turkey", "russia", "critical"),
            id="the-accused-violator-of-an-agreement",
        ),
        pytest.param(
            "The United States condemned Iran's breach of the nuclear deal.",
            None,
            ("united-states", "iran", "critical"),
            id="a-breach-owned-by-its-doer",
        ),
    ],
)
def test_probes_that_keep_their_edges(stances_of, body, speaker, expected):
    assert expected in stances_of(body, speaker)
