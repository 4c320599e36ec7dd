"""The splitter's structural rules, one small inline dump per case (all text invented here).

Every case also checks the "nothing is lost" rule with `unaccounted()`, which other test
modules import.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter

import pytest

from etl.model import DumpError, DumpText, ParsedDump, RejectReason
from etl.parse import parse_bytes, parse_text
from etl.parse.agencies import credit_line
from etl.parse.lines import is_title_like

# Characters that may sit between the pieces of one line without being kept anywhere:
# separators around datelines and subheads, list bullets (lines.py BULLET_MARKS, which the
# parser strips from a listed title), and "read more" markers.
_GAP = re.compile(
    r"(?:\s|[-–—_:|/.,;()\[\]•·*▪►▸◦◆■»>›→]|[(\[](?:\.{2,}|…)[)\]](?=\s*read\s+more)"
    r"|(?<=\w)[ \t]{2,}more\b"  # the SpaceDaily family's bare "  more" link
    r"|(?<=[.!?\"”’])more(?=[ \t]*(?:»|>>|›))"  # a summary's "More >>" glued to it
    r"|(?:\.{2,}|…)?\s*[(\[]?\s*(?:read\s+more|continue\s+reading"
    r"|(?:read\s+(?:the\s+)?)?full\s+(?:story|article)|leer\s+m[áa]s|lire\s+la\s+suite|weiterlesen"
    r"|leggi\s+tutto|lees\s+meer|leia\s+mais|saiba\s+mais)\s*[)\]]?)*",
    re.IGNORECASE,
)


def _pieces(dump: ParsedDump) -> tuple[Counter[str], Counter[str]]:
    """(required, optional): every piece of text the parse claims came from the dump.
    Headlines are optional: they may come from the header line or the HTML title."""
    required: Counter[str] = Counter()
    optional: Counter[str] = Counter()
    if dump.header:
        required[dump.header.strip()] += 1
    for story in dump.stories:
        if story.headline:
            optional[story.headline] += 1
        if story.byline:
            required[story.byline.raw] += 1
        if story.dateline:
            required[story.dateline.raw] += 1
        for paragraph in story.paragraphs:
            required[paragraph.text] += 1
    for item in dump.leftover:
        # A leftover made of separators and "read more" markers only ("•", "|",
        # "• read more") cannot be told from a gap.
        (optional if _GAP.fullmatch(item) else required)[item] += 1
    return required, optional


def _cover(line: str, required: Counter[str], optional: Counter[str]) -> bool:
    """Can the line be cut, left to right, into pieces from the pools with only gaps
    between them? Depth-first with backtracking (an explicit stack: flattened pages give
    thousands of pieces per line); spends pieces only on success."""
    pools = [(piece, pool) for pool in (required, optional) for piece in pool if piece]
    by_head: dict[str, list[tuple[str, Counter[str]]]] = {}
    short: list[tuple[str, Counter[str]]] = []
    for piece, pool in pools:
        if len(piece) >= 4:
            by_head.setdefault(piece[:4], []).append((piece, pool))
        else:
            short.append((piece, pool))

    def options(pos: int) -> list[tuple[int, str, Counter[str]]]:
        gap = _GAP.match(line, pos)
        assert gap is not None
        found = []
        for at in range(pos, gap.end() + 1):
            if at > pos and _GAP.fullmatch(line, pos, at) is None:
                continue  # inside a "read more" marker: no piece starts there
            for piece, pool in [*by_head.get(line[at : at + 4], ()), *short]:
                if pool[piece] > 0 and line.startswith(piece, at):
                    found.append((at, piece, pool))
        found.sort(key=lambda o: (o[0], -len(o[1])))
        return found

    # A page repeated over and over has few distinct pieces but many ways to spend them:
    # remember the (position, pieces left) states that failed, so none is searched twice.
    memo = len(pools) <= 64
    failed: set[tuple[int, tuple[int, ...]]] = set()

    def state(pos: int) -> tuple[int, tuple[int, ...]]:
        return pos, tuple(pool[piece] for piece, pool in pools)

    # frame: [pos, options, next option, piece spent by this frame's current choice]
    stack: list[list] = [[0, options(0), 0, None]]
    steps = 0
    while stack:
        steps += 1
        if steps > 200_000:
            return False
        frame = stack[-1]
        pos, opts, nxt, spent = frame
        if spent is not None:
            spent[1][spent[0]] += 1
            frame[3] = None
        if nxt < len(opts):
            frame[2] += 1
            at, piece, pool = opts[nxt]
            if pool[piece] <= 0:
                continue
            pool[piece] -= 1
            frame[3] = (piece, pool)
            if memo and state(at + len(piece)) in failed:
                continue  # (the piece is given back at the top of the loop)
            stack.append([at + len(piece), options(at + len(piece)), 0, None])
            continue
        if _GAP.fullmatch(line, pos) is not None:
            return True
        if memo:
            failed.add(state(pos))
        stack.pop()
    return False


JOIN_REACH = 8  # the most lines one piece joined from neighbours is looked for


def unaccounted(text: str, dump: ParsedDump) -> list[str]:
    """Problems with the nothing-lost rule: lines no piece accounts for, and pieces that
    no line holds (invented text). Empty when every non-blank line lands exactly once.

    A hard-wrapped paragraph is one piece made of several lines: consecutive lines of one
    blank-line-separated block that no piece covers alone are covered together, joined by a
    space (or by nothing after a word hyphenated at the line end), so each source line is
    a substring of the joined paragraph."""
    required, optional = _pieces(dump)
    problems = []
    lines: list[tuple[int, int, str]] = []  # (block, line in block, text)
    block, at = 0, 0
    for raw in text.split("\n"):
        if raw.strip():
            lines.append((block, at, raw.strip()))
            at += 1
        elif at:
            block, at = block + 1, 0
    # A piece that is exactly some neighbouring lines joined ("Title" printed twice, joined
    # as one unit) claims them first, so a later line of the same text keeps its own piece.
    joined_lines: set[int] = set()
    for first in range(len(lines)):
        for end in range(min(len(lines), first + JOIN_REACH), first + 1, -1):
            run = lines[first:end]
            if run[-1][0] != run[0][0] or joined_lines.intersection(range(first, end)):
                continue
            joinings = _joinings([w[2] for w in run])
            hit = next((j for j in joinings if required[j] > 0 or optional[j] > 0), None)
            if hit is not None:
                (required if required[hit] > 0 else optional)[hit] -= 1
                joined_lines.update(range(first, end))
                break
    composite = []
    for index, where in enumerate(lines):  # whole-line pieces next, before any composite
        if index in joined_lines:
            continue
        if required[where[2]] > 0:
            required[where[2]] -= 1
        else:
            composite.append(where)
    failed = [where for where in composite if not _cover(where[2], required, optional)]
    for run in _runs(failed):
        if len(run) >= 2 and any(
            _cover(joined, required, optional) for joined in _joinings([w[2] for w in run])
        ):
            continue
        problems.extend(f"line not accounted for: {w[2][:120]!r}" for w in run)
    problems.extend(
        f"piece found in no line: {piece[:120]!r}" for piece, n in required.items() if n > 0
    )
    return problems


def _runs(lines: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Lines grouped into runs of neighbours inside one block."""
    runs: list[list[tuple[int, int, str]]] = []
    for where in lines:
        if runs and runs[-1][-1][0] == where[0] and runs[-1][-1][1] + 1 == where[1]:
            runs[-1].append(where)
        else:
            runs.append([where])
    return runs


def _joinings(lines: list[str]) -> list[str]:
    spaced = " ".join(lines)
    unhyphenated = re.sub(r"(?<=[^\W\d_]-) (?=[^\W\d_])", "", spaced)
    return [spaced] if unhyphenated == spaced else [spaced, unhyphenated]


def doc(text: str, source: str = "dump.txt", **meta: object) -> DumpText:
    return DumpText(
        source=source,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        format=meta.pop("format", "text"),  # type: ignore[arg-type]
        encoding="utf-8",
        text=text,
        **meta,  # type: ignore[arg-type]
    )


def parse(text: str, source: str = "dump.txt", dump_date: dt.date | None = None, **meta: object):
    dump = parse_text(doc(text, source, **meta), dump_date=dump_date)
    problems = unaccounted(text, dump)
    assert not problems, problems
    return dump


def texts(story) -> list[str]:
    return [p.text for p in story.paragraphs]


SEED_STYLE = """ date 2019-03-14 Dam talks stall as river levels fall across the delta

By Karin HOLMQVIST

Cairo (AFP) March 14, 2019

Negotiators from three countries left the talks without a timetable, officials said.

The river has dropped to its lowest spring level in a decade, according to the irrigation ministry.

- Farmers count the cost -

Growers in the northern delta said they had planted a third less rice than last year.

"We are watching the sky and the dam at the same time," said one farmer near Tanta.

-- A second subhead --

Talks are due to resume next month in Addis Ababa.

Khartoum (AFP) March 12, 2019



Sudan announced a currency measure as queues for bread lengthened in the capital ... read more

Nairobi (AFP) March 11, 2019

Kenyan tea exporters expect a smaller harvest, the growers' association said ... read more

Related Links
Nile Basin Desk at AfricaDaily.com
"""


def test_seed_style_dump_main_story_teasers_and_leftover() -> None:
    dump = parse(SEED_STYLE, "afp-2019-03-14-nile.txt")
    assert dump.dump_date == dt.date(2019, 3, 14)
    assert dump.header == "date 2019-03-14 Dam talks stall as river levels fall across the delta"
    assert [s.role for s in dump.stories] == ["main", "related", "related"]
    assert [s.is_teaser for s in dump.stories] == [False, True, True]
    main = dump.stories[0]
    assert main.headline == "Dam talks stall as river levels fall across the delta"
    assert main.byline is not None and main.byline.raw == "By Karin HOLMQVIST"
    assert main.dateline is not None and main.dateline.raw == "Cairo (AFP) March 14, 2019"
    assert main.dateline.date == dt.date(2019, 3, 14)
    assert main.agencies == ("AFP",)
    kinds = [p.kind for p in main.paragraphs]
    assert kinds.count("subhead") == 2
    assert [p.text for p in main.paragraphs if p.kind == "subhead"] == [
        "Farmers count the cost",
        "A second subhead",
    ]
    assert len(main.paragraphs) == 7
    assert texts(main)[-1] == "Talks are due to resume next month in Addis Ababa."
    teaser = dump.stories[1]
    assert teaser.headline is None and teaser.byline is None
    assert teaser.dateline is not None and teaser.dateline.raw == "Khartoum (AFP) March 12, 2019"
    assert texts(teaser) == [
        "Sudan announced a currency measure as queues for bread lengthened in the capital"
    ]
    assert texts(dump.stories[2])[0].endswith("the growers' association said")
    assert dump.leftover == ("Related Links", "Nile Basin Desk at AfricaDaily.com")


