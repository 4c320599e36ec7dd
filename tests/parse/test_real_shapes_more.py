"""More real-page shapes (parsers 2.2.0 and 2.3.0), each a page of our own words in the real shape.

Decks and labels around a headline, key points under it, a caption between headline and
dateline, page residue run into the dateline, datelines in Cyrillic, Arabic and
Devanagari, bylines in other languages, and listings whose first item is a teaser too.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.parse import parse_bytes
from etl.parse.byline import parse_byline
from etl.parse.dateline import match_dateline
from etl.parse.lines import is_title_like, line_stamp
from etl.parse.places import resolve_place
from tests.parse.test_real_shapes import datelines, parse

BODY = (
    " The regional council said on Thursday that it would extend the night bus service to "
    "the outer districts from next month, after a year of complaints from shift workers."
)


def test_sentence_case_title_over_its_shorter_deck() -> None:
    dump = parse(
        "Treni regionali, orari estesi\n\n"
        "Il consiglio approva il piano per le corse notturne in periferia\n\n"
        "(ANSA) - TORINO, 14 MAR - Il consiglio regionale ha approvato giovedì il piano per "
        "estendere le corse notturne dei treni regionali alle periferie.\n\n"
        "Il piano entra in vigore il mese prossimo.\n",
        "page-2019-03-15.txt",
    )
    story = dump.stories[0]
    assert story.headline == "Treni regionali, orari estesi"
    assert story.dateline is not None and story.dateline.agencies == ("ANSA",)


def test_title_cased_site_name_is_no_title_over_a_nine_word_headline() -> None:
    dump = parse(
        "Harbour News From TideDaily\n\n"
        "Ferry operators add a late crossing for the summer season\n\n"
        "Portsmouth UK (SPX) Jun 02, 2021\n"
        "The operators confirmed on Tuesday that the extra crossing would run every night "
        "from July, and that tickets would go on sale next week at the usual\n"
    )
    assert dump.stories[0].headline == "Ferry operators add a late crossing for the summer season"


def test_key_points_under_the_headline_are_not_the_headline() -> None:
    dump = parse(
        "Tag Archives: TRANSPORT\n\n"
        "Night buses: council extends service to outer districts after complaints\n\n"
        "  • Shift workers had petitioned for a year\n"
        "  • Service starts next month\n"
        "  • Fares stay the same\n\n"
        f"LEEDS, March 14 (Reuters) -{BODY}\n\n"
        "The council will review the service after six months.\n"
    )
    story = dump.stories[0]
    assert story.headline == (
        "Night buses: council extends service to outer districts after complaints"
    )
    assert story.dateline is not None and story.dateline.raw == "LEEDS, March 14 (Reuters)"


def test_short_photo_label_between_title_and_dateline() -> None:
    dump = parse(
        "Kathmandu to widen its ring road within three years: minister\n\n"
        "Ring road survey\n\n"
        f"KATHMANDU, Oct 16:{BODY}\n\n"
        "Work on the first section begins in spring.\n"
    )
    story = dump.stories[0]
    assert story.headline == "Kathmandu to widen its ring road within three years: minister"
    assert story.dateline is not None and story.dateline.place == "Kathmandu"


def test_country_name_and_dash_heading_a_title_is_no_dateline() -> None:
    dump = parse(
        "Connect with us\n\n"
        "Portugal – Cork growers count the cost of a dry summer\n\n"
        "Harvest down by a third as rains fail across the south for the second year running\n\n"
        f"Lisbon:{BODY}\n\n"
        "Growers will ask the government for help next week.\n"
    )
    assert len(dump.stories) == 1
    story = dump.stories[0]
    assert story.headline == "Portugal – Cork growers count the cost of a dry summer"
    assert story.dateline is not None and story.dateline.place == "Lisbon"


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Portugal – Cork growers count the cost of a dry summer", None),
        ("PORTUGAL – Cork growers count the cost of a dry summer", None),
        ("PORTUGAL – The growers said on Thursday that the harvest was down by a third.",
         "Portugal"),
        ("Lisbon – Cork growers count the cost of a dry summer", "Lisbon"),
    ],
)
def test_a_country_and_a_title_after_its_dash_is_no_dateline(
    line: str, place: str | None
) -> None:
    """The dateline recogniser, not the splitter, rules out "Country – Title"; a city
    or a sentence after the dash keeps the dateline."""
    found = match_dateline(line, None)
    assert (found.dateline.place if found else None) == place


def test_caption_paragraph_between_a_later_headline_and_its_dateline() -> None:
    dump = parse(
        "Bridge reopens after repairs\n\n"
        "Published on Mar 14, 2019\n\n"
        f"RIGA (AP) -{BODY}\n\n"
        "The repairs took four months.\n\n"
        "Port strike ends after pay deal\n\n"
        "Published on Mar 14, 2019\n\n"
        "3:32 PM\n\n"
        "Dock workers walk past idle cranes at the container terminal on Wednesday, March 13, "
        "2019, the last day of the strike that closed the port for a week.\n\n"
        f"TALLINN (AFP) -{BODY}\n\n"
        "The union said its members would vote on the deal.\n"
    )
    assert datelines(dump) == ["RIGA (AP)", "TALLINN (AFP)"]
    assert [s.headline for s in dump.stories] == [
        "Bridge reopens after repairs",
        "Port strike ends after pay deal",
    ]
    assert "3:32 PM" in dump.leftover


@pytest.mark.parametrize(
    "head",
    [
        "![Photo](https://example.org/img/buses.jpg) LEEDS, March 14 (Reuters) -",
        "Share on Facebook Share on Twitter LEEDS, March 14 (Reuters) -",
        "Image: Reuters LEEDS (Reuters) -",
        "Home » Europe » Britain LEEDS (Reuters) -",
        "March 14, 2019 | 10:20am LEEDS —",
        "Mar 14, 2019 LEEDS, England —",
        "2 hours ago LEEDS, England (AP) —",
    ],
)
def test_dateline_after_page_residue_on_its_line(head: str) -> None:
    dump = parse(
        f"Night buses for the outer districts\n\n{head}{BODY}\n\n"
        "The council will review the service after six months.\n",
        "page-2019-03-15.txt",
    )
    story = dump.stories[0]
    assert story.headline == "Night buses for the outer districts"
    assert story.dateline is not None and story.dateline.place == "Leeds"
    assert len(dump.stories) == 1


def test_a_whole_caption_naming_a_place_and_date_is_no_dateline() -> None:
    dump = parse(
        "Ferry service resumes\n\n"
        "A file image shows passengers boarding a ferry at the harbour in Split, Croatia, "
        "Sunday, May 14, 2017. Services resumed on Monday after the storm.\n\n"
        f"SPLIT, Croatia —{BODY}\n\n"
        "Operators expect full timetables by the weekend.\n"
    )
    assert datelines(dump) == ["SPLIT, Croatia"]


def test_stamp_glued_to_the_dateline_in_a_list_of_briefs() -> None:
    dump = parse(
        "Gemeente breidt nachtbussen uit\n"
        "UTRECHT (ANP) - De gemeente breidt vanaf volgende maand de nachtbussen uit naar "
        "de buitenwijken, na een jaar van klachten.\n"
        "Meer uit Binnenland\n"
        "1 uur geledenGRONINGEN (ANP) - Het provinciehuis gaat een week dicht voor "
        "onderhoud, meldt de provincie.\n"
        "5 uur geledenARNHEM (ANP) - De rechtbank doet volgende week uitspraak in de zaak "
        "over de brug.\n"
        "48 minuten geledenZWOLLE (ANP) - De stadsbus rijdt vanaf maandag weer door het "
        "centrum, nu de werkzaamheden klaar zijn.\n"
    )
    assert datelines(dump) == [
        "UTRECHT (ANP)", "GRONINGEN (ANP)", "ARNHEM (ANP)", "ZWOLLE (ANP)"
    ]
    assert [s.headline for s in dump.stories][1:] == [None, None, None]
    assert "Meer uit Binnenland" in dump.leftover
    assert "1 uur geleden" in dump.leftover


@pytest.mark.parametrize(
    ("line", "raw", "country", "agencies", "date"),
    [
        ("Москва, 14 марта. /ТАСС/. Правительство одобрило план.",
         "Москва, 14 марта. /ТАСС/", "RU", ("TASS",), dt.date(2019, 3, 14)),
        ("КИЕВ, 14 марта (УНИАН) - Правительство одобрило план.",
         "КИЕВ, 14 марта (УНИАН)", "UA", ("UNIAN",), dt.date(2019, 3, 14)),
        ("بيروت (أ ف ب) - أعلنت الحكومة الخميس خطة جديدة.",
         "بيروت (أ ف ب)", "LB", ("AFP",), dt.date(2019, 3, 15)),
        ("القاهرة - أعلنت الحكومة الخميس خطة جديدة للنقل.",
         "القاهرة", "EG", (), dt.date(2019, 3, 15)),
        ("بكين 14 مارس 2019 /أعلنت الحكومة الخميس خطة جديدة.",
         "بكين 14 مارس 2019", "CN", (), dt.date(2019, 3, 14)),
        ("लखनऊ, मार्च 14 (भाषा) राज्य सरकार ने योजना मंजूर की।",
         "लखनऊ, मार्च 14 (भाषा)", "IN", ("PTI",), dt.date(2019, 3, 14)),
    ],
)
def test_datelines_in_scripts_without_latin_letters(
    line: str, raw: str, country: str, agencies: tuple[str, ...], date: dt.date
) -> None:
    found = match_dateline(line, dt.date(2019, 3, 15))
    assert found is not None
    d = found.dateline
    assert (d.raw, d.country, d.agencies, d.date) == (raw, country, agencies, date)


def test_a_word_in_another_script_is_a_place_only_when_the_gazetteer_knows_it() -> None:
    assert match_dateline("كلمة - أعلنت الحكومة الخميس خطة جديدة.", None) is None


@pytest.mark.parametrize(
    ("line", "raw", "date"),
    [
        ("WARSZAWA, 14 marca (PAP) - Rząd przyjął plan.", "WARSZAWA, 14 marca (PAP)",
         dt.date(2019, 3, 14)),
        ("Washington, 2. oktobra - Vlada je sprejela načrt.", "Washington, 2. oktobra",
         dt.date(2018, 10, 2)),
        ("JOHOR BAHRU 14 Ogos - Kerajaan negeri berkata.", "JOHOR BAHRU 14 Ogos",
         dt.date(2018, 8, 14)),
        ("Paris, le 3 octobre 2018 - Le ministre a déclaré jeudi.", "Paris, le 3 octobre 2018",
         dt.date(2018, 10, 3)),
    ],
)
def test_month_names_of_more_languages(line: str, raw: str, date: dt.date) -> None:
    found = match_dateline(line, dt.date(2018, 12, 1))
    assert found is not None
    assert (found.dateline.raw, found.dateline.date) == (raw, date)


def test_a_country_name_with_a_tail_is_the_country_not_a_namesake_town() -> None:
    assert resolve_place("MÉXICO, D.F.").country == "MX"


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Oleh Siti Aminah dan Ahmad Razak", ("Siti Aminah", "Ahmad Razak")),
        ("Por Lucía Gómez y Mateo Ruiz", ("Lucía Gómez", "Mateo Ruiz")),
        ("Par Claire Martin", ("Claire Martin",)),
        ("Von Jonas Weber und Lena Fischer", ("Jonas Weber", "Lena Fischer")),
        ("Door Sanne de Boer", ("Sanne de Boer",)),
    ],
)
def test_bylines_in_other_languages(line: str, authors: tuple[str, ...]) -> None:
    byline = parse_byline(line)
    assert byline is not None and byline.authors == authors


@pytest.mark.parametrize(
    "line", ["Por su parte, el ministro dijo", "Par ailleurs, le maire a", "Von der Brücke"]
)
def test_sentence_openings_are_no_foreign_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_main_text_cut_off_by_the_page_is_no_teaser_story() -> None:
    dump = parse(
        f"ZÜRICH (dpa-AFX) -{BODY}\n\n"
        "Die Verkehrsbetriebe rechnen mit mehr Fahrgästen in den Nachtstunden, vor allem an "
        "den Wochenenden und in den Sommermonaten, wenn die Innenstadt länger geöffnet ist ...\n\n"
        "Den vollständigen Artikel lesen ...\n"
    )
    assert len(dump.stories) == 1
    assert len(dump.stories[0].paragraphs) == 2


def test_credit_under_a_single_cut_story_credits_it() -> None:
    dump = parse(
        "Rajoy convoca a su gabinete este miércoles\n\n"
        "El presidente del Gobierno ha convocado un consejo extraordinario para...\n\n"
        "Europa Press\n\n"
        "Miércoles, 11 de octubre 2017, 01:10\n"
    )
    assert dump.stories[0].agencies == ("Europa Press",)


def test_caption_printed_twice_short_then_whole_is_furniture() -> None:
    short = "Engineers inspect the repaired span of the river bridge on Monday morning bef..."
    dump = parse(
        "Bridge reopens after four months of repairs\n\n"
        "The bridge reopened to traffic on Monday after four months of repairs, the city "
        "said, ahead of schedule and under budget.\n\n"
        "The work replaced the deck and two of the piers.\n\n"
        f"{short}\n"
        "Engineers inspect the repaired span of the river bridge on Monday morning before "
        "it reopened to traffic. City of Example\n\n"
        "Traffic was back to normal by the evening rush hour.\n"
    )
    assert len(dump.stories) == 1
    assert short in dump.leftover


def test_listing_whose_items_are_all_cut_ledes_flags_the_first_too() -> None:
    dump = parse(
        "Latest News\n\n"
        "  • Council extends night buses to outer districts\n\n"
        "    LEEDS (AP) — The council said on Thursday it would extend the night buses to "
        "the outer districts, after a year of complaints from shift workers who\n"
        "  • Port strike ends after pay deal\n\n"
        "    HULL (AP) — Dock workers voted to end their week-long strike on Wednesday after "
        "the operator raised its pay offer for the second time in\n"
        "  • Bridge reopens ahead of schedule\n\n"
        "    YORK (AP) — The river bridge reopened to traffic on Monday, two weeks ahead of "
        "schedule, the city said in a statement that also\n"
    )
    assert [s.is_teaser for s in dump.stories] == [True, True, True]


def test_a_short_complete_main_story_above_marked_teasers_stays_a_story() -> None:
    dump = parse_bytes(
        (
            "Storm closes the northern ports\n\n"
            "Oslo (AFP) Jan 9, 2018\n\n"
            "Ferries stayed in harbour on Tuesday as gusts reached 140 km/h.\n\n"
            "Rail strike enters its third day\n\n"
            "Stockholm (AFP) Jan 8, 2018\n\n"
            "Commuters faced long delays as talks between the operator and the union "
            "broke down…read more\n"
        ).encode(),
        source="page.txt",
    )
    assert [s.is_teaser for s in dump.stories] == [False, True]


@pytest.mark.parametrize(
    ("line", "raw", "place", "agencies"),
    [
        ("SURABAYA.CO, Surabaya – The city opened a new bus line.", "SURABAYA.CO, Surabaya",
         "Surabaya", ()),
        ("JAKARTA, BERITA.com - Pemerintah kota membuka jalur bus baru.", "JAKARTA, BERITA.com",
         "Jakarta", ()),
        ("Kyodo -- March 14 The cabinet approved the draft.", "Kyodo -- March 14", None,
         ("Kyodo",)),
        ("New Delhi, March 14, IRNA", "New Delhi, March 14, IRNA", "New Delhi", ("IRNA",)),
        ("GUDERMES, Chechnya — The regional government said.", "GUDERMES, Chechnya",
         "Gudermes", ()),
    ],
)
def test_more_dateline_forms(
    line: str, raw: str, place: str | None, agencies: tuple[str, ...]
) -> None:
    found = match_dateline(line, dt.date(2019, 3, 15))
    assert found is not None
    d = found.dateline
    assert (d.raw, d.place, d.agencies) == (raw, place, agencies)


@pytest.mark.parametrize(
    "line",
    [
        "Visit example.com, Paris - for more",
        "Anna Petrova / Kremlin / TASS / Reuters",
        "Moscow, TASS",
    ],
)
def test_lines_that_only_look_like_datelines(line: str) -> None:
    assert match_dateline(line, dt.date(2019, 3, 15)) is None


@pytest.mark.parametrize(
    ("raw", "region", "country"),
    [
        ("BENGALURU, Karnataka", "Karnataka", "IN"),
        ("Amritsar, Punjab", "Punjab", "IN"),
        ("LAHORE, Punjab", "Punjab", "PK"),
        # (parser 2.5.0: the word for a prefecture or province is no part of its name)
        ("Mito, Ibaraki Pref.", "Ibaraki", "JP"),
        ("KOBE, Hyogo Prefecture", "Hyogo", "JP"),
        ("Karachi, Sindh Prov.", "Sindh", "PK"),
    ],
)
def test_regions_named_in_the_dateline(raw: str, region: str, country: str) -> None:
    place = resolve_place(raw)
    assert (place.region, place.country) == (region, country)


def test_title_on_the_dateline_line_beats_a_section_label_above() -> None:
    dump = parse(
        "Earth Science\n\n"
        "Glacier Melt Speeds Up In The Alps Geneva, Switzerland (AFP) Mar 14, 2019\n"
        "Alpine glaciers lost more ice last summer than in any year since records began, "
        "researchers said on Thursday.\n"
    )
    assert dump.stories[0].headline == "Glacier Melt Speeds Up In The Alps"
    assert "Earth Science" in dump.leftover


def test_whole_stories_each_signed_by_the_agency() -> None:
    dump = parse(
        "Five Held Over Bank Fraud In Lagos\n\n"
        "Police in Lagos said on Sunday they had arrested five people over a fraud that took "
        "money from hundreds of savings accounts at a local bank.\n\n"
        "The suspects were due in court on Monday, a police spokesman said.\n\n"
        "AFP\n\n"
        "Floods Cut Off Villages In Northern Ghana\n\n"
        "Heavy rains have cut off a dozen villages in northern Ghana, the national disaster "
        "agency said on Monday, as rivers burst their banks.\n"
    )
    assert [s.headline for s in dump.stories] == [
        "Five Held Over Bank Fraud In Lagos",
        "Floods Cut Off Villages In Northern Ghana",
    ]
    assert dump.stories[0].agencies == ("AFP",)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Publié le 03/10/2019 à 11h20", dt.date(2019, 10, 3)),
        ("Publicado el 3 de octubre de 2019", dt.date(2019, 10, 3)),
        ("2019年10月3日 11:20", dt.date(2019, 10, 3)),
        ("Posted 10/03/2019 11:20 AM", dt.date(2019, 10, 3)),
    ],
)
def test_page_stamps_in_more_languages(line: str, day: dt.date) -> None:
    assert line_stamp(line) == day


@pytest.mark.parametrize(
    ("lines", "authors"),
    [
        ("Lena Okafor\nPublished 10:30 AM ET Mar. 14, 2019", ("Lena Okafor",)),
        ("Lena Okafor\nStaff Reporter", ("Lena Okafor",)),
        ("Author: Lena Okafor", ("Lena Okafor",)),
        ("Lena Okafor and Tom Reyes | The Leeds Herald", ("Lena Okafor", "Tom Reyes")),
        ("Lena Okafor — March 14, 2019", ("Lena Okafor",)),
        ("Lena Okafor · 3 min read", ("Lena Okafor",)),
    ],
)
def test_web_bylines_under_the_headline(lines: str, authors: tuple[str, ...]) -> None:
    dump = parse(
        f"Night buses for the outer districts\n\n{lines}\n\n"
        f"LEEDS, England (AP) —{BODY}\n\nThe council will review the service in a year.\n"
    )
    story = dump.stories[0]
    assert story.headline == "Night buses for the outer districts"
    assert story.byline is not None and story.byline.authors == authors


@pytest.mark.parametrize(
    "line",
    ["Leeds Herald\nPublished 10:30 AM ET Mar. 14, 2019", "For Immediate Release\nReporter",
     "Northern Post | Salford Times"],
)
def test_papers_and_labels_are_no_web_bylines(line: str) -> None:
    dump = parse(f"Night buses for the outer districts\n\n{line}\n\nLEEDS (AP) —{BODY}\n")
    assert dump.stories[0].byline is None


MAIN = (
    "Council extends night buses to outer districts\n\n"
    f"LEEDS, England (AP) —{BODY}\n\n"
    "The service will run until 4 a.m. on weekdays, a spokesman said.\n\n"
    "Shift workers had petitioned the council for a year.\n\n"
)


@pytest.mark.parametrize(
    "teasers",
    [
        "Port strike ends after pay deal\nDock workers voted to end their strike on Wednesday. "
        "Read more\n\nBridge reopens ahead of schedule\nThe river bridge reopened to traffic on "
        "Monday. Read more\n",
        "Port strike ends after pay deal\nDock workers voted to end their strike on Wednesday. "
        "Lire la suite\n\nBridge reopens ahead of schedule\nThe river bridge reopened to "
        "traffic on Monday. Continue reading\n",
        "Related\n\n• Port strike ends after pay deal - Dock workers voted to end their strike "
        "on Wednesday …\n\n• Bridge reopens ahead of schedule - The river bridge reopened to "
        "traffic on Monday …\n",
    ],
)
def test_teasers_marked_after_a_full_sentence_or_inline_after_a_bullet(teasers: str) -> None:
    dump = parse(MAIN + teasers)
    assert [(s.headline, s.is_teaser) for s in dump.stories] == [
        ("Council extends night buses to outer districts", False),
        ("Port strike ends after pay deal", True),
        ("Bridge reopens ahead of schedule", True),
    ]


@pytest.mark.parametrize(
    "title",
    [
        "(Multimedia) Port workers end their strike after a week",
        "(Video) Port workers end their strike after a week",
        ">>> Port workers end their strike after a week",
    ],
)
def test_titles_opened_by_a_media_tag_or_an_arrow(title: str) -> None:
    assert is_title_like(title)


def test_ep_in_a_compound_credit_is_europa_press() -> None:
    found = match_dateline("BOGOTÁ, 7 Ene. (COLPRENSA/EP) - El gobierno dijo.", dt.date(2011, 1, 8))
    assert found is not None and found.dateline.agencies == ("Colprensa", "Europa Press")


@pytest.mark.parametrize(
    ("line", "country"),
    [
        ("KAMPUNG SERI BAYU, May 27 (Bernama) — The state government said", "MY"),
        ("Tegalwangi, Jawa (ANTARA) - Warga desa itu mengatakan", "ID"),
        ("Barangay Lumbo, March 3 (PNA) -- The village council said", "PH"),
        ("LONDON, May 27 (Bernama) — The minister said on Friday", "GB"),
        ("Kampung Seri Bayu, May 27 (AFP) - The state government said", None),
        ("Kampung Seri Bayu, May 27 (Bernama/AFP) - The state government said", None),
    ],
)
def test_a_national_agency_places_an_unknown_town_at_home(line: str, country: str | None) -> None:
    """A town too small for the gazetteer, under a national agency's credit, lies in the
    agency's country; a known city keeps its own, and a world-wide credit decides nothing."""
    found = match_dateline(line, dt.date(2022, 5, 28))
    assert found is not None
    assert found.dateline.country == country


