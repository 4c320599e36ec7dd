"""Text of one dump -> its stories (main, related, teasers) and leftover page furniture.

The splitter only decides WHERE things are: which line is a headline, a byline, a
dateline, a paragraph or boilerplate. What a dateline or byline MEANS is the
normalisers' job (dateline.py, byline.py, agencies.py); this module calls them.

Guarantee kept here (DESIGN.md "Nothing is lost"): every non-blank line of the text
lands in exactly one place: a story field, a paragraph, or leftover. A line may be cut
into pieces (a dateline opening a paragraph, a page flattened onto one line), but every
piece lands somewhere and only separators and "read more" markers are dropped.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from etl.model import Byline, Dateline, DumpError, Paragraph, RejectReason, Story
from etl.parse.agencies import (
    agency_code,
    credit_line,
    digest_agency,
    signoff_agencies,
    signoff_body,
)
from etl.parse.byline import glued_byline, parse_byline
from etl.parse.dateline import match_dateline
from etl.parse.pagedate import HEAD_LINES, stamp_date
from etl.parse.places import find_city

# A page counts as flattened when it has few lines and one of them is this long.
FLAT_LINE_CHARS = 2500
FLAT_MAX_LINES = 8
FLAT_MIN_CHARS = 250  # shorter lines are never taken for a flattened page
# Hard-wrapped text dumps break paragraphs at a fixed column in this range.
WRAP_MIN = 40  # the longest inner line seen; a real wrap column is wider (60-80)
WRAP_MAX = 100
WRAP_SLACK = 20  # an inner line of a wrapped paragraph falls short of the width by at most
HEADLINE_REACH = 8  # how many lines above a dateline the headline may stand
STEAL_REACH = 3  # a headline may stand this many paragraphs from a story's end
STORY_BEFORE_DATELINE = 3  # prose paragraphs above the first dateline: a story, no standfirst
HEAD_SCAN = 14  # how many lines from a page's top its headline may stand, with no dateline
_WINDOW = 4000  # flattened lines are searched for datelines this many characters at a time
_OVERLAP = 400  # longer than any dateline

TEASER_MIN_CHARS = 80  # a prose paragraph ending in "..." this long is a cut-off teaser
_READ_MORE = re.compile(
    r"\s*(?:(?:\.{2,}|…|\[(?:\.{3}|…)\])\s*read\s+more|(?<=\w)[ \t]{2,}more|\(\s*read\s+more\s*\)"
    r"|\[\s*read\s+more\s*\])"
    r"\s*(?:»|>>|›|→)?\s*$",
    re.IGNORECASE,
)
_READ_MORE_ONLY = re.compile(
    r"^\s*(?:\.{2,}|…)?\s*[(\[]?\s*read\s+more\s*[)\]]?\s*(?:»|>>|›|→|\.{2,}|…)?\s*$",
    re.IGNORECASE,
)
_READ_MORE_ANYWHERE = re.compile(
    r"(?:\.{2,}|…)\s*read\s+more\b|\(\s*read\s+more\s*\)|\[\s*read\s+more\s*\]", re.IGNORECASE
)
_SUBHEAD = re.compile(r"^(?:-{1,2}|—|–)\s*(\S(?:.*\S)?)\s*(?:-{1,2}|—|–)$")

# Page furniture recognised by how a short line starts. Each entry is narrow on purpose:
# story paragraphs may start "Terms of the deal...", "Advertising revenue...".
_COPYRIGHT = r"copyright\s*(?:©|\(c\)|\d{4}|$)|\(c\)\s*\d{4}|©|all\s+rights\s+reserved"
_BOILERPLATE = re.compile(
    r"^(?:related\s+(?:links|stories|articles|news|content|coverage|topics)\b"
    r"|more\s+(?:stories|news|from)\b|most\s+(?:read|popular|viewed)\b"
    r"|recommended(?:\s+(?:for\s+you|stories|articles|reading))?\s*:?\s*$"
    r"|share\s+(?:this|on|via)\b|share\s*:?\s*$|tweet\s*$|e-?mail\s+this\b"
    r"|print\s+this\b|comment\s+on\s+this\b|comments?\s*(?:\(\d+\))?\s*$|leave\s+a\s+comment"
    r"|subscribe\b|sign\s+up\s+(?:for|to)\b|newsletters?\b|advertisement\s*:?\s*$"
    r"|advertising\s*:?\s*$|advertise\s+with\s+us"
    r"|sponsored(?:\s+(?:content|links?|stories))?\s*:?\s*$"
    r"|(?:xml|rss)\s+feeds?\b|thanks\s+for\s+being\s+here|we\s+need\s+your\s+help\b"
    r"|our\s+standards\s*:|all\s+quotes\s+delayed|\$\d+\s+billed\b|paypal\s+only"
    r"|comment\s+using\b|\d+\s+min(?:ute)?s?\s+read\s*$"
    rf"|{_COPYRIGHT}|follow\s+us\b|like\s+us\s+on"
    r"|privacy\s+(?:policy|statement|notice)\s*$|terms\s+of\s+(?:use|service)\b"
    r"|terms\s+and\s+conditions\s*$|we\s+use\s+cookies|this\s+(?:web)?site\s+uses\s+cookies"
    r"|accept\s+(?:all\s+)?cookies|skip\s+to\b|back\s+to\s+top|about\s+us\s*$|contact\s+us\s*$"
    r"|home\s*(?:[|>»/›]|$)|menu\s*$|search\s*$|log\s*in\s*$|sign\s+in\s*$|register\s*$"
    r"|read\s+more\s*:|tell\s+a\s+friend|bookmark\s*$|rss\s*$|tags?\s*:"
    r"|the\s+content\s+herein|no\s+part\s+of\s+this|permalink\s*$|top\s+stories\s*$"
    r"|go\s+to\s+contents\s*$|site\s*map\b|all\s+headlines\s*$|e-?paper\b"
    r"|for\s+immediate\s+release\b|connect\s+with\s+us\s*$|make\s+us\s+your\s+home\s+page"
    r"|estimated\s+read(?:ing)?\s+time\b|log\s*in\b|trends?\s*:|\(?view\s+our\s+privacy"
    r"|leave\s+a\s+(?:reply|comment)\b|your\s+email\s+address\s+will\s+not\s+be\s+published"
    r"|required\s+fields\s+are\s+marked|ask\s+about\s+this\s+article|post\s+a\s+comment"
    r"|answer\s+for\s+your\s+question\b|ie\s+\d+\s+is\s+not\s+supported\b"
    r"|your\s+browser\s+(?:is|does)\b"
    # View counters, archive labels, language switches, licence notes of pictures.
    r"|\d[\d,.]*\s+(?:total\s+)?(?:views?|reads?)(?:\s+today)?\s*$"
    r"|(?:views?|hits|reads?|okunma\s+say[ıi]s[ıi]|visitas|lectures|aufrufe)\s*:\s*\d[\d.,]*\s*$"
    r"|(?:tag|category|author|date|monthly)\s+archives?\s*:"
    r"|(?:read|leer|lire|leggi|ler)\s+(?:it\s+)?(?:in|en|em)\s+[^\W\d_]+\s*$"
    r"|public\s+domain\s*$)",
    re.IGNORECASE,
)
# Labels that head a list of other stories ("Latest News", "Also read | <title>"): page
# furniture, never a paragraph of the story above nor a headline of the one below. A label
# alone on its line, or a label leading a pipe/colon-separated link title.
_SECTION_LABEL = re.compile(
    r"^(?:related|latest(?:\s+(?:news|stories|headlines|articles))?|more\s+stories"
    r"|related\s+(?:stories|articles|news|links)|(?:read|see)\s+also|also\s+(?:read|see)"
    r"|see\s+more|most\s+(?:read|popular|viewed)|trending(?:\s+(?:now|news|stories))?"
    r"|recommended(?:\s+(?:for\s+you|stories|articles|reading))?|top\s+stories"
    r"|editor'?s\s+picks?|don'?t\s+miss|you\s+may\s+also\s+like)"
    r"\s*(?:[:|]\s*(?:\S.{0,150}[^\s.!?;,])?)?$",
    re.IGNORECASE,
)
# A wire's end-of-story marker on its own line: Xinhua "Enditem", Yonhap "(END)",
# "-- END --", "###", "(Ends)", "-0-". It closes the text; it is no paragraph.
_END_MARKER = re.compile(
    r"^(?:end\s?item|\(\s*ends?\s*\)|\[\s*ends?\s*\]|-{1,3}\s*end\s*-{1,3}|#{3}|-0-|-30-)\s*$",
    re.IGNORECASE,
)
_COOKIE = re.compile(
    r"\bcookies?\b.{0,200}\b(?:accept|consent|continu|brows|experience|settings|agree)"
    r"|\b(?:accept|consent|continu|brows|experience|settings|agree)\w*\b.{0,200}\bcookies?\b",
    re.IGNORECASE,
)
# Boilerplate after which the page is footer: text there is no story text.
_TERMINAL = re.compile(
    rf"^(?:related\s+(?:links|stories|articles|news|content|coverage)\b|{_COPYRIGHT}"
    r"|leave\s+a\s+(?:reply|comment)\b|ask\s+about\s+this\s+article|post\s+a\s+comment"
    r"|the\s+content\s+herein|more\s+stories\b"
    r"|most\s+(?:read|popular|viewed)\b|tell\s+a\s+friend|thanks\s+for\s+being\s+here"
    r"|our\s+standards\s*:)",
    re.IGNORECASE,
)
_BOILER_ANY = re.compile(r"\ball rights reserved\b|©|\bcopyright \d{4}", re.IGNORECASE)
_NAV = re.compile(r"^[^|>»›]{1,30}(?:\s[|>»›]\s[^|>»›]{1,30}){2,}$")

_CAPTION = re.compile(
    r"\b(?:AFP|AP|Reuters|Xinhua|EPA|Getty|Anadolu|dpa|Kyodo|Yonhap|ANSA|EFE)\s*/?\s*"
    r"(?:Photo|PHOTO|Images|IMAGES|File|FILE)\b"
    r"|\((?:photo|Photo|PHOTO|Pic|Image|File photo)\b"
    r"|^(?:an?\s+|this\s+|the\s+)?(?:handout\s+|file\s+|undated\s+)?(?:photo(?:graph)?|picture"
    r"|image|screen\s?grab|video\s+grab)s?\s+(?:taken|shows?|dated|released|made|obtained"
    r"|provided|from|of)\b"
    r"|^(?:photo|picture|image|caption|credit)s?\s*:|\bfile\s+(?:photo|picture|image)\b"
    r"|\b(?:FOTO|Foto|Fotó|Photo|PHOTO):\s*[\w./ -]{2,40}$"
    r"|^(?!by\s)[\w .,'’&-]{2,60}/\s*(?:AFP|AP|REUTERS|Reuters|EPA|EPA-EFE|Getty\s+Images"
    r"|Xinhua|ANSA|dpa|Anadolu|Shutterstock|AAP|Yonhap|Kyodo|Bloomberg)\s*\)?$"
    r"|\b(?:the\s+canadian\s+press|ap\s+photo|afp\s+photo|reuters|getty\s+images|epa)"
    r"\s*/\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)?\s*\)?\s*$"
    r"|\bphoto\s+(?:credit|by)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?:[\"”’')\]]+)?\s+(?=[\"“‘(]?[A-Z0-9])")
_NO_CUT_AFTER = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|Prof|Jr|Sr|No|Inc|Corp|Co|Ltd"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|Fla|Calif|Mass|Wash)"
    r"|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$"
)
_FLAT_CUT_BEFORE = re.compile(
    r"(?:Related\s+Links|Related\s+Stories|Share\s+this\s+article|Copyright\s+(?:©\s*)?\d{4}"
    r"|©\s*\d{4}|All\s+rights\s+reserved|Advertisement|Subscribe\b|Follow\s+us\b"
    r"|Email\s+This\s+Article|Comment\s+on\s+this\s+article)"
    r"|(?<=[a-z0-9'\"”?!])\s+(?=By\s+[A-Z][\w'’.-]*\s+[A-Z])"
)
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_BYLINE_TAIL = re.compile(
    rf"\s+(?:[|•·]|[-–—]\s|(?:published|updated|posted|on)\b|\d{{1,2}}\s+{_MONTHS}\s"
    rf"|{_MONTHS}\s+\d{{1,2}}\b|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
    rf"|\d{{1,2}}:\d{{2}})",
    re.IGNORECASE,
)
_TIME_ONLY = re.compile(r"^\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\.?|[A-Z]{2,4}|\([A-Z]{2,4}\))?$", re.I)
_NAV_TAIL = re.compile(r"^(?:[\w ]{1,20}\s*\|\s*)+[\w ]{1,20}$")
_STAMP = re.compile(r"^(?:(?:first|last)\s+)?(?:published|updated|posted|modified)\b", re.I)
_DATE_WORD = re.compile(
    r"\d+(?:st|nd|rd|th)?|[ap]m|gmt|utc|cet|cest|est|edt|pst|pdt|et|ist|bst|jst|kst|wib|hkt"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    r"|updated?|published|posted|modified|last|ago|hours?|hrs?|mins?|minutes?|seconds?|secs?"
    r"|days?|weeks?|at|on|by|and",
    re.IGNORECASE,
)
# A title may end in an abbreviation's stop: "... for Kagoshima Pref.", "... in U.S."
_ABBREV_END = re.compile(
    r"\b(?:Pref|Prov|Co|Corp|Inc|Ltd|Bros|Jr|Sr|St|Mt|Gov|Sen|Rep|Gen|Dept|Govt|Intl|No|vs"
    r"|(?:[A-Z]\.){1,3}[A-Z])\.$"
)
_BULLETS = "•·*▪►▸◦ \t"
_PREFIX_TAIL = " |-–—:•·*▪►▸◦»>›/"  # separators between page text and a dateline
_WORD = re.compile(r"\w+")
_ALNUM = re.compile(r"[^\W_]")


@dataclass(slots=True)
class _Unit:
    """One block of text: a non-blank line, or a piece of a flattened/shared line."""

    text: str


@dataclass(slots=True)
class _Draft:
    headline: str | None = None
    byline: Byline | None = None
    dateline: Dateline | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    is_teaser: bool = False
    closed: bool = False  # a teaser's "read more" ends it: later text is not its own
    standfirst: int = 0  # paragraphs printed above the dateline (main story only)
    credits: list[str] = field(default_factory=list)  # agencies from credit lines

    @property
    def empty(self) -> bool:
        return not (self.paragraphs or self.dateline or self.byline)


_DatelineAt = tuple[Byline | None, str, Dateline, str]


@dataclass(frozen=True, slots=True)
class SplitResult:
    stories: tuple[Story, ...]
    leftover: tuple[str, ...]


# ---------------------------------------------------------------- line classifiers


def strip_read_more(text: str) -> tuple[str, bool]:
    """Text without its trailing "... read more" marker, and whether it ends as a teaser.

    A teaser ends in "... read more", "  more", or, in a paragraph of prose, in a bare
    ellipsis ("... the two..."): that ellipsis is the story's own text and stays.
    """
    if "more" in text[-24:].lower():
        match = _READ_MORE.search(text, max(0, len(text) - 40))
        if match is not None:
            return text[: match.start()].rstrip(), True
    if len(text) >= TEASER_MIN_CHARS and text.rstrip().endswith(("...", "…")):
        return text, True
    return text, False


def is_read_more_only(text: str) -> bool:
    text = debullet(text)
    return bool(_READ_MORE_ONLY.match(text)) and "read" in text.lower()


def subhead_text(text: str) -> str | None:
    """"- Text -" / "-- Text --" / "— Text —" -> "Text"; None for anything else."""
    if len(text) > 160:
        return None
    match = _SUBHEAD.match(text)
    if match is None:
        return None
    inner = match.group(1).strip(" -—–")
    return inner if _WORD.search(inner) else None


def is_boilerplate(text: str) -> bool:
    if len(text) <= 200 and (
        _BOILERPLATE.match(text) or _SECTION_LABEL.match(text) or is_end_marker(text)
    ):
        return True
    if len(text) <= 400 and _COOKIE.search(text):
        return True
    if len(text) <= 200 and _BOILER_ANY.search(text):
        return True
    return len(text) <= 200 and bool(_NAV.match(text))


def is_end_marker(text: str) -> bool:
    """"Enditem", "(END)", "###": a wire's sign that the story's text is over."""
    return len(text) <= 12 and bool(_END_MARKER.match(text))


def is_section_label(text: str) -> bool:
    """"Related:", "Latest News", "Also read | Title": a label over a list of stories."""
    return len(text) <= 200 and bool(_SECTION_LABEL.match(text))


def is_terminal(text: str) -> bool:
    return len(text) <= 200 and bool(_TERMINAL.match(text))


_CAPTION_WORDS = (
    "photo", "foto", "picture", "image", "caption", "credit", "grab", "file", "pic"
)  # fmt: skip


def is_caption(text: str) -> bool:
    lower = text.lower()
    if "/" not in lower and not any(word in lower for word in _CAPTION_WORDS):
        return False  # cheap test first: most lines name no picture and no photo credit
    return bool(_CAPTION.search(text))


def debullet(text: str) -> str:
    """A list item's text without its bullet ("• Headline" -> "Headline")."""
    return text.lstrip(_BULLETS).strip() if text[:1] in _BULLETS else text


def is_title_like(text: str, *, min_words: int = 3) -> bool:
    """Short, capitalised, not a sentence: what a headline line looks like."""
    text = debullet(text)
    first = text[:1]
    if len(text) > 160 or not (first.isupper() or first.isdigit() or first in "\"'“‘("):
        return False
    if first == "(" and not re.match(r"\((?:LEAD|UPDATE|URGENT|\d+)(?:\s*\d+)?\)\s", text):
        return False  # "(LEAD) N. Korea ...": only a wire's status tag may open a title
    words = _WORD.findall(text)
    if not min_words <= len(words) <= 25:
        return False
    if text.endswith(("...", "…")) or (text.endswith(".") and not _ABBREV_END.search(text)):
        return False
    if text.endswith((",", ";", ":", '."', ".”", ".'")):
        return False
    body = signoff_body(text)
    if body and (body.rstrip("\"'”’").endswith((".", "!", "?")) or text.endswith((")", "]"))):
        # "... breathing problems. PTI", "... on Sunday (dpa)": a signed-off sentence.
        # "Rebels retake border town - AFP" may still be a title with its source.
        return False
    if _STAMP.match(text) or len([w for w in words if not _DATE_WORD.fullmatch(w)]) < 2:
        return False  # "Published 14 November 2017 10:32": a time stamp, not a title
    return not (is_boilerplate(text) or is_caption(text) or subhead_text(text))


_DOMAIN = re.compile(r"^(?:https?://)?[\w.-]+\.(?:com|org|net|co|in|pk|uk|info|news|gov|edu)"
                     r"(?:\.[a-z]{2})?(?:/\S*)?$", re.IGNORECASE)


_CREDIT_FILLER = re.compile(r"(?:^the\s+|[,;|]?\s*\b(?:staff|report|reports|news|wire)\b)",
                            re.IGNORECASE)


_BY_START = re.compile(
    r"\s*(?:(?:published|written|posted|reported|story|text|words|report)\s+)?by\b\s*:?\s*\S",
    re.IGNORECASE,
)
# Where a web byline's name ends: a pipe, a stamp word, a date, or an agency's credit.
_WEB_BYLINE_CUT = re.compile(
    r"\s*\|\s*|\s+(?=(?:published|updated|posted|on)\b)|,\s+(?=the\s+|[A-Z])", re.IGNORECASE
)
MAX_WEB_BYLINE = 100


def web_byline(text: str) -> tuple[Byline, str] | None:
    """"Jane Doe | Oct 3, 2019", "Jane Doe Published August 5, 2022", "Jane Doe, The
    Associated Press", "Jane Doe | Reuters": a name with no "By" beside a stamp or a credit.
    The part after the name must be one or the other, so a title with a comma never
    passes."""
    if len(text) > MAX_WEB_BYLINE or not text[:1].isupper():
        return None
    cut = _WEB_BYLINE_CUT.search(text)
    if cut is None:
        return None
    name, rest = text[: cut.start()].strip(), text[cut.end() :].strip()
    credit = credit_line(rest)
    if not credit and not is_stamp_line(rest):
        return None
    byline = parse_byline("By " + name)
    if byline is None or not byline.authors or byline.agencies:
        return None
    agencies = tuple(dict.fromkeys([*byline.agencies, *credit]))
    return Byline(raw=text[: cut.start()].strip() if not credit else text, authors=byline.authors,
                  agencies=agencies), ("" if credit else rest)


_GLUED = re.compile(r"[a-z][A-Z]")
STAMP_WORDS = 12
STAMP_CHARS = 120  # a time-stamp line is short: a date, a time, a name, a label
_DIGIT = re.compile(r"\d")


def line_stamp(text: str) -> dt.date | None:
    """The date of a time-stamp line ("Updated: 03-10-2019 11:20 IST", "Jane Doe|Jan 13,
    2019"), else None: a stamp is short, has a digit and few words."""
    if len(text) > STAMP_CHARS or _DIGIT.search(text) is None:
        return None  # cheap tests first
    if len(_WORD.findall(text)) > STAMP_WORDS:
        return None
    return stamp_date(text)


def is_stamp_line(text: str) -> bool:
    return line_stamp(text) is not None


def headline_candidate(text: str, *, min_words: int = 3) -> bool:
    """A title line that is not site furniture: not a time stamp, a credit, a byline, a
    caption, a bare address or an agency's name alone ("The Associated Press")."""
    if not is_title_like(text, min_words=min_words) or strip_read_more(text)[1]:
        return False  # "Headline ... read more" is a teaser's text, not a title
    body = debullet(text)
    if _BY_START.match(body) or _DOMAIN.match(body) or is_boilerplate(body):
        return False
    if len(_GLUED.findall(body)) >= 3:
        return False  # "FinancialGovernment SolutionsLegal...": menu items run together
    if is_stamp_line(body):
        return False  # "Jane Doe|Jan 13, 2019", "28 de October de 2021"
    # "The Associated Press", "Kyodo, Staff Report": an agency's name is a credit, no title
    return agency_code(_CREDIT_FILLER.sub(" ", body).strip(" ,;|-")) is None


# Words of a news source's or a section's name, never of a person's.
_SOURCE_WORDS = frozenset(
    (
        "market", "markets", "news", "media", "online", "times", "post", "daily", "weekly",
        "press", "capital", "group", "digital", "network", "world", "business", "politics",
        "sports", "live", "today", "editorial", "opinion", "tv", "radio", "desk", "staff",
        "bureau", "service", "wire", "agency", "team", "report",
    )
)


def _echo(previous: str, text: str) -> bool:
    """A title line right under the same title: listings print an item's title twice (its
    picture's text and its link); the second copy is furniture."""
    return text == previous and headline_candidate(text, min_words=2)


def _credit_then_caption(above: str, line: str) -> bool:
    """"Reuters file photo" then a few words under it: the picture's caption, no title."""
    return len(line.split()) <= 5 and len(above.split()) <= 6 and is_caption(above)


def _source_under_title(headline: str, line: str) -> bool:
    """"Focus Taiwan", "Taipei Times" under a title of five words or more: the name of the
    paper the story comes from, printed above its stamp and byline."""
    words = line.split()
    return (
        len(words) <= 3
        and all(w[:1].isupper() and w.isalpha() for w in words)
        and len(headline.split()) >= 5
        and headline_candidate(headline, min_words=5)
    )


def _is_deck(headline: str, line: str) -> bool:
    """Whether `line`, right under the title line `headline`, is its deck (a standfirst or
    a photo caption printed between headline and dateline) rather than the title itself:
    the title is the shorter, the deck runs on or ends as a sentence."""
    if not headline_candidate(headline, min_words=4) or is_caption(headline):
        return False
    if is_caption(line):
        return True
    words = line.split()
    head_words = len(headline.split())
    if len(words) < max(10, head_words + 4):
        return False
    # Sentence case: a deck capitalises few words; a title-cased line is a title or a label.
    capitals = sum(1 for w in words[1:] if w[:1].isupper())
    return capitals <= len(words) // 3


def _sentence_like(text: str) -> bool:
    """Running text even without its full stop (a page's copy may end mid-sentence): long,
    and most of its words in lower case."""
    words = text.split()
    if len(text) < 60 or len(words) < 10:
        return False
    return sum(1 for w in words if w[:1].islower()) * 2 >= len(words)


def _is_prose(text: str) -> bool:
    return len(text) >= 60 and not is_title_like(text)


# ---------------------------------------------------------------- flattened pages


def _structural_cuts(
    text: str, dump_date: dt.date | None
) -> tuple[set[int], list[tuple[int, int]]]:
    """Cuts that only a flattened page has inside one line: a dateline after other text,
    a "read more" with text after it, page furniture after text. Also the dateline spans,
    which no later cut may split."""
    protected: list[tuple[int, int]] = []
    cuts: set[int] = set()
    pos = 0
    while pos < len(text):
        # Search a window, not the whole rest: a page with thousands of datelines must
        # not cost a copy of the rest of the line per dateline.
        window = text[pos : pos + _WINDOW]
        found = match_dateline(window, dump_date, anywhere=True)
        if found is None:
            if pos + _WINDOW >= len(text):
                break
            pos += _WINDOW - _OVERLAP  # a dateline across the seam lies in the next window
            continue
        if found.end > len(window) - _OVERLAP and pos + _WINDOW < len(text):
            again = match_dateline(text[pos + found.start : pos + found.start + _WINDOW],
                                   dump_date)
            if again is not None:  # the window's end may have cut the dateline short
                found = replace(again, start=found.start, end=found.start + again.end)
        start, end = pos + found.start, pos + found.end
        if not is_caption(text[max(0, start - 120) : end]):
            cuts.add(start)
            protected.append((start, end))
        pos = max(end, pos + 1)
    for match in _READ_MORE_ANYWHERE.finditer(text):
        cuts.add(match.end())
    for match in _FLAT_CUT_BEFORE.finditer(text):
        cuts.add(match.start() if not match.group(0)[:1].isspace() else match.end())
    tail = len(text.rstrip())
    return {c for c in cuts if 0 < c < tail and text[c:].strip()}, protected


def _segment(text: str, dump_date: dt.date | None, *, force: bool) -> list[str] | None:
    """A flattened line cut into blocks (sentences and structure), or None when the line
    shows no sign of being a flattened page."""
    cuts, protected = _structural_cuts(text, dump_date)
    if not cuts and not force:
        return None
    for match in _SENTENCE_END.finditer(text):
        if not _NO_CUT_AFTER.search(text[max(0, match.start() - 24) : match.start() + 1]):
            cuts.add(match.end())
    starts = [s for s, _ in protected]  # spans are disjoint and in order
    ordered = []
    for cut in sorted(cuts):
        at = bisect.bisect_left(starts, cut) - 1
        if at < 0 or not protected[at][0] < cut < protected[at][1]:
            ordered.append(cut)
    pieces: list[str] = []
    last = 0
    for cut in [*ordered, len(text)]:
        piece = text[last:cut].strip()
        if piece:
            pieces.append(piece)
        last = cut
    return pieces


def _units(lines: list[str], dump_date: dt.date | None) -> list[_Unit]:
    few = len(lines) <= FLAT_MAX_LINES
    units: list[_Unit] = []
    for line in lines:
        pieces = None
        if few and len(line) >= FLAT_MIN_CHARS:
            pieces = _segment(line, dump_date, force=len(line) >= FLAT_LINE_CHARS)
        if pieces is None:
            units.append(_Unit(line))
        else:
            units.extend(_Unit(piece) for piece in pieces)
    return units


# ---------------------------------------------------------------- hard-wrapped text


def _blocks(text: str) -> list[list[str]]:
    """Non-blank lines, grouped into the blocks that blank lines separate."""
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def wrap_width(blocks: list[list[str]]) -> int | None:
    """The column a dump was hard-wrapped at, or None when it shows no sign of wrapping.

    A wrapped dump's inner lines (all but each block's last) crowd just under one width;
    a dump with one paragraph per line has many inner lines far longer than any wrap.
    """
    inner = [len(line) for block in blocks if len(block) >= 2 for line in block[:-1]]
    fitting = [n for n in inner if n <= WRAP_MAX]
    if len(inner) < 2 or not fitting:
        return None
    width = max(fitting)
    if width < WRAP_MIN:
        return None
    near = len([n for n in inner if width - WRAP_SLACK <= n <= width])
    longer = len(inner) - len(fitting)  # short inner lines (lists, labels) say nothing
    return width if near >= 2 and near >= 0.7 * (near + longer) else None


def _ends_sentence(line: str) -> bool:
    return line.rstrip("\"'”’)]").endswith((".", "!", "?", ":", ";"))


def _is_wrapped_block(block: list[str], width: int, dump_date: dt.date | None) -> bool:
    """Whether a block is one paragraph of prose broken at `width` columns: every inner
    line is full (the next line's first word would not have fitted), few inner lines end a
    sentence, and no line is a header, a subhead, furniture or a list item."""
    # `width` is the longest inner line seen, which may fall a word short of the real wrap
    # column that a last line can reach; a "read more" marker may run past it, too.
    last = strip_read_more(block[-1])[0]
    if len(block) < 2 or any(len(line) > width + 1 for line in block[:-1]):
        return False
    if len(last) > width + WRAP_SLACK // 2:
        return False
    inner = block[:-1]
    for line, following in zip(inner, block[1:], strict=True):
        if len(line) + 1 + len(following.split()[0]) <= width - 1:
            return False  # room for another word: the writer broke the line on purpose
    if sum(_ends_sentence(line) for line in inner) > len(inner) // 3:
        return False
    for index, line in enumerate(block):
        if line[:1] in _BULLETS or (line[:3].lower() == "by " and parse_byline(line)):
            return False  # "by the ministry ..." may open a wrapped line; a byline may not
        # Page furniture starts with a capital ("Share this", "Related Links"); a wrapped
        # line of prose may well start "more from the ministry" or "share of the vote".
        furniture = not line[:1].islower() and is_boilerplate(line)
        if furniture or is_caption(line) or subhead_text(line) is not None:
            return False
        if is_read_more_only(line) or (index < len(block) - 1 and strip_read_more(line)[1]):
            return False
        found = match_dateline(line, dump_date)
        if found is not None and (index > 0 or not line[found.end :].strip()):
            return False  # a dateline may open the paragraph, never sit inside it
    return True


def join_wrapped(lines: list[str]) -> str:
    """One paragraph from its wrapped lines; a word hyphenated at a line end stays whole
    ("well-" + "known" -> "well-known")."""
    text = lines[0]
    for line in lines[1:]:
        glue = "" if re.search(r"[^\W\d_]-$", text) and line[:1].isalpha() else " "
        text += glue + line
    return text


def unwrap_lines(text: str, dump_date: dt.date | None) -> list[str]:
    """The dump's non-blank lines, with each hard-wrapped paragraph joined into one line.
    Dumps with one paragraph per line come back line for line."""
    blocks = _blocks(text)
    width = wrap_width(blocks)
    lines: list[str] = []
    for block in blocks:
        if width is not None and _is_wrapped_block(block, width, dump_date):
            lines.append(join_wrapped(block))
        else:
            lines.extend(block)
    return lines


# ---------------------------------------------------------------- the splitter


