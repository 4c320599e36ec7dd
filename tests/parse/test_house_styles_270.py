"""House styles parser 2.7.0 learned, in our own words.

Each case is a form an agency or a site prints, written with invented names and sentences.
The guard cases keep what must not change.
"""

from __future__ import annotations

import pytest

from tests.parse.test_real_shapes import parse


def _digest_page(lead: str, credit: str = "(Yonhap)") -> str:
    return (
        f"SEOUL, Nov. 3 {credit} -- {lead}\n\n"
        "Envoy to press partners on shipping curbs at regional forum\n\n"
        "WASHINGTON -- A senior envoy will urge partners to close gaps in shipping checks at a "
        "regional forum next week, officials said on Friday.\n\n"
        "Port city plans new ferry terminal by spring: officials\n\n"
        "SEOUL -- The port city will open a new ferry terminal by spring, city officials said on "
        "Thursday, as passenger numbers climb.\n\n"
        "Wire service adds desk in harbour town\n\n"
        "TOKYO (Kyodo) -- A wire service said on Thursday it would open a desk in the harbour "
        "town to follow the fishing season.\n"
    )


@pytest.mark.parametrize(
    "lead",
    [
        "Here are the week's main overseas stories concerning the peninsula.",
        "Following are the top stories at 5 PM:",
        "Below are the main stories the English desk expects to follow on Saturday.",
        "The following are the major news items of the day.",
        "Here is a summary of the day's news.",
    ],
)
def test_items_under_an_agencys_digest_lead_are_its_own(lead: str) -> None:
    stories = parse(_digest_page(lead)).stories
    assert [s.dateline.raw for s in stories if s.dateline] == [
        "SEOUL, Nov. 3 (Yonhap)", "WASHINGTON", "SEOUL", "TOKYO (Kyodo)"
    ]
    assert [s.agencies for s in stories] == [("Yonhap",), ("Yonhap",), ("Yonhap",), ("Kyodo",)]


@pytest.mark.parametrize(
    "lead",
    [
        "The minister said on Friday that talks on the shipping curbs would resume next week.",
        "Here in the capital, officials said the stories of the flood would be told for years.",
    ],
)
def test_items_under_an_ordinary_lead_keep_no_credit(lead: str) -> None:
    stories = parse(_digest_page(lead)).stories
    assert stories[0].agencies == ("Yonhap",)
    assert [s.agencies for s in stories[1:3]] == [(), ()]


def test_a_digest_lead_is_told_by_its_words() -> None:
    from etl.parse.agencies import digest_lead

    assert digest_lead("Following are the top stories at 5 PM: NATION: ...")
    assert digest_lead("Here are the main headlines of the day")
    assert not digest_lead("Here are five things to know about the vote.")
    assert not digest_lead("Following the vote, stories of fraud spread.")


TAG_PAGE = (
    "harbour\n\n"
    "PTI -May 23, 2025\n\n"
    "Ferry crews say the new timetable leaves no room for storms\n\n"
    "Ferry crews say the new timetable leaves no room for storms\n\n"
    "Crews on the island routes told a hearing on Friday that the new timetable cut the slack "
    "they once used to wait out bad weather, and asked for two more boats...\n\n"
    "PTI -May 19, 2025\n\n"
    "Port town opens its first marine school: mayor Ravi Desai\n\n"
    "Port town opens its first marine school: mayor Ravi Desai\n\n"
    "The school will train deckhands and engineers for the coastal fleet, the mayor said as he "
    "opened its doors to forty students from the district...\n\n"
    "PTI -May 15, 2025\n\n"
    "Dock workers end strike after pay deal, cargo moves again\n\n"
    "Dock workers end strike after pay deal, cargo moves again\n\n"
    "Cranes were moving again on Thursday morning after the union accepted a two-year pay deal "
    "that ended a nine-day stoppage at the container port...\n"
)


@pytest.mark.parametrize("cut", ["...", "."])
def test_a_title_under_a_credit_and_stamp_alone_on_its_line_is_the_headline(cut: str) -> None:
    stories = parse(TAG_PAGE.replace("...\n", cut + "\n")).stories
    assert [s.headline for s in stories] == [
        "Ferry crews say the new timetable leaves no room for storms",
        "Port town opens its first marine school: mayor Ravi Desai",
        "Dock workers end strike after pay deal, cargo moves again",
    ]
    assert [s.dateline.raw for s in stories if s.dateline] == [
        "PTI -May 23, 2025", "PTI -May 19, 2025", "PTI -May 15, 2025"
    ]
    assert all(s.is_teaser for s in stories)
    assert stories[0].text.startswith("Crews on the island routes")


