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

Parsing runs in worker processes (etl.parallel) while this process, the one writer,
reads the next batch's files and loads the current one; parses come back in order, so
the archive is the same whatever the number of workers.

On PostgreSQL a batch is loaded by etl.archive.bulk (COPY into staging tables, set-based
statements) inside one savepoint; when that hits a constraint or a lost race it is rolled
back and the batch goes through the per-dump path (a savepoint per dump) instead. A dry
run writes nothing: on a database without the schema it uses a scratch archive.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import tempfile
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from etl import parallel
from etl.archive import bulk, checks, db, link, load, manifest, retry, runs
from etl.archive.schema import dumps, ingest_runs, landing_files, run_batches
from etl.landing import (
    Landing,
    content_sha256,
    problem_key,
    read_entry,
    scan,
    storable_name,
)
from etl.model import (
    RUN_COUNTS,
    DumpError,
    ParsedDump,
    RawInput,
    Rejected,
    RejectReason,
    RunSummary,
)

log = logging.getLogger(__name__)
T = TypeVar("T")
Progress = Callable[[int, int, RunSummary], None]  # (files done, files total, summary so far)
FALLBACK_SUFFIXES = (".txt", ".html", ".htm", ".gz", ".zip", ".tar.gz", ".tgz")


def default_database_url() -> str:
    """WIRE_ARCHIVE_DATABASE_URL, else sqlite:///var/wire_archive.sqlite (relative to cwd)."""
    return db.default_database_url()


def parser_version() -> str:
    import etl.parse

    return str(etl.parse.PARSER_VERSION)


def _suffixes() -> tuple[str, ...]:
    try:  # containers, not read: the writer need not load the text rules to list files
        from etl.parse.containers import LANDING_SUFFIXES
    except ImportError:
        return FALLBACK_SUFFIXES
    return tuple(LANDING_SUFFIXES)


