"""Bylines: who wrote a story, and which agency the byline slot credits.

Wires write bylines as "By Maya GEBEILY" (surname in capitals), "BY JOHN SMITH,
Associated Press" or "by Staff Writers". The archive keeps one spelling per person
so that an author's stories can be found together, and keeps the agency a byline
names ("By AFP") as a credit, not as a person.
"""

from __future__ import annotations

import re

from etl.model import Byline
from etl.parse.agencies import agency_code, split_agencies
from etl.parse.places import PARTICLES, case_word

MAX_BYLINE = 120

# "By" in the languages the parser reads: "Por", "Par", "Von", "Door", "Av", "Oleh".
BY_WORD = r"(?:by|por|par|von|door|av|oleh|authors?(?=\s*:)|autor(?=\s*:)|auteur(?=\s*:))"
# Words a byline may open with before its "By": "Text by", "Texto por:", "Written by".
BY_OPENER = r"(?:story|text|texto|texte|words|report|published|written|posted|reported)"
_LEAD = re.compile(
    rf"^\s*(?:{BY_OPENER}\s+)?{BY_WORD}\b"
    r"[\s:]*",
    re.IGNORECASE,
)
_UPPER = r"A-ZÀ-ÖØ-ÞĀ-ſ"
# One token of a person's name: "Maya", "GEBEILY", "O'NEILL", "Jean-Pierre", "J.", "al-KHATIB".
_NAME_TOKEN = re.compile(
    rf"^(?:[{_UPPER}][\w'’.\-]*|(?:al|el|ad|an|ar|as|ash|at|az|ed|en|es|ul|d|l)[-'’][{_UPPER}][\w'’\-]*)$"
)
_NAME_PARTICLES = PARTICLES | {"da", "dos", "ter", "ten", "op", "het", "'t"}
# Particles written in lower case inside a name; "El", "Al" and "Le" stand alone as
# capitalised words in most wires' spelling ("Rouba El Husseini", "Marie Le Roux").
_LOWER_PARTICLES = frozenset(
    {
        "de",
        "del",
        "della",
        "dei",
        "di",
        "da",
        "do",
        "dos",
        "das",
        "du",
        "des",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "bin",
        "bint",
        "ibn",
        "y",
        "la",
        "zu",
    }
)
_ARTICLES = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ed", "en", "ul"})
# Words that make a byline a desk credit rather than a person.
_DESK = frozenset(
    {
        "staff",
        "staffs",
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "our",
        "a",
        "an",
        "the",
        "agencies",
        "agency",
        "wire",
        "wires",
        "services",
        "service",
        "editor",
        "editors",
        "desk",
        "team",
        "news",
        "bureau",
        "report",
        "special",
        "contributor",
        "contributors",
        "foreign",
        "senior",
        "chief",
        "science",
        "political",
        "diplomatic",
        "economics",
        "business",
        "sports",
        "technology",
        "national",
        "international",
        "health",
        "environment",
        "affairs",
        "and",
        "from",
    }
)
# At least one of these (or an agency) makes the desk words a credit: "By A" is not one.
_DESK_NOUNS = frozenset(
    {
        "staff",
        "staffs",
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "agencies",
        "wire",
        "wires",
        "services",
        "editor",
        "editors",
        "desk",
        "team",
        "bureau",
        "contributor",
        "contributors",
    }
)
_NOT_NAMES = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "the",
        "this",
        "that",
        "then",
        "contrast",
        "comparison",
        "now",
        "far",
        "law",
        "default",
        "design",
        "chance",
        "night",
        "day",
        "noon",
        "midnight",
        "car",
        "train",
        # a desk after a name: "By Jo Roe, Washington Bureau"
        "bureau",
        "desk",
        "air",
        "sea",
        "land",
        "rail",
    }
)
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "md"})
_SPLIT_NAMES = re.compile(
    r"\s*(?:,|;|&|\band\b|\bwith\b|\bAND\b|\bWITH\b|\b(?:dan|und|et|og|och|en|y|e)\b"
    r"|\b(?:avec|con|com|mit|met)\b)\s*"  # ("Par Jean Dupont avec AFP": "with" elsewhere)
)
_IN_PLACE = re.compile(r"\s+(?:in|from|at|IN|FROM|AT)\s+[^\s].*$")
_TRAILER = re.compile(r"\s*(?:[|•·]|\s[-–—]{1,2}\s|\s/\s)\s*")


