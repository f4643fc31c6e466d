"""Shapes that cross module boundaries in the ETL.

Every extracted row is a small frozen dataclass whose fields are the columns of its table in
the data contract (docs/data-contract.md); extra fields are extra columns.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

# Vocabularies of the data contract.
ACTOR_KINDS = (
    "country",
    "government",
    "person",
    "organization",
    "intergovernmental",
    "armed_group",
    "media",
)
POLARITIES = ("critical", "supportive", "neutral")
FIGURE_CATEGORIES = (
    "refugees",
    "displaced",
    "civilians",
    "resettled",
    "killed",
    "injured",
    "besieged",
    "aid_money",
    "troops",
    "other",
)
EVENT_TYPES = (
    "summit",
    "meeting",
    "conference",
    "statement",
    "military_operation",
    "attack",
    "ceasefire",
    "agreement",
    "vote",
    "other",
)
DATE_PRECISIONS = ("day", "month", "year")
# Who stands behind a row: the ETL alone, or an analyst who confirmed, corrected or added it.
REVIEW_STATUSES = ("machine", "confirmed", "corrected", "added")
# The warehouse tables of the data contract, in the order summaries list them.
CONTRACT_TABLES = (
    "articles",
    "actors",
    "mentions",
    "statements",
    "stances",
    "figures",
    "events",
    "rejected",
)


def stable_id(*parts: Any, length: int = 16) -> str:
    """A deterministic id from content: the same parts always give the same id."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True)
class PartialDate:
    """A date known to day, month or year; `value` is the first day of the period."""

    value: date
    precision: str = "day"  # one of DATE_PRECISIONS

    def __post_init__(self) -> None:
        if self.precision not in DATE_PRECISIONS:
            raise ValueError(f"unknown date precision {self.precision!r}")


@dataclass(frozen=True)
class RawDocument:
    """A source file read and decoded, before cleaning."""

    source_path: str  # relative to the input folder, with forward slashes
    text: str  # decoded text (for HTML: the extracted main text)
    content_sha256: str  # of the file's bytes
    fmt: str  # txt, html, md, json, jsonl
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: PartialDate | None = None
    encoding_note: str | None = (
        None  # what decoding repaired (invalid bytes, mojibake), if anything
    )


@dataclass(frozen=True)
class Rejection:
    source_path: str
    reason: str  # short machine-friendly reason; every one is listed in docs/data-contract.md
    detail: str  # a sentence a person can act on


@dataclass(frozen=True)
class Article:
    article_id: str
    source_path: str
    title: str | None
    outlet: str | None
    url: str | None
    published_date: date | None
    published_precision: str | None  # day, month or year; None when the date is unknown
    language: str
    body: str  # cleaned text: every span in the warehouse indexes this string
    content_sha256: str
    ingested_at: datetime | None = None
    encoding_note: str | None = None  # what decoding repaired, if anything (see RawDocument)


@dataclass(frozen=True)
class Actor:
    actor_id: str  # slug, e.g. "canada", "chrystia-freeland"
    name: str
    kind: str  # one of ACTOR_KINDS
    country_id: str | None  # actor_id of the country it belongs to
    aliases: tuple[str, ...] = ()
    source: str = "gazetteer"  # gazetteer or discovered


@dataclass(frozen=True)
class Mention:
    article_id: str
    actor_id: str
    char_start: int
    char_end: int
    text: str
    how: str = "name"  # name, alias, surname, title, pronoun: how the mention was resolved


@dataclass(frozen=True)
class Statement:
    statement_id: str
    article_id: str
    speaker_id: str | None
    speaker_text: str
    quote: str
    is_direct: bool
    statement_date: date | None
    char_start: int  # span of the quote (direct) or of the reported clause/sentence
    char_end: int
    date_precision: str | None = None
    cue: str | None = None  # the reporting verb or phrase ("said", "urged", "according to")
    confidence: float | None = None  # calibrated probability that the row is right (etl.confidence)
    review_status: str = "machine"  # one of REVIEW_STATUSES
    model_p: float | None = None  # the statement model's probability of a row it added


@dataclass(frozen=True)
class Stance:
    stance_id: str
    article_id: str
    statement_id: str | None
    source_id: str
    target_id: str
    polarity: str  # one of POLARITIES
    evidence: str
    char_start: int
    char_end: int
    cue: str | None = None  # the word or phrase that carried the polarity
    negated: bool = False  # a negation was seen and accounted for
    confidence: float | None = None  # calibrated probability that the row is right (etl.confidence)
    review_status: str = "machine"  # one of REVIEW_STATUSES
    model_p: float | None = (
        None  # the stance model's probability of this polarity (etl.stance_model)
    )


@dataclass(frozen=True)
class Figure:
    figure_id: str
    article_id: str
    value: float
    value_text: str
    category: str  # one of FIGURE_CATEGORIES
    subject: str | None
    location: str | None
    attributed_to_id: str | None
    as_of_date: date | None
    evidence: str  # the sentence
    char_start: int  # span of the sentence that carries the figure
    char_end: int
    value_start: int | None = None  # span of value_text itself
    value_end: int | None = None
    as_of_precision: str | None = None
    qualifier: str | None = None  # "more than", "about", "only"... as written
    confidence: float | None = None  # calibrated probability that the row is right (etl.confidence)
    review_status: str = "machine"  # one of REVIEW_STATUSES


@dataclass(frozen=True)
class Event:
    event_id: str
    article_id: str
    event_date: date
    date_precision: str  # one of DATE_PRECISIONS
    event_type: str  # one of EVENT_TYPES
    description: str
    location: str | None
    participant_ids: tuple[str, ...]
    evidence: str
    char_start: int
    char_end: int
    confidence: float | None = None  # calibrated probability that the row is right (etl.confidence)
    review_status: str = "machine"  # one of REVIEW_STATUSES
    method: str | None = None  # "model": found by the event model (etl.event_model); None: rules
    model_p: float | None = None  # the event model's probability of this type (model rows)


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    statements: tuple[Statement, ...] = ()
    stances: tuple[Stance, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    new_actors: tuple[Actor, ...] = field(default_factory=tuple)
