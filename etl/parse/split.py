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

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import pairwise

from etl.agencies import home_country
from etl.model import Byline, Dateline, DumpError, Paragraph, RejectReason, Story
from etl.parse.agencies import (
    SOURCE_LABELS,
    agency_code,
    author_page_agency,
    copyright_agencies,
    credit_line,
    digest_agency,
    digest_lead,
    masthead_agency,
    mirror_source_agency,
    section_agency,
    signoff_agencies,
    source_label,
    split_agencies,
    title_sources,
)
from etl.parse.byline import glued_byline, parse_byline
from etl.parse.cjk import reporter_names, reporters_at
from etl.parse.dateline import (
    HOUSE_DASH_KNOWN,
    DatelineMatch,
    caps_dash,
    house_dateline,
    match_cut_dateline,
    match_dateline,
    no_date,
    run_in_dateline,
)
from etl.parse.draft import Draft
from etl.parse.fields import read_record
from etl.parse.lines import (
    ALNUM,
    BULLET_MARKS,
    BULLETS,
    BY_START,
    BYLINE_TAIL,
    NAV_TAIL,
    PREFIX_TAIL,
    TIME_ONLY,
    WORD,
    all_caps,
    credit_then_caption,
    debullet,
    ends_sentence,
    headline_candidate,
    is_bare_stamp,
    is_boilerplate,
    is_caption,
    is_date_only,
    is_deck,
    is_echo,
    is_masthead,
    is_prose,
    is_read_more_only,
    is_section_label,
    is_stacked_deck,
    is_stamp_line,
    is_terminal,
    is_title_like,
    line_stamp,
    name_then_stamp,
    not_a_person,
    sentence_like,
    source_under_title,
    strip_read_more,
    subhead_text,
    web_byline,
)
from etl.parse.listing import (
    cut_off,
    is_briefs,
    is_listing,
    lede_lines,
    lift_topic_slugs,
    listing_teaser,
    split_dash_items,
    split_listing,
    split_slug_items,
    split_title_run,
    split_untitled_briefs,
)
from etl.parse.pagedate import HEAD_LINES, dated_title, stamp_date, title_date
from etl.parse.places import STATELESS, find_city, fold, is_known_place, region_of
from etl.parse.starts import cut_starts
from etl.parse.unwrap import Unit, slug_labels, to_units, unwrap_lines

HEADLINE_REACH = 8  # how many lines above a dateline the headline may stand
STEAL_REACH = 3  # a headline may stand this many paragraphs from a story's end
STORY_BEFORE_DATELINE = 3  # prose paragraphs above the first dateline: a story, no standfirst
KEY_POINT_MARKS = frozenset(BULLET_MARKS) - {"·"}  # a middle dot joins, never lists
CUT_PARAGRAPH_CHARS = 150  # a paragraph cut off this long is the story's own text
HEAD_SCAN = 14  # how many lines from a page's top its headline may stand, with no dateline
EARLY_TITLE_WORDS = 5  # a listing's undated first item: its title's least words
EARLY_LEDE_CHARS = 80  # ... and the least length of the text under it
ECHO_WORDS = 5  # a caption printed twice repeats at least its first words
SEPARATED_ITEMS_MIN = 3  # untitled items, each under a stamp or a credit: at least this many
SEPARATED_ITEM_PARAGRAPHS = 3  # ... each of at most this many paragraphs
SEPARATOR_CHARS = 40  # a separating stamp or credit line is at most this long
CUT_ITEM_CHARS = 40  # the last item, cut short by the page, runs at least this long
LONG_TITLE_WORDS = (26, 40)  # a headline longer than a title line may be, at most this
PAGE_END_LINES = 4  # furniture this short after a cut paragraph is the page's end
LEAD_LINKS_MIN = 3  # titles, each over its own "Read more", above the story: a links box
SIDE_LINKS_MIN = 4  # bulleted titles between the headline and a bulleted dateline: a list
SIDE_TITLE_WORDS = (3, 16)
TITLE_UNDER_DATELINE_WORDS = 20  # a title line under a dateline alone on its line