def test_dateline_opening_the_first_paragraph_keeps_the_rest_of_the_line() -> None:
    text = (
        "Port workers walk out over pension plan\n\n"
        "ROTTERDAM, Nov 11, 2017 (AFP) - Dock workers at Europe's largest port stopped work "
        "on Saturday in a dispute over pensions.\n\n"
        "The union said the strike would last 24 hours.\n"
    )
    dump = parse(text)
    main = dump.stories[0]
    assert main.headline == "Port workers walk out over pension plan"
    assert main.dateline is not None
    assert main.dateline.raw.startswith("ROTTERDAM, Nov 11, 2017 (AFP)")
    assert texts(main) == [
        "Dock workers at Europe's largest port stopped work on Saturday in a dispute over "
        "pensions.",
        "The union said the strike would last 24 hours.",
    ]
    assert main.agencies == ("AFP",)
    assert dump.leftover == ()


def test_page_chrome_above_the_headline_is_leftover() -> None:
    text = (
        "Skip to content\n\nWorld | Science | Sport | Business\n\nMonday edition\n\n"
        "Glacier retreat speeds up in the southern Alps\n\n"
        "By Tomas RIEDL\n\n"
        "Geneva (AFP) Nov 6, 2017\n\n"
        "Swiss glaciers lost more ice this summer than in any year since records began, "
        "researchers said.\n"
    )
    dump = parse(text)
    main = dump.stories[0]
    assert main.headline == "Glacier retreat speeds up in the southern Alps"
    assert main.byline is not None and main.byline.raw == "By Tomas RIEDL"
    assert "Skip to content" in dump.leftover
    assert "World | Science | Sport | Business" in dump.leftover
    assert "Monday edition" in dump.leftover
    assert len(main.paragraphs) == 1


def test_teasers_with_headlines_and_all_read_more_spellings() -> None:
    text = (
        "Storm closes ports along the northern coast\n\n"
        "Oslo (AFP) Jan 9, 2018\n\n"
        "Ferries stayed in harbour on Tuesday as gusts reached 140 km/h.\n\n"
        "Rail strike enters its third day\n\n"
        "Stockholm (AFP) Jan 8, 2018\n\n"
        "Commuters faced long delays on Monday as talks between the operator and the union "
        "broke down…read more\n\n"
        "Copenhagen (AFP) Jan 7, 2018\n\n"
        "Danish police said they had found the missing painting in a garage ... Read More\n\n"
        "Helsinki (AFP) Jan 6, 2018\n\n"
        "A new icebreaker was launched in the Baltic port on Saturday (read more)\n"
    )
    dump = parse(text)
    assert len(dump.stories) == 4
    main, rail, paint, ice = dump.stories
    assert texts(main) == ["Ferries stayed in harbour on Tuesday as gusts reached 140 km/h."]
    assert not main.is_teaser
    assert rail.headline == "Rail strike enters its third day"
    assert rail.is_teaser and paint.is_teaser and ice.is_teaser
    assert texts(rail)[0].endswith("broke down")
    assert texts(paint) == ["Danish police said they had found the missing painting in a garage"]
    assert texts(ice) == ["A new icebreaker was launched in the Baltic port on Saturday"]
    assert all(s.role == "related" for s in (rail, paint, ice))


def test_teaser_whose_dateline_opens_its_paragraph() -> None:
    text = (
        " date 2017-11-11 Main headline for a quiet day\n\n"
        "PARIS, Nov 11, 2017 (AFP) - The main story has two paragraphs.\n\n"
        "This is the second one.\n\n"
        "LYON, Nov 10, 2017 (AFP) - A teaser that opens with its own dateline ... read more\n"
    )
    dump = parse(text)
    assert len(dump.stories) == 2
    teaser = dump.stories[1]
    assert teaser.is_teaser
    assert teaser.dateline is not None and teaser.dateline.raw.startswith("LYON")
    assert texts(teaser) == ["A teaser that opens with its own dateline"]


def test_several_full_stories_in_a_row() -> None:
    text = (
        "Central bank holds rates steady\n\n"
        "FRANKFURT, March 8, 2018 (AFP) - The bank left its key rate unchanged on Thursday.\n\n"
        "Economists had expected no change.\n\n"
        "Car sales slip for a second month\n\n"
        "MUNICH, March 7, 2018 (AFP) - New car registrations fell by four percent in February.\n\n"
        "Diesel models fell hardest.\n\n"
        "VIENNA, March 6, 2018 (AFP) - Austria's jobless rate dropped to its lowest in years.\n"
    )
    dump = parse(text)
    assert [s.role for s in dump.stories] == ["main", "related", "related"]
    assert [s.is_teaser for s in dump.stories] == [False, False, False]
    assert dump.stories[0].headline == "Central bank holds rates steady"
    assert texts(dump.stories[0]) == [
        "The bank left its key rate unchanged on Thursday.",
        "Economists had expected no change.",
    ]
    assert dump.stories[1].headline == "Car sales slip for a second month"
    assert len(dump.stories[1].paragraphs) == 2
    assert dump.stories[2].headline is None
    assert [s.position for s in dump.stories] == [0, 1, 2]


def test_boilerplate_goes_to_leftover_and_footer_text_too() -> None:
    text = (
        "Airline orders forty new jets\n\n"
        "Dubai (AFP) Nov 12, 2017\n\n"
        "Advertisement\n\n"
        "The carrier signed the order at the air show on Sunday.\n\n"
        "Share this article\n\n"
        "Deliveries are due to start in 2020.\n\n"
        "Related Links\n\n"
        "Aviation news from around the world, every day, on our partner site.\n\n"
        "Follow us on Twitter\n\n"
        "Copyright 2017 AFP. All rights reserved.\n\n"
        "© 2017 Example Media Network\n"
    )
    dump = parse(text)
    assert len(dump.stories) == 1
    assert texts(dump.stories[0]) == [
        "The carrier signed the order at the air show on Sunday.",
        "Deliveries are due to start in 2020.",
    ]
    assert dump.leftover == (
        "Advertisement",
        "Share this article",
        "Related Links",
        "Aviation news from around the world, every day, on our partner site.",
        "Follow us on Twitter",
        "Copyright 2017 AFP. All rights reserved.",
        "© 2017 Example Media Network",
    )


def test_no_dateline_at_all_is_still_one_main_story() -> None:
    text = (
        "Town council approves new cycle lanes\n\n"
        "The council voted by nine to four on Wednesday evening to build three new lanes.\n\n"
        "Work should begin in the spring and finish before the summer holidays.\n\n"
        "Subscribe to our newsletter\n"
    )
    dump = parse(text)
    assert len(dump.stories) == 1
    main = dump.stories[0]
    assert main.headline == "Town council approves new cycle lanes"
    assert main.dateline is None and main.byline is None
    assert main.agencies == ()
    assert len(main.paragraphs) == 2
    assert dump.leftover == ("Subscribe to our newsletter",)


@pytest.mark.parametrize(
    "text",
    [
        "Related Links\n\nShare this article\n\nCopyright 2017 AFP\n",
        "Advertisement\n\n\n\nAll rights reserved\n",
        "   \n\n\t\n",
        " date 2017-11-11 \n\n",
    ],
)
def test_only_boilerplate_is_no_story(text: str) -> None:
    with pytest.raises(DumpError) as info:
        parse_text(doc(text))
    assert info.value.reason is RejectReason.NO_STORY


@pytest.mark.parametrize(
    ("line", "subhead"),
    [
        ("- Rivals close ranks -", "Rivals close ranks"),
        ("-- Rivals close ranks --", "Rivals close ranks"),
        ("— Rivals close ranks —", "Rivals close ranks"),
        ("– 'A long winter' –", "'A long winter'"),
    ],
)
def test_subhead_spellings(line: str, subhead: str) -> None:
    text = (
        "Berlin (AFP) Nov 3, 2017\n\nFirst paragraph of the story.\n\n"
        f"{line}\n\nA paragraph after the subhead.\n"
    )
    dump = parse(text)
    paragraphs = dump.stories[0].paragraphs
    assert [p.kind for p in paragraphs] == ["text", "subhead", "text"]
    assert paragraphs[1].text == subhead


def test_dash_inside_text_is_not_a_subhead() -> None:
    text = "Berlin (AFP) Nov 3, 2017\n\n- The minister - who spoke late - agreed to talks.\n"
    dump = parse(text)
    assert [p.kind for p in dump.stories[0].paragraphs] == ["text"]


def test_photo_caption_with_agency_and_date_does_not_start_a_story() -> None:
    caption = "A photo taken on Nov 10, 2017 shows ash above the crater (AFP Photo/Ted ALBA)"
    text = (
        f"{caption}\n\n"
        "Volcano forces evacuation of island villages\n\n"
        "Manila (AFP) Nov 12, 2017\n\n"
        f"{caption}\n\n"
        "Some 3,000 residents were moved to shelters on Sunday, officials said.\n"
    )
    dump = parse(text)
    assert len(dump.stories) == 1
    main = dump.stories[0]
    assert main.headline == "Volcano forces evacuation of island villages"
    assert main.dateline is not None and main.dateline.raw == "Manila (AFP) Nov 12, 2017"
    # A caption is page furniture wherever it sits: never a story, never story text.
    assert texts(main) == [
        "Some 3,000 residents were moved to shelters on Sunday, officials said.",
    ]
    assert dump.leftover == (caption, caption)


def test_section_label_sharing_the_dateline_line_is_leftover() -> None:
    text = (
        " date 2017-12-02 Pipeline deal signed\n\n"
        "World News  Amman (AFP) Dec 2, 2017\n\n"
        "The agreement covers the first phase of the project.\n"
    )
    dump = parse(text)
    dateline = dump.stories[0].dateline
    assert dateline is not None and dateline.raw == "Amman (AFP) Dec 2, 2017"
    assert dateline.country == "JO"
    assert dump.leftover == ("World News",)


