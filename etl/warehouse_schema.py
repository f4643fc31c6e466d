"""The warehouse's schema as data: the tables and views of the data contract
(docs/data-contract.md), which dataclass each article table holds, each table's id column, and
the DDL applied idempotently (`ensure_schema`). `etl.load`, the only writer, re-exports every
name here."""

from __future__ import annotations

import duckdb
import pyarrow as pa

from etl.types import Event, Figure, Mention, Stance, Statement

SCHEMA_VERSION = "2"

# The data contract (docs/data-contract.md): contract columns first, extra columns after.
# Column names equal the dataclass field names, so a row is written by reading attributes.
TABLES: dict[str, str] = {
    "articles": """
        CREATE TABLE IF NOT EXISTS articles (
            article_id VARCHAR PRIMARY KEY,
            source_path VARCHAR NOT NULL,
            title VARCHAR,
            outlet VARCHAR,
            url VARCHAR,
            published_date DATE,
            language VARCHAR,
            body VARCHAR NOT NULL,
            content_sha256 VARCHAR NOT NULL,
            ingested_at TIMESTAMP,
            published_precision VARCHAR,
            encoding_note VARCHAR
        )""",
    "actors": """
        CREATE TABLE IF NOT EXISTS actors (
            actor_id VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            country_id VARCHAR,
            aliases VARCHAR[],
            source VARCHAR
        )""",
    "mentions": """
        CREATE TABLE IF NOT EXISTS mentions (
            article_id VARCHAR NOT NULL,
            actor_id VARCHAR NOT NULL,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            text VARCHAR,
            how VARCHAR
        )""",
    "statements": """
        CREATE TABLE IF NOT EXISTS statements (
            statement_id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            speaker_id VARCHAR,
            speaker_text VARCHAR,
            quote VARCHAR,
            is_direct BOOLEAN,
            statement_date DATE,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            date_precision VARCHAR,
            cue VARCHAR,
            confidence DOUBLE,
            review_status VARCHAR NOT NULL,
            model_p DOUBLE
        )""",
    "stances": """
        CREATE TABLE IF NOT EXISTS stances (
            stance_id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            statement_id VARCHAR,
            source_id VARCHAR NOT NULL,
            target_id VARCHAR NOT NULL,
            polarity VARCHAR NOT NULL,
            evidence VARCHAR,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            cue VARCHAR,
            negated BOOLEAN,
            confidence DOUBLE,
            review_status VARCHAR NOT NULL,
            model_p DOUBLE
        )""",
    "figures": """
        CREATE TABLE IF NOT EXISTS figures (
            figure_id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            value DOUBLE NOT NULL,
            value_text VARCHAR,
            category VARCHAR NOT NULL,
            subject VARCHAR,
            location VARCHAR,
            attributed_to_id VARCHAR,
            as_of_date DATE,
            evidence VARCHAR,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            value_start INTEGER,
            value_end INTEGER,
            as_of_precision VARCHAR,
            qualifier VARCHAR,
            confidence DOUBLE,
            review_status VARCHAR NOT NULL
        )""",
    "events": """
        CREATE TABLE IF NOT EXISTS events (
            event_id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            event_date DATE NOT NULL,
            date_precision VARCHAR NOT NULL,
            event_type VARCHAR NOT NULL,
            description VARCHAR,
            location VARCHAR,
            participant_ids VARCHAR[],
            evidence VARCHAR,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            confidence DOUBLE,
            review_status VARCHAR NOT NULL,
            method VARCHAR,
            model_p DOUBLE
        )""",
    # The analysts' review log (etl/review), copied from the review store on every write, with
    # where each action attached in this warehouse.
    "reviews": """
        CREATE TABLE IF NOT EXISTS reviews (
            review_id VARCHAR PRIMARY KEY,
            table_name VARCHAR NOT NULL,
            row_id VARCHAR NOT NULL,
            article_id VARCHAR NOT NULL,
            char_start INTEGER,
            char_end INTEGER,
            action VARCHAR NOT NULL,
            before JSON,
            after JSON,
            reviewer VARCHAR NOT NULL,
            reviewed_at TIMESTAMP NOT NULL,
            note VARCHAR,
            seq BIGINT NOT NULL,
            content_sha256 VARCHAR,
            source_path VARCHAR,
            evidence VARCHAR,
            changes JSON,
            base_version BIGINT,
            undoes VARCHAR,
            attached_row_id VARCHAR,
            attached_article_id VARCHAR,
            attached_by VARCHAR,
            unattached_reason VARCHAR
        )""",
    # The machine's own rows of every reviewed article, so a later run can reuse them.
    "review_machine_rows": """
        CREATE TABLE IF NOT EXISTS review_machine_rows (
            article_id VARCHAR NOT NULL,
            table_name VARCHAR NOT NULL,
            position INTEGER NOT NULL,
            row_id VARCHAR NOT NULL,
            row JSON NOT NULL
        )""",
    # What figures.location and events.location resolve to (etl.places): every place some row
    # of the warehouse names, and each located row's place (NULL: not in the gazetteer).
    "places": """
        CREATE TABLE IF NOT EXISTS places (
            place_id VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            country_id VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            country_code VARCHAR
        )""",
    "row_places": """
        CREATE TABLE IF NOT EXISTS row_places (
            article_id VARCHAR NOT NULL,
            table_name VARCHAR NOT NULL,
            row_id VARCHAR NOT NULL,
            location VARCHAR NOT NULL,
            place_id VARCHAR,
            how VARCHAR
        )""",
    "rejected": """
        CREATE TABLE IF NOT EXISTS rejected (
            source_path VARCHAR NOT NULL,
            reason VARCHAR NOT NULL,
            detail VARCHAR,
            rejected_at TIMESTAMP
        )""",
    # Which article discovered which non-gazetteer actor, so reused articles bring theirs back.
    "actor_discoveries": """
        CREATE TABLE IF NOT EXISTS actor_discoveries (
            article_id VARCHAR NOT NULL,
            actor_id VARCHAR NOT NULL
        )""",
    # One row per ETL run that produced this file (history carried over from earlier files).
    "runs": """
        CREATE TABLE IF NOT EXISTS runs (
            run_id VARCHAR PRIMARY KEY,
            started_at TIMESTAMP,
            finished_at TIMESTAMP,
            etl_version VARCHAR,
            files_seen INTEGER,
            articles INTEGER,
            rejected INTEGER,
            reused INTEGER,
            input_dir VARCHAR
        )""",
    # Each input file as the last run read it, so an unchanged file is not read again: its bytes'
    # hash, a hash of its sidecar rows, what each document in it became (JSON list), and its
    # size, times and inode (`etl.run.stat_key`), which spare hashing a file that kept them.
    "input_files": """
        CREATE TABLE IF NOT EXISTS input_files (
            file_path VARCHAR PRIMARY KEY,
            file_sha256 VARCHAR NOT NULL,
            sidecar_key VARCHAR NOT NULL,
            documents JSON NOT NULL,
            stat_key VARCHAR
        )""",
    "meta": """
        CREATE TABLE IF NOT EXISTS meta (
            key VARCHAR PRIMARY KEY,
            value VARCHAR
        )""",
}

