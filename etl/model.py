"""Typed objects that pass between the pipeline's stages.

Everything here is plain data: no I/O, no database, no Airflow. The JSON shape
produced by :meth:`ParsedDump.to_json` is the public ``parse --json`` contract
described in DESIGN.md; fields may be added, never renamed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

Role = Literal["main", "related"]
ParagraphKind = Literal["text", "subhead"]
DateSource = Literal["dateline", "inferred_year", "page_date", "dump_date"]
DumpFormat = Literal["text", "html"]


class RejectReason(StrEnum):
    """Why an input could not be archived; stored verbatim in ``rejects.reason``."""

    EMPTY = "empty"
    BINARY = "binary"
    OVERSIZED = "oversized"
    UNDECODABLE = "undecodable"
    BOMB = "bomb"
    NO_TEXT = "no_text"
    NO_STORY = "no_story"
    CORRUPT_ARCHIVE = "corrupt_archive"
    UNREADABLE = "unreadable"
    LOAD_FAILED = "load_failed"  # the archive refused the parse (a constraint); bytes kept
    # Landing entries that give no bytes to keep (etl/landing.py); the path is the record.
    VANISHED = "vanished"  # gone between discovery and reading
    NOT_REGULAR = "not_regular"  # a FIFO, socket, device or folder where a file should be
    OUTSIDE_LANDING = "outside_landing"  # a symlink to a target outside the landing zone


class DumpError(Exception):
    """The one error the parser raises for bad input: a reason and a human detail."""

    def __init__(self, reason: RejectReason, detail: str) -> None:
        super().__init__(f"{reason.value}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
class RawInput:
    """One dump's raw bytes as found in the landing zone (a file or an archive member)."""

    source: str  # path as given, or "bundle.zip!member.txt" for archive members
    data: bytes
    error: DumpError | None = None  # set when the container itself could not yield bytes


@dataclass(frozen=True, slots=True)
class DumpText:
    """A dump decoded to text: LF line endings, one block per line."""

    source: str
    sha256: str
    format: DumpFormat
    encoding: str
    text: str
    meta_date: dt.date | None = None  # date found in HTML metadata, if any
    meta_title: str | None = None  # HTML <title> / og:title, if any
    # HTML blocks that are captions or related-link boxes: page furniture, never story text
    chrome: frozenset[str] = frozenset()
    # HTML headings (h2-h4) in the article's flow: subheads when they fall inside a story body
    subheads: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Byline:
    raw: str
    authors: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()  # agencies credited in the byline slot ("By AFP")

    def to_json(self) -> dict[str, Any]:
        return {"raw": self.raw, "authors": list(self.authors)}


@dataclass(frozen=True, slots=True)
class Dateline:
    raw: str
    place: str | None = None
    region: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    agencies: tuple[str, ...] = ()
    date: dt.date | None = None
    date_source: DateSource | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "raw": self.raw,
            "place": self.place,
            "region": self.region,
            "country": self.country,
            "agencies": list(self.agencies),
            "date": self.date.isoformat() if self.date else None,
            "date_source": self.date_source,
        }


@dataclass(frozen=True, slots=True)
class Paragraph:
    kind: ParagraphKind
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text}


@dataclass(frozen=True, slots=True)
class Story:
    position: int
    role: Role
    is_teaser: bool
    headline: str | None
    byline: Byline | None
    dateline: Dateline | None
    agencies: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]

    @property
    def text(self) -> str:
        """Paragraphs joined by blank lines: the story's body as one string."""
        return "\n\n".join(p.text for p in self.paragraphs)

    def to_json(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "role": self.role,
            "is_teaser": self.is_teaser,
            "headline": self.headline,
            "byline": self.byline.to_json() if self.byline else None,
            "agencies": list(self.agencies),
            "dateline": self.dateline.to_json() if self.dateline else None,
            "paragraphs": [p.to_json() for p in self.paragraphs],
        }


