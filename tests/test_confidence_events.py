"""Event confidence features read from other features, so frozen blind rows carry them too."""

from __future__ import annotations

import json

from etl import calibrate
from etl.confidence import derived_features


def test_a_relative_date_before_the_publication_day_is_told_apart_from_one_on_it():
    earlier = derived_features("events", ["date=relative", "on_publication_day=false"])
    on_the_day = derived_features("events", ["date=relative", "on_publication_day=true"])
    assert earlier == ["relative_day=earlier"]
    assert on_the_day == ["relative_day=publication"]


def test_a_written_date_has_no_relative_day():
    assert derived_features("events", ["date=written", "on_publication_day=false"]) == [
        "relative_day=none"
    ]


def test_other_tables_get_no_derived_event_feature():
    assert derived_features("statements", ["date=relative"]) == []


def test_frozen_blind_rows_gain_the_derived_feature_so_the_fit_keeps_it(tmp_path):
    path = tmp_path / "blind_rows.jsonl"
    rows = [
        {"table": "events", "article": "a1", "right": False,
         "features": ["type=attack", "date=relative", "on_publication_day=false"]},
        {"table": "statements", "article": "a1", "right": True, "features": ["cue=say"]},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    samples = calibrate.read_frozen(path, 1.0, 3)
    assert "relative_day=earlier" in samples["events"][0].features
    assert samples["statements"][0].features == ("cue=say",)
