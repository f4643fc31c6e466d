"""Garbage collection kept off long-lived objects (etl.heap): frozen during an analysis,
paused during a large build, and always put back as it was."""

from __future__ import annotations

import gc

from etl.heap import frozen_heap, paused_gc


def test_objects_alive_when_the_analysis_starts_are_frozen_until_it_ends():
    model_like = [{"weights": [n]} for n in range(1000)]  # long-lived, as the model is
    assert gc.get_freeze_count() == 0
    with frozen_heap():
        assert gc.get_freeze_count() >= len(model_like)
        made_inside = [[n] for n in range(10)]
        assert all(gc.is_tracked(obj) for obj in made_inside)
    assert gc.get_freeze_count() == 0, "the interpreter's exit must finalise them again"


def test_a_failing_analysis_still_unfreezes_the_heap():
    try:
        with frozen_heap():
            raise RuntimeError("analysis failed")
    except RuntimeError:
        pass
    assert gc.get_freeze_count() == 0


def test_collection_is_paused_during_a_build_and_enabled_again_after():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_pause_inside_a_pause_leaves_collection_off_until_the_outer_one_ends():
    gc.disable()
    try:
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled(), "it was off before: it stays off"
    finally:
        gc.enable()
