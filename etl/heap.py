"""Keeping Python's cyclic garbage collector off the objects that live for the whole run.

The collector's full passes walk every tracked object in the process: once the spaCy model
(some 400,000 objects) and the place gazetteer (as many again) are loaded, each pass walks
them all, although none of them ever becomes garbage, and a run of a few hundred articles makes
dozens of passes. `frozen_heap` moves what is alive when the analysis starts out of the
collector's sight (`gc.freeze`, which CPython recommends before forking workers: a pass no
longer touches those objects, so forked workers keep sharing their memory pages); `paused_gc`
turns the collector off while a large structure without cycles is built in one go. Neither
changes what any object holds: the rows are the same, only the time differs.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Objects alive on entry are left out of garbage collection until exit (then put back, so
    that the interpreter's exit still finalises them)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def paused_gc() -> Iterator[None]:
    """No automatic collection inside (a build that allocates many objects and no cycles)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
