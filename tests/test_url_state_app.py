# ruff: noqa: F811  (pytest fixtures imported from tests/dashboard_fixtures.py are re-bound as arguments)
"""The whole view in the URL, with AppTest: the stance direction filter, and every page's own
choices (grouping, selected actor, search text, statement read), written as the analyst
chooses, kept across page switches, and reopened by a link in a fresh session."""

from briefing.filters import Filters
from tests.dashboard_fixtures import fixture_warehouse  # noqa: F401
from tests.test_dashboard_app import filters_of, start


def url(at) -> dict[str, list[str]]:
    return {k: at.query_params[k] for k in at.query_params}


def one(value) -> str:
    """A single query value as AppTest gives it back (sometimes wrapped in a list)."""
    return value[0] if isinstance(value, list) else value


def test_a_link_with_a_direction_narrows_every_stance_view_and_says_so(
    fixture_warehouse, monkeypatch
):
    at = start(fixture_warehouse, monkeypatch, by="canada", towards="russia")
    assert filters_of(at) == Filters(stance_by=("canada",), stance_towards=("russia",))
    assert at.multiselect(key="flt_by").value == ["canada"]
    at.switch_page("pages/stances.py").run()
    assert not at.exception
    table = at.dataframe[0].value
    assert set(table["target"]) == {"Russia"}
    assert set(table["source"]) <= {"Canada", "Chrystia Freeland", "John Babcock"}
    captions = " ".join(c.value for c in at.caption)
    assert "stances Canada → Russia" in captions  # the source line states the direction


def test_choosing_a_direction_in_the_sidebar_writes_it_into_the_url(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch)
    at.multiselect(key="flt_by").select("canada").run()
    at.multiselect(key="flt_towards").select("russia").run()
    at.toggle(key="flt_ways").set_value(True).run()
    assert one(at.query_params["by"]) == "canada" and one(at.query_params["towards"]) == "russia"
    assert one(at.query_params["ways"]) == "both"
    assert filters_of(at).both_ways


def test_the_stance_grouping_is_in_the_url_and_survives_a_page_switch(
    fixture_warehouse, monkeypatch
):
    at = start(fixture_warehouse, monkeypatch)
    at.switch_page("pages/stances.py").run()
    at.button_group(key="stances_side").set_value("actor").run()
    assert one(at.query_params["group"]) == "actor"
    at.switch_page("pages/network.py").run()
    assert one(at.query_params["group"]) == "actor"  # every page keeps every page's choices
    at.switch_page("pages/stances.py").run()
    assert at.button_group(key="stances_side").value == "actor"
    assert one(at.query_params["group"]) == "actor"


def test_a_copied_link_reopens_the_network_with_its_actor_and_settings(
    fixture_warehouse, monkeypatch
):
    at = start(fixture_warehouse, monkeypatch)
    at.switch_page("pages/network.py").run()
    at.selectbox(key="network_actor").select("john-babcock").run()
    at.toggle(key="network_co").set_value(True).run()
    link = url(at)
    assert one(link["node"]) == "john-babcock" and one(link["co"]) == "yes"

    fresh = start(fixture_warehouse, monkeypatch, **link)  # another browser, the same link
    fresh.switch_page("pages/network.py").run()
    assert fresh.selectbox(key="network_actor").value == "john-babcock"
    assert fresh.toggle(key="network_co").value is True
    assert "Strongest ties of John Babcock" in [h.value for h in fresh.subheader]


def test_a_copied_link_reopens_the_statements_search_and_the_statement_read(
    fixture_warehouse, monkeypatch
):
    at = start(fixture_warehouse, monkeypatch)
    at.switch_page("pages/statements.py").run()
    at.text_input(key="statements_search").input("hypocritical").run()
    link = url(at)
    assert one(link["q"]) == "hypocritical"

    fresh = start(fixture_warehouse, monkeypatch, **link)
    fresh.switch_page("pages/statements.py").run()
    assert fresh.text_input(key="statements_search").value == "hypocritical"
    assert len(fresh.dataframe[0].value) == 1
    assert fresh.subheader[0].value.startswith("Maria Zakharova")


