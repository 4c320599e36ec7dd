"""Archive, tag and category pages (parser 2.4.0): lists of story previews, in our words.

Shapes from the own-words shape corpus: a tag page whose items each end in a "Full
Story" link; page metadata lines ("Classified in: ...") that are never a headline; a press
release's own sections; a credit-and-date line over the dateline.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from etl.parse.lines import is_boilerplate, is_caption, is_read_more_only
from tests.parse.test_real_shapes import datelines, parse


def test_items_ending_in_a_full_story_link_are_all_teasers() -> None:
    items = [
        ("Harbour Board Approves Night Ferry Trial Across the Bay",
         "The harbour board on Monday approved a six-month trial of night ferries between "
         "the two shores of the bay, after years of requests from shift workers.",
         "Officials said the first boats would sail in the spring."),
        ("Mayor Warns of Water Cuts as Reservoirs Drop",
         "The mayor warned on Tuesday that water supplies could be cut at night if the dry "
         "spell lasts another month, as reservoirs fell to a third of capacity.", None),
        ("Teachers Vote to End Two-Week Strike",
         "Teachers in the capital voted on Wednesday to end a two-week strike after the "
         "ministry offered a pay rise spread over three years.",
         "Schools are due to reopen on Monday, the union said."),
    ]
    text = "Latest stories\n"
    for title, lede, more in items:
        text += f"{title}\n\n{lede}\n\n" + (f"{more}\n\n" if more else "")
        text += "W140 Full Story\n"
    dump = parse(text)
    assert [s.headline for s in dump.stories] == [title for title, _, _ in items]
    assert [s.is_teaser for s in dump.stories] == [True, True, True]


def test_a_tag_page_without_the_link_keeps_its_first_story_whole() -> None:
    """The same page without "Full Story" links: a long first story is the page's main."""
    text = (
        "Harbour Board Approves Night Ferry Trial Across the Bay\n\n"
        + "\n\n".join(
            f"Paragraph {n} of the harbour story says the board met for a long evening and "
            "heard from many residents about the noise of the boats at night." for n in range(6)
        )
        + "\n\nMayor Warns of Water Cuts as Reservoirs Drop\n\n"
        "The mayor warned on Tuesday that water supplies could be cut at night if the dry "
        "spell lasts another month ...\n\n"
        "Teachers Vote to End Two-Week Strike\n\n"
        "Teachers in the capital voted on Wednesday to end a two-week strike after the "
        "ministry offered a pay rise ...\n"
    )
    dump = parse(text)
    assert dump.stories[0].is_teaser is False
    assert all(s.is_teaser for s in dump.stories[1:])


def test_a_main_story_with_a_byline_over_short_related_items_stays_the_main_story() -> None:
    text = (
        "Ministry says no decision yet on grain corridor talks\n\n"
        "By Olga Petrenko\n\n"
        "MOSCOW, March 4. /TASS/. No decision has been taken on a new round of talks on "
        "the grain corridor, a deputy minister told reporters on Monday.\n\n"
        "He said experts from both sides would meet again after the holidays.\n\n"
        "Senator says new tariffs will hurt the country's own farmers first\n\n"
        "MOSCOW, March 3. /TASS/. A senior senator said on Sunday that the tariffs "
        "announced last week would hit domestic fertiliser makers.\n\n"
        "Russia and Laos to sign transport and energy deals\n\n"
        "MOSCOW, March 3. /TASS/. Russia and Laos expect to sign agreements on rail, "
        "power lines and river ports during the premier's visit, an aide said.\n"
    )
    dump = parse(text)
    assert dump.stories[0].is_teaser is False


def test_page_metadata_lines_are_furniture_not_headlines() -> None:
    for line in ("Classified in: Mining industry, Business", "Subject: DRILLING RESULTS",
                 "Filed under: Energy", "You are here: Home", "Off the wire",
                 "Video PlayerClose", "Adjust font size:"):
        assert is_boilerplate(line), line
    dump = parse(
        "Le Wire\n"
        "Classified in: Mining industry, Business\n"
        "Subject: MINING DRILLING RESULTS\n\n"
        "Northern Lake Metals reports first drill hole cutting 31.5 m of 6.2% zinc\n\n"
        "VANCOUVER, BRITISH COLUMBIA--(Marketwired - June 8, 2016) - Northern Lake Metals "
        "Corp. is pleased to report the first results of its winter drilling programme.\n"
    )
    assert dump.stories[0].headline == (
        "Northern Lake Metals reports first drill hole cutting 31.5 m of 6.2% zinc"
    )
    assert dump.stories[0].agencies == ("Marketwired",)


def test_full_story_links_count_as_read_more_lines() -> None:
    for line in ("Full Story", "W140 Full Story", "Full story »", "Continue reading",
                 "Read the full story"):
        assert is_read_more_only(line), line
    assert not is_read_more_only("Full Story of the war in the north")


