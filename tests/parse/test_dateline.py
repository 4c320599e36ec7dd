"""Dateline recognition and normalisation: shapes, dates, places, agencies, spans."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.parse.dateline import DatelineMatch, match_dateline

D = dt.date(2017, 11, 11)


@dataclass(frozen=True)
class Case:
    line: str
    raw: str
    place: str | None
    region: str | None
    country: str | None
    agencies: tuple[str, ...]
    date: dt.date | None
    source: str | None
    rest: str
    dump: dt.date | None = D
    anywhere: bool = False


def day(y: int, m: int, d: int) -> dt.date:
    return dt.date(y, m, d)


CASES = [
    # --- the AFP web shape: place (agency) date
    Case(
        "Beirut (AFP) Nov 11, 2017",
        "Beirut (AFP) Nov 11, 2017",
        "Beirut",
        None,
        "LB",
        ("AFP",),
        day(2017, 11, 11),
        "dateline",
        "",
    ),
    Case(
        "Tehran (AFP) Nov 8, 2017",
        "Tehran (AFP) Nov 8, 2017",
        "Tehran",
        None,
        "IR",
        ("AFP",),
        day(2017, 11, 8),
        "dateline",
        "",
    ),
    Case(
        "UNITED NATIONS (AFP) Nov 11, 2017",
        "UNITED NATIONS (AFP) Nov 11, 2017",
        "United Nations",
        None,
        None,
        ("AFP",),
        day(2017, 11, 11),
        "dateline",
        "",
    ),
    Case(
        "Dubai (AFP) Nov 10, 2017 - Gulf markets slipped.",
        "Dubai (AFP) Nov 10, 2017",
        "Dubai",
        None,
        "AE",
        ("AFP",),
        day(2017, 11, 10),
        "dateline",
        "Gulf markets slipped.",
    ),
    Case(
        "Beirut (AFP) Nov 11, 2017 The army said it held the bridge.",
        "Beirut (AFP) Nov 11, 2017",
        "Beirut",
        None,
        "LB",
        ("AFP",),
        day(2017, 11, 11),
        "dateline",
        "The army said it held the bridge.",
    ),
    Case(
        "Beirut (afp) Nov 11, 2017",
        "Beirut (afp) Nov 11, 2017",
        "Beirut",
        None,
        "LB",
        ("AFP",),
        day(2017, 11, 11),
        "dateline",
        "",
    ),
    Case(
        "Geneva (AFP) 11 November 2017",
        "Geneva (AFP) 11 November 2017",
        "Geneva",
        None,
        "CH",
        ("AFP",),
        day(2017, 11, 11),
        "dateline",
        "",
    ),
    Case(
        "Paris (SPX) Nov 09, 2017",
        "Paris (SPX) Nov 09, 2017",
        "Paris",
        None,
        "FR",
        ("SPX",),
        day(2017, 11, 9),
        "dateline",
        "",
    ),
    Case(
        "Moscow (XNA) Nov 11, 2017",
        "Moscow (XNA) Nov 11, 2017",
        "Moscow",
        None,
        "RU",
        ("Xinhua",),
        day(2017, 11, 11),
        "dateline",
        "",
    ),
    Case(
        "Cape Canaveral FL (SPX) Nov 11, 2017",
        "Cape Canaveral FL (SPX) Nov 11, 2017",
        "Cape Canaveral",
        "Florida",
        "US",
        ("SPX",),
        day(2017, 11, 11),
        "dateline",
        "",
    ),
    Case(
        "Washington DC (SPX) Nov 10, 2017",
        "Washington DC (SPX) Nov 10, 2017",
        "Washington",
        "District of Columbia",
        "US",
        ("SPX",),
        day(2017, 11, 10),
        "dateline",
        "",
    ),
    Case(
        "Beirut [AFP] Nov 11, 2017",
        "Beirut [AFP] Nov 11, 2017",
        "Beirut",
        None,
        "LB",
        ("AFP",),
        day(2017, 11, 11),
        "dateline",
        "",
    ),
    Case(
        "Nairobi (AFP) Saturday",
        "Nairobi (AFP) Saturday",
        "Nairobi",
        None,
        "KE",
        ("AFP",),
        D,
        "dump_date",
        "",
    ),
    # --- the classic wire shape: PLACE, date (agency) -
    Case(
        "BEIRUT, Nov 11, 2017 (AFP) - Shelling resumed overnight.",
        "BEIRUT, Nov 11, 2017 (AFP)",
        "Beirut",
        None,
        "LB",
        ("AFP",),
        day(2017, 11, 11),
        "dateline",
        "Shelling resumed overnight.",
    ),
    Case(
        "WASHINGTON, Nov 11 (Reuters) - Senators returned to the Capitol.",
        "WASHINGTON, Nov 11 (Reuters)",
        "Washington",
        None,
        "US",
        ("Reuters",),
        day(2017, 11, 11),
        "inferred_year",
        "Senators returned to the Capitol.",
    ),
    Case(
        "BEIJING, Nov. 11 (Xinhua) -- Exports rose in October.",
        "BEIJING, Nov. 11 (Xinhua)",
        "Beijing",
        None,
        "CN",
        ("Xinhua",),
        day(2017, 11, 11),
        "inferred_year",
        "Exports rose in October.",
    ),
    Case(
        "MOSCOW, March 5. /TASS/. The Kremlin declined to comment.",
        "MOSCOW, March 5. /TASS/",
        "Moscow",
        None,
        "RU",
        ("TASS",),
        day(2018, 3, 5),
        "inferred_year",
        "The Kremlin declined to comment.",
        dt.date(2018, 3, 6),
    ),
    Case(
        "Kubinka, Russia, Aug 16 (AFP/APP): The show opened with a flypast.",
        "Kubinka, Russia, Aug 16 (AFP/APP)",
        "Kubinka",
        None,
        "RU",
        ("AFP", "APP"),
        day(2017, 8, 16),
        "inferred_year",
        "The show opened with a flypast.",
        dt.date(2017, 8, 17),
    ),
    Case(
        "New Delhi, Nov 11 (PTI) The cabinet met on Saturday.",
        "New Delhi, Nov 11 (PTI)",
        "New Delhi",
        None,
        "IN",
        ("PTI",),
        day(2017, 11, 11),
        "inferred_year",
        "The cabinet met on Saturday.",
    ),
    Case(
        "SEOUL, Nov. 11 (Yonhap) -- Talks resumed.",
        "SEOUL, Nov. 11 (Yonhap)",
        "Seoul",
        None,
        "KR",
        ("Yonhap",),
        day(2017, 11, 11),
        "inferred_year",
        "Talks resumed.",
    ),
    Case(
        "LONDON, 11 November 2017 (Reuters) - Shares fell.",
        "LONDON, 11 November 2017 (Reuters)",
        "London",
        None,
        "GB",
        ("Reuters",),
        day(2017, 11, 11),
        "dateline",
        "Shares fell.",
    ),
    Case(
        "LONDON, 11 Nov 2017 (Reuters) - Shares fell.",
        "LONDON, 11 Nov 2017 (Reuters)",
        "London",
        None,
        "GB",
        ("Reuters",),
        day(2017, 11, 11),
        "dateline",
        "Shares fell.",
    ),
    Case(
        "BRUSSELS, November 10, 2017 (AFP) - Ministers met.",
        "BRUSSELS, November 10, 2017 (AFP)",
        "Brussels",
        None,
        "BE",
        ("AFP",),
        day(2017, 11, 10),
        "dateline",
        "Ministers met.",
    ),
    Case(
        "ATHENS, Sept. 4 (AP) — Ferries were halted.",
        "ATHENS, Sept. 4 (AP)",
        "Athens",
        None,
        "GR",
        ("AP",),
        day(2017, 9, 4),
        "inferred_year",
        "Ferries were halted.",
        dt.date(2017, 9, 5),
    ),
    Case(
        "ROME, Sep 4 (ANSA) - Rain fell.",
        "ROME, Sep 4 (ANSA)",
        "Rome",
        None,
        "IT",
        ("ANSA",),
        day(2017, 9, 4),
        "inferred_year",
        "Rain fell.",
        dt.date(2017, 9, 5),
    ),
    Case(
        "NAIROBI, Saturday, Nov 11, 2017 (AFP) - Polls opened.",
        "NAIROBI, Saturday, Nov 11, 2017 (AFP)",
        "Nairobi",
        None,
        "KE",
        ("AFP",),
        day(2017, 11, 11),
        "dateline",
        "Polls opened.",
    ),
    Case(
        "WASHINGTON, Tuesday (AFP) - Lawmakers met.",
        "WASHINGTON, Tuesday (AFP)",
        "Washington",
        None,
        "US",
        ("AFP",),
        D,
        "dump_date",
        "Lawmakers met.",
    ),
    Case(
        "DUBAI, Nov 11th (WAM) -- A forum opened.",
        "DUBAI, Nov 11th (WAM)",
        "Dubai",
        None,
        "AE",
        ("WAM",),
        day(2017, 11, 11),
        "inferred_year",
        "A forum opened.",
    ),
    Case(
        "Riyadh, 2017-11-10 (SPA) - The council met.",
        "Riyadh, 2017-11-10 (SPA)",
        "Riyadh",
        None,
        "SA",
        ("SPA",),
        day(2017, 11, 10),
        "dateline",
        "The council met.",
    ),
    Case(
        "BAGHDAD, Nov 11 (AFP) — Troops advanced.",
        "BAGHDAD, Nov 11 (AFP)",
        "Baghdad",
        None,
        "IQ",
        ("AFP",),
        day(2017, 11, 11),
        "inferred_year",
        "Troops advanced.",
    ),
    Case(
        "ANKARA, Nov 11 (AFP) – Turkey summoned an envoy.",
        "ANKARA, Nov 11 (AFP)",
        "Ankara",
        None,
        "TR",
        ("AFP",),
        day(2017, 11, 11),
        "inferred_year",
        "Turkey summoned an envoy.",
    ),
    Case(
        "TOKYO, Nov 11 (AFP-JIJI) - The yen rose.",
        "TOKYO, Nov 11 (AFP-JIJI)",
        "Tokyo",
        None,
        "JP",
        ("AFP", "Jiji"),
        day(2017, 11, 11),
        "inferred_year",
        "The yen rose.",
    ),
    Case(
        "TOKYO, Nov 11 (Kyodo) -- The Diet convened.",
        "TOKYO, Nov 11 (Kyodo)",
        "Tokyo",
        None,
        "JP",
        ("Kyodo",),
        day(2017, 11, 11),
        "inferred_year",
        "The Diet convened.",
    ),
    Case(
        "Karachi, Nov 11 (APP): Prices rose.",
        "Karachi, Nov 11 (APP)",
        "Karachi",
        None,
        "PK",
        ("APP",),
        day(2017, 11, 11),
        "inferred_year",
        "Prices rose.",
    ),
    Case(
        "SYDNEY, Nov 11 (AAP) - Rain is forecast.",
        "SYDNEY, Nov 11 (AAP)",
        "Sydney",
        None,
        "AU",
        ("AAP",),
        day(2017, 11, 11),
        "inferred_year",
        "Rain is forecast.",
    ),
    Case(
        "Manila, Nov 11 (PNA) -- Schools reopened.",
        "Manila, Nov 11 (PNA)",
        "Manila",
        None,
        "PH",
        ("PNA",),
        day(2017, 11, 11),
        "inferred_year",
        "Schools reopened.",
    ),
    Case(
        "Jakarta, Nov 11 (Antara) - A ferry sank.",
        "Jakarta, Nov 11 (Antara)",
        "Jakarta",
        None,
        "ID",
        ("Antara",),
        day(2017, 11, 11),
        "inferred_year",
        "A ferry sank.",
    ),
    Case(
        "Kuala Lumpur, Nov 11 (Bernama) -- Rates held.",
        "Kuala Lumpur, Nov 11 (Bernama)",
        "Kuala Lumpur",
        None,
        "MY",
        ("Bernama",),
        day(2017, 11, 11),
        "inferred_year",
        "Rates held.",
    ),
    Case(
        "TEHRAN, Nov 11 (IRNA) - A delegation arrived.",
        "TEHRAN, Nov 11 (IRNA)",
        "Tehran",
        None,
        "IR",
        ("IRNA",),
        day(2017, 11, 11),
        "inferred_year",
        "A delegation arrived.",
    ),
    Case(
        "PYONGYANG, Nov 11 (KCNA) -- A parade was held.",
        "PYONGYANG, Nov 11 (KCNA)",
        "Pyongyang",
        None,
        "KP",
        ("KCNA",),
        day(2017, 11, 11),
        "inferred_year",
        "A parade was held.",
    ),
    Case(
        "HONG KONG, Nov 11 (Reuters) - Stocks edged up.",
        "HONG KONG, Nov 11 (Reuters)",
        "Hong Kong",
        None,
        "HK",
        ("Reuters",),
        day(2017, 11, 11),
        "inferred_year",
        "Stocks edged up.",
    ),
    Case(
        "NEW YORK, Nov 10 (Reuters) - Oil slipped.",
        "NEW YORK, Nov 10 (Reuters)",
        "New York",
        None,
        "US",
        ("Reuters",),
        day(2017, 11, 10),
        "inferred_year",
        "Oil slipped.",
    ),
    Case(
        "Brasilia, Nov 10 (AFP) - Congress voted.",
        "Brasilia, Nov 10 (AFP)",
        "Brasilia",
        None,
        "BR",
        ("AFP",),
        day(2017, 11, 10),
        "inferred_year",
        "Congress voted.",
    ),
    Case(
        "DAR ES SALAAM, Nov 11 (Xinhua) -- Trade grew.",
        "DAR ES SALAAM, Nov 11 (Xinhua)",
        "Dar es Salaam",
        None,
        "TZ",
        ("Xinhua",),
        day(2017, 11, 11),
        "inferred_year",
        "Trade grew.",
    ),
    Case(
        "GENEVA, Switzerland, Nov 11 (Xinhua) -- Talks ended.",
        "GENEVA, Switzerland, Nov 11 (Xinhua)",
        "Geneva",
        None,
        "CH",
        ("Xinhua",),
        day(2017, 11, 11),
        "inferred_year",
        "Talks ended.",
    ),
    Case(
        "Sao Paulo, Brazil, Nov 10 (Reuters) - Shares rose.",
        "Sao Paulo, Brazil, Nov 10 (Reuters)",
        "Sao Paulo",
        None,
        "BR",
        ("Reuters",),
        day(2017, 11, 10),
        "inferred_year",
        "Shares rose.",
    ),
    Case(
        "BEIRUT, Lebanon, Nov. 11, 2017 (AP) — Banks closed.",
        "BEIRUT, Lebanon, Nov. 11, 2017 (AP)",
        "Beirut",
        None,
        "LB",
        ("AP",),
        day(2017, 11, 11),
        "dateline",
        "Banks closed.",
    ),
    # --- place (agency) separator, no date
    Case(
        "CAPE CANAVERAL, Fla. (AP) - A cargo rocket lifted off.",
        "CAPE CANAVERAL, Fla. (AP)",
        "Cape Canaveral",
        "Florida",
        "US",
        ("AP",),
        D,
        "dump_date",
        "A cargo rocket lifted off.",
    ),
    Case("Paris (AFP) - ", "Paris (AFP)", "Paris", None, "FR", ("AFP",), D, "dump_date", ""),
    Case(
        "Paris (AFP) - Museums reopened.",
        "Paris (AFP)",
        "Paris",
        None,
        "FR",
        ("AFP",),
        D,
        "dump_date",
        "Museums reopened.",
    ),
    Case("Paris (AFP)", "Paris (AFP)", "Paris", None, "FR", ("AFP",), D, "dump_date", ""),
    Case(
        "Paris (AFP) Museums reopened.",
        "Paris (AFP)",
        "Paris",
        None,
        "FR",
        ("AFP",),
        D,
        "dump_date",
        "Museums reopened.",
    ),
    Case(
        "Kiev, Ukraine (AFP) - Grain exports rose.",
        "Kiev, Ukraine (AFP)",
        "Kiev",
        None,
        "UA",
        ("AFP",),
        D,
        "dump_date",
        "Grain exports rose.",
    ),
    Case(
        "SPRINGFIELD, Ill. (AP) — The governor signed it.",
        "SPRINGFIELD, Ill. (AP)",
        "Springfield",
        "Illinois",
        "US",
        ("AP",),
        D,
        "dump_date",
        "The governor signed it.",
    ),
    Case(
        "TORONTO, Ont. (CP) - Snow fell.",
        "TORONTO, Ont. (CP)",
        "Toronto",
        "Ontario",
        "CA",
        ("CP",),
        D,
        "dump_date",
        "Snow fell.",
    ),
    Case(
        "Sydney, NSW (AAP) - Beaches closed.",
        "Sydney, NSW (AAP)",
        "Sydney",
        "New South Wales",
        "AU",
        ("AAP",),
        D,
        "dump_date",
        "Beaches closed.",
    ),
    Case(
        "Perth, WA (AAP) - Beaches closed.",
        "Perth, WA (AAP)",
        "Perth",
        "Western Australia",
        "AU",
        ("AAP",),
        D,
        "dump_date",
        "Beaches closed.",
    ),
    Case(
        "PORT-AU-PRINCE, Haiti (AP) — Aid arrived.",
        "PORT-AU-PRINCE, Haiti (AP)",
        "Port-au-Prince",
        None,
        "HT",
        ("AP",),
        D,
        "dump_date",
        "Aid arrived.",
    ),
    Case(
        "Ras al-Khaimah (AFP) - A port opened.",
        "Ras al-Khaimah (AFP)",
        "Ras al-Khaimah",
        None,
        "AE",
        ("AFP",),
        D,
        "dump_date",
        "A port opened.",
    ),
    Case(
        "ST. LOUIS (AP) — The river rose.",
        "ST. LOUIS (AP)",
        "St. Louis",
        None,
        "US",
        ("AP",),
        D,
        "dump_date",
        "The river rose.",
    ),
    Case(
        "MCLEAN, Va. (AP) — A firm moved.",
        "MCLEAN, Va. (AP)",
        "McLean",
        "Virginia",
        "US",
        ("AP",),
        D,
        "dump_date",
        "A firm moved.",
    ),
    Case(
        "PARIS, Texas (AP) — A fair opened.",
        "PARIS, Texas (AP)",
        "Paris",
        "Texas",
        "US",
        ("AP",),
        D,
        "dump_date",
        "A fair opened.",
    ),
    Case(
        "Tripoli (AFP) - Clashes erupted.",
        "Tripoli (AFP)",
        "Tripoli",
        None,
        "LY",
        ("AFP",),
        D,
        "dump_date",
        "Clashes erupted.",
    ),
    Case(
        "Tripoli, Lebanon (AFP) - Clashes erupted.",
        "Tripoli, Lebanon (AFP)",
        "Tripoli",
        None,
        "LB",
        ("AFP",),
        D,
        "dump_date",
        "Clashes erupted.",
    ),
    Case(
        "GAZA CITY, Palestinian Territories (AFP) - Crossings shut.",
        "GAZA CITY, Palestinian Territories (AFP)",
        "Gaza City",
        None,
        "PS",
        ("AFP",),
        D,
        "dump_date",
        "Crossings shut.",
    ),
    Case(
        "ABOARD AIR FORCE ONE (AP) — The president spoke.",
        "ABOARD AIR FORCE ONE (AP)",
        "Aboard Air Force One",
        None,
        None,
        ("AP",),
        D,
        "dump_date",
        "The president spoke.",
    ),
    Case(
        "Lagos (AFP) -- Fuel queues grew.",
        "Lagos (AFP)",
        "Lagos",
        None,
        "NG",
        ("AFP",),
        D,
        "dump_date",
        "Fuel queues grew.",
    ),
    Case("BEIRUT (AFP) --", "BEIRUT (AFP)", "Beirut", None, "LB", ("AFP",), D, "dump_date", ""),
    Case(
        "Beirut, (AFP) - Banks closed.",
        "Beirut, (AFP)",
        "Beirut",
        None,
        "LB",
        ("AFP",),
        D,
        "dump_date",
        "Banks closed.",
    ),
    Case(
        "ISTANBUL (Anadolu Agency) - Ferries resumed.",
        "ISTANBUL (Anadolu Agency)",
        "Istanbul",
        None,
        "TR",
        ("AA",),
        D,
        "dump_date",
        "Ferries resumed.",
    ),
    Case(
        "Kabul (AFP/dpa) - Roads reopened.",
        "Kabul (AFP/dpa)",
        "Kabul",
        None,
        "AF",
        ("AFP", "dpa"),
        D,
        "dump_date",
        "Roads reopened.",
    ),
    # --- local languages: country words in brackets, local months, EFE/dpa punctuation
    Case(
        "Quito (Ecuador) (AFP) - Voting began.",
        "Quito (Ecuador) (AFP)",
        "Quito",
        None,
        "EC",
        ("AFP",),
        D,
        "dump_date",
        "Voting began.",
    ),
    Case(
        "Moskau (Russland) (dpa) - Der Kreml schwieg.",
        "Moskau (Russland) (dpa)",
        "Moskau",
        None,
        "RU",
        ("dpa",),
        D,
        "dump_date",
        "Der Kreml schwieg.",
    ),
    Case(
        "Pekín (China), 11 nov (EFE).- El Gobierno habló.",
        "Pekín (China), 11 nov (EFE)",
        "Pekín",
        None,
        "CN",
        ("EFE",),
        day(2017, 11, 11),
        "inferred_year",
        "El Gobierno habló.",
    ),
    Case(
        "Quito, 10 nov (EFE).- El Gobierno habló.",
        "Quito, 10 nov (EFE)",
        "Quito",
        None,
        "EC",
        ("EFE",),
        day(2017, 11, 10),
        "inferred_year",
        "El Gobierno habló.",
    ),
    Case(
        "Madrid, 11 de noviembre de 2017 (EFE).- Llovió.",
        "Madrid, 11 de noviembre de 2017 (EFE)",
        "Madrid",
        None,
        "ES",
        ("EFE",),
        day(2017, 11, 11),
        "dateline",
        "Llovió.",
    ),
    Case(
        "Berlin, 11. November (dpa) - Die Regierung tagte.",
        "Berlin, 11. November (dpa)",
        "Berlin",
        None,
        "DE",
        ("dpa",),
        day(2017, 11, 11),
        "inferred_year",
        "Die Regierung tagte.",
    ),
    Case(
        "Wien (APA) - Der Nationalrat tagte.",
        "Wien (APA)",
        "Wien",
        None,
        "AT",
        ("APA",),
        D,
        "dump_date",
        "Der Nationalrat tagte.",
    ),
    Case(
        "PARIS, 11 novembre 2017 (AFP) - Le musée a rouvert.",
        "PARIS, 11 novembre 2017 (AFP)",
        "Paris",
        None,
        "FR",
        ("AFP",),
        day(2017, 11, 11),
        "dateline",
        "Le musée a rouvert.",
    ),
    Case(
        "LISBOA, 10 nov (Lusa) - O Governo reuniu.",
        "LISBOA, 10 nov (Lusa)",
        "Lisboa",
        None,
        "PT",
        ("Lusa",),
        day(2017, 11, 10),
        "inferred_year",
        "O Governo reuniu.",
    ),
    # --- pipes, no place, no agency, bullets
    Case(
        "Beirut | AFP | Nov 11",
        "Beirut | AFP | Nov 11",
        "Beirut",
        None,
        "LB",
        ("AFP",),
        day(2017, 11, 11),
        "inferred_year",
        "",
    ),
    Case(
        "Beirut | AFP | Nov 11, 2017 | Banks closed.",
        "Beirut | AFP | Nov 11, 2017",
        "Beirut",
        None,
        "LB",
        ("AFP",),
        day(2017, 11, 11),
        "dateline",
        "Banks closed.",
    ),
    Case(
        "(AFP) - Shares fell in Asia.",
        "(AFP)",
        None,
        None,
        None,
        ("AFP",),
        D,
        "dump_date",
        "Shares fell in Asia.",
    ),
    Case(
        "(Reuters) - Shares fell in Asia.",
        "(Reuters)",
        None,
        None,
        None,
        ("Reuters",),
        D,
        "dump_date",
        "Shares fell in Asia.",
    ),
    Case(
        "LONDON, 11 November 2017 - Shares fell.",
        "LONDON, 11 November 2017",
        "London",
        None,
        "GB",
        (),
        day(2017, 11, 11),
        "dateline",
        "Shares fell.",
    ),
    Case(
        "Geneva, Nov 10, 2017 - Talks ended.",
        "Geneva, Nov 10, 2017",
        "Geneva",
        None,
        "CH",
        (),
        day(2017, 11, 10),
        "dateline",
        "Talks ended.",
    ),
    Case(
        "• Beirut (AFP) - Banks closed.",
        "Beirut (AFP)",
        "Beirut",
        None,
        "LB",
        ("AFP",),
        D,
        "dump_date",
        "Banks closed.",
    ),
    Case(
        "   Tehran (AFP) Nov 8, 2017",
        "Tehran (AFP) Nov 8, 2017",
        "Tehran",
        None,
        "IR",
        ("AFP",),
        day(2017, 11, 8),
        "dateline",
        "",
    ),
    # --- years: inferred across New Year, missing dump date, invalid dates
    Case(
        "WASHINGTON, Dec 31 (Reuters) - Markets closed.",
        "WASHINGTON, Dec 31 (Reuters)",
        "Washington",
        None,
        "US",
        ("Reuters",),
        day(2017, 12, 31),
        "inferred_year",
        "Markets closed.",
        dt.date(2018, 1, 2),
    ),
    Case(
        "PARIS, Jan 2 (AFP) - Sales began.",
        "PARIS, Jan 2 (AFP)",
        "Paris",
        None,
        "FR",
        ("AFP",),
        day(2018, 1, 2),
        "inferred_year",
        "Sales began.",
        dt.date(2017, 12, 30),
    ),
    Case(
        "WASHINGTON, Nov 11 (Reuters) - Senators met.",
        "WASHINGTON, Nov 11 (Reuters)",
        "Washington",
        None,
        "US",
        ("Reuters",),
        None,
        None,
        "Senators met.",
        None,
    ),
    Case(
        "Paris (AFP) - Museums reopened.",
        "Paris (AFP)",
        "Paris",
        None,
        "FR",
        ("AFP",),
        None,
        None,
        "Museums reopened.",
        None,
    ),
    Case(
        "Beirut (AFP) Nov 11, 2017",
        "Beirut (AFP) Nov 11, 2017",
        "Beirut",
        None,
        "LB",
        ("AFP",),
        day(2017, 11, 11),
        "dateline",
        "",
        None,
    ),
    Case(
        "GENEVA, Feb 30, 2017 (AFP) - Talks ended.",
        "GENEVA, Feb 30, 2017 (AFP)",
        "Geneva",
        None,
        "CH",
        ("AFP",),
        D,
        "dump_date",
        "Talks ended.",
    ),
    Case(
        "GENEVA, Feb 30 (AFP) - Talks ended.",
        "GENEVA, Feb 30 (AFP)",
        "Geneva",
        None,
        "CH",
        ("AFP",),
        D,
        "dump_date",
        "Talks ended.",
    ),
    Case(
        "GENEVA, Feb 29 (AFP) - Talks ended.",
        "GENEVA, Feb 29 (AFP)",
        "Geneva",
        None,
        "CH",
        ("AFP",),
        day(2016, 2, 29),
        "inferred_year",
        "Talks ended.",
        dt.date(2017, 3, 1),
    ),
    Case(
        "NAIROBI, Nov 20 [Reuters] -- The court ruled.",
        "NAIROBI, Nov 20 [Reuters]",
        "Nairobi",
        None,
        "KE",
        ("Reuters",),
        day(2017, 11, 20),
        "inferred_year",
        "The court ruled.",
        dt.date(2017, 11, 21),
    ),
    Case(
        "Tokyo (AFP-Jiji) Dec 9, 2017",
        "Tokyo (AFP-Jiji) Dec 9, 2017",
        "Tokyo",
        None,
        "JP",
        ("AFP", "Jiji"),
        day(2017, 12, 9),
        "dateline",
        "",
    ),
    Case(
        "SHANGHAI, Nov. 20 (XNA) -- Port traffic rose.",
        "SHANGHAI, Nov. 20 (XNA)",
        "Shanghai",
        None,
        "CN",
        ("Xinhua",),
        day(2017, 11, 20),
        "inferred_year",
        "Port traffic rose.",
    ),
    Case(
        "MIAMI (AP) — Streets flooded.",
        "MIAMI (AP)",
        "Miami",
        None,
        "US",
        ("AP",),
        D,
        "dump_date",
        "Streets flooded.",
    ),
    Case(
        "ATHENS, Ga. (AP) — Students won.",
        "ATHENS, Ga. (AP)",
        "Athens",
        "Georgia",
        "US",
        ("AP",),
        D,
        "dump_date",
        "Students won.",
    ),
    Case(
        "HOUSTON, Nov. 26 (UPI) -- Refineries restarted.",
        "HOUSTON, Nov. 26 (UPI)",
        "Houston",
        None,
        "US",
        ("UPI",),
        day(2017, 11, 26),
        "inferred_year",
        "Refineries restarted.",
        dt.date(2017, 11, 27),
    ),
    Case(
        "Mumbai, Nov 12 (IANS) Trains will run late.",
        "Mumbai, Nov 12 (IANS)",
        "Mumbai",
        None,
        "IN",
        ("IANS",),
        day(2017, 11, 12),
        "inferred_year",
        "Trains will run late.",
    ),
    Case(
        "Sevilla, 1 Dec (EFE).- El pleno votó.",
        "Sevilla, 1 Dec (EFE)",
        "Sevilla",
        None,
        "ES",
        ("EFE",),
        day(2017, 12, 1),
        "inferred_year",
        "El pleno votó.",
        dt.date(2017, 12, 1),
    ),
    Case(
        "THE HAGUE, Nov 10 (AFP) - Judges ruled.",
        "THE HAGUE, Nov 10 (AFP)",
        "The Hague",
        None,
        "NL",
        ("AFP",),
        day(2017, 11, 10),
        "inferred_year",
        "Judges ruled.",
    ),
    Case(
        "A Coruña, 10 nov (EFE).- El puerto cerró.",
        "A Coruña, 10 nov (EFE)",
        "A Coruña",
        None,
        "ES",
        ("EFE",),
        day(2017, 11, 10),
        "inferred_year",
        "El puerto cerró.",
    ),
    Case(
        "ST. PETERSBURG, Fla. (AP) — A pier reopened.",
        "ST. PETERSBURG, Fla. (AP)",
        "St. Petersburg",
        "Florida",
        "US",
        ("AP",),
        D,
        "dump_date",
        "A pier reopened.",
    ),
    Case(
        "WASHINGTON/NEW YORK (Reuters) - Banks rallied.",
        "WASHINGTON/NEW YORK (Reuters)",
        "Washington/New York",  # (2.5.0: every place it was filed from; one country)
        None,
        "US",
        ("Reuters",),
        D,
        "dump_date",
        "Banks rallied.",
    ),
    Case(
        "BEIRUT/DAMASCUS, Nov 11 (Reuters) - Talks stalled.",
        "BEIRUT/DAMASCUS, Nov 11 (Reuters)",
        "Beirut/Damascus",  # (2.5.0: two countries, so no country)
        None,
        None,
        ("Reuters",),
        day(2017, 11, 11),
        "inferred_year",
        "Talks stalled.",
    ),
    Case(
        "NEW YORK (AP) _ The market opened higher.",
        "NEW YORK (AP)",
        "New York",
        None,
        "US",
        ("AP",),
        D,
        "dump_date",
        "The market opened higher.",
    ),
    Case(
        "MOSCOW /TASS/ - Flights resumed.",
        "MOSCOW /TASS/",
        "Moscow",
        None,
        "RU",
        ("TASS",),
        D,
        "dump_date",
        "Flights resumed.",
    ),
    Case(
        "MOSCOW, November 11 – RIA Novosti. Grain prices fell.",
        "MOSCOW, November 11 – RIA Novosti",
        "Moscow",
        None,
        "RU",
        ("RIA",),
        day(2017, 11, 11),
        "inferred_year",
        "Grain prices fell.",
    ),
    Case(
        "MOSCOW. Nov 11 (Interfax) - Grain prices fell.",
        "MOSCOW. Nov 11 (Interfax)",
        "Moscow",
        None,
        "RU",
        ("Interfax",),
        day(2017, 11, 11),
        "inferred_year",
        "Grain prices fell.",
    ),
    Case(
        "Nov. 11 (UPI) -- Oil prices rose.",
        "Nov. 11 (UPI)",
        None,
        None,
        None,
        ("UPI",),
        day(2017, 11, 11),
        "inferred_year",
        "Oil prices rose.",
    ),
    Case(
        "Munich (dpa/lby) - Die Polizei ermittelt.",
        "Munich (dpa/lby)",
        "Munich",
        None,
        "DE",
        ("dpa",),
        D,
        "dump_date",
        "Die Polizei ermittelt.",
    ),
    Case(
        "Pune (Maharashtra) [India], Nov 20 (PTI): Metro work began.",
        "Pune (Maharashtra) [India], Nov 20 (PTI)",
        "Pune",
        "Maharashtra",
        "IN",
        ("PTI",),
        day(2017, 11, 20),
        "inferred_year",
        "Metro work began.",
    ),
    Case(
        "Algiers (AFP) - - Nov 21, 2017",
        "Algiers (AFP) - - Nov 21, 2017",
        "Algiers",
        None,
        "DZ",
        ("AFP",),
        day(2017, 11, 21),
        "dateline",
        "",
    ),
    Case(
        "NAGOYA, Nov. 22 Kyodo - A new bridge opened.",
        "NAGOYA, Nov. 22 Kyodo",
        "Nagoya",
        None,
        "JP",
        ("Kyodo",),
        day(2017, 11, 22),
        "inferred_year",
        "A new bridge opened.",
    ),
    # --- a section label run into the dateline across a wide gap
    Case(
        "Middle East  Amman (AFP) Dec 2, 2017",
        "Amman (AFP) Dec 2, 2017",
        "Amman",
        None,
        "JO",
        ("AFP",),
        day(2017, 12, 2),
        "dateline",
        "",
    ),
    Case(
        "Science  Houston TX (SPX) Nov 20, 2017",
        "Houston TX (SPX) Nov 20, 2017",
        "Houston",
        "Texas",
        "US",
        ("SPX",),
        day(2017, 11, 20),
        "dateline",
        "",
    ),
    # --- byline then dateline on one line (SpaceDaily)
    Case(
        "by Staff Writers Cape Canaveral FL (SPX) Nov 11, 2017",
        "Cape Canaveral FL (SPX) Nov 11, 2017",
        "Cape Canaveral",
        "Florida",
        "US",
        ("SPX",),
        day(2017, 11, 11),
        "dateline",
        "",
    ),
    Case(
        "by Kate Lowry Washington DC (SPX) Nov 10, 2017",
        "Washington DC (SPX) Nov 10, 2017",
        "Washington",
        "District of Columbia",
        "US",
        ("SPX",),
        day(2017, 11, 10),
        "dateline",
        "",
    ),
    # --- anywhere: a dateline sharing its line with other page text
    Case(
        "Full story below. Tehran (AFP) Nov 8, 2017 Pilgrims crossed the border.",
        "Tehran (AFP) Nov 8, 2017",
        "Tehran",
        None,
        "IR",
        ("AFP",),
        day(2017, 11, 8),
        "dateline",
        "Pilgrims crossed the border.",
        anywhere=True,
    ),
    Case(
        "Related Links Moscow (AFP) Nov 9, 2017 A satellite was launched.",
        "Moscow (AFP) Nov 9, 2017",
        "Moscow",
        None,
        "RU",
        ("AFP",),
        day(2017, 11, 9),
        "dateline",
        "A satellite was launched.",
        anywhere=True,
    ),
    Case(
        "the offensive stalled ... read more Erbil (AFP) - Kurdish leaders met.",
        "Erbil (AFP)",
        "Erbil",
        None,
        "IQ",
        ("AFP",),
        D,
        "dump_date",
        "Kurdish leaders met.",
        anywhere=True,
    ),
    Case(
        "BEIRUT, Nov 11, 2017 (AFP) - Banks closed.",
        "BEIRUT, Nov 11, 2017 (AFP)",
        "Beirut",
        None,
        "LB",
        ("AFP",),
        day(2017, 11, 11),
        "dateline",
        "Banks closed.",
        anywhere=True,
    ),
    Case(
        "Markets were calm. WASHINGTON, Nov 10 (Reuters) - The Fed held rates.",
        "WASHINGTON, Nov 10 (Reuters)",
        "Washington",
        None,
        "US",
        ("Reuters",),
        day(2017, 11, 10),
        "inferred_year",
        "The Fed held rates.",
        anywhere=True,
    ),
    # --- the capital's code with no comma before it
    Case(
        "WASHINGTON D.C. — The district's council voted on Tuesday to widen the bus lanes.",
        "WASHINGTON D.C.",
        "Washington",
        "District of Columbia",
        "US",
        (),
        D,
        "dump_date",
        "The district's council voted on Tuesday to widen the bus lanes.",
    ),
    Case(
        "Washington DC, Nov 9 (Reuters) - Lawmakers left town without a deal.",
        "Washington DC, Nov 9 (Reuters)",
        "Washington",
        "District of Columbia",
        "US",
        ("Reuters",),
        day(2017, 11, 9),
        "inferred_year",
        "Lawmakers left town without a deal.",
    ),
    # --- the credit after a dash, no brackets: on its own line over the text, or with it
    Case("TAMPA - AFP", "TAMPA - AFP", "Tampa", None, "US", ("AFP",), D, "dump_date", ""),
    Case("Jeddah - SPA", "Jeddah - SPA", "Jeddah", None, "SA", ("SPA",), D, "dump_date", ""),
    Case(
        "Hamburg - dpa - Der Hafen meldet einen Rekord beim Umschlag.",
        "Hamburg - dpa",
        "Hamburg",
        None,
        "DE",
        ("dpa",),
        D,
        "dump_date",
        "Der Hafen meldet einen Rekord beim Umschlag.",
    ),
    # --- the Italian wire's credit first, the place after it, no date
    Case(
        "(ANSA) - NAPOLI - Il consiglio comunale ha approvato il bilancio.",
        "(ANSA) - NAPOLI",
        "Napoli",
        None,
        "IT",
        ("ANSA",),
        D,
        "dump_date",
        "Il consiglio comunale ha approvato il bilancio.",
    ),
    # --- a city in capitals and its state or country run into the sentence (dash stripped)
    Case(
        "BANGOR, Maine Crews spent the weekend clearing ice from the river so ferries can run.",
        "BANGOR, Maine",
        "Bangor",
        "Maine",
        "US",
        (),
        D,
        "dump_date",
        "Crews spent the weekend clearing ice from the river so ferries can run.",
    ),
    Case(
        "DOVER, England Lorry drivers waited through the night at the port after a fault.",
        "DOVER, England",
        "Dover",
        None,
        "GB",
        (),
        D,
        "dump_date",
        "Lorry drivers waited through the night at the port after a fault.",
    ),
    # --- IANS's glued double hyphen after a city in title case
    Case(
        "Kolkata-- Film director Arun Sen, who turns 80 this week, says he has one more film.",
        "Kolkata",
        "Kolkata",
        None,
        "IN",
        (),
        D,
        "dump_date",
        "Film director Arun Sen, who turns 80 this week, says he has one more film.",
    ),
    # --- HealthDay's weekday, date and credit, no place
    Case(
        "MONDAY, Nov. 6, 2017 (HealthDay News) — Adults who sleep less eat more salt.",
        "MONDAY, Nov. 6, 2017 (HealthDay News)",
        None,
        None,
        None,
        ("HealthDay",),
        day(2017, 11, 6),
        "dateline",
        "Adults who sleep less eat more salt.",
    ),
    # --- AFP's Japanese service: the day and the credit in lenticular brackets, no place
    Case(
        "【12月5日 AFP】米国の首都で大規模な停電が発生した。",
        "【12月5日 AFP】",
        None,
        None,
        None,
        ("AFP",),
        day(2017, 12, 5),
        "inferred_year",
        "米国の首都で大規模な停電が発生した。",
    ),
    # --- Interfax's own site signs with its domain
    Case(
        "Москва. 12 марта. INTERFAX.RU - Правительство утвердило новый план по жилью.",
        "Москва. 12 марта. INTERFAX.RU",
        "Москва",
        None,
        "RU",
        ("Interfax",),
        day(2018, 3, 12),
        "inferred_year",
        "Правительство утвердило новый план по жилью.",
        dump=day(2018, 3, 13),
    ),
    # --- a place in capitals, a stop, the credit and a stop, then the sentence
    Case(
        "MANAGUA.  AFP. El gobierno nicaragüense anunció este lunes un plan de emergencia.",
        "MANAGUA.  AFP",
        "Managua",
        None,
        "NI",
        ("AFP",),
        D,
        "dump_date",
        "El gobierno nicaragüense anunció este lunes un plan de emergencia.",
    ),
    # --- "DE" in capitals between day and month
    Case(
        "SEVILLA, 10 DE JUNIO. El gobierno regional aprobó este martes el plan de vivienda.",
        "SEVILLA, 10 DE JUNIO.",
        "Sevilla",
        None,
        "ES",
        (),
        day(2017, 6, 10),
        "inferred_year",
        "El gobierno regional aprobó este martes el plan de vivienda.",
    ),
    # --- Kazinform: place, stop, date, stop, the agency in capitals, then a quote
    Case(
        'ALMATY. March 4. KAZINFORM "The new line opens in May," the mayor said.',
        "ALMATY. March 4. KAZINFORM",
        "Almaty",
        None,
        "KZ",
        ("Kazinform",),
        day(2018, 3, 4),
        "inferred_year",
        '"The new line opens in May," the mayor said.',
        dump=day(2018, 3, 5),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.line[:40] for c in CASES])
def test_match_dateline(case: Case) -> None:
    found = match_dateline(case.line, case.dump, anywhere=case.anywhere)
    assert isinstance(found, DatelineMatch)
    d = found.dateline
    assert d.raw == case.raw
    assert d.place == case.place
    assert d.region == case.region
    assert d.country == case.country
    assert d.agencies == case.agencies
    assert d.date == case.date
    assert d.date_source == case.source
    assert case.line[found.end :].strip() == case.rest
    assert case.line[found.start :].startswith(case.raw)


def test_span_covers_separator_and_leading_text() -> None:
    line = "by Staff Writers Cape Canaveral FL (SPX) Nov 11, 2017"
    found = match_dateline(line, D)
    assert found is not None
    assert line[: found.start].strip() == "by Staff Writers"
    text = "Markets were calm. Tehran (AFP) Nov 8, 2017 - Pilgrims crossed."
    found = match_dateline(text, D, anywhere=True)
    assert found is not None
    assert text[: found.start] == "Markets were calm. "
    assert text[found.end :] == " Pilgrims crossed."


def test_anywhere_finds_the_first_of_several() -> None:
    text = "Kabul (AFP) Nov 9, 2017 Roads shut. Herat (AFP) Nov 10, 2017 Roads opened."
    first = match_dateline(text, D, anywhere=True)
    assert first is not None and first.dateline.place == "Kabul"
    second = match_dateline(text[first.end :], D, anywhere=True)
    assert second is not None and second.dateline.place == "Herat"


def test_agency_named_in_the_sentence_after_a_dash_is_not_credited() -> None:
    line = "MOSCOW, Nov 11 - RIA Novosti reporters saw smoke over the plant."
    found = match_dateline(line, D)
    assert found is not None
    assert found.dateline.raw == "MOSCOW, Nov 11"
    assert found.dateline.agencies == ()
    assert line[found.end :].strip().startswith("RIA Novosti reporters")


def test_dump_date_may_be_a_timestamp() -> None:
    stamp = dt.datetime(2018, 1, 2, 23, 59)
    found = match_dateline("WASHINGTON, Dec 31 (Reuters) - Markets closed.", stamp)
    assert found is not None
    assert found.dateline.date == dt.date(2017, 12, 31)
    assert found.dateline.date_source == "inferred_year"
    found = match_dateline("Paris (AFP) - Museums reopened.", stamp)
    assert found is not None
    assert found.dateline.date == dt.date(2018, 1, 2)
    assert type(found.dateline.date) is dt.date


def test_not_anywhere_means_line_start() -> None:
    text = "Markets were calm. Tehran (AFP) Nov 8, 2017 Pilgrims crossed."
    assert match_dateline(text, D) is None
    assert match_dateline(text, D, anywhere=True) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Paris is lovely (AFP said) today",
        "He went to Paris (AFP) yesterday.",
        "The ministry told AFP on Saturday that the road was closed.",
        "According to Agence France-Presse (AFP) - the count rose.",
        "Nov 11, 2017",
        "Saturday, Nov 11, 2017",
        "Prices rose, Nov 11 - analysts said",
        "In Paris, Nov 11 - the summit opened",
        "In Paris (AFP) - the summit opened",
        "The Talks (AFP) - x",
        "Related Links",
        "Reporting by John Smith; Editing by Jane Doe",
        "The Islamic State (IS) group said it held the town.",
        "Trump (R) - Washington",
        "Apple (AAPL) shares rose",
        "Paris (France) is a city",
        "LONDON, Tuesday - Shares fell",
        "Beirut (AFP) said the army",
        "Copyright 2017 AFP",
        "By Maya GEBEILY",
        "Officials in Baghdad said on Nov 11 that the plan (which AFP saw) was final.",
        "- IS squeezed in Iraq -",
        "",
        "   ",
        "(not an agency) - text",
        "Syria's army (SAA) - backed by Russia - advanced",
        "Tuesday (AFP) - text",
        "(dpa)",
        "(ANSA).",
        "(AFP)",
        "NAGOYA, Nov. 22 Kyodo reporters watched the bridge open.",
        "ACA - Bernama",  # a gazetteer alias ("Aca", Acapulco) is no dateline's place
        "Paris - AFP reports that the talks ended",
        "PARIS, Monday The minister said the plan would be shelved for now and for good.",
    ],
)
def test_not_a_dateline(line: str) -> None:
    assert match_dateline(line, D) is None


@pytest.mark.parametrize(
    "line",
    [
        "Officials in Baghdad said on Nov 11 that the plan (which AFP saw) was final.",
        "The report by Agence France-Presse (AFP) - shared widely - was denied.",
        "He spoke to the Associated Press (AP) - then left.",
        "the AFP (Agence France-Presse) reported",
        "They met in Paris on Nov 11 and talked (AFP reporters were present).",
        "Prices rose, Nov 11 - analysts said",
    ],
)
def test_not_a_dateline_anywhere(line: str) -> None:
    assert match_dateline(line, D, anywhere=True) is None


@pytest.mark.timeout(60)  # a hang guard against runaway backtracking; speed is in bench/
def test_a_100kb_line_is_read_right() -> None:
    sentence = "Officials Said On Saturday That The Talks (Which Began Nov In Paris) Continued. "
    text = (sentence * (100_000 // len(sentence) + 1))[:100_000]
    for anywhere in (False, True):
        assert match_dateline(text, D, anywhere=anywhere) is None
    # Lines dense with what a dateline is made of: marks, capitals, commas, dates.
    for unit in ("(AFP) ", "Aa, Bb, Cc, Dd, Nov 11 ", "AAAA BBBB (CCCC) DDDD Nov 11 EEEE, "):
        dense = (unit * (100_000 // len(unit) + 1))[:100_000]
        found = match_dateline(dense, D, anywhere=True)
        assert found is None or found.dateline.raw in dense
    tail = text + " Tehran (AFP) Nov 8, 2017 Pilgrims crossed."
    found = match_dateline(tail, D, anywhere=True)
    assert found is not None and found.start == len(text) + 1
    assert found.dateline.raw == "Tehran (AFP) Nov 8, 2017"


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=400),
    st.one_of(st.none(), st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2099, 12, 31))),
    st.booleans(),
)
def test_match_dateline_never_raises(text: str, dump: dt.date | None, anywhere: bool) -> None:
    found = match_dateline(text, dump, anywhere=anywhere)
    if found is not None:
        assert 0 <= found.start < found.end <= len(text)
        assert found.dateline.raw and found.dateline.raw in text


_PIECES = st.sampled_from(
    [
        "Beirut",
        "BEIRUT",
        " (AFP)",
        " (AFP/APP)",
        ", Nov 11",
        ", 2017",
        " Feb 30",
        " -",
        " --",
        ":",
        " |",
        " /TASS/.",
        " [AFP]",
        "(",
        ")",
        ", Fla.",
        " Dec 31",
        " 29 February",
        ",",
        " by Staff Writers",
        " Cape Canaveral FL",
        " (SPX)",
        " 11. November",
        " (EFE).-",
        " ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12), st.booleans())
def test_match_dateline_never_raises_on_dateline_like_text(
    parts: list[str], anywhere: bool
) -> None:
    text = "".join(parts)
    for dump in (None, dt.date(2016, 2, 29), dt.date(2017, 12, 31)):
        found = match_dateline(text, dump, anywhere=anywhere)
        if found is not None:
            assert found.dateline.raw in text
            assert found.dateline.date is None or found.dateline.date_source is not None


_CITIES = [
    ("BEIRUT", "Beirut", "LB"),
    ("Beirut", "Beirut", "LB"),
    ("KABUL", "Kabul", "AF"),
    ("Geneva", "Geneva", "CH"),
    ("NEW DELHI", "New Delhi", "IN"),
    ("Tokyo", "Tokyo", "JP"),
    ("DAR ES SALAAM", "Dar es Salaam", "TZ"),
    ("Sao Paulo", "Sao Paulo", "BR"),
    ("UNITED NATIONS", "United Nations", None),
    ("PORT-AU-PRINCE", "Port-au-Prince", "HT"),
]
_AGENCY_MARKS = [
    ("(AFP)", ("AFP",)),
    ("(Reuters)", ("Reuters",)),
    ("(AFP/APP)", ("AFP", "APP")),
    ("[AFP]", ("AFP",)),
    ("(Xinhua)", ("Xinhua",)),
    ("(dpa)", ("dpa",)),
    ("(SPX)", ("SPX",)),
]
_MONTH_SPELLINGS = {
    1: "Jan.",
    2: "February",
    3: "March",
    8: "Aug",
    9: "Sept.",
    11: "Nov",
    12: "December",
}


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(_CITIES),
    st.sampled_from(_AGENCY_MARKS),
    st.sampled_from(sorted(_MONTH_SPELLINGS)),
    st.integers(min_value=1, max_value=28),
    st.one_of(st.none(), st.integers(min_value=1990, max_value=2030)),
    st.sampled_from([" -", " --", ":", " —", ""]),
    st.booleans(),
)
def test_generated_datelines_round_trip(
    city: tuple[str, str, str | None],
    mark: tuple[str, tuple[str, ...]],
    month: int,
    day_: int,
    year: int | None,
    sep: str,
    agency_first: bool,
) -> None:
    written, place, country = city
    date_text = f"{_MONTH_SPELLINGS[month]} {day_}" + (f", {year}" if year else "")
    if agency_first:
        head = f"{written} {mark[0]} {date_text}"
    else:
        head = f"{written}, {date_text} {mark[0]}"
    line = f"{head}{sep} The council met again on that day."
    found = match_dateline(line, D)
    assert found is not None, line
    d = found.dateline
    assert (d.raw, d.place, d.country, d.agencies) == (head, place, country, mark[1])
    assert d.date is not None and (d.date.month, d.date.day) == (month, day_)
    if year:
        assert (d.date.year, d.date_source) == (year, "dateline")
    else:
        assert d.date_source == "inferred_year"
        assert abs((d.date - D).days) <= 183
    assert line[found.end :].strip() == "The council met again on that day."


# --- house punctuation seen on re-published pages (colon, spaced dashes, pipes, em dash)
ODD_PUNCTUATION = [
    Case("BEIRUT: (AFP) The army retook the crossing.", "BEIRUT: (AFP)", "Beirut", None, "LB",
         ("AFP",), D, "dump_date", "The army retook the crossing."),
    Case("NAIROBI: (Reuters) Kenya's shilling firmed.", "NAIROBI: (Reuters)", "Nairobi", None,
         "KE", ("Reuters",), D, "dump_date", "Kenya's shilling firmed."),
    Case("BEIRUT - (AFP) - Shelling resumed at dawn.", "BEIRUT - (AFP)", "Beirut", None, "LB",
         ("AFP",), D, "dump_date", "Shelling resumed at dawn."),
    Case("MADRID -- (EFE) -- Los trenes vuelven.", "MADRID -- (EFE)", "Madrid", None, "ES",
         ("EFE",), D, "dump_date", "Los trenes vuelven."),
    Case("Lima — (AFP) — Protests spread north.", "Lima — (AFP)", "Lima", None, "PE",
         ("AFP",), D, "dump_date", "Protests spread north."),
    Case("Beirut, Lebanon | November 11, 2017 | AFP", "Beirut, Lebanon | November 11, 2017 | AFP",
         "Beirut", None, "LB", ("AFP",), day(2017, 11, 11), "dateline", ""),
    Case("Nairobi, Kenya | March 3, 2018 | Reuters | Talks opened on Saturday.",
         "Nairobi, Kenya | March 3, 2018 | Reuters", "Nairobi", None, "KE", ("Reuters",),
         day(2018, 3, 3), "dateline", "Talks opened on Saturday."),
    Case("Kathmandu | 9 Nov | PTI", "Kathmandu | 9 Nov | PTI", "Kathmandu", None, "NP",
         ("PTI",), day(2017, 11, 9), "inferred_year", ""),
    Case("BEIRUT (AFP) --", "BEIRUT (AFP)", "Beirut", None, "LB", ("AFP",), D, "dump_date", ""),
    Case("BEIRUT (AFP) -- Rain flooded the camps.", "BEIRUT (AFP)", "Beirut", None, "LB",
         ("AFP",), D, "dump_date", "Rain flooded the camps."),
    Case("Beirut, Nov 11 (AFP) —", "Beirut, Nov 11 (AFP)", "Beirut", None, "LB", ("AFP",), D,
         "inferred_year", ""),
    Case("Amman, Nov 9 (AFP) — Jordan reopened the border.", "Amman, Nov 9 (AFP)", "Amman",
         None, "JO", ("AFP",), day(2017, 11, 9), "inferred_year", "Jordan reopened the border."),
]

# --- datelines credited to a source that is no news agency: place and date, no agency
NON_AGENCY_SOURCE = [
    Case("Paris (ESA) Nov 10, 2017", "Paris (ESA) Nov 10, 2017", "Paris", None, "FR", (),
         day(2017, 11, 10), "dateline", ""),
    Case("Pasadena CA (JPL) Nov 11, 2017", "Pasadena CA (JPL) Nov 11, 2017", "Pasadena",
         "California", "US", (), day(2017, 11, 11), "dateline", ""),
    Case("Darmstadt, Germany (ESA) Nov 10, 2017", "Darmstadt, Germany (ESA) Nov 10, 2017",
         "Darmstadt", None, "DE", (), day(2017, 11, 10), "dateline", ""),
    Case("Garching, Germany (ESO) Oct 30, 2017 - Astronomers saw a flare.",
         "Garching, Germany (ESO) Oct 30, 2017", "Garching", None, "DE", (),
         day(2017, 10, 30), "dateline", "Astronomers saw a flare."),
    Case("Washington DC (NASA) Nov 2, 2017", "Washington DC (NASA) Nov 2, 2017", "Washington",
         "District of Columbia", "US", (), day(2017, 11, 2), "dateline", ""),
]


@pytest.mark.parametrize(
    "case", ODD_PUNCTUATION + NON_AGENCY_SOURCE, ids=lambda c: c.line[:40]
)
def test_odd_punctuation_and_non_agency_sources(case: Case) -> None:
    test_match_dateline(case)


@pytest.mark.parametrize(
    "line",
    [
        "Xyzzyville (ESA) Nov 10, 2017",  # an unknown place with an unknown source
        "Paris (ESA) Nov 10 - the probe woke",  # no year: too weak without an agency
        "Mumbai (Maharashtra) Nov 20, 2017 was a busy day",  # a state, not a source
        "He said in Paris (ESA) Nov 10, 2017 was the date.",
        "Prices | Nov 11 | rose",
    ],
)
def test_not_a_dateline_despite_odd_punctuation(line: str) -> None:
    assert match_dateline(line, D) is None


def test_non_agency_source_is_no_agency_credit_inside_text() -> None:
    text = "Mission news. Toulouse, France (CNES) Nov 3, 2017 - The lander powered up."
    found = match_dateline(text, D, anywhere=True)
    assert found is not None
    assert found.dateline.place == "Toulouse" and found.dateline.agencies == ()
    assert text[found.end :].strip() == "The lander powered up."


# ---------------------------------------------------------------- city, country and a dash

AUG = dt.date(2020, 8, 3)


@pytest.mark.parametrize(
    ("line", "raw", "place", "country", "rest"),
    [
        ("Nairobi, Kenya -- Matatu drivers struck on Monday.", "Nairobi, Kenya", "Nairobi", "KE",
         "Matatu drivers struck on Monday."),
        ("Cusco, Peru — Rail services to the ruins resumed.", "Cusco, Peru", "Cusco", "PE",
         "Rail services to the ruins resumed."),
        ("Dhaka, Bangladesh - Garment workers marched again.", "Dhaka, Bangladesh", "Dhaka", "BD",
         "Garment workers marched again."),
        ("Hanoi, Vietnam —\"We are ready,\" the minister said.", "Hanoi, Vietnam", "Hanoi", "VN",
         "\"We are ready,\" the minister said."),
    ],
)  # fmt: skip
def test_city_country_dash_without_agency_or_date(
    line: str, raw: str, place: str, country: str, rest: str
) -> None:
    found = match_dateline(line, AUG)
    assert found is not None
    d = found.dateline
    assert (d.raw, d.place, d.country, d.agencies) == (raw, place, country, ())
    assert (d.date, d.date_source) == (AUG, "dump_date")
    assert line[found.end :] == rest


def test_city_country_dash_without_a_dump_date_has_no_date() -> None:
    found = match_dateline("Nairobi, Kenya -- Matatu drivers struck.", None)
    assert found is not None
    assert (found.dateline.date, found.dateline.date_source) == (None, None)


@pytest.mark.parametrize(
    "line",
    [
        "Nairobi, Peru -- Matatu drivers struck.",  # the city is not in that country
        "Nairobi, Kenya-Matatu drivers struck.",  # a hyphen, not a dash
        "Nairobi, Kenya -- matatu drivers struck.",  # no capital after the dash
        "Nairobi, Kenya, -- Matatu drivers struck.",
        "In Nairobi, Kenya -- Matatu drivers struck.",  # a sentence
        "Visitors, Kenya -- Matatu drivers struck.",  # not a city
        "Nairobi, Atlantis -- Matatu drivers struck.",  # not a country
        "Nairobi, Kenya: Matatu drivers struck.",  # not a dash
    ],
)
def test_city_country_dash_guards(line: str) -> None:
    assert match_dateline(line, AUG) is None


def test_city_country_dash_only_at_the_start() -> None:
    text = "Drivers gathered at dawn. Nairobi, Kenya -- Matatu drivers struck."
    assert match_dateline(text, AUG) is None
    assert match_dateline(text, AUG, anywhere=True) is None


# --- real-page shapes (issue 8): examples in our own words, each in a shape seen on real
# pages. The page's own time stamp (P) anchors a missing year and stands in for a missing
# date; without one, the dump's date does.
P = dt.date(2019, 10, 5)


Shape = Case  # the same fields; these are matched with a page stamp (P)

SHAPES = [
    # place and a separator, no credit: the newspapers' own style
    Shape("NAIROBI — Traders closed early on Friday.", "NAIROBI", "Nairobi", None, "KE", (),
          P, "page_date", "Traders closed early on Friday."),
    Shape("LIMA -- Fishermen blocked the port road.", "LIMA", "Lima", None, "PE", (), P,
          "page_date", "Fishermen blocked the port road."),
    Shape("OSLO: The ferry strike entered a third day.", "OSLO", "Oslo", None, "NO", (), P,
          "page_date", "The ferry strike entered a third day."),
    Shape("(OTTAWA) — Two ministers traded places on Monday.", "(OTTAWA)", "Ottawa", None,
          "CA", (), P, "page_date", "Two ministers traded places on Monday."),
    Shape("AUGUSTA, Maine — Lobster landings fell for a second year.", "AUGUSTA, Maine",
          "Augusta", "Maine", "US", (), P, "page_date",
          "Lobster landings fell for a second year."),
    Shape("LONDON - Shares fell in early trade on Tuesday.", "LONDON", "London", None, "GB",
          (), P, "page_date", "Shares fell in early trade on Tuesday."),
    Shape("LONDON - - Copper slipped as stocks rose in Shanghai.", "LONDON", "London", None,
          "GB", (), P, "page_date", "Copper slipped as stocks rose in Shanghai."),
    Shape("KUWAIT: The cabinet met late into the night.", "KUWAIT", "Kuwait", None, "KW", (),
          P, "page_date", "The cabinet met late into the night."),
    Shape("ADDIS ABABA-Street vendors moved to a new market.", "ADDIS ABABA", "Addis Ababa",
          None, "ET", (), P, "page_date", "Street vendors moved to a new market."),
    Shape("(Bruxelles) Les syndicats ont appelé à la grève.", "(Bruxelles)", "Bruxelles", None,
          "BE", (), P, "page_date", "Les syndicats ont appelé à la grève."),
    Shape("New Delhi: The monsoon session will open a week late, officials said.",
          "New Delhi", "New Delhi", None, "IN", (), P, "page_date",
          "The monsoon session will open a week late, officials said."),
    Shape("KUALA LUMPUR:- Ministers will meet growers next week.", "KUALA LUMPUR",
          "Kuala Lumpur", None, "MY", (), P, "page_date", "Ministers will meet growers next week."),
    Shape("JAKARTA • Villagers left their homes below the crater.", "JAKARTA", "Jakarta", None,
          "ID", (), P, "page_date", "Villagers left their homes below the crater."),
    Shape("MOUNT BROMO, Indonesia -- Ash fell on nearby villages.", "MOUNT BROMO, Indonesia",
          "Mount Bromo", None, "ID", (), P, "page_date", "Ash fell on nearby villages."),
    Shape("Seoul, South Korea: The announcement caught markets by surprise on Friday.",
          "Seoul, South Korea", "Seoul", None, "KR", (), P, "page_date",
          "The announcement caught markets by surprise on Friday."),
    # a place on a line of its own, the story's text on the next line
    Shape("WASHINGTON", "WASHINGTON", "Washington", None, "US", (), P, "page_date", ""),
    Shape("Banda, India", "Banda, India", "Banda", None, "IN", (), P, "page_date", ""),
    Shape("New Delhi:", "New Delhi", "New Delhi", None, "IN", (), P, "page_date", ""),
    # the wire's date form without its credit
    Shape("OTTAWA, Oct 3 - Housing starts rose in September.", "OTTAWA, Oct 3", "Ottawa",
          None, "CA", (), dt.date(2019, 10, 3), "inferred_year",
          "Housing starts rose in September."),
    Shape("OTTAWA Oct 3 - Housing starts rose in September.", "OTTAWA Oct 3", "Ottawa",
          None, "CA", (), dt.date(2019, 10, 3), "inferred_year",
          "Housing starts rose in September."),
    # source before place
    Shape("Kyodo -- Oct 3", "Kyodo -- Oct 3", None, None, None, ("Kyodo",),
          dt.date(2019, 10, 3), "inferred_year", ""),
    Shape("TASS Moscow, 3 October: A new bridge opened.", "TASS Moscow, 3 October", "Moscow",
          None, "RU", ("TASS",), dt.date(2019, 10, 3), "inferred_year", "A new bridge opened."),
    Shape("AFP | Nairobi | Updated: 03-10-2019 11:20 IST", "AFP | Nairobi", "Nairobi", None,
          "KE", ("AFP",), P, "page_date", "Updated: 03-10-2019 11:20 IST"),
    # (the "By" is the byline's word, not the dateline's: no labeller counts it in)
    Shape("By Afp, Nairobi", "Afp, Nairobi", "Nairobi", None, "KE", ("AFP",), P,
          "page_date", ""),
    Shape("By IANS, Kolkata : Police said on Thursday.", "IANS, Kolkata", "Kolkata", None, "IN",
          ("IANS",), P, "page_date", "Police said on Thursday."),
    Shape("Moscow, SANA-A trade delegation arrived on Sunday.", "Moscow, SANA", "Moscow",
          None, "RU", ("SANA",), P, "page_date", "A trade delegation arrived on Sunday."),
    # press releases, legal and trade wires
    Shape("AUSTIN, Texas, Oct. 3, 2019 /PRNewswire/ -- Acme Widgets said today it would",
          "AUSTIN, Texas, Oct. 3, 2019 /PRNewswire/", "Austin", "Texas", "US",
          ("PRNewswire",), dt.date(2019, 10, 3), "dateline", "Acme Widgets said today it would"),
    Shape("BOSTON, Oct. 03, 2019 (GLOBE NEWSWIRE) -- Beta Labs reported",
          "BOSTON, Oct. 03, 2019 (GLOBE NEWSWIRE)", "Boston", None, "US", ("GlobeNewswire",),
          dt.date(2019, 10, 3), "dateline", "Beta Labs reported"),
    Shape("SEATTLE--(BUSINESS WIRE)--Gamma Corp. named a new chief", "SEATTLE--(BUSINESS WIRE)",
          "Seattle", None, "US", ("BusinessWire",), P, "page_date",
          "Gamma Corp. named a new chief"),
    Shape("Law360, Denver (October 3, 2019, 4:05 PM EDT) -- A judge threw out the claim.",
          "Law360, Denver (October 3, 2019, 4:05 PM EDT)", "Denver", None, "US", ("Law360",),
          dt.date(2019, 10, 3), "dateline", "A judge threw out the claim."),
    Shape("Frankfurt (dpa-AFX) - Die Aktie gab nach.", "Frankfurt (dpa-AFX)", "Frankfurt",
          None, "DE", ("dpa-AFX",), P, "page_date", "Die Aktie gab nach."),
    # several or compound credits
    Shape("Kumasi, Oct 3 (Xinhua/GNA) -- Cocoa farmers", "Kumasi, Oct 3 (Xinhua/GNA)",
          "Kumasi", None, "GH", ("Xinhua", "GNA"), dt.date(2019, 10, 3), "inferred_year",
          "Cocoa farmers"),
    Shape("Tamale, Oct 3, GNA - The regional minister", "Tamale, Oct 3, GNA", "Tamale", None,
          "GH", ("GNA",), dt.date(2019, 10, 3), "inferred_year", "The regional minister"),
    Shape("KARACHI (Dawn/ANN) - Port traffic picked up.", "KARACHI (Dawn/ANN)", "Karachi",
          None, "PK", ("ANN",), P, "page_date", "Port traffic picked up."),
    Shape("MOSCOW, Oct 3 (Site News / Sputnik - 3rd October, 2019) - Grain exports rose.",
          "MOSCOW, Oct 3 (Site News / Sputnik - 3rd October, 2019)", "Moscow", None, "RU",
          ("Sputnik",), dt.date(2019, 10, 3), "inferred_year", "Grain exports rose."),
    Shape("Kazan [Russia], Oct 3 (ANI): The festival opened.", "Kazan [Russia], Oct 3 (ANI)",
          "Kazan", None, "RU", ("ANI",), dt.date(2019, 10, 3), "inferred_year",
          "The festival opened."),
    Shape("(ANSA) - TORINO, 28 SET - I vigili del fuoco sono intervenuti.",
          "(ANSA) - TORINO, 28 SET", "Torino", None, "IT", ("ANSA",), dt.date(2019, 9, 28),
          "inferred_year", "I vigili del fuoco sono intervenuti."),
    Shape("SEVILLA, 4 (EUROPA PRESS)", "SEVILLA, 4 (EUROPA PRESS)", "Sevilla", None, "ES",
          ("Europa Press",), dt.date(2019, 10, 4), "inferred_year", ""),
    Shape("Havana, 26 abril (RHC).- Los ministros se reunieron.", "Havana, 26 abril (RHC)",
          "Havana", None, "CU", ("RHC",), dt.date(2019, 4, 26), "inferred_year",
          "Los ministros se reunieron."),
    # other languages, day first
    Shape("Moscou, 3 oct. (AFP) – La banque centrale a baissé son taux.",
          "Moscou, 3 oct. (AFP)", "Moscou", None, "RU", ("AFP",), dt.date(2019, 10, 3),
          "inferred_year", "La banque centrale a baissé son taux."),
    Shape("ABU DHABI, 3rd October, 2019 (WAM) -- The council met.",
          "ABU DHABI, 3rd October, 2019 (WAM)", "Abu Dhabi", None, "AE", ("WAM",),
          dt.date(2019, 10, 3), "dateline", "The council met."),
]


@pytest.mark.parametrize("case", SHAPES, ids=[c.line[:40] for c in SHAPES])
def test_real_page_shapes(case: Case) -> None:
    found = match_dateline(case.line, D, page_date=P)
    assert isinstance(found, DatelineMatch)
    d = found.dateline
    assert (d.raw, d.place, d.region, d.country) == (case.raw, case.place, case.region,
                                                      case.country)
    assert d.agencies == case.agencies
    assert (d.date, d.date_source) == (case.date, case.source)
    assert case.line[found.end :].strip() == case.rest


def test_without_a_page_stamp_the_dump_date_stands_in() -> None:
    found = match_dateline("NAIROBI — Traders closed early on Friday.", D)
    assert found is not None
    assert (found.dateline.date, found.dateline.date_source) == (D, "dump_date")
    found = match_dateline("OTTAWA, Oct 3 - Housing starts rose.", None)
    assert found is not None and (found.dateline.date, found.dateline.date_source) == (None,
                                                                                        None)


@pytest.mark.parametrize(
    "line",
    [
        "Kenya: Floods cut the main road to the coast",  # a headline, not a dateline
        "Date: 10/05/2020",  # a label (Date is also a town in Japan)
        "Time: May 01, 2019",
        "UPDATE: The story was revised at noon.",
        "Reuters reported that the talks had stalled.",
        "Reuters Washington bureau chief said",
        "Nairobi, Kenya: Matatu drivers struck.",
        "Addis-based traders said prices rose sharply this week.",
        "Paris (France) is a city of bridges.",
        "BREAKING — Markets rally on rate hopes",
        "Kyodo Oct 3",
        "UAE-Jordanian field hospital opens near the border",  # a compound adjective
        "AR: Arkansas Senate votes to override the veto",  # a state code heading a brief
        "IRIB | BBC",  # two sources, no place
        "Politics",
        "Washington",  # a title-case word alone may be a section name
        "(Nairobi)",
    ],
)
def test_not_a_real_page_dateline(line: str) -> None:
    assert match_dateline(line, D, page_date=P) is None


def test_no_break_spaces_in_a_dateline_are_spaces_and_the_raw_keeps_them() -> None:
    line = "SEOUL, South Korea\xa0 — Officials said the launch came at dawn."
    found = match_dateline(line, D)
    assert found is not None
    assert (found.dateline.place, found.dateline.country) == ("Seoul", "KR")
    assert found.dateline.raw == "SEOUL, South Korea"
    assert line[found.end :].strip() == "Officials said the launch came at dawn."
    thin = "Nairobi\u202f(AFP)\xa0Oct 3, 2019 - Rains closed the road."
    found = match_dateline(thin, D)
    assert found is not None and found.dateline.raw == "Nairobi\u202f(AFP)\xa0Oct 3, 2019"
    assert found.dateline.agencies == ("AFP",) and found.dateline.date == day(2019, 10, 3)


def test_spanish_year_after_del() -> None:
    found = match_dateline("CDMX, 4 de marzo del 2021.- El gobierno anunció el plan.", D)
    assert found is not None
    assert found.dateline.date == day(2021, 3, 4) and found.dateline.date_source == "dateline"
    assert found.dateline.raw == "CDMX, 4 de marzo del 2021"


@pytest.mark.parametrize(
    ("line", "place", "country"),
    [
        ("Wien. Der Nationalrat hat am Mittwoch das neue Budget mit knapper Mehrheit "
         "beschlossen.", "Wien", "AT"),
        ("Hamburg. Die Hafenbehörde meldet für das erste Quartal deutlich mehr Container "
         "als im Vorjahr.", "Hamburg", "DE"),
    ],
)
def test_german_city_and_a_full_stop(line: str, place: str, country: str) -> None:
    found = match_dateline(line, D)
    assert found is not None
    assert (found.dateline.raw, found.dateline.place, found.dateline.country) == (
        place, place, country
    )


@pytest.mark.parametrize(
    "line",
    [
        "Germany. The country voted on Sunday in an election that was closer than expected.",
        "New York. The city that never sleeps got a new subway line after twenty years.",
        "Paris. Short.",
        "Hamburg. Die Stadt.",
    ],
)
def test_a_full_stop_after_other_words_is_no_dateline(line: str) -> None:
    assert match_dateline(line, D) is None


# Shapes from the own-words shape corpus (tests/fixtures/real_shapes), parser 2.4.0.
@pytest.mark.parametrize(
    ("line", "raw", "place", "region", "country", "agencies", "date"),
    [
        ("LISBON/MADRID/ROME (Reuters) - Farm ministers met on Tuesday to share water.",
         "LISBON/MADRID/ROME (Reuters)", "Lisbon/Madrid/Rome", None, None, ("Reuters",), D),
        ("CIGONDONG/JAKARTA, Indonesia (Reuters) - Villagers dug through mud for a day.",
         "CIGONDONG/JAKARTA, Indonesia (Reuters)", "Cigondong/Jakarta", None, "ID",
         ("Reuters",), D),
        ("LISBON/MADRID (EFE) - Ministers met on Tuesday to share river water.",
         "LISBON/MADRID (EFE)", "Lisbon/Madrid", None, None, ("EFE",), D),
        ("SEOUL / AP — Shares slid on Monday as chip makers lost ground in early trade.",
         "SEOUL / AP", "Seoul", None, "KR", ("AP",), D),
        ("Lima / DPA — The cabinet approved a plan to widen the coastal highway.",
         "Lima / DPA", "Lima", None, "PE", ("dpa",), D),
        ("CEBU CITY (February 4) - The port authority opened a second ferry terminal.",
         "CEBU CITY (February 4)", "Cebu City", None, "PH", (), day(2018, 2, 4)),
        ("Denver, CO – June 2, 2020 – The company opened a new plant outside the city.",
         "Denver, CO – June 2, 2020", "Denver", "Colorado", "US", (), day(2020, 6, 2)),
        ("Vancouver, British Columbia TheNewswire - March 9, 2022 – Blue Ridge Mining said.",
         "Vancouver, British Columbia TheNewswire - March 9, 2022", "Vancouver",
         "British Columbia", "CA", ("TheNewswire",), day(2022, 3, 9)),
        ("Dallas | Reuters — Cattle futures rose on Friday as packers bid up cash prices.",
         "Dallas | Reuters", "Dallas", None, "US", ("Reuters",), D),
        ("AUSTIN, Texas, Feb. 2, 2021 /PRNewswire-PRWeb/ -- A software firm opened an office.",
         "AUSTIN, Texas, Feb. 2, 2021 /PRNewswire-PRWeb/", "Austin", "Texas", "US",
         ("PRNewswire", "PRWeb"), day(2021, 2, 2)),
        ("CALGARY, ALBERTA--(Marketwired - June 8, 2016) - Prairie Gas Ltd. said today.",
         "CALGARY, ALBERTA--(Marketwired - June 8, 2016)", "Calgary", "Alberta", "CA",
         ("Marketwired",), day(2016, 6, 8)),
        ("Milano, 12 set. (askanews) – La borsa ha chiuso in rialzo dopo una giornata calma.",
         "Milano, 12 set. (askanews)", "Milano", None, "IT", ("askanews",), day(2017, 9, 12)),
        ("ISFAHAN (FNA)- The provincial governor opened a new rail link on Sunday.",
         "ISFAHAN (FNA)", "Isfahan", None, "IR", ("Fars",), D),
        ("Minsk (Voice of Russia) Mar 3, 2012 - The two leaders met for talks on gas.",
         "Minsk (Voice of Russia) Mar 3, 2012", "Minsk", None, "BY", ("VOR",), day(2012, 3, 3)),
        ("Xinhua, March 4, 2016", "Xinhua, March 4, 2016", None, None, None, ("Xinhua",),
         day(2016, 3, 4)),
        ("CAPE CANAVERAL - A supply ship splashed down in the Atlantic after a month away.",
         "CAPE CANAVERAL", "Cape Canaveral", None, "US", (), D),
        ("DAVOS, Switzerland (AP) — Bankers gathered in the snow for the yearly forum.",
         "DAVOS, Switzerland (AP)", "Davos", None, "CH", ("AP",), D),
    ],
)
def test_shape_corpus_dateline_forms(
    line: str, raw: str, place: str | None, region: str | None, country: str | None,
    agencies: tuple[str, ...], date: dt.date,
) -> None:
    found = match_dateline(line, D)
    assert found is not None, line
    got = found.dateline
    assert (got.raw, got.place, got.region, got.country, got.agencies, got.date) == (
        raw, place, region, country, agencies, date
    )


@pytest.mark.parametrize(
    "line",
    [
        "Africa: Aid groups warn of a hungry season across the Sahel this year",
        "Asia: Markets Slip as Exporters Count the Cost of a Strong Yen",
        "Europe - Ministers Meet Again Over the Budget Rules in Brussels",
    ],
)
def test_a_continent_heading_a_title_is_no_dateline(line: str) -> None:
    assert match_dateline(line, D) is None


def test_a_place_slash_agency_runs_into_its_text() -> None:
    found = match_dateline("OSLO / AP Norway's wealth fund said on Tuesday it sold stakes.", D)
    assert found is not None and (found.dateline.raw, found.dateline.place) == ("OSLO / AP", "Oslo")
    assert match_dateline("Oslo / AP Photo", D) is None  # a picture's credit
    assert match_dateline("Kari Nordmann / AP Norway's fund said on Tuesday it sold.", D) is None


def test_a_byline_run_into_a_dateline_of_several_places_keeps_them_all() -> None:
    line = "By Anil Rao and Mira Das SRINAGAR/NEW DELHI (Reuters) - Phone lines were restored."
    found = match_dateline(line, D, anywhere=True)
    assert found is not None
    assert (found.dateline.raw, found.dateline.place, found.dateline.country) == (
        "SRINAGAR/NEW DELHI (Reuters)", "Srinagar/New Delhi", "IN"
    )


@pytest.mark.parametrize(
    ("line", "agencies"),
    [
        ("KUALA LUMPUR, June 25 (NNN-BERNAMA) -- Malaysia's palm oil exports rose in May.",
         ("NNN", "Bernama")),
        ("SRINAGAR, Mar 11 (KNO): Police said on Monday that two suspects were arrested.",
         ("KNO",)),
        ("LONDON (AFX) - Shares in the miner rose after it raised its output forecast.",
         ("AFX",)),
    ],
)
def test_more_credits_the_shape_corpus_showed(line: str, agencies: tuple[str, ...]) -> None:
    found = match_dateline(line, D)
    assert found is not None and found.dateline.agencies == agencies


@pytest.mark.parametrize(
    ("line", "place", "region", "country"),
    [
        ("ALABAMA Montgomery: The state won a grant to widen its early learning scheme.",
         "Montgomery", "Alabama", "US"),
        ("NEW HAMPSHIRE Concord: Lawmakers voted to keep the old toll plazas for a year.",
         "Concord", "New Hampshire", "US"),
        ("ARKANSAS Little Rock: A panel will hear plans to move the war memorial again.",
         "Little Rock", "Arkansas", "US"),
        ("ONTARIO Hamilton: The city council backed a new bus lane on the main street.",
         "Hamilton", "Ontario", "CA"),
    ],
)
def test_a_state_by_state_item_names_the_state_then_its_town(
    line: str, place: str, region: str, country: str
) -> None:
    found = match_dateline(line, None)
    assert found is not None
    assert (found.dateline.place, found.dateline.region, found.dateline.country) == (
        place, region, country
    )
    assert line[found.end :].startswith(("The", "Lawmakers", "A ", "The city"))


@pytest.mark.parametrize(
    "line",
    [
        "TEXAS Governor: We will not raise the gas tax this year, whatever the deficit.",
        "BRIEFLY Stockton: Police say a crackdown on gangs led to dozens of arrests.",
        "ALABAMA Montgomery: Grant won.",
    ],
)
def test_a_state_word_before_a_title_or_a_short_note_is_no_dateline(line: str) -> None:
    found = match_dateline(line, None)
    assert found is None or found.dateline.region is None


def test_a_line_asked_again_with_other_dates_gets_its_own_answer() -> None:
    # match_dateline keeps its answers across dumps: the dump's and the page's dates are
    # part of what is asked, so one line read in two crawls is dated by each crawl.
    line = "PARIS, Oct 3 (AFP) - Ministers met on Monday to talk about the budget."
    first = match_dateline(line, dt.date(2019, 10, 5))
    again = match_dateline(line, dt.date(2021, 10, 5))
    stamped = match_dateline(line, dt.date(2021, 10, 5), page_date=dt.date(2016, 10, 4))
    assert first is not None and again is not None and stamped is not None
    assert first.dateline.date == dt.date(2019, 10, 3)
    assert again.dateline.date == dt.date(2021, 10, 3)
    assert stamped.dateline.date == dt.date(2016, 10, 3)
    assert match_dateline(line, dt.date(2019, 10, 5)) == first


def test_a_timestamp_as_dump_date_counts_by_its_day() -> None:
    line = "PARIS, Oct 3 (AFP) - Ministers met on Monday to talk about the budget."
    stamped = match_dateline(line, dt.datetime(2019, 10, 5, 23, 59))
    assert stamped == match_dateline(line, dt.date(2019, 10, 5))
