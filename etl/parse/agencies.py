"""Reading agency credits in text: one registry code for whatever spelling a page uses.

Stories credit agencies in many spellings ("Agence France-Presse", "AFP", "/TASS/",
"XNA"); the archive stores one code per agency so that credits can be counted and
joined. The codes and spellings are reference data in etl/agencies.py; this module
holds the text rules (case, lists, sign-offs).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from etl.agencies import AGENCIES as AGENCIES  # re-exported: the registry's one home
from etl.agencies import ALIASES, CASE_STRICT, REGISTRY
from etl.parse.caching import PREDICATE_CACHE
from etl.parse.pagedate import stamp_date

AGENCY_SPELLINGS: tuple[str, ...] = tuple(sorted({*REGISTRY, *ALIASES}, key=len, reverse=True))
"""Every code and alias, longest first: what a dateline pattern may accept as an agency."""

_INDEX: dict[str, str] = {code.casefold(): code for code in REGISTRY}
_INDEX.update({alias.casefold(): code for alias, code in ALIASES.items()})

_EDGE = " \t\r\n.,;:()[]{}|/\\\"'`«»“”‘’*"
# Aliases the registry writes in capitals match only so written.
_EXACT_ALIASES: dict[str, str] = {a.casefold(): a for a in ALIASES if a.isupper()}


def _lookup(token: str, *, strict_case: bool) -> str | None:
    key = " ".join(token.strip(_EDGE).split())  # (runs of spaces as one)
    if not key:
        return None
    folded = key.casefold()
    code = _INDEX.get(folded)
    exact = _EXACT_ALIASES.get(folded)
    if exact is not None and key != exact:
        return None  # "PL" is Prensa Latina; "pl" is a desk's initials ("AFP/pl")
    if code is None:
        base = _NEWS_TAIL.sub("", key)
        if base == key or not base:
            return None
        return _lookup(base, strict_case=True)  # "ANTARA News", "Xinhua News Agency"
    same_word = folded == code.casefold()
    # "Trend" must look like a name, never like the word "trend"; and in running text
    # a bare code only counts in its house case or in capitals.
    if (code in CASE_STRICT or strict_case) and same_word and key not in (code, code.upper()):
        return None
    return code


# An agency's code with "News" after it: the agency's name on its own site's credits.
_NEWS_TAIL = re.compile(r"\s+News(?:\s+Agency)?$", re.IGNORECASE)


def agency_code(token: str) -> str | None:
    """The registry code for one spelling of an agency, or None when it is not one."""
    return _lookup(token, strict_case=False)


# Separators between agencies in one credit: "AFP/APP", "Reuters, AP", "AFP-JIJI".
_LIST_SPLIT = re.compile(r"\s*(?:[/,;&+|]|\band\b|\bwith\b)\s*", re.IGNORECASE)
_HYPHENS = re.compile(r"\s*[-\u2010-\u2015]\s*")


def _split_hyphenated(piece: str, *, strict_case: bool) -> list[str]:
    """Greedy longest-first split of "AFP-JIJI" while keeping "ITAR-TASS" whole."""
    parts = [p for p in _HYPHENS.split(piece) if p]
    found: list[str] = []
    i = 0
    while i < len(parts):
        for j in range(len(parts), i, -1):
            code = _lookup("-".join(parts[i:j]), strict_case=strict_case)
            if code is not None:
                found.append(code)
                i = j
                break
        else:
            if len(parts[i].split()) > 2:
                return []  # "Missile launched -Yonhap": a title with its source, no credit
            i += 1
    return found


@lru_cache(maxsize=PREDICATE_CACHE)
def _split(text: str, *, strict_case: bool) -> tuple[str, ...]:
    codes: list[str] = []
    whole = _lookup(text, strict_case=strict_case)
    pieces = [whole] if whole else None
    if pieces is None:
        pieces = []
        for piece in _LIST_SPLIT.split(text):
            if not piece.strip(_EDGE):
                continue
            code = _lookup(piece, strict_case=strict_case)
            pieces.extend([code] if code else _split_hyphenated(piece, strict_case=strict_case))
    for code in pieces:
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def split_agencies(text: str) -> tuple[str, ...]:
    """Every known agency in a credit such as "AFP/APP", in order, without repeats."""
    if len(text) > 300:
        return ()
    return _split(text, strict_case=False)


# A credit list: agency-like tokens and separators only, nothing else.
_CREDIT = r"[A-Za-z][\w.\-' ]{0,40}?(?:\s*(?:[/,;&+]|\band\b)\s*[A-Za-z][\w.\-' ]{0,40}?){0,5}"
_SIGNOFF_PATTERNS = (
    # "... said. - AFP", "-- Xinhua", "— Reuters", Kyodo's "==Kyodo"
    re.compile(
        rf"(?:^|[\s.!?\"'”’)])(?:-{{1,3}}|[–—]{{1,2}}|={{2}})\s*(?P<c>{_CREDIT})\s*\.?"
        r"(?:\s+[-–—]{1,2})?\s*$"
    ),
    # "... (dpa)", "(AFP/APP)", "[AFP]"
    re.compile(rf"[(\[]\s*(?P<c>{_CREDIT})\s*[)\]]\s*\.?\s*$"),
    # "... said./AFP", "... said. /TASS/"
    re.compile(rf"(?:^|[\s.!?\"'”’])/\s*(?P<c>{_CREDIT})\s*/?\s*\.?\s*$"),
    # a paragraph that is only the credit: "AFP", "dpa/Xinhua"
    re.compile(rf"^\s*(?P<c>{_CREDIT})\s*\.?\s*$"),
    # a bare credit after the last sentence: "... ended on Friday. AFP"
    re.compile(rf"[.!?\"'”’]\s+(?P<c>{_CREDIT})\s*$"),
    # the credit as a copyright after the last sentence: "... Stellungnahme. (c) APA."
    re.compile(rf"[.!?\"'”’]\s+(?:\([cC]\)|©)\s*(?P<c>{_CREDIT})\s*\.?\s*$"),
    # the credit, then the day it was filed: "... on Sunday. -MNA - 12/31/06"
    re.compile(
        rf"[.!?\"'”’]\s*[-–—]\s*(?P<c>{_CREDIT})\s*[-–—]\s*\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\s*$"
    ),
)
# Words that introduce an agency credit rather than name a person or an agency.
_CREDIT_LEAD = re.compile(
    r"^(?:with\s+(?:inputs?\s+from\s+)?|(?:avec|con|com|mit)\s+"
    r"|(?:additional\s+)?(?:reporting|information|material|inputs?)\s+(?:by|from)\s+)",
    re.IGNORECASE,
)


def signoff_body(paragraph: str) -> str | None:
    """The paragraph without its trailing agency credit, or None when it has none; tells a
    signed-off sentence ("... problems. PTI") from a title that ends in an agency name."""
    text = paragraph.rstrip()
    tail = text[-200:]
    offset = len(text) - len(tail)
    for m in _signoff_matches(tail):
        if _credit_codes(m.group("c")):
            return text[: offset + m.start("c")].rstrip(" \t-–—=([/")
    return None


SIGNOFF_TRIES = 3  # starts tried per pattern: a sentence may run before the credit's own


def _signoff_matches(tail: str) -> Iterator[re.Match[str]]:
    """Each pattern's matches from the leftmost on: "... said the police. Two were hurt.
    AP" first matches from "Two", which is no credit; a later start finds "AP"."""
    for pattern in _SIGNOFF_PATTERNS:
        pos = 0
        for _ in range(SIGNOFF_TRIES):
            m = pattern.search(tail, pos)
            if m is None:
                break
            yield m
            pos = m.start() + 1


