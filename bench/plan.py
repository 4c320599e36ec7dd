"""Plan benchmark: what the DAG's tasks push to XCom for 100,000 and 1,000,000 landing files.

A synthetic manifest (landing paths shaped like a real zone's, with content hashes) is
written by the same bulk path discovery uses (etl.archive.manifest.record_files: COPY on
PostgreSQL, executemany on SQLite) into a fresh archive; the figures are the JSON sizes of
the values `discover`, `plan` and one mapped `ingest` receive or push, beside the sizes the
old file-list XComs had, plus the time to write the manifest and to read one batch back.
Prints figures, asserts nothing. No file is hashed or read: discovery's own cost (a hash per
landing file) is measured by bench/ingest.py.

    .venv/bin/python bench/plan.py [--files 100000,1000000] [--backends sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from ingest import _fresh_db  # noqa: E402 - a throwaway archive per measurement

ASKED_BATCH_SIZE = 200  # the DAG's default


def _kb(value: object) -> str:
    return f"{len(json.dumps(value).encode()) / 1024:,.1f} KB"


def synthetic(count: int) -> list[tuple[str, str | None]]:
    return [
        (
            f"/srv/landing/2026/{1 + i % 12:02d}/{1 + i % 28:02d}/afp-wire-{i:07d}.txt",
            hashlib.sha256(i.to_bytes(4, "big")).hexdigest(),
        )
        for i in range(count)
    ]


def measure(backend: str, files: int, tmp: Path) -> None:
    from etl import pipeline
    from etl.archive import db, manifest

    url, drop = _fresh_db(backend, tmp)
    try:
        run_id = pipeline.start_run(url, trigger="manual")
        entries = synthetic(files)
        started = time.perf_counter()
        with db.transaction(url) as conn:
            plan = manifest.record_files(
                conn,
                entries,
                run_id=run_id,
                airflow_run_id="bench",
                dry_run=False,
                batch_size=ASKED_BATCH_SIZE,
            )
        written = time.perf_counter() - started
        middle = max(1, plan.batches // 2)
        started = time.perf_counter()
        batch = pipeline.plan_batch_inputs(url, plan, middle)
        read = time.perf_counter() - started
        assert len(batch) == plan.batch_size

        paths = [path for path, _ in entries]
        old_batches = pipeline.plan_batches(paths, ASKED_BATCH_SIZE)
        old_plan = [
            {"items": b, "ingest_run": run_id, "label": f"batch {n} of {len(old_batches)}"}
            for n, b in enumerate(old_batches, start=1)
        ]
        print(
            f"{backend:10} {files:>9,} files: {plan.batches} batches of {plan.batch_size}; "
            f"manifest written in {written:.1f}s ({files / written:,.0f} rows/s), "
            f"one batch read in {read * 1000:.0f} ms"
        )
        print(
            f"{'':10} XCom now:   discover {_kb(plan.to_json())}, "
            f"plan {_kb(plan.batch_numbers())}, "
            f"ingest arguments {_kb({'batch_no': middle, 'run_plan': plan.to_json()})}"
        )
        print(
            f"{'':10} XCom before: discover {_kb(paths)}, plan {_kb(old_plan)}, "
            f"ingest arguments {_kb(old_plan[0])}"
        )
    finally:
        db.dispose_engine(url)
        drop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", default="100000,1000000")
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wa-bench-plan-") as folder:
        for backend in args.backends.split(","):
            for files in (int(n) for n in args.files.split(",")):
                measure(backend, files, Path(folder))


if __name__ == "__main__":
    os.environ.setdefault("WIRE_ARCHIVE_SETTLE_SECONDS", "0")
    main()