def test_staff_writers_byline_sharing_a_line_with_the_dateline() -> None:
    text = (
        "Cargo capsule docks with the station\n\n"
        "by Staff Writers Cape Canaveral FL (SPX) Nov 11, 2017\n\n"
        "An uncrewed cargo ship reached the orbiting laboratory early on Saturday.\n"
    )
    dump = parse(text)
    main = dump.stories[0]
    assert main.byline is not None and main.byline.raw == "by Staff Writers"
    assert main.byline.authors == ()
    assert main.dateline is not None and "SPX" in main.dateline.raw
    assert main.agencies == ("SPX",)


def test_story_agencies_from_byline_slot_and_sign_off() -> None:
    text = (
        "Heatwave grips the south\n\n"
        "By AFP\n\n"
        "Temperatures passed 40 degrees in several cities on Monday.\n\n"
        "Authorities opened cooling centres in schools. (dpa)\n"
    )
    dump = parse(text)
    main = dump.stories[0]
    assert main.byline is not None and main.byline.raw == "By AFP"
    assert main.dateline is None
    assert main.agencies == ("AFP", "dpa")


def test_dateline_less_teaser_below_the_main_story() -> None:
    text = (
        "Ministers agree on fishing quotas\n\n"
        "Brussels (AFP) Dec 12, 2017\n\n"
        "EU ministers agreed on next year's catch limits after a night of talks.\n\n"
        "The deal cuts cod quotas in the North Sea.\n\n"
        "Farm subsidies under review\n\n"
        "The commission wants to simplify payments to small farms ... read more\n"
    )
    dump = parse(text)
    assert len(dump.stories) == 2
    teaser = dump.stories[1]
    assert teaser.is_teaser and teaser.dateline is None
    assert teaser.headline == "Farm subsidies under review"
    assert texts(teaser) == ["The commission wants to simplify payments to small farms"]
    assert len(dump.stories[0].paragraphs) == 2


def test_read_more_on_its_own_line_closes_the_teaser() -> None:
    text = (
        "Lisbon (AFP) Feb 2, 2018\n\nThe main story is short.\n\n"
        "Porto (AFP) Feb 1, 2018\n\nA teaser whose marker sits on the next line\n\n"
        "read more\n\n"
        "Footer text that belongs to no story and is long enough to look like prose, really.\n"
    )
    dump = parse(text)
    assert len(dump.stories) == 2
    teaser = dump.stories[1]
    assert teaser.is_teaser
    assert texts(teaser) == ["A teaser whose marker sits on the next line"]
    assert dump.leftover == (
        "read more",
        "Footer text that belongs to no story and is long enough to look like prose, really.",
    )


def test_headline_held_after_a_teaser_goes_to_the_next_story() -> None:
    text = (
        "Lima (AFP) Feb 2, 2018\n\nThe main story is short.\n\n"
        "Quito (AFP) Feb 1, 2018\n\nFirst teaser text ... read more\n\n"
        "Andes rail link reopens\n\n"
        "Bogota (AFP) Jan 31, 2018\n\nSecond teaser text ... read more\n"
    )
    dump = parse(text)
    assert len(dump.stories) == 3
    assert dump.stories[2].headline == "Andes rail link reopens"
    assert dump.stories[1].headline is None


def test_byline_then_dateline_of_a_related_full_story() -> None:
    text = (
        "Rome (AFP) April 4, 2018\n\nMain story text.\n\n"
        "By Lucia FERRANTE\n\n"
        "Milan (AFP) April 3, 2018\n\nA second full story follows with its own byline.\n"
    )
    dump = parse(text)
    assert len(dump.stories) == 2
    second = dump.stories[1]
    assert second.byline is not None and second.byline.raw == "By Lucia FERRANTE"
    assert second.dateline is not None and second.dateline.raw.startswith("Milan")
    assert not second.is_teaser


def test_by_inside_running_text_is_not_a_byline() -> None:
    text = (
        "Rome (AFP) April 4, 2018\n\nMain story text.\n\n"
        "By Tuesday the talks had collapsed\n\nAnd nobody came back.\n"
    )
    dump = parse(text)
    assert len(dump.stories) == 1
    assert len(dump.stories[0].paragraphs) == 3


def test_standfirst_before_the_dateline_is_story_text() -> None:
    text = (
        "Coral bleaching spreads along the reef\n\n"
        "Scientists say warm water has hit the northern section for a third summer running.\n\n"
        "Sydney (AFP) Feb 20, 2018\n\n"
        "Aerial surveys found bleaching on two thirds of the reefs checked.\n"
    )
    dump = parse(text)
    main = dump.stories[0]
    assert main.headline == "Coral bleaching spreads along the reef"
    assert main.dateline is not None
    assert len(main.paragraphs) == 2


def test_prose_before_the_first_dateline_makes_a_dateline_less_main_story() -> None:
    text = (
        "Harbour museum reopens after repairs\n\n"
        "The museum closed two years ago when a storm flooded its basement archive.\n\n"
        "Visitors will be able to see the restored ship models from Saturday onwards.\n\n"
        "Bergen (AFP) May 2, 2018\n\nA fjord ferry changes its timetable ... read more\n"
    )
    dump = parse(text)
    assert len(dump.stories) == 2
    main, teaser = dump.stories
    assert main.dateline is None and len(main.paragraphs) == 2
    assert main.headline == "Harbour museum reopens after repairs"
    assert teaser.is_teaser and teaser.dateline is not None


def test_cookie_notice_on_top_is_leftover() -> None:
    text = (
        "We use cookies to give you the best experience. By continuing you agree to this.\n\n"
        "Accept all cookies\n\n"
        "Ferry fares to rise in April\n\n"
        "Athens (AFP) Feb 2, 2018\n\nPrices will go up by five percent, the operator said.\n"
    )
    dump = parse(text)
    assert dump.stories[0].headline == "Ferry fares to rise in April"
    assert dump.leftover[:2] == (
        "We use cookies to give you the best experience. By continuing you agree to this.",
        "Accept all cookies",
    )


def test_page_flattened_onto_one_line_is_split_into_stories() -> None:
    sentences = [
        "Mine rescue enters its fifth day",
        "By Ana SOTO",
        "Santiago (AFP) Nov 11, 2017 - Rescuers drilled a second shaft on Saturday.",
        "Families waited at the gate through the night.",
        "Engineers said the air supply was holding.",
        "Lima (AFP) Nov 10, 2017 - Peru's copper output rose in October ... read more",
        "Related Links",
        "Copyright 2017 AFP.",
    ]
    line = " ".join(sentences) + " " + "Filler words make the page long. " * 40
    dump = parse(line + "\n")
    main = dump.stories[0]
    assert main.headline == "Mine rescue enters its fifth day"
    assert main.byline is not None and main.byline.raw == "By Ana SOTO"
    assert main.dateline is not None and main.dateline.raw.startswith("Santiago (AFP)")
    assert texts(main)[:3] == [
        "Rescuers drilled a second shaft on Saturday.",
        "Families waited at the gate through the night.",
        "Engineers said the air supply was holding.",
    ]
    teaser = dump.stories[1]
    assert teaser.is_teaser
    assert texts(teaser) == ["Peru's copper output rose in October"]
    assert "Related Links" in dump.leftover


def test_dump_date_from_header_then_name_then_meta_and_override() -> None:
    body = "Oslo (AFP) Nov 3\n\nA paragraph without a year in its dateline.\n"
    header = " date 2017-11-05 Headline here\n\n"
    assert parse(header + body, "x-2016-01-01.txt").dump_date == dt.date(2017, 11, 5)
    assert parse(body, "afp_20160102_oslo.txt").dump_date == dt.date(2016, 1, 2)
    assert parse(body, "bundle-2015-05-05.zip!afp-2014-04-04.txt").dump_date == dt.date(
        2014, 4, 4
    )
    assert parse(body, "page.html", meta_date=dt.date(2013, 3, 3)).dump_date == dt.date(
        2013, 3, 3
    )
    assert parse(body, "page.txt").dump_date is None
    forced = parse(header + body, "x-2016-01-01.txt", dump_date=dt.date(2010, 10, 10))
    assert forced.dump_date == dt.date(2010, 10, 10)


def test_year_inferred_from_the_dump_date() -> None:
    dump = parse("Oslo (AFP) Dec 30\n\nA late December story.\n", "x-2018-01-02.txt")
    dateline = dump.stories[0].dateline
    assert dateline is not None
    assert dateline.date == dt.date(2017, 12, 30)
    assert dateline.date_source == "inferred_year"


def test_html_title_names_the_headline_line() -> None:
    text = (
        "Menu\n\nNews\n\nLeaders meet at the border for first talks in years\n\n"
        "Seoul (AFP) Nov 1, 2017\n\nThe two leaders shook hands at the line.\n"
    )
    dump = parse(
        text,
        "page.html",
        format="html",
        meta_title="Leaders meet at the border for first talks in years | Daily Wire",
    )
    assert dump.stories[0].headline == "Leaders meet at the border for first talks in years"
    assert dump.leftover == ("Menu", "News")


def test_html_title_is_the_fallback_headline() -> None:
    text = "Seoul (AFP) Nov 1, 2017\n\nThe two leaders shook hands at the line.\n"
    dump = parse(text, "page.html", format="html", meta_title="Leaders meet | Daily Wire")
    assert dump.stories[0].headline == "Leaders meet"


def test_every_line_lands_once_even_with_duplicate_lines() -> None:
    text = (
        "Paris (AFP) Nov 1, 2017\n\nSame line.\n\nSame line.\n\nRelated Links\n\nRelated Links\n"
    )
    dump = parse(text)
    assert texts(dump.stories[0]) == ["Same line.", "Same line."]
    assert dump.leftover == ("Related Links", "Related Links")


def test_unaccounted_detects_a_lost_line() -> None:
    text = "Paris (AFP) Nov 1, 2017\n\nKept line.\n\nDropped line.\n"
    dump = parse(text)
    truncated = ParsedDump(
        source=dump.source,
        sha256=dump.sha256,
        format=dump.format,
        encoding=dump.encoding,
        dump_date=dump.dump_date,
        stories=(
            dump.stories[0].__class__(
                **{
                    **{f: getattr(dump.stories[0], f) for f in dump.stories[0].__slots__},
                    "paragraphs": dump.stories[0].paragraphs[:1],
                }
            ),
        ),
    )
    assert unaccounted(text, truncated) == ["line not accounted for: 'Dropped line.'"]


