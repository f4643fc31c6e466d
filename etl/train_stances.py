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
import dataclasses
import functools
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etl import evaluate, stance_model
from etl.context import ArticleContext
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
    ("real_dev15", "tests/real_dev15/articles", "tests/real_dev15/gold"),
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
    "real_dev15",
)
# Measured leave-one-set-out but never trained on (measure only).
MEASURE_ONLY = ("holdout_corpus",)
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
    # Per candidate, the polarity of a gold stance of its pair anywhere in the article ("none"):
    # the evaluator scores distinct triples per article, whatever the evidence.
    pair_labels: list[str] = field(default_factory=list)

    @functools.cached_property
    def index(self) -> ActorIndex:
        return ActorIndex(self.actors)


# --- collecting ----------------------------------------------------------------------------


def label_of(
    index: ActorIndex,
    source: str,
    target: str,
    sentence: str | None,
    gold: Sequence[dict[str, Any]],
) -> str:
    """The polarity of the gold stance this pair in this sentence stands for, else "none" (with
    `sentence` None: of a gold stance of the pair anywhere in the article)."""
    for row in gold:
        if (
            index.matches(row["source"], source, evaluate._slug_text(source), stand_in=True)
            and index.matches(row["target"], target, evaluate._slug_text(target), stand_in=True)
            and (sentence is None or evaluate.texts_overlap(sentence, row.get("evidence") or ""))
        ):
            return row["polarity"]
    return "none"


def gold_contexts(
    articles_dir: Path, gold_dir: Path, analyser: Any
) -> Iterator[tuple[ArticleContext, Any]]:
    """Every gold article of one set, read, parsed and its actors resolved as the ETL does
    (`etl.pipeline`), with its gold: the start every model's training shares. The parse is
    released when the caller asks for the next article."""
    from etl.actors import resolve_mentions
    from etl.docindex import DocIndex
    from etl.run import SilentReporter, default_steps, read_inputs

    golds = {g.name: g for g in evaluate.load_gold(gold_dir)}
    intake = read_inputs(articles_dir, default_steps(), SilentReporter())
    articles = sorted(
        (a for a in intake.articles if Path(a.source_path).stem in golds),
        key=lambda a: a.source_path,
    )
    for doc, article in analyser._parsed(articles, 8):
        try:
            mentions, new_actors = resolve_mentions(doc, article.article_id, analyser.gazetteer)
            actors = {**analyser.gazetteer.actors, **{a.actor_id: a for a in new_actors}}
            ctx = ArticleContext(
                article=article,
                doc=doc,
                mentions=tuple(mentions),
                actors=actors,
                gazetteer=analyser.gazetteer,
            )
            yield ctx, golds[Path(article.source_path).stem]
        finally:
            DocIndex.release(doc)


def collect_set(articles_dir: Path, gold_dir: Path, analyser: Any) -> list[ArticleData]:
    """Every gold article of one set, analysed as the ETL does, its candidates labelled."""
    from etl.stances import rule_stances
    from etl.statements import extract_statements

    found = []
    for ctx, gold in gold_contexts(articles_dir, gold_dir, analyser):
        actors = ctx.actors
        statements = extract_statements(ctx)
        rules = rule_stances(ctx, statements)
        cands = stance_model.candidates(ctx, statements, rules)
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
        data.pair_labels = [
            label_of(index, c.source_id, c.target_id, None, gold.stances) for c in cands
        ]
        found.append(data)
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
    class_weight: str | None = None,
) -> StanceModel:
    """A multinomial logistic regression on (features, label) samples, as a `StanceModel`
    (features seen in fewer than `min_count` samples left out; `class_weight` "balanced" weighs
    each class by the inverse of its frequency). With two classes (the statement model's "none"
    and "statement") it is a binary one, the first class weighing 0."""
    names = tuple(all_classes)
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
    labels = [label for _, label in samples]
    classes = [k for k in names if k in set(labels)]
    y = np.array([classes.index(label) for label in labels])
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED, class_weight=class_weight)
    model.fit(x, y)
    coef = np.zeros((len(names), len(vocabulary)))
    intercepts = np.full(len(names), -30.0)  # a class never seen in training is never chosen
    if len(model.classes_) == 2:  # scikit-learn keeps one row, for the second class
        coef[names.index(classes[1])] = model.coef_[0]
        intercepts[names.index(classes[1])] = model.intercept_[0]
        intercepts[names.index(classes[0])] = 0.0
    else:
        for n, k in enumerate(model.classes_):
            coef[names.index(classes[k])] = model.coef_[n]
            intercepts[names.index(classes[k])] = model.intercept_[n]
    weights = {f: tuple(float(w) for w in coef[:, column[f]]) for f in vocabulary}
    return StanceModel(names, tuple(float(b) for b in intercepts), weights, threshold)