def _name_case(name: str) -> str:
    """Title case the ALL-CAPS parts of a name, keeping parts already in mixed case."""
    out: list[str] = []
    for i, word in enumerate(name.split()):
        parts = re.split(r"([-\u2010-\u2015])", word)
        cased: list[str] = []
        for j, part in enumerate(parts):
            letters = [ch for ch in part if ch.isalpha()]
            if j % 2 == 1 or len(letters) < 2 or not all(ch.isupper() for ch in letters):
                cased.append(part)
                continue
            low = part.lower()
            if i > 0 and j == 0 and len(parts) == 1 and low in _LOWER_PARTICLES:
                cased.append(low)  # "DE LA TOUR" -> "de la Tour"
            elif i > 0 and j == 0 and len(parts) > 1 and low in _ARTICLES:
                cased.append(low)  # "AL-KHATIB" -> "al-Khatib"
            else:
                cased.append(case_word(part, first=True))
        out.append("".join(cased))
    return " ".join(out)


# An agency's service after its name in a byline: "par AFP FR", "By AFP Video".
_AGENCY_SERVICES = frozenset(
    {"fr", "en", "es", "de", "ar", "pt", "video", "vidéo", "tv", "photo", "foto", "audio"}
)


def _is_name(name: str) -> bool:
    tokens = name.split()
    if not 2 <= len(tokens) <= 6:
        return False
    core = [t for t in tokens if t.lower() not in _SUFFIXES]
    capitals = 0
    for i, token in enumerate(core):
        low = token.lower()
        if low in _NOT_NAMES:
            return False
        if i > 0 and low in _NAME_PARTICLES:
            continue
        if not _NAME_TOKEN.match(token) or any(ch.isdigit() for ch in token):
            return False
        capitals += 1
    return capitals >= 2 or (capitals == 1 and len(core) >= 2)


def _is_desk(text: str) -> bool:
    """A desk or an agency with no person: "Staff Writers", "Our Correspondent", "AFP Staff"."""
    words = [w.strip(".,").lower() for w in text.split()]
    if not words or not all(w in _DESK or agency_code(w) for w in words):
        return False
    return any(w in _DESK_NOUNS or agency_code(w) for w in words)


def _segment_agencies(segment: str) -> tuple[str, ...]:
    """Agencies named by a title segment: "Associated Press Writer", "AFP correspondent"."""
    whole = split_agencies(segment)
    if whole:
        words = [w for w in re.split(r"[\s/,]+", segment) if w]
        if all(w.lower() in _DESK or agency_code(w) or split_agencies(w) for w in words):
            return whole
        if agency_code(segment):
            return whole
    found: list[str] = []
    words = segment.split()
    covered: set[int] = set()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            span = set(range(i, i + size))
            code = None if span & covered else agency_code(" ".join(words[i : i + size]))
            if code:
                covered |= span
                if code not in found:
                    found.append(code)
    rest = [
        w for i, w in enumerate(words) if i not in covered and w.lower().strip(".,") not in _DESK
    ]
    return tuple(found) if found and not any(_NAME_TOKEN.match(w) for w in rest) else ()


def _trailing_agency(part: str) -> tuple[str, tuple[str, ...]]:
    """A credit run on without a comma: "MARIA SANCHEZ Associated Press" -> AP. A lone
    word only counts when it is a capitals code ("AFP"), so that surnames which happen to
    be agency names stay names."""
    words = part.split()
    for size in (3, 2, 1):
        if len(words) - size < 2:
            continue
        tail = " ".join(words[-size:])
        code = agency_code(tail)
        if code and (size > 1 or (code.isupper() and tail == code)):
            return " ".join(words[:-size]), (code,)
    # "GRANT HOLLOWAY AP Media Writer": the agency's code, then the reporter's beat and role.
    for at in range(2, len(words) - 1):
        code = agency_code(words[at])
        role = words[at + 1 :]
        if (
            code
            and code.isupper()
            and words[at] == code
            and len(role) <= 3
            and all(w[:1].isupper() for w in role)
            and role[-1].lower().strip(".,") in _DESK_NOUNS
        ):
            return " ".join(words[:at]), (code,)
    return part, ()


def _drop_full_stop(text: str) -> str:
    """A sentence's closing stop, but not the stop of "Jr." or of an initial."""
    if text.endswith(".") and not re.search(r"(?:\b(?:Jr|Sr|JR|SR)|\b[A-Z])\.$", text):
        return text[:-1].rstrip()
    return text


