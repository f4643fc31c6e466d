# ruff: noqa: F811  (pytest fixtures imported from tests/dashboard_fixtures.py are re-bound as arguments)
"""Queries against a small fixture warehouse: filters apply, values are parameters, the
warehouse is read-only and a rebuilt file is picked up."""

from dataclasses import replace
from datetime import date

import duckdb
import pytest

from briefing import queries as q
from briefing.filters import Filters
from tests.dashboard_fixtures import build_warehouse, empty_warehouse, fixture_warehouse  # noqa: F401

NONE = Filters()


@pytest.fixture
def wh(fixture_warehouse):
    return q.locate(str(fixture_warehouse))


def test_health_says_what_to_do_for_missing_empty_and_broken_warehouses(tmp_path, empty_warehouse):
    missing = q.health(q.locate(str(tmp_path / "nope.duckdb")))
    assert missing.state == "missing" and "python -m etl" in missing.message
    assert q.health(q.locate(str(empty_warehouse))).state == "empty"
    partial = tmp_path / "partial.duckdb"
    con = duckdb.connect(str(partial))
    con.execute("CREATE TABLE articles (article_id VARCHAR)")
    con.close()
    broken = q.health(q.locate(str(partial)))
    assert broken.state == "invalid" and "statements" in broken.message
    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database")
    assert q.health(q.locate(str(junk))).state == "invalid"


def test_headline_counts_everything_without_filters(wh):
    numbers = q.headline(wh, NONE)
    assert numbers["articles"] == 4 and numbers["outlets"] == 3
    assert (
        numbers["statements"],
        numbers["stances"],
        numbers["figures"],
        numbers["events"],
    ) == (6, 7, 3, 3)
    assert (numbers["first"], numbers["last"]) == (
        date(2016, 12, 13),
        date(2020, 11, 11),
    )


def test_date_range_uses_statement_dates_and_drops_undated_rows(wh):
    f = Filters(date_from=date(2018, 9, 6), date_to=date(2018, 9, 6))
    table = q.statements_table(wh, f)
    assert list(table["speaker"]) == ["Chrystia Freeland"]


def test_country_filter_keeps_stances_with_the_country_on_either_side(wh):
    counts = q.stance_counts(wh, Filters(countries=("turkey",)), "country")
    assert set(zip(counts["source"], counts["target"])) == {("Syria", "Turkey")}


def test_country_filter_keeps_statements_by_people_of_that_country(wh):
    table = q.statements_table(wh, Filters(countries=("russia",)))
    assert set(table["speaker"]) == {"Maria Zakharova", "Vladimir Putin"}


def test_stances_are_counted_by_country_of_the_speaker(wh):
    counts = q.stance_counts(wh, NONE, "country")
    canada_russia = counts[(counts["source"] == "Canada") & (counts["target"] == "Russia")]
    assert canada_russia["stances"].sum() == 3  # Freeland, the government, Babcock


def test_polarity_filter_reaches_statements_through_their_stances(wh):
    table = q.statements_table(wh, Filters(polarities=("supportive",)))
    assert list(table["speaker"]) == ["Vladimir Putin"]
    assert list(table["polarity"]) == ["supportive"]


def test_category_and_actor_filters_apply_to_figures(wh):
    assert len(q.figures_table(wh, Filters(categories=("killed",)))) == 0
    cited = q.figures_table(wh, Filters(actors=("unhcr",)))
    assert list(cited["value_text"]) == ["5.6 million"]


def test_figures_located_in_a_country_match_that_country(wh):
    table = q.figures_table(wh, Filters(countries=("turkey",)))
    assert list(table["value_text"]) == ["3.6 million"]


def test_the_spread_does_not_pair_counts_years_apart(wh):
    # The UN's 3.73 million (December 2016) and UNHCR's 5.6 million (November 2020) refugees
    # from Syria are a change over four years, not two sources to choose between.
    assert set(q.comparable_figures(wh, NONE)["value_text"]) >= {"3.73 million", "5.6 million"}
    assert q.figure_spread(wh, NONE).empty