def test_a_first_sentence_under_a_bare_dateline_stays_text() -> None:
    page = (
        "Harbour news\n\n"
        "NAIROBI\n\n"
        "Police arrested three men on Thursday.\n\n"
        "The men were held after a raid on a warehouse near the port, a police spokesman said, "
        "and will appear in court on Monday.\n"
    )
    story = parse(page).stories[0]
    assert story.dateline is not None and story.dateline.raw == "NAIROBI"
    assert story.headline != "Police arrested three men on Thursday."
    assert story.text.startswith("Police arrested three men")


@pytest.mark.parametrize("name", ["Africa", "Asia", "America", "Europe", "Middle East"])
def test_a_continent_is_no_small_town_of_its_name(name: str) -> None:
    from etl.parse.places import resolve_place

    place = resolve_place(name)
    assert (place.place, place.country) == (name, None)


def test_a_town_named_in_full_keeps_its_country() -> None:
    from etl.parse.places import resolve_place

    assert resolve_place("Manila").country == "PH"
    assert resolve_place("Tunis").country == "TN"


@pytest.mark.parametrize(
    "line",
    [
        "The accused appeared in the district court on Thursday. RNZ / Aroha Tane",
        "Diesel thefts from farm depots have risen in recent years. Supplied",
        "Firefighters at the scene on Monday night. Stuff / Mark Hollis",
    ],
)
def test_a_caption_ending_in_its_credit_is_furniture(line: str) -> None:
    from etl.parse.lines import is_caption

    assert is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "Two people have been arrested after an inquiry into repeated thefts of diesel.",
        "The council voted 7/2 in favour of the plan.",
        "Half of the supplies arrived on Tuesday, officials said.",
    ],
)
def test_sentences_without_a_credit_are_no_caption(line: str) -> None:
    from etl.parse.lines import is_caption

    assert not is_caption(line)


def test_a_credited_caption_between_source_line_and_text_is_not_the_headline() -> None:
    page = (
        "Farm pair accused of diesel thefts\n\n"
        "Source: Harbour Radio\n\n"
        "Diesel thefts from farm depots have risen in recent years. Supplied\n\n"
        "Two people have been arrested after an inquiry into repeated thefts of diesel from "
        "rural depots, police said on Friday.\n\n"
        "They are due in court next week on theft charges, a police spokeswoman said.\n"
    )
    assert parse(page).stories[0].headline == "Farm pair accused of diesel thefts"


@pytest.mark.parametrize(
    ("line", "raw", "place", "country", "agencies", "day"),
    [
        ("Bratislava 18. júna (TASR) - Minister povedal, že návrh je hotový.",
         "Bratislava 18. júna (TASR)", "Bratislava", "SK", ("TASR",), "2024-06-18"),
        ("Košice 3. októbra (TASR) - Polícia dnes zadržala troch mužov.",
         "Košice 3. októbra (TASR)", "Košice", "SK", ("TASR",), "2024-10-03"),
        ("Viedeň 9. apríla (TASR) - Rakúska vláda schválila rozpočet.",
         "Viedeň 9. apríla (TASR)", "Viedeň", None, ("TASR",), "2024-04-09"),
        ("ЕКАТЕРИНБУРГ, 5 февраля, РИА ФедералПресс. Губернатор подписал указ.",
         "ЕКАТЕРИНБУРГ, 5 февраля, РИА ФедералПресс", "Екатеринбург", "RU",
         ("FederalPress",), "2024-02-05"),
    ],
)
def test_slovak_months_and_a_regional_russian_agency(
    line: str, raw: str, place: str, country: str | None, agencies: tuple[str, ...], day: str
) -> None:
    import datetime as dt

    from etl.parse.dateline import match_dateline

    found = match_dateline(line, dt.date(2024, 6, 20))
    assert found is not None
    dl = found.dateline
    assert (dl.raw, dl.place, dl.agencies, dl.date.isoformat() if dl.date else None) == (
        raw, place, agencies, day
    )
    if country is not None:
        assert dl.country == country


SIDE_LIST = [
    "Harbour towns count the cost as the estuary floods again",
    "Glaciers, geysers: Is the northern rim waking up?",
    "Coastal premier set for a second term in Sunday vote",
    "Heavy snow across the passes keeps mountain roads shut",
    "River threatens the capital's southern suburbs, alert declared",
]


