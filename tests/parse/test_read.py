"""decode(): encodings, line endings, mojibake, and the typed errors for bad bytes."""

from __future__ import annotations

import codecs
import hashlib
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.model import DumpError, DumpText, RawInput, RejectReason
from etl.parse.read import LANDING_SUFFIXES, decode, iter_inputs, read_text

# An invented dump in the shape of a wire page (header, byline, dateline, body, subhead,
# a teaser, boilerplate), with a few accents so encodings matter.
DUMP = """\
 date 2021-06-14 Floods cut off mountain villages in southern Brazil

By Carla MENDES

Porto Alegre (AFP) June 14, 2021

Rescue teams reached three isolated villages on Monday after days of heavy rain \
washed away the only road into the valley, regional officials said.

- Bridges swept away -

"We lost the harvest and the bridge in one night," said a farmer in São José, \
pointing at the brown river that now runs where the café used to stand.

Drought-hit ranchers welcome rain, fear for pasture
Brasília (AFP) June 12, 2021 - Cattle ranchers in the centre-west said the late rain \
came too late for this season's grass ... read more

Related Links
"""


def _raw(data: bytes, source: str = "landing/dump.txt") -> RawInput:
    return RawInput(source=source, data=data)


def _reason(data: bytes, source: str = "landing/dump.txt") -> RejectReason:
    with pytest.raises(DumpError) as caught:
        decode(_raw(data, source))
    assert caught.value.detail  # one human sentence, never empty
    return caught.value.reason


# --- plain UTF-8 -------------------------------------------------------------------------


def test_utf8_dump_keeps_its_line_structure() -> None:
    data = DUMP.encode("utf-8")
    dump = decode(_raw(data))
    assert isinstance(dump, DumpText)
    assert dump.format == "text"
    assert dump.encoding == "utf-8"
    assert dump.sha256 == hashlib.sha256(data).hexdigest()
    assert dump.source == "landing/dump.txt"
    assert dump.text == DUMP  # nothing to tidy: identical, leading space of the header kept
    assert dump.meta_date is None and dump.meta_title is None


def test_read_text_is_decode() -> None:
    raw = _raw(DUMP.encode())
    assert read_text(raw) == decode(raw)


def test_trailing_whitespace_stripped_leading_kept() -> None:
    dump = decode(_raw(b" date 2020-01-02 Title   \n\tIndented line\t \nlast line \xc2\xa0\n"))
    assert dump.text == " date 2020-01-02 Title\n\tIndented line\nlast line\n"


@pytest.mark.parametrize(
    ("newline", "name"), [("\r\n", "crlf"), ("\r", "cr"), ("\n", "lf")]
)
def test_line_endings_become_lf(newline: str, name: str) -> None:
    data = DUMP.replace("\n", newline).encode("utf-8")
    dump = decode(_raw(data, f"{name}.txt"))
    assert dump.text == DUMP
    assert "\r" not in dump.text


def test_mixed_line_endings_and_unicode_separators() -> None:
    data = "one\r\ntwo\rthree\nfour\u2028five\u2029six\x0cseven".encode()
    assert decode(_raw(data)).text == "one\ntwo\nthree\nfour\nfive\nsix\nseven"


def test_invisible_control_characters_removed() -> None:
    data = b"Kabul (AFP) \x07Talks resumed\x1b on Friday.\n"
    assert decode(_raw(data)).text == "Kabul (AFP) Talks resumed on Friday.\n"


# --- byte-order marks and UTF-16 ---------------------------------------------------------


def test_utf8_bom() -> None:
    dump = decode(_raw(codecs.BOM_UTF8 + DUMP.encode("utf-8")))
    assert dump.encoding == "utf-8-sig"
    assert dump.text == DUMP
    assert "\ufeff" not in dump.text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    data = bom + DUMP.replace("\n", "\r\n").encode(codec)
    dump = decode(_raw(data))
    assert dump.encoding == "utf-16"
    assert dump.text == DUMP


def test_utf32_with_bom() -> None:
    dump = decode(_raw(DUMP.encode("utf-32")))
    assert dump.encoding == "utf-32"
    assert dump.text == DUMP


def test_utf16_without_bom_is_recognised_not_binary() -> None:
    dump = decode(_raw("Geneva (AFP) Talks resumed on Friday.\n".encode("utf-16-le")))
    assert dump.encoding == "utf-16-le"
    assert dump.text == "Geneva (AFP) Talks resumed on Friday.\n"


