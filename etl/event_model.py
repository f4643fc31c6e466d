"""A learned event classifier for dated sentences the event rules leave without an event.

The rules (`etl.events`) find events by cue words; the annotators record every dated happening a
page tells, in a long tail of wordings no cue list carries to unseen pages. Each sentence that
holds a date the ETL resolves as anchoring something (`etl.event_anchors._anchoring_dates`:
explicit, or relative to the publication date) and yields no rule event offers one candidate per
date. The candidate is described by cheap, general named features - the lemma of the verb the
date hangs on and of its subject and objects, the root verb, tense, aspect and modality
(planned, "will", "due to"), negation, the subject's actor kind, the date's precision and
preposition and whether it is relative, quotation, position in the article and every content
lemma of the sentence - never article names.

A multinomial logistic regression (`python -m etl.train_events`, scikit-learn at training time
only) turns features into P(none | event type …). Its weights are plain data in
`etl/rules/event_model.json`, read as a `etl.stance_model.StanceModel` (the same linear model
with the event types for classes); scoring is a sum of weights and a softmax in Python.

`model_events(ctx, open_sentences, statements)` is the integration point `etl.events` calls
before repeats are merged: switched off in the JSON (`"enabled": false`) it adds nothing; switched
on, each candidate whose most likely type reaches the threshold is an event row of that type,
marked `method="model"` with the model's probability in `model_p` (a calibration feature of
`etl.confidence`); participants and place are filled as the rule rows fill them
(`etl.event_rows`).
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.tokens import Span, Token

from etl.context import ArticleContext
from etl.dates import DateMention
from etl.event_quotes import in_quotation
from etl.event_rows import _location, _participants, _speaker, event_row, sentence_evidence
from etl.event_rules import _Trigger
from etl.stance_model import StanceModel
from etl.types import EVENT_TYPES, Event, PartialDate, Statement

DEFAULT_MODEL = Path(__file__).resolve().parent / "rules" / "event_model.json"
CLASSES = ("none", *EVENT_TYPES)
METHOD = "model"
COVERED = "rules_covered=true"  # a training candidate whose date the rules dated an event with
_CONTENT = {"VERB", "NOUN", "ADJ"}
_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "must", "can", "shall"})
_VERBS = {"VERB", "AUX"}
_DATE_ENTS = {"DATE", "TIME"}


@dataclass(frozen=True)
class OpenSentence:
    """A sentence with dates of its own that yielded no rule event (recorded by `etl.events`)."""

    sentence: Span
    dates: tuple[DateMention, ...]
    planned: bool
    number: int  # the sentence's place among the article's sentences
    has_events: bool = False  # the rules found events in it
    covered: frozenset[date] = frozenset()  # the dates of those events

    @property
    def is_open(self) -> bool:
        """Whether a date of the sentence (or the sentence, undated) has no rule event."""
        if not self.dates:
            return not self.has_events
        return any(d.value.value not in self.covered for d in self.dates)


@dataclass(frozen=True)
class Candidate:
    sentence: Span
    date: DateMention
    anchor: Token | None  # the verb the date hangs on
    features: tuple[str, ...]


# --- candidates ----------------------------------------------------------------------------


def _bin(value: float, edges: Sequence[float], labels: Sequence[str]) -> str:
    for edge, label in zip(edges, labels, strict=False):
        if value < edge:
            return label
    return labels[-1]


def _anchor(span: Span) -> Token | None:
    """The verb the date phrase hangs on: its nearest verb ancestor (or the root)."""
    for token in span.root.ancestors:
        if token.pos_ in _VERBS:
            return token
    return None


def _kind(ctx: ArticleContext, tokens: Sequence[Token]) -> list[str]:
    if not tokens:
        return []
    lo = min(t.idx for t in tokens)
    hi = max(t.idx + len(t) for t in tokens)
    kinds = []
    for mention in ctx.mentions_in(lo, hi):
        actor = ctx.actors.get(mention.actor_id)
        if actor is not None:
            kinds.append(actor.kind)
    return sorted(set(kinds))


def _verb_features(prefix: str, verb: Token) -> list[str]:
    children = list(verb.children)
    auxes = [c.lemma_.lower() for c in children if c.dep_ in {"aux", "auxpass"}]
    features = [
        f"{prefix}={verb.lemma_.lower()}",
        f"{prefix}_tag={verb.tag_}",
        f"{prefix}_dep={verb.dep_}",
    ]
    features += [f"{prefix}_aux={a}" for a in auxes]
    if any(a in _MODALS for a in auxes):
        features.append(f"{prefix}_modal")
    if any(c.dep_ == "auxpass" for c in children):
        features.append(f"{prefix}_passive")
    if any(c.dep_ == "neg" for c in children):
        features.append(f"{prefix}_negated")
    for child in children:
        if child.dep_ in {"dobj", "attr", "nsubjpass"}:
            features.append(f"{prefix}_obj={child.lemma_.lower()}")
        elif child.dep_ == "nsubj":
            features.append(f"{prefix}_subj={child.lemma_.lower()}")
        elif child.dep_ == "prep":
            features.append(f"{prefix}_prep={child.lower_}")
            for grand in child.children:
                if grand.dep_ == "pobj":
                    word = "DATE" if grand.ent_type_ in _DATE_ENTS else grand.lemma_.lower()
                    features.append(f"{prefix}_pobj={child.lower_}:{word}")
        elif child.dep_ in {"xcomp", "ccomp"} and child.pos_ in _VERBS:
            features.append(f"{prefix}_comp={child.lemma_.lower()}")
    if verb.dep_ in {"xcomp", "ccomp", "advcl", "conj", "relcl"} and verb.head.pos_ in _VERBS:
        features.append(f"{prefix}_head={verb.head.lemma_.lower()}")
    return features


def _date_features(
    mention: DateMention, span: Span, published: PartialDate | None, dates: int
) -> list[str]:
    value = mention.value
    features = [
        f"date_precision={value.precision}",
        f"date_relative={str(mention.relative).lower()}",
        f"dates_in_sentence={_bin(dates, (2, 3), ('1', '2', '3+'))}",
    ]
    root = span.root
    if root.dep_ == "pobj":
        features.append(f"date_prep={root.head.lower_}")
    else:
        features.append(f"date_dep={root.dep_}")
    if published is not None:
        days = (published.value - value.value).days
        features.append(
            "date_age="
            + _bin(
                days,
                (0, 1, 8, 32, 366, 3000),
                ("future", "0", "week", "month", "year", "old", "older"),
            )
        )
    else:
        features.append("date_age=unpublished")
    return features


def _sentence_features(
    ctx: ArticleContext,
    sent: Span,
    statements: Sequence[Statement],
    number: int,
    planned: bool,
) -> list[str]:
    features = [
        f"position={_bin(number, (1, 3, 8, 20), ('title', 'lead', 'top', 'body', 'tail'))}",
        f"words={_bin(len(sent), (12, 25, 45), ('<12', '12-24', '25-44', '45+'))}",
    ]
    if planned:
        features.append("planned_date_in_sentence")
    if any(s.char_start < sent.end_char and s.char_end > sent.start_char for s in statements):
        features.append("reported")
    root = sent.root
    if root.pos_ in _VERBS:
        features += _verb_features("root", root)
    else:
        features.append(f"root_pos={root.pos_}")
    if in_quotation(root):
        features.append("in_quote")
    for token in sent:
        if token.pos_ in _CONTENT and token.is_alpha:
            features.append(f"lemma={token.lemma_.lower()}")
        if token.dep_ == "neg":
            features.append("negation")
        if token.lower_ in _MODALS and token.dep_ == "aux":
            features.append(f"modal={token.lower_}")
    kinds = _kind(ctx, list(sent))
    features += [f"actor_kind={k}" for k in kinds]
    if not kinds:
        features.append("actor_kind=none")
    return features


def candidates(
    ctx: ArticleContext,
    open_sentences: Sequence[OpenSentence],
    statements: Sequence[Statement],
    published: PartialDate | None,
    *,
    covered: bool = False,
) -> list[Candidate]:
    """One candidate per date of each open sentence (a date written twice, once), in text order;
    with `covered` (training), also the dates the rules dated an event with, marked so."""
    found = []
    for item in open_sentences:
        if not covered and not item.is_open:
            continue
        sent = item.sentence
        shared = _sentence_features(ctx, sent, statements, item.number, item.planned)
        if item.has_events:
            shared.append("rules_found_events")
        if not item.dates:
            if published is not None and published.precision == "day":
                mention = DateMention(sent.start_char, sent.start_char, "", published, True)
                features = [*shared, "date_source=published", *_verb_features("anchor", sent.root)]
                found.append(Candidate(sent, mention, sent.root, tuple(sorted(set(features)))))
            continue
        seen: set[tuple[object, str]] = set()
        for mention in item.dates:
            key = (mention.value.value, mention.value.precision)
            if key in seen or (not covered and mention.value.value in item.covered):
                continue
            seen.add(key)
            span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            anchor = _anchor(span)
            features = [
                *shared,
                "date_source=written",
                *([COVERED] if mention.value.value in item.covered else []),
                *_date_features(mention, span, published, len(item.dates)),
            ]
            if anchor is None:
                features.append("anchor=none")
            else:
                features += _verb_features("anchor", anchor)
                features.append(f"anchor_is_root={str(anchor.dep_ == 'ROOT').lower()}")
                subject = [
                    t for c in anchor.children if c.dep_ in {"nsubj", "agent"} for t in c.subtree
                ]
                kinds = _kind(ctx, subject)
                features += [f"subject_kind={k}" for k in kinds] or ["subject_kind=none"]
                features.append("date_side=before" if span.start < anchor.i else "date_side=after")
            found.append(Candidate(sent, mention, anchor, tuple(sorted(set(features)))))
    return found


# --- the model as data ---------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def load_model(path: Path = DEFAULT_MODEL) -> StanceModel | None:
    """The event model of `path` (a linear model over `CLASSES`), or None when there is no file."""
    if not Path(path).exists():
        return None
    return StanceModel.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


def decide(model: StanceModel, features: Sequence[str]) -> tuple[str, float]:
    """The candidate's most likely event type and its probability, or ("none", P(none)). Mode
    "type" (the stance model's rule): that type's probability must reach the threshold; mode
    "event": the probability of any event (1 - P(none)) must."""
    if model.mode != "event":
        return model.decide(features)
    probs = model.probabilities(features)
    best = max((c for c in model.classes if c != "none"), key=lambda c: (probs[c], c))
    if 1.0 - probs["none"] >= model.threshold:
        return best, probs[best]
    return "none", probs["none"]


def _row(
    ctx: ArticleContext,
    candidate: Candidate,
    event_type: str,
    probability: float,
    statements: Sequence[Statement],
) -> Event:
    sent = candidate.sentence
    head = candidate.anchor or sent.root
    trigger = _Trigger(event_type, (head,))
    if event_type == "statement":
        speaker = _speaker(ctx, sent, trigger, statements)
        participants: tuple[str, ...] = (speaker,) if speaker else ()
        location = None
    else:
        participants = _participants(ctx, trigger, {})
        location = _location(ctx, sent, trigger, {})
    start, end = sentence_evidence(ctx, sent)
    value = candidate.date.value
    row = event_row(
        ctx,
        start,
        end,
        event_type,
        value,
        "model:" + value.value.isoformat(),
        location,
        participants,
    )
    return dataclasses.replace(row, method=METHOD, model_p=round(probability, 4))


def model_events(
    ctx: ArticleContext,
    open_sentences: Sequence[OpenSentence],
    statements: Sequence[Statement],
    published: PartialDate | None,
    model: StanceModel | None = None,
) -> list[Event]:
    """The events the model finds in the sentences the rules left without one (none when the
    model is switched off or missing)."""
    model = model or load_model()
    if model is None or not model.enabled or not open_sentences:
        return []
    rows = []
    for candidate in candidates(ctx, open_sentences, statements, published):
        event_type, probability = decide(model, candidate.features)
        if event_type != "none":
            rows.append(_row(ctx, candidate, event_type, probability, statements))
    return rows
