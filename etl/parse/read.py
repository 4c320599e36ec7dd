"""The reader: landing files -> raw dumps -> decoded text. The one entry point for stage 'read'.

    iter_inputs(path, limits=...)  one landing file -> RawInput per dump (never raises for
                                   bad content; failures travel as RawInput.error)
    decode(raw) / read_text(raw)   RawInput -> DumpText, or DumpError with a reason

Identity: DumpText.sha256 is the sha256 of RawInput.data, and for a .gz that is the
decompressed bytes. The same dump delivered plain, gzipped or inside a bundle is therefore
the same dump, which is what the archive de-duplicates on.
"""

from __future__ import annotations

import hashlib

from etl.model import DumpError, DumpText, RawInput, RejectReason
from etl.parse.containers import DEFAULT_LIMITS, LANDING_SUFFIXES, Limits, iter_inputs
from etl.parse.decode import decode_bytes, is_blank, repair_mojibake, tidy_lines
from etl.parse.html import declared_charset, html_to_text, looks_like_html

__all__ = [
    "DEFAULT_LIMITS",
    "LANDING_SUFFIXES",
    "Limits",
    "decode",
    "iter_inputs",
    "read_text",
]


def decode(raw: RawInput) -> DumpText:
    """Decode one dump; raise DumpError (the container's own, if it failed) for bad input."""
    if raw.error is not None:
        raise raw.error
    data = raw.data
    sha256 = hashlib.sha256(data).hexdigest()
    declared = declared_charset(data) if b"charset" in data[:4096].lower() else None
    decoded = decode_bytes(data, declared=declared)
    if is_blank(decoded.text):
        raise DumpError(RejectReason.EMPTY, "the file holds only whitespace")

    if looks_like_html(decoded.text, raw.source):
        page = html_to_text(decoded.text)
        text = tidy_lines(repair_mojibake(page.text))
        if is_blank(text):
            raise DumpError(RejectReason.NO_TEXT, "the HTML page has no visible text")
        title = repair_mojibake(page.meta_title) if page.meta_title else None
        return DumpText(
            source=raw.source,
            sha256=sha256,
            format="html",
            encoding=decoded.encoding,
            text=text,
            meta_date=page.meta_date,
            meta_title=title,
            chrome=frozenset(tidy_lines(repair_mojibake(block)).strip() for block in page.chrome),
            subheads=frozenset(
                tidy_lines(repair_mojibake(block)).strip() for block in page.subheads
            ),
        )

    text = tidy_lines(repair_mojibake(decoded.text))
    if is_blank(text):
        raise DumpError(RejectReason.EMPTY, "the file holds only whitespace")
    return DumpText(
        source=raw.source, sha256=sha256, format="text", encoding=decoded.encoding, text=text
    )


read_text = decode
