"""The event extractor split by stage (issue: extractors split by cue family into small modules):
each module imports on its own (no import cycle), stays small, and every ablation switch lives in
exactly one module, the one whose code reads it, so patching that module turns the rule off."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

MODULES = [
    "event_trees",
    "event_rules",
    "event_cues",
    "event_merges",
    "event_timing",
    "event_rows",
    "event_anchors",
    "event_scopes",
    "event_retyping",
    "event_sentences",
    "event_reports",
    "events",
]
SWITCHES = {
    "event_cues": ["WAR_STATE_SINCE", "PRESENT_FORMS"],
    "event_timing": ["WAR_SINCE", "DECIDED_TO"],
    "event_anchors": ["CAPTION_SCENES"],
    "event_retyping": [
        "MEETINGS_NEED_ACTORS",
        "ENTERED_PLACES",
        "ENDED_HAPPENINGS",
        "MODIFIER_NOUNS",
        "NUMBERED_RESOLUTIONS",
        "NAMED_OPERATIONS",
    ],
    "event_sentences": ["PRESENT_REPORTS_UNDATED", "REPORT_OWN_CLAUSE"],
    "events": [
        "NEWS_BESIDE_NESTED_DATES",
        "FORUM_OF_THE_DAY",
        "MONTH_PAGE_REPORTS",
        "BRIEFING_REPORTS",
        "MEETING_BEFORE_REPORT",
        "FORUM_BESIDE_REPORT",
        "RETALIATIONS",
    ],
}


@pytest.mark.parametrize("name", MODULES)
def test_each_module_imports_on_its_own(name):
    done = subprocess.run(
        [sys.executable, "-c", f"import etl.{name}"],
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("name", MODULES)
def test_each_module_is_small(name):
    path = Path(__file__).resolve().parents[1] / "etl" / f"{name}.py"
    assert len(path.read_text(encoding="utf-8").splitlines()) < 500


@pytest.mark.parametrize("home,switch", [(m, s) for m, ss in SWITCHES.items() for s in ss])
def test_a_switch_lives_in_one_module(home, switch):
    holders = [m for m in MODULES if hasattr(importlib.import_module(f"etl.{m}"), switch)]
    assert holders == [home]
    assert getattr(importlib.import_module(f"etl.{home}"), switch) is True


def test_the_entry_point_keeps_its_names():
    from etl import events

    for name in ("extract_events", "load_event_rules", "_find_triggers", "_dated_scene"):
        assert callable(getattr(events, name))
    for name in ("_date_of_another_verb", "_named_operation", "_inside_name"):
        assert callable(getattr(events, name))