def _side_page(dateline_bullet: str) -> str:
    items = "".join(f"  • {title}\n" for title in SIDE_LIST)
    return (
        ". 24/7 Orbit News .\n"
        "Navy relay satellite fails to unfold its panels: report\n"
        f"{items}"
        f"  {dateline_bullet}KIRUNA, July 3 (AFP) Jul 03, 2006\n"
        "    A navy relay satellite launched this week failed to unfold one of its two solar "
        "panels and cannot do its work, a daily paper reported on Monday.\n\n"
        "    The craft was lifted by a booster on Sunday, the paper said, citing an officer.\n"
    )


def test_a_sites_news_list_between_headline_and_bulleted_dateline_is_teasers() -> None:
    stories = parse(_side_page("• ")).stories
    assert stories[0].headline == "Navy relay satellite fails to unfold its panels: report"
    assert stories[0].dateline is not None and stories[0].dateline.place == "Kiruna"
    assert not stories[0].is_teaser and stories[0].role == "main"
    assert [s.headline for s in stories[1:]] == SIDE_LIST
    assert all(s.is_teaser and s.dateline is None and not s.paragraphs for s in stories[1:])
    assert [s.position for s in stories] == list(range(len(stories)))


def test_key_points_over_a_plain_dateline_stay_furniture() -> None:
    stories = parse(_side_page("")).stories
    assert len(stories) == 1
    assert stories[0].dateline is not None and stories[0].dateline.place == "Kiruna"


@pytest.mark.parametrize(
    "line",
    [
        "Remember meForgot password?",
        "Remember me",
        "Forgot your password?",
        "Browse latest View live",
        "Viewing all 47,120 articles",
        "Send a link to a friend",
        "Listen | Print",
        "Home Authors Posts by jdoe",
    ],
)
def test_log_in_boxes_and_feed_labels_are_furniture(line: str) -> None:
    from etl.parse.lines import is_boilerplate

    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    ["Members remember the flood of 1998 as the worst in living memory.", "Browse the archive"],
)
def test_sentences_with_those_words_stay_text(line: str) -> None:
    from etl.parse.lines import is_boilerplate

    assert not is_boilerplate(line)


@pytest.mark.parametrize("line", ["JACK DORN AFP", "MARIA SOLE / REUTERS", "LI WEI XINHUA"])
def test_a_photographers_credit_alone_is_a_caption(line: str) -> None:
    from etl.parse.lines import is_caption

    assert is_caption(line)


def test_a_photographers_credit_is_not_the_headline() -> None:
    page = (
        "Monday, October 11, 2021\n\n"
        "Trainee crews rehearse a Mars base in the desert\n\n"
        "Trainees in suits walk across the crater floor during a drill.\n"
        "JACK DORN AFP\n\n"
        "Issued on: 11/10/2021 - \n\n"
        "Mitzpe Ramon (Israel) (AFP)\n\n"
        "Inside a vast crater in the desert, a team in space suits sets out on a mission to "
        "rehearse life on another planet, officials said on Monday.\n\n"
        "The six trainees will live apart in the mock station until the end of the month.\n"
    )
    story = parse(page).stories[0]
    assert story.headline == "Trainee crews rehearse a Mars base in the desert"


@pytest.mark.parametrize(
    ("dateline", "place", "country"),
    [
        ("Mitzpe Ramon (Israel) (AFP)", "Mitzpe Ramon", "IL"),
        ("Sde Boker (Israel) (AFP)", "Sde Boker", "IL"),
        ("PELICAN SHOALS, Florida", "Pelican Shoals", "US"),
        ("Middle East  Amman (AFP)", "Amman", "JO"),  # a label run in is still cut off
    ],
)
def test_a_place_the_gazetteer_lacks_keeps_its_words_where_the_country_is_named(
    dateline: str, place: str, country: str
) -> None:
    page = (
        "Trainee crews rehearse a Mars base in the desert\n\n"
        f"{dateline} - Inside a vast crater, a team in space suits sets out on a mission to "
        "rehearse life on another planet, officials said on Monday.\n\n"
        "The six trainees will live apart in the mock station until the end of the month.\n"
    )
    dl = parse(page).stories[0].dateline
    assert dl is not None
    assert (dl.place, dl.country) == (place, country)


