"""Server CPU per page view: a real Streamlit server, Debian's chromium loading every page.

    python -m benchmarks.bench_page_cpu [--db WAREHOUSE] [--rounds 2] [--pages overview,figures]
                                        [--compare OTHER_CHECKOUT]

Without --db, builds a warehouse from the shipped corpus (data/raw) with the real ETL first.
Starts `streamlit run app.py` on a free localhost port, then opens every page in a new browser
tab (a new session, as a colleague opening a link would) and waits until the script has run
and the page has drawn. The server's own CPU time (user + system, from /proc of its pid,
all threads) is read before and after each view, so other processes on a busy machine do not
count; the wall time does include them and is printed only as a hint.

Views share one browser profile (a new tab each), so the app's scripts are fetched once, as a
returning colleague's browser has them. Three passes, each page once per round:
- cold: the first view of each page after the server started (its caches empty; the first
  view also serves the front end's files);
- warm: the same pages again, same filters (what most of a briefing room does);
- filters changing: each view with a filter no earlier view used (every cache misses).
With --compare, a second server runs the same app from another checkout (say, main before a
change) on the same warehouse, and each view goes to both servers in turn, so a machine whose
load changes during the run weighs on both alike. Each view's figures are printed as it ends.
Aim: at most 0.1 s of server CPU per page view.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack, closing, contextmanager
from datetime import timedelta
from pathlib import Path

from playwright.sync_api import sync_playwright

from briefing.site import PAGES
from tests.e2e.screenshots import wait_for_app
from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, ROOT, free_port

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process (all its threads), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


@contextmanager
def server(checkout: Path, warehouse: Path, log: Path):
    """`streamlit run app.py` of `checkout` on a free port: (url, pid) until the block ends."""
    port = free_port()
    env = {
        **os.environ,
        "BRIEFING_DB": str(warehouse),
        "PYTHONPATH": str(checkout),
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
    }
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true",
             "--server.fileWatcherType", "none"],
            cwd=checkout, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit did not start: see {log}")
                time.sleep(0.3)
            yield url, process.pid
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


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
    tab = browser.new_page()
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
    parser.add_argument("--rounds", type=int, default=2, help="views of each page per pass")
    parser.add_argument("--pages", help="comma-separated url paths (default: every page)")
    parser.add_argument("--compare", type=Path, help="another checkout to serve beside this one")
    args = parser.parse_args()
    pages = args.pages.split(",") if args.pages else [url for *_, url in PAGES]
    checkouts = {"this": ROOT, **({"other": args.compare.resolve()} if args.compare else {})}
    passes = ("cold", "warm", "filters changing")
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        db = args.db or build_shipped(Path(tmp))
        print(f"warehouse {db}; servers: " + ", ".join(f"{k} = {v}" for k, v in checkouts.items()))
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
        queries = iter(changing_filters(db, len(pages) * args.rounds))
        servers = {
            name: stack.enter_context(server(root, db, Path(tmp) / f"{name}.log"))
            for name, root in checkouts.items()
        }
        pw = stack.enter_context(sync_playwright())
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # One browser profile, a new tab per view: a colleague's browser keeps the app's
        # scripts and styles after the first page, as a real one does (a new profile per view
        # would also count serving the whole front end every time).
        browser = stack.enter_context(
            closing(browser.new_context(viewport={"width": 1440, "height": 900}))
        )
        warm_up = browser.new_page()  # the browser's own start-up, before any timing
        warm_up.goto("about:blank")
        warm_up.close()
        cpu: dict[tuple[str, str, str], list[float]] = {}
        for phase in passes:
            for _ in range(1 if phase == "cold" else args.rounds):
                for page in pages:
                    query = next(queries) if phase == "filters changing" else ""
                    for name, (url, pid) in servers.items():
                        seconds, wall = view(browser, f"{url}/{page}{query}", pid)
                        cpu.setdefault((phase, page, name), []).append(seconds)
                        print(
                            f"  {phase:<17}{page:<12}{name:<6} {seconds:6.3f} s CPU "
                            f"({wall:5.1f} s wall, load {os.getloadavg()[0]:.1f})",
                            flush=True,
                        )
    names = list(checkouts)
    print("\nserver CPU seconds per page view (mean)")
    print(f"{'page':<12}" + "".join(f"{p + ' (' + n + ')':>26}" for p in passes for n in names))
    for page in pages + ["mean"]:
        cells = []
        for phase in passes:
            for name in names:
                runs = (
                    [c for pg in pages for c in cpu[(phase, pg, name)]]
                    if page == "mean"
                    else cpu[(phase, page, name)]
                )
                cells.append(f"{sum(runs) / len(runs):>26.3f}")
        print(f"{page:<12}" + "".join(cells))
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
