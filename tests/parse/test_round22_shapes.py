"""Shapes from the twenty-second gathering of real pages (parser 2.19.0), in our own words:
a list cut off by the page's end under the next item's title (split.py
`_longer_than_its_list`), a mirrored agency bulletin's numbered contents and its source line
(`_bullet_titles`, agencies.py `mirror_source_agency`), a news briefing of items opened by
titles in capitals (`_ruled_titles`, `_briefing_header`), and a time stamp glued to a
dateline whose place the gazetteer lacks (nothing of the line may be lost)."""

from __future__ import annotations

from etl.parse.agencies import mirror_source_agency
from tests.parse.test_split import parse, texts

# -- a title cut off by the page's end ------------------------------------------------------

CUT_LIST = (
    "Weekly roundup of harbour stories\n"
    "\n"
    "Ferry line adds two evening crossings to the islands\n"
    "\n"
    "PORTSMOUTH -- The ferry operator will add two evening sailings from next month, its\n"
    "managers said on Friday, after a summer of record bookings on the island routes.\n"
    "\n"
    "Bookings rose by a fifth on last year, helped by cheaper fares for families.\n"
    "\n"
    "\n"
    "Harbour crane to halve grain unloading times, port says\n"
    "\n"
    "PORTSMOUTH -- A new crane on the east quay will halve the time needed to unload grain\n"
    "ships, the port authority said on Thursday as the machine was handed over.\n"
    "\n"
    "The crane cost eleven million pounds and was built over eighteen months.\n"
    "\n"
    "\n"
    "Dock workers vote on new shift pattern after pay talks\n"
    "\n"
    "SOUTHAMPTON -- Dock workers began voting on Wednesday on a new shift pattern agreed in\n"
    "talks with the port's operators after weeks of negotiations.\n"
    "\n"
    "The result of the ballot is due at the end of the month, the union said.\n"
    "\n"
    "\n"
    "Lighthouse keepers' cottages to open as museum in spr"
)


def test_a_title_cut_by_the_page_end_under_a_list_is_one_more_item() -> None:
    dump = parse(CUT_LIST)
    heads = [s.headline for s in dump.stories]
    assert heads[-1] == "Lighthouse keepers' cottages to open as museum in spr"
    assert len(dump.stories) == 4
    assert texts(dump.stories[2])[-1].startswith("The result of the ballot")


def test_a_long_cut_sentence_under_the_last_item_stays_its_text() -> None:
    long_cut = CUT_LIST.rsplit("\n", 1)[0] + (
        "\nThe union's branch secretary said members had been consulted at every st"
    )
    dump = parse(long_cut)
    assert len(dump.stories) == 3
    assert texts(dump.stories[-1])[-1].startswith("The union's branch secretary")


def test_an_item_with_more_paragraphs_than_its_list_keeps_them() -> None:
    # The last item told at length: its last line is no title, though the page ends there.
    whole = CUT_LIST.rsplit("\n", 1)[0] + "\nWork is due to start in the spring."
    dump = parse(whole)
    assert len(dump.stories) == 3
    assert texts(dump.stories[-1])[-1] == "Work is due to start in the spring."


# -- a mirrored agency bulletin ------------------------------------------------------------

BULLETIN = (
    "Search the archive Read the treaty on the straits and the protocol signed with it in the"
    " spring of that year by the parties\n"
    "Regional Resources Network Compact version\n"
    "Home About News Documents Contact us\n"
    "\n"
    "Anadolu Agency: News in English, 03-05-14\n"
    "\n"
    "From: The Anadolu Agency Home Page at <http://www.example-agency.test/>\n"
    "\n"
    "14 MAY 2003 Wednesday\n"
    "\n"
    "CONTENTS\n"
    "\n"
    "  • [01] MINISTER OPENS NEW GRAIN TERMINAL AT BLACK SEA PORT\n"
    "  • [02] CENTRAL BANK KEEPS INTEREST RATES ON HOLD\n"
    "  • [03] PARLIAMENT DEBATES NEW TRAFFIC LAW\n"
    "  • [04] TRADE DELEGATION LEAVES FOR CENTRAL ASIA\n"
    "  • [05] FOREST FIRE UNDER CONTROL NEAR COASTAL RESORT\n"
    "\n"
    "  • [01] MINISTER OPE"
)