def landing_files_under(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Every landing entry named or found under folders (recursively), sorted, no repeats:
    regular files and also what cannot be read (broken symlinks, FIFOs, unlistable
    folders...), which ingest turns into rejects. See etl/landing.py.

    A path that does not exist is the caller's mistake: FileNotFoundError before any work."""
    landing = Landing.for_paths(paths, settle_seconds=0)
    return [entry.path for entry in scan(paths, landing, _suffixes())]


def file_sha256(path: str) -> str | None:
    """The file's content hash; None for anything that is not a readable regular file.
    Never opens a FIFO or a device (checked first, and the open does not block)."""
    return content_sha256(path)


def _landing_for(
    files: Sequence[str], landing: Landing | Sequence[str | os.PathLike[str]] | None
) -> Landing:
    """The settle and symlink rules a batch is read with. Given folder paths (the DAG's
    landing path), symlinks may point anywhere under them; given nothing, only into the
    file's own folder. Settling: WIRE_ARCHIVE_SETTLE_SECONDS, else 60 s."""
    if isinstance(landing, Landing):
        return landing
    return Landing.for_paths(files if landing is None else landing)


def archive_revision(url: str) -> str | None:
    """The archive's migration revision, None when it has no schema; creates nothing.

    A SQLite file that does not exist is not opened: opening it would create it."""
    parsed = sa.make_url(db.normalise_url(url))
    if parsed.get_backend_name() == "sqlite":
        name = parsed.database or ""
        in_memory = name in ("", ":memory:") or name.startswith("file:")
        if not in_memory and not Path(name).exists():
            return None
    return db.current_revision(url)


@contextmanager
def dry_run_target(url: str) -> Iterator[str]:
    """The archive a dry run loads into and rolls back: the real one when it is migrated,
    else an empty scratch SQLite archive in a temporary folder, deleted afterwards, so
    that a dry run never creates a table (or a SQLite file) where it was pointed."""
    if archive_revision(url) == db.head_revision():
        yield url
        return
    with tempfile.TemporaryDirectory(prefix="wa-dry-run-") as folder:
        scratch = f"sqlite:///{Path(folder) / 'scratch.sqlite'}"
        try:
            db.upgrade(scratch)
            yield scratch
        finally:
            db.dispose_engine(scratch)


READ_AHEAD = 1  # batches read and parsing while one loads (etl.parallel does the parsing)
DISCOVER_CHUNK = 500  # hashes per ledger query: well under SQLite's bound-parameter limit
DISCOVER_CHUNK_PG = 20_000  # on PostgreSQL, hashes per array parameter


def discover(
    paths: Iterable[str | os.PathLike[str]],
    database_url: str | None = None,
    *,
    settle_seconds: float | None = None,
) -> list[str]:
    """Landing entries to ingest, sorted: files whose content is not yet in the
    `landing_files` ledger, and entries that cannot be read (ingest records them as
    rejects, so they never vanish silently). Files written to less than the settle period
    ago (WIRE_ARCHIVE_SETTLE_SECONDS, default 60) are left out and logged: a later run
    finds them. Read-only: an archive without a schema is empty, so every file is new."""
    found, _ = discover_entries(paths, database_url, settle_seconds=settle_seconds)
    return [path for path, _sha in found]


def discover_entries(
    paths: Iterable[str | os.PathLike[str]],
    database_url: str | None = None,
    *,
    settle_seconds: float | None = None,
) -> tuple[list[tuple[str, str | None]], int]:
    """`discover` with each entry's content hash (None: unreadable, or no ledger to check)
    and the number of entries deferred; what `plan_run` records in the manifest."""
    url = database_url or default_database_url()
    paths = list(paths)
    landing = Landing.for_paths(paths, settle_seconds=settle_seconds)
    entries = [e for e in scan(paths, landing, _suffixes()) if e.state != "deferred"]
    if landing.deferred:
        log.warning("%d landing files deferred: not yet settled", len(landing.deferred))
    if archive_revision(url) is None:  # no ledger: every entry is new, no need to hash
        return [(entry.path, None) for entry in entries], len(landing.deferred)
    hashes = {
        entry.path: (file_sha256(entry.path) if entry.state == "ready" else None)
        for entry in entries
    }
    wanted = sorted({sha for sha in hashes.values() if sha is not None})
    known: set[str] = set()
    with db.get_engine(url).connect() as conn:
        # Set-based: one query per chunk of hashes, not one per file; on PostgreSQL a chunk
        # is one array parameter, so it can be large.
        pg = db.is_postgres(conn)
        size = DISCOVER_CHUNK_PG if pg else DISCOVER_CHUNK
        for start in range(0, len(wanted), size):
            chunk = wanted[start : start + size]
            if pg:
                rows = conn.execute(
                    sa.text("SELECT sha256 FROM landing_files WHERE sha256 = ANY(:h)"),
                    {"h": chunk},
                )
            else:
                rows = conn.execute(
                    sa.select(landing_files.c.sha256).where(landing_files.c.sha256.in_(chunk))
                )
            known.update(row[0] for row in rows)
    found = [(path, sha) for path, sha in hashes.items() if sha is None or sha not in known]
    return found, len(landing.deferred)


def plan_batches(files: Sequence[str], batch_size: int) -> list[list[str]]:
    size = max(1, int(batch_size))
    return [list(files[i : i + size]) for i in range(0, len(files), size)]


def plan_run(
    database_url: str | None = None,
    *,
    mode: str = "new",
    run_id: int | None,
    airflow_run_id: str | None = None,
    dry_run: bool = False,
    batch_size: int = 200,
    paths: Iterable[str | os.PathLike[str]] = (),
    since: dt.date | None = None,
    until: dt.date | None = None,
    settle_seconds: float | None = None,
    max_batches: int = manifest.MAX_BATCHES,
) -> manifest.Plan:
    """Discover a run's inputs and record them, batch by batch, in the archive's manifest.

    Mode new: the landing entries `discover` finds; mode reprocess: the stored dumps in the
    date range, selected and numbered by one INSERT ... SELECT. Returns a small Plan (a few
    numbers, the same size for ten files or a million) for the batches to read back.
    Safe to retry: the run's earlier plan, if any, is replaced in the same transaction.

    A dry run records its plan too (without an ingest run; dropped at its end, see
    `drop_dry_plans`) when the archive has the current schema. On an archive without it a
    dry run writes nothing at all: the plan is not stored and each batch recomputes it
    (`plan_batch_inputs`), which costs a landing scan per batch."""
    url = database_url or default_database_url()
    if not dry_run:
        db.upgrade(url)
    stored = not dry_run or archive_revision(url) == db.head_revision()
    size = max(1, int(batch_size))
    if mode == "reprocess":
        if not stored:
            ids = select_dumps_for_reprocess(url, since=since, until=until)
            wide = manifest.batch_size_for(len(ids), size, max_batches)
            batches = manifest.batch_count(len(ids), wide)
            return manifest.Plan(None, None, mode, True, len(ids), batches, wide)

        def record_dumps() -> manifest.Plan:
            with db.transaction(url) as conn:
                return manifest.record_dumps(
                    conn,
                    since=since,
                    until=until,
                    run_id=run_id,
                    airflow_run_id=airflow_run_id,
                    dry_run=dry_run,
                    batch_size=size,
                    max_batches=max_batches,
                )

        return retry.retrying(record_dumps, what="recording the run's plan")
    found, deferred = discover_entries(paths, url, settle_seconds=settle_seconds)
    if not stored:
        wide = manifest.batch_size_for(len(found), size, max_batches)
        batches = manifest.batch_count(len(found), wide)
        return manifest.Plan(None, None, mode, True, len(found), batches, wide, deferred)

    def record_files() -> manifest.Plan:
        with db.transaction(url) as conn:
            return manifest.record_files(
                conn,
                found,
                run_id=run_id,
                airflow_run_id=airflow_run_id,
                dry_run=dry_run,
                batch_size=size,
                max_batches=max_batches,
                deferred=deferred,
            )

    return retry.retrying(record_files, what="recording the run's plan")


def plan_batch_inputs(
    database_url: str | None,
    plan: manifest.Plan,
    batch_no: int,
    *,
    paths: Iterable[str | os.PathLike[str]] = (),
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[Any]:
    """One batch's inputs, read from the manifest by (plan, batch number): landing paths
    (mode new) or dump ids (reprocess). For an unstored dry plan, recomputed the way
    `plan_run` found them (the same order, so the same slice)."""
    url = database_url or default_database_url()
    if plan.plan_id is None:
        start = (batch_no - 1) * plan.batch_size
        if plan.mode == "reprocess":
            ids = select_dumps_for_reprocess(url, since=since, until=until)
            return ids[start : start + plan.batch_size]
        return discover(paths, url)[start : start + plan.batch_size]
    plan_id = plan.plan_id

    def read() -> list[Any]:
        with db.get_engine(url).connect() as conn:
            # The plan must still be the one discovery made: an id freed by a dropped plan
            # may be taken again (SQLite reuses row ids), and a batch must never load
            # another run's inputs under this run's id.
            if manifest.load_plan(conn, plan_id) != replace(plan, deferred=0):
                raise LookupError(
                    f"plan {plan_id} is gone from the archive (its run finished, or a later "
                    "run swept it): trigger a new run instead of clearing this one"
                )
            if plan.mode == "reprocess":
                return manifest.batch_dump_ids(conn, plan_id, batch_no)
            return manifest.batch_paths(conn, plan_id, batch_no)

    return retry.retrying(read, what=f"reading batch {batch_no} of plan {plan_id}")


def ingest_planned_batch(
    database_url: str | None,
    plan: manifest.Plan | dict[str, Any],
    batch_no: int,
    *,
    landing: Sequence[str | os.PathLike[str]] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> RunSummary:
    """Load (or reprocess) batch `batch_no` of a plan: what each mapped DAG task does.

    The batch's inputs come from the manifest, so a retry reads the same list and
    `ingest_batch`/`reprocess_batch` recognise it (run_batches): nothing is loaded twice."""
    url = database_url or default_database_url()
    plan = plan if isinstance(plan, manifest.Plan) else manifest.Plan.from_json(plan)
    items = plan_batch_inputs(
        url, plan, batch_no, paths=list(landing or ()), since=since, until=until
    )
    if plan.mode == "reprocess":
        if plan.dry_run:
            summary = RunSummary(run_id=None, mode="reprocess", dry_run=True, status="success")
            summary.files_seen = len(items)
            return summary
        return reprocess_batch(items, url, run_id=plan.ingest_run)
    return ingest_batch(
        items, url, run_id=plan.ingest_run, dry_run=plan.dry_run, landing=landing or None
    )


def drop_dry_plans(database_url: str | None, airflow_run_id: str) -> int:
    """Remove a dry run's plan at its end, so a dry run leaves the archive as it found it.
    Touches nothing (not even a missing SQLite file) when no plan can have been stored."""
    url = database_url or default_database_url()
    if archive_revision(url) != db.head_revision():
        return 0

    def drop() -> int:
        with db.transaction(url) as conn:
            return manifest.drop_dry(conn, airflow_run_id)

    return retry.retrying(drop, what="dropping a dry run's plan")


def start_run(
    database_url: str | None = None,
    *,
    trigger: str = "cli",
    mode: str = "new",
    airflow_run_id: str | None = None,
) -> int:
    """Insert an ingest_runs row (status running) after pending migrations.

    First closes, as 'abandoned', runs a dead process left 'running' (etl.archive.runs);
    a failure there is logged and never stops the new run.
    With an Airflow run id, a retried task finds the run it already started."""
    url = database_url or default_database_url()
    db.upgrade(url)
    try:
        runs.close_abandoned(url, closed_by=f"the start of a {mode} run ({trigger})")
    except Exception:
        log.warning("could not look for abandoned runs; starting anyway", exc_info=True)

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
                    conn.execute(
                        sa.update(ingest_runs)
                        .where(ingest_runs.c.id == found[0])
                        .values(heartbeat_at=load.utcnow())
                    )
                    return int(found[0])
            now = load.utcnow()
            row = conn.execute(
                sa.insert(ingest_runs)
                .values(
                    started_at=now,
                    heartbeat_at=now,
                    trigger=trigger,
                    airflow_run_id=airflow_run_id,
                    mode=mode,
                    parser_version=parser_version(),
                    status="running",
                )
                .returning(ingest_runs.c.id)
            ).one()
            return int(row[0])

    return retry.retrying(attempt, what="starting an ingest run")


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
    if row is None:
        return None
    done = RunSummary.from_json(dict(row[0]))
    done.status = "success"  # a recorded batch was committed (older records said "running")
    return done


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


def _load_one(
    ld: load.Loader,
    item: ParsedDump | Rejected,
    data: bytes,
    summary: RunSummary,
    dump_date: dt.date | None,
) -> None:
    """The per-dump path: a savepoint per dump."""
    if isinstance(item, Rejected):
        _reject(ld, summary, item)
        return
    try:
        with ld.conn.begin_nested():
            summary.merge(load.load_dump(ld, item, data, dump_date_override=dump_date))
    except (sa.exc.IntegrityError, sa.exc.DataError) as exc:
        # The dump's own values broke a constraint: its savepoint is gone, the batch goes on.
        ld.reset_caches()
        detail = f"load failed: {type(exc.orig).__name__}: {str(exc.orig).splitlines()[0]}"
        reason = RejectReason.LOAD_FAILED
        sha = hashlib.sha256(data).hexdigest()
        _reject(ld, summary, Rejected(item.source, sha, reason, detail, data))


def _load_bulk(
    ld: load.Loader,
    items: list[tuple[ParsedDump | Rejected, bytes]],
    summary: RunSummary,
    dump_date: dt.date | None,
) -> None:
    """The batch in set-based statements; on a database error, the per-dump path instead."""
    part = RunSummary(run_id=ld.run_id)
    try:
        with ld.conn.begin_nested():
            for item, _ in items:
                if isinstance(item, Rejected):
                    _reject(ld, part, item)
            dumps_ = [(i, d) for i, d in items if isinstance(i, ParsedDump)]
            part.merge(bulk.load_dumps(ld, dumps_, dump_date))
    except Exception as exc:
        if not bulk.should_fall_back(exc):
            raise
        log.warning(
            "batch path failed (%s): falling back to the per-dump path for %d inputs",
            type(exc).__name__,
            len(items),
        )
        ld.reset_caches()
        for item, data in items:
            _load_one(ld, item, data, summary, dump_date)
        return
    summary.merge(part)


def _ledger(ld: load.Loader, rows: dict[str, dict[str, Any]]) -> None:
    """Record the landing files read (rows from `_inputs`: the hash of the bytes loaded)."""
    if rows:
        ld.conn.execute(load.insert_ignore(ld.conn, landing_files, ["sha256"]), list(rows.values()))


def _stored_source(path: str, source: str) -> str:
    """A RawInput's source as the archive stores it: the landing path losslessly escaped
    when its name is not plain UTF-8 (etl.landing.storable_name); a member name from a
    tar with non-UTF-8 names keeps its odd bytes as \\xHH."""
    rest = source[len(path) :] if source.startswith(path) else ""
    rest = rest.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return storable_name(path) + rest


def _inputs(
    run_id: int | None,
    now: dt.datetime,
    path: str,
    limits: Any,
    landing: Landing,
    ledger: dict[str, dict[str, Any]],
) -> Iterator[RawInput | Rejected]:
    """One landing entry's dumps, from one read of the file (etl.landing.read_entry).

    An entry that gives no bytes (vanished, unreadable, not a regular file, a symlink out
    of the landing zone) yields one Rejected without bytes, as does a member that gave none
    (password-protected...): each under its own key (problem_key), never the hash of empty
    bytes. A deferred entry yields nothing and stays out of the ledger. The ledger row,
    keyed by the hash of the bytes read, is added to `ledger` after the last dump."""
    from etl.parse.containers import DEFAULT_LIMITS, inputs_from_bytes

    lim = DEFAULT_LIMITS if limits is None else limits
    occasion = f"run {run_id} at {now.isoformat()}"
    got = read_entry(path, landing, keep=lim.max_file_bytes + 1)
    if got.deferred is not None:
        return
    if got.data is None:
        reason = got.reason or RejectReason.UNREADABLE
        source = storable_name(path)
        log.info("landing entry rejected (%s): %s: %s", reason.value, source, got.detail)
        yield Rejected(source, problem_key(reason, path, occasion), reason, got.detail, b"")
        return
    members = 0
    for raw in inputs_from_bytes(path, got.data, limits=lim):
        members += 1
        source = _stored_source(path, raw.source)
        if raw.error is not None and not raw.data:
            key = problem_key(raw.error.reason, raw.source, occasion)
            yield Rejected(source, key, raw.error.reason, raw.error.detail, b"")
        else:
            yield RawInput(source, raw.data, raw.error)
    assert got.sha256 is not None
    ledger.setdefault(
        got.sha256,
        dict(
            sha256=got.sha256,
            source_uri=storable_name(path),
            size_bytes=got.size,
            members=members,
            first_run_id=run_id,
            seen_at=now,
        ),
    )


def _use_bulk(conn: Connection, wanted: bool | None) -> bool:
    """The set-based path exists for PostgreSQL only; SQLite keeps executemany per dump."""
    if not db.is_postgres(conn):
        return False
    return bulk.DEFAULT_ON_POSTGRES if wanted is None else wanted


@dataclass(slots=True)
class _ReadBatch:
    """A batch read from the landing zone, its parse under way (etl.parallel).

    Read once, before the batch's transaction: a retried transaction loads the same bytes.
    `items` keeps landing order; `digests` is the sha256 of each RawInput (None for an
    entry that gave no bytes); `parses` maps the digests sent to the parser to results."""

    files: list[str]
    key: str
    now: dt.datetime
    items: list[RawInput | Rejected] = field(default_factory=list)
    digests: list[str | None] = field(default_factory=list)
    ledger: dict[str, dict[str, Any]] = field(default_factory=dict)
    sent: list[str] = field(default_factory=list)
    results: parallel.Results | None = None
    done: RunSummary | None = None  # the batch was already recorded: nothing to read

    def parses(self) -> dict[str, parallel.Parsed]:
        """Digest -> parse, waiting for the workers; called once, in the transaction."""
        if self.results is None:
            return {}
        got = self.results()
        self.results = None
        return dict(zip(self.sent, got, strict=True))


def _read_batch(
    files: Sequence[str],
    url: str,
    run_id: int | None,
    dump_date: dt.date | None,
    limits: Any,
    landing: Landing,
    pool: parallel.ParsePool,
) -> _ReadBatch:
    """Read a batch's entries and start parsing those the archive does not hold yet.

    Asking the archive first (one query) keeps re-runs cheap: an archived file costs a
    read and a lookup, not a parse. The answer is only a hint: the load asks again
    inside its transaction, and parses anything the hint skipped that it still needs."""
    files = sorted(files)  # a deterministic order means a deterministic lock order
    rb = _ReadBatch(files, _batch_key(f"ingest:{dump_date}", files), load.utcnow())
    # Short connections, none held while files are read (on SQLite a connection's
    # transaction takes the write lock).
    engine = db.get_engine(url)
    if run_id is not None:
        rb.done = _hint(lambda: _recorded_in(engine, run_id, rb.key), None)
        if rb.done is not None:
            return rb
    for path in files:
        for got in _inputs(run_id, rb.now, path, limits, landing, rb.ledger):
            rb.items.append(got)
            is_raw = isinstance(got, RawInput)
            rb.digests.append(hashlib.sha256(got.data).hexdigest() if is_raw else None)
    digests = [d for d in rb.digests if d is not None]
    known = set(_hint(lambda: _existing_in(engine, digests), []))
    wanted: list[RawInput] = []
    for item, sha in zip(rb.items, rb.digests, strict=True):
        if sha is None or sha in known or sha in rb.sent:
            continue
        assert isinstance(item, RawInput)
        known.add(sha)
        rb.sent.append(sha)
        wanted.append(item)
    rb.results = pool.submit(wanted, dump_date)
    return rb


def _hint(ask: Callable[[], T], otherwise: T) -> T:
    """A question asked before the batch's transaction, only to save work: when the
    database cannot answer now, the load (which retries) asks again and decides."""
    try:
        return ask()
    except sa.exc.DBAPIError as exc:
        log.info("no answer before the batch (%s); the load will ask", type(exc).__name__)
        return otherwise


def _recorded_in(engine: sa.Engine, run_id: int, key: str) -> RunSummary | None:
    with engine.connect() as conn:
        return _recorded(conn, run_id, key)


def _existing_in(engine: sa.Engine, digests: list[str]) -> list[str]:
    with engine.connect() as conn:
        return load.existing_shas(conn, digests)


def _load_batch(
    rb: _ReadBatch,
    url: str,
    run_id: int | None,
    dump_date: dt.date | None,
    dry_run: bool,
    bulk_path: bool | None,
) -> RunSummary:
    """Load a read batch in one transaction (a savepoint per dump), retried whole on a
    lost connection; the batch's run_batches row commits with it."""
    if rb.done is not None:
        return rb.done
    parses: dict[str, parallel.Parsed] | None = None

    def attempt() -> RunSummary:
        nonlocal parses
        engine = db.get_engine(url)
        with engine.connect() as conn:
            tx = conn.begin()
            try:
                done = _recorded(conn, run_id, rb.key)
                if done is not None:
                    tx.commit()
                    return done
                if parses is None:
                    parses = rb.parses()
                summary = RunSummary(run_id=run_id, dry_run=dry_run)
                ld = load.Loader(conn, run_id, now=rb.now)
                pending = _settle(ld, rb, parses, summary, dump_date)
                _ledger(ld, rb.ledger)
                if _use_bulk(conn, bulk_path):
                    if pending:
                        _load_bulk(ld, pending, summary, dump_date)
                else:
                    for item, data in pending:
                        _load_one(ld, item, data, summary, dump_date)
                summary.status = "success"  # the batch is done; its run may still be going
                if dry_run:
                    tx.rollback()
                else:
                    _record(conn, run_id, rb.key, len(rb.files), summary)
                    tx.commit()
                return summary
            except BaseException:
                if tx.is_active:
                    try:
                        tx.rollback()
                    except Exception:  # the connection is gone: the error that broke it counts
                        log.debug("rollback after a failed batch failed too", exc_info=True)
                raise

    # Safe to run again: the batch is one transaction, so a broken one left nothing, and a
    # commit whose answer was lost left its run_batches row, which `_recorded` returns.
    return retry.retrying(attempt, what=f"batch of {len(rb.files)} files")


def _settle(
    ld: load.Loader,
    rb: _ReadBatch,
    parses: dict[str, parallel.Parsed],
    summary: RunSummary,
    dump_date: dt.date | None,
) -> list[tuple[ParsedDump | Rejected, bytes]]:
    """What the batch loads, in landing order: each input counted once, a duplicate (bytes
    archived, or met earlier in the batch) dropped before loading. Asks the archive about
    the batch's digests in one query, inside the transaction."""
    known = set(load.existing_shas(ld.conn, [d for d in rb.digests if d is not None]))
    seen: set[str] = set()
    pending: list[tuple[ParsedDump | Rejected, bytes]] = []
    for item, sha in zip(rb.items, rb.digests, strict=True):
        summary.files_seen += 1
        if isinstance(item, Rejected):  # an entry (or member) that gave no bytes
            pending.append((item, item.data))
            continue
        assert sha is not None
        if sha in known or sha in seen:
            summary.duplicates += 1
            continue
        seen.add(sha)
        got = parses.get(sha)
        if got is None:  # archived at read time, gone since: parse it here
            got = parallel.parse_one(item, dump_date)
        pending.append((parallel.with_bytes(got, sha, item.data), item.data))
    return pending


def ingest_batch(
    files: Sequence[str],
    database_url: str | None = None,
    *,
    run_id: int | None,
    dump_date: dt.date | None = None,
    dry_run: bool = False,
    limits: Any = None,
    bulk_path: bool | None = None,
    landing: Landing | Sequence[str | os.PathLike[str]] | None = None,
    workers: int | None = None,
) -> RunSummary:
    """Read, parse and load one batch in one transaction (a savepoint per dump).

    `landing`: the landing folder(s) the files were found under (symlinks may point only
    inside them; default each file's own folder), or a Landing (etl.landing).
    `workers`: parse processes (etl.parallel; None: WIRE_ARCHIVE_WORKERS, else one per
    core); the archive comes out the same whatever the number.

    Idempotent: the batch's result is recorded with it, so a retry returns the record.
    A dry run does all the work and rolls it back. `bulk_path` picks the PostgreSQL
    set-based path (etl.archive.bulk); None means bulk.DEFAULT_ON_POSTGRES.

    A lost connection (or a lock timeout) is retried with back-off (etl.archive.retry);
    while the batch works, its run counts as live (etl.archive.runs.hold)."""
    url = database_url or default_database_url()
    area = _landing_for(files, landing)
    with parallel.ParsePool(workers) as pool:
        pool.start_soon(len(files))
        if dry_run:
            with dry_run_target(url) as target:
                rb = _read_batch(files, target, run_id, dump_date, limits, area, pool)
                return _load_batch(rb, target, run_id, dump_date, True, bulk_path)
        with runs.hold(url, run_id):
            rb = _read_batch(files, url, run_id, dump_date, limits, area, pool)
            return _load_batch(rb, url, run_id, dump_date, False, bulk_path)


def select_dumps_for_reprocess(
    database_url: str | None = None,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[int]:
    """Dump ids by dump date (inclusive bounds); undated dumps only when no bound is given."""
    url = database_url or default_database_url()
    if archive_revision(url) is None:
        return []  # no schema, no dumps: nothing created for asking
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
            summary.status = "success"
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
    """Broken invariants, empty when all hold (and for an archive without a schema)."""
    url = database_url or default_database_url()
    if archive_revision(url) is None:
        return []
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
                    **{name: getattr(total, name) for name in RUN_COUNTS},
                )
            )
            if status == "success":  # its batches are done: the manifest has served
                manifest.drop_for_run(conn, run_id)
            return total

    total = retry.retrying(attempt, what=f"closing ingest run {run_id}")
    if status != "running":
        runs.forget_lock_file(url, run_id)
    return total


def _close_failed(url: str, run_id: int, summary: RunSummary, error: BaseException) -> None:
    """Close a run as failed because of `error`, which the caller then re-raises.

    The close is secondary: when it fails too (the database is still away), it is logged
    and noted on `error`, never raised in its place. The row then stays 'running' until a
    later run closes it as abandoned."""
    try:
        finish_run(url, run_id, summary, status="failed", detail=repr(error)[:2000])
    except Exception as close_error:
        log.error(
            "ingest run %s could not be closed as failed (%s: %s); the run failed because of "
            "%s: %s",
            run_id,
            type(close_error).__name__,
            str(close_error).splitlines()[0] if str(close_error) else "",
            type(error).__name__,
            error,
        )
        error.add_note(
            f"(ingest run {run_id} could not be closed as failed either: "
            f"{type(close_error).__name__}; a later run will close it as abandoned)"
        )


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
    bulk_path: bool | None = None,
    settle_seconds: float | None = None,
    on_deferred: Callable[[dict[str, str]], None] | None = None,
    workers: int | None = None,
) -> RunSummary:
    """Every landing entry under `paths`, batch by batch; memory is bounded by a few batches.

    Parsing runs in `workers` processes (None: WIRE_ARCHIVE_WORKERS, else one per core;
    0 or 1: in this process) while this process loads; the archive is the same either way.

    Files already archived are read and counted as duplicates (nothing changes); entries
    that cannot be read become rejects (etl/landing.py). Files modified less than
    `settle_seconds` ago (None: WIRE_ARCHIVE_SETTLE_SECONDS, else 60) are deferred: not
    read, not counted, left for a later run; `on_deferred` gets them (path -> why).
    A dry run writes nothing, not even the schema (see dry_run_target)."""
    url = database_url or default_database_url()
    paths = list(paths)
    landing = Landing.for_paths(paths, settle_seconds=settle_seconds)
    files = [e.path for e in scan(paths, landing, _suffixes()) if e.state != "deferred"]
    options: dict[str, Any] = dict(
        batch_size=batch_size,
        dump_date=dump_date,
        progress=progress,
        limits=limits,
        bulk_path=bulk_path,
        landing=landing,
        on_deferred=on_deferred,
    )
    with parallel.ParsePool(workers) as pool:
        pool.start_soon(len(files))  # workers start while the run is opened
        if dry_run:
            with dry_run_target(url) as target:
                return _ingest_files(files, target, None, pool, dry_run=True, **options)
        run_id = start_run(url, trigger=trigger, airflow_run_id=airflow_run_id)
        with runs.hold(url, run_id):  # the whole run is live while this process works for it
            return _ingest_files(files, url, run_id, pool, dry_run=False, **options)


def _ingest_files(
    files: list[str],
    url: str,
    run_id: int | None,
    pool: parallel.ParsePool,
    *,
    dry_run: bool,
    batch_size: int,
    dump_date: dt.date | None,
    progress: Progress | None,
    limits: Any,
    bulk_path: bool | None,
    landing: Landing,
    on_deferred: Callable[[dict[str, str]], None] | None = None,
) -> RunSummary:
    """Batch after batch through one writer, the next batch parsing while one loads.

    At most READ_AHEAD batches are read and parsing beyond the one loading, so memory is
    bounded by a few batches whatever the number of files. Batches load in order, so the
    archive is the one a serial run makes."""
    summary = RunSummary(run_id=run_id, dry_run=dry_run)
    done = 0
    if progress is not None:
        progress(0, len(files), summary)
    try:
        ahead: deque[_ReadBatch] = deque()
        batches = deque(plan_batches(files, batch_size))
        while batches or ahead:
            while batches and len(ahead) <= READ_AHEAD:
                batch = batches.popleft()
                ahead.append(_read_batch(batch, url, run_id, dump_date, limits, landing, pool))
            rb = ahead.popleft()
            with runs.hold(url, run_id):
                summary.merge(_load_batch(rb, url, run_id, dump_date, dry_run, bulk_path))
            done += len(rb.files)
            if progress is not None:
                progress(done, len(files), summary)
        deferred = len(landing.deferred)
        if landing.deferred and on_deferred is not None:
            on_deferred(dict(sorted(landing.deferred.items())))
        if dry_run:
            summary.status = "success"
            summary.deferred = deferred
            return summary
        summary.teasers_linked = link_teasers(url)
    except BaseException as exc:
        if run_id is not None:
            _close_failed(url, run_id, summary, exc)
        raise
    assert run_id is not None
    total = finish_run(url, run_id, summary, status="success")
    total.deferred = deferred  # (the run's rows count what was read; these were not)
    return total


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
    with runs.hold(url, run_id):
        return _reprocess_run(url, run_id, since, until, batch_size, progress)


def _reprocess_run(
    url: str,
    run_id: int,
    since: dt.date | None,
    until: dt.date | None,
    batch_size: int,
    progress: Progress | None,
) -> RunSummary:
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
        _close_failed(url, run_id, summary, exc)
        raise
    return finish_run(url, run_id, summary, status="success")
