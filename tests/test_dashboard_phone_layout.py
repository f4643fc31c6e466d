"""Every chart at every width: the phone layout (legend below the plot, two entries a row,
names and bar labels wrapped, source line in phone rows, the plot's height kept) and the wide
one (source line wrapped to its column), as pure functions of a finished figure."""

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from briefing import charts, maps, views
from briefing.charts import common

SOURCE = charts.source_line(
    87, 5, date(2015, 10, 1), date(2020, 11, 11), "Filters: country: Canada, Russia, Syria"
)
COUNTRIES = [
    "Canada",
    "Russia",
    "Syria",
    "European Union",
    "United States",
    "UNHCR",
    "United Nations",
    "Lebanon",
]


def over_time() -> go.Figure:
    months = pd.to_datetime(["2016-01-01", "2017-01-01", "2018-01-01"] * len(COUNTRIES))
    frame = pd.DataFrame(
        {
            "month": months,
            "country_id": [c.lower() for c in COUNTRIES for _ in range(3)],
            "country": [c for c in COUNTRIES for _ in range(3)],
            "statements": [3] * (3 * len(COUNTRIES)),
        }
    )
    return charts.statements_over_time(frame, SOURCE, {})


def source_note(fig: go.Figure):
    return next(a for a in fig.layout.annotations if a.name == charts.SOURCE_ANNOTATION)


def plot_height(fig: go.Figure) -> int:
    return fig.layout.height - fig.layout.margin.t - fig.layout.margin.b


def test_a_phone_chart_has_its_legend_below_the_plot_two_entries_a_row():
    wide = over_time()
    phone = charts.for_phone(wide)
    legend = phone.layout.legend
    assert legend.orientation == "h" and legend.yanchor == "top" and legend.yref == "container"
    # The legend's top lies in the bottom margin, below the plot and its axis labels.
    legend_top_px = (1 - legend.y) * phone.layout.height
    assert legend_top_px > phone.layout.height - phone.layout.margin.b + 40
    assert legend.entrywidthmode == "fraction" and legend.entrywidth < 0.5  # two a row
    # ... and the source line below the legend, still inside the figure.
    assert source_note(phone).yshift < source_note(wide).yshift
    assert phone.layout.height >= plot_height(wide) + phone.layout.margin.t


def test_a_phone_chart_keeps_the_plot_height_the_wide_chart_gives_its_bars():
    wide = over_time()
    phone = charts.for_phone(wide)
    # The wide chart's legend on top took room from the plot; the phone's plot is no smaller.
    assert plot_height(phone) >= max(plot_height(wide), common.PHONE_PLOT_MIN)


def test_a_phone_chart_wraps_its_source_line_at_a_phones_width_and_the_wide_one_wider():
    wide = over_time()
    phone = charts.for_phone(wide)
    rows = str(source_note(phone).text).split("<br>")
    assert all(len(r) <= common.PHONE_SOURCE_CHARS for r in rows)
    full = charts.for_column(wide, 1.0)
    wide_rows = str(source_note(full).text).split("<br>")
    assert len(wide_rows) < len(rows)
    assert max(len(r) for r in wide_rows) > 56  # no longer a phone's 56 on a wide screen
    assert all(len(r) <= charts.column_chars(1.0) for r in wide_rows)
    # Fewer source rows give their room back to the plot.
    assert full.layout.margin.b < wide.layout.margin.b
    assert full.layout.height == wide.layout.height


def test_a_half_column_wraps_its_source_line_narrower_than_the_whole_page():
    assert charts.column_chars(0.4) < charts.column_chars(0.6) < charts.column_chars(1.0)
    assert charts.column_chars(0.1) == common.PHONE_SOURCE_CHARS  # never narrower than a phone


