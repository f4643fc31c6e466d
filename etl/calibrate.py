"""Fit the confidence model on gold sets: `python -m etl.calibrate --set ARTICLES GOLD [--set …]`.

For each set the ETL runs into a temporary warehouse; every predicted statement, stance, figure
and event is marked right or wrong with the matching rules of `etl.evaluate` (a row is right
when it is matched one-to-one to a gold row; a stance when its (source, target, polarity) is in
the gold). Per table, an L2-regularised logistic regression on the rows' features
(`etl.confidence`) is fitted, the strength chosen by cross-validation over articles; a Platt
scaling is fitted on the out-of-fold scores. The result goes to `--out` (by default
`etl/rules/confidence.json`) with the cross-validated reliability, which is also printed.

Only development sets belong here: never fit on a hold-out, or its scores stop meaning anything.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from etl import confidence, evaluate
from etl.confidence import ROW_TABLES, TableModel
from etl.types import stable_id

L2_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
FOLDS = 5
# In the Platt step, the blind rows (`--frozen`) weigh this many times all tuned rows together.
# The logistic weights learn from every row; the step that turns a score into a probability is
# what must hold on text nobody tuned on, and the tuned sets' own rows (hundreds, mostly right
# because the rules were fitted to them) would otherwise set it. 1.0 was chosen leave-one-set-out
# on the blind rows of real_dev2 … real_dev7 (docs/confidence.md, "Blind rows in the Platt step").
BLIND_PLATT_RATIO = 1.0
# The gate (`blind_gate`): rows of unseen pages at or above it must be right this often, with at
# least this many of them (fewer give a precision too noisy to promise anything on).
GATE_PRECISION = 0.8
GATE_MIN_ROWS = 15
# Gold sets needed to calibrate on whole held-out sets rather than on article folds.
MIN_SETS = 3


@dataclass(frozen=True)
class Sample:
    """One predicted row: its article, its features and whether it is right."""

    article: str
    features: tuple[str, ...]
    right: bool
    weight: float = 1.0  # the weight of its set (`--set ARTICLES GOLD WEIGHT`)
    set_index: int = 0
    # Rows of a blind run (`--frozen`): written by code that had not seen the set.
    blind: bool = False
    # The set held out together with this one (a blind file and the live set of the same
    # articles are one corpus: scoring one with a model that saw the other would leak); -1: none.
    family: int = -1

    @property
    def held_group(self) -> int:
        return self.family if self.family >= 0 else self.set_index


@dataclass(frozen=True)
class GoldSet:
    """A folder of articles, its gold folder, and how much its rows weigh in the fit."""

    articles: Path
    gold: Path
    weight: float = 1.0


# --- labelled rows -------------------------------------------------------------------------


def samples_from_scores(
    scores: evaluate.Scores, prefix: str = "", weight: float = 1.0, set_index: int = 0
) -> dict[str, list[Sample]]:
    """Every predicted row of a scored folder, per table, with its features and label."""
    actors = scores.index.actors if scores.index is not None else {}
    found: dict[str, list[Sample]] = {table: [] for table in ROW_TABLES}
    for article in scores.articles:
        if article.extraction is None:
            continue
        for table in ROW_TABLES:
            match = article.matches[table]
            for row, right in zip(match.predicted, match.correct, strict=True):
                features = confidence.row_features(table, row, article.extraction, actors)
                found[table].append(
                    Sample(prefix + article.name, tuple(features), bool(right), weight, set_index)
                )
    return found


def collect(sets: Sequence[GoldSet]) -> dict[str, list[Sample]]:
    """Run the ETL on each set and label its rows."""
    from etl.run import run_etl

    samples: dict[str, list[Sample]] = {table: [] for table in ROW_TABLES}
    for n, gold_set in enumerate(sets):
        with tempfile.TemporaryDirectory(prefix="etl-calibrate-") as folder:
            db = Path(folder) / "warehouse.duckdb"
            print(f"running the ETL on {gold_set.articles} …", file=sys.stderr)
            run_etl(gold_set.articles, db, full=True)
            scores = evaluate.score_folder(db, gold_set.gold)
        labelled = samples_from_scores(scores, f"{n}:", gold_set.weight, n)
        for table, rows in labelled.items():
            samples[table] += rows
    return samples


# --- frozen rows of a blind run ------------------------------------------------------------
#
# A development set was once a sealed hold-out: the code of that time ran on it without having
# seen it, and its rows, labelled against the gold, are the one sample the project has of how
# the ETL does on articles nobody tuned on. Once the rules are tuned on the set, a fresh run no
# longer shows that. `--freeze` keeps those rows (their features and labels) in a JSON-lines
# file when the set is promoted; `--frozen FILE` fits on them as a set of their own, so that
# the Platt scaling, fitted on held-out sets, learns how far confidence earned on tuned text
# falls on unseen text.


def freeze(db: Path, gold: Path) -> list[dict[str, Any]]:
    """The labelled rows of a warehouse (written by code that had not seen the set)."""
    scores = evaluate.score_folder(db, gold)
    return [
        {"table": table, "article": s.article, "features": list(s.features), "right": s.right}
        for table, rows in samples_from_scores(scores).items()
        for s in rows
    ]


def redescribe(
    db: Path,
    gold: Path,
    rows: Sequence[dict[str, Any]],
    tables: Sequence[str] = ROW_TABLES,
    regroup: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Frozen rows with the feature groups the current code has and they lack, read from the
    warehouse that wrote them (the blind warehouse, or one rebuilt by the code of the commit that
    froze them). Their own features and labels are kept, except the groups in `regroup`, whose
    definition changed: those are read again by today's code. The warehouse's rows must be the
    frozen rows: per table the same number of rows of the same articles in the same order, else
    ValueError (such a warehouse is not the blind run). Only `tables` are re-described."""
    scores = evaluate.score_folder(db, gold)
    fresh = samples_from_scores(scores)
    out = [dict(r, features=list(r["features"])) for r in rows]
    for table in tables:
        mine = [r for r in out if r["table"] == table]
        theirs = fresh[table]
        if len(mine) != len(theirs):
            raise ValueError(f"{table}: {len(mine)} frozen rows, {len(theirs)} in {db}")
        for frozen, sample in zip(mine, theirs, strict=True):
            if frozen["article"] != sample.article:
                raise ValueError(f"{table}: {frozen['article']} frozen, {sample.article} in {db}")
            fresh_groups = {f.split("=", 1)[0]: f for f in sample.features}
            frozen["features"] = [
                fresh_groups.get(g, f) if g in regroup else f
                for f in frozen["features"]
                for g in (f.split("=", 1)[0],)
            ]
            have = {f.split("=", 1)[0]: f for f in frozen["features"]}
            for feature in sample.features:
                group = feature.split("=", 1)[0]
                if group not in have:
                    frozen["features"].append(feature)
    return out


