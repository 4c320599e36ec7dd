"""The landing zone, entry by entry: what a scan finds and how one entry is read, safely.

A *landing entry* is any name under a landing folder whose name ends in a landing suffix
(.txt, .html, .gz, .zip, ...), whatever it turns out to be, plus any sub-folder that cannot
be listed. Every entry ends in exactly one place:

    ready     a settled regular file (or a symlink to one inside the landing zone): read once,
              its bytes hashed, parsed and loaded (or counted a duplicate, same bytes only)
    deferred  written to less than `settle_seconds` ago, or changed while it was read: left
              alone, not rejected and not put in the ledger, so a later run loads it
    reject    no bytes to archive: `vanished` (gone before it could be read), `unreadable`
              (cannot be opened or listed, a broken symlink, a symlink loop), `not_regular`
              (FIFO, socket, device, a folder behind a symlink), `outside_landing` (a symlink
              whose target lies outside the landing zone; its target is never read)

A FIFO is never opened: entries are classified from lstat/stat first, and the one open is
O_NONBLOCK | O_NOFOLLOW with an fstat check, so a swap after the check cannot hang a run.

Names are kept losslessly. Internally a path is the str os.fsdecode gives (undecodable bytes
as lone surrogates). The archive stores `storable_name(path)`: the name itself when it is
valid UTF-8 without a backslash (nearly always), else an escaped form in which every
backslash is doubled and every byte that is not UTF-8 is written \\xHH. The escaped form always
holds a backslash and the plain form never does, so `name_bytes` recovers the exact bytes.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import stat
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from etl.model import RejectReason

log = logging.getLogger(__name__)

SETTLE_ENV = "WIRE_ARCHIVE_SETTLE_SECONDS"
FOLLOW_OUTSIDE_ENV = "WIRE_ARCHIVE_FOLLOW_OUTSIDE_SYMLINKS"
DEFAULT_SETTLE_SECONDS = 60.0
_CHUNK = 1 << 20
_PROC_FD = "/proc/self/fd"
_GONE = "the file disappeared before it was read"

State = Literal["ready", "deferred", "reject"]


# --- names -------------------------------------------------------------------------------


def storable_name(path: str | bytes | os.PathLike[str]) -> str:
    """A form of `path` any database text column holds; lossless (see the module doc)."""
    raw = os.fsencode(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and "\\" not in text:
        return text
    return "\\\\".join(part.decode("utf-8", "backslashreplace") for part in raw.split(b"\\"))


_ESCAPE = re.compile(r"\\(\\|x[0-9a-f]{2})")


def name_bytes(stored: str) -> bytes:
    """The exact file-name bytes behind a `storable_name` value."""
    if "\\" not in stored:
        return stored.encode("utf-8")
    out = bytearray()
    pos = 0
    for match in _ESCAPE.finditer(stored):
        out += stored[pos : match.start()].encode("utf-8")
        token = match.group(1)
        out += b"\\" if token == "\\" else bytes([int(token[1:], 16)])
        pos = match.end()
    out += stored[pos:].encode("utf-8")
    return bytes(out)


# --- settings ----------------------------------------------------------------------------


def settle_seconds_from_env() -> float:
    """WIRE_ARCHIVE_SETTLE_SECONDS, else 60: how long a file must be left untouched."""
    value = os.environ.get(SETTLE_ENV, "").strip()
    if not value:
        return DEFAULT_SETTLE_SECONDS
    try:
        seconds = float(value)
    except ValueError:
        raise ValueError(f"{SETTLE_ENV} must be a number of seconds, not {value!r}") from None
    if seconds < 0 or seconds != seconds:
        raise ValueError(f"{SETTLE_ENV} must be zero or more, not {value!r}")
    return seconds


def follow_outside_from_env() -> bool:
    """WIRE_ARCHIVE_FOLLOW_OUTSIDE_SYMLINKS=1 (true, yes, on): follow symlinks anywhere."""
    return os.environ.get(FOLLOW_OUTSIDE_ENV, "").strip().lower() in ("1", "true", "yes", "on")


@dataclass
class Landing:
    """Where entries may come from and when they count as settled.

    `roots` are real paths: a landing folder, or for a file named on its own, its folder.
    A symlink is followed only to a target under one of them (unless `follow_outside`).
    `deferred` collects, path -> why, every entry left for a later run by this object's
    scans and reads."""

    roots: tuple[str, ...]
    settle_seconds: float = DEFAULT_SETTLE_SECONDS
    follow_outside: bool = False
    deferred: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_paths(
        cls,
        paths: Iterable[str | os.PathLike[str]],
        *,
        settle_seconds: float | None = None,
        follow_outside: bool | None = None,
    ) -> Landing:
        roots: list[str] = []
        for given in paths:
            path = os.path.abspath(os.fsdecode(given))
            root = path if os.path.isdir(path) else os.path.dirname(path)
            roots.append(os.path.realpath(root))
        return cls(
            roots=tuple(dict.fromkeys(roots)),
            settle_seconds=settle_seconds_from_env() if settle_seconds is None else settle_seconds,
            follow_outside=follow_outside_from_env() if follow_outside is None else follow_outside,
        )

    def inside(self, real: str) -> bool:
        if self.follow_outside:
            return True
        for root in self.roots:
            try:
                if os.path.commonpath([root, real]) == root:
                    return True
            except ValueError:
                continue
        return False

    def defer(self, path: str, why: str) -> None:
        if path not in self.deferred:
            log.info("deferred to a later run: %s (%s)", storable_name(path), why)
        self.deferred[path] = why


@dataclass(frozen=True)
class Entry:
    """One landing entry and what the scan decided about it."""

    path: str  # as found (os.fsdecode form)
    state: State
    reason: RejectReason | None = None
    detail: str = ""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _why(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _unsettled(st: os.stat_result, landing: Landing, now: float | None = None) -> str | None:
    age = (time.time() if now is None else now) - st.st_mtime
    if age < landing.settle_seconds:
        when = "in the future" if age < 0 else f"{age:.0f}s ago"
        return f"modified {when}; settles after {landing.settle_seconds:g}s untouched"
    return None


def classify(path: str, landing: Landing, *, now: float | None = None) -> Entry:
    """What `path` is now, without opening it: never blocks, never reads a target outside."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return Entry(path, "reject", RejectReason.VANISHED, _GONE)
    except OSError as exc:
        return Entry(path, "reject", RejectReason.UNREADABLE, f"cannot stat the file: {_why(exc)}")
    if stat.S_ISLNK(st.st_mode):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        try:
            real = os.path.realpath(path, strict=True)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                detail = f"a symbolic link loop (-> {storable_name(target)})"
            elif exc.errno == errno.ENOENT:
                detail = f"a broken symbolic link (-> {storable_name(target)})"
            else:
                detail = f"a symbolic link that cannot be resolved: {_why(exc)}"
            return Entry(path, "reject", RejectReason.UNREADABLE, detail)
        if not landing.inside(real):
            return Entry(
                path,
                "reject",
                RejectReason.OUTSIDE_LANDING,
                f"a symbolic link to {storable_name(real)}, outside the landing zone; not read",
            )
        try:
            st = os.stat(real)
        except FileNotFoundError:
            return Entry(path, "reject", RejectReason.VANISHED, "the link's target disappeared")
        except OSError as exc:
            return Entry(path, "reject", RejectReason.UNREADABLE, f"cannot stat: {_why(exc)}")
    if not stat.S_ISREG(st.st_mode):
        return Entry(path, "reject", RejectReason.NOT_REGULAR, f"{_kind(st.st_mode)}; not read")
    why = _unsettled(st, landing, now)
    if why is not None:
        return Entry(path, "deferred", detail=why)
    return Entry(path, "ready")


