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
    # "any role": a country filter brings its stances either way and the figures placed in it.
    assert text == "Filters: 2018-01-01 to …; country: Canada (any role)"
    assert Filters().describe() == "No filters"


NAMES = {"canada": "Canada", "russia": "Russia", "syria": "Syria"}


def test_a_stance_direction_round_trips_through_the_url():
    original = Filters(stance_by=("canada",), stance_towards=("russia", "syria"), both_ways=True)
    url = original.to_query_params()
    assert url == {"by": ["canada"], "towards": ["russia", "syria"], "ways": "both"}
    assert Filters.from_query_params(params(**url)) == (original, [])
    parsed, _ = Filters.from_query_params(params(by="canada", towards="russia,syria"))
    assert parsed.stance_towards == ("russia", "syria") and not parsed.both_ways


def test_old_links_without_a_direction_keep_meaning_any_role():
    parsed, problems = Filters.from_query_params(params(country="canada,russia"))
    assert parsed == Filters(countries=("canada", "russia")) and problems == []
    assert not parsed.has_direction


def test_both_ways_without_a_direction_is_no_filter_and_a_bad_value_is_reported():
    parsed, problems = Filters.from_query_params(params(ways="both"))
    assert parsed == Filters() and problems == []
    assert Filters(both_ways=True).to_query_params() == {}
    parsed, problems = Filters.from_query_params(params(by="canada", ways="sideways"))
    assert not parsed.both_ways and "ways=both" in problems[0]


def test_unknown_direction_values_are_dropped_and_reported():
    restricted, problems = Filters(stance_by=("canada", "atlantis")).restricted_to(
        stance_by=["canada", "russia"]
    )
    assert restricted.stance_by == ("canada",)
    assert "by" in problems[0] and "atlantis" in problems[0]


def test_the_summary_states_the_direction_and_that_countries_match_in_any_role():
    assert (
        Filters(stance_by=("canada",), stance_towards=("russia",)).describe(NAMES)
        == "Filters: stances Canada → Russia"
    )
    both = Filters(stance_by=("canada",), stance_towards=("russia",), both_ways=True)
    assert both.describe(NAMES) == "Filters: stances Canada ⇄ Russia"
    assert Filters(stance_towards=("russia",)).describe(NAMES) == "Filters: stances anyone → Russia"
    assert (
        Filters(countries=("canada", "russia")).describe(NAMES)
        == "Filters: country: Canada, Russia (any role)"
    )
