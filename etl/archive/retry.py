"""Bounded retries with exponential back-off for database work that failed for a passing reason.

Two kinds of failure are worth another try of the same transaction:

* the database asked for it (deadlock, serialization failure, lock timeout, SQLite
  "database is locked"): :func:`etl.archive.db.is_retryable`;
* the connection went away (server restart, backend terminated, network cut):
  psycopg's OperationalError / a SQLAlchemy "connection invalidated" error.

Anything else (a constraint, a bug, a missing file) fails at once: trying again cannot
help. Retrying is only safe for work that is one transaction and idempotent; the batch
loader is both (see etl.pipeline).

Budget: WIRE_ARCHIVE_DB_RETRIES attempts in all (default 6) and a first pause of
WIRE_ARCHIVE_DB_RETRY_BASE_SECONDS (default 0.5) doubling each time, capped at 10 s:
0.5 + 1 + 2 + 4 + 8 = 15.5 s of waiting, enough to ride out a quick server restart.
"""

from __future__ import annotations

import logging
import os
import random
import time
from collections.abc import Callable
from typing import TypeVar

import sqlalchemy as sa

from etl.archive import db

log = logging.getLogger(__name__)
T = TypeVar("T")

ATTEMPTS_ENV = "WIRE_ARCHIVE_DB_RETRIES"
BASE_ENV = "WIRE_ARCHIVE_DB_RETRY_BASE_SECONDS"
DEFAULT_ATTEMPTS = 6
DEFAULT_BASE = 0.5
MAX_PAUSE = 10.0

# SQLSTATEs of a connection that is gone or refused: class 08, and the server shutting
# down or starting up (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now).
_GONE_STATES = ("57P01", "57P02", "57P03")
_PERMANENT = ("authentication failed", "does not exist", "no password supplied")


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    try:
        return float(raw) if raw else default
    except ValueError:
        return default


def is_connection_lost(exc: BaseException) -> bool:
    """The connection to the server broke (not the statement): the work may be redone."""
    if isinstance(exc, sa.exc.DBAPIError):
        if exc.connection_invalidated:
            return True
        orig = exc.orig
    else:
        orig = exc
    sqlstate = getattr(orig, "sqlstate", None) or ""
    if sqlstate.startswith("08") or sqlstate in _GONE_STATES:
        return True
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return False
    # A dead socket raises OperationalError without a SQLSTATE ("server closed the
    # connection unexpectedly", "the connection is closed", "consuming input failed").
    # Refusals that no wait will mend (wrong password, no such database) are not retried.
    text = str(orig).lower()
    if any(word in text for word in _PERMANENT):
        return False
    return isinstance(orig, psycopg.OperationalError) and not sqlstate


def is_transient(exc: BaseException) -> bool:
    """Worth another try of the same transaction."""
    if isinstance(exc, sa.exc.DBAPIError) and db.is_retryable(exc):
        return True
    return is_connection_lost(exc)


def pauses(attempts: int | None = None, base: float | None = None) -> list[float]:
    """The pauses between attempts (one fewer than attempts), without jitter."""
    n = int(attempts if attempts is not None else _env_number(ATTEMPTS_ENV, DEFAULT_ATTEMPTS))
    first = base if base is not None else _env_number(BASE_ENV, DEFAULT_BASE)
    return [min(MAX_PAUSE, first * 2**i) for i in range(max(1, n) - 1)]


def retrying(
    fn: Callable[[], T],
    *,
    what: str = "database work",
    attempts: int | None = None,
    base: float | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Call `fn`; on a transient failure wait and call it again, a bounded number of times.

    When the budget is spent, the last error is raised unchanged."""
    waits = pauses(attempts, base)
    for attempt in range(len(waits) + 1):
        try:
            return fn()
        except Exception as exc:
            if attempt == len(waits) or not is_transient(exc):
                raise
            pause = waits[attempt] * random.uniform(0.8, 1.2)  # noqa: S311 - jitter only
            log.warning(
                "%s: attempt %d of %d failed (%s: %s); retrying in %.2f s",
                what,
                attempt + 1,
                len(waits) + 1,
                type(exc).__name__,
                str(getattr(exc, "orig", None) or exc).splitlines()[0] if str(exc) else "",
                pause,
            )
            sleep(pause)
    raise AssertionError("unreachable")
