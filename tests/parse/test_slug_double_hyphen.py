"""An agency's coverage plan whose carriers type the slug's dash as two hyphens ("HARBOR
FIRE -- Crews fought ...") is read like the one with a dash (listing.py `_SLUG_ITEM`); a
"Time taken to read : 2 Minute" line is furniture, never a headline (lines.py). Our own
words."""

from __future__ import annotations

from etl.parse import parse_bytes
from etl.parse.lines import headline_candidate, is_boilerplate

DIGEST = (
    "AP News Digest 2 p.m.\n\n"
    "Here are the AP's latest coverage plans, top stories and promotable content. All times "
    "EDT.\n\n"
    "TOP STORIES\n\n"
    "HARBOR FIRE -- Crews fought through the night to keep a warehouse fire from spreading to "
    "the fuel depot next door. By Lena Ruiz. SENT: 800 words, photos.\n\n"
    "SCHOOL BUDGETS -- Districts across the state are cutting summer programs as enrollment "
    "falls. By Omar Tate. SENT: 950 words, photos.\n\n"
    "DROUGHT-WHEAT -- Farmers on the plains expect their smallest wheat crop in a decade. "
    "SENT: 700 words.\n"
)


def test_slugs_with_two_hyphens_are_the_digest_s_items() -> None:
    dump = parse_bytes(DIGEST.encode(), source="ap-digest-2020-06-27.txt")
    heads = [s.headline for s in dump.stories]
    assert heads[-3:] == ["HARBOR FIRE", "SCHOOL BUDGETS", "DROUGHT-WHEAT"]
    assert all(s.agencies == ("AP",) for s in dump.stories[-3:])


def test_reading_time_is_furniture() -> None:
    assert is_boilerplate("Time taken to read : 2 Minute")
    assert not headline_candidate("Time taken to read : 2 Minute", min_words=2)
    assert not is_boilerplate("Time to rethink how the city reads its water meters")