def read_frozen(
    path: Path, weight: float, set_index: int, family: int = -1
) -> dict[str, list[Sample]]:
    """The rows of a `--freeze` file as blind samples of one set (held out with `family`)."""
    found: dict[str, list[Sample]] = {table: [] for table in ROW_TABLES}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        found[row["table"]].append(
            Sample(
                f"{set_index}:{row['article']}",
                tuple(row["features"]),
                bool(row["right"]),
                weight,
                set_index,
                blind=True,
                family=family,
            )
        )
    return found


def family_of(frozen: Path, sets: Sequence[GoldSet]) -> int:
    """The index of the live set of the same articles as a blind file (its folder holds both:
    `tests/real_dev7/blind_rows.jsonl` beside `tests/real_dev7/articles`), else -1."""
    for i, gold_set in enumerate(sets):
        if gold_set.articles.resolve().parent == frozen.resolve().parent:
            return i
    return -1


# --- rows analysts judged (`--reviews WAREHOUSE [WEIGHT]`) ----------------------------------
#
# Every review an analyst makes in a warehouse (`etl.review`) is a label on a machine row of an
# article the rules were never tuned on: confirmed is right; rejected is wrong; corrected is
# wrong (the fields corrected were wrong, and the scoring rules of GOLD.md would not match it).
# Such a row is a frozen blind row whose label came from an analyst instead of a gold file: its
# features are read from the warehouse's own rows exactly as for a gold-labelled row (the
# machine's rows of reviewed articles are kept in `review_machine_rows`), it is a set of its own
# held out as a whole, and it counts as blind in the Platt step and the gate. Rows analysts
# added are misses: no machine row carries them, so they are counted, not fitted.


@dataclass(frozen=True)
class ReviewedRows:
    """The machine rows analysts judged in one warehouse, as labelled samples."""

    warehouse: Path
    samples: dict[str, list[Sample]]
    # The confidence each judged row had in the warehouse when it was reviewed, and its label.
    stored: dict[str, list[tuple[float | None, bool]]]
    added: dict[str, int]  # rows analysts added (the machine missed them), per table
    articles: int  # articles with at least one judged row
    unattached: int  # reviews that attach to no row of the warehouse (not counted)


REVIEW_LABELS = {"confirmed": True, "corrected": False, "rejected": False}


def review_verdict(state: Any) -> str | None:
    """An analyst's verdict on a machine row (`etl.review.RowState`): confirmed, corrected or
    rejected; None for a row added by an analyst or whose every action was undone."""
    if state.machine is None:
        return None
    if state.row is None:
        return "rejected"
    if state.status in ("corrected", "confirmed"):
        return state.status
    return None