def _credit_codes(found: str) -> tuple[str, ...]:
    credit = _CREDIT_LEAD.sub("", found.strip())
    pieces = [p for p in _LIST_SPLIT.split(credit) if p.strip(_EDGE)]
    codes = _split(credit, strict_case=True)
    # Every piece must be an agency: "(Reporting by X; Editing by Y)" is not a credit.
    if codes and all(_split(p, strict_case=True) for p in pieces):
        return codes
    return ()


# An agency's sign-off followed by its desk's marks: lower-case initials after a slash
# ("- AFP/il", "AFP/vm/jm") or PTI's upper-case editors' codes ("PTI PKS HIG HIG").
_DESK_CODES = re.compile(
    r"(?:^|[\s./(-])(?P<ag>[A-Za-z][\w-]{1,11})"
    r"(?P<codes>(?:/[a-z]{2,4}){1,3}|(?:[ \t]+[A-Z]{2,4}){1,4})(?P<close>\))?\s*\.?\s*$"
)


def signoff_agencies(paragraph: str) -> tuple[str, ...]:
    """Agencies credited by a sign-off at the very end of a paragraph; () when none.

    Only a trailing credit set apart by a dash, brackets or a slash counts: an agency
    named in a sentence ("told AFP") is a source of a quote, not a credit.
    """
    tail = paragraph.rstrip()[-200:]
    if not tail:
        return ()
    desk = _DESK_CODES.search(tail)
    if (
        desk is not None
        and _lookup(desk.group("ag"), strict_case=True) is not None
        and not any(_lookup(c, strict_case=True) for c in re.split(r"[\s/]+", desk["codes"]) if c)
    ):
        # "... PTI PKS HIG", "- AFP/il", "(dpa/lby)": the desk's marks after the credit
        tail = tail[: desk.start("codes")] + (desk["close"] or "")
    for m in _signoff_matches(tail):
        codes = _credit_codes(m.group("c"))
        if codes:
            return codes
    return ()