def test_unaccounted_gives_a_title_printed_twice_and_joined_its_own_lines() -> None:
    """A card prints its title twice (link and alt text), joined as one unit, and the title
    again over its text: the joined piece takes the first two lines, the headline the
    third; losing that headline is still found."""
    title = "Ferry service resumes after winter storms"
    second = "Storm damage repairs finish early at the pier"
    text = (
        f"logo\n#\n\nLatest news with #FERRIES\n\n{title}\n{title}\n\nHarbour Weekly\n\n"
        f"time2 hours ago\n\n  \u2022 Travel\n  \u2022 Harbour Weekly\n\n{title}\n\n"
        "The island ferry ran again on Monday after two weeks of cancelled sailings, the "
        "operator said, and extra crossings were added for the weekend.\n\n"
        f"{second}\n{second}\n\nHarbour Weekly\n\ntime3 hours ago\n\n"
        f"  \u2022 Local\n  \u2022 Harbour Weekly\n\n{second}\n\n"
        "Workers completed repairs to the pier two weeks ahead of schedule, the council said "
        "on Tuesday, and it reopened to walkers.\n"
    )
    dump = parse(text)
    assert dump.stories[0].headline == title
    assert f"{title} {title}" in dump.leftover
    story = dump.stories[0]
    untitled = story.__class__(
        **{**{f: getattr(story, f) for f in story.__slots__}, "headline": None}
    )
    lost = ParsedDump(
        source=dump.source, sha256=dump.sha256, format=dump.format, encoding=dump.encoding,
        dump_date=dump.dump_date, stories=(untitled, *dump.stories[1:]), leftover=dump.leftover,
    )
    assert unaccounted(text, lost) == [f"line not accounted for: {title!r}"]


def test_byline_line_with_a_time_stamp_keeps_the_byline_and_leftovers_the_rest() -> None:
    text = (
        "Flood waters recede in the north\n\n"
        "By Giulia ROSSI 14 November 2017\n\n"
        "Parma (AFP) Nov 14, 2017 - Residents began clearing mud on Tuesday.\n"
    )
    dump = parse(text)
    main = dump.stories[0]
    assert main.byline is not None and main.byline.raw == "By Giulia ROSSI"
    assert main.byline.authors == ("Giulia Rossi",)
    assert dump.leftover == ("14 November 2017",)


def test_page_furniture_between_byline_and_dateline_is_leftover() -> None:
    text = (
        "Senate passes stopgap spending bill\n\n"
        "By Ruth ADLER, Sam OKORO\n\n"
        "3 Min Read\n\n"
        "WASHINGTON (Reuters) - The Senate passed a bill on Thursday to fund the government.\n\n"
        "Reporting by Ruth Adler; Editing by Lee Park\n\n"
        "Our Standards: The Thomson Reuters Trust Principles.\n"
    )
    dump = parse(text, dump_date=dt.date(2017, 12, 7))
    assert len(dump.stories) == 1
    main = dump.stories[0]
    assert main.byline is not None and main.dateline is not None
    assert main.dateline.date == dt.date(2017, 12, 7)
    assert main.dateline.date_source == "dump_date"
    assert main.agencies == ("Reuters",)
    assert texts(main) == [
        "The Senate passed a bill on Thursday to fund the government.",
        "Reporting by Ruth Adler; Editing by Lee Park",
    ]
    assert dump.leftover == ("3 Min Read", "Our Standards: The Thomson Reuters Trust Principles.")


def test_teasers_after_the_footer_with_section_labels_and_donation_blurbs() -> None:
    text = (
        " date 2017-11-20 Rebels shell outskirts of the capital\n\n"
        "by Staff Writers\n\nDamascus (AFP) Nov 20, 2017\n\n"
        "Rocket fire hit residential districts on Monday, state media said.\n\n"
        "___\n\n"
        "Related Links\n\nSyria News at WarDesk.com\n\n"
        "Thanks for being here;\n\n"
        "We need your help. Our news network keeps growing but revenues are harder to find.\n\n"
        "$5 Billed Monthly\n\npaypal only\n\n"
        "SYRIA WAR\n\n"
        "Turkey warns militia over border town\n\n"
        "Ankara (AFP) Nov 19, 2017\n\n"
        "The president warned fighters to withdraw or face an offensive ... read more\n\n"
        "Peace congress planned for next month\n\n"
        "Sochi, Russia (AFP) Nov 18, 2017 - Moscow wants both sides at a resort ... read more\n\n"
        "The content herein, unless otherwise known to be public domain, is copyright.\n"
    )
    dump = parse(text)
    assert [s.headline for s in dump.stories] == [
        "Rebels shell outskirts of the capital",
        "Turkey warns militia over border town",
        "Peace congress planned for next month",
    ]
    assert [s.is_teaser for s in dump.stories] == [False, True, True]
    assert texts(dump.stories[0]) == [
        "Rocket fire hit residential districts on Monday, state media said."
    ]
    assert texts(dump.stories[2]) == ["Moscow wants both sides at a resort"]
    assert "SYRIA WAR" in dump.leftover
    assert "$5 Billed Monthly" in dump.leftover
    assert dump.leftover[-1].startswith("The content herein")


@pytest.mark.parametrize(
    ("line", "place", "agencies", "date_source"),
    [
        ("(AFP) - Rescuers reached the village on Sunday.", None, ("AFP",), "dump_date"),
        ("Paris (AFP) - Rescuers reached the village on Sunday.", "Paris", ("AFP",), "dump_date"),
        ("BEIJING, Nov. 11 (XNA) -- Rescuers reached the village.", "Beijing", ("Xinhua",),
         "inferred_year"),
        ("MOSCOW, March 5. /TASS/. Rescuers reached the village.", "Moscow", ("TASS",),
         "inferred_year"),
        ("Kubinka, Russia, Aug 16 (AFP/APP): Rescuers reached it.", "Kubinka", ("AFP", "APP"),
         "inferred_year"),
    ],
)
def test_dateline_shapes_open_the_main_story(
    line: str, place: str | None, agencies: tuple[str, ...], date_source: str
) -> None:
    dump = parse(f"Rescue reaches cut-off village\n\n{line}\n", "x-2017-11-12.txt")
    main = dump.stories[0]
    assert main.headline == "Rescue reaches cut-off village"
    assert main.dateline is not None
    assert main.dateline.place == place
    assert main.dateline.agencies == agencies
    assert main.dateline.date_source == date_source
    assert main.agencies == agencies
    assert texts(main)[0].startswith("Rescuers reached")


def test_agency_only_in_a_sign_off_line() -> None:
    text = "Ferry sinks off the coast\n\nAll 40 passengers were rescued, police said.\n\n- AFP\n"
    dump = parse(text)
    main = dump.stories[0]
    assert main.dateline is None and main.byline is None
    assert main.agencies == ("AFP",)


def test_byline_below_the_dateline_belongs_to_the_same_story() -> None:
    text = "Oslo (AFP) Nov 3, 2017\n\nBy Eva BERG\n\nThe ferry left on time.\n"
    dump = parse(text)
    assert len(dump.stories) == 1
    main = dump.stories[0]
    assert main.byline is not None and main.byline.raw == "By Eva BERG"
    assert texts(main) == ["The ferry left on time."]


def test_dateline_less_main_story_followed_by_a_dateline_less_teaser() -> None:
    text = (
        "Library opens a night reading room\n\n"
        "The city library will stay open until midnight from next week.\n\n"
        "Students asked for the change in a petition last spring.\n\n"
        "Museum ticket prices frozen\n\n"
        "The council agreed to keep entry prices at last year's level ... read more\n"
    )
    dump = parse(text)
    assert len(dump.stories) == 2
    main, teaser = dump.stories
    assert not main.is_teaser and len(main.paragraphs) == 2
    assert teaser.is_teaser and teaser.headline == "Museum ticket prices frozen"


def test_a_page_of_teasers_only_makes_the_first_teaser_the_main_story() -> None:
    text = (
        "Oslo (AFP) Nov 3, 2017\n\nFirst teaser text ... read more\n\n"
        "Bergen (AFP) Nov 2, 2017\n\nSecond teaser text ... read more\n"
    )
    dump = parse(text)
    assert [(s.role, s.is_teaser) for s in dump.stories] == [
        ("main", True),
        ("related", True),
    ]


def test_dateline_whose_source_is_no_news_agency() -> None:
    text = (
        "Probe returns first images of the comet\n\n"
        "by Staff Writers\n\n"
        "Darmstadt, Germany (ESA) Nov 10, 2017\n\n"
        "Mission controllers received the first pictures on Friday.\n\n"
        "Pasadena CA (JPL) Nov 9, 2017\n\n"
        "The rover drove 30 metres toward the crater rim ... read more\n"
    )
    dump = parse(text)
    assert len(dump.stories) == 2
    main, teaser = dump.stories
    assert main.dateline is not None
    assert (main.dateline.place, main.dateline.country) == ("Darmstadt", "DE")
    assert main.dateline.agencies == () and main.agencies == ()
    assert main.dateline.date == dt.date(2017, 11, 10)
    assert teaser.dateline is not None and teaser.dateline.region == "California"
    assert teaser.is_teaser


def test_teaser_headline_sharing_the_line_with_its_dateline() -> None:
    text = (
        "Oslo (AFP) Nov 3, 2017\n\nThe main story.\n\n"
        "Quake relief slow to arrive  Tehran (AFP) Nov 8, 2017 - Aid trucks queued at the "
        "border on Wednesday ... read more\n\n"
        "World | Tehran (AFP) Nov 7, 2017 - Another teaser in a list ... read more\n"
    )
    dump = parse(text)
    assert len(dump.stories) == 3
    first, second = dump.stories[1], dump.stories[2]
    assert first.headline == "Quake relief slow to arrive"
    assert first.dateline is not None and first.dateline.raw == "Tehran (AFP) Nov 8, 2017"
    assert texts(first) == ["Aid trucks queued at the border on Wednesday"]
    assert second.headline is None and second.is_teaser
    assert dump.leftover == ("World",)


def test_a_dateline_inside_a_sentence_does_not_start_a_story() -> None:
    text = (
        "Oslo (AFP) Nov 3, 2017\n\n"
        "Officials repeated what they had told reporters. Paris (AFP) Nov 2, 2017 was cited.\n"
    )
    dump = parse(text)
    assert len(dump.stories) == 1


def test_footer_links_after_the_last_story_are_leftover_but_a_sign_off_stays() -> None:
    text = (
        "Ferry sinks off the coast\n\nAll 40 passengers were rescued, police said.\n\n"
        "Divers will inspect the wreck on Monday.\n\n- AFP\n\nAbout us\n\nContact\n\nCareers\n"
    )
    dump = parse(text)
    main = dump.stories[0]
    assert texts(main)[-1] == "- AFP"
    assert main.agencies == ("AFP",)
    assert dump.leftover == ("About us", "Contact", "Careers")


