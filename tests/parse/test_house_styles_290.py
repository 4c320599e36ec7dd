"""House styles parser 2.9.0 learned, in our own words.

Each case is a form an agency or a site prints, written with invented names and sentences.
The guard cases keep what must not change.
"""

from __future__ import annotations

import pytest

from etl.parse import parse_bytes
from etl.parse.agencies import (
    agency_code,
    author_page_agency,
    credit_line,
    section_agency,
    split_agencies,
    title_sources,
)
from etl.parse.dateline import match_dateline
from etl.parse.lines import is_caption, line_stamp, web_byline
from tests.parse.test_real_shapes import parse

# -- a site's record line: fields between pipes -------------------------------------------


@pytest.mark.parametrize(
    ("line", "authors", "agencies"),
    [
        ("CP | Marta Linwood, The Canadian Press | Posted 04.07.2017 | Canada",
         ("Marta Linwood",), ("CP",)),
        ("Tobias Rennard | Posted 11.04.2017 | Canada Living", ("Tobias Rennard",), ()),
        ("The Harbour Post | Ines Calloway | Posted 03.27.2017 | World",
         ("Ines Calloway",), ()),
        ("By Oskar Vell | Reuters | Oct 3, 2019 | 10:30 AM", ("Oskar Vell",), ("Reuters",)),
    ],
)
def test_a_record_line_names_its_people_before_the_stamp(
    line: str, authors: tuple[str, ...], agencies: tuple[str, ...]
) -> None:
    found = web_byline(line)
    assert found is not None
    assert found[0].authors == authors
    assert found[0].agencies == agencies
    assert line_stamp(found[1]) is not None  # the stamp (and the section) stay leftover


@pytest.mark.parametrize(
    "line",
    [
        "Floods close the coast road | Posted 03.27.2017 | World",  # a title, not a name
        "Home | News | Sport | Weather | Business",  # a menu
    ],
)
def test_a_record_line_needs_a_person(line: str) -> None:
    found = web_byline(line)
    assert found is None or not found[0].authors or "Floods" not in found[0].authors[0]


def test_record_lines_sign_each_item_of_a_section_page() -> None:
    text = (
        "Maritimes\n\n"
        "Ferry fares to rise for island routes\n\n"
        "CP | Marta Linwood, The Canadian Press | Posted 04.07.2017 | Canada\n\n"
        "Operators say the higher fuel bill leaves them no choice.\n\n"
        "Fishing season opens late after ice delays\n\n"
        "CP | Dara Quill, The Canadian Press | Posted 03.29.2017 | Canada\n\n"
        "Harbours in the north stayed frozen a week longer than usual.\n\n"
        "Library lends out snowshoes to families\n\n"
        "The Harbour Post | Ines Calloway | Posted 03.27.2017 | Canada Living\n\n"
        "The loans proved more popular than anyone on staff had guessed.\n"
    )
    stories = parse(text).stories
    assert [s.headline for s in stories] == [
        "Ferry fares to rise for island routes",
        "Fishing season opens late after ice delays",
        "Library lends out snowshoes to families",
    ]
    assert [s.byline.authors if s.byline else () for s in stories] == [
        ("Marta Linwood",), ("Dara Quill",), ("Ines Calloway",)
    ]
    assert [s.agencies for s in stories] == [("CP",), ("CP",), ()]


def test_a_record_line_with_a_date_field_is_a_stamp() -> None:
    line = "  + stars: | 2023-01-23 | by ( ) www.example-wire.com   time to read: +1 min"
    assert str(line_stamp(line)) == "2023-01-23"


def test_a_title_over_a_record_stamp_heads_the_datelined_story_below() -> None:
    text = (
        "Search results\n\n"
        "Grid failure blacks out the whole country\n"
        "  + stars: | 2023-01-23 | by ( ) www.example-wire.com   time to read: +1 min\n"
        "KARACHI, Jan 23 (Reuters) - Power failed across the country early on Monday after "
        "the national grid broke down, the energy ministry said.\n"
        "Airline fined over unruly passenger case\n"
        "  + stars: | 2023-01-20 | by ( ) www.example-wire.com   time to read: +1 min\n"
        "MUMBAI, Jan 20 (Reuters) - The aviation regulator fined an airline over how it "
        "dealt with a disruptive passenger, officials said on Friday.\n"
    )
    stories = parse(text).stories
    titled = {s.headline: s for s in stories}
    story = titled["Grid failure blacks out the whole country"]
    assert story.dateline is not None and story.dateline.place == "Karachi"
    story = titled["Airline fined over unruly passenger case"]
    assert story.dateline is not None and story.dateline.place == "Mumbai"


