"""Train the event model on the gold sets: `python -m etl.train_events` (`make train-events`).

For each gold set the articles are read, parsed and run through actors, statements and the
event rules exactly as the ETL does (the model left out); every candidate of the sentences the
rules leave without an event (`etl.event_model.candidates`) is labelled from the gold - the type
of a gold event whose date agrees with the candidate's under the evaluator's own matching
(`etl.evaluate.dates_agree`) and whose evidence overlaps the candidate's sentence
(`etl.evaluate.texts_overlap`), else "none".

Measurement is leave-one-set-out, as for stances (`etl.train_stances`, whose fitting this
shares): for each set, a model trained on the other sets decides that set's candidates, its rows
join the rules' (a row of a type and date the article already has is a repeat, merged away as
`etl.event_merges` would), and each article is scored with `etl.evaluate.match_events`. The
threshold is chosen on the pooled leave-one-set-out rows of the real sets; the final model is
trained on every training set and written, with the figures, to `--out`. holdout_corpus is
measured, never trained on.

scikit-learn is needed here only (requirements-dev.txt); the ETL scores from the JSON.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from etl import evaluate, event_model, stance_model
from etl.evaluate import Count
from etl.event_model import CLASSES
from etl.stance_model import StanceModel
from etl.train_stances import (
    REAL_SETS,
    _figures,
    _fmt,
    cached_sets,
    fit,
    gold_contexts,
)
from etl.types import Event

MEASURE_ONLY = frozenset({"holdout_corpus"})  # measured, never trained on
THRESHOLDS = tuple(round(0.2 + 0.05 * n, 2) for n in range(15))  # 0.20 … 0.90
MODES = ("type", "event")  # how a candidate becomes a row (`etl.event_model.decide`)
L2_C = 0.3


@dataclass
class ArticleData:
    """One gold article: its candidates (features, label), their keys, the rules' rows, its gold."""

    name: str
    candidates: list[tuple[tuple[str, ...], str]]
    keys: list[tuple[int, int, str, str]]  # sentence start, end, date, precision
    rule_rows: list[Event]
    gold: list[dict[str, Any]]


# --- collecting ----------------------------------------------------------------------------


def label_of(when: date, precision: str, sentence: str, gold: Sequence[dict[str, Any]]) -> str:
    """The type of the gold event this date of this sentence stands for, else "none"."""
    for row in gold:
        if (
            row.get("type") in CLASSES
            and precision_fits(precision, row.get("date"))
            and evaluate.dates_agree(when, row.get("date"))
            and evaluate.texts_overlap(sentence, row.get("evidence") or "")
        ):
            return row["type"]
    return "none"


def precision_fits(precision: str, gold_date: str | None) -> bool:
    """A month ("2020-05") cannot stand for a gold day: its first is no day anyone wrote."""
    if not gold_date:
        return True
    wanted = {4: "year", 7: "month"}.get(len(gold_date[:10]), "day")
    order = ("year", "month", "day")
    return order.index(precision) >= order.index(wanted)


def collect_set(articles_dir: Path, gold_dir: Path, analyser: Any) -> list[ArticleData]:
    """Every gold article of one set, analysed as the ETL does, its candidates labelled."""
    from etl.event_reports import _published
    from etl.events import extract_events
    from etl.statements import extract_statements

    found = []
    for ctx, gold in gold_contexts(articles_dir, gold_dir, analyser):
        statements = extract_statements(ctx)
        open_sentences: list[event_model.OpenSentence] = []
        rules = extract_events(ctx, statements, learned=False, open_out=open_sentences)
        cands = event_model.candidates(
            ctx, open_sentences, statements, _published(ctx), covered=True
        )
        found.append(
            ArticleData(
                gold.name,
                [
                    (
                        c.features,
                        label_of(
                            c.date.value.value,
                            c.date.value.precision,
                            c.sentence.text,
                            gold.events,
                        ),
                    )
                    for c in cands
                ],
                [
                    (
                        c.sentence.start_char,
                        c.sentence.end_char,
                        c.date.value.value.isoformat(),
                        c.date.value.precision,
                    )
                    for c in cands
                ],
                rules,
                list(gold.events),
            )
        )
    return found


# --- scoring -------------------------------------------------------------------------------


def _same(a: Event, b: Event) -> bool:
    """One happening: same type, and one date holds the other (a month holds its days)."""
    if a.event_type != b.event_type:
        return False
    coarse, fine = (a, b) if len(_iso(a)) <= len(_iso(b)) else (b, a)
    return _iso(fine).startswith(_iso(coarse))


