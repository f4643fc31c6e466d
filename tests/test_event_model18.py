"""The learned event model (etl.event_model, etl.train_events): candidates and their features,
scoring from its JSON, the model switched off (rules unchanged) and switched on (a row of its own,
marked, with its probability)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from etl import event_model, stance_model, train_events
from etl.actors import Gazetteer
from etl.context import ArticleContext
from etl.event_model import CLASSES, DEFAULT_MODEL, OpenSentence
from etl.event_reports import _published
from etl.events import extract_events
from etl.stance_model import StanceModel
from etl.statements import extract_statements
from tests.contexts import article_context

FLED = "Hundreds of families fled the town on February 20.\n"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load(None)


def _context(nlp, gazetteer, body: str) -> ArticleContext:
    return article_context(nlp, gazetteer, body)


def _open(ctx: ArticleContext) -> tuple[list, list[OpenSentence]]:
    statements = extract_statements(ctx)
    found: list[OpenSentence] = []
    rows = extract_events(ctx, statements, learned=False, open_out=found)
    return rows, found


def _model(enabled: bool, weights: dict[str, tuple[float, ...]] | None = None) -> StanceModel:
    n = len(CLASSES)
    other = CLASSES.index("other")
    flee = tuple(3.0 if k == other else 0.0 for k in range(n))
    return StanceModel(
        CLASSES, tuple([0.0] + [-2.0] * (n - 1)), weights or {"anchor=flee": flee}, 0.5, enabled
    )


def test_a_dated_sentence_no_cue_knows_is_a_candidate_with_general_features(nlp, gazetteer):
    ctx = _context(nlp, gazetteer, FLED)
    rows, found = _open(ctx)
    assert rows == []
    (candidate,) = event_model.candidates(ctx, found, extract_statements(ctx), _published(ctx))
    features = set(candidate.features)
    assert {"anchor=flee", "anchor_tag=VBD", "date_precision=day", "date_prep=on"} <= features
    assert "date_source=written" in features and "anchor_pobj=on:DATE" in features
    assert candidate.date.value.value == date(2024, 2, 20)
    assert not any("february" in f for f in features)  # the date's words are no lemma feature


def test_a_planned_date_offers_no_candidate_and_modals_are_features(nlp, gazetteer):
    ctx = _context(nlp, gazetteer, "The negotiators will meet again on March 20.\n")
    rows, found = _open(ctx)
    assert rows == []
    cands = event_model.candidates(ctx, found, extract_statements(ctx), _published(ctx))
    assert all(c.date.value.value != date(2024, 3, 20) for c in cands)
    undated = [c for c in cands if "date_source=published" in c.features]
    assert all("planned_date_in_sentence" in c.features for c in undated)


def test_an_undated_sentence_is_a_candidate_of_the_publication_day(nlp, gazetteer):
    ctx = _context(nlp, gazetteer, "Hundreds of families fled the town.\n")
    _, found = _open(ctx)
    (candidate,) = event_model.candidates(ctx, found, extract_statements(ctx), _published(ctx))
    assert "date_source=published" in candidate.features
    assert candidate.date.value.value == date(2024, 3, 1)


def test_json_round_trip_keeps_the_probabilities_and_the_mode():
    model = dataclasses.replace(_model(True), mode="event")
    data = json.loads(stance_model.dumps(stance_model.to_json(model)))
    again = StanceModel.from_json(data)
    assert again.mode == "event" and again.enabled and again.classes == CLASSES
    features = ("anchor=flee", "never-seen=feature")
    assert again.probabilities(features) == pytest.approx(model.probabilities(features), abs=1e-4)
    assert event_model.decide(again, features)[0] == "other"


def test_the_shipped_model_reads_and_scores_every_class():
    model = event_model.load_model(DEFAULT_MODEL)
    assert model is not None and model.classes == CLASSES
    probs = model.probabilities(("anchor=flee",))
    assert sum(probs.values()) == pytest.approx(1.0)


def test_switched_off_the_rules_rows_are_unchanged(nlp, gazetteer):
    body = "Russia and Ukraine held talks in Istanbul on February 20. " + FLED
    ctx = _context(nlp, gazetteer, body)
    statements = extract_statements(ctx)
    rules = extract_events(ctx, statements, learned=False)
    _, found = _open(ctx)
    assert event_model.model_events(ctx, found, statements, _published(ctx), _model(False)) == []
    assert extract_events(ctx, statements) == rules
    assert all(r.method is None and r.model_p is None for r in rules)


def test_switched_on_a_clear_sentence_gets_a_marked_row_of_the_right_kind(nlp, gazetteer):
    ctx = _context(nlp, gazetteer, FLED)
    statements = extract_statements(ctx)
    _, found = _open(ctx)
    (row,) = event_model.model_events(ctx, found, statements, _published(ctx), _model(True))
    assert row.event_type == "other" and row.event_date == date(2024, 2, 20)
    assert row.method == event_model.METHOD and 0.5 <= (row.model_p or 0) <= 1
    assert row.evidence == FLED.strip()


def test_a_model_row_repeating_a_rule_row_is_merged_away():
    rule = train_events._event_from_json(
        {
            "event_id": "r",
            "article_id": "a",
            "event_date": "2024-02-20",
            "date_precision": "day",
            "event_type": "other",
            "description": "",
            "location": None,
            "participant_ids": [],
            "evidence": "",
            "char_start": 0,
            "char_end": 1,
        }
    )
    month = dataclasses.replace(rule, event_id="m", date_precision="month", method="model")
    other_day = dataclasses.replace(rule, event_id="d", event_date=date(2024, 2, 21))
    assert train_events.combine([rule], [month, other_day]) == [rule, other_day]


def test_labels_follow_the_evaluators_date_and_evidence_matching():
    gold = [{"type": "attack", "date": "2024-02", "evidence": "Rebels shelled the town."}]
    text = "Rebels shelled the town on February 20."
    assert train_events.label_of(date(2024, 2, 20), "day", text, gold) == "attack"
    assert train_events.label_of(date(2024, 3, 2), "day", text, gold) == "none"
    assert train_events.label_of(date(2024, 2, 20), "day", "Talks went on.", gold) == "none"
    day = [{"type": "attack", "date": "2024-02-20", "evidence": text}]
    assert train_events.label_of(date(2024, 2, 1), "month", text, day) == "none"
