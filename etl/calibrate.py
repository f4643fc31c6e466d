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

L2_GRID = (1.0, 3.0, 10.0, 30.0)
FOLDS = 5


@dataclass(frozen=True)
class Sample:
    """One predicted row: its article, its features and whether it is right."""

    article: str
    features: tuple[str, ...]
    right: bool


# --- labelled rows -------------------------------------------------------------------------


def samples_from_scores(scores: evaluate.Scores, prefix: str = "") -> dict[str, list[Sample]]:
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
                found[table].append(Sample(prefix + article.name, tuple(features), bool(right)))
    return found


def collect(sets: Sequence[tuple[Path, Path]]) -> dict[str, list[Sample]]:
    """Run the ETL on each (articles, gold) set and label its rows."""
    from etl.run import run_etl

    samples: dict[str, list[Sample]] = {table: [] for table in ROW_TABLES}
    for n, (articles, gold) in enumerate(sets):
        with tempfile.TemporaryDirectory(prefix="etl-calibrate-") as folder:
            db = Path(folder) / "warehouse.duckdb"
            print(f"running the ETL on {articles} …", file=sys.stderr)
            run_etl(articles, db, full=True)
            scores = evaluate.score_folder(db, gold)
        for table, rows in samples_from_scores(scores, prefix=f"{n}:").items():
            samples[table] += rows
    return samples


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
    x: np.ndarray, t: np.ndarray, penalty: np.ndarray, centre: np.ndarray
) -> np.ndarray:
    """Minimise logistic loss on targets t plus ½·Σ penalty·(w − centre)², by damped Newton."""

    def objective(w: np.ndarray) -> float:
        z = x @ w
        loss = np.sum(np.logaddexp(0.0, z) - t * z)
        return float(loss + 0.5 * np.sum(penalty * (w - centre) ** 2))

    w = centre.copy()
    current = objective(w)
    for _ in range(200):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -50, 50)))
        gradient = x.T @ (p - t) + penalty * (w - centre)
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(penalty)
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
    """L2-regularised logistic regression on smoothed targets.

    The intercept is barely penalised, so it carries the table's base rate and the feature
    weights say what moves a row away from it.
    """
    vocabulary = sorted({f for s in samples for f in s.features})
    x = np.hstack([np.ones((len(samples), 1)), _design(samples, vocabulary)])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 1e-3
    w = _fit_weights(x, smoothed_targets([s.right for s in samples]), penalty, np.zeros(x.shape[1]))
    return TableModel(float(w[0]), dict(zip(vocabulary, map(float, w[1:]), strict=True)))


def fit_platt(scores: Sequence[float], labels: Sequence[bool]) -> tuple[float, float]:
    """Platt's scaling σ(a·s + b), with his smoothed targets so that few errors do not give 1.0."""
    t = smoothed_targets(labels)
    x = np.vstack([np.asarray(scores, dtype=float), np.ones(len(t))]).T
    a, b = _fit_weights(x, t, np.array([1e-3, 1e-3]), np.array([1.0, 0.0]))
    if a <= 0:
        # Held-out scores that do not rank rows (or rank them backwards) carry no signal: every
        # row gets the table's smoothed share of right rows.
        return 0.0, float(np.log(t.mean() / (1 - t.mean())))
    return float(a), float(b)


def folds(samples: Sequence[Sample], k: int = FOLDS) -> list[int]:
    """A fold per row, whole articles together, spread by a hash of the article's name."""
    articles = sorted({s.article for s in samples}, key=lambda a: stable_id(a))
    fold_of = {a: i % k for i, a in enumerate(articles)}
    return [fold_of[s.article] for s in samples]


def out_of_fold_scores(samples: Sequence[Sample], l2: float, k: int = FOLDS) -> list[float]:
    """Each row's logistic score from a model fitted without its article's fold."""
    assignment = folds(samples, k)
    scores = [0.0] * len(samples)
    for fold in sorted(set(assignment)):
        train = [s for s, f in zip(samples, assignment, strict=True) if f != fold]
        model = fit_logistic(train, l2) if train else TableModel(0.0, {})
        for i, (s, f) in enumerate(zip(samples, assignment, strict=True)):
            if f == fold:
                scores[i] = model.score(s.features)
    return scores


