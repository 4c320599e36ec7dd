"""Topic and tag pages whose untitled items each sit under a time stamp: a feed's clock
stamps ("2005-02-23 07:35:00"), a line every item repeats ("No image available"), and a
heading over the list ("Latest Volcano Stories") that is no story's title (split.py,
lines.py). Our own words."""

from __future__ import annotations

import pytest

from etl.parse import parse_bytes
from etl.parse.lines import is_bare_stamp, is_masthead

CLOCK_FEED = (
    "Latest Volcano Watch Stories\n\n"
    "2012-06-04 09:12:00\n\n"
    "Scientists flying over the crater on Monday reported a thin plume of steam and "
    "no fresh lava, easing fears of a larger eruption after last week's tremors.\n\n"
    "2012-05-30 17:40:31\n\n"
    "ROME (AFP) -- Villagers on the slopes of the mountain were told to keep their "
    "windows shut as a cloud of fine ash drifted east over the valley on Wednesday.\n\n"
    "2012-05-22 06:05:09\n\n"
    "A network of new sensors placed around the summit will send readings every ten "
    "seconds to the observatory, its director told a news conference.\n\n"
    "2012-05-15 12:00:00\n\n"
    "Tour operators said bookings for crater walks had fallen by half since the alert "
    "level was raised, and asked the region for help with their losses.\n"
)


def test_each_clock_stamp_opens_an_untitled_item() -> None:
    dump = parse_bytes(CLOCK_FEED.encode(), source="topic.txt")
    assert len(dump.stories) == 4
    assert all(s.headline is None for s in dump.stories)
    assert dump.stories[1].dateline is not None
    assert dump.stories[1].dateline.place == "Rome"
    assert dump.stories[1].agencies == ("AFP",)
    assert "Latest Volcano Watch Stories" in dump.leftover


REPEATED_LINE = (
    "No picture\n"
    "/ 14 March 2009\n"
    "Herders in the dry north say the rains came three weeks late this year, and many "
    "have already moved their cattle towards the river valleys in search of grass.\n"
    "No picture\n"
    "/ 11 March 2009\n"
    "A small bakery run by former street children has opened a second shop in the "
    "capital, selling bread to offices and schools before seven each morning.\n"
    "No picture\n"
    "/ 9 March 2009\n"
    "Teachers in three districts stayed home on Monday over unpaid wages, leaving "
    "thousands of pupils without lessons for the first day of the new term.\n"
    "No picture\n"
    "/ 2 March 2009\n"
    "The port authority said it would dredge the harbour mouth before the rainy season "
    "so that larger cargo ships could dock without waiting for the tide.\n"
)


def test_a_line_every_item_repeats_does_not_hide_the_items() -> None:
    dump = parse_bytes(REPEATED_LINE.encode(), source="tag.txt")
    assert len(dump.stories) == 4
    assert [s.paragraphs[0].text.split()[0] for s in dump.stories] == [
        "Herders", "A", "Teachers", "The",
    ]
    assert "No picture" in dump.leftover


@pytest.mark.parametrize(
    "line", ["2005-02-23 07:35:00", "2019-02-24 16:43:17 UTC", "12 March 2009", "/ 9 March 2009"]
)
def test_clock_stamps_are_bare_stamps(line: str) -> None:
    assert is_bare_stamp(line)


@pytest.mark.parametrize("line", ["07:35 Kenya floods kill 12", "Room 12:30 closed"])
def test_a_clock_beside_words_is_no_bare_stamp(line: str) -> None:
    assert not is_bare_stamp(line)


@pytest.mark.parametrize(
    "line",
    ["Latest Russian Navy Stories", "Recent Press Releases", "More Headlines", "Top Stories",
     "Related Articles", "LATEST NEWS"],
)
def test_a_list_heading_is_a_masthead(line: str) -> None:
    assert is_masthead(line)


@pytest.mark.parametrize(
    "line",
    ["Recent graduates tell their stories", "More rain expected in the north",
     "Top court rejects appeal"],
)
def test_a_title_that_opens_like_a_heading_is_not_one(line: str) -> None:
    assert not is_masthead(line)
