"""ParsedDumps built by hand, so loader tests do not depend on parser rules."""

from __future__ import annotations

import datetime as dt
import hashlib

from etl.model import Byline, Dateline, Paragraph, ParsedDump, Story


def story(
    text: str,
    *,
    position: int = 0,
    teaser: bool = False,
    place: str = "Nairobi",
    day: dt.date = dt.date(2017, 11, 3),
    headline: str | None = "Council approves flood plan",
    authors: tuple[str, ...] = ("Ana Okafor",),
    agencies: tuple[str, ...] = ("AFP",),
    subhead: str | None = None,
) -> Story:
    paras = [Paragraph("text", p) for p in text.split("\n\n")]
    if subhead:
        paras.insert(1, Paragraph("subhead", subhead))
    return Story(
        position=position,
        role="related" if teaser else "main",
        is_teaser=teaser,
        headline=None if teaser else headline,
        byline=Byline("By " + " and ".join(authors), authors) if authors and not teaser else None,
        dateline=Dateline(
            f"{place} (AFP) {day:%b} {day.day}, {day.year}",
            place,
            None,
            "KE",
            agencies,
            day,
            "dateline",
        ),
        agencies=agencies,
        paragraphs=tuple(paras),
    )


def dump(
    name: str, *stories: Story, day: dt.date = dt.date(2017, 11, 3)
) -> tuple[ParsedDump, bytes]:
    raw = ("\n".join(s.text for s in stories) + name).encode()
    parsed = ParsedDump(
        source=name,
        sha256=hashlib.sha256(raw).hexdigest(),
        format="text",
        encoding="utf-8",
        dump_date=day,
        stories=tuple(
            Story(
                i, s.role, s.is_teaser, s.headline, s.byline, s.dateline, s.agencies, s.paragraphs
            )
            for i, s in enumerate(stories)
        ),
        leftover=("Related Links",),
        parser_version="test",
        size=len(raw),
    )
    return parsed, raw
