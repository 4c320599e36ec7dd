"""Imported by the parse pool's fork server only (etl.parallel): loads the parser's tables
before any worker is forked, so that the workers share those pages instead of each
loading its own copy (about 100 MB each, mostly the gazetteer, loaded on first use).

`gc.freeze()` then moves everything loaded so far out of the collector's reach: a
collection in a worker would otherwise write to every object's header and so copy the
shared pages one by one.
"""

from __future__ import annotations

import gc
import logging

from etl.model import RawInput
from etl.parallel_watch import adopt, watch_parent

_SAMPLE = (
    b" date 2017-11-11 Talks resume in Geneva\n\n\nBy Jane DOE\n\n\n"
    b"Geneva (AFP) Nov 11, 2017\n\n\n"
    b"Talks between the two delegations resumed on Saturday in Geneva, officials said.\n\n"
    b"Paris (AFP) Nov 10, 2017\n\n\nThe mayor announced new measures on Friday ... read more\n"
)


def warm() -> None:
    """Parse one small dump; a failure here only costs the sharing, never the pool."""
    try:
        from etl.parse import parse_raw

        parse_raw(RawInput("warm-up.txt", _SAMPLE))
    except Exception:
        logging.getLogger(__name__).debug("parser warm-up failed", exc_info=True)
    gc.freeze()


warm()
watch_parent()  # (this module runs in the fork server: it follows the writer)
adopt()  # ... and the workers it forks follow the fork server
