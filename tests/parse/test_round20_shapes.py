"""Shapes from the twentieth gathering of real pages (parser 2.18.0), in our own words:
bulleted or numbered lists of titles with no label (split.py `_bullet_titles`), a briefs
page whose briefs carry no title (listing.py `split_untitled_briefs`), and the AP state
desks' digests on member papers' sites (agencies.py `digest_agency`)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.parse import parse_bytes
from etl.parse.agencies import digest_agency
from etl.parse.byline import parse_byline
from etl.parse.dateline import match_dateline
from tests.parse.test_split import parse, texts

ARCHIVE = (
    "Company news of 2011-03-14 (page 1)\n"
    "\n"
    "  • Harbor Foods Announces Fourth Quarter Earnings Release Date\n"
    "  • Pinecrest Bank Reschedules Annual Meeting of Shareholders for 10:00...\n"
    "  • Webcast Alert: Calder Drilling, Inc. Invites You to Join Its Fiscal...\n"
    "  • Marlow Tools Declares Quarterly Dividend\n"
    "  • Tern Pipeline Partners Raises Cash Distribution to 41 Cents Per Unit\n"
    "  • Oakridge Insurance Reports Fourth Quarter Results\n"
    "  • Bellmont Retail to Ac"
)


def test_a_run_of_bulleted_titles_is_a_list_of_teasers() -> None:
    dump = parse(ARCHIVE)
    heads = [s.headline for s in dump.stories]
    assert heads[:3] == [
        "Harbor Foods Announces Fourth Quarter Earnings Release Date",
        "Pinecrest Bank Reschedules Annual Meeting of Shareholders for 10:00...",
        "Webcast Alert: Calder Drilling, Inc. Invites You to Join Its Fiscal...",
    ]
    assert len(dump.stories) >= 6
    assert all(s.is_teaser for s in dump.stories)


CLUSTER = (
    "Category: World\n"
    "\n"
    "  • Court rules river dam plan breaks treaty – Reuters\n"
    "\n"
    "    1. Court rules river dam plan breaks treaty  Reuters\n"
    "    2. LIVE: Floods force thousands from homes in the delta  Al Jazeera\n"
    "    3. Dam plan would 'drown' three valleys, minister says  BBC\n"
    "    4. Neighbours add to calls for a halt to the dam works  Dawn\n"
    "\n"
    "    Continue Reading\n"
    "\n"
    "  • Drones hit fuel depot on the border – World\n"
    "\n"
    "    KYIV: Drones struck a fuel depot near the border overnight, officials said on "
    "Friday, hours before talks were due to open.\n"
    "\n"
    "    The depot supplies the army's trucks in the region, the officials said.\n"
)


def test_a_numbered_list_of_titles_above_the_first_story_is_read_as_titles() -> None:
    dump = parse(CLUSTER)
    heads = [s.headline for s in dump.stories]
    assert heads[0] == "Court rules river dam plan breaks treaty – Reuters"
    # (the list's number stays with its title, as the page prints it)
    assert "2. LIVE: Floods force thousands from homes in the delta  Al Jazeera" in heads
    assert all(s.is_teaser for s in dump.stories if s.headline and s.headline[:2] == "3.")
    kyiv = [s for s in dump.stories if s.dateline and s.dateline.place == "Kyiv"]
    assert len(kyiv) == 1 and not kyiv[0].is_teaser


KEY_POINTS = (
    "Nov 1 (Reuters) - Harbor Data Corp:\n"
    "\n"
    "* Q3 adjusted EPS $0.66\n"
    "\n"
    "* Q3 EPS view $0.57 -- Thomson Reuters I/B/E/S\n"
    "\n"
    "* Markets unit Q3 recurring sales rose 1 percent\n"
    "\n"
    "* Now on course for the upper end of the 2017 EPS range\n"
    "\n"
    "* Law arm brought in $838 million, 2 pct more in local terms\n"
    "\n"
    "* Tax arm brought in $339 million, 6 pct more in local terms\n"
)


def test_bullets_under_a_dateline_stay_the_story_s_key_points() -> None:
    dump = parse(KEY_POINTS)
    assert len(dump.stories) == 1
    assert dump.stories[0].dateline is not None
    assert len(texts(dump.stories[0])) >= 6


HEADLINE_POINTS = (
    "Tag Archives: FUEL\n"
    "\n"
    "Drivers queue for hours as forecourts run dry across the country\n"
    "\n"
    "  • 'This is madness,' says a driver in the queue\n"
    "  • Army drivers could be sent out within days\n"
    "  • Haulage gaps disrupt deliveries to shops\n"
    "  • Ministers to extend some lorry licences\n"
    "  • Shops warn of thin shelves at the holidays\n"
    "\n"
    "LONDON, Sept 28 (Reuters) - Drivers spent hours on Tuesday crawling from one empty "
    "station to the next as the shortage spread.\n"
)


def test_bullets_under_a_headline_stay_its_points() -> None:
    dump = parse(HEADLINE_POINTS)
    assert dump.stories[0].headline == (
        "Drivers queue for hours as forecourts run dry across the country"
    )
    assert dump.stories[0].dateline is not None
    assert not dump.stories[0].is_teaser


SUMMARY = (
    "Agency World News Summary\n"
    "\n"
    "Reuters | Updated: 23-02-2020 05:24 IST | Created: 23-02-2020 05:24 IST\n"
    "\n"
    "Following is a summary of current world news briefs.\n"
    "\n"
    "Aid agencies said a border crossing in the north could be reopened to bring food and "
    "medicine to the region before the winter sets in.\n"
    "\n"
    "Rebel fighters and government forces clashed in two provinces on Saturday, a day "
    "after a week-long truce was announced by both sides.\n"
    "\n"
    "Hardliners are set to sweep the parliamentary elections and look likely to win the "
    "presidency next year, officials and analysts said.\n"
    "\n"
    "The president said on Saturday that he would meet three European leaders next"
)


def test_untitled_paragraphs_of_a_news_summary_are_each_a_brief() -> None:
    dump = parse(SUMMARY)
    bodies = [texts(s)[-1][:12] for s in dump.stories if texts(s)]
    assert bodies[-4:] == ["Aid agencies", "Rebel fighte", "Hardliners a", "The presiden"]
    assert all(s.agencies == ("Reuters",) for s in dump.stories[-4:])


def test_a_titled_brief_of_several_paragraphs_stays_one_brief() -> None:
    page = SUMMARY.replace(
        "Following is a summary of current world news briefs.\n",
        "Border crossing may reopen for aid before the winter\n",
    )
    dump = parse(page)
    assert any(
        s.headline == "Border crossing may reopen for aid before the winter"
        and len(texts(s)) == 4
        for s in dump.stories
    )


def test_an_ap_state_desk_digest_is_known_by_its_slug_or_its_greeting() -> None:
    assert digest_agency("BC-OH–Ohio News Digest 1:30 pm, OH") == "AP"
    assert digest_agency(
        "Hello! Here’s a look at how AP’s general news coverage is shaping up in Ohio."
    ) == "AP"
    assert digest_agency("BC-OH–Ohio State beats Michigan in overtime") is None
    assert digest_agency("Hello! Here's a look at the weekend weather") is None


def test_europa_press_in_catalan_dates_its_dateline() -> None:
    line = "MADRID, 11 des. (EUROPA PRESS) - El Govern ha aprovat avui el pressupost de l'any."
    found = match_dateline(line, dt.date(2024, 12, 20))
    assert found is not None
    assert found.dateline.agencies == ("Europa Press",)
    assert found.dateline.date == dt.date(2024, 12, 11)
    feb = match_dateline("BARCELONA, 3 febr. (EUROPA PRESS) - El consell es reuneix.", None)
    assert feb is not None and feb.dateline.place == "Barcelona"


LATEST = (
    "Daily Herald - Print Edition\n"
    "\n"
    "Port plan falls short of what it promised, says minister\n"
    "\n"
    "By Anura Dissanayake\n"
    "\n"
    "The plan to move the ministry's offices to the harbour tower has not saved the money "
    "its backers promised, the minister told parliament on Tuesday.\n"
    "\n"
    "Fuel prices rise for the third time this year\n"
    "\n"
    "28 May 2020 3 hours ago\n"
    "\n"
    "Rescued elephant calf still recovering\n"
    "\n"
    "28 May 2020 5 hours ago\n"
    "\n"
    "Twelve-hour water cut in the capital\n"
    "\n"
    "28 May 2020 6 hours ago\n"
)


def test_titles_each_over_its_own_stamp_are_teasers() -> None:
    dump = parse(LATEST)
    heads = [s.headline for s in dump.stories]
    assert heads[-3:] == [
        "Fuel prices rise for the third time this year",
        "Rescued elephant calf still recovering",
        "Twelve-hour water cut in the capital",
    ]
    assert all(s.is_teaser for s in dump.stories[-3:])
    assert not dump.stories[0].is_teaser


@pytest.mark.parametrize(
    ("line", "authors", "agencies"),
    [
        ("par AFP FR", (), ("AFP",)),
        ("By AFP Video", (), ("AFP",)),
        ("By Lena Ortiz, Washington Bureau", ("Lena Ortiz",), ()),
        ("By Lena Ortiz, AFP", ("Lena Ortiz",), ("AFP",)),
    ],
)
def test_an_agency_s_service_or_a_bureau_is_no_person(
    line: str, authors: tuple[str, ...], agencies: tuple[str, ...]
) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.authors, byline.agencies) == (authors, agencies)


FLAT_FEED = (
    "Top News Harbour Information Centre en Copyright - <Title><![CDATA[TitlePh]]> A senior "
    "official said Tuesday that the two ports should work together to make the planned "
    "Year of the Sea a lasting success. Diplomacy 2021-09-08 07:46:07 +0800 "
    "<Title><![CDATA[TitlePh]]> At least two people were hurt after a strong quake shook "
    "the northern port city late on Tuesday, local emergency services said. Top News "
    "2021-09-08 16:34:34 +0800 <Title><![CDATA[TitlePh]]> A budget office on Tuesday urged "
    "lawmakers to approve a stopgap spending measure before the end of the month."
)


def test_a_feed_flattened_onto_one_line_is_a_story_not_furniture() -> None:
    dump = parse_bytes(FLAT_FEED.encode(), source="feed.txt")
    assert len(dump.stories) >= 1
    assert "quake shook" in " ".join(" ".join(texts(s)) for s in dump.stories)


PACIFIC = (
    "Vanuatu/China - policing\n"
    "Vanuatu's prime minister says his government is open to receiving policing help from "
    "abroad.\n"
    "He met visiting officials in Port Vila on Wednesday to discuss security needs.\n"
    "Fiji - rights\n"
    "Fiji has recorded its largest gain in political and civil rights in six years.\n"
    "The report ranked the country as partly free, with a score of 66 out of 100.\n"
    "Cook Islands - appeal\n"
    "A former agency director is appealing his conviction for fraud in the High Court.\n"
)


def test_place_and_topic_titles_head_the_briefs_of_a_column() -> None:
    dump = parse(PACIFIC)
    assert [s.headline for s in dump.stories] == [
        "Vanuatu/China - policing", "Fiji - rights", "Cook Islands - appeal",
    ]
    assert all(s.dateline is None for s in dump.stories)


def test_only_known_places_make_such_a_heading() -> None:
    from etl.parse.places import is_known_place
    from etl.parse.split import _PLACE_TOPIC

    for line, ok in [
        ("Vanuatu/China - policing", True),
        ("Papua New Guinea - fisheries", True),
        ("Advertisement - scroll to continue reading", False),  # no place, too many words
        ("Budget - vote", False),  # no place
        ("Fiji - Rights Group Says", False),  # a title's capitals, no topic word
    ]:
        m = _PLACE_TOPIC.fullmatch(line)
        got = m is not None and all(is_known_place(p) for p in m.group("place").split("/"))
        assert got is ok, line


def test_the_irish_republic_is_ireland() -> None:
    found = match_dateline(
        "IRISH REPUBLIC: The Labour leader said yesterday he was resigning after the vote.", None
    )
    assert found is not None and found.dateline.country == "IE"
