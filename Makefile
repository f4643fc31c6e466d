# One target per README command, plus `check` for everything CI runs.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup setup-dev dashboard etl test lint check evaluate calibrate train-stances train-statements train-events bench

$(BIN)/python:
	PYTHON=$(PY) bash scripts/system-packages.sh venv
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

setup: $(BIN)/python
	bash scripts/system-packages.sh runtime
	$(BIN)/pip install --quiet -r requirements.txt

setup-dev: $(BIN)/python
	bash scripts/system-packages.sh dev
	$(BIN)/pip install --quiet -r requirements-dev.txt

data/warehouse.duckdb:
	$(BIN)/python -m etl --input data/raw --db data/warehouse.duckdb

etl: setup
	$(BIN)/python -m etl --input data/raw --db data/warehouse.duckdb

# Quick start 1: set up, build the warehouse if it is missing, start the dashboard.
# It listens on this machine only; `make dashboard ADDRESS=0.0.0.0` serves the network (set
# DASHBOARD_PASSWORD first). PORT changes the port.
ADDRESS ?= localhost
PORT ?= 8501
dashboard: setup data/warehouse.duckdb
	$(BIN)/streamlit run app.py --server.address $(ADDRESS) --server.port $(PORT)

# Quick start 2: set up and run every test.
test: setup-dev
	$(BIN)/python -m pytest -q

lint: setup-dev
	$(BIN)/ruff check .

check: lint test

evaluate: setup
	$(BIN)/python -m etl.evaluate --articles data/raw --gold tests/gold

# Re-fit etl/rules/confidence.json on the development gold sets (never on a hold-out).
CALIBRATION_SETS ?= --set data/raw tests/gold --set tests/dev_corpus/articles tests/dev_corpus/gold \
	--set tests/real_dev/articles tests/real_dev/gold 3 \
	--set tests/real_dev2/articles tests/real_dev2/gold 3 \
	--set tests/real_dev3/articles tests/real_dev3/gold 3 \
	--set tests/real_dev4/articles tests/real_dev4/gold 3 \
	--set tests/real_dev5/articles tests/real_dev5/gold 3 \
	--set tests/real_dev6/articles tests/real_dev6/gold 3 \
	--set tests/real_dev7/articles tests/real_dev7/gold 3 \
	--set tests/real_dev8/articles tests/real_dev8/gold 3 \
	--set tests/real_dev9/articles tests/real_dev9/gold 3 \
	--set tests/real_dev10/articles tests/real_dev10/gold 3 \
	--set tests/real_dev11/articles tests/real_dev11/gold 3 \
	--set tests/real_dev12/articles tests/real_dev12/gold 3 \
	--set tests/real_dev13/articles tests/real_dev13/gold 3 \
	--set tests/real_dev14/articles tests/real_dev14/gold 3 \
	--set tests/real_dev15/articles tests/real_dev15/gold 3 \
	--frozen tests/real_dev2/blind_rows.jsonl 3 \
	--frozen tests/real_dev3/blind_rows.jsonl 3 \
	--frozen tests/real_dev4/blind_rows.jsonl 3 \
	--frozen tests/real_dev5/blind_rows.jsonl 3 \
	--frozen tests/real_dev6/blind_rows.jsonl 3 \
	--frozen tests/real_dev7/blind_rows.jsonl 3 \
	--frozen tests/real_dev8/blind_rows.jsonl 3 \
	--frozen tests/real_dev9/blind_rows.jsonl 3 \
	--frozen tests/real_dev10/blind_rows.jsonl 3 \
	--frozen tests/real_dev11/blind_rows.jsonl 3 \
	--frozen tests/real_dev12/blind_rows.jsonl 3 \
	--frozen tests/real_dev13/blind_rows.jsonl 3 \
	--frozen tests/real_dev14/blind_rows.jsonl 3 \
	--frozen tests/real_dev15/blind_rows.jsonl 3
# Analysts' verdicts count too: `make calibrate REVIEWS=data/warehouse.duckdb` also fits on the
# rows analysts confirmed, rejected or corrected in that warehouse (weight REVIEWS_WEIGHT) and
# reports the confidence on them (docs/confidence.md, "Calibrating from analysts' reviews").
REVIEWS ?=
REVIEWS_WEIGHT ?= 3
calibrate: setup
	$(BIN)/python -m etl.calibrate $(CALIBRATION_SETS) $(if $(REVIEWS),--reviews $(REVIEWS) $(REVIEWS_WEIGHT)) --out etl/rules/confidence.json

# Re-train etl/rules/stance_model.json on every gold set and print its leave-one-set-out scores
# (rules / model / rules+model per set); it is switched on in the ETL only when that helps.
# Trains on seeds, dev_corpus and real_dev .. real_dev14 (holdout_corpus is measured, never
# trained on; real_dev15 is this round's validation set and is not read). STANCE_CACHE=FILE
# keeps the labelled candidates, so a re-run skips the parsing.
train-stances: setup-dev
	$(BIN)/python -m etl.train_stances --per-polarity --out etl/rules/stance_model.json \
		$(if $(STANCE_CACHE),--cache $(STANCE_CACHE))

train-statements: setup-dev
	$(BIN)/python -m etl.train_statements --out etl/rules/statement_model.json

train-events: setup-dev
	$(BIN)/python -m etl.train_events --out etl/rules/event_model.json

bench: setup
	$(BIN)/python -m benchmarks.bench_etl
	$(BIN)/python -m benchmarks.bench_export
	$(BIN)/python -m benchmarks.bench_length
