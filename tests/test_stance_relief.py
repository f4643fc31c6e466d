"""Relief sent with no recipient named goes to the story's country (etl.stance_relief)."""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stances import make_context, triples

LEDE = "Floods swept through eastern Libya on Sunday, and Libya appealed for help. "


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            LEDE + "Egypt, Turkey and Qatar have flown in search and rescue teams.",
            {(c, "libya", "supportive") for c in ("egypt", "turkey", "qatar")},
            id="flown-in-rescue-teams",
        ),
        pytest.param(
            LEDE + "Germany has offered tents, generators and water pumps.",
            {("germany", "libya", "supportive")},
            id="offered-relief-goods",
        ),
        pytest.param(
            "Gangs control most of Haiti's capital, and Haiti has asked for a foreign force. "
            "Kenya has pledged 1,000 police officers.",
            {("kenya", "haiti", "supportive")},
            id="pledged-police",
        ),
        pytest.param(
            "Kenya said its police could be in Haiti within weeks. Kenya will lead the force, "
            "and Kenya has trained for it. Egypt has also promised personnel.",
            {("egypt", "haiti", "supportive")},
            id="the-helped-country-not-the-one-named-most-as-acting",
        ),
        pytest.param(
            "Ukraine braced for a new offensive, and Ukraine's army dug in. "
            "Russia has deployed more troops and tanks.",
            set(),
            id="troops-are-no-relief",
        ),
        pytest.param(
            LEDE + "Egypt may send rescue teams.",
            set(),
            id="a-possible-dispatch-is-none",
        ),
    ],
)
def test_unaddressed_relief(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected
