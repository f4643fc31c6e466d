"""Who may see the dashboard. The strongest sign-in configured wins:

  oidc      an `[auth]` section in .streamlit/secrets.toml: Streamlit's own st.login (needs Authlib)
  password  $DASHBOARD_PASSWORD, else `password` in .streamlit/secrets.toml: one shared password
  open      neither: anyone who reaches the server (a single analyst on localhost)

Until a session has signed in, app.py draws only the sign-in screen: no navigation, no sidebar,
no page names, nothing read from the warehouse. A sign-in lasts for the browser session (page
switches keep it; a reload of the tab asks again). The name given at sign-in, or the OIDC
e-mail, is kept in st.session_state["reviewer"] for audit trails.
"""

from __future__ import annotations

import hmac
import math
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence

import streamlit as st

REVIEWER = "reviewer"  # session-state key of the signed-in person's name
PASSWORD_ENV = "DASHBOARD_PASSWORD"
_SIGNED_IN = "auth_signed_in"
_FAILURES = "auth_failures"  # monotonic times of this session's wrong passwords
_NEXT = "auth_next_page"  # the page a deep link asked for, opened after sign-in

FAILURE_DELAY = 1.0  # seconds every wrong password costs
SESSION_LIMIT = (5, 60.0)  # at most 5 wrong passwords a minute in one session ...
ADDRESS_LIMIT = (20, 600.0)  # ... and 20 in ten minutes from one address (all its sessions)
NAME_CHARS = 80
MAX_ADDRESSES = 10_000  # addresses with recent wrong passwords kept in memory at most


def configured_password() -> str | None:
    """The shared password ($DASHBOARD_PASSWORD first, then secrets.toml), or None when unset.
    An empty value counts as unset."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    secrets = _secrets()
    value = secrets.get("password") if secrets else None
    return str(value) if value else None


def mode() -> str:
    """'oidc', 'password' or 'open' (see the module docstring)."""
    secrets = _secrets()
    if secrets and "auth" in secrets:
        return "oidc"
    return "password" if configured_password() else "open"


def _secrets():
    """st.secrets when a secrets.toml exists (a missing file is not an error here), else None."""
    return st.secrets if st.secrets.load_if_toml_exists() else None


def password_matches(given: str, expected: str) -> bool:
    """Constant-time comparison, so response times say nothing about how much was right."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def retry_after(failures: Sequence[float], now: float, limit: int, window: float) -> float:
    """Seconds until another attempt is allowed when at most `limit` failures may fall within
    any `window` seconds; 0 when an attempt is allowed now."""
    recent = sorted(t for t in failures if now - t < window)
    if len(recent) < limit:
        return 0.0
    return recent[-limit] + window - now


class _AddressLog:
    """Wrong passwords per client address, shared by every session of this server process:
    a reload (a new session) does not reset the count."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._times: dict[str, deque[float]] = {}

    def wait(self, address: str, now: float) -> float:
        with self._lock:
            return retry_after(self._times.get(address, ()), now, *ADDRESS_LIMIT)

    def record(self, address: str, now: float) -> None:
        with self._lock:
            self._forget_stale(now)
            times = self._times.pop(address, None) or deque(maxlen=ADDRESS_LIMIT[0])
            times.append(now)
            self._times[address] = times  # re-inserted: the dict stays ordered by last failure

    def _forget_stale(self, now: float) -> None:
        """Drop addresses whose last failure is out of the window, and the oldest beyond
        MAX_ADDRESSES, so that guesses from many addresses cannot grow the server's memory."""
        window = ADDRESS_LIMIT[1]
        for address in [a for a, t in self._times.items() if now - t[-1] >= window]:
            del self._times[address]
        while len(self._times) >= MAX_ADDRESSES:
            del self._times[next(iter(self._times))]

    def __len__(self) -> int:
        return len(self._times)


ADDRESSES = _AddressLog()


def _address() -> str:
    try:
        return st.context.ip_address or "local"
    except Exception:  # no client context (a bare script run)
        return "local"


def _wait(now: float) -> float:
    own = retry_after(st.session_state.get(_FAILURES, ()), now, *SESSION_LIMIT)
    return max(own, ADDRESSES.wait(_address(), now))


# --- the Streamlit edge ------------------------------------------------------------------------


