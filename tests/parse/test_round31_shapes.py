"""Shapes from the thirty-first gathering of real pages and this round's dev misses, in our
own words."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.parse.agencies import digest_agency, signoff_agencies, split_agencies
from etl.parse.byline import parse_byline
from etl.parse.dateline import match_dateline
from etl.parse.pagedate import dated_title
from etl.parse.places import resolve_place
from tests.parse.test_real_shapes import parse

D = dt.date(2017, 11, 11)


@pytest.mark.parametrize(
    ("line", "place", "country", "agencies"),
    [
        # Kyiv's Interfax-Ukraine is an agency of its own, not Moscow's Interfax.
        ("KYIV, Oct 3 (Interfax-Ukraine) – The grid operator said two lines were back.",
         "Kyiv", "UA", ("Interfax-Ukraine",)),
        ("ISTANBUL (DHA) - Firefighters put out a blaze at a textile workshop overnight.",
         "Istanbul", "TR", ("DHA",)),
        ("BAKU (Turan) – The central bank left its main rate unchanged on Friday.",
         "Baku", "AZ", ("Turan",)),
        ("ANKARA (ANKA) - Opposition deputies walked out of the budget debate.",
         "Ankara", "TR", ("ANKA",)),
        ("KYIV (UNN) -- The city council approved a plan to repair school shelters.",
         "Kyiv", "UA", ("UNN",)),
    ],
)
def test_agencies_added_to_the_registry(
    line: str, place: str, country: str, agencies: tuple[str, ...]
) -> None:
    found = match_dateline(line, D)
    assert found is not None
    assert (found.dateline.place, found.dateline.country, found.dateline.agencies) == (
        place, country, agencies
    )


@pytest.mark.parametrize(
    ("paragraph", "codes"),
    [
        ("Two workers were hurt, the governor's office said. (DHA)", ("DHA",)),
        ("The talks resume on Monday. /ANKA/", ("ANKA",)),
        ("Rescuers are still searching the area. (UNN)", ("UNN",)),
        ("The bank will meet again in March. (Turan)", ("Turan",)),
    ],
)
def test_a_new_agency_signs_off(paragraph: str, codes: tuple[str, ...]) -> None:
    assert signoff_agencies(paragraph) == codes


@pytest.mark.parametrize(
    ("line", "raw", "place", "region", "country", "agencies", "date", "rest"),
    [
        # The writer's name, then the agency and the place (IANS on its carriers).
        ("By Mira Castell, IANS, Kathmandu : Travellers were surprised on Wednesday.",
         "IANS, Kathmandu", "Kathmandu", None, "NP", ("IANS",), D,
         "Travellers were surprised on Wednesday."),
        # The Ghana News Agency's form: the region in brackets, then a full date.
        ("Kumasi (Ashanti Region) 14 December 2002- The school marked its day.",
         "Kumasi (Ashanti Region) 14 December 2002", "Kumasi", None, "GH", (),
         dt.date(2002, 12, 14), "The school marked its day."),
        ("Accra (Greater Accra) 30 March 2001", "Accra (Greater Accra) 30 March 2001",
         "Accra", None, "GH", (), dt.date(2001, 3, 30), ""),
        # A country named with its article.
        ("Arnhem, the Netherlands, April 24, 2001 - The company said it would expand.",
         "Arnhem, the Netherlands, April 24, 2001", "Arnhem", None, "NL", (),
         dt.date(2001, 4, 24), "The company said it would expand."),
        ("MANILA, the Philippines - Rescuers reached the village on Sunday.",
         "MANILA, the Philippines", "Manila", None, "PH", (), D,
         "Rescuers reached the village on Sunday."),
        # A state's dotted initials with the last stop left out.
        ("BUFFALO, N.Y - A driver was charged on Monday.", "BUFFALO, N.Y", "Buffalo",
         "New York", "US", (), D, "A driver was charged on Monday."),
        # The place, the date and time, a dash, then the credit in brackets.
        ("Trieste, 12 giu 13:43 - (Agenzia Nova) - Il porto ha chiuso il bilancio.",
         "Trieste, 12 giu 13:43 - (Agenzia Nova)", "Trieste", None, "IT", ("Agenzia Nova",),
         dt.date(2017, 6, 12), "Il porto ha chiuso il bilancio."),
        ("ROMA, 3 OTT - (ANSA) - Il governo ha approvato il piano.", "ROMA, 3 OTT - (ANSA)",
         "Roma", None, "IT", ("ANSA",), dt.date(2017, 10, 3), "Il governo ha approvato il piano."),
    ],
)
def test_round31_datelines(
    line: str, raw: str, place: str, region: str | None, country: str,
    agencies: tuple[str, ...], date: dt.date, rest: str,
) -> None:
    found = match_dateline(line, D)
    assert found is not None
    dl = found.dateline
    assert (dl.raw, dl.place, dl.region, dl.country, dl.agencies, dl.date) == (
        raw, place, region, country, agencies, date
    )
    assert line[found.end :].strip() == rest


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe, Chicago : The city said it would act.",  # a name and a place: no credit
        "Apple (AAPL) 3 March 2019 - The stock rose.",  # a ticker in brackets, no region
        "Paris, the city of light - it said",
        # A product's name and model in brackets: "One" is no place, "Gen 2" no date.
        "One (Gen 2) - Voice Controlled Smart Speaker with a Built-in Assistant - Black",
        "TEN, Nov 3 - The list of the year's best films.",
    ],
)
def test_round31_not_datelines(line: str) -> None:
    assert match_dateline(line, D) is None


def test_a_byline_name_before_the_credit_stays_the_byline() -> None:
    page = (
        "Ousted king eyes a return\n\n"
        "By Mira Castell, IANS, Kathmandu : Travellers flying to the southern city were "
        "surprised on Wednesday to find a former royal on their flight.\n\n"
        "He said he would stand in the next election.\n"
    )
    story = parse(page).stories[0]
    assert story.byline is not None and story.byline.authors == ("Mira Castell",)
    assert story.dateline is not None and story.dateline.raw == "IANS, Kathmandu"
    assert story.paragraphs[0].text.startswith("Travellers flying")


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Xinhua Asia-Pacific news summary at 1600 GMT, March 19", "Xinhua"),
        ("Xinhua world news summary at 0030 GMT", "Xinhua"),
        ("Morning news summary", None),
        ("City Council briefs", None),
    ],
)
def test_a_digest_named_by_the_agency_and_its_desk(title: str, code: str | None) -> None:
    assert digest_agency(title) == code


@pytest.mark.parametrize(
    ("line", "raw", "place", "country", "date", "rest"),
    [
        # The Mexican papers' form: the date in brackets, then ".-" (and perhaps the hour).
        ("Lima, Perú (01 febrero 2023) .-17:35 hrs", "Lima, Perú (01 febrero 2023)", "Lima",
         "PE", dt.date(2023, 2, 1), "17:35 hrs"),
        ("Santiago, Chile (11 septiembre 2023) .- El Gobierno presentó su plan.",
         "Santiago, Chile (11 septiembre 2023)", "Santiago", "CL", dt.date(2023, 9, 11),
         "El Gobierno presentó su plan."),
    ],
)
def test_a_date_in_brackets_then_a_stop_and_dash(
    line: str, raw: str, place: str, country: str, date: dt.date, rest: str
) -> None:
    found = match_dateline(line, D)
    assert found is not None
    dl = found.dateline
    assert (dl.raw, dl.place, dl.country, dl.date) == (raw, place, country, date)
    assert line[found.end :].strip() == rest


def test_a_bracketed_date_without_a_year_needs_text_after_it() -> None:
    assert match_dateline("DAVAO CITY (December 31)", D) is None
    assert match_dateline("Lima, Perú (01 febrero) .-17:35 hrs", D) is None


@pytest.mark.parametrize(
    ("line", "authors", "agencies"),
    [
        ("Par Jeanne Morel avec AFP", ("Jeanne Morel",), ("AFP",)),
        ("Por Julio Ibarra con EFE", ("Julio Ibarra",), ("EFE",)),
        ("Texto por: Ana Tavares com AFP", ("Ana Tavares",), ("AFP",)),
        ("Von Hans Kettler mit dpa", ("Hans Kettler",), ("dpa",)),
        ("Par Jeanne Morel et Luc Vidal avec AFP et Reuters", ("Jeanne Morel", "Luc Vidal"),
         ("AFP", "Reuters")),
        ("Par La Presse Canadienne", (), ("CP",)),
    ],
)
def test_bylines_with_an_agency_in_other_languages(
    line: str, authors: tuple[str, ...], agencies: tuple[str, ...]
) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.authors, byline.agencies) == (authors, agencies)


def test_a_texto_por_byline_under_a_caption_is_no_headline() -> None:
    page = (
        " date 2020-06 França\n\n"
        "Presidente fala hoje ao país sobre a nova fase\n\n"
        "O discurso está marcado para as 20h00 desta noite. © POOL/AFP/Arquivos\n\n"
        "Texto por: Marta Quintela com AFP\n\n"
        "Numa intervenção de cerca de um quarto de hora, o Presidente deverá avaliar a fase "
        "atual e apresentar as linhas da etapa seguinte.\n"
    )
    story = parse(page).stories[0]
    assert story.headline == "Presidente fala hoje ao país sobre a nova fase"
    assert story.byline is not None and story.byline.authors == ("Marta Quintela",)
    assert "AFP" in story.agencies


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Abou Dhabi", "AE"),
        ("Nouvelle-Delhi", "IN"),
        ("Koweït City", "KW"),
        ("Yeda", "SA"),
        ("Yuba", "SS"),
        ("Kichinev", "MD"),
        ("Djénine", "PS"),
        ("Deir Ezzor", "SY"),
    ],
)
def test_french_and_spanish_names_of_cities(name: str, country: str) -> None:
    place = resolve_place(name)
    assert (place.place, place.country) == (name, country)


@pytest.mark.parametrize(
    ("line", "country", "agencies"),
    [
        ("NOUAKCHOTT, 3 oct (AMI) - Le ministre a présenté le budget.", "MR", ("AMI",)),
        ("Windhoek, Oct 3 (NAMPA) - The council approved the water plan.", "NA", ("NAMPA",)),
        ("Dakar, 3 oct (PANA) - Le sommet s'est ouvert lundi.", "SN", ("PANA",)),
        ("Praia, 3 out (Inforpress) – O Governo aprovou o plano.", "CV", ("Inforpress",)),
    ],
)
def test_african_agencies_in_the_registry(
    line: str, country: str, agencies: tuple[str, ...]
) -> None:
    found = match_dateline(line, D)
    assert found is not None
    assert (found.dateline.country, found.dateline.agencies) == (country, agencies)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Maghreb Arabe Presse", "MAP"),
        ("Algérie Presse Service", "APS"),
        ("Angola Press", "ANGOP"),
        ("Finnish News Agency", "STT"),
        ("Estadão Conteúdo", "Estadão Conteúdo"),
    ],
)
def test_agencies_by_their_full_names(name: str, code: str) -> None:
    assert split_agencies(name) == (code,)


def test_a_lower_case_ami_is_a_friend() -> None:
    assert signoff_agencies("Il a été reçu par un ami. (ami)") == ()


@pytest.mark.parametrize(
    ("line", "raw", "place", "country", "agencies"),
    [
        # Round 32: the credit after a dash with no mark after it, then the sentence.
        ("Dakar, Senegal – AFP Campaigning opened in a festive mood on Saturday for the vote.",
         "Dakar, Senegal – AFP", "Dakar", "SN", ("AFP",)),
        # A news site by its domain in the dateline's brackets.
        ("JOHANNESBURG (miningweekly.com) – Mine output fell by 4.5% in November, data showed.",
         "JOHANNESBURG (miningweekly.com)", "Johannesburg", "ZA", ("miningweekly.com",)),
    ],
)
def test_round32_credits(
    line: str, raw: str, place: str, country: str, agencies: tuple[str, ...]
) -> None:
    found = match_dateline(line, D)
    assert found is not None
    dl = found.dateline
    assert (dl.raw, dl.place, dl.country, dl.agencies) == (raw, place, country, agencies)


@pytest.mark.parametrize(
    "line",
    [
        "PARIS – AFP reported on Monday that the talks had stalled for good.",
        "Paris (lemonde.fr) - Le gouvernement a dit.",  # (a domain the site list lacks)
    ],
)
def test_round32_credit_guards(line: str) -> None:
    found = match_dateline(line, D)
    assert found is None or not found.dateline.agencies


def test_a_writers_surname_before_a_dash_is_no_place() -> None:
    page = (
        "Gold output down a third on the year\n\n"
        "15th January 2013 By: Nadia Greve - Creamer Media Contributing Editor Online\n\n"
        "JOHANNESBURG (miningweekly.com) – Mine output for November fell by 4.5% on the year, "
        "with gold output down by a third, official data showed on Tuesday.\n\n"
        "Copper output fell further, the statistics office said.\n"
    )
    story = parse(page).stories[0]
    assert story.dateline is not None
    place, agencies = story.dateline.place, story.dateline.agencies
    assert (place, agencies) == ("Johannesburg", ("miningweekly.com",))


LEDES = [
    "Um pescador caiu hoje de uma arriba numa praia a norte da capital e foi levado de "
    "helicóptero para o hospital, disse à agência uma fonte dos bombeiros locais.",
    "Os três jovens detidos na noite de terça-feira depois de um assalto a uma mercearia vão "
    "aguardar o julgamento em liberdade, decidiu hoje o tribunal da comarca.",
    "O sindicato dos músicos disse hoje ter recebido dezenas de queixas sobre os atrasos nos "
    "apoios prometidos aos trabalhadores da cultura durante a pandemia.",
    "O presidente da câmara manifestou hoje disponibilidade para corrigir e melhorar os "
    "apoios concedidos aos agentes culturais da cidade nos próximos meses.",
    "A câmara registou até agora apenas onze trabalhadores infetados pelo novo coronavírus, "
    "nove dos quais já se encontram recuperados, segundo os números oficiais.",
    "A câmara discute na quarta-feira a décima edição do programa de apoio aos bairros de "
    "intervenção prioritária, com um orçamento maior do que no ano passado.",
    "A mulher que deixou a filha de quatro anos sozinha em casa ficou sujeita a termo de "
    "identidade e residência, decidiu hoje o juiz de instrução criminal.",
    "As candidaturas ao fundo de emergência social apresentadas depois de maio já não serão "
    "consideradas, anunciou hoje a autarquia num comunicado enviado às redações.",
    "A feira de banda desenhada organizou sessões de cinema gratuitas que vão decorr",
]


def test_a_tag_page_of_ledes_is_a_story_a_line() -> None:
    stories = parse("\n".join(LEDES)).stories
    assert len(stories) == len(LEDES)
    assert all(s.is_teaser and s.headline is None and s.dateline is None for s in stories)
    assert [s.paragraphs[0].text for s in stories] == LEDES


def test_a_story_of_single_line_paragraphs_stays_one_story() -> None:
    # The same lines closed by a desk's sign-off are one story's paragraphs.
    assert len(parse("\n".join([*LEDES[:-1], "rgh/ocs"])).stories) == 1
    # Lines that open with a dateline are briefs told whole, each under its dateline.
    datelined = [f"LISBOA — {line}" for line in LEDES]
    assert all(s.dateline is not None for s in parse("\n".join(datelined)).stories)


def test_a_credited_digest_that_says_these_are_the_top_stories() -> None:
    line = "New Delhi, Jun 22 (PTI) These are the top stories at 9 pm: NATION DEL9 VIRUS-LD"
    assert digest_agency(line) == "PTI"
    assert digest_agency("These are the top stories of the week in our town") is None


@pytest.mark.parametrize(
    ("title", "date"),
    [
        ("Temas del día de EFE España del lunes 28 de abril de 2025", dt.date(2025, 4, 28)),
        ("KUNA main news for Tuesday, May 24, 2022", dt.date(2022, 5, 24)),
        ("The minister said the council would vote on the new plan on Tuesday, May 24, 2022",
         None),
    ],
)
def test_a_digests_dated_title_counts_the_words_before_its_date(
    title: str, date: dt.date | None
) -> None:
    assert dated_title(title) == date
