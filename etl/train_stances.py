"""Train the stance model on the gold sets: `python -m etl.train_stances` (`make train-stances`).

For each gold set the articles are read, parsed and run through actors, statements and the
stance rules exactly as the ETL does; every candidate stance (`etl.stance_model.candidates`) is
labelled from the gold - the polarity of a gold stance whose (source, target) matches the pair
under the evaluator's actor matching (`etl.evaluate.ActorIndex.matches`) and whose evidence
overlaps the candidate's sentence (`etl.evaluate.texts_overlap`), else "none".

Measurement is leave-one-set-out: for each set, a model trained on the other sets decides that
set's candidates, the rows are combined with the rules' as the ETL combines them
(`stance_model.combine`), and each article is scored with `etl.evaluate.match_stances`. Rules
only, model only and rules+model are compared per set; the threshold is chosen on the same
leave-one-set-out predictions (pooled over the real sets). The final model is then trained on
every set and written, with the figures, to `--out`.

scikit-learn is needed here only (requirements-dev.txt); the ETL scores from the JSON.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etl import evaluate, stance_model
from etl.evaluate import ActorIndex, Count
from etl.stance_model import CLASSES, Candidate, StanceModel
from etl.types import Stance

DEFAULT_SETS = (
    ("seeds", "data/raw", "tests/gold"),
    ("dev_corpus", "tests/dev_corpus/articles", "tests/dev_corpus/gold"),
    ("holdout_corpus", "tests/holdout_corpus/articles", "tests/holdout_corpus/gold"),
    ("real_dev", "tests/real_dev/articles", "tests/real_dev/gold"),
    ("real_dev2", "tests/real_dev2/articles", "tests/real_dev2/gold"),
    ("real_dev3", "tests/real_dev3/articles", "tests/real_dev3/gold"),
    ("real_dev4", "tests/real_dev4/articles", "tests/real_dev4/gold"),
    ("real_dev5", "tests/real_dev5/articles", "tests/real_dev5/gold"),
    ("real_dev6", "tests/real_dev6/articles", "tests/real_dev6/gold"),
    ("real_dev7", "tests/real_dev7/articles", "tests/real_dev7/gold"),
    ("real_dev8", "tests/real_dev8/articles", "tests/real_dev8/gold"),
    ("real_dev9", "tests/real_dev9/articles", "tests/real_dev9/gold"),
    ("real_dev10", "tests/real_dev10/articles", "tests/real_dev10/gold"),
    ("real_dev11", "tests/real_dev11/articles", "tests/real_dev11/gold"),
    ("real_dev12", "tests/real_dev12/articles", "tests/real_dev12/gold"),
    ("real_dev13", "tests/real_dev13/articles", "tests/real_dev13/gold"),
    ("real_dev14", "tests/real_dev14/articles", "tests/real_dev14/gold"),
)
REAL_SETS = (
    "real_dev",
    "real_dev2",
    "real_dev3",
    "real_dev4",
    "real_dev5",
    "real_dev6",
    "real_dev7",
    "real_dev8",
    "real_dev9",
    "real_dev10",
    "real_dev11",
    "real_dev12",
    "real_dev13",
    "real_dev14",
)
THRESHOLDS = tuple(round(0.2 + 0.05 * n, 2) for n in range(15))  # 0.20 … 0.90
L2_C = 0.3  # inverse regularisation strength of scikit-learn's LogisticRegression
SEED = 0
# A feature seen in fewer training candidates than this is left out (it would only fit noise).
MIN_COUNT = 3


@dataclass
class ArticleData:
    """One gold article: its candidates (features, label), the rules' rows, its gold stances."""

    name: str
    candidates: list[tuple[tuple[str, ...], str]]  # (features, label), in text order
    keys: list[tuple[str, str, int, int, str, str | None]]  # source, target, start, end, text, cue
    rule_rows: list[Stance]
    gold: list[dict[str, Any]]
    actors: dict[str, Any] = field(default_factory=dict)
    covered_strict: int = 0
    covered_pair: int = 0

    @functools.cached_property
    def index(self) -> ActorIndex:
        return ActorIndex(self.actors)


# --- collecting ----------------------------------------------------------------------------


def label_of(
    index: ActorIndex, source: str, target: str, sentence: str, gold: Sequence[dict[str, Any]]
) -> str:
    """The polarity of the gold stance this pair in this sentence stands for, else "none"."""
    for row in gold:
        if (
            index.matches(row["source"], source, evaluate._slug_text(source), stand_in=True)
            and index.matches(row["target"], target, evaluate._slug_text(target), stand_in=True)
            and evaluate.texts_overlap(sentence, row.get("evidence") or "")
        ):
            return row["polarity"]
    return "none"


