"""The rows behind a chart's mark: one evidence query for every chart, and the list under it.

A chart builder puts a mark's keys in the last column of each trace's `customdata` as a small
JSON object (`mark_key`), e.g. {"kind": "stances", "side": "country", "source": "canada",
"target": "russia", "polarity": "critical"}. When the analyst selects marks, the page reads the
keys back from Streamlit's selection (`selected_marks`), `rows` fetches the rows behind them
under the current filters, and `list_marks` lists them as readable text below the chart.

Kinds of mark and the rows behind them:
- stances: source, target (ids, by `side` country or actor), optional polarity; or `ids`
- actor: stances whose source or target is the actor
- figures: the figures at a `place` (a places.place_id, the map's), else those given by
  `ids`, else those of one quantity (measure, category, location), optionally one value
- event: the events at a `place`, else the events given by `ids`, else one event by its id
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from urllib.parse import urlencode, urlsplit, urlunsplit

import pandas as pd
import streamlit as st

from briefing import queries
from briefing.filters import Filters
from briefing.queries import CACHE, Warehouse, confidence_label
from briefing.reviewing import review_link
from briefing.text import md_escape, shorten
from etl import safe_json

KINDS = ("stances", "actor", "figures", "event")
MAX_ROWS = 50  # evidence rows listed under a chart for one selection
TITLE_CHARS = 80  # of an article's headline in an evidence row's line
SIDE_ID = {
    # The id a stance chart's side carries: a country chart groups actors into their country,
    # an actor of no known country standing for itself (as queries.stance_counts does).
    "country": ("COALESCE(source_country, source_id)", "COALESCE(target_country, target_id)"),
    "actor": ("source_id", "target_id"),
}


def mark_key(kind: str, **keys: object) -> str:
    """The JSON a mark carries in its customdata's last column (keys sorted, so equal marks
    carry equal text)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of mark {kind!r}")
    return json.dumps({"kind": kind, **keys}, sort_keys=True, default=str)


def parse_key(text: object) -> dict | None:
    """A mark's keys from its JSON, or None when `text` is not one (a point of another trace)."""
    if not isinstance(text, str) or not text.startswith("{"):
        return None
    try:
        keys = safe_json.loads(text)
    except ValueError:
        return None
    return keys if isinstance(keys, dict) and keys.get("kind") in KINDS else None


def selected_marks(selection: object) -> list[dict]:
    """The keys of the marks in a Streamlit plotly selection (`event.selection`), in order,
    each once."""
    points = []
    try:
        points = list(selection["points"])  # type: ignore[index]
    except (KeyError, TypeError):
        return []
    found: dict[str, dict] = {}
    for point in points:
        custom = point.get("customdata") if isinstance(point, Mapping) else None
        last = custom[-1] if isinstance(custom, list | tuple) and custom else custom
        keys = parse_key(last)
        if keys is not None:
            found.setdefault(json.dumps(keys, sort_keys=True), keys)
    return list(found.values())


def names_rows(keys: Mapping) -> bool:
    """True when a mark (from a link: untrusted) has the keys its kind needs to name rows."""
    try:
        _subject_sql(keys)
    except (KeyError, TypeError, ValueError):
        return False
    return True