def test_the_canadian_press_web_byline_with_its_read_time() -> None:
    page = (
        "Canada\n\n"
        "Bronze statue repaired and back on its plinth\n\n"
        "The Canadian Press 1 minute read Updated: 12:18 PM CDT\n\n"
        "WINNIPEG - A bronze statue pulled down on the legislature grounds two years ago has "
        "been repaired and put back, the province said on Thursday.\n\n"
        "Tory leader heads west to shore up support before byelection\n\n"
        "Mara Lindqvist, The Canadian Press 5 minute read Updated: 11:26 AM CDT\n\n"
        "OTTAWA - The Conservative leader is off to the Prairies to rally supporters ahead of "
        "a byelection a rival party hopes to win, his office said on Thursday.\n"
    )
    stories = parse(page).stories
    assert [s.headline for s in stories] == [
        "Bronze statue repaired and back on its plinth",
        "Tory leader heads west to shore up support before byelection",
    ]
    assert [s.agencies for s in stories] == [("CP",), ("CP",)]
    assert stories[1].byline is not None and stories[1].byline.authors == ("Mara Lindqvist",)


@pytest.mark.parametrize(
    ("line", "codes"),
    [
        ("The Canadian Press 5 minute read Updated: 11:26 AM CDT", ("CP",)),
        ("Coast guard launches search for missing trawler -Yonhap", ()),
        ("AFP-JIJI", ("AFP", "Jiji")),
    ],
)
def test_credit_lines_and_titles_naming_their_source(line: str, codes: tuple[str, ...]) -> None:
    from etl.parse.agencies import credit_line

    assert credit_line(line) == codes


def _brief(title: str, n: int) -> str:
    paras = "".join(
        f"Paragraph {k} of the item on {title.lower()} goes on with what officials told "
        "reporters on Friday about the scene and what comes next.\n\n"
        for k in range(1, n + 1)
    )
    return f"{title}\n\n{paras}"


def _page(head: str) -> str:
    return (
        f"{head}\n\n"
        + _brief("Court halts police trip to collect interviews abroad", 4)
        + _brief("Fire breaks out at top of riverside tower", 4)
        + _brief("Pelicans found slashed on island chain", 3)
    )


def test_a_page_titled_news_in_brief_has_whole_briefs_however_long() -> None:
    stories = parse(_page("News in Brief")).stories
    assert [s.headline for s in stories] == [
        "Court halts police trip to collect interviews abroad",
        "Fire breaks out at top of riverside tower",
        "Pelicans found slashed on island chain",
    ]
    assert [len(s.paragraphs) for s in stories] == [4, 4, 3]
    assert not any(s.is_teaser for s in stories)


def test_a_datelined_storys_sections_under_titles_stay_one_article() -> None:
    page = (
        "Court halts police trip to collect interviews abroad\n\n"
        "LONDON (AFP) - A court on Friday halted a police trip planned for next month.\n\n"
        + _brief("Judges weigh the rights of witnesses held in custody overseas", 4)
        + _brief("Families of victims face a long wait for answers", 4)
        + _brief("Police chiefs say the next steps will take months", 3)
    )
    stories = parse(page).stories
    assert len(stories) == 1
    assert stories[0].dateline is not None and stories[0].dateline.agencies == ("AFP",)


def test_items_of_an_aggregators_page_of_one_release_are_that_agencys() -> None:
    page = (
        "(MENAFN- Kuwait News Agency (KUNA)) KUWAIT -- The cabinet holds a special session to "
        "review plans for the national day holiday.\n\n"
        "KUWAIT -- Parliament postpones its regular sessions set for next week.\n\n"
        "RIYADH -- The Saudi cabinet voices support for Kuwait after its weekly meeting.\n\n"
        "CAIRO -- The Arab League chief sends a cable of solidarity to Kuwait's leaders.\n"
    )
    stories = parse(page).stories
    assert [s.dateline.raw for s in stories if s.dateline][1:] == ["KUWAIT", "RIYADH", "CAIRO"]
    assert all(s.agencies == ("KUNA",) for s in stories)


@pytest.mark.parametrize(
    ("line", "raw", "sources"),
    [
        ("GENEVA, 16 APRIL 2020 (UN NEWS CENTRE/BBC NEWS)—The head of the health agency on "
         "Wednesday urged countries to stand together against the outbreak.",
         "GENEVA, 16 APRIL 2020 (UN NEWS CENTRE/BBC NEWS)", ("UN NEWS CENTRE", "BBC NEWS")),
        ("VIENNA, 26 June (UN Information Service) - The drugs office will mark the global day "
         "against narcotics with events in several cities.",
         "VIENNA, 26 June (UN Information Service)", ("UN Information Service",)),
    ],
)
def test_a_place_and_date_then_a_long_source_name_in_brackets(
    line: str, raw: str, sources: tuple[str, ...]
) -> None:
    import datetime as dt

    from etl.parse.dateline import match_dateline

    found = match_dateline(line, dt.date(2020, 6, 30))
    assert found is not None and found.dateline.raw == raw
    assert found.dateline.agencies == sources  # outside the registry: by the printed name


