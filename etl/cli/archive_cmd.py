"""`wire-archive ingest | reprocess | stats | db upgrade`: thin wrappers over etl.pipeline.

The pipeline (SQLAlchemy, pandas) and rich are imported inside the commands: building the
CLI for `wire-archive parse` must not pay for a database stack it never uses.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from etl.model import RunSummary
    from etl.pipeline import Progress as ProgressCallback


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    db_help = "database URL (default: $WIRE_ARCHIVE_DATABASE_URL, else var/wire_archive.sqlite)"

    p = sub.add_parser("ingest", help="load landing files (folders recurse) into the archive")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--db", dest="db", help=db_help)
    p.add_argument("--batch-size", type=_positive, default=200)
    p.add_argument("--dump-date", type=_date, help="date of the dumps, overriding their own")
    p.add_argument("--dry-run", action="store_true", help="parse and load, then roll back")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("reprocess", help="parse stored dumps again with the current parser")
    p.add_argument("--db", dest="db", help=db_help)
    p.add_argument("--since", type=_date, help="first dump date (inclusive)")
    p.add_argument("--until", type=_date, help="last dump date (inclusive)")
    p.add_argument("--batch-size", type=_positive, default=200)
    p.set_defaults(func=cmd_reprocess)

    p = sub.add_parser("stats", help="table counts and date ranges")
    p.add_argument("--db", dest="db", help=db_help)
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("db", help="database administration")
    dbsub = p.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    up = dbsub.add_parser("upgrade", help="apply pending migrations")
    up.add_argument("--db", dest="db", help=db_help)
    up.set_defaults(func=cmd_db_upgrade)


@contextmanager
def _progress(console: Console, label: str) -> Iterator[ProgressCallback | None]:
    """A live bar on a terminal; nothing when piped (logs stay clean)."""
    if not console.is_terminal:
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int, _summary: RunSummary) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _summary_table(summary: RunSummary, title: str) -> Table:
    from rich.table import Table

    table = Table(title=title, show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [
        ("run id", summary.run_id if summary.run_id is not None else "-"),
        ("status", summary.status + (" (dry run, rolled back)" if summary.dry_run else "")),
        ("files (dumps incl. archive members)", summary.files_seen),
    ]
    if summary.mode == "reprocess":
        rows.append(("dumps reprocessed", summary.dumps_reprocessed))
    else:
        rows += [("dumps loaded", summary.dumps_loaded), ("duplicates", summary.duplicates)]
    rows.append(("rejected", summary.rejected))
    for reason, count in sorted(summary.reject_reasons.items()):
        rows.append((f"  {reason}", count))
    rows += [
        ("stories new", summary.stories_new),
        ("stories seen again", summary.stories_seen),
        ("versions new", summary.versions_new),
        ("teasers linked", summary.teasers_linked),
    ]
    for name, value in rows:
        table.add_row(name, str(value))
    return table


def cmd_ingest(args: argparse.Namespace) -> int:
    from rich.console import Console

    from etl import pipeline

    console = Console(stderr=True)
    out = Console()
    try:
        with _progress(console, "ingest") as progress:
            summary = pipeline.ingest(
                args.paths,
                args.db,
                batch_size=args.batch_size,
                dry_run=args.dry_run,
                dump_date=args.dump_date,
                progress=progress,
            )
    except Exception as exc:
        console.print(f"[red]ingest failed:[/red] {type(exc).__name__}: {exc}")
        return 1
    out.print(_summary_table(summary, "wire-archive ingest"))
    return 0


def cmd_reprocess(args: argparse.Namespace) -> int:
    from rich.console import Console

    from etl import pipeline

    console = Console(stderr=True)
    try:
        with _progress(console, "reprocess") as progress:
            summary = pipeline.reprocess(
                args.db,
                since=args.since,
                until=args.until,
                batch_size=args.batch_size,
                progress=progress,
            )
    except Exception as exc:
        console.print(f"[red]reprocess failed:[/red] {type(exc).__name__}: {exc}")
        return 1
    Console().print(_summary_table(summary, "wire-archive reprocess"))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from etl import pipeline
    from etl.archive import db
    from etl.archive.stats import archive_stats

    url = args.db or pipeline.default_database_url()
    db.upgrade(url)
    with db.get_engine(url).connect() as conn:
        stats = archive_stats(conn)
    table = Table(title="wire-archive stats")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in stats.counts.items():
        table.add_row(name, str(count))
    console = Console()
    console.print(table)
    console.print(f"dump dates:  {stats.dump_dates[0] or '-'} .. {stats.dump_dates[1] or '-'}")
    console.print(f"story dates: {stats.story_dates[0] or '-'} .. {stats.story_dates[1] or '-'}")
    for reason, count in sorted(stats.reject_reasons.items()):
        console.print(f"rejects {reason}: {count}")
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from etl import pipeline
    from etl.archive import db

    url = args.db or pipeline.default_database_url()
    before = db.current_revision(url)
    after = db.upgrade(url)
    if before == after:
        print(f"database already at {after}")
    else:
        print(f"database upgraded {before or '(empty)'} -> {after}")
    return 0