# A line that is nothing but a credit, in the forms sites print above or below a story:
# "The Associated Press", "Source: APP", "- Bernama", "(AP, Bloomberg)", "avec AFP",
# "With files from The Canadian Press", "This report by The Canadian Press was first
# published April 6, 2025.",
# "THE CANADIAN PRESS | posted Thursday, Mar 31", "• Kyodo, Staff Report".
# The label of a source line in the languages of the corpus: "Source:", "Quelle:",
# "Źródło:", "Источник:", "Kaynak:", "Bron:".
SOURCE_LABELS = (
    r"source|sources|fuente|quelle|fonte|źródło|zrodlo|источник|kaynak|bron|zdroj|forrás"
    r"|izvor|sursa|sursă|πηγή"
)
_CREDIT_LINE_LEAD = re.compile(
    r"^[\s•·*|/(\[—–=-]*(?:(?:this\s+(?:report|story|article)\s+by|with\s+files\s+from|with\s+(?:additional\s+)?reporting\s+(?:from|by)"
    rf"|source\(s\)|{SOURCE_LABELS}|credit|by|with|avec|con|mit|via|from"
    r"|da|de(?:\s+la)?|del|di|von|par|por)(?:\b|(?<=\)))\s*:?\s*)?",
    re.IGNORECASE,
)
_CREDIT_LINE_TAIL = re.compile(
    r"\s*(?:[|,]\s*(?:posted|published|updated|staff|report|news\s+agency)\b.*"
    r"|,\s*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}).*"
    r"|(?-i:(?:/[a-z]{2,4}){1,3})"  # the desk's initials: "AFP/jm", "dpa/jm/abc"
    r"|\s+contributed\s+to\s+this\s+(?:report|story|article)\.?"
    r"|\s+was\s+(?:first\s+|originally\s+)?published\b.*"  # "This report by The Canadian
    # Press was first published April 6, 2025.": the agency's own sign-off under its story
    r"|\s+\d{1,3}\s+min(?:ute)?s?\s+read\b.*"  # "The Canadian Press 5 minute read Updated..."
    r"|[\s)\]—–=.-]*)$",
    re.IGNORECASE,
)
# "Edited by: Jane Doe | Source: Xinhua": one part of a footer line names the source.
_SOURCE_PART = re.compile(rf"^\s*(?:{SOURCE_LABELS})\s*:", re.IGNORECASE)
MAX_CREDIT_LINE = 80


def source_label(text: str) -> bool:
    """Whether a line opens with a source's label ("Source: Saudi Press Agency")."""
    return _SOURCE_PART.match(text) is not None


def credit_line(text: str) -> tuple[str, ...]:
    """Agencies of a line that is only a credit, else (). Prose never qualifies: every word
    left once the lead ("Source:") and the tail (a time stamp) are cut must be an agency's."""
    if len(text) > MAX_CREDIT_LINE:
        return ()
    if "|" in text:
        parts = [part.strip() for part in text.split("|")]
        for part in parts:
            if _SOURCE_PART.match(part):
                codes = credit_line(part)
                if codes:
                    return codes
        if len(parts) == 2 and stamp_date(parts[0]) is not None:
            return credit_line(parts[1])  # "Thursday, October 3, 2019, 10:30 GMT | Xinhua"
        if len(parts) == 2 and stamp_date(parts[1]) is not None:
            return credit_line(parts[0])  # "Xinhua | 01.12.2017 08h35"
    body = _CREDIT_LINE_LEAD.sub("", text.strip(), count=1)
    body = _CREDIT_LINE_TAIL.sub("", body, count=1).strip()
    if not body:
        return ()
    codes = _credit_codes(body)
    if codes:
        return codes
    code = agency_code(body)
    if code:
        return (code,)
    site = _SITE_WITH.match(text.strip())
    if site is not None and (
        len(site["site"].split()) >= 2 or _NEWSROOM.fullmatch(site["site"])
    ):
        return credit_line(text.strip()[site.end() :])  # "Porto Canal com Lusa"
    return ()


