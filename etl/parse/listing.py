"""Pages of briefs and teaser lists: one story's paragraphs that are really several
stories (a title, a lede or two, a title, ...)."""

from __future__ import annotations

import re
from dataclasses import replace

from etl.model import Paragraph
from etl.parse.agencies import signoff_body, title_sources
from etl.parse.draft import Draft
from etl.parse.lines import BULLET_MARKS, all_caps, debullet, headline_candidate, is_prose

LISTING_ITEM_MAX = 2  # paragraphs under each title in a listing; an article's sections run longer

CUT_LEDE_CHARS = 100  # a lede cut off mid-sentence under a title is at least this long
TABLE_INTRO_CHARS = 120  # a line this short ending in a colon introduces a table, no lede

# A press release's own sections: headings inside one story, never other stories' titles.
_RELEASE_SECTION = re.compile(
    r"^(?:about\s+\S|forward[- ]looking\s+(?:statements?|information)|safe\s+harbou?r"
    r"|cautionary\s+(?:note|statement)|(?:media|press|investor)\s+(?:contacts?|relations"
    r"|inquiries|enquiries)|contacts?\s*:?\s*$|for\s+(?:more|further)\s+information"
    r"|notes?\s+to\s+editors?|disclaimer|qualified\s+persons?)",
    re.IGNORECASE,
)


# "- Canopy Growth Enters into an Agreement ...": a list's item marked by a dash and a space
# (a sign-off, "- AFP", is too short to read as a title).
_DASH_ITEM = re.compile(r"-[ \t]+(?=[A-Z\"“‘](?:\S*\s+){3})")


def _undash(text: str) -> str:
    m = _DASH_ITEM.match(text)
    return text[m.end() :] if m else text


LAST_LEDE_WORDS = 5  # a lede the page's copy cuts short still has a few words
# One short sentence under a title: a listing's summary, too short to read as prose.
_SHORT_LEDE = re.compile(r"[\"“‘A-Z][^.!?]*(?:\s\S+){4,}[.!?][\"”’]?")