@dataclass(frozen=True)
class Setup:
    """How a model is trained and used: labels per sentence ("sentence") or per article
    ("pair"), class weights, regularisation, and how the ETL combines its rows ("both",
    "new_pairs", "model")."""

    label: str = "sentence"
    class_weight: str | None = None
    c: float = L2_C
    mode: str = "both"
    # Learn only from candidates whose rows the mode can add: pairs the rules left alone in the
    # sentence ("both") or the article ("new_pairs"); the rules' own pairs teach it nothing there.
    residual: bool = False

    def keeps(self, features: Sequence[str]) -> bool:
        if not self.residual:
            return True
        return ("article_rule=none" if self.mode == "new_pairs" else "rule=none") in features


def samples_of(articles: Sequence[ArticleData], setup: Setup) -> list[tuple[tuple[str, ...], str]]:
    if setup.label == "pair":
        found = [
            (f, p) for a in articles for (f, _), p in zip(a.candidates, a.pair_labels, strict=True)
        ]
    else:
        found = [s for a in articles for s in a.candidates]
    return [(f, label) for f, label in found if setup.keeps(f)]


def training_articles(sets: dict[str, list[ArticleData]], held: str | None) -> list[ArticleData]:
    """Every article a model may learn from: no measure-only set, not the held-out set."""
    return [
        a for name, arts in sets.items() if name != held and name not in MEASURE_ONLY for a in arts
    ]


# --- scoring -------------------------------------------------------------------------------


Probabilities = list[list[dict[str, float]]]  # per article, per candidate: P(class)


def rows_from(
    data: ArticleData,
    probs: Sequence[dict[str, float]],
    threshold: float,
    thresholds: dict[str, float],
    mode: str,
) -> list[Stance]:
    """The article's stance rows as the ETL would write them, from the model's probabilities."""
    learned = []
    for p, (source, target, start, end, text, statement_id) in zip(probs, data.keys, strict=True):
        polarity = max(CLASSES[1:], key=lambda c: (p[c], c))
        if p[polarity] < thresholds.get(polarity, threshold):
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
                p[polarity],
            )
        )
    return stance_model.combine(data.rule_rows, learned, mode)


def rows_of(data: ArticleData, model: StanceModel, mode: str) -> list[Stance]:
    """The article's stance rows as the ETL would write them with `model` in `mode`."""
    probs = [model.probabilities(f) for f, _ in data.candidates]
    return rows_from(data, probs, model.threshold, dict(model.thresholds), mode)


def score_rows(articles: Sequence[ArticleData], rows: Sequence[Sequence[Stance]]) -> Count:
    total = Count(0, 0, 0)
    for data, predicted in zip(articles, rows, strict=True):
        total += _count(data, frozenset(evaluate._triple(s) for s in predicted), predicted)
    return total


_COUNTS: dict[tuple[int, frozenset[Any]], Count] = {}


def _count(data: ArticleData, triples: frozenset[Any], predicted: Sequence[Stance]) -> Count:
    """The article's count for these rows, kept per distinct set of triples (the evaluator
    compares triples only, and most threshold trials leave most articles' triples alone)."""
    key = (id(data), triples)
    if key not in _COUNTS:
        _COUNTS[key] = evaluate.match_stances(predicted, data.gold, data.index).count
    return _COUNTS[key]


def score(articles: Sequence[ArticleData], model: StanceModel | None, mode: str) -> Count:
    if model is None or mode == "rules":
        return score_rows(articles, [a.rule_rows for a in articles])
    return score_rows(articles, [rows_of(a, model, mode) for a in articles])


def _figures(count: Count) -> dict[str, float | None]:
    return {
        "precision": None if count.precision is None else round(count.precision, 3),
        "recall": None if count.recall is None else round(count.recall, 3),
        "f1": None if count.f1 is None else round(count.f1, 3),
    }