def _subject_sql(keys: Mapping) -> tuple[str, str, list]:
    """The subject and WHERE clause (with its parameters) selecting the rows behind a mark."""
    kind = keys.get("kind")
    if kind == "stances" and keys.get("ids"):
        # Chosen stances (rows selected in a table).
        return "stances", "list_contains(?::VARCHAR[], stance_id)", [list(keys["ids"])]
    if kind == "stances":
        side = keys.get("side", "country")
        if side not in SIDE_ID:
            raise ValueError(f"stances are grouped by country or actor, not {side!r}")
        source, target = SIDE_ID[side]
        where, params = f"{source} = ? AND {target} = ?", [keys["source"], keys["target"]]
        if keys.get("polarity"):
            where += " AND polarity = ?"
            params.append(keys["polarity"])
        return "stances", where, params
    if kind == "actor":
        return "stances", "(source_id = ? OR target_id = ?)", [keys["actor"]] * 2
    if kind == "figures" and keys.get("place"):
        # The figures at a place of the map (briefing.maps), bar those at their speaker's seat.
        return (
            "figures",
            "NOT COALESCE(seat_of_speaker, FALSE) AND figure_id IN (SELECT row_id FROM "
            "row_places WHERE table_name = 'figures' AND place_id = ?)",
            [keys["place"]],
        )
    if kind == "figures" and keys.get("ids"):
        # A mark that stands for chosen figures (one value of a quantity, a place's largest).
        return "figures", "list_contains(?::VARCHAR[], figure_id)", [list(keys["ids"])]
    if kind == "figures":
        where = "measure = ? AND category = ? AND COALESCE(location, 'unspecified') = ?"
        params = [keys["measure"], keys["category"], keys.get("location") or "unspecified"]
        if keys.get("currency") is not None:
            where += " AND COALESCE(currency, '') = ?"
            params.append(keys["currency"])
        if keys.get("value") is not None:
            where += " AND value = ?"
            params.append(float(keys["value"]))
        return "figures", where, params
    if kind == "event" and keys.get("place"):
        return (
            "events",
            "event_id IN (SELECT row_id FROM row_places WHERE table_name = 'events' "
            "AND place_id = ?)",
            [keys["place"]],
        )
    if kind == "event" and keys.get("ids"):
        # A list of events (the Events page lists every event under its charts).
        return "events", "list_contains(?::VARCHAR[], event_id)", [list(keys["ids"])]
    if kind == "event":
        return "events", "event_id = ?", [keys["event"]]
    raise ValueError(f"unknown kind of mark {kind!r}")


_WHO = {
    "stances": "concat(COALESCE(source_name, '?'), ' → ', COALESCE(target_name, '?'))",
    "figures": f"concat({queries.FIGURE_TEXT}, ' ', "
    "replace(COALESCE(category, 'other'), '_', ' '), COALESCE(' in ' || location, ''), "
    "', cited by ', COALESCE(attributed_to, 'an unstated source'))",
    "events": "concat(replace(COALESCE(event_type, 'event'), '_', ' '), "
    "COALESCE(' in ' || location, ''), COALESCE(': ' || participants, ''))",
}
_WHAT = {"stances": "polarity", "figures": "'figure'", "events": "'event'"}
_ID = {"stances": "stance_id", "figures": "figure_id", "events": "event_id"}


@st.cache_data(**CACHE)
def rows(wh: Warehouse, f: Filters, keys: tuple[str, ...], limit: int = MAX_ROWS) -> pd.DataFrame:
    """The rows behind the marks (each given by its mark_key JSON) under the filters, newest
    first: subject, what (polarity, 'figure', 'event'), evidence, who, date, outlet, title,
    article_id, char_start, char_end, confidence (a number), confidence_label, status (the
    review status) and row_id."""
    frames = []
    for text in keys:
        mark = parse_key(text)
        if mark is None:
            continue
        subject, where, params = _subject_sql(mark)
        frames.append(
            queries._run(
                wh,
                subject,
                f,
                f"""
                SELECT '{subject}' AS subject, {_WHAT[subject]} AS what, evidence,
                       {_WHO[subject]} AS who, date_label AS date, outlet, title, article_id,
                       char_start, char_end, confidence,
                       {confidence_label()} AS confidence_label, row_date,
                       review_status AS status, {_ID[subject]} AS row_id
                FROM rows WHERE {where}
                ORDER BY row_date DESC NULLS LAST, {_ID[subject]} LIMIT ?""",
                params + [limit],
            )
        )
    if not frames:
        return pd.DataFrame(
            columns=[
                "subject",
                "what",
                "evidence",
                "who",
                "date",
                "outlet",
                "title",
                "article_id",
                "char_start",
                "char_end",
                "confidence",
                "confidence_label",
                "status",
                "row_id",
            ]
        )
    found = pd.concat(frames, ignore_index=True).drop_duplicates(["subject", "row_id"])
    found = found.sort_values("row_date", ascending=False, na_position="last", kind="stable")
    return found.drop(columns=["row_date"]).head(limit).reset_index(drop=True)


def article_link(filters: Filters, article_id: str, start: object, end: object) -> str:
    """The Sources page's view of an article with the sentence at [start, end) highlighted,
    under the same filters (a relative URL, every value percent-encoded)."""
    params: dict[str, object] = {**filters.to_query_params(), "article": article_id}
    if pd.notna(start) and pd.notna(end):
        params["mark"] = f"{int(start)}-{int(end)}"
    return "sources?" + urlencode(params, doseq=True)


# --- Streamlit edge --------------------------------------------------------------------------


def _line(values: Iterable[object]) -> str:
    return " · ".join(str(v) for v in values if isinstance(v, str) and v.strip())


