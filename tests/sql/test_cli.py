"""`wire-archive sql`, `search` and `export` end to end, on both backends."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa

from etl.archive.query import _export_schema
from etl.cli import main
from tests.sql.conftest import fetch
from tests.sql.mini_archive import STORIES, MiniArchive
from tests.sql.test_views import STORY_FULL_COLUMNS


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_sql_formats(mini: MiniArchive, capsys: pytest.CaptureFixture[str]) -> None:
    query = "SELECT place, COUNT(*) AS n FROM stories WHERE place IS NOT NULL GROUP BY place"
    query += " ORDER BY place"
    code, out, _ = _cli(capsys, "sql", query, "--db", mini.url)  # a pipe: csv by default
    assert code == 0
    assert list(csv.reader(io.StringIO(out))) == [
        ["place", "n"], ["Geneva", "3"], ["Kathmandu", "2"], ["Tehran", "1"],
    ]  # fmt: skip
    code, out, _ = _cli(capsys, "sql", query, "--db", mini.url, "--format", "json")
    assert json.loads(out) == [
        {"place": "Geneva", "n": 3}, {"place": "Kathmandu", "n": 2}, {"place": "Tehran", "n": 1},
    ]  # fmt: skip
    code, out, _ = _cli(capsys, "sql", query, "--db", mini.url, "--format", "table")
    assert code == 0
    assert "Kathmandu" in out and "place" in out and "(3 rows)" in out


def test_sql_json_carries_dates_as_iso_text(
    mini: MiniArchive, capsys: pytest.CaptureFixture[str]
) -> None:
    sql = f"SELECT date, is_teaser FROM story_full WHERE story_id = {mini.stories['S2']}"
    code, out, _ = _cli(capsys, "sql", sql, "--db", mini.url, "--format", "json")
    assert code == 0
    (row,) = json.loads(out)
    assert row["date"] == "2017-11-10"
    assert row["is_teaser"] in (True, 1)


def test_sql_bad_query_is_one_line_and_fails(
    mini: MiniArchive, capsys: pytest.CaptureFixture[str]
) -> None:
    for bad in ("SELEC 1", "SELECT * FROM no_such_table", "SELECT nope FROM stories"):
        code, out, err = _cli(capsys, "sql", bad, "--db", mini.url)
        assert code == 1, bad
        assert out == ""
        assert err.startswith("error: ") and err.count("\n") == 1, err
    _, _, err = _cli(capsys, "sql", "SELEC 1", "--db", mini.url)
    assert "syntax error" in err


def test_sql_is_read_only_unless_asked(
    mini: MiniArchive, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _cli(capsys, "sql", "DELETE FROM rejects", "--db", mini.url)
    assert code == 1 and "read" in err.lower() and "only" in err.lower()
    assert fetch(mini.url, "SELECT COUNT(*) AS n FROM rejects") == [{"n": 3}]
    code, _, _ = _cli(
        capsys, "sql", "DELETE FROM rejects WHERE reason = :r", "--db", mini.url,
        "--param", "r=binary", "--write",
    )  # fmt: skip
    assert code == 0
    assert fetch(mini.url, "SELECT COUNT(*) AS n FROM rejects") == [{"n": 2}]


def test_sql_file_with_params(mini: MiniArchive, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _cli(
        capsys, "sql", "--file", "stories_from_place", "--db", mini.url, "--format", "json",
        "--param", "place=Kathmandu", "--param", "since=2017-10-01", "-p", "until=2017-12-31",
    )  # fmt: skip
    assert code == 0, err
    assert [r["story_id"] for r in json.loads(out)] == [mini.stories["S1"], mini.stories["S4"]]
    # Ad-hoc SQL can type a parameter.
    code, out, _ = _cli(
        capsys, "sql", "SELECT headline FROM stories WHERE id = :id", "--db", mini.url,
        "--param", f"id:int={mini.stories['S3']}", "--format", "json",
    )  # fmt: skip
    assert json.loads(out) == [{"headline": "Talks on refugee aid resume in Geneva"}]


def test_sql_file_errors(mini: MiniArchive, capsys: pytest.CaptureFixture[str]) -> None:
    cases = [
        (["--file", "dump_contents", "--param", "dump=1"], "no parameter :dump"),
        (["--file", "dump_contents", "--param", "dump_id=abc"], "not a valid int"),
        (["--file", "no_such_query"], "no query file"),
        (["SELECT :x AS x"], "missing value for parameter :x"),
        (["SELECT 1", "--file", "dump_contents"], "either"),
    ]
    other = "sqlite" if sa.make_url(mini.url).get_backend_name() == "postgresql" else "postgresql"
    cases.append((["--file", f"search_text.{other}.sql"], "search_text."))
    for args, message in cases:
        code, _, err = _cli(capsys, "sql", *args, "--db", mini.url)
        assert code == 1, args
        assert message in err and err.count("\n") == 1, (args, err)


def test_sql_list_shows_the_examples(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _cli(capsys, "sql", "--list")
    assert code == 0
    assert "stories_from_place.sql" in out and "place=Beirut" in out


def test_missing_archive_is_a_clear_error(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'nothing.sqlite'}"
    code, _, err = _cli(capsys, "sql", "SELECT 1", "--db", url)
    assert code == 1 and "no archive" in err
    assert not (tmp_path / "nothing.sqlite").exists()
    code, _, err = _cli(capsys, "sql", "SELECT 1", "--db", "postgresql://postgres@127.0.0.1:1/x")
    assert code == 1 and err.count("\n") == 1


def test_search_command(mini: MiniArchive, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _cli(capsys, "search", "Geneva", "--db", mini.url, "--format", "json")
    assert code == 0
    hits = json.loads(out)
    assert [h["story_id"] for h in hits] == [mini.stories["S3"], mini.stories["S2"]]
    assert hits[0]["agencies"] == ["Reuters"] and hits[0]["date"] == "2017-11-10"
    code, out, _ = _cli(
        capsys, "search", "negotiators", "--db", mini.url, "--format", "json",
        "--agency", "Reuters", "--place", "geneva", "--since", "2017-11-01", "--limit", "1",
    )  # fmt: skip
    assert len(json.loads(out)) == 1
    code, out, _ = _cli(capsys, "search", "harvest OR metro", "--db", mini.url)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert sorted(int(r["story_id"]) for r in rows) == sorted(
        [mini.stories["S4"], mini.stories["S5"]]
    )
    code, _, err = _cli(capsys, "search", "--db", mini.url, "--", "-metro")
    assert code == 1 and "nothing to search" in err


def _story_full_rows(mini: MiniArchive) -> dict[int, dict]:
    return {r["story_id"]: r for r in fetch(mini.url, "SELECT * FROM story_full")}


def test_export_parquet_and_csv(
    mini: MiniArchive, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.parquet"
    code, _, err = _cli(capsys, "export", "--to", str(out), "--db", mini.url)
    assert code == 0 and f"wrote {len(STORIES)} stories" in err
    table = pq.read_table(out)
    assert table.schema == _export_schema()
    assert table.column_names == STORY_FULL_COLUMNS
    rows = table.to_pylist()
    expected = _story_full_rows(mini)
    assert [r["story_id"] for r in rows][-1] == mini.stories["S7"]  # undated last
    for row in rows:
        want = expected[row["story_id"]]
        for col in ("headline", "authors", "agencies", "text", "dump_count", "word_count"):
            assert row[col] == want[col], col
        assert (row["date"].isoformat() if row["date"] else None) == want["date"]
        assert row["is_teaser"] is bool(want["is_teaser"])
        assert row["first_seen_at"].tzinfo is not None

    ranged = tmp_path / "ranged.csv"
    code, _, err = _cli(
        capsys, "export", "--to", str(ranged), "--db", mini.url,
        "--since", "2017-10-01", "--until", "2017-11-10",
    )  # fmt: skip
    assert code == 0 and "wrote 3 stories" in err
    with ranged.open(newline="") as fh:
        got = list(csv.DictReader(fh))
    assert [int(r["story_id"]) for r in got] == [
        mini.stories["S4"], mini.stories["S2"], mini.stories["S3"],
    ]  # fmt: skip
    assert [r["is_teaser"] for r in got] == ["false", "true", "false"]
    assert list(got[0]) == STORY_FULL_COLUMNS


def test_export_refuses_bad_requests(
    mini: MiniArchive, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _cli(capsys, "export", "--to", str(tmp_path / "x.xlsx"), "--db", mini.url)
    assert code == 1 and ".parquet or .csv" in err
    code, _, err = _cli(
        capsys, "export", "--to", str(tmp_path / "x.csv"), "--db", mini.url,
        "--since", "2017-12-01", "--until", "2017-01-01",
    )  # fmt: skip
    assert code == 1 and "after" in err
    assert not list(tmp_path.glob("x.*"))


def test_read_only_commands_never_create_an_archive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run elsewhere with the default (relative) path: an error naming it, no file made."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WIRE_ARCHIVE_DATABASE_URL", raising=False)
    expected = tmp_path / "var" / "wire_archive.sqlite"
    for argv in (
        ["stats"],
        ["sql", "SELECT 1"],
        ["search", "ceasefire"],
        ["export", "--to", str(tmp_path / "out.csv")],
    ):
        code, out, err = _cli(capsys, *argv)
        assert code == 1 and out == "", argv
        assert err.count("\n") == 1, (argv, err)
        assert f"no archive at {expected}" in err and "relative to the current directory" in err
    assert list(tmp_path.iterdir()) == []  # no var/, no database, no export file

    monkeypatch.setenv("WIRE_ARCHIVE_DATABASE_URL", f"sqlite:///{tmp_path / 'env.sqlite'}")
    code, _, err = _cli(capsys, "stats")
    assert code == 1 and "from WIRE_ARCHIVE_DATABASE_URL" in err
    code, _, err = _cli(capsys, "stats", "--db", f"sqlite:///{tmp_path / 'flag.sqlite'}")
    assert code == 1 and "from --db" in err
    assert list(tmp_path.iterdir()) == []


def test_a_database_without_the_archive_schema_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pg_url: str
) -> None:
    empty = tmp_path / "empty.sqlite"
    sa.create_engine(f"sqlite:///{empty}").connect().close()  # a file, but no tables
    for url in (f"sqlite:///{empty}", pg_url):
        for argv in (["stats"], ["search", "ceasefire"], ["export", "--to", "x.csv"]):
            code, _, err = _cli(capsys, *argv, "--db", url)
            assert code == 1 and "holds no wire archive" in err, (url, argv, err)
        engine = sa.create_engine(url)
        with engine.connect() as conn:
            assert sa.inspect(conn).get_table_names() == []  # nothing was migrated into it
        engine.dispose()


def test_table_cells_are_text_not_markup(
    mini: MiniArchive, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")  # a real terminal's rendering, escape codes and all
    sql = "SELECT '[bold]x' AS a, 'said [sic] so' AS b, 'the [term] here' AS c, '[/]' AS d"
    code, out, _ = _cli(capsys, "sql", sql, "--db", mini.url, "--format", "table")
    assert code == 0
    for literal in ("[bold]x", "said [sic] so", "the [term] here", "[/]"):
        assert literal in out, out
    assert "\x1b[1mx" not in out


def test_search_table_keeps_the_snippets_brackets(
    mini: MiniArchive, capsys: pytest.CaptureFixture[str]
) -> None:
    # A lower-case match: rich would take `[pause]` for a style tag and drop it.
    code, out, _ = _cli(capsys, "search", "pause", "--db", mini.url, "--format", "json")
    snippets = [hit["snippet"] for hit in json.loads(out)]
    marked = [s for s in snippets if "[pause]" in s]
    assert marked, snippets  # the search marks its matches with brackets
    code, out, _ = _cli(capsys, "search", "pause", "--db", mini.url, "--format", "table")
    assert code == 0
    flat = " ".join(out.replace("│", " ").split())
    for snippet in marked:
        term = snippet[snippet.index("[") : snippet.index("]") + 1]
        assert term in flat, (term, out)


def test_a_pipe_closed_early_is_no_error(mini: MiniArchive, tmp_path: Path) -> None:
    """`wire-archive sql ... | head -1`: quiet, exit 0, no traceback."""
    import subprocess
    import sys

    script = (
        "import sys; from etl.cli import main; "
        "sys.exit(main(sys.argv[1:]))"
    )
    # Far more than a pipe's buffer, so the writer meets the closed pipe.
    many = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) "
        "SELECT i, 'a line of padding text' AS pad FROM n"
    )
    for argv in (["sql", many, "--format", "json"], ["sql", many, "--format", "csv"]):
        proc = subprocess.Popen(
            [sys.executable, "-c", script, *argv, "--db", mini.url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
        )
        assert proc.stdout is not None
        proc.stdout.read(1)
        proc.stdout.close()  # the reader leaves
        _, err = proc.communicate(timeout=60)
        assert b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()[-800:]
        assert proc.returncode == 0, (argv, err.decode()[-800:])
