"""Briefing packs from the dashboard: gathers a view's charts, pictures, evidence and sources
into a `pack.Pack` and builds it. Used by the page buttons, the tests and the benchmark.

Nothing here draws widgets, so a pack is built the same way in a download callback, in a test
and in a script.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from briefing import evidence as briefing_evidence
from briefing import export, pack, queries, since
from briefing.filters import added_text
from briefing.ui import PageContext
from briefing.views import Chart

EVIDENCE_PER_SLIDE = 5
QUOTES_IN_PACK = 8
SOURCES_IN_PACK = 200
CHANGES_IN_PACK = 24  # three slides of eight


def default_topic(ctx: PageContext) -> str:
    """'Briefing: Canada, Russia and Syria' from the countries most mentioned under the filters
    (or the ones filtered on)."""
    if ctx.filters.countries:
        ids = list(ctx.filters.countries[:3])
    else:
        ids = [c for c in queries.country_ranking(ctx.warehouse) if c in ctx.options.countries][:3]
    names = [ctx.names.get(i, i) for i in ids]
    if not names:
        return "Briefing"
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"Briefing: {listed}"


def evidence(ctx: PageContext, subject: str, limit: int = EVIDENCE_PER_SLIDE) -> tuple:
    rows = queries.evidence(ctx.warehouse, ctx.filters, subject, limit)
    return tuple(_evidence(row) for row in rows.itertuples(index=False))


def chart_evidence(ctx: PageContext, chart: Chart, limit: int = EVIDENCE_PER_SLIDE) -> tuple:
    """The evidence a chart's slide reads out: from the rows behind that chart when it has
    them (its largest marks first, one row each; the newest behind its `marks`), else the
    newest rows of its subject."""
    if chart.marks:
        found = briefing_evidence.rows(ctx.warehouse, ctx.filters, chart.marks, limit)
        return tuple(_marked_evidence(row) for row in found.itertuples(index=False))
    if chart.rows is None:
        return evidence(ctx, chart.subject, limit)
    found = briefing_evidence.for_notes(chart.rows(), limit)
    return tuple(
        pack.Evidence(
            "stance",
            row.evidence if isinstance(row.evidence, str) else "",
            f"{row.source_actor or '?'} → {row.target_actor or '?'} ({row.polarity})",
            row.outlet if isinstance(row.outlet, str) and row.outlet else None,
            row.date if isinstance(row.date, str) and row.date else None,
            row.confidence_label if isinstance(row.confidence_label, str) else None,
            row.status if isinstance(row.status, str) else None,
        )
        for row in found.itertuples(index=False)
    )


KIND_OF_SUBJECT = {"figures": "figure", "stances": "stance", "events": "event"}


def _marked_evidence(row) -> pack.Evidence:
    """A row of briefing.evidence.rows as a line of speaker notes."""

    def text(value: object) -> str | None:
        return value if isinstance(value, str) and value else None

    who = text(row.who)
    if row.subject == "stances" and who:
        who = f"{who} ({row.what})"
    return pack.Evidence(
        KIND_OF_SUBJECT.get(row.subject, row.subject),
        text(row.evidence) or "",
        who,
        text(row.outlet),
        text(row.date),
        text(row.confidence_label),
        text(row.status),
    )


def _evidence(row) -> pack.Evidence:
    def text(value: object) -> str | None:
        return value if isinstance(value, str) and value else None

    return pack.Evidence(
        row.kind,
        text(row.text) or "",
        text(row.who),
        text(row.outlet),
        text(row.when),
        text(getattr(row, "confidence", None)),
        text(getattr(row, "status", None)),
    )


def chart_slide(
    ctx: PageContext,
    chart: Chart,
    renderer: export.Renderer = export.RENDERER,
    generated: date | None = None,
    known_problem: str | None = None,
) -> pack.ChartSlide:
    """A chart's slide: its picture (or, when it cannot be drawn, why), caption and evidence.
    With `known_problem` (an earlier chart failed) no picture is attempted."""
    image, problem = None, None
    if known_problem:
        problem = f"Chart image unavailable: {known_problem}"
    else:
        try:
            about = ctx.credits(chart.subject, generated)
            image = export.png_bytes(chart.for_slide, about, renderer)
        except export.ExportError as error:
            problem = f"Chart image unavailable: {error}"
    return pack.ChartSlide(
        title=chart.name,
        caption=chart.caption,
        image=image,
        data=chart.data,
        evidence=chart_evidence(ctx, chart),
        problem=problem,
    )


def quote_slide(ctx: PageContext, search: str = "") -> pack.QuoteSlide:
    """The statements to read out (matching the Statements page's search): direct quotes
    first, newest first."""
    rows = queries.evidence(ctx.warehouse, ctx.filters, "statements", QUOTES_IN_PACK, search)
    title = f"What was said: “{search}”" if search else "What was said"
    return pack.QuoteSlide(title, tuple(_evidence(r) for r in rows.itertuples(index=False)))


def _changes(ctx: PageContext) -> pd.DataFrame:
    """The new stances that changed polarity or are new pairs (changed first); empty when the
    view is not limited to what is new."""
    if ctx.filters.added_since is None:
        return pd.DataFrame(columns=["change", "article_id"])
    found = since.stance_changes(ctx.warehouse, ctx.filters)
    return found[found["change"] != since.SAME] if not found.empty else found


def changed_articles(ctx: PageContext, limit: int = CHANGES_IN_PACK) -> tuple[str, ...]:
    """The articles of the changes the "What changed" slide lists."""
    found = _changes(ctx)
    if found.empty:
        return ()
    return tuple(dict.fromkeys(found.head(limit)["article_id"]))


def changes_slide(ctx: PageContext, limit: int = CHANGES_IN_PACK) -> pack.ChangesSlide | None:
    """What changed since the `added` day (None when the view is not limited to what is new):
    the new articles' stances that changed polarity or are new pairs, changed ones first, each
    with its evidence sentence."""
    f = ctx.filters
    if f.added_since is None:
        return None
    found = _changes(ctx)
    counts = found["change"].value_counts() if not found.empty else {}
    articles = int(queries.headline(ctx.warehouse, f)["articles"])
    changed, new = int(counts.get(since.CHANGED, 0)), int(counts.get(since.NEW_PAIR, 0))
    summary = (
        f"{articles:,} new article{'s' if articles != 1 else ''} · "
        f"{changed:,} stance{'s' if changed != 1 else ''} changed · "
        f"{new:,} {since.plural(since.NEW_PAIR, new)}"
    )

    def text(value: object) -> str | None:
        return value if isinstance(value, str) and value else None

    listed = tuple(
        pack.Change(
            change=row.change,
            source=text(row.source_name) or "?",
            target=text(row.target_name) or "?",
            polarity=row.polarity,
            before=text(row.before),
            before_date=text(row.before_date),
            evidence=pack.Evidence(
                "stance",
                text(row.evidence) or "",
                f"{text(row.source_name) or '?'} → {text(row.target_name) or '?'} ({row.polarity})",
                text(row.outlet),
                text(row.date),
            ),
        )
        for row in found.head(limit).itertuples(index=False)
    )
    return pack.ChangesSlide(
        title=f"What changed since {added_text(f.added_since, ' ')}",
        summary=summary,
        changes=listed,
        total=len(found),
    )


def sources(
    ctx: PageContext,
    charts: Sequence[Chart] = (),
    quotes: bool = False,
    articles: Sequence[str] = (),
) -> tuple[tuple[pack.Source, ...], int]:
    """The articles behind the pack's slides, and how many: the rows each chart lists when it
    has them (a network's stances between its actors; the rows behind a chart's `marks`), else
    every row of its subject under the filters, as the page counts them; with `quotes`, the
    statements' articles too; and the
    `articles` given (those of the "What changed" slide)."""
    subjects = {chart.subject for chart in charts if chart.rows is None and not chart.marks}
    if quotes:
        subjects.add("statements")
    ids = {a for chart in charts if chart.rows is not None for a in chart.rows()["article_id"]}
    for chart in charts:
        if chart.marks:
            behind = briefing_evidence.rows(
                ctx.warehouse, ctx.filters, chart.marks, briefing_evidence.EXPORT_ROWS
            )
            ids |= set(behind["article_id"])
    ids |= set(articles)
    rows, total = queries.sources_behind(
        ctx.warehouse, ctx.filters, tuple(sorted(subjects)), tuple(sorted(ids)), SOURCES_IN_PACK
    )
    listed = tuple(
        pack.Source(
            r.outlet if isinstance(r.outlet, str) else None,
            r.published if isinstance(r.published, str) else None,
            r.title if isinstance(r.title, str) else None,
            r.url if isinstance(r.url, str) else None,
        )
        for r in rows.itertuples(index=False)
    )
    return listed, total


def summary(ctx: PageContext) -> str:
    """'12 articles from 4 outlets, 2015-10 to 2020-11-11'."""
    numbers = queries.headline(ctx.warehouse, ctx.filters)
    articles, outlets = numbers["articles"], numbers["outlets"]
    span = (
        f", {numbers['first_label']} to {numbers['last_label']}"
        if numbers["first"]
        else ", undated"
    )
    return (
        f"{articles:,} article{'s' if articles != 1 else ''} from {outlets:,} "
        f"outlet{'s' if outlets != 1 else ''}{span}"
    )


def build(
    ctx: PageContext,
    scope: str,
    charts: Sequence[Chart] = (),
    *,
    quotes: pack.QuoteSlide | None = None,
    topic: str | None = None,
    renderer: export.Renderer = export.RENDERER,
    generated: date | None = None,
) -> bytes:
    """The .pptx of a view: its charts (and quotes), with the sources under the filters. A
    view limited to what is new since a day (the `added` filter) opens with what changed."""
    generated = generated or date.today()
    slides: list[pack.ChartSlide | pack.QuoteSlide | pack.ChangesSlide] = []
    changed = changes_slide(ctx)
    if changed is not None:
        slides.append(changed)
    # One failure is enough: the rest of the deck gets tables at once instead of waiting for
    # a browser that has just failed (or timed out) once per chart.
    problem = renderer.missing()
    for chart in charts:
        slide = chart_slide(ctx, chart, renderer, generated, problem)
        if slide.image is None and problem is None:
            problem = renderer.recent_failure() or "the browser failed on an earlier chart."
        slides.append(slide)
    if quotes is not None and quotes.quotes:
        slides.append(quotes)
    listed, total = sources(
        ctx, charts, quotes is not None and bool(quotes.quotes), changed_articles(ctx)
    )
    deck = pack.Pack(
        topic=(topic or "").strip() or default_topic(ctx),
        scope=scope,
        filters=export.subtitle_for(ctx.filters.describe(ctx.names)),
        generated=generated,
        summary=summary(ctx),
        slides=tuple(slides),
        sources=listed,
        source_total=total,
    )
    return pack.build(deck)


def file_name(scope: str, generated: date | None = None) -> str:
    return f"briefing-{export.slug(scope)}-{(generated or date.today()).isoformat()}.pptx"
