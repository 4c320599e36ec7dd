"""News-agency registry: one short code per agency, whatever spelling a page uses.

Stories credit agencies in many spellings ("Agence France-Presse", "AFP", "/TASS/",
"XNA"); the archive stores one code per agency so that credits can be counted and
joined. Only this module knows the spellings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

_REGISTRY: dict[str, str] = {
    "AFP": "Agence France-Presse",
    "AP": "Associated Press",
    "Reuters": "Reuters",
    "UPI": "United Press International",
    "Xinhua": "Xinhua News Agency",
    "TASS": "TASS Russian News Agency",
    "dpa": "Deutsche Presse-Agentur",
    "Kyodo": "Kyodo News",
    "Yonhap": "Yonhap News Agency",
    "PTI": "Press Trust of India",
    "IANS": "Indo-Asian News Service",
    "ANSA": "Agenzia Nazionale Stampa Associata",
    "EFE": "Agencia EFE",
    "APP": "Associated Press of Pakistan",
    "SPX": "Space Media Network",
    "AAP": "Australian Associated Press",
    "ANI": "Asian News International",
    "Bernama": "Malaysian National News Agency",
    "IRNA": "Islamic Republic News Agency",
    "KCNA": "Korean Central News Agency",
    "RIA": "RIA Novosti",
    "Interfax": "Interfax",
    "Sputnik": "Sputnik",
    "Anadolu": "Anadolu Agency",
    "MENA": "Middle East News Agency",
    "WAM": "Emirates News Agency",
    "SPA": "Saudi Press Agency",
    "KUNA": "Kuwait News Agency",
    "QNA": "Qatar News Agency",
    "PAP": "Polish Press Agency",
    "CTK": "Czech News Agency",
    "BTA": "Bulgarian News Agency",
    "Jiji": "Jiji Press",
    "CNA": "Central News Agency",
    "Antara": "Antara News Agency",
    "PNA": "Philippine News Agency",
    "Lusa": "Lusa News Agency",
    "Belga": "Belga News Agency",
    "APA": "Austria Presse Agentur",
    "Agerpres": "Agerpres",
    "Europa Press": "Europa Press",
    "NTB": "Norsk Telegrambyra",
    "TT": "TT Nyhetsbyran",
    "Ritzau": "Ritzaus Bureau",
    "STT": "Finnish News Agency STT",
    "Hina": "Croatian News Agency",
    "Tanjug": "Tanjug",
    "Ukrinform": "Ukrinform",
    "Trend": "Trend News Agency",
    "ANP": "Algemeen Nederlands Persbureau",
    "SANA": "Syrian Arab News Agency",
    "MAP": "Maghreb Arab Press",
    "APS": "Algerie Presse Service",
    "TAP": "Tunis Afrique Presse",
    "Petra": "Jordan News Agency",
    "NNA": "National News Agency",
    "IRIB": "Islamic Republic of Iran Broadcasting",
    "ISNA": "Iranian Students' News Agency",
    "Fars": "Fars News Agency",
    "Tasnim": "Tasnim News Agency",
    "Prensa Latina": "Prensa Latina",
    "Notimex": "Notimex",
    "Ansamed": "ANSAmed",
    "AA": "Anadolu Agency",
    "NAN": "News Agency of Nigeria",
    "KNA": "Kenya News Agency",
    "ENA": "Ethiopian News Agency",
    "SAPA": "South African Press Association",
    "Mehr": "Mehr News Agency",
    "UNB": "United News of Bangladesh",
    "BSS": "Bangladesh Sangbad Sangstha",
    "RSS": "Rastriya Samachar Samiti",
    "VNA": "Vietnam News Agency",
    "KPL": "Lao News Agency",
    "AKP": "Agence Kampuchea Presse",
    "MTI": "Hungarian News Agency",
    "LETA": "LETA",
    "ELTA": "Lithuanian News Agency",
    "BNS": "Baltic News Service",
    "Kazinform": "Kazinform",
    "CP": "The Canadian Press",
    "PA": "PA Media",
    "NZPA": "New Zealand Press Association",
}

AGENCIES: Mapping[str, str] = MappingProxyType(_REGISTRY)
"""Code -> full name. Codes keep their house case ("dpa", "Reuters")."""

# Spellings that are not a code's own text. Keys are matched case-insensitively.
_ALIASES: dict[str, str] = {
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "agence france press": "AFP",
    "france-presse": "AFP",
    "france presse": "AFP",
    "associated press": "AP",
    "the associated press": "AP",
    "xinhua news agency": "Xinhua",
    "xinhua news": "Xinhua",
    "xna": "Xinhua",
    "xinhuanet": "Xinhua",
    "itar-tass": "TASS",
    "itar tass": "TASS",
    "tass news agency": "TASS",
    "deutsche presse-agentur": "dpa",
    "deutsche presse agentur": "dpa",
    "press trust of india": "PTI",
    "united press international": "UPI",
    "kyodo news": "Kyodo",
    "yonhap news agency": "Yonhap",
    "yonhap news": "Yonhap",
    "jiji press": "Jiji",
    "ria novosti": "RIA",
    "ria-novosti": "RIA",
    "interfax-ukraine": "Interfax",
    "anadolu agency": "Anadolu",
    "anadolu ajansi": "Anadolu",
    "space media network": "SPX",
    "spacedaily": "SPX",
    "agencia efe": "EFE",
    "australian associated press": "AAP",
    "asian news international": "ANI",
    "indo-asian news service": "IANS",
    "associated press of pakistan": "APP",
    "islamic republic news agency": "IRNA",
    "korean central news agency": "KCNA",
    "middle east news agency": "MENA",
    "emirates news agency": "WAM",
    "saudi press agency": "SPA",
    "kuwait news agency": "KUNA",
    "qatar news agency": "QNA",
    "polish press agency": "PAP",
    "czech news agency": "CTK",
    "čtk": "CTK",
    "bulgarian news agency": "BTA",
    "central news agency": "CNA",
    "antara news agency": "Antara",
    "philippine news agency": "PNA",
    "austria presse agentur": "APA",
    "syrian arab news agency": "SANA",
    "maghreb arab press": "MAP",
    "ukrinform": "Ukrinform",
    "sputnik news": "Sputnik",
    "reuters news agency": "Reuters",
    "thomson reuters": "Reuters",
    "ansamed": "Ansamed",
    "canadian press": "CP",
    "the canadian press": "CP",
    "press association": "PA",
    "pa media": "PA",
}

# Codes that are also everyday words or short capitals: only credited when written
# in their house case (so "trend" or "map" in prose is never an agency).
_CASE_STRICT = frozenset(
    {"Trend", "MAP", "Petra", "Mehr", "Fars", "AA", "TT", "SPA", "NAN", "PA", "CP", "Lusa"}
)

AGENCY_SPELLINGS: tuple[str, ...] = tuple(sorted({*_REGISTRY, *_ALIASES}, key=len, reverse=True))
"""Every code and alias, longest first: what a dateline pattern may accept as an agency."""

_INDEX: dict[str, str] = {code.casefold(): code for code in _REGISTRY}
_INDEX.update({alias.casefold(): code for alias, code in _ALIASES.items()})

_EDGE = " \t\r\n.,;:()[]{}|/\\\"'`«»“”‘’*"


def _lookup(token: str, *, strict_case: bool) -> str | None:
    key = token.strip(_EDGE).strip()
    key = re.sub(r"\s+", " ", key)
    if not key:
        return None
    code = _INDEX.get(key.casefold())
    if code is None:
        return None
    same_word = key.casefold() == code.casefold()
    # "Trend" must look like a name, never like the word "trend"; and in running text
    # a bare code only counts in its house case or in capitals.
    if (code in _CASE_STRICT or strict_case) and same_word and key not in (code, code.upper()):
        return None
    return code


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
            i += 1
    return found


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
        rf"(?:^|[\s.!?\"'”’)])(?:-{{1,3}}|[–—]{{1,2}}|={{2}})\s*(?P<c>{_CREDIT})\s*\.?\s*$"
    ),
    # "... (dpa)", "(AFP/APP)", "[AFP]"
    re.compile(rf"[(\[]\s*(?P<c>{_CREDIT})\s*[)\]]\s*\.?\s*$"),
    # "... said./AFP", "... said. /TASS/"
    re.compile(rf"(?:^|[\s.!?\"'”’])/\s*(?P<c>{_CREDIT})\s*/?\s*\.?\s*$"),
    # a paragraph that is only the credit: "AFP", "dpa/Xinhua"
    re.compile(rf"^\s*(?P<c>{_CREDIT})\s*\.?\s*$"),
    # a bare credit after the last sentence: "... ended on Friday. AFP"
    re.compile(rf"[.!?\"'”’]\s+(?P<c>{_CREDIT})\s*$"),
)
# Words that introduce an agency credit rather than name a person or an agency.
_CREDIT_LEAD = re.compile(
    r"^(?:with\s+|(?:additional\s+)?(?:reporting|information|material|input)"
    r"\s+(?:by|from)\s+)",
    re.IGNORECASE,
)


def signoff_body(paragraph: str) -> str | None:
    """The paragraph without its trailing agency credit, or None when it has none; tells a
    signed-off sentence ("... problems. PTI") from a title that ends in an agency name."""
    text = paragraph.rstrip()
    tail = text[-200:]
    offset = len(text) - len(tail)
    for pattern in _SIGNOFF_PATTERNS:
        m = pattern.search(tail)
        if m is not None and _credit_codes(m.group("c")):
            return text[: offset + m.start("c")].rstrip(" \t-–—=([/")
    return None


def _credit_codes(found: str) -> tuple[str, ...]:
    credit = _CREDIT_LEAD.sub("", found.strip())
    pieces = [p for p in _LIST_SPLIT.split(credit) if p.strip(_EDGE)]
    codes = _split(credit, strict_case=True)
    # Every piece must be an agency: "(Reporting by X; Editing by Y)" is not a credit.
    if codes and all(_split(p, strict_case=True) for p in pieces):
        return codes
    return ()


def signoff_agencies(paragraph: str) -> tuple[str, ...]:
    """Agencies credited by a sign-off at the very end of a paragraph; () when none.

    Only a trailing credit set apart by a dash, brackets or a slash counts: an agency
    named in a sentence ("told AFP") is a source of a quote, not a credit.
    """
    tail = paragraph.rstrip()[-200:]
    if not tail:
        return ()
    for pattern in _SIGNOFF_PATTERNS:
        m = pattern.search(tail)
        if m is None:
            continue
        codes = _credit_codes(m.group("c"))
        if codes:
            return codes
    return ()
