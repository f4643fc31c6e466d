# ruff: noqa: F811  (pytest fixtures imported from tests/dashboard_fixtures.py are re-bound as arguments)
"""AppTest smoke runs: every page renders with and without filters, with everything filtered out,
and with a missing or empty warehouse; URL filters are applied, survive page switches, reset."""

import re
from pathlib import Path

import pytest
import streamlit.testing.v1.app_test as app_test_module
from markdown_it import MarkdownIt
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from app import PAGES
from tests.dashboard_fixtures import empty_warehouse, fixture_warehouse  # noqa: F401

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGE_FILES = [path for path, *_ in PAGES]
# Pages that draw the warehouse under the sidebar filters (adding articles and the list of saved
# views do not).
UNFILTERED_PAGES = ("pages/add_articles.py", "pages/saved_views.py")
FILTERED_PAGES = [path for path in PAGE_FILES if path not in UNFILTERED_PAGES]
FILTERED_OUT = {"from": "1990-01-01", "to": "1990-12-31"}
SOME_FILTERS = {
    "from": "2018-01-01",
    "to": "2020-12-31",
    "country": "canada,russia",
    "polarity": "critical",
}


class _NavigationPages(PagesManager):
    """AppTest resets PagesManager's 'uses a pages/ directory' flag before every run; with our
    `pages/` folder it then runs the old (v1) multipage mode on reruns, executing the page file
    without app.py. The real server never does that: st.navigation switches the flag off. This
    subclass takes the reset, so the flag on the real class stays as st.navigation leaves it."""


def start(warehouse, monkeypatch, secrets=None, user=None, **query) -> AppTest:
    monkeypatch.setattr(app_test_module, "PagesManager", _NavigationPages)
    monkeypatch.setattr(PagesManager, "uses_pages_directory", False)
    monkeypatch.setenv("BRIEFING_DB", str(warehouse))
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets.update(secrets or {})
    if user is not None:
        at.user = user
    for name, value in query.items():
        at.query_params[name] = value
    return at.run()


# CommonMark plus what Streamlit's renderer adds that can be parsed here (tables, strikethrough).
MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
MARKUP = {"link_open", "image", "html_inline", "html_block"}
# Relative links to the app's own pages, with percent-encoded parameters: what the app writes
# itself ("read it in its article", "review it", "This pair over time"), never article text.
APP_LINK = re.compile(r"^(\./)?(sources|review|dyad|views|figures|stances|reconcile)\?[\w%=&.+-]*$")


def markup_in(source: str) -> list[str]:
    """Link, image and HTML tokens a Markdown renderer would make of `source`, and bare web
    addresses that GitHub-flavoured Markdown would turn into links."""
    found = []
    for token in MARKDOWN.parse(source):
        for child in [token, *(token.children or [])]:
            if child.type == "link_open" and APP_LINK.match(str(child.attrGet("href") or "")):
                continue  # a link the app built to one of its own pages (evidence, review)
            if child.type in MARKUP:
                found.append(f"{child.type}: {source[:80]}")
    # What GitHub-flavoured Markdown links after parsing: bare web and e-mail addresses.
    if re.search(r"(?i)\b(https?://|www\.)|[\w.+-]@[\w-]+\.", shown_text(source, joiners=True)):
        found.append(f"bare address: {source[:80]}")
    return found


def shown_text(source: str, joiners: bool = False) -> str:
    """What a reader sees of Markdown `source`: its text (the invisible word joiners that
    md_escape adds dropped, unless `joiners`)."""
    tokens = MARKDOWN.parse(source)
    inline = [t for t in tokens if t.type == "inline"]
    text = " ".join("".join(c.content for c in t.children) for t in inline)
    return text if joiners else text.replace("\u2060", "")


def filters_of(at: AppTest):
    return at.session_state["briefing_page_context"].filters


@pytest.mark.parametrize(
    "query",
    [{}, SOME_FILTERS, FILTERED_OUT],
    ids=["no-filters", "filters", "filtered-out"],
)
def test_every_page_renders_without_exceptions(fixture_warehouse, monkeypatch, query):
    at = start(fixture_warehouse, monkeypatch, **query)
    for path in PAGE_FILES:
        at.switch_page(path).run()
        assert not at.exception, (path, [e.value for e in at.exception])
        assert at.title, path


def test_everything_filtered_out_says_how_to_get_rows_back(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch, **FILTERED_OUT)
    for path in FILTERED_PAGES:
        at.switch_page(path).run()
        messages = " ".join(m.value for m in at.info)
        assert "Reset filters" in messages, path


@pytest.mark.parametrize("which", ["missing", "empty"])
def test_a_missing_or_empty_warehouse_explains_what_to_run(
    which, tmp_path, empty_warehouse, monkeypatch
):
    path = tmp_path / "absent.duckdb" if which == "missing" else empty_warehouse
    at = start(path, monkeypatch)
    assert not at.exception
    assert "python -m etl" in at.warning[0].value
    at.switch_page("pages/figures.py").run()
    assert not at.exception and "python -m etl" in at.warning[0].value