def collect_set(articles_dir: Path, gold_dir: Path, analyser: Any) -> list[ArticleData]:
    """Every gold article of one set, analysed as the ETL does, its candidates labelled."""
    from etl.actors import resolve_mentions
    from etl.context import ArticleContext
    from etl.docindex import DocIndex
    from etl.run import SilentReporter, default_steps, read_inputs
    from etl.stances import rule_stances
    from etl.statements import extract_statements

    golds = {g.name: g for g in evaluate.load_gold(gold_dir)}
    intake = read_inputs(articles_dir, default_steps(), SilentReporter())
    articles = sorted(
        (a for a in intake.articles if Path(a.source_path).stem in golds),
        key=lambda a: a.source_path,
    )
    found = []
    for doc, article in analyser._parsed(articles, 8):
        try:
            mentions, new_actors = resolve_mentions(doc, article.article_id, analyser.gazetteer)
            actors = {**analyser.gazetteer.actors, **{a.actor_id: a for a in new_actors}}
            ctx = ArticleContext(article=article, doc=doc, mentions=tuple(mentions), actors=actors)
            statements = extract_statements(ctx)
            rules = rule_stances(ctx, statements)
            cands = stance_model.candidates(ctx, statements, rules)
            gold = golds[Path(article.source_path).stem]
            index = ActorIndex(actors)
            data = ArticleData(
                gold.name,
                [
                    (
                        c.features,
                        label_of(index, c.source_id, c.target_id, c.sentence.text, gold.stances),
                    )
                    for c in cands
                ],
                [
                    (
                        c.source_id,
                        c.target_id,
                        c.sentence.start_char,
                        c.sentence.end_char,
                        c.sentence.text,
                        c.statement_id,
                    )
                    for c in cands
                ],
                rules,
                list(gold.stances),
                actors,
            )
            data.covered_strict, data.covered_pair = _coverage(index, cands, gold.stances)
            found.append(data)
        finally:
            DocIndex.release(doc)
    return found


def _coverage(
    index: ActorIndex, cands: Sequence[Candidate], gold: Sequence[dict[str, Any]]
) -> tuple[int, int]:
    """Gold stances with a candidate of their pair in an overlapping sentence, and anywhere."""
    strict = pair = 0
    for row in gold:
        matching = [
            c
            for c in cands
            if index.matches(
                row["source"], c.source_id, evaluate._slug_text(c.source_id), stand_in=True
            )
            and index.matches(
                row["target"], c.target_id, evaluate._slug_text(c.target_id), stand_in=True
            )
        ]
        pair += bool(matching)
        strict += any(
            evaluate.texts_overlap(c.sentence.text, row.get("evidence") or "") for c in matching
        )
    return strict, pair


# --- fitting -------------------------------------------------------------------------------


def fit(
    samples: Sequence[tuple[tuple[str, ...], str]],
    threshold: float,
    c: float = L2_C,
    min_count: int = MIN_COUNT,
    all_classes: Sequence[str] = CLASSES,
) -> StanceModel:
    """A multinomial logistic regression on (features, label) samples, as a `StanceModel`
    over `all_classes` (features seen in fewer than `min_count` samples left out)."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    seen = Counter(f for features, _ in samples for f in set(features))
    vocabulary = sorted(f for f, n in seen.items() if n >= min_count)
    column = {f: n for n, f in enumerate(vocabulary)}
    rows, columns = [], []
    for row, (features, _) in enumerate(samples):
        for f in sorted(set(features) & column.keys()):
            rows.append(row)
            columns.append(column[f])
    x = csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(samples), len(vocabulary)))
    all_classes = tuple(all_classes)
    labels = [label for _, label in samples]
    classes = [k for k in all_classes if k in set(labels)]
    y = np.array([classes.index(label) for label in labels])
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    model.fit(x, y)
    coef = np.zeros((len(all_classes), len(vocabulary)))
    intercepts = np.full(len(all_classes), -30.0)  # a class never seen in training is never chosen
    for n, k in enumerate(model.classes_):
        coef[all_classes.index(classes[k])] = model.coef_[n] if len(model.classes_) > 2 else 0.0
        intercepts[all_classes.index(classes[k])] = (
            model.intercept_[n] if len(model.classes_) > 2 else 0.0
        )
    weights = {f: tuple(float(w) for w in coef[:, column[f]]) for f in vocabulary}
    return StanceModel(all_classes, tuple(float(b) for b in intercepts), weights, threshold)


# --- scoring -------------------------------------------------------------------------------


def rows_of(data: ArticleData, model: StanceModel, mode: str) -> list[Stance]:
    """The article's stance rows as the ETL would write them with `model` in `mode`."""
    learned = []
    for (features, _), (source, target, start, end, text, statement_id) in zip(
        data.candidates, data.keys, strict=True
    ):
        polarity, probability = model.decide(features)
        if polarity == "none":
            continue
        learned.append(
            (
                Stance(
                    stance_id=f"{source}|{target}|{polarity}|{start}",
                    article_id=data.name,
                    statement_id=statement_id,
                    source_id=source,
                    target_id=target,
                    polarity=polarity,
                    evidence=text,
                    char_start=start,
                    char_end=end,
                ),
                probability,
            )
        )
    return stance_model.combine(data.rule_rows, learned, mode)


