"""Train the statement model on the gold sets: `python -m etl.train_statements`
(`make train-statements`).

For each training set the articles are read, parsed and run through actors and the statement
rules exactly as the ETL does; every candidate (`etl.statement_model.candidates`: a sentence no
rule statement covers, with one candidate speaker) is labelled from the gold with the
evaluator's own matching: positive when a gold statement the rules' rows leave unmatched
(`etl.evaluate.match_statements`) has a matching speaker (`etl.evaluate.ActorIndex.matches`)
and overlaps the sentence (`etl.evaluate.texts_overlap`).

Measurement is leave-one-set-out, as for the stance model (`etl.train_stances`, whose sets,
fitting and threshold grid this reuses): a model trained on the other sets decides the held-out
set's candidates, its rows are added to the rules' as the ETL adds them, and each article is
scored with `etl.evaluate.match_statements`. The threshold is the one with the best F1 pooled
over the real sets' leave-one-set-out rows. holdout_corpus is measured, never trained on; the
final model is trained on every other set and written, with its figures, to `--out`.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etl import evaluate, statement_model
from etl.evaluate import ActorIndex, Count
from etl.stance_model import StanceModel
from etl.statement_model import CLASSES
from etl.train_stances import (
    REAL_SETS,
    _figures,
    _fmt,
    cached_sets,
    fit,
    gold_contexts,
)
from etl.types import Statement

MEASURE_ONLY = ("holdout_corpus",)  # scored leave-one-set-out, never in a training fold
THRESHOLDS = tuple(round(0.3 + 0.05 * n, 2) for n in range(13))  # 0.30 … 0.90
L2_C = 1.0  # inverse L2 strength; 0.3 and 3 gave a lower LOSO average precision


@dataclass
class ArticleData:
    """One gold article: its candidates (features, label) and keys, the rules' rows, its gold."""

    name: str
    candidates: list[tuple[tuple[str, ...], str]]
    keys: list[tuple[str, str, int, int, str]]  # speaker id, speaker text, start, end, sentence
    rule_rows: list[tuple[str | None, str, str]]  # speaker id, speaker text, quote
    gold: list[dict[str, Any]]
    actors: dict[str, Any] = field(default_factory=dict)
    reachable: int = 0  # gold statements left by the rules with a positive candidate

    @functools.cached_property
    def index(self) -> ActorIndex:
        return ActorIndex(self.actors)


def _statement(speaker_id: str | None, speaker_text: str, quote: str, n: int) -> Statement:
    return Statement(str(n), "", speaker_id, speaker_text, quote, False, None, 0, 0)


def collect_set(articles_dir: Path, gold_dir: Path, analyser: Any) -> list[ArticleData]:
    """Every gold article of one set, analysed as the ETL does, its candidates labelled."""
    from etl.statements import extract_statements

    found = []
    for ctx, gold in gold_contexts(articles_dir, gold_dir, analyser):
        actors = ctx.actors
        rules = extract_statements(ctx)
        cands = statement_model.candidates(ctx, rules)
        index = ActorIndex(actors)
        matched = evaluate.match_statements(rules, gold.statements, index)
        left = [g for g, hit in zip(gold.statements, matched.found, strict=True) if not hit]
        labels = [
            label_of(index, c.speaker_id, c.speaker_text, c.sentence.text, left) for c in cands
        ]
        reachable = sum(
            any(
                lab != "none"
                and evaluate.texts_overlap(c.sentence.text, g.get("evidence") or "")
                and index.matches(g.get("speaker"), c.speaker_id, c.speaker_text)
                for c, lab in zip(cands, labels, strict=True)
            )
            for g in left
        )
        found.append(
            ArticleData(
                gold.name,
                [(c.features, lab) for c, lab in zip(cands, labels, strict=True)],
                [
                    (
                        c.speaker_id,
                        c.speaker_text,
                        c.sentence.start_char,
                        c.sentence.end_char,
                        c.sentence.text,
                    )
                    for c in cands
                ],
                [(s.speaker_id, s.speaker_text, s.quote) for s in rules],
                list(gold.statements),
                actors,
                reachable,
            )
        )
    return found


def label_of(
    index: ActorIndex,
    speaker_id: str,
    speaker_text: str,
    sentence: str,
    left: Sequence[dict[str, Any]],
) -> str:
    """ "statement" when a gold statement the rules missed is this speaker's and overlaps the
    sentence, else "none"."""
    for row in left:
        if index.matches(row.get("speaker"), speaker_id, speaker_text) and evaluate.texts_overlap(
            sentence, row.get("evidence") or ""
        ):
            return CLASSES[1]
    return CLASSES[0]