@pytest.mark.parametrize("more", ["    Learn More\n", ""])
def test_a_preview_above_its_own_article_is_a_teaser(more: str) -> None:
    """A teaser list at the top of the page previews the article printed in full below
    it, under the same headline: the preview is a teaser, the article is not."""
    dump = parse(
        "Harbour Watch\n\n"
        "  • Night ferry returns to the island run after two winters\n\n"
        "    KIRKWALL, Oct 14 (PA) — The night ferry to the outer islands will run again "
        "from next month, the operator said, after two winters in whichRead More\n\n"
        f"{more}"
        "  • Council votes to keep the old pier open\n\n"
        "    The council voted on Tuesday to keep the old pier open for another yearRead More\n\n"
        f"{more}\n"
        "Night ferry returns to the island run after two winters\n\n"
        "KIRKWALL, Oct 14 (PA) — The night ferry to the outer islands will run again from "
        "next month, the operator said, after two winters in which the crossing was "
        "cancelled for lack of crew.\n\n"
        "The operator said it had hired twelve new deckhands over the summer.\n"
    )
    flags = [(s.headline, s.is_teaser) for s in dump.stories]
    assert flags[-1] == ("Night ferry returns to the island run after two winters", False)
    assert ("Night ferry returns to the island run after two winters", True) in flags