# --- single-byte encodings ---------------------------------------------------------------


def test_cp1252_smart_quotes_dashes_and_euro() -> None:
    text = (
        "Brussels (AFP) Nov 3, 2016\n\nThe commission fined the group \u20ac2.4 billion "
        "\u2014 its \u201crecord\u201d penalty \u2026 the firm\u2019s lawyers said.\n"
    )
    dump = decode(_raw(text.encode("cp1252")))
    assert dump.encoding == "cp1252"
    assert dump.text == text


def test_latin1_accents() -> None:
    text = (
        "Paris (AFP) 12 mars 2018\n\nLe pr\u00e9sident a d\u00e9clar\u00e9 que la "
        "r\u00e9forme \u00e9tait n\u00e9cessaire. \u00c0 Montr\u00e9al, l'\u00e9t\u00e9 "
        "fut tr\u00e8s chaud.\n"
    )
    dump = decode(_raw(text.encode("latin-1")))
    assert dump.encoding == "iso-8859-1"
    assert dump.text == text


def test_short_latin1_word_is_still_latin1() -> None:
    dump = decode(_raw("caf\u00e9 na\u00efve\n".encode("latin-1")))
    assert dump.text == "caf\u00e9 na\u00efve\n"


def test_german_cp1252() -> None:
    text = "M\u00fcnchen (dpa) Die Stra\u00dfe nach G\u00f6ttingen war gesperrt.\n"
    assert decode(_raw(text.encode("cp1252"))).text == text


def test_cyrillic_cp1251_is_not_read_as_cp1252() -> None:
    text = (
        "\u041c\u043e\u0441\u043a\u0432\u0430 (\u0422\u0410\u0421\u0421) \u041f\u0440"
        "\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0437\u0430\u044f\u0432\u0438\u043b "
        "\u0441\u0435\u0433\u043e\u0434\u043d\u044f \u043e \u043d\u043e\u0432\u044b\u0445 "
        "\u043c\u0435\u0440\u0430\u0445.\n"
    )
    dump = decode(_raw(text.encode("cp1251")))
    assert dump.encoding == "cp1251"
    assert dump.text == text


def test_polish_cp1250_is_not_read_as_cp1252() -> None:
    text = (
        "Warszawa (PAP) Prezydent podpisa\u0142 ustaw\u0119 o \u015brodkach dla "
        "szk\u00f3\u0142 w pi\u0105tek, poinformowa\u0142a kancelaria.\n"
    )
    dump = decode(_raw(text.encode("cp1250")))
    assert dump.text == text


# --- mojibake ----------------------------------------------------------------------------


def test_mojibake_repaired() -> None:
    garbled = "Le prÃ©sident Ã  SÃ£o Paulo a dit Â« non Â» â€” fin.\n"
    dump = decode(_raw(garbled.encode("utf-8")))
    assert dump.text == "Le président à São Paulo a dit « non » — fin.\n"
    assert dump.encoding == "utf-8"


def test_whole_dump_of_cyrillic_mojibake_repaired() -> None:
    russian = "Москва заявила сегодня о новых мерах поддержки"
    garbled = russian.encode("utf-8").decode("latin-1")
    assert decode(_raw(garbled.encode("utf-8"))).text == russian


@pytest.mark.parametrize("text", ["ß€", "€é", "Größe ß€ Maß"])
def test_honest_text_that_ftfy_could_misread_is_kept(text: str) -> None:
    assert decode(_raw(text.encode("utf-8"))).text == text


def test_utf8_and_cp1252_mixed_in_one_file() -> None:
    data = b"caf\xc3\xa9 \x93quoted\x94 by Jos\xc3\xa9 in S\xc3\xa3o Paulo\n"
    dump = decode(_raw(data))
    assert dump.text == "café \u201cquoted\u201d by José in São Paulo\n"


def test_utf8_bom_followed_by_mixed_bytes() -> None:
    dump = decode(_raw(codecs.BOM_UTF8 + b"caf\xc3\xa9 \x93quoted\x94\n"))
    assert dump.text == "café \u201cquoted\u201d\n"


def test_clean_accented_text_left_alone() -> None:
    text = "Zürich, Ångström, naïve, São Tomé, 10°C, “quoted” — 5 € each.\n"
    assert decode(_raw(text.encode("utf-8"))).text == text


