# ruff: noqa: F811  (pytest fixtures imported from tests/dashboard_fixtures.py are re-bound as arguments)
"""Issue 11, items 8–10: events read without hovering and count what they cannot draw, every
table and note reads as text for people (no machine names, no 'None', no words cut in half, no
doubled quote marks), and charts stay legible at phone width."""

import json

import duckdb
import pandas as pd
import plotly.graph_objects as go
import pytest

from briefing import charts, evidence, export, network, pack, theme, views
from briefing import queries as q
from briefing.filters import Filters
from briefing.text import (
    article_title,
    column_label,
    quoted,
    readable_cells,
    shorten,
    word_window,
)
from tests.dashboard_fixtures import build_warehouse, fixture_warehouse  # noqa: F401
from tests.test_dashboard_app import start

NONE = Filters()
SOURCE = "Source: test"


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    """The fixture warehouse plus one sentence the ETL read as three identical attacks, and a
    statement event."""
    path = build_warehouse(tmp_path_factory.mktemp("readable") / "warehouse.duckdb")
    con = duckdb.connect(str(path))
    row = con.execute(
        "SELECT article_id, evidence, char_start, char_end FROM events WHERE event_id = 'e-ottawa'"
    ).fetchone()
    con.executemany(
        "INSERT INTO events VALUES (?, ?, DATE '2016-12-12', 'day', 'attack', 'Shelling', "
        "'Aleppo', ?, ?, ?, ?)",
        [
            (event_id, row[0], participants, row[1], row[2], row[3])
            for event_id, participants in (
                ("e-dup-1", []),
                ("e-dup-2", ["syria"]),
                ("e-dup-3", []),
            )
        ],
    )
    con.execute(
        "INSERT INTO events VALUES ('e-said', ?, DATE '2016-12-13', 'day', 'statement', "
        "'The minister said', NULL, ['canada'], ?, ?, ?)",
        row,
    )
    # An article whose text has no headline (76 of 191 development articles have none).
    con.execute("UPDATE articles SET title = NULL WHERE article_id = 'a-conference'")
    con.close()
    return q.locate(str(path))


# --- 6. provenance: articles without a headline ---------------------------------------------


def test_an_article_without_a_headline_is_named_by_outlet_date_and_first_words_not_untitled():
    named = article_title(
        None, "Reuters", "2020-03", "  Canada on Tuesday  said it would send more aid"
    )
    assert (
        named == "[no headline] Reuters · 2020-03: “Canada on Tuesday said it would send more aid”"
    )
    assert article_title("", None, None, "") == "[no headline]"
    assert article_title("  Canada  slams vetoes ") == "Canada slams vetoes"
    long = article_title(None, None, "2019", "word " * 40)
    assert long.startswith("[no headline] 2019: “word") and long.endswith("…”")


def test_every_table_evidence_list_and_source_list_names_a_headless_article_the_same_way(wh):
    named = q.headline_stand_ins(wh)["a-conference"]
    assert named.startswith("[no headline] ") and "“" in named
    articles = q.articles_table(wh, NONE)
    assert articles.set_index("article_id").loc["a-conference", "title"] == named
    assert named in set(q.sources(wh, NONE)["title"])
    behind, _ = q.sources_behind(wh, NONE, ("statements", "stances", "figures", "events"))
    assert named in set(behind["title"]) and "article_id" not in behind.columns
    for table in (q.figures_table(wh, NONE), evidence.stance_rows(wh, NONE)):
        mine = table[table["article_id"] == "a-conference"]
        assert (mine["title"] == named).all()
    assert not articles["title"].isna().any()


def test_a_headline_of_only_tabs_and_newlines_is_no_headline(tmp_path):
    path = build_warehouse(tmp_path / "warehouse.duckdb")
    con = duckdb.connect(str(path))
    con.execute("UPDATE articles SET title = ? WHERE article_id = 'a-conference'", ["\n\t "])
    con.close()
    named = q.headline_stand_ins(q.locate(str(path)))["a-conference"]
    assert named.startswith("[no headline] ") and "“" in named  # outlet, date, first words


# --- 8. events ----------------------------------------------------------------------------------


def test_one_sentences_identical_events_are_listed_once(wh):
    table = q.events_table(wh, NONE)
    attacks = table[table["event_type"] == "attack"]
    assert len(attacks) == 1
    assert attacks["participants"].iloc[0] == "Syria"  # the copy that names most participants


