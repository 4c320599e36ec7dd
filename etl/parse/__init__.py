"""The parser's front door: bytes or landing files -> ParsedDump (or Rejected).

Stages inside (read -> split -> normalise) are imported lazily so that importing one
normaliser module never drags in the whole parser; the archive, the DAG and the CLI use
only the functions below.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

from etl.model import DumpError, ParsedDump, RawInput, Rejected, RejectReason

if TYPE_CHECKING:
    from etl.model import DumpText
    from etl.parse.read import Limits

# Bump whenever a text rule changes: the archive stores it and `reprocess` compares it.
PARSER_VERSION = "2.24.0"

__all__ = ["PARSER_VERSION", "parse_bytes", "parse_path", "parse_raw", "parse_text"]


def parse_text(doc: DumpText, *, dump_date: dt.date | None = None, size: int = 0) -> ParsedDump:
    """Split decoded text into stories; `dump_date` overrides every date the dump carries."""
    from dataclasses import replace

    from etl.parse.dateline import match_dateline
    from etl.parse.dumpdate import parse_header, resolve_dump_date
    from etl.parse.lines import headline_candidate, is_stamp_line
    from etl.parse.split import split_text

    text = doc.text
    header = None
    stripped = text.lstrip("\n\r\t \ufeff")
    first_line = stripped.split("\n", 1)[0]
    if first_line.strip():
        header = parse_header(first_line)
    if header is not None:
        text = stripped.split("\n", 1)[1] if "\n" in stripped else ""
        if header.headline and (
            match_dateline(header.headline, None) is not None
            or is_stamp_line(header.headline)
            or not headline_candidate(header.headline, min_words=1)
        ):
            # " date 2018-05-12 JAKARTA - Villagers fled ...", " date 2020-01-27 Sunday, 9
            # February 2020", " date 2022-08-05 UrduPoint.com": the crawl put the story's
            # opening, the page's stamp or its site name on the header line: page text.
            line = header.line[: header.line.rindex(header.headline)].strip()
            header = replace(header, line=line, headline=None, rest=header.headline)
        if header.rest:
            text = header.rest + "\n" + text
    when = resolve_dump_date(
        override=dump_date, header=header, source=doc.source, meta_date=doc.meta_date
    )
    result = split_text(
        text,
        dump_date=when,
        headline=header.headline if header else None,
        meta_title=doc.meta_title,
        chrome=doc.chrome,
        subheads=doc.subheads,
    )
    return ParsedDump(
        source=doc.source,
        sha256=doc.sha256,
        format=doc.format,
        encoding=doc.encoding,
        dump_date=when,
        stories=result.stories,
        leftover=result.leftover,
        header=header.line if header else None,
        size=size,
        parser_version=PARSER_VERSION,
    )


def parse_raw(raw: RawInput, *, dump_date: dt.date | None = None) -> ParsedDump:
    """One dump's bytes -> its parse. Raises DumpError (also the container's own error)."""
    if raw.error is not None:
        raise raw.error
    from etl.parse.read import decode

    return parse_text(decode(raw), dump_date=dump_date, size=len(raw.data))


def parse_bytes(
    data: bytes, source: str = "<bytes>", *, dump_date: dt.date | None = None
) -> ParsedDump:
    """Parse bytes held in memory (tests, reprocessing stored dumps). Raises DumpError."""
    return parse_raw(RawInput(source=source, data=data), dump_date=dump_date)


def parse_path(
    path: str | os.PathLike[str],
    *,
    dump_date: dt.date | None = None,
    limits: Limits | None = None,
) -> Iterator[ParsedDump | Rejected]:
    """Every dump in one landing file; bad ones come out as Rejected, never as an exception
    (a parser bug, too, becomes a Rejected with reason "unreadable", so one odd dump cannot
    stop a batch; a missing path is the caller's bug and raises FileNotFoundError)."""
    from etl.parse.read import DEFAULT_LIMITS, iter_inputs

    for raw in iter_inputs(path, limits=limits or DEFAULT_LIMITS):
        try:
            result: ParsedDump | Rejected = parse_raw(raw, dump_date=dump_date)
        except DumpError as exc:
            result = _rejected(raw, exc.reason, exc.detail)
        except Exception as exc:  # a parser bug must not end the other dumps' parse
            detail = f"parser error {type(exc).__name__}: {exc}"
            result = _rejected(raw, RejectReason.UNREADABLE, detail)
        yield result


def _rejected(raw: RawInput, reason: RejectReason, detail: str) -> Rejected:
    return Rejected(
        source=raw.source,
        sha256=hashlib.sha256(raw.data).hexdigest(),
        reason=reason,
        detail=detail,
        data=raw.data,
    )
