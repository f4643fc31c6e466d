# ruff: noqa: F811  (pytest fixtures imported from tests/dashboard_fixtures.py are re-bound as arguments)
"""The dashboard for a team: untrusted text stays text, table cells cannot run as formulas, only
web links are links, a link cannot freeze the page, a default date range follows the data, the
password gate shows nothing before sign-in, and the server listens on this machine only."""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from string import ascii_letters, punctuation

import duckdb
import pandas as pd
import pytest

from app import PAGES
from briefing import auth
from briefing.filters import MAX_VALUES, Filters
from briefing.text import FORMULA_START, inert_cells, md_escape, web_link
from tests.dashboard_fixtures import build_warehouse, fixture_warehouse  # noqa: F401
from tests.test_dashboard_app import MARKDOWN, filters_of, markup_in, shown_text, start

ROOT = Path(__file__).resolve().parents[1]
PAGE_FILES = [path for path, *_ in PAGES]

LINK_TITLE = "[Session expired — sign in](https://example.invalid)"
IMAGE_TITLE = "![](http://127.0.0.1:9/x.png) <img src=x onerror=alert(1)> www.example.invalid"
HOSTILE_OUTLET = "![](http://127.0.0.1:9/outlet.png)"
HOSTILE_SPEAKER = "[John](https://example.invalid/j) :material/warning:"
HOSTILE_PARAM = "[Click here](https://example.invalid/p)"

# --- the pure helpers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        LINK_TITLE,
        IMAGE_TITLE,
        "<script>alert(1)</script> & &amp; &#x3C;",
        "# Heading\n\n- item\n1. first\n> quote\n---\n===",
        "*bold* _it_ ~~gone~~ `code` $x^2$ :red[red] :smile: :material/home:",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "<https://example.invalid> [ref]: https://example.invalid \\[escaped\\]",
    ],
)
def test_escaped_markdown_is_exactly_the_text_and_no_markup(text):
    escaped = md_escape(text)
    assert markup_in(escaped) == []
    tokens = MARKDOWN.parse(escaped)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert {c.type for c in tokens[1].children} == {"text"}
    assert shown_text(escaped) == " ".join(text.split())


def test_escaping_holds_for_random_punctuation_soup():
    rng = random.Random(10)
    alphabet = punctuation * 3 + ascii_letters[:8] + " \n\t" + "—é:/."
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        escaped = md_escape(text)
        assert markup_in(escaped) == [], text
        assert shown_text(escaped) == " ".join(text.split()), text


def test_cells_that_would_run_as_formulas_get_an_apostrophe_and_nothing_else_changes():
    df = pd.DataFrame(
        {
            "quote": ["=HYPERLINK(1)", "+1 call", "-2", "@SUM(A1)", "\t=1", "\r=1", "plain", None],
            "n": [1, -2, 3, 4, 5, 6, 7, 8],
        }
    )
    safe = inert_cells(df)
    assert list(safe["quote"][:6]) == ["'" + v for v in df["quote"][:6]]
    assert safe["quote"][6] == "plain" and pd.isna(safe["quote"][7])
    assert list(safe["n"]) == list(df["n"])  # numbers are numbers, negative or not
    assert df["quote"][0] == "=HYPERLINK(1)"  # the caller's frame is untouched
    assert not any(str(v).startswith(FORMULA_START) for v in safe["quote"].dropna())


@pytest.mark.parametrize(
    "url, link",
    [
        ("https://example.org/a?b=c#d", "https://example.org/a?b=c#d"),
        ("HTTP://EXAMPLE.ORG", "HTTP://EXAMPLE.ORG"),
        ("javascript:alert(document.domain)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox(1)", None),
        ("//example.org/protocol-relative", None),
        ("https://", None),
        ("/relative/path", None),
        (None, None),
    ],
)
def test_only_web_addresses_are_links(url, link):
    assert web_link(url) == link


def test_a_huge_filter_value_is_refused_quickly_with_a_short_note():
    began = time.perf_counter()
    parsed, problems = Filters.from_query_params(
        {"actor": ["a" * 100_000], "from": ["9" * 100_000]}
    )
    assert time.perf_counter() - began < 0.5
    assert parsed == Filters()
    assert any("100,000 characters" in p for p in problems)
    assert all(len(p) < 200 for p in problems)  # the note does not repeat the value