_DatelineAt = tuple[Byline | None, str, Dateline, str]
_DATE_THEN_BY = re.compile(
    r"(?P<dl>[^\n]{5,60}?\d)[ \t]*(?P<by>[Bb]y[ \t]+[A-Z][^:\n]{2,60}?[ \t]*-[ \t]*"
    r"[A-Z][\w.-]{1,20}:)(?P<rest>.*)",
    re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class SplitResult:
    stories: tuple[Story, ...]
    leftover: tuple[str, ...]


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
        self.stories: list[Draft] = []
        self.leftover: list[str] = []
        self.current: Draft | None = None
        self.footer = False
        self.pending: list[str] = []  # title-like units held back in a closed/footer state
        self.pending_credits: list[str] = []  # credit lines above the next story's dateline
        self.digest: str | None = None  # the agency whose digest the page is
        self.section: str | None = None  # the agency whose section of a site the page is
        self.expect_headline = False  # a stamp opened a story whose title comes next
        self.signed_off = False  # a credit line just closed the story's body
        self.stamps_trail: bool | None = None  # whether a page's stamps follow their stories
        self.body_titles: frozenset[str] = frozenset()  # the page's lines, debulleted
        self._datelines: dict[tuple[str, dt.date | None], _DatelineAt | None] = {}
        self.own_stamps: set[Dateline] = set()  # datelines dated by a stamp on their line
        self.field_bylines: frozenset[str] = frozenset()  # a record's AUTHOR field values
        self.kickers: frozenset[str] = frozenset()  # place names used as section labels
        # Items above the main story: a links box's titles, or titles over a cut-off lede
        self.lead_links: list[tuple[str, str | None]] = []
        self.side_links: list[str] = []  # news titles listed under the main headline
        # "Also read: <title>" inside a story's text: (the paragraph above it, the line)
        self.inline_links: list[tuple[Paragraph, str]] = []
        self.units: list[Unit] = []  # the page's units, and the one being read
        self.at = 0
        self.separators: frozenset[str] = frozenset()  # stamps or credits parting items
        self.label_titles: frozenset[int] = frozenset()  # bare titles listed under a label
        self.ruled_titles: dict[int, tuple[str, str]] = {}  # a briefing's items: title, text
        self.briefing_credits: list[str] = []  # the agency a briefing's header names
        self.section_labels: set[str] = set()  # place names over a datelined item's line
        self.section_label: str | None = None  # the last one read, for the item under it
        self.house_dashes: frozenset[str] = frozenset()  # the dash of the page's "PLACE –"
        self.run_ins = False  # the page's briefs open "CAMBODIA Opposition leader ..."
        self.cut_line: str | None = None  # the page's last line (where a stored copy ends)

    # -- recognisers bound to the dump date --------------------------------------------

    def furniture(self, text: str) -> bool:
        """Page furniture: boilerplate, a caption by its wording, or a block the HTML
        reader found inside a caption or a related-links box."""
        return text in self.chrome or is_boilerplate(text) or is_caption(text)

    def dateline_at(self, text: str) -> _DatelineAt | None:
        """(byline, prefix, dateline, rest) when the unit starts with a dateline, or with a
        byline and then a dateline on the same line (SpaceDaily style). `prefix` is the text
        before the dateline (the byline's raw text, or stray page text, or "")."""
        if text in self.kickers:
            return None
        key = (text, self.page_date)
        if key not in self._datelines:  # asked several times per unit: look once
            found = self._find_dateline(text)
            if found is not None and found[2].date_source in ("page_date", "dump_date"):
                # "AFP . Kabul | Updated at 11:42pm on August 24, 2020": the stamp on the
                # dateline's own line dates that story, not the page's first stamp.
                stamp = line_stamp(found[3].strip(" \t|")) if found[3] else None
                if stamp is not None:
                    dated = replace(found[2], date=stamp, date_source="page_date")
                    found = (found[0], found[1], dated, found[3])
                    self.own_stamps.add(dated)
            self._datelines[key] = found
        return self._datelines[key]

    def _find_dateline(self, text: str) -> _DatelineAt | None:
        if text in self.chrome:
            return None
        tag = _AGGREGATOR_TAG.match(text)
        if tag is not None:
            return self._after_aggregator_tag(text, tag)
        if (
            is_caption(text)
            and not _caps_city_credit(text)
            and not (self.digest and match_dateline(text, self.dump_date))
        ):
            # "Image: Reuters NAIROBI (Reuters) - ...": a credit run into the dateline. (In
            # an agency's digest, "CASPER — ... AP photo planned." is an item, no caption.)
            return self._after_residue(text)
        glued = _AGO_GLUED.match(text)
        if glued is not None:  # "1 uur geledenAMSTERDAM (ANP) - ...": a stamp run into it
            inner = self._find_dateline(text[glued.end() :])
            if inner is not None:
                byline, prefix, dateline, rest = inner
                # (The stamp and what follows it stand glued on the line: joined as they
                # stand, so the line is still accounted for word for word.)
                return byline, f"{glued.group(0)}{prefix}".strip(), dateline, rest
        found = match_dateline(text, self.dump_date, page_date=self.page_date)
        if found is None and BY_START.match(text):
            found = match_dateline(text, self.dump_date, anywhere=True, page_date=self.page_date)
            if found is not None and parse_byline(text[: found.start].strip()) is None:
                found = None
            if found is None:
                found = self._dateline_after_name(text)
        if found is not None and found.start and BY_START.match(text):
            found = self._name_not_place(text, found)
        if found is None and (len(text) <= 200 or strip_read_more(text)[1]):
            # A dateline sharing its line with a teaser headline or a section label.
            found = match_dateline(text, self.dump_date, anywhere=True, page_date=self.page_date)
            head = text[: found.start].strip().rstrip(PREFIX_TAIL) if found else ""
            if found is not None and (
                not (_label_like(head) or _residue_like(head))
                or _writer_surname(text[: found.start], found)
            ):
                found = None
        elif found is None:
            # A long line: a headline run into a credited dateline and its story ("Militant
            # cell admits arson KUALA LUMPUR (AFP): Police said ...").
            found = match_dateline(
                text[:GLUED_TITLE_REACH], self.dump_date, anywhere=True, page_date=self.page_date
            )
            head = text[: found.start].strip().rstrip(PREFIX_TAIL) if found else ""
            if found is not None and not (
                found.dateline.agencies
                and headline_candidate(head, min_words=4)
                and _label_like(head)
            ):
                found = None
            if found is not None:  # (matched again on the whole line, past the reach)
                at = found.start
                again = match_dateline(text[at:], self.dump_date, page_date=self.page_date)
                found = (
                    None
                    if again is None
                    else replace(again, start=at + again.start, end=at + again.end)
                )
        if found is None or found.start:
            camel = self._camel_glued_dateline(text)
            if camel is not None and (found is None or camel.start < found.start):
                found = camel  # ("... SyracuseMONROVIA, Liberia (AP) -", not "Liberia (AP)")
        if found is None and (dated := self._date_then_byline(text)) is not None:
            return dated
        if found is None:
            found = self._glued_caps_dateline(text)
        if found is None and self.house_dashes:
            found = house_dateline(text, self.house_dashes, self.dump_date, self.page_date)
        if found is None and self.run_ins:
            found = run_in_dateline(text, self.dump_date, self.page_date, known_only=False)
        if found is None and text == self.cut_line:
            # "CHIBA, Japan – Jap": the stored copy ends a few letters into the item's text.
            found = match_cut_dateline(text, self.dump_date, page_date=self.page_date)
        if found is None:
            # A dateline after a stamp or image residue, running into its first sentence
            # ("Thursday, 3 October 2019 () Nairobi (AFP) Oct 3, 2019 ...").
            return self._after_residue(text)
        if not found.dateline.agencies and found.dateline.date_source != "dateline":
            # "KUALA LUMPUR: The minister tours the studios. Photo courtesy of BERNAMA.
            # KUALA LUMPUR, June 25 (NNN-BERNAMA) — ...": the caption's place, then the
            # caption's credit, then the story's own dateline.
            credited = self._after_credit(text)
            if credited is not None:
                return credited
        return self._dateline_result(text, found)

    def _after_credit(self, text: str) -> _DatelineAt | None:
        """A credited dateline right after a picture's credit that ends a caption (perhaps
        with the story's byline between them: "... Photo courtesy of BERNAMA. By Ann Lee
        SINGAPORE, June 25 (NNN-BERNAMA) — ...")."""
        window = text[:CAPTION_REACH]
        if "/" not in window and "ourtesy" not in window and " —" not in window:
            return None  # (every credit form holds one or the other, or a dash)
        for credit in _PHOTO_CREDIT.finditer(text, 0, CAPTION_REACH):
            cut = credit.end()
            after = text[cut:]
            again = match_dateline(after, self.dump_date, page_date=self.page_date)
            byline = None
            if BY_START.match(after) and (again is None or again.start > 0):
                again = match_dateline(
                    after, self.dump_date, anywhere=True, page_date=self.page_date
                )
                byline = parse_byline(after[: again.start].strip()) if again else None
                if byline is None:
                    continue
            elif again is None or again.start != 0:
                continue
            dashed = credit.group(0).lstrip()[:1] in "—–"
            if again.dateline.agencies or (dashed and again.dateline.place is not None):
                found = replace(again, start=cut + again.start, end=cut + again.end)
                result = self._dateline_result(text, found)
                if result is not None and byline is not None:
                    return byline, result[1], result[2], result[3]
                return result
        return None

    def _dateline_after_name(self, text: str) -> DatelineMatch | None:
        """"BY JANE DOE ADDIS ABABA – ...": a byline run into an uncredited dateline, which
        no credit or date marks for a search inside the line: tried after each of the
        byline's first words, where those words make a byline."""
        words = list(_WORD_START.finditer(text, 0, BYLINE_NAME_REACH))
        for word in words[2 : BYLINE_NAME_WORDS + 2]:
            at = word.start()
            if parse_byline(text[:at].strip()) is None:
                continue
            found = match_dateline(text[at:], self.dump_date, page_date=self.page_date)
            place = found.dateline.place if found is not None else None
            if found is not None and place and all_caps(text[at : at + len(place)]):
                # (a place in capitals: "By Dr Simon Hale - After ..." names no place "Hale")
                return replace(found, start=found.start + at, end=found.end + at)
        return None

    def _name_not_place(self, text: str, found: DatelineMatch) -> DatelineMatch:
        """"By Jane Hale (Reuters) – A court ...": the "place" the gazetteer does not know is
        the byline's last name; the dateline is the credit alone."""
        place = found.dateline.place
        paren = text.find("(", found.start)
        if not place or paren < 0 or paren >= found.end:
            return found
        before = parse_byline(text[: found.start].strip())
        half = before is None or [len(a.split()) for a in before.authors] == [1]
        if find_city(place) is not None and not half:
            return found  # ("By Marcus" is half a name: "Hale" is its other half)
        if len(place.split()) != 1 or place.isupper():
            return found
        credit = match_dateline(text[paren:], self.dump_date, page_date=self.page_date)
        named = parse_byline(text[:paren].strip())
        if credit is None or credit.start != 0 or named is None or len(named.authors) != 1:
            return found
        name = named.authors[0].split()
        if len(name) < 2 or fold(name[-1]) != fold(place):
            return found
        return replace(credit, start=paren, end=paren + credit.end)

    def _glued_caps_dateline(self, text: str) -> DatelineMatch | None:
        """A headline run into an uncredited dateline in capitals and a dash ("Port logs
        record day over holiday CAPE CANAVERAL - More than ..."), a briefs page's items
        flattened onto one line each."""
        reach = text[: GLUED_TITLE_REACH + 4]
        if all(dash not in reach for dash in (" - ", " – ", " — ", " -- ", ".-")):
            return None  # (the dash is what the search needs: most lines have none)
        starts = [caps.start(1) for caps in _GLUED_CAPS.finditer(text, 0, GLUED_TITLE_REACH)]
        for stop in _STOP_DASH.finditer(text, 0, GLUED_TITLE_REACH):
            before = text[: stop.start()]  # the place's words, longest first
            for m in _PLACE_WORDS_BACK.finditer(before, max(0, len(before) - 60)):
                last = before[: m.start()].split()[-1:]
                # ("... la próxima semana a Quito.- No dio ...": a sentence runs into it)
                if last and last[0].casefold() not in _LINKING_WORDS:
                    starts.append(m.end())
        for at in starts:
            head = text[:at].strip()
            if not (headline_candidate(head, min_words=4) and _label_like(head)):
                continue
            again = match_dateline(text[at:], self.dump_date, page_date=self.page_date)
            if again is not None and again.start == 0 and again.dateline.place is not None:
                return replace(again, start=at, end=at + again.end)
        return None

    def _camel_glued_dateline(self, text: str) -> DatelineMatch | None:
        """A title or a tag run into the dateline with not even a space, the dateline's
        first letter a capital right after a small letter ("... After 2 YearsTOPEKA, Kan.
        (AP) — ...", "BBC NewsNairobi - ..."): where the page lost the line break."""
        for glue in _CAMEL_GLUE.finditer(text, 0, GLUED_TITLE_REACH):
            at = glue.start()
            head = text[:at].strip()
            if not (_label_like(head) or headline_candidate(head, min_words=1)):
                continue
            again = match_dateline(text[at:], self.dump_date, page_date=self.page_date)
            if again is None or again.start != 0 or again.dateline.place is None:
                continue
            if again.dateline.agencies or all_caps(again.dateline.raw.split(",")[0]):
                return replace(again, start=at, end=at + again.end)
        return None

    def _titled_briefs(self) -> bool:
        """A page whose title calls its items briefs ("World briefs", "Kurzmeldungen", "Le
        monde en bref"): datelined items told whole, however short, are no teasers."""
        head = [u.text for u in self.units[:BRIEFS_TITLE_LINES] if u.text.strip()]
        return any(_BRIEFS_TITLE.search(text) for text in head if len(text) <= 120)

    def _after_aggregator_tag(self, text: str, tag: re.Match[str]) -> _DatelineAt | None:
        """"(MENAFN- Kuwait News Agency (KUNA)) CAIRO, Dec 17 (KUNA) -- ...": the
        aggregator's tag names the agency it carries and stands at the head of the
        dateline; with no dateline after it, it is the dateline itself (a source, no place)."""
        source = tag.group("source")
        codes = split_agencies(source) or next(
            (found for part in re.split(r"[()]", source) if (found := split_agencies(part))), ()
        )  # "Kuwait News Agency (KUNA)": the name or the code in brackets
        rest_at = tag.end() + len(text[tag.end() :]) - len(text[tag.end() :].lstrip())
        inner = self._find_dateline(text[rest_at:]) if rest_at < len(text) else None
        if inner is not None and not inner[1] and inner[0] is None:
            dateline = inner[2]
            raw = text[: rest_at + len(dateline.raw)]
            agencies = tuple(dict.fromkeys([*codes, *dateline.agencies]))
            return None, "", replace(dateline, raw=raw, agencies=agencies), inner[3]
        if not codes:
            return None
        date, source = no_date(self.dump_date, self.page_date)
        dateline = Dateline(raw=tag.group(0), agencies=codes, date=date, date_source=source)
        return None, "", dateline, text[tag.end() :].strip()

    def _date_then_byline(self, text: str) -> _DatelineAt | None:
        """"Baku, Azerbaijan, Apr. 27By Ann Lee - Trend:Text ...": the date, the writer and
        the agency, then the text, with no space between them."""
        by = _DATE_THEN_BY.match(text)
        if by is None:
            return None
        head = match_dateline(by.group("dl") + ".", self.dump_date, page_date=self.page_date)
        byline = parse_byline(by.group("by"))
        if head is None or head.start != 0 or byline is None or not byline.agencies:
            return None
        raw = head.dateline.raw[: len(by.group("dl"))]  # (not the stop added)
        dateline = replace(head.dateline, raw=raw, agencies=byline.agencies)
        return byline, "", dateline, by.group("rest").strip()

    def _after_residue(self, text: str) -> _DatelineAt | None:
        if _COPYRIGHT_LINE.search(text):
            return None  # "Copyright 2017 United Press International, Inc."
        # "FILE PHOTO: ... in Irvine, August 17. REUTERS/Jo Roe/File Photo WASHINGTON
        # (Reuters) - ...": a whole caption, ended by its credit, run into the dateline.
        credited = self._after_credit(text)
        if credited is not None:
            return credited
        for cut in residue_cuts(text):
            # "December 29, 2016WASHINGTON, USA --": a stamp run into the dateline dates it
            stamp = line_stamp(text[:cut].strip())
            again = match_dateline(
                text[cut:], self.dump_date, page_date=stamp or self.page_date
            )
            if again is not None and _writer_surname(text[:cut], again):
                continue
            if again is not None:
                cut, again = self._whole_place(text, cut, again)
                found = replace(again, start=cut + again.start, end=cut + again.end)
                return self._dateline_result(text, found)
        return None

    def _whole_place(
        self, text: str, cut: int, found: DatelineMatch
    ) -> tuple[int, DatelineMatch]:
        """"File photo NEW DELHI: ...": the residue's last word may be the place's first;
        a longer place the gazetteer knows as a city wins ("NEW DELHI", not "DELHI")."""
        for word in list(re.finditer(r"\S+", text[:cut]))[-2:][::-1]:
            longer = match_dateline(text[word.start() :], self.dump_date, page_date=self.page_date)
            if (
                longer is not None
                and longer.start == 0
                and longer.dateline.place
                and found.dateline.place
                and longer.dateline.place.endswith(found.dateline.place)
                and find_city(longer.dateline.place) is not None
            ):
                return word.start(), longer
        return cut, found

    def _dateline_result(self, text: str, found: DatelineMatch) -> _DatelineAt | None:
        start, dateline, end = self._tighten(text, found.start, found.dateline, found.end)
        rest = text[end:].strip()
        prefix = text[:start].strip().rstrip(PREFIX_TAIL)
        byline = parse_byline(prefix) if BY_START.match(prefix) else None
        if byline is None and (named := reporters_at(rest, dateline.raw)) is not None:
            # "新华社北京3月14日电（记者张三 李四）", "(서울=연합뉴스) 김철수 기자 =": the
            # dispatch's reporters, its byline
            byline = Byline(raw=named.group(0), authors=reporter_names(named.group("names")))
            rest = rest[named.end() :].strip()
        return byline, prefix, dateline, rest

    def _tighten(
        self, text: str, start: int, dateline: Dateline, end: int
    ) -> tuple[int, Dateline, int]:
        """A section label run into the dateline ("Middle East  Amman (AFP) ...") makes an
        unknown place; when a later word starts a dateline with a known place, use that."""
        place = dateline.place or ""
        if len(place.split()) < 2 or "/" in place:
            return start, dateline, end  # (a story filed from several places keeps them)
        named = _agency_name_ahead(text[start:end])
        if named:
            # "Agence France Presse Meadowview, United States (AFP)": the agency's name
            # printed before the dateline (after a byline) is no part of the place.
            again = match_dateline(text[start + named :], self.dump_date, page_date=self.page_date)
            if again is not None and again.start == 0:
                return start + named, again.dateline, start + named + again.end
        tail = _caps_tail(text[start : start + len(dateline.raw)], dateline.agencies)
        if tail:
            # "... on the way to Bakhmut ANDRIIVKA, Ukraine (AP) —", "via AP MARENGO, Wis.
            # (AP) –": a title's or a credit's last words run into a place in capitals
            again = match_dateline(text[start + tail :], self.dump_date, page_date=self.page_date)
            if (
                again is not None
                and again.start == 0
                and again.dateline.agencies == dateline.agencies
                and again.dateline.country == dateline.country
            ):
                return start + tail, again.dateline, start + tail + again.end
        if dateline.country is not None and find_city(place) is not None:
            return start, dateline, end  # "Rio de Janeiro", "New York": the whole is a city
        if fold(place) in STATELESS:
            return start, dateline, end  # "United Nations, New York, ...": a place, too
        if place.split()[0].casefold().rstrip(".") in _PLACE_PREFIXES:
            return start, dateline, end  # "Camp Zeist", "Fort Hood": the word is the name's
        # (a word start, or a place in capitals run into the word before it: a source's
        # name glued to the dateline, "... in Liberia SyracuseMONROVIA, Liberia (AP) -")
        for word in _PLACE_START.finditer(text[start : start + len(dateline.raw)]):
            at = start + word.start()
            found = match_dateline(text[at:], self.dump_date, page_date=self.page_date)
            if (
                found is not None
                and found.start == 0
                and found.dateline.country is not None
                and (
                    dateline.country is None
                    or _same_city(found.dateline.place or "", dateline.country)
                    # "Mitzpe Ramon (Israel)": where the dateline names its country (not
                    # the agency's home), a shorter place must lie in it
                    or dateline.country == home_country(dateline.agencies)
                    and find_city(found.dateline.place or "") is not None
                )
            ):
                return at, found.dateline, at + found.end
        return start, dateline, end

    def record_byline(self, text: str) -> tuple[Byline, str] | None:
        """"Jane Doe | Posted 04.11.2017 | Canada Living": a byline among a record's fields
        and a stamp, which reads like a menu of links but signs the story under it."""
        if text.count("|") < 2:
            return None
        split = self.byline_split(text)
        return split if split is not None and is_stamp_line(split[1]) else None

    def byline_at(self, text: str) -> Byline | None:
        found = self.byline_split(text)
        return found[0] if found else None

    def byline_split(self, text: str) -> tuple[Byline, str] | None:
        """(byline, tail) for a "By ..." line; pages often run a time stamp or a role into
        the byline line ("By Ann LEE 14 November 2017"): the tail is cut off for leftover.
        Web pages also print the name without "By", beside a stamp or an agency."""
        if len(text) > 160:
            return None
        if text in self.field_bylines and not BY_START.match(text):
            named = parse_byline("By " + text)  # a record's AUTHOR field: "Ann Lee"
            if named is not None and named.authors:
                return Byline(raw=text, authors=named.authors, agencies=named.agencies), ""
        if not BY_START.match(text):
            glued = _FURNITURE_THEN_BY.match(text)
            if glued is not None and is_boilerplate(glued.group("pre").strip()):
                # "Be the first to comment!By The Canadian Press on February 15th, 2023"
                inner = self.byline_split(glued.group("by"))
                if inner is not None and glued.group("by").startswith(inner[0].raw):
                    raw = text[: glued.start("by")] + inner[0].raw  # (the line as printed)
                    return replace(inner[0], raw=raw), inner[1]
            found = web_byline(text)
            current = self.current
            under_title = bool(self.pending) or (
                current is not None
                and current.headline is not None
                and current.byline is None
                and current.dateline is None
                and not current.paragraphs
            )
            if found is None and under_title:
                found = name_then_stamp(text)  # "Jane Doe October 3, 2019" under the title
            return found
        tail = BYLINE_TAIL.search(text, 4)
        if tail is not None and is_stamp_line(text[tail.start() :].strip()):
            # "By ANN LEE & JO ROE, AP July 31, 2018": the stamp is no part of the byline
            # (nor of the credit before it).
            byline = parse_byline(text[: tail.start()].strip())
            if byline is not None and byline.authors:
                return byline, text[tail.start() :].strip()
        byline = parse_byline(text) if len(text) <= 120 else None
        if byline is not None:
            return byline, ""
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
            and dateline not in self.own_stamps  # (the next item's stamp is not its own)
        ):
            current.dateline = replace(dateline, date=stamp, date_source="page_date")

    def _name_over_stamp(self, units: list[Unit], index: int) -> bool:
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
        ):
            return False
        return _name_over(units[index].text, units[index + 1].text)

    def _place_inline_links(self, drafts: list[Draft]) -> list[Draft]:
        """Each "Also read: <title>" line becomes a teaser right after the story it was
        printed in (found by the paragraph above it), in page order."""
        if not self.inline_links:
            return drafts
        after: dict[int, list[Draft]] = {}
        for anchor, line in self.inline_links:
            home = next(
                (i for i, d in enumerate(drafts) if any(p is anchor for p in d.paragraphs)), None
            )
            if home is None:
                self.leftover.append(line)  # (its story was cut away as furniture)
                continue
            after.setdefault(home, []).append(
                Draft(headline=line, is_teaser=True, closed=True)
            )
        placed: list[Draft] = []
        for i, draft in enumerate(drafts):
            placed.append(draft)
            placed.extend(after.get(i, []))
        return placed

    # -- story bookkeeping ---------------------------------------------------------------

    def start_story(self, *, titled: bool = False) -> Draft:
        """A new story; unless the caller brings its title (`titled`), the title comes
        from the pending lines or from the previous story's last title-like paragraph."""
        draft = Draft()
        if titled:
            self.flush_pending()
        elif self.pending:
            *chrome, headline = self.pending
            if chrome and is_stacked_deck(chrome[-1], headline):
                # "Title" / "Its deck" over the item's dateline: the upper is the title
                *chrome, headline = [*chrome[:-1], headline, chrome[-1]]
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

    def _steal_headline(self, previous: Draft) -> str | None:
        """The previous story's last title-like paragraph is the next story's headline,
        when only furniture follows it ("Thu Aug 7, 11:58 AM ET", "(Information in the
        following story is from: ...)"); the previous story keeps at least one paragraph
        and the furniture goes to leftover."""
        if len(previous.paragraphs) < 2 and previous.dateline is None:
            return None
        if previous.ruled == len(previous.paragraphs):
            return None  # "- - - -" closed the item above: its lines stay its own
        paras = previous.paragraphs
        if (
            len(paras) >= 3
            and previous.dateline is not None
            and all(p.kind == "text" for p in paras[-2:])
            and _caption_sentence(paras[-1].text)
            and _teaser_headline_like(paras[-2].text, min_words=2)
        ):
            # "Title" / "The forward at his unveiling on Thursday." / "Madrid (EFE).- ...":
            # the next story's headline over its picture's caption.
            self.leftover.append(paras.pop().text)
            return debullet(paras.pop().text)
        for back in range(1, min(STEAL_REACH, len(paras)) + 1):
            candidate = paras[-back]
            if candidate.kind == "text" and _teaser_headline_like(candidate.text, min_words=2):
                if back == len(paras) and previous.dateline is None:
                    return None  # the previous story would keep nothing
                tail = paras[len(paras) - back + 1 :]
                del paras[len(paras) - back :]
                upper = paras[-1] if paras else None
                if (
                    upper is not None
                    and upper.kind == "text"
                    and back == 1
                    and self._dateline_with_text()
                    and (len(paras) > 1 or previous.dateline is not None)
                    and not ends_sentence(upper.text)
                    and not ends_sentence(candidate.text)
                    and is_stacked_deck(upper.text, candidate.text)
                ):
                    # "Title" / "Its deck" over the next dateline: the upper is the title
                    paras.pop()
                    tail.insert(0, candidate)
                    candidate = upper
                self.leftover.extend(p.text for p in tail)
                if len(paras) > 1 and _kicker(paras[-1].text):
                    # "Irbid City" over "Self-Help Groups bring ...": a section label above
                    # the headline, no paragraph of the story before it.
                    self.leftover.append(paras.pop().text)
                return debullet(candidate.text)
            if candidate.kind != "text" or is_prose(candidate.text) or len(candidate.text) > 120:
                return None
        return None

    def _dateline_with_text(self) -> bool:
        """Whether the unit being read opens with a dateline and runs on into its story (a
        dateline alone on its line may be a stamp closing the item above it)."""
        found = self.dateline_at(self.units[self.at].text) if self.units else None
        return found is not None and bool(found[3].strip())

    def flush_pending(self) -> None:
        self.leftover.extend(self.pending)
        self.pending = []

    def add_paragraph(self, text: str, kind: str = "text") -> None:
        assert self.current is not None
        self.current.paragraphs.append(Paragraph(kind, text))  # type: ignore[arg-type]

    def add_text(self, text: str) -> None:
        """A body line: maybe a teaser's end, a subhead, or plain text."""
        assert self.current is not None
        if not ALNUM.search(text):
            self.leftover.append(text)  # stray punctuation or rules ("___") is no paragraph
            return
        body, teaser = strip_read_more(text)
        if teaser and body and not ALNUM.search(body):
            self.leftover.append(body)  # "• …read more": the bullet is no paragraph
            body = ""
        if teaser:
            story = self.current
            if (
                story is self.stories[0]
                and story.paragraphs
                and body
                and self._page_ends_here()
                and not (story.closed or self.pending)
            ):
                # The main story cut off where the page ends (a paywall, "read the full
                # article at the source"): its own text, no teaser of another story.
                self.add_paragraph(body)
                return
            if story is self.stories[0] and self._main_is_full(story):
                if (
                    len(body) >= CUT_PARAGRAPH_CHARS
                    and is_prose(story.paragraphs[-1].text)
                    and not (story.closed or self.pending)
                ):
                    # No title between: the main story's own text, cut off by the page.
                    self.add_paragraph(body)
                    return
                if (
                    story.bare_dateline
                    and story.headline is None
                    and len(story.paragraphs) == 1
                    and _teaser_headline_like(story.paragraphs[0].text)
                ):
                    # "PTI -May 23, 2025" alone on its line, the title, then this lede
                    # cut off: the title is this item's, the lede its text.
                    story.headline = debullet(story.paragraphs.pop().text)
                else:
                    # A dateline-less teaser below a full main story.
                    story = self.start_story()
            if story.headline is None and not story.paragraphs and story is not self.stories[0]:
                inline = _INLINE_TEASER.match(body)
                if inline is not None and headline_candidate(inline.group("title")):
                    # "• Port strike ends - Dock workers voted ... …": title and lede on a line
                    story.headline = inline.group("title")
                    body = inline.group("lede")
            if body:
                self.add_paragraph(body)
            story.is_teaser = story.read_more = True
            story.closed = True
            return
        sub = subhead_text(text)
        if sub is not None:
            self.add_paragraph(sub, "subhead")
        else:
            self.add_paragraph(text)

    def _page_ends_here(self) -> bool:
        """Whether only page furniture (a paywall's note, "Click here to read the full
        article", "Contact Us") or nothing follows the unit being read."""
        ahead = self.units[self.at + 1 : self.at + 1 + PAGE_END_LINES]
        return all(self.furniture(unit.text) for unit in ahead)

    # -- the main loop -------------------------------------------------------------------

    def run(self, units: list[Unit], headline: str | None, meta_title: str | None) -> None:
        units = self._drop_preview_cards(units)
        units = self._drop_doubled_bylines(units)
        self.cut_line = units[-1].text if units else None
        self.body_titles = frozenset(debullet(u.text) for u in units)
        lead = self._lead_links(units)
        if lead:
            units = units[lead:]  # the links box above the story is done with
        if units and self.digest and author_page_agency(units[0].text):
            self.leftover.append(units[0].text)  # "Author: Reuters" over its stories
            units = units[1:]
        if units and self.section and section_agency(units[0].text):
            self.leftover.append(units[0].text)  # "AFP Africa" over the section's stories
            units = units[1:]
        if units and self._header_dateline(units):
            self.leftover.append(units[0].text)  # "AFP . Sydney" over that author's items
            units = units[1:]
        self.label_titles = self._label_titles(units)
        self.ruled_titles = _ruled_titles(units)
        main = Draft(headline=headline)
        self.stories.append(main)
        self.current = main
        self.kickers = self._kickers(units)
        self.house_dashes = self._house_dashes(units)
        self.run_ins = self._run_ins(units)
        first = self._separated_items(units)
        start = None if first is not None else self._main_start(units)
        if first is not None:
            # A list of untitled items, each under its stamp or its credit ("26 January
            # 2022" / text, "(AFP )" / text): the page's head is furniture, each item a story.
            self.leftover.extend(u.text for u in units[:first])
            start = first
        elif start is None:
            # No byline/dateline opens the page: the main story has none; chrome above
            # its headline is leftover, the rest runs through the ordinary loop.
            at = self._find_headline(units, main, meta_title, dateline_follows=False)
            if at is not None and at in self.label_titles:
                # The page opens with a list of titles: the first is its first teaser.
                self.leftover.extend(u.text for u in units[:at])
                main.headline = None
                start = at
            elif at is not None:
                for unit in units[:at]:
                    _source_above(unit.text, main)
                self.leftover.extend(u.text for u in units[:at])
                main.headline = debullet(units[at].text)
            if start is None:
                start = 0 if at is None else at + 1
                if main.headline is None and meta_title:
                    main.headline = _clean_title(meta_title)
        elif (
            units[start].text[:1] not in KEY_POINT_MARKS
            and (listed := min((i for i in self.label_titles if i < start), default=None))
            is not None
            and not any(headline_candidate(u.text, min_words=3) for u in units[:listed])
        ):
            # A list of titles above the first datelined story ("• Title" / "1. Title"
            # ...): the page opens with the list, each title a teaser, then that story.
            # (Not the Space Media Network's side links, whose last bullet is the dateline,
            # nor a story's key points under its headline.)
            self.leftover.extend(u.text for u in units[:listed])
            start = listed
        else:
            pre = units[:start]
            at = self._find_headline(pre, main, meta_title, dateline_follows=True)
            early = self._earlier_item(pre, at, main, meta_title)
            if early is not None:
                # A listing's first items carry no dateline: the page opens with the first of
                # them, and the datelined one is a later item, not the page's main story.
                for unit in pre[:early]:
                    _source_above(unit.text, main)
                self.leftover.extend(u.text for u in pre[:early])
                main.headline = debullet(pre[early].text)
                start = early + 1
            else:
                bulleted = units[start].text[:1] in KEY_POINT_MARKS
                self._preamble(pre, at, main, meta_title, bulleted=bulleted)
        self.units = units
        if start and units[start - 1].text in self.section_labels:
            self.section_label = units[start - 1].text  # "ARIZONA" over the first brief
        for index in range(start, len(units)):
            self.at = index
            if index and is_echo(units[index - 1].text, units[index].text):
                self.leftover.append(units[index].text)  # a title printed twice (link, alt)
                continue
            self._step(units, index)
        self._title_cut_off(units)
        self.flush_pending()
        self.trim_trailing_chrome()

    def _section_region(self, dateline: Dateline) -> Dateline:
        """The dateline with the state its section label names ("ARIZONA" over "Apache
        Junction: ..." in a round-up of the states), where the dateline names none."""
        label, self.section_label = self.section_label, None
        if label is None or dateline.region is not None or dateline.place is None:
            return dateline
        regions = [r for r in region_of(label) if r[1] == dateline.country]
        if len(regions) != 1 or fold(regions[0][0]) != fold(label):
            return dateline  # (only a label that is the state's whole name)
        return replace(dateline, region=regions[0][0])

    def _drop_doubled_bylines(self, units: list[Unit]) -> list[Unit]:
        """A byline printed twice in a row ("By: Associated Press" / "By: Associated Press",
        the widget's and the template's): the copy is furniture, so that the title above and
        the dateline below stay one story."""
        kept: list[Unit] = []
        for unit in units:
            if kept and unit.text == kept[-1].text and parse_byline(unit.text) is not None:
                self.leftover.append(unit.text)
                continue
            kept.append(unit)
        return kept

    def _full_after_preview(self, current: Draft, text: str) -> bool:
        """Whether `text` opens the full story whose preview (cut off, "...More") closed
        `current`: the preview is the text's first words."""
        if not (current.read_more and len(current.paragraphs) == 1 and not self.pending):
            return False
        preview = current.paragraphs[0].text
        head = " ".join(text.split()[:PREVIEW_WORDS])
        return (
            is_prose(text)
            and len(text.split()) >= PREVIEW_WORDS
            and " ".join(preview.split()).startswith(head)
            and not strip_read_more(text)[1]  # (the same teaser printed twice is no story)
        )

    def _header_dateline(self, units: list[Unit]) -> bool:
        """A page that opens with a dateline alone on its line, which its items then print
        again as their own ("Agence-France-Presse . Sydney" over "Agence-France-Presse .
        Sydney | Updated ..."): an author or source page's name, no story of its own."""
        first = units[0].text.strip()
        found = self.dateline_at(first)
        if found is None or found[1] or found[3].strip():
            return False
        again = sum(u.text.startswith(first) for u in units[1:HEADER_ECHO_REACH])
        return again >= HEADER_ECHOES

    def _title_cut_off(self, units: list[Unit]) -> None:
        """A stored page is its text from the beginning, so a list of items often breaks
        off right after the next item's title: that title is one more item, not furniture
        nor a line of the item above it."""
        current = self.current
        if current is None or len(units) < 2 or self.footer:
            return
        fragment = self._cut_fragment(units)
        if fragment is not None:
            # "Title" / "CHIBA, Japan – Ja": the page cut the item's text after its title
            if not self._title_then_fragment(units[:-1], fragment):
                self._restore_fragment(fragment)
            return
        self._title_then_fragment(units, None)

    def _title_then_fragment(self, units: list[Unit], fragment: tuple[str, str] | None) -> bool:
        """The last title as one more item (with the fragment of its text cut under it);
        whether it was made one."""
        current = self.current
        assert current is not None
        last = units[-1].text
        titled = [d for d in self.stories if d.headline and not d.empty]
        after_more = is_read_more_only(units[-2].text)  # the item above ended in "Read more"
        if len(titled) < 2 and not (titled and titled[-1].is_teaser) and not after_more:
            return False  # no list above: a single story's last line is its own
        if (
            not _teaser_headline_like(last)
            or is_prose(last)
            or last.rstrip("\"'”’ ").endswith(",")  # a quote cut off mid-sentence
            or self.furniture(last)
            or any(last.startswith(unit.text) for unit in units[-4:-1])
        ):
            return False  # (nor a title printed again as its link: "Title Read More »")
        if self.pending and self.pending[-1] == last:
            self.pending.pop()
        elif (
            current.paragraphs
            and current.paragraphs[-1].text == last
            and current.paragraphs[-1].kind == "text"
            and (
                after_more
                and len(current.paragraphs) >= 2
                or current is not self.stories[0]
                and current.headline
                and len(current.paragraphs) == 2
                and len(titled) >= 3
                and all(len(d.paragraphs) <= 1 for d in titled[1:-1])
                or self._longer_than_its_list(units, titled)
            )
        ):
            # Every item above is a title and one lede (or it ended in "Read more"): so did
            # the last one, and this line is the next title, not its second paragraph. Or
            # the line makes the last item longer than any above it: a title cut short.
            current.paragraphs.pop()
        elif self.leftover and self.leftover[-1] == last and current.headline:
            self.leftover.pop()
        else:
            return False
        teaser = current.is_teaser
        self.flush_pending()
        story = self.start_story(titled=True)
        story.headline = debullet(last)
        story.is_teaser = teaser
        story.cut_off = True
        if fragment is not None:
            self._fill_cut_item(story, fragment[1])
        return True

    def _longer_than_its_list(self, units: list[Unit], titled: list[Draft]) -> bool:
        """The page's last line, short and cut off, is one paragraph more than any item
        of the list above has ("Title" / lede / lede, three times, then "Japan to back
        U.S. curbs on advanced chip ex"): the next item's title, cut by the page's end."""
        current = self.current
        assert current is not None
        last = units[-1].text
        count = len(current.paragraphs)
        return (
            len(last) <= CUT_TITLE_CHARS
            and count >= 2
            and len(titled) >= 3
            and current is not self.stories[0]
            and current.headline is not None
            and all(len(d.paragraphs) < count for d in titled[1:-1])
            and not units[-2].text.startswith(last)  # (a caption printed again, cut)
            and self.dateline_at(last) is None  # (the item's own text, cut after its place)
        )

    def _fill_cut_item(self, story: Draft, text: str) -> None:
        """The cut words under the last title: its dateline and text, or its text."""
        found = self.dateline_at(text)
        if found is not None and not found[1]:
            story.dateline = found[2]
            if found[3]:
                story.paragraphs.append(Paragraph("text", found[3]))
            return
        cut = _CUT_AFTER_DASH.fullmatch(text) if found is None else None
        head = (
            match_dateline(cut["head"], self.dump_date, page_date=self.page_date)
            if cut is not None
            else None
        )
        if cut is not None and head is not None and head.start == 0:
            # "CHIBA, Japan – Ja": the dateline whole, its sentence cut after a word
            story.dateline = head.dateline
            story.paragraphs.append(Paragraph("text", cut["rest"]))
        else:
            story.paragraphs.append(Paragraph("text", text))

    def _cut_fragment(self, units: list[Unit]) -> tuple[str, str] | None:
        """The page's last line when it is the first words of one more item's text, cut off
        by the stored page's end under that item's title, taken from where the reading put
        it: (where, text). None when the last line is anything else."""
        current = self.current
        text = units[-1].text
        if (
            current is None
            or len(units) < 3
            or len(text) > FRAGMENT_CHARS
            or text.rstrip().endswith((".", "!", "?", ":", ";", '"', "”", ")", "»"))
            or self.furniture(text)
            or text.lstrip()[:1] in BULLET_MARKS
            or BY_START.match(text)  # (a byline cut off: no text of the item yet)
            or line_stamp(text) is not None
            or not _teaser_headline_like(units[-2].text)
            or is_prose(units[-2].text)
            or units[-2].text == units[-3].text  # (a title printed twice: read as an echo)
            or (current.headline and debullet(current.headline) == debullet(units[-2].text))
        ):
            return None  # (the last clause: the item was read whole, its text is the line)
        if self.leftover and self.leftover[-1] == text:
            self.leftover.pop()
            return "leftover", text
        if current.paragraphs and current.paragraphs[-1].text == text:
            current.paragraphs.pop()
            return "paragraph", text
        if self.pending and self.pending[-1] == text:
            self.pending.pop()
            return "pending", text
        return None

    def _restore_fragment(self, fragment: tuple[str, str]) -> None:
        where, text = fragment
        if where == "leftover":
            self.leftover.append(text)
        elif where == "paragraph" and self.current is not None:
            self.current.paragraphs.append(Paragraph("text", text))
        else:
            self.pending.append(text)

    def _drop_preview_cards(self, units: list[Unit]) -> list[Unit]:
        """"Title" / "Jane Doe, The Canadian Press 4 minute read Preview" / "Title" / the
        byline with its stamp / the story: a card announcing the story printed right under
        it. The card (its title and its line) is furniture, so the story keeps one title."""
        cards: set[int] = set()
        for index in range(1, len(units) - 1):
            if (
                _PREVIEW_CARD.search(units[index].text)
                and units[index - 1].text == units[index + 1].text
            ):
                cards.update((index - 1, index))
        if not cards:
            return units
        self.leftover.extend(units[index].text for index in sorted(cards))
        return [unit for index, unit in enumerate(units) if index not in cards]

    def _house_dashes(self, units: list[Unit]) -> frozenset[str]:
        """The dash of the page's own "PLACE – Sentence" datelines, where at least two of
        them name places the gazetteer knows; the page's other items in that form are
        datelined too."""
        known: Counter[str] = Counter()
        for unit in units:
            form = caps_dash(unit.text)
            if form is None:
                continue
            found = match_dateline(unit.text, self.dump_date, page_date=self.page_date)
            if found is not None and found.start == 0 and found.dateline.place:
                known[form[1]] += 1
        return frozenset(dash for dash, n in known.items() if n >= HOUSE_DASH_KNOWN)

    def _run_ins(self, units: list[Unit]) -> bool:
        """Whether the page's briefs open with their place in capitals run into the text
        ("CAMBODIA Opposition leader ..."): three such items with places the gazetteer knows."""
        known = sum(
            run_in_dateline(u.text, self.dump_date, self.page_date) is not None
            for u in units
            if u.text[:2].isupper()
        )
        return known >= RUN_IN_ITEMS

    def _separated_items(self, units: list[Unit]) -> int | None:
        """Index of the first separator where the page is a list of untitled items, each
        opened by a line of the same kind, a time stamp or an agency's credit alone, over
        one to three paragraphs of prose with no title (an item may open with its dateline).
        None otherwise."""
        short = Counter(u.text for u in units if 0 < len(u.text) <= SEPARATOR_CHARS)
        if sum(short.values()) < SEPARATED_ITEMS_MIN and sum(
            " | " in u.text for u in units
        ) < SEPARATED_ITEMS_MIN:
            return None  # (cheap test first: too few short lines to part any list)
        kinds = [
            _separator_kind(unit.text, repeated=short[unit.text] >= SEPARATED_ITEMS_MIN)
            if unit.text in short
            else "meta" if meta_line(unit.text) is not None
            else None
            for unit in units
        ]
        # A short line printed in every item ("No image available") is the list's furniture,
        # no paragraph of any item.
        furniture = {
            unit.text
            for unit, kind in zip(units, kinds, strict=True)
            if kind is None and short[unit.text] >= SEPARATED_ITEMS_MIN
        }
        for kind in ("stamp", "credit", "meta"):
            at = [i for i, k in enumerate(kinds) if k == kind]
            if len(at) < SEPARATED_ITEMS_MIN:
                continue
            bounds = [*at, len(units)]
            blocks = [
                [u for u in units[a + 1 : b] if u.text.strip() and u.text not in furniture]
                for a, b in zip(bounds, bounds[1:], strict=False)
            ]
            if kind == "meta" and not blocks[-1] and len(blocks) > SEPARATED_ITEMS_MIN:
                blocks.pop()  # the page cut off under the next item's line: no item of it
            whole = all(
                1 <= len(block) <= SEPARATED_ITEM_PARAGRAPHS
                and is_prose(block[0].text)
                and all(_item_paragraph(u.text) for u in block[1:])
                for block in blocks[:-1]
            )
            if (
                whole
                and blocks[-1]
                and _item_text(blocks[-1][0].text)
                and not any(
                    is_prose(u.text) or headline_candidate(u.text, min_words=EARLY_TITLE_WORDS)
                    for u in units[: at[0]]
                )  # (a label may head the list; a story's title or text may not)
            ):
                self.separators = frozenset(units[i].text for i in at)
                return at[0]
        return None

    def _label_titles(self, units: list[Unit]) -> frozenset[int]:
        """Bare titles a line each under a list's label ("ALSO READ", "Related Articles")
        after a story's text: at least LABEL_TITLES_MIN of them, up to the first line
        that is no title."""
        found: set[int] = set()
        seen_prose = False
        for index, unit in enumerate(units):
            if not seen_prose:
                seen_prose = is_prose(unit.text)
                continue
            if not is_section_label(unit.text):
                continue
            run = []
            for k in range(index + 1, len(units)):
                text = units[k].text
                if (
                    not headline_candidate(text, min_words=3)
                    or is_prose(text) and not is_title_like(text)
                    or self.dateline_at(text) is not None
                    or is_section_label(text)
                ):
                    break
                run.append(k)
            if len(run) >= LABEL_TITLES_MIN:
                found.update(run)
        return frozenset(found | self._bullet_titles(units) | _stamped_titles(units))

    def _bullet_titles(self, units: list[Unit]) -> set[int]:
        """A run of bulleted (or numbered) titles a line each, no label needed ("• Firm
        declares dividend" / "• Bank reports third-quarter earnings ..."): an archive's or a
        digest's list, each a teaser. A title cut with "..." is still one, and so is one in
        capitals. Only before any dateline or prose: inside a story, bullets are its key
        points ("* Q3 EPS $0.66"); but a bulletin's numbered contents ("• [01] TITLE", as
        an archive mirrors it under its menus) are titles wherever they stand."""
        runs: list[list[int]] = [[]]
        contents: set[int] = set()
        for index, unit in enumerate(units):
            text = unit.text
            bare = text
            if text[:1] in BULLETS:
                bare = debullet(text)
            elif text[:1].isdigit() and (numbered := _NUMBERED.match(text)):
                bare = text[numbered.end() :]
            if bare != text and (ordinal := _BRACKET_ORDINAL.match(bare)):
                bare = bare[ordinal.end() :]  # "• [03] TITLE": an archive's numbered contents
                contents.add(index)
            look = bare.title() if bare.isupper() else bare  # (a title in capitals is one)
            if (
                bare != text
                and headline_candidate(look.rstrip(".… "), min_words=3)
                and not (is_prose(look) and not is_title_like(look.rstrip(".… ")))
                and self.dateline_at(bare) is None
            ):
                runs[-1].append(index)
            elif runs[-1]:
                runs.append([])
        found: set[int] = set()
        for run in runs:
            if len(run) < BULLET_TITLES_MIN:
                continue
            if contents.issuperset(run):
                found.update(run)  # "[01]", "[02]": a bulletin's contents, not key points
                continue
            if any(
                is_prose(u.text) or self.dateline_at(u.text) is not None for u in units[: run[0]]
            ):
                break  # (a list only before any story's text or dateline)
            found.update(run)
        return found

    def _lead_links(self, units: list[Unit]) -> int:
        """A box of links above the main story ("Don't miss"), each a title over its own
        "Read more": those titles are teasers with no text of their own, and the story
        proper starts under the box. Returns the index where the box ends, else 0."""
        ticker = _lead_ticker(units)
        if ticker:
            # "Off the wire" / "Title  • Title  • Title": the site's ticker above the story
            self.lead_links = [(units[k].text, None) for k in range(ticker) if units[k].ticker]
            self.leftover.extend(units[k].text for k in range(ticker) if not units[k].ticker)
            return ticker
        titles: list[tuple[str, str | None]] = []
        box: list[str] = []  # the box's own lines: labels and "Read more" links
        index = end = 0
        ledes = stamps = stamps_above = 0
        while index + 1 < len(units) and index - end <= 2:
            text = units[index].text
            below = units[index + 1].text
            title = (
                headline_candidate(text, min_words=2)
                and not is_read_more_only(text)
                and self.dateline_at(text) is None
            )
            if title and is_read_more_only(below):
                if ledes:
                    break
                titles.append((debullet(text), None))
                box.extend(u.text for u in units[end:index])  # labels ("#TECH 24")
                box.append(below)
                index = end = index + 2
                continue
            stamped = (
                title
                and index + 2 < len(units)
                and line_stamp(below) is not None
                and self.dateline_at(below) is None
            )
            if stamped:
                below = units[index + 2].text  # "Jul. 24, 2024 14:05 PM EDT" between
            # "Tuesday, March 23, 2010" / title / text: a blog's post, its date above it
            dated = (
                title
                and not stamped
                and index > end - 1
                and index >= 1
                and line_stamp(units[index - 1].text) is not None
                and self.dateline_at(units[index - 1].text) is None
            )
            lede, cut = strip_read_more(below)
            if titles and not ledes and (cut or stamped or dated):
                break  # a links box ends where titled items with text begin
            if (
                title
                and (cut or stamped or dated)
                and is_prose(lede)
                and self.dateline_at(below) is None
            ):
                stamps_above += bool(dated and not cut)
                # An archive's item: a title over its lede cut off ("... until..."), or over
                # its time stamp and lede
                titles.append((debullet(text), below))
                box.extend(u.text for u in units[end:index])
                if stamped:
                    box.append(units[index + 1].text)
                    index += 1
                    stamps += 1
                ledes += 1
                index = end = index + 2
                while end < len(units) and is_caption(units[end].text):
                    box.append(units[end].text)  # the item's picture credit
                    index = end = end + 1
                continue
            if is_prose(text):
                break
            index += 1  # perhaps a label over the box or inside it ("Don't miss")
        if ledes:
            # Items of an archive above its first datelined one: only where another title
            # and its dateline follow them, in the same shape (the lede under a story's own
            # headline is its standfirst; a page with no dateline is read as a listing).
            rest = [u.text for u in units[end:] if u.text.strip() and not self.furniture(u.text)]
            if stamps:
                if len(rest) < 3 or line_stamp(rest[1]) is None:
                    return 0
                rest = [rest[0], *rest[2:]]
            elif stamps_above:
                if len(rest) < 3 or line_stamp(rest[0]) is None:
                    return 0
                rest = rest[1:]
            if (
                ledes != len(titles)
                or len(rest) < 2
                or not headline_candidate(rest[0], min_words=2)
                or self.dateline_at(rest[1]) is None
            ):
                return 0
        elif len(titles) < LEAD_LINKS_MIN:
            return 0
        self.lead_links = titles
        self.leftover.extend(box)
        return end

    def _kickers(self, units: list[Unit]) -> frozenset[str]:
        """Place names alone on a line over a title ("NORWAY" / "Ferry operators add ..."):
        a section label, not a dateline, which would have prose under it."""
        kickers = set()
        for unit, after in zip(units, units[1:], strict=False):
            found = self.dateline_at(unit.text) if len(unit.text) <= KICKER_CHARS else None
            if (
                found is not None
                and not found[1]
                and not found[3]
                and not found[2].agencies
                and found[2].raw == unit.text.strip()
                and headline_candidate(after.text, min_words=3)
                and not is_prose(after.text)
                and self.dateline_at(after.text) is None
                and self.byline_at(after.text) is None
            ):
                kickers.add(unit.text)
        # "CHANDIGARH" / "LUDHIANA" / "DELHI": place names alone on lines in a row are a
        # menu of the site's city pages, not datelines (a dateline has its story under it).
        filled = [u.text for u in units if u.text.strip()]
        alone = [self._bare_place(text) for text in filled]
        for index, text in enumerate(filled):
            if alone[index] and (
                (index and alone[index - 1]) or (index + 1 < len(filled) and alone[index + 1])
            ):
                kickers.add(text)
            elif alone[index] and index + 1 < len(filled) and filled[index + 1][:1].isupper():
                # "TURKEY" over "ANKARA – Following the talks ...": a coverage plan's section
                # label over its first datelined item, no dateline with no story of its own.
                below = self.dateline_at(filled[index + 1])
                if below is not None and not below[1] and below[3].strip():
                    kickers.add(text)
                    self.section_labels.add(text)
        return frozenset(kickers)

    def _bare_place(self, text: str) -> bool:
        """A line that is a place's name and nothing else: no date, no credit, no text."""
        if len(text) > KICKER_CHARS:
            return False
        found = self.dateline_at(text)
        return (
            found is not None
            and not found[1]
            and not found[3]
            and not found[2].agencies
            and found[2].raw == text.strip()
        )

    def _main_start(self, units: list[Unit]) -> int | None:
        """Index of the first byline/dateline unit, unless solid prose comes before it and
        that dateline opens a teaser: then the prose is a dateline-less main story."""
        prose = 0
        for index, unit in enumerate(units):
            text = unit.text
            if (
                self.furniture(text)
                and self.dateline_at(text) is None
                and self.record_byline(text) is None
            ):
                continue  # (a caption's credit may run into the dateline)
            if self.dateline_at(text) is not None or self.byline_at(text) is not None:
                if prose >= STORY_BEFORE_DATELINE:
                    return None  # a whole story without a dateline comes first
                return None if prose >= 2 and self._opens_teaser(units, index) else index
            if is_prose(text):
                prose += 1
        return None

    def _opens_teaser(self, units: list[Unit], index: int) -> bool:
        """Whether the story starting at `index` ends in "read more" within a few blocks."""
        for offset, unit in enumerate(units[index : index + 5]):
            if offset and self.dateline_at(unit.text) is not None:
                return False
            if strip_read_more(unit.text)[1] or is_read_more_only(unit.text):
                return True
        return False

    def _find_headline(
        self, pre: list[Unit], main: Draft, meta_title: str | None, dateline_follows: bool
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
            if _header_label(main.headline):
                # The crawl's header holds the page's section or a site label ("National
                # Politics", "Left Menu"), not the story's title: the page's own title line
                # is the headline, where the page shows one.
                return self._guess_headline(pre, dateline_follows)
            return None
        return self._guess_headline(pre, dateline_follows)

    def _earlier_item(
        self, pre: list[Unit], at: int | None, main: Draft, meta_title: str | None
    ) -> int | None:
        """Index of a title with its own text under it, above the title that heads the first
        datelined story (`at`, the headline found above it): an item of a listing whose first
        items carry no dateline (a "Recent posts" page). None where the page names its
        headline (a header or page title) or the text above the headline is no such item."""
        if main.headline is not None:
            return None
        if (
            at is None
            or (meta_title and _norm(pre[at].text) == _norm(meta_title))
            or _echoed(pre[at].text, pre)
        ):
            return None
        for index in range(at - 1):
            text = pre[index].text
            lede = index + 2 if pre[index + 1].text == text else index + 1  # a title twice
            if lede >= at:
                break
            below = pre[lede].text
            if (
                text not in self.chrome
                and below not in self.chrome
                and headline_candidate(text, min_words=EARLY_TITLE_WORDS)
                and not self.furniture(text)
                and not self.furniture(below)
                and len(below) >= EARLY_LEDE_CHARS
                and is_prose(below)
                and not is_caption(below)
                and self.dateline_at(below) is None
                and not _echoed(text, pre)
                and self._title_next(pre, lede + 1)
            ):
                return index
        return None

    def _title_next(self, pre: list[Unit], index: int) -> bool:
        """Whether the next line that is not furniture, from `index` on, is a title (the
        next item's), as in a listing."""
        for unit in pre[index:]:
            if line_stamp(unit.text) is None and not self.furniture(unit.text):
                return headline_candidate(unit.text, min_words=EARLY_TITLE_WORDS - 2) and not (
                    is_prose(unit.text)
                )
        return False

    def _preamble(
        self,
        pre: list[Unit],
        at: int | None,
        main: Draft,
        meta_title: str | None,
        *,
        bulleted: bool = False,
    ) -> None:
        """Lines before the main story's byline/dateline: headline (at `at`, as
        `_find_headline` found it), chrome, maybe a standfirst. `bulleted`: the dateline's own
        line opens with a bullet."""
        stamps = [day for unit in pre if (day := line_stamp(unit.text)) is not None]
        if stamps:
            # The stamp nearest above the dateline dates the story (not the page's first),
            # and tells that this page prints its stamps before its stories.
            self.page_date = stamps[-1]
            self.stamps_trail = False
        if at is not None:
            main.headline = debullet(pre[at].text)
        elif main.headline is None and meta_title:
            main.headline = _clean_title(meta_title)
        side = self._side_links(pre, at) if bulleted else range(0)
        self.side_links = [debullet(pre[index].text) for index in side]
        for index, unit in enumerate(pre):
            text = unit.text
            if index == at or index in side:
                continue
            if at is not None and index < at:
                _source_above(text, main)
                self.leftover.append(text)  # page chrome above the headline
            elif codes := credit_line(text):
                main.credits.extend(codes)  # "The Associated Press" by the title
                self.leftover.append(text)
            elif text in self.chrome:
                self.leftover.append(text)  # a caption or a related link, whatever it reads
            elif main.byline is None and (split := self.byline_split(text)) is not None:
                main.byline = split[0]  # "Jane Doe | Oct 3, 2019" under the headline
                if split[1]:
                    self.leftover.append(split[1])
            elif main.byline is None and index + 1 < len(pre) and _name_over(
                text, pre[index + 1].text
            ):
                main.byline = _lone_name_byline(text)  # "Jane Doe", then a stamp or a role
            elif is_prose(text) and not self.furniture(text):
                self.add_text(text)  # a standfirst: story text printed before the dateline
                main.standfirst = len(main.paragraphs)
            else:
                self.leftover.append(text)

    @staticmethod
    def _side_links(pre: list[Unit], at: int | None) -> range:
        """"  • Floods close roads in the north" lines right under the headline, the last
        bullet of the list being the dateline itself ("  • MOSCOW, July 3 (AFP) ..."): a
        site's list of its other news, printed between the title and the story (the Space
        Media Network's pages). Returns their indices in `pre` (empty when none)."""
        if at is None:
            return range(0)
        end = at + 1
        while (
            end < len(pre)
            and pre[end].text[:1] in KEY_POINT_MARKS
            and _side_title(debullet(pre[end].text))
        ):
            end += 1
        if end != len(pre) or end - at - 1 < SIDE_LINKS_MIN:
            return range(0)
        return range(at + 1, end)

    def _guess_headline(self, pre: list[Unit], dateline_follows: bool) -> int | None:
        if dateline_follows:
            # The closest title line above the byline/dateline, looking past furniture
            # (time stamps, credits, captions, labels) and a standfirst.
            for index in range(len(pre) - 1, max(-1, len(pre) - HEADLINE_REACH), -1):
                text = pre[index].text
                if text not in self.chrome and headline_candidate(text, min_words=2):
                    if index and credit_then_caption(pre[index - 1].text, text):
                        continue
                    if _ROLE_LINE.match(text):
                        continue  # "Staff Reporter" under a reporter's name
                    if credit_line(text):
                        continue  # "The Canadian Press 1 minute read Updated: 12:18 PM"
                    if _PROMO.match(text) and index:
                        continue  # "WATCH: Ferries in the storm": a link to a video
                    if text[:1] in KEY_POINT_MARKS:
                        title = self._titled_above(pre, index)
                        if title is not None and index - title > HEADLINE_REACH // 2:
                            return title  # the headline over a long list of links
                        if title is not None:
                            continue  # "• Army tanker drivers to be deployed": a key point
                    over_byline = self._title_over_byline(pre, index)
                    if over_byline is not None:
                        return over_byline
                    while index and not self.furniture(pre[index - 1].text) and (
                        source_under_title(pre[index - 1].text, pre[index].text)
                        or is_deck(pre[index - 1].text, pre[index].text)
                        or _label_under_title(pre[index - 1].text, pre[index].text)
                        or index == len(pre) - 1
                        and is_stacked_deck(pre[index - 1].text, pre[index].text)
                    ):
                        index -= 1  # a headline with a deck or two, or its source, under it
                    if (
                        index >= 2
                        and pre[index - 1].text in {u.text for u in pre[: index - 1]}
                        and headline_candidate(pre[index - 1].text, min_words=4)
                    ):
                        index -= 1  # the page's title printed twice, a deck under it
                    return index
            return self._long_title_above(pre)
        # No dateline: the first title line in the page's head that prose follows (past
        # stamps, bylines and captions); page chrome above it is passed over.
        for index, unit in enumerate(pre[:HEAD_SCAN]):
            text = unit.text
            if self.furniture(text):
                continue
            if is_prose(text):
                return None  # the body has begun with no headline above it
            if headline_candidate(text, min_words=2) and self._prose_follows(pre, index):
                return index
        return None

    def _long_title_above(self, pre: list[Unit]) -> int | None:
        """Where no title line stands over the dateline, a headline too long for one
        (26-40 words, no closing stop) right above it, past time stamps, is the title."""
        for index in range(len(pre) - 1, max(-1, len(pre) - 3), -1):
            text = pre[index].text
            if line_stamp(text) is not None or self.furniture(text):
                continue
            words = len(text.split())
            return index if (
                LONG_TITLE_WORDS[0] <= words <= LONG_TITLE_WORDS[1]
                and text[:1].isupper()
                and not text.rstrip().endswith((".", "!", "?", ":", ",", ";", "…", '"', "”"))
                and not BY_START.match(text)
            ) else None
        return None

    def _title_over_byline(self, pre: list[Unit], index: int) -> int | None:
        """The title right above a byline that stands above the title-like line at `index`
        with only furniture between ("Headline" / "by Jane Doe | ..." / a stamp / a caption
        / a deck / the dateline): the headline is the title over the byline, the line
        nearer the dateline is its deck."""
        for at in range(index - 1, max(0, index - HEADLINE_REACH), -1):
            text = pre[at].text
            if self.byline_split(text) is not None and BY_START.match(text):
                title = pre[at - 1].text
                if title not in self.chrome and headline_candidate(title, min_words=3):
                    return at - 1
                return None
            if is_prose(text) and not self.furniture(text):
                return None  # text between them: the byline is another story's
        return None

    def _titled_above(self, pre: list[Unit], index: int) -> int | None:
        """The title line without a bullet above a bulleted line, past other bulleted
        lines: the story's headline over its list of key points (or of related links)."""
        for at in range(index - 1, -1, -1):  # a list of any length
            text = pre[at].text
            if text[:1] in KEY_POINT_MARKS:
                continue
            titled = headline_candidate(text, min_words=4) and text not in self.chrome
            return at if titled else None
        return None

    def _prose_follows(self, units: list[Unit], index: int, *, deck: bool = True) -> bool:
        """Whether body text follows a title line, with only furniture in between, or
        with the title's deck (a second title line) in between."""
        for at in range(index + 1, min(index + 6, len(units))):
            text = units[at].text
            if self.furniture(text):
                continue
            if is_prose(text):
                return True
            if headline_candidate(text):
                # Another title first: this line was a label or a link, unless it is a
                # full title and the second line its deck, with the body under both.
                title = units[index].text
                return (
                    deck
                    and at == index + 1
                    and len(WORD.findall(title)) > KICKER_WORDS
                    and not title.endswith("?")
                    and line_stamp(title) is None
                    and self._prose_follows(units, at, deck=False)
                )
        return False

    def _step(self, units: list[Unit], index: int) -> None:
        text = units[index].text
        current = self.current
        assert current is not None
        if text[:1] in _RULE_MARKS and _RULE_LINE.fullmatch(text):
            current.ruled = len(current.paragraphs)
        if index in self.ruled_titles:
            # "———" / "MUSEUM TO LEND PAINTINGS: Organisers expect ...": a briefing's item
            title, rest = self.ruled_titles[index]
            if current is self.stories[0] and current.dateline is None:
                self._briefing_header(current)
            item = self._open_titled(title)
            item.paragraphs.append(Paragraph("text", rest))
            item.credits.extend(self.briefing_credits)
            return
        if text in self.section_labels:
            self.flush_pending()
            self.leftover.append(text)  # "TURKEY" over "ANKARA – ...": the section's name
            self.section_label = text
            return
        if self._caps_kicker(units, index):
            self.leftover.append(text)  # "MARSDAILY" over an item's title and dateline
            return
        ticker = _TICKER_TITLE.fullmatch(text) if text[:1] == "+" or text[:1].isdigit() else None
        if (
            ticker
            and (
                len((ticker["title"] or "").split()) >= 3
                or ticker["timed"] and headline_candidate(ticker["timed"], min_words=3)
            )
        ) or self._place_topic_title(units, index):
            # "+++ 16.19 Uhr: Rail strike loses support +++", "22:45   Title": a live
            # ticker's entry opens; "Fiji - rights" / text: a briefs column's item
            self._open_titled(text)
            return
        if index in self.label_titles:
            # "ALSO READ" / a title a line: each a teaser of a story told elsewhere
            current = self._open_titled(debullet(text))
            current.is_teaser = current.closed = current.listed = True
            return
        if text in self.separators:
            if current.paragraphs:
                current = self.start_story(titled=True)
            current.credits.extend(credit_line(text) or meta_line(text) or ())
            if (stamp := line_stamp(text)) is not None:
                self.page_date = stamp  # the item's own date, for a dateline that gives none
            self.leftover.append(text)
            return
        if text in self.chrome and not is_read_more_only(text):
            # (A "Full Story" link printed under every item is repeated, not chrome: it
            # marks the item above it as a teaser.)
            self.flush_pending()
            self.leftover.append(text)  # a caption or a related link, whatever it reads like
            self._closing_credit(current, text, None)  # (a copyright line under each brief)
            return
        if text.endswith(("...", "…")) and index + 1 < len(units):
            cut = text.rstrip(".… ")
            if len(cut) >= 40 and units[index + 1].text.startswith(cut):
                self.leftover.append(text)  # a caption's short copy over the caption
                return
        signed_off, self.signed_off = self.signed_off, False
        found = self.dateline_at(text)
        if (
            signed_off
            and found is None
            and _state_label(text)
            and index + 2 < len(units)
            and headline_candidate(units[index + 1].text, min_words=4)
        ):
            # "— Associated Press" / "TEXAS" / title / text: the label of the next brief's
            # state or country, between the last brief's sign-off and the next one's title
            self.leftover.append(text)
            self.signed_off = True
            return
        if (
            signed_off
            and found is None
            and headline_candidate(text, min_words=4)
            and index + 1 < len(units)
            and is_prose(units[index + 1].text)
        ):
            self.start_story(titled=True).headline = debullet(text)
            return
        stamp = line_stamp(text) if found is None else None
        if stamp is not None:
            # "Jane Doe | Oct 3, 2019", "Published on Nov 19, 2013": the time stamp of the
            # story below; it dates that story's dateline and is no paragraph.
            self._date_story_above(stamp)
            self.page_date = stamp
            split = self.record_byline(text)
            if split is not None:
                # "CP | Jane Doe, The Canadian Press | Posted 04.07.2017 | Canada": a record
                # line under an item's title; it parts the items as a stamp does, and signs
                # the item it stands in.
                self._stamp_between_stories(units, index)
                current = self.current
                if current.byline is None and len(current.paragraphs) <= current.standfirst:
                    current.byline = split[0]
                    self.leftover.append(split[1])
                else:
                    self.leftover.append(text)
                return
            if self.byline_split(text) is None:
                codes = credit_line(text)  # "THE CANADIAN PRESS | posted Thursday, ..."
                if codes and not (self.footer or current.closed):
                    self._credit(units, index, codes)
                self.leftover.append(text)
                self._stamp_between_stories(units, index)
                return
        if found is None and is_date_only(text):
            self.leftover.append(text)  # "November 21": an archive's heading over its items
            return
        codes = credit_line(text) if found is None else ()
        # (A main story cut off by "..." still takes the credit printed right under it.)
        open_main = current is self.stories[0] and len(self.stories) == 1
        if (
            codes
            and self.byline_split(text) is None
            and not (self.footer or current.closed and not open_main)
        ):
            # (A credit in the footer or after a teaser is the site's name: no story's.)
            if not (current.paragraphs and signoff_agencies(text)):
                self._credit(units, index, codes)
                self.leftover.append(text)
                return
            current.credits.extend(codes)  # "- AFP" closing the text: it stays a paragraph
            self.signed_off = len(current.paragraphs) > current.standfirst + 1
            if len(codes) == len(text.split()):  # the credit alone on its line ("AFP")
                self.add_text(text)
                return
        if found is not None:
            byline, prefix, dateline, rest = found
            if self._late_standfirst(current, byline):
                current.standfirst = len(current.paragraphs)
            dateline = self._credit_over_dateline(current, dateline)
            if not self._fits_header_zone(current, byline):
                current = self.start_story()
            if byline is not None:
                current.byline = byline
                extra = prefix.replace(byline.raw, "", 1).strip() if prefix else ""
                if extra:
                    self.leftover.append(extra)  # a caption before the byline on its line
            elif (
                prefix
                and headline_candidate(prefix)
                and not _residue_like(prefix)
                and not (current.headline and _norm(current.headline).endswith(_norm(prefix)))
                and (
                    current.headline is None
                    or len(current.paragraphs) <= current.standfirst
                    and current.headline in self.body_titles
                )
            ):
                # "Headline  Tehran (AFP) Nov 8 - ...": the title on the dateline's own line
                # is closer than a label above it ("Earth Science"), which goes to leftover.
                # (A headline taken from a paragraph or the dump's header stays.)
                if current.headline is not None:
                    self.leftover.append(current.headline)
                current.headline = debullet(prefix)
            elif prefix:
                self.leftover.append(prefix)
            current.dateline = self._section_region(dateline)
            current.bare_dateline = not rest.strip() if rest else True
            if rest and (
                is_boilerplate(rest)
                or TIME_ONLY.match(rest)
                or NAV_TAIL.match(rest)
                or is_stamp_line(rest)
            ):
                self.leftover.append(rest)  # "| Share | Tweet", "14:32 GMT" after the dateline
            elif rest and current.byline is None and (glued := glued_byline(rest)) is not None:
                # "Paris, France | AFP | by Jane DOE Country pledges ...": the byline after
                # the dateline, run into the first sentence
                current.byline = glued[0]
                self.add_text(glued[1])
            elif rest:
                self.add_text(rest)
            return
        if (
            current.paragraphs
            and not self.footer
            and _inline_link(text)
            and not (index + 1 < len(units) and self.dateline_at(units[index + 1].text))
        ):
            # "Lea también: <title>" between two paragraphs: a teaser of another story (over
            # a datelined item it is that item's label, furniture)
            self.inline_links.append((current.paragraphs[-1], text))
            return
        glued_by = _FURNITURE_THEN_BY.match(text) if "By " in text else None
        if (is_boilerplate(text) or is_caption(text) or is_masthead(text)) and not (
            glued_by is not None and self.byline_split(text) is not None
        ):
            # Photo captions carry other dates and agencies: page furniture, not story text
            # (nor is a site's or a section's name: "Pacific Times", "AP News in Brief").
            self.flush_pending()
            self.leftover.append(text)
            self._closing_credit(current, text, None)
            if is_terminal(text) and current.paragraphs and not self._story_below(units, index):
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
            current.byline = _lone_name_byline(text)
            return
        if split is not None and self._byline_opens_story(units, index):
            byline, tail = split
            if not self._fits_header_zone(current, byline, byline_only=True):
                current = self.start_story()
            current.byline = byline
            body = tail.lstrip(" -–—:|")
            if tail and is_prose(body) and line_stamp(tail) is None:
                self.add_text(body)  # "By Dr Ann Lee - After twelve years ...": the text
            elif tail:
                self.leftover.append(tail)
                if (stamp := line_stamp(tail)) is not None:
                    self.page_date = stamp  # "By The Canadian Press on February 15th, 2023"
            return
        if self._closing_credit(current, text, split):
            self.leftover.append(text)
            return
        if is_read_more_only(text):
            self.flush_pending()
            if not current.closed and current.paragraphs and current is not self.stories[0]:
                current.is_teaser = current.read_more = True
                current.closed = True
            elif current.paragraphs:
                current.more_after.add(len(current.paragraphs))
            self.leftover.append(text)
            return
        if (
            current.byline is not None
            and current.dateline is None
            and len(current.paragraphs) <= current.standfirst
            and not is_prose(text)
            and self._dateline_ahead(units, index)
        ):
            self.leftover.append(text)  # "3 Min Read", a time stamp: between byline and dateline
            return
        if current.closed and not self.footer and self._full_after_preview(current, text):
            # "Title" / "Author says she ... ...More ..." / "Author says she ...": the
            # aggregator's preview, then the story in full under it. The preview goes.
            self.leftover.append(current.paragraphs.pop().text)
            current.closed = current.is_teaser = current.read_more = False
            self.add_text(text)
            return
        if self.footer or current.closed:
            lede = (
                self.pending
                and current.closed
                and not self.footer
                and (is_prose(text) or index == len(units) - 1 and sentence_like(text))
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
            elif self.pending and len(text) < 60 and not ends_sentence(text):
                self.leftover.append(text)  # a photo's name under a teaser's headline
            else:
                self.flush_pending()
                self.leftover.append(text)
            return
        if text in self.subheads and self._body_heading(units, index):
            self.add_paragraph(subhead_text(text) or text, "subhead")
            return
        if (
            TIME_ONLY.match(text)
            and current.dateline is None
            and len(current.paragraphs) <= current.standfirst
        ):
            self.leftover.append(text)  # "3:32 PM" under a headline: the story's stamp
            return
        if self.expect_headline:
            self.expect_headline = False
            if current.headline is None and not current.paragraphs and headline_candidate(
                text, min_words=2
            ):
                current.headline = debullet(text)
                return
        self.add_text(text)

    def _story_below(self, units: list[Unit], index: int) -> bool:
        """A blog's run of briefs, each signed off with its source's copyright line: a
        title with text under it after the line means the page goes on, no footer yet."""
        if not _COPYRIGHT_LINE.search(units[index].text):
            return False
        for at in range(index + 1, min(index + 4, len(units))):
            text = units[at].text
            if self.furniture(text):
                continue
            return headline_candidate(text, min_words=3) and self._prose_follows(
                units, at, deck=False
            )
        return False

    def _briefing_header(self, main: Draft) -> None:
        """The briefing's own title, byline and line of introduction above its first item
        ("The Friday news briefing" / "By The Canadian Press" / "Highlights from the news
        file ..."): no story, but the agency it names is every item's."""
        if len(main.paragraphs) > 1 or any(is_prose(p.text) for p in main.paragraphs):
            return
        self.briefing_credits = list(_story_agencies(main))
        self.flush_pending()
        if main.headline:
            self.leftover.append(main.headline)
        if main.byline is not None:
            self.leftover.append(main.byline.raw)
        self.leftover.extend(p.text for p in main.paragraphs)
        main.headline = main.byline = None
        main.paragraphs.clear()
        main.credits.clear()

    def _open_titled(self, headline: str) -> Draft:
        """The story a title line opens: a new one, unless the current story has nothing."""
        current = self.current
        assert current is not None
        if current.paragraphs or current.headline or current.dateline:
            current = self.start_story(titled=True)
        else:
            self.flush_pending()
        current.headline = headline
        return current

    def _place_topic_title(self, units: list[Unit], index: int) -> bool:
        """"Tonga/China - policing", "Cook Islands - appeal": a brief's title naming its
        place (or places) the gazetteer knows and its topic in a word or three, over text."""
        text = units[index].text
        m = _PLACE_TOPIC.fullmatch(text) if len(text) <= PLACE_TOPIC_CHARS else None
        if m is None or index + 1 >= len(units) or not is_prose(units[index + 1].text):
            return False
        return all(is_known_place(part.strip()) for part in m.group("place").split("/"))

    @staticmethod
    def _closing_credit(
        current: Draft, text: str, split: tuple[Byline, str] | None
    ) -> bool:
        """"By Xinhua", "cte/AFP" (the editor's initials, then the sources) or "© Agence
        France-Presse. All rights reserved." on a line of its own under a story's text that
        credits no one: the story's source (the copy's owner)."""
        if not current.paragraphs or current.paragraphs[-1].kind != "text":
            return False
        if split is not None and not split[1].strip() and split[0].agencies:
            codes = () if split[0].authors else split[0].agencies
        else:
            codes = _initials_credit(text) or copyright_agencies(text)
        if not codes or _story_agencies(current):
            return False
        current.credits.extend(codes)
        return True

    def _caps_kicker(self, units: list[Unit], index: int) -> bool:
        """A section's name in capitals, a word or three, right over an item's title that
        stands over the item's dateline: the item's kicker, no line of the item above."""
        text = units[index].text
        if (
            index + 2 >= len(units)
            or not text.isupper()
            or len(text) > KICKER_CHARS
            or not 1 <= len(text.split()) <= KICKER_WORDS - 1
            or any(ch.isdigit() for ch in text)
            or not text[:1].isalpha()
            or credit_line(text)
            or signoff_agencies(text)
            or self.dateline_at(text) is not None
        ):
            return False  # (not "- AP", a sign-off closing the item above)
        title = units[index + 1].text
        if title.isupper() or not headline_candidate(title, min_words=3):
            return False
        below = self.dateline_at(units[index + 2].text)
        return below is not None and not below[1] and below[0] is None

    def _stamp_between_stories(self, units: list[Unit], index: int) -> None:
        """A stamp after a story's body, beside a title with text under it, starts the next
        story (a blog or archive page: title, date, text, title, date, text)."""
        current = self.current
        assert current is not None
        if current.closed or self.footer or len(current.paragraphs) <= current.standfirst + 1:
            return
        last = current.paragraphs[-1]
        if (
            last.kind == "text"
            and _teaser_headline_like(last.text, min_words=2)
            and not signoff_agencies(last.text)  # "... seismic activity. - AFP/vm" ends a text
        ):
            self.start_story()  # title, then its stamp: the title is stolen as headline
            return
        ahead = [u.text for u in units[index + 1 : index + 3]]
        if len(ahead) == 2 and headline_candidate(ahead[0], min_words=2) and is_prose(ahead[1]):
            self.start_story()
            self.expect_headline = True  # stamp, then the title of the story below

    def _credit(self, units: list[Unit], index: int, codes: tuple[str, ...]) -> None:
        """A credit line ("- Bernama", "Source: APP", "The Associated Press") credits the
        story it closes, or the one whose dateline follows it when a body stands above."""
        current = self.current
        assert current is not None
        if len(current.paragraphs) > current.standfirst and self._dateline_ahead(units, index):
            self.pending_credits.extend(codes)
        else:
            current.credits.extend(codes)
            # A credit line under a story's body ends it: a title with text under it next
            # is the next story's (a page of whole stories, each signed "AFP"). A labelled
            # source ("Source: Saudi Press Agency") ends even a one-paragraph story.
            least = 0 if source_label(units[index].text) else 1
            self.signed_off = len(current.paragraphs) > current.standfirst + least

    def _body_heading(self, units: list[Unit], index: int) -> bool:
        """Whether an HTML heading is a subhead: it follows the story's first body paragraph
        and body text follows it. A heading right before a dateline, a byline that opens a
        story or a teaser's "read more" is that story's headline; one right before a section
        label or the page's end labels what comes next."""
        current = self.current
        assert current is not None
        text = units[index].text
        if len(current.paragraphs) <= current.standfirst or not ALNUM.search(text):
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
        self, story: Draft, byline: Byline | None, *, byline_only: bool = False
    ) -> bool:
        """Whether a byline/dateline still belongs to `story` (its header is not done)."""
        if story.closed or len(story.paragraphs) > story.standfirst:
            return False
        if byline_only:
            return story.byline is None  # a byline may follow the dateline, too
        if story.dateline is not None:
            return False
        return byline is None or story.byline is None

    def _credit_over_dateline(self, story: Draft, dateline: Dateline) -> Dateline:
        """"- Associated Press - Sunday, April 27, 2014" over "TOPEKA, Kan. (AP) - ...": a
        credit and a date with no place and no text of their own, right above a dateline
        with a place, are the story's header line. The line goes to leftover; its credit and
        date go to the story the dateline opens."""
        above = story.dateline
        if (
            above is None
            or above.place is not None
            or dateline.place is None
            or story.paragraphs
            or story.closed
        ):
            return dateline
        story.credits.extend(above.agencies)
        self.leftover.append(above.raw)
        story.dateline = None
        if above.date is not None and above.date_source == "dateline":
            self.page_date = above.date
            if dateline.date_source != "dateline":
                return replace(dateline, date=above.date, date_source="page_date")
        return dateline

    def _late_standfirst(self, story: Draft, byline: Byline | None) -> bool:
        """A headline, one paragraph (a photo caption, a deck), then the dateline: the
        paragraph stands first in the story the dateline opens, no story of its own. (For
        the main story, only when a byline above it showed its header had begun.)"""
        return (
            (story is not self.stories[0] or story.byline is not None)
            and not story.closed
            and story.headline is not None
            and story.dateline is None
            and (story.byline is None or story is self.stories[0])
            and byline is None
            and len(story.paragraphs) == story.standfirst + 1
            and story.paragraphs[-1].kind == "text"
        )

    @staticmethod
    def _main_is_full(story: Draft) -> bool:
        """Whether the main story already has a body of its own, so that a "read more"
        paragraph below it is another story's teaser rather than its own end."""
        if not story.paragraphs:
            return False
        if story.dateline is not None or story.byline is not None or len(story.paragraphs) > 1:
            return True
        return is_title_like(story.paragraphs[-1].text)

    def _dateline_ahead(self, units: list[Unit], index: int) -> bool:
        return any(self.dateline_at(u.text) is not None for u in units[index + 1 : index + 4])

    def _byline_opens_story(self, units: list[Unit], index: int) -> bool:
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
                titled and (is_prose(unit.text) or sentence_like(unit.text))
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
            if _BY_LINE_BELOW.match(last.text):
                break  # "- by Jane Doe" under the last item's lede: its byline, kept
            tail.append(story.paragraphs.pop().text)
        self.leftover.extend(reversed(tail))

    def result(self) -> SplitResult:
        stories: list[Story] = []
        main = self.stories[0]
        if all(d.empty for d in self.stories) and main.headline and is_prose(main.headline):
            # The page is one line of prose (a feed flattened onto a line) that was taken
            # for a title: it is the story's text, not a title over nothing.
            main.paragraphs.append(Paragraph("text", main.headline))
            main.headline = None
        drafts = [d for d in self.stories if not d.empty or d is self.stories[0]]
        # A title line that opened a story with nothing under it is kept, as leftover.
        # (Only the main story's title may come from the dump's header or the HTML title,
        # which are no body lines: it is kept only when the body printed it. A later
        # story's title always came from the body, perhaps cut from a longer line, as
        # "Teaser text" from "• Teaser text ... read more": it is always kept.)
        dropped = [d.headline for d in self.stories[1:] if d.empty and d.headline]
        if self.stories[0].empty:
            drafts = drafts[1:]
            if self.stories[0].headline and drafts and drafts[0].headline is None:
                drafts[0].headline = self.stories[0].headline
            elif self.stories[0].headline in self.body_titles:
                dropped.insert(0, self.stories[0].headline)
        self.leftover.extend(dropped)
        if not drafts:
            raise DumpError(RejectReason.NO_STORY, "no story text: every line is page furniture")
        for draft in drafts:
            _title_under_bare_dateline(draft)
            _byline_after_title(draft)
        briefs_page = self._titled_briefs()
        drafts = [
            piece for draft in drafts for piece in split_listing(draft, briefs_page=briefs_page)
        ]
        if is_listing(drafts):
            # On a page of ledes, one title over one lede is an item too, not a subhead.
            drafts = [piece for d in drafts for piece in split_listing(d, in_listing=True)]
        drafts = [piece for draft in drafts for piece in split_title_run(draft)]
        drafts = cut_starts(drafts)
        if briefs_page:
            drafts = [
                piece
                for draft in drafts
                for piece in split_untitled_briefs(
                    draft, page_heading=bool(_BRIEFS_TITLE.search(draft.headline or ""))
                )
            ]
        _title_first_item(drafts)
        if self.digest is not None:
            drafts = [piece for draft in drafts for piece in split_slug_items(draft)]
            drafts = [piece for draft in drafts for piece in split_dash_items(draft)]
            lift_topic_slugs(drafts)
            for draft in drafts:  # "Kyodo News Digest": each brief is the agency's
                draft.credits.append(self.digest)
                _signed_byline(draft)
        else:
            _credit_digest_items(drafts)
        if self.section is not None:
            for draft in drafts:  # an item under "AFP Africa" that credits no one
                if not _story_agencies(draft):
                    draft.credits.append(self.section)
        if is_listing(drafts):
            # Where the page marks its teasers ("read more"), the unmarked main story is the
            # full one; a story with a byline is a story in full, too.
            marked = any(d.is_teaser for d in drafts[1:])
            titled = self._titled_briefs()
            briefs = is_briefs(drafts) or titled
            for index, draft in enumerate(drafts):
                if index == 0 and marked:
                    continue
                draft.is_teaser = draft.is_teaser or listing_teaser(
                    draft, main=index == 0, briefs=briefs, titled=titled
                )
            if all(d.is_teaser for d in drafts[1:]) and (
                _lede_cut(drafts[0])
                or len(drafts) >= LISTING_ITEMS
                and not any(d.read_more for d in drafts)
                and listing_teaser(drafts[0], main=False)
            ):
                # Every other item is a teaser and the first one's lede is cut off, too, or,
                # where no "read more" marks the teasers apart from the main story, the
                # first has their shape (one short lede, no byline) in a long list: the
                # first is one of them.
                drafts[0].is_teaser = True
        for draft in drafts:
            _byline_below_text(draft)
        _mark_previews(drafts)
        _even_out_teasers(drafts)
        _first_like_its_teasers(drafts)
        _date_from_titles(drafts)
        for before, draft in pairwise(drafts):
            if draft.cut_off:
                draft.is_teaser = before.is_teaser  # an item like the one above it
        if self.separators:
            # A list of untitled items under stamps or credits: its items are alike, a
            # paragraph each is a list of cut-off teasers, longer ones are briefs told whole.
            teasers = all(len(d.paragraphs) <= 1 for d in drafts)
            for draft in drafts:
                draft.is_teaser = teasers
        drafts = self._place_inline_links(drafts)
        for position, (title, lede) in enumerate(self.lead_links):
            # (Links above the story come first, in page order; the story stays the main.)
            text = strip_read_more(lede)[0] if lede else ""
            stories.append(
                Story(
                    position=position, role="related", is_teaser=True, headline=title,
                    byline=None, dateline=None, agencies=(),
                    paragraphs=(Paragraph("text", text),) if text else (),
                )
            )
        for index, draft in enumerate(drafts):
            stories.append(
                Story(
                    position=len(stories),
                    role="main" if index == 0 else "related",
                    is_teaser=draft.is_teaser,
                    headline=draft.headline,
                    byline=draft.byline,
                    dateline=draft.dateline,
                    agencies=_story_agencies(draft),
                    paragraphs=tuple(draft.paragraphs),
                )
            )
            if index == 0:
                # (The site's list under the main headline follows the story, in page order.)
                base = len(stories)
                stories.extend(
                    Story(
                        position=base + offset, role="related", is_teaser=True,
                        headline=title, byline=None, dateline=None, agencies=(), paragraphs=(),
                    )
                    for offset, title in enumerate(self.side_links)
                )
        return SplitResult(tuple(stories), tuple(self.leftover))


# "By: Jane" right before a found dateline: the dateline's "place" is the writer's surname.
_BY_GIVEN = re.compile(r"\b[Bb][Yy]:?[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){1,3}$")


def _writer_surname(before: str, found: DatelineMatch) -> bool:
    """"15th January 2013 By: Jane Greve - Contributing Editor": an uncredited "dateline"
    right after a byline's given names is the writer's surname and a dash, not a place."""
    return not found.dateline.agencies and _BY_GIVEN.search(before) is not None
# A widget's line run into the byline under it: "Be the first to comment!By Ann Lee".
_FURNITURE_THEN_BY = re.compile(r"^(?P<pre>.{3,60}?[!.?:)])\s*(?P<by>By\s+[A-Z].*)$")


BULLET_TITLES_MIN = 5  # bulleted titles in a row that make a list without a label
_NUMBERED = re.compile(r"[ \t]*\d{1,2}[.)][ \t]+(?=\S)")  # "3. Title" in a numbered list
_BRACKET_ORDINAL = re.compile(r"\[\d{1,3}\][ \t]+")  # "[07] Title": a bulletin's numbering
LABEL_TITLES_MIN = 3  # titles under a list's label before each is read as a teaser
FRAGMENT_CHARS = 40  # a stored page's last line cut off under the last item's title
CUT_TITLE_CHARS = 60  # a title cut off by the page's end is no longer than this
_CUT_AFTER_DASH = re.compile(r"(?P<head>.+?[-–—:])[ \t]+(?P<rest>\S{1,20})")
RUN_IN_ITEMS = 3  # briefs opening with a known place in capitals before the page's form counts
TICKER_LABELS = 2  # short lines that may stand over a ticker of titles ("Off the wire")


def _lead_ticker(units: list[Unit]) -> int:
    """Where a ticker of titles at the page's top ends (its label over it), else 0."""
    if not any(unit.ticker for unit in units[: TICKER_LABELS + 1]):
        return 0
    index = 0
    while index < min(len(units), TICKER_LABELS) and not units[index].ticker:
        if is_prose(units[index].text):
            return 0
        index += 1
    start = index
    while index < len(units) and units[index].ticker:
        index += 1
    return index if index > start else 0


MIRROR_HEAD_LINES = 80  # where a mirrored bulletin names its source, under the mirror's menus
SECTION_HEAD_LINES = 3  # a section's label opens the page: "AFP Africa", then the list
MASTHEAD_LINES = 3  # non-blank lines at the page's top where an agency's masthead stands
MASTHEAD_AFTER_WORDS = 5  # what may stand above it: "Advertisement", "UPI NEWS AT A GLANCE"


def _masthead(lines: list[str]) -> str | None:
    """The agency whose name alone stands at the page's top ("Xinhua News Agency" over a
    digest, "AFP" over its author page), unless it is a byline's affiliation."""
    seen = [line.strip() for line in lines[: 4 * MASTHEAD_LINES] if line.strip()]
    for index, line in enumerate(seen[:MASTHEAD_LINES]):
        code = masthead_agency(line) if len(line) > 2 else None  # "AA": a text-size button
        if code is not None:
            if index and seen[index - 1].casefold().startswith("by "):
                return None  # "By JANE DOE" / "Associated Press": the first story's byline
            return code
        if len(line.split()) > MASTHEAD_AFTER_WORDS:
            return None  # a headline above it: the name is that story's byline
    return None

EVEN_ITEMS = 3  # datelined items on a page before they are judged as one list
EVEN_DATELINED = 0.8
EVEN_MAJORITY = 0.6


def _even_out_teasers(drafts: list[Draft]) -> None:
    """A page of datelined items is one kind of list: where only its last item reads as a
    teaser, that is the page's copy cut off (the items are whole); where most items are
    teasers, so are the odd ones out (a first item that alone is whole stays the story)."""
    if len(drafts) < EVEN_ITEMS:
        return
    if sum(d.dateline is not None for d in drafts) < EVEN_DATELINED * len(drafts):
        return
    flags = [d.is_teaser for d in drafts]
    if all(flags) or not any(flags):
        return
    last = drafts[-1]
    if not any(flags[:-1]) and not last.read_more:
        last.is_teaser = False
        return
    if sum(flags) >= EVEN_MAJORITY * len(flags) and not (not flags[0] and all(flags[1:])):
        for draft in drafts:
            draft.is_teaser = True


def _text_chars(draft: Draft) -> int:
    """How much text an item shows (subheads aside): what list items are compared by."""
    return sum(len(p.text) for p in draft.paragraphs if p.kind == "text")


def _mark_previews(drafts: list[Draft]) -> None:
    """A story printed again further down the page, in full under the same headline: the
    first, shorter copy is the page's preview of it (a teaser list above the article)."""
    chars = [_text_chars(d) for d in drafts]
    for index, draft in enumerate(drafts):
        if draft.is_teaser or not draft.headline:
            continue
        key = draft.headline.casefold()
        if any(
            later.headline and later.headline.casefold() == key and chars[at] > chars[index]
            for at, later in enumerate(drafts[index + 1 :], index + 1)
        ):
            draft.is_teaser = True


FIRST_TEASER_ITEMS = 2  # teasers under the first item before its size is judged by theirs
FIRST_TEASER_RATIO = 2.0  # a first item no longer than this many of its teasers is one


def _first_like_its_teasers(drafts: list[Draft]) -> None:
    """A list whose items below the first are all teasers, and whose first item is no
    longer than about two of them, is a page of teasers (a tag, archive or section page):
    a main story over its related teasers is several times their length.

    (On the real-page dev pages, every such first item up to twice the teasers' median
    text was labelled a teaser, every one from 2.3 times up a main story.)"""
    if len(drafts) <= FIRST_TEASER_ITEMS or drafts[0].is_teaser or drafts[0].byline:
        return  # (a signed story is told in full)
    if not all(d.is_teaser for d in drafts[1:]):
        return
    if drafts[0].headline is not None and not all(d.headline for d in drafts[1:]):
        return  # a titled story over untitled teasers (the wire's own page): its main story
    chars = [_text_chars(d) for d in drafts]
    rest = sorted(chars[1:])
    median = rest[len(rest) // 2]
    if median and chars[0] <= FIRST_TEASER_RATIO * median:
        drafts[0].is_teaser = True


def _date_from_titles(drafts: list[Draft]) -> None:
    """An item whose title ends in a date ("... sparks anger 29 Jun 2015") is of that day,
    where its dateline gives no date of its own (none, or the page's or the dump's)."""
    for draft in drafts:
        dateline = draft.dateline
        if (
            dateline is None
            or draft.headline is None
            or dateline.date_source not in (None, "page_date", "dump_date")
        ):
            continue
        when = title_date(draft.headline)
        if when is not None and when != dateline.date:
            draft.dateline = replace(dateline, date=when, date_source="page_date")


# "Also read: <title>", "Lea también: <title>": a link to another story set inside the text.
_INLINE_LINK = re.compile(
    r"(?:also\s+read|read\s+also|read\s+more|see\s+also|related|related\s+story"
    r"|lea\s+tambi[ée]n|le\s+puede\s+interesar|te\s+puede\s+interesar|de\s+inter[ée]s"
    r"|lee\s+tambi[ée]n|leia\s+tamb[ée]m|lire\s+aussi|[àa]\s+lire\s+aussi|leggi\s+anche"
    r"|lesen\s+sie\s+auch)\s*:\s*(?P<title>\S.*)",
    re.IGNORECASE,
)
INLINE_LINK_CHARS = 220


def _inline_link(text: str) -> bool:
    """A label, a colon and a title; not a sentence ("Read more: how we check facts.")."""
    m = _INLINE_LINK.fullmatch(text.strip())
    if m is None or len(text) > INLINE_LINK_CHARS:
        return False
    title = m.group("title").strip().removeprefix("[Video]").strip()
    return headline_candidate(title, min_words=3) and not title.endswith(".")


# A live ticker's entry: "+++ 16.19 Uhr: Title +++" (its time, perhaps, then its title).
_TICKER_TITLE = re.compile(
    r"\+\+\+[ \t]*(?:\d{1,2}[.:]\d\d(?:[ \t]*(?:Uhr|h))?[ \t]*[:\-–][ \t]*)?"
    r"(?P<title>[^\W\d_][^+]{10,200}?)[ \t]*\+\+\+"
    # "22:45   Puducherry L-G says she is no rubber stamp": a live page's timed entry, the
    # time set apart from its title by a wide gap
    r"|[0-2]?\d:[0-5]\d[ \t]{2,}(?P<timed>[^\W\d_][^\n]{10,200})"
)


def _lede_cut(draft: Draft) -> bool:
    texts = [p.text for p in draft.paragraphs if p.kind == "text"]
    return len(texts) == 1 and cut_off(texts[0])


def _item_text(text: str) -> bool:
    """The last item's text, which the page may cut short: prose, or a sentence's start."""
    return is_prose(text) or (len(text) >= CUT_ITEM_CHARS and text[:1].isupper())


SHORT_SENTENCE_WORDS = 5


def _item_paragraph(text: str) -> bool:
    """A paragraph of an untitled item past its first: prose, or one short sentence told
    to its end (a quote: '"That will all go," an inspector said.')."""
    return is_prose(text) or (
        ends_sentence(text)
        and len(text.split()) >= SHORT_SENTENCE_WORDS
        and not is_title_like(text)
    )


# "Thursday 30 March 2023 | Written by RNZ | Published in Fiji, Regional": a list item's
# line of its date, its writer and its section.
META_LINE_CHARS = 160
_META_WRITER = re.compile(r"(?:written\s+by|posted\s+by|by|source)\s*:?\s*(?P<who>.+)", re.I)


def meta_line(text: str) -> tuple[str, ...] | None:
    """The agencies an item's date-and-writer line names (() for none), or None when the
    line is not one: a date, then fields parted by pipes, one of them the writer's."""
    if " | " not in text or len(text) > META_LINE_CHARS:
        return None
    date, *fields = (part.strip() for part in text.split("|"))
    if not (any(ch.isdigit() for ch in date) and is_bare_stamp(date)):
        return None
    writers = [m.group("who") for f in fields if (m := _META_WRITER.fullmatch(f))]
    if not writers:
        return None
    return tuple(code for who in writers if (code := agency_code(who)) is not None)


def _separator_kind(text: str, *, repeated: bool) -> str | None:
    """"stamp" for a line that is only a date ("26 January 2022"), "credit" for one that is
    only an agency's credit, the same line over each item ("(AFP )"), else None."""
    if any(ch.isdigit() for ch in text) and is_bare_stamp(text):
        return "stamp"
    return "credit" if repeated and credit_line(text) else None


def _echoed(title: str, units: list[Unit]) -> bool:
    """Whether another line opens with this one's words: a photo's caption printed twice
    (over the picture, then with its credit), no item's title."""
    head = " ".join(title.split()[:ECHO_WORDS])
    return any(
        unit.text.lstrip().startswith(head) and unit.text.strip() != title.strip()
        for unit in units
    )


def _teaser_headline_like(text: str, *, min_words: int = 3) -> bool:
    """A related story's headline: title-like, and not an ALL-CAPS section label (a title in
    Japanese or Chinese has no case at all)."""
    return headline_candidate(text, min_words=min_words) and not text.isupper()


LISTING_ITEMS = 4  # a list this long sets the shape its first item is judged by
KICKER_WORDS = 4
KICKER_CHARS = 40  # a label over a headline ("Local Tea-Lovers") is this short


# A link to a video, a gallery or another story printed between headline and dateline.
_PROMO = re.compile(
    r"^(?:WATCH|VIDEO|LISTEN|PHOTOS?|GALLERY|PODCAST|READ\s+ALSO|ALSO\s+READ|RELATED"
    r"|SEE\s+ALSO)\b\s*[:|]",
    re.IGNORECASE,
)

# A role printed under a reporter's name ("Jane Doe" / "Staff Writer").
_ROLE_LINE = re.compile(
    r"^(?:(?:senior|chief|staff|political|business|foreign|special|contributing|sports"
    r"|investigative|health|science|senior\s+staff)\s+)*(?:reporter|writer|correspondent"
    r"|editor|journalist|contributor|columnist|producer)s?$",
    re.IGNORECASE,
)


def _person_name(text: str) -> bool:
    """Two or three capitalised words that make one person's name, no source or desk."""
    words = text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    if any(ch.isdigit() or ch in ",.:;!?|()" for ch in text):
        return False
    if not_a_person(text) or is_boilerplate(text):
        return False  # "Capital Market", "Kuwait Times": a source, not a person; "Short Url"
    byline = parse_byline("By " + text)
    return byline is not None and len(byline.authors) == 1 and not byline.agencies


def _name_over(text: str, below: str) -> bool:
    """"Jane Doe" alone on a line, then a time stamp, a role ("Staff Writer") or the
    agency alone ("AFP", as aggregators print a wire story's byline)."""
    if (
        line_stamp(below) is None
        and not _ROLE_LINE.match(below.strip())
        and not (len(below) <= 40 and credit_line(below.strip()))
    ):
        return False
    return _person_name(text)


def _lone_name_byline(text: str) -> Byline:
    byline = parse_byline("By " + text)
    assert byline is not None
    return Byline(raw=text, authors=byline.authors)


_INLINE_TEASER = re.compile(
    "^[" + re.escape(BULLET_MARKS) + r"]?\s*"
    r"(?P<title>[^-–—]{10,140}?)\s+[-–—]\s+(?P<lede>\S.{20,})$",
    re.DOTALL,
)
def _label_under_title(above: str, line: str) -> bool:
    """"NCP tea reception" under "Nepal in the path of development and prosperity": a
    short label or photo name printed between a full title and the dateline."""
    return (
        len(WORD.findall(line)) <= KICKER_WORDS
        and len(WORD.findall(above)) > KICKER_WORDS
        and headline_candidate(above, min_words=5)
        and not is_stamp_line(above)
    )


def _kicker(text: str) -> bool:
    return (
        len(WORD.findall(text)) <= KICKER_WORDS
        and is_title_like(text, min_words=1)
        and not signoff_agencies(text)
    )


def _chrome_fragment(text: str) -> bool:
    """"About us", "Contact": a few words, no sentence end, no agency sign-off."""
    if len(WORD.findall(text)) > 4 or text.endswith((".", "!", "?", '"', "”", ")")):
        return False
    return not signoff_agencies(text)


PREVIEW_WORDS = 6  # a preview repeats at least the first words of the story under it
GLUED_TITLE_REACH = 240  # a headline run into a dateline ends this soon on a long line
# A place in capitals (and perhaps its state), then a spaced dash, after a title's last word.
_GLUED_CAPS = re.compile(
    r"(?<=[^\W_’'\"”?!)]|[’'\"”?!)]) ([A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+){0,3}"
    r"(?:, [A-Z][A-Za-z.]{1,13})?) (?:-{1,2}|[–—]) "
)
# A small letter, then a capital: where a title ran into the dateline with no space.
_CAMEL_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])")
# "Temblores remecen dos regiones de Ecuador Quito.- Dos movimientos ...": the Spanish
# papers' place with a stop and a hyphen, run onto the title in any case.
_STOP_DASH = re.compile(r"(?<=[^\W\d_])\.-[ \t]*(?=[\"“‘¿¡]?[A-ZÀ-Ý])")
_PLACE_WORDS_BACK = re.compile(
    r"(?<=[^\W_’'\"”?!)]|[’'\"”?!)]) (?=((?:[A-ZÀ-Ý][\w'’-]+ (?:(?:de|del|la) )?){0,2}"
    r"[A-ZÀ-Ý][\w'’-]+)$)"
)
# Words a title never ends with, though a sentence running into a place may: "... a Quito".
_LINKING_WORDS = frozenset(
    ("a", "al", "en", "de", "del", "la", "el", "los", "las", "y", "e", "o", "para", "por",
     "desde", "hacia", "con", "sin", "sobre", "entre", "que", "à", "au", "aux", "le", "les",
     "du", "des", "et", "em", "no", "na", "do", "da", "to", "in", "at", "from", "of", "the",
     "and", "for", "on", "into")
)
RESIDUE_REACH = 160  # how far into a long line a dateline after page residue may start
RESIDUE_CREDIT_CHARS = 60  # a picture credit or share bar before a dateline is this short
RESIDUE_CREDIT_WORDS = 6
DATELINE_REACH = 80  # a dateline's separator, bracket or date comes this soon after its start
_AGO = re.compile(
    r"^\d{1,2}\s*(?:hours?|hrs?|minutes?|mins?|uur|minuten|minuut|heures?|horas?|stunden?|ore)"
    r"\s+(?:ago|geleden)?$|^(?:il\s+y\s+a|hace|vor)\s+\d{1,2}\s+\w+$",
    re.IGNORECASE,
)