def test_all_caps_section_label_is_not_a_teaser_headline() -> None:
    text = (
        "Oslo (AFP) Nov 3, 2017\n\nThe main story.\n\nRelated Links\n\n"
        "SPACE STATION NEWS\n\n"
        "Houston TX (SPX) Nov 2, 2017\n\nA crew swap is planned for next week ... read more\n"
    )
    dump = parse(text)
    assert len(dump.stories) == 2
    assert dump.stories[1].headline is None
    assert dump.leftover == ("Related Links", "SPACE STATION NEWS")


@pytest.mark.parametrize(
    "paragraph",
    [
        "Terms of the deal were not disclosed.",
        "Advertising revenue fell by a fifth in the third quarter.",
        "Copyright lawsuits against the platform have doubled since 2015.",
        "Cookie sales at the bakery chain rose ahead of the holidays.",
        "Recommended changes to the law include a cap on fees.",
        "Subscribers to the service will pay two euros more a month.",
    ],
)
def test_story_paragraphs_that_start_like_furniture_stay_story_text(paragraph: str) -> None:
    text = f"Oslo (AFP) Nov 3, 2017\n\nThe first paragraph.\n\n{paragraph}\n\nThe last one.\n"
    dump = parse(text)
    assert texts(dump.stories[0]) == ["The first paragraph.", paragraph, "The last one."]
    assert dump.leftover == ()


def test_chrome_prose_above_a_full_main_story_does_not_demote_it() -> None:
    text = (
        "Our network brings you the latest from the front lines of science and defence.\n\n"
        "Readers in more than 100 countries rely on our daily newsletters and feeds.\n\n"
        "Satellite maker wins defence contract\n\n"
        "Paris (AFP) Nov 3, 2017\n\n"
        "The company said the order was worth 400 million euros.\n\n"
        "Deliveries start in 2019.\n"
    )
    dump = parse(text)
    assert len(dump.stories) == 1
    main = dump.stories[0]
    assert main.headline == "Satellite maker wins defence contract"
    assert main.dateline is not None
    assert texts(main) == ["The company said the order was worth 400 million euros.",
                           "Deliveries start in 2019."]
    assert len(dump.leftover) == 2


def test_flattened_page_including_its_header_line() -> None:
    body = (
        "Mine rescue enters its fifth day By Ana SOTO Santiago (AFP) Nov 11, 2017 - Rescuers "
        "drilled a second shaft on Saturday. Families waited at the gate through the night. "
        "Lima (AFP) Nov 10, 2017 - Peru's copper output rose in October ... read more "
        "Related Links"
    )
    dump = parse(f" date 2017-11-11 {body}\n")
    assert dump.header == "date 2017-11-11"
    assert dump.dump_date == dt.date(2017, 11, 11)
    main, teaser = dump.stories
    assert main.headline == "Mine rescue enters its fifth day"
    assert main.byline is not None and main.dateline is not None
    assert teaser.is_teaser and texts(teaser) == ["Peru's copper output rose in October"]
    assert dump.leftover == ("Related Links",)


@pytest.mark.parametrize("tail", ["Share | Tweet | Email", "14:32 GMT", "Advertisement"])
def test_page_furniture_after_a_dateline_on_its_line_is_leftover(tail: str) -> None:
    dump = parse(f"Oslo (AFP) Nov 3, 2017 | {tail}\n\nThe story text.\n")
    main = dump.stories[0]
    assert main.dateline is not None and main.dateline.raw == "Oslo (AFP) Nov 3, 2017"
    assert texts(main) == ["The story text."]
    assert dump.leftover == (tail,)


def test_time_stamp_line_above_the_byline_is_not_the_headline() -> None:
    text = (
        "Dam talks collapse after a night of bargaining\n\n"
        "Published 14 November 2017 10:32\n\n"
        "By Omar FARES\n\n"
        "Cairo (AFP) Nov 14, 2017\n\nNo deal was reached.\n"
    )
    dump = parse(text)
    assert dump.stories[0].headline == "Dam talks collapse after a night of bargaining"
    assert dump.leftover == ("Published 14 November 2017 10:32",)


def test_bulleted_teaser_list() -> None:
    text = (
        "Oslo (AFP) Nov 3, 2017\n\nThe main story.\n\nRelated Links\n\n"
        "• Ice road opens early this winter\n\n"
        "• Tromso (AFP) Nov 2, 2017\n\nTrucks crossed the frozen lake on Thursday ... read more\n"
    )
    dump = parse(text)
    assert len(dump.stories) == 2
    teaser = dump.stories[1]
    assert teaser.headline == "Ice road opens early this winter"
    assert teaser.dateline is not None and teaser.dateline.raw == "Tromso (AFP) Nov 2, 2017"
    assert teaser.is_teaser


# ---------------------------------------------------------------- end markers (item 1)

END_MARKERS = ["Enditem", "(END)", "-- END --", "###", "(Ends)", "-0-", "ENDITEM", "(ends)"]


@pytest.mark.parametrize("marker", END_MARKERS)
def test_end_marker_is_leftover_not_a_paragraph(marker: str) -> None:
    text = (
        " date 2018-02-06 Ferry service resumes across the strait\n\n"
        "HAIKOU, Feb. 5 (Xinhua) -- Ferries across the Qiongzhou Strait resumed on Monday "
        "after three days of fog, the port authority said.\n\n"
        "More than 4,000 vehicles had queued at the terminals.\n\n"
        f"{marker}\n\n"
        "SANYA, Feb. 4 (Xinhua) -- Hotel bookings on the island rose ahead of the holiday "
        "... read more\n"
    )
    dump = parse(text)
    main, teaser = dump.stories
    assert texts(main)[-1] == "More than 4,000 vehicles had queued at the terminals."
    assert marker in dump.leftover
    assert teaser.is_teaser and teaser.dateline is not None
    assert all(marker not in texts(s) for s in dump.stories)


def test_end_marker_at_the_very_end_of_the_dump() -> None:
    text = (
        "SEOUL, Jan. 9 (Yonhap) -- The two Koreas held talks at the border village on "
        "Tuesday.\n\nThe meeting lasted eleven hours.\n\n(END)\n"
    )
    dump = parse(text)
    assert texts(dump.stories[0]) == [
        "The two Koreas held talks at the border village on Tuesday.",
        "The meeting lasted eleven hours.",
    ]
    assert dump.leftover == ("(END)",)
    assert dump.stories[0].agencies == ("Yonhap",)


@pytest.mark.parametrize(
    "line",
    [
        "The END of the line came on Tuesday.",  # a sentence, not a marker
        "Ends meet: families cut spending on fuel.",
        "#3 seed advances to the final.",
    ],
)
def test_sentences_with_end_words_stay_paragraphs(line: str) -> None:
    text = f"Oslo (AFP) Nov 3, 2017\n\nThe main story.\n\n{line}\n"
    dump = parse(text)
    assert texts(dump.stories[0])[-1] == line


# ---------------------------------------------------------------- section labels (item 2)

SECTION_LABELS = [
    "Related:", "Latest News", "More stories", "Related stories", "Read also", "See also",
    "Most read", "Trending", "Recommended", "LATEST NEWS", "Trending now", "Read also:",
    "See also:", "Related Stories:",
]


@pytest.mark.parametrize("label", SECTION_LABELS)
def test_section_label_is_furniture_between_story_and_teasers(label: str) -> None:
    text = (
        "Vienna (AFP) March 2, 2018\n\n"
        "The opera house cancelled Friday's premiere after a stage hand was injured.\n\n"
        "Rehearsals will resume next week.\n\n"
        f"{label}\n\n"
        "Salzburg festival names new director\n\n"
        "Salzburg (AFP) March 1, 2018 - The festival board picked a Dutch conductor "
        "on Thursday ... read more\n"
    )
    dump = parse(text)
    main, teaser = dump.stories
    assert texts(main)[-1] == "Rehearsals will resume next week."
    assert label in dump.leftover
    assert teaser.headline == "Salzburg festival names new director"
    assert teaser.is_teaser


@pytest.mark.parametrize(
    "line",
    [
        "Also read | Tram line to the airport opens in spring",
        "Read also | Council votes to widen the ring road",
        "See also: Budget talks stall over school funding",
        "Related | Port strike enters its second week",
    ],
)
def test_pipe_labelled_link_is_furniture_not_a_headline(line: str) -> None:
    text = (
        "Pune (Maharashtra) [India], Nov 20 (PTI): The city will add 300 electric buses by "
        "March, officials said.\n\n"
        "Charging depots are being built at four sites.\n\n"
        f"{line}\n\n"
        "Nagpur, Nov 19 (PTI) -- A new flyover opened to traffic on Sunday ... read more\n"
    )
    dump = parse(text, dump_date=dt.date(2017, 11, 20))
    main, teaser = dump.stories
    assert texts(main)[-1] == "Charging depots are being built at four sites."
    assert line in dump.leftover
    assert teaser.headline is None


@pytest.mark.parametrize(
    "line",
    [
        "Related: the ministry said the two cases were linked.",
        "Trending topics on social media included the storm.",
        "Recommended doses were cut by half last year.",
        "See also the report published by the commission in May.",
    ],
)
def test_prose_opening_with_a_label_word_stays_text(line: str) -> None:
    text = f"Oslo (AFP) Nov 3, 2017\n\nThe main story.\n\n{line}\n"
    dump = parse(text)
    assert texts(dump.stories[0])[-1] == line


# ---------------------------------------------------------------- datelines in dumps (3, 4)


@pytest.mark.parametrize(
    ("line", "raw", "agencies"),
    [
        ("BEIRUT: (AFP) The army retook the crossing on Saturday.", "BEIRUT: (AFP)", ("AFP",)),
        ("BEIRUT - (AFP) - The army retook the crossing on Saturday.", "BEIRUT - (AFP)",
         ("AFP",)),
        ("BEIRUT (AFP) -- The army retook the crossing on Saturday.", "BEIRUT (AFP)", ("AFP",)),
        ("Beirut, Nov 11 (AFP) — The army retook the crossing on Saturday.",
         "Beirut, Nov 11 (AFP)", ("AFP",)),
        ("Paris (ESA) Nov 10, 2017 - The army retook the crossing on Saturday.",
         "Paris (ESA) Nov 10, 2017", ()),
    ],
)
def test_odd_datelines_open_the_main_story(
    line: str, raw: str, agencies: tuple[str, ...]
) -> None:
    dump = parse(f"Army retakes border crossing\n\n{line}\n\nMore text followed.\n")
    main = dump.stories[0]
    assert main.headline == "Army retakes border crossing"
    assert main.dateline is not None and main.dateline.raw == raw
    assert main.dateline.agencies == agencies and main.agencies == agencies
    assert texts(main) == ["The army retook the crossing on Saturday.", "More text followed."]


