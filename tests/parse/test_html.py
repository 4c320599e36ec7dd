"""HTML dumps: blocks to lines, furniture dropped, metadata read, sniffing by content."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.model import DumpError, RawInput, RejectReason
from etl.parse import parse_text
from etl.parse.html import looks_like_html, parse_meta_date
from etl.parse.read import decode

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Floods cut off villages | Example Wire</title>
  <meta property="og:title" content="Floods cut off mountain villages">
  <meta property="article:published_time" content="2021-06-14T09:12:00-03:00">
  <style>p { color: red } .secret { content: "style text" }</style>
  <script>document.write("<p>script text</p>");</script>
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
  <div class="page"><div class="col"><article>
    <h1>Floods   cut off
        mountain villages</h1>
    <p class="byline">By Carla MENDES</p>
    <p>Porto Alegre (AFP) June 14, 2021</p>
    <p>Rescue teams reached three <b>isolated</b> villages on Monday, officials said.</p>
    <!-- an editor's note that must not appear -->
    <h3>- Bridges swept away -</h3>
    <p>&ldquo;We lost everything,&rdquo; said a farmer in S&atilde;o Jos&eacute; &amp; his son.</p>
    <noscript>Enable JavaScript to see comments</noscript>
    <template><p>template text</p></template>
    <iframe src="https://ads.example/"></iframe>
    <svg><title>icon title</title><text>svg text</text></svg>
  </article></div></div>
  <form action="/subscribe"><label>Email</label><input name="e"><button>Go</button></form>
  <footer><p>Related Links</p></footer>
</body>
</html>
"""


def _decode(markup: str | bytes, source: str = "landing/page.html"):
    data = markup.encode("utf-8") if isinstance(markup, str) else markup
    return decode(RawInput(source=source, data=data))


def test_page_becomes_blocks_separated_by_blank_lines() -> None:
    dump = _decode(PAGE)
    assert dump.format == "html"
    assert dump.encoding == "utf-8"
    assert dump.text.split("\n\n") == [
        "Floods cut off mountain villages",
        "By Carla MENDES",
        "Porto Alegre (AFP) June 14, 2021",
        "Rescue teams reached three isolated villages on Monday, officials said.",
        "- Bridges swept away -",
        "\u201cWe lost everything,\u201d said a farmer in S\u00e3o Jos\u00e9 & his son.",
        "Related Links",
    ]


def test_furniture_and_comments_dropped() -> None:
    text = _decode(PAGE).text
    for gone in (
        "script text", "style text", "Home", "World", "editor's note", "Enable JavaScript",
        "template text", "icon title", "svg text", "Email", "Go", "Example Wire",
    ):  # fmt: skip
        assert gone not in text


def test_meta_title_prefers_og_title_and_date_from_article_published_time() -> None:
    dump = _decode(PAGE)
    assert dump.meta_title == "Floods cut off mountain villages"
    assert dump.meta_date == dt.date(2021, 6, 14)  # the page's own date, not shifted to UTC


def test_title_falls_back_to_title_element() -> None:
    dump = _decode("<html><head><title>  Quake  hits\n coast </title></head><p>Body</p></html>")
    assert dump.meta_title == "Quake hits coast"
    assert dump.meta_date is None


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        ('<meta name="DC.date.issued" content="2015-02-03">', "", dt.date(2015, 2, 3)),
        ('<meta name="date" content="2016/07/08">', "", dt.date(2016, 7, 8)),
        ('<meta name="pubdate" content="20170910">', "", dt.date(2017, 9, 10)),
        ('<meta itemprop="datePublished" content="2018-01-31T23:59Z">', "", dt.date(2018, 1, 31)),
        (
            "",
            '<article><time datetime="2019-05-06T10:00">May 6</time></article>',
            dt.date(2019, 5, 6),
        ),
        ("", '<time pubdate datetime="2020-12-24">Dec 24</time>', dt.date(2020, 12, 24)),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2022-03-15T08:00:00+01:00"}</script>',
            "",
            dt.date(2022, 3, 15),
        ),
        ('<meta name="date" content="Sat, 11 Nov 2017 08:30:00 GMT">', "", dt.date(2017, 11, 11)),
        ('<meta name="date" content="not a date">', "", None),
        ('<meta name="date" content="2019-02-30">', "", None),
        ("", '<p>Posted <time datetime="2019-05-06">then</time></p>', None),
    ],  # fmt: skip
)
def test_meta_date_sources(head: str, body: str, expected: dt.date | None) -> None:
    dump = _decode(f"<html><head>{head}</head><body>{body}<p>Some story text.</p></body></html>")
    assert dump.meta_date == expected


