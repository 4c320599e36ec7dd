"""The `wire-archive` command: each subcommand lives in its own module and calls into etl."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from etl.cli import archive_cmd, parse_cmd, query_cmd


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wire-archive",
        description="Archive news-wire dumps into relational tables.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (parse_cmd, archive_cmd, query_cmd):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
