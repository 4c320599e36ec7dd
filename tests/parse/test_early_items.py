"""A listing whose first items carry no dateline (split.py `_earlier_item`), in our own words.

The page's first datelined story is not its main story when titled items with their own text
stand above it: those items open the page, in page order, and nothing of them is leftover.
"""

from __future__ import annotations

import datetime as dt

from etl.parse import parse_bytes

RECENT_POSTS = """Skip to content

Harbour News

Tidal surge floods the lower quay for the third time this winter

Shopkeepers on the lower quay spent the morning sweeping out water after another high tide \
topped the sea wall overnight, the council said.

Council weighs a toll on the old swing bridge

HALIFAX, N.S. — Councillors will vote next month on a small toll for cars crossing the old \
swing bridge, which needs repairs the city cannot pay for.

Ferry crews ratify a three-year contract

DARTMOUTH, N.S. — Ferry deckhands and engineers have voted to accept a new agreement that \
raises wages by eleven percent over three years.
"""


def _parse(text: str, source: str = "page.txt"):
    return parse_bytes(text.encode("utf-8"), source=source)


def test_undated_first_item_opens_the_page() -> None:
    dump = _parse(RECENT_POSTS)
    assert [s.headline for s in dump.stories] == [
        "Tidal surge floods the lower quay for the third time this winter",
        "Council weighs a toll on the old swing bridge",
        "Ferry crews ratify a three-year contract",
    ]
    first, second = dump.stories[0], dump.stories[1]
    assert first.dateline is None
    assert first.paragraphs[0].text.startswith("Shopkeepers on the lower quay")
    assert second.dateline is not None and second.dateline.place == "Halifax"
    assert "Skip to content" in dump.leftover and "Harbour News" in dump.leftover
    assert not any(line.startswith("Tidal surge") for line in dump.leftover)


def test_title_printed_twice_and_stamps_between_items() -> None:
    text = """Author Archives:

Gallery owners rally behind a shuttered arts centre downtown

Gallery owners rally behind a shuttered arts centre downtown

Owners of nine small galleries have written to the mayor asking for the arts centre to \
reopen before the spring festival season begins.
Mar 4, 2021
Province trims the wait for hip surgery

REGINA — Patients waiting for hip replacements in the province will be seen within six \
months under a plan announced on Thursday.
Mar 4, 2021
Grain terminal adds a second rail loop

MOOSE JAW, Sask. — A grain terminal west of the city will build a second rail loop so \
longer trains can load without blocking the main line.
"""
    dump = _parse(text)
    assert [s.headline for s in dump.stories][:2] == [
        "Gallery owners rally behind a shuttered arts centre downtown",
        "Province trims the wait for hip surgery",
    ]
    assert dump.stories[0].paragraphs[0].text.startswith("Owners of nine small galleries")
    assert dump.stories[1].dateline is not None and dump.stories[1].dateline.place == "Regina"


ARTICLE_WITH_PHOTO = """Home Nation

Rail link to the airport will open two years early, transport minister tells parliament

Work on the airport line is ahead of schedule and the first trains could run in the spring \
of next year, the minister told members on Wednesday.

Transport Minister Alma Reyes

Transport Minister Alma Reyes (File Photo | PTI)

By PTI

NEW DELHI: The airport rail link will open two years ahead of its original date, transport \
minister Alma Reyes said on Wednesday.

She said the tunnelling had finished in March and that track laying was under way.
"""


def test_a_photo_caption_printed_twice_is_no_item() -> None:
    """Headline, standfirst, the picture's title and its credited caption: one story; the
    title over the standfirst is no listing's item, since its neighbour is a caption."""
    dump = _parse(ARTICLE_WITH_PHOTO)
    assert len(dump.stories) == 1
    main = dump.stories[0]
    assert main.dateline is not None and main.dateline.place == "New Delhi"


def test_a_section_label_over_a_site_blurb_is_no_item() -> None:
    """A short label over the site's own description: furniture, not a story."""
    text = """Dispatches from the capital

The following is a summary of the main stories our desk has filed today, updated through \
the afternoon as new reports come in.

Dock workers end a week-long strike at the southern port

BUSAN, March 3 (Yonhap) -- Dock workers at the country's largest container port returned \
to work on Friday after a week-long strike over shift rules.

Exporters said the stoppage had delayed about 40,000 containers.
"""
    dump = _parse(text)
    assert dump.stories[0].headline == "Dock workers end a week-long strike at the southern port"
    assert dump.stories[0].dateline is not None


def test_a_header_that_names_the_headline_wins() -> None:
    """A crawl's header names the page's headline: the item above it is not the page's
    opening story, whatever its shape."""
    text = " date 2021-03-04 Council weighs a toll on the old swing bridge\n" + RECENT_POSTS
    dump = _parse(text)
    assert dump.stories[0].headline == "Council weighs a toll on the old swing bridge"


# -- a list of untitled items, each under its stamp or its credit (split.py `_separated_items`)

STAMPED_ITEMS = """Briefings

3 March 2023

The regional envoy told the council on Friday that talks between the two parties had \
stalled over the release of detainees and the reopening of the border crossing.

1 March 2023

Aid agencies say food stocks in the northern province will run out within weeks unless \
the main highway is reopened to convoys.

27 February 2023

Health workers have begun a vaccination drive in three districts after cases of measles \
were confirmed in a camp for displaced families.

24 February 2023

The statement below was issued today by the office of the
"""


