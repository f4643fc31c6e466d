"""Filters: the URL form round-trips, bad values become messages, never exceptions."""

from datetime import date

from briefing.filters import Filters


def params(**values):
    """A query-string mapping: each name to all its values, as st.query_params.get_all gives."""
    return {k: v if isinstance(v, list) else [v] for k, v in values.items()}


def test_filters_survive_a_round_trip_through_the_url():
    original = Filters(
        date_from=date(2018, 1, 1),
        date_to=date(2020, 12, 31),
        countries=("canada", "russia"),
        actors=("chrystia-freeland",),
        outlets=("Reuters, London",),
        polarities=("critical",),
        categories=("refugees", "displaced"),
    )
    url = original.to_query_params()
    assert url["from"] == "2018-01-01" and url["to"] == "2020-12-31"
    assert url["country"] == ["canada", "russia"]
    parsed, problems = Filters.from_query_params(params(**url))
    assert parsed == original
    assert problems == []


def test_no_filters_write_no_parameters():
    assert Filters().to_query_params() == {}
    assert Filters.from_query_params({}) == (Filters(), [])


def test_comma_separated_and_repeated_values_both_work_except_for_outlets():
    parsed, _ = Filters.from_query_params(
        params(country=["canada,russia", "syria"], outlet="Reuters, London")
    )
    assert parsed.countries == ("canada", "russia", "syria")
    assert parsed.outlets == ("Reuters, London",)  # outlet names may contain commas


def test_duplicate_values_are_kept_once_in_order():
    parsed, _ = Filters.from_query_params(params(actor=["b", "a", "b"]))
    assert parsed.actors == ("b", "a")


def test_a_malformed_date_is_dropped_with_an_explanation():
    parsed, problems = Filters.from_query_params(
        params(**{"from": "13/01/2020", "to": "2020-02-01"})
    )
    assert parsed.date_from is None and parsed.date_to == date(2020, 2, 1)
    assert "YYYY-MM-DD" in problems[0]


def test_reversed_dates_are_swapped():
    parsed, problems = Filters.from_query_params(
        params(**{"from": "2021-01-01", "to": "2019-01-01"})
    )
    assert (parsed.date_from, parsed.date_to) == (date(2019, 1, 1), date(2021, 1, 1))
    assert problems


def test_values_outside_the_vocabularies_are_dropped_and_reported():
    parsed, problems = Filters.from_query_params(
        params(polarity="hostile,critical", category="unicorns")
    )
    assert parsed.polarities == ("critical",)
    assert parsed.categories == ()
    assert any("hostile" in p for p in problems) and any("unicorns" in p for p in problems)


def test_restricting_to_known_options_reports_unknown_countries():
    restricted, problems = Filters(countries=("canada", "atlantis")).restricted_to(
        countries=["canada"]
    )
    assert restricted.countries == ("canada",)
    assert "atlantis" in problems[0]


def test_description_names_the_filters_for_a_source_line():
    text = Filters(date_from=date(2018, 1, 1), countries=("canada",)).describe({"canada": "Canada"})
    assert text == "Filters: 2018-01-01 to …; country: Canada"
    assert Filters().describe() == "No filters"
