"""Shapes from the twenty-ninth gathering of real pages, in our own words."""

from __future__ import annotations

import pytest

from etl.parse.agencies import digest_agency, signoff_agencies
from etl.parse.lines import is_boilerplate, is_caption
from tests.parse.test_real_shapes import parse


def test_an_ap_state_digest_greeting_with_a_preview() -> None:
    assert digest_agency(
        "Hello! Here’s a preview of how AP’s news coverage is taking shape in Kansas."
    ) == "AP"
    assert digest_agency("Here’s a preview of how the new stadium will look") is None


def test_a_state_digest_of_slugs_over_datelines() -> None:
    # The digest's greeting is the crawl's header; each item is a slug in capitals over a
    # datelined summary: every slug is its item's headline, every item is AP's.
    page = (
        " date 2021-03-06 Hello! Here’s a preview of how AP’s news coverage is taking shape "
        "in Kansas. Questions about the plans are welcome.\n\n"
        "AROUND THE STATE:\n\n"
        "KANSAS-GRAIN ELEVATORS\n\n"
        "WICHITA, Kan. — Two grain elevators in the south of the state will close by summer, "
        "their owner said, after a second poor harvest in a row.\n\n"
        "PRAIRIE FIRES-Q&A\n\n"
        "TOPEKA, Kan. — Grass fires burned more land last spring than in any year since records "
        "began, and crews say the coming season looks as dry. By Lena Forsberg.\n\n"
        "EXCHANGE-BARN QUILTS\n\n"
        "SALINA, Kan. — Painted quilt squares now hang on more than 300 barns along a county "
        "road that a group of neighbours hopes will draw visitors.\n"
    )
    stories = parse(page).stories
    assert [s.headline for s in stories] == [
        "KANSAS-GRAIN ELEVATORS",
        "PRAIRIE FIRES-Q&A",
        "EXCHANGE-BARN QUILTS",
    ]
    assert all(s.agencies == ("AP",) for s in stories)


def test_a_credit_after_a_dash_on_its_own_line_over_the_text() -> None:
    page = (
        "Space station gets a new relay satellite\n\n"
        "TAMPA - AFP\n"
        "The space agency on Friday launched a relay satellite meant to keep crews in touch "
        "with the ground for another decade, officials said.\n"
    )
    story = parse(page).stories[0]
    assert story.headline == "Space station gets a new relay satellite"
    assert story.dateline is not None and story.dateline.place == "Tampa"
    assert story.agencies == ("AFP",)


def test_a_reading_time_is_no_headline() -> None:
    for line in ("LETTURA: 2 minuti", "Lesezeit: 4 Min.", "3 min read", "Reading time: 5 minutes"):
        assert is_boilerplate(line), line
    page = (
        "Roma ospiterà il vertice sul Mediterraneo\n\n"
        "LETTURA: 2 minuti\n\n"
        "(ANSA) - NAPOLI - Il consiglio comunale ha approvato il bilancio dopo una seduta "
        "durata tutta la notte, con i voti della maggioranza.\n"
    )
    story = parse(page).stories[0]
    assert story.headline == "Roma ospiterà il vertice sul Mediterraneo"
    assert story.dateline is not None and story.dateline.place == "Napoli"


def test_an_items_time_before_its_dateline_on_one_line() -> None:
    page = (
        "State news agency marks its anniversary with a record audience\n\n"
        "09:41 | Lima, Jun. 12.\n\n"
        "The state news agency is marking its anniversary with more readers than ever, its "
        "director said on Monday at a ceremony in the capital.\n"
    )
    story = parse(page, "page-2022-06-13.txt").stories[0]
    assert story.dateline is not None
    assert (story.dateline.place, story.dateline.country) == ("Lima", "PE")
    assert story.dateline.date is not None and story.dateline.date.isoformat() == "2022-06-12"


@pytest.mark.parametrize(
    "line",
    [
        "3. Skip to sidebar",
        "Aller au contenu principal",
        "Přejít k obsahu | Přejít k hlavnímu menu",
        "Zum Inhalt springen",
        "Accessibility links",
        "Sorted by date  Results 1 - 7 of 7",
        "Results 21 - 30 of 118 < previous next >",
        "LEVEL 1 - 10 OF 22 STORIES",
        "Make Goldwire Your Homepage",
        "Archive for ‘Harbour works’",
        "Our Privacy Statement & Cookie Policy",
        "View All",
        "Write a comment",
        "Feed Title: KXTV",
        "Print Email Article Font Down Font Up",
        "Short Url",
        "View Comments",
        "Save Story",
        "As delivered",
        "Click to see original Image in a new window",
        "Facebook Twitter Google+ reddit",
        "0 Comment(s)Print E-mail Xinhua, June 22, 2019",
    ],
)
def test_page_tools_and_counters_are_furniture(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Results of the vote: 12 of 20 seats",
        "View of the harbour from the hill",
        "Skip rope",
        "Courtesy calls on the minister",
        "Facebook and Twitter face new rules",
    ],
)
def test_titles_like_page_tools_are_not_furniture(line: str) -> None:
    assert not is_boilerplate(line)
    assert not is_caption(line)


@pytest.mark.parametrize(
    "line",
    ["Foto: Ines Bauer, über dts Nachrichtenagentur", "Courtesy: Valley Tribune via AP"],
)
def test_photo_credits_in_other_forms_are_captions(line: str) -> None:
    assert is_caption(line)