_AGO_GLUED = re.compile(
    r"^\d{1,2}\s*(?:hours?|hrs?|minutes?|mins?|uur|minuten|minuut|heures?|horas?|stunden?|ore)"
    r"\s+(?:ago|geleden)(?=[A-Z])",
)


_IMAGE_MARKUP = re.compile(r"!?\[[^\]]{0,80}\](?:\([^)\s]{0,300}\))?")
_CRUMBS = re.compile(r"^[^.!?]{1,40}(?:\s*[»›>]\s*[^.!?»›>]{1,40}){1,5}$")


def _residue_like(text: str) -> bool:
    """What a page may print before a dateline on its line: image residue ("![]() |",
    "![Photo](https://...)"), a time stamp ("Thursday, 3 October 2019 ()"), "2 hours ago",
    a breadcrumb trail ("Home » World"), share links, a picture's caption or credit."""
    core = _IMAGE_MARKUP.sub(" ", text).strip().strip(PREFIX_TAIL + "()[]!")
    if not ALNUM.search(core):
        return True
    if is_stamp_line(core) or _AGO.match(core) or _CRUMBS.match(core) or _NOTE.match(core):
        return True
    if TIME_ONLY.match(core):
        return True  # "13:12 | Lima, Jun. 12.": the item's time before its dateline
    # A credit or a share bar is short and ends in a name or a mark; a caption's sentence
    # ("Photo: Workers restore a roof in") names a place and a date of its own.
    words = core.split()
    return (
        len(core) <= RESIDUE_CREDIT_CHARS
        and len(words) <= RESIDUE_CREDIT_WORDS
        and not words[-1].islower()
        and (is_boilerplate(core) or is_caption(core))
    )


