"""Pages of briefs and teaser lists: one story's paragraphs that are really several
stories (a title, a lede or two, a title, ...)."""

from __future__ import annotations

import re
from dataclasses import replace

from etl.model import Paragraph
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
        # A lede cut off before its full stop reads like a long title; it runs well past
        # the title over it.
        return lede_cut_short(text) and len(text) >= 1.5 * len(paras[k - 1].text)

    breaks = [
        j
        for j in range(1, last)
        if paras[j].kind == "text"
        and headline_candidate(paras[j].text, min_words=2)
        and not _RELEASE_SECTION.match(paras[j].text)
        and not _caps_label(paras[j].text)
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
    if max(items) > LISTING_ITEM_MAX and not (briefs_page and draft.dateline is None):
        return _split_at_attributed_titles(draft, breaks)
    if (
        len(breaks) < 2
        and not in_listing
        and (sizes[0] > LISTING_ITEM_MAX or not cut_off(paras[-1].text))
    ):
        return [draft]  # one title in a short text: a subhead, unless a teaser follows it
    marked = draft.more_after  # "Full Story" links under items: each such item is a teaser
    first_marked = breaks[0] in marked
    out = [
        replace(
            draft,
            paragraphs=paras[: breaks[0]],
            is_teaser=draft.is_teaser or first_marked,
            read_more=draft.read_more or first_marked,
            more_after=set(),
        )
    ]
    for start, end in zip(breaks, [*breaks[1:], len(paras)], strict=True):
        body = paras[start + 1 : end]
        out.append(
            Draft(
                headline=debullet(paras[start].text),
                paragraphs=list(body),
                is_teaser=draft.is_teaser
                or end in marked
                or cut_off(body[-1].text) and not briefs_page,
                read_more=end in marked,
                closed=True,
            )
        )
    return out


# "Training for rural nurses to be expanded - Azhar", "Exams only when safe – Minister":
# a headline that names its speaker after a dash; no article's subhead reads so.
_ATTRIBUTED = re.compile(r"\s[-–—]\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}\s*$")
ATTRIBUTED_TITLE_WORDS = 6


def _split_at_attributed_titles(draft: Draft, breaks: list[int]) -> list[Draft]:
    """Whole stories one after another (a blog's archive page): only titles that name
    their speaker after a dash, under a paragraph that ends a sentence, start one."""
    paras = draft.paragraphs
    cuts = [
        j
        for j in breaks
        if _ATTRIBUTED.search(paras[j].text)
        and len(paras[j].text.split()) >= ATTRIBUTED_TITLE_WORDS
        and not cut_off(paras[j - 1].text)
    ]
    if not cuts:
        return [draft]
    out = [replace(draft, paragraphs=paras[: cuts[0]], more_after=set())]
    for start, end in zip(cuts, [*cuts[1:], len(paras)], strict=True):
        out.append(Draft(headline=debullet(paras[start].text), paragraphs=paras[start + 1 : end]))
    return out


def _in_bullet_list(above: str, line: str, below: str) -> bool:
    """"* Rights issue expected to raise ..." between other bulleted lines: a list's item
    (a brief's key points), no story's title."""
    mark = line[:1]
    return mark in BULLET_MARKS and (above[:1] == mark or below[:1] == mark)


CAPS_LABEL_WORDS = 4  # "THE GLOBE AND MAIL", "NATIONAL POST": a section label, no title


def _caps_label(text: str) -> bool:
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


def listing_teaser(draft: Draft, *, main: bool, briefs: bool = False) -> bool:
    """On a page of several stories, an item that shows one short lede, or a lede cut off
    mid-sentence, is a teaser of a story told elsewhere (on the real-page corpus, 4 in 5
    such items are labelled teasers); an item of several paragraphs is a story."""
    texts = [p.text for p in draft.paragraphs if p.kind == "text"]
    if briefs and draft.dateline is not None and texts and not cut_off(texts[-1]):
        return False  # "NAIROBI (AP) — ... ." on a page of briefs: told in full
    if draft.byline is not None:  # a signed story is told in full unless its text is cut
        return bool(texts) and cut_off(texts[-1]) and len(texts) <= 2
    if len(texts) == 1:
        return len(texts[0]) < TEASER_LEDE_CHARS or (not main and cut_off(texts[0]))
    return len(texts) == 2 and not main and cut_off(texts[-1])


def cut_off(text: str) -> bool:
    """A lede that stops mid-sentence or in an ellipsis: a teaser of a longer story."""
    end = text.rstrip("\"'”’)] ")
    return end.endswith(("...", "…")) or not end.endswith((".", "!", "?"))
