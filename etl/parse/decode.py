"""Bytes -> str for one dump: refuse binary, pick the encoding, repair mojibake, tidy lines.

Wire dumps are overwhelmingly Western-European text, and generic charset detectors are
unreliable on short Western samples (a cp1252 paragraph with curly quotes is easily taken
for cp775 or mac_roman). So the order is: BOM, strict UTF-8 (the fast path, no detection),
a declared charset when the caller found one (HTML), a plausibility test for cp1252 /
Latin-1, and only then charset-normalizer, restricted to encodings news text really uses.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import ftfy
from ftfy.badness import is_bad

from etl.model import DumpError, RejectReason

# Signatures of formats that are never a text dump. Checked on the first bytes only.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "an ELF executable"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh91AY&SY", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"(\xb5/\xfd", "zstd-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 (old Microsoft Office) document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O binary"),
    (b"\xce\xfa\xed\xfe", "a Mach-O binary"),
    (b"\x00asm", "a WebAssembly module"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"OggS\x00", "an Ogg media file"),
    (b"fLaC\x00", "a FLAC audio file"),
    (b"fLaC\x80", "a FLAC audio file"),
    (b"ID3\x02", "an MP3 audio file"),
    (b"ID3\x03", "an MP3 audio file"),
    (b"ID3\x04", "an MP3 audio file"),
    (b"wOFF", "a WOFF font"),
    (b"wOF2", "a WOFF2 font"),
)

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)

# Control bytes that never occur in text (tab, LF, VT, FF, CR are fine).
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32), 127])
_PRINTABLE_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_MAX_CONTROL_SHARE = 0.10

# Candidates offered to charset-normalizer once cp1252 is implausible. Exotic DOS and
# Mac code pages are left out: on short text they win by accident, never on merit.
_DETECT_CANDIDATES = [
    "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_8", "iso8859_9", "iso8859_15",
    "koi8_r", "koi8_u", "shift_jis", "cp932", "euc_jp", "iso2022_jp", "gb18030", "big5",
    "euc_kr", "cp949", "tis_620", "utf_16", "utf_32",
]  # fmt: skip
_MAX_CHAOS = 0.35

# Unicode line breaks that str.splitlines() honours but split("\n") would not; mapped to LF
# so that every later stage sees the same lines whichever way it splits.
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Left-over control characters and stray BOMs carry nothing a reader could see.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufeff]")

_WORD = re.compile(r"[^\W\d_]+")
_WEDGED = re.compile(r"(?<=[^\W\d_])[^\x00-\x7f](?=[^\W\d_])")
_OK_BETWEEN_LETTERS = frozenset("\u2019\u2018\u00b7\u2013\u00ad")
_LATIN_RANGES = (
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese)
    (0x2000, 0x206F),  # General Punctuation: dashes, quotes, ellipsis
    (0x20A0, 0x20CF),  # currency signs
    (0x2100, 0x214F),  # letterlike symbols
)
_MIN_SCRIPT_LETTERS = 5
# A UTF-8 lead byte read as cp1252/Latin-1 (Â..ô) followed by a continuation byte read the
# same way (C1 controls, cp1252 punctuation, NBSP..¿), or "Ã"/"Â" before a space where an
# NBSP was lost. Every cp1252/Latin-1 mojibake contains one of these pairs.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022"
    "\u2026\u2030\u2039\u203a\u20ac\u2122]|[\u00c2\u00c3] "
)
_VISIBLE = re.compile(r"[^\s\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# Python codecs that are not character encodings a document could really be written in.
_NOT_DOCUMENT_CODECS = frozenset(
    {"undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7",
     "mbcs", "oem", "palmos"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text of a dump and the codec that produced it (lowercase, normalised)."""

    encoding: str
    text: str