def test_a_long_title_with_pipes_and_no_date_field_is_no_stamp() -> None:
    line = (
        "Council votes to keep the old market hall open for another ten years | City | "
        "Local news from the valley and the hills around it"
    )
    assert line_stamp(line) is None


# -- datelines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "place", "region"),
    [
        ("CHARLOTTE, N.C. _ The state board voted on Tuesday to close two schools.",
         "Charlotte", "North Carolina"),
        ("RICHMOND, Va. _ Lawmakers met late into the night over the budget.",
         "Richmond", "Virginia"),
    ],
)
def test_ap_digests_underscore_dash(line: str, place: str, region: str) -> None:
    found = match_dateline(line, None)
    assert found is not None
    assert (found.dateline.place, found.dateline.region) == (place, region)
    assert line[found.end :].startswith(("The", "Lawmakers"))


def test_an_underscore_inside_a_word_is_no_dash() -> None:
    assert match_dateline("LONDON_BUREAU notes for the desk", None) is None


@pytest.mark.parametrize(
    ("credit", "code"),
    [("ANTARA News", "Antara"), ("Xinhua News Agency", "Xinhua"), ("Yonhap News", "Yonhap")],
)
def test_an_agency_code_with_news_after_it(credit: str, code: str) -> None:
    assert agency_code(credit) == code


@pytest.mark.parametrize("credit", ["Fox News", "Channel News", "trend news"])
def test_news_after_a_word_that_is_no_agency(credit: str) -> None:
    assert split_agencies(credit) == ()


def test_a_paren_credit_with_news_credits_the_agency() -> None:
    found = match_dateline(
        "Pekanbaru (ANTARA News) - The minister said the decision would come soon.", None
    )
    assert found is not None
    assert found.dateline.place == "Pekanbaru"
    assert found.dateline.agencies == ("Antara",)


# -- the Spanish papers' "Place.-" run onto the title -----------------------------------------

_PANORAMA = (
    "PANORAMA MUNDIAL\n\n"
    "Estados Unidos\n\n"
    "“Sin votos limpios no hay salida” Washington.- La enviada estadounidense para la región, "
    "Clara Benavides, insistió ayer en que solo unas elecciones libres resolverán la crisis.\n\n"
    "Benavides habló con un pequeño grupo de periodistas desde su despacho. (EFE)\n\n"
    "Protesta en Nicaragua\n\n"
    "Detienen a estudiantes que llevaban comida a madres en ayuno Managua.- Once "
    "estudiantes fueron arrestados ayer cuando llevaban víveres a un grupo de madres.\n\n"
    "Los jóvenes fueron trasladados de madrugada a la capital. (EFE)\n\n"
    "Sierra y Costa\n\n"
    "Temblores sacuden dos provincias de Ecuador Quito.- Dos sismos remecieron este viernes "
    "la costa norte y la sierra central, sin que se reporten heridos ni daños.\n"
)


def test_titles_run_onto_a_place_stop_dash_dateline() -> None:
    stories = parse(_PANORAMA).stories
    assert [s.dateline.place if s.dateline else None for s in stories] == [
        "Washington", "Managua", "Quito"
    ]
    assert [s.headline for s in stories] == [
        "“Sin votos limpios no hay salida”",
        "Detienen a estudiantes que llevaban comida a madres en ayuno",
        "Temblores sacuden dos provincias de Ecuador",
    ]
    assert stories[0].agencies == ("EFE",)


def test_a_sentence_ending_in_a_place_stop_dash_is_no_dateline() -> None:
    text = (
        "Informe semanal\n\n"
        "El ministro dijo que viajará la próxima semana a Quito.- No dio más detalles sobre "
        "la agenda ni sobre quienes lo acompañarán en la visita oficial.\n"
    )
    stories = parse(text).stories
    assert all(s.dateline is None for s in stories)


# -- an agency's coverage plan ---------------------------------------------------------------

