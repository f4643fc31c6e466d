"""Confidence features of figures read from the sentence (how far the nearest cue of the
figure's category is, the sentence's other numbers), and the guard that keeps a feature group
out of the fit while the frozen blind rows, written by older code, do not carry it."""

from __future__ import annotations

from etl import calibrate, confidence
from etl.calibrate import Sample
from tests.test_confidence_generalisation import EXTRACTION, figure

FIRST = "Shelling killed 40 people and forced 12,000 to flee, the agency said."


def features(row) -> set[str]:
    return set(confidence.row_features("figures", row, EXTRACTION, {}))


def test_the_gap_to_the_nearest_cue_of_the_figures_category_is_measured_in_words():
    assert "cue_gap=0-2" in features(figure("40", "killed", FIRST))  # "killed 40"
    assert "cue_gap=none" in features(figure("40", "troops", FIRST))
    far = "Shelling killed many in the town over the weekend and then 40 more, officials said."
    assert "cue_gap=7+" in features(figure("40", "killed", far, body=far))


def test_the_sentences_other_numbers_are_counted():
    assert "other_numbers=1" in features(figure("40", "killed", FIRST))
    assert "other_numbers=0" in features(figure("650,000", "refugees", "Jordan: 650,000"))


def rows(set_index: int, right: bool, features: tuple[str, ...], n: int) -> list[Sample]:
    return [Sample(f"{set_index}:a{i}", features, right, 1.0, set_index) for i in range(n)]


def test_a_feature_group_missing_from_one_set_gets_no_weight():
    # Sets 0 and 1 are tuned text whose rows carry cue_gap; set 2 (frozen blind rows of older
    # code) lacks it and is mostly wrong. Fitted with cue_gap, "cue_gap absent" would stand
    # for "blind" and no new row could ever show it.
    samples = [
        *rows(0, True, ("category=killed", "cue_gap=none"), 20),
        *rows(0, False, ("category=other", "cue_gap=none"), 2),
        *rows(1, True, ("category=killed", "cue_gap=0-2"), 20),
        *rows(1, False, ("category=other", "cue_gap=0-2"), 2),
        *rows(2, False, ("category=killed",), 10),
        *rows(2, True, ("category=other",), 2),
    ]
    kept = calibrate.shared_features(samples)
    assert {f for s in kept for f in s.features} == {"category=killed", "category=other"}
    fit = calibrate.fit_table(samples)
    assert not any(name.startswith("cue_gap=") for name in fit.model.weights)


def test_feature_groups_every_set_carries_are_all_kept():
    samples = [*rows(0, True, ("a=1", "b=2"), 3), *rows(1, False, ("a=2", "b=1"), 3)]
    assert calibrate.shared_features(samples) == samples
