"""Start a real `streamlit run app.py` on a free localhost port against a given warehouse."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# Browser tests skip without Debian's chromium, except in CI (BRIEFING_REQUIRE_TOOLS=1), where
# they run and fail so a broken install cannot pass unnoticed.
needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and os.environ.get("BRIEFING_REQUIRE_TOOLS") != "1",
    reason="Debian chromium not installed",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def streamlit_server(warehouse: Path, timeout: float = 60.0, env: dict | None = None):
    """Yield the base URL of a dashboard server reading `warehouse`; stop it afterwards.
    `env` adds to (or, with None values, removes from) the server's environment. Its output
    goes to a file, so a talkative server never blocks on a full pipe."""
    port = free_port()
    server_env = {
        **os.environ,
        "BRIEFING_DB": str(warehouse),
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
    }
    for name, value in (env or {}).items():
        if value is None:
            server_env.pop(name, None)
        else:
            server_env[name] = value
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=server_env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                output = log.read().decode(errors="replace")
                raise RuntimeError(f"streamlit did not start:\n{output}")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
