"""Every landing entry ends in one place: loaded, duplicate (same bytes), rejected, or deferred.

One awkward landing folder holds every kind of entry at once, on a real filesystem and both
archive backends. Tests run as root, so chmod 000 would not stop a read: an unreadable
file and an unreadable folder are made with paths longer than PATH_MAX instead (lstat and
scandir then fail with ENAMETOOLONG, for root too). The vanishing file is deleted by the
ingest's own progress hook, which fires after the landing zone is scanned and before the
first batch is read.
"""

from __future__ import annotations

import hashlib
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from etl import pipeline
from etl.archive import db
from etl.landing import Landing, name_bytes, read_entry, storable_name
from etl.model import RunSummary
from tests.archive.corpus import corpus

PATH_MAX = os.pathconf("/", "PC_PATH_MAX")
SETTLE = 30.0


def _rows(url: str, sql: str) -> list[tuple]:
    with db.get_engine(url).connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql))]


@pytest.fixture(autouse=True)
def _never_hang() -> Iterator[None]:
    """A FIFO opened for reading would block forever: fail the test instead of hanging."""

    def boom(*_: object) -> None:
        raise TimeoutError("the ingest blocked (was a FIFO opened?)")

    previous = signal.signal(signal.SIGALRM, boom)
    signal.alarm(240)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _too_long(land: Path) -> tuple[str, str]:
    """A folder F inside `land` whose own path fits PATH_MAX, holding a file and a folder
    whose paths do not: (the file's path, the folder's path), both unreadable by path."""
    folder = land / "deep"
    folder.mkdir()
    while len(str(folder)) < PATH_MAX - 100:
        step = min(200, PATH_MAX - 100 - len(str(folder)))
        folder = folder / ("d" * max(step, 1))
        folder.mkdir()
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        file_name, dir_name = "f" * 240 + ".txt", "g" * 240
        os.close(os.open(file_name, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd))
        os.mkdir(dir_name, dir_fd=fd)
    finally:
        os.close(fd)
    long_file, long_dir = f"{folder}/{file_name}", f"{folder}/{dir_name}"
    assert len(long_file) >= PATH_MAX and len(long_dir) >= PATH_MAX
    return long_file, long_dir


def _awkward_landing(tmp_path: Path) -> dict[str, object]:
    land = tmp_path / "land"
    land.mkdir()
    texts = [text.encode() for _, text in corpus(6, seed=11)]
    (land / "good-1.txt").write_bytes(texts[0])
    (land / "good-2.txt").write_bytes(texts[1])
    (land / "twin.txt").write_bytes(texts[0])  # the same bytes as good-1: a duplicate
    odd = os.path.join(os.fsencode(land), b"caf\xe9.txt")  # Latin-1: not UTF-8
    with open(odd, "wb") as fh:
        fh.write(texts[2])
    (land / "store").mkdir()
    (land / "store" / "kept.dat").write_bytes(texts[3])  # not a landing name itself
    (land / "inside.txt").symlink_to(land / "store" / "kept.dat")
    (tmp_path / "outside").mkdir()
    secret = tmp_path / "outside" / "secret.txt"
    secret.write_bytes(texts[4])
    (land / "outside.txt").symlink_to(secret)
    (land / "broken.txt").symlink_to(land / "nowhere.txt")
    (land / "loop.txt").symlink_to(land / "loop.txt")
    os.mkfifo(land / "pipe.txt")
    (land / "zz-vanish.txt").write_bytes(b"here at discovery, gone at reading")
    long_file, long_dir = _too_long(land)
    hour_ago = time.time() - 3600
    for done in ("good-1.txt", "good-2.txt", "twin.txt", "store/kept.dat", "zz-vanish.txt"):
        os.utime(land / done, (hour_ago, hour_ago))  # everything so far has settled ...
    os.utime(odd, (hour_ago, hour_ago))
    (land / "fresh.txt").write_bytes(texts[5])  # ... but this one is still being written
    return dict(
        land=land,
        odd=os.fsdecode(odd),
        secret=texts[4],
        fresh_sha=hashlib.sha256(texts[5]).hexdigest(),
        long_file=long_file,
        long_dir=long_dir,
    )


