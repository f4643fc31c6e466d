"""A speaker's charge against a doer told in the speaker's own words (issue 9, stances13b; pooled
misses over real_dev … real_dev11 whose source is the statement's speaker and is not named in the
sentence: real_dev6 hr04, real_dev7 hs01/hs10, real_dev9 hu23): a judging adjective on a conduct
noun whose doer is named, relief a subject obstructs, and a doer's own people struck are the
teller's `critical` stance toward the doer (`etl.stance_charges`). Sentences written for these
tests; the look-alikes below (narration, headlines, negation, hypotheses, calls, questions, a third
party's accusation, the victim named after "of", other senses of "block") must not fire."""

from __future__ import annotations

import pytest

from etl import stance_charges
from tests.test_stance_retaking import real_triples

SAID = ", Canada's foreign minister Melanie Joly said."


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            '"The abhorrent actions of the Assad regime that we saw last week must never be '
            'repeated"' + SAID,
            ("canada", "syria", "critical"),
            id="judged-conduct-of-a-doer",
        ),
        pytest.param(
            '"The reprehensible conduct of Russia in Idlib has cost thousands of lives"' + SAID,
            ("canada", "russia", "critical"),
            id="judged-conduct-of-a-country",
        ),
        pytest.param(
            '"The Assad regime prevented UN aid workers from reaching the besieged town"' + SAID,
            ("canada", "syria", "critical"),
            id="aid-workers-prevented",
        ),
        pytest.param(
            '"Israel is still blocking thousands of patients from leaving for treatment"' + SAID,
            ("canada", "israel", "critical"),
            id="patients-blocked",
        ),
        pytest.param(
            '"The Syrian regime continues to bomb its own people"' + SAID,
            ("canada", "syria", "critical"),
            id="own-people-bombed",
        ),
    ],
)
def test_a_charge_in_the_speakers_words_is_the_speakers_stance(nlp, body, expected):
    assert expected in real_triples(nlp, body)


def _without_charges(monkeypatch):
    for name in ("conduct_judged", "relief_obstructed", "own_people_struck"):
        monkeypatch.setattr(stance_charges, name, lambda finder, token, edge: iter(()))


@pytest.mark.parametrize(
    "body",
    [
        '"The abhorrent actions of the Assad regime that we saw last week must never be '
        'repeated"' + SAID,
        '"The Assad regime prevented UN aid workers from reaching the besieged town"' + SAID,
        '"The Syrian regime continues to bomb its own people"' + SAID,
    ],
)
def test_without_the_rules_the_charge_is_lost(nlp, monkeypatch, body):
    """The edges above come from `etl.stance_charges`, not from another rule."""
    _without_charges(monkeypatch)
    assert ("canada", "syria", "critical") not in real_triples(nlp, body)


# Look-alikes that must not fire (the self-review probes of stances13b).
PROBES = [
    # narration and a third party's view: no teller of the charge
    "Opposition activists say the government continues to bomb its own people in the north.",
    "Assad regime blocks UN aid convoy to Rukban camp",
    "Russia blocked humanitarian access to Idlib, according to a report by residents.",
    # negation, hypotheses, modals, calls
    '"Russia did not block the aid convoy"' + SAID,
    '"If Syria blocks aid deliveries again, we will respond"' + SAID,
    '"Canada could block the shipment of aid if the rules are broken"' + SAID,
    '"Egypt must stop blocking aid trucks at Rafah"' + SAID,
    '"Syria\'s army will never bomb its own people," Syrian President Bashar al-Assad said.',
    # a question (a reporter's or a host's) charges no one
    '"Is the Syrian government still blocking aid convoys to Madaya?" the BBC asked Canada\'s '
    "foreign minister Melanie Joly.",
    # a third party's accusation reported by the speaker
    '"Turkey accused the regime of blocking aid convoys to the north"' + SAID,
    # other senses and shapes: no relief blocked, the victim after "of", a passive with no doer,
    # a war (no conduct noun), the speaker's own act
    '"The new dam will block access to the river"' + SAID,
    '"Police blocked the road to the stadium before the match"' + SAID,
    '"The illegal occupation of Crimea must end"' + SAID,
    '"Aid convoys were blocked at the border for three days"' + SAID,
    '"The brutal war in Syria has displaced millions"' + SAID,
    '"The heinous crimes of the past must never be forgotten"' + SAID,
    '"We prevented the convoy from being looted," the UN said.',
    '"Russia\'s brutal actions in Ukraine are a lie invented by the West," Russian Foreign '
    "Minister Sergei Lavrov said.",
]


@pytest.mark.parametrize("body", PROBES)
def test_look_alikes_add_no_charge(nlp, monkeypatch, body):
    with_rules = real_triples(nlp, body)
    _without_charges(monkeypatch)
    assert with_rules == real_triples(nlp, body)


def test_a_question_is_no_charge(nlp):
    """The probe that misfired before `_asked`: a reporter's question read as the BBC's charge."""
    body = (
        '"Is the Syrian government still blocking aid convoys to Madaya?" the BBC asked Canada\'s '
        "foreign minister Melanie Joly."
    )
    assert not any(t[2] == "critical" and t[1] == "syria" for t in real_triples(nlp, body))


# A wire dateline the parser takes for the subject (real_dev11 hw07, `_past_dateline` in
# `etl.stance_clauses`): the place a story was filed never acts.
def test_a_dateline_taken_for_the_subject_does_not_act(nlp):
    body = (
        "UNITED NATIONS (AP) — China on Friday vetoed a British-drafted resolution to renew the "
        "mandate of monitors investigating attacks in Myanmar."
    )
    triples = real_triples(nlp, body)
    assert ("china", "united-kingdom", "critical") in triples
    assert not any(source == "united-nations" for source, _, _ in triples)


def test_a_name_set_off_by_dashes_is_no_dateline(nlp):
    from etl.stance_clauses import _past_dateline

    doc = nlp("NATO — the Western military alliance — condemned Russia's strikes on Kyiv.")
    nato = doc[0]
    assert _past_dateline(nato) is nato