_COVERAGE = (
    "AP News Digest 4:10 a.m.\n\n"
    "| June 27, 2020 1:03 AM\n\n"
    "Here are the AP’s latest coverage plans, top stories and promotable content. All times "
    "EDT.\n\n"
    "—————————\n\n"
    "TOP STORIES\n\n"
    "—————————\n\n"
    "HARBOUR-DREDGING — Crews began deepening the old port on Friday, a project the city "
    "says will let larger ships dock by next spring. By Nell Ashcombe. SENT: 800 words, "
    "photos.\n\n"
    "FARM-DROUGHT — Growers across three states are selling cattle early as ponds dry up and "
    "hay prices climb. By Ruben Okafor and Lise Marchetti. SENT: 950 words, photos, video.\n\n"
    "ELECTION-DEBATE — The two candidates meet for a last televised debate tonight. "
    "UPCOMING: 700 words by 11 p.m.\n"
)


def test_a_coverage_plan_lists_its_stories_by_slug() -> None:
    stories = parse(_COVERAGE).stories
    items = [s for s in stories if s.headline and "-" in s.headline]
    assert [s.headline for s in items] == ["HARBOUR-DREDGING", "FARM-DROUGHT", "ELECTION-DEBATE"]
    assert all(s.agencies == ("AP",) for s in items)
    assert [s.byline.authors if s.byline else () for s in items] == [
        ("Nell Ashcombe",), ("Ruben Okafor", "Lise Marchetti"), ()
    ]
    assert items[0].paragraphs[0].text.startswith("Crews began deepening")
    assert items[1].paragraphs[-1].text == "SENT: 950 words, photos, video."


def test_slugs_outside_a_digest_stay_text() -> None:
    text = (
        "Budget talks stall again\n\n"
        "WELLINGTON (AFP) - Ministers failed again on Monday to agree a budget, officials "
        "said.\n\n"
        "NEXT STEPS — The finance minister will meet party leaders on Wednesday.\n\n"
        "OPPOSITION VIEW — The opposition said the delay showed the coalition was divided.\n"
    )
    stories = parse(text).stories
    assert len(stories) == 1
    assert len(stories[0].paragraphs) == 3


# -- titles naming their sources; wire services' names ----------------------------------------

_SOURCED = (
    "Skip to main content\n\n"
    "Army chiefs warn against \"any attempt at unrest\" (RTS, Tanjug)\n\n"
    "The country's top officers met on Tuesday in the capital for a session of the defence "
    "collegium.\n\n"
    "They discussed the security situation in the region, the ministry said.\n\n"
    "Retired commanders ask why they are on trial abroad (RTS, Sputnik)\n\n"
    "Three of the eleven cases handed to the local courts concern retired commanders.\n\n"
    "The courts took over the files from the mission last year.\n\n"
    "President: the country is completely stable (N1, Beta)\n\n"
    "The president told a foreign newspaper there was no threat to the country's stability.\n\n"
    "He added that violent protesters did not speak for the country.\n"
)


def test_titles_naming_their_sources_start_whole_stories() -> None:
    stories = parse(_SOURCED).stories
    assert [s.headline.split(" (")[0] if s.headline else None for s in stories] == [
        'Army chiefs warn against "any attempt at unrest"',
        "Retired commanders ask why they are on trial abroad",
        "President: the country is completely stable",
    ]
    assert [s.agencies for s in stories] == [("Tanjug",), ("Sputnik",), ("Beta",)]


@pytest.mark.parametrize(
    ("title", "codes"),
    [
        ("Serbia is stable, president says (B92, Tanjug)", ("Tanjug",)),
        ("Floods hit the north (AFP/Reuters)", ("AFP", "Reuters")),
        ("Minister visits the flood zone (with photos)", ()),
        ("Team wins the cup (again)", ()),
        ("(AFP)", ()),
        ("Copper slides as stockpiles grow | Reuters", ("Reuters",)),
        ("Copper slides as stockpiles grow | Markets | AFP", ("AFP",)),
        ("Copper slides as stockpiles grow | The Harbour Post", ()),
    ],
)
def test_title_sources(title: str, codes: tuple[str, ...]) -> None:
    assert title_sources(title) == codes


def test_lebanons_national_news_agency_by_its_full_credit() -> None:
    assert agency_code("National News Agency - Lebanon") == "NNA"
    assert agency_code("National News Agency") is None  # (several countries' agencies)


def test_a_wire_service_name_is_no_place() -> None:
    assert match_dateline("AAP General News (Australia)", None) is None
    found = match_dateline("NEWPORT NEWS, Va. (AP) - The shipyard hired 200 workers.", None)
    assert found is not None and found.dateline.place == "Newport News"