def _vanish_on_start(path: Path):  # noqa: ANN202 - a progress callback
    def progress(done: int, total: int, summary: RunSummary) -> None:
        if done == 0:
            path.unlink()  # after the scan, before any batch reads

    return progress


def test_every_landing_entry_ends_in_one_place(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIRE_ARCHIVE_SETTLE_SECONDS", str(SETTLE))
    case = _awkward_landing(tmp_path)
    land = case["land"]
    assert isinstance(land, Path)
    deferred: dict[str, str] = {}
    summary = pipeline.ingest(
        [land],
        db_url,
        batch_size=3,
        progress=_vanish_on_start(land / "zz-vanish.txt"),
        on_deferred=deferred.update,
    )
    assert summary.status == "success"

    loaded = {r[0] for r in _rows(db_url, "SELECT source_uri FROM dumps")}
    rejects = {r[0]: r[1] for r in _rows(db_url, "SELECT source_uri, reason FROM rejects")}
    odd_stored = storable_name(case["odd"])  # type: ignore[arg-type]
    assert odd_stored == f"{land}/caf\\xe9.txt"
    assert name_bytes(odd_stored) == os.fsencode(case["odd"])  # lossless
    assert loaded == {f"{land}/good-1.txt", f"{land}/good-2.txt", odd_stored, f"{land}/inside.txt"}
    assert rejects == {
        f"{land}/zz-vanish.txt": "vanished",
        storable_name(case["long_file"]): "unreadable",  # type: ignore[arg-type]
        storable_name(case["long_dir"]): "unreadable",  # type: ignore[arg-type]
        f"{land}/broken.txt": "unreadable",
        f"{land}/loop.txt": "unreadable",
        f"{land}/pipe.txt": "not_regular",
        f"{land}/outside.txt": "outside_landing",
    }
    assert list(deferred) == [str(land / "fresh.txt")]
    assert "settles after 30s" in deferred[str(land / "fresh.txt")]

    # The counts add up: 13 entries = 4 loaded + 1 duplicate + 7 rejects + 1 deferred.
    assert (summary.dumps_loaded, summary.duplicates, summary.rejected) == (4, 1, 7)
    assert summary.files_seen == 4 + 1 + 7
    assert summary.files_seen + len(deferred) == 13
    assert summary.deferred == 1 and summary.to_json()["deferred"] == 1
    assert summary.reject_reasons == {
        "vanished": 1,
        "unreadable": 4,
        "not_regular": 1,
        "outside_landing": 1,
    }
    # Rejects without bytes keep none, and never share a key (no "hash of empty bytes").
    raw = _rows(db_url, "SELECT sha256, size_bytes FROM rejects")
    assert len({sha for sha, _ in raw}) == 7 and {size for _, size in raw} == {0}
    assert hashlib.sha256(b"").hexdigest() not in {sha for sha, _ in raw}
    # The target outside the landing zone was never read into the archive.
    secret_sha = hashlib.sha256(case["secret"]).hexdigest()  # type: ignore[arg-type]
    assert _rows(db_url, f"SELECT count(*) FROM dumps WHERE sha256 = '{secret_sha}'") == [(0,)]
    # The file being written is neither rejected nor in the ledger: a later run takes it.
    ledger = {r[0] for r in _rows(db_url, "SELECT sha256 FROM landing_files")}
    assert case["fresh_sha"] not in ledger
    assert (
        pipeline.discover([land], db_url, settle_seconds=SETTLE).count(str(land / "fresh.txt")) == 0
    )
    assert pipeline.check_archive(db_url) == []

    # Time passes: the file has settled, and the next run loads it.
    old = time.time() - 2 * SETTLE
    os.utime(land / "fresh.txt", (old, old))
    assert str(land / "fresh.txt") in pipeline.discover([land], db_url, settle_seconds=SETTLE)
    later: dict[str, str] = {}
    again = pipeline.ingest([land], db_url, on_deferred=later.update)
    assert later == {}
    assert again.dumps_loaded == 1
    assert _rows(db_url, f"SELECT count(*) FROM dumps WHERE source_uri = '{land}/fresh.txt'") == [
        (1,)
    ]
    assert case["fresh_sha"] in {r[0] for r in _rows(db_url, "SELECT sha256 FROM landing_files")}
    # The problem entries are still there and are recorded again: 6 (the vanished one is gone).
    assert (again.duplicates, again.rejected) == (5, 6)
    assert again.files_seen == 12
    assert pipeline.check_archive(db_url) == []


def test_the_dag_path_discover_then_batches(db_url: str, tmp_path: Path) -> None:
    """plan_run() + ingest_planned_batch(landing=[root]) as the DAG calls them: the awkward
    entries go through the manifest and come back by batch number. Settle 0 (env)."""
    case = _awkward_landing(tmp_path)
    land = case["land"]
    assert isinstance(land, Path)
    run_id = pipeline.start_run(db_url, trigger="manual")
    plan = pipeline.plan_run(db_url, run_id=run_id, paths=[land], batch_size=4)
    found = [p for n in plan.batch_numbers() for p in pipeline.plan_batch_inputs(db_url, plan, n)]
    assert found == pipeline.discover([land], db_url)
    assert str(land / "fresh.txt") in found and str(land / "pipe.txt") in found
    (land / "zz-vanish.txt").unlink()  # between the discover task and the ingest task
    total = RunSummary(run_id=run_id)
    for n in plan.batch_numbers():
        total.merge(pipeline.ingest_planned_batch(db_url, plan, n, landing=[str(land)]))
    assert (total.dumps_loaded, total.duplicates, total.rejected) == (5, 1, 7)
    assert total.files_seen == len(found) == 13
    # Without the landing root, a symlink may only point into its own folder.
    (land / "store" / "up.txt").symlink_to(land / "good-1.txt")
    alone = pipeline.ingest_batch([str(land / "store" / "up.txt")], db_url, run_id=None)
    assert alone.reject_reasons == {"outside_landing": 1}
    rooted = pipeline.ingest_batch(
        [str(land / "store" / "up.txt")], db_url, run_id=None, landing=[land]
    )
    assert (rooted.duplicates, rooted.rejected) == (1, 0)


def test_half_written_bytes_are_never_the_ledger_entry(tmp_path: Path) -> None:
    """The hash recorded is the hash of the bytes read (all of them, even past `keep`), and
    a file modified within the settle period is deferred at reading time too."""
    path = tmp_path / "growing.txt"
    path.write_bytes(b"first half ")
    landing = Landing(roots=(str(tmp_path),), settle_seconds=0)
    got = read_entry(str(path), landing, keep=1000)
    assert got.sha256 == hashlib.sha256(b"first half ").hexdigest() and got.data == b"first half "
    with open(path, "ab") as fh:
        fh.write(b"second half")
    got = read_entry(str(path), landing, keep=4)  # keeps 4 bytes, hashes them all
    assert got.sha256 == hashlib.sha256(b"first half second half").hexdigest()
    assert got.data == b"firs" and got.size == 22
    busy = Landing(roots=(str(tmp_path),), settle_seconds=SETTLE)
    assert read_entry(str(path), busy, keep=1000).deferred is not None
    assert str(path) in busy.deferred


@pytest.mark.parametrize(
    "name",
    [b"plain.txt", b"caf\xe9.txt", b"back\\slash.txt", b"caf\\xe9.txt", b"\xff\\\xfe.txt"],
)
def test_stored_names_round_trip(name: bytes) -> None:
    stored = storable_name(name)
    stored.encode("utf-8")  # any text column takes it
    assert name_bytes(stored) == name
    assert ("\\" in stored) == (name != b"plain.txt")
