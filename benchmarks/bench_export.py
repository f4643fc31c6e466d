"""How long slide exports and briefing packs take, with the dashboard's own code paths.

    .venv/bin/python benchmarks/bench_export.py [--db FILE] [--repeat N]

Times, on the warehouse (default data/warehouse.duckdb, no filters): the first chart export
(the browser starts), then each chart of the whole dashboard as a slide PNG and SVG once warm,
one page's pack (Stances) and the whole-dashboard pack, each best of --repeat runs. Prints
seconds and the targets from the slides issue (under 2 s per chart once warm, under 15 s for the
whole-dashboard pack). Not a test.
"""

from __future__ import annotations

import argparse
import logging
import resource
import statistics
import sys
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

logging.disable(logging.WARNING)  # Streamlit's "no runtime" notes outside a server
warnings.filterwarnings("ignore")

from briefing import deck, export, queries, ui, views  # noqa: E402
from briefing.filters import Filters  # noqa: E402


def timed(work) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=str(REPO / "data" / "warehouse.duckdb"), metavar="FILE")
    parser.add_argument("--repeat", type=int, default=3, metavar="N")
    args = parser.parse_args(argv)

    wh = queries.locate(args.db)
    if wh is None:
        print(f"no warehouse at {args.db}; build it with `make etl`", file=sys.stderr)
        return 1
    problem = export.RENDERER.unavailable()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    ctx = ui.build_context(wh, Filters(), queries.filter_options(wh))
    charts = views.whole_dashboard(ctx)
    about = ctx.credits("stances")

    cold, _ = timed(lambda: export.png_bytes(charts[0].figure, about))
    png = [timed(lambda c=c: export.png_bytes(c.figure, about))[0] for c in charts]
    svg = [timed(lambda c=c: export.svg_bytes(c.figure, about))[0] for c in charts]

    def page_pack() -> bytes:
        return deck.build(ctx, "Stances: current view", views.stances(ctx))

    def whole_pack() -> bytes:
        return deck.build(
            ctx, "Whole dashboard", views.whole_dashboard(ctx), quotes=deck.quote_slide(ctx)
        )

    page_runs = [timed(page_pack) for _ in range(args.repeat)]
    whole_runs = [timed(whole_pack) for _ in range(args.repeat)]
    size = len(whole_runs[-1][1])

    print(f"warehouse: {args.db} ({len(charts)} charts on the dashboard)")
    print(f"first chart export (starts the browser): {cold:6.2f} s")
    print(
        f"slide PNG once warm, per chart:          median {statistics.median(png):.2f} s, "
        f"slowest {max(png):.2f} s  (target < 2 s)"
    )
    print(
        f"SVG once warm, per chart:                median {statistics.median(svg):.2f} s, "
        f"slowest {max(svg):.2f} s"
    )
    print(
        f"one page's pack (Stances, 3 charts):     first {page_runs[0][0]:.2f} s, "
        f"best {min(t for t, _ in page_runs):.2f} s"
    )
    print(
        f"whole-dashboard pack:                    first {whole_runs[0][0]:.2f} s, "
        f"best {min(t for t, _ in whole_runs):.2f} s, {size / 1e6:.1f} MB  (target < 15 s)"
    )
    print("(the charts' queries were run once above, as the page runs them before a pack is made;")
    print(" 'first' still runs the evidence and source queries, later runs take them from cache)")
    print(
        f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    export.RENDERER.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
