"""Confidence: row features, the model file, fitting and calibration, and the ETL's rows."""

from __future__ import annotations

import dataclasses
import json
import random
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from etl import calibrate, confidence, evaluate, load
from etl.calibrate import Sample
from etl.confidence import ConfidenceModel, TableModel
from etl.run import run_etl
from etl.types import Actor, Article, Event, Extraction, Figure, Mention, Stance, Statement

ROOT = Path(__file__).resolve().parent.parent
BODY = (
    'Canada condemned Russia on Monday. "We will not stand by," said Jane Roe. '
    "He added that 12,000 people fled Aleppo, according to the UNHCR."
)
ACTORS = {
    a.actor_id: a
    for a in (
        Actor("canada", "Canada", "country", None),
        Actor("russia", "Russia", "country", None),
        Actor("unhcr", "UNHCR", "intergovernmental", None),
        Actor("jane-roe", "Jane Roe", "person", "canada", source="discovered"),
    )
}
ARTICLE = Article(
    "a1", "one.txt", None, None, None, date(2024, 5, 8), "day", "en", BODY, "sha"
)  # published on a Wednesday
MENTIONS = (
    Mention("a1", "canada", 0, 6, "Canada"),
    Mention("a1", "russia", 17, 23, "Russia"),
    Mention("a1", "jane-roe", 64, 72, "Jane Roe"),
    Mention("a1", "unhcr", 134, 139, "UNHCR"),
)


def statement(**changes) -> Statement:
    row = Statement("s1", "a1", "jane-roe", "Jane Roe", "We will not stand by", True, None, 35, 55)
    return dataclasses.replace(row, **changes)


def stance(**changes) -> Stance:
    row = Stance("x1", "a1", None, "canada", "russia", "critical", BODY[:33], 0, 33, "condemned")
    return dataclasses.replace(row, **changes)


def figure(**changes) -> Figure:
    row = Figure(
        "f1", "a1", 12000.0, "12,000", "refugees", None, "Aleppo", "unhcr", None, BODY[74:], 74, 140
    )
    return dataclasses.replace(row, **changes)


def event(**changes) -> Event:
    row = Event(
        "e1", "a1", date(2024, 5, 6), "day", "statement", "", None, ("canada",), BODY[:33], 0, 33
    )
    return dataclasses.replace(row, **changes)


EXTRACTION = Extraction(
    ARTICLE,
    mentions=MENTIONS,
    statements=(statement(),),
    stances=(stance(),),
    figures=(figure(),),
    events=(event(),),
)


def features(table: str, row) -> set[str]:
    return set(confidence.row_features(table, row, EXTRACTION, ACTORS))


# --- features --------------------------------------------------------------------------------


def test_statement_features_say_how_the_speaker_was_found():
    found = features("statements", statement())
    assert {
        "direct=true",
        "speaker=discovered",
        "speaker_kind=person",
        "speaker_form=name",
    } <= found
    assert "quote_words=<6" in found and "cue=none" in found
    unresolved = features(
        "statements", statement(speaker_id=None, speaker_text="he", is_direct=False, cue="Said")
    )
    assert {"speaker=unresolved", "speaker_form=pronoun", "direct=false", "cue=said"} <= unresolved


def test_stance_features_see_whether_both_actors_are_named_in_the_evidence():
    assert {"named=both", "source=gazetteer:country", "via_statement=false"} <= features(
        "stances", stance()
    )
    # Evidence "Jane Roe" names neither Canada nor Russia.
    assert "named=neither" in features("stances", stance(char_start=64, char_end=72))
    same_side = stance(source_id="jane-roe", target_id="canada")
    assert "same_country=true" in features("stances", same_side)


def test_figure_features_tell_digits_from_words_money_and_magnitude():
    found = features("figures", figure())
    assert {"written=digits", "money=false", "magnitude=<1M", "attributed=true"} <= found
    worded = features("figures", figure(value=5e9, value_text="five billion dollars"))
    assert {"written=words", "money=true", "magnitude=>=1M"} <= worded


