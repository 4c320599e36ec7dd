"""Where a dump's own date comes from: its header line, its file name, or its HTML metadata.

The dump date anchors datelines that give no year or no date at all, so it is resolved
once per dump, in a fixed order of trust (DESIGN.md): an explicit override, the crawler's
header line, the file name, then whatever the page's metadata claims.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# " date 2017-11-11 Headline": the crawler's header; the headline part may be empty.
# " date 2019-01 Headline": some crawls give the month only; that header has no date.
_HEADER = re.compile(
    r"^\s*date:?\s+(\d{4})-(\d{2})(?:-(\d{2}))?(?:\s+(.*?))?\s*$", re.IGNORECASE
)
_ISO_NAME = re.compile(
    r"(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)"
)


@dataclass(frozen=True, slots=True)
class Header:
    """The crawler's first line: the dump's date and the main story's headline."""

    line: str
    date: dt.date | None
    headline: str | None
    rest: str = ""  # a flattened page runs on after the date: that text is no headline

# A "headline" longer than this is a page flattened onto the header line.
MAX_HEADLINE_CHARS = 250


def _safe_date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_header(line: str) -> Header | None:
    """A header line, or None; an impossible date still makes it a header (date None)."""
    match = _HEADER.match(line)
    if match is None:
        return None
    year, month, day, headline = match.groups()
    date = _safe_date(year, month, day) if day else None
    if headline and len(headline) > MAX_HEADLINE_CHARS:
        return Header(line=line[: match.start(4)].strip(), date=date, headline=None,
                      rest=headline)
    return Header(line=line.strip(), date=date, headline=(headline or "").strip() or None)


def date_from_name(source: str) -> dt.date | None:
    """A date in the file name: for "bundle.zip!dir/member.txt" the member wins, then the
    bundle; directories are ignored because crawl folders carry crawl dates, not dump dates."""
    parts = source.split("!")
    for part in reversed(parts):
        base = re.split(r"[\\/]", part)[-1]
        for match in _ISO_NAME.finditer(base):
            found = _safe_date(*match.groups())
            if found is not None:
                return found
    return None


def resolve_dump_date(
    *,
    override: dt.date | None,
    header: Header | None,
    source: str,
    meta_date: dt.date | None,
) -> dt.date | None:
    """The first date that the order of trust yields, else None (never a guess)."""
    if override is not None:
        return override
    if header is not None and header.date is not None:
        return header.date
    from_name = date_from_name(source)
    if from_name is not None:
        return from_name
    return meta_date
