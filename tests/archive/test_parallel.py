"""Parsing in worker processes (etl.parallel) changes nothing in the archive.

The same landing files loaded serially (workers=0) and with a pool of parse workers end
as the same archive, table by table (tests/archive/fingerprint.py), on both backends:
duplicates, edited stories (version numbers), teasers, rejects and a zip bundle included,
over several batches so that parsing runs ahead of loading.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from etl import parallel, pipeline
from etl.archive import db
from etl.model import ParsedDump, RawInput, Rejected
from tests.archive.corpus import corpus
from tests.archive.fingerprint import Fingerprint, TableDiff, compare, fingerprint, total_rows
from tests.conftest import throwaway_pg_database


def _landing(folder: Path, n: int = 160) -> Path:
    """n generated dumps plus the awkward cases, spread over the sorted file order."""
    folder.mkdir(parents=True)
    texts = dict(corpus(n, seed=11))
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    first = texts["dump-000010.txt"]
    # Same bytes under another name: a duplicate, whichever batch meets it first.
    (folder / "dump-000010-copy.txt").write_text(first, encoding="utf-8")
    # The same story edited in a later page (its opening kept): a second version.
    paragraphs = first.split("\n\n")
    edited = "\n\n".join([*paragraphs[:-3], paragraphs[-3] + " Officials later corrected."])
    (folder / "zz-edited.txt").write_text(edited + "\n\n" + paragraphs[-2], encoding="utf-8")
    (folder / "dump-000050-empty.txt").write_bytes(b"")
    (folder / "dump-000090-binary.txt").write_bytes(bytes(range(256)) * 8)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as bundle:
        for name in ("dump-000020.txt", "dump-000110.txt"):  # members also loaded alone
            bundle.writestr(name, texts[name])
        bundle.writestr("fresh.txt", texts["dump-000030.txt"].replace("Item", "Lot"))
    (folder / "dump-000100-bundle.zip").write_bytes(buf.getvalue())
    return folder


def _differences(got: Fingerprint, want: Fingerprint) -> dict[str, TableDiff]:
    return {name: diff for name, diff in compare(got, want).items() if not diff.clean}


@contextmanager
def _archive(backend: str, tmp: Path, name: str) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp / f'{name}.sqlite'}"
        return
    with throwaway_pg_database("wa_par") as url:
        try:
            yield url
        finally:
            db.dispose_engine(url)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_parallel_ingest_equals_serial(backend: str, tmp_path: Path) -> None:
    land = _landing(tmp_path / "landing")
    with (
        _archive(backend, tmp_path, "serial") as serial,
        _archive(backend, tmp_path, "parallel") as par,
    ):
        one = pipeline.ingest([land], serial, batch_size=40, workers=0)
        two = pipeline.ingest([land], par, batch_size=40, workers=2)
        assert one.to_json() | {"run_id": None} == two.to_json() | {"run_id": None}
        assert one.dumps_loaded > 150 and one.duplicates >= 3 and one.rejected == 2
        assert one.versions_new >= 1
        want, got = fingerprint(serial), fingerprint(par)
    assert total_rows(want) > 1000
    assert _differences(got, want) == {}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_batches_with_workers_equal_serial(backend: str, tmp_path: Path) -> None:
    """The DAG's path: discover, plan, one ingest_batch per batch, each with its own pool."""
    land = _landing(tmp_path / "landing", n=120)
    results = {}
    for label, workers in (("serial", 0), ("parallel", 2)):
        with _archive(backend, tmp_path, label) as url:
            run_id = pipeline.start_run(url, trigger="manual")
            files = pipeline.discover([land], url)
            for batch in pipeline.plan_batches(files, 50):
                pipeline.ingest_batch(batch, url, run_id=run_id, landing=[land], workers=workers)
            pipeline.link_teasers(url)
            results[label] = fingerprint(url, exclude_runs=[run_id])
    assert _differences(results["parallel"], results["serial"]) == {}