def split_listing(
    draft: Draft, *, in_listing: bool = False, briefs_page: bool = False
) -> list[Draft]:
    """A story whose text is a listing (title, a lede or two, title, a lede, ...) is several
    stories: briefs, or teasers when their lede is cut off. Sections of one article run
    longer under their subheads, so only short items under every title count, unless the
    page calls itself briefs ("News in Brief": each title heads a brief told whole)."""
    paras = draft.paragraphs
    last = len(paras) - 1

    def lede(k: int) -> bool:  # the text under a title; the page's last may be cut short
        text = paras[k].text
        if text.rstrip().endswith(":") and len(text) < TABLE_INTRO_CHARS:
            return False  # "Differentials for cargoes bound for Asia:": a table follows
        if is_prose(text) or (k == last and len(text) >= 40 and cut_off(text)):
            return True
        if k == last and len(text.split()) >= LAST_LEDE_WORDS and cut_off(text):
            return True  # "A teenager who attacked a rabb": the page's copy ends in a lede
        if _SHORT_LEDE.fullmatch(text) and not headline_candidate(text, min_words=2):
            return True  # "PPP leaders find the new coalition strange.": one short sentence
        # A lede cut off before its full stop reads like a long title; it runs well past
        # the title over it.
        return lede_cut_short(text) and len(text) >= 1.5 * len(paras[k - 1].text)

    breaks = [
        j
        for j in range(1, last)
        if paras[j].kind == "text"
        and headline_candidate(_undash(paras[j].text), min_words=2)
        and not (  # (a list of dashed titles, no ledes: "Trending" / "- Title" / "- Title")
            _DASH_ITEM.match(paras[j + 1].text)
            and headline_candidate(_undash(paras[j + 1].text), min_words=2)
        )
        and not is_release_section(paras[j].text)
        and not is_caps_label(paras[j].text)
        and not _in_bullet_list(paras[j - 1].text, paras[j].text, paras[j + 1].text)
        and lede(j + 1)
        and not (
            headline_candidate(paras[j - 1].text)
            and not lede_cut_short(paras[j - 1].text)
            and not _label_after_lede(paras, j - 1)
        )
    ]
    if not breaks:
        return [draft]
    bounds = [0, *breaks, len(paras)]
    sizes = [b - a for a, b in zip(bounds, bounds[1:], strict=False)]
    if (
        draft.dateline is not None
        and sizes[0] >= ARTICLE_HEAD_PARAGRAPHS
        and all(len(paras[j].text.split()) <= SUBHEAD_WORDS for j in breaks)
    ):
        # "Culture and science", "Terror attack": short subheads inside one datelined
        # article that runs on before them, not the titles of a listing's items.
        return [draft]
    items = [size - 1 for size in sizes[1:]]  # the title is not an item's paragraph
    # A "read more" link closing every item before the next title marks a listing of
    # teasers, however long each lede runs ("Title / text / quote / Read more"); the
    # first title follows the page's own text, with no link above it.
    linked = len(breaks) >= 2 and all(j in draft.more_after for j in breaks[1:])
    if (
        max(items) > LISTING_ITEM_MAX
        and not (briefs_page and draft.dateline is None)
        and not linked
    ):
        return _split_at_attributed_titles(draft, breaks)
    if (
        len(breaks) < 2
        and not in_listing
        and (sizes[0] > LISTING_ITEM_MAX or not cut_off(paras[-1].text))
    ):
        return [draft]  # one title in a short text: a subhead, unless a teaser follows it
    marked = draft.more_after  # "Full Story" links under items: each such item is a teaser
    first_marked = breaks[0] in marked
    head = paras[: breaks[0]]
    if len(head) > 1 and _section_label(head[-1]):
        head = [*head[:-1], Paragraph("subhead", head[-1].text)]
    out = [
        replace(
            draft,
            paragraphs=head,
            is_teaser=draft.is_teaser or first_marked,
            read_more=draft.read_more or first_marked,
            more_after=set(),
        )
    ]
    for start, end in zip(breaks, [*breaks[1:], len(paras)], strict=True):
        body = paras[start + 1 : end]
        if end < len(paras) and len(body) > 1 and _section_label(body[-1]):
            body = [*body[:-1], Paragraph("subhead", body[-1].text)]
        out.append(
            Draft(
                headline=_undash(debullet(paras[start].text)),
                paragraphs=list(body),
                is_teaser=draft.is_teaser
                or end in marked
                or _cut_unsigned(_last_text(body)) and not briefs_page,
                read_more=end in marked,
                closed=True,
            )
        )
    return out


# "Training for rural nurses to be expanded - Azhar", "Exams only when safe – Minister":
# a headline that names its speaker after a dash, or its sources in brackets ("... (B92,
# Tanjug)"); no article's subhead reads so.
_ATTRIBUTED = re.compile(r"\s[-–—]\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}\s*$")
ATTRIBUTED_TITLE_WORDS = 6


def _split_at_attributed_titles(draft: Draft, breaks: list[int]) -> list[Draft]:
    """Whole stories one after another (a blog's archive page): only titles that name
    their speaker after a dash, under a paragraph that ends a sentence, start one."""
    paras = draft.paragraphs
    cuts = [
        j
        for j in breaks
        if (_ATTRIBUTED.search(paras[j].text) or title_sources(paras[j].text))
        and len(paras[j].text.split()) >= ATTRIBUTED_TITLE_WORDS
        and not cut_off(paras[j - 1].text)
    ]
    if not cuts:
        return [draft]
    out = [replace(draft, paragraphs=paras[: cuts[0]], more_after=set())]
    for start, end in zip(cuts, [*cuts[1:], len(paras)], strict=True):
        title = debullet(paras[start].text)
        out.append(
            Draft(
                headline=title,
                paragraphs=paras[start + 1 : end],
                credits=list(title_sources(title)),
            )
        )
    return out


SECTION_LABEL_WORDS = 3
SECTION_LABEL_CHARS = 30


