"""discover -> parse -> load -> link -> check: the one entry point the CLI and the DAG share.

The DAG calls the fine-grained functions (one task each); the CLI calls `ingest` and
`reprocess`, which chain them. Every function is safe to retry: a batch commits as one
transaction together with a `run_batches` row keyed by (run id, batch key), so a
retried batch returns its recorded counts instead of loading again, and `finish_run`
derives a run's counts from those rows.

"Files" in the counts are dumps: a plain landing file is one, an archive counts each
member. files_seen = dumps_loaded + duplicates + rejected (reprocess runs:
files_seen = dumps_reprocessed + rejected). A duplicate is an input whose bytes are
already archived, as a dump or as a reject.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from etl.archive import checks, db, link, load
from etl.archive.schema import dumps, ingest_runs, landing_files, run_batches
from etl.model import DumpError, ParsedDump, RawInput, Rejected, RejectReason, RunSummary

Progress = Callable[[int, int, RunSummary], None]  # (files done, files total, summary so far)
FALLBACK_SUFFIXES = (".txt", ".html", ".htm", ".gz", ".zip", ".tar.gz", ".tgz")
_COUNTS = (
    "files_seen",
    "dumps_loaded",
    "duplicates",
    "rejected",
    "dumps_reprocessed",
    "stories_new",
    "stories_seen",
    "versions_new",
)


def default_database_url() -> str:
    """WIRE_ARCHIVE_DATABASE_URL, else sqlite:///var/wire_archive.sqlite (relative to cwd)."""
    return db.default_database_url()


def parser_version() -> str:
    import etl.parse

    return str(etl.parse.PARSER_VERSION)


def _suffixes() -> tuple[str, ...]:
    try:
        from etl.parse.read import LANDING_SUFFIXES
    except ImportError:
        return FALLBACK_SUFFIXES
    return tuple(LANDING_SUFFIXES)


