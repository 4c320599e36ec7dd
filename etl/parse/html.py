"""HTML page -> text blocks (one per line, blank line between), plus its metadata date/title.

The splitter downstream reads text dumps, so an HTML page is flattened to the same shape:
every block element (paragraph, heading, list item, table cell, ...) and every
<br>-separated line becomes one line, with whitespace collapsed as a browser would.
Page furniture that is never story text (scripts, styles, navigation, forms, embeds) is
dropped; everything else visible is kept, because "nothing lost" holds for HTML too.
Which blocks were captions, link boxes or h2-h4 headings is reported beside the text: flat
lines alone cannot say so, and the splitter needs it to place them.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import warnings
from dataclasses import dataclass

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.element import NavigableString, PreformattedString, Tag

from etl.model import DumpError, RejectReason
from etl.parse.dateline import match_dateline

_SNIFF_CHARS = 4096
TAGGED_LINES = 0.3  # share of a page's lines holding a tag before markup is its format
_STRONG_HTML = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.IGNORECASE)
_KNOWN_TAG = re.compile(
    r"</?(?:p|div|br|hr|h[1-6]|li|ul|ol|dl|dt|dd|td|th|tr|table|span|a|article|section|"
    r"header|footer|main|aside|meta|title|img|blockquote|figure|figcaption|em|strong|b|i|"
    r"font|center|pre|time|script|style)\b[^<>]{0,2000}>",
    re.IGNORECASE,
)
_CHARSET = re.compile(
    rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)

# Never story text. "head" goes too: its <title> is read separately as metadata.
_DROP = frozenset(
    {"script", "style", "noscript", "template", "nav", "form", "iframe", "svg", "head",
     "object", "embed", "canvas", "audio", "video", "button", "select", "textarea",
     "input", "math", "map"}
)  # fmt: skip
_BLOCK = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
     "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
     "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "html", "legend",
     "li", "main", "menu", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
     "tfoot", "th", "thead", "tr", "ul",
     # a feed (RSS/Atom) served as a page: keep its items apart too
     "title", "item", "entry", "description"}
)  # fmt: skip
_LINE_BREAK_TAGS = frozenset({"br", "hr"})
# Page furniture that is visible and kept, but never story text: photo captions and boxes
# of links to other stories. Their blocks are reported apart so the splitter can send them
# to leftover even when a caption reads like a dateline ("... in Bogota, Mar 3, 2019.").
# A box of related links that holds teasers (a dateline, a "read more") is not furniture:
# those teasers are related stories, which the splitter keeps.
_CAPTION_TAGS = frozenset({"figure", "figcaption"})
_CAPTION_ATTR = re.compile(r"caption", re.IGNORECASE)
_BOX_CLASS = re.compile(r"related|more-stories|recommended", re.IGNORECASE)
_TEASER_MARK = re.compile(r"read\s+more", re.IGNORECASE)
# The page's frame is never a box of furniture, whatever its class says.
_NEVER_CHROME = frozenset({"html", "body", "main"})
# Headings that may be subheads inside a story's body. The page's first heading is its
# headline; headings in a page frame (header, footer, aside) or a box never are.
_SUBHEAD_TAGS = frozenset({"h2", "h3", "h4"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_FRAME_TAGS = frozenset({"header", "footer", "aside", "nav"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# Metadata keys naming the publication date, most specific first.
_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "sailthru.date",
    "parsely-pub-date",
)
_TITLE_KEYS = ("og:title", "twitter:title")
_ISO_DATE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s_])")
_COMPACT_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|[T\s])")
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{4,40})"')


@dataclass(frozen=True, slots=True)
class HtmlText:
    """What a page gives the pipeline: its blocks as text, and its own date and title."""

    text: str
    meta_date: dt.date | None
    meta_title: str | None
    chrome: frozenset[str] = frozenset()  # blocks from captions and related-link boxes
    subheads: frozenset[str] = frozenset()  # h2-h4 blocks in the article's flow


def declared_charset(data: bytes) -> str | None:
    """The charset a page names in <meta charset> / http-equiv / <?xml encoding>, if any."""
    match = _CHARSET.search(data[:_SNIFF_CHARS])
    if match is None:
        return None
    found = match.group(1) or match.group(2)
    return found.decode("ascii").lower()


def looks_like_html(text: str, source: str = "") -> bool:
    """Sniff the content; the file name only tips the balance when tags are present."""
    head = text[:_SNIFF_CHARS]
    if _STRONG_HTML.search(head):
        return True
    tags = _KNOWN_TAG.findall(head)
    if not tags:
        return False
    if head.lstrip().startswith("<"):
        return True
    if len(tags) >= 3:
        # A text dump with some markup left in it ("<p>...</p>" in a few ledes) keeps its
        # lines; a page of markup has tags on most of its lines.
        lines = [line for line in head.splitlines() if line.strip()]
        tagged = sum(1 for line in lines if _KNOWN_TAG.search(line))
        return tagged >= TAGGED_LINES * len(lines)
    name = source.lower().removesuffix(".gz")
    return name.endswith((".html", ".htm", ".xhtml"))


def parse_meta_date(value: str) -> dt.date | None:
    """A calendar date from ISO 8601, compact YYYYMMDD or RFC 2822; the page's local date."""
    match = _ISO_DATE.match(value) or _COMPACT_DATE.match(value)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if parsed is None:
            return None
        year, month, day = parsed.year, parsed.month, parsed.day
    if not 1800 <= year <= 2200:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _meta_values(soup: BeautifulSoup) -> dict[str, str]:
    """First content per <meta> key (property, name or itemprop), keys lowercased."""
    values: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        content = meta.get("content")
        if not isinstance(content, str) or not content.strip():
            continue
        for attr in ("property", "name", "itemprop"):
            key = meta.get(attr)
            if isinstance(key, str) and key.strip():
                values.setdefault(key.strip().lower(), content.strip())
    return values


