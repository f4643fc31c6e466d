# ruff: noqa: F811  (pytest fixtures imported from tests/dashboard_fixtures.py are re-bound as arguments)
"""What is new since the last briefing: the `added` filter (articles the warehouse took in on
or after a day) on every question, stance changes against the latest earlier stance of the same
pair, and the Overview's picker and section."""

from __future__ import annotations

import shutil
from datetime import datetime

import duckdb
import pytest

from briefing import queries, since
from briefing.filters import Filters
from briefing.saved_views import ViewStore
from tests.dashboard_fixtures import fixture_warehouse  # noqa: F401
from tests.test_dashboard_app import start

MONDAY = datetime(2026, 11, 30)


@pytest.fixture
def briefed(fixture_warehouse, tmp_path):
    """The fixture warehouse where one article (a-conference) was taken in after Monday's
    briefing, and the older articles hold earlier stances of two of its pairs: Putin on Syria
    was critical before (now supportive: changed), Babcock on Russia critical (same)."""
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(fixture_warehouse, db)
    con = duckdb.connect(str(db))
    con.execute(
        "UPDATE articles SET ingested_at = ? WHERE article_id = 'a-conference'",
        [datetime(2026, 12, 2, 9, 30)],
    )
    for stance_id, source, target, polarity in (
        ("t-old-1", "vladimir-putin", "syria", "critical"),
        ("t-old-2", "john-babcock", "russia", "critical"),
    ):
        con.execute(
            """INSERT INTO stances SELECT * REPLACE (? AS stance_id, ? AS source_id,
                   ? AS target_id, ? AS polarity)
               FROM stances WHERE article_id = 'a-aleppo' LIMIT 1""",
            [stance_id, source, target, polarity],
        )
    con.close()
    return queries.locate(str(db))


def test_added_round_trips_through_the_url_and_says_what_it_does():
    f, problems = Filters.from_query_params({"added": ["2026-11-30"], "country": ["canada"]})
    assert problems == [] and f.added_since == MONDAY
    assert f.to_query_params()["added"] == "2026-11-30"
    assert "articles added since 2026-11-30" in f.describe()
    timed, _ = Filters.from_query_params({"added": ["2026-11-30T09:15:42+01:00"]})
    assert timed.added_since == datetime(2026, 11, 30, 8, 15)
    assert timed.to_query_params()["added"] == "2026-11-30T08:15"
    assert "articles added since 2026-11-30 08:15 UTC" in timed.describe()
    bad, problems = Filters.from_query_params({"added": ["last monday"]})
    assert bad.added_since is None and "added=last monday" in problems[0]


def test_the_added_filter_keeps_only_rows_of_articles_taken_in_since_that_day(briefed):
    everything = queries.headline(briefed, Filters())
    new = queries.headline(briefed, Filters(added_since=MONDAY))
    assert everything["articles"] == 4 and new["articles"] == 1
    assert new["stances"] == 3  # a-conference's three stances
    assert 0 < new["statements"] < everything["statements"]
    later = queries.headline(briefed, Filters(added_since=datetime(2026, 12, 2, 9, 31)))
    assert later["articles"] == 0 and later["stances"] == 0
    to_the_minute = queries.headline(briefed, Filters(added_since=datetime(2026, 12, 2, 9, 30)))
    assert to_the_minute["articles"] == 1


def test_each_new_stance_is_compared_with_the_latest_earlier_one_of_its_pair(briefed):
    changes = since.stance_changes(briefed, Filters(added_since=MONDAY))
    got = {
        (r.source_name, r.target_name): (r.change, r.polarity, r.before or None)
        for r in changes.fillna("").itertuples()
    }
    assert got == {
        ("Vladimir Putin", "Syria"): (since.CHANGED, "supportive", "critical"),
        ("John Babcock", "Syria"): (since.NEW_PAIR, "critical", None),
        ("John Babcock", "Russia"): (since.SAME, "critical", "critical"),
    }
    assert changes["change"].iloc[0] == since.CHANGED  # what changed comes first
    links = since.with_links(changes, Filters(added_since=MONDAY))["read"]
    assert all(link.startswith("sources?") and "article=a-conference" in link for link in links)
    assert all("added=2026-11-30" in link and "mark=" in link for link in links)


