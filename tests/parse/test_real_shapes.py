"""Whole pages in the shapes real wire pages take (issue 8), written in our own words.

Real page texts cannot be committed, so each shape the real-page corpus showed
(bench/real_pages/) gets a page of invented text here, with the same line order,
punctuation and furniture, and its expected parse. Every page must also lose no line.
"""

from __future__ import annotations

import datetime as dt

from etl.model import ParsedDump
from etl.parse import parse_bytes
from tests.parse.test_split import unaccounted


def parse(text: str, name: str = "page.txt") -> ParsedDump:
    dump = parse_bytes(text.encode("utf-8"), source=name)
    assert unaccounted(text, dump) == []
    return dump


def datelines(dump: ParsedDump) -> list[str | None]:
    return [s.dateline.raw if s.dateline else None for s in dump.stories]


def test_page_of_newspaper_briefs_with_place_dash_datelines() -> None:
    dump = parse(
        "Regional briefs\n"
        "Updated: 12-03-2021 09:15 IST\n\n"
        "FINDLAY, Ohio — A county road crew finished repairs on the river bridge a week "
        "early, and the road reopened to traffic on Thursday morning.\n\n"
        "The work cost less than planned, the county engineer said.\n\n"
        "LIMA -- The city council approved a new budget for street lighting after a long "
        "debate over the cost of the new lamps.\n\n"
        "(OTTAWA) — A federal panel will hold hearings on rail safety next month, its "
        "chairwoman said in a statement on Thursday.\n"
    )
    assert datelines(dump) == ["FINDLAY, Ohio", "LIMA", "(OTTAWA)"]
    places = [(s.dateline.place, s.dateline.region, s.dateline.country)
              for s in dump.stories if s.dateline]
    assert places == [("Findlay", "Ohio", "US"), ("Lima", None, "PE"), ("Ottawa", None, "CA")]
    for story in dump.stories:
        assert story.dateline is not None
        assert (story.dateline.date, story.dateline.date_source) == (dt.date(2021, 3, 12),
                                                                      "page_date")
        assert story.agencies == ()
    # A brief of two paragraphs is a story; a one-line item on a page of them reads as a
    # teaser (as the real-page labels have it), so only the first is asserted here.
    assert not dump.stories[0].is_teaser


def test_feed_of_teasers_each_with_headline_dateline_and_a_cut_lede() -> None:
    dump = parse(
        "Space News From OrbitDaily\n\n"
        "Probe reaches the asteroid belt after a long cruise\n\n"
        "Pasadena CA (SPX) Mar 02, 2021\n"
        "Engineers confirmed on Tuesday that the probe had entered the belt and that all "
        "of its instruments were working, and the team said the first images would\n\n"
        "Rocket test delayed by a valve problem\n\n"
        "Kourou, French Guiana (AFP) Mar 01, 2021\n"
        "The launch company pushed back the engine test by a week after technicians found "
        "a faulty valve in the\n"
    )
    assert [s.headline for s in dump.stories] == [
        "Probe reaches the asteroid belt after a long cruise",
        "Rocket test delayed by a valve problem",
    ]
    assert [s.is_teaser for s in dump.stories] == [True, True]
    assert [s.agencies for s in dump.stories] == [("SPX",), ("AFP",)]
    assert dump.stories[1].dateline is not None
    assert dump.stories[1].dateline.country == "GF"


