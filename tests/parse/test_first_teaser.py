"""A page whose items below the first are all teasers, and whose first item is about their
size, is a page of teasers: the first is one of them (split.py `_first_like_its_teasers`).
A main story several times its teasers' length stays the main story. Our own words."""

from __future__ import annotations

from etl.parse import parse_bytes

TAG_PAGE = (
    "Presidential activities\n\n"
    "President meets visiting trade delegation from Belarus\n\n"
    "Mar 04, 2021\n\n"
    "DAMASCUS, (ST) - The president received a trade delegation from Minsk on Thursday and "
    "discussed new rail links for grain and fertiliser shipments between the two countries.\n\n"
    "President: Farmers carry the country through hard winters\n\n"
    "Mar 03, 2021\n\n"
    "DAMASCUS, (ST) - Addressing a farmers' union congress, the president said growers had "
    "kept markets supplied despite fuel shortages and called for cheaper seed...\n\n"
    "President receives Italian parliamentary friendship group\n\n"
    "Mar 02, 2021\n\n"
    "DAMASCUS, (ST) - A group of Italian lawmakers met the president to talk about the return "
    "of archaeologists to several sites closed since the war began...\n\n"
    "President opens rebuilt power plant near Aleppo\n\n"
    "Mar 01, 2021\n\n"
    "DAMASCUS, (ST) - The president inaugurated the second unit of a power station east of "
    "Aleppo on Monday, which engineers say will add six hours of power a day to the city...\n"
)

MAIN_BODY = (
    "The president received a trade delegation from Minsk on Thursday and discussed new rail "
    "links for grain and fertiliser shipments between the two countries.\n\n"
    "Officials from both sides signed three memoranda on customs, veterinary checks and the "
    "joint use of a dry port outside the capital, the presidency said in a statement.\n\n"
    "The head of the delegation said Belarusian firms were ready to supply tractors and "
    "trucks on credit, repaid in citrus and cotton over five years.\n\n"
    "Trade between the two countries reached about 300 million dollars last year, most of it "
    "in farm machinery, according to customs figures released in January.\n\n"
    "The delegation is due to visit the port of Latakia and a fertiliser plant near Homs "
    "before returning home on Sunday, the foreign ministry said.\n\n"
)


def test_a_first_item_the_size_of_its_teasers_is_a_teaser() -> None:
    dump = parse_bytes(TAG_PAGE.encode(), source="page.txt")
    assert [s.headline for s in dump.stories] == [
        "President meets visiting trade delegation from Belarus",
        "President: Farmers carry the country through hard winters",
        "President receives Italian parliamentary friendship group",
        "President opens rebuilt power plant near Aleppo",
    ]
    assert [s.is_teaser for s in dump.stories] == [True, True, True, True]


def test_a_main_story_several_times_its_teasers_stays_the_main_story() -> None:
    page = TAG_PAGE.replace(
        "DAMASCUS, (ST) - The president received a trade delegation from Minsk on Thursday and "
        "discussed new rail links for grain and fertiliser shipments between the two countries."
        "\n\n",
        "DAMASCUS, (ST) - " + MAIN_BODY,
    )
    dump = parse_bytes(page.encode(), source="page.txt")
    assert len(dump.stories) == 4
    assert [s.is_teaser for s in dump.stories] == [False, True, True, True]