def _iso(e: Event) -> str:
    return e.event_date.isoformat()[: {"year": 4, "month": 7}.get(e.date_precision, 10)]


def model_rows(data: ArticleData, model: StanceModel) -> list[Event]:
    rows = []
    for (features, _), (start, end, when, precision) in zip(
        data.candidates, data.keys, strict=True
    ):
        if event_model.COVERED in features:  # the ETL asks the model only where rules found none
            continue
        event_type, probability = event_model.decide(model, features)
        if event_type == "none":
            continue
        rows.append(
            Event(
                event_id=f"{start}|{event_type}|{when}",
                article_id=data.name,
                event_date=date.fromisoformat(when),
                date_precision=precision,
                event_type=event_type,
                description="",
                location=None,
                participant_ids=(),
                evidence="",
                char_start=start,
                char_end=end,
                method=event_model.METHOD,
                model_p=probability,
            )
        )
    return rows


def combine(rule_rows: Sequence[Event], learned: Sequence[Event]) -> list[Event]:
    """The rules' rows plus the model's rows that repeat none of them (nor one another)."""
    kept = list(rule_rows)
    for row in learned:
        if not any(_same(row, k) for k in kept):
            kept.append(row)
    return kept


def score(articles: Sequence[ArticleData], model: StanceModel | None, mode: str) -> Count:
    total = Count(0, 0, 0)
    for data in articles:
        if model is None or mode == "rules":
            rows = data.rule_rows
        elif mode == "model":
            rows = combine([], model_rows(data, model))
        else:
            rows = combine(data.rule_rows, model_rows(data, model))
        total += evaluate.match_events(rows, data.gold).count
    return total


def _train(sets: dict[str, list[ArticleData]], held: str | None) -> list[Any]:
    return [
        s
        for name, articles in sets.items()
        if name != held and name not in MEASURE_ONLY
        for a in articles
        for s in a.candidates
    ]


def leave_one_set_out(
    sets: dict[str, list[ArticleData]], thresholds: Sequence[float] = THRESHOLDS
) -> dict[str, Any]:
    """Per held-out set and threshold, the counts of rules / model rows / rules+model."""
    out: dict[str, Any] = {}
    for held in sets:
        model = fit(_train(sets, held), thresholds[0], c=L2_C, all_classes=CLASSES)
        out[held] = {"rules": score(sets[held], None, "rules")}
        for mode in MODES:
            for t in thresholds:
                tuned = StanceModel(model.classes, model.intercepts, model.weights, t, True, mode)
                out[held][(mode, t)] = {
                    "model": score(sets[held], tuned, "model"),
                    "both": score(sets[held], tuned, "both"),
                }
        print(f"  held out {held}", file=sys.stderr)
    return out


def _pooled(loso: dict[str, Any], t: Any, mode: str) -> Count:
    total = Count(0, 0, 0)
    for name in REAL_SETS:
        if name in loso:
            total += loso[name]["rules"] if t == "rules" else loso[name][t][mode]
    return total


def pick_threshold(loso: dict[str, Any], thresholds: Sequence[float]) -> tuple[str, float]:
    """The (mode, threshold) with the best rules+model F1 pooled over the real sets' LOSO rows."""
    return max(
        ((m, t) for m in MODES for t in thresholds),
        key=lambda k: (round(_pooled(loso, k, "both").f1 or 0.0, 6), k[1]),
    )


def real_gain(loso: dict[str, Any], threshold: tuple[str, float]) -> dict[str, Any]:
    """Pooled F1 over the real sets, rules vs rules+model; helps when it rises and no real set
    falls by more than 0.01."""
    rules, both = _pooled(loso, "rules", "both"), _pooled(loso, threshold, "both")
    drops = {
        n: round((loso[n][threshold]["both"].f1 or 0) - (loso[n]["rules"].f1 or 0), 3)
        for n in REAL_SETS
        if n in loso
    }
    helps = (both.f1 or 0) > (rules.f1 or 0) and min(drops.values(), default=0) >= -0.01
    return {
        "rules_f1": round(rules.f1 or 0, 3),
        "model_f1": round(both.f1 or 0, 3),
        "rules_precision": round(rules.precision or 0, 3),
        "model_precision": round(both.precision or 0, 3),
        "worst_set_change": min(drops.values(), default=0),
        "helps": helps,
    }