def test_listing_of_titled_ledes_with_stamps_and_a_repeated_source_line() -> None:
    dump = parse(
        "Latest releases\n"
        "Released: 3-Sep-2021 7:00 AM EDT\n"
        "Sharing a goal with the right person helps you reach it\n"
        "Lakeside University\n\n"
        "People who told their goal to someone they admired worked harder at it, a new set "
        "of studies by the university's psychologists has found.\n\n"
        "Released: 29-Aug-2021 6:05 AM EDT\n"
        "Leftovers are thrown out sooner than people expect\n"
        "Lakeside University\n\n"
        "Households discard far more food than they plan to, and unclear date labels are a "
        "large part of the reason, a survey of two thousand homes suggests.\n\n"
        "Released: 28-Aug-2021 12:05 PM EDT\n"
        "Small cameras show how differently children see one classroom\n"
        "Lakeside University\n\n"
        "Children in the same preschool class may have very different days, according to "
        "footage from cameras the children wore.\n"
    )
    assert [s.headline for s in dump.stories] == [
        "Sharing a goal with the right person helps you reach it",
        "Leftovers are thrown out sooner than people expect",
        "Small cameras show how differently children see one classroom",
    ]
    assert all(len(s.paragraphs) == 1 for s in dump.stories)
    assert "Lakeside University" in dump.leftover  # a source printed under every item


def test_headline_above_stamp_web_byline_and_image_credit() -> None:
    dump = parse(
        "World\n"
        "Dam talks resume after a two-year pause\n"
        "Updated: Mar 3, 2021 10:30 AM\n"
        "Jane Roe | The Associated Press\n"
        "Photo: file picture of the dam site\n\n"
        "CAIRO — Negotiators from three countries met on Wednesday for the first time in two "
        "years to discuss how the reservoir should be filled.\n\n"
        "No date was set for the next round.\n"
    )
    main = dump.stories[0]
    assert len(dump.stories) == 1
    assert main.headline == "Dam talks resume after a two-year pause"
    assert main.byline is not None and main.byline.authors == ("Jane Roe",)
    assert main.agencies == ("AP",)
    assert main.dateline is not None and main.dateline.raw == "CAIRO"
    assert (main.dateline.date, main.dateline.date_source) == (dt.date(2021, 3, 3),
                                                               "page_date")


def test_source_before_place_with_the_site_stamp() -> None:
    dump = parse(
        "Kenya to build a second rail line to the border\n\n"
        "AFP | Nairobi | Updated: 03-10-2019 11:20 IST\n\n"
        "Kenya will start work on a second rail line to the Ugandan border next year, the "
        "transport ministry said on Thursday.\n"
    )
    main = dump.stories[0]
    assert main.dateline is not None and main.dateline.raw == "AFP | Nairobi"
    assert (main.dateline.place, main.dateline.country) == ("Nairobi", "KE")
    assert main.agencies == ("AFP",)
    assert main.dateline.date == dt.date(2019, 10, 3)
    assert "Updated: 03-10-2019 11:20 IST" in dump.leftover


def test_press_release_with_its_wire_in_slashes() -> None:
    dump = parse(
        "Acme Widgets opens a plant in Texas\n\n"
        "AUSTIN, Texas, March 3, 2021 /PRNewswire/ -- Acme Widgets said today it would open "
        "a new plant outside the city and hire 400 people over two years.\n\n"
        "SOURCE Acme Widgets\n"
    )
    main = dump.stories[0]
    assert main.dateline is not None
    assert main.dateline.raw == "AUSTIN, Texas, March 3, 2021 /PRNewswire/"
    assert (main.dateline.region, main.dateline.date) == ("Texas", dt.date(2021, 3, 3))
    assert main.agencies == ("PRNewswire",)


def test_credit_lines_under_the_headline_and_after_the_text() -> None:
    dump = parse(
        "Port strike ends after three days\n"
        "The Associated Press\n\n"
        "ROTTERDAM — Dock workers returned to work on Friday after the union accepted a new "
        "pension offer from the employers.\n\n"
        "Ships had queued outside the harbour since Tuesday.\n\n"
        "Palm oil prices steady\n\n"
        "KUALA LUMPUR:- Palm oil futures held steady on Friday as traders waited for export "
        "figures due next week.\n\n"
        "- Bernama\n"
    )
    assert [s.agencies for s in dump.stories] == [("AP",), ("Bernama",)]
    assert dump.stories[1].headline == "Palm oil prices steady"
    assert "The Associated Press" in dump.leftover