def test_thousands_of_repeated_parameters_are_capped_and_said():
    parsed, problems = Filters.from_query_params({"actor": [f"actor-{i}" for i in range(2000)]})
    assert len(parsed.actors) == MAX_VALUES
    assert any("1,950 more were ignored" in p for p in problems)
    parsed, problems = Filters.from_query_params({"country": [",".join(["x"] * 80 + ["y"])]})
    assert parsed.countries == ("x", "y")  # 81 values, 2 distinct: nothing needed dropping


def test_long_comma_lists_of_short_ids_are_still_read():
    ids = [f"country-{i:02d}" for i in range(40)]
    parsed, problems = Filters.from_query_params({"country": [",".join(ids)]})
    assert parsed.countries == tuple(ids) and problems == []


def test_unknown_values_are_listed_briefly():
    _, problems = Filters(actors=tuple(f"nobody-{i}" for i in range(40))).restricted_to(
        actors=["someone"]
    )
    assert problems == [
        "Ignored unknown actor value(s): nobody-0, nobody-1, nobody-2, nobody-3, nobody-4 "
        "and 35 more."
    ]


def test_passwords_compare_exactly():
    assert auth.password_matches("s3cret pass", "s3cret pass")
    assert not auth.password_matches("s3cret", "s3cret pass")
    assert not auth.password_matches("", "s3cret pass")
    assert auth.password_matches("pässwörd", "pässwörd")


def test_the_address_log_forgets_old_failures_and_stays_bounded(monkeypatch):
    log = auth._AddressLog()
    window = auth.ADDRESS_LIMIT[1]
    for n in range(auth.ADDRESS_LIMIT[0]):
        log.record("10.0.0.1", float(n))
    assert log.wait("10.0.0.1", 30.0) > 0  # still counted within the window
    log.record("10.0.0.2", window + 30.0)  # the first address's last failure is now stale
    assert len(log) == 1 and log.wait("10.0.0.1", window + 30.0) == 0
    monkeypatch.setattr(auth, "MAX_ADDRESSES", 3)
    for n in range(10):
        log.record(f"10.0.1.{n}", window + 40.0 + n)
    assert len(log) <= 3  # the oldest addresses went first
    assert log.wait("10.0.1.9", window + 50.0) == 0 and "10.0.1.9" in log._times


def test_wrong_passwords_are_limited_within_a_sliding_window():
    assert auth.retry_after([], 100.0, 5, 60.0) == 0
    assert auth.retry_after([90, 91, 92, 93], 100.0, 5, 60.0) == 0
    assert auth.retry_after([90, 91, 92, 93, 94], 100.0, 5, 60.0) == pytest.approx(50.0)
    assert auth.retry_after([10, 11, 12, 13, 14], 100.0, 5, 60.0) == 0  # long ago


# --- the app ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_warehouse(tmp_path_factory) -> Path:
    """The fixture warehouse with Markdown, formulas and script URLs in every text a page shows."""
    path = build_warehouse(tmp_path_factory.mktemp("hostile") / "warehouse.duckdb")
    hostile(path)
    return path


def hostile(path: Path) -> None:
    con = duckdb.connect(str(path))
    try:
        for sql, params in [
            (
                "UPDATE articles SET title = ?, outlet = ?, url = ?, source_path = ? "
                "WHERE article_id = 'a-conference'",
                [LINK_TITLE, HOSTILE_OUTLET, "javascript:alert(document.domain)", "[f](x).txt"],
            ),
            (
                "UPDATE articles SET title = ?, url = ? WHERE article_id = 'a-aleppo'",
                [IMAGE_TITLE, "data:text/html,<script>alert(1)</script>"],
            ),
            ("UPDATE actors SET name = ? WHERE actor_id = 'john-babcock'", [HOSTILE_SPEAKER]),
            (
                "UPDATE statements SET quote = ? WHERE statement_id = 's-babcock'",
                ['=HYPERLINK("https://example.invalid","Click")'],
            ),
            ("UPDATE stances SET evidence = '+1 call now' WHERE stance_id = 't-4'", []),
            ("UPDATE figures SET evidence = '-2+3' WHERE figure_id = 'f-56'", []),
            (
                "UPDATE events SET description = '@SUM(A1)' WHERE event_id = 'e-conference'",
                [],
            ),
            ("UPDATE rejected SET detail = ?, source_path = ?", ["=cmd|' /C calc'!A0", "\t=1"]),
        ]:
            con.execute(sql, params)
    finally:
        con.close()


