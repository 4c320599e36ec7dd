"""`wire-archive parse` as users run it: the real console script in a subprocess."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import zipfile
from pathlib import Path

WIRE_ARCHIVE = Path(sys.executable).parent / "wire-archive"

PAGE = """ date 2018-06-02 Lake town bans motor boats for the summer

By Elsa MÜLLER

Zurich (AFP) June 2, 2018

The council said the ban would protect nesting birds along the shore.

- Fishermen object -

Local fishermen said they would appeal.

Lucerne (AFP) June 1, 2018

A cable car reopened after a year of repairs ... read more

Related Links
"""


def run_cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(WIRE_ARCHIVE), "parse", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_json_lines_one_per_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PAGE.replace("2018-06-02", "2018-06-03"), encoding="utf-8")
    run = run_cli("a.txt", "b.txt", "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["source"] == "a.txt" and second["source"] == "b.txt"
    assert first["dump_date"] == "2018-06-02" and second["dump_date"] == "2018-06-03"
    assert first["format"] == "text"
    assert first["parser_version"]
    assert [s["role"] for s in first["stories"]] == ["main", "related"]
    assert first["stories"][0]["byline"]["raw"] == "By Elsa MÜLLER"
    assert "MÜLLER" in lines[0]  # ensure_ascii=False: readable, not \u escapes
    assert first["stories"][1]["is_teaser"] is True
    assert first["leftover"] == ["Related Links"]


def test_bad_file_goes_to_stderr_and_the_others_still_parse(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    run = run_cli("empty.txt", "good.txt", "picture.txt", "--json", cwd=tmp_path)
    assert run.returncode == 1
    assert [json.loads(line)["source"] for line in run.stdout.splitlines()] == ["good.txt"]
    errors = run.stderr.splitlines()
    assert any(line.startswith("empty.txt: empty: ") for line in errors), run.stderr
    assert any(line.startswith("picture.txt: binary: ") for line in errors), run.stderr


def test_missing_file_is_reported_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(PAGE, encoding="utf-8")
    run = run_cli("nope.txt", "good.txt", "--json", cwd=tmp_path)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert run.stderr.startswith("nope.txt: unreadable: no such file")
    assert len(run.stdout.splitlines()) == 1


def test_dump_date_option_overrides_the_header(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    run = run_cli("a.txt", "--json", "--dump-date", "2019-01-05", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["dump_date"] == "2019-01-05"


def test_bad_dump_date_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    run = run_cli("a.txt", "--dump-date", "05/01/2019", cwd=tmp_path)
    assert run.returncode == 2
    assert "YYYY-MM-DD" in run.stderr


def test_archive_members_and_gzip_each_get_a_line(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "bundle.zip", "w") as bundle:
        bundle.writestr("one-2018-06-02.txt", PAGE)
        bundle.writestr("two.txt", PAGE.replace("Zurich", "Basel"))
    (tmp_path / "page.txt.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    run = run_cli("bundle.zip", "page.txt.gz", "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    sources = [json.loads(line)["source"] for line in run.stdout.splitlines()]
    assert sources == ["bundle.zip!one-2018-06-02.txt", "bundle.zip!two.txt", "page.txt.gz"]


def test_human_summary_names_stories(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    run = run_cli("a.txt", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert out.startswith("a.txt")
    assert "Lake town bans motor boats for the summer" in out
    assert "Zurich" in out and "2018-06-02" in out
    assert "teaser" in out
    assert "AFP" in out
