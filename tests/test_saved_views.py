# ruff: noqa: F811  (pytest fixtures imported from tests/dashboard_fixtures.py are re-bound as arguments)
"""Saved views: the store beside the warehouse (save, rename, delete, opened, survives a
rebuild, shared by writers at once) and the sidebar's Save this view with the Saved views page."""

from __future__ import annotations

import os
import re
import shutil
import threading
from urllib.parse import parse_qs, urlsplit

import pytest

from briefing import site
from briefing.filters import Filters
from briefing.saved_views import (
    NAME_CHARS,
    SavedView,
    ViewError,
    ViewStore,
    clean_params,
    current_params,
    showing,
    store_path,
)
from tests.dashboard_fixtures import fixture_warehouse  # noqa: F401
from tests.test_dashboard_app import markup_in, start


@pytest.fixture
def store(tmp_path) -> ViewStore:
    return ViewStore.for_warehouse(tmp_path / "warehouse.duckdb")


def test_the_store_sits_beside_the_warehouse_in_a_file_of_its_own(tmp_path):
    assert store_path(tmp_path / "data" / "warehouse.duckdb") == (
        tmp_path / "data" / "warehouse.views.duckdb"
    )


def test_a_saved_view_comes_back_with_its_page_choices_and_author(store):
    saved = store.save(
        "  Canada on Russia,\n 2018  ",
        "stances",
        {"country": ["canada", "russia"], "from": "2018-01-01", "view": "old-id"},
        by="Ana",
    )
    [view] = store.list()
    assert view == saved
    assert view.name == "Canada on Russia, 2018"
    assert view.page == "stances"
    assert dict(view.params) == {"country": ("canada", "russia"), "from": ("2018-01-01",)}
    assert view.created_by == "Ana" and view.last_opened_at is None


def test_a_view_opens_as_a_relative_link_that_marks_it_opened(store):
    view = store.save(
        "Refugees", "figures", {"category": ["refugees"], "outlet": ["A&B, C"]}, "Ana"
    )
    link = urlsplit(view.link())
    assert link.path == "./figures"
    assert parse_qs(link.query) == {
        "category": ["refugees"],
        "outlet": ["A&B, C"],
        "view": [view.view_id],
    }
    overview = store.save("Everything", "", {}, "Ana")
    assert overview.link(opened=False) == "./"
    assert store.mark_opened(view.view_id) is True
    assert store.get(view.view_id).last_opened_at is not None
    assert store.get(overview.view_id).last_opened_at is None
    assert store.mark_opened("no-such-view") is False


def test_names_are_unique_until_a_view_is_deleted(store):
    first = store.save("Weekly", "stances", {}, "Ana")
    with pytest.raises(ViewError, match="exists already"):
        store.save("WEEKLY", "figures", {}, "Ben")
    store.delete(first.view_id, by="Ben")
    assert store.list() == []
    assert store.get(first.view_id) is None
    second = store.save("Weekly", "figures", {}, "Ben")
    assert [v.view_id for v in store.list()] == [second.view_id]
    with pytest.raises(ViewError, match="no longer exists"):
        store.rename(first.view_id, "Monday", by="Ana")


def test_rename_keeps_the_view_and_refuses_a_taken_name(store):
    a = store.save("Monday", "stances", {"polarity": ["critical"]}, "Ana")
    store.save("Tuesday", "stances", {}, "Ana")
    with pytest.raises(ViewError, match="exists already"):
        store.rename(a.view_id, "tuesday", by="Ben")
    store.rename(a.view_id, "Monday briefing", by="Ben")
    renamed = store.get(a.view_id)
    assert renamed.name == "Monday briefing" and renamed.updated_by == "Ben"
    assert renamed.params == a.params and renamed.created_by == "Ana"


@pytest.mark.parametrize("name", ["", "   ", "x" * (NAME_CHARS + 1)])
def test_a_view_needs_a_short_non_empty_name(store, name):
    with pytest.raises(ViewError):
        store.save(name, "stances", {}, "Ana")


@pytest.mark.parametrize("page", ["../etc", "stances?x=1", "https://evil.example", "a" * 41])
def test_only_a_page_path_is_stored_never_an_address(store, page):
    with pytest.raises(ViewError, match="not a page"):
        store.save("x", page, {}, "Ana")


def test_stored_choices_are_bounded(store):
    params = clean_params({"actor": [f"a{i}" for i in range(500)], "q": "x" * 2000})
    assert sum(len(v) for v in params.values()) == 200
    assert all(len(v) <= 500 for values in params.values() for v in values)


def test_views_outlive_a_rebuilt_warehouse(tmp_path):
    db = tmp_path / "warehouse.duckdb"
    db.write_bytes(b"old build")
    ViewStore.for_warehouse(db).save("Kept", "events", {"country": ["canada"]}, "Ana")
    rebuilt = tmp_path / "next.duckdb"
    rebuilt.write_bytes(b"new build")
    os.replace(rebuilt, db)  # how the ETL swaps in a new warehouse
    assert [v.name for v in ViewStore.for_warehouse(db).list()] == ["Kept"]


