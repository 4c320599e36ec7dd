"""A dateline whose date runs straight into the writer and the agency, and they into the
text ("Baku, Azerbaijan, Apr. 27By Ann Lee - Trend:The ministry said ..."): the place and
date are the dateline, the writer the byline, the agency the credit (split.py
`_DATE_THEN_BY`). Our own words."""

from __future__ import annotations

import datetime as dt

from etl.parse import parse_bytes

PAGE = (
    "Caspian ports agree on shared ferry timetable\n\n"
    "Baku, Azerbaijan, Apr. 27By Selin Araz - Trend:Port authorities of three Caspian states "
    "agreed on Monday to publish one ferry timetable from June, a transport official said.\n\n"
    "The timetable will be updated every week.\n"
)


def test_the_date_the_writer_and_the_agency_glued_together() -> None:
    dump = parse_bytes(PAGE.encode(), source="trend-2015-04-27.txt")
    story = dump.stories[0]
    assert story.dateline is not None
    assert story.dateline.raw == "Baku, Azerbaijan, Apr. 27"
    assert (story.dateline.place, story.dateline.country) == ("Baku", "AZ")
    assert story.dateline.date == dt.date(2015, 4, 27)
    assert story.byline is not None and story.byline.authors == ("Selin Araz",)
    assert story.agencies == ("Trend",)
    assert story.paragraphs[0].text.startswith("Port authorities of three Caspian states")


def test_no_agency_after_the_writer_is_no_such_line() -> None:
    page = PAGE.replace(" - Trend:", " - Reporter:")
    dump = parse_bytes(page.encode(), source="trend-2015-04-27.txt")
    assert all(s.agencies == () for s in dump.stories)