def review_samples(
    db: Path, weight: float = 1.0, set_index: int = 0, family: int = -1
) -> ReviewedRows:
    """The rows analysts judged in the warehouse at `db`, labelled by their verdict
    (`REVIEW_LABELS`), with the features `samples_from_scores` gives a gold-labelled row.
    ReviewError when the warehouse or its review store cannot be read."""
    import duckdb

    from etl.review.apply import resolve, row_id_of
    from etl.review.store import ReviewError
    from etl.review.warehouse import (
        bundles,
        store_log,
        stored_candidates,
        stored_machine_extractions,
    )

    log = store_log(db)
    try:
        ids = list(stored_candidates(db, log)) if log else []
        extractions = stored_machine_extractions(db, ids)
        actors = load_actors(db)
    except duckdb.Error as exc:  # a file that is not a warehouse
        raise ReviewError(f"{db} is not a readable warehouse ({exc})") from exc
    resolution = resolve(bundles(extractions), log)
    samples: dict[str, list[Sample]] = {table: [] for table in ROW_TABLES}
    stored: dict[str, list[tuple[float | None, bool]]] = {table: [] for table in ROW_TABLES}
    added = {table: 0 for table in ROW_TABLES}
    judged_articles = set()
    for extraction in extractions:
        name = f"{set_index}:{extraction.article.source_path}"
        for table in ROW_TABLES:
            for row in getattr(extraction, table):
                state = resolution.states.get((table, row_id_of(table, row)))
                verdict = review_verdict(state) if state is not None else None
                if verdict is None:
                    continue
                right = REVIEW_LABELS[verdict]
                features = confidence.row_features(table, row, extraction, actors)
                samples[table].append(
                    Sample(name, tuple(features), right, weight, set_index, True, family)
                )
                stored[table].append((row.confidence, right))
                judged_articles.add(extraction.article.article_id)
    for (table, _row_id), state in resolution.states.items():
        if table in added and state.machine is None and state.row is not None:
            added[table] += 1
    return ReviewedRows(
        Path(db), samples, stored, added, len(judged_articles), len(resolution.unattached)
    )


def load_actors(db: Path) -> dict[str, Any]:
    """The warehouse's actors by id, as `etl.evaluate.read_warehouse` builds them."""
    import duckdb

    from etl.types import Actor

    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            row[0]: Actor(row[0], row[1], row[2], row[3], tuple(row[4] or ()), row[5])
            for row in con.execute(
                "SELECT actor_id, name, kind, country_id, aliases, source FROM actors"
            ).fetchall()
        }
    finally:
        con.close()


def family_of_reviews(reviewed_paths: Sequence[tuple[str, str]], sets: Sequence[GoldSet]) -> int:
    """The index of a gold set holding the same articles as a reviewed warehouse, else -1:
    (source path, content sha256) pairs of its judged articles, compared with the files of each
    set's folder. A model scored on the reviews must not have seen the same pages through a
    gold set (simulated reviews of a gold set's articles, or gold exported from the reviews)."""
    from etl.readers import sha256_hex

    wanted = {sha for _path, sha in reviewed_paths}
    if not wanted:
        return -1
    for i, gold_set in enumerate(sets):
        if not gold_set.articles.is_dir():
            continue
        for path in gold_set.articles.rglob("*"):
            if path.is_file() and sha256_hex(path.read_bytes()) in wanted:
                return i
    return -1


def add_reviews(
    samples: dict[str, list[Sample]], specs: Sequence[Sequence[str]], sets: Sequence[GoldSet]
) -> list[tuple[ReviewedRows, float]]:
    """Read each `--reviews WAREHOUSE [WEIGHT]` as a set of its own after `sets` and add its
    samples to `samples`; ValueError (a ReviewError among them) when one cannot be used."""
    found = []
    for j, values in enumerate(specs):
        spec = parse_set([values[0], *values])  # WAREHOUSE WAREHOUSE [WEIGHT]
        db = spec.articles
        if any("holdout" in part for part in db.parts):
            raise ValueError(f"{db} looks like a hold-out warehouse; never fit on one")
        if not db.is_file():
            raise ValueError(f"warehouse not found: {db}")
        index = len(sets) + j
        reviewed = review_samples(db, spec.weight, index)
        family = family_of_reviews(_judged_articles(db, reviewed), sets)
        if family >= 0:
            reviewed = dataclasses.replace(
                reviewed,
                samples={
                    t: [dataclasses.replace(x, family=family) for x in rows]
                    for t, rows in reviewed.samples.items()
                },
            )
        for table, rows in reviewed.samples.items():
            samples[table] += rows
        found.append((reviewed, spec.weight))
    return found


