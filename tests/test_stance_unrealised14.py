"""Negation and the unreal past of a governing verb reach the content it carries (issue 9, round
14 reviewer; precision bugs found by the stances14 probes, general over any text):

- a participle describing the object of a verb borrows that verb's subject (`subject_of`), so it
  borrows its negation too: "Canada did not back the resolution condemning Israel" is no
  canada -> israel critical (`_Clauses._walk_negated`, `_OBJECTS_LENDING`);
- a verb of the unreal past, a modal of [counterfactual] with "have" and a past participle
  ("would have backed", "should have condemned"), says what did not happen: nothing below it is a
  stance (`ArticleWords.counterfactual_heads`, `_Clauses._unreal`);
- whose norm a fault breaks ("the violation of Ukraine's sovereignty", "the violation of the Iran
  deal") is the party wronged or bound, no target (`_ActorLookup._owns_protected`, `_broken`).

Sentences written for these tests in the style of wire copy; the probes at the end look like the
triggers but must keep their edges.
"""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stance_owners14 import _ACTORS, _FORMS
from tests.test_stances import make_context, triples


@pytest.fixture
def stances_of(nlp):
    def run(body: str) -> set[tuple[str, str, str]]:
        ctx = make_context(nlp, body, _ACTORS, _FORMS)
        return triples(extract_stances(ctx, []), ctx)

    return run


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        # negation of the governing verb
        ("Canada did not back the resolution condemning Israel.", ("canada", "israel")),
        ("Canada did not sign the statement criticising Israel.", ("canada", "israel")),
        ("Canada did not issue a statement condemning Israel.", ("canada", "israel")),
        ("France never supported a draft condemning Russia.", ("france", "russia")),
        # the unreal past
        (
            "Germany would have backed a resolution condemning Russia if it had been tabled.",
            ("germany", "russia"),
        ),
        (
            "France would have signed a letter condemning Russia had it been asked.",
            ("france", "russia"),
        ),
        (
            "Canada would have condemned Israel had the report been confirmed.",
            ("canada", "israel"),
        ),
        ("France would not have supported a motion denouncing Russia.", ("france", "russia")),
        # whose broken norm it is
        ("Canada criticised the violation of Ukraine's sovereignty.", ("canada", "ukraine")),
        (
            "The violation of the Iran deal by the United States was condemned by France.",
            ("france", "iran"),
        ),
    ],
)
def test_unrealised_or_wronged_gives_no_edge(stances_of, body, absent):
    assert not any((s, t) == absent for s, t, _ in stances_of(body))


@pytest.mark.parametrize(
    ("body", "edge"),
    [
        ("Canada backed the resolution condemning Israel.", ("canada", "israel", "critical")),
        ("Canada had backed the resolution condemning Israel.", ("canada", "israel", "critical")),
        ("France issued a statement condemning Russia.", ("france", "russia", "critical")),
        ("Germany would condemn Russia, the minister said.", ("germany", "russia", "critical")),
        # probes: a negation or an unreal past elsewhere in the sentence is not the carrier's
        (
            "Canada not only backed the resolution condemning Israel but also recalled its "
            "ambassador.",
            ("canada", "israel", "critical"),
        ),
        (
            "Canada backed the resolution condemning Israel, though it did not sponsor it.",
            ("canada", "israel", "critical"),
        ),
        (
            "Germany would have liked a tougher text but backed the resolution condemning Russia.",
            ("germany", "russia", "critical"),
        ),
        (
            "Canada, which would have preferred a softer text, backed the resolution condemning "
            "Israel.",
            ("canada", "israel", "critical"),
        ),
        (
            "France issued a statement condemning Russia, not the first of its kind.",
            ("france", "russia", "critical"),
        ),
        (
            "Germany did not wait long before issuing a statement condemning Russia.",
            ("germany", "russia", "critical"),
        ),
        # a broken norm's owner aside, the one at fault is still read
        (
            "Germany condemned Russia's breach of the Minsk agreement.",
            ("germany", "russia", "critical"),
        ),
        (
            "Canada condemned Russia for violating Ukraine's sovereignty.",
            ("canada", "russia", "critical"),
        ),
        (
            "Canada welcomed Russia's commitment to the ceasefire.",
            ("canada", "russia", "supportive"),
        ),
    ],
)
def test_realised_edges_stay(stances_of, body, edge):
    assert edge in stances_of(body)


def test_a_charge_in_the_speakers_words_stands_under_the_unreal_past(stances_of):
    """The nominal charge is the writer's own, whatever the imagined text would have done
    (real_dev "any text that would have defended ... from Assad's brutality")."""
    found = stances_of(
        "France said Russia had sought for weeks to weaken any text that would have defended the "
        "lives of innocent civilians from the Assad regime's brutality."
    )
    assert ("france", "syria", "critical") in found