MARKDOWN_ELEMENTS_SKIPPED = {"html", "code", "text", "exception", "dataframe", "arrow_data_frame"}


def markdown_sources(at) -> list[str]:
    """Every string on the page that Streamlit renders as Markdown: element bodies (markdown,
    captions, headings, alerts) and widget labels and help texts."""
    found = []
    for node in at._tree:
        proto = getattr(node, "proto", None)
        if proto is None or getattr(node, "type", "") in MARKDOWN_ELEMENTS_SKIPPED:
            continue
        fields = proto.DESCRIPTOR.fields_by_name
        for name in ("body", "label", "help"):
            if name in fields and isinstance(getattr(proto, name), str):
                found.append(getattr(proto, name))
    return found


def visit_every_page(at):
    """Yield the app after drawing each page, and the network page with an actor chosen."""
    for path in PAGE_FILES:
        at.switch_page(path).run()
        assert not at.exception, (path, [e.value for e in at.exception])
        yield path
        if path == "pages/network.py":
            at.selectbox(key="network_actor").select("john-babcock").run()
            assert not at.exception
            yield path + " (actor chosen)"


def test_untrusted_text_never_becomes_markup_on_any_page(hostile_warehouse, monkeypatch):
    at = start(
        hostile_warehouse,
        monkeypatch,
        country=HOSTILE_PARAM,
        outlet=[HOSTILE_OUTLET, "![](http://127.0.0.1:9/unknown.png)"],
    )
    shown = []
    for where in visit_every_page(at):
        sources = markdown_sources(at)
        assert [m for s in sources for m in markup_in(s)] == [], where
        shown += [shown_text(s) for s in sources]
    everything = " ".join(shown)
    # ... and each is still there to read, as written.
    for text in (LINK_TITLE, HOSTILE_OUTLET, HOSTILE_PARAM, "[John](https://example.invalid/j)"):
        assert text in everything, text


def test_no_table_cell_can_run_as_a_spreadsheet_formula(hostile_warehouse, monkeypatch):
    at = start(hostile_warehouse, monkeypatch)
    seen = 0
    for where in visit_every_page(at):
        for table in at.dataframe:
            frame = table.value
            for column in frame.columns:
                for value in frame[column]:
                    if isinstance(value, str):
                        seen += value.startswith("'")
                        assert not value.startswith(FORMULA_START), (where, column, value)
    assert seen >= 4  # the quote, the evidence, the event and the rejected file were defused


def test_sources_table_links_only_web_addresses(hostile_warehouse, monkeypatch):
    at = start(hostile_warehouse, monkeypatch)
    at.switch_page("pages/sources.py").run()
    urls = at.dataframe[0].value["url"]
    # A missing or refused address is a blank cell; every link shown is a web address.
    assert all(u is None or pd.isna(u) or u == "" or u.startswith("https://") for u in urls)
    links = [u for u in urls if isinstance(u, str) and u]
    assert len(links) == 2  # the two articles with web addresses keep their links


def sidebar_notes(at) -> str:
    return " ".join(shown_text(w.value) for w in at.sidebar.warning)


def test_a_huge_or_repeated_parameter_is_noted_in_the_sidebar(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch, actor=["nobody"] * 60, outlet="x" * 100_000)
    notes = sidebar_notes(at)
    assert "Read only the first 50 actor values in the link; 10 more were ignored." in notes
    assert "Ignored 1 outlet value(s) longer than 10,050 characters (100,000" in notes
    assert "Ignored unknown actor value(s): nobody." in notes
    assert filters_of(at).is_empty