def _judged_articles(db: Path, reviewed: ReviewedRows) -> list[tuple[str, str]]:
    """(source path, content sha256) of the articles of the judged rows."""
    import duckdb

    names = {s.article.split(":", 1)[1] for rows in reviewed.samples.values() for s in rows}
    if not names:
        return []
    con = duckdb.connect(str(db), read_only=True)
    try:
        found = con.execute(
            "SELECT source_path, content_sha256 FROM articles WHERE list_contains(?, source_path)",
            [sorted(names)],
        ).fetchall()
    finally:
        con.close()
    return [(path, sha) for path, sha in found]


def format_reviews(
    reviewed: ReviewedRows,
    held_out: dict[str, evaluate.Reliability | None] | None = None,
    held_with: str | None = None,
) -> str:
    """What the analysts' verdicts say of the confidence, per table: how many judged rows were
    right; of the rows at 0.8 or more, how many were right as the warehouse scored them (the
    model they were reviewed under) and as this fit scores them without having seen them
    (`held_out`); and the rows analysts added (the machine's misses)."""
    judged = sum(len(v) for v in reviewed.samples.values())
    lines = [
        f"analysts' verdicts in {reviewed.warehouse}: {judged} judged row(s) of "
        f"{reviewed.articles} article(s) (confirmed = right; rejected or corrected = wrong)"
        + (f"; held out together with {held_with} (the same pages)" if held_with else "")
    ]
    for table in ROW_TABLES:
        labels = [right for _p, right in reviewed.stored[table]]
        if not labels and not reviewed.added[table]:
            continue
        line = f"  {table}: {sum(labels)} of {len(labels)} right"
        if labels:
            before = evaluate.Reliability.of(reviewed.stored[table])
            line += f"; at 0.8 or more: {_right_of(before)} as the warehouse scored them"
            if held_out and held_out.get(table) is not None:
                line += f", {_right_of(held_out[table])} by this fit (fitted without them)"
        line += f"; {reviewed.added[table]} added by analysts (missed, not fitted)"
        lines.append(line)
    if reviewed.unattached:
        lines.append(f"  {reviewed.unattached} review(s) attach to no row and are not counted")
    return "\n".join(lines)


def _right_of(reliability: evaluate.Reliability) -> str:
    rows, right = reliability.rows[-1], reliability.right[-1]
    return f"{right} of {rows} right"


# --- fitting -------------------------------------------------------------------------------


def _design(samples: Sequence[Sample], vocabulary: Sequence[str]) -> np.ndarray:
    column = {f: i for i, f in enumerate(vocabulary)}
    x = np.zeros((len(samples), len(vocabulary)))
    for i, s in enumerate(samples):
        for f in s.features:
            if f in column:
                x[i, column[f]] = 1.0
    return x


def smoothed_targets(labels: Sequence[bool]) -> np.ndarray:
    """Platt's targets: (n₊+1)/(n₊+2) for a right row, 1/(n₋+2) for a wrong one.

    A Beta(1, 1)-like prior on the labels: a table (or a fold) with no wrong row yet does not
    make the model certain, and its weights stay finite.
    """
    y = np.asarray(labels, dtype=bool)
    positives, negatives = int(y.sum()), int((~y).sum())
    return np.where(y, (positives + 1) / (positives + 2), 1 / (negatives + 2))


def _fit_weights(
    x: np.ndarray,
    t: np.ndarray,
    penalty: np.ndarray,
    centre: np.ndarray,
    row_weights: np.ndarray | None = None,
) -> np.ndarray:
    """Minimise Σ rᵢ·logloss(tᵢ, xᵢ·w) + ½·Σ penalty·(w − centre)², by damped Newton."""
    r = np.ones(len(t)) if row_weights is None else np.asarray(row_weights, dtype=float)

    def objective(w: np.ndarray) -> float:
        z = x @ w
        loss = np.sum(r * (np.logaddexp(0.0, z) - t * z))
        return float(loss + 0.5 * np.sum(penalty * (w - centre) ** 2))

    w = centre.copy()
    current = objective(w)
    for _ in range(200):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -50, 50)))
        gradient = x.T @ (r * (p - t)) + penalty * (w - centre)
        hessian = (x.T * (r * p * (1 - p))) @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        size = 1.0
        while size > 1e-6 and objective(w - size * step) > current:
            size /= 2  # a full Newton step can overshoot on nearly separable rows
        w = w - size * step
        previous, current = current, objective(w)
        if previous - current < 1e-10:
            break
    return w


def fit_logistic(samples: Sequence[Sample], l2: float) -> TableModel:
    """L2-regularised logistic regression on smoothed targets, rows weighted by their set.

    The intercept is barely penalised, so it carries the table's base rate and the feature
    weights say what moves a row away from it.
    """
    vocabulary = sorted({f for s in samples for f in s.features})
    x = np.hstack([np.ones((len(samples), 1)), _design(samples, vocabulary)])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 1e-3
    targets = smoothed_targets([s.right for s in samples])
    row_weights = np.array([s.weight for s in samples])
    w = _fit_weights(x, targets, penalty, np.zeros(x.shape[1]), row_weights)
    return TableModel(float(w[0]), dict(zip(vocabulary, map(float, w[1:]), strict=True)))


