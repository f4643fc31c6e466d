"""Score a warehouse against gold annotations: `python -m etl.evaluate --articles DIR --gold DIR`.

The matching rules are those of the corpus's GOLD.md:
- names match when equal after lower-casing and dropping punctuation and accents, when one is
  an alias of the other in the warehouse's `actors` table, or (people) when surnames are equal;
  a person or government stands for its country when a stance's gold side is a country;
- figures: values within 2% and equal categories, distinct (value, category) per article;
- statements: speakers match and the texts share at least half of the shorter one's words;
- stances: distinct (source, target, polarity) per article;
- events: dates agree to the gold's precision and types are equal;
- actors: recall of gold actors among the actors mentioned in the article.
Figures, statements and events are matched one-to-one (a maximum matching, so the order of
rows never changes a score). Counts are summed over the folder before precision and recall.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from etl import load
from etl.types import Actor, Event, Extraction, Figure, Stance, Statement

SCORED_TABLES = ("figures", "statements", "stances", "events", "actors")
FIGURE_TOLERANCE = 0.02
PERSON_KINDS = ("person",)
STAND_IN_KINDS = ("person", "government")


# --- names ---------------------------------------------------------------------------------


def normalise_name(text: str) -> str:
    """Lower-case, accents and punctuation dropped, white space collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    kept = "".join(ch if ch.isalnum() or ch.isspace() else "" for ch in plain.lower())
    return " ".join(kept.split())