def score(articles: Sequence[ArticleData], model: StanceModel | None, mode: str) -> Count:
    total = Count(0, 0, 0)
    for data in articles:
        rows = data.rule_rows if model is None or mode == "rules" else rows_of(data, model, mode)
        total += evaluate.match_stances(rows, data.gold, data.index).count
    return total


def _figures(count: Count) -> dict[str, float | None]:
    return {
        "precision": None if count.precision is None else round(count.precision, 3),
        "recall": None if count.recall is None else round(count.recall, 3),
        "f1": None if count.f1 is None else round(count.f1, 3),
    }


def leave_one_set_out(
    sets: dict[str, list[ArticleData]], thresholds: Sequence[float] = THRESHOLDS
) -> dict[str, Any]:
    """Per held-out set and threshold, the counts of rules / model / rules+model."""
    out: dict[str, Any] = {}
    for held in sets:
        train = [
            s
            for name, articles in sets.items()
            if name != held
            for a in articles
            for s in a.candidates
        ]
        model = fit(train, thresholds[0])
        out[held] = {"rules": score(sets[held], None, "rules")}
        for t in thresholds:
            tuned = StanceModel(model.classes, model.intercepts, model.weights, t)
            out[held][t] = {
                "model": score(sets[held], tuned, "model"),
                "both": score(sets[held], tuned, "both"),
            }
        print(f"  held out {held}", file=sys.stderr)
    return out


def pick_threshold(loso: dict[str, Any], mode: str, thresholds: Sequence[float]) -> float:
    """The threshold with the best F1 pooled over the real sets' leave-one-set-out rows."""

    def pooled(t: float) -> float:
        total = Count(0, 0, 0)
        for name in REAL_SETS:
            if name in loso:
                total += loso[name][t][mode]
        return total.f1 or 0.0

    return max(thresholds, key=lambda t: (round(pooled(t), 6), -t))


def threshold_sweep(loso: dict[str, Any], thresholds: Sequence[float]) -> dict[float, Any]:
    """Per threshold, rules+model and model alone pooled over the real sets."""
    sweep = {}
    for t in thresholds:
        both = alone = Count(0, 0, 0)
        for name in REAL_SETS:
            if name in loso:
                both += loso[name][t]["both"]
                alone += loso[name][t]["model"]
        sweep[t] = {"both": _figures(both), "model": _figures(alone)}
    return sweep


def _fmt(figures: dict[str, float | None]) -> str:
    return "/".join("-" if v is None else f"{v:.2f}" for v in figures.values())


def report(loso: dict[str, Any], threshold: float) -> list[dict[str, Any]]:
    rows = []
    for name, per in loso.items():
        rows.append(
            {
                "set": name,
                "rules": _figures(per["rules"]),
                "model": _figures(per[threshold]["model"]),
                "both": _figures(per[threshold]["both"]),
            }
        )
    return rows


def format_report(rows: Sequence[dict[str, Any]], coverage: dict[str, Any]) -> str:
    lines = [
        "| set | candidate recall (sentence / pair) | rules P/R/F1 | model P/R/F1 | rules+model P/R/F1 |",
        "|---|---|---|---|---|",
    ]

    def fmt(f: dict[str, float | None]) -> str:
        return "/".join("-" if v is None else f"{v:.2f}" for v in f.values())

    for row in rows:
        cov = coverage.get(row["set"], {})
        lines.append(
            f"| {row['set']} | {cov.get('sentence', 0):.2f} / {cov.get('pair', 0):.2f} | "
            f"{fmt(row['rules'])} | {fmt(row['model'])} | {fmt(row['both'])} |"
        )
    return "\n".join(lines)


# --- command -------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m etl.train_stances", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=stance_model.DEFAULT_MODEL,
        help="where to write the model (default: etl/rules/stance_model.json)",
    )
    parser.add_argument("--cache", type=Path, help="keep the labelled candidates in this JSON file")
    parser.add_argument(
        "--enable",
        choices=("auto", "yes", "no"),
        default="auto",
        help="switch the model on in the ETL: when leave-one-set-out says so (auto)",
    )
    return parser


