"""One landing file -> the raw dumps it holds: plain, .gz, or a .zip / .tar(.gz) bundle.

Nothing is ever extracted to disk and nothing is inflated past a limit: every read is
bounded (read(limit + 1)) so a bomb is recognised after at most `limit` bytes of work.
Failures are data, not exceptions: a file or container that cannot be read comes back as
one RawInput carrying its DumpError and the bytes we hold, so the reject keeps its bytes.

Failure scope: when the container itself is bad (too big, corrupt, a bomb by its declared
sizes) the whole file is one reject. A single bad member (too big on its own, a nested
archive too deep, a member that fails its CRC) is one reject named after that member, and
its siblings still load.
"""

from __future__ import annotations

import errno
import gzip
import io
import os
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from etl.model import DumpError, RawInput, RejectReason

MIB = 1024 * 1024

LANDING_SUFFIXES: tuple[str, ...] = (
    ".txt", ".text", ".html", ".htm", ".gz", ".zip", ".tar.gz", ".tgz", ".tar",
)  # fmt: skip

_GZIP_MAGIC = b"\x1f\x8b"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_TAR_MAGIC_OFFSET = 257
_ARCHIVE_SUFFIXES = (".zip", ".tar", ".tgz", ".tar.gz")
_SYSTEM_NAMES = frozenset({".ds_store", "thumbs.db", "desktop.ini", "__macosx"})
# Errors the stdlib readers raise on damaged input.
_ARCHIVE_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    tarfile.TarError,
    gzip.BadGzipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    KeyError,
    UnicodeError,
)


@dataclass(frozen=True)
class Limits:
    """Ceilings that keep one hostile file from exhausting memory or time.

    The compression ratio only counts once output passes `ratio_floor_bytes`: small text
    compresses well and is harmless; a megabyte out of every 5 KB in is not.
    """

    max_file_bytes: int = 20 * MIB
    max_members: int = 10_000
    max_member_bytes: int = 20 * MIB
    max_total_bytes: int = 500 * MIB
    max_ratio: float = 200.0
    ratio_floor_bytes: int = 1 * MIB


DEFAULT_LIMITS = Limits()


def _size(n: int) -> str:
    """Human byte count for error details: '20 MiB', '3.5 KiB', '17 bytes'."""
    for unit, factor in (("GiB", MIB * 1024), ("MiB", MIB), ("KiB", 1024)):
        if n >= factor:
            value = n / factor
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


def _has_suffix(name: str, suffixes: tuple[str, ...]) -> bool:
    return name.lower().endswith(suffixes)


def _kind(data: bytes, name: str) -> str:
    """'gzip', 'zip', 'tar' or 'plain': content first, the name only as a claim to check."""
    if data.startswith(_GZIP_MAGIC):
        return "gzip"
    if data.startswith(_ZIP_MAGICS):
        return "zip"
    if data[_TAR_MAGIC_OFFSET : _TAR_MAGIC_OFFSET + 5] == b"ustar":
        return "tar"
    if data and _has_suffix(name, (".tar",)):
        return "tar"  # old v7 tar has no magic; let tarfile judge it
    return "plain"


def _is_archive(data: bytes, name: str) -> bool:
    return _kind(data, name) != "plain"


def _skipped_name(name: str) -> bool:
    """Directories' debris and OS metadata: __MACOSX/, .DS_Store, AppleDouble ._files."""
    for part in name.replace("\\", "/").split("/"):
        lowered = part.lower()
        if lowered in _SYSTEM_NAMES:
            return True
        if part.startswith(".") and part not in (".", ".."):
            return True
    return False