def _time_candidates(soup: BeautifulSoup) -> list[str]:
    """<time datetime> values that date the article itself, best first."""
    found: list[str] = []
    for article in soup.find_all("article", limit=1):
        time = article.find("time", attrs={"datetime": True})
        if isinstance(time, Tag):
            found.append(str(time["datetime"]))
    for time in soup.find_all("time", attrs={"datetime": True}):
        if time.has_attr("pubdate") or str(time.get("itemprop", "")).lower() == "datepublished":
            found.append(str(time["datetime"]))
    for node in soup.find_all(attrs={"itemprop": re.compile("^datepublished$", re.I)}):
        for attr in ("datetime", "content"):
            if node.has_attr(attr):
                found.append(str(node[attr]))
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        match = _JSONLD_DATE.search(script.get_text())
        if match:
            found.append(match.group(1))
    return found


def _meta_date(soup: BeautifulSoup, meta: dict[str, str]) -> dt.date | None:
    candidates = [meta[key] for key in _DATE_KEYS if key in meta]
    candidates += _time_candidates(soup)
    for value in candidates:
        date = parse_meta_date(value)
        if date is not None:
            return date
    return None


def _meta_title(soup: BeautifulSoup, meta: dict[str, str]) -> str | None:
    for key in _TITLE_KEYS:
        title = _collapse(meta.get(key, ""))
        if title:
            return title
    for node in soup.find_all("title"):
        if node.find_parent("svg") is None:
            title = _collapse(node.get_text())
            if title:
                return title
    return None


def _is_hidden(tag: Tag) -> bool:
    if tag.has_attr("hidden"):
        return True
    style = tag.get("style")
    return isinstance(style, str) and _HIDDEN_STYLE.search(style) is not None


def _attr_text(tag: Tag, attr: str) -> str:
    value = tag.get(attr)
    if isinstance(value, list):
        return " ".join(value)
    return value if isinstance(value, str) else ""


def _chrome_kind(tag: Tag, name: str) -> str | None:
    """"caption" for a photo caption, "box" for a box of related links (by tag, class, id
    or itemprop), None for anything else."""
    if name in _NEVER_CHROME:
        return None
    if name in _CAPTION_TAGS or _CAPTION_ATTR.search(
        f"{_attr_text(tag, 'class')} {_attr_text(tag, 'itemprop')}"
    ):
        return "caption"
    if name == "aside" or _BOX_CLASS.search(f"{_attr_text(tag, 'class')} {_attr_text(tag, 'id')}"):
        return "box"
    return None


def _holds_teasers(tag: Tag) -> bool:
    """Whether a related box lists teasers (a dateline or a "read more" in it)."""
    text = _collapse(tag.get_text(" "))
    return bool(_TEASER_MARK.search(text)) or match_dateline(text, None, anywhere=True) is not None