def leave_one_set_out(sets: dict[str, list[ArticleData]], setup: Setup) -> dict[str, Probabilities]:
    """Per held-out set, the probabilities a model trained on the other training sets gives its
    candidates."""
    out: dict[str, Probabilities] = {}
    for held in sets:
        model = fit(
            samples_of(training_articles(sets, held), setup),
            0.5,
            c=setup.c,
            class_weight=setup.class_weight,
        )
        out[held] = [[model.probabilities(f) for f, _ in a.candidates] for a in sets[held]]
        print(f"  held out {held}", file=sys.stderr)
    return out


def per_set(
    sets: dict[str, list[ArticleData]],
    probs: dict[str, Probabilities],
    threshold: float,
    thresholds: dict[str, float],
    mode: str,
) -> dict[str, Count]:
    """Per set, the count of its rows with the model in `mode` (\"rules\": the rules alone)."""
    out = {}
    for name, arts in sets.items():
        if mode == "rules":
            out[name] = score_rows(arts, [a.rule_rows for a in arts])
        else:
            out[name] = score_rows(
                arts,
                [rows_from(a, p, threshold, thresholds, mode) for a, p in zip(arts, probs[name])],
            )
    return out


def pooled(counts: dict[str, Count], names: Sequence[str] = REAL_SETS) -> Count:
    total = Count(0, 0, 0)
    for name in names:
        if name in counts:
            total += counts[name]
    return total


def choose_thresholds(
    sets: dict[str, list[ArticleData]], probs: dict[str, Probabilities], mode: str
) -> tuple[float, dict[str, float], dict[float, Any]]:
    """The threshold with the best leave-one-set-out F1 pooled over the real sets, then one per
    polarity, each moved in turn while the others hold (two rounds); and the sweep of the first."""
    sweep = {}
    best_t, best_f1 = THRESHOLDS[-1], -1.0
    for t in THRESHOLDS:
        count = pooled(per_set(sets, probs, t, {}, mode))
        sweep[t] = _figures(count)
        if round(count.f1 or 0, 6) > best_f1:
            best_t, best_f1 = t, round(count.f1 or 0, 6)
    per: dict[str, float] = {c: best_t for c in CLASSES[1:]}
    for _ in range(2):
        for polarity in CLASSES[1:]:
            for t in (*THRESHOLDS, 0.95, 1.01):
                trial = {**per, polarity: t}
                f1 = round(pooled(per_set(sets, probs, best_t, trial, mode)).f1 or 0, 6)
                if f1 > best_f1:
                    per, best_f1 = trial, f1
    return best_t, per, sweep


def _fmt(figures: dict[str, float | None]) -> str:
    return "/".join("-" if v is None else f"{v:.2f}" for v in figures.values())