def test_dateline_after_a_stamp_and_image_residue_on_one_long_line() -> None:
    dump = parse(
        "Floods cut roads in the west\n\n"
        "Thursday, 3 October 2019 () Nairobi (AFP) Oct 3, 2019 Heavy rain cut the main road "
        "to Kisumu on Thursday, officials said, as rivers burst their banks across the region "
        "and thousands of people fled to higher ground.\n\n"
        "More rain is forecast.\n"
    )
    main = dump.stories[0]
    assert main.dateline is not None and main.dateline.raw == "Nairobi (AFP) Oct 3, 2019"
    assert main.paragraphs[0].text.startswith("Heavy rain cut the main road")


def test_crawl_header_with_a_month_only_and_the_story_on_it() -> None:
    dump = parse(
        " date 2021-05 KUALA LUMPUR:- The ministry will publish new rules for ride-hailing "
        "drivers next month, a spokesman said.\n\n"
        "Drivers have asked for clearer rules on insurance.\n"
    )
    assert dump.dump_date is None
    main = dump.stories[0]
    assert main.headline is None
    assert main.dateline is not None and main.dateline.raw == "KUALA LUMPUR"
    assert main.paragraphs[0].text.startswith("The ministry will publish")


def test_teaser_list_with_bullets_and_name_pipe_date_bylines() -> None:
    dump = parse(
        "  • Senate returns to the budget fight\n\n"
        "    Ann Fowler|Jan 13, 2019\n\n"
        "    WASHINGTON (AP) — Senators return this week to a budget fight that neither party "
        "has found a way to end, and leaders on both sides said on Sunday that\n\n"
        "  • Governors ask for help with flood costs\n\n"
        "    Ann Fowler|Dec 26, 2018\n\n"
        "    WASHINGTON (AP) — A group of governors asked federal officials on Wednesday for "
        "more help with the cost of the autumn floods, saying their budgets\n"
    )
    assert [s.headline for s in dump.stories] == [
        "Senate returns to the budget fight",
        "Governors ask for help with flood costs",
    ]
    assert [s.byline.authors if s.byline else () for s in dump.stories] == [
        ("Ann Fowler",), ("Ann Fowler",)]
    assert [s.dateline.date if s.dateline else None for s in dump.stories] == [
        dt.date(2019, 1, 13), dt.date(2018, 12, 26)]
    assert all(s.is_teaser for s in dump.stories)


def test_briefs_with_two_word_titles_and_no_datelines() -> None:
    dump = parse(
        "What you missed this weekend\n\n"
        "Island dispute\n\n"
        "Several thousand people rallied in the capital to back the government's claim to a "
        "chain of islands in the north.\n\n"
        "The rally ended peacefully, police said.\n\n"
        "Stable outlook\n\n"
        "A ratings agency affirmed the country's credit rating, citing strong public finances "
        "and low debt.\n\n"
        "Doping ruling\n\n"
        "A court upheld a two-year ban on a sprinter who had appealed against a positive "
        "test.\n"
    )
    assert [s.headline for s in dump.stories][1:] == ["Stable outlook", "Doping ruling"]
    assert len(dump.stories) == 3
    # The items are alike (a title, a short lede), so they are judged alike: the first is no
    # main story over the other two (split.py `_first_like_its_teasers`).
    assert len({s.is_teaser for s in dump.stories}) == 1


