"""`wire-archive parse FILE...`: show how the parser reads dumps, without any database.

JSON Lines output (--json) is the public parse contract (DESIGN.md); the default is a
short human summary. Bad files are reported on stderr and make the exit code 1, but
never stop the other files from being parsed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TextIO

from etl.cli.options import add_date, command
from etl.model import ParsedDump, Rejected


def register(sub: argparse._SubParsersAction) -> None:
    parser = command(
        sub,
        "parse",
        "parse dump files and print their stories",
        "Parse landing files (text, HTML, .gz, .zip, .tar.gz) and print each dump, without\n"
        "any database. --json prints the parse contract, one JSON object per dump.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="dump or bundle files")
    parser.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per dump, JSON Lines (default: a short summary)",
    )
    add_date(parser, "--dump-date", "date of the dumps, overriding header, file name and metadata")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except BrokenPipeError:  # `wire-archive parse ... | head`: the reader left, not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the exit-time flush has nowhere to fail
        return 0


def _run(args: argparse.Namespace) -> int:
    from etl.parse import parse_path

    bad = False
    out = sys.stdout
    for name in args.files:
        try:
            # Streamed: a bundle of thousands of members is printed as it is read.
            for result in parse_path(name, dump_date=args.dump_date):
                if isinstance(result, Rejected):
                    reason = result.reason.value
                    print(f"{result.source}: {reason}: {result.detail}", file=sys.stderr)
                    bad = True
                elif args.json:
                    out.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
                else:
                    _summary(result, out)
        except OSError as exc:  # missing file, a directory, no permission
            if isinstance(exc, BrokenPipeError):
                raise
            why = "no such file" if isinstance(exc, FileNotFoundError) else exc.strerror or exc
            print(f"{name}: unreadable: {why}", file=sys.stderr)
            bad = True
        out.flush()
    return 1 if bad else 0


def _summary(dump: ParsedDump, out: TextIO) -> None:
    """A few lines per dump; plain text so it reads the same in a pipe and a terminal."""
    date = dump.dump_date.isoformat() if dump.dump_date else "-"
    out.write(
        f"{dump.source}  [{dump.format}, {dump.encoding}, dump date {date}, "
        f"{len(dump.stories)} stories, {len(dump.leftover)} leftover]\n"
    )
    for story in dump.stories:
        flag = " teaser" if story.is_teaser else ""
        out.write(f"  #{story.position} {story.role}{flag}: {story.headline or '(no headline)'}\n")
        line = story.dateline
        if line is not None:
            where = ", ".join(x for x in (line.place, line.region, line.country) if x) or "-"
            when = line.date.isoformat() if line.date else "-"
            out.write(f"      dateline {line.raw!r}: {where}; {when} ({line.date_source or '-'})\n")
        if story.byline is not None:
            authors = ", ".join(story.byline.authors) or "-"
            out.write(f"      byline {story.byline.raw!r}: {authors}\n")
        agencies = ", ".join(story.agencies) or "-"
        subheads = sum(1 for p in story.paragraphs if p.kind == "subhead")
        out.write(
            f"      agencies {agencies}; {len(story.paragraphs)} paragraphs"
            f" ({subheads} subheads)\n"
        )