def test_phone_legend_names_are_wrapped_to_their_column_and_rows_counted():
    wide = over_time()
    phone = charts.for_phone(wide)
    _, chars = common.phone_legend_layout(common.PHONE_CHART_PX - 100)
    for trace in phone.data:
        if trace.showlegend is not False and trace.name:
            assert all(len(line) <= max(chars, 20) for line in trace.name.split("<br>"))
    assert common.phone_legend_rows(["a", "b", "c"], 2, 17) == [1, 1]
    assert common.phone_legend_rows(["hatched: all from one article", "b"], 2, 17) == [2]
    assert common.phone_legend_layout(300) == (2, 14)
    assert common.phone_legend_layout(150)[0] == 1  # too narrow for two names side by side
    assert common.phone_legend_layout(300, columns=1) == (1, 35)


def test_a_phone_legend_with_a_long_entry_takes_one_entry_a_row():
    fig = go.Figure()
    fig.add_scatter(x=[1], y=[1], name="United Nations")
    fig.add_scatter(x=[1], y=[2], name="reference: UNHCR's latest, more than 5.6 million (2020)")
    phone = charts.for_phone(charts._finish(fig, "A title", SOURCE))
    assert phone.layout.legend.entrywidth > 0.5  # one a row
    assert all(t.name.count("<br>") <= 2 for t in phone.data)


def test_long_bar_labels_wrap_on_a_phone_without_changing_the_categories():
    frame = pd.DataFrame(
        {
            "category": ["displaced", "killed"],
            "location": ["Syria", "St. Petersburg"],
            "value": [6_000_000, 16],
            "value_text": ["more than six million", "16"],
            "citations": [1, 1],
            "cited_by": ["", "UNHCR"],
        }
    )
    wide = charts.most_cited_figures(frame, SOURCE)
    phone = charts.for_phone(wide)
    assert [list(t.y) for t in phone.data] == [list(t.y) for t in wide.data]
    ticks = list(phone.layout.yaxis.ticktext)
    assert list(phone.layout.yaxis.tickvals) == common._bar_labels(wide)
    assert any("<br>" in t for t in ticks)
    assert all(len(line) <= common.PHONE_LABEL_CHARS for t in ticks for line in t.split("<br>"))
    # Each wrapped line adds to the plot's height, so rows of two lines do not touch.
    assert plot_height(phone) > plot_height(wide)


def test_a_figure_not_finished_as_a_chart_is_left_as_it_is():
    bare = go.Figure(go.Bar(x=[1], y=[2]))
    assert charts.for_phone(bare) is bare and charts.for_column(bare) is bare


def test_the_phone_map_is_as_tall_as_its_width_needs_not_a_fixed_560_px():
    places = pd.DataFrame(
        {
            "place_id": ["city:1", "country:sy", "region:idlib"],
            "name": ["Damascus", "Syria", "Idlib"],
            "kind": ["city", "country", "region"],
            "lat": [33.5, 35.0, 35.9],
            "lon": [36.3, 38.0, 36.6],
            "rows": [3, 5, 1],
            "figures": [1, 3, 1],
            "events": [2, 2, 0],
            "category": ["attack", "refugees", "civilians"],
        }
    )
    wide = maps.figure(places, "Figures and events by place")
    phone = maps.for_phone(wide)
    assert wide.layout.height == maps.WIDE_HEIGHT
    drawn = phone.layout.height - phone.layout.margin.t - phone.layout.margin.b
    # The map's area is about as tall as a phone's width over the map's aspect.
    assert abs(drawn - common.PHONE_CHART_PX / maps.ASPECT) < 5
    assert phone.layout.height < 400
    assert phone.layout.legend.yref == "container" and phone.layout.legend.yanchor == "top"
    assert [t.customdata[0][-1] for t in phone.data] == [t.customdata[0][-1] for t in wide.data]


PLACES = [
    "Canada",
    "Russia",
    "Syria",
    "Democratic Republic of the Congo",
    "United States",
    "Iran",
    "Turkey",
    "Lebanon",
    "Jordan",
    "Iraq",
    "France",
    "Germany",
]


