"""`wire-archive ingest | reprocess | stats | db upgrade`: thin wrappers over etl.pipeline.

The pipeline (SQLAlchemy, pandas) and rich are imported inside the commands: building the
CLI for `wire-archive parse` must not pay for a database stack it never uses.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from etl.cli.options import add_batch_size, add_date, add_db, command

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from etl.model import RunSummary
    from etl.pipeline import Progress as ProgressCallback


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not seconds >= 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return seconds


def _workers(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if count < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return count


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def register(sub: argparse._SubParsersAction) -> None:
    p = command(
        sub,
        "ingest",
        "load landing files (folders recurse) into the archive",
        "Parse landing files and load their stories. A file whose bytes are already archived\n"
        "counts as a duplicate; a file that cannot be read or parsed is kept in `rejects`\n"
        "with a reason, and the run goes on. Creates the archive if it does not exist.",
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="landing files or folders: text, HTML, .gz, .zip, .tar.gz (folders recurse)",
    )
    add_db(p)
    add_batch_size(p)
    add_date(p, "--dump-date", "date of the dumps, overriding header, file name and metadata")
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="parse and load in a transaction, then roll it back (no teaser links)",
    )
    p.add_argument(
        "--settle-seconds",
        type=_seconds,
        default=None,
        metavar="S",
        help="leave files modified less than S seconds ago for a later run "
        "(default: $WIRE_ARCHIVE_SETTLE_SECONDS, else 60; 0 loads everything now)",
    )
    p.add_argument(
        "--workers",
        type=_workers,
        default=None,
        metavar="N",
        help="parse in N worker processes while this one loads (default: "
        "$WIRE_ARCHIVE_WORKERS, else one per core; 0 parses here); the archive is the same",
    )
    p.set_defaults(func=cmd_ingest)

    p = command(
        sub,
        "reprocess",
        "parse stored dumps again with the current parser",
        "Re-parse dumps the archive already holds (their raw bytes are kept), so a parser\n"
        "improvement reaches old data; stories that change get a new version.",
    )
    add_db(p)
    add_date(p, "--since", "first dump date to reprocess, inclusive (default: no lower bound)")
    add_date(p, "--until", "last dump date to reprocess, inclusive (default: no upper bound)")
    add_batch_size(p)
    p.set_defaults(func=cmd_reprocess)

    p = command(
        sub,
        "stats",
        "table counts and date ranges",
        "Row counts of every table, dump and story date ranges, rejects by reason.\n"
        "Read-only: it never creates or migrates a database.",
    )
    add_db(p)
    p.set_defaults(func=cmd_stats)

    p = command(sub, "db", "database administration", "Database administration.")
    dbsub = p.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    up = command(
        dbsub,
        "upgrade",
        "apply pending migrations",
        "Create the archive's tables, or bring an older archive to this version's schema.",
    )
    add_db(up)
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

    from etl.cli.render import plain

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
    if summary.deferred:
        rows.append(("deferred (not yet settled)", summary.deferred))
    for reason, count in sorted(summary.reject_reasons.items()):
        rows.append((f"  {reason}", count))
    rows += [
        ("stories new", summary.stories_new),
        ("stories seen again", summary.stories_seen),
        ("versions new", summary.versions_new),
        ("teasers linked", summary.teasers_linked),
    ]
    for name, value in rows:
        table.add_row(plain(name), plain(value))
    return table


def cmd_ingest(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.text import Text

    from etl import pipeline
    from etl.cli.render import plain

    console = Console(stderr=True)
    out = Console()
    deferred: dict[str, str] = {}
    try:
        with _progress(console, "ingest") as progress:
            summary = pipeline.ingest(
                args.paths,
                args.db,
                batch_size=args.batch_size,
                dry_run=args.dry_run,
                dump_date=args.dump_date,
                progress=progress,
                settle_seconds=args.settle_seconds,
                on_deferred=deferred.update,
                workers=args.workers,
            )
    except Exception as exc:
        console.print(Text("ingest failed: ", style="red") + plain(f"{type(exc).__name__}: {exc}"))
        return 1
    out.print(_summary_table(summary, "wire-archive ingest"))
    if deferred:
        from etl.landing import storable_name

        console.print(
            Text(f"deferred {len(deferred)} file(s) not yet settled; ", style="yellow")
            + Text("run again once they are settled (or pass --settle-seconds 0):")
        )
        for path, why in list(deferred.items())[:20]:
            console.print(Text("  ") + plain(storable_name(path)) + Text(f"  ({why})"))
        if len(deferred) > 20:
            console.print(f"  ... and {len(deferred) - 20} more")
    return 0


def cmd_reprocess(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.text import Text

    from etl import pipeline
    from etl.cli.render import plain

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
        console.print(
            Text("reprocess failed: ", style="red") + plain(f"{type(exc).__name__}: {exc}")
        )
        return 1
    Console().print(_summary_table(summary, "wire-archive reprocess"))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Read-only: it never creates or migrates the archive it is pointed at."""
    import sqlalchemy as sa
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from etl.archive.query import QueryError, read_engine, require_archive
    from etl.archive.stats import archive_stats
    from etl.cli.render import plain

    try:
        engine = read_engine(args.db)
        try:
            with engine.connect() as conn:
                require_archive(conn)
                stats = archive_stats(conn)
        finally:
            engine.dispose()
    except QueryError as exc:
        return _fail(str(exc))
    except sa.exc.SQLAlchemyError as exc:
        return _fail(str(QueryError.from_db(exc)))  # type: ignore[arg-type]
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
        console.print(Text("rejects ") + plain(reason) + Text(f": {count}"))
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
