"""Lines as a reader sees them: hard-wrapped paragraphs joined, a page flattened onto
one line cut back into blocks. Every character of the text lands in one unit."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace

from etl.parse.byline import parse_byline
from etl.parse.dateline import match_dateline
from etl.parse.lines import (
    BULLETS,
    READ_MORE_ANYWHERE,
    ends_sentence,
    is_boilerplate,
    is_caption,
    is_read_more_only,
    is_title_like,
    strip_read_more,
    subhead_text,
)

# A page counts as flattened when it has few lines and one of them is this long.
FLAT_LINE_CHARS = 2500
FLAT_MAX_LINES = 8
FLAT_MIN_CHARS = 250  # shorter lines are never taken for a flattened page
# Hard-wrapped text dumps break paragraphs at a fixed column in this range.
WRAP_MIN = 40  # the longest inner line seen; a real wrap column is wider (60-80)
WRAP_MAX = 100
WRAP_SLACK = 20  # an inner line of a wrapped paragraph falls short of the width by at most
TITLE_LIST_LINES = 3  # lines of titles, one under another, that are a list and never prose
_WINDOW = 4000  # flattened lines are searched for datelines this many characters at a time
_OVERLAP = 400  # longer than any dateline

SENTENCE_END = re.compile(r"[.!?](?:[\"”’')\]]+)?\s+(?=[\"“‘(]?[A-Z0-9])")
NO_CUT_AFTER = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|Prof|Jr|Sr|No|Inc|Corp|Co|Ltd"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|Fla|Calif|Mass|Wash)"
    r"|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$"
)
FLAT_CUT_BEFORE = re.compile(
    r"(?:Related\s+Links|Related\s+Stories|Share\s+this\s+article|Copyright\s+(?:©\s*)?\d{4}"
    r"|©\s*\d{4}|All\s+rights\s+reserved|Advertisement|Subscribe\b|Follow\s+us\b"
    r"|Email\s+This\s+Article|Comment\s+on\s+this\s+article)"
    r"|(?<=[a-z0-9'\"”?!])\s+(?=By\s+[A-Z][\w'’.-]*\s+[A-Z])"
)


@dataclass(slots=True)
class Unit:
    """One block of text: a non-blank line, or a piece of a flattened/shared line."""

    text: str
    ticker: bool = False  # one title of a line of them joined by bullets


# ---------------------------------------------------------------- flattened pages


def _structural_cuts(
    text: str, dump_date: dt.date | None
) -> tuple[set[int], list[tuple[int, int]]]:
    """Cuts that only a flattened page has inside one line: a dateline after other text,
    a "read more" with text after it, page furniture after text. Also the dateline spans,
    which no later cut may split."""
    protected: list[tuple[int, int]] = []
    cuts: set[int] = set()
    pos = 0
    while pos < len(text):
        # Search a window, not the whole rest: a page with thousands of datelines must
        # not cost a copy of the rest of the line per dateline.
        window = text[pos : pos + _WINDOW]
        found = match_dateline(window, dump_date, anywhere=True)
        if found is None:
            if pos + _WINDOW >= len(text):
                break
            pos += _WINDOW - _OVERLAP  # a dateline across the seam lies in the next window
            continue
        if found.end > len(window) - _OVERLAP and pos + _WINDOW < len(text):
            again = match_dateline(text[pos + found.start : pos + found.start + _WINDOW],
                                   dump_date)
            if again is not None:  # the window's end may have cut the dateline short
                found = replace(again, start=found.start, end=found.start + again.end)
        start, end = pos + found.start, pos + found.end
        if not is_caption(text[max(0, start - 120) : end]):
            cuts.add(start)
            protected.append((start, end))
        pos = max(end, pos + 1)
    for match in READ_MORE_ANYWHERE.finditer(text):
        cuts.add(match.end())
    for match in FLAT_CUT_BEFORE.finditer(text):
        cuts.add(match.start() if not match.group(0)[:1].isspace() else match.end())
    tail = len(text.rstrip())
    return {c for c in cuts if 0 < c < tail and text[c:].strip()}, protected


def _segment(text: str, dump_date: dt.date | None, *, force: bool) -> list[str] | None:
    """A flattened line cut into blocks (sentences and structure), or None when the line
    shows no sign of being a flattened page."""
    cuts, protected = _structural_cuts(text, dump_date)
    if not cuts and not force:
        return None
    for match in SENTENCE_END.finditer(text):
        if not NO_CUT_AFTER.search(text[max(0, match.start() - 24) : match.start() + 1]):
            cuts.add(match.end())
    starts = [s for s, _ in protected]  # spans are disjoint and in order
    ordered = []
    for cut in sorted(cuts):
        at = bisect.bisect_left(starts, cut) - 1
        if at < 0 or not protected[at][0] < cut < protected[at][1]:
            ordered.append(cut)
    pieces: list[str] = []
    last = 0
    for cut in [*ordered, len(text)]:
        piece = text[last:cut].strip()
        if piece:
            pieces.append(piece)
        last = cut
    return pieces


# An aggregator's archive line: "Title | Lede cut off... (photo: AP/ Jane Doe) Source".
_PIPE_ITEM = re.compile(r"^(?P<title>[^|]{10,160}?)\s\|\s(?P<lede>.{60,})$")
_PHOTO_TAIL = re.compile(
    r"(?:(?<=\.\.\.)|(?<=…))\s*(?P<tail>\((?:photo|Photo|PHOTO)\b[^()]*\).{0,120})$"
)
PIPE_ITEMS_MIN = 2  # lines of this shape on one page before they are read as items


def _pipe_item(line: str) -> list[str] | None:
    """[title, lede(, picture credit)] for an archive line of that shape, else None."""
    m = _PIPE_ITEM.match(line)
    if m is None or not is_title_like(m.group("title").strip()):
        return None
    lede = m.group("lede").strip()
    if not ("..." in lede[-200:] or "…" in lede[-200:]) or not lede[:1].isupper():
        return None  # an archive's lede is cut off; a title's own bar ("News | Sport") is not
    tail = _PHOTO_TAIL.search(lede)
    if tail is not None:
        return [m.group("title").strip(), lede[: tail.start()].strip(), tail.group("tail").strip()]
    return [m.group("title").strip(), lede]


# A credited dateline run into the text before it with no space, where a page's markup
# joined two blocks: "... pronto soccorsoRoma, 6 set. (askanews) – ...", "... we can.Jakarta
# (ANTARA) - ...", "— Reuters picBANGKOK, Aug 16 (Reuters) - ...", "... out of COP30Lagos (AFP)".
_GLUE = re.compile(r"(?<=[a-zà-ÿ0-9.!?»”\"’)])(?=[A-Z][A-Za-zÀ-ÿ]+[ ,(])")
GLUE_TRIES = 6  # glue points tried per line, left to right
GLUE_PREFIX_CHARS = 25
_GLUE_SIGN = re.compile(r"[(\[]|[a-z.!?»”\"’)][A-Z]{3,}|[a-z]{3}[A-Z][a-zà-ÿ]+ {1,2}[-–—] ")
# "Polish union demands shipyard aidWarsaw - Hundreds ...": a bare place and a dash glued to
# a title's last word; only a place the gazetteer knows, after three lower-case letters.
_BARE_GLUE = re.compile(r"(?<=[a-z]{3})")


def _glue_end(before: str) -> bool:
    """Text a dateline may be glued to: a sentence's end, or a headline's lower-case last
    word ("... pronto soccorso"); a name in title case ("The Daily Courier") is a site's,
    which the splitter reads with the dateline."""
    words = before.split()
    ends = before.endswith((".", "!", "?", "»", "”", '"'))
    # (or a title's last word ending in a figure: "... out of COP30Lagos (AFP) Oct 24")
    return bool(words) and (ends or words[-1][:1].islower() or words[-1][-1:].isdigit())


def _unglue(line: str, dump_date: dt.date | None) -> list[str]:
    """The line cut before each credited dateline glued to the text before it."""
    if not _GLUE_SIGN.search(line):
        return [line]  # (cheap test first: a credit in brackets or a dated dateline)
    cuts = []
    for tries, m in enumerate(_GLUE.finditer(line)):
        if tries >= GLUE_TRIES:
            break
        found = match_dateline(line[m.start() :], dump_date)
        bare = (
            found is not None
            and _BARE_GLUE.match(line, m.start()) is not None
            and found.dateline.country is not None
            and line[m.start() + len(found.dateline.raw) :].lstrip()[:1] in ("-", "–", "—")
        )
        if (
            found is not None
            and (found.dateline.agencies or found.dateline.date_source == "dateline" or bare)
            and found.start == 0
            and line[m.start() + found.end :].strip()
            and len(line[: m.start()].strip()) >= GLUE_PREFIX_CHARS
            and not is_caption(line[: m.start()])
            and _glue_end(line[: m.start()])
        ):  # (a stamp or a caption run into it is the splitter's to read, as residue)
            cuts.append(m.start())
    if not cuts:
        return [line]
    bounds = [0, *cuts, len(line)]
    pieces = (line[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False))
    return [piece for piece in pieces if piece]


# PTI's "top stories" digests print each item on one line: its slug ("DEL14"), its keywords
# in capitals ("OXYGEN PLANTS"), its title, then its dateline and text ("New Delhi: ...").
_WIRE_SLUG = re.compile(r"(?:^|(?<=\s))[A-Z]{3}\d{1,3}(?=\s+[A-Z0-9])")
_SLUG_KEYWORD = re.compile(r"[A-Z0-9][A-Z0-9'’&./-]*")
# A dateline's place and its colon after a title: one to three words in title case (a state
# code in brackets may follow), then ": " and the text.
_PLACE_COLON = re.compile(
    r"(?<=\s)(?P<place>[A-Z][\w'’.-]+(?:/[A-Z][\w'’.-]+)*(?:\s+\(?[A-Z][\w'’.-]*\)?){0,2})"
    r":\s+(?=[\"“‘]?[A-Z0-9])"
)
SLUG_ITEMS_MIN = 2  # lines of this shape on a page before any is cut
SLUG_REACH = 160  # the slug stands this close to the line's start
SLUG_ITEM_CHARS = 120  # the whole line runs at least this long
SLUG_TITLE_MIN = 15  # a title between the keywords and the dateline is this long


def _slug_item(line: str, dump_date: dt.date | None) -> list[str] | None:
    """[lead, slug and keywords, title, dateline and text] for a digest's item line, the
    lead (a section word, the digest's own opening) left out when there is none."""
    if len(line) < SLUG_ITEM_CHARS:
        return None
    slug = _WIRE_SLUG.search(line, 0, SLUG_REACH)
    if slug is None:
        return None
    words = list(re.finditer(r"\S+", line[slug.end() :]))
    title_at = None
    for index, word in enumerate(words):
        if any(ch.islower() for ch in word.group()):
            # (a title that opens with a name in capitals: "... BANK FRAUD CBI searches")
            back = index - 1 if word.group()[:1].islower() and index > 1 else index
            title_at = back if back >= 1 else None
            break
        if not _SLUG_KEYWORD.fullmatch(word.group()):
            return None
    if title_at is None:
        return None
    title_start = slug.end() + words[title_at].start()
    for m in _PLACE_COLON.finditer(line, title_start):
        place_words = m.group("place").split()
        # The longest run of the words before the colon that makes a dateline ("Centre New
        # Delhi:" is the title's "Centre", then "New Delhi:").
        for cut in range(len(place_words)):
            at = m.start("place") + len(" ".join(place_words[:cut])) + (1 if cut else 0)
            found = match_dateline(line[at:], dump_date)
            if (
                found is not None
                and found.start == 0
                and found.dateline.place
                and at - title_start >= SLUG_TITLE_MIN
            ):
                lead = line[: slug.start()].strip()
                pieces = [lead] if lead else []
                pieces += [line[slug.start() : title_start].strip(), line[title_start:at].strip()]
                return [*pieces, line[at:].strip()]
    return None


_SLUG_LINE = re.compile(r"[A-Z]{3}\d{1,3}(?:\s+[A-Z0-9][A-Z0-9'’&./-]*)+")


def slug_labels(units: list[Unit], dump_date: dt.date | None) -> frozenset[str]:
    """A digest item's slug and keywords ("DEL14 OXYGEN PLANTS") where its own title comes
    between them and its dateline: the desk's filing label, page furniture. (A slug with
    no title under it, straight over the dateline, is the item's only heading.)"""
    labels = set()
    for index in range(len(units) - 2):
        text = units[index].text
        if (
            _SLUG_LINE.fullmatch(text)
            and match_dateline(units[index + 1].text, dump_date) is None
            and (found := match_dateline(units[index + 2].text, dump_date)) is not None
            and found.start == 0
        ):
            labels.add(text)
    return frozenset(labels)


# Kyodo's news summaries run their items together, each after a rule of hyphens: "...
# standby. ---------- Survey ship seen in Japan's EEZ NAHA, Japan - A Chinese ship ...".
_RULE = re.compile(r"(?:^|(?<=\s))-{6,}(?=\s|$)")
# Where an item's dateline may start after its title: a word in capitals after a space.
_CAPS_START = re.compile(r"(?<=\s)(?=[A-Z][A-Z.'’-]+[\s,])")
RULE_TITLE_WORDS = 3  # a title before the item's dateline has at least this many words


def _rule_items(line: str, dump_date: dt.date | None) -> list[str] | None:
    """[text before, rule, title, dateline and text, rule, ...] for a line whose items
    follow rules of hyphens, each a title run into a dateline in capitals; else None."""
    rules = list(_RULE.finditer(line))
    if not rules:
        return None
    pieces = [line[: rules[0].start()].strip()]
    bounds = [*(m.start() for m in rules[1:]), len(line)]
    for rule, end in zip(rules, bounds, strict=True):
        item = line[rule.end() : end].strip()
        cut = _title_end(item, dump_date)
        if cut is None:
            return None  # every item must show the shape, or the rules are something else
        pieces += [rule.group(), item[:cut].strip(), item[cut:].strip()]
    return [piece for piece in pieces if piece]


def _title_end(
    item: str,
    dump_date: dt.date | None,
    starts: re.Pattern[str] = _CAPS_START,
    reach: int | None = None,
) -> int | None:
    """Where the dateline starts in "Title PLACE - text": the first word in capitals (or
    where `starts` says) that opens a dateline of a known place, after a title of a few
    words, within `reach` characters of the item's start."""
    for m in starts.finditer(item, 0, len(item) if reach is None else reach):
        if len(item[: m.start()].split()) < RULE_TITLE_WORDS:
            continue
        rest = item[m.start() :]
        found = match_dateline(rest, dump_date)
        if (
            found is not None
            and found.start == 0
            and rest.startswith(found.dateline.raw)  # ("EEZ NAHA, Japan -" is not one)
            and found.dateline.country is not None
        ):
            return m.start()
    return None


# A card list flattened one card a line: "Section Title Place – Lede... Read more 25 Sep,
# 2021", the title run into its dateline with only a space between them.
_WORD_START = re.compile(r"(?<=\s)(?=[A-Z])")
_RUN_IN_DASH = re.compile(r"\s[-–—]\s")
RUN_IN_ITEMS_MIN = 3  # lines of this shape on one page before any is cut
RUN_IN_REACH = 200  # the item's dateline starts this close to the line's start
RUN_IN_LINE_CHARS = 80


def _run_in_item(line: str, dump_date: dt.date | None) -> list[str] | None:
    """[title, dateline and text] for a card's line of that shape, else None."""
    if (
        len(line) < RUN_IN_LINE_CHARS
        or not _RUN_IN_DASH.search(line, 0, RUN_IN_REACH + 60)
        or _RULE.search(line)  # (a summary's rules of hyphens are _rule_items')
    ):
        return None
    cut = _title_end(line, dump_date, _WORD_START, RUN_IN_REACH)
    if cut is None:
        return None
    title, rest = line[:cut].strip(), line[cut:].strip()
    if SENTENCE_END.search(title + " X") and not is_title_like(title):
        return None  # (a sentence that names a place before a dash is text, not a card)
    found = match_dateline(rest, dump_date)
    if (
        found is None
        or found.dateline.agencies
        or found.dateline.date_source == "dateline"
        or not set(rest[len(found.dateline.raw) : found.end]) & set("-–—")
        or match_dateline(title, dump_date) is not None
    ):
        # Only "Place – text", a bare place and a dash as the cards print it; a credited
        # or dated dateline run into text is _unglue's, and a line that opens with a
        # dateline is no card.
        return None
    return [title, rest]


ECHO_TITLE_CHARS = 15  # a title printed again at the head of its item's text is this long


def _title_echo(above: str, line: str, dump_date: dt.date | None) -> int:
    """Where the item's own text starts on a line that opens with the title just above it,
    run straight into the item's dateline; 0 where the line does not."""
    if len(above) < ECHO_TITLE_CHARS or len(line) <= len(above) or not line.startswith(above):
        return 0
    rest = line[len(above) :].lstrip()
    found = match_dateline(rest, dump_date)
    return len(above) if found is not None and found.start == 0 else 0


# "Title one  • Title two  • Title three": a site's ticker of other stories on one line.
_TICKER_CUT = re.compile(r"\s+•\s+")
TICKER_TITLES_MIN = 3
TICKER_TITLE_CHARS = 160


def _ticker_titles(line: str) -> list[str] | None:
    """The titles of a line of them joined by bullets, else None."""
    if line.count("•") < TICKER_TITLES_MIN - 1:
        return None
    titles = _TICKER_CUT.split(line.strip())
    if len(titles) < TICKER_TITLES_MIN or not all(
        0 < len(t) <= TICKER_TITLE_CHARS and is_title_like(t) for t in titles
    ):
        return None
    return titles


def to_units(lines: list[str], dump_date: dt.date | None) -> list[Unit]:
    few = len(lines) <= FLAT_MAX_LINES
    units: list[Unit] = []
    items = [_pipe_item(line) if " | " in line else None for line in lines]
    found = sum(item is not None for item in items)
    if found >= PIPE_ITEMS_MIN and 2 * found >= sum(bool(line.strip()) for line in lines):
        # An archive of "Title | lede" lines: each line is a title, then its text.
        for line, item in zip(lines, items, strict=True):
            units.extend(Unit(piece) for piece in item) if item else units.append(Unit(line))
        return units
    run_in = [_run_in_item(line, dump_date) for line in lines]
    if sum(item is not None for item in run_in) >= RUN_IN_ITEMS_MIN:
        lines = [piece for line, item in zip(lines, run_in, strict=True)
                 for piece in (item or [line])]
        few = len(lines) <= FLAT_MAX_LINES
    slugged = [_slug_item(line, dump_date) for line in lines]
    if sum(item is not None for item in slugged) < SLUG_ITEMS_MIN:
        slugged = [None] * len(lines)
    for line, item in zip(lines, slugged, strict=True):
        if item is not None:
            units.extend(Unit(piece) for piece in item)
            continue
        titles = _ticker_titles(line) if "•" in line else None
        if titles is not None:
            units.extend(Unit(title, ticker=True) for title in titles)
            continue
        ruled = _rule_items(line, dump_date) if "------" in line else None
        if ruled is not None:
            units.extend(Unit(piece) for piece in ruled)
            continue
        echo = _title_echo(units[-1].text if units else "", line, dump_date)
        if echo:
            # "Sultan greets Zambia's president" / "Sultan greets Zambia's president
            # Muscat, 23 Oct (ONA) --- ...": the title printed again before the dateline is
            # a unit of its own (an echo, which the splitter drops), the dateline opens one.
            units.append(Unit(line[:echo]))
            line = line[echo:].lstrip()
        pieces = None
        if few and len(line) >= FLAT_MIN_CHARS:
            pieces = _segment(line, dump_date, force=len(line) >= FLAT_LINE_CHARS)
        if pieces is None:
            units.extend(Unit(piece) for piece in _unglue(line, dump_date))
        else:
            units.extend(Unit(piece) for piece in pieces)
    return units


# ---------------------------------------------------------------- hard-wrapped text


def _blocks(text: str) -> list[list[str]]:
    """Non-blank lines, grouped into the blocks that blank lines separate."""
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def wrap_width(blocks: list[list[str]]) -> int | None:
    """The column a dump was hard-wrapped at, or None when it shows no sign of wrapping.

    A wrapped dump's inner lines (all but each block's last) crowd just under one width;
    a dump with one paragraph per line has many inner lines far longer than any wrap.
    """
    inner = [len(line) for block in blocks if len(block) >= 2 for line in block[:-1]]
    fitting = [n for n in inner if n <= WRAP_MAX]
    if len(inner) < 2 or not fitting:
        return None
    width = max(fitting)
    if width < WRAP_MIN:
        return None
    near = len([n for n in inner if width - WRAP_SLACK <= n <= width])
    longer = len(inner) - len(fitting)  # short inner lines (lists, labels) say nothing
    return width if near >= 2 and near >= 0.7 * (near + longer) else None


def _is_wrapped_block(
    block: list[str], width: int, dump_date: dt.date | None, title_lines: int = TITLE_LIST_LINES
) -> bool:
    """Whether a block is one paragraph of prose broken at `width` columns: every inner
    line is full (the next line's first word would not have fitted), few inner lines end a
    sentence, and no line is a header, a subhead, furniture or a list item."""
    # `width` is the longest inner line seen, which may fall a word short of the real wrap
    # column that a last line can reach; a "read more" marker may run past it, too.
    last = strip_read_more(block[-1])[0]
    if len(block) < 2 or any(len(line) > width + 1 for line in block[:-1]):
        return False
    if len(last) > width + WRAP_SLACK // 2:
        return False
    inner = block[:-1]
    for line, following in zip(inner, block[1:], strict=True):
        if len(line) + 1 + len(following.split()[0]) <= width - 1:
            return False  # room for another word: the writer broke the line on purpose
    if sum(ends_sentence(line) for line in inner) > len(inner) // 3:
        return False
    if _title_list(block, title_lines):
        return False  # "ACME CORP: Wage Suit Dropped" line after line: a list of titles
    for index, line in enumerate(block):
        if line[:1] in BULLETS or (line[:3].lower() == "by " and parse_byline(line)):
            return False  # "by the ministry ..." may open a wrapped line; a byline may not
        # Page furniture starts with a capital ("Share this", "Related Links"); a wrapped
        # line of prose may well start "more from the ministry" or "share of the vote".
        furniture = not line[:1].islower() and is_boilerplate(line)
        if furniture or is_caption(line) or subhead_text(line) is not None:
            return False
        if is_read_more_only(line) or (index < len(block) - 1 and strip_read_more(line)[1]):
            return False
        found = match_dateline(line, dump_date)
        if found is not None and (index > 0 or not line[found.end :].strip()):
            return False  # a dateline may open the paragraph, never sit inside it
    return True


def _title_list(block: list[str], least: int = TITLE_LIST_LINES) -> bool:
    """Titles one under another, each its own (a caption printed twice is no list)."""
    return (
        len(block) >= least
        and len(set(block)) == len(block)
        and all(is_title_like(line) for line in block)
    )


def join_wrapped(lines: list[str]) -> str:
    """One paragraph from its wrapped lines; a word hyphenated at a line end stays whole
    ("well-" + "known" -> "well-known")."""
    text = lines[0]
    for line in lines[1:]:
        glue = "" if re.search(r"[^\W\d_]-$", text) and line[:1].isalpha() else " "
        text += glue + line
    return text


def unwrap_lines(text: str, dump_date: dt.date | None) -> list[str]:
    """The dump's non-blank lines, with each hard-wrapped paragraph joined into one line.
    Dumps with one paragraph per line come back line for line."""
    blocks = _blocks(text)
    width = wrap_width(blocks)
    lines: list[str] = []
    # Where one block is a list of titles, a block of two titles on the same page is, too.
    title_lines = TITLE_LIST_LINES
    if width is not None and any(_title_list(block) for block in blocks):
        title_lines = 2
    for block in blocks:
        if width is not None and _is_wrapped_block(block, width, dump_date, title_lines):
            lines.append(join_wrapped(block))
        else:
            lines.extend(block)
    return lines