class _Budget:
    """Bytes inflated so far for one top-level landing file, nested archives included."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.used = 0

    def room(self) -> int:
        return max(0, self.limits.max_total_bytes - self.used)


def _ratio_cap(compressed: int, limits: Limits) -> int:
    """Most output a stream of `compressed` bytes may give before it counts as a bomb."""
    return max(limits.ratio_floor_bytes, int(compressed * limits.max_ratio))


class _ContainerFailure(Exception):
    """The container as a whole is refused; carries the DumpError for its one reject."""

    def __init__(self, error: DumpError) -> None:
        super().__init__(error.detail)
        self.error = error


class _BoundedReader(io.RawIOBase):
    """A read-only stream that refuses to deliver more than `cap` bytes in total."""

    def __init__(self, inner: IO[bytes], cap: int, failure: _ContainerFailure) -> None:
        super().__init__()
        self._inner = inner
        self._cap = cap
        self._failure = failure
        self.delivered = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        want = len(buffer)
        chunk = self._inner.read(want)
        self.delivered += len(chunk)
        if self.delivered > self._cap:
            raise self._failure
        buffer[: len(chunk)] = chunk
        return len(chunk)


def iter_inputs(
    path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS
) -> Iterator[RawInput]:
    """Yield the dumps in one landing file; bad content is yielded, never raised.

    A missing path raises FileNotFoundError: that is the caller's bug, not bad input.
    """
    source = os.fspath(path)
    if not os.path.lexists(source):
        raise FileNotFoundError(source)
    try:
        if not stat.S_ISREG(os.stat(source).st_mode):
            # Opening a FIFO or a device would block or never end; a folder cannot be read.
            raise OSError(errno.EINVAL, "not a regular file (a folder, FIFO or device)")
        with open(source, "rb") as handle:
            data = handle.read(limits.max_file_bytes + 1)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        yield RawInput(
            source, b"", DumpError(RejectReason.UNREADABLE, f"the file cannot be read: {reason}")
        )
        return
    yield from inputs_from_bytes(source, data, limits=limits)


def inputs_from_bytes(
    source: str, data: bytes, *, limits: Limits = DEFAULT_LIMITS
) -> Iterator[RawInput]:
    """The dumps in a landing file whose bytes the caller has read already (the pipeline
    reads each file once, hashing what it keeps). Pass at most max_file_bytes + 1 bytes:
    more than max_file_bytes is the oversized reject, whatever the file's full length."""
    if len(data) > limits.max_file_bytes:
        yield RawInput(
            source,
            data[: limits.max_file_bytes],
            DumpError(
                RejectReason.OVERSIZED,
                f"the file is larger than the {_size(limits.max_file_bytes)} limit "
                f"(only its first {_size(limits.max_file_bytes)} are kept)",
            ),
        )
        return
    yield from _expand(source, data, limits, _Budget(limits), depth=0)


def _expand(
    source: str, data: bytes, limits: Limits, budget: _Budget, *, depth: int
) -> Iterator[RawInput]:
    """Dumps inside `data`; depth 0 is the landing file, 1 an archive inside a bundle."""
    kind = _kind(data, source)
    if kind == "plain":
        if data and _has_suffix(source, (*_ARCHIVE_SUFFIXES, ".gz")):
            yield RawInput(
                source,
                data,
                DumpError(
                    RejectReason.CORRUPT_ARCHIVE,
                    "the file is named as a compressed archive but its content is not one",
                ),
            )
        else:
            yield RawInput(source, data)
        return
    # A bundle may hold bundles, no deeper. A lone .gz is a wrapper, not a bundle: it may
    # sit one level further down, as long as what it wraps is not yet another archive.
    if depth > 1 and not (kind == "gzip" and depth == 2):
        yield RawInput(source, data, _too_deep())
        return
    expand = {"gzip": _expand_gzip, "zip": _expand_zip}.get(kind, _expand_tar)
    found = False
    try:
        for raw in expand(source, data, limits, budget, depth=depth):
            found = True
            yield raw
    except _ContainerFailure as failure:
        found = True
        yield RawInput(source, data, failure.error)
    if not found:
        # An archive with no file in it (or only folders and system files) is still one
        # landing entry: it ends as a reject, never silently nowhere.
        yield RawInput(
            source, data, DumpError(RejectReason.EMPTY, "the archive holds no files")
        )


def _too_deep() -> DumpError:
    return DumpError(
        RejectReason.BOMB, "an archive nested more than one level deep inside a bundle is refused"
    )


def _fail(reason: RejectReason, detail: str) -> _ContainerFailure:
    return _ContainerFailure(DumpError(reason, detail))


def _corrupt(what: str, exc: BaseException) -> _ContainerFailure:
    why = str(exc) or exc.__class__.__name__
    return _fail(RejectReason.CORRUPT_ARCHIVE, f"the {what} is corrupt or truncated ({why})")


def _bomb_ratio(what: str, limits: Limits) -> _ContainerFailure:
    return _fail(
        RejectReason.BOMB,
        f"the {what} expands more than {limits.max_ratio:g} times its compressed size "
        f"(past {_size(limits.ratio_floor_bytes)}); refused as a compression bomb",
    )


def _bomb_total(what: str, limits: Limits) -> _ContainerFailure:
    return _fail(
        RejectReason.BOMB,
        f"the {what} holds more than {_size(limits.max_total_bytes)} when decompressed "
        f"(limit {_size(limits.max_total_bytes)}); refused as a compression bomb",
    )


def _bomb_members(what: str, limits: Limits) -> _ContainerFailure:
    return _fail(
        RejectReason.BOMB, f"the {what} has more than {limits.max_members} members (the limit)"
    )