def test_entities_decoded_and_whitespace_collapsed() -> None:
    dump = _decode(
        "<p>Caf&eacute;&nbsp;&nbsp;owners &#8220;welcome&#8221;\n\n   the\t&#x20AC;5 aid"
        " &lt;tag&gt; &amp;c.</p>"
    )
    assert dump.text == "Caf\u00e9 owners \u201cwelcome\u201d the \u20ac5 aid <tag> &c."


def test_br_lines_lists_quotes_cells_and_captions_are_blocks() -> None:
    dump = _decode(
        "<div>Kabul (AFP)<br>March 2, 2020<br/><br/>Talks resumed.</div>"
        "<ul><li>first point</li><li>second <em>point</em></li></ul>"
        "<blockquote>A quote</blockquote>"
        "<table><tr><td>cell one</td><td>cell two</td></tr></table>"
        "<figure><img src=x.jpg><figcaption>A caption</figcaption></figure>"
        "<h2>Heading</h2><span>inline</span> <span>words</span>"
    )
    assert dump.text.split("\n\n") == [
        "Kabul (AFP)", "March 2, 2020", "Talks resumed.", "first point", "second point",
        "A quote", "cell one", "cell two", "A caption", "Heading", "inline words",
    ]  # fmt: skip


def test_nested_divs_give_one_block_each_without_empty_blocks() -> None:
    dump = _decode("<div><div><div>outer text<div>inner text</div>tail text</div></div></div>")
    assert dump.text == "outer text\n\ninner text\n\ntail text"


def test_pre_keeps_its_lines() -> None:
    dump = _decode("<html><body><pre>line one\nline   two\n\nline three</pre></body></html>")
    assert dump.text.split("\n\n") == ["line one", "line two", "line three"]


def test_hidden_elements_dropped() -> None:
    dump = _decode(
        '<p>visible</p><p hidden>hidden attr</p><div style="display: none">hidden style</div>'
    )
    assert dump.text == "visible"


def test_very_deep_nesting_does_not_crash() -> None:
    depth = 5000
    dump = _decode("<html><body>" + "<div>" * depth + "deep text" + "</div>" * depth)
    assert "deep text" in dump.text


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<html><body><script>var a = 1;</script><nav>Menu</nav><!-- c --></body></html>",
        "<!DOCTYPE html><html></html>",
        "<div>   &nbsp;  </div>",
    ],
)
def test_page_without_visible_text(markup: str) -> None:
    with pytest.raises(DumpError) as caught:
        _decode(markup)
    assert caught.value.reason is RejectReason.NO_TEXT


def test_declared_windows_1252_charset() -> None:
    markup = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "</head><body><p>\u201cRecord\u201d fine of \u20ac2 billion \u2014 na\u00efve.</p>"
        "</body></html>"
    )
    dump = _decode(markup.encode("cp1252"))
    assert dump.encoding == "cp1252"
    assert dump.text == "\u201cRecord\u201d fine of \u20ac2 billion \u2014 na\u00efve."


def test_declared_charset_ignored_when_page_is_utf8() -> None:
    markup = '<meta charset="iso-8859-1"><p>Z\u00fcrich</p>'
    dump = _decode(markup.encode("utf-8"))
    assert dump.encoding == "utf-8"
    assert dump.text == "Z\u00fcrich"


def test_mojibake_in_page_repaired() -> None:
    dump = _decode("<html><title>Le prÃ©sident</title><p>Ã€ MontrÃ©al, lâ€™Ã©tÃ©.</p></html>")
    assert dump.text == "\u00c0 Montr\u00e9al, l\u2019\u00e9t\u00e9."
    assert dump.meta_title == "Le pr\u00e9sident"


# --- sniffing ----------------------------------------------------------------------------


def test_html_content_with_txt_name_is_html() -> None:
    dump = _decode("<html><body><p>Dakar (AFP) Rain at last.</p></body></html>", "feed/a.txt")
    assert dump.format == "html"
    assert dump.text == "Dakar (AFP) Rain at last."


def test_text_content_with_html_name_is_text() -> None:
    dump = _decode("Dakar (AFP) Rain at last.\n\nFarmers cheered.\n", "feed/a.html")
    assert dump.format == "text"