# A site's or a newsroom's name joined to the agency it used: "Porto Canal com Lusa",
# "Redacción con EFE", "La rédaction avec AFP". (One word alone must be a newsroom's: a
# title such as "Interview with AFP" is no credit.)
_NEWSROOM_WORDS = (
    r"(?:la\s+|el\s+|a\s+)?(?:redacci[óo]n|r[ée]daction|reda[çc][ãa]o|redaktion|red\.|staff"
    r"|newsroom|desk)"
)
_SITE_WITH = re.compile(
    rf"(?P<site>{_NEWSROOM_WORDS}\s+|(?:(?:the|la|le|el|o|die|der)\s+)?"
    r"(?:(?-i:[A-ZÀ-Ý])[\w.'’-]*\s+){1,4}?)"
    r"(?:com|con|avec|mit|with|und|y|e|et)\s+(?:agências?\s+|agencias\s+|agences\s+)?",
    re.IGNORECASE,
)
_NEWSROOM = re.compile(rf"\s*{_NEWSROOM_WORDS}\s*", re.IGNORECASE)


# "Kyodo News Digest: Aug. 28", "Reuters World News Summary", "Yonhap News Summary": a page
# that gathers one agency's briefs credits that agency for each of them.
_DIGEST = re.compile(
    r"^\s*(?P<c>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)??)\s+(?:world\s+|top\s+)?(?:news\s+)?"
    r"(?:digest|summary|roundup|round-up|briefs|wrap)\b"
    # "KUNA main news for Tuesday, May 24, 2022"
    r"|^\s*(?P<c2>[A-Z][\w.-]*)\s+(?:main|top)\s+news\s+(?:for|of)\b"
    # "Temas del día de EFE Internacional", "Resumen de noticias de Prensa Latina"
    r"|^\s*(?:temas|titulares|resumen(?:\s+de\s+noticias)?|principales\s+noticias)\s+"
    r"(?:del\s+d[ií]a\s+)?de\s+(?:la\s+)?(?P<c3>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)??)"
    r"(?=\s+(?:internacional|nacional|del?|para)\b|\s*[(:,]|\s*$)",
    re.IGNORECASE,
)


# "Author: Reuters", "Stories by AFP", "About The Canadian Press", "Recent Articles from The
# Associated Press": an agency's author page, a list of its stories.
_AUTHOR_PAGE = re.compile(
    r"^\s*(?:author|about|(?:(?:recent|latest|more|all)\s+)?(?:articles?|stories|posts|news)\s+"
    r"(?:written\s+by|by|from))\s*:?\s*(?P<c>[A-Z][\w.-]*"
    r"(?:\s+[A-Z][\w.-]*){0,3})\s*$",
    re.IGNORECASE,
)


# "SEOUL, Nov. 3 (Yonhap) -- Here are the week's main stories ...", "New Delhi, Jun 25 (PTI)
# Following are the top stories at 5 PM:": a digest's lead; the items under it are that
# agency's own copy even where their datelines carry no credit ("WASHINGTON -- ...").
_DIGEST_LEAD = re.compile(
    r"^\W{0,3}(?:here\s+(?:are|is)|(?:the\s+)?following\s+(?:are|is)|below\s+(?:are|is))\s+"
    r"(?:[\w'’-]+\s+){0,8}?"
    r"(?:stories|headlines|news\s+items|news\s+summary|summar(?:y|ies)|briefs|items)\b",
    re.IGNORECASE,
)


def digest_lead(text: str) -> bool:
    """Whether a story's first paragraph announces a digest of the agency's stories."""
    return bool(_DIGEST_LEAD.match(text[:200]))