# A title before the name is no part of it: "Dr. Jane Doe" is the author "Jane Doe".
_HONORIFIC = re.compile(
    r"^(?:Dr|Prof|Mr|Mrs|Ms|Mx|Sir|Dame|Rev|Fr|Capt|Col|Gen|Lt|Sgt|Maj|Sen|Rep|Gov)\.?\s+"
    r"(?=\S+\s+\S)"
)


_SLASH_CREDIT = re.compile(r"(.+?)\s*/\s*([^/]{1,40})$")
# "By Xinhua writers Jane Doe, John Roe": the agency's desk words first, then the people.
_DESK_FIRST = re.compile(
    r"^(?P<credit>[\w.&' -]{2,40}?)\s+(?:staff\s+)?(?:writers?|correspondents?|reporters?)\s+"
    r"(?=[A-Z])"
)
_TITLE_FIRST = re.compile(
    r"^(?:(?:staff|senior|chief|special|foreign|political|business)\s+)+"
    r"(?:writers?|reporters?|correspondents?)\s+(?=[A-Z][\w'’.-]*\s+[A-Z])",
    re.IGNORECASE,
)
# The AP's digests sign with the reporter's beat first: "By AP Economics Writer Jane Doe",
# "By Congressional Correspondent John Roe" (a code, one to three words, the role).
_BEAT_FIRST = re.compile(
    r"^(?:(?P<code>[A-Z]{2,6})\s+)?(?:[A-Z][a-z]+\s+){1,3}"
    r"(?:Writer|Correspondent|Reporter|Editor)\s+(?=[A-Z][\w'’.-]*\s+[A-Z])"
)
# An outlet's desk after the names: "By Jane Doe, CNN Business", "Ann Lee, BBC News".
_OUTLET_TAIL = frozenset(
    {"business", "news", "politics", "sport", "sports", "travel", "style", "money", "health",
     "world", "digital", "online", "tv", "radio", "times", "post", "herald", "journal"}
)  # fmt: skip
# A time stamp after a pipe in the byline line: "By Jane Doe | Xinhua | Updated: ...".
_STAMP_PIECE = re.compile(
    r"^(?:(?:last\s+)?(?:updated|published|posted)\b|.*\d{1,2}[:/.-]\d)", re.IGNORECASE
)
_FOR_CREDIT = re.compile(r"(.+?)\s+[Ff]or\s+(?:the\s+)?([^,;]{2,40})$")
# "By Jane Doe For Dailymail.com", "... for MailOnline": the outlet, neither name nor agency.
_FOR_OUTLET = re.compile(
    r"[\w-]+\.(?:com|co\.uk|net|org)|\w*online|(?:[A-Z][\w'’-]*\s+)*(?:News|Times|Post|Mail)",
    re.IGNORECASE,
)


