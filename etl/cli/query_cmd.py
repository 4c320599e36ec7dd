"""`wire-archive sql`, `search` and `export`: the archive for people at a terminal.

On a terminal results are rich tables; in a pipe they default to CSV so that scripts
get a machine format without asking. Any failure is one line on stderr and exit code 1.
The archive's query layer (SQLAlchemy) is imported inside the commands, so that building
the CLI for other subcommands stays cheap.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from etl.cli.options import add_date, add_db, command, positive

if TYPE_CHECKING:
    from etl.archive.query import QueryResult

# Package data, so that an installed wheel has them too; sql/queries in a checkout links here.
QUERIES = Path(__file__).resolve().parents[1] / "queries"


def register(sub: argparse._SubParsersAction) -> None:
    sql = command(
        sub,
        "sql",
        "run SQL (or an example query file) against the archive",
        "Run one SQL statement, read-only unless --write. Named parameters (:place) take\n"
        "values from --param place=Beirut; a query file's header declares their types and\n"
        "defaults. Example files ship with the package: see --list.",
    )
    sql.add_argument("statement", nargs="?", help="the SQL to run (or use --file)")
    sql.add_argument(
        "--file",
        "-f",
        metavar="FILE",
        help="a .sql file, or the name of an example query (with or without .sql)",
    )
    sql.add_argument("--list", action="store_true", help="list the example queries and exit")
    _common(sql)
    sql.add_argument(
        "--param",
        "-p",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind :NAME (repeatable); NAME:int=5 types an ad-hoc value "
        "(types: text, int, float, date; default: none bound)",
    )
    sql.add_argument(
        "--write",
        action="store_true",
        help="allow statements that change data (default: read-only)",
    )
    sql.set_defaults(func=cmd_sql)

    search = command(
        sub,
        "search",
        "ranked full-text search over headlines and story text",
        'All words must match; "quoted phrases" match as phrases, OR joins alternatives,\n'
        "-word excludes. Put -- before terms that start with a dash.",
    )
    search.add_argument(
        "terms", metavar="TERMS", help='e.g. "ceasefire talks" or \'"border town" -rumour\''
    )
    _common(search)
    add_date(search, "--since", "dateline date on or after (default: no lower bound)")
    add_date(search, "--until", "dateline date on or before (default: no upper bound)")
    search.add_argument("--agency", metavar="CODE", help="credited agency code, e.g. AFP")
    search.add_argument("--place", metavar="PLACE", help="dateline place, e.g. Beirut")
    search.add_argument(
        "--limit", type=positive, default=20, metavar="N", help="at most N hits (default: 20)"
    )
    search.set_defaults(func=cmd_search)

    export = command(
        sub,
        "export",
        "write story_full rows for a date range to Parquet or CSV",
        "Write one row per story (the story_full view) to a file; the suffix picks the format.\n"
        "The file appears only when complete.",
    )
    export.add_argument(
        "--to", required=True, metavar="FILE", help="out.parquet or out.csv (by suffix)"
    )
    add_db(export)
    add_date(export, "--since", "dateline date on or after (default: no lower bound)")
    add_date(export, "--until", "dateline date on or before (default: no upper bound)")
    export.set_defaults(func=cmd_export)


def _common(parser: argparse.ArgumentParser) -> None:
    add_db(parser)
    parser.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        help="output format (default: table on a terminal, csv in a pipe)",
    )


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def _resolve_file(name: str) -> Path:
    """A path as given, else a file of that name among the example queries."""
    path = Path(name)
    if path.is_file():
        return path
    for candidate in (QUERIES / name, QUERIES / f"{name}.sql"):
        if candidate.is_file():
            return candidate
    from etl.archive.query import QueryError

    raise QueryError(f"no query file {name!r} (see `wire-archive sql --list`)")


def _print(result: QueryResult, fmt: str | None) -> None:
    from etl.archive.query import write_csv, write_json

    fmt = fmt or ("table" if sys.stdout.isatty() else "csv")
    if fmt == "csv":
        write_csv(result, sys.stdout)
    elif fmt == "json":
        write_json(result, sys.stdout)
    else:
        _table(result)


def _table(result: QueryResult) -> None:
    from rich.console import Console
    from rich.table import Table

    from etl.cli.render import cell, plain

    console = Console()
    if not result.columns:
        console.print("done (no rows returned)")
        return
    table = Table(show_lines=False, header_style="bold")
    for name in result.columns:
        table.add_column(plain(name), overflow="fold")
    for row in result.rows:
        table.add_row(*(cell(v) for v in row))
    console.print(table)
    noun = "row" if len(result.rows) == 1 else "rows"
    console.print(f"({len(result.rows)} {noun})", style="dim")


def _list_queries() -> int:
    from rich.console import Console
    from rich.table import Table

    from etl.archive.query import query_files
    from etl.cli.render import plain

    table = Table(header_style="bold")
    table.add_column("file", no_wrap=True)
    table.add_column("answers")
    table.add_column("parameters (defaults)")
    for query in query_files(QUERIES):
        params = ", ".join(f"{p.name}={p.default}" for p in query.params)
        name = query.path.name + (f" [{query.backend}]" if query.backend else "")
        table.add_row(plain(name), plain(query.title), plain(params))
    Console().print(table)
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    import sqlalchemy as sa

    from etl.archive.query import (
        QueryError,
        QueryParam,
        check_backend,
        execute,
        load_query_file,
        parse_param_args,
        read_engine,
    )

    if args.list:
        return _list_queries()
    if bool(args.statement) == bool(args.file):
        return _fail("give either a SQL statement or --file (not both)")
    try:
        params = parse_param_args(args.param)
        declared: tuple[QueryParam, ...] = ()
        if args.file:
            query = load_query_file(_resolve_file(args.file))
            sql, declared = query.sql, query.params
        else:
            query, sql = None, args.statement
        engine = read_engine(args.db, write=args.write)
        try:
            with engine.connect() as conn:
                if query is not None:
                    check_backend(query, conn.dialect.name)
                result = execute(conn, sql, params, declared, write=args.write)
                if args.write:
                    conn.commit()
        finally:
            engine.dispose()
    except QueryError as exc:
        return _fail(str(exc))
    except sa.exc.SQLAlchemyError as exc:  # connection failures and the like: one line
        return _fail(str(QueryError.from_db(exc)))  # type: ignore[arg-type]
    _print(result, args.format)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from etl.archive.query import QueryError, QueryResult
    from etl.archive.search import SearchFilters, search

    filters = SearchFilters(
        since=args.since, until=args.until, agency=args.agency, place=args.place
    )
    try:
        hits = search(args.db, args.terms, filters, limit=args.limit)
    except QueryError as exc:
        return _fail(str(exc))
    fmt = args.format or ("table" if sys.stdout.isatty() else "csv")
    if fmt == "json":
        records = [
            {
                "story_id": h.story_id,
                "rank": round(h.rank, 6),
                "date": h.date.isoformat() if h.date else None,
                "place": h.place,
                "country": h.country,
                "agencies": list(h.agencies),
                "is_teaser": h.is_teaser,
                "headline": h.headline,
                "snippet": h.snippet,
            }
            for h in hits
        ]
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    result = QueryResult(
        columns=("story_id", "rank", "date", "place", "agencies", "headline", "snippet"),
        rows=[
            (
                h.story_id,
                round(h.rank, 4),
                h.date,
                h.place,
                ", ".join(h.agencies),
                h.headline or ("(teaser)" if h.is_teaser else ""),
                h.snippet,
            )
            for h in hits
        ],
    )
    _print(result, fmt)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from etl.archive.query import QueryError, export_stories

    try:
        count = export_stories(args.db, args.to, since=args.since, until=args.until)
    except QueryError as exc:
        return _fail(str(exc))
    print(f"wrote {count} stories to {args.to}", file=sys.stderr)
    return 0