def words(text: str) -> set[str]:
    """Distinct words of a text, compared after the same normalisation as names."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return set(re.findall(r"[^\W_]+", plain))


@dataclass(frozen=True)
class ActorIndex:
    """The warehouse's actors, for matching predicted actor ids against gold names."""

    actors: Mapping[str, Actor]
    _names: Mapping[str, frozenset[str]] = field(init=False, repr=False, compare=False)
    _by_name: Mapping[str, frozenset[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = {
            actor_id: frozenset(normalise_name(n) for n in (a.name, *a.aliases) if n)
            for actor_id, a in self.actors.items()
        }
        by_name: dict[str, set[str]] = defaultdict(set)
        for actor_id, actor_names in names.items():
            for name in actor_names:
                by_name[name].add(actor_id)
        object.__setattr__(self, "_names", names)
        object.__setattr__(self, "_by_name", {k: frozenset(v) for k, v in by_name.items()})

    def names_of(self, actor_id: str) -> frozenset[str]:
        return self._names.get(actor_id, frozenset())

    def matches(
        self,
        gold_name: str | None,
        actor_id: str | None,
        text: str | None = None,
        *,
        stand_in: bool = False,
    ) -> bool:
        """Does a predicted actor (by id, else by its text) match a gold name?"""
        if not gold_name:
            return False
        gold = normalise_name(gold_name)
        actor = self.actors.get(actor_id) if actor_id else None
        if actor is not None:
            names = self.names_of(actor.actor_id)
            main_name = normalise_name(actor.name)
            is_person = actor.kind in PERSON_KINDS
        elif text:
            main_name = normalise_name(text)
            # An unresolved name still matches through any actor that lists both names.
            names = frozenset(
                {main_name}.union(*(self.names_of(i) for i in self._by_name.get(main_name, ())))
            )
            is_person = True
        else:
            return False
        if gold in names:
            return True
        if is_person and self._could_be_person(gold) and _surname(gold) == _surname(main_name):
            return True
        if stand_in and actor is not None and actor.kind in STAND_IN_KINDS and actor.country_id:
            return gold in self.names_of(actor.country_id)
        return False

    def _could_be_person(self, gold: str) -> bool:
        """A gold name the table knows only as something other than a person is not a person."""
        known = self._by_name.get(gold)
        return not known or any(self.actors[i].kind in PERSON_KINDS for i in known)


def _slug_text(actor_id: str) -> str:
    """A name to fall back on when an id is missing from the actors table."""
    return actor_id.replace("-", " ")


def _surname(name: str) -> str | None:
    parts = name.split()
    return parts[-1] if parts else None


# --- one-to-one matching -------------------------------------------------------------------


def max_matching(
    predicted: Sequence[Any], gold: Sequence[Any], match: Callable[[Any, Any], bool]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of predicted to gold rows (pairs of indices)."""
    candidates = [[j for j, g in enumerate(gold) if match(p, g)] for p in predicted]
    owner: dict[int, int] = {}  # gold index -> predicted index

    def assign(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or assign(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(predicted)):
        assign(i, set())
    return sorted((i, j) for j, i in owner.items())


# --- counts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Count:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def __add__(self, other: Count) -> Count:
        return Count(self.tp + other.tp, self.pred + other.pred, self.gold + other.gold)

    @property
    def precision(self) -> float | None:
        return self.tp / self.pred if self.pred else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(value: float | None, *, empty: float) -> float:
    return empty if value is None else value


def headline(table: str, count: Count) -> float:
    """The score a table contributes to the overall mean: F1, or recall for actors.

    With nothing predicted and nothing expected the table is right (1.0).
    """
    if table == "actors":
        return _ratio(count.recall, empty=1.0)
    if count.pred == 0 and count.gold == 0:
        return 1.0
    return _ratio(count.f1, empty=0.0)


# --- gold ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gold:
    """One gold file."""

    name: str  # file stem, which names the article
    language: str
    published_date: str | None = None
    actors: tuple[str, ...] = ()
    figures: tuple[Mapping[str, Any], ...] = ()
    statements: tuple[Mapping[str, Any], ...] = ()
    stances: tuple[Mapping[str, Any], ...] = ()
    events: tuple[Mapping[str, Any], ...] = ()

    @classmethod
    def from_json(cls, name: str, data: Mapping[str, Any]) -> Gold:
        return cls(
            name=name,
            language=data.get("language", "en"),
            published_date=data.get("published_date"),
            actors=tuple(data.get("actors") or ()),
            figures=tuple(data.get("figures") or ()),
            statements=tuple(data.get("statements") or ()),
            stances=tuple(data.get("stances") or ()),
            events=tuple(data.get("events") or ()),
        )


def load_gold(gold_dir: Path) -> list[Gold]:
    golds = []
    for path in sorted(Path(gold_dir).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        name = Path(data["file"]).stem if data.get("file") else path.stem
        golds.append(Gold.from_json(name, data))
    return golds


# --- per table -----------------------------------------------------------------------------


def score_figures(predicted: Sequence[Figure], gold: Sequence[Mapping[str, Any]]) -> Count:
    distinct_pred = list({(round(f.value, 6), f.category): f for f in predicted})
    distinct_gold = list({(float(g["value"]), g["category"]): g for g in gold})

    def match(p: tuple[float, str], g: tuple[float, str]) -> bool:
        return p[1] == g[1] and abs(p[0] - g[0]) <= FIGURE_TOLERANCE * abs(g[0])

    pairs = max_matching(distinct_pred, distinct_gold, match)
    return Count(len(pairs), len(distinct_pred), len(distinct_gold))


def texts_overlap(a: str, b: str) -> bool:
    """At least half of the shorter text's words appear in the other."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) >= 0.5 * min(len(wa), len(wb))


def score_statements(
    predicted: Sequence[Statement], gold: Sequence[Mapping[str, Any]], index: ActorIndex
) -> Count:
    def match(p: Statement, g: Mapping[str, Any]) -> bool:
        return index.matches(g.get("speaker"), p.speaker_id, p.speaker_text) and texts_overlap(
            p.quote or "", g.get("evidence") or ""
        )

    pairs = max_matching(predicted, gold, match)
    return Count(len(pairs), len(predicted), len(gold))


def score_stances(
    predicted: Sequence[Stance], gold: Sequence[Mapping[str, Any]], index: ActorIndex
) -> Count:
    """Distinct (source, target, polarity) on both sides.

    Several predicted triples that stand for one gold triple (two Canadian ministers criticising
    Syria, gold "Canada → Syria") are one triple at the gold's level: they count once.
    """
    pred = sorted({(s.source_id, s.target_id, s.polarity) for s in predicted})
    gold_triples = sorted(
        {(normalise_name(g["source"]), normalise_name(g["target"]), g["polarity"]) for g in gold}
    )

    def match(p: tuple[str, str, str], g: tuple[str, str, str]) -> bool:
        return (
            p[2] == g[2]
            and index.matches(g[0], p[0], _slug_text(p[0]), stand_in=True)
            and index.matches(g[1], p[1], _slug_text(p[1]), stand_in=True)
        )

    pairs = max_matching(pred, gold_triples, match)
    matched = {i for i, _ in pairs}
    collapsed = sum(
        1 for i, p in enumerate(pred) if i not in matched and any(match(p, g) for g in gold_triples)
    )
    return Count(len(pairs), len(pred) - collapsed, len(gold_triples))


def dates_agree(predicted: date | None, gold: str | None) -> bool:
    """The predicted date agrees with the gold's to the gold's precision ("2017-04" → month)."""
    if not gold:
        return True
    if predicted is None:
        return False
    return predicted.isoformat()[: len(gold)] == gold[:10]


def score_events(predicted: Sequence[Event], gold: Sequence[Mapping[str, Any]]) -> Count:
    def match(p: Event, g: Mapping[str, Any]) -> bool:
        return p.event_type == g.get("type") and dates_agree(p.event_date, g.get("date"))

    pairs = max_matching(predicted, gold, match)
    return Count(len(pairs), len(predicted), len(gold))


def score_actors(mentioned: Iterable[str], gold: Sequence[str], index: ActorIndex) -> Count:
    mentioned = sorted(set(mentioned))
    found = sum(1 for name in gold if any(index.matches(name, a, _slug_text(a)) for a in mentioned))
    return Count(found, len(mentioned), len(gold))


# --- per article and per folder ------------------------------------------------------------


@dataclass(frozen=True)
class ArticleScore:
    name: str
    counts: Mapping[str, Count]
    language_right: bool


@dataclass(frozen=True)
class Scores:
    articles: tuple[ArticleScore, ...]

    @property
    def totals(self) -> dict[str, Count]:
        totals = {table: Count() for table in SCORED_TABLES}
        for article in self.articles:
            for table in SCORED_TABLES:
                totals[table] = totals[table] + article.counts[table]
        return totals

    @property
    def overall(self) -> float:
        """Mean over tables of F1 (recall for actors)."""
        totals = self.totals
        return sum(headline(t, totals[t]) for t in SCORED_TABLES) / len(SCORED_TABLES)

    @property
    def language_right(self) -> int:
        return sum(a.language_right for a in self.articles)

    def as_dict(self) -> dict[str, Any]:
        def row(count: Count) -> dict[str, Any]:
            return {
                "precision": count.precision,
                "recall": count.recall,
                "f1": count.f1,
                "tp": count.tp,
                "pred": count.pred,
                "gold": count.gold,
            }

        return {
            "tables": {t: row(c) for t, c in self.totals.items()},
            "overall_mean_f1": self.overall,
            "language": {"right": self.language_right, "articles": len(self.articles)},
            "articles": {
                a.name: {
                    "language_right": a.language_right,
                    **{t: row(c) for t, c in a.counts.items()},
                }
                for a in self.articles
            },
        }


def score_article(
    gold: Gold,
    extraction: Extraction | None,
    index: ActorIndex,
    rejected_reason: str | None = None,
) -> ArticleScore:
    """Score one article's predicted rows (None if it was not loaded) against its gold."""

    def rows(name: str) -> tuple:
        return getattr(extraction, name) if extraction is not None else ()

    counts = {
        "figures": score_figures(rows("figures"), gold.figures),
        "statements": score_statements(rows("statements"), gold.statements, index),
        "stances": score_stances(rows("stances"), gold.stances, index),
        "events": score_events(rows("events"), gold.events),
        "actors": score_actors((m.actor_id for m in rows("mentions")), gold.actors, index),
    }
    if gold.language != "en":
        has_rows = any(rows(t) for t in ("mentions", "statements", "stances", "figures", "events"))
        language_right = rejected_reason == "non_english" or (
            extraction is not None and extraction.article.language == gold.language and not has_rows
        )
    else:
        language_right = extraction is not None and extraction.article.language == gold.language
    return ArticleScore(gold.name, counts, language_right)


def read_warehouse(
    db_path: Path,
) -> tuple[dict[str, Extraction], dict[str, str], ActorIndex]:
    """Extractions and rejection reasons by file stem, and the actor index."""
    previous = load.read_previous(db_path)
    if previous is None:
        raise SystemExit(f"error: {db_path} is not a readable warehouse")
    by_stem: dict[str, Extraction] = {}
    for group in sorted(previous.extractions.values(), key=lambda g: g[0].article.source_path):
        for extraction in group:
            by_stem.setdefault(Path(extraction.article.source_path).stem, extraction)
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        actors = {
            row[0]: Actor(row[0], row[1], row[2], row[3], tuple(row[4] or ()))
            for row in con.execute(
                "SELECT actor_id, name, kind, country_id, aliases FROM actors"
            ).fetchall()
        }
        rejected = {
            Path(path).stem: reason
            for path, reason in con.execute(
                "SELECT source_path, reason FROM rejected ORDER BY source_path"
            ).fetchall()
        }
    finally:
        con.close()
    return by_stem, rejected, ActorIndex(actors)


def score_folder(db_path: Path, gold_dir: Path) -> Scores:
    """Score every gold file in gold_dir against the warehouse at db_path."""
    by_stem, rejected, index = read_warehouse(Path(db_path))
    return Scores(
        tuple(
            score_article(g, by_stem.get(g.name), index, rejected.get(g.name))
            for g in load_gold(Path(gold_dir))
        )
    )


# --- output --------------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    return "    —" if value is None else f"{value:5.3f}"


def format_scores(scores: Scores, per_article: bool = False) -> str:
    header = f"{'table':<13} {'prec':>6} {'recall':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}"

    def line(label: str, table: str, count: Count) -> str:
        precision = None if table == "actors" else count.precision
        f1 = None if table == "actors" else count.f1
        return (
            f"{label:<13} {_fmt(precision):>6} {_fmt(count.recall):>6} {_fmt(f1):>6} "
            f"{count.tp:>5} {count.pred:>5} {count.gold:>5}"
        )

    lines = [header]
    lines += [line(t, t, c) for t, c in scores.totals.items()]
    lines.append(f"language    {scores.language_right}/{len(scores.articles)} articles right")
    lines.append(f"overall mean F1 (actors by recall): {scores.overall:.3f}")
    if per_article:
        for article in scores.articles:
            lines.append("")
            lines.append(
                f"{article.name}  (language {'ok' if article.language_right else 'WRONG'})"
            )
            lines += [line("  " + t, t, c) for t, c in article.counts.items()]
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m etl.evaluate",
        description="Run the ETL on a folder of articles (or read a built warehouse) and score "
        "it against gold JSON files with the rules of GOLD.md.",
    )
    parser.add_argument("--articles", type=Path, metavar="DIR", help="folder of articles")
    parser.add_argument("--gold", type=Path, required=True, metavar="DIR", help="gold JSON files")
    parser.add_argument(
        "--db",
        type=Path,
        metavar="FILE",
        help="score this warehouse instead of running the ETL",
    )
    parser.add_argument("--json", action="store_true", help="print machine-readable scores")
    parser.add_argument("--per-article", action="store_true", help="add one block per article")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.db is None and args.articles is None:
        print("error: give --articles DIR (or --db FILE)", file=sys.stderr)
        return 2
    if not args.gold.is_dir():
        print(f"error: gold folder not found: {args.gold}", file=sys.stderr)
        return 1
    if args.db is not None:
        if not args.db.is_file():
            print(f"error: warehouse not found: {args.db}", file=sys.stderr)
            return 1
        scores = score_folder(args.db, args.gold)
    else:
        from etl.run import RunError, run_etl

        with tempfile.TemporaryDirectory(prefix="etl-evaluate-") as folder:
            db = Path(folder) / "warehouse.duckdb"
            print(f"running the ETL on {args.articles} …", file=sys.stderr)
            try:
                run_etl(args.articles, db, full=True)
            except RunError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 1
            scores = score_folder(db, args.gold)
    if args.json:
        print(json.dumps(scores.as_dict(), indent=2))
    else:
        print(format_scores(scores, args.per_article))
    return 0


if __name__ == "__main__":
    sys.exit(main())