def test_pipe_dateline_line_with_date_before_agency() -> None:
    text = (
        "Beirut, Lebanon | November 11, 2017 | AFP\n\n"
        "The army retook the crossing on Saturday.\n\n"
        "Tripoli, Lebanon | November 10, 2017 | AFP\n\n"
        "Fishermen protested the new quotas ... read more\n"
    )
    dump = parse(text)
    main, teaser = dump.stories
    assert main.dateline is not None and main.dateline.country == "LB"
    assert main.dateline.date == dt.date(2017, 11, 11)
    assert teaser.dateline is not None and teaser.dateline.date == dt.date(2017, 11, 10)
    assert teaser.is_teaser


# ---------------------------------------------------------------- hard-wrapped text (item 5)

WRAPPED = """ date 2018-03-02 Glacier melt swells mountain lakes in the high Andes

By Lucia FERNANDEZ

LIMA, March 1, 2018 (AFP) - Meltwater from shrinking glaciers has doubled
the size of several lakes in Peru's Cordillera Blanca since the 1990s,
scientists said Thursday, raising fears of sudden floods in the valleys
below.

The researchers mapped more than 800 lakes using satellite images taken
over three decades and found the largest had grown by a third in a well-
documented rise since 2010.

- Early warning -

Local authorities have installed sirens in two towns, but residents say
the drills are rare and the evacuation routes poorly marked.

"We know the water is up there. We just do not know when it will come
down," said a farmer in the village of Carhuaz.

QUITO, Feb 28, 2018 (AFP) - Ecuador's Cotopaxi volcano released a plume
of ash on Wednesday, prompting officials to close a national park ... read more

Related Links
"""


def test_hard_wrapped_paragraphs_are_joined() -> None:
    dump = parse(WRAPPED)
    main, teaser = dump.stories
    assert main.headline == "Glacier melt swells mountain lakes in the high Andes"
    assert main.byline is not None and main.byline.authors == ("Lucia Fernandez",)
    assert main.dateline is not None and main.dateline.raw == "LIMA, March 1, 2018 (AFP)"
    assert [p.kind for p in main.paragraphs] == ["text", "text", "subhead", "text", "text"]
    first, second = texts(main)[:2]
    assert first.startswith("Meltwater from shrinking glaciers has doubled the size of")
    assert first.endswith("raising fears of sudden floods in the valleys below.")
    assert second.endswith("grown by a third in a well-documented rise since 2010.")
    assert "\n" not in main.text.replace("\n\n", " ")
    assert texts(teaser) == [
        "Ecuador's Cotopaxi volcano released a plume of ash on Wednesday, prompting "
        "officials to close a national park"
    ]
    assert teaser.is_teaser
    assert dump.leftover == ("Related Links",)


def test_wrapped_text_at_other_widths() -> None:
    words = (
        "The council approved the budget after a long debate on Tuesday night and said "
        "that spending on roads and schools would rise while the cost of running the city "
        "hall itself would be cut for a third year in a row, a move the opposition called "
        "a stunt ahead of the local elections due in the spring."
    )
    import textwrap

    for width in (60, 72, 80, 96):
        body = "\n\n".join(
            textwrap.fill(w, width) for w in (words, "Residents " + words[4:])
        )
        dump = parse(f"Oslo (AFP) Nov 3, 2017\n\n{body}\n")
        assert texts(dump.stories[0]) == [words, "Residents " + words[4:]], width


def test_one_paragraph_per_line_is_unchanged() -> None:
    text = (
        "Oslo (AFP) Nov 3, 2017\n"
        "The council approved the budget after a long debate on Tuesday night.\n"
        "Spending on roads will rise.\n"
        "The opposition called it a stunt ahead of the elections in the spring.\n"
    )
    dump = parse(text)
    assert texts(dump.stories[0]) == [
        "The council approved the budget after a long debate on Tuesday night.",
        "Spending on roads will rise.",
        "The opposition called it a stunt ahead of the elections in the spring.",
    ]


def test_short_lines_in_a_block_are_not_joined() -> None:
    text = (
        "Oslo (AFP) Nov 3, 2017\n\n"
        "The council approved the budget after a long debate on Tuesday\n"
        "night, officials said, and the mayor thanked staff for weeks of\n"
        "work on the figures.\n\n"
        "Spending rises for roads\nSpending rises for schools\nSpending falls for parks\n\n"
        "The vote passed by eleven to four.\n"
    )
    dump = parse(text)
    assert texts(dump.stories[0])[1:4] == [
        "Spending rises for roads", "Spending rises for schools", "Spending falls for parks"
    ]
    assert texts(dump.stories[0])[0].endswith("weeks of work on the figures.")


def test_block_holding_a_dateline_or_byline_is_not_joined() -> None:
    text = (
        "The council approved the budget after a long debate on Tuesday\n"
        "night, officials said, and the mayor thanked staff for weeks of\n"
        "work on the figures.\n\n"
        "Ferry link to the islands will be cut from next month, says the\n"
        "Bergen (AFP) Nov 2, 2017 - Operators blamed the rising cost of fuel ... read more\n"
    )
    dump = parse(text)
    assert dump.stories[-1].dateline is not None
    assert dump.stories[-1].dateline.raw == "Bergen (AFP) Nov 2, 2017"


def test_wrapped_lines_opening_with_by_or_a_furniture_word_still_join() -> None:
    text = (
        "NAIROBI, Jan. 8 (Xinhua) -- Kenya's new rail link carried more freight in\n"
        "December than in any month since it opened, according to figures released\n"
        "by the operator on Monday, which said share of cargo moved by road to the\n"
        "port had fallen for the third month running, and that more from the ports\n"
        "of Uganda would follow.\n\n"
        "The line runs 470 km from the coast to the capital and was financed with\n"
        "loans from China.\n\n"
        "Enditem\n\n"
        "KAMPALA, Jan. 7 (Xinhua) -- Uganda plans to start building its own section\n"
        "of the railway next year, the transport minister said ... read more\n"
    )
    dump = parse(text, dump_date=dt.date(2018, 1, 8))
    main, teaser = dump.stories
    assert len(main.paragraphs) == 2
    assert "released by the operator on Monday, which said share of cargo" in texts(main)[0]
    assert texts(main)[0].endswith("and that more from the ports of Uganda would follow.")
    assert texts(main)[1] == (
        "The line runs 470 km from the coast to the capital and was financed with loans "
        "from China."
    )
    assert dump.leftover == ("Enditem",)
    assert teaser.is_teaser and len(teaser.paragraphs) == 1
    assert teaser.dateline is not None and teaser.dateline.place == "Kampala"


def test_wrapped_dump_with_section_label_and_teasers() -> None:
    text = (
        "Hanoi (AFP) March 4, 2018\n\n"
        "Vietnam's coffee exports rose by a fifth last year as growers in the\n"
        "Central Highlands replanted ageing trees with higher-yielding varieties,\n"
        "the agriculture ministry said on Sunday.\n\n"
        "Latest News\n\n"
        "Rice prices climb on strong demand from the Philippines\n\n"
        "Ho Chi Minh City (AFP) March 3, 2018 - Export prices for Vietnamese rice\n"
        "reached their highest level in four years this week as buyers in Manila\n"
        "stocked up ahead of the lean season ... read more\n"
    )
    dump = parse(text)
    main, teaser = dump.stories
    assert len(main.paragraphs) == 1 and texts(main)[0].endswith("ministry said on Sunday.")
    assert "Latest News" in dump.leftover
    assert teaser.headline == "Rice prices climb on strong demand from the Philippines"
    assert texts(teaser) == [
        "Export prices for Vietnamese rice reached their highest level in four years this "
        "week as buyers in Manila stocked up ahead of the lean season"
    ]


# ---------------------------------------------------------------- parser 1.2.0 rules


def test_chrome_lines_go_to_leftover_in_page_order_even_when_dateline_like() -> None:
    caption = "Pilgrims walk past a shrine in Lima, Peru, Jan 18, 2020. EFE/Ana Quispe"
    links = ["Cusco hotels report record bookings", "Andes rail line reopens after storm"]
    text = (
        "Lima hosts regional transport summit\n\n"
        "Lima, Jan 18 (EFE).- Transport ministers from eight countries met in the Peruvian "
        "capital on Saturday to discuss cross-border bus routes.\n\n"
        "The meeting closes on Sunday with a joint statement, organisers said.\n\n"
        f"{caption}\n\n"
        "Related\n\n"
        f"{links[0]}\n\n"
        f"{links[1]}\n\n"
        "© EFE 2020. All rights reserved.\n"
    )
    dump = parse(text, dump_date=dt.date(2020, 1, 18), chrome=frozenset([caption, *links]))
    assert len(dump.stories) == 1
    main = dump.stories[0]
    assert main.dateline is not None and main.dateline.place == "Lima"
    assert texts(main)[-1].startswith("The meeting closes on Sunday with a joint statement")
    assert dump.leftover == (caption, "Related", *links, "© EFE 2020. All rights reserved.")


def test_without_chrome_the_same_links_read_as_story_text() -> None:
    """The chrome set is what moves these lines: plain text keeps its old reading."""
    text = (
        "Lima, Jan 18 (EFE).- Transport ministers met in the Peruvian capital on Saturday.\n\n"
        "The meeting closes on Sunday with a joint statement, organisers said.\n\n"
        "Andes rail line reopens after storm\n"
    )
    dump = parse(text, dump_date=dt.date(2020, 1, 18))
    assert texts(dump.stories[0])[-1] == "Andes rail line reopens after storm"
    chrome = frozenset(["Andes rail line reopens after storm"])
    dump = parse(text, dump_date=dt.date(2020, 1, 18), chrome=chrome)
    assert len(dump.stories[0].paragraphs) == 2
    assert dump.leftover == ("Andes rail line reopens after storm",)


