"""The gate on high confidence: a row reaches 0.8 only when rows of unseen pages scored as high
were right 8 times in 10 (issue 9: stances at >= 0.8 were right 71% of the time on a sealed set
while the tuned sets promised more)."""

from __future__ import annotations

import pytest

from etl import calibrate, confidence
from etl.calibrate import Sample
from etl.confidence import HIGH, TableModel, gated


def test_a_row_below_the_gate_is_held_under_high_and_the_order_is_kept():
    gate = 0.9
    probabilities = [0.3, 0.79, 0.8, 0.85, 0.899, 0.9, 0.95]
    held = [gated(p, gate) for p in probabilities]
    assert held[:2] == [0.3, 0.79]  # below HIGH: untouched
    assert all(p < HIGH for p in held[2:5])  # between HIGH and the gate: held back
    assert held[5:] == [0.9, 0.95]  # at or above the gate: untouched
    assert held == sorted(held)


def test_a_model_file_without_a_gate_scores_as_before():
    data = {"intercept": 1.0, "weights": {"cue=condemn": 2.0}, "platt": {"scale": 1.0, "shift": 0}}
    model = TableModel.from_dict(data)
    assert model.gate == 0.0
    assert model.probability(["cue=condemn"]) == pytest.approx(confidence.sigmoid(3.0))
    assert model.probability(["cue=condemn"]) > HIGH


def test_the_gate_is_written_and_read_back():
    model = TableModel(1.0, {"cue=condemn": 2.0}, 1.0, 0.0, gate=0.97)
    again = TableModel.from_dict(model.as_dict())
    assert again.gate == pytest.approx(0.97)
    # σ(3) = 0.953 is above HIGH but under the gate: held back.
    assert model.platt(["cue=condemn"]) > HIGH
    assert again.probability(["cue=condemn"]) < HIGH


def _rows(spec: list[tuple[float, int, int]]) -> tuple[list[float], list[bool]]:
    """(probability, right rows, wrong rows) -> probabilities and labels."""
    probabilities: list[float] = []
    labels: list[bool] = []
    for p, right, wrong in spec:
        probabilities += [p] * (right + wrong)
        labels += [True] * right + [False] * wrong
    return probabilities, labels


def test_no_gate_when_unseen_rows_at_high_keep_the_promise():
    probabilities, labels = _rows([(0.85, 17, 3), (0.6, 5, 5)])
    assert calibrate.blind_gate(probabilities, labels) == 0.0


def test_the_gate_rises_to_where_unseen_rows_keep_the_promise():
    # 20 rows at 0.95 right 18 times; 20 more at 0.82 right 8 times: all 40 at >= 0.8 right 65%.
    probabilities, labels = _rows([(0.95, 18, 2), (0.82, 8, 12), (0.5, 3, 7)])
    gate = calibrate.blind_gate(probabilities, labels)
    assert gate == pytest.approx(0.95)
    assert gated(0.82, gate) < HIGH
    assert gated(0.95, gate) == 0.95


def test_no_row_reaches_high_when_no_threshold_keeps_the_promise_on_enough_rows():
    # The only precise group is too small to promise anything on (5 rows < GATE_MIN_ROWS).
    probabilities, labels = _rows([(0.97, 5, 0), (0.85, 20, 15)])
    assert calibrate.blind_gate(probabilities, labels) == 1.0
    assert gated(0.97, 1.0) < HIGH


def test_without_blind_rows_there_is_no_gate():
    assert calibrate.blind_gate([], []) == 0.0


def _sample(i: int, features: tuple[str, ...], right: bool, set_index: int, blind: bool) -> Sample:
    family = set_index - 3 if blind else -1
    return Sample(f"{set_index}:a{i % 4}", features, right, 3.0, set_index, blind, family)


def test_a_fit_whose_high_rows_fail_on_blind_pages_holds_them_under_high():
    """Tuned sets: a cue right 19 times in 20. Blind files of the same sets: the same cue right
    only 11 times in 20. The Platt step, half tuned, still promises the cue more than 0.8; the
    gate, read on the blind rows alone, holds it back."""
    samples: list[Sample] = []
    for set_index in range(3):  # three tuned sets
        for i in range(20):
            samples.append(_sample(i, ("cue=condemn",), i != 0, set_index, False))
            samples.append(_sample(i, ("cue=meet",), i % 2 == 0, set_index, False))
    for set_index in range(3, 6):  # their blind files, families 0-2
        for i in range(20):
            samples.append(_sample(i, ("cue=condemn",), i % 20 < 11, set_index, True))
            samples.append(_sample(i, ("cue=meet",), i % 3 == 0, set_index, True))
    model = calibrate.fit_calibrated(samples, 1.0)
    assert model.gate > 0.0
    assert model.probability(("cue=condemn",)) < HIGH
    assert model.probability(("cue=condemn",)) > model.probability(("cue=meet",))


# Probes (self-review): ordinary news sentences that look like stance cues but state no stance
# (other senses, negation, plans, a third party's words, a caption, page furniture), and the
# misreadings the blind files showed (a joint act read as every party backing every other, a
# vote "against" a text, support for "the people of" a country). Any stance row the ETL writes
# on them is wrong, so none may reach HIGH.
PROBES = (
    "Ministers meet in Brussels as aid talks stall\n\n"
    "Norway will not support a new round of sanctions against Belarus until the European Union "
    "publishes its review, a Norwegian diplomat said on Tuesday.\n\n"
    "Analysts said Chile could back Peru's bid for a seat on the council next year if the two "
    "governments settle their fishing dispute.\n\n"
    "The Kenyan runner, who trains in Ethiopia, attacked the hill at the 30-kilometre mark and "
    "held on to win the race.\n\n"
    '"Germany has betrayed Greece," a protester shouted outside the embassy, according to a '
    "local radio station.\n\n"
    "Japan did not condemn the missile test, and its foreign ministry declined to comment.\n\n"
    "Brazil plans to hold talks with Argentina next month on a shared power line.\n\n"
    "Photo: Indian and Pakistani flags at a cricket match in Dubai (AFP)\n\n"
    "Sign up for our newsletter to get the latest on Canada and Mexico trade.\n\n"
    "The African Union thanked Egypt for its move to stand by the people of Sudan, a spokesman "
    "said on Monday.\n\n"
    "Kenya, Uganda and Tanzania have agreed to resume talks on a regional rail line, officials "
    "said.\n\n"
    "The United States, Britain and France voted against the Russian text, saying it was too "
    "short.\n\n"
    "Photo caption: A poster reading 'Canada has met its refugee goal' hangs in Toronto "
    "(Reuters)\n"
)


def test_no_stance_on_the_probe_sentences_reaches_high_confidence(nlp):
    from datetime import date

    from etl.pipeline import Analyser
    from etl.types import Article

    article = Article(
        "probe", "probe.txt", None, None, None, date(2025, 5, 12), "day", "en", PROBES, "sha"
    )
    (extraction,) = Analyser(nlp=nlp).analyse([article])
    assert all(s.confidence is not None for s in extraction.stances)
    high = [(s.source_id, s.target_id, s.polarity, s.confidence) for s in extraction.stances]
    assert [h for h in high if h[3] >= HIGH] == []
    # A gate only ever lowers: the same rows under any gate stay below HIGH too.
    assert all(gated(s.confidence, 0.95) < HIGH for s in extraction.stances)