def platt_weights(samples: Sequence[Sample], ratio: float = BLIND_PLATT_RATIO) -> list[float]:
    """Row weights for the Platt step: blind rows scaled so that together they weigh `ratio`
    times all tuned rows (unchanged when either kind is missing)."""
    blind = sum(s.weight for s in samples if s.blind)
    tuned = sum(s.weight for s in samples if not s.blind)
    if not blind or not tuned:
        return [s.weight for s in samples]
    scale = ratio * tuned / blind
    return [s.weight * scale if s.blind else s.weight for s in samples]


def fit_platt(
    scores: Sequence[float], labels: Sequence[bool], weights: Sequence[float] | None = None
) -> tuple[float, float]:
    """Platt's scaling σ(a·s + b), with his smoothed targets so that few errors do not give 1.0."""
    t = smoothed_targets(labels)
    r = np.ones(len(t)) if weights is None else np.asarray(weights, dtype=float)
    x = np.vstack([np.asarray(scores, dtype=float), np.ones(len(t))]).T
    a, b = _fit_weights(x, t, np.array([1e-3, 1e-3]), np.array([1.0, 0.0]), r)
    if a <= 0:
        # Held-out scores that do not rank rows (or rank them backwards) carry no signal: every
        # row gets the table's smoothed (weighted) share of right rows.
        share = float(np.sum(r * t) / np.sum(r))
        return 0.0, float(np.log(share / (1 - share)))
    return float(a), float(b)


def folds(samples: Sequence[Sample], k: int = FOLDS) -> list[int]:
    """A fold per row, whole articles together, spread by a hash of the article's name."""
    articles = sorted({s.article for s in samples}, key=lambda a: stable_id(a))
    fold_of = {a: i % k for i, a in enumerate(articles)}
    return [fold_of[s.article] for s in samples]


def groups(samples: Sequence[Sample], k: int = FOLDS) -> list[int]:
    """The held-out groups that calibrate the model: whole gold sets when there are at least
    `MIN_SETS` of them (a set is a corpus of its own outlets, formats and annotator, so a
    model scored on a set it never saw is scored as on a new corpus), else article folds."""
    if len({s.held_group for s in samples}) >= MIN_SETS:
        return [s.held_group for s in samples]
    return folds(samples, k)


def out_of_fold_scores(
    samples: Sequence[Sample], l2: float, k: int = FOLDS, assignment: Sequence[int] | None = None
) -> list[float]:
    """Each row's logistic score from a model fitted without its group (by default its
    article's fold)."""
    assignment = folds(samples, k) if assignment is None else assignment
    scores = [0.0] * len(samples)
    for fold in sorted(set(assignment)):
        train = [s for s, f in zip(samples, assignment, strict=True) if f != fold]
        model = fit_logistic(train, l2) if train else TableModel(0.0, {})
        for i, (s, f) in enumerate(zip(samples, assignment, strict=True)):
            if f == fold:
                scores[i] = model.score(s.features)
    return scores


def _log_loss(
    probabilities: Sequence[float], labels: Sequence[bool], weights: Sequence[float]
) -> float:
    p = np.clip(np.asarray(probabilities), 1e-6, 1 - 1e-6)
    y = np.asarray(labels, dtype=float)
    r = np.asarray(weights, dtype=float)
    return float(-np.sum(r * (y * np.log(p) + (1 - y) * np.log(1 - p))) / np.sum(r))


def cross_validated(
    samples: Sequence[Sample], l2: float, k: int = FOLDS
) -> tuple[list[float], list[float]]:
    """Out-of-fold logistic scores, and probabilities whose Platt step also left the fold out."""
    scores = out_of_fold_scores(samples, l2, k)
    labels = [s.right for s in samples]
    weights = platt_weights(samples)
    assignment = folds(samples, k)
    probabilities = [0.0] * len(samples)
    for fold in sorted(set(assignment)):
        rest = [i for i, f in enumerate(assignment) if f != fold]
        a, b = 1.0, 0.0
        if rest:
            a, b = fit_platt(
                [scores[i] for i in rest], [labels[i] for i in rest], [weights[i] for i in rest]
            )
        for i, f in enumerate(assignment):
            if f == fold:
                probabilities[i] = confidence.sigmoid(a * scores[i] + b)
    return scores, probabilities


def fit_calibrated(samples: Sequence[Sample], l2: float, k: int = FOLDS) -> TableModel:
    """The logistic model on every row, with a Platt scaling fitted on held-out scores: each
    row scored by a model that never saw its gold set (or, with few sets, its article fold).
    Scores of unseen corpora are less sure than scores of seen ones, and the scaling learns by
    how much."""
    scores = out_of_fold_scores(samples, l2, k, groups(samples, k))
    scale, shift = fit_platt(scores, [s.right for s in samples], platt_weights(samples))
    held_out = [confidence.sigmoid(scale * score + shift) for score in scores]
    gate = blind_gate(
        [p for p, s in zip(held_out, samples, strict=True) if s.blind],
        [s.right for s in samples if s.blind],
    )
    model = fit_logistic(samples, l2)
    return TableModel(model.intercept, model.weights, scale, shift, gate)