def _log_loss(probabilities: Sequence[float], labels: Sequence[bool]) -> float:
    p = np.clip(np.asarray(probabilities), 1e-6, 1 - 1e-6)
    y = np.asarray(labels, dtype=float)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def cross_validated(
    samples: Sequence[Sample], l2: float, k: int = FOLDS
) -> tuple[list[float], list[float]]:
    """Out-of-fold logistic scores, and probabilities whose Platt step also left the fold out."""
    scores = out_of_fold_scores(samples, l2, k)
    labels = [s.right for s in samples]
    assignment = folds(samples, k)
    probabilities = [0.0] * len(samples)
    for fold in sorted(set(assignment)):
        rest = [i for i, f in enumerate(assignment) if f != fold]
        if rest:
            a, b = fit_platt([scores[i] for i in rest], [labels[i] for i in rest])
        else:
            a, b = 1.0, 0.0
        for i, f in enumerate(assignment):
            if f == fold:
                probabilities[i] = confidence.sigmoid(a * scores[i] + b)
    return scores, probabilities


@dataclass(frozen=True)
class TableFit:
    model: TableModel
    l2: float
    reliability: evaluate.Reliability  # cross-validated
    rows: int
    right: int


def fit_table(samples: Sequence[Sample], k: int = FOLDS) -> TableFit:
    """Choose the L2 strength by cross-validated log loss, fit on every row, Platt on the folds."""
    labels = [s.right for s in samples]
    if not samples:
        return TableFit(TableModel(0.0, {}), L2_GRID[0], evaluate.Reliability.of(()), 0, 0)
    best = None
    for l2 in L2_GRID:
        scores, probabilities = cross_validated(samples, l2, k)
        loss = _log_loss(probabilities, labels)
        if best is None or loss < best[0] - 1e-9:
            best = (loss, l2, scores, probabilities)
    _loss, l2, scores, probabilities = best
    scale, shift = fit_platt(scores, labels)
    model = fit_logistic(samples, l2)
    model = TableModel(model.intercept, model.weights, scale, shift)
    reliability = evaluate.Reliability.of(zip(probabilities, labels, strict=True))
    return TableFit(model, l2, reliability, len(samples), sum(labels))


def fit(samples: dict[str, list[Sample]], k: int = FOLDS) -> dict[str, TableFit]:
    return {table: fit_table(samples.get(table, []), k) for table in ROW_TABLES}


def model_file(fits: dict[str, TableFit], sets: Sequence[tuple[Path, Path]]) -> dict[str, Any]:
    return {
        "about": "Confidence model of etl/confidence.py, written by python -m etl.calibrate; "
        "re-fit rather than edit. Weights are log-odds per feature present.",
        "fitted_on": [{"articles": str(a), "gold": str(g)} for a, g in sets],
        "tables": {
            table: {
                **f.model.as_dict(),
                "l2": f.l2,
                "rows": f.rows,
                "right": f.right,
                "cross_validated_reliability": f.reliability.as_dict(),
            }
            for table, f in fits.items()
        },
    }


# --- command line ----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m etl.calibrate",
        description="Fit the confidence model on development gold sets and write it as JSON.",
    )
    parser.add_argument(
        "--set",
        nargs=2,
        action="append",
        type=Path,
        required=True,
        metavar=("ARTICLES", "GOLD"),
        dest="sets",
        help="a folder of articles and its gold folder (repeat for several sets)",
    )
    parser.add_argument(
        "--out", type=Path, default=confidence.DEFAULT_MODEL, metavar="FILE", help="model file"
    )
    parser.add_argument("--folds", type=int, default=FOLDS, help="cross-validation folds")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    sets = [(Path(a), Path(g)) for a, g in args.sets]
    for articles, gold in sets:
        if any("holdout" in part for part in (*articles.parts, *gold.parts)):
            print(f"error: {articles} looks like a hold-out set; never fit on one", file=sys.stderr)
            return 2
        if not articles.is_dir() or not gold.is_dir():
            print(
                f"error: not a folder: {articles if not articles.is_dir() else gold}",
                file=sys.stderr,
            )
            return 1
    try:
        for _articles, gold in sets:
            evaluate.load_gold(gold)
        samples = collect(sets)
    except evaluate.GoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    fits = fit(samples, args.folds)
    args.out.write_text(json.dumps(model_file(fits, sets), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    print(f"cross-validated over articles ({args.folds} folds):")
    print(evaluate.format_reliability({t: f.reliability for t, f in fits.items()}))
    for table, f in fits.items():
        print(f"{table}: {f.rows} rows, {f.right} right, L2 {f.l2}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