def test_an_agencys_digest_credits_each_brief() -> None:
    dump = parse(
        "Harbour News Digest: Aug. 28, 2024\n"
        "The following is the latest list of selected news summaries by Kyodo News.\n"
        "----------\n"
        "Reactor fails safety review for the first time\n"
        "TOKYO - The nuclear regulator decided on Wednesday that a reactor in the west failed "
        "its restart review, the first such ruling since the agency was founded.\n"
        "----------\n"
        "Rare typhoon warning issued for the southwest\n"
        "TOKYO - The weather agency issued a rare special warning on Wednesday as a powerful "
        "typhoon approached the southwestern islands.\n"
    )
    assert [s.headline for s in dump.stories][-2:] == [
        "Reactor fails safety review for the first time",
        "Rare typhoon warning issued for the southwest",
    ]
    # "Harbour News Digest" names no agency, but the intro under it does (parser 2.7.0).
    assert all(s.agencies == ("Kyodo",) for s in dump.stories)
    untold = parse(
        "Harbour News Digest: Aug. 28, 2024\n"
        "The following is the latest list of selected news summaries.\n"
        "----------\n"
        "Reactor fails safety review for the first time\n"
        "TOKYO - The nuclear regulator decided on Wednesday that a reactor in the west failed "
        "its restart review, the first such ruling since the agency was founded.\n"
    )
    assert all(s.agencies == () for s in untold.stories)  # no agency named anywhere
    titled = parse(
        "Kyodo News Digest: Aug. 28, 2024\n\n"
        "Reactor fails safety review for the first time\n\n"
        "TOKYO - The nuclear regulator decided on Wednesday that a reactor in the west failed "
        "its restart review, the first such ruling since the agency was founded.\n"
    )
    assert [s.agencies for s in titled.stories] == [("Kyodo",)]


def test_signoff_with_a_closing_dash_and_furniture_below_the_story() -> None:
    dump = parse(
        "Ruler meets editors in the capital\n\n"
        "Sharjah — The ruler received a group of newspaper editors on Monday and discussed the "
        "role of the press in public life. - Emirates News Agency, WAM –\n\n"
        "Astronaut crew lands safely\n"
        "Bill Ingalls, NASA/AFP\n\n"
        "Leave a Reply\n\n"
        "Your email address will not be published. Required fields are marked *\n"
    )
    assert dump.stories[0].agencies == ("WAM",)
    assert "Bill Ingalls, NASA/AFP" in dump.leftover
    assert "Leave a Reply" in dump.leftover
    assert len(dump.stories) == 1


def test_a_kicker_above_the_next_headline_is_furniture() -> None:
    dump = parse(
        "Traveller returns to the rose city for the sixtieth time\n\n"
        "AMMAN — A retired teacher from Ohio made his sixtieth visit to the ancient city this "
        "week and said he would keep coming back as long as he could walk.\n\n"
        "Local Tea-Lovers\n\n"
        "Tea maker shares the secrets of his blends\n\n"
        "AMMAN — A tea maker who supplies hotels across the region opened his workshop to "
        "visitors and explained how he chooses his leaves.\n"
    )
    assert [s.headline for s in dump.stories] == [
        "Traveller returns to the rose city for the sixtieth time",
        "Tea maker shares the secrets of his blends",
    ]
    assert "Local Tea-Lovers" in dump.leftover
    assert [len(s.paragraphs) for s in dump.stories] == [1, 1]


def test_a_whole_story_without_dateline_before_a_signed_one() -> None:
    dump = parse(
        "Bakery chain to buy a rival for $500 million\n\n"
        "THE CANADIAN PRESS | posted Thursday, Mar 31st, 2016\n\n"
        "A Toronto bakery chain has agreed to buy a rival in Quebec for $500 million.\n\n"
        "The buyer will take over 90 shops, two bakeries and a warehouse near Montreal.\n\n"
        "It said the deal would close in the summer if the regulators approve it.\n\n"
        "Hockey club wins a record 50th game\n\n"
        "Ann Fowler, The Canadian Press | posted Thursday, Mar 31st, 2016\n\n"
        "The home side beat the visitors 4-2 for a club-record 50th win of the season.\n"
    )
    assert [s.headline for s in dump.stories] == [
        "Bakery chain to buy a rival for $500 million",
        "Hockey club wins a record 50th game",
    ]
    assert [len(s.paragraphs) for s in dump.stories] == [3, 1]
    assert [s.agencies for s in dump.stories] == [("CP",), ("CP",)]
    assert dump.stories[1].byline is not None
    assert dump.stories[1].byline.authors == ("Ann Fowler",)