def test_a_wire_service_label_credits_its_agency() -> None:
    assert section_agency("AAP General News (Australia)") == "AAP"


def test_a_sentence_case_deck_a_little_longer_than_its_title() -> None:
    text = (
        "Top\n\n"
        "Every department is doing its share, says the premier\n\n"
        "She said steady government is what voters asked of her\n\n"
        "Toronto: Every department is doing its share of the work, the premier told a "
        "briefing on Monday, rejecting claims of a split in her cabinet.\n\n"
        "She said the cabinet would meet again on Thursday.\n"
    )
    story = parse(text).stories[0]
    assert story.headline == "Every department is doing its share, says the premier"


def test_a_title_under_a_section_label_stays_the_headline() -> None:
    text = (
        "Regional Politics & Diplomacy\n\n"
        "Moscow denies any plan to close the Baltic transit route, says envoy\n\n"
        "MOSCOW, July 3. /TASS/. Russia has no plan to close the transit route, a senior "
        "diplomat said on Wednesday.\n"
    )
    story = parse(text).stories[0]
    assert story.headline == "Moscow denies any plan to close the Baltic transit route, says envoy"


def test_a_labelled_source_ends_a_one_paragraph_story() -> None:
    text = (
        "The two religious leaders spoke by phone on Sunday about the situation in the south "
        "and agreed to meet again before the end of the month.\n\n"
        "Source: National News Agency - Lebanon\n\n"
        "Police in the holy city arrest four over drug sales\n\n"
        "The police of the region arrested four citizens for trying to sell narcotic pills, "
        "a spokesman said, adding that an air rifle was seized with them.\n\n"
        "Source: Saudi Press Agency\n"
    )
    stories = parse(text).stories
    assert [s.headline for s in stories] == [
        None, "Police in the holy city arrest four over drug sales"
    ]
    assert [s.agencies for s in stories] == [("NNA",), ("SPA",)]


def test_a_page_title_with_its_agency_after_a_pipe_credits_the_story() -> None:
    text = (
        "Copper slides as stockpiles grow in Asian warehouses | Reuters\n"
        "Copper prices fell on Wednesday after exchange data showed a surprise build in "
        "stocks held in Asian warehouses, traders said.\n"
        "A firmer dollar also weighed on metals priced in the U.S. currency.\n"
    )
    story = parse(text).stories[0]
    assert story.agencies == ("Reuters",)


def test_a_bare_place_dash_glued_to_the_title_starts_the_text() -> None:
    text = (
        "Warsaw\n\n"
        "Dock workers press government over port subsidies\n\n"
        "Dock workers press government over port subsidiesWarsaw - Hundreds of dock workers "
        "rallied in the capital on Friday, demanding answers over state aid to the port.\n\n"
        "The union said more protests would follow next week.\n"
    )
    story = parse(text).stories[0]
    assert story.dateline is not None and story.dateline.place == "Warsaw"
    assert story.headline == "Dock workers press government over port subsidies"
    assert story.paragraphs[0].text.startswith("Hundreds of dock workers")


@pytest.mark.parametrize(
    "line",
    [
        "The chain opened a store in McAllen - its first in the state - on Friday, the "
        "company said in a statement to shareholders.",
        "Fans queued for the new eBay - Amazon price comparison app launched this week by "
        "a small startup from the valley.",
    ],
)
def test_a_capital_inside_a_word_is_no_glued_dateline(line: str) -> None:
    story = parse(f"Store news\n\n{line}\n").stories[0]
    assert story.dateline is None


@pytest.mark.parametrize(
    ("line", "codes"),
    [
        ("With files from The Canadian Press", ("CP",)),
        ("— With files from Reuters", ("Reuters",)),
        ("With additional reporting by AFP", ("AFP",)),
        ("With files from Jane Roe", ()),
        ("Reporting by Jane Roe", ()),
        ("Source(s): AFP", ("AFP",)),
        ("Xinhua | 01.12.2017 08h35", ("Xinhua",)),
        ("World | Xinhua", ()),
    ],
)
def test_with_files_from_an_agency(line: str, codes: tuple[str, ...]) -> None:
    assert credit_line(line) == codes


def test_with_files_from_closes_and_credits_the_story() -> None:
    text = (
        "Weekend outage caused by vandals, utility says\n"
        "The province's power utility says a weekend outage in two towns was caused by "
        "vandals who cut wires at a substation.\n"
        "Power was restored just before noon, the utility said.\n"
        "With files from The Canadian Press\n"
    )
    story = parse(text).stories[0]
    assert story.agencies == ("CP",)


