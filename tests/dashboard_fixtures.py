"""Small warehouses for the dashboard's tests, built with DDL that follows the data contract.

The rows are a miniature of the genre: two countries critical of each other, a supportive
stance, a refugee figure cited by two sources with different values, events on different dates,
an article without a date, a rejected file, and an article whose body carries a `<script>` tag
to prove that article text is escaped wherever it is shown.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

# The contract's columns, plus the optional extras the ETL may add (the dashboard degrades
# gracefully when they are absent, see `build_warehouse(..., extras=False)`).
DDL = {
    "articles": """article_id VARCHAR, source_path VARCHAR, title VARCHAR, outlet VARCHAR,
        url VARCHAR, published_date DATE, language VARCHAR, body VARCHAR,
        content_sha256 VARCHAR, ingested_at TIMESTAMP{published_precision}""",
    "actors": "actor_id VARCHAR, name VARCHAR, kind VARCHAR, country_id VARCHAR, aliases VARCHAR[]",
    "mentions": "article_id VARCHAR, actor_id VARCHAR, char_start INTEGER, char_end INTEGER, text VARCHAR",
    "statements": """statement_id VARCHAR, article_id VARCHAR, speaker_id VARCHAR,
        speaker_text VARCHAR, quote VARCHAR, is_direct BOOLEAN, statement_date DATE,
        char_start INTEGER, char_end INTEGER{statement_extras}""",
    "stances": """stance_id VARCHAR, article_id VARCHAR, statement_id VARCHAR, source_id VARCHAR,
        target_id VARCHAR, polarity VARCHAR, evidence VARCHAR, char_start INTEGER,
        char_end INTEGER{stance_extras}""",
    "figures": """figure_id VARCHAR, article_id VARCHAR, value DOUBLE, value_text VARCHAR,
        category VARCHAR, subject VARCHAR, location VARCHAR, attributed_to_id VARCHAR,
        as_of_date DATE, evidence VARCHAR, char_start INTEGER, char_end INTEGER{figure_extras}""",
    "events": """event_id VARCHAR, article_id VARCHAR, event_date DATE, date_precision VARCHAR,
        event_type VARCHAR, description VARCHAR, location VARCHAR, participant_ids VARCHAR[],
        evidence VARCHAR, char_start INTEGER, char_end INTEGER""",
    "rejected": "source_path VARCHAR, reason VARCHAR, detail VARCHAR, rejected_at TIMESTAMP",
}
EXTRAS = {
    "published_precision": ", published_precision VARCHAR",
    "statement_extras": ", date_precision VARCHAR, cue VARCHAR",
    "stance_extras": ", cue VARCHAR",
    "figure_extras": ", value_start INTEGER, value_end INTEGER, as_of_precision VARCHAR, qualifier VARCHAR",
}

ACTORS = [
    ("canada", "Canada", "country", None),
    ("russia", "Russia", "country", None),
    ("syria", "Syria", "country", None),
    ("turkey", "Turkey", "country", None),
    ("chrystia-freeland", "Chrystia Freeland", "person", "canada"),
    ("maria-zakharova", "Maria Zakharova", "person", "russia"),
    ("john-babcock", "John Babcock", "person", "canada"),
    ("vladimir-putin", "Vladimir Putin", "person", "russia"),
    ("unhcr", "UNHCR", "intergovernmental", None),
    ("united-nations", "United Nations", "intergovernmental", None),
]

# article_id, outlet, published, title, body
ARTICLES = [
    (
        "a-freeland",
        "Policy Blog",
        date(2018, 9, 7),
        "Canada and Russia trade barbs over Idlib",
        (
            "Foreign Affairs Minister Chrystia Freeland said on Thursday that "
            "\u201cRussia is complicit in the Assad regime\u2019s attacks on civilians in Idlib.\u201d "
            "In Moscow, Maria Zakharova said Canada's position was \u201cshameful and hypocritical.\u201d "
            "The presidents of Russia and Turkey met at a summit in Tehran on September 7, 2018."
        ),
    ),
    (
        "a-aleppo",
        "The Globe and Mail",
        date(2016, 12, 13),
        "Canada condemns the fall of Aleppo",
        (
            "Canada condemned Russia's bombing of Aleppo on Tuesday. "
            "According to the United Nations, 3.73 million people have fled Syria since 2011. "
            "Ministers met in Ottawa on December 12, 2016 to discuss resettlement."
        ),
    ),
    (
        "a-conference",
        "The Globe and Mail",
        date(2020, 11, 11),
        "Canada will not attend Damascus refugee conference",
        (
            "\u201cWe are concerned by Russia and Syria\u2019s attempt to organize a conference on "
            "refugee returns,\u201d said John Babcock, a spokesman for Canada. "
            "More than 5.6 million people have fled Syria since 2011, according to UNHCR. "
            "Vladimir Putin said Russia supports Syria in rebuilding the country. "
            "The conference opened in Damascus on November 11, 2020."
        ),
    ),
    (
        "a-script",
        "CBC News",
        None,
        "Undated wire copy <b>bold</b>",
        (
            "Syria said <script>alert('owned')</script> refugees may return. "
            "Turkey hosts 3.6 million refugees."
        ),
    ),
]


def _span(body: str, text: str) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


def _rows() -> dict[str, list[tuple]]:
    bodies = {a[0]: a[4] for a in ARTICLES}
    articles = [
        (
            aid,
            f"{aid}.txt",
            title,
            outlet,
            f"https://example.org/{aid}",
            published,
            "en",
            body,
            f"sha-{aid}",
            datetime(2026, 1, 1),
            "day" if published else None,
        )
        for aid, outlet, published, title, body in ARTICLES
    ]
    actors = [(a, n, k, c, [n]) for a, n, k, c in ACTORS]

    mentions = []
    for aid, names in {
        "a-freeland": [
            ("chrystia-freeland", "Chrystia Freeland"),
            ("russia", "Russia"),
            ("maria-zakharova", "Maria Zakharova"),
            ("canada", "Canada"),
            ("turkey", "Turkey"),
        ],
        "a-aleppo": [
            ("canada", "Canada"),
            ("russia", "Russia"),
            ("united-nations", "United Nations"),
            ("syria", "Syria"),
        ],
        "a-conference": [
            ("russia", "Russia"),
            ("syria", "Syria"),
            ("john-babcock", "John Babcock"),
            ("canada", "Canada"),
            ("unhcr", "UNHCR"),
            ("vladimir-putin", "Vladimir Putin"),
        ],
        "a-script": [("syria", "Syria"), ("turkey", "Turkey")],
    }.items():
        for actor_id, text in names:
            s, e = _span(bodies[aid], text)
            mentions.append((aid, actor_id, s, e, text))

    statements = []
    for sid, aid, speaker, speaker_text, quote, direct, sdate in [
        (
            "s-freeland",
            "a-freeland",
            "chrystia-freeland",
            "Chrystia Freeland",
            "Russia is complicit in the Assad regime\u2019s attacks on civilians in Idlib.",
            True,
            date(2018, 9, 6),
        ),
        (
            "s-zakharova",
            "a-freeland",
            "maria-zakharova",
            "Maria Zakharova",
            "shameful and hypocritical.",
            True,
            date(2018, 9, 7),
        ),
        (
            "s-canada",
            "a-aleppo",
            "canada",
            "Canada",
            "Canada condemned Russia's bombing of Aleppo on Tuesday.",
            False,
            date(2016, 12, 13),
        ),
        (
            "s-babcock",
            "a-conference",
            "john-babcock",
            "John Babcock",
            "We are concerned by Russia and Syria\u2019s attempt to organize a conference on refugee returns,",
            True,
            date(2020, 11, 11),
        ),
        (
            "s-putin",
            "a-conference",
            "vladimir-putin",
            "Vladimir Putin",
            "Vladimir Putin said Russia supports Syria in rebuilding the country.",
            False,
            None,
        ),
        (
            "s-script",
            "a-script",
            "syria",
            "Syria",
            "Syria said <script>alert('owned')</script> refugees may return.",
            False,
            None,
        ),
    ]:
        s, e = _span(bodies[aid], quote)
        statements.append(
            (
                sid,
                aid,
                speaker,
                speaker_text,
                quote,
                direct,
                sdate,
                s,
                e,
                "day" if sdate else None,
                "said",
            )
        )

    stances = []
    for tid, aid, sid, source, target, polarity, evidence, cue in [
        (
            "t-1",
            "a-freeland",
            "s-freeland",
            "chrystia-freeland",
            "russia",
            "critical",
            "Russia is complicit in the Assad regime\u2019s attacks on civilians in Idlib.",
            "complicit",
        ),
        (
            "t-2",
            "a-freeland",
            "s-zakharova",
            "maria-zakharova",
            "canada",
            "critical",
            "shameful and hypocritical.",
            "shameful",
        ),
        (
            "t-3",
            "a-aleppo",
            "s-canada",
            "canada",
            "russia",
            "critical",
            "Canada condemned Russia's bombing of Aleppo on Tuesday.",
            "condemned",
        ),
        (
            "t-4",
            "a-conference",
            "s-babcock",
            "john-babcock",
            "russia",
            "critical",
            "We are concerned by Russia and Syria\u2019s attempt",
            "concerned",
        ),
        (
            "t-5",
            "a-conference",
            "s-babcock",
            "john-babcock",
            "syria",
            "critical",
            "We are concerned by Russia and Syria\u2019s attempt",
            "concerned",
        ),
        (
            "t-6",
            "a-conference",
            "s-putin",
            "vladimir-putin",
            "syria",
            "supportive",
            "Vladimir Putin said Russia supports Syria in rebuilding the country.",
            "supports",
        ),
        (
            "t-7",
            "a-script",
            None,
            "syria",
            "turkey",
            "neutral",
            "Syria said <script>alert('owned')</script> refugees may return.",
            None,
        ),
    ]:
        s, e = _span(bodies[aid], evidence)
        stances.append((tid, aid, sid, source, target, polarity, evidence, s, e, cue))

    figures = []
    for (
        fid,
        aid,
        value,
        value_text,
        category,
        location,
        attributed,
        as_of,
        evidence,
        qualifier,
    ) in [
        (
            "f-373",
            "a-aleppo",
            3_730_000,
            "3.73 million",
            "refugees",
            "Syria",
            "united-nations",
            date(2016, 12, 13),
            "According to the United Nations, 3.73 million people have fled Syria since 2011.",
            None,
        ),
        (
            "f-56",
            "a-conference",
            5_600_000,
            "5.6 million",
            "refugees",
            "Syria",
            "unhcr",
            date(2020, 11, 11),
            "More than 5.6 million people have fled Syria since 2011, according to UNHCR.",
            "more than",
        ),
        (
            "f-36",
            "a-script",
            3_600_000,
            "3.6 million",
            "refugees",
            "Turkey",
            None,
            None,
            "Turkey hosts 3.6 million refugees.",
            None,
        ),
    ]:
        s, e = _span(bodies[aid], evidence)
        vs, ve = _span(bodies[aid], value_text)
        figures.append(
            (
                fid,
                aid,
                float(value),
                value_text,
                category,
                "people who fled",
                location,
                attributed,
                as_of,
                evidence,
                s,
                e,
                vs,
                ve,
                "day" if as_of else None,
                qualifier,
            )
        )

    events = []
    for eid, aid, edate, etype, description, location, participants, evidence in [
        (
            "e-summit",
            "a-freeland",
            date(2018, 9, 7),
            "summit",
            "Russia\u2013Turkey summit in Tehran",
            "Tehran",
            ["russia", "turkey"],
            "The presidents of Russia and Turkey met at a summit in Tehran on September 7, 2018.",
        ),
        (
            "e-ottawa",
            "a-aleppo",
            date(2016, 12, 12),
            "meeting",
            "Ministers met to discuss resettlement",
            "Ottawa",
            ["canada"],
            "Ministers met in Ottawa on December 12, 2016 to discuss resettlement.",
        ),
        (
            "e-conference",
            "a-conference",
            date(2020, 11, 11),
            "conference",
            "Refugee-return conference",
            "Damascus",
            ["russia", "syria"],
            "The conference opened in Damascus on November 11, 2020.",
        ),
    ]:
        s, e = _span(bodies[aid], evidence)
        events.append(
            (
                eid,
                aid,
                edate,
                "day",
                etype,
                description,
                location,
                participants,
                evidence,
                s,
                e,
            )
        )

    rejected = [
        (
            "broken.bin",
            "binary",
            "The file is not text (NUL bytes found); remove it or convert it.",
            datetime(2026, 1, 1),
        )
    ]
    return {
        "articles": articles,
        "actors": actors,
        "mentions": mentions,
        "statements": statements,
        "stances": stances,
        "figures": figures,
        "events": events,
        "rejected": rejected,
    }


# The ETL's calibrated confidence (an extra column of every extracted row); rows not named are
# 0.9. A low-confidence critical stance (Zakharova's) and figure (Turkey's) let tests see the
# "high confidence only" filter at work.
CONFIDENCE = {
    "statements": ("statement_id", {"s-zakharova": 0.45, "s-canada": 0.62}),
    "stances": ("stance_id", {"t-2": 0.42, "t-3": 0.62}),
    "figures": ("figure_id", {"f-36": 0.35}),
    "events": ("event_id", {"e-ottawa": 0.55}),
}


def _add_confidence(con: duckdb.DuckDBPyConnection) -> None:
    for table, (key, low) in CONFIDENCE.items():
        con.execute(f"ALTER TABLE {table} ADD COLUMN confidence DOUBLE DEFAULT 0.9")
        for row_id, value in low.items():
            con.execute(f"UPDATE {table} SET confidence = ? WHERE {key} = ?", [value, row_id])


def create_schema(con: duckdb.DuckDBPyConnection, extras: bool = True) -> None:
    fills = EXTRAS if extras else {k: "" for k in EXTRAS}
    for table, columns in DDL.items():
        con.execute(f"CREATE TABLE {table} ({columns.format(**fills)})")


def build_warehouse(
    path: str | os.PathLike,
    *,
    empty: bool = False,
    extras: bool = True,
    confidence: bool = False,
) -> Path:
    """Write a fixture warehouse at `path` (replacing it atomically) and return the path. With
    `confidence`, every extracted row gets the ETL's confidence column (CONFIDENCE); it is off
    by default so that tests adding rows with positional INSERTs keep their column count."""
    path = Path(path)
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        create_schema(con, extras)
        if not empty:
            for table, rows in _rows().items():
                if not extras:
                    rows = [_drop_extras(table, r) for r in rows]
                marks = ", ".join("?" * len(rows[0]))
                con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        if confidence:
            _add_confidence(con)
        if extras and not empty:
            _add_places(con)
    finally:
        con.close()
    os.replace(tmp, path)
    return path


def _add_places(con: duckdb.DuckDBPyConnection) -> None:
    """The places the figures and events name, as the ETL records them (etl.places)."""
    from etl import load, places

    gazetteer = places.default_gazetteer(load.DEFAULT_GAZETTEER)
    con.execute(load.TABLES["places"])
    con.execute(load.TABLES["row_places"])
    named = {}
    for table, key in (("figures", "figure_id"), ("events", "event_id")):
        rows = con.execute(
            f"SELECT article_id, {key}, location, evidence FROM {table} WHERE location IS NOT NULL"
        ).fetchall()
        for article_id, row_id, location, sentence in rows:
            found = gazetteer.resolve(location, places.Context(sentence=sentence or ""))
            con.execute(
                "INSERT INTO row_places VALUES (?, ?, ?, ?, ?, ?)",
                [
                    article_id,
                    table,
                    row_id,
                    location,
                    found and found.place.place_id,
                    found.how if found else "not in the gazetteer",
                ],
            )
            if found:
                named[found.place.place_id] = found.place
    for place in named.values():
        row = place.as_row()
        con.execute("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?)", list(row.values()))


def _drop_extras(table: str, row: tuple) -> tuple:
    cut = {"articles": 10, "statements": 9, "stances": 9, "figures": 12}.get(table)
    return row[:cut] if cut else row


# --- pytest fixtures (import them into a test module to use them) ---------------------------


@pytest.fixture(scope="session")
def fixture_warehouse(tmp_path_factory) -> Path:
    """A small warehouse with every table filled (built once per test session; read-only)."""
    return build_warehouse(
        tmp_path_factory.mktemp("warehouse") / "warehouse.duckdb", confidence=True
    )


@pytest.fixture(scope="session")
def empty_warehouse(tmp_path_factory) -> Path:
    return build_warehouse(tmp_path_factory.mktemp("empty") / "warehouse.duckdb", empty=True)
