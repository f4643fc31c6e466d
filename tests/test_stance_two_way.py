"""Wars told from one side are wars of both (etl.stance_two_way), and the parties of a war
noun that the parser hangs elsewhere (etl.stance_facts)."""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stances import make_context, triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Russia's war against Ukraine entered its third year.",
            {("russia", "ukraine", "critical"), ("ukraine", "russia", "critical")},
            id="a-war-against-an-enemy-is-critical-both-ways",
        ),
        pytest.param(
            "Western allies pressed Canada to end the war against Hamas.",
            {("canada", "hamas", "critical"), ("hamas", "canada", "critical")},
            id="the-one-asked-to-end-a-war-wages-it",
        ),
        pytest.param(
            "Israel launched an offensive against Hamas.",
            {("israel", "hamas", "critical")},
            id="an-offensive-is-one-way",
        ),
        pytest.param(
            "Canada condemned Russia's war on Ukraine.",
            {
                ("canada", "russia", "critical"),
                ("russia", "ukraine", "critical"),
                ("ukraine", "russia", "critical"),
            },
            id="a-condemned-war-is-still-both-parties-war",
        ),
        pytest.param(
            "The conflict erupted on April 15 between Sudan's army and the RSF.",
            {("sudan", "rsf", "critical"), ("rsf", "sudan", "critical")},
            id="parties-hung-on-the-date-of-the-verb-a-war-is-subject-of",
        ),
        pytest.param(
            "Clashes erupted between Hamas and Israel on Monday.",
            {("hamas", "israel", "critical"), ("israel", "hamas", "critical")},
            id="parties-hung-on-the-verb-a-war-is-subject-of",
        ),
    ],
)
def test_wars_are_two_way(nlp, body, expected):
    ctx = make_context(nlp, body)
    assert triples(extract_stances(ctx, []), ctx) == expected
