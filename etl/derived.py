"""The flat tables the dashboard's pages read: one row per extracted row, already joined.

Each flat row carries its date (the row's own, else its article's), the date's precision and
label, its outlet, the names and countries of its actors, and the lists the filters test, so a
filter change scans one table. The ETL writes them in the same transaction as the rows they
derive from (`etl.load`); the dashboard builds them in memory only for a warehouse written
before they existed (`briefing.queries`).

Every flat row depends only on the rows of its own article and on two small lookups built from
`actors` (`actor_country`, `place_country`), so an incremental write refreshes the rows of the
articles it touches (`refresh`), plus those of articles that name an actor whose lookup row
changed.

An actor's country (the one definition): the actor itself when its kind is country or
intergovernmental (the EU speaks for itself), else whatever its country_id points at.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb

from etl.types import FIGURE_CATEGORIES, POLARITIES

# Kinds of actor that are their own country on every chart and filter.
COUNTRY_KINDS = ("country", "intergovernmental")
LOOKUPS = ("actor_country", "place_country")
# Flat table -> the column its rows are kept in order by (zone maps prune date filters).
FLAT_TABLES = {
    "flat_statements": "row_date",
    "flat_stances": "row_date",
    "flat_figures": "row_date",
    "flat_events": "row_date",
    "flat_articles": "row_date",
    "flat_mentions": "row_date",
}
# Capital (lower case) -> country: the seats a government speaks from ("Ottawa said"), from the
# gazetteer's `capitals` column. It changes only with the gazetteer, which reanalyses everything.
SEATS = "seats"
# Pre-aggregated from the flat tables, per outlet: an article has one outlet, so the counts of
# distinct articles add up across outlets, and a page filtered by outlets only (or not at all)
# reads a few rows instead of every row. Rebuilt whole after each write (one scan of each flat
# table), so they can never drift from the rows they count.
AGGREGATES = (
    "agg_provenance",
    "agg_stance_provenance",  # agg_provenance of stances, per outlet and polarity
    "agg_stance_balance",
    "agg_statements_over_time",
    "agg_stances_over_time",
    "agg_actors",
    # Unfiltered answers of the heaviest questions, by the same SQL the dashboard runs over
    # filtered rows (most visits are unfiltered): see the functions named in each.
    "agg_most_cited_figures",  # most_cited_figures_sql
    "agg_figures_by_place",  # figures_by_place_sql
    "agg_quantity_figures",  # quantity_figures_sql
    "agg_figures_over_time",  # figures_over_time_sql
    "agg_stance_counts",  # stance_counts_sql, by country
    "agg_actor_mentions",  # mentions per actor (network_nodes_sql)
    "agg_strongest_pairs",  # the PAIRS_KEPT strongest stance pairs, ranked
    "agg_network_actors",  # the Actor network's largest set of actors, unfiltered
    "agg_co_mentions",  # co_mentions_sql among agg_network_actors
    "agg_events_shown",  # events_shown_sql, with and without statement events
    # The newest rows of each outlet in the tables the pages list (every column of the flat
    # table, in the pages' order, NEWEST): unfiltered or by outlet only, a page's table reads
    # these instead of sorting every row.
    "agg_newest_figures",
    "agg_newest_statements",
    "agg_newest_articles",
    # Per outlet, what the figure charts read under an outlet filter: the first rows of each
    # outlet in the charts' order (the first N of several outlets are among each one's first
    # N), and the bars by place counted per outlet (an article has one outlet, so figures and
    # articles add up; the largest of the outlets' largest is the largest). See OUTLET_TOP and
    # outlet_figures_by_place_sql.
    "agg_outlet_quantity_figures",
    "agg_outlet_figures_over_time",
    "agg_outlet_figures_by_place",
)
# Subjects whose provenance agg_provenance holds (mentions have no date labels).
AGGREGATED_SUBJECTS = ("statements", "stances", "figures", "events", "articles", "mentions")
DERIVED_TABLES = (*LOOKUPS, SEATS, *FLAT_TABLES, *AGGREGATES)
# Columns a flat table gained after the ETL first wrote it: derived tables that lack one are
# rebuilt whole (by the ETL on its next write; by the dashboard in memory until then).
ADDED_COLUMNS = {
    "flat_statements": ("polarity_bits",),
    "flat_articles": ("mention_counts", "polarity_bits", "category_bits"),
}
# The lists of a closed vocabulary the filters test, also as bits (value i of the vocabulary
# is bit i): "the list holds one of these" is then one integer test, where reading a list
# column over every row cost more than the rest of a filtered query. list column -> (bits
# column, vocabulary).
BITS = {
    "polarities": ("polarity_bits", POLARITIES),
    "categories": ("category_bits", FIGURE_CATEGORIES),
}
# Money among the figures: the aid_money category, or a currency sign or word in the number's
# text ("$500 million", "€7 billion", "3 billion euros"). First match gives the currency.
CURRENCIES = (
    ("€", r"€|\beuros?\b|\bEUR\b"),
    ("£", r"£|\bpounds? sterling\b|\bGBP\b"),
    ("¥", r"¥|\byen\b|\byuan\b"),
    ("$", r"\$|\bdollars?\b|\bUSD\b"),
)
# Counts over time are drawn in bins of a month, a quarter or a year as the span of the rows
# demands (briefing.charts.time_bin): up to three years by month, up to eight by quarter, else
# by year; the span is measured between the first days of the first and last months.
BIN_YEARS = (("month", 3), ("quarter", 8))
# Speaker countries drawn apart on "statements over time"; the rest are one group, "other".
OVER_TIME_COUNTRIES = 8
NO_COUNTRY = "no country"  # the group of speakers of no known country
OTHER = "other"  # the countries past the first OVER_TIME_COUNTRIES, together
# The humanitarian categories: what the figures' charts draw unless the Category filter asks
# for others (troops and `other` are left out). briefing.quantities reads them from here.
NOT_HUMANITARIAN = ("troops", "other")
HUMANITARIAN = tuple(c for c in FIGURE_CATEGORIES if c not in NOT_HUMANITARIAN)
NOT_STATED = "source not stated"  # who cited a figure nobody is named for
MOST_CITED = 10  # figures on the Overview's "most cited"
PLACES_PER_MEASURE = 25  # bars of each measure (people, money) on "figures by place"
QUANTITY_ROWS = 5000  # figures the spread and the reconciled page compare, newest first
OVER_TIME_FIGURES = 1500  # dots on "head counts over time", the largest when capped
NETWORK_ACTORS = 80  # the Actor network's most actors (the end of its slider)
NETWORK_PAIRS = 40  # stance pairs whose ends the network always draws, strongest first
PAIRS_KEPT = 200  # strongest stance pairs agg_strongest_pairs keeps, ranked
EVENT_ROWS = 1000  # rows of the Events page's table, newest first
# Subject -> (the order its page's table lists rows in, how many rows agg_newest_<subject>
# keeps of each outlet): a total order (the id last), so the first rows of the flat table in
# that order, of one outlet or several, are among the first rows kept of each of them, at any
# limit up to the rows kept.
NEWEST = {
    "figures": ("row_date DESC NULLS LAST, value DESC, figure_id", 500),
    "statements": ("row_date DESC NULLS LAST, statement_id", 500),
    "articles": ("row_date DESC NULLS LAST, article_id", 1000),
}
# Per-outlet table -> (the chart's SQL tail, its order, how many rows it keeps of each outlet).
OUTLET_TOP = {
    "agg_outlet_quantity_figures": ("quantity", "as_of DESC NULLS LAST, figure_id", QUANTITY_ROWS),
    "agg_outlet_figures_over_time": ("over_time", "value DESC, figure_id", OVER_TIME_FIGURES),
}
SCOPE = "_derived_scope"  # a table of article_id: the articles a refresh rebuilds


def _label(day: str, precision: str) -> str:
    """SQL: a date written at its precision ('2015-10-01', '2015-10', '2015')."""
    return (
        f"CASE WHEN {day} IS NULL THEN NULL "
        f"WHEN {precision} = 'year' THEN strftime({day}, '%Y') "
        f"WHEN {precision} = 'month' THEN strftime({day}, '%Y-%m') "
        f"ELSE strftime({day}, '%Y-%m-%d') END"
    )


def _dated(own: str, own_precision: str, fallback: str, fallback_precision: str) -> str:
    """SQL select-list: row_date, row_precision, date_label from a date with a fallback."""
    day = f"COALESCE({own}, {fallback})"
    precision = (
        f"CASE WHEN {own} IS NOT NULL THEN COALESCE({own_precision}, 'day') "
        f"WHEN {fallback} IS NOT NULL THEN COALESCE({fallback_precision}, 'day') END"
    )
    return (
        f"{day} AS row_date, {precision} AS row_precision, {_label(day, precision)} AS date_label"
    )


def _bits(column: str, vocabulary: Sequence[str]) -> str:
    """SQL: the values of `vocabulary` the list `column` holds, as bits (see BITS)."""
    parts = " + ".join(
        f"CASE WHEN list_contains(COALESCE({column}, []), '{value}') THEN {1 << i} ELSE 0 END"
        for i, value in enumerate(vocabulary)
    )
    return f"({parts})::INTEGER"


def mask(vocabulary: Sequence[str], values: Sequence[str]) -> int | None:
    """The bits of `values` (see BITS); None when one is not of the vocabulary."""
    if any(value not in vocabulary for value in values):
        return None
    return sum(1 << vocabulary.index(value) for value in set(values))


def _currency_sql(text: str, category: str) -> str:
    cases = " ".join(
        f"WHEN regexp_matches({text}, '{pattern}', 'i') THEN '{sign}'"
        for sign, pattern in CURRENCIES
    )
    return f"CASE {cases} WHEN {category} = 'aid_money' THEN '' END"


def lookup_selects(src: str) -> dict[str, str]:
    """SELECTs of the two lookups; `src` prefixes the base tables ("" or "wh.")."""
    kinds = ", ".join(f"'{k}'" for k in COUNTRY_KINDS)
    return {
        "actor_country": f"""
        WITH one AS (SELECT * FROM {src}actors
                     QUALIFY row_number() OVER (PARTITION BY actor_id) = 1),
             own AS (SELECT actor_id, name, kind, aliases,
                            CASE WHEN kind IN ({kinds}) THEN actor_id ELSE country_id END AS country_id
                     FROM one)
        SELECT own.actor_id, own.name, own.kind, own.aliases, own.country_id,
               COALESCE(c.name, own.country_id) AS country
        FROM own LEFT JOIN one c ON c.actor_id = own.country_id""",
        # A place named like a country (or one of its aliases) lies in that country.
        "place_country": f"""
        SELECT place, min(actor_id) AS country_id FROM (
            SELECT lower(name) AS place, actor_id FROM {src}actors WHERE kind = 'country'
            UNION ALL
            SELECT lower(unnest(aliases)), actor_id FROM {src}actors WHERE kind = 'country')
        GROUP BY place""",
    }


def flat_selects(
    src: str, lookups: str, present: Mapping[str, Sequence[str]] | None = None, scoped: bool = False
) -> dict[str, str]:
    """SELECTs of the flat tables.

    `src` prefixes the base tables and `lookups` the two lookups ("" or a schema such as "wh.");
    `present` lists each base table's columns (None: every column of today's schema; an older
    warehouse lacks some, and NULL or a default stands in); `scoped` limits every row to the
    articles in the table `_derived_scope`.
    """

    def col(table: str, alias: str, column: str, default: str = "NULL") -> str:
        if present is None or column in present.get(table, ()):
            return f"{alias}.{column}"
        return default

    def within(alias: str) -> str:
        return f"{alias}.article_id IN (SELECT article_id FROM {SCOPE})" if scoped else "TRUE"

    ac, pc = f"{lookups}actor_country", f"{lookups}place_country"
    art_prec = col("articles", "ar", "published_precision")
    return {
        "flat_statements": f"""
        WITH said AS (
            SELECT t.statement_id, list_sort(list(DISTINCT t.polarity)) AS polarities,
                   string_agg(DISTINCT COALESCE(tg.name, t.target_id), ', '
                              ORDER BY COALESCE(tg.name, t.target_id)) AS targets,
                   string_agg(DISTINCT t.polarity, ', ' ORDER BY t.polarity) AS polarity
            FROM {src}stances t LEFT JOIN {ac} tg ON tg.actor_id = t.target_id
            WHERE t.statement_id IS NOT NULL AND {within("t")} GROUP BY t.statement_id)
        SELECT s.statement_id, s.article_id, s.speaker_id, s.speaker_text, s.quote, s.is_direct,
               s.char_start, s.char_end, {col("statements", "s", "cue")} AS cue,
               {col("statements", "s", "confidence")} AS confidence,
               {col("statements", "s", "review_status", "'machine'")} AS review_status,
               {_dated("s.statement_date", col("statements", "s", "date_precision"), "ar.published_date", art_prec)},
               ar.outlet, ar.title, ar.published_date,
               COALESCE(sp.name, s.speaker_text) AS speaker,
               sp.country_id, sp.country,
               COALESCE(said.polarities, []) AS polarities, said.targets, said.polarity,
               {_bits("said.polarities", POLARITIES)} AS polarity_bits
        FROM {src}statements s
        JOIN {src}articles ar ON ar.article_id = s.article_id
        LEFT JOIN {ac} sp ON sp.actor_id = s.speaker_id
        LEFT JOIN said ON said.statement_id = s.statement_id
        WHERE {within("s")}""",
        "flat_stances": f"""
        SELECT t.stance_id, t.article_id, t.statement_id, t.source_id, t.target_id,
               t.polarity, t.evidence, t.char_start, t.char_end, {col("stances", "t", "cue")} AS cue,
               {col("stances", "t", "confidence")} AS confidence,
               {col("stances", "t", "review_status", "'machine'")} AS review_status,
               {_dated("s.statement_date", col("statements", "s", "date_precision"), "ar.published_date", art_prec)},
               ar.outlet, ar.title,
               COALESCE(src.name, t.source_id) AS source_name,
               COALESCE(tgt.name, t.target_id) AS target_name,
               src.country_id AS source_country, tgt.country_id AS target_country,
               src.country AS source_country_name, tgt.country AS target_country_name
        FROM {src}stances t
        JOIN {src}articles ar ON ar.article_id = t.article_id
        LEFT JOIN {src}statements s ON s.statement_id = t.statement_id
        LEFT JOIN {ac} src ON src.actor_id = t.source_id
        LEFT JOIN {ac} tgt ON tgt.actor_id = t.target_id
        WHERE {within("t")}""",
        "flat_figures": f"""
        SELECT *, CASE WHEN currency IS NULL THEN 'people' ELSE 'money' END AS measure FROM (
        SELECT f.figure_id, f.article_id, f.value, f.value_text, f.category, f.subject,
               f.location, f.attributed_to_id, f.as_of_date, f.evidence, f.char_start, f.char_end,
               {col("figures", "f", "qualifier")} AS qualifier,
               {col("figures", "f", "confidence")} AS confidence,
               {col("figures", "f", "review_status", "'machine'")} AS review_status,
               {col("figures", "f", "value_start")} AS value_start,
               {col("figures", "f", "value_end")} AS value_end,
               {_dated("f.as_of_date", col("figures", "f", "as_of_precision"), "ar.published_date", art_prec)},
               ar.outlet, ar.title, ar.published_date,
               att.name AS attributed_to, att.country_id AS attributed_country,
               place.country_id AS location_country,
               -- "Ottawa" in a Canadian minister's figure is where the speaker sits, not
               -- where the people counted are: such a figure has no place.
               CASE WHEN seat.country_id IS NOT NULL THEN NULL ELSE f.location END AS place,
               seat.country_id IS NOT NULL AS seat_of_speaker,
               {_currency_sql("f.value_text", "f.category")} AS currency
        FROM {src}figures f
        JOIN {src}articles ar ON ar.article_id = f.article_id
        LEFT JOIN {ac} att ON att.actor_id = f.attributed_to_id
        LEFT JOIN {pc} place ON place.place = lower(f.location)
        LEFT JOIN {lookups}{SEATS} seat ON seat.place = lower(f.location)
             AND seat.country_id = att.country_id
        WHERE {within("f")})""",
        "flat_events": f"""
        WITH taking_part AS (
            SELECT u.event_id,
                   string_agg(COALESCE(a.name, u.p), ', ' ORDER BY COALESCE(a.name, u.p)) AS participants,
                   list_sort(list(DISTINCT a.country_id) FILTER (WHERE a.country_id IS NOT NULL)) AS countries
            FROM (SELECT event_id, unnest(participant_ids) AS p FROM {src}events ev
                  WHERE {within("ev")}) u
            LEFT JOIN {ac} a ON a.actor_id = u.p GROUP BY u.event_id)
        SELECT e.event_id, e.article_id, e.event_date AS row_date,
               COALESCE(e.date_precision, 'day') AS row_precision,
               {_label("e.event_date", "COALESCE(e.date_precision, 'day')")} AS date_label,
               e.date_precision, e.event_type, e.description, e.location, e.participant_ids,
               e.evidence, e.char_start, e.char_end, ar.outlet, ar.title,
               {col("events", "e", "confidence")} AS confidence,
               {col("events", "e", "review_status", "'machine'")} AS review_status,
               tp.participants, place.country_id AS location_country,
               list_sort(list_distinct(list_concat(COALESCE(tp.countries, []),
                   CASE WHEN place.country_id IS NULL THEN [] ELSE [place.country_id] END))) AS countries
        FROM {src}events e
        JOIN {src}articles ar ON ar.article_id = e.article_id
        LEFT JOIN taking_part tp ON tp.event_id = e.event_id
        LEFT JOIN {pc} place ON place.place = lower(e.location)
        WHERE {within("e")}""",
        "flat_articles": f"""
        WITH per_actor AS (
                SELECT m.article_id, m.actor_id, a.actor_id IS NOT NULL AS known,
                       any_value(a.country_id) AS country_id, count(*) AS n
                FROM {src}mentions m LEFT JOIN {ac} a ON a.actor_id = m.actor_id
                WHERE {within("m")} GROUP BY ALL),
             mentioned AS (
                -- Each known actor once, by id, beside how often the article mentions it.
                SELECT article_id, sum(n)::BIGINT AS mentions,
                       list(actor_id ORDER BY actor_id) FILTER (WHERE known) AS actor_ids,
                       list(n ORDER BY actor_id) FILTER (WHERE known) AS mention_counts,
                       list_sort(list(DISTINCT country_id) FILTER (WHERE country_id IS NOT NULL)) AS countries
                FROM per_actor GROUP BY article_id),
             said AS (SELECT article_id, count(*) AS n FROM {src}statements x
                      WHERE {within("x")} GROUP BY article_id),
             taken AS (SELECT article_id, count(*) AS n, list_sort(list(DISTINCT polarity)) AS polarities
                       FROM {src}stances x WHERE {within("x")} GROUP BY article_id),
             cited AS (SELECT article_id, count(*) AS n, list_sort(list(DISTINCT category)) AS categories
                       FROM {src}figures x WHERE {within("x")} GROUP BY article_id),
             happened AS (SELECT article_id, count(*) AS n FROM {src}events x
                          WHERE {within("x")} GROUP BY article_id)
        SELECT ar.article_id, ar.title, ar.outlet, ar.url, ar.source_path, ar.language,
               ar.published_date AS row_date, ar.published_date,
               CASE WHEN ar.published_date IS NOT NULL THEN COALESCE({art_prec}, 'day') END AS row_precision,
               {_label("ar.published_date", f"COALESCE({art_prec}, 'day')")} AS date_label,
               COALESCE(m.mentions, 0) AS mentions, COALESCE(said.n, 0) AS statements,
               COALESCE(taken.n, 0) AS stances, COALESCE(cited.n, 0) AS figures,
               COALESCE(happened.n, 0) AS events,
               COALESCE(m.actor_ids, []) AS actor_ids, COALESCE(m.countries, []) AS countries,
               COALESCE(m.mention_counts, []) AS mention_counts,
               COALESCE(taken.polarities, []) AS polarities,
               COALESCE(cited.categories, []) AS categories,
               {_bits("taken.polarities", POLARITIES)} AS polarity_bits,
               {_bits("cited.categories", FIGURE_CATEGORIES)} AS category_bits
        FROM {src}articles ar
        LEFT JOIN mentioned m ON m.article_id = ar.article_id
        LEFT JOIN said ON said.article_id = ar.article_id
        LEFT JOIN taken ON taken.article_id = ar.article_id
        LEFT JOIN cited ON cited.article_id = ar.article_id
        LEFT JOIN happened ON happened.article_id = ar.article_id
        WHERE {within("ar")}""",
        "flat_mentions": f"""
        SELECT m.actor_id, m.article_id, ar.published_date AS row_date, ar.outlet,
               a.country_id, a.country, a.name, a.kind
        FROM {src}mentions m
        JOIN {src}articles ar ON ar.article_id = m.article_id
        JOIN {ac} a ON a.actor_id = m.actor_id
        WHERE {within("m")}""",
    }


def _binned(source: str, count: str, keys: str, group: str) -> str:
    """SQL tail over the CTE `source` (row_date, article_id and the keys, every row dated):
    per bin of time (`unit`, `period`) and key, how many rows (`count`) and from how many
    articles. `keys` selects the keys from `d` and `group` lists them for GROUP BY and ORDER
    BY."""
    (month, month_years), (quarter, quarter_years) = BIN_YEARS
    return f"""
        , span AS (
            SELECT CASE WHEN days / 365.25 <= {month_years} THEN '{month}'
                        WHEN days / 365.25 <= {quarter_years} THEN '{quarter}'
                        ELSE 'year' END AS unit
            FROM (SELECT date_diff('day', date_trunc('month', min(row_date)),
                                   date_trunc('month', max(row_date))) AS days FROM {source})
            WHERE days IS NOT NULL)
        SELECT span.unit,
               CASE span.unit WHEN '{month}' THEN date_trunc('month', d.row_date)
                              WHEN '{quarter}' THEN date_trunc('quarter', d.row_date)
                              ELSE date_trunc('year', d.row_date) END::DATE AS period,
               {keys}, count(*) AS {count}, count(DISTINCT d.article_id) AS articles
        FROM {source} d CROSS JOIN span
        GROUP BY span.unit, period, {group}
        ORDER BY period, {group}"""


def statements_over_time_sql() -> str:
    """SQL tail after `WITH rows AS (<statements>)`: the bars of "statements over time" as the
    chart draws them. Per bin (see BIN_YEARS) and speaker country: statements and articles;
    the countries past the first `?` by statements (ties by name) are one group, OTHER, and
    speakers of no known country are NO_COUNTRY. One parameter: how many countries to keep."""
    return f"""
        , dated AS MATERIALIZED (
            SELECT row_date, article_id, COALESCE(country, '{NO_COUNTRY}') AS country, country_id
            FROM rows WHERE row_date IS NOT NULL)
        , kept AS (SELECT country FROM dated GROUP BY country
                   ORDER BY count(*) DESC, country LIMIT ?)
        , grouped AS MATERIALIZED (
            SELECT d.row_date, d.article_id,
                   CASE WHEN k.country IS NULL THEN '{OTHER}' ELSE d.country END AS country,
                   CASE WHEN k.country IS NULL THEN NULL ELSE d.country_id END AS country_id
            FROM dated d LEFT JOIN kept k ON k.country = d.country)
        {_binned("grouped", "statements", "d.country, d.country_id", "country, country_id")}"""


def stances_over_time_sql() -> str:
    """SQL tail after `WITH rows AS (<stances>)`: the bars of "stances over time" as the chart
    draws them, per bin (see BIN_YEARS) and polarity: stances and articles."""
    return f"""
        , dated AS MATERIALIZED (
            SELECT row_date, article_id, polarity FROM rows WHERE row_date IS NOT NULL)
        {_binned("dated", "stances", "d.polarity", "polarity")}"""


def most_cited_figures_sql(charted: str) -> str:
    """SQL tail after `WITH rows AS (<figures>)`: the figures cited by the most articles (same
    category, place and value), most cited first, then the largest. `charted` is a condition
    on the rows (its parameters first); then two parameters: how many, and the name of an
    unstated source."""
    return f"""
        , shown AS (SELECT *, COALESCE(place, 'unspecified') AS location_shown FROM rows
                    WHERE {charted})
        , top AS (SELECT category, location_shown, value,
                         count(DISTINCT article_id) AS citations
                  FROM shown GROUP BY ALL
                  ORDER BY citations DESC, value DESC, category, location_shown LIMIT ?)
        SELECT r.category, r.location_shown AS location, r.value,
               min(r.value_text) AS value_text,
               mode(r.qualifier ORDER BY r.qualifier) AS qualifier,
               min(r.measure) AS measure, min(r.currency) AS currency,
               any_value(top.citations) AS citations,
               -- Named sources first; "source not stated" only when nobody is named.
               COALESCE(string_agg(DISTINCT r.attributed_to, ', ' ORDER BY r.attributed_to), ?)
                   AS cited_by,
               max(r.row_date) AS latest
        FROM shown r JOIN top ON top.category = r.category AND top.value = r.value
             AND top.location_shown = r.location_shown
        GROUP BY r.category, r.location_shown, r.value
        ORDER BY citations DESC, r.value DESC, r.category, location"""


def _kept_bars(source: str, largest: str) -> str:
    """The `kept` CTE of the figures-by-place bars: the `?` groups of each measure with the
    largest `largest` in `source` (both SQL names written here, never user input)."""
    return f""", kept AS (
            SELECT measure, currency_key, category, place_key FROM {source}
            GROUP BY measure, currency_key, category, place_key
            QUALIFY row_number() OVER (
                PARTITION BY measure
                ORDER BY max({largest}) DESC, currency_key, category, place_key) <= ?)"""


def figures_by_place_sql(charted: str) -> str:
    """SQL tail after `WITH rows AS (<figures>)`: per measure (people or money), currency,
    category and place, the largest value cited (the `?` largest of each measure), with its
    text and qualifier, how many figures and articles, and the figures' ids. `charted` is a
    condition on the rows (its parameters first); then one parameter: how many per measure."""
    return f"""
        , placed AS (
            -- One place per country however it is written ("US", "United States").
            SELECT *, COALESCE(currency, '') AS currency_key,
                   COALESCE('country:' || location_country, lower(place), '') AS place_key
            FROM rows WHERE {charted})
        -- The bars first (a max per group), then the lists only for the bars kept: listing
        -- every figure's id of every group cost more than the rest of the query.
        {_kept_bars("placed", "value")}
        SELECT measure, currency_key AS currency, category,
               COALESCE(mode(place ORDER BY place), 'unspecified') AS location,
               max(value) AS largest,
               -- A list, not arg_max of each: arg_max skips NULLs, so a qualifier would
               -- come from another figure. Of equal values, the last figure's by id.
               arg_max([value_text, qualifier], (value, figure_id))
                   FILTER (WHERE value IS NOT NULL)[1] AS largest_text,
               arg_max([value_text, qualifier], (value, figure_id))
                   FILTER (WHERE value IS NOT NULL)[2] AS qualifier,
               count(*) AS figures, count(DISTINCT article_id) AS articles,
               list(figure_id ORDER BY figure_id) AS figure_ids
        FROM placed SEMI JOIN kept USING (measure, currency_key, category, place_key)
        GROUP BY measure, currency_key, category, place_key
        ORDER BY largest DESC, measure, currency, category, location"""


def quantity_figures_sql(charted: str) -> str:
    """SQL tail after `WITH rows AS (<figures>)`: the figures that may be reconciled, charted
    categories with a place (dated or not), with who cited them by name and actor id; newest
    first, the undated last. Parameters: the name of an unstated source, those of `charted`
    (a condition on the rows), how many figures."""
    return f"""
        SELECT figure_id, article_id, value, value_text, qualifier, category, subject,
               place, location_country, measure, COALESCE(currency, '') AS currency,
               COALESCE(attributed_to, ?) AS cited_by, attributed_to_id AS cited_by_id,
               outlet, row_date AS as_of, row_precision AS precision,
               date_label AS as_of_label
        FROM rows
        WHERE place IS NOT NULL AND category <> 'other' AND {charted}
        ORDER BY row_date DESC NULLS LAST, figure_id LIMIT ?"""


def outlet_figures_by_place_sql() -> str:
    """`figures_by_place_sql` from agg_outlet_figures_by_place (one row per outlet and bar:
    largest, largest_key (value, figure_id) and largest_pair [text, qualifier] of its largest
    figure, figures, articles, figure_ids, places). SQL tail after `WITH parts AS (<its rows
    of the outlets asked for>)`; one parameter: how many bars per measure."""
    return f"""
        {_kept_bars("parts", "largest")}
        , bars AS (
            SELECT measure, currency_key, category, place_key, max(largest) AS largest,
                   arg_max(largest_pair, largest_key) FILTER (WHERE largest IS NOT NULL) AS pair,
                   sum(figures)::BIGINT AS figures, sum(articles)::BIGINT AS articles,
                   list_sort(flatten(list(figure_ids))) AS figure_ids,
                   flatten(list(places)) AS places
            FROM parts SEMI JOIN kept USING (measure, currency_key, category, place_key)
            GROUP BY measure, currency_key, category, place_key)
        SELECT measure, currency_key AS currency, category,
               COALESCE((SELECT mode(p ORDER BY p) FROM (SELECT unnest(places) AS p)),
                        'unspecified') AS location,
               largest, pair[1] AS largest_text, pair[2] AS qualifier, figures, articles,
               figure_ids
        FROM bars
        ORDER BY largest DESC, measure, currency, category, location"""


def figures_over_time_sql(charted: str) -> str:
    """SQL tail after `WITH rows AS (<figures>)`: dated figures of the charted categories,
    largest first when capped, equal values by id (`as_of` the period's first day,
    `as_of_label` its precision).
    Parameters: the name of an unstated source, those of `charted`, how many figures."""
    return f"""
        SELECT row_date AS as_of, date_label AS as_of_label, row_precision AS precision,
               value, value_text, qualifier, category, measure, currency, subject,
               COALESCE(place, 'unspecified') AS location,
               COALESCE(attributed_to, ?) AS cited_by, outlet, article_id, figure_id
        FROM rows WHERE row_date IS NOT NULL AND {charted}
        ORDER BY value DESC, figure_id LIMIT ?"""


def events_shown_sql(with_statements: bool) -> str:
    """SQL tail after `WITH rows AS (<events>)`: the events the Events page lists (event_id,
    row_date), newest first. One sentence's identical events (same type, date and place) are
    one row, the one naming most participants (equal ones: the first by id); without
    `with_statements`, "statement" events are left out. One parameter: how many."""
    kinds = "TRUE" if with_statements else "event_type <> 'statement'"
    # The row standing for each group first (a grouping, cheaper than numbering the rows of
    # every group), then the newest of them.
    return f"""
        SELECT arg_min(event_id, (-len(COALESCE(participant_ids, [])), event_id)) AS event_id,
               row_date
        FROM rows WHERE {kinds}
        GROUP BY article_id, char_start, char_end, event_type, row_date, row_precision, location
        ORDER BY row_date DESC NULLS LAST, event_id LIMIT ?"""


def stance_counts_sql(by: str) -> str:
    """SQL tail after `WITH rows AS (<stances>)`: stances per source, target and polarity,
    most first; the sides are countries (`by` = "country": an actor of no known country stands
    for itself) or actors ("actor")."""
    if by == "country":
        sides = (
            "COALESCE(source_country_name, source_name) AS source, "
            "COALESCE(target_country_name, target_name) AS target, "
            "COALESCE(source_country, source_id) AS source_id, "
            "COALESCE(target_country, target_id) AS target_id"
        )
    elif by == "actor":
        sides = "source_name AS source, target_name AS target, source_id, target_id"
    else:
        raise ValueError(f"stances are counted by country or actor, not {by!r}")
    return f"""
        SELECT {sides}, polarity, count(*) AS stances FROM rows GROUP BY ALL
        ORDER BY stances DESC, source_id, target_id, polarity, source, target"""


def network_nodes_sql(counted: str, pairs: str, lookups: str = "") -> str:
    """SQL of the Actor network's actors: the most mentioned, plus both ends of the strongest
    source → target stance pairs. `counted` selects (actor_id, mentions) per actor mentioned,
    `pairs` (source_id, target_id, stances) per stance pair; `lookups` prefixes actor_country.
    Parameters: those of `counted`, how many actors, those of `pairs`, how many pairs, the
    country shown for an actor of none."""
    return f"""
        WITH counted AS ({counted}),
             top AS (SELECT actor_id FROM counted ORDER BY mentions DESC, actor_id LIMIT ?),
             strongest AS (SELECT source_id, target_id FROM ({pairs})
                           ORDER BY stances DESC, source_id, target_id LIMIT ?),
             ends AS (SELECT source_id AS actor_id FROM strongest
                      UNION SELECT target_id FROM strongest),
             chosen AS (SELECT actor_id FROM top UNION SELECT actor_id FROM ends)
        SELECT a.actor_id, a.name, a.kind, a.country_id,
               COALESCE(a.country, ?) AS country, COALESCE(counted.mentions, 0) AS mentions
        FROM chosen JOIN {lookups}actor_country a ON a.actor_id = chosen.actor_id
        LEFT JOIN counted ON counted.actor_id = a.actor_id
        ORDER BY mentions DESC, a.actor_id"""


def co_mentions_sql(articles: str, actors: str) -> str:
    """SQL of the pairs of actors mentioned in the same article, with how many articles, most
    first. `articles` selects (article_id, actor_ids) of the articles counted, `actors` the
    actor_id of the actors paired (their parameters in that order)."""
    # From each article's list of actors (one row per article), not from the mentions (one
    # row per mention): the same pairs, a tenth of the rows.
    return f"""
        WITH m AS (SELECT article_id, actor_id
                   FROM (SELECT article_id, unnest(actor_ids) AS actor_id FROM ({articles}))
                   SEMI JOIN ({actors}) k USING (actor_id))
        SELECT a.actor_id AS source_id, b.actor_id AS target_id, count(*) AS articles
        FROM m a JOIN m b ON a.article_id = b.article_id AND a.actor_id < b.actor_id
        GROUP BY ALL"""


def aggregate_selects(flat: str = "") -> dict[str, tuple[str, list]]:
    """SELECTs of the aggregates with their parameters, in the order they are built (later
    ones read earlier ones); `flat` prefixes the flat tables they count and the aggregates."""

    def span(subject: str) -> str:
        labels = (
            "NULL::VARCHAR AS first_label, NULL::VARCHAR AS last_label"
            if subject == "mentions"
            else "arg_min(date_label, row_date) AS first_label, "
            "arg_max(date_label, row_date) AS last_label"
        )
        return f"min(row_date) AS first, max(row_date) AS last, {labels}"

    provenance = " UNION ALL ".join(
        f"""SELECT '{subject}' AS subject, outlet, count(*) AS n,
                   count(DISTINCT article_id) AS a, {span(subject)}
            FROM {flat}flat_{subject} GROUP BY outlet"""
        for subject in AGGREGATED_SUBJECTS
    )
    charted = "list_contains(?::VARCHAR[], category)"
    figures = f"WITH rows AS (SELECT * FROM {flat}flat_figures)"
    selects = {
        "agg_provenance": provenance,
        # A stance has one polarity: under one polarity (and outlets), its articles add up.
        "agg_stance_provenance": f"""
            SELECT outlet, polarity, count(*) AS n, count(DISTINCT article_id) AS a,
                   {span("stances")}
            FROM {flat}flat_stances GROUP BY outlet, polarity""",
        "agg_stance_balance": f"""
            SELECT outlet, polarity, count(*) AS stances, count(DISTINCT article_id) AS articles
            FROM {flat}flat_stances GROUP BY outlet, polarity""",
        # The unfiltered dashboard's bars over time (most visits are unfiltered): counting
        # distinct articles per bar over every row is the costliest part of those pages.
        "agg_statements_over_time": f"""
            WITH rows AS (SELECT * FROM {flat}flat_statements) {statements_over_time_sql()}""".replace(
            "LIMIT ?", f"LIMIT {OVER_TIME_COUNTRIES}"
        ),
        "agg_stances_over_time": f"""
            WITH rows AS (SELECT * FROM {flat}flat_stances) {stances_over_time_sql()}""",
        # How many actors the articles mention (the Overview's headline, unfiltered).
        "agg_actors": f"""
            SELECT count(DISTINCT actor_id) AS actors
            FROM (SELECT unnest(actor_ids) AS actor_id FROM {flat}flat_articles)""",
        "agg_most_cited_figures": (
            f"{figures} {most_cited_figures_sql(charted)}",
            [list(HUMANITARIAN), MOST_CITED, NOT_STATED],
        ),
        "agg_figures_by_place": (
            f"{figures} {figures_by_place_sql(charted)}",
            [list(HUMANITARIAN), PLACES_PER_MEASURE],
        ),
        "agg_quantity_figures": (
            f"{figures} {quantity_figures_sql(charted)}",
            [NOT_STATED, list(HUMANITARIAN), QUANTITY_ROWS],
        ),
        "agg_figures_over_time": (
            f"{figures} {figures_over_time_sql(charted)}",
            [NOT_STATED, list(HUMANITARIAN), OVER_TIME_FIGURES],
        ),
        "agg_stance_counts": f"""
            WITH rows AS (SELECT * FROM {flat}flat_stances) {stance_counts_sql("country")}""",
        "agg_actor_mentions": f"""
            SELECT actor_id, count(*) AS mentions FROM {flat}flat_mentions GROUP BY actor_id""",
        "agg_strongest_pairs": f"""
            SELECT source_id, target_id, count(*) AS stances,
                   row_number() OVER (ORDER BY count(*) DESC, source_id, target_id) AS rank
            FROM {flat}flat_stances GROUP BY source_id, target_id
            QUALIFY rank <= {PAIRS_KEPT}""",
        "agg_network_actors": (
            "SELECT actor_id FROM ("
            + network_nodes_sql(
                f"SELECT actor_id, mentions FROM {flat}agg_actor_mentions",
                f"SELECT source_id, target_id, stances FROM {flat}agg_strongest_pairs",
                flat,
            )
            + ")",
            [NETWORK_ACTORS, NETWORK_PAIRS, NO_COUNTRY],
        ),
        "agg_events_shown": (
            " UNION ALL ".join(
                f"""SELECT {with_statements} AS with_statements, * FROM (
                    WITH rows AS (SELECT * FROM {flat}flat_events)
                    {events_shown_sql(with_statements)})"""
                for with_statements in (True, False)
            ),
            [EVENT_ROWS, EVENT_ROWS],
        ),
        **{
            f"agg_newest_{subject}": f"""SELECT * FROM {flat}flat_{subject}
                QUALIFY row_number() OVER (PARTITION BY outlet ORDER BY {order}) <= {kept}
                ORDER BY {order}"""
            for subject, (order, kept) in NEWEST.items()
        },
        "agg_co_mentions": co_mentions_sql(
            f"SELECT article_id, actor_ids FROM {flat}flat_articles",
            f"SELECT actor_id FROM {flat}agg_network_actors",
        ),
    }
    tails = {"quantity": quantity_figures_sql(charted), "over_time": figures_over_time_sql(charted)}
    for name, (tail, order, kept) in OUTLET_TOP.items():
        # The chart's own SQL over every row without its closing sort and cap (sorting every
        # row there cost more than the rest), then its first rows of each outlet.
        uncapped = tails[tail].rsplit("ORDER BY", 1)[0]
        selects[name] = (
            f"""{figures}, charted AS ({uncapped}) SELECT * FROM charted
            QUALIFY row_number() OVER (PARTITION BY outlet ORDER BY {order}) <= {kept}
            ORDER BY outlet, {order}""",
            [NOT_STATED, list(HUMANITARIAN)],
        )
    selects["agg_outlet_figures_by_place"] = (
        f"""SELECT outlet, measure, currency_key, category, place_key, max(value) AS largest,
               arg_max((value, figure_id), (value, figure_id))
                   FILTER (WHERE value IS NOT NULL) AS largest_key,
               arg_max([value_text, qualifier], (value, figure_id))
                   FILTER (WHERE value IS NOT NULL) AS largest_pair,
               count(*) AS figures, count(DISTINCT article_id) AS articles,
               list(figure_id ORDER BY figure_id) AS figure_ids,
               list(place ORDER BY figure_id) AS places
        FROM (SELECT *, COALESCE(currency, '') AS currency_key,
                     COALESCE('country:' || location_country, lower(place), '') AS place_key
              FROM {flat}flat_figures WHERE {charted})
        GROUP BY outlet, measure, currency_key, category, place_key
        ORDER BY outlet, measure, currency_key, category, place_key""",
        [list(HUMANITARIAN)],
    )
    return {name: (sql, []) if isinstance(sql, str) else sql for name, sql in selects.items()}


def build_aggregates(
    con: duckdb.DuckDBPyConnection,
    *,
    flat: str = "",
    target: str = "",
    only: Sequence[str] | None = None,
) -> None:
    """(Re)create the aggregates from the flat tables (see AGGREGATES; `only`: these)."""
    for name, (sql, params) in aggregate_selects(flat).items():
        if only is None or name in only:
            con.execute(f"CREATE OR REPLACE TABLE {target}{name} AS {sql}", params)


def seats_of_government(path: Path) -> dict[str, str]:
    """Capital (lower case) -> country id, from the gazetteer's `capitals` column: the seats a
    government speaks from ("Ottawa said"). Empty when the gazetteer cannot be read."""
    try:
        lines = [
            line
            for line in Path(path).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")
        ]
    except OSError:
        return {}
    seats: dict[str, str] = {}
    for row in csv.DictReader(lines):
        for capital in (row.get("capitals") or "").split("|"):
            if capital.strip() and (row.get("actor_id") or "").strip():
                seats.setdefault(capital.strip().lower(), row["actor_id"].strip())
    return seats


def build(
    con: duckdb.DuckDBPyConnection,
    *,
    src: str = "",
    target: str = "",
    present: Mapping[str, Sequence[str]] | None = None,
    seats: Mapping[str, str] | None = None,
) -> None:
    """(Re)create every derived table from the base tables, in row_date order.

    `src` prefixes the base tables and `target` the derived ones (both "" in the ETL's own
    file; the dashboard reads "wh." and writes to its in-memory database). `seats` fills the
    seats table (see `seats_of_government`); None keeps the one there (or makes it empty).
    """
    if seats is not None:
        con.execute(f"CREATE OR REPLACE TABLE {target}{SEATS} (place VARCHAR, country_id VARCHAR)")
        if seats:
            con.executemany(f"INSERT INTO {target}{SEATS} VALUES (?, ?)", sorted(seats.items()))
    else:
        con.execute(
            f"CREATE TABLE IF NOT EXISTS {target}{SEATS} (place VARCHAR, country_id VARCHAR)"
        )
    for name, sql in lookup_selects(src).items():
        con.execute(f"CREATE OR REPLACE TABLE {target}{name} AS {sql}")
    for name, sql in flat_selects(src, target, present).items():
        order = FLAT_TABLES[name]
        con.execute(f"CREATE OR REPLACE TABLE {target}{name} AS {sql} ORDER BY {order}")
    build_aggregates(con, flat=target, target=target)


def current(columns: Mapping[str, Sequence[str]]) -> bool:
    """Whether derived tables with these columns (table -> its columns) are today's: every
    lookup and flat table there, with every column it gained since (ADDED_COLUMNS)."""
    return all(name in columns for name in DERIVED_TABLES if name not in AGGREGATES) and all(
        column in columns.get(name, ()) for name, added in ADDED_COLUMNS.items() for column in added
    )


def _columns(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    present: dict[str, list[str]] = {}
    for table, column in con.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_catalog = current_database() AND table_schema = 'main' "
        "ORDER BY table_name, ordinal_position"
    ).fetchall():
        present.setdefault(table, []).append(column)
    return present


def refresh(
    con: duckdb.DuckDBPyConnection, article_ids: Sequence[str], actors_changed: bool = True
) -> set[str]:
    """Bring the derived tables of the ETL's own file up to date after some articles changed.

    `article_ids` are the articles whose rows were deleted, replaced or added. The lookups are
    rebuilt (they are as small as the actors table) unless `actors_changed` is False; articles
    that name an actor or a place whose lookup row changed are refreshed too. Returns every
    article refreshed. The aggregates are rebuilt whole from the refreshed flat tables. Derived
    tables written before a column was added (see `current`) are rebuilt whole instead.
    """
    if not current(_columns(con)):
        build(con)
        return {a for (a,) in con.execute("SELECT article_id FROM articles").fetchall()}
    changed_actors = _rebuild_lookups(con) if actors_changed else set()
    scope = set(article_ids)
    if not scope and not changed_actors:
        return scope
    scope = _refresh_flat(con, scope, changed_actors)
    build_aggregates(con)
    return scope


def _refresh_flat(
    con: duckdb.DuckDBPyConnection, scope: set[str], changed_actors: set[str]
) -> set[str]:
    import pyarrow as pa

    if changed_actors:
        scope |= _articles_naming(con, changed_actors)
    con.register("_derived_ids", pa.table({"article_id": pa.array(sorted(scope), pa.string())}))
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {SCOPE} AS SELECT * FROM _derived_ids")
    finally:
        con.unregister("_derived_ids")
    try:
        for name, sql in flat_selects("", "", None, scoped=True).items():
            con.execute(f"DELETE FROM {name} WHERE article_id IN (SELECT article_id FROM {SCOPE})")
            con.execute(f"INSERT INTO {name} {sql}")
    finally:
        con.execute(f"DROP TABLE IF EXISTS {SCOPE}")
    return scope


def _rebuild_lookups(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Rebuild the lookups; the actor ids (and country ids of places) whose rows changed."""
    changed: set[str] = set()
    for name, sql in lookup_selects("").items():
        key = "actor_id" if name == "actor_country" else "country_id"
        con.execute(f"CREATE OR REPLACE TEMP TABLE _new_{name} AS {sql}")
        for (value,) in con.execute(
            f"""SELECT {key} FROM (SELECT * FROM {name} EXCEPT SELECT * FROM _new_{name})
                UNION SELECT {key} FROM (SELECT * FROM _new_{name} EXCEPT SELECT * FROM {name})"""
        ).fetchall():
            if value is not None:
                changed.add(value)
        if name == "place_country":
            # A place whose country changed: every row located there, by the place's name.
            places = con.execute(
                f"""SELECT place FROM (SELECT * FROM {name} EXCEPT SELECT * FROM _new_{name})
                    UNION SELECT place FROM (SELECT * FROM _new_{name} EXCEPT SELECT * FROM {name})"""
            ).fetchall()
            changed |= {f"place:{p}" for (p,) in places}
        con.execute(f"DELETE FROM {name}")
        con.execute(f"INSERT INTO {name} SELECT * FROM _new_{name}")
        con.execute(f"DROP TABLE _new_{name}")
    return changed


