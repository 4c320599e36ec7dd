"""The page's own timestamp: the date a site prints by the headline or the byline.

Wire datelines often give a day without a year ("SEOUL, Nov. 23 (Yonhap)") or no date at
all ("NAIROBI —"). Pages that carry them usually print their own time stamp near the top:
"Updated: 03-10-2019 11:20 IST", "By Jane Doe | Oct. 3, 2019 at 10:30 AM", "Published 14
November 2017", "Wed, 10/01/2008 - 20:38". That date anchors the dateline's year, and
stands in when a dateline has no date (DESIGN.md, `date_source` "page_date").

Only the head of the page is read (a teaser far below carries another story's date), and
only short lines or the opening of a line: a date inside prose is what the story is about,
not when the page was printed.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from etl.parse.alternation import trie_regex
from etl.parse.caching import PREDICATE_CACHE
from etl.parse.months import MONTH_WORDS

# How many non-blank lines from the top may hold the page's stamp.
HEAD_LINES = 16
# A stamp line is short; a longer line counts only when it opens with the date.
STAMP_LINE_CHARS = 140
OPENING_CHARS = 48

_MONTHS: dict[str, int] = {w: n for n, words in MONTH_WORDS.items() for w in words}
_MON = r"(?P<mon>" + trie_regex(w.lower() for w in _MONTHS) + r")(?![^\W\d_])\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_PATTERNS = (
    # Oct. 3, 2019  /  October 03 2019  /  Oct 3,2019  /  March 24. 2013
    re.compile(rf"(?<![\w]){_MON}[ \t]*{_DAY}[,.]?[ \t]*{_YEAR}", re.IGNORECASE),
    # 3 October 2019  /  03 Oct, 2019  /  3rd October, 2019
    re.compile(
        rf"(?<![\w\d]){_DAY}\.?[ \t]+(?:(?:of|de)[ \t]+)?{_MON},?[ \t]+"
        rf"(?:(?:de|del)[ \t]+)?{_YEAR}",
        re.IGNORECASE,
    ),
    # 29-Aug-2021, 03.Oct.2019
    re.compile(rf"(?<![\w\d]){_DAY}[-.]{_MON}[-.]?{_YEAR}", re.IGNORECASE),
    # 2019-10-03 (also 2019/10/03)
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)[-/.](?P<mon>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"),
    # 2019年10月3日 (Chinese, Japanese), 2019년 10월 3일 (Korean)
    re.compile(
        r"(?P<year>(?:19|20)\d\d)\s*[年년]\s*(?P<mon>[01]?\d)\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日일]"
    ),
    # 03-10-2019, 10/01/2008, 03.10.2019: order settled by the values or the separator
    re.compile(
        r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[-/.])(?P<b>[0-3]?\d)(?P=sep)"
        r"(?P<year>(?:19|20)\d\d)(?!\d)"
    ),
)
# "Published" and "updated" in the languages the parser reads.
_FOREIGN_STAMP = (
    r"\b(?:publi[ée]e?|mis\s+[àa]\s+jour|publicado|actualizado|atualizado|ver[öo]ffentlicht"
    r"|aktualisiert|pubblicato|aggiornato|gepubliceerd|bijgewerkt|opublikowano|publikov[áa]no"
    r"|опубликовано|обновлено|дата\s+публикации)\b"
)
# A time or a stamp word beside a date marks a time stamp rather than a date in a title.
_STAMP_HINT = re.compile(
    r"\d{1,2}[:.h]\d{2}|\b(?:updated|published|posted|modified|last\s+update|created|am|pm"
    r"|ist|gmt|utc|edt|est|pdt|pst|cet|cest|bst|jst|kst|wib|ict|hkt|sgt)\b|\||[年년]"
    rf"|{_FOREIGN_STAMP}",
    re.IGNORECASE,
)
# A stamp in another language writes "03/10/2019" day first, as Europe and most of the
# world do; so does an English one in a time zone outside the Americas ("03/10/2019 11:20
# IST"); only an English page otherwise (or a value over 12) sets the US order.
_DAY_FIRST_ZONES = (
    r"ist|bst|cet|cest|eet|eest|wet|west|msk|eat|wat|cat|sast|pkt|npt|wib|wita|myt|sgt|hkt"
    r"|pht|ict|jst|kst|aest|aedt|awst|acst|acdt|nzst|nzdt|gst"
)
_DAY_FIRST_HINT = re.compile(
    rf"{_FOREIGN_STAMP}|\d{{1,2}}h\d{{2}}|\b(?:le|el|um|à)\b"
    rf"|\d{{1,2}}[:.]\d\d(?:[ \t]*(?:hrs?|[ap]\.?m\.?))?[ \t]+\(?(?:{_DAY_FIRST_ZONES})\b",
    re.I,
)


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_match(m: re.Match[str], *, day_first: bool = False) -> dt.date | None:
    groups = m.groupdict()
    year = int(groups["year"])
    if groups.get("a") is not None:
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12:
            day, month = a, b
        elif b > 12:
            day, month = b, a
        elif groups["sep"] == "/" and not day_first:
            month, day = a, b  # "10/01/2008": the US order, as English sites with slashes do
        else:
            day, month = a, b  # "03-10-2019", "03.10.2019": day first
        return _safe(year, month, day)
    mon = groups["mon"]
    month = int(mon) if mon.isdigit() else _MONTHS[mon.lower()]
    return _safe(year, month, int(groups["day"]))


def date_in(text: str) -> dt.date | None:
    """The first full date (with a year) in `text`, or None."""
    day_first: bool | None = None
    best: tuple[int, dt.date] | None = None
    for pattern in _PATTERNS:
        m = pattern.search(text)
        if m is None:
            continue
        if day_first is None and m.groupdict().get("a") is not None:
            day_first = bool(_DAY_FIRST_HINT.search(text))  # only slashed dates need it
        found = _from_match(m, day_first=bool(day_first))
        if found is not None and (best is None or m.start() < best[0]):
            best = (m.start(), found)
    return best[1] if best else None


@lru_cache(maxsize=PREDICATE_CACHE)
def stamp_date(line: str) -> dt.date | None:
    """The date of a time-stamp line ("Updated: 03-10-2019 11:20 IST"), else None.

    A short line counts when its date comes with a time, a stamp word or a pipe, or when the
    date is most of the line; a long line only when it opens with the date.
    """
    text = line.strip()
    if not text:
        return None
    if len(text) > STAMP_LINE_CHARS:
        head = text[:OPENING_CHARS]
        found = date_in(head)
        if found is None:
            return None
        return found if _opens_with_date(head) else None
    found = date_in(text)
    if found is None:
        return None
    if _STAMP_HINT.search(text) or _opens_with_date(text) or len(text.split()) <= 6:
        return found
    return None


DATED_TITLE_WORDS = 9  # words before the date: "Temas del día de EFE España del lunes"
DATED_TITLE_CHARS = 120


def dated_title(line: str) -> dt.date | None:
    """The date a digest's or a summary's title ends in ("KUNA main news for Tuesday, May 24,
    2022", "Kyodo news summary - July 18, 2014"): the page's own date, though no stamp."""
    text = line.strip().rstrip(".)] ")
    if not text or len(text) > DATED_TITLE_CHARS:
        return None
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            lead = text[: m.start()]
            if (
                m.end() == len(text)
                and len(lead.split()) <= DATED_TITLE_WORDS
                and _TITLE_DATE_LEAD.search(lead)
            ):
                return _from_match(m, day_first=bool(_DAY_FIRST_HINT.search(text)))
    return None


# What may follow a title's own date: an agency's short name ("- 07/03/2016 MAP").
_TITLE_DATE_TAIL = re.compile(r"(?:\s+[A-Z]{2,6})?\s*$")
TITLE_DATE_WORDS = 3  # a title keeps at least this many words before its date


@lru_cache(maxsize=PREDICATE_CACHE)
def title_date(title: str) -> dt.date | None:
    """The date a listing prints at the end of an item's title ("Landslides cut main highway
    28 Jun 2015", "Tea seized at border - 07/03/2016 MAP"): that item's own date."""
    text = _TITLE_DATE_TAIL.sub("", title.strip()) if title else ""
    if not text:
        return None
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if m.end() != len(text):
                continue
            before = text[: m.start()].rstrip(" -–—|,(")
            if len(before.split()) < TITLE_DATE_WORDS or before[-1:].isdigit():
                continue
            return _from_match(m, day_first=bool(_DAY_FIRST_HINT.search(text)))
    return None


# What comes right before a title's closing date: "for", "of", a dash, a comma or a colon,
# then perhaps a weekday.
_TITLE_DATE_LEAD = re.compile(
    r"(?:\b(?:for|of|on|from|del|de|du|vom)|[-–—,:|(\[])\s*(?:[^\W\d_]+,?\s*)?$",
    re.IGNORECASE,  # (a digest's title in capitals: "LE MONDE EN BREF DU JEUDI 18 ...")
)


_LEAD_WORDS = re.compile(
    r"(?:[\W\d_]|\b(?:updated?|published|posted|modified|last|first|date[ds]?|on|at"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    # weekdays in the languages whose month names the parser reads
    r"|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|lundi|mardi|mercredi|jeudi"
    r"|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|luned[ìi]|marted[ìi]|mercoled[ìi]|gioved[ìi]|venerd[ìi]|domenica"
    r"|segunda|ter[çc]a|quarta|quinta|sexta|feira)\b)*",
    re.IGNORECASE,
)


def _opens_with_date(text: str) -> bool:
    """Whether nothing but stamp words, a weekday or punctuation comes before the date."""
    for pattern in _PATTERNS:
        m = pattern.search(text)
        if m is not None and _LEAD_WORDS.fullmatch(text[: m.start()]):
            return True
    return False