class _Splitter:
    """One pass over a dump's units; state is the story being filled."""

    def __init__(
        self,
        dump_date: dt.date | None,
        chrome: frozenset[str] = frozenset(),
        subheads: frozenset[str] = frozenset(),
        page_date: dt.date | None = None,
    ) -> None:
        self.dump_date = dump_date
        self.page_date = page_date  # the page's own time stamp (pagedate.py)
        self.chrome = chrome  # the page's caption and related-link blocks (HTML)
        self.subheads = subheads  # the page's h2-h4 blocks in the article's flow (HTML)
        self.stories: list[_Draft] = []
        self.leftover: list[str] = []
        self.current: _Draft | None = None
        self.footer = False
        self.pending: list[str] = []  # title-like units held back in a closed/footer state
        self.pending_credits: list[str] = []  # credit lines above the next story's dateline
        self.digest: str | None = None  # the agency whose digest the page is
        self.expect_headline = False  # a stamp opened a story whose title comes next
        self.stamps_trail: bool | None = None  # whether a page's stamps follow their stories
        self.body_titles: frozenset[str] = frozenset()  # the page's lines, debulleted
        self._datelines: dict[tuple[str, dt.date | None], _DatelineAt | None] = {}

    # -- recognisers bound to the dump date --------------------------------------------

    def furniture(self, text: str) -> bool:
        """Page furniture: boilerplate, a caption by its wording, or a block the HTML
        reader found inside a caption or a related-links box."""
        return text in self.chrome or is_boilerplate(text) or is_caption(text)

    def dateline_at(self, text: str) -> _DatelineAt | None:
        """(byline, prefix, dateline, rest) when the unit starts with a dateline, or with a
        byline and then a dateline on the same line (SpaceDaily style). `prefix` is the text
        before the dateline (the byline's raw text, or stray page text, or "")."""
        key = (text, self.page_date)
        if key not in self._datelines:  # asked several times per unit: look once
            self._datelines[key] = self._find_dateline(text)
        return self._datelines[key]

    def _find_dateline(self, text: str) -> _DatelineAt | None:
        if text in self.chrome or is_caption(text):
            return None
        found = match_dateline(text, self.dump_date, page_date=self.page_date)
        if found is None and _BY_START.match(text):
            found = match_dateline(text, self.dump_date, anywhere=True, page_date=self.page_date)
            if found is not None and parse_byline(text[: found.start].strip()) is None:
                found = None
        if found is None and (len(text) <= 200 or strip_read_more(text)[1]):
            # A dateline sharing its line with a teaser headline or a section label.
            found = match_dateline(text, self.dump_date, anywhere=True, page_date=self.page_date)
            head = text[: found.start].strip().rstrip(_PREFIX_TAIL) if found else ""
            if found is not None and not (_label_like(head) or _residue_like(head)):
                found = None
        elif found is None:
            # A long line: a dateline after a stamp or image residue, running into its
            # first sentence ("Thursday, 3 October 2019 () Nairobi (AFP) Oct 3, 2019 ...").
            early = match_dateline(
                text[:RESIDUE_REACH], self.dump_date, anywhere=True, page_date=self.page_date
            )
            if early is not None and _residue_like(text[: early.start]):
                again = match_dateline(
                    text[early.start :], self.dump_date, page_date=self.page_date
                )
                if again is not None:
                    found = replace(again, start=early.start, end=early.start + again.end)
        if found is None:
            return None
        start, dateline, end = self._tighten(text, found.start, found.dateline, found.end)
        prefix = text[:start].strip().rstrip(_PREFIX_TAIL)
        byline = parse_byline(prefix) if _BY_START.match(prefix) else None
        return byline, prefix, dateline, text[end:].strip()

    def _tighten(
        self, text: str, start: int, dateline: Dateline, end: int
    ) -> tuple[int, Dateline, int]:
        """A section label run into the dateline ("Middle East  Amman (AFP) ...") makes an
        unknown place; when a later word starts a dateline with a known place, use that."""
        place = dateline.place or ""
        if len(place.split()) < 2:
            return start, dateline, end
        if dateline.country is not None and find_city(place) is not None:
            return start, dateline, end  # "Rio de Janeiro", "New York": the whole is a city
        for word in re.finditer(r"(?<=\s)\S", text[start : start + len(dateline.raw)]):
            at = start + word.start()
            found = match_dateline(text[at:], self.dump_date, page_date=self.page_date)
            if (
                found is not None
                and found.start == 0
                and found.dateline.country is not None
                and (dateline.country is None or find_city(found.dateline.place or "")
                     is not None)
            ):  # fmt: skip
                return at, found.dateline, at + found.end
        return start, dateline, end

    def byline_at(self, text: str) -> Byline | None:
        found = self.byline_split(text)
        return found[0] if found else None

    def byline_split(self, text: str) -> tuple[Byline, str] | None:
        """(byline, tail) for a "By ..." line; pages often run a time stamp or a role into
        the byline line ("By Ann LEE 14 November 2017"): the tail is cut off for leftover.
        Web pages also print the name without "By", beside a stamp or an agency."""
        if len(text) > 160:
            return None
        if not _BY_START.match(text):
            return web_byline(text)
        byline = parse_byline(text) if len(text) <= 120 else None
        if byline is not None:
            return byline, ""
        tail = _BYLINE_TAIL.search(text, 4)
        if tail is None:
            return None
        byline = parse_byline(text[: tail.start()].strip())
        if byline is None:
            return None
        return byline, text[tail.start() :].strip()

    def _date_story_above(self, stamp: dt.date) -> None:
        """On a page whose first stamp comes after its first story's text (listings that
        print "title, lede, Jun 19, 2019 9:30 PM"), each stamp dates the story above it."""
        current = self.current
        assert current is not None
        opened = current.dateline is not None and bool(current.paragraphs)
        if self.stamps_trail is None:
            self.stamps_trail = opened
        dateline = current.dateline
        if (
            self.stamps_trail
            and opened
            and dateline is not None
            and dateline.date_source in ("page_date", "dump_date")
        ):
            current.dateline = replace(dateline, date=stamp, date_source="page_date")

    def _name_over_stamp(self, units: list[_Unit], index: int) -> bool:
        """"Jane Doe" alone on a line, then "Published 11.12.2020": the byline of a story
        whose headline (and perhaps a standfirst) came just before, in a web page's form."""
        current = self.current
        assert current is not None
        if (
            current.headline is None
            or current.byline is not None
            or current.dateline is not None
            or len(current.paragraphs) > 1
            or index + 1 >= len(units)
            or line_stamp(units[index + 1].text) is None
        ):
            return False
        text = units[index].text
        words = text.split()
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
            return False
        if any(ch.isdigit() or ch in ",.:;!?|()" for ch in text):
            return False
        if any(w.lower() in _SOURCE_WORDS for w in words):
            return False  # "Capital Market", "Business Desk": a source, not a person
        byline = parse_byline("By " + text)
        return byline is not None and len(byline.authors) == 1 and not byline.agencies

    # -- story bookkeeping ---------------------------------------------------------------

    def start_story(self) -> _Draft:
        draft = _Draft()
        if self.pending:
            *chrome, headline = self.pending
            draft.headline = debullet(headline)
            self.leftover.extend(chrome)
            self.pending = []
        elif self.current is not None and not self.current.closed:
            draft.headline = self._steal_headline(self.current)
        draft.credits.extend(self.pending_credits)
        self.pending_credits = []
        self.stories.append(draft)
        self.current = draft
        self.footer = False
        return draft

    def _steal_headline(self, previous: _Draft) -> str | None:
        """The previous story's last title-like paragraph is the next story's headline,
        when only furniture follows it ("Thu Aug 7, 11:58 AM ET", "(Information in the
        following story is from: ...)"); the previous story keeps at least one paragraph
        and the furniture goes to leftover."""
        if len(previous.paragraphs) < 2 and previous.dateline is None:
            return None
        paras = previous.paragraphs
        for back in range(1, min(STEAL_REACH, len(paras)) + 1):
            candidate = paras[-back]
            if candidate.kind == "text" and _teaser_headline_like(candidate.text, min_words=2):
                if back == len(paras) and previous.dateline is None:
                    return None  # the previous story would keep nothing
                tail = paras[len(paras) - back + 1 :]
                del paras[len(paras) - back :]
                self.leftover.extend(p.text for p in tail)
                if len(paras) > 1 and _kicker(paras[-1].text):
                    # "Irbid City" over "Self-Help Groups bring ...": a section label above
                    # the headline, no paragraph of the story before it.
                    self.leftover.append(paras.pop().text)
                return debullet(candidate.text)
            if candidate.kind != "text" or _is_prose(candidate.text) or len(candidate.text) > 120:
                return None
        return None

    def flush_pending(self) -> None:
        self.leftover.extend(self.pending)
        self.pending = []

    def add_paragraph(self, text: str, kind: str = "text") -> None:
        assert self.current is not None
        self.current.paragraphs.append(Paragraph(kind, text))  # type: ignore[arg-type]

    def add_text(self, text: str) -> None:
        """A body line: maybe a teaser's end, a subhead, or plain text."""
        assert self.current is not None
        if not _ALNUM.search(text):
            self.leftover.append(text)  # stray punctuation or rules ("___") is no paragraph
            return
        body, teaser = strip_read_more(text)
        if teaser and body and not _ALNUM.search(body):
            self.leftover.append(body)  # "• …read more": the bullet is no paragraph
            body = ""
        if teaser:
            story = self.current
            if story is self.stories[0] and self._main_is_full(story):
                # A dateline-less teaser below a full main story.
                story = self.start_story()
            if body:
                self.add_paragraph(body)
            story.is_teaser = True
            story.closed = True
            return
        sub = subhead_text(text)
        if sub is not None:
            self.add_paragraph(sub, "subhead")
        else:
            self.add_paragraph(text)

    # -- the main loop -------------------------------------------------------------------

    def run(self, units: list[_Unit], headline: str | None, meta_title: str | None) -> None:
        self.body_titles = frozenset(debullet(u.text) for u in units)
        main = _Draft(headline=headline)
        self.stories.append(main)
        self.current = main
        start = self._main_start(units)
        if start is None:
            # No byline/dateline opens the page: the main story has none; chrome above
            # its headline is leftover, the rest runs through the ordinary loop.
            at = self._find_headline(units, main, meta_title, dateline_follows=False)
            if at is not None:
                self.leftover.extend(u.text for u in units[:at])
                main.headline = debullet(units[at].text)
            start = 0 if at is None else at + 1
            if main.headline is None and meta_title:
                main.headline = _clean_title(meta_title)
        else:
            self._preamble(units[:start], main, meta_title)
        for index in range(start, len(units)):
            if index and _echo(units[index - 1].text, units[index].text):
                self.leftover.append(units[index].text)  # a title printed twice (link, alt)
                continue
            self._step(units, index)
        self.flush_pending()
        self.trim_trailing_chrome()

    def _main_start(self, units: list[_Unit]) -> int | None:
        """Index of the first byline/dateline unit, unless solid prose comes before it and
        that dateline opens a teaser: then the prose is a dateline-less main story."""
        prose = 0
        for index, unit in enumerate(units):
            text = unit.text
            if self.furniture(text):
                continue
            if self.dateline_at(text) is not None or self.byline_at(text) is not None:
                if prose >= STORY_BEFORE_DATELINE:
                    return None  # a whole story without a dateline comes first
                return None if prose >= 2 and self._opens_teaser(units, index) else index
            if _is_prose(text):
                prose += 1
        return None

    def _opens_teaser(self, units: list[_Unit], index: int) -> bool:
        """Whether the story starting at `index` ends in "read more" within a few blocks."""
        for offset, unit in enumerate(units[index : index + 5]):
            if offset and self.dateline_at(unit.text) is not None:
                return False
            if strip_read_more(unit.text)[1] or is_read_more_only(unit.text):
                return True
        return False

    def _find_headline(
        self, pre: list[_Unit], main: _Draft, meta_title: str | None, dateline_follows: bool
    ) -> int | None:
        """Index of the headline line: the one the header or page title names, else a guess."""
        wanted = _norm(main.headline or meta_title or "")
        if wanted:
            for index, unit in enumerate(pre):
                norm = _norm(unit.text)
                if norm == wanted or (
                    main.headline is None and len(norm) >= 12 and wanted.startswith(norm + " ")
                ):
                    return index
        if main.headline is not None:
            return None
        return self._guess_headline(pre, dateline_follows)

    def _preamble(self, pre: list[_Unit], main: _Draft, meta_title: str | None) -> None:
        """Lines before the main story's byline/dateline: headline, chrome, maybe a standfirst."""
        stamps = [day for unit in pre if (day := line_stamp(unit.text)) is not None]
        if stamps:
            # The stamp nearest above the dateline dates the story (not the page's first),
            # and tells that this page prints its stamps before its stories.
            self.page_date = stamps[-1]
            self.stamps_trail = False
        at = self._find_headline(pre, main, meta_title, dateline_follows=True)
        if at is not None:
            main.headline = debullet(pre[at].text)
        elif main.headline is None and meta_title:
            main.headline = _clean_title(meta_title)
        for index, unit in enumerate(pre):
            text = unit.text
            if index == at:
                continue
            if at is not None and index < at:
                self.leftover.append(text)  # page chrome above the headline
            elif credit_line(text):
                main.credits.extend(credit_line(text))  # "The Associated Press" by the title
                self.leftover.append(text)
            elif _is_prose(text) and not self.furniture(text):
                self.add_text(text)  # a standfirst: story text printed before the dateline
                main.standfirst = len(main.paragraphs)
            else:
                self.leftover.append(text)

    def _guess_headline(self, pre: list[_Unit], dateline_follows: bool) -> int | None:
        if dateline_follows:
            # The closest title line above the byline/dateline, looking past furniture
            # (time stamps, credits, captions, labels) and a standfirst.
            for index in range(len(pre) - 1, max(-1, len(pre) - HEADLINE_REACH), -1):
                text = pre[index].text
                if text not in self.chrome and headline_candidate(text, min_words=2):
                    if index and _credit_then_caption(pre[index - 1].text, text):
                        continue
                    stamped = any(line_stamp(u.text) for u in pre[index + 1 :])
                    while index and (
                        _source_under_title(pre[index - 1].text, pre[index].text)
                        or not stamped and _is_deck(pre[index - 1].text, pre[index].text)
                    ):
                        index -= 1  # a headline with a deck or two, or its source, under it
                    return index
            return None
        # No dateline: the first title line in the page's head that prose follows (past
        # stamps, bylines and captions); page chrome above it is passed over.
        for index, unit in enumerate(pre[:HEAD_SCAN]):
            text = unit.text
            if self.furniture(text):
                continue
            if _is_prose(text):
                return None  # the body has begun with no headline above it
            if headline_candidate(text, min_words=2) and self._prose_follows(pre, index):
                return index
        return None

    def _prose_follows(self, units: list[_Unit], index: int) -> bool:
        """Whether body text follows a title line, with only furniture in between."""
        for unit in units[index + 1 : index + 6]:
            text = unit.text
            if self.furniture(text):
                continue
            if _is_prose(text):
                return True
            if headline_candidate(text):
                return False  # another title first: this line was a label or a link
        return False

    def _step(self, units: list[_Unit], index: int) -> None:
        text = units[index].text
        current = self.current
        assert current is not None
        if text in self.chrome:
            self.flush_pending()
            self.leftover.append(text)  # a caption or a related link, whatever it reads like
            return
        found = self.dateline_at(text)
        stamp = line_stamp(text) if found is None else None
        if stamp is not None:
            # "Jane Doe | Oct 3, 2019", "Published on Nov 19, 2013": the time stamp of the
            # story below; it dates that story's dateline and is no paragraph.
            self._date_story_above(stamp)
            self.page_date = stamp
            if self.byline_split(text) is None:
                codes = credit_line(text)  # "THE CANADIAN PRESS | posted Thursday, ..."
                if codes and not (self.footer or current.closed):
                    self._credit(units, index, codes)
                self.leftover.append(text)
                self._stamp_between_stories(units, index)
                return
        codes = credit_line(text) if found is None else ()
        if codes and self.byline_split(text) is None and not (self.footer or current.closed):
            # (A credit in the footer or after a teaser is the site's name: no story's.)
            if not (current.paragraphs and signoff_agencies(text)):
                self._credit(units, index, codes)
                self.leftover.append(text)
                return
            current.credits.extend(codes)  # "- AFP" closing the text: it stays a paragraph
        if found is not None:
            byline, prefix, dateline, rest = found
            if not self._fits_header_zone(current, byline):
                current = self.start_story()
            if byline is not None:
                current.byline = byline
            elif prefix and current.headline is None and headline_candidate(prefix):
                current.headline = debullet(prefix)  # "Headline  Tehran (AFP) Nov 8 - ..."
            elif prefix:
                self.leftover.append(prefix)
            current.dateline = dateline
            if rest and (
                is_boilerplate(rest)
                or _TIME_ONLY.match(rest)
                or _NAV_TAIL.match(rest)
                or is_stamp_line(rest)
            ):
                self.leftover.append(rest)  # "| Share | Tweet", "14:32 GMT" after the dateline
            elif rest:
                self.add_text(rest)
            return
        if is_boilerplate(text) or is_caption(text):
            # Photo captions carry other dates and agencies: page furniture, not story text.
            self.flush_pending()
            self.leftover.append(text)
            if is_terminal(text) and current.paragraphs:
                self.footer = True
            return
        split = self.byline_split(text)
        glued = glued_byline(text) if split is None else None
        if glued is not None and (
            self._byline_opens_story(units, index)
            or (index and headline_candidate(units[index - 1].text, min_words=2))
        ):
            byline, rest = glued
            if not self._fits_header_zone(current, byline, byline_only=True):
                current = self.start_story()
            current.byline = byline
            self.add_text(rest)
            return
        if split is None and self._name_over_stamp(units, index):
            byline = parse_byline("By " + text)
            assert byline is not None
            current.byline = Byline(raw=text, authors=byline.authors)
            return
        if split is not None and self._byline_opens_story(units, index):
            byline, tail = split
            if not self._fits_header_zone(current, byline, byline_only=True):
                current = self.start_story()
            current.byline = byline
            if tail:
                self.leftover.append(tail)
            return
        if is_read_more_only(text):
            self.flush_pending()
            if not current.closed and current.paragraphs and current is not self.stories[0]:
                current.is_teaser = True
                current.closed = True
            self.leftover.append(text)
            return
        if (
            current.byline is not None
            and current.dateline is None
            and len(current.paragraphs) <= current.standfirst
            and not _is_prose(text)
            and self._dateline_ahead(units, index)
        ):
            self.leftover.append(text)  # "3 Min Read", a time stamp: between byline and dateline
            return
        if self.footer or current.closed:
            lede = (
                self.pending
                and current.closed
                and not self.footer
                and (_is_prose(text) or index == len(units) - 1 and _sentence_like(text))
            )  # (the page's copy may end mid-sentence: its last line is a lede cut short)
            if strip_read_more(text)[1]:
                self.start_story()
                self.add_text(text)
            elif _teaser_headline_like(text) and not lede:
                self.pending.append(text)
            elif lede:
                # A headline and its lede after a teaser: the next teaser, cut off before
                # its "read more" (or printed without one).
                story = self.start_story()
                story.is_teaser = current.is_teaser
                self.add_text(text)
            elif self.pending and len(text) < 60 and not _ends_sentence(text):
                self.leftover.append(text)  # a photo's name under a teaser's headline
            else:
                self.flush_pending()
                self.leftover.append(text)
            return
        if text in self.subheads and self._body_heading(units, index):
            self.add_paragraph(subhead_text(text) or text, "subhead")
            return
        if self.expect_headline:
            self.expect_headline = False
            if current.headline is None and not current.paragraphs and headline_candidate(
                text, min_words=2
            ):
                current.headline = debullet(text)
                return
        self.add_text(text)

    def _stamp_between_stories(self, units: list[_Unit], index: int) -> None:
        """A stamp after a story's body, beside a title with text under it, starts the next
        story (a blog or archive page: title, date, text, title, date, text)."""
        current = self.current
        assert current is not None
        if current.closed or self.footer or len(current.paragraphs) <= current.standfirst + 1:
            return
        last = current.paragraphs[-1]
        if last.kind == "text" and _teaser_headline_like(last.text, min_words=2):
            self.start_story()  # title, then its stamp: the title is stolen as headline
            return
        ahead = [u.text for u in units[index + 1 : index + 3]]
        if len(ahead) == 2 and headline_candidate(ahead[0], min_words=2) and _is_prose(ahead[1]):
            self.start_story()
            self.expect_headline = True  # stamp, then the title of the story below

    def _credit(self, units: list[_Unit], index: int, codes: tuple[str, ...]) -> None:
        """A credit line ("- Bernama", "Source: APP", "The Associated Press") credits the
        story it closes, or the one whose dateline follows it when a body stands above."""
        current = self.current
        assert current is not None
        if len(current.paragraphs) > current.standfirst and self._dateline_ahead(units, index):
            self.pending_credits.extend(codes)
        else:
            current.credits.extend(codes)

    def _body_heading(self, units: list[_Unit], index: int) -> bool:
        """Whether an HTML heading is a subhead: it follows the story's first body paragraph
        and body text follows it. A heading right before a dateline, a byline that opens a
        story or a teaser's "read more" is that story's headline; one right before a section
        label or the page's end labels what comes next."""
        current = self.current
        assert current is not None
        text = units[index].text
        if len(current.paragraphs) <= current.standfirst or not _ALNUM.search(text):
            return False
        if strip_read_more(text)[1]:
            return False
        for at in range(index + 1, len(units)):
            following = units[at].text
            if following in self.chrome or is_caption(following):
                continue  # a photo between a subhead and its section
            if self.dateline_at(following) is not None:
                return False
            if is_terminal(following) or is_section_label(following):
                return False
            if is_boilerplate(following):
                continue  # "Advertisement" inside the body
            if self.byline_split(following) is not None and self._byline_opens_story(units, at):
                return False
            return not (strip_read_more(following)[1] or is_read_more_only(following))
        return False

    def _fits_header_zone(
        self, story: _Draft, byline: Byline | None, *, byline_only: bool = False
    ) -> bool:
        """Whether a byline/dateline still belongs to `story` (its header is not done)."""
        if story.closed or len(story.paragraphs) > story.standfirst:
            return False
        if byline_only:
            return story.byline is None  # a byline may follow the dateline, too
        if story.dateline is not None:
            return False
        return byline is None or story.byline is None

    @staticmethod
    def _main_is_full(story: _Draft) -> bool:
        """Whether the main story already has a body of its own, so that a "read more"
        paragraph below it is another story's teaser rather than its own end."""
        if not story.paragraphs:
            return False
        if story.dateline is not None or story.byline is not None or len(story.paragraphs) > 1:
            return True
        return is_title_like(story.paragraphs[-1].text)

    def _dateline_ahead(self, units: list[_Unit], index: int) -> bool:
        return any(self.dateline_at(u.text) is not None for u in units[index + 1 : index + 4])

    def _byline_opens_story(self, units: list[_Unit], index: int) -> bool:
        """A lone "By ..." line is a byline when a story header is open or a dateline
        follows it; inside running text it stays a paragraph."""
        current = self.current
        assert current is not None
        if not current.paragraphs and not current.closed and current.byline is None:
            return True
        titled = index > 0 and headline_candidate(units[index - 1].text, min_words=2)
        for unit in units[index + 1 : index + 4]:
            if self.furniture(unit.text):
                continue
            # A dateline follows, or a title stands above and the text begins below.
            return self.dateline_at(unit.text) is not None or (
                titled and (_is_prose(unit.text) or _sentence_like(unit.text))
            )
        return False

    # -- output --------------------------------------------------------------------------

    def trim_trailing_chrome(self) -> None:
        """Footer links run on after the last story ("About us", "Contact"): short
        fragments that are no sentence and credit no agency go to leftover."""
        story = self.current
        if story is None or story.closed:
            return
        tail: list[str] = []
        while len(story.paragraphs) > 1:
            last = story.paragraphs[-1]
            if last.kind != "text" or not _chrome_fragment(last.text):
                break
            tail.append(story.paragraphs.pop().text)
        self.leftover.extend(reversed(tail))

    def result(self) -> SplitResult:
        stories: list[Story] = []
        drafts = [d for d in self.stories if not d.empty or d is self.stories[0]]
        # A title line that opened a story with nothing under it is kept, as leftover.
        dropped = [d.headline for d in self.stories[1:] if d.empty and d.headline]
        if self.stories[0].empty:
            drafts = drafts[1:]
            if self.stories[0].headline and drafts and drafts[0].headline is None:
                drafts[0].headline = self.stories[0].headline
            elif self.stories[0].headline:
                dropped.insert(0, self.stories[0].headline)
        # (A headline from the dump's header or the HTML title is no body line: not kept.)
        dropped = [h for h in dropped if h in self.body_titles]
        self.leftover.extend(dropped)
        if not drafts:
            raise DumpError(RejectReason.NO_STORY, "no story text: every line is page furniture")
        drafts = [piece for draft in drafts for piece in _split_listing(draft)]
        if _is_listing(drafts):
            # On a page of ledes, one title over one lede is an item too, not a subhead.
            drafts = [piece for d in drafts for piece in _split_listing(d, in_listing=True)]
        if self.digest is not None:
            for draft in drafts:  # "Kyodo News Digest": each brief is the agency's
                draft.credits.append(self.digest)
        if _is_listing(drafts):
            # Where the page marks its teasers ("read more"), the unmarked main story is the
            # full one; a story with a byline is a story in full, too.
            marked = any(d.is_teaser for d in drafts[1:])
            for index, draft in enumerate(drafts):
                if index == 0 and marked:
                    continue
                draft.is_teaser = draft.is_teaser or _listing_teaser(draft, main=index == 0)
        for position, draft in enumerate(drafts):
            stories.append(
                Story(
                    position=position,
                    role="main" if position == 0 else "related",
                    is_teaser=draft.is_teaser,
                    headline=draft.headline,
                    byline=draft.byline,
                    dateline=draft.dateline,
                    agencies=_story_agencies(draft),
                    paragraphs=tuple(draft.paragraphs),
                )
            )
        return SplitResult(tuple(stories), tuple(self.leftover))