def test_a_section_page_of_titles_with_one_sentence_summaries() -> None:
    items = [
        ("Clean streets: City to hire more sweepers for the old quarter",
         "The municipal council approved the plan at its Monday session."),
        ("Health drive: Measles campaign in the northern district ends today",
         "Officials said nearly half a million children were vaccinated."),
        ("Assembly row: Lawmakers to meet on Friday over the budget",
         "Opposition calls the move unusual."),
        ("Farm support: Growers get seed subsidy before the sowing season",
         "The scheme covers wheat and cotton growers in four districts."),
    ]
    text = "Region\nMore News\n-\n" + "".join(f"{t}\n{s}\n-\n" for t, s in items)
    stories = parse(text).stories
    assert [s.headline for s in stories] == [t for t, _ in items]
    assert [s.paragraphs[0].text for s in stories] == [s for _, s in items]


def test_a_short_sentence_under_a_subhead_keeps_an_article_whole() -> None:
    text = (
        "Port expansion approved after long review\n\n"
        "HAMBURG (dpa) - The city approved the port's expansion on Monday after a review that "
        "lasted four years, officials said.\n\n"
        "The new berths will take the largest container ships now in service, and the work is "
        "to start in the spring.\n\n"
        "Costs rise\n\n"
        "The bill has grown by a third.\n\n"
        "The city said higher prices for steel and concrete were to blame, and that federal "
        "money would cover part of the difference.\n\n"
        "Environmental groups said they would study the ruling before deciding whether to "
        "appeal, and warned of harm to the river's fish.\n"
    )
    stories = parse(text).stories
    assert len(stories) == 1


def test_a_listing_whose_copy_ends_in_a_short_cut_lede() -> None:
    items = [
        ("Farmers eye a minister from among their own",
         "In 2012 the union's leader said he was not ready for office, and that the party "
         "might not be either."),
        ("Three climbers reach the summit after a week of storms",
         "A team of three climbers reached the summit on Thursday after waiting out a week of "
         "storms at the high camp."),
        ("Harbour boss returns to work after illness",
         "The harbour's director returned to work on Monday after recovering from pneumonia, "
         "the port authority said."),
        ("Teenager sentenced over attack on shopkeeper", "A teenager who attacked a shopk"),
    ]
    text = "Last news\n\n" + "\n\n".join(f"{t}\n{s}" for t, s in items) + "\n"
    stories = parse(text).stories
    assert [s.headline for s in stories] == [t for t, _ in items]


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("The minister faces a crunch vote on his housing plan (Jo Penrose/PA)", True),
        ("Smoke rises over the port after the blast on Sunday. (AP Photo/Lena Ortiz)", True),
        ("Crowds gather outside the court as the verdict is read (Pool/Reuters)", True),
        ("Talks on trade resume in Geneva after a pause (AFP/Reuters)", False),
        ("Council approves the new budget for next year (2023/24)", False),
    ],
)
def test_a_caption_closed_by_its_bracketed_photo_credit(line: str, caption: bool) -> None:
    assert is_caption(line) is caption


def test_captions_between_an_author_pages_items_are_furniture() -> None:
    items = [
        ("Opposition talks to more members about switching sides, spokesman claims",
         "The party's health spokesman defended the move amid a backlash from new colleagues.",
         "10 May 2024", "The party leader with the new member in his office (Jo Penrose/PA)"),
        ("Government urges rebels to back the housing plan before the vote",
         "Further revolts are expected before the bill faces its final hurdle next week.",
         "17 Jan 2024", "The minister speaks during questions in the chamber (Ben Alder/PA)"),
        ("Minister faces crunch vote on housing plan after major revolt",
         "Allies of the minister insisted there was only a small gap between colleagues.",
         "16 Jan 2024", "Crowds gather outside the chamber before the vote (Ina Marsh/PA)"),
    ]
    lines = ["Political Staff", ""]
    for title, summary, stamp, caption in items:
        lines += [caption, "Politics", "", title, "", summary, stamp]
    stories = parse("\n".join(lines) + "\n").stories
    assert [s.headline for s in stories] == [t for t, _, _, _ in items]