def test_pool_parses_in_workers_in_order(tmp_path: Path) -> None:
    texts = [text.encode() for _, text in corpus(30, seed=5)]
    raws = [RawInput(f"f{i:02d}.txt", data) for i, data in enumerate(texts)]
    raws.append(RawInput("empty.txt", b""))
    with parallel.ParsePool(2) as pool:
        got = pool.submit(raws, None)()
        assert pool._executor is not None  # the work went to worker processes
        pids = pool._executor.submit(os.getpid).result()
    assert pids != os.getpid()
    want = parallel.parse_chunk(raws, None)
    assert [g.source for g in got] == [r.source for r in raws]
    assert got == want
    assert isinstance(got[-1], Rejected) and got[-1].data == b""
    assert all(isinstance(g, ParsedDump) for g in got[:-1])


def test_small_batches_stay_in_process_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(parallel.WORKERS_ENV, raising=False)
    raws = [RawInput("a.txt", b"x")] * (parallel.MIN_POOL_INPUTS - 1)
    with parallel.ParsePool(None) as pool:
        pool.submit(raws, None)()
        assert pool._executor is None


def test_workers_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.WORKERS_ENV, "3")
    assert parallel.resolve_workers(None) == (3, True)
    assert parallel.resolve_workers(1) == (1, True)
    monkeypatch.setenv(parallel.WORKERS_ENV, "many")
    with pytest.raises(ValueError, match="WIRE_ARCHIVE_WORKERS"):
        parallel.resolve_workers(None)
    monkeypatch.delenv(parallel.WORKERS_ENV)
    assert parallel.resolve_workers(None) == (parallel.cpu_count(), False)


def test_cli_ingest_takes_workers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from etl.cli import main

    land = tmp_path / "landing"
    land.mkdir()
    for name, text in corpus(12, seed=3):
        (land / name).write_text(text, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    assert main(["ingest", "--workers", "2", "--db", url, str(land)]) == 0
    assert main(["ingest", "--workers", "0", "--db", url, str(land)]) == 0  # all duplicates
    out = capsys.readouterr().out
    assert "12" in out
    with pytest.raises(SystemExit):
        main(["ingest", "--workers", "-1", "--db", url, str(land)])
    assert "must be 0 or more" in capsys.readouterr().err
    want = fingerprint(url)
    assert sum(want["dumps"].values()) == 12


def _children(pid: int) -> set[int]:
    """Every live process descended from pid (Linux /proc)."""
    found: set[int] = set()
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        for task in Path(f"/proc/{parent}/task").glob("*/children"):
            try:
                kids = {int(k) for k in task.read_text().split()}
            except OSError:
                continue
            frontier.extend(kids - found)
            found |= kids
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_a_killed_writer_leaves_no_parse_workers(tmp_path: Path) -> None:
    """SIGKILL the writer mid-ingest: its fork server and parse workers follow it out
    instead of waiting for work for ever (about 170 MB each)."""
    import signal
    import subprocess
    import sys
    import time

    landing = tmp_path / "landing"
    landing.mkdir()
    for name, text in corpus(3000, seed=5):
        (landing / name).write_text(text, encoding="utf-8")
    env = {**os.environ, "WIRE_ARCHIVE_SETTLE_SECONDS": "0"}
    writer = subprocess.Popen(
        [str(Path(sys.executable).parent / "wire-archive"), "ingest", str(landing),
         "--workers", "2", "--batch-size", "100", "--db", f"sqlite:///{tmp_path / 'a.sqlite'}"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        helpers: set[int] = set()
        while time.monotonic() < deadline and len(helpers) < 3:  # fork server + 2 workers
            helpers = {p for p in _children(writer.pid) if "forkserver" in _cmdline(p)}
            time.sleep(0.2)
        assert len(helpers) >= 3, "the parse pool never started"
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(_alive(p) for p in helpers):
            time.sleep(0.2)
        assert not [p for p in helpers if _alive(p)]
    finally:
        if writer.poll() is None:
            writer.kill()


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""