# AP's own slugs over its state and world digests: "AP-ME--Maine News Digest, ME",
# "BC-AP News Digest 6:10 pm".
_AP_DIGEST = re.compile(
    r"^\s*(?:BC-AP\b|AP-[A-Z]{2}-{1,2}|BC-[A-Z]{2}[-–—]).{0,40}\b(?:digest|budget|summary)\b",
    re.IGNORECASE,
)  # ("BC-OH–Ohio News Digest 1:30 pm": a state desk's digest on a member paper's site)


# "The following is the latest list of selected news summaries by Kyodo News."
_DIGEST_INTRO = re.compile(
    r"^\s*(?:the\s+)?following\s+(?:is|are)\b.{0,80}?\b(?:summar(?:y|ies)|stories|headlines"
    r"|briefs|news)\s+(?:by|from)\s+(?P<c>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}?)\s*[.:]?\s*$",
    re.IGNORECASE,
)


# "Here's a look at how AP's general news coverage is shaping up for select Hawaii stories.":
# the opening line of every AP state digest.
_AP_DIGEST_INTRO = re.compile(
    r"^\s*(?:hello!?\s+|good\s+\w+!?\s+)?(?:here[’']s\s+(?:a\s+look\s+at|a\s+preview\s+of)"
    r"\s+how\s+AP[’']s\b.{0,60}?\bcoverage\b)",
    re.IGNORECASE,
)


# "New Delhi, Oct 16 (PTI) Following are the top stories at 1300 hrs:": a digest under its
# agency's own dateline.
_CREDITED_DIGEST = re.compile(
    r"^.{0,60}?\((?P<c>[A-Z][\w-]{1,12})\)\s*[-–—:]?\s*"
    r"(?:(?:the\s+)?following\s+(?:is|are)|these\s+are)\s+"
    r"the\s+(?:top\s+|main\s+|latest\s+)?(?:stories|headlines)\b",
    re.IGNORECASE,
)


def digest_agency(line: str) -> str | None:
    """The agency whose digest or author page a page title announces, else None."""
    if _AP_DIGEST_INTRO.match(line):
        return "AP"
    credited = _CREDITED_DIGEST.match(line)
    if credited is not None:
        return _lookup(credited.group("c"), strict_case=True)
    if len(line) > 160:
        return None
    intro = _DIGEST_INTRO.match(line)
    if intro is not None:
        return _lookup(intro.group("c"), strict_case=False)
    if len(line) > 80:
        return None
    if _AP_DIGEST.match(line):
        return "AP"
    m = _DIGEST.match(line)
    if m is None:
        return author_page_agency(line)
    name = m.group("c") or m.group("c2") or m.group("c3")
    # ("Xinhua Asia-Pacific news summary": the agency, then its desk)
    return _lookup(name, strict_case=True) or _lookup(name.split()[0], strict_case=True)


def author_page_agency(line: str) -> str | None:
    """The agency an author page's label names ("Author: Reuters"), else None: a label
    over the list, not a byline of its first story."""
    m = _AUTHOR_PAGE.match(line) if len(line) <= 80 else None
    return _lookup(m.group("c"), strict_case=True) if m else None


# "AFP Africa", "Associated Press stories, Page 2437", "AP-National", "Afp Business Asia":
# a site's section of one agency's copy, its label over the list.
_SECTION_PAGE = re.compile(
    r"^\s*(?P<c>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}?)\s*(?:[-–—:|]\s*)?"
    r"(?P<words>(?:(?:top|latest|general|world|national|international|regional|business|economy"
    r"|politics|sports?|video|videos|photos?|news|stories|headlines|wires?|feed|africa|asia"
    r"|europe|americas|latin\s+america|middle\s+east|pacific|uk|us|india|china|science|tech"
    r"|technology|health|entertainment|lifestyle|english|in\s+english)\b[\s,&/]*)+)"
    r"(?:[,|-]?\s*page\s+\d+)?(?:\s*\([A-Z][a-z]+\))?\s*$",  # "AAP General News (Australia)"
    re.IGNORECASE,
)
SECTION_PAGE_CHARS = 60
_CODE_DASH = re.compile(r"^(\s*[A-Z]{2,6})-(?=[A-Z])")  # "AP-National"