def _oversized_member(name: str, data: bytes, limits: Limits) -> RawInput:
    return RawInput(
        name,
        data[: limits.max_member_bytes],
        DumpError(
            RejectReason.OVERSIZED,
            f"the member exceeds {_size(limits.max_member_bytes)} when decompressed "
            f"(limit {_size(limits.max_member_bytes)}; only its first "
            f"{_size(limits.max_member_bytes)} are kept)",
        ),
    )


def _member(
    name: str, content: bytes, limits: Limits, budget: _Budget, *, depth: int
) -> Iterator[RawInput]:
    """A bundle member: a dump, or (one level only) an archive to open in turn."""
    yield from _expand(name, content, limits, budget, depth=depth + 1)


def _expand_gzip(
    source: str, data: bytes, limits: Limits, budget: _Budget, *, depth: int
) -> Iterator[RawInput]:
    """A .gz: one dump (decompressed), or a tarball when the stream holds a tar."""
    ratio_cap = _ratio_cap(len(data), limits)
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            head = stream.read(512)
    except _ARCHIVE_ERRORS as exc:
        raise _corrupt("gzip stream", exc) from exc
    if len(head) == 512 and head[_TAR_MAGIC_OFFSET : _TAR_MAGIC_OFFSET + 5] == b"ustar":
        if depth > 1:
            raise _ContainerFailure(_too_deep())
        room = budget.room() + _tar_overhead(limits)
        if ratio_cap <= room:
            bound = (ratio_cap, _bomb_ratio("compressed tar archive", limits))
        else:
            bound = (room, _bomb_total("compressed tar archive", limits))
        yield from _expand_tar(source, data, limits, budget, depth=depth, bound=bound)
        return
    if _has_suffix(source, (".tgz", ".tar.gz")):
        raise _fail(RejectReason.CORRUPT_ARCHIVE, "the gzip stream does not hold a tar archive")

    cap = min(ratio_cap, limits.max_member_bytes, budget.room())
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            content = stream.read(cap + 1)
    except _ARCHIVE_ERRORS as exc:
        raise _corrupt("gzip stream", exc) from exc
    if len(content) > cap:
        if cap == ratio_cap:
            raise _bomb_ratio("gzip stream", limits)
        if cap == budget.room() and cap < limits.max_member_bytes:
            raise _bomb_total("bundle", limits)
        raise _fail(
            RejectReason.OVERSIZED,
            f"the file exceeds {_size(limits.max_member_bytes)} when decompressed "
            f"(limit {_size(limits.max_member_bytes)})",
        )
    budget.used += len(content)
    if _is_archive(content, source.removesuffix(".gz")):
        # A zip (or a gzip) inside the gzip: one more level of nesting, never a loop.
        yield from _expand(source, content, limits, budget, depth=depth + 1)
        return
    yield RawInput(source, content)


def _zip_encrypted(info: zipfile.ZipInfo) -> bool:
    return bool(info.flag_bits & 0x1)


def _zip_entry_count(data: bytes) -> int | None:
    """Entries the end-of-central-directory record announces, read before zipfile builds
    an object per entry (a 20 MiB zip can list hundreds of thousands of empty members)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65535))
    if end < 0 or end + 22 > len(data):
        return None
    total = int.from_bytes(data[end + 10 : end + 12], "little")
    return None if total == 0xFFFF else total  # 0xFFFF: the real count is in a zip64 record


def _expand_zip(
    source: str, data: bytes, limits: Limits, budget: _Budget, *, depth: int
) -> Iterator[RawInput]:
    """A zip: its central directory is checked in full before a single byte is inflated.

    zipfile never returns more than a member's declared size (and fails the CRC when the
    declaration lies), so the declared sizes are a safe bound for the bomb checks.
    """
    declared_entries = _zip_entry_count(data)
    if declared_entries is not None and declared_entries > limits.max_members:
        raise _bomb_members("zip archive", limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except _ARCHIVE_ERRORS as exc:
        raise _corrupt("zip archive", exc) from exc
    # (ZipInfo.is_dir fails on a member with an empty name: such a member is read, and
    # rejected, like any other file.)
    files = [info for info in infos if not info.filename.endswith("/")]
    if len(files) > limits.max_members:
        raise _bomb_members("zip archive", limits)
    declared = sum(info.file_size for info in files)
    if declared > budget.room():
        raise _bomb_total("zip archive", limits)
    if declared > limits.ratio_floor_bytes and declared > len(data) * limits.max_ratio:
        raise _bomb_ratio("zip archive", limits)
    for info in files:
        if info.file_size > limits.ratio_floor_bytes and info.file_size > max(
            info.compress_size, 1
        ) * limits.max_ratio:
            raise _bomb_ratio(f"zip member {info.filename!r}", limits)
    budget.used += declared

    with archive:
        for info in files:
            if _skipped_name(info.filename):
                continue
            name = f"{source}!{info.filename}"
            if _zip_encrypted(info):
                yield RawInput(
                    name,
                    b"",
                    DumpError(RejectReason.UNREADABLE, "the member is password-protected"),
                )
                continue
            try:
                with archive.open(info) as stream:
                    content = stream.read(limits.max_member_bytes + 1)
            except _ARCHIVE_ERRORS as exc:
                why = str(exc) or exc.__class__.__name__
                yield RawInput(
                    name,
                    b"",
                    DumpError(
                        RejectReason.CORRUPT_ARCHIVE,
                        f"the member is corrupt or truncated ({why})",
                    ),
                )
                continue
            if len(content) > limits.max_member_bytes:
                yield _oversized_member(name, content, limits)
                continue
            yield from _member(name, content, limits, budget, depth=depth)


def _tar_overhead(limits: Limits) -> int:
    """Headers and padding a tar adds around its members' bytes: a generous allowance."""
    return 2048 * min(limits.max_members + 1, 100_000) + 20 * 512