def _stance_pairs(sources: int, targets: int) -> pd.DataFrame:
    """Every source country taking one stance or more on every target country."""
    rows = [
        {
            "source": f"{PLACES[s]} sources",
            "target": PLACES[t],
            "source_id": f"s{s}",
            "target_id": f"t{t}",
            "polarity": "critical" if (s + t) % 2 else "supportive",
            "stances": 1 + (targets - t),  # the first targets have most stances
        }
        for s in range(sources)
        for t in range(targets)
    ]
    return pd.DataFrame(rows)


def test_a_phone_stance_matrix_keeps_the_busiest_targets_every_source_and_says_so():
    pairs = _stance_pairs(sources=9, targets=12)
    chart = views.Chart(
        "stances_matrix",
        "Stance matrix",
        charts.stance_matrix(pairs, SOURCE),
        pairs,
        "stances",
        "",
        phone=lambda: charts.stance_matrix(
            pairs, SOURCE, label_width=views.PHONE_MATRIX_LABEL, columns=views.PHONE_MATRIX_COLUMNS
        ),
    )
    phone = chart.for_phone
    cells, overlay = phone.data[0], phone.data[1]
    assert len(cells.x) == views.PHONE_MATRIX_COLUMNS and len(cells.y) == 9
    # The busiest targets, in order; the rest are named as left out, not silently dropped.
    assert list(cells.x) == ["Canada", "Russia", "Syria", "Democratic…", "United States"]
    assert all(len(str(x)) <= views.PHONE_MATRIX_LABEL for x in (*cells.x, *cells.y))
    assert phone.layout.title.subtitle.text == "the 5 targets with most stances, of 12"
    # Every kept cell still leads to its evidence; none of a left-out target's do.
    assert set(overlay.x) <= set(cells.x) and len(overlay.x) == 9 * views.PHONE_MATRIX_COLUMNS
    # Made once for the chart, which the chart cache shares between sessions.
    assert chart.for_phone is phone


def test_a_stance_matrix_with_few_targets_keeps_them_all_on_a_phone_without_a_note():
    pairs = _stance_pairs(sources=3, targets=4)
    fig = charts.stance_matrix(pairs, SOURCE, label_width=12, columns=5)
    assert len(fig.data[0].x) == 4 and not fig.layout.title.subtitle.text


def test_a_long_axis_title_breaks_to_a_phones_width_above_the_legend_and_source_line():
    title = "money in dollars ($) (log scale, ×10 a gridline)"
    fig = go.Figure(
        go.Bar(x=[3e9, 1.6e9], y=["Sudan", "Central African Republic"], orientation="h")
    )
    fig.update_xaxes(title=title)
    wide = charts._finish(fig, "Largest sum cited, by place", SOURCE)
    phone = charts.for_phone(wide)
    lines = str(phone.layout.xaxis.title.text).split("<br>")
    assert len(lines) == 2 and " ".join(lines) == title
    assert wide.layout.xaxis.title.text == title  # the wide chart keeps it on one line

    def plot(f):
        return f.layout.height - f.layout.margin.t - f.layout.margin.b

    # The extra line is room under the axis: the plot keeps its height.
    assert (
        phone.layout.margin.b
        - charts.for_phone(
            charts._finish(go.Figure(fig).update_xaxes(title="money"), "t", SOURCE)
        ).layout.margin.b
        == common.AXIS_TITLE_LINE
    )
    assert plot(phone) >= plot(wide) - 1