# (A year run into the place is a cut, too: "January 2, 2017MIAMI, Florida --".)
# Words that begin place names the gazetteer may lack ("Camp Zeist"), never a label.
_PLACE_PREFIXES = frozenset(
    {"camp", "fort", "port", "mount", "mt", "lake", "cape", "san", "santa", "saint", "st",
     "new", "north", "south", "east", "west", "upper", "lower", "greater", "el", "la", "le",
     "los", "las", "al"}
)  # fmt: skip

# A page of briefs says so in its title, in the languages the parser reads.
_BRIEFS_TITLE = re.compile(
    r"\b(?:briefs?|in\s+brief|briefing|news\s+roundup|news\s+summary|kurzmeldungen|kurz\s+notiert|kompakt|en\s+bref"
    r"|brevi|breves|noticias\s+breves|in\s+het\s+kort)\b",
    re.IGNORECASE,
)
BRIEFS_TITLE_LINES = 4  # where a page's title stands

# An aggregator's tag before the story it carries: "(MENAFN- Jordan News Agency)".
_AGGREGATOR_TAG = re.compile(
    r"^(?:\d\d-\d\d-\d\d\s+)?\(MENAFN\s*-\s*(?P<source>[^()]{1,60}(?:\([^()]{1,20}\))?[^()]{0,20})\)"
)
_PREVIEW_CARD = re.compile(r"\b\d{1,3}\s+min(?:ute)?s?\s+read\s+Preview$", re.IGNORECASE)
_PLACE_START = re.compile(r"(?<=\s)\S|(?<=[a-z])(?=[A-Z]{3})")
_PLACE_WORDS = re.compile(r"[^,(\[\u2013\u2014-]+")