# --- scoring -------------------------------------------------------------------------------


def rows_of(data: ArticleData, model: StanceModel | None) -> list[Statement]:
    """The article's statements as the ETL would write them (the rules' alone without a model)."""
    rows = [_statement(*r, n) for n, r in enumerate(data.rule_rows)]
    if model is None:
        return rows
    best: dict[int, tuple[float, str, str, int]] = {}
    for n, ((features, _), key) in enumerate(zip(data.candidates, data.keys, strict=True)):
        p = model.probabilities(features)[CLASSES[1]]
        rank = (p, key[0] or "", key[1])
        if key[2] not in best or rank > best[key[2]][:3]:
            best[key[2]] = (*rank, n)
    chosen = []
    text_of = {}
    for start in sorted(best):
        p, _, _, n = best[start]
        if p >= model.threshold:
            speaker_id, speaker_text, s, e, text = data.keys[n]
            chosen.append((speaker_id, speaker_text, s, e, p))
            text_of[s] = (e, text)
    for speaker_id, speaker_text, _start, quote, _p in _joined(chosen, text_of):
        rows.append(_statement(speaker_id, speaker_text, quote, len(rows)))
    return rows


def _joined(
    chosen: Sequence[tuple[str, str, int, int, float]], text_of: dict[int, tuple[int, str]]
) -> list[tuple[str, str, int, str, float]]:
    """`statement_model.spans` without the body: consecutive sentences (the next starts within
    two characters of the last's end) of one speaker joined; the text is theirs joined."""
    joined: list[list[Any]] = []
    for speaker_id, text, start, end, p in chosen:
        same = joined and joined[-1][:2] == [speaker_id, text]
        if same and start - joined[-1][3] <= 2:
            joined[-1][3] = end
            joined[-1][4] += " " + text_of[start][1]
            continue
        joined.append([speaker_id, text, start, end, text_of[start][1], p])
    return [(j[0], j[1], j[2], j[4], j[5]) for j in joined]


def score(articles: Sequence[ArticleData], model: StanceModel | None) -> Count:
    total = Count(0, 0, 0)
    for data in articles:
        total += evaluate.match_statements(rows_of(data, model), data.gold, data.index).count
    return total


def leave_one_set_out(
    sets: dict[str, list[ArticleData]], thresholds: Sequence[float] = THRESHOLDS, c: float = L2_C
) -> dict[str, Any]:
    """Per held-out set and threshold, the counts of the rules and of rules+model."""
    out: dict[str, Any] = {}
    for held in sets:
        train = [
            s
            for name, articles in sets.items()
            if name != held and name not in MEASURE_ONLY
            for a in articles
            for s in a.candidates
        ]
        model = fit(train, thresholds[0], c=c, all_classes=CLASSES)
        out[held] = {"rules": score(sets[held], None)}
        for t in thresholds:
            tuned = StanceModel(model.classes, model.intercepts, model.weights, t)
            out[held][t] = score(sets[held], tuned)
        print(f"  held out {held}", file=sys.stderr)
    return out


# A threshold at which some set's leave-one-set-out F1 falls by more than this is not chosen
# (the project's rule for a change: no set of the target table lower by more than 0.005).
MAX_SET_DROP = 0.005


def set_drops(loso: dict[str, Any], t: float) -> list[str]:
    """The sets whose F1 with the model at threshold t is lower than the rules' by more than
    MAX_SET_DROP."""
    return [
        name
        for name, per in loso.items()
        if (per[t].f1 or 0) < (per["rules"].f1 or 0) - MAX_SET_DROP - 1e-9
    ]


def pick_threshold(loso: dict[str, Any], thresholds: Sequence[float]) -> float:
    """The threshold with the best F1 pooled over the real sets' leave-one-set-out rows, among
    those at which no set falls by more than MAX_SET_DROP (all of them if none qualifies)."""

    def pooled_f1(t: float) -> float:
        return pooled(loso, t).f1 or 0.0

    safe = [t for t in thresholds if not set_drops(loso, t)] or list(thresholds)
    return max(safe, key=lambda t: (round(pooled_f1(t), 6), t))


def pooled(loso: dict[str, Any], key: Any) -> Count:
    total = Count(0, 0, 0)
    for name in REAL_SETS:
        if name in loso:
            total += loso[name][key]
    return total