def test_a_short_url_link_over_the_stamp_is_no_byline() -> None:
    page = (
        "Relief agency funds school kitchens in Niger\n\n"
        "Relief agency funds school kitchens in Niger\n"
        "Short Url\n"
        "Updated 02 May 2025\n\n"
        "RIYADH: The Kingdom's relief agency has signed a deal with a charity to build and run "
        "kitchens in forty rural schools in Niger, it said on Friday.\n"
    )
    story = parse(page).stories[0]
    assert story.byline is None
    assert story.headline == "Relief agency funds school kitchens in Niger"


def test_a_skip_link_over_the_headline_is_no_headline() -> None:
    page = (
        "1. Skip to content\n2. Skip to navigation\n3. Skip to sidebar\n\n"
        "Ferry operator adds night crossings for the summer\n\n"
        "HALIFAX, Nova Scotia (AP) — A ferry operator will add night crossings between the two "
        "ports from June, it said on Tuesday, after bookings rose by a third.\n"
    )
    story = parse(page).stories[0]
    assert story.headline == "Ferry operator adds night crossings for the summer"


def test_the_space_media_networks_stray_stop_before_its_title() -> None:
    page = (
        "24/7 Ocean Science News\n\n\n\n"
        ". Reef survey finds coral recovering faster than feared\n"
        "SYDNEY (AFP) Mar 04, 2019\n"
        "Coral on parts of the reef has grown back faster than scientists had feared after two "
        "years of bleaching, a survey released on Monday found.\n\n"
        "The survey covered more than a hundred sites along the northern stretch of the reef.\n"
    )
    story = parse(page).stories[0]
    assert story.headline == "Reef survey finds coral recovering faster than feared"
    assert story.dateline is not None and story.dateline.agencies == ("AFP",)


def test_writers_printed_below_each_items_lede() -> None:
    page = (
        "World\nPacific\n"
        "Fiji opens new wharf for inter-island ferries\n"
        "The wharf will let two ferries load at once and cut waiting times for travellers "
        "between the main islands, officials said.\n"
        "- by Mere Tuilagi and Josefa Naivalu\n"
        "Tonga extends fishing ban on reef grounds\n"
        "The ban covers three reef areas where catches fell sharply last year, the fisheries "
        "ministry said in a statement on Monday.\n"
        "- by Sione Fifita\n"
        "Vanuatu court hears land claim over airport site\n"
        "The claim, brought by two families, concerns land leased to the state in the 1980s "
        "for the airport's second runway.\n"
        "- by Leimara Kalo\n"
    )
    stories = parse(page).stories
    assert [s.byline.authors if s.byline else () for s in stories] == [
        ("Mere Tuilagi", "Josefa Naivalu"),
        ("Sione Fifita",),
        ("Leimara Kalo",),
    ]
    assert all(not s.paragraphs[-1].text.startswith("- by") for s in stories)


def test_a_digest_under_its_agencys_own_dateline_credits_every_item() -> None:
    assert digest_agency("Chennai, Mar 4 (PTI) Following are the top stories at 1500 hrs:") == "PTI"
    assert digest_agency("Following are the top stories at 9.30 pm: NATION") is None
    page = (
        " date 2021-03-04 Chennai, Mar 4 (PTI) Following are the top stories at 1500 hrs: "
        "Nation MDS12 TN-POLLS Parties finalise seat sharing ahead of assembly polls Chennai: "
        "The two main alliances in the state on Thursday finalised their seat-sharing deals.\n\n"
        "MDS15 KL-FISHERMEN Fishermen told to stay ashore as sea turns rough Kochi: The "
        "fisheries department asked fishermen not to venture out for two days.\n\n"
        "BOM9 MH-METRO Metro line trial run next month, says agency Mumbai: The trial run of "
        "the new metro line will start next month, the authority said.\n"
    )
    stories = parse(page).stories
    assert len(stories) >= 3
    assert all(s.agencies == ("PTI",) for s in stories)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Les travaux reprendront lundi, selon la même source. R.T. (avec MAP)", ("MAP",)),
        ("Die Ermittlungen dauern an, hieß es am Abend. (c) APA.", ("APA",)),
        ("The fair closes on Friday, organisers said in Tehran. -IRNA - 12/31/06", ("IRNA",)),
        ("La reunión terminó sin acuerdo, dijeron los delegados (con EFE)", ("EFE",)),
        ("The minister met Mit Romney on Sunday.", ()),
    ],
)
def test_sign_offs_with_a_copyright_a_date_or_a_with(text: str, codes: tuple[str, ...]) -> None:
    assert signoff_agencies(text) == codes


def test_a_byline_run_into_an_uncredited_dateline() -> None:
    page = (
        "Diaspora groups write to ministers over aid delays\n\n"
        "BY HIWOT DESTA ADDIS ABABA – Members of the diaspora in three countries wrote to "
        "ministers on Monday asking why aid convoys had been held at the border for weeks.\n"
    )
    story = parse(page).stories[0]
    assert story.byline is not None and story.byline.authors == ("Hiwot Desta",)
    assert story.dateline is not None and story.dateline.place == "Addis Ababa"


def test_a_caps_city_and_a_slashed_credit_is_a_dateline_not_a_photo_credit() -> None:
    page = (
        "Ecuador hosts rebel camps, paper says\n\n"
        "QUITO / AFP\n\n"
        "Ecuador has become a refuge for the rebels of an armed southern front and tolerates "
        "several of their camps near the border, a newspaper reported on Sunday.\n"
    )
    story = parse(page).stories[0]
    assert story.dateline is not None and story.dateline.place == "Quito"
    assert story.agencies == ("AFP",)
    assert is_caption("Ana Torres / AFP")  # a photographer's credit stays a caption