def test_writers_at_once_each_keep_their_view(store):
    errors: list[BaseException] = []

    def save(i: int) -> None:
        try:
            ViewStore(store.path).save(f"View {i}", "stances", {"actor": [str(i)]}, f"user{i}")
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=save, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(v.name for v in store.list()) == [f"View {i}" for i in range(8)]


def test_the_view_keeps_filters_and_the_pages_own_choices_only():
    f = Filters(countries=("canada",), polarities=("critical",))
    url = {"country": ["canada"], "article": ["abc"], "utm_source": ["mail"], "view": ["v1"]}
    assert current_params(f, url) == {
        "country": ["canada"],
        "polarity": ["critical"],
        "article": ["abc"],
    }


def test_the_sidebar_says_which_view_is_on_screen_until_a_choice_changes():
    view = SavedView("v1", "Mine", "stances", {"country": ("canada",)}, "Ana", None)
    assert showing(view, "stances", {"country": ["canada"]})
    assert not showing(view, "stances", {"country": ["canada", "russia"]})
    assert not showing(view, "figures", {"country": ["canada"]})
    assert not showing(None, "stances", {})


def test_every_saved_page_has_a_title():
    assert site.title_of("") == "Overview"
    assert site.title_of("views") == "Saved views"
    assert site.title_of("gone") == "gone"


# --- the dashboard -------------------------------------------------------------------------------


def test_a_view_saved_from_the_sidebar_is_listed_and_opened_from_its_link(
    fixture_warehouse, tmp_path, monkeypatch
):
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(fixture_warehouse, db)
    at = start(db, monkeypatch, country="canada", polarity="critical")
    at.switch_page("pages/stances.py").run()
    at.text_input(key="saved_views_new").input("Canada, critical")
    at.text_input(key="saved_views_name").input("Ana")
    at.button(key="FormSubmitter:saved_views_form-Save").click().run()
    assert not at.exception
    assert any(s.value.startswith("Saved “Canada") for s in at.success)

    [view] = ViewStore.for_warehouse(db).list()
    assert view.page == "stances" and view.created_by == "Ana"
    assert dict(view.params) == {"country": ("canada",), "polarity": ("critical",)}

    # Someone else, in another session, lists it and follows its link.
    other = start(db, monkeypatch)
    other.switch_page("pages/saved_views.py").run()
    assert not other.exception
    [entry] = [m.value for m in other.markdown if "Stances" in m.value and "](" in m.value]
    link = re.search(r"\]\((\./stances\?[^)\s]+)\)", entry)
    assert link, entry
    assert entry.startswith("**[Canada")
    captions = " ".join(c.value for c in other.caption)
    assert "Saved by Ana" in captions and "Not opened yet" in captions

    query = parse_qs(urlsplit(link[1]).query)
    assert query["view"] == [view.view_id]
    opened = start(db, monkeypatch, **{k: v[0] for k, v in query.items()})
    opened.switch_page("pages/stances.py").run()
    assert not opened.exception
    assert ViewStore.for_warehouse(db).get(view.view_id).last_opened_at is not None


def test_the_saved_views_page_renames_and_deletes(fixture_warehouse, tmp_path, monkeypatch):
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(fixture_warehouse, db)
    store = ViewStore.for_warehouse(db)
    view = store.save("Old name", "figures", {"category": ["refugees"]}, "Ana")
    at = start(db, monkeypatch)
    at.switch_page("pages/saved_views.py").run()
    at.text_input(key=f"saved_views_rename_{view.view_id}").input("New name")
    at.button(key="FormSubmitter:saved_views_rename-Rename").click().run()
    assert not at.exception
    assert store.get(view.view_id).name == "New name"
    at.checkbox(key="saved_views_confirm").check().run()
    at.button(key="saved_views_delete").click().run()
    assert not at.exception
    assert store.list() == []
    assert any("No saved views yet" in i.value for i in at.info)


def test_a_hostile_name_is_only_ever_the_text_of_its_link(fixture_warehouse, tmp_path, monkeypatch):
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(fixture_warehouse, db)
    ViewStore.for_warehouse(db).save(
        "x](javascript:alert(1)) <img src=x onerror=alert(1)> [y", "stances", {}, "<b>Eve</b>"
    )
    at = start(db, monkeypatch)
    at.switch_page("pages/saved_views.py").run()
    [entry] = [m.value for m in at.markdown if "Stances" in m.value and "](" in m.value]
    # One link, to the app's own page; the name's brackets and tags are escaped text.
    assert re.findall(r"(?<!\\)\]\(([^)]*)\)", entry) == [
        re.search(r"\(\./stances\?view=[0-9a-f]+\)", entry)[0][1:-1]
    ]
    assert "<img" not in entry.replace("\\<img", "")
    # The delete confirmation names the view in a (Markdown) label: escaped there too.
    assert markup_in(at.checkbox(key="saved_views_confirm").label) == []