def report(loso: dict[str, Any], threshold: float) -> list[dict[str, Any]]:
    return [
        {"set": name, "rules": _figures(per["rules"]), "both": _figures(per[threshold])}
        for name, per in loso.items()
    ]


def format_report(rows: Sequence[dict[str, Any]], coverage: dict[str, Any]) -> str:
    lines = [
        "| set | gold | left by rules, reachable | rules P/R/F1 | rules+model P/R/F1 |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        cov = coverage.get(row["set"], {})
        lines.append(
            f"| {row['set']} | {cov.get('gold', 0)} | {cov.get('reachable', 0)} | "
            f"{_fmt(row['rules'])} | {_fmt(row['both'])} |"
        )
    return "\n".join(lines)


# --- command -------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m etl.train_statements", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--out", type=Path, default=statement_model.DEFAULT_MODEL)
    parser.add_argument("--cache", type=Path, help="keep the labelled candidates in this JSON file")
    parser.add_argument("--enable", choices=("auto", "yes", "no"), default="auto")
    parser.add_argument("--c", type=float, default=L2_C, help="inverse L2 strength")
    return parser


def load_sets(cache: Path | None) -> dict[str, list[ArticleData]]:
    return cached_sets(cache, collect_set, _article_to_json, _article_from_json)


def _article_to_json(a: ArticleData) -> dict[str, Any]:
    import dataclasses

    return {
        "name": a.name,
        "candidates": [[list(f), label] for f, label in a.candidates],
        "keys": [list(k) for k in a.keys],
        "rule_rows": [list(r) for r in a.rule_rows],
        "gold": a.gold,
        "actors": {k: dataclasses.asdict(v) for k, v in a.actors.items()},
        "reachable": a.reachable,
    }


def _article_from_json(raw: dict[str, Any]) -> ArticleData:
    from etl.types import Actor

    return ArticleData(
        raw["name"],
        [(tuple(f), label) for f, label in raw["candidates"]],
        [tuple(k) for k in raw["keys"]],
        [tuple(r) for r in raw["rule_rows"]],
        raw["gold"],
        {k: Actor(**{**v, "aliases": tuple(v["aliases"])}) for k, v in raw["actors"].items()},
        raw["reachable"],
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    sets = load_sets(args.cache)
    coverage = {
        name: {
            "gold": sum(len(a.gold) for a in arts),
            "reachable": sum(a.reachable for a in arts),
            "candidates": sum(len(a.candidates) for a in arts),
            "positives": sum(1 for a in arts for _, lab in a.candidates if lab != "none"),
        }
        for name, arts in sets.items()
    }
    loso = leave_one_set_out(sets, c=args.c)
    threshold = pick_threshold(loso, THRESHOLDS)
    rows = report(loso, threshold)
    print(f"threshold {threshold} (pooled leave-one-set-out F1 over the real sets)")
    print(format_report(rows, coverage))
    rules = pooled(loso, "rules")
    print(f"pooled real sets, rules: {_fmt(_figures(rules))}")
    sweep = {}
    for t in THRESHOLDS:
        both = pooled(loso, t)
        sweep[str(t)] = _figures(both)
        print(f"  {t:.2f}: rules+model {_fmt(_figures(both))}")
    both = pooled(loso, threshold)
    gain = {
        "rules_f1": round(rules.f1 or 0, 3),
        "model_f1": round(both.f1 or 0, 3),
        "sets_down": set_drops(loso, threshold),
    }
    gain["helps"] = gain["model_f1"] > gain["rules_f1"] and not gain["sets_down"]
    enabled = {"yes": True, "no": False}.get(args.enable, gain["helps"])
    train = [
        s
        for name, arts in sets.items()
        if name not in MEASURE_ONLY
        for a in arts
        for s in a.candidates
    ]
    final = fit(train, threshold, c=args.c, all_classes=CLASSES)
    final = StanceModel(final.classes, final.intercepts, final.weights, threshold, enabled, "both")
    from etl import stance_model

    extra = {
        "about": "Learned statement model (etl.statement_model); written by "
        "python -m etl.train_statements.",
        "l2_c": args.c,
        "coverage": coverage,
        "leave_one_set_out": rows,
        "threshold_sweep_real_sets": sweep,
        "real_sets_gain": gain,
    }
    args.out.write_text(stance_model.dumps(stance_model.to_json(final, extra)), encoding="utf-8")
    print(f"enabled: {enabled} ({gain}); written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
