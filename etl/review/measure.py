"""What the reviews say about the machine: scores against reviewed rows, and gold files.

`score_reviews` scores the warehouse's machine rows (the current ETL's output) against the
analysts' verdicts: precision over the machine rows they judged (a confirmed row is right; a
rejected or corrected one is wrong), recall over the rows they added (found when the machine
now extracts a row of that table overlapping the added span and agreeing on what identifies
it). `export_gold` writes reviewed articles as gold files in the corpus's GOLD.md format.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from etl.review.apply import ArticleRows, Resolution, resolve
from etl.review.store import REVIEW_TABLES, ReviewError, ReviewStore
from etl.review.warehouse import bundles, machine_extractions

FIGURE_TOLERANCE = 0.02  # GOLD.md: values within 2% match


@dataclass
class ReviewCount:
    confirmed: int = 0
    corrected: int = 0
    rejected: int = 0
    added: int = 0
    added_found: int = 0

    @property
    def judged(self) -> int:
        return self.confirmed + self.corrected + self.rejected

    @property
    def precision(self) -> float | None:
        return self.confirmed / self.judged if self.judged else None

    @property
    def recall(self) -> float | None:
        return self.added_found / self.added if self.added else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "confirmed": self.confirmed,
            "corrected": self.corrected,
            "rejected": self.rejected,
            "precision": self.precision,
            "added": self.added,
            "added_found": self.added_found,
            "recall": self.recall,
        }


@dataclass
class ReviewScores:
    tables: dict[str, ReviewCount] = field(
        default_factory=lambda: {t: ReviewCount() for t in REVIEW_TABLES}
    )
    unattached: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "tables": {t: c.as_dict() for t, c in self.tables.items()},
            "unattached": self.unattached,
        }


def _agrees(table: str, added: Any, machine: Any) -> bool:
    if max(added.char_start, machine.char_start) >= min(added.char_end, machine.char_end):
        return False
    if table == "figures":
        scale = max(abs(added.value), abs(machine.value), 1e-9)
        return (
            abs(added.value - machine.value) / scale <= FIGURE_TOLERANCE
            and added.category == machine.category
        )
    if table == "stances":
        return (added.source_id, added.target_id, added.polarity) == (
            machine.source_id,
            machine.target_id,
            machine.polarity,
        )
    if table == "statements":
        return added.speaker_id == machine.speaker_id
    return (added.event_date, added.event_type) == (machine.event_date, machine.event_type)


def _resolution(db_path: Path) -> tuple[list[ArticleRows], Resolution]:
    machine = bundles(machine_extractions(db_path))
    return machine, resolve(machine, ReviewStore.for_warehouse(db_path).read())


def score_reviews(db_path: Path | str) -> ReviewScores:
    """Score the warehouse's machine rows against the reviews in its store."""
    machine, resolution = _resolution(Path(db_path))
    by_article = {b.article.article_id: b for b in machine}
    scores = ReviewScores(unattached=len(resolution.unattached))
    for (table, _), state in resolution.states.items():
        count = scores.tables[table]
        effective = [r for r in state.history if r.action != "undo"]
        if not effective:
            continue
        if state.machine is None:
            if state.row is None:
                continue  # an add that was undone or rejected again
            count.added += 1
            rows = by_article[state.article_id].rows.get(table, ())
            count.added_found += any(_agrees(table, state.row, m) for m in rows)
        elif state.row is None:
            count.rejected += 1
        elif state.status == "corrected":
            count.corrected += 1
        elif state.status == "confirmed":
            count.confirmed += 1
    return scores


def format_review_scores(scores: ReviewScores) -> str:
    def fmt(value: float | None) -> str:
        return "    —" if value is None else f"{value:5.3f}"

    lines = [
        f"{'table':<11} {'prec':>6} {'conf':>5} {'corr':>5} {'rej':>5} "
        f"{'recall':>6} {'found':>5} {'added':>5}"
    ]
    for table, c in scores.tables.items():
        lines.append(
            f"{table:<11} {fmt(c.precision):>6} {c.confirmed:>5} {c.corrected:>5} "
            f"{c.rejected:>5} {fmt(c.recall):>6} {c.added_found:>5} {c.added:>5}"
        )
    lines.append(
        "precision: confirmed / (confirmed + corrected + rejected) machine rows; "
        "recall: added rows the machine now extracts"
    )
    if scores.unattached:
        lines.append(f"{scores.unattached} review(s) attach to no row and are not scored")
    return "\n".join(lines)


# --- gold ----------------------------------------------------------------------------------


