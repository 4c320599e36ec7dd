"""Parsing in worker processes, for one writer: the second core parses while the first loads.

Why: parsing is most of an ingest's CPU, and one process uses one core. The writer (the
process that reads the landing files and owns the database transaction) hands batches of
raw inputs to a small process pool and takes the parses back *in submission order*, so an
archive loaded in parallel is row for row the archive a serial load makes. Memory stays
flat because the writer submits at most a batch or two ahead (see etl.pipeline).

Workers start with "forkserver" where the platform has it, else "spawn": never a plain
fork of the writer, which may hold database connections, threads (an Airflow task's
heartbeat) and locks. A worker only parses: it opens no file and no connection.

How many workers: `workers` argument, else WIRE_ARCHIVE_WORKERS, else one per core
usable by this process. 0 or 1 means parse in the writer itself. Small batches (fewer
than MIN_POOL_INPUTS dumps) are parsed in the writer too, unless workers were asked for
explicitly: starting processes costs more than parsing a handful of dumps.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace

from etl.model import DumpError, ParsedDump, RawInput, Rejected, RejectReason
from etl.parallel_watch import adopt, watch_parent

log = logging.getLogger(__name__)

WORKERS_ENV = "WIRE_ARCHIVE_WORKERS"
MIN_POOL_INPUTS = 64  # below this, a default (not explicit) pool parses in the writer
CHUNKS_PER_WORKER = 4  # pieces per worker and batch: even load without per-dump overhead
# Imported once in the fork server, so each worker starts with the parser loaded and warm.
_PRELOAD = ["etl.parallel", "etl.parallel_warm"]

Parsed = ParsedDump | Rejected
Results = Callable[[], list[Parsed]]


def cpu_count() -> int:
    """Cores this process may run on (the affinity mask, not the machine's total)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def workers_from_env() -> int | None:
    """WIRE_ARCHIVE_WORKERS as a number of parse workers, None when unset."""
    value = os.environ.get(WORKERS_ENV, "").strip()
    if not value:
        return None
    try:
        count = int(value)
    except ValueError:
        raise ValueError(f"{WORKERS_ENV} must be a whole number, not {value!r}") from None
    if count < 0:
        raise ValueError(f"{WORKERS_ENV} must be zero or more, not {value!r}")
    return count


def resolve_workers(workers: int | None) -> tuple[int, bool]:
    """(worker count, explicit?): the argument, else the environment, else one per core."""
    if workers is not None:
        return max(0, int(workers)), True
    from_env = workers_from_env()
    if from_env is not None:
        return from_env, True
    return cpu_count(), False


def parse_one(raw: RawInput, dump_date: dt.date | None) -> Parsed:
    """One input's parse, or a Rejected without bytes (the writer still has them).

    A parser bug becomes a reject too: one odd dump must not stop a batch."""
    from etl.parse import parse_raw

    try:
        return parse_raw(raw, dump_date=dump_date)
    except DumpError as exc:
        return Rejected(raw.source, "", exc.reason, exc.detail, b"")
    except Exception as exc:
        detail = f"parser error {type(exc).__name__}: {exc}"
        return Rejected(raw.source, "", RejectReason.UNREADABLE, detail, b"")


def parse_chunk(raws: Sequence[RawInput], dump_date: dt.date | None) -> list[Parsed]:
    """The worker's job: a piece of a batch, parsed in order."""
    return [parse_one(raw, dump_date) for raw in raws]


def with_bytes(result: Parsed, sha: str, data: bytes) -> Parsed:
    """A worker's Rejected gets its digest and bytes back in the writer."""
    if isinstance(result, Rejected):
        return replace(result, sha256=sha, data=data)
    return result


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


class ParsePool:
    """Parses batches in worker processes, or in this process when that is cheaper.

    `submit` returns a callable that gives the batch's parses in input order; the work
    starts at once, so the writer can load one batch while the next is being parsed.
    When worker processes cannot start (a daemonic Airflow worker may not have
    children, say), the pool logs it once and parses in this process instead."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers, self.explicit = resolve_workers(workers)
        self._executor: ProcessPoolExecutor | None = None
        self._broken = False
        self._lock = threading.Lock()
        self._starter: threading.Thread | None = None

    def start_soon(self, expected: int) -> None:
        """Start the workers in the background when `expected` inputs will want them, so
        that their start-up (a fresh interpreter, the parser loaded) overlaps the writer's
        own: the scan, the migration check, reading the first batch."""
        if not self._wants_pool(expected) or self._starter is not None:
            return
        self._starter = threading.Thread(target=self._start, name="parse-pool-start", daemon=True)
        self._starter.start()

    def _start(self) -> None:
        try:
            executor = self._ensure()
            for future in [executor.submit(os.getpid) for _ in range(self.workers)]:
                future.result()
        except Exception as exc:  # submit() sees _broken and parses in the writer
            log.warning(
                "parse workers unavailable (%s: %s); parsing serially", type(exc).__name__, exc
            )
            self._broken = True

    def _ensure(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                adopt()  # the fork server (or each spawned worker) follows this process
                self._executor = ProcessPoolExecutor(
                    self.workers, mp_context=_context(), initializer=watch_parent
                )
            return self._executor

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._starter is not None:
            self._starter.join()
            self._starter = None
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _wants_pool(self, count: int) -> bool:
        if self._broken or self.workers < 2 or count < 2:
            return False
        return self.explicit or count >= MIN_POOL_INPUTS

    def submit(self, raws: Sequence[RawInput], dump_date: dt.date | None) -> Results:
        raws = list(raws)
        if not self._wants_pool(len(raws)):
            return lambda: parse_chunk(raws, dump_date)
        size = max(1, -(-len(raws) // (self.workers * CHUNKS_PER_WORKER)))
        pieces = [raws[i : i + size] for i in range(0, len(raws), size)]
        try:
            executor = self._ensure()
            futures: list[Future[list[Parsed]]] = [
                executor.submit(parse_chunk, piece, dump_date) for piece in pieces
            ]
        except Exception as exc:  # no child processes here: parse in the writer
            log.warning(
                "parse workers unavailable (%s: %s); parsing serially", type(exc).__name__, exc
            )
            self._broken = True
            return lambda: parse_chunk(raws, dump_date)

        def results() -> list[Parsed]:
            try:
                return [parse for future in futures for parse in future.result()]
            except BrokenProcessPool as exc:  # a worker died (killed, out of memory)
                log.warning("a parse worker died (%s); parsing this batch serially", exc)
                self._broken = True
                return parse_chunk(raws, dump_date)

        return results