def pair_of(marks: list[dict]) -> tuple[str, str, str] | None:
    """(side, source, target) when every mark is a stance mark of one and the same pair."""
    pairs = {
        (m.get("side", "country"), m.get("source"), m.get("target"))
        for m in marks
        if m.get("kind") == "stances"
    }
    if len(pairs) != 1 or len(marks) != sum(m.get("kind") == "stances" for m in marks):
        return None
    side, source, target = next(iter(pairs))
    return (side, source, target) if source and target and side in SIDE_ID else None


def list_marks(ctx, box_key: str, marks: list[dict], title: str, limit: int = MAX_ROWS) -> None:
    """The rows behind `marks` as readable evidence, in a bordered box: each row's full
    evidence sentence (plain text, never Markdown or HTML), then who, date, outlet and
    confidence, a link to the sentence in its article and, for a figure, to every source's
    figure for its quantity (Figures reconciled). A box for one stance pair links to the
    pair's timeline on the dyad page."""
    from briefing import dyad

    keys = tuple(json.dumps(m, sort_keys=True) for m in marks)
    found = rows(ctx.warehouse, ctx.filters, keys, limit)
    box = st.container(border=True, key=f"evidence_{box_key}")
    with box:
        shown = "" if len(found) < limit else f" (the newest {limit})"
        st.markdown(
            f"**{md_escape(title)}**: {len(found):,} row{'s' if len(found) != 1 else ''}{shown}"
        )
        pair = pair_of(marks)
        if pair and box_key != "dyad":
            side, source, target = pair
            st.markdown(
                f"[:material/timeline: This pair over time]"
                f"({dyad.link(source, target, side, ctx.filters)})"
            )
        if found.empty:
            st.caption("No rows behind this mark under the current filters.")
        quantity = {}
        if (found["subject"] == "figures").any():  # each figure's quantity, all its sources
            from briefing import reconcile

            figures = reconcile.quantity_figures(ctx.warehouse, ctx.filters)
            quantity = reconcile.figure_links(figures, ctx.filters)
        for row in found.itertuples(index=False):
            st.text(row.evidence if isinstance(row.evidence, str) else "(no sentence recorded)")
            about = _line(
                [
                    f"{row.what}: {row.who}" if row.subject == "stances" else row.who,
                    row.date or "undated",
                    row.outlet or "outlet not recorded",
                    # The article's headline, or what stands in for one (queries._headlined).
                    shorten(row.title, TITLE_CHARS),
                    f"confidence {row.confidence_label}",
                    f"status {row.status}",
                ]
            )
            # Names and outlets come from articles: escaped. The link is percent-encoded.
            link = article_link(ctx.filters, row.article_id, row.char_start, row.char_end)
            review = review_link(row.subject, row.row_id, ctx.filters)
            same = quantity.get(str(row.row_id)) if row.subject == "figures" else None
            st.caption(
                f"{md_escape(about)} · [read it in its article]({link}) · [review it]({review})"
                + (f" · [all sources for this quantity]({same})" if same else "")
            )


def table_selection(
    ctx, box_key: str, kind: str, table: pd.DataFrame, id_column: str, event
) -> None:
    """Below a table of rows (stances, figures, events): the rows the analyst selected, each
    as its full evidence sentence (a table cell cuts long sentences off at the right), or a
    hint to select some."""
    picked = event.selection.rows if event is not None else []
    ids = sorted({table[id_column].iloc[i] for i in picked if i < len(table)})
    if not ids:
        st.caption("Select rows to read their evidence sentences in full.")
        return
    title = f"Evidence for the selected row{'s' if len(ids) > 1 else ''}"
    list_marks(ctx, box_key, [{"kind": kind, "ids": ids}], title, limit=len(ids) + 1)


# --- every row behind a whole chart: its downloads and its slide's speaker notes ----------------

EXPORT_ROWS = 50_000  # evidence rows a chart's download holds at most
GROUPINGS = {
    # A stance chart's marks: its (source, target) pairs by country or actor, or its months.
    "country": (
        "COALESCE(source_country_name, source_name)",
        "COALESCE(target_country_name, target_name)",
        "concat(COALESCE(source_country, source_id), ' ', COALESCE(target_country, target_id))",
    ),
    "actor": ("source_name", "target_name", "concat(source_id, ' ', target_id)"),
    "month": ("source_name", "target_name", "strftime(date_trunc('month', row_date), '%Y-%m')"),
}
EXPORT_COLUMNS = [
    "source",
    "target",
    "polarity",
    "sentence",
    "article",
    "outlet",
    "date",
    "link",
    "source_actor",
    "target_actor",
    "confidence",
    "status",
]