def test_text_dump_mentioning_a_tag_stays_text() -> None:
    text = "Paris (AFP) The site showed a bare <b> tag in its headline all day.\n"
    assert _decode(text, "feed/a.txt").format == "text"


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("<!doctype html><p>x", "a.txt", True),
        ("  \n<div class=story>x</div>", "a.txt", True),
        ("Lead line\n<p>one</p><p>two</p><p>three</p>", "a.txt", True),
        ("Lead line with one <p> tag", "a.html", True),
        ("Lead line with one <p> tag", "a.txt", False),
        ("Plain text, 3 < 4 and 5 > 2", "a.html", False),
    ],
)
def test_looks_like_html(text: str, source: str, expected: bool) -> None:
    assert looks_like_html(text, source) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-11-11", dt.date(2017, 11, 11)),
        ("2017-11-11T23:30:00+05:00", dt.date(2017, 11, 11)),
        ("2017-1-2", dt.date(2017, 1, 2)),
        ("20171111", dt.date(2017, 11, 11)),
        ("Sat, 11 Nov 2017 08:30:00 +0000", dt.date(2017, 11, 11)),
        ("1066-10-14", None),
        ("2017-13-01", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_meta_date(value: str, expected: dt.date | None) -> None:
    assert parse_meta_date(value) == expected


# ---------------------------------------------------------------- captions and related boxes

FURNITURE_PAGE = """<!DOCTYPE html>
<html><head><title>Quito trams</title></head><body>
<article>
<h1>Quito opens first tram line to the old town</h1>
<p>Quito, Apr 2 (EFE).- The first tram line in the Ecuadorean capital opened on Tuesday.</p>
<figure><img src="t.jpg" alt=""><figcaption>A tram crosses a square in Quito, Ecuador, Apr 2,
2021. EFE/Luis Paredes</figcaption></figure>
<p>Officials expect 100,000 riders a day once the line runs at full service.</p>
<div class="wp-caption-text">Workers test the overhead wires in March.</div>
<p>The line links the northern bus terminal with the historic centre. EFE</p>
<p><span itemprop="caption">Passengers board at the terminus.</span></p>
</article>
<aside><h3>More</h3><ul><li>Guayaquil buys electric buses</li></ul></aside>
<div id="more-stories-box"><p>Cuenca river walk reopens</p></div>
<section class="recommended-reads"><p>Loja coffee harvest starts early</p></section>
<footer><p>Copyright 2021 EFE</p></footer>
</body></html>
"""

CHROME_LINES = {
    "A tram crosses a square in Quito, Ecuador, Apr 2, 2021. EFE/Luis Paredes",
    "Workers test the overhead wires in March.",
    "Passengers board at the terminus.",
    "More",
    "Guayaquil buys electric buses",
    "Cuenca river walk reopens",
    "Loja coffee harvest starts early",
}


def test_captions_and_related_boxes_are_reported_as_chrome() -> None:
    doc = _decode(FURNITURE_PAGE)
    assert doc.chrome == frozenset(CHROME_LINES)
    # still in the text: nothing is lost, the splitter decides where it lands
    assert all(line in doc.text.split("\n") for line in CHROME_LINES)


def test_captions_and_related_links_end_in_leftover_in_page_order() -> None:
    doc = _decode(FURNITURE_PAGE)
    dump = parse_text(doc)
    assert len(dump.stories) == 1
    main = dump.stories[0]
    assert main.dateline is not None and main.dateline.place == "Quito"
    assert [p.text for p in main.paragraphs] == [
        "The first tram line in the Ecuadorean capital opened on Tuesday.",
        "Officials expect 100,000 riders a day once the line runs at full service.",
        "The line links the northern bus terminal with the historic centre. EFE",
    ]
    lines = doc.text.split("\n")
    wanted = CHROME_LINES | {"Copyright 2021 EFE"}
    assert list(dump.leftover) == [t for t in lines if t in wanted]


def test_related_box_holding_teasers_is_not_chrome() -> None:
    page = """<html><body><article><h1>Harbour strike ends</h1>
<p>Valparaiso, May 5 (EFE).- Dock workers in the Chilean port returned to work on Friday.</p>
<p>The union said it had won a pay rise of 6 percent.</p></article>
<div class="related-stories"><h3>Related Links</h3>
<h4>Santiago metro adds night trains</h4>
<p>Santiago, May 4 (EFE).- The metro will run all night on weekends from June ... read more</p>
</div></body></html>"""
    doc = _decode(page)
    assert doc.chrome == frozenset()
    dump = parse_text(doc)
    assert [s.is_teaser for s in dump.stories] == [False, True]
    assert dump.stories[1].headline == "Santiago metro adds night trains"


def test_page_that_is_all_aside_keeps_its_text() -> None:
    page = "<html><body><aside><p>Rain is expected across the north on Friday.</p></aside>"
    page += "</body></html>"
    assert _decode(page).chrome == frozenset()


def test_text_that_is_also_story_text_is_not_chrome() -> None:
    page = """<html><body><article><h1>Bridge reopens</h1>
<p>The bridge reopened to traffic on Monday morning.</p>
<p>Engineers had worked on it for two years.</p>
<figure><figcaption>The bridge reopened to traffic on Monday morning.</figcaption></figure>
<figure><figcaption>Engineers on the deck in May.</figcaption></figure>
</article></body></html>"""
    assert _decode(page).chrome == frozenset({"Engineers on the deck in May."})


def test_plain_text_dumps_have_no_chrome() -> None:
    doc = _decode("Bridge reopens\n\nThe bridge reopened on Monday.\n", "landing/a.txt")
    assert doc.format == "text" and doc.chrome == frozenset()


# ---------------------------------------------------------------- parser 1.3.0: subheads

SUBHEAD_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Glacier lake drained to protect valley towns</title></head>
<body><header><h2>Alpine Desk</h2></header>
<article><h1>Glacier lake drained to protect valley towns</h1>
<p>By Rolf STEINER</p>
<p>Sion, Switzerland (AFP) Aug 9, 2023</p>
<p>Crews began pumping water out of a lake that formed on a melting glacier above two
villages in the Swiss Alps on Wednesday, the canton said.</p>
<h3>A race against the thaw</h3>
<p>Engineers estimate the lake holds enough water to flood the valley floor within an hour
if its ice wall gives way.</p>
<figure><img src="pump.jpg"><figcaption>Pumps on the ice, Aug 8.</figcaption></figure>
<h4>- Who pays -</h4>
<p>The federal government will cover most of the cost, a spokeswoman said.</p>
<div class="ad"><p>Advertisement</p></div>
<h2>Evacuation plans</h2>
<p>About 300 residents have been told to keep a bag packed until the work is done.</p>
</article>
<div class="related"><h3>Related</h3><ul><li>Melting season starts early</li></ul></div>
<section class="more"><h2>More stories</h2>
<h3>Avalanche barriers rebuilt above mountain pass</h3>
<p>Andermatt (AFP) Aug 7, 2023</p>
<p>Road crews finished rebuilding a line of steel barriers above a busy pass ... read more</p>
</section>
<aside><h3>Weather</h3><p>Sunny in the valleys.</p></aside>
<footer><h4>About us</h4><p>© 2023 Alpine Desk</p></footer>
</body></html>"""


def test_reader_reports_headings_in_the_article_flow_as_subhead_candidates() -> None:
    doc = _decode(SUBHEAD_PAGE)
    # h1 is the headline; the header's, aside's, footer's and box's headings are no subheads;
    # the related list's headings are candidates by tag: the splitter keeps them as headlines
    assert doc.subheads == frozenset({
        "A race against the thaw",
        "- Who pays -",
        "Evacuation plans",
        "More stories",
        "Avalanche barriers rebuilt above mountain pass",
    })


def test_headings_inside_a_story_body_become_subhead_paragraphs() -> None:
    dump = parse_text(_decode(SUBHEAD_PAGE))
    main, teaser = dump.stories
    assert main.headline == "Glacier lake drained to protect valley towns"
    kinds = [(p.kind, p.text[:24]) for p in main.paragraphs]
    assert kinds == [
        ("text", "Crews began pumping wate"),
        ("subhead", "A race against the thaw"),
        ("text", "Engineers estimate the l"),
        ("subhead", "Who pays"),
        ("text", "The federal government w"),
        ("subhead", "Evacuation plans"),
        ("text", "About 300 residents have"),
    ]
    assert teaser.is_teaser and teaser.headline == "Avalanche barriers rebuilt above mountain pass"
    assert [p.kind for p in teaser.paragraphs] == ["text"]
    for label in ("Alpine Desk", "Related", "More stories", "Weather", "About us"):
        assert label in dump.leftover


def test_first_heading_is_the_headline_when_the_page_has_no_h1() -> None:
    page = """<html><body><article><h2>Night trains return to the Alps</h2>
<p>Zurich (AFP) Dec 10, 2023</p>
<p>A sleeper service between Zurich and Vienna resumed on Sunday after a two-year pause.</p>
<h3>Sold out</h3>
<p>Tickets for the first month sold out within days, the operator said.</p>
</article></body></html>"""
    doc = _decode(page)
    assert doc.subheads == frozenset({"Sold out"})
    main = parse_text(doc).stories[0]
    assert main.headline == "Night trains return to the Alps"
    assert [p.kind for p in main.paragraphs] == ["text", "subhead", "text"]


def test_heading_that_is_also_a_paragraph_is_no_candidate() -> None:
    page = """<html><body><article><h1>Ferry strike ends</h1>
<p>Ferries ran again on Monday.</p><h3>Ferries ran again on Monday.</h3><h3>Talks</h3>
<p>Unions and owners met twice last week.</p></article></body></html>"""
    assert _decode(page).subheads == frozenset({"Talks"})


def test_plain_text_dumps_have_no_subhead_candidates() -> None:
    doc = _decode("Bridge reopens\n\nThe bridge reopened on Monday.\n", "landing/a.txt")
    assert doc.subheads == frozenset()