def test_statement_events_are_left_out_unless_asked_for(wh):
    assert "statement" in set(q.events_table(wh, NONE, with_statements=True)["event_type"])
    assert "statement" not in set(q.events_table(wh, NONE, with_statements=False)["event_type"])


class _Ctx:
    """What views.events reads of a page context."""

    def __init__(self, warehouse):
        self.warehouse, self.filters, self.names = warehouse, NONE, {}


def test_the_events_charts_count_the_rows_they_draw_and_say_what_is_left_out(wh):
    timeline, by_place = views.events(_Ctx(wh))
    assert "statement" not in set(timeline.data["event_type"])
    shown = len(timeline.data)
    annotations = [a.text for a in timeline.figure.layout.annotations if a.name == "source"]
    assert f"{shown} events from" in annotations[0].replace("<br>", " ")
    assert "statement events left out" in annotations[0].replace("<br>", " ")
    with_said = views.events(_Ctx(wh), with_statements=True)[0]
    assert len(with_said.data) == shown + 1


def test_a_warehouse_from_before_places_groups_events_by_their_location_as_written(tmp_path):
    path = build_warehouse(tmp_path / "warehouse.duckdb")
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE IF EXISTS row_places")
    con.execute("DROP TABLE IF EXISTS places")
    con.close()
    old = q.locate(str(path))
    _timeline, by_place = views.events(_Ctx(old))
    located = q.events_table(old, NONE)["location"].dropna()
    assert len(located)  # the fixture's events name places
    grouped = charts.event_place(by_place.data).dropna()
    assert set(grouped) == set(located) - {charts.NO_PLACE}


def _events(places: list[str], dates: list[str], kinds: list[str] | None = None) -> pd.DataFrame:
    n = len(places)
    return pd.DataFrame(
        {
            "event_id": [f"e{i}" for i in range(n)],
            "date": pd.to_datetime(dates),
            "date_label": dates,
            "date_precision": ["day"] * n,
            "event_type": kinds or ["attack"] * n,
            "location": places,
            "description": ["Something happened there on that day."] * n,
            "participants": [None] * n,
        }
    )


def test_the_timeline_axis_ends_near_the_last_event():
    fig = charts.events_timeline(_events(["Aleppo", "Idlib"], ["2012-02-04", "2023-05-08"]), SOURCE)
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    span = pd.Timestamp("2023-05-08") - pd.Timestamp("2012-02-04")
    assert hi - pd.Timestamp("2023-05-08") <= span * 0.05  # not years past the last event
    assert pd.Timestamp("2012-02-04") - lo <= span * 0.05


def _label_boxes(fig: go.Figure, plot_px: float) -> list[tuple[str, float, float]]:
    """(row, left px, right px) of each drawn label at a plot `plot_px` wide, with a generous
    6.5 px a character at 12 px."""
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    boxes = []
    for trace in fig.data:
        for x, text, side in zip(trace.x, trace.text, trace.textposition):
            if not text:
                continue
            at = (pd.Timestamp(x) - lo) / (hi - lo) * plot_px
            width = 6.5 * len(text)
            left = (
                at - width / 2
                if side == "top center"
                else at
                if side == "top right"
                else at - width
            )
            boxes.append((trace.name, left, left + width))
    return boxes


def test_place_labels_never_overlap_at_phone_width():
    places = ["Bayt al-Faqih", "Ukraine", "Kabul", "New York", "Astana", "Syria"]
    days = ["2019-01-01", "2019-09-01", "2020-03-01", "2020-06-01", "2021-01-01", "2021-02-01"]
    fig = charts.events_timeline(_events(places, days), SOURCE)
    boxes = _label_boxes(fig, 220)
    assert boxes, "some places are named"
    for i, (row, left, right) in enumerate(boxes):
        for other_row, other_left, other_right in boxes[i + 1 :]:
            if row == other_row:
                assert right <= other_left or other_right <= left, (boxes[i], other_left)


def test_the_first_and_last_labels_grow_away_from_the_edges():
    fig = charts.events_timeline(_events(["Aleppo", "Idlib"], ["2012-02-04", "2023-05-08"]), SOURCE)
    assert list(fig.data[0].textposition) == ["top right", "top left"]