def test_bylines_after_a_piped_dateline_and_an_agency_name_before_one() -> None:
    page = (
        "Pledges leave the world far from its warming goal: report\n\n"
        "  Paris, France | AFP | by Jane DORVAL Country pledges leave the world on track to "
        "heat well past the goal set in the accord, a report said on Tuesday.\n\n"
        "Chestnut tree may be coming back from blight\n\n"
        "by Robin LEGARD Agence France Presse Meadowview, United States (AFP) — The chestnut, "
        "once a pillar of the eastern forests, may be on its way back, growers said.\n"
    )
    stories = parse(page).stories
    assert stories[0].byline is not None and stories[0].byline.authors == ("Jane Dorval",)
    assert stories[0].text.startswith("Country pledges leave")
    dl = stories[1].dateline
    assert dl is not None and (dl.raw, dl.place, dl.country) == (
        "Meadowview, United States (AFP)", "Meadowview", "US"
    )
    assert stories[1].byline is not None and stories[1].byline.authors == ("Robin Legard",)


def test_aps_state_digest_credits_ap_and_each_item_its_signed_writer() -> None:
    page = (
        "AP-ME--Maine News Digest, ME\n\n"
        "Maine news from The Associated Press for Friday, Aug. 31, 2018.\n\n"
        "WASHINGTON — The senator is remembered as one of the last of his kind in the chamber, "
        "and colleagues say few now match his standing. By Ann Lister.\n\n"
        "AP Photos WX201-0821181748.\n\n"
        "BATH, Maine — The shipyard has replaced a turbine on a new destroyer, which is due "
        "to sail for its home port in November, officials said. By Tom Weller.\n"
    )
    stories = parse(page).stories
    items = [s for s in stories if s.dateline is not None]
    assert [s.dateline.raw for s in items] == ["WASHINGTON", "BATH, Maine"]
    assert all(s.agencies == ("AP",) for s in items)
    assert [s.byline.authors if s.byline else () for s in items] == [
        ("Ann Lister",), ("Tom Weller",)
    ]


def test_a_sentence_ending_in_by_and_a_name_outside_a_digest_is_no_byline() -> None:
    page = (
        "Harbour news\n\n"
        "BATH, Maine — The shipyard has replaced a turbine on a new destroyer, the work "
        "done for the navy by Tom Weller.\n"
    )
    story = parse(page).stories[0]
    assert story.byline is None


@pytest.mark.parametrize(
    ("line", "raw", "place", "country", "agencies"),
    [
        ("Lagos, Nigeria Reuters Police said on Saturday they had freed twenty students seized "
         "on their way to a church meeting.", "Lagos, Nigeria Reuters", "Lagos", "NG",
         ("Reuters",)),
        ("Quetta, Pakistan Reuters A roadside bomb killed two children and wounded sixteen "
         "people on Saturday, police said.", "Quetta, Pakistan Reuters", "Quetta", "PK",
         ("Reuters",)),
        # a site that strips even the space: the credit glued to the country (2.17.0)
        ("Lisbon, PortugalReuters A ferry carrying ninety passengers ran aground off the "
         "coast on Sunday, the navy said.", "Lisbon, PortugalReuters", "Lisbon", "PT",
         ("Reuters",)),
        ("Quito, EcuadorAFP Lawmakers voted on Thursday to lift a ban on night flights over "
         "the capital's old town.", "Quito, EcuadorAFP", "Quito", "EC", ("AFP",)),
    ],
)
def test_place_country_and_agency_with_no_bracket_and_no_dash(
    line: str, raw: str, place: str, country: str, agencies: tuple[str, ...]
) -> None:
    import datetime as dt

    from etl.parse.dateline import match_dateline

    found = match_dateline(line, dt.date(2024, 8, 25))
    assert found is not None
    dl = found.dateline
    assert (dl.raw, dl.place, dl.country, dl.agencies) == (raw, place, country, agencies)


@pytest.mark.parametrize(
    "line",
    [
        "Visitors, Kenya Reuters Police said on Saturday they had freed twenty students seized.",
        "Lagos, Nigeria Reuters",  # no sentence after it
        "Lagos, Nigeria Vanguard Police said on Saturday they had freed twenty students seized.",
        "Visitors, KenyaReuters Police said on Saturday they had freed twenty students seized.",
        "Lagos, NigeriaReuters",
    ],
)
def test_no_glued_credit_without_a_city_its_country_a_world_agency_and_a_sentence(
    line: str,
) -> None:
    import datetime as dt

    from etl.parse.dateline import match_dateline

    found = match_dateline(line, dt.date(2024, 8, 25))
    assert found is None or "Reuters" not in found.dateline.raw