def test_event_features_tell_a_written_date_from_a_carried_one():
    # "on Monday" in an article of Wednesday 8 May 2024 is Monday 6 May.
    assert "date=relative" in features("events", event())
    assert "date=carried" in features("events", event(evidence="The talks went well."))
    assert "date=written" in features("events", event(evidence="They met on 6 May 2024 in Geneva."))
    assert "participants=1" in features("events", event())


def test_event_features_tell_the_lead_from_the_body_and_a_repeated_type():
    assert "sentence=lead" in features("events", event())
    late = event(char_start=60, char_end=len(BODY))
    extraction = dataclasses.replace(EXTRACTION, events=(event(), late))
    assert "sentence=lead" in confidence.event_features(late, extraction, ACTORS)
    long_body = "One. Two. Three. " + BODY
    article = dataclasses.replace(ARTICLE, body=long_body)
    moved = event(char_start=17, char_end=50)
    lone = Extraction(article, mentions=(), events=(moved,))
    assert "sentence=body" in confidence.event_features(moved, lone, ACTORS)
    assert "repeated_type=false" in confidence.event_features(moved, lone, ACTORS)
    assert "repeated_type=true" in confidence.event_features(late, extraction, ACTORS)


# --- the model -------------------------------------------------------------------------------


def test_a_table_model_adds_weights_of_present_features_and_ignores_unknown_ones():
    model = TableModel(0.5, {"direct=true": 1.0, "speaker=unresolved": -2.0}, 2.0, -1.0)
    assert model.score(["direct=true", "never-seen"]) == 1.5
    assert model.probability(["direct=true"]) == pytest.approx(confidence.sigmoid(2.0))
    assert TableModel.from_dict(model.as_dict()) == model


def test_with_confidence_scores_every_row_and_leaves_them_machine_rows():
    model = ConfidenceModel(
        {t: TableModel(2.0, {"speaker=unresolved": -4.0}) for t in confidence.ROW_TABLES}
    )
    scored = confidence.with_confidence(EXTRACTION, ACTORS, model)
    for table in confidence.ROW_TABLES:
        (row,) = getattr(scored, table)
        assert row.confidence == pytest.approx(confidence.sigmoid(2.0), abs=1e-4)
        assert row.review_status == "machine"
    unresolved = dataclasses.replace(EXTRACTION, statements=(statement(speaker_id=None),))
    (row,) = confidence.with_confidence(unresolved, ACTORS, model).statements
    assert row.confidence == pytest.approx(confidence.sigmoid(-2.0), abs=1e-4)


def test_the_shipped_model_has_every_table_and_gives_probabilities():
    model = confidence.load_model()
    assert set(model.tables) == set(confidence.ROW_TABLES)
    scored = confidence.with_confidence(EXTRACTION, ACTORS)
    for table in confidence.ROW_TABLES:
        assert all(0.0 <= r.confidence <= 1.0 for r in getattr(scored, table))


def test_a_missing_model_file_leaves_rows_without_confidence(tmp_path):
    model = confidence.load_model(tmp_path / "absent.json")
    (row,) = confidence.with_confidence(EXTRACTION, ACTORS, model).figures
    assert row.confidence is None


def test_the_confidence_file_is_part_of_the_etl_version(tmp_path):
    package = tmp_path / "etl"
    (package / "rules").mkdir(parents=True)
    (package / "a.py").write_text("x = 1\n")
    model = package / "rules" / "confidence.json"
    model.write_text('{"tables": {}}\n')
    before = load.etl_version(package, tmp_path / "actors.csv")
    model.write_text('{"tables": {"figures": {"intercept": 1.0}}}\n')
    assert load.etl_version(package, tmp_path / "actors.csv") != before
    assert (ROOT / "etl" / "rules" / "confidence.json").is_file()


# --- fitting and calibration -------------------------------------------------------------------


def synthetic(n_articles: int = 30, seed: int = 7) -> list[Sample]:
    """Rows whose 'cue=good' is right 95% of the time and 'cue=bad' 30%."""
    rng = random.Random(seed)
    samples = []
    for a in range(n_articles):
        for _ in range(8):
            good = rng.random() < 0.6
            right = rng.random() < (0.95 if good else 0.3)
            features = ("cue=good" if good else "cue=bad", f"noise={rng.randint(0, 3)}")
            samples.append(Sample(f"art{a}", features, right))
    return samples


