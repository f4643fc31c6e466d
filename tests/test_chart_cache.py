# ruff: noqa: F811  (pytest fixtures imported from tests/dashboard_fixtures.py are re-bound as arguments)
"""Charts are built once per warehouse version, filters and settings, shared between page
views, and left unchanged by the pages that draw them."""

import plotly.io as pio

from briefing import chart_cache, queries, ui, views
from briefing.filters import Filters
from tests.dashboard_fixtures import fixture_warehouse  # noqa: F401
from tests.test_dashboard_app import start

NONE = Filters()


def _context(path, f=NONE):
    wh = queries.locate(str(path))
    return ui.build_context(wh, f, queries.filter_options(wh))


def _json(charts) -> list[str]:
    return [pio.to_json(chart.figure, validate=False) for chart in charts]


def test_the_same_view_is_built_once_and_other_filters_get_their_own(fixture_warehouse):
    ctx = _context(fixture_warehouse)
    first = chart_cache.charts(views.stances, ctx, "country")
    assert chart_cache.charts(views.stances, _context(fixture_warehouse), "country") is first
    assert chart_cache.charts(views.stances, ctx, "actor") is not first
    russia = _context(fixture_warehouse, Filters(countries=("russia",)))
    assert chart_cache.charts(views.stances, russia, "country") is not first
    # What is shared is what the view itself draws.
    assert _json(first) == _json(views.stances(ctx, "country"))


def test_drawing_a_page_leaves_the_shared_charts_as_they_were(fixture_warehouse, monkeypatch):
    ctx = _context(fixture_warehouse)
    shared = {
        "pages/overview.py": chart_cache.charts(views.overview, ctx),
        "pages/figures.py": chart_cache.charts(views.figures, ctx),
        "pages/stances.py": chart_cache.charts(views.stances, ctx, "country"),
        "pages/events.py": chart_cache.charts(views.events, ctx),
    }
    before = {page: _json(charts) for page, charts in shared.items()}
    at = start(fixture_warehouse, monkeypatch)
    for page in shared:  # each page draws the charts built above
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
    for page, charts in shared.items():
        assert _json(charts) == before[page], page
        assert (
            chart_cache.charts(
                getattr(views, page[6:-3]),
                ctx,
                *(("country",) if page == "pages/stances.py" else ()),
            )
            is charts
        ), page


def test_charts_take_their_template_unvalidated_and_equal_validated_ones(
    fixture_warehouse, monkeypatch
):
    import json

    import plotly.graph_objects as go

    from briefing.charts import common

    def figures():
        return [json.loads(pio.to_json(c.figure)) for c in views.whole_dashboard(ctx)]

    ctx = _context(fixture_warehouse)
    fast = figures()
    # As _finish assigned it before: by name, every property of the template checked.
    monkeypatch.setattr(common, "_in_template", lambda fig, name: fig.update_layout(template=name))
    assert figures() == fast
    assert all(f["layout"]["template"] == fast[0]["layout"]["template"] for f in fast)
    fig = go.Figure(layout={"template": "plotly_dark"})
    monkeypatch.undo()
    common._in_template(fig, "plotly_white")
    assert fig.layout.template == pio.templates["plotly_white"]
    assert fig.layout._validate  # later changes are checked again


def test_copies_and_their_phone_and_column_layouts_equal_those_of_checked_copies(
    fixture_warehouse, monkeypatch
):
    import json

    import plotly.graph_objects as go

    from briefing.charts import common

    ctx = _context(fixture_warehouse)
    charts = views.whole_dashboard(ctx)

    def drawn() -> list:
        # Each chart, its copy and its layouts as a page draws them (not the kept ones).
        return [
            json.loads(pio.to_json(fig, validate=False))
            for c in charts
            for fig in (
                common.copy_figure(c.figure),
                common.for_phone.__wrapped__(c.figure),
                common.for_column.__wrapped__(c.figure, 0.5),
            )
        ]

    fast = drawn()
    # As copies were made before: the template checked again, property by property.
    monkeypatch.setattr(common, "copy_figure", lambda fig: go.Figure(fig.to_dict()))
    assert drawn() == fast
    monkeypatch.undo()
    copy = common.copy_figure(charts[0].figure)
    assert copy.layout._validate  # later changes are checked
    copy.layout.template.layout.font.size = 99  # and change the copy only
    assert charts[0].figure.layout.template.layout.font.size != 99


def test_a_chart_is_serialised_once_and_as_streamlit_serialised_the_figure(fixture_warehouse):
    import plotly.tools

    from briefing import downloads
    from briefing.charts import common

    ctx = _context(fixture_warehouse)
    for chart in chart_cache.charts(views.figures, ctx) + chart_cache.charts(views.overview, ctx):
        for fig in (common.for_phone(chart.figure), common.for_column(chart.figure, 0.5)):
            once = downloads.drawn(fig)
            assert downloads.drawn(fig) is once  # the next view's
            # What st.plotly_chart makes of each: the same dict, the same JSON.
            spec = plotly.tools.return_figure_from_figure_or_data(once, validate_figure=True)
            assert spec is once.to_dict()
            assert pio.to_json(spec, validate=False) == pio.to_json(fig.to_dict(), validate=False)
    # A figure's entry goes with the figure.
    import gc

    import plotly.graph_objects as go

    fig = go.Figure(go.Bar(x=[1], y=[2]))
    downloads.drawn(fig)
    key = id(fig)
    del fig
    gc.collect()
    assert key not in downloads._DRAWN