def test_a_headline_over_its_pictures_caption_before_the_next_dateline() -> None:
    page = (
        "Madrid\n\n"
        "Commuter trains halted at the main station by a signal fault\n\n"
        "Madrid (EFE).- Commuter trains to and from the main station have been halted since "
        "early afternoon by a signal fault, the rail operator said.\n\n"
        "Lindqvist: «Playing for this club is what I dreamed of as a boy»\n\n"
        "The Swedish midfielder at his unveiling as the club's new signing.\n\n"
        "Madrid (EFE).- The Swedish midfielder said at his unveiling on Thursday that wearing "
        "the club's shirt was what he had dreamed of since he was a boy.\n"
    )
    stories = parse(page).stories
    assert [s.headline for s in stories] == [
        "Commuter trains halted at the main station by a signal fault",
        "Lindqvist: «Playing for this club is what I dreamed of as a boy»",
    ]
    assert [s.dateline.raw for s in stories if s.dateline] == ["Madrid (EFE)", "Madrid (EFE)"]
    assert stories[1].text.startswith("The Swedish midfielder said")


@pytest.mark.parametrize(
    ("line", "raw", "before"),
    [
        ("Council rejects motion on emergency wards, says opposition leaderRoma, 6 set. "
         "(askanews) – The regional council on Tuesday threw out a motion on emergency wards, "
         "the opposition leader said.",
         "Roma, 6 set. (askanews)",
         "Council rejects motion on emergency wards, says opposition leader"),
        ("Both meetings give us a chance we must not waste to push the economy forward.Jakarta "
         "(ANTARA) - The president urged ministers on Monday to make the most of two summits "
         "this year.",
         "Jakarta (ANTARA)",
         "Both meetings give us a chance we must not waste to push the economy forward."),
        # a title's last word ending in a figure, the dateline glued to it (an SMN listing)
        ("Delegates leave empty-handed from climate talks at COP29Baku (AFP) Nov 23, 2024 "
         "Negotiators packed up on Saturday with no deal on money for poorer nations.",
         "Baku (AFP) Nov 23, 2024",
         "Delegates leave empty-handed from climate talks at COP29"),
    ],
)
def test_a_credited_dateline_glued_to_the_text_before_it(line: str, raw: str, before: str) -> None:
    from etl.parse.unwrap import to_units

    units = [u.text for u in to_units([line], None)]
    assert units[0] == before
    assert units[1].startswith(raw)


@pytest.mark.parametrize(
    "line",
    [
        "1 uur geledenAMSTERDAM (ANP) - Het kabinet heeft dinsdag een nieuw plan gepresenteerd "
        "voor de woningbouw in het hele land.",
        "McDonald (AFP) said the plan would be ready in the spring, officials said on Tuesday "
        "in the capital.",
        "The leaders met at the iPhone (Apple) launch in the city on Tuesday, officials said.",
        "The jets flew over the G7Summit (AP) venue at noon, officials said on Tuesday.",
    ],
)
def test_lines_without_a_glued_dateline_stay_whole(line: str) -> None:
    from etl.parse.unwrap import to_units

    assert [u.text for u in to_units([line], None)] == [line]


@pytest.mark.parametrize(
    ("paragraph", "codes"),
    [
        ("The quake struck at dawn, officials said. - AFP/il", ("AFP",)),
        ("- AFP/vm/jm", ("AFP",)),
        ("Trees were felled across the ridge, the court heard. PTI PKS HIG HIG", ("PTI",)),
        ("Rain fell across the state on Sunday. (dpa/lby)", ("dpa",)),
        ("The vote was held on Sunday. AFP AP", ()),  # two agencies: no desk codes
        ("The parcel was found near the UN HQ", ()),
    ],
)
def test_a_sign_off_with_its_desks_marks(paragraph: str, codes: tuple[str, ...]) -> None:
    from etl.parse.agencies import signoff_agencies

    assert signoff_agencies(paragraph) == codes