def test_archive_page_of_titled_and_dated_stories() -> None:
    dump = parse(
        "Anti-graft agency says the index slide is a wake-up call\n\n"
        "KUALA LUMPUR, Nov 19 (Bernama) -- The slide in the corruption index should be taken "
        "as a wake-up call by every ministry, the agency's director-general said on Sunday.\n\n"
        "He said the public must also play its part in reporting bribes to the authorities.\n\n"
        "The agency will publish its own survey early next year, he told reporters.\n\n"
        "Monday, August 14, 2006\n\n"
        "Cabinet drops plan for a permanent bridge\n\n"
        "The cabinet has dropped its plan to build a permanent bridge to the island and will "
        "upgrade the ferry service instead, the prime minister said.\n\n"
        "Work on the new ferry terminal will start next year.\n"
    )
    assert [s.headline for s in dump.stories] == [
        "Anti-graft agency says the index slide is a wake-up call",
        "Cabinet drops plan for a permanent bridge",
    ]
    assert [len(s.paragraphs) for s in dump.stories] == [3, 2]
    assert "Monday, August 14, 2006" in dump.leftover


def test_headline_with_a_sentence_case_deck_under_it() -> None:
    dump = parse(
        "Pipeline talks stall in Vienna\n\n"
        "Negotiators left without setting a date for the next round after a night of "
        "argument over transit fees\n\n"
        "VIENNA, Oct 3 (Reuters) - Talks on a new gas pipeline broke up early on Thursday "
        "with no agreement on how transit fees would be shared between the partners.\n\n"
        "Both delegations said they would report back to their governments.\n"
    )
    (story,) = dump.stories
    assert story.headline == "Pipeline talks stall in Vienna"
    assert story.dateline is not None and story.dateline.raw == "VIENNA, Oct 3 (Reuters)"


def test_title_cased_line_under_a_site_banner_is_the_headline() -> None:
    dump = parse(
        "Space News From OrbitDaily\n\n"
        "Engineers Test A New Heat Shield Design For The Lunar Lander Mission\n\n"
        "Houston TX (SPX) Nov 03, 2019\n"
        "Engineers fired a plasma torch at the shield for ten minutes on Monday and "
        "found no cracks in the tiles afterwards, the agency said.\n"
    )
    assert dump.stories[0].headline == (
        "Engineers Test A New Heat Shield Design For The Lunar Lander Mission"
    )


def test_a_stamp_under_the_long_headline_keeps_it_the_headline() -> None:
    dump = parse(
        "Backed by the Ministry of Culture\n\n"
        "Port authority opens a new container terminal to handle twice the cargo of the "
        "old quay by the end of the decade\n\n"
        "posted on 14/06/2018\n\n"
        "Abu Dhabi, 14th June, 2018 (WAM) - The port authority opened its new container "
        "terminal on Thursday, doubling the number of berths for large ships.\n"
    )
    assert dump.stories[0].headline.startswith("Port authority opens a new container")


def test_photo_credit_and_its_short_caption_are_not_the_headline() -> None:
    dump = parse(
        "Ferry service resumes after the storm\n\n"
        "Kathimerini file photo\n\n"
        "Harbour cranes at dusk\n\n"
        "ATHENS, Oct 3 (Reuters) – Ferries left Piraeus again on Thursday after a two-day "
        "ban on sailing was lifted as the winds eased over the Aegean.\n"
    )
    (story,) = dump.stories
    assert story.headline == "Ferry service resumes after the storm"
    assert "Kathimerini file photo" in dump.leftover


def test_a_caption_ending_in_a_foto_credit_is_furniture() -> None:
    dump = parse(
        "Regierung beschließt neues Krisengesetz\n\n"
        "Die Minister (l.) und der Kanzler betonten nach der Sitzung die gute Stimmung in "
        "der Koalition. FOTO: APA\n\n"
        "Wien (APA) - Der Ministerrat hat am Dienstag ein Gesetz für Krisenfälle "
        "beschlossen, das der Regierung im Notfall schnellere Entscheidungen erlaubt.\n"
    )
    (story,) = dump.stories
    assert story.headline == "Regierung beschließt neues Krisengesetz"
    assert story.agencies == ("APA",)


