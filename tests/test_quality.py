"""Extraction quality held at its measured level: the seed gold and the held-out dev corpus.

The whole ETL runs for real (spaCy, actors, every extractor, the loader) on each folder once per
session, and the scorer of `etl.evaluate` compares the warehouse with the gold. The floors are the
scores reached when they were last raised, less a small margin for legitimate trade-offs; raise
them when quality improves, never lower them to make a change pass.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl import evaluate, load
from etl.run import run_etl

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "raw"
SEED_GOLD = ROOT / "tests" / "gold"
DEV = ROOT / "tests" / "dev_corpus" / "articles"
DEV_GOLD = ROOT / "tests" / "dev_corpus" / "gold"

# F1 floors per table (actors: recall). The bar for the seeds is figures 0.9,
# statements 0.85, stances 0.7, events 0.7; the floors below hold what was reached.
SEED_FLOORS = {"figures": 0.95, "statements": 0.95, "stances": 0.90, "events": 0.93, "actors": 0.95}
# Events 0.84: planned events are left out since issue 9 (and since removed from this gold too).
DEV_FLOORS = {"figures": 0.93, "statements": 0.78, "stances": 0.68, "events": 0.84, "actors": 0.93}


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("seeds") / "warehouse.duckdb"
    run_etl(SEEDS, db)
    return db


@pytest.fixture(scope="module")
def dev_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("dev") / "warehouse.duckdb"
    run_etl(DEV, db)
    return db


def _f1(scores: evaluate.Scores, table: str) -> float:
    return evaluate.headline(table, scores.totals[table])


@pytest.mark.parametrize("table", sorted(SEED_FLOORS))
def test_seed_scores_hold(seed_db, table):
    scores = evaluate.score_folder(seed_db, SEED_GOLD)
    assert _f1(scores, table) >= SEED_FLOORS[table], evaluate.format_scores(
        scores, per_article=True
    )


@pytest.mark.parametrize("table", sorted(DEV_FLOORS))
def test_held_out_dev_scores_hold(dev_db, table):
    scores = evaluate.score_folder(dev_db, DEV_GOLD)
    assert _f1(scores, table) >= DEV_FLOORS[table], evaluate.format_scores(scores, per_article=True)


def test_every_seed_direct_quote_has_the_right_speaker(seed_db):
    by_stem, _rejected, index = evaluate.read_warehouse(seed_db)
    missed = []
    for gold in evaluate.load_gold(SEED_GOLD):
        statements = by_stem[gold.name].statements
        for quote in (g for g in gold.statements if g["direct_quote"]):
            if not any(
                evaluate.texts_overlap(s.quote, quote["evidence"])
                and index.matches(quote["speaker"], s.speaker_id, s.speaker_text)
                for s in statements
            ):
                missed.append((gold.name, quote["speaker"], quote["evidence"][:60]))
    assert missed == []


@pytest.mark.parametrize(
    ("stem", "value", "category", "attributed_to"),
    [
        ("000_308f82c025d196dd", 3_000_000, "civilians", "chrystia-freeland"),
        ("003_5e472a6a3394ded0", 5_600_000, "refugees", "unhcr"),
        ("001_ad8319d91b235ab5", 25_000, "resettled", "john-mccallum"),
    ],
)
def test_the_cards_seed_figures_come_out_right(seed_db, stem, value, category, attributed_to):
    by_stem, _rejected, _index = evaluate.read_warehouse(seed_db)
    figures = [f for f in by_stem[stem].figures if abs(f.value - value) <= 0.02 * value]
    assert [(f.category, f.attributed_to_id) for f in figures] == [(category, attributed_to)]


def test_dev_corpus_rejects_the_french_article_and_the_duplicate(dev_db):
    assert load.read_previous(dev_db) is not None
    with duckdb.connect(str(dev_db), read_only=True) as con:
        reasons = dict(con.execute("SELECT source_path, reason FROM rejected").fetchall())
    assert reasons.get("dev09_soudan_deplaces_fr.txt") == "non_english"
    assert reasons.get("dev10_rohingya_pledges_saved_again.txt") == "duplicate"
