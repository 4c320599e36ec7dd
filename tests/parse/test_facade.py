"""The parser's front door: parse_bytes / parse_raw / parse_path on real files."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import tarfile
import zipfile
from pathlib import Path

import pytest

from etl.model import DumpError, ParsedDump, RawInput, Rejected, RejectReason
from etl.parse import PARSER_VERSION, parse_bytes, parse_path, parse_raw

PAGE = """ date 2018-09-20 Wind farm approved off the coast

By Pieter de GROOT

Amsterdam (AFP) Sept 20, 2018

The government approved a new offshore wind farm on Thursday.

It will power about a million homes, the ministry said.

Ghent (AFP) Sept 19, 2018

A Belgian port began testing hydrogen trucks ... read more

Share this article
"""


def test_parser_version_is_a_version_string() -> None:
    assert isinstance(PARSER_VERSION, str)
    assert all(part.isdigit() for part in PARSER_VERSION.split("."))


def test_parse_bytes_fills_every_dump_field() -> None:
    data = PAGE.encode("utf-8")
    dump = parse_bytes(data, "wind.txt")
    assert isinstance(dump, ParsedDump)
    assert dump.source == "wind.txt"
    assert dump.sha256 == hashlib.sha256(data).hexdigest()
    assert dump.size == len(data)
    assert dump.format == "text"
    assert dump.encoding.startswith("utf-8")
    assert dump.dump_date == dt.date(2018, 9, 20)
    assert dump.parser_version == PARSER_VERSION
    assert dump.header == "date 2018-09-20 Wind farm approved off the coast"
    assert len(dump.stories) == 2
    assert dump.leftover == ("Share this article",)
    assert dump.to_json()["stories"][1]["is_teaser"] is True


def test_parse_bytes_html_page() -> None:
    html = (
        "<!DOCTYPE html><html><head><title>Wind farm approved | Coast News</title>"
        '<meta property="article:published_time" content="2018-09-20T08:00:00Z"></head>'
        "<body><nav><a href='/'>Home</a></nav><h1>Wind farm approved off the coast</h1>"
        "<p>By Pieter de GROOT</p><p>Amsterdam (AFP) Sept 20, 2018</p>"
        "<p>The government approved a new offshore wind farm on Thursday.</p>"
        "<p>It will power about a million homes, the ministry said.</p>"
        "<footer><p>Copyright 2018 Coast News</p></footer></body></html>"
    )
    dump = parse_bytes(html.encode("utf-8"), "page.html")
    assert dump.format == "html"
    assert dump.dump_date == dt.date(2018, 9, 20)
    main = dump.stories[0]
    assert main.headline == "Wind farm approved off the coast"
    assert main.dateline is not None and main.dateline.raw == "Amsterdam (AFP) Sept 20, 2018"
    assert len(main.paragraphs) == 2
    assert "Copyright 2018 Coast News" in dump.leftover


def test_dump_date_argument_overrides_the_header() -> None:
    dump = parse_bytes(PAGE.encode(), "wind-2001-01-01.txt", dump_date=dt.date(2020, 2, 2))
    assert dump.dump_date == dt.date(2020, 2, 2)


def test_parse_raw_raises_the_container_error() -> None:
    error = DumpError(RejectReason.CORRUPT_ARCHIVE, "zip directory is unreadable")
    with pytest.raises(DumpError) as info:
        parse_raw(RawInput("bad.zip", b"PK\x03\x04junk", error=error))
    assert info.value is error


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", RejectReason.EMPTY),
        (b"  \n\n\t  \n", RejectReason.EMPTY),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n" + bytes(range(256)) * 8, RejectReason.BINARY),
        (b"Related Links\n\nCopyright 2018 AFP\n", RejectReason.NO_STORY),
    ],
)
def test_parse_bytes_rejects_bad_input_with_a_reason(data: bytes, reason: RejectReason) -> None:
    with pytest.raises(DumpError) as info:
        parse_bytes(data)
    assert info.value.reason is reason
    assert info.value.detail


def test_parse_path_plain_gzip_and_bundles(tmp_path: Path) -> None:
    plain = tmp_path / "afp-2018-09-20-wind.txt"
    plain.write_text(PAGE.replace(" date 2018-09-20 ", ""), encoding="utf-8")
    gz = tmp_path / "wind.txt.gz"
    gz.write_bytes(gzip.compress(PAGE.encode()))
    bundle = tmp_path / "bundle-2018-09-21.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr("a-2018-09-22.txt", PAGE.replace(" date 2018-09-20 ", ""))
        zf.writestr("b.txt", PAGE.replace(" date 2018-09-20 ", ""))
        zf.writestr("empty.txt", "")
    tgz = tmp_path / "two.tar.gz"
    with tarfile.open(tgz, "w:gz") as tf:
        for name in ("x.txt", "y.txt"):
            data = PAGE.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))

    [one] = parse_path(plain)
    assert isinstance(one, ParsedDump)
    assert one.dump_date == dt.date(2018, 9, 20)  # from the file name
    assert one.stories[0].headline == "Wind farm approved off the coast"

    [zipped] = parse_path(gz)
    assert isinstance(zipped, ParsedDump)
    assert zipped.sha256 == hashlib.sha256(PAGE.encode()).hexdigest()

    results = list(parse_path(bundle))
    assert [r.source for r in results] == [
        f"{bundle}!a-2018-09-22.txt",
        f"{bundle}!b.txt",
        f"{bundle}!empty.txt",
    ]
    assert isinstance(results[0], ParsedDump) and isinstance(results[1], ParsedDump)
    assert results[0].dump_date == dt.date(2018, 9, 22)  # the member's name wins
    assert results[1].dump_date == dt.date(2018, 9, 21)  # then the bundle's
    assert isinstance(results[2], Rejected)
    assert results[2].reason is RejectReason.EMPTY
    assert results[2].data == b""

    assert [r.source for r in parse_path(tgz)] == [f"{tgz}!x.txt", f"{tgz}!y.txt"]


def test_parse_path_never_raises_for_bad_content(tmp_path: Path) -> None:
    broken = tmp_path / "broken.gz"
    whole = gzip.compress(PAGE.encode() * 20)
    broken.write_bytes(whole[: len(whole) // 2])
    [result] = parse_path(broken)
    assert isinstance(result, Rejected)
    assert result.reason is RejectReason.CORRUPT_ARCHIVE
    assert result.data  # the bytes are kept for the rejects table
    assert result.sha256 == hashlib.sha256(result.data).hexdigest()


def test_parse_path_missing_file_is_the_callers_bug(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        list(parse_path(tmp_path / "absent.txt"))


@pytest.mark.parametrize(
    ("line", "date", "headline"),
    [
        (" date 2017-11-11 Army retakes border town", dt.date(2017, 11, 11),
         "Army retakes border town"),
        ("Date: 2018-01-02 Markets open higher", dt.date(2018, 1, 2), "Markets open higher"),
        (" date 2017-02-30 Impossible day still a header", None, "Impossible day still a header"),
        (" date 2017-11-11", dt.date(2017, 11, 11), None),
    ],
)
def test_header_line_variants(line: str, date: dt.date | None, headline: str | None) -> None:
    from etl.parse.dumpdate import parse_header

    header = parse_header(line)
    assert header is not None
    assert (header.date, header.headline) == (date, headline)


@pytest.mark.parametrize(
    ("source", "date"),
    [
        ("landing/afp-2017-11-11-beirut.txt", dt.date(2017, 11, 11)),
        ("xinhua_20180102_markets.txt", dt.date(2018, 1, 2)),
        ("2016-05-05/story.txt", None),  # folders carry crawl dates, not dump dates
        ("wires-2017-11-23.tar.gz!a/b-2017-11-20.txt", dt.date(2017, 11, 20)),
        ("wires-2017-11-23.tar.gz!a/b.txt", dt.date(2017, 11, 23)),
        ("story-20171399.txt", None),
        ("page-884213.html", None),
    ],
)
def test_dump_date_from_file_names(source: str, date: dt.date | None) -> None:
    from etl.parse.dumpdate import date_from_name

    assert date_from_name(source) == date


def test_a_parser_bug_becomes_a_reject_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import etl.parse.split

    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("rule went wrong")

    monkeypatch.setattr(etl.parse.split, "split_text", broken)
    [result] = parse_path(tmp_path / "a.txt")
    assert isinstance(result, Rejected)
    assert result.reason is RejectReason.UNREADABLE
    assert "ValueError: rule went wrong" in result.detail
    assert result.data == PAGE.encode("utf-8")


def test_cli_for_parse_imports_no_database_stack() -> None:
    """`wire-archive parse` starts without SQLAlchemy or pandas: the subcommand modules
    import their heavy dependencies inside their functions. Checked in a fresh process,
    since this test session has long imported both."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from etl.cli import build_parser\n"
        "args = build_parser().parse_args(['parse', 'x.txt', '--json'])\n"
        "assert args.func is not None\n"
        "heavy = [m for m in ('sqlalchemy', 'pandas', 'pyarrow', 'alembic', 'psycopg',\n"
        "         'etl.pipeline', 'etl.archive') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "", f"imported at CLI start: {done.stdout.strip()}"


def test_parse_command_runs_without_importing_the_archive(tmp_path: Path) -> None:
    import subprocess
    import sys

    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    code = (
        "import sys\n"
        "from etl.cli import main\n"
        f"rc = main(['parse', {str(page)!r}, '--json'])\n"
        "print('HEAVY:' + ','.join(m for m in ('sqlalchemy', 'pandas') if m in sys.modules))\n"
        "sys.exit(rc)\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    import json

    lines = done.stdout.strip().splitlines()
    assert lines[-1] == "HEAVY:"
    parsed = json.loads(lines[0])
    assert parsed["parser_version"] == PARSER_VERSION
    assert parsed["stories"][0]["dateline"]["place"] == "Amsterdam"


def test_parse_bytes_html_headings_in_the_body_are_subheads_in_the_json() -> None:
    html = (
        "<!DOCTYPE html><html><head><title>Tidal plant opens | Coast News</title></head>"
        "<body><h1>Tidal plant opens in northern fjord</h1>"
        "<p>Tromso (AFP) May 4, 2019</p>"
        "<p>Norway's first commercial tidal power plant began feeding the grid on Saturday.</p>"
        "<h2>Fish first</h2>"
        "<p>Its turbines turn slowly enough for salmon to pass, the builder said.</p>"
        "<footer><h3>Contact</h3><p>Copyright 2019 Coast News</p></footer></body></html>"
    )
    dump = parse_bytes(html.encode("utf-8"), "page.html")
    paragraphs = dump.to_json()["stories"][0]["paragraphs"]
    assert [p["kind"] for p in paragraphs] == ["text", "subhead", "text"]
    assert paragraphs[1]["text"] == "Fish first"
    assert "Contact" in dump.leftover
