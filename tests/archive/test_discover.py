"""discover() asks the ledger about hashes in sets, not one query per landing file."""

from __future__ import annotations

import math
from pathlib import Path

import sqlalchemy as sa

from etl import pipeline
from etl.archive import db


def _write(folder: Path, start: int, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        path = folder / f"afp-2017-11-11-item-{i:05d}.txt"
        path.write_text(
            f"Harbour note {i}\n\nBeirut (AFP) Nov 11, 2017\n\n"
            f"Item {i}: the port authority logged ship number {i} at the outer anchorage.\n"
        )
        paths.append(path)
    return paths


def test_discover_over_many_files_uses_few_queries_and_finds_only_new_ones(
    db_url: str, tmp_path: Path
) -> None:
    landing = tmp_path / "landing"
    loaded = _write(landing / "old", 0, 650)
    pipeline.ingest([landing / "old"], db_url, batch_size=200)
    new = _write(landing / "new", 650, 600)
    (landing / "new" / "copy-of-an-old-one.txt").write_bytes(loaded[3].read_bytes())

    engine = db.get_engine(db_url)
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if "landing_files" in statement:
            statements.append(statement)

    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        found = pipeline.discover([landing], db_url)
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)

    assert found == sorted(str(p) for p in new)  # neither the loaded files nor the copy
    hashes = 650 + 600  # distinct contents under the landing folder
    assert 1 <= len(statements) <= math.ceil(hashes / pipeline.DISCOVER_CHUNK)


def test_a_landing_files_hash_is_the_hash_of_all_its_bytes(tmp_path: Path) -> None:
    # Sizes around the read size: the digest must cover every byte, however it is read.
    import hashlib
    import os

    from etl.landing import HASH_READ_BYTES, content_sha256

    step = HASH_READ_BYTES
    for size in (0, 1, step - 1, step, step + 1, 3 * step + 7):
        data = bytes((i * 7 + size) % 251 for i in range(size))
        path = tmp_path / f"dump-{size}.txt"
        path.write_bytes(data)
        assert content_sha256(str(path)) == hashlib.sha256(data).hexdigest(), size
        link = tmp_path / f"link-{size}.txt"
        link.symlink_to(path)
        assert content_sha256(str(link)) == hashlib.sha256(data).hexdigest(), size
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert content_sha256(str(fifo)) is None  # never opened: it would block
    assert content_sha256(str(tmp_path)) is None  # a folder
    assert content_sha256(str(tmp_path / "gone.txt")) is None