def scan(
    paths: Iterable[str | os.PathLike[str]],
    landing: Landing,
    suffixes: Sequence[str],
    *,
    now: float | None = None,
) -> list[Entry]:
    """Every landing entry under `paths`, sorted by path, each classified.

    A folder is walked without following symlinked folders (a symlink is an entry of its
    own). A path that does not exist at all is the caller's mistake: FileNotFoundError
    before any work, as before."""
    wanted = tuple(s.lower() for s in suffixes)
    found: dict[str, Entry] = {}

    def walk(folder: str) -> None:
        try:
            with os.scandir(folder) as listing:
                children = list(listing)
        except OSError as exc:
            detail = f"the folder cannot be listed: {_why(exc)}"
            found[folder] = Entry(folder, "reject", RejectReason.UNREADABLE, detail)
            return
        for child in children:
            try:
                is_folder = child.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False  # classify() below says what it is
            if is_folder:
                walk(child.path)
            elif child.name.lower().endswith(wanted):
                found[child.path] = classify(child.path, landing, now=now)

    for given in paths:
        path = os.fsdecode(os.fspath(given))
        if os.path.isdir(path):
            walk(path)
        elif os.path.lexists(path):
            found[path] = classify(path, landing, now=now)  # named explicitly: any name
        else:
            raise FileNotFoundError(f"no such file or folder: {storable_name(path)}")
    entries = [found[key] for key in sorted(found)]
    for entry in entries:
        if entry.state == "deferred":
            landing.defer(entry.path, entry.detail)
    return entries