def report(loso: dict[str, Any], threshold: tuple[str, float]) -> list[dict[str, Any]]:
    return [
        {
            "set": name,
            "rules": _figures(per["rules"]),
            "model": _figures(per[threshold]["model"]),
            "both": _figures(per[threshold]["both"]),
        }
        for name, per in loso.items()
    ]


def format_report(rows: Sequence[dict[str, Any]], counts: dict[str, Any]) -> str:
    lines = [
        "| set | candidates (positive) | rules P/R/F1 | model rows P/R/F1 | rules+model P/R/F1 |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        n = counts.get(row["set"], {})
        lines.append(
            f"| {row['set']} | {n.get('candidates', 0)} ({n.get('positives', 0)}) | "
            f"{_fmt(row['rules'])} | {_fmt(row['model'])} | {_fmt(row['both'])} |"
        )
    return "\n".join(lines)


# --- command -------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m etl.train_events", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--out", type=Path, default=event_model.DEFAULT_MODEL)
    parser.add_argument("--cache", type=Path, help="keep the labelled candidates in this JSON file")
    parser.add_argument(
        "--enable",
        choices=("auto", "yes", "no"),
        default="no",
        help="switch the model on in the ETL (auto: when leave-one-set-out says so; default no, "
        "as the ETL's own measurement decides)",
    )
    return parser


def load_sets(cache: Path | None) -> dict[str, list[ArticleData]]:
    return cached_sets(cache, collect_set, _article_to_json, _article_from_json)


def _event_to_json(e: Event) -> dict[str, Any]:
    import dataclasses

    return {**dataclasses.asdict(e), "event_date": e.event_date.isoformat()}


def _event_from_json(raw: dict[str, Any]) -> Event:
    return Event(
        **{
            **raw,
            "event_date": date.fromisoformat(raw["event_date"]),
            "participant_ids": tuple(raw["participant_ids"]),
        }
    )


def _article_to_json(a: ArticleData) -> dict[str, Any]:
    return {
        "name": a.name,
        "candidates": [[list(f), label] for f, label in a.candidates],
        "keys": [list(k) for k in a.keys],
        "rule_rows": [_event_to_json(r) for r in a.rule_rows],
        "gold": a.gold,
    }


def _article_from_json(raw: dict[str, Any]) -> ArticleData:
    return ArticleData(
        raw["name"],
        [(tuple(f), label) for f, label in raw["candidates"]],
        [tuple(k) for k in raw["keys"]],
        [_event_from_json(r) for r in raw["rule_rows"]],
        raw["gold"],
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    sets = load_sets(args.cache)
    counts = {
        name: {
            "candidates": sum(len(a.candidates) for a in arts),
            "positives": sum(1 for a in arts for _, label in a.candidates if label != "none"),
        }
        for name, arts in sets.items()
    }
    loso = leave_one_set_out(sets)
    chosen = pick_threshold(loso, THRESHOLDS)
    mode, threshold = chosen
    rows = report(loso, chosen)
    print(f"mode {mode}, threshold {threshold} (pooled LOSO F1 over the real sets, rules+model)")
    print(format_report(rows, counts))
    print("pooled over the real sets, per mode and threshold (P/R/F1): rules+model | model rows")
    sweep = {}
    for m in MODES:
        for t in THRESHOLDS:
            both, alone = _pooled(loso, (m, t), "both"), _pooled(loso, (m, t), "model")
            sweep[f"{m} {t}"] = {"both": _figures(both), "model": _figures(alone)}
            print(f"  {m} {t:.2f}: {_fmt(_figures(both))} | {_fmt(_figures(alone))}")
    print(f"  rules: {_fmt(_figures(_pooled(loso, 'rules', 'both')))}")
    gain = real_gain(loso, chosen)
    enabled = {"yes": True, "no": False}.get(args.enable, gain["helps"])
    final = fit(_train(sets, None), threshold, c=L2_C, all_classes=CLASSES)
    final = StanceModel(final.classes, final.intercepts, final.weights, threshold, enabled, mode)
    extra = {
        "about": "Learned event model (etl.event_model); written by python -m etl.train_events.",
        "l2_c": L2_C,
        "candidates": counts,
        "leave_one_set_out": rows,
        "threshold_sweep_real_sets": sweep,
        "real_sets_gain": gain,
    }
    args.out.write_text(stance_model.dumps(stance_model.to_json(final, extra)), encoding="utf-8")
    print(f"enabled: {enabled} ({gain}); written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