def gate(page_urls: Sequence[str]) -> bool:
    """True when this session may see the dashboard. Otherwise the sign-in screen is drawn as
    the only page (the navigation lists nothing else) and False is returned: draw nothing more.
    `page_urls` are the dashboard's page URLs, so a deep link survives the sign-in."""
    how = mode()
    if how == "open":
        return True
    if how == "oidc":
        if st.user.get("is_logged_in"):
            st.session_state[REVIEWER] = str(
                st.user.get("email") or st.user.get("name") or st.user.get("sub") or ""
            )
            return True
        _only_page(_oidc_screen, page_urls)
        return False
    if st.session_state.get(_SIGNED_IN):
        return True
    _only_page(_password_screen, page_urls)
    return False


def account_box() -> None:
    """Who is signed in, and the sign-out button (in the sidebar); nothing when the dashboard
    is open."""
    how = mode()
    if how == "open":
        return
    from briefing.text import md_escape

    with st.sidebar:
        st.divider()
        who = st.session_state.get(REVIEWER)
        if who:
            st.caption(f"Signed in as {md_escape(who)}")
        # A callback, so the session is cleared before the rerun the click starts: one run draws
        # the sign-in screen, with no half-drawn page between (under load an st.rerun() from
        # the page body left an empty sidebar shell behind).
        st.button(
            "Sign out",
            key="auth_sign_out",
            icon=":material/logout:",
            width="stretch",
            on_click=sign_out,
            args=(how,),
        )


def sign_out(how: str) -> None:
    st.session_state.clear()  # filters, choices and the reviewer's name go too
    if how == "oidc":
        st.logout()


def _only_page(screen: Callable[[], None], page_urls: Sequence[str]) -> None:
    """Run `screen` as the app's only page. A deep link (/sources) keeps its address, under the
    same page name, so the page it asked for opens once signed in; no other name is sent."""
    ss = st.session_state
    if _NEXT not in ss:
        ss[_NEXT] = _requested_page(page_urls)
    pages = [st.Page(screen, title="Sign in", icon=":material/lock:", url_path="sign-in")]
    if ss[_NEXT]:
        pages.append(st.Page(screen, title="Sign in", icon=":material/lock:", url_path=ss[_NEXT]))
    st.navigation(pages, position="hidden").run()


def _requested_page(page_urls: Sequence[str]) -> str | None:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    wanted = ctx.pages_manager.intended_page_name if ctx else None
    return wanted if wanted in page_urls else None


def _password_screen() -> None:
    st.title("Briefing dashboard")
    st.caption("Sign in to open the dashboard.")
    with st.form("auth_form", enter_to_submit=True):
        name = st.text_input(
            "Your name",
            key="auth_name",
            max_chars=NAME_CHARS,
            help="Recorded with any review you make in this session.",
        )
        password = st.text_input("Password", key="auth_password", type="password")
        submitted = st.form_submit_button("Sign in", key="auth_submit", type="primary")
    if submitted:
        _attempt(name.strip(), password)


def _attempt(name: str, password: str) -> None:
    now = time.monotonic()
    wait = _wait(now)
    if wait > 0:
        st.error(f"Too many wrong passwords. Try again in {math.ceil(wait)} s.")
        return
    if not name:
        st.error("Enter your name.")
        return
    expected = configured_password()
    if expected is not None and password_matches(password, expected):
        ss = st.session_state
        ss[_SIGNED_IN] = True
        ss[REVIEWER] = name
        ss.pop(_FAILURES, None)
        ss.pop(_NEXT, None)
        st.rerun()
    st.session_state[_FAILURES] = [*st.session_state.get(_FAILURES, ()), now][-10:]
    ADDRESSES.record(_address(), now)
    time.sleep(FAILURE_DELAY)  # every guess costs time
    st.error("Wrong password.")


def _oidc_screen() -> None:
    st.title("Briefing dashboard")
    st.caption("Sign in with your organisation's account to open the dashboard.")
    from streamlit.auth_util import is_authlib_installed

    if not is_authlib_installed():
        st.error(
            "Sign-in is configured (`[auth]` in secrets.toml) but the Authlib package is not "
            "installed on the server: install it (`pip install Authlib`) and restart."
        )
        return
    if st.button("Sign in", key="auth_login", type="primary", icon=":material/login:"):
        st.login()