def test_logistic_fit_ranks_a_good_feature_above_a_bad_one():
    model = calibrate.fit_logistic(synthetic(), l2=1.0)
    assert model.weights["cue=good"] > model.weights["cue=bad"]
    good = confidence.sigmoid(model.score(["cue=good"]))
    bad = confidence.sigmoid(model.score(["cue=bad"]))
    assert good > 0.85 and bad < 0.5


def test_logistic_fit_stays_finite_when_every_row_is_right():
    samples = [Sample("a", ("x=1",), True)] * 20
    model = calibrate.fit_logistic(samples, l2=1.0)
    assert 0.8 < confidence.sigmoid(model.score(["x=1"])) < 1.0


def test_platt_scaling_keeps_the_order_and_falls_back_when_scores_say_nothing():
    scores = [-2.0] * 20 + [2.0] * 20
    labels = [i % 3 == 0 for i in range(20)] + [i % 10 != 0 for i in range(20)]
    scale, _shift = calibrate.fit_platt(scores, labels)
    assert scale > 0
    reversed_scale, shift = calibrate.fit_platt(scores, [not y for y in labels])
    assert reversed_scale == 0.0
    share_right = sum(not y for y in labels) / len(labels)
    assert confidence.sigmoid(shift) == pytest.approx(share_right, abs=0.05)


def test_folds_keep_each_article_whole():
    samples = synthetic(n_articles=12)
    assignment = calibrate.folds(samples, k=5)
    by_article: dict[str, set[int]] = {}
    for s, f in zip(samples, assignment, strict=True):
        by_article.setdefault(s.article, set()).add(f)
    assert all(len(f) == 1 for f in by_article.values())
    assert len(set(assignment)) == 5


def test_a_fitted_table_is_calibrated_out_of_fold():
    fit = calibrate.fit_table(synthetic(n_articles=40))
    rel = fit.reliability
    assert rel.total == 320
    assert rel.high.precision >= 0.8  # the target: ≥ 0.8 confidence → ≥ 80% right
    assert rel.high_share >= 0.2
    assert sum(rel.rows[:3]) > 0  # the bad cue's rows sit low
    assert fit.model.scale > 0


def test_the_model_file_records_weights_platt_and_cross_validated_reliability(tmp_path):
    fits = calibrate.fit({"figures": synthetic()})
    sets = [calibrate.GoldSet(Path("a"), Path("g"))]
    data = json.loads(json.dumps(calibrate.model_file(fits, sets)))
    figures = data["tables"]["figures"]
    assert {"intercept", "weights", "platt", "l2", "rows", "right"} <= set(figures)
    assert figures["cross_validated_reliability"]["high_confidence"]["threshold"] == 0.8
    assert data["fitted_on"] == [{"articles": "a", "gold": "g", "weight": 1.0}]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data))
    assert confidence.load_model(path).tables["figures"].weights["cue=good"] > 0


def test_calibrate_refuses_a_hold_out_set(capsys):
    code = calibrate.main(
        ["--set", "tests/holdout_corpus/articles", "tests/holdout_corpus/gold", "--out", "x.json"]
    )
    assert code == 2
    assert "hold-out" in capsys.readouterr().err


# --- the real ETL --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("seeds") / "warehouse.duckdb"
    run_etl(ROOT / "data" / "raw", db)
    return db


@pytest.mark.parametrize("table", confidence.ROW_TABLES)
def test_every_row_the_etl_writes_has_a_confidence_and_a_machine_status(seed_db, table):
    with duckdb.connect(str(seed_db), read_only=True) as con:
        rows = con.execute(
            f"SELECT count(*), count(confidence), min(confidence), max(confidence), "  # noqa: S608
            f"list(DISTINCT review_status) FROM {table}"
        ).fetchone()
    total, scored, low, high, statuses = rows
    assert total > 0 and scored == total
    assert 0.0 <= low <= high <= 1.0
    assert statuses == ["machine"]