LISTING_ITEM_MAX = 2  # paragraphs under each title in a listing; an article's sections run longer


def _split_listing(draft: _Draft, *, in_listing: bool = False) -> list[_Draft]:
    """A story whose text is a listing (title, a lede or two, title, a lede, ...) is several
    stories: briefs, or teasers when their lede is cut off. Sections of one article run
    longer under their subheads, so only short items under every title count."""
    paras = draft.paragraphs
    last = len(paras) - 1

    def lede(k: int) -> bool:  # the text under a title; the page's last may be cut short
        text = paras[k].text
        return _is_prose(text) or (k == last and len(text) >= 40 and _cut_off(text))

    breaks = [
        j
        for j in range(1, last)
        if paras[j].kind == "text"
        and headline_candidate(paras[j].text, min_words=2)
        and lede(j + 1)
        and not headline_candidate(paras[j - 1].text)
    ]
    if not breaks:
        return [draft]
    bounds = [0, *breaks, len(paras)]
    sizes = [b - a for a, b in zip(bounds, bounds[1:], strict=False)]
    items = [size - 1 for size in sizes[1:]]  # the title is not an item's paragraph
    if max(items) > LISTING_ITEM_MAX:
        return [draft]
    if (
        len(breaks) < 2
        and not in_listing
        and (sizes[0] > LISTING_ITEM_MAX or not _cut_off(paras[-1].text))
    ):
        return [draft]  # one title in a short text: a subhead, unless a teaser follows it
    out = [replace(draft, paragraphs=paras[: breaks[0]])]
    for start, end in zip(breaks, [*breaks[1:], len(paras)], strict=True):
        body = paras[start + 1 : end]
        out.append(
            _Draft(
                headline=debullet(paras[start].text),
                paragraphs=list(body),
                is_teaser=draft.is_teaser or _cut_off(body[-1].text),
                closed=True,
            )
        )
    return out