def test_a_byline_with_an_ago_stamp_and_a_source_line_over_the_headline() -> None:
    page = (
        "Foreign minister condemns violence in the port city\n\n"
        "Listen | Print\n"
        "By AFP     43 mins ago in World\n\n"
        "The foreign minister on Monday condemned the violence by protesters in the port city, "
        "saying they had been egged on from abroad.\n"
    )
    story = parse(page).stories[0]
    assert story.agencies == ("AFP",)
    sourced = (
        "Source: GNA\n\n"
        "Region got its fair share of new roads - minister\n\n"
        "The regional minister said on Friday that the government had given the region its "
        "fair share of road and school projects since it took office.\n\n"
        "He said the projects showed the government's care for every district.\n"
    )
    story = parse(sourced).stories[0]
    assert story.headline == "Region got its fair share of new roads - minister"
    assert story.agencies == ("GNA",)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("The following is the latest list of selected news summaries by Kyodo News.", "Kyodo"),
        ("Following are the top stories from Reuters:", "Reuters"),
        ("The following are stories from our readers.", None),
    ],
)
def test_a_digests_intro_names_its_agency(line: str, code: str | None) -> None:
    from etl.parse.agencies import digest_agency

    assert digest_agency(line) == code


def _items(n: int, cut_last: bool) -> str:
    places = ["ALGIERS", "ORAN", "MEDEA", "BLIDA", "SETIF"]
    out = []
    for k in range(n):
        lede = (
            f"{places[k]}- Coastguard units intercepted {k + 3} would-be emigrants on Friday "
            "north of the cape, the defence ministry said in a statement."
        )
        if cut_last and k == n - 1:
            lede = lede[:70]
        out.append(lede)
    return "\n\n".join(out) + "\n"


def test_a_list_of_whole_datelined_items_cut_by_the_page_end_has_no_lone_teaser() -> None:
    stories = parse(_items(4, cut_last=True)).stories
    assert len(stories) == 4
    assert not any(s.is_teaser for s in stories)


def test_a_last_item_the_page_marks_with_read_more_stays_a_teaser() -> None:
    page = _items(4, cut_last=False).rstrip("\n") + " Read more\n"
    stories = parse(page).stories
    assert len(stories) == 4
    assert stories[-1].is_teaser


@pytest.mark.parametrize(
    ("line", "authors", "agencies"),
    [
        ("By Jane Dorval For Dailymail.com", ("Jane Dorval",), ()),
        ("By Jane Dorval for MailOnline", ("Jane Dorval",), ()),
        ("By Jane Dorval For The New York Times", ("Jane Dorval",), ()),
        ("By Jane Dorval for Xinhua", ("Jane Dorval",), ("Xinhua",)),
    ],
)
def test_a_byline_for_an_outlet(
    line: str, authors: tuple[str, ...], agencies: tuple[str, ...]
) -> None:
    from etl.parse.byline import parse_byline

    byline = parse_byline(line)
    assert byline is not None and (byline.authors, byline.agencies) == (authors, agencies)


def test_by_the_river_is_still_no_byline() -> None:
    from etl.parse.byline import parse_byline

    assert parse_byline("By the river for the people") is None


@pytest.mark.parametrize(
    ("line", "code", "country"),
    [
        ("YEREVAN, October 3. /ARKA/. The government approved the budget on Thursday, "
         "officials said.", "ARKA", "AM"),
        ("Lahore, Oct 3 (INP): The provincial government approved the budget on Thursday, "
         "officials said.", "INP", "PK"),
    ],
)
def test_more_agencies_in_the_registry(line: str, code: str, country: str) -> None:
    import datetime as dt

    from etl.parse.dateline import match_dateline

    found = match_dateline(line, dt.date(2019, 10, 5))
    assert found is not None
    assert (found.dateline.agencies, found.dateline.country) == ((code,), country)


@pytest.mark.parametrize(
    "line",
    ["Read Next", "Image 1 of 5", "Print", "Email", "Listen to this article", "Copy link",
     "Reprints & permissions", "Load more", "Next article", "You might also like", "Up Next",
     "Font size", "Already a subscriber? Log in"],
)
def test_page_tools_alone_on_their_line_are_furniture(line: str) -> None:
    from etl.parse.lines import is_boilerplate

    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    ["Close call for climbers on the glacier", "Print media faces deep cuts",
     "Email scam hits bank customers", "Up Next: the budget debate"],
)
def test_headlines_that_open_with_a_tools_word_stay_headlines(line: str) -> None:
    from etl.parse.lines import is_boilerplate

    assert not is_boilerplate(line)


def test_a_tools_line_over_the_title_is_not_the_headline() -> None:
    page = (
        "Close call for climbers on the glacier\n\n"
        "Listen to this article\n\n"
        "Print\n\n"
        "ZERMATT, Switzerland (AP) — Two climbers were rescued on Sunday after a snow bridge "
        "gave way under them on the glacier, police said.\n"
    )
    assert parse(page).stories[0].headline == "Close call for climbers on the glacier"