@pytest.mark.parametrize(
    "last",
    [
        "Hospitals in the district reported a rise in asthma cases. PTI",
        "Hospitals in the district reported a rise in asthma cases. - AFP",
        "Hospitals in the district reported a rise in asthma cases (dpa)",
        "Hospitals in the district reported a rise in asthma cases! IANS",
    ],
)
def test_signed_off_sentence_is_never_the_next_storys_headline(last: str) -> None:
    text = (
        "Lucknow, Nov 10 (PTI) Schools in the city will stay shut until Monday as the air "
        "quality index stayed in the severe band for a third day.\n\n"
        f"{last}\n\n"
        "Kanpur, Nov 9 (IANS) Traders in the leather market called off a strike after talks "
        "with officials ... read more\n"
    )
    dump = parse(text, dump_date=dt.date(2019, 11, 10))
    assert len(dump.stories) == 2
    assert texts(dump.stories[0])[-1] == last
    assert dump.stories[1].headline is None
    assert dump.stories[1].is_teaser


def test_title_line_before_a_teaser_is_still_its_headline() -> None:
    text = (
        "Lucknow, Nov 10 (PTI) Schools in the city will stay shut until Monday as the air "
        "quality index stayed in the severe band for a third day.\n\n"
        "Officials said buses would run as usual. PTI\n\n"
        "Leather traders end strike in Kanpur\n\n"
        "Kanpur, Nov 9 (IANS) Traders in the leather market called off a strike after talks "
        "with officials ... read more\n"
    )
    dump = parse(text, dump_date=dt.date(2019, 11, 10))
    assert dump.stories[1].headline == "Leather traders end strike in Kanpur"
    assert texts(dump.stories[0])[-1] == "Officials said buses would run as usual. PTI"


@pytest.mark.parametrize(("signoff", "agency"), [("==Kyodo", "Kyodo"), ("(dpa)", "dpa"),
                                                 ("- AFP", "AFP")])  # fmt: skip
def test_standalone_signoff_stays_in_its_story_and_credits_the_agency(
    signoff: str, agency: str
) -> None:
    text = (
        "Osaka ferry fares to rise in spring\n\n"
        "Ferry operators serving Osaka will raise fares by about 8 percent from April, "
        "citing fuel costs, an industry body said Thursday.\n\n"
        "Commuter passes will rise by a smaller amount, the body said.\n\n"
        f"{signoff}\n\n"
        "Related Links\n"
    )
    dump = parse(text, dump_date=dt.date(2019, 2, 14))
    main = dump.stories[0]
    assert texts(main)[-1] == signoff
    assert main.agencies == (agency,)
    assert dump.leftover == ("Related Links",)


def test_city_country_dash_dateline_opens_the_story() -> None:
    text = (
        "Nairobi matatu drivers strike over fuel prices\n\n"
        "By Grace Wanjiru\n\n"
        "Nairobi, Kenya -- Minibus drivers parked their vehicles across the city on Monday in "
        "protest at a rise in fuel prices, leaving commuters to walk.\n\n"
        "Police said the strike had been peaceful.\n"
    )
    dump = parse(text, dump_date=dt.date(2020, 8, 3))
    main = dump.stories[0]
    assert main.dateline is not None
    assert (main.dateline.raw, main.dateline.country) == ("Nairobi, Kenya", "KE")
    assert main.dateline.date_source == "dump_date"
    assert main.agencies == ()
    assert texts(main)[0].startswith("Minibus drivers parked")


def test_city_country_inside_prose_is_no_dateline() -> None:
    text = (
        "Drivers said prices had doubled since January. Nairobi, Kenya -- the capital -- "
        "saw the largest crowds.\n\n"
        "Police said the strike had been peaceful.\n"
    )
    dump = parse(text, dump_date=dt.date(2020, 8, 3))
    assert len(dump.stories) == 1 and dump.stories[0].dateline is None


def test_title_with_a_dash_credit_stays_title_like() -> None:
    assert is_title_like("Rebels retake border town near the coast - AFP")
    assert not is_title_like("Rebels retook the border town on Sunday. - AFP")
    assert not is_title_like("Rebels retook the border town on Sunday (AFP)")
    assert not is_title_like("Rebels retook the border town on Sunday. AFP")


# ---------------------------------------------------------------- parser 1.3.0: HTML subheads

SUBHEAD_BODY = """Reef survey finds coral recovering in the north

Cairns (AFP) Feb 2, 2024

Divers counted more young coral on northern reefs than in any survey of the past decade.

Bleaching in the south

Reefs further south still show damage from last summer's marine heatwave.

Dive teams will return to both areas in June."""


def test_html_headings_in_a_body_are_subheads_and_without_the_set_stay_text() -> None:
    plain = parse(SUBHEAD_BODY, "reef.html", format="html")
    assert [p.kind for p in plain.stories[0].paragraphs] == ["text"] * 4
    marked = frozenset({"Bleaching in the south"})
    dump = parse(SUBHEAD_BODY, "reef.html", format="html", subheads=marked)
    main = dump.stories[0]
    assert main.headline == "Reef survey finds coral recovering in the north"
    assert [(p.kind, p.text) for p in main.paragraphs][1] == ("subhead", "Bleaching in the south")
    assert [p.kind for p in main.paragraphs] == ["text", "subhead", "text", "text"]


def test_heading_before_the_first_body_paragraph_is_no_subhead() -> None:
    text = """Reef survey finds coral recovering

Cairns (AFP) Feb 2, 2024

Marine science

Divers counted more young coral on northern reefs than in any survey of the past decade.

Dive teams will return in June."""
    dump = parse(text, "reef.html", format="html", subheads=frozenset({"Marine science"}))
    assert all(p.kind == "text" for p in dump.stories[0].paragraphs)


def test_heading_before_a_dateline_or_byline_heads_the_next_story() -> None:
    text = """Reef survey finds coral recovering

Cairns (AFP) Feb 2, 2024

Divers counted more young coral on northern reefs than in any survey of the past decade.

Dive teams will return in June.

Fishing quotas cut for coastal trout

Hobart (AFP) Feb 1, 2024

Tasmania cut this season's quota for sea-run trout by a fifth on Thursday.

Anglers said the cut would hurt small tour operators.

Island ferry fares to rise in March

By Tom REILLY

Devonport (AFP) Jan 31, 2024

Fares on the overnight ferry will rise by eight percent from March, its operator said."""
    heads = frozenset(
        {"Fishing quotas cut for coastal trout", "Island ferry fares to rise in March"}
    )
    dump = parse(text, "reef.html", format="html", subheads=heads)
    assert [s.headline for s in dump.stories[1:]] == sorted(heads)
    assert all(p.kind == "text" for s in dump.stories for p in s.paragraphs)


def test_heading_before_a_teaser_or_a_section_label_is_no_subhead() -> None:
    text = """Reef survey finds coral recovering

Cairns (AFP) Feb 2, 2024

Divers counted more young coral on northern reefs than in any survey of the past decade.

Dive teams will return in June.

Turtle nests counted on sand cay

Rangers counted a record number of green turtle nests on a small sand cay ... read more

Our other sites

Related Links"""
    heads = frozenset({"Turtle nests counted on sand cay", "Our other sites"})
    dump = parse(text, "reef.html", format="html", subheads=heads)
    assert dump.stories[1].headline == "Turtle nests counted on sand cay"
    assert dump.stories[1].is_teaser
    assert all(p.kind == "text" for s in dump.stories for p in s.paragraphs)
    assert "Our other sites" in dump.leftover


def test_heading_right_before_page_furniture_labels_it_and_is_no_subhead() -> None:
    text = """Reef survey finds coral recovering

Cairns (AFP) Feb 2, 2024

Divers counted more young coral on northern reefs than in any survey of the past decade.

Dive teams will return in June.

Further reading

Related Links

Reef authority"""
    dump = parse(text, "reef.html", format="html", subheads=frozenset({"Further reading"}))
    assert all(p.kind == "text" for p in dump.stories[0].paragraphs)


def test_a_title_stolen_by_a_story_that_stays_empty_is_kept() -> None:
    """Found by the property test: a credit-only dateline took the title above it as its
    headline, then had no text and was dropped, and the title line with it."""
    text = "\n\n".join(
        ["Beirut (AFP) Nov 1", "Beirut (AFP) Nov 1", "A short headline",
         "• A short headline", ", Nov 1, 2017 (AFP) -"]
    )  # fmt: skip
    dump = parse(text)
    assert unaccounted(text, dump) == []
    # Kept: as leftover, or as the headline of the story whose dateline follows it.
    assert "A short headline" in dump.leftover or any(
        s.headline == "A short headline" and s.dateline is not None for s in dump.stories
    )


def test_a_headline_word_run_into_a_dateline_that_names_its_country() -> None:
    text = (
        "Glaciers Retreat Faster Than Expected: Study Geneva, Switzerland (AFP) Nov 24, 2004\n\n"
        "Alpine glaciers lost a tenth of their ice in five years, researchers said on Monday.\n"
    )
    dump = parse(text)
    story = dump.stories[0]
    assert story.dateline is not None
    assert story.dateline.raw == "Geneva, Switzerland (AFP) Nov 24, 2004"
    assert (story.dateline.place, story.dateline.country) == ("Geneva", "CH")
    assert story.headline == "Glaciers Retreat Faster Than Expected: Study"


@pytest.mark.parametrize(
    "line",
    ["178 total views today", "2,041 views", "Okunma Sayısı : 594", "Views: 1,204",
     "Tag Archive: Harbour Section", "Category Archives: Weather", "Leer en español",
     "Read in English", "Public Domain"],
)  # fmt: skip
def test_counters_archive_labels_and_language_switches_are_furniture(line: str) -> None:
    text = (
        f"{line}\n\n"
        "Ferry services resume across the gulf\n\n"
        f"{line}\n\n"
        "ATHENS, Oct 3 (Reuters) - Ferries left port again on Thursday after the storm "
        "passed, the coast guard said.\n"
    )
    dump = parse(text)
    assert dump.stories[0].headline == "Ferry services resume across the gulf"
    assert dump.leftover.count(line) == 2


@pytest.mark.parametrize("line", ["Abstract: 860", "Location: Hall 2", "Read the full report"])
def test_label_lines_that_are_not_counters_stay_text(line: str) -> None:
    from etl.parse.lines import is_boilerplate

    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    ("text", "teaser"),
    [
        ("the ferry will run again after two winters in whichRead More", True),
        ("the ferry will run again from next month.READ MORE", True),
        ("the ferry will run again after two winters in which Read More", False),
        ("He said everyone should Read more books", False),
        ("Nobody replied. read more The minister said it again.", False),  # not at the end
    ],
)
def test_read_more_glued_to_the_cut_word(text: str, teaser: bool) -> None:
    from etl.parse.lines import strip_read_more

    assert strip_read_more(text)[1] is teaser