def _articles_naming(con: duckdb.DuckDBPyConnection, keys: set[str]) -> set[str]:
    """Articles with a row that names one of these actors (or places, as 'place:<name>')."""
    import pyarrow as pa

    actors = sorted(k for k in keys if not k.startswith("place:"))
    places = sorted(k[len("place:") :] for k in keys if k.startswith("place:"))
    con.register(
        "_named",
        pa.table({"key": pa.array(actors, pa.string())}),
    )
    con.register("_places", pa.table({"place": pa.array(places, pa.string())}))
    try:
        found = con.execute(
            """
            SELECT article_id FROM mentions WHERE actor_id IN (SELECT key FROM _named)
            UNION SELECT article_id FROM statements WHERE speaker_id IN (SELECT key FROM _named)
            UNION SELECT article_id FROM stances
                  WHERE source_id IN (SELECT key FROM _named) OR target_id IN (SELECT key FROM _named)
            UNION SELECT article_id FROM figures
                  WHERE attributed_to_id IN (SELECT key FROM _named)
                     OR lower(location) IN (SELECT place FROM _places)
            UNION SELECT article_id FROM events
                  WHERE list_has_any(participant_ids, (SELECT list(key) FROM _named))
                     OR lower(location) IN (SELECT place FROM _places)"""
        ).fetchall()
    finally:
        con.unregister("_named")
        con.unregister("_places")
    return {article_id for (article_id,) in found}