def _caps_tail(raw: str, agencies: tuple[str, ...]) -> int:
    """Where a place in capitals starts after words that are no part of it, in a credited
    dateline's place: a word in lower or title case, or the dateline's own agency, before
    the capitals ("Bakhmut ANDRIIVKA", "AP MARENGO"). 0 when the place is all one case."""
    head = _PLACE_WORDS.match(raw)
    if head is None or not agencies:
        return 0
    words = list(re.finditer(r"\S+", head.group()))
    for index in range(1, len(words)):
        rest = [w.group() for w in words[index:]]
        lead = [w.group() for w in words[:index]]
        if not all(w.isupper() and sum(ch.isalpha() for ch in w) >= 3 for w in rest):
            continue
        if len(lead) == 1 and agency_code(lead[0]) in agencies:
            return words[index].start()  # the agency's name, then its dateline
        if not any(w.isupper() for w in lead):
            return words[index].start()  # (not "SAN FRANCISCO and LOS ANGELES")
        return 0
    return 0
_CUT_POINT = re.compile(
    r"(?:^|(?<=[\s)\]|»›>])|(?<=[12]\d\d\d)(?=[A-Z]{2})|(?<=[a-z])(?=\([A-Z]))"
    r"(?=\(?[A-Z\u0620-\u064a\u0900-\u097f])"
)  # (and a credit run into a bracketed place: "Getty Images(KOGELO, Kenya) –")