def test_events_filter_by_participant_country_and_outlet(wh):
    assert list(q.events_table(wh, Filters(countries=("turkey",)))["event_id"]) == ["e-summit"]
    assert list(q.events_table(wh, Filters(outlets=("Policy Blog",)))["event_id"]) == ["e-summit"]


def test_articles_carry_their_extraction_counts(wh):
    table = q.articles_table(wh, NONE).set_index("article_id")
    assert table.loc["a-conference", ["statements", "stances", "figures", "events"]].tolist() == [
        2,
        3,
        1,
        1,
    ]
    assert list(
        q.articles_table(wh, Filters(categories=("refugees",)))["article_id"].sort_values()
    ) == ["a-aleppo", "a-conference", "a-script"]


def test_values_are_parameters_not_sql(wh):
    hostile = "x') OR 1=1 --"
    assert q.statements_table(wh, Filters(countries=(hostile,))).empty
    assert q.statements_count(wh, NONE, hostile) == 0
    assert q.statements_count(wh, NONE, "100%") == 0  # % is literal in search
    assert q.statements_count(wh, NONE, "RUSSIA") == 4  # case-insensitive


def test_an_empty_result_is_an_empty_frame_not_an_error(wh):
    f = Filters(date_from=date(1990, 1, 1), date_to=date(1990, 12, 31))
    for question in (
        q.latest_statements,
        q.stance_balance,
        q.most_cited_figures,
        q.figures_by_place,
        q.figures_over_time,
        q.figure_spread,
        q.figures_table,
        q.stance_counts,
        q.stances_over_time,
        q.network_nodes,
        q.network_stance_edges,
        q.events_table,
        q.articles_table,
        q.statements_over_time,
    ):
        assert question(wh, f).empty, question.__name__
    assert q.provenance(wh, f, "statements") == q.Provenance(0, 0, None, None)


def test_network_nodes_include_both_ends_of_every_stance(wh):
    nodes = q.network_nodes(wh, NONE, limit=2)
    edges = q.network_stance_edges(wh, NONE)
    assert set(edges["source_id"]) | set(edges["target_id"]) <= set(nodes["actor_id"])


def test_co_mentions_count_shared_articles(wh):
    pairs = q.co_mentions(wh, NONE, ("canada", "russia", "syria"))
    counted = {
        (s, t): n for s, t, n in zip(pairs["source_id"], pairs["target_id"], pairs["articles"])
    }
    assert counted[("canada", "russia")] == 3


def test_article_extractions_cover_every_kind_with_valid_spans(wh):
    spans = q.article_extractions(wh, "a-conference")
    assert set(spans["kind"]) == {"actor", "quote", "figure", "event"}
    body = q.article(wh, "a-conference")["body"]
    figure = spans[spans["kind"] == "figure"].iloc[0]
    assert body[figure["start"] : figure["end"]] == "5.6 million"


def test_statement_context_rebases_the_span_onto_the_excerpt(wh):
    context = q.statement_context(wh, "s-babcock", window=30)
    assert context["excerpt"][context["start"] : context["end"]].startswith("We are concerned")
    assert context["clipped_after"] and not context["clipped_before"]


def test_the_warehouse_is_opened_read_only(wh):
    with pytest.raises(duckdb.Error):
        q._frame(wh, "DELETE FROM articles")


def test_a_rebuilt_warehouse_is_picked_up_without_restarting(tmp_path):
    path = tmp_path / "w.duckdb"
    build_warehouse(path, empty=True)
    before = q.locate(str(path))
    assert q.health(before).state == "empty"
    build_warehouse(path)  # replaces the file, as the ETL does
    after = q.locate(str(path))
    assert after != before
    assert q.headline(after, NONE)["articles"] == 4


def test_optional_columns_may_be_missing(tmp_path):
    wh = q.locate(str(build_warehouse(tmp_path / "plain.duckdb", extras=False)))
    assert q.health(wh).state == "ok"
    assert q.figures_table(wh, NONE)["qualifier"].isna().all()
    spans = q.article_extractions(wh, "a-conference")
    assert len(spans[spans["kind"] == "figure"]) == 1


