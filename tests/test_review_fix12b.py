"""Review fix12b: three misfires on ordinary news text (issue 9), on sentences written for these
tests.

1. A person named inside the subject's "of" phrase of people around them ("Critics of Prime
   Minister Jane Doe said", "allies of President X said") is not the speaker
   (`etl.listed_parties.around_someone`); a title's holder still is ("a spokesman for X").
2. A sanction lifted, eased, waived or suspended, or an imposing verb only planned ("will extend
   the sanctions next month") or denied, is no critical stance of the `[nominal critical]`
   "sanction+on" cue (`[sanction lifting]` in etl/rules/stance_cues.txt, `stance_nominal`).
3. "voted for the Russian-drafted text": Russia drafted the text, it is not its target
   (`etl.stance_vetoes.drafters` reads "X-drafted", "X-sponsored").
"""

from __future__ import annotations

import pytest

from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)
from tests.test_stance_retaking import real_triples

# --- 1. people around a person do not speak for them -------------------------------------------


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("Critics of Prime Minister Boris Johnson said the plan would fail.", "boris-johnson"),
        ("Allies of President Emmanuel Macron said the reform would pass.", "emmanuel-macron"),
        ("\u201cThe reform will pass,\u201d allies of President Emmanuel Macron said.",
         "emmanuel-macron"),
        ("Relatives of Prime Minister Boris Johnson said he was recovering well.",
         "boris-johnson"),
        ("Rivals of Turkish President Recep Tayyip Erdogan said the election was unfair.",
         "recep-tayyip-erdogan"),
    ],
)  # fmt: skip
def test_people_around_a_person_are_not_that_person(statements_of, body, named):  # noqa: F811
    assert named not in [s.speaker_id for s in statements_of(body)]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("A spokeswoman for President Emmanuel Macron said the talks would continue.",
         "emmanuel-macron"),
        ("Boris Johnson, a critic of the plan, said it would fail.", "boris-johnson"),
    ],
)  # fmt: skip
def test_a_title_holder_or_a_named_critic_still_speaks(statements_of, body, speaker):  # noqa: F811
    assert [s.speaker_id for s in statements_of(body)] == [speaker]


# --- 2. sanctions lifted or only planned are no critical stance --------------------------------


@pytest.mark.parametrize(
    ("body", "unwanted"),
    [
        ("The EU lifted sanctions on Syria on Monday.", ("european-union", "syria", "critical")),
        ("The European Union eased sanctions on Iran last year.",
         ("european-union", "iran", "critical")),
        ("The United States waived sanctions on Turkey for six months.",
         ("united-states", "turkey", "critical")),
        ("The EU suspended sanctions on Syria after the earthquake.",
         ("european-union", "syria", "critical")),
        ("The EU will extend the sanctions on Russia next month.",
         ("european-union", "russia", "critical")),
    ],
)  # fmt: skip
def test_lifted_or_planned_sanctions_are_no_critical_stance(nlp, body, unwanted):
    assert unwanted not in real_triples(nlp, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The EU imposed sanctions on Syria on Monday.", ("european-union", "syria", "critical")),
        ("The EU extended the sanctions on Russia on Monday.",
         ("european-union", "russia", "critical")),
        ("The United States demanded sanctions on Iran.", ("united-states", "iran", "critical")),
    ],
)  # fmt: skip
def test_sanctions_imposed_or_demanded_are_still_critical(nlp, body, expected):
    assert expected in real_triples(nlp, body)


# --- 3. the drafter of a voted text is not its target ------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected", "unwanted"),
    [
        ("Britain voted for the Russian-drafted text on Thursday.",
         ("united-kingdom", "russia", "supportive"), ("united-kingdom", "russia", "critical")),
        ("Britain voted against the Russian-drafted text on Thursday.",
         ("united-kingdom", "russia", "critical"), ("united-kingdom", "russia", "supportive")),
        ("Britain voted for the U.S.-sponsored resolution.",
         ("united-kingdom", "united-states", "supportive"),
         ("united-kingdom", "united-states", "critical")),
    ],
)  # fmt: skip
def test_a_hyphenated_drafter_is_no_target_of_its_text(nlp, body, expected, unwanted):
    triples = real_triples(nlp, body)
    assert expected in triples
    assert unwanted not in triples


# --- self-review probes: look-alikes of the three fixes that must not fire ---------------------


@pytest.mark.parametrize(
    ("body", "unwanted"),
    [
        ("The EU lifted its ban on flights to Syria.", ("european-union", "syria", "critical")),
        ("The United States could extend sanctions on Russia next month.",
         ("united-states", "russia", "critical")),
        ("Washington did not renew sanctions on Turkey.", ("united-states", "turkey", "critical")),
        ("The EU welcomed the easing of sanctions on Syria by the United States.",
         ("united-states", "syria", "critical")),
        ("Sanctions on Iran were lifted by the United Nations in 2016.",
         ("united-nations", "iran", "critical")),
        ("Britain voted for the Syrian-drafted constitution.",
         ("united-kingdom", "syria", "supportive")),
        ("Britain voted for the resolution on Syria drafted by France.",
         ("united-kingdom", "france", "critical")),
        ("Russia vetoed the French-drafted text on Syria.", ("russia", "france", "supportive")),
    ],
)  # fmt: skip
def test_look_alikes_of_the_fixes_yield_no_stance(nlp, body, unwanted):
    assert unwanted not in real_triples(nlp, body)


def test_opponents_of_a_government_are_not_its_voice(statements_of):  # noqa: F811
    assert [s.speaker_id for s in statements_of("Opponents of the government said the vote had "
                                                 "been rigged.")] == []  # fmt: skip