def test_first_item_of_a_long_list_of_ledes_is_a_teaser_like_the_rest() -> None:
    """A trade site's list: date, title, one-sentence lede per item, the last cut off by
    the page. The first item has the others' shape, so it is a teaser like them."""
    items = [
        ("Court lets harbour dredging go ahead", "An appeals court on Friday let the harbour "
         "board resume dredging the main channel, lifting an order won by fishing groups."),
        ("Insurer settles flood claims suit", "A regional insurer agreed to settle a suit "
         "over delayed flood claims, according to a filing in state court on Thursday."),
        ("Port workers win overtime ruling", "A federal judge ruled that port workers must "
         "be paid for time spent waiting for ships that arrived late, the union said."),
        ("Ferry operator faces safety review", "Regulators opened a review of a ferry "
         "operator's safety record after two engine failures in a month, officials said."),
        ("Shipyard sued over unpaid wages", "Former shipyard welders filed a suit claiming "
         "they were not paid for the last three weeks before the yard closed its"),
    ]
    page = "Search our archive\n" + "".join(
        f"-\nSeptember 26, 2025\n{title}\n{lede}\n" for title, lede in items
    )
    dump = parse(page, "page-2025-09-26.txt")
    assert [s.headline for s in dump.stories] == [title for title, _ in items]
    assert all(s.is_teaser for s in dump.stories)


