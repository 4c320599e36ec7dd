"""Terminal output: archive text shown as it is, never read as rich markup.

Story text is full of square brackets (`[sic]`, `[AFP]`, a search snippet's `[term]`); rich
would take them for style tags, drop them or restyle the rest of the cell. Every value that
comes from the archive or the user goes through `plain`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.text import Text

CELL_MAX = 200  # longer cells are cut in table view only; csv/json carry everything


def plain(value: Any, limit: int | None = None) -> Text:
    """A table cell or message part: one line, literal text, optionally cut to `limit`."""
    if value is None:
        return Text("")
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return Text(text)


def cell(value: Any) -> Text:
    return plain(value, CELL_MAX)