def test_every_dot_carries_its_description_and_says_when_nobody_is_named():
    fig = charts.events_timeline(_events(["Aleppo"], ["2016-12-12"]), SOURCE)
    hover = fig.data[0].customdata[0]
    assert hover[0].startswith("Something happened") and hover[1] == "none named"


def test_events_without_a_place_are_counted_under_the_chart_not_drawn_as_a_place():
    events = _events(
        ["unspecified", "unspecified", "unspecified", "Kabul"],
        ["2020-01-01", "2020-02-01", "2020-03-01", "2021-08-26"],
    )
    fig = charts.events_by_place(events, SOURCE)
    drawn = {y for trace in fig.data for y in trace.y}
    assert drawn == {"Kabul"}
    assert "3 of 4 events name no known place" in fig.layout.xaxis.title.text
    assert "3 of 4 name no known place" in views.caption_events_by_place(events)


def test_events_are_grouped_by_the_place_their_location_resolves_to_not_by_its_spelling():
    # "Idleb" and "Idlib" are one city; "Hadi" (a president's name read as a location) and
    # "Washington" left unresolved are no place at all.
    table = _events(
        ["Idleb", "Idlib", "Hadi", "Kabul", "unspecified"],
        ["2020-01-01", "2020-02-01", "2020-03-01", "2021-08-26", "2021-09-01"],
    )
    places = pd.DataFrame(
        {
            "event_id": ["e0", "e1", "e3"],
            "place_id": ["city:169389", "city:169389", "city:1138958"],
            "place": ["Idlib", "Idlib", "Kabul"],
        }
    )
    events = views.with_places(table, places)
    assert list(events["location"]) == list(table["location"])  # as written, kept beside
    fig = charts.events_by_place(events, SOURCE)
    bars = {y: x for trace in fig.data for y, x in zip(trace.y, trace.x)}
    assert bars == {"Idlib": 2, "Kabul": 1}
    assert "2 of 5 events name no known place" in fig.layout.xaxis.title.text
    assert views.caption_events_by_place(events).startswith("Events in 2 places; most in Idlib")


def test_the_events_by_place_legend_sits_above_the_plot_where_it_never_scrolls():
    kinds = list(theme.EVENT_COLOURS)
    events = _events(["Kabul"] * len(kinds), ["2021-08-26"] * len(kinds), kinds)
    fig = charts.events_by_place(events, SOURCE)
    assert fig.layout.legend.orientation == "h"
    # The top margin makes room for every line of the legend (three names a line on a phone).
    assert fig.layout.margin.t >= 24 * -(-len(kinds) // 3)


# --- 10. Plotly's toolbar ------------------------------------------------------------------------


def test_chart_titles_start_below_plotlys_toolbar(wh):
    figures = [
        *(c.figure for c in views.events(_Ctx(wh))),
        charts.stance_balance(pd.DataFrame({"polarity": ["critical"], "stances": [2]}), SOURCE),
        charts.empty_figure("Nothing", SOURCE),
    ]
    for fig in figures:
        title = fig.layout.title
        assert title.yref == "container" and title.yanchor == "top", title.text
        assert (1 - title.y) * fig.layout.height >= theme.MODEBAR_BAND - 0.5, title.text
    slide = charts.for_slide(figures[0], "Filters", SOURCE)
    assert (1 - slide.layout.title.y) * slide.layout.height < theme.MODEBAR_BAND  # no toolbar


# --- 9. tables and text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw", ["value_text", "cited_by", "is_direct", "date_precision", "source_path", "as_of"]
)
def test_machine_column_names_read_as_words(raw):
    label = column_label(raw)
    assert "_" not in label and label != raw


def test_missing_cells_say_what_is_missing_in_the_charts_words():
    table = pd.DataFrame(
        {"cited_by": [None, "UNHCR"], "participants": [float("nan"), "Canada"], "n": [1, None]}
    )
    shown = readable_cells(table)
    assert list(shown["cited_by"]) == ["source not stated", "UNHCR"]
    assert list(shown["participants"]) == ["none named", "Canada"]
    assert shown["n"].isna().iloc[1]  # numbers stay numbers


def test_downloads_are_headed_for_readers():
    data = pd.DataFrame({"value_text": ["$500 million"], "cited_by": ["UNHCR"], "value": [5e8]})
    header = export.csv_bytes(data).decode("utf-8").splitlines()[0]
    assert header == "figure as written,cited by,value"