def test_headline_over_a_long_list_of_related_links_above_the_dateline() -> None:
    """A space-news page: the title, then ten bulleted links to other stories, then the
    dateline (bulleted too). The title is the headline, not the link nearest the dateline;
    the links are the site's other news, teasers with a title only (parser 2.7.0)."""
    links = [
        "Harbour cranes idle as dock strike enters second week",
        "Glacier retreat speeds up across the northern range",
        "Rail operator orders forty new night trains",
        "Island votes to keep its ferry subsidy",
        "Drought forces rationing in three river towns",
        "Fishing fleet returns early as storms close in",
        "New bridge opens a year late and over budget",
        "Wind farm plan wins approval after long fight",
        "Heatwave breaks records across the southern plains",
        "Volcano alert raised as tremors grow stronger",
    ]
    page = (
        ". 24/7 Orbit News .\n"
        "Weather satellite reaches its planned orbit\n"
        + "".join(f"  • {link}\n" for link in links)
        + "  • JIUQUAN (AFP) Mar 3, 2021\n"
        "    The satellite reached its planned orbit on Wednesday evening, the space agency "
        "said, thirteen minutes after the launch from the desert base.\n\n"
        "    It will watch cloud cover and sea temperatures for at least eight years.\n"
    )
    dump = parse(page)
    story = dump.stories[0]
    assert story.headline == "Weather satellite reaches its planned orbit"
    assert story.dateline is not None and story.dateline.place == "Jiuquan"
    assert [s.headline for s in dump.stories[1:]] == links
    assert all(s.is_teaser and not s.paragraphs for s in dump.stories[1:])