def _section_label(para: Paragraph) -> bool:
    """"Großbritannien", "USA", "Middle East": the label over the next item of a page of
    briefs, printed under the last item's text; a subhead of the page, not that text."""
    text = para.text.strip()
    return (
        para.kind == "text"
        and 0 < len(text) <= SECTION_LABEL_CHARS
        and len(text.split()) <= SECTION_LABEL_WORDS
        and text[:1].isupper()
        and not text.endswith((".", "!", "?", ":", ",", ";"))
    )


def _in_bullet_list(above: str, line: str, below: str) -> bool:
    """"* Rights issue expected to raise ..." between other bulleted lines: a list's item
    (a brief's key points), no story's title."""
    mark = line[:1]
    return mark in BULLET_MARKS and (above[:1] == mark or below[:1] == mark)


CAPS_LABEL_WORDS = 4  # "THE GLOBE AND MAIL", "NATIONAL POST": a section label, no title


def is_release_section(text: str) -> bool:
    return _RELEASE_SECTION.match(text) is not None


def is_caps_label(text: str) -> bool:
    """A short line in capitals heading a section of a digest: no story's title."""
    return all_caps(text) and len(text.split()) <= CAPS_LABEL_WORDS


LABEL_WORDS = 4  # "Person of the Day", "Editor's pick": a section label over an item
SUBHEAD_WORDS = 3  # "Terror attack": a subhead; a listing item's title says more
ARTICLE_HEAD_PARAGRAPHS = 2  # a datelined article's text before its first subhead


def _label_after_lede(paras: list[Paragraph], k: int) -> bool:
    """A short label between an item's lede and the next item's title ("... the latter." /
    "Person of the Day" / "Herb Frierson" / lede): it heads the next item, no title itself."""
    return (
        k >= 1
        and len(paras[k].text.split()) <= LABEL_WORDS
        and is_prose(paras[k - 1].text)
    )


def lede_cut_short(text: str) -> bool:
    """A long line without its full stop: a lede cut off, though it reads like a title."""
    return len(text) >= CUT_LEDE_CHARS and cut_off(text)


def is_listing(drafts: list[Draft]) -> bool:
    """A page of several stories, most of them a single paragraph: a list of ledes."""
    single = sum(len([p for p in d.paragraphs if p.kind == "text"]) == 1 for d in drafts)
    return len(drafts) >= 2 and 2 * single > len(drafts)


TEASER_LEDE_CHARS = 400  # a listing item whose one paragraph is shorter is a teaser


def is_briefs(drafts: list[Draft]) -> bool:
    """A page of briefs: no item runs long, and the items open with their own datelines,
    no titles ("NAIROBI (AP) — ...", "LIMA, Peru (AP) — ..."). After a full article, the
    same items are the site's teasers of other stories ("More from ...")."""
    texts = [len([p for p in d.paragraphs if p.kind == "text"]) for d in drafts]
    untitled = sum(d.dateline is not None and d.headline is None for d in drafts[1:])
    return max(texts, default=0) <= LISTING_ITEM_MAX and untitled >= 2


def _cut_unsigned(text: str) -> bool:
    """Cut off, once a sign-off is set aside ("... said on Sunday. dpa" ends whole)."""
    body = signoff_body(text)
    return cut_off(text if body is None else body)


def _last_text(paras: list[Paragraph]) -> str:
    return next((p.text for p in reversed(paras) if p.kind == "text"), "")


def listing_teaser(
    draft: Draft, *, main: bool, briefs: bool = False, titled: bool = False
) -> bool:
    """On a page of several stories, an item that shows one short lede, or a lede cut off
    mid-sentence, is a teaser of a story told elsewhere (on the real-page corpus, 4 in 5
    such items are labelled teasers); an item of several paragraphs is a story."""
    texts = [p.text for p in draft.paragraphs if p.kind == "text"]
    if briefs and draft.dateline is not None and texts and not cut_off(texts[-1]):
        return False  # "NAIROBI (AP) — ... ." on a page of briefs: told in full
    if titled and texts and not cut_off(texts[-1]):
        return False  # an item told to its full stop on a page titled "In brief"
    if texts and signoff_body(texts[-1]) is not None and not _cut_unsigned(texts[-1]):
        return False  # "... verletzt worden. AP": signed off at its end, so told whole
    if draft.byline is not None:  # a signed story is told in full unless its text is cut
        return bool(texts) and cut_off(texts[-1]) and len(texts) <= 2
    if len(texts) == 1:
        return len(texts[0]) < TEASER_LEDE_CHARS or (not main and cut_off(texts[0]))
    return len(texts) == 2 and not main and cut_off(texts[-1])