def test_a_phones_head_count_timeline_labels_fewer_dots_than_a_wide_one():
    n = 14
    frame = pd.DataFrame(
        {
            "as_of": pd.date_range("2015-01-01", periods=n, freq="90D"),
            "value": [5000 + i % 2 for i in range(n)],  # two rows: labels meet across
            "value_text": [f"about {5000 + i % 2:,}" for i in range(n)],
            "qualifier": ["about"] * n,
            "category": ["refugees"] * n,
            "location": ["Syria"] * n,
            "cited_by": ["UNHCR"] * n,
            "outlet": ["x"] * n,
        }
    )

    def labelled(fig):
        return sum(1 for t in fig.data for text in (t.text or ()) if text)

    wide = charts.figures_timeline(frame, SOURCE)
    phone = charts.figures_timeline(frame, SOURCE, plot_px=charts.PHONE_TIMELINE_PX)
    assert labelled(wide) >= 1 and labelled(phone) >= 1
    # On a phone a label is the figure alone (who cited it is in the hover), and the labels
    # kept never meet at the phone's plot width.
    texts = [t for trace in phone.data for t in trace.text if t]
    assert all(not t.startswith("UNHCR") for t in texts)
    xs = [
        x
        for trace in phone.data
        for x, t in zip(pd.to_datetime(pd.Series(trace.x)), trace.text)
        if t
    ]
    span = (frame["as_of"].max() - frame["as_of"].min()) / 0.88
    px = sorted((x - frame["as_of"].min()) / span * charts.PHONE_TIMELINE_PX for x in xs)
    width = 6.5 * max(len(t) for t in texts)
    assert all(b - a >= width for a, b in zip(px, px[1:]))


def test_a_head_count_label_never_covers_another_dot():
    # Two counts a few weeks apart at nearly the same height: the smaller one's dot sits where
    # the larger one's label would go, so that label is left to the hover.
    frame = pd.DataFrame(
        {
            "as_of": pd.to_datetime(["2019-01-01", "2019-01-20", "2015-01-01", "2023-01-01"]),
            "value": [1_000_000, 1_400_000, 10, 20],
            "value_text": ["1 million", "1.4 million", "10", "20"],
            "qualifier": [None] * 4,
            "category": ["refugees"] * 4,
            "location": ["Syria"] * 4,
            "cited_by": [None] * 4,
            "outlet": ["x"] * 4,
        }
    )
    fig = charts.figures_timeline(frame, SOURCE, plot_px=charts.PHONE_TIMELINE_PX)
    shown = {t for trace in fig.data for t in trace.text if t}
    assert "1.4 million" in shown and "1 million" not in shown


def test_spread_labels_that_would_meet_at_a_phones_width_keep_their_figure_only():
    n = 4
    frame = pd.DataFrame(
        {
            "measure": ["people"] * n,
            "currency": [None] * n,
            "category": ["refugees"] * n,
            "location": ["Bangladesh"] * n,
            "value": [31, 3_500, 742_000, 1_000_000],
            "value_text": ["31", "at least 3,500", "over 742,000", "nearly a million"],
            "cited_by": [None, "Bangladesh", None, None],
            "subject": ["refugees"] * n,
            "outlets": ["x"] * n,
            "as_of": pd.to_datetime(["2017-08-23", "2017-08-24", "2017-01-01", "2017-01-01"]),
            "as_of_label": ["2017-08-23", "2017-08-24", "2017", "2017"],
            "citations": [1] * n,
        }
    )

    def labels(fig):
        points = next(t for t in fig.data if t.mode == "markers+text")
        return list(zip(points.x, points.text, points.textposition))

    def boxes(fig, plot_px):
        top = max(frame["value"]) * charts.SPREAD_ROOM
        out = []
        for value, text, position in labels(fig):
            side, grow = position.split()
            chars = max(
                len(line) for line in text.replace("<b>", "").replace("</b>", "").split("<br>")
            )
            width = (6.5 * chars + 8) / plot_px
            share = value / top
            lo = (
                share if grow == "right" else share - width if grow == "left" else share - width / 2
            )
            out.append((side, lo, lo + width))
        return out

    wide = charts.figure_spread(frame, SOURCE)
    assert all("<br>" in text for _, text, _ in labels(wide))  # room for who and when
    phone = charts.figure_spread(frame, SOURCE, plot_px=charts.PHONE_SPREAD_PX)
    placed = boxes(phone, charts.PHONE_SPREAD_PX)
    for i, (side, lo, hi) in enumerate(placed):
        for other, a, b in placed[i + 1 :]:
            assert side != other or hi <= a or lo >= b, (placed[i], (other, a, b))
    # Every label keeps its figure as written, with its qualifier.
    assert [t.split("<br>")[0] for _, t, _ in labels(phone)] == [
        f"<b>{v}</b>" for v in frame["value_text"]
    ]


