"""The story being filled while a page is split: mutable, unlike the model's Story."""

from __future__ import annotations

from dataclasses import dataclass, field

from etl.model import Byline, Dateline, Paragraph


@dataclass(slots=True)
class Draft:
    headline: str | None = None
    byline: Byline | None = None
    dateline: Dateline | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    is_teaser: bool = False
    closed: bool = False  # a teaser's "read more" ends it: later text is not its own
    read_more: bool = False  # the page marked it a teaser itself ("... read more")
    bare_dateline: bool = False  # the dateline stood alone on its line ("PTI -May 23, 2025")
    standfirst: int = 0  # paragraphs printed above the dateline (main story only)
    credits: list[str] = field(default_factory=list)  # agencies from credit lines
    # Paragraph counts at which a "read more" line stood inside the text: where a listing
    # folded into one story is cut back into items, the item ending there is a teaser.
    more_after: set[int] = field(default_factory=set)
    cut_off: bool = False  # a title the page breaks off after: an item with no text
    listed: bool = False  # a title a line under a list's label: a teaser with no text
    ruled: int = -1  # paragraph count when a rule ("- - - -") was drawn under the text

    @property
    def empty(self) -> bool:
        return not (
            self.paragraphs or self.dateline or self.byline or self.cut_off or self.listed
        )
