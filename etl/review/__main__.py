"""`python -m etl.review`: import reviews, export reviewed articles as gold, list the audit trail."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etl import review

DEFAULT_DB = Path("data/warehouse.duckdb")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m etl.review",
        description="Analysts' reviews of extracted rows. They live in a store beside the "
        "warehouse (<warehouse stem>.reviews.duckdb) that ETL runs never erase.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_db(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--db", type=Path, default=DEFAULT_DB, metavar="FILE", help=f"warehouse ({DEFAULT_DB})"
        )

    imp = commands.add_parser(
        "import",
        help="record reviews from a JSON Lines file and apply them to the warehouse",
        description='One JSON object per line: {"table": "stances", "id": "<stance_id>", '
        '"action": "reject", "reviewer": "ana", "note": "…"}; "correct" takes "set": {field: '
        'value}; "add" takes "article_id", "char_start", "char_end" and the row\'s fields in '
        '"set"; "confirm" takes only the id. Every line is checked first: one wrong line and '
        "nothing is recorded.",
    )
    imp.add_argument("file", type=Path, metavar="FILE", help="JSON Lines file ('-' for stdin)")
    imp.add_argument("--reviewer", help="reviewer for lines that name none")
    with_db(imp)

    exp = commands.add_parser(
        "export",
        help="write reviewed articles as gold files (corpus GOLD.md format)",
        description="One NAME.json per article with at least one review: its confirmed, "
        "corrected and added rows (rejected rows left out).",
    )
    exp.add_argument("--gold", type=Path, required=True, metavar="DIR", help="folder to write")
    exp.add_argument(
        "--force",
        action="store_true",
        help="replace gold files already in DIR (by default nothing is written then)",
    )
    exp.add_argument(
        "--include-unreviewed",
        action="store_true",
        help="also write the machine rows nobody reviewed",
    )
    with_db(exp)

    lst = commands.add_parser(
        "list", help="print the audit trail and the reviews that attach to no row"
    )
    lst.add_argument("--unattached", action="store_true", help="only unattached reviews")
    with_db(lst)
    return parser


def _import(args: argparse.Namespace) -> int:
    try:
        text = sys.stdin.read() if str(args.file) == "-" else args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: cannot read {args.file}: {exc}", file=sys.stderr)
        return 1
    try:
        done = review.import_lines(args.db, text.splitlines(), reviewer=args.reviewer)
    except review.RequestErrors as exc:
        print("error: nothing was imported; fix these lines:", file=sys.stderr)
        for message in exc.errors:
            print(f"  {message}", file=sys.stderr)
        return 1
    except review.WarehouseBusy as exc:
        print(f"warning: imported, but the warehouse is not updated yet: {exc}", file=sys.stderr)
        return 0
    except review.ReviewError as exc:
        print(f"error: nothing was imported: {exc}", file=sys.stderr)
        return 1
    print(f"Imported {len(done.reviews)} review(s) into {review.store_path(args.db)}")
    if done.applied is not None:
        rows = ", ".join(f"{t} {n}" for t, n in done.applied.rows.items())
        print(f"Warehouse updated: {rows}")
        _print_unattached(done.applied.unattached)
    return 0


def _print_unattached(found: tuple | list) -> None:
    if not found:
        return
    print(f"Unattached reviews: {len(found)}")
    for a in found:
        r = a.review
        print(f"  {r.review_id} {r.reviewer} {r.action} {r.table_name} {r.row_id}: {a.reason}")


def _export(args: argparse.Namespace) -> int:
    try:
        written = review.export_gold(
            args.db, args.gold, include_unreviewed=args.include_unreviewed, overwrite=args.force
        )
    except review.ReviewError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for item in written:
        extra = f" ({item.unreviewed} unreviewed row(s) left out)" if item.unreviewed else ""
        print(f"{item.path}: {item.rows} reviewed row(s){extra}")
    print(f"Wrote {len(written)} gold file(s) to {args.gold}")
    return 0


def _list(args: argparse.Namespace) -> int:
    lost = review.unattached(args.db)
    if not args.unattached:
        for r in review.read_reviews(args.db):
            note = f" — {r.note}" if r.note else ""
            print(f"{r.describe()}: {r.table_name} {r.row_id} ({r.source_path}){note}")
    _print_unattached(lost)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not args.db.is_file():
        print(f"error: warehouse not found: {args.db}", file=sys.stderr)
        return 1
    return {"import": _import, "export": _export, "list": _list}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
