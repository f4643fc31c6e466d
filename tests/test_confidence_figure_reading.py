"""Confidence features of figures that separate right from wrong rows across gold sets: whether
the category came from a fallback (a count typed `other` with no cue of its own), how far the
nearest cue of its category is, and the sentence's other numbers. The fallback reading is
derived from older features, so frozen blind rows (kept only as feature names) get it too."""

from __future__ import annotations

import json

from etl import calibrate, confidence
from tests.test_confidence_generalisation import EXTRACTION, figure

FIRST = "Shelling killed 40 people and forced 12,000 to flee, the agency said."


def features(row) -> set[str]:
    return set(confidence.row_features("figures", row, EXTRACTION, {}))


def test_a_count_typed_other_without_its_own_cue_is_a_fallback_reading():
    assert "reading=fallback" in features(figure("40", "other", FIRST))
    assert "reading=uncued" in features(figure("40", "troops", FIRST))
    assert "reading=cued" in features(figure("40", "killed", FIRST))


def test_the_gap_to_the_nearest_cue_of_the_figures_category_is_measured_in_words():
    assert "cue_gap=0-2" in features(figure("40", "killed", FIRST))  # "killed 40"
    assert "cue_gap=none" in features(figure("40", "troops", FIRST))
    far = "Shelling killed many in the town over the weekend and then 40 more, officials said."
    assert "cue_gap=7+" in features(figure("40", "killed", far, body=far))


def test_the_sentences_other_numbers_are_counted():
    assert "other_numbers=1" in features(figure("40", "killed", FIRST))
    assert "other_numbers=0" in features(figure("650,000", "refugees", "Jordan: 650,000"))


def test_frozen_rows_get_the_derived_reading_but_not_the_text_features(tmp_path):
    path = tmp_path / "blind_rows.jsonl"
    rows = [
        {"table": "figures", "article": "a", "right": False,
         "features": ["category=other", "own_cue=false", "family=noun"]},
        {"table": "figures", "article": "a", "right": True,
         "features": ["category=killed", "own_cue=true", "family=noun"]},
        {"table": "events", "article": "a", "right": True, "features": ["type=attack"]},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    frozen = calibrate.read_frozen(path, 3.0, 5)
    first, second = frozen["figures"]
    assert "reading=fallback" in first.features and "reading=cued" in second.features
    assert not any(f.startswith(("cue_gap=", "other_numbers=")) for f in first.features)
    assert frozen["events"][0].features == ("type=attack",)
