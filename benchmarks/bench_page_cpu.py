"""Server CPU per page view: a real Streamlit server, Debian's chromium loading every page.

    python -m benchmarks.bench_page_cpu [--db WAREHOUSE] [--rounds 3] [--pages overview,figures]

Without --db, builds a warehouse from the shipped corpus (data/raw) with the real ETL first.
Starts `streamlit run app.py` on a free localhost port, then opens every page in a new browser
tab (a new session, as a colleague opening a link would) and waits until the script has run
and the page has drawn. The server's own CPU time (user + system, from /proc of its pid,
all threads) is read before and after each view, so other processes on a busy machine do not
count; the wall time does include them and is printed only as a hint.

Three passes, each page once per round:
- cold: the first view of each page after the server started (its caches empty);
- warm: the same pages again, same filters (what most of a briefing room does);
- filters changing: each view with a filter no earlier view used (every cache misses).
Aim: at most 0.1 s of server CPU per page view.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from playwright.sync_api import sync_playwright

from briefing.site import PAGES
from tests.e2e.screenshots import wait_for_app
from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, ROOT, streamlit_server

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process (all its threads), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def server_pid(port: int) -> int:
    """The pid of our own child `streamlit run` serving `port`."""
    me = os.getpid()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == me and b"streamlit" in cmdline and str(port).encode() in cmdline:
            return int(entry.name)
    raise RuntimeError(f"no streamlit child serving port {port}")


def build_shipped(folder: Path) -> Path:
    db = folder / "shipped.duckdb"
    subprocess.run(
        [sys.executable, "-m", "etl", "--input", str(ROOT / "data" / "raw"), "--db", str(db)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=900,
    )
    return db


def changing_filters(db: Path, count: int) -> list[str]:
    """`count` URL queries no two alike: a start date moving a day at a time through the data."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        (first,) = con.execute(
            "SELECT min(published_date) FROM articles WHERE published_date IS NOT NULL"
        ).fetchone()
    finally:
        con.close()
    return [f"?from={(first + timedelta(days=1 + i)).isoformat()}" for i in range(count)]


def view(browser, url: str, pid: int) -> tuple[float, float]:
    """Open `url` in a new tab; (server CPU seconds, wall seconds) until it has drawn."""
    tab = browser.new_page(viewport={"width": 1440, "height": 900})
    try:
        cpu, started = cpu_seconds(pid), time.perf_counter()
        tab.goto(url)
        wait_for_app(tab, timeout=120_000)
        return cpu_seconds(pid) - cpu, time.perf_counter() - started
    finally:
        tab.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="warehouse (default: build the shipped corpus)")
    parser.add_argument("--rounds", type=int, default=3, help="views of each page per pass")
    parser.add_argument("--pages", help="comma-separated url paths (default: every page)")
    args = parser.parse_args()
    pages = args.pages.split(",") if args.pages else [url for *_, url in PAGES]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build_shipped(Path(tmp))
        print(f"warehouse {db}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        queries = iter(changing_filters(db, len(pages) * args.rounds))
        passes = {"cold": [], "warm": [], "filters changing": []}
        with streamlit_server(db) as url, sync_playwright() as pw:
            pid = server_pid(int(url.rsplit(":", 1)[1]))
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            warm_up = browser.new_page()  # the browser's own start-up, before any timing
            warm_up.goto("about:blank")
            warm_up.close()
            results: dict[str, dict[str, list[tuple[float, float]]]] = {p: {} for p in passes}
            for name in passes:
                for _ in range(1 if name == "cold" else args.rounds):
                    for page in pages:
                        query = next(queries) if name == "filters changing" else ""
                        results[name].setdefault(page, []).append(
                            view(browser, f"{url}/{page}{query}", pid)
                        )
            browser.close()
        print(f"{'page':<12}" + "".join(f"{name:>28}" for name in passes))
        print(f"{'':<12}" + "".join(f"{'CPU s/view (wall s)':>28}" for _ in passes))
        for page in pages:
            cells = []
            for name in passes:
                runs = results[name][page]
                cpu = sum(c for c, _ in runs) / len(runs)
                wall = sum(w for _, w in runs) / len(runs)
                cells.append(f"{cpu:>20.3f} ({wall:>4.1f})")
            print(f"{page:<12}" + "".join(cells))
        means = []
        for name in passes:
            runs = [r for page in pages for r in results[name][page]]
            means.append(f"{sum(c for c, _ in runs) / len(runs):>27.3f} ")
        print(f"{'mean':<12}" + "".join(means))
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