def cut_off(text: str) -> bool:
    """A lede that stops mid-sentence or in an ellipsis: a teaser of a longer story."""
    end = text.rstrip("\"'”’)] ")
    return end.endswith(("...", "…")) or not end.endswith((".", "!", "?"))


TITLE_RUN_MIN = 4  # bare titles in a row before they read as a list of other stories
TITLE_RUN_CHARS = 160  # a list's title is one line; a longer line is text


_LIST_DASH = re.compile(r"[-–][ \t]+(?=\S)")


def _item_text(text: str) -> str:
    """A list line without its bullet, a dash one included ("- Title", "– Title")."""
    m = _LIST_DASH.match(text)
    return text[m.end() :] if m is not None else debullet(text)


def _bare_title(para: Paragraph, *, dashes: bool = False) -> bool:
    """A line of a list of links: a title alone, in sentence or title case, no full stop
    (with `dashes`, perhaps set off by a dash: "- Title")."""
    text = _item_text(para.text) if dashes else debullet(para.text)
    return (
        para.kind == "text"
        and len(text) <= TITLE_RUN_CHARS
        and headline_candidate(text, min_words=3)
        and not all_caps(text)
        and not lede_cut_short(text)
        and not text.rstrip("\"'”’)] ").endswith((".", "!", ":", ";", ","))
    )


TITLE_LEDE_CHARS = 70  # a lede under a list's title: a line this long at least, cut off
TITLE_LEDE_RATIO = 1.3  # and longer than the title over it by this much


def _lede_under(title: Paragraph, text: str) -> bool:
    """A list's item may show the start of its story under its title: a longer line that
    stops mid-sentence."""
    return (
        _bare_title(title)
        and len(text) >= max(TITLE_LEDE_CHARS, TITLE_LEDE_RATIO * len(title.text))
        and cut_off(text)
    )


def _title_items(
    paras: list[Paragraph], *, ledes: bool, dashes: bool = False
) -> list[tuple[int, int]]:
    """The list closing `paras`, last item first: (title index, end index) per item."""
    items: list[tuple[int, int]] = []
    end = len(paras)
    while end > 0:
        if ledes and end >= 2 and _lede_under(paras[end - 2], paras[end - 1].text):
            items.append((end - 2, end))
        elif _bare_title(paras[end - 1], dashes=dashes):
            items.append((end - 1, end))
        else:
            break
        end = items[-1][0]
    return items


def split_title_run(draft: Draft) -> list[Draft]:
    """Bare titles closing a story, or making up all of it ("More news", a section's or a
    feed's headlines): each is a teaser of a story told elsewhere, with no text of its own.

    Why teasers rather than the story's text: a reader of the archive finds each title as a
    story's headline; labellers of real pages count such lists as teasers more often than
    not, and an extra teaser costs the page's story count where a missed one costs every
    field of its story."""
    paras = draft.paragraphs
    items = _title_items(paras, ledes=True)
    if 2 * sum(stop - title > 1 for title, stop in items) < len(items):
        items = _title_items(paras, ledes=False)  # a few long titles, not titles and ledes
    if len(items) < TITLE_RUN_MIN:
        dashed = _title_items(paras, ledes=False, dashes=True)
        if dashed and dashed[-1][0] == 0 and not (draft.headline or draft.dateline):
            items = dashed  # a page of "- Title" lines and nothing else: a list of links
    end = items[-1][0] if items else len(paras)
    if len(items) < TITLE_RUN_MIN or draft.is_teaser:
        return [draft]
    head = paras[:end]
    if head and not any(p.kind == "text" and is_prose(p.text) for p in head):
        return [draft]  # short lines above the run: a list of points, not a story and links
    teasers = [
        Draft(
            headline=_item_text(paras[title].text),
            paragraphs=list(paras[title + 1 : stop]),
            is_teaser=True,
            closed=True,
        )
        for title, stop in reversed(items)
    ]
    if head or draft.headline or draft.dateline or draft.byline:
        return [replace(draft, paragraphs=list(head)), *teasers]
    return teasers  # the page is a list of titles and nothing else


