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
from pathlib import Path, PurePosixPath
from typing import Any

import duckdb

from etl import failures, load
from etl.types import (
    EVENT_TYPES,
    FIGURE_CATEGORIES,
    POLARITIES,
    Actor,
    Event,
    Extraction,
    Figure,
    Stance,
    Statement,
)

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


class GoldError(ValueError):
    """A gold file does not follow GOLD.md's format; the message names the file and the key."""


# GOLD.md's format: required and optional keys, top level and per row. "note" is free text an
# annotator may leave anywhere; every other key must be one of these, so that a misspelt key is
# an error and not a silently empty column.
GOLD_TOP_KEYS = {
    "required": ("language",),
    "optional": (
        "file",
        "published_date",
        "actors",
        "figures",
        "statements",
        "stances",
        "events",
        "note",
        "duplicate_of",  # the file is a copy of this one: it must be rejected, with no rows
    ),
}
GOLD_ROW_KEYS: dict[str, dict[str, tuple[str, ...]]] = {
    "figures": {
        "required": ("value", "category"),
        "optional": ("location", "attributed_to", "evidence", "note"),
    },
    "statements": {
        "required": ("speaker", "evidence"),
        "optional": ("speaker_country", "direct_quote", "note"),
    },
    "stances": {
        "required": ("source", "target", "polarity"),
        "optional": ("evidence", "note"),
    },
    "events": {
        "required": ("type",),
        "optional": ("date", "location", "participants", "evidence", "note"),
    },
}
GOLD_VOCABULARIES = {
    ("figures", "category"): FIGURE_CATEGORIES,
    ("stances", "polarity"): POLARITIES,
    ("events", "type"): EVENT_TYPES,
}
_GOLD_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _check_keys(where: str, data: Mapping[str, Any], keys: Mapping[str, tuple[str, ...]]) -> None:
    known = (*keys["required"], *keys["optional"])
    unknown = sorted(k for k in data if k not in known)
    if unknown:
        raise GoldError(f"{where}: unknown key {unknown[0]!r} (known keys: {', '.join(known)})")
    missing = [k for k in keys["required"] if data.get(k) in (None, "")]
    if missing:
        raise GoldError(f"{where}: missing {missing[0]!r}")


def _check_date(where: str, value: Any) -> None:
    if value is not None and not (isinstance(value, str) and _GOLD_DATE.match(value)):
        raise GoldError(f"{where}: {value!r} is not a date written YYYY, YYYY-MM or YYYY-MM-DD")


def validate_gold(data: Any, where: str = "gold") -> None:
    """Raise GoldError unless `data` is a gold record in GOLD.md's format."""
    if not isinstance(data, Mapping):
        raise GoldError(f"{where}: a gold file holds one JSON object")
    _check_keys(where, data, GOLD_TOP_KEYS)
    if not isinstance(data["language"], str) or not re.fullmatch(r"[a-z]{2,3}", data["language"]):
        raise GoldError(f"{where}: language {data['language']!r} is not an ISO 639-1 code")
    _check_date(f"{where}: published_date", data.get("published_date"))
    if not isinstance(data.get("duplicate_of", ""), str):
        raise GoldError(f"{where}: duplicate_of must name a file")
    actors = data.get("actors") or []
    if not isinstance(actors, list) or not all(isinstance(a, str) and a for a in actors):
        raise GoldError(f"{where}: actors must be a list of names")
    for table, keys in GOLD_ROW_KEYS.items():
        rows = data.get(table) or []
        if not isinstance(rows, list):
            raise GoldError(f"{where}: {table} must be a list")
        for i, row in enumerate(rows):
            at = f"{where}: {table}[{i}]"
            if not isinstance(row, Mapping):
                raise GoldError(f"{at}: each row is a JSON object")
            _check_keys(at, row, keys)
            for (vocab_table, key), values in GOLD_VOCABULARIES.items():
                if vocab_table == table and row[key] not in values:
                    raise GoldError(f"{at}: {key} {row[key]!r} is not one of {', '.join(values)}")
        for i, row in enumerate(rows):
            at = f"{where}: {table}[{i}]"
            if table == "figures" and (
                isinstance(row["value"], bool) or not isinstance(row["value"], int | float)
            ):
                raise GoldError(f"{at}: value {row['value']!r} is not a number")
            if table == "events":
                _check_date(f"{at}: date", row.get("date"))
            if table == "statements" and not isinstance(row.get("direct_quote", False), bool):
                raise GoldError(f"{at}: direct_quote must be true or false")


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