def section_agency(line: str) -> str | None:
    """The agency whose section of a site a page's label names ("AFP Africa"), else None:
    the stories listed under it that credit no one are that agency's copy."""
    if len(line) > SECTION_PAGE_CHARS:
        return None
    m = _SECTION_PAGE.match(_CODE_DASH.sub(r"\1 ", line, count=1))
    if m is None:
        return None
    return _lookup(m.group("c"), strict_case=False)


# "From: The Athens News Agency at <http://www.ana.gr/>": the source line of an agency's
# bulletin as an archive mirrors it.
_MIRROR_SOURCE = re.compile(
    r"^\s*From:\s+(?:The\s+)?(?P<c>[^<>:]{2,60}?)(?:\s+Home\s+Page)?\s+at\s+<?https?://",
    re.IGNORECASE,
)


def mirror_source_agency(line: str) -> str | None:
    """The agency whose bulletin a mirror's page reproduces, from its source line."""
    m = _MIRROR_SOURCE.match(line) if line.lstrip()[:5].casefold() == "from:" else None
    return _lookup(m.group("c"), strict_case=False) if m else None


# "AFP", "Xinhua News Agency", "Reuters logo", "By The Canadian Press": a line that is only
# an agency's name, the masthead of its page or its author page.
_MASTHEAD = re.compile(
    r"^\s*(?:by\s+)?\(?\s*(?P<c>[^()|]{2,40}?)\s*\)?(?:\s+logo)?\s*$", re.IGNORECASE
)
MASTHEAD_CHARS = 45


def masthead_agency(line: str) -> str | None:
    """The agency a line names and nothing else ("Xinhua News Agency"), else None."""
    if len(line) > MASTHEAD_CHARS:
        return None
    m = _MASTHEAD.match(line)
    return _lookup(m.group("c"), strict_case=True) if m else None


# "Vucic: Serbia is stable (B92, Tanjug)": a title that names its sources in brackets at its
# end, or the page's title with its source after a pipe ("Oil slips | Reuters"); the
# agencies among them are the story's credits (papers and broadcasters are not).
_TITLE_SOURCES = re.compile(r"\((?P<src>[^()]{2,60})\)\s*$|\s\|\s*(?P<site>[^|]{2,40}?)\s*$")
_SOURCE_SPLIT = re.compile(r"\s*[,/;]\s*")
SOURCE_NAME_WORDS = 3


def title_sources(title: str) -> tuple[str, ...]:
    """The agencies a title's bracketed list of sources names, () when it names none."""
    m = _TITLE_SOURCES.search(title)
    if m is None or m.start() == 0:
        return ()
    if m.group("site") is not None:  # "Oil slips as stocks rise | Reuters": the page's title
        code = _lookup(m.group("site"), strict_case=True)
        return (code,) if code else ()
    pieces = [piece for piece in _SOURCE_SPLIT.split(m.group("src")) if piece]
    if not pieces or any(len(piece.split()) > SOURCE_NAME_WORDS for piece in pieces):
        return ()
    codes = [code for piece in pieces if (code := _lookup(piece, strict_case=True))]
    return tuple(dict.fromkeys(codes))



# "© Agence France-Presse. All rights are reserved.", "Copyright © 2012, Radio New Zealand",
# "Copyright 2019 The Associated Press. All rights reserved.": the owner of the copy.
_COPYRIGHT_WORDS = re.compile(
    r"\bcopyright\b|©|\(c\)|\b(?:19|20)\d\d\b|\ball\s+rights\s+(?:are\s+)?reserved\b"
    r"|\b(?:inc|ltd|llc)\b\.?|^\s*the\s+",
    re.IGNORECASE,
)
MAX_COPYRIGHT_LINE = 120
_COPYRIGHT_MARK = re.compile(r"copyright|©|\(c\)", re.IGNORECASE)
_LEADING_THE = re.compile(r"^\s*the\s+", re.IGNORECASE)


def copyright_agencies(text: str) -> tuple[str, ...]:
    """The agency a short copyright line names as the copy's owner, else ()."""
    if len(text) > MAX_COPYRIGHT_LINE or not _COPYRIGHT_MARK.search(text):
        return ()
    owner = _COPYRIGHT_WORDS.sub(" ", text)
    owner = _LEADING_THE.sub("", " ".join(owner.replace(",", " ").split()))
    owner = owner.strip(" .-–—")
    code = agency_code(owner) if owner else None
    return (code,) if code else ()
