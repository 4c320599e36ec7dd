"""Shapes from the dev misses of rounds 35 and 36 (parser 2.24.0), in our own words."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.parse.byline import parse_byline
from etl.parse.dateline import match_dateline
from etl.parse.lines import is_title_like
from etl.parse.unwrap import unwrap_lines
from tests.parse.test_real_shapes import parse

D = dt.date(2021, 6, 4)

# A court digest's headlines, in blocks of titles whose lengths happen to line up like the
# lines of a paragraph wrapped at one column (the page holds no other block to tell).
_DIGEST = (
    "/srv/www/bulletin/210604.txt        W E E K L Y   C O U R T   B U L L E T I N\n"
    "\n"
    "            Friday, June 4, 2021, Vol. 12, No. 88\n"
    "\n"
    "Headlines\n"
    "\n"
    "HARBOR FOODS: Motion to Dismiss Baker Suit Partly Granted\n"
    "IVORY LOGISTICS: Wage Suit by Drivers Dropped With Prejudice\n"
    "JUNIPER BANK: Hit With Privacy Suit Over Recorded Calls\n"
    "KESTREL MOTORS: Bid to Delay Certification Briefing Denied\n"
    "LINDEN HEALTH: Sued for Overtime Over Pre-Shift Screening\n"
    "\n"
    "MAPLE SOFTWARE: Patients Sue Over Exposure of Their Records\n"
    "NORTHWIND MINING: Class Certification Bid Denied as Premature\n"
)


def test_a_block_of_titles_is_not_joined_as_wrapped_prose() -> None:
    lines = unwrap_lines(_DIGEST, D)
    assert "JUNIPER BANK: Hit With Privacy Suit Over Recorded Calls" in lines
    # where a page has a list of titles, a block of two titles is one too
    assert "MAPLE SOFTWARE: Patients Sue Over Exposure of Their Records" in lines
    assert len(lines) == 10  # (the masthead and stamp lines, the label, seven titles)


def test_each_title_of_the_digest_is_a_story() -> None:
    dump = parse(_DIGEST, name="digest-2021-06-04.txt")
    heads = [s.headline for s in dump.stories]
    assert "HARBOR FOODS: Motion to Dismiss Baker Suit Partly Granted" in heads
    assert "NORTHWIND MINING: Class Certification Bid Denied as Premature" in heads
    assert sum(1 for s in dump.stories if s.is_teaser) >= 7


def test_a_caption_printed_twice_is_no_list_of_titles() -> None:
    text = (
        "Rescue teams searched the flooded valley through the night and into the morning.\n"
        "\n"
        "Volunteers carry sandbags along the river bank near the old mill on Sunday\n"
        "Volunteers carry sandbags along the river bank near the old mill on Sunday\n"
        "Pablo ROSSI, AFP\n"
        "\n"
        "Officials said more rain was expected in the hills before the weekend.\n"
    )
    lines = unwrap_lines(text, D)
    assert sum(1 for line in lines if line.startswith("Volunteers carry")) == 1


@pytest.mark.parametrize(
    ("line", "raw", "place", "country", "agency"),
    [
        # Yonhap's Japanese service, bracketed as Kyodo's is
        ("【ソウル聯合ニュース】韓国の首相は1日、山火事の対応を検証すると述べた。",
         "【ソウル聯合ニュース】", "ソウル", "KR", "Yonhap"),
        ("【東京聯合ニュース】日本の外相は2日、訪韓の日程を明らかにした。",
         "【東京聯合ニュース】", "東京", "JP", "Yonhap"),
        # Yonhap's Chinese service, in Xinhua's dispatch form
        ("韩联社首尔5月1日电 韩国政府1日表示,将扩大对中小企业的支持。",
         "韩联社首尔5月1日电", "首尔", "KR", "Yonhap"),
        # Xinhua's Japanese service
        ("【新華社北京1月7日】中国の外務省は7日、記者会見を開いた。",
         "【新華社北京1月7日】", "北京", "CN", "Xinhua"),
    ],
)
def test_east_asian_services_of_the_agencies(
    line: str, raw: str, place: str, country: str, agency: str
) -> None:
    found = match_dateline(line, dt.date(2026, 1, 9))
    assert found is not None
    assert found.dateline.raw == raw
    assert found.dateline.place == place
    assert found.dateline.country == country
    assert found.dateline.agencies == (agency,)


def test_xinhua_japanese_dateline_gives_its_day() -> None:
    found = match_dateline("【新華社北京1月7日】中国の外務省は7日、会見した。", dt.date(2026, 1, 9))
    assert found is not None and found.dateline.date == dt.date(2026, 1, 7)


def test_japanese_titles_over_bracketed_datelines_are_each_a_story() -> None:
    dump = parse(
        "韓国一般ニュース\n"
        "首相「対応の遅れは許さない」 山火事の検証へ決意\n"
        "【ソウル聯合ニュース】韓国の首相は1日、山火事の対応を検証すると述べた。\n"
        "与党の支持率40.5% 小幅上昇=野党は37.2%\n"
        "【ソウル聯合ニュース】世論調査会社が1日に公表した結果によると、与党の支持率が上がった。\n"
        "「市民が守った千日」 被災地の歩み=洪水から3年\n"
        "【ソウル聯合ニュース】南部を襲った洪水から間もなく3年となる。\n"
    )
    heads = [s.headline for s in dump.stories]
    assert heads == [
        "首相「対応の遅れは許さない」 山火事の検証へ決意",
        "与党の支持率40.5% 小幅上昇=野党は37.2%",
        "「市民が守った千日」 被災地の歩み=洪水から3年",
    ]
    assert all(s.agencies == ("Yonhap",) for s in dump.stories)


def test_a_title_may_open_with_a_japanese_quote_bracket() -> None:
    assert is_title_like("「市民が守った千日」 被災地の歩み=洪水から3年")
    assert not is_title_like("「市民が守った千日」と述べ、被災地の歩みを振り返った。")


def test_afp_video_service_credits_afp() -> None:
    dump = parse(
        "Senegal: crowds gather in Dakar after two arrests\n"
        "par AFPTV - Premieres images\n"
        "Dozens of young people gathered in a working-class district of the capital on Friday.\n"
    )
    assert dump.stories[0].agencies == ("AFP",)


@pytest.mark.parametrize(
    ("line", "raw"),
    [
        ("Mosca, 24 feb. La Russia lamenta il silenzio di Minsk sul rinnovo dell'intesa.",
         "Mosca, 24 feb."),
        ("Paris, 11 nov. Les manifestants se sont rassemblés place de la République.",
         "Paris, 11 nov."),
    ],
)
def test_place_and_day_closed_by_a_stop(line: str, raw: str) -> None:
    found = match_dateline(line, D)
    assert found is not None and found.dateline.raw == raw


def test_place_and_day_without_a_stop_stay_prose_in_mixed_case() -> None:
    assert match_dateline("Paris, 11 nov Les manifestants se sont rassemblés hier.", D) is None


@pytest.mark.parametrize(
    ("line", "authors", "agencies"),
    [
        ("By AP Economics Writer Tobias Wren", ("Tobias Wren",), ("AP",)),
        ("By Congressional Correspondent Miriam Okafor", ("Miriam Okafor",), ()),
        ("By AP Diplomatic Writer Ann Lee and Bob Roe", ("Ann Lee", "Bob Roe"), ("AP",)),
        ("By White House Correspondent Dana Pruitt", ("Dana Pruitt",), ()),
        ("By Zacks Equity Research", (), ("Zacks",)),
        # a surname that is a role word stays a name
        ("By Ann Writer Lee", ("Ann Writer Lee",), ()),
    ],
)
def test_beat_before_the_name(
    line: str, authors: tuple[str, ...], agencies: tuple[str, ...]
) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors
    assert byline.agencies == agencies


@pytest.mark.parametrize(
    ("line", "agency", "date"),
    [
        ("December 30, 2017 (PRLEAP.COM) A garden shop opens its online store with a sale.",
         "PRLEAP", dt.date(2017, 12, 30)),
        ("DENVER, CO, June 3, 2019 /PRLog/ -- The bakery said it would open a second shop.",
         "PRLog", dt.date(2019, 6, 3)),
    ],
)
def test_release_wires_joined_the_registry(line: str, agency: str, date: dt.date) -> None:
    found = match_dateline(line, D)
    assert found is not None
    assert found.dateline.agencies == (agency,)
    assert found.dateline.date == date


@pytest.mark.parametrize(
    ("line", "raw", "date"),
    [
        # a place in capitals, a colon, the day: a picture agency's caption dateline
        ("KARACHI: September 20 - Boys fly kites from a rooftop in the old quarter.",
         "KARACHI: September 20", dt.date(2023, 9, 20)),
        # no space after the commas
        ("HARARE,March 31,2011--- Two men were arrested at a roadblock on Thursday.",
         "HARARE,March 31,2011", dt.date(2011, 3, 31)),
    ],
)
def test_more_date_only_forms(line: str, raw: str, date: dt.date) -> None:
    found = match_dateline(line, dt.date(2023, 9, 21))
    assert found is not None
    assert found.dateline.raw == raw
    assert found.dateline.date == date


@pytest.mark.parametrize(
    "line",
    [
        "Date: Nov 10, 2017",
        "Time: May 01, 2019 The report said growth was fastest in online retail.",
        "DATE: Nov 10, 2017 - The council met on Friday.",
    ],
)
def test_a_stamp_label_and_a_colon_is_no_place(line: str) -> None:
    assert match_dateline(line, D) is None