def test_freezing_a_blind_run_keeps_its_labelled_rows_for_later_fits(seed_db, tmp_path):
    out = tmp_path / "blind_rows.jsonl"
    gold = str(ROOT / "tests" / "gold")
    assert calibrate.main(["--freeze", str(seed_db), gold, "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    frozen = calibrate.read_frozen(out, 3.0, 7)
    assert sum(len(rows) for rows in frozen.values()) == len(lines) > 0
    row = frozen["figures"][0]
    assert row.set_index == 7 and row.weight == 3.0
    assert any(f.startswith("family=") for f in row.features)
    # without --out the rows would overwrite the model: refused
    assert calibrate.main(["--freeze", str(seed_db), gold]) == 2


def test_evaluate_labels_the_etls_rows_for_calibration(seed_db):
    scores = evaluate.score_folder(seed_db, ROOT / "tests" / "gold")
    samples = calibrate.samples_from_scores(scores)
    for table in confidence.ROW_TABLES:
        assert len(samples[table]) == sum(len(a.matches[table].predicted) for a in scores.articles)
        assert sum(s.right for s in samples[table]) >= 0.8 * len(samples[table])
    reliability = scores.reliability()
    assert all(r.unscored == 0 for r in reliability.values())


# --- the warehouse -----------------------------------------------------------------------------


def write(db: Path, extraction: Extraction) -> None:
    when = datetime(2024, 5, 8, 12, 0)
    load.write_warehouse(
        db,
        articles=[extraction.article],
        extractions=[extraction],
        actors=list(ACTORS.values()),
        rejected=[],
        run_info=load.RunInfo("r", when, when, "v", 1, 1, 0, 0),
    )


def test_confidence_and_review_status_are_stored_and_read_back_for_reuse(tmp_path):
    scored = confidence.with_confidence(EXTRACTION, ACTORS)
    write(tmp_path / "w.duckdb", scored)
    previous = load.read_previous(tmp_path / "w.duckdb")
    (again,) = previous.extractions["sha"]
    for table in confidence.ROW_TABLES:
        assert getattr(again, table) == getattr(scored, table)


def test_a_warehouse_written_before_confidence_existed_still_reads(tmp_path):
    db = tmp_path / "old.duckdb"
    write(db, EXTRACTION)
    with duckdb.connect(str(db)) as con:
        for table in confidence.ROW_TABLES:
            con.execute(f"ALTER TABLE {table} DROP COLUMN confidence")  # names from ROW_TABLES
            con.execute(f"ALTER TABLE {table} DROP COLUMN review_status")
    (old,) = load.read_previous(db).extractions["sha"]
    assert old.figures[0].confidence is None and old.figures[0].review_status == "machine"


def test_a_sets_weight_pulls_the_fit_toward_its_rows():
    clean = [Sample(f"c{i}", ("x=1",), i % 20 != 0, 1.0, 0) for i in range(200)]
    real = [Sample(f"r{i}", ("x=1",), i % 2 == 0, 1.0, 1) for i in range(40)]
    heavy = [dataclasses.replace(s, weight=5.0) for s in real]
    plain = confidence.sigmoid(calibrate.fit_logistic(clean + real, 1.0).score(["x=1"]))
    weighted = confidence.sigmoid(calibrate.fit_logistic(clean + heavy, 1.0).score(["x=1"]))
    assert weighted < plain - 0.1


def test_leaving_one_set_out_shows_a_set_that_the_others_do_not_predict():
    clean = [Sample(f"c{i // 5}", ("x=1",), i % 20 != 0, 1.0, 0) for i in range(200)]
    real = [Sample(f"r{i // 5}", ("x=1",), i % 2 == 0, 1.0, 1) for i in range(40)]
    fit = calibrate.fit_table(clean + real)
    assert fit.across_sets is not None and fit.across_sets.total == 240
    # The clean set, predicted from the real one alone, sits around 0.5 although 95% are right.
    assert fit.across_sets.rows[2] == 200


@pytest.mark.parametrize(
    ("values", "message"),
    [(["a"], "ARTICLES GOLD"), (["a", "g", "0"], "positive"), (["a", "g", "1", "2"], "ARTICLES")],
)
def test_a_malformed_set_is_a_usage_error(values, message):
    with pytest.raises(ValueError, match=message):
        calibrate.parse_set(values)
    assert calibrate.parse_set(["a", "g", "2.5"]).weight == 2.5