def test_a_link_to_one_statement_opens_it_in_context_not_the_newest(fixture_warehouse, monkeypatch):
    newest = start(fixture_warehouse, monkeypatch)
    newest.switch_page("pages/statements.py").run()
    first = newest.subheader[0].value
    at = start(fixture_warehouse, monkeypatch, statement="s-zakharova")
    at.switch_page("pages/statements.py").run()
    assert at.subheader[0].value.startswith("Maria Zakharova") and at.subheader[0].value != first
    assert one(at.query_params["statement"]) == "s-zakharova"


def test_a_link_value_outside_the_choices_falls_back_to_the_default(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch, group="<script>", top="7", node="atlantis")
    at.switch_page("pages/stances.py").run()
    assert not at.exception and at.button_group(key="stances_side").value == "country"
    at.switch_page("pages/network.py").run()
    assert at.slider(key="network_size").value == 30
    assert at.selectbox(key="network_actor").value is None


def test_reset_filters_keeps_the_pages_own_choices(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch, country="canada", group="actor")
    at.switch_page("pages/stances.py").run()
    at.button(key="flt_reset").click().run()
    assert filters_of(at).is_empty
    assert url(at) == {"group": "actor"} or url(at) == {"group": ["actor"]}


def back_to(at, monkeypatch, **query):
    """Simulate the browser's Back: rerun with an earlier URL, flagged as history navigation."""
    from briefing import filters

    for name in list(at.query_params):
        del at.query_params[name]
    for name, value in query.items():
        at.query_params[name] = value
    monkeypatch.setattr(filters, "history_navigation", lambda: True)
    at.run()
    monkeypatch.setattr(filters, "history_navigation", lambda: False)
    return at


def test_back_brings_the_earlier_filters_and_choices_back(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch, country="canada")
    at.switch_page("pages/stances.py").run()
    at.multiselect(key="flt_country").select("syria").run()
    at.button_group(key="stances_side").set_value("actor").run()
    assert filters_of(at).countries == ("canada", "syria")
    back_to(at, monkeypatch, country="canada")
    assert at.multiselect(key="flt_country").value == ["canada"]
    assert filters_of(at).countries == ("canada",)
    assert at.button_group(key="stances_side").value == "country"


def test_back_onto_an_address_the_app_never_wrote_keeps_the_state(fixture_warehouse, monkeypatch):
    # Streamlit may push a bare address for a page switch before the app writes the filters
    # into it; Back onto it is not a request to drop them.
    at = start(fixture_warehouse, monkeypatch, country="canada")
    at.switch_page("pages/stances.py").run()
    back_to(at, monkeypatch)
    assert filters_of(at).countries == ("canada",)
    assert one(at.query_params["country"]) == "canada"  # the address is repaired


def test_page_choice_values_from_a_link_are_bounded_and_checked():
    from briefing import page_state

    assert page_state.parsed("actor", "country", ("country", "actor")) == "actor"
    assert page_state.parsed("x" * 500, "", None) == ""  # too long for any choice
    assert page_state.parsed("seven", 30, range(10, 81, 5), int) == 30
    assert page_state.parsed("35", 30, range(10, 81, 5), int) == 35
    assert page_state.parsed(None, None) is None
    assert page_state.yes("yes") and not page_state.yes("no")
    assert page_state.url_text(True) == "yes" and page_state.url_text(False) is None
    assert page_state.url_text("") is None and page_state.url_text(35) == "35"


def test_a_charts_selection_survives_its_round_trip_through_the_link():
    from briefing import page_state

    marks = {
        "stances_bars": [
            {"kind": "stances", "side": "country", "source": "canada", "target": "russia"}
        ],
        "figures_spread": [{"kind": "figures", "ids": ["f1", "f2"]}],
    }
    text = page_state.encode_picks(marks)
    assert " " not in text
    assert page_state.decode_picks(text) == marks
    assert page_state.encode_picks({"stances_bars": []}) is None  # nothing selected: no pick