VIEWS: dict[str, str] = {
    # A stance's source and target as the countries they stand for (a country stands for itself).
    "stances_by_country": """
        CREATE OR REPLACE VIEW stances_by_country AS
        SELECT s.*,
               CASE WHEN src.kind = 'country' THEN src.actor_id ELSE src.country_id END
                   AS source_country_id,
               CASE WHEN tgt.kind = 'country' THEN tgt.actor_id ELSE tgt.country_id END
                   AS target_country_id
        FROM stances s
        LEFT JOIN actors src ON src.actor_id = s.source_id
        LEFT JOIN actors tgt ON tgt.actor_id = s.target_id""",
    # Each article's actors with how often they are mentioned.
    "article_actors": """
        CREATE OR REPLACE VIEW article_actors AS
        SELECT m.article_id, m.actor_id, a.name, a.kind, a.country_id, count(*) AS mentions
        FROM mentions m LEFT JOIN actors a ON a.actor_id = m.actor_id
        GROUP BY ALL""",
}

# Tables holding rows of one article each, with the dataclass each row comes from.
ARTICLE_TABLES: dict[str, type] = {
    "mentions": Mention,
    "statements": Statement,
    "stances": Stance,
    "figures": Figure,
    "events": Event,
}
EXTRACTION_FIELD = {
    "mentions": "mentions",
    "statements": "statements",
    "stances": "stances",
    "figures": "figures",
    "events": "events",
}
ID_COLUMN = {
    "articles": "article_id",
    "actors": "actor_id",
    "statements": "statement_id",
    "stances": "stance_id",
    "figures": "figure_id",
    "events": "event_id",
    "runs": "run_id",
    "places": "place_id",
}

_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "INTEGER": pa.int64(),
    "BIGINT": pa.int64(),
    "JSON": pa.string(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "VARCHAR[]": pa.list_(pa.string()),
}


# Columns added to a table after warehouses were written with it: (table, column, type).
ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (("input_files", "stat_key", "VARCHAR"),)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table and view that is missing (idempotent)."""
    for ddl in TABLES.values():
        con.execute(ddl)
    for table, column, kind in ADDED_COLUMNS:  # a file from before the column gains it
        con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {kind}")
    for ddl in VIEWS.values():
        con.execute(ddl)


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    rows = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_name = ? AND table_schema = 'main' ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [(name, dtype) for name, dtype in rows]


def schema_columns() -> dict[str, list[tuple[str, str]]]:
    """Every table's (column, type), from the DDL applied to an in-memory database."""
    con = duckdb.connect()
    try:
        ensure_schema(con)
        return {table: table_columns(con, table) for table in TABLES}
    finally:
        con.close()