def _is_listing(drafts: list[_Draft]) -> bool:
    """A page of several stories, most of them a single paragraph: a list of ledes."""
    single = sum(len([p for p in d.paragraphs if p.kind == "text"]) == 1 for d in drafts)
    return len(drafts) >= 2 and 2 * single > len(drafts)


TEASER_LEDE_CHARS = 400  # a listing item whose one paragraph is shorter is a teaser


def _listing_teaser(draft: _Draft, *, main: bool) -> bool:
    """On a page of several stories, an item that shows one short lede, or a lede cut off
    mid-sentence, is a teaser of a story told elsewhere (on the real-page corpus, 4 in 5
    such items are labelled teasers); an item of several paragraphs is a story."""
    texts = [p.text for p in draft.paragraphs if p.kind == "text"]
    if draft.byline is not None:  # a signed story is told in full unless its text is cut
        return bool(texts) and _cut_off(texts[-1]) and len(texts) <= 2
    if len(texts) == 1:
        return len(texts[0]) < TEASER_LEDE_CHARS or (not main and _cut_off(texts[0]))
    return len(texts) == 2 and not main and _cut_off(texts[-1])


def _cut_off(text: str) -> bool:
    """A lede that stops mid-sentence or in an ellipsis: a teaser of a longer story."""
    end = text.rstrip("\"'”’)] ")
    return end.endswith(("...", "…")) or not end.endswith((".", "!", "?"))