def landing_files_under(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Landing files named or found under folders (recursively), sorted, no repeats.

    A path that does not exist is the caller's mistake: FileNotFoundError before any work."""
    suffixes = _suffixes()
    found: set[str] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in path.rglob("*"):
                if child.is_file() and child.name.lower().endswith(suffixes):
                    found.add(str(child))
        elif path.exists() or path.is_symlink():
            found.add(str(path))  # named explicitly: the parser decides what it is
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
    return sorted(found)


def file_sha256(path: str) -> str | None:
    try:
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


def discover(paths: Iterable[str | os.PathLike[str]], database_url: str | None = None) -> list[str]:
    """Landing files whose content is not yet in the `landing_files` ledger. Sorted."""
    url = database_url or default_database_url()
    db.upgrade(url)
    files = landing_files_under(paths)
    fresh: list[str] = []
    with db.get_engine(url).connect() as conn:
        for path in files:
            sha = file_sha256(path)
            known = (
                sha is not None
                and conn.execute(
                    sa.select(landing_files.c.sha256).where(landing_files.c.sha256 == sha)
                ).first()
            )
            if not known:
                fresh.append(path)
    return fresh


def plan_batches(files: Sequence[str], batch_size: int) -> list[list[str]]:
    size = max(1, int(batch_size))
    return [list(files[i : i + size]) for i in range(0, len(files), size)]


def start_run(
    database_url: str | None = None,
    *,
    trigger: str = "cli",
    mode: str = "new",
    airflow_run_id: str | None = None,
) -> int:
    """Insert an ingest_runs row (status running) after pending migrations.

    With an Airflow run id, a retried task finds the run it already started."""
    url = database_url or default_database_url()
    db.upgrade(url)

    def attempt() -> int:
        with db.transaction(url) as conn:
            if airflow_run_id is not None:
                found = conn.execute(
                    sa.select(ingest_runs.c.id).where(
                        ingest_runs.c.airflow_run_id == airflow_run_id,
                        ingest_runs.c.mode == mode,
                        ingest_runs.c.status == "running",
                    )
                ).first()
                if found is not None:
                    return int(found[0])
            row = conn.execute(
                sa.insert(ingest_runs)
                .values(
                    started_at=load.utcnow(),
                    trigger=trigger,
                    airflow_run_id=airflow_run_id,
                    mode=mode,
                    parser_version=parser_version(),
                    status="running",
                )
                .returning(ingest_runs.c.id)
            ).one()
            return int(row[0])

    return db.retrying(attempt)


def _batch_key(kind: str, items: Iterable[Any]) -> str:
    digest = hashlib.sha256(kind.encode())
    for item in items:
        digest.update(b"\x1f" + str(item).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _recorded(conn: Connection, run_id: int | None, key: str) -> RunSummary | None:
    if run_id is None:
        return None
    row = conn.execute(
        sa.select(run_batches.c.summary).where(
            run_batches.c.run_id == run_id, run_batches.c.batch_key == key
        )
    ).first()
    return RunSummary.from_json(dict(row[0])) if row is not None else None


def _record(conn: Connection, run_id: int | None, key: str, files: int, s: RunSummary) -> None:
    if run_id is None:
        return
    conn.execute(
        sa.insert(run_batches).values(
            run_id=run_id,
            batch_key=key,
            files=files,
            summary=s.to_json(),
            finished_at=load.utcnow(),
        )
    )


def _reject(ld: load.Loader, summary: RunSummary, rejected: Rejected) -> None:
    """Count a refused input: rejected if new, a duplicate if its bytes are already kept."""
    if load.store_reject(ld, rejected):
        summary.rejected += 1
        reason = rejected.reason.value
        summary.reject_reasons[reason] = summary.reject_reasons.get(reason, 0) + 1
    else:
        summary.duplicates += 1


def _ingest_one(
    ld: load.Loader, raw: RawInput, summary: RunSummary, dump_date: dt.date | None
) -> None:
    from etl.parse import parse_raw

    summary.files_seen += 1
    sha = hashlib.sha256(raw.data).hexdigest()
    if load.existing_sha(ld.conn, sha) is not None:
        summary.duplicates += 1  # checked before parsing: re-runs cost a lookup, not a parse
        return
    try:
        parsed = parse_raw(raw, dump_date=dump_date)
    except DumpError as exc:
        _reject(ld, summary, Rejected(raw.source, sha, exc.reason, exc.detail, raw.data))
        return
    except Exception as exc:  # a parser bug must not stop the run; the bytes are kept
        detail = f"parser error {type(exc).__name__}: {exc}"
        _reject(ld, summary, Rejected(raw.source, sha, RejectReason.UNREADABLE, detail, raw.data))
        return
    try:
        with ld.conn.begin_nested():
            summary.merge(load.load_dump(ld, parsed, raw.data, dump_date_override=dump_date))
    except (sa.exc.IntegrityError, sa.exc.DataError) as exc:
        # The dump's own values broke a constraint: its savepoint is gone, the batch goes on.
        ld.reset_caches()
        detail = f"load failed: {type(exc.orig).__name__}: {str(exc.orig).splitlines()[0]}"
        _reject(ld, summary, Rejected(raw.source, sha, RejectReason.LOAD_FAILED, detail, raw.data))


def _ledger(ld: load.Loader, path: str, members: int) -> None:
    sha = file_sha256(path)
    if sha is None:
        return
    ld.conn.execute(
        load.insert_ignore(ld.conn, landing_files, ["sha256"]).values(
            sha256=sha,
            source_uri=path,
            size_bytes=os.path.getsize(path),
            members=members,
            first_run_id=ld.run_id,
            seen_at=ld.now,
        )
    )


def _inputs(path: str, limits: Any) -> Iterator[RawInput]:
    from etl.parse.read import iter_inputs

    if limits is None:
        yield from iter_inputs(path)
    else:
        yield from iter_inputs(path, limits=limits)


def ingest_batch(
    files: Sequence[str],
    database_url: str | None = None,
    *,
    run_id: int | None,
    dump_date: dt.date | None = None,
    dry_run: bool = False,
    limits: Any = None,
) -> RunSummary:
    """Read, parse and load one batch in one transaction (a savepoint per dump).

    Idempotent: the batch's result is recorded with it, so a retry returns the record.
    A dry run does all the work and rolls it back."""
    url = database_url or default_database_url()
    files = sorted(files)  # a deterministic order means a deterministic lock order
    key = _batch_key(f"ingest:{dump_date}", files)

    def attempt() -> RunSummary:
        engine = db.get_engine(url)
        with engine.connect() as conn:
            tx = conn.begin()
            try:
                done = _recorded(conn, run_id, key)
                if done is not None:
                    tx.commit()
                    return done
                summary = RunSummary(run_id=run_id, dry_run=dry_run)
                ld = load.Loader(conn, run_id)
                for path in files:
                    members = 0
                    for raw in _inputs(path, limits):
                        members += 1
                        _ingest_one(ld, raw, summary, dump_date)
                    _ledger(ld, path, members)
                if dry_run:
                    tx.rollback()
                else:
                    _record(conn, run_id, key, len(files), summary)
                    tx.commit()
                return summary
            except BaseException:
                if tx.is_active:
                    tx.rollback()
                raise

    return db.retrying(attempt)


def select_dumps_for_reprocess(
    database_url: str | None = None,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[int]:
    """Dump ids by dump date (inclusive bounds); undated dumps only when no bound is given."""
    url = database_url or default_database_url()
    db.upgrade(url)
    query = sa.select(dumps.c.id).order_by(dumps.c.id)
    if since is not None:
        query = query.where(dumps.c.dump_date >= since)
    if until is not None:
        query = query.where(dumps.c.dump_date <= until)
    with db.get_engine(url).connect() as conn:
        return [int(r[0]) for r in conn.execute(query)]


def _reparse(row: Any) -> ParsedDump:
    from etl.parse import parse_raw

    data = zlib.decompress(row.raw_zlib)
    return parse_raw(RawInput(row.source_uri, data), dump_date=row.dump_date_override)


def reprocess_batch(
    dump_ids: Sequence[int], database_url: str | None = None, *, run_id: int | None
) -> RunSummary:
    """Parse stored dumps again and replace their derived rows, atomically per dump."""
    url = database_url or default_database_url()
    ids = sorted(int(i) for i in dump_ids)
    key = _batch_key("reprocess", ids)

    def attempt() -> RunSummary:
        with db.transaction(url) as conn:
            done = _recorded(conn, run_id, key)
            if done is not None:
                return done
            summary = RunSummary(run_id=run_id, mode="reprocess")
            ld = load.Loader(conn, run_id)
            for dump_id in ids:
                row = conn.execute(
                    sa.select(
                        dumps.c.id, dumps.c.source_uri, dumps.c.raw_zlib, dumps.c.dump_date_override
                    ).where(dumps.c.id == dump_id)
                ).first()
                if row is None:  # gone since it was selected: nothing to redo
                    continue
                summary.files_seen += 1
                try:
                    parsed = _reparse(row)
                except DumpError as exc:
                    with conn.begin_nested():
                        load.retire_dump(ld, dump_id, "rejected")
                    summary.rejected += 1
                    reason = exc.reason.value
                    summary.reject_reasons[reason] = summary.reject_reasons.get(reason, 0) + 1
                    continue
                with conn.begin_nested():
                    summary.merge(load.reprocess_dump(ld, dump_id, parsed))
            _record(conn, run_id, key, len(ids), summary)
            return summary

    return db.retrying(attempt)


def link_teasers(database_url: str | None = None) -> int:
    """Teasers newly linked to their full story."""
    url = database_url or default_database_url()

    def attempt() -> int:
        with db.transaction(url) as conn:
            return link.link_teasers(conn)

    return db.retrying(attempt)


def check_archive(database_url: str | None = None) -> list[str]:
    """Broken invariants, empty when all hold."""
    url = database_url or default_database_url()
    with db.get_engine(url).connect() as conn:
        return checks.check_archive(conn)


def finish_run(
    database_url: str | None,
    run_id: int,
    summary: RunSummary,
    *,
    status: str = "success",
    detail: str | None = None,
) -> RunSummary:
    """Write counts and status. Batch counts come from run_batches, so retries never double."""
    url = database_url or default_database_url()

    def attempt() -> RunSummary:
        with db.transaction(url) as conn:
            run = conn.execute(sa.select(ingest_runs).where(ingest_runs.c.id == run_id)).one()
            total = RunSummary(run_id=run_id, mode=run.mode, status=status)  # type: ignore[arg-type]
            for (batch,) in conn.execute(
                sa.select(run_batches.c.summary).where(run_batches.c.run_id == run_id)
            ):
                total.merge(RunSummary.from_json(dict(batch)))
            total.teasers_linked = summary.teasers_linked
            conn.execute(
                sa.update(ingest_runs)
                .where(ingest_runs.c.id == run_id)
                .values(
                    status=status,
                    finished_at=load.utcnow(),
                    detail=detail,
                    teasers_linked=total.teasers_linked,
                    **{name: getattr(total, name) for name in _COUNTS},
                )
            )
            return total

    return db.retrying(attempt)


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    database_url: str | None = None,
    *,
    batch_size: int = 200,
    trigger: str = "cli",
    airflow_run_id: str | None = None,
    dry_run: bool = False,
    dump_date: dt.date | None = None,
    progress: Progress | None = None,
    limits: Any = None,
) -> RunSummary:
    """Every landing file under `paths`, batch by batch; memory is bounded by one batch.

    Files already archived are read and counted as duplicates (nothing changes)."""
    url = database_url or default_database_url()
    files = landing_files_under(paths)
    run_id = None if dry_run else start_run(url, trigger=trigger, airflow_run_id=airflow_run_id)
    if dry_run:
        db.upgrade(url)
    summary = RunSummary(run_id=run_id, dry_run=dry_run)
    done = 0
    if progress is not None:
        progress(0, len(files), summary)
    try:
        for batch in plan_batches(files, batch_size):
            summary.merge(
                ingest_batch(
                    batch, url, run_id=run_id, dump_date=dump_date, dry_run=dry_run, limits=limits
                )
            )
            done += len(batch)
            if progress is not None:
                progress(done, len(files), summary)
        if dry_run:
            summary.status = "success"
            return summary
        summary.teasers_linked = link_teasers(url)
    except BaseException as exc:
        if run_id is not None:
            finish_run(url, run_id, summary, status="failed", detail=repr(exc)[:2000])
        raise
    assert run_id is not None
    return finish_run(url, run_id, summary, status="success")


def reprocess(
    database_url: str | None = None,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    batch_size: int = 200,
    trigger: str = "cli",
    airflow_run_id: str | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Parse stored dumps (by dump date) again with the current parser."""
    url = database_url or default_database_url()
    run_id = start_run(url, trigger=trigger, mode="reprocess", airflow_run_id=airflow_run_id)
    summary = RunSummary(run_id=run_id, mode="reprocess")
    try:
        ids = select_dumps_for_reprocess(url, since=since, until=until)
        done = 0
        for batch in plan_batches(ids, batch_size):
            summary.merge(reprocess_batch(batch, url, run_id=run_id))
            done += len(batch)
            if progress is not None:
                progress(done, len(ids), summary)
        summary.teasers_linked = link_teasers(url)
    except BaseException as exc:
        finish_run(url, run_id, summary, status="failed", detail=repr(exc)[:2000])
        raise
    return finish_run(url, run_id, summary, status="success")