def test_filter_options_list_countries_actors_outlets_and_the_date_span(wh):
    options = q.filter_options(wh)
    # Intergovernmental actors stand for themselves, so they can be filtered like countries.
    assert options.countries == {
        "canada": "Canada",
        "russia": "Russia",
        "syria": "Syria",
        "turkey": "Turkey",
        "unhcr": "UNHCR",
        "united-nations": "United Nations",
    }
    assert "chrystia-freeland" in options.actors
    assert options.outlets == ("CBC News", "Policy Blog", "The Globe and Mail")
    # The default range is the articles' publication span; a statement dated the day before
    # the first article is still reachable.
    assert options.first_date == date(2016, 12, 13) and options.last_date == date(2020, 11, 11)
    assert options.earliest == date(2016, 12, 12) and options.latest == date(2020, 11, 11)


def test_the_default_date_range_is_the_articles_not_a_stray_earlier_row(tmp_path):
    # One event recalled from years before the first article (the shipped corpus has one in
    # 2012) must not start the default range; the widget still reaches it.
    db = build_warehouse(tmp_path / "stray.duckdb")
    with duckdb.connect(str(db)) as con:
        article = con.execute("SELECT article_id FROM articles LIMIT 1").fetchone()[0]
        con.execute(
            "INSERT INTO events (event_id, article_id, event_date, date_precision, event_type) "
            "VALUES ('e-stray', ?, DATE '2012-03-01', 'month', 'other')",
            [article],
        )
        published = "SELECT min(published_date), max(published_date) FROM articles"
        first, last = con.execute(published).fetchone()
    options = q.filter_options(q.locate(str(db)))
    assert (options.first_date, options.last_date) == (first, last)
    assert options.earliest == date(2012, 3, 1) and options.latest >= last


def pairs(counts) -> dict:
    return {(s, t): n for s, t, n in zip(counts["source"], counts["target"], counts["stances"])}


CANADA_TO_RUSSIA = Filters(stance_by=("canada",), stance_towards=("russia",))


def test_a_direction_keeps_only_stances_from_one_side_to_the_other(wh):
    # The country filter "Canada, Russia" also brings Canada → Syria and Russia → Syria ...
    either = pairs(q.stance_counts(wh, Filters(countries=("canada", "russia")), "country"))
    assert ("Russia", "Syria") in either and ("Russia", "Canada") in either
    # ... the direction Canada → Russia only that: Freeland, the government and Babcock.
    assert pairs(q.stance_counts(wh, CANADA_TO_RUSSIA, "country")) == {("Canada", "Russia"): 3}


def test_both_ways_adds_the_reverse_direction_only(wh):
    both = replace(CANADA_TO_RUSSIA, both_ways=True)
    assert pairs(q.stance_counts(wh, both, "country")) == {
        ("Canada", "Russia"): 3,
        ("Russia", "Canada"): 1,
    }


def test_a_direction_side_may_be_an_actor_or_left_open(wh):
    by_freeland = Filters(stance_by=("chrystia-freeland",), stance_towards=("russia",))
    assert set(q.stances_table(wh, by_freeland)["source"]) == {"Chrystia Freeland"}
    towards_syria = pairs(q.stance_counts(wh, Filters(stance_towards=("syria",)), "country"))
    assert towards_syria == {("Canada", "Syria"): 1, ("Russia", "Syria"): 1}


def test_every_stance_query_applies_the_direction_and_other_subjects_ignore_it(wh):
    from briefing import evidence

    rows = evidence.stance_rows(wh, CANADA_TO_RUSSIA, "actor")
    assert set(rows["target"]) == {"Russia"} and "Canada" not in set(rows["target"])
    assert len(rows) == 3
    marks = (evidence.mark_key("actor", actor="russia"),)
    behind = evidence.rows(wh, CANADA_TO_RUSSIA, marks)
    assert set(behind["who"]) <= {
        "Canada → Russia",
        "Chrystia Freeland → Russia",
        "John Babcock → Russia",
    }
    # Who takes a stance towards whom is recorded on stances only.
    assert len(q.statements_table(wh, CANADA_TO_RUSSIA)) == len(q.statements_table(wh, NONE))


def test_the_direction_is_passed_as_parameters_not_sql(wh):
    hostile = Filters(stance_by=("canada') OR TRUE --",), stance_towards=("russia",))
    assert q.stance_counts(wh, hostile, "country").empty