def load_sets(cache: Path | None) -> dict[str, list[ArticleData]]:
    if cache is not None and cache.exists():
        raw = json.loads(cache.read_text(encoding="utf-8"))
        return {name: [_article_from_json(a) for a in arts] for name, arts in raw.items()}
    from etl.pipeline import Analyser

    analyser = Analyser()
    sets = {}
    for name, articles, gold in DEFAULT_SETS:
        print(f"analysing {name} …", file=sys.stderr)
        sets[name] = collect_set(Path(articles), Path(gold), analyser)
    if cache is not None:
        cache.write_text(
            json.dumps({name: [_article_to_json(a) for a in arts] for name, arts in sets.items()}),
            encoding="utf-8",
        )
    return sets


def _article_to_json(a: ArticleData) -> dict[str, Any]:
    import dataclasses

    return {
        "name": a.name,
        "candidates": [[list(f), label] for f, label in a.candidates],
        "keys": [list(k) for k in a.keys],
        "rule_rows": [dataclasses.asdict(r) for r in a.rule_rows],
        "gold": a.gold,
        "actors": {k: dataclasses.asdict(v) for k, v in a.actors.items()},
        "covered": [a.covered_strict, a.covered_pair],
    }


def _article_from_json(raw: dict[str, Any]) -> ArticleData:
    from etl.types import Actor

    return ArticleData(
        raw["name"],
        [(tuple(f), label) for f, label in raw["candidates"]],
        [tuple(k) for k in raw["keys"]],
        [Stance(**r) for r in raw["rule_rows"]],
        raw["gold"],
        {k: Actor(**{**v, "aliases": tuple(v["aliases"])}) for k, v in raw["actors"].items()},
        *raw["covered"],
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    sets = load_sets(args.cache)
    coverage = {}
    for name, arts in sets.items():
        n = sum(len(a.gold) for a in arts) or 1
        coverage[name] = {
            "sentence": sum(a.covered_strict for a in arts) / n,
            "pair": sum(a.covered_pair for a in arts) / n,
            "gold": n,
            "candidates": sum(len(a.candidates) for a in arts),
            "positives": sum(1 for a in arts for _, label in a.candidates if label != "none"),
        }
    loso = leave_one_set_out(sets)
    mode = "both"
    threshold = pick_threshold(loso, mode, THRESHOLDS)
    rows = report(loso, threshold)
    print(f"threshold {threshold} (pooled leave-one-set-out F1 over the real sets, {mode})")
    print(format_report(rows, coverage))
    sweep = threshold_sweep(loso, THRESHOLDS)
    print("pooled over the real sets, per threshold (P/R/F1): rules+model | model")
    for t, figures in sweep.items():
        both, alone = figures["both"], figures["model"]
        print(f"  {t:.2f}: {_fmt(both)} | {_fmt(alone)}")
    gain = _real_gain(loso, threshold, mode)
    enabled = {"yes": True, "no": False}.get(args.enable, gain["helps"])
    final = fit([s for arts in sets.values() for a in arts for s in a.candidates], threshold)
    final = StanceModel(final.classes, final.intercepts, final.weights, threshold, enabled, mode)
    extra = {
        "about": "Learned stance model (etl.stance_model); written by python -m etl.train_stances.",
        "l2_c": L2_C,
        "candidate_recall": {
            k: {kk: round(vv, 3) for kk, vv in v.items()} for k, v in coverage.items()
        },
        "leave_one_set_out": rows,
        "threshold_sweep_real_sets": {str(t): v for t, v in sweep.items()},
        "real_sets_gain": gain,
    }
    args.out.write_text(stance_model.dumps(stance_model.to_json(final, extra)), encoding="utf-8")
    print(f"enabled: {enabled} ({gain}); written to {args.out}")
    return 0


def _real_gain(loso: dict[str, Any], threshold: float, mode: str) -> dict[str, Any]:
    """Pooled F1 and precision over the real sets, rules vs rules+model; helps when F1 rises on
    the real sets pooled and on real_dev3 and real_dev4 each, precision falling by under 0.05."""
    rules = model = Count(0, 0, 0)
    for name in REAL_SETS:
        rules += loso[name]["rules"]
        model += loso[name][threshold][mode]
    each = all(
        (loso[n][threshold][mode].f1 or 0) > (loso[n]["rules"].f1 or 0)
        for n in ("real_dev3", "real_dev4")
    )
    helps = (
        (model.f1 or 0) > (rules.f1 or 0)
        and each
        and (model.precision or 0) >= (rules.precision or 0) - 0.05
    )
    return {
        "rules_f1": round(rules.f1 or 0, 3),
        "model_f1": round(model.f1 or 0, 3),
        "rules_precision": round(rules.precision or 0, 3),
        "model_precision": round(model.precision or 0, 3),
        "helps": helps,
    }


if __name__ == "__main__":
    raise SystemExit(main())