def test_a_link_streamlit_ignores_as_too_long_is_noted_and_cleared(fixture_warehouse, monkeypatch):
    at = start(fixture_warehouse, monkeypatch, actor=["canada"] * 2000)
    notes = sidebar_notes(at)
    assert "The link was too long to read (2,000 parameters)" in notes
    assert "none of its filters were applied" in notes
    assert dict(at.query_params) == {}


def test_the_missing_warehouse_message_shows_no_absolute_path(tmp_path, monkeypatch):
    at = start(tmp_path / "private" / "absent.duckdb", monkeypatch)
    message = at.warning[0].value
    assert "absent.duckdb" in message and str(tmp_path) not in message


def add_newer_article(path: Path, published: date) -> None:
    """The ETL's way: a new file with one more article, moved over the old one."""
    building = path.with_suffix(".building")
    shutil.copy(path, building)
    con = duckdb.connect(str(building))
    try:
        con.execute(
            "INSERT INTO articles SELECT 'a-new', 'a-new.txt', 'A newer article', outlet, url, ?, "
            "language, body, 'sha-new', ingested_at, published_precision FROM articles "
            "WHERE article_id = 'a-aleppo'",
            [published],
        )
    finally:
        con.close()
    os.replace(building, path)


def test_a_tab_left_open_shows_articles_the_etl_adds_later(tmp_path, monkeypatch):
    path = build_warehouse(tmp_path / "warehouse.duckdb")
    at = start(path, monkeypatch)
    assert at.metric[0].value == "4"
    add_newer_article(path, date(2021, 3, 1))
    at.run()
    assert "to" not in at.query_params and "from" not in at.query_params
    assert filters_of(at).date_to is None
    assert at.metric[0].value == "5"
    assert at.date_input(key="flt_dates").value[1] == date(2021, 3, 1)


def test_a_range_the_analyst_chose_stays_when_the_data_grows(tmp_path, monkeypatch):
    path = build_warehouse(tmp_path / "warehouse.duckdb")
    at = start(path, monkeypatch, **{"to": "2019-01-01"})
    add_newer_article(path, date(2021, 3, 1))
    at.run()
    assert at.query_params["to"] == ["2019-01-01"] or at.query_params["to"] == "2019-01-01"
    assert filters_of(at).date_to == date(2019, 1, 1)
    assert at.date_input(key="flt_dates").value[0] == date(2016, 12, 13)  # the first article


# --- the password gate --------------------------------------------------------------------------


def assert_nothing_shown(at):
    assert not at.exception
    assert len(at.sidebar) == 0, [n.type for n in at.sidebar]
    assert not at.metric and not at.dataframe and not at.get("plotly_chart")
    assert "briefing_page_context" not in at.session_state  # nothing read from the warehouse
    page_names = [title for _, title, *_ in PAGES[1:]]
    everything = " ".join(markdown_sources(at))
    assert not any(name in everything for name in page_names)
    assert "Canada" not in everything and "Idlib" not in everything


def sign_in(at, name: str, password: str):
    at.text_input(key="auth_name").input(name)
    at.text_input(key="auth_password").input(password)
    return at.button(key="auth_submit").click().run()


@pytest.fixture
def gated(monkeypatch):
    monkeypatch.setenv("DASHBOARD_PASSWORD", "correct horse")
    monkeypatch.setattr(auth, "FAILURE_DELAY", 0.01)
    monkeypatch.setattr(auth, "ADDRESSES", auth._AddressLog())


def test_with_a_password_set_nothing_shows_before_sign_in(fixture_warehouse, monkeypatch, gated):
    at = start(fixture_warehouse, monkeypatch, country="canada")
    assert_nothing_shown(at)
    assert at.text_input(key="auth_password").proto.type == 1  # a password field


