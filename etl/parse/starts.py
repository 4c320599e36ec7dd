"""Stories that start at a bare title inside another story's text: a learned cut.

The rules before this one cut a story where a dateline, a byline, a "read more" or a
regular listing marks the next one. Real pages also run teasers and briefs with none of
those marks (a title, a line or two of text, the next title), and each site does it its
own way, so house rules made from one round of pages did not carry to the next. Here a
title-like paragraph is scored by a logistic model over features of the line, its
neighbours and the page; the weights (`starts_model.json`) are learned by
`bench/train_models.py` from the labelled own-words shape corpus's dev split only.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from etl.model import Paragraph
from etl.parse.draft import Draft
from etl.parse.lines import (
    WORD,
    debullet,
    ends_sentence,
    headline_candidate,
    is_prose,
    is_title_like,
    sentence_like,
)
from etl.parse.listing import (
    LISTING_ITEM_MAX,
    TABLE_INTRO_CHARS,
    is_caps_label,
    is_release_section,
)
from etl.parse.logistic import LogisticModel, load_model

MODEL_PATH = Path(__file__).with_name("starts_model.json")

_QUOTE = re.compile(r"[\"“”‘’']")
_DIGIT = re.compile(r"\d")
# A title never ends on a word that needs the next one; a hard-wrapped sentence's line does.
_WRAPPED_END = re.compile(
    r"\b(?:a|an|the|to|of|and|or|for|with|in|on|at|by|from|that|is|are|was|were|be|being"
    r"|has|have|had|will|would|as|than|into|about|who|which|de|la|le|les|des|du|et|der|die"
    r"|das|und|el|los|las|y|en)\s*$",
    re.IGNORECASE,
)
NAV_PIPES = 3  # "HOME PAGE | Punjab | Haryana | ...": a menu
_LIST_MARK = re.compile(r"^\s*(?:\d{1,2}[.)]|[•·*▪►▸◦◆■-])\s")


# A page's lines are asked about several times over (as a title, as the text above or
# under one): each answer is looked up once.
@lru_cache(maxsize=4096)
def _titled(text: str) -> bool:
    return is_title_like(text, min_words=2)


@lru_cache(maxsize=4096)
def _prose(text: str) -> bool:
    return is_prose(text)


def _line(text: str, prefix: str) -> dict[str, float]:
    words = WORD.findall(text)
    n = len(words)
    caps = sum(1 for w in words if w[:1].isupper())
    return {
        f"{prefix}words": math.log1p(n),
        f"{prefix}chars": math.log1p(len(text)),
        f"{prefix}caps": caps / n if n else 0.0,
        f"{prefix}ends_sentence": float(ends_sentence(text)),
        f"{prefix}cut": float(text.rstrip().endswith(("...", "…"))),
        f"{prefix}title": float(_titled(text)),
        f"{prefix}prose": float(_prose(text)),
        f"{prefix}sentence": float(sentence_like(text)),
    }


def features(drafts: list[Draft], di: int, k: int, page: dict[str, float]) -> dict[str, float]:
    """What the model sees of paragraph `k` of draft `di`: the line, the lines around it,
    where it stands in its story, and how much of the page reads as titles."""
    paras = drafts[di].paragraphs
    text = paras[k].text
    f = _line(text, "t_")
    words = WORD.findall(text)
    f["t_candidate"] = float(headline_candidate(text, min_words=2))
    f["t_quote"] = float(bool(_QUOTE.search(text)))
    f["t_digit"] = float(bool(_DIGIT.search(text)))
    f["t_listmark"] = float(bool(_LIST_MARK.match(text)))
    f["t_lowerstart"] = float(text[:1].islower())
    f["t_short"] = float(len(words) <= 4)
    f["t_colon"] = float(":" in text[:40])
    nxt = paras[k + 1].text if k + 1 < len(paras) else ""
    prev = paras[k - 1].text if k > 0 else ""
    f.update(_line(nxt, "n_") if nxt else {"n_none": 1.0})
    f.update(_line(prev, "p_") if prev else {"p_none": 1.0})
    nxt2 = paras[k + 2].text if k + 2 < len(paras) else ""
    f["n2_title"] = float(bool(nxt2) and _titled(nxt2))
    f["n2_none"] = float(not nxt2)
    run = _run_under(paras, k)
    f["run"] = math.log1p(run)
    f["run_one"] = float(run == 1)
    f["run_two"] = float(run == 2)
    f["k"] = math.log1p(k)
    f["after"] = math.log1p(len(paras) - k - 1)
    f["k_frac"] = k / len(paras)
    draft = drafts[di]
    f["bare"] = float(k == len(paras) - 1)
    f["page_end"] = float(k == len(paras) - 1 and di == len(drafts) - 1)
    f["main"] = float(di == 0)
    f["d_dateline"] = float(draft.dateline is not None)
    f["d_byline"] = float(draft.byline is not None)
    f["d_headline"] = float(draft.headline is not None)
    f["d_teaser"] = float(draft.is_teaser)
    f["len_ratio_next"] = min(4.0, len(nxt) / max(1, len(text))) if nxt else 0.0
    f.update(page)
    return f


def page_features(drafts: list[Draft]) -> dict[str, float]:
    paras = [p.text for d in drafts for p in d.paragraphs]
    if not paras:
        return {"pg_titles": 0.0, "pg_title_prose": 0.0, "pg_paras": 0.0, "pg_drafts": 0.0,
                "pg_datelined": 0.0}
    titles = [_titled(t) for t in paras]
    pairs = sum(
        1 for i in range(len(paras) - 1) if titles[i] and _prose(paras[i + 1])
    )
    return {
        "pg_titles": sum(titles) / len(paras),
        "pg_title_prose": math.log1p(pairs),
        "pg_paras": math.log1p(len(paras)),
        "pg_drafts": math.log1p(len(drafts)),
        "pg_datelined": sum(d.dateline is not None for d in drafts) / len(drafts),
    }


def _run_under(paras: list[Paragraph], k: int) -> int:
    """How many paragraphs of text run under title `k` before the next title-like one
    (a time stamp or a picture's label between items is no text)."""
    run = 0
    for para in paras[k + 1 :]:
        if _titled(para.text) and not ends_sentence(para.text):
            break
        run += _prose(para.text)
    return run


WRAPPED_CHARS = 50
WRAPPED_LINES = 3
WRAPPED_SHARE = 0.3


def _hard_wrapped(draft: Draft) -> bool:
    """Text broken into lines mid-sentence: several long lines end with no stop."""
    long = [
        p.text.rstrip()
        for p in draft.paragraphs
        if len(p.text) >= WRAPPED_CHARS and not _titled(p.text)
    ]
    open_ended = sum(
        1 for t in long if not t.endswith(("...", "…")) and not ends_sentence(t)
    )
    return open_ended >= WRAPPED_LINES and open_ended >= WRAPPED_SHARE * len(long)


def _candidate(draft: Draft, k: int) -> bool:
    """A paragraph the model is asked about: a title-like line past the story's first, with
    story text above it (the cheap tests first: most paragraphs are prose)."""
    paras = draft.paragraphs
    text = paras[k].text
    # Not the story's first line (its headline is other rules' business), nor a heading the
    # page marks as a subhead (h2-h4: it stays one), nor anything that is no title.
    if k == 0 or paras[k].kind != "text" or not _titled(text):
        return False
    if is_release_section(text) or is_caps_label(text):
        return False  # "About Acme Corp", "NW EUROPE": sections of one story, not titles
    if _WRAPPED_END.search(text) or text.count("|") >= NAV_PIPES:
        return False  # "Speaking to reporters before flying out to": a line of wrapped text
    below = paras[k + 1].text if k + 1 < len(paras) else ""
    if below.rstrip().endswith(":") and len(below) < TABLE_INTRO_CHARS:
        return False  # "Differentials for cargoes bound for Asia:": a table under a heading
    if not any(_prose(p.text) for p in paras[:k]):
        return False  # only labels above it: the page's list starts here (other rules')
    # A datelined story's sections run longer under their subheads than an item does.
    # Under a title with no dateline above, how much text runs is the model's to weigh:
    # sites run items of several paragraphs too.
    return draft.dateline is None or _run_under(paras, k) <= LISTING_ITEM_MAX


# Set by the trainer to collect (features, text, draft index, paragraph index) rows;
# no parse reads it.
trace: list[tuple[dict[str, float], str, int, int]] | None = None


def cut_starts(drafts: list[Draft], model: LogisticModel | None = None) -> list[Draft]:
    """Each draft cut before every title the model scores as a new story's."""
    model = model if model is not None else load_model(MODEL_PATH)
    if model is None and trace is None:
        return drafts
    if trace is not None:
        model = None  # the trainer's run: rows are read off the rules' own parse
    asked = [[k for k in range(len(d.paragraphs)) if _candidate(d, k)] for d in drafts]
    # Lines of hard-wrapped sentences read like titles: no cut in such text.
    asked = [ks if ks and not _hard_wrapped(d) else [] for ks, d in zip(asked, drafts,
                                                                         strict=True)]
    if not any(asked):
        return drafts
    page = page_features(drafts)
    out: list[Draft] = []
    for di, draft in enumerate(drafts):
        cuts = []
        for k in asked[di]:
            f = features(drafts, di, k, page)
            if trace is not None:
                trace.append((f, draft.paragraphs[k].text, di, k))
                continue
            if model is not None and model.says(f):
                cuts.append(k)
        if not cuts:
            out.append(draft)
            continue
        paras = draft.paragraphs
        head = replace(
            draft, paragraphs=list(paras[: cuts[0]]), standfirst=min(draft.standfirst, cuts[0])
        )
        if head.paragraphs or head.headline or head.dateline or head.byline:
            out.append(head)
        for at, stop in zip(cuts, [*cuts[1:], len(paras)], strict=True):
            out.append(
                Draft(
                    headline=debullet(paras[at].text),
                    paragraphs=list(paras[at + 1 : stop]),
                    is_teaser=True,
                )
            )
    return out
