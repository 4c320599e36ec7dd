"""Agency registry, credit lists and sign-offs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.parse.agencies import AGENCIES, agency_code, signoff_agencies, split_agencies

_CODE_TEXT = (
    "AFP AP Reuters UPI Xinhua TASS dpa Kyodo Yonhap PTI IANS ANSA EFE APP SPX AAP ANI "
    "Bernama IRNA KCNA RIA Interfax Sputnik AA MENA WAM SPA KUNA QNA PAP CTK BTA Jiji "
    "CNA Antara PNA Lusa Belga APA Agerpres NTB TT Ritzau STT Hina Tanjug Ukrinform Trend"
)
REQUIRED_CODES = [*_CODE_TEXT.split(" "), "Europa Press"]


@pytest.mark.parametrize("code", REQUIRED_CODES)
def test_registry_holds_code_with_a_full_name(code: str) -> None:
    assert code in AGENCIES
    assert AGENCIES[code].strip()
    assert agency_code(code) == code


def test_registry_is_read_only() -> None:
    with pytest.raises(TypeError):
        AGENCIES["XYZ"] = "Nobody"  # type: ignore[index]


@pytest.mark.parametrize(
    ("token", "code"),
    [
        ("AFP", "AFP"),
        ("afp", "AFP"),
        ("Agence France-Presse", "AFP"),
        ("Agence France Presse", "AFP"),
        ("AGENCE FRANCE-PRESSE", "AFP"),
        ("Associated Press", "AP"),
        ("The Associated Press", "AP"),
        ("Xinhua News Agency", "Xinhua"),
        ("XNA", "Xinhua"),
        ("ITAR-TASS", "TASS"),
        ("/TASS/", "TASS"),
        ("TASS", "TASS"),
        ("Deutsche Presse-Agentur", "dpa"),
        ("DPA", "dpa"),
        ("Press Trust of India", "PTI"),
        ("REUTERS", "Reuters"),
        ("(Reuters)", "Reuters"),
        ("Kyodo News", "Kyodo"),
        ("Jiji Press", "Jiji"),
        ("RIA Novosti", "RIA"),
        ("Europa Press", "Europa Press"),
        ("europa  press", "Europa Press"),
        ("Yonhap News Agency", "Yonhap"),
        ("Anadolu Agency", "AA"),
        ("(Anadolu)", "AA"),
        ("SPX", "SPX"),
        ("Pacific RNZ", "RNZ"),
        ("RNZ Pacific", "RNZ"),
        ("Radio New Zealand", "RNZ"),
        ("OTS", "OTS"),
        ("APA-OTS", "OTS"),
        ("Agence-France-Presse", "AFP"),
        ("Keystone-ATS", "Keystone-SDA"),
        ("Keystone-SDA", "Keystone-SDA"),
    ],
)
def test_agency_code_aliases(token: str, code: str) -> None:
    assert agency_code(token) == code


@pytest.mark.parametrize(
    "token",
    ["AP Photo", "Getty Images", "", "   ", "Staff", "the agency", "trend", "Associated"],
)
def test_agency_code_rejects_non_agencies(token: str) -> None:
    assert agency_code(token) is None


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("AFP/APP", ("AFP", "APP")),
        ("AFP-JIJI", ("AFP", "Jiji")),
        ("Reuters, AP", ("Reuters", "AP")),
        ("AFP and Reuters", ("AFP", "Reuters")),
        ("dpa/AFP/dpa", ("dpa", "AFP")),
        ("APA/dpa", ("APA", "dpa")),
        ("ITAR-TASS", ("TASS",)),
        ("ITAR-TASS-Xinhua", ("TASS", "Xinhua")),
        ("Agence France-Presse", ("AFP",)),
        ("AFP, Unknown Wire, EFE", ("AFP", "EFE")),
        ("AFP & Kyodo", ("AFP", "Kyodo")),
        ("nothing here", ()),
        ("", ()),
        ("XNA/Xinhua", ("Xinhua",)),
    ],
)
def test_split_agencies(text: str, codes: tuple[str, ...]) -> None:
    assert split_agencies(text) == codes


@pytest.mark.parametrize(
    ("paragraph", "codes"),
    [
        ("The talks are expected to resume next week. - AFP", ("AFP",)),
        ("Officials will meet again on Monday. -- Xinhua", ("Xinhua",)),
        ("The vote is due in March. — Reuters", ("Reuters",)),
        ("Berlin wants a deal before summer. – dpa", ("dpa",)),
        ("The port reopened on Friday (dpa)", ("dpa",)),
        ("The port reopened on Friday (dpa).", ("dpa",)),
        ("Flights resumed at noon. (AFP/APP)", ("AFP", "APP")),
        ("Flights resumed at noon./AFP", ("AFP",)),
        ("Flights resumed at noon. /TASS/", ("TASS",)),
        ("Talks went on late into the night. [AFP]", ("AFP",)),
        ("The ministry did not comment. ab/cd (AFP, Reuters, dpa)", ("AFP", "Reuters", "dpa")),
        ("AFP", ("AFP",)),
        ("-- AFP", ("AFP",)),
        ("dpa/Xinhua", ("dpa", "Xinhua")),
        ("The ceasefire held overnight. - AFP-JIJI", ("AFP", "Jiji")),
        ("The ceasefire held overnight.-AFP", ("AFP",)),
        ("The ceasefire held overnight. (With AFP)", ("AFP",)),
        ("The ceasefire held overnight. - With Reuters", ("Reuters",)),
        ("The ceasefire held overnight. AFP", ("AFP",)),
        ("The ceasefire held overnight. (Additional reporting by AFP)", ("AFP",)),
        ("The ceasefire held overnight. -- Reuters/AP", ("Reuters", "AP")),
    ],
)
def test_signoff_agencies(paragraph: str, codes: tuple[str, ...]) -> None:
    assert signoff_agencies(paragraph) == codes


@pytest.mark.parametrize(
    "paragraph",
    [
        "(Reporting by Lena Marsh; Editing by Tom Hale)",
        "(Writing by Omar Said; editing by Kim Lee)",
        "A spokesman told AFP.",
        "A spokesman told AFP",
        "The minister said in an interview with Reuters on Friday.",
        "AFP reporters saw smoke rising over the town - witnesses said",
        "Markets moved on the trend",
        "The score was 50/50",
        "It was a long day - a very long day",
        "The figures (about 300) were disputed",
        "",
        "Copies of the report were sent to AFP and other outlets on Friday",
        "(Additional reporting by Ann Lee)",
        "© 2017 AFP",
        "Copyright 2017 Kyodo News",
        "The ceasefire held overnight. trend",
        "The figures were first published by AFP",
    ],
)
def test_signoff_ignores_mentions_and_reporting_credits(paragraph: str) -> None:
    assert signoff_agencies(paragraph) == ()


@given(st.text(max_size=400))
def test_agency_functions_never_raise(text: str) -> None:
    assert agency_code(text) in (None, *AGENCIES)
    assert set(split_agencies(text)) <= set(AGENCIES)
    assert set(signoff_agencies(text)) <= set(AGENCIES)


def test_every_home_country_belongs_to_a_registered_agency_and_a_real_country() -> None:
    import pycountry

    from etl.agencies import HOME_COUNTRY, REGISTRY

    assert set(HOME_COUNTRY) <= set(REGISTRY)
    for code, country in HOME_COUNTRY.items():
        assert pycountry.countries.get(alpha_2=country) is not None, (code, country)
    for worldwide in ("AFP", "AP", "Reuters", "Xinhua", "EFE", "dpa"):
        assert worldwide not in HOME_COUNTRY


def test_home_country_needs_every_credit_to_agree() -> None:
    from etl.agencies import home_country

    assert home_country(("PTI",)) == "IN"
    assert home_country(("PTI", "IANS")) == "IN"
    assert home_country(("PTI", "AFP")) is None
    assert home_country(("PTI", "Bernama")) is None
    assert home_country(()) is None


@pytest.mark.parametrize(
    ("line", "codes"),
    [
        ("AFP/kl", ("AFP",)),  # the desk's initials after the credit
        ("dpa/kl/mr", ("dpa",)),
        ("(With inputs from PTI)", ("PTI",)),
        ("With inputs from IANS", ("IANS",)),
        ("The Associated Press contributed to this report.", ("AP",)),
        ("Reuters contributed to this story", ("Reuters",)),
        ("Edited by: Ann Lee | Source: Xinhua", ("Xinhua",)),
        ("Source: AFP | Edited by: Ann Lee", ("AFP",)),
        ("Ann Lee/kl", ()),  # initials after a person, no agency
        ("Source: Harbour Times | Staff", ()),
        ("Readers contributed to this report.", ()),
        ("Canal Norte com Lusa", ("Lusa",)),  # a site's name joined to its agency
        ("Redacción con EFE", ("EFE",)),
        ("La rédaction avec AFP", ("AFP",)),
        ("Red. mit dpa", ("dpa",)),
        ("Interview with AFP", ()),  # one word before "with": a title, no credit
        ("Talks held with Reuters", ()),
    ],
)
def test_credit_lines_of_footers(line: str, codes: tuple[str, ...]) -> None:
    from etl.parse.agencies import credit_line

    assert credit_line(line) == codes


def test_a_release_on_the_austrian_wire_is_credited_to_it() -> None:
    from etl.parse import parse_bytes

    page = (
        "Stadt eröffnet neues Bad im Osten\n\n"
        "Wien (OTS/RK) - Die Stadt hat am Montag ein neues Hallenbad im Osten eröffnet, das "
        "jährlich 200.000 Gäste aufnehmen soll.\n"
    )
    story = parse_bytes(page.encode(), source="page.txt").stories[0]
    assert story.dateline is not None and story.dateline.place == "Wien"
    assert story.agencies == ("OTS",)


@pytest.mark.parametrize(
    ("token", "code"),
    [("PL", "Prensa Latina"), ("pl", None), ("Pl", None), ("RTRS", "Reuters"), ("rtrs", None)],
)
def test_an_alias_written_in_capitals_matches_only_in_capitals(
    token: str, code: str | None
) -> None:
    assert agency_code(token) == code


def test_a_desk_mark_that_spells_an_alias_in_lower_case_stays_a_desk_mark() -> None:
    assert signoff_agencies("Talks resume on Monday. - AFP/pl") == ("AFP",)


def test_prensa_latina_by_its_short_credit() -> None:
    from etl.parse.dateline import match_dateline

    found = match_dateline("Lima, 4 mar (PL) El Congreso aprobó hoy la reforma del sistema.", None)
    assert found is not None and found.dateline.agencies == ("Prensa Latina",)