def check_binary(data: bytes) -> None:
    """Raise BINARY for known binary formats, before any decoding effort is spent."""
    head = data[:16]
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            raise DumpError(RejectReason.BINARY, f"the file is {what}, not text")
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        raise DumpError(RejectReason.BINARY, "the file is a RIFF media file, not text")
    if data[:4] == b"PAR1" and data[-4:] == b"PAR1":
        raise DumpError(RejectReason.BINARY, "the file is a Parquet file, not text")
    if data[4:8] == b"ftyp":
        raise DumpError(RejectReason.BINARY, "the file is an MP4/QuickTime media file, not text")


def _control_share_error(controls: int, total: int) -> DumpError | None:
    if total and controls / total > _MAX_CONTROL_SHARE:
        share = round(100 * controls / total)
        return DumpError(
            RejectReason.BINARY, f"{share}% of the content is control characters; not text"
        )
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """Spot UTF-16 without a BOM: ASCII-range text leaves every other byte NUL."""
    if len(data) < 8 or len(data) % 2:
        return None
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.9 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.9 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def normalise_codec_name(name: str) -> str:
    """One spelling per codec: Python's canonical name, lowercase, ISO names hyphenated."""
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        canonical = name
    canonical = canonical.lower().replace("_", "-")
    if canonical in ("latin-1", "latin1", "iso8859-1"):
        return "iso-8859-1"
    if canonical.startswith("iso8859-"):
        return "iso-" + canonical[3:]
    return canonical


def _plausible_western(text: str) -> bool:
    """True when cp1252-decoded text reads like a Western European language.

    Text in another single-byte code page, read as cp1252, gives itself away in two ways:
    whole words of accented letters (Cyrillic, Greek, Hebrew, Arabic all map onto the
    Latin-1 letter block) or symbols wedged inside words (Polish l-stroke shows as a
    superscript three). Genuine French, German or Spanish has neither.
    """
    if text.isascii():
        return True
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    foreign_words = accented_words = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isascii():
            continue
        accented_words += 1
        if len(word) >= 3 and not any(ch.isascii() for ch in word):
            foreign_words += 1
    if foreign_words and foreign_words >= 0.2 * accented_words:
        return False
    wedged = sum(
        1
        for m in _WEDGED.finditer(text)
        if not m.group().isalpha() and m.group() not in _OK_BETWEEN_LETTERS
    )
    return wedged < max(1, 0.05 * non_ascii)


def _try_codec(data: bytes, codec: str) -> str | None:
    if normalise_codec_name(codec) in _NOT_DOCUMENT_CODECS:
        return None
    try:
        return data.decode(codec)
    except (UnicodeError, LookupError, ValueError, TypeError):
        return None


def _single_byte_western(data: bytes) -> Decoded | None:
    text = _try_codec(data, "cp1252")
    # Judged after mojibake repair: UTF-8 pasted into a cp1252 file is common in scraped
    # dumps, and its "Ã£" pairs would otherwise look like a foreign code page.
    if text is None or not _plausible_western(repair_mojibake(text)):
        return None
    # Without bytes 0x80-0x9F the two encodings agree; name the standard one.
    has_c1 = any(0x80 <= b <= 0x9F for b in data)
    return Decoded("cp1252" if has_c1 else "iso-8859-1", text)


def _detect(data: bytes) -> Decoded | None:
    # Imported lazily: charset-normalizer costs ~100 ms to import and most dumps are UTF-8.
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_DETECT_CANDIDATES).best()
    if best is None or best.encoding is None or best.chaos > _MAX_CHAOS:
        return None
    text = _try_codec(data, best.encoding)
    if text is None:
        return None
    return Decoded(normalise_codec_name(best.encoding), text)