def test_a_wrong_password_keeps_the_user_out_and_the_right_one_lets_in(
    fixture_warehouse, monkeypatch, gated
):
    at = start(fixture_warehouse, monkeypatch, country="canada")
    sign_in(at, "Ana", "correct horsE")
    assert "Wrong password." in [e.value for e in at.error]
    assert_nothing_shown(at)
    assert "reviewer" not in at.session_state

    sign_in(at, "Ana", "correct horse")
    assert not at.exception and not at.error
    assert at.session_state["reviewer"] == "Ana"
    assert filters_of(at).countries == ("canada",)  # the link's filter applies after sign-in
    assert "Signed in as Ana" in [c.value for c in at.sidebar.caption]
    for path in PAGE_FILES:  # the sign-in lasts across pages
        at.switch_page(path).run()
        assert at.title and at.title[0].value != "Briefing dashboard", path

    at.button(key="auth_sign_out").click().run()
    assert_nothing_shown(at)
    assert "reviewer" not in at.session_state


def test_guessing_is_slowed_then_stopped(fixture_warehouse, monkeypatch, gated):
    at = start(fixture_warehouse, monkeypatch)
    for _ in range(auth.SESSION_LIMIT[0]):
        sign_in(at, "Mallory", "guess")
    sign_in(at, "Mallory", "correct horse")  # even the right password waits now
    assert any("Too many wrong passwords" in e.value for e in at.error)
    assert_nothing_shown(at)


def test_a_name_is_required(fixture_warehouse, monkeypatch, gated):
    at = start(fixture_warehouse, monkeypatch)
    sign_in(at, "   ", "correct horse")
    assert "Enter your name." in [e.value for e in at.error]
    assert_nothing_shown(at)


def test_the_password_may_come_from_secrets_toml(fixture_warehouse, monkeypatch):
    monkeypatch.delenv("DASHBOARD_PASSWORD", raising=False)
    at = start(fixture_warehouse, monkeypatch, secrets={"password": "from secrets"})
    assert_nothing_shown(at)
    sign_in(at, "Ana", "from secrets")
    assert at.metric and at.session_state["reviewer"] == "Ana"


OIDC = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "a long random string",
        "client_id": "dashboard",
        "client_secret": "secret",
        "server_metadata_url": "https://login.example.invalid/.well-known/openid-configuration",
    }
}


def test_with_oidc_configured_nothing_shows_until_the_provider_signs_the_user_in(
    fixture_warehouse, monkeypatch
):
    monkeypatch.setenv("DASHBOARD_PASSWORD", "ignored when OIDC is configured")
    at = start(fixture_warehouse, monkeypatch, secrets=OIDC, user={"is_logged_in": False})
    assert_nothing_shown(at)
    assert not at.get("text_input")  # no password form: the provider signs people in
    signed_in = {"is_logged_in": True, "email": "ana@example.org", "name": "Ana"}
    at = start(fixture_warehouse, monkeypatch, secrets=OIDC, user=signed_in)
    assert at.metric and at.session_state["reviewer"] == "ana@example.org"
    assert "Signed in as ana@example.org" in [shown_text(c.value) for c in at.sidebar.caption]


def test_without_a_password_the_dashboard_is_open(fixture_warehouse, monkeypatch):
    monkeypatch.delenv("DASHBOARD_PASSWORD", raising=False)
    at = start(fixture_warehouse, monkeypatch)
    assert at.metric and all(b.key != "auth_sign_out" for b in at.button)
    assert all(b.key != "auth_submit" for b in at.button)
    assert all(t.key != "auth_password" for t in at.text_input)


# --- serving ------------------------------------------------------------------------------------


def test_the_project_config_serves_localhost_without_a_file_watcher():
    shown = subprocess.run(
        [sys.executable, "-m", "streamlit", "config", "show"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"},
    ).stdout
    options = dict(re.findall(r'^(\w+) = ("[^"\n]*"|\w+)$', shown, re.MULTILINE))
    assert options["address"] == '"localhost"'
    assert options["fileWatcherType"] == '"none"'
    assert options["runOnSave"] == "false"


@pytest.mark.skipif(shutil.which("make") is None, reason="make not installed")
@pytest.mark.parametrize("extra, address", [([], "localhost"), (["ADDRESS=0.0.0.0"], "0.0.0.0")])
def test_make_dashboard_binds_localhost_unless_told(extra, address):
    plan = subprocess.run(
        ["make", "-n", "dashboard", *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    run = next(line for line in plan.splitlines() if "streamlit run app.py" in line)
    assert f"--server.address {address}" in run