def test_a_links_selection_drops_what_is_malformed_or_unknown():
    from briefing import page_state

    assert page_state.decode_picks("not json") == {}
    assert page_state.decode_picks('["a list"]') == {}
    assert page_state.decode_picks("{" + "x" * page_state.MAX_PICK_CHARS + "}") == {}
    raw = (
        '{"a":[{"kind":"drop table"},{"kind":"event","event":"e1"},'
        '{"kind":"figures","ids":[1,2]},{"kind":"actor","actor":{"nested":1}}],"b":"x"}'
    )
    assert page_state.decode_picks(raw) == {"a": [{"kind": "event", "event": "e1"}]}


def test_a_selection_too_long_for_a_link_keeps_the_charts_that_fit():
    from briefing import page_state

    many = [{"kind": "figures", "ids": [f"figure-{i:04d}" for i in range(100)]}]
    text = page_state.encode_picks({"small": [{"kind": "event", "event": "e1"}], "big": many * 3})
    assert len(text) <= page_state.MAX_PICK_CHARS
    assert set(page_state.decode_picks(text)) == {"small"}


def test_the_pair_over_time_is_in_the_link_survives_a_page_switch_and_back(
    fixture_warehouse, monkeypatch
):
    at = start(fixture_warehouse, monkeypatch)
    at.switch_page("pages/dyad.py").run()
    assert not at.exception
    first = url(at)
    sources = at.selectbox(key="dyad_source").options
    other = next(s for s in at.selectbox(key="dyad_source").options if s != sources[0])
    at.selectbox(key="dyad_source").select_index(sources.index(other)).run()
    link = url(at)
    chosen = at.selectbox(key="dyad_source").value
    assert (
        one(link["source"]) == chosen
        and one(link["target"]) == at.selectbox(key="dyad_target").value
    )
    at.switch_page("pages/stances.py").run()
    assert one(at.query_params["source"]) == chosen  # kept while on another page
    at.switch_page("pages/dyad.py").run()
    assert at.selectbox(key="dyad_source").value == chosen

    fresh = start(fixture_warehouse, monkeypatch, **link)  # another browser, the same link
    fresh.switch_page("pages/dyad.py").run()
    assert fresh.selectbox(key="dyad_source").value == chosen

    back_to(at, monkeypatch, **{k: one(v) for k, v in first.items()})  # Back: the first pair
    assert at.selectbox(key="dyad_source").value == one(first["source"])


def test_the_reconciled_quantity_is_in_the_link_and_survives_a_page_switch(
    fixture_warehouse, monkeypatch
):
    at = start(fixture_warehouse, monkeypatch)
    at.switch_page("pages/reconcile.py").run()
    assert not at.exception
    chosen = at.selectbox(key="reconcile_quantity").value
    link = url(at)
    assert one(link["quantity"]) == chosen
    at.switch_page("pages/figures.py").run()
    assert one(at.query_params["quantity"]) == chosen  # kept while on another page
    at.switch_page("pages/reconcile.py").run()
    assert at.selectbox(key="reconcile_quantity").value == chosen

    fresh = start(fixture_warehouse, monkeypatch, **link)
    fresh.switch_page("pages/reconcile.py").run()
    assert fresh.selectbox(key="reconcile_quantity").value == chosen


def test_every_name_a_person_might_type_for_a_page_finds_it():
    from briefing.site import PAGES, page_for

    assert page_for("overview") == page_for("/Overview/") == page_for("home") == ""
    assert page_for("Humanitarian%20figures") == page_for("humanitarian_figures") == "figures"
    assert page_for("pair-over-time") == page_for("Pair") == "dyad"
    assert page_for("saved-views") == "views" and page_for("add_articles.py") == "add"
    assert page_for("no-such-page") is None
    for path, title, _, url in PAGES[1:]:  # every page by its path, title and file
        assert page_for(url) == page_for(title) == page_for(path) == url