# An editor's tag before the dateline: "(Updated 10:30 a.m.)", "UPDATED:", "BREAKING -".
_NOTE = re.compile(
    r"^(?:updated?|update\s+\d{1,2}|breaking(?:\s+news)?|developing|exclusive|corrected"
    r"|refile|correction)(?:\s*(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$",
    re.IGNORECASE,
)
_COPYRIGHT_LINE = re.compile(r"copyright|©|\(c\)\s*\d{4}|all\s+rights\s+reserved", re.I)
# A picture's credit that ends its caption: "REUTERS/Jo Roe/File Photo", "AP Photo/Jo Roe".
_PHOTO_CREDIT = re.compile(
    r"(?:\b(?:REUTERS|Reuters|AFP|EPA(?:-EFE)?|AP\s+Photo|Getty\s+Images|Xinhua)\s*/"
    r"(?:\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*/?)+?(?:\s*(?:File\s+)?Photo)?\)?"
    r"|\b(?:Photo|Picture|Image)\s+courtesy\s+of\s+[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}"
    r"\."
    # "... after taking charge on Monday. — PTI New Delhi, October 29": South Asian papers
    # credit the picture's agency after a dash.
    r"|(?<=[.!?])[ \t]+[—–][ \t]*(?:PTI|ANI|IANS|UNI|AFP|AP|Reuters|Xinhua|Bernama|EPA|BSS|APP)"
    r")(?:[ \t]+|(?<=\)))(?=[A-Z(])"
)
CAPTION_REACH = 600  # how far into a line a caption run into the dateline may end

