"""Every SQL the dashboard runs: one function per question, values always passed as parameters.

The warehouse is attached read-only to a private in-memory DuckDB connection. A `Warehouse`
value carries the file's inode, mtime and size, and every cached result is keyed by it, so a
warehouse rebuilt by `python -m etl` (which replaces the file) is picked up on the next rerun
without restarting the server. Each query borrows a cursor no other query holds at the time:
DuckDB connections are not thread-safe, and Streamlit serves sessions from several threads.

The pages read flattened tables (`flat_statements`, `flat_stances`, `flat_figures`,
`flat_events`, `flat_articles`, `flat_mentions`, defined in `etl.derived`): each row already
carries its date, the date's precision and its label, its outlet, the names and countries of its
actors, and the lists the filters test, so a filter change scans one table. The ETL writes them
into the warehouse with the rows they derive from, so a first visit builds nothing; for a
warehouse written before that, the connection builds them in memory once per version.

An actor's country (`actor_country`, the one definition, see `etl.derived`): the actor itself
when its kind is country or intergovernmental (the EU speaks for itself), else whatever its
country_id points at (a country, a bloc or a group).

How the filters apply (the same on every page):
- dates: a statement's date (else its article's), a stance's statement date (else article's),
  a figure's as-of date (else article's), an event's date, an article's publication date.
  Rows without any date drop out once a date bound is set. A month- or year-precision date
  counts as its first day.
- countries: statements whose speaker belongs to the country; stances whose source or target
  does (in any role: "Canada, Russia" also brings Russia → ISIS; see direction); figures attributed to someone of the country or located in it; events with a
  participant of the country or held in it; articles mentioning an actor of the country.
- actors: the same, with the actor itself instead of its country.
- outlets: the row's article outlet.
- direction (stances only): the source among `by` and the target among `towards` (an empty
  side is anyone; a country stands for every actor of it); both ways adds the reverse. Other
  subjects ignore it: it says who takes a stance towards whom, which only stances record.
- polarity: stances of that polarity; statements and articles carrying such a stance.
- category: figures of that category; articles carrying such a figure.
"""

from __future__ import annotations

from briefing.queries.articles import (  # noqa: F401
    article,
    article_extractions,
    articles_table,
    rejected,
)
from briefing.queries.connection import (  # noqa: F401
    CACHE,
    COUNTRY_KINDS,
    DEFAULT_PATH,
    LATE_ROWS,
    SUBJECTS,
    TABLES,
    Health,
    Provenance,
    Warehouse,
    _article_count,
    _connection,
    _Cursors,
    _cursors,
    _frame,
    _headlined,
    columns,
    flat,
    headline_stand_ins,
    health,
    locate,
    seats_of_government,
    warehouse_path,
)
from briefing.queries.events import (  # noqa: F401
    _events_of,
    _events_table_detailed,
    events_table,
)
from briefing.queries.evidence import (  # noqa: F401
    _EVIDENCE_SQL,
    evidence,
    sources,
    sources_behind,
)
from briefing.queries.figures import (  # noqa: F401
    FIGURE_TEXT,
    NOT_STATED,
    _charted,
    _figures_by_place_detailed,
    _figures_over_time_detailed,
    _most_cited_figures_detailed,
    _quantity_figures_detailed,
    comparable_figures,
    figure_spread,
    figures_by_place,
    figures_over_time,
    figures_table,
    most_cited_figures,
    quantity_figures,
)
from briefing.queries.intake import (  # noqa: F401
    article_titles,
    articles_from_files,
    rejected_files,
    rows_per_table,
)
from briefing.queries.network import (  # noqa: F401
    _co_mentions_detailed,
    _co_mentions_from_articles,
    _network_actors,
    _network_nodes_detailed,
    co_mentions,
    network_nodes,
    network_stance_edges,
)
from briefing.queries.overview import (  # noqa: F401
    _HEADLINE_SUBJECTS,
    _SPAN,
    _actors_mentioned,
    _day,
    _headline_detailed,
    _provenance_detailed,
    _stance_balance_detailed,
    _text,
    country_ranking,
    filter_options,
    headline,
    latest_statements,
    provenance,
    provenance_of,
    stance_balance,
)
from briefing.queries.stances import (  # noqa: F401
    NO_COUNTRY,
    _stance_counts_detailed,
    _stances_monthly,
    stance_counts,
    stances_over_time,
    stances_table,
)
from briefing.queries.statements import (  # noqa: F401
    _search_clause,
    _statements_monthly,
    actor_statements,
    statement_context,
    statements_count,
    statements_over_time,
    statements_table,
)
from briefing.queries.where import (  # noqa: F401
    _DIRECTION,
    _IGNORED,
    ANY,
    ANY_ONE_BY_ONE,
    IN,
    RATED,
    _add_any,
    _add_listed,
    _any,
    _end_in,
    _filtered,
    _for,
    _only,
    _outlets_in,
    _run,
    _Where,
    _where,
    confidence_label,
    direction_sql,
)
