"""Options shared by several subcommands, so that each is spelled and explained once."""

from __future__ import annotations

import argparse
import datetime as dt

DB_HELP = (
    "database URL: sqlite:///path/to/file.sqlite or postgresql://user[:password]@host/db "
    "(default: $WIRE_ARCHIVE_DATABASE_URL, else sqlite:///var/wire_archive.sqlite, "
    "relative to the current directory)"
)


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", help=DB_HELP)


def add_batch_size(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--batch-size",
        type=positive,
        default=200,
        metavar="N",
        help="dumps per database transaction (default: 200)",
    )


def add_date(parser: argparse.ArgumentParser, flag: str, meaning: str) -> None:
    parser.add_argument(flag, type=iso_date, metavar="YYYY-MM-DD", help=meaning)


def command(
    sub: argparse._SubParsersAction, name: str, summary: str, description: str
) -> argparse.ArgumentParser:
    """A subcommand whose --help shows its description as written and every default."""
    return sub.add_parser(  # type: ignore[no-any-return]
        name,
        help=summary,
        description=description,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