_RESIDUE_SIGN = re.compile(r"[|)\]»›>©:\d]|\b[A-Z]{3,}\b")


_DATELINE_END = re.compile(r"[-–—:(|/\d]")


def residue_cuts(text: str) -> Iterator[int]:
    """Where a dateline may start after page residue on its line: word starts in the
    line's head whose text before is residue, with a dateline's separator, bracket or
    date within reach after them."""
    head = text[:RESIDUE_REACH]
    if not _RESIDUE_SIGN.search(head):
        return  # (cheap test first: residue has a stamp, a bracket, a bar or capitals)
    for m in _CUT_POINT.finditer(head):
        cut = m.start()
        if cut == 0 or not _DATELINE_END.search(text, cut, cut + DATELINE_REACH):
            continue
        if _residue_like(text[:cut]):
            yield cut


def _label_like(text: str) -> bool:
    """Text that may sit before a dateline on its line: a headline or a short label,
    never the end of a sentence (then the "dateline" is part of running prose)."""
    quoted = text[:1] in "\"“" and text.endswith(('"', "”")) and len(text) > 2
    if quoted and text[-2:-1] not in ".!?,;":
        return is_title_like(text[1:-1])  # "“No free vote under him” Washington.- ..."
    if not text or text.endswith((".", "!", "?", ",", ";", '"', "”")):
        return False
    return is_title_like(text) or is_boilerplate(text) or len(WORD.findall(text)) <= 3


_AGENCY_NAME_WORDS = 4  # "Agence France Presse", "Associated Press of Pakistan"


def _agency_name_ahead(text: str) -> int:
    """Length of an agency's name in words (two at least) opening `text`, with the space
    after it; 0 when none."""
    words = list(re.finditer(r"\S+", text[:80]))
    for k in range(min(_AGENCY_NAME_WORDS, len(words) - 1), 1, -1):
        if agency_code(text[: words[k - 1].end()]) is not None:
            return words[k].start()
    return 0


CAPTION_SENTENCE_CHARS = 220


def _caption_sentence(text: str) -> bool:
    """One short sentence, as a picture's caption reads ("The forward at his unveiling on
    Thursday.")."""
    body = text.rstrip()
    return (
        len(body) <= CAPTION_SENTENCE_CHARS
        and body.endswith(".")
        and not re.search(r"[.!?]\s+[A-Z]", body[:-1])
    )


_SOURCE_LINE = re.compile(rf"^\s*(?:{SOURCE_LABELS}|source\s+de)\s*:", re.I)


def _source_above(text: str, main: Draft) -> None:
    """"Source: GNA" over the headline credits the story (page chrome otherwise)."""
    if _SOURCE_LINE.match(text):
        main.credits.extend(credit_line(text))


_BY_LINE_BELOW = re.compile(r"^[-–—]\s*(?=[Bb]y\s)")
BY_LINE_BELOW_CHARS = 90


def _byline_below_text(draft: Draft) -> None:
    """"- by Jane Doe and John Roe" as the last line under a list item's lede (the site
    prints its writers below the text): the item's byline, not a line of its text."""
    if draft.byline is not None or len(draft.paragraphs) < 2:
        return
    last = draft.paragraphs[-1]
    if last.kind != "text" or len(last.text) > BY_LINE_BELOW_CHARS:
        return
    dash = _BY_LINE_BELOW.match(last.text)
    if dash is None:
        return
    byline = parse_byline(last.text[dash.end() :])
    if byline is not None and byline.authors:
        draft.paragraphs.pop()
        draft.byline = replace(byline, raw=last.text)


def _byline_after_title(draft: Draft) -> None:
    """"Five dead in pipeline attack by Jane J. Doe" over "Washington (UPI) May 21, 2018":
    the Space Media Network's flattened title with its byline run on."""
    if draft.byline is not None or not draft.headline or draft.dateline is None:
        return
    wire = _TITLE_WIRE_BY.search(draft.headline)
    if wire is not None and len(draft.headline[: wire.start()].split()) >= 3:
        # "Rain cripples transit By ANN LEE and JOHN ROE, Associated Press Writers": the
        # wire's own byline run onto its title (a portal's copy)
        named = parse_byline(wire.group("by"))
        if named and named.authors:
            draft.headline = draft.headline[: wire.start()]
            draft.byline = named
            return
    signed = _TITLE_BY.search(draft.headline)
    if signed is None or signed.group("by").split()[-1].lower() in _ORG_WORDS:
        return  # "... Data Catalog Platforms by Ardent Research": the title's own words
    before = draft.headline[: signed.start()].rstrip(" —–-:").split()
    if not before or before[-1].lower() in _PICTURE_WORDS or is_caption(draft.headline):
        return  # "... — Picture by Jane Doe": a caption's credit
    named = parse_byline(signed.group("by"))
    if named and named.authors and len(draft.headline[: signed.start()].split()) >= 3:
        draft.headline = draft.headline[: signed.start()]
        draft.byline = named