def test_a_bulletins_numbered_contents_are_teasers_under_the_mirrors_menus() -> None:
    dump = parse(BULLETIN)
    listed = [s for s in dump.stories if s.headline and s.headline.startswith("[0")]
    assert [s.headline for s in listed] == [
        "[01] MINISTER OPENS NEW GRAIN TERMINAL AT BLACK SEA PORT",
        "[02] CENTRAL BANK KEEPS INTEREST RATES ON HOLD",
        "[03] PARLIAMENT DEBATES NEW TRAFFIC LAW",
        "[04] TRADE DELEGATION LEAVES FOR CENTRAL ASIA",
        "[05] FOREST FIRE UNDER CONTROL NEAR COASTAL RESORT",
    ]
    assert all(s.is_teaser for s in listed)
    assert all(s.agencies == ("AA",) for s in listed)  # the source line names the agency


POINTS = (
    "Port authority sets out plans for the east quay\n"
    "\n"
    "ISTANBUL (AA) - The port authority on Tuesday set out its plans for the east quay,"
    " which it said would double the grain the port can handle.\n"
    "\n"
    "  • {}NEW GRAIN TERMINAL TO OPEN AT BLACK SEA PORT\n"
    "  • {}TWO MORE CRANES ON ORDER FOR THE EAST QUAY\n"
    "  • {}RAIL LINK TO THE QUAY DUE NEXT YEAR\n"
    "  • {}CUSTOMS HALL TO BE REBUILT AND ENLARGED\n"
    "  • {}NIGHT SHIFTS TO START IN THE AUTUMN\n"
)


def test_bulleted_key_points_under_a_story_stay_its_text() -> None:
    # Under a story's text, bullets are its points; "[01]" numbering marks contents.
    dump = parse(POINTS.format(*([""] * 5)))
    assert len(dump.stories) == 1
    assert texts(dump.stories[0])[-1].endswith("NIGHT SHIFTS TO START IN THE AUTUMN")
    numbered = parse(POINTS.format(*(f"[0{n}] " for n in range(1, 6))))
    assert len(numbered.stories) == 6


def test_a_mirrors_source_line_names_the_bulletins_agency() -> None:
    assert mirror_source_agency("From: The Athens News Agency at <http://www.example.gr/>") == (
        "ANA-MPA"
    )
    assert mirror_source_agency("From: The Anadolu Agency Home Page at <http://x.test/>") == "AA"
    assert mirror_source_agency("From: Halvard  Read Replies (2) of 1894") is None
    assert mirror_source_agency("From: The Lakeside Garden Club at <http://x.test/>") is None


# -- a news briefing ------------------------------------------------------------------------

BRIEFING = (
    "The Tuesday news briefing: An at-a-glance survey of some top stories\n"
    "\n"
    "By The Canadian Press\n"
    "\n"
    "Highlights from the news file for Tuesday, March 7\n"
    "\n"
    "———\n"
    "\n"
    "CITY COUNCIL APPROVES NEW BIKE LANES: Council voted on Monday to add twelve kilometres of"
    " protected lanes downtown. The work is to begin in May and end before the first snow.\n"
    "\n"
    "———\n"
    "\n"
    "PROVINCE TO HIRE MORE RURAL NURSES:The province says it will fund two hundred new"
    " nursing posts in small towns over three years, starting with the north.\n"
    "\n"
    "———\n"
    "\n"
    "MUSEUM RECEIVES GIFT OF PRAIRIE PAINTINGS: A collector has given forty landscapes to the"
    " provincial museum, which plans to show them next winter.\n"
)


def test_a_briefings_items_are_its_stories_credited_to_its_agency() -> None:
    dump = parse(BRIEFING)
    assert [s.headline for s in dump.stories] == [
        "CITY COUNCIL APPROVES NEW BIKE LANES",
        "PROVINCE TO HIRE MORE RURAL NURSES",
        "MUSEUM RECEIVES GIFT OF PRAIRIE PAINTINGS",
    ]
    assert texts(dump.stories[1]) == [
        "The province says it will fund two hundred new nursing posts in small towns over three"
        " years, starting with the north."
    ]
    assert all(s.agencies == ("CP",) for s in dump.stories)
    assert not any(s.is_teaser for s in dump.stories)


def test_a_briefing_without_rules_is_one_too() -> None:
    dump = parse(BRIEFING.replace("———\n\n", ""))
    assert len(dump.stories) == 3
    assert dump.stories[2].headline == "MUSEUM RECEIVES GIFT OF PRAIRIE PAINTINGS"


EXPLAINER = (
    "Court strikes down city's curfew for teenagers\n"
    "\n"
    "DENVER (AP) — A state court on Monday struck down a city curfew for teenagers, saying"
    " it was too broad to stand.\n"
    "\n"
    "WHY IT MATTERS: The ruling affects similar rules in a dozen other cities.\n"
    "\n"
    "WHAT'S NEXT: The city may appeal to the supreme court within thirty days.\n"
    "\n"
    "WHO IT AFFECTS: About forty thousand teenagers live within the city limits.\n"
)