def parse_byline(line: str) -> Byline | None:
    """The byline on this line, or None when the line is not one.

    A byline is a short line opening with "By" followed by names, a desk credit
    ("Staff Writers") or an agency; "by the river" is prose and gives None.
    """
    if not isinstance(line, str):
        return None
    raw = line.strip()
    if not raw or len(raw) > MAX_BYLINE:
        return None
    lead = _LEAD.match(raw)
    if lead is None:
        return None
    body = _drop_full_stop(raw[lead.end() :].strip())
    if not body or body[:1].islower() and not re.match(r"(?:al|el|de|van|von|d)[-'’ ]", body):
        return None
    agencies: list[str] = []
    body = _TITLE_FIRST.sub("", body)  # "By Staff Writer Jane Doe"
    beat = _BEAT_FIRST.match(body)
    if beat is not None:  # "By AP Economics Writer Jane Doe": the wire's beat, then the name
        credit = agency_code(beat["code"]) if beat["code"] else None
        if beat["code"] is None or credit:
            agencies.extend([credit] if credit else [])
            body = body[beat.end() :]
    desk = _DESK_FIRST.match(body)
    if desk and (codes := split_agencies(desk.group("credit"))):
        agencies.extend(codes)
        body = body[desk.end() :]
    # Trailing credits after a pipe or a spaced dash: "By X | Reuters", "By X - AFP".
    pieces = _TRAILER.split(body)
    body = pieces[0]
    for piece in pieces[1:]:
        if _STAMP_PIECE.match(piece) and (agencies or len(pieces) > 2):
            break  # "... | Xinhua | Updated: 2019-10-03 10:20": the stamp ends the credits
        codes = _segment_agencies(piece)
        if not codes and not _is_desk(piece):
            return None
        agencies.extend(c for c in codes if c not in agencies)
    # A credit after a slash ("By Maya GEBEILY/AFP") or after "for" ("By Jane Doe for
    # Xinhua": a correspondent writing for it).
    for pattern, codes_of in ((_SLASH_CREDIT, _segment_agencies), (_FOR_CREDIT, split_agencies)):
        credit = pattern.match(body)
        codes = codes_of(credit.group(2)) if credit else ()
        if credit and codes:
            agencies.extend(c for c in codes if c not in agencies)
            body = credit.group(1)
        elif credit and pattern is _FOR_CREDIT and _FOR_OUTLET.fullmatch(credit.group(2).strip()):
            body = credit.group(1)
    # Parenthesised credit: "By John Smith (AFP)".
    paren = re.search(r"\s*\(([^()]{1,60})\)\s*$", body)
    if paren:
        codes = split_agencies(paren.group(1))
        if not codes:
            return None
        agencies.extend(c for c in codes if c not in agencies)
        body = body[: paren.start()]
    if _is_desk(body):  # "By AFP", "by Staff Writers", "By AFP Staff"
        agencies.extend(c for c in _segment_agencies(body) if c not in agencies)
        return Byline(raw=raw, authors=(), agencies=tuple(agencies))
    authors: list[str] = []
    for part in _SPLIT_NAMES.split(body):
        part = _drop_full_stop(_IN_PLACE.sub("", part.strip()).strip())
        if not part:
            continue
        code = agency_code(part)
        if code:
            if code not in agencies:
                agencies.append(code)
            continue
        if _is_desk(part):
            agencies.extend(c for c in _segment_agencies(part) if c not in agencies)
            continue
        part, trailing = _trailing_agency(part)
        agencies.extend(c for c in trailing if c not in agencies)
        first, *others = part.split() or [""]
        if (
            first.isupper()
            and len(others) == 1
            and others[0].lower() in _AGENCY_SERVICES
            and (code := agency_code(first)) is not None
        ):
            # "par AFP FR", "By AFP Video": the agency and its service, no person
            if code not in agencies:
                agencies.append(code)
            continue
        title_codes = _segment_agencies(part) if authors else ()
        if title_codes:  # "Associated Press Writer" after the names
            agencies.extend(c for c in title_codes if c not in agencies)
            continue
        if not authors and not _is_name(part):
            return None
        if authors and part.split()[-1].lower() in _OUTLET_TAIL:
            continue  # "CNN Business", "BBC News": the outlet, not a person
        if not _is_name(part):
            codes = _segment_agencies(part)
            if codes:  # "Associated Press Writer" after a comma
                agencies.extend(c for c in codes if c not in agencies)
                continue
            if authors:
                continue  # a title such as "Senior Editor" after the names
            return None
        name = _name_case(_HONORIFIC.sub("", part))
        if name not in authors:
            authors.append(name)
    if not authors and not agencies:
        return None
    return Byline(raw=raw, authors=tuple(authors), agencies=tuple(agencies))


# A sentence's first word after a byline run into the text ("By Jane Doe The minister ...").
_OPENERS = frozenset(
    (
        "the", "a", "an", "in", "on", "at", "as", "after", "amid", "following", "this", "it",
        "some", "two", "three", "more", "over", "when", "while", "with", "for", "despite",
    )
)


def glued_byline(text: str) -> tuple[Byline, str] | None:
    """(byline, text) for a paragraph that opens with a byline and runs straight into the
    story ("By Jane Doe The minister said ..."): two or three capitalised name words, then a
    capitalised word that opens a sentence, then prose."""
    if len(text) < 60 or text[:3].lower() != "by ":
        return None
    words = text.split()
    for size in (2, 3):
        if len(words) <= size + 4:
            return None
        names, opener = words[1 : 1 + size], words[1 + size]
        if not all(w[:1].isupper() and w.isalpha() for w in names):
            return None
        if not opener[:1].isupper():
            continue
        # The sentence begins: a function word, or a name and then a lower-case word.
        if opener.lower() not in _OPENERS and not words[2 + size][:1].islower():
            continue
        byline = parse_byline("By " + " ".join(names))
        if byline is None or len(byline.authors) != 1 or byline.agencies:
            continue
        cut = text.index(opener, len("By " + " ".join(names)))
        return Byline(raw=text[:cut].strip(), authors=byline.authors), text[cut:]
    return None