def format_report(rows: Sequence[dict[str, Any]], coverage: dict[str, Any]) -> str:
    lines = [
        "| set | candidate recall (sentence / pair) | rules P/R/F1 | model P/R/F1 | rules+model P/R/F1 |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        cov = coverage.get(row["set"])
        reach = f"{cov['sentence']:.2f} / {cov['pair']:.2f}" if cov else "-"
        lines.append(
            f"| {row['set']} | {reach} | "
            f"{_fmt(row['rules'])} | {_fmt(row['model'])} | {_fmt(row['both'])} |"
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
        "--collect-only", action="store_true", help="only analyse the sets (fill --cache)"
    )
    parser.add_argument("--dry-run", action="store_true", help="measure only, write nothing")
    parser.add_argument("--label", choices=("sentence", "pair"), default="sentence")
    parser.add_argument("--class-weight", choices=("balanced",), default=None)
    parser.add_argument("--c", type=float, default=L2_C, help="inverse L2 strength")
    parser.add_argument("--mode", choices=("both", "new_pairs", "model"), default="both")
    parser.add_argument(
        "--residual", action="store_true", help="learn only from pairs the rules left alone"
    )
    parser.add_argument(
        "--per-polarity", action="store_true", help="a threshold per polarity (LOSO-chosen)"
    )
    parser.add_argument(
        "--enable",
        choices=("auto", "yes", "no"),
        default="auto",
        help="switch the model on in the ETL: when leave-one-set-out says so (auto)",
    )
    return parser


def cached_sets(
    cache: Path | None,
    collect: Callable[[Path, Path, Any], list[Any]],
    to_json: Callable[[Any], dict[str, Any]],
    from_json: Callable[[dict[str, Any]], Any],
) -> dict[str, list[Any]]:
    """Every training set's labelled articles (`collect(articles, gold, analyser)` per set of
    `DEFAULT_SETS`), read from `cache` when it exists, else analysed and written there: each
    model's trainer parses the sets once."""
    if cache is not None and cache.exists():
        raw = json.loads(cache.read_text(encoding="utf-8"))
        return {name: [from_json(a) for a in arts] for name, arts in raw.items()}
    from etl.pipeline import Analyser

    analyser = Analyser()
    sets = {}
    for name, articles, gold in DEFAULT_SETS:
        print(f"analysing {name} …", file=sys.stderr)
        sets[name] = collect(Path(articles), Path(gold), analyser)
    if cache is not None:
        cache.write_text(
            json.dumps({name: [to_json(a) for a in arts] for name, arts in sets.items()}),
            encoding="utf-8",
        )
    return sets


def load_sets(cache: Path | None) -> dict[str, list[ArticleData]]:
    return cached_sets(cache, collect_set, _article_to_json, _article_from_json)


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
        "pair_labels": a.pair_labels,
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
        raw.get("pair_labels") or [label for _, label in raw["candidates"]],
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    sets = load_sets(args.cache)
    if args.collect_only:
        return 0
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
    setup = Setup(args.label, args.class_weight, args.c, args.mode, args.residual)
    probs = leave_one_set_out(sets, setup)
    threshold, thresholds, sweep = choose_thresholds(sets, probs, setup.mode)
    if not args.per_polarity:
        thresholds = {}
    rules = per_set(sets, probs, threshold, thresholds, "rules")
    alone = per_set(sets, probs, threshold, thresholds, "model")
    both = per_set(sets, probs, threshold, thresholds, setup.mode)
    rows = [
        {
            "set": name,
            "rules": _figures(rules[name]),
            "model": _figures(alone[name]),
            "both": _figures(both[name]),
        }
        for name in sets
    ]
    rows.append(
        {
            "set": "real sets pooled",
            "rules": _figures(pooled(rules)),
            "model": _figures(pooled(alone)),
            "both": _figures(pooled(both)),
        }
    )
    print(f"{setup}; threshold {threshold}, per polarity {thresholds}")
    print(format_report(rows, coverage))
    print("pooled over the real sets, per single threshold (P/R/F1), rules+model:")
    for t, figures in sweep.items():
        print(f"  {t:.2f}: {_fmt(figures)}")
    gain = _real_gain(rules, both)
    print(f"gain: {gain}")
    enabled = {"yes": True, "no": False}.get(args.enable, gain["helps"])
    if args.dry_run:
        return 0
    final = fit(
        samples_of(training_articles(sets, None), setup),
        threshold,
        c=setup.c,
        class_weight=setup.class_weight,
    )
    final = StanceModel(
        final.classes, final.intercepts, final.weights, threshold, enabled, setup.mode, thresholds
    )
    extra = {
        "about": "Learned stance model (etl.stance_model); written by python -m etl.train_stances.",
        "trained_on": sorted(n for n in sets if n not in MEASURE_ONLY),
        "setup": dataclasses.asdict(setup),
        "l2_c": setup.c,
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


def _real_gain(rules: dict[str, Count], both: dict[str, Count]) -> dict[str, Any]:
    """Pooled F1 and precision over the real sets, rules vs rules+model; helps when F1 rises
    pooled, no set (real or not) falls by more than 0.01, and precision falls by under 0.05."""
    r, m = pooled(rules), pooled(both)
    changes = {n: (both[n].f1 or 0) - (rules[n].f1 or 0) for n in rules}
    worst = min(changes, key=changes.__getitem__)
    helps = (
        round(m.f1 or 0, 3) > round(r.f1 or 0, 3)
        and changes[worst] >= -0.01
        and (m.precision or 0) >= (r.precision or 0) - 0.05
    )
    return {
        "rules_f1": round(r.f1 or 0, 3),
        "model_f1": round(m.f1 or 0, 3),
        "rules_precision": round(r.precision or 0, 3),
        "model_precision": round(m.precision or 0, 3),
        "worst_set": worst,
        "worst_set_change": round(changes[worst], 3),
        "helps": helps,
    }


if __name__ == "__main__":
    raise SystemExit(main())
