"""Round 18 of the learned stance model: candidates for "the government"/"the regime" read as the
story's country, the new features (speaker, voice, cue of the meeting word, what the rules say of
the pair anywhere in the article), per-polarity thresholds in the JSON, the "new_pairs" mode,
and the model's rows marked by their cue. Sentences written for these tests."""

from __future__ import annotations

import dataclasses
import json

import pytest

from etl import stance_model
from etl.actors import Gazetteer
from etl.context import ArticleContext
from etl.stance_model import DEFAULT_MODEL, MODEL_CUE, StanceModel
from etl.stances import rule_stances
from etl.statements import extract_statements
from etl.types import Stance
from tests.contexts import article_context


@pytest.fixture(scope="module")
def shipped() -> StanceModel:
    return StanceModel.from_json(json.loads(DEFAULT_MODEL.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load(None)


def _context(nlp, gazetteer, body: str) -> ArticleContext:
    return article_context(nlp, gazetteer, body)


def _found(ctx: ArticleContext) -> list[stance_model.Candidate]:
    statements = extract_statements(ctx)
    return stance_model.candidates(ctx, statements, rule_stances(ctx, statements))


def _features(ctx: ArticleContext, source: str, target: str) -> tuple[str, ...]:
    (candidate,) = [c for c in _found(ctx) if (c.source_id, c.target_id) == (source, target)]
    return candidate.features


def test_the_government_is_a_candidate_end_standing_for_the_storys_country(nlp, gazetteer):
    body = (
        "Fighting continued across Syria on Monday, with shelling reported near Aleppo.\n\n"
        "France accused the government of blocking aid convoys to the besieged towns.\n"
    )
    ctx = _context(nlp, gazetteer, body)
    features = _features(ctx, "france", "syria")
    assert "how=state_noun" in features
    assert "meet=accuse" in features


def test_a_named_government_is_no_state_noun_candidate(nlp, gazetteer):
    body = "Syria was hit again.\n\nFrance criticised the Turkish government over the border.\n"
    ctx = _context(nlp, gazetteer, body)
    assert all("how=state_noun" not in c.features for c in _found(ctx))


def test_meeting_cue_voice_and_the_pairs_article_rules(nlp, gazetteer):
    body = "Canada condemned Russia for the attack on the hospital.\n"
    ctx = _context(nlp, gazetteer, body)
    features = _features(ctx, "canada", "russia")
    assert "voice=active" in features
    assert any(f.startswith("meet_cue=") and f.endswith("critical") for f in features)
    assert "article_rule=critical" in features
    assert "speaker=source" in features  # "condemned" is a statement of Canada
    reverse = _features(ctx, "russia", "canada")
    assert "article_rule=none" in reverse and "article_reverse=critical" in reverse


def test_a_negated_meeting_word_is_marked(nlp, gazetteer):
    ctx = _context(nlp, gazetteer, "Canada did not condemn Russia for the strike.\n")
    assert "meet_negated" in _features(ctx, "canada", "russia")


def test_the_speaker_feature_and_the_target_inside_the_sources_quote(nlp, gazetteer):
    body = 'Canadian Foreign Minister Melanie Joly said: "Russia must stop bombing Ukraine now."\n'
    ctx = _context(nlp, gazetteer, body)
    statements = extract_statements(ctx)
    speakers = {s.speaker_id for s in statements}
    for c in _found(ctx):
        if c.source_id in speakers and c.target_id == "russia":
            assert "speaker=source" in c.features
            assert "target_in_other_quote" in c.features


def test_per_polarity_thresholds_survive_the_json_and_decide():
    model = StanceModel(
        stance_model.CLASSES,
        (0.0, 0.0, 0.0, 0.0),
        {"cue": (0.0, 3.0, 0.0, 0.0), "kind": (0.0, 0.0, 3.0, 0.0)},
        0.5,
        thresholds={"supportive": 0.95},
    )
    again = StanceModel.from_json(json.loads(stance_model.dumps(stance_model.to_json(model))))
    assert again.thresholds == {"supportive": 0.95}
    assert again.decide(("cue",))[0] == "critical"  # P ≈ 0.87 ≥ 0.5
    assert again.decide(("kind",))[0] == "none"  # P ≈ 0.87 < 0.95


def _row(source: str, target: str, polarity: str, start: int, cue: str | None = None) -> Stance:
    return Stance(
        f"{source}{target}{polarity}{start}",
        "a1",
        None,
        source,
        target,
        polarity,
        "e",
        start,
        9,
        cue,
    )


def test_new_pairs_mode_adds_only_pairs_the_rules_never_found():
    rules = [_row("a", "b", "critical", 0)]
    learned = [
        (_row("a", "b", "supportive", 50, MODEL_CUE), 0.9),  # the rules have the pair elsewhere
        (_row("c", "b", "critical", 50, MODEL_CUE), 0.9),
    ]
    both = stance_model.combine(rules, learned, "both")
    new = stance_model.combine(rules, learned, "new_pairs")
    assert len(both) == 3
    assert [(r.source_id, r.polarity) for r in new] == [("a", "critical"), ("c", "critical")]


def test_switched_off_the_rules_rows_pass_unchanged(nlp, gazetteer, shipped):
    ctx = _context(nlp, gazetteer, "Canada condemned Russia for the attack on the hospital.\n")
    statements = extract_statements(ctx)
    rules = rule_stances(ctx, statements)
    rows = stance_model.apply(ctx, statements, rules, dataclasses.replace(shipped, enabled=False))
    assert [dataclasses.replace(r, model_p=None) for r in rows] == rules


def test_switched_on_the_model_adds_a_marked_row_the_rules_left_alone(nlp, gazetteer):
    """A model that calls any named pair in the "article_rule=none" state critical adds a row for
    a pair the rules did not find, with the model's cue and probability."""
    body = "Canada condemned Russia for the attack on the hospital.\n"
    ctx = _context(nlp, gazetteer, body)
    statements = extract_statements(ctx)
    rules = rule_stances(ctx, statements)
    model = StanceModel(
        stance_model.CLASSES,
        (0.0, -5.0, -5.0, -5.0),
        {"article_rule=none": (0.0, 9.0, 0.0, 0.0)},
        0.5,
        enabled=True,
        mode="new_pairs",
    )
    rows = stance_model.apply(ctx, statements, rules, model)
    added = [r for r in rows if r not in rules and r.cue == MODEL_CUE]
    assert added and all(r.polarity == "critical" for r in added)
    assert all(r.model_p is not None and r.model_p > 0.5 for r in added)
    assert ("russia", "canada") in {(r.source_id, r.target_id) for r in added}


def test_the_models_probability_is_a_confidence_feature():
    """`model_p` reaches the stance confidence features, binned (refitted by `make calibrate`)."""
    from tests.test_confidence import features, stance

    assert "model_p=none" in features("stances", stance())
    assert "model_p=>=0.8" in features("stances", stance(model_p=0.91))
    assert "model_p=0.2-0.5" in features("stances", stance(model_p=0.3))