@st.cache_data(**CACHE)
def stance_rows(
    wh: Warehouse,
    f: Filters,
    by: str = "country",
    actor_ids: tuple[str, ...] | None = None,
    limit: int = EXPORT_ROWS,
) -> pd.DataFrame:
    """Every stance behind a stance chart under the filters, its largest marks first: the
    marks are (source, target) pairs `by` country or actor, or months ("month"); between the
    given actors only when `actor_ids` is set (the network's). Each row: source, target (as the
    chart names them), source_actor, target_actor, polarity, evidence, title, outlet, date,
    article_id, char_start, char_end, confidence_label, status, mark (the mark's key), mark_rows
    (its stances) and nth (the row's rank within its mark, newest first)."""
    if by not in GROUPINGS:
        raise ValueError(f"stance rows are grouped by {', '.join(GROUPINGS)}, not {by!r}")
    source, target, mark = GROUPINGS[by]
    between = (
        "WHERE list_contains(?::VARCHAR[], source_id) AND list_contains(?::VARCHAR[], target_id)"
        if actor_ids is not None
        else ""
    )
    dated = "row_date IS NOT NULL" if by == "month" else "TRUE"
    where = f"{between} AND {dated}" if between else f"WHERE {dated}"
    params = [list(actor_ids)] * 2 if actor_ids is not None else []
    return queries._run(
        wh,
        "stances",
        f,
        f"""
        , marked AS (
            SELECT {source} AS source, {target} AS target, source_name AS source_actor,
                   target_name AS target_actor, polarity, evidence, title, outlet,
                   date_label AS date, article_id, char_start, char_end,
                   {confidence_label()} AS confidence_label, review_status AS status,
                   {mark} AS mark, row_date, stance_id
            FROM rows {where})
        SELECT * EXCLUDE (row_date, stance_id),
               count(*) OVER (PARTITION BY mark) AS mark_rows,
               row_number() OVER (PARTITION BY mark ORDER BY row_date DESC NULLS LAST, stance_id)
                   AS nth
        FROM marked
        ORDER BY mark_rows DESC, mark, nth LIMIT ?""",
        params + [limit],
    )


def sentence_links(found: pd.DataFrame, filters: Filters, base_url: str = "") -> list[str]:
    """Each row's link to its sentence highlighted in its article (article_id, char_start,
    char_end), absolute when the dashboard's `base_url` is known."""
    return [
        base_url + article_link(filters, a, s, e)
        for a, s, e in zip(found["article_id"], found["char_start"], found["char_end"])
    ]


def export_frame(found: pd.DataFrame, filters: Filters, base_url: str = "") -> pd.DataFrame:
    """The rows a chart's download holds, one per stance: source, target, polarity, the
    evidence sentence, the article's title, outlet, date and a link to the sentence in its
    article (absolute when the dashboard's `base_url` is known), then who stands on each side,
    the confidence and the review status."""
    if found.empty:
        return pd.DataFrame(columns=EXPORT_COLUMNS)
    links = sentence_links(found, filters, base_url)
    return pd.DataFrame(
        {
            "source": found["source"],
            "target": found["target"],
            "polarity": found["polarity"],
            "sentence": found["evidence"],
            "article": found["title"],
            "outlet": found["outlet"],
            "date": found["date"],
            "link": links,
            "source_actor": found["source_actor"],
            "target_actor": found["target_actor"],
            "confidence": found["confidence_label"],
            "status": found["status"],
        }
    ).reset_index(drop=True)


def for_notes(found: pd.DataFrame, limit: int) -> pd.DataFrame:
    """The rows a slide's speaker notes read out: the newest row of each of the chart's
    largest marks, then the second of each, and so on, so the notes cover what the chart
    shows most rather than only its biggest bar."""
    if found.empty:
        return found
    return found.sort_values(["nth", "mark_rows", "mark"], ascending=[True, False, True]).head(
        limit
    )


def base_url(page_url: str | None) -> str:
    """The dashboard's address from a page's ('http://host/app/stances?x=1' ->
    'http://host/app/'), for absolute links in downloads; '' when unknown."""
    if not page_url:
        return ""
    parts = urlsplit(page_url)
    if not parts.scheme or not parts.netloc:
        return ""
    path = parts.path[: parts.path.rfind("/") + 1] or "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