def test_filters_in_the_url_set_the_sidebar(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch, **SOME_FILTERS)
    assert at.multiselect(key="flt_country").value == ["canada", "russia"]
    assert at.multiselect(key="flt_polarity").value == ["critical"]
    assert [str(d) for d in at.date_input(key="flt_dates").value] == [
        "2018-01-01",
        "2020-12-31",
    ]
    assert at.query_params["country"] == ["canada", "russia"]  # written back, repeated
    assert at.metric[0].value == "2"  # articles under the filters


def test_unknown_url_values_are_reported_not_fatal(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch, country="atlantis", to="not-a-date")
    assert not at.exception
    warnings = " ".join(shown_text(w.value) for w in at.warning)
    assert "atlantis" in warnings and "YYYY-MM-DD" in warnings
    assert at.multiselect(key="flt_country").value == []


def test_filters_survive_switching_pages(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch, **SOME_FILTERS)
    before = filters_of(at)
    for path in PAGE_FILES[1:]:
        at.switch_page(path).run()
        assert filters_of(at) == before, path
        assert at.query_params["country"] == ["canada", "russia"], path


def test_changing_a_widget_updates_the_url(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch)
    at.multiselect(key="flt_country").select("syria").run()
    assert at.query_params["country"] in (
        "syria",
        ["syria"],
    )  # one value comes back unwrapped
    assert filters_of(at).countries == ("syria",)


def test_one_click_resets_every_filter_and_the_url(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch, **SOME_FILTERS)
    at.button(key="flt_reset").click().run()
    assert filters_of(at).is_empty
    assert dict(at.query_params) == {}
    assert at.multiselect(key="flt_country").value == []


def test_article_text_is_shown_escaped(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch)
    at.switch_page("pages/sources.py").run()
    at.selectbox(key="sources_article").select("a-script").run()
    body = at.get("html")[0].proto.body
    assert "&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt;" in body
    assert "<script>" not in body
    assert 'class="hl hl-actor"' in body


def test_statements_search_narrows_the_table(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch)
    at.switch_page("pages/statements.py").run()
    at.text_input(key="statements_search").input("hypocritical").run()
    assert not at.exception
    assert len(at.dataframe[0].value) == 1


def test_selecting_an_actor_shows_its_ties_and_statements(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch)
    at.switch_page("pages/network.py").run()
    at.selectbox(key="network_actor").select("john-babcock").run()
    assert not at.exception
    headers = [h.value for h in at.subheader]
    assert "Strongest ties of John Babcock" in headers and "Statements by John Babcock" in headers


@pytest.mark.parametrize(
    "query",
    [{"country": "turkey", "polarity": "supportive"}, {"actor": "john-babcock"}],
    ids=["country-and-polarity", "one-actor"],
)
def test_narrow_filters_render_and_every_message_says_what_to_do(
    fixture_warehouse, monkeypatch, query
):
    at = start(fixture_warehouse, monkeypatch, **query)
    for path in PAGE_FILES:
        at.switch_page(path).run()
        assert not at.exception, (path, [e.value for e in at.exception])
        for message in at.info:
            says_what_to_do = ("Reset filters", "Choose", "Save this view")
            assert any(hint in message.value for hint in says_what_to_do), (
                path,
                message.value,
            )


def test_a_failed_image_is_explained_and_can_be_retried(fixture_warehouse, monkeypatch):
    import time

    from briefing import export

    monkeypatch.setattr(
        export.RENDERER, "last_failure", (time.monotonic(), "Rendering took longer than 30 s.")
    )
    at = start(fixture_warehouse, monkeypatch)
    warnings = [w.value for w in at.warning]
    assert any("The last slide image failed: Rendering took longer" in w for w in warnings)
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Slide image (PNG)" in labels and "Data (CSV)" in labels


def test_without_a_browser_the_data_buttons_remain(fixture_warehouse, monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
    at = start(fixture_warehouse, monkeypatch)
    assert any("need Chromium" in w.value for w in at.warning)
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Slide image (PNG)" not in labels
    assert "Data (CSV)" in labels and "Data (Excel)" in labels
    assert not at.exception


def test_strongest_ties_mix_in_co_mentions_only_when_they_are_shown(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch)
    at.switch_page("pages/network.py").run()
    at.selectbox(key="network_actor").select("canada").run()
    assert not at.exception
    ties = [df.value for df in at.dataframe if "tie" in df.value.columns]
    assert ties and "mentioned together" not in set(ties[0]["tie"])
    at.toggle(key="network_co").set_value(True).run()
    assert not at.exception
    ties = [df.value for df in at.dataframe if "tie" in df.value.columns]
    assert "mentioned together" in set(ties[0]["tie"])
