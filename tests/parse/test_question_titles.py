"""A list of linked titles under a story may end in a question ("Could the treaty survive
the vote?"): it is still a list of teasers (listing.py `_bare_title`). Our own words."""

from __future__ import annotations

from etl.parse import parse_bytes

PAGE = (
    "Earth News from a science site\n"
    "Landslide blocks mountain highway, no injuries reported\n"
    "Lima, March 4 (AFP) March 04, 2026\n"
    "A landslide blocked the main highway through the central Andes on Wednesday, the "
    "transport ministry said, cutting the road link between the capital and the highlands.\n"
    "\n"
    "Crews with heavy machinery were working to clear the road, which could reopen by "
    "Friday, a ministry spokesman told reporters.\n"
    "\n"
    "\n"
    "Space News from a sister site\n"
    "Small probe completes second lunar flyby on way to asteroid\n"
    "Dust storms may shape dunes faster than thought\n"
    "\n"
    "Military News Coverage\n"
    "Navy orders three more patrol ships for northern waters\n"
    "Could a new radar treaty survive the next election?\n"
)


def test_a_title_list_ending_in_a_question_is_a_list_of_teasers() -> None:
    dump = parse_bytes(PAGE.encode(), source="page.txt")
    heads = [s.headline for s in dump.stories]
    assert heads[0] == "Landslide blocks mountain highway, no injuries reported"
    assert heads[-1] == "Could a new radar treaty survive the next election?"
    assert "Small probe completes second lunar flyby on way to asteroid" in heads
    assert all(s.is_teaser for s in dump.stories[1:])
    assert not dump.stories[0].is_teaser
    assert len(dump.stories[0].paragraphs) == 2