@pytest.mark.parametrize(
    "title",
    [
        "(Yonhap Interview) Envoy says port talks with the North cannot be ruled out",
        "(2nd LD) Spy agency flags possible engine test at coastal site",
        "(News Focus) Talks stall over rice prices as harvest nears",
        "(Yonhap Feature) Farmers return to the border villages",
    ],
)
def test_the_asian_wires_title_tags_open_a_headline(title: str) -> None:
    page = (
        "Nov. 25\n"
        f"{title}\n"
        "SEOUL -- Officials said on Friday that the talks could resume next month if both "
        "sides agree on an agenda, according to people familiar with the matter.\n"
    )
    assert parse(page).stories[0].headline == title


def test_a_whole_date_a_semicolon_and_the_credit() -> None:
    import datetime as dt

    from etl.parse.dateline import match_dateline

    line = ("17 May 2020; AFP: Spraying disinfectant on the streets does not kill the virus, "
            "the health agency said.")
    found = match_dateline(line, dt.date(2020, 5, 20))
    assert found is not None
    dl = found.dateline
    assert (dl.raw, dl.place, dl.agencies, dl.date) == (
        "17 May 2020; AFP", None, ("AFP",), dt.date(2020, 5, 17)
    )
    assert match_dateline("17 May 2020; Spraying disinfectant does not kill the virus.",
                          dt.date(2020, 5, 20)) is None


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Archive for October, 2009", True),
        ("Archives for March 2010", True),
        ("Archive for freedom fighters opens in 2009 exhibition", False),
    ],
)
def test_a_blogs_month_archive_label(line: str, furniture: bool) -> None:
    from etl.parse.lines import is_boilerplate

    assert is_boilerplate(line) is furniture


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("KUNA main news for Tuesday, May 24, 2022", "KUNA"),
        ("Xinhua top news of the day", "Xinhua"),
        ("Harbour main news for Tuesday", None),
    ],
)
def test_an_agencys_main_news_title_names_its_digest(line: str, code: str | None) -> None:
    from etl.parse.agencies import digest_agency

    assert digest_agency(line) == code


def test_a_blogs_posts_a_signed_off_paragraph_is_no_title() -> None:
    page = (
        "Monday, April 26, 2010\n\n"
        "Strong quake strikes off the island coast\n\n"
        "Posted: 26 April 2010 1133 hrs\n\n"
        "TAIPEI : A strong quake struck off the island's coast on Monday, seismologists said, "
        "but no tsunami warning was issued.\n\n"
        "There were no early reports of damage, officials said.\n\n"
        "Friday, April 23, 2010\n\n"
        "Quake jolts the central coast of Chile\n\n"
        "Posted: 23 April 2010 1920 hrs\n\n"
        "SANTIAGO : A strong quake rocked the central coast on Friday, seismologists said, "
        "weeks after a far bigger one.\n\n"
        "The region sits on the Pacific rim, where plates meet. - AFP/vm\n\n"
        "Thursday, April 22, 2010\n\n"
        "Volcano ash grounds flights across the north\n\n"
        "Posted: 22 April 2010 0910 hrs\n\n"
        "REYKJAVIK : Ash from the volcano grounded flights across the north on Thursday, "
        "airport officials said.\n"
    )
    stories = parse(page).stories
    assert [s.headline for s in stories] == [
        "Strong quake strikes off the island coast",
        "Quake jolts the central coast of Chile",
        "Volcano ash grounds flights across the north",
    ]
    assert stories[1].agencies == ("AFP",)


def test_a_flattened_title_with_its_byline_run_on_and_ria_novostis_short_form() -> None:
    page = (
        "Five dead in attack on desert pipeline project by Dana K. Morrow Washington (UPI) "
        "May 21, 2018 At least five people were killed in an attack on a pipeline project, "
        "officials said on Monday.\n\n"
        "Space agencies could sign a moon pact this year\n"
        "Moscow (RIAN) Sep 12, 2006 The two countries may sign a moon exploration deal by the "
        "end of the year, the head of the space agency said.\n"
    )
    stories = parse(page).stories
    assert stories[0].headline == "Five dead in attack on desert pipeline project"
    assert stories[0].byline is not None and stories[0].byline.authors == ("Dana K. Morrow",)
    assert stories[1].agencies == ("RIA",)
    release = (
        "Firm named a Leader in the 2025 Grid: Data Platforms by Ardent Research Boston (UPI) "
        "May 21, 2018 The firm said on Monday it had been named a leader in the annual grid.\n"
    )
    story = parse(release).stories[0]
    assert story.byline is None
    assert story.headline == (
        "Firm named a Leader in the 2025 Grid: Data Platforms by Ardent Research"
    )
