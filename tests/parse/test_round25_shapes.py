"""Shapes from the twenty-fifth gathering of real pages, in our own words."""

from __future__ import annotations

from tests.parse.test_house_styles_270 import _brief
from tests.parse.test_real_shapes import parse


def test_titles_with_no_dateline_head_items_of_several_paragraphs() -> None:
    # A site's page of items, each a title and three or four paragraphs, under a section
    # name that does not call them briefs: the titles start stories, as the labels of real
    # pages of this shape have it, however long each item runs.
    page = (
        "Local news\n\n"
        + _brief("Court halts police trip to collect interviews abroad", 4)
        + _brief("Fire breaks out at top of riverside tower", 4)
        + _brief("Pelicans found slashed on island chain", 3)
    )
    stories = parse(page).stories
    assert [s.headline for s in stories] == [
        "Court halts police trip to collect interviews abroad",
        "Fire breaks out at top of riverside tower",
        "Pelicans found slashed on island chain",
    ]
    assert [len(s.paragraphs) for s in stories] == [4, 4, 3]