def blind_gate(
    probabilities: Sequence[float],
    labels: Sequence[bool],
    target: float = GATE_PRECISION,
    min_rows: int = GATE_MIN_ROWS,
) -> float:
    """The lowest probability at which the blind rows' held-out probabilities keep the promise
    (rows at or above it right at least `target` of the time, `min_rows` of them at least): 0
    when the rows at `confidence.HIGH` already keep it, 1 when no threshold does (no row of the
    table then reaches HIGH). Each blind row was scored by a model that never saw its set, so
    the gate asks of unseen pages what the Platt step, which also learns from tuned rows, does
    not: the tuned sets' rows are right more often than any new page's."""
    rows = sorted(zip(probabilities, labels, strict=True), reverse=True)
    top = [(p, right) for p, right in rows if p >= confidence.HIGH]
    if not rows:
        return 0.0
    # From the lowest candidate threshold up: the first that keeps the promise on enough rows.
    right = sum(r for _p, r in top)
    for i in range(len(top) - 1, -1, -1):
        n = i + 1
        if n < min_rows:
            break
        if (i + 1 == len(top) or top[i + 1][0] < top[i][0]) and right / n >= target:
            return 0.0 if n == len(top) else top[i][0]
        right -= top[i][1]
    return 1.0


@dataclass(frozen=True)
class TableFit:
    model: TableModel
    l2: float
    reliability: evaluate.Reliability  # cross-validated over articles
    rows: int
    right: int
    # Each set predicted by a model fitted on the other sets: how the model carries to a new one.
    across_sets: evaluate.Reliability | None = None
    # The same, set by set (keyed by the set's index on the command line).
    per_set: dict[int, evaluate.Reliability] | None = None


def out_of_set(samples: Sequence[Sample], l2: float, k: int = FOLDS) -> list[float]:
    """Each row's confidence from a model (weights and Platt scaling) fitted on the other sets
    only (a blind file and the live set of the same articles are held out together): how the
    confidence carries to a corpus it has never seen."""
    probabilities = [0.0] * len(samples)
    for held in sorted({s.held_group for s in samples}):
        train = [s for s in samples if s.held_group != held]
        model = fit_calibrated(train, l2, k) if train else TableModel(0.0, {})
        for i, s in enumerate(samples):
            if s.held_group == held:
                probabilities[i] = model.probability(s.features)
    return probabilities


def leave_one_set_out(samples: Sequence[Sample], l2: float, k: int = FOLDS) -> evaluate.Reliability:
    """Reliability when each set's rows are scored by a model fitted on the other sets only."""
    probabilities = out_of_set(samples, l2, k)
    return evaluate.Reliability.of(zip(probabilities, (s.right for s in samples), strict=True))


def shared_features(samples: Sequence[Sample]) -> list[Sample]:
    """The samples with only the features of groups ("cue_gap" of "cue_gap=none") that every
    set's rows carry. Frozen blind rows keep the features of the code that wrote them; a group
    added later is missing from them, and a fit that saw it would learn "this group absent"
    as "this is a blind row" (rows of unseen text are less often right): a signal that no new
    row, which always has the group, can give. Such a group weighs nothing until blind rows
    that carry it exist."""
    by_set: dict[int, set[str]] = {}
    for sample in samples:
        by_set.setdefault(sample.set_index, set()).update(
            f.split("=", 1)[0] for f in sample.features
        )
    if len(by_set) < 2:
        return list(samples)
    shared = set.intersection(*by_set.values())
    return [
        dataclasses.replace(
            s, features=tuple(f for f in s.features if f.split("=", 1)[0] in shared)
        )
        for s in samples
    ]


