"""A wire digest that prints each item on one line, "SLUG KEYWORDS Title Place: text"
(unwrap.py `_slug_item`, `slug_labels`), in our own words."""

from __future__ import annotations

from etl.parse import parse_bytes
from etl.parse.unwrap import _slug_item, slug_labels, to_units

DIGEST = (
    "New Delhi, Mar 4 (PTI) Following are the top stories at 6 PM: NATION: DEL21 RAIL-LD "
    "FARES Railways to trim sleeper fares on four busy routes from April Mumbai: The railways "
    "will cut sleeper class fares on four of the busiest routes from next month, officials "
    "said on Thursday.\n\n"
    "DEL30 SCHOOL-MEALS Millet lunches to reach all state schools by June: Minister New Delhi: "
    "Every state school will serve a millet lunch twice a week by June, the education minister "
    "told the house on Thursday.\n\n"
    "CAL9 WB-FLOODS-2NDLD RIVERS Rivers in spate cut road links to six villages in north "
    "Bengal Siliguri: Six villages lost road links on Thursday after two rivers rose above the "
    "danger mark, district officials said.\n\n"
    "DEL44 CBI-LD PORT CASE CBI files charges in port tender case against three officials "
    "Chennai: The Central Bureau of Investigation filed charges on Thursday against three "
    "former port officials over a dredging tender.\n"
)


def _parse(text: str):
    return parse_bytes(text.encode("utf-8"), source="digest.txt")


def test_each_slugged_line_is_a_story_with_its_title_and_dateline() -> None:
    dump = _parse(DIGEST)
    lead, *items = dump.stories  # the digest's own opening, "New Delhi, Mar 4 (PTI) ..."
    assert lead.agencies == ("PTI",) and lead.headline is None
    assert [s.headline for s in items] == [
        "Railways to trim sleeper fares on four busy routes from April",
        "Millet lunches to reach all state schools by June: Minister",
        "Rivers in spate cut road links to six villages in north Bengal",
        "CBI files charges in port tender case against three officials",
    ]
    assert [s.dateline.place for s in items if s.dateline] == [
        "Mumbai", "New Delhi", "Siliguri", "Chennai",
    ]
    assert all(len(s.paragraphs) == 1 for s in items)
    assert "DEL30 SCHOOL-MEALS" in dump.leftover  # the desk's label, no story's text


def test_a_title_opening_with_a_name_in_capitals_keeps_it() -> None:
    line = DIGEST.split("\n\n")[3]
    pieces = _slug_item(line, None)
    assert pieces is not None
    assert pieces[0] == "DEL44 CBI-LD PORT CASE"
    assert pieces[1].startswith("CBI files charges")


def test_one_slugged_line_alone_is_not_cut() -> None:
    """A lone line of that shape may be anything; a digest prints several."""
    one = DIGEST.split("\n\n")[1] + "\n"
    dump = _parse(one)
    assert len(dump.stories) == 1
    assert dump.stories[0].headline != "Millet lunches to reach all state schools by June: Minister"


def test_a_slug_straight_over_its_dateline_is_no_label() -> None:
    """With no title between them, the slug is the item's only heading: not furniture."""
    text = (
        "DEL17 UP-TRUST-LAND-NOTICE\n\n"
        "Lucknow: District officials have served notice on a trust over land it was given for a "
        "school that was never built.\n\n"
        "DES22 RJ-RAIL ACCIDENT\n\n"
        "Jaipur: Two people were hurt when a goods train hit a tractor at an unmanned crossing.\n"
    )
    units = to_units([ln for ln in text.split("\n") if ln], None)
    assert slug_labels(units, None) == frozenset()
    assert _parse(text).stories[0].headline == "DEL17 UP-TRUST-LAND-NOTICE"
