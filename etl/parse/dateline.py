"""Datelines: where, when and by which agency a story was filed.

A dateline is the short lead-in such as "BEIRUT, Nov 11, 2017 (AFP) -". Stories are
split at datelines, so recognising one must be strict (a sentence that mentions
Paris is not a dateline) yet forgiving of each wire's house punctuation. All
patterns are compiled once and use bounded repetition so that no input, however
long or odd, can make matching slow.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from etl.agencies import home_country
from etl.model import Dateline, DateSource
from etl.parse.agencies import AGENCY_SPELLINGS, split_agencies
from etl.parse.alternation import trie_regex
from etl.parse.caching import DATELINE_CACHE
from etl.parse.cjk import CjkDateline, match_cjk
from etl.parse.lines import (
    BULLET_MARKS,
    BULLETS,
    TIME_ONLY,
    all_caps,
    is_boilerplate,
    title_rest,
)
from etl.parse.months import MONTH_WORDS as _MONTH_WORDS
from etl.parse.pagedate import date_in
from etl.parse.places import (
    STATELESS,
    country_code,
    find_city,
    fold,
    is_known_place,
    region_of,
    resolve_place,
    river_town,
)

# ---------------------------------------------------------------- building blocks


def _upper_class() -> str:
    """Upper-case letters of the Latin, Greek and Cyrillic scripts, as a regex class."""
    chars = [chr(c) for c in range(0x41, 0x250) if chr(c).isupper()]
    chars += [chr(c) for c in range(0x391, 0x430) if chr(c).isupper()]
    return "[" + "".join(re.escape(ch) for ch in chars) + "]"


_U = _upper_class()
_MONTHS: dict[str, int] = {w: n for n, words in _MONTH_WORDS.items() for w in words}
_MONTH = "(?i:" + trie_regex(w.lower() for w in _MONTHS) + r")(?![^\W\d_])"
_WEEKDAY = (
    r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?![a-zA-Z])\.?"
)
_YEAR = r"(?:19|20)\d\d(?!\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|\.)?(?![\d])"

# Month-first ("Nov. 11, 2017"), day-first ("11 November 2017"), ISO ("2017-11-11").
_DATE = (
    rf"(?P<date>(?:{_WEEKDAY},?[ \t]+)?(?:"
    rf"(?P<mon1>{_MONTH})\.?[ \t]*(?P<day1>{_DAY})"
    rf"(?:(?:,[ \t]*|[ \t]+)(?P<year1>{_YEAR})|/(?P<year4>{_YEAR}))?"  # "October 3/2019" (ENA)
    rf"|(?:le[ \t]+)?(?P<day2>{_DAY})[ \t]+(?:(?i:of|de)[ \t]+)?(?P<mon2>{_MONTH})\.?"
    rf"(?:(?:,|[ \t]+del?)?[ \t]+(?P<year2>{_YEAR}))?"
    rf"|(?P<year3>{_YEAR})-(?P<mon3>[01]\d)-(?P<day3>[0-3]\d)(?!\d)"
    rf")|{_WEEKDAY})"
)


def _agency_alternation() -> str:
    body = trie_regex({n.lower() for n in AGENCY_SPELLINGS})
    return rf"(?i:{body})(?![\w])"


_AG = _agency_alternation()
_AGLIST = rf"{_AG}(?:[ \t]*(?:[/,&+]|-|\band\b)[ \t]*{_AG}){{0,4}}"

_PARTICLE = (
    r"(?:de|des|du|da|do|dos|das|di|del|della|es|el|al|la|le|les|au|aux|en|sur|upon|on|of"
    r"|am|an|im|der|den|van|von|y|e|et|ad|bin|ibn|ben)"
)
# Scripts without capitals: a word of Arabic or Devanagari letters (with their vowel signs,
# which \w does not cover). Such a place only counts when the gazetteer knows it.
_UNCASED_CHAR = r"[\u0620-\u064a\u066e-\u06d3\u0900-\u0963\u0971-\u097f]"
_UNCASED = rf"{_UNCASED_CHAR}{{2,30}}"
_WORD = (
    rf"(?:{_U}[\w'’]{{0,30}}(?:-[\w'’]{{1,30}}){{0,3}}|{_UNCASED}"
    rf"|(?:al|el|ad|an|ar|as|ash|at|az|ed|en|es|ul|d|l)[-'’]{_U}[\w'’]{{0,30}}"
    rf"|(?:St|Ste|Mt|Ft|Pt|ST|MT|FT)\.)"
)
_PLACE = rf"{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_WORD}){{0,5}}"
_ABBR = (
    rf"(?:{_U}[a-z]{{1,5}}\.|(?:[A-Z]\.){{1,3}}(?:[A-Z][a-z]?\.)?|[A-Z]{{2,3}}(?![\w])"
    r"|[A-Z]\.[A-Z](?=[ \t]+[-–—]))"  # ("BUFFALO, N.Y - ...": its last stop left out)
)
_NOT_DATE = rf"(?!{_MONTH}\.?[ \t]*\d|{_WEEKDAY}|\d)"
_COMMAPART = (  # (a country may come with its article: "Arnhem, the Netherlands")
    rf",[ \t]*(?:the[ \t]+(?=[A-Z]))?{_NOT_DATE}"
    rf"(?:{_PLACE}(?:[ \t]+(?:Pref|Prov|Dist)\.)?|{_ABBR})"
)
# A bracket that opens with an agency is its credit, not a country: "(AFP)", "(AFP/APP)".
# (One agency and what may follow it in a list is enough to tell; a whole list here would
# copy the agency alternation into every shape several times over.)
_NOT_CREDIT = rf"(?![ \t]*{_AG}[ \t]*(?:[)\]/,&+-]|and\b))"
# "Moscow (Russia)", "Moscow [Russia]", "Mumbai (Maharashtra) [India]".
_PAREN_COUNTRY = (
    rf"(?:[ \t]*[(\[]{_NOT_CREDIT}[ \t]*(?:{_PLACE}|(?:[A-Z]{{1,3}}\.[ \t]?){{1,3}}[A-Z]{{0,3}}\.?)"
    rf"[ \t]*[)\]]){{1,2}}"
)  # (or a country's initials with their stops: "Providence (EE.UU.)", "(R.D.)")
_STATE_CODE = (
    r"[ \t]+(?:[A-Z]{2}(?=[ \t]*[(\[,|])"
    r"|D\.?C\.?(?=[ \t]*(?:[(\[,|]|[-–—])))"  # "WASHINGTON D.C. —": the capital's own code
)
# "WASHINGTON/NEW YORK (Reuters)": a story filed from two places (or four); the first is kept.
_HEAD = (
    rf"(?P<place>{_PLACE}(?:[ \t]?/[ \t]?{_PLACE}){{0,3}}(?:{_STATE_CODE})?"
    rf"(?:{_COMMAPART}){{0,2}}(?:{_PAREN_COUNTRY})?)"
)

# "... and BOISE, Idaho": a second place of a joint press release (not part of the place).
_ALSO = rf"(?P<also>[ \t]+(?:and|&)[ \t]+{_PLACE}(?:{_COMMAPART}){{0,2}})"

# dpa's regional desks add a lower-case tag: "(dpa/lby)".
_DESK_TAG = r"(?:[ \t]*/[ \t]*[a-z]{2,4}(?![\w])){0,3}"
# "(AFP)", "[AFP]", "/TASS/": one copy of the agency list, closed as it was opened (a
# copy per bracket kind would triple the largest part of every pattern).
_AGMARK = (
    rf"(?:(?P<o_p>\()|\[|(?P<o_s>/))[ \t]*(?P<ag_p>{_AGLIST})"
    rf"(?(o_p){_DESK_TAG}[ \t]*\)|(?(o_s)[ \t]*/\.?|[ \t]*\]))"
)
_SEP = (
    r"(?P<sep>[ \t]*(?:\.?-{1,3}|\.?[–—]{1,2}|:|\||_(?=[ \t]))|[ \t]*\.(?=[ \t]|$)"
    r"|[ \t]*/(?=[\u0620-\u064a]))?"  # Xinhua's Arabic service: "بكين 8 مارس 2017 /..."
)
_BULLETS = BULLETS + ">"
_PRE = rf"[ \t]*(?:[{re.escape(BULLET_MARKS)}>]+[ \t]*|[-–—](?=[A-ZÀ-Ý][a-zà-ÿ]))?"

# A news site named by its domain: "TEMPO.CO", "KOMPAS.com", "Rappler.com".
_SITE = (
    r"(?i:[a-z][a-z0-9-]{1,24}\.(?:com|co|net|org|id|in|my|ph|ng|pk|news)(?:\.[a-z]{2})?)"
    r"(?![\w.])"
)
# A time after a date: ", 4:05 PM EDT", " at 10:30 a.m."
_CLOCK = (
    r"(?:,?[ \t]*(?:at[ \t]+)?\d{1,2}[:.]\d\d(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?:[ \t]+[A-Z]{2,5})?)?"
)

# Shapes, tried in order. Each has the groups place, date parts, an agency group, sep.
# HONG KONG / AP —  /  Toronto, Ontario TheNewswire - May 25, 2021 –  /  MADRID / AFP
_SLASH_AGENCY = re.compile(
    rf"{_HEAD}[ \t]*/[ \t]*(?P<ag_bare>{_AGLIST})"
    rf"(?P<sep>[ \t]*(?:-{{1,3}}|[–—]{{1,2}}|:)|[ \t]+(?=[\"“]?{_U}[a-z]))?"
)
_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # BEIRUT, Nov 11, 2017 (AFP) -   /  MOSCOW, March 5. /TASS/.
    # NEW YORK and LONDON, Nov. 12, 2020 /PRNewswire/ --: a joint release, the first leads
    (
        "date_agency",
        re.compile(
            rf"{_HEAD}(?:{_ALSO})?(?:[,.]|[ \t]+[-–—])?[ \t]*{_DATE}\.?,?[ \t]*{_AGMARK}{_SEP}"
        ),
    ),
    # MOSCOW, November 11 - RIA Novosti.  /  TOKYO, Nov. 23 Kyodo -
    (
        "dash_agency",
        re.compile(
            rf"{_HEAD}[,.][ \t]*{_DATE}\.?,?[ \t]*(?P<dash>(?:-{{1,2}}|[–—])[ \t]*)?"
            rf"(?P<ag_bare>{_AGLIST})(?P<stop>\.)?{_SEP}"
        ),
    ),
    # Nov. 11 (UPI) --  : a date and an agency, no place
    ("date_first", re.compile(rf"{_DATE}\.?[ \t]*{_AGMARK}{_SEP}")),
    # Beirut (AFP) Nov 11, 2017  /  CAPE CANAVERAL, Fla. (AP) -  /  BEIRUT: (AFP) The ...
    # /  BEIRUT - (AFP) - ...
    (
        "agency_date",
        re.compile(
            rf"{_HEAD}(?:,|[ \t]*(?::|-{{1,2}}|[–—])(?=[ \t]*[(\[]))?[ \t]*{_AGMARK}"
            rf"(?:(?:[ \t]*(?:-{{1,3}}|[–—,])){{0,3}}[ \t]*{_DATE})?{_SEP}"
        ),
    ),
    # Beirut, Lebanon | November 11, 2017 | AFP
    (
        "pipes_date",
        re.compile(
            rf"{_HEAD}[ \t]*\|[ \t]*{_DATE}[ \t]*\|[ \t]*(?P<ag_bare>{_AGLIST})"
            rf"(?P<sep>[ \t]*(?:\||-{{1,2}}|[–—]|:))?"
        ),
    ),
    # Beirut | AFP | Nov 11
    (
        "pipes",
        re.compile(
            rf"{_HEAD}[ \t]*\|[ \t]*(?P<ag_bare>{_AGLIST})[ \t]*"
            rf"(?:\|[ \t]*{_DATE}[ \t]*)?(?P<sep>\||-{{1,2}}|[–—]|:)?"
        ),
    ),
    # (ANSA) - MILANO, 28 MAR -  /  (ANSA) - ROMA -  : the credit first, then place and date
    (
        "agency_place",
        re.compile(
            rf"{_AGMARK}[ \t]*(?:-{{1,2}}|[–—])[ \t]*{_HEAD}(?:,[ \t]*{_DATE}\.?)?{_SEP}"
        ),
    ),
    # MADRID, 9 (EUROPA PRESS)  : the Spanish wires give the day alone
    ("day_agency", re.compile(rf"{_HEAD},[ \t]*(?P<dayonly>[0-3]?\d)[ \t]*{_AGMARK}{_SEP}")),
    # Trieste, 12 giu 13:43 - (Agenzia Nova) -  : the place, the date and time, a dash,
    # then the credit in brackets
    (
        "date_dash_agency",
        re.compile(
            rf"{_HEAD},[ \t]*{_DATE}{_CLOCK}[ \t]*(?:-{{1,2}}|[–—])[ \t]*{_AGMARK}{_SEP}"
        ),
    ),
    # SINGAPORE – Media OutReach Newswire – 29 November 2024 –  : a release wire's form,
    # the place, the wire and the date each set apart by a dash
    (
        "dash_agency_date",
        re.compile(
            rf"{_HEAD}[ \t]+[–—-][ \t]+(?P<ag_bare>{_AGLIST})[ \t]+[–—-][ \t]+{_DATE}{_SEP}"
        ),
    ),
    # (AFP) -  : no place
    ("agency_only", re.compile(rf"{_AGMARK}(?:[ \t]*{_DATE})?{_SEP}")),
    # (Sinar Daily) -  /  (ABC 6 News) –  : a paper or a station the registry lacks, no
    # place, then a dash and the story's first sentence
    (
        "source_only",
        re.compile(
            rf"\((?P<ag_mixed>[^()\n]{{2,40}})\)(?P<sep>[ \t]*(?:-{{1,2}}|[–—]{{1,2}})[ \t]*)"
            rf"(?=[\"“‘']?{_U}[a-z]|[\"“‘']?{_U}[ \t])"
        ),
    ),
    # LONDON, 11 November 2017 -   : no agency
    ("date_only", re.compile(rf"{_HEAD}(?:,|[ \t]*:)[ \t]*{_DATE}{_SEP}")),
    # HONG KONG / AP —  /  Toronto, Ontario TheNewswire - May 25, 2021 –  : the credit
    # after the place without brackets, before a dash (and perhaps a date)
    ("slash_agency", _SLASH_AGENCY),
    (
        "bare_agency_date",
        re.compile(
            rf"{_HEAD}[ \t]+(?P<ag_bare>{_AGLIST})[ \t]*(?:-{{1,2}}|[–—])[ \t]*{_DATE}"
            rf"(?P<sep>[ \t]*(?:-{{1,3}}|[–—]{{1,2}}|:))"
        ),
    ),
    # Houston, TX – May 20, 2019 –  : the date set off by dashes on both sides
    (
        "dash_date",
        re.compile(
            rf"{_HEAD}[ \t]+(?:-{{1,2}}|[–—])[ \t]+{_DATE}"
            rf"(?P<sep>[ \t]*(?:-{{1,3}}|[–—]{{1,2}}|:))"
        ),
    ),
    # DAVAO CITY (December 31) -  : the date in brackets where the credit would stand
    (
        "paren_date",
        re.compile(
            rf"{_HEAD}[ \t]*\([ \t]*{_DATE}[ \t]*\)"
            rf"(?P<sep>[ \t]*(?:\.?-{{1,3}}|[–—]{{1,2}}|:))"  # (".-": the Mexican papers')
        ),
    ),
    # Paris (ESA) Nov 10, 2017  /  Pasadena CA (JPL) Nov 11, 2017: the source is a space
    # agency or a lab, not a news agency. Strict: a known place and a full date with a year.
    (
        "source_date",
        re.compile(rf"{_HEAD}[ \t]*\((?P<source>{_U}[A-Za-z&.-]{{1,14}})\)[ \t]*{_DATE}{_SEP}"),
    ),
    # ISLAMABAD (Dawn/ANN) -  /  BEIJING, Aug 5 (Site News / Pakistan Point - 5th Aug,
    # 2022) -: a credit in brackets that mixes a paper or a site with an agency or a date
    (
        "mixed_credit",
        re.compile(
            rf"{_HEAD}(?:,[ \t]*{_DATE})?(?:,?[ \t]*|-{{1,2}})"
            rf"\((?P<ag_mixed>[^()\n]{{2,80}})\){_SEP}"
            rf"(?=[ \t]*(?:[\"“‘'(]?(?:{_U}|\d|{_UNCASED_CHAR})|$))"
        ),
    ),
    # OTTAWA Oct 3 -  : the wire's date form without its credit and without the comma
    ("caps_date", re.compile(rf"{_HEAD}[ \t]+{_DATE}{_SEP}")),
    # Kyodo -- Oct 3  /  TASS Moscow, 3 October:  /  AFP | Nairobi |  /  By Afp, Nairobi
    # /  Law360, Chicago (October 3, 2019, 4:05 PM EDT) --  : the source before the place
    (
        "source_first",
        re.compile(
            rf"(?:[Bb]y[ \t]+)?(?P<ag_bare>{_AGLIST})(?P<lead>[ \t]*(?:[,|:]|-{{1,2}}|[–—])"
            rf"[ \t]*|[ \t]+\.[ \t]+|[ \t]+)(?:{_NOT_DATE}{_HEAD})?"
            rf"(?:[ \t]*[,|]?[ \t]*(?P<dopen>\()?[ \t]*{_DATE}{_CLOCK}[ \t]*(?(dopen)\)))?{_SEP}"
        ),
    ),
    # Riyadh, Ramadan 27, 1442 AH, corresponding to May 09, 2021 AD, SPA --  : the Hijri
    # date first, then the Gregorian one, then the credit (the Gulf agencies' form)
    (
        "hijri_date",
        re.compile(
            rf"{_HEAD},[ \t]*[A-Z][\w'’ -]{{2,25}}?[ \t]+\d{{1,2}},[ \t]*1[34]\d\d[ \t]*A\.?H\.?"
            rf",?[ \t]*(?:corresponding[ \t]+to[ \t]+)?{_DATE}(?:[ \t]*A\.?D\.?)?,?[ \t]*"
            rf"(?P<ag_bare>{_AGLIST}){_SEP}"
        ),
    ),
    # Moscow, SANA - ...  /  Damascus, SANA-Russian ...  /  MIAMI - AFP: the credit after
    # the place, no date
    (
        "place_agency",
        re.compile(
            rf"{_HEAD}(?:,|[ \t]+(?:-{{1,2}}|[–—]))[ \t]*(?:{_DATE},[ \t]*)?(?P<ag_bare>{_AGLIST})"
            rf"(?P<sep>[ \t]*(?:-{{1,2}}|[–—]|:)[ \t]*(?=[\"“‘']?(?:{_U}|\d|{_UNCASED_CHAR}))"
            rf"|\.(?:[ \t]+(?=[\"“‘']?(?:{_U}|{_UNCASED_CHAR}))|[ \t]*$)"  # ("موسكو — سبوتنيك.")
            r"|[ \t]*$"  # (or the line to itself: "New Delhi, Aug 7, IRNA")
            rf"|[ \t]+(?=[\"“‘']?{_U}[a-z]))"  # (or no mark: "Dakar, Senegal – AFP Campaigning")
        ),
    ),
    # TEMPO.CO, Jakarta -  /  JAKARTA, KOMPAS.com -  : a news site's name beside the place
    ("site_first", re.compile(rf"(?P<site>{_SITE}),?[ \t]+{_HEAD}{_SEP}")),
    ("place_site", re.compile(rf"{_HEAD},[ \t]*(?P<site>{_SITE}){_SEP}")),
    # NAIROBI —  /  LIMA --  /  AUGUSTA, Maine —  /  (OTTAWA) —  /  OSLO:  : a place and a
    # separator, no credit and no date: the newspapers' own style.
    (
        "place_dash",
        re.compile(
            rf"(?P<open>\()?{_HEAD}(?(open)\))"
            rf"(?P<sep>[ \t]*(?:[–—]{{1,2}}|-{{2,4}}|-[ \t]+-|:-|\.-|\.[ \t]+(?:[–—]|--?))[ \t]*"
            rf"|[ \t]+[-_][ \t]+"
            rf"|[ \t]*:[ \t]+|[ \t]+[•·|][ \t]+|-[ \t]*(?={_U}[a-z])|-[ \t]+|(?<=\))[ \t]+"
            rf"|[ \t]*[:–—-]?[ \t]*$|\.[ \t]+(?={_U}[a-zà-ÿ'’]))"
            rf"(?=$|[\"“‘'(]?(?:{_U}|\d|{_UNCASED_CHAR}))"
        ),
    ),
    # Nov. 1—LIMA —  : the syndicates' form, the date before the place in capitals
    (
        "date_place",
        re.compile(
            rf"{_DATE}\.?[ \t]*(?:-{{1,2}}|[–—])[ \t]*{_HEAD}"
            rf"(?P<sep>[ \t]*(?:-{{1,3}}|[–—]{{1,2}}|:))"
        ),
    ),
    # AFP - Gunmen were still holed up ...  : the credit alone before the first sentence
    (
        "bare_credit",
        re.compile(
            rf"(?P<ag_bare>{_AGLIST})(?P<sep>[ \t]+(?:-{{1,2}}|[–—])(?:[ \t]+(?=[\"“‘']?{_U})"
            rf"|(?=[\"“‘']?{_U}[a-z]|A[ \t])|[ \t]*$)"  # ("IANS -" alone on its line, between an
            rf"|[ \t]*[.:][ \t]+(?=[\"“‘']?{_U}[a-z]))"
        ),  # item's title and text; "AFP -Typhoon Mirinae ...", the dash glued to the text)
    ),
    # ASTANA. KAZINFORM President ...  /  MOSCOW. TASS - ...  : a place in capitals, a
    # stop, the credit in capitals, then a dash or straight into the first sentence
    (
        "stop_agency",
        re.compile(
            rf"{_HEAD}\.[ \t]+(?P<ag_bare>{_AGLIST})"
            rf"(?P<sep>[ \t]*(?:-{{1,2}}|[–—])[ \t]*|[ \t]+(?=[\"“‘']?{_U}[a-z])"
            rf"|\.[ \t]+(?=[\"“‘']?{_U}[a-z]))"  # ("KINGSTON. AP. El primer ministro ...")
        ),
    ),
    # Lagos, Nigeria Reuters Nigerian police said ...  : a place and its country, then the
    # credit with no bracket and no dash (a site that strips both; one even the space:
    # "Rome, ItalyReuters A migrant ship ..."), then the sentence
    (
        "glued_agency",
        re.compile(
            rf"{_HEAD}(?:[ \t]+|(?<=[a-z]))(?P<ag_bare>{_AGLIST})(?P<sep>[ \t]+)"
            rf"(?=[\"“‘']?{_U}[a-z]*[ \t])"
        ),
    ),
    # 17 May 2020; AFP: Spraying disinfectant ...  : a whole date, a semicolon and the
    # credit, no place (a news portal's form for the wire copy it carries)
    (
        "date_semicolon",
        re.compile(
            rf"{_DATE}[ \t]*;[ \t]*(?P<ag_bare>{_AGLIST})(?P<sep>[ \t]*(?::|-{{1,2}}|[–—])[ \t]*)"
        ),
    ),
    # 23 February 2015 -- Use of the same syringe ...  : the UN's house style, a full date
    # and a dash, no place and no credit
    (
        "date_lead",
        re.compile(rf"{_DATE}(?P<sep>[ \t]+(?:-{{1,2}}|[–—])[ \t]+)(?=[\"“‘']?{_U})"),
    ),
)
# Shapes whose dateline credits no news agency (the others must credit one).
_UNCREDITED = frozenset(
    {
        "date_only", "caps_date", "place_dash", "mixed_credit", "site_first", "place_site",
        "date_place", "date_lead",
        "dash_date", "paren_date",
    }
)
# Shapes that may open with a bracket.
_BRACKETED = frozenset({"agency_only", "agency_place", "place_dash", "source_only"})

# "Lagos, Nigeria -- Ferry operators ...": a city and its country, a dash, no agency and no
# date. Only at a paragraph's start, with a dash set apart by spaces (or an em dash) and a
# capital after it; the city must lie in that country (checked in _place_country).
_PLACE_COUNTRY = re.compile(
    rf"(?P<city>{_PLACE}),[ \t]*(?P<country>{_PLACE})"
    rf"(?P<sep>[ \t]*(?:--|—)[ \t]*|[ \t]+-[ \t]+)(?=[\"“‘']?{_U}|\d)"
)
_START = re.compile(_PRE)
_BY_PREFIX = re.compile(r"[ \t]*by[ \t]+", re.IGNORECASE)
# Byline words a SpaceDaily-style line puts before the place.
_BYLINE_WORDS = frozenset(
    {
        "staff",
        "writers",
        "writer",
        "reporters",
        "reporter",
        "correspondent",
        "correspondents",
        "our",
        "by",
        "and",
        "agencies",
        "wire",
        "services",
        "editor",
        "editors",
    }
)
# Capitalised words that open sentences but never open a place.
_NOT_PLACE = frozenset(
    fold(w)
    for w in (
        "The",
        "A",
        "An",
        "In",
        "At",
        "On",
        "By",
        "For",
        "From",
        "To",
        "And",
        "But",
        "Or",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Its",
        "Their",
        "This",
        "That",
        "These",
        "Those",
        "As",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "Said",
        "According",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",

        "Reporting",
        "Editing",
        "Writing",
        "Photo",
        "Copyright",
        "Source",
        "Sources",
        "Told",
        "With",
        "Via",
        "Credit",
        "Image",
        "Picture",
        "Video",
        # continents and the world: a headline's topic ("Africa: ..."), never a dateline
        "Africa",
        "Asia",
        "Europe",
        "Americas",
        "Oceania",
        "World",
    )
)


_STATELESS_KEYS = STATELESS
# Page labels that the gazetteer also knows as small towns ("Date", Hokkaido): "Date:" and
# "Time:" head a time stamp, never a dateline.
_LABEL_WORDS = frozenset(
    fold(w)
    for w in (
        "Date", "Time", "Source", "Updated", "Published", "Posted", "Photo", "Image", "Video",
        "Note", "Editor", "Author", "Tags", "Category", "Section", "Location", "Place",
        "Contact", "Email", "Phone", "Read", "Watch", "Listen", "Share", "Follow", "Print",
        "Summary", "Highlights", "Also", "Update", "Breaking", "Live", "Exclusive", "Opinion",
        "Analysis", "Editorial", "Correction", "Warning", "Notice", "Home", "World", "News",
        "Sports", "Business", "Politics", "Markets", "Health", "Science", "Title", "Text",
        "Subject", "Media", "Press", "Release", "Reporter", "Writer", "Credit", "Caption",
    )
)


@dataclass(frozen=True, slots=True)
class DateAnchors:
    """What a dateline's missing year or date is read against: the page's own time stamp
    first (pagedate.py), then the dump's date."""

    page: dt.date | None = None
    dump: dt.date | None = None