@pytest.mark.parametrize(
    ("line", "place", "region", "country"),
    [
        ("ASHBURN, Virginia and BOISE, Idaho, March 4, 2021 (GLOBE NEWSWIRE) -- Two firms said",
         "Ashburn", "Virginia", "US"),
        ("TORONTO and LONDON, March 4, 2021 /PRNewswire/ -- The two companies said today",
         "Toronto", None, "CA"),
        ("PORT OF SPAIN, Trinidad and Tobago, March 4, 2021 /PRNewswire/ -- The bank said",
         "Port of Spain", None, "TT"),
    ],
)
def test_joint_press_release_datelines_keep_the_first_place(
    line: str, place: str, region: str | None, country: str
) -> None:
    found = match_dateline(line, None)
    assert found is not None
    d = found.dateline
    assert (d.place, d.region, d.country, d.date) == (place, region, country, dt.date(2021, 3, 4))


@pytest.mark.parametrize(
    ("line", "place", "region", "agencies", "date"),
    [
        ("ACCRA, March 4, (GNA) - The district assembly said it would", "Accra", None,
         ("GNA",), dt.date(2021, 3, 4)),
        ("Bahir Dar, March 4/2021 (ENA) The regional bureau said on Thursday", "Bahir Dar",
         None, ("ENA",), dt.date(2021, 3, 4)),
        ("SINGAPORE, March 4 (Reuters Breakingviews) - Shipping lines should", "Singapore",
         None, ("Reuters",), dt.date(2021, 3, 4)),
        ("BOSTON, March 4 (Reuters Health) - Adults who walk daily said", "Boston", None,
         ("Reuters",), dt.date(2021, 3, 4)),
        ("ATLANTA (CNN) - The city council voted on Thursday to", "Atlanta", None, ("CNN",),
         dt.date(2021, 3, 5)),
        ("TAICHUNG (Taiwan News) — The city government said on Thursday", "Taichung", None,
         (), dt.date(2021, 3, 5)),
        ("Mito (Ibaraki) - The prefecture said on Thursday that it would", "Mito", "Ibaraki",
         (), dt.date(2021, 3, 5)),
    ],
)
def test_credit_after_a_comma_slashed_years_desks_and_sources_in_brackets(
    line: str, place: str, region: str | None, agencies: tuple[str, ...], date: dt.date
) -> None:
    """"(GNA)" after the date's comma, ENA's "March 4/2021", Reuters' desks, and a
    broadcaster or paper in brackets, which is a source, not a province."""
    found = match_dateline(line, dt.date(2021, 3, 5))
    assert found is not None
    d = found.dateline
    assert (d.place, d.region, d.agencies, d.date) == (place, region, agencies, date)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("March 4, 2021 | Ann Lee", ("Ann Lee",)),
        ("Mar 4, 2021 09:40 AM | By Ann Lee", ("Ann Lee",)),
        ("March 4, 2021 | World News", None),
        ("Thursday, 4 March 2021 | Politics", None),
    ],
)
def test_a_name_after_the_stamp_and_a_pipe_is_the_byline(
    line: str, authors: tuple[str, ...] | None
) -> None:
    dump = parse(
        "Ferry service resumes on the island route\n\n"
        f"{line}\n\n"
        f"BERGEN —{BODY}\n\n"
        "More sailings are planned for the summer.\n"
    )
    story = dump.stories[0]
    assert (story.byline.authors if story.byline else None) == authors
    assert story.dateline is not None and story.dateline.date == dt.date(2021, 3, 4)