def test_a_by_place_label_on_a_phone_goes_where_it_fits_never_over_the_place_names():
    money = pd.DataFrame(
        {
            "measure": ["money"] * 4,
            "currency": ["$"] * 4,
            "category": ["aid_money"] * 4,
            "location": ["Sudan", "Bangladesh", "Central African Republic", "Jordan"],
            "largest": [3e9, 5e8, 4.7e8, 2.5e7],
            "largest_text": [
                "$3 billion",
                "nearly half a billion dollars",
                "$470.4 million",
                "$25M",
            ],
            "qualifier": [None, "nearly", None, None],
            "figures": [1] * 4,
            "articles": [1] * 4,
        }
    )
    wide = charts.figures_by_place(money, SOURCE)
    phone = charts.figures_by_place(money, SOURCE, plot_px=charts.PHONE_PLACE_PX)
    dots = next(t for t in phone.data if t.mode == "markers+text")
    sides = {y: position.split()[1] for y, position in zip(dots.y, dots.textposition)}
    # The largest grows leftwards, away from the right edge; the smallest rightwards.
    assert sides["Sudan"] == "left" and sides["Jordan"] == "right"
    texts = dict(zip(dots.y, dots.text))
    # The long label fits neither side of a phone's plot on one line: it takes two.
    assert "<br>" in texts["Bangladesh"]
    assert "nearly half a billion dollars" == texts["Bangladesh"].replace("<br>", " ")
    assert all(
        "<br>" not in str(t) for t in next(t for t in wide.data if t.mode == "markers+text").text
    )


def test_the_margins_worked_out_without_a_figure_are_those_finish_sets():
    """for_phone learns margins from common._frame instead of finishing copies to read them."""
    for subtitle, key_band, foot, wrap in ((None, 0, 0, None), ("A subtitle", 40, 30, 36)):
        fig = go.Figure(go.Bar(x=[1, 2], y=["a", "b"], orientation="h"))
        title = "A title long enough to take two lines on a phone's narrow chart"
        common._finish(
            fig, title, SOURCE, subtitle=subtitle, key_band=key_band, foot=foot, title_wrap=wrap
        )
        frame = common._frame(
            fig, title, SOURCE, foot, subtitle=subtitle, key_band=key_band, title_wrap=wrap
        )
        assert (frame.top + frame.band, frame.bottom) == (fig.layout.margin.t, fig.layout.margin.b)
        assert fig.layout.title.text == frame.title_text


def test_a_phones_panels_of_sums_keep_room_between_an_axis_title_and_the_next_title():
    # Dollars and an unstated currency in two panels: on a phone the second panel's title sat
    # on the first panel's axis title ("money in dollars ($)").
    frame = pd.DataFrame(
        {
            "measure": ["money"] * 3,
            "currency": ["USD", "USD", "unknown"],
            "category": ["aid_money"] * 3,
            "location": ["Syria", "unspecified", "unspecified"],
            "largest": [1.0e9, 6.3e8, 3.32e9],
            "largest_text": ["more than $1 billion", "$630 million", "3.32 billion"],
            "qualifier": [None] * 3,
            "figures": [1, 1, 1],
            "articles": [1, 1, 1],
        }
    )
    phone = charts.for_phone(views._phone_places(frame, SOURCE, "Largest sum cited, by place"))
    plot = phone.layout.height - phone.layout.margin.t - phone.layout.margin.b
    upper, lower = phone.layout.yaxis.domain, phone.layout.yaxis2.domain
    gap = (upper[0] - lower[1]) * plot
    # ticks (about 18 px), the axis title (18) and the next panel's title (22)
    assert gap >= 60, gap
