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