def test_a_day_first_stamp_read_month_first_still_dates_the_dateline() -> None:
    """"04/03/2021 09:40 AM" (4 March, as Malaysian sites print it) above "KUALA LUMPUR,
    March 4 --": the dateline's own day and month settle the stamp's order."""
    dump = parse(
        "Ferry operators add a late crossing\n\n"
        "04/03/2021 09:40 AM\n\n"
        f"KUALA LUMPUR, March 4 --{BODY}\n\n"
        "-- BERNAMA\n"
    )
    dateline = dump.stories[0].dateline
    assert dateline is not None and dateline.date == dt.date(2021, 3, 4)


def test_a_credit_with_a_longer_name_is_no_source_and_place() -> None:
    """"PA Media" under a headline is the agency's name, not PA reporting from Media, Pa."""
    assert match_dateline("PA Media", None) is None
    dump = parse(
        "Ferry operators add a late crossing\n\n"
        "PA Media\n\n"
        "Thu 4 Mar 2021 09.40 GMT\n\n"
        f"{BODY.strip()}\n\n"
        "The council will review the service after six months.\n"
    )
    story = dump.stories[0]
    assert story.dateline is None
    assert story.agencies == ("PA",)


@pytest.mark.parametrize(
    ("line", "raw", "country", "agency", "date"),
    [
        ("新华社上海3月4日电 市政府星期四宣布延长夜班公交服务。", "新华社上海3月4日电",
         "CN", "Xinhua", dt.date(2021, 3, 4)),
        # (the reporters after the dispatch line are its byline, not its dateline: 2.19.0)
        ("新华社记者北京3月4日电（记者王芳）市政府宣布。", "新华社记者北京3月4日电",
         "CN", "Xinhua", dt.date(2021, 3, 4)),
        ("中新社上海3月4日电 市政府宣布。", "中新社上海3月4日电",
         "CN", "CNS", dt.date(2021, 3, 4)),
        ("【東京共同】政府は4日、夜間バスの運行を延長すると発表した。", "【東京共同】",
         "JP", "Kyodo", dt.date(2021, 3, 5)),
        ("【ソウル時事】韓国政府は4日発表した。", "【ソウル時事】",
         "KR", "Jiji", dt.date(2021, 3, 5)),
        ("(서울=연합뉴스) 이영희 기자 = 시는 4일 야간 버스 운행을 연장한다고 밝혔다.",
         "(서울=연합뉴스)", "KR", "Yonhap", dt.date(2021, 3, 5)),
    ],
)
def test_chinese_japanese_and_korean_agency_datelines(
    line: str, raw: str, country: str, agency: str, date: dt.date
) -> None:
    """The agencies' own services: Xinhua's "...电", Kyodo's and Jiji's 【...】, Yonhap's
    "(...=연합뉴스)". A day without a month (Kyodo, Yonhap) leaves the dump's date."""
    found = match_dateline(line, dt.date(2021, 3, 5))
    assert found is not None
    d = found.dateline
    assert (d.raw, d.country, d.agencies, d.date) == (raw, country, (agency,), date)


