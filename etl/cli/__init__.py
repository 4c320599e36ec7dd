"""The `wire-archive` command: each subcommand lives in its own module and calls into etl."""

from __future__ import annotations

import argparse
import os
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
    except BrokenPipeError:
        # `wire-archive sql ... | head`: the reader left early, which is no error. Point
        # stdout at /dev/null so that the flush at exit has nowhere to fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