def test_the_figure_spread_caption_never_says_none():
    spread = pd.DataFrame(
        {
            "measure": ["people"] * 2,
            "category": ["refugees"] * 2,
            "location": ["Syria"] * 2,
            "value": [4000.0, 9000.0],
            "value_text": ["4,000", "9,000"],
            "qualifier": [None, None],
            "cited_by": [None, "UNHCR"],
            "citations": [1, 1],
        }
    )
    caption = views.caption_figure_spread(spread)
    assert "None" not in caption and "source not stated" in caption


@pytest.mark.parametrize("start", [0, 37, 120, 260])
def test_excerpts_start_and_end_between_words(start):
    text = " ".join(f"word{i:03d}" for i in range(60))  # 479 characters, words of 7
    lo, hi = word_window(text, start, start + 7, 50)
    assert lo == 0 or text[lo - 1] == " "
    assert hi == len(text) or text[hi] == " "
    assert lo <= start and start + 7 <= hi


@pytest.mark.parametrize("window", [5, 13, 21, 40])
def test_the_statements_excerpt_starts_and_ends_between_words(wh, window):
    table = q.statements_table(wh, NONE)
    for statement_id, article_id in zip(table["statement_id"], table["article_id"]):
        context = q.statement_context(wh, statement_id, window=window)
        body = q.article(wh, article_id)["body"]
        at = body.find(context["excerpt"])
        end = at + len(context["excerpt"])
        assert at == 0 or body[at - 1].isspace(), (statement_id, context["excerpt"][:20])
        assert end == len(body) or body[end].isspace(), (statement_id, context["excerpt"][-20:])


def test_shortened_text_ends_on_a_whole_word():
    cut = shorten("Humanitarian access to besieged eastern Aleppo remains blocked", 30)
    assert cut == "Humanitarian access to…"


@pytest.mark.parametrize(
    "text, shown",
    [
        ('"We will not abandon them."', "“We will not abandon them.”"),
        ("“We will not abandon them.”", "“We will not abandon them.”"),
        ('"We will help," she said.', '"We will help," she said.'),
        ("Canada condemned the attack.", "“Canada condemned the attack.”"),
    ],
)
def test_quotes_never_carry_doubled_marks(text, shown):
    assert quoted(text) == shown


def test_speaker_notes_never_double_quote_marks():
    item = pack.Evidence("quote", '"We will not abandon them."', "Justin Trudeau", None, None)
    line = pack._evidence_line(item)
    assert '“"' not in line and '"”' not in line and line.count("“") == 1


def test_a_source_line_of_articles_counts_them_once():
    line = charts.source_line(19, 19, "2015-10", "2020-11", noun="articles")
    assert "19 articles" in line and "from 19 articles" not in line


# --- the pages ----------------------------------------------------------------------------------

TABLE_PAGES = [
    "pages/overview.py",
    "pages/figures.py",
    "pages/stances.py",
    "pages/statements.py",
    "pages/events.py",
    "pages/sources.py",
]
# Tables of extracted rows show how sure the machine is of each (articles and rejected files
# are not extractions).
WITHOUT_CONFIDENCE = {"url", "source_path", "rejected_at", "reason"}


def test_every_table_is_headed_for_readers_shows_no_none_and_shows_confidence(
    fixture_warehouse, monkeypatch
):
    at = start(fixture_warehouse, monkeypatch, statement_events="true")
    for path in TABLE_PAGES:
        at.switch_page(path).run()
        assert not at.exception, path
        for table in at.dataframe:
            config = json.loads(table.proto.columns or "{}")
            labels = [config.get(c, {}).get("label") or c for c in table.value.columns]
            assert not [x for x in labels if "_" in x], (path, labels)
            text = table.value.select_dtypes(include=["object", "str"])
            assert not text.isna().any().any(), (path, list(text.columns))
            assert not text.isin(["None", "nan", "NaN"]).any().any(), path
            if not WITHOUT_CONFIDENCE & set(table.value.columns):
                assert "confidence" in table.value.columns, (path, list(table.value.columns))


def test_every_page_says_its_active_filters_under_its_title(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch, country="canada")
    for path in TABLE_PAGES + ["pages/network.py"]:
        at.switch_page(path).run()
        said = [c.value for c in at.caption[:3]]
        assert any("Filters" in s and "Canada" in s for s in said), (path, said)