def test_a_sentence_in_chinese_is_no_dateline() -> None:
    assert match_dateline("上海是中国最大的城市，人口超过两千万。", None) is None


def test_vietnam_news_agency_in_its_own_language() -> None:
    found = match_dateline("Hà Nội (TTXVN) - Chính phủ thông báo hôm thứ Năm.", None)
    assert found is not None
    assert (found.dateline.country, found.dateline.agencies) == ("VN", ("VNA",))


@pytest.mark.parametrize(
    ("line", "raw", "agencies"),
    [
        ("Самара. 4 марта. ИНТЕРФАКС - Городские власти объявили.",
         "Самара. 4 марта. ИНТЕРФАКС", ("Interfax",)),
        ("SAMARA. March 4. INTERFAX - The city authorities said.", "SAMARA. March 4. INTERFAX",
         ("Interfax",)),
        ("الإسكندرية - 4 مارس (أ ش أ) - أعلنت المحافظة.", "الإسكندرية - 4 مارس (أ ش أ)",
         ("MENA",)),
    ],
)
def test_place_and_date_set_off_by_a_full_stop_or_a_dash(
    line: str, raw: str, agencies: tuple[str, ...]
) -> None:
    """Interfax's "Город. 4 марта. ИНТЕРФАКС -" and MENA's Arabic "place - date (credit)"."""
    found = match_dateline(line, dt.date(2021, 3, 5))
    assert found is not None
    assert (found.dateline.raw, found.dateline.agencies) == (raw, agencies)
    assert found.dateline.date == dt.date(2021, 3, 4)