_ORG_WORDS = frozenset(
    ("research", "group", "institute", "foundation", "association", "council", "company",
     "corp", "corporation", "inc", "ltd", "llc", "partners", "capital", "analytics", "media",
     "news", "agency", "ministry", "bank", "university", "labs", "consulting", "insights",
     "intelligence", "review", "awards", "magazine", "report", "index", "survey", "society")
)  # fmt: skip
_PICTURE_WORDS = frozenset(("picture", "pictures", "photo", "photos", "image", "video", "graphic"))
_TITLE_BY = re.compile(r"\s+(?P<by>[Bb]y\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})$")
_CAPS_NAME = r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]*){1,3}"
_TITLE_WIRE_BY = re.compile(
    rf"\s+(?P<by>By\s+{_CAPS_NAME}(?:(?:,\s*|\s+and\s+){_CAPS_NAME})*,\s*(?:The\s+)?"
    r"(?:Associated\s+Press|AP|Reuters|AFP|Canadian\s+Press)(?:\s+(?:Writers?|Correspondents?"
    r"|Staff))?)\s*$"
)


def _side_title(text: str) -> bool:
    """A news title in a site's list: a few words, capitalised, no full stop ("Volcanos,
    earthquakes: Is the Pacific rim waking up?" asks)."""
    words = text.split()
    return (
        SIDE_TITLE_WORDS[0] <= len(words) <= SIDE_TITLE_WORDS[1]
        and (text[:1].isupper() or text[:1].isdigit() or text[:1] in "'\"‘“")
        and not text.rstrip().endswith((".", ",", ";", ":"))
    )


def _title_under_bare_dateline(draft: Draft) -> None:
    """"PTI -May 23, 2025" alone on its line, then a title line, then the text (a tag
    page's item: the credit and stamp over the title): the title line is the headline."""
    paras = draft.paragraphs
    if draft.headline is not None or not draft.bare_dateline or len(paras) < 2:
        return
    first, second = paras[0], paras[1]
    if first.kind != "text" or second.kind != "text" or ends_sentence(first.text):
        return
    if len(first.text.split()) > TITLE_UNDER_DATELINE_WORDS or not is_prose(second.text):
        return
    if headline_candidate(first.text, min_words=4):
        draft.headline = paras.pop(0).text
        draft.standfirst = max(0, draft.standfirst - 1)


# A digest item's last words name its writer: "... to have enormous influence. By Ann Lee."
_SIGNED = re.compile(
    r"[.!?\"”]\s+(?P<by>By\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\.\s*$"
)
# "... in his luggage. By Ann Lee and Jo Roe. SENT: 700 words, photos.": a coverage plan's
# item, signed before its length.
_SIGNED_BEFORE_SENT = re.compile(
    r"[.!?\"”’]\s+(?P<by>By\s+[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|&)){1,9})\."
    r"(?=\s+(?:SENT|With|UPCOMING)\b)"
)


def _signed_byline(draft: Draft) -> None:
    """An agency digest's item signed at its end ("... By Ann Lee."): its byline (the text
    keeps the words)."""
    if draft.byline is not None:
        return
    texts = [k for k, p in enumerate(draft.paragraphs) if p.kind == "text"]
    for k in reversed(texts[-2:]):  # (a photo note may follow: "AP Photos NY101.")
        text = draft.paragraphs[k].text
        m = _SIGNED.search(text)
        byline = parse_byline(m.group("by")) if m else None
        if m is not None and byline is not None and byline.authors and not byline.agencies:
            # The signature leaves the text for the byline, as a byline line would.
            draft.paragraphs[k] = Paragraph("text", text[: m.start("by")].rstrip())
            draft.byline = replace(byline, raw=text[m.start("by") :].strip())
            return
    if not texts:
        return
    first = draft.paragraphs[texts[0]].text
    m = _SIGNED_BEFORE_SENT.search(first)
    byline = parse_byline(m.group("by")) if m else None
    if m is not None and byline is not None and byline.authors and not byline.agencies:
        # The signature leaves the text; the length note after it stays as the item's
        # last line ("SENT: 700 words, photos.").
        draft.byline = replace(byline, raw=m.group("by"))
        after = first[m.end() :].strip()
        draft.paragraphs[texts[0] : texts[0] + 1] = [
            Paragraph("text", first[: m.start("by")].rstrip()),
            *([Paragraph("text", after)] if after else []),
        ]


def _credit_digest_items(drafts: list[Draft]) -> None:
    """Under an agency's digest lead ("SEOUL, Nov. 3 (Yonhap) -- Here are the week's main
    stories"), or on an aggregator's page of one agency's release ("(MENAFN- Kuwait News
    Agency (KUNA)) KUWAIT -- ..."), the items with no credit of their own are that agency's."""
    lead = drafts[0]
    if len(drafts) < 2 or lead.dateline is None or not lead.dateline.agencies:
        return
    texts = [p.text for p in lead.paragraphs if p.kind == "text"]
    carried = bool(_AGGREGATOR_TAG.match(lead.dateline.raw))
    if not carried and (not texts or not digest_lead(texts[0])):
        return  # (an aggregator's page carries one source's release: "(MENAFN- KUNA) ...")
    agency = lead.dateline.agencies[0]
    for draft in drafts[1:]:
        if not _story_agencies(draft):
            draft.credits.append(agency)


def _story_agencies(draft: Draft) -> tuple[str, ...]:
    found: list[str] = []
    if draft.dateline is not None:
        found.extend(draft.dateline.agencies)
    if draft.byline is not None:
        found.extend(draft.byline.agencies)
    found.extend(draft.credits)
    if draft.headline and not found:
        found.extend(title_sources(draft.headline))  # "Serbia is stable (B92, Tanjug)"
    texts = [p.text for p in draft.paragraphs if p.kind == "text"]
    if texts:
        found.extend(signoff_agencies(texts[-1]))
    if not found and texts:
        found.extend(_self_reported(texts[0]))
    return tuple(dict.fromkeys(found))


# "..., BelTA learned from the press service", "a TASS correspondent reports": an agency's
# own reporting named in the story's first paragraph, where no credit stands. ("Told AFP"
# is not one: a paper quotes what someone told an agency, too.)
_SELF_REPORT = re.compile(
    r"\b(?P<c>[A-Z][\w-]{1,15}(?: [A-Z][\w-]{1,15})?) (?:has )?learned from\b"
    r"|\b(?:an? |the )?(?P<d>[A-Z][\w-]{1,15}) correspondent (?:reports|learned|was told)\b"
)


def _self_reported(text: str) -> tuple[str, ...]:
    """The agency a story's text names as its own reporter, else ()."""
    if "learned from" not in text and "correspondent" not in text:
        return ()  # (cheap test first: most paragraphs name neither)
    for m in _SELF_REPORT.finditer(text):
        name = m.group("c") or m.group("d")
        code = agency_code(name) if name else None
        if code is not None:
            return (code,)
    return ()


STATE_LABEL_WORDS = 3


def _state_label(text: str) -> bool:
    """"TEXAS", "SOUTH DAKOTA", "NEW SOUTH WALES": a short label in capitals, no sentence."""
    words = text.split()
    return (
        0 < len(words) <= STATE_LABEL_WORDS
        and text.isupper()
        and not text.rstrip().endswith((".", ":", "!", "?"))
    )


def _title_first_item(drafts: list[Draft]) -> None:
    """On a page of titled items, the first item's title opens its text when no headline
    was found above it: it is that item's headline, as the others' are theirs."""
    first = drafts[0]
    if len(drafts) < 2 or first.headline or first.dateline or first.byline:
        return
    if not all(d.headline for d in drafts[1:]):
        return
    paras = first.paragraphs
    if (
        len(paras) >= 2
        and paras[0].kind == "text"
        and paras[1].kind == "text"
        and _teaser_headline_like(paras[0].text, min_words=4)
        and not is_prose(paras[0].text)
        and len(paras[1].text) > len(paras[0].text)
    ):
        first.headline = debullet(paras[0].text)
        first.paragraphs = paras[1:]


def _same_city(place: str, country: str) -> bool:
    """The gazetteer knows `place` in `country` under that very name: "Bay" is no "Bay
    Village", so "HALF MOON BAY, Calif." keeps its first words."""
    city = find_city(place, country)
    return city is not None and fold(city.name) == fold(place)


# "Tonga/China - policing": a briefs column's title, its place and its topic in lower case.
PLACE_TOPIC_CHARS = 80
_PLACE_TOPIC = re.compile(
    r"(?P<place>[A-Z][\w'’ .]{1,30}(?:/[A-Z][\w'’ .]{1,30}){0,3}) [-–—] "
    r"(?P<topic>[a-z][a-z'’-]*(?: [a-z][a-z'’-]*){0,3})"
)
# "- - - -", "* * *", "______": a rule drawn between the items of a summary.
_RULE_LINE = re.compile(r"[ \t]*(?:[-*_=~•·][ \t]*){3,}")
_RULE_MARKS = frozenset("-*_=~•· \t")
RULED_ITEMS = 3  # items in a row, each opened by a title in capitals: a briefing
BRIEFING_TITLE_WORDS = 4
_BRIEFING_RULE = re.compile(r"[ \t]*(?:[-*_=~•·—–―][ \t]*){3,}")
_CAPS_RUN_IN = re.compile(
    r"(?P<title>[A-Z0-9][^:a-z]{6,}?[A-Z0-9'’]):(?:[ \t]+(?=\S)|(?=[A-Z“\"‘]))"
)


def _ruled_titles(units: list[Unit]) -> dict[int, tuple[str, str]]:
    """A news briefing's items, each opened by its title in capitals run into its text
    ("FERRY LINE ADDS CROSSINGS: The ferry company ..."), one after another or parted by
    rule lines ("———"): unit index -> (title, text). Only a run of RULED_ITEMS or more
    makes the page such a list; an explainer's "WHY IT MATTERS: ..." has shorter titles."""
    found: dict[int, tuple[str, str]] = {}
    run: list[tuple[int, str, str]] = []
    for index, unit in enumerate(units + [Unit("")]):
        text = unit.text
        if text.lstrip()[:1] in _RULE_OPENERS and _BRIEFING_RULE.fullmatch(text):
            continue  # a rule parts two items
        m = _CAPS_RUN_IN.match(text) if text[:1].isupper() or text[:1].isdigit() else None
        if (
            m is not None
            and m["title"].isupper()
            and len(m["title"].split()) >= BRIEFING_TITLE_WORDS
        ):
            run.append((index, m["title"], text[m.end() :]))
            continue
        if len(run) >= RULED_ITEMS:
            found.update((at, (title, rest)) for at, title, rest in run)
        run = []
    return found


_RULE_OPENERS = frozenset("-*_=~•·—–―")
# "cte/AFP", "mst/dpa/Reuters": German papers sign agency copy with the editor's initials.
_INITIALS_CREDIT = re.compile(r"[a-z]{2,4}(?:/[A-Za-z][\w-]*){1,4}")


def _initials_credit(text: str) -> tuple[str, ...]:
    """The agencies of an editor's sign-off: initials first, then only initials or
    agencies between the slashes ("kfr/dpa/Reuters"), at least one agency."""
    if not _INITIALS_CREDIT.fullmatch(text.strip()):
        return ()
    codes: list[str] = []
    for part in text.strip().split("/")[1:]:
        code = agency_code(part)
        if code is not None:
            codes.append(code)
        elif not (part.islower() and len(part) <= 4):
            return ()
    return tuple(dict.fromkeys(codes))


STAMPED_TITLES_MIN = 3  # titles in a row, each over its own stamp, that make a list
STAMP_LINE_CHARS = 60  # "28 May 2020 3 hours ago", "Thursday, June 22, 2023": short
_DIGIT = re.compile(r"\d")


def _stamped_titles(units: list[Unit]) -> set[int]:
    """"Title" / "28 May 2020 3 hours ago" / "Title" / "28 May 2020 5 hours ago" ...: a
    box of the site's latest titles, each over its stamp and with no text: teasers."""
    found: set[int] = set()
    run: list[int] = []
    index = 0
    while index < len(units):
        below = units[index + 1].text if index + 1 < len(units) else ""
        if (
            len(below) <= STAMP_LINE_CHARS  # (cheap tests first: most lines are no stamp)
            and _DIGIT.search(below)
            and is_bare_stamp(below)
            and headline_candidate(units[index].text, min_words=3)
            and not is_prose(units[index].text)
        ):
            run.append(index)
            index += 2
            continue
        if len(run) >= STAMPED_TITLES_MIN:
            found.update(run)
        run = []
        index += 1
    if len(run) >= STAMPED_TITLES_MIN:
        found.update(run)
    return found


_WORD_START = re.compile(r"(?<!\S)\S")
BYLINE_NAME_WORDS = 4  # words of a byline's names before the dateline run into it
BYLINE_NAME_REACH = 80

HEADER_TITLE_WORDS = 4  # a header's title shorter than this is a section or site label


def _caps_city_credit(text: str) -> bool:
    """"MADRID / AFP": a city in capitals before the slash, not a photographer's name, so
    a dateline rather than a picture's credit."""
    head = text.split("/", 1)[0].strip()
    return "/" in text and all_caps(head) and find_city(head) is not None


def _header_label(title: str) -> bool:
    """Whether a crawl header's title reads as a label rather than a story's headline: a
    few words ("IOWA LEGISLATURE"), or no headline's shape ("AP-US-BALLOT-RULES")."""
    return len(title.split()) < HEADER_TITLE_WORDS or not headline_candidate(
        title, min_words=HEADER_TITLE_WORDS
    )


def _norm(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def _clean_title(title: str) -> str | None:
    """A page title without its " | Site name" tail."""
    head = re.split(r"\s+(?:\||–|—|-|::)\s+", title.strip())[0].strip()
    return head or None


HEADER_ECHOES = 2  # a page's opening dateline printed again this often is its header
HEADER_ECHO_REACH = 60  # units looked at for those echoes

REPEATED_MIN = 3  # a short line printed this often on one page is its furniture
REPEATED_CHARS = 60


REPEATED_SENTENCE_WORDS = 6


def _repeated(lines: list[str]) -> frozenset[str]:
    """Short lines a page prints again and again ("Ohio State University" under every
    item, "Share"): a source or section name, never a headline or a paragraph."""
    counts = Counter(line for line in lines if len(line) <= REPEATED_CHARS)
    return frozenset(
        line for line, n in counts.items()
        if n >= REPEATED_MIN
        and match_dateline(line, None) is None
        and not (ends_sentence(line) and len(line.split()) >= REPEATED_SENTENCE_WORDS)
    )  # (a sentence said again is still text: a chorus, a refrain, a repeated warning)


def _page_date(lines: list[str]) -> dt.date | None:
    """The page's own time stamp among its first lines; a dateline's date is the story's,
    not the page's, so dateline lines are passed over."""
    for line in lines[:HEAD_LINES]:
        found = stamp_date(line) or dated_title(line)
        if found is None:
            continue
        dateline = match_dateline(line, None)
        if dateline is None:
            return found
        rest = line[dateline.end :]  # "AFP | Nairobi | Updated: 03-10-2019 11:20 IST"
        if (stamp := line_stamp(rest)) is not None:
            return stamp
    return None


def _lede_stories(ledes: list[str]) -> tuple[Story, ...]:
    """A tag page of ledes, a line each (listing.lede_lines): every line a teaser of its
    own, with no title, dateline or byline."""
    return tuple(
        Story(
            position=i, role="main" if i == 0 else "related", is_teaser=True, headline=None,
            byline=None, dateline=None, agencies=(),
            paragraphs=(Paragraph("text", line.strip()),),
        )
        for i, line in enumerate(ledes)
    )


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
    ledes = text.strip("\n").split("\n")
    if (
        headline is None
        and lede_lines(ledes)
        and not any(match_dateline(line, dump_date) for line in ledes)
    ):
        return SplitResult(_lede_stories(ledes), ())
    lines = unwrap_lines(text, dump_date)
    record = read_record(lines)
    if record is not None:  # "TITLE: ... AUTHOR: ... TEXT: ...": an archive's export
        lines = record.lines
        chrome = chrome | record.chrome
    chrome = chrome | _repeated(lines)
    if record is not None:  # the record's DATE field, never its LOAD-DATE or the like
        page_date = record.date or _page_date([ln for ln in lines if ln not in record.chrome])
    else:
        page_date = _page_date(lines)
    splitter = _Splitter(dump_date, chrome, subheads, page_date)
    if record is not None:
        splitter.field_bylines = frozenset(record.bylines)
    splitter.digest = next(
        (code for line in lines[:HEAD_LINES] if (code := digest_agency(line))), None
    )
    if splitter.digest is None and headline and (code := digest_agency(headline)):
        # " date 2022-08-17 Yonhap News Summary": the crawl's header names the digest; the
        # page's title then, no brief's (the header line stays the dump's own).
        splitter.digest = code
        headline = None
    if splitter.digest is None:
        splitter.section = next(
            (code for line in lines[:SECTION_HEAD_LINES] if (code := section_agency(line))),
            None,
        ) or _masthead(lines) or next(
            (code for line in lines[:MIRROR_HEAD_LINES] if (code := mirror_source_agency(line))),
            None,
        )
    units = to_units(lines, dump_date)
    splitter.chrome = splitter.chrome | slug_labels(units, dump_date)
    splitter.run(units, headline, meta_title)
    return splitter.result()
