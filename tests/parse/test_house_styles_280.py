"""House styles parser 2.8.0 learned, in our own words.

Each case is a form an agency or a site prints, written with invented names and sentences.
The guard cases keep what must not change.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.parse.agencies import agency_code, section_agency, signoff_body
from etl.parse.dateline import match_dateline
from etl.parse.lines import headline_candidate, is_boilerplate, web_byline
from etl.parse.pagedate import stamp_date
from tests.parse.test_real_shapes import datelines, parse

_TITLES = [
    "Harbour board approves new ferry berth after long delay",
    "Gold medallist eyes second title at indoor championships",
    "Fashion week opens under new leadership in the capital",
    "Coastal town counts cost of winter storm damage",
    "Rail strike called off after late-night pay deal",
]


def _list_page(separator: str = "") -> str:
    lines = [""]
    for title in _TITLES:
        if separator:
            lines.append(separator)
        lines.append(title)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("separator", ["", "-", "•"])
def test_a_page_of_bare_titles_is_a_list_of_teasers(separator: str) -> None:
    stories = parse(_list_page(separator)).stories
    assert [s.headline for s in stories] == _TITLES
    assert all(s.is_teaser and not s.paragraphs for s in stories)


_STORY = (
    "Port workers end strike as talks resume\n\n"
    "LISBON (AFP) - Dock workers at the country's largest port went back to work on Monday "
    "after a week-long strike, as talks with the operators resumed in the capital.\n\n"
    "The union said the two sides would meet again on Thursday to settle the pay dispute "
    "that had left dozens of container ships waiting off the coast.\n\n"
)


def test_bare_titles_closing_a_story_are_its_related_teasers() -> None:
    stories = parse(_STORY + "\n\n".join(_TITLES[:4]) + "\n").stories
    assert stories[0].headline == "Port workers end strike as talks resume"
    assert not stories[0].is_teaser
    assert len(stories[0].paragraphs) == 2
    assert [s.headline for s in stories[1:]] == _TITLES[:4]
    assert all(s.is_teaser and s.role == "related" for s in stories[1:])


def test_titles_over_their_cut_ledes_pair_up() -> None:
    items = [
        (title, f"Officials said the change to the {word} plan would be discussed at a meeting")
        for title, word in zip(_TITLES[:4], ("harbour", "sports", "fashion", "storm"), strict=True)
    ]
    text = _STORY + "\n\n".join(f"{t}\n\n{lede}" for t, lede in items) + "\n"
    stories = parse(text).stories
    assert [s.headline for s in stories[1:]] == _TITLES[:4]
    assert [s.paragraphs[0].text for s in stories[1:]] == [lede for _, lede in items]
    assert all(s.is_teaser for s in stories[1:])


def test_three_titles_are_not_yet_a_list() -> None:
    stories = parse(_STORY + "\n\n".join(_TITLES[:3]) + "\n").stories
    assert len(stories) == 1


def test_short_points_above_the_titles_keep_them_in_the_story() -> None:
    text = "\n\n".join(["Key figures", "Sales rose", "Costs fell", *_TITLES[:4]]) + "\n"
    stories = parse(text).stories
    assert not any(s.is_teaser for s in stories)


@pytest.mark.parametrize(
    ("line", "raw", "code"),
    [
        (
            "(Associated Press) Police have named the driver killed in a pileup on the "
            "turnpike on Saturday as a 40-year-old nurse.",
            "(Associated Press)",
            "AP",
        ),
        (
            "(Reuters) The central bank kept its main rate on hold on Thursday, as economists "
            "had expected.",
            "(Reuters)",
            "Reuters",
        ),
    ],
)
def test_a_credit_in_brackets_opening_the_text_is_its_dateline(
    line: str, raw: str, code: str
) -> None:
    found = match_dateline(line, None)
    assert found is not None
    assert found.dateline.raw == raw
    assert found.dateline.agencies == (code,)
    assert found.dateline.place is None


@pytest.mark.parametrize(
    "line",
    [
        "(dpa)",
        "(AFP) so",
        "(Reuters) short text here",
    ],
)
def test_a_bracketed_credit_without_a_sentence_after_it_is_no_dateline(line: str) -> None:
    assert match_dateline(line, None) is None


def test_a_bracketed_credit_closing_a_sentence_is_still_a_sign_off() -> None:
    stories = parse(
        "Rates on hold\n\nThe central bank kept its main rate on hold on Thursday, as most "
        "economists had expected it to do. (Reuters) Analysts said it would move next month.\n"
    ).stories
    assert stories[0].dateline is None


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("AFP Africa", "AFP"),
        ("Afp Business Asia", "AFP"),
        ("Associated Press stories, Page 2437", "AP"),
        ("AP-National", "AP"),
        ("Reuters Top News", "Reuters"),
        ("Xinhua Headlines", "Xinhua"),
    ],
)
def test_a_sections_label_names_its_agency(label: str, code: str) -> None:
    assert section_agency(label) == code


@pytest.mark.parametrize(
    "label",
    ["AFP staff killed in Africa", "Africa", "AFP", "The Associated Press", "AFP says Asia"],
)
def test_other_lines_name_no_section(label: str) -> None:
    assert section_agency(label) is None


def _section_page(label: str) -> str:
    return (
        f"{label}\n\n"
        "Black box found at crash site near border\n\n"
        "Investigators on Wednesday found the flight recorder of a private jet that crashed "
        "near the border, officials said\n\n"
        "Cup hosts open campaign with a win\n\n"
        "The hosts began their campaign with a convincing win over their neighbours on "
        "Tuesday, while the holders\n\n"
        "Mine reopens after safety review\n\n"
        "A copper mine closed for a month after an accident reopened on Monday, its owner "
        "said, after a review of\n"
    )


def test_items_under_an_agencys_section_label_are_its_copy() -> None:
    dump = parse(_section_page("AFP Africa"))
    assert [s.headline for s in dump.stories] == [
        "Black box found at crash site near border",
        "Cup hosts open campaign with a win",
        "Mine reopens after safety review",
    ]
    # the label is no dateline ("Africa" is no place here)
    assert [s.dateline for s in dump.stories] == [None, None, None]
    assert [s.agencies for s in dump.stories] == [("AFP",), ("AFP",), ("AFP",)]
    assert "AFP Africa" in dump.leftover


def test_items_under_an_ordinary_title_credit_no_one() -> None:
    dump = parse(_section_page("Africa news this week"))
    assert [s.agencies for s in dump.stories] == [(), (), ()]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("dts Nachrichtenagentur", "dts"),
        ("Kenya News Agency", "KNA"),
        ("Tunis Afrique Presse", "TAP"),
        ("Bangladesh Sangbad Sangstha", "BSS"),
    ],
)
def test_an_agencys_full_name_is_one_of_its_spellings(name: str, code: str) -> None:
    assert agency_code(name) == code


def test_a_name_several_agencies_share_is_none_of_them() -> None:
    assert agency_code("National News Agency") is None


def test_a_dateline_crediting_an_agency_by_its_full_name() -> None:
    found = match_dateline(
        "    Berlin (dts Nachrichtenagentur) – Der Verband fordert weitere Schritte, um den "
        "Zusammenhalt zu stärken.",
        None,
    )
    assert found is not None
    assert found.dateline.place == "Berlin"
    assert found.dateline.agencies == ("dts",)


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("BELGIUM- The United Nations and the European Union must press for new talks on "
         "the island's future, a report said on Monday.", "Belgium"),
        ("GERMANY - The death sentence passed on a Dutch bricklayer in 1933 was unlawful, "
         "prosecutors said in a ruling published on Friday.", "Germany"),
    ],
)
def test_a_country_in_capitals_and_a_dash_heads_a_brief(line: str, place: str) -> None:
    found = match_dateline(line, None)
    assert found is not None and found.dateline.place == place


def test_a_country_hyphenated_to_a_word_is_no_dateline() -> None:
    line = (
        "UAE-Jordanian field hospital opens near the border as aid convoys wait at the "
        "crossing for a third day, officials said on Sunday."
    )
    assert match_dateline(line, None) is None


def test_a_place_of_three_words_keeps_them_all() -> None:
    dump = parse(
        "Town mourns after shooting at two farms\n\n"
        "HALF MOON BAY, Calif. (AP) — A gunman killed seven people at two farms near the "
        "coast on Monday, the county sheriff said.\n"
    )
    assert datelines(dump) == ["HALF MOON BAY, Calif. (AP)"]
    assert dump.stories[0].dateline is not None
    assert dump.stories[0].dateline.place == "Half Moon Bay"
    assert dump.leftover == ()


def _kompakt(head: str) -> str:
    items = [
        ("Iran", "Teheran bestätigt Kauf von Bauteilen",
         "Der Iran hat den Kauf von Bauteilen auf dem Schwarzmarkt bestätigt. \"Wir kennen "
         "weder den Besitzer noch das Land\", sagte ein Sprecher des Außenministeriums am "
         "Sonntag. Reuters"),
        ("Großbritannien", "Geheimdienst wird ausgebaut",
         "Die Regierung will den Inlandsgeheimdienst wegen möglicher Anschläge erheblich "
         "ausbauen und die Gesetze verschärfen. Das Personal solle um die Hälfte aufgestockt "
         "werden, meldeten britische Medien. dpa"),
        ("Serbien", "Minister bei Explosion verletzt",
         "Der Umweltminister der Übergangsregierung ist bei einer Explosion in seinem Auto "
         "schwer verletzt worden. Die Explosion ereignete sich in der Stadt, bestätigte die "
         "Polizei. Zwei weitere Insassen wurden verletzt. AP"),
    ]
    body = "\n\n".join(f"{label}\n\n{title}\n\n{text}" for label, title, text in items)
    return f"{head}\n\n| Lesedauer: 2 Minuten\n\n{body}\n"


def test_briefs_signed_off_at_their_end_are_told_whole() -> None:
    stories = parse(_kompakt("DIE WELT")).stories
    assert [s.headline for s in stories] == [
        "Teheran bestätigt Kauf von Bauteilen",
        "Geheimdienst wird ausgebaut",
        "Minister bei Explosion verletzt",
    ]
    assert [s.is_teaser for s in stories] == [False, False, False]
    # the next brief's label printed under a text is the page's, not the text's last words
    assert [p.kind for p in stories[1].paragraphs] == ["text", "subhead"]
    assert [s.agencies for s in stories] == [("Reuters",), ("dpa",), ("AP",)]


def test_unsigned_short_items_on_a_page_titled_kompakt_are_told_whole() -> None:
    page = _kompakt("Ausland kompakt").replace(". Reuters", ".").replace(". dpa", ".")
    stories = parse(page.replace(". AP", ".")).stories
    assert [s.is_teaser for s in stories] == [False, False, False]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("meldeten britische Medien. dpa", "meldeten britische Medien."),
        # a sentence before the credit's own start is no credit: the search goes on
        (
            "bestätigte die Polizei. Zwei Insassen wurden verletzt. AP",
            "bestätigte die Polizei. Zwei Insassen wurden verletzt.",
        ),
    ],
)
def test_a_bare_sign_off_after_the_last_sentence(text: str, body: str) -> None:
    assert signoff_body(text) == body


def test_a_last_sentence_naming_an_agency_is_no_sign_off() -> None:
    assert signoff_body("He spoke to reporters. Then he told AFP.") is None


@pytest.mark.parametrize(
    ("line", "raw", "place", "code"),
    [
        (
            "(AP) WASHINGTON — The Senate voted on Tuesday to approve the measure after a long "
            "debate over its costs.",
            "(AP) WASHINGTON",
            "Washington",
            "AP",
        ),
        (
            "(Reuters) NAIROBI, May 3 - Kenya's central bank held its main rate on Tuesday, as "
            "most economists had expected.",
            "(Reuters) NAIROBI, May 3",
            "Nairobi",
            "Reuters",
        ),
    ],
)
def test_a_credit_before_a_dateline_is_that_datelines_credit(
    line: str, raw: str, place: str, code: str
) -> None:
    found = match_dateline(line, None)
    assert found is not None
    assert (found.dateline.raw, found.dateline.place, found.dateline.agencies) == (
        raw, place, (code,)
    )


@pytest.mark.parametrize(
    "line",
    [
        "Skip navigation",
        "Jane Doe's Profile Picture",
        'Home Tags Posts tagged with "harbour"',
        "Affichage des articles du mars, 2008",
        "Showing posts with label Africa",
        "Εμφάνιση αναρτήσεων με ετικέτα floods",
    ],
)
def test_blog_and_cms_labels_are_furniture(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Showing posts from a new survey suggest voters back reform",
        "The profile picture row grows as regulators step in",
    ],
)
def test_headlines_with_those_words_are_not(line: str) -> None:
    assert not is_boilerplate(line)


def test_a_greek_date_line_is_a_stamp_not_a_headline() -> None:
    assert stamp_date("Δευτέρα 23 Φεβρουαρίου 2015") == dt.date(2015, 2, 23)
    assert not headline_candidate("Δευτέρα 23 Φεβρουαρίου 2015")


def test_a_wire_byline_run_onto_its_title() -> None:
    dump = parse(
        "Rain cripples city transit By ANN LEE and JOHN ROE, Associated Press Writers\n"
        "59 minutes ago\n\n"
        "NEW YORK - A downpour sent water surging through the subway system and road tunnels "
        "on Wednesday, leaving thousands of commuters stranded.\n"
    )
    story = dump.stories[0]
    assert story.headline == "Rain cripples city transit"
    assert story.byline is not None and story.byline.authors == ("Ann Lee", "John Roe")
    assert story.agencies == ("AP",)


def test_a_title_ending_in_by_and_a_name_over_no_dateline_keeps_it() -> None:
    dump = parse(
        "Notes on a season spent at sea By ANN LEE\n\n"
        "A downpour sent water surging through the subway system and road tunnels on "
        "Wednesday, leaving thousands of commuters stranded.\n"
    )
    assert dump.stories[0].headline == "Notes on a season spent at sea By ANN LEE"


def test_a_stamp_on_an_items_dateline_line_is_its_own() -> None:
    items = [
        ("Launch moves ahead despite weather", "Agence France-Presse . Beijing",
         "May 05, 2020"),
        ("Crew set for launch during pandemic", "Agence France-Presse . Almaty, Kazakhstan",
         "April 08, 2020"),
        ("Boomerang of peace", "Jane Doe", "March 16, 2020"),
        ("Company to fly tourists to the station", "Agence France-Presse . Washington",
         "March 06, 2020"),
        ("Keeping arms races out of orbit", "", "February 16, 2020"),
    ]
    page = "\n\n".join(
        f"  • Images\n\n    {title}\n\n    {credit} | Updated at 11:01pm on {day}\n\n"
        f"    Officials said on Tuesday that the work would go ahead as planned, although "
        f"questions remained over the..."
        for title, credit, day in items
    )
    dump = parse(page + "\n")
    dates = {s.headline: s.dateline.date for s in dump.stories if s.dateline is not None}
    assert dates == {
        "Launch moves ahead despite weather": dt.date(2020, 5, 5),
        "Crew set for launch during pandemic": dt.date(2020, 4, 8),
        "Company to fly tourists to the station": dt.date(2020, 3, 6),
    }


def test_a_byline_with_a_dash_then_the_text_keeps_the_text() -> None:
    dump = parse(
        "Argentina turns a page after twelve years\n\n"
        "By Dr Simon Hale - After 12 years under one political family, the palace in the "
        "capital is about to get a tenant from outside it, voters decided on Sunday.\n"
    )
    story = dump.stories[0]
    assert story.byline is not None and story.byline.authors == ("Simon Hale",)
    assert story.paragraphs[0].text.startswith("After 12 years under one political family")
    assert dump.leftover == ()


@pytest.mark.parametrize(
    ("line", "authors", "raw"),
    [
        (
            "By Marcus Hale (Reuters) – A Texas appeals court is weighing whether the state "
            "can keep secret the source of drugs used in executions.",
            ("Marcus Hale",),
            "(Reuters)",
        ),
        (
            "By Jane Doe Nairobi (AFP) - A strong earthquake struck off the coast on Monday, "
            "the geological survey said, but no damage was reported.",
            ("Jane Doe",),
            "Nairobi (AFP)",
        ),
    ],
)
def test_a_byline_before_a_credit_keeps_its_last_name(
    line: str, authors: tuple[str, ...], raw: str
) -> None:
    story = parse(f"Court weighs drug secrecy law\n\n{line}\n").stories[0]
    assert story.byline is not None and story.byline.authors == authors
    assert story.dateline is not None and story.dateline.raw == raw


def test_a_title_ending_in_a_capital_by_and_a_name_over_a_dateline() -> None:
    story = parse(
        "Nickel futures drop on weak orders By Lihua Chen\n\n"
        "SHANGHAI, Nov 3 (Bloomberg) -- Nickel futures fell for a third day on Tuesday as "
        "mills cut orders, traders said.\n"
    ).stories[0]
    assert story.headline == "Nickel futures drop on weak orders"
    assert story.byline is not None and story.byline.authors == ("Lihua Chen",)


@pytest.mark.parametrize(
    ("line", "authors", "codes"),
    [
        ("Priya Anand Menon Reuters", ("Priya Anand Menon",), ("Reuters",)),
        ("KNA by Joseph Kamau", ("Joseph Kamau",), ("KNA",)),
        ("AFP by Jane Doe", ("Jane Doe",), ("AFP",)),
    ],
)
def test_a_reporter_and_the_agency_without_by(
    line: str, authors: tuple[str, ...], codes: tuple[str, ...]
) -> None:
    found = web_byline(line)
    assert found is not None
    assert (found[0].authors, found[0].agencies) == (authors, codes)


@pytest.mark.parametrize(
    "line", ["JACK DORN AFP", "United Nations AFP", "Cape Canaveral AFP", "Stand by Me"]
)
def test_a_credit_beside_a_place_or_a_photographer_is_no_byline(line: str) -> None:
    assert web_byline(line) is None


def test_a_state_label_between_signed_briefs_starts_no_text() -> None:
    dump = parse(
        "Officers returned fire, striking the passenger who had fired at them, the chief said "
        "on Sunday.\n"
        "He did not name the officer who was killed, saying her family had asked him not to.\n"
        "— Associated Press\n"
        "TEXAS\n"
        "Man is arrested in killings at a beach condo\n"
        "Police have arrested a 23-year-old man in the killings of three women at a home in "
        "the resort town, officials said on Sunday.\n"
        "The women were 46, 47 and 65 years old and from the same city, police said.\n"
        "— Associated Press\n"
        "SOUTH DAKOTA\n"
        "Official: rally crowd biggest in years\n"
        "Officials said the first days of this year's motorcycle rally were among the busiest "
        "they had seen in three decades.\n"
    )
    assert [s.headline for s in dump.stories] == [
        None,
        "Man is arrested in killings at a beach condo",
        "Official: rally crowd biggest in years",
    ]
    assert [s.agencies for s in dump.stories[:2]] == [("AP",), ("AP",)]
    assert "TEXAS" in dump.leftover and "SOUTH DAKOTA" in dump.leftover


def test_a_caps_line_inside_a_story_stays_its_text() -> None:
    dump = parse(
        "Harbour reopens after storm\n\n"
        "OSLO — The harbour reopened on Monday after a storm closed it for two days, the port "
        "authority said.\n\n"
        "NATO\n\n"
        "The alliance said its ships would stay in port until the weather cleared later in "
        "the week.\n"
    )
    assert len(dump.stories) == 1
