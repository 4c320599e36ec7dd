"""Shapes from the own-words corpus's dev misses found in the 2.23 work, in our own words."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.parse.agencies import credit_line
from etl.parse.dateline import match_dateline
from etl.parse.lines import is_boilerplate
from tests.parse.test_real_shapes import parse

D = dt.date(2019, 4, 18)


def test_a_byline_printed_twice_keeps_title_and_dateline_together() -> None:
    dump = parse(
        "Storm Floods Three Valley Towns\n\n"
        "By: Associated Press\n"
        "By: Associated Press\n\n"
        "DENVER (AP) -- Heavy rain flooded three towns in the valley on Monday, officials said.\n\n"
        "Crews worked through the night to clear the main roads.\n"
    )
    assert len(dump.stories) == 1
    story = dump.stories[0]
    assert story.headline == "Storm Floods Three Valley Towns"
    assert story.dateline is not None and story.dateline.place == "Denver"
    assert "By: Associated Press" in dump.leftover


def test_a_byline_printed_once_is_not_dropped() -> None:
    dump = parse(
        "Storm Floods Three Valley Towns\n\nBy: Associated Press\n\n"
        "DENVER (AP) -- Heavy rain flooded three towns in the valley on Monday, officials said.\n"
    )
    assert len(dump.stories) == 1
    assert dump.stories[0].byline is not None
    assert "By: Associated Press" not in dump.leftover


@pytest.mark.parametrize(
    ("line", "raw", "agencies"),
    [
        # the dash glued to a one-letter first word
        ("AFP -A fresh typhoon tore across the islands overnight, leaving one person dead.",
         "AFP", ("AFP",)),
        # a one-word credit, then a stop or a colon, then the sentence
        ("ArmInfo. The central bank plans to open a museum of coins in a spa town.",
         "ArmInfo", ("ArmInfo",)),
        ("BSS : The foreign minister left for Tokyo on Friday for talks on trade and aid.",
         "BSS", ("BSS",)),
        ("Reuters: The carmaker said on Monday it would cut two shifts at its plant.",
         "Reuters", ("Reuters",)),
        # wires now in the registry
        ("(Alliance News) - Stocks in London closed a little higher in thin holiday trade.",
         "(Alliance News)", ("Alliance News",)),
        ("(Teleborsa) - Seduta in lieve rialzo per la borsa di Tokyo all'apertura di oggi.",
         "(Teleborsa)", ("Teleborsa",)),
        ("STOCKHOLM (Direkt) Gruvbolaget redovisar i dag resultatet av sina första borrhål.",
         "STOCKHOLM (Direkt)", ("Direkt",)),
    ],
)
def test_bare_credit_shapes(line: str, raw: str, agencies: tuple[str, ...]) -> None:
    found = match_dateline(line, D)
    assert found is not None
    assert (found.dateline.raw, found.dateline.agencies) == (raw, agencies)


@pytest.mark.parametrize(
    "line",
    [
        # a full name then a colon is a page's label, no credit
        "Anadolu Agency: News in English Directory - Previous Article - Next Article",
        # a short line after the credit is no sentence
        "Reuters: Top News",
        # "A" glued to the dash must start a word of its own
        "AFP -Abandoned",
    ],
)
def test_not_bare_credits(line: str) -> None:
    assert match_dateline(line, D) is None


@pytest.mark.parametrize(
    ("last_line", "raw", "place"),
    [
        ("OSAKA, Japan – Osa", "OSAKA, Japan", "Osaka"),
        ("LYON - A t", "LYON", "Lyon"),
        ("Quito – Ecuad", "Quito", "Quito"),
        ("Bruselas.- Los ministros de agricultura de la Unión se reúnen en",
         "Bruselas", "Bruselas"),
        ("IDAHO Boise: A former county cle", "IDAHO Boise", "Boise"),
    ],
)
def test_a_dateline_cut_short_by_the_page_end_opens_one_more_story(
    last_line: str, raw: str, place: str
) -> None:
    dump = parse(
        "Port workers end strike after pay deal\n"
        "KOBE, Japan – Dock workers returned to the cranes on Monday after unions accepted a "
        "new pay offer, ending a stoppage that had idled the port for nine days.\n"
        "———-\n"
        "Quake shakes northern island, no damage reported\n"
        "SAPPORO, Japan – A moderate earthquake rattled the northern island early on Tuesday, "
        "the weather agency said, with no reports of damage or injuries so far.\n"
        "———-\n"
        "Ministers meet on farm subsidies\n"
        f"{last_line}"
    )
    last = dump.stories[-1]
    assert last.dateline is not None
    assert (last.dateline.raw, last.dateline.place) == (raw, place)
    assert last.headline == "Ministers meet on farm subsidies"


@pytest.mark.parametrize(
    "line",
    [
        "BEIJING, Sept. 23 (X",  # the credit itself cut: no dateline whole before the cut
        "The minister said the talks would go on until",  # prose
        "Kenya: Floods displace thous",  # a headline's country, as anywhere on the page
    ],
)
def test_no_dateline_from_a_cut_line_that_holds_none(line: str) -> None:
    from etl.parse.dateline import match_cut_dateline

    assert match_cut_dateline(line, D) is None


def test_a_cut_dateline_only_on_the_page_last_line() -> None:
    # the same words in the middle of a page are a line of the story above, not a dateline
    dump = parse(
        "Ministers meet on farm subsidies\n\n"
        "BRUSSELS – Farm ministers met on Monday to discuss a cap on subsidies for large "
        "estates, with no deal expected before the summer.\n\n"
        "LYON - A t\n\n"
        "Officials said talks would continue next week in Luxembourg with a new text.\n"
    )
    assert [s.dateline.place if s.dateline else None for s in dump.stories] == ["Brussels"]


def test_an_ap_digest_item_that_mentions_its_photo_is_an_item_not_a_caption() -> None:
    dump = parse(
        "AP-NV--Nevada News Digest, NV\n\n"
        "Nevada at 1:10 p.m.\n\n"
        "The desk can be reached at (775) 555-0100. Questions about coverage plans go to the "
        "news editor.\n\n\n"
        "ELKO — County commissioners weigh a new water plan for ranchers along the river as the "
        "dry season nears. By Dana Kessler. SENT: 430 words. UPCOMING: 600 words by 5 p.m. "
        "AP photo planned.\n\n\n"
        "RENO — A casino workers union says talks on a new contract broke down on Tuesday over "
        "health premiums. SENT: 350 words.\n"
    )
    places = [s.dateline.place if s.dateline else None for s in dump.stories]
    assert places[-2:] == ["Elko", "Reno"]
    assert all("AP" in s.agencies for s in dump.stories if s.dateline)


@pytest.mark.parametrize(
    ("line", "raw", "place"),
    [
        ("  • Budget Would Leave Spending Flat After 2 YearsWICHITA, Kan. (AP) — Budget plans "
         "from the governor would leave total state spending flat for two years, aides said.",
         "WICHITA, Kan. (AP)", "Wichita"),
        ("Ferry crews rehearse a rescue off the coast of Luzon GazetteMANILA, Philippines -- "
         "Coast guard crews ran a night drill for ferry operators on Tuesday, officials said.",
         "MANILA, Philippines", "Manila"),
    ],
)
def test_a_title_glued_to_its_dateline_without_a_space(line: str, raw: str, place: str) -> None:
    dump = parse(f"Regional news\n\n{line}\n")
    dated = [s.dateline for s in dump.stories if s.dateline is not None]
    assert [(d.raw, d.place) for d in dated] == [(raw, place)]


def test_mc_names_in_capitals_stay_places() -> None:
    found = match_dateline(
        "McALLEN, Texas (AP) — Border officials said on Monday that crossings fell again.", D
    )
    assert found is not None and found.dateline.raw == "McALLEN, Texas (AP)"


@pytest.mark.parametrize(
    ("line", "raw"),
    [
        ("RABAT | La tension reste vive dans plusieurs quartiers après une troisième nuit de "
         "heurts.", "RABAT"),
        ("Paris | World news and analysis from our correspondents across Europe", None),
        ("LONDON | Sport", None),
        ("Madrid | Il y a 3 heures", None),
    ],
)
def test_a_pipe_after_a_place_in_capitals(line: str, raw: str | None) -> None:
    found = match_dateline(line, D)
    assert (found.dateline.raw if found else None) == raw


@pytest.mark.parametrize(
    ("line", "place", "country", "agencies", "date"),
    [
        ("KUALA LUMPUR – Media OutReach Newswire – 3 March 2025 – A regional logistics firm "
         "said on Monday it would open two warehouses.", "Kuala Lumpur", "MY",
         ("Media OutReach",), dt.date(2025, 3, 3)),
        ("HONG KONG SAR – Media OutReach Newswire – 12 June 2024 – The city's trade council "
         "opened its summer fair on Wednesday.", "Hong Kong SAR", "HK",
         ("Media OutReach",), dt.date(2024, 6, 12)),
        ("Denver, CO – Reuters – May 2, 2019 – The miner said output rose in the quarter.",
         "Denver", "US", ("Reuters",), dt.date(2019, 5, 2)),
    ],
)
def test_place_wire_and_date_each_set_apart_by_a_dash(
    line: str, place: str, country: str, agencies: tuple[str, ...], date: dt.date
) -> None:
    found = match_dateline(line, D)
    assert found is not None
    d = found.dateline
    assert (d.place, d.country, d.agencies, d.date) == (place, country, agencies, date)


def test_a_preview_then_the_story_in_full_is_one_full_story() -> None:
    dump = parse(
        "CityNews Moncton\n"
        "Harbour pilots end strike after deal on night shifts\n"
        "Harbour pilots in Saint John say they have ended a six-day strike. The union says "
        "the deal caps night shifts at four a week and adds a fourth pilot boat for the "
        "win ...More ...\n"
        "Harbour pilots in Saint John say they have ended a six-day strike.\n"
        "The union says the deal caps night shifts at four a week and adds a fourth pilot "
        "boat for the winter months.\n"
        "Ships that waited outside the harbour began moving in on Saturday morning.\n"
        "This report by The Canadian Press was first published March 7, 2025.\n"
        "CityNews Moncton\n"
        "Ferry service to the islands resumes after repairs\n"
        "The provincial ferry to the islands is running again after two weeks of repairs "
        "to its ramp, the transport department said. Crews replaced the hin ...More ...\n"
    )
    first = dump.stories[0]
    assert first.headline == "Harbour pilots end strike after deal on night shifts"
    assert not first.is_teaser
    assert first.agencies == ("CP",)
    assert first.paragraphs[0].text == (
        "Harbour pilots in Saint John say they have ended a six-day strike."
    )
    assert dump.stories[-1].is_teaser


def test_the_same_teaser_printed_twice_stays_two_teasers() -> None:
    lede = (
        "Federal officials said today that two farm firms must sell a seed business and "
        "several lines of cotton seed before they may merge..."
    )
    dump = parse(f"Press releases\n\n{lede}\n\n{lede}\n\nA couple were sentenced on Monday "
                 "to long prison terms for forced labour, the department said...\n")
    assert all(not s.paragraphs or s.paragraphs[0].text != lede or s.is_teaser
               for s in dump.stories)


@pytest.mark.parametrize(
    ("line", "raw", "agencies"),
    [
        ("موسكو — سبوتنيك.", "موسكو — سبوتنيك", ("Sputnik",)),
        ("موسكو — سبوتنيك. قال الكرملين اليوم إن المحادثات ستستمر الأسبوع المقبل",
         "موسكو — سبوتنيك", ("Sputnik",)),
        ("Moscow, TASS. The Kremlin said on Monday that the talks would go on next week.",
         "Moscow, TASS", ("TASS",)),
    ],
)
def test_place_then_credit_then_a_stop(line: str, raw: str, agencies: tuple[str, ...]) -> None:
    found = match_dateline(line, D)
    assert found is not None
    assert (found.dateline.raw, found.dateline.agencies) == (raw, agencies)


def test_an_ap_member_site_tagline_is_no_headline() -> None:
    dump = parse(
        "Latest Iowa news, sports, business and entertainment\n\n\n"
        "Council weighs new limits on downtown parking\n\n"
        "DES MOINES, Iowa (AP) — The city council is weighing new limits on downtown "
        "parking after complaints from shop owners, officials said on Monday.\n\n"
        "A vote is expected next month.\n"
    )
    assert dump.stories[0].headline == "Council weighs new limits on downtown parking"


@pytest.mark.parametrize(
    ("line", "raw", "place", "agencies"),
    [
        # a paper or a station in brackets, no place, then a dash and the sentence
        ("(Coast Daily) - The state's chief minister said on Monday the subsidy plan would "
         "be reviewed.", "(Coast Daily)", None, ("Coast Daily",)),
        ("(WXYZ) – Firefighters spent the night battling a blaze at a warehouse on the city's "
         "east side.", "(WXYZ)", None, ("WXYZ",)),
        # CNN in the registry: no longer the alias of a town in India
        ("(CNN) — A strong storm moved across the Midwest on Sunday, forecasters said.",
         "(CNN)", None, ("CNN",)),
        ("(CNN) –– El gobernador anunció el sábado un paquete de ayudas para los agricultores.",
         "(CNN)", None, ("CNN",)),
        # the papers' word for the wires, and a stop before the dash
        ("ROMA (Agencias).– El papa pidió este domingo el fin de la violencia en la región y "
         "llamó al diálogo.", "ROMA (Agencias)", "Roma", ("Agencias",)),
        ("LA HABANA (AFP).– La guerrilla sostuvo que el mandatario tiene la llave de la paz, "
         "según un comunicado.", "LA HABANA (AFP)", "La Habana", ("AFP",)),
        # a place and its state in brackets stay the place-dash form
        ("(Harrisburg, PA) -- A proposed amendment won another vote in the state Senate on "
         "Tuesday.", "(Harrisburg, PA)", "Harrisburg", ()),
    ],
)
def test_brackets_and_generic_credits(
    line: str, raw: str, place: str | None, agencies: tuple[str, ...]
) -> None:
    found = match_dateline(line, D)
    assert found is not None
    d = found.dateline
    assert (d.raw, d.place, d.agencies) == (raw, place, agencies)


@pytest.mark.parametrize(
    "line",
    [
        "(Updated) - The city council voted on Monday to raise water rates for the third year.",
        "(Photo) – The city council voted on Monday to raise water rates for the third year.",
        "(Kenya) - The city council voted on Monday to raise water rates for the third year.",
    ],
)
def test_brackets_that_hold_no_source(line: str) -> None:
    assert match_dateline(line, D) is None


@pytest.mark.parametrize(
    ("line", "codes"),
    [
        ("Agência France-Presse", ("AFP",)),
        ("Agencia France Presse", ("AFP",)),
        ("Da Agência Brasil", ("ABr",)),
        ("De la Agencia EFE", ("EFE",)),
        ("Von dpa", ("dpa",)),
        ("Por EFE", ("EFE",)),
        ("De Gaulle", ()),  # a name, no credit
        ("Da Nang", ()),  # a place
    ],
)
def test_credit_lines_in_other_languages(line: str, codes: tuple[str, ...]) -> None:
    assert credit_line(line) == codes


def test_a_credit_line_over_the_dateline_is_no_headline() -> None:
    dump = parse(
        "Da Agência Brasil\n"
        "Recife – A Defesa Civil informou que registrou hoje dezenas de ocorrências por causa "
        "da chuva, segundo um boletim divulgado à tarde.\n"
        "Segundo o órgão, as chuvas devem continuar até o fim de semana.\n"
    )
    story = dump.stories[0]
    assert story.headline is None
    assert story.agencies == ("ABr",)
    assert story.dateline is not None and story.dateline.place == "Recife"


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("A+ A-", True),
        ("0 SHARES Share Tweet", True),
        ("Click here for updates on this story", True),
        ("Back to: Your Money Matters", True),
        ("Aktualisiert: vor 51 Minuten 57 Sekunden", True),
        ("Actualizado hace 2 horas", True),
        ("Back to school: parents brace for higher costs", False),
        ("Shares slide as banks weigh on the index", False),
    ],
)
def test_page_widgets_are_furniture(line: str, furniture: bool) -> None:
    assert is_boilerplate(line) is furniture


def test_a_link_back_to_the_section_is_no_headline() -> None:
    dump = parse(
        "Back to: Your Money Matters\n\n"
        "Retirees face higher premiums next year\n\n"
        "Medicare premiums will rise by about 6 percent next year, officials said on "
        "Friday, the steepest increase in a decade.\n\n"
        "Gas prices fall for a third week\n\n"
        "Average pump prices fell again this week as demand eased after the summer, the "
        "motor club said on Monday.\n"
    )
    assert [s.headline for s in dump.stories] == [
        "Retirees face higher premiums next year", "Gas prices fall for a third week"
    ]