# "ITALY-POPE — The pontiff has left ...": an agency's coverage plan names each story by its
# slug in capitals, a dash, then a summary (perhaps "By Ann Lee. SENT: 460 words, photos.").
_SLUG_ITEM = re.compile(
    r"(?P<slug>[A-Z0-9][A-Z0-9 ,'’&/.:-]{1,60}?[A-Z0-9])[ \t]+(?:[—–]|--)[ \t]+"
    r"(?P<text>[\"“‘A-Z0-9].*)",
    re.DOTALL,
)
SLUG_ITEMS_MIN = 2  # slugged paragraphs before a digest's text reads as a list of them


def _slug_item(para: Paragraph) -> re.Match[str] | None:
    m = _SLUG_ITEM.fullmatch(para.text) if para.kind == "text" else None
    return m if m is not None and any(ch.isalpha() for ch in m.group("slug")) else None


def split_slug_items(draft: Draft) -> list[Draft]:
    """On an agency's digest, a paragraph opening with a slug in capitals and a dash is one
    story of the digest: the slug is its headline, the summary its text."""
    paras = draft.paragraphs
    found = [(k, m) for k, para in enumerate(paras) if (m := _slug_item(para)) is not None]
    if len(found) < SLUG_ITEMS_MIN:
        return [draft]
    starts = [k for k, _ in found]
    items: list[Draft] = []
    for at, (k, m) in enumerate(found):
        stop = starts[at + 1] if at + 1 < len(starts) else len(paras)
        items.append(
            Draft(
                headline=m.group("slug"),
                paragraphs=[Paragraph("text", m.group("text")), *paras[k + 1 : stop]],
            )
        )
    head = paras[: starts[0]]
    if head or draft.headline or draft.dateline or draft.byline:
        return [replace(draft, paragraphs=list(head)), *items]
    return items


# "– The prime minister met the envoy on Monday ...": under a digest's slug, each further
# report of the topic is a paragraph of its own opening with a dash.
_DIGEST_DASH = re.compile(
    r"[ \t]*[-–—](?:[ \t]+|(?=[A-ZÀ-Ý][a-zà-ÿ]))(?P<text>[\"“‘«A-ZÀ-Ý].*)", re.DOTALL
)
DIGEST_DASH_CHARS = 100  # a report, not a bulleted title


def split_dash_items(draft: Draft) -> list[Draft]:
    """On an agency's digest, a prose paragraph opening with a dash is one more story of it:
    the digest's reports on one topic, each a paragraph under the topic's slug."""
    paras = draft.paragraphs
    if draft.dateline is None:
        return [draft]  # the topic's first report opens with its dateline
    starts = [
        k
        for k, para in enumerate(paras)
        if k
        and para.kind == "text"
        and len(para.text) >= DIGEST_DASH_CHARS
        and _DIGEST_DASH.match(para.text)
        and is_prose(para.text)
    ]
    if not starts:
        return [draft]
    items = [replace(draft, paragraphs=list(paras[: starts[0]]))]
    for at, k in enumerate(starts):
        stop = starts[at + 1] if at + 1 < len(starts) else len(paras)
        m = _DIGEST_DASH.match(paras[k].text)
        assert m is not None
        items.append(Draft(paragraphs=[Paragraph("text", m.group("text")), *paras[k + 1 : stop]]))
    return items


TOPIC_SLUG_WORDS = 4  # "ISRAEL PALESTINA", "UE MERCOSUR": a digest's topic in capitals