def fit_table(samples: Sequence[Sample], k: int = FOLDS) -> TableFit:
    """Choose the L2 strength by held-out log loss (leave one set out when there are enough
    sets, else article folds), fit on every row, Platt on the held-out scores. Only features
    of groups every set carries are used (`shared_features`)."""
    samples = shared_features(samples)
    labels = [s.right for s in samples]
    if not samples:
        return TableFit(TableModel(0.0, {}), L2_GRID[0], evaluate.Reliability.of(()), 0, 0)
    weights = [s.weight for s in samples]
    by_set = len({s.held_group for s in samples}) >= MIN_SETS
    best = None
    for l2 in L2_GRID:
        if by_set:
            held_out = out_of_set(samples, l2, k)
        else:
            _scores, held_out = cross_validated(samples, l2, k)
        loss = _log_loss(held_out, labels, weights)
        if best is None or loss < best[0] - 1e-9:
            best = (loss, l2, held_out)
    _loss, l2, held_out = best
    _scores, probabilities = cross_validated(samples, l2, k)
    across = per_set = None
    if len({s.set_index for s in samples}) > 1:
        if not by_set:
            held_out = out_of_set(samples, l2, k)
        across = evaluate.Reliability.of(zip(held_out, labels, strict=True))
        per_set = {
            index: evaluate.Reliability.of(
                (p, s.right) for p, s in zip(held_out, samples, strict=True) if s.set_index == index
            )
            for index in sorted({s.set_index for s in samples})
        }
    return TableFit(
        fit_calibrated(samples, l2, k),
        l2,
        evaluate.Reliability.of(zip(probabilities, labels, strict=True)),
        len(samples),
        sum(labels),
        across,
        per_set,
    )


def fit(samples: dict[str, list[Sample]], k: int = FOLDS) -> dict[str, TableFit]:
    return {table: fit_table(samples.get(table, []), k) for table in ROW_TABLES}


def model_file(fits: dict[str, TableFit], sets: Sequence[GoldSet]) -> dict[str, Any]:
    return {
        "about": "Confidence model of etl/confidence.py, written by python -m etl.calibrate; "
        "re-fit rather than edit. Weights are log-odds per feature present.",
        "fitted_on": [
            {"articles": str(g.articles), "gold": str(g.gold), "weight": g.weight} for g in sets
        ],
        "tables": {
            table: {
                **f.model.as_dict(),
                "l2": f.l2,
                "rows": f.rows,
                "right": f.right,
                "cross_validated_reliability": f.reliability.as_dict(),
                **(
                    {"leave_one_set_out_reliability": f.across_sets.as_dict()}
                    if f.across_sets is not None
                    else {}
                ),
                **(
                    {
                        "leave_one_set_out_by_set": {
                            str(sets[i].articles): r.as_dict()["high_confidence"]
                            for i, r in f.per_set.items()
                            if i < len(sets)
                        }
                    }
                    if f.per_set
                    else {}
                ),
            }
            for table, f in fits.items()
        },
    }


def format_by_set(fits: dict[str, TableFit], sets: Sequence[GoldSet]) -> str:
    """Per held-out set and table: rows at confidence ≥ 0.8 (their share) and their precision."""
    lines = ["leave one set out, set by set: rows ≥0.8 / all rows (share), precision of those"]
    for i, gold_set in enumerate(sets):
        cells = []
        for table, f in fits.items():
            r = (f.per_set or {}).get(i)
            if r is None or not r.total:
                cells.append(f"{table} —")
                continue
            cells.append(
                f"{table} {r.rows[-1]}/{r.total} ({evaluate._fmt(r.high_share)}), "
                f"{evaluate._fmt(r.high.precision)}"
            )
        lines.append(f"  {gold_set.articles}: " + "; ".join(cells))
    return "\n".join(lines)


# --- command line ----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m etl.calibrate",
        description="Fit the confidence model on development gold sets and write it as JSON.",
    )
    parser.add_argument(
        "--set",
        nargs="+",
        action="append",
        default=[],
        metavar="ARTICLES GOLD [WEIGHT]",
        dest="sets",
        help="a folder of articles, its gold folder and optionally the weight of its rows "
        "(default 1; e.g. 3 for a set of real pages beside sets written for testing); repeat "
        "for several sets",
    )
    parser.add_argument(
        "--out", type=Path, default=confidence.DEFAULT_MODEL, metavar="FILE", help="model file"
    )
    parser.add_argument("--folds", type=int, default=FOLDS, help="cross-validation folds")
    parser.add_argument(
        "--frozen",
        nargs="+",
        action="append",
        default=[],
        metavar="FILE [WEIGHT]",
        help="labelled rows of a blind run (written by --freeze), fitted on as a set of their own",
    )
    parser.add_argument(
        "--reviews",
        nargs="+",
        action="append",
        default=[],
        metavar="WAREHOUSE [WEIGHT]",
        help="also fit on the machine rows analysts judged in this warehouse (confirmed: right; "
        "rejected or corrected: wrong), as a blind set of their own, and report the confidence "
        "on those verdicts; rows analysts added are reported as misses",
    )
    parser.add_argument(
        "--freeze",
        nargs=2,
        metavar=("WAREHOUSE", "GOLD"),
        help="instead of fitting, write the labelled rows of WAREHOUSE (made by code that had "
        "not seen the set) against GOLD to --out, as JSON lines",
    )
    parser.add_argument(
        "--redescribe",
        nargs=3,
        metavar=("WAREHOUSE", "GOLD", "FROZEN"),
        help="instead of fitting, write to --out the rows of FROZEN (a --freeze file) with the "
        "feature groups they lack, read from WAREHOUSE: the blind run that wrote them, or one "
        "rebuilt by the code of the commit that froze them (checked row by row)",
    )
    parser.add_argument(
        "--regroup",
        nargs="+",
        default=[],
        metavar="GROUP",
        help="with --redescribe: feature groups whose definition changed since the rows were "
        "frozen (e.g. family format), read again by today's code",
    )
    parser.add_argument(
        "--tables",
        nargs="+",
        choices=ROW_TABLES,
        help="with --redescribe: only these tables (default: all)",
    )
    return parser