def test_an_undated_overview_never_says_published_undated(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch, **{"from": "1990-01-01", "to": "1990-12-31"})
    assert not at.exception
    assert not [c.value for c in at.caption if "published undated" in c.value]


def test_the_events_page_lists_every_event_as_a_sentence(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch)
    at.switch_page("pages/events.py").run()
    assert not at.exception
    listed = [t.value for t in at.text]
    con = duckdb.connect(str(fixture_warehouse), read_only=True)
    sentences = {
        e
        for (e,) in con.execute(
            "SELECT evidence FROM events WHERE event_type <> 'statement'"
        ).fetchall()
    }
    con.close()
    assert sentences <= set(listed)
    assert at.toggle(key="statement_events").value is False
    # Statement events are one click, or one link, away.
    linked = start(fixture_warehouse, monkeypatch, statement_events="true")
    linked.switch_page("pages/events.py").run()
    assert linked.toggle(key="statement_events").value is True
    assert linked.query_params["statement_events"] == "true"


def test_the_network_lists_its_strongest_ties_as_text_readable_on_a_phone():
    edges = pd.DataFrame(
        {
            "source": ["Canada", "Canada", "Russia", "Iran"],
            "target": ["Russia", "Russia", "Syria", "Syria"],
            "polarity": ["critical", "neutral", "supportive", "supportive"],
            "stances": [3, 1, 2, 1],
        }
    )
    ties = network.strongest_stance_ties(edges, limit=2)
    assert list(ties["tie"]) == ["Canada → Russia", "Russia → Syria"]
    assert ties.iloc[0][["stances", "critical", "neutral", "supportive"]].tolist() == [4, 3, 1, 0]


def test_the_network_page_lists_its_strongest_ties(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch)
    at.switch_page("pages/network.py").run()
    assert not at.exception
    assert "Strongest ties" in [h.value for h in at.subheader]
    assert any("tie" in t.value.columns for t in at.dataframe)


def test_rows_selected_in_a_table_lead_to_their_full_sentences(wh):
    stances = q.stances_table(wh, NONE)
    figures = q.figures_table(wh, NONE)
    events = q.events_table(wh, NONE)
    for kind, ids in (
        ("stances", list(stances["stance_id"][:2])),
        ("figures", list(figures["figure_id"][:2])),
        ("event", list(events["event_id"][:2])),
    ):
        found = evidence.rows(wh, NONE, (evidence.mark_key(kind, ids=ids),))
        assert sorted(found["row_id"]) == sorted(ids), kind
        assert found["evidence"].str.len().gt(0).all()


def test_tables_of_stances_and_figures_offer_their_rows_evidence(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch)
    for path in ("pages/stances.py", "pages/figures.py"):
        at.switch_page(path).run()
        assert not at.exception
        assert any("read their evidence sentences in full" in c.value for c in at.caption), path


def test_a_figures_qualifier_and_number_are_never_cut_from_its_label():
    spread = pd.DataFrame(
        {
            "measure": ["people"] * 2,
            "category": ["killed"] * 2,
            "location": ["Syria"] * 2,
            "value": [500000.0, 400000.0],
            "value_text": ["half a million", "400,000"],
            "qualifier": ["an estimated", None],
            "cited_by": ["UN envoy", None],
            "as_of": pd.to_datetime(["2016-04-22", "2016-02-11"]),
            "citations": [1, 1],
            "outlet": ["Reuters", "AP"],
            "title": ["t1", "t2"],
            "precision": ["day", "day"],
            "as_of_label": ["2016-04-22", "2016-02-11"],
        }
    )
    labels = " ".join(
        str(t) for fig in (charts.figures_timeline(spread, SOURCE),) for tr in fig.data
        for t in (tr.text or [])
    )  # fmt: skip
    assert "an estimated half a million" in labels


def test_only_the_listed_events_have_their_places_looked_up(wh):
    from briefing import maps

    listed = tuple(q.events_table(wh, NONE, with_statements=True)["event_id"])
    every = maps.event_places(wh, listed)
    assert len(every) and set(every["event_id"]) <= set(listed)
    one = every["event_id"].iloc[0]
    assert set(maps.event_places(wh, (one,))["event_id"]) == {one}
    assert maps.event_places(wh, ()).empty
