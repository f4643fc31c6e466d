"""The learned statement model (etl.statement_model, etl.train_statements): candidates and
features on sentences written here, the model's JSON, switched off and switched on."""

from __future__ import annotations

import json

import pytest

from etl import confidence, stance_model, statement_model
from etl.context import ArticleContext
from etl.stance_model import StanceModel
from etl.statement_model import CLASSES, CUE
from etl.statements import extract_statements
from etl.train_stances import fit
from etl.train_statements import ArticleData, _joined, rows_of
from etl.types import Extraction
from tests.contexts import article_context

BODY = (
    "Maria Lopez, the head of the relief agency, arrived in the border town on Monday.\n\n"
    "Aid convoys have been stuck at the crossing for three weeks, Lopez noted in passing.\n\n"
    "Hundreds of families crossed the river into the camp last week."
)


def _context(nlp, gazetteer, body: str = BODY) -> ArticleContext:
    return article_context(nlp, gazetteer, body)


def _model(enabled: bool, weights: dict[str, float], threshold: float = 0.5) -> StanceModel:
    return StanceModel(
        CLASSES,
        (0.0, -4.0),
        {f: (0.0, w) for f, w in weights.items()},
        threshold,
        enabled,
        "both",
    )


@pytest.fixture(scope="module")
def ctx(nlp, gazetteer) -> ArticleContext:
    return _context(nlp, gazetteer)


def test_candidates_pair_each_uncovered_sentence_with_named_and_carried_speakers(ctx):
    found = statement_model.candidates(ctx, [])
    by_sentence: dict[str, set[str | None]] = {}
    for c in found:
        by_sentence.setdefault(c.sentence.text.strip()[:12], set()).add(c.speaker_id)
    lopez = next(c.speaker_id for c in found if c.speaker_text.endswith("Lopez"))
    assert lopez in by_sentence["Aid convoys "]
    # the person named in the sentence before is a candidate of the next one
    third = [c for c in found if c.sentence.text.startswith("Hundreds")]
    assert any(c.speaker_id == lopez and "how=prev_named" in c.features for c in third)


def test_features_are_general_words_never_names(ctx):
    found = statement_model.candidates(ctx, [])
    second = next(
        c for c in found if c.sentence.text.startswith("Aid") and c.speaker_text.endswith("Lopez")
    )
    features = set(second.features)
    assert "sv=note" in features
    assert "how=named" in features
    assert "para_start=true" in features
    assert "subject_of_speech" in features
    assert not any("lopez" in f.lower() for f in features)


def test_a_sentence_a_rule_statement_covers_is_no_candidate(ctx):
    rules = extract_statements(ctx)
    found = statement_model.candidates(ctx, rules)
    for c in found:
        assert not statement_model._covered(rules, c.sentence)
    assert len(found) < len(statement_model.candidates(ctx, []))


def test_json_round_trip(tmp_path):
    model = _model(True, {"sv=say": 1.5, "how=named": 0.25}, 0.55)
    path = tmp_path / "m.json"
    path.write_text(stance_model.dumps(stance_model.to_json(model)), encoding="utf-8")
    again = statement_model.load_model(path)
    assert again == model
    assert again.probabilities(["sv=say"])["statement"] == pytest.approx(
        1 / (1 + 2.718281828459045 ** (4.0 - 1.5))
    )


def test_switched_off_model_leaves_the_rules_rows_alone(ctx):
    rules = extract_statements(ctx)
    off = _model(False, {"subject_of_speech": 20.0})
    assert statement_model.apply(ctx, rules, off) == rules


def test_switched_on_model_adds_a_marked_row_with_its_probability(ctx):
    on = _model(True, {"subject_of_speech": 20.0})
    rows = statement_model.apply(ctx, [], on)
    (row,) = rows
    assert row.cue == CUE
    assert row.speaker_text.endswith("Lopez")
    assert row.quote.startswith("Aid convoys")
    assert row.model_p is not None and row.model_p > 0.99
    assert not row.is_direct


def test_consecutive_sentences_of_one_speaker_are_one_row():
    body = "One two three. Four five six.\n\nSeven."
    chosen = [("x", "X", 0, 14, 0.9), ("x", "X", 15, 29, 0.7), ("y", "Y", 31, 37, 0.8)]
    assert statement_model.spans(chosen, body) == [
        ("x", "X", 0, 29, 0.7),
        ("y", "Y", 31, 37, 0.8),
    ]
    text_of = {0: (14, "One two three."), 15: (29, "Four five six."), 31: (37, "Seven.")}
    assert [j[3] for j in _joined(chosen, text_of)] == ["One two three. Four five six.", "Seven."]


def test_confidence_feature_carries_the_model_probability(ctx):
    on = _model(True, {"subject_of_speech": 20.0})
    (row,) = statement_model.apply(ctx, [], on)
    extraction = Extraction(article=ctx.article, mentions=ctx.mentions)
    features = confidence.statement_features(row, extraction, ctx.actors)
    assert "model_p=>=0.9" in features
    assert "cue=model" in features


def test_binary_fit_weighs_the_statement_class():
    samples = [(("sv=say", "how=named"), "statement")] * 6 + [(("how=named",), "none")] * 12
    model = fit(samples, 0.5, c=10.0, min_count=1, all_classes=CLASSES)
    assert model.classes == CLASSES
    assert model.weights["sv=say"][1] > 1.0
    assert model.probabilities(["sv=say", "how=named"])["statement"] > 0.5
    assert model.probabilities(["how=named"])["statement"] < 0.5


def test_training_rows_add_the_models_sentence_to_the_rules():
    data = ArticleData(
        "a",
        [(("sv=say",), "statement"), (("x",), "none")],
        [("p", "P", 0, 10, "Ten words."), ("q", "Q", 0, 10, "Ten words.")],
        [("r", "R", "An earlier quote.")],
        [],
    )
    model = _model(True, {"sv=say": 10.0})
    rows = rows_of(data, model)
    assert [(r.speaker_id, r.quote) for r in rows] == [
        ("r", "An earlier quote."),
        ("p", "Ten words."),
    ]
    assert len(rows_of(data, None)) == 1
    assert json.loads(json.dumps([list(k) for k in data.keys]))  # keys are plain JSON