@dataclass(frozen=True, slots=True)
class ParsedDump:
    source: str
    sha256: str
    format: DumpFormat
    encoding: str
    dump_date: dt.date | None
    stories: tuple[Story, ...]
    leftover: tuple[str, ...] = ()
    header: str | None = None  # the raw header line (" date YYYY-MM-DD Headline"), if any
    size: int = 0  # bytes of the raw input
    parser_version: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "sha256": self.sha256,
            "format": self.format,
            "encoding": self.encoding,
            "dump_date": self.dump_date.isoformat() if self.dump_date else None,
            "header": self.header,
            "parser_version": self.parser_version,
            "stories": [s.to_json() for s in self.stories],
            "leftover": list(self.leftover),
        }


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input the parser refused, kept with its bytes so nothing is lost."""

    source: str
    sha256: str
    reason: RejectReason
    detail: str
    data: bytes


# The counts a run adds up batch by batch (teaser links are counted once, at the end).
RUN_COUNTS = (
    "files_seen",
    "dumps_loaded",
    "duplicates",
    "rejected",
    "dumps_reprocessed",
    "stories_new",
    "stories_seen",
    "versions_new",
)


@dataclass(slots=True)
class RunSummary:
    """What one pipeline run did; the counts add up: files_seen = loaded + duplicates + rejected."""

    run_id: int | None
    mode: Literal["new", "reprocess"] = "new"
    dry_run: bool = False
    status: Literal["running", "success", "failed"] = "running"
    files_seen: int = 0
    dumps_loaded: int = 0
    duplicates: int = 0
    rejected: int = 0
    dumps_reprocessed: int = 0
    stories_new: int = 0
    stories_seen: int = 0
    versions_new: int = 0
    teasers_linked: int = 0
    reject_reasons: dict[str, int] = field(default_factory=dict)
    # Landing files left for a later run because they were still being written: not read,
    # not in files_seen, not recorded anywhere in the archive.
    deferred: int = 0

    def merge(self, other: RunSummary) -> None:
        """Add another batch's counts into this summary."""
        for name in (*RUN_COUNTS, "teasers_linked"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for reason, count in other.reject_reasons.items():
            self.reject_reasons[reason] = self.reject_reasons.get(reason, 0) + count

    def outcome(self) -> str:
        """The result in one line, for whoever glances at a run in the Airflow UI.

        Every count that is not zero is named, so an empty run says why it is empty."""
        prefix = "dry run, nothing written: " if self.dry_run else ""
        if self.files_seen == 0:
            if self.mode == "reprocess":
                return prefix + "nothing to reprocess: no stored dump in the date range"
            return prefix + "nothing new: every landing file is already in the archive"
        if self.mode == "reprocess":
            done = self.files_seen if self.dry_run else self.dumps_reprocessed
            parts = [_counted(done, "dump") + " reprocessed"]
            parts += [] if self.dry_run else [_counted(self.stories_new, "new story")]
        else:
            parts = [f"{self.dumps_loaded} loaded", _counted(self.stories_new, "new story")]
            parts += [_counted(self.duplicates, "duplicate")] if self.duplicates else []
        parts += [f"{self.rejected} rejected"] if self.rejected else []
        if self.teasers_linked:
            parts.append(_counted(self.teasers_linked, "teaser") + " linked")
        return prefix + ", ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "mode": self.mode,
            "dry_run": self.dry_run,
            "status": self.status,
            "files_seen": self.files_seen,
            "dumps_loaded": self.dumps_loaded,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "dumps_reprocessed": self.dumps_reprocessed,
            "stories_new": self.stories_new,
            "stories_seen": self.stories_seen,
            "versions_new": self.versions_new,
            "teasers_linked": self.teasers_linked,
            "reject_reasons": dict(self.reject_reasons),
            "deferred": self.deferred,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RunSummary:
        return cls(**data)


def _counted(n: int, noun: str) -> str:
    """'1 duplicate', '3 duplicates', '2 new stories': counts in the UI read as English."""
    if n == 1:
        return f"1 {noun}"
    return f"{n} {noun[:-1]}ies" if noun.endswith("y") else f"{n} {noun}s"