def test_items_each_under_a_bare_stamp_are_stories() -> None:
    dump = _parse(STAMPED_ITEMS)
    assert len(dump.stories) == 4
    assert all(s.headline is None and s.dateline is None for s in dump.stories)
    assert [s.paragraphs[0].text[:24] for s in dump.stories] == [
        "The regional envoy told ",
        "Aid agencies say food st",
        "Health workers have begu",
        "The statement below was ",
    ]
    assert "3 March 2023" in dump.leftover and "Briefings" in dump.leftover


def test_briefs_each_under_an_agency_credit_are_credited_stories() -> None:
    text = """Thursday 8 June 2023

Around the world

(AFP )

The coalition said on Thursday that its ceasefire offer would lapse at midnight unless \
the rebels answered it.

"We have waited long enough," its spokesman told reporters in the capital.

(AFP )

Storms flooded the old town for the second time in a month, and the mayor asked for \
national help.

(AFP )

The central bank held its main rate for a fourth meeting, citing prices that are still \
rising faster than wages.
"""
    dump = _parse(text)
    assert len(dump.stories) == 3
    assert all(s.agencies == ("AFP",) for s in dump.stories)
    assert [len(s.paragraphs) for s in dump.stories] == [2, 1, 1]
    assert dump.stories[0].headline is None
    assert not any(s.is_teaser for s in dump.stories)  # briefs told whole


CREDITED_WITH_QUOTE = """Around the world

(AFP )

Inspectors closed two cold stores at the fish market on Friday after finding meat kept \
far past its date, the city said.

"All of it goes in the skip," one inspector said.

The market's traders said the stores had passed every check until this year.

(AFP )

A landslide closed the mountain pass for the third day, and lorries queued for miles on \
both sides of it.

(AFP )

The new ferry made its first crossing on Sunday, an hour faster than the boat it replaces \
on the route.
"""


def test_a_credited_item_may_hold_a_short_quote_paragraph() -> None:
    """A one-line quote under 60 characters inside an item is part of it, not a title."""
    dump = _parse(CREDITED_WITH_QUOTE)
    assert len(dump.stories) == 3
    assert [len(s.paragraphs) for s in dump.stories] == [3, 1, 1]
    assert all(s.agencies == ("AFP",) for s in dump.stories)


def test_a_title_inside_a_credited_item_makes_no_list() -> None:
    """A short line that ends no sentence is a title: the items are not untitled briefs."""
    text = CREDITED_WITH_QUOTE.replace(
        '"All of it goes in the skip," one inspector said.', "Traders fear for the season"
    )
    dump = _parse(text)
    assert len(dump.stories) < 3


def test_stamps_between_a_titled_story_s_paragraphs_do_not_part_it() -> None:
    """A story with a title, then its text in updates under stamps, is one story."""
    text = """Port reopens after three days of closure in the storm

3 March 2023

The port reopened on Friday after three days of closure, the harbour master said, and \
the first ships were unloading by the afternoon.

4 March 2023

Dock workers said the backlog of containers would take a week to clear at the current \
pace of work.

5 March 2023

The harbour master said all berths were back in use and that pilots would work through \
the night to bring in the waiting tankers.
"""
    dump = _parse(text)
    assert len(dump.stories) == 1
    assert dump.stories[0].headline == "Port reopens after three days of closure in the storm"


def test_two_stamped_items_are_no_list() -> None:
    """Below three separators the page may as well be one story with its updates."""
    lines = STAMPED_ITEMS.split("\n\n")
    two = "\n\n".join(lines[:5]) + "\n"
    dump = _parse(two)
    assert len(dump.stories) == 1


def test_stamped_items_may_open_with_their_own_dateline() -> None:
    """A section page of a paper: a date over each item, some items datelined, some not;
    every item is a story, none is lost to leftover."""
    text = """Content about fisheries

October 9, 2013
HALIFAX — A federal review says the inshore lobster fleet landed its largest catch in a \
decade this spring, though prices at the wharf fell for a second year.
September 30, 2013
Fishermen on the south shore say a new rule on trap limits will push small crews out of \
the business, and they want the minister to meet them before it takes effect.
September 12, 2013
YARMOUTH — The ferry to Maine will not return next season after talks on a subsidy broke \
down, the province said on Thursday.
"""
    dump = _parse(text)
    assert len(dump.stories) == 3
    assert [s.dateline.place if s.dateline else None for s in dump.stories] == [
        "Halifax",
        None,
        "Yarmouth",
    ]
    assert dump.stories[1].paragraphs[0].text.startswith("Fishermen on the south shore")
    assert not any(line.startswith("Fishermen") for line in dump.leftover)
    # each datelined item is dated by the stamp over it, not by the page's first one
    assert dump.stories[2].dateline is not None
    assert dump.stories[2].dateline.date == dt.date(2013, 9, 12)
    assert dump.stories[2].dateline.date_source == "page_date"
    assert all(s.is_teaser for s in dump.stories)  # one cut paragraph each: a teaser list
