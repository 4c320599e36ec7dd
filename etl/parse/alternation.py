"""One regex alternative for a long list of words, shaped as a trie.

Python's `re` tries the branches of `a|b|c` one after the other at every position, so a
list of three hundred agency spellings or two hundred month names costs three hundred
failed attempts per position. Sharing prefixes ("jan(?:uary|v)?") lets a branch fail on
its first letter instead. The longer continuation of a word is tried before its end, so
the longest spelling still wins, as with a list sorted longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def trie_regex(words: Iterable[str], *, space: str = r"[ \t]+") -> str:
    """A non-capturing regex matching exactly `words` (matched as given: callers add
    case-insensitivity); a space in a word matches `space`."""
    trie: dict[str, dict] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _emit(trie, space) or "(?!)"


def _emit(node: dict[str, dict], space: str) -> str:
    ends = _END in node
    branches = [
        (space if ch == " " else re.escape(ch)) + _emit(child, space)
        for ch, child in sorted((k, v) for k, v in node.items() if k != _END)
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body