def _declared(data: bytes, declared: str | None) -> Decoded | None:
    if not declared:
        return None
    name = normalise_codec_name(declared)
    if name in ("iso-8859-1", "ascii"):
        # As browsers do (WHATWG): a page labelled Latin-1 or ASCII is read as cp1252.
        return _single_byte_western(data) or Decoded("iso-8859-1", data.decode("latin-1"))
    if name.startswith(("utf-16", "utf-32")):
        return None  # a BOM-less page cannot truly be UTF-16 when the label itself is ASCII
    text = _try_codec(data, name)
    return Decoded(name, text) if text is not None else None


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode one dump's bytes; raise DumpError (EMPTY, BINARY, UNDECODABLE) when we cannot.

    `declared` is a charset the content names for itself (an HTML meta tag); it is trusted
    only after strict UTF-8 fails and only when the bytes decode under it.
    """
    if not data:
        raise DumpError(RejectReason.EMPTY, "the file is empty (0 bytes)")
    check_binary(data)

    decoded: Decoded | None = None
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            text = _try_codec(data, codec)
            if text is None and codec == "utf-8-sig":
                data = data[len(bom) :]  # mixed-up bytes after a UTF-8 BOM: judge them as usual
                break
            if text is None:
                raise DumpError(
                    RejectReason.UNDECODABLE,
                    f"the file starts with a {label} byte-order mark but is not valid {label}",
                )
            decoded = Decoded(label, text[1:] if text.startswith("\ufeff") else text)
            break

    if decoded is None:
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            text = _try_codec(data, utf16)
            if text is not None:
                decoded = Decoded(utf16, text)

    if decoded is None:
        if b"\x00" in data:
            raise DumpError(RejectReason.BINARY, "the file contains NUL bytes; not text")
        controls = len(data.translate(None, _PRINTABLE_BYTES))
        error = _control_share_error(controls, len(data))
        if error is not None:
            raise error
        try:
            decoded = Decoded("utf-8", data.decode("utf-8"))
        except UnicodeDecodeError:
            decoded = (
                _declared(data, declared) or _single_byte_western(data) or _detect(data)
            )
        if decoded is None:
            raise DumpError(
                RejectReason.UNDECODABLE,
                "the bytes are not UTF-8 and no known text encoding reads them cleanly",
            )
    else:
        if "\x00" in decoded.text:
            raise DumpError(RejectReason.BINARY, "the decoded text contains NUL characters")
        controls = len(_INVISIBLE.findall(decoded.text))
        error = _control_share_error(controls, len(decoded.text))
        if error is not None:
            raise error

    return decoded


def _latin_or_typography(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _LATIN_RANGES)


def _script(ch: str) -> str:
    """First word of the Unicode name: 'CYRILLIC', 'ARABIC', 'CJK', 'HIRAGANA', ..."""
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252/Latin-1 ("Ã©" for "é"), and only when it clearly is that.

    ftfy's encoding fix alone: no quote uncurling, no HTML unescaping, no width folding.
    Two screens keep the clean case cheap: a plain regex for the pairs such mojibake always
    leaves, then ftfy's own is_bad() (which costs milliseconds on 10 KB of accented text).
    ftfy can still mistake honest text for mojibake ("ß€" reads as one NKo digit in UTF-8),
    so a repair is kept only when every character it introduces is a Latin letter or
    typography, or belongs to a script the repaired text writes at least a few letters in
    (a dump mojibake'd through and through, Russian say, comes back as Cyrillic prose).
    """
    if text.isascii() or not _MOJIBAKE_HINT.search(text) or not is_bad(text):
        return text
    fixed = ftfy.fix_encoding(text)
    if fixed == text:
        return text
    before = set(text)
    foreign = {_script(ch) for ch in set(fixed) - before if not _latin_or_typography(ch)}
    if not foreign:
        return fixed
    letters: dict[str, int] = {}
    for ch in fixed:
        if ord(ch) > 127 and ch.isalpha():
            script = _script(ch)
            letters[script] = letters.get(script, 0) + 1
    if all(letters.get(script, 0) >= _MIN_SCRIPT_LETTERS for script in foreign):
        return fixed
    return text


def tidy_lines(text: str) -> str:
    """LF line ends, no trailing whitespace, no invisible control characters or stray BOMs."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _LINE_BREAKS.search(text):
        text = _LINE_BREAKS.sub("\n", text)
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    return "\n".join([line.rstrip() for line in text.split("\n")])


def is_blank(text: str) -> bool:
    """Whitespace, BOMs and zero-width characters only."""
    return _VISIBLE.search(text) is None
