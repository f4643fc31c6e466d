# ruff: noqa: F811  (pytest fixtures imported from other test modules are re-bound as arguments)
"""The briefing pack made from just what is new since the last briefing (issue 14): with the
`added` filter the deck opens with a "What changed" slide listing the new stance changes and
new pairs, each one's evidence sentence in the speaker notes; without it there is none."""

from __future__ import annotations

import io
from datetime import date

from pptx import Presentation

from briefing import deck, pack, queries, ui
from briefing.filters import Filters
from tests.dashboard_fixtures import fixture_warehouse  # noqa: F401
from tests.test_since import MONDAY, briefed  # noqa: F401

TODAY = date(2026, 12, 3)


def context(wh, filters: Filters) -> ui.PageContext:
    return ui.build_context(wh, filters, queries.filter_options(wh))


def slides_of(data: bytes) -> list:
    return list(Presentation(io.BytesIO(data)).slides)


def texts(slide) -> str:
    return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


def table_text(slide) -> str:
    return "\n".join(
        cell.text for s in slide.shapes if s.has_table for row in s.table.rows for cell in row.cells
    )


def notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def test_a_pack_since_a_day_opens_with_what_changed_and_its_evidence(briefed):
    ctx = context(briefed, Filters(added_since=MONDAY))
    slides = slides_of(deck.build(ctx, "Overview: current view", generated=TODAY))
    # Title, what changed, sources (no charts asked for).
    assert len(slides) == 3
    assert "articles added since 2026-11-30" in texts(slides[0])
    changed = slides[1]
    assert "What changed since 2026-11-30" in texts(changed)
    assert "1 new article · 1 stance changed · 1 new pair" in texts(changed)
    table = table_text(changed)
    # Putin on Syria was critical before and is supportive now; Babcock on Syria is new. His
    # stance on Russia is the same as before: not a change, not listed.
    assert "Vladimir Putin → Syria" in table and "critical (" in table
    assert "John Babcock → Syria" in table
    assert "John Babcock → Russia" not in table
    assert table.index("changed") < table.index("new pair")  # changes first
    said = notes(changed)
    new = queries.stances_table(ctx.warehouse, ctx.filters)
    for name, sentence in zip(new["source"], new["evidence"]):
        if name == "Vladimir Putin":
            assert sentence in said  # the whole sentence, for the speaker
    assert "changed: Vladimir Putin → Syria now supportive, was critical" in said
    # The sources are only the new article's.
    assert "Sources" in texts(slides[2])
    assert len([r for s in slides[2].shapes if s.has_table for r in s.table.rows]) == 2


def test_a_pack_of_everything_has_no_what_changed_slide(briefed):
    ctx = context(briefed, Filters())
    slides = slides_of(deck.build(ctx, "Overview: current view", generated=TODAY))
    assert not any("What changed" in texts(s) for s in slides)
    assert deck.changes_slide(ctx) is None


def test_many_changes_continue_on_more_slides_and_the_rest_are_counted():
    evidence = pack.Evidence("stance", "Ottawa said so.", "A → B (critical)", "CBC", "2026-12-01")
    changes = tuple(
        pack.Change(
            "changed", f"Source {i}", "Target", "critical", "supportive", "2026-11-02", evidence
        )
        for i in range(pack.TABLE_ROWS * pack.CHANGE_SLIDES + 1)
    )
    item = pack.ChangesSlide(
        "What changed since 2026-11-30", "5 new articles", changes[:-1], total=len(changes) + 4
    )
    built = pack.Pack("Briefing", "Overview", "Filters: added", TODAY, "5 articles", slides=(item,))
    slides = slides_of(pack.build(built))[1:-1]  # between the title and the sources
    assert len(slides) == pack.CHANGE_SLIDES
    assert "(cont.)" in texts(slides[1])
    assert "… and 5 more on the dashboard's Overview." in texts(slides[-1])
    assert all(notes(s).count("Ottawa said so.") == pack.TABLE_ROWS for s in slides)
    # No change at all still says so, rather than an empty table.
    empty = pack.ChangesSlide("What changed since 2026-11-30", "0 new articles", (), 0)
    slide = slides_of(pack.build(built.__class__(**{**built.__dict__, "slides": (empty,)})))[1]
    assert "No stance changed and no new pair" in texts(slide)