def test_an_explainers_run_in_labels_stay_one_story() -> None:
    dump = parse(EXPLAINER)
    assert len(dump.stories) == 1
    assert texts(dump.stories[0])[-1].startswith("WHO IT AFFECTS:")


# -- a stamp glued to a dateline the gazetteer cannot place whole ---------------------------


def test_a_stamp_glued_to_an_unknown_place_loses_nothing() -> None:
    # parse() asserts that every line is accounted for, word for word.
    dump = parse(
        "Meer uit Binnenland\n"
        "1 uur geledenROTTERDAM (ANP) - Een brand in een loods trok veel bekijks.\n"
        "7 uur geledenBERGEN AAN ZEE (ANP) - De strandrace werd stilgelegd door de wind.\n"
        "9 uur geledenUTRECHT (ANP) - Winkeliers klagen over de nieuwe venstertijden.\n"
    )
    assert len(dump.stories) >= 3


# -- a source line labelled in another language ---------------------------------------------


def test_a_source_line_in_other_languages_credits_its_agency() -> None:
    from etl.parse.agencies import credit_line

    assert credit_line("Źródło: PAP") == ("PAP",)
    assert credit_line("Источник: ТАСС") == ("TASS",)
    assert credit_line("Kaynak: AA") == ("AA",)
    assert credit_line("Bron: ANP") == ("ANP",)
    assert credit_line("Źródło: archiwum rodzinne") == ()  # a source, but no agency
    dump = parse(
        "Most nad Wisłą otwarty po dwóch latach remontu\n"
        "\n"
        "Most w centrum miasta został w sobotę ponownie otwarty dla ruchu po remoncie, który"
        " trwał dwa lata i kosztował więcej, niż planowano.\n"
        "\n"
        "Źródło: PAP\n"
    )
    assert dump.stories[0].agencies == ("PAP",)


# -- an agency naming its own reporting -------------------------------------------------------


def test_an_agency_that_learned_it_is_the_storys_credit() -> None:
    dump = parse(
        "Border crossings to open for longer in summer\n"
        "\n"
        "Two checkpoints on the western border will stay open around the clock from June, BelTA"
        " learned from the State Border Committee.\n"
        "\n"
        "The committee said queues of lorries had grown by a third since the spring.\n"
    )
    assert dump.stories[0].agencies == ("BelTA",)
    told = parse(
        "Border crossings to open for longer in summer\n"
        "\n"
        "Two checkpoints will stay open around the clock from June, an official told AFP.\n"
    )
    assert told.stories[0].agencies == ()  # a paper may quote what was told to an agency


# -- titles in scripts without capitals -------------------------------------------------------


def test_chinese_japanese_and_korean_lines_can_be_titles() -> None:
    from etl.parse.lines import is_title_like

    assert is_title_like("港口新建起重机将粮食卸货时间缩短一半")
    assert is_title_like("港の新しいクレーン、穀物の荷揚げ時間を半分に")
    assert is_title_like("항구 새 크레인, 곡물 하역 시간 절반으로 줄여")
    # A sentence of text ends with its full stop; a long line is text, not a title.
    assert not is_title_like("港口管理局周四表示，新起重机将使卸载粮食船只所需的时间缩短一半。")
    assert not is_title_like("港口" * 40)
    assert not is_title_like("港口")  # one word


def test_a_xinhua_dispatchs_reporters_are_its_byline() -> None:
    dump = parse(
        "港口新建起重机将粮食卸货时间缩短一半\n"
        "\n"
        "新华社天津3月14日电（记者林晓东 孙悦）港口管理局周四表示，"
        "新起重机将使卸载粮食船只所需的时间缩短一半。\n"
        "\n"
        "这台起重机耗资一千一百万元。\n"
    )
    story = dump.stories[0]
    assert story.dateline is not None and story.dateline.raw == "新华社天津3月14日电"
    assert story.dateline.agencies == ("Xinhua",)
    assert story.byline is not None and story.byline.authors == ("林晓东", "孙悦")
    assert texts(story)[0].startswith("港口管理局周四表示")


def test_yonhaps_reporters_are_its_byline() -> None:
    dump = parse(
        "항구 새 크레인, 곡물 하역 시간 절반으로 줄여\n"
        "\n"
        "(서울=연합뉴스) 김하늘 박도윤 기자 = 항만공사는 새 크레인이 곡물선 하역 시간을 절반으로"
        " 줄일 것이라고 14일 밝혔다.\n"
    )
    story = dump.stories[0]
    assert story.dateline is not None and story.dateline.raw == "(서울=연합뉴스)"
    assert story.dateline.agencies == ("Yonhap",) and story.dateline.country == "KR"
    assert story.byline is not None and story.byline.authors == ("김하늘", "박도윤")
    assert texts(story)[0].startswith("항만공사는")