def _teaser_headline_like(text: str, *, min_words: int = 3) -> bool:
    """A related story's headline: title-like, and not an ALL-CAPS section label."""
    return headline_candidate(text, min_words=min_words) and any(ch.islower() for ch in text)


KICKER_WORDS = 4  # a label over a headline ("Local Tea-Lovers") is this short


def _kicker(text: str) -> bool:
    return (
        len(_WORD.findall(text)) <= KICKER_WORDS
        and is_title_like(text, min_words=1)
        and not signoff_agencies(text)
    )


def _chrome_fragment(text: str) -> bool:
    """"About us", "Contact": a few words, no sentence end, no agency sign-off."""
    if len(_WORD.findall(text)) > 4 or text.endswith((".", "!", "?", '"', "”", ")")):
        return False
    return not signoff_agencies(text)


RESIDUE_REACH = 160  # how far into a long line a dateline after page residue may start
_AGO = re.compile(
    r"^\d{1,2}\s*(?:hours?|hrs?|minutes?|mins?|uur|heures?|horas?|stunden?|ore)\s+"
    r"(?:ago|geleden)?$|^(?:il\s+y\s+a|hace|vor)\s+\d{1,2}\s+\w+$",
    re.IGNORECASE,
)


def _residue_like(text: str) -> bool:
    """What a page may print before a dateline on its line: image residue ("![]() |"), a
    time stamp ("Thursday, 3 October 2019 ()"), "2 hours ago"."""
    core = text.strip().strip(_PREFIX_TAIL + "()[]!")
    if not _ALNUM.search(core):
        return True
    return is_stamp_line(core) or bool(_AGO.match(core))


def _label_like(text: str) -> bool:
    """Text that may sit before a dateline on its line: a headline or a short label,
    never the end of a sentence (then the "dateline" is part of running prose)."""
    if not text or text.endswith((".", "!", "?", ",", ";", '"', "”")):
        return False
    return is_title_like(text) or is_boilerplate(text) or len(_WORD.findall(text)) <= 3


def _story_agencies(draft: _Draft) -> tuple[str, ...]:
    found: list[str] = []
    if draft.dateline is not None:
        found.extend(draft.dateline.agencies)
    if draft.byline is not None:
        found.extend(draft.byline.agencies)
    found.extend(draft.credits)
    texts = [p.text for p in draft.paragraphs if p.kind == "text"]
    if texts:
        found.extend(signoff_agencies(texts[-1]))
    return tuple(dict.fromkeys(found))


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _clean_title(title: str) -> str | None:
    """A page title without its " | Site name" tail."""
    head = re.split(r"\s+(?:\||–|—|-|::)\s+", title.strip())[0].strip()
    return head or None


REPEATED_MIN = 3  # a short line printed this often on one page is its furniture
REPEATED_CHARS = 60


def _repeated(lines: list[str]) -> frozenset[str]:
    """Short lines a page prints again and again ("Ohio State University" under every
    item, "Share"): a source or section name, never a headline or a paragraph."""
    counts = Counter(line for line in lines if len(line) <= REPEATED_CHARS)
    return frozenset(
        line for line, n in counts.items()
        if n >= REPEATED_MIN and match_dateline(line, None) is None
    )


def _page_date(lines: list[str]) -> dt.date | None:
    """The page's own time stamp among its first lines; a dateline's date is the story's,
    not the page's, so dateline lines are passed over."""
    for line in lines[:HEAD_LINES]:
        found = stamp_date(line)
        if found is None:
            continue
        dateline = match_dateline(line, None)
        if dateline is None:
            return found
        rest = line[dateline.end :]  # "AFP | Nairobi | Updated: 03-10-2019 11:20 IST"
        if (stamp := line_stamp(rest)) is not None:
            return stamp
    return None


def split_text(
    text: str,
    *,
    dump_date: dt.date | None,
    headline: str | None = None,
    meta_title: str | None = None,
    chrome: frozenset[str] = frozenset(),
    subheads: frozenset[str] = frozenset(),
) -> SplitResult:
    """Split a dump's text (header line already removed) into stories and leftover.

    `headline` comes from the dump's header line; `meta_title` from HTML metadata is a
    fallback and a hint for which line is the headline. Raises DumpError(NO_STORY) when
    nothing but page furniture is left. `chrome` holds lines known to be captions or
    related links (from the HTML reader): they go to leftover. `subheads` holds the page's
    h2-h4 heading blocks (HTML): inside a story's body they become subhead paragraphs.
    """
    lines = unwrap_lines(text, dump_date)
    chrome = chrome | _repeated(lines)
    splitter = _Splitter(dump_date, chrome, subheads, _page_date(lines))
    splitter.digest = next(
        (code for line in lines[:HEAD_LINES] if (code := digest_agency(line))), None
    )
    splitter.run(_units(lines, dump_date), headline, meta_title)
    return splitter.result()