# --- bad input ---------------------------------------------------------------------------


def test_empty_file() -> None:
    assert _reason(b"") is RejectReason.EMPTY


@pytest.mark.parametrize(
    "data",
    [b"   \n\n\t \r\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"  \n", "  \n".encode("utf-16")],
)
def test_whitespace_only_is_empty(data: bytes) -> None:
    assert _reason(data) is RejectReason.EMPTY


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(40),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
        b"GIF89a\x01\x00\x01\x00",
        b"\x7fELF\x02\x01\x01" + bytes(20),
        b"Kabul (AFP) Talks resumed\x00 on Friday.\n",
        bytes(range(1, 9)) * 50 + b"a few words",
    ],
    ids=["png", "pdf", "jpeg", "gif", "elf", "nul", "controls"],
)
def test_binary(data: bytes) -> None:
    assert _reason(data) is RejectReason.BINARY


@pytest.mark.parametrize(
    "text",
    ["ID3 rocket fired on schedule.\n", "OggS is a word nobody uses.\n", "PAR1 results in.\n"],
)
def test_text_that_begins_like_a_magic_number_is_still_text(text: str) -> None:
    assert decode(_raw(text.encode())).text == text


def test_undecodable_high_bytes() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(400))
    assert _reason(data) is RejectReason.UNDECODABLE


def test_broken_utf16_after_bom_is_undecodable() -> None:
    data = codecs.BOM_UTF16_LE + b"A\x00\x00\xd8B\x00"  # a lone high surrogate
    assert _reason(data) is RejectReason.UNDECODABLE


def test_container_error_is_raised_by_decode() -> None:
    error = DumpError(RejectReason.BOMB, "refused")
    with pytest.raises(DumpError) as caught:
        decode(RawInput("x.zip", b"PK\x03\x04", error))
    assert caught.value is error


def test_landing_suffixes() -> None:
    for suffix in (".txt", ".text", ".html", ".htm", ".gz", ".zip", ".tar.gz", ".tgz", ".tar"):
        assert suffix in LANDING_SUFFIXES


def test_plain_file_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "feed" / "story.txt"
    path.parent.mkdir()
    path.write_bytes(DUMP.replace("\n", "\r\n").encode("utf-8"))
    [raw] = list(iter_inputs(path))
    assert raw.source == str(path) and raw.error is None
    assert decode(raw).text == DUMP


# --- properties --------------------------------------------------------------------------


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), html_name=st.booleans())
def test_any_bytes_give_text_or_dump_error(data: bytes, html_name: bool) -> None:
    source = "x.html" if html_name else "x.txt"
    try:
        dump = decode(_raw(data, source))
    except DumpError as exc:
        assert isinstance(exc.reason, RejectReason)
        assert exc.detail
        return
    assert dump.text.strip()
    assert "\r" not in dump.text and "\x00" not in dump.text
    assert all(line == line.rstrip() for line in dump.text.split("\n"))
    assert dump.sha256 == hashlib.sha256(data).hexdigest()


@settings(max_examples=200, deadline=None)
@given(
    prefix=st.sampled_from([b"", b"<html><body>", b"<p>", b"\xef\xbb\xbf", b"\xff\xfe"]),
    body=st.binary(max_size=500),
)
def test_html_and_bom_prefixed_noise(prefix: bytes, body: bytes) -> None:
    """Noise behind a BOM or markup is clean text or a DumpError with a reason, never a crash."""
    data = prefix + body
    try:
        dump = decode(_raw(data))
    except DumpError as exc:
        assert isinstance(exc.reason, RejectReason) and exc.detail
        return
    assert dump.text.strip()
    assert "\r" not in dump.text and "\x00" not in dump.text
    assert dump.sha256 == hashlib.sha256(data).hexdigest()


_ALPHABET = st.sampled_from(list("abcXYZ019 .,;:-'\"\t\n\r") + list("éèàüößçñ€“”’—"))


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, min_size=1, max_size=300).map("".join))
def test_utf8_round_trip(text: str) -> None:
    expected = "\n".join(
        line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    )
    try:
        dump = decode(_raw(text.encode("utf-8")))
    except DumpError as exc:
        assert exc.reason is RejectReason.EMPTY
        assert not expected.strip()
        return
    assert dump.encoding == "utf-8"
    assert dump.text == expected