def _blocks(soup: BeautifulSoup) -> tuple[list[str], set[int], set[int]]:
    """Walk the tree without recursion (pages can nest thousands deep) collecting blocks;
    also the indexes of blocks that lie inside a caption or related-links box, and of
    blocks that are h2-h4 headings in the article's flow (subhead candidates)."""
    blocks: list[str] = []
    chrome: set[int] = set()
    headings: set[int] = set()
    pending: list[str] = []
    pending_chrome = False
    pending_heading = False
    seen_heading = False  # the page's first heading is its headline, never a subhead

    def flush() -> None:
        nonlocal pending_chrome, pending_heading
        line = _collapse("".join(pending))
        pending.clear()
        if line:
            if pending_chrome:
                chrome.add(len(blocks))
            if pending_heading:
                headings.add(len(blocks))
            blocks.append(line)
        pending_chrome = False
        pending_heading = False

    # Stack of (node, in_pre, in_chrome, in_teasers, in_frame, in_heading); None marks the
    # end of a block element.
    stack: list[tuple[object, bool, bool, bool, bool, bool] | None] = [
        (soup, False, False, False, False, False)
    ]
    while stack:
        item = stack.pop()
        if item is None:
            flush()
            continue
        node, in_pre, in_chrome, in_teasers, in_frame, in_heading = item
        if isinstance(node, NavigableString):
            if isinstance(node, PreformattedString):
                continue  # comments, CDATA, doctype, processing instructions
            if in_pre and "\n" in node:
                *lines, last = str(node).split("\n")
                for line in lines:
                    pending.append(line)
                    pending_chrome = pending_chrome or in_chrome
                    pending_heading = pending_heading or in_heading
                    flush()
                pending.append(last)
            else:
                pending.append(str(node))
            pending_chrome = pending_chrome or in_chrome
            pending_heading = pending_heading or in_heading
            continue
        if not isinstance(node, Tag):
            continue
        name = (node.name or "").lower()
        if name in _DROP or _is_hidden(node):
            continue
        if name in _LINE_BREAK_TAGS:
            flush()
            continue
        child_chrome, child_teasers = in_chrome, in_teasers
        if not in_chrome:
            kind = _chrome_kind(node, name)
            if kind == "caption":
                child_chrome = True
            elif kind == "box" and not in_teasers:
                child_teasers = _holds_teasers(node)
                child_chrome = not child_teasers
        child_frame = in_frame or name in _FRAME_TAGS
        child_heading = in_heading
        if name in _HEADING_TAGS and not in_heading:
            in_flow = not (child_chrome or child_teasers or child_frame)
            child_heading = name in _SUBHEAD_TAGS and in_flow and seen_heading
            seen_heading = seen_heading or name == "h1" or in_flow
        if name in _BLOCK or child_chrome != in_chrome:
            flush()  # a caption inside a paragraph is a block of its own
            stack.append(None)
        child_pre = in_pre or name == "pre"
        stack.extend(
            (child, child_pre, child_chrome, child_teasers, child_frame, child_heading)
            for child in reversed(node.contents)
        )
    flush()
    return blocks, chrome, headings


def html_to_text(markup: str) -> HtmlText:
    """Flatten a decoded page; raise DumpError(NO_TEXT) when nothing visible is left."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        try:
            soup = BeautifulSoup(markup, "lxml")
        except Exception as exc:  # noqa: BLE001 - any parser failure is bad input, not a crash
            raise DumpError(
                RejectReason.UNDECODABLE, f"the HTML parser could not read the page ({exc})"
            ) from exc
    meta = _meta_values(soup)
    blocks, chrome, headings = _blocks(soup)
    if not blocks:
        raise DumpError(RejectReason.NO_TEXT, "the HTML page has no visible text")
    if len(chrome) == len(blocks):
        chrome = set()  # a page that is all "furniture" has mislabelled its story
    headings -= chrome
    return HtmlText(
        text="\n\n".join(blocks),
        meta_date=_meta_date(soup, meta),
        meta_title=_meta_title(soup, meta),
        # a text that is also story text elsewhere on the page is not furniture by its text
        chrome=frozenset(blocks[i] for i in chrome)
        - {text for i, text in enumerate(blocks) if i not in chrome},
        # likewise a heading text that is also a paragraph elsewhere is no heading by its text
        subheads=frozenset(blocks[i] for i in headings)
        - {text for i, text in enumerate(blocks) if i not in headings},
    )