def _names(db_path: Path) -> tuple[dict[str, str], dict[str, str | None]]:
    """actor_id -> plain English name (a government by its country), and -> country's name."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        actors = con.execute("SELECT actor_id, name, kind, country_id FROM actors").fetchall()
    finally:
        con.close()
    name = {a: n for a, n, _, _ in actors}
    shown = {a: name.get(c, n) if k == "government" and c else n for a, n, k, c in actors}
    country = {a: (name.get(c) if c else (n if k == "country" else None)) for a, n, k, c in actors}
    return shown, country


def _date_text(value: Any, precision: str | None) -> str | None:
    if value is None:
        return None
    text = value.isoformat()
    return {"year": text[:4], "month": text[:7]}.get(precision or "day", text)


def _gold_name(source_path: str) -> str:
    stem = Path(source_path.split("#")[0]).stem
    suffix = source_path.split("#", 1)[1] if "#" in source_path else ""
    name = stem + (f"-{suffix}" if suffix else "")
    return re.sub(r"[^\w.-]+", "_", name) or "article"


def gold_record(article: Any, rows: Mapping[str, list[Any]], names: dict, countries: dict) -> dict:
    """One article's reviewed rows in GOLD.md's format."""

    def name(actor_id: str | None) -> str | None:
        return names.get(actor_id, actor_id) if actor_id else None

    figures, seen_figures = [], set()
    for f in rows["figures"]:
        if (f.value, f.category) in seen_figures:
            continue  # GOLD.md lists each distinct (value, category) once
        seen_figures.add((f.value, f.category))
        entry = {"value": f.value, "category": f.category, "evidence": f.evidence}
        if f.location:
            entry["location"] = f.location
        if f.attributed_to_id:
            entry["attributed_to"] = name(f.attributed_to_id)
        figures.append(entry)
    statements = []
    for s in rows["statements"]:
        entry = {
            "speaker": name(s.speaker_id) or s.speaker_text,
            "direct_quote": bool(s.is_direct),
            "evidence": s.quote,
        }
        if s.speaker_id and countries.get(s.speaker_id):
            entry["speaker_country"] = countries[s.speaker_id]
        statements.append(entry)
    stances, seen_stances = [], set()
    for s in rows["stances"]:
        key = (name(s.source_id), name(s.target_id), s.polarity)
        if key in seen_stances:
            continue
        seen_stances.add(key)
        stances.append(
            {"source": key[0], "target": key[1], "polarity": s.polarity, "evidence": s.evidence}
        )
    events = []
    for e in rows["events"]:
        entry = {
            "date": _date_text(e.event_date, e.date_precision),
            "type": e.event_type,
            "participants": [name(p) for p in e.participant_ids],
            "evidence": e.evidence,
        }
        if e.location:
            entry["location"] = e.location
        events.append(entry)
    actor_ids = {
        *(s.speaker_id for s in rows["statements"]),
        *(a for s in rows["stances"] for a in (s.source_id, s.target_id)),
        *(f.attributed_to_id for f in rows["figures"]),
        *(p for e in rows["events"] for p in e.participant_ids),
    }
    return {
        # The path in the input folder, with a JSON Lines record's number: `etl.evaluate`
        # finds the article by it (`gold_key`), so records of one bundle stay apart.
        "file": article.source_path,
        "language": article.language,
        "published_date": _date_text(article.published_date, article.published_precision),
        "actors": sorted({name(a) for a in actor_ids if a}),
        "figures": figures,
        "statements": statements,
        "stances": stances,
        "events": events,
    }


@dataclass(frozen=True)
class ExportedGold:
    path: Path
    rows: int  # reviewed rows written
    unreviewed: int  # machine rows of the article nobody reviewed (left out unless asked)


def export_gold(
    db_path: Path | str,
    out_dir: Path | str,
    *,
    include_unreviewed: bool = False,
    overwrite: bool = False,
) -> list[ExportedGold]:
    """Write one gold file per reviewed article (an article with an attached review).

    Confirmed, corrected and added rows are written; rejected rows are left out, and so are
    rows nobody reviewed unless `include_unreviewed` (a gold file is complete only when every
    row of its article was reviewed). Every file is checked with `etl.evaluate.validate_gold`.
    Files already in `out_dir` (hand-made gold, perhaps) are never replaced unless `overwrite`:
    a ReviewError names them and nothing is written.
    """
    from etl.evaluate import validate_gold

    db_path, out_dir = Path(db_path), Path(out_dir)
    machine, resolution = _resolution(db_path)
    names, countries = _names(db_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    reviewed = resolution.articles_reviewed()
    exported, used, pending = [], set(), []
    for bundle in machine:
        article = bundle.article
        if article.article_id not in reviewed:
            continue
        shown = resolution.rows[article.article_id]
        kept = {
            t: [r for r in shown[t] if include_unreviewed or r.review_status != "machine"]
            for t in REVIEW_TABLES
        }
        record = gold_record(article, kept, names, countries)
        validate_gold(record, article.source_path)
        name = _gold_name(article.source_path)
        while name in used:
            name += "_"
        used.add(name)
        path = out_dir / f"{name}.json"
        pending.append((path, record))
        unreviewed = sum(r.review_status == "machine" for t in REVIEW_TABLES for r in shown[t])
        exported.append(
            ExportedGold(
                path, sum(len(v) for v in kept.values()), 0 if include_unreviewed else unreviewed
            )
        )
    existing = [path.name for path, _ in pending if path.exists()]
    if existing and not overwrite:
        raise ReviewError(
            f"{len(existing)} gold file(s) already exist in {out_dir} ({', '.join(existing[:5])}"
            f"{' …' if len(existing) > 5 else ''}); nothing was written. Choose an empty folder, "
            "or pass --force to replace them."
        )
    for path, record in pending:
        path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return exported