def test_a_press_release_keeps_its_about_and_forward_looking_sections() -> None:
    dump = parse(
        "NORTHFIELD ENERGY REPORTS FIRST OIL FROM ITS THIRD WELL ON THE MESA LEASE\n"
        "Tulsa, OK – June 3, 2020 – Northfield Energy Inc. today said oil has begun to flow "
        "from the third horizontal well on its Mesa lease in western Oklahoma.\n"
        "The well reached its planned depth last month and was completed in twelve stages.\n"
        "About Northfield Energy Inc.\n"
        "Northfield Energy is an independent producer based in Tulsa with interests in "
        "three counties of western Oklahoma.\n"
        "Forward-Looking Statements\n"
        "This release contains forward-looking statements that rest on assumptions which "
        "may prove wrong, including the timing of future wells.\n"
    )
    assert len(dump.stories) == 1
    assert dump.stories[0].dateline is not None
    assert dump.stories[0].dateline.raw == "Tulsa, OK – June 3, 2020"


def test_a_table_introduced_by_a_colon_is_no_list_of_stories() -> None:
    dump = parse(
        "Gulf producer trims October prices for European buyers\n"
        "Sept 5 (Reuters) - The state oil company lowered its October official selling "
        "prices for crude bound for Europe, a pricing document showed on Sunday.\n"
        "Differentials for term supplies bound for Asia, set against the regional average:\n"
        "ASIA\n"
        "NORTH AMERICA (versus the US index)\n"
        "Differentials for cargoes bound for Northwest Europe, set against the benchmark:\n"
        "NW EUROPE\n"
    )
    assert len(dump.stories) == 1


def test_a_credit_and_date_line_over_the_dateline_is_its_header() -> None:
    dump = parse(
        "- Associated Press - Monday, May 5, 2014\n\n"
        "SALINA, Kan. (AP) - County officials are set to vote Tuesday on a plan to repave "
        "the old highway through town, after two years of complaints about potholes.\n\n"
        "The work would start in June and last most of the summer, the county said.\n",
        "page.txt",
    )
    assert len(dump.stories) == 1
    story = dump.stories[0]
    assert story.dateline is not None and story.dateline.raw == "SALINA, Kan. (AP)"
    assert story.dateline.date == dt.date(2014, 5, 5)
    assert story.agencies == ("AP",)
    assert "Associated Press - Monday, May 5, 2014" in dump.leftover


def test_a_name_or_a_country_before_a_title_is_no_dateline() -> None:
    for line in (
        "Petrov: Moscow is ready to talk trade with its neighbours",
        "Colombia.- La Policía detiene a cien sospechosos en una operación en el sur",
    ):
        dump = parse(line + "\n\n" + "Officials met on Monday to discuss the plan, which "
                     "would widen the coastal road and add two new bridges by next spring.\n")
        assert dump.stories[0].headline == line
        assert dump.stories[0].dateline is None


def test_teasers_that_end_in_their_pictures_credit_are_no_captions() -> None:
    credit = " (photo: AP / Lena Ortiz )"
    lines = [
        f"{title} The Daily Courier{dateline} -- {lede}{credit}"
        for title, dateline, lede in (
            ("Harbour town counts the cost of the storm", "KINGSTON",
             "Shop owners along the seafront spent the weekend clearing sand and broken glass "
             "from their premises after the strongest storm in a decade tore through the town. "
             "Many say their insurance will not cover the damage and that they may not reopen "
             "before the summer season begins,..."),
            ("Ferry services resume after two-day halt", "KINGSTON (Reuters)",
             "Ferries between the island and the mainland sailed again on Monday after high "
             "winds kept them in port for two days, the operator said. Thousands of travellers "
             "had been stranded on both sides of the strait, and hotels near the terminals "
             "reported that they were fully booked,..."),
        )
    ]
    dump = parse("\n".join(lines) + "\n")  # (before 2.4.0: rejected, all "furniture")
    assert dump.leftover == ()
    assert [p.text for s in dump.stories for p in s.paragraphs][-1].endswith(credit.strip())


def test_a_caption_that_opens_like_a_dateline_and_ends_in_its_credit_is_a_caption() -> None:
    dump = parse(
        "Gulf navies finish joint drill off the coast\n\n"
        "KUWAIT: Officers from three navies review ships at the closing ceremony of the "
        "'Gulf Shield' exercise. – Photos by Yousef Al-Ali\n\n"
        "By Mona Saleh\n\n"
        "KUWAIT: Warships from Kuwait and Bahrain, backed by a US task force, completed the "
        "last phase of a two-week joint exercise yesterday, officials said.\n\n"
        "The drill tested mine clearing and the escort of tankers through busy lanes.\n"
    )
    assert len(dump.stories) == 1
    assert dump.stories[0].byline is not None
    assert dump.stories[0].byline.authors == ("Mona Saleh",)