# --- reading -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Read:
    """One landing file read once: at most `keep` bytes kept, all of them hashed.

    Exactly one of: `data` (with sha256 and size), `deferred` (why), or `reason`."""

    path: str
    data: bytes | None = None
    sha256: str | None = None
    size: int = 0
    deferred: str | None = None
    reason: RejectReason | None = None
    detail: str = ""


_READ_FLAGS = (
    os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
)


def _opened_path(fd: int) -> str | None:
    try:
        return os.readlink(f"{_PROC_FD}/{fd}")
    except OSError:
        return None


def read_entry(path: str, landing: Landing, keep: int, *, now: float | None = None) -> Read:
    """Read one entry for loading. The kept bytes are the ones hashed: one pass, one fd.

    Settling and the symlink rule are checked again here (the DAG reads long after the
    scan), then on the open file itself: it must be a regular file, inside the landing
    zone (by /proc/self/fd, where there is one), and unchanged while it was read."""
    entry = classify(path, landing, now=now)
    if entry.state == "deferred":
        landing.defer(path, entry.detail)
        return Read(path, deferred=entry.detail)
    if entry.state == "reject":
        return Read(path, reason=entry.reason, detail=entry.detail)
    real = os.path.realpath(path)
    try:
        fd = os.open(real, _READ_FLAGS)
    except FileNotFoundError:
        return Read(path, reason=RejectReason.VANISHED, detail=_GONE)
    except OSError as exc:
        return Read(path, reason=RejectReason.UNREADABLE, detail=f"cannot open: {_why(exc)}")
    with open(fd, "rb", buffering=0, closefd=True) as handle:
        before = os.fstat(fd)
        if not stat.S_ISREG(before.st_mode):
            detail = f"{_kind(before.st_mode)}; not read"
            return Read(path, reason=RejectReason.NOT_REGULAR, detail=detail)
        opened = _opened_path(fd)
        if opened is not None and opened.startswith("/") and not landing.inside(opened):
            where = storable_name(opened)
            detail = f"the file opened is {where}, outside the landing zone; not read"
            return Read(path, reason=RejectReason.OUTSIDE_LANDING, detail=detail)
        why = _unsettled(before, landing, now)
        if why is not None:
            landing.defer(path, why)
            return Read(path, deferred=why)
        digest = hashlib.sha256()
        kept = bytearray()
        size = 0
        try:
            while True:
                block = handle.read(_CHUNK)
                if not block:
                    break
                size += len(block)
                digest.update(block)
                room = keep - len(kept)
                if room > 0:
                    kept += block[:room]
        except OSError as exc:
            return Read(path, reason=RejectReason.UNREADABLE, detail=f"read failed: {_why(exc)}")
        after = os.fstat(fd)
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns) or (
        size != before.st_size
    ):
        why = f"changed while it was read ({before.st_size} -> {after.st_size} bytes)"
        landing.defer(path, why)
        return Read(path, deferred=why)
    return Read(path, data=bytes(kept), sha256=digest.hexdigest(), size=size)


HASH_READ_BYTES = 1 << 16  # one read for nearly every landing file, then the end


def content_sha256(path: str) -> str | None:
    """The SHA-256 of a landing file's bytes (discovery's question to the ledger), None for
    anything but a readable regular file, or a symlink to one wherever it points.

    Cheaper than `read_entry`, which discovery does not need: no settle or landing-zone
    rule (discovery applied them in its scan a moment before), and a path that is not a
    symlink is opened as it is, not resolved folder by folder first. As in `classify`, a
    FIFO or a device is never opened; O_NONBLOCK and the check on the open file cover one
    put in the file's place meanwhile."""
    try:
        st = os.lstat(path)
        real = path
        if stat.S_ISLNK(st.st_mode):
            real = os.path.realpath(path, strict=True)
            st = os.stat(real)
        if not stat.S_ISREG(st.st_mode):
            return None
        fd = os.open(real, _READ_FLAGS)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        # Read in plain os.read calls: a landing file is a few kilobytes, and
        # hashlib.file_digest's 256 KiB buffer per file was most of discovery's time.
        digest = hashlib.sha256()
        while chunk := os.read(fd, HASH_READ_BYTES):
            digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None
    finally:
        os.close(fd)


def problem_key(reason: RejectReason, path: str, occasion: str) -> str:
    """The `rejects.sha256` of an entry that gave no bytes: unique per entry and occasion,
    so two unreadable files are two rejects and never "duplicates" of empty bytes."""
    digest = hashlib.sha256(b"wire-archive landing entry without bytes\0")
    for part in (reason.value.encode(), os.fsencode(path), occasion.encode()):
        digest.update(part + b"\0")
    return digest.hexdigest()
