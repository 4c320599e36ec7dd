"""Byline recognition, author names and byline-slot agency credits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.model import Byline
from etl.parse.byline import glued_byline, parse_byline


@pytest.mark.parametrize(
    ("line", "authors", "agencies"),
    [
        ("By Maya GEBEILY", ("Maya Gebeily",), ()),
        ("By Lina SAAD and Tom WEBER", ("Lina Saad", "Tom Weber"), ()),
        ("By Anna Roe, Bob Fox and Carl Ng", ("Anna Roe", "Bob Fox", "Carl Ng"), ()),
        ("By Anna ROE, Bob FOX & Carl NG", ("Anna Roe", "Bob Fox", "Carl Ng"), ()),
        (
            "By Rana HADDAD with Paul MERCIER in Paris",
            ("Rana Haddad", "Paul Mercier"),
            (),
        ),
        ("By Rana HADDAD in Damascus", ("Rana Haddad",), ()),
        ("BY JOHN SMITH, Associated Press", ("John Smith",), ("AP",)),
        ("BY JOHN SMITH, AP Science Writer", ("John Smith",), ("AP",)),
        ("By Ellen Park, Associated Press Writer", ("Ellen Park",), ("AP",)),
        ("By AFP", (), ("AFP",)),
        ("By Agence France-Presse", (), ("AFP",)),
        ("By AFP Staff", (), ("AFP",)),
        ("by Staff Writers", (), ()),
        ("By Staff Reporter", (), ()),
        ("By Our Correspondent", (), ()),
        ("By Jean-Pierre DE LA TOUR", ("Jean-Pierre de la Tour",), ()),
        ("By Sarah O'NEILL", ("Sarah O'Neill",), ()),
        ("By Mohammad al-KHATIB", ("Mohammad al-Khatib",), ()),
        ("By Mohammad AL-KHATIB", ("Mohammad al-Khatib",), ()),
        ("By James MCDONALD", ("James McDonald",), ()),
        ("By Sophie VAN DER BERG", ("Sophie van der Berg",), ()),
        ("By Nadia EL HAJJ", ("Nadia El Hajj",), ()),
        ("By Hamid bin RASHID", ("Hamid bin Rashid",), ()),
        ("By Léa DUBOIS", ("Léa Dubois",), ()),
        ("By Kim Lee-Ann", ("Kim Lee-Ann",), ()),
        ("By Nguyen Van Thanh", ("Nguyen Van Thanh",), ()),
        ("by Jeff Hollis", ("Jeff Hollis",), ()),
        ("BY  MARIA  GOMEZ", ("Maria Gomez",), ()),
        ("Story by Lena Park", ("Lena Park",), ()),
        ("By Karl FINN | AFP", ("Karl Finn",), ("AFP",)),
        ("By Karl Finn - Reuters", ("Karl Finn",), ("Reuters",)),
        ("By Karl Finn (dpa)", ("Karl Finn",), ("dpa",)),
        ("By Ruth Marsh, Reuters", ("Ruth Marsh",), ("Reuters",)),
        ("By J.D. HOLLAND", ("J.D. Holland",), ()),
        ("By Mark TAYLOR JR.", ("Mark Taylor Jr.",), ()),
        ("By Omar HASSAN and AFP", ("Omar Hassan",), ("AFP",)),
        ("By The Associated Press", (), ("AP",)),
        ("By ROSA MARIA DELGADO Associated Press", ("Rosa Maria Delgado",), ("AP",)),
        ("By Paul R. Finch Associated Press", ("Paul R. Finch",), ("AP",)),
        ("By Lena Ortiz AFP", ("Lena Ortiz",), ("AFP",)),
        ("By Hassan Ali Mehr", ("Hassan Ali Mehr",), ()),
        ("By Reuters Staff", (), ("Reuters",)),
        ("By Maya GEBEILY/AFP", ("Maya Gebeily",), ("AFP",)),
        ("By Maya Gebeily, AFP correspondent", ("Maya Gebeily",), ("AFP",)),
        (
            "By Maya GEBEILY in Beirut and Rouba EL HUSSEINI in Paris",
            ("Maya Gebeily", "Rouba El Husseini"),
            (),
        ),
    ],
)
def test_parse_byline(line: str, authors: tuple[str, ...], agencies: tuple[str, ...]) -> None:
    found = parse_byline(line)
    assert isinstance(found, Byline)
    assert found.raw == line.strip()
    assert found.authors == authors
    assert found.agencies == agencies


def test_byline_raw_is_trimmed_but_as_written() -> None:
    found = parse_byline("   By Maya GEBEILY  \n")
    assert found is not None
    assert found.raw == "By Maya GEBEILY"


@pytest.mark.parametrize(
    "line",
    [
        "By the river the trees grew tall",
        "by the way, nobody came",
        "By 2020 the company had doubled in size",
        "By Monday, officials said, the roads would reopen",
        "By contrast, the army held its ground",
        "By Friday",
        "Reporting by John Smith",
        "Reporting by John Smith; Editing by Jane Doe",
        "Written with help from local staff",
        "Maya GEBEILY",
        "By",
        "By ",
        "",
        "By Jane Doe " + "and more words " * 10,
        "Bystanders said the town was calm",
        "By far the largest crowd in years",
        "By 10:00 am the square was full",
        "By using force, the police made things worse",
        "By Sea And Land",
        "By Karl Finn | somewhere else entirely",
        "By A",
        "By The",
        "By The River",
    ],
)
def test_not_a_byline(line: str) -> None:
    assert parse_byline(line) is None


@given(st.text(max_size=300))
def test_parse_byline_never_raises(text: str) -> None:
    found = parse_byline(text)
    if found is not None:
        assert found.raw == text.strip()
        assert all(name.strip() for name in found.authors)


@given(st.text(alphabet=st.sampled_from("By AFPbyMaDEL-'’,.&|()"), max_size=120))
def test_parse_byline_never_raises_on_byline_like_text(text: str) -> None:
    parse_byline("By " + text)


_FIRST = ["Maya", "Jean-Luc", "Ana", "Omar", "Li", "Sven", "Chloé"]
_SURNAME = [
    ("HADDAD", "Haddad"),
    ("O'BRIEN", "O'Brien"),
    ("MCKAY", "McKay"),
    ("DE SOUZA", "de Souza"),
    ("al-MASRI", "al-Masri"),
    ("VAN DIJK", "van Dijk"),
    ("Nguyen", "Nguyen"),
    ("LÓPEZ", "López"),
]


@given(
    st.lists(
        st.tuples(st.sampled_from(_FIRST), st.sampled_from(_SURNAME)),
        min_size=1,
        max_size=3,
        unique=True,
    ),
    st.sampled_from(["", ", AFP", " | Reuters", " (dpa)"]),
)
def test_generated_bylines_round_trip(
    people: list[tuple[str, tuple[str, str]]], credit: str
) -> None:
    written = [f"{first} {surname[0]}" for first, surname in people]
    expected = tuple(dict.fromkeys(f"{first} {surname[1]}" for first, surname in people))
    names = written[0] if len(written) == 1 else ", ".join(written[:-1]) + " and " + written[-1]
    line = f"By {names}{credit}"
    found = parse_byline(line)
    assert found is not None, line
    assert found.authors == expected
    assert (
        found.agencies
        == {"": (), ", AFP": ("AFP",), " | Reuters": ("Reuters",), " (dpa)": ("dpa",)}[credit]
    )


@pytest.mark.parametrize(
    ("text", "authors", "rest_start"),
    [
        ("By Ada Okafor The state government has approved funds for forty new classrooms in "
         "rural districts, the education commissioner said on Monday.", ("Ada Okafor",), "The "),
        ("By Musa Bello Kano is to host a regional trade fair next month, the organisers said "
         "at a briefing in the city on Tuesday afternoon.", ("Musa Bello",), "Kano is"),
        ("By Grace Adeyemi Ojo After two years of delays, the bridge over the river was opened "
         "to traffic by the governor on Friday.", ("Grace Adeyemi Ojo",), "After "),
    ],
)
def test_a_byline_run_into_the_first_sentence(
    text: str, authors: tuple[str, ...], rest_start: str
) -> None:
    found = glued_byline(text)
    assert found is not None
    byline, rest = found
    assert byline.authors == authors
    assert rest.startswith(rest_start) and text.endswith(rest)


@pytest.mark.parametrize(
    "text",
    [
        "By the end of the week the river had risen by two metres and the town council closed "
        "the bridge to all traffic until further notice from the engineers.",
        "By Road And Rail To The Coast: a travel writer's account of three weeks on the move "
        "across the country in the wettest spring for forty years.",
        "By Ada Okafor",
    ],
)
def test_prose_opening_with_by_is_no_glued_byline(text: str) -> None:
    assert glued_byline(text) is None


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Dr. Ann Lee", ("Ann Lee",)),
        ("By Prof Ann Lee and Dr. Tom Roe", ("Ann Lee", "Tom Roe")),
        ("By Sir Harold Mead", ("Harold Mead",)),
        ("By Drew Carter", ("Drew Carter",)),  # a name, not "Dr"
        ("By Dr. Who", ("Dr. Who",)),  # nothing left but one word: kept as printed
    ],
)
def test_a_title_before_the_name_is_dropped(line: str, authors: tuple[str, ...]) -> None:
    byline = parse_byline(line)
    assert byline is not None and byline.authors == authors


@pytest.mark.parametrize(
    ("line", "authors", "agencies"),
    [
        ("By MARTA KLEIN AP Medical Writer", ("Marta Klein",), ("AP",)),
        ("By OWEN PRICE AP Sports Writer", ("Owen Price",), ("AP",)),
        ("By Staff Report", (), ()),
        ("By Lena Report", ("Lena Report",), ()),
    ],
)
def test_an_agency_role_run_on_without_a_comma(
    line: str, authors: tuple[str, ...], agencies: tuple[str, ...]
) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.authors, byline.agencies) == (authors, agencies)


@pytest.mark.parametrize(
    ("line", "authors", "agencies"),
    [
        ("By Lin Wei for Xinhua", ("Lin Wei",), ("Xinhua",)),
        ("By Sara Holm for the Associated Press", ("Sara Holm",), ("AP",)),
        ("By Sara Holm, for AFP", ("Sara Holm",), ("AFP",)),
        ("By Sara Holm and Lin Wei for Reuters", ("Sara Holm", "Lin Wei"), ("Reuters",)),
    ],
)
def test_a_credit_after_for(line: str, authors: tuple[str, ...], agencies: tuple[str, ...]) -> None:
    """(parser 2.5.0) A correspondent writing for an agency: the agency is the credit."""
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.authors, byline.agencies) == (authors, agencies)


def test_for_and_no_agency_is_no_credit() -> None:
    assert parse_byline("By Sara Holm for the people of the valley") is None