def test_a_text_dump_with_markup_left_in_a_few_ledes_stays_text() -> None:
    text = (
        "• Vaccines: Volunteers roll up their sleeves for trial shots\n"
        "    2020-05-04 18:33:11 UTC\n\n"
        "    GENEVA (AP) — Hundreds of volunteers are rolling up their sleeves in several "
        "countries to test experimental vaccines, researchers said.\n"
        "  • Wildlife: Deer wander into empty city parks\n"
        "    2020-04-22 06:47:38 UTC\n\n"
        "    <p>An unplanned experiment is changing the cities.</p><p>As people stay home, "
        "the air has cleared and animals have moved in.</p>\n"
        "  • Markets: Shares slip as investors weigh the outlook\n"
        "    2020-04-16 21:23:54 UTC\n\n"
        "    <p>Markets fell on Thursday as investors weighed the outlook for the year.</p>\n"
    )
    dump = parse(text)
    assert dump.format == "text"
    assert [s.headline for s in dump.stories] == [
        "Vaccines: Volunteers roll up their sleeves for trial shots",
        "Wildlife: Deer wander into empty city parks",
        "Markets: Shares slip as investors weigh the outlook",
    ]


def test_a_fragment_of_markup_is_still_read_as_html() -> None:
    markup = (
        "<div class='story'>\n<h1>Port reopens after storm</h1>\n"
        "<p>LISBON (AFP) - The port reopened on Monday after a storm closed it for two "
        "days, officials said.</p>\n<p>Ships queued offshore through the night.</p>\n</div>\n"
    )
    dump = parse_bytes(markup.encode(), source="page.txt")
    assert dump.format == "html"


def test_dash_marked_titles_with_ledes_are_items() -> None:
    text = (
        "A roundup of the most talked-about releases this week\n"
        "TORONTO, Aug. 18, 2023 /CNW/ - With thousands of releases published each week, it "
        "can be hard to keep up. Here are ten that drew the most readers.\n"
        "- Grocer opens a second store in the east end of the city\n"
        "Located in a busy shopping district, the new 5,000 square-metre store will offer "
        "fresh produce and a food court when it opens next month.\n"
        "- Brewer agrees to sell its riverside plant to a dairy group\n"
        "\"We are pleased to have reached an agreement on this sale,\" the chief executive "
        "said, calling it the latest step in cutting costs across the company.\n"
    )
    stories = parse(text).stories
    assert [s.headline for s in stories[1:]] == [
        "Grocer opens a second store in the east end of the city",
        "Brewer agrees to sell its riverside plant to a dairy group",
    ]


def test_a_list_of_dashed_titles_alone_stays_a_list() -> None:
    text = (
        "New Delhi:\n"
        "The delegate used the right of reply at the assembly on Friday to answer remarks "
        "made earlier in the week, officials said.\n"
        "She told the hall the remarks were an attempt to distract from the record at home.\n"
        "Trending\n"
        "- RAIN LASHES COAST; SCHOOLS SHUT IN THREE DISTRICTS\n"
        "- From Mines To Tourism: 4 Issues Shaping The Coming Session\n"
        "- Submit pending bills by month end: finance dept tells contractors\n"
        "- Villagers Stage Protest Outside Roads Office\n"
        "- Council Poll Dates Announced, what changes?\n"
    )
    stories = parse(text).stories
    assert len(stories) == 1


def test_a_credit_and_dash_alone_between_title_and_text() -> None:
    text = (
        "Region\n\n"
        "Another attack on homes and a temple in the north\n"
        "IANS -\n"
        "The violence in the village took place on Friday evening over a post on social media, "
        "police said, adding that two houses were set on fire.\n"
        "Floods force thousands from their homes in the delta\n"
        "IANS -\n"
        "Tens of thousands of people left their homes on Saturday as rivers burst their banks "
        "across the delta, officials said.\n"
    )
    stories = parse(text).stories
    assert [s.headline for s in stories] == [
        "Another attack on homes and a temple in the north",
        "Floods force thousands from their homes in the delta",
    ]
    assert [s.agencies for s in stories] == [("IANS",), ("IANS",)]


def test_a_credit_with_a_dash_and_a_few_words_is_no_dateline() -> None:
    assert match_dateline("AFP - 2 min read", None) is None


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("About The Canadian Press", "CP"),
        ("About Reuters", "Reuters"),
        ("About us", None),
        ("About the author", None),
    ],
)
def test_an_agencys_about_label_opens_its_author_page(line: str, code: str | None) -> None:
    assert author_page_agency(line) == code
