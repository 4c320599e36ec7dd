"""How the archive recognises the same dump, story and text again.

- A dump is its bytes: ``dumps.sha256`` (the parser's digest of the raw input).
- A story is ``story_key`` = sha256 over (kind, place, date, opening words):
  kind is ``teaser`` or ``full``; place is the dateline place casefolded; date is
  the dateline's date only when the dateline gave it (a date borrowed from the
  dump's own date would split one teaser into one story per day it was seen);
  opening words are the first :data:`KEY_WORDS` words of the text, casefolded, with
  punctuation dropped (a story with no text falls back to its headline). Because
  only the opening words count, a full story whose later paragraphs are edited
  keeps its key, and the edit becomes a new row in ``story_versions``.
- A teaser is linked to its full story (``stories.full_story_id``) when both have
  the same ``lead_key`` = sha256 over (place, date, first :data:`LEAD_WORDS`
  words) and the teaser's words are a prefix of the full story's words (its last
  word may be cut short, as teasers often are). Teasers shorter than
  :data:`LEAD_WORDS` words get no lead key and are never linked.
- A version is ``content_sha256`` over headline, byline and paragraphs (kind + text).

These are archive keys, not text rules: they only compare what the parser produced.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from etl.model import Story

KEY_WORDS = 20
LEAD_WORDS = 12
KEY_SCHEME = "v1"
_WORD = re.compile(r"\w+")
_SEP = "\x1f"


def words(text: str | None) -> list[str]:
    """Casefolded word tokens, punctuation dropped."""
    return _WORD.findall(text.casefold()) if text else []


def opening_words(text: str | None, n: int) -> list[str]:
    """``words(text)[:n]`` without tokenising the whole text (the loader asks for every
    story's opening). Casefolding maps each character on its own, so the words of a
    casefolded prefix are those of the whole text as long as one more word starts inside
    the prefix: the first n are then complete."""
    if not text:
        return []
    size = 16 * (n + 1)
    while True:
        found = _WORD.findall(text[:size].casefold())
        if len(found) > n or size >= len(text):
            return found[:n]
        size *= 4


def _digest(*parts: str) -> str:
    return hashlib.sha256(_SEP.join(parts).encode("utf-8")).hexdigest()


def _place_date(story: Story) -> tuple[str, str]:
    dateline = story.dateline
    if dateline is None:
        return "", ""
    place = (dateline.place or "").casefold()
    date = ""
    if dateline.date is not None and dateline.date_source not in ("dump_date", "page_date"):
        date = dateline.date.isoformat()
    return place, date


def story_key(story: Story) -> str:
    place, date = _place_date(story)
    opening = opening_words(story.text, KEY_WORDS) or words(story.headline)
    kind = "teaser" if story.is_teaser else "full"
    return _digest(KEY_SCHEME, kind, place, date, " ".join(opening))


def lead_key(story: Story) -> str | None:
    opening = opening_words(story.text, LEAD_WORDS)
    if len(opening) < LEAD_WORDS:
        return None
    place, date = _place_date(story)
    return _digest(KEY_SCHEME, "lead", place, date, " ".join(opening))


def content_sha256(story: Story) -> str:
    parts = [story.headline or "", story.byline.raw if story.byline else ""]
    for para in story.paragraphs:
        parts.append(f"{para.kind}:{para.text}")
    return _digest(KEY_SCHEME, *parts)


def is_prefix(teaser_words: Sequence[str], full_words: Sequence[str]) -> bool:
    """The teaser's words open the full story; the last one may be truncated."""
    n = len(teaser_words)
    if n == 0 or n > len(full_words):
        return False
    if list(teaser_words[:-1]) != list(full_words[: n - 1]):
        return False
    return full_words[n - 1].startswith(teaser_words[-1])


def author_key(name: str) -> str:
    """Authors are matched case-insensitively, accents kept, spaces collapsed."""
    return " ".join(name.split()).casefold()
