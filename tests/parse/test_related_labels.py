"""Labels over a list of other stories: "Related Articles More" (with its "more" link),
"MUST WATCH", "Latest Additions" are furniture, and the titles under "Related Articles"
are teasers, not footer; only "Related Links" (a site's own links, not stories) ends the
page's text (lines.py `_SECTION_LABEL`, `_TERMINAL`). Our own words."""

from __future__ import annotations

import pytest

from etl.parse import parse_bytes
from etl.parse.lines import is_section_label, is_terminal

STORY = (
    "Minister pledges faster rail link to the hill districts\n"
    "PTI, Mar 4, 2022, 6:10 PM IST\n"
    "Shimla: The state will finish the rail link to the hill districts two years ahead of "
    "plan, the transport minister said on Friday.\n"
    "The line has been delayed by landslides and land disputes for most of the decade, "
    "officials said, but work is now under way at all nine sites.\n"
)
TITLES = [
    "Farmers in the plains get new seed subsidy ahead of sowing",
    "Hill town bans plastic bags from April",
    "Court orders audit of road repairs after monsoon",
    "Apple growers seek cold storage near highway",
    "Tourist arrivals climb back to pre-pandemic levels",
]


@pytest.mark.parametrize("label", ["Related Articles More", "Related Stories", "RELATED NEWS"])
def test_titles_under_a_related_label_are_teasers(label: str) -> None:
    page = STORY + "Top News\n" + label + "\n" + "\n".join(TITLES) + "\nMUST WATCH\n"
    dump = parse_bytes(page.encode(), source="page.txt")
    assert [s.headline for s in dump.stories[1:]] == TITLES
    assert all(s.is_teaser for s in dump.stories[1:])
    assert label in dump.leftover and "MUST WATCH" in dump.leftover


@pytest.mark.parametrize(
    "text", ["Related Articles More", "Latest Additions", "MUST WATCH", "Must read",
             "Related Stories View all »"],
)
def test_list_labels(text: str) -> None:
    assert is_section_label(text)


def test_only_related_links_end_the_text() -> None:
    assert is_terminal("Related Links")
    assert not is_terminal("Related Articles")
    assert not is_section_label("Must watch the weather before you travel this week")