def test_earlier_stances_follow_the_other_filters_too(briefed):
    # Only critical stances: Putin's new supportive stance is gone, and so is the comparison.
    changes = since.stance_changes(briefed, Filters(added_since=MONDAY, polarities=("critical",)))
    assert set(changes["change"]) == {since.NEW_PAIR, since.SAME}


def test_the_new_articles_are_listed_with_when_they_were_added(briefed):
    articles = since.new_articles(briefed, Filters(added_since=MONDAY))
    assert articles["article_id"].tolist() == ["a-conference"]
    assert articles["added"].tolist() == ["2026-12-02 09:30"]


# --- the Overview -------------------------------------------------------------------------------


def test_the_overview_offers_the_last_opened_saved_view_and_then_shows_what_is_new(
    briefed, monkeypatch
):
    store = ViewStore.for_warehouse(briefed.path)
    view = store.save("Monday briefing", "stances", {"country": ["canada"]}, "Ana")
    store.mark_opened(view.view_id)
    at = start(briefed.path, monkeypatch)
    assert not at.exception
    assert at.selectbox(key="since_choice_view").options[0] == "(choose a view)"
    assert at.selectbox(key="since_choice_view").options[1].startswith("Monday briefing (opened ")
    at.date_input(key="since_choice_day").set_value(MONDAY.date()).run()
    at.button(key="since_choice_go").click().run()
    assert not at.exception
    assert at.query_params["added"] in ("2026-11-30", ["2026-11-30"])
    assert any(h.value == "New since 2026-11-30" for h in at.subheader)
    text = " ".join(m.value for m in at.markdown)
    assert "1 changed" in text and "1 new pair" in text and "1 same as before" in text
    assert "**New articles**: 1" in text
    assert [m.value for m in at.metric][0] == "1"  # the headline counts follow the filter too

    # The same filter reaches every other page (and so its charts, downloads and packs).
    at.switch_page("pages/sources.py").run()
    assert not at.exception and at.query_params["added"] in ("2026-11-30", ["2026-11-30"])


def test_a_link_with_added_opens_the_new_things_only(briefed, monkeypatch):
    at = start(briefed.path, monkeypatch, added="2026-11-30")
    assert not at.exception
    assert at.date_input(key="flt_added").value == MONDAY.date()
    assert any(h.value == "New since 2026-11-30" for h in at.subheader)


def test_since_a_saved_view_means_since_it_was_opened_before_this_session(briefed, monkeypatch):
    store = ViewStore.for_warehouse(briefed.path)
    view = store.save("Monday briefing", "", {}, "Ana")
    store.mark_opened(view.view_id)  # at Monday's briefing (now, in this test)
    # Opening the view's link again in a new session moves last_opened_at to now, but "since it
    # was last opened" still means the opening before.
    at = start(briefed.path, monkeypatch, view=view.view_id)
    assert not at.exception
    stored = store.get(view.view_id)
    assert stored.previous_opened_at is not None
    assert stored.last_opened_at >= stored.previous_opened_at
    label = at.selectbox(key="since_choice_view").options[1]
    assert f"{stored.previous_opened_at:%Y-%m-%d %H:%M}" in label
    at.selectbox(key="since_choice_view").select("Monday briefing").run()
    at.button(key="since_choice_go").click().run()
    assert not at.exception
    expected = stored.previous_opened_at.replace(second=0, microsecond=0)
    assert at.session_state["flt_added_exact"] == stored.previous_opened_at
    assert at.query_params["added"] in (
        f"{expected:%Y-%m-%dT%H:%M}",
        [f"{expected:%Y-%m-%dT%H:%M}"],
    )