@dataclass(frozen=True)
class DatelineMatch:
    dateline: Dateline
    start: int
    end: int


# ---------------------------------------------------------------- dates


def _month(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    return _MONTHS.get(text.rstrip(".").lower())


def _day(text: str | None) -> int | None:
    if not text:
        return None
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def no_date(
    dump_date: dt.date | None, page_date: dt.date | None = None
) -> tuple[dt.date | None, DateSource | None]:
    """No date in the dateline: the page's own time stamp, else the dump's date."""
    if page_date is not None:
        return page_date, "page_date"
    return (dump_date, "dump_date") if dump_date else (None, None)


def _resolve_date(
    m: re.Match[str], dump_date: dt.date | None, page_date: dt.date | None = None
) -> tuple[dt.date | None, DateSource | None]:
    """The dateline's date; a missing year from the page's stamp (else the dump date);
    no date at all: the page's stamp, else the dump date."""
    month = _month(m.group("mon1") or m.group("mon2") or m.group("mon3"))
    day = _day(m.group("day1") or m.group("day2") or m.group("day3"))
    year_text = m.group("year1") or m.group("year4") or m.group("year2") or m.group("year3")
    year = int(year_text) if year_text else None
    return _date_of(year, month, day, dump_date, page_date)


def _date_of(
    year: int | None,
    month: int | None,
    day: int | None,
    dump_date: dt.date | None,
    page_date: dt.date | None,
) -> tuple[dt.date | None, DateSource | None]:
    fallback = no_date(dump_date, page_date)
    if month is None or day is None:
        return fallback
    if year is not None:
        found = _safe_date(year, month, day)
        return (found, "dateline") if found else fallback
    anchor = page_date or dump_date
    if anchor is None:
        return None, None
    if page_date is not None and (month, day) == (page_date.day, page_date.month):
        # "03/10/2019" read month first, "Oct 3" in the dateline: the stamp was day first.
        found = _safe_date(page_date.year, month, day)
        if found is not None:
            return found, "inferred_year"
    candidates = [
        d for d in (_safe_date(anchor.year + k, month, day) for k in (-1, 0, 1)) if d is not None
    ]
    if not candidates:
        return fallback
    best = min(candidates, key=lambda d: abs((d - anchor).days))
    return best, "inferred_year"


def _day_only(day: int, anchor: dt.date | None) -> tuple[dt.date | None, DateSource | None]:
    """"MADRID, 9 (EUROPA PRESS)": the day of the anchor's month, or of the month before
    when that day is still to come."""
    if anchor is None or not 1 <= day <= 31:
        return None, None
    found = _safe_date(anchor.year, anchor.month, day)
    if found is None or found > anchor + dt.timedelta(days=1):
        first = anchor.replace(day=1) - dt.timedelta(days=1)
        found = _safe_date(first.year, first.month, day)
    return (found, "inferred_year") if found else (None, None)


# ---------------------------------------------------------------- matching


def _agency_text(m: re.Match[str]) -> str:
    for name in ("ag_p", "ag_bare", "ag_mixed"):
        if name in m.re.groupindex and m.group(name):
            return m.group(name)
    return ""


def _has_year(m: re.Match[str]) -> bool:
    return any(m.group(g) for g in ("year1", "year2", "year3", "year4") if g in m.re.groupindex)


def _has_date(m: re.Match[str]) -> bool:
    return "date" in m.re.groupindex and m.group("date") is not None


def _known(words: list[str]) -> bool:
    name = " ".join(words).split("/")[0].strip()  # "SRINAGAR/NEW DELHI": the first place
    return bool(name) and (fold(name) in _STATELESS_KEYS or is_known_place(name))


def _trim_place(place: str, *, search: bool) -> tuple[int, str]:
    """Drop words before the real place: byline words, or prose in a flattened page.

    Returns the offset of the kept place inside `place`, and the kept place.
    """
    cut_at = len(place)
    for mark in (",", "("):
        idx = place.find(mark)
        if idx >= 0:
            cut_at = min(cut_at, idx)
    head, tail = place[:cut_at].rstrip(), place[cut_at:]
    words = head.split()
    code = words.pop() if len(words) > 1 and re.fullmatch(r"[A-Z]{2}", words[-1]) else None
    drop = 0
    if not search:
        # A section label run into the dateline across a gap: "Middle East  Amman (AFP)".
        gaps = list(re.finditer(r"[ \t]{2,}|\t", head))
        if gaps and not _known(words):
            after = head[gaps[-1].end() :]
            if _known(after.split()) or (code and _known(after.split()[:-1])):
                offset = gaps[-1].end()
                return offset, place[offset:]
        return 0, place
    if _known(words):
        return 0, place
    while len(words) - drop > 1 and (
        fold(words[drop]) in _BYLINE_WORDS or fold(words[drop]) in _NOT_PLACE
    ):
        drop += 1
    # Page words glued before the place ("Related Links Moscow"); two-word places such
    # as "Camp David" stay whole rather than shrink to a namesake city.
    if len(words) - drop > 2 and not _known(words[drop:]):
        for k in range(drop + 1, len(words)):
            if _known(words[k:]):
                drop = k
                break
    if drop == 0:
        return 0, place
    kept = " ".join(words[drop:] + ([code] if code else []))
    offset = place.find(words[drop])
    if offset < 0:
        return 0, place
    return offset, kept + (" " if tail.startswith("(") else "") + tail


_CLOCK_WORD = re.compile(r"[AaPp]\.?[Mm]\.?(?:\s|$)")
# Time zones a stamp prints before its date ("10:30 am EDT, Thursday, October 3, 2019"):
# never a place, however a dateline pattern reads them.
_ZONES = frozenset(
    ("ET", "EDT", "EST", "CT", "CDT", "CST", "MT", "MDT", "MST", "PT", "PDT", "PST", "GMT",
     "UTC", "BST", "CET", "CEST", "EET", "EEST", "IST", "JST", "KST", "HKT", "SGT", "WIB",
     "AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT", "PKT", "MSK")
)  # fmt: skip


# Words of a wire service's or a desk's name; a place has none ("Newport News" is known).
_SOURCE_WORDS = frozenset(
    ("news", "wire", "newswire", "service", "services", "agency", "digest", "summary",
     "roundup", "round-up", "bulletin", "desk")
)


_SHORT_WEEKDAYS = frozenset(
    fold(w) for w in ("Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun")
)


# Number words the gazetteer also knows as villages ("One", "Ten"): never a dateline's place.
_NUMBER_WORDS = frozenset(
    fold(w) for w in ("One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine",
                      "Ten", "Eleven", "Twelve", "Hundred", "Thousand")
)


_CAMEL_GLUED = re.compile(r"[a-z]{2}[A-Z]{3}")


def _place_ok(place: str, shape: str, *, anywhere: bool) -> bool:
    """Guard against sentences: the head must read like a place, not like prose."""
    head = place.split(",")[0].split("(")[0].strip()
    if shape == "date_only" and anywhere and not head.isupper():
        return False  # "... in Paris, Nov 11 - ..." is prose; "PARIS, Nov 11 -" is not
    known = fold(head) in _STATELESS_KEYS or resolve_place(place).country is not None
    first = place.split()[0] if place.split() else ""
    if fold(first) in _NOT_PLACE and not is_known_place(head):
        return False  # "In Paris, ..." opens a sentence; "The Hague" is a place
    if fold(head) in _SHORT_WEEKDAYS:
        return False  # "Updated: Mon, Oct 20, 2014": a stamp's weekday (Mon State is rare)
    if fold(head) in _NUMBER_WORDS:
        return False  # "Sonos One (Gen 2) - ...": a product's name, not the Swiss village
    if _CAMEL_GLUED.search(head):
        return False  # "YearsTOPEKA": a title's last word run into the place (McALLEN is one)
    if _CLOCK_WORD.match(head) or head in _ZONES:
        return False  # "Updated 10:32 AM ET, Thu October 3, 2019": a stamp's time, no place
    if split_agencies(head) and not is_known_place(head):
        return False  # "Agence France-Presse (AFP)" names an agency, not a place
    if split_agencies(head) == (head,) and place.strip() == head and shape in _UNCREDITED:
        return False  # "Xinhua, December 18, 2015": the credit first, whatever town shares it
    if len(head.split()) > 4 and not is_known_place(head):
        return False
    if _SOURCE_WORDS.intersection(w.casefold() for w in head.split()) and not is_known_place(
        head
    ):
        return False  # "AAP General News (Australia)": a wire's service, no place
    if re.fullmatch(r"[A-Z]{1,2}\.?", head) and not known:
        return False  # a lone state code ("FL") is what is left of a longer place
    if shape == "date_only" or (anywhere and shape != "date_agency"):
        letters = [ch for ch in head if ch.isalpha()]
        all_caps = bool(letters) and all(ch.isupper() for ch in letters)
        if not all_caps and not known:
            return False
    return True


def _bare_credit_rest(rest: str) -> bool:
    """"AFP - Gunmen were ...": a sentence follows the credit; or nothing does ("IANS -"
    alone on its line between an item's title and its text)."""
    text = rest.strip()
    return not text or len(text) >= BARE_CREDIT_TEXT


def _stop_credit_ok(m: re.Match[str]) -> bool:
    """"ArmInfo. The Central Bank ...", "BSS : Foreign Minister ...": a stop or a colon after
    a bare credit only where the credit is one word (a full name then a colon is a page's
    label: "Anadolu Agency: News in English Directory")."""
    sep = m.group("sep") or ""
    return not ("." in sep or ":" in sep) or not any(c.isspace() for c in m.group("ag_bare"))


def _source_ok(m: re.Match[str], place: str | None) -> bool:
    """A non-agency source ("(ESA)") makes a dateline only with a place the gazetteer
    knows and a full date: the bracket alone could be any aside in a sentence."""
    source = m.group("source")
    if place is None or split_agencies(source) or is_known_place(source):
        return False
    if sum(ch.isupper() for ch in source) < 2:
        return False  # "(Maharashtra)" is a state in brackets; sources go by initials
    if resolve_place(place).country is None:
        return False
    return _has_year(m)


def _opens_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


def _resolves(place: str | None) -> bool:
    if not place:
        return False
    head = place.split(",")[0].split("(")[0].strip()
    if "/" in head and place.strip() == head and not river_town(head):
        # "Washington/Bangkok –": a story filed from two places, each one the gazetteer's
        return all(_resolves(part.strip()) for part in head.split("/"))
    return fold(head) in _STATELESS_KEYS or resolve_place(place).country is not None


def _caps_date_ok(m: re.Match[str], place: str | None, rest: str) -> bool:
    """"OTTAWA Oct 3 -": only a place in capitals that the gazetteer knows, a real day.
    A place in display case with its region in brackets and a full date is one, too:
    "Kumasi (Ashanti Region) 14 December 2002-" (the Ghana News Agency's form)."""
    if not place or not _resolves(place):
        return False
    if not all_caps(place.split(",")[0]) and not ("(" in m.group("place") and _has_year(m)):
        return False
    if not (m.group("mon1") or m.group("mon2")):
        return False
    return bool(m.group("sep")) or not rest.strip() or _opens_sentence(rest.lstrip())


def _source_first_ok(m: re.Match[str], place: str | None, rest: str) -> bool:
    """"TASS Moscow, 3 October:": the credit must be followed by a known place or a date,
    and the dateline must end in a separator (or the line), never run into a sentence."""
    has_month = bool(m.group("mon1") or m.group("mon2") or m.group("mon3"))
    if place is None and not has_month:
        return False
    if rest.lstrip()[:1] in ("(", "["):
        return False  # "By The Associated Press DEDHAM, Mass. (AP) —": a byline, then the
        # dateline with its own credit
    if place is not None:
        head = place.split(",")[0].strip()
        if not _resolves(place) or split_agencies(head):
            return False  # "IRIB | BBC": two sources, no place
        if m.group("lead").isspace() and split_agencies(f"{m.group('ag_bare')} {head}"):
            return False  # "PA Media": the credit's own longer name, not "PA" in "Media"
        if re.fullmatch(r"[A-Z]{2,4}", head) and fold(head) not in _STATELESS_KEYS:
            return False
    lead = m.group("lead").strip()
    if place is None and lead == "," and has_month and _has_year(m) and (
        not rest.strip() or is_boilerplate(rest.strip())
    ):
        # "Xinhua, December 18, 2015" on a line of its own, over the text (or beside the
        # page's own controls: "... 2015 Adjust font size:")
        return True
    if place is None and lead not in ("-", "--", "–", "—", ":"):
        return False  # "Kyodo -- Oct 3" is the form; "Europa Press | 09 mar, 2020" a stamp
    if place is None and has_month and _opens_sentence(rest.lstrip()):
        return True  # "Kyodo -- Oct 3 Japan's cabinet ...": the date ends the dateline
    return bool(m.group("sep")) or not rest.strip()


# Three words in capitals after "PLACE:": the item's title in a briefing column, not text.
_CAPS_TITLE = re.compile(r"(?:[A-Z0-9][A-Z0-9'’.,-]*\s+){2}[A-Z0-9][A-Z0-9'’.,-]*\b")


def _place_dash_ok(m: re.Match[str], place: str | None, rest: str) -> bool:
    """"NAIROBI —", "KUWAIT:", "(Bruxelles) ...", or a place alone on its line: a place the
    gazetteer knows. In capitals any separator will do; in title case it takes a dash set
    apart or a colon and a sentence after it ("Date: 10/05/2020" is a label, "Kenya: Floods
    ..." a headline), or the line to itself with a country or state after a comma."""
    if not place or not _resolves(place):
        return False
    head = place.split(",")[0].split("(")[0].split("[")[0].strip()
    if fold(head.split()[0]) in _NOT_PLACE or fold(head) in _LABEL_WORDS:
        return False
    if len(head.replace(".", "")) < 3 and fold(head) not in _STATELESS_KEYS:
        return False  # "AR: Arkansas Senate votes ...": a state code heading a brief
    raw_sep = m.group("sep")
    sep = raw_sep.strip()
    caps = all_caps(head)
    if "," in place and not _parts_agree(head, place.split(",", 1)[1], caps=caps):
        return False
    alone = not rest.strip()
    if alone:
        # A place on a line of its own: in capitals ("WASHINGTON"), or with its country
        # or state ("Banda, India"), or a city with a colon ("New Delhi:").
        if m.group("open") or split_agencies(head):
            return False  # "ANP" alone is a credit line
        if caps and "," not in place and len(head.replace(" ", "")) < 4:
            return False  # "CAA", "PUB": initials, whatever the gazetteer says
        return caps or "," in place or (sep == ":" and country_code(head) is None)
    if not sep and not m.group("open"):
        return False  # a place and a space: only "(Bruxelles) La ..." in brackets
    if country_code(place) is not None and find_city(place) is None and title_rest(rest.strip()):
        return False  # "Algeria – Islamists gain ground": a headline over its story
    if caps and sep == ":" and _CAPS_TITLE.match(rest.lstrip()):
        return False  # "SRI LANKA: BLAST KILLS 11 SAILORS ...": a briefing's item title
    if sep == "|":
        # "TUNIS | La tension ...": a pipe only after a place in capitals, before a sentence
        # ("Paris | World" is a site's section line).
        return caps and len(rest.strip()) >= 40 and _opens_sentence(rest.lstrip())
    if caps:
        glued = sep.startswith("-") and not raw_sep[:1].isspace()
        spaced = raw_sep[-1:].isspace() or rest[:1].isspace()  # "BELGIUM- The UN ..."
        if glued and not spaced and country_code(head) is not None and " " not in head:
            return False  # "UAE-Jordanian field hospital": a compound, not a dateline
        return len(rest.strip()) >= 10
    if sep.startswith("-") and not raw_sep[:1].isspace():
        # "Addis-based": a glued hyphen only after a place in capitals, or with a space
        # and a sentence after it ("Johannesburg- Former ...", as some sites type it).
        return (
            raw_sep[-1:].isspace()
            and sep in ("-", "--")  # ("New Delhi-- Action star ...": IANS's double hyphen)
            and find_city(head) is not None
            and len(rest.strip()) >= 40
            and _opens_sentence(rest.lstrip())
        )
    if sep in ("•", "·"):
        return False
    if sep == ".":
        # "Wien. Der Ministerrat ...": the German-language papers' form. A one-word city
        # (no country, no region), then a sentence.
        return (
            " " not in head
            and "," not in place
            and country_code(head) is None
            and len(head) >= 4
            and len(rest.strip()) >= 60
        )
    if sep in (":", "-", ".-"):
        if "," not in place and country_code(head) is not None:
            return False  # "Kenya: ..." / "Colombia.- ..." heads a story as its headline
        if sep == ":" and title_rest(rest.strip()):
            return False  # "Sorokin: Moscow wants ties with Washington": a quote's title
        return len(rest.strip()) >= 40
    return len(rest.strip()) >= 10


def _parts_agree(city: str, rest: str, *, caps: bool = False) -> bool:
    """"AUGUSTA, Maine", "NAIROBI, Kenya": what follows the comma is a state or province,
    or a country the city lies in ("Nairobi, Peru" and "Visitors, Kenya" are prose). A
    place in capitals may be one the gazetteer lacks ("MOUNT MERAPI, Indonesia")."""
    rest = rest.split(",")[0].strip()
    code = country_code(rest)
    if code is not None:
        return caps or find_city(city, code) is not None
    if region_of(rest):
        return True
    # "GUDERMES, Chechnya", "LAHORE, Punjab": a known city in capitals, then a province
    # the gazetteer's state lists lack, in one or two capitalised words.
    words = rest.split()
    return (
        caps
        and find_city(city) is not None
        and 1 <= len(words) <= 2
        and all(w[:1].isupper() and w[1:].islower() for w in words)
    )


def _place_agency_ok(m: re.Match[str], place: str | None, rest: str) -> bool:
    """"Moscow, SANA - ...": a known place, then the agency and a separator (and text), or
    the line to itself with a date ("New Delhi, Aug 7, IRNA") or a dash before the credit
    ("Riyadh - SPA", over the story's text)."""
    dashed = any(ch in m.string[m.end("place") : m.start("ag_bare")] for ch in "-–—")
    if rest.strip() and not m.group("sep").strip():
        # No mark after the credit: only a dash before it, a credit in capitals and a
        # sentence after it ("Dakar, Senegal – AFP Campaigning got underway ...").
        credit = m.group("ag_bare")
        return (
            dashed
            and credit.isupper()
            and len(rest.strip()) >= BARE_CREDIT_TEXT
            and _resolves(place)
        )
    if not rest.strip():
        if _has_date(m):
            return _resolves(place)
        city = find_city(place) if dashed and place else None
        if city is not None and not any(c.isascii() and c.isalpha() for c in place):
            return True  # "موسكو — سبوتنيك.": a city's own name in its own script
        return city is not None and fold(city.name) == fold(place)  # (not "ACA", an alias)
    return _resolves(place) and len(rest.strip()) >= 10


def _mixed_credit_ok(m: re.Match[str], place: str | None, rest: str) -> bool:
    """A bracket after a known place that names an agency or dates the story."""
    if not _resolves(place):
        return False
    credit = m.group("ag_mixed")
    if split_agencies(credit):
        return True
    if date_in(credit) is not None and any(ch.isupper() for ch in credit[:3]):
        return True
    # "Havana, 26 abril (RHC).-": a source by its initials after a place and a date
    dated = bool(m.group("mon1") or m.group("mon2"))
    if dated and re.fullmatch(r"[A-Z][A-Z&.]{1,9}", credit.strip()):
        return True
    if _SITE_NAME.fullmatch(credit.strip()):
        sep = (m.group("sep") or "").strip()
        return sep.startswith(("-", "–", "—", ":")) and _opens_sentence(rest.lstrip())
    # "Nairobi, Kenya (CNN) —", "NAIROBI, Oct 3, 2019 (Capital FM) –": a broadcaster or a
    # paper by its name, then a dash and the story's first sentence ("(Agencias).–", too).
    sep = (m.group("sep") or "").strip().lstrip(".")
    # CNN prints no dash: "Atlanta (CNN)The ..." (glued where the page's markup split it).
    cnn = not sep and credit.strip().startswith("CNN")
    return (
        (sep.startswith(("-", "–", "—", ":")) or cnn)
        and bool(_SOURCE_NAME.fullmatch(credit.strip()))
        and country_code(credit.strip()) is None
        and not region_of(credit.strip())  # "(Kenya)", "(Maharashtra)": a place's tail
        and (credit.isupper() or not is_known_place(credit.strip()))  # "(Ibaraki)", too
        and len(rest.strip()) >= BARE_CREDIT_TEXT
        and _opens_sentence(rest.lstrip())
    )


def _source_only_ok(m: re.Match[str], _place: str | None, rest: str) -> bool:
    """"(Sinar Daily) - The ...": a source's name in brackets, no place (a place in
    brackets is "(OTTAWA) —", the place-dash form), then a sentence."""
    credit = " ".join(m.group("ag_mixed").split())
    return (
        not is_known_place(credit)
        and bool(_unregistered_source(credit))
        and not split_agencies(credit)  # ("(Harrisburg, PA) --": a place and its state)
        and len(rest.strip()) >= BARE_CREDIT_TEXT
        and _opens_sentence(rest.lstrip())
    )


def _unregistered_source(credit: str) -> tuple[str, ...]:
    """A source the registry lacks, credited in a dateline's brackets: "(CNN)", "(WGME)",
    "(PSCU)", "(Capital FM)". The archive keeps it by the name the page prints, so its
    stories can be counted; a date or a place in the brackets is none, nor is one word in
    lower case after its capital (a province the gazetteer lacks, most often)."""
    name = " ".join(credit.split())
    if name.casefold() in _GENERIC_CREDITS:
        return (name,)  # "ROMA (Agencias).–": the paper's word for the wires it drew on
    if _SITE_NAME.fullmatch(name):
        return (name,)  # "JOHANNESBURG (miningweekly.com) –": a news site by its domain
    if "/" in name:  # "(UN NEWS CENTRE/BBC NEWS)": two sources, each by its name
        parts = [_unregistered_source(part) for part in name.split("/")]
        return tuple(p[0] for p in parts) if all(parts) else ()
    if (
        not _SOURCE_NAME.fullmatch(name)
        or not UNREGISTERED_SOURCE_MIN <= len(name) <= UNREGISTERED_SOURCE_CHARS
        or date_in(name) is not None
        or name.split()[0].rstrip(".,").casefold() in _MONTHS  # "(Nov. 3)"
        or country_code(name) is not None
        or region_of(name)
        or (not name.isupper() and is_known_place(name))
        or (" " not in name and not name.isupper())  # "(Kanagawa)": a prefecture's name
    ):
        return ()
    return (name,)


_GENERIC_CREDITS = frozenset(
    ("agencias", "agencies", "agências", "agences", "agenzie", "agenturen", "agencja")
)
UNREGISTERED_SOURCE_CHARS = 30
UNREGISTERED_SOURCE_MIN = 3  # "Lucknow (UP)", "Bhopal (MP)": two capitals are a state's

_SOURCE_NAME = re.compile(r"[A-Z][\w&'’.-]*(?:[ /][A-Z0-9][\w&'’.-]*){0,5}")
_SITE_NAME = re.compile(_SITE)


def _pipes_ok(m: re.Match[str], place: str | None, rest: str) -> bool:
    """"Nairobi | AFP": the part before the pipe must be a place ("Jane Roe | The
    Associated Press" is a byline)."""
    return _resolves(place)


def _known_place_ok(m: re.Match[str], place: str | None, rest: str) -> bool:
    """Rarer forms ("Houston, TX – May 20, 2019 –", "HONG KONG / AP —"): only with a place
    the gazetteer knows and text after the separator ("MADRID / AFP" may stand alone on
    its line, over the text)."""
    if m.re is _SLASH_AGENCY and not m.group("sep"):
        return _resolves(place) and not rest.strip()
    return _resolves(place) and len(rest.strip()) >= 10


def _paren_date_ok(m: re.Match[str], place: str | None, rest: str) -> bool:
    """"DAVAO CITY (December 31) -" before its text; with a full date it may stand alone
    on its line, or before the hour: "Lima, Perú (01 febrero 2023) .-17:35 hrs"."""
    if _known_place_ok(m, place, rest):
        return True
    tail = rest.strip()
    return _resolves(place) and _has_year(m) and (not tail or TIME_ONLY.match(tail) is not None)


def _site_ok(m: re.Match[str], place: str | None, rest: str) -> bool:
    """"TEMPO.CO, Jakarta -": a known place, a separator, then the story's first word."""
    sep = (m.group("sep") or "").strip()
    return bool(place) and _resolves(place) and sep not in ("", ".") and _opens_sentence(
        rest.lstrip()
    )


def _home(place: str | None, agencies: tuple[str, ...]) -> str | None:
    """The crediting agency's home country for a place the gazetteer cannot place; never
    for places in two countries ("Beirut/Damascus") or in none ("UN", "At Sea")."""
    if place is None or "/" in place or fold(place) in _STATELESS_KEYS:
        return None
    return home_country(agencies)


def _date_place_ok(m: re.Match[str], place: str | None, rest: str) -> bool:
    """"Nov. 1—LIMA —": a month and day, then a place in capitals the gazetteer knows."""
    if not place or not all_caps(place.split(",")[0]) or not _resolves(place):
        return False
    return bool(m.group("mon1") or m.group("mon2") or m.group("mon3")) and bool(rest.strip())


# A whole date right after the credit, then a dash or the line's end.
_TRAIL_DATE = re.compile(
    r"[ \t]*(?P<date>(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?[ \t]+|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?,?"
    r"[ \t]+)(?:19|20)\d\d)(?P<sep>[ \t]*(?:-{1,2}|[–—:])[ \t]*|[ \t]*$)"
)


def _stop_agency_ok(m: re.Match[str], place: str | None, rest: str) -> bool:
    """"ASTANA. KAZINFORM ...": both in capitals, a place the gazetteer knows, text after."""
    credit = m.group("ag_bare")
    return (
        bool(place)
        and all_caps(place.split(",")[0])
        and credit.upper() == credit
        and _resolves(place)
        and len(rest.strip()) >= BARE_CREDIT_TEXT
    )


def _glued_agency_ok(m: re.Match[str], place: str | None, rest: str) -> bool:
    """"Lagos, Nigeria Reuters Nigerian police ...": a known city and the country or state
    it lies in, one of the world agencies, and a long sentence after it."""
    if not place or "," not in place or not _resolves(place):
        return False
    city, tail = place.split(",", 1)
    codes = set(split_agencies(m.group("ag_bare")))
    return (
        bool(codes)
        and codes <= _WORLD_CREDITS
        and _parts_agree(city.strip(), tail)
        and len(rest.strip()) >= BARE_CREDIT_TEXT
        and _opens_sentence(rest.lstrip())
    )


_OPEN_QUOTES = frozenset('"“‘«')
_WORLD_CREDITS = frozenset(("Reuters", "AFP", "AP", "Xinhua", "Bloomberg", "dpa", "EFE", "UPI"))


def _date_lead_ok(m: re.Match[str], place: str | None, rest: str) -> bool:
    """"23 February 2015 -- Use of ...": a whole date (day, month, year) and a sentence."""
    has_month = bool(m.group("mon1") or m.group("mon2") or m.group("mon3"))
    return has_month and _has_year(m) and len(rest.strip()) >= BARE_CREDIT_TEXT


def _agency_place_ok(m: re.Match[str], place: str | None, rest: str) -> bool:
    """"(ANSA) - ROMA, 21 GEN -" with its date; "(ANSA) - ROMA -" without one only where a
    dash closes a place the gazetteer knows (not "(AFP) - French President: ...")."""
    if _has_date(m):
        return True
    return (m.group("sep") or "").strip()[:1] in ("-", "–", "—") and _resolves(place)


_CHECKS = {
    "agency_place": _agency_place_ok,
    "site_first": _site_ok,
    "place_site": _site_ok,
    "pipes": _pipes_ok,
    "pipes_date": _pipes_ok,
    "mixed_credit": _mixed_credit_ok,
    "place_agency": _place_agency_ok,
    "caps_date": _caps_date_ok,
    "source_first": _source_first_ok,
    "place_dash": _place_dash_ok,
    "dash_date": _known_place_ok,
    "paren_date": _paren_date_ok,
    "slash_agency": _known_place_ok,
    "bare_agency_date": _known_place_ok,
    "dash_agency_date": _known_place_ok,
    "source_only": _source_only_ok,
    "bare_credit": lambda m, _place, rest: _bare_credit_rest(rest) and _stop_credit_ok(m),
    "date_place": _date_place_ok,
    "hijri_date": lambda _m, place, _rest: _resolves(place),  # (alone on its line, too)
    "stop_agency": _stop_agency_ok,
    "date_lead": _date_lead_ok,
    "glued_agency": _glued_agency_ok,
    "date_semicolon": lambda m, _place, rest: _has_year(m) and len(rest.strip()) >= 20,
}
BARE_CREDIT_TEXT = 40  # "AFP - " opens a story only before a sentence at least this long


def _build(
    line: str,
    m: re.Match[str],
    shape: str,
    anchors: DateAnchors,
    *,
    anywhere: bool,
) -> DatelineMatch | None:
    start = m.start()
    place_text: str | None = None
    if "place" in m.re.groupindex and m.group("place"):
        cut, place_text = _trim_place(m.group("place"), search=anywhere)
        start = m.start("place") + cut
        also = m.group("also") if "also" in m.re.groupindex else None
        if also and country_code((place_text + also).split(",")[-1].strip()) is not None:
            place_text += also  # "PORT OF SPAIN, Trinidad and Tobago": one country's name
        if not _place_ok(place_text, shape, anywhere=anywhere):
            return None
    if shape in ("source_first", "agency_place", "site_first", "date_place") or (
        shape == "place_dash" and m.group("open")
    ):
        start = m.start()  # "TASS Moscow, 3 October", "(OTTAWA)": the whole credit and place
        if shape == "source_first":
            start = m.start("ag_bare")  # "By IANS, Kolkata :": the "By" is the byline's word
    agencies = split_agencies(_agency_text(m))
    if shape in ("mixed_credit", "source_only") and not agencies:
        agencies = _unregistered_source(m.group("ag_mixed"))
    if (
        "o_s" in m.re.groupindex
        and m.group("o_s")
        and not _has_date(m)
        and not (place_text and _resolves(place_text))
    ):
        return None  # "Dmitry Astakhov / Kremlin / RIA Novosti / Reuters": a photo credit
    if shape == "source_date":
        if not _source_ok(m, place_text):
            return None
    elif shape not in _UNCREDITED and not agencies:
        return None
    if shape in _CHECKS and not _CHECKS[shape](m, place_text, line[m.end() :]):
        return None
    has_date = _has_date(m)
    sep = m.group("sep") if "sep" in m.re.groupindex else None
    rest = line[m.end() :]
    if not has_date and not sep and shape in ("agency_date", "agency_only", "pipes"):
        # "Paris (AFP)" with nothing after it, or a paragraph running on after it.
        nxt = rest.lstrip(" \t")
        if anywhere and nxt:
            return None
        if nxt and not (nxt[:1].isupper() or nxt[:1] in "\"'“‘"):
            return None
    if shape == "date_only" and (
        not m.group("mon1") and not m.group("mon2") and not m.group("mon3")
    ):
        return None  # "LONDON, Tuesday" alone is not enough
    if shape == "date_only" and line[m.end("place") : m.start("date")].strip() == ":" and (
        not all_caps(m.group("place")) or fold(m.group("place")) in _LABEL_WORDS
    ):
        return None  # "HYDERABAD: September 20 -", never "Date: Nov 10, 2017" or "Time: ..."
    if shape == "date_only" and not sep and rest.strip() and not (
        # "SYDNEY, May 28 Heavy rains ...": Reuters' form with its credit stripped; a place
        # in capitals the gazetteer knows, a day, then the sentence ("Mosca, 24 feb. La
        # Russia ...": in any case where a stop closes the date)
        place_text
        and (all_caps(place_text.split(",")[0]) or m.group(0).endswith("."))
        and _resolves(place_text)
        and rest[:1].isspace()
        and _opens_sentence(rest.lstrip())
        and len(rest.strip()) >= BARE_CREDIT_TEXT
        and not split_agencies(rest.split()[0])  # "NAGOYA, Nov. 22 Kyodo reporters ..."
    ):
        return None
    if shape in ("agency_only", "date_first") and anywhere and line[: m.start()].strip(_BULLETS):
        return None
    if shape == "date_first" and not (m.group("mon1") or m.group("mon2") or m.group("mon3")):
        return None
    if shape == "dash_agency" and not (m.group("stop") or sep):
        nxt = rest.lstrip(" \t")
        opens = not nxt or nxt[:1].isupper() or nxt[:1] in _OPEN_QUOTES
        capped = len(m.group("ag_bare")) > 2 and m.group("ag_bare").isupper()
        if not (m.group("dash") or capped) or not opens:
            # "PARIS, Nov 11 - AFP reporters saw ..." is a sentence; "ASTANA. July 10.
            # KAZINFORM "Astana is ...": the agency's name in capitals closes the dateline
            return None
    if (
        shape == "agency_only"
        and not has_date
        and not (sep and sep.strip() != ".")
        and not (
            # "(Associated Press) Police have identified ...": a credit opening the text
            not anywhere
            and not sep
            and rest[:1].isspace()
            and len(rest.strip()) >= BARE_CREDIT_TEXT
            and _opens_sentence(rest.lstrip())
            # "(AP) WASHINGTON — ...": the credit heads a dateline of its own, found whole
            # past the credit, not cut short at it
            and match_dateline(rest.lstrip(), anchors.dump, page_date=anchors.page) is None
        )
    ):
        return None  # "(dpa)" alone closing a paragraph is a sign-off, not a dateline
    # A weekday alone ("WASHINGTON, Tuesday") gives no date: the dump's date stands in.
    inner = date_in(m.group("ag_mixed")) if shape == "mixed_credit" else None
    if shape == "day_agency":
        date, source = _day_only(int(m.group("dayonly")), anchors.page or anchors.dump)
    elif has_date:
        date, source = _resolve_date(m, anchors.dump, anchors.page)
    elif inner is not None:
        date, source = inner, "dateline"  # "(Site News / Sputnik - 3rd October, 2019)"
    else:
        date, source = no_date(anchors.dump, anchors.page)
    end = m.end()
    raw_end = m.start("sep") if sep else end
    trail = _TRAIL_DATE.match(line, end) if agencies and not _has_year(m) else None
    if trail is not None and (later := date_in(trail.group("date"))) is not None:
        # "MOSCOW, May 22 (AFP) May 22, 2009": the Space Media Network prints the date
        # again after the credit, with its year
        date, source = later, "dateline"
        end = raw_end = trail.end("date")
        if trail.group("sep"):
            end = trail.end()
    raw = line[start:raw_end].strip()
    if raw.endswith("/.") or shape == "dash_agency":
        raw = raw.rstrip(" \t.")
    resolved = resolve_place(place_text) if place_text else None
    if resolved is not None and resolved.region is not None:
        if split_agencies(resolved.region):
            return None  # "Rocha, Reuters (...)": a reporter's name and agency, a byline
        if resolved.region.rstrip(".").casefold() in _MONTHS:
            resolved = replace(resolved, region=None)  # "BEIJING, Dec." cut before its day
    dateline = Dateline(
        raw=raw,
        place=resolved.place if resolved else None,
        region=resolved.region if resolved else None,
        country=(resolved.country or _home(resolved.place, agencies)) if resolved else None,
        agencies=agencies,
        date=date,
        date_source=source,
    )
    return DatelineMatch(dateline, start, end)


_NEEDS_MARK = frozenset(
    ("date_agency", "date_first", "agency_date", "agency_place", "day_agency", "agency_only",
     "source_date", "mixed_credit", "paren_date", "slash_agency", "date_dash_agency",
     "source_only")
)  # fmt: skip
_NEEDS_PIPE = frozenset(("pipes_date", "pipes"))
# Shapes only looked for where a paragraph starts, never inside running text.
_LINE_START_ONLY = frozenset(
    ("place_dash", "source_first", "place_agency", "dash_date", "paren_date", "slash_agency",
     "bare_agency_date", "bare_credit", "date_place", "stop_agency", "date_lead",
     "glued_agency", "date_semicolon", "dash_agency_date", "source_only")
)  # fmt: skip
_WINDOW = 400  # longer than any dateline a shape can match
_Shapes = tuple[tuple[str, re.Pattern[str]], ...]


def _match_at(
    line: str, pos: int, anchors: DateAnchors, *, anywhere: bool
) -> DatelineMatch | None:
    shapes, fewer = shapes_at(line, pos, anywhere=anywhere)
    if fewer is not shapes and _HEAD_PUNCT.match(line, pos) is None:
        shapes = fewer  # no place here goes on as most place-first shapes need
    return try_shapes(shapes, line, pos, anchors, anywhere=anywhere)


def shapes_at(line: str, pos: int, *, anywhere: bool) -> tuple[_Shapes, _Shapes]:
    """The shapes worth trying at `pos`, and the same less those _HEAD_PUNCT must let
    through (the two are one object where there are none such)."""
    # Shapes that need a credit mark or a pipe cannot match a window without one.
    window = line[pos : pos + _WINDOW]
    key = (
        "(" in window or "[" in window or "/" in window,
        "|" in window,
        "AH" in window or "A.H" in window,
        line[pos : pos + 1] in ("(", "["),
        anywhere,
        pos <= _LEAD.match(line).end(),  # type: ignore[union-attr]  # only bullets before
        not anywhere or _caps_word(line, pos),
    )
    kinds = _SHAPES_FOR.get(key)
    if kinds is None:
        kinds = _SHAPES_FOR[key] = _shapes_for(*key)
    return kinds


def try_shapes(
    shapes: _Shapes, line: str, pos: int, anchors: DateAnchors, *, anywhere: bool
) -> DatelineMatch | None:
    """The first of `shapes`, in order, that matches at `pos` and holds up."""
    for name, pattern in shapes:
        m = pattern.match(line, pos)
        if m is None:
            continue
        found = _build(line, m, name, anchors, anywhere=anywhere)
        if found is not None:
            return found
    return None


_FIRST_WORD = re.compile(r"[^\s,(]+")
_LEAD = re.compile(f"[{re.escape(_BULLETS)}]*")


def _caps_word(line: str, pos: int) -> bool:
    word = _FIRST_WORD.match(line, pos, pos + 40)
    return word is not None and word[0].isupper()


def _shapes_for(
    marked: bool, piped: bool, hijri: bool, bracket: bool, anywhere: bool, at_start: bool,
    caps: bool,
) -> tuple[_Shapes, _Shapes]:
    """The shapes worth trying at a position, by what the window holds: the same for every
    position alike, so worked out once per kind of position, not once per line. Second,
    the same less the place-first shapes that need _HEAD_PUNCT, for where it fails."""
    out = []
    for name, pattern in _SHAPES:
        if not marked and name in _NEEDS_MARK or not piped and name in _NEEDS_PIPE:
            continue
        if name == "hijri_date" and not hijri:
            continue
        # Cheap exclusions first: only "(AFP) -" opens with a bracket; and inside running
        # text a dateline without an agency needs a place in capitals ("LONDON, 11 ...").
        if bracket and name not in _BRACKETED or not bracket and name == "agency_only":
            continue
        if anywhere and name in _LINE_START_ONLY:
            continue  # no anchor inside running text: only where a paragraph starts
        if name == "date_first" and not at_start:
            continue
        if name == "date_only" and not caps:
            continue
        out.append((name, pattern))
    shapes = tuple(out)
    fewer = tuple(
        (name, pattern) for name, pattern in shapes
        if name in _SPACED
        or not (pattern.pattern.startswith(_HEAD) or name == "place_dash" and not bracket)
    )  # ("(OTTAWA) —" opens with its bracket: only there is "place_dash" not place-first)
    return shapes, fewer if len(fewer) < len(shapes) else shapes


_SHAPES_FOR: dict[tuple[bool, ...], tuple[_Shapes, _Shapes]] = {}

# Most lines open with a capitalised word that each shape opening with a place (_HEAD)
# would try as one and reject. All but four of those shapes need, right after the place,
# a comma, stop, bracket, slash, pipe, colon or dash, the line's end, or a space after the
# place's own closing bracket: matched once, this tells that none of them can match there.
# The four (_SPACED) may go on with a space and a date, an agency or "and" (a joint
# release): they are always tried (a like test for them costs what it saves).
_HEAD_PUNCT = re.compile(rf"{_HEAD}(?=[ \t]*(?:[,.(\[/|:;\-–—•·_]|$)|(?<=\)))")
_SPACED = frozenset(("date_agency", "caps_date", "bare_agency_date", "glued_agency"))


# Where a dateline may begin inside running text: a capital, "(" or "[" after a gap.
_CANDIDATE = re.compile(rf"(?:(?<=[\s|.!?\"”»•·*>▪►◆■])|^)(?={_U}|[(\[]|(?:al|el|d|l)[-'’]{_U})")
# Every dateline holds an agency mark or a real date; searching starts from these, so
# long prose without either costs one linear scan.
# The month branch is gated (a word start, letters, then a digit) before the month
# alternation is tried: tried at every position, that alternation was most of the parse.
_ANCHOR = re.compile(
    rf"[(\[/|][ \t]*{_AG}"
    rf"|(?<![^\W\d_])(?=[^\W\d_]+\.?[ \t]*\d){_MONTH}\.?[ \t]*\d"
    rf"|\d[ \t]+(?:of[ \t]+)?{_MONTH}"
    rf"|{_YEAR}-[01]\d-[0-3]\d"
)
# Every branch of _ANCHOR holds a digit or opens with a credit's mark: a line with none of
# these in reach has no anchor, which one scan for a single character tells.
_ANCHOR_CHAR = re.compile(r"[\d(\[/|]")
# Web pages space datelines with no-break and thin spaces ("SEOUL, South Korea\xa0—").
_ODD_SPACES = ("\xa0", "\u2007", "\u2009", "\u202f")
# How far before its anchor a dateline may start.
_REACH = 200


def match_dateline(
    line: str,
    dump_date: dt.date | None,
    *,
    anywhere: bool = False,
    page_date: dt.date | None = None,
) -> DatelineMatch | None:
    """The dateline at the start of `line` (or anywhere in it), or None when there is none.

    `start`/`end` span the dateline and its trailing separator, so `line[end:]` is the
    text that follows it on the same line.
    """
    if not isinstance(line, str) or not line.strip():
        return None
    if isinstance(dump_date, dt.datetime):  # a timestamp from metadata: its day counts
        dump_date = dump_date.date()
    return _match_dateline(line, dump_date, anywhere, page_date)


# What a cut line's last word is taken to go on with: letters first (so "Jap" reads as the
# start of a word), then a sentence long enough for every shape's test of what follows.
_CUT_TAIL = "xa and the rest of this sentence would have followed here at some length."
CUT_TEXT_CHARS = 60  # a page's last line at most this long may be a dateline cut short


def match_cut_dateline(
    line: str, dump_date: dt.date | None, *, page_date: dt.date | None = None
) -> DatelineMatch | None:
    """The dateline opening a page's last line where the stored copy ends a few letters
    into its text ("CHIBA, Japan – Jap", "PARIS - A r"): read as if the sentence went on.
    Only a dateline whole before the cut counts (never "BEIJING, Sept. 23 (X")."""
    text = line.rstrip()
    if not text or len(text) > CUT_TEXT_CHARS or not text[-1].isalpha():
        return None
    found = match_dateline(text + _CUT_TAIL, dump_date, page_date=page_date)
    if found is None or found.end > len(text) or found.end == len(text):
        return None
    return found


# The same lines come back dump after dump (a site's furniture, a teaser on many pages,
# one crawl's stamps), and the answer is a pure function of the line and its dates.
@lru_cache(maxsize=DATELINE_CACHE)
def _match_dateline(
    line: str, dump_date: dt.date | None, anywhere: bool, page_date: dt.date | None
) -> DatelineMatch | None:
    spaced = line
    if not line.isascii():  # one for one, and only the spaces the line holds
        for odd in _ODD_SPACES:
            if odd in spaced:
                spaced = spaced.replace(odd, " ")
    found = _match(spaced, DateAnchors(page=page_date, dump=dump_date), anywhere=anywhere)
    if found is None or spaced == line:
        return found
    # The raw dateline as the page prints it, odd spaces and all (nothing is rewritten).
    at = spaced.find(found.dateline.raw, found.start)
    raw = line[at : at + len(found.dateline.raw)]
    return replace(found, dateline=replace(found.dateline, raw=raw))


def _match(line: str, anchors: DateAnchors, *, anywhere: bool) -> DatelineMatch | None:
    pos = _START.match(line).end()  # type: ignore[union-attr]
    if not line.isascii():
        cjk = match_cjk(line, pos)
        if cjk is not None:
            return _cjk_dateline(cjk, pos, anchors)
    if anywhere:
        return _search(line, pos, len(line), anchors)
    found = (
        _match_at(line, pos, anchors, anywhere=False)
        or _place_country(line, pos, anchors)
        or _state_then_city(line, pos, anchors)
        or _caps_city_glued(line, pos, anchors)
    )
    if found is not None:
        return found
    if line[pos : pos + 1] in "([":
        found = _credit_then_dateline(line, pos, anchors)
        if found is not None:
            return found
    by = _BY_PREFIX.match(line, pos)
    if by is not None:
        # "by Staff Writers Cape Canaveral FL (SPX) Nov 11, 2017": byline then dateline.
        return _search(line, by.end(), min(len(line), by.end() + 160), anchors) or (
            _name_then_source(line, by.end(), anchors)
        )
    return None


# "By Jane Doe, IANS, Kathmandu : ...": the writer's name, then the agency and the place.
_BYLINE_NAME = re.compile(r"(?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]+,[ \t]*")


def _name_then_source(line: str, pos: int, anchors: DateAnchors) -> DatelineMatch | None:
    name = _BYLINE_NAME.match(line, pos)
    if name is None:
        return None
    found = _match_at(line, name.end(), anchors, anywhere=False)
    if found is None or not found.dateline.agencies or found.dateline.place is None:
        return None
    if not line.startswith(found.dateline.raw, name.end()):
        return None
    return found if split_agencies(line[name.end() : name.end() + 40].split(",")[0]) else None


_CREDIT_FIRST = re.compile(rf"{_AGMARK}[ \t]+")


def _credit_then_dateline(line: str, pos: int, anchors: DateAnchors) -> DatelineMatch | None:
    """"(AP) WASHINGTON — ...": a bracketed credit before an uncredited dateline is that
    dateline's credit; the two are one dateline."""
    credit = _CREDIT_FIRST.match(line, pos)
    if credit is None:
        return None
    codes = split_agencies(credit.group("ag_p"))
    found = _match_at(line, credit.end(), anchors, anywhere=False)
    if not codes or found is None or found.dateline.place is None or found.dateline.agencies:
        return None
    raw = line[pos : found.start + len(found.dateline.raw)]
    return DatelineMatch(replace(found.dateline, raw=raw, agencies=codes), pos, found.end)


def _search(line: str, pos: int, stop: int, anchors: DateAnchors) -> DatelineMatch | None:
    """Leftmost dateline starting in [pos, stop), trying only starts near an anchor."""
    end = min(len(line), stop + _REACH)
    if _ANCHOR_CHAR.search(line, pos, end) is None:
        return None  # (most prose: no anchor can start without one of these characters)
    tried_upto = pos
    for anchor in _ANCHOR.finditer(line, pos, end):
        low = max(tried_upto, anchor.start() - _REACH)
        high = min(stop, anchor.start() + 1)
        if low >= high:
            continue
        for cand in _CANDIDATE.finditer(line, low, high):
            found = _match_at(line, cand.start(), anchors, anywhere=True)
            if found is not None:
                return found
        tried_upto = high
    return None


def _cjk_dateline(found: CjkDateline, pos: int, anchors: DateAnchors) -> DatelineMatch:
    """"新华社北京10月3日电", "【ワシントン共同】", "(서울=연합뉴스)": the agencies' own."""
    place = resolve_place(found.place) if found.place else None  # ("【12月5日 AFP】": none)
    date, source = _date_of(None, found.month, found.day, anchors.dump, anchors.page)
    dateline = Dateline(
        raw=found.raw,
        place=place.place if place else None,
        region=place.region if place else None,
        country=place.country if place else None,
        agencies=(found.agency,),
        date=date,
        date_source=source,
    )
    return DatelineMatch(dateline, pos, found.end)


def _place_country(line: str, pos: int, anchors: DateAnchors) -> DatelineMatch | None:
    """"Lagos, Nigeria -- ...": both names must resolve and agree, or it is prose."""
    m = _PLACE_COUNTRY.match(line, pos)
    if m is None:
        return None
    city, country = m.group("city"), m.group("country")
    if fold(city.split()[0]) in _NOT_PLACE:
        return None  # "In Lagos, Nigeria - ..." opens a sentence
    code = country_code(country)
    if code is None or find_city(city, code) is None:
        return None
    raw = line[m.start() : m.start("sep")].strip()
    resolved = resolve_place(raw)
    if resolved.country != code:
        return None
    return _undated(raw, resolved.place, resolved.region, resolved.country, anchors, m)


def _undated(
    raw: str,
    place: str | None,
    region: str | None,
    country: str | None,
    anchors: DateAnchors,
    m: re.Match[str],
) -> DatelineMatch:
    """An uncredited dateline with no date of its own, spanning the match: dated by the
    page's stamp, else the dump's date."""
    date, source = no_date(anchors.dump, anchors.page)
    dateline = Dateline(
        raw=raw, place=place, region=region, country=country, date=date, date_source=source
    )
    return DatelineMatch(dateline, m.start(), m.end())


# "HONG KONG Angry protesters marched ...": a paper that strips the wire's dash and credit
# leaves the city in capitals run into the first sentence.
_CAPS_GLUED = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]+(?:[ \t][A-Z][A-Z.'’-]+){0,2})"
    r"(?:,[ \t]*(?P<tail>[A-Z][a-z.]+(?:[ \t][A-Z][a-z.]+)?))?[ \t]+"
    r"(?=[\"“‘]?[A-Z][a-z'’]*[ \t]+[a-z0-9\"“‘])"
)  # (its state or country after a comma: "PORTLAND, Maine A stringy red seaweed ...")
CAPS_GLUED_WORDS = 10  # the sentence after the city runs on at least this many words


def _caps_city_glued(line: str, pos: int, anchors: DateAnchors) -> DatelineMatch | None:
    """Only a city the gazetteer knows (not a country, a region or initials) before a
    sentence of some length: a headline in capitals over its text is not one."""
    if not line[pos : pos + 2].isupper():
        return None  # (cheap test first: the line opens with no word in capitals)
    m = _CAPS_GLUED.match(line, pos)
    if m is None:
        return None
    place = m.group("place")
    letters = sum(ch.isalpha() for ch in place)
    if letters < 4 or fold(place.split()[0]) in _NOT_PLACE or fold(place) in _LABEL_WORDS:
        return None
    if find_city(place) is None or region_of(place):
        return None  # ("HONG KONG", "SINGAPORE": a city as well as a country, so they pass)
    if len(line[m.end() :].split()) < CAPS_GLUED_WORDS:
        return None
    tail = m.group("tail")
    raw = place if tail is None else f"{place}, {tail}"
    resolved = resolve_place(raw)
    if resolved.country is None:
        return None
    if tail is not None and not (
        find_city(place, resolved.country) is not None
        and (
            country_code(tail) == resolved.country
            or any(country == resolved.country for _, country in region_of(tail))
        )
    ):
        return None  # only a state or a country the city lies in ("PARIS, Texas" too)
    return _undated(
        line[m.start() : m.end("tail" if tail else "place")],
        resolved.place, resolved.region, resolved.country, anchors, m,
    )


# "ALABAMA Montgomery: The state received ...": a state-by-state round-up names the state in
# capitals, then the town in title case and a colon.
_STATE_CITY = re.compile(
    r"(?P<state>[A-Z]{2,}(?: [A-Z]{2,}){0,2}) (?P<city>[A-Z][a-z'’.-]+(?: [A-Z][a-z'’.-]+){0,2})"
    r"(?P<sep>:[ \t]+)(?=[\"“‘]?[A-Z0-9])"
)
STATE_CITY_TEXT = 20  # the item's sentence after the colon is at least this long


def _state_then_city(line: str, pos: int, anchors: DateAnchors) -> DatelineMatch | None:
    """"ALABAMA Montgomery: ...": a state (or province) the gazetteer knows, whole, and a
    town it knows in that country ("TEXAS Governor: ..." is a label and a title)."""
    m = _STATE_CITY.match(line, pos)
    if m is None or len(line) - m.end() < STATE_CITY_TEXT:
        return None
    regions = region_of(m.group("state"))
    if not regions:
        return None
    region, country = regions[0]
    if find_city(m.group("city"), country) is None:
        return None
    raw = line[m.start() : m.start("sep")]
    return _undated(raw, m.group("city"), region, country, anchors, m)


# ---------------------------------------------------------------- a page's own dateline form

# "RAKIRAKI – Further roads were shut ...": a place in capitals, a spaced dash, a sentence.
_CAPS_DASH = re.compile(
    r"(?P<place>[A-Z][A-Z'‘’.-]*[A-Z.](?: [A-Z][A-Z'‘’.-]*[A-Z.]){0,2})"
    r"(?P<sep>[ \t]+(?P<dash>--|[–—-])[ \t]+)(?=[\"“‘]?[A-Z])"
)
HOUSE_DASH_KNOWN = 2  # datelines of the form with a known place before an unknown one counts
HOUSE_DASH_TEXT = 40  # ... and the sentence after it runs at least this long


def _dash_kind(dash: str) -> str:
    """A long dash, en or em (sites mix the two on one page), or a hyphen's, single or
    double."""
    return "—" if dash in "–—" else "-"


def caps_dash(line: str) -> tuple[str, str] | None:
    """(place, dash kind) where the line opens "PLACE – Sentence" in that form, else None."""
    m = _CAPS_DASH.match(line)
    return (m.group("place"), _dash_kind(m.group("dash"))) if m else None


def house_dateline(
    line: str,
    dashes: frozenset[str],
    dump_date: dt.date | None,
    page_date: dt.date | None = None,
) -> DatelineMatch | None:
    """A page whose briefs open "SUVA – ...", "PORT VILA – ..." with places the gazetteer
    knows writes its lesser places the same way ("SIGAVE – ..."): on such a page (`dashes`,
    the dash its known datelines use), a place in capitals before that dash and a sentence
    is a dateline though the gazetteer lacks the place."""
    m = _CAPS_DASH.match(line)
    if m is None or _dash_kind(m.group("dash")) not in dashes:
        return None
    place = m.group("place")
    words = [fold(w) for w in place.split()]
    if any(w in _LABEL_WORDS or w in _NOT_PLACE for w in words):
        return None  # "UPDATE – ...", "WATCH – ...": a label
    if len(place.replace(".", "").replace(" ", "")) < 3:
        return None
    rest = line[m.end() :]
    if len(rest.strip()) < HOUSE_DASH_TEXT or all_caps(rest[:HOUSE_DASH_TEXT]):
        return None  # a title in capitals, not the item's first sentence
    where = resolve_place(place)
    anchors = DateAnchors(page=page_date, dump=dump_date)
    return _undated(place, where.place, where.region, where.country, anchors, m)


# "MYANMAR Defense lawyers for two reporters have filed an appeal ...": a briefs column that
# opens each item with its country or city in capitals, run straight into the first sentence.
_CAPS_RUN_IN = re.compile(
    r"(?P<place>[A-Z][A-Z'‘’.]*[A-Z](?:[ -][A-Z][A-Z'‘’.]*[A-Z]){0,2})(?P<sep>[ \t]+)"
    r"(?=[\"“‘]?[A-Z][a-z]|[\"“‘]?[A-Z]\.|[a-z]{3,}[ \t])"
)
RUN_IN_TEXT = 60  # the item's text after the place runs at least this long


def run_in_dateline(
    line: str,
    dump_date: dt.date | None,
    page_date: dt.date | None = None,
    *,
    known_only: bool = True,
) -> DatelineMatch | None:
    """On a briefs page whose items open "CAMBODIA Opposition leader ...", that place in
    capitals is the item's dateline. `known_only`: only places the gazetteer knows (the
    page's form is judged by those); else any capitals in that form (a page that opens
    other items "CAMBODIA ..." writes "AUSTRALIA-INDONESIA ..." the same way)."""
    anchors = DateAnchors(page=page_date, dump=dump_date)
    if not known_only:
        # "ALASKA Soldotna: ...": in a round-up of the states, a town the gazetteer lacks
        state = _STATE_CITY.match(line)
        regions = region_of(state.group("state")) if state is not None else []
        if state is not None and regions and len(line) - state.end() >= STATE_CITY_TEXT:
            region, country = regions[0]
            raw = line[: state.start("sep")]
            return _undated(raw, state.group("city"), region, country, anchors, state)
    m = _CAPS_RUN_IN.match(line)
    if m is None or len(line) - m.end() < RUN_IN_TEXT or all_caps(line[m.end() : m.end() + 30]):
        return None
    place = m.group("place")
    words = [fold(w) for w in re.split(r"[ -]", place)]
    if any(w in _LABEL_WORDS or w in _NOT_PLACE for w in words) or len(place) < 4:
        return None
    where = resolve_place(place.replace("-", " ") if "-" in place else place)
    if known_only and not where.country:
        return None
    if "-" in place and not known_only:
        return _undated(place, None, None, None, anchors, m)
    return _undated(place, where.place, where.region, where.country, anchors, m)
