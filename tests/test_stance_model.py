"""The learned stance model (etl.stance_model, etl.train_stances): candidates, features, scoring
from its JSON, training, and the ETL with the model switched on."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from etl import evaluate, stance_model
from etl.actors import Gazetteer
from etl.context import ArticleContext
from etl.run import run_etl
from etl.stance_model import DEFAULT_MODEL, StanceModel
from etl.stances import rule_stances
from etl.statements import extract_statements
from tests.contexts import article_context

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def shipped() -> StanceModel:
    return StanceModel.from_json(json.loads(DEFAULT_MODEL.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load(None)


def _context(nlp, gazetteer, body: str) -> ArticleContext:
    return article_context(nlp, gazetteer, body)


def _candidate(ctx: ArticleContext, source: str, target: str) -> stance_model.Candidate:
    statements = extract_statements(ctx)
    found = stance_model.candidates(ctx, statements, rule_stances(ctx, statements))
    (candidate,) = [c for c in found if (c.source_id, c.target_id) == (source, target)]
    return candidate


def test_scoring_from_the_json_is_deterministic_and_survives_a_round_trip(shipped):
    features = ("rule=critical", "path_cue=act critical", "source_role=nsubj", "target_role=dobj")
    first = shipped.probabilities(features)
    assert first == shipped.probabilities(tuple(reversed(features)))
    again = StanceModel.from_json(stance_model.to_json(shipped))
    assert again.probabilities(features) == pytest.approx(first, abs=1e-5)
    assert sum(first.values()) == pytest.approx(1.0)


def test_a_feature_the_model_never_saw_weighs_nothing(shipped):
    assert shipped.probabilities(("never-seen=feature",)) == shipped.probabilities(())


def test_a_classic_condemnation_scores_critical(nlp, gazetteer, shipped):
    ctx = _context(nlp, gazetteer, "Canada condemned Russia for the attack on the hospital.\n")
    candidate = _candidate(ctx, "canada", "russia")
    assert "path_cue=act critical" in candidate.features or "rule=critical" in candidate.features
    probs = shipped.probabilities(candidate.features)
    assert max(probs, key=probs.get) == "critical"
    # The other direction is no stance of Russia's.
    reverse = shipped.probabilities(_candidate(ctx, "russia", "canada").features)
    assert max(reverse, key=reverse.get) == "none"


def test_candidates_include_the_speaker_toward_actors_named_in_the_quote(nlp, gazetteer):
    body = 'Canadian Foreign Minister Melanie Joly said: "Russia must stop bombing Ukraine now."\n'
    ctx = _context(nlp, gazetteer, body)
    statements = extract_statements(ctx)
    speakers = {s.speaker_id for s in statements}
    found = stance_model.candidates(ctx, statements, rule_stances(ctx, statements))
    pairs = {(c.source_id, c.target_id) for c in found}
    assert speakers and all((s, "russia") in pairs for s in speakers)


TINY = [
    (("path_cue=act critical", "source_role=nsubj"), "critical"),
    (("path_cue=act critical", "source_role=nsubj", "target_role=dobj"), "critical"),
    (("path_cue=act supportive", "source_role=nsubj"), "supportive"),
    (("path_cue=act supportive", "target_role=dobj"), "supportive"),
    (("path_cue=act neutral", "path=meet"), "neutral"),
    (("path=meet", "target_role=pobj:with"), "neutral"),
    (("source_role=compound",), "none"),
    (("source_role=compound", "target_role=dobj"), "none"),
    (("order=target_first",), "none"),
]


def test_training_on_a_tiny_set_reproduces_and_learns_the_cue():
    from etl.train_stances import fit

    first = fit(TINY, 0.4, c=10.0, min_count=1)
    second = fit(list(TINY), 0.4, c=10.0, min_count=1)
    assert first == second
    assert first.decide(("path_cue=act critical", "source_role=nsubj"))[0] == "critical"
    assert first.decide(("path_cue=act supportive",))[0] == "supportive"
    assert first.decide(("order=target_first",))[0] == "none"


def test_the_exported_json_scores_like_the_trained_model(tmp_path):
    from etl.train_stances import fit

    model = fit(TINY, 0.4, c=10.0, min_count=1)
    path = tmp_path / "model.json"
    path.write_text(json.dumps(stance_model.to_json(model)), encoding="utf-8")
    loaded = StanceModel.from_json(json.loads(path.read_text(encoding="utf-8")))
    for features, _ in TINY:
        assert loaded.probabilities(features) == pytest.approx(
            model.probabilities(features), abs=1e-4
        )


def test_a_switched_off_model_keeps_the_rules_rows_and_adds_their_probability(
    nlp, gazetteer, shipped
):
    ctx = _context(nlp, gazetteer, "Canada condemned Russia for the attack on the hospital.\n")
    statements = extract_statements(ctx)
    rules = rule_stances(ctx, statements)
    off = dataclasses.replace(shipped, enabled=False)
    rows = stance_model.apply(ctx, statements, rules, off)
    assert [dataclasses.replace(r, model_p=None) for r in rows] == rules
    assert all(r.model_p is not None and 0 < r.model_p <= 1 for r in rows)


def test_the_etl_with_the_model_on_holds_the_seed_stance_floor(tmp_path, monkeypatch, shipped):
    """The seeds' stance F1 floor of tests/test_quality.py holds with the model switched on
    (rules plus the model's rows), whatever the shipped JSON says."""
    from tests.test_quality import SEED_FLOORS, SEED_GOLD, SEEDS

    on = dataclasses.replace(shipped, enabled=True, mode="both")
    monkeypatch.setattr(stance_model, "load_model", lambda path=DEFAULT_MODEL: on)
    db = tmp_path / "warehouse.duckdb"
    run_etl(SEEDS, db)
    scores = evaluate.score_folder(db, SEED_GOLD)
    assert evaluate.headline("stances", scores.totals["stances"]) >= SEED_FLOORS["stances"]
