"""Joint documents, "the sides", co-guarantors and groups listed "among them" (etl.stance_joint)."""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stances import make_context, triples


def _both_ways(*parties: str) -> set[tuple[str, str, str]]:
    return {(a, b, "supportive") for a in parties for b in parties if a != b}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "The next round of talks will be held before the end of the year, says the joint "
            "statement of Russia, Iran and Turkey, adopted after the meeting.",
            _both_ways("russia", "iran", "turkey"),
            id="the-parties-of-a-joint-statement-in-its-of-phrase",
        ),
        pytest.param(
            "The truce was organised by Saudi Arabia and the United States, which also issued a "
            "joint statement on aid deliveries.",
            _both_ways("saudi-arabia", "united-states"),
            id="the-subject-that-issues-a-joint-statement",
        ),
        pytest.param(
            "Germany issued a statement on aid deliveries.",
            set(),
            id="a-statement-of-one-party-is-no-relation",
        ),
        pytest.param(
            "The meeting ended on Friday, says a joint statement of Russia, Iran and Turkey. "
            "The sides expressed their gratitude to Qatar for hosting the talks.",
            _both_ways("russia", "iran", "turkey")
            | {(p, "qatar", "supportive") for p in ("russia", "iran", "turkey")},
            id="the-sides-are-the-parties-named-together-before",
        ),
        pytest.param(
            "Officials told reporters that Turkey and Russia will serve as guarantors under the "
            "agreement.",
            _both_ways("turkey", "russia"),
            id="co-guarantors-of-a-deal",
        ),
        pytest.param(
            "Canada asked Turkey and Russia to act as guarantors of the truce.",
            set(),
            id="guarantors-only-asked-for-are-no-deal",
        ),
        pytest.param(
            "Talks resumed under the American-Saudi initiative on Monday.",
            _both_ways("united-states", "saudi-arabia"),
            id="two-countries-joined-by-a-hyphen-before-an-initiative",
        ),
        pytest.param(
            "Canadian-Russian relations are at a low point.",
            set(),
            id="hyphenated-relations-are-no-partnership",
        ),
        pytest.param(
            "Justin Trudeau thanked the countries that voted for the resolution, among them were "
            "Egypt, France and Germany.",
            {("canada", c, "supportive") for c in ("egypt", "france", "germany")},
            id="thanked-group-listed-among-them",
        ),
    ],
)
def test_joint_acts(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected
