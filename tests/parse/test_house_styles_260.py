"""House styles parser 2.6.0 learned from batteries of agency and site forms, in our own words.

Each case is a form an agency or a site prints (CNN's dash-less credit, a time zone before a
stamp's date, a byline naming the outlet's desk, the reporter's name over the agency alone),
written with invented names and sentences. The guard cases keep what must not change.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.parse.byline import parse_byline
from etl.parse.dateline import match_dateline
from etl.parse.lines import is_boilerplate, name_then_stamp, strip_read_more, web_byline
from etl.parse.places import resolve_place
from tests.parse.test_real_shapes import parse

D = dt.date(2019, 10, 3)
LEDE = "Officials said on Thursday that work on the new span would begin next spring."


@pytest.mark.parametrize(
    ("line", "raw", "place", "country"),
    [
        ("Washington (CNN)The Senate voted on Thursday to approve a bill.", "Washington (CNN)",
         "Washington", "US"),
        ("ATLANTA (CNN) The governor signed the measure into law on Thursday evening.",
         "ATLANTA (CNN)", "Atlanta", "US"),
        ("New York (CNN Business)Stocks rose on Thursday after the central bank spoke.",
         "New York (CNN Business)", "New York", "US"),
        ("Hong Kong (CNN)The city's leader said on Thursday that talks would resume.",
         "Hong Kong (CNN)", "Hong Kong", "HK"),
    ],
)
def test_cnn_prints_its_credit_with_no_dash(line: str, raw: str, place: str, country: str) -> None:
    found = match_dateline(line, D)
    assert found is not None
    assert found.dateline.raw == raw
    assert (found.dateline.place, found.dateline.country) == (place, country)
    # A broadcaster outside the registry: credited by the name it prints.
    assert found.dateline.agencies == (raw[raw.index("(") + 1 : -1],)
    assert line[found.end :].lstrip()[:1].isupper()


@pytest.mark.parametrize(
    "line",
    [
        "NAIROBI (Capital FM)The president said on Thursday that talks would resume soon.",
        "Washington (Texas)The sheriff said on Thursday that the road was closed.",
        "Jane Doe (WGME)",  # no place, nothing after it (CNN is in the registry now)
        "Washington (CNN",  # cut off
    ],
)
def test_no_dash_credit_is_cnn_only(line: str) -> None:
    assert match_dateline(line, D) is None


@pytest.mark.parametrize(
    ("raw", "place", "region", "country"),
    [
        ("WASHINGTON (RTTNews)", "Washington", None, "US"),
        ("NAIROBI (Citizen)", "Nairobi", None, "KE"),
        ("SUVA (Fiji Village)", "Suva", None, "FJ"),
        # guards: a bracketed region or country is still read
        ("PERTH (WA)", "Perth", "Western Australia", "AU"),
        ("Mumbai (Maharashtra)", "Mumbai", "Maharashtra", "IN"),
        ("Quito (Ecuador)", "Quito", None, "EC"),
        # and a province after a comma that the registry lacks is kept as written
        ("Kubinka, Moscow Region", "Kubinka", "Moscow Region", "RU"),
    ],
)
def test_an_unknown_name_in_brackets_is_a_source_not_a_region(
    raw: str, place: str, region: str | None, country: str
) -> None:
    resolved = resolve_place(raw)
    assert (resolved.place, resolved.region, resolved.country) == (place, region, country)


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("PRETORIA, Oct 3 (SAnews) - Government will roll out a new school meals plan.",
         "SAnews"),
        ("WASHINGTON (RTTNews) - The Labor Department said jobless claims fell last week.",
         "RTTNews"),
        ("BANGKOK, 3 October 2019 (NNT) - The cabinet approved a new flood relief budget.",
         "NNT"),
        ("TBILISI (Interpressnews) - The parliament passed the budget in a first reading.",
         "IPN"),
        ("ERBIL, Kurdistan Region (Rudaw) - The regional cabinet met on Thursday to discuss.",
         "Rudaw"),
    ],
)
def test_agencies_added_to_the_registry(line: str, agency: str) -> None:
    found = match_dateline(line, D)
    assert found is not None
    assert found.dateline.agencies == (agency,)


@pytest.mark.parametrize(
    "line",
    [
        "Published 10:30 am EDT, Thursday, October 3, 2019",
        "By Jane Doe Published 10:30 am EDT, Thursday, October 3, 2019",
        "Updated 4:15 PM PDT, Thu October 3, 2019",
        "Posted 09:00 GMT, 3 October 2019",
    ],
)
def test_a_time_zone_is_no_place(line: str) -> None:
    assert match_dateline(line, D) is None
    assert match_dateline(line, D, anywhere=True) is None


def test_a_stamp_with_a_time_zone_under_the_byline_does_not_split_the_story() -> None:
    dump = parse(
        "Council backs plan to rebuild the old river bridge\n\n"
        "By Jane Doe Published 10:30 am EDT, Thursday, October 3, 2019\n\n"
        f"LIMA, Peru — {LEDE}\n\nThe mayor said funding was secured.\n"
    )
    assert len(dump.stories) == 1
    story = dump.stories[0]
    assert story.byline is not None and story.byline.authors == ("Jane Doe",)
    assert story.dateline is not None and story.dateline.raw == "LIMA, Peru"


@pytest.mark.parametrize(
    ("line", "authors", "agencies"),
    [
        ("By Jane Doe, CNN Business", ("Jane Doe",), ("CNN",)),  # (CNN in the registry)
        ("By Jane Doe, Fox News", ("Jane Doe",), ()),
        ("By Ann Lee, NBC News and Tom Roe, CNN", ("Ann Lee", "Tom Roe"), ("CNN",)),
        ("By Xinhua writer Li Wei", ("Li Wei",), ("Xinhua",)),
        ("by Xinhua writers Li Wei, Zhang Min", ("Li Wei", "Zhang Min"), ("Xinhua",)),
        ("By AFP correspondent Marie Dubois", ("Marie Dubois",), ("AFP",)),
        ("By Staff Writer Jane Doe", ("Jane Doe",), ()),
        ("By Senior Correspondent Jane Doe and John Roe", ("Jane Doe", "John Roe"), ()),
        ("By Li Wei | Xinhua | Updated: 2019-10-03 10:20", ("Li Wei",), ("Xinhua",)),
        ("By Jane Doe | Reuters | October 3, 2019 10:20 AM", ("Jane Doe",), ("Reuters",)),
        # guards
        ("By Staff Writers", (), ()),
        ("By Jane Doe, The Associated Press", ("Jane Doe",), ("AP",)),
        ("By Jane Doe, Jane Roe and John Smith", ("Jane Doe", "Jane Roe", "John Smith"), ()),
    ],
)
def test_web_bylines(line: str, authors: tuple[str, ...], agencies: tuple[str, ...]) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.authors, byline.agencies) == (authors, agencies)


@pytest.mark.parametrize(
    ("line", "author", "stamp"),
    [
        ("Jane Doe October 3, 2019", "Jane Doe", "October 3, 2019"),
        ("Jane Doe Oct 3, 2019 Updated Oct 3, 2019", "Jane Doe", "Oct 3, 2019 Updated Oct 3, 2019"),
        ("Jane Doe 3 October 2019 10:20 GMT", "Jane Doe", "3 October 2019 10:20 GMT"),
        ("Jane Doe Friday, October 4, 2019", "Jane Doe", "Friday, October 4, 2019"),
    ],
)
def test_a_name_run_into_its_stamp(line: str, author: str, stamp: str) -> None:
    found = name_then_stamp(line)
    assert found is not None
    assert found[0].authors == (author,)
    assert found[1] == stamp


@pytest.mark.parametrize(
    "line", ["Published On October 3, 2019", "Posted on October 3, 2019", "Floods October 3, 2019"]
)
def test_a_stamp_word_is_no_name(line: str) -> None:
    assert name_then_stamp(line) is None


def test_a_name_run_into_its_stamp_under_the_headline_is_the_byline() -> None:
    dump = parse(
        "Storm warning issued for the southern coast\n\n"
        "Jane Doe Oct 3, 2019 Updated Oct 3, 2019\n\n"
        "MIAMI — Forecasters issued a storm warning for the coast on Thursday as a system "
        "strengthened offshore.\n\nResidents were told to prepare.\n"
    )
    story = dump.stories[0]
    assert story.byline is not None and story.byline.authors == ("Jane Doe",)
    assert story.headline == "Storm warning issued for the southern coast"


def test_a_title_run_into_a_date_opening_an_item_is_no_byline() -> None:
    dump = parse(
        "Latest news\n\n"
        "Floods Hit Lima October 3, 2019\n"
        "LIMA, Peru (AP) — Heavy rain flooded streets in the capital on Thursday, officials "
        "said, and schools closed early.\n\n"
        "Storm Warning Issued October 3, 2019\n"
        "MIAMI (AP) — Forecasters issued a storm warning for the coast on Thursday as a system "
        "strengthened offshore.\n"
    )
    assert all(s.byline is None for s in dump.stories)


def test_the_name_over_the_agency_alone_is_the_byline() -> None:
    dump = parse(
        "Peru's president dissolves Congress amid standoff\n\n"
        "Marta Quispe\n\nAFP\n\nOctober 3, 2019\n\n"
        "Lima (AFP) - Peru's President dissolved Congress on Monday after lawmakers pushed "
        "ahead with a vote to appoint new judges.\n\nLawmakers responded at once.\n"
    )
    story = dump.stories[0]
    assert story.byline is not None and story.byline.authors == ("Marta Quispe",)
    assert story.agencies == ("AFP",)


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("Exports grew 4 percent in September, customs data showed Monday. Full story",
         "Exports grew 4 percent in September, customs data showed Monday."),
        ("Exports grew 4 percent in September, customs data showed Monday. Full Article »",
         "Exports grew 4 percent in September, customs data showed Monday."),
    ],
)
def test_full_story_after_a_sentence_marks_a_teaser(text: str, cut: str) -> None:
    assert strip_read_more(text) == (cut, True)


def test_full_story_inside_a_sentence_is_text() -> None:
    text = "The full story of the flood is still being told by those who lived through it."
    assert strip_read_more(text) == (text, False)


@pytest.mark.parametrize(
    ("line", "raw", "place", "region", "country", "agencies"),
    [
        ("Kampala- Former Uganda Cranes captain Tom Okello has confirmed his plan to coach.",
         "Kampala", "Kampala", None, "UG", ()),
        ("HAVANA. — The island's president said yesterday that the harvest would be late.",
         "HAVANA", "Havana", None, "CU", ()),
        ("MADRID. – The Spanish government said yesterday that the new rail line would open.",
         "MADRID", "Madrid", None, "ES", ()),
        ("SUVA, FIJI ---- A veteran boat builder says the budget will need a lot of will.",
         "SUVA, FIJI", "Suva", None, "FJ", ()),
        ("APIA, Samoa ----The regional forum has been invited to two meetings this month.",
         "APIA, Samoa", "Apia", None, "WS", ()),
        ("DENVER, Colo., Oct. 16 /PRNewswire-FirstCall/ -- Acme Labs said today that it had.",
         "DENVER, Colo., Oct. 16 /PRNewswire-FirstCall/", "Denver", "Colorado", "US",
         ("PRNewswire",)),
        ("AUSTIN, TX, UNITED STATES, June 15, 2025 /EINPresswire.com/ -- A local firm said.",
         "AUSTIN, TX, UNITED STATES, June 15, 2025 /EINPresswire.com/", "Austin", "Texas", "US",
         ("EINPresswire",)),
        ("PALM BEACH, Florida, August 22, 2017 /PRNewswire/ -- The biotech sector keeps rising.",
         "PALM BEACH, Florida, August 22, 2017 /PRNewswire/", "Palm Beach", "Florida", "US",
         ("PRNewswire",)),
    ],
)
def test_separators_and_press_wires(
    line: str, raw: str, place: str, region: str | None, country: str, agencies: tuple[str, ...]
) -> None:
    found = match_dateline(line, D)
    assert found is not None
    dl = found.dateline
    assert (dl.raw, dl.place, dl.region, dl.country, dl.agencies) == (
        raw, place, region, country, agencies
    )


@pytest.mark.parametrize(
    "line",
    [
        "Addis-based diplomats said on Thursday that the talks would resume next week.",
        "Nairobi- based diplomats said on Thursday that talks would resume next week.",
    ],
)
def test_a_glued_hyphen_in_title_case_needs_a_sentence(line: str) -> None:
    assert match_dateline(line, D) is None


@pytest.mark.parametrize(
    ("raw", "country"),
    [
        ("PALM BEACH, Florida", "US"),  # a small namesake abroad loses to the state
        ("Palm Beach, Fla.", "US"),
        ("LAHORE, Punjab", "PK"),  # a big city keeps its own country
    ],
)
def test_a_state_beats_a_small_namesake_abroad(raw: str, country: str) -> None:
    assert resolve_place(raw).country == country


ARCHIVE = (
    "Harbour strike enters second week in Mombasa | Dock workers in the port city stayed "
    "away for an eighth day on Monday, leaving ships at anchor and traders counting the "
    "cost of the stoppage, which unions say will go on until... (photo: AP/ Ann Weru) "
    "Daily Planet\n"
    "Coach quits after cup exit | Nairobi- The national team's coach resigned on Sunday, "
    "a day after his side was knocked out of the regional cup by a team ranked far "
    "below... (photo: Creative Commons / Ken Otieno)Sports Wire FootballKenya\n"
    "Rains bring relief to farmers | Farmers in the highlands welcomed the first heavy "
    "rains in months, though forecasters warned that floods could follow in the "
    "valleys... (photo: UN file/ Rose Ade) Voice Radio\n"
)


def test_an_aggregators_archive_of_title_bar_lede_lines() -> None:
    dump = parse("Top stories\n\n" + ARCHIVE)
    stories = dump.stories
    assert [s.headline for s in stories][-2:] == [
        "Coach quits after cup exit", "Rains bring relief to farmers"
    ]
    assert all(s.is_teaser for s in stories[-2:])
    coach = stories[-2]
    assert coach.dateline is not None and coach.dateline.place == "Nairobi"
    assert coach.text.startswith("The national team's coach resigned")
    assert "(photo:" not in coach.text  # the picture credit is no part of the lede


def test_title_bars_that_are_no_archive_stay_lines() -> None:
    page = (
        "World | Africa | Sport\n\n"
        "Harbour strike enters second week\n\n"
        "MOMBASA, Kenya (AP) — Dock workers stayed away for an eighth day on Monday, leaving "
        "ships at anchor.\n\n"
        "Unions say the stoppage will go on | the port says it will not talk until work "
        "resumes and that it has made its final offer to the union leaders.\n"
    )
    dump = parse(page)
    assert len(dump.stories) == 1
    assert dump.stories[0].headline == "Harbour strike enters second week"


def test_a_title_printed_twice_beats_the_deck_under_it() -> None:
    title = "Regulator Clears Second Rapid Flu Test From Acme Diagnostics for Hospital Use"
    dump = parse(
        f"{title}\n\n{title}\n"
        "Test runs on the Kestrel Cycler; Marks first branded molecular kit from Acme "
        "Diagnostics in the field\n"
        "DENVER, Colo., Oct. 16 /PRNewswire/ -- The regulator today issued a second "
        "emergency clearance for a rapid flu test.\n\nThe test gives results in an hour.\n"
    )
    assert dump.stories[0].headline == title


def test_a_source_dot_place_line_with_its_own_stamp_dates_each_item() -> None:
    items = [
        ("Militia attack kills 12 at border post", "Kabul", "September 24, 2020", "AF"),
        ("Envoys meet for a second round of talks", "Islamabad", "August 24, 2020", "PK"),
        ("Prisoner swap approved after long delay", "Kunduz", "August 10, 2020", "AF"),
    ]
    page = "".join(
        f"  • Images\n\n    {title}\n\n    Agence France-Presse . {place} | Updated at "
        f"10:27pm on {when}\n\n    Officials said on the day that the fighting had gone on "
        "for hours before reinforcements arrived in the\n\n"
        for title, place, when, _ in items
    )
    stories = parse(page).stories
    assert [s.headline for s in stories] == [t for t, _, _, _ in items]
    got = [(s.dateline.place, s.dateline.country, s.dateline.date) for s in stories if s.dateline]
    assert got == [
        (place, country, dt.datetime.strptime(when, "%B %d, %Y").date())
        for _, place, when, country in items
    ]
    assert all(s.agencies == ("AFP",) for s in stories)


def test_a_section_label_between_listing_items_does_not_hide_the_next_title() -> None:
    page = (
        "County Board Backs New Bridge, State Funding Still Unsure\n"
        "SPRINGFIELD, Ill. (AP) — The county board voted twice Tuesday to build a new bridge, "
        "but the money is likely to stall in the statehouse.\n"
        "Man Admits Fraud in Pension Scheme\n"
        "A man has admitted a mail fraud charge after he was accused of taking money from "
        "retired teachers over six years.\n"
        "Person of the Day\n"
        "Ruth Okafor\n"
        "The mayor named the city's longtime librarian to lead the new literacy office, "
        "starting next month.\n"
        "Storm Damage Closes Two Schools\n"
        "Two schools in the north of the county will stay closed this week after a storm "
        "tore off part of a roof.\n"
    )
    stories = parse(page).stories
    assert [s.headline for s in stories] == [
        "County Board Backs New Bridge, State Funding Still Unsure",
        "Man Admits Fraud in Pension Scheme",
        "Ruth Okafor",
        "Storm Damage Closes Two Schools",
    ]


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("WASHINGTON. L'étudiant rapatrié la semaine dernière est mort lundi à l'hôpital.",
         "Washington"),
        ("LONDRES. D'après la police, l'homme arrêté samedi vivait seul depuis deux ans.",
         "Londres"),
    ],
)
def test_a_french_brief_after_place_and_stop_may_open_with_an_elision(
    line: str, place: str
) -> None:
    found = match_dateline(line, D)
    assert found is not None and found.dateline.place == place


@pytest.mark.parametrize(
    "line",
    [
        "Your web browser is no longer supported. To improve your experience update it here",
        "Share story",
        "Table of Contents",
        "Press Releases",
        "Press Room",
        "Current Size: 100%",
        "Version imprimableEnvoyer par courriel",
        "Official website of the Ministry of Fisheries",
        "Minister of Roads Ana Lima – Official Facebook Page",
    ],
)
def test_site_notices_and_tools_are_furniture(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Press releases show the firm lost money for three years in a row, officials said.",
        "The table of contents lists every chapter the committee wrote.",
    ],
)
def test_furniture_words_inside_a_sentence_are_text(line: str) -> None:
    assert not is_boilerplate(line)


def test_site_notices_are_no_headline() -> None:
    dump = parse(
        "Your web browser is no longer supported. To improve your experience update it here\n\n"
        "Share story\n\n"
        f"LIMA, Peru — {LEDE}\n\nThe mayor said funding was secured.\n"
    )
    assert dump.stories[0].headline is None


@pytest.mark.parametrize(
    "line",
    [
        "SRI LANKA: MINE KILLS 9 SOLDIERS In the second blast in three days, a mine killed.",
        "PERU: FLOODS CUT MAIN HIGHWAY Heavy rain washed away a bridge on Sunday.",
    ],
)
def test_a_briefing_items_caps_title_after_the_country_is_no_dateline(line: str) -> None:
    assert match_dateline(line, D) is None


def test_a_caps_place_and_colon_before_a_sentence_is_still_a_dateline() -> None:
    found = match_dateline("NEW DELHI: The ministry on Friday rejected the agreement outright.", D)
    assert found is not None and found.dateline.place == "New Delhi"


@pytest.mark.parametrize(
    ("prefix", "place"), [("File photo", "New Delhi"), ("Reuters file photo", "New Delhi")]
)
def test_residue_before_a_two_word_place_keeps_the_whole_place(prefix: str, place: str) -> None:
    dump = parse(
        "Ministry rejects the corridor deal\n\n"
        f"{prefix} NEW DELHI: The ministry on Friday firmly rejected the boundary agreement "
        "and said it would raise the matter with both sides.\n\nMore talks are planned.\n"
    )
    dateline = dump.stories[0].dateline
    assert dateline is not None and dateline.place == place


def test_a_summarys_more_link_glued_to_its_last_sentence_marks_a_teaser() -> None:
    text = "A teenager sang a cartoon theme after he was arrested at the end of a chase.More >>"
    assert strip_read_more(text) == (text[: -len("More >>")], True)
    assert strip_read_more("He said more was needed. More of it.") == (
        "He said more was needed. More of it.", False
    )


def test_short_subheads_inside_a_datelined_article_do_not_split_it() -> None:
    page = (
        "Emir receives new envoys' credentials\n\n"
        "DOHA: The Emir received at the palace yesterday the credentials of the new "
        "ambassadors of three countries to the State.\n\n"
        "The ceremony was attended by the prime minister and several senior officials of "
        "the foreign ministry.\n\n"
        "Culture and science\n\n"
        "Later yesterday, the Emir received the minister of education, who briefed him on "
        "plans for the new academic year.\n\n"
        "Meanwhile, the Emir received the head of the national council for culture at the "
        "palace.\n\n"
        "Storm damage\n\n"
        "In other news, the Emir sent a cable to a neighbouring ruler over the storm that "
        "struck the coast on Monday.\n"
    )
    dump = parse(page)
    assert len(dump.stories) == 1
    assert any(p.text == "Culture and science" for p in dump.stories[0].paragraphs)


@pytest.mark.parametrize(
    "line",
    [
        "Interested in licensing this video ? Get in touch http://example.org/lic",
        "N.B.: AFP's services and content are for professional use only",
    ],
)
def test_the_agencys_licensing_notes_are_furniture(line: str) -> None:
    assert is_boilerplate(line)


TAG_PAGE = (
    "Latest Harbour Authority News\n\n"
    "Ferry chief says storm cancellations should end by Thursday\n\n"
    "Jul. 24, 2024 14:05 PM EDT\n\n"
    "The ferry line scrubbed fewer crossings on Wednesday, and its chief said the worst of "
    "the disruption was over.\n\n"
    "Port breaks ground on new rail yard to speed up freight\n\n"
    "Jul. 18, 2024 16:11 PM EDT\n\n"
    "LONG BEACH, Calif. (AP) — Officials broke ground on Thursday on a rail yard that will "
    "move containers off the docks faster.\n\n"
    "City to spend $40 million on a new river bridge\n\n"
    "Jul. 12, 2024 17:48 PM EDT\n\n"
    "MEMPHIS, Tenn. (AP) — The city will spend $40 million on a new bridge over the river, "
    "the mayor said on Friday.\n"
)


def test_a_stamped_item_above_the_first_datelined_one_is_a_teaser() -> None:
    stories = parse(TAG_PAGE).stories
    assert [s.headline for s in stories] == [
        "Ferry chief says storm cancellations should end by Thursday",
        "Port breaks ground on new rail yard to speed up freight",
        "City to spend $40 million on a new river bridge",
    ]
    assert stories[0].dateline is None and stories[0].is_teaser
    assert stories[0].text.startswith("The ferry line scrubbed")


def test_a_digest_title_over_its_stamp_and_intro_is_no_item() -> None:
    page = (
        "Harbour News Summary\n\n"
        "All News 13:43 October 05, 2016\n\n"
        "The following is the first summary of major stories moved on Wednesday.\n\n"
        "Ferry line adds night crossings for the holidays\n\n"
        "SEOUL -- The ferry line will add night crossings over the holidays, it said on "
        "Wednesday, after record bookings.\n\n"
        "Port posts record container volume in September\n\n"
        "BUSAN -- The port handled a record number of containers in September, its "
        "operator said on Wednesday.\n"
    )
    stories = parse(page).stories
    assert [s.headline for s in stories][-2:] == [
        "Ferry line adds night crossings for the holidays",
        "Port posts record container volume in September",
    ]
    assert "Harbour News Summary" not in [s.headline for s in stories]


@pytest.mark.parametrize(
    ("line", "raw", "place", "agencies", "date"),
    [
        ("ASTANA. KAZINFORM The President has held a meeting with the regional governors today.",
         "ASTANA. KAZINFORM", "Astana", ("Kazinform",), D),
        ("ALMATY. KAZINFORM – The city has opened three new schools this year, officials said.",
         "ALMATY. KAZINFORM", "Almaty", ("Kazinform",), D),
        ("23 February 2015 -- Use of one syringe for several patients is driving new infections.",
         "23 February 2015", None, (), dt.date(2015, 2, 23)),
        ("February 19, 2015 - The agency delivered 13 tons of medical supplies to the region.",
         "February 19, 2015", None, (), dt.date(2015, 2, 19)),
        ("MOSCOW, May 22 (AFP) May 22, 2009", "MOSCOW, May 22 (AFP) May 22, 2009", "Moscow",
         ("AFP",), dt.date(2009, 5, 22)),
        ("Lima (AFP) May 22, 2009 - Rescuers reached the village on Friday after the slide.",
         "Lima (AFP) May 22, 2009", "Lima", ("AFP",), dt.date(2009, 5, 22)),
    ],
)
def test_stop_credits_date_leads_and_dates_after_the_credit(
    line: str, raw: str, place: str | None, agencies: tuple[str, ...], date: dt.date
) -> None:
    found = match_dateline(line, D)
    assert found is not None
    dl = found.dateline
    assert (dl.raw, dl.place, dl.agencies, dl.date) == (raw, place, agencies, date)


@pytest.mark.parametrize(
    "line",
    [
        "Paris. AFP reporters saw the damage on Monday, and officials said it would take weeks.",
        "February 23 - The agency delivered medical supplies to the region on Monday, it said.",
        "2015 - The agency delivered medical supplies to the region on Monday, officials said.",
        "Astana. Kazinform",  # nothing after it
    ],
)
def test_what_is_no_stop_credit_and_no_date_lead(line: str) -> None:
    assert match_dateline(line, D) is None


def test_a_byline_with_its_date_dates_each_brief_and_a_glued_widget_is_cut() -> None:
    page = (
        "By The Canadian Press on February 15th, 2023\n"
        "OTTAWA – An audit ordered by the government found that the league did not use public "
        "money to settle claims.\n"
        "Be the first to comment!By The Canadian Press on February 14th, 2023\n"
        "QUEBEC – A provincial police officer who arrived at the scene of a crash last year "
        "told an inquiry what he saw.\n"
        "Be the first to comment!By The Canadian Press on February 13th, 2023\n"
        "SASKATOON – The family of a woman killed twenty years ago say they are devastated by "
        "the parole decision.\n"
    )
    stories = parse(page).stories
    assert [s.dateline.place for s in stories if s.dateline] == ["Ottawa", "Quebec", "Saskatoon"]
    assert [s.dateline.date for s in stories if s.dateline] == [
        dt.date(2023, 2, 15), dt.date(2023, 2, 14), dt.date(2023, 2, 13)
    ]
    assert all(s.agencies == ("CP",) for s in stories)
    assert all(s.headline is None for s in stories)


@pytest.mark.parametrize(
    ("line", "raw", "place"),
    [
        ("SYDNEY, May 28 Heavy rains and a cyclone cut gold output by 8 percent in the quarter.",
         "SYDNEY, May 28", "Sydney"),
        ("BEIJING, 27 May China must move away from heavy industry, a government adviser said.",
         "BEIJING, 27 May", "Beijing"),
        ("MADRID / AFP", "MADRID / AFP", "Madrid"),
    ],
)
def test_reuters_stripped_form_and_a_slashed_credit_alone(line: str, raw: str, place: str) -> None:
    found = match_dateline(line, D)
    assert found is not None
    assert (found.dateline.raw, found.dateline.place) == (raw, place)


@pytest.mark.parametrize(
    "line",
    [
        "Paris, May 28 Heavy rains and a cyclone cut gold output by 8 percent in the quarter.",
        "SYDNEY, May 28 heavy rains and a cyclone cut gold output by 8 percent in the quarter.",
        "MADRID / AFP el gobierno dijo que sí",
    ],
)
def test_no_dateline_without_capitals_or_a_sentence(line: str) -> None:
    assert match_dateline(line, D) is None


@pytest.mark.parametrize(
    ("prefix", "raw", "date"),
    [
        ("January 2, 2017", "MIAMI, Florida", dt.date(2017, 1, 2)),
        (
            "The minister greets reporters at talks in the city on March 4, 2010. "
            "(Photo: REUTERS/Ana Mora)",
            "MIAMI, Florida (AP)",
            None,
        ),
    ],
)
def test_a_stamp_or_photo_credit_glued_to_the_dateline(
    prefix: str, raw: str, date: dt.date | None
) -> None:
    tail = " (AP)" if "REUTERS" in prefix else ""  # (a caption ended by its credit)
    dump = parse(
        "Press group regrets a hard year for reporters\n\n"
        f"{prefix}MIAMI, Florida{tail} -- The press association said the old year ended with the "
        "toughest censorship in a decade.\n\nIt urged governments to act.\n"
    )
    dateline = dump.stories[0].dateline
    assert dateline is not None
    assert (dateline.raw, dateline.place, dateline.region) == (raw, "Miami", "Florida")
    if date is not None:
        assert dateline.date == date


def test_dated_blog_posts_above_the_first_datelined_one_are_items() -> None:
    posts = [
        ("Tuesday, March 23, 2010", "President tours the capital"),
        ("Saturday, March 13, 2010", "Sprinter places fourth"),
        ("Monday, March 08, 2010", "Rock band fills the stadium"),
    ]
    page = "".join(
        f"{day}\n\n{title}\n\nA crowd gathered on the day to watch, and the organisers said "
        "it was the largest they had seen.\n\n"
        for day, title in posts
    )
    page += (
        "Thursday, March 04, 2010\n\nEnvoy arrives for trade talks\n\n"
        "San Jose (AFP) - The envoy arrived on Thursday for two days of talks with ministers "
        "from across the region.\n"
    )
    stories = parse(page).stories
    titles = [t for _, t in posts] + ["Envoy arrives for trade talks"]
    assert [s.headline for s in stories] == titles
    assert stories[-1].dateline is not None and stories[-1].dateline.agencies == ("AFP",)


@pytest.mark.parametrize(
    ("line", "raw", "place", "agencies"),
    [
        ("(MENAFN- Kuwait News Agency (KUNA)) CAIRO, Dec 17 (KUNA) -- The lawyers' union met.",
         "(MENAFN- Kuwait News Agency (KUNA)) CAIRO, Dec 17 (KUNA)", "Cairo", ("KUNA",)),
        ("23-12-16 (MENAFN- Kuwait News Agency (KUNA)) KUWAIT -- The cabinet holds a session.",
         "23-12-16 (MENAFN- Kuwait News Agency (KUNA)) KUWAIT", "Kuwait", ("KUNA",)),
        ("(MENAFN- UkrinForm) A storage warehouse caught fire after the drone strike overnight.",
         "(MENAFN- UkrinForm)", None, ("Ukrinform",)),
        ("(MENAFN- The Peninsula) DOHA: The ministry announced new rules for the ports today.",
         "(MENAFN- The Peninsula) DOHA", "Doha", ()),
    ],
)
def test_an_aggregators_tag_heads_the_dateline_and_names_the_agency(
    line: str, raw: str, place: str | None, agencies: tuple[str, ...]
) -> None:
    dump = parse(f"Cabinet approves new rules\n\n{line}\n\nThe rules take effect next month.\n")
    dateline = dump.stories[0].dateline
    assert dateline is not None
    assert (dateline.raw, dateline.place) == (raw, place)
    assert dump.stories[0].agencies == agencies


def test_an_aggregators_tag_naming_no_agency_alone_is_no_dateline() -> None:
    dump = parse(
        "Cabinet approves new rules\n\n(MENAFN- AzerNews) The cabinet approved new rules for "
        "the ports on Thursday, the ministry said.\n\nThe rules take effect next month.\n"
    )
    assert dump.stories[0].dateline is None


@pytest.mark.parametrize(
    "line",
    [
        'MENAFN supplies this content "as is" and gives no warranty of any kind.',
        "MENAFN01012025000193011044ID1109046600",
    ],
)
def test_the_aggregators_disclaimer_and_item_number_are_furniture(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Big News Network.com Thursday 3rd October, 2019",
        "Source: Agence France-Presse\nCountry: Peru",
        "Source: Agence France-Presse\nThemes: Politics, Elections",
    ],
)
def test_site_stamps_and_record_fields_are_no_headline(line: str) -> None:
    dump = parse(
        f"Peru's president dissolves Congress\n\n{line}\n\n"
        "LIMA, Oct 3, 2019 (AFP) - The president dissolved Congress on Monday after lawmakers "
        "pushed ahead with a vote.\n\nLawmakers responded by suspending him.\n"
    )
    assert dump.stories[0].headline == "Peru's president dissolves Congress"


def test_a_title_with_a_colon_is_still_a_headline() -> None:
    dump = parse(
        "Floods: Thousands flee as rivers burst their banks\n\n"
        "LIMA, Peru - Thousands of people fled their homes on Monday as rivers burst their "
        "banks after a week of rain.\n\nMore rain is expected.\n"
    )
    assert dump.stories[0].headline == "Floods: Thousands flee as rivers burst their banks"


BRIEFS = (
    "Harbour Town Kurzmeldungen\n\n"
    "Fähre fällt aus\n\n"
    "Kiel (dpa). Die Fähre nach Oslo fällt am Donnerstag wegen eines Sturms aus, teilte die "
    "Reederei mit.\n\n"
    "Hafen wächst\n\n"
    "Hamburg (dpa). Der Hafen hat im dritten Quartal mehr Container umgeschlagen als je "
    "zuvor, sagte der Betreiber.\n\n"
    "Streik beendet\n\n"
    "Bremen (AFP). Die Lotsen haben ihren Streik nach zwei Tagen beendet, wie die Gewerkschaft "
    "mitteilte.\n"
)


def test_a_page_titled_briefs_has_whole_briefs_not_teasers() -> None:
    stories = parse(BRIEFS).stories
    assert [s.dateline.place for s in stories if s.dateline] == ["Kiel", "Hamburg", "Bremen"]
    assert not any(s.is_teaser for s in stories)


def test_the_same_items_without_the_title_are_teasers() -> None:
    stories = parse(BRIEFS.replace("Kurzmeldungen", "Politik")).stories
    assert any(s.is_teaser for s in stories)


def test_a_place_name_the_gazetteer_lacks_keeps_its_first_word() -> None:
    dump = parse(
        "Trial hears defence case\n\n"
        "Camp Zeist (AP). The defence accused the prosecution on Thursday of ignoring another "
        "line of inquiry during the long investigation.\n\nThe trial continues.\n"
    )
    dateline = dump.stories[0].dateline
    assert dateline is not None and dateline.place == "Camp Zeist"


def test_each_items_own_stamp_run_into_its_dateline_dates_it() -> None:
    items = [
        ("Press group regrets a hard year", "January 2, 2017", "MIAMI, Florida"),
        ("Regional body urges respect for parliament", "December 29, 2016", "WASHINGTON, USA"),
        ("Minister tries to join trade meeting", "December 16, 2016", "LIMA, Peru"),
    ]
    page = "News from the region:\n" + "".join(
        f"{title}\n{stamp}{dateline} -- Officials said on the day that the talks had gone on "
        "for hours before any agreement was reached.\n"
        for title, stamp, dateline in items
    )
    stories = parse(page).stories
    got = [(s.dateline.raw, s.dateline.date) for s in stories if s.dateline]
    assert got == [
        (dateline, dt.datetime.strptime(stamp, "%B %d, %Y").date())
        for _, stamp, dateline in items
    ]


@pytest.mark.parametrize(
    ("line", "author", "rest"),
    [
        ("Nora Quist, Senior Editor |", "Nora Quist", ""),
        ("Pavel Orr, Special Correspondent | Oct 16, 2024, 2:55 PM EDT", "Pavel Orr",
         "Oct 16, 2024, 2:55 PM EDT"),
        ("Ines Marr, Editor-at-Large |", "Ines Marr", ""),
        ("Tom Fenwick, Staff Writer", "Tom Fenwick", ""),
    ],
)
def test_a_name_and_the_writer_s_title(line: str, author: str, rest: str) -> None:
    found = web_byline(line)
    assert found is not None
    assert found[0].authors == (author,)
    assert found[1] == rest


@pytest.mark.parametrize(
    "line", ["Ports, Editor | Oct 1, 2024", "Floods, writer says more rain is due"]
)
def test_a_title_word_after_a_comma_is_no_byline(line: str) -> None:
    assert web_byline(line) is None