def test_a_whole_caption_ended_by_its_credit_runs_into_the_related_dateline() -> None:
    dump = parse(
        "Port operator posts record quarter as trade rebounds\n\n"
        "The operator handled more containers than in any quarter since it listed, it said "
        "on Thursday, as shipping lines added calls at its terminals.\n\n"
        "Related Articles\n\n"
        "Lumen Health sues regulator over approval of rival insulin pump\n\n"
        "FILE PHOTO: A cyclist rides past the Lumen Health offices in San Diego, California, "
        "U.S., May 3, 2024. REUTERS/Ana Cruz/File Photo BOSTON (Reuters) -Medical device "
        "maker Lumen Health sued the Food and Drug Administration on Wednesday over its "
        "decision to clear a rival's pump.\n"
    )
    assert datelines(dump)[-1] == "BOSTON (Reuters)"
    assert dump.stories[-1].headline == (
        "Lumen Health sues regulator over approval of rival insulin pump"
    )


def test_a_headline_run_into_a_credited_dateline_on_a_long_line() -> None:
    body = (
        "Police said on Monday that three men had been charged over a series of fires at "
        "warehouses in the port district, and that more arrests could follow as the "
        "investigation widened to other cities in the region."
    )
    furniture = "Home\nNews\nAsia\nWorld\nBusiness\nSport\nOpinion\nArchive\n\n"
    line = f"Warehouse fire suspects charged in port district KUALA LUMPUR (AFP): {body}"
    dump = parse(furniture + line + "\n")  # (a page of many lines: not one flattened line)
    story = dump.stories[0]
    assert story.dateline is not None and story.dateline.raw == "KUALA LUMPUR (AFP)"
    assert story.headline == "Warehouse fire suspects charged in port district"
    assert story.paragraphs[0].text == body
    prose = f"The minister told reporters in Paris that talks would go on. {body}"
    assert parse(prose + "\n").stories[0].dateline is None


def test_date_headings_of_an_archive_page_are_no_paragraphs() -> None:
    dump = parse(
        "Earth Science\n\n"
        "Kelp Forests Return To Northern Bays Monterey CA (SPX) Mar 4, 2006\n"
        "Divers counting kelp along the coast found the forests growing back in bays where "
        "urchins had stripped them bare a decade ago.\n\n"
        "Glacier Retreat Speeds Up In The Andes\n"
        "Satellite images show glaciers in the southern Andes losing ice twice as fast as in "
        "the 1990s, researchers said.\n\n"
        "March 2006\n\n"
        "February 27\n\n"
        "Deep Sea Vents Host Unknown Crabs\n"
        "A survey of hot springs on the sea floor near Easter Island found three kinds of crab "
        "that no one had described before.\n"
    )
    assert [s.headline for s in dump.stories] == [
        "Kelp Forests Return To Northern Bays",
        "Glacier Retreat Speeds Up In The Andes",
        "Deep Sea Vents Host Unknown Crabs",
    ]
    assert {"March 2006", "February 27"} <= set(dump.leftover)


def test_a_press_digest_keeps_its_papers_names_as_section_labels() -> None:
    dump = parse(
        "PRESS DIGEST-Canada-Nov 2\n\n"
        "Nov 2 (Reuters) - The following are the top stories from selected Canadian "
        "newspapers. Reuters has not verified these stories and does not vouch for their "
        "accuracy.\n\n"
        "THE DAILY LEDGER\n\n"
        "A Halifax shipbuilder has won a contract to build four coast guard vessels, the "
        "paper reported, citing people familiar with the deal.\n\n"
        "Provinces are weighing a joint purchase of school buses to cut costs.\n\n"
        "PRAIRIE POST\n\n"
        "A Regina grain handler named its finance chief as interim chief executive after the "
        "sudden departure of its founder.\n"
    )
    assert len(dump.stories) == 1
    assert dump.stories[0].headline == "PRESS DIGEST-Canada-Nov 2"


def test_a_picture_credit_of_several_sources_is_a_caption_no_title() -> None:
    assert is_caption("Ivan Petrov / Kremlin / RIA Novosti / Reuters")
    assert is_caption("Ivan Petrov / AFP")
    assert not is_caption("By Ivan Petrov / AFP")
    # the own-words copy of a real page of this shape: the credit heads no teaser
    page = Path(__file__).parents[1] / "fixtures" / "real_shapes" / "m2" / "m2-c033.txt"
    dump = parse(page.read_text(encoding="utf-8"))
    assert all(s.headline is None for s in dump.stories)