@pytest.mark.parametrize(
    "above",
    ["NORWAY", "WATCH: Ferries ride out the storm", "VIDEO | Ferries ride out the storm"],
)
def test_section_labels_and_video_links_around_the_headline(above: str) -> None:
    """A country's name as a section label over the headline is no dateline, and a link to
    a video between headline and dateline is no headline."""
    title = "Ferry operators add a late crossing for the summer"
    page = (
        f"{above}\n\n{title}\n\n" if above.isupper() else f"{title}\n\n{above}\n\n"
    ) + f"BERGEN (AFP) -{BODY}\n\nMore sailings are planned.\n"
    dump = parse(page)
    assert len(dump.stories) == 1
    story = dump.stories[0]
    assert story.headline == title
    assert story.dateline is not None and story.dateline.place == "Bergen"
    assert above in dump.leftover


def test_a_place_alone_over_prose_is_still_a_dateline() -> None:
    dump = parse(f"Ferry operators add a late crossing\n\nBERGEN\n\n{BODY.strip()}\n")
    assert dump.stories[0].dateline is not None
    assert dump.stories[0].dateline.place == "Bergen"


def test_a_page_of_briefs_is_no_list_of_teasers() -> None:
    """Briefs that open with their own datelines and end their sentences are stories told
    in full; the one the page's copy cuts off is a brief cut short, no teaser either
    (parser 2.7.0, as the real pages' labels read such lists)."""
    page = (
        "World briefs\n\n"
        "NAIROBI (AP) — Kenya's parliament voted on Tuesday to extend the night curfew in the "
        "capital by two weeks. The vote passed by a wide margin.\n\n"
        "LIMA, Peru (AP) — Peru's congress approved a new mining tax on Tuesday after a month "
        "of debate. Miners said the tax would cut investment.\n\n"
        "OSLO, Norway (AP) — Norway's central bank held its main rate on Tuesday and said it "
        "expected to raise it later in the year, as prices kept climbing across the\n"
    )
    dump = parse(page, "page-2021-03-04.txt")
    assert [s.dateline.place for s in dump.stories if s.dateline] == ["Nairobi", "Lima", "Oslo"]
    assert [s.is_teaser for s in dump.stories] == [False, False, False]


def test_dated_items_after_a_full_article_stay_teasers() -> None:
    """The same items under "More from ..." after a whole article are the site's teasers."""
    page = (
        "Night buses to run to the outer districts\n\n"
        f"LEEDS (PA) -{BODY}\n\n"
        "The council will review the service after six months.\n\n"
        "Drivers' unions welcomed the plan but asked for more staff on the late routes.\n\n"
        "More from the region\n\n"
        "YORK (PA) - The city council voted on Tuesday to close the old market hall for repairs. "
        "Work starts in May.\n\n"
        "HULL (PA) - The port said on Tuesday that cargo volumes rose by a tenth last year. "
        "Most of the growth came from timber.\n"
    )
    dump = parse(page)
    assert [s.is_teaser for s in dump.stories] == [False, True, True]


@pytest.mark.parametrize(
    ("line", "agencies", "date"),
    [
        ("DENVER, March 4, 2021 (SEND2PRESS NEWSWIRE) -- Acme Inc. said today", ("Send2Press",),
         dt.date(2021, 3, 4)),
        ("MIAMI, March 4, 2021 /PRNewswire-HISPANIC PR WIRE/ -- Acme Inc. said today",
         ("PRNewswire",), dt.date(2021, 3, 4)),
        ("MONTREAL, March 4, 2021 /CNW Telbec/ - Acme Inc. said today", ("CNW",),
         dt.date(2021, 3, 4)),
        ("CALGARY, Alberta--(Newsfile Corp. - March 4, 2021) - Acme Inc. said today",
         ("Newsfile",), dt.date(2021, 3, 4)),
        ("DAKAR, March 4 (Thomson Reuters Foundation) - Fishing crews said on Thursday",
         ("TRF",), dt.date(2021, 3, 4)),
        ("Harare, March 4, 2021 (CAJ News) - Farmers said on Thursday", ("CAJ News",),
         dt.date(2021, 3, 4)),
    ],
)
def test_more_press_wires_and_news_services(
    line: str, agencies: tuple[str, ...], date: dt.date
) -> None:
    found = match_dateline(line, dt.date(2021, 3, 5))
    assert found is not None
    assert (found.dateline.agencies, found.dateline.date) == (agencies, date)


@pytest.mark.parametrize(
    "tag", ["(Updated 9:40 a.m.)", "UPDATED:", "BREAKING -", "Updated at 09:40 GMT"]
)
def test_an_editors_tag_before_the_dateline_is_residue(tag: str) -> None:
    dump = parse(f"Ferry operators add a late crossing\n\n{tag} BERGEN —{BODY}\n")
    story = dump.stories[0]
    assert story.dateline is not None and story.dateline.place == "Bergen"
    assert story.paragraphs[0].text.startswith("The regional council said")