@pytest.mark.parametrize(
    ("text", "teaser"),
    [
        # a lede cut anywhere, its link's arrow after a plain word
        (
            "Engineers warn that the harbour's old breakwater will not survive another winter "
            "of storms without repairs Read more »",
            True,
        ),
        ("Ferry operators add two sailings for the holiday weekend Read More »", False),  # title
        (
            "Engineers warn that the harbour's old breakwater will not survive another winter "
            "of storms without repairs Read more",  # no arrow, no sentence end: prose
            False,
        ),
    ],
)
def test_read_more_with_its_arrow_after_a_plain_word(text: str, teaser: bool) -> None:
    from etl.parse.lines import strip_read_more

    body, cut = strip_read_more(text)
    assert cut is teaser
    assert ("Read" not in body) is teaser


def test_a_teaser_list_of_ledes_cut_before_read_more_keeps_every_item() -> None:
    """Titles over ledes cut mid-sentence, each ending in "Read more »": every item is a
    teaser, none is lost to leftover, even after a lede that ends in an ellipsis."""
    text = (
        "Harbour: Pilots Say Night Arrivals Will Resume Next Month\n"
        "Harbour pilots told shipping lines on Monday that night-time arrivals, halted since "
        "the storm, would start again once the new lights are in place Read more »\n"
        "Coast: Fishing Crews Count the Cost of a Lost Season\n"
        "I spent a week on the boats of the northern fleet, and the talk on every deck was of "
        "the catch that never came, and of the loans that… Read more »\n"
        "Islands: Ferry Union Wins Award for Safety Record\n"
        "Union officials and the ferry company have long argued over crew rest, but both sides "
        "praised the safety figures released this week Read more »\n"
        "Inland: Grain Growers Warn of Low Water on the River\n"
        "From empty barges to idle silos, a dry summer is straining the river trade that feeds "
        "the coast's mills Read more »\n"
    )
    from etl.parse import parse_bytes

    dump = parse_bytes(text.encode("utf-8"), source="page.txt")
    assert [s.headline for s in dump.stories] == [
        "Harbour: Pilots Say Night Arrivals Will Resume Next Month",
        "Coast: Fishing Crews Count the Cost of a Lost Season",
        "Islands: Ferry Union Wins Award for Safety Record",
        "Inland: Grain Growers Warn of Low Water on the River",
    ]
    assert all(s.is_teaser for s in dump.stories)
    assert dump.leftover == ()


def test_a_place_name_over_a_datelined_item_is_a_section_label() -> None:
    """A coverage plan's sections: "PORTUGAL" over "LISBON – ..." is the section's name, no
    dateline of a story with no text."""
    from etl.parse import parse_bytes

    text = (
        "LISBON (Lusa) – These are the main stories the desk plans to cover on Monday.\n"
        "PORTUGAL\n"
        "LISBON – Following the budget debate in parliament, with the final vote due at noon.\n"
        "PORTO – Following the dock strike as talks between unions and operators resume.\n"
        "SPAIN\n"
        "MADRID – Monitoring the regional talks on water sharing along the border rivers.\n"
    )
    dump = parse_bytes(text.encode("utf-8"), source="plan.txt")
    assert [s.dateline.raw if s.dateline else None for s in dump.stories] == [
        "LISBON (Lusa)",
        "LISBON",
        "PORTO",
        "MADRID",
    ]
    assert all(s.paragraphs for s in dump.stories)
    assert "PORTUGAL" in dump.leftover and "SPAIN" in dump.leftover


@pytest.mark.parametrize(
    ("line", "codes"),
    [
        ("This report by The Canadian Press was first published April 6, 2025.", ("CP",)),
        ("This story by AFP was originally published on Monday.", ("AFP",)),
        ("This report by our correspondent was first published in May.", ()),
        ("The report was first published by a local paper.", ()),
    ],
)
def test_an_agency_s_first_published_signoff_is_a_credit(line: str, codes: tuple[str, ...]) -> None:
    assert credit_line(line) == codes


def test_the_first_published_signoff_credits_the_story_above_it() -> None:
    text = (
        "Ferry service to resume after the strike\n\n"
        "The provincial ferry operator says sailings between the two islands will restart on "
        "Monday after workers ratified a new contract.\n\n"
        "Crews had walked out a week ago over scheduling and overtime rules.\n\n"
        "This report by The Canadian Press was first published May 3, 2024.\n"
    )
    dump = parse_bytes(text.encode("utf-8"), source="ferry.txt")
    assert dump.stories[0].agencies == ("CP",)
    assert all("first published" not in p.text for p in dump.stories[0].paragraphs)


ECHOED_TITLES = """Royal News

Sultan sends greetings to the President of Zambia

Sultan sends greetings to the President of ZambiaSalalah, 25 Oct (ONA) --- The Sultan \
today sent a cable of greetings to the President of Zambia on his country's national day.

Cabinet approves budget for the coming year

Cabinet approves budget for the coming year Muscat, 23 Oct (ONA) --- The Council of \
Ministers approved the state budget for next year at its weekly meeting today.
"""


def test_a_title_printed_again_before_its_dateline_is_an_echo() -> None:
    """A listing prints each item's title, then the title again run into the dateline."""
    dump = parse_bytes(ECHOED_TITLES.encode("utf-8"), source="royal.txt")
    assert [s.headline for s in dump.stories] == [
        "Sultan sends greetings to the President of Zambia",
        "Cabinet approves budget for the coming year",
    ]
    assert [s.dateline.place if s.dateline else None for s in dump.stories] == [
        "Salalah", "Muscat",
    ]
    assert all(s.agencies == ("ONA",) for s in dump.stories)
    assert dump.stories[0].paragraphs[0].text.startswith("The Sultan today sent")


def test_a_line_that_only_starts_like_the_title_keeps_its_text() -> None:
    text = (
        "Port traffic rises\n\n"
        "Port traffic rises for a third month as exporters rush to beat the new tariffs, "
        "the harbour authority said on Monday.\n"
    )
    dump = parse_bytes(text.encode("utf-8"), source="port.txt")
    assert dump.stories[0].paragraphs[0].text.startswith("Port traffic rises for a third")


@pytest.mark.parametrize(
    ("credit", "place"),
    [
        ("JANE ROE/AFP/Getty Images", "Kisumu"),
        ("iStockphoto/Thinkstock", "Nairobi"),
    ],
)
def test_a_picture_credit_run_into_a_bracketed_dateline(credit: str, place: str) -> None:
    """A radio site's story: the picture's credit, then "(PLACE, Country) --" with no space."""
    text = (
        "Village celebrates a native son's win\n\n"
        f"{credit}({place.upper()}, Kenya) -- Dancers filled the square on Wednesday after "
        "the results came in from the overnight count.\n\n"
        "Elders said the celebrations would go on until the weekend.\n"
    )
    story = parse_bytes(text.encode("utf-8"), source="radio.txt").stories[0]
    assert story.dateline is not None
    assert (story.dateline.place, story.dateline.country) == (place, "KE")
    assert story.paragraphs[0].text.startswith("Dancers filled the square")


def test_a_source_name_glued_to_the_dateline_is_no_part_of_the_place() -> None:
    """An archive's line: title, the source's name, then the dateline with no space."""
    text = (
        "Flooding cuts the coastal road in Liberia DailyPostMONROVIA, Liberia (AP) - Heavy "
        "rains have cut the coastal road south of the capital for a second week, officials "
        "said on Friday, leaving several towns reachable only by boat.\n"
    )
    story = parse_bytes(text.encode("utf-8"), source="archive.txt").stories[0]
    assert story.dateline is not None
    assert (story.dateline.place, story.dateline.country) == ("Monrovia", "LR")
    assert story.agencies == ("AP",)


def test_a_title_in_capitals_and_a_colon_run_into_a_long_item_s_dateline() -> None:
    """AP's sports and state briefs: "TITLE IN CAPITALS: PLACE (AP) — ...", one long line."""
    lines = [
        "Sports briefs",
        "CLUB NAMES NEW COACH AFTER A SEASON OF LOSSES: DENVER (AP) — The club named its new "
        "coach on Tuesday, a week after the old one left, and said the search had taken less "
        "time than it expected.",
        "KEEPER SAYS HE'S READY TO RETURN FROM INJURY: ARLINGTON, Texas (AP) — The goalkeeper "
        "said on Wednesday that he is ready to play again after missing six weeks with a knee "
        "injury, though the club will decide.",
    ]
    dump = parse_bytes("\n\n".join(lines).encode("utf-8"), source="briefs.txt")
    assert [s.headline for s in dump.stories] == [
        "CLUB NAMES NEW COACH AFTER A SEASON OF LOSSES",
        "KEEPER SAYS HE'S READY TO RETURN FROM INJURY",
    ]
    assert [s.dateline.place for s in dump.stories if s.dateline] == ["Denver", "Arlington"]


def test_an_author_page_s_cards_with_a_dashed_short_date_after_the_byline() -> None:
    """"By AFP 03-07-23 16:42" under each title: the stamp is cut off the byline, so each
    card is a story of its own."""
    cards = [
        ("Farmers welcome early rains across the east", "03-07-23 16:42"),
        ("Court clears way for coastal wind farm", "03-07-23 10:11"),
        ("City opens its first night market in years", "02-07-23 22:18"),
    ]
    text = "Archives for AFP\n\n" + "".join(
        f"{title}\n\nBy AFP {stamp}\n\nThe story under this card runs for two sentences "
        "of plain text. It ends here with a full stop.\n\n"
        for title, stamp in cards
    )
    dump = parse_bytes(text.encode("utf-8"), source="author.txt")
    assert [s.headline for s in dump.stories] == [title for title, _ in cards]
    assert all(s.agencies == ("AFP",) for s in dump.stories)


def test_a_byline_run_into_a_stamp_that_opens_with_its_weekday() -> None:
    text = (
        "Flood waters recede in the north\n\n"
        "By Ciara Dunne Tuesday 21 Jun 2022, 9:14 AM\n\n"
        "Residents began clearing mud on Tuesday as the river fell back below its banks.\n"
    )
    main = parse(text).stories[0]
    assert main.byline is not None and main.byline.authors == ("Ciara Dunne",)
