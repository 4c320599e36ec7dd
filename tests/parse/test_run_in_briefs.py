"""A briefs column that opens each item with its country or city in capitals, run straight
into the first sentence ("PERU Miners at the country's largest ..."): on a page with three
or more such items naming places the gazetteer knows, each is a story with that place as
its dateline, and items in the same form it lacks ("PERU-CHILE ...") or state round-ups'
towns it lacks ("OREGON Sisters: ...") are read the same way (dateline.py
`run_in_dateline`). Our own words."""

from __future__ import annotations

import pytest

from etl.parse.dateline import run_in_dateline
from tests.parse.test_split import parse  # (checks that no line is lost, too)

BRIEFS = [
    "PERU-CHILE Trade ministers from both countries signed a pact yesterday to cut tariffs on "
    "farm goods and to share customs data at the border posts.",
    "PERU Miners at the country's largest copper pit walked out yesterday over shift rules, "
    "halting output for the first time in three years.",
    "NORWAY Rescuers pulled two skiers alive from an avalanche in the north yesterday after "
    "searching through the night with dogs and drones.",
    "KENYA Farmers in the Rift Valley say a late start to the rains has cut the maize crop by "
    "a third and pushed up the price of flour in the towns.",
    "VIETNAM yesterday opened a new metro line in its largest city after a decade of delays "
    "and cost overruns that had become a byword for waste.",
]



def test_each_run_in_brief_is_a_story_with_its_place() -> None:
    dump = parse("World Briefs\n\n" + "\n\n".join(BRIEFS) + "\n")
    assert len(dump.stories) == 5
    raws = [s.dateline.raw if s.dateline else None for s in dump.stories]
    assert raws == ["PERU-CHILE", "PERU", "NORWAY", "KENYA", "VIETNAM"]
    assert [s.dateline.country for s in dump.stories[1:] if s.dateline] == ["PE", "NO", "KE", "VN"]
    assert dump.stories[1].paragraphs[0].text.startswith("Miners at the country's largest")


def test_two_run_ins_are_not_a_briefs_page() -> None:
    dump = parse("Notes\n\n" + "\n\n".join(BRIEFS[1:3]) + "\n")
    assert all(s.dateline is None for s in dump.stories)


def test_a_round_up_of_the_states_takes_towns_the_gazetteer_lacks() -> None:
    items = [
        "OREGON Portland: The city council voted to keep its riverfront market open on "
        "Sundays through the winter.",
        "OREGON Sistersville: Volunteers rebuilt a covered footbridge washed out in the spring "
        "floods, the county said.",
        "TEXAS Austin: A new rail stop near the university opened yesterday after two years of "
        "work.",
        "UTAH Provo: The school board approved a later start to the school day from next fall.",
    ]
    dump = parse("Across the states\n\n" + "\n\n".join(items) + "\n")
    got = [(s.dateline.place, s.dateline.region) for s in dump.stories if s.dateline]
    assert ("Sistersville", "Oregon") in got
    assert len(got) == 4


@pytest.mark.parametrize(
    "line",
    [
        "UPDATE Officials said on Monday that the bridge would reopen after repairs to its deck.",
        "NASA said on Monday that the probe had sent back its first pictures of the far side.",
        "HONG KONG’s former finance chief was freed yesterday after completing a jail term for "
        "taking undeclared gifts.",
    ],
)
def test_labels_acronyms_and_possessives_are_no_run_in(line: str) -> None:
    assert run_in_dateline(line, None) is None