def lift_topic_slugs(drafts: list[Draft]) -> None:
    """A digest's topic slug printed over a report is that report's headline, not the last
    paragraph of the report before it."""
    for before, after in zip(drafts, drafts[1:], strict=False):
        if after.headline or after.dateline is None or len(before.paragraphs) < 2:
            continue
        last = before.paragraphs[-1]
        words = last.text.split()
        if last.kind == "text" and len(words) <= TOPIC_SLUG_WORDS and all_caps(last.text):
            before.paragraphs.pop()
            after.headline = last.text


UNTITLED_BRIEFS_MIN = 3  # untitled paragraphs of a briefs page before each is read as a brief
UNTITLED_BRIEF_CHARS = 80  # a brief runs at least this long: a sentence or two of news
CUT_BRIEF_CHARS = 20
BRIEFS_LABEL_WORDS = 3  # "The US", "World": a section's label over its briefs, no title
# "Following is a summary of current world news briefs.": the page's intro over its briefs.
_BRIEFS_INTRO = re.compile(r"\s*following\s+(?:is|are)\s+(?:a\s+)?summar", re.IGNORECASE)


def split_untitled_briefs(draft: Draft, *, page_heading: bool = False) -> list[Draft]:
    """On a page its title calls briefs ("News In Brief", "a summary of current world news
    briefs"), a story with no dateline made of untitled prose paragraphs is that many
    briefs: each paragraph one story, under the page's credit. `page_heading`: the story's
    headline is the page's own ("World News Summary"), no brief's title."""
    texts = [p for p in draft.paragraphs if p.kind == "text"]
    if texts and _BRIEFS_INTRO.match(texts[0].text) and len(texts[0].text) < UNTITLED_BRIEF_CHARS:
        texts = texts[1:]  # (the intro, a line of its own, stays with the first brief)
    head = draft.headline or ""
    titled = (
        not page_heading
        and len(head.split()) > BRIEFS_LABEL_WORDS
        and not _BRIEFS_INTRO.match(head)
    )
    if (
        titled  # (a brief's own title over its paragraphs: one brief, however long)
        or draft.dateline is not None
        or len(texts) < UNTITLED_BRIEFS_MIN
        or any(p.kind != "text" for p in draft.paragraphs)
        or not all(len(p.text) >= UNTITLED_BRIEF_CHARS and is_prose(p.text) for p in texts[:-1])
        or len(texts[-1].text) < CUT_BRIEF_CHARS  # (the page may cut its last brief short)
    ):
        return [draft]
    lead = draft.paragraphs[: len(draft.paragraphs) - len(texts) + 1]
    return [
        replace(draft, paragraphs=lead),
        *(Draft(paragraphs=[para], credits=list(draft.credits)) for para in texts[1:]),
    ]


LEDE_LINES_MIN = 6  # ledes in a row, with no blank line, title or dateline among them
LEDE_CHARS = (110, 330)  # one lede of a tag page: a sentence, cut or not
LEDE_ONE_SENTENCE = 0.75  # share of the ledes that are one sentence
LEDE_LAST_CHARS = 40  # the last line: a lede, perhaps cut off by the page's end
_SENTENCE_END = re.compile(r"[.!?][\"”’»)]*\s+(?=[\"“‘«(]?[A-ZÀ-Ý])")


def lede_lines(lines: list[str]) -> bool:
    """A tag or section page of one-sentence ledes, one a line with no blank line between
    them and no title over them ("sapo24.sapo.pt/tag/..."): each line is a story of its own,
    told elsewhere. A story's own paragraphs vary in length and hold several sentences."""
    body = [line.strip() for line in lines]
    if len(body) < LEDE_LINES_MIN or not all(body):
        return False
    low, high = LEDE_CHARS
    whole = body[:-1]  # (the last may be cut off by the stored page's end)
    if not all(low <= len(line) <= high and is_prose(line) for line in whole):
        return False
    if len(body[-1]) < LEDE_LAST_CHARS:
        return False  # a story's sign-off or copyright line ends it: "rgh/ocs", "© 2000 ..."
    single = sum(1 for line in whole if not _SENTENCE_END.search(line))
    return single >= LEDE_ONE_SENTENCE * len(whole)