def test_listing_that_prints_each_title_twice_over_a_one_sentence_lede() -> None:
    dump = parse(
        "Prairie News\n\n"
        "Grain elevator fire forces evacuation of small town\n\n"
        "Grain elevator fire forces evacuation of small town\n\n"
        "REGINA — Residents of a farming village were told to leave their homes on Sunday "
        "as a fire spread through the grain elevator at its edge.\n"
        "Hail damages crops across the southern districts\n\n"
        "Hail damages crops across the southern districts\n\n"
        "A storm with hailstones the size of golf balls flattened wheat and canola fields "
        "across the south of the province overnight.\n"
        "Rail line reopens after a week of flood repairs\n\n"
        "Rail line reopens after a week of flood repairs\n\n"
        "SASKATOON — Freight trains ran again on the northern line on Friday after crews "
        "rebuilt two washed-out sections of track.\n"
        "Museum gets a dinosaur skeleton back on loan\n\n"
        "Museum gets a dinosaur skeleton back on loan\n\n"
        "REGINA — The provincial museum will show its best-known fossil again from May, "
        "after three years on loan to a gallery abroad.\n"
    )
    assert [s.headline for s in dump.stories] == [
        "Grain elevator fire forces evacuation of small town",
        "Hail damages crops across the southern districts",
        "Rail line reopens after a week of flood repairs",
        "Museum gets a dinosaur skeleton back on loan",
    ]
    assert datelines(dump) == ["REGINA", None, "SASKATOON", "REGINA"]
    assert all(s.is_teaser for s in dump.stories[1:])


def test_a_name_alone_over_a_publication_stamp_is_the_byline() -> None:
    dump = parse(
        "La Gazette du Lac\n\n"
        "Le canton prolonge les horaires des bus de nuit\n\n"
        "Les lignes du samedi rouleront jusqu'à trois heures du matin dès le mois prochain, "
        "a annoncé le département des transports.\n\n"
        "Martine Kessler\n\n"
        "Publié le 04.03.2021\n\n"
        "Transports » Le Conseil d'Etat a validé mardi un crédit pour prolonger les horaires "
        "des bus de nuit sur les quatre lignes principales du canton.\n"
    )
    (story,) = dump.stories
    assert story.headline == "Le canton prolonge les horaires des bus de nuit"
    assert story.byline is not None and story.byline.authors == ("Martine Kessler",)


def test_a_source_name_over_a_stamp_is_no_author() -> None:
    dump = parse(
        "Key indices end the week lower in thin trade\n\n"
        "Image\n"
        "Market Desk\n"
        "Last Updated : Mar 05 2021 | 9:12 PM IST\n\n"
        "Benchmark indices edged lower in the last session of the week as metal and bank "
        "shares fell, while pharma stocks gained on a weaker rupee.\n"
    )
    story = dump.stories[0]
    assert story.byline is None or story.byline.authors == ()


def test_listing_whose_stamps_follow_each_story_dates_the_story_above() -> None:
    dump = parse(
        "Lighthouse keepers vote to join the union\n\n"
        "BANGOR, Maine (AP) — The last six lighthouse keepers on the coast voted on Tuesday to "
        "join the state employees' union after a long dispute over night pay.\n\n"
        "Jun. 4, 2019 9:30 PM EDT\n"
        "Ferry fares rise for island residents\n\n"
        "ROCKLAND, Maine (AP) — Fares on the island ferries will rise by a tenth from July, "
        "the transport department said after a public hearing on Monday night.\n\n"
        "Oct. 9, 2018 4:15 PM EDT\n"
        "Blueberry harvest smallest in a decade\n\n"
        "BANGOR, Maine (AP) — Growers said a dry summer and a late frost left this year's wild "
        "blueberry crop the smallest they had seen in ten years.\n\n"
        "Aug. 22, 2017 1:37 PM EDT\n"
    )
    assert [s.dateline.date for s in dump.stories if s.dateline] == [
        dt.date(2019, 6, 4), dt.date(2018, 10, 9), dt.date(2017, 8, 22),
    ]  # fmt: skip