class _StrictTarInfo(tarfile.TarInfo):
    """tarfile reads a garbled header after the first member as a silent end of archive,
    which would drop every member after it without a word. Here it is an error."""

    @classmethod
    def fromtarfile(cls, tarfile_: tarfile.TarFile) -> tarfile.TarInfo:
        try:
            return super().fromtarfile(tarfile_)
        except (tarfile.InvalidHeaderError, tarfile.TruncatedHeaderError) as exc:
            raise tarfile.ReadError(f"bad header at byte {tarfile_.offset}: {exc}") from None


def _open_tar(data: bytes, bound: tuple[int, _ContainerFailure] | None) -> tarfile.TarFile:
    """A streaming TarFile over `data`; gzip'd when `bound` (its inflation ceiling) is set."""
    if bound is None:
        return tarfile.open(fileobj=io.BytesIO(data), mode="r|", tarinfo=_StrictTarInfo)
    cap, failure = bound
    inflated = gzip.GzipFile(fileobj=io.BytesIO(data))
    reader = io.BufferedReader(_BoundedReader(inflated, cap, failure), buffer_size=64 * 1024)
    return tarfile.open(fileobj=reader, mode="r|", tarinfo=_StrictTarInfo)


def _drain(member: IO[bytes] | None) -> None:
    """Read a member to its end and drop it: a stream cut short fails here, not later."""
    if member is None:
        return
    while member.read(MIB):
        pass


def _expand_tar(
    source: str,
    data: bytes,
    limits: Limits,
    budget: _Budget,
    *,
    depth: int,
    bound: tuple[int, _ContainerFailure] | None = None,
) -> Iterator[RawInput]:
    """A tar (plain or gzip'd), streamed twice: headers first, members only if all is well.

    The first pass reads every header (inflating, never keeping, the bytes between them)
    so a bomb or a damaged tail refuses the whole file before any member is yielded.
    `bound` caps the inflated stream of a compressed tar; a plain tar is bounded by its file.
    """
    what = "tar archive"
    count = 0
    declared = 0
    try:
        with _open_tar(data, bound) as archive:
            for info in archive:
                if not info.isreg():
                    continue
                count += 1
                if count > limits.max_members:
                    raise _bomb_members(what, limits)
                declared += info.size
                if declared > budget.room():
                    raise _bomb_total(what, limits)
                _drain(archive.extractfile(info))
    except _ARCHIVE_ERRORS as exc:
        raise _corrupt(what, exc) from exc
    budget.used += declared

    try:
        with _open_tar(data, bound) as archive:
            for info in archive:
                # Links, devices, FIFOs and directories carry no dump of their own.
                if not info.isreg() or _skipped_name(info.name):
                    continue
                name = f"{source}!{info.name}"
                member = archive.extractfile(info)
                if member is None:
                    continue
                content = member.read(limits.max_member_bytes + 1)
                if len(content) > limits.max_member_bytes:
                    yield _oversized_member(name, content, limits)
                    continue
                yield from _member(name, content, limits, budget, depth=depth)
    except (_ContainerFailure, *_ARCHIVE_ERRORS) as exc:  # pass one read it cleanly
        why = str(exc) or exc.__class__.__name__
        yield RawInput(
            source,
            data,
            DumpError(RejectReason.CORRUPT_ARCHIVE, f"the tar archive failed on re-read ({why})"),
        )