def parse_set(values: Sequence[str]) -> GoldSet:
    """ARTICLES GOLD [WEIGHT] from the command line (ValueError with a message if malformed)."""
    if len(values) not in (2, 3):
        raise ValueError(f"--set takes ARTICLES GOLD [WEIGHT], not {' '.join(values)!r}")
    weight = float(values[2]) if len(values) == 3 else 1.0
    if not weight > 0:
        raise ValueError(f"a set's weight must be positive, not {values[2]!r}")
    return GoldSet(Path(values[0]), Path(values[1]), weight)


def check_set(gold_set: GoldSet) -> str | None:
    """Why a set cannot be fitted on, or None."""
    if any("holdout" in part for part in (*gold_set.articles.parts, *gold_set.gold.parts)):
        return f"{gold_set.articles} looks like a hold-out set; never fit on one"
    for folder in (gold_set.articles, gold_set.gold):
        if not folder.is_dir():
            return f"not a folder: {folder}"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.freeze:
        if args.out == confidence.DEFAULT_MODEL:
            print("error: --freeze needs --out FILE for the rows", file=sys.stderr)
            return 2
        rows = freeze(Path(args.freeze[0]), Path(args.freeze[1]))
        args.out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        print(f"wrote {len(rows)} labelled rows to {args.out}")
        return 0
    if args.redescribe:
        if args.out == confidence.DEFAULT_MODEL:
            print("error: --redescribe needs --out FILE for the rows", file=sys.stderr)
            return 2
        db, gold, frozen_file = (Path(p) for p in args.redescribe)
        frozen_rows = [
            json.loads(line)
            for line in frozen_file.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        try:
            rows = redescribe(db, gold, frozen_rows, args.tables or ROW_TABLES, args.regroup)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        args.out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        print(f"wrote {len(rows)} re-described rows to {args.out}")
        return 0
    if not args.sets:
        parser.error("--set ARTICLES GOLD is required")
    try:
        sets = [parse_set(values) for values in args.sets]
        frozen = [parse_set([values[0], values[0], *values[1:]]) for values in args.frozen]
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for gold_set in frozen:
        if not gold_set.articles.is_file():
            print(f"error: not a file: {gold_set.articles}", file=sys.stderr)
            return 1
    for gold_set in sets:
        problem = check_set(gold_set)
        if problem:
            print(f"error: {problem}", file=sys.stderr)
            return 2 if "hold-out" in problem else 1
    try:
        for gold_set in sets:
            evaluate.load_gold(gold_set.gold)
        samples = collect(sets)
    except evaluate.GoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for j, gold_set in enumerate(frozen):
        family = family_of(gold_set.articles, sets)
        found = read_frozen(gold_set.articles, gold_set.weight, len(sets) + j, family)
        for table, rows in found.items():
            samples[table] += rows
    sets = [*sets, *frozen]
    try:
        reviewed = add_reviews(samples, args.reviews, sets)
    except (ValueError, OSError) as exc:  # ReviewError is a ValueError
        print(f"error: {exc}", file=sys.stderr)
        return 1
    first_review = len(sets)
    sets = [*sets, *(GoldSet(r.warehouse, r.warehouse, w) for r, w in reviewed)]
    fits = fit(samples, args.folds)
    args.out.write_text(json.dumps(model_file(fits, sets), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    print(f"cross-validated over articles ({args.folds} folds):")
    print(evaluate.format_reliability({t: f.reliability for t, f in fits.items()}))
    across = {t: f.across_sets for t, f in fits.items() if f.across_sets is not None}
    if across:
        print("each set scored by a model fitted on the other sets (how it carries to new text):")
        print(evaluate.format_reliability(across))
        print(format_by_set(fits, sets))
    for table, f in fits.items():
        gate = "none" if f.model.gate <= 0 else f"{f.model.gate:.3f}"
        print(f"{table}: {f.rows} rows, {f.right} right, L2 {f.l2}, gate to ≥0.8: {gate}")
    for j, (rows, _weight) in enumerate(reviewed):
        held = {t: (f.per_set or {}).get(first_review + j) for t, f in fits.items()}
        family = next((s.family for v in rows.samples.values() for s in v), -1)
        print(format_reviews(rows, held, str(sets[family].articles) if family >= 0 else None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