def test_stamp_between_headline_and_dateline_dates_that_story_not_the_page_head() -> None:
    dump = parse(
        "Harbour Notes\n\n"
        "Saturday, March 20, 2021\n\n"
        "Port strike ends after two days\n\n"
        "March 03, 2021\n\n"
        "ROTTERDAM (AP) — Dock workers returned to the terminals on Wednesday after the union "
        "and the port operators agreed on new night-shift rotas.\n\n"
        "The backlog of ships at anchor should clear within a week, the port said.\n\n"
        "Canal reopens to barges\n\n"
        "Friday 5 February 2021\n\n"
        "Barges moved through the canal again on Thursday after the ice that had closed it "
        "for ten days finally broke up in the milder weather.\n"
    )
    main = dump.stories[0]
    assert main.dateline is not None and main.dateline.date == dt.date(2021, 3, 3)


def test_the_source_paper_named_under_the_title_is_not_the_headline() -> None:
    dump = parse(
        "Front Page\n\n"
        "Harbour city tests its tsunami sirens after a decade of silence\n\n"
        "Coastal Herald\n"
        "Date: 10/05/2020\n"
        "By: Lin Mei-hua and Tom Reyes\n\n"
        "Keelung, Oct. 5 (CNA) The city tested all forty of its tsunami sirens on Monday for "
        "the first time in ten years, and residents were asked to report any they could not "
        "hear.\n"
    )
    story = dump.stories[0]
    assert story.headline == "Harbour city tests its tsunami sirens after a decade of silence"
    assert story.dateline is not None and story.dateline.agencies == ("CNA",)


def test_a_web_byline_under_a_title_after_a_story_starts_the_next_one() -> None:
    dump = parse(
        "Bakery chain buys its rival for $80 million\n\n"
        "THE CANADIAN PRESS | posted Thursday, Mar 31st, 2016\n\n"
        "The family-owned bakery chain has agreed to buy its largest rival, the companies "
        "said on Thursday, creating the biggest bakery group in the province.\n\n"
        "The deal still needs the approval of the competition bureau, which is expected to "
        "rule on it before the end of the summer.\n\n"
        "The buyer said every shop would keep its name and its staff for at least two "
        "years after the sale closes.\n\n"
        "Shares of the buyer rose by four per cent in morning trading after the "
        "announcement.\n\n"
        "Curling rink wins its fourth title in a row\n\n"
        "Ann Taylor, The Canadian Press | posted Thursday, Mar 31st, 2016\n\n"
        "Every time the rink from the north has reached a final in the last four years it has "
        "gone on to win the"
    )
    assert [s.headline for s in dump.stories] == [
        "Bakery chain buys its rival for $80 million",
        "Curling rink wins its fourth title in a row",
    ]
    second = dump.stories[1]
    assert second.byline is not None and second.byline.authors == ("Ann Taylor",)
    assert second.agencies == ("CP",)


def test_a_tag_page_whose_copy_ends_mid_lede_keeps_its_last_teaser() -> None:
    dump = parse(
        "Governors agree to share the river's water\n\n"
        "The three governors signed a pact on Friday that sets out how much water each state "
        "may draw from the river in a dry year, ending a dispute of ten years in the…\n\n"
        "Court halts dam works after a farmers' appeal\n\n"
        "A high court judge ordered work on the new dam to stop until the farmers' appeal "
        "over compensation for flooded land has been heard by the full bench of…\n\n"
        "Drought relief reaches northern counties\n\n"
        "Relief lorries carrying food and water reached six northern counties on Tuesday after "
        "the main road was repaired, officials in the region said, adding that more…\n\n"
        "Irrigation scheme opens to smallholders\n\n"
        "Valley smallholders, the governor said, will be able to join the irrigation scheme fr"
    )
    assert [s.headline for s in dump.stories][-1] == "Irrigation scheme opens to smallholders"
    assert len(dump.stories) == 4