def gold_key(file: str) -> str:
    """The article a gold file's `file` names: the path without its extension, keeping a JSON
    Lines record's number ("hx01.txt" → "hx01", "news/bundle.jsonl#3" → "news/bundle#3").
    Gold exported from reviews (`python -m etl.review export`) names the article by its path in
    the input folder, so two records of one bundle, or two files of one name in different
    folders, stay two articles."""
    path, _, record = file.partition("#")
    base = str(PurePosixPath(path).with_suffix("")) if PurePosixPath(path).suffix else path
    return base + (f"#{record}" if record else "")


def article_keys(source_path: str) -> list[str]:
    """The names under which gold may find an article, most specific first: its path without
    the extension and with its record number (`gold_key`), the same without the folder, and the
    bare file stem that hand-made gold uses ("news/bundle.jsonl#3" → "news/bundle#3",
    "bundle#3", "bundle")."""
    full = gold_key(source_path)
    path, _, record = source_path.partition("#")
    stem = PurePosixPath(path).stem
    keys = [full, stem + (f"#{record}" if record else ""), stem]
    return list(dict.fromkeys(keys))


def load_gold(gold_dir: Path) -> list[Gold]:
    """Every gold file of a folder, checked against GOLD.md's format (GoldError if one is not)."""
    golds = []
    for path in sorted(Path(gold_dir).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise GoldError(f"{path}: not valid JSON ({exc})") from exc
        validate_gold(data, str(path))
        name = gold_key(data["file"]) if data.get("file") else path.stem
        golds.append(Gold.from_json(name, data))
    return golds


# --- per table -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TableMatch:
    """One table's predicted rows of an article against its gold rows.

    `correct[i]` says whether predicted row i is right (matched one-to-one to a gold row; for
    figures, its distinct (value, category) is; for stances, its (source, target, polarity) is in
    the gold); `found[j]` whether gold row j was matched. `count` is what the scores sum.
    """

    table: str
    predicted: tuple[Any, ...]
    gold: tuple[Mapping[str, Any], ...]
    correct: tuple[bool, ...]
    found: tuple[bool, ...]
    count: Count

    @property
    def false_rows(self) -> list[Any]:
        return [row for row, ok in zip(self.predicted, self.correct, strict=True) if not ok]

    @property
    def missed(self) -> list[Mapping[str, Any]]:
        return [row for row, ok in zip(self.gold, self.found, strict=True) if not ok]


def _figure_key(value: float, category: str) -> tuple[float, str]:
    return (round(float(value), 6), category)


def match_figures(predicted: Sequence[Figure], gold: Sequence[Mapping[str, Any]]) -> TableMatch:
    distinct_pred = list(dict.fromkeys(_figure_key(f.value, f.category) for f in predicted))
    distinct_gold = list(dict.fromkeys((float(g["value"]), g["category"]) for g in gold))

    def match(p: tuple[float, str], g: tuple[float, str]) -> bool:
        return p[1] == g[1] and abs(p[0] - g[0]) <= FIGURE_TOLERANCE * abs(g[0])

    pairs = max_matching(distinct_pred, distinct_gold, match)
    right_pred = {distinct_pred[i] for i, _ in pairs}
    found_gold = {distinct_gold[j] for _, j in pairs}
    return TableMatch(
        "figures",
        tuple(predicted),
        tuple(gold),
        tuple(_figure_key(f.value, f.category) in right_pred for f in predicted),
        tuple((float(g["value"]), g["category"]) in found_gold for g in gold),
        Count(len(pairs), len(distinct_pred), len(distinct_gold)),
    )


def score_figures(predicted: Sequence[Figure], gold: Sequence[Mapping[str, Any]]) -> Count:
    return match_figures(predicted, gold).count


def texts_overlap(a: str, b: str) -> bool:
    """At least half of the shorter text's words appear in the other."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) >= 0.5 * min(len(wa), len(wb))


def _one_to_one(
    table: str,
    predicted: Sequence[Any],
    gold: Sequence[Mapping[str, Any]],
    match: Callable[[Any, Any], bool],
) -> TableMatch:
    pairs = max_matching(predicted, gold, match)
    right = {i for i, _ in pairs}
    found = {j for _, j in pairs}
    return TableMatch(
        table,
        tuple(predicted),
        tuple(gold),
        tuple(i in right for i in range(len(predicted))),
        tuple(j in found for j in range(len(gold))),
        Count(len(pairs), len(predicted), len(gold)),
    )


def speaker_matches(index: ActorIndex, gold: Mapping[str, Any], predicted: Statement) -> bool:
    return index.matches(gold.get("speaker"), predicted.speaker_id, predicted.speaker_text)


def match_statements(
    predicted: Sequence[Statement], gold: Sequence[Mapping[str, Any]], index: ActorIndex
) -> TableMatch:
    def match(p: Statement, g: Mapping[str, Any]) -> bool:
        return speaker_matches(index, g, p) and texts_overlap(
            p.quote or "", g.get("evidence") or ""
        )

    return _one_to_one("statements", predicted, gold, match)


def score_statements(
    predicted: Sequence[Statement], gold: Sequence[Mapping[str, Any]], index: ActorIndex
) -> Count:
    return match_statements(predicted, gold, index).count


def _triple(stance: Stance) -> tuple[str, str, str]:
    return (stance.source_id, stance.target_id, stance.polarity)


def match_stances(
    predicted: Sequence[Stance], gold: Sequence[Mapping[str, Any]], index: ActorIndex
) -> TableMatch:
    """Distinct (source, target, polarity) on both sides.

    Several predicted triples that stand for one gold triple (two Canadian ministers criticising
    Syria, gold "Canada → Syria") are one triple at the gold's level: they count once, and every
    row whose triple is in the gold is right.
    """
    pred = sorted({_triple(s) for s in predicted})
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
    in_gold = {p for p in pred if any(match(p, g) for g in gold_triples)}
    collapsed = sum(1 for i, p in enumerate(pred) if i not in matched and p in in_gold)
    found = {gold_triples[j] for _, j in pairs}
    return TableMatch(
        "stances",
        tuple(predicted),
        tuple(gold),
        tuple(_triple(s) in in_gold for s in predicted),
        tuple(
            (normalise_name(g["source"]), normalise_name(g["target"]), g["polarity"]) in found
            for g in gold
        ),
        Count(len(pairs), len(pred) - collapsed, len(gold_triples)),
    )


def score_stances(
    predicted: Sequence[Stance], gold: Sequence[Mapping[str, Any]], index: ActorIndex
) -> Count:
    return match_stances(predicted, gold, index).count


def dates_agree(predicted: date | None, gold: str | None) -> bool:
    """The predicted date agrees with the gold's to the gold's precision ("2017-04" → month)."""
    if not gold:
        return True
    if predicted is None:
        return False
    return predicted.isoformat()[: len(gold)] == gold[:10]


def match_events(predicted: Sequence[Event], gold: Sequence[Mapping[str, Any]]) -> TableMatch:
    def match(p: Event, g: Mapping[str, Any]) -> bool:
        return p.event_type == g.get("type") and dates_agree(p.event_date, g.get("date"))

    return _one_to_one("events", predicted, gold, match)


def score_events(predicted: Sequence[Event], gold: Sequence[Mapping[str, Any]]) -> Count:
    return match_events(predicted, gold).count


def score_actors(mentioned: Iterable[str], gold: Sequence[str], index: ActorIndex) -> Count:
    mentioned = sorted(set(mentioned))
    found = sum(1 for name in gold if any(index.matches(name, a, _slug_text(a)) for a in mentioned))
    return Count(found, len(mentioned), len(gold))


# --- reliability of the confidence -----------------------------------------------------------

ROW_TABLES = ("figures", "statements", "stances", "events")
CONFIDENCE_BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
HIGH_CONFIDENCE = 0.8


@dataclass(frozen=True)
class Reliability:
    """Rows and right rows per confidence bin (0–0.2 … 0.8–1.0) of one table."""

    rows: tuple[int, ...]
    right: tuple[int, ...]
    unscored: int = 0  # rows without a confidence

    @classmethod
    def of(cls, labelled: Iterable[tuple[float | None, bool]]) -> Reliability:
        bins = len(CONFIDENCE_BINS) - 1
        rows, right, unscored = [0] * bins, [0] * bins, 0
        for confidence, ok in labelled:
            if confidence is None:
                unscored += 1
                continue
            b = confidence_bin(confidence)
            rows[b] += 1
            right[b] += bool(ok)
        return cls(tuple(rows), tuple(right), unscored)

    @property
    def total(self) -> int:
        return sum(self.rows) + self.unscored

    @property
    def high(self) -> Count:
        """Rows at HIGH_CONFIDENCE or more (the top bin): tp = right, pred = rows."""
        return Count(self.right[-1], self.rows[-1], 0)

    @property
    def high_share(self) -> float | None:
        return self.rows[-1] / self.total if self.total else None

    def as_dict(self) -> dict[str, Any]:
        edges = CONFIDENCE_BINS
        return {
            "bins": [
                {
                    "from": edges[i],
                    "to": edges[i + 1],
                    "rows": self.rows[i],
                    "right": self.right[i],
                    "share_right": self.right[i] / self.rows[i] if self.rows[i] else None,
                }
                for i in range(len(self.rows))
            ],
            "unscored": self.unscored,
            "high_confidence": {
                "threshold": HIGH_CONFIDENCE,
                "rows": self.rows[-1],
                "share_of_rows": self.high_share,
                "precision": self.high.precision,
            },
        }


def confidence_bin(confidence: float) -> int:
    """Index of the bin a confidence falls in; 1.0 belongs to the top bin."""
    for i, upper in enumerate(CONFIDENCE_BINS[1:-1]):
        if confidence < upper:
            return i
    return len(CONFIDENCE_BINS) - 2


def format_reliability(reliability: Mapping[str, Reliability]) -> str:
    """The reliability table: per table and confidence bin, rows and the share right."""
    edges = CONFIDENCE_BINS
    labels = [f"{edges[i]:.1f}–{edges[i + 1]:.1f}" for i in range(len(edges) - 1)]
    lines = [
        "reliability of confidence (rows / share right, per bin)",
        f"{'table':<11} " + " ".join(f"{label:>13}" for label in labels) + "   ≥0.8: share, prec",
    ]
    for table, rel in reliability.items():
        cells = [
            f"{rows:>4} / {_fmt(right / rows if rows else None)}"
            for rows, right in zip(rel.rows, rel.right, strict=True)
        ]
        share = rel.high_share
        tail = f"   {_fmt(share)}, {_fmt(rel.high.precision)}"
        if rel.unscored:
            tail += f"  ({rel.unscored} rows without confidence)"
        lines.append(f"{table:<11} " + " ".join(f"{c:>13}" for c in cells) + tail)
    return "\n".join(lines)


# --- per article and per folder ------------------------------------------------------------


@dataclass(frozen=True)
class ArticleScore:
    name: str
    counts: Mapping[str, Count]
    language_right: bool
    # Row-level matches of the four row tables, for reliability and error classes.
    matches: Mapping[str, TableMatch] = field(default_factory=dict, compare=False)
    extraction: Extraction | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Scores:
    articles: tuple[ArticleScore, ...]
    index: ActorIndex | None = field(default=None, compare=False, repr=False)

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

    def reliability(self) -> dict[str, Reliability]:
        """Per row table: how often rows were right, by confidence bin."""
        return {
            table: Reliability.of(
                (row.confidence, ok)
                for article in self.articles
                if table in article.matches
                for row, ok in zip(
                    article.matches[table].predicted, article.matches[table].correct, strict=True
                )
            )
            for table in ROW_TABLES
        }

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
            "reliability": {t: r.as_dict() for t, r in self.reliability().items()},
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

    matches = {
        "figures": match_figures(rows("figures"), gold.figures),
        "statements": match_statements(rows("statements"), gold.statements, index),
        "stances": match_stances(rows("stances"), gold.stances, index),
        "events": match_events(rows("events"), gold.events),
    }
    counts = {
        **{table: m.count for table, m in matches.items()},
        "actors": score_actors((m.actor_id for m in rows("mentions")), gold.actors, index),
    }
    if gold.language != "en":
        has_rows = any(rows(t) for t in ("mentions", "statements", "stances", "figures", "events"))
        language_right = rejected_reason == "non_english" or (
            extraction is not None and extraction.article.language == gold.language and not has_rows
        )
    else:
        language_right = extraction is not None and extraction.article.language == gold.language
    return ArticleScore(gold.name, counts, language_right, matches, extraction)


def read_warehouse(
    db_path: Path,
) -> tuple[dict[str, Extraction], dict[str, str], ActorIndex]:
    """Extractions and rejection reasons by every name gold may give an article
    (`article_keys`; the first article in source-path order keeps a shared name), and the actor
    index."""
    previous = load.read_previous(db_path)
    if previous is None:
        raise SystemExit(f"error: {db_path} is not a readable warehouse")
    by_stem: dict[str, Extraction] = {}
    for group in sorted(previous.extractions.values(), key=lambda g: g[0].article.source_path):
        for extraction in group:
            for key in article_keys(extraction.article.source_path):
                by_stem.setdefault(key, extraction)
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        actors = {
            row[0]: Actor(row[0], row[1], row[2], row[3], tuple(row[4] or ()), row[5])
            for row in con.execute(
                "SELECT actor_id, name, kind, country_id, aliases, source FROM actors"
            ).fetchall()
        }
        rejected: dict[str, str] = {}
        for path, reason in con.execute(
            "SELECT source_path, reason FROM rejected ORDER BY source_path"
        ).fetchall():
            for key in article_keys(path):
                rejected[key] = reason
    finally:
        con.close()
    return by_stem, rejected, ActorIndex(actors)


def score_folder(db_path: Path, gold_dir: Path) -> Scores:
    """Score every gold file in gold_dir against the warehouse at db_path."""
    golds = load_gold(Path(gold_dir))  # before the warehouse: a bad gold file is the first error
    by_stem, rejected, index = read_warehouse(Path(db_path))
    return Scores(
        tuple(score_article(g, by_stem.get(g.name), index, rejected.get(g.name)) for g in golds),
        index,
    )


def article_failures(article: ArticleScore, index: ActorIndex) -> list[failures.Failure]:
    """The false rows and missed gold rows of one article, each with its failure class."""
    m = article.matches
    if not m:
        return []

    def stance_matches(gold_name: str, actor_id: str) -> bool:
        return index.matches(gold_name, actor_id, _slug_text(actor_id), stand_in=True)

    figs, stmts, stans, evts = (m["figures"], m["statements"], m["stances"], m["events"])
    return [
        *failures.classify_figures(
            article.name, figs.predicted, figs.correct, figs.gold, figs.found, FIGURE_TOLERANCE
        ),
        *failures.classify_statements(
            article.name,
            article.extraction,
            stmts.predicted,
            stmts.correct,
            stmts.gold,
            stmts.found,
            lambda g, p: speaker_matches(index, g, p),
            texts_overlap,
        ),
        *failures.classify_stances(
            article.name,
            article.extraction,
            stans.predicted,
            stans.correct,
            stans.gold,
            stans.found,
            stance_matches,
            index.actors,
        ),
        *failures.classify_events(
            article.name,
            evts.predicted,
            evts.correct,
            evts.gold,
            evts.found,
            dates_agree,
            texts_overlap,
        ),
    ]


def folder_failures(scores: Scores) -> list[failures.Failure]:
    index = scores.index or ActorIndex({})
    return [f for article in scores.articles for f in article_failures(article, index)]


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
    lines.append("")
    lines.append(format_reliability(scores.reliability()))
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
    parser.add_argument(
        "--gold", type=Path, metavar="DIR", help="gold JSON files (required without --reviews)"
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="FILE",
        help="score this warehouse instead of running the ETL",
    )
    parser.add_argument("--json", action="store_true", help="print machine-readable scores")
    parser.add_argument("--per-article", action="store_true", help="add one block per article")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="group false rows and missed gold rows by failure class, with examples",
    )
    parser.add_argument(
        "--reviews",
        action="store_true",
        help="score the warehouse given by --db against its analysts' reviews (precision on "
        "confirmed, corrected and rejected rows, recall on added ones) instead of gold files",
    )
    return parser


def main_reviews(args: argparse.Namespace) -> int:
    """`--reviews`: the machine rows of --db scored against the reviews in its store."""
    from etl.review import format_review_scores, score_reviews

    if args.db is None or not args.db.is_file():
        print("error: --reviews needs --db FILE, an existing warehouse", file=sys.stderr)
        return 2 if args.db is None else 1
    scores = score_reviews(args.db)
    print(json.dumps(scores.as_dict(), indent=2) if args.json else format_review_scores(scores))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.reviews:
        return main_reviews(args)
    if args.gold is None:
        print("error: give --gold DIR (or --reviews)", file=sys.stderr)
        return 2
    if args.db is None and args.articles is None:
        print("error: give --articles DIR (or --db FILE)", file=sys.stderr)
        return 2
    if not args.gold.is_dir():
        print(f"error: gold folder not found: {args.gold}", file=sys.stderr)
        return 1
    try:
        load_gold(args.gold)  # checked before the ETL runs, so a typo costs no run
    except GoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
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
        result = scores.as_dict()
        if args.errors:
            result["errors"] = failures.as_dict(folder_failures(scores))
        print(json.dumps(result, indent=2))
    else:
        print(format_scores(scores, args.per_article))
        if args.errors:
            print()
            print(failures.format_failures(folder_failures(scores)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
